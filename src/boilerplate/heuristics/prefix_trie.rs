//! The phrase openers' matcher ([`super::phrases`]): a set of phrases, each with a value, asked
//! for the longest phrase a text opens with, ASCII case-insensitively (an ASCII letter matches
//! itself in either case; every other byte only itself), as an Aho-Corasick automaton of
//! leftmost-longest matches answers an anchored search.
//!
//! Why not that automaton: the openers are only ever matched at one place, so its failure
//! transitions (the unanchored search's) are never taken, and building them, the dense start
//! states and the contiguous layout of its ~2,400 patterns was a sixth of the first document's
//! instructions (35 M). This trie is built from the sorted phrases in one pass over their bytes,
//! each node's children side by side and sorted by their byte.
//!
//! Policy: where two phrases are the same up to ASCII case, the first one given keeps its value
//! (the automaton reports the lowest pattern of the longest match).

use std::collections::VecDeque;

/// A node's value when no phrase ends there.
const NONE: u32 = u32::MAX;

/// A trie node: its children are `nodes[first..first + len]`, and `value` is the index in
/// [`PrefixTrie::values`] of the phrase that ends here ([`NONE`]: none does).
#[derive(Clone, Copy, Debug)]
struct Node {
    first: u32,
    len: u16,
    value: u32,
}

/// Phrases with their values, asked for the longest one a text opens with.
#[derive(Debug)]
pub(super) struct PrefixTrie<V> {
    /// The nodes, the root first, each node's children next to each other.
    nodes: Vec<Node>,
    /// The byte on the edge into each node (ASCII letters lowercased): the children of a node
    /// are sorted by it.
    bytes: Vec<u8>,
    /// The value of each phrase, in the order given.
    values: Vec<V>,
    /// The root's child for each byte (lowercased), as an index in `nodes` ([`NONE`]: no
    /// phrase opens with the byte): every search takes this step, in one load.
    root: Box<[u32; 256]>,
}

impl<V: Copy> PrefixTrie<V> {
    /// The trie of `phrases`, each with its value.
    pub(super) fn new<P: AsRef<[u8]>>(phrases: impl IntoIterator<Item = (P, V)>) -> Self {
        // Every phrase's bytes, lowercased, in one buffer: phrase `n` is `buf[spans[n].0..spans[n].1]`.
        let mut buf: Vec<u8> = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut values = Vec::new();
        for (p, v) in phrases {
            let start = buf.len();
            buf.extend(p.as_ref().iter().map(u8::to_ascii_lowercase));
            spans.push((start, buf.len()));
            values.push(v);
        }
        let key = |n: u32| &buf[spans[n as usize].0..spans[n as usize].1];
        // (Sorted stably: of equal phrases the first given comes first.)
        let mut order: Vec<u32> = (0..spans.len() as u32).collect();
        order.sort_by(|&a, &b| key(a).cmp(key(b)));

        let root = Node {
            first: 0,
            len: 0,
            value: NONE,
        };
        let mut nodes = vec![root];
        let mut bytes = vec![0];
        // Each node to fill with the range of `order` below it and its depth. The phrases below
        // a node share its first `depth` bytes; those that end there sort first, and the others
        // come in runs of the same next byte, one child each.
        let mut queue = VecDeque::from([(0usize, 0usize, order.len(), 0usize)]);
        while let Some((node, mut lo, hi, depth)) = queue.pop_front() {
            while lo < hi && key(order[lo]).len() == depth {
                if nodes[node].value == NONE {
                    nodes[node].value = order[lo];
                }
                lo += 1;
            }
            let first = nodes.len();
            while lo < hi {
                let b = key(order[lo])[depth];
                let mut end = lo + 1;
                while end < hi && key(order[end])[depth] == b {
                    end += 1;
                }
                queue.push_back((nodes.len(), lo, end, depth + 1));
                nodes.push(root);
                bytes.push(b);
                lo = end;
            }
            nodes[node].first = u32::try_from(first).expect("fewer than 2^32 nodes");
            // (At most 256 children: one per byte.)
            nodes[node].len = (nodes.len() - first) as u16;
        }
        let mut root = Box::new([NONE; 256]);
        let (first, len) = (nodes[0].first as usize, usize::from(nodes[0].len));
        for k in first..first + len {
            let child = u32::try_from(k).expect("fewer than 2^32 nodes");
            root[usize::from(bytes[k])] = child;
            // (An ASCII letter's uppercase byte leads to its child too.)
            root[usize::from(bytes[k].to_ascii_uppercase())] = child;
        }
        PrefixTrie {
            nodes,
            bytes,
            values,
            root,
        }
    }

