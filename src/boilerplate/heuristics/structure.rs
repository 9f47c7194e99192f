//! Structure passes: decisions that need a line's neighbours and its place in the document. They
//! run after the line rules, in this order: reporter credits and author notes closing the article
//! (`author-note`); the headline (a site name above a byline gives way to the headline under the
//! byline, and becomes a `section-label`); a name or domain alone next to a date (`byline`); lone
//! section words above the headline or after the body, and two-part section paths
//! (`section-label`); later copies of the headline (`repeated-title`); and lines without letters
//! or digits next to a claim (`separator`).
//!
//! Policy: a line that reads as prose is never claimed here, and inside the body (between the
//! headline and the last prose line) a line is only claimed next to another claim: short
//! paragraphs, quotes, subheadings and bullet points inside the article stay; below the headline
//! a short line between two longer unclaimed lines divides the article's own list (a month over
//! an itinerary's dates, a sport over its results) and is no section label.

use std::sync::LazyLock;

use crate::boilerplate::claim::Claim;
use crate::boilerplate::line::{bare, words};
use crate::boilerplate::meta::find_dates;

use super::features::{Doc, Feat};
use super::line_rules::{
    bare_name, credit_line, is_domain, name_and_date, name_like, section_path, AUTHOR_NOTE,
};
use super::options::HeuristicOptions;
use super::phrase_names::Lowercase;
use super::vocabulary::{is_stop, NOTE_ROLES};

/// Where the article sits among the lines, found once after the line rules and the author notes.
pub(super) struct Frame {
    /// The headline line.
    pub title: Option<usize>,
    /// The first unclaimed prose line (before the headline was chosen).
    first_prose: Option<usize>,
    /// The last unclaimed prose line: the end of the body.
    last_prose: Option<usize>,
    /// The headline, else the first prose line, else the end: where the article starts.
    body_start: usize,
}

impl Frame {
    /// Above the article or after its last prose line.
    fn outside(&self, i: usize) -> bool {
        i < self.body_start || self.last_prose.is_some_and(|l| i > l)
    }
}

/// Not claimed and not blank.
pub(super) fn free(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], i: usize) -> bool {
    claimed[i].is_none() && !doc.text(i).is_empty()
}

/// Finds the headline and the body's bounds. A site or blog name above a byline, with the real
/// headline under the byline, is claimed as a `section-label` (when that heuristic is on).
pub(super) fn frame(
    opts: &HeuristicOptions,
    doc: &Doc<'_, '_>,
    claimed: &mut [Option<Claim>],
) -> Frame {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    // The body: the first and last unclaimed prose lines.
    let first_prose = nonblank
        .iter()
        .copied()
        .find(|&i| free(doc, claimed, i) && feats[i].prose);
    let last_prose = nonblank
        .iter()
        .copied()
        .rev()
        .find(|&i| free(doc, claimed, i) && feats[i].prose);
    // The headline: the first free line of three words or more, no sentence end, before any
    // sentence of the body; but a line of that kind right above a byline or a date comes
    // first (a banner or a promotion may stand above the headline).
    // (A prefix of the non-blank lines: borrowed, not collected.)
    let before_body = &nonblank[..nonblank
        .iter()
        .position(|&i| free(doc, claimed, i) && feats[i].prose && feats[i].terminal)
        .unwrap_or(nonblank.len())];
    let titled = |i: usize| {
        free(doc, claimed, i) && feats[i].words >= 3 && feats[i].words <= 30 && !feats[i].terminal
    };
    // (An author's name alone, between the headline and the date, is no headline: "Jane Roe
    // Daily Courier" over "Published 2:16 AM".)
    let dated = |n: usize| {
        before_body.get(n).is_some_and(|&j| {
            matches!(claimed[j], Some(Claim::Byline | Claim::Timestamp)) || feats[j].stamp
        })
    };
    let named = |n: usize| {
        before_body
            .get(n)
            .is_some_and(|&j| name_like(lines[j].text))
    };
    let signed = (0..before_body.len())
        .map(|n| (n, before_body[n]))
        .find_map(|(n, i)| {
            (titled(i)
                && !name_like(lines[i].text)
                && (dated(n + 1) || named(n + 1) && dated(n + 2)))
            .then_some(i)
        });
    let title = signed
        .or_else(|| before_body.iter().copied().find(|&i| titled(i)))
        .or_else(|| first_prose.filter(|&i| !feats[i].terminal && feats[i].words <= 30));
    // A site or blog name above a byline, with the real headline under the byline: "Travel
    // Notes\nPosted by X on <date>\nThree Days in Baku\n<body>".
    let title = title.map(|t| {
        let mut byline_seen = false;
        // (The non-blank lines are in order: those under the title start at its place.)
        for &i in &nonblank[nonblank.partition_point(|&i| i <= t)..] {
            if first_prose.is_some_and(|p| i >= p) {
                break;
            }
            if matches!(claimed[i], Some(Claim::Byline | Claim::Timestamp)) {
                byline_seen = true;
            } else if claimed[i].is_none() {
                let f = &feats[i];
                // A sentence-case headline of four words or more is never a site name.
                let site_like = feats[t].words < 4 || feats[t].title_share >= 0.7;
                if site_like
                    && byline_seen
                    && f.words >= 3
                    && !f.terminal
                    && !same_title(lines[t].text, lines[i].text)
                {
                    if opts.section_label {
                        claimed[t] = Some(Claim::SectionLabel);
                    }
                    return i;
                }
                break;
            }
        }
        t
    });
    let body_start = title.or(first_prose).unwrap_or(lines.len());
    Frame {
        title,
        first_prose,
        last_prose,
        body_start,
    }
}

