//! The body span's edges: what a line outside the span needs before it is removed.
//!
//! The span (the maximum-sum run of prose) is where the article surely is; its edges are where
//! the article's own short lines sit (a subheading and the paragraph under it, a closing credit,
//! a list under its lead-in). Policy, by class of line:
//! - **Chrome by form** (claimed by a heuristic, a menu-like item of at most three words, a long
//!   line without function words that is no sentence: a headline list, a link row; a date or
//!   time line, a line without letters) stops the span from growing and is removed outside it.
//! - **Text that continues the article** (a sentence, a list's lead-in, an enumeration, a long
//!   line, the items of a list a lead-in of a few words introduces, the rows of a fact box:
//!   [`MIN_ROWS`] or more adjacent `Label: value` lines no heuristic claimed, or the rows of a
//!   schedule: "June 9 – Riverton, OH @ Bay Arena", a tour's dates) extends the span,
//!   across at most [`BRIDGE`] other lines (a subheading, a dateline) when text follows them.
//!   A list a lead-in introduces may be a list of names (menu-like items from its first line
//!   on: "Pie Junkie", "The Press"); it continues the text to its end. Its entries may stand
//!   one a paragraph when they close with a bracket ([`entry`]: "Ann Berg (Lund University)").
//! - **A lone heading** (a menu-like item no other item borders over it, with
//!   [`HEADING_TEXT`] of continuing text under it, a statement among it: "Pricing" over the
//!   prices' sentences, "FAQs" over questions and answers) is a subheading, not chrome: the
//!   span crosses it like a line of the bridge. A menu's items come in runs; a widget's label
//!   sits over a line or two of its own ("Submit" over "Message sent!"), a related list's header
//!   over headlines and questions without a full stop.
//! - **The article's numbered list** goes on below the span with the next number after the
//!   span's last numbered line, item by item, each within [`ITEM_GAP`] lines of the last
//!   ([`numbered_tail`]): a listicle's products with their links under them. A list numbered
//!   from one under the article (most read) does not continue it, unless the span has no
//!   numbered line and the list starts right under it (a race's results under the story).
//! - **The line next to the edge** that is not chrome stays (a byline or credit under the last
//!   paragraph, a standfirst above the first): [`NEAR`] lines on each side.
//! - **Clean text**: a document without page chrome at all (at most [`CLEAN_MAX_CHROME`] chrome
//!   lines, a byline, a date or a section word not counted: they occur in clean news) has nothing
//!   outside its body. A news corpus, an article pasted alone.

use std::cell::{Cell, OnceCell};

use rustc_hash::FxHashSet;

use super::form::{dateish, label_row, list_item, list_under, schedule_row};
use super::{item, Class, Counts, Line, LENGTH_LOW, MIN_ITEM_RUN};
use crate::boilerplate::claim::Claim;
use crate::boilerplate::heuristics::{numbering, Numbering};

/// How many lines that neither continue the text nor are chrome the span crosses to reach text
/// beyond them (a subheading, a dateline, an author line between paragraphs).
const BRIDGE: usize = 1;

/// How much continuing text (weighted characters, a statement among it) a lone heading needs
/// under it to be the article's subheading rather than a widget's label (measured on the
/// modern and trafilatura sets: with any amount, form labels over a line of text went too).
const HEADING_TEXT: usize = 100;

/// How many non-chrome lines next to each edge of the span stay.
const NEAR: usize = 1;

/// A document with at most this many chrome lines is clean text (one stray line is no page).
const CLEAN_MAX_CHROME: usize = 1;

/// A lead-in needs this many words to introduce a list ("The panel has five members:"); a
/// shorter one is more often a widget's label ("Share on:", "Tags:"), and introduces the
/// article's list only when that list is bulleted and written in phrases ([`phrase_list`]).
pub(super) const LEAD_IN_WORDS: usize = 4;

