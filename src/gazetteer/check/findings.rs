//! The checks of `newstag lexicon check` on lexicon entries: malformed lines, labels, language
//! codes, duplicate ids, aliases shared by different entities, and aliases that are frequent or
//! common words of their language.
//!
//! Policy: each line is parsed on its own so every bad one is listed; a label that is not upper
//! case is an error (never folded: `loc` and `LOC` would be two labels in every export); a
//! one-word alias among the most frequent words of its language (`frequent/*.txt`) that is
//! neither context-only nor all capitals is an error, since no case marker keeps it from
//! matching at a sentence start; a common word that case does not protect is a warning.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::gazetteer::build::case_check;
use crate::gazetteer::compiled::CaseCheck;
use crate::gazetteer::fold::fold_str;
use crate::gazetteer::inflect::{self, CommonList};
use crate::gazetteer::lexicon::{self, CaseMode, Entry, Format, LexiconSpec};
use crate::normalize::Normalizer;

/// The labels shipped configs use.
pub const STANDARD_LABELS: [&str; 3] = ["PER", "LOC", "ORG"];

/// Why `code` cannot be in a lexicon's `languages`, if it cannot: documents carry the ISO 639-3
/// code the language detector (whatlang) reports, so any other code never matches one.
pub fn language_problem(code: &str) -> Option<String> {
    if whatlang::Lang::from_code(code).is_some() {
        return None;
    }
    let lower = code.to_ascii_lowercase();
    let mut near: Vec<&str> = whatlang::Lang::all()
        .iter()
        .map(|l| l.code())
        .filter(|c| lower.len() >= 2 && (c.starts_with(&lower[..2]) || *c == lower))
        .collect();
    near.sort_unstable();
    let hint = match near.as_slice() {
        [] => String::new(),
        some => format!(" (did you mean {}?)", some.join(" or ")),
    };
    Some(format!(
        "language {code:?} is not an ISO 639-3 code the language detector reports{hint}: \
         documents are tagged with codes such as \"eng\", \"rus\", \"aze\", \"tur\", so this \
         lexicon would never apply"
    ))
}

/// Parses a lexicon line by line, so that every bad line is reported.
pub(super) fn parse_all(
    spec: &LexiconSpec,
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Entry> {
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
                kind: "malformed-line",
            }),
            Err(e) => diags.push(Diagnostic::from_error(&e, path)),
        }
    }
    entries
}

/// Whether `label` is a well-formed label: upper-case ASCII letters, digits, `_` and `-`,
/// starting with a letter (`PER`, `LOC`, `ORG`, `MY_LABEL`), as spaCy and CoNLL corpora write
/// them. Lower case is refused rather than folded: `loc` and `LOC` would be two labels in every
/// export.
pub fn label_ok(label: &str) -> bool {
    label.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && label
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

pub(super) fn bad_label_message(label: &str) -> String {
    format!(
        "bad label {label:?}: labels are upper-case ASCII letters, digits, `_` and `-`, starting with a letter{}",
        if label_ok(&label.to_ascii_uppercase()) {
            format!(" (write {:?})", label.to_ascii_uppercase())
        } else {
            String::new()
        }
    )
}

pub(super) fn label_diagnostics(
    e: &Entry,
    spec: &LexiconSpec,
    declared: &[&str],
    path: &Path,
    diags: &mut Vec<Diagnostic>,
) {
    if !label_ok(&e.label) {
        // A bad label from the config is reported once, at the config.
        if spec.label.as_deref() != Some(e.label.as_str()) {
            diags.push(Diagnostic {
                severity: Severity::Error,
                path: path.to_path_buf(),
                line: Some(e.line),
                message: bad_label_message(&e.label),
                kind: "bad-label",
            });
        }
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
            kind: "unknown-label",
        });
    }
}

