//! The alignment: normalized text that knows, for every byte, the raw byte range it came from.
//!
//! This module owns every coordinate newstag uses. Three kinds of offsets exist, each with its own
//! span type so they cannot be mixed up (in the spirit of aho-corasick's `Span`, whose doc says
//! exactly what it indexes):
//!
//! | type | indexes | who uses it |
//! | --- | --- | --- |
//! | [`RawSpan`] | bytes of the file as stored on disk | `raw_start`/`raw_end` of the output |
//! | [`TextSpan`] | bytes of the current (normalized) text | Rust slicing, the stages |
//! | [`CharSpan`] | Unicode code points of the current text | `start`/`end`/`at` of the output, Python `str` indices |
//!
//! Conversions, each in one place:
//! * text -> raw: [`NormalizedText::raw_span`], through the per-byte alignment;
//! * raw -> text: [`NormalizedText::text_span`], by binary search over the monotonic alignment;
//! * text bytes <-> code points: [`CharIndex`] (any text, also one read back from a record), or
//!   [`NormalizedText::locate`] (one forward sweep for many spans of the working text).
//!
//! [`NormalizedText`] owns the working text of one document and its alignment to the raw file.
//! Every stage that changes the text goes through ONE primitive, [`NormalizedText::rewrite`], so no
//! stage can forget to update offsets. The model follows Hugging Face tokenizers'
//! `NormalizedString`: the alignment is stored per byte of the current text, and every byte of one
//! character carries the same raw range.
//!
//! Invariants (checked by `debug_assert`s and by property tests):
//! * `align.len() == text.len()`;
//! * raw ranges are monotonic: for bytes `i < j`, `align[i].0 <= align[j].0` and
//!   `align[i].1 <= align[j].1`;
//! * every raw range lies inside the raw file.
//!
//! Offsets in this module are byte offsets into the current text unless a name says otherwise;
//! [`NormalizedText::locate`] turns them into the code point and raw byte offsets of the output.

use std::ops::Range;

mod index;

pub use index::CharIndex;

/// A raw byte span `[start, end)` in the file as stored on disk (before decoding).
///
/// `u32` keeps the alignment at 8 bytes per text byte; `max_doc_bytes` is capped below 4 GiB so
/// every raw offset fits. Never an offset into the text: see [`TextSpan`] and [`CharSpan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct RawSpan {
    /// First raw byte (inclusive).
    pub start: u32,
    /// One past the last raw byte (exclusive).
    pub end: u32,
}

/// The former name of [`RawSpan`], kept so existing code reads on.
pub type RawRange = RawSpan;