/// Whether the bulleted list `items` under a short lead-in ("Include:", "Here's a selection:")
/// is the article's: its first line is a bullet item and some item is a phrase in sentence case,
/// a lowercase word of [`PHRASE_WORD`] letters or more after the bullet and the first word ("* Spare
/// inner tubes", "* A rain jacket"). A widget's list under a short label names things in title
/// case ("Follow us:" / "* Facebook", "Explore more:" / "* Home & Garden"). (Measured
/// on the six labelled sets: 22 article lines back and no boilerplate line kept; without the
/// bullet, 7 more article lines and 10 boilerplate lines of a headline list kept. The item test
/// of `article_lists::sentence_case`, a lowercase word that is no stopword, gives the same on
/// the labelled sets and keeps one more menu line on a trafilatura page.)
fn phrase_list(lines: &[Line<'_>], items: &[usize]) -> bool {
    let phrase = |j: usize| {
        lines[j].text.split_whitespace().skip(2).any(|w| {
            w.starts_with(char::is_lowercase) && w.chars().take(PHRASE_WORD).count() == PHRASE_WORD
        })
    };
    items.first().is_some_and(|&j| list_item(lines[j].text)) && items.iter().any(|&j| phrase(j))
}

/// Fewest letters of the lowercase word that makes a list item a phrase ([`phrase_list`]):
/// shorter ones are mostly function words ("of", "the", "and").
const PHRASE_WORD: usize = 4;

/// Which lines are page chrome by form (see the module doc), blank lines not. The cheap tests
/// are taken for every line at once; the date test (regex searches) only for the lines a caller
/// asks about, once each: the edges look at a few lines, and most lines are never asked about.
pub(super) struct Chrome<'a, 't> {
    lines: &'a [Line<'t>],
    claimed: &'a [Option<Claim>],
    counts: &'a [Counts],
    free: &'a [Class],
    /// Claimed, a menu-like item, or a long line without function words that is no sentence.
    base: Vec<bool>,
    stamps: Vec<OnceCell<bool>>,
}

impl<'a, 't> Chrome<'a, 't> {
    pub(super) fn new(
        lines: &'a [Line<'t>],
        claimed: &'a [Option<Claim>],
        counts: &'a [Counts],
        free: &'a [Class],
        textual: &[bool],
    ) -> Self {
        let base = (0..lines.len())
            .map(|i| {
                !lines[i].text.is_empty()
                    && (claimed[i].is_some()
                        || item(lines[i].text, counts[i], free[i])
                        || free[i] == Class::Bad && !textual[i])
            })
            .collect();
        Chrome {
            lines,
            claimed,
            counts,
            free,
            base,
            stamps: vec![OnceCell::new(); lines.len()],
        }
    }

    /// Whether line `i` is an unclaimed menu-like item (at most three words, no sentence end):
    /// a heading when alone.
    fn item(&self, i: usize) -> bool {
        let text = self.lines[i].text;
        !text.is_empty() && self.claimed[i].is_none() && item(text, self.counts[i], self.free[i])
    }

    /// Whether line `i` is chrome.
    pub(super) fn is(&self, i: usize) -> bool {
        self.base[i] || !self.lines[i].text.is_empty() && self.stamp(i)
    }

    /// The nearest non-blank line under line `i` (`down`) or over it.
    fn nonblank(&self, i: usize, down: bool) -> Option<usize> {
        if down {
            (i + 1..self.lines.len()).find(|&j| !self.lines[j].text.is_empty())
        } else {
            (0..i).rev().find(|&j| !self.lines[j].text.is_empty())
        }
    }

    /// The text right under line `i`: the weighted length of the run of lines there that
    /// continue the text, when one of them is a [`statement`], else 0 (counted up to
    /// [`HEADING_TEXT`]).
    fn text_under(&self, i: usize, continues: &[bool]) -> usize {
        let (mut sum, mut sentence, mut at) = (0, false, i);
        while let Some(j) = self
            .nonblank(at, true)
            .filter(|&j| continues[j] && sum < HEADING_TEXT)
        {
            sum += self.counts[j].len;
            sentence |= statement(self.lines[j].text);
            at = j;
        }
        if sentence {
            sum
        } else {
            0
        }
    }

    /// Whether line `i` is a lone heading: a menu-like item that no other item borders over it,
    /// over [`HEADING_TEXT`] of text (a subheading and its paragraph, "Pricing" over the
    /// prices' sentences). A menu's items come in runs; a widget's label sits over a line or
    /// two of its own ("Submit" over "Message sent!").
    pub(super) fn lone_heading(&self, i: usize, continues: &[bool]) -> bool {
        self.item(i)
            && self.nonblank(i, false).map_or(true, |j| !self.item(j))
            && !self.stamp(i)
            && self.text_under(i, continues) >= HEADING_TEXT
    }

    /// Whether line `i` is a date or time line or has no letter ([`stamp`]).
    fn stamp(&self, i: usize) -> bool {
        *self.stamps[i].get_or_init(|| stamp(self.lines[i].text))
    }
}

