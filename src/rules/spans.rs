//! Interval queries the stage asks once per rule match: does a lexicon mention contain this
//! span, does a blocking match overlap it. A scan of every mention per match is quadratic in the
//! document (a 40,000-line text of names took 30 s in the stage); sorted starts with a running
//! maximum of the ends answer each query in `O(log n)`, for any set of spans (overlapping or
//! not, in any order).

/// Spans `[start, end)` sorted by start, with the largest end of each prefix.
#[derive(Debug, Default)]
pub(super) struct Spans {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Spans {
    pub(super) fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Spans {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().collect();
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut far = 0;
        for &(_, e) in &spans {
            far = far.max(e);
            max_end.push(far);
        }
        Spans {
            starts: spans.into_iter().map(|(s, _)| s).collect(),
            max_end,
        }
    }

    /// Whether one of the spans starts at or before `start` and ends at or after `end`.
    pub(super) fn contains(&self, start: usize, end: usize) -> bool {
        let k = self.starts.partition_point(|&s| s <= start);
        k > 0 && self.max_end[k - 1] >= end
    }

    /// Whether one of the spans shares a position with `[start, end)` (`s < end && start < e`).
    pub(super) fn overlaps(&self, start: usize, end: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < end);
        k > 0 && self.max_end[k - 1] > start
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn containment_and_overlap_on_examples() {
        let spans = Spans::new([(10, 20), (0, 3), (15, 40)]);
        assert!(spans.contains(0, 3));
        assert!(spans.contains(16, 40));
        assert!(!spans.contains(5, 12));
        assert!(!spans.contains(18, 41));
        assert!(spans.overlaps(2, 5));
        assert!(!spans.overlaps(3, 10));
        assert!(!spans.overlaps(40, 50));
        assert!(!Spans::new([]).overlaps(0, 100));
        assert!(!Spans::new([]).contains(0, 0));
    }

    proptest! {
        #[test]
        fn queries_equal_the_plain_scans(
            spans in prop::collection::vec((0usize..60, 0usize..20), 0..30),
            queries in prop::collection::vec((0usize..60, 0usize..20), 1..30),
        ) {
            let spans: Vec<(usize, usize)> = spans.into_iter().map(|(s, l)| (s, s + l)).collect();
            let index = Spans::new(spans.iter().copied());
            for (s, l) in queries {
                let e = s + l;
                prop_assert_eq!(
                    index.contains(s, e),
                    spans.iter().any(|&(a, b)| a <= s && e <= b)
                );
                prop_assert_eq!(index.overlaps(s, e), spans.iter().any(|&(a, b)| a < e && s < b));
            }
        }
    }
}
