//! Layer 1: the named config rules of `[[boilerplate.rules]]` (`cut-from`, `drop-line`,
//! `drop-block`), compiled once; a bad pattern is an error naming the rule and its line in the
//! config file. Takes its own options and the config's resolved path, nothing else of the config.
//!
//! Policy: rules apply in config order, the first to claim a line names it; a line claimed by a
//! rule is a `Claim::Rule`, never one of the built-in claims, whatever its name; rules that share
//! a name are one claim.

use std::path::Path;

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

use super::claim::{Claim, RuleId};
use super::line::Line;
use crate::error::{Error, Result};

/// What a config rule does with a matching line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// The matching line starts trailing matter: it and the rest of the document go.
    CutFrom,
    /// Matching lines go.
    DropLine,
    /// The matching header line and the list that follows it, up to the next prose paragraph.
    DropBlock,
}

/// One `[[boilerplate.rules]]` entry.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Name reported in `removed[].rule`.
    pub name: String,
    /// What the rule does.
    pub kind: RuleKind,
    /// Regular expression (regex crate syntax) tested against each trimmed line.
    pub pattern: String,
    /// Case-insensitive matching (default true).
    #[serde(default = "yes")]
    pub ignore_case: bool,
}

fn yes() -> bool {
    true
}

/// A rule with its pattern compiled.
struct CompiledRule {
    claim: Claim,
    kind: RuleKind,
    re: Regex,
    /// How a line the pattern matches can open ([`Openings::of`]); `None` when the pattern is
    /// not anchored at the start or its openings are not known.
    openings: Option<Openings>,
}

impl CompiledRule {
    /// Whether the pattern matches the (non-empty) line `text`: a line that opens as no match
    /// can is rejected without a regex search (most lines, for the usual anchored header rules).
    fn is_match(&self, text: &str) -> bool {
        self.openings
            .as_ref()
            .map_or(true, |o| o.may_open(text.as_bytes()))
            && self.re.is_match(text)
    }
}

/// The openings of an anchored pattern: its prefix literals (the regex syntax crate's prefix
/// extraction: every match starts with one of them, each case variant spelled out) cut to their
/// first [`Openings::LEN`] bytes. A line can match only if it starts with one of them.
struct Openings {
    /// The bytes the openings start with: one look rejects most lines.
    first: Box<[bool; 256]>,
    /// The openings of [`Openings::LEN`] bytes, as [`key`]s.
    keys: Box<[u32]>,
    /// The shorter openings (whole literals).
    short: Box<[Box<[u8]>]>,
}

impl Openings {
    /// How many bytes of each literal are compared (three letters of a word: "pho", "lat").
    const LEN: usize = 3;

    /// The openings of `pattern` (parsed as the regex crate parses it, with `ignore_case`), when
    /// it is anchored at the start of the line (`^`, every match starts there) and its prefix
    /// literals are finite; `None` otherwise, and when a literal is empty (the pattern may
    /// match the empty line).
    fn of(pattern: &str, ignore_case: bool) -> Option<Openings> {
        use regex_syntax::hir::literal::{ExtractKind, Extractor};
        use regex_syntax::hir::Look;
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(ignore_case)
            .build()
            .parse(pattern)
            .ok()?;
        if !hir.properties().look_set_prefix().contains(Look::Start) {
            return None;
        }
        let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
        let mut first = Box::new([false; 256]);
        let (mut keys, mut short) = (Vec::new(), Vec::new());
        for lit in seq.literals()? {
            let b = lit.as_bytes();
            first[usize::from(*b.first()?)] = true;
            match b.get(..Openings::LEN) {
                Some(head) => keys.push(key(head)),
                None => short.push(Box::from(b)),
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Some(Openings {
            first,
            keys: keys.into(),
            short: short.into(),
        })
    }

    /// Whether a line opening with `b` may match: it starts with one of the openings.
    fn may_open(&self, b: &[u8]) -> bool {
        if !b.first().is_some_and(|&f| self.first[usize::from(f)]) {
            return false;
        }
        // (A compare with every key, no branch among them: a few dozen case variants.)
        b.get(..Openings::LEN).is_some_and(|head| {
            let k = key(head);
            self.keys.iter().fold(false, |hit, &x| hit | (x == k))
        }) || self.short.iter().any(|s| b.starts_with(s))
    }
}

/// Three bytes as one number.
fn key(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], 0])
}

/// The configured rules, compiled, in order.
pub(crate) struct ConfigRules {
    rules: Vec<CompiledRule>,
    /// Every rule's name, by index: a [`RuleId`] is the index of the first rule of its name.
    names: Vec<String>,
}

