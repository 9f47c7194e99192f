//! `conll` export: the CoNLL-2003 layout, four space-separated columns per token
//! (`token POS chunk NER`), a blank line after each sentence, and a `-DOCSTART- -X- -X- O` line
//! (plus a blank line) opening each document.
//!
//! newstag tags no parts of speech or chunks: those columns hold the placeholder `_` on token
//! lines and `-X-` on the `-DOCSTART-` line, as in the CoNLL-2003 files, so readers that expect
//! four columns (Hugging Face `conll2003`, flair `ColumnCorpus`, AllenNLP) read the file and take
//! the NER tag from the last column. The record id follows the `-DOCSTART-` line's four columns as
//! a comment, `# id = <record id>` (readers recognise that line by its first column and skip it
//! whole; whitespace and control characters in the id become `_`).
//!
//! Sentences are [`super::sentences`] (abbreviation-aware, never broken inside an entity);
//! tokens are Unicode word boundaries (UAX #29) with whitespace dropped, and split again wherever
//! an entity starts or ends inside one, so every entity is a whole number of tokens and the tags
//! give back its exact text. NER tags are IOB2: `B-LABEL` on an entity's first token, `I-LABEL` on
//! the rest, `O` elsewhere; labels have whitespace replaced by `_` so lines split cleanly.
//! Documents come in the order of `annotations.jsonl` (sorted by id).

use std::io::Write;
use std::path::Path;

use unicode_segmentation::UnicodeSegmentation;

use super::{for_each_document, no_space, sentences, write_err, Summary};
use crate::document::Document;
use crate::error::Result;
use crate::text::{CharIndex, CharSpan, TextSpan};

/// The document separator of CoNLL-2003 (its four columns; the id comment follows it).
pub const DOCSTART: &str = "-DOCSTART- -X- -X- O";

/// The POS and chunk columns of a token line: newstag tags neither.
pub const NO_TAG: &str = "_";

/// One token: its code point range in `text` and its IOB2 tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Code point span in the document text.
    pub range: CharSpan,
    /// `O`, `B-LABEL` or `I-LABEL`.
    pub tag: String,
}

/// Writes the export of every document in `pred` to `w`.
pub fn write(pred: &Path, w: &mut dyn Write) -> Result<Summary> {
    let mut records = 0;
    let documents = for_each_document(pred, |doc| {
        writeln!(w, "{DOCSTART} # id = {}\n", no_space(&doc.id)).map_err(write_err)?;
        let idx = CharIndex::new(&doc.text);
        for sentence in tokenize(&doc) {
            for t in &sentence {
                let token = &doc.text[idx.text_span(t.range).range()];
                writeln!(w, "{token} {NO_TAG} {NO_TAG} {}", t.tag).map_err(write_err)?;
            }
            records += sentence.len();
            w.write_all(b"\n").map_err(write_err)?;
        }
        Ok(())
    })?;
    Ok(Summary {
        documents,
        records,
        ..Summary::default()
    })
}

/// The tagged tokens of one document, sentence by sentence (empty sentences left out).
pub fn tokenize(doc: &Document) -> Vec<Vec<Token>> {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    // Entity boundaries, sorted, to split tokens at.
    let mut cuts: Vec<usize> = doc.entities.iter().flat_map(|e| [e.start, e.end]).collect();
    cuts.sort_unstable();
    let mut entity = doc.entities.iter().peekable();
    let mut out = Vec::new();
    for s in sentences(text, &doc.entities) {
        let bytes = idx.text_span(s);
        let mut tokens = Vec::new();
        for (b, word) in text[bytes.range()].split_word_bound_indices() {
            // Runs of non-whitespace inside the word segment.
            let mut run: Option<usize> = None;
            let base = bytes.start + b;
            for (i, c) in word
                .char_indices()
                .chain(std::iter::once((word.len(), ' ')))
            {
                match (c.is_whitespace(), run) {
                    (false, None) => run = Some(i),
                    (true, Some(r)) => {
                        let span = idx.char_span(TextSpan::new(base + r, base + i));
                        split_at_cuts(span, &cuts, &mut tokens);
                        run = None;
                    }
                    _ => {}
                }
            }
        }
        let tagged: Vec<Token> = tokens
            .into_iter()
            .map(|range| {
                while entity.peek().is_some_and(|e| e.end <= range.start) {
                    entity.next();
                }
                let tag = match entity.peek() {
                    Some(e) if e.start <= range.start && range.start < e.end => {
                        let bi = if e.start == range.start { "B" } else { "I" };
                        format!("{bi}-{}", no_space(&e.label))
                    }
                    _ => "O".to_string(),
                };
                Token { range, tag }
            })
            .collect();
        if !tagged.is_empty() {
            out.push(tagged);
        }
    }
    out
}

fn split_at_cuts(r: CharSpan, cuts: &[usize], out: &mut Vec<CharSpan>) {
    let mut start = r.start;
    let first = cuts.partition_point(|&c| c <= r.start);
    for &c in cuts[first..].iter().take_while(|&&c| c < r.end) {
        if c > start {
            out.push(CharSpan::new(start, c));
            start = c;
        }
    }
    out.push(CharSpan::new(start, r.end));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::fixtures::{document, entity};

    fn doc(text: &str, ents: &[(usize, usize, &str)]) -> Document {
        let entities = ents
            .iter()
            .map(|&(s, e, label)| entity(text, s, e, label, "x"));
        document(text, entities.collect())
    }

    fn lines(d: &Document) -> Vec<Vec<String>> {
        tokenize(d)
            .iter()
            .map(|s| {
                s.iter()
                    .map(|t| {
                        let tok: String = d
                            .text
                            .chars()
                            .skip(t.range.start)
                            .take(t.range.len())
                            .collect();
                        format!("{tok} {}", t.tag)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn tagging_cases() {
        let cases: Vec<(&str, Document, Vec<Vec<&str>>)> = vec![
            (
                "multi-token entity",
                doc(
                    "Ilham Aliyev left Baku.",
                    &[(0, 12, "PER"), (18, 22, "LOC")],
                ),
                vec![vec![
                    "Ilham B-PER",
                    "Aliyev I-PER",
                    "left O",
                    "Baku B-LOC",
                    ". O",
                ]],
            ),
            (
                "entity boundary inside a word token",
                doc("Baku's mayor", &[(0, 4, "LOC")]),
                vec![vec!["Baku B-LOC", "'s O", "mayor O"]],
            ),
            (
                "entity starts inside a word",
                doc("pro-Moscow", &[(4, 10, "LOC")]),
                vec![vec!["pro O", "- O", "Moscow B-LOC"]],
            ),
            (
                "cyrillic and two sentences",
                doc(
                    "Москва ответила. Баку молчит.",
                    &[(0, 6, "LOC"), (17, 21, "LOC")],
                ),
                vec![
                    vec!["Москва B-LOC", "ответила O", ". O"],
                    vec!["Баку B-LOC", "молчит O", ". O"],
                ],
            ),
            (
                "label with a space",
                doc("See Rome", &[(4, 8, "MY LABEL")]),
                vec![vec!["See O", "Rome B-MY_LABEL"]],
            ),
            ("empty text", doc("", &[]), vec![]),
        ];
        for (name, d, want) in cases {
            assert_eq!(lines(&d), want, "case {name}");
        }
    }
}
