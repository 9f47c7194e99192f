//! Matching compiled rules against a document's tokens.
//!
//! Rules are indexed once by what their first element needs (a word, a shape, or anything), so a
//! token only tries the rules that can start on it. Each start is matched by a small backtracking
//! search (greedy repeats first), which accepts the first full match whose entity part passes the
//! built-in guards:
//! * the entity part starts and ends on a capitalized or all-caps token;
//! * its first token is not a sentence-initial word that the document also writes in lowercase
//!   ("Officials", "Yesterday");
//! * no token is consumed across a sentence or line boundary, nor on a Title Case headline line
//!   unless the rule says `headlines = true`;
//! * the token before the match is not in the rule's `not_after` list.

use std::cell::OnceCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::format::{Cond, LexCheck, Rule};
use super::tokens::{Shape, Tokens, NO_MENTION};
use crate::gazetteer::Mention;

/// Rules of one pass, indexed by what their first token must be.
#[derive(Debug, Default)]
pub struct Index {
    by_word: FxHashMap<Box<str>, Vec<u16>>,
    by_shape: [Vec<u16>; 5],
    always: Vec<u16>,
    size: usize,
}

impl Index {
    /// Indexes the enabled rules of `pass`.
    pub fn new(rules: &[Rule], pass: u8) -> Index {
        let mut ix = Index::default();
        for (r, rule) in rules.iter().enumerate() {
            if !rule.enabled || rule.pass != pass {
                continue;
            }
            let r = r as u16;
            ix.size += 1;
            let first = &rule.elems[0];
            if first.negated || first.min == 0 {
                ix.always.push(r);
            } else if let Some(words) = first.cond.lower.as_ref().or(first.cond.text.as_ref()) {
                for w in words {
                    ix.by_word
                        .entry(w.to_lowercase().into())
                        .or_default()
                        .push(r);
                }
            } else if first.cond.shapes != 0 {
                for (s, list) in ix.by_shape.iter_mut().enumerate() {
                    if first.cond.shapes & (1 << s) != 0 {
                        list.push(r);
                    }
                }
            } else {
                ix.always.push(r);
            }
        }
        ix
    }

    /// Whether the pass has no rules.
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// The rules that may start at token `i`, in rule order, into `buf`.
    fn starting_at(&self, toks: &Tokens, i: usize, buf: &mut Vec<u16>) {
        buf.clear();
        let mut sources = 0;
        for part in [
            self.by_word
                .get(toks.lower(i))
                .map_or(&[][..], Vec::as_slice),
            &self.by_shape[toks.tokens[i].shape as usize],
            &self.always,
        ] {
            if !part.is_empty() {
                sources += 1;
                buf.extend_from_slice(part);
            }
        }
        // Each list is in rule order already; only a mix needs sorting.
        if sources > 1 {
            buf.sort_unstable();
            buf.dedup();
        }
    }
}

/// One document as the matcher sees it.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a Tokens,
    /// Entities found so far, sorted (token `mention` fields index into it).
    pub mentions: &'a [Mention],
    lower_words: OnceCell<FxHashSet<&'a str>>,
}

