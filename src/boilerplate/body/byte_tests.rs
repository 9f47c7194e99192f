//! The byte tests that stand for plain string tests on every line, against the plain ones.

use super::form::{first_letter, last_letter, letters, letters_plain};
use super::{copyright_sign, lead_in_or_enumeration, ookie};
use proptest::prelude::*;

/// Lines of the characters the tests look for, among others of one, two, three and four bytes.
fn line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "ookie",
            "OOKIE",
            "Cookie",
            "oOkie",
            "k",
            ", ",
            ",",
            " ",
            ":",
            "\u{A9}",
            "\u{1E9E}",
            "\u{3A3}",
            "\u{130}\u{130}",
            "\u{E9}",
            "\u{C9}",
            "\u{130}",
            "\u{212A}",
            "\u{4E2D}",
            "\u{1F600}",
            "-",
        ])
        .prop_map(String::from),
        "[a-zA-Z0-9]{1,4}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|ps| ps.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..Default::default() })]

    #[test]
    fn ookie_is_the_substring_search(text in line()) {
        prop_assert_eq!(
            ookie(text.as_bytes()),
            text.contains("ookie") || text.contains("OOKIE"),
            "{:?}", text
        );
    }

    #[test]
    fn copyright_sign_is_the_char_search(text in line()) {
        prop_assert_eq!(copyright_sign(&text), text.contains('\u{A9}'), "{:?}", text);
    }

    #[test]
    fn lead_in_or_enumeration_is_the_plain_test(text in line()) {
        let plain = text.ends_with(':') || text.matches(", ").count() >= 2;
        prop_assert_eq!(lead_in_or_enumeration(&text), plain, "{:?}", text);
    }

    #[test]
    fn first_and_last_letter_are_the_letters_ends(text in line()) {
        prop_assert_eq!(first_letter(&text), letters(&text).next(), "{:?}", text);
        prop_assert_eq!(last_letter(&text), letters(&text).next_back(), "{:?}", text);
    }

    /// The letters iterator gives what the plain flat map gives, taken from either end in
    /// any order (`ends`: true takes from the back).
    #[test]
    fn letters_is_the_flat_map(text in line(), ends in prop::collection::vec(any::<bool>(), 0..40)) {
        let (mut fast, mut plain) = (letters(&text), letters_plain(&text));
        for back in ends {
            if back {
                prop_assert_eq!(fast.next_back(), plain.next_back(), "{:?}", text);
            } else {
                prop_assert_eq!(fast.next(), plain.next(), "{:?}", text);
            }
        }
        prop_assert_eq!(fast.collect::<String>(), plain.collect::<String>(), "{:?}", text);
    }
}
