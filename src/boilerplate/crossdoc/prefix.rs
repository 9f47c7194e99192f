//! A cheap first test of the layer's lookup: the **prefix tag** of a line is 20 bits of the hash
//! of its key's first [`TAG_CHARS`] characters, and 11 bits of the hash of its last
//! [`SUFFIX_CHARS`] (the **suffix tag**). The first pass keeps each counted line's tag next to its
//! hash ([`super::DocLines::tags`]) and the table keeps the tags of the lines counted in two bodies
//! or more; the layer then sets the tags of the repeated lines in bitmaps (`TagFilter`) and hashes
//! all of a line only when its tag is set there. Most lines of a page are no site chrome: their
//! prefix tag (a hash of some 16 characters) is not set, and the hash of the rest of the line is
//! not computed. The suffix tag, read from the line's end, stops the lines that begin as a
//! repeated line does and end otherwise (copies of a story with a name changed, a caption under
//! a credit line): these were most of the bytes hashed in full.
//!
//! Exact: a line with a repeated key has that key's tag. (Two different keys with the same 64-bit
//! hash would count as one line in the table; a line of the other key could then be missed by the
//! filter. The table cannot tell such keys apart anyway.) When a tag is not known for every line
//! counted twice (a table read from a file or merged from parts, documents counted by hash only,
//! or one hash seen with two tags), there is no filter and every line is hashed.

use super::key::{fnv_step, fold_key, suffix_hash, Fold};

/// Characters of a line's key that its tag hashes.
pub const TAG_CHARS: usize = 16;

/// Characters at the end of a line's key that its suffix tag hashes.
pub const SUFFIX_CHARS: usize = 16;

/// The tag value that marks a hash seen with two different tags (tags use 31 bits).
pub(super) const CONFLICT: u32 = 1 << 31;

/// The tag of a line (prefix and suffix tags): see the module docs.
pub fn line_tag(line: &str) -> u32 {
    with_suffix(tag_fold(line).0, line)
}

/// The prefix tag of a line, and where the fold of its key stopped (the line's hash goes on from
/// there).
pub(super) fn tag_fold(line: &str) -> (u32, Fold) {
    let f = fold_key::<true>(line, TAG_CHARS, Fold::START);
    (tag_of(f.h, TAG_BITS), f)
}

/// The tag of `line`, given its prefix tag.
pub(super) fn with_suffix(prefix: u32, line: &str) -> u32 {
    prefix | tag_of(suffix_hash(line, SUFFIX_CHARS), SUFFIX_BITS) << TAG_BITS
}

/// Bits of a prefix tag.
const TAG_BITS: u32 = 20;

/// Bits of a suffix tag (above the prefix tag's, below [`CONFLICT`]).
const SUFFIX_BITS: u32 = 11;

