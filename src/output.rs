//! Stage 6, output: JSONL records, the manifest, and the atomic commit of the output folder.
//!
//! Records are written as they come (in id order) into a private folder inside the output
//! folder; [`OutputWriter::commit`] flushes and syncs them, then renames each into place, the
//! manifest last. A run killed before the commit leaves the previous files untouched; the
//! manifest names the digests of the two JSONL files, so a reader can tell a matching set.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::config::hex;
use crate::document::ErrorRecord;
use crate::error::{Error, Result};
use crate::gazetteer::LexiconInfo;
use crate::pipeline::Outcome;

/// Names of the files in the output folder.
pub const ANNOTATIONS: &str = "annotations.jsonl";
/// Error records.
pub const ERRORS: &str = "errors.jsonl";
/// The manifest.
pub const MANIFEST: &str = "manifest.json";
/// The HTML report (`run --report`).
pub const REPORT: &str = "report.html";

/// The version of the record schema (`schema/annotation.schema.json`, `schema/error.schema.json`):
/// part of the run digest, so `--resume` never copies a record of another schema.
pub const SCHEMA_VERSION: &str = "2";

/// Makes a derived file from the staged annotations: `(annotations path, output path)`.
pub type Derive = Box<dyn FnOnce(&Path, &Path) -> Result<()>>;

/// Running counts for the manifest and the summary line.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    /// Documents seen (annotated + failed).
    pub inputs: usize,
    /// Documents annotated.
    pub annotated: usize,
    /// Documents failed.
    pub failed: usize,
    /// Raw bytes of the annotated documents.
    pub bytes: u64,
    /// Entities per label.
    pub entities: BTreeMap<String, usize>,
    /// Removed boilerplate segments.
    pub removed_segments: usize,
    /// Of the annotated documents, those whose record was reused (`--resume`); not in the
    /// manifest, which must not depend on how the run was made.
    #[serde(skip)]
    pub reused: usize,
    /// Files in the input folders that match no file pattern, by extension (for the summary on
    /// stderr; not in the manifest).
    #[serde(skip)]
    pub skipped: BTreeMap<String, usize>,
}

impl Counts {
    /// Adds one outcome.
    pub fn add(&mut self, o: &Outcome) {
        self.inputs += 1;
        match o {
            Outcome::Annotated(d) => {
                self.annotated += 1;
                for e in &d.entities {
                    self.count_entity(&e.label, 1);
                }
                self.removed_segments += d.removed.len();
            }
            Outcome::Failed(_) => self.failed += 1,
            Outcome::Reused(r) => {
                self.annotated += 1;
                self.reused += 1;
                self.bytes += r.bytes;
                for (label, n) in &r.entities {
                    self.count_entity(label, *n);
                }
                self.removed_segments += r.removed;
            }
        }
    }

    /// Adds `n` entities of `label`, copying the label only the first time it is seen.
    fn count_entity(&mut self, label: &str, n: usize) {
        match self.entities.get_mut(label) {
            Some(count) => *count += n,
            None => {
                self.entities.insert(label.to_owned(), n);
            }
        }
    }
}

/// The manifest: deterministic, no clock times.
#[derive(Clone, Debug, Serialize)]
pub struct Manifest<'a> {
    /// `newstag`.
    pub tool: &'static str,
    /// Crate version.
    pub version: &'static str,
    /// The config used: its path as given, or `built-in` (see [`crate::builtin`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<&'a str>,
    /// SHA-256 of the config file.
    pub config_digest: &'a str,
    /// Digest of everything that affects all results (see [`crate::resume::RunDigest`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_digest: Option<&'a str>,
    /// Lexicons loaded.
    pub lexicons: &'a [LexiconInfo],
    /// Counts.
    #[serde(flatten)]
    pub counts: &'a Counts,
    /// SHA-256 of each output file.
    pub files: BTreeMap<&'static str, String>,
}

/// Serializes one record as one JSON line.
pub fn write_record<W: Write>(w: &mut W, o: &Outcome) -> std::io::Result<()> {
    match o {
        Outcome::Annotated(d) => write_json_line(w, d.as_ref()),
        Outcome::Failed(e) => write_json_line(w, e),
        Outcome::Reused(r) => {
            w.write_all(&r.line)?;
            w.write_all(b"\n")
        }
    }
}

fn write_json_line<W: Write, T: Serialize>(w: &mut W, value: &T) -> std::io::Result<()> {
    serde_json::to_writer(&mut *w, value)?;
    w.write_all(b"\n")
}

/// A writer that hashes what passes through it.
///
/// Records are serialized into `line` first and then passed on in one piece: serde_json writes
/// a record in many tiny pieces, and each would otherwise cost a buffered write and a hash update.
struct HashingWriter {
    inner: BufWriter<File>,
    hash: Sha256,
    /// The record being written, reused from one record to the next.
    line: Vec<u8>,
}

impl HashingWriter {
    /// Writes one outcome as one line.
    fn record(&mut self, o: &Outcome) -> std::io::Result<()> {
        self.line_with(|line| write_record(line, o))
    }

    /// Writes one error record as one line.
    fn error(&mut self, e: &ErrorRecord) -> std::io::Result<()> {
        self.line_with(|line| write_json_line(line, e))
    }

