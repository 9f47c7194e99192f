//! Line features: what the heuristics know about each line before any rule looks at it (word
//! count, sentence end, share of title-case words and of stopwords, date, bullet), and the
//! document as the passes see it ([`Doc`]). The same word loop counts the stopwords of the
//! document's language for the main-content model ([`Feat::lang_stops`]), so each line's words
//! are split and looked up once.
//!
//! Policy: a line "reads as prose" ([`Feat::prose`]) when it ends a sentence with enough words and
//! few title-case words, or has many stopwords, or is long (40 words); a date or timestamp alone
//! never does. Counts go by whitespace tokens with a letter or digit, the first character's case
//! deciding title case.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::boilerplate::guarded::Guarded;
use crate::boilerplate::keytable::KeyTable;
use crate::boilerplate::line::{
    ascii_key_within, bare, is_ascii_word, with_lowercase, words, Line,
};
use crate::boilerplate::meta::is_timestamp;
use crate::boilerplate::stopwords::{self, DocLang, WordId};

use super::vocabulary::{is_stop_lowered, ASCII_STOPS};

/// One document as the heuristics' passes see it: its lines, their features, and which lines are
/// not blank.
pub(super) struct Doc<'d, 'a> {
    /// Every line.
    pub lines: &'d [Line<'a>],
    /// The features of each line.
    pub feats: Vec<Feat>,
    /// The indices of the non-blank lines, in order.
    pub nonblank: Vec<usize>,
}

/// The language bits ([`stopwords::word_id`]) of every word of a document, read with the line
/// features: the language vote and [`Feat::lang_stops`] are counted from them, so the words are
/// split and looked up once.
pub(super) struct WordBits {
    /// Every word's bits, line after line.
    bits: Vec<WordId>,
    /// Per line: its words' range in `bits`, and whether it has six whitespace tokens or more
    /// (the lines that vote).
    lines: Vec<(usize, usize, bool)>,
}

impl<'d, 'a> Doc<'d, 'a> {
    /// Reads the features of every line; `lang` is the document's language, for
    /// [`Feat::lang_stops`].
    #[cfg(test)]
    pub fn new(lines: &'d [Line<'a>], lang: DocLang) -> Self {
        let (mut doc, words) = Doc::read(lines);
        doc.count_stops(&words, lang);
        doc
    }

    /// Reads the features of every line but [`Feat::lang_stops`] (left 0), and the bits of
    /// every word, for [`Doc::identify`] and [`Doc::count_stops`].
    pub fn read(lines: &'d [Line<'a>]) -> (Self, WordBits) {
        // About one word per five bytes of prose, reserved at once: grown word by word, the
        // vector was copied a dozen times per document (a quarter of the stage's L1 write misses).
        let bytes: usize = lines.iter().map(|l| l.text.len()).sum();
        let mut words = WordBits {
            bits: Vec::with_capacity(bytes / 5 + 8),
            lines: Vec::with_capacity(lines.len()),
        };
        // (The non-blank lines noted in the same pass, into a vector sized for all: collected
        // apart, it was a second pass over the lines and a vector grown by doubling.)
        let mut nonblank = Vec::with_capacity(lines.len());
        let feats = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if !l.text.is_empty() {
                    nonblank.push(i);
                }
                let start = words.bits.len();
                let (f, tokens) = read_line(l.text, |b| words.bits.push(b));
                words.lines.push((start, words.bits.len(), tokens >= 6));
                f
            })
            .collect();
        let doc = Doc {
            lines,
            feats,
            nonblank,
        };
        (doc, words)
    }

    /// The document's language ([`stopwords::identify_read`]) from the words read.
    pub fn identify(&self, words: &WordBits) -> DocLang {
        stopwords::identify_read(
            self.lines
                .iter()
                .zip(&words.lines)
                .map(|(l, &(start, end, six))| (l.text, six, &words.bits[start..end])),
        )
    }

    /// Sets every line's [`Feat::lang_stops`]: its words that are stopwords of `lang`.
    pub fn count_stops(&mut self, words: &WordBits, lang: DocLang) {
        for (f, &(start, end, _)) in self.feats.iter_mut().zip(&words.lines) {
            f.lang_stops = lang.stops_in(&words.bits[start..end]);
        }
    }

    /// The trimmed text of line `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.lines[i].text
    }
}

/// Line features.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Feat {
    /// Tokens with a letter or digit.
    pub words: usize,
    /// Ends a sentence (after closing quotes and brackets).
    pub terminal: bool,
    /// Share of capitalised words among the alphabetic non-stopwords.
    pub title_share: f32,
    /// Share of stopwords among the alphabetic words.
    pub stop_share: f32,
    /// Only a date or time.
    pub stamp: bool,
    /// Reads as running prose.
    pub prose: bool,
    /// Starts with a bullet or list number.
    pub bullet: bool,
    /// Has a letter or digit.
    pub alnum: bool,
    /// Has a digit.
    pub digit: bool,
    /// Words that are stopwords of the document's language (`DocLang::is_stop_word`): the
    /// main-content model's stopword count, taken in the same pass over the words.
    pub lang_stops: usize,
}

