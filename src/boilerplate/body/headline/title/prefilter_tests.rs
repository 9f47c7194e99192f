//! The copy search's cheap tests against the plain ones they stand for.

use super::*;
use proptest::prelude::*;

fn form(text: &str, cut: bool) -> Form {
    let (letters, ends) = spelled(text);
    Form {
        letters,
        ends,
        whole: false,
        cut,
        starts: true,
    }
}

fn line() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Flood"),
        Just("waters"),
        Just("rise"),
        Just("in"),
        Just("the"),
        Just("VALLEY"),
        Just("valley,"),
        Just("—"),
        Just("2024"),
        Just("«Émile»"),
    ];
    prop::collection::vec(word, 0..9).prop_map(|ws| ws.join(" "))
}

proptest! {
    /// The prefilter never turns away a line that loosely copies the form.
    #[test]
    fn may_loosely_holds_for_every_loose_copy(text in line(), title in line(), cut: bool) {
        let f = form(&title, cut);
        let ws = words(&text);
        if loosely(&ws.iter().map(String::as_str).collect::<Vec<_>>(), &f) {
            prop_assert!(may_loosely(lead_words(&text), &f), "{text:?} / {title:?}");
        }
    }
}

/// The separators' cuts as one search per separator finds them (sorted; the one pass
/// must give the same).
fn cuts_by_search(title: &str) -> Vec<(usize, usize)> {
    let mut cuts: Vec<(usize, usize)> = TITLE_SEPARATORS
        .iter()
        .flat_map(|sep| title.match_indices(sep).map(|(at, s)| (at, at + s.len())))
        .collect();
    cuts.sort_unstable();
    cuts
}

fn title_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Flood"),
        Just(" "),
        Just("-"),
        Just("|"),
        Just(":"),
        Just("::"),
        Just("\u{2013}"),
        Just("\u{BB}"),
        Just(">"),
        Just("\u{B7}"),
    ];
    prop::collection::vec(piece, 0..16).prop_map(|ps| ps.concat())
}

proptest! {
    /// The first-letters test never turns away a line that a form's words may loosely
    /// start.
    #[test]
    fn may_lead_holds_for_every_may_loosely(text in line(), title in line(), cut: bool) {
        let f = form(&title, cut);
        let t = PageTitle {
            top: 0,
            leads: (
                f.words().iter().take(2).filter_map(|w| w.chars().next()).collect(),
                f.words().iter().take(1).filter_map(|w| w.chars().next()).collect(),
            ),
            firsts: f.letters.chars().take(1).collect(),
            forms: vec![f],
            short_whole: None,
            separated: false,
            words: Vec::new(),
        };
        if may_loosely(lead_words(&text), &t.forms[0]) {
            prop_assert!(t.may_lead(initials(&text)), "{text:?} / {title:?}");
        }
    }

    /// The byte-by-byte first letters are the char-by-char ones.
    #[test]
    fn initials_fast_path_agrees(text in "[ a-zA-Z0-9.,'\\-\t\x0b\u{A0}\u{2003}é«»Ü]{0,24}") {
        prop_assert_eq!(initials(&text), initials_of_chars(&text));
    }

    /// The byte-by-byte first words are the char-by-char ones.
    #[test]
    fn lead_words_fast_path_agrees(text in "[ a-zA-Z0-9.,'\\-\t\x0b\x0c\u{A0}\u{2003}\u{85}é«»Ü]{0,24}") {
        prop_assert_eq!(lead_words(&text), lead_words_of_chars(&text));
    }

    /// The byte-by-byte spelling of an ASCII text is the word-by-word one.
    #[test]
    fn spelled_fast_path_agrees(text in "[ a-zA-Z0-9.,'\\-\t\x0b\x0c\r\n\x1c]{0,40}") {
        prop_assert_eq!(spelled(&text), spelled_of_words(&text));
    }

    /// ... on any ASCII text (control bytes too), and the first words.
    #[test]
    fn fast_paths_agree_on_any_ascii(text in "[\\x00-\\x7f]{0,40}") {
        prop_assert_eq!(spelled(&text), spelled_of_words(&text));
        prop_assert_eq!(lead_words(&text), lead_words_of_chars(&text));
    }

    /// One pass over the spaces cuts where one search per separator does.
    #[test]
    fn separator_cuts_match_the_searches(title in title_text()) {
        prop_assert_eq!(separator_cuts(&title), cuts_by_search(&title));
    }
}

proptest! {
    /// One string and word ends spell what the letters and the word list spell.
    #[test]
    fn spelled_is_letters_and_words(text in line()) {
        let f = form(&text, false);
        prop_assert_eq!(&f.letters, &letters(&text).collect::<String>());
        prop_assert_eq!(f.words(), words(&text));
    }
}

#[test]
fn separator_cuts_cases() {
    for title in [
        "a : - - b",
        "Headline | Site",
        "A - B -- C",
        "x :: y : z",
        "a - - - b",
    ] {
        assert_eq!(separator_cuts(title), cuts_by_search(title), "{title:?}");
    }
}

#[test]
fn may_loosely_cases() {
    let f = form("Flood waters rise in the valley", false);
    assert!(may_loosely(lead_words("Flood waters rise"), &f));
    assert!(may_loosely(
        lead_words("Big flood waters rise in the valley"),
        &f
    ));
    assert!(may_loosely(lead_words("waters rise in the valley"), &f));
    assert!(!may_loosely(lead_words("The valley floods"), &f));
}
