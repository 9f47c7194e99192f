//! Reading a month-name date's fields from its match, without capture groups (a capture search
//! through the long alternation of month forms is the slow kind; the match search is one DFA
//! pass).

use super::{lowercase_month, month_number, valid, year, MONTH_NUMBERS};

/// The date of a [`super::DAY_MONTH_YEAR`] match, read without its capture groups: the day is the
/// match's leading digits and the year its trailing ones (a digit of the pattern's `\d` is
/// numeric, and no character next to them in a match is); the month is the one run of letters
/// between them that is a month form, with an ordinal glued before it ("3rdJune") or a "de"
/// glued after it ("Marde 2024") cut. The proptest `find_dates_equals_the_unfiltered_scan` holds
/// it to the capture groups.
pub(super) fn day_month_year(m: &str) -> Option<(i32, u32, u32)> {
    let (day, rest) = split_numeric(m, true);
    let (year_digits, middle) = split_numeric(rest, false);
    let month = middle
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .find_map(month_in_run)?;
    valid(year(year_digits)?, month, day.parse().ok()?)
}

/// The date of a [`super::MONTH_DAY_YEAR`] match, read as [`day_month_year`] reads its own: the month
/// is the match's leading run of letters, the day the first digits after it, the year the
/// trailing digits.
pub(super) fn month_day_year(m: &str) -> Option<(i32, u32, u32)> {
    let month_end = m.find(|c: char| !c.is_alphabetic()).unwrap_or(m.len());
    let month = month_number(&m[..month_end])?;
    let (year_digits, rest) = split_numeric(&m[month_end..], false);
    let rest = rest.trim_start_matches(|c: char| !c.is_numeric());
    let (day, _) = split_numeric(rest, true);
    valid(year(year_digits)?, month, day.parse().ok()?)
}

/// `s` cut after its leading numeric characters (`front`) or before its trailing ones: (the
/// digits, the rest).
fn split_numeric(s: &str, front: bool) -> (&str, &str) {
    if front {
        let end = s.find(|c: char| !c.is_numeric()).unwrap_or(s.len());
        (&s[..end], &s[end..])
    } else {
        let start = s
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_numeric())
            .last()
            .map_or(s.len(), |(i, _)| i);
        (&s[start..], &s[..start])
    }
}

/// The month of a run of letters from a [`super::DAY_MONTH_YEAR`] match: the run itself, or the run
/// without an ordinal suffix glued before it or a "de"/"del" glued after it, lowercased as
/// [`super::month_number`] lowercases (the pattern's `st` takes `ſt` too).
fn month_in_run(run: &str) -> Option<u32> {
    let lower = lowercase_month(run);
    let heads = [
        Some(lower.as_str()),
        ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|o| lower.strip_prefix(o)),
    ];
    let month = heads.into_iter().flatten().find_map(|head| {
        [
            Some(head),
            head.strip_suffix("del"),
            head.strip_suffix("de"),
        ]
        .into_iter()
        .flatten()
        .find_map(|w| MONTH_NUMBERS.get(w).copied())
    });
    month
}
