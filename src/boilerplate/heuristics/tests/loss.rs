//! Article lines the list heuristics must leave (content lists, footnotes, tables, lead-ins,
//! datelines, table headings, sentences opening with a header word) and the chrome they must
//! find under the article (comment threads, cut-short teaser lists, lone related headers):
//! named cases of made-up text, one behaviour each.

use super::*;

/// Claims of `text` with every heuristic on, except those `off` switches off.
fn claims_with(text: &str, off: fn(&mut HeuristicOptions)) -> Vec<(String, Option<String>)> {
    let mut opts = HeuristicOptions::default();
    off(&mut opts);
    let lines = Line::split(text);
    let mut claimed: Vec<Option<Claim>> = vec![None; lines.len()];
    apply(&opts, &lines, DocLang::Unknown, &mut claimed);
    lines
        .iter()
        .zip(claimed)
        .filter(|(l, _)| !l.text.is_empty())
        .map(|(l, c)| {
            (
                l.text.to_string(),
                c.and_then(|c| c.builtin_name()).map(str::to_string),
            )
        })
        .collect()
}

/// The claim of `line` in `got`.
fn of<'a>(got: &'a [(String, Option<String>)], line: &str) -> Option<&'a str> {
    got.iter()
        .find(|(l, _)| l == line)
        .unwrap_or_else(|| panic!("line {line:?} not found"))
        .1
        .as_deref()
}

#[test]
fn content_lists_stay() {
    // (name, text, a line of the content that must stay)
    let cases = [
        (
            "steps under a lead-in are not prompts",
            format!("Ministers meet again as border talks resume\n\n{BODY}Here is the short version of how to sign up for the bundle:\n\nSign up for a basic account for five dollars a month\nSign up for the bundle with the same email as your account\n\n{BODY}"),
            "Sign up for the bundle with the same email as your account",
        ),
        (
            "a see-also list under a lead-in after the body",
            format!("Ministers meet again as border talks resume\n\n{BODY}{BODY}The following pages describe the same family of rules:\nBorder commission\nJoint delegation\nTalks of the spring\n"),
            "Joint delegation",
        ),
        (
            "a list of names on one line under a sentence-case lead-in",
            format!("Ministers meet again as border talks resume\n\n{BODY}Центральную Америку представляют три арбитра:\n\n• Иван Петров (Гватемала) • Пётр Иванов (Мексика) • Анна Смирнова (Ямайка)\n\n{BODY}"),
            "• Иван Петров (Гватемала) • Пётр Иванов (Мексика) • Анна Смирнова (Ямайка)",
        ),
        (
            "footnotes under a related header",
            format!("Ministers meet again as border talks resume\n\n{BODY}See also\nBorder commission\n^ Roe, Jane (2001). A history of the border. Northern Press. p. 12.\n^ Doe, John (2010). Talks and treaties. Western House.\n"),
            "^ Doe, John (2010). Talks and treaties. Western House.",
        ),
        (
            "rows of a table are no menu",
            format!("Ministers meet again as border talks resume\n\n{BODY}Team | Won | Lost\nNorth | 12 | 3\nSouth | 9 | 6\n{BODY}"),
            "North | 12 | 3",
        ),
        (
            "rows of two cells: three make a table",
            format!("Ministers meet again as border talks resume\n\n{BODY}Date | Kick-off\n14 Jan 2026 | 18:00\n21 Jan 2026 | 19:30\n{BODY}"),
            "21 Jan 2026 | 19:30",
        ),
    ];
    for (name, text, line) in cases {
        let got = claims(&text);
        assert_eq!(of(&got, line), None, "{name}: {got:?}");
        let off = claims_with(&text, |o| o.content_list = false);
        assert!(
            off.iter().any(|(_, c)| c.is_some()),
            "{name}: the switch content_list=false leaves some claim: {off:?}"
        );
    }
}