/// A sentence ending in a full stop: a statement, not a question or a call ("How Do They
/// Compare?", "Message sent!"), which are as often a teaser's headline or a widget's text.
fn statement(text: &str) -> bool {
    text.trim_end_matches([
        '"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']', '*', ' ',
    ])
    .ends_with(['.', '\u{3002}'])
}

/// A date or time line, or a line without a letter (a comment count, a lone bullet): next to the
/// body of a page, the page's (a posting time, a share counter).
fn stamp(text: &str) -> bool {
    dateish(text) || !text.chars().any(char::is_alphabetic)
}

/// Marks as continuing the text the items of every list a lead-in introduces: under an
/// unclaimed line of at least [`LEAD_IN_WORDS`] words ending with a colon (a shorter one over a
/// list in phrases, [`phrase_list`]), the items
/// [`list_under`] finds (the heuristics' definition, which gives them back; here a blank line
/// between two [`entry`] lines under a long lead-in does not end the list), the first line
/// always, and up to the first chrome line that is no bullet item. A heuristic may claim the
/// items (a row of names reads as a link list); they still carry the span to the text after
/// them.
pub(super) fn lead_in_lists(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    chrome: &Chrome<'_, '_>,
    continues: &mut [bool],
) {
    // (Room for every line at once: collected from a filter, the vector grew by doubling.)
    let mut nonblank: Vec<usize> = Vec::with_capacity(lines.len());
    nonblank.extend((0..lines.len()).filter(|&i| !lines[i].text.is_empty()));
    for (k, &i) in nonblank.iter().enumerate() {
        let t = lines[i].text;
        if claimed[i].is_some() || !t.ends_with(':') {
            continue;
        }
        // (A bullet item a heuristic claimed still carries the span: the first item always.)
        let after = &nonblank[k + 1..];
        let bullet = |j: usize| list_item(lines[j].text);
        // (A short lead-in's list opens with a bullet item, `phrase_list`: asked first, it spares
        // the list's search under the labels of forms and widgets.)
        let short = t.split_whitespace().nth(LEAD_IN_WORDS - 1).is_none();
        if short && !after.first().is_some_and(|&j| bullet(j)) {
            continue;
        }
        // A list of menu-like items (names: "Harbour Inn", "The Mill") is the list's own form
        // while every item so far is one; an item after other lines is chrome.
        let mut names = true;
        let gap_ok = |j: usize| bullet(j) || !short && entry(lines[j].text);
        let items = list_under(after, gap_ok, |n, j| {
            names &= chrome.item(j);
            // (`names` before `chrome.is`: the date test behind it is a regex search.)
            n > 0 && !bullet(j) && !names && chrome.is(j)
        });
        if short && !phrase_list(lines, &after[..items]) {
            continue;
        }
        for &j in &after[..items] {
            continues[j] = true;
        }
    }
    fact_rows(lines, claimed, continues);
}

