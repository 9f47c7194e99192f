//! A name and a date on one line, the byline form without "By": `structure::names_next_to_dates`
//! asks it of the lines between the headline and the article's first prose line.

use crate::boilerplate::meta::find_dates;

use super::super::features::Feat;
use super::name_like;

/// Most words of a line of a name and a date ([`name_and_date`]).
const NAME_DATE_WORDS: usize = 12;

/// A name and a date on one line, apart by a bar, a dash or a comma ("Jane Roe | 4 March 2024 -
/// 07:30", "Jane Roe - Published 18 June 2024", "Jane Roe, 12.03.2024"): every part a name
/// ([`name_like`]) or holding a date, one of each at least, the name first.
pub(in crate::boilerplate::heuristics) fn name_and_date(text: &str, f: &Feat) -> bool {
    if f.words > NAME_DATE_WORDS || f.words < 3 || f.terminal || !f.digit {
        return false;
    }
    let parts: Vec<&str> = text
        .split(['|', ',', '\u{2013}', '\u{2014}', '\u{B7}', '\u{2022}'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // Each part once: a date or a time, and whether it holds a full date.
    let dated: Vec<(bool, bool)> = parts.iter().map(|p| dated_part(p)).collect();
    // (The name first: "Born: 2 May 1936, Riverton" is a fact box's line.)
    parts.len() >= 2
        && !dated[0].0
        && dated.iter().any(|d| d.1)
        && parts.iter().zip(&dated).all(|(p, d)| d.0 || name_like(p))
}

/// Most words of a dated part that are neither in its date nor hold a digit ("Published",
/// "Pubblicato il ... alle"): a headline with a date before it has more.
const DATE_PART_WORDS: usize = 3;

/// Whether `part` is a date or a time, and whether it holds a full date: a date with at most
/// [`DATE_PART_WORDS`] other words without a digit ("Pubblicato il 18 giugno 2024 alle 15:45"),
/// or a short part with a digit ("07:30 CET"). "12.03.2024 Verkehr / Stadt «Die Brücke bleibt
/// noch zwei Wochen gesperrt»" is a teaser's date and headline.
fn dated_part(part: &str) -> (bool, bool) {
    let digit = |w: &str| w.bytes().any(|b| b.is_ascii_digit());
    let dates = find_dates(part);
    if dates.is_empty() {
        let time = digit(part) && part.split_whitespace().nth(DATE_PART_WORDS).is_none();
        return (time, false);
    }
    let mut rest = part.to_string();
    for d in dates.iter().rev() {
        rest.replace_range(d.start..d.end, " ");
    }
    let date = rest
        .split_whitespace()
        .filter(|w| !digit(w))
        .nth(DATE_PART_WORDS)
        .is_none();
    (date, true)
}
