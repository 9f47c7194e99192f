//! Stage 5, gazetteer: lexicon aliases found in the text, each linked to a canonical entity.
//!
//! Reads: the final normalized text and its detected language. Creates: [`Mention`]s (byte ranges
//! of the text with label, id, name and lexicon).
//!
//! How it matches:
//! * every alias of every enabled lexicon goes through the document normalizer and then the
//!   match fold ([`fold_char`]: typographic folding and Unicode lowercase); the folded forms
//!   go into ONE Aho-Corasick automaton (leftmost-longest; [`automaton`]: daachorse's
//!   double-array automaton, chosen by measurement over aho-corasick's NFA and DFA, and
//!   serializable for the compiled-lexicon [`cache`]), built once and shared by all threads;
//! * the text is folded the same way into a match view that keeps a map back to text offsets
//!   (the automata's own case folding is ASCII only);
//! * a match is kept only on whole words (Unicode letters, digits and marks; `#`/`@` before a
//!   match count as word characters so hashtags stay whole), with at least one candidate whose
//!   case mode and language allow it; a rejected match is retried at the same start with the
//!   longest shorter alias (precomputed prefix links), so a valid shorter alias is not lost;
//! * candidates for one span are ranked by priority, then lexicon order, then file order;
//! * context-only aliases survive only when a full alias of the same entity id occurs in the
//!   document, or when the next word makes the surname stand for a group ("the Safarov brothers",
//!   "the Safarov case": [`GROUP_NOUNS`]);
//! * lexicons with `inflect = ["ru", "az", "tr"]` add each alias's inflected forms ([`inflect`])
//!   as patterns of their own whose candidates carry the language that made them: they apply only
//!   to documents detected in that language. A generated form that is another entity's alias (or
//!   another entity's generated form) is dropped; one that is a common word of its language is
//!   dropped when case cannot tell them apart; otherwise, at a sentence start or in capitals, it
//!   needs another mention of its entity in the document, like a context-only alias.

pub mod automaton;
pub mod cache;
pub mod check;
pub mod inflect;
pub mod lexicon;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use sha2::{Digest, Sha256};

pub use automaton::{Automaton, Hit};
pub use lexicon::{CaseMode, Format, LexiconSpec};

use crate::config::Config;
use crate::digest::hex;
use crate::error::{Error, Result};
use crate::normalize::Normalizer;
use inflect::{CommonList, InflectLang};

/// A mention found in the text: byte offsets into the text, plus what it refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset (inclusive) into the text.
    pub start: usize,
    /// Byte offset (exclusive) into the text.
    pub end: usize,
    /// Label.
    pub label: Arc<str>,
    /// Canonical id.
    pub id: Arc<str>,
    /// Canonical display name.
    pub name: Arc<str>,
    /// Lexicon (or rule) name.
    pub lexicon: Arc<str>,
    /// What decided the link to `id` (one of [`resolved`]'s values).
    pub resolved_by: &'static str,
}

/// The values of [`Mention::resolved_by`] and of the `resolved_by` field of every entity: which
/// step decided what a mention refers to.
pub mod resolved {
    /// The alias names one entity of the lexicons that apply to the document.
    pub const UNIQUE: &str = "unique";
    /// Several entities share the alias; the other mentions of one of them in the document
    /// (a full name, an unambiguous alias) decided.
    pub const CONTEXT_DOCUMENT: &str = "context:document";
    /// Several entities share the alias and nothing in the document tells them apart: the
    /// lexicon's priority, then the config's lexicon order, then file order decided.
    pub const PRIORITY: &str = "priority";
    /// A context rule found the name; its id is the slug of the span (or, for an acronym, the
    /// id of the organization it abbreviates). A given name before a surname the lexicons know
    /// for another person ("Energy Minister Parviz Shahbazov" when the lexicon has Fuad
    /// Shahbazov) is such a new person (rule `first-name-known-surname`).
    pub const RULE: &str = "rule";
    /// The same name, or a part of it (a surname, a short form), was linked earlier in the
    /// document: one sense per document.
    pub const CHAIN: &str = "chain";
}

/// What the manifest says of one loaded lexicon.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct LexiconInfo {
    /// Config name.
    pub name: String,
    /// Path as configured.
    pub path: String,
    /// SHA-256 of the file.
    pub digest: String,
    /// Number of entities.
    pub entries: usize,
    /// Number of aliases.
    pub aliases: usize,
}

/// How one candidate compares case.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum CaseCheck {
    /// Any case.
    None,
    /// The text, typographically folded, must equal this exactly.
    Exact(Box<str>),
    /// The first letter of the text must be uppercase.
    Capital,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct Candidate {
    entity: u32,
    lexicon: u16,
    priority: i32,
    context_only: bool,
    case: CaseCheck,
    /// The language of a generated (inflected) form: it applies only to documents in it.
    generated: Option<InflectLang>,
    /// A generated form that is also a common word: never at the start of a sentence.
    mid_sentence: bool,
}

