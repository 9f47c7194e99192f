//! Names against phrases: a capitalised line that looks like a name ("Jane Roe") may be a
//! heading in title case ("Vibe Coding", "Top Weight Loss Medications", "Introduction"). The
//! document tells them apart: it writes a heading's words in lowercase elsewhere ("vibe coding
//! lets anyone ...", "weight loss"), never a person's given name and surname. The byline pass
//! that takes a name next to a date asks [`Lowercase::phrase`] before claiming the line.
//!
//! Policy: a line is a phrase when every one of its words that could be part of a name (no
//! particle, role word or all-capitals acronym) occurs in lowercase in the document; a single
//! letter (an initial) or a word never written in lowercase makes it a name. A line of role
//! words and acronyms only ("Staff", "AFP") is no phrase. The document is scanned for each
//! word asked: few lines are.

use crate::boilerplate::line::{bare, with_lowercase};

use super::features::Doc;
use super::vocabulary::{NAME_PARTICLES, ROLE_WORDS};

/// The document, asked whether it writes a word in lowercase.
pub(super) struct Lowercase<'d, 'a> {
    doc: &'d Doc<'d, 'a>,
}

impl<'d, 'a> Lowercase<'d, 'a> {
    /// The lowercase words of `doc`.
    pub(super) fn new(doc: &'d Doc<'d, 'a>) -> Self {
        Lowercase { doc }
    }

    /// Whether the document writes `lower` (or `lower` with a plural `s` cut) as a word that
    /// starts with a lowercase letter. (A scan of the document: asked only of the few lines
    /// that read as a name next to a date, with a paragraph under them.)
    fn writes(&self, lower: &str) -> bool {
        let stem = lower.strip_suffix('s');
        self.doc.nonblank.iter().any(|&i| {
            self.doc.text(i).split_whitespace().any(|tok| {
                let w = bare(tok);
                w.starts_with(char::is_lowercase) && (w == lower || stem == Some(w))
            })
        })
    }

    /// Whether `text`, a capitalised line, is a phrase of the document's words rather than a
    /// name: see the module's policy.
    pub(super) fn phrase(&self, text: &str) -> bool {
        let mut asked = 0usize;
        for w in text.split_whitespace().map(bare).filter(|w| !w.is_empty()) {
            let mut chars = w.chars();
            let first_only = chars.next().is_some() && chars.next().is_none();
            if first_only && w.chars().all(char::is_alphabetic) {
                // An initial.
                return false;
            }
            if w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase) {
                // An acronym ("CSS", "AFP"): neither a name's word nor a phrase's.
                continue;
            }
            let known = with_lowercase(w, |lower| {
                (!NAME_PARTICLES.contains(&lower) && !ROLE_WORDS.contains(&lower))
                    .then(|| self.writes(lower))
            });
            match known {
                None => {}
                Some(true) => asked += 1,
                Some(false) => return false,
            }
        }
        asked >= 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boilerplate::line::Line;
    use crate::boilerplate::stopwords::DocLang;

    fn phrase_in(text: &str, line: &str) -> bool {
        let lines = Line::split(text);
        let doc = Doc::new(&lines, DocLang::Unknown);
        Lowercase::new(&doc).phrase(line)
    }

    /// Named cases: headings whose words the text uses are phrases; names, initials, role
    /// words and acronyms are not.
    #[test]
    fn headings_are_phrases_and_names_are_not() {
        let text = "Vibe Coding\n\nWith vibe coding anyone writes software. The weight loss \
                    medications work; the introduction of frameworks and layout systems helps.\n\
                    Jane Roe\nJ. Smith\nStaff\nAFP\nMark Price\nthe price mark";
        let cases: &[(&str, bool)] = &[
            ("Vibe Coding", true),
            ("Top Weight Loss Medications", false),
            ("Weight Loss Medications", true),
            ("Introduction", true),
            ("CSS Frameworks & Layout Systems", true),
            ("Jane Roe", false),
            ("J. Smith", false),
            ("Staff", false),
            ("AFP", false),
            ("Staff and AFP", false),
            // (A name whose words the text happens to use is read as a phrase: the price of
            // a test that asks nothing else.)
            ("Mark Price", true),
        ];
        for &(line, want) in cases {
            assert_eq!(phrase_in(text, line), want, "{line}");
        }
    }
}
