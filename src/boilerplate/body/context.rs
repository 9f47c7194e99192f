//! The context of each line for the smoothing: the class of the nearest line on each side that
//! is neither short nor blank nor claimed by a form heuristic (a caption or a credit between two
//! paragraphs does not cut them apart), near-good counting as good and the document's edges as
//! bad.
//!
//! Computed for every line in two linear passes: a per-line scan outwards is quadratic in a page
//! of short lines (100,000 one-word lines took seconds), which a hostile or merely long list
//! page must not cost.
//!
//! Before the smoothing, the items of a bulleted list under a paragraph are judged as one
//! ([`bulleted_runs`]).

use super::form::list_item;
use super::{Class, Counts, STOP_LOW};
use crate::boilerplate::claim::Claim;
use crate::boilerplate::line::Line;

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

/// The items of a bulleted list (adjacent unclaimed lines opening with one bullet sign) under a
/// good or near-good line are judged together: an item dense in names ("Compare tariffs,
/// suppliers, discounts, vouchers and regional subsidies") is `Bad` alone, yet in a list whose
/// words are as dense in stopwords as prose it is one of the article's points, and its context
/// decides (`Short`), as for its shorter siblings.
pub(super) fn bulleted_runs(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    counts: &[Counts],
    free: &mut [Class],
) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        let item = |j: usize| claimed[j].is_none() && list_item(lines[j].text);
        if !item(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && item(end) {
            end += 1;
        }
        let c = Counts::total(&counts[i..end]);
        // (The paragraph over the list leads into it: a list of teasers under tags or a
        // header is no part of a text.)
        let led_in = (0..i)
            .rev()
            .find(|&j| !lines[j].text.is_empty())
            .is_some_and(|j| matches!(free[j], Class::Good | Class::NearGood));
        if end - i >= 2 && led_in && c.density() >= STOP_LOW {
            for f in &mut free[i..end] {
                if *f == Class::Bad {
                    *f = Class::Short;
                }
            }
        }
        i = end;
    }
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

    /// A line of the property test: bulleted or not, blank or not, claimed or not, its free
    /// class, its units and stopword hits.
    fn listed_line() -> impl Strategy<Value = (u8, bool, Class, usize, usize)> {
        (0u8..3, any::<bool>(), class(), 1usize..12, 0usize..12)
    }

    proptest! {
        /// The plain statement of [`bulleted_runs`]: a line changes only from bad to short, and
        /// only when it is an unclaimed bulleted item of a run of two or more such items, right
        /// under a good or near-good line, whose stopwords make up at least `STOP_LOW` of its
        /// words; every such line changes.
        #[test]
        fn bulleted_runs_equal_the_plain_rule(lines in prop::collection::vec(listed_line(), 0..40)) {
            let texts: Vec<String> = lines
                .iter()
                .map(|&(kind, _, _, _, _)| match kind {
                    0 => String::new(),
                    1 => "* an item".to_string(),
                    _ => "A line of text".to_string(),
                })
                .collect();
            let ls: Vec<Line<'_>> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| Line { range: (i, i), text: t })
                .collect();
            let claimed: Vec<Option<Claim>> = lines
                .iter()
                .map(|&(_, c, _, _, _)| c.then_some(Claim::Prompt))
                .collect();
            let counts: Vec<Counts> = lines
                .iter()
                .map(|&(_, _, _, units, hits)| Counts {
                    units,
                    hits: hits.min(units),
                    ..Counts::default()
                })
                .collect();
            let before: Vec<Class> = lines
                .iter()
                .map(|&(kind, _, c, _, _)| if kind == 0 { Class::Blank } else { c })
                .collect();
            let mut free = before.clone();
            bulleted_runs(&ls, &claimed, &counts, &mut free);
            let item = |j: usize| claimed[j].is_none() && texts[j].starts_with("* ");
            for i in 0..ls.len() {
                let (mut a, mut b) = (i, i + 1);
                let in_run = item(i);
                if in_run {
                    while a > 0 && item(a - 1) {
                        a -= 1;
                    }
                    while b < ls.len() && item(b) {
                        b += 1;
                    }
                }
                let led_in = (0..a)
                    .rev()
                    .find(|&j| !texts[j].is_empty())
                    .is_some_and(|j| matches!(before[j], Class::Good | Class::NearGood));
                let (units, hits) = (a..b).fold((0, 0), |(u, h), j| (u + counts[j].units, h + counts[j].hits));
                let dense = hits as f32 / units as f32 >= STOP_LOW;
                let want = if in_run && b - a >= 2 && led_in && dense && before[i] == Class::Bad {
                    Class::Short
                } else {
                    before[i]
                };
                prop_assert_eq!(free[i], want, "line {}", i);
            }
        }

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
