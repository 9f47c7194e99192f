//! The anchored block's tests: made-up pages whose article lies under a copy of the page title.

use proptest::prelude::*;

use super::super::{analyse, headline, Body, Line};
use super::{copy, join, letters};
use crate::boilerplate::stopwords::identify;

const TITLE: &str = "Council approves the new river bridge | The Valley Courier";
const HEAD: &str = "Council approves the new river bridge";
const P1: &str = "The town council voted on Tuesday to build a new bridge over the river, which the mayor said would be open to traffic by the end of next year.";
const P2: &str = "Residents who live near the old crossing have asked for a safer route for years, and the council said that the works would start in the spring.";
/// A login form's messages: sentences, dense enough to outscore a short article.
const FORM: [&str; 8] = [
    "Please fill in all of the fields that are marked with a star before you go on.",
    "This e-mail address does not seem to be right, it must have an @ and a domain.",
    "There is no account for this e-mail address or the password that you gave is wrong.",
    "The password must be at least eight characters long and it must have a number in it.",
    "The password must have at least one capital letter and one small letter in it.",
    "Please agree to the terms of use and to the privacy policy before you sign up.",
    "Your registration did not work this time, so please check what you have entered.",
    "We will send you an e-mail with a link that you can use to set a new password.",
];
/// A list of teasers: long lines without function words, chrome that costs the span more than
/// a short article scores.
const TEASERS: [&str; 8] = [
    "Regional Hospital Opens Second Cardiology Wing After Record Private Donation Drive",
    "Local Basketball Team Wins Championship Final Against Northern Rivals Tonight Again",
    "Downtown Bakery Celebrates Fifty Years Serving Fresh Bread Pastries Every Morning",
    "County Farmers Report Strong Harvest Despite Unusually Dry Summer Weather Patterns",
    "Police Investigate Overnight Burglary Series Across Three Northern Suburbs Quickly",
    "School Board Approves Revised Budget Including Teacher Salaries Classroom Repairs",
    "Weekend Festival Draws Thousands Despite Heavy Rain Showers Across Riverside Park",
    "New Library Branch Promises Longer Opening Hours Digital Services Weekend Classes",
];
const MENU: [&str; 8] = [
    "Home", "News", "Sport", "Weather", "Contact", "Privacy", "Imprint", "Jobs",
];

fn body(text: &str) -> (Vec<Line<'_>>, Body) {
    let ls = Line::split(text);
    let claimed = vec![None; ls.len()];
    let lang = identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    (ls, b)
}

/// The non-blank lines outside the body, the headline aside (it stays by its own policy).
fn gone(text: &str) -> Vec<String> {
    let (ls, b) = body(text);
    let head = headline(&ls, &vec![None; ls.len()], &b);
    (0..ls.len())
        .filter(|&i| !ls[i].text.is_empty() && !b.inside(i) && head != Some(i))
        .map(|i| ls[i].text.to_string())
        .collect()
}

fn page(parts: &[&str]) -> String {
    parts.join("\n\n")
}

#[test]
fn copy_cases() {
    let title: Vec<char> = letters(TITLE).collect();
    let cases = [
        ("the headline side", HEAD, true),
        (
            "case and punctuation aside",
            "COUNCIL APPROVES THE NEW RIVER-BRIDGE!",
            true,
        ),
        ("the whole title", TITLE, true),
        (
            "the site's name: too short a share",
            "The Valley Courier",
            false,
        ),
        (
            "another headline",
            "Council rejects the old river bridge",
            false,
        ),
        ("two words", "Council approves", false),
        ("a paragraph that starts like it", P1, false),
    ];
    for (name, text, want) in cases {
        assert_eq!(copy(text, &title), want, "{name}");
    }
}

#[test]
fn anchored_block_cases() {
    let form = FORM.join("\n");
    let menu = MENU.join("\n");
    let teasers = TEASERS.join("\n");
    let cases: Vec<(&str, String)> = vec![
        (
            "a short article above a teaser list and a long login form",
            page(&[
                TITLE,
                &menu,
                HEAD,
                "By Ann Smith",
                P1,
                P2,
                &teasers,
                &form,
                &menu,
            ]),
        ),
        (
            "the article under its headline below a denser block and a teaser list",
            page(&[
                TITLE,
                &menu,
                &form,
                &teasers,
                HEAD,
                "By Ann Smith",
                P1,
                P2,
                &menu,
            ]),
        ),
    ];
    for (name, text) in cases {
        let out = gone(&text);
        for line in [HEAD, P1, P2] {
            assert!(!out.iter().any(|g| g == line), "{name}: {line:?} removed");
        }
        // The chrome between the two blocks stays outside the body.
        for line in TEASERS {
            assert!(out.iter().any(|g| g == line), "{name}: {line:?} kept");
        }
    }
}

#[test]
fn no_block_no_change() {
    let menu = MENU.join("\n");
    let form = FORM.join("\n");
    let cases: Vec<(&str, String)> = vec![
        (
            "the copy has no prose under it",
            page(&[TITLE, HEAD, &menu, &form, &menu]),
        ),
        (
            "the copy's prose is too short",
            page(&[TITLE, HEAD, "It was a quiet day.", &menu, &form, &menu]),
        ),
        (
            "no copy of the title",
            page(&[TITLE, &menu, "A different headline here", P1, &menu, &form]),
        ),
        (
            "the article already in the span",
            page(&[TITLE, &menu, HEAD, P1, P2, &menu]),
        ),
    ];
    for (name, text) in cases {
        let ls = Line::split(&text);
        let b = body(&text).1;
        let prose = |i: usize| b.prose(i);
        let span = b.span.expect(name);
        assert_eq!(join(&ls, &prose, &b.len, span), None, "{name}");
    }
}

proptest! {
    /// Joining only grows the span, and the holes it adds lie outside both the old span and the
    /// anchored block: no line the span held leaves the body.
    #[test]
    fn join_only_grows(
        before in proptest::collection::vec(0usize..12, 0..12),
        after in proptest::collection::vec(0usize..12, 0..12),
        form_first in any::<bool>(),
    ) {
        let pick = |k: &usize| if *k < 8 { MENU[*k] } else { FORM[*k - 4] };
        let top: Vec<&str> = before.iter().map(pick).collect();
        let bottom: Vec<&str> = after.iter().map(pick).collect();
        let form = page(&[&FORM.join("\n"), &TEASERS.join("\n")]);
        let article = page(&[HEAD, "By Ann Smith", P1, P2]);
        let parts = if form_first {
            [TITLE.to_string(), top.join("\n"), form, article, bottom.join("\n")]
        } else {
            [TITLE.to_string(), top.join("\n"), article, form, bottom.join("\n")]
        };
        let text = parts.join("\n\n");
        let ls = Line::split(&text);
        let b = body(&text).1;
        let prose = |i: usize| b.prose(i);
        if let Some(span) = b.span {
            if let Some(((s2, e2), between)) = join(&ls, &prose, &b.len, span) {
                prop_assert!(s2 <= span.0 && span.1 <= e2);
                for i in between {
                    prop_assert!(i < span.0 || i > span.1, "hole {} in the old span", i);
                    prop_assert!(ls[i].text != P1 && ls[i].text != P2 && ls[i].text != HEAD);
                }
            }
        }
        // Whatever the chrome, the article stays in the body.
        let out = gone(&text);
        for line in [HEAD, P1, P2] {
            prop_assert!(!out.iter().any(|g| g == line), "{:?} removed", line);
        }
    }
}
