//! Stage 2, normalize: Unicode, whitespace and markup normalization, then (after boilerplate
//! removal) reflow of hard-wrapped paragraphs.
//!
//! Reads and rewrites: the document's [`NormalizedText`]; every step goes through
//! [`NormalizedText::rewrite`], so offsets to the raw bytes stay exact. Steps run in this fixed
//! order and each can be switched off in `[normalize]`:
//!
//! | step | key | default | module |
//! | --- | --- | --- | --- |
//! | CRLF and lone CR to LF | `line_endings` | on | `chars.rs` |
//! | HTML character references decoded (`&amp;`, `&#8217;`, `&nbsp;`) | `html_entities` | on | `markup.rs` |
//! | invisible format characters removed (ZWNJ/ZWJ kept) | `format_chars` | on | `chars.rs` |
//! | Unicode normalization form | `unicode` = `nfc` / `nfkc` / `none` | `nfc` | `chars.rs` |
//! | stray `>` markers removed | `markup` | on | `markup.rs` |
//! | Unicode spaces to a plain space, runs collapsed, lines trimmed | `spaces` | on | `chars.rs` |
//! | runs of blank lines to one paragraph break, outer blank lines dropped | `blank_lines` | on | `chars.rs` |
//! | hard-wrapped lines joined (after boilerplate) | `unwrap` | on | `reflow.rs` |
//! | words hyphenated across a line break rejoined (after boilerplate) | `dehyphenate` | on | `reflow.rs` |
//!
//! One step can make work for an earlier one (`&#13;` decodes to a CR, `&amp;quot;` to `&quot;`,
//! removing a format char lets two chars compose), so [`Normalizer::normalize`] repeats the steps
//! until none changes the text (at most [`MAX_ROUNDS`] rounds): normalizing twice changes nothing.
//! Every step checks cheaply whether it has anything to do and leaves the text untouched when not,
//! so the second round of a typical document costs a few scans and no allocation.
//!
//! The reflow runs after boilerplate removal because the boilerplate heuristics read the lines as
//! the site laid them out.

mod chars;
mod markup;
mod reflow;

use serde::Deserialize;

use crate::text::NormalizedText;

pub use chars::{is_removable_format_char, lines_with_offsets};

/// Most rounds of the character- and line-level steps; real text settles in one or two.
pub const MAX_ROUNDS: usize = 4;

/// Which Unicode normalization form to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnicodeForm {
    /// Canonical composition (the default).
    Nfc,
    /// Compatibility composition (folds ligatures, full-width forms, superscripts).
    Nfkc,
    /// No Unicode normalization.
    None,
}

/// `[normalize]` options.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NormalizeOptions {
    /// Unicode normalization form.
    pub unicode: UnicodeForm,
    /// CRLF and lone CR to LF.
    pub line_endings: bool,
    /// Decode HTML character references (`&amp;`, `&#8217;`, `&nbsp;`, named references).
    pub html_entities: bool,
    /// Remove invisible format characters (soft hyphen, zero-width space, word joiner, bidi marks).
    pub format_chars: bool,
    /// Remove stray blockquote markers: `>` at a line start, a lone `>` before an opening quote.
    pub markup: bool,
    /// Unicode spaces to a plain space, runs of spaces and tabs collapsed, lines trimmed.
    pub spaces: bool,
    /// Runs of blank lines collapsed to one paragraph break; leading/trailing blank lines dropped.
    pub blank_lines: bool,
    /// Join hard-wrapped lines inside running sentences.
    pub unwrap: bool,
    /// Rejoin a word hyphenated across a line break when it continues in lowercase.
    pub dehyphenate: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            unicode: UnicodeForm::Nfc,
            line_endings: true,
            html_entities: true,
            format_chars: true,
            markup: true,
            spaces: true,
            blank_lines: true,
            unwrap: true,
            dehyphenate: true,
        }
    }
}

/// The normalizer, built once from the config; holds no per-document state.
#[derive(Clone, Debug)]
pub struct Normalizer {
    opts: NormalizeOptions,
}

impl Normalizer {
    /// A normalizer with these options.
    pub fn new(opts: NormalizeOptions) -> Normalizer {
        Normalizer { opts }
    }

    /// The options in force.
    pub fn options(&self) -> &NormalizeOptions {
        &self.opts
    }

    /// The character- and line-level steps, run before boilerplate detection, repeated until
    /// nothing changes.
    pub fn normalize(&self, nt: &mut NormalizedText) {
        for _ in 0..MAX_ROUNDS {
            if !self.round(nt) {
                break;
            }
        }
    }

    /// One round of the steps; whether any changed the text.
    fn round(&self, nt: &mut NormalizedText) -> bool {
        let o = &self.opts;
        let mut changed = false;
        if o.line_endings {
            changed |= chars::line_endings(nt);
        }
        if o.html_entities {
            changed |= markup::html_entities(nt);
        }
        if o.format_chars {
            changed |= chars::format_chars(nt);
        }
        changed |= self.unicode(nt);
        if o.markup {
            changed |= markup::markup(nt);
        }
        if o.spaces {
            changed |= chars::spaces(nt);
        }
        if o.blank_lines {
            changed |= chars::blank_lines(nt);
        }
        changed
    }

    fn unicode(&self, nt: &mut NormalizedText) -> bool {
        match self.opts.unicode {
            UnicodeForm::Nfc => chars::unicode_form(nt, false),
            UnicodeForm::Nfkc => chars::unicode_form(nt, true),
            UnicodeForm::None => false,
        }
    }

    /// The steps that run after boilerplate removal: reflow and a final blank-line cleanup.
    pub fn reflow(&self, nt: &mut NormalizedText) {
        if self.opts.unwrap {
            reflow::unwrap(nt, self.opts.dehyphenate);
        }
        if self.opts.blank_lines {
            chars::blank_lines(nt);
        }
    }

    /// Normalizes a lexicon alias or rule string the same way as document text (so non-ASCII
    /// variants match), without line handling.
    pub fn normalize_str(&self, s: &str) -> String {
        let mut nt = NormalizedText::identity(s);
        if self.opts.html_entities {
            markup::html_entities(&mut nt);
        }
        if self.opts.format_chars {
            chars::format_chars(&mut nt);
        }
        self.unicode(&mut nt);
        if self.opts.spaces {
            chars::spaces(&mut nt);
        }
        nt.into_string()
    }
}

#[cfg(test)]
mod tests;