/// Most words of an entry of a list printed one item a paragraph ([`entry`]).
const ENTRY_WORDS: usize = 10;

/// An entry of a list printed one item a paragraph ("Ann Berg (Lund University)"): at most
/// [`ENTRY_WORDS`] words, opening with a capital or a digit, closing with a bracket. Under a
/// lead-in of [`LEAD_IN_WORDS`] words or more, a blank line between two entries does not end
/// the list (measured: 37 article lines back on L3S-GN1, a list of invited players, and no
/// line changed on the other sets; any short line without a sentence end as an entry: 4 more
/// article lines on Dragnet against 13 boilerplate lines kept on WCXB and modern).
fn entry(text: &str) -> bool {
    text.split_whitespace().nth(ENTRY_WORDS).is_none()
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && text.ends_with(')')
}

/// Marks as continuing the text the rows of every fact box: at least [`MIN_ROWS`] adjacent lines
/// (no blank line between) that are each an unclaimed [`label_row`] ("Colour: green",
/// "Weight: 220 g") or [`schedule_row`] ("June 9 – Riverton, OH"), a product's data, an event's
/// details or a tour's dates under the article (measured: Zyte 30 and modern 7 article lines
/// back, no boilerplate line kept, on the five labelled sets). A row a
/// heuristic claimed ("Tags: ...", "Posted in: ...") makes its run page chrome, whole.
fn fact_rows(lines: &[Line<'_>], claimed: &[Option<Claim>], continues: &mut [bool]) {
    let row = |i: usize| {
        claimed[i].is_none() && (label_row(lines[i].text) || schedule_row(lines[i].text))
    };
    let mut i = 0;
    while i < lines.len() {
        // (A run lies in a block of non-blank lines: one of fewer than `MIN_ROWS` lines from
        // here, as most of a text's paragraphs are, holds none, and its lines go unread.)
        let block = lines[i..]
            .iter()
            .take(MIN_ROWS)
            .take_while(|l| !l.text.is_empty())
            .count();
        if block > 0 && block < MIN_ROWS {
            i += block;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].text.is_empty() && (row(i) || claimed[i].is_some()) {
            i += 1;
        }
        if i - start >= MIN_ROWS && (start..i).all(row) {
            for c in &mut continues[start..i] {
                *c = true;
            }
        }
        i = i.max(start + 1);
    }
}

/// Fewest rows of a fact box.
const MIN_ROWS: usize = 3;

/// Widens the span `s..=e` over the lines beyond it that continue the text (`continues`), also
/// across up to [`BRIDGE`] lines that are not chrome, or lone headings
/// ([`Chrome::lone_heading`]), when a continuing line follows them (a subheading and the
/// paragraph under it), and across copies of the span's own long lines ([`SpanCopies`]).
/// Another chrome line stops it.
pub(super) fn extend(
    lines: &[Line<'_>],
    continues: &[bool],
    chrome: &Chrome<'_, '_>,
    s: usize,
    e: usize,
) -> (usize, usize) {
    let copies = SpanCopies::new(lines, chrome.claimed, (s, e));
    let walk = |order: &mut dyn Iterator<Item = usize>, mut edge: usize| {
        let mut pending = 0;
        for i in order.filter(|&i| !lines[i].text.is_empty()) {
            if continues[i] {
                edge = i;
                pending = 0;
            } else if copies.holds(i) {
                continue;
            } else if chrome.is(i) && !chrome.lone_heading(i, continues) || pending == BRIDGE {
                break;
            } else {
                pending += 1;
            }
        }
        edge
    };
    let e2 = walk(&mut (e + 1..lines.len()), e);
    let s2 = walk(&mut (0..s).rev(), s);
    (s2, e2)
}

/// Fewest words of a line whose copy in the span lets the span grow past it ([`SpanCopies`]).
const COPY_WORDS: usize = 6;

/// Which lines outside the span `s..=e` are copies of the span's own long lines: unclaimed, of
/// at least [`COPY_WORDS`] words, the same text as an unclaimed line of the span. A photo
/// essay's caption printed under each of its pictures: the span holds its copies, so one more
/// beyond it is no sign that the article ended, and the widening passes over it (a long caption
/// without function words reads as chrome by form otherwise). Short copies are another matter:
/// a contents list repeats the article's subheadings above it. (Measured on the six labelled
/// sets: from six words, 19 article lines back and none lost, 7 boilerplate lines kept; a first
/// version with copies of any length gave 26 back, lost 23 and kept 48.)
///
/// A line asks by a search of the span's lines (a length compare first: most differ there); a
/// widening asks about a few lines, and most never one. After [`COPY_SEARCHES`] searches, the
/// span's long lines are collected in a set, once: a search per line asked would be
/// quadratic on a page of many copies. (A set built at the first question cost the stage 0.35 %
/// more instructions.)
struct SpanCopies<'a, 't> {
    lines: &'a [Line<'t>],
    claimed: &'a [Option<Claim>],
    span: (usize, usize),
    asked: Cell<usize>,
    texts: OnceCell<FxHashSet<&'t str>>,
}

/// How many lines ask by a search of the span before its long lines are collected in a set.
const COPY_SEARCHES: usize = 4;

impl<'a, 't> SpanCopies<'a, 't> {
    fn new(lines: &'a [Line<'t>], claimed: &'a [Option<Claim>], span: (usize, usize)) -> Self {
        SpanCopies {
            lines,
            claimed,
            span,
            asked: Cell::new(0),
            texts: OnceCell::new(),
        }
    }

    /// Whether line `i` is a copy of one of the span's long lines.
    fn holds(&self, i: usize) -> bool {
        let text = self.lines[i].text;
        let long = |t: &str| t.split_whitespace().nth(COPY_WORDS - 1).is_some();
        if self.claimed[i].is_some() || !long(text) {
            return false;
        }
        let (s, e) = self.span;
        let own = |j: usize| self.claimed[j].is_none();
        self.asked.set(self.asked.get() + 1);
        if self.asked.get() <= COPY_SEARCHES {
            return (s..=e).any(|j| own(j) && self.lines[j].text == text);
        }
        self.texts
            .get_or_init(|| {
                (s..=e)
                    .filter(|&j| own(j) && long(self.lines[j].text))
                    .map(|j| self.lines[j].text)
                    .collect()
            })
            .contains(text)
    }
}

