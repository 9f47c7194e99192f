//! Stage 2, normalize: Unicode and whitespace normalization, then (after boilerplate removal)
//! reflow of hard-wrapped paragraphs.
//!
//! Reads and rewrites: the document's [`NormalizedText`]; every step goes through
//! [`NormalizedText::rewrite`], so offsets to the raw bytes stay exact. Steps run in a fixed order
//! and each can be switched off in `[normalize]`:
//!
//! | step | key | default |
//! | --- | --- | --- |
//! | CRLF and lone CR to LF | `line_endings` | on |
//! | invisible format characters removed (ZWNJ/ZWJ kept) | `format_chars` | on |
//! | Unicode normalization form | `unicode` = `nfc` / `nfkc` / `none` | `nfc` |
//! | Unicode spaces to a plain space, runs collapsed, lines trimmed | `spaces` | on |
//! | runs of blank lines to one paragraph break, outer blank lines dropped | `blank_lines` | on |
//! | hard-wrapped lines joined (after boilerplate) | `unwrap` | on |
//!
//! The reflow runs after boilerplate removal because the boilerplate heuristics read the lines as
//! the site laid them out.

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::text::NormalizedText;

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
    /// Remove invisible format characters (soft hyphen, zero-width space, word joiner, bidi marks).
    pub format_chars: bool,
    /// Unicode spaces to a plain space, runs of spaces and tabs collapsed, lines trimmed.
    pub spaces: bool,
    /// Runs of blank lines collapsed to one paragraph break; leading/trailing blank lines dropped.
    pub blank_lines: bool,
    /// Join hard-wrapped lines inside running sentences.
    pub unwrap: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            unicode: UnicodeForm::Nfc,
            line_endings: true,
            format_chars: true,
            spaces: true,
            blank_lines: true,
            unwrap: true,
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

    /// The character- and line-level steps, run before boilerplate detection.
    pub fn normalize(&self, nt: &mut NormalizedText) {
        if self.opts.line_endings {
            line_endings(nt);
        }
        if self.opts.format_chars {
            format_chars(nt);
        }
        match self.opts.unicode {
            UnicodeForm::Nfc => unicode_form(nt, false),
            UnicodeForm::Nfkc => unicode_form(nt, true),
            UnicodeForm::None => {}
        }
        if self.opts.spaces {
            spaces(nt);
        }
        if self.opts.blank_lines {
            blank_lines(nt);
        }
    }

    /// The steps that run after boilerplate removal: reflow and a final blank-line cleanup.
    pub fn reflow(&self, nt: &mut NormalizedText) {
        if self.opts.unwrap {
            unwrap(nt);
        }
        if self.opts.blank_lines {
            blank_lines(nt);
        }
    }

    /// Normalizes a lexicon alias or rule string the same way as document text (so non-ASCII
    /// variants match), without line handling.
    pub fn normalize_str(&self, s: &str) -> String {
        let mut nt = NormalizedText::identity(s);
        if self.opts.format_chars {
            format_chars(&mut nt);
        }
        match self.opts.unicode {
            UnicodeForm::Nfc => unicode_form(&mut nt, false),
            UnicodeForm::Nfkc => unicode_form(&mut nt, true),
            UnicodeForm::None => {}
        }
        if self.opts.spaces {
            spaces(&mut nt);
        }
        nt.into_string()
    }
}

/// CRLF and lone CR to LF.
fn line_endings(nt: &mut NormalizedText) {
    if !nt.as_str().contains('\r') {
        return;
    }
    nt.rewrite(|s, rw| {
        let b = s.as_bytes();
        let mut kept = 0;
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\r' {
                rw.keep(kept..i);
                let end = if b.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                rw.replace(i..end, "\n");
                kept = end;
                i = end;
            } else {
                i += 1;
            }
        }
        rw.keep(kept..b.len());
    });
}

/// Invisible format characters that carry no meaning in running text. ZWNJ (U+200C) and ZWJ
/// (U+200D) are kept: they change spelling in Persian, Indic scripts and emoji.
pub fn is_removable_format_char(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
        | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn format_chars(nt: &mut NormalizedText) {
    if !nt.as_str().chars().any(is_removable_format_char) {
        return;
    }
    nt.rewrite(|s, rw| {
        let mut kept = 0;
        for (i, c) in s.char_indices() {
            if is_removable_format_char(c) {
                rw.keep(kept..i);
                kept = i + c.len_utf8();
            }
        }
        rw.keep(kept..s.len());
    });
}

/// NFC or NFKC. The text is cut into chunks before every ASCII character (no ASCII character
/// composes with what precedes it, and each chunk normalizes independently); a chunk that
/// normalization changes maps, as a whole, to the raw bytes of the original chunk.
fn unicode_form(nt: &mut NormalizedText, compat: bool) {
    let s = nt.as_str();
    let already = if compat {
        unicode_normalization::is_nfkc_quick(s.chars())
    } else {
        unicode_normalization::is_nfc_quick(s.chars())
    };
    if already == unicode_normalization::IsNormalized::Yes {
        return;
    }
    nt.rewrite(|s, rw| {
        let mut start = 0;
        let mut buf = String::new();
        let flush = |range: std::ops::Range<usize>, rw: &mut crate::text::Rewriter<'_>, buf: &mut String| {
            let chunk = &s[range.clone()];
            buf.clear();
            if compat {
                buf.extend(chunk.nfkc());
            } else {
                buf.extend(chunk.nfc());
            }
            if buf == chunk {
                rw.keep(range);
            } else {
                rw.replace(range, buf);
            }
        };
        for (i, c) in s.char_indices() {
            if c.is_ascii() && i > start {
                flush(start..i, rw, &mut buf);
                start = i;
            }
        }
        if start < s.len() {
            flush(start..s.len(), rw, &mut buf);
        }
    });
}

