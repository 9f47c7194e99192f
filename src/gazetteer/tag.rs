//! Tagging one document: the automaton's matches on the folded view, kept on whole words and
//! when a candidate's language and case allow them, then each span resolved to one entity.
//!
//! Policy (the module docs of [`crate::gazetteer`] give the whole list):
//! * leftmost-longest, with a rejected match retried at the same start with the longest
//!   shorter alias, so a valid shorter alias is not lost (`Gazetteer::find_spans` keeps one
//!   search going wherever a fresh one would find the same next match);
//! * whole words only: letters, digits and marks on both sides of a boundary make it no
//!   boundary, and `#`/`@` before a match count as word chars (hashtags stay whole);
//! * context-only aliases, and generated forms that are common words at a sentence start or in
//!   capitals, need another mention of their entity; a surname before a group noun
//!   ([`GROUP_NOUNS`]) stands alone;
//! * a shared alias goes to the entity the document names unambiguously elsewhere
//!   ([`resolved::CONTEXT_DOCUMENT`]), else to the best-ranked candidate
//!   ([`resolved::PRIORITY`]).

use super::automaton::{Automaton, Hit};
use super::compiled::{Candidate, CaseCheck, Gazetteer};
use super::fold::{typo_fold, MatchView};
use super::mention::{resolved, Mention};

impl Gazetteer {
    /// `text`, a document in language `lang`, with the lexicons that apply to it.
    pub(super) fn doc<'a>(&self, text: &'a str, lang: &'a str) -> Doc<'a> {
        let lang_ok = self
            .lexicons
            .iter()
            .map(|l| l.languages.is_empty() || l.languages.iter().any(|x| x == lang))
            .collect();
        Doc {
            text,
            lang,
            lang_ok,
        }
    }

