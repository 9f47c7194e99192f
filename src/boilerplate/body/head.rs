//! The span's ends past a site's menus.
//!
//! A mega-menu whose sections carry a blurb each ("See what your medical symptoms could mean"
//! under a run of links), or a lone sentence over a long menu, reads as short paragraphs between
//! runs of short lines, as an article of short paragraphs with subheadings does: smoothed, the
//! menu's items take the class of the blurbs around them and the span starts at the first blurb.
//! Under the article, a grid of teasers (a headline and a blurb each) between the site's menus
//! reads the same, and the span ends at the last blurb.
//!
//! Policy:
//! - **Head** ([`past_menus`]): when the span, above its first good line, holds a run of
//!   [`MENU_RUN`] links or more, and the prose above the last such run is little beside the
//!   prose below it ([`BELOW_SHARE`]), the article starts after that run: the span starts
//!   [`HEAD_LINES`] non-blank lines above the first prose line under it (the headline, a byline,
//!   a table of contents stay in the span, where the holes take a menu's items as before), and
//!   no region of prose above the run joins the body again (`regions::join` looks below `floor`
//!   only).
//! - **Tail** ([`before_menus`]): when the span, under its last good line, holds such a run,
//!   and the prose from it on is little beside the prose above it, the span ends at the last
//!   prose line above the run. Bulleted lines are no links there: the article's closing lists
//!   are bulleted ("Pros" over its points). A run of [`DIRECTORY_LINKS`] links or more ends
//!   the span the same way wherever it lies in the span (a site's directory over its legal small
//!   print, whose paragraphs are good lines and make the directory's short lines between good
//!   ones body): WCXB +308, modern +127, fundus +12 boilerplate lines, 2 modern article lines
//!   (a drug table's cells, the gold labels its others boilerplate), no snippet lost.
//!
//! A fact box (an encyclopedia's infobox: "Capital Wellington", "• Total 268,021 km2") or a
//! recipe's ingredients ("50 g Butter") read as a run of short lines too; their figures tell
//! them apart: a run with more than [`MAX_DIGIT_LINES`] per cent of lines holding a digit is no
//! menu. Nor is a row of labels and values next to another ("Brakes: Hydraulic discs", a
//! review's fact box with few figures) a link; a lone one among links ("Share via: email") is.
//! (WCXB, unseen sites: 5 article snippets back, no other set changed.) Nor is a run a lead-in
//! opens ("These are the year's top trends:"): the article's list.
//!
//! Measured on the five labelled sets (boilerplate lines removed / article lines lost):
//! - head: modern +750 / 15 (a table of contents and headings over the article), fundus
//!   +165 / 1 (a headline above a share bar), readability +62 / 0, Zyte +15 / 0, dev 0;
//! - tail: fundus +343 / 0, modern +190 / 39 (link lists of resource pages the gold keeps),
//!   readability +16 / 9 (an encyclopedia's references), Zyte +9 / 0, dev 0.
//!
//! The trafilatura set's article snippets: none lost.
//!
//! - **Above the headline** ([`Body::above_headline`]): when the headline lies in the span
//!   below its first line, the lines of the span above it that are neither prose nor a
//!   sentence nor title-like (a mega menu's items, a kicker, a date, a label) are chrome; the
//!   prose, sentences and title-like lines there stay (a headline chosen too low, a subheading,
//!   has the article's top above it). Measured (session 21): fundus +106, modern +83,
//!   readability +35, dev +4, Zyte +2 boilerplate lines, no article line; with the sentences
//!   removed too, one article line lost (a sentence of names the model reads as no prose).

use super::edges::LEAD_IN_WORDS;
use super::form::{label_row, sentence_end, title_like};
use super::{Body, Class, Line, LENGTH_LOW};

/// The fewest non-blank lines of a run of links (short lines, neither prose nor a sentence)
/// that the span's ends are cut at.
const MENU_RUN: usize = 8;

/// The prose on the cut's far side may be at most 1/`BELOW_SHARE` of the prose on the article's.
const BELOW_SHARE: usize = 4;

/// Most lines of a menu's run, in per cent, that hold a digit.
const MAX_DIGIT_LINES: usize = 15;

/// How many non-blank lines above the first prose line after the cut stay in the span.
const HEAD_LINES: usize = 8;

