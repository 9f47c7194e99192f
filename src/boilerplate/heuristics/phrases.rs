//! The web's chrome in many languages: lines that open with a phrase of the multilingual
//! vocabularies ([`super::web_vocabulary`]: `RELATED_HEADS`, `PROMPT_HEADS`, `PROMPT_ALONE`,
//! `CAPTION_LABELS`, `TAG_LABELS`, `DATE_LABELS`, `RIGHTS_PHRASES`). The English and Russian
//! one-line patterns (`line_rules`) run first; this pass claims what they left, in every
//! language alike.
//!
//! Policy: a phrase counts only where it opens the line (after a leading count or bullet sign),
//! ending at a word boundary, and each class asks more of the rest of the line so a sentence
//! that merely opens with the words stays: a prompt line is short (at most
//! [`PROMPT_WORDS`] words), a lone label is the whole line (with a count at most), a caption or
//! tag label is followed by its colon, a date label by a number. Matching is case-insensitive
//! for ASCII letters and, for the other letters, in the three casings a page prints a label
//! in (lowercase, capitalised, uppercase), so no line is lowercased.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
#[cfg(test)]
use aho_corasick::{AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::boilerplate::claim::Claim;
use crate::boilerplate::guarded::any_folded_byte_at;
use crate::boilerplate::line::with_lowercase;
use crate::boilerplate::meta::find_dates;
use crate::boilerplate::stopwords::is_cjk;

use super::features::{terminal, Doc, Feat};
use super::options::HeuristicOptions;
use super::prefix_trie::PrefixTrie;
use super::vocabulary::is_stop;
use super::web_vocabulary::{
    BARE_TAG_LABELS, CAPTION_LABELS, DATE_LABELS, PROMPT_ALONE, PROMPT_HEADS, RELATED_HEADS,
    RIGHTS_PHRASES, TAG_LABELS,
};

/// What an opening phrase says the line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Chrome {
    /// The header of a list of other articles.
    Related,
    /// A widget's or form's prompt, when the line is short.
    Prompt,
    /// A widget's label, when it is the whole line.
    Alone,
    /// A caption or photo-credit label, before its colon.
    Caption,
    /// A tag or category label, before its colon.
    Tags,
    /// A publication-date label, before a number.
    Date,
}

/// A prompt line has at most this many words (as the English prompts).
pub(super) const PROMPT_WORDS: usize = 14;

/// A prompt line that ends a sentence has at most this many words.
pub(super) const PROMPT_SENTENCE_WORDS: usize = 8;

/// Words of a prompt's head from which it is specific to widgets (see `chrome_claim_opened`).
const SPECIFIC_HEAD_WORDS: usize = 4;

/// A Chinese or Japanese prompt line (no spaces between words) has at most this many characters
/// besides its phrase.
const CJK_REST_CHARS: usize = 16;

/// The opening phrases by what they say a line is (earlier lists win a tie).
const OPENER_LISTS: [(Chrome, &[&str]); 6] = [
    (Chrome::Related, RELATED_HEADS),
    (Chrome::Prompt, PROMPT_HEADS),
    (Chrome::Alone, PROMPT_ALONE),
    (Chrome::Caption, CAPTION_LABELS),
    (Chrome::Tags, TAG_LABELS),
    (Chrome::Date, DATE_LABELS),
];

/// Every opening phrase in its casings, each with its class.
static OPENERS: LazyLock<PrefixTrie<Chrome>> =
    LazyLock::new(|| PrefixTrie::new(opener_phrases(casings)));

/// Every opening phrase in the casings `casings` gives, each with its class, in the order of
/// [`OPENER_LISTS`] (a phrase of an earlier list keeps its class where a later list has it too).
fn opener_phrases(casings: fn(&str) -> Vec<String>) -> impl Iterator<Item = (String, Chrome)> {
    OPENER_LISTS.into_iter().flat_map(move |(kind, list)| {
        list.iter()
            .flat_map(move |p| casings(p).into_iter().map(move |v| (v, kind)))
    })
}

