//! Black-box tests of `newstag stream`: input order kept under parallelism, bad lines turned into
//! error records in place, the same records as `run` for the same documents, and an answer to
//! each line before stdin is closed (what `RDD.pipe` and Unix pipelines need).
//!
//! `stream` and `run` differ by construction in one field: `source` is `<stdin>:LINE` in a
//! stream (there is no file) and the file's path in a run. The id is whatever the line carries.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use support::*;

/// Pipes `input` through `newstag stream ARGS`; returns (exit code, output lines, stderr).
fn stream(args: &[&str], input: &[u8]) -> (i32, Vec<String>, String) {
    let mut child = Command::new(bin())
        .arg("stream")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newstag stream starts");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Write from another thread: stream answers while it reads, so the pipes must both move.
    let writer = std::thread::spawn(move || {
        stdin.write_all(&input).unwrap();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stdout = String::from_utf8(out.stdout).expect("stream writes UTF-8");
    (
        out.status.code().unwrap_or(-1),
        stdout.lines().map(str::to_string).collect(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn jsonl(records: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        serde_json::to_writer(&mut out, r).unwrap();
        out.push(b'\n');
    }
    out
}

#[test]
fn order_is_kept_under_parallelism() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    let mut rng = Rng::new(7);
    // Documents of very different sizes, so that workers finish out of order.
    let docs: Vec<Value> = (0..600)
        .map(|i| {
            let n = 1 + rng.below(60);
            let body = "Jane Doe met officials from Baku. ".repeat(n);
            json!({"id": format!("doc-{i:04}"), "text": body})
        })
        .collect();
    let (code, out, err) = stream(&["--threads", "2", "--config", s(&config)], &jsonl(&docs));
    assert_eq!(code, 0, "stream failed: {err}");
    let ids: Vec<String> = parse(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..600).map(|i| format!("doc-{i:04}")).collect();
    assert_eq!(ids, want, "records come out in input order, one per line");
    for r in parse(&out) {
        assert!(r.get("error").is_none(), "annotated: {r}");
        assert_eq!(
            r["entities"][0]["kb_id"], "per:jane-doe",
            "tagged: {}",
            r["id"]
        );
    }
}

#[test]
fn bad_lines_become_error_records_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "max_doc_bytes = 200");
    let long = json!({"id": "long", "text": "Baku. ".repeat(100)}).to_string();
    let mut input: Vec<u8> = Vec::new();
    let lines: [&[u8]; 10] = [
        br#"{"id": "ok-1", "text": "Baku is the capital of Azerbaijan."}"#,
        b"this is not JSON",
        br#"{"id": "no-text"}"#,
        br#"{"id": "number-text", "text": 5}"#,
        br#"[1, 2, 3]"#,
        long.as_bytes(),
        b"{\"id\": \"bad-utf8\", \"text\": \"\xff\xfe\"}",
        br#"{"id": "empty", "text": "   "}"#,
        // An array is no object, even one shaped like [id, text].
        br#"["array", "Ivan Petrov arrived in Baku."]"#,
        br#"{"id": "ok-2", "text": "Ivan Petrov arrived in Baku."}"#,
    ];
    for l in lines {
        input.extend_from_slice(l);
        input.push(b'\n');
    }
    let (code, out, err) = stream(&["--config", s(&config)], &input);
    assert_eq!(code, 1, "some lines failed, so the exit status is 1: {err}");
    let records = parse(&out);
    let got: Vec<(String, Option<String>)> = records
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["error"]["kind"].as_str().map(str::to_string),
            )
        })
        .collect();
    // Lines without a usable id are named by their line number.
    let want: Vec<(String, Option<String>)> = [
        ("ok-1", None),
        ("2", Some("bad_input")),
        ("no-text", Some("bad_input")),
        ("number-text", Some("bad_input")),
        ("5", Some("bad_input")),
        ("6", Some("too_large")),
        ("7", Some("bad_input")),
        ("empty", Some("empty")),
        ("9", Some("bad_input")),
        ("ok-2", None),
    ]
    .iter()
    .map(|(id, k)| (id.to_string(), k.map(str::to_string)))
    .collect();
    assert_eq!(
        got, want,
        "one record per line, errors in place, the stream goes on"
    );
    for r in records.iter().filter(|r| r.get("error").is_some()) {
        let source = r["source"].as_str().unwrap();
        assert!(source.starts_with("<stdin>:"), "source names the line: {r}");
        let message = r["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with(source),
            "message starts with the line: {r}"
        );
    }
    assert_eq!(records[9]["entities"][0]["kb_id"], "per:ivan-petrov");
}

