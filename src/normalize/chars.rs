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

/// The high bit of every byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Whether a word (8 bytes) may hold a non-ASCII byte: exact.
fn word_has_non_ascii(w: u64) -> bool {
    w & HIGH != 0
}

/// Whether a word may hold a non-ASCII byte or an ASCII control byte (below 0x20): exact. For
/// ASCII bytes, `b - 0x20` sets the high bit only when `b < 0x20` or when a borrow comes from a
/// lower byte, and a borrow comes only from a lower byte below 0x20.
fn word_has_control_or_non_ascii(w: u64) -> bool {
    w & HIGH != 0 || w.wrapping_sub(0x2020_2020_2020_2020) & !w & HIGH != 0
}

/// The first byte of `b` that `pred` accepts, looking only into the 8-byte words `may_hold`
/// flags (a cheap word-at-a-time test that must flag every word with such a byte): most text
/// has long runs of bytes no pre-check cares about.
pub(crate) fn find_byte(
    b: &[u8],
    may_hold: impl Fn(u64) -> bool,
    pred: impl Fn(u8) -> bool,
) -> Option<usize> {
    let words = b.chunks_exact(8);
    let tail = b.len() - words.remainder().len();
    for (k, w) in words.enumerate() {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(w);
        if may_hold(u64::from_le_bytes(bytes)) {
            if let Some(n) = w.iter().position(|&x| pred(x)) {
                return Some(k * 8 + n);
            }
        }
    }
    b[tail..].iter().position(|&x| pred(x)).map(|n| tail + n)
}

/// Whether `s` has a char [`is_removable_format_char`] accepts. Only the chars whose UTF-8 lead
/// byte is one of the removable chars' lead bytes (C2, CD, D8, E1, E2, EF) are decoded; pure
/// ASCII costs one vectorized scan.
fn has_removable_format_char(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(n) = find_byte(&b[i..], word_has_non_ascii, |x| {
        matches!(x, 0xC2 | 0xCD | 0xD8 | 0xE1 | 0xE2 | 0xEF)
    }) {
        i += n;
        // A lead byte starts a char: `i` is a char boundary.
        let c = s[i..].chars().next().unwrap_or('\0');
        if is_removable_format_char(c) {
            return true;
        }
        i += c.len_utf8().max(1);
    }
    false
}