/// What compiling inflected forms did: counts for `lexicon stats`, notes for `lexicon check`.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct InflectReport {
    /// Per lexicon (config order): generated forms that became candidates.
    pub generated: Vec<usize>,
    /// Forms dropped or restricted, in build order.
    pub notes: Vec<FormNote>,
}

/// One generated form that was dropped or restricted.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct FormNote {
    /// Lexicon index (config order).
    pub lexicon: usize,
    /// Line of the entry in the lexicon file.
    pub line: usize,
    /// The alias it was generated from.
    pub alias: String,
    /// The generated form.
    pub form: String,
    /// The language that generated it.
    pub lang: InflectLang,
    /// What happened to it.
    pub kind: FormNoteKind,
}

/// Why a generated form was dropped or restricted.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FormNoteKind {
    /// A common word, and the alias's case mode cannot tell them apart: dropped.
    CommonWordDropped(CommonList),
    /// A common word, but it must be capitalized: kept; at a sentence start or in capitals it
    /// needs another mention of the entity.
    CommonWordMidSentence(CommonList),
    /// Equal to an alias or a generated form of other entities (their ids): dropped.
    Collision(Vec<String>),
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct EntityInfo {
    /// Interned canonical id (index into `ids`).
    id: u32,
    label: Arc<str>,
    name: Arc<str>,
    lexicon: u16,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct LexiconRuntime {
    name: Arc<str>,
    languages: Vec<String>,
}

/// The compiled gazetteer, shared read-only by all workers.
pub struct Gazetteer {
    automaton: Option<Automaton>,
    /// Candidates of each automaton pattern.
    candidates: Vec<Vec<Candidate>>,
    entities: Vec<EntityInfo>,
    ids: Vec<Arc<str>>,
    lexicons: Vec<LexiconRuntime>,
    info: Vec<LexiconInfo>,
    inflect: InflectReport,
}

impl Gazetteer {
    /// Loads the config's enabled lexicons (or `override_paths` instead, when given) and builds
    /// the automaton.
    pub fn from_config(
        config: &Config,
        normalizer: &Normalizer,
        override_paths: &[PathBuf],
    ) -> Result<Gazetteer> {
        let cli = CliLexicons {
            paths: override_paths.to_vec(),
            label: None,
            replace: !override_paths.is_empty(),
        };
        Gazetteer::with_lexicons(config, normalizer, &cli)
    }

    /// Loads the config's enabled lexicons and those named on the command line (see
    /// [`CliLexicons`]) and builds the automaton.
    pub fn with_lexicons(
        config: &Config,
        normalizer: &Normalizer,
        cli: &CliLexicons,
    ) -> Result<Gazetteer> {
        let specs = cli.specs(config);
        // The key needs every file's digest; reading them is cheap next to building.
        // NOTE: everything the built gazetteer depends on must go into the key: options read by
        // `Builder::add` from elsewhere in the config must be added here too (the lexicon specs,
        // inflection included, go in whole through their Debug form).
        let mut key = cache::KeyBuilder::new();
        key.part(format!("{:?}", config.normalize).as_bytes());
        let mut digests = Vec::new();
        for (spec, path) in &specs {
            let bytes =
                std::fs::read(path).map_err(|e| lexicon_io_error(config, spec, path, cli, e))?;
            let digest = Sha256::digest(&bytes);
            key.part(format!("{spec:?}").as_bytes()).part(&digest);
            digests.push(hex(&digest));
        }
        let key = key.finish();
        let Some(dir) = cache::dir() else {
            return build(&specs, normalizer);
        };
        if let Some(g) = cache::load(&dir, &key) {
            return Ok(g);
        }
        let g = build(&specs, normalizer)?;
        // A lexicon edited while it was read would be cached under the old digest: check.
        let unchanged = g.info.len() == digests.len()
            && g.info.iter().zip(&digests).all(|(i, d)| &i.digest == d);
        if unchanged {
            // A cache is an optimization: a read-only or full disk only costs the next run time.
            let _ = cache::store(&dir, &key, &g);
        }
        Ok(g)
    }

    /// The lexicons loaded, for the manifest.
    pub fn lexicon_info(&self) -> &[LexiconInfo] {
        &self.info
    }

    /// Number of distinct folded patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.candidates.len()
    }

    /// What inflection generated, dropped and restricted.
    pub fn inflect_report(&self) -> &InflectReport {
        &self.inflect
    }

    /// Number of automaton patterns with at least one candidate of lexicon `lexicon`.
    pub fn lexicon_patterns(&self, lexicon: usize) -> usize {
        self.candidates
            .iter()
            .filter(|cs| cs.iter().any(|c| c.lexicon as usize == lexicon))
            .count()
    }

    /// `text`, a document in language `lang`, with the lexicons that apply to it.
    fn doc<'a>(&self, text: &'a str, lang: &'a str) -> Doc<'a> {
        let lang_ok = self
            .lexicons
            .iter()
            .map(|l| l.languages.is_empty() || l.languages.iter().any(|x| x == lang))
            .collect();
        Doc {
            text,
            lang,
            lang_ok,
        }
    }

    /// Tags `text` (a document in language `lang`, ISO 639-3).
    pub fn tag(&self, text: &str, lang: &str) -> Vec<Mention> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let view = MatchView::new(text);
        let doc = self.doc(text, lang);
        // Phase 1: accepted spans with their pattern (its allowed candidates are best first).
        let found = self.find_spans(ac, &view, &doc);
        // Phase 2: context-only aliases need a full alias of their entity in the document; so do
        // generated forms that are common words where case cannot vouch for them (at the start
        // of a sentence or in capitals: "Мира не будет").
        let initial = |s: usize, e: usize, c: &Candidate| {
            c.mid_sentence && !mid_sentence(text, s, &text[s..e])
        };
        let full: rustc_hash::FxHashSet<u32> = found
            .iter()
            .flat_map(|f| {
                self.allowed(f.pattern, &doc, f.start, f.end)
                    .map(move |c| (f, c))
            })
            .filter(|(f, c)| !c.context_only && !initial(f.start, f.end, c))
            .map(|(_, c)| self.entities[c.entity as usize].id)
            .collect();
        // Entities named somewhere in the document by an alias no other entity shares: they
        // decide between the entities of a shared alias ("Shahbazov" after "Fuad Shahbazov").
        let id_of = |c: &Candidate| self.entities[c.entity as usize].id;
        let sure: rustc_hash::FxHashSet<u32> = found
            .iter()
            .filter_map(|f| {
                let mut cs = self
                    .allowed(f.pattern, &doc, f.start, f.end)
                    .filter(|c| !c.context_only && !initial(f.start, f.end, c));
                let first = id_of(cs.next()?);
                cs.all(|c| id_of(c) == first).then_some(first)
            })
            .collect();
        found
            .into_iter()
            .filter_map(|f| {
                let (s, e) = (f.start, f.end);
                let ok = |c: &&Candidate| {
                    let known = full.contains(&id_of(c));
                    (!c.context_only || known || followed_by_group_noun(text, e))
                        && (!initial(s, e, c) || known)
                };
                let eligible = || self.allowed(f.pattern, &doc, s, e).filter(ok);
                let best = eligible().next()?;
                let (c, resolved_by) = if eligible().all(|c| id_of(c) == id_of(best)) {
                    (best, resolved::UNIQUE)
                } else if sure.contains(&id_of(best)) {
                    (best, resolved::CONTEXT_DOCUMENT)
                } else if let Some(c) = eligible().find(|c| sure.contains(&id_of(c))) {
                    (c, resolved::CONTEXT_DOCUMENT)
                } else {
                    (best, resolved::PRIORITY)
                };
                let ent = &self.entities[c.entity as usize];
                Some(Mention {
                    start: s,
                    end: e,
                    label: ent.label.clone(),
                    id: self.ids[ent.id as usize].clone(),
                    name: ent.name.clone(),
                    lexicon: self.lexicons[ent.lexicon as usize].name.clone(),
                    resolved_by,
                })
            })
            .collect()
    }

    /// Phase 1 of [`Gazetteer::tag`]: the accepted spans, in text order.
    ///
    /// What it computes: from the start of the folded text, take the leftmost-longest match; if
    /// it is rejected, retry the longest shorter alias at the same start ([`Automaton::shorter`]);
    /// when one is accepted, go on from its end, and when none is, search again one char after
    /// the match's start (`reference_spans` in the tests does exactly that; proptests compare
    /// the two).
    ///
    /// Searching again costs a rescan of the match, once per rejected match (most are inside
    /// words: "hu" in "thus"), so this loop keeps ONE leftmost-longest iterator going wherever a
    /// fresh search would give the same next match, and starts a new one only where it would
    /// not:
    /// * after accepting the longest match, a fresh search starts at its end, which is where
    ///   the iterator goes on;
    /// * after rejecting a match, the fresh searches would find, one by one, the matches that
    ///   start inside it; those whose start is inside an ASCII word are all rejected
    ///   ([`possible_start`]), so if every start inside the match is, the searches end up at
    ///   the match's end, where the iterator goes on. Otherwise the search restarts at the
    ///   first start inside the match that can be accepted;
    /// * after accepting a shorter alias, the search restarts at its end.
    fn find_spans(&self, ac: &Automaton, view: &MatchView<'_>, doc: &Doc<'_>) -> Vec<Found> {
        let hay = view.folded();
        let mut found = Vec::new();
        let mut hits = ac.find_iter_from(hay, 0);
        while let Some(first) = hits.next() {
            let restart = match self.accept(ac, first, view, doc) {
                Some(f) => {
                    let view_end = f.view_end;
                    found.push(f);
                    (view_end != first.end).then_some(view_end)
                }
                None => (first.start + 1..first.end)
                    .find(|&k| hay.is_char_boundary(k) && possible_start(hay, k)),
            };
            if let Some(at) = restart {
                hits = ac.find_iter_from(hay, at);
            }
        }
        found
    }

    /// The longest alias of `first`'s chain (`first`, then shorter aliases at the same start)
    /// that is accepted: on char boundaries of the text, whole words, and with a candidate that
    /// the language and case allow.
    fn accept(
        &self,
        ac: &Automaton,
        first: Hit,
        view: &MatchView<'_>,
        doc: &Doc<'_>,
    ) -> Option<Found> {
        // Every alias of the chain starts there: one cheap check rejects them all inside a word.
        if !possible_start(view.folded(), first.start) {
            return None;
        }
        let mut attempt = Some(first);
        while let Some(m) = attempt {
            if let Some((s, e)) = view.to_text(m.start, m.end) {
                if word_bounded(doc.text, s, e)
                    && self.allowed(m.pattern, doc, s, e).next().is_some()
                {
                    return Some(Found {
                        start: s,
                        end: e,
                        pattern: m.pattern,
                        view_end: m.end,
                    });
                }
            }
            attempt = ac.shorter(m);
        }
        None
    }

    /// Candidates of `pattern` that the language and the matched text's case allow, best first
    /// (they are stored in rank order).
    fn allowed<'s>(
        &'s self,
        pattern: usize,
        doc: &'s Doc<'_>,
        s: usize,
        e: usize,
    ) -> impl Iterator<Item = &'s Candidate> + 's {
        let matched = &doc.text[s..e];
        self.candidates[pattern].iter().filter(move |c| {
            doc.lang_ok[c.lexicon as usize]
                && c.generated.map_or(true, |l| l.applies_to(doc.lang))
                && case_ok(&c.case, matched)
        })
    }
}

