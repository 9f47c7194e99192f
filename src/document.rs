//! Plain data flowing between the stages and into the output: no logic here, and no import of
//! another module of the crate (a leaf every stage may use). [`Input::file`], which names a path
//! the way ids are named, lives with the walk in [`crate::input`].

use serde::{Deserialize, Serialize};

/// One input document as read from disk (or from a `stream` line).
#[derive(Clone, Debug)]
pub struct Input {
    /// The record id (see the contract: path relative to its input folder, `/`-separated, with
    /// non-UTF-8 bytes escaped by [`crate::input::escape_path`]).
    pub id: String,
    /// The path the file was read from, escaped by [`crate::input::escape_path`] (lossless).
    pub source: String,
    /// The path to open.
    pub path: std::path::PathBuf,
    /// For an input that can be read only once (a pipe given on the command line): its bytes,
    /// or why they could not be read, kept from the first read for the rest of the run.
    pub once: Option<std::sync::Arc<ReadOnce>>,
}

/// The one read of an input that can be read only once: its bytes, or why they could not be read.
pub type ReadOnce = std::sync::OnceLock<Result<Vec<u8>, DocError>>;

impl Input {
    /// The same input, read once and kept (see [`Input::once`]).
    pub fn read_once(mut self) -> Input {
        self.once = Some(Default::default());
        self
    }
}

/// The detected language of a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-3 code (`eng`, `rus`, `aze`, ...), or `und` when nothing could be detected.
    pub code: String,
    /// whatlang's confidence, 0..1, rounded to 3 decimals so the output is stable.
    pub confidence: f64,
    /// whatlang's reliability verdict.
    pub reliable: bool,
}

impl Language {
    /// The value for a document whose language could not be detected.
    pub fn undetermined() -> Language {
        Language {
            code: "und".into(),
            confidence: 0.0,
            reliable: false,
        }
    }
}

/// What the boilerplate told about the article: every key in every record, `null` when not
/// found (one schema for all records: `schema/annotation.schema.json`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The headline.
    #[serde(default)]
    pub title: Option<String>,
    /// The byline line as written ("By X in Y, July 2, 2025").
    #[serde(default)]
    pub byline: Option<String>,
    /// The author(s) named in the byline.
    #[serde(default)]
    pub author: Option<String>,
    /// ISO 8601 date parsed from a byline or timestamp line.
    #[serde(default)]
    pub published: Option<String>,
    /// A dateline opening the body ("BAKU, Azerbaijan (AP)").
    #[serde(default)]
    pub dateline: Option<String>,
    /// The site or outlet name, when the page says it clearly ([`crate::boilerplate::site`]).
    #[serde(default)]
    pub site: Option<String>,
}

/// One tagged mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Code point offset into `text` (inclusive).
    pub start: usize,
    /// Code point offset into `text` (exclusive).
    pub end: usize,
    /// The mention as it stands in `text`.
    pub text: String,
    /// The lexicon's (or rule's) label: `PER`, `LOC`, `ORG`, or a user label.
    pub label: String,
    /// Canonical entity id (`geonames:587084`, `per:ilham-aliyev`), written as `kb_id` (spaCy's
    /// name; a record's own `id` is its document id). Records written before the rename, with
    /// `id`, still read: every reader of annotations deserializes through this type.
    #[serde(rename = "kb_id", alias = "id")]
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// Config name of the lexicon (or `rule:<name>`) that produced the mention.
    pub lexicon: String,
    /// What decided the link to `id`: `unique`, `context:document`, `priority`, `rule` or
    /// `chain` (see [`crate::gazetteer::resolved`]).
    #[serde(default)]
    pub resolved_by: String,
    /// Byte offset into the raw file (inclusive).
    pub raw_start: usize,
    /// Byte offset into the raw file (exclusive).
    pub raw_end: usize,
}

