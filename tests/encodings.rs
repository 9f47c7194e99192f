//! Black-box tests of decoding and normalization through the real binary: one fixture per
//! encoding and per kind of damage, written at runtime into a temp dir, each with its expected
//! record; and the Python offsets check (`tests/offsets.py`) run on the output.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A Russian paragraph, hard-wrapped, with a word hyphenated across a line break.
const RUSSIAN: &str = "Отношения между Россией и Азербайджаном резко ухудшились после гибели\n\
двух братьев в Екатеринбурге. Официальный Баку потребовал от Москвы между-\n\
народного расследования и извинений.\n";

/// What [`RUSSIAN`] normalizes to.
const RUSSIAN_TEXT: &str = "Отношения между Россией и Азербайджаном резко ухудшились после гибели \
двух братьев в Екатеринбурге. Официальный Баку потребовал от Москвы международного \
расследования и извинений.";

const LEXICON: &str = "loc:moscow\tМосква\tМосквы\tLOC\n\
loc:baku\tБаку\tBaku\tLOC\n\
loc:azerbaijan\tАзербайджан\tАзербайджаном|Azerbaijan\tLOC\n\
loc:yekaterinburg\tЕкатеринбург\tЕкатеринбурге\tLOC\n\
org:pgo\tProsecutor General's Office\t\tORG\n";

/// A hard-wrapped paragraph with an ad label between two lines of a name: the label is removed and
/// the reflow joins the lines around it, so the text reads the name whole, but no raw span holds
/// it.
const SEAM: &str = "Officials in Baku said on Monday that talks with the delegation from\n\
Azerbaijan would resume next week, after a pause of several months that\n\
had strained relations between the two capitals. A statement from the\n\
ministry said that the case had now been handed over to the Prosecutor\n\
Advertisement\n\
General's Office at the end of the month, and that both sides agreed on\n\
the agenda in advance. Analysts said the decision reflected pressure from\n\
partners in the region to settle the dispute quickly and without fuss.\n";

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    let mut raw = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in s.encode_utf16() {
        raw.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    raw
}

/// UTF-32 of `s`, with the BOM or without.
fn utf32(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut raw = Vec::new();
    let chars = bom.then_some('\u{FEFF}').into_iter().chain(s.chars());
    for c in chars {
        raw.extend_from_slice(&if big_endian {
            (c as u32).to_be_bytes()
        } else {
            (c as u32).to_le_bytes()
        });
    }
    raw
}

/// Every fixture: file name and bytes.
fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let enc = |e: &'static encoding_rs::Encoding, s: &str| e.encode(s).0.into_owned();
    let mut invalid = "Президент Ильхам Алиев прибыл в Баку.".as_bytes().to_vec();
    invalid.insert(10, 0xFF);
    vec![
        ("ru-utf8.txt", RUSSIAN.as_bytes().to_vec()),
        (
            "ru-utf8-bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), RUSSIAN.as_bytes()].concat(),
        ),
        (
            "ru-windows-1251.txt",
            enc(encoding_rs::WINDOWS_1251, RUSSIAN),
        ),
        ("ru-koi8-r.txt", enc(encoding_rs::KOI8_R, RUSSIAN)),
        ("ru-utf16le.txt", utf16(RUSSIAN, false)),
        ("ru-utf16be.txt", utf16(RUSSIAN, true)),
        ("ru-utf32le.txt", utf32(RUSSIAN, false, true)),
        ("ru-utf32be-no-bom.txt", utf32(RUSSIAN, true, false)),
        ("ru-crlf.txt", RUSSIAN.replace('\n', "\r\n").into_bytes()),
        ("seam.txt", SEAM.as_bytes().to_vec()),
        (
            "seam-utf16le.txt",
            utf16(&SEAM.replace('\n', "\r\n"), false),
        ),
        (
            "fr-windows-1252.txt",
            enc(
                encoding_rs::WINDOWS_1252,
                "Le président a quitté Bakou, déjà célèbre, à l'aube.\n",
            ),
        ),
        ("invalid-utf8.txt", invalid),
        (
            "entities.txt",
            b"The Prosecutor General&rsquo;s Office in Baku &amp; Azerbaijan said,\n\
              > &ldquo;No.&rdquo;\n"
                .to_vec(),
        ),
        (
            "binary.txt",
            b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec(),
        ),
        ("empty.txt", Vec::new()),
        ("whitespace.txt", b" \r\n\t\n  \n".to_vec()),
        ("too-large.txt", vec![b'a'; 5000]),
    ]
}

struct Run {
    corpus: PathBuf,
    out: PathBuf,
    status: i32,
    _dir: tempfile::TempDir,
}

fn run_fixtures(extra: &[(&str, Vec<u8>)]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for (name, bytes) in fixtures().iter().chain(extra) {
        std::fs::write(corpus.join(name), bytes).unwrap();
    }
    let config = dir.path().join("newstag.toml");
    // The same paragraph stands in every fixture: cross-document boilerplate removal would
    // (rightly) take it for a repeated footer, so it is off for this encoding test.
    std::fs::write(
        &config,
        "[input]\nmax_doc_bytes = 4096\n[boilerplate.crossdoc]\nenabled = false\n",
    )
    .unwrap();
    let lexicon = dir.path().join("places.tsv");
    std::fs::write(&lexicon, LEXICON).unwrap();
    let out = dir.path().join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_newstag"))
        .arg("run")
        .arg(&corpus)
        .arg("--config")
        .arg(&config)
        .arg("--lexicon")
        .arg(&lexicon)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .status()
        .unwrap();
    Run {
        corpus,
        out,
        status: status.code().unwrap_or(-1),
        _dir: dir,
    }
}

fn records(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn by_id<'a>(recs: &'a [Value], id: &str) -> &'a Value {
    recs.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no record {id}"))
}

