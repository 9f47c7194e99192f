//! Annotations for the export, report and spaCy tests: inputs built at runtime, annotated by the
//! real binary with a small lexicon written in a temp dir (never the shipped lexicons/).

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use tempfile::TempDir;

// Re-exported so a test can take everything it needs from one submodule.
#[allow(unused_imports)]
pub use super::{newstag, root, BIN};

/// A lexicon covering people, places and organizations of the seed corpus, plus the Cyrillic
/// and accented names the synthetic documents use.
pub const LEXICON: &str = "\
loc:azerbaijan\tAzerbaijan\tAzerbaijani|Азербайджан\tLOC
loc:russia\tRussia\tRussian Federation|Россия\tLOC
loc:baku\tBaku\tБаку\tLOC
loc:moscow\tMoscow\tМосква\tLOC
loc:yekaterinburg\tYekaterinburg\tЕкатеринбург\tLOC
loc:south-caucasus\tSouth Caucasus\t\tLOC
loc:us\tUnited States\tU.S.\tLOC
loc:sao-paulo\tSão Paulo\t\tLOC
org:kremlin\tKremlin\t\tORG
org:sputnik\tSputnik\tSputnik Azerbaijan\tORG
per:safarov\tSafarov\t\tPER
per:ilham-aliyev\tIlham Aliyev\tAliyev|Алиев\tPER
per:vladimir-putin\tVladimir Putin\tPutin|Путин\tPER
";

pub fn ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: exit {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Annotates `inputs` (a folder) into `dir/out` with the test lexicon; returns the annotations.
pub fn annotate(dir: &Path, inputs: &Path, extra: &[&str]) -> PathBuf {
    let lex = dir.join("lex.tsv");
    std::fs::write(&lex, LEXICON).unwrap();
    let out = dir.join("out");
    let config = root().join("newstag.toml");
    let mut args = vec![
        "run",
        inputs.to_str().unwrap(),
        "--quiet",
        "--config",
        config.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--lexicon",
        lex.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    ok(&newstag(&args), "newstag run");
    out.join("annotations.jsonl")
}

/// The seed corpus annotated in a fresh temp dir.
pub fn seed() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let pred = annotate(dir.path(), &root().join("corpus"), &[]);
    (dir, pred)
}

/// Synthetic documents that stress offsets: Cyrillic, accents, emoji, HTML metacharacters,
/// an entity boundary inside a word, a photo credit line removed between paragraphs.
pub const SYNTHETIC: &[(&str, &str)] = &[
    (
        "ru.txt",
        "Москва и Баку 😀 обменялись нотами. Путин позвонил.\n\n\
         Photo: Алиев в Баку\n\n\
         Алиев ответил из Баку, а Россия промолчала.\n",
    ),
    (
        "tricky.txt",
        "<b>Breaking</b> & \"quoted\": pro-Moscow crowds in São Paulo met U.S. Army envoys.\n\n\
         Baku's mayor said the Kremlin and Putin <script>alert(1)</script> disagreed.\n",
    ),
    ("plain.txt", "Nothing to tag here, only words.\n"),
];

/// The synthetic documents annotated in a fresh temp dir.
pub fn synthetic() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for (name, text) in SYNTHETIC {
        std::fs::write(inputs.join(name), text).unwrap();
    }
    let pred = annotate(dir.path(), &inputs, &[]);
    (dir, pred)
}

pub fn records(pred: &Path) -> Vec<Value> {
    std::fs::read_to_string(pred)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Slices `s` by code points, as Python does.
pub fn slice(s: &str, start: usize, end: usize) -> String {
    s.chars().skip(start).take(end - start).collect()
}

/// An entity's canonical id: `kb_id` in current records, `id` in older ones.
pub fn kb_id(e: &Value) -> &str {
    e.get("kb_id")
        .or_else(|| e.get("id"))
        .and_then(Value::as_str)
        .expect("entity has kb_id or id")
}
