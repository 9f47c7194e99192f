//! The main-content model's tests: small pages, line labels in, removals out.

use super::*;

fn lines(text: &str) -> Vec<Line<'_>> {
    Line::split(text)
}

const P1: &str = "The government said on Monday that it would raise the minimum wage by ten percent next year, a move that unions had demanded for months.";
const P2: &str = "Opposition parties criticised the plan, saying that it came too late and that it would not be enough for the families who have been hit hardest.";
const P3: &str = "The finance minister is expected to present the details of the budget to the parliament in the second week of the coming month.";

#[test]
fn menus_outside_body_inside() {
    let text = format!(
        "Home\nNews\nSport\nWeather\n\nWage rise announced for next year\n\n{P1}\n\nA subheading\n\n{P2}\n\n{P3}\n\nMost popular\nCelebrity wedding photos from the weekend in the capital city\nAnother headline about a football match in the league\nContact us\nPrivacy"
    );
    let ls = lines(&text);
    let claimed = vec![None; ls.len()];
    let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    let (s, e) = b.span.unwrap();
    assert_eq!(ls[s].text, P1);
    assert_eq!(ls[e].text, P3);
    assert_eq!(
        b.class[s + 2],
        Class::Good,
        "a short line between body lines is body"
    );
    assert_eq!(headline(&ls, &claimed, &b), Some(5));
}

/// A short last paragraph under an insert ("Read also: <headline>", claimed) stays in the span,
/// and under an unclaimed line that is no prose (a row of figures, a name list) as well.
#[test]
fn a_last_paragraph_under_an_insert_stays() {
    let last = "The bill goes to the upper house in February, where the government holds a majority of six seats.";
    for (insert, claim) in [
        (
            "Read also: Bakers of the coast win the regional prize for the third year in a row",
            Some(Claim::RelatedList),
        ),
        (
            "Wage Bill 2026 / Minimum Wage (Amendment) Act / Labour Code Part IV / Sections 12-19 / Schedule 4",
            None,
        ),
    ] {
        let text = format!(
            "Wage rise announced for next year\n\n{P1}\n\n{P2}\n\n{P3}\n\n\
             {insert}\n\n{last}\n\nShare\nTweet\nEmail\n"
        );
        let ls = lines(&text);
        let mut claimed = vec![None; ls.len()];
        let at = ls.iter().position(|l| l.text == insert).unwrap();
        claimed[at] = claim;
        for i in (0..ls.len()).filter(|&i| matches!(ls[i].text, "Share" | "Tweet" | "Email")) {
            claimed[i] = Some(Claim::Prompt);
        }
        let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
        let b = analyse(&ls, &claimed, lang);
        let at = ls.iter().position(|l| l.text == last).unwrap();
        assert!(b.inside(at), "{insert}: {:?}", b.span);
    }
}

#[test]
fn no_prose_no_span() {
    let ls = lines("Home\nNews\nSport");
    let b = analyse(&ls, &[None, None, None], DocLang::Listed(0));
    assert_eq!(b.span, None);
    assert_eq!(headline(&ls, &[None, None, None], &b), None);
}

#[test]
fn menu_runs_inside_the_span_go_code_and_figures_stay() {
    let text = format!(
        "{P1}\n\nShare\nTweet\nEmail\n\n{P2}\n\nfn main() {{\nlet x = 1;\n}}\n\nGoals 3\nPoints 12\nWins 4\n\n{P3}"
    );
    assert_eq!(gone(&text), ["Share", "Tweet", "Email"]);
}

/// Between the paragraphs, the lines of `keep` stay in the body and those of `hole` go.
fn assert_hole(keep: &str, hole: &str) {
    let text = format!("{P1}\n\n{keep}\n\n{P2}\n\n{hole}\n\n{P3}");
    assert_eq!(gone(&text), hole.lines().collect::<Vec<_>>());
}

/// A nested menu as a converter prints it ("o" for the third level's bullet) is a hole; a run
/// of lowercase cells is not.
#[test]
fn a_nested_menu_between_paragraphs_goes() {
    assert_hole(
        "kitchen\nbathroom\nhallway",
        "o Timetables\no Fares\no Stations",
    );
}

/// Entries that are no item by form between a menu's items are the menu's ("High (HD)" in a
/// player's quality menu); figures between paragraphs are not.
#[test]
fn short_lines_between_menu_items_go_with_them() {
    assert_hole(
        "Goals 3\nPoints 12\nWins 4",
        "Settings\nQuality\nAuto\nHigh (HD)\n75% (opaque)\nMedium\nLow\nBack",
    );
}

