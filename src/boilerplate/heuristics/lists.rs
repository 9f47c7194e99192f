//! Structure passes over lists: runs of short headlines alternating with dates (`dated-list`:
//! sidebars, "Latest news") and a "Related" / "Читайте также" header with the headlines under it
//! (`related-list`). They run first, before the line rules, so a list's dates and headlines are
//! named as the list they belong to.
//!
//! Policy: a dated list needs at least two headlines and two dates (three dates when it opens the
//! document, so a headline with two timestamps under it is not a list); a related list ends at
//! the first prose sentence (or prose line over 30 words, or a Chinese or Japanese line longer than
//! a headline), at a lead-in sentence ending in `:`, or at a line claimed as something other
//! than a date or a dated list, and before the line over a byline with its article under it (the
//! page's own headline block); rows of figures under a header word are a table, no list; headers
//! come in English and Russian (`RELATED_HEADER`) and in
//! the multilingual vocabulary (`RELATED_HEADS`); a list whose first items carry a date line
//! ends with its last dated item (undated lines after it are no more items: the form of the
//! items changed); and a header alone with nothing listed under it is left to the prompts
//! ("Read more").

use crate::boilerplate::claim::Claim;
use crate::boilerplate::line::Line;

use super::features::{features, Doc, Feat};
use super::line_rules::{is_byline, is_prompt, more_from_end, RELATED_HEADER, RELATED_HEADER_END};
use super::phrases::{opener, Chrome, Opened};
use super::recount::{cjk_line, CJK_PROSE_WORDS};
use super::structure::table_row;

/// What a line is, for the dated-list scan.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Date,
    Item,
    Other,
}

/// Runs of short headline lines alternating with date lines: at least two headlines and two
/// dates (three dates when the run starts the document, so a headline with two timestamps under
/// it is not taken for a list).
pub(super) fn dated_lists(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    let Doc {
        feats, nonblank, ..
    } = doc;
    let kinds: Vec<Kind> = nonblank
        .iter()
        .map(|&i| {
            let f = &feats[i];
            if claimed[i].is_some() {
                Kind::Other
            } else if f.stamp {
                Kind::Date
            } else if f.words >= 1 && f.words <= 30 && !f.terminal || !f.alnum {
                Kind::Item
            } else {
                Kind::Other
            }
        })
        .collect();
    let mut n = 0;
    while n < kinds.len() {
        if kinds[n] == Kind::Other {
            n += 1;
            continue;
        }
        let mut end = n;
        while end < kinds.len() && kinds[end] != Kind::Other {
            end += 1;
        }
        // Split the run where more than three items follow each other (not a list any more):
        // the two items before the gap may close the list above, the two after it open the next.
        let mut piece_start = n;
        let mut k = n;
        while k < end {
            if kinds[k] != Kind::Item {
                k += 1;
                continue;
            }
            let from = k;
            while k < end && kinds[k] == Kind::Item {
                k += 1;
            }
            if k - from > 3 {
                claim_list(&kinds, nonblank, piece_start, from + 2, claimed);
                piece_start = k - 2;
            }
        }
        claim_list(&kinds, nonblank, piece_start, end, claimed);
        n = end;
    }
}

/// Claims the list in `kinds[from..to]` when it has enough dates and headlines.
fn claim_list(
    kinds: &[Kind],
    nonblank: &[usize],
    from: usize,
    to: usize,
    claimed: &mut [Option<Claim>],
) {
    let piece = &kinds[from..to];
    let dates = piece.iter().filter(|&&k| k == Kind::Date).count();
    let first_date = piece.iter().position(|&k| k == Kind::Date);
    let last_date = piece.iter().rposition(|&k| k == Kind::Date);
    let (Some(fd), Some(ld)) = (first_date, last_date) else {
        return;
    };
    // Items are titles before their dates, or after them when the list opens with a date.
    let start = from + fd.saturating_sub(2);
    let stop = if fd == 0 {
        to.min(from + ld + 3)
    } else {
        from + ld + 1
    };
    let item_runs = piece[..]
        .split(|&k| k == Kind::Date)
        .filter(|r| !r.is_empty())
        .count();
    let at_top = nonblank.first().is_some_and(|&i| i == nonblank[start]);
    if dates < 2 || item_runs < 2 || at_top && dates < 3 {
        return;
    }
    for &i in &nonblank[start..stop] {
        if claimed[i].is_none() {
            claimed[i] = Some(Claim::DatedList);
        }
    }
}

