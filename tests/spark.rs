//! The Spark example, run for real: installs pyspark from PyPI into a virtualenv cached under
//! `target/spark-venv`, runs `examples/spark/annotate.py` in `local[2]` over the seed corpus plus
//! a few hundred generated documents, and requires the records `newstag run` writes for the same
//! files.
//!
//! This test never skips: CI must prove the example works, so a missing Java, python3 or PyPI is
//! a failure with the reason. The first run downloads pyspark (about 320 MB); later runs reuse
//! the virtualenv (delete `target/spark-venv` to rebuild it). Wall times of the Spark run and of
//! the plain run are printed (`cargo test --release --test spark -- --nocapture`).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use support::*;

/// pyspark 3.5 runs on Java 8, 11 and 17 (the machines have 17); 4.x would need 17 or 21.
const PYSPARK: &str = "3.5.7";

/// Generated documents besides the 5 seed articles.
const GENERATED: usize = 300;

/// The virtualenv's python with pyspark `PYSPARK`, installing it when needed.
fn pyspark_python() -> PathBuf {
    pinned_python("spark-venv", &[&format!("pyspark=={PYSPARK}")])
}

fn seconds(from: Instant) -> f64 {
    from.elapsed().as_secs_f64()
}

fn has_linestats() -> bool {
    newstag(&["linestats", "--help"]).status.success()
}

/// A finished `spark-submit` of the example job.
struct Job {
    code: Option<i32>,
    /// stdout and stderr (spark-submit passes the Python driver's stderr to its own stdout).
    log: String,
    secs: f64,
}

impl Job {
    /// The job's own messages, without Spark's log lines.
    fn messages(&self) -> String {
        let lines: Vec<&str> = self
            .log
            .lines()
            .filter(|l| l.starts_with("newstag-spark:"))
            .collect();
        lines.join("\n")
    }
}

/// Runs examples/spark/annotate.py in `local[2]` with `binary` as the newstag to ship.
fn spark_submit(python: &Path, binary: &Path, config: &Path, input: &Path, out: &Path) -> Job {
    let started = Instant::now();
    let local_dir = out.with_extension("spark-local");
    let o = Command::new(root().join("target/spark-venv/bin/spark-submit"))
        .args(["--master", "local[2]", "--conf", "spark.ui.enabled=false"])
        .arg("--conf")
        .arg(format!("spark.local.dir={}", local_dir.display()))
        .arg(root().join("examples/spark/annotate.py"))
        .args([
            "--newstag",
            s(binary),
            "--config",
            s(config),
            "--partitions",
            "4",
        ])
        .args([s(input), s(out)])
        .env("PYSPARK_PYTHON", python)
        .env("PYSPARK_DRIVER_PYTHON", python)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .expect("spark-submit starts");
    Job {
        code: o.status.code(),
        log: format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        secs: seconds(started),
    }
}

/// The seed corpus and `GENERATED` generated documents under `dir/input`, the test config under
/// `dir/config`. Not a dot-name: Hadoop's input formats skip files and folders starting with `.`
/// or `_`.
fn fixture() -> (tempfile::TempDir, PathBuf, PathBuf, usize) {
    let tmp = tempfile::Builder::new()
        .prefix("newstag-spark-")
        .tempdir()
        .unwrap();
    let config = write_config(&tmp.path().join("config"), "");
    let input = tmp.path().join("input");
    let files = copy_seed_corpus(&input) + generate_corpus(&input, GENERATED, 42);
    (tmp, config, input, files)
}

