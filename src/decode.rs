//! Stage 1, decode: raw bytes -> text aligned to those bytes.
//!
//! Reads: the raw bytes of one file. Creates: a [`NormalizedText`] whose every character knows the
//! raw byte range it was decoded from, the encoding's name, and repair counts.
//!
//! Policy:
//! * a BOM decides (UTF-8, UTF-16LE, UTF-16BE, UTF-32LE, UTF-32BE) and is not part of the text;
//! * a forced encoding (config `input.encoding` / `--encoding`) is used as given;
//! * otherwise UTF-8 when the bytes are UTF-8; UTF-8 with stray bytes of a legacy encoding
//!   (a few invalid bytes, or UTF-8 characters beside a Latin legacy encoding's: [`mixed`]) with
//!   each stray byte read alone in that encoding (counted; a byte it leaves undefined is U+FFFD);
//!   else the legacy encoding chardetng guesses (windows-1251, KOI8-R, windows-1252,
//!   ISO-8859-x, ...), reported in a warning;
//! * NUL bytes or a high share of control characters mean binary: an error, never garbage text,
//!   whatever the length. UTF-32 without a BOM is an exception (every unit a Unicode scalar
//!   value, [`utf32`]), and UTF-16 without a BOM, only with the UTF-16
//!   pattern: NUL bytes at one parity only, in at least [`MIN_UTF16_NULS`] and one in eight code
//!   units, and the other code units concentrated in one script's block (a short text with a
//!   stray NUL, read as UTF-16, gives code units scattered over unrelated blocks);
//! * text that is already Unicode (a `stream` line) is never decoded again
//!   ([`Decoder::decode_unicode`]): only the binary and emptiness checks apply;
//! * nothing but whitespace means `empty`.

use encoding_rs::{
    Encoding, IBM866, ISO_8859_5, KOI8_R, KOI8_U, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1251,
};

use crate::document::{DocError, ErrorKind};
use crate::text::{NormalizedText, RawRange};

pub mod mixed;
pub mod utf32;

/// An encoding newstag decodes: one of `encoding_rs`'s (the WHATWG Encoding Standard's), or
/// UTF-32, which that standard leaves out ([`utf32`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Std(&'static Encoding),
    Utf32(utf32::Order),
    /// UTF-8 whose stray bytes are each read alone in a single-byte legacy encoding
    /// (`decode/mixed.rs`); named `UTF-8`.
    Utf8With(mixed::Strays),
}

impl Codec {
    /// The encoding a label names ("utf-8", "cp1251", "koi8-r", "utf-32le", ...).
    pub fn for_label(label: &str) -> Option<Codec> {
        utf32::Order::for_label(label)
            .map(Codec::Utf32)
            .or_else(|| Encoding::for_label(label.as_bytes()).map(Codec::Std))
    }

    /// The encoding's name, as the `encoding` field gives it.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Std(e) => e.name(),
            Codec::Utf32(o) => o.name(),
            Codec::Utf8With(_) => UTF_8.name(),
        }
    }

    /// A slice of the raw bytes (a removed segment) decoded.
    pub fn decode_str(self, bytes: &[u8]) -> String {
        match self {
            Codec::Std(e) => e.decode_without_bom_handling(bytes).0.into_owned(),
            Codec::Utf32(o) => utf32::decode(bytes, 0, o).0.as_str().to_owned(),
            Codec::Utf8With(strays) => mixed::decode(bytes, 0, strays).0.into_string(),
        }
    }

    /// UTF-16 or UTF-32: text whose ASCII characters come with NUL bytes.
    fn wide(self) -> bool {
        match self {
            Codec::Utf32(_) => true,
            Codec::Std(e) => e == UTF_16LE || e == UTF_16BE,
            Codec::Utf8With(_) => false,
        }
    }
}

/// The decoder, built once from the config.
#[derive(Clone, Debug)]
pub struct Decoder {
    forced: Option<Codec>,
}

