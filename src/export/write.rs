//! Writing exports: files written aside and renamed into place (an interrupted export leaves the
//! previous one intact), typed write errors, and the cell policies of the text formats.
//!
//! CSV cells are neutralised against formula injection as OWASP recommends: a text cell that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or a full-width `＝ ＋ － ＠`) gets a
//! single quote in front, so a spreadsheet shows it as text and never runs it ([`csv_cell`]).
//! Labels and ids in whitespace-separated formats have their whitespace replaced (`no_space`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `path` through `fill` into a file beside it, then renames it into place.
pub fn write_atomic<T>(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
    let tmp = aside(path);
    let file = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let mut w = BufWriter::with_capacity(1 << 16, file);
    let done = fill(&mut w).and_then(|t| {
        let f = w
            .into_inner()
            .map_err(|e| Error::io(&tmp, e.into_error()))?;
        f.sync_all().map_err(|e| Error::io(&tmp, e))?;
        Ok(t)
    });
    match done {
        Ok(t) => {
            std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
            Ok(t)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// A private name beside `path` for writing aside.
pub(crate) fn aside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// A text cell for a CSV export, neutralised against formula injection (OWASP "CSV
/// Injection"): a cell a spreadsheet would take for a formula gets a leading `'`. Numbers written
/// by the exports themselves never go through here.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    const TRIGGERS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    match s.chars().next() {
        Some(c) if TRIGGERS.contains(&c) => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// Maps a CSV writer error to a typed error, keeping the I/O error (a broken pipe stays one).
pub(crate) fn csv_err(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => write_err(io),
        other => write_err(std::io::Error::other(format!("{other:?}"))),
    }
}

/// Maps an I/O error while writing an export to a typed error.
pub(crate) fn write_err(e: std::io::Error) -> Error {
    Error::io("<export>", e)
}

/// Quotes nothing: labels and ids go into formats that split on whitespace; this replaces
/// whitespace and control characters with `_`.
pub(crate) fn no_space(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_start_a_formula_are_neutralised() {
        let cases = [
            (
                "equals",
                "=HYPERLINK(\"http://x\")",
                "'=HYPERLINK(\"http://x\")",
            ),
            ("plus", "+1+1", "'+1+1"),
            ("minus", "-2+3", "'-2+3"),
            ("at", "@SUM(A1)", "'@SUM(A1)"),
            ("tab", "\t=1", "'\t=1"),
            ("carriage return", "\r=1", "'\r=1"),
            ("full-width equals", "＝1+1", "'＝1+1"),
            ("plain name", "Ilham Aliyev", "Ilham Aliyev"),
            ("inner equals", "a=b", "a=b"),
            ("empty", "", ""),
            ("quote kept", "'quoted", "'quoted"),
        ];
        for (name, cell, want) in cases {
            assert_eq!(csv_cell(cell), want, "case {name}");
        }
    }
}