/// The automaton of every opening phrase in the casings `casings` gives, and the class of each
/// pattern: what the openers were matched with before [`PrefixTrie`], the tests' reference.
#[cfg(test)]
fn opener_automaton(casings: fn(&str) -> Vec<String>) -> (AhoCorasick, Vec<Chrome>) {
    let (pats, kinds): (Vec<String>, Vec<Chrome>) = opener_phrases(casings).unzip();
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .start_kind(StartKind::Anchored)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .prefilter(false)
        .build(&pats)
        .expect("built-in phrases compile");
    (ac, kinds)
}

/// The reserved-rights phrases in their casings, found anywhere in the line.
static RIGHTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let pats: Vec<String> = RIGHTS_PHRASES.iter().flat_map(|p| casings(p)).collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(&pats)
        .expect("built-in phrases compile")
});

/// The reserved-rights phrases written in ASCII only, each with the index of its first `v` (or,
/// without one, its first `b`): the search [`rights_in`] makes in a line of ASCII only (the other
/// phrases cannot occur there). The phrases keyed by their `v` first, then those keyed by their
/// `b`, so that a `v` of the line is compared with the first only and a `b` with the second.
/// `None` when some ASCII phrase has neither letter (then every line goes to the automaton).
static RIGHTS_ASCII: LazyLock<Option<[Vec<KeyedPhrase>; 2]>> = LazyLock::new(|| {
    let keyed: Vec<KeyedPhrase> = RIGHTS_PHRASES
        .iter()
        .filter(|p| p.is_ascii())
        .map(|p| {
            let b = p.as_bytes();
            let at = |c: u8| b.iter().position(|&x| x == c);
            Some((b, at(b'v').or_else(|| at(b'b'))?))
        })
        .collect::<Option<_>>()?;
    let (v, b) = keyed.into_iter().partition(|&(p, j)| p[j] == b'v');
    Some([v, b])
});

