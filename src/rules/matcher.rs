//! Matching compiled rules against a document's tokens.
//!
//! Rules are indexed once by what their first element needs (a word, a shape, or anything), so a
//! token only tries the rules that can start on it. Each start is matched by a small backtracking
//! search (greedy repeats first), which accepts the first full match whose entity part passes the
//! built-in guards. The search remembers the states it has seen fail ([`Memo`]): whether a state
//! can still end in a match depends only on the pattern element, the token, and two booleans
//! about the entity part so far, so each state is explored at most once per start. A start costs
//! at most [`cost`] steps, linear in the pattern's elements times its longest match, instead of
//! exponential in its repeated elements (`op = "*"`, `"+"`). The guards:
//! * the entity part starts and ends on a capitalized or all-caps token (a rule with
//!   `lowercase_end = true` may end on a lowercase word: "Министерство обороны");
//! * its first token is not a sentence-initial word that the document also writes in lowercase
//!   ("Officials", "Yesterday");
//! * no token is consumed across a sentence or line boundary, nor on a Title Case headline line
//!   unless the rule says `headlines = true`;
//! * the token before the match is not in the rule's `not_after` list.

use rustc_hash::FxHashMap;

use super::format::{Cond, LexCheck, Rule, WordSet};
use super::tokens::{word_hash, Shape, Tokens, NO_MENTION};
use crate::gazetteer::Mention;

/// Names one word set of the rules (an index into a [`Program`]'s sets).
type SetId = u32;

/// The rules compiled for matching: every word set they test gets an id, and one table lookup
/// per distinct word of a document tells which sets hold it (see [`Facts`]).
#[derive(Debug, Default)]
pub struct Program {
    /// Number of `u64`s in one membership bit set.
    stride: usize,
    /// Keyed by the [`word_hash`] of the lowercased form (as [`Tokens`] lowercases: char by
    /// char), then by the form itself: the document's words come with that hash already.
    words: FxHashMap<u64, Vec<(Box<str>, WordEntry)>>,
    /// One per rule, in rule order.
    patterns: Vec<Pattern>,
    /// The sets some pattern `needs`, as membership bits.
    needed: Vec<u64>,
}

/// What the rules' word sets say about one lowercased form.
#[derive(Debug, Default)]
struct WordEntry {
    /// The `lower`, `not_lower` and `not_after` sets that hold the form.
    lower: Box<[u64]>,
    /// Exact spellings with this lowercased form and the `text` sets that hold each.
    texts: Vec<(Box<str>, Box<[u64]>)>,
}

/// A token condition with its word sets replaced by ids.
#[derive(Debug)]
struct Test {
    text: Option<SetId>,
    lower: Option<SetId>,
    not_lower: Option<SetId>,
}

/// One rule's compiled pattern.
#[derive(Debug)]
struct Pattern {
    /// One per element.
    tests: Vec<Test>,
    not_after: Option<SetId>,
    /// Word sets of the elements that must match at least one token: a match starting at token
    /// `i` has a token of each within `[i, i + span)`.
    needs: Vec<SetId>,
    /// Most tokens a match can consume.
    span: usize,
    /// Index of the rule file (for its language filter).
    file: usize,
}

impl Program {
    /// Compiles `rules`.
    pub fn new(rules: &[Rule]) -> Program {
        let mut sets = SetIds::default();
        let mut patterns = Vec::with_capacity(rules.len());
        for rule in rules {
            let mut tests = Vec::with_capacity(rule.elems.len());
            let mut needs = Vec::new();
            let mut span = 0;
            for e in &rule.elems {
                let test = Test {
                    text: sets.id(true, e.cond.text.as_ref()),
                    lower: sets.id(false, e.cond.lower.as_ref()),
                    not_lower: sets.id(false, e.cond.not_lower.as_ref()),
                };
                if !e.negated {
                    span += e.max as usize;
                    if e.min > 0 {
                        needs.extend(test.text);
                        needs.extend(test.lower);
                    }
                }
                tests.push(test);
            }
            needs.sort_unstable();
            needs.dedup();
            patterns.push(Pattern {
                tests,
                not_after: sets.id(false, rule.not_after.as_ref()),
                needs,
                span,
                file: rule.file,
            });
        }
        let stride = sets.list.len().div_ceil(64);
        let mut needed = vec![0u64; stride];
        for s in patterns.iter().flat_map(|p| &p.needs) {
            needed[*s as usize / 64] |= 1 << (s % 64);
        }
        let mut words: FxHashMap<Box<str>, WordEntry> = FxHashMap::default();
        for (s, (exact, set)) in sets.list.iter().enumerate() {
            let (w, bit) = (s / 64, 1u64 << (s % 64));
            for word in set.iter() {
                let entry = words.entry(lowercase(word).into()).or_default();
                if entry.lower.is_empty() {
                    entry.lower = vec![0; stride].into();
                }
                if !exact {
                    entry.lower[w] |= bit;
                } else if let Some((_, bits)) = entry.texts.iter_mut().find(|(t, _)| t == word) {
                    bits[w] |= bit;
                } else {
                    let mut bits = vec![0; stride];
                    bits[w] |= bit;
                    entry.texts.push((word.clone(), bits.into()));
                }
            }
        }
        let mut hashed: FxHashMap<u64, Vec<(Box<str>, WordEntry)>> = FxHashMap::default();
        for (form, entry) in words {
            hashed
                .entry(word_hash(form.as_bytes()))
                .or_default()
                .push((form, entry));
        }
        Program {
            stride,
            words: hashed,
            patterns,
            needed,
        }
    }