/// Most non-blank lines between two items of the article's numbered list below the span (the
/// item's link, a line of description).
const ITEM_GAP: usize = 3;

/// Where the article's numbered list ends below the span `s..=e`: an article counting its items
/// ("1) The first product", its link under it) goes on with the next number wherever a widget
/// or the span's scoring stopped it. From the last numbered line in the span (`numbering`:
/// "3.", "Step 3:"), each next number with the same words before it and the same sign after it,
/// unclaimed and within [`ITEM_GAP`] non-blank lines of the edge, moves the edge to it. A list
/// the page numbers from one under the article (most read, top ten) does not follow the
/// article's last number, so it stays out; without a numbered line in the span, a list from
/// one right under its last line (no line between: a race's results under the story, the
/// header of a "most read" list stands between) is the article's from its first item
/// (measured: 9 article lines back on the L3S-GN1 set, no other line moved on the ten sets).
/// `None` when nothing follows.
pub(super) fn numbered_tail(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    (s, e): (usize, usize),
) -> Option<usize> {
    // The next numbered line below the edge, if any within reach, and its numbering.
    let next = |edge: usize| {
        (edge + 1..lines.len())
            .filter(|&i| !lines[i].text.is_empty())
            .take(ITEM_GAP + 1)
            .find_map(|i| Some((i, numbered(lines[i].text)?)))
            .filter(|&(i, _)| claimed[i].is_none())
    };
    // (Below the span first: most spans have no numbered line under them, and then the span's
    // own lines need no look.)
    let (mut edge, mut item) = next(e)?;
    // (A list from one right under the span, no line between, starts at its own first item.)
    let from_one = || {
        (item.1 == 1 && (e + 1..edge).all(|i| lines[i].text.is_empty()))
            .then_some((item.0, 0, item.2))
    };
    let (prefix, mut number, sign) = (s..=e)
        .rev()
        .find_map(|i| numbered(lines[i].text))
        .or_else(from_one)?;
    let mut last = None;
    while item == (prefix, number + 1, sign) {
        last = Some(edge);
        number += 1;
        let Some(found) = next(edge) else { break };
        (edge, item) = found;
    }
    last
}

