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
    // Errors first (file and line order), then each file's warnings.
    let want = "\
places.tsv:2: error: bad id \"bad id\"
places.tsv:4: error: empty alias
places.tsv:7: error: alias \"Place\" of x:5 is the 172nd most frequent English word (\"place\"): it is tagged wherever the word opens a sentence or is capitalized, whatever its case marker (make it context-only with `~`, or remove it)
places.tsv:7: error: bad label \"lo c\": labels are upper-case ASCII letters, digits, `_` and `-`, starting with a letter
orgs.jsonl:2: error: not a spaCy pattern: key must be a string at column 2
orgs.jsonl:3: error: token pattern: attribute POS is not supported (only ORTH, TEXT, LOWER)
places.tsv:1: warning: alias \"Turkey\" of x:1 is a common English word and matches capitalized, as at the start of a sentence (mark it `=` for exact case or `~` for context-only)
places.tsv:1: warning: alias \"Türkiye\" of x:1 LOC is also an alias of x:6 LOC (places.tsv:8)
places.tsv:5: warning: generated ru forms of alias \"Россия\" are also forms of x:4: dropped: \"России\"
places.tsv:5: warning: unknown label \"GPE\": not PER, LOC or ORG and not declared by a lexicon in the config
6 errors, 4 warnings, 0 notes
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

#[test]
fn check_errors_on_duplicate_ids_frequent_words_languages_and_lowercase_labels() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "newstag.toml",
        "[[lexicons]]\nname = \"orgs\"\npath = \"orgs.tsv\"\nlabel = \"ORG\"\nlanguages = [\"en\", \"eng\"]\n\n[[lexicons]]\nname = \"places\"\npath = \"places.tsv\"\nlabel = \"loc\"\nlanguages = [\"xyz\"]\n",
    );
    write(
        d,
        "orgs.tsv",
        "org:may\tMay Corp\tMay|~Will\norg:acme\tAcme\tACME\norg:acme\tAcme Inc\tAcme Incorporated\norg:x\tX Group\t=MAY\n",
    );
    write(
        d,
        "places.tsv",
        "org:x\tX Group\tXgroup\tORG\nloc:y\tYville\tYville\n",
    );
    let out = newstag(d, &["lexicon", "check"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let want = "\
newstag.toml:5: error: lexicon \"orgs\": language \"en\" is not an ISO 639-3 code the language detector reports (did you mean eng?): documents are tagged with codes such as \"eng\", \"rus\", \"aze\", \"tur\", so this lexicon would never apply
newstag.toml:10: error: lexicon \"places\": bad label \"loc\": labels are upper-case ASCII letters, digits, `_` and `-`, starting with a letter (write \"LOC\")
newstag.toml:11: error: lexicon \"places\": language \"xyz\" is not an ISO 639-3 code the language detector reports: documents are tagged with codes such as \"eng\", \"rus\", \"aze\", \"tur\", so this lexicon would never apply
orgs.tsv:1: error: alias \"May\" of org:may is the 103rd most frequent English word (\"may\"): it is tagged wherever the word opens a sentence or is capitalized, whatever its case marker (make it context-only with `~`, or remove it)
orgs.tsv:3: error: duplicate id \"org:acme\": \"Acme Inc\" ORG here, \"Acme\" ORG at orgs.tsv:2 (one id per entity: give one of them another id)
";
    assert!(stdout.starts_with(want), "{stdout}");
    assert!(
        !stdout.contains("duplicate id \"org:x\""),
        "same name and label is one entity split over two lines, not a duplicate: {stdout}"
    );
    assert!(
        !stdout.contains("Will"),
        "a context-only alias is fine: {stdout}"
    );
    assert!(
        !stdout.contains("\"MAY\""),
        "all capitals do not match the word: {stdout}"
    );
    assert!(
        !stdout.contains("places.tsv:2: error"),
        "loc from the config is reported once: {stdout}"
    );
    assert_eq!(out.status.code(), Some(2));
}

/// An id shared with a lexicon of other languages names the same entity in those languages (a
/// translation): fine when the label agrees; a different label, or another name in a lexicon of
/// the same languages, is still a duplicate.
#[test]
fn an_id_shared_across_languages_is_a_translation_unless_the_label_differs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "newstag.toml",
        "[[lexicons]]\nname = \"places\"\npath = \"places.tsv\"\nlabel = \"LOC\"\n\n\
         [[lexicons]]\nname = \"orgs\"\npath = \"orgs.tsv\"\nlabel = \"ORG\"\n\n\
         [[lexicons]]\nname = \"ru\"\npath = \"ru.tsv\"\nlabel = \"LOC\"\nlanguages = [\"rus\"]\n\n\
         [[lexicons]]\nname = \"more\"\npath = \"more.tsv\"\nlabel = \"LOC\"\n",
    );
    write(d, "places.tsv", "loc:sev\tSevastopol\tSevastopol\n");
    write(d, "orgs.tsv", "org:club\tZorvak Club\tZorvak Club\n");
    write(
        d,
        "ru.tsv",
        "loc:sev\tСевастополь\tСевастополя\norg:club\tЗорвак\tЗорвака\n",
    );
    write(d, "more.tsv", "loc:sev\tSebastopol\tSebastopol\n");
    let out = newstag(d, &["lexicon", "check"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains("ru.tsv:1: error"),
        "a translation in a lexicon of other languages: {stdout}"
    );
    assert!(
        stdout.contains(
            "ru.tsv:2: error: duplicate id \"org:club\": \"Зорвак\" LOC here, \"Zorvak Club\" ORG"
        ),
        "another label is another entity: {stdout}"
    );
    assert!(
        stdout.contains("more.tsv:1: error: duplicate id \"loc:sev\""),
        "another name in a lexicon of the same languages: {stdout}"
    );
}

