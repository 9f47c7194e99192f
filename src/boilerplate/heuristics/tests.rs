//! Named table cases per heuristic: each positive must be claimed by that heuristic, each negative
//! must stay (unclaimed) when it sits in an article.

use super::*;

mod frame;
mod guarded;
mod loss;
mod phrases;
mod props;
mod related;
mod sections;

/// Runs every heuristic over `text` and returns each non-blank line with its claim's name.
/// Each non-blank line of `text` with whether the single pass `pass` claimed it as `claim`
/// (the table tests of one-pass modules: charts, described menus).
pub(super) fn claimed_by(
    text: &str,
    pass: fn(&features::Doc<'_, '_>, &mut [Option<Claim>]),
    claim: Claim,
) -> Vec<(String, bool)> {
    let lines = Line::split(text);
    let mut claimed = vec![None; lines.len()];
    let (doc, _) = features::Doc::read(&lines);
    pass(&doc, &mut claimed);
    lines
        .iter()
        .zip(claimed)
        .filter(|(l, _)| !l.text.is_empty())
        .map(|(l, c)| (l.text.to_string(), c == Some(claim)))
        .collect()
}

/// The non-blank lines of `text` that `pass` claims as `claim`.
pub(super) fn claimed_lines(
    text: &str,
    pass: fn(&features::Doc<'_, '_>, &mut [Option<Claim>]),
    claim: Claim,
) -> Vec<String> {
    claimed_by(text, pass, claim)
        .into_iter()
        .filter(|(_, c)| *c)
        .map(|(l, _)| l)
        .collect()
}

fn claims(text: &str) -> Vec<(String, Option<String>)> {
    let lines = Line::split(text);
    let mut claimed: Vec<Option<Claim>> = vec![None; lines.len()];
    apply(
        &HeuristicOptions::default(),
        &lines,
        DocLang::Unknown,
        &mut claimed,
    );
    lines
        .iter()
        .zip(claimed)
        .filter(|(l, _)| !l.text.is_empty())
        .map(|(l, c)| {
            let name = c.map(|c| c.builtin_name().expect("heuristics claim built-in names"));
            (l.text.to_string(), name.map(str::to_string))
        })
        .collect()
}

const BODY: &str = "The ministry said on Monday that the talks would continue next week in the capital.\n\
The two delegations have met four times since the spring, according to officials familiar with the process.\n";

/// `line` placed after a headline and a body paragraph, followed by more body.
fn in_article(line: &str) -> String {
    format!("Ministers meet again as border talks resume\n\n{BODY}{line}\n{BODY}")
}

fn claim_of(text: &str, line: &str) -> Option<String> {
    claims(text)
        .into_iter()
        .find(|(l, _)| l == line)
        .unwrap_or_else(|| panic!("line {line:?} not found"))
        .1
}

