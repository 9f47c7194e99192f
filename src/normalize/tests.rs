//! Whole-normalizer tests: named cases, exact alignment vectors, the seed corpus' reflow.

use super::*;
use crate::text::RawRange;

fn run(s: &str) -> NormalizedText {
    let mut nt = NormalizedText::identity(s);
    let n = Normalizer::new(NormalizeOptions::default());
    n.normalize(&mut nt);
    nt.check_invariants(s.len()).unwrap();
    nt
}

fn full(s: &str) -> String {
    let mut nt = run(s);
    Normalizer::new(NormalizeOptions::default()).reflow(&mut nt);
    nt.check_invariants(s.len()).unwrap();
    nt.into_string()
}

/// The raw range of every char of the text.
fn raws(nt: &NormalizedText) -> Vec<(u32, u32)> {
    nt.as_str()
        .char_indices()
        .map(|(i, c)| {
            let r = nt.raw_range(i..i + c.len_utf8());
            (r.start, r.end)
        })
        .collect()
}

#[test]
fn normalize_cases() {
    let cases = [
        ("crlf", "a\r\nb\rc", "a\nb\nc"),
        ("collapse and trim", "  a \t\u{a0} b  \n c ", "a b\nc"),
        ("blank runs", "\n\na\n\n\n\nb\n\n", "a\n\nb"),
        ("format chars", "Ba\u{200b}ku\u{ad}", "Baku"),
        ("zwj kept", "a\u{200d}b", "a\u{200d}b"),
        ("nfc", "Cafe\u{301} Бакy", "Café Бакy"),
        (
            "entity",
            "Smith &amp; Wesson&nbsp;Inc",
            "Smith & Wesson Inc",
        ),
        ("double-escaped entity", "&amp;quot;x&amp;quot;", "\"x\""),
        ("entity CR", "a&#13;\nb", "a\nb"),
        ("entity combining mark composes", "e&#769;", "é"),
        ("blockquote", "> first\n> second", "first\nsecond"),
        (
            "lone marker before quote",
            "asserted, > \u{201C}We are\u{201D}",
            "asserted, \u{201C}We are\u{201D}",
        ),
        ("format char hides a marker", "x \u{200b}> \"q\"", "x \"q\""),
    ];
    for (name, input, want) in cases {
        assert_eq!(run(input).as_str(), want, "case {name}");
    }
}

#[test]
fn switched_off_steps_do_nothing() {
    let opts = NormalizeOptions {
        unicode: UnicodeForm::None,
        line_endings: false,
        html_entities: false,
        format_chars: false,
        markup: false,
        spaces: false,
        blank_lines: false,
        unwrap: false,
        dehyphenate: false,
    };
    let n = Normalizer::new(opts);
    let s = " > a&amp;b\r\n\u{200b}e\u{301}  \n\n\ninter-\nnational";
    let mut nt = NormalizedText::identity(s);
    n.normalize(&mut nt);
    n.reflow(&mut nt);
    assert_eq!(nt.as_str(), s);
}

#[test]
fn alignment_vectors() {
    // NFC: "é" maps to "e" + U+0301 (3 raw bytes).
    let nt = run("xe\u{301}y");
    assert_eq!(nt.as_str(), "xéy");
    assert_eq!(raws(&nt), vec![(0, 1), (1, 4), (4, 5)]);
    // CRLF: the LF maps to both raw bytes.
    let nt = run("a\r\nb");
    assert_eq!(raws(&nt), vec![(0, 1), (1, 3), (3, 4)]);
    // An entity maps to the whole reference; Cyrillic chars keep their 2 bytes.
    let nt = run("Б&rsquo;Д");
    assert_eq!(nt.as_str(), "Б\u{2019}Д");
    assert_eq!(raws(&nt), vec![(0, 2), (2, 9), (9, 11)]);
    // A collapsed run of spaces maps to the whole run; the emoji keeps its 4 bytes.
    let nt = run("😀 \u{a0} x");
    assert_eq!(nt.as_str(), "😀 x");
    assert_eq!(raws(&nt), vec![(0, 4), (4, 8), (8, 9)]);
    // NFKC folds a ligature to two chars, both mapped to its 3 bytes.
    let mut nt = NormalizedText::identity("ﬁx");
    Normalizer::new(NormalizeOptions {
        unicode: UnicodeForm::Nfkc,
        ..Default::default()
    })
    .normalize(&mut nt);
    assert_eq!(nt.as_str(), "fix");
    assert_eq!(raws(&nt), vec![(0, 3), (0, 3), (3, 4)]);
}

