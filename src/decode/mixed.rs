//! UTF-8 with stray bytes of a legacy encoding: a UTF-8 page with a windows-1252 apostrophe
//! pasted in, a file that two tools wrote in turn. Read as UTF-8 alone, each stray byte is lost
//! (U+FFFD); read as windows-1252 alone, every UTF-8 character becomes two or three characters
//! of mojibake ("CafÃ©"). Here the valid UTF-8 sequences are read as UTF-8 and each stray byte
//! alone in a single-byte legacy encoding, so both parts survive, and every character still maps
//! to its own bytes (one byte per legacy character). A broken UTF-8 character stays U+FFFD: a
//! truncated sequence (a lead byte with some of its continuation bytes), or a lone lead byte
//! that the file's own UTF-8 characters open with (a Russian text's `D0` cut from its second
//! byte is no windows-1251 "Р"). In Cyrillic or Greek UTF-8 text only the strays that are
//! punctuation in windows-1251 / windows-1253 (`0x80..=0xBF`: quotes, dashes, guillemets, "№")
//! are read so; a stray letter there is as likely a damaged byte.
//!
//! When to read a file so (`legacy_for_strays`): it is not valid UTF-8, and either its valid
//! multi-byte characters outnumber its invalid sequences four to one (a UTF-8 file with a few
//! stray bytes), or it holds a UTF-8 "signature" (a Latin-1 letter or sign, U+00A0-U+00FF, or a
//! typographic quote, dash, bullet or ellipsis, U+2010-U+2027, or the euro sign) and its bytes
//! read as a Latin single-byte encoding otherwise. Such a character reads, in any Latin
//! single-byte encoding, as "Ã" or "Â" before a symbol ("Ã©", "â€™"), which no text holds; in a
//! Cyrillic or Greek one it can be a capital before a closing guillemet ("НТВ»" in windows-1251
//! is the UTF-8 bytes of "»"), so files guessed as those are read as before.

use encoding_rs::{
    Encoding, ISO_8859_10, ISO_8859_13, ISO_8859_14, ISO_8859_15, ISO_8859_16, ISO_8859_2,
    ISO_8859_3, ISO_8859_4, MACINTOSH, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1253,
    WINDOWS_1254, WINDOWS_1257, WINDOWS_1258,
};

use crate::text::{NormalizedText, RawRange};

/// Single-byte encodings of Latin-script text, in which a UTF-8 signature cannot occur in text.
const LATIN: [&Encoding; 14] = [
    WINDOWS_1252,
    WINDOWS_1250,
    WINDOWS_1254,
    WINDOWS_1257,
    WINDOWS_1258,
    ISO_8859_2,
    ISO_8859_3,
    ISO_8859_4,
    ISO_8859_10,
    ISO_8859_13,
    ISO_8859_14,
    ISO_8859_15,
    ISO_8859_16,
    MACINTOSH,
];

/// Whether `enc` is a single-byte encoding of Latin-script text.
pub(super) fn is_latin(enc: &'static Encoding) -> bool {
    LATIN.contains(&enc)
}

/// Whether `c`, met as valid UTF-8 in a file that is not all UTF-8, shows the file is UTF-8.
fn signature(c: char) -> bool {
    matches!(c, '\u{A0}'..='\u{FF}' | '\u{2010}'..='\u{2027}' | '\u{20AC}')
}

/// How a UTF-8 file's stray bytes are read: in `legacy`, except the lead bytes (`0xC2..=0xF4`)
/// the file's valid UTF-8 characters open with (bit `b - 0xC2` of `leads`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strays {
    legacy: &'static Encoding,
    leads: u64,
    /// Whether stray bytes from `0xC0` up (letters) are read in `legacy` too.
    letters: bool,
}

impl Strays {
    /// The legacy encoding stray bytes are read in.
    pub fn legacy(self) -> &'static Encoding {
        self.legacy
    }

    /// Whether the stray byte `b` is a broken UTF-8 character rather than a legacy one.
    fn broken(self, b: u8) -> bool {
        let own_lead = (0xC2..=0xF4).contains(&b) && self.leads & (1 << (b - 0xC2)) != 0;
        own_lead || (b >= 0xC0 && !self.letters)
    }
}

/// The counts [`legacy_for_strays`] decides on.
#[derive(Default)]
struct Counts {
    /// Invalid sequences (as `utf8_chunks` splits them).
    invalid: usize,
    /// Valid characters outside ASCII.
    multibyte: usize,
    /// Of those, [`signature`]s.
    signatures: usize,
    /// Of those, Cyrillic and Greek letters.
    cyrillic: usize,
    greek: usize,
    /// The lead bytes they open with ([`Strays`]).
    leads: u64,
}

fn count(raw: &[u8]) -> Counts {
    let mut c = Counts::default();
    let mut buf = [0u8; 4];
    for chunk in raw.utf8_chunks() {
        for ch in chunk.valid().chars().filter(|ch| !ch.is_ascii()) {
            c.multibyte += 1;
            c.leads |= 1 << (ch.encode_utf8(&mut buf).as_bytes()[0] - 0xC2);
            c.signatures += usize::from(signature(ch));
            c.cyrillic += usize::from(('\u{400}'..='\u{4FF}').contains(&ch));
            c.greek += usize::from(('\u{370}'..='\u{3FF}').contains(&ch));
        }
        c.invalid += usize::from(!chunk.invalid().is_empty());
    }
    c
}

