//! The match fold: how aliases and texts are compared, and the folded view of a text that the
//! automaton scans.
//!
//! Policy: typographic folding ([`typo_fold`]: curly quotes, primes and dash variants to their
//! ASCII forms), then Unicode lowercase ([`fold_char`]); aliases and texts go through the same
//! fold, so the automaton matches case- and typography-blind, and case is checked afterwards on
//! the text itself. The folded view of a text keeps its way back to text offsets in ONE
//! [`OffsetMap`] (the monotonic map type of [`crate::text`]); a match whose ends fall inside the
//! fold of one char (the two chars `İ` folds to) has no text range and is rejected.

use std::borrow::Cow;

use crate::text::OffsetMap;

/// Typographic folding for matching: curly quotes and primes to ASCII quotes, dash and hyphen
/// variants to `-`. Output text keeps the original characters.
pub fn typo_fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{FF07}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{FF02}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => c,
    }
}

/// Folds one char for the match view: typographic folding, then Unicode lowercase.
pub fn fold_char(c: char, out: &mut String) {
    let c = typo_fold(c);
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Folds a whole string for the match view.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The folded text the automaton scans, with a way back to text offsets.
pub(super) struct MatchView<'a> {
    folded: Cow<'a, str>,
    /// Folded offsets back to text offsets. Its edits are the chars whose fold is not one char
    /// of their own length in bytes (curly quotes and dashes fold to ASCII, `İ` to two chars),
    /// in text order; between two of them every char folds to one char of its own length.
    /// The identity for ASCII text.
    map: OffsetMap,
}

/// The first byte at or after `from` that starts a char [`fold_char`] may do more to than ASCII
/// lowercasing: a non-ASCII byte or '`'. Scans 16 bytes at a time (the compiler vectorizes the
/// fixed-size check).
fn next_special(bytes: &[u8], from: usize) -> usize {
    let special = |b: u8| !b.is_ascii() || b == b'`';
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16) {
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            break;
        }
        i += 16;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| special(b))
        .map_or(bytes.len(), |n| i + n)
}

impl<'a> MatchView<'a> {
    /// Folds `text`. Fast paths: text without special chars or capitals is borrowed as it is;
    /// text without special chars is ASCII-lowercased in one pass; otherwise only the special
    /// chars are folded one by one and the runs between them copied.
    pub(super) fn new(text: &'a str) -> MatchView<'a> {
        let bytes = text.as_bytes();
        let mut next = next_special(bytes, 0);
        if next == bytes.len() && !bytes.iter().any(u8::is_ascii_uppercase) {
            return MatchView {
                folded: Cow::Borrowed(text),
                map: OffsetMap::new(),
            };
        }
        // ASCII letters fold to lowercase in place; only the "special" chars (non-ASCII, and
        // '`') may fold to something else or change length.
        let mut lower = text.to_owned();
        lower.make_ascii_lowercase();
        if next == bytes.len() {
            return MatchView {
                folded: Cow::Owned(lower),
                map: OffsetMap::new(),
            };
        }
        let mut folded = String::with_capacity(text.len() + 16);
        let mut map = OffsetMap::new();
        let mut copied = 0;
        while next < bytes.len() {
            let at = next;
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            next = next_special(bytes, at + c.len_utf8());
            let f = typo_fold(c);
            // Most special chars fold to themselves (lowercase letters of other scripts).
            if f == c && !c.is_ascii() && c.to_lowercase().eq([c]) {
                continue;
            }
            folded.push_str(&lower[copied..at]);
            let from = folded.len();
            fold_char(c, &mut folded);
            let fold = &folded[from..];
            if fold.len() != c.len_utf8() || fold.chars().nth(1).is_some() {
                map.push(from..folded.len(), at..at + c.len_utf8());
            }
            copied = at + c.len_utf8();
        }
        folded.push_str(&lower[copied..]);
        MatchView {
            folded: Cow::Owned(folded),
            map,
        }
    }

    /// The folded text.
    pub(super) fn folded(&self) -> &str {
        &self.folded
    }

    /// Text range of the folded range `s..e` (char boundaries of the folded text), when both
    /// ends fall on boundaries of text chars (not inside the fold of one char).
    pub(super) fn to_text(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        Some((self.map.to_source(s)?, self.map.to_source(e)?))
    }
}
