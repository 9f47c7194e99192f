//! Black-box tests of the compiled-lexicon cache: the second run reads it, a changed lexicon or a
//! corrupt entry never gives stale or wrong output.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, cache: &Path, lexicon: &Path, out: &str) -> String {
    run_with(dir, cache, lexicon, out, &[])
}

/// [`run`] with more environment variables.
fn run_with(dir: &Path, cache: &Path, lexicon: &Path, out: &str, env: &[(&str, &str)]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_newstag"))
        .args(["run", "--quiet", "--config", "newstag.toml", "--out", out])
        .arg("--lexicon")
        .arg(lexicon)
        .arg("in")
        .current_dir(dir)
        .env("NEWSTAG_CACHE_DIR", cache)
        .envs(env.iter().copied())
        .output()
        .expect("newstag runs");
    assert!(
        o.status.success(),
        "run failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read_to_string(dir.join(out).join("annotations.jsonl")).unwrap()
}

/// A folder with an empty config and `in/a.txt` holding `text`.
fn folder(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("newstag.toml"), "").unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/a.txt"), text).unwrap();
    dir
}

fn entries(cache: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(cache)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn cache_is_used_invalidated_and_never_trusted_blindly() {
    let dir = folder("Talks in Baku and Ganja ended.\n\nOfficials in Ganja said so.\n");
    let d = dir.path();
    let lex = d.join("places.tsv");
    std::fs::write(&lex, "geonames:587084\tBaku\t\tLOC\n").unwrap();
    let cache = d.join("cache");

    let first = run(d, &cache, &lex, "o1");
    assert!(first.contains("geonames:587084"), "first run tags Baku");
    assert_eq!(entries(&cache).len(), 1, "first run writes one entry");
    let second = run(d, &cache, &lex, "o2");
    assert_eq!(first, second, "cached run gives the same bytes");

    std::fs::write(
        &lex,
        "geonames:587084\tBaku\t\tLOC\ngeonames:586523\tGanja\t\tLOC\n",
    )
    .unwrap();
    let changed = run(d, &cache, &lex, "o3");
    assert!(
        changed.contains("geonames:586523"),
        "an edited lexicon is not served stale"
    );
    assert_eq!(entries(&cache).len(), 2, "a new key, a new entry");

    for e in entries(&cache) {
        let mut bytes = std::fs::read(&e).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0xff;
        std::fs::write(&e, bytes).unwrap();
    }
    let after_corruption = run(d, &cache, &lex, "o4");
    assert_eq!(after_corruption, changed, "a corrupt entry is rebuilt");
    let rebuilt = run(d, &cache, &lex, "o5");
    assert_eq!(rebuilt, changed, "the rebuilt entry is sound");
}

#[test]
fn cache_can_be_turned_off() {
    let dir = folder("Talks in Baku ended.\n");
    let d = dir.path();
    let lex = d.join("places.tsv");
    std::fs::write(&lex, "geonames:587084\tBaku\t\tLOC\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_newstag"))
        .args(["run", "--quiet", "--config", "newstag.toml", "--out", "o"])
        .arg("--lexicon")
        .arg(&lex)
        .arg("in")
        .current_dir(d)
        .env("NEWSTAG_CACHE_DIR", "off")
        .env("XDG_CACHE_HOME", d.join("xdg"))
        .env("HOME", d.join("home"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        !d.join("xdg").exists() && !d.join("home").exists(),
        "nothing cached"
    );
}

#[test]
fn cache_stays_within_its_size_budget() {
    let dir = folder("Talks in Baku and Ganja ended.\n");
    let d = dir.path();
    let cache = d.join("cache");
    let run = |(name, lexicon): (&str, &str), out: &str| {
        let lex = d.join(format!("{name}.tsv"));
        std::fs::write(&lex, lexicon).unwrap();
        run_with(d, &cache, &lex, out, &[("NEWSTAG_CACHE_MAX_MB", "0")])
    };
    let baku = ("baku", "geonames:587084\tBaku\t\tLOC\n");
    let ganja = ("ganja", "geonames:586523\tGanja\t\tLOC\n");
    let first = run(baku, "o1");
    let second = run(ganja, "o2");
    assert!(second.contains("geonames:586523"));
    // A zero budget keeps only the entry just written: each new lexicon set replaces the last.
    assert_eq!(
        entries(&cache).len(),
        1,
        "one entry left: {:?}",
        entries(&cache)
    );
    assert_eq!(
        run(baku, "o3"),
        first,
        "the pruned set is rebuilt, same bytes"
    );
    assert_eq!(entries(&cache).len(), 1);
}
