//! The span's edges and its lists: fact boxes (`Label: value` rows) under the article stay, a
//! run of them with a claimed row goes; named cases of made-up text.

use super::super::form::label_row;
use super::super::*;

const P1: &str = "The new grease protects bearings against wear and it keeps its shape at high temperatures, the maker said in a statement on Monday.";
const P2: &str = "Old grease has to be removed first, and the bearing is then filled to half of its volume, which is enough for most cars and bikes.";

/// The non-blank lines of `text` the body removes (outside it, or a menu run inside it).
fn removed(text: &str, claimed_at: &[&str]) -> Vec<String> {
    let ls = Line::split(text);
    let claimed: Vec<Option<Claim>> = ls
        .iter()
        .map(|l| claimed_at.contains(&l.text).then_some(Claim::Tags))
        .collect();
    let lang = super::super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    (0..ls.len())
        .filter(|&i| !ls[i].text.is_empty() && claimed[i].is_none() && !b.inside(i))
        .map(|i| ls[i].text.to_string())
        .collect()
}

#[test]
fn label_rows() {
    let cases = [
        ("colour", "Colour: green", true),
        ("figures", "Weight: 220 g", true),
        (
            "two-word label",
            "Operating temperature: -40 ... +120 °C",
            true,
        ),
        ("brand", "Jacket: Brand & Co", true),
        ("tabbed", "Language:      English", true),
        ("no colon", "Home", false),
        ("lead-in", "The panel has five members:", false),
        (
            "sentence value",
            "Note: the shop is closed on Sundays.",
            false,
        ),
        (
            "long label",
            "What the minister said at the meeting: nothing",
            false,
        ),
        ("link", "Source: https://example.org/page", false),
        ("clock", "10:30 AM", false),
        ("label only", "Details:", false),
    ];
    for (name, text, want) in cases {
        assert_eq!(label_row(text), want, "{name}: {text:?}");
    }
}

#[test]
fn fact_boxes_under_the_article() {
    let menu = "Home\nShop\nAbout us\nContact\n\n";
    // (name, text after the body, lines claimed by a heuristic, lines that must stay)
    let cases: [(&str, &str, &[&str], &[&str]); 3] = [
        (
            "spec rows under the last paragraph",
            "Colour: green\nThickener: lithium soap\nPenetration: 220 - 250\nSizes: 12 ml, 125 ml, 1 l\n",
            &[],
            &["Colour: green", "Penetration: 220 - 250", "Sizes: 12 ml, 125 ml, 1 l"],
        ),
        (
            "rows with a claimed tag row are page chrome",
            "Colour: green\nFiled in: Grease\nThickener: lithium soap\n",
            &["Filed in: Grease"],
            &[],
        ),
        (
            "two rows are no fact box",
            "Share\nTwitter\nFacebook\n\nColour: green\nThickener: lithium soap\n",
            &[],
            &[],
        ),
    ];
    for (name, tail, claimed, stay) in cases {
        let text = format!("{menu}{P1}\n\n{P1}\n\n{P2}\n\n{tail}\nPrivacy\nImprint\nJobs\n");
        let gone = removed(&text, claimed);
        for line in stay {
            assert!(
                !gone.iter().any(|g| g == line),
                "{name}: {line:?} removed: {gone:?}"
            );
        }
        assert!(gone.iter().any(|g| g == "Privacy"), "{name}: {gone:?}");
        if stay.is_empty() {
            assert!(
                gone.iter().any(|g| g == "Thickener: lithium soap"),
                "{name}: {gone:?}"
            );
        }
    }
}

#[test]
fn a_fact_box_inside_the_body_is_no_menu_run() {
    let text = format!(
        "{P1}\n\nPullover: Brand One\nJacket: Brand Two\nSkirt: Brand Three\n\n{P2}\n\nShare\nTweet\nEmail\n\n{P1}\n"
    );
    let gone = removed(&text, &[]);
    assert_eq!(gone, ["Share", "Tweet", "Email"]);
}