/// A run of items under a lead-in that is an item itself ("Rooms included:") is the article's
/// list; labels over single values ("Author:", a name, "Published:") are no lead-in.
#[test]
fn a_run_under_its_own_lead_in_stays() {
    assert_hole(
        "Rooms included:\nKitchen\nBathroom\nHallway\nBack porch",
        "Author:\nJane Roe\nPublished:\nSpring Issue\nShare",
    );
}

#[test]
fn a_page_of_short_lines_has_no_outside() {
    // Verse: no line is prose by itself; one sentence is not enough to judge the page by.
    let text = "Home\nPoems\n\nThe night is long and the road is cold\nand I have walked it since the fall\nI sing of what the winter told\n\nShe said that it was not at all and that she would go on with it for all of the years.\n\nand still the river runs to sea\nthe river never asks of me\n";
    let ls = lines(text);
    let claimed = vec![None; ls.len()];
    let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    assert!(b.span.is_some());
    assert!(b.weak);
    assert!((0..ls.len()).all(|i| b.inside(i)));
}

#[test]
fn headline_skips_dates_and_bullets() {
    let cases = [
        ("clock", "Updated Nov 19, 9:41 AM; Posted Nov 18", true),
        ("date", "18 November 2019", true),
        ("headline", "Wage rise announced for next year", false),
        ("year in headline", "The 2019 budget is cut again", false),
        ("both stamps", "Published: Monday 18 November 2019, 10:32 GMT | Updated: Monday 18 November 2019, 11:05 GMT", true),
        ("paragraph naming an hour", "The talks began at 10:30 on Monday and went on late into the night, officials said, with both sides claiming progress on the main points of the deal.", false),
    ];
    for (name, text, want) in cases {
        assert_eq!(dateish(text), want, "case {name}");
    }
    assert!(list_item("* Telegraph Sport"));
    assert!(list_item("+ How to bring sick people to a doctor"));
    assert!(!list_item("-5 degrees in Moscow"));
    assert!(!list_item("Wage rise announced"));
}

#[test]
fn title_like_cases() {
    let cases = [
        ("headline", "Wage rise announced for next year", true),
        ("question", "Will the wage rise come in time?", true),
        ("sentence", "The wage rise was announced today.", false),
        ("one word", "Weather", false),
        ("lowercase start", "skip to content now please", false),
        ("japanese", "東京都が新しい計画を発表", true),
    ];
    for (name, text, want) in cases {
        assert_eq!(title_like(text), want, "case {name}");
    }
}
/// The non-blank lines the model puts outside the body.
fn gone(text: &str) -> Vec<&str> {
    let ls = lines(text);
    let claimed = vec![None; ls.len()];
    let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    (0..ls.len())
        .filter(|&i| !ls[i].text.is_empty() && !b.inside(i))
        .map(|i| ls[i].text)
        .collect()
}

const P4: &str = "The talks are due to resume in the spring, when the two sides will meet again in the capital to discuss the remaining questions.";
const P5: &str = "Officials from both countries said that they were confident that an agreement could be reached before the end of the year.";