/// The dates and times heading the entries of a live blog or a diary are the article's; the
/// dates of a teaser list (a headline over each) and of a comment thread (a name over each) are
/// not given back.
#[test]
fn dates_heading_entries_stay_and_teasers_dates_go() {
    let ticker =
        "Flood on the Ilm: live\n\nThe river is still rising. We report as it happens.\n\n\
        14:35\nFirefighters closed the bridge at Lower Hill to all traffic.\n\n\
        13:50\nForty houses in Oldmead are being cleared. The school hall is a shelter.\n\n\
        12:20\nThe county declared a state of emergency.\n";
    let diary = "Diary of a first-time candidate\n\nJane Roe stood in the by-election. She kept a diary.\n\n\
        Monday 5 January\nPrinted 2,000 leaflets. The phone number on them is wrong.\n\n\
        Wednesday 7 January\nKnocked on 140 doors and was bitten by one dog.\n\n\
        Saturday 10 January\nA man said he would vote for me if I fixed his gate.\n";
    for (name, text, line) in [
        ("live blog", ticker, "13:50"),
        ("diary", diary, "Wednesday 7 January"),
    ] {
        let got = claims(text);
        assert_eq!(of(&got, line), None, "{name}: {got:?}");
        let off = claims_with(text, |o| o.content_list = false);
        assert_eq!(of(&off, line), Some("timestamp"), "{name}: {off:?}");
    }
    let teasers = format!(
        "{BODY}More news\n\nRiver crossing reopens after repairs to the old stone bridge\n2 hours ago\n\
         Engineers finished the work a week early, the county said.\n\n\
         Council votes to keep the library open on Sundays in winter\n3 hours ago\n\
         The decision follows a petition signed by 4,000 residents.\n\n\
         School hall becomes a shelter for the families of Oldmead\n5 hours ago\n\
         Volunteers brought blankets and hot food on Tuesday night.\n"
    );
    let got = claims(&teasers);
    assert_eq!(of(&got, "3 hours ago"), Some("timestamp"), "{got:?}");
}

/// An events calendar: each date over the event's name and place, then its description. The
/// dates, names and places are the article's; a teaser grid whose question headlines stand
/// over each date keeps its dates chrome.
#[test]
fn an_events_calendar_keeps_its_dates_names_and_places() {
    let events =
        "Harbour events this spring\n\nThe port hosts more events this year than ever before.\n\n\
        March 16, 2026\nHarbour Festival\nPortsmouth, United Kingdom\n\
        The festival brings the fishing fleet and the ferries together for three days of music.\n\n\
        March 23, 2026\nFerry Open Day\nSouthampton, United Kingdom\n\
        The crews show visitors around the new boats and explain how they are sailed.\n\n\
        April 7, 2026\nLifeboat Parade\nPlymouth, United Kingdom\n\
        Every lifeboat of the coast sails past the pier at noon, and the public can board them.\n";
    let got = claims(events);
    for line in [
        "March 23, 2026",
        "Ferry Open Day",
        "Southampton, United Kingdom",
    ] {
        assert_eq!(of(&got, line), None, "{line}: {got:?}");
    }
    let off = claims_with(events, |o| o.content_list = false);
    assert!(of(&off, "March 23, 2026").is_some(), "{off:?}");
    let grid = format!(
        "{BODY}Did the council close the old stone bridge for good?\nMarch 16, 2026\nFact check\n\
         A routine look at a claim shared online this week.\n\n\
         Was the ferry fare raised twice in one winter?\nMarch 23, 2026\nFact check\n\
         The fare rose once, in January, by four percent.\n\n\
         Did the harbour sell its lifeboat to a private buyer?\nApril 7, 2026\nFact check\n\
         The lifeboat was lent, not sold, for a summer.\n"
    );
    let got = claims(&grid);
    assert_eq!(of(&got, "March 23, 2026"), Some("timestamp"), "{got:?}");
}

#[test]
fn an_author_block_under_a_label_is_no_content_list() {
    // A label ending in ':' over a byline and its timestamps reads as a lead-in; its "list" is
    // the page's author block, which stays chrome. Without the byline it is a list again.
    let block = "By Jane Roe\nPublished May 25, 2026\nLast updated 6 hours ago\n4 minute read\n";
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}Author of the article:\n{block}\n{BODY}");
    let got = claims(&text);
    assert!(of(&got, "By Jane Roe").is_some(), "{got:?}");
    assert!(of(&got, "Published May 25, 2026").is_some(), "{got:?}");
    let steps =
        "Open the account page of the shop\nPublished May 25, 2026\nLast updated 6 hours ago\n";
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}Here is the short version of the timeline:\n{steps}\n{BODY}");
    let got = claims(&text);
    assert_eq!(of(&got, "Published May 25, 2026"), None, "{got:?}");
}

