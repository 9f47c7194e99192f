//! Black-box tests of the command-line choices a new user meets first: `--lexicon` adds to the
//! configured lexicons (`--no-default-lexicons` replaces them, `--label` labels a file without
//! labels), input patterns ignore case, skipped files are summed up on stderr, and `run --list`
//! shows what a run would read.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use support::*;

/// Runs the binary in `dir` (no config there: the built-in config is used).
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NEWSTAG_CACHE_DIR", dir.join("cache"))
        .output()
        .expect("newstag runs")
}

fn ok(dir: &Path, args: &[&str]) -> Output {
    let o = run_in(dir, args);
    assert!(
        o.status.success(),
        "newstag {args:?}: {}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// `(text, label, kb_id, lexicon)` of every entity of the one record in `out`.
fn entities(dir: &Path, out: &str) -> Vec<(String, String, String, String)> {
    let recs = parse(&lines(&dir.join(out).join("annotations.jsonl")));
    recs.iter()
        .flat_map(|r| r["entities"].as_array().unwrap().clone())
        .map(|e: Value| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("text"), s("label"), s("kb_id"), s("lexicon"))
        })
        .collect()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(
        dir.path().join("in/a.txt"),
        "Zebulon Quartz met officials of Quartzline Labs in Baku on Monday.\n",
    )
    .unwrap();
    dir
}