#[test]
fn one_line_heuristics_positive() {
    let cases = [
        (
            "byline in date",
            "By Jane Roe in Baku, July 2, 2025",
            "byline",
        ),
        ("byline caps", "By JANE DOE and AIDA MAMMADOVA", "byline"),
        (
            "three long names",
            "By JANE ANN DOE, MARY LOU ROE and JOHN PAUL SMITH",
            "byline",
        ),
        (
            "names over a desk",
            "By Jane Roe and John Doe / Daily Courier Staff Writers",
            "byline",
        ),
        ("author label", "Author: Ivan Petrov", "byline"),
        ("source label", "Source: Reuters, AFP", "byline"),
        (
            "source label of a chart",
            "Source: National Statistics Office of Georgia.",
            "byline",
        ),
        ("russian author", "Автор: Иван Петров", "byline"),
        ("german byline", "Von Jana Müller und Jörg Weiß", "byline"),
        ("french byline", "Par Claire Dupont", "byline"),
        ("spanish byline", "Por Ana Gómez", "byline"),
        ("german author label", "Autorin: Anna Müller", "byline"),
        ("german timestamp", "22.04.2024, 17:26 Uhr", "timestamp"),
        ("spanish relative", "hace 5 minutos", "timestamp"),
        (
            "reporting by",
            "(Reporting by Jane Roe; Editing by John Doe)",
            "byline",
        ),
        ("timestamp dmy", "14 Jan 2026", "timestamp"),
        ("timestamp dotted", "10.Jan.2026", "timestamp"),
        ("timestamp with time", "June 27, 2025 12:30", "timestamp"),
        (
            "dated parts between slashes",
            "Jan. 14, 2026 / 8:59 AM / Updated 2 hours ago",
            "timestamp",
        ),
        ("relative", "2 hours ago", "timestamp"),
        ("updated", "Updated: June 28, 2025", "timestamp"),
        ("photo prefix", "Photo: Reuters", "caption"),
        ("image credits", "Image Credits: Example Maps", "caption"),
        (
            "place label",
            "Pictured: The minister arrives in the capital on Monday.",
            "caption",
        ),
        (
            "place label lowercase",
            "above: the ferry at dawn",
            "caption",
        ),
        (
            "screen reader's caption label",
            "Image caption The ferry leaves the harbour at dawn",
            "caption",
        ),
        (
            "media caption label",
            "Media caption Who runs the harbour?",
            "caption",
        ),
        (
            "via pixabay",
            "Protesters in the square. / Giorgi Beridze via Pixabay",
            "caption",
        ),
        (
            "ap photo",
            "A man walks past the embassy on Tuesday. (AP Photo/Aziz Karimov)",
            "caption",
        ),
        ("photo by afp", "(Photo by Vano Shlamov/AFP)", "caption"),
        (
            "italian bracket credit",
            "L'ingresso del municipio di Riva. (Foto Marco Bianchi)",
            "caption",
        ),
        ("getty", "Getty Images", "caption"),
        (
            "ai image",
            "Photo: Created with the help of an AI tool",
            "caption",
        ),
        ("russian photo", "Фото: РИА Новости", "caption"),
        ("copyright sign", "© Reuters", "copyright"),
        (
            "all rights",
            "Copyright 2025 The Associated Press. All rights reserved.",
            "copyright",
        ),
        (
            "russian rights",
            "© 2026 ООО «Медиа». Все права защищены.",
            "copyright",
        ),
        (
            "read more glued headline",
            "Read more: Ministers to meet in Brussels next week",
            "related-list",
        ),
        ("read more alone", "Read more", "prompt"),
        (
            "read article glued headline",
            "Read article: Harbour club signs two new players",
            "prompt",
        ),
        ("ad break", "Story continues below advertisement", "prompt"),
        (
            "french ad break",
            "La suite après cette publicité",
            "prompt",
        ),
        (
            "portuguese ad break",
            "CONTINUA APÓS A PUBLICIDADE",
            "prompt",
        ),
        ("share", "Share this article", "prompt"),
        (
            "subscribe",
            "Subscribe to our newsletter for the latest updates.",
            "prompt",
        ),
        ("follow", "Follow us on Telegram", "prompt"),
        ("comments", "3 Comments", "prompt"),
        ("share count", "1,204 Shares", "prompt"),
        ("share count in thousands", "14K shares", "prompt"),
        (
            "comment count heading",
            "3 Responses to Spring Planting Notes",
            "comments",
        ),
        (
            "german comment count heading",
            "Ein Gedanke zu \u{201E}Folge 12: Ein Abend am See\u{201C}",
            "comments",
        ),
        ("share buttons", "Facebook Twitter WhatsApp Email", "prompt"),
        ("share counter", "Share 0", "prompt"),
        ("network counter", "Pinterest 1.2K", "prompt"),
        ("counter in brackets", "Tweet (12)", "prompt"),
        (
            "article tools",
            "E-mail this article | Print this page",
            "prompt",
        ),
        ("older networks", "Digg | Newsvine | StumbleUpon", "prompt"),
        (
            "printer friendly",
            "Email to a friend | Printer friendly version",
            "prompt",
        ),
        ("russian share", "Поделиться", "prompt"),
        (
            "share button label",
            "* Click to share on Facebook (Opens in new window)",
            "prompt",
        ),
        (
            "german share button",
            "Per WhatsApp teilen WhatsApp",
            "prompt",
        ),
        ("japanese share button", "Facebookでシェアする", "prompt"),
        ("japanese mail button", "メールでシェアする", "prompt"),
        ("japanese share on any service", "LINEで共有する", "prompt"),
        ("japanese print", "印刷する", "prompt"),
        ("japanese copy link", "リンクをコピーする", "prompt"),
        (
            "russian read also",
            "Читайте также: Кремль ответил Баку",
            "related-list",
        ),
        ("tags", "Tags: politics, caucasus, energy", "tags"),
        (
            "tags without a colon",
            "Tags Riverton Harbour Ferries",
            "tags",
        ),
        ("filed under", "Filed under ports, ferries, strikes", "tags"),
        ("hashtags", "#Azerbaijan #Russia #diplomacy", "tags"),
        (
            "link list",
            "About | Contact | Advertise | Privacy Policy",
            "link-list",
        ),
        ("breadcrumb", "Home > World > Europe", "link-list"),
        (
            "timestamp zone offset",
            "Published 11:42 PM GMT+4, August 8, 2025",
            "timestamp",
        ),
        ("lone dateline", "PARIS, March 30", "timestamp"),
        (
            "lone dateline agency",
            "YEREVAN, June 25 (Reuters)",
            "timestamp",
        ),
        ("reading time", "6 min read", "prompt"),
        ("reading time label", "Reading time: 4 minutes", "prompt"),
        ("reading time alone", "3 Min.", "prompt"),
        ("german reading time", "Lesezeit: 2 Min.", "prompt"),
        ("german reading time after", "3 Min Lesezeit", "prompt"),
        (
            "portuguese reading time",
            "Tempo de leitura: 2 minutos",
            "prompt",
        ),
        (
            "newsletter footer",
            "Forward this email to a friend. Unsubscribe | Manage preferences",
            "prompt",
        ),
        ("manage preferences", "Manage your preferences", "prompt"),
        ("call to action", "Get started for free", "prompt"),
        ("demo button", "Book a demo", "prompt"),
        ("post navigation", "Previous post", "prompt"),
        ("form field", "Email (required)", "prompt"),
        ("german login", "Jetzt anmelden", "prompt"),
        ("a widget's count", "87", "prompt"),
        (
            "comment form's sentence",
            "Save my name, email, and website in this browser for the next time I comment.",
            "prompt",
        ),
        ("video player's dialog", "This is a modal window.", "prompt"),
        (
            "video player's dialog start",
            "Beginning of dialog window. Escape will cancel and close the window.",
            "prompt",
        ),
        (
            "comment form's help",
            "* Lines and paragraphs break automatically.",
            "prompt",
        ),
        (
            "comment form's tags",
            "Allowed HTML tags: <em> <strong> <blockquote>",
            "prompt",
        ),
        (
            "form's confirmation",
            "Thank you! Your submission has been received and we will be in touch soon.",
            "prompt",
        ),
        (
            "form's error",
            "Oops! Something went wrong while submitting the form.",
            "prompt",
        ),
        (
            "german embed notice",
            "Empfohlener redaktioneller Inhalt",
            "prompt",
        ),
    ];
    for (name, line, want) in cases {
        let text = in_article(line);
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some(want),
            "case {name}: {line:?}"
        );
    }
    // A Japanese sentence that ends as a share button does ("sharing the news within a team")
    // names no service: no button.
    let line = "情報をチームで共有する";
    assert_eq!(claim_of(&in_article(line), line), None);
}

