use std::path::Path;

use super::*;

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
    Rules::compile(&[(&spec, Path::new("rules/en-news.toml"), &text)]).expect("shipped rules compile")
}

/// A stand-in for the gazetteer: `(word, label)` pairs tagged wherever they occur as whole words.
fn lexicon(text: &str, entries: &[(&str, &str)]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (alias, label) in entries {
        let mut from = 0;
        while let Some(at) = text[from..].find(alias) {
            let (s, e) = (from + at, from + at + alias.len());
            let before = text[..s].chars().next_back().is_some_and(char::is_alphanumeric);
            let after = text[e..].chars().next().is_some_and(char::is_alphanumeric);
            if !before && !after {
                out.push(Mention {
                    start: s,
                    end: e,
                    label: (*label).into(),
                    id: format!("lex:{}", slug(alias)).into(),
                    name: (*alias).into(),
                    lexicon: "lex".into(),
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
    let m = rules.apply(text, lexicon(text, LEX), "eng");
    m.iter()
        .map(|m| format!("{}/{}/{}", &text[m.start..m.end], m.label, m.lexicon))
        .collect()
}

