//! The headline above the body: the best title-like line over the body's first prose line.

use std::sync::LazyLock;

use crate::boilerplate::matcher::Matcher;

use super::form::{along, dateish, letters, list_item, sentence_end, title_like};
use super::{Body, Class};
use crate::boilerplate::claim::Claim;
use crate::boilerplate::heuristics::{signed_by, NAME_PARTICLES};
use crate::boilerplate::line::Line;
use crate::boilerplate::stopwords::is_cjk;

/// How many non-blank lines above the body the headline may sit.
const TITLE_WINDOW: usize = 20;

/// Claims that do not rule a line out as the headline: the list and label heuristics take a
/// headline sitting under a "Latest news" list or a section word for one more item.
const WEAK_CLAIMS: &[Claim] = &[
    Claim::RelatedList,
    Claim::DatedList,
    Claim::SectionLabel,
    Claim::RepeatedTitle,
];

/// The headline: the best title-like line at most [`TITLE_WINDOW`] non-blank lines above where
/// the article starts (claimed lines other than [`WEAK_CLAIMS`] never qualify). A candidate
/// scores its words (up to 10: headlines are longer than menu items and labels), more with a
/// byline or a date in the four lines under it, with prose (a standfirst, the body) right under
/// it, right under a breadcrumb, and when another line of the page repeats it (a breadcrumb or
/// page title); less the further it is from the body and the longer it is beyond 18 words.
/// `None` when no candidate scores enough.
///
/// Where the article starts, tried in this order until one gives a headline: the span's first
/// prose line; the first prose line after each run of holes (a publisher's blurb, then a menu
/// the model cut out); the span's first good line (a headline over a byline the heuristics did
/// not claim, under a line of page text). Each but the first only while most of the span's
/// prose lies below it: a share bar near the end of the article starts nothing.
///
/// Of two headline-like lines in a row (or with a byline or date line between them) scoring
/// within [`HEADER_MARGIN`] of each other (or the upper one tied to the article only through the
/// lower one), the upper one is the headline and the lower one its standfirst (or a caption),
/// unless the upper one reads as a kicker, a menu or a page title ([`over_standfirst`]).
///
/// A line so chosen that ends with the whole of a line next to it (a breadcrumb ending in the
/// headline, a kicker joined to it) gives way to that line ([`own_line`]), and a line printed
/// again nearer the body gives way to its last copy there ([`nearest_copy`]). A copy of the page
/// title over a kicker and another heading gives way to that heading ([`under_kicker`]).
pub(crate) fn headline(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    body: &Body,
) -> Option<usize> {
    pick(lines, claimed, body)
        .map(|t| own_line(lines, claimed, t))
        .map(|t| nearest_copy(lines, body, t))
}

