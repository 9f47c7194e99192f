//! `newstag lexicon check` and `newstag lexicon stats`: what the gazetteer would be built from.
//!
//! Reads: the lexicons a run would load ([`GazetteerOptions`]; the command glue in
//! [`crate::lexicon_command`] reads the config and its rule files). Creates: a list of
//! [`Diagnostic`]s (`check`) or one [`LexiconStats`] row per lexicon (`stats`).
//!
//! Policy choices:
//! * errors (the run would refuse to start, a line is unusable, or the data is surely wrong): a
//!   config that does not load, a lexicon that cannot be read, every malformed line (empty alias,
//!   bad id, no label, bad JSON: each line is parsed on its own, so all of them are listed); a
//!   label that is not upper case (`label = "loc"`: [`label_ok`]), in a line or in the config; a
//!   lexicon `languages` code the language detector never reports (`"en"`: documents carry ISO
//!   639-3 codes, [`language_problem`]); one id given to two entities (another name or label);
//!   a one-word alias that is one of the ~460 most frequent dictionary words of its language
//!   (`frequent/*.txt`, generated from wordfreq by `frequent/make_frequent_words.py`) and is
//!   neither context-only (`~`) nor all capitals: "May" or "Report" is tagged wherever the word
//!   opens a sentence, which no case marker prevents;
//! * warnings: a label outside PER/LOC/ORG that the config does not declare, an alias (folded as
//!   for matching) shared by different ids or labels, an alias that is a common word of its
//!   language and that case does not protect (the longer, hunspell-filtered lists), a generated
//!   form dropped because it collides with another entity or is a common word;
//! * rule files (the config's `[[rules]]`, compiled by [`crate::lexicon_command`] as a run
//!   would): their errors are listed, and so is every rule whose pattern may cost more than
//!   [`SLOW_RULE_COST`] token tests per token ([`crate::rules::pattern::cost`]): the matcher is
//!   bounded, but such a rule slows every document (an error: split the rule or use fewer
//!   repeated elements);
//! * notes: generated forms kept but restricted because they are common words (a sentence start
//!   or capitals need another mention of the entity);
//! * the order is the config's lexicon order, then line; nothing depends on hash order or time.
//!   [`render`] prints every error first, then each file's warnings and notes, summarised by kind
//!   for files with many (the shipped lexicons have ~400) unless `--verbose`;
//! * `--file FILE` ([`check_file`]) checks one file alone, without the config's lexicons;
//! * the checks of entries are in [`findings`], the diagnostic type and its rendering in
//!   [`diagnostic`].

pub mod diagnostic;
pub mod findings;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use diagnostic::{has_errors, render, Diagnostic, Severity, SUMMARY_ABOVE};
pub use findings::{label_ok, language_problem, STANDARD_LABELS};

use crate::error::Error;
use crate::gazetteer::build::{Builder, GazetteerOptions, LexiconSource};
use crate::gazetteer::compiled::{FormNoteKind, Gazetteer};
use crate::gazetteer::lexicon::{Entry, LexiconSpec};
use crate::normalize::Normalizer;
use findings::{
    bad_label_message, common_aliases, duplicate_ids, label_diagnostics, parse_all, shared_aliases,
};

/// Validates one lexicon file alone (`lexicon check --file`), with the label `label` for lines
/// without one: `normalizer` is the config's normalization, and `declared` (the config's
/// lexicon entries) only declares labels; those lexicons are neither read nor compared with.
pub fn check_file(
    declared: &[LexiconSpec],
    normalizer: &Normalizer,
    file: &Path,
    label: Option<&str>,
) -> Vec<Diagnostic> {
    let mut spec = LexiconSpec::from_cli(file);
    spec.label = label.map(str::to_string);
    let mut out = Vec::new();
    if let Some(l) = label.filter(|l| !label_ok(l)) {
        out.push(Diagnostic {
            severity: Severity::Error,
            path: PathBuf::from("--label"),
            line: None,
            message: bad_label_message(l),
            kind: "bad-label",
        });
    }
    let opts = GazetteerOptions {
        lexicons: vec![LexiconSource {
            spec,
            path: file.to_path_buf(),
            declared_in: None,
        }],
    };
    out.extend(check_lexicons(declared, normalizer, &opts));
    out
}

