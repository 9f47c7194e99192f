//! Later copies of the headline: `repeated-title`.

use crate::boilerplate::claim::Claim;

use super::features::Doc;
use super::structure::{free, key_words, same_title, Frame};

/// Later copies of the headline, or of its part before " | Site": `repeated-title`.
pub(super) fn repeated_titles(doc: &Doc<'_, '_>, frame: &Frame, claimed: &mut [Option<Claim>]) {
    let Some(t) = frame.title else {
        return;
    };
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    // "Headline | Site": the headline part alone counts as a copy too.
    let text = lines[t].text;
    let cut = [" | ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .unwrap_or(text.len());
    let short = &text[..cut];
    // A key has one word per token with a letter or digit (lowercasing neither adds nor removes
    // a space), which is what `words` counts: a line with another count cannot be a copy, so
    // most lines are never compared.
    let key_words = |s: &str| key_words(s).count();
    let counts = [key_words(text), key_words(short)];
    // When the headline found is the page's title (its first line, a converted `<title>`),
    // the first copy of it heading the article's text is the article's own heading, which the
    // guideline counts as the headline's first occurrence: only the copies after it are claimed.
    // (A copy right under it is the same heading printed twice.)
    let mut spare = nonblank.first() == Some(&t);
    for &i in nonblank.iter().filter(|&&i| i > t) {
        if !free(doc, claimed, i) || feats[i].words == 0 || !counts.contains(&feats[i].words) {
            continue;
        }
        let line = lines[i].text;
        if counts[0] > 0 && same_title(text, line)
            || cut < text.len() && counts[1] > 0 && same_title(short, line)
        {
            if spare && nonblank.get(1) != Some(&i) && over_prose(doc, claimed, i) {
                spare = false;
                continue;
            }
            claimed[i] = Some(Claim::RepeatedTitle);
        }
    }
}

/// Whether the first free line under line `i`, past claimed lines only (at most eight
/// non-blank lines down), is a sentence of prose: `i` heads the article's text.
fn over_prose(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], i: usize) -> bool {
    let from = doc.nonblank.partition_point(|&j| j <= i);
    doc.nonblank[from..]
        .iter()
        .take(8)
        .find(|&&j| claimed[j].is_none())
        .is_some_and(|&j| doc.feats[j].prose && doc.feats[j].terminal)
}