/// A decoded document.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text, aligned to the raw bytes.
    pub text: NormalizedText,
    /// The encoding used (its name: [`Decoded::encoding`]).
    pub codec: Codec,
    /// Number of invalid byte sequences replaced by U+FFFD.
    pub replaced: usize,
    /// Number of stray bytes of UTF-8 text read in a legacy encoding ([`Codec::Utf8With`]).
    pub repaired: usize,
    /// Whether the encoding was guessed by detection (not UTF-8, not a BOM, not forced).
    pub guessed: bool,
}

impl Decoded {
    /// Name of the encoding used (`UTF-8`, `windows-1251`, `UTF-32LE`, ...).
    pub fn encoding(&self) -> &'static str {
        self.codec.name()
    }
}

impl Decoder {
    /// A decoder that detects (`"auto"`) or forces the encoding with this label.
    pub fn new(encoding: &str) -> Option<Decoder> {
        if encoding.eq_ignore_ascii_case("auto") {
            return Some(Decoder { forced: None });
        }
        Codec::for_label(encoding).map(|e| Decoder { forced: Some(e) })
    }

    /// Decodes one document's raw bytes.
    pub fn decode(&self, raw: &[u8]) -> Result<Decoded, DocError> {
        // (The UTF-32LE BOM opens with the UTF-16LE one: asked first.)
        let bom = utf32::bom(raw)
            .map(|(order, len)| (Codec::Utf32(order), len))
            .or_else(|| Encoding::for_bom(raw).map(|(enc, len)| (Codec::Std(enc), len)));
        let (codec, bom_len, guessed) = match bom {
            Some((codec, len)) if self.forced.is_none() => (codec, len, false),
            _ => match self.forced {
                Some(codec) => (codec, 0, false),
                None => {
                    if let Some(order) = utf32::without_bom(raw) {
                        return self.finish(raw, Codec::Utf32(order), 0, true);
                    }
                    if let Some(enc) = utf16_without_bom(raw) {
                        return self.finish(raw, Codec::Std(enc), 0, true);
                    }
                    if looks_binary(raw) {
                        return Err(binary());
                    }
                    let (codec, guessed) = detect(raw);
                    (codec, 0, guessed)
                }
            },
        };
        if !codec.wide() && self.forced.is_some() && looks_binary(raw) {
            return Err(binary());
        }
        self.finish(raw, codec, bom_len, guessed)
    }

    /// Takes text that is already Unicode (a `stream` line): UTF-8 by construction, never
    /// re-decoded (nor a forced encoding applied); a leading U+FEFF is a BOM as in a file. The
    /// binary rule (NUL, control characters) and the emptiness rule apply as to files.
    pub fn decode_unicode(&self, text: &str) -> Result<Decoded, DocError> {
        if looks_binary(text.as_bytes()) {
            return Err(binary());
        }
        let bom_len = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        self.finish(text.as_bytes(), Codec::Std(UTF_8), bom_len, false)
    }

    fn finish(
        &self,
        raw: &[u8],
        codec: Codec,
        bom_len: usize,
        guessed: bool,
    ) -> Result<Decoded, DocError> {
        let (text, replaced, repaired) = decode_counted(codec, &raw[bom_len..], bom_len);
        if text.as_str().chars().all(char::is_whitespace) {
            return Err(DocError {
                kind: ErrorKind::Empty,
                message: "empty or whitespace-only document".into(),
            });
        }
        Ok(Decoded {
            text,
            codec,
            replaced,
            repaired,
            guessed,
        })
    }
}

/// Decodes `body` (no BOM handling, no binary or emptiness checks) with `encoding`; raw offsets
/// start at `offset`. Gives the text and the number of replaced invalid sequences. This is also
/// how tests re-decode a slice of the raw bytes.
pub fn decode_with(codec: Codec, body: &[u8], offset: usize) -> (NormalizedText, usize) {
    let (text, replaced, _) = decode_counted(codec, body, offset);
    (text, replaced)
}

