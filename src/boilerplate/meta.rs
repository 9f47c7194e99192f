//! Dates and metadata: a small date parser for numeric dates and month names in ten languages
//! (English, Russian, German, French, Spanish, Italian, Portuguese, Dutch, Polish, Czech; the
//! words are in `words.rs`),
//! the "is this line only a timestamp" test the heuristics use, and [`Meta`] extraction from the
//! lines the heuristics claimed (title, byline, author, published date, dateline).
//!
//! Policy: numeric dates with dots or dashes are day-first (`10.01.2026`); with slashes they are
//! month-first unless the first number cannot be a month (`27/06/2025`). Years are 1900..=2100
//! (two-digit years mean 20xx). Only full dates (day, month, year) give `published`.

use std::sync::LazyLock;

use regex::Regex;
use regex_syntax::is_word_character;
use rustc_hash::{FxHashMap, FxHashSet};

use super::claim::Claim;
use super::lean;
use super::line::{ascii_key, ascii_key_within, with_lowercase, Line};
use crate::document::Meta;

mod fields;
mod fold;
mod opening;
mod patterns;
mod words;

use fields::{day_month_year, month_day_year};
#[cfg(test)]
use patterns::group;
use patterns::{
    ci, DAY_MONTH_YEAR, EN_UNITS, ISO, MONTH, MONTH_DAY_YEAR, MONTH_YEAR, NUMERIC, RELATIVE,
    RELAXED, TIME, ZONE_OFFSET,
};

/// Month number of a month word matched by [`MONTH`]: its form in [`words::MONTHS`], lowercased
/// (with `ſ` as `s`, which the case-insensitive pattern takes for it).
fn month_number(word: &str) -> Option<u32> {
    MONTH_NUMBERS.get(lowercase_month(word).as_str()).copied()
}

/// Whether `word` is a month's name or abbreviation in one of the languages of
/// [`words::MONTHS`] ("June", "Juni", "juin", "Jun."), a trailing full stop, comma or colon
/// aside.
pub(crate) fn is_month(word: &str) -> bool {
    month_number(word.trim_end_matches(['.', ',', ':'])).is_some()
}

/// `word` lowercased, with `ſ` as `s`.
fn lowercase_month(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ſ' { 's' } else { c })
        .collect()
}

/// [`words::MONTHS`] by form.
static MONTH_NUMBERS: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| {
    words::MONTHS
        .iter()
        .flat_map(|&(n, forms)| forms.iter().map(move |&f| (f, n)))
        .collect()
});

/// The fewest ASCII digits a full date has: day, month as a number or a name, two-digit year.
const MIN_DATE_DIGITS: usize = 4;

fn year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    let y = if s.len() == 2 { 2000 + y } else { y };
    (1900..=2100).contains(&y).then_some(y)
}

fn valid(y: i32, m: u32, d: u32) -> Option<(i32, u32, u32)> {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// A full date found in a string: its byte range and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// Year, month, day.
    pub ymd: (i32, u32, u32),
}

impl DateMatch {
    /// ISO 8601 calendar date, `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        let (y, m, d) = self.ymd;
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Every full date in `s`, leftmost first, not overlapping.
pub fn find_dates(s: &str) -> Vec<DateMatch> {
    // Every full date has a day and a year in ASCII digits (a year of two digits at least, and
    // `parse` reads ASCII digits only): four of them at the least ("1.2.19"). Most lines have
    // fewer, and the patterns below are capture searches, the slow kind.
    if s.bytes()
        .filter(u8::is_ascii_digit)
        .nth(MIN_DATE_DIGITS - 1)
        .is_none()
        || !RELAXED.1.is_match(s)
    {
        return Vec::new();
    }
    // The same line is searched by several callers (the byline, date and comment rules, the
    // headline's neighbours): the last few lines that passed the prefilters keep their dates.
    DATE_MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some((_, found)) = memo.lines.iter().find(|(line, _)| line == s) {
            return found.clone();
        }
        let found = scan(s, true, false);
        let slot = memo.next;
        memo.next = (slot + 1) % DATE_MEMO_LINES;
        if slot < memo.lines.len() {
            memo.lines[slot] = (s.to_owned(), found.clone());
        } else {
            memo.lines.push((s.to_owned(), found.clone()));
        }
        found
    })
}

/// How many lines [`find_dates`] remembers (per thread).
const DATE_MEMO_LINES: usize = 16;