/// One document as [`Gazetteer::tag`] sees it.
struct Doc<'a> {
    text: &'a str,
    /// ISO 639-3 code of its language.
    lang: &'a str,
    /// Per lexicon: whether it applies to the document's language.
    lang_ok: Vec<bool>,
}

/// An accepted span: text byte range, pattern, and where the match ended in the match view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Found {
    start: usize,
    end: usize,
    pattern: usize,
    view_end: usize,
}

/// Whether a match starting at byte `k` of the folded text may be accepted, as far as one look
/// at its neighbours tells: `false` when the bytes on both sides are ASCII letters or digits.
///
/// NOTE: exact, not a heuristic. The folded bytes on both sides come from the text chars on
/// both sides of the match's start (or `k` is inside one char's fold, and no match is accepted
/// there), and a char whose fold begins or ends with an ASCII letter or digit is a word char
/// (`fold_ascii_alnum_comes_from_word_chars` checks every char); two word chars meet there, so
/// [`word_bounded`] rejects every match starting at `k`.
fn possible_start(folded: &str, k: usize) -> bool {
    let b = folded.as_bytes();
    k == 0 || k >= b.len() || !(b[k - 1].is_ascii_alphanumeric() && b[k].is_ascii_alphanumeric())
}

/// Whether the word at `s` stands inside a sentence, written in mixed case: not at the start of
/// the text, of a line, or after `.`, `!`, `?` or `…` (quotes, brackets and dashes between are
/// skipped), and not in an all-caps run.
fn mid_sentence(text: &str, s: usize, matched: &str) -> bool {
    if !matched.chars().any(char::is_lowercase) {
        return false;
    }
    for c in text[..s].chars().rev() {
        match c {
            '\n' | '.' | '!' | '?' | '…' => return false,
            c if c.is_whitespace() => {}
            c if !is_word_char(c) && !matches!(c, ',' | ';' | ':') => {}
            _ => return true,
        }
    }
    false
}

