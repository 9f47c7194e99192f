//! The guarded patterns (a prefilter in front of a regex, [`Guarded`]) against their guards: named
//! cases per pattern, and one table-driven proptest over all of them.

use proptest::prelude::*;

use super::super::features::BULLET;
use super::super::line_rules::{
    ci, CONTRIBUTED, COPYRIGHT, CREDIT_BRACKET, CREDIT_SLASH_VIA, CREDIT_STOCK, CREDIT_VIA,
    LINK_SEP, POSITION_CUE, RELATED_HEADER, REPORTING_BY, SIGN_OFF,
};
use crate::boilerplate::guarded::Guarded;

/// Cyrillic letters and their case variants (the Cyrillic blocks, Extended-B and C).
fn cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52F}' | '\u{1C80}'..='\u{1C8F}' | '\u{A640}'..='\u{A69F}')
}

/// The byte-level prefilters in front of the case-insensitive patterns assume that ASCII letters
/// other than `k` and `s` have no non-ASCII case variants, that those two have only `ſ` and the
/// Kelvin sign, and that Cyrillic letters' variants stay in the ranges `cyrillic` covers, whose
/// characters all start with the lead bytes the copyright guard looks for.
#[test]
fn prefilter_case_variants() {
    let latin = ci("^[a-z]$");
    let russian = ci("^[а-яё]$");
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = c.to_string();
        if latin.is_match(&s) {
            assert!(
                c.is_ascii() || c == '\u{17F}' || c == '\u{212A}',
                "latin case variant {c:?} (U+{:04X})",
                c as u32
            );
        }
        if russian.is_match(&s) {
            assert!(
                cyrillic(c),
                "cyrillic case variant {c:?} (U+{:04X})",
                c as u32
            );
        }
        if cyrillic(c) {
            assert!(
                matches!(s.as_bytes()[0], 0xD0..=0xD4 | 0xE1 | 0xEA),
                "lead byte of {c:?}"
            );
        }
    }
}

/// Every pattern that sits behind a prefilter.
const GUARDED: [&Guarded; 12] = [
    &BULLET,
    &COPYRIGHT,
    &CREDIT_BRACKET,
    &CREDIT_SLASH_VIA,
    &CREDIT_VIA,
    &CREDIT_STOCK,
    &REPORTING_BY,
    &CONTRIBUTED,
    &SIGN_OFF,
    &LINK_SEP,
    &RELATED_HEADER,
    &POSITION_CUE,
];