#[test]
fn short_lines_that_belong_to_the_text_are_no_section_labels() {
    let cases = [
        (
            "dateline under a headline ending in a full stop",
            "LONDON 2026-01-14",
        ),
        ("lead-in ending in a colon", "Scorers:"),
        ("a field and its number", "Attendance: 9,402"),
        ("heading of a table of figures", "EASTERN DIVISION"),
        ("a figure with its unit", "390 kcal"),
    ];
    let text = format!(
        "CRICKET - HOSTS TAKE OVER AT TOP AFTER WIN.\n\nLONDON 2026-01-14\n\n{BODY}\nEASTERN DIVISION\nW L PCT\nNORTH 74 59 .556\nSOUTH 70 63 .526\n\nScorers:\nNorth - Roe 23, Doe 45\n\nAttendance: 9,402\n\nNutrition\n\n390 kcal\n8 g protein\n"
    );
    let got = claims(&text);
    for (name, line) in cases {
        assert_eq!(of(&got, line), None, "{name}: {got:?}");
    }
    // A lone navigation word after the body still goes, and so do a form's two fields.
    let nav = format!(
        "Ministers meet again as border talks resume\n\n{BODY}\nNews\n\nE-mail:\nPassword:\n"
    );
    let got = claims(&nav);
    for line in ["News", "E-mail:", "Password:"] {
        assert_eq!(of(&got, line), Some("section-label"), "{line}: {got:?}");
    }
}

#[test]
fn header_words_opening_a_sentence_are_no_related_list() {
    let cases = [
        ("a longer word", "Popularity grew again"),
        (
            "a sentence after the word",
            "Latest figures show another small rise",
        ),
    ];
    for (name, line) in cases {
        let text = format!(
            "Ministers meet again as border talks resume\n\n{BODY}{line}\nMinistry figures\n{BODY}"
        );
        let got = claims(&text);
        assert_eq!(of(&got, line), None, "{name}: {got:?}");
    }
    // The header's word over a lowercase lead-in ending in a colon: the article's list.
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}Popular crossings this winter include:\n\nHarbour run\nIsland loop\nNorth channel\n\n{BODY}");
    let got = claims(&text);
    for line in ["Popular crossings this winter include:", "Island loop"] {
        assert_eq!(of(&got, line), None, "{line}: {got:?}");
    }
    // A short qualifier after the header is still a header, and a header of several words
    // before its colon too.
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}{BODY}Most read in world news\nHeadline one about the border\nHeadline two about the talks\n");
    assert_eq!(
        of(&claims(&text), "Most read in world news"),
        Some("related-list")
    );
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}{BODY}You may also be interested in these articles:\nHeadline one about the border\nHeadline two about the talks\n");
    assert_eq!(
        of(&claims(&text), "Headline one about the border"),
        Some("related-list")
    );
}

#[test]
fn heading_over_the_next_paragraph_ends_a_related_list() {
    let para = "The town was founded in the twelfth century on the old trade road, and it grew quickly as merchants from the north and the south settled there, built the market hall and paid for the walls that still stand.";
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}Related articles\nTalks resume at the border\nDelegates meet in the capital\nHistory of the town\n{para}\n");
    let got = claims(&text);
    assert_eq!(
        of(&got, "Delegates meet in the capital"),
        Some("related-list"),
        "{got:?}"
    );
    assert_eq!(of(&got, "History of the town"), None, "{got:?}");
}

