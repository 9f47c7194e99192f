//! The line every boilerplate layer examines, and the word helpers they share: a leaf module (it
//! imports nothing from the stage), so the layers depend on it and never on the stage entry.
//!
//! Policy: a line is judged trimmed, by its words stripped of surrounding punctuation ([`bare`]),
//! looked up lowercased ([`with_lowercase`]); both have a fast path for ASCII that the tests hold
//! to the obvious char-level code.

/// A line of the text being examined.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    /// Byte range including the trailing newline, if any.
    pub range: (usize, usize),
    /// The trimmed content.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// Every line of `text` (see [`crate::normalize::lines_with_offsets`]), trimmed.
    pub(crate) fn split(text: &'a str) -> Vec<Line<'a>> {
        crate::normalize::lines_with_offsets(text)
            .map(|(at, l)| Line {
                range: (at, at + l.len()),
                text: l.trim(),
            })
            .collect()
    }
}

/// Strips the punctuation around a token. Fast path: when the first and the last byte kept by a
/// byte scan are ASCII letters or digits, everything cut before and after them was ASCII
/// punctuation (ASCII bytes are whole characters), so the slice is what `trim_matches` keeps;
/// otherwise (a non-ASCII character at either edge) the char-level trim decides.
pub(crate) fn bare(token: &str) -> &str {
    let b = token.as_bytes();
    let keep = |c: &u8| !c.is_ascii() || c.is_ascii_alphanumeric();
    let Some(start) = b.iter().position(keep) else {
        // Only ASCII punctuation and spaces.
        return "";
    };
    let end = b.iter().rposition(keep).unwrap_or(start);
    if b[start].is_ascii() && b[end].is_ascii() {
        return &token[start..=end];
    }
    bare_chars(token)
}

/// [`bare`] by characters (the reference the fast path is tested against).
pub(crate) fn bare_chars(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `f` of `word` lowercased, on the stack when it fits (the short words the heuristics look up),
/// so the per-word lookups of every line allocate nothing.
///
/// Lowercases character by character, so a Greek capital sigma at a word's end gives `σ` where
/// `str::to_lowercase` gives `ς`; the callers only look words up in English and Russian sets,
/// where that cannot change an answer.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if word.is_ascii() && word.len() <= buf.len() {
        // ASCII lowercases byte for byte.
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return f(std::str::from_utf8(lower).unwrap_or_default());
    }
    let mut len = 0;
    for c in word.chars() {
        for l in c.to_lowercase() {
            if len + l.len_utf8() > buf.len() {
                return f(&word.to_lowercase());
            }
            len += l.encode_utf8(&mut buf[len..]).len();
        }
    }
    match std::str::from_utf8(&buf[..len]) {
        Ok(lower) => f(lower),
        Err(_) => f(&word.to_lowercase()),
    }
}

/// An ASCII word of at most 7 bytes, lowercased into the low 7 bytes of a `u64` with its length in
/// the top byte (so no two words share a key); `None` for a longer or non-ASCII word. The
/// stopword tables key their ASCII words by it: a lookup without string hashing.
pub(crate) fn ascii_key(word: &[u8]) -> Option<u64> {
    if word.len() > 7 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    buf[7] = word.len() as u8;
    Some(u64::from_le_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn with_lowercase_is_to_lowercase() {
        let long = "İ".repeat(40);
        // (Not "ΟΔΟΣ": the final-sigma rule of str::to_lowercase needs context; see the doc.)
        for w in ["", "The", "ЧТОБЫ", "İstanbul", "ẞ", "Σ", "ᲀ", long.as_str()] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The byte-scan `bare` keeps what the char-level trim keeps.
        #[test]
        fn bare_is_the_char_trim(t in "([a-zA-Z0-9.,:;!?()'\"«»—#]|\\PC){0,12}") {
            prop_assert_eq!(bare(&t), bare_chars(&t), "{:?}", t);
        }
    }
}