/// [`decode_with`], also counting the stray bytes read in a legacy encoding.
fn decode_counted(codec: Codec, body: &[u8], offset: usize) -> (NormalizedText, usize, usize) {
    let encoding = match codec {
        Codec::Utf32(order) => {
            let (text, replaced) = utf32::decode(body, offset, order);
            return (text, replaced, 0);
        }
        Codec::Utf8With(strays) => return mixed::decode(body, offset, strays),
        Codec::Std(encoding) => encoding,
    };
    let (text, replaced) = if encoding == UTF_8 {
        decode_utf8(body, offset)
    } else if encoding.is_single_byte() {
        decode_single_byte(encoding, body, offset)
    } else {
        decode_incremental(encoding, body, offset)
    };
    (text, replaced, 0)
}

fn binary() -> DocError {
    DocError {
        kind: ErrorKind::Binary,
        message: "binary data (NUL bytes or control characters), not text".into(),
    }
}

/// Fewest NUL bytes (ASCII characters) a UTF-16 text without a BOM must show: one or two NUL
/// bytes at the same parity happen by chance in any binary or damaged text.
pub const MIN_UTF16_NULS: usize = 4;

/// NUL bytes, or more than 10% control characters (other than tab, LF, CR, FF) in the first 8 KiB.
fn looks_binary(raw: &[u8]) -> bool {
    let head = &raw[..raw.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

/// UTF-16 without a BOM (ripgrep treats it as binary; Windows tools write it): in the first
/// 8 KiB, NUL bytes at one parity (the high bytes of ASCII characters), in at least
/// [`MIN_UTF16_NULS`] and one in eight code units, and at the other parity at most one for four
/// of those (the low bytes of characters U+xx00: Korean 가 U+AC00 and 대 U+B300, the ideographic
/// space U+3000, box drawing's ─ U+2500, Ā U+0100); the other code units' high bytes concentrated
/// in two script blocks ([`two_scripts`]: Cyrillic with Georgian names, Greek with Latin accents;
/// plus general punctuation U+20xx) for at least 3 in 4 of them; and the head decodes
/// without errors to text that has no NUL and few control characters. Text read as the wrong
/// width fails the concentration test: its "high bytes" are letters spread over the alphabet.
fn utf16_without_bom(raw: &[u8]) -> Option<&'static Encoding> {
    let head = &raw[..raw.len().min(8192) & !1];
    if head.len() < 4 || raw.len() % 2 != 0 {
        return None;
    }
    let units = head.len() / 2;
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let (enc, high, nuls, stray) = if odd > even {
        (UTF_16LE, 1, odd, even)
    } else {
        (UTF_16BE, 0, even, odd)
    };
    if nuls < MIN_UTF16_NULS || nuls * 8 < units || stray * 4 > nuls {
        return None;
    }
    let mut blocks = [0usize; 256];
    for &h in head.iter().skip(high).step_by(2) {
        blocks[h as usize] += 1;
    }
    let others = units - nuls;
    // General punctuation (U+2000-U+206F: quotes, dashes) goes with any script.
    let punctuation = std::mem::take(&mut blocks[0x20]);
    let script = two_scripts(&blocks);
    if (script + punctuation) * 4 < others * 3 {
        return None;
    }
    let (text, had_errors) = enc.decode_without_bom_handling(head);
    // The head may end inside a surrogate pair: tolerate an error in the last unit only.
    let clean = !had_errors || !text.chars().rev().skip(1).any(|c| c == '\u{FFFD}');
    let controls = text
        .chars()
        .filter(|&c| c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .count();
    let ok = clean && !text.contains('\0') && controls * 100 <= units;
    ok.then_some(enc)
}

/// The code units of the script blocks that hold the most of `blocks` (code units per high byte,
/// U+01xx to U+FFxx): one block, or two when neither has a printable ASCII character's value
/// (`!` to `~`: what the high bytes of text read at the wrong width are, "Baku\0 Baku\0 " read as
/// UTF-16BE giving two "blocks" of `B` and `k`). A block is two adjacent high-byte values
/// (Cyrillic U+04xx-U+05xx), or the Hangul syllables (U+AC00-U+D7FF, 44 values). (The CJK
/// ideographs' span holds the ASCII letters' values: Chinese and Japanese without a BOM stay
/// undetected, and they have too few ASCII characters for the NUL test anyway.)
fn two_scripts(blocks: &[usize; 256]) -> usize {
    const HANGUL: std::ops::RangeInclusive<usize> = 0xAC..=0xD7;
    const PRINTABLE: std::ops::RangeInclusive<usize> = 0x21..=0x7E;
    let pair = |h: usize| blocks[h] + blocks[h + 1];
    // The pairs outside the Hangul span (which counts as one block).
    let pairs = (1..255).filter(|&h| h + 1 < *HANGUL.start() || h > *HANGUL.end());
    let hangul: usize = blocks[HANGUL].iter().sum();
    let one = pairs.clone().map(pair).max().unwrap_or(0).max(hangul);
    // Two blocks: the best pair of values outside the printable range, and the best pair apart
    // from it or the Hangul span.
    let letters = pairs.filter(|&h| !PRINTABLE.contains(&h) && !PRINTABLE.contains(&(h + 1)));
    let Some(first) = letters
        .clone()
        .max_by_key(|&h| (pair(h), std::cmp::Reverse(h)))
    else {
        return one;
    };
    let second = letters
        .filter(|&h| h + 1 < first || h > first + 1)
        .map(pair)
        .max()
        .unwrap_or(0);
    let mut best = [pair(first), second, hangul];
    best.sort_unstable();
    one.max(best[1] + best[2])
}

/// Chooses UTF-8 when the bytes are valid UTF-8, UTF-8 with a legacy encoding's stray bytes
/// ([`mixed`]) when they are nearly so, else chardetng's guess (the `bool`: guessed).
fn detect(raw: &[u8]) -> (Codec, bool) {
    if std::str::from_utf8(raw).is_ok() {
        return (Codec::Std(UTF_8), false);
    }
    let guess = || {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(raw, true);
        refine(raw, det.guess(None, true))
    };
    // UTF-8 with stray bytes: read both parts rather than mis-decode every UTF-8 character.
    let mut guessed = None;
    let strays = mixed::legacy_for_strays(raw, || *guessed.insert(guess()));
    match (strays, guessed) {
        (Some(strays), _) => (Codec::Utf8With(strays), false),
        (None, Some(enc)) => (Codec::Std(enc), true),
        (None, None) => (Codec::Std(guess()), true),
    }
}

/// Single-byte Cyrillic encodings the tie-breaker chooses among.
const CYRILLIC: [&Encoding; 5] = [WINDOWS_1251, KOI8_R, KOI8_U, IBM866, ISO_8859_5];

/// Second opinion on chardetng's guess for short or Cyrillic text.
///
/// * chardetng reports KOI8-U for any KOI8 text; when none of the bytes where KOI8-U and KOI8-R
///   differ occur, the text is the same in both and KOI8-R is the better name.
/// * On a few words chardetng may take Cyrillic for Latin ("ЦИК РФ" in windows-1251 guessed as
///   windows-1254). Latin-script words nearly always contain ASCII letters, Cyrillic words never
///   do: when most words with non-ASCII letters have no ASCII letter at all, the Cyrillic
///   encodings are scored by Russian letter frequencies and case patterns and the best wins.
/// * On short Cyrillic text (under 256 non-ASCII bytes) the same score picks among the Cyrillic
///   encodings.
/// * A non-Latin single-byte guess (Cyrillic, Greek, Hebrew, ...) for text in which no two
///   non-ASCII letters stand together is Latin text with a few high bytes (an English page's
///   `0x92` apostrophe and `0xA3` pound sign read "FodenТs", "г40" in IBM866): windows-1252.
///   Every word of those scripts has two letters in a row.
fn refine(raw: &[u8], guess: &'static Encoding) -> &'static Encoding {
    let single = guess.is_single_byte();
    let text = if single {
        guess.decode_without_bom_handling(raw).0
    } else {
        Default::default()
    };
    if single && !mixed::is_latin(guess) && !letters_together(&text) {
        return encoding_rs::WINDOWS_1252;
    }
    let high = raw.iter().filter(|&&b| b >= 0x80).count();
    let choose = if CYRILLIC.contains(&guess) {
        high < 256
    } else {
        single && looks_unlike_latin(&text)
    };
    let mut best = guess;
    if choose {
        let mut best_score = i64::MIN;
        for enc in CYRILLIC {
            let text = enc.decode_without_bom_handling(raw).0;
            // (A Cyrillic reading needs its letters in words too: windows-1250's "Ł40", an
            // English page's pound sign, is one word without ASCII letters and no Cyrillic.)
            if !letters_together(&text) {
                continue;
            }
            if let Some(score) = cyrillic_score(&text) {
                if score > best_score {
                    best_score = score;
                    best = enc;
                }
            }
        }
    }
    if best == KOI8_U && !raw.iter().any(|b| KOI8_U_ONLY.contains(b)) {
        best = KOI8_R;
    }
    plain_latin(raw, best)
}

/// Of the characters of `text` that `is` picks, how many there are and how many stand next to a
/// character that `near` picks.
fn with_neighbour(
    text: &str,
    is: impl Fn(char) -> bool,
    near: impl Fn(char) -> bool,
) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let near_at = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|&c| near(c));
    let picked = chars.iter().enumerate().filter(|(_, &c)| is(c));
    picked.fold((0, 0), |(n, k), (i, _)| {
        let next = near_at(i.checked_sub(1)) || near_at(Some(i + 1));
        (n + 1, k + usize::from(next))
    })
}

/// A letter outside ASCII.
fn non_ascii_letter(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic()
}

/// Whether the letters outside ASCII of `text` stand in words of them: at least half of them
/// next to another (a Cyrillic, Greek or Hebrew text), rather than alone among ASCII letters,
/// digits and spaces (a Latin text's few high bytes read in such an encoding: "FodenТs", "г40").
fn letters_together(text: &str) -> bool {
    let (letters, together) = with_neighbour(text, non_ascii_letter, non_ascii_letter);
    together > 0 && together * 2 >= letters
}

/// Among Latin single-byte encodings, windows-1252 when it reads no letter outside ASCII in
/// `raw` (its high bytes are quotes, dashes, £, ©) while `guess` reads letters there that stand
/// alone, next to no other letter ("Ł40" in windows-1250 for "£40"): an English page, not a
/// Polish one, whose letters sit inside words.
fn plain_latin(raw: &[u8], guess: &'static Encoding) -> &'static Encoding {
    if guess == encoding_rs::WINDOWS_1252 || !mixed::is_latin(guess) {
        return guess;
    }
    let w1252 = encoding_rs::WINDOWS_1252.decode_without_bom_handling(raw).0;
    if w1252.chars().any(non_ascii_letter) {
        return guess;
    }
    let text = guess.decode_without_bom_handling(raw).0;
    let (_, inside_words) = with_neighbour(&text, non_ascii_letter, char::is_alphabetic);
    if inside_words == 0 {
        encoding_rs::WINDOWS_1252
    } else {
        guess
    }
}

/// Bytes that decode differently in KOI8-U and KOI8-R (Ukrainian letters in KOI8-U).
const KOI8_U_ONLY: [u8; 8] = [0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD];

/// Whether most words with non-ASCII letters have no ASCII letter (unlike Latin-script text).
fn looks_unlike_latin(text: &str) -> bool {
    let (mut foreign, mut pure) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_ascii() {
            continue;
        }
        foreign += 1;
        if !word.bytes().any(|b| b.is_ascii_alphabetic()) {
            pure += 1;
        }
    }
    foreign > 0 && pure * 2 > foreign
}

/// How much `text` reads like Russian: frequent letters and word-initial capitals score, a
/// capital after a lowercase letter ("мОСКВА", what KOI8 bytes read as windows-1251 give) costs, and
/// any non-ASCII char that is neither a Cyrillic letter nor common punctuation disqualifies.
fn cyrillic_score(text: &str) -> Option<i64> {
    const FREQUENT: &str = "оеаинтсрвл";
    const COMMON: &str = "кмдпуяыьгз";
    let mut score = 0i64;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let cyr = ('\u{400}'..='\u{4FF}').contains(&c);
        if !c.is_ascii() && !cyr && !"«»–—„“”’…№\u{A0}".contains(c) {
            return None;
        }
        if cyr && c.is_alphabetic() {
            let lower = c.to_lowercase().next().unwrap_or(c);
            score += if FREQUENT.contains(lower) {
                2
            } else if COMMON.contains(lower) {
                1
            } else {
                0
            };
            if c.is_uppercase() {
                match prev {
                    Some(p) if p.is_lowercase() => score -= 2,
                    Some(p) if p.is_alphabetic() => {}
                    _ => score += 1,
                }
            }
        }
        prev = Some(c);
    }
    Some(score)
}

