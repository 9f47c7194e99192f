//! Regions of prose above the body span: the article's beginning a widget cut off.
//!
//! The span is one maximum-sum run of lines: a part of the article that a block of chrome
//! (a video player, a share bar, a gallery's captions, a run of teasers) separates from the rest
//! by more than the part itself scores falls outside it (a lead paragraph above a video).
//! Policy: above the span, the best region of prose there joins the body when
//! - it is prose by itself: at least [`REGION_MIN`] good characters, and a line that is good
//!   alone or [`REGION_LINES`] lines of prose (a teaser is one line);
//! - the chrome between it and the body is bounded: at most [`GAP_LINES`] non-blank lines, and
//!   at most [`GAP_SHARE`] times the region's own score, so a region far away behind a whole
//!   related list or menu (another article's teaser, a sidebar's blurb) stays out.
//!
//! Below the span nothing joins: measured on the dev and readability sets, the prose there
//! is more often the page's (a newsletter blurb, an author's bio, a site's blurb, comments)
//! than the article's: joining it kept three boilerplate lines for each article line saved.
//!
//! Inside and under the span, a line that is no prose alone between two paragraphs of prose
//! (an insert: a "Read also:" line with a headline, an ad's label, a caption, a row of figures)
//! costs the span nothing ([`inserts_cost_nothing`]): a short last paragraph under a "LIRE
//! AUSSI." line was cut off. Measured on the five labelled sets: 2 article lines back, 5
//! boilerplate lines kept; unclaimed lines too (session 31): 2 more back, 7 more removed.
//!
//! Joining repeats from the joined region upwards. The lines between the body and a joined
//! region that do not continue either (`edges::extend`) stay out of the body: the span covers
//! them, but they are holes, like a menu inside the span.

use super::edges::{extend, Chrome};
use super::{best_span, Class, Line};

/// Fewest good characters a region scores (a paragraph of about two sentences).
pub(super) const REGION_MIN: i64 = 200;
/// Fewest prose lines a region holds unless one of them is good alone.
const REGION_LINES: usize = 2;
/// Most non-blank lines between a region and the body.
pub(super) const GAP_LINES: usize = 25;
/// Most the gap may cost (its bad characters) per point of the region's score.
const GAP_SHARE: i64 = 8;
/// How many regions join.
const MAX_REGIONS: usize = 3;

/// What the joining sees of the document.
pub(super) struct Doc<'a, 'l, 't> {
    pub lines: &'a [Line<'t>],
    pub free: &'a [Class],
    pub weights: &'a [i64],
    pub prose: &'a dyn Fn(usize) -> bool,
    pub continues: &'a [bool],
    pub chrome: &'a Chrome<'l, 't>,
}

/// The span `(s, e)` widened upwards over the regions that join it, and the lines of the gaps
/// between (the holes they leave). Regions are looked for below line `floor` only (above it,
/// `head::past_menus` found a site's menus).
pub(super) fn join(
    doc: &Doc<'_, '_, '_>,
    (s, e): (usize, usize),
    floor: usize,
) -> ((usize, usize), Vec<usize>) {
    let mut gaps = Vec::new();
    let mut start = s;
    for _ in 0..MAX_REGIONS {
        let Some((score, a, b)) = best_span(doc.weights, floor, start) else {
            break;
        };
        let Some((a, b)) = trim(doc, a, b) else { break };
        if !accept(doc, score, a, b, b + 1, start) {
            break;
        }
        let (a2, b2) = extend(doc.lines, doc.continues, doc.chrome, a, b);
        let b2 = b2.min(start - 1);
        gaps.extend(b2 + 1..start);
        start = a2;
    }
    gaps.retain(|&i| !doc.lines[i].text.is_empty());
    ((start, e), gaps)
}

/// The region `a..=b` from its first to its last line of prose.
fn trim(doc: &Doc<'_, '_, '_>, a: usize, b: usize) -> Option<(usize, usize)> {
    Some((
        (a..=b).find(|&i| (doc.prose)(i))?,
        (a..=b).rev().find(|&i| (doc.prose)(i))?,
    ))
}

/// Whether the region `a..=b` scoring `score` joins the body across the gap `g0..g1`.
fn accept(doc: &Doc<'_, '_, '_>, score: i64, a: usize, b: usize, g0: usize, g1: usize) -> bool {
    if score < REGION_MIN {
        return false;
    }
    let prose = (a..=b).filter(|&i| (doc.prose)(i)).count();
    let good = (a..=b).any(|i| doc.free[i] == Class::Good);
    if !good && prose < REGION_LINES {
        return false;
    }
    let gap: Vec<usize> = (g0..g1)
        .filter(|&i| !doc.lines[i].text.is_empty())
        .collect();
    let cost: i64 = gap.iter().map(|&i| -doc.weights[i].min(0)).sum();
    gap.len() <= GAP_LINES && cost <= GAP_SHARE * score
}

/// A line that is no prose alone between two paragraphs of prose (the nearest non-blank lines
/// above and below) is an insert in the article: claimed, "Read also: <headline>", an ad's
/// label, a caption; unclaimed, a row of figures, a list of names, a reference. It costs the
/// span nothing, so the paragraph under it is not cut off from the article.
pub(super) fn inserts_cost_nothing(lines: &[Line<'_>], free: &[Class], weights: &mut [i64]) {
    let good = |i: usize| matches!(free[i], Class::Good | Class::NearGood);
    // The last two non-blank lines before `b`, in one pass (no list of the non-blank lines).
    let (mut a, mut i): (Option<usize>, Option<usize>) = (None, None);
    for b in (0..lines.len()).filter(|&b| !lines[b].text.is_empty()) {
        if let (Some(a), Some(i)) = (a, i) {
            if weights[i] < 0 && good(a) && good(b) {
                weights[i] = 0;
            }
        }
        (a, i) = (i, Some(b));
    }
}