/// One removed boilerplate segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Removal {
    /// Name of the configured rule or built-in heuristic that removed it.
    pub rule: String,
    /// Code point offset into `text` where the segment was cut (with `--keep-boilerplate`, where
    /// it starts). Always written; `None` only when reading a record of schema 2 or older.
    #[serde(default)]
    pub at: Option<usize>,
    /// Code point offset into `text` where the kept segment starts (`--keep-boilerplate`);
    /// `null` when the segment is not in `text`.
    #[serde(default)]
    pub start: Option<usize>,
    /// Code point offset into `text` where the kept segment ends (exclusive); `null` when the
    /// segment is not in `text`.
    #[serde(default)]
    pub end: Option<usize>,
    /// Byte offset into the raw file (inclusive).
    pub raw_start: usize,
    /// Byte offset into the raw file (exclusive).
    pub raw_end: usize,
    /// The removed raw text, decoded.
    pub text: String,
}

/// A fully annotated document: one line of `annotations.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Record id.
    pub id: String,
    /// Path the file was read from.
    pub source: String,
    /// Hex SHA-256 of the raw bytes.
    pub sha256: String,
    /// Encoding the raw bytes were decoded from.
    pub encoding: String,
    /// Detected language.
    pub lang: Language,
    /// Metadata recognised in the boilerplate.
    pub meta: Meta,
    /// Normalized article text with boilerplate removed.
    pub text: String,
    /// Mentions, sorted by `start`, non-overlapping.
    pub entities: Vec<Entity>,
    /// Removed boilerplate segments, in raw order.
    pub removed: Vec<Removal>,
    /// Repairs and doubts; always present, `[]` when there are none.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// The kinds of per-document failure (`errors.jsonl` `error.kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file could not be read.
    Io,
    /// The bytes are not text (NUL bytes, mostly control characters).
    Binary,
    /// The bytes could not be decoded.
    Decode,
    /// The file is larger than `max_doc_bytes`.
    TooLarge,
    /// The file is empty or whitespace only.
    Empty,
    /// Two inputs got the same id.
    DuplicateId,
    /// The file was reached again by another path (nested input folders, a link): it is
    /// annotated under its first path.
    DuplicateFile,
    /// A `stream` line that is not a JSON object with a string `text`.
    BadInput,
}

/// Why one document could not be annotated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocError {
    /// The error class.
    pub kind: ErrorKind,
    /// A human-readable message naming the file.
    pub message: String,
}

/// One line of `errors.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Record id.
    pub id: String,
    /// Path the file was read from.
    pub source: String,
    /// What went wrong.
    pub error: DocError,
}

/// Records built in a line, for the tests of the modules that read them (export, report).
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{Document, Entity, Language, Meta};

    /// An entity over code points `start..end` of `text`, with `label` and `id` (also its name).
    pub(crate) fn entity(text: &str, start: usize, end: usize, label: &str, id: &str) -> Entity {
        Entity {
            start,
            end,
            text: text.chars().skip(start).take(end - start).collect(),
            label: label.into(),
            id: id.into(),
            name: id.into(),
            lexicon: "t".into(),
            resolved_by: "unique".into(),
            raw_start: 0,
            raw_end: 0,
        }
    }

    /// Document `d` of `text` with `entities`, nothing removed.
    pub(crate) fn document(text: &str, entities: Vec<Entity>) -> Document {
        Document {
            id: "d".into(),
            source: "d".into(),
            sha256: String::new(),
            encoding: "UTF-8".into(),
            lang: Language::undetermined(),
            meta: Meta::default(),
            text: text.into(),
            entities,
            removed: vec![],
            warnings: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities are written with `kb_id`; records of schema 1 (`id`) still read.
    #[test]
    fn entity_kb_id_is_written_and_the_old_id_still_read() {
        let base = r#""start":0,"end":4,"text":"Baku","label":"LOC","name":"Baku","lexicon":"places","raw_start":0,"raw_end":4"#;
        for (name, key) in [("schema 2", "kb_id"), ("schema 1", "id")] {
            let e: Entity =
                serde_json::from_str(&format!(r#"{{{base},"{key}":"geonames:587084"}}"#))
                    .unwrap_or_else(|err| panic!("case {name}: {err}"));
            assert_eq!(e.id, "geonames:587084", "case {name}");
            let written = serde_json::to_value(&e).unwrap();
            assert_eq!(written["kb_id"], "geonames:587084", "case {name}");
            assert!(written.get("id").is_none(), "case {name}");
        }
    }
}