#[test]
fn every_encoding_gives_its_expected_record() {
    let run = run_fixtures(&[]);
    assert_eq!(run.status, 1, "some documents fail, so exit 1");
    let ann = records(&run.out.join("annotations.jsonl"));
    let cases = [
        ("ru-utf8.txt", "UTF-8"),
        ("ru-utf8-bom.txt", "UTF-8"),
        ("ru-windows-1251.txt", "windows-1251"),
        ("ru-koi8-r.txt", "KOI8-R"),
        ("ru-utf16le.txt", "UTF-16LE"),
        ("ru-utf16be.txt", "UTF-16BE"),
        ("ru-utf32le.txt", "UTF-32LE"),
        ("ru-utf32be-no-bom.txt", "UTF-32BE"),
        ("ru-crlf.txt", "UTF-8"),
    ];
    for (id, encoding) in cases {
        let rec = by_id(&ann, id);
        assert_eq!(rec["encoding"], encoding, "case {id}");
        assert_eq!(
            rec["text"], RUSSIAN_TEXT,
            "case {id}: same text in every encoding"
        );
        let raw = std::fs::read(run.corpus.join(id)).unwrap();
        let enc = newstag::decode::Codec::for_label(encoding).unwrap();
        let entities = rec["entities"].as_array().unwrap();
        assert_eq!(entities.len(), 4, "case {id}: {entities:?}");
        for e in entities {
            let (s, t) = (
                e["raw_start"].as_u64().unwrap() as usize,
                e["raw_end"].as_u64().unwrap() as usize,
            );
            let piece = enc.decode_str(&raw[s..t]);
            assert_eq!(
                piece,
                e["text"].as_str().unwrap(),
                "case {id}: raw bytes of {e}"
            );
        }
    }
    for id in ["ru-windows-1251.txt", "ru-utf32be-no-bom.txt"] {
        let guessed = by_id(&ann, id)["warnings"].to_string();
        assert!(
            guessed.contains("guessed"),
            "case {id}: a detected encoding is reported: {guessed}"
        );
    }

    for id in ["seam.txt", "seam-utf16le.txt"] {
        let seam = by_id(&ann, id);
        assert!(
            seam["text"]
                .as_str()
                .unwrap()
                .contains("the Prosecutor General's Office at the end"),
            "case {id}: the lines around the ad label are joined: {}",
            seam["text"]
        );
        assert_eq!(
            seam["removed"][0]["text"].as_str().unwrap().trim(),
            "Advertisement"
        );
        let names: Vec<&str> = seam["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["text"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["Baku", "Azerbaijan"],
            "case {id}: the name read across the cut has no raw span: dropped"
        );
        assert!(
            seam["warnings"].to_string().contains("1 entity dropped"),
            "case {id}: {}",
            seam["warnings"]
        );
    }

    let fr = by_id(&ann, "fr-windows-1252.txt");
    assert_eq!(fr["encoding"], "windows-1252");
    assert_eq!(
        fr["text"],
        "Le président a quitté Bakou, déjà célèbre, à l'aube."
    );

    let bad = by_id(&ann, "invalid-utf8.txt");
    assert_eq!(bad["encoding"], "UTF-8");
    assert!(bad["text"].as_str().unwrap().contains('\u{FFFD}'));
    assert!(
        bad["warnings"].to_string().contains("replaced 1 invalid"),
        "{}",
        bad["warnings"]
    );

    let ent = by_id(&ann, "entities.txt");
    assert_eq!(
        ent["text"],
        "The Prosecutor General\u{2019}s Office in Baku & Azerbaijan said, \u{201C}No.\u{201D}"
    );
    let org = &ent["entities"][0];
    assert_eq!(
        org["text"], "Prosecutor General\u{2019}s Office",
        "typographic match fold"
    );
    let raw = std::fs::read(run.corpus.join("entities.txt")).unwrap();
    let (s, t) = (
        org["raw_start"].as_u64().unwrap() as usize,
        org["raw_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &raw[s..t],
        b"Prosecutor General&rsquo;s Office",
        "the entity maps to the raw reference"
    );

    let errors = records(&run.out.join("errors.jsonl"));
    for (id, kind) in [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("whitespace.txt", "empty"),
        ("too-large.txt", "too_large"),
    ] {
        assert_eq!(by_id(&errors, id)["error"]["kind"], kind, "case {id}");
    }
    assert_eq!(ann.len() + errors.len(), fixtures().len());
}

#[test]
fn forced_encoding_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ru.txt");
    std::fs::write(&file, encoding_rs::KOI8_R.encode(RUSSIAN).0).unwrap();
    let out = dir.path().join("out");
    let config = dir.path().join("newstag.toml");
    std::fs::write(&config, "").unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_newstag"))
        .args(["run", "--encoding", "koi8-r", "--quiet", "--config"])
        .arg(&config)
        .arg("--out")
        .arg(&out)
        .arg(&file)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let ann = records(&out.join("annotations.jsonl"));
    assert_eq!(ann[0]["encoding"], "KOI8-R");
    assert_eq!(ann[0]["text"], RUSSIAN_TEXT);
    assert!(!ann[0]["warnings"].to_string().contains("guessed"));
}

#[test]
fn python_offsets_check_on_fixtures_and_seed_corpus() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 is not installed");
        return;
    }
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut extra = Vec::new();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        let name: &'static str = Box::leak(
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
                .into_boxed_str(),
        );
        extra.push((name, std::fs::read(&path).unwrap()));
    }
    // The seed articles' places, so the check has entities across wrapped lines to look at.
    let run = run_fixtures(&extra);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/offsets.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(&run.out)
        .arg(&run.corpus)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "offsets.py failed:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("offsets ok"), "{stdout}");
}