impl RawSpan {
    /// A raw span from byte offsets.
    pub fn new(start: usize, end: usize) -> RawSpan {
        debug_assert!(start <= end);
        RawSpan {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The span as a range of `usize`, to slice the raw bytes with.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether the span holds no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A byte span `[start, end)` in the current text (UTF-8, both ends on char boundaries): what
/// Rust slices `str` with. Never a code point or raw offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, PartialOrd, Ord)]
pub struct TextSpan {
    /// First byte (inclusive).
    pub start: usize,
    /// One past the last byte (exclusive).
    pub end: usize,
}

impl TextSpan {
    /// A text byte span.
    pub fn new(start: usize, end: usize) -> TextSpan {
        debug_assert!(start <= end);
        TextSpan { start, end }
    }

    /// The span as a range, to slice the text with.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the span holds no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A code point span `[start, end)` in a text: the indices of Python `str`, spaCy and brat, and
/// of the output's `start`/`end`/`at`. Never a byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, PartialOrd, Ord)]
pub struct CharSpan {
    /// First code point (inclusive).
    pub start: usize,
    /// One past the last code point (exclusive).
    pub end: usize,
}

impl CharSpan {
    /// A code point span.
    pub fn new(start: usize, end: usize) -> CharSpan {
        debug_assert!(start <= end);
        CharSpan { start, end }
    }

    /// The span as a range of code point indices.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the span holds no code point.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Number of code points.
    pub fn len(self) -> usize {
        self.end - self.start
    }
}

/// A span located in every coordinate system the output needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located {
    /// Byte offsets into the current text.
    pub byte: (usize, usize),
    /// Unicode code point offsets into the current text (Python `str` indices), end exclusive.
    pub chars: (usize, usize),
    /// Byte offsets into the raw file, end exclusive.
    pub raw: (usize, usize),
}

/// Text plus its per-byte alignment to the raw file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NormalizedText {
    text: String,
    align: Vec<RawRange>,
}

impl NormalizedText {
    /// Builds a text from decoded characters, each with the raw byte range it was decoded from.
    /// Used by the decoders; ranges must be monotonic.
    pub fn from_chars(chars: impl IntoIterator<Item = (char, RawRange)>) -> NormalizedText {
        let mut text = String::new();
        let mut align = Vec::new();
        for (c, r) in chars {
            push_char(&mut text, &mut align, c, r);
        }
        NormalizedText { text, align }
    }

    /// A text whose raw file is exactly this UTF-8 string (each byte maps to itself).
    pub fn identity(s: &str) -> NormalizedText {
        // Every byte first maps to itself (right for ASCII, and a loop the compiler vectorizes);
        // then each multi-byte char's bytes get the char's whole range. `s` is valid UTF-8, so a
        // byte >= 0xC0 starts a char whose width it tells, and the chars cover `s` exactly.
        let bytes = s.as_bytes();
        let mut align: Vec<RawRange> = (0..bytes.len()).map(|i| RawRange::new(i, i + 1)).collect();
        if !s.is_ascii() {
            let mut i = 0;
            while i < bytes.len() {
                let w = utf8_width(bytes[i]);
                if w > 1 {
                    align[i..i + w].fill(RawRange::new(i, i + w));
                }
                i += w;
            }
        }
        NormalizedText {
            text: s.to_owned(),
            align,
        }
    }

    /// The current text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the current text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the current text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The raw range of the current text's bytes `range` (a non-empty range of char boundaries).
    /// An empty range gives a zero-width raw range at the position it stands for.
    pub fn raw_range(&self, range: Range<usize>) -> RawRange {
        if range.start < range.end {
            RawRange {
                start: self.align[range.start].start,
                end: self.align[range.end - 1].end,
            }
        } else {
            let at = self.raw_point(range.start);
            RawRange { start: at, end: at }
        }
    }

    /// The raw span of the current text's bytes `span` (typed [`NormalizedText::raw_range`]).
    pub fn raw_span(&self, span: TextSpan) -> RawSpan {
        self.raw_range(span.range())
    }

    /// The bytes of the current text that stand for the raw bytes `raw`: every byte whose raw
    /// range overlaps `raw`, found by binary search over the monotonic alignment (O(log n)).
    ///
    /// A byte overlaps `raw` when its raw range ends after `raw.start` and starts before
    /// `raw.end`; a zero-width byte (inserted by a normalization step) at `raw.start` counts as
    /// before, one at `raw.end` as after. When no byte overlaps (raw bytes removed from the text)
    /// the span is empty and sits exactly where they were cut: after every byte that came from
    /// raw bytes before them and before every byte from raw bytes after them. Both ends fall on
    /// char boundaries, since every byte of one char carries the same raw range.
    pub fn text_span(&self, raw: RawSpan) -> TextSpan {
        let start = self.align.partition_point(|r| r.end <= raw.start);
        let end = self.align.partition_point(|r| r.start < raw.end);
        // An empty raw span at a zero-width byte: that byte counts as before it.
        TextSpan::new(start, end.max(start))
    }

    /// The code point spans of the current text standing for each of the raw spans `raws`
    /// (see [`NormalizedText::text_span`]): empty, at the cut, for raw bytes the text no longer
    /// holds. One sweep over the text serves all spans.
    pub fn locate_raw(&self, raws: &[RawSpan]) -> Vec<CharSpan> {
        let spans: Vec<(usize, usize)> = raws
            .iter()
            .map(|&r| {
                let t = self.text_span(r);
                (t.start, t.end)
            })
            .collect();
        self.locate(&spans)
            .into_iter()
            .map(|l| CharSpan::new(l.chars.0, l.chars.1))
            .collect()
    }

    /// The raw position standing for the text position `at` (a char boundary): the start of the
    /// byte there, or the end of the last byte at the end of the text.
    fn raw_point(&self, at: usize) -> u32 {
        if at < self.align.len() {
            self.align[at].start
        } else {
            self.align.last().map_or(0, |r| r.end)
        }
    }

    /// The one mutation primitive: builds the next text from the current one.
    ///
    /// `f` reads the current text and emits the new text through the [`Rewriter`], naming for
    /// every emitted piece the byte range of the current text it comes from. Ranges must come in
    /// non-decreasing order; bytes never named are deleted.
    pub fn rewrite(&mut self, f: impl FnOnce(&str, &mut Rewriter<'_>)) {
        let mut rw = Rewriter {
            src: self,
            text: String::with_capacity(self.text.len()),
            align: Vec::with_capacity(self.align.len()),
            last: 0,
        };
        f(&self.text, &mut rw);
        let Rewriter { text, align, .. } = rw;
        debug_assert_eq!(text.len(), align.len());
        self.text = text;
        self.align = align;
    }

    /// Locates sorted-or-not byte spans of the current text in code points and raw bytes.
    ///
    /// One forward sweep over the text serves all spans sorted by start, so locating every entity
    /// of a document costs O(text + spans).
    pub fn locate(&self, spans: &[(usize, usize)]) -> Vec<Located> {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| spans[i].0);
        let mut out = vec![
            Located {
                byte: (0, 0),
                chars: (0, 0),
                raw: (0, 0)
            };
            spans.len()
        ];
        let mut cursor = CharCursor::new(&self.text);
        // Starts are visited in order; ends may lag behind a later start, so they use their
        // own cursor that is reset when needed.
        let mut end_cursor = CharCursor::new(&self.text);
        for i in order {
            let (s, e) = spans[i];
            let cs = cursor.char_index(s);
            if end_cursor.byte > e {
                end_cursor = CharCursor::new(&self.text);
            }
            let ce = end_cursor.char_index(e);
            let raw = self.raw_range(s..e);
            out[i] = Located {
                byte: (s, e),
                chars: (cs, ce),
                raw: (raw.start as usize, raw.end as usize),
            };
        }
        out
    }

    /// Consumes the text, giving the plain string.
    pub fn into_string(self) -> String {
        self.text
    }

    /// Checks the invariants; used by tests and fuzz targets.
    pub fn check_invariants(&self, raw_len: usize) -> Result<(), String> {
        if self.text.len() != self.align.len() {
            return Err(format!(
                "text has {} bytes but alignment {}",
                self.text.len(),
                self.align.len()
            ));
        }
        let mut prev = RawRange::default();
        for (i, r) in self.align.iter().enumerate() {
            if r.start > r.end || r.end as usize > raw_len {
                return Err(format!("byte {i}: raw range {r:?} outside 0..{raw_len}"));
            }
            if r.start < prev.start || r.end < prev.end {
                return Err(format!("byte {i}: raw range {r:?} before {prev:?}"));
            }
            if !self.text.is_char_boundary(i) && *r != prev {
                return Err(format!("byte {i}: differs from its char's first byte"));
            }
            prev = *r;
        }
        Ok(())
    }
}

/// Width in bytes of the UTF-8 char whose first byte is `b` (`b` is not a continuation byte).
fn utf8_width(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

fn push_char(text: &mut String, align: &mut Vec<RawRange>, c: char, r: RawRange) {
    text.push(c);
    align.extend(std::iter::repeat(r).take(c.len_utf8()));
}

/// Emits the next text for [`NormalizedText::rewrite`].
pub struct Rewriter<'a> {
    src: &'a NormalizedText,
    text: String,
    align: Vec<RawRange>,
    last: usize,
}

impl Rewriter<'_> {
    /// Copies the current text's bytes `range` unchanged, alignment included.
    pub fn keep(&mut self, range: Range<usize>) {
        self.check_order(&range);
        self.text.push_str(&self.src.text[range.clone()]);
        self.align.extend_from_slice(&self.src.align[range]);
    }

    /// Emits `with` in place of the current text's bytes `range`: every emitted byte maps to the
    /// raw range of the whole replaced range. An empty `range` inserts `with` at that position
    /// (a zero-width raw range).
    pub fn replace(&mut self, range: Range<usize>, with: &str) {
        self.check_order(&range);
        let r = self.src.raw_range(range);
        self.text.push_str(with);
        self.align.extend(std::iter::repeat(r).take(with.len()));
    }

    /// Emits one char in place of the current text's bytes `range`.
    pub fn replace_char(&mut self, range: Range<usize>, c: char) {
        let mut buf = [0u8; 4];
        self.replace(range, c.encode_utf8(&mut buf));
    }

    /// Length in bytes of what has been emitted so far.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether nothing has been emitted yet.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// What has been emitted so far.
    pub fn emitted(&self) -> &str {
        &self.text
    }

    fn check_order(&mut self, range: &Range<usize>) {
        debug_assert!(
            range.start >= self.last,
            "rewrite ranges must not go backwards ({} < {})",
            range.start,
            self.last
        );
        debug_assert!(self.src.text.is_char_boundary(range.start));
        debug_assert!(self.src.text.is_char_boundary(range.end));
        self.last = range.end.max(self.last);
    }
}

/// Converts byte offsets to code point offsets by walking forward.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Code point index of byte offset `at` (a char boundary at or after the cursor).
    fn char_index(&mut self, at: usize) -> usize {
        debug_assert!(at >= self.byte);
        let piece = &self.text[self.byte..at];
        self.chars += count_chars(piece);
        self.byte = at;
        self.chars
    }
}

