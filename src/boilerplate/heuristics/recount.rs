//! Chinese and Japanese lines, recounted before any heuristic reads them: their words are not
//! separated by spaces, so the line features (counted by whitespace tokens) see a paragraph as
//! one word that never ends a sentence.
//!
//! Policy: a line written mostly in Chinese or Japanese characters has one word per
//! [`CHARS_PER_WORD`] characters (at least its tokens), ends a sentence at `。！？…` (before
//! closing quotes and brackets), and reads as prose as a spaced line does from its word count and
//! sentence end alone (its title case and stopword shares mean nothing). The main-content
//! model counts words itself: it is given the features' counts from before this pass.

use crate::boilerplate::line::Line;
use crate::boilerplate::stopwords::is_cjk;

use super::features::Feat;

/// Chinese and Japanese characters per word, roughly (most Chinese words have two characters).
const CHARS_PER_WORD: usize = 2;

/// Recounts the features of the lines written mostly in Chinese or Japanese characters.
pub(super) fn recount(lines: &[Line<'_>], feats: &mut [Feat]) {
    for (l, f) in lines.iter().zip(feats.iter_mut()) {
        // Every Chinese or Japanese character starts with a byte E3..E9 or EF in UTF-8.
        if !l.text.bytes().any(|b| matches!(b, 0xE3..=0xE9 | 0xEF)) {
            continue;
        }
        let (mut cjk, mut other) = (0usize, 0usize);
        for c in l.text.chars().filter(|c| !c.is_whitespace()) {
            if is_cjk(c) {
                cjk += 1;
            } else {
                other += 1;
            }
        }
        if cjk <= other {
            continue;
        }
        f.words = f.words.max(cjk / CHARS_PER_WORD);
        f.terminal |= l
            .text
            .trim_end_matches(['」', '』', '）', '】', '”', '"', ')', '』', '〉', '》'])
            .ends_with(['。', '！', '？', '…', '!', '?', '.']);
        f.prose = !f.stamp && (f.words >= 8 && f.terminal || f.words >= 40);
    }
}
