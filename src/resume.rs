//! `--resume`: reuse the records of unchanged documents from the previous output.
//!
//! A record can be reused when two things are unchanged:
//! * the run digest ([`RunDigest`]): everything that affects every result (tool version, config
//!   file, lexicon files, rule files and the word lists they load, the command-line choices
//!   that change results, and any cross-document statistics a first pass computes; assembled by
//!   [`crate::commands::run_digest`]). It is written to `manifest.json` as `run_digest`; a
//!   different digest disables reuse whole, and so does a previous output that is missing or
//!   damaged (no manifest, an unreadable one, `annotations.jsonl` missing or not matching the
//!   digest its manifest names): that is a note for the user ([`open_previous`]) and a full run,
//!   never an error;
//! * the document: same id, same source path and same SHA-256 of the raw bytes.
//!
//! The previous `annotations.jsonl` is read once, streaming, into an index of
//! id -> (sha256, source, byte offset and length of its line, counts for the manifest); a reused
//! record is copied byte for byte from the old file, never re-serialized. This module only
//! indexes and looks up; [`crate::commands`] decides, per input, whether to reuse or process:
//! each input is read and hashed once, and a changed or new document is processed from those
//! same bytes. Error records are
//! not reused: the documents behind them are processed again (a failure is cheap, and an `io`
//! error may have gone away). Since the output is deterministic, a resumed run writes the same
//! bytes as a full run.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::digest::hex;
use crate::document::Input;
use crate::layout::{ANNOTATIONS, MANIFEST};
use crate::messages::Message;

/// A digest of everything that affects the results of all documents at once.
///
/// Each part is named, so adding one (for instance the digest of a cross-document line-statistics
/// table) changes the digest and invalidates older outputs.
#[derive(Clone, Debug, Default)]
pub struct RunDigest {
    hash: Sha256,
}

impl RunDigest {
    /// A digest of the tool version alone.
    pub fn new() -> RunDigest {
        let mut d = RunDigest::default();
        d.add("version", env!("CARGO_PKG_VERSION"));
        d
    }

    /// Adds one named part.
    pub fn add(&mut self, name: &str, value: &str) -> &mut RunDigest {
        for part in [name, value] {
            self.hash.update((part.len() as u64).to_le_bytes());
            self.hash.update(part.as_bytes());
        }
        self
    }

    /// The hex digest.
    pub fn finish(&self) -> String {
        hex(&self.hash.clone().finalize())
    }
}

/// [`Previous::open`] for `--resume`, with the note for the user: how much can be reused, or
/// why nothing (a missing or damaged previous output is a note and a full run, never an error).
pub fn open_previous(out: &Path, digest: &str) -> (Option<Previous>, Message) {
    match Previous::open(out, digest) {
        Ok(p) => {
            let note = Message::Note(format!(
                "--resume: {} records of {} can be reused",
                p.len(),
                p.path().display()
            ));
            (Some(p), note)
        }
        Err(why) => (
            None,
            Message::Note(format!("--resume: processing everything: {why}")),
        ),
    }
}

/// A record copied from the previous output.
#[derive(Clone, Debug)]
pub struct Reused {
    /// Record id.
    pub id: String,
    /// The JSON line, without its newline, as it stands in the previous `annotations.jsonl`.
    pub line: Vec<u8>,
    /// Raw bytes of the document.
    pub bytes: u64,
    /// Entities per label in the record.
    pub entities: Vec<(String, usize)>,
    /// Removed segments in the record.
    pub removed: usize,
}

/// One indexed record of the previous output.
#[derive(Debug)]
struct Entry {
    sha256: [u8; 32],
    source: String,
    offset: u64,
    len: usize,
    entities: Vec<(String, usize)>,
    removed: usize,
}

/// The previous output, indexed for reuse.
#[derive(Debug)]
pub struct Previous {
    file: Mutex<File>,
    path: PathBuf,
    index: HashMap<String, Entry>,
}

