//! The compiled-lexicon cache: a built [`Gazetteer`] saved to disk, so the next run with the same
//! lexicons, options and binary is ready in the time it takes to read one file.
//!
//! * Key: SHA-256 of the cache format, the newstag version, the running binary's path, size and
//!   modification time (the build code may change between builds of one version), the
//!   normalization options, and every lexicon's spec (name, path, label, case, priority,
//!   languages, ...) and file digest. Any change gives a new key, so a stale entry is never read.
//! * Size: bounded. After each write the folder keeps its most recently used entries up to
//!   `$NEWSTAG_CACHE_MAX_MB` (default [`DEFAULT_LIMIT_MB`]) and deletes the rest, the entry just
//!   written always kept; a read marks its entry used (its modification time). Without this every
//!   rebuild or upgrade of the binary left one more entry behind, 25 MB each for the shipped
//!   lexicons, until the disk was full. Temporary files of killed runs older than an hour go too.
//! * Where: `$NEWSTAG_CACHE_DIR` when set (empty or `off` disables the cache), else
//!   `$XDG_CACHE_HOME/newstag`, else `$HOME/.cache/newstag`; one file `gazetteer-<key>.bin`.
//! * Writing: to a temporary file in the same folder, then renamed over the entry, so concurrent
//!   runs never see a half-written file (both write the same bytes; the last rename wins).
//! * Reading: the header (magic, format, key, length) and a SHA-256 of the payload are checked,
//!   then every decoded table is checked for index bounds; anything wrong and the entry is
//!   ignored, rebuilt and rewritten. The cache is never trusted blindly.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use bincode::Options;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::automaton::Automaton;
use super::compiled::{
    Candidate, EntityInfo, Gazetteer, InflectReport, LexiconInfo, LexiconRuntime,
};
use crate::digest::hex;

const MAGIC: &[u8; 12] = b"NEWSTAG-GAZ\0";
/// Bump when the layout changes.
const FORMAT: u32 = 2;
const HEADER: usize = 12 + 4 + 32 + 8 + 32;

/// What a cache entry is keyed by: feed it everything the built gazetteer depends on.
pub struct KeyBuilder(Sha256);

impl KeyBuilder {
    /// Starts a key with the format, the version and the running binary's digest.
    pub fn new() -> KeyBuilder {
        let mut h = Sha256::new();
        h.update(MAGIC);
        h.update(FORMAT.to_le_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(binary_digest());
        KeyBuilder(h)
    }

    /// Adds one part (length-prefixed, so parts cannot run into each other).
    pub fn part(&mut self, bytes: &[u8]) -> &mut KeyBuilder {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// The key.
    pub fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}

impl Default for KeyBuilder {
    fn default() -> Self {
        KeyBuilder::new()
    }
}

/// Identifies the running build: a digest of the executable's path, size and modification time
/// (a rebuild changes them; reading a large binary at every start would cost more than it
/// guards). Zeros when unknown: then the version and format still key the entry.
fn binary_digest() -> [u8; 32] {
    static DIGEST: std::sync::OnceLock<[u8; 32]> = std::sync::OnceLock::new();
    *DIGEST.get_or_init(|| {
        let Ok(exe) = std::env::current_exe() else {
            return [0; 32];
        };
        let Ok(meta) = std::fs::metadata(&exe) else {
            return [0; 32];
        };
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let mut h = Sha256::new();
        h.update(exe.to_string_lossy().as_bytes());
        h.update(meta.len().to_le_bytes());
        h.update(mtime.to_le_bytes());
        h.finalize().into()
    })
}

/// The cache folder from the environment, or `None` when disabled or unknown.
pub fn dir() -> Option<PathBuf> {
    dir_from(
        std::env::var_os("NEWSTAG_CACHE_DIR"),
        std::env::var_os("XDG_CACHE_HOME"),
        std::env::var_os("HOME"),
    )
}

fn dir_from(
    explicit: Option<std::ffi::OsString>,
    xdg: Option<std::ffi::OsString>,
    home: Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    if let Some(d) = explicit {
        return (!d.is_empty() && d != "off").then(|| PathBuf::from(d));
    }
    if let Some(x) = xdg.filter(|x| !x.is_empty()) {
        return Some(PathBuf::from(x).join("newstag"));
    }
    home.filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(".cache").join("newstag"))
}

/// The entry file for `key` in `dir`.
pub fn entry_path(dir: &Path, key: &[u8; 32]) -> PathBuf {
    dir.join(format!("gazetteer-{}.bin", hex(key)))
}

/// Everything of a [`Gazetteer`] except the automaton.
#[derive(Serialize, Deserialize)]
struct Tables {
    candidates: Vec<Vec<Candidate>>,
    entities: Vec<EntityInfo>,
    ids: Vec<std::sync::Arc<str>>,
    lexicons: Vec<LexiconRuntime>,
    info: Vec<LexiconInfo>,
    inflect: InflectReport,
}

#[derive(Serialize)]
struct TablesRef<'a> {
    candidates: &'a Vec<Vec<Candidate>>,
    entities: &'a Vec<EntityInfo>,
    ids: &'a Vec<std::sync::Arc<str>>,
    lexicons: &'a Vec<LexiconRuntime>,
    info: &'a Vec<LexiconInfo>,
    inflect: &'a InflectReport,
}