/// Words after a surname that make it name a family or group on its own, so a context-only
/// surname alias is tagged without a full name nearby (guideline: "the Safarov brothers",
/// "the Safarov case" are PER).
pub const GROUP_NOUNS: &[&str] = &[
    "brothers",
    "sisters",
    "siblings",
    "family",
    "families",
    "clan",
    "couple",
    "case",
    "affair",
    "dynasty",
    "twins",
    "братья",
    "сёстры",
    "семья",
    "дело",
    "qardaşları",
    "ailəsi",
];

/// Whether the word after `end` (one space away) is one of [`GROUP_NOUNS`].
fn followed_by_group_noun(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..word_end];
    // Compared char by char, lowercased, without allocating: the same as `word.to_lowercase()`
    // here (its one context rule, a final sigma, touches no group noun).
    GROUP_NOUNS
        .iter()
        .any(|noun| word.chars().flat_map(char::to_lowercase).eq(noun.chars()))
}

fn case_ok(check: &CaseCheck, matched: &str) -> bool {
    match check {
        CaseCheck::None => true,
        CaseCheck::Capital => matched.chars().next().is_some_and(char::is_uppercase),
        CaseCheck::Exact(want) => {
            let mut a = matched.chars().map(typo_fold);
            let mut b = want.chars();
            loop {
                match (a.next(), b.next()) {
                    (None, None) => return true,
                    (Some(x), Some(y)) if x == y => {}
                    _ => return false,
                }
            }
        }
    }
}

