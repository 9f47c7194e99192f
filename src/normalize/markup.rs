//! Leftovers of markup in exported text: HTML character references and stray blockquote
//! markers.
//!
//! * `html_entities`: `&amp;`, `&#8217;`, `&#x2019;`, `&nbsp;` and every HTML5 named reference
//!   (table from the `html-escape` crate) are decoded; only references closed by `;` count, so
//!   "AT&T" or "R&D;" stay. Numeric references in 0x80..=0x9F are read as windows-1252 (as
//!   browsers do: `&#146;` is a right quote); NUL, surrogates and C0/C1 controls other than tab,
//!   line feed and carriage return are left as written. The decoded character maps to the raw bytes of the whole
//!   reference. A double-escaped `&amp;quot;` (or deeper) decodes to `"`.
//! * `markup`: a blockquote marker `>` (or `>>`, `> >`) at the start of a line, and a lone `>`
//!   between a space and an opening quotation mark (a quote whose markup was lost: `asserted, >
//!   "We are ...`), are removed with the spaces after them.

use crate::text::NormalizedText;

/// Decodes HTML character references. Returns whether the text changed.
pub(crate) fn html_entities(nt: &mut NormalizedText) -> bool {
    let s = nt.as_str();
    let Some(first) = s.find('&') else {
        return false;
    };
    if !s[first..]
        .match_indices('&')
        .any(|(i, _)| reference_at(&s[first + i..]).is_some())
    {
        return false;
    }
    nt.rewrite(|s, rw| {
        let mut kept = 0;
        let mut buf = [0u8; 8];
        for (i, _) in s.match_indices('&') {
            if i < kept {
                continue;
            }
            if let Some((len, value)) = reference_at(&s[i..]) {
                rw.keep(kept..i);
                let with = match value {
                    Decoded::Char(c) => &*c.encode_utf8(&mut buf),
                    Decoded::Str(v) => v,
                };
                rw.replace(i..i + len, with);
                kept = i + len;
            }
        }
        rw.keep(kept..s.len());
    });
    true
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

/// The character reference at the start of `s` (which starts with `&`): its length in bytes and
/// what it decodes to. A reference that decodes to `&` and is followed by the rest of another
/// (`&amp;quot;`, double-escaped text) decodes to what that one stands for.
fn reference_at(s: &str) -> Option<(usize, Decoded)> {
    let (mut len, mut value) = reference_body(&s[1..])?;
    len += 1;
    while matches!(value, Decoded::Str("&") | Decoded::Char('&')) {
        match reference_body(&s[len..]) {
            Some((more, v)) => {
                len += more;
                value = v;
            }
            None => break,
        }
    }
    Some((len, value))
}

/// A reference without its `&`: `amp;`, `#8217;`, `#x2019;`.
fn reference_body(s: &str) -> Option<(usize, Decoded)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (digits_at, radix, max) = match b.get(1) {
            Some(b'x' | b'X') => (2, 16, 6),
            _ => (1, 10, 7),
        };
        let n = b[digits_at.min(b.len())..]
            .iter()
            .take(max + 1)
            .take_while(|c| c.is_ascii_hexdigit() && (radix == 16 || c.is_ascii_digit()))
            .count();
        if n == 0 || n > max || b.get(digits_at + n) != Some(&b';') {
            return None;
        }
        let code = u32::from_str_radix(&s[digits_at..digits_at + n], radix).ok()?;
        return numeric_char(code).map(|c| (digits_at + n + 1, Decoded::Char(c)));
    }
    // Named: the longest HTML5 name is 31 bytes.
    let n = b
        .iter()
        .take(33)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if n == 0 || n > 32 || b.get(n) != Some(&b';') {
        return None;
    }
    let i = html_escape::NAMED_ENTITIES
        .binary_search_by(|(t, _)| (*t).cmp(&b[..n]))
        .ok()?;
    Some((n + 1, Decoded::Str(html_escape::NAMED_ENTITIES[i].1)))
}

/// The character a numeric reference stands for, as HTML5 reads it; `None` keeps it as written.
fn numeric_char(code: u32) -> Option<char> {
    if (0x80..=0x9F).contains(&code) {
        // Browsers read these as windows-1252 (&#146; is a right single quote).
        let byte = [code as u8];
        let (s, _, bad) = encoding_rs::WINDOWS_1252.decode(&byte);
        return if bad {
            None
        } else {
            s.chars().next().filter(|c| !c.is_control())
        };
    }
    let c = char::from_u32(code)?;
    if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
        return None;
    }
    Some(c)
}

/// Opening quotation marks a lost blockquote marker can stand before.
fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{2018}'
            | '\u{201E}'
            | '\u{201A}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{300C}'
            | '\u{300E}'
    )
}

