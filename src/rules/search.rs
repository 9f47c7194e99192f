//! Matching one rule at one start token: the document view the token tests read ([`Doc`]), the
//! built-in guards on the entity part, and the memoized backtracking search.
//!
//! The search tries the pattern's elements in order, greedy repeats first, and accepts the first
//! full match whose entity part passes the guards:
//! * the entity part starts and ends on a capitalized or all-caps token (a rule with
//!   `lowercase_end = true` may end on a lowercase word: "Министерство обороны");
//! * its first token is not a sentence-initial word that the document also writes in lowercase
//!   ("Officials", "Yesterday");
//! * no token is consumed across a sentence or line boundary, nor on a Title Case headline line
//!   unless the rule says `headlines = true`;
//! * the token before the match is not in the rule's `not_after` list.
//!
//! Plain backtracking is exponential in a pattern's repeated elements (`op = "*"`, `"+"`), so
//! the search remembers the states it has seen fail ([`Memo`]): whether a state can still end in
//! a match depends only on the pattern element, the token, and two booleans about the entity
//! part so far (can its first token start a name, can its last end one), so each state is
//! explored at most once per start and a start costs at most [`cost`](super::pattern::cost)
//! steps. The plain backtracking search is kept in the tests as the reference the memoized one
//! must agree with (a proptest over generated rules and texts).

use super::pattern::{Cond, Elem, LexCheck, Rule, CAPTURE_CLASSES};
use super::program::{Facts, Pattern, Test};
use super::tokens::{Shape, Tokens, NO_MENTION};
use crate::gazetteer::Mention;

/// One document as the matcher sees it.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a Tokens,
    /// Entities found so far, sorted (token `mention` fields index into it).
    pub mentions: &'a [Mention],
    /// Facts about the tokens.
    pub facts: &'a Facts,
}