#[test]
fn related_list_runs_through_cut_short_teasers() {
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}{BODY}Top stories in Nation\nFor the delegates, recent setbacks temper their long-term hopes …\nThe police said the incident at the border was a local matter ...\n");
    let got = claims(&text);
    assert_eq!(
        of(
            &got,
            "The police said the incident at the border was a local matter ..."
        ),
        Some("related-list"),
        "{got:?}"
    );
    // A lone "Trending" header, its list left empty by the converter, goes too.
    let lone = format!("Ministers meet again as border talks resume\n\n{BODY}Trending\n{BODY}");
    assert_eq!(of(&claims(&lone), "Trending"), Some("related-list"));
}

/// No line of `text` is claimed as a comment.
fn assert_no_comments(text: &str) {
    let got = claims(text);
    assert!(
        got.iter().all(|(_, c)| c.as_deref() != Some("comments")),
        "{got:?}"
    );
}

/// Makes a comment's header or date line from its number.
type LineOf = fn(usize) -> String;

/// The article, then four units: `line(k)`, `gap`, `unit` with its `{k}` replaced by `k`.
fn article_then(line: LineOf, gap: &str, unit: &str) -> String {
    let mut text = format!("Ministers meet again as border talks resume\n\n{BODY}{BODY}");
    for k in 1..=4 {
        text += &format!(
            "{}{gap}{}\n\n",
            line(k),
            unit.replace("{k}", &k.to_string())
        );
    }
    text
}

/// A comment thread of `n` comments, each opened by `header(k)` and dated by `date(k)`.
fn thread(n: usize, header: LineOf, date: LineOf) -> String {
    let mut s = String::from("12 comments\n\n");
    for k in 1..=n {
        s += &format!("{}\n{}\n\nI think the delegates will need another round of talks, comment {k}.\nRating: {k} Votes\n\n", header(k), date(k));
    }
    s
}

#[test]
fn comment_threads_under_the_article_go() {
    let cases: [(&str, LineOf, LineOf); 3] = [
        (
            "says header",
            |k| format!("{k}. reader{k} says:"),
            |k| format!("November {k}, 2025 at 6:3{k} am"),
        ),
        (
            "handle over a relative date",
            |k| format!("reader_{k}"),
            |k| format!("{k} days ago at 07:4{k} am"),
        ),
        (
            "name over a date",
            |k| format!("Jane Roe{k}"),
            |k| format!("March {k}, 2025"),
        ),
    ];
    for (name, header, date) in cases {
        let text = format!(
            "Ministers meet again as border talks resume\n\n{BODY}{BODY}{}",
            thread(4, header, date)
        );
        let got = claims(&text);
        for line in [
            header(1),
            date(2),
            "I think the delegates will need another round of talks, comment 3.".to_string(),
        ] {
            assert_eq!(of(&got, &line), Some("comments"), "{name}: {line}: {got:?}");
        }
        assert_eq!(
            of(&got, BODY.lines().next().unwrap()),
            None,
            "{name}: the body stays"
        );
        let off = claims_with(&text, |o| o.comments = false);
        assert_ne!(
            of(&off, &header(1)),
            Some("comments"),
            "{name}: switched off"
        );
    }
}

/// Comments signed under their text, "Posted by X on <date, time>" (a line the byline rule takes
/// too), make a thread; the article's own byline over its prose stays the byline.
#[test]
fn comments_signed_by_posted_by_lines() {
    let mut text = format!(
        "Ministers meet again as border talks resume\n\nPosted by Jane Roe on January 2, 2008 9:15 AM\n\n{BODY}{BODY}Comments\n\n"
    );
    for (k, name) in ["Anna", "Boris", "Carla", "Dmitri"].iter().enumerate() {
        text += &format!("I think the delegates will need another round of talks, comment {k}.\nPosted by {name} on January {k}, 2008 5:5{k} PM\nReport this comment\n\n");
    }
    let got = claims(&text);
    for line in [
        "Posted by Boris on January 1, 2008 5:51 PM",
        "I think the delegates will need another round of talks, comment 3.",
    ] {
        assert_eq!(of(&got, line), Some("comments"), "{line}: {got:?}");
    }
    assert_eq!(
        of(&got, "Posted by Jane Roe on January 2, 2008 9:15 AM"),
        Some("byline"),
        "{got:?}"
    );
    assert_eq!(
        of(&got, BODY.lines().next().unwrap()),
        None,
        "the body stays"
    );
}

