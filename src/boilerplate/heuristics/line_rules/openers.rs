//! The openers: the case-insensitive patterns anchored at the line's start that the line rules
//! ask of every line (caption, prompt, widget, tag, author and byline openings), and [`Opens`],
//! which of them match a line, decided from its first three bytes for most lines.

use std::cell::Cell;
use std::sync::LazyLock;

use crate::boilerplate::matcher::Matcher;

use super::{
    AUTHOR_LABEL_PAT, BYLINE_PREFIX_PAT, CAPTION_PREFIX_PAT, MADE_WITH_PAT, PROMPT_PAT,
    REPORTING_BY_PAT, TAGS_PAT, WIDGET_PAT,
};

pub(super) const OPEN_CAPTION: usize = 0;
pub(super) const OPEN_MADE_WITH: usize = 1;
pub(super) const OPEN_PROMPT: usize = 2;
pub(super) const OPEN_WIDGET: usize = 3;
pub(super) const OPEN_TAGS: usize = 4;
pub(super) const OPEN_AUTHOR_LABEL: usize = 5;
pub(super) const OPEN_BYLINE: usize = 6;
pub(super) const OPEN_REPORTING_BY: usize = 7;

/// Which [`OPENERS`] match a line: the openers its first three bytes allow ([`opens_with`]:
/// most lines none, most others one), and of each opener a rule asks about, whether it matches
/// (its own pattern, anchored: a search that stops within a few bytes; remembered). A line that
/// any opener may match (one opening with a digit or a non-ASCII character) is first asked of
/// the set whether one does. The set's own answer to which match (`RegexSet::matches`, an
/// overlapping search to the end of the line) cost some 18 000 instructions a line, and its
/// test whether any does some 900.
pub(super) struct Opens<'t> {
    text: &'t str,
    /// The openers that may match (bit `OPEN_*`).
    may: u8,
    /// The openers asked so far, and which of them match.
    asked: Cell<u8>,
    hits: Cell<u8>,
}

impl<'t> Opens<'t> {
    pub(super) fn of(text: &'t str) -> Opens<'t> {
        // (A line two openers or more may match asks the set first: most match none.)
        let may = match opens_with(text.as_bytes()) {
            may if may.count_ones() > 1 && !OPENERS.is_match_at_start(text) => 0,
            may => may,
        };
        Opens {
            text,
            may,
            asked: Cell::new(0),
            hits: Cell::new(0),
        }
    }

    /// Whether the opener `OPEN_*` matches.
    pub(super) fn matched(&self, i: usize) -> bool {
        let bit = 1u8 << i;
        if self.may & bit == 0 {
            return false;
        }
        if self.asked.get() & bit == 0 {
            self.asked.set(self.asked.get() | bit);
            if opener_matches(i, self.text) {
                self.hits.set(self.hits.get() | bit);
            }
        }
        self.hits.get() & bit != 0
    }
}

/// What follows a byline's opening ("By", "Written by", "By:" and the spaces after it): on a
/// line [`BYLINE_PREFIX_PAT`] matches, its capture, found by hand when the opening is ASCII.
/// (The capture search ran the bounded backtracker over the whole line, a step and a
/// mispredicted jump per character: a quarter of the stage's mispredicted indirect branches.)
///
/// The pattern's alternatives are tried in its order, as the regex tries them: the first whose
/// opening matches ASCII case-insensitively and is followed by whitespace (`\s` and
/// `char::is_whitespace` are both Unicode `White_Space`) and then more text takes the line, the
/// greedy `\s+` all the whitespace, the capture `\S.*` the rest (a line has no `\n`). Only "by"
/// and "by:" share a start, and "by" needs whitespace after it where "by:" has the colon, so
/// no earlier alternative can match where a later one does. An opening with a non-ASCII case
/// variant ("ſ" for `s`) is left to the regex. `byline_rest_is_the_capture` holds it to the
/// capture.
pub(super) fn byline_rest(text: &str) -> Option<&str> {
    const OPENINGS: [&str; 12] = [
        "by",
        "written by",
        "posted by",
        "words by",
        "story by",
        "text by",
        "reported by",
        "by:",
        "von",
        "par",
        "por",
        "door",
    ];
    for o in OPENINGS {
        if !text
            .as_bytes()
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes()))
        {
            continue;
        }
        let after = &text[o.len()..];
        let rest = after.trim_start();
        if rest.len() < after.len() && !rest.is_empty() {
            return Some(rest);
        }
    }
    opener_group(OPEN_BYLINE, text, 1)
}

