//! A user's existing lexicon files work unchanged: spaCy EntityRuler patterns and plain lists,
//! through `--lexicon` and through the config.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = dir.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_newstag"))
        .args(["run", "--quiet", "--out", out.to_str().unwrap()])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out.join("annotations.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn spans(rec: &serde_json::Value) -> Vec<(String, String, String, String)> {
    rec["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("text"), s("label"), s("kb_id"), s("lexicon"))
        })
        .collect()
}

#[test]
fn spacy_entity_ruler_patterns_tag_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("newstag.toml"), "").unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(
        dir.path().join("in/a.txt"),
        "The New York office of Acme Corp. said Baku and new york differ.\n",
    )
    .unwrap();
    // As spaCy writes them: phrase patterns, token patterns, ids shared by several patterns.
    std::fs::write(
        dir.path().join("patterns.jsonl"),
        concat!(
            r#"{"label": "GPE", "pattern": "Baku", "id": "baku"}"#,
            "\n",
            r#"{"label": "GPE", "pattern": [{"ORTH": "New"}, {"ORTH": "York"}], "id": "nyc"}"#,
            "\n",
            r#"{"label": "ORG", "pattern": [{"LOWER": "acme"}, {"LOWER": "corp"}, {"ORTH": "."}]}"#,
            "\n"
        ),
    )
    .unwrap();
    let recs = run(dir.path(), &["in", "--lexicon", "patterns.jsonl"]);
    assert_eq!(
        spans(&recs[0]),
        vec![
            (
                "New York".into(),
                "GPE".into(),
                "nyc".into(),
                "patterns".into()
            ),
            (
                "Acme Corp.".into(),
                "ORG".into(),
                "org:acme-corp".into(),
                "patterns".into()
            ),
            (
                "Baku".into(),
                "GPE".into(),
                "baku".into(),
                "patterns".into()
            ),
        ],
        "ORTH patterns are case-sensitive: lowercase \"new york\" is not tagged"
    );
}

#[test]
fn plain_list_lexicon_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("newstag.toml"),
        "[[lexicons]]\nname = \"agencies\"\npath = \"agencies.txt\"\nformat = \"list\"\nlabel = \"ORG\"\nid_prefix = \"media:\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("agencies.txt"),
        "# news agencies\nInterfax\nTrend News Agency\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(
        dir.path().join("in/a.txt"),
        "Interfax and Trend News Agency reported it.\n",
    )
    .unwrap();
    let recs = run(dir.path(), &["in"]);
    assert_eq!(
        spans(&recs[0]),
        vec![
            (
                "Interfax".into(),
                "ORG".into(),
                "media:interfax".into(),
                "agencies".into()
            ),
            (
                "Trend News Agency".into(),
                "ORG".into(),
                "media:trend-news-agency".into(),
                "agencies".into()
            ),
        ]
    );
}