/// A header that names and dates its comment on one line opens a comment too; a table's rows
/// of dates and figures do not.
#[test]
fn comment_headers_that_date_themselves() {
    let headers: [LineOf; 5] = [
        |k| format!("reader{k} \u{b7} March {k}, 2017 at 12:2{k} AM"),
        |k| format!("#{k} reader{k} \u{65bc} 2013/12/2{k} 10:2{k}"),
        |k| format!("Alan Doe{k} wrote on December {k}, 2020 at 3:5{k} am:"),
        // (The meridiem glued to the minutes.)
        |k| format!("{k}. Jo Roe{k} 3/1{k}/2021 at 10:3{k}pm"),
        // (A name, a mark and a date without a clock time.)
        |k| {
            format!(
                "{} | March {k}, 2017",
                ["Ann Lee", "Bo Chan", "Cy Dunn", "Di Ross"][k - 1]
            )
        },
    ];
    for header in headers {
        let text = article_then(
            header,
            "\n\n",
            "I think the delegates will need another round of talks, comment {k}.",
        );
        let got = claims(&text);
        assert_eq!(of(&got, &header(2)), Some("comments"), "{got:?}");
        assert_eq!(
            of(
                &got,
                "I think the delegates will need another round of talks, comment 3."
            ),
            Some("comments"),
            "{got:?}"
        );
        assert_eq!(
            of(&got, BODY.lines().next().unwrap()),
            None,
            "the body stays"
        );
    }
    // A table's rows of dates and figures, dated notes without a name, a stamp without a mark.
    let rows: [LineOf; 3] = [
        |k| format!("400 | 2020-08-0{k} 18:0{k}:00+00 | 24 | 6.8{k} | t"),
        |k| format!("Release notes, March {k}, 2017"),
        |k| format!("Posted on March {k}, 2017"),
    ];
    for row in rows {
        assert_no_comments(&article_then(
            row,
            "\n",
            "The request took longer than usual on day {k}.",
        ));
    }
}

/// Reviews signed by a first name and an initial ("Ann L.") under the article go as a thread;
/// the same entries under full names without dates stay.
#[test]
fn reviews_signed_with_an_initial_go() {
    let names = ["Ann L.", "Bo C.", "Mary Ann D.", "Di R."];
    let mut page = format!("Ministers meet again as border talks resume\n\n{BODY}{BODY}");
    let mut plain = page.clone();
    for (k, name) in names.iter().enumerate() {
        let review = format!("The guide was friendly and the boat left on time, visit {k}.");
        page += &format!("{name}\n\n{review}\n\n");
        plain += &format!("{}\n\n{review}\n\n", name.trim_end_matches('.'));
    }
    let got = claims(&page);
    assert_eq!(of(&got, "Bo C."), Some("comments"), "{got:?}");
    assert_eq!(
        of(
            &got,
            "The guide was friendly and the boat left on time, visit 2."
        ),
        Some("comments"),
        "{got:?}"
    );
    assert_eq!(of(&got, BODY.lines().next().unwrap()), None, "{got:?}");
    assert_no_comments(&plain);
}

/// The article under a byline with its date, other stories' author lines under it: the first
/// "comment" holds the page's prose, and the article stays. A thread's long first comment under
/// an article still goes.
#[test]
fn the_article_under_a_dated_byline_is_no_comment() {
    let intro = "The talks resume after a pause of three weeks in the capital.\n\nThe delegates will meet again on Monday in the old hotel.\n\nA fourth round is planned for the week after the holiday.\n\n";
    let mut page = format!("Ministers meet again as border talks resume\n\n{intro}Jane Roe\n19.10.2019, 23:38\n\n{BODY}{BODY}{BODY}");
    for k in 1..=3 {
        page += &format!("Harbour opens a new quay, part {k}\n\nThe quay will take the larger ferries from the spring.\n\nJohn Doe{k}\n1{k}.10.2019, 13:17\n\n");
    }
    let got = claims(&page);
    assert_eq!(of(&got, BODY.lines().next().unwrap()), None, "{got:?}");
    // Under an article, a long first comment.
    let long = format!("{BODY}{BODY}{BODY}");
    let mut thread = format!("Ministers meet again as border talks resume\n\n{BODY}{BODY}{BODY}{BODY}reader_1\n1 days ago\n\n{long}");
    for k in 2..=4 {
        thread += &format!("reader_{k}\n{k} days ago\n\nI think the delegates will need another round of talks, comment {k}.\n\n");
    }
    let got = claims(&thread);
    assert_eq!(of(&got, "reader_1"), Some("comments"), "{got:?}");
}

