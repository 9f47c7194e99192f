//! Rules by script and by paragraph: where an English rule file may run in a document whose
//! detected language is not English.
//!
//! whatlang reads the start of a document; a results table, a list of names or a quoted foreign
//! phrase can make it say French or German for an English article, and then no English rule ran.
//! Policy: a rule file whose `languages` include English (`eng`) also runs on the Latin-script
//! paragraphs of such a document when they are English-like, and only there:
//! * a paragraph is a run of lines between blank lines;
//! * it is Latin-script when at least 80 % of its letters are Latin;
//! * it is English-like when English function words ("the", "of", "said", ...) make at least
//!   8 % of its words, or when it has none of the function words of the other Latin-script
//!   languages whatlang confuses with English (French, German, Spanish, Dutch, ...) and the whole
//!   document is English-like (a table row "Tim Henman (Britain) beat Doug Flach (U.S.) 6-3"
//!   in an English article): English function words are 8 % of its words, or it has at least
//!   two of them and no foreign one (a page of results tables).
//!
//! A document in a non-Latin script gets nothing from this; a French or German article
//! (foreign function words everywhere, few English ones) neither.

/// Unambiguous English function words (none is a frequent word of another Latin-script
/// language).
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "was", "is", "for", "with", "said", "that", "from", "by", "his",
    "her", "has", "have", "were", "will", "after", "who", "which", "but", "this", "their", "been",
    "would", "they", "not", "its", "it", "are", "at", "be", "he", "she", "had", "against", "beat",
    "when", "than", "also", "could", "should", "there", "into", "over", "won",
];

/// Frequent function words of the Latin-script languages whatlang may pick for English text.
const FOREIGN: &[&str] = &[
    "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "avec", "sur", "qui",
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "von", "zu", "auf", "dem",
    "el", "los", "las", "y", "que", "por", "para", "con", "una", "del", "het", "een", "van",
    "niet", "zijn", "il", "di", "che", "della", "em", "não", "uma", "och", "att",
];

/// Byte ranges of the paragraphs of `text` where English rules may run, when the document's
/// language did not allow them (see the module docs). Empty when none qualifies.
pub fn english_paragraphs(text: &str) -> Vec<(usize, usize)> {
    let paragraphs = paragraphs(text);
    let stats: Vec<Stats> = paragraphs
        .iter()
        .map(|&(s, e)| Stats::of(&text[s..e]))
        .collect();
    let total = stats.iter().fold(Stats::default(), |a, b| a.add(b));
    // A document of tables and lists has few function words of any language: one with a few
    // English ones and no foreign one is English too.
    let doc_english = total.english_like() || (total.foreign == 0 && total.english >= 2);
    paragraphs
        .into_iter()
        .zip(&stats)
        .filter(|(_, st)| {
            st.latin_script() && (st.english_like() || (doc_english && st.foreign == 0))
        })
        .map(|(p, _)| p)
        .collect()
}

/// Paragraphs: runs of lines between blank lines, as byte ranges.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push((s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
        at += line.len();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Stats {
    words: usize,
    english: usize,
    foreign: usize,
    latin: usize,
    letters: usize,
}

impl Stats {
    fn of(par: &str) -> Stats {
        let mut st = Stats::default();
        for c in par.chars().filter(|c| c.is_alphabetic()) {
            st.letters += 1;
            st.latin += usize::from(c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}'));
        }
        for w in par
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            st.words += 1;
            let lower = w.to_lowercase();
            st.english += usize::from(ENGLISH.contains(&lower.as_str()));
            st.foreign += usize::from(FOREIGN.contains(&lower.as_str()));
        }
        st
    }

    fn add(self, o: &Stats) -> Stats {
        Stats {
            words: self.words + o.words,
            english: self.english + o.english,
            foreign: self.foreign + o.foreign,
            latin: self.latin + o.latin,
            letters: self.letters + o.letters,
        }
    }

    fn latin_script(&self) -> bool {
        self.letters > 0 && self.latin * 5 >= self.letters * 4
    }

    /// English function words are at least 8 % of the words and outnumber foreign ones.
    fn english_like(&self) -> bool {
        self.words > 0 && self.english * 100 >= self.words * 8 && self.english > self.foreign
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picked(text: &str) -> Vec<&str> {
        english_paragraphs(text)
            .into_iter()
            .map(|(s, e)| text[s..e].trim())
            .collect()
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "English prose",
                "The minister said the talks with the union had failed.\n",
                &["The minister said the talks with the union had failed."],
            ),
            (
                "table row in an English document",
                "Results from the open on Friday, when the seeds were beaten:\n\nTim Henman (Britain) 6-3 Doug Flach (U.S.)\n",
                &[
                    "Results from the open on Friday, when the seeds were beaten:",
                    "Tim Henman (Britain) 6-3 Doug Flach (U.S.)",
                ],
            ),
            (
                "French paragraph in an English document",
                "The minister said the talks had failed.\n\nLe ministre a dit que les discussions ont échoué.\n",
                &["The minister said the talks had failed."],
            ),
            (
                "French document",
                "Le ministre a dit que les discussions avec le syndicat ont échoué.\n",
                &[],
            ),
            (
                "Cyrillic document",
                "Министр сказал, что переговоры с профсоюзом провалились.\n",
                &[],
            ),
            ("empty", "", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(picked(text), *want, "{name}");
        }
    }

    #[test]
    fn paragraphs_cover_non_blank_lines() {
        let text = "a\nb\n\n\nc\n  \nd";
        let p: Vec<&str> = paragraphs(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(p, ["a\nb\n", "c\n", "d"]);
    }
}
