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
//! spaCy and brat index by; the byte offsets Rust slices with are derived here through
//! [`CharOffsets`]. Files are written aside and renamed into place, so an interrupted export
//! leaves the previous one intact.
//!
//! CSV cells are neutralised against formula injection as OWASP recommends: a text cell that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or a full-width `＝ ＋ － ＠`) gets a
//! single quote in front, so a spreadsheet shows it as text and never runs it ([`csv_cell`]).

pub mod spacy;

pub mod docbin;

pub mod brat;

pub mod conll;

pub mod mentions;

pub mod entities;

pub mod cooccurrence;

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

use crate::document::{Document, Entity};
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

/// Calls `f` with every record of an `annotations.jsonl` file, in file order.
///
/// Blank lines are skipped; a line that is not an annotation record is a parse error naming the
/// file and line. Memory stays bounded by one record.
pub fn for_each_document(path: &Path, mut f: impl FnMut(Document) -> Result<()>) -> Result<usize> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let reader = BufReader::with_capacity(1 << 16, file);
    let mut n = 0;
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc = parse_record(&line).map_err(|e| {
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

/// Checks the offsets an export relies on: sorted, non-overlapping, inside `text`.
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
    Ok(())
}

/// Code point offsets to byte offsets and back, for one text.
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// `bytes[c]` is the byte offset of code point `c`; the last entry is the text length.
    bytes: Vec<usize>,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharOffsets { bytes }
    }

    /// Number of code points.
    pub fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Byte offset of code point `c` (clamped to the end).
    pub fn byte(&self, c: usize) -> usize {
        self.bytes[c.min(self.len())]
    }

    /// Code point offset of byte `b`, which must lie on a character boundary.
    pub fn char(&self, b: usize) -> usize {
        match self.bytes.binary_search(&b) {
            Ok(c) => c,
            Err(c) => c.saturating_sub(1),
        }
    }

    /// The code point range `r` as a byte range.
    pub fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        self.byte(r.start)..self.byte(r.end)
    }
}

/// Paragraphs of `text` as code point ranges: text between blank lines (`\n` followed by only
/// whitespace up to the next `\n`), trimmed of surrounding whitespace, empty ones left out.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let idx = CharOffsets::new(text);
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(idx.char(s + lead)..idx.char(e - trail));
        }
    };
    let mut line_start = 0;
    let mut prev_blank = false;
    for (i, _) in text
        .match_indices('\n')
        .chain(std::iter::once((text.len(), "")))
    {
        let blank = text[line_start..i].trim().is_empty();
        if blank && !prev_blank {
            push(start, line_start, &mut out);
        }
        if !blank && prev_blank {
            start = line_start;
        }
        prev_blank = blank;
        line_start = (i + 1).min(text.len());
    }
    if !prev_blank {
        push(start, text.len(), &mut out);
    }
    out
}

/// Sentences of `text` as code point ranges, trimmed, empty ones left out.
///
/// Unicode sentence boundaries (UAX #29) inside each paragraph, with lone line breaks read as
/// spaces (a hard-wrapped line is not a sentence end), no sentence boundary inside an entity
/// ("U.S. Army" stays one sentence), so every entity lies inside exactly one sentence, and none
/// after an abbreviation listed in `src/export/abbreviations.txt` ("Mr.", "U.S.", "т.е.", "им.")
/// or an initial ("J. Smith"). The list is data: add a line to teach the splitter a new one.
pub fn sentences(text: &str, entities: &[Entity]) -> Vec<Range<usize>> {
    let idx = CharOffsets::new(text);
    let mut out: Vec<Range<usize>> = Vec::new();
    for para in paragraphs(text) {
        let bytes = idx.bytes(&para);
        // Same length in bytes: offsets in `flat` are offsets in `text`.
        let flat = text[bytes.clone()].replace('\n', " ");
        let mut cuts: Vec<Range<usize>> = Vec::new();
        for (b, s) in flat.split_sentence_bound_indices() {
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            if lead + trail >= s.len() {
                continue;
            }
            let start = idx.char(bytes.start + b + lead);
            let end = idx.char(bytes.start + b + s.len() - trail);
            cuts.push(start..end);
        }
        // Merge a sentence into the previous one when an entity straddles their boundary or
        // the previous one ends with an abbreviation.
        for s in cuts {
            let joined = out.last().is_some_and(|prev| {
                prev.start >= para.start
                    && (entities
                        .iter()
                        .any(|e| e.start < prev.end.max(s.start) && e.end > prev.end.min(s.start))
                        || ends_with_abbreviation(&text[idx.bytes(prev)]))
            });
            match out.last_mut() {
                Some(prev) if joined => prev.end = s.end,
                _ => out.push(s),
            }
        }
    }
    out
}

/// The abbreviation list (`abbreviations.txt`): `(never ends a sentence, ends one only after a
/// number)`.
fn abbreviations() -> &'static (HashSet<&'static str>, HashSet<&'static str>) {
    static LIST: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut never = HashSet::new();
        let mut after_number = HashSet::new();
        for line in include_str!("abbreviations.txt").lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.strip_prefix('?') {
                Some(a) => after_number.insert(a),
                None => never.insert(line),
            };
        }
        (never, after_number)
    })
}