impl ConfigRules {
    /// Compiles the configured rules in order; `config_path` names the file in errors.
    pub(crate) fn compile(specs: &[RuleSpec], config_path: &Path) -> Result<ConfigRules> {
        let rules = specs
            .iter()
            .enumerate()
            .map(|(n, spec)| {
                let re = RegexBuilder::new(&spec.pattern)
                    .case_insensitive(spec.ignore_case)
                    .build()
                    .map_err(|e| {
                        let name = format!("\"{}\"", spec.name);
                        Error::parse(
                            config_path,
                            crate::error::line_in_file(config_path, &[&spec.pattern, &name]),
                            format!("boilerplate rule {:?}: bad pattern: {e}", spec.name),
                        )
                    })?;
                let first = specs.iter().position(|s| s.name == spec.name).unwrap_or(n);
                Ok(CompiledRule {
                    claim: Claim::Rule(RuleId(first)),
                    kind: spec.kind,
                    re,
                    openings: Openings::of(&spec.pattern, spec.ignore_case),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ConfigRules {
            rules,
            names: specs.iter().map(|s| s.name.clone()).collect(),
        })
    }

    /// The name of a rule claim, as the config spells it.
    pub(crate) fn name(&self, id: RuleId) -> &str {
        &self.names[id.0]
    }

    /// Claims the lines the rules match, first rule first. `body_end` is the last line of the
    /// article's body span: a `cut-from` rule only fires below it (a "Latest news" header above
    /// or inside the article never cuts the article away).
    pub(crate) fn apply(
        &self,
        lines: &[Line<'_>],
        claimed: &mut [Option<Claim>],
        body_end: Option<usize>,
    ) {
        for rule in &self.rules {
            let mut i = 0;
            while i < lines.len() {
                if claimed[i].is_some() || lines[i].text.is_empty() || !rule.is_match(lines[i].text)
                {
                    i += 1;
                    continue;
                }
                if rule.kind == RuleKind::CutFrom && body_end.is_some_and(|e| i <= e) {
                    i += 1;
                    continue;
                }
                let end = match rule.kind {
                    RuleKind::DropLine => i + 1,
                    RuleKind::CutFrom => lines.len(),
                    RuleKind::DropBlock => block_end(lines, i),
                };
                for c in claimed[i..end].iter_mut().filter(|c| c.is_none()) {
                    *c = Some(rule.claim);
                }
                i = end;
            }
        }
    }
}

/// End (exclusive line index) of the list under a header at `at`: the following non-blank lines
/// up to the first line that reads as prose (long, ending a sentence).
pub(crate) fn block_end(lines: &[Line<'_>], at: usize) -> usize {
    let mut end = at + 1;
    for (j, l) in lines.iter().enumerate().skip(at + 1) {
        if l.text.is_empty() {
            continue;
        }
        if looks_like_prose(l.text) {
            break;
        }
        end = j + 1;
    }
    end
}

/// A line of running prose: several words and a sentence end.
pub fn looks_like_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends = line
        .trim_end_matches(['"', '\u{201D}', '\u{2019}', '\u{BB}', ')'])
        .ends_with(['.', '!', '?', '\u{2026}']);
    words >= 12 && ends
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rule(pattern: &str, ignore_case: bool) -> CompiledRule {
        let spec = RuleSpec {
            name: "r".into(),
            kind: RuleKind::DropLine,
            pattern: pattern.into(),
            ignore_case,
        };
        let mut rules = ConfigRules::compile(&[spec], Path::new("t.toml"))
            .unwrap()
            .rules;
        rules.remove(0)
    }

    /// The shipped rules' kind (anchored alternations) get a filter on their openings, with the case
    /// variants (and the Kelvin sign, a `k` ignoring case); an unanchored pattern or one that
    /// may match an empty line does not.
    #[test]
    fn anchored_patterns_get_openings() {
        let r = rule(r"^(photo|image|kicker)s?\s*:", true);
        let o = r.openings.as_ref().expect("filtered");
        for b in [b'p', b'P', b'i', b'I', b'k', b'K', 0xE2] {
            assert!(o.first[usize::from(b)], "{}", b as char);
        }
        assert!(!o.first[usize::from(b'x')]);
        for t in ["PHOTO: x", "Image: x", "kicker: x", "\u{212A}icker: x"] {
            assert!(o.may_open(t.as_bytes()) && r.is_match(t), "{t:?}");
        }
        // (Opening with a letter of the openings, but not with an opening.)
        for t in ["Police said", "Kiev", "I"] {
            assert!(!o.may_open(t.as_bytes()), "{t:?}");
        }
        assert!(rule(r"photo:", true).openings.is_none());
        assert!(rule(r"^(?:photo)?", true).openings.is_none());
        assert!(rule(r"^x|y", true).openings.is_none());
    }

    fn pattern() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("photo"),
            Just("kicker"),
            Just("ſtory"),
            Just("[a-c]x"),
            Just(r"\d+"),
            Just(r"\w"),
            Just("é"),
            Just(r"(?:latest|related)[ -]news\b"),
            Just("a?"),
            Just("ab"),
            Just(""),
        ];
        (
            any::<bool>(),
            proptest::collection::vec(word, 1..4),
            prop_oneof![Just(""), Just(r"\s*:"), Just("s?"), Just("$")],
        )
            .prop_map(|(anchored, words, tail)| {
                format!(
                    "{}(?:{}){tail}",
                    if anchored { "^" } else { "" },
                    words.join("|")
                )
            })
    }

    proptest! {
        /// The filtered test is the regex's, on lines that start like the patterns' words and
        /// on others.
        #[test]
        fn the_openings_filter_is_exact(
            p in pattern(),
            ignore_case in any::<bool>(),
            lines in proptest::collection::vec("(PHOTO|Pho|pHx|Kicker|Kic|\u{212A}icker|ſTORY|STORY|BX|7|é|É|latest news|Related-News|lat|x|_| |a|ab)[ a-zé:0-9]{0,6}", 1..8),
        ) {
            let r = rule(&p, ignore_case);
            for t in &lines {
                prop_assert_eq!(r.is_match(t), r.re.is_match(t), "{:?} on {:?}", p, t);
            }
        }
    }
}
