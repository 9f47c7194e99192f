//! Black-box tests of `newstag export`: every format read back and checked against the JSONL.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::export::*;

/// Exports `pred` as `format` into `dir/export`; returns the written path.
fn export(pred: &Path, format: &str, extra: &[&str]) -> PathBuf {
    let out = pred.parent().unwrap().join("export");
    let mut args = vec![
        "export",
        "--to",
        format,
        "--pred",
        pred.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    ok(&newstag(&args), &format!("export --to {format}"));
    let name = match format {
        "spacy" => "spacy.jsonl",
        "brat" => "brat",
        "conll" => "corpus.conll",
        "mentions" => "mentions.csv",
        "docbin" => "corpus.spacy",
        "entities" => "entities.csv",
        _ => "cooccurrence.csv",
    };
    out.join(name)
}

fn both() -> Vec<(&'static str, tempfile::TempDir, PathBuf)> {
    let (a, pa) = seed();
    let (b, pb) = synthetic();
    vec![("seed", a, pa), ("synthetic", b, pb)]
}

#[test]
fn spacy_export_loads_back_to_the_same_spans() {
    for (case, _dir, pred) in both() {
        let path = export(&pred, "spacy", &[]);
        let recs = records(&pred);
        let lines: Vec<Value> = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            lines.len(),
            recs.len(),
            "case {case}: one line per document"
        );
        let mut spans = 0;
        for (line, rec) in lines.iter().zip(&recs) {
            assert_eq!(line["meta"]["id"], rec["id"], "case {case}");
            assert_eq!(line["text"], rec["text"], "case {case}");
            let text = line["text"].as_str().unwrap();
            let got: Vec<(u64, u64, &str, &str)> = line["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                    assert_eq!(
                        slice(text, a as usize, b as usize),
                        rec["entities"].as_array().unwrap()[spans_in(line, s)]["text"]
                            .as_str()
                            .unwrap(),
                        "case {case}: span {a}..{b} in {}",
                        rec["id"]
                    );
                    (
                        a,
                        b,
                        s["label"].as_str().unwrap(),
                        s["kb_id"].as_str().unwrap(),
                    )
                })
                .collect();
            let want: Vec<(u64, u64, &str, &str)> = rec["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e["start"].as_u64().unwrap(),
                        e["end"].as_u64().unwrap(),
                        e["label"].as_str().unwrap(),
                        kb_id(e),
                    )
                })
                .collect();
            assert_eq!(got, want, "case {case}: spans of {}", rec["id"]);
            spans += got.len();
        }
        assert!(
            spans > 5,
            "case {case}: the fixture tags something ({spans} spans)"
        );
    }
}

/// Index of span `s` inside its line's `spans`.
fn spans_in(line: &Value, s: &Value) -> usize {
    line["spans"]
        .as_array()
        .unwrap()
        .iter()
        .position(|x| std::ptr::eq(x, s))
        .unwrap()
}

#[test]
fn spacy_export_passes_the_python_slicing_check() {
    let python = std::process::Command::new("python3")
        .arg("--version")
        .output();
    if python.map(|o| !o.status.success()).unwrap_or(true) {
        println!("SKIPPED: python3 is not installed, tests/export_check.py not run");
        return;
    }
    for (case, _dir, pred) in both() {
        let path = export(&pred, "spacy", &[]);
        let out = std::process::Command::new("python3")
            .arg(root().join("tests/export_check.py"))
            .arg(&path)
            .arg(&pred)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "case {case}: export_check.py failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).starts_with("ok: "),
            "case {case}"
        );
    }
}

