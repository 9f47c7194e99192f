//! Tokens for the rule matcher: Unicode word-boundary segments of the final text, each with its
//! shape, its place in the sentence and the lexicon mention that covers it.
//!
//! Policy choices:
//! * segmentation is UAX #29 word bounds (`unicode-segmentation`); whitespace segments are dropped
//!   but a newline among them is a hard boundary (paragraph, headline or list line);
//! * a possessive `'s` / `’s` is split off its word ("Shiriyev's" -> "Shiriyev", "'s"), so names
//!   stop before it as the guideline wants;
//! * sentence ends are `.`, `!`, `?`, `…` (closing quotes and brackets may follow), except after an
//!   abbreviation ("Mr.", "Dr.", "Gen.", "U.S.", a single initial "J.");
//! * `initial` marks a token that starts a sentence, a line, or follows a colon or an opening
//!   quote: there a capital letter says nothing about names;
//! * `titlecase` marks tokens on a short line written in Title Case (a headline), where capitals
//!   say nothing either.
//!
//! NOTE: offsets are byte offsets into the text the gazetteer saw, so rule mentions and lexicon
//! mentions share one coordinate system and go through the same alignment in the pipeline.

use super::words::{word_bounds_kinds, Kind};
use crate::gazetteer::Mention;

/// The case shape of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// First letter uppercase, some lowercase letter after it ("Baku", "McCain").
    Capitalized,
    /// Every letter uppercase ("FSB", "U.S", "A").
    Upper,
    /// Starts with a lowercase letter ("said", "iPhone").
    Lower,
    /// Starts with a digit ("2025", "3rd").
    Digit,
    /// No letter or digit ("(", "—", "'s" is not punct: it has a letter).
    Punct,
}

/// No lexicon mention covers the token.
pub const NO_MENTION: u32 = u32::MAX;

/// One token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset (inclusive) into the text.
    pub start: usize,
    /// Byte offset (exclusive) into the text.
    pub end: usize,
    /// Byte range of the lowercased form in [`Tokens::lower_buf`].
    pub lower: (u32, u32),
    /// Which of the document's distinct lowercased forms the token has (an index into
    /// [`Tokens::words`]): tokens compare equal lowercased exactly when their `word`s are equal.
    pub word: u32,
    /// Case shape.
    pub shape: Shape,
    /// Rules never span from the previous token to this one (sentence or line break between).
    pub boundary: bool,
    /// First word of a sentence or line, or right after a colon or opening quote.
    pub initial: bool,
    /// On a short Title Case line (a headline).
    pub titlecase: bool,
    /// A line break comes between the previous token and this one (set on the first token too).
    pub newline: bool,
    /// Index of the mention covering the token, or [`NO_MENTION`].
    pub mention: u32,
}

/// The tokens of one document, with one shared buffer of lowercased forms.
#[derive(Debug, Default)]
pub struct Tokens {
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Lowercased forms, concatenated (one allocation per document, not per token).
    pub lower_buf: Vec<u8>,
    /// For each distinct lowercased form, in order of first appearance, its first token.
    pub words: Vec<u32>,
    /// For each distinct lowercased form, its [`word_hash`].
    pub word_hashes: Vec<u64>,
    /// Open-addressing table from a form's hash to its number plus one (0: empty slot); its
    /// length is a power of two, at least twice the number of forms.
    table: Vec<u32>,
    /// `64 - log2(table.len())`: a hash's top bits pick its first slot.
    shift: u32,
}

/// The hash [`Tokens`] numbers lowercased forms by: FxHash's mixing step over the length and
/// then eight bytes at a time (the last word zero-padded).
pub fn word_hash(lower: &[u8]) -> u64 {
    lower
        .chunks(8)
        .fold(mix(0, lower.len() as u64), |h, c| mix(h, le_word(c)))
}

/// [`word_hash`]'s mixing step.
fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(0xf135_7aea_2e62_a9c5)
}

/// Up to eight bytes as a little-endian word, zero-padded.
fn le_word(c: &[u8]) -> u64 {
    match c.try_into() {
        Ok(eight) => u64::from_le_bytes(eight),
        Err(_) => c.iter().rev().fold(0u64, |w, &b| (w << 8) | u64::from(b)),
    }
}