/// A word character for boundary checks: letters, digits, combining marks.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (the common blocks): they belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whether text[s..e] stands as whole words.
fn word_bounded(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let first = text[s..e].chars().next();
    let last = text[s..e].chars().next_back();
    let start_ok = match (before, first) {
        (Some(b), Some(f)) => !((is_word_char(b) && is_word_char(f)) || b == '#' || b == '@'),
        _ => true,
    };
    let end_ok = match (last, after) {
        (Some(l), Some(a)) => !(is_word_char(l) && is_word_char(a)),
        _ => true,
    };
    start_ok && end_ok
}

/// Typographic folding for matching: curly quotes and primes to ASCII quotes, dash and hyphen
/// variants to `-`. Output text keeps the original characters.
pub fn typo_fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{FF07}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{FF02}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        _ => c,
    }
}

/// Folds one char for the match view: typographic folding, then Unicode lowercase.
pub fn fold_char(c: char, out: &mut String) {
    let c = typo_fold(c);
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Folds a whole string for the match view.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The folded text the automaton scans, with a way back to text offsets.
struct MatchView<'a> {
    folded: std::borrow::Cow<'a, str>,
    /// The chars whose fold is not one char of their own length in bytes (curly quotes and
    /// dashes fold to ASCII, `İ` to two chars), in text order. Between two of them, every char
    /// folds to one char of its own length, so folded and text offsets differ by a constant.
    /// Empty for ASCII text.
    shifts: Vec<Shift>,
}

/// The first byte at or after `from` that starts a char [`fold_char`] may do more to than ASCII
/// lowercasing: a non-ASCII byte or '`'. Scans 16 bytes at a time (the compiler vectorizes the
/// fixed-size check).
fn next_special(bytes: &[u8], from: usize) -> usize {
    let special = |b: u8| !b.is_ascii() || b == b'`';
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16) {
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            break;
        }
        i += 16;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| special(b))
        .map_or(bytes.len(), |n| i + n)
}

/// One char whose fold changes the byte offsets after it.
#[derive(Clone, Copy, Debug)]
struct Shift {
    /// Offset of its fold in the folded text.
    folded: usize,
    /// Length of its fold in bytes.
    folded_len: usize,
    /// Offset of the char in the text.
    text: usize,
    /// Length of the char in bytes.
    text_len: usize,
}