/// Findings in the config's `[[lexicons]]` tables (`declared`, read from `config_path`): labels
/// and language codes.
pub fn config_diagnostics(declared: &[LexiconSpec], config_path: &Path) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(config_path).unwrap_or_default();
    let mut out = Vec::new();
    for spec in declared.iter().filter(|l| l.enabled) {
        let line = |needle: &str| table_line(&text, &spec.name, needle);
        if let Some(l) = spec.label.as_deref().filter(|l| !label_ok(l)) {
            out.push(Diagnostic {
                severity: Severity::Error,
                path: config_path.to_path_buf(),
                line: line(&format!("{l:?}")),
                message: format!("lexicon {:?}: {}", spec.name, bad_label_message(l)),
                kind: "bad-label",
            });
        }
        for code in &spec.languages {
            if let Some(message) = language_problem(code) {
                out.push(Diagnostic {
                    severity: Severity::Error,
                    path: config_path.to_path_buf(),
                    line: line(&format!("{code:?}")),
                    message: format!("lexicon {:?}: {message}", spec.name),
                    kind: "bad-language",
                });
            }
        }
    }
    out
}

/// The 1-based line of the config where `needle` first occurs inside the `[[lexicons]]` table
/// named `name`.
fn table_line(text: &str, name: &str, needle: &str) -> Option<usize> {
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            inside = false;
        }
        if t.starts_with("name") && t.contains(&format!("{name:?}")) {
            inside = true;
        }
        if inside && t.contains(needle) && !t.starts_with('#') {
            return Some(i + 1);
        }
    }
    None
}

