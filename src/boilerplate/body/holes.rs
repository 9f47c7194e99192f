//! Holes in the body span: runs of menu-like items between the article's paragraphs (share
//! bars, tag lists, link stacks), which the span's lines keep only when something says they
//! are the article's: a lead-in, lowercase cells, a fact box, the article's own phrases; and a
//! few short lines between two holes ([`between_holes`]).

use super::form;
use super::{sentence_end, Class, Counts};
use crate::boilerplate::claim::Claim;
use crate::boilerplate::heuristics::article_list;
use crate::boilerplate::line::Line;

/// Most Chinese or Japanese characters of a menu-like item: three words of two characters
/// ("国际新闻", "财经频道", "スポーツ" are one word each).
const CJK_ITEM_CHARS: usize = 6;

/// Items of a run this long inside the span are chrome.
pub(super) const MIN_ITEM_RUN: usize = 3;

/// Whether a line reads as a menu or list item: short, at most three words (or
/// [`CJK_ITEM_CHARS`] Chinese or Japanese characters), no sentence end, no code (a code listing
/// is part of the article), no digits (nor is a table of figures).
pub(super) fn item(text: &str, c: Counts, free: Class) -> bool {
    let most = if c.cjk { CJK_ITEM_CHARS } else { 3 };
    free == Class::Short
        && c.units <= most
        && !sentence_end(text)
        && !text.contains(['{', '}', '(', ')', ';', '=', '<', '>', '[', ']'])
        && !text.contains(|c: char| c.is_ascii_digit())
}

/// The lines of runs of at least [`MIN_ITEM_RUN`] menu-like items inside the span `s..=e`
/// (blank lines and lines a heuristic claimed do not break a run), as a per-line mask.
pub(super) fn item_runs(
    lines: &[Line<'_>],
    counts: &[Counts],
    free: &[Class],
    claimed: &[Option<Claim>],
    s: usize,
    e: usize,
) -> Vec<bool> {
    let mut holes = vec![false; lines.len()];
    let mut run: Vec<usize> = Vec::new();
    // A run that a colon introduces ("consists of the following:") is the article's list; so
    // is a run of mostly lowercase items (table cells, identifiers: menus are capitalised).
    let flush = |run: &mut Vec<usize>, holes: &mut [bool]| {
        let lead_in = run.first().and_then(|&f| {
            (0..f)
                .rev()
                .find(|&j| !lines[j].text.is_empty() && claimed[j].is_none())
        });
        // (So is a run of `Label: value` rows: a fact box, form::label_row.)
        // (A lead-in short enough to be an item opens the run: "Rooms included:" over two
        // items at least, not over another label: "Author:", a name, "Published:" is a box.)
        let colon = |j: &usize| lines[*j].text.ends_with(':');
        let introduced = lead_in.is_some_and(|j| colon(&j))
            || (run.first().is_some_and(colon)
                && run
                    .get(1..MIN_ITEM_RUN)
                    .is_some_and(|r| !r.iter().any(colon)))
            || run.iter().all(|&j| form::label_row(lines[j].text));
        let lower = run
            .iter()
            .filter(|&&j| lowercase_item(lines[j].text))
            .count();
        // (So is a run written as the article's phrases, between its paragraphs:
        // heuristics::article_list.)
        let prose = |j: usize| matches!(free[j], Class::Good | Class::NearGood);
        if run.len() >= MIN_ITEM_RUN
            && !introduced
            && lower * 2 <= run.len()
            && !article_list(lines, run, (s, e), prose)
        {
            for &j in run.iter() {
                holes[j] = true;
            }
        }
        run.clear();
    };
    for i in s..=e {
        if lines[i].text.is_empty() || claimed[i].is_some() {
            continue;
        }
        if item(lines[i].text, counts[i], free[i]) {
            run.push(i);
        } else {
            flush(&mut run, &mut holes);
        }
    }
    flush(&mut run, &mut holes);
    between_holes(lines, counts, free, claimed, (s, e), &mut holes);
    holes
}

/// Most lines of a run between two holes that joins them.
const BETWEEN_LINES: usize = 5;
/// Most words (Chinese or Japanese characters) of such a line.
const BETWEEN_WORDS: usize = 4;

/// Short lines between two holes of the span (at most [`BETWEEN_LINES`] of them, each at most
/// [`BETWEEN_WORDS`] words, no sentence, no prose) are the menu's too: the entries that are no
/// item by form ("High (HD)", "75% (transparency)", a price) between a player's or a shop's
/// menu items. A claimed line ends such a run (it is removed by its own rule). Measured on the
/// six labelled sets: 218 boilerplate lines, 29 article lines (28 on one page: a restaurant
/// guide's cards between their buttons); with six words, 124 boilerplate lines more against 17
/// article lines and a trafilatura snippet.
fn between_holes(
    lines: &[Line<'_>],
    counts: &[Counts],
    free: &[Class],
    claimed: &[Option<Claim>],
    (s, e): (usize, usize),
    holes: &mut [bool],
) {
    let short = |holes: &[bool], i: usize| {
        claimed[i].is_none()
            && !holes[i]
            && counts[i].units <= BETWEEN_WORDS
            && !matches!(free[i], Class::Good | Class::NearGood)
            && !sentence_end(lines[i].text)
    };
    if !holes[s..=e].contains(&true) {
        return;
    }
    let nonblank: Vec<usize> = (s..=e).filter(|&i| !lines[i].text.is_empty()).collect();
    let mut n = 0;
    while n < nonblank.len() {
        if !short(holes, nonblank[n]) {
            n += 1;
            continue;
        }
        let m = (n..nonblank.len())
            .find(|&m| !short(holes, nonblank[m]))
            .unwrap_or(nonblank.len());
        let flanked = n > 0 && holes[nonblank[n - 1]] && nonblank.get(m).is_some_and(|&j| holes[j]);
        if flanked && m - n <= BETWEEN_LINES {
            for &i in &nonblank[n..m] {
                holes[i] = true;
            }
        }
        n = m;
    }
}

/// Whether an item opens lowercase: a cell or an identifier. A converter's third-level bullet
/// "o" over a capitalised item ("o Fares", inscriptis' nested menus) is no lowercase word.
fn lowercase_item(text: &str) -> bool {
    let item = text
        .strip_prefix("o ")
        .filter(|rest| rest.starts_with(char::is_uppercase))
        .unwrap_or(text);
    item.starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::super::{measure, Class};
    use super::item;
    use crate::boilerplate::stopwords::DocLang;

    /// A Chinese or Japanese menu item is one word of up to six characters, where a Latin one is
    /// up to three words: "国际新闻" and "スポーツ" are items, as "Home & Garden" is; a heading of
    /// seven characters or more or a line of four Latin words is none.
    #[test]
    fn chinese_and_japanese_menu_items() {
        let is_item = |text: &str, lang: DocLang| {
            item(
                text,
                measure(text, lang, (text.split_whitespace().count(), 0)),
                Class::Short,
            )
        };
        for text in [
            "首页",
            "国际新闻",
            "财经频道",
            "读者来信",
            "スポーツ",
            "新闻 · 体育",
        ] {
            assert!(is_item(text, DocLang::Cjk), "{text}");
        }
        assert!(is_item("Home & Garden", DocLang::Unknown));
        for text in ["港口城市发展论坛", "海港日报读者来信专栏"] {
            assert!(!is_item(text, DocLang::Cjk), "{text}");
        }
        assert!(!is_item("Home and Garden Ideas", DocLang::Unknown));
    }
}
