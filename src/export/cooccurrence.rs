//! `cooccurrence` export: a CSV edge list of canonical entities mentioned in the same window.
//!
//! The window is a sentence ([`super::sentences`], the default) or a paragraph
//! ([`super::paragraphs`]). Each window contributes one to the `weight` of every unordered pair
//! of distinct entity ids in it, however often each is mentioned there; `documents` counts the
//! documents where the pair co-occurs at least once. Columns: `source`, `target` (ids,
//! `source < target`), `source_label`, `target_label` (the label an id was first seen with),
//! `weight`, `documents`. Rows are sorted by weight (highest first), then source and target.
//! networkx: `nx.from_pandas_edgelist(df, "source", "target", edge_attr=["weight"])`; Gephi:
//! import the spreadsheet as an edge table, graph type undirected.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use super::{
    csv_cell, csv_err, for_each_document, paragraphs, sentences, write_err, Summary, Window,
};
use crate::document::Document;
use crate::error::Result;
use crate::text::CharSpan;

/// One undirected edge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edge {
    /// Windows in which both entities are mentioned.
    pub weight: usize,
    /// Documents in which both are mentioned in one window.
    pub documents: usize,
}

/// The edges of `pred`, keyed by `(source, target)` ids with `source < target`, and the label
/// of every id.
pub type Graph = (BTreeMap<(String, String), Edge>, BTreeMap<String, String>);

/// Builds the co-occurrence graph of `pred`.
pub fn graph(pred: &Path, window: Window) -> Result<(usize, Graph)> {
    let mut edges: BTreeMap<(String, String), Edge> = BTreeMap::new();
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    let n = for_each_document(pred, |doc| {
        for e in &doc.entities {
            labels
                .entry(e.id.clone())
                .or_insert_with(|| e.label.clone());
        }
        let mut in_doc = BTreeSet::new();
        for ids in windows(&doc, window) {
            let ids: Vec<&String> = ids.into_iter().collect();
            for (i, a) in ids.iter().enumerate() {
                for b in &ids[i + 1..] {
                    let key = ((*a).clone(), (*b).clone());
                    edges.entry(key.clone()).or_default().weight += 1;
                    if in_doc.insert(key.clone()) {
                        edges.get_mut(&key).expect("inserted").documents += 1;
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok((n, (edges, labels)))
}

/// The distinct entity ids of each window of `doc`, sorted.
fn windows(doc: &Document, window: Window) -> Vec<BTreeSet<&String>> {
    let ranges: Vec<CharSpan> = match window {
        Window::Sentence => sentences(&doc.text, &doc.entities),
        Window::Paragraph => paragraphs(&doc.text),
    };
    let mut out = Vec::new();
    let mut ents = doc.entities.iter().peekable();
    for r in ranges {
        let mut ids = BTreeSet::new();
        while let Some(e) = ents.peek() {
            if e.start >= r.end {
                break;
            }
            if e.start >= r.start {
                ids.insert(&e.id);
            }
            ents.next();
        }
        if ids.len() > 1 {
            out.push(ids);
        }
    }
    out
}

/// Writes the edge list of `pred` to `w`.
pub fn write(pred: &Path, window: Window, w: &mut dyn Write) -> Result<Summary> {
    let (documents, (edges, labels)) = graph(pred, window)?;
    let mut rows: Vec<(&(String, String), &Edge)> = edges.iter().collect();
    rows.sort_by(|a, b| b.1.weight.cmp(&a.1.weight).then_with(|| a.0.cmp(b.0)));
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record([
        "source",
        "target",
        "source_label",
        "target_label",
        "weight",
        "documents",
    ])
    .map_err(csv_err)?;
    let label = |id: &String| labels.get(id).cloned().unwrap_or_default();
    for ((a, b), e) in &rows {
        csv.write_record([
            &*csv_cell(a),
            &csv_cell(b),
            &csv_cell(&label(a)),
            &csv_cell(&label(b)),
            &e.weight.to_string(),
            &e.documents.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::fixtures::{document, entity};

    fn doc(text: &str, ents: &[(usize, usize, &str)]) -> Document {
        let entities = ents.iter().map(|&(s, e, id)| entity(text, s, e, "LOC", id));
        document(text, entities.collect())
    }

    #[test]
    fn window_cases() {
        let text = "Baku and Moscow. Paris now.\n\nRome and Baku.";
        let d = doc(
            text,
            &[
                (0, 4, "b"),
                (9, 15, "m"),
                (17, 22, "p"),
                (29, 33, "r"),
                (38, 42, "b"),
            ],
        );
        let ids = |w| -> Vec<Vec<&str>> {
            windows(&d, w)
                .into_iter()
                .map(|s| s.into_iter().map(|x| x.as_str()).collect())
                .collect()
        };
        assert_eq!(
            ids(Window::Sentence),
            vec![vec!["b", "m"], vec!["b", "r"]],
            "sentence"
        );
        assert_eq!(
            ids(Window::Paragraph),
            vec![vec!["b", "m", "p"], vec!["b", "r"]],
            "paragraph"
        );
        let same = doc("Baku, Baku.", &[(0, 4, "b"), (6, 10, "b")]);
        assert!(
            windows(&same, Window::Sentence).is_empty(),
            "self pairs are not edges"
        );
    }
}
