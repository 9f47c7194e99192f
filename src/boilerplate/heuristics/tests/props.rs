//! Fast paths against the obvious code, on random lines: the stopword lookup, the features read
//! off the word loop, the headline key.

use proptest::prelude::*;

use super::super::features::{features, features_in};
use super::super::structure::{title_key, title_key_into, title_key_plain};
use super::super::vocabulary::{is_stop, is_stop_chars, ASCII_STOPS, EN_STOP, RU_STOP};
use crate::boilerplate::line::{ascii_key, bare};
use crate::boilerplate::stopwords::{DocLang, LISTS};

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

    /// The words and stopwords the main-content model takes from the line features are what its
    /// own word loop counted (split on whitespace, stripped, looked up in the language's list),
    /// in every language and none.
    #[test]
    fn lang_stops_are_the_model_word_loop(s in line(), lang in 0..LISTS.len() + 2) {
        let lang = match lang {
            l if l < LISTS.len() => DocLang::Listed(l as u8),
            l if l == LISTS.len() => DocLang::Cjk,
            _ => DocLang::Unknown,
        };
        let words: Vec<&str> = s.split_whitespace().map(bare).filter(|w| !w.is_empty()).collect();
        let stops = words.iter().filter(|w| lang.is_stop_word(w)).count();
        let f = features_in(&s, lang);
        prop_assert_eq!((f.words, f.lang_stops), (words.len(), stops), "{:?}", s);
    }

    /// The features are what the plain word loop (`split_whitespace`, two lookups) reads.
    #[test]
    fn features_are_the_plain_loop(s in line(), lang in 0..LISTS.len() + 2) {
        let lang = match lang {
            l if l < LISTS.len() => DocLang::Listed(l as u8),
            l if l == LISTS.len() => DocLang::Cjk,
            _ => DocLang::Unknown,
        };
        prop_assert_eq!(features_in(&s, lang), features_plain(&s, lang), "{:?}", s);
    }

    /// The key written into a buffer is the key built word by word (and a used buffer is
    /// cleared).
    #[test]
    fn title_key_into_is_the_plain_key(s in line(), g in "(ΣΟΦΟΣ|ΟΔΟΣ Σ|İstanbul|ß|\\PC){0,4}") {
        let mut buf = String::from("left over");
        for t in [&s, &g, &format!("{s} {g}")] {
            title_key_into(t, &mut buf);
            prop_assert_eq!(&buf, &title_key_plain(t), "{:?}", t);
        }
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

/// `features_in` as it read before its word loop was fused (the reference).
fn features_plain(text: &str, lang: DocLang) -> super::super::features::Feat {
    use super::super::features::{terminal, BULLET};
    let mut f = super::super::features::Feat {
        terminal: terminal(text),
        stamp: crate::boilerplate::meta::is_timestamp(text),
        bullet: BULLET.is_match(text),
        digit: text.bytes().any(|b| b.is_ascii_digit()),
        ..Default::default()
    };
    let (mut alpha, mut stops, mut content, mut caps) = (0usize, 0usize, 0usize, 0usize);
    for tok in text.split_whitespace() {
        let w = bare(tok);
        let Some(first) = w.chars().next() else {
            continue;
        };
        f.words += 1;
        f.lang_stops += usize::from(lang.is_stop_word(w));
        if !first.is_alphabetic() {
            continue;
        }
        alpha += 1;
        if is_stop(w) {
            stops += 1;
        } else {
            content += 1;
            caps += usize::from(first.is_uppercase());
        }
    }
    f.alnum = f.words > 0;
    f.stop_share = if alpha == 0 {
        0.0
    } else {
        stops as f32 / alpha as f32
    };
    f.title_share = if content == 0 {
        0.0
    } else {
        caps as f32 / content as f32
    };
    f.prose = !f.stamp
        && ((f.words >= 8 && f.terminal && f.title_share < 0.7)
            || (f.words >= 5 && f.terminal && f.stop_share >= 0.25 && f.title_share < 0.5)
            || (f.words >= 8 && f.stop_share >= 0.2 && f.title_share < 0.5)
            || f.words >= 40);
    f
}