    /// What the word sets say about the lowercased form `lower`, which hashes to `hash`.
    fn entry(&self, hash: u64, lower: &[u8]) -> Option<&WordEntry> {
        let forms = self.words.get(&hash)?;
        forms
            .iter()
            .find(|(f, _)| f.as_bytes() == lower)
            .map(|(_, e)| e)
    }
}

/// Upper bound on the matching steps (token tests) of one rule at one start token. The search
/// explores each state at most once: element `k` is reached at most `prefix(k) + 1` token
/// offsets from the start (`prefix(k)`: the most tokens the elements before it consume), with
/// one kind of entity part before the entity elements and five from them on (none yet, or one
/// whose first token can or cannot start a name and whose last can or cannot end one); a state
/// tests at most `max + 1` tokens and tries as many repeat counts. Linear in the pattern's length
/// times its longest match, where plain backtracking is exponential in its repeated elements.
pub fn cost(elems: &[crate::rules::format::Elem]) -> usize {
    let first_capture = elems.iter().position(|e| e.capture).unwrap_or(elems.len());
    let mut prefix = 0usize;
    let mut total = 0usize;
    for (k, e) in elems.iter().enumerate() {
        let classes = if k <= first_capture {
            1
        } else {
            CAPTURE_CLASSES
        };
        let tries = if e.negated { 1 } else { e.max as usize + 1 };
        total = total.saturating_add((prefix + 1) * classes * tries);
        if !e.negated {
            prefix += e.max as usize;
        }
    }
    total
}