/// A name (author or outlet) or a domain alone on a line next to a date or a byline: `byline`.
pub(super) fn names_next_to_dates(doc: &Doc<'_, '_>, frame: &Frame, claimed: &mut [Option<Claim>]) {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    let lowercase = Lowercase::new(doc);
    for (n, &i) in nonblank.iter().enumerate() {
        if !free(doc, claimed, i)
            || Some(i) == frame.title
            || !frame.outside(i) && !near_claim(n, nonblank, claimed)
        {
            continue;
        }
        let f = &feats[i];
        // Inside the body only a bare name: "Rubio in Antalya" under a live-blog time is a
        // subheading.
        let named = f.words <= 4
            && !f.terminal
            && !f.digit
            && name_like(lines[i].text)
            && !section_path(lines[i].text, f)
            && (frame.outside(i) || bare_name(lines[i].text));
        let domain = is_domain(lines[i].text);
        let next_to_date = [n.checked_sub(1), Some(n + 1)]
            .into_iter()
            .flatten()
            .any(|m| {
                nonblank.get(m).is_some_and(|&j| {
                    feats[j].stamp || matches!(claimed[j], Some(Claim::Timestamp | Claim::Byline))
                })
            });
        // (A heading in title case over its paragraph, whose words the text writes in
        // lowercase, is no name: "Vibe Coding" under the post's date.)
        let heading = || {
            nonblank
                .get(n + 1)
                .is_some_and(|&j| free(doc, claimed, j) && feats[j].prose)
                && lowercase.phrase(lines[i].text)
        };
        if (named || domain) && next_to_date && !f.bullet && (domain || !heading()) {
            claimed[i] = Some(Claim::Byline);
        }
    }
    // A name and a date on one line, between the headline and the article's first prose line.
    let Some(title) = frame.title else { return };
    let first_prose = frame.first_prose.unwrap_or(lines.len());
    for &i in nonblank.iter().filter(|&&i| title < i && i < first_prose) {
        if free(doc, claimed, i) && name_and_date(lines[i].text, &feats[i]) {
            claimed[i] = Some(Claim::Byline);
        }
    }
}

