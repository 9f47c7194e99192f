//! Line-form predicates of the main-content model: sentence ends, title-like lines, list
//! items, date lines. Pure functions of one line's text, shared by the span and the headline.

use crate::boilerplate::line::{has_cjk_lead, Line};
use crate::boilerplate::meta::is_month;
use crate::boilerplate::stopwords::is_cjk;

/// Ends a sentence (after closing quotes and brackets, Latin or CJK, and emoji: "See you soon!
/// 🙂"), also when a credit or footnote marks follow it: news agencies in Japan and China sign a
/// story's last paragraph ("...された。【記者名】"), encyclopedic text cites ("... in 1998.[12]").
pub(crate) fn sentence_end(text: &str) -> bool {
    let text = text.trim_end();
    credit_after(text).is_some_and(ends_sentence) || ends_sentence(text)
}

/// What may close a sentence after its stop: quotes, brackets (also the CJK corner, lenticular,
/// tortoise-shell and double angle brackets and the full-width parenthesis), a bold mark.
const CLOSERS: [char; 14] = [
    '"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']', '*', '\u{300D}', '\u{300F}', '\u{FF09}',
    '\u{3011}', '\u{3015}', '\u{300B}',
];

/// The longest bracketed credit after a paragraph's last sentence, in characters.
const CREDIT_CHARS: usize = 40;

/// The text before what signs or annotates a paragraph after its last sentence: a short credit
/// in full-width brackets ("【...】", "（...）"), or footnote marks ("[12]", "[3][4]").
fn credit_after(text: &str) -> Option<&str> {
    let before = if text.ends_with(']') {
        let mut t = text;
        while let Some(inner) = t.strip_suffix(']') {
            let at = inner.rfind('[')?;
            let mark = &inner[at + 1..];
            if mark.is_empty() || !mark.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
            t = inner[..at].trim_end();
        }
        t
    } else {
        let (open, close) = match text.chars().next_back()? {
            '\u{3011}' => ('\u{3010}', '\u{3011}'),
            '\u{FF09}' => ('\u{FF08}', '\u{FF09}'),
            _ => return None,
        };
        let inner = &text[..text.len() - close.len_utf8()];
        let at = inner.rfind(open)?;
        let group = &inner[at + open.len_utf8()..];
        if group.is_empty() || group.chars().count() > CREDIT_CHARS || group.contains(close) {
            return None;
        }
        inner[..at].trim_end()
    };
    (before.len() < text.len() && !before.is_empty()).then_some(before)
}

/// Whether `text` itself ends a sentence ([`sentence_end`] without the credit).
fn ends_sentence(text: &str) -> bool {
    let mut t = text.trim_end_matches(CLOSERS);
    // (Only a line ending in a non-ASCII character can end in an emoji.)
    if t.as_bytes().last().is_some_and(|&b| b >= 0x80) && t.ends_with(emoji) {
        t = t
            .trim_end_matches(|c: char| emoji(c) || c.is_whitespace())
            .trim_end_matches(CLOSERS);
    }
    // (Tokenized text puts a space before a closing quote: `yesterday. "`.)
    t.trim_end().ends_with([
        '.', '!', '?', '\u{2026}', ';', '\u{3002}', '\u{FF01}', '\u{FF1F}',
    ])
}

/// A bulleted point written as a clause without its full stop ("* Includes a plan with
/// checkpoints and owners"): a bullet (`*`, `-`, `•`), then five words or more, the first
/// capitalized and a later one lowercase, not a lead-in (no `:` at the end). An article's list of
/// points goes on where its span stopped; a menu's items are names ("* Home Insurance"), not
/// clauses. (The caller asks for stopwords as well.)
pub(crate) fn bulleted_point(text: &str) -> bool {
    let Some(rest) = text
        .trim_start()
        .strip_prefix(['*', '-', '\u{2022}'])
        .map(str::trim)
    else {
        return false;
    };
    let mut words = rest.split_whitespace();
    let first_upper = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    let (mut count, mut lower) = (1, false);
    for w in words {
        count += 1;
        lower |= w.chars().next().is_some_and(char::is_lowercase);
    }
    first_upper && lower && count >= POINT_WORDS && !rest.ends_with(':')
}

/// Fewest words of a [`bulleted_point`].
const POINT_WORDS: usize = 5;

/// An emoji or a part of one (a pictograph, a dingbat, a variation selector, a joiner, a skin
/// tone).
fn emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D)
}