impl<'a> Doc<'a> {
    /// A matcher view of a document.
    pub fn new(text: &'a str, toks: &'a Tokens, mentions: &'a [Mention]) -> Doc<'a> {
        Doc {
            text,
            toks,
            mentions,
            lower_words: OnceCell::new(),
        }
    }

    /// Whether the document writes `word` (lowercased) in lowercase somewhere.
    pub fn written_lowercase(&self, word: &str) -> bool {
        self.lower_words
            .get_or_init(|| {
                let toks = self.toks;
                (0..toks.len())
                    .filter(|&i| toks.tokens[i].shape == Shape::Lower)
                    .map(|i| toks.lower(i))
                    .collect()
            })
            .contains(word)
    }

    /// A capitalized first word of a sentence that is a common word elsewhere in the document.
    pub fn common_initial(&self, i: usize) -> bool {
        self.toks.tokens[i].initial && self.written_lowercase(self.toks.lower(i))
    }

    fn cond_ok(&self, c: &Cond, i: usize) -> bool {
        let t = &self.toks.tokens[i];
        if c.shapes != 0 && c.shapes & (1 << t.shape as u8) == 0 {
            return false;
        }
        if c.initial.is_some_and(|want| want != t.initial) {
            return false;
        }
        if let Some(set) = &c.text {
            if !set.contains(&self.text[t.start..t.end]) {
                return false;
            }
        }
        let lower = self.toks.lower(i);
        if c.lower.as_ref().is_some_and(|s| !s.contains(lower)) {
            return false;
        }
        if c.not_lower.as_ref().is_some_and(|s| s.contains(lower)) {
            return false;
        }
        if c.common
            .is_some_and(|want| want != self.written_lowercase(lower))
        {
            return false;
        }
        let label = (t.mention != NO_MENTION).then(|| &*self.mentions[t.mention as usize].label);
        match &c.lexicon {
            LexCheck::Any => true,
            LexCheck::In(None) => label.is_some(),
            LexCheck::In(Some(want)) => label == Some(&**want),
            LexCheck::NotIn(None) => label.is_none(),
            LexCheck::NotIn(Some(want)) => label != Some(&**want),
        }
    }
}

/// A rule match: the entity's token range `[start, end)` and the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First entity token.
    pub start: usize,
    /// One past the last entity token.
    pub end: usize,
    /// Rule index.
    pub rule: u16,
    /// The token the whole match starts on (at or before `start`).
    pub match_start: usize,
}

/// All matches of the indexed rules, at most one per rule and start token.
pub fn scan(rules: &[Rule], index: &Index, allowed: &[bool], doc: &Doc<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut buf = Vec::new();
    for i in 0..doc.toks.len() {
        index.starting_at(doc.toks, i, &mut buf);
        for &r in &buf {
            let rule = &rules[r as usize];
            if !allowed[rule.file] {
                continue;
            }
            if let Some((start, end)) = match_at(rule, doc, i) {
                hits.push(Hit {
                    start,
                    end,
                    rule: r,
                    match_start: i,
                });
            }
        }
    }
    hits
}

/// Matches `rule` starting at token `start`; returns the entity's token range.
pub fn match_at(rule: &Rule, doc: &Doc<'_>, start: usize) -> Option<(usize, usize)> {
    let toks = &doc.toks.tokens;
    if let Some(set) = &rule.not_after {
        if start > 0 && !toks[start].boundary && set.contains(doc.toks.lower(start - 1)) {
            return None;
        }
    }
    search(rule, doc, start, 0, start, None)
}

fn search(
    rule: &Rule,
    doc: &Doc<'_>,
    start: usize,
    k: usize,
    j: usize,
    cap: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let Some(e) = rule.elems.get(k) else {
        return cap.filter(|&(s, e)| entity_ok(doc, s, e));
    };
    let toks = &doc.toks.tokens;
    let usable = |i: usize| {
        i < toks.len()
            && (i == start || !toks[i].boundary)
            && (rule.headlines || !toks[i].titlecase)
    };
    if e.negated {
        if usable(j) && doc.cond_ok(&e.cond, j) {
            return None;
        }
        return search(rule, doc, start, k + 1, j, cap);
    }
    let mut n = 0;
    while n < e.max as usize && usable(j + n) && doc.cond_ok(&e.cond, j + n) {
        n += 1;
    }
    for c in (e.min as usize..=n).rev() {
        let next = if e.capture && c > 0 {
            Some(cap.map_or((j, j + c), |(s, _)| (s, j + c)))
        } else {
            cap
        };
        if let Some(found) = search(rule, doc, start, k + 1, j + c, next) {
            return Some(found);
        }
    }
    None
}

/// The built-in guards on an entity's token range.
fn entity_ok(doc: &Doc<'_>, s: usize, e: usize) -> bool {
    let toks = &doc.toks.tokens;
    let name_like = |i: usize| matches!(toks[i].shape, Shape::Capitalized | Shape::Upper);
    s < e && name_like(s) && name_like(e - 1) && !doc.common_initial(s)
}
