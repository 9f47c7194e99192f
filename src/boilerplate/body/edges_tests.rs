//! The span's edges and its lists: fact boxes (`Label: value` rows) under the article stay, a
//! run of them with a claimed row goes; named cases of made-up text.

use super::super::form::{label_row, schedule_row};
use super::super::*;
use super::{numbered, SpanCopies, COPY_WORDS};
use crate::boilerplate::heuristics::numbering;

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
fn schedule_rows() {
    let cases = [
        ("month first", "June 9 – Riverton, OH @ Lakeside Hall", true),
        ("day first", "12. März: Köln, Lanxess Arena", true),
        ("abbreviated", "Sept. 3, Denver, CO", true),
        ("a date alone", "June 9", false),
        (
            "a sentence",
            "June 9 was the hottest day of the year.",
            false,
        ),
        ("no day", "June is the month of the tour", false),
        ("a year, no day", "2024 June tour announced today", false),
        ("not a month", "Chapter 9 – The long road home", false),
    ];
    for (name, text, want) in cases {
        assert_eq!(schedule_row(text), want, "{name}: {text:?}");
    }
}

#[test]
fn fact_boxes_under_the_article() {
    let menu = "Home\nShop\nAbout us\nContact\n\n";
    // (name, text after the body, lines claimed by a heuristic, lines that must stay)
    let cases: [(&str, &str, &[&str], &[&str]); 4] = [
        (
            "a tour's dates under their heading",
            "The band's summer tour dates\nJune 9 – Riverton, OH @ Bay Arena\nJune 12 – Atlanta, GA @ Lakeside Hall\n14 June – Leeds @ City Hall\nJuly 2 – Boston, MA @ Harbor Pavilion\n",
            &[],
            &["June 9 – Riverton, OH @ Bay Arena", "July 2 – Boston, MA @ Harbor Pavilion"],
        ),
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

/// An item of a list: one to four words, a bullet or not.
fn list_item_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let word = prop_oneof![
        Just("Fresh"),
        Just("coffee"),
        Just("two"),
        Just("Lisbon"),
        Just("green"),
        Just("Harbour"),
        Just("office"),
        Just("Vote"),
    ];
    (
        prop_oneof![Just(""), Just("* "), Just("- ")],
        proptest::collection::vec(word, 1..5),
    )
        .prop_map(|(b, w)| format!("{b}{}", w.join(" ")))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// A list led in by a sentence ending in ':' between paragraphs of prose is never removed
    /// whole, nor is one closing the article over the footer, whatever its items (bullets or
    /// none, blank lines between them or none): the whole stage, heuristics and body, on a page
    /// with a menu above and a footer under it.
    #[test]
    fn a_list_led_in_by_a_sentence_is_never_removed_whole(
        items in proptest::collection::vec(list_item_text(), 2..9),
        blank in proptest::bool::ANY,
        at_end in proptest::bool::ANY,
    ) {
        use crate::boilerplate::{Boilerplate, BoilerplateOptions};
        let sep = if blank { "\n\n" } else { "\n" };
        let list = items.join(sep);
        let lead = "The council listed what the new plan pays for this year:";
        // The list between two paragraphs, or closing the article over the footer.
        let (before, after) = if at_end { (format!("{P1}\n\n{P2}\n\n{P1}"), String::new()) } else { (format!("{P1}\n\n{P1}"), format!("{P2}\n\n{P1}\n\n")) };
        let text = format!(
            "Home\nShop\nAbout us\nContact\n\n{before}\n\n{lead}\n{list}\n\n{after}Privacy\nImprint\nJobs\n"
        );
        let bp = Boilerplate::new(&BoilerplateOptions::default(), std::path::Path::new("t.toml")).unwrap();
        let found = bp.detect(&text).findings;
        let start = text.find(&list).unwrap();
        let kept = items.iter().scan(start, |at, item| {
            let s = text[*at..].find(item.as_str()).unwrap() + *at;
            *at = s + item.len();
            Some(s..s + item.len())
        }).filter(|r| !found.iter().any(|f| f.range.start <= r.start && r.end <= f.range.end)).count();
        proptest::prop_assert!(kept > 0, "{text}\n{found:?}");
    }
}

#[test]
fn lone_headings_at_the_edges() {
    // Short sentences (each under the length of prose) after the last paragraph: outside the
    // span, which the heading over them would stop.
    const PRICES: &str = "The tutors set the prices for their answers one by one.\n\nStudents can choose the range of prices they want to pay.";
    const FAQ: &str = "What does the grease cost?\nA tube costs about ten euros in most shops.\nHow long does a tube last?\nA tube lasts for many years of use in a bike.";
    // (name, text after the body, lines that must stay, lines that must go)
    let cases: [(&str, String, &[&str], &[&str]); 5] = [
        (
            "a subheading over short sentences",
            format!("Pricing\n\n{PRICES}\n"),
            &["Pricing", "Students can choose the range of prices they want to pay."],
            &[],
        ),
        (
            "questions and answers under their heading",
            format!("FAQs\n\n{FAQ}\n"),
            &["FAQs", "What does the grease cost?"],
            &[],
        ),
        (
            "a widget's label over a line of its own",
            "Submit\n\nMessage sent successfully!\n".to_string(),
            &[],
            &["Submit"],
        ),
        (
            "a related list's header over questions",
            "Best Grease Brands\nBrand One vs. Brand Two: How Do They Compare?\nBrand Three vs. Brand Two: How Do They Compare?\nBrand Four vs. Brand Two: How Do They Compare?\n".to_string(),
            &[],
            &["Best Grease Brands"],
        ),
        (
            "a menu's items over text",
            format!("Share\nTweet\nEmail\n\n{PRICES}\n"),
            &[],
            &["Share", "Tweet", "Email"],
        ),
    ];
    for (name, tail, stay, go) in cases {
        let text = format!("Home\nShop\nAbout us\nContact\n\n{P1}\n\n{P1}\n\n{P2}\n\n{tail}\nPrivacy\nImprint\nJobs\n");
        let gone = removed(&text, &[]);
        for line in stay {
            assert!(
                !gone.iter().any(|g| g == line),
                "{name}: {line:?} removed: {gone:?}"
            );
        }
        for line in go {
            assert!(
                gone.iter().any(|g| g == line),
                "{name}: {line:?} kept: {gone:?}"
            );
        }
        assert!(gone.iter().any(|g| g == "Privacy"), "{name}: {gone:?}");
    }
}

#[test]
fn a_list_of_names_under_a_lead_in_stays() {
    let text = format!(
        "Home\nShop\nAbout us\nContact\n\n{P1}\n\n{P1}\n\n{P2}\n\nOther shops in the city we can recommend:\n\nnonesuch\nPie Junkie\nThe Press\nBlack Walnut\nHatch\n\nPrivacy\nImprint\nJobs\n"
    );
    let gone = removed(&text, &[]);
    for name in ["nonesuch", "Pie Junkie", "The Press", "Hatch"] {
        assert!(!gone.iter().any(|g| g == name), "{name} removed: {gone:?}");
    }
    assert!(gone.iter().any(|g| g == "Privacy"), "{gone:?}");
}

/// A list of entries with notes printed one a paragraph under its lead-in stays to its end; a
/// blank line between two entries does not end it.
#[test]
fn entries_one_a_paragraph_under_a_lead_in_stay() {
    let entries = [
        "Ann Berg (Lund University)",
        "Tomas Lind (Riverton School of the Arts)",
        "Eva Holm (Harbour College)",
        "Jon Ek (University of the North Coast)",
        "Ida Sand (Hill College)",
        "Ola Dahl (Institute of Marine Technology)",
    ];
    let text = format!(
        "Home\nShop\nAbout us\nContact\n\n{P1}\n\n{P1}\n\n{P2}\n\nThese are the students the jury invited to the final round:\n\n{}\n\nPrivacy\nImprint\nJobs\n",
        entries.join("\n\n")
    );
    let gone = removed(&text, &[]);
    for kept in entries {
        assert!(!gone.iter().any(|g| g == kept), "{kept} removed: {gone:?}");
    }
    assert!(gone.iter().any(|g| g == "Privacy"), "{gone:?}");
}

/// A short lead-in ("Pack:") over a bulleted list in phrases is the article's list, and the
/// text under it stays; a short label over a list of names ("Follow us:" over the networks)
/// is the page's.
#[test]
fn a_short_lead_in_over_phrases_stays() {
    let text = format!(
        "Home\nShop\nAbout us\nContact\n\n{P1}\n\n{P1}\n\n{P2}\n\nPack:\n\n* Two water bottles\n* Spare inner tubes\n* A rain jacket\n\nCheck the brakes before you leave.\n\nFollow us:\n\n* Facebook\n* Instagram\n\nPrivacy\nImprint\nJobs\n"
    );
    let gone = removed(&text, &[]);
    for kept in [
        "Pack:",
        "* Spare inner tubes",
        "Check the brakes before you leave.",
    ] {
        assert!(!gone.iter().any(|g| g == kept), "{kept} removed: {gone:?}");
    }
    for page in ["* Facebook", "* Instagram", "Privacy"] {
        assert!(gone.iter().any(|g| g == page), "{page} kept: {gone:?}");
    }
}

/// A photo essay prints the same long caption under each picture: the span holds its copies,
/// so copies beyond it do not end the article, and the text after them stays.
#[test]
fn copies_of_a_caption_do_not_end_the_article() {
    let cap = "Riverton Harbour Festival 2019 Opening Night [Harbour Gallery Photo Series]";
    let text = format!(
        "Home\nShop\nAbout us\nContact\n\n{P1}\n\n{cap}\n\n{P2}\n\n{cap}\n\n{P1}\n\n{cap}\n\n{cap}\n\nThe crowd stayed on the pier until the last boat had left at midnight.\n\nPrivacy\nImprint\nJobs\n"
    );
    let gone = removed(&text, &[]);
    for kept in [
        cap,
        "The crowd stayed on the pier until the last boat had left at midnight.",
    ] {
        assert!(!gone.iter().any(|g| g == kept), "{kept} removed: {gone:?}");
    }
    assert!(gone.iter().any(|g| g == "Privacy"), "{gone:?}");
}

proptest::proptest! {
    /// A line is a span copy exactly when it is unclaimed, of six words or more, and an
    /// unclaimed line of the span has its text: asked of every line outside the span, so both
    /// the searches and the set answer.
    #[test]
    fn span_copies_are_the_plain_search(
        texts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("one two three four five six"),
                proptest::strategy::Just("one two three four five six seven"),
                proptest::strategy::Just("one two three"),
                proptest::strategy::Just(""),
            ],
            1..40,
        ),
        marks in proptest::collection::vec(proptest::bool::weighted(0.2), 40),
        a in 0usize..40,
        b in 0usize..40,
    ) {
        let text = texts.join("\n");
        let lines = Line::split(&text);
        let n = lines.len();
        proptest::prop_assume!(n > 0);
        let claimed: Vec<Option<Claim>> =
            (0..n).map(|i| marks[i].then_some(Claim::Tags)).collect();
        let (s, e) = (a.min(b) % n, a.max(b) % n);
        let (s, e) = (s.min(e), s.max(e));
        let copies = SpanCopies::new(&lines, &claimed, (s, e));
        for i in (0..n).filter(|&i| i < s || i > e) {
            let t = lines[i].text;
            let want = claimed[i].is_none()
                && t.split_whitespace().count() >= COPY_WORDS
                && (s..=e).any(|j| claimed[j].is_none() && lines[j].text == t);
            proptest::prop_assert_eq!(copies.holds(i), want, "line {} of {:?}", i, texts);
        }
    }
}