#[test]
fn check_file_checks_one_user_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // The config's lexicon is broken; --file must not read it.
    write(
        d,
        "newstag.toml",
        "[[lexicons]]\nname = \"broken\"\npath = \"missing.tsv\"\nlabel = \"PER\"\n",
    );
    write(
        d,
        "mine.tsv",
        "per:a\tAnn Qorlan\tQorlan\nper:a\tBob Zyxwen\tZyxwen\n",
    );
    let cases: &[(&str, &[&str], &str, i32)] = &[
        (
            "label from --label",
            &["lexicon", "check", "--file", "mine.tsv", "--label", "PER"],
            "mine.tsv:2: error: duplicate id \"per:a\": \"Bob Zyxwen\" PER here, \"Ann Qorlan\" PER at mine.tsv:1 (one id per entity: give one of them another id)\n1 errors, 0 warnings, 0 notes\n",
            2,
        ),
        (
            "lowercase --label",
            &["lexicon", "check", "--file", "mine.tsv", "--label", "per"],
            "--label: error: bad label \"per\": labels are upper-case ASCII letters, digits, `_` and `-`, starting with a letter (write \"PER\")\n",
            2,
        ),
    ];
    for (name, args, want, code) in cases {
        let out = newstag(d, args);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.starts_with(want), "case {name}: {stdout}");
        assert!(!stdout.contains("missing.tsv"), "case {name}: {stdout}");
        assert_eq!(out.status.code(), Some(*code), "case {name}");
    }
    write(d, "ok.tsv", "per:b\tBob Zyxwen\tZyxwen\tPER\n");
    let out = newstag(d, &["lexicon", "check", "--file", "ok.tsv"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "0 errors, 0 warnings, 0 notes\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

/// `--label` gives the label of `--lexicon` files' lines that name none, in `check` and `stats`
/// as in `run`: the "no label" error says so, and following it must work.
#[test]
fn label_applies_to_lexicon_files_as_in_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "newstag.toml", CONFIG);
    write(d, "mine.tsv", "per:a\tAnn Qorlan\tQorlan\n");
    let out = newstag(d, &["lexicon", "check", "--lexicon", "mine.tsv"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("mine.tsv:1: error: no label") && stdout.contains("`--label LABEL`"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(2));
    let out = newstag(
        d,
        &[
            "lexicon",
            "check",
            "--lexicon",
            "mine.tsv",
            "--label",
            "PER",
        ],
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "0 errors, 0 warnings, 0 notes\n"
    );
    assert_eq!(out.status.code(), Some(0));
    let out = newstag(
        d,
        &[
            "lexicon",
            "stats",
            "--lexicon",
            "mine.tsv",
            "--label",
            "PER",
        ],
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.split_whitespace().take(3).eq(["mine", "1", "2"])),
        "{stdout}"
    );
}

#[test]
fn long_warning_lists_are_summarised_unless_verbose() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "newstag.toml",
        "[[lexicons]]\nname = \"big\"\npath = \"big.tsv\"\nlabel = \"LOC\"\n\n[[lexicons]]\nname = \"mine\"\npath = \"mine.tsv\"\nlabel = \"LOC\"\n",
    );
    // 12 shared aliases in the big file; one error in the user's.
    let big: String = (0..12)
        .map(|i| format!("loc:a{i}\tA{i}\tShared{i}\nloc:b{i}\tB{i}\tShared{i}\n"))
        .collect();
    write(d, "big.tsv", &big);
    write(d, "mine.tsv", "bad id\tX\n");
    let out = newstag(d, &["lexicon", "check"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("mine.tsv:1: error: bad id \"bad id\"\nbig.tsv: 12 warnings and notes in 1 kinds, summarised (--verbose lists every one):\n  12 warnings: shared-alias, e.g.\n    big.tsv:1: warning:"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 6, "{stdout}");
    assert!(
        stdout.ends_with("1 errors, 12 warnings, 0 notes\n"),
        "{stdout}"
    );
    let verbose = newstag(d, &["lexicon", "check", "--verbose"]);
    assert_eq!(
        String::from_utf8(verbose.stdout).unwrap().lines().count(),
        14
    );
}

/// The shipped config, lexicons and rule files check without errors: every generated lexicon
/// (ru_*.tsv links to the curated ids, clubs.tsv, places.tsv) keeps to what `check` asks of a
/// user's file.
#[test]
fn the_shipped_lexicons_check_without_errors() {
    let out = newstag(Path::new(env!("CARGO_MANIFEST_DIR")), &["lexicon", "check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let errors: Vec<&str> = stdout.lines().filter(|l| l.contains(": error: ")).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(out.status.code(), Some(0), "{stdout}");
}