/// [`numbering`], asked only of lines with an ASCII digit among their first
/// [`NUMBER_WITHIN`] bytes (the number's place; the test is asked of every line of the span).
fn numbered(text: &str) -> Option<Numbering<'_>> {
    let head = &text.as_bytes()[..text.len().min(NUMBER_WITHIN)];
    head.iter()
        .any(u8::is_ascii_digit)
        .then(|| numbering(text))?
}

/// [`numbering`] takes at most 20 bytes of words before the number.
const NUMBER_WITHIN: usize = 21;

/// The lines outside the span `s..=e` that stay: up to [`NEAR`] non-chrome lines next to each
/// edge.
pub(super) fn near(
    lines: &[Line<'_>],
    chrome: &Chrome<'_, '_>,
    (s, e): (usize, usize),
) -> Vec<bool> {
    let mut kept = vec![false; lines.len()];
    let mut walk = |order: &mut dyn Iterator<Item = usize>| {
        let run = order
            .filter(|&i| !lines[i].text.is_empty())
            .take_while(|&i| !chrome.is(i))
            .take(NEAR);
        for i in run.collect::<Vec<_>>() {
            kept[i] = true;
        }
    };
    walk(&mut (e + 1..lines.len()));
    walk(&mut (0..s).rev());
    kept
}

/// Whether the document is clean text: at most [`CLEAN_MAX_CHROME`] chrome lines, not counting
/// lone lines claimed as a byline, a date or a section word, nor date lines and lines without
/// letters (clean news has those: a dateline, a table's heading, a score); a run of [`MIN_ITEM_RUN`] menu-like items is a menu whatever claimed it
/// (the section-label heuristic takes a menu's words one by one).
pub(super) fn clean(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    counts: &[Counts],
    chrome: &Chrome<'_, '_>,
) -> bool {
    let news = |c: Option<Claim>| {
        matches!(
            c,
            Some(Claim::SectionLabel | Claim::Timestamp | Claim::Byline)
        )
    };
    let mut run = 0;
    for (i, l) in lines.iter().enumerate().filter(|(_, l)| !l.text.is_empty()) {
        if counts[i].len < LENGTH_LOW && item(l.text, counts[i], Class::Short) {
            run += 1;
            if run == MIN_ITEM_RUN {
                return false;
            }
        } else {
            run = 0;
        }
    }
    // (Counted no further than one past the most: each line counted costs a date test, a regex
    // search, and a page has many chrome lines.)
    // (Counted without the date test first: a clean page's few such lines need none.)
    let chrome_lines = (0..lines.len()).filter(|&i| chrome.base[i] && !news(claimed[i]));
    chrome_lines.clone().nth(CLEAN_MAX_CHROME).is_none()
        || chrome_lines
            .filter(|&i| !chrome.stamp(i))
            .nth(CLEAN_MAX_CHROME)
            .is_none()
}

#[cfg(test)]
#[path = "edges_tests.rs"]
mod tests;