/// The lines [`find_dates`] searched last and their dates, a ring.
#[derive(Default)]
struct DateMemo {
    lines: Vec<(String, Vec<DateMatch>)>,
    next: usize,
}

thread_local! {
    static DATE_MEMO: std::cell::RefCell<DateMemo> = std::cell::RefCell::default();
}

/// [`find_dates`] without its digit count and its [`RELAXED`] prefilters, every field read from
/// the patterns' capture groups: the reference its property tests hold it to.
#[cfg(test)]
fn scan_dates(s: &str) -> Vec<DateMatch> {
    scan(s, false, true)
}

/// The four date searches; with `relaxed`, each only where its [`RELAXED`] pattern matches. The
/// month-name patterns are read from the match ([`day_month_year`], [`month_day_year`]) unless
/// `captured`: a capture search through the long alternation of month forms is the slow kind,
/// a match search one DFA pass.
fn scan(s: &str, relaxed: bool, captured: bool) -> Vec<DateMatch> {
    // Where the next search of pattern `k` starts (as `captures_iter`: no pattern matches the
    // empty string, so each search starts where the last match ended).
    let from = move |k: usize, at: usize| {
        if relaxed {
            start_of_search(k, s, at)
        } else {
            Some(at)
        }
    };
    // The captures of pattern `k`, leftmost first, not overlapping.
    let search = move |k: usize, re: &'static Regex| {
        let mut at = 0;
        std::iter::from_fn(move || {
            let c = re.captures_at(s, from(k, at)?)?;
            at = c.get(0).expect("group 0").end();
            Some(c)
        })
    };
    // The matches of pattern `k`, the same way.
    let matches = move |k: usize, re: &'static lean::Regex| {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = lean::find_at(re, s, from(k, at)?)?;
            at = m.end;
            Some(m)
        })
    };
    let mut found: Vec<DateMatch> = Vec::new();
    let mut push = |start: usize, end: usize, ymd: Option<(i32, u32, u32)>| {
        if let Some(ymd) = ymd {
            found.push(DateMatch { start, end, ymd });
        }
    };
    for c in search(0, &ISO) {
        let m = c.get(0).expect("group 0");
        // (One separator twice: "2025-07-02", "2013/12/31", "2019.11.20".)
        let ymd = (c[2] == c[4])
            .then(|| year(&c[1]).and_then(|y| valid(y, c[3].parse().ok()?, c[5].parse().ok()?)))
            .flatten();
        push(m.start(), m.end(), ymd);
    }
    for c in search(1, &NUMERIC) {
        let m = c.get(0).expect("group 0");
        let (a, b): (u32, u32) = match (c[1].parse(), c[3].parse()) {
            (Ok(a), Ok(b)) => (a, b),
            _ => continue,
        };
        let ymd = year(&c[4]).and_then(|y| {
            if &c[2] == "/" && a <= 12 {
                valid(y, a, b).or_else(|| valid(y, b, a))
            } else {
                valid(y, b, a)
            }
        });
        push(m.start(), m.end(), ymd);
    }
    // (The capture search, the tests' reference, with the patterns `regex::Regex` builds.)
    #[cfg(test)]
    if captured {
        for c in search(2, &patterns::DAY_MONTH_YEAR_PLAIN) {
            let m = c.get(0).expect("group 0");
            let ymd = year(&c[3]).and_then(|y| valid(y, month_number(&c[2])?, c[1].parse().ok()?));
            push(m.start(), m.end(), ymd);
        }
        for c in search(3, &patterns::MONTH_DAY_YEAR_PLAIN) {
            let m = c.get(0).expect("group 0");
            let ymd = year(&c[3]).and_then(|y| valid(y, month_number(&c[1])?, c[2].parse().ok()?));
            push(m.start(), m.end(), ymd);
        }
    }
    if !captured {
        for m in matches(2, &DAY_MONTH_YEAR) {
            push(m.start, m.end, day_month_year(&s[m]));
        }
        for m in matches(3, &MONTH_DAY_YEAR) {
            push(m.start, m.end, month_day_year(&s[m]));
        }
    }
    found.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    let mut out: Vec<DateMatch> = Vec::new();
    for d in found {
        if out.last().map_or(true, |l| d.start >= l.end) {
            out.push(d);
        }
    }
    out
}

