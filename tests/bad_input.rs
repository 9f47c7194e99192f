//! Black-box tests of the real binary on bad input: every case of the robustness table in
//! the README ("Robustness") has a test here with its expected outcome (an annotation record, an
//! error record of a named kind, or exit status 2 with a message naming the file and line).

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_newstag");

const LEXICON: &str = "per:ilham-aliyev\tIlham Aliyev\tAliyev\tPER\n\
                       geo:baku\tBaku\tБаку|Bakı\tLOC\n";

/// A temp folder with a config, a lexicon and a `corpus/` input folder.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env::with_config("")
    }

    /// `extra` is appended to the `[input]` section.
    fn with_config(extra: &str) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let env = Env { dir };
        env.write("lex.tsv", LEXICON.as_bytes());
        let config = format!(
            "[input]\npaths = [\"corpus\"]\n{extra}\n\n[[lexicons]]\nname = \"test\"\npath = \"lex.tsv\"\n"
        );
        env.write("newstag.toml", config.as_bytes());
        std::fs::create_dir_all(env.path("corpus")).unwrap();
        env
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// `newstag run --quiet --out out` with `args` in the temp folder.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .current_dir(self.dir.path())
            .args(["run", "--quiet", "--out", "out"])
            .args(args)
            .output()
            .unwrap()
    }

    fn records(&self, file: &str) -> Vec<Value> {
        let text = std::fs::read_to_string(self.path("out").join(file)).unwrap_or_default();
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// Runs on the corpus and returns the annotation record of `id`.
    fn annotated(&self, id: &str) -> Value {
        let out = self.run(&[]);
        let records = self.records("annotations.jsonl");
        records
            .into_iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} not annotated: {}", stderr(&out)))
    }

    /// Runs on the corpus and returns the error kind of `id` (exit status 1 expected).
    fn error_kind(&self, id: &str) -> String {
        let out = self.run(&[]);
        assert_eq!(out.status.code(), Some(1), "{id}: {}", stderr(&out));
        let rec = self
            .records("errors.jsonl")
            .into_iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id}: no error record"));
        let msg = rec["error"]["message"].as_str().unwrap();
        assert!(
            msg.contains(id.rsplit('/').next().unwrap()),
            "{id}: message {msg:?} names no file"
        );
        rec["error"]["kind"].as_str().unwrap().to_string()
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The raw bytes of `source` at each entity's raw range decode to something containing its text.
fn entity_texts(rec: &Value) -> Vec<String> {
    rec["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_string())
        .collect()
}

fn check_raw(rec: &Value, raw: &[u8], decode: impl Fn(&[u8]) -> String) {
    let text: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
    for e in rec["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text[s..t].iter().collect();
        assert_eq!(slice, e["text"].as_str().unwrap());
        let (rs, re) = (
            e["raw_start"].as_u64().unwrap() as usize,
            e["raw_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(decode(&raw[rs..re]), slice, "raw range of {slice:?}");
    }
}

#[test]
fn invalid_utf8_bytes_are_replaced_or_decoded_as_a_legacy_encoding() {
    // A UTF-8 article with a damaged sequence: repaired, each bad sequence one U+FFFD.
    let env = Env::new();
    let text = "Президент прибыл в Баку в понедельник. Ilham Aliyev met him in Baku.\n";
    let mut raw = text.as_bytes().to_vec();
    raw.remove(1); // the second byte of "П"
    env.write("corpus/bad.txt", &raw);
    let rec = env.annotated("bad.txt");
    assert_eq!(rec["encoding"], "UTF-8");
    assert!(
        rec["text"]
            .as_str()
            .unwrap()
            .starts_with("\u{FFFD}резидент"),
        "{rec}"
    );
    assert!(
        rec["warnings"][0]
            .as_str()
            .unwrap()
            .contains("replaced 1 invalid"),
        "{rec}"
    );
    assert_eq!(entity_texts(&rec), vec!["Баку", "Ilham Aliyev", "Baku"]);
    check_raw(&rec, &raw, |b| String::from_utf8_lossy(b).into_owned());

    // ASCII with one stray high byte: no UTF-8 evidence, so a guessed single-byte encoding.
    let env = Env::new();
    let raw = b"Ilham Aliyev arrived in Baku \xB7 Monday.\n";
    env.write("corpus/stray.txt", raw);
    let rec = env.annotated("stray.txt");
    assert_eq!(rec["encoding"], "windows-1252");
    assert_eq!(rec["text"], "Ilham Aliyev arrived in Baku \u{b7} Monday.");
    assert!(
        rec["warnings"][0].as_str().unwrap().contains("guessed"),
        "{rec}"
    );
}

/// UTF-8 with windows-1252 bytes pasted in (smart quotes, a dash, a letter): each stray byte is
/// read in windows-1252 and the UTF-8 characters as UTF-8, not the whole file as windows-1252
/// ("CafÃ©"); `encoding` stays UTF-8, a warning counts the bytes, raw offsets stay exact.
#[test]
fn utf8_with_stray_cp1252_bytes_keeps_both() {
    let env = Env::new();
    let raw: &[u8] = b"Caf\xc3\xa9 owners in Baku said \x93no\x94 to Ilham Aliyev \x96 the r\xc3\xa9sum\xc3\xa9 of the na\xefve plan.\n";
    env.write("corpus/mixed.txt", raw);
    let rec = env.annotated("mixed.txt");
    assert_eq!(rec["encoding"], "UTF-8");
    assert_eq!(
        rec["text"],
        "Café owners in Baku said “no” to Ilham Aliyev – the résumé of the naïve plan."
    );
    assert_eq!(
        rec["warnings"],
        serde_json::json!(["read 4 invalid UTF-8 byte(s) as windows-1252"])
    );
    assert_eq!(entity_texts(&rec), vec!["Baku", "Ilham Aliyev"]);
    let strays = newstag::decode::Decoder::new("auto")
        .unwrap()
        .decode(raw)
        .unwrap()
        .codec;
    check_raw(&rec, raw, |b| strays.decode_str(b));
}

#[test]
fn legacy_encodings_are_detected_and_offsets_point_at_the_bytes() {
    let cases = [
        ("windows-1251", encoding_rs::WINDOWS_1251, "Президент прибыл в Баку в понедельник, сообщает агентство. В Баку прошли переговоры."),
        // KOI8-R and KOI8-U agree on every Russian letter: either name is right.
        ("KOI8", encoding_rs::KOI8_R, "Президент прибыл в Баку в понедельник, сообщает агентство. В Баку прошли переговоры о мире и торговле между странами региона."),
        ("windows-1252", encoding_rs::WINDOWS_1252, "Ilham Aliyev said the café in Baku is à la mode; the naïve façade déjà vu."),
    ];
    for (name, enc, text) in cases {
        let env = Env::new();
        let (raw, _, _) = enc.encode(text);
        env.write("corpus/legacy.txt", &raw);
        let rec = env.annotated("legacy.txt");
        let got = rec["encoding"].as_str().unwrap();
        assert!(got.starts_with(name), "case {name}: {got}");
        assert_eq!(rec["text"], text, "case {name}");
        assert!(
            rec["warnings"][0].as_str().unwrap().contains("guessed"),
            "case {name}: {rec}"
        );
        assert!(
            !rec["entities"].as_array().unwrap().is_empty(),
            "case {name}"
        );
        check_raw(&rec, &raw, |b| {
            enc.decode_without_bom_handling(b).0.into_owned()
        });
    }
}

fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let mut raw = Vec::new();
    if bom {
        raw.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for u in text.encode_utf16() {
        raw.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    raw
}

fn utf32(text: &str, le: bool, bom: bool) -> Vec<u8> {
    let chars = bom.then_some('\u{FEFF}').into_iter().chain(text.chars());
    chars
        .flat_map(|c| {
            if le {
                (c as u32).to_le_bytes()
            } else {
                (c as u32).to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn utf16_with_and_without_bom_is_decoded() {
    let text = "Ilham Aliyev met reporters in Baku. Встреча прошла в Баку.\n";
    for (name, le, bom, want) in [
        ("LE with BOM", true, true, "UTF-16LE"),
        ("BE with BOM", false, true, "UTF-16BE"),
        ("LE without BOM", true, false, "UTF-16LE"),
        ("BE without BOM", false, false, "UTF-16BE"),
    ] {
        let env = Env::new();
        let raw = utf16(text, le, bom);
        env.write("corpus/u16.txt", &raw);
        let rec = env.annotated("u16.txt");
        assert_eq!(rec["encoding"], want, "case {name}");
        assert_eq!(rec["text"], text.trim_end(), "case {name}");
        assert_eq!(
            entity_texts(&rec),
            vec!["Ilham Aliyev", "Baku", "Баку"],
            "case {name}"
        );
        let enc = if le {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        check_raw(&rec, &raw, |b| {
            enc.decode_without_bom_handling(b).0.into_owned()
        });
    }
}

#[test]
fn utf32_with_and_without_bom_is_decoded() {
    let text = "Ilham Aliyev met reporters in Baku. Встреча прошла в Баку.\n";
    for (name, le, bom, want) in [
        ("LE with BOM", true, true, "UTF-32LE"),
        ("BE with BOM", false, true, "UTF-32BE"),
        ("LE without BOM", true, false, "UTF-32LE"),
        ("BE without BOM", false, false, "UTF-32BE"),
    ] {
        let env = Env::new();
        let raw = utf32(text, le, bom);
        env.write("corpus/u32.txt", &raw);
        let rec = env.annotated("u32.txt");
        assert_eq!(rec["encoding"], want, "case {name}");
        assert_eq!(rec["text"], text.trim_end(), "case {name}");
        assert_eq!(
            rec["warnings"].to_string().contains("guessed"),
            !bom,
            "case {name}: {}",
            rec["warnings"]
        );
        assert_eq!(
            entity_texts(&rec),
            vec!["Ilham Aliyev", "Baku", "Баку"],
            "case {name}"
        );
        let codec = newstag::decode::Codec::for_label(want).unwrap();
        check_raw(&rec, &raw, |b| codec.decode_str(b));
    }
}

#[test]
fn utf8_bom_is_not_part_of_the_text() {
    let env = Env::new();
    let raw = b"\xEF\xBB\xBFBaku is the capital.\n";
    env.write("corpus/bom.txt", raw);
    let rec = env.annotated("bom.txt");
    assert_eq!(rec["text"], "Baku is the capital.");
    assert_eq!(rec["entities"][0]["start"], 0);
    assert_eq!(rec["entities"][0]["raw_start"], 3);
    assert_eq!(rec["entities"][0]["raw_end"], 7);
}

#[test]
fn crlf_and_lone_cr_become_newlines_with_raw_offsets_kept() {
    for (name, sep) in [("CRLF", "\r\n"), ("lone CR", "\r")] {
        let env = Env::new();
        let text = format!("Headline about Baku{sep}{sep}Ilham Aliyev spoke in Baku today.{sep}");
        env.write("corpus/eol.txt", text.as_bytes());
        let rec = env.annotated("eol.txt");
        let out = rec["text"].as_str().unwrap();
        assert!(!out.contains('\r'), "case {name}: {out:?}");
        assert!(
            out.contains("Ilham Aliyev spoke in Baku today."),
            "case {name}: {out:?}"
        );
        check_raw(&rec, text.as_bytes(), |b| {
            String::from_utf8_lossy(b).into_owned()
        });
    }
}

#[test]
fn nul_bytes_and_binary_files_are_binary_errors() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    for (name, raw) in [
        ("NUL in text", &b"Baku\0is a city\n"[..]),
        ("PNG header", &png[..]),
        (
            "control chars",
            &[1u8, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, b'a', b'b'][..],
        ),
    ] {
        let env = Env::new();
        env.write("corpus/bin.txt", raw);
        assert_eq!(env.error_kind("bin.txt"), "binary", "case {name}");
    }
}

#[test]
fn empty_and_whitespace_only_files_are_empty_errors() {
    for (name, raw) in [
        ("empty", &b""[..]),
        ("whitespace", &b"  \n\t\r\n \x0c\n"[..]),
        ("BOM only", &b"\xEF\xBB\xBF"[..]),
        ("NBSP only", "\u{a0}\u{3000}\n".as_bytes()),
    ] {
        let env = Env::new();
        env.write("corpus/e.txt", raw);
        assert_eq!(env.error_kind("e.txt"), "empty", "case {name}");
    }
}

#[test]
fn a_100_mb_file_of_one_line_is_annotated() {
    let env = Env::with_config("max_doc_bytes = 134217728");
    let sentence =
        b"The delegation travelled on from the old harbour district to the new town hall, ";
    let target = 100 * 1024 * 1024;
    let mut raw = Vec::with_capacity(target + 64);
    raw.extend_from_slice(b"Ilham Aliyev spoke in Baku. ");
    while raw.len() < target {
        raw.extend_from_slice(sentence);
    }
    raw.extend_from_slice(b"and returned to Baku.");
    env.write("corpus/huge.txt", &raw);
    drop(raw);
    let out = env.run(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Read only the head of the (100 MB) record line.
    let line = std::fs::read(env.path("out/annotations.jsonl")).unwrap();
    let rec: Value = serde_json::from_slice(&line).unwrap();
    assert_eq!(rec["id"], "huge.txt");
    assert!(rec["text"].as_str().unwrap().len() > 100_000_000);
    assert_eq!(entity_texts(&rec), vec!["Ilham Aliyev", "Baku", "Baku"]);
}

#[test]
fn a_file_above_max_doc_bytes_is_too_large_without_being_read() {
    let env = Env::with_config("max_doc_bytes = 1000");
    env.write("corpus/big.txt", &[b'a'; 1001]);
    env.write("corpus/ok.txt", "Baku.".as_bytes());
    // A sparse 64 GiB file: reading it whole would exhaust memory.
    let sparse = std::fs::File::create(env.path("corpus/sparse.txt")).unwrap();
    sparse.set_len(64 << 30).unwrap();
    drop(sparse);
    let out = env.run(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = env.records("errors.jsonl");
    let kinds: Vec<(&str, &str)> = errors
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["error"]["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![("big.txt", "too_large"), ("sparse.txt", "too_large")]
    );
    assert_eq!(env.records("annotations.jsonl").len(), 1);
}

#[test]
fn a_file_that_vanishes_or_turns_into_a_folder_after_listing_is_an_io_error() {
    use newstag::document::{ErrorKind, Input};
    use newstag::pipeline::{Outcome, Pipeline};
    let env = Env::new();
    let config = newstag::config::Config::load(&env.path("newstag.toml")).unwrap();
    let pipeline =
        Pipeline::new(&newstag::settings::RunSettings::from_config(config.clone())).unwrap();
    let gone = env.write("corpus/gone.txt", b"Baku");
    let dir = env.write("corpus/dir.txt", b"Baku");
    let link = env.write("corpus/link.txt", b"Baku");
    // Listed, then changed under our feet.
    std::fs::remove_file(&gone).unwrap();
    std::fs::remove_file(&dir).unwrap();
    std::fs::create_dir(&dir).unwrap();
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(env.path("nowhere"), &link).unwrap();
    for (name, path) in [
        ("deleted", gone),
        ("now a folder", dir),
        ("now a dangling link", link),
    ] {
        let input = Input::file(
            path.file_name().unwrap().to_string_lossy().into_owned(),
            path,
        );
        match pipeline.process_file(&input) {
            Outcome::Failed(e) => {
                assert_eq!(e.error.kind, ErrorKind::Io, "case {name}");
                assert!(
                    e.error.message.contains(&input.source),
                    "case {name}: {}",
                    e.error.message
                );
            }
            other => panic!("case {name}: not an io error: {other:?}"),
        }
    }
}

#[test]
fn symlink_loop_and_dangling_symlink_lose_nothing() {
    let env = Env::new();
    env.write("corpus/a.txt", b"Baku.");
    std::os::unix::fs::symlink(env.path("corpus"), env.path("corpus/loop")).unwrap();
    std::os::unix::fs::symlink(env.path("missing.txt"), env.path("corpus/dangling.txt")).unwrap();
    let out = env.run(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("loop") && err.contains("symlink loop"),
        "{err}"
    );
    let ann: Vec<Value> = env.records("annotations.jsonl");
    assert_eq!(ann.len(), 1);
    assert_eq!(ann[0]["id"], "a.txt");
    let errors = env.records("errors.jsonl");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["id"], "dangling.txt");
    assert_eq!(errors[0]["error"]["kind"], "io");
}

#[test]
fn a_folder_named_txt_is_walked_not_read() {
    let env = Env::new();
    env.write("corpus/folder.txt/inner.txt", b"Baku.");
    let out = env.run(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<Value> = env
        .records("annotations.jsonl")
        .into_iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, vec!["folder.txt/inner.txt"]);
    assert!(env.records("errors.jsonl").is_empty());
}

#[test]
fn duplicate_ids_from_two_input_folders_are_duplicate_id_errors() {
    let env = Env::new();
    env.write("one/data/a.txt", b"Baku one.");
    env.write("two/data/a.txt", b"Baku two.");
    env.write("two/data/b.txt", b"Baku b.");
    let out = env.run(&["one/data", "two/data"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let ann = env.records("annotations.jsonl");
    let ids: Vec<&str> = ann.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["data/a.txt", "data/b.txt"]);
    assert_eq!(ann[0]["text"], "Baku one.");
    let errors = env.records("errors.jsonl");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["id"], "data/a.txt");
    assert_eq!(errors[0]["error"]["kind"], "duplicate_id");
    assert!(errors[0]["source"].as_str().unwrap().contains("two"));
}

/// One file is one document, whatever paths reach it: nested input folders, the same folder
/// twice, a symlink or a hard link to a file already found. It is annotated once, under its
/// first path that is no symlink; every other path is a `duplicate_file` error record naming the
/// path kept, and the run exits 1.
#[test]
fn a_file_reached_by_two_paths_is_annotated_once() {
    let env = Env::new();
    env.write("news/a.txt", b"Ilham Aliyev arrived in Baku.");
    env.write("news/2025/b.txt", b"Vladimir Putin spoke in Moscow.");
    env.write("news/c.txt", b"Fuad Shahbazov wrote from Tbilisi.");
    let news = env.path("news");
    // A link named before its target in the walk's order: the target keeps the document.
    std::os::unix::fs::symlink(news.join("c.txt"), news.join("0-latest.txt")).unwrap();
    std::fs::hard_link(news.join("a.txt"), news.join("copy.txt")).unwrap();
    let kinds = |env: &Env| -> Vec<(String, String, String)> {
        env.records("errors.jsonl")
            .iter()
            .map(|r| {
                let s = |v: &serde_json::Value| v.as_str().unwrap().to_string();
                (
                    s(&r["id"]),
                    s(&r["error"]["kind"]),
                    s(&r["error"]["message"]),
                )
            })
            .collect()
    };
    let ids = |env: &Env| -> Vec<String> {
        env.records("annotations.jsonl")
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    let out = env.run(&["news", "news/2025"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(ids(&env), ["news/2025/b.txt", "news/a.txt", "news/c.txt"]);
    let errors = kinds(&env);
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|(i, k, _)| (i.as_str(), k.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("2025/b.txt", "duplicate_file"),
            ("news/0-latest.txt", "duplicate_file"),
            ("news/copy.txt", "duplicate_file"),
        ]
    );
    assert!(
        errors[0].2.contains("overlap") && errors[0].2.contains("\"news/2025/b.txt\""),
        "{errors:?}"
    );
    assert!(
        errors[1].2.contains("c.txt, annotated as \"news/c.txt\""),
        "{errors:?}"
    );
    assert!(
        errors[2].2.contains("a.txt, annotated as \"news/a.txt\""),
        "{errors:?}"
    );
    // The same folder twice: each file once, as given first.
    let out = env.run(&["news/2025", "news/2025"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(ids(&env), ["2025/b.txt"]);
    assert_eq!(kinds(&env).len(), 1);
}

#[test]
fn non_utf8_file_names_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt");
    std::fs::write(env.path("corpus").join(name), b"Ilham Aliyev in Baku.").unwrap();
    let out = env.run(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ann = env.records("annotations.jsonl");
    assert_eq!(ann.len(), 1);
    // Lossless: the byte is escaped (`unquote_to_bytes` gives it back), never replaced.
    assert_eq!(ann[0]["id"], "caf%E9.txt");
    assert_eq!(entity_texts(&ann[0]), vec!["Ilham Aliyev", "Baku"]);
    // The manifest counts its bytes too (measured through the real path, not the display name).
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(env.path("out/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["bytes"], 21);
}

/// Runs with `config` (and `files`) and expects exit 2 and a message starting `want`.
fn setup_error(name: &str, config: &str, files: &[(&str, &str)], want: &str) {
    let env = Env::new();
    env.write("corpus/a.txt", b"Baku.");
    env.write("c.toml", config.as_bytes());
    for (f, text) in files {
        env.write(f, text.as_bytes());
    }
    let out = env.run(&["--config", "c.toml"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "case {name}: {err}");
    let want = format!("newstag: {want}");
    let got = err.replace("newstag: ./", "newstag: ");
    assert!(got.starts_with(&want), "case {name}: {err}");
    assert!(!env.path("out/annotations.jsonl").exists(), "case {name}");
}

const LEX: &str = "\n[[lexicons]]\nname = \"l\"\npath = \"l.tsv\"\nlabel = \"LOC\"\n";

#[test]
fn setup_errors_exit_2_naming_file_and_line() {
    setup_error(
        "unknown key",
        "[input]\npaths = [\"corpus\"]\nmax_doc_byte = 5\n",
        &[],
        "c.toml:3:",
    );
    setup_error(
        "missing lexicon file",
        "[input]\npaths = [\"corpus\"]\n\n[[lexicons]]\nname = \"l\"\npath = \"nope.tsv\"\n",
        &[],
        "c.toml:6: lexicon \"l\": ",
    );
    setup_error(
        "bad regex",
        "[input]\npaths = [\"corpus\"]\n\n[[boilerplate.rules]]\nname = \"r\"\nkind = \"drop-line\"\npattern = '^(unclosed'\n",
        &[],
        "c.toml:7: boilerplate rule \"r\": bad pattern",
    );
    let cfg = format!("[input]\npaths = [\"corpus\"]\n{LEX}");
    setup_error(
        "lexicon line with a missing field",
        &cfg,
        &[("l.tsv", "geo:baku\tBaku\nbroken-line\n")],
        "l.tsv:2: expected",
    );
    setup_error(
        "empty alias",
        &cfg,
        &[("l.tsv", "geo:baku\tBaku\tBakı||Baki\n")],
        "l.tsv:1: empty alias",
    );
    let cfg = "[input]\npaths = [\"corpus\"]\n\n[[lexicons]]\nname = \"s\"\npath = \"s.jsonl\"\n";
    setup_error(
        "spaCy line not JSON",
        cfg,
        &[(
            "s.jsonl",
            "{\"label\": \"GPE\", \"pattern\": \"Baku\"}\n{label: GPE}\n",
        )],
        "s.jsonl:2: not a spaCy pattern",
    );
}

#[test]
fn stream_bad_lines_give_error_records_in_place() {
    let env = Env::with_config("max_doc_bytes = 1000");
    let huge = format!(
        "{{\"id\": \"huge\", \"text\": \"{}\"}}",
        "Baku ".repeat(1000)
    );
    let input = format!(
        "{{\"id\": \"a\", \"text\": \"Ilham Aliyev in Baku.\"}}\nnot json at all\n{{\"id\": \"notext\", \"body\": \"x\"}}\n{huge}\n{{\"id\": 7, \"text\": \"Baku again.\"}}\nINVALID\n{{\"id\": \"last\", \"text\": \"Baku\"}}\n"
    );
    let mut child = Command::new(BIN)
        .current_dir(env.dir.path())
        .args(["stream"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut bytes = input.into_bytes();
    // An invalid UTF-8 line in place of the INVALID marker.
    let at = bytes.windows(7).position(|w| w == b"INVALID").unwrap();
    bytes.splice(at..at + 7, [0xFF, b'x']);
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(String, String)> = lines
        .iter()
        .map(|r| {
            let kind = r["error"]["kind"]
                .as_str()
                .unwrap_or("annotated")
                .to_string();
            (r["id"].as_str().unwrap().to_string(), kind)
        })
        .collect();
    let want = [
        ("a", "annotated"),
        ("2", "bad_input"),
        ("notext", "bad_input"),
        ("4", "too_large"),
        ("7", "annotated"),
        ("6", "bad_input"),
        ("last", "annotated"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want, "{}", stderr_of(&out.stderr));
    assert_eq!(lines[1]["source"], "<stdin>:2");
    assert!(lines[1]["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("<stdin>:2: "));
}

fn stderr_of(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}
