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
    let dated = |p: &str| dated_part(p);
    let named = parts.iter().filter(|p| !dated(p) && name_like(p)).count();
    // (The name first: "Born: 2 May 1936, Riverton" is a fact box's line.)
    parts.len() >= 2
        && !dated(parts[0])
        && named >= 1
        && parts.iter().any(|p| !find_dates(p).is_empty())
        && parts.iter().all(|p| dated(p) || name_like(p))
}

/// Most words of a dated part that are neither in its date nor hold a digit ("Published",
/// "Pubblicato il ... alle"): a headline with a date before it has more.
const DATE_PART_WORDS: usize = 3;

/// Whether `part` is a date or a time: a date with at most [`DATE_PART_WORDS`] other words
/// without a digit ("Pubblicato il 18 giugno 2024 alle 15:45"), or a short part with a digit
/// ("07:30 CET"). "30.10.2021 Migration / Flucht «Wir waren fast 40 Tage in Quarantäne»" is a
/// teaser's date and headline.
fn dated_part(part: &str) -> bool {
    let digit = |w: &str| w.bytes().any(|b| b.is_ascii_digit());
    let dates = find_dates(part);
    if dates.is_empty() {
        return digit(part) && part.split_whitespace().nth(DATE_PART_WORDS).is_none();
    }
    let mut rest = part.to_string();
    for d in dates.iter().rev() {
        rest.replace_range(d.start..d.end, " ");
    }
    rest.split_whitespace()
        .filter(|w| !digit(w))
        .nth(DATE_PART_WORDS)
        .is_none()
}