#[test]
fn article_lines_stay() {
    let cases = [
        ("byline-like sentence", "By escalating the diplomatic dispute over the deaths, Azerbaijan appears to be drawing a red line."),
        ("by monday sentence", "By Monday, the government had recalled its ambassador."),
        ("above all sentence", "Above all, the ministry wants the talks to go on."),
        ("by and sentence", "By Jane Roe and her friends on the island"),
        ("short quote", "\u{201C}We will not back down,\u{201D} he said."),
        ("short paragraph", "Short version: go."),
        ("roman heading", "I. Deaths in Detention Trigger Diplomatic Crisis"),
        ("numbered heading", "1. A History of Strained Relations"),
        ("heading with year", "2. The 2023 Plane Incident and Fallout"),
        ("conclusion", "Conclusion"),
        ("bullet", "- Walk the Old City early, before the tour groups arrive."),
        ("date in prose", "On June 27, 2025, police raided the office."),
        ("share prices", "Share prices fell sharply on Monday."),
        ("shares in prose", "2 million shares changed hands on Monday."),
        ("network's price", "Facebook $1.20"),
        ("on twitter in prose", "On Twitter, the minister denied it."),
        ("click to in prose", "Click to see the full list of winners"),
        ("comment in prose", "One comment on the plan came from the mayor."),
        ("photo in prose", "Photographs of the brothers were shown on state television."),
        ("caption word in prose", "Image captions were written by the agency's staff."),
        ("copyright in prose", "The court rejected the copyright claim in March."),
        ("follow in prose", "Follow-up talks are planned for July."),
        ("slash in prose", "The price rose to 5 / 6 of the original level."),
        ("russian prose", "МИД Азербайджана вызвал временного поверенного в делах России."),
        ("reported from in prose", "Frankel reported from Jerusalem last year that the talks had stalled."),
        ("bio-like sentence mid-body", "Aliyev is a former KGB officer's son."),
        ("bio-like with role mid-body", "Molly Ball is a senior political correspondent."),
        ("credit-like mid-body", "Frankel reported from Jerusalem."),
        ("reading in prose", "She took 6 min to read the statement aloud."),
        ("dateline opening a paragraph", "PARIS (Reuters) - Jordan Bardella said he would run."),
        ("pipe mid-body", "Yes | No"),
        ("german sentence opening with von", "Von Berlin aus fuhr der Zug weiter nach Prag."),
        ("french sentence opening with par", "Par ailleurs, le gouvernement a rappelé son ambassadeur."),
        ("german sentence with a time", "Vor 3 Stunden begann die Sitzung im Bundestag."),
        ("numbered item mark", "1."),
        ("a year alone", "2024"),
        ("photo word in a sentence", "Der Bürgermeister (Foto) eröffnete die Brücke am Montag."),
        ("transcript question", "REPORTER: Does it settle the dispute over the villages?"),
        ("transcript request", "Reporter: Tell us about the deal you signed."),
        ("source in a sentence", "Source: the ministry said on Monday that the talks had failed."),
        ("subheading opening with a tag word", "Categories of waste we collect"),
        ("tags in prose", "Tags and labels are sorted by hand"),
    ];
    for (name, line) in cases {
        let text = in_article(line);
        assert_eq!(claim_of(&text, line), None, "case {name}: {line:?}");
    }
}