/// Kinds of entity part a search state can carry: none yet, or one whose first token can / cannot
/// start an entity and whose last token can / cannot end one.
const CAPTURE_CLASSES: usize = 5;

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
    fn start(&mut self, elems: usize, span: usize) {
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

/// Numbers word sets by kind (exact or lowercased) and content, so a list used by many rules is
/// tested once per token.
#[derive(Default)]
struct SetIds<'r> {
    ids: FxHashMap<(bool, Vec<&'r str>), SetId>,
    /// The same shared set (one list expression of a file) is looked up by address, without
    /// sorting its words again.
    by_address: FxHashMap<(bool, usize), SetId>,
    list: Vec<(bool, &'r WordSet)>,
}

impl<'r> SetIds<'r> {
    fn id(&mut self, exact: bool, set: Option<&'r WordSet>) -> Option<SetId> {
        let set = set?;
        let address = (exact, std::sync::Arc::as_ptr(set) as usize);
        if let Some(&id) = self.by_address.get(&address) {
            return Some(id);
        }
        let id = self.id_by_content(exact, set);
        self.by_address.insert(address, id);
        Some(id)
    }

    fn id_by_content(&mut self, exact: bool, set: &'r WordSet) -> SetId {
        let mut key: Vec<&str> = set.iter().map(|w| &**w).collect();
        key.sort_unstable();
        let next = self.list.len() as SetId;
        let list = &mut self.list;
        *self.ids.entry((exact, key)).or_insert_with(|| {
            list.push((exact, set));
            next
        })
    }
}

/// Lowercases as [`Tokens`] does: char by char (`str::to_lowercase` would also turn a final
/// capital sigma into `ς`).
fn lowercase(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// Per-document facts about the tokens that every rule test needs, computed once.
#[derive(Debug, Default)]
pub struct Facts {
    stride: usize,
    /// For each token, `stride` words of set membership bits.
    bits: Vec<u64>,
    /// For each distinct lowercased form ([`Tokens::words`]): whether a token of shape `Lower`
    /// has it, i.e. whether the document writes the word in lowercase somewhere.
    lowercase: Vec<bool>,
    /// For each set some pattern needs (empty for the others): the tokens in it, in order.
    members: Vec<Vec<u32>>,
}

impl Facts {
    /// The facts of `toks` (of `text`) under `program`.
    pub fn new(program: &Program, text: &str, toks: &Tokens) -> Facts {
        let stride = program.stride;
        let entries: Vec<Option<&WordEntry>> = if stride == 0 {
            Vec::new()
        } else {
            toks.words
                .iter()
                .zip(&toks.word_hashes)
                .map(|(&t, &hash)| program.entry(hash, toks.lower_bytes(t as usize)))
                .collect()
        };
        let mut bits = vec![0u64; toks.len() * stride];
        let mut lowercase = vec![false; toks.words.len()];
        let mut members = vec![Vec::new(); stride * 64];
        for (i, t) in toks.tokens.iter().enumerate() {
            if t.shape == Shape::Lower {
                lowercase[t.word as usize] = true;
            }
            let Some(entry) = entries.get(t.word as usize).copied().flatten() else {
                continue;
            };
            let out = &mut bits[i * stride..(i + 1) * stride];
            out.copy_from_slice(&entry.lower);
            for (exact, b) in &entry.texts {
                if **exact == text[t.start..t.end] {
                    out.iter_mut().zip(b.iter()).for_each(|(o, b)| *o |= b);
                }
            }
            for (w, (&b, &need)) in out.iter().zip(&program.needed).enumerate() {
                let mut m = b & need;
                while m != 0 {
                    members[w * 64 + m.trailing_zeros() as usize].push(i as u32);
                    m &= m - 1;
                }
            }
        }
        Facts {
            stride,
            bits,
            lowercase,
            members,
        }
    }

    /// Whether token `i` is in set `s` (by its exact text or lowercased, as the set is).
    fn has(&self, i: usize, s: SetId) -> bool {
        let s = s as usize;
        self.bits[i * self.stride + s / 64] & (1 << (s % 64)) != 0
    }
}

/// Rules of one pass, each with what its first token must be.
#[derive(Debug, Default)]
pub struct Index {
    /// In rule order.
    rules: Vec<(u16, Start)>,
}

/// What a rule's first token must be, as far as one check can tell.
#[derive(Clone, Copy, Debug)]
enum Start {
    /// In this word set.
    Set(SetId),
    /// Of one of these shapes (`1 << Shape as u8`).
    Shapes(u8),
    /// Anything (the first element is optional or negated, or tests neither).
    Any,
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

    fn cond_ok(&self, c: &Cond, test: &Test, i: usize) -> bool {
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

/// All matches of the indexed rules, at most one per rule and start token, in the order of
/// start token, then rule.
///
/// A rule is tried only at the tokens where it can start (its `Start`) and where every set
/// it `needs` has a token within its longest match: a necessary condition, so skipping the
/// other tokens changes no result. The starts are found from the set members rather than by
/// testing every token, so a rule costs little where its words do not occur.
pub fn scan(
    rules: &[Rule],
    program: &Program,
    index: &Index,
    allowed: &[bool],
    doc: &Doc<'_>,
) -> Vec<Hit> {
    let n = doc.toks.len();
    let facts = doc.facts;
    let toks = &doc.toks.tokens;
    let mut hits = Vec::new();
    // For each needed set but the rarest: where in its members the tokens at or after `i` begin.
    let mut others: Vec<(SetId, usize)> = Vec::new();
    let mut memo = Memo::default();
    for &(r, start) in &index.rules {
        let pattern = &program.patterns[r as usize];
        if !allowed[pattern.file] {
            continue;
        }
        let rule = &rules[r as usize];
        let can_start = |i: usize| match start {
            Start::Set(s) => facts.has(i, s),
            Start::Shapes(m) => m & (1 << toks[i].shape as u8) != 0,
            Start::Any => true,
        };
        // The starts come from the members of the rarest needed set; the others are checked.
        let rarest = pattern
            .needs
            .iter()
            .copied()
            .min_by_key(|&s| facts.members[s as usize].len());
        others.clear();
        others.extend(
            pattern
                .needs
                .iter()
                .filter(|&&s| Some(s) != rarest)
                .map(|&s| (s, 0)),
        );
        let mut others_near = |i: usize| {
            others.iter_mut().all(|(s, at)| {
                let members = &facts.members[*s as usize];
                while *at < members.len() && (members[*at] as usize) < i {
                    *at += 1;
                }
                members
                    .get(*at)
                    .is_some_and(|&k| (k as usize) < i + pattern.span)
            })
        };
        let mut try_at = |i: usize| {
            if can_start(i) && others_near(i) {
                if let Some((start, end)) = match_at(rule, pattern, doc, i, &mut memo) {
                    hits.push(Hit {
                        start,
                        end,
                        rule: r,
                        match_start: i,
                    });
                }
            }
        };
        match rarest {
            None => (0..n).for_each(&mut try_at),
            Some(s0) => {
                // Starts `i` with a token `k` of that set in `[i, i + span)`, ascending.
                let mut next = 0;
                for &k in &facts.members[s0 as usize] {
                    let k = k as usize;
                    let from = (k + 1).saturating_sub(pattern.span).max(next);
                    (from..=k).for_each(&mut try_at);
                    next = next.max(k + 1);
                }
            }
        }
    }
    // Each rule's hits are in start order; one (start, rule) pair hits at most once.
    hits.sort_unstable_by_key(|h| (h.match_start, h.rule));
    hits
}

/// Matches `rule` starting at token `start`; returns the entity's token range.
fn match_at(
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
        let found = self.step(e, k, j, cap);
        if found.is_none() {
            self.memo.fail(slot);
        }
        found
    }

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

    fn step(
        &mut self,
        e: &super::format::Elem,
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
fn entity_ok(doc: &Doc<'_>, s: usize, e: usize, lowercase_end: bool) -> bool {
    s < e && name_like(doc, s) && end_ok(doc, e - 1, lowercase_end) && !doc.common_initial(s)
}

/// Whether token `i` may end an entity part: name-like, or lowercase for a rule with
/// `lowercase_end`.
fn end_ok(doc: &Doc<'_>, i: usize, lowercase_end: bool) -> bool {
    name_like(doc, i) || (lowercase_end && doc.toks.tokens[i].shape == Shape::Lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::shipped_rules;

    /// Texts to check on: the seed corpus and a few made-up lines.
    fn texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut out: Vec<String> = std::fs::read_dir(dir)
            .expect("corpus/")
            .map(|e| String::from_utf8_lossy(&std::fs::read(e.unwrap().path()).unwrap()).into())
            .collect();
        out.push(
            "Officials said. officials met President Ilham Aliyev and Zaur Shiriyev said \
                  the Treaty of Moscow (FSB) ΣΊΣΥΦΟΣ Σίσυφος Ministry of Foreign Affairs"
                .into(),
        );
        out
    }

    /// `Doc::cond_ok` as written before the facts: straight from the word sets.
    fn reference_cond(doc: &Doc<'_>, c: &Cond, i: usize) -> bool {
        let t = &doc.toks.tokens[i];
        let lower = doc.toks.lower(i);
        let written_lowercase = (0..doc.toks.len())
            .any(|k| doc.toks.tokens[k].shape == Shape::Lower && doc.toks.lower(k) == lower);
        let label = (t.mention != NO_MENTION).then(|| &*doc.mentions[t.mention as usize].label);
        (c.shapes == 0 || c.shapes & (1 << t.shape as u8) != 0)
            && c.initial.is_none_or(|want| want == t.initial)
            && c.text
                .as_ref()
                .is_none_or(|s| s.contains(&doc.text[t.start..t.end]))
            && c.lower.as_ref().is_none_or(|s| s.contains(lower))
            && c.not_lower.as_ref().is_none_or(|s| !s.contains(lower))
            && c.endings_ok(lower)
            && c.common.is_none_or(|want| want == written_lowercase)
            && match &c.lexicon {
                LexCheck::Any => true,
                LexCheck::In(None) => label.is_some(),
                LexCheck::In(Some(want)) => label == Some(&**want),
                LexCheck::NotIn(None) => label.is_none(),
                LexCheck::NotIn(Some(want)) => label != Some(&**want),
            }
    }

    #[test]
    fn facts_agree_with_word_sets_and_prefilter_drops_no_match() {
        let rules = shipped_rules();
        let program = Program::new(&rules.rules);
        for text in texts() {
            let toks = Tokens::new(&text, &[]);
            let facts = Facts::new(&program, &text, &toks);
            // Every capitalized token a "PER" mention, so the lexicon conditions are exercised.
            let mentions: Vec<Mention> = toks
                .tokens
                .iter()
                .filter(|t| t.shape == Shape::Capitalized && t.start % 3 == 0)
                .map(|t| Mention {
                    start: t.start,
                    end: t.end,
                    label: "PER".into(),
                    id: "per:x".into(),
                    name: "x".into(),
                    lexicon: "test".into(),
                    resolved_by: "unique",
                })
                .collect();
            let mut toks = toks;
            toks.attach(&mentions);
            let doc = Doc::new(&text, &toks, &mentions, &facts);
            for (rule, pattern) in rules.rules.iter().zip(&program.patterns) {
                for i in 0..toks.len() {
                    for (e, test) in rule.elems.iter().zip(&pattern.tests) {
                        assert_eq!(
                            doc.cond_ok(&e.cond, test, i),
                            reference_cond(&doc, &e.cond, i),
                            "rule {} token {:?}",
                            rule.name,
                            &text[toks.tokens[i].start..toks.tokens[i].end]
                        );
                    }
                    if let (Some(set), Some(id)) = (&rule.not_after, pattern.not_after) {
                        assert_eq!(facts.has(i, id), set.contains(toks.lower(i)));
                    }
                }
            }
            // The indexed, prefiltered scan finds what trying every rule everywhere finds.
            let allowed = vec![true];
            for (p, index) in rules.passes.iter().enumerate() {
                let fast = scan(&rules.rules, &program, index, &allowed, &doc);
                let mut slow = Vec::new();
                for i in 0..toks.len() {
                    for (r, rule) in rules.rules.iter().enumerate() {
                        if !rule.enabled || rule.pass as usize != p + 1 {
                            continue;
                        }
                        let mut memo = Memo::default();
                        let found = match_at(rule, &program.patterns[r], &doc, i, &mut memo);
                        assert_eq!(
                            found,
                            reference_match_at(rule, &program.patterns[r], &doc, i),
                            "rule {} at token {i}",
                            rule.name
                        );
                        if let Some((start, end)) = found {
                            slow.push(Hit {
                                start,
                                end,
                                rule: r as u16,
                                match_start: i,
                            });
                        }
                    }
                }
                assert_eq!(fast, slow);
            }
        }
    }

    /// The matcher as it was before the memo: plain backtracking, exponential in the repeated
    /// elements. The reference the memoized search must agree with.
    fn reference_search(
        rule: &Rule,
        pattern: &Pattern,
        doc: &Doc<'_>,
        start: usize,
        k: usize,
        j: usize,
        cap: Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        let Some(e) = rule.elems.get(k) else {
            return cap.filter(|&(s, e)| entity_ok(doc, s, e, rule.lowercase_end));
        };
        let test = &pattern.tests[k];
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
            return reference_search(rule, pattern, doc, start, k + 1, j, cap);
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
            if let Some(found) = reference_search(rule, pattern, doc, start, k + 1, j + c, next) {
                return Some(found);
            }
        }
        None
    }

    fn reference_match_at(
        rule: &Rule,
        pattern: &Pattern,
        doc: &Doc<'_>,
        start: usize,
    ) -> Option<(usize, usize)> {
        let toks = &doc.toks.tokens;
        if let Some(s) = pattern.not_after {
            if start > 0 && !toks[start].boundary && doc.facts.has(start - 1, s) {
                return None;
            }
        }
        reference_search(rule, pattern, doc, start, 0, start, None)
    }

    /// Token conditions and ops the generated rules are made of.
    const CONDS: [&str; 6] = [
        r#"shape = "capitalized""#,
        r#"shape = ["capitalized", "upper"]"#,
        r#"shape = "lower""#,
        r#"lower = ["of", "the", "and"]"#,
        r#"not_lower = ["said"]"#,
        r#"in_lexicon = "ANY""#,
    ];
    const OPS: [&str; 6] = [
        "",
        r#", op = "?""#,
        r#", op = "*""#,
        r#", op = "+""#,
        r#", repeat = [2, 3]"#,
        r#", op = "!""#,
    ];
    const WORDS: [&str; 12] = [
        "Baku",
        "of",
        "the",
        "Ministry",
        "said",
        ".",
        "FSB",
        "Aliyev",
        "and",
        "\n",
        "Officials",
        "officials",
    ];

    /// A rule file with one rule from (condition, op) picks: `before` elements, then the entity
    /// part, then the rest.
    fn rule_file(
        elems: &[(usize, usize)],
        before: usize,
        entity: usize,
        headlines: bool,
    ) -> String {
        let mut pattern = Vec::new();
        for (i, &(c, o)) in elems.iter().enumerate() {
            let captured = i >= before && i < before + entity;
            // The entity part needs a token and cannot be negated: its first element is plain.
            let op = match (captured, i == before, OPS[o]) {
                (true, true, _) => "",
                (true, _, op) if op.contains('!') => "",
                (_, _, op) => op,
            };
            let ent = if captured { ", entity = true" } else { "" };
            pattern.push(format!("{{ {}{op}{ent} }}", CONDS[c]));
        }
        format!(
            "[[rule]]\nname = \"r\"\nlabel = \"PER\"\nheadlines = {headlines}\npattern = [\n{}\n]\n",
            pattern.join(",\n")
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(400))]
        /// The memoized search finds, at every start, exactly what plain backtracking finds.
        #[test]
        fn memoized_search_agrees_with_backtracking(
            elems in proptest::collection::vec((0..CONDS.len(), 0..OPS.len()), 1..7),
            before in 0usize..3,
            entity in 1usize..3,
            headlines in proptest::bool::ANY,
            words in proptest::collection::vec(0..WORDS.len(), 0..40),
        ) {
            let before = before.min(elems.len() - 1);
            let entity = entity.min(elems.len() - before);
            let src = rule_file(&elems, before, entity, headlines);
            let file = crate::rules::format::compile(&src, std::path::Path::new("p.toml"))
                .unwrap_or_else(|e| panic!("{e}\n{src}"));
            let program = Program::new(&file.rules);
            let text = words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
            let toks = Tokens::new(&text, &[]);
            let facts = Facts::new(&program, &text, &toks);
            let mentions: Vec<Mention> = toks
                .tokens
                .iter()
                .filter(|t| text[t.start..t.end] == *"Aliyev")
                .map(|t| Mention {
                    start: t.start,
                    end: t.end,
                    label: "PER".into(),
                    id: "per:x".into(),
                    name: "x".into(),
                    lexicon: "test".into(),
                    resolved_by: crate::gazetteer::resolved::UNIQUE,
                })
                .collect();
            let mut toks = toks;
            toks.attach(&mentions);
            let doc = Doc::new(&text, &toks, &mentions, &facts);
            let mut memo = Memo::default();
            for i in 0..toks.len() {
                let (rule, pattern) = (&file.rules[0], &program.patterns[0]);
                proptest::prop_assert_eq!(
                    match_at(rule, pattern, &doc, i, &mut memo),
                    reference_match_at(rule, pattern, &doc, i),
                    "start {} in {:?} with\n{}", i, text, src
                );
            }
        }
    }

    #[test]
    fn shipped_rules_cost_little_per_token() {
        for rule in shipped_rules().rules() {
            let c = cost(&rule.elems);
            assert!(
                c <= crate::gazetteer::check::SLOW_RULE_COST / 4,
                "rule {}: {c}",
                rule.name
            );
        }
    }

    #[test]
    fn many_starred_elements_on_a_long_line_stay_linear() {
        let src = rule_file(
            &[
                (5, 2),
                (5, 2),
                (5, 2),
                (5, 2),
                (5, 2),
                (5, 2),
                (0, 0),
                (2, 0),
            ],
            6,
            1,
            true,
        );
        // Eight elements; all but the entity match any token ("in_lexicon" is never true here).
        let src = src.replace(r#"in_lexicon = "ANY", op = "*""#, r#"op = "*""#);
        let file = crate::rules::format::compile(&src, std::path::Path::new("p.toml")).unwrap();
        let program = Program::new(&file.rules);
        // One long line of capitalized words: the last element (lowercase) never matches.
        let text = "Alpha Beta Gamma Delta ".repeat(2_000);
        let toks = Tokens::new(&text, &[]);
        let facts = Facts::new(&program, &text, &toks);
        let doc = Doc::new(&text, &toks, &[], &facts);
        let started = std::time::Instant::now();
        let mut memo = Memo::default();
        for i in 0..toks.len() {
            assert_eq!(
                match_at(&file.rules[0], &program.patterns[0], &doc, i, &mut memo),
                None
            );
        }
        // Plain backtracking needs about 9^6 steps per start here (days for the line).
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }
}
