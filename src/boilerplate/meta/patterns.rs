//! The date patterns of [`super`]: numeric dates, month-name dates, times, relative times and
//! time zones, and the relaxed forms that keep the capture searches from most lines.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::words;
use crate::boilerplate::lean;

/// Every month form of [`words::MONTHS`] as one non-capturing group, a trie of the forms: the
/// same matches as [`MONTH_FLAT`], which is longest first (so that the alternation prefers "march"
/// to "mar" and "mars"), in two thirds of its build (a case-insensitive alternation is of
/// classes, not literals, and gets no trie from the regex compiler). The same because the forms
/// that can match at one place are each a prefix of the next (no two characters of the forms
/// fold to each other: `month_form_characters_fold_apart` checks), which the flat group tries
/// longest first and the trie too (a child before the end of the form at its node, greedily);
/// siblings open with different characters, so at most one of them matches. The proptest
/// `searched_patterns_find_as_the_plain_ones` holds the date patterns to the flat group.
pub(super) static MONTH: LazyLock<String> = LazyLock::new(|| {
    let forms: Vec<&str> = month_forms().collect();
    format!("(?:{})", trie(&forms))
});

/// The month forms of [`words::MONTHS`].
pub(super) fn month_forms() -> impl Iterator<Item = &'static str> {
    words::MONTHS.iter().flat_map(|(_, f)| f.iter().copied())
}

/// Every month form longest first, as one non-capturing group: [`MONTH`]'s plain form.
#[cfg(test)]
pub(super) static MONTH_FLAT: LazyLock<String> = LazyLock::new(|| group(month_forms()));

/// The alternation of `words` (the tails of the forms below one node) as a trie: per first
/// character, in the order they first occur, the character and the trie of the tails after it;
/// optional (greedy: longer first) when a word ends here.
fn trie(words: &[&str]) -> String {
    let mut firsts: Vec<char> = Vec::new();
    let mut ends = false;
    for w in words {
        match w.chars().next() {
            None => ends = true,
            Some(c) if !firsts.contains(&c) => firsts.push(c),
            Some(_) => {}
        }
    }
    let branches: Vec<String> = firsts
        .iter()
        .map(|&c| {
            let tails: Vec<&str> = words.iter().filter_map(|w| w.strip_prefix(c)).collect();
            format!(
                "{}{}",
                regex::escape(c.encode_utf8(&mut [0; 4])),
                trie(&tails)
            )
        })
        .collect();
    match (branches.as_slice(), ends) {
        ([], _) => String::new(),
        ([one], false) => one.clone(),
        (_, false) => format!("(?:{})", branches.join("|")),
        (_, true) => format!("(?:{})?", branches.join("|")),
    }
}

/// `words` as a non-capturing group of escaped literals, longest first.
pub(super) fn group<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", escaped.join("|"))
}

pub(super) fn ci(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .expect("built-in pattern compiles")
}

/// A date year first: ISO 8601 ("2025-07-02", with a time or not), or with slashes or dots as
/// East Asian and some European sites write it ("2013/12/31", "2019.11.20").
pub(super) static ISO: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b",
    )
});
/// Day, month and year in numbers; a dot may have a space after it ("23. 12. 2024", Czech and
/// Austrian pages).
pub(super) static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| ci(r"\b(\d{1,2})([./-]|\.\s)(\d{1,2})(?:[./-]|\.\s)(\d{4}|\d{2})\b"));
/// Day, month name, year: "3 June 2025", "3. Juni 2025", "1 de diciembre de 2017".
pub(super) static DAY_MONTH_YEAR: LazyLock<lean::Regex> =
    LazyLock::new(|| searched(&day_month_year_pattern(&MONTH)));
/// [`DAY_MONTH_YEAR`] built by `regex::Regex`, for the capture search the tests hold
/// [`super::find_dates`] to.
#[cfg(test)]
pub(super) static DAY_MONTH_YEAR_PLAIN: LazyLock<Regex> =
    LazyLock::new(|| ci(&day_month_year_pattern(&MONTH_FLAT)));
/// [`DAY_MONTH_YEAR`]'s pattern with `month` for the month forms.
pub(super) fn day_month_year_pattern(month: &str) -> String {
    format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s.\-/]*(?:del?\s+)?({month})\.?,?[\s.\-/]*(?:del?\s+)?(\d{{4}})\b"
    )
}
pub(super) static MONTH_DAY_YEAR: LazyLock<lean::Regex> =
    LazyLock::new(|| searched(&month_day_year_pattern(&MONTH)));
#[cfg(test)]
pub(super) static MONTH_DAY_YEAR_PLAIN: LazyLock<Regex> =
    LazyLock::new(|| ci(&month_day_year_pattern(&MONTH_FLAT)));