/// Where the search for pattern `k` from `at` may start without missing a match: one character
/// before the leftmost match of its [`RELAXED`] form at or after `at`, or nowhere when there is
/// none. A capture search is the slow kind (the Unicode `\b` sends it to the backtracker, run
/// from every position), the relaxed search one DFA pass. Exact: a match of the pattern starting
/// at `p` is a match of its relaxed form from `p` (ISO, MONTH_DAY_YEAR) or from the character
/// after `p` (NUMERIC and DAY_MONTH_YEAR with a two-digit day, whose relaxed form begins at the
/// day's last digit), so no match starts before the character before the relaxed form's
/// leftmost start `r`; and a search from an earlier position finds the same leftmost match as
/// one from 0 (`captures_at` reads the text before it for `\b`). The proptest
/// `find_dates_equals_the_unfiltered_scan` holds it to the plain search.
fn start_of_search(k: usize, s: &str, at: usize) -> Option<usize> {
    let r = lean::find_at(&RELAXED.0[k], s, at)?.start;
    let before = s[..r].chars().next_back().map_or(0, char::len_utf8);
    Some((r - before).max(at))
}

/// The first full date in `s` as ISO 8601 (`2025-07-02`).
pub fn parse_date(s: &str) -> Option<String> {
    find_dates(s).first().map(DateMatch::iso)
}

/// A line that is only a date or a time, with filler words around it: "14 Jan 2026",
/// "10.Jan.2026", "June 27, 2025 12:30", "2 hours ago", "Updated: Monday, 2 June 2025, 10:00 GMT".
pub fn is_timestamp(line: &str) -> bool {
    // (At most 90 bytes is at most 90 characters: most lines are not counted. The word filter
    // first: it stops at a line's first word that is no date or filler word, where counting
    // the characters of a long line reads all of it.)
    // (The opening word's letters first: most lines open with a word that is neither, and one
    // table read answers them.)
    !line.is_empty()
        && !opening::opens_with_other_word(line)
        && only_date_words(line)
        && (line.len() <= 90 || line.chars().count() <= 90)
        && dated_filler(line)
}

/// The dates, times and zones of `line` taken away, only filler words are left (the definition
/// [`is_timestamp`] filters).
fn dated_filler(line: &str) -> bool {
    // Every date, time and zone pattern needs a digit (`\d` is any Unicode digit, within
    // `char::is_numeric`); without one only the relative words ("yesterday", "вчера") can date
    // the line, so most lines stop here without the allocations and passes below.
    if !line.chars().any(char::is_numeric) && !RELATIVE.is_match(line) {
        return false;
    }
    let line = ZONE_OFFSET.replace_all(line, "$1");
    let mut rest = line.to_string();
    let mut dated = false;
    for d in find_dates(&line).iter().rev() {
        rest.replace_range(d.start..d.end, " ");
        dated = true;
    }
    for re in [&RELATIVE, &MONTH_YEAR, &TIME] {
        // (A month of `MONTH_YEAR` is a whole run of word characters: a word boundary before it,
        // `.`, `,` or white space after it. Without one the line cannot match, and most
        // documents never build the pattern.)
        let month = |w: &str| DATE_WORDS.contains(w);
        if std::ptr::eq(re, &MONTH_YEAR) && !rest.split(|c| !is_word_character(c)).any(month) {
            continue;
        }
        if re.is_match(&rest) {
            dated = true;
            rest = lean::replace_all(re, &rest, " ");
        }
    }
    dated
        && rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .all(|t| FILLER_SET.contains(t.to_lowercase().as_str()))
}

/// Words a date, time or zone match can take away from a line without a digit in the same word:
/// month names and the relative-time words. (Ordinal suffixes, ISO `T` and `Z`, and `pm` glued to a
/// time share their word with a digit; `a.m.`, `pm` apart, `gmt` and `utc` are [`words::FILLER`].)
/// The plain form of [`is_date_word`], kept as its tests' reference.
#[cfg(test)]
static DATE_WORD_PLAIN: LazyLock<Regex> = LazyLock::new(|| ci(&date_word_pattern(r"\w*")));

/// [`DATE_WORD_PLAIN`]'s pattern, the unit stems ending in `tail`.
#[cfg(test)]
fn date_word_pattern(tail: &str) -> String {
    format!(
        r"^(?:{}|{}|секунд{tail}|минут{tail}|час{tail}|недел{tail}|месяц{tail}|год{tail})$",
        group(DATE_LITERALS.iter().copied()),
        group(RU_WORDS.iter().copied())
    )
}