/// Lone section or navigation words above the headline or after the body, one word among other
/// claims between the headline and the body, and two-part section paths above the body:
/// `section-label`.
pub(super) fn section_labels(doc: &Doc<'_, '_>, frame: &Frame, claimed: &mut [Option<Claim>]) {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    let title = frame.title;
    // The first prose line under the headline (a long headline may read as prose itself).
    let body_prose = nonblank
        .iter()
        .copied()
        .find(|&i| free(doc, claimed, i) && feats[i].prose && title.map_or(true, |t| i > t));
    for (n, &i) in nonblank.iter().enumerate() {
        if !free(doc, claimed, i) || Some(i) == title {
            continue;
        }
        let f = &feats[i];
        let lone = f.words >= 1
            && f.words <= if i < frame.body_start { 3 } else { 2 }
            && !f.terminal
            && !f.bullet
            && !(f.words == 1 && is_stop(bare(lines[i].text)));
        // Between the headline and the body, only a word sitting among other claimed lines.
        let between = title.is_some_and(|t| i > t) && frame.first_prose.is_some_and(|p| i < p);
        // "Opinion | Guest essay", "World | Europe": a two-part section path above the body.
        let crumb = body_prose.is_some_and(|p| i < p) && section_path(lines[i].text, f);
        // (Above the article a line between two others is the page's: a prompt under a
        // banner.)
        let lone = lone
            && !content_label(doc, claimed, n)
            && !(i > frame.body_start && inside_list(doc, claimed, n));
        if crumb
            || lone
                && (frame.outside(i) || between && f.words == 1 && near_claim(n, nonblank, claimed))
        {
            claimed[i] = Some(Claim::SectionLabel);
        }
    }
}

/// A short line that belongs to the text under or beside it, not to the site's navigation: a
/// lead-in ending in `:` ("Scorers:", "Ingredients:"; not one of a form's fields) or a field with its value ("Attendance:
/// 9,402"); a figure ("390 kcal"); a line carrying a date (a dateline "LONDON 1996-08-30": a section word has none); or
/// the heading of a table, the lines under it (up to three short headings further on) unclaimed
/// rows of figures ("AMERICAN LEAGUE" over "EASTERN DIVISION" over "NEW YORK 74 59 .556").
fn content_label(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], n: usize) -> bool {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    let text = lines[nonblank[n]].text;
    // Two lead-ins in a row are a form's fields ("E-mail:", "Password:").
    let form = [n.checked_sub(1), Some(n + 1)]
        .into_iter()
        .flatten()
        .any(|m| {
            nonblank
                .get(m)
                .is_some_and(|&j| lines[j].text.ends_with(':'))
        });
    if text.ends_with(':') && !form || is_field(text) {
        return true;
    }
    // (A figure with its unit, "390 kcal", "7.9", "+81 158-23-2012", is a value of the text:
    // a section word is a word.)
    let figure = text
        .trim_start_matches(['+', '-', '$', '\u{20AC}', '\u{A3}'])
        .starts_with(|c: char| c.is_ascii_digit());
    if feats[nonblank[n]].digit && (figure || !find_dates(text).is_empty()) {
        return true;
    }
    for &j in nonblank.iter().skip(n + 1).take(4) {
        if claimed[j].is_some() {
            return false;
        }
        if table_row(lines[j].text) {
            return true;
        }
        if feats[j].words > 4 || feats[j].terminal {
            return false;
        }
    }
    false
}

/// A heading that divides the article's own list: the lines right above and right under it are
/// unclaimed items longer than a label ("June 28-30 v Hampshire" / "July" / "July 3-7 Third
/// test"; results under "GIRLS SOCCER"). A site's section words come in runs of labels or among
/// other chrome.
fn inside_list(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], n: usize) -> bool {
    let item = |m: Option<usize>| {
        m.and_then(|m| doc.nonblank.get(m)).is_some_and(|&j| {
            let f = &doc.feats[j];
            claimed[j].is_none() && (f.words > 3 || f.terminal && f.words > 1)
        })
    };
    item(n.checked_sub(1)) && item(Some(n + 1))
}