/// The legacy encoding to read the stray bytes of `raw` (not valid UTF-8) in, when the file is
/// UTF-8 with strays (see the module); `guess` gives the whole file's detected encoding, asked
/// only when the file is no UTF-8 by the count alone.
pub(super) fn legacy_for_strays(
    raw: &[u8],
    guess: impl FnOnce() -> &'static Encoding,
) -> Option<Strays> {
    let c = count(raw);
    if c.multibyte == 0 {
        return None;
    }
    let strays = |legacy| Strays {
        legacy,
        leads: c.leads,
        letters: legacy != WINDOWS_1251 && legacy != WINDOWS_1253,
    };
    if c.invalid * 4 <= c.multibyte {
        // Mostly UTF-8: the stray bytes are in the legacy encoding of the text's script.
        return Some(strays(if c.cyrillic * 2 > c.multibyte {
            WINDOWS_1251
        } else if c.greek * 2 > c.multibyte {
            WINDOWS_1253
        } else {
            WINDOWS_1252
        }));
    }
    if c.signatures == 0 {
        return None;
    }
    let guess = guess();
    LATIN.contains(&guess).then(|| strays(guess))
}

/// Decodes `body` as UTF-8, each stray byte alone in the legacy encoding of `strays`; a broken
/// UTF-8 character (see the module) or a byte the legacy encoding leaves undefined (a C1
/// control) becomes U+FFFD. Raw offsets start at `offset`. Gives the text, the number of U+FFFD
/// and the number of bytes read in the legacy encoding.
pub(super) fn decode(body: &[u8], offset: usize, strays: Strays) -> (NormalizedText, usize, usize) {
    let mut chars = Vec::with_capacity(body.len());
    let (mut replaced, mut repaired) = (0, 0);
    let mut pos = offset;
    for chunk in body.utf8_chunks() {
        super::push_valid(&mut chars, &mut pos, chunk.valid());
        let bad = chunk.invalid();
        if bad.len() > 1 || bad.first().is_some_and(|&b| strays.broken(b)) {
            chars.push(('\u{FFFD}', RawRange::new(pos, pos + bad.len())));
            replaced += 1;
            pos += bad.len();
            continue;
        }
        for &b in bad {
            let (s, _) = strays
                .legacy
                .decode_without_bom_handling(std::slice::from_ref(&b));
            let c = s
                .chars()
                .next()
                .filter(|c| !c.is_control())
                .unwrap_or('\u{FFFD}');
            if c == '\u{FFFD}' {
                replaced += 1;
            } else {
                repaired += 1;
            }
            chars.push((c, RawRange::new(pos, pos + 1)));
            pos += 1;
        }
    }
    (NormalizedText::from_chars(chars), replaced, repaired)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(raw: &[u8]) -> Option<String> {
        let strays = legacy_for_strays(raw, || {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(raw, true);
            det.guess(None, true)
        })?;
        Some(decode(raw, 0, strays).0.as_str().to_owned())
    }

    /// UTF-8 with windows-1252 strays keeps both; legacy text and text without UTF-8 in it are
    /// not read so.
    #[test]
    fn strays_are_read_in_the_legacy_encoding() {
        let cyrillic = WINDOWS_1251
            .encode("«НТВ» и «РБК» сообщили о переговорах в Баку")
            .0
            .into_owned();
        let cases: [(&str, &[u8], Option<&str>); 7] = [
            (
                "UTF-8 letters, cp1252 quotes and a dash",
                b"Caf\xc3\xa9 owners said \x93no\x94 \x96 and the r\xc3\xa9sum\xc3\xa9 stayed.",
                Some("Café owners said “no” – and the résumé stayed."),
            ),
            (
                "mostly UTF-8, one apostrophe",
                b"R\xc3\xa9sum\xc3\xa9, caf\xc3\xa9, na\xc3\xafve: it\x92s",
                Some("Résumé, café, naïve: it’s"),
            ),
            (
                "UTF-8 typographic quotes beside cp1252 letters",
                b"\xe2\x80\x9cOui\xe2\x80\x9d, dit-il l'\xe9t\xe9 dernier.",
                Some("“Oui”, dit-il l'été dernier."),
            ),
            (
                "pure windows-1252: no valid multi-byte character",
                b"L'\xe9l\xe8ve a dit \x93oui\x94.",
                None,
            ),
            (
                "windows-1251 with a capital before a guillemet: a Cyrillic guess",
                &cyrillic,
                None,
            ),
            (
                "Russian UTF-8 with a cp1251 dash and a stray letter (a damaged byte as likely)",
                b"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \x97 \xe8 \xd0\x91\xd0\xb0\xd0\xba\xd1\x83",
                Some("Москва — \u{FFFD} Баку"),
            ),
            ("ASCII with a stray byte: no UTF-8 to keep", b"it\x92s done", None),
        ];
        for (what, raw, want) in cases {
            assert_eq!(text(raw).as_deref(), want, "{what}");
        }
    }

    /// A byte the legacy encoding leaves undefined is U+FFFD, counted as replaced; every
    /// character maps to its own bytes.
    #[test]
    fn undefined_bytes_are_replaced_and_offsets_are_bytes() {
        let raw = b"\xc3\xa9\x81\x92x";
        let strays = Strays {
            legacy: WINDOWS_1252,
            leads: 1 << (0xC3 - 0xC2),
            letters: true,
        };
        let (t, replaced, repaired) = decode(raw, 10, strays);
        assert_eq!(t.as_str(), "é\u{FFFD}’x");
        assert_eq!((replaced, repaired), (1, 1));
        let ranges: Vec<RawRange> = t
            .as_str()
            .char_indices()
            .map(|(i, c)| t.raw_range(i..i + c.len_utf8()))
            .collect();
        let want = [(10, 12), (12, 13), (13, 14), (14, 15)].map(|(a, b)| RawRange::new(a, b));
        assert_eq!(ranges, want);
    }
}