#[test]
fn live_blog_entries_and_short_threads_are_no_comments() {
    // A live blog: times over subheadings, the entries are the article.
    let mut live = format!("Ministers meet again as border talks resume\n\n{BODY}");
    for k in 1..=4 {
        live += &format!("Rubio in Antalya\n10:1{k}\nThe delegates arrived at the venue and talks began, entry {k}.\n\n");
    }
    assert_no_comments(&live);
    // Two comments are not yet a thread.
    let short = format!(
        "Ministers meet again as border talks resume\n\n{BODY}{BODY}{}",
        thread(2, |k| format!("reader_{k}"), |k| format!("{k} days ago"))
    );
    assert_no_comments(&short);
    // A thread with no article above it is not taken for one.
    let bare = thread(4, |k| format!("reader_{k}"), |k| format!("{k} days ago"));
    assert_no_comments(&bare);
}

#[test]
fn page_chrome_prompts() {
    for line in ["Advert", "This slideshow requires JavaScript."] {
        assert_eq!(
            claim_of(&in_article(line), line).as_deref(),
            Some("prompt"),
            "{line}"
        );
    }
}

#[test]
fn a_related_list_ends_where_its_items_stop_being_dated() {
    // (name, text, a line of the list, a line after it that must stay)
    let cases = [
        (
            "empty widget over the article's own dateline and headline",
            "Related posts\n\nSun 12 Mar 2017 10:30\n\nA walk up to the maple camp\n\nThe road climbs past the old school and the river\n\nThe camp has a new wooden sign at its gate\n\nRed leaves lie all over the paths by noon\n",
            "A walk up to the maple camp",
            "The camp has a new wooden sign at its gate",
        ),
        (
            "dated headlines, then the article's short lines",
            "Related\nMarch 3, 2018\nTalks resume at the border\nMarch 2, 2018\nDelegates meet in the capital\nThe delegates stayed in the old hotel by the lake\nNobody came to the press room that night\n",
            "Delegates meet in the capital",
            "The delegates stayed in the old hotel by the lake",
        ),
        (
            "a headline first, closed by its date",
            "Latest news\nTalks resume at the border\n12:05 Mon 3 Mar 2018\nThe harbour opened its new quay this week\nBoats wait in a long row at the gate\n",
            "Talks resume at the border",
            "The harbour opened its new quay this week",
        ),
    ];
    for (name, text, item, kept) in cases {
        let got = claims(text);
        assert_eq!(of(&got, item), Some("related-list"), "{name}: {got:?}");
        assert_eq!(of(&got, kept), None, "{name}: {got:?}");
    }
    // An undated related list runs on over the same lines.
    let plain = "Related posts\nA walk up to the maple camp\nThe road climbs past the old school and the river\n";
    let got = claims(plain);
    assert_eq!(
        of(&got, "The road climbs past the old school and the river"),
        Some("related-list"),
        "{got:?}"
    );
}

