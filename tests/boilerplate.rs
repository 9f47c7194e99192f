//! Black-box tests of boilerplate removal through the real binary: labelled synthetic articles
//! in other outlets' styles (scored with `newstag eval`), cross-document removal over synthetic
//! site folders, `linestats` + `--line-stats` equal to a single run, and `--keep-boilerplate`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newstag"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A config with the shipped boilerplate section but no lexicons (one tiny test lexicon).
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let shipped = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("newstag.toml")).unwrap();
    let start = shipped.find("[boilerplate]").unwrap();
    let end = shipped.find("[language]").unwrap();
    let config = dir.join("newstag.toml");
    std::fs::write(&config, &shipped[start..end]).unwrap();
    let lexicon = dir.join("lex.tsv");
    std::fs::write(&lexicon, "loc:baku\tBaku\t\tLOC\n").unwrap();
    (config, lexicon)
}

fn run(inputs: &[&Path], config: &Path, lexicon: &Path, out: &Path, extra: &[&str]) -> Vec<Value> {
    let o = bin()
        .arg("run")
        .args(inputs)
        .arg("--config")
        .arg(config)
        .arg("--lexicon")
        .arg(lexicon)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "run failed: {}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out.join("annotations.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The labelled articles: `C ` content, `B ` boilerplate, an empty line is blank.
fn articles(dir: &Path) -> PathBuf {
    let corpus = dir.join("articles");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut gold = String::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "lab"))
        .collect();
    names.sort();
    for p in names {
        let lab = std::fs::read_to_string(&p).unwrap();
        let mut raw = String::new();
        let mut labels = Vec::new();
        for l in lab.lines() {
            let (label, text) = match l.split_at_checked(2) {
                Some(("C ", t)) => ("content", t),
                Some(("B ", t)) => ("boilerplate", t),
                _ if l.is_empty() => ("blank", ""),
                _ => panic!("{}: bad label line {l:?}", p.display()),
            };
            raw.push_str(text);
            raw.push('\n');
            labels.push(label);
        }
        labels.push("blank");
        let doc = format!("{}.txt", p.file_stem().unwrap().to_string_lossy());
        std::fs::write(corpus.join(&doc), &raw).unwrap();
        gold.push_str(&serde_json::json!({"doc": doc, "entities": [], "lines": labels}).to_string());
        gold.push('\n');
    }
    std::fs::write(dir.join("gold.jsonl"), gold).unwrap();
    corpus
}

#[test]
fn synthetic_articles_in_other_styles_score_high() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let corpus = articles(dir.path());
    let out = dir.path().join("out");
    run(&[&corpus], &config, &lexicon, &out, &[]);
    let o = bin()
        .args(["eval", "--json", "--gold"])
        .arg(dir.path().join("gold.jsonl"))
        .arg("--pred")
        .arg(out.join("annotations.jsonl"))
        .arg("--corpus")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    let bp = &report["boilerplate"];
    for e in report["errors"].as_array().unwrap() {
        if e["label"] == "boilerplate" || e["label"] == "content" {
            eprintln!("{} {} {}", e["kind"], e["doc"], e["text"]);
        }
    }
    eprintln!("synthetic articles boilerplate: {bp}");
    let (p, r) = (bp["precision"].as_f64().unwrap(), bp["recall"].as_f64().unwrap());
    assert!(p >= 0.9 && r >= 0.9, "precision {p} recall {r}: {bp}");
}
