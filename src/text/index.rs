//! [`CharIndex`]: code point <-> byte offsets of one text, the crate's one code point table.

use super::{CharSpan, TextSpan};

/// Code point offsets to text byte offsets and back, for one text: the one code point table of
/// the crate (exports, eval and the report index record texts through it).
///
/// An ASCII text needs no table (code point = byte); otherwise the byte offset of every code
/// point is kept (4 bytes per code point), so both directions are O(1) and O(log n).
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// `Some(bytes)`: `bytes[c]` is the byte offset of code point `c`, the last entry the text
    /// length. `None`: the text is ASCII.
    bytes: Option<Vec<u32>>,
    /// Length of the text in bytes.
    len: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let bytes = (!text.is_ascii()).then(|| {
            let mut b: Vec<u32> = Vec::with_capacity(text.len() + 1);
            b.extend(text.char_indices().map(|(i, _)| i as u32));
            b.push(text.len() as u32);
            b
        });
        CharIndex {
            bytes,
            len: text.len(),
        }
    }

    /// Number of code points.
    pub fn len(&self) -> usize {
        self.bytes.as_ref().map_or(self.len, |b| b.len() - 1)
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Byte offset of code point `c`, or `None` past the end of the text (`c == len()` is the
    /// end of the text).
    pub fn try_byte(&self, c: usize) -> Option<usize> {
        match &self.bytes {
            None => (c <= self.len).then_some(c),
            Some(b) => b.get(c).map(|&x| x as usize),
        }
    }

    /// Byte offset of code point `c` (clamped to the end of the text).
    pub fn byte(&self, c: usize) -> usize {
        self.try_byte(c.min(self.len())).unwrap_or(self.len)
    }

    /// Code point offset of text byte `b`: the code point that holds it (its start when `b` is
    /// inside a multi-byte char); clamped to the end of the text.
    pub fn char(&self, b: usize) -> usize {
        match &self.bytes {
            None => b.min(self.len),
            Some(bytes) => {
                let b = b.min(self.len) as u32;
                // The last code point starting at or before `b`.
                bytes.partition_point(|&x| x <= b) - 1
            }
        }
    }

    /// The code point span `span` as a text byte span (ends clamped to the text).
    pub fn text_span(&self, span: CharSpan) -> TextSpan {
        TextSpan::new(
            self.byte(span.start),
            self.byte(span.end).max(self.byte(span.start)),
        )
    }

    /// The text byte span `span` (ends on char boundaries) as a code point span.
    pub fn char_span(&self, span: TextSpan) -> CharSpan {
        CharSpan::new(self.char(span.start), self.char(span.end))
    }
}
