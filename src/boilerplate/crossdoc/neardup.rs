//! Near-duplicate documents for the cross-document count: the same wire story in several files
//! (light edits, different chrome around it) is one body, and its lines are counted once.
//!
//! Policy:
//! - A document's **fingerprint** is the set of hashes of its sentence lines: lines of at least
//!   [`MIN_WORDS`] words that end a sentence. Menus, headline lists and bylines rarely end a
//!   sentence, so the fingerprint is the article's prose, not the site's chrome. A document with
//!   fewer than [`MIN_SENTENCES`] sentence lines (a hard-wrapped text, whose lines seldom end a
//!   sentence) uses all its lines of [`MIN_WORDS`] words or more instead.
//! - Two documents are **near-duplicates** when the Jaccard similarity of their fingerprints is at
//!   least [`MIN_JACCARD`]. Two articles of one site share a few footer sentences but not their
//!   bodies (low similarity); two copies of a story share nearly every body sentence (high).
//! - Candidate pairs come from MinHash locality-sensitive hashing ([`BANDS`] bands of [`ROWS`]
//!   minimums: a pair at similarity 0.5 is a candidate with probability 0.90, at 0.7 with 0.996);
//!   each candidate is verified with the exact similarity. A bucket keeps its first
//!   [`BUCKET_KEEP`] documents to compare with, so a bucket of thousands of one site's pages costs
//!   linear time. Documents with identical line sets are joined whatever their fingerprint.
//! - Near-duplicates are joined transitively (union-find; the root is the smallest document
//!   index), so the result depends on the sorted input order only, never on threads. Adding an
//!   exact copy of a document never changes the groups of the others: the copy has the same
//!   signature, hence the same buckets and the same verified partners as the original.

use std::collections::HashMap;

/// Words a line needs to be part of a fingerprint.
pub const MIN_WORDS: usize = 8;
/// Sentence lines a document needs before its fingerprint is its sentence lines only.
pub const MIN_SENTENCES: usize = 3;
/// Fingerprint similarity from which two documents are one body.
pub const MIN_JACCARD: f64 = 0.5;
/// MinHash bands.
pub const BANDS: usize = 8;
/// MinHash values per band.
pub const ROWS: usize = 2;
/// Documents a bucket keeps to verify newcomers against.
pub const BUCKET_KEEP: usize = 8;

/// What the first pass keeps of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocLines {
    /// The distinct counted line hashes, sorted.
    pub hashes: Vec<u64>,
    /// The fingerprint (see the module docs): line hashes, sorted, distinct.
    pub fingerprint: Vec<u64>,
    /// The tag ([`super::prefix`]) of each hash of `hashes`, in order; empty when not
    /// known.
    pub tags: Vec<u32>,
}

/// SplitMix64 finalizer: a cheap, well-mixed 64-bit permutation.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The MinHash signature of a non-empty fingerprint.
fn signature(fp: &[u64]) -> [u64; BANDS * ROWS] {
    let mut sig = [u64::MAX; BANDS * ROWS];
    for &h in fp {
        for (k, s) in sig.iter_mut().enumerate() {
            let v = mix(h ^ mix(k as u64 + 1));
            if v < *s {
                *s = v;
            }
        }
    }
    sig
}

/// Jaccard similarity of two sorted, distinct sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

/// Union-find over document indexes; the root of a group is its smallest index.
struct Groups {
    parent: Vec<u32>,
}

impl Groups {
    fn find(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            let p = self.parent[i as usize];
            self.parent[i as usize] = self.parent[p as usize];
            i = p;
        }
        i
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.parent[hi as usize] = lo;
    }
}