/// The last copy of line `t` printed between it and where the body starts: a page prints its
/// headline again over the article (a player's or a gallery's title first, then the heading),
/// and the copy next to the body is the article's.
fn nearest_copy(lines: &[Line<'_>], body: &Body, t: usize) -> usize {
    let Some(start) = body
        .span
        .and_then(|(s, e)| (s..=e).find(|&i| body.prose(i)))
        .filter(|&s| s > t)
    else {
        return t;
    };
    (t + 1..start)
        .rev()
        .find(|&i| lines[i].text == lines[t].text)
        .unwrap_or(t)
}

/// How many non-blank lines from a chosen line the headline printed alone may stand (a
/// breadcrumb ending in the headline, then a search box and a date line).
const OWN_LINE_WITHIN: usize = 5;

/// The fewest words of the headline printed alone that a longer chosen line ends with.
const MIN_OWN_WORDS: usize = 3;

/// The headline printed alone next to line `t`, which ends with it ("Home » Recipes » Lemon
/// cake with berries", "Olympics Drinks delivered by boat"): a line of [`MIN_OWN_WORDS`] words
/// or more within [`OWN_LINE_WITHIN`] non-blank lines whose letters end `t`'s; else `t`.
fn own_line(lines: &[Line<'_>], claimed: &[Option<Claim>], t: usize) -> usize {
    let whole: Vec<char> = letters(lines[t].text).collect();
    let nonblank = |i: &usize| !lines[*i].text.is_empty();
    let above = (0..t).rev().filter(nonblank).take(OWN_LINE_WITHIN);
    let below = (t + 1..lines.len()).filter(nonblank).take(OWN_LINE_WITHIN);
    below
        .chain(above)
        .find(|&i| {
            let text = lines[i].text;
            claimed[i].map_or(true, |c| WEAK_CLAIMS.contains(&c))
                && text.split_whitespace().nth(MIN_OWN_WORDS - 1).is_some()
                && ends_letters(&whole, text)
                && title_like(text)
                && !dateish(text)
        })
        .unwrap_or(t)
}

/// Whether the letters and digits of `text`, lowercased, end `whole` and are fewer: compared
/// from the end as they come (most neighbours differ at their last letter; a paragraph is never
/// collected).
fn ends_letters(whole: &[char], text: &str) -> bool {
    along(letters(text).rev(), whole.iter().rev().copied()).is_some_and(|n| n < whole.len())
}

/// The headline before [`own_line`]: see [`headline`].
fn pick(lines: &[Line<'_>], claimed: &[Option<Claim>], body: &Body) -> Option<usize> {
    let (start, end) = body.span?;
    let first = (start..=end).find(|&i| body.prose(i))?;
    let title = PageTitle::read(lines);
    if let Some(t) = title
        .as_ref()
        .and_then(|p| p.copy(lines, claimed, body, first, end))
    {
        return Some(under_kicker(lines, claimed, body, t));
    }
    let hole = |i: usize| body.holes.get(i).copied().unwrap_or(false);
    let after_holes = (first..end)
        .filter(|&i| hole(i) && !hole(i + 1))
        .filter_map(|h| (h..=end).find(|&i| body.prose(i)));
    let good = (start..=end).find(|&i| body.free[i] == Class::Good);
    let prose_len = |from: usize, to: usize| -> usize {
        (from..to)
            .filter(|&i| body.prose(i))
            .map(|i| body.len[i])
            .sum()
    };
    let mut anchors: Vec<usize> = after_holes.chain(good).collect();
    anchors.sort_unstable();
    anchors.dedup();
    anchors.retain(|&a| a > first && prose_len(first, a) < prose_len(a, end + 1));
    // Past the first, an anchor may be any paragraph of a long article: only a headline a
    // byline or a date signs counts there (not a subheading).
    headline_above(lines, claimed, body, first, false)
        .or_else(|| {
            anchors
                .into_iter()
                .find_map(|anchor| headline_above(lines, claimed, body, anchor, true))
        })
        // A page title that shares no word with the pick says it is another line, unless a
        // byline or a date signs the pick (the page title names the site and its section).
        .filter(|&i| {
            !title.as_ref().is_some_and(|p| p.unrelated(lines[i].text))
                || signed_below(lines, claimed, body, i)
        })
}

/// Whether a byline or a date line stands under line `t` within [`SIGNED_WITHIN`] non-blank
/// lines, no prose between.
fn signed_below(lines: &[Line<'_>], claimed: &[Option<Claim>], body: &Body, t: usize) -> bool {
    (t + 1..lines.len())
        .filter(|&j| !lines[j].text.is_empty())
        .take(SIGNED_WITHIN)
        .take_while(|&j| !body.prose(j))
        .any(|j| dated_line(lines, claimed, j))
}

/// Whether line `j` signs a headline over it: a byline or a timestamp the heuristics took, or a
/// date line.
fn dated_line(lines: &[Line<'_>], claimed: &[Option<Claim>], j: usize) -> bool {
    matches!(claimed[j], Some(Claim::Byline | Claim::Timestamp)) || dateish(lines[j].text)
}

/// The page's own heading under a copy `t` of its title, when a kicker stands between them:
/// news sites print the page title's text (written for search engines) over the article, then
/// a kicker and the heading the reader sees ("Trump plant Helikopterlandeplatz beim Weissen
/// Haus", "Umbau des Weissen Hauses", then "Trump plant Helikopterlandeplatz – während sein
/// Ballsaal-Projekt stockt"). Else `t`.
///
/// The line right under `t` is a kicker when it is short (at most [`MAX_KICKER_WORDS`] words and
/// fewer than `t`'s), no sentence, and has no digit (a comment count, a date); the next line is
/// the heading when it reads as a headline of five words or more, no sentence, shares a word of
/// four letters or more with `t` (a caption or a teaser need not) and is signed: prose, a byline
/// or a date among the two lines under it. Measured: fundus headlines 157 -> 162 right (one
/// heading where the gold has the page title), no change on the trafilatura and second sets.
fn under_kicker(lines: &[Line<'_>], claimed: &[Option<Claim>], body: &Body, t: usize) -> usize {
    let nonblank = |from: usize| (from..lines.len()).filter(|&i| !lines[i].text.is_empty());
    let mut next = nonblank(t + 1);
    let (Some(k), Some(h)) = (next.next(), next.next()) else {
        return t;
    };
    let weak = |i: usize| claimed[i].map_or(true, |c| WEAK_CLAIMS.contains(&c));
    let (title, kicker, heading) = (lines[t].text, lines[k].text, lines[h].text);
    let kicker_words = kicker.split_whitespace().count();
    let is_kicker = weak(k)
        && kicker_words <= MAX_KICKER_WORDS
        && kicker_words < title.split_whitespace().count()
        && !kicker.ends_with(['.', '!', '?'])
        && !kicker.bytes().any(|b| b.is_ascii_digit());
    if !is_kicker || !weak(h) || heading.split_whitespace().nth(4).is_none() {
        return t;
    }
    let long_words = |text: &'_ str| -> Vec<String> {
        text.split_whitespace()
            .filter(|w| w.chars().count() >= 4)
            .map(|w| letters(w).collect())
            .collect()
    };
    let shared = {
        let ours = long_words(title);
        long_words(heading).iter().any(|w| ours.contains(w))
    };
    let is_heading = !heading.ends_with('.')
        && headline_form(heading)
        && !letters(heading).eq(letters(title))
        && shared;
    let signed = || {
        nonblank(h + 1).take(2).any(|i| {
            body.prose(i)
                || matches!(claimed[i], Some(Claim::Byline | Claim::Timestamp))
                || dateish(lines[i].text)
        })
    };
    if is_heading && signed() {
        h
    } else {
        t
    }
}

/// The most words of a kicker over a heading ("Umbau des Weissen Hauses", "Nach erneuter
/// Kritik an Papst Leo").
const MAX_KICKER_WORDS: usize = 6;

/// Whether `text` is written as a headline: title-like, and no list item, date or time, skip
/// link, byline (a dated one, or "By" and names), line with a full date, or page chrome.
fn headline_form(text: &str) -> bool {
    title_like(text)
        && !list_item(text)
        && !dateish(text)
        && !skip_link(text)
        && !any_byline(text)
        && !dated_text(text)
        && !chrome_form(text)
}

/// The headline as the page's title gives it (see [`PageTitle::copy`]); `None` without a
/// page title or a copy of it.
#[cfg(test)]
fn page_title_copy(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    body: &Body,
    first: usize,
    end: usize,
) -> Option<usize> {
    PageTitle::read(lines)?.copy(lines, claimed, body, first, end)
}

/// A name alone on its line (a bullet before it at most): two to four words of letters, each
/// capitalised or a name's particle (`NAME_PARTICLES`), the first and last capitalised, no
/// digit, no closing full stop ("Jane Roe", "* Ana de la Cruz").
fn author_name(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches(['*', '\u{2022}', '-'])
        .trim_start();
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            (w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
        && !t.ends_with('.')
}

/// Fewest words of an unclaimed sentence under a headline that ties it to the article as prose
/// does.
const LEAD_WORDS: usize = 8;

/// The headline among the [`TITLE_WINDOW`] non-blank lines above line `first` (see
/// [`headline`]); with `need_date`, only a candidate with a byline or a date under it.
fn headline_above(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    body: &Body,
    first: usize,
    need_date: bool,
) -> Option<usize> {
    // (Room for the window at once: collected from a filter, the vector grew by doubling.)
    let mut above: Vec<usize> = Vec::with_capacity(TITLE_WINDOW);
    above.extend(
        (0..first)
            .rev()
            // (A lone bullet or rule is no line of its own.)
            .filter(|&i| lines[i].text.chars().any(char::is_alphanumeric))
            .take(TITLE_WINDOW),
    );
    let dated_line = |j: usize| dated_line(lines, claimed, j);
    // A line a byline or a date follows (within three lines, no prose between) is a headline
    // even when it reads as prose (a question, a headline with many function words).
    let signed = |n: usize| {
        above[n.saturating_sub(SIGNED_WITHIN)..n]
            .iter()
            .rev()
            .take_while(|&&j| !body.prose(j))
            .any(|&j| dated_line(j))
    };
    // A breadcrumb a line or two over `above[n]` ends with `text`.
    let crumb_over = |n: usize, text: &str| {
        above
            .iter()
            .skip(n + 2)
            .take(CRUMB_WITHIN - 1)
            .any(|&j| crumb_ends_with(lines[j].text, text))
    };
    let title_form = |n: usize, i: usize| {
        let text = lines[i].text;
        claimed[i].map_or(true, |c| WEAK_CLAIMS.contains(&c))
            && headline_form(text)
            // The value of a label line above it ("Author:", "Filed under:"), unless a
            // breadcrumb over the label ends with it (a search box's "Search for:").
            && (!above.get(n + 1).is_some_and(|&j| label(lines[j].text)) || crumb_over(n, text))
            // A short line the page prints three times or more is chrome (an author's name
            // under each teaser, a share prompt); a headline may be printed as often (page
            // title, heading, share text). (The copies are counted up to the third.)
            && (text.split_whitespace().nth(MAX_NAME_WORDS).is_some()
                || lines.iter().filter(|l| l.text == text).nth(2).is_none())
    };
    // A line of prose signed by a byline is the headline, unless a title-like line stands
    // right above it: then it is the standfirst under that headline.
    let candidate = |n: usize, i: usize| {
        title_form(n, i)
            && (!body.prose(i)
                || signed(n)
                    && !above
                        .get(n + 1)
                        .is_some_and(|&j| !body.prose(j) && title_form(n + 1, j)))
    };
    let lead_sentence = |j: usize| {
        claimed[j].is_none()
            && sentence_end(lines[j].text)
            && lines[j]
                .text
                .split_whitespace()
                .nth(LEAD_WORDS - 1)
                .is_some()
    };
    let mut best: Option<(f32, usize, usize)> = None;
    let mut scores: Vec<Option<f32>> = vec![None; above.len()];
    // The nearest dated candidate that reads as a headline of its own (unclaimed, no byline
    // or name, four words or more), as (place in `above`, line).
    let mut shadow: Option<(usize, usize)> = None;
    let shadows = |i: usize| {
        let text = lines[i].text;
        claimed[i].is_none()
            && !dated_line(i)
            && !author_name(text)
            && text.split_whitespace().nth(SHADOW_WORDS - 1).is_some()
    };
    for (n, &i) in above.iter().enumerate() {
        if !candidate(n, i) {
            continue;
        }
        // `above` runs upwards: the lines under above[n] are above[n-1], above[n-2], ...
        let under = |k: usize| above[n.saturating_sub(k)..n].iter().rev().copied();
        let dated = under(DATE_WITHIN).any(|j| {
            dated_line(j) || !crate::boilerplate::meta::find_dates(lines[j].text).is_empty()
        });
        // (Or a sentence the model finds too sparse in stopwords for prose, unclaimed: a
        // market report's lead, "Share prices fell sharply on Thursday as ...".)
        // (Or the author's name alone between it and the body: "Jane Roe" under a blog's
        // headline, over its first paragraph.)
        let prose_next = n == 0
            || body.prose(above[n - 1])
            || lead_sentence(above[n - 1])
            || n == 1 && author_name(lines[above[0]].text);
        let text = lines[i].text;
        let cjk = text.chars().filter(|&c| is_cjk(c)).count();
        // (Counted in letters too when a word is lowercase: a German headline says in four
        // words what an English one says in six, "Kondenswasser am Fenster verhindern"; a line
        // of capitalised words only is more often names, a credit or a byline.)
        let lowercase = text
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase));
        let by_letters = if lowercase {
            let alnum = text.chars().filter(|c| c.is_alphanumeric()).count();
            alnum.saturating_sub(cjk) / LETTERS_PER_WORD
        } else {
            0
        };
        let words = text.split_whitespace().count().max(cjk / 3).max(by_letters);
        // Headlines run 5 to 18 words; longer lines are more often notices or captions.
        let size = words.min(10) as f32 - 0.5 * words.saturating_sub(18) as f32;
        // Pages print the headline more than once (breadcrumb, share text, page title).
        // (A short line printed again as it is is a menu's item: only a longer line, a
        // breadcrumb or a page title, copies it.)
        let short = text.split_whitespace().nth(MAX_MENU_WORDS).is_none();
        let copied = text.len() >= 15
            && lines.iter().enumerate().any(|(j, l)| {
                j != i
                    && (l.text.len() > text.len() || !short && l.text.len() == text.len())
                    && holds(l.text.as_bytes(), text.as_bytes())
            });
        // A breadcrumb ("Home » World » Europe") stands right above the headline, or ends with
        // it a line or two further up (a search box between).
        let crumbed =
            above.get(n + 1).is_some_and(|&j| breadcrumb(lines[j].text)) || crumb_over(n, text);
        // A dated headline of its own under this line, a line or more between, takes the date:
        // this one is a menu, a tag list or a teaser over the headline, unless the two read as
        // a headline over its standfirst; a line holding a bar never does ("News feeds for
        // your reader | What are these?", "Headline | Site": a widget's or a page title's
        // parts; measured: one headline more on the L3S-GN1 set, no other page or line
        // moved). (A line right over the headline may be its kicker or its headline over a
        // subtitle: the date stays theirs.)
        let dated = dated
            && !shadow.is_some_and(|(m, j)| {
                n - m > 1
                    && n - m <= DATE_WITHIN
                    && (text.contains(" | ") || !over_standfirst(text, lines[j].text))
            });
        if need_date && !dated {
            continue;
        }
        // Nothing ties the line to the article (no date under it, no prose right under it, no
        // copy, no breadcrumb): a teaser, a notice or a menu's line; unsure, so no headline.
        if !dated && !prose_next && !copied && !crumbed {
            continue;
        }
        let score = size
            + if dated { 10.0 } else { 0.0 }
            + if prose_next { 2.0 } else { 0.0 }
            + if copied { 4.0 } else { 0.0 }
            + if crumbed { 4.0 } else { 0.0 }
            - 0.5 * n as f32;
        scores[n] = Some(score);
        if dated && shadow.is_none() && shadows(i) {
            shadow = Some((n, i));
        }
        if best.map_or(true, |(b, _, _)| score > b) {
            best = Some((score, i, n));
        }
    }
    let best = best.filter(|&(score, _, _)| score >= MIN_TITLE_SCORE);
    // A headline over its standfirst: two headline-like lines in a row over the byline or the
    // body; the lower one wins on nearness alone (and on the prose under it), but the upper one
    // is the headline. Measured (headline yardsticks): 21 pages right instead of wrong, 2 the
    // other way (a blog's tagline and a teaser over the headline), none on the development set.
    if let Some((b, i, n)) = best {
        // (Over a byline or a date line, the line above that: a caption or a second name
        // printed between the byline and the body is no standfirst either.)
        let m = if above
            .get(n + 1)
            .is_some_and(|&j| dated_line(j) || any_byline(lines[j].text))
        {
            n + 2
        } else {
            n + 1
        };
        if let Some(&j) = above.get(m) {
            // (The upper line may have no tie to the article of its own: the line under it has.)
            let alike = match scores[m] {
                Some(a) => a >= MIN_TITLE_SCORE.max(b - HEADER_MARGIN),
                None => candidate(m, j),
            };
            // (A third such line over it makes the three a list of teasers, no header.)
            let listed = above.get(m + 1).is_some_and(|&k| {
                candidate(m + 1, k) && over_standfirst(lines[k].text, lines[j].text)
            });
            if alike && !listed && over_standfirst(lines[j].text, lines[i].text) {
                return Some(j);
            }
        }
    }
    best.map(|(_, i, _)| i)
}

/// How many lines (of the window) under a candidate a date or byline dates it; a line that far
/// over a dated headline of its own loses the date to it.
const DATE_WITHIN: usize = 4;

/// Fewest words of a dated headline that takes the date from the lines over it (a shorter line
/// is as often a kicker, a section's name or a widget's label).
const SHADOW_WORDS: usize = 4;

/// How much less than the line under it a headline over its standfirst may score (a standfirst
/// is longer: up to ten words count).
const HEADER_MARGIN: f32 = 4.0;

/// Fewest words of a headline over a standfirst (a kicker is shorter).
const MIN_HEADER_WORDS: usize = 6;

/// Whether `upper`, right over the chosen line `lower`, reads as the headline over its
/// standfirst rather than a kicker, a menu or a page title: [`MIN_HEADER_WORDS`] words or more,
/// a lowercase word among them (a line of capitalised words only is as often a menu or a list
/// of names), no closing colon, no full stop ending a sentence inside (a notice; a question may
/// open a headline: "Looking for a desk? Here are nine"), no enumeration of short parts (a
/// post's categories, "News, Sport, Travel": [`categories`]), and no copy of `lower` in it
/// ("Headline | Site" over "Headline").
fn over_standfirst(upper: &str, lower: &str) -> bool {
    let t = upper.trim_end();
    t.split_whitespace().nth(MIN_HEADER_WORDS - 1).is_some()
        && t.split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_lowercase))
        && !t.ends_with(':')
        && !stop_inside(t)
        && !categories(t)
        && !holds(t.as_bytes(), lower.trim().as_bytes())
}

/// A list of categories or tags: two commas or more, most parts of one or two words ("News,
/// Sport, Travel", "Tags: tennis, cricket, india"; not "Raid nets politicians, doctors,
/// lawyers in three cities").
fn categories(text: &str) -> bool {
    let (mut parts, mut short) = (0usize, 0usize);
    for p in text.split(", ") {
        parts += 1;
        short += usize::from(p.split_whitespace().nth(2).is_none());
    }
    parts >= 3 && short * 2 > parts
}

/// Whether a full stop ends a sentence inside `text` ([`breaks`]).
fn stop_inside(text: &str) -> bool {
    breaks(text, &['.']).next().is_some()
}

/// Whether `hay` holds `needle`: the places of its first byte found by `memchr`, the rest
/// compared there. (A candidate is looked for in a few lines only, the longer ones up to the
/// first copy: a `memmem` searcher built for each cost more than all its searches.)
fn holds(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    let Some(last) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    memchr::memchr_iter(first, &hay[..=last]).any(|k| hay[k..].starts_with(needle))
}

/// Letters that count as one word of a headline's size (English words run about five).
const LETTERS_PER_WORD: usize = 5;

/// The least score of a headline (a five-word line right above the body scores 7).
const MIN_TITLE_SCORE: f32 = 7.0;

/// How many lines under a headline its byline or date may come (a byline split over two lines,
/// "By" and the name, then the date).
const SIGNED_WITHIN: usize = 3;

/// Words of the longest headline-like line that may be a menu's item.
const MAX_MENU_WORDS: usize = 3;

/// Words of the longest line that may be a name printed under every teaser.
const MAX_NAME_WORDS: usize = 4;

/// A skip link: "Skip to main content", "Jump to navigation", "Перейти к контенту".
fn skip_link(text: &str) -> bool {
    may_start(text, b"sjgmapiSJGMAPI") && SKIP.is_match(text)
}

/// The pattern of [`skip_link`] (a [`Matcher`]: asked whether it matches only).
static SKIP: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(&[SKIP_PAT], true));

/// [`SKIP`]'s pattern (case-insensitive).
const SKIP_PAT: &str = r"^(?:skip|jump)\s+(?:directly\s+)?to\b|^(?:go|move)\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu|search)\b|^(?:перейти|пропустить)\s+к\b|^(?:aller|passer)\s+(?:au\s+contenu|à\s+la\s+navigation)\b|^(?:saltar|ir)\s+al\s+contenido\b|^springe\s+zu";

/// Whether `text` may start with a word of an anchored pattern whose words' first letters, in
/// either case, are `firsts`: its first byte is one of them or no ASCII byte (a Cyrillic word,
/// a letter a case-insensitive pattern matches outside ASCII). A cheap guard: most lines are
/// turned away at their first byte, before the regex runs (or is built).
fn may_start(text: &str, firsts: &[u8]) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|b| !b.is_ascii() || firsts.contains(b))
}