/// Checks the lexicons of `opts` as a run would load them; `declared` are the config's lexicon
/// entries (their labels count as declared), `normalizer` the documents' normalization.
pub fn check_lexicons(
    declared: &[LexiconSpec],
    normalizer: &Normalizer,
    opts: &GazetteerOptions,
) -> Vec<Diagnostic> {
    let specs: Vec<(LexiconSpec, PathBuf)> = opts
        .lexicons
        .iter()
        .map(|s| (s.spec.clone(), s.path.clone()))
        .collect();
    let mut out = Vec::new();
    let declared: Vec<&str> = declared
        .iter()
        .filter_map(|l| l.label.as_deref())
        .chain(specs.iter().filter_map(|(s, _)| s.label.as_deref()))
        .collect();
    let mut builder = Builder::default();
    let mut loaded: Vec<(usize, Vec<Entry>)> = Vec::new();
    for (i, (spec, path)) in specs.iter().enumerate() {
        let mut diags = Vec::new();
        let entries = parse_all(spec, path, &mut diags);
        for e in &entries {
            label_diagnostics(e, spec, &declared, path, &mut diags);
        }
        out.extend(diags);
        let _ = builder.add(spec, &entries, normalizer, &[]);
        loaded.push((i, entries));
    }
    out.extend(duplicate_ids(&specs, &loaded));
    out.extend(shared_aliases(&specs, &loaded, normalizer));
    out.extend(common_aliases(&specs, &loaded, normalizer));
    builder.drop_collisions();
    // One line per alias and outcome, listing its forms.
    let mut grouped: BTreeMap<(usize, usize, String, &'static str, String), Vec<String>> =
        BTreeMap::new();
    for n in &builder.inflect.notes {
        let what = match &n.kind {
            FormNoteKind::Collision(ids) => format!("also forms of {}: dropped", ids.join(", ")),
            FormNoteKind::CommonWordDropped(list) => {
                format!(
                    "common {} words and the alias matches in any case: dropped",
                    list.name()
                )
            }
            FormNoteKind::CommonWordMidSentence(list) => {
                format!(
                    "common {} words: kept, but at a sentence start or in capitals only when the entity is named elsewhere",
                    list.name()
                )
            }
        };
        let forms = grouped
            .entry((n.lexicon, n.line, n.alias.clone(), n.lang.code(), what))
            .or_default();
        if !forms.contains(&n.form) {
            forms.push(n.form.clone());
        }
    }
    for ((lexicon, line, alias, lang, what), forms) in grouped {
        let severity = if what.contains("kept") {
            Severity::Note
        } else {
            Severity::Warning
        };
        let forms: Vec<String> = forms.iter().map(|f| format!("{f:?}")).collect();
        out.push(Diagnostic {
            severity,
            path: specs[lexicon].1.clone(),
            line: Some(line),
            message: format!(
                "generated {lang} forms of alias {alias:?} are {what}: {}",
                forms.join(", ")
            ),
            kind: if what.starts_with("also forms") {
                "generated-form-collision"
            } else {
                "generated-form-common-word"
            },
        });
    }
    let order: BTreeMap<&Path, usize> = specs
        .iter()
        .enumerate()
        .map(|(i, (_, p))| (p.as_path(), i))
        .collect();
    out.sort_by(|a, b| {
        let ka = (order.get(a.path.as_path()), a.line, a.severity);
        let kb = (order.get(b.path.as_path()), b.line, b.severity);
        ka.cmp(&kb).then_with(|| a.message.cmp(&b.message))
    });
    out.dedup();
    out
}

/// Most token tests a rule's pattern may cost per start token before `lexicon check` rejects it
/// (the shipped rules cost far less; see [`crate::rules::pattern::cost`]): a pattern of six `*`
/// elements costs about 6,400, one of eight about 11,300.
pub const SLOW_RULE_COST: usize = 10_000;

/// One row of `newstag lexicon stats`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconStats {
    /// Config name.
    pub name: String,
    /// Entities.
    pub entries: usize,
    /// Aliases as written.
    pub aliases: usize,
    /// Inflected forms generated (after drops).
    pub generated: usize,
    /// Automaton patterns with a candidate of this lexicon.
    pub patterns: usize,
}

/// Builds the gazetteer as `run` would (through the cache) and counts per lexicon; also returns
/// the automaton's total pattern count.
pub fn stats(
    opts: &GazetteerOptions,
    normalizer: &Normalizer,
) -> Result<(Vec<LexiconStats>, usize), Error> {
    let g = Gazetteer::load(opts, normalizer)?;
    let rows = g
        .lexicon_info()
        .iter()
        .enumerate()
        .map(|(i, info)| LexiconStats {
            name: info.name.clone(),
            entries: info.entries,
            aliases: info.aliases,
            generated: g.inflect_report().generated.get(i).copied().unwrap_or(0),
            patterns: g.lexicon_patterns(i),
        })
        .collect();
    Ok((rows, g.pattern_count()))
}

/// Renders the stats as an aligned table.
pub fn render_stats(rows: &[LexiconStats], total_patterns: usize) -> String {
    let width = rows
        .iter()
        .map(|r| r.name.len())
        .max()
        .unwrap_or(0)
        .max("lexicon".len());
    let mut s = format!(
        "{:<width$}  {:>9}  {:>9}  {:>9}  {:>9}\n",
        "lexicon", "entries", "aliases", "generated", "patterns"
    );
    for r in rows {
        s.push_str(&format!(
            "{:<width$}  {:>9}  {:>9}  {:>9}  {:>9}\n",
            r.name, r.entries, r.aliases, r.generated, r.patterns
        ));
    }
    let sum = |f: fn(&LexiconStats) -> usize| rows.iter().map(f).sum::<usize>();
    s.push_str(&format!(
        "{:<width$}  {:>9}  {:>9}  {:>9}  {:>9}\n",
        "total",
        sum(|r| r.entries),
        sum(|r| r.aliases),
        sum(|r| r.generated),
        total_patterns
    ));
    s
}