#[test]
fn dated_headline_list_is_claimed_whole() {
    let text = format!(
        "Ministers meet again as border talks resume\n\n{BODY}\nLatest\nFirst Sidebar Story About Something Else\n10.Jan.2026\n\
         Second Sidebar Story: A Different Topic\n09.Jan.2026\nA third one, in sentence case with the usual words\n08.Jan.2026\n"
    );
    let got = claims(&text);
    for (line, c) in got.iter().skip(3) {
        assert!(c.is_some(), "line {line:?} should be claimed: {got:?}");
    }
    assert_eq!(got[0].1, None, "the headline stays");
}

#[test]
fn headline_with_two_timestamps_is_not_a_list() {
    let text = format!("Ministers meet again as border talks resume\nUpdated: June 28, 2025\nPublished: June 27, 2025\n\n{BODY}");
    let got = claims(&text);
    assert_eq!(got[0].1, None, "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("timestamp"), "{got:?}");
}

/// A name and a date on one line under the headline are a byline; the same under the article's
/// first paragraph, or a sentence naming a date there, stay.
#[test]
fn name_and_date_on_one_line_under_the_headline() {
    for line in [
        "Jane Roe | 4 March 2024 - 07:30 CET",
        "Jane Roe - Published 18 June 2024 at 15:45",
        "Redazione, 14 giugno 2024, 13:05",
    ] {
        let text = format!("Ministers meet again as border talks resume\n\n{line}\n\n{BODY}");
        assert_eq!(claim_of(&text, line).as_deref(), Some("byline"), "{line}");
        let below =
            format!("Ministers meet again as border talks resume\n\n{BODY}{line}\n\n{BODY}");
        assert_eq!(
            claim_of(&below, line),
            None,
            "under the first paragraph: {line}"
        );
    }
    // A fact box's line: the date first.
    let born = "Born: 2 May 1936, Riverton";
    let text = format!("Ministers meet again as border talks resume\n\n{born}\n\n{BODY}");
    assert_ne!(claim_of(&text, born).as_deref(), Some("byline"));
    // A teaser's section, date and headline on one line.
    let teaser = "News | 12.03.2024 Transport «The old bridge stays closed for two more weeks»";
    let text = format!("Ministers meet again as border talks resume\n\n{teaser}\n\n{BODY}");
    assert_ne!(claim_of(&text, teaser).as_deref(), Some("byline"));
    let sentence = "The talks resume on 4 March 2024, officials said.";
    let text = format!("Ministers meet again as border talks resume\n\n{sentence}\n\n{BODY}");
    assert_eq!(claim_of(&text, sentence), None);
}

#[test]
fn name_next_to_date_is_a_byline() {
    let cases = [
        (
            "author",
            "Ministers meet again as border talks resume\nJane Roe\n14 Jan 2026\n\n",
            "Jane Roe",
        ),
        (
            "domain",
            "Ministers meet again as border talks resume\n14 Jan 2026\nexample.az\n\n",
            "example.az",
        ),
    ];
    for (name, head, line) in cases {
        let text = format!("{head}{BODY}");
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some("byline"),
            "case {name}"
        );
    }
}