impl<'a> Doc<'a> {
    /// A matcher view of a document.
    pub fn new(
        text: &'a str,
        toks: &'a Tokens,
        mentions: &'a [Mention],
        facts: &'a Facts,
    ) -> Doc<'a> {
        Doc {
            text,
            toks,
            mentions,
            facts,
        }
    }

    /// Whether the document writes token `i`'s word in lowercase somewhere.
    fn written_lowercase(&self, i: usize) -> bool {
        self.facts.lowercase[self.toks.tokens[i].word as usize]
    }

    /// A capitalized first word of a sentence that is a common word elsewhere in the document.
    pub fn common_initial(&self, i: usize) -> bool {
        self.toks.tokens[i].initial && self.written_lowercase(i)
    }

    /// Whether token `i` passes condition `c`, whose word sets `test` names.
    pub(super) fn cond_ok(&self, c: &Cond, test: &Test, i: usize) -> bool {
        let t = &self.toks.tokens[i];
        if c.shapes != 0 && c.shapes & (1 << t.shape as u8) == 0 {
            return false;
        }
        if c.initial.is_some_and(|want| want != t.initial) {
            return false;
        }
        let facts = self.facts;
        if test.text.is_some_and(|s| !facts.has(i, s)) {
            return false;
        }
        if test.lower.is_some_and(|s| !facts.has(i, s)) {
            return false;
        }
        if test.not_lower.is_some_and(|s| facts.has(i, s)) {
            return false;
        }
        if c.common
            .is_some_and(|want| want != self.written_lowercase(i))
        {
            return false;
        }
        if (c.ends.is_some() || c.not_ends.is_some()) && !c.endings_ok(self.toks.lower(i)) {
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

/// Matches `rule` starting at token `start`; returns the entity's token range.
pub(super) fn match_at(
    rule: &Rule,
    pattern: &Pattern,
    doc: &Doc<'_>,
    start: usize,
    memo: &mut Memo,
) -> Option<(usize, usize)> {
    let toks = &doc.toks.tokens;
    if let Some(s) = pattern.not_after {
        if start > 0 && !toks[start].boundary && doc.facts.has(start - 1, s) {
            return None;
        }
    }
    // The leading elements that take exactly one token take tokens `start`, `start + 1`, ...
    // in every match, and the element after them (if it must take a token) takes the next one
    // first: one of them failing on its token fails the search at its first steps. Checked
    // before the search is set up, since most starts fail there ("a title, then a capitalized
    // word": most words after a title are not capitalized).
    for (k, e) in rule.elems.iter().enumerate() {
        if e.negated || e.min == 0 {
            break;
        }
        let i = start + k;
        let usable = i < toks.len()
            && (i == start || !toks[i].boundary)
            && (rule.headlines || !toks[i].titlecase);
        if !(usable && doc.cond_ok(&e.cond, &pattern.tests[k], i)) {
            return None;
        }
        if e.max != 1 {
            break;
        }
    }
    memo.start(rule.elems.len(), pattern.span);
    let mut search = Search {
        rule,
        pattern,
        doc,
        start,
        memo,
    };
    search.from(0, start, None)
}

/// One match attempt: a rule at a start token.
struct Search<'s, 'd> {
    rule: &'s Rule,
    pattern: &'s Pattern,
    doc: &'s Doc<'d>,
    start: usize,
    memo: &'s mut Memo,
}

impl Search<'_, '_> {
    /// The first match (in the pattern's priority order: greedy repeats first) from element `k`
    /// at token `j` with the entity part `cap` so far.
    fn from(&mut self, k: usize, j: usize, cap: Option<(usize, usize)>) -> Option<(usize, usize)> {
        let Some(e) = self.rule.elems.get(k) else {
            return cap.filter(|&(s, e)| entity_ok(self.doc, s, e, self.rule.lowercase_end));
        };
        // Whether this state can still succeed depends on `cap` only through the guards of
        // `entity_ok` on its ends (`s < e` holds for any entity part): memoize on those.
        let slot = self.memo.slot(k, j - self.start, self.capture_class(cap));
        if self.memo.has_failed(slot) {
            return None;
        }
        let found = self.try_element(e, k, j, cap);
        if found.is_none() {
            self.memo.fail(slot);
        }
        found
    }

    /// The memo's class of entity part `cap` (see [`CAPTURE_CLASSES`]): none yet, or what its
    /// first and last tokens allow.
    fn capture_class(&self, cap: Option<(usize, usize)>) -> usize {
        match cap {
            None => 0,
            Some((s, e)) => {
                let starts = name_like(self.doc, s) && !self.doc.common_initial(s);
                1 + 2 * usize::from(starts)
                    + usize::from(end_ok(self.doc, e - 1, self.rule.lowercase_end))
            }
        }
    }

    /// Element `k` (`e`) at token `j`: a negated element only checks that token `j` does not
    /// match and goes on from the same token; any other takes as many tokens as match (up to its
    /// `max`), then gives them back one by one down to its `min`, trying the rest of the pattern
    /// after each count.
    fn try_element(
        &mut self,
        e: &Elem,
        k: usize,
        j: usize,
        cap: Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        let test = &self.pattern.tests[k];
        let (doc, rule, start) = (self.doc, self.rule, self.start);
        let toks = &doc.toks.tokens;
        let usable = |i: usize| {
            i < toks.len()
                && (i == start || !toks[i].boundary)
                && (rule.headlines || !toks[i].titlecase)
        };
        if e.negated {
            if usable(j) && doc.cond_ok(&e.cond, test, j) {
                return None;
            }
            return self.from(k + 1, j, cap);
        }
        let mut n = 0;
        while n < e.max as usize && usable(j + n) && doc.cond_ok(&e.cond, test, j + n) {
            n += 1;
        }
        for c in (e.min as usize..=n).rev() {
            let next = if e.capture && c > 0 {
                Some(cap.map_or((j, j + c), |(s, _)| (s, j + c)))
            } else {
                cap
            };
            if let Some(found) = self.from(k + 1, j + c, next) {
                return Some(found);
            }
        }
        None
    }
}

fn name_like(doc: &Doc<'_>, i: usize) -> bool {
    matches!(doc.toks.tokens[i].shape, Shape::Capitalized | Shape::Upper)
}

/// The built-in guards on an entity's token range.
pub(super) fn entity_ok(doc: &Doc<'_>, s: usize, e: usize, lowercase_end: bool) -> bool {
    s < e && name_like(doc, s) && end_ok(doc, e - 1, lowercase_end) && !doc.common_initial(s)
}

/// Whether token `i` may end an entity part: name-like, or lowercase for a rule with
/// `lowercase_end`.
fn end_ok(doc: &Doc<'_>, i: usize, lowercase_end: bool) -> bool {
    name_like(doc, i) || (lowercase_end && doc.toks.tokens[i].shape == Shape::Lower)
}

/// The failed search states of one rule, for the current start token. A stamp per state instead
/// of a cleared table: a new start only bumps the stamp.
#[derive(Debug, Default)]
pub struct Memo {
    stamp: u32,
    failed: Vec<u32>,
    /// Positions per element (longest match + 1).
    width: usize,
}

impl Memo {
    /// Prepares for a new start of a rule whose pattern has `elems` elements and `span` tokens at
    /// most.
    pub(super) fn start(&mut self, elems: usize, span: usize) {
        self.width = span + 1;
        let need = (elems + 1) * self.width * CAPTURE_CLASSES;
        if self.failed.len() < need {
            self.failed.resize(need, 0);
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // Wrapped: old stamps could look current.
            self.failed.fill(0);
            self.stamp = 1;
        }
    }

    fn slot(&self, k: usize, offset: usize, class: usize) -> usize {
        (k * self.width + offset) * CAPTURE_CLASSES + class
    }

    fn has_failed(&self, slot: usize) -> bool {
        self.failed[slot] == self.stamp
    }

    fn fail(&mut self, slot: usize) {
        self.failed[slot] = self.stamp;
    }
}