/// The rest of a line that opens with a [`RELATED_HEADER`] (its capture), found by the end of
/// [`more_from_end`]'s or [`RELATED_HEADER_END`]'s match, which need no capture slots (a proptest
/// compares them); a line with `\n` (never a line of a page) is asked the capture.
/// (The guard first: it is [`RELATED_HEADER`]'s too, and turns most lines away at their first
/// bytes, before the search for a `\n` reads the whole line.)
pub(super) fn related_rest(text: &str) -> Option<&str> {
    if !RELATED_HEADER_END.may_match(text) {
        return None;
    }
    if text.contains('\n') {
        return related_rest_plain(text);
    }
    more_from_end(text)
        .or_else(|| RELATED_HEADER_END.regex().find(text).map(|m| m.end()))
        .map(|end| &text[end..])
}

/// [`related_rest`] by [`RELATED_HEADER`]'s capture (for a line with `\n`, and the proptest).
pub(super) fn related_rest_plain(text: &str) -> Option<&str> {
    RELATED_HEADER
        .is_match(text)
        .then(|| RELATED_HEADER.regex().captures(text))
        .flatten()
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
}

/// A headline glued after a related header's colon or arrow has at most this many words.
const MARKED_HEADLINE_WORDS: usize = 20;

/// A line ending in `:` with this many words or more is a lead-in sentence, not a headline: it
/// ends a related list.
const LEAD_IN_WORDS: usize = 8;

/// Fewest lowercase words after a related header of one word that, ending in a colon, make the
/// line a list's lead-in.
const LEAD_IN_REST: usize = 3;