/// A line that can be a headline: a few words, no sentence end.
pub(crate) fn title_like(text: &str) -> bool {
    // (Asked of long prose lines too: the words are counted up to one past the most a title
    // has, and the characters only when a Chinese or Japanese one may be there, whose lead
    // byte is E3..E9 or EF. Without one `cjk` is 0 and the word count decides, as below.
    // `title_like_is_the_plain_test` holds it to the counts of the whole line.)
    let words = text.split_whitespace().take(31).count();
    let cjk = if has_cjk_lead(text.as_bytes()) {
        text.chars().filter(|&c| is_cjk(c)).count()
    } else {
        0
    };
    let size_ok = if cjk > 0 && cjk * 2 > text.chars().count() {
        (6..=80).contains(&cjk)
    } else {
        (3..=30).contains(&words)
    };
    size_ok && title_shape(text)
}

/// The rest of [`title_like`] past its size: no sentence end, not opening lowercase, a letter.
pub(super) fn title_shape(text: &str) -> bool {
    let end = text
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']'])
        .chars()
        .next_back();
    // A full stop ends a headline of two sentences ("Stock Falls. Why You Shouldn't Worry."),
    // never one of a single sentence, which is a caption, a notice or the body's first line.
    let end_ok = end == Some('.') && inner_sentence(text);
    let sentence_end =
        !end_ok && matches!(end, Some('.' | ':' | ';' | ',' | '\u{3002}' | '|' | '-'));
    let starts_upper_or_other = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    !sentence_end && starts_upper_or_other && text.chars().any(char::is_alphabetic)
}

