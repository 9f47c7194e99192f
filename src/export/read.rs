//! Reading `annotations.jsonl` for the exports and the report: one record at a time (memory
//! bounded by one record), every schema `newstag run` has written, and the offsets checked before
//! any export slices the text with them (a bad record is an error naming file and line, never a
//! panic or a silently wrong span).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::document::Document;
use crate::error::{Error, Result};

/// Calls `f` with every record of an `annotations.jsonl` file, in file order.
///
/// Blank lines are skipped, and a UTF-8 BOM before the first line (a file saved by a Windows
/// tool); a line that is not an annotation record is a parse error naming the file and line.
/// Memory stays bounded by one record.
pub fn for_each_document(path: &Path, mut f: impl FnMut(Document) -> Result<()>) -> Result<usize> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let reader = BufReader::with_capacity(1 << 16, file);
    let mut n = 0;
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        let line = if i == 0 {
            line.strip_prefix('\u{FEFF}').unwrap_or(&line)
        } else {
            &line
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc = parse_record(line).map_err(|e| {
            Error::parse(path, Some(i + 1), format!("not an annotation record: {e}"))
        })?;
        check(&doc).map_err(|m| Error::parse(path, Some(i + 1), m))?;
        f(doc)?;
        n += 1;
    }
    Ok(n)
}

/// Parses one annotation record, accepting every schema `newstag run` has written: the entity
/// id as `kb_id` (current) or `id` (older outputs), and optional keys (`meta` fields, `warnings`,
/// `removed`) missing or `null`.
pub fn parse_record(line: &str) -> serde_json::Result<Document> {
    use serde_json::Value;
    let mut v: Value = serde_json::from_str(line)?;
    if let Value::Object(rec) = &mut v {
        for key in ["entities", "removed", "warnings"] {
            let slot = rec.entry(key).or_insert(Value::Null);
            if slot.is_null() {
                *slot = Value::Array(Vec::new());
            }
        }
        let meta = rec.entry("meta").or_insert(Value::Null);
        if meta.is_null() {
            *meta = Value::Object(Default::default());
        }
        if let Some(Value::Array(ents)) = rec.get_mut("entities") {
            for e in ents {
                if let Value::Object(e) = e {
                    // NOTE: `kb_id` wins when a record carries both names.
                    if let Some(kb) = e.remove("kb_id") {
                        e.insert("id".into(), kb);
                    }
                }
            }
        }
    }
    serde_json::from_value(v)
}

/// Checks the offsets an export relies on: entities sorted, non-overlapping, inside `text`;
/// removed segments placed inside `text`.
fn check(doc: &Document) -> std::result::Result<(), String> {
    let len = doc.text.chars().count();
    let mut last = 0;
    for e in &doc.entities {
        if e.start > e.end || e.end > len || e.start < last {
            return Err(format!(
                "document {:?}: entity {:?} at {}..{} is out of order or outside the text ({len} code points)",
                doc.id, e.text, e.start, e.end
            ));
        }
        last = e.end;
    }
    for (k, r) in doc.removed.iter().enumerate() {
        let kept = match (r.start, r.end) {
            (None, None) => true,
            (Some(s), Some(e)) => s <= e && e <= len,
            _ => false,
        };
        if r.at.is_some_and(|at| at > len) || !kept {
            return Err(format!(
                "document {:?}: removed segment {k} at {:?} ({:?}..{:?}) is outside the text ({len} code points)",
                doc.id, r.at, r.start, r.end
            ));
        }
    }
    Ok(())
}