#[test]
fn every_brat_span_slices_its_txt_to_the_entity() {
    for (case, _dir, pred) in both() {
        let dir = export(&pred, "brat", &[]);
        let recs = records(&pred);
        let mut pairs = 0;
        for rec in &recs {
            let id = rec["id"].as_str().unwrap();
            let stem = id.strip_suffix(".txt").unwrap();
            let txt = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).unwrap();
            let ann = std::fs::read_to_string(dir.join(format!("{stem}.ann"))).unwrap();
            assert_eq!(txt, rec["text"].as_str().unwrap(), "case {case}: {id}.txt");
            let ents = rec["entities"].as_array().unwrap();
            let t_lines: Vec<&str> = ann.lines().filter(|l| l.starts_with('T')).collect();
            let notes: Vec<&str> = ann.lines().filter(|l| l.starts_with('#')).collect();
            assert_eq!(t_lines.len(), ents.len(), "case {case}: T lines of {id}");
            assert_eq!(notes.len(), ents.len(), "case {case}: notes of {id}");
            for ((t, note), e) in t_lines.iter().zip(&notes).zip(ents) {
                let cols: Vec<&str> = t.split('\t').collect();
                assert_eq!(cols.len(), 3, "case {case}: {t:?}");
                let (label, offsets) = cols[1].split_once(' ').unwrap();
                assert_eq!(label, e["label"].as_str().unwrap(), "case {case}: {t:?}");
                let pieces: Vec<String> = offsets
                    .split(';')
                    .map(|f| {
                        let (a, b) = f.split_once(' ').unwrap();
                        slice(&txt, a.parse().unwrap(), b.parse().unwrap())
                    })
                    .collect();
                assert_eq!(
                    pieces.join(" "),
                    cols[2],
                    "case {case}: {t:?} slices its .txt"
                );
                assert_eq!(cols[2], e["text"].as_str().unwrap(), "case {case}: {t:?}");
                let tn = cols[0];
                assert!(
                    note.contains(&format!("AnnotatorNotes {tn}\t{} | ", kb_id(e))),
                    "case {case}: note {note:?} names {tn} and the id"
                );
                pairs += 1;
            }
        }
        assert!(pairs > 5, "case {case}: {pairs} spans checked");
        let conf = std::fs::read_to_string(dir.join("annotation.conf")).unwrap();
        assert!(conf.starts_with("[entities]\nLOC\n"), "case {case}: {conf}");
    }
}

