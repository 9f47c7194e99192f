use super::*;

fn auto() -> Decoder {
    Decoder::new("auto").unwrap()
}

#[test]
fn utf8_with_bom_drops_the_bom_and_keeps_raw_offsets() {
    let d = auto().decode(b"\xEF\xBB\xBFBaku").unwrap();
    assert_eq!(d.text.as_str(), "Baku");
    assert_eq!(d.encoding(), "UTF-8");
    assert_eq!(d.text.raw_range(0..4), RawRange::new(3, 7));
}

/// A stray byte in UTF-8 text is read in the legacy encoding of the text's script (a Russian
/// text's em dash in windows-1251) and counted as repaired; a byte that encoding leaves
/// undefined is U+FFFD, counted as replaced. The encoding stays UTF-8, not guessed.
#[test]
fn invalid_bytes_in_utf8_are_read_in_a_legacy_encoding_or_replaced() {
    let d = auto().decode("Баку \u{e9}".as_bytes()).unwrap();
    assert_eq!((d.replaced, d.repaired), (0, 0));
    let mut raw = "Москва и Баку: переговоры".as_bytes().to_vec();
    raw.splice(13..13, [0x97, b' ']);
    let d = auto().decode(&raw).unwrap();
    assert_eq!(d.encoding(), "UTF-8");
    assert!(!d.guessed);
    assert_eq!(d.text.as_str(), "Москва — и Баку: переговоры");
    assert_eq!((d.replaced, d.repaired), (0, 1));
    raw[13] = 0x98;
    let d = auto().decode(&raw).unwrap();
    assert_eq!(d.text.as_str(), "Москва \u{FFFD} и Баку: переговоры");
    assert_eq!((d.replaced, d.repaired), (1, 0));
}

#[test]
fn utf16le_offsets_point_at_the_stored_bytes() {
    let mut raw = vec![0xFF, 0xFE];
    for u in "Bakı".encode_utf16() {
        raw.extend_from_slice(&u.to_le_bytes());
    }
    let d = auto().decode(&raw).unwrap();
    assert_eq!(d.text.as_str(), "Bakı");
    assert_eq!(d.encoding(), "UTF-16LE");
    let s = d.text.as_str();
    let i = s.find('ı').unwrap();
    assert_eq!(d.text.raw_range(i..s.len()), RawRange::new(8, 10));
}

#[test]
fn utf16_without_bom_is_detected_and_binary_is_not_utf16() {
    let text = "Ilham Aliyev, Баку: 2025\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases: [(&str, &[u8], Result<&str, ErrorKind>); 10] = [
        ("LE", &le, Ok("UTF-16LE")),
        ("BE", &be, Ok("UTF-16BE")),
        (
            "zeros at both parities",
            b"a\0\0b\0c\0d",
            Err(ErrorKind::Binary),
        ),
        (
            "u16 control values",
            &[1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0],
            Err(ErrorKind::Binary),
        ),
        ("one NUL in a short text", b"ab\0d", Err(ErrorKind::Binary)),
        (
            "ASCII words with NULs, read at the wrong width",
            b"Baku\0 Baku\0 Baku\0 Baku\0 ",
            Err(ErrorKind::Binary),
        ),
        (
            "one NUL, even length",
            b"Hello\0World!",
            Err(ErrorKind::Binary),
        ),
        (
            "one NUL, odd parity",
            b"Baku is\0 a city",
            Err(ErrorKind::Binary),
        ),
        (
            "NULs at one parity in ASCII text",
            b"abc\0def\0ghi\0jkl\0mno\0pqr\0",
            Err(ErrorKind::Binary),
        ),
        ("NUL pairs", b"Baku\0\0city\0\0", Err(ErrorKind::Binary)),
    ];
    for (name, raw, want) in cases {
        let got = auto().decode(raw).map(|d| {
            assert!(d.guessed, "case {name}");
            assert_eq!(d.text.as_str(), text, "case {name}");
            d.encoding()
        });
        assert_eq!(got.map_err(|e| e.kind), want, "case {name}");
    }
}

#[test]
fn utf16_without_bom_in_several_scripts_is_detected() {
    let texts = [
        ("Latin", "The minister met reporters in Baku on Monday.\n"),
        ("Cyrillic", "Президент прибыл в Баку, сообщает ТАСС.\n"),
        (
            "Azerbaijani",
            "İlham Əliyev Bakıda çıxış edib, “xəbər” verir.\n",
        ),
        ("Greek", "Ο πρωθυπουργός επισκέφθηκε την Αθήνα σήμερα.\n"),
        (
            "Cyrillic with Georgian names",
            "Глава МИД встретился в Тбилиси с თამარ ბერიძე и ნინო გელაშვილი.\n",
        ),
        (
            "Korean (가 U+AC00: a NUL low byte)",
            "정부는 오늘 새로운 대책을 내놓았다. 서울의 시장 상인들은 환영했고 가격은 내릴 전망이다.\n",
        ),
        (
            "a table rule (─ U+2500) and Ā",
            "Āgra ── the minister met reporters in Baku on Monday ── and left.\n",
        ),
    ];
    for (name, text) in texts {
        for (enc, raw) in [
            (
                "UTF-16LE",
                text.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>(),
            ),
            (
                "UTF-16BE",
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            ),
        ] {
            let d = auto()
                .decode(&raw)
                .unwrap_or_else(|e| panic!("case {name} {enc}: {e:?}"));
            assert_eq!(d.encoding(), enc, "case {name}");
            assert_eq!(d.text.as_str(), text, "case {name}");
        }
    }
}

