//! The author's box under the article (`author-note`): an "About the author" heading and the
//! lines under it, the author's name, role and biography ("Jane Roe", "Senior Editor", "Jane Roe
//! covers energy for ...").
//!
//! Policy: the heading is the whole line, in the wording of the languages of the web
//! ([`AUTHOR_HEADINGS`]), and it comes after most of the document's prose
//! ([`PROSE_ABOVE_SHARE`]: a book review's "About the author" section near the top stays). The box
//! is the heading and the unclaimed lines under it, at most [`BOX_LINES`], up to the first
//! paragraph of [`BIO_WORDS`] words or more (the biography) included; a line another heuristic
//! claimed ends it.

use crate::boilerplate::claim::Claim;
use crate::boilerplate::line::with_lowercase;

use super::features::Doc;

/// Headings of an author's box, lowercase, whole lines (a closing colon aside).
#[rustfmt::skip]
const AUTHOR_HEADINGS: &[&str] = &[
    "about the author", "about the authors", "about the writer", "about the contributor",
    "über den autor", "über die autorin", "über die autoren", "zum autor", "zur autorin",
    "zu den autoren", "à propos de l'auteur", "à propos de l’auteur", "à propos de l'autrice",
    "à propos de l’autrice", "sobre el autor", "sobre la autora", "sobre los autores",
    "sobre o autor", "sobre a autora", "sull'autore", "sull’autore", "over de auteur",
    "over de schrijver", "o autorze", "об авторе", "om forfatteren", "om författaren",
    "yazar hakkında", "tentang penulis", "关于作者", "作者简介", "著者について", "저자 소개",
];

/// Fewest and most bytes of a heading of [`AUTHOR_HEADINGS`] (most short lines, menu items, stop
/// here).
const HEADING_BYTES: (usize, usize) = (9, 40);

/// Share of the document's prose lines that lie above the heading, at least.
const PROSE_ABOVE_SHARE: f32 = 0.6;
/// Fewest prose lines above the heading.
const MIN_PROSE_ABOVE: usize = 3;
/// Most non-blank lines of the box under its heading.
const BOX_LINES: usize = 6;
/// A line of this many words or more is the biography, the box's last line.
const BIO_WORDS: usize = 12;

/// Claims the author's boxes of the document.
pub(super) fn author_boxes(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    let prose = nonblank.iter().filter(|&&i| feats[i].prose).count();
    let mut above = 0;
    for (n, &i) in nonblank.iter().enumerate() {
        if feats[i].prose {
            above += 1;
        }
        if claimed[i].is_some() || feats[i].words > 5 {
            continue;
        }
        let named = about_name(lines[i].text);
        if named.is_none() && !author_heading(lines[i].text) {
            continue;
        }
        if above < MIN_PROSE_ABOVE || (above as f32) < PROSE_ABOVE_SHARE * prose as f32 {
            continue;
        }
        // "About Jane Roe": the biography under it names her.
        if let Some(name) = named {
            let bio = nonblank[n + 1..]
                .iter()
                .take(BOX_LINES)
                .take_while(|&&j| claimed[j].is_none())
                .find(|&&j| feats[j].words >= BIO_WORDS);
            let names = |j: usize| {
                let text = lines[j].text;
                name.split_whitespace()
                    .filter(|w| w.chars().count() >= 3)
                    .any(|w| text.split(|c: char| !c.is_alphanumeric()).any(|t| t == w))
            };
            if !bio.is_some_and(|&j| names(j)) {
                continue;
            }
        }
        claimed[i] = Some(Claim::AuthorNote);
        for &j in nonblank[n + 1..].iter().take(BOX_LINES) {
            if claimed[j].is_some() {
                break;
            }
            claimed[j] = Some(Claim::AuthorNote);
            if feats[j].words >= BIO_WORDS {
                break;
            }
        }
    }
}

/// The name of an "About Jane Roe" heading ("About", "Über", "Sobre", "Acerca de", "À propos
/// de", then one to three capitalised words, nothing else): an author's (or the site's) box, when
/// the biography under it names them.
fn about_name(text: &str) -> Option<&str> {
    const ABOUT: [&str; 5] = ["About ", "Über ", "Sobre ", "Acerca de ", "À propos de "];
    let t = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    let name = ABOUT.iter().find_map(|a| t.strip_prefix(a))?;
    let words = name.split_whitespace().count();
    ((1..=3).contains(&words)
        && name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase)))
    .then_some(name)
}

