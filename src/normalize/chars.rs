//! Character- and line-level steps: line endings, invisible format characters, Unicode
//! normalization forms, spaces and blank lines.
//!
//! Every step first checks cheaply whether it would change anything and returns `false` without
//! touching the text when it would not, so a clean document costs one scan per step and no
//! allocation. Each step returns whether it rewrote the text.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

use crate::text::{NormalizedText, Rewriter};

/// CRLF and lone CR to LF.
pub(crate) fn line_endings(nt: &mut NormalizedText) -> bool {
    if !nt.as_str().contains('\r') {
        return false;
    }
    nt.rewrite(|s, rw| {
        let b = s.as_bytes();
        let mut kept = 0;
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\r' {
                rw.keep(kept..i);
                let end = if b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                rw.replace(i..end, "\n");
                kept = end;
                i = end;
            } else {
                i += 1;
            }
        }
        rw.keep(kept..b.len());
    });
    true
}

/// Invisible format characters that carry no meaning in running text. ZWNJ (U+200C) and ZWJ
/// (U+200D) are kept: they change spelling in Persian, Indic scripts and emoji.
pub fn is_removable_format_char(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
        | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Removes invisible format characters. A soft hyphen at the end of a line marks a word broken
/// across the line: the soft hyphen, the line break and the next line's indentation go, so the
/// word is whole again ("inter\u{AD}\nnational" -> "international").
pub(crate) fn format_chars(nt: &mut NormalizedText) -> bool {
    // All removable chars are non-ASCII: pure-ASCII text needs no char decoding.
    if nt.as_str().is_ascii() || !nt.as_str().chars().any(is_removable_format_char) {
        return false;
    }
    nt.rewrite(|s, rw| {
        let b = s.as_bytes();
        let mut kept = 0;
        for (i, c) in s.char_indices() {
            if i < kept || !is_removable_format_char(c) {
                continue;
            }
            rw.keep(kept..i);
            let mut end = i + c.len_utf8();
            if c == '\u{AD}' {
                let mut j = end;
                while j < b.len() && matches!(b[j], b' ' | b'\t') {
                    j += 1;
                }
                if b.get(j) == Some(&b'\n') {
                    j += 1;
                    while j < b.len() && matches!(b[j], b' ' | b'\t') {
                        j += 1;
                    }
                    end = j;
                }
            }
            kept = end;
        }
        rw.keep(kept..s.len());
    });
    true
}

/// NFC or NFKC. The text is cut into chunks before every ASCII character (no ASCII character
/// composes with what precedes it, and each chunk normalizes independently); a chunk that
/// normalization changes maps, as a whole, to the raw bytes of the original chunk.
pub(crate) fn unicode_form(nt: &mut NormalizedText, compat: bool) -> bool {
    let s = nt.as_str();
    if s.is_ascii() {
        return false;
    }
    let quick = if compat {
        unicode_normalization::is_nfkc_quick(s.chars())
    } else {
        unicode_normalization::is_nfc_quick(s.chars())
    };
    if quick == IsNormalized::Yes {
        return false;
    }
    let mut changed = false;
    nt.rewrite(|s, rw| {
        let mut buf = String::new();
        let mut flush = |range: std::ops::Range<usize>, rw: &mut Rewriter<'_>| {
            let chunk = &s[range.clone()];
            if chunk.is_ascii() {
                rw.keep(range);
                return;
            }
            buf.clear();
            if compat {
                buf.extend(chunk.nfkc());
            } else {
                buf.extend(chunk.nfc());
            }
            if buf == chunk {
                rw.keep(range);
            } else {
                changed = true;
                rw.replace(range, &buf);
            }
        };
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if c.is_ascii() && i > start {
                flush(start..i, rw);
                start = i;
            }
        }
        if start < s.len() {
            flush(start..s.len(), rw);
        }
    });
    changed
}

/// Whether `c` is horizontal whitespace: any Unicode whitespace but the line feed.
fn is_hspace(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

/// Whether [`spaces`] would change `s`: a whitespace char other than a single ASCII space
/// between two non-space chars on a line.
fn needs_spaces(s: &str) -> bool {
    let b = s.as_bytes();
    let mut prev_space_or_nl = true; // a line start counts as a newline
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            match x {
                b' ' => {
                    if prev_space_or_nl || matches!(b.get(i + 1), None | Some(b'\n')) {
                        return true;
                    }
                    prev_space_or_nl = true;
                }
                b'\n' => {
                    prev_space_or_nl = true;
                }
                b'\t' | 0x0b | 0x0c | b'\r' | 0x1c..=0x1f => return true,
                _ => prev_space_or_nl = false,
            }
            i += 1;
        } else {
            // Only a few lead bytes start a Unicode space (U+0085, U+00A0, U+1680, U+2000..,
            // U+3000); decode the char only then.
            let c = s[i..].chars().next().unwrap_or(' ');
            if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3) && c.is_whitespace() {
                return true;
            }
            prev_space_or_nl = false;
            i += c.len_utf8();
        }
    }
    false
}