#[test]
fn conll_tokens_reassemble_into_the_entity_strings() {
    for (case, _dir, pred) in both() {
        let path = export(&pred, "conll", &[]);
        let recs = records(&pred);
        let conll = std::fs::read_to_string(&path).unwrap();
        let docs: Vec<&str> = conll
            .split("-DOCSTART- -X- -X- O # id = ")
            .skip(1)
            .collect();
        assert!(
            conll.starts_with("-DOCSTART- -X- -X- O # id = "),
            "case {case}"
        );
        assert_eq!(
            docs.len(),
            recs.len(),
            "case {case}: one -DOCSTART- per document"
        );
        for (block, rec) in docs.iter().zip(&recs) {
            let (id, block) = block.split_once("\n\n").expect("id line, blank line");
            assert_eq!(
                id,
                rec["id"].as_str().unwrap(),
                "case {case}: the id comment"
            );
            let text = rec["text"].as_str().unwrap();
            // Locate each token in the text in order, then rebuild entities from B/I runs.
            let mut cursor = 0;
            let mut found: Vec<String> = Vec::new();
            let mut open: Option<(usize, usize)> = None;
            let close = |open: &mut Option<(usize, usize)>, found: &mut Vec<String>| {
                if let Some((a, b)) = open.take() {
                    found.push(text[a..b].to_string());
                }
            };
            for line in block.lines() {
                if line.is_empty() {
                    close(&mut open, &mut found);
                    continue;
                }
                let cols: Vec<&str> = line.split(' ').collect();
                assert_eq!(cols.len(), 4, "case {case}: four columns in {line:?}");
                assert_eq!(&cols[1..3], ["_", "_"], "case {case}: {line:?}");
                let (token, tag) = (cols[0], cols[3]);
                assert!(
                    !token.is_empty() && !token.contains(char::is_whitespace),
                    "case {case}: {line:?}"
                );
                let at = cursor
                    + text[cursor..].find(token).unwrap_or_else(|| {
                        panic!("case {case}: token {token:?} not found after byte {cursor}")
                    });
                assert!(
                    text[cursor..at].trim().is_empty(),
                    "case {case}: only spaces skipped before {token:?}"
                );
                let end = at + token.len();
                cursor = end;
                match tag.split_once('-') {
                    Some(("B", _)) => {
                        close(&mut open, &mut found);
                        open = Some((at, end));
                    }
                    Some(("I", _)) => {
                        let (a, _) = open.expect("I- follows B- or I-");
                        open = Some((a, end));
                    }
                    _ => {
                        assert_eq!(tag, "O", "case {case}");
                        close(&mut open, &mut found);
                    }
                }
            }
            close(&mut open, &mut found);
            let want: Vec<&str> = rec["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["text"].as_str().unwrap())
                .collect();
            assert_eq!(found, want, "case {case}: entities of {}", rec["id"]);
        }
    }
}

#[test]
fn conll_splits_tokens_at_entity_boundaries() {
    let (_dir, pred) = synthetic();
    let conll = std::fs::read_to_string(export(&pred, "conll", &[])).unwrap();
    for want in [
        "pro _ _ O\n- _ _ O\nMoscow _ _ B-LOC\n",
        "São _ _ B-LOC\nPaulo _ _ I-LOC\n",
        "Baku _ _ B-LOC\n's _ _ O\n",
        "Москва _ _ B-LOC\n",
    ] {
        assert!(conll.contains(want), "{want:?} in\n{conll}");
    }
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let mut rows = vec![r.headers().unwrap().iter().map(String::from).collect()];
    rows.extend(
        r.records()
            .map(|x| x.unwrap().iter().map(String::from).collect()),
    );
    rows
}

#[test]
fn entities_csv_counts_every_mention_once() {
    for (case, _dir, pred) in both() {
        let rows = csv_rows(&export(&pred, "entities", &[]));
        assert_eq!(
            rows[0],
            ["id", "name", "label", "mentions", "documents", "first_seen"],
            "case {case}"
        );
        let recs = records(&pred);
        let total: usize = recs
            .iter()
            .map(|r| r["entities"].as_array().unwrap().len())
            .sum();
        let n = |r: &Vec<String>, i: usize| r[i].parse::<usize>().unwrap();
        assert_eq!(
            rows[1..].iter().map(|r| n(r, 3)).sum::<usize>(),
            total,
            "case {case}: mentions"
        );
        for w in rows[1..].windows(2) {
            assert!(
                (n(&w[0], 3), n(&w[0], 4)) >= (n(&w[1], 3), n(&w[1], 4)),
                "case {case}: sorted {w:?}"
            );
        }
        for r in &rows[1..] {
            let first = recs
                .iter()
                .find(|rec| {
                    rec["entities"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|e| kb_id(e) == r[0].as_str())
                })
                .unwrap();
            assert_eq!(
                first["id"],
                r[5].as_str(),
                "case {case}: first_seen of {}",
                r[0]
            );
            let docs = recs
                .iter()
                .filter(|rec| {
                    rec["entities"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|e| kb_id(e) == r[0].as_str())
                })
                .count();
            assert_eq!(docs, n(r, 4), "case {case}: documents of {}", r[0]);
        }
    }
}

#[test]
fn cooccurrence_csv_counts_pairs_per_window() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("a.txt"),
        "Baku and Moscow talked. Putin was silent.\n\nPutin met Aliyev in Baku. Aliyev left Baku.\n",
    )
    .unwrap();
    std::fs::write(inputs.join("b.txt"), "Aliyev and Putin spoke in Baku.\n").unwrap();
    let pred = annotate(dir.path(), &inputs, &[]);
    type Row = [&'static str; 6];
    let cases: &[(&str, &[&str], &[Row])] = &[
        (
            "sentence",
            &[],
            &[
                ["loc:baku", "per:ilham-aliyev", "LOC", "PER", "3", "2"],
                ["loc:baku", "per:vladimir-putin", "LOC", "PER", "2", "2"],
                [
                    "per:ilham-aliyev",
                    "per:vladimir-putin",
                    "PER",
                    "PER",
                    "2",
                    "2",
                ],
                ["loc:baku", "loc:moscow", "LOC", "LOC", "1", "1"],
            ],
        ),
        (
            "paragraph",
            &["--window", "paragraph"],
            &[
                ["loc:baku", "per:vladimir-putin", "LOC", "PER", "3", "2"],
                ["loc:baku", "per:ilham-aliyev", "LOC", "PER", "2", "2"],
                [
                    "per:ilham-aliyev",
                    "per:vladimir-putin",
                    "PER",
                    "PER",
                    "2",
                    "2",
                ],
                ["loc:baku", "loc:moscow", "LOC", "LOC", "1", "1"],
                ["loc:moscow", "per:vladimir-putin", "LOC", "PER", "1", "1"],
            ],
        ),
    ];
    for (case, extra, want) in cases {
        let rows = csv_rows(&export(&pred, "cooccurrence", extra));
        assert_eq!(
            rows[0],
            [
                "source",
                "target",
                "source_label",
                "target_label",
                "weight",
                "documents"
            ],
            "case {case}"
        );
        let got: Vec<Vec<&str>> = rows[1..]
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let want: Vec<Vec<&str>> = want.iter().map(|r| r.to_vec()).collect();
        assert_eq!(got, want, "case {case}");
    }
}