/// Removes invisible format characters. A soft hyphen at the end of a line marks a word broken
/// across the line: the soft hyphen, the line break and the next line's indentation go, so the
/// word is whole again ("inter\u{AD}\nnational" -> "international").
pub(crate) fn format_chars(nt: &mut NormalizedText) -> bool {
    if !has_removable_format_char(nt.as_str()) {
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
/// Whether normalization may start a new chunk at `c`: `c` is a starter (combining class 0) that
/// never composes with what precedes it. Such a char cannot change the chars before it, and
/// nothing before it changes how it normalizes, so cutting there keeps every changed chunk (and
/// so the raw range its output maps to) as small as the change itself: a KELVIN SIGN turning
/// into `K` maps to its own bytes, not to the word before it.
fn starts_chunk(c: char) -> bool {
    c.is_ascii()
        || (unicode_normalization::char::canonical_combining_class(c) == 0
            && !is_composition_secondary(c))
}

/// Starters that canonical composition joins to the char before them: Hangul vowel and
/// trailing-consonant jamo, and the Indic and other length marks and vowel signs of
/// combining class 0 that appear second in a canonical decomposition.
fn is_composition_secondary(c: char) -> bool {
    matches!(c,
        '\u{1161}'..='\u{1175}' | '\u{11A8}'..='\u{11C2}'
        | '\u{09BE}' | '\u{09D7}' | '\u{0B3E}' | '\u{0B56}' | '\u{0B57}' | '\u{0BBE}'
        | '\u{0BD7}' | '\u{0C56}' | '\u{0CC2}' | '\u{0CD5}' | '\u{0CD6}' | '\u{0D3E}'
        | '\u{0D57}' | '\u{0DCF}' | '\u{0DDF}' | '\u{102E}' | '\u{1B35}' | '\u{110BA}'
        | '\u{11127}' | '\u{1133E}' | '\u{11357}' | '\u{114B0}' | '\u{114BA}' | '\u{114BD}'
        | '\u{115AF}' | '\u{11930}')
}

/// Whether unicode-normalization's quick check says `s` is in NFC (NFKC with `compat`) for
/// sure. The check runs on the runs of non-ASCII chars only: it resets its state at every ASCII
/// char and passes it, so the text is `Yes` exactly when every run is (the tests compare with
/// the check on the whole text).
fn quick_check_yes(s: &str, compat: bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(n) = find_byte(&b[i..], word_has_non_ascii, |x| !x.is_ascii()) {
        let start = i + n;
        let end = b[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(b.len(), |m| start + m);
        let run = s[start..end].chars();
        let quick = if compat {
            unicode_normalization::is_nfkc_quick(run)
        } else {
            unicode_normalization::is_nfc_quick(run)
        };
        if quick != IsNormalized::Yes {
            return false;
        }
        i = end;
    }
    true
}

pub(crate) fn unicode_form(nt: &mut NormalizedText, compat: bool) -> bool {
    if quick_check_yes(nt.as_str(), compat) {
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
            if i > start && starts_chunk(c) {
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
///
/// Vectorized searches instead of one loop of branches: a space at either end, a pair of bytes
/// that makes a space bad (`"  "`, `"\n "`, `" \n"`); then a word-at-a-time scan that stops only
/// at control bytes (a whitespace one is bad) and at the lead bytes that can start a Unicode
/// space (U+0085, U+00A0, U+1680, U+2000.., U+3000: C2, E1, E2, E3), decoding only those chars. [`needs_spaces_reference`] is the one-loop version
/// (the tests check they agree).
fn needs_spaces(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return true;
    }
    // SIMD substring searches (std's short-needle path).
    if s.contains("  ") || s.contains(" \n") || s.contains("\n ") {
        return true;
    }
    let mut i = 0;
    while let Some(n) = find_byte(&b[i..], word_has_control_or_non_ascii, |x| {
        matches!(
            x,
            b'\t' | 0x0b | 0x0c | b'\r' | 0x1c..=0x1f | 0xC2 | 0xE1 | 0xE2 | 0xE3
        )
    }) {
        i += n;
        if b[i] < 0x80 {
            return true;
        }
        // A lead byte starts a char: `i` is a char boundary.
        let c = s[i..].chars().next().unwrap_or('\0');
        if c.is_whitespace() {
            return true;
        }
        i += c.len_utf8().max(1);
    }
    false
}

/// [`needs_spaces`] as one loop over the bytes: the reference the tests compare it with.
#[cfg(test)]
fn needs_spaces_reference(s: &str) -> bool {
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

    /// Pieces that exercise the pre-checks: spaces and line breaks in every neighbourhood,
    /// control whitespace, Unicode spaces and other chars with their lead bytes, format chars,
    /// combining marks and compatibility chars.
    const PIECES: &[&str] = &[
        "a", " ", "  ", "\n", "\t", "\r", "\u{b}", "\u{1c}", "\u{1f}", "\u{85}", "\u{a0}",
        "\u{1680}", "\u{2009}", "\u{2028}", "\u{3000}", "\u{2019}", "\u{2014}", "é", "e",
        "\u{301}", "\u{323}", "\u{ad}", "\u{200b}", "\u{200d}", "\u{feff}", "\u{fffa}", "\u{61c}",
        "\u{180e}", "\u{115f}", "\u{34f}", "Б", "ﬁ", "\u{212a}", "\u{1100}", "\u{1161}", "😀",
    ];

    proptest::proptest! {
        #[test]
        fn fast_pre_checks_match_the_obvious_ones(
            picks in proptest::collection::vec(0..PIECES.len(), 0..80)
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(needs_spaces(&s), needs_spaces_reference(&s));
            proptest::prop_assert_eq!(
                has_removable_format_char(&s),
                s.chars().any(is_removable_format_char)
            );
            for compat in [false, true] {
                let whole = if compat {
                    unicode_normalization::is_nfkc_quick(s.chars())
                } else {
                    unicode_normalization::is_nfc_quick(s.chars())
                };
                proptest::prop_assert_eq!(quick_check_yes(&s, compat), whole == IsNormalized::Yes);
            }
        }
    }

    #[test]
    fn word_tests_are_exact() {
        // Every byte value in every lane, among neighbours that borrow or not.
        for fill in [0x00u8, 0x1f, 0x20, 0x41, 0x7f] {
            for lane in 0..8 {
                for x in 0..=255u8 {
                    let mut bytes = [fill; 8];
                    bytes[lane] = x;
                    let w = u64::from_le_bytes(bytes);
                    let control_or_high = bytes.iter().any(|b| !(0x20..0x80).contains(b));
                    assert_eq!(
                        word_has_control_or_non_ascii(w),
                        control_or_high,
                        "{bytes:?}"
                    );
                    assert_eq!(word_has_non_ascii(w), !bytes.is_ascii(), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn find_byte_finds_the_first_across_words() {
        let mut b = vec![b'a'; 100];
        let z = |x: u8| x == b'\x1f' || x == 0xE2;
        assert_eq!(find_byte(&b, word_has_control_or_non_ascii, z), None);
        for at in [0, 7, 8, 9, 63, 64, 95, 96, 99] {
            for byte in [b'\x1f', 0xE2] {
                b[at] = byte;
                let got = find_byte(&b, word_has_control_or_non_ascii, z);
                assert_eq!(got, Some(at), "at {at}");
                b[at] = b'a';
            }
        }
    }

    #[test]
    fn soft_hyphen_at_line_end_joins_the_word() {
        let mut nt = NormalizedText::identity("inter\u{AD}\n  national and ba\u{AD}ku");
        assert!(format_chars(&mut nt));
        assert_eq!(nt.as_str(), "international and baku");
    }

    #[test]
    fn unicode_form_keeps_changed_chunks_small() {
        // KELVIN SIGN -> K: only its own bytes map to the new K, not the ';' before it.
        let mut nt = NormalizedText::identity("a;\u{212a}");
        assert!(unicode_form(&mut nt, false));
        assert_eq!(nt.as_str(), "a;K");
        assert_eq!(nt.raw_range(1..2), crate::text::RawRange::new(1, 2));
        assert_eq!(nt.raw_range(2..3), crate::text::RawRange::new(2, 5));
        // Hangul L + V compose across the chunk rule.
        let mut nt = NormalizedText::identity("\u{1100}\u{1161}");
        assert!(unicode_form(&mut nt, false));
        assert_eq!(nt.as_str(), "\u{AC00}");
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