/// The ASCII lowercasing of the eight bytes of `w` at once, all of them ASCII (below 0x80):
/// adding a constant to each byte sets its top bit where the byte is at least `A`, and where it
/// is past `Z`, with no carry into the next byte; the capitals get the 0x20 bit.
fn lower8(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = w + ONES * (0x80 - u64::from(b'A'));
    let past_z = w + ONES * (0x80 - u64::from(b'Z') - 1);
    let capital = at_least_a & !past_z & (ONES * 0x80);
    w | (capital >> 2)
}

/// Abbreviations whose trailing period does not end a sentence (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "sen",
    "rep", "gov", "amb", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
    "dept", "est", "fig", "hon", "mt", "rev", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
];

impl Tokens {
    /// Tokenizes `text`; `mentions` (sorted by start, non-overlapping) are attached to the tokens
    /// they overlap.
    pub fn new(text: &str, mentions: &[Mention]) -> Tokens {
        let slots = (text.len() / 16).next_power_of_two().max(64);
        let mut out = Tokens {
            tokens: Vec::with_capacity(text.len() / 5 + 1),
            lower_buf: Vec::with_capacity(text.len() + 16),
            words: Vec::new(),
            word_hashes: Vec::new(),
            table: vec![0; slots],
            shift: 64 - slots.trailing_zeros(),
        };
        let mut pending_break = true;
        word_bounds_kinds(text, |at, end, kind| {
            match kind {
                Kind::Space { newline } => pending_break |= newline,
                // One character, neither a letter nor a digit.
                Kind::Symbol => out.push_ascii(text, at, end, Shape::Punct, pending_break),
                Kind::Word => {
                    let poss = ascii_possessive(&text.as_bytes()[at..end]);
                    let word = &text[at..end - poss];
                    let w = at + word.len();
                    let shape = word_shape(word.as_bytes());
                    out.push_ascii(text, at, w, shape, pending_break);
                    if poss > 0 {
                        // `'s` or `'S`.
                        let shape = ascii_shape(&text.as_bytes()[w..end]);
                        out.push_ascii(text, w, end, shape, false);
                    }
                }
                Kind::Other => {
                    let seg = &text[at..end];
                    if seg.chars().all(char::is_whitespace) {
                        pending_break |= seg.contains('\n');
                        return;
                    }
                    let (word, poss) = split_possessive(seg);
                    out.push(text, at, at + word.len(), pending_break);
                    if poss > 0 {
                        out.push(text, at + word.len(), end, false);
                    }
                }
            }
            if !matches!(kind, Kind::Space { .. }) {
                pending_break = false;
            }
        });
        out.mark_sentences(text);
        out.mark_titlecase();
        // Tokens start with no mention.
        if !mentions.is_empty() {
            out.attach(mentions);
        }
        out
    }

