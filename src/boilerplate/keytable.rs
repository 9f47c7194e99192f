//! A map from packed word keys (`line::ascii_key`: up to eight bytes in a `u64`) to small
//! values in one array, open addressing with linear probing: a lookup is a multiplication and,
//! for most words, one comparison. The stopword lookups of the line features and of the
//! language vote ask it once per word of every line.
//!
//! Policy: key 0 (the empty word) marks an empty slot, so no table holds the empty word; the
//! array holds at least `spread` slots per key (a sparser table ends more misses at the first
//! slot), and an absent key reads as `V::default()`.

use rustc_hash::FxHashMap;

pub(crate) struct KeyTable<V> {
    slots: Vec<(u64, V)>,
    shift: u32,
}

impl<V: Copy + Default> KeyTable<V> {
    /// The table of `m`, with at least `spread` slots per key.
    pub(crate) fn new(m: &FxHashMap<u64, V>, spread: usize) -> Self {
        let size = (m.len() * spread).next_power_of_two().max(16);
        let mut t = KeyTable {
            slots: vec![(0, V::default()); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (&k, &v) in m {
            assert_ne!(k, 0, "no list has the empty word");
            let mut at = t.home(k);
            while t.slots[at].0 != 0 {
                at = (at + 1) & (size - 1);
            }
            t.slots[at] = (k, v);
        }
        t
    }

    fn home(&self, k: u64) -> usize {
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `k` (the default when absent).
    #[inline]
    pub(crate) fn get(&self, k: u64) -> V {
        let mask = self.slots.len() - 1;
        let mut at = self.home(k);
        loop {
            match self.slots[at] {
                (0, _) => return V::default(),
                (key, v) if key == k => return v,
                _ => at = (at + 1) & mask,
            }
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
            m in proptest::collection::hash_map(1u64.., any::<u8>(), 0..300),
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
    }
}
