//! The article's own lists of short items, told from menus: the main-content model removes runs
//! of menu-like items inside the body span (`menu-run`), and asks [`article_list`] first. A
//! review's "Pros" over "Fast cycle times", "Careful handling", a feature list ("Inventory
//! management", "Post call analytics") are runs of short items inside the article as much as a
//! share bar or a stack of section links; what sets them apart is how they are written and
//! where they stand.
//!
//! Policy: a run is the article's list when all of these hold:
//! - it is short: at most [`MAX_ITEMS`] items, and no more than the span's lines of prose (an
//!   aside of the text, not a catalogue with a few sentences around it);
//! - its items are written as phrases, in sentence case: of its items of two words or more (at
//!   least [`MIN_PHRASES`]), most have a lowercase word after the first that is no stopword
//!   ("Fast cycle times"), where menus capitalise every word ("Business Ideas", "Contact Us")
//!   or hold one word each;
//! - it stands between the article's paragraphs: [`MIN_PROSE_AROUND`] lines of prose of the span
//!   above it and as many under it (a menu or a navigation box at the span's edges has none on
//!   one side);
//! - it speaks the article's words: half its items or more share a word of four letters or more
//!   with the span's prose ("careful handling" in a text about movers), or it lies under a
//!   longer item of its list ([`under_longer_item`]: a packing list's "Compass", "Soap" under
//!   "Spare batteries for the head torch");
//! - none of its items is a site's navigation item ([`NAV_ITEMS`]: "Contact us", "Get in
//!   touch", "Pricing");
//! - it is not a template repeated on the page: its items, in order, do not stand elsewhere in
//!   the document ("Save", "More like this", "Fewer like this" under every teaser).
//!
//!
//! Or, whatever its length and however often its template stands on the page: it is a review's
//! labelled lists, a "Pros" label and a "Cons" label among its items ([`PROS`], [`CONS`]: "Pros &
//! Cons", "What we like", "Vorteile" / "Nachteile", "Плюсы" / "Минусы"), with a line of prose of
//! the span above it and one under it; or one of the labels, the other a few lines away, when an
//! item too long to be menu-like broke the box in two runs (measured: 74 article lines back on
//! the modern set and WCXB, 9 boilerplate lines kept, product cards whose cons WCXB's gold
//! labels boilerplate).
//!
//! Measured on the modern set's fold A (model-written labels), the readability set and dev: runs
//! this keeps hold about seven article lines for every menu line.

use crate::boilerplate::line::{bare, Line};

use super::vocabulary::is_stop;
use super::web_vocabulary::{CONS, NAV_ITEMS, PROS, PROS_AND_CONS};

/// Fewest items of two words or more a run needs to be judged by its writing.
const MIN_PHRASES: usize = 2;

/// Lines of prose a run needs above it and under it, inside the span.
const MIN_PROSE_AROUND: usize = 3;

/// Most items of an article's list between its paragraphs; a longer run (a directory, a
/// catalogue) is no aside of the text, whatever its writing.
const MAX_ITEMS: usize = 12;

/// Fewest letters of a word that carries the article's vocabulary.
const VOCAB_LETTERS: usize = 4;

/// Whether the run of menu-like items `run` (line indices, in order) inside the body span
/// `span` is the article's own list; `prose(i)` says whether line `i` reads as prose.
pub(crate) fn article_list(
    lines: &[Line<'_>],
    run: &[usize],
    span: (usize, usize),
    prose: impl Fn(usize) -> bool,
) -> bool {
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return false;
    };
    let above = (span.0..first).filter(|&i| prose(i)).count();
    let below = (last + 1..=span.1).filter(|&i| prose(i)).count();
    if above.min(below) >= 1 && pros_and_cons(lines, run, span) {
        return true;
    }
    run.len() <= MAX_ITEMS
        && run.len() <= above + below
        && sentence_case(lines, run)
        && above.min(below) >= MIN_PROSE_AROUND
        && !run.iter().any(|&i| navigation(lines[i].text))
        && (speaks_the_article(lines, run, span, &prose) || under_longer_item(lines, run))
        && !repeated(lines, run)
}

