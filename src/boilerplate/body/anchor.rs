//! The article under a copy of the page title: a block of prose the span missed.
//!
//! A page converted from HTML starts with its `<title>` ("Headline | Site"), and the article
//! prints its headline again right over its text. The body span is the page's densest run of
//! prose; on a page whose article is short (one or two paragraphs under a video, a post above
//! a long comment thread) a denser block elsewhere wins it (a login form's messages, an archive's
//! banner, a forum's replies), and the article falls outside the span although its headline
//! says where it is.
//!
//! Policy: the first line under the first line that copies the page title ([`copy`]) and has
//! prose within [`WINDOW`] non-blank lines under it anchors a block: from the copy down to the
//! last prose line before [`BREAK`] non-blank lines that are not prose. When that block
//! holds at least [`ANCHOR_MIN`] characters of prose and lies outside the span, the span grows
//! to cover it; the lines between the two (the chrome that separated them) are holes, outside
//! the body. Nothing leaves the body: the span only grows, so a copy of the title in the wrong
//! place costs recall, never article lines.

use super::form::{along, first_letter, last_letter, letters, page_title_line};
use super::{Line, LENGTH_LOW};

/// How many non-blank lines under the title's copy the article's first prose line may be (a
/// byline, a date, a reading time, a caption between).
const WINDOW: usize = 6;

/// How many non-blank lines that are not prose end the anchored block (a subheading or a
/// one-line caption between paragraphs does not).
const BREAK: usize = 2;

/// Fewest characters of prose the anchored block holds (about a sentence and a half).
const ANCHOR_MIN: usize = 150;

/// Fewest letters and digits of the page title, and of its copy (a shorter one is a site's
/// name or a section's).
const MIN_LETTERS: usize = 16;

/// Fewest words of the title's copy.
const MIN_WORDS: usize = 3;

/// The span `(s, e)` grown over the block anchored under the page title's copy, and the
/// non-blank lines between the two (holes); `None` when there is no such block outside the
/// span. `prose(i)`: line `i` reads as prose; `len[i]`: its weighted length.
pub(super) fn join(
    lines: &[Line<'_>],
    prose: &dyn Fn(usize) -> bool,
    len: &[usize],
    (s, e): (usize, usize),
) -> Option<((usize, usize), Vec<usize>)> {
    let n = lines.len();
    let (top, title) = page_title_line(lines)?;
    // (Room for every byte at once: collected char by char, the vector grew five times.)
    let mut letters_of_title = Vec::with_capacity(title.len());
    letters_of_title.extend(letters(title));
    let title = letters_of_title;
    if title.len() < MIN_LETTERS {
        return None;
    }
    let nonblank = |i: &usize| !lines[*i].text.is_empty();
    let (h, p) = (top + 1..n).filter(nonblank).find_map(|h| {
        if !copy(lines[h].text, &title) {
            return None;
        }
        let p = (h + 1..n)
            .filter(nonblank)
            .take(WINDOW)
            .find(|&i| prose(i))?;
        Some((h, p))
    })?;
    // The block: from the article's first prose line down to the last one before a run of
    // lines that are not prose.
    let (mut q, mut misses) = (p, 0);
    for i in (p + 1..n).filter(nonblank) {
        if prose(i) {
            (q, misses) = (i, 0);
        } else {
            misses += 1;
            if misses >= BREAK {
                break;
            }
        }
    }
    let score: usize = (p..=q).filter(|&i| prose(i)).map(|i| len[i]).sum();
    if score < ANCHOR_MIN || h <= e && s <= q {
        return None;
    }
    let (between, span) = if q < s {
        (q + 1..s, (h, e))
    } else {
        (e + 1..h, (s, q))
    };
    Some((span, between.filter(nonblank).collect()))
}

/// Whether `text` copies the page title whose letters are `title`: its letters and digits
/// (case and punctuation aside) are the title's, or its beginning or end ("Headline | Site",
/// "Site: Headline"), at least half of them, in [`MIN_WORDS`] words or more, and it is a
/// heading (shorter than a line of prose). Every line of the page is asked, so the tests run
/// cheapest first and nothing is allocated: a line has at least as many bytes as letters, and
/// most lines differ from the title at their first or last letter.
fn copy(text: &str, title: &[char]) -> bool {
    if text.len() < MIN_LETTERS || text.len() >= 8 * LENGTH_LOW || 2 * text.len() < title.len() {
        return false;
    }
    // (The first letter, else the last, is the title's: read without decoding an ASCII line.)
    if first_letter(text) != title.first().copied() && last_letter(text) != title.last().copied() {
        return false;
    }
    // The title's beginning, else its end, compared letter by letter from that side: most lines
    // differ at their first or last letter.
    let Some(count) = along(letters(text), title.iter().copied())
        .or_else(|| along(letters(text).rev(), title.iter().rev().copied()))
    else {
        return false;
    };
    count >= MIN_LETTERS
        && 2 * count >= title.len()
        && text.chars().count() < 2 * LENGTH_LOW
        && text.split_whitespace().nth(MIN_WORDS - 1).is_some()
}

#[cfg(test)]
mod tests;
