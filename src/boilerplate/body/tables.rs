//! Tables of figures in the article: a run of rows that each carry several numbers (a spec
//! table, a timetable, results) separates the article's parts no more than a paragraph would.

use crate::boilerplate::claim::Claim;
use crate::boilerplate::line::runs;

use super::{sentence_end, Class, Line};

/// Fewest rows of a table that costs the span nothing.
const MIN_ROWS: usize = 4;
/// Fewest tokens with a digit in a row.
const ROW_FIGURES: usize = 2;
/// A row's tokens per token with a digit, at most.
const ROW_SHARE: usize = 4;

/// Whether `text` reads as a row of a table of figures: at least three tokens, [`ROW_FIGURES`]
/// of them with a digit and at least one in [`ROW_SHARE`] (a list's number, "2.", does not
/// count: a ranked list of names or a reference list is no table), and no sentence.
pub(super) fn figure_row(text: &str) -> bool {
    // (Asked of most lines of a page: a line with fewer than two digits, as most are, is no
    // row, and is not split into words.)
    if text.bytes().filter(u8::is_ascii_digit).nth(1).is_none() {
        return false;
    }
    let (mut tokens, mut figures) = (0usize, 0usize);
    for (k, tok) in text.split_whitespace().enumerate() {
        tokens += 1;
        let marker = k == 0 && tok.len() > 1 && tok.ends_with(['.', ')']);
        figures += usize::from(!marker && tok.bytes().any(|b| b.is_ascii_digit()));
    }
    tokens >= 3 && figures >= ROW_FIGURES && figures * ROW_SHARE >= tokens && !sentence_end(text)
}

/// Runs of at least [`MIN_ROWS`] unclaimed non-prose lines that are [`figure_row`]s (blank
/// lines between them do not break a run) cost the span nothing: the article's part below a
/// long table is not cut off from the rest.
pub(super) fn tables_cost_nothing(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    free: &[Class],
    weights: &mut [i64],
) {
    let row = |i: usize| {
        claimed[i].is_none()
            && matches!(free[i], Class::Short | Class::Bad)
            && figure_row(lines[i].text)
    };
    runs(lines, row, |run| {
        if run.len() >= MIN_ROWS {
            for &i in run {
                weights[i] = weights[i].max(0);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::analyse;
    use super::*;
    use crate::boilerplate::stopwords::identify;

    const P1: &str = "The council compared the new ferries with the old ones over a whole winter, crossing by crossing, before it chose which of them to keep.";
    const P2: &str = "Each boat was weighed, timed and measured in the same harbour, and the crews were asked which of them they would rather sail in bad weather.";
    const P3: &str = "The questions most often asked about the trial are answered below, with the figures the council published at the end of the season.";
    const P4: &str = "The smaller boats were the cheapest to run, but the crews said that they rolled too much in a heavy sea to carry passengers in comfort.";

    const P5: &str = "The largest boat was the steadiest of all, and the council will keep it for the winter crossings while the others are sold to other ports.";

    /// Every non-blank line outside the body of `text`.
    fn outside(text: &str) -> Vec<String> {
        let ls = Line::split(text);
        let claimed = vec![None; ls.len()];
        let b = analyse(&ls, &claimed, identify(ls.iter().map(|l| l.text)));
        (0..ls.len())
            .filter(|&i| !ls[i].text.is_empty() && !b.inside(i))
            .map(|i| ls[i].text.to_string())
            .collect()
    }

    fn page(rows: &[String]) -> String {
        format!(
            "Home\nNews\nFerries\nContact\n\n{P1}\n\n{P2}\n\n{}\n\nHow were the boats compared?\n\n{P3}\n\n{P4}\n\n{P5}\n",
            rows.join("\n")
        )
    }

    #[test]
    fn figure_rows() {
        assert!(figure_row("Harbour Queen 23t 12kn steel, twin 41x9m 220"));
        assert!(figure_row("Monday 08:15 09:40 10:55"));
        // A list's number is no figure; a row is no sentence; few figures among many words.
        assert!(!figure_row(
            "2. Islander: the sturdiest boat of the fleet (4/5)"
        ));
        assert!(!figure_row("Weighed 23 t and ran 12 kn."));
        assert!(!figure_row(
            "1. Roe J, Doe A. Ferries of the northern coast and their crews, a survey. 2019"
        ));
        assert!(!figure_row("Boats 12"));
    }

    /// The plain definition, without the digit count first.
    fn figure_row_plain(text: &str) -> bool {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let figures = tokens
            .iter()
            .enumerate()
            .filter(|(k, t)| !(*k == 0 && t.len() > 1 && t.ends_with(['.', ')'])))
            .filter(|(_, t)| t.bytes().any(|b| b.is_ascii_digit()))
            .count();
        tokens.len() >= 3
            && figures >= ROW_FIGURES
            && figures * ROW_SHARE >= tokens.len()
            && !sentence_end(text)
    }

    proptest::proptest! {
        #[test]
        fn figure_row_is_the_plain_test(text in "([A-Za-z]{1,6}|[0-9]{1,3}[a-z]{0,2}|[0-9]\\.|x|,| ){0,12}") {
            proptest::prop_assert_eq!(figure_row(&text), figure_row_plain(&text));
        }
    }

    /// A long table of figures between the article's parts does not cut the part under it off;
    /// as long a run of rows that are no table (a ranked list of names) still does.
    #[test]
    fn a_table_of_figures_does_not_cut_the_article() {
        let rows: Vec<String> = (0..40)
            .map(|k| {
                let (t, kn, m) = (20 + k, 10 + k % 5, 30 + k);
                format!("Harbour Queen Mark {k} {t}t {kn}kn steel hull, twin screw {m}x9m 220 seats 4 decks 2 ramps")
            })
            .collect();
        let menu = ["Home", "News", "Ferries", "Contact"];
        assert_eq!(outside(&page(&rows)), menu);
        let ranked: Vec<String> = (0..40)
            .map(|k| format!("{}. Harbour Queen Mark {k}: steel hull twin screw Northern Yard Western Isles Service", k + 1))
            .collect();
        let gone = outside(&page(&ranked));
        assert!(gone.contains(&P1.to_string()), "{gone:?}");
    }
}