/// An item of a site's navigation ([`NAV_ITEMS`]), bullets and punctuation aside.
pub(crate) fn navigation(text: &str) -> bool {
    let item = words(text).collect::<Vec<_>>().join(" ").to_lowercase();
    NAV_ITEMS.binary_search(&item.as_str()).is_ok()
}

/// The words of a line, bullets and punctuation stripped.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(bare)
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Most of the run's items of two words or more (at least [`MIN_PHRASES`]) are phrases in
/// sentence case ([`phrase_case`]).
pub(crate) fn sentence_case(lines: &[Line<'_>], run: &[usize]) -> bool {
    let (mut phrases, mut lower) = (0usize, 0usize);
    for &i in run {
        if let Some(phrase) = phrase_case(lines[i].text) {
            phrases += 1;
            lower += usize::from(phrase);
        }
    }
    phrases >= MIN_PHRASES && 2 * lower > phrases
}

/// Whether a line of two words or more is a phrase in sentence case: a lowercase word that is
/// no stopword after the first word ("Fast cycle times", not "Contact Us"); `None` for a line of
/// one word.
fn phrase_case(text: &str) -> Option<bool> {
    let mut ws = words(text);
    ws.next();
    let mut rest = ws.peekable();
    rest.peek()?;
    Some(rest.any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().all(char::is_alphabetic)
            && !is_stop(w)
    }))
}

/// Words of a longer item of a list over a run ([`under_longer_item`]), at least and at most.
const LONGER_ITEM_WORDS: (usize, usize) = (4, 12);

