//! The matcher behind the gazetteer: a leftmost-longest multi-pattern automaton over the folded
//! patterns, plus each pattern's longest proper prefix that is also a pattern.
//!
//! Choice by numbers (README, "Performance"): daachorse's bytewise double-array
//! Aho-Corasick scans the folded text faster than aho-corasick's contiguous NFA and DFA here,
//! builds faster than both on a million patterns, and serializes, which the compiled-lexicon
//! cache ([`super::cache`]) needs.
//!
//! NOTE: aho-corasick's anchored searches (`StartKind::Both`) were only used to retry a rejected
//! match with a shorter pattern at the same start. The longest pattern that matches at the start
//! of a match of pattern `p` and ends before it is exactly the longest proper prefix of `p` that
//! is a pattern, so [`Automaton::shorter`] follows a precomputed prefix link instead: the same
//! result, with no anchored automaton to build or keep.

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};

/// No prefix link.
const NONE: u32 = u32::MAX;

/// One match: byte range of the haystack and the pattern's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset (inclusive).
    pub start: usize,
    /// Byte offset (exclusive).
    pub end: usize,
    /// Index of the pattern, as given to [`Automaton::build`].
    pub pattern: usize,
}

/// A compiled pattern set; `Send + Sync`, shared read-only by all workers.
pub struct Automaton {
    daac: DoubleArrayAhoCorasick<u32>,
    /// Byte length of each pattern.
    lens: Vec<u32>,
    /// Longest proper prefix of each pattern that is a pattern, or [`NONE`].
    prefix: Vec<u32>,
}

