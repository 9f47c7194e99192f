//! Menus whose items each carry a line of description (`described_menu`): a site's mega-menu
//! ("Storage" over "Keep every file of your team in one place."), a grid of product or section
//! teasers, a footer's "Backups / Restore any file from the last thirty days.".
//!
//! Policy: decided from form alone. A described menu is a run of at least [`MIN_PAIRS`] pairs of
//! non-blank lines next to each other, each pair an item's name and its description:
//! - the name is menu-like: one to [`NAME_WORDS`] words, at most [`NAME_CHARS`] characters, no
//!   digit, no closing punctuation (`.`, `!`, `?`, `:`, `;`, `,`) and no closing bracket (a
//!   list of entries with their notes, "Ann Berg (Lund University)", alternates short and long
//!   items of one form: no menu's names over their descriptions);
//! - the description is a phrase or a short sentence: [`DESC_MIN_WORDS`] to [`DESC_MAX_WORDS`]
//!   words, at most [`DESC_CHARS`] characters, not menu-like itself, claimed by no other
//!   heuristic (a timestamp or a prompt under a menu item makes no pair) and no copy of the page
//!   title on the first line (the headline under a "Learn more");
//! - the names differ: at least three in four are distinct (a marker repeated between paragraphs,
//!   "Article content", is no menu).
//!
//! Measured before it was built, with the pairs' lines over every labelled set (about 1,000
//! lines no other layer removed): 790 boilerplate lines against 13 article lines (a list of
//! cities over their agencies' links, one headline). An article's glossary or list of features
//! has longer descriptions, or sentences under its names that run past the limits; a shorter run
//! of pairs (three) caught as many article lines as boilerplate ones on some sets, so it is left.
//! The items of a list under a lead-in are given back (`content_list`). A name closed by a
//! bracket was left out later (measured: 39 more boilerplate lines removed on fundus and modern,
//! where such names had paired the wrong lines, 1 article line back and 1 boilerplate line kept
//! on WCXB).
//!
//! Guard: a run that holds more than half of the document's sentences (lines of eight words or
//! more that end as sentences) is the article itself, an explainer of short paragraphs under
//! subheadings ("The raids" over "Police raided several homes on June 27."), not a menu beside
//! it. On the labelled sets no described menu holds that share (the largest holds far less).

use crate::boilerplate::claim::Claim;

use super::features::Doc;

/// Fewest name-and-description pairs of a described menu.
const MIN_PAIRS: usize = 4;
/// Most words of an item's name.
const NAME_WORDS: usize = 4;
/// Most characters of an item's name.
const NAME_CHARS: usize = 40;
/// Fewest words of a description.
const DESC_MIN_WORDS: usize = 3;
/// Most words of a description.
const DESC_MAX_WORDS: usize = 20;
/// Most characters of a description.
const DESC_CHARS: usize = 100;
/// Fewest words of a line the guard counts as a sentence (with a sentence's ending).
const SENTENCE_WORDS: usize = 8;

/// Claims the described menus' lines that no other heuristic claimed.
pub(super) fn described_menus(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    let nonblank = &doc.nonblank;
    // (Each line asked once whether it is a name; a line with more words than a name, by the
    // features' count of words with a letter or digit, is none without a look at its text.)
    let name: Vec<bool> = nonblank
        .iter()
        .map(|&i| doc.feats[i].words <= NAME_WORDS && menu_like(doc.text(i)))
        .collect();
    // The page title on the first line: a copy of it under a menu item is the headline.
    let title = nonblank.first().map_or("", |&i| doc.text(i));
    let pair = |k: usize, claimed: &[Option<Claim>]| {
        k + 1 < nonblank.len() && name[k] && !name[k + 1] && claimed[nonblank[k + 1]].is_none() && {
            let desc = doc.text(nonblank[k + 1]);
            description(desc) && !title.contains(desc)
        }
    };
    // A sentence of the document, for the guard.
    let sentence = |i: usize| doc.feats[i].words >= SENTENCE_WORDS && doc.feats[i].terminal;
    let sentences = nonblank.iter().filter(|&&i| sentence(i)).count();
    let mut k = 0;
    while k < nonblank.len() {
        let mut end = k;
        while pair(end, claimed) {
            end += 2;
        }
        let pairs = (end - k) / 2;
        let run = &nonblank[k..end];
        let article = 2 * run.iter().filter(|&&i| sentence(i)).count() > sentences;
        if pairs >= MIN_PAIRS && distinct_names(doc, run) && !article {
            for &i in &nonblank[k..end] {
                claimed[i].get_or_insert(Claim::DescribedMenu);
            }
            k = end;
        } else {
            k += 1;
        }
    }
}

