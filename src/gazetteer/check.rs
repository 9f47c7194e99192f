//! `newstag lexicon check` and `newstag lexicon stats`: what the gazetteer would be built from.
//!
//! Reads: the config and every enabled lexicon (or the `--lexicon` files). Creates: a list of
//! [`Diagnostic`]s (`check`) or one [`LexiconStats`] row per lexicon (`stats`).
//!
//! Policy choices:
//! * errors (the run would refuse to start, or a line is unusable): a config that does not load,
//!   a lexicon that cannot be read, every malformed line (empty alias, bad id, no label, bad
//!   JSON: each line is parsed on its own, so all of them are listed), a malformed label;
//! * warnings: a label outside PER/LOC/ORG that the config does not declare, an alias (folded as
//!   for matching) shared by different ids or labels, an alias that is a common word of its
//!   language and that case does not protect, a generated form dropped because it collides with
//!   another entity or is a common word;
//! * rule files (the config's `[[rules]]`) are compiled as a run would: their errors are listed,
//!   and so is every rule whose pattern may cost more than [`SLOW_RULE_COST`] token tests per
//!   token ([`crate::rules::matcher::cost`]): the matcher is bounded, but such a rule slows every
//!   document (an error: split the rule or use fewer repeated elements);
//! * notes: generated forms kept but restricted because they are common words (a sentence start
//!   or capitals need another mention of the entity);
//! * the order is the config's lexicon order, then line; nothing depends on hash order or time.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::inflect::{self, CommonList};
use super::lexicon::{self, Entry, Format, LexiconSpec};
use super::{case_check, fold_str, specs, Builder, CaseCheck, FormNoteKind, Gazetteer};
use crate::config::Config;
use crate::error::Error;
use crate::normalize::Normalizer;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The run would fail or a line is lost.
    Error,
    /// Probably a mistake; the run works.
    Warning,
    /// For information.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

/// One finding, printed as `path[:line]: severity: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Severity.
    pub severity: Severity,
    /// The file.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        write!(f, ": {}: {}", self.severity, self.message)
    }
}

impl Diagnostic {
    fn from_error(e: &Error, fallback: &Path) -> Diagnostic {
        let (path, line, message) = match e {
            Error::Parse {
                path,
                line,
                message,
            } => (path.clone(), *line, message.clone()),
            Error::Io { path, source } => (path.clone(), None, source.to_string()),
            Error::Usage(m) => {
                let prefix = format!("{}: ", fallback.display());
                let m = m.strip_prefix(&prefix).unwrap_or(m);
                (fallback.to_path_buf(), None, m.to_string())
            }
            Error::Interrupted { .. } | Error::Locked { .. } | Error::Output { .. } => {
                (fallback.to_path_buf(), None, e.to_string())
            }
        };
        Diagnostic {
            severity: Severity::Error,
            path,
            line,
            message,
        }
    }
}

/// The labels shipped configs use.
pub const STANDARD_LABELS: [&str; 3] = ["PER", "LOC", "ORG"];