/// A byline and a date line split by bars ("By X | Special to Y" over "PUBLISHED: ... |
/// UPDATED: ...") are two lines of two cells, not a table the article holds.
#[test]
fn a_byline_over_a_date_line_with_bars_is_no_table() {
    for byline in [
        "By Jane Roe | Special to the Daily Courier",
        "By Jane Roe | jroe@courier.com",
    ] {
        let text = format!(
            "Ministers meet again as border talks resume\n{byline}\n\
             PUBLISHED: 14 Jan 2026 at 8:59 pm | UPDATED: 14 Jan 2026 at 10:16 pm\n\n{BODY}"
        );
        assert_eq!(claim_of(&text, byline).as_deref(), Some("byline"));
        assert_eq!(
            claim_of(
                &text,
                "PUBLISHED: 14 Jan 2026 at 8:59 pm | UPDATED: 14 Jan 2026 at 10:16 pm"
            )
            .as_deref(),
            Some("timestamp"),
            "under {byline:?}"
        );
    }
}

#[test]
fn section_labels_above_the_headline_and_after_the_body() {
    let text = format!("Article\nMinisters meet again as border talks resume\n\n{BODY}\nNews\n");
    assert_eq!(claim_of(&text, "Article").as_deref(), Some("section-label"));
    assert_eq!(claim_of(&text, "News").as_deref(), Some("section-label"));
    let heading =
        format!("Ministers meet again as border talks resume\n\n{BODY}Background\n{BODY}");
    assert_eq!(
        claim_of(&heading, "Background"),
        None,
        "a subheading inside the body stays"
    );
    let drop_cap = format!("Ministers meet again as border talks resume\n\nThe\n{BODY}");
    assert_eq!(
        claim_of(&drop_cap, "The"),
        None,
        "a glued drop-cap word stays"
    );
}

#[test]
fn repeated_headline_later_copies_go() {
    let text = format!("Ministers meet again as border talks resume\nMinisters meet again as border talks resume\n\n{BODY}");
    let got = claims(&text);
    assert_eq!(got[0].1, None, "the first copy stays");
    assert_eq!(got[1].1.as_deref(), Some("repeated-title"));
}

