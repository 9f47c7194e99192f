//! Black-box test of the chunked, pipelined run: many documents (several chunks in flight) come
//! out complete, in id order, byte-identical at any thread count.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, threads: &str, out: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_newstag"))
        .args([
            "run",
            "--quiet",
            "--config",
            "newstag.toml",
            "--threads",
            threads,
        ])
        .args(["--out", out, "--lexicon", "places.tsv", "in"])
        .current_dir(dir)
        .env("NEWSTAG_CACHE_DIR", "off")
        .output()
        .expect("newstag runs");
    assert!(o.status.success() || o.status.code() == Some(1), "{o:?}");
    std::fs::read_to_string(dir.join(out).join("annotations.jsonl")).unwrap()
}

#[test]
fn many_chunks_keep_order_and_bytes_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("newstag.toml"), "").unwrap();
    std::fs::write(d.join("places.tsv"), "geonames:587084\tBaku\t\tLOC\n").unwrap();
    std::fs::create_dir(d.join("in")).unwrap();
    let n = 150;
    for i in 0..n {
        // Sizes vary so documents finish out of order inside a chunk.
        let body = "Talks went on in Baku for hours. ".repeat(1 + (i * 37) % 200);
        std::fs::write(
            d.join(format!("in/{i:04}.txt")),
            format!("Report {i}\n\n{body}\n"),
        )
        .unwrap();
    }
    let one = run(d, "1", "o1");
    let two = run(d, "2", "o2");
    let three = run(d, "3", "o3");
    assert_eq!(one, two, "1 vs 2 threads");
    assert_eq!(one, three, "1 vs 3 threads");
    let ids: Vec<String> = one
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let want: Vec<String> = (0..n).map(|i| format!("{i:04}.txt")).collect();
    assert_eq!(ids, want, "every document once, in id order");
}
