//! `entities` export: a CSV table with one row per canonical entity.
//!
//! Columns: `id`, `name`, `label`, `mentions` (tagged mentions in the corpus), `documents`
//! (documents mentioning it), `first_seen` (id of the first document, in `annotations.jsonl`
//! order, that mentions it). An id tagged under two labels gets one row per label. Rows are
//! sorted by mentions (most first), then documents (most first), then id and label, so the
//! table reads top-down and is byte-identical for the same annotations.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use super::{csv_cell, csv_err, for_each_document, write_err, Summary};
use crate::document::Document;
use crate::error::Result;

/// The corpus-wide counts of one canonical entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Canonical id.
    pub id: String,
    /// Canonical name (as given by the first mention).
    pub name: String,
    /// Label.
    pub label: String,
    /// Mentions.
    pub mentions: usize,
    /// Documents mentioning it.
    pub documents: usize,
    /// Id of the first document mentioning it.
    pub first_seen: String,
}

/// Accumulates entity counts document by document.
#[derive(Clone, Debug, Default)]
pub struct Counter {
    rows: BTreeMap<(String, String), Row>,
}

impl Counter {
    /// Counts the mentions of one document.
    pub fn add(&mut self, doc: &Document) {
        let mut seen = BTreeSet::new();
        for e in &doc.entities {
            let key = (e.id.clone(), e.label.clone());
            let row = self.rows.entry(key.clone()).or_insert_with(|| Row {
                id: e.id.clone(),
                name: e.name.clone(),
                label: e.label.clone(),
                mentions: 0,
                documents: 0,
                first_seen: doc.id.clone(),
            });
            row.mentions += 1;
            if seen.insert(key) {
                row.documents += 1;
            }
        }
    }

    /// The rows in table order.
    pub fn rows(self) -> Vec<Row> {
        let mut rows: Vec<Row> = self.rows.into_values().collect();
        rows.sort_by(|a, b| {
            (b.mentions, b.documents)
                .cmp(&(a.mentions, a.documents))
                .then_with(|| (&a.id, &a.label).cmp(&(&b.id, &b.label)))
        });
        rows
    }
}

/// Counts every canonical entity of `pred`, in table order.
pub fn table(pred: &Path) -> Result<(usize, Vec<Row>)> {
    let mut counter = Counter::default();
    let n = for_each_document(pred, |doc| {
        counter.add(&doc);
        Ok(())
    })?;
    Ok((n, counter.rows()))
}

/// Writes the table for `pred` to `w`.
pub fn write(pred: &Path, w: &mut dyn Write) -> Result<Summary> {
    let (documents, rows) = table(pred)?;
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record(["id", "name", "label", "mentions", "documents", "first_seen"])
        .map_err(csv_err)?;
    for r in &rows {
        csv.write_record([
            &*csv_cell(&r.id),
            &csv_cell(&r.name),
            &csv_cell(&r.label),
            &r.mentions.to_string(),
            &r.documents.to_string(),
            &csv_cell(&r.first_seen),
        ])
        .map_err(csv_err)?;
    }
    csv.flush().map_err(write_err)?;
    Ok(Summary {
        documents,
        records: rows.len(),
        ..Summary::default()
    })
}