/// An ASCII phrase and the index of the byte it is searched by.
type KeyedPhrase = (&'static [u8], usize);

/// `RIGHTS.is_match(text)`. A line of ASCII only can hold only the ASCII phrases, in any ASCII
/// casing (the automaton ignores ASCII case), and each of them has a `v` or a `b`: the lines'
/// `v`s and `b`s are found eight bytes at a time and the phrases compared there, where the
/// automaton takes every byte in turn (a proptest compares the two).
fn rights_in(text: &str) -> bool {
    let b = text.as_bytes();
    let Some(pats) = RIGHTS_ASCII.as_ref().filter(|_| b.is_ascii()) else {
        return RIGHTS.is_match(text);
    };
    // (The folded scan compares each eight bytes with `v` and `b` where the plain one compares
    // them with the four letters; it asks at the same positions.)
    any_folded_byte_at(b, b"vb", b"vVbB", |i| {
        // A phrase keyed by `v` at a `v` or `V`, one keyed by `b` at a `b` or `B`.
        let keyed = &pats[usize::from(b[i] | 0x20 == b'b')];
        keyed.iter().any(|&(p, j)| {
            i.checked_sub(j)
                .and_then(|s| b.get(s..s + p.len()))
                .is_some_and(|w| w.eq_ignore_ascii_case(p))
        })
    })
}

/// A lowercase phrase as a page may print it: as listed, capitalised, uppercased, and each with a
/// typographic apostrophe for `'`; ASCII case is left to the matcher, so a casing that differs
/// from another in ASCII case only is left out (the same matches, a proptest compares them; the
/// first document's automata build in 4 M instructions fewer), and an ASCII phrase is not cased
/// at all.
fn casings(p: &str) -> Vec<String> {
    if p.is_ascii() {
        // (Each casing of an ASCII phrase is the phrase up to ASCII case, or its form with the
        // typographic apostrophe up to ASCII case: those two stand for them all.)
        let mut out = vec![p.to_string()];
        if p.contains('\'') {
            out.push(p.replace('\'', "\u{2019}"));
        }
        return out;
    }
    let mut out: Vec<String> = Vec::new();
    for v in all_casings(p) {
        if !out.iter().any(|k| k.eq_ignore_ascii_case(&v)) {
            out.push(v);
        }
    }
    out
}

/// Every casing [`casings`] stands for, ASCII case variants included.
fn all_casings(p: &str) -> Vec<String> {
    let mut out = vec![p.to_string(), capitalised(p), p.to_uppercase()];
    // A later word opening with a non-ASCII letter is capitalised in German nouns ("Zurück zur
    // Übersicht", "Ähnliche Beiträge") and the ASCII case folding does not reach it: each word
    // capitalised too, when that changes a non-ASCII letter.
    if p.split(' ')
        .skip(1)
        .any(|w| w.starts_with(|c: char| !c.is_ascii() && c.is_lowercase()))
    {
        let words: Vec<String> = p.split(' ').map(capitalised).collect();
        out.push(words.join(" "));
    }
    if p.contains('\'') {
        let curly: Vec<String> = out.iter().map(|v| v.replace('\'', "\u{2019}")).collect();
        out.extend(curly);
    }
    out.sort();
    out.dedup();
    out
}

/// `w` with its first character uppercased.
fn capitalised(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(cs)
        .collect()
}

/// Leading bullet and arrow signs and spaces before a phrase ("» Lesen Sie auch", "► Mehr").
fn skip_signs(text: &str) -> usize {
    let mut at = 0;
    for (n, c) in text.char_indices().take(6) {
        if c.is_alphanumeric() {
            return n;
        }
        at = n + c.len_utf8();
        if !(c.is_whitespace()
            || matches!(
                c,
                '»' | '›'
                    | '>'
                    | '►'
                    | '▶'
                    | '→'
                    | '•'
                    | '·'
                    | '*'
                    | '-'
                    | '–'
                    | '—'
                    | '|'
                    | '+'
                    | '#'
                    | '■'
                    | '▪'
            ))
        {
            return 0;
        }
    }
    at.min(text.len())
}

/// What [`opener`] says of a line.
pub(super) type Opened = Option<(Chrome, usize)>;

/// The phrase opening `text` (after its signs), its class and the byte offset where it ends.
/// A phrase ending in a letter or digit must end at a word boundary, except a Chinese or
/// Japanese one.
pub(super) fn opener(text: &str) -> Option<(Chrome, usize)> {
    opener_by(text, |t| OPENERS.longest(t.as_bytes()))
}

/// [`opener`] by `longest`, which gives the class and the length of the longest phrase a text
/// opens with.
fn opener_by(
    text: &str,
    longest: impl FnOnce(&str) -> Option<(Chrome, usize)>,
) -> Option<(Chrome, usize)> {
    let from = skip_signs(text);
    let (kind, len) = longest(&text[from..])?;
    let end = from + len;
    let last = text[..end].chars().next_back()?;
    let next = text[end..].chars().next();
    let bounded =
        !last.is_alphanumeric() || is_cjk(last) || !next.is_some_and(char::is_alphanumeric);
    bounded.then_some((kind, end))
}

/// A reserved-rights line has at most this many words (a footer line, not a paragraph).
const RIGHTS_WORDS: usize = 25;

/// Whether the line holds a reserved-rights phrase ("Alle Rechte vorbehalten").
fn rights(text: &str, f: &Feat) -> bool {
    f.words <= RIGHTS_WORDS && rights_in(text)
}

/// What is left of `rest` once the punctuation, arrows and a count around a label are gone: a
/// label with nothing else leaves nothing ("(3)", ": 12", " »", "...").
fn bare_rest(rest: &str) -> &str {
    rest.trim_matches(|c: char| !c.is_alphabetic())
}

/// Characters of a line that are Chinese or Japanese.
fn cjk_chars(text: &str) -> usize {
    text.chars().filter(|&c| is_cjk(c)).count()
}

/// The claim the opening phrase of a line gives it, if any (a related header is left to
/// `related-list`).
/// (The passes ask [`chrome_claim_opened`] with the opener they found; this is its plain form.)
#[cfg(test)]
pub(super) fn chrome_claim(text: &str, f: &Feat) -> Option<Claim> {
    chrome_claim_opened(text, f, opener(text))
}

/// [`chrome_claim`] given the line's [`opener`] (found once per line for the passes that ask).
fn chrome_claim_opened(text: &str, f: &Feat, opened: Option<(Chrome, usize)>) -> Option<Claim> {
    if rights(text, f) {
        return Some(Claim::Copyright);
    }
    if gallery_counter(text) || lone_count(text) {
        return Some(Claim::Prompt);
    }
    if let Some(c) = caption_tail(text, f) {
        return Some(c);
    }
    let (kind, end, text) = match opened {
        Some((k, e)) => (k, e, text),
        None => {
            // "2 Kommentare", "12 comentarios": a count before a lone label.
            let t = after_count(text)?;
            match opener(t)? {
                (Chrome::Alone, e) => (Chrome::Alone, e, t),
                _ => return None,
            }
        }
    };
    let rest = &text[end..];
    let after = rest.trim_start();
    let cjk = cjk_chars(text);
    match kind {
        Chrome::Related => None,
        Chrome::Prompt => {
            // (A sentence of more than [`PROMPT_SENTENCE_WORDS`] words that opens with a
            // prompt's words is prose: "Folgen Sie uns durch die Altstadt, sagte der Führer.")
            // (A head of [`SPECIFIC_HEAD_WORDS`] words or more is a widget's own words, "Save my
            // name, email, and website in this browser for the next time I comment.", whatever
            // the sentence: such a line goes up to twice as long.)
            let specific = text[..end]
                .split_whitespace()
                .nth(SPECIFIC_HEAD_WORDS - 1)
                .is_some();
            let short = if cjk * 2 > text.chars().count() {
                cjk_chars(rest) <= CJK_REST_CHARS && !rest.trim_end().ends_with('。')
            } else if specific {
                f.words <= 2 * PROMPT_WORDS
            } else {
                f.words <= PROMPT_WORDS && !(f.terminal && f.words > PROMPT_SENTENCE_WORDS)
            };
            short.then_some(Claim::Prompt)
        }
        Chrome::Alone => bare_rest(rest).is_empty().then_some(Claim::Prompt),
        Chrome::Caption => (f.words <= 40 && after.starts_with([':', '/', '©', '|', '：']))
            .then_some(Claim::Caption),
        Chrome::Tags => {
            let colon = after.starts_with([':', '：']) && f.words <= 40;
            // "Tags Homestory, Interior design, Berlin": a comma list after the label.
            let list = rest.starts_with(char::is_whitespace)
                && after.contains(',')
                && !terminal(after)
                && f.words <= 20;
            // A label of two words or more ("Posted in", "Abgelegt unter") before a short
            // unfinished line: the post's one category ("Posted in Garden Tips"). A blog engine's
            // whole phrase ("This entry was posted in", four words or more) says it of any line:
            // "This entry was posted in News. Bookmark the permalink."
            let head = text[..end].split_whitespace().count();
            let named = head >= 2
                && rest.starts_with(char::is_whitespace)
                && !after.is_empty()
                && !terminal(after)
                && f.words <= TAG_LINE_WORDS;
            let phrase = head >= SPECIFIC_HEAD_WORDS && f.words <= 40;
            // "Tags Riverton Harbour Ferries": a bare label over a short unfinished line with
            // neither a colon nor a comma list, its first word no function word ("Categories of
            // waste we collect" is a subheading).
            let bare = rest.starts_with(char::is_whitespace)
                && BARE_TAG_LABELS
                    .iter()
                    .any(|l| text[..end].eq_ignore_ascii_case(l))
                && !after.contains(':')
                && !terminal(after)
                && f.words <= BARE_TAG_LINE_WORDS
                && after
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| !is_stop(&w.to_lowercase()));
            (colon || list || named || phrase || bare).then_some(Claim::Tags)
        }
        Chrome::Date => {
            let value = after.trim_start_matches([':', '：']).trim_start();
            let dated = value.is_empty()
                || value.chars().next().is_some_and(|c| c.is_numeric())
                || value.chars().take(12).any(|c| c.is_ascii_digit());
            (dated && undated_words(text, f) <= DATE_LINE_WORDS).then_some(Claim::Timestamp)
        }
    }
}