#[derive(Deserialize)]
struct ManifestView {
    run_digest: Option<String>,
    #[serde(default)]
    files: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct RecordView {
    id: String,
    source: String,
    sha256: String,
    #[serde(default)]
    entities: Vec<LabelView>,
    #[serde(default)]
    removed: Vec<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct LabelView {
    label: String,
}

impl Previous {
    /// Indexes the previous output in `out` when its run digest is `digest`; otherwise says why
    /// nothing can be reused (no or unreadable manifest, another run digest, `annotations.jsonl`
    /// missing, unreadable or not the file its manifest names).
    pub fn open(out: &Path, digest: &str) -> std::result::Result<Previous, String> {
        let mpath = out.join(MANIFEST);
        let manifest = match std::fs::read(&mpath) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(format!("{}: no previous output", mpath.display()))
            }
            Err(e) => return Err(format!("{}: {e}", mpath.display())),
        };
        let Ok(manifest) = serde_json::from_slice::<ManifestView>(&manifest) else {
            return Err(format!("{}: not a newstag manifest", mpath.display()));
        };
        if manifest.run_digest.as_deref() != Some(digest) {
            return Err(format!(
                "{}: made with another version, config, lexicons, rules or options",
                mpath.display()
            ));
        }
        let path = out.join(ANNOTATIONS);
        let unreadable = |e: std::io::Error| format!("{}: {e}", path.display());
        let file = File::open(&path).map_err(unreadable)?;
        let mut reader = BufReader::with_capacity(1 << 20, file.try_clone().map_err(unreadable)?);
        let mut hash = Sha256::new();
        let mut index = HashMap::new();
        let mut line = Vec::new();
        let mut offset = 0u64;
        loop {
            line.clear();
            let n = reader.read_until(b'\n', &mut line).map_err(unreadable)?;
            if n == 0 {
                break;
            }
            hash.update(&line);
            let body = line.strip_suffix(b"\n").unwrap_or(&line);
            if let Some(entry) = index_entry(body, offset) {
                index.insert(entry.0, entry.1);
            }
            offset += n as u64;
        }
        if manifest.files.get(ANNOTATIONS) != Some(&hex(&hash.finalize())) {
            return Err(format!("{}: does not match its manifest", path.display()));
        }
        Ok(Previous {
            file: Mutex::new(file),
            path,
            index,
        })
    }

    /// Number of reusable records.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether there is no reusable record.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Whether the previous output has a record with this id (only then is it worth hashing
    /// the input's bytes).
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// The previous record of `input`, when its raw bytes hash to `sha256` and its source is
    /// unchanged.
    pub fn reuse(&self, input: &Input, sha256: &[u8], bytes: u64) -> Option<Reused> {
        let e = self.index.get(&input.id)?;
        if e.sha256[..] != *sha256 || e.source != input.source {
            return None;
        }
        let mut line = vec![0; e.len];
        let mut f = self.file.lock().unwrap_or_else(|p| p.into_inner());
        f.seek(SeekFrom::Start(e.offset)).ok()?;
        f.read_exact(&mut line).ok()?;
        Some(Reused {
            id: input.id.clone(),
            line,
            bytes,
            entities: e.entities.clone(),
            removed: e.removed,
        })
    }

    /// The file the records come from.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn index_entry(line: &[u8], offset: u64) -> Option<(String, Entry)> {
    let r: RecordView = serde_json::from_slice(line).ok()?;
    let mut sha256 = [0u8; 32];
    if r.sha256.len() != 64 {
        return None;
    }
    for (i, b) in sha256.iter_mut().enumerate() {
        *b = u8::from_str_radix(r.sha256.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    let mut entities: BTreeMap<String, usize> = BTreeMap::new();
    for e in r.entities {
        *entities.entry(e.label).or_default() += 1;
    }
    Some((
        r.id,
        Entry {
            sha256,
            source: r.source,
            offset,
            len: line.len(),
            entities: entities.into_iter().collect(),
            removed: r.removed.len(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_digest_parts_are_named_and_delimited() {
        let d = |parts: &[(&str, &str)]| {
            let mut r = RunDigest::new();
            for (n, v) in parts {
                r.add(n, v);
            }
            r.finish()
        };
        let cases = [
            (
                "value moved across the boundary",
                d(&[("a", "bc")]),
                d(&[("ab", "c")]),
            ),
            (
                "order matters",
                d(&[("a", "1"), ("b", "2")]),
                d(&[("b", "2"), ("a", "1")]),
            ),
            (
                "extra part",
                d(&[("a", "1")]),
                d(&[("a", "1"), ("line-stats", "")]),
            ),
        ];
        for (name, x, y) in cases {
            assert_ne!(x, y, "case {name}");
        }
        assert_eq!(d(&[("a", "1")]), d(&[("a", "1")]));
    }

    #[test]
    fn index_entries_read_the_fields_resume_needs() {
        let sha = "ab".repeat(32);
        let line = format!(
            r#"{{"id":"x.txt","source":"c/x.txt","sha256":"{sha}","text":"t","entities":[{{"label":"LOC"}},{{"label":"PER"}},{{"label":"LOC"}}],"removed":[{{"rule":"r"}}]}}"#
        );
        let (id, e) = index_entry(line.as_bytes(), 7).unwrap();
        assert_eq!(id, "x.txt");
        assert_eq!(e.sha256, [0xab; 32]);
        assert_eq!((e.offset, e.len), (7, line.len()));
        assert_eq!(
            e.entities,
            vec![("LOC".to_string(), 2), ("PER".to_string(), 1)]
        );
        assert_eq!(e.removed, 1);
        assert!(index_entry(b"{\"id\":\"x\",\"source\":\"s\",\"sha256\":\"zz\"}", 0).is_none());
    }
}
