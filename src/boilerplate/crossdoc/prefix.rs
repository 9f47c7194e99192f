//! A cheap first test of the layer's lookup: the **prefix tag** of a line is 20 bits of the hash
//! of its key's first [`TAG_CHARS`] characters. The first pass keeps each counted line's tag next
//! to its hash ([`super::DocLines::tags`]) and the table keeps the tags of the lines counted in
//! two bodies or more; the layer then sets the tags of the repeated lines in a bitmap
//! (`TagFilter`) and hashes all of a line only when its tag is set there. Most lines of a page
//! are no site chrome: their tag (a hash of some 16 characters) is not set, and the hash of the
//! rest of the line is not computed.
//!
//! Exact: a line with a repeated key has that key's tag. (Two different keys with the same 64-bit
//! hash would count as one line in the table; a line of the other key could then be missed by the
//! filter. The table cannot tell such keys apart anyway.) When a tag is not known for every line
//! counted twice (a table read from a file or merged from parts, documents counted by hash only,
//! or one hash seen with two tags), there is no filter and every line is hashed.

use super::key::{fnv_step, fold_key, Fold};

/// Characters of a line's key that its tag hashes.
pub const TAG_CHARS: usize = 16;

/// The tag value that marks a hash seen with two different tags (tags use 20 bits).
pub(super) const CONFLICT: u32 = 1 << 31;

/// The prefix tag of a line: see the module docs.
pub fn line_tag(line: &str) -> u32 {
    tag_fold(line).0
}

/// The prefix tag of a line, and where the fold of its key stopped (the line's hash goes on from
/// there).
pub(super) fn tag_fold(line: &str) -> (u32, Fold) {
    let f = fold_key::<true>(line, TAG_CHARS, Fold::START);
    (tag_of(f.h), f)
}

/// Bits of a tag.
const TAG_BITS: u32 = 20;

/// [`TAG_BITS`] bits of a prefix hash (its high bits, mixed once more: FNV's low bits mix
/// least).
fn tag_of(h: u64) -> u32 {
    (fnv_step(h, 0).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TAG_BITS)) as u32
}

/// One bit per tag value: the tags of the repeated lines.
#[derive(Clone, Debug)]
pub(crate) struct TagFilter {
    bits: Vec<u64>,
}

impl TagFilter {
    /// The filter of `tags`; `None` when one of them is [`CONFLICT`].
    pub(super) fn new(tags: impl IntoIterator<Item = u32>) -> Option<TagFilter> {
        let mut bits = vec![0u64; 1 << (TAG_BITS - 6)];
        for t in tags {
            if t & CONFLICT != 0 {
                return None;
            }
            bits[(t / 64) as usize] |= 1 << (t % 64);
        }
        Some(TagFilter { bits })
    }

    /// Whether a line of tag `t` may be repeated.
    #[inline]
    pub(super) fn may_hold(&self, t: u32) -> bool {
        self.bits
            .get((t / 64) as usize)
            .is_some_and(|w| w & (1 << (t % 64)) != 0)
    }
}

/// Merges the tag of one hash seen again: the same tag stays, another is a [`CONFLICT`].
pub(super) fn merge_tag(old: u32, new: u32) -> u32 {
    if old == new {
        old
    } else {
        CONFLICT
    }
}

#[cfg(test)]
mod tests {
    use super::super::{fnv1a64, line_key};
    use super::*;
    use proptest::prelude::*;

    /// The reference: the hash of the key's first characters, by building the key.
    fn tag_by_key(line: &str) -> u32 {
        let key = line_key(line, 0).unwrap_or_default();
        let prefix: String = key.chars().take(TAG_CHARS).collect();
        tag_of(fnv1a64(prefix.as_bytes()))
    }

    #[test]
    fn lines_with_one_key_prefix_share_the_tag() {
        let a = "Subscribe to our newsletter for daily news";
        let b = "SUBSCRIBE, to our NEWSLETTER!";
        assert_eq!(line_tag(a), line_tag(b));
        assert_eq!(line_tag(a), tag_by_key(a));
        assert_ne!(line_tag(a), line_tag("Read more about our newsletter"));
    }

    #[test]
    fn the_filter_holds_its_tags_and_gives_up_on_a_conflict() {
        let f = TagFilter::new([3, 64, 0xF_FFFF]).unwrap();
        assert!(f.may_hold(3) && f.may_hold(64) && f.may_hold(0xF_FFFF));
        assert!(!f.may_hold(4) && !f.may_hold(0));
        assert!(TagFilter::new([1, CONFLICT]).is_none());
        assert_eq!(merge_tag(5, 5), 5);
        assert_eq!(merge_tag(5, 6), CONFLICT);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The tag read from the line (stopping after the key's first characters) is the tag of
        /// the key's prefix, on lines of words and separators in and out of ASCII (letters that
        /// lowercase to two characters, digits of other scripts, combining marks, `_`), around
        /// the cut.
        #[test]
        fn line_tag_is_the_tag_of_the_key_prefix(
            line in "([ .,:;!?/_'\\u{300}\\u{A0}\\u{2014}-]{0,3}([a-zA-Z0-9]{0,9}|İ|ẞ|Σς|ёЯ|²|٣|Ⅻ|é)){0,10}",
        ) {
            prop_assert_eq!(line_tag(&line), tag_by_key(&line), "{:?}", line);
        }

        #[test]
        fn line_tag_on_any_text(line in "\\PC{0,40}") {
            prop_assert_eq!(line_tag(&line), tag_by_key(&line));
        }
    }
}