impl<'a> MatchView<'a> {
    fn new(text: &'a str) -> MatchView<'a> {
        let bytes = text.as_bytes();
        let mut next = next_special(bytes, 0);
        if next == bytes.len() && !bytes.iter().any(u8::is_ascii_uppercase) {
            return MatchView {
                folded: std::borrow::Cow::Borrowed(text),
                shifts: Vec::new(),
            };
        }
        // ASCII letters fold to lowercase in place; only the "special" chars (non-ASCII, and
        // '`') may fold to something else or change length.
        let mut lower = text.to_owned();
        lower.make_ascii_lowercase();
        if next == bytes.len() {
            return MatchView {
                folded: std::borrow::Cow::Owned(lower),
                shifts: Vec::new(),
            };
        }
        let mut folded = String::with_capacity(text.len() + 16);
        let mut shifts = Vec::new();
        let mut copied = 0;
        while next < bytes.len() {
            let at = next;
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            next = next_special(bytes, at + c.len_utf8());
            let f = typo_fold(c);
            // Most special chars fold to themselves (lowercase letters of other scripts).
            if f == c && !c.is_ascii() && c.to_lowercase().eq([c]) {
                continue;
            }
            folded.push_str(&lower[copied..at]);
            let from = folded.len();
            fold_char(c, &mut folded);
            let fold = &folded[from..];
            if fold.len() != c.len_utf8() || fold.chars().nth(1).is_some() {
                shifts.push(Shift {
                    folded: from,
                    folded_len: fold.len(),
                    text: at,
                    text_len: c.len_utf8(),
                });
            }
            copied = at + c.len_utf8();
        }
        folded.push_str(&lower[copied..]);
        MatchView {
            folded: std::borrow::Cow::Owned(folded),
            shifts,
        }
    }

    fn folded(&self) -> &str {
        &self.folded
    }

    /// Text range of the folded range `s..e` (char boundaries of the folded text), when both
    /// ends fall on boundaries of text chars (not inside the fold of one char).
    fn to_text(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        Some((self.text_offset(s)?, self.text_offset(e)?))
    }

    /// The text offset of the folded char boundary `k`, or `None` inside the fold of one char.
    fn text_offset(&self, k: usize) -> Option<usize> {
        let i = self.shifts.partition_point(|sh| sh.folded <= k);
        let Some(sh) = i.checked_sub(1).map(|i| self.shifts[i]) else {
            return Some(k);
        };
        if k == sh.folded {
            Some(sh.text)
        } else if k < sh.folded + sh.folded_len {
            None
        } else {
            Some(sh.text + sh.text_len + (k - sh.folded - sh.folded_len))
        }
    }
}

/// The lexicons with their resolved paths: the config's enabled ones, or `overrides` instead
/// when given (`lexicon check|stats --lexicon FILE`; `run` adds, see [`CliLexicons`]).
pub(crate) fn specs(config: &Config, overrides: &[PathBuf]) -> Vec<(LexiconSpec, PathBuf)> {
    let cli = CliLexicons {
        paths: overrides.to_vec(),
        label: None,
        replace: !overrides.is_empty(),
    };
    cli.specs(config)
}

/// Lexicon files named on the command line: `--lexicon FILE` (repeatable), `--label LABEL` and
/// `--no-default-lexicons`.
///
/// Policy (spaCy's `EntityRuler.add_patterns`): the files are added to the config's lexicons,
/// after them, with priority 1 so they win a tie on the same span against the config's
/// (priority 0 unless configured); `replace` drops the config's lexicons instead. Each is named
/// after its file stem, with `-2`, `-3`, ... when a loaded lexicon has the name. `label` is the label of
/// entries that carry none (a 3-column `.tsv`, a spaCy pattern without one, a `.txt` list).
#[derive(Clone, Debug, Default)]
pub struct CliLexicons {
    /// The files, as typed (relative to the working directory).
    pub paths: Vec<PathBuf>,
    /// `--label`.
    pub label: Option<String>,
    /// `--no-default-lexicons`.
    pub replace: bool,
}

impl CliLexicons {
    /// The lexicons to load, in order, with the path to read each from.
    pub fn specs(&self, config: &Config) -> Vec<(LexiconSpec, PathBuf)> {
        let mut out: Vec<(LexiconSpec, PathBuf)> = if self.replace {
            Vec::new()
        } else {
            config
                .lexicons
                .iter()
                .filter(|l| l.enabled)
                .map(|l| (l.clone(), config.resolve(&l.path)))
                .collect()
        };
        // Entities name their lexicon: two loaded lexicons must not share a name.
        let mut taken: std::collections::HashSet<String> =
            out.iter().map(|(l, _)| l.name.clone()).collect();
        for p in &self.paths {
            let mut spec = LexiconSpec::from_cli(p);
            let stem = spec.name.clone();
            let mut n = 1;
            while !taken.insert(spec.name.clone()) {
                n += 1;
                spec.name = format!("{stem}-{n}");
            }
            spec.label = self.label.clone();
            if !self.replace {
                spec.priority = 1;
            }
            out.push((spec, p.clone()));
        }
        out
    }