/// A line of text under a heading that is no statement: a question, a call, a headline.
fn no_statement() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    (
        prop_oneof![
            Just("How do the new brands compare with the old ones"),
            Just("Sign up for the newsletter of the shop now"),
            Just("Which grease is the best one for a bike in winter"),
            Just("The ten best workshops of the city, ranked by readers"),
        ],
        prop_oneof![Just("?"), Just("!"), Just("")],
    )
        .prop_map(|(t, end)| format!("{t}{end}"))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

    /// A heading of one to three words under the last paragraph goes with the page when the
    /// text under it holds no statement (no line ending in a full stop), however long it is.
    #[test]
    fn a_heading_over_no_statement_is_removed(
        words in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("Related"), proptest::strategy::Just("Stories"),
            proptest::strategy::Just("More"), proptest::strategy::Just("Guides"),
        ], 1..4),
        tail in proptest::collection::vec(no_statement(), 1..6),
        blank in proptest::bool::ANY,
    ) {
        let heading = words.join(" ");
        let sep = if blank { "\n\n" } else { "\n" };
        let text = format!(
            "Home\nShop\nAbout us\nContact\n\n{P1}\n\n{P1}\n\n{P2}\n\n{heading}\n\n{}\n\nPrivacy\nImprint\nJobs\n",
            tail.join(sep)
        );
        let gone = removed(&text, &[]);
        proptest::prop_assert!(gone.contains(&heading), "{text}\n{gone:?}");
    }
}

