//! The article's own lines that a list or a byline pass took before: a section heading
//! swallowed as a related list's last item (set apart by its form or its numbering), a heading
//! in title case next to a date taken for a name. Named cases of made-up text, and a property
//! of the numbering.

use proptest::prelude::*;

use super::super::lists::{numbering, Numbering};
use super::*;

/// The claim of `line` in `got`.
fn of<'a>(got: &'a [(String, Option<String>)], line: &str) -> Option<&'a str> {
    got.iter()
        .find(|(l, _)| l == line)
        .unwrap_or_else(|| panic!("line {line:?} not found"))
        .1
        .as_deref()
}

/// A paragraph of fewer than 30 words: too short to end a related list by length alone.
const SHORT_PARA: &str =
    "Keyword research remains essential, but the focus this year is on what readers mean.";

#[test]
fn an_unbulleted_heading_under_bulleted_items_is_the_next_section() {
    let text = format!(
        "Ministers meet again as border talks resume\n\n{BODY}Read next\n* How to lay out a garden\n* Sowing seeds in spring\n* When to plant vegetables\nPick the right location\nPicking a good location for your garden is key, as the plants need sun.\n"
    );
    let got = claims(&text);
    assert_eq!(
        of(&got, "* Sowing seeds in spring"),
        Some("related-list"),
        "{got:?}"
    );
    assert_eq!(of(&got, "Pick the right location"), None, "{got:?}");
    // Over no paragraph, the same line is one more item.
    let text = format!(
        "Ministers meet again as border talks resume\n\n{BODY}Read next\n* How to lay out a garden\n* Sowing seeds in spring\nPick the right location\nSubscribe\n"
    );
    let got = claims(&text);
    assert_eq!(
        of(&got, "Pick the right location"),
        Some("related-list"),
        "{got:?}"
    );
}

#[test]
fn a_heading_continuing_the_articles_numbering_is_the_next_section() {
    let cases = [
        (
            "numbered",
            "1. Know your audience",
            "2. Conduct smarter keyword research",
        ),
        (
            "worded",
            "Trend 5: Exercise for the mind",
            "Trend 6: Functional fitness",
        ),
    ];
    for (name, first, next) in cases {
        let text = format!(
            "Ministers meet again as border talks resume\n\n{first}\n{BODY}Related: Measuring your efforts with the right metrics\n{next}\n{SHORT_PARA}\n{BODY}"
        );
        let got = claims(&text);
        assert_eq!(of(&got, next), None, "{name}: {got:?}");
        assert_eq!(
            of(
                &got,
                "Related: Measuring your efforts with the right metrics"
            ),
            Some("related-list"),
            "{name}: {got:?}"
        );
        // Without the earlier number, the numbered line is an item of the list.
        let alone = format!(
            "Ministers meet again as border talks resume\n\n{BODY}Related: Measuring your efforts with the right metrics\n{next}\n{SHORT_PARA}\n{BODY}"
        );
        assert_eq!(of(&claims(&alone), next), Some("related-list"), "{name}");
    }
}

#[test]
fn numbering_reads_the_words_number_and_sign() {
    let cases: &[(&str, Option<Numbering<'_>>)] = &[
        ("2. Conduct research", Some(("", 2, '.'))),
        ("Trend 6: Fitness", Some(("Trend ", 6, ':'))),
        ("Step 3) Mix", Some(("Step ", 3, ')'))),
        ("35mm or small format", None),
        ("2.5 million people", None),
        ("Top 10 tools", None),
        ("One two three 4. Four", None),
        ("12345. Too long", None),
        ("No number", None),
    ];
    for &(text, want) in cases {
        assert_eq!(numbering(text), want, "{text}");
    }
}

proptest! {
    /// A line built as words, a number, a sign and a title reads back as those parts.
    #[test]
    fn numbering_reads_back_what_was_written(
        prefix in "(|Step |Trend |Part two )",
        number in 0u32..1000,
        sign in "[.):]",
        title in "[A-Za-z][a-z ]{0,20}",
    ) {
        let text = format!("{prefix}{number}{sign} {title}");
        let sign = sign.chars().next().unwrap_or('.');
        prop_assert_eq!(numbering(&text), Some((prefix.as_str(), number, sign)));
    }
}

#[test]
fn a_title_case_heading_over_its_paragraph_is_no_name_next_to_a_date() {
    let para = "I have been teaching myself to vibe code, and the coding went faster than I thought it would.";
    let text = format!("Notes from the workshop\n\nDecember 16, 2025\nVibe Coding\n{para}\n{BODY}");
    let got = claims(&text);
    assert_eq!(of(&got, "Vibe Coding"), None, "{got:?}");
    // A name in the same place is the author's.
    let text = format!("Notes from the workshop\n\nDecember 16, 2025\nJane Roe\n{para}\n{BODY}");
    let got = claims(&text);
    assert_eq!(of(&got, "Jane Roe"), Some("byline"), "{got:?}");
}