/// Unicode spaces (NBSP, thin space, ideographic space, ...) and tabs to a plain space, runs of
/// them collapsed to one, and every line trimmed.
fn spaces(nt: &mut NormalizedText) {
    nt.rewrite(|s, rw| {
        for (line_start, line) in lines_with_offsets(s) {
            let mut kept = line_start;
            let mut in_run: Option<usize> = None;
            let mut seen_text = false;
            for (j, c) in line.char_indices() {
                let i = line_start + j;
                if c != '\n' && c.is_whitespace() {
                    if in_run.is_none() {
                        rw.keep(kept..i);
                        in_run = Some(i);
                    }
                } else {
                    if let Some(run) = in_run.take() {
                        // One space between words; none at the start or end of the line.
                        if seen_text && c != '\n' {
                            rw.replace(run..i, " ");
                        }
                        kept = i;
                    }
                    if c != '\n' {
                        seen_text = true;
                    }
                }
            }
            // A trailing run (before the newline, or at the end) is dropped.
            let end = line_start + line.len();
            match in_run {
                Some(_) => kept = end,
                None => rw.keep(kept..end),
            }
            let _ = kept;
        }
    });
}

/// Yields `(offset, line)` with each line's terminating `\n` included.
pub fn lines_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_inclusive('\n').scan(0usize, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    })
}

/// Runs of blank lines collapsed to one empty line (a paragraph break); blank lines at the start
/// and end dropped, and the final newline too.
fn blank_lines(nt: &mut NormalizedText) {
    nt.rewrite(|s, rw| {
        let mut pending_blank = false;
        let mut last_content_end: Option<usize> = None;
        for (start, line) in lines_with_offsets(s) {
            let content = line.trim_end_matches('\n');
            if content.trim().is_empty() {
                pending_blank = last_content_end.is_some();
                continue;
            }
            if let Some(prev_end) = last_content_end {
                // The newline that ended the previous content line.
                rw.keep(prev_end..prev_end + 1);
                if pending_blank {
                    // One empty line, mapped to the newline right before this line.
                    rw.replace(start - 1..start, "\n");
                }
            }
            rw.keep(start..start + content.len());
            last_content_end = Some(start + content.len());
            pending_blank = false;
        }
    });
}

/// Joins a line to the next when the break falls inside a running sentence: the line does not end
/// a sentence and the next line continues in lowercase. The newline becomes a space.
fn unwrap(nt: &mut NormalizedText) {
    nt.rewrite(|s, rw| {
        let lines: Vec<(usize, &str)> = lines_with_offsets(s).collect();
        let mut kept = 0;
        for w in lines.windows(2) {
            let (start, line) = w[0];
            let next = w[1].1;
            let content = line.trim_end_matches('\n');
            if content.is_empty() || !line.ends_with('\n') {
                continue;
            }
            let last = content.chars().next_back().unwrap_or(' ');
            let first = next.chars().next().unwrap_or(' ');
            let ends_sentence = matches!(last, '.' | '!' | '?' | ':' | ';' | '"' | '\u{201D}' | ')');
            if !ends_sentence && first.is_lowercase() {
                let nl = start + content.len();
                rw.keep(kept..nl);
                rw.replace(nl..nl + 1, " ");
                kept = nl + 1;
            }
        }
        rw.keep(kept..s.len());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> NormalizedText {
        let mut nt = NormalizedText::identity(s);
        let n = Normalizer::new(NormalizeOptions::default());
        n.normalize(&mut nt);
        nt.check_invariants(s.len()).unwrap();
        nt
    }

    #[test]
    fn whitespace_cases() {
        let cases = [
            ("crlf", "a\r\nb\rc", "a\nb\nc"),
            ("collapse and trim", "  a \t\u{a0} b  \n c ", "a b\nc"),
            ("blank runs", "\n\na\n\n\n\nb\n\n", "a\n\nb"),
            ("format chars", "Ba\u{200b}ku\u{ad}", "Baku"),
            ("zwj kept", "a\u{200d}b", "a\u{200d}b"),
            ("nfc", "Cafe\u{301} Бакy", "Café Бакy"),
        ];
        for (name, input, want) in cases {
            assert_eq!(run(input).as_str(), want, "case {name}");
        }
    }

    #[test]
    fn nfc_maps_composed_char_to_both_raw_chars() {
        let nt = run("xe\u{301}y");
        assert_eq!(nt.as_str(), "xéy");
        let i = nt.as_str().find('é').unwrap();
        assert_eq!(nt.raw_range(i..i + 2), crate::text::RawRange::new(1, 4));
    }

    #[test]
    fn unwrap_joins_lowercase_continuations_only() {
        let mut nt = run("The\nsummer came.\nThen it ended");
        Normalizer::new(NormalizeOptions::default()).reflow(&mut nt);
        assert_eq!(nt.as_str(), "The summer came.\nThen it ended");
    }
}
