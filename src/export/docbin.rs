//! `docbin` export: a spaCy `DocBin` (`corpus.spacy`), the file `spacy train` and
//! `spacy debug data` read.
//!
//! The DocBin format is spaCy's own (msgpack of token arrays), so it is built by spaCy itself:
//! the [`spacy`] JSONL is written aside, then `python/newstag_docbin.py` (carried
//! inside the binary, run with `python3 -c`) tokenizes each text with a blank spaCy pipeline and
//! turns each span into an entity with `Doc.char_span(alignment_mode="strict")`.
//!
//! Policy: a span whose ends do not fall on token boundaries is DROPPED and counted, never
//! widened (`"expand"`) or shrunk (`"contract"`): training on a span that differs from the
//! annotation teaches the wrong boundary. The count goes to stderr and into
//! `corpus.spacy.json` beside the DocBin, which also lists every dropped span (record id,
//! offsets, text, label) so it can be fixed or its tokenizer exception added.
//!
//! Python is `--python` or `$NEWSTAG_PYTHON`, else `python3`; a missing Python or spaCy is a
//! usage error (exit 2) that says how to install spaCy or run the two steps by hand.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{aside, spacy, write_atomic, Summary};
use crate::error::{Error, Result};

/// The helper script, as shipped in `python/`.
pub const HELPER: &str = include_str!("../../python/newstag_docbin.py");

/// How the DocBin is built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocbinOptions {
    /// The Python with spaCy (default: `$NEWSTAG_PYTHON`, else `python3`).
    pub python: Option<PathBuf>,
    /// The spaCy language whose tokenizer splits every text (`en`, `ru`, `xx`, ...); `None` is
    /// each document's own language when spaCy has it, else `xx`.
    pub lang: Option<String>,
}

impl DocbinOptions {
    fn python(&self) -> PathBuf {
        self.python
            .clone()
            .or_else(|| std::env::var_os("NEWSTAG_PYTHON").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("python3"))
    }
}

/// The summary file written beside the DocBin at `out`.
pub fn summary_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".json");
    out.with_file_name(name)
}

/// The counts the helper prints on success.
#[derive(serde::Deserialize)]
struct Counts {
    documents: usize,
    kept: usize,
    dropped: usize,
}

/// Writes the DocBin of `pred` to `out` (aside, then renamed) and its summary beside it. Spans
/// spaCy's tokenizer cannot align are counted in the returned summary (`dropped`; the binary
/// warns) and listed in the summary file.
pub fn write_file(pred: &Path, out: &Path, opts: &DocbinOptions) -> Result<Summary> {
    let jsonl = aside(&out.with_extension("jsonl"));
    write_atomic(&jsonl, |w| spacy::write(pred, w))?;
    let result = run_helper(&jsonl, out, opts);
    let _ = std::fs::remove_file(&jsonl);
    let counts = result?;
    Ok(Summary {
        documents: counts.documents,
        records: counts.kept,
        dropped: counts.dropped,
        path: None,
    })
}

fn run_helper(jsonl: &Path, out: &Path, opts: &DocbinOptions) -> Result<Counts> {
    let python = opts.python();
    let tmp_out = aside(out);
    let tmp_summary = aside(&summary_path(out));
    let mut cmd = Command::new(&python);
    cmd.arg("-c")
        .arg(HELPER)
        .arg(jsonl)
        .arg(&tmp_out)
        .arg(&tmp_summary);
    if let Some(lang) = &opts.lang {
        cmd.arg("--lang").arg(lang);
    }
    let two_steps = "or run the two steps by hand: `newstag export --to spacy`, then \
                     `python3 python/newstag_docbin.py spacy.jsonl corpus.spacy corpus.spacy.json`";
    let output = cmd.output().map_err(|e| {
        Error::Usage(format!(
            "docbin export: cannot run {} ({e}): it needs a Python with spaCy (pass --python PATH \
             or set NEWSTAG_PYTHON), {two_steps}",
            python.display()
        ))
    })?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let cleanup = || {
        let _ = std::fs::remove_file(&tmp_out);
        let _ = std::fs::remove_file(&tmp_summary);
    };
    match output.status.code() {
        Some(0) => {}
        Some(3) => {
            cleanup();
            return Err(Error::Usage(format!(
                "docbin export: {} (`pip install spacy`, --python PATH, NEWSTAG_PYTHON), {two_steps}",
                stderr.trim()
            )));
        }
        _ => {
            cleanup();
            return Err(Error::Usage(format!(
                "docbin export: the spaCy helper failed ({}):\n{}",
                output.status,
                stderr.trim()
            )));
        }
    }
    let counts: Counts = String::from_utf8_lossy(&output.stdout)
        .lines()
        .last()
        .and_then(|l| serde_json::from_str(l).ok())
        .ok_or_else(|| {
            cleanup();
            Error::Usage(format!(
                "docbin export: the spaCy helper printed no counts:\n{}",
                stderr.trim()
            ))
        })?;
    let summary = summary_path(out);
    std::fs::rename(&tmp_summary, &summary).map_err(|e| Error::io(&summary, e))?;
    std::fs::rename(&tmp_out, out).map_err(|e| Error::io(out, e))?;
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_sits_beside_the_docbin() {
        assert_eq!(
            summary_path(Path::new("x/corpus.spacy")),
            PathBuf::from("x/corpus.spacy.json")
        );
    }

    #[test]
    fn a_missing_python_is_a_usage_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let pred = dir.path().join("a.jsonl");
        std::fs::write(&pred, "").unwrap();
        let opts = DocbinOptions {
            python: Some(dir.path().join("no-such-python")),
            lang: None,
        };
        let err = write_file(&pred, &dir.path().join("corpus.spacy"), &opts)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no-such-python"), "{err}");
        assert!(err.contains("two steps"), "{err}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "nothing left behind"
        );
    }
}
