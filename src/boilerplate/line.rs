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
    ///
    /// (The newlines found by `memchr`, counted first for the vector's size: the standard
    /// library's `split_inclusive` searches byte by byte, and every document is split.)
    pub(crate) fn split(text: &'a str) -> Vec<Line<'a>> {
        let bytes = text.as_bytes();
        let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
        let mut at = 0;
        for nl in memchr::memchr_iter(b'\n', bytes) {
            lines.push(Line {
                range: (at, nl + 1),
                text: text[at..nl + 1].trim(),
            });
            at = nl + 1;
        }
        if at < text.len() {
            lines.push(Line {
                range: (at, text.len()),
                text: text[at..].trim(),
            });
        }
        lines
    }
}

/// Every maximal run of the non-blank lines of `lines` for which `is` holds (blank lines do not
/// break a run), in order, as line indices; `each` is given every run (a menu, a table's rows).
pub(crate) fn runs(lines: &[Line<'_>], is: impl Fn(usize) -> bool, mut each: impl FnMut(&[usize])) {
    let mut run: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.text.is_empty() {
            continue;
        }
        if is(i) {
            run.push(i);
        } else if !run.is_empty() {
            each(&run);
            run.clear();
        }
    }
    if !run.is_empty() {
        each(&run);
    }
}

/// The whitespace-separated tokens of `text`: what `str::split_whitespace` gives, read byte by
/// byte. An ASCII byte is whitespace when `char::is_whitespace` says so (tab to carriage return,
/// space); every other whitespace character (Unicode `White_Space`) starts with `C2`, `E1`, `E2` or
/// `E3`, bytes that only ever start a character, so only there is a character decoded. The lines
/// the heuristics split are mostly ASCII: no UTF-8 decoding for them.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// What a byte tells [`Words`]: 0 no whitespace starts here, 1 an ASCII whitespace character, 2
/// a character that may be whitespace starts here (decode it).
static SPACE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => 2,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// Iterator of [`words`].
pub(crate) struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl Words<'_> {
    /// The byte length of the whitespace character at `at`, or 0 when there is none.
    #[inline]
    fn space_at(&self, at: usize) -> usize {
        match SPACE_CLASS[usize::from(self.text.as_bytes()[at])] {
            0 => 0,
            1 => 1,
            _ => match self.text[at..].chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => 0,
            },
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        // Skip whitespace.
        while self.at < len {
            match self.space_at(self.at) {
                0 => break,
                n => self.at += n,
            }
        }
        if self.at >= len {
            return None;
        }
        let start = self.at;
        // The whitespace character that ends the word is skipped here: `word_end` has classed
        // it already, and the next call's skip loop would class it again.
        let (end, space) = self.word_end(start + 1);
        self.at = end + space;
        Some(&self.text[start..end])
    }
}

impl Words<'_> {
    /// The first whitespace character at or after `at` (or the end), and its byte length (0 at the
    /// end): the end of the word that started before `at`. Eight bytes at a time, each word being mostly bytes that cannot start
    /// whitespace: [`may_space`] flags the bytes that can (below `!` or a lead byte `C0..FF`), and
    /// only those are classed. (A byte other than the lead bytes of [`SPACE_CLASS`] never starts
    /// a whitespace character: continuation bytes are 80..BF.)
    #[inline]
    fn word_end(&self, mut at: usize) -> (usize, usize) {
        let b = self.text.as_bytes();
        while let Some(chunk) = b.get(at..at + 8) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let flags = may_space(u64::from_le_bytes(eight));
            if flags == 0 {
                at += 8;
                continue;
            }
            at += (flags.trailing_zeros() / 8) as usize;
            match self.space_at(at) {
                0 => at += 1,
                n => return (at, n),
            }
        }
        while at < b.len() {
            match self.space_at(at) {
                0 => at += 1,
                n => return (at, n),
            }
        }
        (at, 0)
    }
}

/// The high bit of the bytes of `x` (little-endian) that may start a whitespace character: below
/// `!` (0x21), or a UTF-8 lead byte (its two high bits set). Exact at the lowest flagged byte (the
/// only one [`Words::word_end`] reads): the subtraction's borrow can flag a byte above a byte
/// below 0x21, never one under it.
#[inline]
fn may_space(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = x.wrapping_sub(0x2121_2121_2121_2121) & !x & HIGH;
    let lead = x & (x << 1) & HIGH;
    below | lead
}

