//! Layer 1: the named config rules of `[[boilerplate.rules]]` (`cut-from`, `drop-line`,
//! `drop-block`), compiled once; a bad pattern is an error naming the rule.

use std::path::Path;

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

use super::Line;
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
pub(crate) struct CompiledRule {
    name: String,
    kind: RuleKind,
    re: Regex,
}

/// Compiles the configured rules in order.
pub(crate) fn compile(specs: &[RuleSpec], config_path: &Path) -> Result<Vec<CompiledRule>> {
    specs
        .iter()
        .map(|spec| {
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
            Ok(CompiledRule {
                name: spec.name.clone(),
                kind: spec.kind,
                re,
            })
        })
        .collect()
}

/// Claims the lines the rules match, first rule first. `body_end` is the last line of the
/// article's body span: a `cut-from` rule only fires below it (a "Latest news" header above or
/// inside the article never cuts the article away).
pub(crate) fn apply<'r>(
    rules: &'r [CompiledRule],
    lines: &[Line<'_>],
    claimed: &mut [Option<&'r str>],
    body_end: Option<usize>,
) {
    for rule in rules {
        let mut i = 0;
        while i < lines.len() {
            if claimed[i].is_some() || lines[i].text.is_empty() || !rule.re.is_match(lines[i].text)
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
                *c = Some(&rule.name);
            }
            i = end;
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
