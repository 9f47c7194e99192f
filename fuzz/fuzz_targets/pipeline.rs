//! Decode + normalize + boilerplate + language + tag on arbitrary bytes, with the output
//! invariants asserted: code point offsets in bounds, `text[start..end] == entity.text`, raw
//! ranges inside the file and on character boundaries, entities sorted and non-overlapping,
//! removals in raw order and inside the file.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newstag::config::Config;
use newstag::document::Input;
use newstag::pipeline::{Outcome, Pipeline, RunOptions};

/// Aliases chosen to stress the alignment: case folding that changes length (İ, ß), NFC/NFKC
/// changes, Cyrillic, hyphens and apostrophes, a one-letter alias, a context-only alias.
const LEXICON: &str = "per:ilham-aliyev\tIlham Aliyev\tİlham Əliyev|Ильхам Алиев|~Aliyev\tPER\n\
geo:baku\tBaku\tBakı|Баку|BAKU\tLOC\n\
geo:strasse\tStraße\tStrasse|ﬁle\tLOC\n\
org:un\tUnited Nations\tUN|U.N.|O'Neil-Smith\tORG\n\
x:a\tA\ta|É|e\u{301}\tMISC\n";

const CONFIG: &str = r#"
[input]
max_doc_bytes = 1048576

[normalize]
unicode = "nfkc"

[[boilerplate.rules]]
name = "cut"
kind = "cut-from"
pattern = '^(related|more) (news|stories)'

[[boilerplate.rules]]
name = "photo"
kind = "drop-line"
pattern = '^photo:'

[[boilerplate.rules]]
name = "block"
kind = "drop-block"
pattern = '^read also'

[[lexicons]]
name = "test"
path = "lex.tsv"
"#;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("newstag-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("lex.tsv"), LEXICON).unwrap();
        let path = dir.join("newstag.toml");
        std::fs::write(&path, CONFIG).unwrap();
        let config = Config::load(&path).unwrap();
        Pipeline::new(&config, &RunOptions::default()).unwrap()
    })
}

fuzz_target!(|raw: &[u8]| {
    let input = Input::file("doc.txt".into(), Path::new("doc.txt").to_path_buf());
    let doc = match pipeline().process(&input, raw) {
        Outcome::Annotated(doc) => doc,
        Outcome::Failed(e) => {
            assert!(e.error.message.starts_with("doc.txt"), "{}", e.error.message);
            return;
        }
        Outcome::Reused(_) => panic!("process() never reuses a previous record"),
    };
    let chars: Vec<char> = doc.text.chars().collect();
    let repaired = doc.warnings.iter().any(|w| w.starts_with("replaced"));
    let mut prev_end = 0;
    for e in &doc.entities {
        assert!(e.start < e.end && e.end <= chars.len(), "offsets out of bounds: {e:?}");
        assert!(e.start >= prev_end, "entities overlap or are unsorted: {e:?}");
        prev_end = e.end;
        let slice: String = chars[e.start..e.end].iter().collect();
        assert_eq!(slice, e.text, "text slice differs from entity text");
        assert!(e.raw_start < e.raw_end && e.raw_end <= raw.len(), "raw range outside the file: {e:?}");
        if doc.encoding == "UTF-8" && !repaired {
            let bytes = &raw[e.raw_start..e.raw_end];
            assert!(std::str::from_utf8(bytes).is_ok(), "raw range splits a character: {e:?}");
        }
    }
    let mut prev_raw = 0;
    for r in &doc.removed {
        assert!(r.raw_start <= r.raw_end && r.raw_end <= raw.len(), "removal outside the file: {r:?}");
        assert!(r.raw_start >= prev_raw, "removals overlap or are unsorted: {r:?}");
        prev_raw = r.raw_end;
    }
});
