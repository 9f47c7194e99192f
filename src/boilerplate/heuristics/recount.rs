//! Chinese and Japanese lines, recounted before any heuristic reads them: their words are not
//! separated by spaces, so the line features (counted by whitespace tokens) see a paragraph as
//! one word that never ends a sentence.
//!
//! Policy: a line written mostly in Chinese or Japanese characters has one word per
//! [`CHARS_PER_WORD`] characters (at least its tokens), ends a sentence at `。！？…` (before
//! closing quotes and brackets), and reads as prose as a spaced line does from its word count and
//! sentence end alone (its title case and stopword shares mean nothing), or from its length
//! alone when it is longer than a headline ([`CJK_PROSE_WORDS`]). The main-content
//! model counts words itself: it is given the features' counts from before this pass.

use crate::boilerplate::line::{has_cjk_lead, Line};
use crate::boilerplate::stopwords::is_cjk;

use super::features::Feat;

/// Chinese and Japanese characters per word, roughly (most Chinese words have two characters).
const CHARS_PER_WORD: usize = 2;

/// A line of Chinese or Japanese this many words long (twice as many characters) reads as prose
/// without a sentence end: longer than a headline.
pub(super) const CJK_PROSE_WORDS: usize = 20;

/// Recounts the features of the lines written mostly in Chinese or Japanese characters.
pub(super) fn recount(lines: &[Line<'_>], feats: &mut [Feat]) {
    for (l, f) in lines.iter().zip(feats.iter_mut()) {
        let Some(cjk) = cjk_line(l.text) else {
            continue;
        };
        f.words = f.words.max(cjk / CHARS_PER_WORD);
        f.terminal |= l
            .text
            .trim_end_matches(['」', '』', '）', '】', '”', '"', ')', '〉', '》'])
            .ends_with(['。', '！', '？', '…', '!', '?', '.']);
        f.prose = !f.stamp && (f.words >= 8 && f.terminal || f.words >= CJK_PROSE_WORDS);
    }
}

/// The Chinese and Japanese characters of a line written mostly in them (`None` for another
/// line).
pub(super) fn cjk_line(text: &str) -> Option<usize> {
    // Every Chinese or Japanese character starts with a byte E3..E9 or EF in UTF-8.
    if !has_cjk_lead(text.as_bytes()) {
        return None;
    }
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if is_cjk(c) {
            cjk += 1;
        } else {
            other += 1;
        }
    }
    (cjk > other).then_some(cjk)
}