/// A line naming the post's category after a label of two words or more has at most this many
/// words.
const TAG_LINE_WORDS: usize = 8;

/// A tag line after a bare label ([`BARE_TAG_LABELS`]) has at most this many words.
const BARE_TAG_LINE_WORDS: usize = 12;

/// A date label's line has at most this many words besides its dates.
const DATE_LINE_WORDS: usize = 10;

/// The words of a line outside its full dates ([`find_dates`]): a line that gives the
/// publication and the last change ("Publié le 2 mars 2021 à 09h10, modifié le 3 mars 2021 à
/// 11h45") is as much a stamp as one giving one date. A line of more than twice
/// [`DATE_LINE_WORDS`] words is not looked into.
fn undated_words(text: &str, f: &Feat) -> usize {
    if f.words <= DATE_LINE_WORDS || f.words > 2 * DATE_LINE_WORDS {
        return f.words;
    }
    let mut rest = 0;
    let mut at = 0;
    for d in find_dates(text) {
        rest += text[at..d.start].split_whitespace().count();
        at = d.end;
    }
    rest + text[at..].split_whitespace().count()
}

/// A number of one to three digits alone on its line: a widget's count (shares, likes,
/// comments) or a pager's page. An article numbers its items with a mark ("1.", "2)") or on the
/// item's own line. Measured on the five labelled sets: 124 such lines kept were boilerplate, 2
/// article lines.
fn lone_count(text: &str) -> bool {
    matches!(counter_number(text.trim()), Some((_, "")))
}

