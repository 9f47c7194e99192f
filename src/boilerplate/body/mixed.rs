//! Mixed-language pages: a line's prose judged by the stopwords of its own language.
//!
//! The document's language is elected once, from its first few hundred words of running text
//! (`stopwords::identify`). On a page whose chrome speaks another language than its article and
//! comes first (an archive's English banner or a platform's English widgets over a German
//! post), the article's lines have almost no stopwords of the elected language: they read as
//! long lines without function words, which is how headline lists and menus read, and the span
//! takes the chrome's prose instead.
//!
//! Policy: the lines that read as text without function words of the document's language
//! (unclaimed, at least [`MIN_WORDS`] words, a stopword density under the prose threshold) hold
//! an election of their own, won by a list that holds a real share of their words and
//! [`MARGIN`] times as many as any other list (text of one language, not names and figures).
//! Each of those lines then counts the stopwords of the second language too and keeps the
//! larger count, when the page's paragraphs (lines over `LENGTH_HIGH` bytes, as dense as good
//! prose) are then more in the second language than in the first: the article speaks it.
//! Foreign chrome on a page of one language (an English footer or PHP warnings on a German
//! page) is shorter than the article and stays without function words. Most pages have fewer
//! bytes in long lines without function words than in paragraphs: no election is held there.

use super::{Claim, DocLang, Line, LENGTH_HIGH, STOP_HIGH, STOP_LOW};
use crate::boilerplate::line::{bare, has_cjk_lead, words as words_of};
use crate::boilerplate::stopwords::LISTS;

/// Fewest words of a line that votes and is recounted (the election's own minimum: running
/// text, not a menu item).
const MIN_WORDS: usize = 6;

/// Every line's words and stopwords (`words`, counted in `lang`) with the lines of a second
/// language recounted in it; `None` when the page has no second language.
pub(super) fn recount(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    lang: DocLang,
    words: &[(usize, usize)],
) -> Option<Vec<(usize, usize)>> {
    if lang == DocLang::Cjk {
        // (Chinese and Japanese lines are judged by their characters, whatever the language.)
        return None;
    }
    // The article speaks the second language only when more of the page's paragraphs do than
    // the first's: foreign chrome (an English footer or error messages on a German page) has
    // short lines. Most pages have fewer bytes in long lines without function words than in
    // paragraphs of their language: no election is held there.
    let foreign_line = |i: usize| {
        let (units, hits) = words[i];
        claimed[i].is_none() && units >= MIN_WORDS && !dense(units, hits, STOP_LOW)
    };
    let (mut first, mut bound) = (0usize, 0usize);
    for (i, line) in lines.iter().enumerate() {
        if line.text.len() > LENGTH_HIGH && claimed[i].is_none() {
            if dense(words[i].0, words[i].1, STOP_HIGH) {
                first += line.text.len();
            } else if foreign_line(i) {
                bound += line.text.len();
            }
        }
    }
    if bound <= first {
        return None;
    }
    let foreign: Vec<usize> = (0..lines.len())
        .filter(|&i| foreign_line(i) && !has_cjk_lead(lines[i].text.as_bytes()))
        .collect();
    let second = elect(lines, &foreign).filter(|&l| l != lang)?;
    let mut out = words.to_vec();
    for &i in &foreign {
        let hits = words_of(lines[i].text)
            .map(bare)
            .filter(|w| !w.is_empty() && second.is_stop_word(w))
            .count();
        out[i].1 = out[i].1.max(hits);
    }
    let second_bytes: usize = foreign
        .iter()
        .filter(|&&i| lines[i].text.len() > LENGTH_HIGH && dense(out[i].0, out[i].1, STOP_HIGH))
        .map(|&i| lines[i].text.len())
        .sum();
    (second_bytes > first).then_some(out)
}

/// Whether `hits` stopwords in `units` words are at least `density` of them.
fn dense(units: usize, hits: usize, density: f32) -> bool {
    hits as f32 >= density * units as f32
}

/// The language whose list holds most of the words (the first [`SAMPLE_WORDS`]) of the lines
/// `foreign`, when they are a real share of them ([`MIN_SHARE`], at least [`MIN_VOTES`]) and
/// clearly more than any other list holds ([`MARGIN`]).
/// (`stopwords::identify` elects the page's language the same way, from every list at once;
/// this election is held on few pages, and asks each list in turn.)
fn elect(lines: &[Line<'_>], foreign: &[usize]) -> Option<DocLang> {
    let sample: Vec<&str> = foreign
        .iter()
        .flat_map(|&i| words_of(lines[i].text))
        .map(bare)
        .filter(|w| !w.is_empty())
        .take(SAMPLE_WORDS)
        .collect();
    let (mut best, mut votes, mut runner_up) = (None, 0, 0);
    for k in 0..LISTS.len() {
        let lang = DocLang::Listed(k as u8);
        let n = sample.iter().filter(|w| lang.is_stop_word(w)).count();
        if n > votes {
            (best, votes, runner_up) = (Some(lang), n, votes);
        } else {
            runner_up = runner_up.max(n);
        }
    }
    best.filter(|_| {
        votes >= MIN_VOTES && votes * MIN_SHARE >= sample.len() && votes >= MARGIN * runner_up
    })
}

/// Most words [`elect`] reads.
const SAMPLE_WORDS: usize = 400;
/// The elected list holds at least one word in this many.
const MIN_SHARE: usize = 6;
/// Fewest of the words the elected list holds.
const MIN_VOTES: usize = 5;
/// The elected list holds this many times as many of the words as any other: text of one
/// language. Lines of names, abbreviations and figures (a list of references) find a few words
/// in many lists, none clearly ahead.
const MARGIN: usize = 2;

#[cfg(test)]
mod tests;
