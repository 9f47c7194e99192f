//! Content lists: the lines that belong to the article although each alone looks like chrome.
//! The list heuristics (`related-list`, `link-list`, `prompt`, `byline`, `timestamp`,
//! `section-label`, `dated-list`) give these lines back after they ran (`content-list`, on by
//! default): the steps or items under a lead-in sentence ending in `:` ("Here's how to sign up:"
//! over "Sign up for an account"), footnotes and citations ("^ Smith, J. (2001)...", "[3] ..."),
//! and the rows of a table (adjacent lines split into the same number of cells by `|`, one
//! carrying a figure; three lines or more when they have two cells: a byline "By X | Special to
//! Y" over a date line "Published: ... | Updated: ..." is no table).
//!
//! Policy: decided from form alone, never from words of a site. A lead-in is a sentence (four
//! words or more, stopwords among them or in sentence case) ending in `:` that is no chrome header itself (not a
//! "Related" header nor a prompt: "Follow us on:" keeps its list of networks chrome); its list is
//! the run of lines right under it, bullets or contiguous short lines, up to the first prose
//! paragraph, the first blank line between two non-bullet items, or 40 items (`body::list_under`, the
//! body span's definition too); a list with a byline and a timestamp in it is the page's author
//! block under a label ("Author of the article:"), not given back. The copyright, caption,
//! tag, author-note and separator claims are never given back.

use crate::boilerplate::body::list_under;
use crate::boilerplate::claim::Claim;

use super::features::Doc;
use super::line_rules::{is_byline, is_prompt};
use super::lists::related_rest;

/// The claims a content line is given back from: the ones a list item, a step, a footnote or a
/// table cell can fall to by form.
fn list_claim(c: Claim) -> bool {
    matches!(
        c,
        Claim::RelatedList
            | Claim::LinkList
            | Claim::Prompt
            | Claim::Byline
            | Claim::Timestamp
            | Claim::SectionLabel
            | Claim::DatedList
            | Claim::RepeatedTitle
            | Claim::Chart
            | Claim::DescribedMenu
    )
}

/// Which lines are content by form: items under a lead-in, citations, dated entries, table
/// rows (`claimed`: the heuristics' claims so far, for the dates they found).
pub(super) fn content_lines(doc: &Doc<'_, '_>, claimed: &[Option<Claim>]) -> Vec<bool> {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    let mut keep = vec![false; lines.len()];
    for (n, &i) in nonblank.iter().enumerate() {
        let text = lines[i].text;
        if citation(text) {
            keep[i] = true;
        }
        if !lead_in(doc, i) {
            continue;
        }
        let after = &nonblank[n + 1..];
        let items = list_under(
            after,
            |j| feats[j].bullet,
            |_, j| feats[j].prose && feats[j].words > 30 || lead_in(doc, j),
        );
        if author_block(doc, &after[..items]) {
            continue;
        }
        for &j in &after[..items] {
            keep[j] = true;
        }
    }
    dated_entries(doc, claimed, &mut keep);
    // Table rows: adjacent lines with the same number of `|` cells (two or more), one with a
    // figure; of two cells, three lines or more.
    let cells = |i: usize| lines[i].text.matches('|').count();
    let mut n = 0;
    while n < nonblank.len() {
        let i = nonblank[n];
        let k = cells(i);
        let mut end = n + 1;
        while k >= 1 && end < nonblank.len() && nonblank[end] == nonblank[end - 1] + 1 {
            if cells(nonblank[end]) != k {
                break;
            }
            end += 1;
        }
        let rows = if k == 1 { 3 } else { 2 };
        if end - n >= rows && nonblank[n..end].iter().any(|&j| feats[j].digit) {
            for &j in &nonblank[n..end] {
                keep[j] = true;
            }
        }
        n = end;
    }
    keep
}

/// Fewest dated entries in a row that make the dates the article's ([`dated_entries`]).
const MIN_DATED_ENTRIES: usize = 3;

/// Fewest words of the sentence under a date ([`dated_entries`]).
const ENTRY_SENTENCE_WORDS: usize = 4;

/// Most short lines between a stamp and its entry's sentence ([`dated_entries`]).
const ENTRY_HEAD_LINES: usize = 2;

/// Most words of such a line.
const ENTRY_HEAD_WORDS: usize = 6;

/// Most non-blank lines of one dated entry ([`dated_entries`]).
const MAX_ENTRY_LINES: usize = 12;

