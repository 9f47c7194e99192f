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

use crate::boilerplate::line::Line;
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

/// Whether a byte E3..E9 or EF (the lead bytes of Chinese and Japanese characters) occurs.
/// Asked of every line, and most lines have none: first whether any byte is E3 or above, eight
/// bytes at a time and without a branch until the end (OR-ed over the line; the last eight
/// bytes are read as one word too, overlapping the words before them, where a loop over the
/// bytes left took another mispredicted exit a line), and only then the exact test byte by byte
/// (lines with emoji, Korean, or the CJK lines themselves). A byte `b` with its high bit set is
/// E3 or above exactly when `(b & 0x7F) + 0x1D` has bit 7 set (no carry leaves the byte:
/// `(b & 0x7F) + 0x1D` is at most 0x9C). The 16-byte block fold this replaces was vectorized
/// into some 70 instructions a block. A proptest holds it to the byte loop.
fn has_cjk_lead(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const TO_E3: u64 = 0x1D1D_1D1D_1D1D_1D1D;
    let lead = |c: &u8| matches!(c, 0xE3..=0xE9 | 0xEF);
    let n = b.len();
    if n < 8 {
        return b.iter().any(lead);
    }
    let word = |chunk: &[u8]| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        ((x & LOW7) + TO_E3) & x
    };
    let mut chunks = b.chunks_exact(8);
    let mut high = chunks.by_ref().fold(0, |high, chunk| high | word(chunk));
    if !chunks.remainder().is_empty() {
        high |= word(&b[n - 8..]);
    }
    high & HIGH != 0 && b.iter().any(lead)
}

#[cfg(test)]
mod fast_paths {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The block scan finds a lead byte where the byte loop does (any bytes, any length
        /// around the 16-byte blocks).
        #[test]
        fn has_cjk_lead_is_the_byte_loop(b in proptest::collection::vec(prop_oneof![
            8 => 0u8..0x80,
            2 => 0x80u8..=0xFF,
            1 => 0xE3u8..=0xE9,
        ], 0..70)) {
            prop_assert_eq!(
                has_cjk_lead(&b),
                b.iter().any(|&c| matches!(c, 0xE3..=0xE9 | 0xEF))
            );
        }
    }
}
