//! Bylines split over two lines by a converter: "By <a>Jane Roe</a>" read as "By" over "Jane
//! Roe".

use crate::boilerplate::claim::Claim;

use super::super::features::{features, Doc};
use super::byline_pattern;
use super::openers::{byline_rest, opens_with, Opens, OPEN_BYLINE};

/// Most words of a byline's opener alone on its line ("By", "Written by").
const OPENER_WORDS: usize = 3;

/// Claims a byline split over two lines (a converter broke "By <a>Jane Roe</a>" into "By" over
/// "Jane Roe"): an opener alone on its line and the line under it, when the two joined make a
/// byline ([`byline_pattern`]) or the line under it is claimed as one already (a name next to
/// the date). Run after the per-line passes: the opener claimed first would make the headline
/// over it a name next to a byline.
pub(in super::super) fn split_bylines(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    for pair in doc.nonblank.windows(2) {
        let (i, j) = (pair[0], pair[1]);
        if claimed[i].is_some()
            || doc.feats[i].words > OPENER_WORDS
            || claimed[j].is_some_and(|c| c != Claim::Byline)
        {
            continue;
        }
        let (opener, name) = (doc.text(i).trim(), doc.text(j).trim());
        // (Most short lines open no byline: the joined line's first three bytes ask the
        // openers' table before the line is built.)
        let mut head = [0u8; 3];
        let mut n = 0;
        for (slot, b) in head
            .iter_mut()
            .zip(opener.bytes().chain([b' ']).chain(name.bytes()))
        {
            *slot = b;
            n += 1;
        }
        if opens_with(&head[..n]) & (1 << OPEN_BYLINE) == 0 {
            continue;
        }
        let joined = format!("{opener} {name}");
        // (The opener is all of its line: the joined line's byline opens with it, and its
        // rest is the line under it.)
        let opens = Opens::of(&joined);
        let whole = opens.matched(OPEN_BYLINE)
            && byline_rest(&joined)
                .is_some_and(|rest| rest.len() + opener.len() + 1 == joined.len());
        if whole && (claimed[j].is_some() || byline_pattern(&joined, &features(&joined), &opens)) {
            claimed[i] = Some(Claim::Byline);
            claimed[j] = Some(Claim::Byline);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bylines(text: &str) -> Vec<String> {
        super::super::super::tests::claimed_lines(text, split_bylines, Claim::Byline)
    }

    #[test]
    fn an_opener_over_a_name_is_a_byline() {
        for (opener, name) in [
            ("By", "Jane Roe"),
            ("Von", "Anna Berg"),
            ("par", "Jeanne Roux"),
        ] {
            let text = format!(
                "Council votes on the bridge\n\n{opener}\n{name}\n\nThe council voted on Monday.\n"
            );
            assert_eq!(bylines(&text), [opener, name], "{text:?}");
        }
    }

    #[test]
    fn other_lines_are_no_split_byline() {
        for text in [
            // A sentence under the opener; a word that is no opener; an opener with its name.
            "By\nthe end of the week the council had voted.\n",
            "Bye\nJane Roe\n",
            "By Jane Roe\nMarch 12, 2024\n",
        ] {
            assert!(bylines(text).is_empty(), "{text:?}");
        }
    }
}