/// The words a gallery's counter may open with ("Image 3 of 12", "Foto 2 von 5").
const COUNTER_NOUNS: [&str; 9] = [
    "image", "photo", "picture", "slide", "foto", "bild", "imagen", "immagine", "фото",
];

/// The words between a gallery counter's two numbers besides `/`.
const COUNTER_OFS: [&str; 7] = ["of", "von", "de", "sur", "di", "van", "из"];

/// A gallery's or slideshow's counter alone on its line: "1 of 12", "Image 3 of 8", "2 / 5",
/// "14/14", "1 of 12 |" (a noun of [`COUNTER_NOUNS`], then the position, a word of
/// [`COUNTER_OFS`] or a slash, and the total, with at most a separator after). The position is
/// at least 1 and at most the total, so "24/7" and "0 of 3" stay.
fn gallery_counter(text: &str) -> bool {
    // (Asked of every line: most are longer, or open with a letter not of a noun.)
    if text.len() > 32 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut rest = text.trim();
    if let Some((word, after)) = rest.split_once(char::is_whitespace) {
        if with_lowercase(word, |w| COUNTER_NOUNS.contains(&w)) {
            rest = after.trim_start();
        }
    }
    let Some((at, after)) = counter_number(rest) else {
        return false;
    };
    let after = after.trim_start();
    let after = match after.strip_prefix('/') {
        Some(a) => a,
        None => {
            let Some((of, a)) = after.split_once(char::is_whitespace) else {
                return false;
            };
            if !with_lowercase(of, |w| COUNTER_OFS.contains(&w)) {
                return false;
            }
            a
        }
    };
    // ("Image 1 of / 5": a slash the page printed between its spans.)
    let after = after.trim_start();
    let after = after.strip_prefix('/').unwrap_or(after).trim_start();
    let Some((total, tail)) = counter_number(after) else {
        return false;
    };
    let tail = tail.trim();
    (1..=total).contains(&at) && matches!(tail, "" | "|" | "/" | "•" | "·")
}