/// Article lists and text cut by a widget stay in the body; the menus around them go.
#[test]
fn the_article_keeps_its_lists_and_parts() {
    let cases: [(&str, String, &[&str]); 6] = [
        (
            "a bulleted list under a paragraph, some items dense in names",
            format!("Home\nNews\nSport\n\n{P1}\n\n{P2}\n\n{P3}\n\nHere are some steps the ministry recommends to households that want to save energy.\n\n\
                * Read the meter once a month and keep the bills\n\
                * Buy insulation, heat pumps, solar panels, batteries and smart meters for the house\n\
                * Compare tariffs, suppliers, discounts, vouchers and regional subsidies\n\
                * Ask the landlord about repairs to windows and doors\n\
                * Replace old fridges, freezers, dryers, boilers and halogen lamps\n\
                * Turn the heating down by one degree\n\nWhat comes next\n\n{P4}\n\nContact us"),
            &["Home", "News", "Sport", "Contact us"],
        ),
        (
            "a list introduced by a colon",
            format!("Home\nNews\nSport\n\n{P1}\n\nThe system consists of the following parts:\nFrontend\nTask Store\nQueue\nExecutor\n\n{P2}\n\n{P3}\n\nContact us"),
            &["Home", "News", "Sport", "Contact us"],
        ),
        (
            "lowercase table cells",
            format!("Home\nNews\nSport\n\n{P1}\n\nenqueued\nstarted\nclaimed\n\n{P2}\n\n{P3}\n\nContact us"),
            &["Home", "News", "Sport", "Contact us"],
        ),
        (
            "enumerations between paragraphs",
            format!("Home\nNews\nSport\n\n{P1}\n\nHere is what to know:\nPath A: Iceland, Bulgaria, Israel, Hungary, Romania and the Republic of Ireland\nPath B: Bosnia and Herzegovina, Slovakia, Republic of Ireland, Northern Ireland\nPath C: Scotland, Norway, Serbia, Bulgaria, Israel, Hungary, Romania, Kosovo\nPath D: Georgia, North Macedonia, Kosovo, Belarus, Montenegro, Andorra, Wales\n\n{P2}\n\n{P3}\n\n{P4}\n\nContact us"),
            &["Home", "News", "Sport", "Contact us"],
        ),
        (
            "a closing line without a full stop",
            format!("Home\nNews\nSport\n\n{P1}\n\n{P2}\n\n{P3}\n\nThe original story is based on a short story from the book of the same name by the author\n\nContact us\nPrivacy\nTerms"),
            &["Home", "News", "Sport", "Contact us", "Privacy", "Terms"],
        ),
        (
            "an article cut in two by a video player",
            format!(
                "Home\nNews\nSport\n\n{P1}\n\n{P2}\n\n{P3}\n\nPlay Video\nPlay\nMute\nCurrent Time 0:00\nDuration Time 0:00\nLoaded: 0%\nForeground --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Opaque\nBackground --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Transparent\nWindow --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Transparent\nFont Family Default Monospace Serif Proportional Serif Monospace Sans-Serif\nCaptions Off\nFullscreen\n\n{}\n\nContact us",
                [P4, P5, P2, P3, P1, P4, P5, P2, P3].join("\n\n")
            ),
            &["Home", "News", "Sport", "Contact us"],
        ),
    ];
    let mut failed = Vec::new();
    for (name, text, want) in cases {
        let got = gone(&text);
        if !want.iter().all(|w| got.contains(w)) {
            failed.push(format!("{name}: chrome kept: {got:?}"));
        }
        // (The video player's controls are the page's: they may go or stay.)
        let player = |g: &str| !g.ends_with('.') && g.chars().count() < 100;
        let lost: Vec<&&str> = got
            .iter()
            .filter(|g| !want.contains(g) && (!name.contains("video") || !player(g)))
            .collect();
        if !lost.is_empty() {
            failed.push(format!("{name}: article lines removed: {lost:?}"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn inner_sentence_cases() {
    let cases = [
        (
            "two sentences",
            "Stocks Fall. Why You Should Not Worry.",
            true,
        ),
        (
            "quoted",
            "Doubles down on 'Meth. We're on it.' They might be.",
            true,
        ),
        ("one sentence", "The photo was taken on Monday.", false),
        ("abbreviation", "Talks with the U.S. resume.", false),
    ];
    for (name, text, want) in cases {
        assert_eq!(inner_sentence(text), want, "case {name}");
    }
}

/// The non-blank lines the model puts outside the body, with the lines `claim` marks claimed
/// by a heuristic (those are the heuristic's to remove: not listed).
fn gone_claimed(text: &str, claim: impl Fn(&str) -> Option<Claim>) -> Vec<&str> {
    let ls = lines(text);
    let claimed: Vec<Option<Claim>> = ls.iter().map(|l| claim(l.text)).collect();
    let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    (0..ls.len())
        .filter(|&i| !ls[i].text.is_empty() && claimed[i].is_none() && !b.inside(i))
        .map(|i| ls[i].text)
        .collect()
}

/// A line outside the span goes only with evidence of chrome: the article's own short lines at
/// its edges stay, the menus beyond them go.
#[test]
fn the_span_edges_keep_the_article_short_lines() {
    let menu = "Home\nNews\nSport";
    let foot = "Contact us\nPrivacy\nTerms";
    let bullets = |t: &str| t.starts_with('\u{2022}').then_some(Claim::LinkList);
    let cases: [(&str, String, &[&str]); 6] = [
        (
            "a posting time under the last paragraph is the page's",
            format!("{menu}\n\n{P1}\n\n{P2}\n\n{P3}\n\nNov 19, 2019 at 6:46 pm\n\n{foot}"),
            &["Home", "News", "Sport", "Nov 19, 2019 at 6:46 pm", "Contact us", "Privacy", "Terms"],
        ),
        (
            "a subheading and a short paragraph after the span",
            format!("{menu}\n\n{P1}\n\n{P2}\n\n{P3}\n\nWhat the unions want next\n\nThey meet again in May.\n\n{foot}"),
            &["Home", "News", "Sport", "Contact us", "Privacy", "Terms"],
        ),
        (
            "a credit under the last paragraph",
            format!("{menu}\n\n{P1}\n\n{P2}\n\n{P3}\n\nReporting by Jane Roe and John Doe in Riverton\n\n{foot}"),
            &["Home", "News", "Sport", "Contact us", "Privacy", "Terms"],
        ),
        (
            "a standfirst without a full stop above the body",
            format!("{menu}\n\nUnions call the rise too little and too late\n\n{P1}\n\n{P2}\n\n{P3}\n\n{foot}"),
            &["Home", "News", "Sport", "Contact us", "Privacy", "Terms"],
        ),
        (
            "lists a lead-in introduces, items claimed",
            format!("{menu}\n\n{P1}\n\n{P2}\n\n{P3}\n\nThe north sends two delegates:\n\n\u{2022} Ann Lee (Riverton) \u{2022} Bob Fry (Lakeside)\n\nThe south sends three delegates:\n\n\u{2022} Cy Moss (Hilltop) \u{2022} Di Park (Bayview) \u{2022} Ed Long (Oakdale)\n\n{foot}"),
            &["Home", "News", "Sport", "Contact us", "Privacy", "Terms"],
        ),
        (
            "a list a converter printed without bullets, one block under its lead-in",
            format!("{menu}\n\n{P1}\n\n{P2}\n\n{P3}\n\nThe council agreed on four points in the end:\nBus fares stay the same next year\nThe old bridge gets a new deck in spring\nLibraries open on Sundays again\nParking near schools costs more at peak hours\n\n{foot}"),
            &["Home", "News", "Sport", "Contact us", "Privacy", "Terms"],
        ),
    ];
    let failed: Vec<String> = cases
        .iter()
        .filter_map(|(name, text, want)| {
            let got = gone_claimed(text, bullets);
            (got != *want).then(|| format!("{name}: {got:?}, want {want:?}"))
        })
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

/// Clean text (a news corpus: headline, dateline, paragraphs, a results table, no page chrome)
/// has nothing outside its body, however far a line is from the prose (the table's last rows); one menu more and the page around the article goes again.
#[test]
fn clean_text_keeps_every_line() {
    let article = format!(
        "Riverton mayor wins second term.\n\nRIVERTON 2001-05-14\n\n{P1}\n\n{P2}\n\n{P3}\n\nResults by district after the count:\n\nNorth 4,512 3,210\nSouth 2,908 3,377\nEast 1,870 1,202\nWest 3,115 2,650"
    );
    assert_eq!(gone(&article), Vec::<&str>::new());
    let page = format!("Home\nNews\nSport\nWeather\n\n{article}\n\nContact us\nPrivacy");
    let got = gone(&page);
    for chrome in ["Home", "News", "Sport", "Weather", "Contact us", "Privacy"] {
        assert!(got.contains(&chrome), "{chrome} kept: {got:?}");
    }
}

#[test]
fn sentence_end_cases() {
    let cases = [
        ("full stop", "The talks resume.", true),
        ("closing quote", "\"We will win.\"", true),
        (
            "tokenized closing quote",
            "It was agreed yesterday. \"",
            true,
        ),
        ("no stop", "Talks resume in May", false),
        ("quote without stop", "He said \"soon\"", false),
        (
            "emoji after the stop",
            "See you at the fair! \u{1F642}",
            true,
        ),
        (
            "emoji, quote",
            "\"We won.\u{201D} \u{1F44D}\u{1F3FD}\u{FE0F}",
            true,
        ),
        ("emoji without a stop", "Spring is here \u{1F337}", false),
        (
            "a credit in lenticular brackets",
            "港の新しい桟橋は来月から使われる。【港町・山田花子】",
            true,
        ),
        (
            "a credit in full-width parentheses",
            "渡船は毎日運航している。（共同）",
            true,
        ),
        ("footnote marks", "The ferry began in 1998.[12][13]", true),
        (
            "a footnote mark after a space",
            "The ferry began in 1998. [4]",
            true,
        ),
        (
            "footnote mark without a stop",
            "Ferry timetable [12]",
            false,
        ),
        ("a credit without a stop", "新しい桟橋【山田花子】", false),
        (
            "a link button",
            "Harbour Stud Res. 2007;31(9):703. [ CrossRef ]",
            false,
        ),
        (
            "a photo credit in parentheses",
            "The harbour at dawn. (Photo: Jane Roe)",
            false,
        ),
        ("an empty mark", "The ferry began in 1998.[]", false),
    ];
    for (name, text, want) in cases {
        assert_eq!(sentence_end(text), want, "case {name}");
    }
}

#[test]
fn bulleted_point_cases() {
    let cases = [
        (
            "a clause",
            "* Includes a timetable with sailings and fares",
            true,
        ),
        (
            "a bullet sign",
            "\u{2022} Lists the harbours the ferry calls at",
            true,
        ),
        ("a hyphen", "- Books a cabin for the night crossing", true),
        (
            "no bullet",
            "Includes a timetable with sailings and fares",
            false,
        ),
        ("four words", "* Books a night cabin", false),
        (
            "a name, title case",
            "* Harbour Office Opening Times And Fares",
            false,
        ),
        (
            "a lead-in",
            "* The ferry offers these cabins and seats:",
            false,
        ),
        (
            "lowercase first",
            "* includes a timetable with sailings and fares",
            false,
        ),
    ];
    for (name, text, want) in cases {
        assert_eq!(bulleted_point(text), want, "case {name}");
    }
}

const P6: &str = "The minister told reporters in the capital that the rise would be paid for by savings in the state's administration and by new taxes.";
const P7: &str = "Economists said that the plan was sound, although they warned that a weaker economy next year could leave a gap in the budget.";

/// A video player's controls: a block of chrome that costs the span more than a short lead
/// above it scores.
const PLAYER: &str = "Play Video\nPlay\nMute\nCurrent Time 0:00\nDuration Time 0:00\nLoaded: 0%\nForeground --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Opaque\nBackground --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Transparent\nWindow --- White Black Red Green Blue Yellow Magenta Cyan --- Opaque Semi-Transparent\nFont Family Default Monospace Serif Proportional Serif Monospace Sans-Serif\nCaptions Off\nFullscreen";

/// Regions of prose above the span: the article's beginning a widget cut off joins the body
/// (the widget stays out); a region far away does not, nor does prose under the span (a
/// newsletter blurb under an ad block, a comment thread).
#[test]
fn regions_above_the_span() {
    let body = [P3, P4, P5, P6, P7, P2, P3, P4, P5].join("\n\n");
    let menu = "Home\nNews\nSport\nWeather";
    let foot = "Contact us\nPrivacy\nTerms";
    let long_menu: String = ('A'..='Z').map(|c| format!("Topic {c}\n")).collect();
    // The heuristics' claims on the widgets' lines (share bars, ads, comment headers).
    let widgets = [
        "Share",
        "Tweet",
        "Email",
        "Print",
        "Advertisement",
        "Sponsored",
        "Promoted Stories",
        "Reply",
        "Report",
        "Like",
        "Jane Roe",
        "John Doe",
        "Comments (2)",
        "Leave a Reply",
        "Cancel reply",
        "Log in",
    ];
    let claim = |t: &str| {
        (widgets.contains(&t) || t.starts_with("Topic ") || dateish(t)).then_some(Claim::Prompt)
    };
    let cases: [(&str, String, &[&str], &[&str]); 4] = [
        (
            "a lead of two paragraphs above a video player",
            format!("{menu}\n\n{P1}\n\n{P2}\n\n{PLAYER}\n\n{body}\n\n{foot}"),
            &[P1, P2],
            &["Home", "News", "Play Video", "Mute", "Captions Off", "Contact us"],
        ),
        (
            "prose under an ad block stays out",
            format!("{menu}\n\n{body}\n\nAdvertisement\nSponsored\nPromoted Stories\n{PLAYER}\n\n{P6}\n\n{P7}\n\n{foot}"),
            &[],
            &[P6, P7, "Play Video", "Terms"],
        ),
        (
            "a blurb beyond a long menu stays out",
            format!("{P1}\n\n{P2}\n\n{long_menu}\n{body}\n\n{foot}"),
            &[],
            &[P1, P2],
        ),
        (
            "comments under dated headers stay out",
            format!("{menu}\n\n{body}\n\nShare\nTweet\nEmail\nPrint\n\nComments (2)\nLeave a Reply\nCancel reply\nLog in\n\nJane Roe\nNovember 19, 2019 at 6:34 am\n\n{P6}\n\n{P7}\n\nReply\nReport\nLike\n\nJohn Doe\nNovember 19, 2019 at 7:02 am\n\n{P1}\n\n{P2}\n\nReply\nReport\n\n{foot}"),
            &[],
            &[P6, P7, P1, P2],
        ),
    ];
    let mut failed = Vec::new();
    for (name, text, kept, removed) in &cases {
        let got = gone_claimed(text, claim);
        let lost: Vec<&&str> = kept.iter().filter(|k| got.contains(k)).collect();
        let stayed: Vec<&&str> = removed.iter().filter(|r| !got.contains(r)).collect();
        if !lost.is_empty() || !stayed.is_empty() {
            failed.push(format!("{name}: lost {lost:?}, kept {stayed:?}"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

/// The widget between the body and the lead joined above it is a gap: out of the body and
/// reported as `outside-body`, not as a run of menu items in the span.
#[test]
fn the_gap_under_a_joined_lead_is_outside_the_body() {
    let body = [P3, P4, P5, P6, P7, P2, P3, P4, P5].join("\n\n");
    let text = format!("Home\nNews\nSport\nWeather\n\n{P1}\n\n{P2}\n\n{PLAYER}\n\n{body}");
    let ls = lines(&text);
    let claimed = vec![None; ls.len()];
    let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    let at = |t: &str| ls.iter().position(|l| l.text == t).unwrap();
    for t in ["Play Video", "Mute", "Fullscreen"] {
        assert!(b.in_gap(at(t)) && !b.inside(at(t)), "{t} should be a gap");
    }
    for t in [P1, P2, P3] {
        assert!(!b.in_gap(at(t)) && b.inside(at(t)), "{t} should be body");
    }
    assert!(
        !b.in_gap(at("Home")),
        "a menu above the lead is outside the span, not a gap"
    );
}

/// Under the headline and over the body, a line of text without a full stop (a subtitle) is
/// the standfirst; a menu item, a name or a short label is not.
#[test]
fn standfirst_lines() {
    let text = format!(
        "Home\nNews\n\nWage rise announced\n\nUnions say the rise comes too late for the families\n\nBy Jane Roe\nPhoto: John Doe\n\n{P1}\n\n{P2}\n\n{P3}"
    );
    let ls = lines(&text);
    let claimed = vec![None; ls.len()];
    let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    let at = |t: &str| ls.iter().position(|l| l.text == t).unwrap();
    let cases = [
        (
            "subtitle",
            "Unions say the rise comes too late for the families",
            true,
        ),
        ("menu item", "Home", false),
        ("byline", "By Jane Roe", false),
        ("paragraph", P1, true),
    ];
    for (name, line, want) in cases {
        assert_eq!(b.standfirst(at(line)), want, "case {name}");
    }
}

/// [`measure`] as plainly written: every character looked at.
fn measure_plain(text: &str, lang: DocLang, words: (usize, usize)) -> (usize, usize, usize) {
    let (mut chars, mut cjk, mut kana, mut function) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if is_cjk(c) {
            cjk += 1;
            kana += usize::from(('\u{3040}'..='\u{309F}').contains(&c));
            function += usize::from(ZH_FUNCTION.contains(c));
        }
    }
    let len = chars - cjk + cjk * CJK_WEIGHT;
    if cjk * 2 > chars || lang == DocLang::Cjk && cjk > 0 {
        return (len, cjk, kana + 2 * function);
    }
    (len, words.0, words.1)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2048, ..Default::default() })]

    /// The ASCII and lead-byte fast paths of [`measure`] count as the plain scan does (lines
    /// of ASCII, Latin, Cyrillic, kana, Chinese and other characters with E3..EF lead bytes).
    #[test]
    fn measure_equals_the_plain_count(
        text in "\\PC{0,12}|[a-z .,0-9]{0,20}|[a-zéüßа-я .]{0,30}|[a-zぁ-ゟ的了是中国人\u{FF01}-\u{FF0F}\u{2000}-\u{2FFF}\u{E000}-\u{E0FF} ]{0,30}",
        cjk_doc in proptest::bool::ANY,
        words in (0usize..40, 0usize..40),
    ) {
        let lang = if cjk_doc { DocLang::Cjk } else { DocLang::Unknown };
        let c = measure(&text, lang, words);
        proptest::prop_assert_eq!((c.len, c.units, c.hits), measure_plain(&text, lang, words));
    }
}

proptest::proptest! {
    /// The eight-bytes-at-a-time count is the characters' count, and the lead-byte flag says
    /// whether a byte E3..E9 or EF is there, on texts long and short.
    #[test]
    fn count_chars_counts_the_characters(text in "(\\PC|[a-z ]{1,9}|[\u{E2}-\u{F0}]|[\u{3000}-\u{9FFF}\u{FF00}-\u{FFEF}])*") {
        let want = text.bytes().any(|b| (0xE3..=0xE9).contains(&b) || b == 0xEF);
        proptest::prop_assert_eq!(count_chars(text.as_bytes()), (text.chars().count(), want));
    }
}

/// [`title_like`]'s size as first written: every word and character of the line counted.
fn title_like_plain(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    let size_ok = if cjk * 2 > text.chars().count() {
        (6..=80).contains(&cjk)
    } else {
        (3..=30).contains(&words)
    };
    size_ok && form::title_shape(text)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2048, ..Default::default() })]

    /// The capped word count and the character count skipped without a CJK lead byte decide
    /// as the full counts do: on lines of 0 to 40 words of Latin, Cyrillic, kana and Chinese,
    /// around the 3 and 30 word and the half-CJK bounds.
    #[test]
    fn title_like_is_the_plain_test(
        words in proptest::collection::vec("[A-Za-z]{1,6}|[а-яА-Я]{1,4}|[ぁ-ゟ的了是中国人]{1,8}|\\PC{1,3}|[.:,|-]", 0..40),
        end in "|[.:;,|-]|[.] [A-Z]",
    ) {
        let text = format!("{}{end}", words.join(" "));
        proptest::prop_assert_eq!(title_like(&text), title_like_plain(&text), "{:?}", text);
    }
}

/// A page in a language without a stopword list (`DocLang::Unlisted`): its long lines are
/// judged by length alone, so its paragraphs make the span and its menu stays outside.
#[test]
fn unlisted_language_paragraphs_make_the_span() {
    let p = "Umndeni wakhe uthe bekunzima ukwamukela lesi sigameko esenzeke emzini wabo ngesonto \
        eledlule, kusho umkhulumeli wamaphoyisa ngoMsombuluko ekuseni.";
    let text =
        format!("Ekhaya\nIzindaba\nEzemidlalo\nIzinkulumo\n\n{p}\n\n{p}\n\n{p}\n\nXhumana nathi");
    let ls = lines(&text);
    let claimed = vec![None; ls.len()];
    let b = analyse(&ls, &claimed, DocLang::Unlisted);
    let (s, e) = b.span.expect("a span");
    assert_eq!((ls[s].text, ls[e].text), (p, p));
    assert!(!b.inside(0), "the menu is outside the body");
    // Without the length rule (no language: the core words of other lists count) no line is
    // prose.
    assert_eq!(analyse(&ls, &claimed, DocLang::Unknown).span, None);
}

/// A Chinese sentence counts the same function characters written in traditional characters
/// (Taiwan, Hong Kong) as in simplified ones.
#[test]
fn traditional_chinese_counts_as_simplified() {
    let simplified =
        "我们在这个城市里说了很多话，但是他们并不会把这些话从心里忘掉，因为这对我们很重要。";
    let traditional =
        "我們在這個城市裡說了很多話，但是他們並不會把這些話從心裡忘掉，因為這對我們很重要。";
    let s = measure(simplified, DocLang::Cjk, (0, 0));
    let t = measure(traditional, DocLang::Cjk, (0, 0));
    assert_eq!((t.units, t.hits), (s.units, s.hits));
    assert!(t.density() >= STOP_HIGH, "{}", t.density());
}

/// In a span that took in the page's chrome above the headline, the lines above the headline
/// that are neither prose nor a sentence nor title-like go; the others stay, and nothing goes
/// when the headline opens the span or lies outside it.
#[test]
fn chrome_above_a_headline_in_the_span() {
    let text = "Garden A-Z\nShow All\nFind the right plants for your garden, and learn how to keep them healthy all year.\nPlan Your Spring Garden\nPlant News\nThe ferry runs daily.\n12:30\nFerry timetable to change in spring\nBy Jane Roe\nThe ferry to the island runs twice a day in winter, and the harbour office sells tickets.";
    let ls = lines(text);
    let n = ls.len();
    // (The blurb and the body's paragraph read as prose; the rest does not.)
    let mut free = vec![Class::Short; n];
    free[2] = Class::Good;
    free[9] = Class::Good;
    let body = Body {
        span: Some((0, n - 1)),
        free: free.clone(),
        ..Body::default()
    };
    let gone: Vec<&str> = body
        .above_headline(&ls, 7)
        .into_iter()
        .map(|i| ls[i].text)
        .collect();
    assert_eq!(gone, ["Garden A-Z", "Show All", "Plant News", "12:30"]);
    assert!(
        body.above_headline(&ls, 0).is_empty(),
        "the headline opens the span"
    );
    let below = Body {
        span: Some((8, n - 1)),
        free,
        ..Body::default()
    };
    assert!(
        below.above_headline(&ls, 7).is_empty(),
        "the headline is over the span"
    );
}

/// A Japanese story's last paragraph, signed with its reporters' names in lenticular brackets
/// after its last sentence, stays in the span; the related headlines under it do not.
#[test]
fn a_signed_last_paragraph_stays() {
    let paragraphs = [
        "港町の市役所は十四日、新しい渡船の運航を来月から始めると発表した。市によると、渡船は朝と夕方に一日二回、島と港の間を結ぶ予定で、料金は大人三百円になるという。",
        "市長は記者会見で「島に住む人たちの生活を少しでも楽にしたい」と述べた。島では去年の台風で古い桟橋が壊れてから、住民は遠回りして本土に通っていた。",
        "一方で、漁業組合は新しい航路が漁場を通ることに懸念を示している。組合長は「話し合いを続けたい」と語った。",
        "一方で、カモメ丸は十三日、北部航路でエンジン故障により五時間止まったと発表した。島では約百人が待機中。【ミナト支局・ヤマダハナコ、ミサキ・カワサキタロウ】",
    ];
    let text = format!(
        "新しい渡船、来月から運航\n\n{}\n\n【関連記事】\n\n島の桟橋、台風で壊れる 住民に不安の声\n\n1時間前\n\n漁業組合が総会 新航路に反対意見も\n\n6時間前\n\n港町の市長選 現職が三選\n\n1日前",
        paragraphs.join("\n\n")
    );
    let ls = lines(&text);
    let claimed = vec![None; ls.len()];
    let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    let (s, e) = b.span.expect("a span");
    assert_eq!((ls[s].text, ls[e].text), (paragraphs[0], paragraphs[3]));
}

/// Bulleted points written as clauses without full stops, under subheadings below the last
/// paragraph, go on with the article; the menu under them does not.
#[test]
fn bulleted_points_under_the_span_stay() {
    let points = [
        "* Includes the sailing times of every ferry in winter",
        "* Shows the harbours where the night boat calls",
        "* Explains how the island buses meet the boats",
        "* Lists the cabins that can be booked on the crossing",
    ];
    let text = format!(
        "Ferry timetable to change in spring\n\n{P1}\n\n{P2}\n\n{P3}\n\nWhat the new timetable holds\n\n{}\n{}\n\nWhere to find it\n\n{}\n{}\n\nHome\nNews\nSport\nContact us\nPrivacy",
        points[0], points[1], points[2], points[3]
    );
    let ls = lines(&text);
    let claimed = vec![None; ls.len()];
    let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    for p in points {
        let i = ls.iter().position(|l| l.text == p).unwrap();
        assert!(b.inside(i), "{p}");
    }
    let home = ls.iter().position(|l| l.text == "Home").unwrap();
    assert!(!b.inside(home), "the menu stays out");
}

/// A list of points written as clauses without full stops ("* Lists the repairs with their
/// cost and the yard for each") between the article's parts is part of the text: it does not
/// cut the part under it off, even where a line that is no prose (a row of names) stands next
/// to it. A list of names as long (a menu) does.
#[test]
fn a_list_of_clauses_does_not_cut_the_article() {
    let points = [
        "* Lists the repairs with their cost and the yard for each",
        "* Names the crew that sails each boat in the winter",
        "* Gives the dates of the checks and who signs them off",
        "* Shows the fuel that each of the boats burns in a week",
        "* Keeps a log of the delays and the reasons given for them",
        "* Sets out the fares for the islands and the discounts",
    ];
    let menu = [
        "* Harbour Queen Ferries",
        "* Island Ferry Company",
        "* Northern Yard Services",
        "* Western Isles Service",
        "* Coast Guard Station",
        "* Harbour Master Office",
    ];
    let row = "Harbour Queen / Island Ferry / Northern Yard / Western Isles / Coast Guard / Harbour Master";
    let page = |list: &[&str]| {
        format!(
            "Home\nNews\nContact\n\n{P1}\n\n{P2}\n\n{P3}\n\n{row}\n\n{}\n\n{P4}\n\n{P5}\n",
            list.join("\n")
        )
    };
    let text = page(&points);
    assert_eq!(gone(&text), ["Home", "News", "Contact"]);
    let text = page(&menu);
    assert!(gone(&text).contains(&P5), "{:?}", gone(&text));
}
