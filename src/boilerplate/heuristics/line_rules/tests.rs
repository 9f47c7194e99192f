//! The opener set (`Opens`) and its two-byte guard (`may_open`) against the patterns they stand for.

use super::*;
use proptest::prelude::*;

/// What the set says of each opener is what the pattern alone says.
fn set_is_each_pattern(text: &str) -> Result<(), TestCaseError> {
    let got = Opens::of(text);
    let any = OPENER_PATTERNS.iter().any(|p| ci(p).is_match(text));
    prop_assert_eq!(OPENERS.is_match(text), any, "{:?}", text);
    prop_assert_eq!(OPENERS.is_match_at_start(text), any, "{:?}", text);
    for (i, p) in OPENER_PATTERNS.iter().enumerate() {
        let alone = ci(p);
        prop_assert_eq!(got.matched(i), alone.is_match(text), "{} {:?}", i, text);
        prop_assert_eq!(
            openers::opener_matches(i, text),
            alone.is_match(text),
            "{} {:?}",
            i,
            text
        );
        let group = alone
            .captures(text)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str());
        prop_assert_eq!(openers::opener_group(i, text, 1), group, "{} {:?}", i, text);
    }
    Ok(())
}

#[test]
fn the_openers_set_answers_as_each_pattern() {
    for t in [
        "Photo: AP",
        "Image generated with AI",
        "Read more",
        "6 min read",
        "Tags: politics, economy",
        "Author: Jane Roe",
        "By Jane Roe in Baku",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "12 comments",
        "Фото: ТАСС",
        "By escalating the dispute, the ministry risked a fine.",
        "The minister said on Monday that the talks would continue.",
        "",
    ] {
        set_is_each_pattern(t).unwrap();
    }
}

/// A pattern as a generator of lines it may match: anchors and word boundaries are left
/// out (a line that breaks one is simply not matched), the case flag kept.
fn pattern_lines(pat: &str) -> impl Strategy<Value = String> {
    // (The patterns have no escaped `$` or `^`: each is an anchor.)
    let body = pat.replace(r"\b", "").replace(['^', '$'], "");
    proptest::string::string_regex(&format!("(?i){body}")).expect("generator")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// Wherever one of the openers matches, [`may_open`] holds (lines drawn from the
    /// patterns themselves, in random case, so every alternative is reached).
    #[test]
    fn may_open_is_necessary(
        i in 0..OPENER_PATTERNS.len(),
        seed in any::<u64>(),
    ) {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed as u8; 32].map(|b| b ^ (seed >> 8) as u8));
        let mut runner = TestRunner::new_with_rng(Config::default(), rng);
        let line = pattern_lines(OPENER_PATTERNS[i]).new_tree(&mut runner).unwrap().current();
        if ci(OPENER_PATTERNS[i]).is_match(&line) {
            prop_assert!(may_open(&line), "{} {:?}", i, line);
        }
        set_is_each_pattern(&line)?;
    }
}

#[test]
fn may_open_turns_away_prose() {
    for t in [
        "A storm hit the coast.",
        "But officials said",
        "Officials said",
        "Xi Jinping",
    ] {
        assert!(!may_open(t), "{t:?}");
    }
    for t in [
        "By Jane Roe",
        "6 min read",
        "(Reporting by X)",
        "Фото: ТАСС",
        "ſhare",
    ] {
        assert!(may_open(t), "{t:?}");
    }
}

proptest! {
    #[test]
    fn openers_set_on_random_lines(t in "(Photo|Read more|By|Tags|Author|6 min|[ :a-zA-Z0-9фо]|\\PC){0,12}") {
        set_is_each_pattern(&t)?;
    }
}

