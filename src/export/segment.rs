//! Text units of a record's `text`, as code point spans: paragraphs and sentences, the windows
//! of the co-occurrence export, the sentences of CoNLL and of the mentions table.
//!
//! Policy: a paragraph ends at a blank line; a sentence is a UAX #29 sentence inside one
//! paragraph, never ending inside an entity or after a listed abbreviation or an initial. Spans
//! are [`CharSpan`]s (code points, what the records' `start`/`end` count); bytes come from the
//! one [`CharIndex`].

use std::collections::HashSet;
use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

use crate::document::Entity;
use crate::text::{CharIndex, CharSpan, TextSpan};

/// Paragraphs of `text` as code point spans: text between blank lines (`\n` followed by only
/// whitespace up to the next `\n`), trimmed of surrounding whitespace, empty ones left out.
pub fn paragraphs(text: &str) -> Vec<CharSpan> {
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<CharSpan>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(idx.char_span(TextSpan::new(s + lead, e - trail)));
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

/// Sentences of `text` as code point spans, trimmed, empty ones left out.
///
/// Unicode sentence boundaries (UAX #29) inside each paragraph, with lone line breaks read as
/// spaces (a hard-wrapped line is not a sentence end), no sentence boundary inside an entity
/// ("U.S. Army" stays one sentence), so every entity lies inside exactly one sentence, and none
/// after an abbreviation listed in `src/export/abbreviations.txt` ("Mr.", "U.S.", "т.е.", "им.")
/// or an initial ("J. Smith"). The list is data: add a line to teach the splitter a new one.
pub fn sentences(text: &str, entities: &[Entity]) -> Vec<CharSpan> {
    let idx = CharIndex::new(text);
    let straddles = Straddles::new(entities);
    let mut out: Vec<CharSpan> = Vec::new();
    for para in paragraphs(text) {
        let bytes = idx.text_span(para);
        // Same length in bytes: offsets in `flat` are offsets in `text`.
        let flat = text[bytes.range()].replace('\n', " ");
        let mut cuts: Vec<CharSpan> = Vec::new();
        for (b, s) in flat.split_sentence_bound_indices() {
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            if lead + trail >= s.len() {
                continue;
            }
            let start = bytes.start + b + lead;
            let end = bytes.start + b + s.len() - trail;
            cuts.push(idx.char_span(TextSpan::new(start, end)));
        }
        // Merge a sentence into the previous one when an entity straddles their boundary or
        // the previous one ends with an abbreviation.
        for s in cuts {
            let joined = out.last().is_some_and(|prev| {
                prev.start >= para.start
                    && (straddles.any(prev.end.min(s.start), prev.end.max(s.start))
                        || ends_with_abbreviation(&text[idx.text_span(*prev).range()]))
            });
            match out.last_mut() {
                Some(prev) if joined => prev.end = s.end,
                _ => out.push(s),
            }
        }
    }
    out
}

/// The entities' spans sorted by start, with the largest end among each prefix: whether one
/// overlaps a gap is one binary search, so a document of many sentences and entities (a
/// megabyte-long line) is split in O(n log n), not in sentences times entities.
struct Straddles {
    starts: Vec<usize>,
    /// `max_end[k]`: the largest end of the first `k + 1` spans by start.
    max_end: Vec<usize>,
}

impl Straddles {
    fn new(entities: &[Entity]) -> Straddles {
        let mut spans: Vec<(usize, usize)> = entities.iter().map(|e| (e.start, e.end)).collect();
        spans.sort_unstable();
        let max_end = spans
            .iter()
            .scan(0, |m, &(_, end)| {
                *m = end.max(*m);
                Some(*m)
            })
            .collect();
        Straddles {
            starts: spans.into_iter().map(|(start, _)| start).collect(),
            max_end,
        }
    }

    /// Whether an entity starts before `hi` and ends after `lo` (it overlaps `lo..hi`, or holds
    /// the point when `lo == hi`).
    fn any(&self, lo: usize, hi: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < hi);
        k > 0 && self.max_end[k - 1] > lo
    }
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

    fn slices(text: &str, rs: &[CharSpan]) -> Vec<String> {
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

    proptest::proptest! {
        /// The binary search answers as the scan over every entity did.
        #[test]
        fn straddles_is_the_scan(
            spans in proptest::collection::vec((0usize..60, 0usize..8), 0..12),
            lo in 0usize..70,
            width in 0usize..10,
        ) {
            let entities: Vec<Entity> = spans.iter().map(|&(s, l)| ent(s, s + l)).collect();
            let hi = lo + width;
            let scan = entities.iter().any(|e| e.start < hi && e.end > lo);
            proptest::prop_assert_eq!(Straddles::new(&entities).any(lo, hi), scan);
        }
    }
}