#[test]
fn the_heading_under_the_page_title_is_its_first_copy() {
    let heading = "Ferry service resumes across the harbour";
    let text = format!(
        "{heading} | Harbour Gazette\nHome\nWorld\nSport\n\n{heading}\n\n{BODY}\nMost read\n\
         Storm closes the coastal road for a second day\n{heading}\n"
    );
    let got = claims(&text);
    let at: Vec<usize> = (0..got.len()).filter(|&i| got[i].0 == heading).collect();
    assert_eq!(at.len(), 2, "{got:?}");
    assert_eq!(
        got[at[0]].1, None,
        "the heading over the body stays: {got:?}"
    );
    assert!(got[at[1]].1.is_some(), "the copy in the list goes: {got:?}");
    // Not a copy that heads no text: a teaser over the page's menu.
    let teaser = format!(
        "{heading} | Harbour Gazette\nHome\nWorld\n{heading}\nSport\nWeather\nTravel\nLocal\n\
         Business\nCulture\nOpinion\n\n{heading}\n\n{BODY}"
    );
    let got = claims(&teaser);
    let at: Vec<usize> = (0..got.len()).filter(|&i| got[i].0 == heading).collect();
    assert!(got[at[0]].1.is_some(), "{got:?}");
}

#[test]
fn related_list_stops_at_prose() {
    let text = format!(
        "Ministers meet again as border talks resume\n\n{BODY}Читайте также\nКремль прокомментировал ситуацию с задержанием журналистов в Баку\n\
         Another related headline here\n{BODY}"
    );
    let got = claims(&text);
    assert_eq!(
        claim_of(&text, "Читайте также").as_deref(),
        Some("related-list"),
        "{got:?}"
    );
    assert_eq!(
        claim_of(&text, "Another related headline here").as_deref(),
        Some("related-list")
    );
    assert_eq!(got.last().unwrap().1, None, "the body after the list stays");
}

#[test]
fn site_name_above_a_byline_is_not_the_headline() {
    let text = format!("Travel Notes from the Caucasus\nPosted by Sarah Miller on March 3, 2025\n\nThree Days in Baku: What I Learned\n\n{BODY}");
    assert_eq!(
        claim_of(&text, "Travel Notes from the Caucasus").as_deref(),
        Some("section-label")
    );
    assert_eq!(
        claim_of(&text, "Posted by Sarah Miller on March 3, 2025").as_deref(),
        Some("byline")
    );
    assert_eq!(claim_of(&text, "Three Days in Baku: What I Learned"), None);
}

#[test]
fn switched_off_heuristics_claim_nothing() {
    let opts = HeuristicOptions {
        timestamp: false,
        ..HeuristicOptions::default()
    };
    let text = in_article("14 Jan 2026");
    let lines = Line::split(&text);
    let mut claimed: Vec<Option<Claim>> = vec![None; lines.len()];
    apply(&opts, &lines, DocLang::Unknown, &mut claimed);
    assert!(!claimed.contains(&Some(Claim::Timestamp)), "{claimed:?}");
}

/// An article with a headline, a byline and `body`, ending with `tail`.
fn ending_with(body: &str, tail: &str) -> String {
    format!("Ministers meet again as border talks resume\nBy Jane Roe\n\n{BODY}{body}\n{tail}\n")
}

#[test]
fn credits_and_author_notes_at_the_end_go() {
    let cases = [
        ("credit", "Frankel reported from Jerusalem."),
        (
            "two credits",
            "Sultanova reported from Baku, Azerbaijan. Associated Press writer Lynn Berry contributed from Moscow.",
        ),
        (
            "contributed from",
            "Lynn Berry and Jim Heintz contributed from Moscow.",
        ),
        (
            "bio scholar",
            "Zaur Shiriyev is a non-resident scholar at the Carnegie Russia Eurasia Center.",
        ),
        (
            "the author was",
            "The author was a political officer at the U.S. Embassy in Kyiv from 2014 to 2017.",
        ),
        ("bio correspondent", "Molly Ball is a senior political correspondent."),
    ];
    for (name, line) in cases {
        let text = ending_with("The minister declined to comment on the talks.", line);
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some("author-note"),
            "case {name}: {line:?}"
        );
        assert_eq!(
            claim_of(&text, "The minister declined to comment on the talks."),
            None,
            "case {name}: the last body line stays"
        );
    }
    // Both a credit and a bio at the end, separated by a rule line.
    let text = ending_with(
        "Frankel reported from Jerusalem.\n---",
        "Jane Roe is a staff writer.",
    );
    assert_eq!(
        claim_of(&text, "Jane Roe is a staff writer.").as_deref(),
        Some("author-note")
    );
    assert_eq!(
        claim_of(&text, "Frankel reported from Jerusalem.").as_deref(),
        Some("author-note")
    );
}