    /// Tags `text` (a document in language `lang`, ISO 639-3).
    pub fn tag(&self, text: &str, lang: &str) -> Vec<Mention> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let view = MatchView::new(text);
        let doc = self.doc(text, lang);
        // Phase 1: accepted spans with their pattern (its allowed candidates are best first).
        let found = self.find_spans(ac, &view, &doc);
        // Phase 2: context-only aliases need a full alias of their entity in the document; so do
        // generated forms that are common words where case cannot vouch for them (at the start
        // of a sentence or in capitals: "Мира не будет").
        //
        // Each span's allowed candidates (the language and case checks) are listed once, with
        // whether the span is sentence-initial (asked only when a candidate cares), and the
        // three passes below read those lists.
        let mut allowed: Vec<&Candidate> = Vec::new();
        let spans: Vec<Span> = found
            .into_iter()
            .map(|f| {
                let from = allowed.len();
                allowed.extend(self.allowed(f.pattern, &doc, f.start, f.end));
                let cands = &allowed[from..];
                let initial = cands.iter().any(|c| c.mid_sentence)
                    && !mid_sentence(text, f.start, &text[f.start..f.end]);
                Span {
                    found: f,
                    cands: from..allowed.len(),
                    initial,
                }
            })
            .collect();
        let id_of = |c: &Candidate| self.entities[c.entity as usize].id;
        let plain = |sp| plain(&allowed, sp);
        let full: rustc_hash::FxHashSet<u32> = spans.iter().flat_map(plain).map(id_of).collect();
        // Entities named somewhere in the document by an alias no other entity shares: they
        // decide between the entities of a shared alias ("Shahbazov" after "Fuad Shahbazov").
        let sure: rustc_hash::FxHashSet<u32> = spans
            .iter()
            .filter_map(|sp| {
                let mut cs = plain(sp);
                let first = id_of(cs.next()?);
                cs.all(|c| id_of(c) == first).then_some(first)
            })
            .collect();
        spans
            .iter()
            .filter_map(|sp| {
                let (s, e) = (sp.found.start, sp.found.end);
                let group = std::cell::OnceCell::new();
                let ok = |c: &&Candidate| {
                    let known = full.contains(&id_of(c));
                    (!c.context_only
                        || known
                        || *group.get_or_init(|| followed_by_group_noun(text, e)))
                        && (!sp.case_unsure(c) || known)
                };
                let eligible = || allowed[sp.cands.clone()].iter().copied().filter(ok);
                let best = eligible().next()?;
                let (c, resolved_by) = if eligible().all(|c| id_of(c) == id_of(best)) {
                    (best, resolved::UNIQUE)
                } else if sure.contains(&id_of(best)) {
                    (best, resolved::CONTEXT_DOCUMENT)
                } else if let Some(c) = eligible().find(|c| sure.contains(&id_of(c))) {
                    (c, resolved::CONTEXT_DOCUMENT)
                } else {
                    (best, resolved::PRIORITY)
                };
                let ent = &self.entities[c.entity as usize];
                Some(Mention {
                    start: s,
                    end: e,
                    label: ent.label.clone(),
                    id: self.ids[ent.id as usize].clone(),
                    name: ent.name.clone(),
                    lexicon: self.lexicons[ent.lexicon as usize].name.clone(),
                    resolved_by,
                })
            })
            .collect()
    }

    /// Phase 1 of [`Gazetteer::tag`]: the accepted spans, in text order.
    ///
    /// What it computes: from the start of the folded text, take the leftmost-longest match; if
    /// it is rejected, retry the longest shorter alias at the same start ([`Automaton::shorter`]);
    /// when one is accepted, go on from its end, and when none is, search again one char after
    /// the match's start (`reference_spans` in the tests does exactly that; proptests compare
    /// the two).
    ///
    /// Searching again costs a rescan of the match, once per rejected match (most are inside
    /// words: "hu" in "thus"), so this loop keeps ONE leftmost-longest iterator going wherever a
    /// fresh search would give the same next match, and starts a new one only where it would
    /// not:
    /// * after accepting the longest match, a fresh search starts at its end, which is where
    ///   the iterator goes on;
    /// * after rejecting a match, the fresh searches would find, one by one, the matches that
    ///   start inside it; those whose start is inside an ASCII word are all rejected
    ///   ([`possible_start`]), so if every start inside the match is, the searches end up at
    ///   the match's end, where the iterator goes on. Otherwise the search restarts at the
    ///   first start inside the match that can be accepted;
    /// * after accepting a shorter alias, the search restarts at its end.
    pub(super) fn find_spans(
        &self,
        ac: &Automaton,
        view: &MatchView<'_>,
        doc: &Doc<'_>,
    ) -> Vec<Found> {
        let hay = view.folded();
        let mut found = Vec::new();
        let mut hits = ac.find_iter_from(hay, 0);
        while let Some(first) = hits.next() {
            let restart = match self.accept(ac, first, view, doc) {
                Some(f) => {
                    let view_end = f.view_end;
                    found.push(f);
                    (view_end != first.end).then_some(view_end)
                }
                None => (first.start + 1..first.end)
                    .find(|&k| hay.is_char_boundary(k) && possible_start(hay, k)),
            };
            if let Some(at) = restart {
                hits = ac.find_iter_from(hay, at);
            }
        }
        found
    }

    /// The longest alias of `first`'s chain (`first`, then shorter aliases at the same start)
    /// that is accepted: on char boundaries of the text, whole words, and with a candidate that
    /// the language and case allow.
    fn accept(
        &self,
        ac: &Automaton,
        first: Hit,
        view: &MatchView<'_>,
        doc: &Doc<'_>,
    ) -> Option<Found> {
        // Every alias of the chain starts there: one cheap check rejects them all inside a word.
        if !possible_start(view.folded(), first.start) {
            return None;
        }
        let mut attempt = Some(first);
        while let Some(m) = attempt {
            if let Some((s, e)) = view.to_text(m.start, m.end) {
                if word_bounded(doc.text, s, e)
                    && self.allowed(m.pattern, doc, s, e).next().is_some()
                {
                    return Some(Found {
                        start: s,
                        end: e,
                        pattern: m.pattern,
                        view_end: m.end,
                    });
                }
            }
            attempt = ac.shorter(m);
        }
        None
    }

    /// Candidates of `pattern` that the language and the matched text's case allow, best first
    /// (they are stored in rank order).
    pub(super) fn allowed<'s>(
        &'s self,
        pattern: usize,
        doc: &'s Doc<'_>,
        s: usize,
        e: usize,
    ) -> impl Iterator<Item = &'s Candidate> + 's {
        let matched = &doc.text[s..e];
        self.candidates[pattern].iter().filter(move |c| {
            doc.lang_ok[c.lexicon as usize]
                && c.generated.map_or(true, |l| l.applies_to(doc.lang))
                && case_ok(&c.case, matched)
        })
    }
}

/// One document as [`Gazetteer::tag`] sees it.
pub(super) struct Doc<'a> {
    text: &'a str,
    /// ISO 639-3 code of its language.
    lang: &'a str,
    /// Per lexicon: whether it applies to the document's language.
    lang_ok: Vec<bool>,
}

/// An accepted span in phase 2 of [`Gazetteer::tag`]: its allowed candidates (a range of the
/// shared list, best first) and whether it stands at a sentence start or in capitals.
struct Span {
    found: Found,
    cands: std::ops::Range<usize>,
    /// `!mid_sentence(..)`; only computed (else `false`) when a candidate is `mid_sentence`.
    initial: bool,
}

impl Span {
    /// Whether `c` is a generated form that is a common word, here where case cannot vouch for
    /// it (at the start of a sentence or in capitals).
    fn case_unsure(&self, c: &Candidate) -> bool {
        c.mid_sentence && self.initial
    }
}

