//! Property tests of the alignment through decode + normalize + reflow.
//!
//! * `pipeline_keeps_invariants`: over arbitrary Unicode text and arbitrary bytes, decoding,
//! every normalization step (default options, NFC and NFKC) and the reflow keep the alignment
//! monotonic, inside the raw file and per char (`check_invariants`), and nothing panics.
//! * `groups_round_trip`: for the character-level steps (`line_endings`, `html_entities`,
//! `format_chars`, `unicode` NFC; spaces, markup, blank lines and reflow switched off, since
//! they merge or drop whitespace by looking at the neighbours), every maximal run of output
//! chars that share one raw range is exactly what decoding those raw bytes alone (with the
//! document's encoding) and normalizing them gives.
//! * `normalize_is_idempotent`: with the default options, normalizing the normalized text again
//! changes nothing.

use proptest::prelude::*;

use super::NormalizedText;
use crate::decode::{decode_with, Decoder};
use crate::normalize::{NormalizeOptions, Normalizer, UnicodeForm};

/// Text rich in what the steps act on: CR/LF, spaces, entities, markers, combining marks,
/// format chars, hyphens at line ends, Cyrillic, emoji, and any char at all.
pub(super) fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => any::<char>().prop_map(String::from),
        4 => "[a-zA-Z]{1,8}",
        2 => "[ \t\n\r]{1,3}",
        1 => Just("\u{a0}".to_string()),
        1 => Just("\u{200b}".to_string()),
        1 => Just("\u{ad}\n".to_string()),
        1 => Just("e\u{301}".to_string()),
        1 => Just("\u{301}".to_string()),
        1 => Just("ﬁ".to_string()),
        1 => Just("\u{212a}".to_string()),
        1 => Just("Москва".to_string()),
        1 => Just("😀".to_string()),
        1 => Just("-\n".to_string()),
        1 => Just("> ".to_string()),
        1 => Just("\u{201c}".to_string()),
        1 => Just("&amp;".to_string()),
        1 => Just("&#13;".to_string()),
        1 => Just("&#x301;".to_string()),
        1 => Just("&nbsp;".to_string()),
        1 => Just("amp;".to_string()),
        1 => Just("&".to_string()),
        1 => Just("the\n".to_string()),
        1 => Just(". ".to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn options(unicode: UnicodeForm) -> NormalizeOptions {
    NormalizeOptions {
        unicode,
        ..NormalizeOptions::default()
    }
}

fn char_level() -> NormalizeOptions {
    NormalizeOptions {
        markup: false,
        spaces: false,
        blank_lines: false,
        unwrap: false,
        dehyphenate: false,
        ..NormalizeOptions::default()
    }
}

fn check_pipeline(raw: &[u8]) -> Result<(), TestCaseError> {
    let Ok(decoded) = Decoder::new("auto").unwrap().decode(raw) else {
        return Ok(());
    };
    decoded
        .text
        .check_invariants(raw.len())
        .map_err(TestCaseError::fail)?;
    for form in [UnicodeForm::Nfc, UnicodeForm::Nfkc] {
        let n = Normalizer::new(options(form));
        let mut nt = decoded.text.clone();
        n.normalize(&mut nt);
        nt.check_invariants(raw.len())
            .map_err(TestCaseError::fail)?;
        n.reflow(&mut nt);
        nt.check_invariants(raw.len())
            .map_err(TestCaseError::fail)?;
    }
    Ok(())
}

fn check_groups(raw: &[u8]) -> Result<(), TestCaseError> {
    let Ok(decoded) = Decoder::new("auto").unwrap().decode(raw) else {
        return Ok(());
    };
    let enc = decoded.codec;
    let n = Normalizer::new(char_level());
    let mut nt = decoded.text;
    n.normalize(&mut nt);
    let s = nt.as_str();
    let mut i = 0;
    while i < s.len() {
        let r = nt.align[i];
        let mut j = i;
        while j < s.len() && nt.align[j] == r {
            j += 1;
        }
        let (mut alone, _) = decode_with(enc, &raw[r.start as usize..r.end as usize], 0);
        n.normalize(&mut alone);
        prop_assert_eq!(alone.as_str(), &s[i..j], "raw {:?} in {:?}", r, s);
        i = j;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn identity_equals_reference(s in any::<String>()) {
        prop_assert_eq!(NormalizedText::identity(&s), super::tests::identity_reference(&s));
    }

    #[test]
    fn pipeline_keeps_invariants_on_text(s in messy_text()) {
        check_pipeline(s.as_bytes())?;
    }

    #[test]
    fn pipeline_keeps_invariants_on_bytes(raw in proptest::collection::vec(any::<u8>(), 0..200)) {
        check_pipeline(&raw)?;
    }

    #[test]
    fn pipeline_keeps_invariants_on_utf16(s in messy_text(), be in any::<bool>()) {
        let mut raw = if be { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in s.encode_utf16() {
            raw.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        check_pipeline(&raw)?;
    }

    #[test]
    fn groups_round_trip_on_text(s in messy_text()) {
        check_groups(s.as_bytes())?;
    }

    #[test]
    fn groups_round_trip_on_bytes(raw in proptest::collection::vec(any::<u8>(), 0..200)) {
        check_groups(&raw)?;
    }

    #[test]
    fn groups_round_trip_on_cyrillic_legacy(s in "[а-яА-ЯёЁ ,.\n]{0,60}", koi in any::<bool>()) {
        let enc = if koi { encoding_rs::KOI8_R } else { encoding_rs::WINDOWS_1251 };
        let (raw, _, _) = enc.encode(&s);
        check_groups(&raw)?;
    }

    /// UTF-8 pieces and windows-1252 pieces in one file (`decode/mixed.rs`): offsets and the
    /// decoding of each character's bytes alone hold whatever the decoder chose.
    #[test]
    fn groups_round_trip_on_mixed_utf8_and_cp1252(
        pieces in proptest::collection::vec(("[a-zA-Z\u{e9}\u{e8}\u{e0}\u{2019}\u{201c}\u{201d}\u{2013} ,.\n]{0,20}", any::<bool>()), 0..8)
    ) {
        let mut raw = Vec::new();
        for (text, utf8) in &pieces {
            if *utf8 {
                raw.extend_from_slice(text.as_bytes());
            } else {
                raw.extend_from_slice(&encoding_rs::WINDOWS_1252.encode(text).0);
            }
        }
        check_pipeline(&raw)?;
        check_groups(&raw)?;
    }

    #[test]
    fn normalize_is_idempotent(s in messy_text()) {
        let n = Normalizer::new(NormalizeOptions::default());
        let mut once = NormalizedText::identity(&s);
        n.normalize(&mut once);
        let mut twice = NormalizedText::identity(once.as_str());
        n.normalize(&mut twice);
        prop_assert_eq!(twice.as_str(), once.as_str());
    }
}