/// Whether `text` is an author box's heading: one of [`AUTHOR_HEADINGS`], whatever the case,
/// with the punctuation around it (a colon, a bullet) left out.
fn author_heading(text: &str) -> bool {
    let t = text.trim_matches(|c: char| !c.is_alphanumeric());
    // (Most short lines open with none of the headings' first bytes.)
    if !t.bytes().next().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'a' | b'z' | b's' | b'o' | b'y' | b't' | 0xC3 | 0xD0 | 0xE4 | 0xE5 | 0xE8 | 0xEC
        )
    }) {
        return false;
    }
    (HEADING_BYTES.0..=HEADING_BYTES.1).contains(&t.len())
        && with_lowercase(t, |w| AUTHOR_HEADINGS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::super::tests::claimed_lines;
    use super::*;

    const PROSE: &str = "The ministry said on Monday that the talks would continue next week in the capital city.\n\
The two delegations have met four times since the spring, according to officials familiar with them.\n\
Neither side would say what had been agreed, and the next round has no date yet, they said on Monday.\n";

    const BOX: &str = "About the Author\nJane Roe\nSenior Editor\n\
Jane Roe covers energy and diplomacy for the paper and has reported from the region since 2015.\n\
Most Popular\n";

    /// The lines `author_boxes` claims in `text`.
    fn boxed(text: &str) -> Vec<String> {
        claimed_lines(text, author_boxes, Claim::AuthorNote)
    }

    #[test]
    fn the_box_under_the_article_goes_up_to_the_biography() {
        let got = boxed(&format!("{PROSE}{BOX}"));
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "About the Author");
        assert!(got[3].starts_with("Jane Roe covers"), "{got:?}");
    }

    #[test]
    fn a_section_about_the_author_above_most_prose_stays() {
        let text = format!("Book review\n{BOX}{PROSE}{PROSE}");
        assert!(boxed(&text).is_empty());
    }

    #[test]
    fn headings_whole_lines_in_any_case() {
        for yes in [
            "About the Author",
            "ABOUT THE AUTHOR:",
            "Über den Autor",
            "* Об авторе",
        ] {
            assert!(author_heading(yes), "{yes:?}");
        }
        for no in ["About the author of the report", "Author", "About"] {
            assert!(!author_heading(no), "{no:?}");
        }
    }

    #[test]
    fn a_box_about_a_name_goes_when_its_biography_names_them() {
        let bio = "About Jane Roe
Jane Roe covers energy and diplomacy for the paper and has reported from the region since 2015.
Most Popular
";
        assert_eq!(
            boxed(&format!("{PROSE}{bio}")),
            ["About Jane Roe", "Jane Roe covers energy and diplomacy for the paper and has reported from the region since 2015."]
        );
        // A section of the article about a place: its paragraph does not name it.
        let section = "About Europe
The ministers will meet their counterparts from the union again in the autumn to discuss trade.
";
        assert!(boxed(&format!("{PROSE}{section}")).is_empty());
    }

    #[test]
    fn about_names_are_capitalised_words() {
        assert_eq!(about_name("About Jane Roe"), Some("Jane Roe"));
        assert_eq!(about_name("Über Moritz Muster:"), Some("Moritz Muster"));
        assert_eq!(about_name("À propos de Jean Dupont"), Some("Jean Dupont"));
        for no in [
            "About the Author",
            "About us and them",
            "About A B C D",
            "About",
            "Aboutness X",
        ] {
            assert_eq!(about_name(no), None, "{no:?}");
        }
    }
}

/// Every heading's length lies in [`HEADING_BYTES`].
#[test]
fn heading_bytes_hold_every_heading() {
    for h in AUTHOR_HEADINGS {
        assert!(
            (HEADING_BYTES.0..=HEADING_BYTES.1).contains(&h.len()),
            "{h:?}"
        );
        assert!(author_heading(h), "{h:?}");
    }
}