/// Strips the punctuation around a token. Fast path: a token that starts with an ASCII letter or
/// digit loses at most one ASCII punctuation byte at its end (the comma or full stop after a
/// word) when the byte then at the end is an ASCII letter or digit: what was cut was ASCII
/// punctuation (ASCII bytes are whole characters), so the slice is what `trim_matches` keeps.
/// Whether there is a byte to cut is a table lookup, no branch: a word ending in punctuation is
/// as good as random from one word to the next. Otherwise (a non-ASCII character at either edge, more punctuation)
/// a byte scan, then the char-level trim decides. (Inlined: asked of every word of every line,
/// where the call cost a fifth of the work.)
#[inline(always)]
pub(crate) fn bare(token: &str) -> &str {
    let b = token.as_bytes();
    let n = b.len();
    if n >= 2 && EDGE[usize::from(b[0])] == ALNUM {
        // One punctuation byte after the word (or none) is cut without a branch.
        let e = n - 1 - usize::from(EDGE[usize::from(b[n - 1])] == PUNCT);
        if EDGE[usize::from(b[e])] == ALNUM {
            return &token[..=e];
        }
    }
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

/// [`EDGE`]: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`EDGE`]: ASCII, not a letter or digit (what [`bare`] cuts).
const PUNCT: u8 = 2;

/// What [`bare`] sees in a byte at a token's edge: [`ALNUM`], [`PUNCT`], or 0 (not ASCII).
static EDGE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() {
            ALNUM
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

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
    if let Some(lower) = lowercase_bytes(word, &mut buf) {
        return f(lower);
    }
    // (A word too long for the buffer is lowercased on the heap, character by character too:
    // `str::to_lowercase` would give a final sigma there only.)
    let heap = || {
        word.chars()
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let mut len = 0;
    for c in word.chars() {
        for l in c.to_lowercase() {
            if len + l.len_utf8() > buf.len() {
                return f(&heap());
            }
            len += l.encode_utf8(&mut buf[len..]).len();
        }
    }
    match std::str::from_utf8(&buf[..len]) {
        Ok(lower) => f(lower),
        Err(_) => f(&heap()),
    }
}

/// `word` lowercased byte by byte into `buf`, when every character is ASCII, basic Cyrillic
/// (U+0400..U+045F) or General Punctuation (U+2000..U+207F: the apostrophe and dashes inside
/// words, "don’t", "Jean—Paul"); `None` for any other character, or a word longer than `buf`.
/// The lowercase of each is one character of the same length: an ASCII letter's; a Cyrillic
/// capital's, U+0410..U+042F plus 0x20 (`D0 90..D0 AF` to `D0 B0..D0 BF` and `D1 80..D1 8F`),
/// U+0400..U+040F plus 0x50 (`D0 80..D0 8F` to `D1 90..D1 9F`); the others are their own. The
/// words with a non-ASCII character that the line features look up are mostly these, where
/// `char::to_lowercase` searched the case table for every character.
/// `lowercase_bytes_is_to_lowercase` holds it to the character loop.
fn lowercase_bytes<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let b = word.as_bytes();
    let out = buf.get_mut(..b.len())?;
    let mut i = 0;
    while i < b.len() {
        match (b[i], b.get(i + 1).copied().unwrap_or(0)) {
            (a, _) if a.is_ascii() => {
                out[i] = a.to_ascii_lowercase();
                i += 1;
            }
            (0xD0, c @ 0x80..=0xBF) => {
                [out[i], out[i + 1]] = match c {
                    0x80..=0x8F => [0xD1, c + 0x10],
                    0x90..=0x9F => [0xD0, c + 0x20],
                    0xA0..=0xAF => [0xD1, c - 0x20],
                    _ => [0xD0, c],
                };
                i += 2;
            }
            (0xD1, c @ 0x80..=0x9F) => {
                [out[i], out[i + 1]] = [0xD1, c];
                i += 2;
            }
            (0xE2, 0x80 | 0x81) => {
                // (The third byte: the string is UTF-8, so it is there.)
                out[i..i + 3].copy_from_slice(&b[i..i + 3]);
                i += 3;
            }
            _ => return None,
        }
    }
    std::str::from_utf8(out).ok()
}

/// An ASCII word of at most 7 bytes, lowercased into the low 7 bytes of a `u64` with its length in
/// the top byte (so no two words share a key); `None` for a longer or non-ASCII word. The
/// stopword tables key their ASCII words by it: a lookup without string hashing.
///
/// Built in a register (byte `i` of the word in bits `8i..8i+8`, as `u64::from_le_bytes` of the
/// padded bytes reads it) and lowercased eight bytes at once: asked for every word of every line,
/// where copying into a buffer cost a `memcpy` call.
#[inline]
pub(crate) fn ascii_key(word: &[u8]) -> Option<u64> {
    if word.len() > 7 {
        return None;
    }
    let mut x = 0u64;
    for (i, &b) in word.iter().enumerate() {
        x |= u64::from(b) << (8 * i);
    }
    packed_key(x, word.len())
}

/// [`ascii_key`] of `word`, a slice of `text` (the word of a line being looked up): the word's
/// bytes are read from `text` in one eight-byte load when the line has eight bytes from the
/// word's start (most words are not the last of their line), instead of byte by byte. A word
/// that does not start inside `text` gets the plain [`ascii_key`]: the load reads `text` at the
/// word's own address, so it reads the word whatever slice it is.
#[inline]
pub(crate) fn ascii_key_within(text: &str, word: &str) -> Option<u64> {
    let n = word.len();
    if n > 7 {
        return None;
    }
    let at = (word.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    match text.as_bytes().get(at..at.wrapping_add(8)) {
        Some(chunk) if n > 0 => {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            // The word's n bytes, the bytes after it cleared.
            packed_key(u64::from_le_bytes(eight) & (u64::MAX >> (64 - 8 * n)), n)
        }
        _ => ascii_key(word.as_bytes()),
    }
}

/// [`ascii_key`] of the first seven bytes of `word` (all of a shorter word): for a word of eight
/// bytes or more, from one eight-byte load instead of byte by byte (the long-word filters of the
/// stopword sets ask it of every long word).
#[inline]
pub(crate) fn ascii_head_key(word: &[u8]) -> Option<u64> {
    match word.get(..8) {
        Some(chunk) => {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            packed_key(u64::from_le_bytes(eight) & (u64::MAX >> 8), 7)
        }
        None => ascii_key(&word[..word.len().min(7)]),
    }
}

/// The key of [`ascii_key`] from the word's `len` bytes packed in `x` (byte `i` in bits
/// `8i..8i+8`, the rest zero).
#[inline]
fn packed_key(x: u64, len: usize) -> Option<u64> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if x & HIGH != 0 {
        // Not ASCII.
        return None;
    }
    // Every byte is below 0x80, so adding a byte below 0x80 carries into no other byte: the high
    // bit of `x + (0x80 - 'A')` says `>= 'A'`, of `x + (0x80 - 'Z' - 1)` says `> 'Z'`.
    let splat = |b: u8| 0x0101_0101_0101_0101 * u64::from(b);
    let upper = (x + splat(0x80 - b'A')) & !(x + splat(0x80 - b'Z' - 1)) & HIGH;
    Some((x | upper >> 2) | (len as u64) << 56)
}

/// Whether `word` is ASCII: for a word of eight bytes or more (a word too long for
/// [`ascii_key`]), its first and its last eight bytes in two loads, no loop (the middle ones too
/// for a word over 16 bytes, rare). `<[u8]>::is_ascii` goes byte by byte on a slice this short,
/// a loop whose exit fell at another count for every long word of a line.
#[inline]
pub(crate) fn is_ascii_word(word: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let n = word.len();
    if n < 8 {
        return word.is_ascii();
    }
    let load = |at: usize| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&word[at..at + 8]);
        u64::from_le_bytes(eight)
    };
    (load(0) | load(n - 8)) & HIGH == 0 && (n <= 16 || word[8..n - 8].is_ascii())
}