/// Marks the dates and times that head the entries of a live blog, a diary, a police log or an
/// events calendar ("18:42" over "Firefighters reached the mill ...", "Monday, 12 January" over
/// "A van was stolen from ..."): [`MIN_DATED_ENTRIES`] or more stamps in a row, each with a
/// sentence right under it, or under a heading of at most [`ENTRY_HEAD_LINES`] short lines when
/// no heuristic claimed that sentence (an event's name and place: "Harbour Festival",
/// "Portsmouth, United Kingdom"; the heading is marked too), the entry before each (but the
/// first) ending in a sentence right over it, not a question, and between two of them only
/// lines of the entry (no other stamp, at most [`MAX_ENTRY_LINES`]). A page's date line stands
/// alone; a blog's index or a comment thread has a headline or a name over each date.
fn dated_entries(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], keep: &mut [bool]) {
    let Doc {
        feats, nonblank, ..
    } = doc;
    // (A date the phrases found, "Monday 5 January", is no timestamp by form: no year.)
    let heads: Vec<usize> = (0..nonblank.len())
        .filter(|&n| feats[nonblank[n]].stamp || claimed[nonblank[n]] == Some(Claim::Timestamp))
        .collect();
    // A sentence: a line of four words or more ending as one (a headline of a teaser list may
    // read as prose, without the full stop).
    let sentence = |n: usize| {
        let f = &feats[nonblank[n]];
        f.terminal && f.words >= ENTRY_SENTENCE_WORDS
    };
    // The entry's sentence: right under the stamp, or under a heading of at most
    // [`ENTRY_HEAD_LINES`] short lines (an event's name and place) when no heuristic claimed it.
    let head_line = |m: usize| {
        let f = &feats[nonblank[m]];
        !f.terminal && !f.stamp && f.words <= ENTRY_HEAD_WORDS
    };
    let under = |n: usize| -> Option<usize> {
        if n + 1 < nonblank.len() && sentence(n + 1) {
            return Some(n + 1);
        }
        (n + 2..=n + 1 + ENTRY_HEAD_LINES)
            .take_while(|&m| m < nonblank.len())
            .find(|&m| sentence(m) || !head_line(m))
            .filter(|&m| sentence(m) && claimed[nonblank[m]].is_none() && (n + 1..m).all(head_line))
    };
    // Each stamp's sentence, found once.
    let unders: Vec<Option<usize>> = heads.iter().map(|&n| under(n)).collect();
    // (The previous entry ends in a sentence right over the next stamp: in a blog's index or a
    // comment thread a headline or a name stands there, and a question there is a teaser's
    // headline, "Did the council close the bridge?" over its date.)
    let after_entry =
        |n: usize| n > 0 && sentence(n - 1) && !doc.text(nonblank[n - 1]).ends_with('?');
    let mut k = 0;
    while k < heads.len() {
        let mut end = k;
        while unders[end].is_some()
            && end + 1 < heads.len()
            && heads[end + 1] - heads[end] <= MAX_ENTRY_LINES + 1
            && after_entry(heads[end + 1])
        {
            end += 1;
        }
        // (The last stamp of the run heads an entry too.)
        let run = if unders[end].is_some() {
            end + 1 - k
        } else {
            end - k
        };
        if run >= MIN_DATED_ENTRIES {
            for h in k..k + run {
                let n = heads[h];
                let last = unders[h].unwrap_or(n + 1);
                for &i in &nonblank[n..last] {
                    keep[i] = true;
                }
            }
        }
        k = end + 1;
    }
}

/// Gives the content lines back: unclaims every line of `keep` claimed by a list heuristic.
pub(super) fn give_back(keep: &[bool], claimed: &mut [Option<Claim>]) {
    for (c, &k) in claimed.iter_mut().zip(keep) {
        if k && c.is_some_and(list_claim) {
            *c = None;
        }
    }
}

/// A list that is the page's author block under a label ("Author of the article:" over "By X",
/// "Published ...", "Updated ..."): a byline and a timestamp among its items, by form. A list of
/// steps or items has no byline in it.
fn author_block(doc: &Doc<'_, '_>, items: &[usize]) -> bool {
    items.iter().any(|&j| doc.feats[j].stamp)
        && items.iter().any(|&j| is_byline(doc.text(j), &doc.feats[j]))
}

/// A sentence introducing the list under it: ends in `:`, four words or more with stopwords or
/// in sentence case (most words lowercase: "Центральную Америку представляют три арбитра:"),
/// and neither a "Related" header nor a prompt.
fn lead_in(doc: &Doc<'_, '_>, i: usize) -> bool {
    let text = doc.text(i);
    let f = &doc.feats[i];
    text.ends_with(':')
        && f.words >= 4
        && f.words <= 60
        && (f.stop_share >= 0.2 || f.title_share < 0.5)
        // (A related header by [`related_rest`], whose pattern is the one the related lists
        // search: the header's capture form is then never built, a few milliseconds of the
        // first document.)
        && related_rest(text).is_none()
        && !is_prompt(text)
}

/// A footnote or citation: "^ ...", "[12] ...", "12. ^ ...", "↑ ...".
fn citation(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    if t.starts_with('^') || t.starts_with('\u{2191}') {
        return true;
    }
    text.strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .is_some_and(|(num, rest)| {
            !num.is_empty()
                && num.len() <= 4
                && num.chars().all(|c| c.is_ascii_digit())
                && rest.split_whitespace().count() >= 3
        })
}
