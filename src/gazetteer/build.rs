//! Building the gazetteer: what it is built from, loading (through the compiled-lexicon
//! [`cache`]) and compiling every alias and generated form into candidates and one
//! automaton.
//!
//! Reads: [`GazetteerOptions`] (the lexicons in order, each with the file to read and the config
//! that declares it; the caller resolves paths, so the gazetteer never reads the config) and the
//! document [`Normalizer`]. Creates: a [`Gazetteer`].
//!
//! Policy choices:
//! * aliases go through the document normalizer, then the match fold, so non-ASCII variants
//!   match as the text is normalized;
//! * one candidate per entity, context flag and case check on one folded key; an alias as
//!   written replaces a generated form of the same entity;
//! * a generated form that is a common word is dropped when case cannot tell them apart, kept
//!   mid-sentence otherwise; one that collides with other entities is dropped
//!   (`Builder::drop_collisions`); every drop is noted for `lexicon check`;
//! * candidates are ranked by priority (high first), lexicon order, file order;
//! * an unreadable config lexicon is reported at the config line that declares it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::automaton::Automaton;
use super::cache;
use super::compiled::{
    Candidate, CaseCheck, EntityInfo, FormNote, FormNoteKind, Gazetteer, InflectReport,
    LexiconInfo, LexiconRuntime,
};
use super::fold::{fold_str, typo_fold};
use super::inflect;
use super::lexicon::{self, CaseMode, LexiconSpec};
use crate::digest::hex;
use crate::error::{Error, Result};
use crate::normalize::Normalizer;

/// One lexicon to load: its config entry, the file to read, and the config file that declares
/// it.
#[derive(Clone, Debug)]
pub struct LexiconSource {
    /// The lexicon's settings.
    pub spec: LexiconSpec,
    /// The file to read (resolved against the config's folder, or as typed on the command
    /// line).
    pub path: PathBuf,
    /// The config file that declares it, so an unreadable file is reported at the declaring
    /// line; `None` for a file named on the command line.
    pub declared_in: Option<PathBuf>,
}

/// What the gazetteer is built from: the lexicons to load, in order.
#[derive(Clone, Debug, Default)]
pub struct GazetteerOptions {
    /// The lexicons, in priority order for ties.
    pub lexicons: Vec<LexiconSource>,
}

/// Lexicon files named on the command line: `--lexicon FILE` (repeatable), `--label LABEL` and
/// `--no-default-lexicons`.
///
/// Policy (spaCy's `EntityRuler.add_patterns`): the files are added to the config's lexicons,
/// after them, with priority 1 so they win a tie on the same span against the config's
/// (priority 0 unless configured); `replace` drops the config's lexicons instead. Each is named
/// after its file stem, with `-2`, `-3`, ... when a loaded lexicon has the name. `label` is the label of
/// entries that carry none (a 3-column `.tsv`, a spaCy pattern without one, a `.txt` list).
#[derive(Clone, Debug, Default)]
pub struct CliLexicons {
    /// The files, as typed (relative to the working directory).
    pub paths: Vec<PathBuf>,
    /// `--label`.
    pub label: Option<String>,
    /// `--no-default-lexicons`.
    pub replace: bool,
}

impl CliLexicons {
    /// The files of `lexicon check|stats --lexicon FILE [--label LABEL]`: they replace the
    /// config's lexicons when any are given.
    pub fn instead(paths: &[PathBuf], label: Option<&str>) -> CliLexicons {
        CliLexicons {
            paths: paths.to_vec(),
            label: label.map(str::to_string),
            replace: !paths.is_empty(),
        }
    }