/// Validates the config at `config_path` and its lexicons (or `overrides`).
pub fn check(config_path: &Path, overrides: &[PathBuf]) -> Vec<Diagnostic> {
    let config = match load(config_path) {
        Ok(c) => c,
        Err(e) => return vec![Diagnostic::from_error(&e, config_path)],
    };
    let mut out = rule_diagnostics(&config, config_path);
    let specs = specs(&config, overrides);
    let declared: Vec<&str> = config
        .lexicons
        .iter()
        .filter_map(|l| l.label.as_deref())
        .collect();
    let normalizer = Normalizer::new(config.normalize.clone());
    let mut builder = Builder::default();
    let mut loaded: Vec<(usize, Vec<Entry>)> = Vec::new();
    for (i, (spec, path)) in specs.iter().enumerate() {
        let mut diags = Vec::new();
        let entries = parse_all(spec, path, &mut diags);
        for e in &entries {
            label_diagnostics(e, &declared, path, &mut diags);
        }
        out.extend(diags);
        let _ = builder.add(spec, &entries, &normalizer, &[]);
        loaded.push((i, entries));
    }
    out.extend(shared_aliases(&specs, &loaded, &normalizer));
    out.extend(common_aliases(&specs, &loaded, &normalizer));
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
/// (the shipped rules cost far less; see [`crate::rules::matcher::cost`]): a pattern of six `*`
/// elements costs about 6,400, one of eight about 11,300.
pub const SLOW_RULE_COST: usize = 10_000;

/// The config's rule files, compiled as a run would: their errors, and rules that would be slow.
fn rule_diagnostics(config: &Config, config_path: &Path) -> Vec<Diagnostic> {
    let rules = match crate::rules::Rules::from_config(config) {
        Ok(r) => r,
        Err(e) => return vec![Diagnostic::from_error(&e, config_path)],
    };
    let files: Vec<PathBuf> = config
        .rules
        .iter()
        .filter(|r| r.enabled)
        .map(|r| config.resolve(&r.path))
        .collect();
    rules
        .rules()
        .iter()
        .filter_map(|r| {
            let cost = crate::rules::matcher::cost(&r.elems);
            (cost > SLOW_RULE_COST).then(|| Diagnostic {
                severity: Severity::Error,
                path: files
                    .get(r.file)
                    .cloned()
                    .unwrap_or_else(|| config_path.to_path_buf()),
                line: Some(r.line),
                message: format!(
                    "rule {:?} may cost up to {cost} token tests per token (limit {SLOW_RULE_COST}): \
                     use fewer repeated elements (`*`, `+`, `repeat`) or split the rule",
                    r.name
                ),
            })
        })
        .collect()
}

/// Renders diagnostics with a closing count line.
pub fn render(diags: &[Diagnostic]) -> String {
    let mut s = String::new();
    for d in diags {
        s.push_str(&d.to_string());
        s.push('\n');
    }
    let count = |sev| diags.iter().filter(|d| d.severity == sev).count();
    s.push_str(&format!(
        "{} errors, {} warnings, {} notes\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note)
    ));
    s
}

/// Whether any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

fn load(config_path: &Path) -> Result<Config, Error> {
    if !config_path.exists() {
        return Err(Error::Usage(format!(
            "{}: config file not found (pass --config FILE)",
            config_path.display()
        )));
    }
    Config::load(config_path)
}

/// Parses a lexicon line by line, so that every bad line is reported.
fn parse_all(spec: &LexiconSpec, path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Entry> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::from_error(&Error::io(path, e), path));
            return Vec::new();
        }
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        // `load` finds the line of the first bad byte.
        if let Err(e) = lexicon::load(spec, path) {
            diags.push(Diagnostic::from_error(&e, path));
        }
        return Vec::new();
    };
    let Some(format) = spec.format.or_else(|| Format::from_path(path)) else {
        if let Err(e) = lexicon::load(spec, path) {
            diags.push(Diagnostic::from_error(&e, path));
        }
        return Vec::new();
    };
    let mut entries: Vec<Entry> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let parsed = match format {
            Format::Tsv => lexicon::parse_tsv(line, spec.label.as_deref(), path),
            Format::Spacy => lexicon::parse_spacy(line, spec.label.as_deref(), path),
            Format::List => {
                let mut one = spec.clone();
                one.format = Some(Format::List);
                lexicon::parse_list(line, &one, path)
            }
        };
        match parsed {
            Ok(es) => entries.extend(es.into_iter().map(|mut e| {
                e.line = n;
                e
            })),
            Err(Error::Parse { message, line, .. }) => diags.push(Diagnostic {
                severity: Severity::Error,
                path: path.to_path_buf(),
                line: line.map(|_| n),
                // serde_json counts within the one line it was given.
                message: message.replace(" at line 1 column ", " at column "),
            }),
            Err(e) => diags.push(Diagnostic::from_error(&e, path)),
        }
    }
    entries
}

