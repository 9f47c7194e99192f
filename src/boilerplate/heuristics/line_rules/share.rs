//! A row of share buttons ("Facebook Twitter WhatsApp Email", "Share | Print | Email", "Click
//! to share on Facebook (Opens in new window)"): every token a share word or a button's filler
//! word. Asked of every line the prompt rule reaches; most stop at their first
//! token.

use std::sync::LazyLock;

use crate::boilerplate::line::{ascii_key, bare, with_lowercase};

use super::super::vocabulary::{SHARE_FILLERS, SHARE_OPENERS, SHARE_WORDS};

/// The separators of a share row besides whitespace.
const SEPARATORS: [char; 4] = ['|', '/', '·', '•'];

/// A row of two share words or more ([`share_tokens`]), asked first whether the line can open
/// with one ([`may_open_row`]): most lines stop there, where splitting off their first token
/// and looking it up cost some 200 instructions a line. `share_row_is_the_token_loop` holds it
/// to [`share_tokens`] alone.
pub(super) fn share_row(text: &str) -> bool {
    may_open_row(text.as_bytes()) && share_tokens(text)
}

/// Two tokens or more, every one a share word or a share button's filler word
/// ([`SHARE_FILLERS`]), one share word at least, the first a share word or one of
/// [`SHARE_OPENERS`]: the line split at whitespace and [`SEPARATORS`], each piece stripped of the
/// punctuation around it ([`bare`]), the empty ones left out. Stops at the first token that is
/// neither.
pub(super) fn share_tokens(text: &str) -> bool {
    let (mut toks, mut words) = (0usize, 0usize);
    for t in text
        .split(|c: char| c.is_whitespace() || SEPARATORS.contains(&c))
        .map(bare)
        .filter(|t| !t.is_empty())
    {
        if share_word(t) {
            words += 1;
        } else if !with_lowercase(t, |t| {
            let fillers = if toks == 0 {
                SHARE_OPENERS
            } else {
                SHARE_FILLERS
            };
            fillers.contains(&t)
        }) {
            return false;
        }
        toks += 1;
    }
    toks >= 2 && words >= 1
}

/// A necessary condition for [`share_tokens`] from the line's first three bytes: a line opening
/// with an ASCII letter or digit and two more ASCII bytes has its first token start there (no
/// separator, no punctuation for [`bare`] to strip), and that token lowercases to a share word
/// only if the three bytes lowercased open an ASCII share word or opener ([`SHARE_OPENINGS`]); a share
/// word shorter than three ("x", "ok") must be followed by a byte that is no letter or digit
/// (the token would go on, [`bare`] keeping it). The first three characters are the three
/// bytes, and ASCII characters lowercase to ASCII ones; whatever follows (a Kelvin sign in
/// "lin\u{212A}edin") is left to the lookup. Any other line is let through.
fn may_open_row(b: &[u8]) -> bool {
    match *b {
        [x, y, z, ..] if x.is_ascii_alphanumeric() && y.is_ascii() && z.is_ascii() => {
            let key = u32::from_le_bytes([
                x.to_ascii_lowercase(),
                y.to_ascii_lowercase(),
                z.to_ascii_lowercase(),
                0,
            ]);
            // (The short words' openings: the key with its later bytes cleared, when the byte
            // after the word is no letter or digit.)
            let short = |n: usize| {
                if b[n].is_ascii_alphanumeric() {
                    u32::MAX
                } else {
                    key & (u32::MAX >> (32 - 8 * n as u32))
                }
            };
            let (one, two) = (short(1), short(2));
            // (A compare with every opening, no branch among them.)
            SHARE_OPENINGS
                .iter()
                .fold(false, |hit, &o| hit | (o == key) | (o == one) | (o == two))
        }
        _ => true,
    }
}

/// The openings of the ASCII [`SHARE_WORDS`] and [`SHARE_OPENERS`] for [`may_open_row`]: a word's first three bytes,
/// or the whole word when it is shorter, as little-endian numbers (the bytes after it zero). A
/// fixed array (the unused slots 0, no line's key), so the compares are vector compares.
static SHARE_OPENINGS: LazyLock<[u32; 64]> = LazyLock::new(|| {
    let mut openings = [0; 64];
    let ascii = SHARE_WORDS
        .iter()
        .chain(SHARE_OPENERS)
        .filter(|w| w.is_ascii());
    for (slot, w) in openings.iter_mut().zip(ascii) {
        let mut k = [0u8; 4];
        let n = w.len().min(3);
        k[..n].copy_from_slice(&w.as_bytes()[..n]);
        *slot = u32::from_le_bytes(k);
    }
    openings
});

/// Whether the token `t` lowercases to one of [`SHARE_WORDS`]. Asked of the first token of
/// every line: a short ASCII token (most) is compared by its packed key with the keys of the
/// short ASCII share words, with no branch among them, where the lowercase copy and the string
/// compares branched on the token's length and letters. (An ASCII token of at most 7 bytes
/// lowercases to a word of the same length, ASCII, so to a share word only if that one has a
/// key; equal keys are equal lowercased words.) `share_word_plain` is the reference.
///
/// A longer ASCII token lowercases to an ASCII word of its length: compared ASCII
/// case-insensitively with the long ASCII share words ([`SHARE_LONG`]), without the copy.
pub(super) fn share_word(t: &str) -> bool {
    let b = t.as_bytes();
    match ascii_key(b) {
        Some(k) => SHARE_KEYS.iter().fold(false, |hit, &s| hit | (s == k)),
        None if b.is_ascii() => SHARE_LONG
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(b)),
        None => with_lowercase(t, |t| SHARE_WORDS.contains(&t)),
    }
}

/// The [`ascii_key`]s of the [`SHARE_WORDS`] that have one.
static SHARE_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    SHARE_WORDS
        .iter()
        .filter_map(|w| ascii_key(w.as_bytes()))
        .collect()
});

/// The [`SHARE_WORDS`] of more than 7 bytes, ASCII: the only ones a long ASCII token can be
/// (equal lowercased words have the same length; the first token of most lines is compared with
/// these few, not with every share word).
static SHARE_LONG: LazyLock<Vec<&str>> = LazyLock::new(|| {
    SHARE_WORDS
        .iter()
        .copied()
        .filter(|w| w.is_ascii() && w.len() > 7)
        .collect()
});

/// [`share_word`] by a lowercase copy (the reference the tests hold it to).
#[cfg(test)]
pub(super) fn share_word_plain(t: &str) -> bool {
    SHARE_WORDS.contains(&t.to_lowercase().as_str())
}

/// Every ASCII share word and opener has its opening in [`SHARE_OPENINGS`] (the array has room
/// for all).
#[test]
fn share_openings_hold_every_ascii_share_word() {
    let ascii = SHARE_WORDS
        .iter()
        .chain(SHARE_OPENERS)
        .filter(|w| w.is_ascii());
    assert!(ascii.count() <= SHARE_OPENINGS.len());
}