impl Automaton {
    /// Compiles `patterns` (distinct, non-empty).
    pub fn build(patterns: &[String]) -> Result<Automaton, String> {
        let daac = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(patterns.iter().enumerate().map(|(i, p)| (p, i as u32)))
            .map_err(|e| e.to_string())?;
        let lens = patterns.iter().map(|p| p.len() as u32).collect();
        Ok(Automaton {
            daac,
            lens,
            prefix: prefix_links(patterns),
        })
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// Heap bytes used.
    pub fn heap_bytes(&self) -> usize {
        self.daac.heap_bytes() + self.lens.len() * 8
    }

    /// The leftmost-longest match in `hay` at or after byte `pos`.
    pub fn find_from(&self, hay: &str, pos: usize) -> Option<Hit> {
        self.find_iter_from(hay, pos).next()
    }

    /// The successive leftmost-longest matches in `hay` at or after byte `pos`: each search
    /// starts where the previous match ended, so every item is what [`Automaton::find_from`]
    /// gives at the previous item's end (no search is restarted, no byte scanned twice).
    pub fn find_iter_from<'h>(
        &'h self,
        hay: &'h str,
        pos: usize,
    ) -> impl Iterator<Item = Hit> + 'h {
        self.daac
            .leftmost_find_iter(&hay.as_bytes()[pos..])
            .map(move |m| Hit {
                start: pos + m.start(),
                end: pos + m.end(),
                pattern: m.value() as usize,
            })
    }

    /// The longest match starting where `hit` starts and ending before it ends (the next try
    /// when `hit` is rejected).
    pub fn shorter(&self, hit: Hit) -> Option<Hit> {
        let p = *self.prefix.get(hit.pattern)?;
        (p != NONE).then(|| Hit {
            start: hit.start,
            end: hit.start + self.lens[p as usize] as usize,
            pattern: p as usize,
        })
    }

    /// The automaton as bytes, for the cache.
    pub fn serialize(&self, out: &mut Vec<u8>) {
        let bytes = self.daac.serialize();
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(&bytes);
        for v in [&self.lens, &self.prefix] {
            out.extend_from_slice(&(v.len() as u64).to_le_bytes());
            for x in v.iter() {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    /// Reads what [`Automaton::serialize`] wrote; `None` when it is malformed. Returns the rest.
    pub fn deserialize(src: &[u8]) -> Option<(Automaton, &[u8])> {
        let (n, src) = take_u64(src)?;
        let n = usize::try_from(n).ok()?;
        if src.len() < n {
            return None;
        }
        let (daac, rest) = DoubleArrayAhoCorasick::<u32>::deserialize(&src[..n]).ok()?;
        if !rest.is_empty() {
            return None;
        }
        let (lens, src) = take_u32s(&src[n..])?;
        let (prefix, src) = take_u32s(src)?;
        let count = lens.len();
        let sane = prefix.len() == count
            && prefix.iter().all(|&p| p == NONE || (p as usize) < count)
            && daac.iter().all(|(_, v)| (v as usize) < count);
        sane.then_some((Automaton { daac, lens, prefix }, src))
    }
}

fn take_u64(src: &[u8]) -> Option<(u64, &[u8])> {
    let (head, rest) = src.split_first_chunk::<8>()?;
    Some((u64::from_le_bytes(*head), rest))
}

fn take_u32s(src: &[u8]) -> Option<(Vec<u32>, &[u8])> {
    let (n, src) = take_u64(src)?;
    let bytes = usize::try_from(n).ok()?.checked_mul(4)?;
    if src.len() < bytes {
        return None;
    }
    let v = src[..bytes]
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Some((v, &src[bytes..]))
}

/// For each pattern, the longest proper prefix of it that is also a pattern.
///
/// In sorted order every prefix of a pattern comes before it, and the patterns that are prefixes
/// of the current one form a chain on a stack: pop what is not a prefix, the top is the answer.
fn prefix_links(patterns: &[String]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| patterns[a as usize].cmp(&patterns[b as usize]));
    let mut links = vec![NONE; patterns.len()];
    let mut stack: Vec<u32> = Vec::new();
    for &i in &order {
        let p = patterns[i as usize].as_bytes();
        while let Some(&top) = stack.last() {
            if p.starts_with(patterns[top as usize].as_bytes()) {
                break;
            }
            stack.pop();
        }
        if let Some(&top) = stack.last() {
            links[i as usize] = top;
        }
        stack.push(i);
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pats(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn prefix_links_are_longest_proper_prefixes() {
        let p = pats(&["new york city", "new", "new york", "newark", "york", "ne"]);
        let links = prefix_links(&p);
        let cases = [
            ("new york city", Some("new york")),
            ("new", Some("ne")),
            ("new york", Some("new")),
            ("newark", Some("new")),
            ("york", None),
            ("ne", None),
        ];
        for (i, (name, want)) in cases.iter().enumerate() {
            let got = (links[i] != NONE).then(|| p[links[i] as usize].as_str());
            assert_eq!(got, *want, "case {name}");
        }
    }

    #[test]
    fn shorter_walks_the_chain_like_an_anchored_search() {
        let p = pats(&["new york city", "new york", "new"]);
        let a = Automaton::build(&p).unwrap();
        let hay = "in new york city now";
        let hit = a.find_from(hay, 0).unwrap();
        assert_eq!(
            (hit.start, hit.end, hit.pattern),
            (3, 16, 0),
            "longest first"
        );
        let h2 = a.shorter(hit).unwrap();
        assert_eq!(&hay[h2.start..h2.end], "new york", "first retry");
        let h3 = a.shorter(h2).unwrap();
        assert_eq!(&hay[h3.start..h3.end], "new", "second retry");
        assert_eq!(a.shorter(h3), None, "end of chain");
        assert_eq!(a.find_from(hay, 4), None, "search starts at pos");
    }

    #[test]
    fn serialization_round_trips_and_rejects_garbage() {
        let p = pats(&["baku", "bakı", "баку", "ganja"]);
        let a = Automaton::build(&p).unwrap();
        let mut bytes = Vec::new();
        a.serialize(&mut bytes);
        bytes.extend_from_slice(b"tail");
        let (b, rest) = Automaton::deserialize(&bytes).unwrap();
        assert_eq!(rest, b"tail");
        assert_eq!(b.find_from("to баку.", 0).map(|h| h.pattern), Some(2));
        let cut = &bytes[..bytes.len() / 2];
        assert!(Automaton::deserialize(cut).is_none(), "truncated");
        assert!(Automaton::deserialize(&[0xff; 64]).is_none(), "garbage");
    }
}
