//! The context of each line for the smoothing: the class of the nearest line on each side that
//! is neither short nor blank nor claimed by a form heuristic (a caption or a credit between two
//! paragraphs does not cut them apart), near-good counting as good and the document's edges as
//! bad.
//!
//! Computed for every line in two linear passes: a per-line scan outwards is quadratic in a page
//! of short lines (100,000 one-word lines took seconds), which a hostile or merely long list
//! page must not cost.

use super::Class;

/// What the smoothing sees on each side of every line: `(before, after)`, each `Good` or `Bad`.
pub(super) fn neighbours(free: &[Class], claimed: &[bool]) -> (Vec<Class>, Vec<Class>) {
    let n = free.len();
    let seen = |j: usize| {
        (!matches!(free[j], Class::Short | Class::Blank) && !claimed[j]).then(|| match free[j] {
            Class::Good | Class::NearGood => Class::Good,
            _ => Class::Bad,
        })
    };
    let mut before = vec![Class::Bad; n];
    let mut last = Class::Bad;
    for (i, slot) in before.iter_mut().enumerate() {
        *slot = last;
        last = seen(i).unwrap_or(last);
    }
    let mut after = vec![Class::Bad; n];
    let mut last = Class::Bad;
    for (i, slot) in after.iter_mut().enumerate().rev() {
        *slot = last;
        last = seen(i).unwrap_or(last);
    }
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition: scan outwards from `i` for the nearest line that counts.
    fn scan(free: &[Class], claimed: &[bool], i: usize, forward: bool) -> Class {
        let counts = |j: &usize| !matches!(free[*j], Class::Short | Class::Blank) && !claimed[*j];
        let found = if forward {
            (i + 1..free.len()).find(counts)
        } else {
            (0..i).rev().find(counts)
        };
        match found.map(|j| free[j]) {
            Some(Class::Good | Class::NearGood) => Class::Good,
            _ => Class::Bad,
        }
    }

    fn class() -> impl Strategy<Value = Class> {
        prop_oneof![
            Just(Class::Blank),
            Just(Class::Short),
            Just(Class::NearGood),
            Just(Class::Good),
            Just(Class::Bad),
        ]
    }

    #[test]
    fn edges_count_as_bad_and_short_lines_are_skipped() {
        use Class::*;
        let free = [Short, Good, Short, Blank, Short, Bad, Short];
        let claimed = [false, false, false, false, true, false, false];
        let (before, after) = neighbours(&free, &claimed);
        assert_eq!(before, [Bad, Bad, Good, Good, Good, Good, Bad]);
        assert_eq!(after, [Good, Bad, Bad, Bad, Bad, Bad, Bad]);
    }

    proptest! {
        #[test]
        fn neighbours_equal_the_outward_scan(
            lines in prop::collection::vec((class(), any::<bool>()), 0..60)
        ) {
            let (free, claimed): (Vec<Class>, Vec<bool>) = lines.into_iter().unzip();
            let (before, after) = neighbours(&free, &claimed);
            for i in 0..free.len() {
                prop_assert_eq!(before[i], scan(&free, &claimed, i, false));
                prop_assert_eq!(after[i], scan(&free, &claimed, i, true));
            }
        }
    }
}
