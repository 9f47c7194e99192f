//! Stage 6, output: JSONL records, the manifest, and the writer that stages them for the commit.
//!
//! Records are written as they come (in id order) into the run's staging folder;
//! [`OutputWriter::commit`] flushes and syncs them, writes the manifest (which names the digests
//! of the two JSONL files) and hands the set to [`crate::commit`], which switches it in with one
//! rename. A run killed or failing (full disk, file-size limit) before that leaves the previous
//! files untouched.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::commit::{fault, OutDir, Staging, Step};
use crate::digest::hex;
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
pub const SCHEMA_VERSION: &str = "3";

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

/// Writes annotations and errors into a staging folder, then commits them as one set (see
/// [`crate::commit`]).
pub struct OutputWriter {
    staging: Staging,
    annotations: HashingWriter,
    errors: HashingWriter,
    run_digest: Option<String>,
    config_name: Option<String>,
    derived: Vec<(&'static str, Derive)>,
    /// The staged file a write failed on, for the error message.
    failed: Option<&'static str>,
}

impl OutputWriter {
    /// Creates the run's staging folder for the locked output folder `out`.
    pub fn create(out: &mut OutDir) -> Result<OutputWriter> {
        let staging = out.stage()?;
        let open = |name: &str| -> std::io::Result<HashingWriter> {
            let f = File::create(staging.path.join(name))?;
            Ok(HashingWriter {
                inner: BufWriter::with_capacity(1 << 20, f),
                hash: Sha256::new(),
                line: Vec::new(),
            })
        };
        let files = open(ANNOTATIONS).and_then(|a| Ok((a, open(ERRORS)?)));
        match files {
            Ok((annotations, errors)) => Ok(OutputWriter {
                staging,
                annotations,
                errors,
                run_digest: None,
                config_name: None,
                derived: Vec::new(),
                failed: None,
            }),
            Err(e) => {
                let path = staging.path.clone();
                staging.abandon();
                Err(Error::Output {
                    path,
                    source: e,
                    out: out.path().to_path_buf(),
                })
            }
        }
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
        let (name, written) = match o {
            Outcome::Annotated(_) | Outcome::Reused(_) => (ANNOTATIONS, self.annotations.record(o)),
            Outcome::Failed(_) => (ERRORS, self.errors.record(o)),
        };
        if written.is_err() {
            self.failed = Some(name);
        }
        written
    }

    /// Writes error records found before processing (walk errors, duplicate ids).
    pub fn write_error(&mut self, e: &ErrorRecord) -> std::io::Result<()> {
        let written = self.errors.error(e);
        if written.is_err() {
            self.failed = Some(ERRORS);
        }
        written
    }

    /// Adds a file made from the staged annotations at commit time, before the manifest, so it
    /// joins the same atomic commit (the HTML report of `run --report`).
    pub fn derive(&mut self, name: &'static str, make: Derive) {
        self.derived.push((name, make));
    }

    /// Abandons the staged files after a write error `e` and says which file failed.
    pub fn fail(self, out: &OutDir, e: std::io::Error) -> Error {
        let path = match self.failed {
            Some(name) => self.staging.path.join(name),
            None => self.staging.path.clone(),
        };
        self.abandon();
        Error::Output {
            path,
            source: e,
            out: out.path().to_path_buf(),
        }
    }

    /// Flushes and syncs the staged files, writes the manifest (naming their digests) and
    /// switches the set in with [`OutDir::commit`]. On any error nothing is committed, the
    /// staging folder is removed and the previous output stays as it was.
    pub fn commit(
        self,
        out: &OutDir,
        config_digest: &str,
        lexicons: &[LexiconInfo],
        counts: &Counts,
    ) -> Result<()> {
        let OutputWriter {
            staging,
            annotations,
            errors,
            run_digest,
            config_name,
            derived,
            failed: _,
        } = self;
        let output_error = |path: PathBuf, source: std::io::Error| Error::Output {
            path,
            source,
            out: out.path().to_path_buf(),
        };
        let staged = (|| -> Result<Vec<&'static str>> {
            let mut files = BTreeMap::new();
            for (name, w) in [(ANNOTATIONS, annotations), (ERRORS, errors)] {
                let path = staging.path.join(name);
                let digest = hex(&w.hash.clone().finalize());
                let f = w
                    .inner
                    .into_inner()
                    .map_err(|e| output_error(path.clone(), e.into_error()))?;
                fault(Step::Fsync);
                f.sync_all().map_err(|e| output_error(path, e))?;
                files.insert(name, digest);
            }
            let mut names = vec![ANNOTATIONS, ERRORS];
            for (name, make) in derived {
                make(&staging.path.join(ANNOTATIONS), &staging.path.join(name))?;
                names.push(name);
            }
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
            let mpath = staging.path.join(MANIFEST);
            let mut json = serde_json::to_vec_pretty(&manifest).expect("manifest serializes");
            json.push(b'\n');
            let write = |json: &[u8]| -> std::io::Result<()> {
                let mut f = File::create(&mpath)?;
                f.write_all(json)?;
                fault(Step::Fsync);
                f.sync_all()
            };
            write(&json).map_err(|e| output_error(mpath.clone(), e))?;
            Ok(names)
        })();
        match staged {
            Ok(names) => out.commit(staging, &names, MANIFEST),
            Err(e) => {
                staging.abandon();
                Err(e)
            }
        }
    }

    /// Abandons the staged files (the previous output stays as it was).
    pub fn abandon(self) {
        self.staging.abandon();
    }
}