    /// The lexicons to load, in order: the config's enabled `declared` lexicons (declared in
    /// `config_path`, their paths resolved by `resolve`), unless replaced, then these files.
    pub fn options(
        &self,
        declared: &[LexiconSpec],
        config_path: &Path,
        resolve: impl Fn(&Path) -> PathBuf,
    ) -> GazetteerOptions {
        let mut out: Vec<LexiconSource> = if self.replace {
            Vec::new()
        } else {
            declared
                .iter()
                .filter(|l| l.enabled)
                .map(|l| {
                    let path = resolve(&l.path);
                    // A config lexicon read from a file also named on the command line: a
                    // failure to read it is the file's, not the config's.
                    let declared_in =
                        (!self.paths.contains(&path)).then(|| config_path.to_path_buf());
                    LexiconSource {
                        spec: l.clone(),
                        path,
                        declared_in,
                    }
                })
                .collect()
        };
        // Entities name their lexicon: two loaded lexicons must not share a name.
        let mut taken: std::collections::HashSet<String> =
            out.iter().map(|l| l.spec.name.clone()).collect();
        for p in &self.paths {
            let mut spec = LexiconSpec::from_cli(p);
            let stem = spec.name.clone();
            let mut n = 1;
            while !taken.insert(spec.name.clone()) {
                n += 1;
                spec.name = format!("{stem}-{n}");
            }
            spec.label = self.label.clone();
            if !self.replace {
                spec.priority = 1;
            }
            out.push(LexiconSource {
                spec,
                path: p.clone(),
                declared_in: None,
            });
        }
        GazetteerOptions { lexicons: out }
    }
}

impl Gazetteer {
    /// Loads the lexicons of `opts` and builds the automaton, or loads the compiled result
    /// from the cache when nothing it depends on changed.
    pub fn load(opts: &GazetteerOptions, normalizer: &Normalizer) -> Result<Gazetteer> {
        let sources = &opts.lexicons;
        // The key needs every file's digest; reading them is cheap next to building.
        // NOTE: everything the built gazetteer depends on must go into the key: options read by
        // `Builder::add` from elsewhere must be added here too (the lexicon specs, inflection
        // included, go in whole through their Debug form).
        let mut key = cache::KeyBuilder::new();
        key.part(format!("{:?}", normalizer.options()).as_bytes());
        let mut digests = Vec::new();
        for s in sources {
            let bytes = std::fs::read(&s.path).map_err(|e| lexicon_io_error(s, e))?;
            let digest = Sha256::digest(&bytes);
            key.part(format!("{:?}", s.spec).as_bytes()).part(&digest);
            digests.push(hex(&digest));
        }
        let key = key.finish();
        let Some(dir) = cache::dir() else {
            return build(sources, normalizer);
        };
        if let Some(g) = cache::load_and_touch(&dir, &key) {
            return Ok(g);
        }
        let g = build(sources, normalizer)?;
        // A lexicon edited while it was read would be cached under the old digest: check.
        let unchanged = g.info.len() == digests.len()
            && g.info.iter().zip(&digests).all(|(i, d)| &i.digest == d);
        if unchanged {
            // A cache is an optimization: a read-only or full disk only costs the next run time.
            let _ = cache::store(&dir, &key, &g);
        }
        Ok(g)
    }
}

/// A lexicon file that cannot be read. For a config lexicon the message points at the config
/// line that declares it.
fn lexicon_io_error(source: &LexiconSource, e: std::io::Error) -> Error {
    let Some(config) = &source.declared_in else {
        return Error::io(&source.path, e);
    };
    let declared = source.spec.path.to_string_lossy();
    Error::parse(
        config,
        crate::error::line_in_file(config, &[&declared]),
        format!(
            "lexicon {:?}: {}: {e}",
            source.spec.name,
            source.path.display()
        ),
    )
}

fn build(sources: &[LexiconSource], normalizer: &Normalizer) -> Result<Gazetteer> {
    let mut builder = Builder::default();
    for s in sources {
        let (entries, bytes) = lexicon::load(&s.spec, &s.path)?;
        builder.add(&s.spec, &entries, normalizer, &bytes)?;
    }
    builder.build()
}

/// Collects lexicons and compiles the automaton.
#[derive(Default)]
pub(super) struct Builder {
    patterns: Vec<String>,
    index: HashMap<String, usize>,
    candidates: Vec<Vec<Candidate>>,
    entities: Vec<EntityInfo>,
    ids: Vec<Arc<str>>,
    id_index: HashMap<String, u32>,
    labels: HashMap<String, Arc<str>>,
    lexicons: Vec<LexiconRuntime>,
    info: Vec<LexiconInfo>,
    pub(super) inflect: InflectReport,
    /// Where each generated candidate came from: (pattern, entity) -> (line, alias, form).
    origins: HashMap<(usize, u32), (usize, String, String)>,
}