/// A "Related" / "Latest news" / "Читайте также" header (or one of the multilingual
/// `RELATED_HEADS`) and the non-prose lines under it.
/// Each line's [`opener`] found on the way is kept in `opened` for the later passes.
pub(super) fn related_lists(
    doc: &Doc<'_, '_>,
    opened: &mut [Option<Opened>],
    claimed: &mut [Option<Claim>],
) {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    for (n, &i) in nonblank.iter().enumerate() {
        if claimed[i].is_some() {
            continue;
        }
        let text = lines[i].text;
        let rest_m = match related_rest(text) {
            Some(rest) => rest,
            // A header of the multilingual vocabulary, and its colon.
            None => match *opened[i].insert(opener(text)) {
                Some((Chrome::Related, end)) => {
                    let rest = &text[end..];
                    let t = rest.trim_start();
                    t.strip_prefix([':', '：', '\u{BB}', '\u{203A}'])
                        .unwrap_or(rest)
                }
                _ => continue,
            },
        };
        // The header ends at a word boundary ("Popularity grew" is no "Popular" header), and
        // lowercase words after it without a colon are a short qualifier ("Most read in
        // Science"), not a sentence ("Latest figures show that prices rose again").
        let head = &text[..text.len() - rest_m.len()];
        let colon = head.trim_end().ends_with(':');
        let lower = rest_m
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        let glued_word = !colon
            && lower
            && !head.ends_with(char::is_whitespace)
            && !rest_m.starts_with(char::is_whitespace);
        // (Nor is a header's word with a lowercase phrase ending in a colon: "Popular dishes
        // include:" opens the article's list; "You may also be interested in:" is a header.)
        let words = rest_m.split_whitespace().count();
        let lead_in = rest_m.trim_end().ends_with(':')
            && words >= LEAD_IN_REST
            && head.split_whitespace().nth(1).is_none();
        if glued_word || !colon && lower && (words > 4 || lead_in) {
            continue;
        }
        let rest = rest_m.trim();
        // A header alone, or glued to the first headline of the list (not a sentence).
        let rest_f = features(rest);
        // (After the header's colon or arrow, a headline may read as a sentence by its
        // stopwords, "Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo", or ask
        // a question; it ends in no full stop. Signs alone, "Am meisten gelesen...*", are no
        // headline.)
        let marked = head.trim_end().ends_with([':', '：', '\u{BB}', '\u{203A}']);
        let headline = !rest_f.terminal
            || marked
                && rest
                    .trim_end_matches(['"', '\u{201D}', '\u{BB}'])
                    .ends_with('?');
        let glued = rest_f.words == 0
            || !rest_f.prose && !rest_f.terminal
            || marked && rest_f.words <= MARKED_HEADLINE_WORDS && headline;
        let header_words = feats[i].words - rest_f.words;
        if !glued || header_words > 6 {
            continue;
        }
        let mut end = n + 1;
        while end < nonblank.len() {
            let j = nonblank[end];
            // A teaser cut short ("Plague warning issued as ...") is a headline, not a sentence.
            let cut = lines[j].text.ends_with("...") || lines[j].text.ends_with('\u{2026}');
            // (A Chinese or Japanese line longer than a headline is a paragraph.)
            let cjk_para = feats[j].words >= CJK_PROSE_WORDS && cjk_line(lines[j].text).is_some();
            // (A lead-in sentence ending in `:` opens the article's own list.)
            let lead_in = feats[j].words >= LEAD_IN_WORDS && lines[j].text.ends_with(':');
            if feats[j].prose && (feats[j].terminal && !cut || feats[j].words > 30 || cjk_para)
                || lead_in
                || list_labels(doc, opened, end)
                || claimed[j].is_some_and(|c| c != Claim::DatedList && c != Claim::Timestamp)
            {
                break;
            }
            // The article's byline with its article under it: the line over the byline is the
            // article's headline or standfirst, not one more item ("Up next:" over the page's
            // own headline).
            if end > n + 1 && is_byline(lines[j].text, &feats[j]) && article_under(doc, end) {
                end -= 1;
                break;
            }
            // The article's first sentence, short and with few stopwords ("CITY (AP) — To a
            // player, records are no goal.", no question, not cut short): a paragraph follows
            // it, where a teaser's sentence has the next headline under it. (The paragraph would
            // end the list anyway.)
            if feats[j].terminal
                && !cut
                && lines[j].text.ends_with('.')
                && feats[j].words >= LEAD_WORDS
                && nonblank.get(end + 1).is_some_and(|&k| {
                    feats[k].prose && feats[k].terminal && feats[k].words >= PARAGRAPH_WORDS
                })
            {
                break;
            }
            end += 1;
        }
        // Rows of figures under the header are a table's head ("Latest Previous Actual" over
        // "Sales 9.06 9.31 8.42"), not headlines.
        let rows = nonblank[n + 1..end]
            .iter()
            .filter(|&&j| table_row(lines[j].text))
            .count();
        if rows >= 2 && 2 * rows >= end - n - 1 {
            continue;
        }
        end = dated_items_end(lines, feats, nonblank, n, end);
        // The list stopped at a paragraph: a short heading right over it (a line without a
        // sentence end, the paragraph no teaser: over 30 words) opens the article's next
        // section, not one more item ("History" over "The town was founded ...").
        // (A header with its one item glued to it, "Read more: A headline of the page", lists
        // nothing more: the first line under it may already be the heading, when it reads as
        // one: no bullet, no figure.)
        let last = end - 1;
        let item_glued =
            rest_f.words >= 3 && !feats[nonblank[last]].bullet && !feats[nonblank[last]].digit;
        if last > n + usize::from(!item_glued)
            && nonblank
                .get(end)
                .is_some_and(|&j| feats[j].prose && feats[j].words > 30)
            && claimed[nonblank[last]].is_none()
            && feats[nonblank[last]].words <= 6
            && !feats[nonblank[last]].terminal
        {
            end = last;
        }
        // The article's next section swallowed as the list's last item: a short heading over
        // a paragraph, set apart from the items by its form (bullets above it, none on it) or
        // by its number continuing the article's numbered headings ("2. Conduct research"
        // under "1. Know your audience").
        if let Some(last) = (end > n + 1).then(|| nonblank[end - 1]) {
            if next_section(
                doc,
                &nonblank[n + 1..end - 1],
                last,
                nonblank.get(end).copied(),
            ) && claimed[last].is_none()
            {
                end -= 1;
            }
        }
        // A header with nothing listed under it ("Trending", its widget left empty by the
        // converter) goes alone; a prompt ("Read more") is claimed later by the prompts.
        if end == n + 1 && rest.is_empty() && is_prompt(text) {
            continue;
        }
        let end = labelled_items_end(doc, claimed, n, end);
        for &j in &nonblank[n..end] {
            if claimed[j].is_none() {
                claimed[j] = Some(Claim::RelatedList);
            }
        }
    }
}