#[test]
fn lexicon_adds_to_the_configured_lexicons() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(
        d.join("mine.tsv"),
        "per:zq\tZebulon Quartz\t\tPER\norg:ql\tQuartzline Labs\t\tORG\n",
    )
    .unwrap();
    ok(d, &["run", "--quiet", "in", "--out", "plain"]);
    let plain = entities(d, "plain");
    assert!(plain.iter().any(|e| e.0 == "Baku"), "{plain:?}");
    assert!(!plain.iter().any(|e| e.0 == "Zebulon Quartz"), "{plain:?}");

    ok(
        d,
        &[
            "run",
            "--quiet",
            "in",
            "--out",
            "added",
            "--lexicon",
            "mine.tsv",
        ],
    );
    let added = entities(d, "added");
    let has = |es: &[(String, String, String, String)], text: &str, lexicon: &str| {
        es.iter().any(|e| e.0 == text && e.3 == lexicon)
    };
    assert!(has(&added, "Zebulon Quartz", "mine"), "{added:?}");
    assert!(has(&added, "Quartzline Labs", "mine"), "{added:?}");
    assert!(has(&added, "Baku", "places"), "shipped kept: {added:?}");

    ok(
        d,
        &[
            "run",
            "--quiet",
            "in",
            "--out",
            "only",
            "--lexicon",
            "mine.tsv",
            "--no-default-lexicons",
        ],
    );
    let only = entities(d, "only");
    assert!(has(&only, "Zebulon Quartz", "mine"), "{only:?}");
    assert!(!only.iter().any(|e| e.0 == "Baku"), "replaced: {only:?}");
    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("only/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(m["lexicons"].as_array().unwrap().len(), 1);

    // `stream` takes the same options.
    let mut child = Command::new(bin())
        .args(["stream", "--lexicon", "mine.tsv"])
        .current_dir(d)
        .env("NEWSTAG_CACHE_DIR", d.join("cache"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        b"{\"id\": \"s\", \"text\": \"Zebulon Quartz flew to Baku.\"}\n",
    )
    .unwrap();
    let out = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    assert!(
        out.contains("\"kb_id\":\"per:zq\"") && out.contains("geonames:587084"),
        "{out}"
    );
}

#[test]
fn a_command_line_lexicon_wins_ties_and_keeps_its_own_name() {
    let dir = setup();
    let d = dir.path();
    // Same file stem as a shipped lexicon, and an alias the shipped places lexicon has too.
    std::fs::write(d.join("places.tsv"), "org:baku-fc\tBaku FC\tBaku\tORG\n").unwrap();
    ok(d, &["run", "--quiet", "in", "--lexicon", "places.tsv"]);
    let es = entities(d, "out");
    let baku = es.iter().find(|e| e.0 == "Baku").expect("Baku tagged");
    assert_eq!(baku.1, "ORG", "{es:?}");
    assert_eq!(baku.3, "places-2", "{es:?}");
}

#[test]
fn a_tsv_without_labels_needs_label() {
    let dir = setup();
    let d = dir.path();
    std::fs::write(d.join("names.tsv"), "# people\nper:zq\tZebulon Quartz\n").unwrap();
    let o = run_in(d, &["run", "--quiet", "in", "--lexicon", "names.tsv"]);
    assert_eq!(o.status.code(), Some(2));
    let msg = String::from_utf8_lossy(&o.stderr);
    assert!(
        msg.contains("names.tsv:2:") && msg.contains("--label"),
        "{msg}"
    );
    assert!(!d.join("out").exists(), "nothing written");

    ok(
        d,
        &[
            "run",
            "--quiet",
            "in",
            "--lexicon",
            "names.tsv",
            "--label",
            "PERSON",
        ],
    );
    let es = entities(d, "out");
    assert!(
        es.iter()
            .any(|e| e.0 == "Zebulon Quartz" && e.1 == "PERSON" && e.2 == "per:zq"),
        "{es:?}"
    );
    // A label column still wins over --label.
    std::fs::write(d.join("names.tsv"), "per:zq\tZebulon Quartz\t\tPER\n").unwrap();
    ok(
        d,
        &[
            "run",
            "--quiet",
            "in",
            "--lexicon",
            "names.tsv",
            "--label",
            "PERSON",
            "--out",
            "o2",
        ],
    );
    assert!(entities(d, "o2")
        .iter()
        .any(|e| e.0 == "Zebulon Quartz" && e.1 == "PER"));

    // --no-default-lexicons without a file to use instead is a usage error.
    let o = run_in(d, &["run", "--quiet", "in", "--no-default-lexicons"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn patterns_ignore_case_and_skipped_files_are_summed_up() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let files = [
        "in/a.txt",
        "in/B.TXT",
        "in/sub/c.Txt",
        "in/notes.md",
        "in/README.MD",
        "in/page.html",
        "in/LICENSE",
    ];
    for f in files {
        let p = d.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "Baku hosted the talks.\n").unwrap();
    }
    let o = ok(d, &["run", "in"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "skipped 4 files not matching the file patterns (2 .md, 1 no extension, 1 .html)"
        ),
        "{err}"
    );
    let recs = parse(&lines(&d.join("out/annotations.jsonl")));
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["B.TXT", "a.txt", "sub/c.Txt"]);
    let o = ok(d, &["run", "--quiet", "in", "--out", "q"]);
    assert!(
        o.stderr.is_empty(),
        "--quiet: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A run that finds no document (an empty folder, a folder of `.html` files under the default
/// `*.txt` pattern) says so, even under `--quiet`, naming the folders and the patterns; it still
/// writes its (empty) output and exits 0.
#[test]
fn a_run_that_finds_no_document_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("empty")).unwrap();
    std::fs::create_dir_all(d.join("pages")).unwrap();
    std::fs::write(d.join("pages/a.html"), "<p>Baku hosted the talks.</p>").unwrap();
    for input in ["empty", "pages"] {
        let o = ok(d, &["run", "--quiet", input, "--out", "o"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!(
                "warning: no documents found in {input}: no file matches input.patterns (*.txt)"
            )),
            "{err}"
        );
        assert!(lines(&d.join("o/annotations.jsonl")).is_empty());
    }
}

#[test]
fn list_prints_what_a_run_would_read_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["in/a.txt", "in/Z.TXT", "in/x/b.txt", "in/skip.md"] {
        let p = d.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "text\n").unwrap();
    }
    let o = ok(d, &["run", "--list", "in"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        out, "Z.TXT\tin/Z.TXT\na.txt\tin/a.txt\nx/b.txt\tin/x/b.txt\n",
        "id<TAB>path, in output order"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("3 documents would be processed"), "{err}");
    assert!(err.contains("skipped 1 file"), "{err}");
    assert!(!d.join("out").exists(), "a dry run writes nothing");
    // With a shard, only its documents.
    let o = ok(d, &["run", "--list", "--quiet", "in", "--shard", "1/2"]);
    let shard1 = String::from_utf8(o.stdout).unwrap();
    let o = ok(d, &["run", "--list", "--quiet", "in", "--shard", "2/2"]);
    let shard2 = String::from_utf8(o.stdout).unwrap();
    assert_eq!(shard1.lines().count() + shard2.lines().count(), 3);
}