/// The entry's bytes for `g`.
pub fn encode(key: &[u8; 32], g: &Gazetteer) -> Vec<u8> {
    let mut payload = Vec::new();
    match &g.automaton {
        Some(a) => {
            payload.push(1);
            a.serialize(&mut payload);
        }
        None => payload.push(0),
    }
    let tables = TablesRef {
        candidates: &g.candidates,
        entities: &g.entities,
        ids: &g.ids,
        lexicons: &g.lexicons,
        info: &g.info,
        inflect: &g.inflect,
    };
    options()
        .serialize_into(&mut payload, &tables)
        .expect("serializing to memory cannot fail");
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&Sha256::digest(&payload));
    out.extend_from_slice(&payload);
    out
}

/// The gazetteer in `bytes`, when they are a sound entry for `key`.
pub fn decode(key: &[u8; 32], bytes: &[u8]) -> Option<Gazetteer> {
    if bytes.len() < HEADER || &bytes[..12] != MAGIC {
        return None;
    }
    let format = u32::from_le_bytes(bytes[12..16].try_into().ok()?);
    let len = u64::from_le_bytes(bytes[48..56].try_into().ok()?);
    let payload = &bytes[HEADER..];
    if format != FORMAT
        || &bytes[16..48] != key
        || len != payload.len() as u64
        || Sha256::digest(payload).as_slice() != &bytes[56..88]
    {
        return None;
    }
    let (automaton, rest) = match payload.split_first()? {
        (1, rest) => {
            let (a, rest) = Automaton::deserialize(rest)?;
            (Some(a), rest)
        }
        (0, rest) => (None, rest),
        _ => return None,
    };
    let t: Tables = options()
        .with_limit(rest.len() as u64)
        .deserialize(rest)
        .ok()?;
    let patterns = automaton.as_ref().map_or(0, Automaton::len);
    let sound = t.candidates.len() == patterns
        && t.candidates.iter().flatten().all(|c| {
            (c.entity as usize) < t.entities.len() && (c.lexicon as usize) < t.lexicons.len()
        })
        && t.entities
            .iter()
            .all(|e| (e.id as usize) < t.ids.len() && (e.lexicon as usize) < t.lexicons.len());
    sound.then_some(Gazetteer {
        automaton,
        candidates: t.candidates,
        entities: t.entities,
        ids: t.ids,
        lexicons: t.lexicons,
        info: t.info,
        inflect: t.inflect,
    })
}

fn options() -> impl Options {
    bincode::DefaultOptions::new().with_fixint_encoding()
}

/// Reads the entry for `key` from `dir`; `None` when missing or unsound.
pub fn load(dir: &Path, key: &[u8; 32]) -> Option<Gazetteer> {
    let bytes = std::fs::read(entry_path(dir, key)).ok()?;
    decode(key, &bytes)
}

/// Reads the entry for `key` from `dir` and marks it used; `None` when missing or unsound.
pub fn load_and_touch(dir: &Path, key: &[u8; 32]) -> Option<Gazetteer> {
    let g = load(dir, key)?;
    // Best effort: a read-only cache still serves, it only loses its use order.
    let _ = std::fs::File::options()
        .append(true)
        .open(entry_path(dir, key))
        .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    Some(g)
}

/// The cache's size budget when `$NEWSTAG_CACHE_MAX_MB` is unset: about 40 entries of the
/// shipped lexicons, 7 of a 1.1 M-alias set.
pub const DEFAULT_LIMIT_MB: u64 = 1024;

/// The size budget in bytes from `$NEWSTAG_CACHE_MAX_MB` (a whole number of megabytes); the
/// default when unset or not a number.
pub fn limit() -> u64 {
    limit_from(std::env::var("NEWSTAG_CACHE_MAX_MB").ok().as_deref())
}

fn limit_from(var: Option<&str>) -> u64 {
    var.and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(DEFAULT_LIMIT_MB)
        .saturating_mul(1 << 20)
}