/// "Attendance: 9,402", "Score - 2:1": a label and a number. [`is_field`] asks this by hand.
#[cfg(test)]
const FIELD_PAT: &str = r"^\p{L}[\p{L} ]{0,30}\s*[:\-\u{2013}]\s*[\d(]";

/// The letters (`\p{L}`) and the decimal digits (`\d`, `\p{Nd}`) as the regex crate has them:
/// sorted ranges, from `regex_syntax` (the same Unicode tables).
static LETTERS_DIGITS: LazyLock<[Vec<(char, char)>; 2]> =
    LazyLock::new(|| [unicode_class(r"\p{L}"), unicode_class(r"\d")]);

/// The ranges of a Unicode class pattern.
pub(in crate::boilerplate::heuristics) fn unicode_class(pattern: &str) -> Vec<(char, char)> {
    match regex_syntax::parse(pattern).expect("class").into_kind() {
        regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        _ => unreachable!("a Unicode class"),
    }
}

/// Whether `c` is in the sorted `ranges`.
pub(in crate::boilerplate::heuristics) fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `text` matches `FIELD_PAT`, `^\p{L}[\p{L} ]{0,30}\s*[:\-\u{2013}]\s*[\d(]`: a
/// letter, up to 30 letters or spaces, then optional white space, a colon, hyphen or en dash,
/// optional white space and a digit or `(`. By hand because the 31 copies of `\p{L}` made the
/// regex the costliest of the stage to build (58 M instructions, some 5 ms of the run). The
/// label may end after any of its first 31 characters (the regex backtracks over the spaces it
/// shares with `\s*`): each end is tried. After it the match is fixed: white space (`\s`,
/// `char::is_whitespace`, Unicode `White_Space`, as the regex crate's) is none of the
/// separators, digits and `(`, so each `\s*` takes all of it. A proptest compares the two.
fn is_field(text: &str) -> bool {
    let [letters, digits] = &*LETTERS_DIGITS;
    let letter = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            in_ranges(letters, c)
        }
    };
    let digit = |c: char| {
        if c.is_ascii() {
            c.is_ascii_digit()
        } else {
            in_ranges(digits, c)
        }
    };
    // The separator and the number after the label, from `rest`.
    let tail = |rest: &str| {
        let mut cs = rest.trim_start_matches(char::is_whitespace).chars();
        matches!(cs.next(), Some(':' | '-' | '\u{2013}'))
            && cs
                .as_str()
                .trim_start_matches(char::is_whitespace)
                .chars()
                .next()
                .is_some_and(|c| c == '(' || digit(c))
    };
    let mut cs = text.chars();
    if !cs.next().is_some_and(letter) {
        return false;
    }
    for _ in 0..30 {
        if tail(cs.as_str()) {
            return true;
        }
        if !cs.next().is_some_and(|c| c == ' ' || letter(c)) {
            return false;
        }
    }
    tail(cs.as_str())
}

/// A row of a table of figures: at least two tokens that are numbers, and at least half as many
/// numbers as words of three letters or more ("NEW YORK 74 59 .556 -", "DETROIT 4 Kansas City
/// 1").
pub(super) fn table_row(text: &str) -> bool {
    let (mut numbers, mut words) = (0usize, 0usize);
    for t in text.split_whitespace() {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        if t.is_empty() {
            continue;
        }
        if t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
        {
            numbers += 1;
        } else if t.chars().count() >= 3 {
            words += 1;
        }
    }
    numbers >= 2 && numbers * 2 >= words
}

/// Lines without a letter or digit next to a claimed line (or at either end): `separator`.
pub(super) fn separators(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    let Doc {
        feats, nonblank, ..
    } = doc;
    for (n, &i) in nonblank.iter().enumerate() {
        if free(doc, claimed, i) && !feats[i].alnum {
            let prev = n
                .checked_sub(1)
                .map(|m| claimed[nonblank[m]].is_some())
                .unwrap_or(true);
            let next = nonblank
                .get(n + 1)
                .map(|&j| claimed[j].is_some())
                .unwrap_or(true);
            if prev || next {
                claimed[i] = Some(Claim::Separator);
            }
        }
    }
}