/// Named cases of the guarded patterns: (pattern, case, line, whether the pattern matches). Each
/// positive passes its guard; the negatives include lines the guard skips.
fn guarded_cases() -> Vec<(&'static Guarded, &'static str, &'static str, bool)> {
    vec![
        (
            &POSITION_CUE,
            "apposition",
            "Jane Roe, left, and John Doe at the launch",
            true,
        ),
        (
            &POSITION_CUE,
            "second left",
            "Mayor Ann Lee, second left, cuts the ribbon",
            true,
        ),
        (
            &POSITION_CUE,
            "bracket",
            "The minister (centre) greets farmers",
            true,
        ),
        (
            &POSITION_CUE,
            "german",
            "Anna Roth (l.) mit ihrer Trainerin",
            true,
        ),
        (
            &POSITION_CUE,
            "french",
            "Le maire (à gauche) et son adjoint",
            true,
        ),
        (
            &POSITION_CUE,
            "spanish",
            "El alcalde (derecha) y la ministra",
            true,
        ),
        (
            &POSITION_CUE,
            "portuguese",
            "O prefeito (ao centro) e a ministra",
            true,
        ),
        (
            &POSITION_CUE,
            "russian",
            "Министр (слева) и губернатор",
            true,
        ),
        (
            &POSITION_CUE,
            "party letter",
            "Sen. Jane Roe (R) voted against it",
            false,
        ),
        (
            &POSITION_CUE,
            "prose centre",
            "Breathe in, relax, center, and let go",
            false,
        ),
        (
            &POSITION_CUE,
            "left to right",
            "Read the line from left to right",
            false,
        ),
        (
            &POSITION_CUE,
            "no mark",
            "Talks resume at the border",
            false,
        ),
        (&BULLET, "dash", "- Walk the Old City early", true),
        (
            &BULLET,
            "number",
            "1. A History of Strained Relations",
            true,
        ),
        (&BULLET, "roman", "IV. The Plane Incident", true),
        (&BULLET, "letter", "a) the first option", true),
        (&BULLET, "arabic-indic digit", "٣. item", true),
        (&BULLET, "capital word", "In the capital", false),
        (&BULLET, "year", "2025 was a hard year", false),
        (&COPYRIGHT, "symbol", "© 2026 Example News", true),
        (&COPYRIGHT, "all rights", "ALL RIGHTS RESERVED.", true),
        (&COPYRIGHT, "russian rights", "Все права защищены", true),
        (
            &COPYRIGHT,
            "reproduction",
            "Reproduction of this article is prohibited",
            true,
        ),
        (
            &COPYRIGHT,
            "may not be",
            "This material may not be published",
            true,
        ),
        (&COPYRIGHT, "(c) year", "(c) 2025 Example", true),
        (
            &COPYRIGHT,
            "claim in prose",
            "The court rejected the copyright claim.",
            false,
        ),
        (
            &COPYRIGHT,
            "prose",
            "He said the talks would resume.",
            false,
        ),
        (
            &CREDIT_BRACKET,
            "ap photo",
            "Soldiers at the border (AP Photo/Jane Doe)",
            true,
        ),
        (
            &CREDIT_BRACKET,
            "photo by",
            "(Photo by Vano Shlamov/AFP)  ",
            true,
        ),
        (
            &CREDIT_BRACKET,
            "bracket mid-line",
            "(AP Photo/X) walks past",
            false,
        ),
        (
            &CREDIT_SLASH_VIA,
            "via slash",
            "A street in Baku / Photo by X via Pixabay",
            true,
        ),
        (
            &CREDIT_SLASH_VIA,
            "no slash",
            "A street in Baku via Pixabay",
            false,
        ),
        (
            &CREDIT_VIA,
            "via getty",
            "The summit in Paris via Getty Images",
            true,
        ),
        (&CREDIT_VIA, "via caps", "The summit VIA REUTERS", true),
        (
            &CREDIT_VIA,
            "via in prose",
            "They travelled via Tbilisi",
            false,
        ),
        (
            &CREDIT_STOCK,
            "stock end",
            "A field of wheat. Shutterstock",
            true,
        ),
        (
            &CREDIT_STOCK,
            "kelvin sign",
            "A field of wheat. SHUTTERSTOC\u{212A}  ",
            true,
        ),
        (&CREDIT_STOCK, "istockphoto", "Oil rigs iStockphoto", true),
        (
            &CREDIT_STOCK,
            "stock mid-line",
            "Shutterstock shares rose",
            false,
        ),
        (
            &REPORTING_BY,
            "reporting",
            "(Reporting by Jane Doe; Editing by John Roe)",
            true,
        ),
        (
            &REPORTING_BY,
            "additional",
            "Additional reporting by Lynn Berry",
            true,
        ),
        (
            &REPORTING_BY,
            "by in prose",
            "By Monday, the talks had stalled",
            false,
        ),
        (
            &CONTRIBUTED,
            "contributed",
            "Lynn Berry contributed to this report.",
            true,
        ),
        (
            &CONTRIBUTED,
            "in brackets",
            "(Jane Roe contributed reporting.)",
            true,
        ),
        (
            &CONTRIBUTED,
            "mid-sentence",
            "He contributed to the report on Monday.",
            false,
        ),
        (&SIGN_OFF, "dash", "\u{2014} Reuters", true),
        (&SIGN_OFF, "bracket", "(AFP)", true),
        (&SIGN_OFF, "name", "Reuters", false),
        (&LINK_SEP, "pipe", "About | Contact", true),
        (&LINK_SEP, "double colon", "News :: World", true),
        (&LINK_SEP, "backslash", "A \\ B", true),
        (&LINK_SEP, "unspaced", "5/6 of the level", false),
        (
            &RELATED_HEADER,
            "related",
            "Related: Storm hits coast",
            true,
        ),
        (&RELATED_HEADER, "read more", "READ MORE", true),
        (&RELATED_HEADER, "most read", "Most read in Science", true),
        (&RELATED_HEADER, "russian", "Читайте также:", true),
        (
            &RELATED_HEADER,
            "prose",
            "The storm hit the coast on Monday.",
            false,
        ),
    ]
}

#[test]
fn guarded_named_cases() {
    for (g, name, line, want) in guarded_cases() {
        assert_eq!(
            g.regex().is_match(line),
            want,
            "{} / {name}: pattern",
            g.name
        );
        assert_eq!(g.is_match(line), want, "{} / {name}: guarded", g.name);
        if want {
            assert!(g.may_match(line), "{} / {name}: guard", g.name);
        }
    }
    for g in GUARDED {
        assert!(
            guarded_cases().iter().any(|c| std::ptr::eq(c.0, g) && c.3),
            "{} has no positive case",
            g.name
        );
    }
}

/// Each guarded pattern has its own name (failures name the pattern).
#[test]
fn one_regex_per_guarded_name() {
    let names: Vec<&str> = GUARDED.iter().map(|g| g.name).collect();
    for (n, name) in names.iter().enumerate() {
        assert!(!names[..n].contains(name), "{name} twice");
    }
}