/// Deletes entries of `dir` beyond `budget` bytes, least recently used first (modification
/// time, then name, so the choice does not depend on the listing order); `keep` stays whatever
/// its size. Also deletes temporary files older than `stale` (a killed run's). Returns the
/// number of files deleted. Errors are ignored file by file: another run may prune at the same
/// time, and a missing entry only costs a rebuild.
pub fn prune(dir: &Path, keep: &Path, budget: u64, stale: std::time::Duration) -> usize {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut entries = Vec::new();
    let mut deleted = 0;
    for item in listing.flatten() {
        let name = item.file_name();
        let Some(name) = name.to_str() else { continue };
        let Ok(meta) = item.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
        if name.starts_with(".gazetteer-") && name.ends_with(".tmp") {
            let age = now.duration_since(modified).unwrap_or_default();
            if age > stale && std::fs::remove_file(item.path()).is_ok() {
                deleted += 1;
            }
        } else if name.starts_with("gazetteer-") && name.ends_with(".bin") {
            entries.push((modified, name.to_owned(), meta.len()));
        }
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let keep = keep.file_name().and_then(|n| n.to_str());
    let mut used = entries
        .iter()
        .find(|e| Some(e.1.as_str()) == keep)
        .map_or(0, |e| e.2);
    // Strictly by use: once an entry does not fit, every older one goes too.
    let mut full = false;
    for (_, name, len) in &entries {
        if Some(name.as_str()) == keep {
            continue;
        }
        used = used.saturating_add(*len);
        full |= used > budget;
        if full && std::fs::remove_file(dir.join(name)).is_ok() {
            deleted += 1;
        }
    }
    deleted
}

/// Writes the entry for `key` to `dir` (write aside, then rename), then prunes the folder to
/// [`limit`].
pub fn store(dir: &Path, key: &[u8; 32], g: &Gazetteer) -> std::io::Result<()> {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    std::fs::create_dir_all(dir)?;
    let path = entry_path(dir, key);
    let tmp = dir.join(format!(
        ".gazetteer-{}.{}.{}.tmp",
        &hex(key)[..16],
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&encode(key, g))?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, &path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        return result;
    }
    prune(dir, &path, limit(), std::time::Duration::from_secs(3600));
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_dir_from_environment() {
        let os = |s: &str| Some(std::ffi::OsString::from(s));
        let cases = [
            ("explicit wins", os("/c"), os("/x"), os("/h"), Some("/c")),
            ("empty disables", os(""), os("/x"), os("/h"), None),
            ("off disables", os("off"), os("/x"), os("/h"), None),
            ("xdg", None, os("/x"), os("/h"), Some("/x/newstag")),
            ("home", None, None, os("/h"), Some("/h/.cache/newstag")),
            ("nothing", None, None, None, None),
        ];
        for (name, e, x, h, want) in cases {
            assert_eq!(dir_from(e, x, h), want.map(PathBuf::from), "case {name}");
        }
    }

    fn sample() -> Gazetteer {
        use crate::normalize::{NormalizeOptions, Normalizer};
        let n = Normalizer::new(NormalizeOptions::default());
        let spec = super::super::LexiconSpec::from_cli(Path::new("p.tsv"));
        let tsv = "geonames:1\tNew York\tNYC|=NY\tLOC\nper:x\tJohn Smith\t~Smith\tPER\n";
        let entries = super::super::lexicon::parse_tsv(tsv, None, Path::new("p.tsv")).unwrap();
        let mut b = super::super::build::Builder::default();
        b.add(&spec, &entries, &n, tsv.as_bytes()).unwrap();
        b.build().unwrap()
    }

    const TEXT: &str = "John Smith flew to NYC; Smith said New York, not NY or ny, was home.";

    #[test]
    fn round_trip_tags_the_same() {
        let g = sample();
        let key = [7; 32];
        let back = decode(&key, &encode(&key, &g)).expect("decodes");
        assert_eq!(back.tag(TEXT, "eng"), g.tag(TEXT, "eng"));
        assert_eq!(back.pattern_count(), g.pattern_count());
        assert_eq!(back.lexicon_info()[0].digest, g.lexicon_info()[0].digest);
    }

    #[test]
    fn unsound_entries_are_rejected() {
        let g = sample();
        let key = [7; 32];
        let good = encode(&key, &g);
        let flip = |at: usize| {
            let mut b = good.clone();
            b[at] ^= 0x40;
            b
        };
        let cases: Vec<(&str, Vec<u8>, [u8; 32])> = vec![
            ("other key", good.clone(), [8; 32]),
            ("empty", Vec::new(), key),
            ("truncated", good[..good.len() - 1].to_vec(), key),
            ("bad magic", flip(0), key),
            ("bad format", flip(12), key),
            ("flipped payload byte", flip(HEADER + 20), key),
            ("flipped last byte", flip(good.len() - 1), key),
            ("extra byte", [good.as_slice(), &[0]].concat(), key),
        ];
        for (name, bytes, k) in cases {
            assert!(decode(&k, &bytes).is_none(), "case {name}");
        }
    }

    #[test]
    fn store_then_load_and_garbage_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let g = sample();
        let key = [3; 32];
        assert!(load(dir.path(), &key).is_none(), "empty cache");
        store(dir.path(), &key, &g).unwrap();
        let back = load(dir.path(), &key).expect("stored");
        assert_eq!(back.tag(TEXT, "eng"), g.tag(TEXT, "eng"));
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
        std::fs::write(entry_path(dir.path(), &key), b"garbage").unwrap();
        assert!(load(dir.path(), &key).is_none(), "garbage ignored");
    }

    #[test]
    fn cache_limit_from_environment() {
        assert_eq!(limit_from(None), DEFAULT_LIMIT_MB << 20);
        assert_eq!(limit_from(Some("64")), 64 << 20);
        assert_eq!(limit_from(Some(" 0 ")), 0);
        assert_eq!(limit_from(Some("lots")), DEFAULT_LIMIT_MB << 20);
    }

    /// A folder of entries `gazetteer-<name>.bin` of `len` bytes, each `age` seconds old.
    fn folder(entries: &[(&str, usize, u64)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let now = std::time::SystemTime::now();
        for &(name, len, age) in entries {
            let path = dir.path().join(name);
            std::fs::write(&path, vec![0u8; len]).unwrap();
            let f = std::fs::File::options().append(true).open(&path).unwrap();
            f.set_modified(now - std::time::Duration::from_secs(age))
                .unwrap();
        }
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn prune_keeps_the_most_recently_used_within_budget() {
        let hour = std::time::Duration::from_secs(3600);
        let dir = folder(&[
            ("gazetteer-new.bin", 100, 10),
            ("gazetteer-mid.bin", 100, 20),
            ("gazetteer-small-old.bin", 10, 30),
            ("gazetteer-just-written.bin", 500, 40),
            ("other.txt", 1000, 50),
            (".gazetteer-ab.1.0.tmp", 5, 7200),
            (".gazetteer-cd.2.0.tmp", 5, 60),
        ]);
        let keep = dir.path().join("gazetteer-just-written.bin");
        // 500 kept + 100 newest = 600; the next one (mid) overflows, and so does everything
        // older, even the small entry that would fit on its own.
        assert_eq!(prune(dir.path(), &keep, 650, hour), 3);
        assert_eq!(
            names(dir.path()),
            [
                ".gazetteer-cd.2.0.tmp",
                "gazetteer-just-written.bin",
                "gazetteer-new.bin",
                "other.txt"
            ]
        );
        // The entry just written stays even when alone over budget.
        assert_eq!(prune(dir.path(), &keep, 0, hour), 1);
        assert_eq!(
            names(dir.path()),
            [
                ".gazetteer-cd.2.0.tmp",
                "gazetteer-just-written.bin",
                "other.txt"
            ]
        );
        assert_eq!(prune(&dir.path().join("missing"), &keep, 0, hour), 0);
    }

    #[test]
    fn a_read_marks_its_entry_used_and_store_prunes() {
        let dir = tempfile::tempdir().unwrap();
        let g = sample();
        let entry = encode(&[1; 32], &g).len() as u64;
        let (a, b, c) = ([1; 32], [2; 32], [3; 32]);
        store(dir.path(), &a, &g).unwrap();
        store(dir.path(), &b, &g).unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(100);
        for k in [&a, &b] {
            let f = std::fs::File::options()
                .append(true)
                .open(entry_path(dir.path(), k))
                .unwrap();
            f.set_modified(old - std::time::Duration::from_secs(3 - k[0] as u64))
                .unwrap();
        }
        // `a` is the older, but a read makes it the most recently used: `b` goes.
        assert!(load_and_touch(dir.path(), &a).is_some());
        let path = entry_path(dir.path(), &c);
        std::fs::write(&path, encode(&c, &g)).unwrap();
        assert_eq!(
            prune(dir.path(), &path, 2 * entry, std::time::Duration::MAX),
            1
        );
        assert!(load(dir.path(), &a).is_some());
        assert!(load(dir.path(), &b).is_none(), "least recently used goes");
        assert!(load(dir.path(), &c).is_some());
    }

    #[test]
    fn keys_separate_parts() {
        let k = |parts: &[&[u8]]| {
            let mut b = KeyBuilder::new();
            for p in parts {
                b.part(p);
            }
            b.finish()
        };
        assert_ne!(k(&[b"ab", b"c"]), k(&[b"a", b"bc"]));
        assert_eq!(k(&[b"ab"]), k(&[b"ab"]));
    }
}
