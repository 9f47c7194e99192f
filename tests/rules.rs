//! Black-box tests of the rules stage through the real binary.

use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newstag"))
}

const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml");
const SYNTH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/rules-news");

/// A config with a place lexicon of the test paragraphs' towns (no people, no organizations) and, when `rules`, the
/// shipped English rules.
fn write_config(dir: &Path, rules: bool) -> std::path::PathBuf {
    std::fs::write(
        dir.join("places.tsv"),
        "geo:az\tAzerbaijan\ngeo:baku\tBaku\ngeo:baku-caps\tBaku\t=BAKU\ngeo:ru\tRussia\n\
         geo:msk\tMoscow\ngeo:sxb\tStrasbourg\ngeo:ekb\tYekaterinburg\ngeo:chel\tChelyabinsk\n\
         geo:kam\tKamensk\ngeo:nx\tNakhchivan\ngeo:ganja\tGanja\ngeo:sum\tSumgait\n\
         geo:grozny\tGrozny\n",
    )
    .unwrap();
    let mut cfg = String::from(
        "[input]\npatterns = [\"*.txt\"]\n\n[[lexicons]]\nname = \"places\"\npath = \"places.tsv\"\nlabel = \"LOC\"\n",
    );
    if rules {
        cfg.push_str(&format!("\n[[rules]]\nname = \"en\"\npath = {RULES:?}\n"));
    }
    let path = dir.join(if rules { "on.toml" } else { "off.toml" });
    std::fs::write(&path, cfg).unwrap();
    path
}

fn overall(eval_stdout: &str) -> (usize, usize, usize) {
    let line = eval_stdout
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("overall line");
    let n: Vec<usize> = line
        .split_whitespace()
        .skip(1)
        .take(3)
        .map(|x| x.parse().unwrap())
        .collect();
    (n[0], n[1], n[2])
}

#[test]
fn rules_raise_recall_on_unseen_paragraphs_without_losing_precision() {
    let dir = tempfile::tempdir().unwrap();
    let mut scores = Vec::new();
    for rules in [false, true] {
        let cfg = write_config(dir.path(), rules);
        let out = dir.path().join(if rules { "out-on" } else { "out-off" });
        let st = bin()
            .args(["run", SYNTH, "--quiet", "--config"])
            .arg(&cfg)
            .arg("--out")
            .arg(&out)
            .status()
            .unwrap();
        assert!(st.success());
        let ev = bin()
            .args(["eval", "--gold", &format!("{SYNTH}/gold.jsonl"), "--pred"])
            .arg(out.join("annotations.jsonl"))
            .output()
            .unwrap();
        assert!(
            ev.status.success(),
            "{}",
            String::from_utf8_lossy(&ev.stderr)
        );
        scores.push(overall(&String::from_utf8_lossy(&ev.stdout)));
    }
    let ((tp0, fp0, _), (tp1, fp1, fn1)) = (scores[0], scores[1]);
    let p = |tp: usize, fp: usize| tp as f64 / (tp + fp).max(1) as f64;
    assert!(
        tp1 > tp0 * 2,
        "rules must find what the lists miss: {scores:?}"
    );
    assert!(p(tp1, fp1) >= 0.93, "precision with rules: {scores:?}");
    assert!(
        p(tp1, fp1) >= p(tp0, fp0) - 1e-9 || fp1 <= fp0 + 1,
        "{scores:?}"
    );
    assert!(
        tp1 as f64 / (tp1 + fn1) as f64 >= 0.8,
        "recall with rules: {scores:?}"
    );
}

#[test]
fn rule_entities_carry_rule_name_and_slug_id() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(dir.path(), true);
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Journalist Sayfaddin Huseynli was jailed in Baku. Huseynli denied the charges.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let st = bin()
        .arg("run")
        .arg(&input)
        .arg("--quiet")
        .arg("--config")
        .arg(&cfg)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success());
    let ann = std::fs::read_to_string(out.join("annotations.jsonl")).unwrap();
    let rec: serde_json::Value = serde_json::from_str(ann.lines().next().unwrap()).unwrap();
    let ents: Vec<(String, String, String)> = rec["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("text"), s("kb_id"), s("lexicon"))
        })
        .collect();
    let want = |t: &str, id: &str, lex: &str| (t.to_string(), id.to_string(), lex.to_string());
    assert_eq!(
        ents,
        vec![
            want(
                "Sayfaddin Huseynli",
                "per:sayfaddin-huseynli",
                "rule:title-name"
            ),
            want("Baku", "geo:baku", "places"),
            want("Huseynli", "per:sayfaddin-huseynli", "rule:title-name"),
        ]
    );
}

#[test]
fn bad_rule_file_exits_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("bad.toml");
    std::fs::write(&rules, "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [\n  { lower = [\"@missing\"], entity = true },\n]\n").unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "[[rules]]\nname = \"bad\"\npath = \"bad.toml\"\n").unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "text\n").unwrap();
    let out = bin()
        .arg("run")
        .arg(&input)
        .arg("--quiet")
        .arg("--config")
        .arg(&cfg)
        .arg("--out")
        .arg(dir.path().join("o"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml:5:") && err.contains("@missing"),
        "{err}"
    );
}