/// The span `(s, e)` past the menus at its head (see the module doc), and the line above which
/// no region joins the body: `(start, floor)`; `(s, 0)` when nothing is cut.
pub(super) fn past_menus(
    lines: &[Line<'_>],
    free: &[Class],
    len: &[usize],
    sentences: &[bool],
    prose: &dyn Fn(usize) -> bool,
    (s, e): (usize, usize),
) -> (usize, usize) {
    let unchanged = (s, 0);
    let Some(good) = (s..=e).find(|&i| free[i] == Class::Good) else {
        return unchanged;
    };
    // (A row of a fact box, "Brakes: Hydraulic discs" with another row next to it, is no link:
    // a lone "Share via: email" among a page's links is one.)
    let row = |i: usize| lines.get(i).is_some_and(|l| label_row(l.text));
    let link = |i: usize| {
        !prose(i)
            && !sentences[i]
            && len[i] < LENGTH_LOW
            && !(row(i) && (i > 0 && row(i - 1) || row(i + 1)))
    };
    let Some(&(_, cut)) = menu_runs(lines, &link, s..good).last() else {
        return unchanged;
    };
    if weigh(prose, len, s, cut) * BELOW_SHARE > weigh(prose, len, cut, e + 1) {
        return unchanged;
    }
    let Some(first) = (cut..=e).find(|&i| prose(i)) else {
        return unchanged;
    };
    let start = (s..first)
        .rev()
        .filter(|&i| !lines[i].text.is_empty())
        .take(HEAD_LINES)
        .last()
        .unwrap_or(first);
    (start, cut + 1)
}

/// The span `(s, e)`'s end before the menus at its tail: the last prose line above the first
/// run of [`MENU_RUN`] links under the span's last good line, when the prose from that run on
/// is at most 1/[`BELOW_SHARE`] of the prose above it (a grid of teasers, each a headline and a
/// blurb, between the site's menus); failing that, the same for the first run of
/// [`DIRECTORY_LINKS`] links or more anywhere in the span (a site's directory); else `e`. A
/// bulleted line is no link here: the article's closing lists ("Pros" over its points, then
/// "Cons") are bulleted.
pub(super) fn before_menus(
    lines: &[Line<'_>],
    free: &[Class],
    len: &[usize],
    sentences: &[bool],
    prose: &dyn Fn(usize) -> bool,
    (s, e): (usize, usize),
) -> usize {
    let Some(good) = (s..=e).rev().find(|&i| free[i] == Class::Good) else {
        return e;
    };
    let link = |i: usize| {
        !prose(i)
            && !sentences[i]
            && len[i] < LENGTH_LOW
            && !lines[i].text.starts_with(['*', '+', '-', '\u{2022}'])
    };
    let cut = |first: usize| {
        (weigh(prose, len, first, e + 1) * BELOW_SHARE <= weigh(prose, len, s, first))
            .then(|| (s..first).rev().find(|&i| prose(i)).unwrap_or(e))
    };
    if let Some(&(first, _)) = menu_runs(lines, &link, good + 1..e + 1).first() {
        if let Some(end) = cut(first) {
            return end;
        }
    }
    // A directory of links (a site map, "<Town> Homes for Rent" a line) between the article and
    // the legal small print under it: the small print's paragraphs are good lines, and the
    // directory's short lines between two good ones read as body.
    menu_runs(lines, &link, s..e + 1)
        .into_iter()
        .filter(|&(a, b)| (a..=b).filter(|&i| link(i)).count() >= DIRECTORY_LINKS)
        .find_map(|(first, _)| cut(first))
        .unwrap_or(e)
}

/// Fewest links of a run that ends the span above good lines (a site's directory).
const DIRECTORY_LINKS: usize = 30;

/// The prose of lines `from..to`, in weighted characters.
fn weigh(prose: &dyn Fn(usize) -> bool, len: &[usize], from: usize, to: usize) -> usize {
    (from..to).filter(|&i| prose(i)).map(|i| len[i]).sum()
}

/// The runs of links among the lines `range` that are a menu's, as (first line, last line
/// while it was one): [`MENU_RUN`] links or more (blank lines between do not count), at most
/// [`MAX_DIGIT_LINES`] per cent of them with a digit, no lead-in over them.
fn menu_runs(
    lines: &[Line<'_>],
    link: &dyn Fn(usize) -> bool,
    range: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    // A list's lead-in ("These are the top trends of the year:") opens the article's own list.
    let lead_in = |i: usize| {
        let t = lines[i].text;
        t.ends_with(':') && t.split_whitespace().nth(LEAD_IN_WORDS - 1).is_some()
    };
    let digit = |i: usize| lines[i].text.bytes().any(|b| b.is_ascii_digit());
    let mut runs: Vec<(usize, usize)> = Vec::new();
    // The current run's first line, lines, lines with a digit, and whether a lead-in opens it.
    let (mut first, mut run, mut digits, mut listed) = (0, 0, 0, false);
    for i in range.filter(|&i| !lines[i].text.is_empty()) {
        if lead_in(i) {
            (run, digits, listed) = (0, 0, true);
            continue;
        }
        if !link(i) {
            (run, digits, listed) = (0, 0, false);
            continue;
        }
        if run == 0 {
            first = i;
        }
        run += 1;
        digits += usize::from(digit(i));
        if run >= MENU_RUN && !listed && digits * 100 <= MAX_DIGIT_LINES * run {
            match runs.last_mut() {
                Some(last) if last.0 == first => last.1 = i,
                _ => runs.push((first, i)),
            }
        }
    }
    runs
}

impl Body {
    /// The lines of the span above the headline `title` (when the headline lies in the span
    /// below its first line) that are chrome there: neither prose nor title-like (a menu's
    /// items, a teaser's kicker, a date, a label) nor a sentence. A page's chrome above the
    /// article joins the span when its blurbs read as prose (a mega menu's descriptions, teasers
    /// with standfirsts); the article starts at its headline. The prose, the sentences and the
    /// title-like lines stay: a headline chosen too low (a subheading) has the article's top
    /// above it.
    pub(crate) fn above_headline(&self, lines: &[Line<'_>], title: usize) -> Vec<usize> {
        let Some((start, end)) = self.span else {
            return Vec::new();
        };
        if !(start < title && title <= end) {
            return Vec::new();
        }
        (start..title)
            .filter(|&i| {
                let text = lines[i].text;
                !text.is_empty() && !self.prose(i) && !title_like(text) && !sentence_end(text)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    const P1: &str = "The government said on Monday that it would raise the minimum wage by ten percent next year, a move that the unions had demanded for months.";
    const P2: &str = "Opposition parties criticised the plan, saying that it came too late and that it would not be enough for the families who have been hit the hardest by the rise in prices.";
    const P3: &str = "The finance minister is expected to present the details of the budget to the parliament in the second week of the coming month, and a vote is planned for the spring.";

    fn analysed(text: &str) -> (Vec<Line<'_>>, Body) {
        let ls = Line::split(text);
        let claimed = vec![None; ls.len()];
        let lang = super::super::super::stopwords::identify(ls.iter().map(|l| l.text));
        let b = analyse(&ls, &claimed, lang);
        (ls, b)
    }

    fn menu(words: &[&str]) -> String {
        words.iter().map(|w| format!("{w}\n")).collect()
    }

    /// The article: long paragraphs (good lines) under its headline.
    fn article() -> String {
        format!("Wage rise announced for next year\n\n{P1} {P2}\n\n{P2} {P3}\n\n{P3} {P1}\n")
    }

    #[test]
    fn a_mega_menu_with_blurbs_stays_out_of_the_body() {
        let sections = [
            "Conditions",
            "Allergies",
            "Arthritis",
            "Cancer",
            "Diabetes",
            "Eye Health",
            "Heart Disease",
            "Sleep Disorders",
            "View All",
        ];
        let tools = [
            "Drugs",
            "Find a Drug",
            "Check Interactions",
            "Pill Identifier",
            "Drug Basics",
            "Vitamins",
            "Supplements",
            "Drug News",
            "View All",
        ];
        let text = format!(
            "Health Site\n\nFind out what your symptoms could mean and learn about the conditions that may be behind them.\n\n{}\nGet the facts on prescription drugs, the medicines you can buy over the counter and the vitamins.\n\n{}\n{}",
            menu(&sections),
            menu(&tools),
            article()
        );
        let (ls, b) = analysed(&text);
        let kept: Vec<&str> = (0..ls.len())
            .filter(|&i| !ls[i].text.is_empty() && b.inside(i))
            .map(|i| ls[i].text)
            .collect();
        assert!(
            !kept
                .iter()
                .any(|t| t.starts_with("Find out") || t.starts_with("Get the facts")),
            "the blurbs stay out: {kept:?}"
        );
        assert!(!kept.contains(&"Arthritis") && !kept.contains(&"Pill Identifier"));
        assert!(
            kept.iter()
                .filter(|t| t.starts_with("The ") || t.starts_with("Opp"))
                .count()
                == 3
        );
        let claimed = vec![None; ls.len()];
        let title = headline(&ls, &claimed, &b).map(|t| ls[t].text);
        assert_eq!(title, Some("Wage rise announced for next year"));
    }

    #[test]
    fn a_fact_box_with_figures_is_no_menu() {
        let rows = [
            "Capital Wellington",
            "Population 4,933,210",
            "Area 268,021 km2",
            "Currency Dollar",
            "Founded 1840",
            "Largest city Auckland",
            "Density 18.2/km2",
            "Time zone UTC+12",
            "Calling code +64",
            "Driving side left",
        ];
        let text = format!(
            "Home\nNews\nSport\n\nNew Zealand is an island country in the south of the Pacific Ocean, and it consists of two main islands and many smaller ones.\n\n{}\n{P1} {P2}\n\n{P2} {P3}\n",
            menu(&rows)
        );
        let (ls, b) = analysed(&text);
        let lead = ls
            .iter()
            .position(|l| l.text.starts_with("New Zealand"))
            .unwrap();
        assert!(b.inside(lead), "the lead over the fact box stays");
    }

    /// Rows of labels and values, few with a figure, under the review's opening and a heading:
    /// a fact box, no menu, so the opening stays; the same labels without their values are a
    /// menu, and the article starts under them.
    #[test]
    fn a_fact_box_of_labelled_rows_is_no_menu() {
        let rows = [
            "Frame: Steel, lugged",
            "Gears: Eleven, one chainring",
            "Brakes: Hydraulic discs",
            "Wheels: 28 inch",
            "Tyres: Wide, puncture-proof",
            "Saddle: Leather",
            "Lights: Dynamo front and rear",
            "Racks: Front and rear",
            "Colours: Green or grey",
            "Warranty: Lifetime on the frame",
        ];
        let opening = "The bicycle is the maker's first touring model, and we rode it for three weeks on gravel roads and mountain passes before writing this review.";
        for (labelled, want) in [(true, true), (false, false)] {
            let rows: Vec<&str> = rows
                .iter()
                .map(|r| {
                    if labelled {
                        r
                    } else {
                        r.split(':').next().unwrap()
                    }
                })
                .collect();
            let text = format!(
                "Home\nNews\nSport\n\n{opening}\n\nAt a glance\n\n{}\n{P1} {P2}\n\n{P2} {P3}\n\n{P3} {P1}\n",
                menu(&rows)
            );
            let (ls, b) = analysed(&text);
            let at = ls.iter().position(|l| l.text == opening).unwrap();
            assert_eq!(b.inside(at), want, "labelled rows: {labelled}");
        }
    }

    /// A site's directory of links under the article, its legal small print under that: the
    /// directory and the small print are outside the body. With as much article under the
    /// list as above it, the list is the article's and stays.
    #[test]
    fn a_directory_over_the_small_print_ends_the_span() {
        let towns = [
            "Ashford", "Barton", "Bexley", "Brampton", "Calder", "Clifton", "Dalby", "Denton",
            "Elmore", "Fairford", "Felton", "Garston", "Hadley", "Halton", "Ilford", "Kelso",
            "Kirkby", "Langley", "Linton", "Marden", "Milton", "Norton", "Oakley", "Padstow",
            "Preston", "Radley", "Ripley", "Selby", "Shipley", "Stanton", "Thorpe", "Upton",
            "Walton", "Weston", "Yarmouth",
        ];
        let directory: String = towns
            .iter()
            .map(|t| format!("{t} Homes for Rent\n"))
            .collect();
        let small_print = "All listings on this site are provided by third parties, and the company does not guarantee the accuracy of the prices, the sizes or the availability of any of the homes that are shown here, nor that they are still for rent when you call the agent about them.\n\nIf you are using a screen reader or if you have trouble reading this website, please call our support line, where one of our staff will help you with your search during business hours on every working day of the week, except on public holidays.\n";
        let closing = format!("{P1} {P2}\n\n{P2} {P3}\n\n{P3} {P1}\n");
        let rest = format!("{closing}\n{closing}\n{closing}");
        for (article_under, want_out) in [(false, true), (true, false)] {
            let under = if article_under {
                rest.as_str()
            } else {
                small_print
            };
            let text = format!(
                "Home\nNews\nSport\n\n{}\n{closing}\n{closing}\nHomes by town\n\n{directory}\n{under}",
                article()
            );
            let (ls, b) = analysed(&text);
            let at = |t: &str| ls.iter().position(|l| l.text == t).unwrap();
            let first_link = at("Ashford Homes for Rent");
            assert_eq!(
                !b.inside(first_link),
                want_out,
                "article under: {article_under}"
            );
            if !article_under {
                let fine = ls
                    .iter()
                    .position(|l| l.text.starts_with("All listings"))
                    .unwrap();
                assert!(!b.inside(fine), "the small print is outside");
            }
        }
    }

    #[test]
    fn an_article_begun_above_a_list_keeps_its_beginning() {
        let items = [
            "Eggs",
            "Flour",
            "Sugar",
            "Butter",
            "Milk",
            "Salt",
            "Vanilla",
            "Lemon zest",
            "Cream",
        ];
        let text = format!(
            "Home\nRecipes\n\n{P1}\n\n{P2}\n\n{P3}\n\n{}\n{P1} {P2}\n",
            menu(&items)
        );
        let (ls, b) = analysed(&text);
        let first = ls.iter().position(|l| l.text == P1).unwrap();
        assert!(
            b.inside(first),
            "most of the prose lies above the list: nothing is cut"
        );
        assert_eq!(b.span.map(|(s, _)| s), Some(first));
    }

    #[test]
    fn a_list_under_its_lead_in_is_the_articles() {
        let items = [
            "Demand is growing",
            "Wages are rising",
            "Green products win",
            "Software spreads",
            "Schedules get flexible",
            "Premium services sell",
            "Training matters",
            "Margins shrink",
            "Clients want apps",
            "Robots help out",
            "Prices stay high",
            "Teams grow",
            "Reviews count",
            "Fleets go electric",
        ];
        let text = format!(
            "Home\nNews\n\n{P1}\n\nThese are the top trends of the coming year:\n\n{}\n{}\n",
            items.join("\n\n"),
            article()
        );
        let (ls, b) = analysed(&text);
        let first = ls.iter().position(|l| l.text == P1).unwrap();
        assert!(b.inside(first), "the paragraph over the lead-in stays");
    }

    #[test]
    fn a_grid_of_teasers_under_the_article_stays_out() {
        let sections = [
            "World", "Politics", "Business", "Science", "Health", "Sport", "Culture", "Travel",
            "Opinion",
        ];
        let services = [
            "Newsletters",
            "Podcasts",
            "Puzzles",
            "Archive",
            "Jobs",
            "Events",
            "Shop",
            "Apps",
            "Contact",
        ];
        let text = format!(
            "Home\nNews\n\n{}\n{}\nThe council voted to close the old library after a debate that lasted for most of the night.\n\n{}",
            article(),
            menu(&sections),
            menu(&services)
        );
        let (ls, b) = analysed(&text);
        let teaser = ls
            .iter()
            .position(|l| l.text.starts_with("The council"))
            .unwrap();
        assert!(!b.inside(teaser), "the teaser between the menus stays out");
        let last = ls
            .iter()
            .rposition(|l| l.text.starts_with("The finance"))
            .unwrap();
        assert!(b.inside(last));
    }

    #[test]
    fn the_articles_bulleted_lists_under_it_stay() {
        let points = [
            "Pros",
            "* Strong cleaning",
            "* Quiet motor",
            "* Easy controls",
            "Cons",
            "* Slow cycles",
            "* Small basket",
            "* High price",
            "* Loud alarm",
        ];
        let text = format!(
            "Home\nNews\n\n{}\n{}\nOverall the machine is a good choice for families who wash a lot and want to save some time.\n",
            article(),
            menu(&points)
        );
        let (ls, b) = analysed(&text);
        let closing = ls
            .iter()
            .position(|l| l.text.starts_with("Overall"))
            .unwrap();
        assert!(
            b.inside(closing),
            "the closing paragraph under the lists stays"
        );
    }
}