    /// Appends the token `text[start..end]`, whatever its characters.
    fn push(&mut self, text: &str, start: usize, end: usize, line_break: bool) {
        let s = &text[start..end];
        if s.is_ascii() {
            let shape = ascii_shape(s.as_bytes());
            return self.push_ascii(text, start, end, shape, line_break);
        }
        let l0 = self.lower_buf.len();
        let mut utf8 = [0; 4];
        for c in s.chars().flat_map(char::to_lowercase) {
            self.lower_buf
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
        let hash = word_hash(&self.lower_buf[l0..]);
        self.push_token(start, end, l0, shape_of(s), hash, line_break);
    }

    /// Appends the all-ASCII token `text[start..end]` of shape `shape`.
    fn push_ascii(&mut self, text: &str, start: usize, end: usize, shape: Shape, line_break: bool) {
        let s = &text.as_bytes()[start..end];
        debug_assert!(s.is_ascii());
        // Lowercased and hashed (as `word_hash` does) eight bytes at a time; whole words are
        // appended, the padding cut off after.
        let l0 = self.lower_buf.len();
        let mut hash = mix(0, s.len() as u64);
        for c in s.chunks(8) {
            let w = lower8(le_word(c));
            self.lower_buf.extend_from_slice(&w.to_le_bytes());
            hash = mix(hash, w);
        }
        self.lower_buf.truncate(l0 + s.len());
        self.push_token(start, end, l0, shape, hash, line_break);
    }

    /// Appends a token whose lowercased form is `lower_buf[l0..]` and hashes to `hash`.
    fn push_token(
        &mut self,
        start: usize,
        end: usize,
        l0: usize,
        shape: Shape,
        hash: u64,
        line_break: bool,
    ) {
        let lower = (l0 as u32, self.lower_buf.len() as u32);
        let word = self.intern(hash, lower);
        self.tokens.push(Token {
            start,
            end,
            lower,
            word,
            shape,
            boundary: line_break,
            initial: line_break,
            titlecase: false,
            newline: line_break,
            mention: NO_MENTION,
        });
    }

    /// The number of the lowercased form `lower_buf[lower]` (hashing to `hash`), numbering it if
    /// it is new; call before pushing its token. Forms are compared exactly, the hash only
    /// picks the slot.
    fn intern(&mut self, hash: u64, lower: (u32, u32)) -> u32 {
        if (self.words.len() + 1) * 2 > self.table.len() {
            self.grow();
        }
        let buf = &self.lower_buf;
        let form = &buf[lower.0 as usize..lower.1 as usize];
        let mask = self.table.len() - 1;
        let mut p = (hash >> self.shift) as usize;
        loop {
            let slot = self.table[p];
            if slot == 0 {
                let id = self.words.len() as u32;
                self.table[p] = id + 1;
                self.words.push(self.tokens.len() as u32);
                self.word_hashes.push(hash);
                return id;
            }
            let w = (slot - 1) as usize;
            if self.word_hashes[w] == hash {
                let (a, b) = self.tokens[self.words[w] as usize].lower;
                if same(&buf[a as usize..b as usize], form) {
                    return w as u32;
                }
            }
            p = (p + 1) & mask;
        }
    }

    /// Doubles the number table.
    fn grow(&mut self) {
        let slots = self.table.len() * 2;
        self.table = vec![0; slots];
        self.shift = 64 - slots.trailing_zeros();
        let mask = slots - 1;
        for (w, &hash) in self.word_hashes.iter().enumerate() {
            let mut p = (hash >> self.shift) as usize;
            while self.table[p] != 0 {
                p = (p + 1) & mask;
            }
            self.table[p] = w as u32 + 1;
        }
    }

    /// The lowercased form of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        let (a, b) = self.tokens[i].lower;
        std::str::from_utf8(&self.lower_buf[a as usize..b as usize])
            .expect("the buffer holds whole lowercased characters")
    }

