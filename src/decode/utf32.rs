//! UTF-32, which the WHATWG Encoding Standard (and so `encoding_rs`) leaves out but some tools
//! still write (Python's `encode("utf-32")`, old Unix exports, `iconv -t UCS-4`): a BOM
//! (`FF FE 00 00` little-endian, `00 00 FE FF` big-endian) or, without one, the shape only UTF-32
//! has: every four-byte unit a Unicode scalar value. Read before UTF-16, whose little-endian BOM
//! opens the UTF-32 one.

use crate::text::{NormalizedText, RawRange};

/// The UTF-32 BOMs, little- and big-endian.
const BOM_LE: [u8; 4] = [0xFF, 0xFE, 0x00, 0x00];
const BOM_BE: [u8; 4] = [0x00, 0x00, 0xFE, 0xFF];

/// Fewest code units a UTF-32 text without a BOM must have: a few units of random bytes can
/// all be scalar values by chance (any four bytes whose top byte is 0 and next one at most 0x10).
pub const MIN_UNITS: usize = 4;

/// The byte order of a UTF-32 text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Little,
    Big,
}

impl Order {
    /// The encoding's name, as the `encoding` field gives it.
    pub fn name(self) -> &'static str {
        match self {
            Order::Little => "UTF-32LE",
            Order::Big => "UTF-32BE",
        }
    }

    /// The byte order a label names: "utf-32le", "UTF-32BE", "ucs-4" (big-endian, as `iconv`
    /// writes it without a BOM), "utf-32" (little-endian: what a BOM-less file from Python or
    /// Windows is).
    pub fn for_label(label: &str) -> Option<Order> {
        let l = label.trim().to_ascii_lowercase().replace(['-', '_'], "");
        match l.as_str() {
            "utf32" | "utf32le" | "ucs4le" => Some(Order::Little),
            "utf32be" | "ucs4" | "ucs4be" => Some(Order::Big),
            _ => None,
        }
    }

    fn unit(self, b: &[u8]) -> u32 {
        let b = [b[0], b[1], b[2], b[3]];
        match self {
            Order::Little => u32::from_le_bytes(b),
            Order::Big => u32::from_be_bytes(b),
        }
    }
}

/// The byte order and BOM length of a text opening with a UTF-32 BOM.
pub fn bom(raw: &[u8]) -> Option<(Order, usize)> {
    if raw.starts_with(&BOM_LE) {
        Some((Order::Little, 4))
    } else if raw.starts_with(&BOM_BE) {
        Some((Order::Big, 4))
    } else {
        None
    }
}

/// UTF-32 without a BOM: a whole number of units, at least [`MIN_UNITS`], and every unit in the
/// first 8 KiB a scalar value other than NUL in one byte order (little-endian first: a text
/// whose units are scalar values both ways holds only characters such as U+0100 and U+0200).
/// Text in any other encoding fails at its first unit: four bytes of ASCII or UTF-16 letters
/// are a number far above U+10FFFF.
pub fn without_bom(raw: &[u8]) -> Option<Order> {
    if raw.len() % 4 != 0 || raw.len() / 4 < MIN_UNITS {
        return None;
    }
    let head = &raw[..raw.len().min(8192)];
    [Order::Little, Order::Big].into_iter().find(|&order| {
        head.chunks_exact(4).all(|u| {
            let v = order.unit(u);
            v != 0 && char::from_u32(v).is_some()
        })
    })
}

