//! Black-box tests of `newstag run --shard K/N`: the N shard outputs are disjoint, and
//! concatenated and sorted by id they equal the single run's annotations and errors.

mod support;

use support::*;

fn run(input: &std::path::Path, config: &std::path::Path, out: &std::path::Path, extra: &[&str]) {
    let mut args = vec![
        "run",
        s(input),
        "--config",
        s(config),
        "--out",
        s(out),
        "--quiet",
    ];
    args.extend_from_slice(extra);
    let o = newstag(&args);
    // 1 when the empty file (an error record) is among the inputs.
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "run {extra:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn shards_concatenated_and_sorted_equal_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    let input = dir.path().join("input");
    copy_seed_corpus(&input);
    let files = 5 + generate_corpus(&input, 200, 3);
    let whole = dir.path().join("whole");
    run(&input, &config, &whole, &[]);

    for file in ["annotations.jsonl", "errors.jsonl"] {
        let want = lines(&whole.join(file));
        let mut got = Vec::new();
        for k in 1..=3 {
            let out = dir.path().join(format!("shard-{k}"));
            let shard = format!("{k}/3");
            if !out.exists() {
                run(&input, &config, &out, &["--shard", &shard]);
            }
            let part = lines(&out.join(file));
            if file == "annotations.jsonl" {
                assert!(
                    part.len() > 30,
                    "shard {shard} holds a fair part: {}",
                    part.len()
                );
            }
            got.extend(part);
        }
        got.sort_by_cached_key(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            r["id"].as_str().unwrap().to_string()
        });
        assert_eq!(
            got, want,
            "{file}: shards 1..3 together equal the single run"
        );
    }
    let total: u64 = (1..=3)
        .map(|k| {
            let m = std::fs::read_to_string(dir.path().join(format!("shard-{k}/manifest.json")));
            let m: serde_json::Value = serde_json::from_str(&m.unwrap()).unwrap();
            m["inputs"].as_u64().unwrap()
        })
        .sum();
    assert_eq!(total as usize, files, "every input is in exactly one shard");
}

#[test]
fn bad_shard_arguments_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    for (name, shard) in [
        ("zero", "0/3"),
        ("over", "4/3"),
        ("no count", "2"),
        ("zero of zero", "0/0"),
    ] {
        let o = newstag(&[
            "run",
            s(dir.path()),
            "--config",
            s(&config),
            "--shard",
            shard,
        ]);
        assert_eq!(o.status.code(), Some(2), "case {name}: --shard {shard}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("K/N"),
            "case {name}: message explains the form: {err}"
        );
    }
}
