//! `mentions` export: a CSV table with one row per tagged mention, the table analysts otherwise
//! rebuild by unnesting `entities` in DuckDB or pandas.
//!
//! Columns, in order:
//!
//! | column | meaning |
//! | --- | --- |
//! | `doc_id` | the record id |
//! | `sentence` | 0-based index of the sentence holding the mention ([`super::sentences`]) |
//! | `start`, `end` | code point offsets into the record's `text`, end exclusive |
//! | `text` | the mention as it stands in `text` |
//! | `label` | the entity label |
//! | `kb_id` | the canonical entity id |
//! | `name` | the canonical display name |
//! | `lexicon` | the lexicon's config name, or `rule:<name>` for a context rule |
//! | `source` | `lexicon` or `rule`: what found the mention |
//! | `lang` | the document's ISO 639-3 language code |
//! | `published` | the document's `meta.published` (ISO 8601), empty when unknown |
//! | `title` | the document's `meta.title`, empty when unknown |
//! | `raw_start`, `raw_end` | byte offsets into the raw file |
//!
//! The file is RFC 4180 CSV (header row, `,` separator, fields with quotes, commas or line
//! breaks quoted, quotes doubled, `\n` line ends), which DuckDB's `read_csv` and pandas read
//! with their defaults. Rows come in `annotations.jsonl` order, then by `start`, so the file is
//! byte-identical for the same annotations.
//!
//! NOTE: no Parquet writer: the `arrow` and `parquet` crates would roughly double the build's
//! dependency tree for one output; DuckDB turns the CSV into Parquet in one statement (README).

use std::io::Write;
use std::path::Path;

use super::{csv_cell, for_each_document, sentences, write_err, Summary};
use crate::document::Document;
use crate::error::Result;

/// The header row.
pub const COLUMNS: [&str; 15] = [
    "doc_id",
    "sentence",
    "start",
    "end",
    "text",
    "label",
    "kb_id",
    "name",
    "lexicon",
    "source",
    "lang",
    "published",
    "title",
    "raw_start",
    "raw_end",
];

/// The 0-based sentence index of each entity of `doc`, in entity order.
pub fn sentence_of_entities(doc: &Document) -> Vec<usize> {
    let sents = sentences(&doc.text, &doc.entities);
    let mut i = 0;
    doc.entities
        .iter()
        .map(|e| {
            // Sentences and entities are both sorted; every entity lies inside one sentence.
            while i + 1 < sents.len() && sents[i].end <= e.start {
                i += 1;
            }
            i
        })
        .collect()
}

/// Writes one row per mention of every document in `pred` to `w`.
pub fn write(pred: &Path, w: &mut dyn Write) -> Result<Summary> {
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(w);
    let io = |e: csv::Error| write_err(e.into());
    csv.write_record(COLUMNS).map_err(io)?;
    let mut records = 0;
    let documents = for_each_document(pred, |doc| {
        let published = doc.meta.published.as_deref().unwrap_or("");
        let title = doc.meta.title.as_deref().unwrap_or("");
        for (e, sentence) in doc.entities.iter().zip(sentence_of_entities(&doc)) {
            let source = if e.lexicon.starts_with("rule:") {
                "rule"
            } else {
                "lexicon"
            };
            // Text cells neutralised against formula injection; numbers are written as they are.
            csv.write_record([
                &*csv_cell(&doc.id),
                &sentence.to_string(),
                &e.start.to_string(),
                &e.end.to_string(),
                &*csv_cell(&e.text),
                &*csv_cell(&e.label),
                &*csv_cell(&e.id),
                &*csv_cell(&e.name),
                &*csv_cell(&e.lexicon),
                source,
                &*csv_cell(&doc.lang.code),
                &*csv_cell(published),
                &*csv_cell(title),
                &e.raw_start.to_string(),
                &e.raw_end.to_string(),
            ])
            .map_err(io)?;
            records += 1;
        }
        Ok(())
    })?;
    csv.flush().map_err(write_err)?;
    Ok(Summary {
        documents,
        records,
        ..Summary::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::fixtures::{document, entity};

    fn doc(text: &str, ents: &[(usize, usize)]) -> Document {
        let entities = ents.iter().map(|&(s, e)| entity(text, s, e, "PER", "x"));
        document(text, entities.collect())
    }

    #[test]
    fn sentence_index_cases() {
        let cases: &[(&str, Document, &[usize])] = &[
            ("no entities", doc("A b. C d.", &[]), &[]),
            (
                "title does not split",
                doc("Mr. Smith came. Jones left.", &[(4, 9), (16, 21)]),
                &[0, 1],
            ),
            (
                "paragraphs count",
                doc("Smith.\n\nOne. Two Jones.", &[(0, 5), (17, 22)]),
                &[0, 2],
            ),
            (
                "two in one sentence",
                doc("Smith met Jones.", &[(0, 5), (10, 15)]),
                &[0, 0],
            ),
        ];
        for (name, d, want) in cases {
            assert_eq!(sentence_of_entities(d), *want, "case {name}");
        }
    }
}
