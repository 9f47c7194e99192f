//! The commit's unit tests: markers, clean-up, the lock.

use super::*;

#[test]
fn markers_name_their_kind_and_a_plain_run_id() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "valid",
            "newstag .newstag-staging 12-ab\nmore\n",
            Some("12-ab"),
        ),
        ("other kind", "newstag .newstag-old 12-ab\n", None),
        ("no run id", "newstag .newstag-staging \n", None),
        ("path in run id", "newstag .newstag-staging ../x\n", None),
        ("not ours", "hello\n", None),
        ("empty", "", None),
    ];
    for (name, text, want) in cases {
        let p = dir.path().join(STAGING_MARKER);
        std::fs::write(&p, text).unwrap();
        assert_eq!(read_marker(&p).as_deref(), want, "case {name}");
    }
    write_marker(dir.path(), OLD_MARKER, "7-c").unwrap();
    assert_eq!(
        read_marker(&dir.path().join(OLD_MARKER)).as_deref(),
        Some("7-c")
    );
}

/// What a killed run can leave, and what opening the folder does with it.
#[test]
fn opening_the_folder_cleans_only_what_newstag_marked() {
    let root = tempfile::tempdir().unwrap();
    let at = |rel: &str| root.path().join(rel);
    let put = |rel: &str, body: &str| {
        std::fs::create_dir_all(at(rel).parent().unwrap()).unwrap();
        std::fs::write(at(rel), body).unwrap();
    };
    put("out/annotations.jsonl", "new\n");
    put("out/manifest.json", "new\n");
    // A kill right after the exchange: the marker came into out, the old set is unmarked.
    put("out/.newstag-staging", "newstag .newstag-staging 1-a\n");
    put(".out.newstag-staging-1-a/annotations.jsonl", "old\n");
    put(".out.newstag-staging-1-a/notes.txt", "user\n");
    // An uncommitted stage of a killed run.
    put(
        ".out.newstag-staging-2-b/.newstag-staging",
        "newstag .newstag-staging 2-b\n",
    );
    put(".out.newstag-staging-2-b/annotations.jsonl", "partial");
    // An old set marked, whose user folder cannot go back (the name is taken).
    put(
        ".out.newstag-staging-3-c/.newstag-old",
        "newstag .newstag-old 3-c\n",
    );
    put(".out.newstag-staging-3-c/manifest.json", "old\n");
    put(".out.newstag-staging-3-c/export/x.csv", "user's\n");
    put("out/export/y.csv", "user's too\n");
    // Not provably newstag's.
    put(".out.newstag-staging-4-d/data", "someone's\n");
    put(
        ".out.newstag-staging-5-e/.newstag-staging",
        "newstag .newstag-staging 9-z\n",
    );
    put("out/.tmp-4294967294/data", "someone's\n");
    std::fs::create_dir_all(at(".out.newstag-staging-6-f")).unwrap();

    let _out = OutDir::open(&at("out")).unwrap();
    let cases = [
        ("marker inside out removed", "out/.newstag-staging", false),
        (
            "old set after exchange removed",
            ".out.newstag-staging-1-a",
            false,
        ),
        ("its user file given back", "out/notes.txt", true),
        (
            "uncommitted stage removed",
            ".out.newstag-staging-2-b",
            false,
        ),
        (
            "old set kept while a file could not go back",
            ".out.newstag-staging-3-c/export/x.csv",
            true,
        ),
        (
            "unmarked folder kept",
            ".out.newstag-staging-4-d/data",
            true,
        ),
        (
            "marker of another run id kept",
            ".out.newstag-staging-5-e",
            true,
        ),
        (".tmp-N kept", "out/.tmp-4294967294/data", true),
        (
            "empty unmarked folder removed",
            ".out.newstag-staging-6-f",
            false,
        ),
    ];
    for (name, rel, exists) in cases {
        assert_eq!(at(rel).exists(), exists, "case {name}: {rel}");
    }
    assert_eq!(
        std::fs::read_to_string(at("out/annotations.jsonl")).unwrap(),
        "new\n"
    );
}

#[test]
fn a_second_open_of_a_locked_folder_names_the_holder() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let first = OutDir::open(&out).unwrap();
    let e = OutDir::open(&out).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, Error::Locked { .. }), "{msg}");
    assert!(
        msg.contains(&format!("pid {}", std::process::id())) && msg.contains(first.run_id()),
        "{msg}"
    );
    drop(first);
    OutDir::open(&out).unwrap();
}

#[test]
fn an_out_that_is_a_file_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    std::fs::write(&out, "x").unwrap();
    assert!(matches!(OutDir::open(&out), Err(Error::BadArgument(_))));
}
