//! Black-box regression floor on the development set (tests/data/dev): 14 hand-written English
//! news articles beyond the seed crisis (wire, analysis, opinion, live blog, newsletter), with
//! gold built from inline markup by tests/data/dev/make_gold.py.
//!
//! The binary runs with the shipped config (lexicons and rules) and is scored with `eval`. The
//! floors sit a little under the figures measured when the set was written (overall entity
//! precision 0.973, recall 0.889), so a change that loses generalization fails here.
//! The set was written by the same engineer who tuned the rules: treat it as a regression guard,
//! not as an unbiased estimate of quality on unseen news.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Minimum overall entity precision and recall on the dev set.
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.86;
/// Per label: no label may collapse while the others carry the overall score.
const MIN_LABEL_F1: f64 = 0.85;

fn newstag(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newstag"))
        .current_dir(ROOT)
        .args(args)
        .output()
        .expect("run newstag")
}

/// `label -> (tp, fp, fn)` rows of `eval`'s entity table, `overall` included.
fn table(eval_stdout: &str) -> Vec<(String, [usize; 3])> {
    eval_stdout
        .lines()
        .skip_while(|l| !l.starts_with("entities"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let n = |i: usize| f[i].parse::<usize>().expect("a count");
            (f[0].to_string(), [n(1), n(2), n(3)])
        })
        .collect()
}

#[test]
fn dev_set_keeps_precision_and_recall_floors() {
    let dev = Path::new(ROOT).join("tests/data/dev");
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let run = newstag(&[
        "run",
        dev.to_str().unwrap(),
        "--config",
        "newstag.toml",
        "--quiet",
        "--out",
        out_dir,
    ]);
    assert!(
        run.status.success(),
        "run failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pred = out.path().join("annotations.jsonl");
    let gold = dev.join("gold.jsonl");
    let ev = newstag(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        "--pred",
        pred.to_str().unwrap(),
        "--corpus",
        dev.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&ev.stdout);
    assert!(
        ev.status.success(),
        "eval failed: {}",
        String::from_utf8_lossy(&ev.stderr)
    );
    assert!(stdout.starts_with("documents: 14"), "{stdout}");
    let rows = table(&stdout);
    let score = |[tp, fp, fn_]: [usize; 3]| {
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        (p, r, 2.0 * p * r / (p + r).max(f64::EPSILON))
    };
    let overall = rows
        .iter()
        .find(|(l, _)| l == "overall")
        .expect("overall row");
    let (p, r, _) = score(overall.1);
    assert!(
        p >= MIN_PRECISION,
        "precision {p:.4} < {MIN_PRECISION}\n{stdout}"
    );
    assert!(r >= MIN_RECALL, "recall {r:.4} < {MIN_RECALL}\n{stdout}");
    for label in ["LOC", "ORG", "PER"] {
        let row = rows.iter().find(|(l, _)| l == label).expect("label row");
        let (_, _, f1) = score(row.1);
        assert!(
            f1 >= MIN_LABEL_F1,
            "{label} F1 {f1:.4} < {MIN_LABEL_F1}\n{stdout}"
        );
    }
}
