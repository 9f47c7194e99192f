//! Charts and infographics flattened to text (`chart`): a page's graphic leaves its axis ticks,
//! values and labels one to a line ("$900", "billion", "’17", "’18", "600", "%").
//!
//! Policy: decided from form alone. A chart is a run of at least [`MIN_RUN`] non-blank lines
//! next to each other, each a single token (no space) of at most [`MAX_CHARS`] characters, at
//! least half of them with a digit. A table's rows keep their cells on one line ("1996 45,000")
//! and an enumeration its words, so neither is one; the items of a list under a lead-in are
//! given back (`content-list`).

use crate::boilerplate::claim::Claim;

use super::features::Doc;

/// Fewest lines of a chart.
const MIN_RUN: usize = 8;
/// Most characters of a chart's line.
const MAX_CHARS: usize = 10;

/// Claims the runs of chart tokens that no other heuristic claimed.
pub(super) fn charts(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    let token = |i: usize| {
        let t = doc.text(i);
        !t.contains(char::is_whitespace) && t.chars().nth(MAX_CHARS).is_none()
    };
    let nonblank = &doc.nonblank;
    let mut n = 0;
    while n < nonblank.len() {
        let end = n + nonblank[n..].iter().take_while(|&&i| token(i)).count();
        let run = &nonblank[n..end];
        let digits = run
            .iter()
            .filter(|&&i| doc.text(i).chars().any(|c| c.is_ascii_digit()))
            .count();
        if run.len() >= MIN_RUN && 2 * digits >= run.len() {
            for &i in run {
                claimed[i].get_or_insert(Claim::Chart);
            }
        }
        n = end.max(n + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(String, bool)> {
        crate::boilerplate::heuristics::tests::claimed_by(text, charts, Claim::Chart)
    }

    #[test]
    fn a_flattened_chart_is_claimed_and_its_neighbours_stay() {
        let chart = "$900\nbillion\n600\n300\n$263\nbillion\n0\n’17\n’20\n’28\n";
        let text = format!(
            "Interest payments will triple.\n\n{chart}\nThe debt grows faster than the economy.\n"
        );
        let got = claims(&text);
        assert!(got.iter().filter(|(_, c)| *c).count() == 10, "{got:?}");
        assert!(!got[0].1 && !got[got.len() - 1].1, "{got:?}");
    }

    #[test]
    fn tables_words_and_short_runs_stay() {
        let cases = [
            ("table rows", "1996 45,000\n1997 50,000\n1998 55,000\n1999 55,000\n2000 60,000\n2001 65,000\n2002 70,000\n2003 70,000\n"),
            ("words", "Apples\nPears\nPlums\nCherries\nGrapes\nFigs\nDates\nLimes\n"),
            ("short run", "$900\nbillion\n600\n300\n$263\nbillion\n0\n"),
        ];
        for (name, text) in cases {
            let got = claims(text);
            assert!(got.iter().all(|(_, c)| !c), "{name}: {got:?}");
        }
    }
}