#[test]
fn reflow_cases() {
    let cases = [
        (
            "lowercase continuation",
            "The\nsummer came.\nThen it ended",
            "The summer came.\nThen it ended",
        ),
        (
            "dehyphenate",
            "an inter-\nnational court",
            "an international court",
        ),
        (
            "hyphen before uppercase kept",
            "the Azerbaijani-\nRussian border",
            "the Azerbaijani-Russian border",
        ),
        (
            "list kept",
            "Points:\n- one\n- two",
            "Points:\n- one\n- two",
        ),
        (
            "function word",
            "talks with the\nKremlin stalled",
            "talks with the Kremlin stalled",
        ),
        (
            "paragraph break kept",
            "First.\n\nsecond",
            "First.\n\nsecond",
        ),
    ];
    for (name, input, want) in cases {
        assert_eq!(full(input), want, "case {name}");
    }
}

#[test]
fn dropped_hyphen_maps_the_rest_exactly() {
    let mut nt = run("inter-\nnational");
    Normalizer::new(NormalizeOptions::default()).reflow(&mut nt);
    assert_eq!(nt.as_str(), "international");
    let r = nt.raw_range(0..nt.len());
    assert_eq!(r, RawRange::new(0, 15));
    assert_eq!(
        nt.raw_range(5..6),
        RawRange::new(7, 8),
        "the 'n' after the break"
    );
}

/// Lines of the seed corpus after normalize + reflow (no boilerplate removal here).
fn seed(name: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name);
    let raw = std::fs::read_to_string(path).unwrap();
    full(&raw).lines().map(str::to_owned).collect()
}

#[test]
fn seed_hard_wrapped_article_is_unwrapped() {
    let lines = seed("000_89ac794dc1ea0cf1.txt");
    let text = lines.join("\n");
    for joined in [
        "The summer of 2025 has brought a sharp escalation in relations between Azerbaijan and Russia.",
        "However, the Russian authorities' restrained",
        "strengthened cooperation with Turkey.",
        "Russian Deputy Prime Minister to Baku",
        "The incident in Yekaterinburg",
        "Almost simultaneously",
    ] {
        assert!(text.contains(joined), "missing {joined:?} in\n{text}");
    }
    // Paragraphs keep their own lines: each starts a line.
    for start in [
        "The incident",
        "Almost simultaneously",
        "The retaliatory",
        "The crisis is",
        "The death of the Safarov",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(start)),
            "paragraph {start:?} lost its break"
        );
    }
    assert!(
        lines[0].ends_with("New Enemy"),
        "headline kept: {:?}",
        lines[0]
    );
    // No line of the article body ends inside a sentence.
    let body: Vec<&String> = lines
        .iter()
        .take_while(|l| !l.starts_with("Latest news"))
        .collect();
    for l in &body[2..] {
        assert!(
            l.ends_with(['.', '”']),
            "line ends inside a sentence: {l:?}"
        );
    }
}

#[test]
fn seed_one_paragraph_per_line_articles_are_untouched() {
    for name in [
        "001_27d18d41d7e29ead.txt",
        "002_2d9b916d5eaa1a17.txt",
        "004_2254f97d5df13279.txt",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .join(name);
        let raw = std::fs::read_to_string(path).unwrap();
        let want: Vec<&str> = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let got = seed(name);
        let got: Vec<&str> = got
            .iter()
            .map(String::as_str)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(got, want, "case {name}: no line may be joined");
    }
}

#[test]
fn seed_stray_quote_marker_is_removed() {
    let text = seed("003_96f81bdd251e289b.txt").join("\n");
    assert!(
        text.contains("publicly asserted, \"We are not responsible"),
        "{text}"
    );
    assert!(!text.contains('>'));
}

#[test]
fn normalizer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Normalizer>();
}