/// Whether a sentence candidate ends with an abbreviation that does not end a sentence there:
/// one of `abbreviations.txt`, or an initial (one capital letter and a period: "J.", "А.").
fn ends_with_abbreviation(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let word = last.trim_start_matches(|c: char| "([{\"'«“‘„".contains(c));
    let (never, after_number) = abbreviations();
    if never.contains(word) {
        return true;
    }
    if after_number.contains(word) {
        // "2020 г.", "1990-1995 гг.", "XX в.": a year or century, which may end the sentence.
        let number = |w: &str| {
            !w.is_empty()
                && (w.chars().all(|c| c.is_ascii_digit() || "-–".contains(c))
                    || w.chars().all(|c| "IVXLC".contains(c)))
        };
        return !words.next().is_some_and(number);
    }
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
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

    fn ent(start: usize, end: usize) -> Entity {
        Entity {
            start,
            end,
            text: String::new(),
            label: "LOC".into(),
            id: "x".into(),
            name: "x".into(),
            lexicon: "t".into(),
            resolved_by: "unique".into(),
            raw_start: 0,
            raw_end: 0,
        }
    }

    fn slices(text: &str, rs: &[Range<usize>]) -> Vec<String> {
        rs.iter()
            .map(|r| text.chars().skip(r.start).take(r.end - r.start).collect())
            .collect()
    }

    #[test]
    fn paragraph_cases() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("empty", "", &[]),
            ("one", "Hello world.", &["Hello world."]),
            ("two", "A b.\n\nC d.", &["A b.", "C d."]),
            ("lone newline stays", "A\nb.\n\n\n  \nC", &["A\nb.", "C"]),
            ("leading blank", "\n\nÄ é.\n\n", &["Ä é."]),
            ("spaces trimmed", "  x  \n \n y ", &["x", "y"]),
        ];
        for (name, text, want) in cases {
            assert_eq!(slices(text, &paragraphs(text)), *want, "case {name}");
        }
    }

    #[test]
    fn sentence_cases() {
        let cases: &[(&str, &str, Vec<Entity>, &[&str])] = &[
            (
                "two",
                "He came. She left.",
                vec![],
                &["He came.", "She left."],
            ),
            (
                "hard wrap is not a sentence end",
                "He came to\nBaku. Then left.",
                vec![],
                &["He came to\nBaku.", "Then left."],
            ),
            (
                "no break inside an entity",
                "He met the U.S. Army today.",
                vec![ent(11, 20)],
                &["He met the U.S. Army today."],
            ),
            (
                "title before a name",
                "Mr. Smith met Dr. Jones. They spoke.",
                vec![],
                &["Mr. Smith met Dr. Jones.", "They spoke."],
            ),
            (
                "acronym with periods, no entity",
                "The U.S. Senate voted. It passed.",
                vec![],
                &["The U.S. Senate voted.", "It passed."],
            ),
            (
                "initials",
                "J. K. Rowling wrote it. Fans (A. Smith) agreed.",
                vec![],
                &["J. K. Rowling wrote it.", "Fans (A. Smith) agreed."],
            ),
            (
                "saint and street",
                "They went to St. Petersburg. Then home.",
                vec![],
                &["They went to St. Petersburg.", "Then home."],
            ),
            (
                "russian abbreviations",
                "Это т.е. Москва. Парк им. Горького открыт. Жил в г. Баку.",
                vec![],
                &[
                    "Это т.е. Москва.",
                    "Парк им. Горького открыт.",
                    "Жил в г. Баку.",
                ],
            ),
            (
                "russian year abbreviation after a number ends a sentence",
                "Это было в 2020 г. Потом всё изменилось.",
                vec![],
                &["Это было в 2020 г.", "Потом всё изменилось."],
            ),
            (
                "russian initials",
                "Стихи написал А. С. Пушкин. Все знают.",
                vec![],
                &["Стихи написал А. С. Пушкин.", "Все знают."],
            ),
            (
                "unlisted abbreviation still splits",
                "Apples, pears etc. Then more.",
                vec![],
                &["Apples, pears etc.", "Then more."],
            ),
            (
                "a lowercase word is not an initial",
                "He said no. Then left.",
                vec![],
                &["He said no.", "Then left."],
            ),
            (
                "an abbreviation does not join paragraphs",
                "Ask Dr.\n\nNext one.",
                vec![],
                &["Ask Dr.", "Next one."],
            ),
            (
                "paragraphs always split",
                "Москва сказала\n\nБаку ответил",
                vec![],
                &["Москва сказала", "Баку ответил"],
            ),
        ];
        for (name, text, ents, want) in cases {
            assert_eq!(slices(text, &sentences(text, ents)), *want, "case {name}");
        }
    }

    #[test]
    fn char_offsets_round_trip() {
        let text = "aé😀b";
        let idx = CharOffsets::new(text);
        assert_eq!(idx.len(), 4);
        for c in 0..=4 {
            assert_eq!(idx.char(idx.byte(c)), c, "code point {c}");
        }
        assert_eq!(idx.bytes(&(1..3)), 1..7);
    }

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

    #[test]
    fn format_names_parse() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f), "format {}", f.name());
        }
        assert!("xml".parse::<Format>().is_err());
        assert_eq!("paragraph".parse::<Window>(), Ok(Window::Paragraph));
    }
}
