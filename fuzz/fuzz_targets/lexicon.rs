//! Lexicon parsing (native TSV and spaCy JSONL) on arbitrary text. Parsed entries must be sane,
//! errors must name `file:line` with a line inside the file, and a lexicon that parses must build
//! a gazetteer whose mentions lie on the text's character boundaries, sorted, without overlap.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newstag::config::Config;
use newstag::gazetteer::lexicon::{parse_spacy, parse_tsv};
use newstag::gazetteer::Gazetteer;
use newstag::normalize::{NormalizeOptions, Normalizer};

const TEXT: &str = "İlham Əliyev visited BAKU and Baku, then the U.N. in Straße 5 — ﬁle \
                    O'Neil-Smith. Ильхам Алиев, Баку.";

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let spacy = selector & 1 == 1;
    let name = if spacy { "lex.jsonl" } else { "lex.tsv" };
    let path = Path::new(name);
    let parsed = if spacy {
        parse_spacy(text, Some("LOC"), path)
    } else {
        parse_tsv(text, Some("LOC"), path)
    };
    let entries = match parsed {
        Ok(entries) => entries,
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with(name), "{msg}");
            if let newstag::error::Error::Parse { line: Some(l), .. } = e {
                assert!(l >= 1 && l <= text.lines().count().max(1), "line {l} outside the file");
            }
            return;
        }
    };
    for e in &entries {
        assert!(!e.id.is_empty() && !e.id.chars().any(char::is_whitespace), "{e:?}");
        assert!(!e.aliases.is_empty(), "{e:?}");
        for a in &e.aliases {
            assert!(!a.text.trim().is_empty(), "{e:?}");
        }
    }
    if entries.is_empty() || selector & 2 == 0 {
        return;
    }
    // Build a gazetteer from the same text and tag a fixed sentence with it.
    let dir = std::env::temp_dir().join(format!("newstag-fuzz-lex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
    let config = Config::parse(
        &format!("[[lexicons]]\nname = \"l\"\npath = \"{name}\"\nlabel = \"LOC\"\n"),
        &dir.join("newstag.toml"),
    )
    .unwrap();
    let normalizer = Normalizer::new(NormalizeOptions::default());
    let gazetteer = match Gazetteer::from_config(&config, &normalizer, &[]) {
        Ok(g) => g,
        Err(e) => panic!("parsed lexicon does not build: {e}"),
    };
    let mut prev = 0;
    for m in gazetteer.tag(TEXT, "eng") {
        assert!(m.start < m.end && m.end <= TEXT.len(), "{m:?}");
        assert!(TEXT.is_char_boundary(m.start) && TEXT.is_char_boundary(m.end), "{m:?}");
        assert!(m.start >= prev, "mentions overlap: {m:?}");
        prev = m.end;
    }
});