    /// Fills the reused line buffer with `fill`, then writes it in one piece.
    fn line_with(
        &mut self,
        fill: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        let written = fill(&mut line).and_then(|()| self.write_all(&line));
        self.line = line;
        written
    }
}

impl Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes annotations and errors aside, then commits them into the output folder.
pub struct OutputWriter {
    dir: PathBuf,
    staging: PathBuf,
    annotations: HashingWriter,
    errors: HashingWriter,
    run_digest: Option<String>,
    config_name: Option<String>,
    derived: Vec<(&'static str, Derive)>,
}

impl OutputWriter {
    /// Creates the output folder if needed and a private staging folder inside it.
    pub fn create(dir: &Path) -> Result<OutputWriter> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        remove_stale_staging(dir);
        let staging = dir.join(format!(".tmp-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        }
        std::fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        let open = |name: &str| -> Result<HashingWriter> {
            let p = staging.join(name);
            let f = File::create(&p).map_err(|e| Error::io(&p, e))?;
            Ok(HashingWriter {
                inner: BufWriter::with_capacity(1 << 20, f),
                hash: Sha256::new(),
                line: Vec::new(),
            })
        };
        Ok(OutputWriter {
            dir: dir.to_path_buf(),
            annotations: open(ANNOTATIONS)?,
            errors: open(ERRORS)?,
            staging,
            run_digest: None,
            config_name: None,
            derived: Vec::new(),
        })
    }

    /// Records the run digest in the manifest (what `--resume` compares).
    pub fn set_run_digest(&mut self, digest: String) {
        self.run_digest = Some(digest);
    }

    /// Records which config the run used in the manifest.
    pub fn set_config_name(&mut self, name: String) {
        self.config_name = Some(name);
    }

    /// Writes one outcome to the file it belongs to.
    pub fn write(&mut self, o: &Outcome) -> std::io::Result<()> {
        match o {
            Outcome::Annotated(_) | Outcome::Reused(_) => self.annotations.record(o),
            Outcome::Failed(_) => self.errors.record(o),
        }
    }

    /// Writes error records found before processing (walk errors, duplicate ids).
    pub fn write_error(&mut self, e: &ErrorRecord) -> std::io::Result<()> {
        self.errors.error(e)
    }

    /// Adds a file made from the staged annotations at commit time, before the manifest, so it
    /// joins the same atomic commit (the HTML report of `run --report`).
    pub fn derive(&mut self, name: &'static str, make: Derive) {
        self.derived.push((name, make));
    }

    /// Flushes, syncs and renames the files into place, the manifest last.
    pub fn commit(
        self,
        config_digest: &str,
        lexicons: &[LexiconInfo],
        counts: &Counts,
    ) -> Result<()> {
        let OutputWriter {
            dir,
            staging,
            annotations,
            errors,
            run_digest,
            config_name,
            derived,
        } = self;
        let mut files = BTreeMap::new();
        for (name, w) in [(ANNOTATIONS, annotations), (ERRORS, errors)] {
            let digest = hex(&w.hash.clone().finalize());
            let f = w
                .inner
                .into_inner()
                .map_err(|e| Error::io(staging.join(name), e.into_error()))?;
            f.sync_all().map_err(|e| Error::io(staging.join(name), e))?;
            files.insert(name, digest);
        }
        let mut names = vec![ANNOTATIONS, ERRORS];
        for (name, make) in derived {
            if let Err(e) = make(&staging.join(ANNOTATIONS), &staging.join(name)) {
                let _ = std::fs::remove_dir_all(&staging);
                return Err(e);
            }
            names.push(name);
        }
        names.push(MANIFEST);
        let manifest = Manifest {
            tool: "newstag",
            version: env!("CARGO_PKG_VERSION"),
            config: config_name.as_deref(),
            config_digest,
            run_digest: run_digest.as_deref(),
            lexicons,
            counts,
            files,
        };
        let mpath = staging.join(MANIFEST);
        let mut json = serde_json::to_vec_pretty(&manifest).expect("manifest serializes");
        json.push(b'\n');
        std::fs::write(&mpath, json).map_err(|e| Error::io(&mpath, e))?;
        for name in names {
            let from = staging.join(name);
            let to = dir.join(name);
            std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
        }
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        std::fs::remove_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        Ok(())
    }

    /// Abandons the staged files (the previous output stays as it was).
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

/// Removes the staging folders (`.tmp-<pid>`) that runs killed before their commit left in `dir`.
/// A folder whose process still exists is left alone (another run may be writing it); where
/// processes cannot be checked (no `/proc`), nothing is removed.
fn remove_stale_staging(dir: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(".tmp-"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !proc.join(pid.to_string()).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_staging_of_dead_runs_is_removed_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("dead run", ".tmp-4294967294", false),
            (
                "live run (this process)",
                &*format!(".tmp-{}", std::process::id()),
                true,
            ),
            ("live run (pid 1)", ".tmp-1", true),
            ("not a staging folder", ".tmp-abc", true),
            ("user folder", "keep", true),
        ];
        for (_, name, _) in &cases {
            std::fs::create_dir_all(dir.path().join(name)).unwrap();
            std::fs::write(dir.path().join(name).join(ANNOTATIONS), "x").unwrap();
        }
        remove_stale_staging(dir.path());
        for (case, name, kept) in cases {
            assert_eq!(dir.path().join(name).exists(), kept, "case {case}");
        }
    }
}