/// A byline, not a headline: "Posted on March 3 by Admin", "Written by Jane Roe",
/// "Veröffentlicht am 3. März", "Publié le 3 mars".
fn byline(text: &str) -> bool {
    may_start(text, b"puwsvagemoPUWSVAGEMO") && BYLINE.is_match(text)
}

/// A byline of either form: [`byline`]'s ("Posted on ... by") or "By" and names
/// ([`signed_by`]), whatever claimed the line.
fn any_byline(text: &str) -> bool {
    byline(text) || signed_by(text)
}

/// The pattern of [`byline`].
static BYLINE: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(&[BYLINE_PAT], true));

/// [`BYLINE`]'s pattern (case-insensitive).
const BYLINE_PAT: &str = r"^(?:posted|published|updated|written|submitted|veröffentlicht|publiziert|aktualisiert|geschrieben|erstellt|publicado|actualizado|escrito|publié|mis\s+à\s+jour|pubblicato|aggiornato|gepubliceerd|opublikowano)\s+(?:on|by|at|in|am|von|um|el|por|en|le|par|il|da|op|door|dnia)\b";

/// A line with a full date in it, in the common languages' forms: "13. Januar 2014", "Oktober
/// 25 2023", "27.01.2022". Such a line is a byline or a teaser's date line; a headline names a
/// year at most. (A spelled-out date's year may run into what follows: converters join the
/// date of a teaser's line to the next, "20 janvier 202020 janvier 2020".)
fn dated_text(text: &str) -> bool {
    static DATED: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(&[&dated_pattern()], true));
    line_has_digits(text, 4) && DATED.is_match(text)
}

