//! Black-box runs in a temp folder holding `newstag.toml`, `lex.tsv` and `corpus/` (the resume,
//! determinism, kill and fault tests), and generated news-like articles.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

// Re-exported so a test can take everything it needs from one submodule.
#[allow(unused_imports)]
pub use super::{Rng, BIN};

/// The lexicon of the [`Env`] config: a person, two places and an organization with Cyrillic
/// and Azerbaijani aliases.
pub const LEXICON: &str = "per:ilham-aliyev\tIlham Aliyev\tAliyev|İlham Əliyev\tPER\n\
geo:baku\tBaku\tBakı|Баку\tLOC\n\
geo:moscow\tMoscow\tМосква\tLOC\n\
org:un\tUnited Nations\tUN\tORG\n";

/// A temp folder with `newstag.toml`, `lex.tsv` and an empty `corpus/`.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let env = Env { dir };
        env.write("lex.tsv", LEXICON.as_bytes());
        env.write(
            "newstag.toml",
            b"[input]\npaths = [\"corpus\"]\n\n[[boilerplate.rules]]\nname = \"related\"\nkind = \"cut-from\"\npattern = '^related news'\n\n[[lexicons]]\nname = \"test\"\npath = \"lex.tsv\"\n",
        );
        std::fs::create_dir_all(env.path("corpus")).unwrap();
        env
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Writes `n` generated articles `corpus/<prefix>NNNNN.txt` from `seed`.
    pub fn generate(&self, prefix: &str, n: usize, seed: u64) {
        for i in 0..n {
            let name = format!("corpus/{prefix}{i:05}.txt");
            self.write(
                &name,
                article(seed.wrapping_mul(1_000_003).wrapping_add(i as u64)).as_bytes(),
            );
        }
    }

    /// `newstag run --quiet ARGS` in the folder.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.current_dir(self.dir.path())
            .arg("run")
            .arg("--quiet")
            .args(args);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// `newstag run ARGS` without `--quiet`: notes and the summary line on stderr.
    pub fn run_loud(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .current_dir(self.dir.path())
            .arg("run")
            .args(args)
            .output()
            .unwrap()
    }

    /// The three output files of `out`.
    pub fn output(&self, out: &str) -> Vec<(String, Vec<u8>)> {
        ["annotations.jsonl", "errors.jsonl", "manifest.json"]
            .iter()
            .map(|f| {
                (
                    f.to_string(),
                    std::fs::read(self.path(out).join(f)).unwrap_or_default(),
                )
            })
            .collect()
    }
}

/// Names in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "on",
    "Monday",
    "that",
    "talks",
    "in",
    "Baku",
    "would",
    "resume",
    "Ilham Aliyev",
    "met",
    "officials",
    "from",
    "Moscow",
    "and",
    "the",
    "UN",
    "delegation",
    "Москва",
    "Баку",
    "a",
    "statement",
    "was",
    "issued",
    "after",
    "the",
    "meeting",
    "économie",
    "prices",
    "rose",
    "by",
    "3%",
    "Aliyev",
    "reporters",
    "were",
    "told",
    "—",
    "«quoted»",
];

/// A news-like article: a headline, a few paragraphs, sometimes a trailing "Related news" list.
pub fn article(seed: u64) -> String {
    let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
    let mut s = String::new();
    let title: Vec<&str> = (0..6).map(|_| r.pick(WORDS)).collect();
    s.push_str(&title.join(" "));
    s.push_str("\n\n");
    for _ in 0..(3 + r.next() % 4) {
        for _ in 0..(2 + r.next() % 4) {
            let n = 8 + r.next() % 12;
            let words: Vec<&str> = (0..n).map(|_| r.pick(WORDS)).collect();
            s.push_str(&words.join(" "));
            s.push_str(". ");
        }
        s.push_str("\n\n");
    }
    if r.next() % 3 == 0 {
        s.push_str("Related news\nBaku hosts a forum\nMoscow prices rise\n");
    }
    s
}
