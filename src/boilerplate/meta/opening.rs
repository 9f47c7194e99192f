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

/// Whether `line` opens with a word of ASCII letters, ended by the line's end or by an ASCII
/// character that is no letter or digit (so the word filter judges exactly that word, first), that
/// is no filler word and no date word: then [`super::is_timestamp`] is false. `false` when it
/// cannot tell (another opening, a word ending in a digit or a non-ASCII character).
#[inline]
pub(super) fn opens_with_other_word(line: &str) -> bool {
    let b = line.as_bytes();
    let n = b
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(b.len());
    if n == 0
        || b.get(n)
            .is_some_and(|c| !c.is_ascii() || c.is_ascii_digit())
    {
        return false;
    }
    let (a, b, c) = letters(&b[..n]);
    OPENINGS.0[a][b] >> c & 1 == 0
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
            for v in [
                w.to_string(),
                w.to_uppercase(),
                w.to_ascii_uppercase()[..1].to_string() + &w[1..],
            ] {
                for tail in ["", " 12:30", ", 3 May", ".", "_x"] {
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
        ] {
            assert!(opens_with_other_word(line), "{line:?}");
        }
        for line in [
            "Monday, 3 May",
            "Updated 12:30",
            "A man",
            "3 May",
            "Thé",
            "Th3",
            "",
            "“Quote”",
        ] {
            assert!(!opens_with_other_word(line), "{line:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// A word the prefilter rejects is no filler word and no date word: on words of the
        /// lists' openings and any ASCII letters.
        #[test]
        fn a_rejected_word_is_neither(
            w in "(th|we|ma|mo|ju|se|de|ag|ho|mi|[a-zA-Z]{0,2})[a-zA-Z]{0,9}",
            tail in "(| .*|[,.;:)!?_-].*)",
        ) {
            prop_assume!(!w.is_empty());
            let line = format!("{w}{tail}");
            prop_assert!(!opens_with_other_word(&line) || !filler_or_date(&w), "{:?}", line);
        }

        /// The prefilter never rejects a line the full test accepts (lines opening with a word of
        /// the lists' openings, then date pieces).
        #[test]
        fn never_rejects_a_timestamp(
            w in "(th|we|ma|mo|ju|se|de|ag|ho|mi|up|po|pu|[a-zA-Z]{0,2})[a-zA-Z]{0,9}",
            rest in "( |, )(on |at |[0-9]{1,2}(:[0-9]{2})? ?(am|pm|GMT|May|ago|hours ago)?)*",
        ) {
            let line = format!("{w}{rest}");
            let timestamp = line.chars().count() <= 90 && super::super::dated_filler(&line);
            prop_assert!(!opens_with_other_word(&line) || !timestamp, "{:?}", line);
        }
    }
}