/// The case-insensitive patterns anchored at the line's start that the rules ask of every line,
/// as one [`Matcher`] of several patterns (pattern IDs: the `OPEN_*` constants). A search of all
/// tells whether any of them matches (most lines: none), where asking each pattern in turn cost
/// a search per pattern and line; a search anchored on one pattern ([`opener_matches`]) answers
/// as that pattern alone: its start state is the only one, and every pattern is anchored at the
/// line's start anyway. (A `RegexSet` for the first and a `Regex` per pattern for the second
/// compiled every pattern twice; one `meta::Regex` of the eight compiled them forwards and
/// backwards, 30.7 M instructions of the first document: the searches here need no match start,
/// so no reverse NFA.) The syntax is `regex::Regex`'s; tests hold both kinds of search to the
/// patterns built alone.
pub(super) static OPENERS: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::without_backtracker(&OPENER_PATTERNS, true));

/// Whether the opener `OPEN_*` matches `text` (its pattern alone).
pub(super) fn opener_matches(i: usize, text: &str) -> bool {
    OPENERS.pattern_matches_at_start(i, text)
}

/// The text of the capture group `group` of the opener `OPEN_*` on `text`, when it matches.
pub(super) fn opener_group(i: usize, text: &str, group: usize) -> Option<&str> {
    OPENERS.group_at_start(i, text, group)
}
pub(super) const OPENER_PATTERNS: [&str; 8] = [
    CAPTION_PREFIX_PAT,
    MADE_WITH_PAT,
    PROMPT_PAT,
    WIDGET_PAT,
    TAGS_PAT,
    AUTHOR_LABEL_PAT,
    BYLINE_PREFIX_PAT,
    REPORTING_BY_PAT,
];
/// The lowercased first three bytes of the [`OPENERS`]' alternatives that open with an ASCII
/// letter and two more ASCII characters (the others open with a digit, a space, `(` or a
/// Cyrillic letter, or have a non-ASCII character second or third), each with the openers that
/// open so (bit `OPEN_*`). A test reads them from the patterns (`print_openings`) and holds
/// [`opens_with`] to every opening of every alternative of every opener.
const OPENER_OPENINGS: [([u8; 3], u8); 85] = [
    (*b"abo", 0b00000001),
    (*b"add", 0b10000100),
    (*b"adv", 0b00000100),
    (*b"als", 0b00000100),
    (*b"aut", 0b00100000),
    (*b"bel", 0b00000001),
    (*b"by\t", 0b01000000),
    (*b"by\n", 0b01000000),
    (*b"by\x0b", 0b01000000),
    (*b"by\x0c", 0b01000000),
    (*b"by\r", 0b01000000),
    (*b"by ", 0b01000000),
    (*b"by:", 0b01000000),
    (*b"cat", 0b00010000),
    (*b"cli", 0b00000100),
    (*b"clo", 0b00000001),
    (*b"col", 0b00100000),
    (*b"com", 0b10000100),
    (*b"con", 0b00100100),
    (*b"cop", 0b00000100),
    (*b"cor", 0b00100000),
    (*b"cov", 0b00000011),
    (*b"cre", 0b00000011),
    (*b"doo", 0b01000000),
    (*b"dow", 0b00000100),
    (*b"e-m", 0b00000100),
    (*b"edi", 0b10100000),
    (*b"ema", 0b00000100),
    (*b"ena", 0b00000100),
    (*b"est", 0b00001000),
    (*b"fea", 0b00000001),
    (*b"fil", 0b00010001),
    (*b"fol", 0b00000100),
    (*b"for", 0b00100100),
    (*b"gen", 0b00000010),
    (*b"get", 0b00000100),
    (*b"gra", 0b00000001),
    (*b"hea", 0b00000001),
    (*b"ill", 0b00000011),
    (*b"ima", 0b00000011),
    (*b"inf", 0b00000001),
    (*b"joi", 0b00000100),
    (*b"key", 0b00010000),
    (*b"lea", 0b00000100),
    (*b"lee", 0b00001000),
    (*b"les", 0b00001000),
    (*b"lik", 0b00000100),
    (*b"lis", 0b00001100),
    (*b"mad", 0b00000010),
    (*b"mai", 0b00000001),
    (*b"man", 0b00000100),
    (*b"med", 0b00000001),
    (*b"mor", 0b00000100),
    (*b"par", 0b01000000),
    (*b"pho", 0b00000011),
    (*b"pic", 0b00000011),
    (*b"ple", 0b00000100),
    (*b"por", 0b01000000),
    (*b"pos", 0b01000100),
    (*b"pri", 0b00000100),
    (*b"rea", 0b00001100),
    (*b"rel", 0b00010000),
    (*b"rep", 0b11100000),
    (*b"res", 0b10000000),
    (*b"see", 0b00000100),
    (*b"sha", 0b00000100),
    (*b"sho", 0b00000100),
    (*b"sig", 0b00000100),
    (*b"sou", 0b00100001),
    (*b"spo", 0b00000100),
    (*b"sto", 0b01000000),
    (*b"sub", 0b00000100),
    (*b"tag", 0b00010000),
    (*b"tem", 0b00001000),
    (*b"tex", 0b01000000),
    (*b"the", 0b00000010),
    (*b"thi", 0b00000100),
    (*b"tie", 0b00001000),
    (*b"top", 0b00010001),
    (*b"uns", 0b00000100),
    (*b"vid", 0b00000001),
    (*b"vie", 0b00000100),
    (*b"von", 0b01000000),
    (*b"wor", 0b01000000),
    (*b"wri", 0b11100100),
];