/// A number of one to three ASCII digits opening `s`, and what follows it (a gallery counter's,
/// a lone count's).
fn counter_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if !(1..=3).contains(&end) {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

/// What follows a count of ASCII digits opening `text` and the whitespace after it ("2
/// Kommentare"). Its first byte asked first: a line opening otherwise has no count, and is not
/// split at its first whitespace (asked of every line without an opener; most open with a
/// letter). `after_count_plain` is the reference.
fn after_count(text: &str) -> Option<&str> {
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    text.split_once(char::is_whitespace)
        .filter(|(n, _)| counted(n))
        .map(|(_, r)| r.trim_start())
}

/// A count before a label: digits, or a list item's number ("2.", "2)": "2. Photo" in a list of
/// teasers whose pictures the converter printed as their labels).
fn counted(n: &str) -> bool {
    let digits = n.strip_suffix(['.', ')']).unwrap_or(n);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// [`after_count`] without the test of the first byte (the reference the tests hold it to).
#[cfg(test)]
fn after_count_plain(text: &str) -> Option<&str> {
    text.split_once(char::is_whitespace)
        .filter(|(n, _)| counted(n))
        .map(|(_, r)| r.trim_start())
}

/// A caption closing in a bracketed credit: "Der Sieger im Ziel. (Foto: Privat)".
fn caption_tail(text: &str, f: &Feat) -> Option<Claim> {
    let t = text.trim_end();
    if f.words > 60 || !t.ends_with([')', ']']) {
        return None;
    }
    let open = t.rfind(['(', '['])?;
    let inner = &t[open + 1..t.len() - 1];
    let (kind, end) = opener(inner)?;
    (kind == Chrome::Caption && inner[end..].trim_start().starts_with([':', '/', '©']))
        .then_some(Claim::Caption)
}

/// Claims the unclaimed lines the vocabularies recognise (prompts, lone labels, captions, tags,
/// date labels, reserved-rights lines), each under its heuristic's switch. `opened` holds each
/// line's [`opener`] where an earlier pass found it (`None`: not asked yet).
pub(super) fn claim_chrome(
    opts: &HeuristicOptions,
    doc: &Doc<'_, '_>,
    opened: &[Option<Opened>],
    claimed: &mut [Option<Claim>],
) {
    let on = |c: Claim| match c {
        Claim::Prompt => opts.prompt,
        Claim::Caption => opts.caption,
        Claim::Tags => opts.tags,
        Claim::Timestamp => opts.timestamp,
        Claim::Copyright => opts.copyright,
        _ => false,
    };
    for &i in &doc.nonblank {
        if claimed[i].is_none() {
            let text = doc.text(i);
            let o = opened[i].unwrap_or_else(|| opener(text));
            claimed[i] = chrome_claim_opened(text, &doc.feats[i], o).filter(|&c| on(c));
        }
    }
}

#[cfg(test)]
mod fast_paths {
    use super::*;
    use proptest::prelude::*;

    /// Reserved-rights phrases in random casings among other words and characters.
    fn line() -> impl Strategy<Value = String> {
        let phrase = (0..RIGHTS_PHRASES.len(), any::<u64>()).prop_map(|(i, bits)| {
            // Each character in its case by one bit; now and then a character dropped.
            RIGHTS_PHRASES[i]
                .chars()
                .enumerate()
                .filter(|&(k, _)| bits >> 63 == 0 || k != (bits % 7) as usize)
                .map(|(k, c)| {
                    if bits >> (k % 60) & 1 == 1 {
                        c.to_uppercase().collect::<String>()
                    } else {
                        c.to_string()
                    }
                })
                .collect::<String>()
        });
        let piece = prop_oneof![
            3 => phrase,
            2 => Just(" ".to_string()),
            2 => "[a-zA-Z]{1,8}",
            1 => "[vVbBzZjJ]",
            1 => "\\PC",
        ];
        proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
    }

    /// An opening phrase in random casings (each character by one bit, ASCII or not), a
    /// typographic apostrophe now and then, and other words after it.
    fn opener_line() -> impl Strategy<Value = String> {
        let phrases: Vec<&str> = OPENER_LISTS
            .iter()
            .flat_map(|(_, list)| list.iter().copied())
            .collect();
        let n = phrases.len();
        let phrase = (0..n, any::<u64>(), any::<bool>()).prop_map(move |(i, bits, curly)| {
            let p = phrases[i];
            let p = if curly {
                p.replace('\'', "\u{2019}")
            } else {
                p.to_string()
            };
            p.chars()
                .enumerate()
                .map(|(k, c)| {
                    if bits >> (k % 64) & 1 == 1 {
                        c.to_uppercase().collect::<String>()
                    } else {
                        c.to_string()
                    }
                })
                .collect::<String>()
        });
        let rest = prop_oneof![
            Just(String::new()),
            Just(": 12".to_string()),
            "[ a-zA-Zäö:]{0,8}",
            "\\PC{0,3}",
        ];
        (
            prop_oneof![Just(String::new()), Just("» ".to_string())],
            phrase,
            rest,
        )
            .prop_map(|(a, b, c)| format!("{a}{b}{c}"))
    }

    /// [`opener`] with an automaton of every casing (the plain form).
    fn opener_all_casings(text: &str) -> Option<(Chrome, usize)> {
        static ALL: LazyLock<(AhoCorasick, Vec<Chrome>)> =
            LazyLock::new(|| opener_automaton(all_casings));
        let (ac, kinds) = &*ALL;
        opener_by(text, |t| {
            ac.find(Input::new(t).anchored(Anchored::Yes))
                .map(|m| (kinds[m.pattern().as_usize()], m.end()))
        })
    }

    /// Every phrase in every casing, alone and before each of a few tails (a word's end, a
    /// letter, a label's colon), ends where the automaton of all casings says and in its class
    /// (where phrases of two lists are the same, the earlier list's).
    #[test]
    fn every_opener_is_found_as_the_automaton_finds_it() {
        for (phrase, _) in opener_phrases(all_casings) {
            for tail in ["", " Mehr", "x", ": 3", "ß", "\u{2019}s"] {
                let text = format!("{phrase}{tail}");
                assert_eq!(opener(&text), opener_all_casings(&text), "{text:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The count found from the first byte is the count found by the split.
        #[test]
        fn after_count_is_the_plain_split(text in r"([0-9]{1,3}|[ \t\u{a0}\u{3000}]|[a-zé٣]{1,4}|\PC){0,5}") {
            prop_assert_eq!(after_count(&text), after_count_plain(&text), "{:?}", text);
        }

        /// The openers' trie, each phrase in fewer casings, finds what the automaton of all
        /// casings found.
        #[test]
        fn openers_find_what_all_casings_find(text in opener_line()) {
            prop_assert_eq!(opener(&text), opener_all_casings(&text), "{:?}", text);
        }

        /// The byte search answers what the automaton answers (and it is used: every ASCII
        /// phrase has a `v` or a `b`).
        #[test]
        fn rights_in_is_the_automaton(text in line()) {
            prop_assert!(RIGHTS_ASCII.is_some());
            prop_assert_eq!(rights_in(&text), RIGHTS.is_match(&text), "{:?}", text);
        }
    }
}
