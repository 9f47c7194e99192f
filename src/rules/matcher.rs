//! All matches of one pass's rules in a document: which rules are tried at which tokens.
//!
//! Policy: each enabled rule of the pass whose file the document's language allows is matched at
//! every token where a match could start ([`search`](super::search) decides at one token: the
//! first match in the pattern's order, greedy repeats first, that passes the guards). So a
//! rule has at most one match per start token; matches may overlap (the stage resolves them).
//! The hits come in the order of start token, then rule.
//!
//! The prefilter: trying every rule at every token is the reference (kept in the tests), but most
//! rules name words that most documents lack. A rule is tried at token `i` only when
//! * its first element can match `i` as far as one check tells (`Start`: in the first
//!   element's word set, covered by an entity when it tests `in_lexicon`, of one of its shapes,
//!   or anything when that element is optional, negated or tests none of these), and
//! * every word set the pattern *needs* (of an element that must match at least one token) has
//!   a token in `[i, i + span)`, `span` being the most tokens a match consumes.
//!
//! Both are necessary conditions of a match, so skipping the other tokens changes no result.
//! The starts are enumerated from the members of the pattern's rarest needed set
//! (`Candidates`) rather than by testing every token, so a rule costs little where its words
//! do not occur. The tests check the enumeration against the two conditions as written, and the
//! whole scan against trying every rule at every token.

use super::pattern::{LexCheck, Rule};
use super::program::{Facts, Pattern, Program, SetId};
use super::search::{match_at, Doc, Memo};
use super::tokens::NO_MENTION;

/// Rules of one pass, each with what its first token must be.
#[derive(Debug, Default)]
pub struct Index {
    /// In rule order.
    pub(super) rules: Vec<(u16, Start)>,
}

/// What a rule's first token must be, as far as one check can tell.
#[derive(Clone, Copy, Debug)]
pub(super) enum Start {
    /// In this word set.
    Set(SetId),
    /// Covered by an entity found so far (the first element tests `in_lexicon`).
    Mention,
    /// Of one of these shapes (`1 << Shape as u8`).
    Shapes(u8),
    /// Anything (the first element is optional or negated, or tests none of the above).
    Any,
}

impl Start {
    /// Whether token `i` passes this check.
    pub(super) fn admits(self, doc: &Doc<'_>, i: usize) -> bool {
        match self {
            Start::Set(s) => doc.facts.has(i, s),
            Start::Mention => doc.toks.tokens[i].mention != NO_MENTION,
            Start::Shapes(m) => m & (1 << doc.toks.tokens[i].shape as u8) != 0,
            Start::Any => true,
        }
    }
}

impl Index {
    /// Indexes the enabled rules of `pass`.
    pub fn new(rules: &[Rule], program: &Program, pass: u8) -> Index {
        let mut ix = Index::default();
        for (r, rule) in rules.iter().enumerate() {
            if !rule.enabled || rule.pass != pass {
                continue;
            }
            let test = &program.patterns[r].tests[0];
            let first = &rule.elems[0];
            let start = if first.negated || first.min == 0 {
                Start::Any
            } else if let Some(s) = test.lower.or(test.text) {
                Start::Set(s)
            } else if matches!(first.cond.lexicon, LexCheck::In(_)) {
                Start::Mention
            } else if first.cond.shapes != 0 {
                Start::Shapes(first.cond.shapes)
            } else {
                Start::Any
            };
            ix.rules.push((r as u16, start));
        }
        ix
    }

    /// Whether the pass has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
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

/// All matches of the indexed rules whose file is `allowed`, at most one per rule and start
/// token, in the order of start token, then rule (see the module docs).
pub fn scan(
    rules: &[Rule],
    program: &Program,
    index: &Index,
    allowed: &[bool],
    doc: &Doc<'_>,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut memo = Memo::default();
    let mut candidates = Candidates::default();
    for &(r, start) in &index.rules {
        let pattern = &program.patterns[r as usize];
        if !allowed[pattern.file] {
            continue;
        }
        let rule = &rules[r as usize];
        candidates.visit(pattern, start, doc, |i| {
            if let Some((s, e)) = match_at(rule, pattern, doc, i, &mut memo) {
                hits.push(Hit {
                    start: s,
                    end: e,
                    rule: r,
                    match_start: i,
                });
            }
        });
    }
    // Each rule's hits are in start order; one (start, rule) pair hits at most once.
    hits.sort_unstable_by_key(|h| (h.match_start, h.rule));
    hits
}

/// The prefilter's start tokens of one rule (a reusable buffer).
#[derive(Debug, Default)]
pub(super) struct Candidates {
    /// For each needed set but the rarest: where in its members the tokens at or after the
    /// current start begin (the starts ascend, so the cursors only move forward).
    others: Vec<(SetId, usize)>,
}

impl Candidates {
    /// Calls `f` with each token `i`, ascending, where `start` admits `i` and every set
    /// `pattern` needs has a member in `[i, i + span)`.
    pub(super) fn visit(
        &mut self,
        pattern: &Pattern,
        start: Start,
        doc: &Doc<'_>,
        mut f: impl FnMut(usize),
    ) {
        let facts = doc.facts;
        let Some(rarest) = pattern
            .needs
            .iter()
            .copied()
            .min_by_key(|&s| facts.members[s as usize].len())
        else {
            (0..doc.toks.len())
                .filter(|&i| start.admits(doc, i))
                .for_each(f);
            return;
        };
        self.others.clear();
        self.others.extend(
            pattern
                .needs
                .iter()
                .filter(|&&s| s != rarest)
                .map(|&s| (s, 0)),
        );
        let span = pattern.span;
        // A member `k` of the rarest set admits the starts in `[k + 1 - span, k]`; taken in
        // order (and not twice where windows overlap), the starts ascend.
        let mut next = 0;
        for &k in &facts.members[rarest as usize] {
            let k = k as usize;
            for i in (k + 1).saturating_sub(span).max(next)..=k {
                if start.admits(doc, i) && all_near(&mut self.others, facts, i, span) {
                    f(i);
                }
            }
            next = next.max(k + 1);
        }
    }
}

/// Whether each set of `others` has a member in `[i, i + span)`; moves each cursor to the set's
/// first member at or after `i` (`i` must not decrease from one call to the next).
fn all_near(others: &mut [(SetId, usize)], facts: &Facts, i: usize, span: usize) -> bool {
    others.iter_mut().all(|(s, at)| {
        let members = &facts.members[*s as usize];
        while *at < members.len() && (members[*at] as usize) < i {
            *at += 1;
        }
        members.get(*at).is_some_and(|&m| (m as usize) < i + span)
    })
}
