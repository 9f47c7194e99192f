//! Page chrome shaped like a headline (post links, credits, bar menus, share bars, notices of
//! several questions), and the breadcrumb a headline may end.

use std::sync::LazyLock;

use crate::boilerplate::heuristics::share_row;
use crate::boilerplate::matcher::Matcher;

/// Page chrome shaped like a headline: a link to the previous or next post ("← Older post",
/// "Newer post →"), a caption or credit ("Rescuers at work. Photo: Name", "Text & Fotos:
/// Name", "© Agency"), a menu of three parts or more between bars ("News | Blog | Contact"),
/// or three questions and more (a notice: "Need an account? Forgot your password? ..."; a
/// headline may quote a sentence or two: "Meth. We're on it." They just might be").
pub(super) fn chrome_form(text: &str) -> bool {
    static CREDIT: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(&[CREDIT_PAT], true));
    let t = text.trim();
    t.starts_with('\u{2190}')
        || t.ends_with('\u{2192}')
        || t.matches(" | ").nth(1).is_some()
        || question_breaks(t) >= 2
        || share_row(t)
        // (The credit's colon or sign first: most lines have neither.)
        || memchr::memchr2(b':', 0xA9, t.as_bytes()).is_some() && CREDIT.is_match(t)
}

/// [`chrome_form`]'s credit pattern (case-insensitive).
pub(super) const CREDIT_PAT: &str =
    r"\b(?:fotos?|photos?|bild|image|credits?|quelle|abb\.?|fig\.?)\s*:|\x{A9}";

/// How many times a question or an exclamation ends inside `text` ([`breaks`]).
fn question_breaks(text: &str) -> usize {
    breaks(text, &['!', '?']).count()
}

/// The places in `text` where one of `marks` ends a sentence and another starts: the mark,
/// closing quotes, a space and an uppercase letter.
pub(super) fn breaks<'a>(text: &'a str, marks: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(marks)
        .map(|(at, _)| at)
        .filter(move |&at| {
            let rest = text[at + 1..].trim_start_matches(['"', '\'', '\u{201D}', '\u{2019}']);
            rest.strip_prefix(' ')
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase)
        })
}

/// A breadcrumb: two or more short parts joined by `»`, `›` or `>`.
pub(super) fn breadcrumb(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(['\u{BB}', '\u{203A}', '>'])
        .map(str::trim)
        .collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.split_whitespace().count() <= 4)
}
