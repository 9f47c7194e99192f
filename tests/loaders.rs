//! The dataset loads in the tools users load it with: pandas (`read_json(lines=True)`,
//! `json_normalize`), DuckDB (`read_json_auto`) and Hugging Face `datasets`
//! (`load_dataset("json")`), each seeing one schema and every record (`tests/loaders_check.py`
//! says exactly what is checked; it also validates every record with Python's `jsonschema`).
//!
//! The pinned packages are installed from PyPI into a virtualenv cached under
//! `target/loaders-venv` (about 150 MB; delete the folder to rebuild it). Nothing else is
//! fetched: `datasets` runs offline. Like the Spark test this test never skips: a missing
//! python3 or PyPI is a failure with the reason.

mod support;

use std::path::PathBuf;
use std::process::Command;

use support::*;

/// The pinned versions (Python 3.9 to 3.12 wheels exist for all of them).
const PACKAGES: [&str; 4] = [
    "pandas==2.2.3",
    "duckdb==1.1.3",
    "datasets==3.1.0",
    "jsonschema==4.23.0",
];

/// The virtualenv's python with the pinned packages.
fn python() -> PathBuf {
    pinned_python("loaders-venv", &PACKAGES)
}

/// Runs `tests/loaders_check.py` on an output folder with the expected record counts.
fn check(
    python: &PathBuf,
    out: &std::path::Path,
    annotated: usize,
    failed: usize,
    hf: &std::path::Path,
) {
    let o = Command::new(python)
        .arg(root().join("tests/loaders_check.py"))
        .arg(out)
        .arg(root().join("schema"))
        .args([annotated.to_string(), failed.to_string()])
        .env("HF_DATASETS_OFFLINE", "1")
        .env("HF_HUB_OFFLINE", "1")
        .env("HF_HOME", hf)
        .env("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
        .output()
        .expect("python runs");
    assert!(
        o.status.success(),
        "loaders_check on {}:\n{}{}",
        out.display(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("{}", String::from_utf8_lossy(&o.stdout).trim());
}

#[test]
fn output_loads_in_pandas_duckdb_and_datasets_with_one_schema() {
    let python = python();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Varied records: with and without warnings, meta keys, entities; error records. The
    // built-in config (no newstag.toml in the folder) supplies the lexicons.
    let docs = write_varied_corpus(&d.join("articles"), 300);
    let o = Command::new(bin())
        .args(["run", "--quiet", "articles", "--out", "out"])
        .current_dir(d)
        .env("NEWSTAG_CACHE_DIR", d.join("cache"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let failed = lines(&d.join("out/errors.jsonl")).len();
    assert!(failed >= 2, "the binary and the empty file fail");
    check(
        &python,
        &d.join("out"),
        docs - failed,
        failed,
        &d.join("hf"),
    );

    // The committed output too.
    let annotated = lines(&root().join("out/annotations.jsonl")).len();
    let failed = lines(&root().join("out/errors.jsonl")).len();
    check(
        &python,
        &root().join("out"),
        annotated,
        failed,
        &d.join("hf"),
    );
}
