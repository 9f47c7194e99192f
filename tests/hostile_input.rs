//! Black-box tests of the real binary under hostile conditions on the input side: file names
//! that are not UTF-8, an output folder inside the input folder, special files and pipes,
//! unreadable folders, a full or closed stderr, stdout closed early, absurd thread counts, rule
//! patterns that would backtrack exponentially, NUL bytes, and CSV cells that spreadsheets would
//! run. Each test names the README promise ("Robustness") it checks.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::env::{Env, BIN};

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn records(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Waits for `child` at most `limit`; kills it and fails when it is still running (a hang).
fn wait_within(mut child: std::process::Child, limit: Duration, what: &str) -> Output {
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Python's `urllib.parse.unquote_to_bytes`: how a reader gets a path back from `id`/`source`.
fn unquote(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(x) =
                u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16)
            {
                out.push(x);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

#[test]
fn non_utf8_names_get_distinct_lossless_ids() {
    let env = Env::new();
    let names: [&[u8]; 5] = [
        b"caf\xE9.txt",
        b"caf\xE8.txt",
        b"caf%E9.txt",
        "caf\u{FFFD}.txt".as_bytes(),
        b"sub\xFF/x.txt",
    ];
    for n in names {
        let p = env.path("corpus").join(std::ffi::OsStr::from_bytes(n));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, b"Ilham Aliyev in Baku.").unwrap();
    }
    let out = env.run(&["corpus", "--out", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ann = records(&env.path("out/annotations.jsonl"));
    let mut ids: Vec<&str> = ann.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.sort();
    assert_eq!(
        ids,
        vec![
            "caf%25E9.txt",
            "caf%E8.txt",
            "caf%E9.txt",
            "caf\u{FFFD}.txt",
            "sub%FF/x.txt"
        ]
    );
    for r in &ann {
        // The id gives the file name back, and `source` the path it was read from.
        let id = unquote(r["id"].as_str().unwrap());
        assert!(names.contains(&id.as_slice()), "{r}");
        let source = unquote(r["source"].as_str().unwrap());
        let path = std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&source));
        let read = std::fs::read(env.path("").join(path)).unwrap();
        assert_eq!(read, b"Ilham Aliyev in Baku.");
    }
}

#[test]
fn an_output_folder_inside_the_input_folder_is_never_ingested() {
    let env = Env::new();
    env.write("corpus/a.txt", b"Ilham Aliyev in Baku.");
    // Files that look like articles inside the output folders.
    env.write("corpus/out/notes.txt", b"Baku notes.");
    for _ in 0..2 {
        let out = env.run(&["corpus", "--out", "corpus/out"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let ids: Vec<Value> = records(&env.path("corpus/out/annotations.jsonl"))
            .into_iter()
            .map(|r| r["id"].clone())
            .collect();
        assert_eq!(ids, vec!["a.txt"]);
    }
    // An older output folder (any name) is recognised by its manifest.
    std::fs::rename(env.path("corpus/out"), env.path("corpus/old-run")).unwrap();
    let out = env.run(&["corpus", "--out", "out2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<Value> = records(&env.path("out2/annotations.jsonl"))
        .into_iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, vec!["a.txt"]);
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success());
}

#[test]
fn special_files_in_a_folder_are_io_errors_and_never_block() {
    let env = Env::new();
    env.write("corpus/a.txt", b"Ilham Aliyev in Baku.");
    mkfifo(&env.path("corpus/fifo.txt"));
    let sock = std::os::unix::net::UnixListener::bind(env.path("corpus/sock.txt")).unwrap();
    let child = env
        .command(&["corpus", "--out", "out"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_within(child, Duration::from_secs(60), "run over a FIFO");
    drop(sock);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = records(&env.path("out/errors.jsonl"));
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap(),
                e["error"]["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, vec![("fifo.txt", "io"), ("sock.txt", "io")]);
    assert!(errors[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("FIFO"));
    assert_eq!(records(&env.path("out/annotations.jsonl")).len(), 1);
}

#[test]
fn a_file_that_becomes_a_fifo_after_listing_is_an_io_error_not_a_hang() {
    use newstag::document::{ErrorKind, Input};
    use newstag::pipeline::{Outcome, Pipeline};
    let env = Env::new();
    let config = newstag::config::Config::load(&env.path("newstag.toml")).unwrap();
    let pipeline =
        Pipeline::new(&newstag::settings::RunSettings::from_config(config.clone())).unwrap();
    let path = env.write("corpus/a.txt", b"Baku");
    let input = Input::file("a.txt".into(), path.clone());
    std::fs::remove_file(&path).unwrap();
    mkfifo(&path);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(pipeline.process_file(&input));
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(Outcome::Failed(e)) => {
            assert_eq!(e.error.kind, ErrorKind::Io);
            assert!(e.error.message.contains("FIFO"), "{}", e.error.message);
        }
        Ok(other) => panic!("not an io error: {other:?}"),
        Err(_) => panic!("reading a FIFO blocked"),
    }
}

#[test]
fn a_pipe_given_as_input_is_read_once() {
    let env = Env::new();
    let text = "Ilham Aliyev in Baku.\nIlham Aliyev in Baku again.\n";
    // `run <(cat file)`: a pipe that can be read only once, named by a /dev/fd path.
    let out = Command::new("bash")
        .current_dir(env.path(""))
        .arg("-c")
        .arg(format!(
            "{BIN:?} run --quiet --out out <(printf '%s' \"$TEXT\")"
        ))
        .env("TEXT", text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ann = records(&env.path("out/annotations.jsonl"));
    assert_eq!(ann.len(), 1);
    assert_eq!(ann[0]["text"], text.trim_end());
    assert_eq!(ann[0]["entities"].as_array().unwrap().len(), 4);
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(env.path("out/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["bytes"], text.len());
    // A FIFO given directly with no writer: read as empty at once, never waited on.
    mkfifo(&env.path("lone.txt"));
    let child = env
        .command(&["lone.txt", "--out", "out2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_within(child, Duration::from_secs(60), "a FIFO without a writer");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = records(&env.path("out2/errors.jsonl"));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["error"]["kind"], "empty");
}

/// Runs `cmd` as an unprivileged user when the tests run as root (who can read any folder), so
/// that a folder with mode 000 is unreadable.
fn unprivileged(cmd: &mut Command, root: &Path) {
    use std::os::unix::process::CommandExt;
    if std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0) {
        for entry in walkdir::WalkDir::new(root) {
            let entry = entry.unwrap();
            std::os::unix::fs::lchown(entry.path(), Some(65534), Some(65534)).unwrap();
        }
        cmd.uid(65534).gid(65534);
    }
}

#[test]
fn an_unreadable_folder_is_an_io_error_record_with_exit_1() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.write("corpus/a.txt", b"Ilham Aliyev in Baku.");
    env.write("corpus/locked/b.txt", b"Baku.");
    let mut cmd = env.command(&["corpus", "--out", "out"]);
    unprivileged(&mut cmd, env.path("").as_path());
    std::fs::set_permissions(
        env.path("corpus/locked"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let out = cmd.output().unwrap();
    std::fs::set_permissions(
        env.path("corpus/locked"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = records(&env.path("out/errors.jsonl"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["id"], "locked");
    assert_eq!(errors[0]["error"]["kind"], "io");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(env.path("out/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["failed"], 1);
}

#[test]
fn a_full_or_closed_stderr_never_panics() {
    let env = Env::new();
    env.write("corpus/a.txt", b"Ilham Aliyev in Baku.");
    env.write("corpus/b.txt", b"\0\0binary");
    // A symlink loop gives a warning on stderr; the summary line goes there too.
    std::os::unix::fs::symlink(env.path("corpus"), env.path("corpus/loop")).unwrap();
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let cases: [(&str, Vec<&str>); 3] = [
        ("run", vec!["run", "corpus", "--out", "out"]),
        (
            "run --resume",
            vec!["run", "corpus", "--out", "out", "--resume"],
        ),
        ("bad config", vec!["run", "--config", "nope.toml"]),
    ];
    for (name, args) in cases {
        let out = Command::new(BIN)
            .current_dir(env.path(""))
            .args(&args)
            .stderr(full())
            .output()
            .unwrap();
        let want = if name == "bad config" { 2 } else { 1 };
        assert_eq!(out.status.code(), Some(want), "case {name}: 2>/dev/full");
        // `2>&-`: stderr closed.
        let out = Command::new("bash")
            .current_dir(env.path(""))
            .arg("-c")
            .arg(format!("exec {BIN:?} {} 2>&-", args.join(" ")))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(want), "case {name}: 2>&-");
    }
    assert_eq!(records(&env.path("out/annotations.jsonl")).len(), 1);
    // stream warns nothing but must not die either.
    let mut child = Command::new(BIN)
        .current_dir(env.path(""))
        .arg("stream")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(full())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": \"x\", \"text\": \"Baku\"}\nnot json\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

#[test]
fn eval_with_a_span_that_ends_before_it_starts_is_a_clear_error() {
    let env = Env::new();
    env.write("corpus/a.txt", b"Ilham Aliyev in Baku.");
    let out = env.run(&["corpus", "--out", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    env.write(
        "gold.jsonl",
        br#"{"doc": "a.txt", "entities": [{"start": 16, "end": 12, "label": "LOC"}], "lines": ["content"]}"#,
    );
    let eval = |gold: &str, pred: &str| {
        Command::new(BIN)
            .current_dir(env.path(""))
            .args(["eval", "--gold", gold, "--pred", pred])
            .output()
            .unwrap()
    };
    let out = eval("gold.jsonl", "out/annotations.jsonl");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("newstag: gold.jsonl:1: "),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"));
    // The same in the predictions.
    let ann = std::fs::read_to_string(env.path("out/annotations.jsonl")).unwrap();
    let mut rec: Value = serde_json::from_str(ann.trim()).unwrap();
    rec["entities"][0]["raw_start"] = 20.into();
    rec["entities"][0]["raw_end"] = 3.into();
    env.write("bad.jsonl", format!("{rec}\n").as_bytes());
    env.write(
        "gold2.jsonl",
        br#"{"doc": "a.txt", "entities": [{"start": 0, "end": 12, "label": "PER"}], "lines": ["content"]}"#,
    );
    let out = eval("gold2.jsonl", "bad.jsonl");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("newstag: bad.jsonl:1: "),
        "{}",
        stderr(&out)
    );
}

/// Spawns `args`, reads one line of its stdout, closes the pipe and returns how it ended.
fn close_stdout_after_one_line(env: &Env, args: &[&str], stdin: Option<Vec<u8>>) -> Output {
    let mut child = Command::new(BIN)
        .current_dir(env.path(""))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        let mut w = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = w.write_all(&bytes);
        });
    }
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(!line.is_empty());
    drop(stdout);
    let mut err = Vec::new();
    child.stderr.take().unwrap().read_to_end(&mut err).unwrap();
    let status = child.wait().unwrap();
    Output {
        status,
        stdout: Vec::new(),
        stderr: err,
    }
}

#[test]
fn stdout_closed_early_ends_quietly_with_status_141() {
    let env = Env::new();
    let mut lines = Vec::new();
    for i in 0..20_000 {
        lines.extend_from_slice(
            format!("{{\"id\": \"{i}\", \"text\": \"Ilham Aliyev met the UN in Baku.\"}}\n")
                .as_bytes(),
        );
    }
    let out = close_stdout_after_one_line(&env, &["stream"], Some(lines));
    assert_eq!(out.status.code(), Some(141), "stream: {}", stderr(&out));
    assert_eq!(stderr(&out), "", "stream");
    // export --out - of a large annotations file.
    env.generate("a", 400, 7);
    let run = env.run(&["corpus", "--out", "out"]);
    assert!(run.status.success(), "{}", stderr(&run));
    for format in ["spacy", "conll"] {
        let out = close_stdout_after_one_line(
            &env,
            &[
                "export",
                "--to",
                format,
                "--pred",
                "out/annotations.jsonl",
                "--out",
                "-",
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(141), "{format}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{format}");
    }
}

#[test]
fn absurd_thread_counts_are_capped() {
    let env = Env::new();
    for i in 0..5 {
        env.write(&format!("corpus/{i}.txt"), b"Ilham Aliyev in Baku.");
    }
    let started = Instant::now();
    let out = env.run(&["corpus", "--out", "out", "--threads", "10000"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let out = env.run(&["corpus", "--out", "out", "--threads", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// A rule whose pattern has `stars` repeated any-token elements before a condition that never
/// holds on the test line.
fn starred_rule(stars: usize) -> String {
    let mut elems = vec![r#"{ shape = "capitalized", entity = true }"#.to_string()];
    for _ in 0..stars {
        elems.push(r#"{ op = "*" }"#.into());
    }
    elems.push(r#"{ shape = "digit" }"#.into());
    format!(
        "[[rule]]\nname = \"stars\"\nlabel = \"PER\"\nheadlines = true\npattern = [\n  {}\n]\n",
        elems.join(",\n  ")
    )
}

#[test]
fn starred_rules_stay_fast_and_lexicon_check_rejects_slow_ones() {
    let env = Env::new();
    let config = std::fs::read_to_string(env.path("newstag.toml")).unwrap();
    env.write(
        "newstag.toml",
        format!("{config}\n[[rules]]\nname = \"r\"\npath = \"r.toml\"\n").as_bytes(),
    );
    // One long line of capitalized words: every star matches everything, the digit never.
    env.write(
        "corpus/a.txt",
        "Alpha Beta Gamma Delta ".repeat(500).as_bytes(),
    );
    env.write("r.toml", starred_rule(6).as_bytes());
    let started = Instant::now();
    let child = env
        .command(&["corpus", "--out", "out"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_within(child, Duration::from_secs(60), "six starred elements");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(60));
    let check = |what: &str| {
        Command::new(BIN)
            .current_dir(env.path(""))
            .args(["lexicon", "check"])
            .output()
            .unwrap_or_else(|e| panic!("{what}: {e}"))
    };
    let out = check("six stars");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Many more: the matcher would still be polynomial, but slow on every document.
    env.write("r.toml", starred_rule(40).as_bytes());
    let out = check("forty stars");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("r.toml:1: error: rule \"stars\" may cost"),
        "{text}"
    );
    // A bad rule file is an error of `lexicon check` too.
    env.write(
        "r.toml",
        b"[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [{ op = \"?\" }]\n",
    );
    let out = check("bad rule");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn one_nul_byte_is_binary_for_any_length_in_files_and_streams() {
    let env = Env::new();
    let cases: [(&str, &[u8]); 4] = [
        ("short-even.txt", b"ab\0d"),
        ("short-odd.txt", b"Baku\0is"),
        ("sentence.txt", b"Hello\0World!"),
        ("nuls-one-parity.txt", b"Baku\0 Baku\0 Baku\0 Baku\0 "),
    ];
    for (name, bytes) in cases {
        env.write(&format!("corpus/{name}"), bytes);
    }
    // Real UTF-16 without a BOM still decodes.
    let utf16: Vec<u8> = "Ilham Aliyev met reporters in Baku.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    env.write("corpus/utf16.txt", &utf16);
    let out = env.run(&["corpus", "--out", "out"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = records(&env.path("out/errors.jsonl"));
    let mut got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap(),
                e["error"]["kind"].as_str().unwrap(),
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<(&str, &str)> = cases.iter().map(|(n, _)| (*n, "binary")).collect();
    want.sort();
    assert_eq!(got, want);
    let ann = records(&env.path("out/annotations.jsonl"));
    assert_eq!(ann.len(), 1);
    assert_eq!(ann[0]["encoding"], "UTF-16LE");
    // In a stream the text is already Unicode: never decoded again, even with --encoding.
    let mut child = Command::new(BIN)
        .current_dir(env.path(""))
        .args(["stream", "--encoding", "windows-1251"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "{\"id\": \"a\", \"text\": \"ab\\u0000d\"}\n{\"id\": \"b\", \"text\": \"a\\u0000b\\u0000c\\u0000d\\u0000\"}\n{\"id\": \"c\", \"text\": \"Баку и Baku\"}\n"
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["error"]["kind"], "binary");
    assert_eq!(lines[1]["error"]["kind"], "binary");
    assert_eq!(lines[2]["text"], "Баку и Baku");
    assert_eq!(lines[2]["encoding"], "UTF-8");
}

#[test]
fn csv_cells_that_would_be_formulas_are_neutralised() {
    let env = Env::new();
    env.write(
        "lex.tsv",
        "per:x\t+SUM(1+2)\tIlham Aliyev\tPER\ngeo:baku\t@SUM(1+1)\tBaku\tLOC\n".as_bytes(),
    );
    env.write("corpus/-1+1.txt", b"Ilham Aliyev in Baku.");
    env.write("corpus/b.txt", b"Ilham Aliyev in Baku.");
    let out = env.run(&["corpus", "--out", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for format in ["entities", "cooccurrence"] {
        let out = Command::new(BIN)
            .current_dir(env.path(""))
            .args([
                "export",
                "--to",
                format,
                "--pred",
                "out/annotations.jsonl",
                "--out",
                "-",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let mut rows = csv::Reader::from_reader(&out.stdout[..]);
        let mut cells = 0;
        for row in rows.records() {
            for cell in row.unwrap().iter() {
                cells += 1;
                let first = cell.chars().next();
                assert!(
                    !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                    "{format}: cell {cell:?}"
                );
            }
        }
        assert!(cells > 0, "{format}");
        let text = String::from_utf8_lossy(&out.stdout);
        if format == "entities" {
            assert!(
                text.contains("'+SUM(1+2)") && text.contains("'-1+1.txt"),
                "{text}"
            );
        }
    }
}