/// Where a related list under the header at `nonblank[n]` goes on when its items open with one
/// label ("Company Town" over each teaser's headline and sentence): as long as the label, no
/// prompt, comes again within [`MAX_ITEM_LINES`] lines after an item with a headline (at least
/// [`MIN_LABELLED_ITEMS`] items), then through the last item's lines (as many as an item before
/// it had, up to a claimed line or a paragraph). A teaser's sentence, which ends a list
/// otherwise, does not end this one. Else `end`, where the list stopped. Measured on the five
/// labelled sets: +277 boilerplate lines, no article line.
fn labelled_items_end(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], n: usize, end: usize) -> usize {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    let first = n + 1;
    if end <= first || !(1..=LABEL_WORDS).contains(&feats[nonblank[first]].words) {
        return end;
    }
    let label = lines[nonblank[first]].text;
    if is_prompt(label) {
        return end;
    }
    // (An item holds a headline, a line with no sentence end or of a headline's length, or
    // nothing: an ad's label between the article's paragraphs holds long sentences only.)
    let (mut last, mut items) = (first, 1);
    let (mut lines_in_item, mut headline) = (false, false);
    for k in first + 1..nonblank.len() {
        if k - last > MAX_ITEM_LINES {
            break;
        }
        if lines[nonblank[k]].text == label {
            if lines_in_item && !headline {
                break;
            }
            (last, items, lines_in_item, headline) = (k, items + 1, false, false);
        } else {
            lines_in_item = true;
            headline |=
                !feats[nonblank[k]].terminal || feats[nonblank[k]].words <= MARKED_HEADLINE_WORDS;
        }
    }
    if items < MIN_LABELLED_ITEMS || last < end {
        return end;
    }
    // (Lines per item with its label, rounded up: items of two and three lines alternate.)
    let item_lines = (last - first).div_ceil(items - 1);
    (last + 1..nonblank.len().min(last + item_lines))
        .find(|&k| claimed[nonblank[k]].is_some() || feats[nonblank[k]].words > 30)
        .unwrap_or(nonblank.len().min(last + item_lines))
}

/// The most non-blank lines from one item's label to the next (label, headline, its copy, a
/// sentence, a date).
const MAX_ITEM_LINES: usize = 6;

/// The fewest items of a list whose items open with one label.
const MIN_LABELLED_ITEMS: usize = 3;

/// A label of the article's own lists has at most this many words ("Pros:", "What we like:").
const LABEL_WORDS: usize = 4;

/// Whether the line at `at` (of the non-blank lines), under a related header, opens the
/// article's own labelled lists ("Pros:" over its items, then "Cons:" over its items;
/// "Vorteile:" / "Nachteile:"): a short line ending in `:`, no related header, over one item or
/// more, then a second such label over its items. Teasers do not come in labelled pairs, and a
/// form's fields ("E-mail:" over "Password:") have no items between their labels.
fn list_labels(doc: &Doc<'_, '_>, opened: &mut [Option<Opened>], at: usize) -> bool {
    let nonblank = &doc.nonblank;
    let label = |opened: &mut [Option<Opened>], j: usize| {
        let text = doc.lines[j].text;
        let words = doc.feats[j].words;
        text.trim_end().ends_with([':', '\u{FF1A}'])
            && (1..=LABEL_WORDS).contains(&words)
            && related_rest(text).is_none()
            && !matches!(
                *opened[j].get_or_insert_with(|| opener(text)),
                Some((Chrome::Related, _))
            )
    };
    if !label(opened, nonblank[at]) {
        return false;
    }
    // The items of a label: the short lines under it up to the next line ending in `:`.
    let items = |from: usize| {
        nonblank[from..]
            .iter()
            .take_while(|&&j| {
                let f = &doc.feats[j];
                let label = doc.lines[j].text.trim_end().ends_with([':', '\u{FF1A}']);
                !(label || f.prose && f.terminal) && f.words <= SECTION_WORDS
            })
            .count()
    };
    let first = items(at + 1);
    let second = at + 1 + first;
    first >= 1
        && second < nonblank.len()
        && label(opened, nonblank[second])
        && items(second + 1) >= 1
}

/// The most words of a heading that [`next_section`] sets apart from a list's items.
const SECTION_WORDS: usize = 10;

/// Whether `last`, the last line of a related list whose other items are `items`, is the
/// heading of the article's next section: a short line without a sentence end over a paragraph
/// (`next` reads as prose), either unbulleted under bulleted items or numbered in sequence with
/// an earlier line of the document ([`continues_numbering`]).
fn next_section(doc: &Doc<'_, '_>, items: &[usize], last: usize, next: Option<usize>) -> bool {
    let f = &doc.feats[last];
    if f.terminal || f.words == 0 || f.words > SECTION_WORDS {
        return false;
    }
    if !next.is_some_and(|j| doc.feats[j].prose) {
        return false;
    }
    let bulleted = items.len() >= 2 && items.iter().all(|&j| doc.feats[j].bullet);
    bulleted && !f.bullet || continues_numbering(doc, last)
}