/// For every document (in input order), the index of the first document of its near-duplicate
/// group (itself when it has no earlier near-duplicate).
pub fn group(docs: &[DocLines]) -> Vec<u32> {
    let n = u32::try_from(docs.len()).expect("fewer than 2^32 documents per table");
    let mut groups = Groups {
        parent: (0..n).collect(),
    };
    let mut same: HashMap<u64, u32> = HashMap::new();
    let mut buckets: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, d) in (0..n).zip(docs) {
        let digest = d
            .hashes
            .iter()
            .fold(0x9e37_79b9_7f4a_7c15, |acc, &h| mix(acc ^ h));
        match same.get(&digest) {
            Some(&j) if docs[j as usize].hashes == d.hashes => groups.union(i, j),
            Some(_) => {}
            None => {
                same.insert(digest, i);
            }
        }
        if d.fingerprint.is_empty() {
            continue;
        }
        let sig = signature(&d.fingerprint);
        for (band, rows) in sig.chunks(ROWS).enumerate() {
            let key = rows
                .iter()
                .fold(mix(band as u64 + 0x51), |acc, &v| mix(acc ^ v));
            let kept = buckets.entry(key).or_default();
            for &j in kept.iter() {
                if groups.find(i) != groups.find(j)
                    && jaccard(&d.fingerprint, &docs[j as usize].fingerprint) >= MIN_JACCARD
                {
                    groups.union(i, j);
                }
            }
            if kept.len() < BUCKET_KEEP {
                kept.push(i);
            }
        }
    }
    (0..n).map(|i| groups.find(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(lines: &[u64]) -> DocLines {
        let mut h = lines.to_vec();
        h.sort_unstable();
        h.dedup();
        DocLines {
            hashes: h.clone(),
            fingerprint: h,
            tags: Vec::new(),
        }
    }

    #[test]
    fn jaccard_cases() {
        let cases: [(&str, &[u64], &[u64], f64); 4] = [
            ("equal", &[1, 2, 3], &[1, 2, 3], 1.0),
            ("disjoint", &[1, 2], &[3, 4], 0.0),
            ("half", &[1, 2, 3], &[2, 3, 4], 0.5),
            ("empty", &[], &[], 1.0),
        ];
        for (name, a, b, want) in cases {
            assert_eq!(jaccard(a, b), want, "case {name}");
        }
    }

    #[test]
    fn copies_and_light_edits_group_other_articles_do_not() {
        let story: Vec<u64> = (100..120).collect();
        let mut edited = story.clone();
        edited[3] = 9_003;
        edited[11] = 9_011;
        edited.extend([7_001, 7_002]); // another site's chrome sentences
        let footer = [1u64, 2, 3];
        let site_a: Vec<u64> = (200..215).chain(footer).collect();
        let site_b: Vec<u64> = (300..312).chain(footer).collect();
        let docs = [
            doc(&story),
            doc(&site_a),
            doc(&edited),
            doc(&site_b),
            doc(&story),
        ];
        assert_eq!(group(&docs), vec![0, 1, 0, 3, 0]);
    }

    #[test]
    fn documents_without_fingerprint_group_only_when_identical() {
        let bare = |h: &[u64]| DocLines {
            hashes: h.to_vec(),
            fingerprint: Vec::new(),
            tags: Vec::new(),
        };
        let docs = [
            bare(&[1, 2]),
            bare(&[1, 3]),
            bare(&[1, 2]),
            bare(&[]),
            bare(&[]),
        ];
        assert_eq!(group(&docs), vec![0, 1, 0, 3, 3]);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Appending exact copies of a document leaves the groups of the original documents
            /// as they were.
            #[test]
            fn copies_do_not_regroup_the_others(
                sets in proptest::collection::vec(proptest::collection::btree_set(0u64..60, 0..12), 1..12),
                pick in any::<prop::sample::Index>(),
                copies in 1usize..6,
            ) {
                let docs: Vec<DocLines> = sets.iter().map(|s| doc(&s.iter().copied().collect::<Vec<_>>())).collect();
                let before = group(&docs);
                let original = pick.index(docs.len());
                let mut more = docs.clone();
                for _ in 0..copies {
                    more.push(docs[original].clone());
                }
                let after = group(&more);
                prop_assert_eq!(&after[..docs.len()], &before[..]);
                for g in &after[docs.len()..] {
                    prop_assert_eq!(*g, before[original]);
                }
            }
        }
    }
}