    /// The value of the longest phrase `text` opens with and the phrase's length in bytes.
    pub(super) fn longest(&self, text: &[u8]) -> Option<(V, usize)> {
        let root = self.nodes[0];
        let mut best = (root.value != NONE).then_some((root.value, 0));
        let child = text.first().map_or(NONE, |&b| self.root[usize::from(b)]);
        if child != NONE {
            let mut node = self.nodes[child as usize];
            for (i, &b) in text.iter().enumerate().skip(1) {
                if node.value != NONE {
                    best = Some((node.value, i));
                }
                let first = node.first as usize;
                let children = &self.bytes[first..first + usize::from(node.len)];
                match children.binary_search(&b.to_ascii_lowercase()) {
                    Ok(k) => node = self.nodes[first + k],
                    Err(_) => return best.map(|(v, n)| (self.values[v as usize], n)),
                }
            }
            if node.value != NONE {
                best = Some((node.value, text.len()));
            }
        }
        best.map(|(v, n)| (self.values[v as usize], n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
    use proptest::prelude::*;

    /// Small phrase sets with shared prefixes, ASCII case variants, duplicates and non-ASCII
    /// letters (whose case the trie does not fold).
    const PHRASES: [&str; 12] = [
        "read",
        "read more",
        "READ MORE",
        "read more",
        "re",
        "zurück",
        "ZURÜCK",
        "Über",
        "über",
        "a",
        "ab",
        "abc",
    ];

    /// The leftmost-longest automaton's anchored answer: the reference.
    fn automaton(phrases: &[&str], text: &str) -> Option<(usize, usize)> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(phrases)
            .expect("phrases");
        ac.find(Input::new(text).anchored(Anchored::Yes))
            .map(|m| (m.pattern().as_usize(), m.end()))
    }

    fn trie(phrases: &[&str]) -> PrefixTrie<usize> {
        PrefixTrie::new(phrases.iter().enumerate().map(|(n, p)| (p, n)))
    }

    /// Named cases: the longest phrase wins, ASCII case folds, non-ASCII case does not, the
    /// first of two equal phrases keeps its value.
    #[test]
    fn longest_phrase_opening_the_text() {
        let t = trie(&PHRASES);
        let cases: &[(&str, Option<(usize, usize)>)] = &[
            ("read more about it", Some((1, 9))),
            ("Read More", Some((1, 9))),
            ("reading", Some((0, 4))),
            ("rex", Some((4, 2))),
            ("r", None),
            ("", None),
            ("zurück", Some((5, 7))),
            ("Zurück", Some((5, 7))),
            ("ZURÜCK", Some((6, 7))),
            ("zurÜck", Some((6, 7))),
            ("ÜBER", Some((7, 5))),
            ("üBER", Some((8, 5))),
            ("zurueck", None),
            ("abcd", Some((11, 3))),
            ("b", None),
        ];
        for &(text, want) in cases {
            assert_eq!(t.longest(text.as_bytes()), want, "{text:?}");
            assert_eq!(automaton(&PHRASES, text), want, "automaton on {text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The trie answers what the automaton answers, on texts of the phrases' pieces.
        #[test]
        fn trie_is_the_automaton(
            picks in proptest::collection::vec(0..PHRASES.len(), 1..6),
            text in r"(read|READ| |more|MoRe|[rezaAbB]|zur|ück|ÜCK|über|Über|\PC){0,6}",
        ) {
            let phrases: Vec<&str> = picks.iter().map(|&i| PHRASES[i]).collect();
            let t = trie(&phrases);
            prop_assert_eq!(t.longest(text.as_bytes()), automaton(&phrases, &text), "{:?} in {:?}", text, phrases);
        }
    }
}