/// The Russian relative words of [`RELATIVE`] that are whole words, and its unit stems (any tail
/// of word characters).
const RU_WORDS: [&str; 7] = ["дня", "дней", "день", "лет", "назад", "вчера", "сегодня"];
const RU_STEMS: [&str; 6] = ["секунд", "минут", "час", "недел", "месяц", "год"];

/// `word` is a date word ([`DATE_WORD_PLAIN`]) by a set lookup: the regex of the month forms and
/// relative words cost about a tenth of the first document to build, a folded lookup costs its
/// words' orbits. The proptest `date_word_equals_the_word_class_one` holds it to the regex.
fn is_date_word(word: &str) -> bool {
    DATE_WORDS.contains(word)
}

static DATE_WORDS: LazyLock<fold::FoldSet> =
    LazyLock::new(|| fold::FoldSet::new(DATE_LITERALS.iter().copied().chain(RU_WORDS), RU_STEMS));

/// The words without a digit that [`RELATIVE`], [`MONTH_YEAR`] and the date patterns can take
/// away, apart from the Russian ones ([`RU_WORDS`], [`RU_STEMS`]): every month form, and
/// the words of the relative times cut at non-alphanumeric characters ("aujourd'hui" gives
/// "aujourd" and "hui"), as the word filter cuts a line. The one-letter words ("y" of "il y a",
/// French "h") are [`words::FILLER`] instead, which the filter asks first.
static DATE_LITERALS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let months = words::MONTHS.iter().flat_map(|(_, f)| f.iter().copied());
    let relative = words::BEFORE_NUMBER
        .iter()
        .chain(&words::AFTER_UNIT)
        .flat_map(|(lead, units)| lead.iter().chain(units.iter()).copied())
        .chain(words::DAYS.iter().copied())
        .chain(EN_UNITS)
        .chain(["ago", "yesterday", "today", "just", "now"]);
    let mut all: Vec<&str> = months
        .chain(relative.flat_map(|w| w.split(|c: char| !c.is_alphanumeric())))
        .filter(|w| w.chars().count() >= 2)
        .collect();
    all.sort_unstable();
    all.dedup();
    all
});

/// A necessary condition for [`is_timestamp`], cheap enough for every line: every word without a
/// digit is a [`words::FILLER`] word or an [`is_date_word`]. Exact because a word (a run of alphanumeric
/// characters, as the final check splits them) without a digit is either taken whole by one
/// match or left whole: the patterns' letters outside [`is_date_word`] sit next to a digit (`27th`,
/// `T`, `Z`, `12:30pm`), every pattern starts at a word boundary or a digit, and a month or a
/// unit ends at a word boundary or before a separator or digit. Replacements put a space (or the
/// zone name, next to a boundary) in place of a match, so a word left whole is still a word of
/// what the final check splits, and it must be filler. That reasoning needs the regex's word
/// characters around the words to be the alphanumeric ones (`\w*` after a unit would run on
/// through `_` into the next word), so the filter gives up at a word character that is not
/// alphanumeric (`_`, a combining mark) before it has found a word that is neither. (An
/// alphanumeric character that is not a word character, such as `²`, is numeric: its word is never
/// judged.)
fn only_date_words(line: &str) -> bool {
    // One pass, stopping at the first word that is neither: the characters after it cannot
    // matter (a `\w*` only runs on to the right, from a unit word before it).
    let mut word: Option<(usize, bool)> = None;
    for (at, c) in line.char_indices().chain([(line.len(), ' ')]) {
        if c.is_alphanumeric() {
            let (start, digit) = word.unwrap_or((at, false));
            word = Some((start, digit || c.is_numeric()));
            continue;
        }
        if let Some((start, false)) = word.take() {
            let w = &line[start..at];
            // (A short ASCII word by its packed key: no lowercase copy, no string hashing.)
            let filler = match ascii_key_within(line, w) {
                Some(k) => FILLER_KEYS.contains(&k),
                None => with_lowercase(w, |l| FILLER_SET.contains(l)),
            };
            let date_word = || may_be_date_word(w) && is_date_word(w);
            if !filler && !date_word() {
                return false;
            }
        }
        if c == '_' || !c.is_ascii() && is_word_character(c) {
            return true;
        }
        word = None;
    }
    true
}