/// Pieces of the guarded patterns: their words, signs and separators, case variants
/// (`ſ`, the Kelvin sign, Cyrillic Extended-C), and any character.
fn guarded_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(" ".to_string()),
        2 => "(\\(|\\)|/|\\.|;|,| / | \\(| \\) |\\s|::|\\\\|[|>›»•·]|[-*•–—▪◦·]|©|\\(c\\)|\\(C\\) 2024)",
        3 => "(AP|Related|READ MORE|Most read|See also|In case|ſee also|Photo|photos|PHOTOGRAPH|Image|pool photo|фото|Getty|Getty Images|via|VIA|Pixabay|SHUTTERSTOC\u{212A}|iStockphoto|Wikimedia Commons|Alamy|afp|Reuters|Reporting|Additional|editing|by|contributed|to|this|the|report|story|copyright|COPYRIGHT|all rights reserved|All Rights|reproduction|prohibited|may not be|published|Все права защищены|ᲀсе права|ꙁ|ſ|IV|left|Right|second|ſecond|far|centre|links|linKs|rechtſ|l\\.|à gauche|derecha|ao centro|слева|[0-9]{1,4}|[a-z]\\))",
        1 => "[a-zA-Z]{1,6}",
        1 => "\\PC",
    ]
}

/// A guarded line: pieces at random, or a named case with a few pieces inserted, characters
/// deleted or cases flipped (near misses and near matches of every pattern).
fn guarded_line() -> impl Strategy<Value = String> {
    let seeds: Vec<&'static str> = guarded_cases().into_iter().map(|c| c.2).collect();
    let edit = (any::<usize>(), 0..3u8, guarded_piece());
    prop_oneof![
        proptest::collection::vec(guarded_piece(), 0..14).prop_map(|v| v.concat()),
        (
            proptest::sample::select(seeds),
            proptest::collection::vec(edit, 0..4)
        )
            .prop_map(|(seed, edits)| {
                let mut cs: Vec<char> = seed.chars().collect();
                for (at, kind, piece) in edits {
                    let at = at % (cs.len() + 1);
                    match kind {
                        0 => {
                            cs.splice(at..at, piece.chars());
                        }
                        1 if at < cs.len() => {
                            cs.remove(at);
                        }
                        _ if at < cs.len() => {
                            let c = cs[at];
                            let flipped: Vec<char> = if c.is_uppercase() {
                                c.to_lowercase().collect()
                            } else {
                                c.to_uppercase().collect()
                            };
                            cs.splice(at..=at, flipped);
                        }
                        _ => {}
                    }
                }
                cs.into_iter().collect()
            }),
    ]
}

/// The generator reaches a match of every guarded pattern, so the property below is not
/// vacuous for any of them.
#[test]
fn guarded_lines_match_every_pattern() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = guarded_line();
    let mut hits = [0usize; GUARDED.len()];
    for _ in 0..2048 {
        let s = strategy.new_tree(&mut runner).unwrap().current();
        for (n, g) in GUARDED.iter().enumerate() {
            hits[n] += usize::from(g.regex().is_match(&s));
        }
    }
    for (n, g) in GUARDED.iter().enumerate() {
        assert!(
            hits[n] >= 10,
            "{}: {} matches in 2048 lines",
            g.name,
            hits[n]
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    /// Every guard holds wherever its pattern matches: the guarded test decides like the
    /// pattern alone.
    #[test]
    fn every_guard_is_necessary(s in guarded_line()) {
        for g in GUARDED {
            if g.regex().is_match(&s) {
                prop_assert!(g.may_match(&s), "{}: {:?}", g.name, s);
            }
            prop_assert_eq!(g.is_match(&s), g.regex().is_match(&s), "{}: {:?}", g.name, s);
        }
    }
}

/// The guards that read the line's end or a separator's left side turn away the common lines
/// that only share a letter or a sign with their pattern.
#[test]
fn guards_turn_away_near_misses() {
    for (g, line) in [
        (&CONTRIBUTED, "The minister said the talks would not start."),
        (&CONTRIBUTED, "She had a different view (and a better one)."),
        (&LINK_SEP, "The meeting starts at 12:30 on Monday"),
        (
            &LINK_SEP,
            "See https://example.com/news/ and 5/6 of the rest",
        ),
        (&LINK_SEP, "a| b>c"),
        (&RELATED_HEADER, "The related stories ran on Monday."),
        (&RELATED_HEADER, "A trending topic"),
    ] {
        assert!(!g.may_match(line), "{}: {line:?}", g.name);
    }
    assert!(LINK_SEP.may_match("News\u{a0}/ World"));
    assert!(CONTRIBUTED.may_match("Jane Roe contributed to this STORY.)"));
}
