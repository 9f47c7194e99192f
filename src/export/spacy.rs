//! `spacy` export: one JSON line per document, `{"text", "spans", "meta"}`.
//!
//! The shape Prodigy reads and spaCy's `Doc.char_span` takes: `spans[].start`/`end` are code
//! point offsets into `text` (Python `str` indices, end exclusive), `label` the entity label and
//! `kb_id` the canonical id, so `doc.char_span(s["start"], s["end"], label=s["label"],
//! kb_id=s["kb_id"])` rebuilds every entity. `meta` carries the record id (and the language)
//! so a span can be traced back to its document.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{for_each_document, write_err, Summary};
use crate::document::Document;
use crate::error::Result;

/// One line of the export.
#[derive(Serialize)]
struct Record<'a> {
    text: &'a str,
    spans: Vec<Span<'a>>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct Span<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    kb_id: &'a str,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    lang: &'a str,
}

/// Writes the export of every document in `pred` to `w`.
pub fn write(pred: &Path, w: &mut dyn Write) -> Result<Summary> {
    let mut records = 0;
    let documents = for_each_document(pred, |doc| {
        records += doc.entities.len();
        write_doc(&doc, w)
    })?;
    Ok(Summary {
        documents,
        records,
        ..Summary::default()
    })
}

fn write_doc(doc: &Document, w: &mut dyn Write) -> Result<()> {
    let record = Record {
        text: &doc.text,
        spans: doc
            .entities
            .iter()
            .map(|e| Span {
                start: e.start,
                end: e.end,
                label: &e.label,
                kb_id: &e.id,
            })
            .collect(),
        meta: Meta {
            id: &doc.id,
            lang: &doc.lang.code,
        },
    };
    serde_json::to_writer(&mut *w, &record).map_err(|e| write_err(e.into()))?;
    w.write_all(b"\n").map_err(write_err)
}