/// Ends a sentence, after closing quotes, brackets and emphasis.
pub(super) fn terminal(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']', '*'])
        .ends_with(['.', '!', '?', '\u{2026}', ';'])
}

/// A bullet or list number opening the line: "- ", "1. ", "IV. ", "a) ".
pub(super) static BULLET: Guarded = Guarded::cs(
    "bullet",
    r"^(?:[-*•–—▪◦·]\s|\d{1,2}[.)]\s|[IVXLC]{1,5}\.\s|[a-z]\)\s)",
    may_be_bullet,
);

/// A necessary condition for [`BULLET`] from the first two characters: a bullet sign, a digit
/// (`\d` is Unicode `Nd`, within `char::is_numeric`), a Roman numeral letter, or a lowercase
/// ASCII letter followed by `)`. Most lines start with a capital that is none of these.
fn may_be_bullet(text: &str) -> bool {
    let mut cs = text.chars();
    match cs.next() {
        Some('-' | '*' | '•' | '–' | '—' | '▪' | '◦' | '·' | 'I' | 'V' | 'X' | 'L' | 'C') => {
            true
        }
        Some('a'..='z') => cs.next() == Some(')'),
        Some(c) => c.is_numeric(),
        None => false,
    }
}

/// Whether `b` has an ASCII digit, eight bytes at a time (asked of every line). A byte `b` is a
/// digit when `b ^ 0x30` is below 10; the subtraction test flags the bytes below 10 exactly up to
/// the first one (a borrow only runs upwards, from a byte that is below 10), so the chunk has a
/// digit exactly when some byte is flagged. (The byte-by-byte test is the reference.)
fn has_ascii_digit(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let y = u64::from_le_bytes(eight) ^ 0x3030_3030_3030_3030;
        if y.wrapping_sub(0x0A0A_0A0A_0A0A_0A0A) & !y & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// What the line features look up of a short ASCII word: its language bits
/// ([`stopwords::word_id`]) and whether it is one of the heuristics' stopwords
/// ([`ASCII_STOPS`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Keyed {
    id: WordId,
    stop: bool,
}

/// Slots per key of [`WORD_KEYS`]: at most half full, as the vote's table.
const KEYED_SPREAD: usize = 2;

/// The words of [`stopwords::ascii_word_ids`] (the most frequent first) and of [`ASCII_STOPS`],
/// by packed key ([`KeyTable`]): one lookup per short ASCII word for both answers, where there
/// were two tables and two probes.
static WORD_KEYS: LazyLock<KeyTable<Keyed>> = LazyLock::new(|| {
    let listed = stopwords::ascii_word_ids();
    let mut entries: Vec<(u64, Keyed)> = listed
        .iter()
        .map(|&(k, id)| {
            let stop = ASCII_STOPS.contains(&k);
            (k, Keyed { id, stop })
        })
        .collect();
    let keys: FxHashSet<u64> = listed.iter().map(|e| e.0).collect();
    let mut extra: Vec<u64> = ASCII_STOPS
        .iter()
        .copied()
        .filter(|k| !keys.contains(k))
        .collect();
    extra.sort_unstable();
    entries.extend(extra.into_iter().map(|k| {
        (
            k,
            Keyed {
                id: WordId::default(),
                stop: true,
            },
        )
    }));
    KeyTable::ordered(&entries, KEYED_SPREAD)
});

/// The features of one trimmed line (its [`Feat::lang_stops`] in no language's list: the core
/// words of every list).
pub(super) fn features(text: &str) -> Feat {
    features_in(text, DocLang::Unknown)
}

/// The features of one trimmed line of a document in `lang`.
pub(super) fn features_in(text: &str, lang: DocLang) -> Feat {
    let mut stops = 0;
    let (mut f, _) = read_line(text, |id| stops += usize::from(lang.is_stop(id.bits())));
    f.lang_stops = stops;
    f
}

