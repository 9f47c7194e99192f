//! `brat` export: brat standoff, one `<name>.txt` and one `<name>.ann` per document.
//!
//! The `.txt` is the record's `text` as UTF-8; `.ann` has one `T` line per entity
//! (`T1<TAB>LABEL start end<TAB>text`) with brat's character offsets, which are code points of
//! the `.txt` (brat reads files with Python), so they are the records' `start`/`end` unchanged.
//! An entity that crosses a line break is written as a discontinuous span (`start end;start end`)
//! because brat does not allow newlines inside a fragment. Each `T` line is followed by an
//! `AnnotatorNotes` line (`#1<TAB>AnnotatorNotes T1<TAB>id | name`) carrying the canonical id.
//!
//! File names come from record ids: `.txt` dropped, every character outside `[A-Za-z0-9._-]`
//! (and a leading `.`) replaced with `_`; when that changed the id, the first 12 hex digits of the
//! id's SHA-256 are appended, so different ids never share a name and the same id always gets the
//! same one. `annotation.conf` lists the labels, so brat shows them without complaint.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{for_each_document, no_space, write_err, Summary};
use crate::digest::hex;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::text::{CharIndex, CharSpan};

/// Writes the export of every document in `pred` into the folder `dir`, replacing it whole.
pub fn write_dir(pred: &Path, dir: &Path) -> Result<Summary> {
    let staging = super::aside(dir);
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    }
    std::fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    let result = fill(pred, &staging);
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::rename(&staging, dir).map_err(|e| Error::io(dir, e))?;
    Ok(summary)
}

fn fill(pred: &Path, dir: &Path) -> Result<Summary> {
    let mut names = BTreeMap::<String, String>::new();
    let mut labels = BTreeSet::new();
    let mut records = 0;
    let documents = for_each_document(pred, |doc| {
        let name = file_name(&doc.id);
        if let Some(other) = names.insert(name.clone(), doc.id.clone()) {
            return Err(Error::Usage(format!(
                "{}: ids {other:?} and {:?} both map to the brat file name {name:?}",
                pred.display(),
                doc.id
            )));
        }
        labels.extend(doc.entities.iter().map(|e| no_space(&e.label)));
        records += doc.entities.len();
        let txt = dir.join(format!("{name}.txt"));
        std::fs::write(&txt, &doc.text).map_err(|e| Error::io(&txt, e))?;
        let ann = dir.join(format!("{name}.ann"));
        let mut buf = Vec::new();
        write_ann(&doc, &mut buf).map_err(write_err)?;
        std::fs::write(&ann, buf).map_err(|e| Error::io(&ann, e))
    })?;
    let conf = dir.join("annotation.conf");
    let mut text = String::from("[entities]\n");
    for l in &labels {
        text.push_str(l);
        text.push('\n');
    }
    text.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    std::fs::write(&conf, text).map_err(|e| Error::io(&conf, e))?;
    Ok(Summary {
        documents,
        records,
        ..Summary::default()
    })
}

/// Writes the `.ann` lines of one document.
pub fn write_ann(doc: &Document, w: &mut dyn Write) -> std::io::Result<()> {
    let idx = CharIndex::new(&doc.text);
    for (n, e) in doc.entities.iter().enumerate() {
        let t = n + 1;
        let bytes = idx.text_span(CharSpan::new(e.start, e.end));
        let mention = &doc.text[bytes.range()];
        // Fragments between line breaks, in code points.
        let mut frags = Vec::new();
        let mut start = e.start;
        let mut pos = e.start;
        for c in mention.chars() {
            if c == '\n' || c == '\r' {
                if pos > start {
                    frags.push((start, pos));
                }
                start = pos + 1;
            }
            pos += 1;
        }
        if pos > start {
            frags.push((start, pos));
        }
        if frags.is_empty() {
            continue;
        }
        let offsets: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let shown: Vec<String> = frags
            .iter()
            .map(|&(s, e)| doc.text[idx.text_span(CharSpan::new(s, e)).range()].to_string())
            .collect();
        writeln!(
            w,
            "T{t}\t{} {}\t{}",
            no_space(&e.label),
            offsets.join(";"),
            shown.join(" ")
        )?;
        writeln!(
            w,
            "#{t}\tAnnotatorNotes T{t}\t{} | {}",
            one_line(&e.id),
            one_line(&e.name)
        )?;
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The brat file name (without extension) for a record id.
pub fn file_name(id: &str) -> String {
    let stem = id.strip_suffix(".txt").unwrap_or(id);
    let mut name: String = stem
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let safe = c.is_ascii_alphanumeric() || c == '_' || c == '-' || (c == '.' && i > 0);
            if safe {
                c
            } else {
                '_'
            }
        })
        .take(120)
        .collect();
    if name.is_empty() || format!("{name}.txt") != id {
        name.push('-');
        name.push_str(&hex(&Sha256::digest(id.as_bytes()))[..12]);
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_cases() {
        let cases = [
            (
                "plain id keeps its name",
                "000_89ac.txt",
                "000_89ac".to_string(),
            ),
            (
                "slash",
                "a/b.txt",
                format!("a_b-{}", &hex(&Sha256::digest(b"a/b.txt"))[..12]),
            ),
            (
                "no extension",
                "a",
                format!("a-{}", &hex(&Sha256::digest(b"a"))[..12]),
            ),
            (
                "dot dot",
                "../x.txt",
                format!("_._x-{}", &hex(&Sha256::digest(b"../x.txt"))[..12]),
            ),
            (
                "empty",
                "",
                format!("-{}", &hex(&Sha256::digest(b""))[..12]),
            ),
        ];
        for (name, id, want) in cases {
            assert_eq!(file_name(id), want, "case {name}");
        }
        assert_ne!(
            file_name("a b.txt"),
            file_name("a_b.txt"),
            "sanitized ids stay distinct"
        );
    }
}