/// Decodes UTF-32 `body` (no BOM) in `order`; raw offsets start at `offset`. A unit that is no
/// scalar value (a surrogate, above U+10FFFF) and a last partial unit become U+FFFD, counted.
pub fn decode(body: &[u8], offset: usize, order: Order) -> (NormalizedText, usize) {
    let mut replaced = 0;
    let mut chars = Vec::with_capacity(body.len() / 4 + 1);
    let mut units = body.chunks_exact(4);
    let mut pos = offset;
    for u in &mut units {
        let c = char::from_u32(order.unit(u)).unwrap_or_else(|| {
            replaced += 1;
            '\u{FFFD}'
        });
        chars.push((c, RawRange::new(pos, pos + 4)));
        pos += 4;
    }
    let rest = units.remainder().len();
    if rest > 0 {
        chars.push(('\u{FFFD}', RawRange::new(pos, pos + rest)));
        replaced += 1;
    }
    (NormalizedText::from_chars(chars), replaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn encode(s: &str, order: Order) -> Vec<u8> {
        s.chars()
            .flat_map(|c| match order {
                Order::Little => (c as u32).to_le_bytes(),
                Order::Big => (c as u32).to_be_bytes(),
            })
            .collect()
    }

    #[test]
    fn boms_and_labels() {
        assert_eq!(
            bom(b"\xFF\xFE\x00\x00B\x00\x00\x00"),
            Some((Order::Little, 4))
        );
        assert_eq!(bom(b"\x00\x00\xFE\xFF\x00\x00\x00B"), Some((Order::Big, 4)));
        // The UTF-16LE BOM before a character that is not U+0000.
        assert_eq!(bom(b"\xFF\xFEB\x00"), None);
        assert_eq!(Order::for_label("UTF-32LE"), Some(Order::Little));
        assert_eq!(Order::for_label("utf_32be"), Some(Order::Big));
        assert_eq!(Order::for_label("UCS-4"), Some(Order::Big));
        assert_eq!(Order::for_label("utf-16le"), None);
    }

    #[test]
    fn text_without_a_bom_is_told_from_utf16_and_binary() {
        let text = "Ильхам Алиев прибыл в Баку. 東京 🙂";
        assert_eq!(
            without_bom(&encode(text, Order::Little)),
            Some(Order::Little)
        );
        assert_eq!(without_bom(&encode(text, Order::Big)), Some(Order::Big));
        // UTF-16 of ASCII: units such as 0x00420041 are no scalar values.
        let utf16: Vec<u8> = "Baku news today"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(without_bom(&utf16[..utf16.len() / 4 * 4]), None);
        // Too short, not whole units, NUL characters.
        assert_eq!(without_bom(&encode("Bak", Order::Little)), None);
        assert_eq!(
            without_bom(b"B\x00\x00\x00a\x00\x00\x00k\x00\x00\x00u\x00\x00"),
            None
        );
        assert_eq!(without_bom(&[0u8; 64]), None);
    }

    #[test]
    fn bad_units_are_replaced_and_counted() {
        let mut raw = encode("Baku", Order::Little);
        raw.extend_from_slice(&0xD800u32.to_le_bytes());
        raw.extend_from_slice(&0x11_0000u32.to_le_bytes());
        raw.extend_from_slice(b"\x41\x00");
        let (text, replaced) = decode(&raw, 0, Order::Little);
        assert_eq!(text.as_str(), "Baku\u{FFFD}\u{FFFD}\u{FFFD}");
        assert_eq!(replaced, 3);
        // (Byte offsets into the text: three U+FFFD of three bytes each after "Baku".)
        assert_eq!(text.raw_range(10..13), RawRange::new(24, 26));
    }

    proptest! {
        /// Every character's raw range is its own four bytes, after the BOM.
        #[test]
        fn offsets_are_the_units(s in "\\PC{1,40}", big in any::<bool>()) {
            let order = if big { Order::Big } else { Order::Little };
            let raw = encode(&s, order);
            let (text, replaced) = decode(&raw, 4, order);
            prop_assert_eq!(text.as_str(), s.as_str());
            prop_assert_eq!(replaced, 0);
            for (k, (at, c)) in s.char_indices().enumerate() {
                let r = text.raw_range(at..at + c.len_utf8());
                prop_assert_eq!(r, RawRange::new(4 + 4 * k, 8 + 4 * k));
            }
        }
    }
}
