//! How the page title's forms and the lines that may copy them are spelled: letters and digits,
//! lowercased, and where each word ends among them; and the first words of a line and their first
//! letters, the copy search's cheap tests. ASCII text is read byte by byte (asked of every line of
//! a span), any other as plainly written (the property tests compare the two).

use crate::boilerplate::body::form::letters;

/// The words of `all` that end at `ends` (as [`spelled`] gives them).
#[inline]
pub(super) fn at_ends<'a>(all: &'a str, ends: &[usize]) -> Vec<&'a str> {
    let starts = std::iter::once(0).chain(ends.iter().copied());
    starts.zip(ends).map(|(a, &b)| &all[a..b]).collect()
}

/// The letters and digits of `text`, lowercased ([`letters`]), and where each of its words
/// ([`words`](super::words)) ends among them. An ASCII text is read byte by byte ([`spelled_ascii`]).
pub(super) fn spelled(text: &str) -> (String, Vec<usize>) {
    if text.is_ascii() {
        return spelled_ascii(text);
    }
    spelled_of_words(text)
}

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it (which counts the
/// vertical tab, `u8::is_ascii_whitespace` does not): what `split_whitespace` splits an ASCII
/// text at.
#[inline]
fn ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

/// [`spelled`] of an ASCII text in one pass over its bytes (it is asked of the page title's
/// forms and of every line that may copy it loosely; word by word, with a `char` pushed at a
/// time, it cost about 25 instructions a byte). A word ends where a space follows its last
/// letter or digit.
fn spelled_ascii(text: &str) -> (String, Vec<usize>) {
    debug_assert!(text.is_ascii());
    let mut all: Vec<u8> = Vec::with_capacity(text.len());
    // (A word takes two bytes with the space after it: room for all at once, not grown.)
    let mut ends = Vec::with_capacity(text.len().div_ceil(2));
    let mut open = false;
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() {
            all.push(b.to_ascii_lowercase());
            open = true;
        } else if open && ascii_space(b) {
            ends.push(all.len());
            open = false;
        }
    }
    if open {
        ends.push(all.len());
    }
    (String::from_utf8(all).unwrap_or_default(), ends)
}

/// [`spelled`] word by word (the plain version, for any text).
pub(super) fn spelled_of_words(text: &str) -> (String, Vec<usize>) {
    let mut all = String::with_capacity(text.len());
    // (A word takes two bytes with the space after it: room for all at once, not grown.)
    let mut ends = Vec::with_capacity(text.len().div_ceil(2));
    for w in text.split_whitespace() {
        // (An ASCII word byte by byte: `letters` lowercases through Unicode's tables.)
        if w.is_ascii() {
            let kept = w.bytes().filter(u8::is_ascii_alphanumeric);
            all.extend(kept.map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            all.extend(letters(w));
        }
        if ends.last().map_or(!all.is_empty(), |&e| all.len() > e) {
            ends.push(all.len());
        }
    }
    (all, ends)
}

/// The first two words of `text` that [`words`](super::words) keeps (with a letter or digit), as written.
/// Read byte by byte while the text is ASCII (asked of most lines of a span), else as
/// [`lead_words_of_chars`].
#[inline]
pub(super) fn lead_words(text: &str) -> (Option<&str>, Option<&str>) {
    lead_words_ascii(text).unwrap_or_else(|| lead_words_of_chars(text))
}

/// [`lead_words`] of a text whose bytes up to the second such word's end are ASCII; `None`
/// at a byte that is not (then a space may be another one's: U+00A0).
#[inline]
fn lead_words_ascii(text: &str) -> Option<(Option<&str>, Option<&str>)> {
    let b = text.as_bytes();
    let mut found = [None, None];
    let mut n = 0;
    let mut i = 0;
    while n < 2 {
        while b.get(i).copied().is_some_and(ascii_space) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let start = i;
        let mut kept = false;
        while let Some(&c) = b.get(i).filter(|&&c| !ascii_space(c)) {
            if !c.is_ascii() {
                return None;
            }
            kept |= c.is_ascii_alphanumeric();
            i += 1;
        }
        if kept {
            found[n] = Some(&text[start..i]);
            n += 1;
        }
    }
    Some((found[0], found[1]))
}

/// [`lead_words`] of any text (the plain version).
pub(super) fn lead_words_of_chars(text: &str) -> (Option<&str>, Option<&str>) {
    let mut ws = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric));
    (ws.next(), ws.next())
}

/// The first letters (lowercased, as [`letters`] gives them) of the first two words of `text`
/// that have a letter or digit: the words [`lead_words`] gives. Read byte by byte while the
/// text is ASCII (asked of every line of a span), else as [`initials_of_chars`].
#[inline]
pub(super) fn initials(text: &str) -> (Option<char>, Option<char>) {
    let b = text.as_bytes();
    // (`char::is_whitespace` counts the vertical tab, `u8::is_ascii_whitespace` does not.)
    let space = |c: u8| c.is_ascii_whitespace() || c == 0x0b;
    let mut i = 0;
    let mut find = |stop: &dyn Fn(u8) -> bool| -> Option<Option<u8>> {
        while let Some(&c) = b.get(i) {
            if !c.is_ascii() {
                return None;
            }
            if stop(c) {
                return Some(Some(c));
            }
            i += 1;
        }
        Some(None)
    };
    let fast = (|| {
        let Some(a) = find(&|c| c.is_ascii_alphanumeric())? else {
            return Some((None, None));
        };
        find(&|c| space(c))?;
        let b = find(&|c| c.is_ascii_alphanumeric())?;
        let lower = |c: u8| char::from(c.to_ascii_lowercase());
        Some((Some(lower(a)), b.map(lower)))
    })();
    fast.unwrap_or_else(|| initials_of_chars(text))
}

/// [`initials`] read char by char.
pub(super) fn initials_of_chars(text: &str) -> (Option<char>, Option<char>) {
    let mut chars = text.chars();
    let lower = |c: char| c.to_lowercase().next();
    let a = chars.find(|c| c.is_alphanumeric());
    // (The next letter after the first word's end is the next such word's first.)
    let b = a.and_then(|_| {
        chars
            .skip_while(|c| !c.is_whitespace())
            .find(|c| c.is_alphanumeric())
    });
    (a.and_then(lower), b.and_then(lower))
}