/// Reporter credits and author notes closing the article: the last unclaimed lines, read from the
/// end, while they are credits or notes (at most three): `author-note`.
pub(super) fn author_notes(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    let mut found = 0;
    for &i in nonblank.iter().rev() {
        if claimed[i].is_some() || !feats[i].alnum {
            continue;
        }
        if found < 3
            && (credit_line(lines[i].text, &feats[i]) || author_note(doc, claimed, i, &feats[i]))
        {
            claimed[i] = Some(Claim::AuthorNote);
            found += 1;
        } else {
            break;
        }
    }
}

/// A note about the author: "The author was ...", or "<Name> is a <role> ..." naming someone the
/// body above does not mention (a closing sentence about a person of the story stays).
fn author_note(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], i: usize, f: &Feat) -> bool {
    let lines = doc.lines;
    let text = lines[i].text;
    if f.words > 60 || !f.terminal {
        return false;
    }
    if !may_be_author_note(text) {
        return false;
    }
    let c = AUTHOR_NOTE.captures_at_start(0, text);
    if !c.is_match() {
        return false;
    }
    if c.get_group_by_name("writer").is_some() {
        return true;
    }
    let Some(surname) = c
        .get_group_by_name("name")
        .and_then(|span| text[span.range()].split_whitespace().last())
    else {
        return false;
    };
    let role = text
        .split_whitespace()
        .map(|w| bare(w).to_lowercase())
        .any(|w| NOTE_ROLES.contains(&w.as_str()));
    let mentioned = (0..i).any(|j| {
        claimed[j].is_none()
            && lines[j]
                .text
                .split_whitespace()
                .any(|w| bare(w).trim_end_matches("'s").trim_end_matches("\u{2019}s") == surname)
    });
    role && !mentioned
}

/// A necessary condition for [`AUTHOR_NOTE`]: one of the line's second to fifth words (split
/// at white space: `\s` is Unicode `White_Space`, as `split_whitespace`) is its verb, "is",
/// "was", "are", "were", "has", "had" or "served". The pattern's subject is one to four words
/// without white space ("The author" two), each followed by white space, and its verb is
/// followed by white space too. (Most lines are answered here, without the capture search.)
pub(super) fn may_be_author_note(text: &str) -> bool {
    text.split_whitespace()
        .skip(1)
        .take(4)
        .any(|w| matches!(w, "is" | "was" | "are" | "were" | "has" | "had" | "served"))
}

/// The previous or the next non-blank line is claimed.
fn near_claim(n: usize, nonblank: &[usize], claimed: &[Option<Claim>]) -> bool {
    let prev = n
        .checked_sub(1)
        .is_some_and(|m| claimed[nonblank[m]].is_some());
    let next = nonblank.get(n + 1).is_some_and(|&j| claimed[j].is_some());
    prev || next
}

/// Lowercased words of a line: two lines are copies of one headline when their keys agree (the
/// definition [`same_title`] compares by without building the keys; only the tests build them).
#[cfg(test)]
pub(super) fn title_key(s: &str) -> String {
    let mut key = String::new();
    title_key_into(s, &mut key);
    key
}

/// [`title_key`] written into `key` (cleared first), so one buffer serves line after line: an
/// ASCII word is lowercased byte by byte, another by `str::to_lowercase` (its final sigma
/// depends on the word); a proptest compares it with [`title_key_plain`].
#[cfg(test)]
pub(super) fn title_key_into(s: &str, key: &mut String) {
    key.clear();
    // The key of an ASCII line is at most as long as the line: one reservation, where pushing
    // word by word grew the buffer a few times for each of the first lines.
    key.reserve(s.len());
    for w in words(s).map(bare).filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        if w.is_ascii() {
            let start = key.len();
            key.push_str(w);
            key[start..].make_ascii_lowercase();
        } else {
            key.push_str(&w.to_lowercase());
        }
    }
}

/// The words of a line's [`title_key`], before lowercasing.
pub(super) fn key_words(s: &str) -> impl Iterator<Item = &str> {
    words(s).map(bare).filter(|w| !w.is_empty())
}

