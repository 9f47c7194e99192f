//! The headline above the body: the best title-like line over the body's first prose line.

use super::form::{dateish, list_item, title_like};
use super::{Body, Class};
use crate::boilerplate::claim::Claim;
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

/// The headline: the best title-like line at most [`TITLE_WINDOW`] non-blank lines above the
/// body's first prose line (claimed lines other than [`WEAK_CLAIMS`] never qualify). A candidate
/// scores its words (up to 14: headlines are longer than menu items and labels), more with a
/// byline or a date in the four lines under it, with prose (a standfirst, the body) right under
/// it, and when a longer line of the page contains it (a breadcrumb or page title repeating the
/// headline); less the further it is from the body and the longer it is beyond 18 words. `None` when no candidate scores enough.
pub(crate) fn headline(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    body: &Body,
) -> Option<usize> {
    let (start, end) = body.span?;
    // The first line of the span that is prose by itself: the headline is above it. When the
    // span starts with page text (a publisher's blurb, then a menu the model cut out as holes),
    // the article starts after the last hole before the span's first good line.
    let first = (start..=end).find(|&i| body.prose(i))?;
    let good = (start..=end).find(|&i| body.free[i] == Class::Good);
    let after_holes = good.and_then(|g| {
        let hole = (first..g)
            .rev()
            .find(|&i| body.holes.get(i).copied().unwrap_or(false))?;
        (hole..=g).find(|&i| body.prose(i))
    });
    [Some(first), after_holes]
        .into_iter()
        .flatten()
        .find_map(|anchor| headline_above(lines, claimed, body, anchor))
}

/// The headline among the [`TITLE_WINDOW`] non-blank lines above line `first` (see
/// [`headline`]).
fn headline_above(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    body: &Body,
    first: usize,
) -> Option<usize> {
    let above: Vec<usize> = (0..first)
        .rev()
        // (A lone bullet or rule is no line of its own.)
        .filter(|&i| lines[i].text.chars().any(char::is_alphanumeric))
        .take(TITLE_WINDOW)
        .collect();
    // A line a byline or a date follows is a headline even when it reads as prose (a
    // question, a headline with many function words).
    let signed = |n: usize| {
        n > 0
            && matches!(
                claimed[above[n - 1]],
                Some(Claim::Byline | Claim::Timestamp)
            )
    };
    let candidate = |n: usize, i: usize| {
        claimed[i].map_or(true, |c| WEAK_CLAIMS.contains(&c))
            && title_like(lines[i].text)
            && (!body.prose(i) || signed(n))
            && !list_item(lines[i].text)
            && !dateish(lines[i].text)
    };
    let mut best: Option<(f32, usize)> = None;
    for (n, &i) in above.iter().enumerate() {
        if !candidate(n, i) {
            continue;
        }
        // `above` runs upwards: the lines under above[n] are above[n-1], above[n-2], ...
        let under = |k: usize| above[n.saturating_sub(k)..n].iter().rev().copied();
        let dated = under(4).any(|j| {
            matches!(claimed[j], Some(Claim::Byline | Claim::Timestamp))
                || dateish(lines[j].text)
                || !crate::boilerplate::meta::find_dates(lines[j].text).is_empty()
        });
        let prose_next = n == 0 || body.prose(above[n - 1]);
        let text = lines[i].text;
        let cjk = text.chars().filter(|&c| is_cjk(c)).count();
        let words = text.split_whitespace().count().max(cjk / 3);
        // Headlines run 5 to 18 words; longer lines are more often notices or captions.
        let size = words.min(10) as f32 - 0.5 * words.saturating_sub(18) as f32;
        // Pages print the headline more than once (breadcrumb, share text, page title).
        let copied = text.len() >= 15
            && lines
                .iter()
                .enumerate()
                .any(|(j, l)| j != i && l.text.len() >= text.len() && l.text.contains(text));
        let score = size
            + if dated { 10.0 } else { 0.0 }
            + if prose_next { 2.0 } else { 0.0 }
            + if copied { 4.0 } else { 0.0 }
            - 0.5 * n as f32;
        if best.map_or(true, |(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.filter(|&(score, _)| score >= MIN_TITLE_SCORE)
        .map(|(_, i)| i)
}

/// The least score of a headline (a five-word line right above the body scores 7).
const MIN_TITLE_SCORE: f32 = 6.0;