/// Requires the job's dataset to hold exactly what `newstag run` wrote into `run_out`.
fn assert_same_records(spark_out: &Path, run_out: &Path, files: usize) {
    // The part files, concatenated in name order, are sorted by id and hold the records `run`
    // writes (for the same absolute input path, so even `source` matches).
    let mut parts: Vec<PathBuf> = std::fs::read_dir(spark_out.join("annotations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    parts.sort();
    assert!(parts.len() >= 2, "range-partitioned output: {parts:?}");
    let spark_lines: Vec<String> = parts.iter().flat_map(|p| lines(p)).collect();
    let run_lines = lines(&run_out.join("annotations.jsonl"));
    let spark = by_id(parse(&spark_lines));
    let run = by_id(parse(&run_lines));
    assert_eq!(
        run.len(),
        files - 1,
        "every file but the empty one is annotated"
    );
    assert_eq!(
        spark.keys().collect::<Vec<_>>(),
        run.keys().collect::<Vec<_>>(),
        "the same ids (relative paths)"
    );
    for (id, want) in &run {
        for field in [
            "text", "entities", "removed", "lang", "meta", "sha256", "source",
        ] {
            assert_eq!(spark[id][field], want[field], "{id}: {field}");
        }
    }
    assert!(
        spark_lines == run_lines,
        "the dataset is byte for byte run's annotations.jsonl"
    );

    let spark_errors: Vec<(String, String)> = parse(&lines(&spark_out.join("errors/part-00000")))
        .iter()
        .map(error_key)
        .collect();
    let run_errors: Vec<(String, String)> = parse(&lines(&run_out.join("errors.jsonl")))
        .iter()
        .map(error_key)
        .collect();
    assert_eq!(run_errors, vec![("empty.txt".into(), "empty".into())]);
    assert_eq!(
        spark_errors, run_errors,
        "the same error records (id, kind)"
    );
}

#[test]
fn spark_job_gives_the_records_of_newstag_run() {
    checked(
        "java -version",
        Command::new("java").arg("-version").output(),
    );
    let python = pyspark_python();
    let (tmp, config, input, files) = fixture();

    // The single-machine reference, with the line-stats table when this binary has linestats.
    let started = Instant::now();
    let mut run_args = vec!["run", s(&input), "--config", s(&config), "--quiet"];
    let table = tmp.path().join("line-stats");
    let linestats = has_linestats();
    if linestats {
        let o = newstag(&[
            "linestats",
            s(&input),
            "--config",
            s(&config),
            "--out",
            s(&table),
        ]);
        assert!(
            o.status.success(),
            "linestats: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        run_args.extend(["--line-stats", s(&table)]);
    }
    let run_out = tmp.path().join("run");
    run_args.extend(["--out", s(&run_out)]);
    let o = newstag(&run_args);
    let run_secs = seconds(started);
    assert_eq!(
        o.status.code(),
        Some(1),
        "run (the empty file fails): {o:?}"
    );

    let spark_out = tmp.path().join("spark");
    let job = spark_submit(&python, &bin(), &config, &input, &spark_out);
    assert_eq!(
        job.code,
        Some(1),
        "the job reports the error record:\n{}",
        job.log
    );
    println!(
        "spark test: {files} files; newstag run {run_secs:.2}s; spark-submit local[2] {:.2}s \
         (JVM start included); line stats: {}\n{}",
        job.secs,
        if linestats {
            "yes"
        } else {
            "skipped (no linestats command)"
        },
        job.messages()
    );
    assert_eq!(
        job.log.contains("skipping the line-stats stage"),
        !linestats,
        "the job uses linestats exactly when the binary has it:\n{}",
        job.log
    );
    assert_same_records(&spark_out, &run_out, files);
    if linestats {
        let shipped = std::fs::read(spark_out.join("line-stats")).expect("the job keeps the table");
        assert!(
            shipped == std::fs::read(&table).unwrap(),
            "the line-stats table equals linestats'"
        );
    } else {
        assert!(!spark_out.join("line-stats").exists());
    }
}

/// A stand-in for a newstag that has `linestats` and `--line-stats` (for as long as the real
/// binary has neither): `linestats DIR --config C --out T` writes `sha256  ./path` of every
/// file under DIR, so the table proves which bytes under which relative paths the stage saw;
/// `stream` requires `--line-stats T` with a table in it (except on empty input, the job's
/// preflight), then runs the real binary without it.
fn fake_newstag_with_linestats(dir: &Path) -> PathBuf {
    let script = format!(
        r#"#!/bin/sh
set -e
export LC_ALL=C
if [ "$1" = linestats ]; then
    [ "$2" = --help ] && exit 0
    [ "$3" = --config ] && [ "$5" = --out ] || exit 64
    (cd "$2" && find . -type f -name "*.txt" | sort | xargs sha256sum) > "$6"
    exit 0
fi
table=
for a in "$@"; do
    shift
    if [ "$a" = --line-stats ]; then table=next; continue; fi
    if [ "$table" = next ]; then table="$a"; continue; fi
    set -- "$@" "$a"
done
if [ -z "$table" ]; then
    # Only the job's preflight (no input) may start stream without the table.
    if read -r line; then echo "fake newstag: stream without --line-stats" >&2; exit 65; fi
    exec '{0}' "$@" </dev/null
fi
[ -s "$table" ] || {{ echo "fake newstag: empty line-stats table $table" >&2; exit 65; }}
exec '{0}' "$@"
"#,
        s(&bin())
    );
    let path = dir.join("newstag");
    std::fs::write(&path, script).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&path, perms).unwrap();
    path
}

/// The job's line-stats stage (one task writes all documents under their ids, runs
/// `linestats`, the table is shipped with addFile and passed to every `stream`), checked with
/// a stand-in binary while the real one has no `linestats`; once it has, the test above covers
/// the stage with the real table.
#[test]
fn spark_job_ships_the_line_stats_table() {
    if has_linestats() {
        println!("spark line-stats stand-in: not needed, the real binary has linestats");
        return;
    }
    checked(
        "java -version",
        Command::new("java").arg("-version").output(),
    );
    let python = pyspark_python();
    let (tmp, config, input, files) = fixture();
    let fake_dir = tmp.path().join("fake");
    std::fs::create_dir_all(&fake_dir).unwrap();
    let fake = fake_newstag_with_linestats(&fake_dir);

    let table = tmp.path().join("table");
    let o = Command::new(&fake)
        .args([
            "linestats",
            s(&input),
            "--config",
            s(&config),
            "--out",
            s(&table),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "stand-in linestats: {o:?}");
    let run_out = tmp.path().join("run");
    newstag(&[
        "run",
        s(&input),
        "--config",
        s(&config),
        "--quiet",
        "--out",
        s(&run_out),
    ]);

    let spark_out = tmp.path().join("spark");
    let job = spark_submit(&python, &fake, &config, &input, &spark_out);
    assert_eq!(
        job.code,
        Some(1),
        "the job reports the error record:\n{}",
        job.log
    );
    assert!(
        !job.log.contains("skipping the line-stats stage"),
        "{}",
        job.messages()
    );
    let shipped =
        std::fs::read_to_string(spark_out.join("line-stats")).expect("the job keeps the table");
    assert_eq!(
        shipped,
        std::fs::read_to_string(&table).unwrap(),
        "the stage saw every document, byte for byte, under its id"
    );
    assert_eq!(
        shipped.lines().count(),
        files,
        "one table line per input file"
    );
    assert_same_records(&spark_out, &run_out, files);
}
