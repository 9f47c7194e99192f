//! A map from packed word keys (`line::ascii_key`: up to eight bytes in a `u64`) to small
//! values in one array, open addressing with linear probing, behind a bitmap filter: a lookup is
//! a multiplication, a bit test and, for most words, one comparison. The stopword lookups of the
//! line features and of the language vote ask it once per word of every line.
//!
//! Policy: key 0 (the empty word) marks an empty slot, its value the default, so no table holds the
//! empty word; the array holds at least `spread` slots per key (a sparser table ends more misses at
//! the first slot), the keys given first get their home slot (the callers give their most frequent
//! words first), and an absent key reads as `V::default()`.
//!
//! NOTE: [`KeyTable::get`] has no branch that depends on whether the word is there: a key the
//! filter rules out reads an empty sentinel slot past the array instead of its home slot (a
//! select, not a jump), and a slot ends the probe when it holds the key or is empty, one test
//! for both. Most words of a text are in no list and most of the rest are in a list, about as
//! often each: the branches that told them apart were mispredicted once word in three.

use rustc_hash::FxHashMap;

/// A slot: a key and its value, packed (no padding after a small value).
#[derive(Clone, Copy)]
#[repr(C, packed)]
struct Slot<V> {
    key: u64,
    v: V,
}

pub(crate) struct KeyTable<V> {
    /// The probed slots, then the sentinel (always empty).
    slots: Vec<Slot<V>>,
    shift: u32,
    /// One bit per filter slot of a key ([`KeyTable::hash`]'s top bits): set when some key
    /// falls there. Most words are absent, and the bitmap answers them without touching the
    /// slots (too big for the cache in the vote's table).
    filter: Vec<u64>,
    filter_shift: u32,
}

/// The multiplier of the keys' hash (multiplicative hashing: the top bits of the product).
const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Filter bits per key, at least: about one word in 32 that is not a key passes the filter.
const FILTER_SPREAD: usize = 32;

impl<V: Copy + Default> KeyTable<V> {
    /// The table of `m`, with at least `spread` slots per key.
    pub(crate) fn new(m: &FxHashMap<u64, V>, spread: usize) -> Self {
        let mut entries: Vec<(u64, V)> = m.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable_by_key(|e| e.0);
        Self::ordered(&entries, spread)
    }

    /// The table of `entries` (distinct keys), with at least `spread` slots per key: the earlier
    /// a key, the nearer its home slot.
    pub(crate) fn ordered(entries: &[(u64, V)], spread: usize) -> Self {
        let size = (entries.len() * spread).next_power_of_two().max(16);
        let bits = (entries.len() * FILTER_SPREAD).next_power_of_two().max(64);
        let mut t = KeyTable {
            slots: vec![
                Slot {
                    key: 0,
                    v: V::default()
                };
                size + 1
            ],
            shift: 64 - size.trailing_zeros(),
            filter: vec![0; bits / 64],
            filter_shift: 64 - bits.trailing_zeros(),
        };
        for &(k, v) in entries {
            assert_ne!(k, 0, "no list has the empty word");
            let h = Self::hash(k);
            let f = (h >> t.filter_shift) as usize;
            t.filter[f / 64] |= 1 << (f % 64);
            let mut at = (h >> t.shift) as usize;
            while { t.slots[at].key } != 0 {
                assert_ne!({ t.slots[at].key }, k, "distinct keys");
                at = (at + 1) & (size - 1);
            }
            t.slots[at] = Slot { key: k, v };
        }
        t
    }

    fn hash(k: u64) -> u64 {
        k.wrapping_mul(MUL)
    }

    /// The value of `k` (the default when absent).
    #[inline]
    pub(crate) fn get(&self, k: u64) -> V {
        let mask = self.slots.len() - 2;
        let h = Self::hash(k);
        let f = (h >> self.filter_shift) as usize;
        let hit = (self.filter[f / 64] >> (f % 64)) & 1;
        // All ones when the filter may hold the key: its home slot, else the sentinel.
        let pick = 0usize.wrapping_sub(hit as usize);
        let mut at = ((h >> self.shift) as usize & pick) | (self.slots.len() - 1) & !pick;
        loop {
            let Slot { key, v } = self.slots[at];
            // The probe ends at the key or at an empty slot, whose value is the default: one
            // test for both (`min` is 0 when either is), so the word's presence is no branch.
            if (key ^ k).min(key) == 0 {
                return v;
            }
            at = (at + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn reads_what_the_map_holds(
            m in proptest::collection::hash_map(1u64.., 1u8.., 0..300),
            probes in proptest::collection::vec(any::<u64>(), 0..50),
            spread in 2usize..5,
        ) {
            let m: FxHashMap<u64, u8> = m.into_iter().collect();
            let t = KeyTable::new(&m, spread);
            for (&k, &v) in &m {
                prop_assert_eq!(t.get(k), v);
            }
            for k in probes.into_iter().filter(|k| *k != 0) {
                prop_assert_eq!(t.get(k), m.get(&k).copied().unwrap_or_default());
            }
        }

        /// The same for keys given in order (small keys, absent ones among the probes).
        #[test]
        fn reads_crowded_keys(
            keys in proptest::collection::btree_set(1u64..4096, 0..200),
            probes in proptest::collection::vec(0u64..8192, 0..50),
        ) {
            let entries: Vec<(u64, u16)> = keys.iter().map(|&k| (k, k as u16)).collect();
            let t = KeyTable::ordered(&entries, 2);
            for &(k, v) in &entries {
                prop_assert_eq!(t.get(k), v);
            }
            for k in probes {
                prop_assert_eq!(t.get(k), if keys.contains(&k) { k as u16 } else { 0 });
            }
        }
    }
}