#[test]
fn exports_are_byte_identical_across_runs_and_stdout_matches_files() {
    let (_dir, pred) = seed();
    for format in ["spacy", "conll", "mentions", "entities", "cooccurrence"] {
        let a = std::fs::read(export(&pred, format, &[])).unwrap();
        let b = std::fs::read(export(&pred, format, &[])).unwrap();
        assert_eq!(a, b, "format {format}: two exports");
        let out = newstag(&[
            "export",
            "--to",
            format,
            "--pred",
            pred.to_str().unwrap(),
            "--out",
            "-",
        ]);
        ok(&out, format);
        assert_eq!(
            out.stdout, a,
            "format {format}: --out - prints the same bytes"
        );
    }
}

#[test]
fn default_folder_is_export_beside_the_annotations() {
    let (dir, pred) = synthetic();
    ok(
        &newstag(&[
            "export",
            "--to",
            "entities",
            "--pred",
            pred.to_str().unwrap(),
        ]),
        "export",
    );
    assert!(dir.path().join("out/export/entities.csv").is_file());
}

#[test]
fn bad_usage_and_bad_input_exit_2_with_a_message() {
    let (dir, pred) = synthetic();
    let bad = dir.path().join("bad.jsonl");
    let mut text = std::fs::read_to_string(&pred).unwrap();
    text.push_str("{\"id\": 3}\n");
    std::fs::write(&bad, text).unwrap();
    let cases: &[(&str, Vec<&str>, &str)] = &[
        (
            "brat to stdout",
            vec![
                "export",
                "--to",
                "brat",
                "--pred",
                pred.to_str().unwrap(),
                "--out",
                "-",
            ],
            "--out DIR",
        ),
        (
            "docbin to stdout",
            vec![
                "export",
                "--to",
                "docbin",
                "--pred",
                pred.to_str().unwrap(),
                "--out",
                "-",
            ],
            "--out DIR",
        ),
        (
            "docbin without a python",
            vec![
                "export",
                "--to",
                "docbin",
                "--pred",
                pred.to_str().unwrap(),
                "--python",
                "/nonexistent/python3",
            ],
            "/nonexistent/python3",
        ),
        (
            "unknown format",
            vec!["export", "--to", "xml", "--pred", pred.to_str().unwrap()],
            "xml",
        ),
        (
            "missing file",
            vec!["export", "--to", "spacy", "--pred", "/nonexistent/a.jsonl"],
            "/nonexistent/a.jsonl",
        ),
        (
            "bad record",
            vec![
                "export",
                "--to",
                "spacy",
                "--pred",
                bad.to_str().unwrap(),
                "--out",
                "-",
            ],
            "bad.jsonl:4:",
        ),
    ];
    for (case, args, msg) in cases {
        let out = newstag(args);
        assert_eq!(out.status.code(), Some(2), "case {case}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(msg), "case {case}: {err}");
    }
}

#[test]
fn mentions_csv_has_one_row_per_entity_in_record_order() {
    for (case, _dir, pred) in both() {
        let rows = csv_rows(&export(&pred, "mentions", &[]));
        assert_eq!(
            rows[0],
            [
                "doc_id",
                "sentence",
                "start",
                "end",
                "text",
                "label",
                "kb_id",
                "name",
                "lexicon",
                "source",
                "lang",
                "published",
                "title",
                "raw_start",
                "raw_end"
            ],
            "case {case}"
        );
        let recs = records(&pred);
        let want: Vec<Vec<String>> = recs
            .iter()
            .flat_map(|rec| {
                rec["entities"].as_array().unwrap().iter().map(move |e| {
                    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
                    vec![
                        s(&rec["id"]),
                        e["start"].to_string(),
                        e["end"].to_string(),
                        s(&e["text"]),
                        s(&e["label"]),
                        kb_id(e).to_string(),
                        s(&e["name"]),
                        s(&e["lexicon"]),
                        s(&rec["lang"]["code"]),
                        s(&rec["meta"]["published"]),
                        s(&rec["meta"]["title"]),
                        e["raw_start"].to_string(),
                        e["raw_end"].to_string(),
                    ]
                })
            })
            .collect();
        let got: Vec<Vec<String>> = rows[1..]
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.remove(9); // source
                r.remove(1); // sentence
                r
            })
            .collect();
        assert_eq!(got, want, "case {case}");
        // Sentence indexes never go down inside a document.
        for w in rows[1..].windows(2) {
            if w[0][0] == w[1][0] {
                let n = |r: &Vec<String>| r[1].parse::<usize>().unwrap();
                assert!(n(&w[0]) <= n(&w[1]), "case {case}: {w:?}");
            }
        }
        assert!(rows.len() > 5, "case {case}: the fixture tags something");
    }
}

