//! A byte prefilter for [`super::is_timestamp`], asked of every line: most lines open with a word
//! of ASCII letters that is neither a filler word nor a date word, and the word filter
//! ([`super::only_date_words`]) rejects them at that word, but only after decoding its characters
//! and looking it up in two sets (the filler words, the date words), a lowercase copy and a string
//! hash for a long word. Here the word's first three letters (or its end) answer it from one small
//! table, before any lookup.
//!
//! Exact as a necessary condition: a word of ASCII letters is a filler word when its ASCII
//! lowercase is one ([`super::words::FILLER`], looked up lowercased), and a date word when it reads
//! as an ASCII one of [`super::DATE_LITERALS`] ignoring ASCII case (an ASCII word matches no other
//! literal and begins no stem: `fold`'s tests check it). Either way it opens as one of the ASCII
//! words of those two lists, lowercased, and the table has a bit for every such opening.

use std::sync::LazyLock;

use super::{words, DATE_LITERALS};

/// The index of "no more letters" in [`Openings`]: the word ended.
const END: usize = 26;

/// For the first two letters of a filler or date word made of ASCII letters (the second one
/// [`END`] for a word of one letter), a bit per letter that may come third ([`END`] for a word
/// that ends there): 26 rows of 27 `u32`, under 3 KB, of which a line reads one.
struct Openings([[u32; 27]; 26]);

static OPENINGS: LazyLock<Openings> = LazyLock::new(|| {
    let mut t = Openings([[0; 27]; 26]);
    for w in words::FILLER.iter().chain(DATE_LITERALS.iter()) {
        // A word with anything but ASCII letters can never read as a word of ASCII letters.
        if w.is_empty() || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        let (a, b, c) = letters(w.as_bytes());
        t.0[a][b] |= 1 << c;
    }
    t
});

/// The first letter's index, and the second's and third's ([`END`] past the word's end), of a
/// non-empty word of ASCII letters.
#[inline]
fn letters(w: &[u8]) -> (usize, usize, usize) {
    let at = |i: usize| {
        w.get(i)
            .map_or(END, |&b| usize::from(b.to_ascii_lowercase() - b'a'))
    };
    (at(0), at(1), at(2))
}

/// Whether one of the words `line` opens with is no filler word and no date word, read while
/// the line is words of ASCII letters between ASCII characters that are no letter, digit or `_`:
/// then [`super::is_timestamp`] is false. The word filter reads the same words in the same order
/// and stops at the first that is neither (or earlier, at another such word), and nothing before
/// it ends the filter otherwise: its other exits are at a `_` or a non-ASCII word character after
/// a word, where this gives up. `false` when it cannot tell: a digit, a `_` or a non-ASCII
/// character comes first, or the line ends.
#[inline]
pub(super) fn opens_with_other_word(line: &str) -> bool {
    let b = line.as_bytes();
    let table = &*OPENINGS;
    let mut at = 0;
    loop {
        // Over the characters between words, to the next word's first letter.
        match b[at..]
            .iter()
            .position(|&c| c.is_ascii_alphanumeric() || !c.is_ascii() || c == b'_')
        {
            Some(gap) if b[at + gap].is_ascii_alphabetic() => at += gap,
            _ => return false,
        }
        let n = b[at..]
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .unwrap_or(b.len() - at);
        let end = at + n;
        // (A digit or a non-ASCII letter would be part of the word.)
        if b.get(end)
            .is_some_and(|c| !c.is_ascii() || c.is_ascii_digit())
        {
            return false;
        }
        let (x, y, z) = letters(&b[at..end]);
        if table.0[x][y] >> z & 1 == 0 {
            return true;
        }
        at = end;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{is_date_word, FILLER_SET};
    use super::*;
    use proptest::prelude::*;

    /// The filter's own question: a word of ASCII letters that is a filler or a date word.
    fn filler_or_date(w: &str) -> bool {
        FILLER_SET.contains(w.to_ascii_lowercase().as_str()) || is_date_word(w)
    }

    /// Every filler and date word of ASCII letters, in three cases and before the characters
    /// that end a word, passes.
    #[test]
    fn every_listed_word_passes() {
        for w in words::FILLER.iter().chain(DATE_LITERALS.iter()) {
            if !w.bytes().all(|b| b.is_ascii_alphabetic()) {
                continue;
            }
            let cases = [
                w.to_string(),
                w.to_uppercase(),
                w.to_ascii_uppercase()[..1].to_string() + &w[1..],
            ];
            for v in cases {
                assert!(filler_or_date(&v), "{v:?}");
                for tail in ["", " 12:30", ", 3 May", ".", "_x", " on 3"] {
                    let line = format!("{v}{tail}");
                    assert!(!opens_with_other_word(&line), "{line:?}");
                }
            }
        }
    }

    #[test]
    fn common_openings_are_rejected() {
        for line in [
            "The minister said",
            "Police in Baku",
            "We were there",
            "Officials said",
            "Internationally",
            "A man",
            "On Monday the minister said",
            "(Reuters) Officials",
        ] {
            assert!(opens_with_other_word(line), "{line:?}");
        }
        for line in [
            "Monday, 3 May",
            "Updated 12:30",
            "On Monday",
            "3 May",
            "Thé",
            "Th3",
            "",
            "“Quote”",
            "_The",
            "On_the",
        ] {
            assert!(!opens_with_other_word(line), "{line:?}");
        }
    }

    /// Listed words, words of their openings, other ASCII words, and what stops the reading.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "(on|at|Updated|May|Monday|am|pm|ago|hours|a|and|le|de|um|Uhr|th|st|GMT|il|y|hace)",
            3 => "(th|we|ma|mo|ju|se|de|ag|ho|mi|up|po|pu|[a-zA-Z]{0,2})[a-zA-Z]{0,9}",
            4 => "[ ,.:;|()-]{1,2}",
            2 => "[0-9]{1,4}(:[0-9]{2})?",
            1 => "[_\u{301}²’—é]|\\PC",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// A line of one word the prefilter rejects has no filler word and no date word.
        #[test]
        fn a_rejected_first_word_is_neither(
            w in "(th|we|ma|mo|ju|se|de|ag|ho|mi|[a-zA-Z]{0,2})[a-zA-Z]{0,9}",
            tail in "([,.;:)!?_-][0-9 ,.:]*)?",
        ) {
            prop_assume!(!w.is_empty());
            let line = format!("{w}{tail}");
            prop_assert!(!opens_with_other_word(&line) || !filler_or_date(&w), "{:?}", line);
        }

        /// The prefilter never rejects a line the full test accepts: lines of listed words,
        /// other words, separators, numbers and the characters that stop it.
        #[test]
        fn never_rejects_a_timestamp(pieces in proptest::collection::vec(piece(), 0..10)) {
            let line = pieces.concat();
            let timestamp = line.chars().count() <= 90 && super::super::dated_filler(&line);
            prop_assert!(!opens_with_other_word(&line) || !timestamp, "{:?}", line);
        }
    }
}