impl Builder {
    pub(super) fn add(
        &mut self,
        spec: &LexiconSpec,
        entries: &[lexicon::Entry],
        normalizer: &Normalizer,
        bytes: &[u8],
    ) -> Result<()> {
        let lex = u16::try_from(self.lexicons.len())
            .map_err(|_| Error::Usage("too many lexicons (at most 65535)".into()))?;
        let lex_name: Arc<str> = spec.name.as_str().into();
        self.lexicons.push(LexiconRuntime {
            name: lex_name,
            languages: spec.languages.clone(),
        });
        let mut alias_count = 0;
        let mut generated_count = 0;
        let person =
            |label: &str| label.eq_ignore_ascii_case("PER") || label.eq_ignore_ascii_case("PERSON");
        for entry in entries {
            let id = match self.id_index.get(&entry.id) {
                Some(&i) => i,
                None => {
                    let i = self.ids.len() as u32;
                    self.ids.push(entry.id.as_str().into());
                    self.id_index.insert(entry.id.clone(), i);
                    i
                }
            };
            let label = self
                .labels
                .entry(entry.label.clone())
                .or_insert_with(|| entry.label.as_str().into())
                .clone();
            let entity = self.entities.len() as u32;
            self.entities.push(EntityInfo {
                id,
                label,
                name: entry.name.as_str().into(),
                lexicon: lex,
            });
            for alias in &entry.aliases {
                let normalized = normalizer.normalize_str(&alias.text);
                let key = fold_str(&normalized);
                if key.trim().is_empty() {
                    continue;
                }
                alias_count += 1;
                // The alias as written and each generated form differ only in these three.
                let candidate = |case, generated, mid_sentence| Candidate {
                    entity,
                    lexicon: lex,
                    priority: spec.priority,
                    context_only: alias.context_only,
                    case,
                    generated,
                    mid_sentence,
                };
                let case = case_check(spec.case, alias.exact_case, &normalized);
                self.push_candidate(key, candidate(case, None, false));
                let langs = alias.inflect.as_deref().unwrap_or(&spec.inflect);
                for &lang in langs {
                    for form in inflect::forms(lang, &normalized, person(&entry.label)) {
                        let form = normalizer.normalize_str(&form);
                        let case = case_check(spec.case, alias.exact_case, &form);
                        let mut mid_sentence = false;
                        if inflect::common_word(lang, &form) {
                            let list = lang.common_list();
                            let kind = if matches!(case, CaseCheck::None) {
                                FormNoteKind::CommonWordDropped(list)
                            } else {
                                mid_sentence = true;
                                FormNoteKind::CommonWordMidSentence(list)
                            };
                            self.inflect.notes.push(FormNote {
                                lexicon: lex as usize,
                                line: entry.line,
                                alias: alias.text.clone(),
                                form: form.clone(),
                                lang,
                                kind: kind.clone(),
                            });
                            if !mid_sentence {
                                continue;
                            }
                        }
                        let key = fold_str(&form);
                        let pushed =
                            self.push_candidate(key, candidate(case, Some(lang), mid_sentence));
                        if let Some(p) = pushed {
                            generated_count += 1;
                            self.origins
                                .insert((p, entity), (entry.line, alias.text.clone(), form));
                        }
                    }
                }
            }
        }
        self.inflect.generated.push(generated_count);
        self.info.push(LexiconInfo {
            name: spec.name.clone(),
            path: spec.path.to_string_lossy().replace('\\', "/"),
            digest: hex(&Sha256::digest(bytes)),
            entries: entries.len(),
            aliases: alias_count,
        });
        Ok(())
    }

    /// Adds a candidate to the pattern `key`; returns the pattern when a new candidate went in.
    /// One candidate per entity and context-only flag is enough; an alias as written replaces a
    /// generated form of the same entity.
    fn push_candidate(&mut self, key: String, cand: Candidate) -> Option<usize> {
        let pattern = match self.index.get(&key) {
            Some(&p) => p,
            None => {
                let p = self.patterns.len();
                self.patterns.push(key.clone());
                self.index.insert(key, p);
                self.candidates.push(Vec::new());
                p
            }
        };
        let cands = &mut self.candidates[pattern];
        match cands
            .iter()
            // One candidate per entity, context flag and case check; aliases that fold to one
            // key but check case differently (`BAKU|Baku`) each keep their own.
            .position(|c| {
                c.entity == cand.entity
                    && c.context_only == cand.context_only
                    && c.case == cand.case
            }) {
            Some(at) if cands[at].generated.is_some() && cand.generated.is_none() => {
                cands[at] = cand;
                None
            }
            Some(_) => None,
            None => {
                cands.push(cand);
                Some(pattern)
            }
        }
    }

