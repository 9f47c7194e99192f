use std::path::Path;

use super::lexicon::{parse_tsv, CaseMode, LexiconSpec};
use super::*;
use crate::normalize::{NormalizeOptions, Normalizer};

fn spec(name: &str, label: &str, case: CaseMode, priority: i32) -> LexiconSpec {
    let mut s = LexiconSpec::from_cli(Path::new("x.tsv"));
    s.name = name.into();
    s.label = Some(label.into());
    s.case = case;
    s.priority = priority;
    s
}

fn gaz(lexicons: &[(LexiconSpec, &str)]) -> Gazetteer {
    let n = Normalizer::new(NormalizeOptions::default());
    let mut b = Builder::default();
    for (s, tsv) in lexicons {
        let entries = parse_tsv(tsv, s.label.as_deref(), Path::new("x.tsv")).unwrap();
        b.add(s, &entries, &n, tsv.as_bytes()).unwrap();
    }
    b.build().unwrap()
}

fn places() -> Gazetteer {
    gaz(&[
        (
            spec("places", "LOC", CaseMode::Smart, 0),
            "geonames:1\tIran\n\
             geonames:2\tRussia\tРоссия\n\
             geonames:3\tAzerbaijan\tAzərbaycan\n\
             geonames:4\tTurkey\tTürkiye\n\
             geonames:5\tUnited States\tUS|U.S.\n\
             geonames:6\tİstanbul\tIstanbul\n",
        ),
        (
            spec("orgs", "ORG", CaseMode::Smart, 0),
            "org:pgo\tProsecutor General's Office\n\
             org:azal\tAzerbaijan Airlines\tAZAL\n",
        ),
        (
            spec("people", "PER", CaseMode::Smart, 0),
            "per:huseyn-safarov\tHuseyn Safarov\tGuseyn Safarov|~Safarov\n",
        ),
    ])
}

fn tags(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
    g.tag(text, "eng")
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m.id.to_string()))
        .collect()
}

fn spans(g: &Gazetteer, text: &str) -> Vec<String> {
    tags(g, text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn boundary_cases() {
    let g = places();
    let cases: &[(&str, &str, &[&str])] = &[
        ("no match inside a longer word", "Iranian and Russian", &[]),
        (
            "hyphen compounds split",
            "Russia-Azerbaijan ties",
            &["Russia", "Azerbaijan"],
        ),
        (
            "en dash compounds split",
            "Azerbaijan–Russia crisis",
            &["Azerbaijan", "Russia"],
        ),
        (
            "possessive outside",
            "Azerbaijan’s and Iran's",
            &["Azerbaijan", "Iran"],
        ),
        ("digits are word chars", "Iran2 2Iran", &[]),
        ("hashtag stays whole", "#Iran and Iran", &["Iran"]),
        (
            "unicode letters",
            "Azərbaycan və Россия",
            &["Azərbaycan", "Россия"],
        ),
        ("cyrillic boundary", "Россиян", &[]),
        (
            "longest wins",
            "Azerbaijan Airlines plane",
            &["Azerbaijan Airlines"],
        ),
        (
            "typographic folding",
            "Prosecutor General’s Office",
            &["Prosecutor General’s Office"],
        ),
        ("smart case: lowercase common word", "roast turkey", &[]),
        (
            "smart case: all caps header",
            "TURKEY AND IRAN",
            &["TURKEY", "IRAN"],
        ),
        (
            "short alias exact case",
            "tell us about the US and U.S. policy",
            &["US", "U.S."],
        ),
        (
            "turkish dotted I",
            "İstanbul and Istanbul",
            &["İstanbul", "Istanbul"],
        ),
    ];
    for (name, text, want) in cases {
        assert_eq!(spans(&g, text), *want, "case {name}: {text}");
    }
}

#[test]
fn context_only_aliases_need_a_full_mention() {
    let g = places();
    assert_eq!(spans(&g, "The Safarov said."), Vec::<String>::new());
    assert_eq!(
        spans(&g, "The Safarov brothers and the Safarov case."),
        vec!["Safarov", "Safarov"]
    );
    assert_eq!(spans(&g, "Safarov casework"), Vec::<String>::new());
    assert_eq!(
        tags(&g, "Guseyn Safarov died. Safarov was 40."),
        vec![
            (
                "Guseyn Safarov".to_string(),
                "per:huseyn-safarov".to_string()
            ),
            ("Safarov".to_string(), "per:huseyn-safarov".to_string())
        ]
    );
}

#[test]
fn priority_then_lexicon_order_decide_same_span() {
    let low = spec("low", "LOC", CaseMode::Smart, 0);
    let high = spec("high", "ORG", CaseMode::Smart, 5);
    let g = gaz(&[
        (low.clone(), "loc:x\tGeorgia\n"),
        (high, "org:x\tGeorgia\n"),
    ]);
    let m = g.tag("Georgia", "eng");
    assert_eq!(&*m[0].label, "ORG");
    let first = spec("first", "LOC", CaseMode::Smart, 0);
    let g = gaz(&[(first, "loc:x\tGeorgia\n"), (low, "org:y\tGeorgia\n")]);
    assert_eq!(&*g.tag("Georgia", "eng")[0].id, "loc:x");
}

#[test]
fn rejected_longest_match_falls_back_to_shorter() {
    // "Iran Air" is case-sensitive in a sensitive lexicon; "iran air" must still tag "Iran"? No:
    // the shorter alias "iran" at the same start is tried anchored.
    let g = gaz(&[
        (
            spec("a", "ORG", CaseMode::Sensitive, 0),
            "org:iran-air\tIran Air\n",
        ),
        (spec("b", "LOC", CaseMode::Smart, 0), "geonames:1\tIran\n"),
    ]);
    assert_eq!(spans(&g, "Iran air force"), vec!["Iran"]);
    assert_eq!(spans(&g, "Iran Air flight"), vec!["Iran Air"]);
}

#[test]
fn language_routing() {
    let mut ru = spec("ru", "LOC", CaseMode::Smart, 0);
    ru.languages = vec!["rus".into()];
    let g = gaz(&[(ru, "geonames:1\tМосква\n")]);
    assert_eq!(g.tag("Москва", "rus").len(), 1);
    assert_eq!(g.tag("Москва", "eng").len(), 0);
}

#[test]
fn nfd_text_matches_nfc_alias_after_normalization() {
    let g = places();
    // The pipeline normalizes text to NFC first; lexicon aliases go through the same step.
    let n = Normalizer::new(NormalizeOptions::default());
    let text = n.normalize_str("Azərbaycan");
    assert_eq!(spans(&g, &text).len(), 1);
}

#[test]
fn gazetteer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Gazetteer>();
}

#[test]
fn aliases_folding_to_one_key_keep_their_own_case_checks() {
    // `NATO` (all caps: exact case) and `Nato` (capitalised) fold to one key; the second used to
    // be dropped as a duplicate, leaving only the exact all-caps check, so "Nato" was missed.
    let g = gaz(&[(
        spec("orgs", "ORG", CaseMode::Smart, 0),
        "org:nato\tNATO\tNato\n",
    )]);
    for (name, text, want) in [
        ("all caps", "NATO said", vec!["NATO"]),
        ("capitalised", "Nato said", vec!["Nato"]),
        ("lowercase never", "a nato b", vec![]),
    ] {
        assert_eq!(spans(&g, text), want, "case {name}");
    }
}