/// Appends the characters of `valid` (a valid UTF-8 run of the raw bytes from `*pos` on), each
/// with its bytes, and moves `*pos` past them.
fn push_valid(chars: &mut Vec<(char, RawRange)>, pos: &mut usize, valid: &str) {
    for c in valid.chars() {
        let n = c.len_utf8();
        chars.push((c, RawRange::new(*pos, *pos + n)));
        *pos += n;
    }
}

fn decode_utf8(body: &[u8], offset: usize) -> (NormalizedText, usize) {
    if let Ok(s) = std::str::from_utf8(body) {
        if offset == 0 {
            return (NormalizedText::identity(s), 0);
        }
    }
    let mut replaced = 0;
    let mut chars = Vec::with_capacity(body.len());
    let mut pos = offset;
    for chunk in body.utf8_chunks() {
        push_valid(&mut chars, &mut pos, chunk.valid());
        let bad = chunk.invalid().len();
        if bad > 0 {
            chars.push(('\u{FFFD}', RawRange::new(pos, pos + bad)));
            replaced += 1;
            pos += bad;
        }
    }
    (NormalizedText::from_chars(chars), replaced)
}

fn decode_single_byte(
    enc: &'static Encoding,
    body: &[u8],
    offset: usize,
) -> (NormalizedText, usize) {
    // Every byte of a single-byte encoding decodes to exactly one char.
    let (s, _) = enc.decode_without_bom_handling(body);
    let replaced = s.chars().filter(|&c| c == '\u{FFFD}').count();
    debug_assert_eq!(s.chars().count(), body.len());
    let chars = s
        .chars()
        .enumerate()
        .map(|(i, c)| (c, RawRange::new(offset + i, offset + i + 1)));
    (NormalizedText::from_chars(chars), replaced)
}

/// Any encoding: feeds the decoder byte by byte and gives each produced char the bytes consumed
/// since the previous output. Used for UTF-16 and multi-byte legacy encodings.
fn decode_incremental(
    enc: &'static Encoding,
    body: &[u8],
    offset: usize,
) -> (NormalizedText, usize) {
    let mut dec = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(16);
    let mut chars = Vec::with_capacity(body.len() / 2);
    let mut pending = 0usize;
    let mut replaced = 0;
    for i in 0..=body.len() {
        let last = i == body.len();
        let input = if last { &[][..] } else { &body[i..i + 1] };
        out.clear();
        let (_, _, had_errors) = dec.decode_to_string(input, &mut out, last);
        if had_errors {
            replaced += 1;
        }
        if !out.is_empty() {
            let end = if last { body.len() } else { i + 1 };
            let r = RawRange::new(offset + pending, offset + end);
            chars.extend(out.chars().map(|c| (c, r)));
            pending = end;
        }
    }
    (NormalizedText::from_chars(chars), replaced)
}

#[cfg(test)]
mod tests;
