//! The exports loaded for real by the tools users train and query with: spaCy (DocBin, `spacy
//! debug data`, `spacy convert`), a CoNLL-2003 reader, and DuckDB.
//!
//! spaCy and DuckDB come from PyPI into a virtualenv cached under `target/spacy-venv` (pinned
//! versions; a blank tokenizer, no model download). Like tests/spark.rs this test never skips:
//! a missing python3 or PyPI is a failure with the reason. The first run downloads about 60 MB;
//! delete `target/spacy-venv` to rebuild it.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use support::export::*;

const SPACY: &str = "3.8.7";
/// spaCy 3.8.7's CLI imports click, which its typer-slim dependency no longer installs.
const CLICK: &str = "8.5.1";
const DUCKDB: &str = "2.0.1";

/// The virtualenv's python with spaCy and DuckDB importable, installing them when needed (once:
/// the tests of this file run in parallel).
fn python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(install).clone()
}

fn install() -> PathBuf {
    support::pinned_python(
        "spacy-venv",
        &[
            &format!("spacy=={SPACY}"),
            &format!("click=={CLICK}"),
            &format!("duckdb=={DUCKDB}"),
        ],
    )
}

/// Runs tests/spacy_check.py KIND ARGS with the venv's python; requires `ok:`.
fn check(python: &Path, kind: &str, args: &[&Path]) -> String {
    let out = support::checked(
        &format!("spacy_check.py {kind}"),
        Command::new(python)
            .arg(root().join("tests/spacy_check.py"))
            .arg(kind)
            .args(args)
            .output(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(stdout.starts_with("ok: "), "{kind}: {stdout}");
    eprintln!("{kind}: {}", stdout.trim());
    stdout
}

/// A corpus big enough for `spacy debug data` (it wants 100+ training documents): generated
/// from templates over the test lexicon's names, in English and Russian, with abbreviations.
fn generated() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let en = [
        "Ilham Aliyev met Vladimir Putin in Moscow.",
        "Mr. Putin said the Kremlin would answer Baku.",
        "The U.S. Army sent envoys to São Paulo and Baku.",
        "Dr. Safarov left Yekaterinburg for the South Caucasus.",
        "Sputnik Azerbaijan quoted Aliyev on Russia's plans.",
        "Nothing else happened that day.",
    ];
    let ru = [
        "Путин позвонил в Баку.",
        "Алиев прилетел в Москва-Сити, т.е. в Москву.",
        "Россия и Азербайджан подписали договор.",
        "В Екатеринбург приехал им. Алиев.",
    ];
    for i in 0..130 {
        let text = if i % 4 == 3 {
            (0..3)
                .map(|k| ru[(i + k) % ru.len()])
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            (0..4)
                .map(|k| en[(i * 7 + k) % en.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        std::fs::write(
            inputs.join(format!("doc{i:03}.txt")),
            format!("{text}\n\n{}\n", en[i % en.len()]),
        )
        .unwrap();
    }
    let pred = annotate(dir.path(), &inputs, &[]);
    (dir, pred)
}

fn export_to(pred: &Path, format: &str, python: &Path) -> (PathBuf, Output) {
    let out = pred.parent().unwrap().join("export");
    let o = newstag(&[
        "export",
        "--to",
        format,
        "--pred",
        pred.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--python",
        python.to_str().unwrap(),
    ]);
    ok(&o, &format!("export --to {format}"));
    (out, o)
}

#[test]
fn docbin_loads_in_spacy_and_passes_debug_data() {
    let python = python();
    let (_dir, pred) = generated();
    let (out, o) = export_to(&pred, "docbin", &python);
    let corpus = out.join("corpus.spacy");
    let summary = out.join("corpus.spacy.json");
    assert!(
        String::from_utf8_lossy(&o.stderr).contains(" dropped) to "),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    check(&python, "docbin", &[&corpus, &summary, &pred]);
    let cfg = out.join("config.cfg");
    support::checked(
        "spacy init config",
        Command::new(&python)
            .args([
                "-m",
                "spacy",
                "init",
                "config",
                "--lang",
                "xx",
                "--pipeline",
                "ner",
            ])
            .arg(&cfg)
            .output(),
    );
    let debug = support::checked(
        "spacy debug data",
        Command::new(&python)
            .args(["-m", "spacy", "debug", "data"])
            .arg(&cfg)
            .arg("--paths.train")
            .arg(&corpus)
            .arg("--paths.dev")
            .arg(&corpus)
            .output(),
    );
    let text = String::from_utf8_lossy(&debug.stdout);
    assert!(text.contains("Corpus is loadable"), "{text}");
    assert!(
        !text.contains(" error"),
        "debug data reports errors:\n{text}"
    );
}

#[test]
fn docbin_drops_and_counts_spans_that_do_not_align() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("annotations.jsonl");
    // Hand-written records (the newer schema: kb_id, null meta keys): "Baku" inside the token
    // "Bakuvian" cannot be a whole-token entity; the second "Baku" can.
    let rec = |id: &str, text: &str, ents: &[(usize, usize)]| {
        let ents: Vec<String> = ents
            .iter()
            .map(|&(s, e)| {
                let t: String = text.chars().skip(s).take(e - s).collect();
                format!(
                    r#"{{"start":{s},"end":{e},"text":"{t}","label":"LOC","kb_id":"loc:baku","name":"Baku","lexicon":"t","raw_start":{s},"raw_end":{e}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"id":"{id}","source":"{id}","sha256":"","encoding":"UTF-8","lang":{{"code":"eng","confidence":1.0,"reliable":true}},"meta":{{"title":null,"published":null}},"text":"{text}","entities":[{}],"removed":[],"warnings":[]}}"#,
            ents.join(",")
        )
    };
    std::fs::write(
        &pred,
        [
            rec(
                "a.txt",
                "Bakuvian talks in Baku today.",
                &[(0, 4), (18, 22)],
            ),
            rec("b.txt", "Baku.", &[(0, 4)]),
        ]
        .join("\n"),
    )
    .unwrap();
    let (out, o) = export_to(&pred, "docbin", &python);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("1 of 3 spans dropped"), "{stderr}");
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("corpus.spacy.json")).unwrap())
            .unwrap();
    assert_eq!(summary["dropped"], 1);
    assert_eq!(summary["kept"], 2);
    assert_eq!(summary["dropped_spans"][0]["id"], "a.txt");
    assert_eq!(summary["dropped_spans"][0]["start"], 0);
    check(
        &python,
        "docbin",
        &[
            &out.join("corpus.spacy"),
            &out.join("corpus.spacy.json"),
            &pred,
        ],
    );
}

#[test]
fn conll_reads_in_a_conll2003_reader_and_spacy_convert() {
    let python = python();
    for (case, _dir, pred) in [
        {
            let (d, p) = seed();
            ("seed", d, p)
        },
        {
            let (d, p) = synthetic();
            ("synthetic", d, p)
        },
        {
            let (d, p) = generated();
            ("generated", d, p)
        },
    ] {
        let (out, _) = export_to(&pred, "conll", &python);
        let conll = out.join("corpus.conll");
        eprintln!("case {case}");
        check(&python, "conll", &[&conll, &pred]);
        let work = out.join("convert");
        std::fs::create_dir_all(&work).unwrap();
        check(&python, "spacy-convert", &[&conll, &pred, &work]);
    }
}

#[test]
fn mentions_csv_loads_in_duckdb_with_typed_columns() {
    let python = python();
    for (case, _dir, pred) in [
        {
            let (d, p) = seed();
            ("seed", d, p)
        },
        {
            let (d, p) = synthetic();
            ("synthetic", d, p)
        },
    ] {
        let (out, _) = export_to(&pred, "mentions", &python);
        eprintln!("case {case}");
        check(&python, "mentions", &[&out.join("mentions.csv"), &pred]);
    }
}