/// Unicode spaces (NBSP, thin space, ideographic space, ...) and tabs to a plain space, runs of
/// them collapsed to one, and every line trimmed.
pub(crate) fn spaces(nt: &mut NormalizedText) -> bool {
    if !needs_spaces(nt.as_str()) {
        return false;
    }
    rewrite_spaces(nt);
    true
}

fn rewrite_spaces(nt: &mut NormalizedText) {
    nt.rewrite(|s, rw| {
        for (line_start, line) in lines_with_offsets(s) {
            let mut kept = line_start;
            let mut in_run: Option<usize> = None;
            let mut seen_text = false;
            for (j, c) in line.char_indices() {
                let i = line_start + j;
                if is_hspace(c) {
                    if in_run.is_none() {
                        rw.keep(kept..i);
                        in_run = Some(i);
                    }
                } else {
                    if let Some(run) = in_run.take() {
                        // One space between words; none at the start or end of the line.
                        if seen_text && c != '\n' {
                            if &s[run..i] == " " {
                                rw.keep(run..i);
                            } else {
                                rw.replace(run..i, " ");
                            }
                        }
                        kept = i;
                    }
                    if c != '\n' {
                        seen_text = true;
                    }
                }
            }
            // A trailing run (before the newline, or at the end) is dropped.
            if in_run.is_none() {
                rw.keep(kept..line_start + line.len());
            }
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

/// Whether [`blank_lines`] would change `s`.
fn needs_blank_lines(s: &str) -> bool {
    if s.starts_with('\n') || s.ends_with('\n') || s.contains("\n\n\n") {
        return true;
    }
    // A line of nothing but whitespace (only possible when `spaces` is off).
    lines_with_offsets(s).any(|(_, l)| {
        let c = l.trim_end_matches('\n');
        !c.is_empty() && c.starts_with(char::is_whitespace) && c.trim().is_empty()
    })
}

/// Runs of blank lines collapsed to one empty line (a paragraph break); blank lines at the start
/// and end dropped, and the final newline too.
pub(crate) fn blank_lines(nt: &mut NormalizedText) -> bool {
    if !needs_blank_lines(nt.as_str()) {
        return false;
    }
    rewrite_blank_lines(nt);
    true
}

fn rewrite_blank_lines(nt: &mut NormalizedText) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pre_checks_agree_with_the_steps() {
        let cases = [
            ("clean", "a b\nc d\n\ne"),
            ("double space", "a  b"),
            ("leading space", " a"),
            ("trailing space", "a \nb"),
            ("space line", "a\n \nb"),
            ("tab", "a\tb"),
            ("nbsp", "a\u{a0}b"),
            ("ideographic space", "a\u{3000}b"),
            ("non-space 0xE2 char", "a\u{2019}b"),
            ("three newlines", "a\n\n\nb"),
            ("leading newline", "\na"),
            ("trailing newline", "a\n"),
        ];
        for (name, s) in cases {
            let mut nt = NormalizedText::identity(s);
            rewrite_spaces(&mut nt);
            assert_eq!(needs_spaces(s), nt.as_str() != s, "case {name} (spaces)");
            let mut nt = NormalizedText::identity(s);
            rewrite_blank_lines(&mut nt);
            assert_eq!(
                needs_blank_lines(s),
                nt.as_str() != s,
                "case {name} (blank lines)"
            );
        }
    }

    #[test]
    fn soft_hyphen_at_line_end_joins_the_word() {
        let mut nt = NormalizedText::identity("inter\u{AD}\n  national and ba\u{AD}ku");
        assert!(format_chars(&mut nt));
        assert_eq!(nt.as_str(), "international and baku");
    }

    #[test]
    fn unicode_form_reports_no_change_on_normalized_text() {
        let mut nt = NormalizedText::identity("Café Баку");
        assert!(!unicode_form(&mut nt, false));
        let mut nt = NormalizedText::identity("ﬁ");
        assert!(!unicode_form(&mut nt, false));
        assert!(unicode_form(&mut nt, true));
        assert_eq!(nt.as_str(), "fi");
    }
}