/// A necessary condition for [`is_date_word`] from the word's first two bytes: every alternative has
/// two characters at least, the pattern is anchored, and an ASCII alternative opens with one of
/// [`OPENINGS`]'s pairs. An ASCII character matches only ASCII characters of the alternatives
/// (their other characters have no ASCII case variant: a test checks), so an ASCII pair must be
/// an alternative's opening; a non-ASCII second character (`ſ` matches `s`, the Kelvin sign `k`)
/// needs an alternative opening with the first; a non-ASCII first character is left to the
/// regex. Most words of a line ("The", "Police", "in") stop here without a regex search.
fn may_be_date_word(word: &str) -> bool {
    let table = &*OPENINGS;
    match word.as_bytes() {
        [] | [_] => false,
        [a, b, ..] if a.is_ascii() && b.is_ascii() => {
            table.pairs[usize::from(a.to_ascii_lowercase())] >> b.to_ascii_lowercase() & 1 == 1
        }
        [a, ..] => !a.is_ascii() || table.first >> a.to_ascii_lowercase() & 1 == 1,
    }
}

/// The openings of [`DATE_LITERALS`] as bit sets over ASCII: the first letters, and for each
/// first letter the second letters that follow it.
struct Openings {
    first: u128,
    pairs: [u128; 128],
}

static OPENINGS: LazyLock<Openings> = LazyLock::new(|| {
    let mut table = Openings {
        first: 0,
        pairs: [0; 128],
    };
    for w in DATE_LITERALS.iter() {
        let mut chars = w.chars();
        let Some(a) = chars.next().filter(char::is_ascii) else {
            continue;
        };
        let a = a.to_ascii_lowercase() as u8;
        table.first |= 1 << a;
        if let Some(b) = chars.next().filter(char::is_ascii) {
            table.pairs[usize::from(a)] |= 1 << (b.to_ascii_lowercase() as u8);
        }
    }
    table
});

/// [`words::FILLER`] as a set, for the word filter that runs on every short line.
static FILLER_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| words::FILLER.iter().copied().collect());

/// The [`words::FILLER`] words that have a packed key ([`ascii_key`]: ASCII, at most 7 bytes), as keys:
/// an ASCII word of at most 7 bytes lowercases to one of them exactly when its key is here.
static FILLER_KEYS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    words::FILLER
        .iter()
        .filter_map(|w| ascii_key(w.as_bytes()))
        .collect()
});

/// A dateline alone on its line, the place and a day without a year, as wires print it above the
/// body: "PARIS, March 30", "Moscow, Jan 17", "YEREVAN, June 25 (Reuters)", "BAKU, Azerbaijan,
/// 2 July". The place words are capitalised; the month is any case.
static LONE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"\p{Lu}[\p{L}.'\-]+(?:[ \-]\p{Lu}[\p{L}.'\-]+){0,2}";
    let day = r"(?:0?[1-9]|[12]\d|3[01])";
    let month = &*MONTH;
    Regex::new(&format!(
        r"^{place}(?:,\s+{place})?,?\s+(?:(?i:{month})\.?\s+{day}|{day}\s+(?i:{month})\.?)(?:,?\s+\d{{4}})?(?:\s+\([\p{{L}} .&]+\))?$"
    ))
    .expect("built-in pattern compiles")
});

/// A line that is only a dateline (place and day, maybe the agency), not opening a paragraph.
pub fn is_lone_dateline(line: &str) -> bool {
    line.chars().count() <= 60 && may_be_lone_dateline(line) && LONE_DATELINE.is_match(line)
}

/// A necessary condition for [`LONE_DATELINE`], so that most documents never build it (its month
/// alternation, twice, made it the costliest pattern of the first document): the line opens with
/// a capital (`A`-`Z` when ASCII), and past its first word a date word ([`DATE_WORDS`], which has
/// every month form) sits next to a number of one or two characters opening with an ASCII digit,
/// the line split at white space, `.` and `,`. Exact: the pattern's month follows white space and
/// is followed by `.`, white space, `,` or the end, and none of these is in a month form, so the
/// month is a whole word of the split; so is the day; only `.` and white space are between them;
/// and the place takes the first word. The proptest `lone_dateline_filter_is_necessary` checks it.
fn may_be_lone_dateline(line: &str) -> bool {
    if line
        .bytes()
        .next()
        .map_or(true, |b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return false;
    }
    let day = |w: &str| w.as_bytes()[0].is_ascii_digit() && w.chars().nth(2).is_none();
    let mut words = line
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .skip(1);
    let Some(mut last) = words.next() else {
        return false;
    };
    for w in words {
        if day(w) && DATE_WORDS.contains(last) || day(last) && DATE_WORDS.contains(w) {
            return true;
        }
        last = w;
    }
    false
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:[A-ZА-ЯЁ][A-ZА-ЯЁ.'\-]+)(?:[ \-][A-ZА-ЯЁ][A-ZА-ЯЁ.'\-]+)*(?:,\s+[A-ZА-ЯЁ][\w.]+(?:\s+[A-ZА-ЯЁ][\w.]+)*)?(?:\s+\([A-Za-zА-Яа-я .&]+\))?)\s*[\u{2014}\u{2013}-]+\s+\S")
        .expect("built-in pattern compiles")
});

