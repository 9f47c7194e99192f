//! The one support module of the black-box tests: the binary and the repository root, a test
//! config with a small TSV lexicon written into a temp dir, one deterministic generator of
//! article files, readers for JSONL output and pinned Python environments. [`env`] runs the
//! binary inside a prepared temp folder (resume, determinism, kill, faults); [`export`] makes
//! annotations for the export, report and spaCy tests.
//!
//! Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub mod env;
pub mod export;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_newstag");

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(BIN)
}

/// Runs `newstag ARGS` in the repository root and returns its output.
pub fn newstag(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("newstag runs")
}

/// `path` as a `&str` (temp dirs are UTF-8 on the machines we test on).
pub fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The small lexicon of the test config: places, people and organizations, with Cyrillic
/// aliases and one context-only surname.
pub const LEXICON: &str = "\
# id\tname\taliases\tlabel
geo:baku\tBaku\tBaku|Баку\tLOC
geo:azerbaijan\tAzerbaijan\tAzerbaijan|Азербайджан\tLOC
geo:russia\tRussia\tRussia|Россия|Russian Federation\tLOC
geo:georgia\tGeorgia\tGeorgia|Tbilisi\tLOC
per:jane-doe\tJane Doe\tJane Doe|~Doe\tPER
per:ivan-petrov\tIvan Petrov\tIvan Petrov|Иван Петров|~Petrov\tPER
org:un\tUnited Nations\tUnited Nations|UN\tORG
org:socar\tSOCAR\tSOCAR|State Oil Company of Azerbaijan\tORG
";

/// Writes `dir/newstag.toml` and `dir/lexicons/test.tsv`; `input` is extra `[input]` keys
/// (e.g. `max_doc_bytes = 200`). Returns the config path.
pub fn write_config(dir: &Path, input: &str) -> PathBuf {
    std::fs::create_dir_all(dir.join("lexicons")).unwrap();
    std::fs::write(dir.join("lexicons/test.tsv"), LEXICON).unwrap();
    let config = format!(
        r#"[input]
patterns = ["*.txt"]
{input}

[boilerplate]
enabled = true

[[boilerplate.rules]]
name = "photo-credit"
kind = "drop-line"
pattern = '^photo\s*:'

[[boilerplate.rules]]
name = "read-more"
kind = "cut-from"
pattern = '^read more\b'

[[lexicons]]
name = "test"
path = "lexicons/test.tsv"
"#
    );
    let path = dir.join("newstag.toml");
    std::fs::write(&path, config).unwrap();
    path
}

/// A small deterministic generator (xorshift), so generated corpora are the same on every run.
pub struct Rng(pub u64);

impl Rng {
    /// A generator from a seed (scrambled, never zero).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 |= 1;
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// The next number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: [&str; 12] = [
    "Baku",
    "Azerbaijan",
    "Russia",
    "the Russian Federation",
    "Georgia",
    "Jane Doe",
    "Ivan Petrov",
    "the United Nations",
    "SOCAR",
    "the UN",
    "Tbilisi",
    "a regional court",
];
const VERBS: [&str; 6] = [
    "announced new talks with",
    "rejected the claims of",
    "signed an agreement with",
    "met officials from",
    "criticised",
    "praised the response of",
];
const RUSSIAN: [&str; 4] = [
    "Иван Петров прибыл в Баку.",
    "Азербайджан и Россия подписали соглашение.",
    "Переговоры в Баку продолжатся завтра.",
    "Министр заявил, что Россия готова к диалогу.",
];