    /// Whether the config's lexicons are loaded (so an unreadable one is the config's fault).
    fn keeps_config(&self) -> bool {
        !self.replace
    }
}

/// A lexicon file that cannot be read. For a config lexicon the message points at the config
/// line that declares it.
fn lexicon_io_error(
    config: &Config,
    spec: &LexiconSpec,
    path: &std::path::Path,
    cli: &CliLexicons,
    source: std::io::Error,
) -> Error {
    if !cli.keeps_config() || cli.paths.iter().any(|p| p == path) {
        return Error::io(path, source);
    }
    let declared = spec.path.to_string_lossy();
    Error::parse(
        &config.path,
        crate::error::line_in_file(&config.path, &[&declared]),
        format!("lexicon {:?}: {}: {source}", spec.name, path.display()),
    )
}

fn build(specs: &[(LexiconSpec, PathBuf)], normalizer: &Normalizer) -> Result<Gazetteer> {
    let mut builder = Builder::default();
    for (spec, path) in specs {
        let (entries, bytes) = lexicon::load(spec, path)?;
        builder.add(spec, &entries, normalizer, &bytes)?;
    }
    builder.build()
}

/// Collects lexicons and compiles the automaton.
#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    index: HashMap<String, usize>,
    candidates: Vec<Vec<Candidate>>,
    entities: Vec<EntityInfo>,
    ids: Vec<Arc<str>>,
    id_index: HashMap<String, u32>,
    labels: HashMap<String, Arc<str>>,
    lexicons: Vec<LexiconRuntime>,
    info: Vec<LexiconInfo>,
    inflect: InflectReport,
    /// Where each generated candidate came from: (pattern, entity) -> (line, alias, form).
    origins: HashMap<(usize, u32), (usize, String, String)>,
}

impl Builder {
    fn add(
        &mut self,
        spec: &LexiconSpec,
        entries: &[lexicon::Entry],
        normalizer: &Normalizer,
        bytes: &[u8],
    ) -> Result<()> {
        let lex = u16::try_from(self.lexicons.len())
            .map_err(|_| Error::Usage("too many lexicons (at most 65535)".into()))?;
        let lex_name: Arc<str> = spec.name.as_str().into();
        self.lexicons.push(LexiconRuntime {
            name: lex_name,
            languages: spec.languages.clone(),
        });
        let mut alias_count = 0;
        let mut generated_count = 0;
        let person =
            |label: &str| label.eq_ignore_ascii_case("PER") || label.eq_ignore_ascii_case("PERSON");
        for entry in entries {
            let id = match self.id_index.get(&entry.id) {
                Some(&i) => i,
                None => {
                    let i = self.ids.len() as u32;
                    self.ids.push(entry.id.as_str().into());
                    self.id_index.insert(entry.id.clone(), i);
                    i
                }
            };
            let label = self
                .labels
                .entry(entry.label.clone())
                .or_insert_with(|| entry.label.as_str().into())
                .clone();
            let entity = self.entities.len() as u32;
            self.entities.push(EntityInfo {
                id,
                label,
                name: entry.name.as_str().into(),
                lexicon: lex,
            });
            for alias in &entry.aliases {
                let normalized = normalizer.normalize_str(&alias.text);
                let key = fold_str(&normalized);
                if key.trim().is_empty() {
                    continue;
                }
                alias_count += 1;
                let case = case_check(spec.case, alias.exact_case, &normalized);
                self.push_candidate(
                    key,
                    Candidate {
                        entity,
                        lexicon: lex,
                        priority: spec.priority,
                        context_only: alias.context_only,
                        case,
                        generated: None,
                        mid_sentence: false,
                    },
                );
                let langs = alias.inflect.as_deref().unwrap_or(&spec.inflect);
                for &lang in langs {
                    for form in inflect::forms(lang, &normalized, person(&entry.label)) {
                        let form = normalizer.normalize_str(&form);
                        let case = case_check(spec.case, alias.exact_case, &form);
                        let mut mid_sentence = false;
                        if inflect::common_word(lang, &form) {
                            let list = lang.common_list();
                            let kind = if matches!(case, CaseCheck::None) {
                                FormNoteKind::CommonWordDropped(list)
                            } else {
                                mid_sentence = true;
                                FormNoteKind::CommonWordMidSentence(list)
                            };
                            self.inflect.notes.push(FormNote {
                                lexicon: lex as usize,
                                line: entry.line,
                                alias: alias.text.clone(),
                                form: form.clone(),
                                lang,
                                kind: kind.clone(),
                            });
                            if !mid_sentence {
                                continue;
                            }
                        }
                        let key = fold_str(&form);
                        let pushed = self.push_candidate(
                            key,
                            Candidate {
                                entity,
                                lexicon: lex,
                                priority: spec.priority,
                                context_only: alias.context_only,
                                case,
                                generated: Some(lang),
                                mid_sentence,
                            },
                        );
                        if let Some(p) = pushed {
                            generated_count += 1;
                            self.origins
                                .insert((p, entity), (entry.line, alias.text.clone(), form));
                        }
                    }
                }
            }
        }
        self.inflect.generated.push(generated_count);
        self.info.push(LexiconInfo {
            name: spec.name.clone(),
            path: spec.path.to_string_lossy().replace('\\', "/"),
            digest: hex(&Sha256::digest(bytes)),
            entries: entries.len(),
            aliases: alias_count,
        });
        Ok(())
    }

