//! `newstag report`: one self-contained HTML page to look at a corpus before trusting it.
//!
//! Derived from `annotations.jsonl` alone, in two passes over the file (memory stays bounded by
//! one record plus the entity table and index): the first counts (documents, languages, entities
//! per label, top entities, removed segments) and builds the contents (id, title, entity count)
//! and the entity index (entity -> the shown documents that mention it), the second renders each
//! document. The page is one self-contained file: inline CSS, one inline script, no fonts and no
//! network references; bars are drawn with CSS widths.
//!
//! This module holds the two passes and the page frame; `summary` draws the summary, the
//! contents and the entity index; `document` draws each document and places its removed
//! boilerplate.
//!
//! The script ([`SCRIPT`], `report.js`) only adds navigation to what the HTML already holds, so
//! the page reads in full without it: a search box that filters documents (by id, title, text,
//! entity names and ids) and the entity index, and pages of [`PAGE_SIZE`] documents (contents
//! and documents), so a report of thousands of documents is not one wall; following a link to a
//! document on another page turns to that page.

mod document;
mod summary;

pub use document::{esc, place_removals, Placement};

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::export::entities::Counter;
use crate::export::{for_each_document, write_err};

use document::document_section;
use summary::{summary_section, Palette};

/// What the report shows.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// Name of the annotations file shown in the page header.
    pub source_name: String,
    /// Documents rendered in full (the summary always counts all of them).
    pub max_docs: usize,
    /// Entities in the top-entities chart.
    pub top: usize,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            source_name: "annotations.jsonl".into(),
            max_docs: 1000,
            top: 20,
        }
    }
}

/// What a report holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSummary {
    /// Documents in the annotations file.
    pub documents: usize,
    /// Documents rendered (at most `max_docs`).
    pub shown: usize,
    /// Entity highlights rendered.
    pub highlights: usize,
}

/// Writes the report for `pred` to the file `out`, aside then renamed into place.
pub fn write_file(pred: &Path, out: &Path, opts: &ReportOptions) -> Result<ReportSummary> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    crate::export::write_atomic(out, |w| write(pred, w, opts))
}

/// Corpus-wide counts for the summary.
#[derive(Default)]
struct Stats {
    documents: usize,
    languages: BTreeMap<String, usize>,
    labels: BTreeMap<String, usize>,
    entities: Counter,
    removed: BTreeMap<String, usize>,
    warnings: usize,
    /// Id, title and entity count of each document shown, for the table of contents.
    contents: Vec<(String, Option<String>, usize)>,
    /// For each entity (id, label): its name and the numbers of the shown documents naming it.
    index: EntityIndex,
}

/// (entity id, label) -> (name, numbers of the shown documents naming it).
type EntityIndex = BTreeMap<(String, String), (String, Vec<usize>)>;

/// Documents per page of the report (the script shows one page at a time).
pub const PAGE_SIZE: usize = 100;

/// Links to documents listed per entity in the index; the rest are counted.
const INDEX_LINKS: usize = 50;

/// The page's script: search and paging over what the HTML holds.
pub const SCRIPT: &str = include_str!("report.js");

/// Writes the report for `pred` to `w`.
pub fn write(pred: &Path, w: &mut dyn Write, opts: &ReportOptions) -> Result<ReportSummary> {
    let mut stats = Stats::default();
    for_each_document(pred, |doc| {
        stats.documents += 1;
        *stats.languages.entry(doc.lang.code.clone()).or_default() += 1;
        for e in &doc.entities {
            *stats.labels.entry(e.label.clone()).or_default() += 1;
        }
        for r in &doc.removed {
            *stats.removed.entry(r.rule.clone()).or_default() += 1;
        }
        stats.warnings += usize::from(!doc.warnings.is_empty());
        stats.entities.add(&doc);
        if stats.contents.len() < opts.max_docs {
            stats
                .contents
                .push((doc.id.clone(), doc.meta.title.clone(), doc.entities.len()));
            let n = stats.contents.len();
            for e in &doc.entities {
                let (_, docs) = stats
                    .index
                    .entry((e.id.clone(), e.label.clone()))
                    .or_insert_with(|| (e.name.clone(), Vec::new()));
                if docs.last() != Some(&n) {
                    docs.push(n);
                }
            }
        }
        Ok(())
    })?;
    let labels: Vec<String> = stats.labels.keys().cloned().collect();
    let palette = Palette::new(&labels);
    let mut summary = ReportSummary {
        documents: stats.documents,
        ..ReportSummary::default()
    };
    let mut head = String::new();
    page_head(&mut head, opts, &palette);
    let shown = summary_section(&mut head, stats, opts, &palette);
    w.write_all(head.as_bytes()).map_err(write_err)?;
    let mut n = 0;
    for_each_document(pred, |doc| {
        n += 1;
        if n > opts.max_docs {
            return Ok(());
        }
        let mut html = String::new();
        summary.highlights += document_section(&mut html, n, &doc, &palette);
        summary.shown += 1;
        w.write_all(html.as_bytes()).map_err(write_err)
    })?;
    let mut tail = String::new();
    if shown < summary.documents {
        let _ = write!(
            tail,
            "<p class=\"more\">{} more documents not shown (raise <code>--max-docs</code>).</p>",
            summary.documents - shown
        );
    }
    let _ = write!(
        tail,
        "</main>\n<script>\n{}</script>\n</body>\n</html>\n",
        SCRIPT.replace("__PAGE_SIZE__", &PAGE_SIZE.to_string())
    );
    w.write_all(tail.as_bytes()).map_err(write_err)?;
    Ok(summary)
}

const CSS: &str = include_str!("report.css");

fn page_head(out: &mut String, opts: &ReportOptions, palette: &Palette) {
    let title = esc(&format!("newstag report: {}", opts.source_name));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{CSS}"
    );
    for (class, colour) in palette.classes.values() {
        let _ = writeln!(out, ".{class}{{background:{colour}}}");
    }
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
}