#[test]
fn related_lists_end_where_the_article_starts() {
    let para = "The town was founded in the twelfth century on the old trade road, and it grew quickly as merchants from the north and the south settled there, built the market hall and paid for the walls that still stand.";
    // (name, text, a line of the list, a line of the article that must stay)
    let cases = [
        (
            "a byline with its article under it",
            format!("Up next:\n\nTalks resume at the border as delegates meet\n\nDelegates meet in the capital for a fourth round\n\nOne of the delegates did not hold back when asked about the talks\n\nby Jane Roe\n@janeroe\nNov 18, 2019 at 9:24 pm ET\n\n{BODY}"),
            "Talks resume at the border as delegates meet",
            "One of the delegates did not hold back when asked about the talks",
        ),
        (
            "a header with its one item glued, over a heading and its paragraph",
            format!("Ministers meet again as border talks resume\n\n{BODY}Read more: Delegates meet in the capital\n\nHistory of the town\n\n{para}\n"),
            "Read more: Delegates meet in the capital",
            "History of the town",
        ),
        (
            "a short first sentence with few stopwords, its paragraph under it",
            "Latest reviews\n\nA compact wagon gets a makeover\n\nThe family hatchback returns with more room\n\nHarbour wins the final 3-1 at home\n\nJane Roe, Sports Writer\n\nUpdated 9:24 pm, Tuesday, March 3, 2020\n\nRIVERTON (AP) — For Harbour, titles are no habit yet.\n\nThey won the cup once before, in a season nobody in the town has forgotten.\n".to_string(),
            "A compact wagon gets a makeover",
            "RIVERTON (AP) — For Harbour, titles are no habit yet.",
        ),
    ];
    for (name, text, item, kept) in cases {
        let got = claims(&text);
        assert_eq!(of(&got, item), Some("related-list"), "{name}: {got:?}");
        assert_eq!(of(&got, kept), None, "{name}: {got:?}");
    }
    // A teaser's sentence cut short stays an item, a paragraph under it or not.
    let teasers = "Latest reviews\n\nA compact wagon gets a makeover\n\nFans waited for hours at the gates to greet the team after the match...\n\nThe coach thanked the supporters who travelled with the team all season long.\n";
    let got = claims(teasers);
    assert_eq!(
        of(
            &got,
            "Fans waited for hours at the gates to greet the team after the match..."
        ),
        Some("related-list"),
        "{got:?}"
    );
    // Items with their authors, no article under them, stay one list.
    let authored = format!("Ministers meet again as border talks resume\n\n{BODY}{BODY}Related posts\nTalks resume at the border\nBy Jane Roe\nDelegates meet in the capital\nBy John Doe\n");
    let got = claims(&authored);
    assert_eq!(
        of(&got, "Delegates meet in the capital"),
        Some("related-list"),
        "{got:?}"
    );
}

#[test]
fn a_table_under_a_header_word_is_no_related_list() {
    let text = format!("Harbour group half-year forecast.\n\n{BODY}\nLATEST PREVIOUS ACTUAL\n\nFORECAST FORECAST YEAR-AGO\n\nSales 9.06 9.31 8.42\n\nCurrent 818 million 979 million 882 million\n\nNet 415 million 490 million 412 million\n");
    let got = claims(&text);
    for line in ["LATEST PREVIOUS ACTUAL", "Sales 9.06 9.31 8.42"] {
        assert_eq!(of(&got, line), None, "{line}: {got:?}");
    }
}

#[test]
fn headings_that_divide_the_articles_list_are_no_section_labels() {
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}Talks itinerary:\n\nJune\n\nJune 3-7 First round (at the old hotel)\n\nJune 28-30 Second round (three days)\n\nJuly\n\nJuly 3-7 Third round (at the harbour)\n\nJuly 12 Closing session\n");
    let got = claims(&text);
    assert_eq!(of(&got, "July"), None, "{got:?}");
    // A run of section words after the body still goes.
    let nav =
        format!("Ministers meet again as border talks resume\n\n{BODY}\nNews\nSport\nWeather\n");
    let got = claims(&nav);
    for line in ["News", "Sport", "Weather"] {
        assert_eq!(of(&got, line), Some("section-label"), "{line}: {got:?}");
    }
}

#[test]
fn a_quotes_attribution_between_paragraphs_is_no_byline() {
    let text = format!("Ministers meet again as border talks resume\n\n{BODY}\u{201C}We will come back to the table as many times as it takes to reach an agreement.\u{201D}\n\u{2014} Jane Roe\n{BODY}");
    assert_eq!(claim_of(&text, "\u{2014} Jane Roe"), None);
    // The outlet's sign-off closing the article goes.
    let end = format!("Ministers meet again as border talks resume\n\n{BODY}\u{2014} Reuters\n");
    assert_eq!(
        claim_of(&end, "\u{2014} Reuters").as_deref(),
        Some("byline")
    );
}