/// Whether a sentence ends inside `text` and another starts after it: a stop, closing quotes,
/// a space and an uppercase letter.
pub(super) fn inner_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let t = &t[..t.len() - t.chars().next_back().map_or(0, char::len_utf8)];
    t.match_indices(['.', '!', '?']).any(|(at, _)| {
        let rest = t[at + 1..].trim_start_matches(['"', '\'', '\u{201D}', '\u{2019}']);
        rest.strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// A row of a fact box or a spec table ("Colour: green", "Weight: 220 g", "Jacket: Brand"): a
/// label of one to three words starting with a letter, a colon, white space and a value of at
/// most [`ROW_VALUE_WORDS`] words that is no sentence. A menu's items have no colon inside; a
/// run of rows like these is a table of the article (a product's data, an event's details).
pub(crate) fn label_row(text: &str) -> bool {
    // (Most lines start with no letter or have no colon: the cheap tests come first, and the
    // label's words are counted to four at the most.)
    if !text.starts_with(char::is_alphabetic) {
        return false;
    }
    // (A byte search for the colon: `split_once(':')` searches a char, byte by byte.)
    let Some(colon) = memchr::memchr(b':', text.as_bytes()) else {
        return false;
    };
    let (label, value) = (&text[..colon], &text[colon + 1..]);
    let value_raw = value;
    let value = value.trim();
    value_raw.starts_with(char::is_whitespace)
        && label.split_whitespace().nth(3).is_none()
        && !value.is_empty()
        && !value.contains("://")
        && value.split_whitespace().nth(ROW_VALUE_WORDS).is_none()
        && !sentence_end(value)
}

/// A row of a schedule ("June 9 – Riverton, OH @ Lakeside Hall", "12. März:
/// Köln, Lanxess Arena"): a month's name and a day (either first), then more words, at most
/// [`SCHEDULE_ROW_WORDS`] in all, and no sentence. A run of such rows under the article is its
/// own list (tour dates, a timetable), as a fact box is.
pub(crate) fn schedule_row(text: &str) -> bool {
    // (The day is the first or the second word, so a digit opens the line or the word after its
    // first space, within the line's first bytes: most lines have neither, and stop here
    // without their words split.)
    let bytes = text.trim_start().as_bytes();
    let second = || {
        let head = &bytes[..bytes.len().min(SCHEDULE_DAY_WITHIN)];
        memchr::memchr(b' ', head).is_some_and(|at| {
            bytes[at..]
                .iter()
                .find(|c| !c.is_ascii_whitespace())
                .is_some_and(u8::is_ascii_digit)
        })
    };
    if !(bytes.first().is_some_and(u8::is_ascii_digit) || second()) {
        return false;
    }
    let day = |w: &str| {
        let w = w.trim_end_matches(['.', ',', ':']);
        (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let mut words = text.split_whitespace();
    let (Some(a), Some(b), Some(_)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    // (The day first: most lines open with no number, and the month's test lowercases.)
    ((day(b) && is_month(a)) || (day(a) && is_month(b)))
        && text.split_whitespace().nth(SCHEDULE_ROW_WORDS).is_none()
        && !sentence_end(text)
}

/// The most words a [`schedule_row`] has.
const SCHEDULE_ROW_WORDS: usize = 16;

/// A [`schedule_row`]'s day lies within its first bytes: a month's longest name ("Września.",
/// "сентября" in two-byte letters) and a space before it, or the day itself first.
const SCHEDULE_DAY_WITHIN: usize = 24;

/// [`label_row`] as plainly written, for its property test.
#[cfg(test)]
pub(crate) fn label_row_plain(text: &str) -> bool {
    let Some((label, value)) = text.split_once(':') else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    let value = value.trim();
    (1..=3).contains(&label_words)
        && label.starts_with(char::is_alphabetic)
        && text[label.len() + 1..].starts_with(char::is_whitespace)
        && !value.is_empty()
        && !value.contains("://")
        && value.split_whitespace().nth(ROW_VALUE_WORDS).is_none()
        && !sentence_end(value)
}

/// The most words the value of a [`label_row`] has.
const ROW_VALUE_WORDS: usize = 12;

/// Most items a list under a lead-in has ([`list_under`]).
pub(crate) const MAX_LIST_ITEMS: usize = 40;

/// How many of the lines `after` a lead-in (the indices of the non-blank lines under it, in
/// order) are the items of its list: the one definition of the heuristics, which give the items
/// back, and of the body span, which grows over them. The items run up to [`MAX_LIST_ITEMS`],
/// to the first line `stop` names (given its place among the items and its index), and to a
/// blank line between two items neither of which is a bullet (`bullet`): a converter that
/// drops the bullets prints a list as one block of lines.
pub(crate) fn list_under(
    after: &[usize],
    bullet: impl Fn(usize) -> bool,
    mut stop: impl FnMut(usize, usize) -> bool,
) -> usize {
    for (k, &j) in after.iter().enumerate() {
        let gap = k > 0 && j > after[k - 1] + 1 && !bullet(j) && !bullet(after[k - 1]);
        if k >= MAX_LIST_ITEMS || gap || stop(k, j) {
            return k;
        }
    }
    after.len()
}

/// A list item: a bullet (`*`, `+`, `-`, `•`, `·`, `>`) and a space first.
pub(super) fn list_item(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        chars.next(),
        Some('*' | '+' | '-' | '\u{2022}' | '\u{B7}' | '>')
    ) && chars.next().is_some_and(char::is_whitespace)
}

/// A date or time line ("Updated Nov 19, 9:41 AM", "18.11.2019"): a short line (at most
/// [`DATE_LINE_WORDS`] words) with a clock time, or one that dates make up a third of. Headlines
/// name days seldom and hours never; a paragraph that names an hour ("At 10:30 the minister
/// said ...") is text, not a time stamp. The cheap tests come first: most lines have no digit,
/// and the date patterns are a regex search.
pub(super) fn dateish(text: &str) -> bool {
    let b = text.as_bytes();
    if !b.iter().any(u8::is_ascii_digit) || text.split_whitespace().nth(DATE_LINE_WORDS).is_some() {
        return false;
    }
    let clock = b.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    });
    clock
        || crate::boilerplate::meta::find_dates(text)
            .iter()
            .map(|d| d.end - d.start)
            .sum::<usize>()
            * 3
            >= text.len()
}

/// The most words a date or time line has ("Published: Monday 18 November 2019, 10:32 GMT |
/// Updated: Monday 18 November 2019, 11:05 GMT" has 14).
const DATE_LINE_WORDS: usize = 16;

/// The longest first line read as a page title (about 200 characters of Cyrillic or Greek, 130
/// of Chinese): `<title>`s are shorter; a longer line is a paragraph or a menu. Both the
/// headline's page-title evidence and the span's anchor under its copy stop there.
const MAX_TITLE_BYTES: usize = 400;

/// The page title a page converted from HTML prints first (its `<title>`): the first non-blank
/// line, as its index and text, unless it is longer than [`MAX_TITLE_BYTES`].
pub(super) fn page_title_line<'a>(lines: &[Line<'a>]) -> Option<(usize, &'a str)> {
    let top = lines.iter().position(|l| !l.text.is_empty())?;
    let title = lines[top].text;
    (title.len() <= MAX_TITLE_BYTES).then_some((top, title))
}

