//! Stage 3, boilerplate: find the lines around the article that are not the article.
//!
//! Reads: the normalized text, line by line, as the site laid it out. Creates: [`Finding`]s (byte
//! ranges of whole lines, each with the name of the rule that fired) and [`Meta`]. The pipeline
//! applies the findings through the alignment, so every removal is reported with raw offsets.
//!
//! Layers, in this order (the first that claims a line names it in the audit trail):
//! 1. config rules from `[[boilerplate.rules]]`, each named: `cut-from` (this line and everything
//!    after it), `drop-line` (matching lines), `drop-block` (a header line and the list under it,
//!    up to the next paragraph of prose).

use std::ops::Range;
use std::path::Path;

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

use crate::document::Meta;
use crate::error::{Error, Result};
use crate::normalize::lines_with_offsets;

/// `[boilerplate]` options.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BoilerplateOptions {
    /// Master switch: off keeps every line.
    pub enabled: bool,
    /// Named config rules, applied in order.
    pub rules: Vec<RuleSpec>,
}

impl Default for BoilerplateOptions {
    fn default() -> Self {
        BoilerplateOptions {
            enabled: true,
            rules: Vec::new(),
        }
    }
}

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

/// One line (or run of lines) to remove: byte range of the normalized text, whole lines with their
/// newline, and the rule that claimed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    /// Rule or heuristic name.
    pub rule: String,
}

/// What boilerplate detection found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Detection {
    /// Segments to remove, sorted, non-overlapping.
    pub findings: Vec<Finding>,
    /// Metadata recognised on the way.
    pub meta: Meta,
}

struct CompiledRule {
    name: String,
    kind: RuleKind,
    re: Regex,
}

/// The boilerplate stage, built once from the config; holds no per-document state.
pub struct Boilerplate {
    enabled: bool,
    rules: Vec<CompiledRule>,
}

/// A line of the text being examined.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    /// Byte range including the trailing newline, if any.
    range: (usize, usize),
    /// The trimmed content.
    text: &'a str,
}

impl Boilerplate {
    /// Compiles the configured rules; a bad pattern is an error naming the rule.
    pub fn new(opts: &BoilerplateOptions, config_path: &Path) -> Result<Boilerplate> {
        let mut rules = Vec::new();
        for spec in &opts.rules {
            let re = RegexBuilder::new(&spec.pattern)
                .case_insensitive(spec.ignore_case)
                .build()
                .map_err(|e| {
                    let name = format!("\"{}\"", spec.name);
                    Error::parse(
                        config_path,
                        crate::config::line_in_file(config_path, &[&spec.pattern, &name]),
                        format!("boilerplate rule {:?}: bad pattern: {e}", spec.name),
                    )
                })?;
            rules.push(CompiledRule {
                name: spec.name.clone(),
                kind: spec.kind,
                re,
            });
        }
        Ok(Boilerplate {
            enabled: opts.enabled,
            rules,
        })
    }

    /// Finds the boilerplate lines of `text`.
    pub fn detect(&self, text: &str) -> Detection {
        let lines: Vec<Line<'_>> = lines_with_offsets(text)
            .map(|(at, l)| Line {
                range: (at, at + l.len()),
                text: l.trim(),
            })
            .collect();
        let mut claimed: Vec<Option<&str>> = vec![None; lines.len()];
        if self.enabled {
            self.apply_rules(&lines, &mut claimed);
        }
        Detection {
            findings: merge(&lines, &claimed),
            meta: Meta::default(),
        }
    }

    fn apply_rules<'r>(&'r self, lines: &[Line<'_>], claimed: &mut [Option<&'r str>]) {
        for rule in &self.rules {
            let mut i = 0;
            while i < lines.len() {
                if claimed[i].is_some() || lines[i].text.is_empty() || !rule.re.is_match(lines[i].text)
                {
                    i += 1;
                    continue;
                }
                let end = match rule.kind {
                    RuleKind::DropLine => i + 1,
                    RuleKind::CutFrom => lines.len(),
                    RuleKind::DropBlock => block_end(lines, i),
                };
                for c in claimed[i..end].iter_mut().filter(|c| c.is_none()) {
                    *c = Some(&rule.name);
                }
                i = end;
            }
        }
    }
}

/// End (exclusive line index) of the list under a header at `at`: the following non-blank lines
/// up to the first line that reads as prose (long, ending a sentence).
fn block_end(lines: &[Line<'_>], at: usize) -> usize {
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
        .trim_end_matches(['"', '\u{201D}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?']);
    words >= 12 && ends
}

/// Turns claimed lines into findings, merging neighbouring lines claimed by the same rule (blank
/// lines between them included).
fn merge(lines: &[Line<'_>], claimed: &[Option<&str>]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let mut last_claimed: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        let Some(rule) = claimed[i] else {
            if !l.text.is_empty() {
                last_claimed = None;
            }
            continue;
        };
        match (out.last_mut(), last_claimed) {
            (Some(f), Some(_)) if f.rule == rule => f.range.end = l.range.1,
            _ => out.push(Finding {
                range: l.range.0..l.range.1,
                rule: rule.to_string(),
            }),
        }
        last_claimed = Some(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bp(rules: &[(&str, RuleKind, &str)]) -> Boilerplate {
        let opts = BoilerplateOptions {
            enabled: true,
            rules: rules
                .iter()
                .map(|(n, k, p)| RuleSpec {
                    name: n.to_string(),
                    kind: *k,
                    pattern: p.to_string(),
                    ignore_case: true,
                })
                .collect(),
        };
        Boilerplate::new(&opts, Path::new("t.toml")).unwrap()
    }

    #[test]
    fn cut_from_removes_the_rest() {
        let text = "Title\nBody text.\nLatest news: x\n01.Jan.2026\n\nMore";
        let d = bp(&[("latest", RuleKind::CutFrom, r"^latest news\b")]).detect(text);
        assert_eq!(d.findings.len(), 1);
        assert_eq!(&text[d.findings[0].range.clone()], "Latest news: x\n01.Jan.2026\n\nMore");
        assert_eq!(d.findings[0].rule, "latest");
    }

    #[test]
    fn drop_line_only_matching_lines() {
        let text = "Body.\nPhoto: AP\nMore body.\n";
        let d = bp(&[("credit", RuleKind::DropLine, r"^photo\s*:")]).detect(text);
        assert_eq!(d.findings.len(), 1);
        assert_eq!(&text[d.findings[0].range.clone()], "Photo: AP\n");
    }

    #[test]
    fn drop_block_stops_at_prose() {
        let text = "Related\nOne headline\nAnother headline\nThis is a long paragraph of real prose that goes on for many words.\n";
        let d = bp(&[("related", RuleKind::DropBlock, r"^related$")]).detect(text);
        assert_eq!(
            &text[d.findings[0].range.clone()],
            "Related\nOne headline\nAnother headline\n"
        );
    }

    #[test]
    fn bad_regex_names_the_rule() {
        let opts = BoilerplateOptions {
            enabled: true,
            rules: vec![RuleSpec {
                name: "broken".into(),
                kind: RuleKind::DropLine,
                pattern: "(".into(),
                ignore_case: true,
            }],
        };
        let e = Boilerplate::new(&opts, Path::new("c.toml")).err().unwrap();
        assert!(e.to_string().contains("broken"), "{e}");
    }
}