/// Horizontal whitespace (any Unicode whitespace but the line feed).
fn is_hspace(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

/// End (exclusive) of a run of `>` markers and the spaces after them starting at `i`, where
/// `s[i..]` starts with `>`.
fn marker_run_end(s: &str, mut i: usize) -> usize {
    loop {
        if !s[i..].starts_with('>') {
            return i;
        }
        i += 1;
        i += s[i..]
            .char_indices()
            .find(|&(_, c)| !is_hspace(c))
            .map_or(s.len() - i, |(j, _)| j);
    }
}

/// Finds the stray markers in `s`: byte ranges to delete, in order.
fn stray_markers(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut line_start = 0;
    // Where the current line's first non-space char is (each line is scanned once).
    let mut first_text = first_non_space(s, 0);
    while let Some(j) = s[at..].find('>') {
        let i = at + j;
        if let Some(n) = s[at..i].rfind('\n') {
            line_start = at + n + 1;
            first_text = first_non_space(s, line_start);
        }
        let end = marker_run_end(s, i);
        let blockquote = first_text == i;
        let before_quote =
            i > line_start && s[..i].ends_with(is_hspace) && s[end..].starts_with(is_opening_quote);
        if blockquote || before_quote {
            out.push(i..end);
        }
        at = end.max(i + 1);
    }
    out
}

/// Byte offset of the first char at or after `from` that is not horizontal whitespace.
fn first_non_space(s: &str, from: usize) -> usize {
    s[from..]
        .char_indices()
        .find(|&(_, c)| !is_hspace(c))
        .map_or(s.len(), |(j, _)| from + j)
}

/// Removes stray blockquote markers. Returns whether the text changed.
pub(crate) fn markup(nt: &mut NormalizedText) -> bool {
    if !nt.as_str().contains('>') {
        return false;
    }
    let found = stray_markers(nt.as_str());
    if found.is_empty() {
        return false;
    }
    nt.rewrite(|s, rw| {
        let mut kept = 0;
        for r in found {
            rw.keep(kept..r.start);
            kept = r.end;
        }
        rw.keep(kept..s.len());
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(s: &str) -> String {
        let mut nt = NormalizedText::identity(s);
        html_entities(&mut nt);
        nt.check_invariants(s.len()).unwrap();
        nt.into_string()
    }

    fn strip(s: &str) -> String {
        let mut nt = NormalizedText::identity(s);
        markup(&mut nt);
        nt.check_invariants(s.len()).unwrap();
        nt.into_string()
    }

    #[test]
    fn entity_cases() {
        let cases = [
            ("amp", "Smith &amp; Wesson", "Smith & Wesson"),
            ("decimal", "Baku&#8217;s", "Baku\u{2019}s"),
            ("hex", "Baku&#x2019;s &#X2019;", "Baku\u{2019}s \u{2019}"),
            ("nbsp", "10&nbsp;km", "10\u{a0}km"),
            (
                "named",
                "&laquo;Azerbaijan&raquo; &mdash; &eacute;",
                "\u{ab}Azerbaijan\u{bb} \u{2014} \u{e9}",
            ),
            ("windows-1252 range", "&#146;", "\u{2019}"),
            ("no semicolon", "AT&T and R&D", "AT&T and R&D"),
            ("unknown name", "&foo; &;", "&foo; &;"),
            ("nul kept", "&#0; &#1;", "&#0; &#1;"),
            ("surrogate kept", "&#xD800;", "&#xD800;"),
            (
                "too large kept",
                "&#1114112; &#99999999;",
                "&#1114112; &#99999999;",
            ),
            (
                "double escaped",
                "&amp;quot; &amp;amp;amp;lt; &amp;",
                "\" < &",
            ),
            ("multi-char named", "&NotEqualTilde;", "\u{2242}\u{338}"),
            ("case matters", "&AMP; &Amp;", "& &Amp;"),
        ];
        for (name, input, want) in cases {
            assert_eq!(entities(input), want, "case {name}");
        }
    }

    #[test]
    fn an_entity_maps_to_its_whole_raw_reference() {
        let mut nt = NormalizedText::identity("a&#8217;b");
        html_entities(&mut nt);
        let i = nt.as_str().find('\u{2019}').unwrap();
        assert_eq!(nt.raw_range(i..i + 3), crate::text::RawRange::new(1, 8));
    }

    #[test]
    fn markup_cases() {
        let cases = [
            (
                "blockquote",
                "> quoted\n>> nested\n> > spaced\n>",
                "quoted\nnested\nspaced\n",
            ),
            ("indented blockquote", "  > text", "  text"),
            (
                "lone marker before a quote",
                "asserted, > \"We are\"",
                "asserted, \"We are\"",
            ),
            (
                "before a curly quote",
                "said > \u{201C}No\u{201D}",
                "said \u{201C}No\u{201D}",
            ),
            ("before guillemets", "сказал > «Нет»", "сказал «Нет»"),
            ("comparison kept", "if a > b then", "if a > b then"),
            ("arrow kept", "a -> \"b\"", "a -> \"b\""),
            ("glued kept", "x>\"y\"", "x>\"y\""),
            ("tag kept", "<b>\"x\"", "<b>\"x\""),
        ];
        for (name, input, want) in cases {
            assert_eq!(strip(input), want, "case {name}");
        }
    }
}
