use super::*;
use proptest::prelude::*;

#[test]
fn every_list_file_is_shipped() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/stopwords");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    files.sort();
    let mut shipped: Vec<String> = LISTS.iter().map(|(c, _)| c.to_string()).collect();
    shipped.sort();
    assert_eq!(files, shipped);
    assert!(LISTS.len() >= 30);
}

#[test]
fn identifies_languages_from_running_text() {
    let cases = [
        ("eng", "The minister said on Monday that the talks would continue in the spring."),
        ("rus", "Министр заявил в понедельник, что переговоры будут продолжены весной этого года."),
        ("deu", "Der Minister sagte am Montag, dass die Gespräche im Frühjahr fortgesetzt werden."),
        ("fra", "Le ministre a déclaré lundi que les négociations se poursuivraient au printemps."),
        ("spa", "El ministro dijo el lunes que las conversaciones continuarían en la primavera."),
        ("por", "O ministro disse na segunda-feira que as negociações vão continuar na primavera."),
        ("ind", "Menteri mengatakan pada hari Senin bahwa pembicaraan akan dilanjutkan pada musim semi."),
        ("isl", "Ráðherrann sagði á mánudag að viðræðurnar myndu halda áfram í vor og að engin ákvörðun hefði verið tekin."),
        ("swa", "Waziri alisema siku ya Jumatatu kwamba mazungumzo yataendelea katika msimu wa masika na kwamba hakuna uamuzi uliofanywa."),
        ("eus", "Ministroak astelehenean esan zuen elkarrizketek udaberrian jarraituko dutela eta ez dela erabakirik hartu oraindik."),
        ("tur", "Bakan pazartesi günü yaptığı açıklamada görüşmelerin bahar aylarında da devam edeceğini ve bu konuda bir karar olmadığını söyledi."),
    ];
    for (want, text) in cases {
        let doc = format!("Menu\n{text}\n{text}");
        assert_eq!(identify(doc.lines()).code(), Some(want), "{text}");
    }
    assert_eq!(
        identify("東京都は月曜日、新しい計画を発表した。これは市民のための計画です。".lines()),
        DocLang::Cjk
    );
    assert_eq!(identify("Home\nNews\nSport".lines()), DocLang::Unknown);
}

/// A long text in a language without a list (isiZulu here) is `Unlisted`; a short page of a
/// few words is `Unknown` (too little to tell).
#[test]
fn a_language_without_a_list_is_unlisted() {
    let zulu = "Umndeni wakhe uthe bekunzima ukwamukela lesi sigameko esenzeke emzini wabo \
        ngesonto eledlule. Amaphoyisa athe aphenya udaba futhi umsolwa uzovela enkantolo \
        ngoMsombuluko. Umkhandlu wendawo ukhulume nomphakathi mayelana nokuphepha kwezakhamuzi.";
    let doc = format!("Ekhaya\n{}", [zulu; 6].join("\n"));
    assert_eq!(identify(doc.lines()), DocLang::Unlisted);
    assert_eq!(
        identify(format!("Ekhaya\n{zulu}").lines()),
        DocLang::Unknown
    );
}

/// The per-language sets answer what the bits of the table of every list answer, for the
/// words of every list (as listed, capitalised and uppercased) and for other words.
#[test]
fn is_stop_word_is_is_stop_of_bits() {
    let mut words: Vec<String> = Vec::new();
    for (_, list) in LISTS {
        for w in list.lines().filter(|w| !w.is_empty()) {
            let mut cap = w.chars();
            let first: String = cap
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            words.extend([
                w.to_string(),
                format!("{first}{}", cap.as_str()),
                w.to_uppercase(),
            ]);
        }
    }
    words.extend(
        [
            "minister",
            "Baku",
            "",
            "x",
            "İstanbul",
            "ΟΔΟΣ",
            "東京",
            "Russia\u{2019}s",
            "abcdefghijklmnopqrstuvwxyz",
            "\u{212A}now",
            "INCLUDIN\u{212A}",
            "\u{212A}",
        ]
        .map(String::from),
    );
    let langs = (0..LISTS.len() as u8)
        .map(DocLang::Listed)
        .chain([DocLang::Cjk, DocLang::Unknown]);
    for lang in langs {
        for w in &words {
            assert_eq!(
                lang.is_stop_word(w),
                lang.is_stop(bits(w)),
                "{lang:?} {w:?}"
            );
        }
    }
}