#[test]
fn unicode_text_is_never_decoded_again() {
    let cases: [(&str, &str, Result<&str, ErrorKind>); 5] = [
        ("plain", "Baku", Ok("Baku")),
        ("one NUL", "ab\0d", Err(ErrorKind::Binary)),
        (
            "NULs at one parity",
            "a\0b\0c\0d\0e\0f\0",
            Err(ErrorKind::Binary),
        ),
        ("BOM stripped", "\u{FEFF}Баку", Ok("Баку")),
        ("whitespace", " \n", Err(ErrorKind::Empty)),
    ];
    // A forced legacy encoding does not apply to text that is already Unicode.
    for decoder in [auto(), Decoder::new("windows-1251").unwrap()] {
        for (name, text, want) in cases {
            let got = decoder.decode_unicode(text).map(|d| {
                assert_eq!(d.encoding(), "UTF-8", "case {name}");
                d.text.as_str().to_string()
            });
            assert_eq!(
                got.map_err(|e| e.kind),
                want.map(String::from),
                "case {name}"
            );
        }
    }
}

#[test]
fn windows_1251_is_detected() {
    let text = "Президент Азербайджана Ильхам Алиев заявил, что Россия должна извиниться.";
    let (raw, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let d = auto().decode(&raw).unwrap();
    assert_eq!(d.encoding(), "windows-1251");
    assert!(d.guessed);
    assert_eq!(d.text.as_str(), text);
}

#[test]
fn cyrillic_encodings_are_detected_even_on_short_text() {
    let texts = [
        "Президент Азербайджана Ильхам Алиев заявил, что Россия должна извиниться.",
        "Баку",
        "Да",
        "ЦИК РФ",
        "In Moscow (Москва) today",
        "Привет, мир!",
    ];
    for text in texts {
        for enc in [
            encoding_rs::WINDOWS_1251,
            encoding_rs::KOI8_R,
            encoding_rs::IBM866,
        ] {
            let (raw, _, _) = enc.encode(text);
            let d = auto().decode(&raw).unwrap();
            assert_eq!(d.text.as_str(), text, "case {text:?} in {}", enc.name());
            assert_eq!(d.encoding(), enc.name(), "case {text:?} in {}", enc.name());
        }
    }
}

#[test]
fn ukrainian_koi8_stays_koi8_u() {
    let text = "Київ і Україна, їхня історія";
    let (raw, _, _) = encoding_rs::KOI8_U.encode(text);
    let d = auto().decode(&raw).unwrap();
    assert_eq!(d.encoding(), "KOI8-U");
    assert_eq!(d.text.as_str(), text);
}

#[test]
fn latin_legacy_encodings_are_detected() {
    let cases = [
        (
            "windows-1252",
            encoding_rs::WINDOWS_1252,
            "Café déjà vu à Genève, naïve façade et cœur",
        ),
        (
            "ISO-8859-2",
            encoding_rs::ISO_8859_2,
            "Zażółć gęślą jaźń w Łodzi",
        ),
        (
            "windows-1250",
            encoding_rs::WINDOWS_1250,
            "Zażółć gęślą jaźń w Łodzi",
        ),
    ];
    for (name, enc, text) in cases {
        let (raw, _, _) = enc.encode(text);
        let d = auto().decode(&raw).unwrap();
        assert_eq!(d.encoding(), name, "case {name}");
        assert_eq!(d.text.as_str(), text, "case {name}");
    }
}

#[test]
fn binary_and_empty_are_errors() {
    assert_eq!(
        auto().decode(b"ab\0cd").unwrap_err().kind,
        ErrorKind::Binary
    );
    assert_eq!(auto().decode(b"").unwrap_err().kind, ErrorKind::Empty);
    assert_eq!(
        auto().decode(b" \n\t\r\n").unwrap_err().kind,
        ErrorKind::Empty
    );
}

#[test]
fn forced_encoding_is_used() {
    let (raw, _, _) = encoding_rs::KOI8_R.encode("Баку");
    let d = Decoder::new("koi8-r").unwrap().decode(&raw).unwrap();
    assert_eq!(d.text.as_str(), "Баку");
    assert_eq!(d.encoding(), "KOI8-R");
}

/// A Latin text whose only high bytes are windows-1252 punctuation and signs (an English page's
/// apostrophes, quotes and pound signs) is read as windows-1252, not as a Cyrillic encoding
/// ("УWe ...Ф", "unionТs", "г5m" in IBM866; "Ј12m" in windows-1251) nor windows-1250 ("Ł40");
/// Polish text keeps windows-1250.
#[test]
fn a_few_punctuation_bytes_are_windows_1252() {
    for english in [
        "The council\u{2019}s plan will cost \u{a3}12m, the mayor said.",
        "Ferry fares rise to \u{a3}3 from Monday, the port\u{2019}s owners said. Commuters said \
         the rise was unfair.",
        "\u{201c}We will not back down,\u{201d} the union\u{2019}s leader said, as talks over the \
         \u{a3}5m deal broke down.",
        "The best heated clothes airers to save money and energy when drying laundry, from \
         \u{a3}40\n\nThe best heated airers are a space-saving choice for the winter months.",
    ] {
        let (raw, _, _) = encoding_rs::WINDOWS_1252.encode(english);
        let d = auto().decode(&raw).unwrap();
        assert_eq!(d.encoding(), "windows-1252", "{english}");
        assert_eq!(d.text.as_str(), english);
    }
    let polish = "Władze miasta przyjęły budżet portu. Prom kosztuje 40 mln złotych, a remont \
        nabrzeża potrwa do jesieni. Radni głosowali za wnioskiem w środę.";
    let (raw, _, _) = encoding_rs::WINDOWS_1250.encode(polish);
    let d = auto().decode(&raw).unwrap();
    assert_eq!(d.encoding(), "windows-1250");
    assert_eq!(d.text.as_str(), polish);
}