/// [`ascii_key`] by copying and lowercasing a buffer (the reference the fast path is tested
/// against).
#[cfg(test)]
pub(crate) fn ascii_key_plain(word: &[u8]) -> Option<u64> {
    if word.len() > 7 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    buf[7] = word.len() as u8;
    Some(u64::from_le_bytes(buf))
}

/// Whether a byte E3..E9 or EF (the lead bytes of Chinese and Japanese characters) occurs.
/// Asked of every line, and most lines have none: first whether any byte is E3 or above, eight
/// bytes at a time and without a branch until the end (OR-ed over the line; the last eight
/// bytes are read as one word too, overlapping the words before them, where a loop over the
/// bytes left took another mispredicted exit a line), and only then the exact test byte by byte
/// (lines with emoji, Korean, or the CJK lines themselves; see `stopwords::is_cjk`). A byte `b` with its high bit set is
/// E3 or above exactly when `(b & 0x7F) + 0x1D` has bit 7 set (no carry leaves the byte:
/// `(b & 0x7F) + 0x1D` is at most 0x9C). The 16-byte block fold this replaces was vectorized
/// into some 70 instructions a block. A proptest holds it to the byte loop.
pub(crate) fn has_cjk_lead(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const TO_E3: u64 = 0x1D1D_1D1D_1D1D_1D1D;
    let lead = |c: &u8| matches!(c, 0xE3..=0xE9 | 0xEF);
    let n = b.len();
    if n < 8 {
        return b.iter().any(lead);
    }
    let word = |chunk: &[u8]| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        ((x & LOW7) + TO_E3) & x
    };
    let mut chunks = b.chunks_exact(8);
    let mut high = chunks.by_ref().fold(0, |high, chunk| high | word(chunk));
    if !chunks.remainder().is_empty() {
        high |= word(&b[n - 8..]);
    }
    high & HIGH != 0 && b.iter().any(lead)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Runs of the lines a predicate holds for: blank lines do not break them, another line does.
    #[test]
    fn runs_skip_blank_lines() {
        let text = "a1\n\na2\nb\na3\n\n\na4\na5\nb";
        let lines = Line::split(text);
        let mut found: Vec<Vec<&str>> = Vec::new();
        runs(
            &lines,
            |i| lines[i].text.starts_with('a'),
            |run| found.push(run.iter().map(|&i| lines[i].text).collect()),
        );
        assert_eq!(found, [vec!["a1", "a2"], vec!["a3", "a4", "a5"]]);
        let mut last = Vec::new();
        runs(&lines, |i| i >= 8, |run| last.push(run.to_vec()));
        assert_eq!(last, [vec![8, 9]]);
    }

    #[test]
    fn with_lowercase_is_to_lowercase() {
        let long = "İ".repeat(40);
        // (Not "ΟΔΟΣ": the final-sigma rule of str::to_lowercase needs context; see the doc.)
        for w in ["", "The", "ЧТОБЫ", "İstanbul", "ẞ", "Σ", "ᲀ", long.as_str()] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w:?}");
        }
        // A word too long for the stack is lowercased character by character too: no final
        // sigma there either.
        let long_sigma = format!("{}Σ", "Ω".repeat(40));
        assert_eq!(
            with_lowercase(&long_sigma, str::to_string),
            format!("{}σ", "ω".repeat(40))
        );
    }

    /// Every character between two letters splits them exactly when it is whitespace.
    #[test]
    fn words_splits_at_every_whitespace_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            // (The long form puts it inside an eight-byte chunk of `word_end`.)
            for t in [
                format!("a{c}b {c}"),
                format!("abcdefgh{c}ijklmnopq {c}stuvwxyz"),
            ] {
                let want: Vec<&str> = t.split_whitespace().collect();
                assert_eq!(words(&t).collect::<Vec<_>>(), want, "U+{:04X}", c as u32);
            }
        }
    }

    /// Every character the byte lowercasing takes is one whose lowercase is one character of
    /// the same length, the one the bytes give.
    #[test]
    fn lowercase_bytes_is_to_lowercase_on_every_character() {
        let mut taken = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let w = c.to_string();
            let mut buf = [0u8; 64];
            if let Some(lower) = lowercase_bytes(&w, &mut buf) {
                taken += 1;
                assert_eq!(lower, w.to_lowercase(), "U+{:04X}", c as u32);
            }
        }
        // ASCII, U+0400..U+045F, U+2000..U+207F.
        assert_eq!(taken, 128 + 0x60 + 0x80);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The words are `split_whitespace`'s on any text (the eight-byte scan and the last
        /// bytes alike).
        #[test]
        fn words_are_split_whitespace(t in r"([a-z]{1,9}|[ \t\n\x{a0}\x{2003}\x{3000}\x{85}]|\PC){0,24}") {
            let want: Vec<&str> = t.split_whitespace().collect();
            prop_assert_eq!(words(&t).collect::<Vec<_>>(), want);
        }

        /// The word scan finds a lead byte where the byte loop does (any bytes, any length
        /// around the eight-byte words).
        #[test]
        fn has_cjk_lead_is_the_byte_loop(b in proptest::collection::vec(prop_oneof![
            8 => 0u8..0x80,
            2 => 0x80u8..=0xFF,
            1 => 0xE3u8..=0xE9,
        ], 0..70)) {
            prop_assert_eq!(
                has_cjk_lead(&b),
                b.iter().any(|&c| matches!(c, 0xE3..=0xE9 | 0xEF))
            );
        }

        #[test]
        fn split_is_lines_with_offsets_trimmed(text in "(?s)[a b\n\t\u{a0}\u{2028}é]{0,40}") {
            let want: Vec<((usize, usize), &str)> = crate::normalize::lines_with_offsets(&text)
                .map(|(at, l)| ((at, at + l.len()), l.trim()))
                .collect();
            let got: Vec<((usize, usize), &str)> =
                Line::split(&text).iter().map(|l| (l.range, l.text)).collect();
            prop_assert_eq!(got, want);
        }

        /// The byte lowercasing lowercases as the character loop does, or leaves the word to
        /// it: Cyrillic of every case, punctuation inside words, other scripts, long words.
        #[test]
        fn lowercase_bytes_is_to_lowercase(w in r"([a-zA-Z’—–]|[\u{400}-\u{45F}]|[\u{460}-\u{4FF}]|[\u{2000}-\u{207F}]|[éÉ\u{212A}İ]|\PC){0,40}") {
            let mut buf = [0u8; 64];
            if let Some(lower) = lowercase_bytes(&w, &mut buf) {
                prop_assert_eq!(lower, w.to_lowercase(), "{:?}", w);
            }
            prop_assert_eq!(with_lowercase(&w, str::to_string), w.chars().flat_map(char::to_lowercase).collect::<String>(), "{:?}", w);
        }

        /// The byte-level `words` splits as `split_whitespace` does.
        #[test]
        fn words_is_split_whitespace(t in "([ a-z\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{1680}\u{2000}\u{200a}\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}\u{3001}¢ခ€]|\\PC){0,16}") {
            let want: Vec<&str> = t.split_whitespace().collect();
            prop_assert_eq!(words(&t).collect::<Vec<_>>(), want, "{:?}", t);
        }

        /// The same on long words, where `words` scans eight bytes at a time: whitespace and
        /// control characters, ASCII and multi-byte characters at every position of a chunk.
        #[test]
        fn words_is_split_whitespace_on_long_words(t in "([ a-z\t\n\u{1}\u{1f}!\u{85}\u{a0}\u{a9}\u{2000}\u{2019}\u{3000}ж€𝄞]{1,12}|[a-z]{8,20}){0,8}") {
            let want: Vec<&str> = t.split_whitespace().collect();
            prop_assert_eq!(words(&t).collect::<Vec<_>>(), want, "{:?}", t);
        }

        /// The register-built key is the buffer-built key, on every byte value.
        #[test]
        fn ascii_key_is_the_buffer_key(w in proptest::collection::vec(any::<u8>(), 0..10), letters in "[a-zA-Z@\\[`{0-9]{0,9}") {
            prop_assert_eq!(ascii_key(&w), ascii_key_plain(&w), "{:?}", w);
            prop_assert_eq!(ascii_key(letters.as_bytes()), ascii_key_plain(letters.as_bytes()), "{:?}", letters);
        }

        /// The key read from the line is the word's own key, for every word of the line (bare
        /// or not, at the line's end or not) and for a word that is not in the line.
        #[test]
        fn ascii_key_within_is_ascii_key(t in "([a-zA-Z0-9.,'\"()]{1,9}[ \t]|\\PC){0,10}", other in "[a-zA-Z]{0,8}") {
            for w in words(&t).chain(words(&t).map(bare)) {
                prop_assert_eq!(ascii_key_within(&t, w), ascii_key(w.as_bytes()), "{:?} in {:?}", w, t);
            }
            prop_assert_eq!(ascii_key_within(&t, &other), ascii_key(other.as_bytes()));
        }

        /// The head key from one load is the key of the first seven bytes, on every byte value.
        #[test]
        fn ascii_head_key_is_the_key_of_seven_bytes(w in proptest::collection::vec(any::<u8>(), 0..12), letters in "[a-zA-Z@\\[`{0-9]{0,12}") {
            for w in [&w[..], letters.as_bytes()] {
                prop_assert_eq!(ascii_head_key(w), ascii_key(&w[..w.len().min(7)]), "{:?}", w);
            }
        }

        /// The two-load ASCII test is `is_ascii`, at every length and position of a non-ASCII
        /// byte.
        #[test]
        fn is_ascii_word_is_is_ascii(w in "[a-z\u{e9}\u{7f}\u{80}]{0,40}") {
            prop_assert_eq!(is_ascii_word(w.as_bytes()), w.is_ascii(), "{:?}", w);
        }

        /// The byte-scan `bare` keeps what the char-level trim keeps.
        #[test]
        fn bare_is_the_char_trim(t in "([a-zA-Z0-9.,:;!?()'\"«»—#]|\\PC){0,12}") {
            prop_assert_eq!(bare(&t), bare_chars(&t), "{:?}", t);
        }
    }
}