/// Number of code points in `s` (fast on ASCII).
pub fn count_chars(s: &str) -> usize {
    // Every char has exactly one non-continuation byte.
    s.as_bytes().iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests;

/// Property tests of the alignment through decode, normalize and reflow.
#[cfg(test)]
mod properties;

// ---- Offset maps: a derived string's byte offsets back to its source's ----

/// A monotonic map from byte offsets of a string derived char by char from a source string (the
/// gazetteer's case-folded match view) back to byte offsets of the source.
///
/// Stored as the *edits* in order: pieces whose derived bytes differ in length from their
/// source bytes, or split into several chars. Between edits both strings correspond byte for
/// byte (offsets differ by a constant); no edits is the identity, the fast path. A derived
/// offset strictly inside an edit (between the two chars `İ` folds to) has no source offset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `(derived, source)` byte ranges of each edit.
    edits: Vec<(Range<usize>, Range<usize>)>,
}

impl OffsetMap {
    /// The identity map.
    pub fn new() -> OffsetMap {
        OffsetMap::default()
    }

    /// Records that the source bytes `source` became the derived bytes `derived`. Edits come in
    /// order, and the gap before each is as long on both sides.
    pub fn push(&mut self, derived: Range<usize>, source: Range<usize>) {
        let (d0, s0) = self.edits.last().map_or((0, 0), |(d, s)| (d.end, s.end));
        debug_assert_eq!(derived.start - d0, source.start - s0, "gap lengths differ");
        self.edits.push((derived, source));
    }

