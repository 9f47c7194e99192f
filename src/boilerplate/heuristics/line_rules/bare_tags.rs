//! A tag line printed without its colon ("Tags Riverton Harbour Ferries", "Filed under ports,
//! ferries"), asked by `tags_pattern` next to the "Tags:" opener.

use super::super::features::Feat;
use super::super::vocabulary::is_stop;

/// A tag line without its colon: a tag label ([`BARE_TAG_LABELS`]) and at most
/// [`BARE_TAG_WORDS`] words after it (counted with the label's two words at most), the first no
/// function word, no colon, no sentence end ("Tags
/// Riverton Harbour Ferries", "Filed under ports, ferries"; not "Categories of waste we
/// collect", a subheading). "Topics" is left out: it heads related lists too, whose pass needs
/// the header unclaimed (a shopping guide's 24 teaser lines stayed when a tag line took it).
pub(super) fn bare_tag_line(text: &str, f: &Feat) -> bool {
    // (The label first: most lines open with another letter, and the colon test reads the line.)
    let b = text.as_bytes();
    let Some(label) = BARE_TAG_LABELS.iter().find(|l| {
        b.len() > l.len() && b[..l.len()].eq_ignore_ascii_case(l.as_bytes()) && b[l.len()] == b' '
    }) else {
        return false;
    };
    f.words >= 2
        && f.words <= BARE_TAG_WORDS + 2
        && !f.terminal
        && !text.contains(':')
        && text[label.len()..]
            .split_whitespace()
            .next()
            .is_some_and(|w| !is_stop(&w.to_lowercase()))
}

/// The labels of a tag line printed without a colon (ASCII, lowercase).
const BARE_TAG_LABELS: [&str; 3] = ["tags", "categories", "filed under"];

/// Most words after a colonless tag label ([`bare_tag_line`]).
const BARE_TAG_WORDS: usize = 10;
