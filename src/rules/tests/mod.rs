//! Tests of the rules stage. Each file tests one job with named cases: `english` and `russian`
//! the shipped rule files on news sentences (what they must find and what they must leave
//! alone), `stage` the stage's own policies (priority against lexicons, propagation, blocking,
//! language filters, compile errors), `matcher` the matcher's fast paths against the plain
//! reference implementations they replace (proptests). The helpers here stand in for the
//! gazetteer and show results as `text/LABEL/lexicon` strings.

mod english;
mod matcher;
mod russian;
mod stage;

use std::path::Path;

use super::*;

/// The config file the test rule files are listed in (it does not exist: messages name it
/// without a line).
const CONFIG: &str = "newstag.toml";

/// The shipped English rules.
fn shipped() -> Rules {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml"))
        .expect("rules/en-news.toml");
    let spec = RuleFileSpec {
        name: "en-news".into(),
        path: "rules/en-news.toml".into(),
        enabled: true,
        disable: Vec::new(),
        languages: Vec::new(),
    };
    Rules::compile(
        &[(&spec, Path::new("rules/en-news.toml"), &text)],
        Path::new(CONFIG),
    )
    .expect("shipped rules compile")
}

/// A stand-in for the gazetteer: `(word, label)` pairs tagged wherever they occur as whole words.
fn lexicon(text: &str, entries: &[(&str, &str)]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (alias, label) in entries {
        let mut from = 0;
        while let Some(at) = text[from..].find(alias) {
            let (s, e) = (from + at, from + at + alias.len());
            let before = text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = text[e..].chars().next().is_some_and(char::is_alphanumeric);
            if !before && !after {
                out.push(Mention {
                    start: s,
                    end: e,
                    label: (*label).into(),
                    id: format!("lex:{}", slug(alias)).into(),
                    name: (*alias).into(),
                    lexicon: "lex".into(),
                    resolved_by: "unique",
                });
            }
            from = e;
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

const LEX: &[(&str, &str)] = &[
    ("Ilham Aliyev", "PER"),
    ("Huseyn Safarov", "PER"),
    ("Vladimir Putin", "PER"),
    ("Azerbaijan", "LOC"),
    ("Russia", "LOC"),
    ("Baku", "LOC"),
    ("Moscow", "LOC"),
    ("Kremlin", "ORG"),
];

/// Rule-found or lexicon entities as `text/LABEL/lexicon`.
fn run(rules: &Rules, text: &str) -> Vec<String> {
    // Body sentences end with punctuation (a short unpunctuated line reads as a headline).
    let text = &if text.ends_with(['.', ')', '"']) {
        text.to_string()
    } else {
        format!("{text}.")
    };
    let m = rules.apply(text, lexicon(text, LEX), "eng");
    m.iter()
        .map(|m| format!("{}/{}/{}", &text[m.start..m.end], m.label, m.lexicon))
        .collect()
}

/// `(case name, text, entities that must be found, spans that must NOT be tagged by a rule)`.
type Case = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

fn check_cases(cases: &[Case]) {
    let rules = shipped();
    for (name, text, want, never) in cases {
        let got = run(&rules, text);
        for w in *want {
            assert!(
                got.iter().any(|g| g == w),
                "case {name}: want {w}, got {got:?}"
            );
        }
        for n in *never {
            assert!(
                !got.iter()
                    .any(|g| g.starts_with(&format!("{n}/")) && g.contains("/rule:")),
                "case {name}: {n} must not be a rule entity, got {got:?}"
            );
        }
    }
}

/// All entities as `text/LABEL` (lexicon or rule), with an extra stand-in lexicon.
fn run_with(rules: &Rules, text: &str, extra: &[(&str, &str)]) -> Vec<String> {
    let mut entries: Vec<(&str, &str)> = LEX.to_vec();
    entries.extend_from_slice(extra);
    let m = rules.apply(text, lexicon(text, &entries), "eng");
    m.iter()
        .map(|m| format!("{}/{}", &text[m.start..m.end], m.label))
        .collect()
}

/// The shipped Russian rules (their word lists are read relative to the rule file).
fn shipped_ru() -> Rules {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/ru-news.toml");
    let text = std::fs::read_to_string(path).expect("rules/ru-news.toml");
    let spec = RuleFileSpec {
        name: "ru-news".into(),
        path: "rules/ru-news.toml".into(),
        enabled: true,
        disable: Vec::new(),
        languages: vec!["rus".into()],
    };
    Rules::compile(&[(&spec, Path::new(path), &text)], Path::new(CONFIG))
        .expect("shipped Russian rules compile")
}