/// Whether `text` reads as a menu item's name (see the module doc).
fn menu_like(text: &str) -> bool {
    // (Asked of every line: the byte length rules out most lines before any count; the counts
    // stop one past their limits.)
    text.len() <= 4 * NAME_CHARS
        && words_within(text, 1, NAME_WORDS)
        && text.chars().nth(NAME_CHARS).is_none()
        && !text.bytes().any(|b| b.is_ascii_digit())
        && !text.ends_with(['.', '!', '?', ':', ';', ',', ')'])
}

/// Whether `text` is short enough for an item's description (see the module doc).
fn description(text: &str) -> bool {
    text.len() <= 4 * DESC_CHARS
        && words_within(text, DESC_MIN_WORDS, DESC_MAX_WORDS)
        && text.chars().nth(DESC_CHARS).is_none()
}

/// Whether `text` has `min..=max` words, counting no further than `max + 1`.
fn words_within(text: &str, min: usize, max: usize) -> bool {
    let words = text.split_whitespace().take(max + 1).count();
    (min..=max).contains(&words)
}

/// Whether at least three in four of the names (the run's even lines) are distinct.
fn distinct_names(doc: &Doc<'_, '_>, run: &[usize]) -> bool {
    let names: Vec<&str> = run.iter().step_by(2).map(|&i| doc.text(i)).collect();
    let mut distinct = names.clone();
    distinct.sort_unstable();
    distinct.dedup();
    4 * distinct.len() >= 3 * names.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(String, bool)> {
        crate::boilerplate::heuristics::tests::claimed_by(
            text,
            described_menus,
            Claim::DescribedMenu,
        )
    }

    const MENU: &str = "Storage\nKeep your files safe in one place.\n\nAnalytics\nTools for \
        every team that reads data.\n\nBackups\nRestore any file from the last thirty days.\n\nMessaging\nReach \
        your customers where they are.\n";

    #[test]
    fn a_menu_of_names_over_descriptions_is_claimed_and_its_neighbours_stay() {
        let text = format!(
            "Our products\n\n{MENU}\nThe company said on Monday that sales rose by a tenth in \
             the last quarter.\n"
        );
        let got = claims(&text);
        assert_eq!(got.iter().filter(|(_, c)| *c).count(), 8, "{got:?}");
        assert!(!got[0].1 && !got[got.len() - 1].1, "{got:?}");
    }

    /// An explainer of short paragraphs under subheadings is the article: its pairs hold most of
    /// the document's sentences. The same pairs beside a longer article are a menu.
    #[test]
    fn an_explainer_under_subheadings_is_no_menu() {
        let explainer = "How the harvest failed\nThe trouble began in late June and spread \
            within days.\n\nThe drought\nNo rain fell in the valley for nine weeks in a row.\n\n\
            The prices\nFlour doubled in price at every market of the region.\n\nThe response\n\
            The council opened its grain stores to every family in need.\n\nThe outlook\nFarmers \
            say the next harvest will be better if the autumn is wet.\n";
        let got = claims(explainer);
        assert!(got.iter().all(|(_, c)| !c), "{got:?}");
        let article =
            "The council met on Monday and agreed on a plan for the coming winter.\n".repeat(12);
        let got = claims(&format!("{explainer}\n{article}"));
        assert_eq!(got.iter().filter(|(_, c)| *c).count(), 10, "{got:?}");
    }

    #[test]
    fn prose_repeated_markers_long_descriptions_and_short_runs_stay() {
        let marker = "Article content\nThe minister said the talks would go on.\n".repeat(4);
        let glossary = "Parental leave\nPaid time off for employees who become new parents, \
            which can be taken by either parent within the first year after a birth.\n"
            .to_string()
            + "Sick leave\nPaid time off for employees who are ill, usually counted in days per \
            year and set by the law of the country where they work.\n"
            + "Holidays\nPaid days off on the public holidays of the country where the employee \
            works, on top of the yearly leave the contract sets.\n"
            + "Remote work\nThe right to work from home for part of the week, agreed with the \
            manager and written into the employment contract.\n";
        // The menu without its last pair.
        let three = MENU[..MENU.find("Messaging").unwrap()].to_string();
        let cases = [
            ("repeated marker", marker),
            ("glossary", glossary),
            ("three pairs", three),
            (
                "entries with notes",
                "Ann Berg (Lund University)\nTomas Lind (Riverton School of the Arts)\n\
                 Eva Holm (Harbour College)\nJon Ek (University of the North Coast)\n\
                 Ida Sand (Hill College)\nOla Dahl (Institute of Marine Technology)\n\
                 Per Nyberg (Bay College)\nLiv Ström (Academy of Music and Drama)\n"
                    .to_string(),
            ),
            (
                "prose",
                "The talks began on Monday.\nBoth sides said they were hopeful.\n".repeat(4),
            ),
        ];
        for (name, text) in cases {
            let got = claims(&text);
            assert!(got.iter().all(|(_, c)| !c), "{name}: {got:?}");
        }
    }
}
