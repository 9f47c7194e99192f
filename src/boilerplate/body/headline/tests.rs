//! The headline's tests: small pages, the headline line out.

use super::super::{analyse, Line};
use super::*;
use crate::boilerplate::meta::is_timestamp;
use crate::boilerplate::stopwords::identify;

const P1: &str = "The government said on Monday that it would raise the minimum wage by ten percent next year, a move that unions had demanded for months.";
const P2: &str = "Opposition parties criticised the plan, saying that it came too late and that it would not be enough for the families who have been hit hardest.";
const P3: &str = "The finance minister is expected to present the details of the budget to the parliament in the second week of the coming month.";
const P4: &str = "The talks are due to resume in the spring, when the two sides will meet again in the capital to discuss the remaining questions.";

const DE1: &str = "Viele Hausbesitzer wollen den Strom vom eigenen Dach auch am Abend nutzen, und deshalb steigt die Nachfrage nach Speichern seit dem letzten Jahr deutlich an.";
const DE2: &str = "Wer einen Speicher nachrüsten will, sollte sich vorher beraten lassen, denn nicht jede Anlage ist dafür geeignet und die Kosten sind noch immer hoch.";

/// The headline of `text`, lines starting with "By " claimed as bylines and timestamp lines
/// as timestamps (what the line heuristics would claim).
fn headline_of(text: &str) -> Option<&str> {
    let ls = Line::split(text);
    let claimed: Vec<Option<Claim>> = ls
        .iter()
        .map(|l| {
            if l.text.starts_with("By ") {
                Some(Claim::Byline)
            } else if is_timestamp(l.text) {
                Some(Claim::Timestamp)
            } else {
                None
            }
        })
        .collect();
    let lang = identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    headline(&ls, &claimed, &b).map(|i| ls[i].text)
}