/// The candidates of `sp` that name their entity without help: not context-only, and not a
/// common word where case cannot vouch for it.
fn plain<'a>(allowed: &'a [&'a Candidate], sp: &'a Span) -> impl Iterator<Item = &'a Candidate> {
    allowed[sp.cands.clone()]
        .iter()
        .copied()
        .filter(move |c| !c.context_only && !sp.case_unsure(c))
}

/// An accepted span: text byte range, pattern, and where the match ended in the match view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) pattern: usize,
    pub(super) view_end: usize,
}

/// Whether a match starting at byte `k` of the folded text may be accepted, as far as one look
/// at its neighbours tells: `false` when the bytes on both sides are ASCII letters or digits.
///
/// NOTE: exact, not a heuristic. The folded bytes on both sides come from the text chars on
/// both sides of the match's start (or `k` is inside one char's fold, and no match is accepted
/// there), and a char whose fold begins or ends with an ASCII letter or digit is a word char
/// (`fold_ascii_alnum_comes_from_word_chars` checks every char); two word chars meet there, so
/// [`word_bounded`] rejects every match starting at `k`.
fn possible_start(folded: &str, k: usize) -> bool {
    let b = folded.as_bytes();
    k == 0 || k >= b.len() || !(b[k - 1].is_ascii_alphanumeric() && b[k].is_ascii_alphanumeric())
}

/// Whether the word at `s` stands inside a sentence, written in mixed case: not at the start of
/// the text, of a line, or after `.`, `!`, `?` or `…` (quotes, brackets and dashes between are
/// skipped), and not in an all-caps run.
fn mid_sentence(text: &str, s: usize, matched: &str) -> bool {
    if !matched.chars().any(char::is_lowercase) {
        return false;
    }
    for c in text[..s].chars().rev() {
        match c {
            '\n' | '.' | '!' | '?' | '…' => return false,
            c if c.is_whitespace() => {}
            c if !is_word_char(c) && !matches!(c, ',' | ';' | ':') => {}
            _ => return true,
        }
    }
    false
}

/// Words after a surname that make it name a family or group on its own, so a context-only
/// surname alias is tagged without a full name nearby (guideline: "the Safarov brothers",
/// "the Safarov case" are PER).
pub const GROUP_NOUNS: &[&str] = &[
    "brothers",
    "sisters",
    "siblings",
    "family",
    "families",
    "clan",
    "couple",
    "case",
    "affair",
    "dynasty",
    "twins",
    "братья",
    "сёстры",
    "семья",
    "дело",
    "qardaşları",
    "ailəsi",
];

/// Whether the word after `end` (one space away) is one of [`GROUP_NOUNS`].
fn followed_by_group_noun(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..word_end];
    // Compared char by char, lowercased, without allocating: the same as `word.to_lowercase()`
    // here (its one context rule, a final sigma, touches no group noun).
    GROUP_NOUNS
        .iter()
        .any(|noun| word.chars().flat_map(char::to_lowercase).eq(noun.chars()))
}

fn case_ok(check: &CaseCheck, matched: &str) -> bool {
    match check {
        CaseCheck::None => true,
        CaseCheck::Capital => matched.chars().next().is_some_and(char::is_uppercase),
        CaseCheck::Exact(want) => {
            let mut a = matched.chars().map(typo_fold);
            let mut b = want.chars();
            loop {
                match (a.next(), b.next()) {
                    (None, None) => return true,
                    (Some(x), Some(y)) if x == y => {}
                    _ => return false,
                }
            }
        }
    }
}

/// A word character for boundary checks: letters, digits, combining marks.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (the common blocks): they belong to the letter before them.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The char of `text` that ends at byte `i` (a char boundary); an ASCII byte is read as is.
fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).map(|j| text.as_bytes()[j]) {
        None => None,
        Some(b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[..i].chars().next_back(),
    }
}

/// The char of `text` that starts at byte `i` (a char boundary); an ASCII byte is read as is.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        None => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
    }
}

/// Whether text[s..e] (char boundaries) stands as whole words.
fn word_bounded(text: &str, s: usize, e: usize) -> bool {
    let before = char_before(text, s);
    let after = char_at(text, e);
    let (first, last) = if s < e {
        (char_at(text, s), char_before(text, e))
    } else {
        (None, None)
    };
    let start_ok = match (before, first) {
        (Some(b), Some(f)) => !((is_word_char(b) && is_word_char(f)) || b == '#' || b == '@'),
        _ => true,
    };
    let end_ok = match (last, after) {
        (Some(l), Some(a)) => !(is_word_char(l) && is_word_char(a)),
        _ => true,
    };
    start_ok && end_ok
}