    /// Adds a candidate to the pattern `key`; returns the pattern when a new candidate went in.
    /// One candidate per entity and context-only flag is enough; an alias as written replaces a
    /// generated form of the same entity.
    fn push_candidate(&mut self, key: String, cand: Candidate) -> Option<usize> {
        let pattern = match self.index.get(&key) {
            Some(&p) => p,
            None => {
                let p = self.patterns.len();
                self.patterns.push(key.clone());
                self.index.insert(key, p);
                self.candidates.push(Vec::new());
                p
            }
        };
        let cands = &mut self.candidates[pattern];
        match cands
            .iter()
            // One candidate per entity, context flag and case check; aliases that fold to one
            // key but check case differently (`BAKU|Baku`) each keep their own.
            .position(|c| {
                c.entity == cand.entity
                    && c.context_only == cand.context_only
                    && c.case == cand.case
            }) {
            Some(at) if cands[at].generated.is_some() && cand.generated.is_none() => {
                cands[at] = cand;
                None
            }
            Some(_) => None,
            None => {
                cands.push(cand);
                Some(pattern)
            }
        }
    }

    /// Drops generated candidates that collide with other entities: with an alias as written of
    /// another id, or (no alias as written) with generated forms of several ids.
    fn drop_collisions(&mut self) {
        for (p, cands) in self.candidates.iter_mut().enumerate() {
            if !cands.iter().any(|c| c.generated.is_some()) {
                continue;
            }
            let id_of = |c: &Candidate| self.entities[c.entity as usize].id;
            let written: Vec<u32> = cands
                .iter()
                .filter(|c| c.generated.is_none())
                .map(id_of)
                .collect();
            let mut ids: Vec<u32> = cands.iter().map(id_of).collect();
            ids.sort_unstable();
            ids.dedup();
            if ids.len() < 2 {
                continue;
            }
            // Forms of one alias shared by several entities (two brothers' "Safarov") keep the
            // written alias's ambiguity and ranking: that is no new collision.
            let origin = |c: &Candidate| self.origins.get(&(p, c.entity)).map(|o| fold_str(&o.1));
            let first = cands.first().and_then(origin);
            if written.is_empty() && first.is_some() && cands.iter().all(|c| origin(c) == first) {
                continue;
            }
            let mut dropped = Vec::new();
            cands.retain(|c| {
                let keep =
                    c.generated.is_none() || (!written.is_empty() && written.contains(&id_of(c)));
                if !keep {
                    dropped.push(c.clone());
                }
                keep
            });
            for c in dropped {
                let own = id_of(&c);
                let mut others: Vec<String> = ids
                    .iter()
                    .filter(|&&i| i != own)
                    .map(|&i| self.ids[i as usize].to_string())
                    .collect();
                others.sort();
                let (line, alias, form) = self
                    .origins
                    .get(&(p, c.entity))
                    .cloned()
                    .unwrap_or_default();
                let lex = c.lexicon as usize;
                self.inflect.generated[lex] -= 1;
                self.inflect.notes.push(FormNote {
                    lexicon: lex,
                    line,
                    alias,
                    form,
                    lang: c.generated.expect("only generated candidates are dropped"),
                    kind: FormNoteKind::Collision(others),
                });
            }
        }
    }

    fn build(mut self) -> Result<Gazetteer> {
        self.drop_collisions();

        // Rank candidates: priority (high first), then lexicon order, then file order; full
        // aliases before context-only ones of the same rank.
        for c in &mut self.candidates {
            c.sort_by_key(|c| {
                (
                    std::cmp::Reverse(c.priority),
                    c.lexicon,
                    c.entity,
                    c.context_only,
                )
            });
        }
        let automaton =
            if self.patterns.is_empty() {
                None
            } else {
                Some(Automaton::build(&self.patterns).map_err(|e| {
                    Error::Usage(format!("cannot build the gazetteer automaton: {e}"))
                })?)
            };
        Ok(Gazetteer {
            automaton,
            candidates: self.candidates,
            entities: self.entities,
            ids: self.ids,
            lexicons: self.lexicons,
            info: self.info,
            inflect: self.inflect,
        })
    }
}

fn case_check(mode: CaseMode, exact_alias: bool, alias: &str) -> CaseCheck {
    let exact = || CaseCheck::Exact(alias.chars().map(typo_fold).collect::<String>().into());
    if exact_alias {
        return exact();
    }
    match mode {
        CaseMode::Sensitive => exact(),
        CaseMode::Insensitive => CaseCheck::None,
        CaseMode::Smart => {
            let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
            let has_lower = alias.chars().any(char::is_lowercase);
            if letters <= 3 || !has_lower {
                exact()
            } else if alias.chars().next().is_some_and(char::is_uppercase) {
                CaseCheck::Capital
            } else {
                CaseCheck::None
            }
        }
    }
}

#[cfg(test)]
mod tests;