/// The table's bits are those of a plain map from every listed word to its lists, looked up
/// by the lowercased word: for the listed words (as listed, capitalised, uppercased, and
/// with a letter changed at either end, which the long-word filter must tell apart) and others.
#[test]
fn bits_are_the_plain_lookup() {
    let mut plain: std::collections::HashMap<&str, Bits> = std::collections::HashMap::new();
    for (bit, (_, words)) in LISTS.iter().enumerate() {
        for (rank, w) in words.lines().filter(|w| !w.is_empty()).enumerate() {
            let b = plain.entry(w).or_default();
            b.full |= 1 << bit;
            if rank < CORE {
                b.core |= 1 << bit;
            }
        }
    }
    let mut words: Vec<String> = Vec::new();
    for w in plain.keys() {
        words.extend(case_forms(w));
        words.extend([
            format!("x{w}"),
            format!("{w}s"),
            format!(
                "{}q",
                &w[..w.len() - w.chars().next_back().map_or(0, char::len_utf8)]
            ),
        ]);
    }
    words.extend(["independence", "Azerbaijan's", "ABCDEFGHIJ", "x"].map(String::from));
    for w in &words {
        let want = with_lowercase(w, |l| plain.get(l).copied().unwrap_or_default());
        assert_eq!(bits(w), want, "{w:?}");
        // With the key read from a line, as `identify` reads it.
        let line = format!("{w} said");
        let in_line = &line[..w.len()];
        assert_eq!(
            bits_keyed(&TABLE, in_line, ascii_key_within(&line, in_line)).bits(),
            want,
            "{w:?}"
        );
    }
}

/// `identify` as it read before its letters were counted late (the reference).
fn identify_plain<'a>(lines: impl Iterator<Item = &'a str>) -> DocLang {
    let mut votes = [0u32; 64];
    let (mut words, mut cjk, mut letters) = (0usize, 0usize, 0usize);
    for line in lines {
        if words >= SAMPLE_WORDS {
            break;
        }
        if !line.is_ascii() {
            for c in line.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                cjk += usize::from(is_cjk(c));
            }
        }
        if line.split_whitespace().nth(5).is_none() {
            continue;
        }
        for tok in line.split_whitespace() {
            let w = bare(tok);
            if w.is_empty() {
                continue;
            }
            words += 1;
            let b = bits(w);
            for (bit, v) in votes.iter_mut().enumerate() {
                if b.full & (1 << bit) != 0 {
                    *v += 1 + u32::from(b.core & (1 << bit) != 0);
                }
            }
        }
    }
    if letters > 0 && cjk * 2 > letters {
        return DocLang::Cjk;
    }
    elect(&votes, words)
}

proptest! {
    /// Documents of lines in several scripts (Chinese and Japanese among them, words of the
    /// lists, long and short lines) get the language the reference gives them.
    #[test]
    fn identify_is_the_plain_vote(
        doc in proptest::collection::vec(
            proptest::collection::vec(
                "(the|and|der|und|что|и|на|的|是|これは|東京|計画|İstanbul|Straße|été|über|[a-zA-Z]{1,8}|\\PC{1,3}|,|\u{2019}s)",
                0..12,
            ).prop_map(|w| w.join(" ")),
            0..30,
        )
    ) {
        prop_assert_eq!(identify(doc.iter().map(String::as_str)), identify_plain(doc.iter().map(String::as_str)));
    }
}

proptest! {
    /// The bit-sliced counts are one counter per bit (past several flushes of the planes).
    #[test]
    fn tally_counts_every_bit(adds in proptest::collection::vec((any::<u64>(), any::<u64>(), any::<bool>()), 0..600)) {
        let mut t = Tally::default();
        let mut want = [0u32; 64];
        for &(x, y, pair) in &adds {
            if pair {
                t.add2(x, y);
            } else {
                t.add(x);
            }
            for (bit, w) in want.iter_mut().enumerate() {
                *w += u32::from(x & (1 << bit) != 0);
                *w += u32::from(pair && y & (1 << bit) != 0);
            }
        }
        prop_assert_eq!(t.counts(), want);
    }
}

#[test]
fn lookups_ignore_case_and_use_the_language() {
    let eng = DocLang::Listed(0);
    assert!(eng.is_stop(bits("The")));
    assert!(eng.is_stop(bits("THE")));
    assert!(!eng.is_stop(bits("Baku")));
    let rus = DocLang::Listed(1);
    assert!(rus.is_stop(bits("Что")));
    assert!(!rus.is_stop(bits("minister")));
    assert!(!eng.is_stop(bits("министр")));
}
