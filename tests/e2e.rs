//! End-to-end tests of the real binary on the shipped corpus and config.
//!
//! `out/` is a golden file: these tests fail when it is stale. After an intended change to the
//! output, regenerate it with `UPDATE_GOLDEN=1 cargo test --test e2e` and review `git diff out/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use newstag::document::Document;
use newstag::normalize::{NormalizeOptions, Normalizer};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn newstag(args: &[&str], cwd: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newstag"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("newstag runs")
}

fn run_corpus(threads: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = newstag(
        &[
            "run",
            "--report",
            "--quiet",
            "--threads",
            threads,
            "--out",
            out.path().to_str().unwrap(),
        ],
        &root(),
    );
    assert!(
        o.status.success(),
        "run failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

const FILES: [&str; 4] = [
    "annotations.jsonl",
    "errors.jsonl",
    "manifest.json",
    "report.html",
];

#[test]
fn committed_out_is_current_and_thread_count_does_not_matter() {
    let one = run_corpus("1");
    let two = run_corpus("2");
    for f in FILES {
        let a = std::fs::read(one.path().join(f)).unwrap();
        let b = std::fs::read(two.path().join(f)).unwrap();
        assert!(a == b, "{f} differs between --threads 1 and --threads 2");
    }
    let golden = root().join("out");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(&golden).unwrap();
        for f in FILES {
            std::fs::copy(one.path().join(f), golden.join(f)).unwrap();
        }
    }
    for f in FILES {
        let got = std::fs::read_to_string(one.path().join(f)).unwrap();
        let want = std::fs::read_to_string(golden.join(f)).unwrap_or_default();
        assert!(
            got == want,
            "out/{f} is stale: rerun with UPDATE_GOLDEN=1 cargo test --test e2e and review git diff out/"
        );
    }
    let lines = std::fs::read_to_string(one.path().join("annotations.jsonl")).unwrap();
    assert_eq!(lines.lines().count(), 5, "one record per seed article");
}

fn records(dir: &Path) -> Vec<Document> {
    std::fs::read_to_string(dir.join("annotations.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("record parses"))
        .collect()
}

/// For every entity: the code point slice of `text` is the entity text, and the raw bytes at
/// raw_start..raw_end decode and normalize to it (up to the typographic folding of matching).
#[test]
fn every_offset_points_at_its_entity() {
    let out = run_corpus("2");
    let norm = Normalizer::new(NormalizeOptions::default());
    let fold = |s: &str| -> String { s.chars().map(newstag::gazetteer::typo_fold).collect() };
    let mut checked = 0;
    for rec in records(out.path()) {
        let chars: Vec<char> = rec.text.chars().collect();
        let raw = std::fs::read(root().join(&rec.source)).unwrap();
        let mut prev_end = 0;
        for e in &rec.entities {
            assert!(
                e.start >= prev_end,
                "{}: entities overlap or are unsorted",
                rec.id
            );
            prev_end = e.end;
            let slice: String = chars[e.start..e.end].iter().collect();
            assert_eq!(slice, e.text, "{}: text[{}..{}]", rec.id, e.start, e.end);
            let raw_text = String::from_utf8(raw[e.raw_start..e.raw_end].to_vec()).unwrap();
            assert_eq!(
                fold(&norm.normalize_str(&raw_text)),
                fold(&e.text),
                "{}: raw[{}..{}]",
                rec.id,
                e.raw_start,
                e.raw_end
            );
            checked += 1;
        }
        for r in &rec.removed {
            let raw_text = String::from_utf8_lossy(&raw[r.raw_start..r.raw_end]);
            assert_eq!(
                raw_text, r.text,
                "{}: removed text matches raw bytes",
                rec.id
            );
        }
    }
    assert!(checked > 100, "only {checked} entities checked");
}

#[test]
fn no_sidebar_headline_survives_in_text() {
    let out = run_corpus("2");
    let rec = records(out.path())
        .into_iter()
        .find(|r| r.id == "000_89ac794dc1ea0cf1.txt")
        .unwrap();
    let raw = std::fs::read_to_string(root().join(&rec.source)).unwrap();
    let sidebar_start = raw
        .find("Latest news")
        .expect("the seed article has its sidebar");
    for line in raw[sidebar_start..].lines().filter(|l| l.trim().len() > 3) {
        let line = line.trim_start_matches("Latest news");
        assert!(
            !rec.text.contains(line.trim()),
            "sidebar line kept: {line:?}"
        );
    }
}

#[test]
fn one_bad_file_and_one_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("good.txt"),
        "Baku and Moscow traded accusations.\n",
    )
    .unwrap();
    // A dangling symlink: listed, but it cannot be read.
    std::os::unix::fs::symlink(input.join("missing-target"), input.join("broken.txt")).unwrap();
    let config = dir.path().join("newstag.toml");
    std::fs::write(&config, "").unwrap();
    let out = dir.path().join("out");
    let o = newstag(
        &[
            "run",
            input.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--quiet",
        ],
        dir.path(),
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let ann = std::fs::read_to_string(out.join("annotations.jsonl")).unwrap();
    let err = std::fs::read_to_string(out.join("errors.jsonl")).unwrap();
    assert_eq!(ann.lines().count(), 1);
    assert_eq!(err.lines().count(), 1);
    let e: serde_json::Value = serde_json::from_str(err.lines().next().unwrap()).unwrap();
    assert_eq!(e["id"], "broken.txt");
    assert_eq!(e["error"]["kind"], "io");
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("broken.txt"),
        "the error names the file: {e}"
    );
}

#[test]
fn bad_config_exits_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "[input]\npaths = [\"x\"]\nnope = 1\n").unwrap();
    let o = newstag(&["run", "--config", config.to_str().unwrap()], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let msg = String::from_utf8_lossy(&o.stderr);
    assert!(msg.contains("bad.toml:3"), "{msg}");
}