/// Room for the openings of [`OPENER_OPENINGS`] that share a first letter (at most ten, `c`).
const BUCKET: usize = 10;

/// The openings of [`OPENER_OPENINGS`] as the keys [`opening_key`] makes, and their openers,
/// in one bucket per first letter (`a` to `z`), the unused slots key 0 (no line's key: its
/// first byte is a letter). A line's first letter picks its bucket: ten compares where there
/// were one per opening, no branch among them either, and one cache line read instead of six.
static OPENER_KEYS: [([u32; BUCKET], [u8; BUCKET]); 26] = {
    let mut buckets = [([0; BUCKET], [0; BUCKET]); 26];
    let mut used = [0usize; 26];
    let mut i = 0;
    while i < OPENER_OPENINGS.len() {
        let ([a, b, c], bits) = OPENER_OPENINGS[i];
        let (letter, slot) = ((a - b'a') as usize, used[(a - b'a') as usize]);
        // (A bucket too small fails the build here.)
        buckets[letter].0[slot] = u32::from_le_bytes([a, b, c, 0]);
        buckets[letter].1[slot] = bits;
        used[letter] += 1;
        i += 1;
    }
    buckets
};

/// Every opener (a bit per `OPEN_*`).
const ALL_OPENERS: u8 = u8::MAX;

/// A necessary condition for [`OPENERS`]: some opener may match ([`opens_with`]).
#[cfg(test)]
pub(super) fn may_open(text: &str) -> bool {
    opens_with(text.as_bytes()) != 0
}

/// The openers that may match a line opening with the bytes `b` (bit `OPEN_*`), from its first
/// three bytes: a line opening with an ASCII letter and two more ASCII bytes can match an opener
/// only if they are one of its [`OPENER_OPENINGS`] in some case (an ASCII letter matches only
/// itself in either case, but for `s` and `k`, whose other variants are non-ASCII). Any other
/// line opening with a letter is shorter than every opener's match, or has a non-ASCII byte
/// second or third (every opener may match), and so does a line opening otherwise. Most lines
/// ("A", "But", "Officials", "In") may match none; most others ("The", "Con") one.
pub(super) fn opens_with(b: &[u8]) -> u8 {
    match *b {
        [a, ..] if !a.is_ascii_alphabetic() => ALL_OPENERS,
        [a, b, c, ..] if b.is_ascii() && c.is_ascii() => {
            let key = opening_key([a, b, c]);
            // (A compare with every key of the bucket, no branch among them: the compiler makes
            // it a vector compare, where a search would branch on the line's bytes.)
            let (keys, openers) = &OPENER_KEYS[usize::from(a.to_ascii_lowercase() - b'a')];
            keys.iter()
                .zip(openers)
                .fold(0, |may, (&k, &bits)| may | if k == key { bits } else { 0 })
        }
        [_, _, _, ..] => ALL_OPENERS,
        _ => 0,
    }
}

/// Three ASCII bytes lowercased, as one number.
fn opening_key(b: [u8; 3]) -> u32 {
    let [a, b, c] = b.map(|x| x.to_ascii_lowercase());
    u32::from_le_bytes([a, b, c, 0])
}