/// The features of one trimmed line but [`Feat::lang_stops`] (0), and its whitespace tokens;
/// `word` is given the [`stopwords::word_id`] of each of its words, in order.
#[inline]
fn read_line(text: &str, mut word: impl FnMut(WordId)) -> (Feat, usize) {
    let mut f = Feat {
        terminal: terminal(text),
        stamp: is_timestamp(text),
        bullet: BULLET.is_match(text),
        digit: has_ascii_digit(text.as_bytes()),
        ..Feat::default()
    };
    let (mut alpha, mut stops, mut content, mut caps) = (0usize, 0usize, 0usize, 0usize);
    let mut tokens = 0usize;
    for tok in words(text) {
        tokens += 1;
        let w = bare(tok);
        let Some(&b) = w.as_bytes().first() else {
            continue;
        };
        f.words += 1;
        let key = ascii_key_within(text, w);
        // A word that is not ASCII is lowercased once for both lookups (the language bits and
        // the heuristics' stopwords); no long ASCII word is a stopword.
        let (bits, stop) = match key {
            Some(k) => {
                let e = WORD_KEYS.get(k);
                (e.id, e.stop)
            }
            None if is_ascii_word(w.as_bytes()) => (stopwords::word_id_long_ascii(w), false),
            None => with_lowercase(w, |lower| {
                (
                    stopwords::word_id_lowered(w, lower),
                    is_stop_lowered(w, lower),
                )
            }),
        };
        word(bits);
        // The first character's class, from its byte when it is ASCII.
        let (alphabetic, upper) = if b.is_ascii() {
            (b.is_ascii_alphabetic(), b.is_ascii_uppercase())
        } else {
            let first = w.chars().next().unwrap_or_default();
            (first.is_alphabetic(), first.is_uppercase())
        };
        // Counted without branches: whether a word is a stopword, or capitalised, is as good
        // as random from one word to the next.
        alpha += usize::from(alphabetic);
        stops += usize::from(alphabetic & stop);
        content += usize::from(alphabetic & !stop);
        caps += usize::from(alphabetic & !stop & upper);
    }
    // A token counts as a word when it has a letter or digit, and whitespace is neither: the line
    // has one exactly when it has a word.
    f.alnum = f.words > 0;
    f.stop_share = if alpha == 0 {
        0.0
    } else {
        stops as f32 / alpha as f32
    };
    f.title_share = if content == 0 {
        0.0
    } else {
        caps as f32 / content as f32
    };
    f.prose = !f.stamp
        && ((f.words >= 8 && f.terminal && f.title_share < 0.7)
            || (f.words >= 5 && f.terminal && f.stop_share >= 0.25 && f.title_share < 0.5)
            || (f.words >= 8 && f.stop_share >= 0.2 && f.title_share < 0.5)
            || f.words >= 40);
    (f, tokens)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The one lookup of a short ASCII word answers what the two lookups it replaces answer:
    /// on every word of every list and of the heuristics' stopwords, in three cases, and on
    /// words of no list.
    #[test]
    fn one_lookup_is_both_lookups() {
        use crate::boilerplate::line::ascii_key;
        let mut words = super::super::vocabulary::listed_words();
        words.extend(["x", "minister", "Baku", "abcdefg", "zzz", "2024", "a1"].map(String::from));
        for w in &words {
            let Some(k) = ascii_key(w.as_bytes()) else {
                continue;
            };
            let want = Keyed {
                id: stopwords::word_id(w, Some(k)),
                stop: super::super::vocabulary::is_stop(w),
            };
            assert_eq!(WORD_KEYS.get(k), want, "{w:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The eight-byte digit test is the byte-by-byte one, at every position and next to
        /// the bytes around the digits ('/' and ':') and non-ASCII bytes.
        #[test]
        fn has_ascii_digit_is_the_byte_test(t in "([a-z /:;\u{0}\u{80}\u{b0}\u{660}é€]{0,3}[0-9]?){0,12}") {
            let want = t.bytes().any(|b| b.is_ascii_digit());
            prop_assert_eq!(has_ascii_digit(t.as_bytes()), want, "{:?}", t);
        }

        /// The language chosen from the words the features read is the one `identify` chooses
        /// from the lines, and each line's stopwords of it are those `features_in` counts: on
        /// documents of lines in several scripts (words of the lists, long and non-ASCII words,
        /// short and long lines).
        #[test]
        fn the_vote_and_the_stopwords_from_the_words_read(
            doc in proptest::collection::vec(
                proptest::collection::vec(
                    "(the|and|der|und|что|и|на|的|是|これは|東京|İstanbul|Straße|nevertheless|été|über|[a-zA-Z]{1,10}|\\PC{1,3}|,|\u{2019}s)",
                    0..12,
                ).prop_map(|w| w.join(" ")),
                0..30,
            )
        ) {
            let text = doc.join("\n");
            let lines = Line::split(&text);
            let (mut read, words) = Doc::read(&lines);
            let lang = read.identify(&words);
            prop_assert_eq!(lang, crate::boilerplate::stopwords::identify(lines.iter().map(|l| l.text)));
            read.count_stops(&words, lang);
            for (l, f) in lines.iter().zip(&read.feats) {
                prop_assert_eq!(*f, features_in(l.text, lang), "{:?}", l.text);
            }
        }

        /// A word that is not ASCII, lowercased once, has the bits and the stopword test of
        /// the word.
        #[test]
        fn one_lowercase_for_both_lookups(w in "(и|на|что|ЧТО|Что|für|ÜBER|İstanbul|\u{212A}|[a-zé]{0,3}|\\PC{0,4}){1,3}") {
            prop_assume!(!w.is_ascii());
            let (bits, stop) = with_lowercase(&w, |l| (stopwords::word_id_lowered(&w, l), is_stop_lowered(&w, l)));
            prop_assert_eq!(bits, stopwords::word_id(&w, None));
            prop_assert_eq!(stop, super::super::vocabulary::is_stop(&w));
        }

        /// On every byte value.
        #[test]
        fn has_ascii_digit_on_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..40)) {
            prop_assert_eq!(has_ascii_digit(&b), b.iter().any(u8::is_ascii_digit));
        }
    }
}