/// Entries that reuse an id for a different entity (another name or label): the id is the key
/// of every export and of entity linking, so two entities under one id are merged silently.
/// The same id with the same name and label (an entity split over two lines) is fine, and so is
/// the same id and label in a lexicon of other languages (`languages`): that is the entity's
/// name in those languages ("Севастополь" in ru_places.tsv under Sevastopol's GeoNames id), which
/// is how a translation links to the entity.
pub(super) fn duplicate_ids(
    specs: &[(LexiconSpec, PathBuf)],
    loaded: &[(usize, Vec<Entry>)],
) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, (usize, &Entry)> = BTreeMap::new();
    let mut out = Vec::new();
    for (lex, entries) in loaded {
        for e in entries {
            match first.get(e.id.as_str()) {
                None => {
                    first.insert(&e.id, (*lex, e));
                }
                Some((l0, e0))
                    if !(e0.label == e.label
                        && (e0.name == e.name
                            || other_languages(&specs[*l0].0, &specs[*lex].0))) =>
                {
                    out.push(Diagnostic {
                        severity: Severity::Error,
                        path: specs[*lex].1.clone(),
                        line: Some(e.line),
                        message: format!(
                            "duplicate id {:?}: {:?} {} here, {:?} {} at {}:{} (one id per entity: give one of them another id)",
                            e.id,
                            e.name,
                            e.label,
                            e0.name,
                            e0.label,
                            specs[*l0].1.display(),
                            e0.line
                        ),
                        kind: "duplicate-id",
                    });
                }
                Some(_) => {}
            }
        }
    }
    out
}

/// Whether two lexicons are for different sets of languages (an empty list is every language).
fn other_languages(a: &LexiconSpec, b: &LexiconSpec) -> bool {
    let set = |s: &LexiconSpec| {
        s.languages
            .iter()
            .map(|l| l.to_ascii_lowercase())
            .collect::<BTreeSet<_>>()
    };
    set(a) != set(b)
}

/// 1-based rank of `word` (any case) in the frequent-word list of `list` (`frequent/*.txt`).
fn frequent_rank(list: CommonList, word: &str) -> Option<usize> {
    static LISTS: [OnceLock<HashMap<&'static str, usize>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (i, text) = match list {
        CommonList::En => (0, include_str!("../frequent/en.txt")),
        CommonList::Ru => (1, include_str!("../frequent/ru.txt")),
        CommonList::Tr => (2, include_str!("../frequent/tr.txt")),
        CommonList::Az => return None,
    };
    if word.contains(char::is_whitespace) {
        return None;
    }
    let ranks = LISTS[i].get_or_init(|| {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .enumerate()
            .map(|(r, w)| (w, r + 1))
            .collect()
    });
    ranks.get(fold_str(word).as_str()).copied()
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// One use of an alias: lexicon, line, id, label, the alias as written.
#[derive(Clone, Copy)]
struct AliasUse<'a>(usize, usize, &'a str, &'a str, &'a str);

/// Aliases (folded as for matching) that different ids or labels share.
pub(super) fn shared_aliases(
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
            kind: "shared-alias",
        });
    }
    out
}

/// Aliases that are common words of their language and that case does not protect.
pub(super) fn common_aliases(
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
                let mut lists = inflect::lists_for_alias(&text);
                for l in a.inflect.as_deref().unwrap_or(&spec.inflect) {
                    lists.push(l.common_list());
                }
                lists.sort();
                lists.dedup();
                // All capitals only matches all capitals unless the lexicon ignores case.
                let shouting = text.chars().any(char::is_alphabetic)
                    && !text.chars().any(char::is_lowercase)
                    && spec.case != CaseMode::Insensitive;
                let frequent = lists
                    .iter()
                    .find_map(|&l| frequent_rank(l, &text).map(|r| (l, r)));
                if let (Some((list, rank)), false, false) = (frequent, a.context_only, shouting) {
                    out.push(Diagnostic {
                        severity: Severity::Error,
                        path: specs[*lex].1.clone(),
                        line: Some(e.line),
                        message: format!(
                            "alias {:?} of {} is the {} most frequent {} word ({:?}): it is tagged wherever the word opens a sentence or is capitalized, whatever its case marker (make it context-only with `~`, or remove it)",
                            a.text,
                            e.id,
                            ordinal(rank),
                            list.name(),
                            fold_str(&text)
                        ),
                        kind: "frequent-word",
                    });
                    continue;
                }
                // A context-only alias is tagged only beside a full alias of its entity.
                if matches!(case, CaseCheck::Exact(_)) || a.context_only {
                    continue;
                }
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
                    kind: "common-word",
                });
            }
        }
    }
    out
}