/// Whether two lines have the same [`title_key`], compared word by word as they are read,
/// without building either key: most lines compared differ from the headline at their first
/// word, where building their key lowercased and copied all of it. (A key's words hold no
/// space and are not empty, so two keys agree exactly when their words do.) A proptest
/// compares it with the keys.
pub(super) fn same_title(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (key_words(a), key_words(b));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                let same = if x.is_ascii() && y.is_ascii() {
                    x.eq_ignore_ascii_case(y)
                } else {
                    x.to_lowercase() == y.to_lowercase()
                };
                if !same {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// [`title_key`] word by word (the reference for [`title_key_into`]).
#[cfg(test)]
pub(super) fn title_key_plain(s: &str) -> String {
    s.split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The regex [`is_field`] stands for.
    static FIELD_RE: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(FIELD_PAT).expect("pattern"));

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// [`is_field`] is the regex it stands for: on lines drawn from the pattern, their near
        /// misses and random text, and on lines of labels and separators of every kind (letters
        /// that are not `\p{L}` but alphabetic, digits that are numeric but not `\p{Nd}`, white
        /// space that is not a space, labels near 31 characters).
        #[test]
        fn is_field_is_the_regex(t in crate::boilerplate::lean::tests::lines(FIELD_PAT)) {
            let re = &*FIELD_RE;
            prop_assert_eq!(is_field(&t), re.is_match(&t), "{:?}", t);
        }

        #[test]
        fn is_field_is_the_regex_on_labels(
            t in r"([a-zA-Zé ]{0,12}|[ \t\x{a0}\x{2003}\x{3000}]|[:\-\x{2013}\x{2014}(]|[0-9٣५]|[Ⅻǅʰ\x{301}²½]|[жЖ中ß]|\PC){0,8}"
        ) {
            let re = &*FIELD_RE;
            prop_assert_eq!(is_field(&t), re.is_match(&t), "{:?}", t);
            let long = format!("Label {} {t}", "x".repeat(22));
            prop_assert_eq!(is_field(&long), re.is_match(&long), "{:?}", long);
        }
    }

    #[test]
    fn is_field_finds_labelled_numbers() {
        let re = &*FIELD_RE;
        for t in [
            "Attendance: 9,402",
            "Score - 2:1",
            "Счёт – ٣",
            "A                              : 1",
            "A                               : 1",
            "Ab c:(x",
            "1: 2",
            "",
            "Ⅻ: 1",
            "ǅ: 1",
            "Weight:\u{3000}５",
        ] {
            assert_eq!(is_field(t), re.is_match(t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// Comparing word by word is comparing the built keys: on lines and keys of the same
        /// words in other cases and punctuation, of other words, with words that lowercase
        /// otherwise than byte by byte (a final sigma, a dotted capital I), and empty keys.
        #[test]
        fn same_title_is_the_keys_compared(
            a in "([ ,.|'\u{A0}-]{0,2}(Baku|BAKU|baku|days|Three|ΟΔΟΣ|οδος|İstanbul|ß|ẞ|\u{212A}|k|x|\\PC{0,3})){0,5}",
            b in "([ ,.|'\u{A0}-]{0,2}(Baku|BAKU|baku|days|Three|ΟΔΟΣ|οδος|İstanbul|ß|ẞ|\u{212A}|k|x|\\PC{0,3})){0,5}",
        ) {
            prop_assert_eq!(same_title(&a, &b), title_key(&a) == title_key(&b), "{:?} {:?}", a, b);
            prop_assert!(same_title(&a, &a));
            for other in [a.to_uppercase(), format!("{a} x"), a.replacen(' ', "", 1)] {
                prop_assert_eq!(same_title(&a, &other), title_key(&a) == title_key(&other), "{:?} {:?}", a, other);
            }
            prop_assert_eq!(key_words(&a).count(), if title_key(&a).is_empty() { 0 } else { title_key(&a).split(' ').count() });
        }
    }
}