fn label_diagnostics(e: &Entry, declared: &[&str], path: &Path, diags: &mut Vec<Diagnostic>) {
    let well_formed = e
        .label
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && e.label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !well_formed {
        diags.push(Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line: Some(e.line),
            message: format!(
                "bad label {:?}: ASCII letters, digits, `_` and `-`, starting with a letter",
                e.label
            ),
        });
    } else if !STANDARD_LABELS.contains(&e.label.as_str()) && !declared.contains(&e.label.as_str())
    {
        diags.push(Diagnostic {
            severity: Severity::Warning,
            path: path.to_path_buf(),
            line: Some(e.line),
            message: format!(
                "unknown label {:?}: not PER, LOC or ORG and not declared by a lexicon in the config",
                e.label
            ),
        });
    }
}

/// One use of an alias: lexicon, line, id, label, the alias as written.
#[derive(Clone, Copy)]
struct AliasUse<'a>(usize, usize, &'a str, &'a str, &'a str);

/// Aliases (folded as for matching) that different ids or labels share.
fn shared_aliases(
    specs: &[(LexiconSpec, PathBuf)],
    loaded: &[(usize, Vec<Entry>)],
    normalizer: &Normalizer,
) -> Vec<Diagnostic> {
    let mut by_key: BTreeMap<String, Vec<AliasUse>> = BTreeMap::new();
    for (lex, entries) in loaded {
        for e in entries {
            for a in &e.aliases {
                let key = fold_str(&normalizer.normalize_str(&a.text));
                let uses = by_key.entry(key).or_default();
                if !uses.iter().any(|u| u.2 == e.id && u.3 == e.label) {
                    uses.push(AliasUse(*lex, e.line, &e.id, &e.label, &a.text));
                }
            }
        }
    }
    let mut out = Vec::new();
    for uses in by_key.values().filter(|u| u.len() > 1) {
        let AliasUse(lex, line, id, label, alias) = uses[0];
        let others: Vec<String> = uses[1..]
            .iter()
            .map(|AliasUse(l, n, id, label, _)| {
                format!("{id} {label} ({}:{n})", specs[*l].1.display())
            })
            .collect();
        out.push(Diagnostic {
            severity: Severity::Warning,
            path: specs[lex].1.clone(),
            line: Some(line),
            message: format!(
                "alias {alias:?} of {id} {label} is also an alias of {}",
                others.join(", ")
            ),
        });
    }
    out
}

/// Aliases that are common words of their language and that case does not protect.
fn common_aliases(
    specs: &[(LexiconSpec, PathBuf)],
    loaded: &[(usize, Vec<Entry>)],
    normalizer: &Normalizer,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (lex, entries) in loaded {
        let spec = &specs[*lex].0;
        for e in entries {
            for a in &e.aliases {
                let text = normalizer.normalize_str(&a.text);
                if text.contains(char::is_whitespace) {
                    continue;
                }
                let case = case_check(spec.case, a.exact_case, &text);
                if matches!(case, CaseCheck::Exact(_)) {
                    continue;
                }
                let mut lists = inflect::lists_for_alias(&text);
                for l in a.inflect.as_deref().unwrap_or(&spec.inflect) {
                    lists.push(l.common_list());
                }
                lists.sort();
                lists.dedup();
                let Some(list) = lists
                    .iter()
                    .copied()
                    .find(|l: &CommonList| l.contains(&text))
                else {
                    continue;
                };
                let how = if matches!(case, CaseCheck::None) {
                    "matches in any case"
                } else {
                    "matches capitalized, as at the start of a sentence"
                };
                out.push(Diagnostic {
                    severity: Severity::Warning,
                    path: specs[*lex].1.clone(),
                    line: Some(e.line),
                    message: format!(
                        "alias {:?} of {} is a common {} word and {how} (mark it `=` for exact case or `~` for context-only)",
                        a.text,
                        e.id,
                        list.name()
                    ),
                });
            }
        }
    }
    out
}

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

/// Builds the gazetteer as `run` would and counts per lexicon; also returns the automaton's
/// total pattern count.
pub fn stats(
    config_path: &Path,
    overrides: &[PathBuf],
) -> Result<(Vec<LexiconStats>, usize), Error> {
    let config = load(config_path)?;
    let normalizer = Normalizer::new(config.normalize.clone());
    let g = Gazetteer::from_config(&config, &normalizer, overrides)?;
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