/// The record schema after the `kb_id` rename: every key present, `null` when unknown.
fn to_kb_id_schema(pred: &Path, dest: &Path) {
    let mut out = String::new();
    for mut rec in records(pred) {
        for e in rec["entities"].as_array_mut().unwrap() {
            // Records written before the rename carry `id`; current ones already `kb_id`.
            if let Some(id) = e.as_object_mut().unwrap().remove("id") {
                e["kb_id"] = id;
            }
        }
        let meta = rec["meta"].as_object_mut().unwrap();
        for key in ["title", "byline", "author", "published", "dateline", "site"] {
            meta.entry(key).or_insert(Value::Null);
        }
        rec.as_object_mut()
            .unwrap()
            .entry("warnings")
            .or_insert(Value::Array(vec![]));
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    std::fs::write(dest, out).unwrap();
}

#[test]
fn exports_read_kb_id_records_and_old_id_records_alike() {
    let (dir, pred) = synthetic();
    let renamed = dir.path().join("renamed/annotations.jsonl");
    std::fs::create_dir_all(renamed.parent().unwrap()).unwrap();
    to_kb_id_schema(&pred, &renamed);
    assert!(std::fs::read_to_string(&renamed)
        .unwrap()
        .contains("\"kb_id\""));
    for format in ["spacy", "conll", "mentions", "entities", "cooccurrence"] {
        let a = std::fs::read(export(&pred, format, &[])).unwrap();
        let b = std::fs::read(export(&renamed, format, &[])).unwrap();
        assert_eq!(a, b, "format {format}: same export from both schemas");
    }
    let report = |p: &Path| {
        let out = p.with_file_name("report.html");
        ok(
            &newstag(&[
                "report",
                "--pred",
                p.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ]),
            "report",
        );
        std::fs::read_to_string(out)
            .unwrap()
            .replace(p.to_str().unwrap(), "PRED")
    };
    assert_eq!(report(&pred), report(&renamed), "report from both schemas");
}

/// Files saved by a Windows tool: a UTF-8 BOM before the first line and blank lines (CRLF ends)
/// change nothing, in the annotations an export reads and in the gold and predictions `eval`
/// reads.
#[test]
fn a_bom_and_blank_lines_change_no_export_and_no_score() {
    let (dir, pred) = seed();
    let windows = |from: &Path, to: &Path| {
        let text = std::fs::read_to_string(from).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let body = format!("\u{FEFF}{}\r\n\r\n", lines.join("\r\n\r\n"));
        std::fs::write(to, body).unwrap();
    };
    let saved = dir.path().join("saved").join("annotations.jsonl");
    std::fs::create_dir(saved.parent().unwrap()).unwrap();
    windows(&pred, &saved);
    for format in ["spacy", "mentions"] {
        let a = std::fs::read(export(&pred, format, &[])).unwrap();
        let b = std::fs::read(export(&saved, format, &[])).unwrap();
        assert_eq!(a, b, "{format}: the same export");
    }
    let gold = root().join("tests/data/seeds.jsonl");
    let saved_gold = dir.path().join("gold.jsonl");
    windows(&gold, &saved_gold);
    let score = |gold: &Path, pred: &Path| {
        let out = newstag(&[
            "eval",
            "--gold",
            gold.to_str().unwrap(),
            "--pred",
            pred.to_str().unwrap(),
            "--json",
        ]);
        ok(&out, "eval");
        out.stdout
    };
    assert_eq!(score(&gold, &pred), score(&saved_gold, &saved));
}