/// A file saved by a Windows tool: a UTF-8 BOM before the first line, CRLF line ends, and blank
/// lines (between records and at the end). The BOM is no part of the JSON, and a blank line is
/// no document: no record, as JSON Lines readers skip it, but the numbering counts it.
#[test]
fn a_bom_and_blank_lines_give_no_error_records() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    let input =
        b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"Baku is the capital of Azerbaijan.\"}\r\n\
                  \r\n   \n{\"text\": \"Ivan Petrov arrived in Baku.\"}\n\n";
    let (code, out, err) = stream(&["--config", s(&config)], input);
    assert_eq!(code, 0, "no line failed: {err}");
    let records = parse(&out);
    let got: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["source"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("a", "<stdin>:1"), ("4", "<stdin>:4")]);
    assert_eq!(records[0]["entities"][0]["text"], "Baku");
}

#[test]
fn stream_gives_the_records_run_gives() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    let input = dir.path().join("input");
    copy_seed_corpus(&input);
    generate_corpus(&input, 120, 11);
    let out = dir.path().join("out");
    let o = newstag(&[
        "run",
        s(&input),
        "--config",
        s(&config),
        "--out",
        s(&out),
        "--quiet",
    ]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "run failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<Value> = texts(&input)
        .into_iter()
        .map(|(id, text)| json!({"id": id, "text": text}))
        .collect();
    // `run` counts repeated lines over the whole folder first (cross-document boilerplate);
    // `stream` sees one line at a time, so it gets the same table through --line-stats.
    let table = dir.path().join("line-stats");
    let o = newstag(&[
        "linestats",
        s(&input),
        "--config",
        s(&config),
        "--out",
        s(&table),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, streamed, err) = stream(
        &[
            "--threads",
            "2",
            "--config",
            s(&config),
            "--line-stats",
            s(&table),
        ],
        &jsonl(&lines),
    );
    assert_eq!(streamed.len(), lines.len(), "one record per line: {err}");

    let (errors, annotated): (Vec<Value>, Vec<Value>) = parse(&streamed)
        .into_iter()
        .partition(|r| r.get("error").is_some());
    let run_annotated = by_id(parse(&support::lines(&out.join("annotations.jsonl"))));
    let run_errors: Vec<(String, String)> = parse(&support::lines(&out.join("errors.jsonl")))
        .iter()
        .map(error_key)
        .collect();
    assert!(run_annotated.len() > 100, "the corpus was annotated");
    assert_eq!(
        run_errors,
        vec![("empty.txt".to_string(), "empty".to_string())]
    );
    assert_eq!(errors.iter().map(error_key).collect::<Vec<_>>(), run_errors);

    let streamed = by_id(annotated);
    assert_eq!(
        streamed.keys().collect::<Vec<_>>(),
        run_annotated.keys().collect::<Vec<_>>(),
        "the same documents are annotated"
    );
    for (id, r) in streamed {
        assert!(
            r["source"].as_str().unwrap().starts_with("<stdin>:"),
            "{id}"
        );
        // Everything but `source` is equal: text, entities (code point and raw offsets),
        // removed, lang, meta, sha256, encoding, warnings.
        assert_eq!(
            without_source(r),
            without_source(run_annotated[&id].clone()),
            "record {id} differs between stream and run"
        );
    }
}

#[test]
fn stream_answers_each_line_before_stdin_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "");
    let mut child = Command::new(bin())
        .args(["stream", "--config", s(&config)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("newstag stream starts");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for (i, text) in ["Baku is in Azerbaijan.", "Jane Doe works for the UN."]
        .iter()
        .enumerate()
    {
        writeln!(stdin, "{}", json!({"id": format!("q{i}"), "text": text})).unwrap();
        stdin.flush().unwrap();
        // stdin stays open: a stream that waited for more input would block here forever.
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let r: Value = serde_json::from_str(&line).expect("one record per line");
        assert_eq!(r["id"], format!("q{i}"), "answer to line {i}");
        assert!(!r["entities"].as_array().unwrap().is_empty(), "{r}");
    }
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(rest, "", "nothing more after stdin closes");
    assert!(child.wait().unwrap().success());
}
