use std::path::Path;

use std::path::PathBuf;

use super::build::Builder;
use super::fold::MatchView;
use super::lexicon::{parse_tsv, CaseMode, LexiconSpec};
use super::tag::is_mark;
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

// ---- Fast paths of `tag` against the obvious versions ----

/// The match view as first written: the folded text and, for every folded byte, the text offset
/// of the char it came from, plus `text.len()` at the end.
fn reference_view(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::new();
    let mut map = Vec::new();
    for (i, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        map.extend(std::iter::repeat(i).take(folded.len() - before));
    }
    map.push(text.len());
    (folded, map)
}

/// `MatchView::to_text` as first written, on the full map.
fn reference_to_text(map: &[usize], s: usize, e: usize) -> Option<(usize, usize)> {
    let on_boundary = |k: usize| k == 0 || k == map.len() - 1 || map[k] != map[k - 1];
    (on_boundary(s) && on_boundary(e)).then(|| (map[s], map[e]))
}

/// Phase 1 as first written: a fresh leftmost-longest search after every match, one char after
/// the start of a rejected one.
fn reference_spans(g: &Gazetteer, text: &str, lang: &str) -> Vec<(usize, usize, usize)> {
    let Some(ac) = &g.automaton else {
        return Vec::new();
    };
    let doc = g.doc(text, lang);
    let (hay, map) = reference_view(text);
    let mut found = Vec::new();
    let mut pos = 0;
    while pos < hay.len() {
        let Some(first) = ac.find_from(&hay, pos) else {
            break;
        };
        let mut attempt = Some(first);
        let mut accepted = None;
        while let Some(m) = attempt {
            if let Some((s, e)) = reference_to_text(&map, m.start, m.end) {
                let word = |c: char| c.is_alphanumeric() || is_mark(c);
                let before = text[..s].chars().next_back();
                let after = text[e..].chars().next();
                let start_ok = before.map_or(true, |b| {
                    !((word(b) && text[s..].starts_with(word)) || b == '#' || b == '@')
                });
                let end_ok = after.map_or(true, |a| !(word(a) && text[..e].ends_with(word)));
                if start_ok && end_ok && g.allowed(m.pattern, &doc, s, e).next().is_some() {
                    accepted = Some((m.end, (s, e, m.pattern)));
                    break;
                }
            }
            attempt = ac.shorter(m);
        }
        match accepted {
            Some((view_end, f)) => {
                found.push(f);
                pos = view_end;
            }
            None => pos = first.start + hay[first.start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

fn fast_spans(g: &Gazetteer, text: &str, lang: &str) -> Vec<(usize, usize, usize)> {
    let Some(ac) = &g.automaton else {
        return Vec::new();
    };
    let doc = g.doc(text, lang);
    g.find_spans(ac, &MatchView::new(text), &doc)
        .into_iter()
        .map(|f| (f.start, f.end, f.pattern))
        .collect()
}

/// Aliases made to catch the fast paths out: short ones inside words, case-sensitive longer
/// ones that get rejected (shorter retries), aliases across spaces and punctuation, and chars
/// whose fold changes length.
fn tricky() -> Gazetteer {
    gaz(&[
        (
            spec("exact", "ORG", CaseMode::Sensitive, 0),
            "o:1\tIran Air\n\
             o:2\tNew York City\n\
             o:3\tBa\n\
             o:4\tan Air\n",
        ),
        (
            spec("smart", "LOC", CaseMode::Smart, 0),
            "l:1\tIran\n\
             l:2\tNew York\tNew|York\n\
             l:3\tan\tir|ra|n a\n\
             l:4\tБаку\tаку\n\
             l:5\tİstanbul\tstanbul\n\
             l:6\tO’Neil\n\
             l:7\tSt. Louis\tLouis\n\
             l:8\tRio\tio\n\
             l:9\ta-b\tb c\n\
             l:10\tKelvin\n\
             l:11\tstraße\tfin\n\
             l:12\tAir\n",
        ),
    ])
}

const PIECES: &[&str] = &[
    "Iran", "iran", " ", "Air", "air", "New", "new", "York", "City", "an", "a", "b", "c", "x", "’",
    "'", "-", "–", "Баку", "баку", "аку", "İ", "stanbul", "#", "@", ".", "St", "Louis", "O",
    "Neil", "Rio", "io", "\n", "é", "e\u{301}", "\u{212A}", "elvin", "ß", "straße", "ﬁ", "n", "`",
    "2", "Ba", "BA",
];

#[test]
fn word_char_fast_path_and_possible_start_are_exact() {
    let word = |c: char| c.is_alphanumeric() || is_mark(c);
    let mut fold = String::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        assert_eq!(is_word_char(c), word(c), "is_word_char({c:?})");
        // `possible_start` relies on this: a fold that begins or ends with an ASCII letter or
        // digit comes from a word char.
        fold.clear();
        fold_char(c, &mut fold);
        let b = fold.as_bytes();
        if b[0].is_ascii_alphanumeric() || b[b.len() - 1].is_ascii_alphanumeric() {
            assert!(word(c), "{c:?} folds to {fold:?} but is no word char");
        }
    }
}

#[test]
fn tricky_cases_match_the_reference() {
    let g = tricky();
    for text in [
        "Iran air and Iran Air",
        "Iranian an Air tran air xan Air",
        "New York Citys New York City",
        "İstanbul Istanbul stanbul",
        "Баку баку Бакуу аку",
        "O’Neil O'Neil O`Neil",
        "St. Louis St Louis",
        "a-b a–b b c",
        "\u{212A}elvin kelvin",
        "STRASSE straße ﬁn fin",
        "#Iran @Rio Rio2 Rio",
    ] {
        assert_eq!(
            fast_spans(&g, text, "eng"),
            reference_spans(&g, text, "eng"),
            "{text}"
        );
    }
}

proptest::proptest! {
    #[test]
    fn find_spans_matches_the_reference(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40)
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let g = tricky();
        proptest::prop_assert_eq!(fast_spans(&g, &text, "eng"), reference_spans(&g, &text, "eng"));
    }

    #[test]
    fn match_view_maps_like_the_full_map(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40)
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let (folded, map) = reference_view(&text);
        let view = MatchView::new(&text);
        proptest::prop_assert_eq!(view.folded(), folded.as_str());
        let bounds: Vec<usize> = (0..=folded.len()).filter(|&k| folded.is_char_boundary(k)).collect();
        for &s in &bounds {
            for &e in bounds.iter().filter(|&&e| e >= s) {
                proptest::prop_assert_eq!(view.to_text(s, e), reference_to_text(&map, s, e), "{} {}..{}", text, s, e);
            }
        }
    }
}

/// `--lexicon` adds after the config's lexicons (priority 1, names made unique, `--label` as the
/// label), `--no-default-lexicons` replaces them, and `lexicon check --lexicon` still replaces;
/// a config lexicon's read error points at the config unless the file was also named.
#[test]
fn command_line_lexicons_add_or_replace() {
    let mut people = LexiconSpec::from_cli(Path::new("lex/people.tsv"));
    people.name = "people".into();
    people.label = Some("PER".into());
    let mut old = LexiconSpec::from_cli(Path::new("lex/old.tsv"));
    old.name = "old".into();
    old.enabled = false;
    let declared = [people, old];
    let config = Path::new("conf/newstag.toml");
    let resolve = |p: &Path| Path::new("conf").join(p);
    let paths = vec![PathBuf::from("people.tsv"), PathBuf::from("my/old.tsv")];
    type Row = (String, String, i32, Option<String>, bool);
    let view = |opts: GazetteerOptions| -> Vec<Row> {
        opts.lexicons
            .into_iter()
            .map(|l| {
                let s = l.spec;
                let p = l.path.display().to_string();
                (s.name, p, s.priority, s.label, l.declared_in.is_some())
            })
            .collect()
    };
    let s = |x: &str| x.to_string();
    let cases = [
        (
            "adds",
            CliLexicons {
                paths: paths.clone(),
                label: Some(s("PRODUCT")),
                replace: false,
            },
            vec![
                (
                    s("people"),
                    s("conf/lex/people.tsv"),
                    0,
                    Some(s("PER")),
                    true,
                ),
                (s("people-2"), s("people.tsv"), 1, Some(s("PRODUCT")), false),
                (s("old"), s("my/old.tsv"), 1, Some(s("PRODUCT")), false),
            ],
        ),
        (
            "replaces",
            CliLexicons {
                paths: paths.clone(),
                label: None,
                replace: true,
            },
            vec![
                (s("people"), s("people.tsv"), 0, None, false),
                (s("old"), s("my/old.tsv"), 0, None, false),
            ],
        ),
        (
            "none given",
            CliLexicons::default(),
            vec![(
                s("people"),
                s("conf/lex/people.tsv"),
                0,
                Some(s("PER")),
                true,
            )],
        ),
        (
            "config file also named",
            CliLexicons {
                paths: vec![PathBuf::from("conf/lex/people.tsv")],
                label: None,
                replace: false,
            },
            vec![
                (
                    s("people"),
                    s("conf/lex/people.tsv"),
                    0,
                    Some(s("PER")),
                    false,
                ),
                (s("people-2"), s("conf/lex/people.tsv"), 1, None, false),
            ],
        ),
    ];
    for (name, cli, want) in cases {
        assert_eq!(
            view(cli.options(&declared, config, resolve)),
            want,
            "case {name}"
        );
    }
    let checked = view(CliLexicons::instead(&paths, None).options(&declared, config, resolve));
    assert_eq!(
        checked.len(),
        2,
        "lexicon check --lexicon replaces: {checked:?}"
    );
    let none = view(CliLexicons::instead(&[], None).options(&declared, config, resolve));
    assert_eq!(none.len(), 1);
}