#[test]
fn closing_sentences_about_the_story_stay() {
    let cases = [
        (
            "person of the story",
            "Aliyev met the envoy in Baku on Friday.",
            "Aliyev is a former intelligence officer.",
        ),
        (
            "reported from with more",
            "The talks ended on Friday.",
            "Frankel reported from Jerusalem last year that the talks had stalled.",
        ),
        (
            "no role",
            "The talks ended on Friday.",
            "Baku is a city of contrasts.",
        ),
    ];
    for (name, body, line) in cases {
        let text = ending_with(body, line);
        assert_eq!(claim_of(&text, line), None, "case {name}: {line:?}");
    }
}

#[test]
fn section_path_and_lone_dateline_above_the_body() {
    let text = format!(
        "Russian court jails lawyers who defended Navalny\n\nWorld | Europe\nMoscow, Jan 17\n\n{BODY}"
    );
    assert_eq!(
        claim_of(&text, "World | Europe").as_deref(),
        Some("section-label")
    );
    assert_eq!(
        claim_of(&text, "Moscow, Jan 17").as_deref(),
        Some("timestamp")
    );
    assert_eq!(
        claim_of(&text, "Russian court jails lawyers who defended Navalny"),
        None
    );
    let byline = format!(
        "Ministers meet again as border talks resume\nJane Roe | Reuters\n14 Jan 2026\n\n{BODY}"
    );
    assert_eq!(
        claim_of(&byline, "Jane Roe | Reuters").as_deref(),
        Some("byline"),
        "a name and an outlet next to a date is a byline"
    );
    let long_title = format!(
        "Weekend roundup: sanctions, stars and a marathon in Baku\n\nNewsletter | The Week in Europe\n\n{BODY}"
    );
    assert_eq!(
        claim_of(&long_title, "Newsletter | The Week in Europe").as_deref(),
        Some("section-label"),
        "under a headline that reads as prose"
    );
}

#[test]
fn sentence_case_headline_above_a_byline_stays() {
    let cases = [
        (
            "dateline under byline",
            "France's far right picks Bardella as Le Pen appeal looms\n\nBy Sylvie Corbet\nPARIS, March 30\n\n",
        ),
        (
            "deck under byline",
            "Armenia, Azerbaijan leaders sign peace framework at White House\nBy Jane Roe\nA deck line with more on the story\n\n",
        ),
    ];
    for (name, head) in cases {
        let text = format!("{head}{BODY}");
        let headline = head.lines().next().unwrap();
        assert_eq!(claim_of(&text, headline), None, "case {name}");
    }
}

#[test]
fn live_blog_subheading_under_a_time_stays() {
    let text =
        format!("Talks in Istanbul: live updates\n\n{BODY}\n13:20 GMT\nRubio in Antalya\n\n{BODY}");
    assert_eq!(claim_of(&text, "13:20 GMT").as_deref(), Some("timestamp"));
    assert_eq!(claim_of(&text, "Rubio in Antalya"), None);
}

/// A byline split over two lines goes, and the headline over its opener stays: the opener is
/// claimed after the names next to dates are, so the headline (under a menu, the page title
/// elsewhere) is no name next to a byline.
#[test]
fn a_split_byline_goes_and_the_headline_over_it_stays() {
    let text = format!(
        "Gardening\nSeed Catalogues\nTools for Beginners\nCommunity Allotments\nBrowse All Garden Guides\n\nFind a Course\n\nBest Evening Pottery Classes\n\nBy\nMarta Kowal\nUpdated on March 3, 2025\n\n{BODY}"
    );
    let got = claims(&text);
    let rule = |t: &str| got.iter().find(|(l, _)| l == t).unwrap().1.clone();
    assert_eq!(rule("Best Evening Pottery Classes"), None, "{got:?}");
    assert_eq!(rule("By").as_deref(), Some("byline"), "{got:?}");
    assert_eq!(rule("Marta Kowal").as_deref(), Some("byline"), "{got:?}");
}