    /// The source offset of the derived offset `k`, or `None` strictly inside an edit.
    pub fn to_source(&self, k: usize) -> Option<usize> {
        let i = self.edits.partition_point(|(d, _)| d.start <= k);
        let Some((d, s)) = i.checked_sub(1).map(|i| &self.edits[i]) else {
            return Some(k);
        };
        match k {
            _ if k == d.start => Some(s.start),
            _ if k < d.end => None,
            _ => Some(s.end + (k - d.end)),
        }
    }
}

#[cfg(test)]
#[test]
fn offset_map_cases() {
    // (name, edits, expected source offset of every derived offset)
    type Edits = &'static [(Range<usize>, Range<usize>)];
    let cases: [(&str, Edits, &[Option<usize>]); 4] = [
        ("identity", &[], &[Some(0), Some(1), Some(2)]),
        // "a’b" (’ is 3 bytes) folded to "a'b"
        (
            "shorter",
            &[(1..2, 1..4)],
            &[Some(0), Some(1), Some(4), Some(5)],
        ),
        // "İx" (İ is 2 bytes) folded to "i̇x" (i and U+0307: 3 bytes)
        (
            "split",
            &[(0..3, 0..2)],
            &[Some(0), None, None, Some(2), Some(3)],
        ),
        (
            "two",
            &[(1..2, 1..4), (3..6, 5..7)],
            &[Some(0), Some(1), Some(4), Some(5), None, None, Some(7)],
        ),
    ];
    for (name, edits, want) in cases {
        let mut map = OffsetMap::new();
        for (d, s) in edits {
            map.push(d.clone(), s.clone());
        }
        let got: Vec<Option<usize>> = (0..want.len()).map(|k| map.to_source(k)).collect();
        assert_eq!(got, want, "case {name}");
    }
}
