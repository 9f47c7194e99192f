//! Black-box tests of the built-in defaults, as a user who installed only the binary meets them:
//! the binary alone is copied into an empty folder and run there, with no `newstag.toml` around.

mod support;

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;
use support::*;

/// An empty folder holding a copy of the binary and `articles/` (the shipped corpus), with its
/// own cache folder.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(bin(), dir.path().join("newstag")).unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        for e in std::fs::read_dir(root().join("corpus")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                std::fs::copy(&p, articles.join(p.file_name().unwrap())).unwrap();
            }
        }
        Env { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn run(&self, args: &[&str]) -> Output {
        // NOTE: a binary copied a moment ago may still be open for writing in a child that
        // another test thread is forking (the copy's descriptor lives until that child execs):
        // exec then fails with ETXTBSY (26 on Linux) for a short while, so retry.
        let mut tries = 0;
        loop {
            let o = Command::new(self.path("newstag"))
                .args(args)
                .current_dir(self.dir.path())
                .env("NEWSTAG_CACHE_DIR", self.path("cache"))
                .output();
            match o {
                Err(e) if e.raw_os_error() == Some(26) && tries < 100 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                o => return o.expect("the copied binary runs"),
            }
        }
    }

    fn ok(&self, args: &[&str]) -> Output {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "newstag {args:?}: {}\n{}",
            o.status,
            String::from_utf8_lossy(&o.stderr)
        );
        o
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

fn manifest(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn the_binary_alone_annotates_with_the_built_in_lexicons() {
    let env = Env::new();
    env.ok(&["run", "--quiet", "articles/"]);
    let ann = env.read("out/annotations.jsonl");
    let records = parse(&ann.lines().map(String::from).collect::<Vec<_>>());
    assert_eq!(records.len(), 5);
    let shipped = ["people", "organizations", "regions", "places"];
    let mut per_label = std::collections::BTreeMap::new();
    for r in &records {
        for e in r["entities"].as_array().unwrap() {
            let lexicon = e["lexicon"].as_str().unwrap();
            assert!(
                shipped.contains(&lexicon) || lexicon.starts_with("rule:"),
                "{lexicon}"
            );
            *per_label
                .entry(e["label"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
    }
    for label in ["PER", "LOC", "ORG"] {
        assert!(
            per_label.get(label).is_some_and(|&n| n > 0),
            "{per_label:?}"
        );
    }
    // Without INPUT the built-in config's `corpus/` is looked for here, and its absence explained.
    let o = env.run(&["run", "--quiet", "--out", "none"]);
    assert_eq!(o.status.code(), Some(2));
    let msg = String::from_utf8_lossy(&o.stderr);
    assert!(
        msg.contains("corpus: no such input folder") && msg.contains("built-in config"),
        "{msg}"
    );
    let m = manifest(&env.read("out/manifest.json"));
    assert_eq!(m["config"], "built-in");
    // Every lexicon the shipped config names is built in.
    let shipped = std::fs::read_to_string(root().join("newstag.toml")).unwrap();
    let configured = shipped
        .lines()
        .filter(|l| l.trim() == "[[lexicons]]")
        .count();
    assert_eq!(m["lexicons"].as_array().unwrap().len(), configured);
    // The same config the repository ships.
    let repo_digest = {
        use sha2::Digest;
        let bytes = std::fs::read(root().join("newstag.toml")).unwrap();
        newstag::digest::hex(&sha2::Sha256::digest(bytes))
    };
    assert_eq!(m["config_digest"], repo_digest.as_str());
    // A second run (unpacked copy and compiled lexicons reused) writes the same bytes.
    env.ok(&["run", "--quiet", "articles/", "--out", "again"]);
    assert_eq!(env.read("again/annotations.jsonl"), ann);
}

#[test]
fn init_then_run_with_its_config_gives_identical_output() {
    let env = Env::new();
    env.ok(&["run", "--quiet", "articles/", "--out", "builtin"]);
    let o = env.ok(&["init", "mine"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("mine"));
    for rel in [
        "mine/newstag.toml",
        "mine/lexicons/people.tsv",
        "mine/lexicons/places.tsv",
        "mine/rules/en-news.toml",
        "mine/lexicons/README.md",
    ] {
        assert!(env.path(rel).is_file(), "{rel} written");
    }
    assert_eq!(
        env.read("mine/newstag.toml"),
        std::fs::read_to_string(root().join("newstag.toml")).unwrap()
    );
    env.ok(&[
        "run",
        "--quiet",
        "articles/",
        "--config",
        "mine/newstag.toml",
        "--out",
        "edited",
    ]);
    for f in ["annotations.jsonl", "errors.jsonl"] {
        assert_eq!(
            env.read(&format!("edited/{f}")),
            env.read(&format!("builtin/{f}")),
            "{f}"
        );
    }
    let m = manifest(&env.read("edited/manifest.json"));
    assert_eq!(m["config"], "mine/newstag.toml");

    // An edit to the written lexicon takes effect: the point of `init`.
    let people = env.read("mine/lexicons/people.tsv") + "per:test-person\tZebulon Quartz\t\tPER\n";
    std::fs::write(env.path("mine/lexicons/people.tsv"), people).unwrap();
    std::fs::write(
        env.path("articles/new.txt"),
        "Zebulon Quartz spoke in Baku on Monday.\n",
    )
    .unwrap();
    env.ok(&[
        "run",
        "--quiet",
        "articles/",
        "--config",
        "mine/newstag.toml",
        "--out",
        "edited",
    ]);
    assert!(env
        .read("edited/annotations.jsonl")
        .contains("per:test-person"));
}

#[test]
fn init_never_overwrites_without_force() {
    let env = Env::new();
    std::fs::create_dir(env.path("mine")).unwrap();
    std::fs::write(env.path("mine/newstag.toml"), "# my edits\n").unwrap();
    let o = env.run(&["init", "mine"]);
    assert_eq!(o.status.code(), Some(2));
    let msg = String::from_utf8_lossy(&o.stderr);
    assert!(
        msg.contains("mine/newstag.toml") && msg.contains("--force"),
        "{msg}"
    );
    assert_eq!(env.read("mine/newstag.toml"), "# my edits\n");
    assert!(!env.path("mine/lexicons").exists(), "nothing written");
    env.ok(&["init", "mine", "--force"]);
    assert_ne!(env.read("mine/newstag.toml"), "# my edits\n");
}

#[test]
fn config_prints_the_config_in_effect() {
    let env = Env::new();
    let o = env.ok(&["config"]);
    let text = String::from_utf8(o.stdout).unwrap();
    let shipped = std::fs::read_to_string(root().join("newstag.toml")).unwrap();
    assert!(
        text.starts_with("# newstag config in effect: built-in"),
        "{text}"
    );
    assert!(text.ends_with(&shipped));
    // What it prints is a config file `--config` accepts, giving the same annotations.
    std::fs::create_dir(env.path("copy")).unwrap();
    env.ok(&["init", "copy"]);
    std::fs::write(env.path("copy/printed.toml"), &text).unwrap();
    env.ok(&["run", "--quiet", "articles/", "--out", "a"]);
    env.ok(&[
        "run",
        "--quiet",
        "articles/",
        "--config",
        "copy/printed.toml",
        "--out",
        "b",
    ]);
    assert_eq!(
        env.read("a/annotations.jsonl"),
        env.read("b/annotations.jsonl")
    );

    // A ./newstag.toml is preferred to the built-in config, and named.
    std::fs::write(
        env.path("newstag.toml"),
        "[input]\npatterns = [\"*.txt\"]\n",
    )
    .unwrap();
    let text = String::from_utf8(env.ok(&["config"]).stdout).unwrap();
    assert!(
        text.starts_with("# newstag config in effect: newstag.toml\n"),
        "{text}"
    );
    env.ok(&["run", "--quiet", "articles/", "--out", "local"]);
    let m = manifest(&env.read("local/manifest.json"));
    assert_eq!(m["config"], "newstag.toml");
    assert_eq!(m["lexicons"].as_array().unwrap().len(), 0);

    let o = env.run(&["config", "--config", "missing.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.toml"));
}

#[test]
fn lexicon_commands_work_without_a_config_file() {
    let env = Env::new();
    let o = env.ok(&["lexicon", "stats"]);
    let text = String::from_utf8_lossy(&o.stdout);
    for name in ["people", "organizations", "regions", "places"] {
        assert!(text.contains(name), "{text}");
    }
}