/// [`MONTH_DAY_YEAR`]'s pattern with `month` for the month forms.
pub(super) fn month_day_year_pattern(month: &str) -> String {
    format!(r"\b({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
}
pub(super) static MONTH_YEAR: LazyLock<lean::Regex> = LazyLock::new(|| {
    let month = &*MONTH;
    searched(&format!(r"\b({month})\.?,?\s+(?:del?\s+)?(\d{{4}})\b"))
});
pub(super) static TIME: LazyLock<lean::Regex> =
    LazyLock::new(|| searched(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?"));
pub(super) static RELATIVE: LazyLock<lean::Regex> = LazyLock::new(|| searched(&relative_pattern()));

/// [`RELATIVE`]'s pattern. (The Russian unit stems share one `\w*`: six copies of the Unicode
/// word class were half its build. The same matches: the stems and the other units differ in
/// their first two letters, so at most one alternative matches at a place, whatever their order,
/// and `(?:a\w*|b\w*)` is `(?:a|b)\w*`. The proptest `relative_is_the_unfactored_pattern`
/// holds it to the pattern with a `\w*` per stem.)
pub(super) fn relative_pattern() -> String {
    let en = group(EN_UNITS.iter().copied());
    let mut alternatives = vec![
        format!(r"\b\d+\s+{en}\s+ago\b|\b(?:yesterday|today|just now)\b"),
        // A feed's compact age: "52m ago", "2h ago", and "2h", "3d" alone on their line.
        r"\b\d{1,3}(?:mins?|hrs?|[smhdw])\s+ago\b|^\s*\d{1,2}[mhd]\s*$".to_string(),
        format!(r"\b\d+\s+(?:{RU_UNITS})\s+назад\b|\bвчера\b|\bсегодня\b"),
    ];
    for (before, units) in &words::BEFORE_NUMBER {
        let before = group(before.iter().copied()).replace(r"\ ", r"\s+");
        alternatives.push(format!(
            r"\b{before}\s+\d+\s+{}\b",
            group(units.iter().copied())
        ));
    }
    for (after, units) in &words::AFTER_UNIT {
        let after = group(after.iter().copied());
        alternatives.push(format!(
            r"\b\d+\s+{}\s+{after}\b",
            group(units.iter().copied())
        ));
    }
    alternatives.push(format!(r"\b{}\b", group(words::DAYS.iter().copied())));
    alternatives.join("|")
}

/// The Russian units of [`RELATIVE`] ("3 часа назад"), the stems' `\w*` shared.
pub(super) const RU_UNITS: &str = r"(?:секунд|минут|час|недел|месяц|год)\w*|дн(?:я|ей)|день|лет";

/// The English time units of [`RELATIVE`] ("3 hours ago").
pub(super) const EN_UNITS: [&str; 20] = [
    "seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min", "hours", "hour", "hrs",
    "hr", "days", "day", "weeks", "week", "months", "month", "years", "year",
];

/// A numeric time-zone offset after a zone name: "GMT+4", "UTC -05:00", "GMT+5:30".
pub(super) static ZONE_OFFSET: LazyLock<Regex> =
    LazyLock::new(|| ci(r"\b(gmt|utc)\s*[+\-\u{2212}]\s*\d{1,2}(?::?\d{2})?\b"));

/// Necessary conditions for [`ISO`], [`NUMERIC`], [`DAY_MONTH_YEAR`] and [`MONTH_DAY_YEAR`], in
/// that order: each pattern with its word boundaries dropped and its optional tails cut, so every
/// line the pattern matches this matches too (a relaxation; the proptest
/// `find_dates_equals_the_unfiltered_scan` checks it). Without `\b`, whose Unicode form makes the
/// lazy DFA give up on non-ASCII text and the search fall back to the backtracker, each is one DFA
/// pass over the line where a capture search is a backtracker run from every position.
pub(super) const RELAXED_DATES: [&str; 4] = [
    r"\d{4}[-/.]\d{1,2}[-/.]\d",
    r"\d(?:[./-]|\.\s)\d{1,2}(?:[./-]|\.\s)\d{2}",
    r"\d(?:st|nd|rd|th)?[\s.\-/]*(?:del?\s+)?MONTH\.?,?[\s.\-/]*(?:del?\s+)?\d{4}",
    r"MONTH\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}",
];

/// [`RELAXED_DATES`] each on its own, and all four as one pattern (most lines with digits and a
/// year have no date at all: one pass rejects them).
///
/// The one pattern has ASCII digits (`[0-9]` for `\d`, a fifth of the Unicode class's build):
/// still a necessary condition for a date, as every digit of a relaxed form is one of a date's
/// fields, which `parse` reads only in ASCII digits. (Not so for each on its own: where it lets
/// the search start decides where the search goes on after a match without a date, and such a
/// match may have other digits.)
pub(super) static RELAXED: LazyLock<([lean::Regex; 4], lean::Regex)> = LazyLock::new(|| {
    // (A run of letters, ASCII or not, in place of the month forms keeps each a necessary
    // condition (a month form is such a run), and builds without four copies of them.)
    let letters = r"(?-i:[A-Za-z\x{80}-\x{10FFFF}]+)";
    let each = RELAXED_DATES.map(|p| p.replace("MONTH", letters));
    let any = searched(&each.join("|").replace(r"\d", "[0-9]"));
    (each.map(|p| searched(&p)), any)
});

/// A case-insensitive pattern for searches without captures, on the few lines the callers'
/// prefilters let through: built without a prefilter and the one-pass DFA ([`lean::searched`]),
/// a third less to build for the month-name patterns.
fn searched(pattern: &str) -> lean::Regex {
    lean::searched(pattern, true)
}