    /// Drops generated candidates that collide with other entities: with an alias as written of
    /// another id, or (no alias as written) with generated forms of several ids.
    pub(super) fn drop_collisions(&mut self) {
        for (p, cands) in self.candidates.iter_mut().enumerate() {
            if !cands.iter().any(|c| c.generated.is_some()) {
                continue;
            }
            let id_of = |c: &Candidate| self.entities[c.entity as usize].id;
            let written: Vec<u32> = cands
                .iter()
                .filter(|c| c.generated.is_none())
                .map(id_of)
                .collect();
            let mut ids: Vec<u32> = cands.iter().map(id_of).collect();
            ids.sort_unstable();
            ids.dedup();
            if ids.len() < 2 {
                continue;
            }
            // Forms of one alias shared by several entities (two brothers' "Safarov") keep the
            // written alias's ambiguity and ranking: that is no new collision.
            let origin = |c: &Candidate| self.origins.get(&(p, c.entity)).map(|o| fold_str(&o.1));
            let first = cands.first().and_then(origin);
            if written.is_empty() && first.is_some() && cands.iter().all(|c| origin(c) == first) {
                continue;
            }
            let mut dropped = Vec::new();
            cands.retain(|c| {
                let keep =
                    c.generated.is_none() || (!written.is_empty() && written.contains(&id_of(c)));
                if !keep {
                    dropped.push(c.clone());
                }
                keep
            });
            for c in dropped {
                let own = id_of(&c);
                let mut others: Vec<String> = ids
                    .iter()
                    .filter(|&&i| i != own)
                    .map(|&i| self.ids[i as usize].to_string())
                    .collect();
                others.sort();
                let (line, alias, form) = self
                    .origins
                    .get(&(p, c.entity))
                    .cloned()
                    .unwrap_or_default();
                let lex = c.lexicon as usize;
                self.inflect.generated[lex] -= 1;
                self.inflect.notes.push(FormNote {
                    lexicon: lex,
                    line,
                    alias,
                    form,
                    lang: c.generated.expect("only generated candidates are dropped"),
                    kind: FormNoteKind::Collision(others),
                });
            }
        }
    }

    pub(super) fn build(mut self) -> Result<Gazetteer> {
        self.drop_collisions();

        // Rank candidates: priority (high first), then lexicon order, then file order; full
        // aliases before context-only ones of the same rank.
        for c in &mut self.candidates {
            c.sort_by_key(|c| {
                (
                    std::cmp::Reverse(c.priority),
                    c.lexicon,
                    c.entity,
                    c.context_only,
                )
            });
        }
        let automaton =
            if self.patterns.is_empty() {
                None
            } else {
                Some(Automaton::build(&self.patterns).map_err(|e| {
                    Error::Usage(format!("cannot build the gazetteer automaton: {e}"))
                })?)
            };
        Ok(Gazetteer {
            automaton,
            candidates: self.candidates,
            entities: self.entities,
            ids: self.ids,
            lexicons: self.lexicons,
            info: self.info,
            inflect: self.inflect,
        })
    }
}

/// How a candidate of `alias` (normalized) checks case, from its lexicon's mode and the alias's
/// `=` marker.
pub(super) fn case_check(mode: CaseMode, exact_alias: bool, alias: &str) -> CaseCheck {
    let exact = || CaseCheck::Exact(alias.chars().map(typo_fold).collect::<String>().into());
    if exact_alias {
        return exact();
    }
    match mode {
        CaseMode::Sensitive => exact(),
        CaseMode::Insensitive => CaseCheck::None,
        CaseMode::Smart => {
            let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
            let has_lower = alias.chars().any(char::is_lowercase);
            if letters <= 3 || !has_lower {
                exact()
            } else if alias.chars().next().is_some_and(char::is_uppercase) {
                CaseCheck::Capital
            } else {
                CaseCheck::None
            }
        }
    }
}