/// `bits` bits of a hash (its high bits, mixed once more: FNV's low bits mix least).
fn tag_of(h: u64, bits: u32) -> u32 {
    (fnv_step(h, 0).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as u32
}

/// The tags of the repeated lines: one bit per prefix tag (its top bits), and one bit per whole
/// tag (prefix and suffix, hashed), in bitmaps of [`FILTER_SPREAD`] bits per repeated line: a
/// bit per tag value, 128 KB each, missed the cache at every line of a page (a run's few
/// thousand repeated lines set a bit in a few percent of the cache lines).
#[derive(Clone, Debug)]
pub(crate) struct TagFilter {
    prefixes: Vec<u64>,
    tags: Vec<u64>,
    /// Bits of an index into either bitmap.
    bits: u32,
}

/// Bits per repeated line in each bitmap, at least: about one line in 32 that is not repeated
/// has a set bit.
const FILTER_SPREAD: usize = 32;

/// Whether bit `at` of `bits` is set.
#[inline]
fn bit(bits: &[u64], at: u32) -> bool {
    bits.get((at / 64) as usize)
        .is_some_and(|w| w & (1 << (at % 64)) != 0)
}

impl TagFilter {
    /// The filter of `tags`; `None` when one of them is [`CONFLICT`].
    pub(super) fn new<I>(tags: I) -> Option<TagFilter>
    where
        I: IntoIterator<Item = u32>,
        I::IntoIter: ExactSizeIterator,
    {
        let tags = tags.into_iter();
        let size = (tags.len() * FILTER_SPREAD)
            .next_power_of_two()
            .clamp(64, 1 << TAG_BITS);
        let mut f = TagFilter {
            prefixes: vec![0u64; size / 64],
            tags: vec![0u64; size / 64],
            bits: size.trailing_zeros(),
        };
        for t in tags {
            if t & CONFLICT != 0 {
                return None;
            }
            let (p, s) = (f.prefix_slot(t), f.tag_slot(t));
            f.prefixes[(p / 64) as usize] |= 1 << (p % 64);
            f.tags[(s / 64) as usize] |= 1 << (s % 64);
        }
        Some(f)
    }

    /// The bit of a prefix tag (of the prefix tag part of `t`): its top bits.
    #[inline]
    fn prefix_slot(&self, t: u32) -> u32 {
        (t & ((1 << TAG_BITS) - 1)) >> (TAG_BITS - self.bits)
    }

    /// The bit of a whole tag.
    #[inline]
    fn tag_slot(&self, t: u32) -> u32 {
        (u64::from(t).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as u32
    }

    /// Whether a line of prefix tag `p` ([`tag_fold`]) may be repeated.
    #[inline]
    pub(super) fn may_hold_prefix(&self, p: u32) -> bool {
        bit(&self.prefixes, self.prefix_slot(p))
    }

    /// Whether a line of tag `t` ([`line_tag`]) may be repeated.
    #[inline]
    pub(super) fn may_hold(&self, t: u32) -> bool {
        self.may_hold_prefix(t) && bit(&self.tags, self.tag_slot(t))
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

    /// The reference: the hashes of the key's first characters and of its last ones (last
    /// first), by building the key.
    fn tag_by_key(line: &str) -> u32 {
        let key = line_key(line, 0).unwrap_or_default();
        let prefix: String = key.chars().take(TAG_CHARS).collect();
        let suffix: String = key.chars().rev().take(SUFFIX_CHARS).collect();
        tag_of(fnv1a64(prefix.as_bytes()), TAG_BITS)
            | tag_of(fnv1a64(suffix.as_bytes()), SUFFIX_BITS) << TAG_BITS
    }

    #[test]
    fn lines_with_one_key_prefix_share_the_tag() {
        let a = "Subscribe to our newsletter for daily news";
        let b = "SUBSCRIBE, to our NEWSLETTER!";
        assert_eq!(tag_fold(a).0, tag_fold(b).0);
        assert_eq!(line_tag(a), tag_by_key(a));
        assert_eq!(line_tag(b), line_tag("Subscribe to our... newsletter"));
        assert_ne!(tag_fold(a).0, tag_fold("Read more about our newsletter").0);
    }

    /// Lines that begin alike and end otherwise share the prefix tag, not the tag.
    #[test]
    fn the_suffix_tells_lines_of_one_prefix_apart() {
        let a = "In a more dramatic move, the police raided the offices of the outlet.";
        let b = "In a more dramatic move, the police raided the offices of a newspaper.";
        assert_eq!(tag_fold(a).0, tag_fold(b).0);
        assert_ne!(line_tag(a), line_tag(b));
        let f = TagFilter::new([line_tag(a)]).unwrap();
        assert!(f.may_hold_prefix(tag_fold(b).0) && f.may_hold(line_tag(a)));
        assert!(!f.may_hold(line_tag(b)));
    }

    #[test]
    fn the_filter_holds_its_tags_and_gives_up_on_a_conflict() {
        let f = TagFilter::new([3, 64, 0xF_FFFF, 7 | 5 << TAG_BITS]).unwrap();
        assert!(f.may_hold(3) && f.may_hold(64) && f.may_hold(0xF_FFFF));
        assert!(f.may_hold(7 | 5 << TAG_BITS) && f.may_hold_prefix(7));
        // (Four tags: a bitmap of 128 bits, the prefix tags' top seven bits.)
        assert!(!f.may_hold_prefix(0x4_0000) && !f.may_hold(0x8_0000 | 5 << TAG_BITS));
        assert!(TagFilter::new([1, CONFLICT]).is_none());
        assert_eq!(merge_tag(5, 5), 5);
        assert_eq!(merge_tag(5, 6), CONFLICT);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The tag read from the line (its start up to the key's first characters, its end back
        /// to the key's last ones) is the tag of the key's prefix and suffix, on lines of words and separators in and out of ASCII (letters that
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

#[cfg(test)]
mod sized {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The filter holds every tag it is made of, whatever its size; and it is sized to
        /// them: few other tags pass.
        #[test]
        fn the_filter_holds_its_tags(tags in proptest::collection::vec(0u32..CONFLICT, 0..3000)) {
            let f = TagFilter::new(tags.iter().copied()).unwrap();
            for &t in &tags {
                prop_assert!(f.may_hold(t) && f.may_hold_prefix(t));
            }
            prop_assert!(f.prefixes.len() * 64 <= (tags.len() * 2 * FILTER_SPREAD).max(64));
        }
    }
}