    /// The lowercased form of token `i`, as bytes.
    pub fn lower_bytes(&self, i: usize) -> &[u8] {
        let (a, b) = self.tokens[i].lower;
        &self.lower_buf[a as usize..b as usize]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    fn mark_sentences(&mut self, text: &str) {
        let mut end_pending = false;
        let mut colon_pending = false;
        for i in 0..self.tokens.len() {
            let t = self.tokens[i];
            // Every string tested below is punctuation: other tokens need no look at their text.
            let s = if t.shape == Shape::Punct {
                &text[t.start..t.end]
            } else {
                ""
            };
            if end_pending && !is_closing(s) {
                self.tokens[i].boundary = true;
                self.tokens[i].initial = true;
                end_pending = false;
            }
            if colon_pending && t.shape != Shape::Punct {
                self.tokens[i].initial = true;
                colon_pending = false;
            }
            if t.boundary {
                colon_pending = false;
            }
            match s {
                "!" | "?" | "…" => end_pending = true,
                "." => end_pending = !(i > 0 && self.abbreviation_before(i, text)),
                ":" | "\"" | "“" | "«" | "„" | "‘" => colon_pending = true,
                _ => {}
            }
        }
    }

    /// Whether the period at token `i` closes an abbreviation rather than a sentence.
    fn abbreviation_before(&self, i: usize, text: &str) -> bool {
        let prev = self.tokens[i - 1];
        if prev.end != self.tokens[i].start {
            return false;
        }
        let word = &text[prev.start..prev.end];
        // A single initial ("J.") or a dotted acronym ("U.S.").
        (prev.shape == Shape::Upper && (word.chars().count() == 1 || word.contains('.')))
            || ABBREVIATIONS
                .iter()
                .any(|a| a.as_bytes() == self.lower_bytes(i - 1))
    }

    /// Marks tokens of short Title Case lines (headlines), where capitals carry no information.
    fn mark_titlecase(&mut self) {
        let mut line_start = 0;
        for i in 1..=self.tokens.len() {
            let at_break = i == self.tokens.len() || self.tokens[i].newline;
            if !at_break {
                continue;
            }
            let line = &self.tokens[line_start..i];
            let long_word = |t: &Token| {
                t.end - t.start >= 4 && matches!(t.shape, Shape::Capitalized | Shape::Lower)
            };
            let (mut long, mut caps) = (0, 0);
            for t in line.iter().filter(|t| long_word(t)) {
                long += 1;
                caps += usize::from(t.shape == Shape::Capitalized);
            }
            // Title Case capitalizes every content word: a lowercase verb or noun ("beat",
            // "points") makes the line a sentence or a results line. Looked for last: most
            // lines fail the counts already.
            let content_lower = || {
                line.iter().enumerate().any(|(k, t)| {
                    long_word(t)
                        && t.shape == Shape::Lower
                        && !TITLECASE_MINOR.contains(&self.lower(line_start + k))
                })
            };
            let ends_sentence = matches!(
                self.lower_bytes(i - 1),
                b"." | b"!" | b"?" | b"\xE2\x80\xA6"
            );
            if line.len() <= 30
                && long >= 4
                && caps * 5 >= long * 4
                && !ends_sentence
                && !content_lower()
            {
                for t in &mut self.tokens[line_start..i] {
                    t.titlecase = true;
                }
            }
            line_start = i;
        }
    }

    /// Records, for every token, the mention (sorted, non-overlapping) that overlaps it.
    pub fn attach(&mut self, mentions: &[Mention]) {
        let mut m = 0;
        for t in &mut self.tokens {
            t.mention = NO_MENTION;
            while m < mentions.len() && mentions[m].end <= t.start {
                m += 1;
            }
            if m < mentions.len() && mentions[m].start < t.end {
                t.mention = m as u32;
            }
        }
    }
}

/// Words of four letters or more that Title Case headlines may leave in lowercase.
const TITLECASE_MINOR: &[&str] = &[
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before",
    "behind", "below", "beneath", "beside", "between", "beyond", "down", "during", "except",
    "from", "inside", "into", "like", "near", "onto", "outside", "over", "past", "since", "than",
    "that", "through", "toward", "towards", "under", "until", "upon", "versus", "when", "with",
    "within", "without",
];

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | "»" | ")" | "]")
}

/// Splits a trailing possessive: returns the word and the length of the `'s` part (0 if none).
fn split_possessive(seg: &str) -> (&str, usize) {
    if !matches!(seg.as_bytes().last(), Some(b's' | b'S')) {
        return (seg, 0);
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(word) = seg.strip_suffix(suffix) {
            if word.chars().next_back().is_some_and(char::is_alphanumeric) {
                return (word, suffix.len());
            }
        }
    }
    (seg, 0)
}

/// [`split_possessive`]'s length of the `'s` part for ASCII text: only `'s` / `'S` after a
/// letter or digit can be one (`’` is not ASCII).
fn ascii_possessive(seg: &[u8]) -> usize {
    match seg {
        [.., c, b'\'', b's' | b'S'] if c.is_ascii_alphanumeric() => 2,
        _ => 0,
    }
}

/// Byte-wise equality; short forms compare faster inline than through `memcmp`.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// [`ascii_shape`] of a word run (see [`Kind::Word`]): its first byte is a letter, a digit or
/// `_`, so it alone decides, but for a capital (is there a lowercase letter?) and `_`.
fn word_shape(b: &[u8]) -> Shape {
    match b[0] {
        b'0'..=b'9' => Shape::Digit,
        b'a'..=b'z' => Shape::Lower,
        b'A'..=b'Z' if b[1..].iter().any(u8::is_ascii_lowercase) => Shape::Capitalized,
        b'A'..=b'Z' => Shape::Upper,
        _ => ascii_shape(b),
    }
}

/// [`shape_of`] for ASCII text.
fn ascii_shape(b: &[u8]) -> Shape {
    let Some(&first) = b.iter().find(|c| c.is_ascii_alphanumeric()) else {
        return Shape::Punct;
    };
    if first.is_ascii_digit() {
        Shape::Digit
    } else if first.is_ascii_lowercase() {
        Shape::Lower
    } else if b.iter().any(u8::is_ascii_lowercase) {
        Shape::Capitalized
    } else {
        Shape::Upper
    }
}