/// [`dated_text`]'s pattern (case-insensitive).
fn dated_pattern() -> String {
    let month = r"(?:jan|feb|f[ée]v|m[aä]r|apr|abr|avr|mai|may|mei|maj|jun|jui|giu|jul|lug|aug|ago|ao[uû]|sep|set|okt|oct|ott|out|nov|dez|dec|d[ée]c|dic|ene|gen)\p{L}*\.?";
    format!(
        r"\b\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)?\d{{2}}\b|\b\d{{1,2}}\.?\s*(?:de\s+)?{month},?\s+(?:de\s+)?(?:19|20)\d{{2}}|\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    )
}

/// Whether `text` has at least `n` ASCII digits (a full date has a day and a year: four at the
/// least, "1.2.19"; most lines have fewer, and the date search is the slow kind).
fn line_has_digits(text: &str, n: usize) -> bool {
    text.bytes().filter(u8::is_ascii_digit).nth(n - 1).is_some()
}

/// A short label line waiting for its value on the next line: "Author:", "Publish date:".
fn label(text: &str) -> bool {
    text.ends_with(':') && text.split_whitespace().count() <= 3
}

/// How many non-blank lines above a headline a breadcrumb ending with it may stand.
const CRUMB_WITHIN: usize = 3;

/// Whether `crumb` is a breadcrumb whose last part is `text` (letters and digits compared):
/// as [`breadcrumb`], but the last part, the page's own title, may be long.
fn crumb_ends_with(crumb: &str, text: &str) -> bool {
    let mut parts = crumb.rsplit(['\u{BB}', '\u{203A}', '>']);
    parts
        .next()
        .is_some_and(|last| letters(last).eq(letters(text)))
        && parts.clone().next().is_some()
        && parts.all(|p| {
            let p = p.trim();
            !p.is_empty() && p.split_whitespace().nth(4).is_none()
        })
}

mod chrome;
#[cfg(test)]
mod tests;
mod title;

#[cfg(test)]
use chrome::CREDIT_PAT;
use chrome::{breadcrumb, breaks, chrome_form};

use title::PageTitle;
