//! Exports: `annotations.jsonl` turned into the formats other tools read.
//!
//! Every export is derived from the JSONL alone, never from the inputs, so a corpus annotated
//! once can be exported again anywhere; [`parse_record`] reads every schema `newstag run` has
//! written (entity id as `kb_id` or `id`, optional keys missing or `null`). Each format is a leaf module with one `write` function:
//!
//! | format | module | writes | for |
//! | --- | --- | --- | --- |
//! | `spacy` | [`spacy`] | `spacy.jsonl`: `{"text", "spans", "meta"}` per document | spaCy `Doc.char_span`, Prodigy |
//! | `brat` | [`brat`] | `brat/<doc>.txt` + `brat/<doc>.ann`, `annotation.conf` | brat, INCEpTION |
//! | `docbin` | [`docbin`] | `corpus.spacy`: a spaCy DocBin, strict alignment, `corpus.spacy.json` summary | `spacy train`, `spacy debug data` |
//! | `conll` | [`conll`] | `corpus.conll`: CoNLL-2003 layout, `token _ _ IOB2` per line | CoNLL-2003 readers, flair, Hugging Face |
//! | `mentions` | [`mentions`] | `mentions.csv`: one row per mention | DuckDB, pandas, spreadsheets |
//! | `entities` | [`entities`] | `entities.csv`: one row per canonical entity | pandas, spreadsheets |
//! | `cooccurrence` | [`cooccurrence`] | `cooccurrence.csv`: weighted undirected edge list | networkx, Gephi |
//!
//! Offsets: the records' `start`/`end` are code points into `text`, which is what Python `str`,
//! spaCy and brat index by; the byte offsets Rust slices with come from the crate's one code point
//! index, [`crate::text::CharIndex`].
//!
//! Beside the formats: [`read`] reads and checks the records, [`segment`] cuts `text` into
//! paragraphs and sentences, [`write`](mod@write) writes files atomically and holds the cell policies (CSV
//! formula injection). This module only dispatches a [`Format`] to its writer.

pub mod spacy;

pub mod docbin;

pub mod brat;

pub mod conll;

pub mod mentions;

pub mod entities;

pub mod cooccurrence;

pub mod read;

pub mod segment;

pub mod write;

pub use read::{for_each_document, parse_record};
pub use segment::{paragraphs, sentences};
pub(crate) use write::{aside, csv_err, no_space, write_err};
pub use write::{csv_cell, write_atomic};

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// spaCy / Prodigy JSONL.
    Spacy,
    /// spaCy DocBin (`.spacy`), built by the Python helper.
    Docbin,
    /// brat standoff.
    Brat,
    /// CoNLL-2003 layout, IOB2.
    Conll,
    /// CSV table, one row per mention.
    Mentions,
    /// CSV table of canonical entities.
    Entities,
    /// CSV edge list of co-occurring entities.
    Cooccurrence,
}

impl Format {
    /// Every format, in documentation order.
    pub const ALL: [Format; 7] = [
        Format::Spacy,
        Format::Docbin,
        Format::Brat,
        Format::Conll,
        Format::Mentions,
        Format::Entities,
        Format::Cooccurrence,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Spacy => "spacy",
            Format::Docbin => "docbin",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Mentions => "mentions",
            Format::Entities => "entities",
            Format::Cooccurrence => "cooccurrence",
        }
    }

    /// The file (or, for brat, the folder) the format writes inside the output folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Spacy => "spacy.jsonl",
            Format::Docbin => "corpus.spacy",
            Format::Brat => "brat",
            Format::Conll => "corpus.conll",
            Format::Mentions => "mentions.csv",
            Format::Entities => "entities.csv",
            Format::Cooccurrence => "cooccurrence.csv",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown export format {s:?} (one of: {})", names.join(", "))
            })
    }
}

/// The text unit inside which two entities co-occur.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Window {
    /// A sentence (see [`sentences`]).
    #[default]
    Sentence,
    /// A paragraph (see [`paragraphs`]).
    Paragraph,
}

impl std::str::FromStr for Window {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Window, String> {
        match s {
            "sentence" => Ok(Window::Sentence),
            "paragraph" => Ok(Window::Paragraph),
            _ => Err(format!(
                "unknown window {s:?} (one of: sentence, paragraph)"
            )),
        }
    }
}

/// Where an export goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Standard output (single-file formats only).
    Stdout,
    /// A folder; the format's [`Format::file_name`] is created inside it.
    Dir(PathBuf),
}

impl Target {
    /// The default folder: `export/` beside the annotations file.
    pub fn default_for(pred: &Path) -> Target {
        let parent = pred.parent().unwrap_or(Path::new(""));
        Target::Dir(parent.join("export"))
    }
}

/// What `newstag export` was asked to do.
#[derive(Clone, Debug)]
pub struct ExportArgs {
    /// The format.
    pub format: Format,
    /// The annotations file to read.
    pub pred: PathBuf,
    /// Where to write.
    pub target: Target,
    /// Co-occurrence window (only for [`Format::Cooccurrence`]).
    pub window: Window,
    /// How [`Format::Docbin`] finds Python and tokenizes.
    pub docbin: docbin::DocbinOptions,
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents read.
    pub documents: usize,
    /// Records written: spans, entities, edges, mentions or tokens, depending on the format.
    pub records: usize,
    /// Spans left out because they do not align with the target's tokens (docbin only).
    pub dropped: usize,
    /// The file or folder written (`None` for standard output).
    pub path: Option<PathBuf>,
}

/// `newstag export`: reads the annotations and writes one format.
pub fn export(args: &ExportArgs) -> Result<Summary> {
    let pred = args.pred.as_path();
    let (path, summary) = match &args.target {
        Target::Stdout => {
            if matches!(args.format, Format::Brat | Format::Docbin) {
                return Err(Error::Usage(format!(
                    "{} writes {}: give --out DIR, not -",
                    args.format.name(),
                    if args.format == Format::Brat {
                        "one file pair per document"
                    } else {
                        "a binary file"
                    }
                )));
            }
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            let s = write_single(args, pred, &mut w)?;
            w.flush().map_err(|e| Error::io("<stdout>", e))?;
            (None, s)
        }
        Target::Dir(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            let path = dir.join(args.format.file_name());
            let s = if args.format == Format::Brat {
                brat::write_dir(pred, &path)?
            } else if args.format == Format::Docbin {
                docbin::write_file(pred, &path, &args.docbin)?
            } else {
                write_atomic(&path, |w| write_single(args, pred, w))?
            };
            (Some(path), s)
        }
    };
    Ok(Summary { path, ..summary })
}

fn write_single(args: &ExportArgs, pred: &Path, w: &mut dyn Write) -> Result<Summary> {
    match args.format {
        Format::Spacy => spacy::write(pred, w),
        Format::Conll => conll::write(pred, w),
        Format::Mentions => mentions::write(pred, w),
        Format::Entities => entities::write(pred, w),
        Format::Cooccurrence => cooccurrence::write(pred, args.window, w),
        Format::Brat | Format::Docbin => unreachable!("brat and docbin are written to a folder"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_parse() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f), "format {}", f.name());
        }
        assert!("xml".parse::<Format>().is_err());
        assert_eq!("paragraph".parse::<Window>(), Ok(Window::Paragraph));
    }
}