/// The case shape of a token's text.
pub fn shape_of(s: &str) -> Shape {
    let Some(first) = s.chars().find(|c| c.is_alphanumeric()) else {
        return Shape::Punct;
    };
    if first.is_numeric() {
        return Shape::Digit;
    }
    if !first.is_uppercase() {
        return Shape::Lower;
    }
    if s.chars().any(char::is_lowercase) {
        Shape::Capitalized
    } else {
        Shape::Upper
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn ascii_shape_is_shape_of(s in "[ -~]{1,8}") {
            prop_assert_eq!(ascii_shape(s.as_bytes()), shape_of(&s));
        }

        #[test]
        fn ascii_possessive_test_is_split_possessive(s in "[a-zA-Z0-9_][a-zA-Z0-9_.':,;]{0,6}[sS]?") {
            prop_assert_eq!(ascii_possessive(s.as_bytes()), split_possessive(&s).1);
        }

        #[test]
        fn word_shape_is_shape_of(s in "[A-Za-z0-9_][A-Za-z0-9_.':,;]{0,8}") {
            prop_assert_eq!(word_shape(s.as_bytes()), shape_of(&s));
        }

        /// Tokens number lowercased forms as a map from the form itself would, and their flags
        /// match the text around them.
        #[test]
        fn words_numbered_exactly(words in proptest::collection::vec("[aAbB]{1,3}|É|é|ß|ẞ|[.\n ]", 0..300)) {
            let text = words.join(" ");
            let toks = Tokens::new(&text, &[]);
            let mut ids: std::collections::HashMap<&str, u32> = Default::default();
            for (i, t) in toks.tokens.iter().enumerate() {
                let next = ids.len() as u32;
                prop_assert_eq!(t.word, *ids.entry(toks.lower(i)).or_insert(next));
                prop_assert_eq!(toks.words[t.word as usize] as usize, i.min(toks.words[t.word as usize] as usize));
                let gap = if i == 0 { "\n" } else { &text[toks.tokens[i - 1].end..t.start] };
                prop_assert_eq!(t.newline, gap.contains('\n'));
            }
            prop_assert_eq!(toks.words.len(), ids.len());
        }

        /// The eight-bytes-at-a-time lowercasing and hashing of ASCII tokens is the byte-wise
        /// one and `word_hash`.
        #[test]
        fn ascii_tokens_lowercase_and_hash_bytewise(s in "[ -~]{1,40}") {
            let mut toks = Tokens {
                table: vec![0; 64],
                shift: 64 - 6,
                ..Default::default()
            };
            toks.push_ascii(&s, 0, s.len(), Shape::Punct, false);
            let want = s.to_ascii_lowercase();
            prop_assert_eq!(toks.lower(0), want.as_str());
            prop_assert_eq!(toks.word_hashes[0], word_hash(want.as_bytes()));
        }

        /// `word_hash` as first written: whole eight-byte words, then the rest zero-padded.
        #[test]
        fn word_hash_is_the_chunked_definition(s in proptest::collection::vec(any::<u8>(), 0..40)) {
            let mut chunks = s.chunks_exact(8);
            let mut h = mix(0, s.len() as u64);
            for c in &mut chunks {
                h = mix(h, u64::from_le_bytes(c.try_into().unwrap()));
            }
            let rest = chunks.remainder();
            if !rest.is_empty() {
                let mut w = [0u8; 8];
                w[..rest.len()].copy_from_slice(rest);
                h = mix(h, u64::from_le_bytes(w));
            }
            prop_assert_eq!(word_hash(&s), h);
        }

        #[test]
        fn ascii_whitespace_test_is_char_whitespace(s in "[\t-\r \x1C-\x1F]{1,3}") {
            // The segments of all-ASCII text whose first byte is whitespace.
            let mut segs = Vec::new();
            super::super::words::word_bounds(&s, |a, b| segs.push(&s[a..b]));
            for seg in segs {
                let fast = matches!(seg.as_bytes()[0], b'\t'..=b'\r' | b' ');
                prop_assert_eq!(fast, seg.chars().all(char::is_whitespace), "{:?}", seg);
            }
        }
    }
}