/// Writes `n` generated articles under `dir` (some in nested folders, some with CRLF line
/// endings, Cyrillic paragraphs, hard-wrapped lines, photo credits and a trailing "Read more"
/// block) plus one empty file (an `empty` error record) and one file that matches no pattern.
/// Returns the number of `.txt` files written.
pub fn generate_corpus(dir: &Path, n: usize, seed: u64) -> usize {
    let mut rng = Rng::new(seed);
    for i in 0..n {
        let folder = match i % 5 {
            0 => "world/europe",
            1 => "world",
            _ => "",
        };
        let mut paras = Vec::new();
        paras.push(format!(
            "{} {} {} on day {}.",
            capitalize(rng.pick(&SUBJECTS)),
            rng.pick(&VERBS),
            rng.pick(&SUBJECTS),
            i
        ));
        for _ in 0..1 + rng.below(4) {
            let mut p = Vec::new();
            for _ in 0..1 + rng.below(4) {
                p.push(format!(
                    "{} {} {}.",
                    capitalize(rng.pick(&SUBJECTS)),
                    rng.pick(&VERBS),
                    rng.pick(&SUBJECTS)
                ));
            }
            // Hard-wrapped paragraphs, as pasted from a fixed-width export.
            paras.push(p.join(if rng.below(3) == 0 { "\n" } else { " " }));
        }
        if i % 4 == 0 {
            paras.push(RUSSIAN[i % RUSSIAN.len()].to_string());
        }
        if i % 3 == 0 {
            paras.push("Photo: Staff photographer".into());
        }
        // A footer shared by many documents (cross-document boilerplate) and one that is rare.
        if i % 2 == 0 {
            paras.push("Subscribe to our newsletter for the day's top stories.".into());
        }
        if i % 7 == 0 {
            paras.push(
                "Read more\nBaku prepares for the summit\nRussia and Georgia talk trade".into(),
            );
        }
        let mut text = paras.join("\n\n") + "\n";
        if i % 6 == 0 {
            text = text.replace('\n', "\r\n");
        }
        let path = dir.join(folder).join(format!("gen-{i:04}.txt"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("notes.md"),
        "Baku is not read: *.md matches no pattern.\n",
    )
    .unwrap();
    n + 1
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Copies the seed corpus (`corpus/*.txt`) into `dir`; returns how many files.
pub fn copy_seed_corpus(dir: &Path) -> usize {
    let mut n = 0;
    std::fs::create_dir_all(dir).unwrap();
    for e in std::fs::read_dir(root().join("corpus")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        n += 1;
    }
    n
}

/// The lines of a JSONL file (empty when the file is missing).
pub fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Parses JSON lines.
pub fn parse(lines: &[String]) -> Vec<Value> {
    lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Records by id; panics on a repeated id.
pub fn by_id(records: Vec<Value>) -> BTreeMap<String, Value> {
    let mut map = BTreeMap::new();
    for r in records {
        let id = r["id"].as_str().expect("string id").to_string();
        assert!(map.insert(id.clone(), r).is_none(), "id {id:?} twice");
    }
    map
}

/// A record without its `source` field (which names where the text came from: a path for
/// `run`, `<stdin>:LINE` for `stream`).
pub fn without_source(mut record: Value) -> Value {
    record
        .as_object_mut()
        .expect("record is an object")
        .remove("source");
    record
}

/// An error record reduced to what does not depend on how the document was read: id and kind.
pub fn error_key(record: &Value) -> (String, String) {
    (
        record["id"].as_str().expect("string id").to_string(),
        record["error"]["kind"]
            .as_str()
            .expect("error kind")
            .to_string(),
    )
}

/// Every `.txt` file under `dir` as (id relative to `dir`, `/`-separated; content), sorted.
pub fn texts(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                let id = p
                    .strip_prefix(dir)
                    .unwrap()
                    .components()
                    .map(|c| c.as_os_str().to_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((id, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Writes a corpus whose records differ in every optional way a schema-inferring reader could
/// trip on: the generated articles of [`generate_corpus`] (entities, boilerplate, an `empty`
/// error) plus a titled article with byline, date and dateline (every `meta` key set), a
/// windows-1251 file and one with stray bytes (a `warnings` entry), a document that is all
/// boilerplate (no entities, a warning) and a binary file (a `binary` error record). The
/// entities come from the built-in lexicons. Returns the number of documents (`.txt` files).
pub fn write_varied_corpus(dir: &Path, generated: usize) -> usize {
    let n = generate_corpus(dir, generated, 11);
    let files: [(&str, &[u8]); 5] = [
        (
            "meta/titled.txt",
            b"Talks resume in Baku\n\nBy Jane Smith, July 2, 2025\n\nBAKU, Azerbaijan (AP) \xe2\x80\x94 \
              Ilham Aliyev met Vladimir Putin in Moscow on Tuesday, the Kremlin said.\n\n\
              The two leaders discussed trade with SOCAR and Gazprom.\n",
        ),
        (
            "warn/stray-bytes.txt",
            b"Azerbaijan and Georgia signed a deal in Tbilisi.\xff\xfe The talks went on in Baku.\n",
        ),
        (
            "warn/cp1251.txt",
            b"\xc8\xeb\xfc\xf5\xe0\xec \xc0\xeb\xe8\xe5\xe2 \xef\xf0\xe8\xe1\xfb\xeb \xe2 \xcc\xee\xf1\xea\xe2\xf3. \
              \xcf\xe5\xf0\xe5\xe3\xee\xe2\xee\xf0\xfb \xe2 \xc1\xe0\xea\xf3 \xef\xf0\xee\xe4\xee\xeb\xe6\xe0\xf2\xf1\xff \xe7\xe0\xe2\xf2\xf0\xe0.\n",
        ),
        (
            "warn/all-boilerplate.txt",
            b"Share this article\nSubscribe to our newsletter\nAll rights reserved.\n",
        ),
        ("err/binary.txt", b"\x00\x01\x02\x03binary\x00\x00"),
    ];
    for (rel, bytes) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    n + files.len()
}

/// `o`, the output of a finished command, when it succeeded; else a panic naming `what` with
/// its stdout and stderr.
pub fn checked(what: &str, o: std::io::Result<Output>) -> Output {
    let o = o.unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    assert!(
        o.status.success(),
        "{what} failed ({}):\n{}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The python of the virtualenv `target/NAME` with the pinned `packages` (`name==version`)
/// installed, (re)creating it from PyPI when one of them is missing or at another version.
pub fn pinned_python(name: &str, packages: &[&str]) -> PathBuf {
    let dir = root().join("target").join(name);
    let python = dir.join("bin/python");
    let pinned = packages
        .iter()
        .map(|p| {
            let (name, v) = p.split_once("==").expect("name==version");
            format!("version({name:?}) == {v:?}")
        })
        .collect::<Vec<_>>()
        .join(" and ");
    let ready = || {
        Command::new(&python)
            .args([
                "-c",
                &format!(
                    "import sys; from importlib.metadata import version; sys.exit(not ({pinned}))"
                ),
            ])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if ready() {
        return python;
    }
    eprintln!("installing {packages:?} into {}", dir.display());
    checked(
        "python3 -m venv",
        Command::new("python3")
            .args(["-m", "venv", "--clear"])
            .arg(&dir)
            .output(),
    );
    checked(
        "pip install",
        Command::new(dir.join("bin/pip"))
            .args(["install", "--quiet"])
            .args(packages)
            .output(),
    );
    assert!(ready(), "{packages:?} not importable after installing them");
    python
}