/// Every case's headline is its wanted line (the failures listed together).
fn assert_headlines(cases: &[(&str, String, Option<&str>)]) {
    let failed: Vec<String> = cases
        .iter()
        .filter(|(_, text, want)| headline_of(text) != *want)
        .map(|(name, text, want)| format!("{name}: {:?}, want {want:?}", headline_of(text)))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn headline_cases() {
    let long = format!("{P1} {P2}");
    let menu = "Home\nNews\nSport\nMoney\nTravel\nPuzzles";
    let cases: Vec<(&str, String, Option<&str>)> = vec![
        (
            "byline two lines under the headline, page text above it",
            format!("We have detected that you are using an old browser. For the best experience here, please update it to a modern one.\n\nEconomy\n\nStock Falls After Earnings. Why You Should Not Worry.\n\nBy\nJane Roe\nUpdated Nov. 19, 2019 8:21 am ET / First Nov. 19, 2019 8:02 am ET\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Stock Falls After Earnings. Why You Should Not Worry."),
        ),
        (
            "headline after a menu, short paragraphs only",
            format!("Home\n\nAcme Media is a network of leading companies in the worlds of media, news, education and services.\n\n{menu}\n\nHunter falls ill after eating a rabbit in the hills near the capital\n\nJane Roe\n\n18 Nov 2019, 19:09\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P1}\n\n{P2}"),
            Some("Hunter falls ill after eating a rabbit in the hills near the capital"),
        ),
        (
            "an author's name under every teaser",
            format!("Phones Are Getting Bigger Again This Year\nAdam Clarkson Roe\n11/13/19 11:00AM\n\nTablet Bug Explained Briefly\nAdam Clarkson Roe\n11/12/19 4:40PM\n\nThe Future of Innovation Is Backwards\nAdam Clarkson Roe\nMonday 5:30PM\n\n{long}\n\n{P3}\n\n{long}"),
            Some("The Future of Innovation Is Backwards"),
        ),
        (
            "the author's name alone between the headline and the body",
            format!("{menu}\n\nFive Harbour Walks That Changed How I See the Coast\n\n* Jane Roe\n\n{P1}\n\n{P2}\n\n{P3}"),
            Some("Five Harbour Walks That Changed How I See the Coast"),
        ),
        (
            "a short headline of long words, right above the body",
            format!("Startseite\nWohnen\nGarten\n\nStromspeicher im Keller nachrüsten\n\n{DE1}\n\n{DE2}\n\n{DE1}"),
            Some("Stromspeicher im Keller nachrüsten"),
        ),
        (
            "capitalised names are not sized by their letters",
            format!("Startseite\nWohnen\nGarten\n\nMaximilian Oberhuber Chefkorrespondent\n\n{DE1}\n\n{DE2}\n\n{DE1}"),
            None,
        ),
        (
            "the value of a label is no headline",
            format!("Home\nMarkets\n\nAuthor:\nThe Morning Desk\nPublish date:\nNov 18, 2019\n\n{long}\n\n{P3}\n\n{long}"),
            None,
        ),
        (
            "a skip link is no headline",
            format!("Skip to main content and search\n\n{long}\n\n{P3}\n\n{long}"),
            None,
        ),
        (
            "the standfirst under the headline",
            format!("Opinion\n\nIs Football Violence a Crime?\n\nAssaults have led to lawsuits before. But a prosecutor would have difficulty proving a charge.\nBy Jane Roe\nNov. 18, 2019 7:04 pm ET\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Is Football Violence a Crime?"),
        ),
        (
            "the line under a breadcrumb",
            format!("Sports\nRunning\nSkipping\n\nHome » Interesting\n\nHow to make a character run faster (codes)\n\nThe running speed can be raised with codes\n\n{long}"),
            Some("How to make a character run faster (codes)"),
        ),
        (
            "a byline without a known month is no headline",
            format!("{menu}\n\nPosted on Oktober 27, 2015 by Admin\n\n{long}\n\n{P3}\n\n{long}"),
            None,
        ),
        (
            "two sentences, full stop",
            format!("Home\nNews\n\nStock Falls After Earnings. Why You Should Not Worry.\n\nBy Jane Roe\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Stock Falls After Earnings. Why You Should Not Worry."),
        ),
        (
            "one sentence is no headline",
            format!("Home\nNews\n\nThe photo was taken on Monday.\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a question a byline signs",
            format!("Home\nNews\n\nWhat do you buy for the person who already has all of the latest things in the house?\n\nBy Jane Roe\n\nShare\nTweet\nEmail\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("What do you buy for the person who already has all of the latest things in the house?"),
        ),
        (
            "a German byline with its date is no headline",
            format!("{menu}\n\nVeröffentlicht am 10. Februar 2019 von Heiko Roe\n\n{long}\n\n{P3}\n\n{long}"),
            None,
        ),
        (
            "a line with a full date is a teaser's date line",
            format!("{menu}\n\nAcme Magazin Redaktion 20. Juni 2019 Aktuell\n\n{long}\n\n{P3}\n\n{long}"),
            None,
        ),
        (
            "a headline naming a year stays",
            format!("{menu}\n\nWhat changes for taxpayers in 2023\n\n{long}\n\n{P3}\n\n{long}"),
            Some("What changes for taxpayers in 2023"),
        ),
        (
            "nothing ties a line to the article: a notice above a menu",
            format!("Follow us on the networks and get the news first every morning\n\n{menu}\n\n{long}\n\n{P3}\n\n{long}"),
            None,
        ),
        (
            "after the publisher's blurb and a menu",
            format!("Home\n\nAcme Media is a network of leading companies in the worlds of media, news, education and services.\n\nThe Daily\nThe Weekly\nThe Quiz\nBingo\nSavers\nGifts\n\nHunter falls ill after eating a rabbit in the hills\n\nBy Jane Roe\n\n{P3}\n\n{long}\n\n{P4}"),
            Some("Hunter falls ill after eating a rabbit in the hills"),
        ),
        (
            "a menu on one line over the dated headline, a tag line between",
            format!("{menu}\n\nNews Home Latest World Business Sport Culture Weather | Opinion Blogs\n\nTags: harbour, ferries, council\n\nFerry strike ends after three days\n\nPosted January 2, 2008 10:34:00\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry strike ends after three days"),
        ),
        (
            "a teaser over the dated headline, a credit between",
            format!("{menu}\n\nHarbour Council Votes On The New Winter Timetable For Ferries\n\nFile photo\n\nFerry strike ends after three days\n\nJanuary 2, 2008\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry strike ends after three days"),
        ),
        (
            "a widget's line with a bar over the dated headline, a tag line between",
            format!("{menu}\n\nNews feeds for your reader | What are these?\n\nTags: harbour, football\n\nHarbour club signs two new players\n\nJanuary 2, 2008\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Harbour club signs two new players"),
        ),
    ];
    assert_headlines(&cases);
}

/// Page chrome shaped like a headline next to the body: post links, credits, bar menus,
/// notices of several sentences; and the headline a breadcrumb ends with.
#[test]
fn chrome_form_cases() {
    let long = format!("{P1} {P2}");
    let menu = "Home\nNews\nSport\nMoney\nTravel\nPuzzles";
    let cases: Vec<(&str, String, Option<&str>)> = vec![
        (
            "a link to the older post is no headline",
            format!("{menu}\n\n\u{2190} Ferry services resume on the northern routes\n\nHarbour cranes stand idle over the holidays\n\nBy Jane Roe\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Harbour cranes stand idle over the holidays"),
        ),
        (
            "a link to the newer post alone: no headline",
            format!("{menu}\n\nFerry services resume on the northern routes \u{2192}\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a caption with its credit is no headline",
            format!("{menu}\n\nRescuers search the river bank near the old mill. Photo: Jane Roe\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a credit line over the headline",
            format!("{menu}\n\nText & Fotos: Jane Roe\n\nWinterhechte am grossen See fangen\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Winterhechte am grossen See fangen"),
        ),
        (
            "an article tool over the headline and its standfirst is no headline of a list",
            format!("{menu}\n\nE-mail this to a friend Printable version\n\nFerry strike ends after three days\n\nThe union and the council agreed on new shifts for the crews\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Ferry strike ends after three days"),
        ),
        (
            "a share bar of networks is no headline",
            format!("{menu}\n\nFacebook X LinkedIn Tumblr Pinterest WhatsApp Share via Email Print\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a menu between bars is no headline",
            format!("{menu}\n\nPolicy | Blog | Campaign | All clear?\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a notice of three questions is no headline",
            format!("{menu}\n\nNeed a login? Want to change your address? Forgot your password?\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a headline quoting two sentences stays",
            format!("{menu}\n\nCounty doubles down on \u{2018}Meth. We\u{2019}re on it.\u{2019} They just might be.\n\nBy Jane Roe\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("County doubles down on \u{2018}Meth. We\u{2019}re on it.\u{2019} They just might be."),
        ),
        (
            "a caption's figure label is no headline",
            format!("{menu}\n\nAbb.: Collage of the harbour and the old cranes\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a share bar is no headline",
            format!("{menu}\n\nTwitter Facebook LinkedIn Email Reddit Print\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a teaser's date joined to the next line is no headline",
            format!("{menu}\n\nJane Roe Politique 20 janvier 202020 janvier 2020 0 Comment\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a menu's item printed again is no copy of the headline",
            format!("Open the menu\n\nHistory & Family\nNews\nContact\n\nHistory & Family\n\nThe history of the old farm\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("The history of the old farm"),
        ),
        (
            "the headline a breadcrumb ends with, a search box between",
            format!("{menu}\n\nYou are here: Home \u{BB} Travel \u{BB} Journeys to the far north\nSearch for:\n\nJourneys to the far north\n\n[A] Planning a journey \u{2013} ideas and plans\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Journeys to the far north"),
        ),
    ];
    assert_headlines(&cases);
}

/// The page title on the first line (a page converted from HTML) and its copy by the body.
#[test]
fn page_title_copy_cases() {
    let long = format!("{P1} {P2}");
    let menu = "Home\nNews\nSport\nMoney\nTravel\nPuzzles";
    let cases: Vec<(&str, String, Option<&str>)> = vec![
        (
            "the headline side of the title, printed alone over the body",
            format!("Mayor opens the new bridge | Acme Daily\n\n{menu}\n\nMayor opens the new bridge\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Mayor opens the new bridge"),
        ),
        (
            "a two-word headline the layout alone would not take",
            format!("Tridents' challenge - Acme Daily\n\n{menu}\n\nTridents’ Challenge\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Tridents’ Challenge"),
        ),
        (
            "the copy, not a teaser nearer the body",
            format!("Mayor opens the new bridge | Acme Daily\n\n{menu}\n\nMayor opens the new bridge\n\nRead also: Council approves the budget for the year\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Mayor opens the new bridge"),
        ),
        (
            "the site's name is no headline",
            format!("Storms hit the coast | Acme Daily\n\nAcme Daily\n\n{menu}\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a long part after the separator: a site-first title",
            format!("Acme Daily - Storm damage on the coast is worse than feared\n\n{menu}\n\nStorm damage on the coast is worse than feared\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Storm damage on the coast is worse than feared"),
        ),
        (
            "a caption on the first line printed again is no headline",
            format!("the bridge at dawn (photo: Jane Roe)\n\n{menu}\n\nthe bridge at dawn (photo: Jane Roe)\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a one-word title printed right over the body",
            format!("Heatwaves\n\n{menu}\n\nHeatwaves\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Heatwaves"),
        ),
        (
            "the one-word headline side of the title, signed",
            format!("Unsatisfied | Acme Blog\n\n{menu}\n\nHome \u{BB} Unsatisfied\n\nUnsatisfied\n\n8 January 2020 by Jane Roe\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Unsatisfied"),
        ),
        (
            "a short title as the logo far over the body is the site's",
            format!("Acme Weekly\n\nAcme Weekly\n\n{menu}\nWeather\nCulture\nScience\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a copy late in the article quotes the title",
            format!("Why the bridge was late | Acme Daily\n\n{menu}\n\n{long}\n\n{P3}\n\n{P4}\n\n{long}\n\nWhy the bridge was late\n\n{P3}"),
            None,
        ),
        (
            "a first line of many parts is a menu, not a title",
            format!("Home | News | Sport | Money | Travel | Puzzles | Jobs | Mayor opens the new bridge | Contact\n\nAcme Daily\n\nMayor opens the new bridge today\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Mayor opens the new bridge today"),
        ),
        (
            "a headline before a right-pointing quotation mark",
            format!("Storms hit the northern coast \u{203A} Acme Daily\n\n{menu}\n\nStorms hit the northern coast\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Storms hit the northern coast"),
        ),
        (
            "a word after the headline in the title",
            format!("Lemon cake with fresh summer berries Recipe | Acme Kitchen\n\n{menu}\n\nLemon cake with fresh summer berries\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Lemon cake with fresh summer berries"),
        ),
        (
            "one word fewer than the title",
            format!("Mayor Jane Roe opens the new bridge | Acme Daily\n\n{menu}\n\nMayor Roe opens the new bridge\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Mayor Roe opens the new bridge"),
        ),
        (
            "a short headline after the site's domain",
            format!("acme.example - Bridge Phantom\n\n{menu}\n\nBridge Phantom\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Bridge Phantom"),
        ),
        (
            "a section between the site and the headline is no headline",
            format!("Acme Ministry - Rural Regions - Forum on rural development\n\n{menu}\n\nForum on rural development\n\nRural Regions\n\n{long}\n\n{P3}\n\n{P4}\n\n\u{A9} Acme Ministry 2024"),
            Some("Forum on rural development"),
        ),
        (
            "the title's start over its subtitle",
            format!("The bridge at last - How the city finally got its crossing over the river | Acme\n\n{menu}\n\nThe bridge at last\n\nHow the city finally got its crossing over the river\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("The bridge at last"),
        ),
        (
            "a section's name over the headline is no headline",
            format!("Opinion - Why the new bridge took so long | Acme\n\n{menu}\n\nOpinion\n\nWhy the new bridge took so long\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Why the new bridge took so long"),
        ),
        (
            "a breadcrumb ending in the headline gives way to the headline",
            format!("Home\n\n{menu}\n\nLemon cake with fresh berries\n\nHome \u{BB} Recipes \u{BB} Cakes \u{BB} Lemon cake with fresh berries\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Lemon cake with fresh berries"),
        ),
        (
            "a kicker joined to the headline gives way to the headline",
            format!("Olympic Games - Drinks reach the stadium by boat - Acme Trade\n\n{menu}\n\nDrinks reach the stadium by boat\n\nOlympic Games Drinks reach the stadium by boat\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Drinks reach the stadium by boat"),
        ),
        (
            "a line sharing no word with the page title is another line",
            format!("Mayor opens the new bridge | Acme Daily\n\n{menu}\n\nStorm warning issued for coastal towns\n\n{long}\n\n{P3}\n\n{P4}"),
            None,
        ),
        (
            "a line sharing no word with the page title, signed by a byline and a date",
            format!("Acme Daily News of Riverton Valley - Arts\n\n{menu}\n\nStorm warning issued for coastal towns\n\nBy Jane Roe\n\nJanuary 7, 2008\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Storm warning issued for coastal towns"),
        ),
        (
            "a page title of short parts (a site's name and a page type) names no headline",
            format!("The Acme Times - Article\n\n{menu}\n\nStorm warning issued for coastal towns\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Storm warning issued for coastal towns"),
        ),
        (
            "a first line with a full stop is a story's own line, not a page title",
            format!("Acme Corp - half-year forecast.\n\n{menu}\n\nStorm warning issued for coastal towns\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Storm warning issued for coastal towns"),
        ),
        (
            "without a page title the layout decides",
            format!("Home\n\n{menu}\n\nStorm warning issued for coastal towns\n\n{long}\n\n{P3}\n\n{P4}"),
            Some("Storm warning issued for coastal towns"),
        ),
        (
            "a copy under a notice the span took for the body's start",
            format!("Mayor opens the new bridge | Acme Daily\n\nThis site uses cookies to give you the best experience, and by reading on you agree to that.\n\n{menu}\n\nMayor opens the new bridge\n\n{long}\n\n{P3}\n\n{P4}\n\n{long}"),
            Some("Mayor opens the new bridge"),
        ),
    ];
    assert_headlines(&cases);
}

/// A first line of thousands of parts (a hostile or broken page) is no page title: its forms,
/// every run of parts, would be quadratic in them. A title of a few parts is.
#[test]
fn a_first_line_of_thousands_of_parts_is_no_title() {
    let long = format!("{P1} {P2}");
    let copy_of = |first: &str| {
        let text = format!(
            "{first}\n\nHome\nNews\nSport\n\nMayor opens the new bridge\n\n{long}\n\n{P3}\n\n{P4}"
        );
        let ls = Line::split(&text);
        let claimed = vec![None; ls.len()];
        let b = analyse(&ls, &claimed, identify(ls.iter().map(|l| l.text)));
        let (start, end) = b.span.expect("a body");
        let first = (start..=end).find(|&i| b.prose(i)).expect("prose");
        page_title_copy(&ls, &claimed, &b, first, end).map(|i| ls[i].text.to_string())
    };
    let parts = |n: usize| {
        let mut t = "Mayor opens the new bridge".to_string();
        for k in 0..n {
            t.push_str(&format!(" | Part{k}"));
        }
        t
    };
    assert_eq!(
        copy_of(&parts(3)).as_deref(),
        Some("Mayor opens the new bridge")
    );
    assert_eq!(copy_of(&parts(20_000)), None);
}

/// Whatever the page, the headline is never a date line, a skip link or a byline: the table
/// cases' pages, each with such lines put right above the body and as its first line.
#[test]
fn the_headline_is_never_a_date_skip_link_or_byline() {
    let long = format!("{P1} {P2}");
    let chrome = [
        "Skip to main content",
        "Posted on March 3, 2021 by Admin",
        "27.01.2022",
        "Veröffentlicht am 3. März 2021",
        // (Bylines by their form, whatever claimed them.)
        "Story by Jane Roe",
        "Von Erika Mustermann",
    ];
    for c in chrome {
        for first in [c, "Mayor opens the new bridge | Acme Daily", "Home"] {
            let page = format!("{first}\n\nHome\nNews\n\n{c}\n\n{long}\n\n{P3}\n\n{P4}");
            let got = headline_of(&page);
            assert!(got != Some(c), "{c:?} taken as the headline of {page:?}");
        }
    }
}

/// The first-byte search finds what a `memmem` searcher finds.
mod holds_plain {
    use super::super::holds;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn equals_memmem(hay in "[abé ]{0,24}", needle in "[abé ]{0,5}") {
            let want = memchr::memmem::Finder::new(&needle).find(hay.as_bytes()).is_some();
            prop_assert_eq!(holds(hay.as_bytes(), needle.as_bytes()), want);
        }
    }
}

mod ends_letters_plain {
    use super::super::ends_letters;
    use proptest::prelude::*;

    fn key(text: &str) -> Vec<char> {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    }

    proptest! {
        /// The streaming test equals collecting both keys and comparing their ends (with
        /// letters that lowercase to two characters: "İ").
        #[test]
        fn equals_the_collected_keys(
            whole in "[a-cA-CİßΣς0-9 ,.»-]{0,16}",
            text in "[a-cA-CİßΣς0-9 ,.»-]{0,16}",
        ) {
            let (w, t) = (key(&whole), key(&text));
            prop_assert_eq!(ends_letters(&w, &text), t.len() < w.len() && w.ends_with(&t));
        }
    }

    #[test]
    fn a_breadcrumb_ends_with_its_headline() {
        let whole = key("Home » Recipes » Lemon cake with berries");
        assert!(ends_letters(&whole, "Lemon cake with berries"));
        assert!(!ends_letters(&whole, "Lemon cake"));
        assert!(!ends_letters(
            &whole,
            "Home » Recipes » Lemon cake with berries"
        ));
    }
}

/// The first-byte guards never turn away a line their pattern matches.
mod start_guards {
    use super::*;
    use proptest::prelude::*;

    fn line() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            prop::sample::select(vec![
                "skip",
                "jump",
                "go",
                "move",
                "to",
                "the",
                "main",
                "content",
                "перейти",
                "к",
                "aller",
                "au",
                "contenu",
                "saltar",
                "ir",
                "al",
                "contenido",
                "springe",
                "zu",
                "posted",
                "published",
                "updated",
                "written",
                "submitted",
                "veröffentlicht",
                "publié",
                "mis",
                "à",
                "jour",
                "opublikowano",
                "on",
                "by",
                "am",
                "dnia",
                "\u{17F}kip",
                "s\u{212A}ip",
                "\u{130}r",
                "Ir",
                "Pos",
            ])
            .prop_map(String::from),
            "[a-zA-Z]{1,6}",
        ];
        (prop::collection::vec((word, any::<bool>()), 1..6)).prop_map(|ws| {
            let ws: Vec<String> = ws
                .into_iter()
                .map(|(w, up)| if up { w.to_uppercase() } else { w })
                .collect();
            ws.join(" ")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        #[test]
        fn guards_hold_for_every_match(text in line()) {
            prop_assert_eq!(skip_link(&text), SKIP.is_match(&text), "{:?}", text);
            prop_assert_eq!(byline(&text), BYLINE.is_match(&text), "{:?}", text);
        }
    }
}

#[test]
fn the_copy_next_to_the_body_is_the_headline() {
    // A player's title prints the headline first; the article's heading repeats it over the body.
    let text = format!("Home\nNews\nVideo\n\nMayor opens the new bridge over the river\n\nAudio\n12:30 min\n\nMayor opens the new bridge over the river\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P4}");
    let ls = Line::split(&text);
    let claimed = vec![None; ls.len()];
    let lang = identify(ls.iter().map(|l| l.text));
    let b = analyse(&ls, &claimed, lang);
    let copies: Vec<usize> = (0..ls.len())
        .filter(|&i| ls[i].text == "Mayor opens the new bridge over the river")
        .collect();
    assert_eq!(copies.len(), 2);
    assert_eq!(headline(&ls, &claimed, &b), Some(copies[1]));
}

#[test]
fn the_heading_under_a_kicker_wins_over_the_page_titles_copy() {
    // The page title's text (for search engines) over the article, a kicker, then the heading.
    let page = |under_title: &str, kicker: &str, heading: &str, signed: &str| {
        format!("Mayor opens the new bridge over the river early\n\nHome\nNews\nCity\n\nMayor opens the new bridge over the river early\n\n{kicker}\n\n{heading}\n\n{under_title}{signed}\n\n{DE1}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{P4}")
    };
    let heading = "Bridge opens: the mayor cuts the ribbon two months early";
    let copy = "Mayor opens the new bridge over the river early";
    let cases: Vec<(&str, String, Option<&str>)> = vec![
        (
            "a kicker, then the heading and a byline",
            page("", "City traffic", heading, "By Jane Roe"),
            Some(heading),
        ),
        (
            "no kicker: the line under the copy is a standfirst",
            page("", "", heading, "By Jane Roe"),
            Some(copy),
        ),
        (
            "a comment count is no kicker",
            page("", "New, 74 comments", heading, "By Jane Roe"),
            Some(copy),
        ),
        (
            "a sentence is no kicker",
            page("", "The city waited.", heading, "By Jane Roe"),
            Some(copy),
        ),
        (
            "a heading sharing no word with the copy is a caption or a teaser",
            page(
                "",
                "City traffic",
                "Workers paint lines across the deck at dawn",
                "By Jane Roe",
            ),
            Some(copy),
        ),
        (
            "nothing signs the heading",
            page("Share\nTweet\nEmail\n\n", "City traffic", heading, ""),
            Some(copy),
        ),
    ];
    assert_headlines(&cases);
}

mod matchers {
    //! The headline's patterns built as [`Matcher`]s answer as `regex::Regex` built from them.
    use super::*;
    use proptest::prelude::*;

    /// Lines drawn from `pattern` with its anchors and word boundaries left out (the generator
    /// takes none), near misses of those, and random Unicode.
    fn lines(pattern: &str) -> BoxedStrategy<String> {
        let body = pattern.replace("|^", "|").replace(r"\b", "");
        let body = body.strip_prefix('^').unwrap_or(&body);
        crate::boilerplate::lean::tests::lines(body)
    }

    /// Whether `matcher` and `regex::Regex` of `pattern` (case-insensitive) agree on `text`.
    fn agree(matcher: &Matcher, pattern: &str, text: &str) -> Result<(), TestCaseError> {
        let plain = regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .expect("pattern");
        prop_assert_eq!(
            matcher.is_match(text),
            plain.is_match(text),
            "{:?} on {:?}",
            pattern,
            text
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

        #[test]
        fn skip_is_the_regex(t in lines(SKIP_PAT)) {
            agree(&SKIP, SKIP_PAT, &t)?;
        }

        #[test]
        fn byline_is_the_regex(t in lines(BYLINE_PAT)) {
            agree(&BYLINE, BYLINE_PAT, &t)?;
        }

        #[test]
        fn dated_is_the_regex(t in lines(&dated_pattern())) {
            let dated = Matcher::new(&[&dated_pattern()], true);
            agree(&dated, &dated_pattern(), &t)?;
        }

        #[test]
        fn credit_is_the_regex(t in lines(CREDIT_PAT)) {
            let credit = Matcher::new(&[CREDIT_PAT], true);
            agree(&credit, CREDIT_PAT, &t)?;
        }
    }
}

#[test]
fn a_headline_over_its_standfirst_wins_over_it() {
    let long = format!("{P1} {P2}");
    let menu = "Home\nNews\nSport\nMoney\nTravel\nPuzzles";
    let cases: Vec<(&str, String, Option<&str>)> = vec![
        (
            "headline, standfirst, byline and date",
            format!("{menu}\n\nFerry company cuts winter crossings to the northern islands\n\nIslanders said the reduced timetable would leave them without a link to the mainland for days\n\nBy Jane Roe\n18 Nov 2019, 19:09\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry company cuts winter crossings to the northern islands"),
        ),
        (
            "headline and standfirst right over the body, no byline",
            format!("{menu}\n\nFerry company cuts winter crossings to the northern islands\n\nIslanders said the reduced timetable would leave them without a link to the mainland\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry company cuts winter crossings to the northern islands"),
        ),
        (
            "a question opens the headline",
            format!("{menu}\n\nLooking for a ferry this winter? Here are the crossings that still run\n\nIslanders said the reduced timetable would leave them without a link to the mainland\n\nBy Jane Roe\n18 Nov 2019, 19:09\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Looking for a ferry this winter? Here are the crossings that still run"),
        ),
        (
            "a caption between the byline and the body",
            format!("{menu}\n\nFerry company cuts winter crossings to the northern islands\n\nBy Jane Roe\n\nThe harbour of the northern island seen from the deck of a ferry at dawn\n\n18 Nov 2019, 19:09\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry company cuts winter crossings to the northern islands"),
        ),
        (
            "a kicker over the headline stays a kicker",
            format!("{menu}\n\nHarbour dispute\n\nFerry company cuts winter crossings to the northern islands\n\nBy Jane Roe\n18 Nov 2019, 19:09\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry company cuts winter crossings to the northern islands"),
        ),
        (
            "the page title with the site's name over the headline",
            format!("{menu}\n\nFerry company cuts winter crossings | The Harbour Gazette\n\nFerry company cuts winter crossings\n\nBy Jane Roe\n18 Nov 2019, 19:09\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry company cuts winter crossings"),
        ),
        (
            "a notice over the headline",
            format!("{menu}\n\nJavaScript is switched off in your browser. Switch it on for a better view of this page\n\nFerry company cuts winter crossings to the northern islands\n\nBy Jane Roe\n18 Nov 2019, 19:09\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry company cuts winter crossings to the northern islands"),
        ),
        (
            "a menu of capitalised words over the headline",
            format!("{menu}\n\nNews Features Travel Harbours Islands Ferries Weather\n\nFerry company cuts winter crossings to the northern islands\n\nBy Jane Roe\n18 Nov 2019, 19:09\n\n{long}\n\n{P3}\n\n{long}"),
            Some("Ferry company cuts winter crossings to the northern islands"),
        ),
    ];
    assert_headlines(&cases);
}

#[test]
fn the_rule_does_not_climb_into_a_list_of_teasers() {
    // Three headline-like lines in a row are a list of teasers: the pick does not move up from
    // the last one into it (without the third line it would).
    let long = format!("{P1} {P2}");
    let teasers = "Library opens a second reading room for the students\n\nNew bus line planned for the northern suburbs of the town\n\nMarket hall to close for two years of renovation work";
    let text = format!("Home\nNews\nSport\nMoney\nTravel\n\n{teasers}\n\n{long}\n\n{P3}\n\n{long}");
    assert_ne!(
        headline_of(&text),
        Some("New bus line planned for the northern suburbs of the town")
    );
    let two = text.replace(
        "Library opens a second reading room for the students\n\n",
        "",
    );
    assert_eq!(
        headline_of(&two),
        Some("New bus line planned for the northern suburbs of the town")
    );
}

#[test]
fn over_standfirst_cases() {
    let lower = "Islanders fear a winter without a link to the mainland";
    for upper in [
        "Ferry company cuts winter crossings to the islands",
        // An enumeration inside a sentence is no list of categories.
        "Ferry strike strands tourists, pupils, doctors on three islands",
    ] {
        assert!(over_standfirst(upper, lower), "{upper}");
    }
    for upper in [
        "Tags: ferries, harbours, islands, weather, winter timetable",
        "Harbour dispute",
        "Ferry company cuts winter crossings to the islands:",
        "News Features Travel Harbours Islands Ferries Weather",
        "Ferries, Harbours, Islands, Weather and the rest of it",
        "Read this first. Then the ferry timetable for the islands",
        "Finanzen Kredite Selbständige Business-Kreditkarte Geschäftskonto Sparen",
        "Islanders fear a winter without a link to the mainland | Gazette",
    ] {
        assert!(!over_standfirst(upper, lower), "{upper}");
    }
}