/// The article's own "read more about ..." sentences are no prompts; the prompts and the
/// teasers cut short are.
#[test]
fn a_read_more_sentence_is_the_articles() {
    let cases = [
        ("Read more about recent LG innovations.", false),
        (
            "Read more about how many calories you should eat a day.",
            false,
        ),
        ("Read more about ad blocking here.", false),
        (
            "Read more about the Samsung Bespoke Induction Range.",
            false,
        ),
        ("Read more", true),
        ("Read more...", true),
        ("Read more about Coronavirus", true),
        (
            "Read more about the outbreak of the virus in the north ...",
            true,
        ),
        ("Read More About Our Company.", true),
        ("Read more: the new model is out.", true),
    ];
    for (text, want) in cases {
        let f = crate::boilerplate::heuristics::features::features(text);
        assert_eq!(prompt_pattern(text, &f, &Opens::of(text)), want, "{text}");
    }
}

proptest! {
    /// A "read more about" sentence is no prompt only when it opens so, ends with one full
    /// stop and goes on in lowercase.
    #[test]
    fn pointer_sentences_have_their_form(rest in "[a-zA-Z][a-z ]{0,30}[.…]{0,3}") {
        let text = format!("Read more about {rest}");
        let f = crate::boilerplate::heuristics::features::features(&text);
        if pointer_sentence(&text, &f) {
            prop_assert!(rest.starts_with(char::is_lowercase));
            prop_assert!(text.ends_with('.') && !text.ends_with(".."));
        }
    }
}

/// Prices alone are no timestamps; dates and times still are.
#[test]
fn a_price_is_no_timestamp() {
    let cases = [
        ("$99.99", true),
        ("$ 45", true),
        ("49,90 €", true),
        ("£5,349.00", true),
        ("$1.5 million", false),
        ("March 25, 2015", false),
        ("12:30", false),
        ("€", false),
        ("", false),
    ];
    for (text, want) in cases {
        assert_eq!(price(text), want, "{text}");
    }
}

proptest! {
    /// A currency sign and a figure, in either order, is a price.
    #[test]
    fn a_sign_and_a_figure_is_a_price(figure in "[0-9][0-9.,]{0,8}", sign in "[$€£¥₽]", first in any::<bool>()) {
        let text = if first { format!("{sign}{figure}") } else { format!("{figure} {sign}") };
        prop_assert!(price(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// [`may_be_credit`] holds wherever [`CREDIT_SENTENCE`] matches.
    #[test]
    fn credit_guard_is_necessary(t in lean::tests::lines(&credit_sentence_pattern())) {
        prop_assert!(may_be_credit(&t) || !CREDIT_SENTENCE.is_match(&t), "{:?}", t);
    }

    /// [`AUTHOR_NOTE`]'s capture search finds the groups `regex::Regex` finds.
    #[test]
    fn author_note_is_the_regex(t in lean::tests::lines(AUTHOR_NOTE_PAT)) {
        let plain = Regex::new(AUTHOR_NOTE_PAT).expect("pattern");
        let want = plain
            .captures(&t)
            .map(|c| (c.name("writer").map(|m| m.range()), c.name("name").map(|m| m.range())));
        let c = AUTHOR_NOTE.captures_at_start(0, &t);
        let got = c.is_match().then(|| {
            (
                c.get_group_by_name("writer").map(|s| s.range()),
                c.get_group_by_name("name").map(|s| s.range()),
            )
        });
        prop_assert_eq!(got, want, "{:?}", t);
    }

    /// [`may_be_author_note`](crate::boilerplate::heuristics::structure::may_be_author_note)
    /// holds wherever [`AUTHOR_NOTE`] matches.
    #[test]
    fn author_note_guard_is_necessary(t in lean::tests::lines(AUTHOR_NOTE_PAT)) {
        prop_assert!(
            crate::boilerplate::heuristics::structure::may_be_author_note(&t)
                || !AUTHOR_NOTE.is_match(&t),
            "{:?}",
            t
        );
    }

}

#[test]
fn credit_sentence_matches_its_lines() {
    for (re, t) in [
        (
            &*CREDIT_SENTENCE,
            "Associated Press writer Lynn Berry contributed from Moscow.",
        ),
        (
            &*CREDIT_SENTENCE,
            "Sultanova reported from Baku, Azerbaijan",
        ),
    ] {
        assert!(re.is_match(t), "{t:?}");
    }
}