static AUTHOR_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:\(?(?:additional\s+)?reporting by|written by|posted by|words by|story by|text by|by|von|par|por|door|authors?|автор(?:ы)?(?: текста)?|текст|редактор)\s*:?\s+",
    )
});

/// A dateline opening a paragraph: "BAKU, Azerbaijan (AP) —", "MOSCOW —".
pub fn dateline(line: &str) -> Option<String> {
    let c = DATELINE.captures(line)?;
    let d = c.get(1)?.as_str().trim();
    // The first word is a place in capitals (a city): at least two letters.
    let first: String = d.chars().take_while(|c| c.is_alphabetic()).collect();
    (first.chars().count() >= 2).then(|| d.to_string())
}

/// The author(s) named by a byline: the prefix ("By", "Author:") and the date, place and outlet
/// after the first separator dropped.
pub fn author_of(byline: &str) -> Option<String> {
    let rest = AUTHOR_PREFIX.replace(byline.trim(), "");
    let mut cut = rest.len();
    for d in find_dates(&rest) {
        cut = cut.min(d.start);
    }
    for sep in [",", "|", ";", " in ", " — ", " – ", " - ", "(", "•", "·"] {
        if let Some(at) = rest.find(sep) {
            cut = cut.min(at);
        }
    }
    let name = rest[..cut].trim().trim_end_matches(['.', ':']).trim();
    (!name.is_empty() && name.chars().any(char::is_alphabetic)).then(|| name.to_string())
}

/// Whether `line` is a byline's opener alone ("By", "Von:"): all of it is [`AUTHOR_PREFIX`].
fn lone_opener(line: &str) -> bool {
    let t = line.trim();
    AUTHOR_PREFIX
        .find(&format!("{t} x"))
        .is_some_and(|m| m.end() == t.len() + 1)
}

/// Metadata from the claimed lines: the title line (chosen by the heuristics), the first byline,
/// the first date of a byline or timestamp line (both above line `end` when given: the comments
/// under an article have names and dates too), and a dateline opening the first body line.
pub(crate) fn extract(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    title: Option<usize>,
    end: Option<usize>,
) -> Meta {
    let mut meta = Meta {
        title: title.map(|t| lines[t].text.to_string()),
        ..Meta::default()
    };
    let end = end.unwrap_or(lines.len()).min(lines.len());
    for (i, (l, c)) in lines[..end].iter().zip(claimed).enumerate() {
        match c {
            Some(Claim::Byline) if meta.byline.is_none() => {
                // A byline split over two lines ("By" over "Jane Roe"): the two, joined; an
                // opener without its name is none.
                let text = if lone_opener(l.text) {
                    let next = (i + 1..lines.len()).find(|&k| !lines[k].text.is_empty());
                    match next {
                        Some(k) if claimed[k] == Some(Claim::Byline) => {
                            format!("{} {}", l.text, lines[k].text)
                        }
                        _ => continue,
                    }
                } else {
                    l.text.to_string()
                };
                meta.author = author_of(&text);
                if meta.published.is_none() {
                    meta.published = parse_date(&text);
                }
                meta.byline = Some(text);
            }
            Some(Claim::Timestamp) if meta.published.is_none() => {
                meta.published = parse_date(l.text)
            }
            _ => {}
        }
    }
    let body = lines
        .iter()
        .enumerate()
        .find(|(i, l)| !l.text.is_empty() && claimed[*i].is_none() && Some(*i) != title);
    meta.dateline = body.and_then(|(_, l)| dateline(l.text));
    meta
}

#[cfg(test)]
mod tests;