/// The letters and digits of `text`, lowercased: how a page title and its copies are compared
/// (from either end).
pub(super) fn letters(text: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    Letters {
        chars: text.chars(),
        front: None,
        back: None,
    }
}

/// [`letters`] as plainly written, for its property test.
#[cfg(test)]
pub(super) fn letters_plain(text: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// The iterator behind [`letters`]: `chars().filter(is_alphanumeric).flat_map(to_lowercase)`
/// with an ASCII character lowercased at once (the flat map's lowercasing through Unicode's
/// tables cost about 50 instructions a character; page titles are read on every page). From
/// either end, as the flat map: a character's lowercase is held at the end it was taken from,
/// and the other end takes what is left of it when the characters run out.
struct Letters<'a> {
    chars: std::str::Chars<'a>,
    front: Option<std::char::ToLowercase>,
    back: Option<std::char::ToLowercase>,
}

impl Iterator for Letters<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            if let Some(lower) = &mut self.front {
                match lower.next() {
                    Some(c) => return Some(c),
                    None => self.front = None,
                }
            }
            match self.chars.next() {
                Some(c) if c.is_ascii() => {
                    if c.is_ascii_alphanumeric() {
                        return Some(c.to_ascii_lowercase());
                    }
                }
                Some(c) => {
                    if c.is_alphanumeric() {
                        self.front = Some(c.to_lowercase());
                    }
                }
                None => return self.back.as_mut()?.next(),
            }
        }
    }
}

impl DoubleEndedIterator for Letters<'_> {
    fn next_back(&mut self) -> Option<char> {
        loop {
            if let Some(lower) = &mut self.back {
                match lower.next_back() {
                    Some(c) => return Some(c),
                    None => self.back = None,
                }
            }
            match self.chars.next_back() {
                Some(c) if c.is_ascii() => {
                    if c.is_ascii_alphanumeric() {
                        return Some(c.to_ascii_lowercase());
                    }
                }
                Some(c) => {
                    if c.is_alphanumeric() {
                        self.back = Some(c.to_lowercase());
                    }
                }
                None => return self.front.as_mut()?.next_back(),
            }
        }
    }
}

/// The first of the [`letters`] of `text`, read byte by byte while the text is ASCII: the
/// comparisons of lines with the page title ask it of every line first (most lines differ from
/// the title at their first letter).
pub(super) fn first_letter(text: &str) -> Option<char> {
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            // (`i` is a character boundary: the bytes before it are ASCII.)
            return letters(&text[i..]).next();
        }
        if b.is_ascii_alphanumeric() {
            return Some(char::from(b.to_ascii_lowercase()));
        }
    }
    None
}

/// The last of the [`letters`] of `text`, read byte by byte from the end while the text is
/// ASCII (see [`first_letter`]).
pub(super) fn last_letter(text: &str) -> Option<char> {
    for (i, &b) in text.as_bytes().iter().enumerate().rev() {
        if !b.is_ascii() {
            // (`i + 1` is a character boundary: the bytes after it are ASCII.)
            return letters(&text[..=i]).next_back();
        }
        if b.is_ascii_alphanumeric() {
            return Some(char::from(b.to_ascii_lowercase()));
        }
    }
    None
}

/// How many characters `own` holds when each is the next of `other`'s; `None` at the first that
/// is not (most lines differ from a title at their first or last letter: nothing is collected).
pub(super) fn along(
    own: impl Iterator<Item = char>,
    mut other: impl Iterator<Item = char>,
) -> Option<usize> {
    let mut count = 0;
    for c in own {
        if other.next() != Some(c) {
            return None;
        }
        count += 1;
    }
    Some(count)
}

/// Whether line `i`, the first of a block in a hard-wrapped document, is a heading over the
/// block rather than its first wrapped line: no sentence end, shorter than the next line, and
/// the next line opens with a capital ("Rail strike called off after late-night talks" over
/// "Train drivers have called off next week's strike after talks that ran"). A wrapped line is
/// about as long as the next one, and the next one goes on with its sentence.
pub(super) fn heading_over(lines: &[Line<'_>], sentences: &[bool], i: usize) -> bool {
    let Some(next) = lines.get(i + 1).map(|l| l.text) else {
        return false;
    };
    !sentences[i]
        && !next.is_empty()
        && lines[i].text.chars().count() < next.chars().count()
        && next.chars().next().is_some_and(char::is_uppercase)
}