/// Whether the run lies under a longer item of its list: the line right above its first item
/// (no blank line between: one block) is a phrase in sentence case of [`LONGER_ITEM_WORDS`]
/// words, capitalised, with no sentence end or colon ("Spare batteries for the head torch" over
/// "Compass", "Soap", "Rain jacket"). A packing list's, a recipe's or a review's short items
/// follow its longer ones, where a menu stands in a block of its own, under a label, a sentence
/// ("Sign in to comment.") or a date. Measured on the ten labelled sets: with a longer item on
/// both sides, 26 article lines back and no boilerplate line kept; above it is enough: 48 more
/// back (packing, spice and gear lists), 10 boilerplate lines kept (a comment box's buttons under
/// "I have an account", a car review's likes); a longer item under the run alone gives 14
/// article lines for 18 boilerplate lines (a related list's header under ad labels), not taken.
fn under_longer_item(lines: &[Line<'_>], run: &[usize]) -> bool {
    let longer = |i: usize| {
        let text = lines[i].text;
        let n = words(text).count();
        (LONGER_ITEM_WORDS.0..=LONGER_ITEM_WORDS.1).contains(&n)
            && !text.trim_end().ends_with(['.', '!', '?', ':'])
            && words(text)
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && phrase_case(text) == Some(true)
    };
    run.first()
        .is_some_and(|&first| first > 0 && longer(first - 1))
}

/// A word's key for the vocabulary: lowercased, a plural `s` cut; `None` when too short.
fn key(word: &str) -> Option<String> {
    if word.chars().filter(|c| c.is_alphabetic()).count() < VOCAB_LETTERS {
        return None;
    }
    let lower = word.to_lowercase();
    Some(match lower.strip_suffix('s') {
        Some(stem) => stem.to_string(),
        None => lower,
    })
}

/// Half the run's items or more share a word with the prose of the span (outside the run).
///
/// (Asked of every run of short items between the paragraphs of a page: the run's few keys are
/// collected, and the span's prose words are compared with them until half the items have
/// matched, without a set of the span's whole vocabulary; an ASCII word's key is built on the
/// stack.)
fn speaks_the_article(
    lines: &[Line<'_>],
    run: &[usize],
    span: (usize, usize),
    prose: &impl Fn(usize) -> bool,
) -> bool {
    let items: Vec<Vec<String>> = run
        .iter()
        .map(|&i| words(lines[i].text).filter_map(key).collect())
        .collect();
    // (2 * shared >= the run's length.)
    let need = run.len().div_ceil(2);
    if need == 0 {
        return true;
    }
    let mut matched = vec![false; run.len()];
    let mut shared = 0;
    let mut buf = [0u8; 64];
    for i in (span.0..=span.1).filter(|&i| prose(i) && !run.contains(&i)) {
        for w in words(lines[i].text) {
            let mut hit = |k: &str| {
                let mut new = 0;
                for (m, item) in matched.iter_mut().zip(&items) {
                    if !*m && item.iter().any(|x| x == k) {
                        *m = true;
                        new += 1;
                    }
                }
                new
            };
            shared += if w.is_ascii() && w.len() <= buf.len() {
                if w.bytes().filter(u8::is_ascii_alphabetic).count() < VOCAB_LETTERS {
                    continue;
                }
                let lower = &mut buf[..w.len()];
                lower.copy_from_slice(w.as_bytes());
                lower.make_ascii_lowercase();
                let lower = std::str::from_utf8(lower).expect("ASCII");
                hit(lower.strip_suffix('s').unwrap_or(lower))
            } else {
                match key(w) {
                    Some(k) => hit(&k),
                    None => continue,
                }
            };
            if shared >= need {
                return true;
            }
        }
    }
    false
}

/// Whether the run holds a label of a review's "pros" list and one of its "cons" list (an item
/// that is a label, colon aside, or "Pros & Cons" itself). A longer item breaks a review's box
/// into runs ("Pros", "Light frame", "Quiet fan", then "The keyboard cover costs extra money"), so a
/// run with one of the labels counts when the other stands within [`LABEL_REACH`] non-blank
/// lines of it in the span `span`: the "cons" label under a run with "pros", a "pros" label
/// (or the pair's heading) over a run with "cons".
fn pros_and_cons(lines: &[Line<'_>], run: &[usize], span: (usize, usize)) -> bool {
    let label = |i: usize| {
        words(lines[i].text)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let pair = |l: &String| PROS_AND_CONS.binary_search(&l.as_str()).is_ok();
    let pros = |l: &String| PROS.binary_search(&l.as_str()).is_ok();
    let cons = |l: &String| CONS.binary_search(&l.as_str()).is_ok();
    let labels: Vec<String> = run.iter().map(|&i| label(i)).collect();
    let (has_pros, has_cons) = (labels.iter().any(pros), labels.iter().any(cons));
    if labels.iter().any(pair) || has_pros && has_cons {
        return true;
    }
    let (Some(&first), Some(&last)) = (run.first(), run.last()) else {
        return false;
    };
    let near = |range: &mut dyn Iterator<Item = usize>, want: &dyn Fn(&String) -> bool| {
        range
            .filter(|&i| !lines[i].text.is_empty())
            .take(LABEL_REACH)
            .any(|i| want(&label(i)))
    };
    has_pros && near(&mut (last + 1..=span.1), &cons)
        || has_cons && near(&mut (span.0..first).rev(), &|l| pros(l) || pair(l))
}

/// Most non-blank lines between a run with one of a review's labels and the other label
/// ([`pros_and_cons`]).
const LABEL_REACH: usize = 6;

/// The run's items, in order, stand elsewhere in the document too (blank lines between them
/// not counted).
pub(crate) fn repeated(lines: &[Line<'_>], run: &[usize]) -> bool {
    let items: Vec<&str> = run.iter().map(|&i| lines[i].text).collect();
    (0..lines.len())
        .filter(|i| !run.contains(i) && lines[*i].text == items[0])
        .any(|start| {
            let mut copy = lines[start..]
                .iter()
                .map(|l| l.text)
                .filter(|t| !t.is_empty());
            items.iter().all(|item| copy.next() == Some(item))
        })
}

#[cfg(test)]
mod tests;