/// A table of results numbered from one right under the article (no line between) is the
/// article's: it goes on with each next number; the page's own list numbered from one, a header
/// over it, does not (the test above).
#[test]
fn results_numbered_from_one_under_the_article_stay() {
    let rows: String = (2..=8)
        .map(|n| format!("{n}. Rider {n} (Team {n}) 1:3{n}.{n}\n"))
        .collect();
    let text = format!(
        "Home\nRacing\nAbout us\nContact\n\n{P1}\n\n{P2}\n\n{P1}\n1. Rider 1 (Team 1) 1:31.9\n{rows}\nPrint this story\nPrivacy\nImprint\nJobs\n"
    );
    let gone = removed(&text, &[]);
    for n in 1..=8 {
        let row = format!("{n}. Rider {n} (Team {n}) 1:3");
        assert!(
            !gone.iter().any(|g| g.starts_with(&row)),
            "{row} removed: {gone:?}"
        );
    }
    assert!(gone.iter().any(|g| g == "Privacy"), "{gone:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2048, ..Default::default() })]

    /// The reordered tests of [`label_row`] answer as the plain ones do.
    #[test]
    fn label_row_equals_the_plain_test(
        text in r"[A-Za-zé0-9 :\t.,/]{0,40}|[A-Z][a-z]{0,6}( [a-z]{1,5}){0,4}:[ \t]{0,2}[a-z0-9 .:/]{0,30}",
    ) {
        proptest::prop_assert_eq!(label_row(&text), super::super::form::label_row_plain(&text), "{:?}", text);
    }
}

/// An article counting its products goes on below the span with the next numbers, each item's
/// link under it; a list the page numbers from one under it (most read) does not follow the
/// article's last number and goes.
#[test]
fn the_articles_numbered_list_goes_on_below_the_span() {
    let items: String = (2..=7)
        .map(|n| format!("{n}) Brand {n} grease, 500 ml tin\nhttps://example.org/p/{n}\n\n"))
        .collect();
    let text = format!(
        "Home\nShop\nAbout us\nContact\n\n{P1}\n\n{P2}\n\n{P1}\n\n1) Brand 1 grease, 500 ml tin, which we liked best of all the greases we tried this year.\nhttps://example.org/p/1\n\n{items}Most read\n1) Ten ways to clean a chain\n2) The best bikes of the year\n3) Why tyres wear out\n\nPrivacy\nImprint\nJobs\n"
    );
    let gone = removed(&text, &[]);
    for n in 2..=7 {
        let item = format!("{n}) Brand {n} grease, 500 ml tin");
        assert!(!gone.contains(&item), "{item} removed: {gone:?}");
        let link = format!("https://example.org/p/{n}");
        assert!(!gone.contains(&link), "{link} removed: {gone:?}");
    }
    for line in [
        "2) The best bikes of the year",
        "3) Why tyres wear out",
        "Privacy",
    ] {
        assert!(gone.iter().any(|g| g == line), "{line} kept: {gone:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2048, ..Default::default() })]

    /// The guarded numbering test answers as the plain one.
    #[test]
    fn numbered_equals_numbering(text in r"([A-Za-zé]{1,9} ){0,3}[0-9]{1,4}[.):]? ?[A-Za-z ]{0,12}|.{0,30}") {
        proptest::prop_assert_eq!(numbered(&text), numbering(&text), "{:?}", text);
    }
}

/// `fact_rows` as first written, every line read: the block skip must mark the same rows.
fn fact_rows_plain(lines: &[Line<'_>], claimed: &[Option<Claim>], continues: &mut [bool]) {
    let row = |i: usize| {
        claimed[i].is_none() && (label_row(lines[i].text) || schedule_row(lines[i].text))
    };
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        while i < lines.len() && !lines[i].text.is_empty() && (row(i) || claimed[i].is_some()) {
            i += 1;
        }
        if i - start >= super::MIN_ROWS && (start..i).all(row) {
            for c in &mut continues[start..i] {
                *c = true;
            }
        }
        i = i.max(start + 1);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]
    #[test]
    fn fact_rows_skip_agrees(
        picks in proptest::collection::vec((0usize..4, proptest::bool::weighted(0.2)), 0..24),
    ) {
        let forms = ["", "Colour: green", "June 9 – Riverton, OH", "A sentence of the text."];
        let text: Vec<&str> = picks.iter().map(|&(k, _)| forms[k]).collect();
        let joined = text.join("\n");
        let ls = Line::split(&joined);
        let claimed: Vec<Option<Claim>> = (0..ls.len())
            .map(|i| picks.get(i).is_some_and(|p| p.1).then_some(Claim::Tags))
            .collect();
        let (mut a, mut b) = (vec![false; ls.len()], vec![false; ls.len()]);
        super::fact_rows(&ls, &claimed, &mut a);
        fact_rows_plain(&ls, &claimed, &mut b);
        proptest::prop_assert_eq!(a, b);
    }
}

/// [`schedule_row`] without its byte prefilter, for its property test.
fn schedule_row_plain(text: &str) -> bool {
    let day = |w: &str| {
        let w = w.trim_end_matches(['.', ',', ':']);
        (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let month = crate::boilerplate::meta::is_month;
    words.len() >= 3
        && words.len() <= 16
        && ((day(words[1]) && month(words[0])) || (day(words[0]) && month(words[1])))
        && !super::super::form::sentence_end(text)
}

proptest::proptest! {
    /// The prefilter never turns a schedule's row away (words split by spaces).
    #[test]
    fn schedule_row_is_the_plain_test(
        words in proptest::collection::vec(r"June|März|Sept\.|sentября|[0-9]{1,3}[.,:]?|[a-z]{1,6}|–|@", 0..10),
        lead in r" {0,2}",
    ) {
        let text = format!("{lead}{}", words.join(" "));
        proptest::prop_assert_eq!(schedule_row(&text), schedule_row_plain(&text), "{:?}", text);
    }
}