/// A numbered line's numbering: the words before the number, the number, the sign after it.
pub(crate) type Numbering<'a> = (&'a str, u32, char);

/// A numbered line's numbering: the words before its number (at most two, "Step", "Trend"),
/// the number, and the sign after it (`.`, `)` or `:`): "2. Conduct research" is `("", 2,
/// '.')`, "Trend 6: Fitness" is `("Trend ", 6, ':')`.
pub(crate) fn numbering(text: &str) -> Option<Numbering<'_>> {
    let at = text.find(|c: char| c.is_ascii_digit())?;
    let (prefix, rest) = text.split_at(at);
    if prefix.len() > 20 || prefix.split_whitespace().count() > 2 || prefix.contains(['.', ':']) {
        return None;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 3 {
        return None;
    }
    let number = rest[..digits].parse().ok()?;
    let mut after = rest[digits..].chars();
    let sign = after.next().filter(|c| matches!(c, '.' | ')' | ':'))?;
    after
        .next()
        .is_some_and(char::is_whitespace)
        .then_some((prefix, number, sign))
}

/// Whether line `i` is numbered ([`numbering`]) one above an earlier line of the document with
/// the same words before the number and the same sign after it.
fn continues_numbering(doc: &Doc<'_, '_>, i: usize) -> bool {
    let Some((prefix, number, sign)) = numbering(doc.text(i)) else {
        return false;
    };
    number >= 2
        && doc
            .nonblank
            .iter()
            .take_while(|&&j| j < i)
            .any(|&j| numbering(doc.text(j)) == Some((prefix, number - 1, sign)))
}

/// Fewest words of an article's first sentence that ends a related list (with a paragraph under
/// it).
const LEAD_WORDS: usize = 8;

/// Fewest words of the paragraph under an article's first sentence ([`LEAD_WORDS`]).
const PARAGRAPH_WORDS: usize = 12;

/// The most short lines (handles, dates, reading times) between a byline and its article's first
/// paragraph.
const BYLINE_TAIL: usize = 4;

/// An article under the byline at `nonblank[at]`: a prose sentence within the next
/// [`BYLINE_TAIL`] lines.
fn article_under(doc: &Doc<'_, '_>, at: usize) -> bool {
    doc.nonblank
        .iter()
        .skip(at + 1)
        .take(BYLINE_TAIL)
        .any(|&j| doc.feats[j].prose && doc.feats[j].terminal)
}

/// Where a related list under the header at `nonblank[n]` ends when its items carry dates: a
/// date line among its first two items makes every item a date and a headline (in either order),
/// so the list ends with the last date and its headline; the lines after it, undated, are no
/// more items of the list. (An empty "Related" widget over the article's own dateline, headline
/// and short paragraphs reads as a dated list of one item; the paragraphs stay.) Otherwise `end`.
fn dated_items_end(
    lines: &[Line<'_>],
    feats: &[Feat],
    nonblank: &[usize],
    n: usize,
    end: usize,
) -> usize {
    let items = &nonblank[n + 1..end];
    let dated = |j: &usize| feats[*j].stamp || clock_line(lines[*j].text);
    let Some(first) = items.iter().take(2).position(dated) else {
        return end;
    };
    let last = items.iter().rposition(dated).unwrap_or(first);
    // Dates first: each date's headline follows it; headlines first: the date closes the item.
    let stop = if first == 0 { last + 2 } else { last + 1 };
    end.min(n + 1 + stop)
}

/// A posting time the date patterns do not read ("Dec 28 Sat 2013 00:28"): a clock time and
/// at most [`CLOCK_LINE_WORDS`] words, each with a digit or of at most three letters (a month's
/// or a weekday's short name).
fn clock_line(text: &str) -> bool {
    let b = text.as_bytes();
    let clock = b.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    });
    clock
        && text.split_whitespace().nth(CLOCK_LINE_WORDS).is_none()
        && text
            .split_whitespace()
            .all(|w| w.contains(|c: char| c.is_ascii_digit()) || w.chars().count() <= 3)
}

/// The most words a [`clock_line`] has.
const CLOCK_LINE_WORDS: usize = 6;
