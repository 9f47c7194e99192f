//! `newstag lexicon check` and `newstag lexicon stats` through the binary, on lexicons written
//! here: exact output lines with file:line, exit status 2 on errors and 0 otherwise.

use std::path::Path;
use std::process::{Command, Output};

fn newstag(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newstag"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const CONFIG: &str = r#"
[[lexicons]]
name = "places"
path = "places.tsv"
label = "LOC"
inflect = ["ru"]

[[lexicons]]
name = "orgs"
path = "orgs.jsonl"
"#;

#[test]
fn check_reports_errors_and_warnings_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "newstag.toml", CONFIG);
    write(
        d,
        "places.tsv",
        "x:1\tTurkey\tTürkiye\tLOC\nbad id\tX\n\nx:2\tY\ta||b\nx:3\tRussia\tРоссия\tGPE\nx:4\tRus\tРоссии\tLOC\nx:5\tPlace\tP\tlo c\nx:6\tTurkiye\tTürkiye\n",
    );
    write(
        d,
        "orgs.jsonl",
        "{\"label\":\"ORG\",\"pattern\":\"NATO\",\"id\":\"org:nato\"}\n{bad json\n{\"label\":\"ORG\",\"pattern\":[{\"POS\":\"X\"}]}\n",
    );
    let out = newstag(d, &["lexicon", "check"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let want = "\
places.tsv:1: warning: alias \"Turkey\" of x:1 is a common English word and matches capitalized, as at the start of a sentence (mark it `=` for exact case or `~` for context-only)
places.tsv:1: warning: alias \"Türkiye\" of x:1 LOC is also an alias of x:6 LOC (places.tsv:8)
places.tsv:2: error: bad id \"bad id\"
places.tsv:4: error: empty alias
places.tsv:5: warning: generated ru forms of alias \"Россия\" are also forms of x:4: dropped: \"России\"
places.tsv:5: warning: unknown label \"GPE\": not PER, LOC or ORG and not declared by a lexicon in the config
places.tsv:7: error: bad label \"lo c\": ASCII letters, digits, `_` and `-`, starting with a letter
places.tsv:7: warning: alias \"Place\" of x:5 is a common English word and matches capitalized, as at the start of a sentence (mark it `=` for exact case or `~` for context-only)
orgs.jsonl:2: error: not a spaCy pattern: key must be a string at column 2
orgs.jsonl:3: error: token pattern: attribute POS is not supported (only ORTH, TEXT, LOWER)
5 errors, 5 warnings, 0 notes
";
    assert_eq!(stdout, want);
    assert_eq!(out.status.code(), Some(2), "errors give exit 2");
}

#[test]
fn check_of_a_clean_lexicon_exits_zero_and_notes_restricted_forms() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "newstag.toml",
        "[[lexicons]]\nname = \"people\"\npath = \"people.tsv\"\nlabel = \"PER\"\ninflect = [\"ru\", \"az\"]\n",
    );
    write(
        d,
        "people.tsv",
        "per:putin\tVladimir Putin\tВладимир Путин|Путин\nper:aliyev\tIlham Aliyev\tİlham Əliyev\n",
    );
    let out = newstag(d, &["lexicon", "check"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "people.tsv:1: note: generated ru forms of alias \"Путин\" are common Russian words: kept, but at a sentence start or in capitals only when the entity is named elsewhere: \"Путина\", \"Путину\"\n0 errors, 0 warnings, 1 notes\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn check_reports_a_bad_config_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "newstag.toml",
        "[[lexicons]]\nname = \"p\"\npath = \"p.tsv\"\ninflect = [\"fr\"]\n",
    );
    let out = newstag(d, &["lexicon", "check"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("newstag.toml:4: error: unknown variant `fr`"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(2));
    let missing = newstag(d, &["lexicon", "check", "--config", "nope.toml"]);
    assert_eq!(
        String::from_utf8(missing.stdout).unwrap(),
        "nope.toml: error: config file not found (pass --config FILE)\n1 errors, 0 warnings, 0 notes\n"
    );
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn stats_counts_entries_aliases_forms_and_patterns() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "newstag.toml",
        "[[lexicons]]\nname = \"places\"\npath = \"places.tsv\"\nlabel = \"LOC\"\ninflect = [\"ru\"]\n\n[[lexicons]]\nname = \"plain\"\npath = \"plain.tsv\"\nlabel = \"LOC\"\n",
    );
    // Москва: Москвы, Москве, Москву, Москвой, Москвою (5); Баку: none.
    write(
        d,
        "places.tsv",
        "x:moscow\tMoscow\tМосква\nx:baku\tBaku\tБаку\n",
    );
    write(d, "plain.tsv", "x:moscow\tMoscow\tМосква\n");
    let out = newstag(d, &["lexicon", "stats"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "\
lexicon    entries    aliases  generated   patterns
places           2          4          5          9
plain            1          2          0          2
total            3          6          5          9
"
    );
}
