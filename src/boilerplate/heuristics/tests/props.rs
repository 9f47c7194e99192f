//! Fast paths against the obvious code, on random lines: the stopword lookup, the features read
//! off the word loop, the headline key.

use proptest::prelude::*;

use super::super::features::features;
use super::super::structure::title_key;
use super::super::vocabulary::{is_stop, is_stop_chars, ASCII_STOPS, EN_STOP, RU_STOP};
use crate::boilerplate::line::ascii_key;

/// Words, punctuation, digits and case variants the heuristics care about.
fn line() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" ".to_string()),
        Just("  ".to_string()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,4}",
        "[.,:;!?()|/#—–-]",
        "[а-яА-ЯёЁ]{1,6}",
        "\\PC",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// The stack-lowercasing stopword test is the set lookup of the lowercased word.
    #[test]
    fn is_stop_is_the_lookup_of_the_lowercase(w in "(the|The|THE|и|И|Чтобы|ЧТО|İn|ᲀ|[a-zA-Zа-яА-ЯİẞΣ]{1,9}|\\PC{1,9})") {
        let lower = w.to_lowercase();
        let want = EN_STOP.contains(&lower.as_str()) || RU_STOP.contains(&lower.as_str());
        prop_assert_eq!(is_stop(&w), want, "{:?}", w);
    }

    /// The stopword test is the plain set lookup on any word.
    #[test]
    fn is_stop_is_the_char_lookup(w in "([a-zA-Z]{1,9}|\\PC{1,9})") {
        prop_assert_eq!(is_stop(&w), is_stop_chars(&w), "{:?}", w);
    }

    /// Features read off the word loop and the byte scan are the char-level ones.
    #[test]
    fn alnum_and_digit_are_the_char_tests(s in line()) {
        let f = features(&s);
        prop_assert_eq!(f.alnum, s.chars().any(char::is_alphanumeric), "{:?}", s);
        prop_assert_eq!(f.digit, s.chars().any(|c| c.is_ascii_digit()), "{:?}", s);
    }

    /// `repeated-title` skips lines whose word count differs from the key's.
    #[test]
    fn title_key_has_one_word_per_counted_token(s in line()) {
        let k = title_key(&s);
        let n = if k.is_empty() { 0 } else { k.split(' ').count() };
        prop_assert_eq!(n, features(&s).words);
    }
}

/// Every ASCII stopword packs into a key, so the packed set is the ASCII part of the list.
#[test]
fn ascii_stopwords_all_pack() {
    let ascii: Vec<&str> = EN_STOP
        .iter()
        .chain(RU_STOP)
        .copied()
        .filter(|w| w.is_ascii())
        .collect();
    assert_eq!(ASCII_STOPS.len(), ascii.len());
    assert!(ascii.iter().all(|w| ascii_key(w.as_bytes()).is_some()));
}
