//! Stopword lists for the main-content model and the prose tests, one per language, shipped in the
//! binary (`include_str!` of `data/stopwords/<code>.txt`, generated from jusText's stoplists by
//! `data/stopwords/build.py`; source, commit and licence in `data/stopwords/README.md`).
//!
//! Boilerplate runs before the language stage, so the document's language is chosen here, cheaply:
//! the words of its longer lines vote for every language whose list contains them (its most
//! frequent words twice)
//! (`identify`); the language with the most votes wins when it has enough of them. Chinese and
//! Japanese have no list (no spaces between words): their lines are judged by script in `body`.
//!
//! Every word of every list maps to a bitset of the languages that list it (one `u64`, at most 64
//! languages), so a lookup is one hash probe whatever the language (`bits`, for `identify`; most
//! words are in no list, and a bitmap answers those from the cache). Once the language is known,
//! the model looks every word up in that language's own list (`DocLang::is_stop_word`, the same
//! answer from a table small enough to stay in the cache).

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::keytable::KeyTable;

use super::line::{ascii_head_key, ascii_key, has_cjk_lead, is_ascii_word, with_lowercase};
#[cfg(test)]
use super::line::{ascii_key_within, bare, words as words_of};

mod lists;
pub(crate) use lists::LISTS;

/// How many of a list's first (most frequent) words vote in [`identify`]: the function words every
/// text of the language has, so long lists (Russian's 4,000 forms) do not outvote short ones.
const CORE: usize = 100;

/// Language bits of a word: every list that has it, and the lists whose [`CORE`] has it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Bits {
    pub full: u64,
    pub core: u64,
}

/// A word's [`Bits`] as an index into the table's distinct values (about 1,200 of them: words of
/// the same lists share one): two bytes where the bits are sixteen. The line features keep one
/// per word of the document for the language vote and the stopword counts, a vector written
/// once per word (at sixteen bytes a word, two fifths of the stage's cache misses on writes),
/// and the lookup table holds them in smaller slots. Index 0 is the word of no list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordId(u16);

impl WordId {
    /// The word's language bits.
    #[inline]
    pub(crate) fn bits(self) -> Bits {
        TABLE.distinct[usize::from(self.0)]
    }
}

/// Every list's words with their language bits. ASCII words of at most 7 bytes are packed into a
/// `u64` key (no string hashing for the common short words); the rest are keyed by string.
struct Table {
    /// The distinct bits of the words, [`WordId`]'s index (the word of no list first).
    distinct: Vec<Bits>,
    /// The ASCII words packed in a key ([`ascii_key`]), in one array for the lookups
    /// ([`KeyTable`], at most half full; its filter answers most words of a text, in no list,
    /// from a 64 KB bitmap).
    probe: KeyTable<WordId>,
    /// Keyed by the words' bytes, so an ASCII word lowercased on the stack is looked up without
    /// checking it is UTF-8 ([`lower_ascii_then`]). (Their bits, turned into a [`WordId`] by
    /// `ids` when looked up: the few words not ASCII or long of a text, where the map of every
    /// such word would cost the first document its copy.)
    other: FxHashMap<&'static [u8], Bits>,
    /// The [`WordId`] of each of `distinct`.
    ids: FxHashMap<Bits, WordId>,
    /// The ASCII words of `other`, for [`LongAscii::may_hold`].
    long: LongAscii,
    /// Letters in the longest word (a longer word is in no list).
    longest: usize,
    /// The keys of `probe` and their ids, the most frequent words first (their best rank in a
    /// list), as `probe` was built from them: for [`ascii_word_ids`].
    ascii: Vec<(u64, WordId)>,
}

/// The larger of `longest` and the characters of `w`: the characters are counted only when `w`
/// has more bytes than `longest` (a word has at most as many characters as bytes, so a shorter
/// one cannot be longer), where counting every word of the 64 lists' tables cost the first
/// document some 8 M instructions.
fn longest_chars(longest: usize, w: &str) -> usize {
    if w.len() > longest {
        longest.max(w.chars().count())
    } else {
        longest
    }
}

/// Slots per key of the vote's table: at most half full.
const PROBE_SPREAD: usize = 2;

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    assert!(LISTS.len() <= 64, "one bit per language");
    // Each ASCII key's bits and best rank in a list.
    let mut ascii: FxHashMap<u64, (Bits, usize)> = FxHashMap::default();
    let mut other: FxHashMap<&'static [u8], Bits> = FxHashMap::default();
    let mut t = Table {
        distinct: vec![Bits::default()],
        probe: KeyTable::new(&FxHashMap::default(), PROBE_SPREAD),
        other: FxHashMap::default(),
        ids: FxHashMap::default(),
        long: LongAscii::new(),
        longest: 0,
        ascii: Vec::new(),
    };
    for (bit, (_, words)) in LISTS.iter().enumerate() {
        for (rank, w) in words.lines().filter(|w| !w.is_empty()).enumerate() {
            let b = match ascii_key(w.as_bytes()) {
                Some(k) => {
                    let e = ascii.entry(k).or_insert((Bits::default(), rank));
                    e.1 = e.1.min(rank);
                    &mut e.0
                }
                None => other.entry(w.as_bytes()).or_default(),
            };
            b.full |= 1 << bit;
            if rank < CORE {
                b.core |= 1 << bit;
            }
            t.longest = longest_chars(t.longest, w);
        }
    }
    // The bits of the core words first: the words of most text, whose few hundred values then
    // share the cache lines the vote and the stopword counts read.
    let values: FxHashSet<Bits> = ascii
        .values()
        .map(|e| e.0)
        .chain(other.values().copied())
        .collect();
    let mut values: Vec<Bits> = values.into_iter().collect();
    values.sort_unstable_by_key(|b| (b.core == 0, b.full, b.core));
    t.distinct.extend(values);
    t.ids = t
        .distinct
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            (
                b,
                WordId(u16::try_from(i).expect("distinct bits fit 16 bits")),
            )
        })
        .collect();
    let mut ranked: Vec<(usize, u64, WordId)> = ascii
        .into_iter()
        .map(|(k, (b, rank))| (rank, k, t.ids[&b]))
        .collect();
    ranked.sort_unstable_by_key(|&(rank, k, _)| (rank, k));
    t.ascii = ranked.into_iter().map(|(_, k, id)| (k, id)).collect();
    for w in other.keys() {
        t.long.insert(w);
    }
    t.probe = KeyTable::ordered(&t.ascii, PROBE_SPREAD);
    t.other = other;
    t
});

/// Every ASCII word of a list packed by [`ascii_key`], with its [`WordId`] (what [`word_id`] gives
/// it), the most frequent words first: for a table that looks up more than the language bits.
pub(crate) fn ascii_word_ids() -> &'static [(u64, WordId)] {
    &TABLE.ascii
}

/// A necessary condition for an ASCII word too long for a packed key to be a word of a set: the
/// word's first seven bytes lowercased (packed by [`ascii_key`]), its last byte lowercased and its
/// length, hashed to one bit of 2^16. The long words of a list are few (a few hundred), so most
/// long words of a text (English words of eight letters and more) are answered here, without
/// lowercasing and hashing the word. (Length, first and last byte alone let through a word in
/// ten: many English words share them with some list word.)
struct LongAscii(Vec<u64>);

impl LongAscii {
    const BITS: usize = 1 << 16;

    fn new() -> Self {
        LongAscii(vec![0; Self::BITS / 64])
    }

    // (Inlined: asked of every long ASCII word of a document, where the call cost a fifth of
    // the answer.)
    #[inline]
    fn slot(w: &[u8]) -> usize {
        let head = ascii_head_key(w).unwrap_or_default();
        let last = w[w.len() - 1].to_ascii_lowercase();
        let k = head.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (w.len() as u64) << 8 ^ u64::from(last);
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS.trailing_zeros())) as usize
    }

    /// Adds a word of the set (as listed: the lowercase a word must have to be it).
    fn insert(&mut self, w: &[u8]) {
        if w.is_ascii() && !w.is_empty() {
            let at = Self::slot(w);
            self.0[at / 64] |= 1 << (at % 64);
        }
    }

    /// False when the non-empty ASCII word `w` lowercases to no inserted word.
    #[inline]
    fn may_hold(&self, w: &[u8]) -> bool {
        let at = Self::slot(w);
        self.0[at / 64] & (1 << (at % 64)) != 0
    }
}

/// One language's list (or the union of every list's [`CORE`]), keyed as in [`Table`]: what
/// [`DocLang::is_stop_word`] looks a word up in. A table of a few hundred words stays in the cache,
/// where the table of every list's words (tens of thousands) does not.
struct Set {
    ascii: FxHashSet<u64>,
    /// Keyed by bytes, as [`Table`]'s `other`.
    other: FxHashSet<&'static [u8]>,
    /// The ASCII words of `other`, for [`LongAscii::may_hold`].
    long: LongAscii,
    /// Some word of `other` is not ASCII.
    other_non_ascii: bool,
    longest: usize,
}

impl Set {
    fn new<'w>(words: impl Iterator<Item = &'w &'static str>) -> Set {
        let mut s = Set {
            ascii: FxHashSet::default(),
            other: FxHashSet::default(),
            long: LongAscii::new(),
            other_non_ascii: false,
            longest: 0,
        };
        for &w in words {
            s.other_non_ascii |= !w.is_ascii();
            match ascii_key(w.as_bytes()) {
                Some(k) => s.ascii.insert(k),
                None => {
                    s.long.insert(w.as_bytes());
                    s.other.insert(w.as_bytes())
                }
            };
            s.longest = longest_chars(s.longest, w);
        }
        s
    }

    /// Whether the set has `word`, looked up as `bits_keyed` looks it up.
    fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if let Some(k) = ascii_key(b) {
            return self.ascii.contains(&k);
        }
        let too_long = if b.is_ascii() {
            b.len() > self.longest || !self.long.may_hold(b)
        } else {
            // Only the Kelvin sign lowercases to an ASCII letter (`k`): any other non-ASCII
            // word stays non-ASCII, and a set of ASCII words (English) cannot have it.
            !self.other_non_ascii && !word.contains('\u{212A}')
                || word.chars().nth(self.longest).is_some()
        };
        let has = |w: &[u8]| self.other.contains(w);
        !too_long
            && lower_ascii_then(b, has)
                .unwrap_or_else(|| with_lowercase(word, |w| has(w.as_bytes())))
    }
}

/// The words of each list, by list, then the union of every list's [`CORE`] words
/// ([`DocLang::set_index`]).
static SETS: LazyLock<Vec<Set>> = LazyLock::new(|| {
    let lists: Vec<Vec<&'static str>> = LISTS
        .iter()
        .map(|(_, words)| words.lines().filter(|w| !w.is_empty()).collect())
        .collect();
    let mut sets: Vec<Set> = lists.iter().map(|l| Set::new(l.iter())).collect();
    sets.push(Set::new(lists.iter().flat_map(|l| l.iter().take(CORE))));
    sets
});

/// The language bits of `word` (already stripped of punctuation), case-insensitively (what
/// [`identify`] reads, through `bits_keyed`; the language stage's vote on short text).
pub(crate) fn bits(word: &str) -> Bits {
    bits_keyed(&TABLE, word, ascii_key(word.as_bytes())).bits()
}

/// The language bits of `word` (already stripped of punctuation), case-insensitively, in the
/// table `t`, given its [`ascii_key`] `key` (read from its line by [`identify`]): the reference
/// the line features' lookups are tested against.
fn bits_keyed(t: &Table, word: &str, key: Option<u64>) -> WordId {
    let b = word.as_bytes();
    if let Some(k) = key {
        return t.probe.get(k);
    }
    if is_ascii_word(b) {
        return long_ascii_id(t, word);
    }
    if word.chars().nth(t.longest).is_some() {
        return WordId::default();
    }
    let get = |w: &[u8]| t.other.get(w).map_or(WordId::default(), |b| t.ids[b]);
    with_lowercase(word, |w| get(w.as_bytes()))
}

/// [`bits_keyed`] of the ASCII word `word` without its key (a long word): most are answered by
/// [`LongAscii::may_hold`].
#[inline]
fn long_ascii_id(t: &Table, word: &str) -> WordId {
    let b = word.as_bytes();
    if b.len() > t.longest || !t.long.may_hold(b) {
        return WordId::default();
    }
    let get = |w: &[u8]| t.other.get(w).map_or(WordId::default(), |b| t.ids[b]);
    lower_ascii_then(b, get).unwrap_or_else(|| with_lowercase(word, |w| get(w.as_bytes())))
}

/// [`word_id`] of an ASCII word (`line::is_ascii_word`) too long for a key.
#[inline]
pub(crate) fn word_id_long_ascii(word: &str) -> WordId {
    long_ascii_id(&TABLE, word)
}

/// `f` of the ASCII word `w` lowercased on the stack (the bytes `with_lowercase` gives it, without
/// checking them again for UTF-8); `None` for another word, or a longer one than the buffer.
#[inline]
fn lower_ascii_then<R>(w: &[u8], f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    let mut buf = [0u8; 64];
    if !w.is_ascii() || w.len() > buf.len() {
        return None;
    }
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    Some(f(lower))
}

/// The document's language as far as the boilerplate stage needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocLang {
    /// A language with a list: the bit of [`LISTS`].
    Listed(u8),
    /// Chinese or Japanese script: no word spaces, judged by characters.
    Cjk,
    /// None recognised: stopwords are any list's core words.
    Unknown,
    /// Enough words, and no list holds a real share of them: a language without a list
    /// (isiZulu, isiXhosa, Amharic, ...). Stopwords as for [`DocLang::Unknown`]; the
    /// main-content model judges its lines by length alone.
    Unlisted,
}

impl DocLang {
    /// The ISO 639-3 code of a listed language.
    #[cfg(test)]
    pub(crate) fn code(self) -> Option<&'static str> {
        match self {
            DocLang::Listed(bit) => Some(LISTS[bit as usize].0),
            _ => None,
        }
    }

    /// Whether a word with these bits is a stopword of this language: what
    /// [`DocLang::is_stop_word`] answers (the tests compare the two), from the bits the line
    /// features read for the language vote ([`word_id`]).
    #[inline]
    pub(crate) fn is_stop(self, b: Bits) -> bool {
        match self {
            DocLang::Listed(bit) => b.full & (1 << bit) != 0,
            DocLang::Cjk | DocLang::Unknown | DocLang::Unlisted => b.core != 0,
        }
    }

    /// How many of the words `ids` ([`word_id`]) are stopwords of this language.
    pub(crate) fn stops_in(self, ids: &[WordId]) -> usize {
        let distinct = &TABLE.distinct;
        ids.iter()
            .filter(|id| self.is_stop(distinct[usize::from(id.0)]))
            .count()
    }

    /// The index of this language's set in [`SETS`] (the core words' set for no language).
    pub(crate) fn set_index(self) -> usize {
        match self {
            DocLang::Listed(bit) => bit as usize,
            DocLang::Cjk | DocLang::Unknown | DocLang::Unlisted => LISTS.len(),
        }
    }

    /// `self.is_stop(bits(word))`, from this language's own list (or the core words): the lookup
    /// the main-content model makes for every word of the document.
    pub(crate) fn is_stop_word(self, word: &str) -> bool {
        SETS[self.set_index()].contains(word)
    }
}

/// A Han, Hiragana or Katakana character (the scripts written without spaces between words).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}')
}

/// Words looked at by [`identify`] at most (enough for a clear vote, cheap on long documents).
const SAMPLE_WORDS: usize = 400;

/// The language bits of `word` (already stripped of punctuation), case-insensitively, given its
/// [`ascii_key`] `key` (read from its line): what [`identify_read`] votes with, and what
/// [`DocLang::is_stop`] reads a language's stopwords off once the vote is done. (The line
/// features look every word up once for both, in their own table of the same answers; this is
/// the reference their tests compare with.)
#[cfg(test)]
pub(crate) fn word_id(word: &str, key: Option<u64>) -> WordId {
    bits_keyed(&TABLE, word, key)
}

/// [`word_id`] of a word that is not ASCII, given its lowercase (`line::with_lowercase`).
#[inline]
pub(crate) fn word_id_lowered(word: &str, lower: &str) -> WordId {
    let t = &*TABLE;
    if word.chars().nth(t.longest).is_some() {
        return WordId::default();
    }
    t.other
        .get(lower.as_bytes())
        .map_or(WordId::default(), |b| t.ids[b])
}

/// Chooses the document's language from the words of its lines of six words or more (running
/// text rather than menus), or from the script when most letters are Chinese or Japanese
/// ([`identify_read`] of the lines split here: the reference for the tests).
#[cfg(test)]
pub(crate) fn identify<'a>(lines: impl Iterator<Item = &'a str>) -> DocLang {
    let split: Vec<(&str, bool, Vec<WordId>)> = lines
        .map(|line| {
            let six = words_of(line).nth(5).is_some();
            let bits = words_of(line)
                .map(bare)
                .filter(|w| !w.is_empty())
                .map(|w| word_id(w, ascii_key_within(line, w)))
                .collect();
            (line, six, bits)
        })
        .collect();
    identify_read(split.iter().map(|(l, six, b)| (*l, *six, b.as_slice())))
}

/// [`identify`] from each line's text, whether it has six whitespace tokens or more, and the
/// [`word_id`] of its words (tokens with a letter or digit once stripped, `line::bare`), as the
/// line features read them: the words are not split again for the vote.
pub(crate) fn identify_read<'a>(
    lines: impl Iterator<Item = (&'a str, bool, &'a [WordId])>,
) -> DocLang {
    let distinct = &TABLE.distinct;
    let mut votes = Tally::default();
    let (mut words, mut cjk, mut letters) = (0usize, 0usize, 0usize);
    // The letters of the lines that are not ASCII count. Lines without a byte that starts a
    // Chinese or Japanese character (E3..E9, EF): their letters only matter when some other line
    // has such characters, and are counted then.
    let mut later: Vec<&str> = Vec::new();
    for (line, six, bits) in lines {
        if words >= SAMPLE_WORDS {
            break;
        }
        if line.is_ascii() {
            // No letter of an ASCII line counts.
        } else if !has_cjk_lead(line.as_bytes()) {
            later.push(line);
        } else {
            for c in line.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                cjk += usize::from(is_cjk(c));
            }
        }
        if !six {
            continue;
        }
        // Every list that has a word votes, its core words twice: long lists of inflected
        // forms (Korean, Russian) are found, and close languages are told apart by their most
        // frequent words.
        words += bits.len();
        votes.add_words(bits, distinct);
    }
    if cjk > 0 {
        letters += later
            .iter()
            .flat_map(|l| l.chars())
            .filter(|c| c.is_alphabetic())
            .count();
    }
    if letters > 0 && cjk * 2 > letters {
        return DocLang::Cjk;
    }
    elect(&votes.counts(), words)
}

/// One count per bit of a `u64` (per language), bit-sliced: plane `k` of `low` holds bit `k` of
/// every recent count, `high` the counts flushed from it. Adding a word's two sets of language bits
/// (its lists, and the lists whose core has it) is a fixed ripple through the eight planes, with
/// no branch: the carry loop that stopped at the last carry ran a different number of steps for
/// every word, a mispredicted branch per word of the vote. The planes hold counts below 256, so
/// they are flushed every [`Tally::FLUSH`] words (two at most per word).
struct Tally {
    low: [u64; 8],
    /// Words added to `low` since its last flush.
    pending: u32,
    high: [u32; 64],
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            low: [0; 8],
            pending: 0,
            high: [0; 64],
        }
    }
}

impl Tally {
    /// Words between flushes: each adds at most 2 to a count, and the planes hold 255.
    const FLUSH: u32 = 127;

    /// Adds each word's [`Bits`] (`distinct` of its [`WordId`]): one to the count of every list
    /// that has it, one more to that of every list whose core has it. The planes are copied to
    /// locals for the run of words between two flushes, so they stay in registers.
    fn add_words(&mut self, ids: &[WordId], distinct: &[Bits]) {
        let mut rest = ids;
        while !rest.is_empty() {
            let room = (Self::FLUSH - self.pending) as usize;
            let (now, later) = rest.split_at(room.min(rest.len()));
            let mut p = self.low;
            for id in now {
                let b = distinct[usize::from(id.0)];
                ripple(&mut p, b.full, b.core);
            }
            self.low = p;
            self.pending += now.len() as u32;
            if self.pending == Self::FLUSH {
                self.flush();
            }
            rest = later;
        }
    }

    /// Adds one to the count of every bit set in `a`, and one to that of every bit set in `b`.
    #[cfg(test)]
    fn add2(&mut self, a: u64, b: u64) {
        ripple(&mut self.low, a, b);
        self.pending += 1;
        if self.pending == Self::FLUSH {
            self.flush();
        }
    }

    /// Adds one to the count of every bit set in `x`.
    #[cfg(test)]
    fn add(&mut self, x: u64) {
        self.add2(x, 0);
    }

    /// Moves the planes' counts to `high`.
    fn flush(&mut self) {
        for (k, plane) in self.low.iter_mut().enumerate() {
            let mut p = *plane;
            while p != 0 {
                self.high[p.trailing_zeros() as usize] += 1 << k;
                p &= p - 1;
            }
            *plane = 0;
        }
        self.pending = 0;
    }

    /// The count of each bit.
    fn counts(&mut self) -> [u32; 64] {
        self.flush();
        self.high
    }
}

/// Adds `a + b`, per bit, to the bit-sliced counts `p` (below 256 after the addition).
#[inline(always)]
fn ripple(p: &mut [u64; 8], a: u64, b: u64) {
    // Per bit, a + b is a two-bit number (s0, s1); the full adder at plane 1 takes s1 and the
    // carry out of plane 0, then the carry ripples through the rest unconditionally.
    let (s0, s1) = (a ^ b, a & b);
    let mut c = p[0] & s0;
    p[0] ^= s0;
    let t = p[1] ^ s1;
    let c1 = (p[1] & s1) | (t & c);
    p[1] = t ^ c;
    c = c1;
    for plane in &mut p[2..] {
        let next = *plane & c;
        *plane ^= c;
        c = next;
    }
    debug_assert_eq!(c, 0, "the planes overflowed");
}

/// A document of at least this many words counted is [`DocLang::Unlisted`] when its best list
/// has fewer than 1/[`UNLISTED_SHARE`] of them (measured: an isiZulu or isiXhosa page's best
/// list has 3-6 % of its words, an English page of sports results 12 %).
const UNLISTED_WORDS: usize = 100;
const UNLISTED_SHARE: usize = 12;

/// The first of the best lists (list order breaks ties), when its votes are a real share of the
/// `words` counted.
fn elect(votes: &[u32], words: usize) -> DocLang {
    let (best, n) = votes.iter().enumerate().fold(
        (0, 0),
        |(bi, bn), (i, &n)| if n > bn { (i, n) } else { (bi, bn) },
    );
    if n >= 5 && n as usize * 6 >= words {
        DocLang::Listed(best as u8)
    } else if words >= UNLISTED_WORDS && n as usize * UNLISTED_SHARE < words {
        DocLang::Unlisted
    } else {
        DocLang::Unknown
    }
}

/// A listed word (lowercase) as a text writes it: as listed, capitalised, in capitals (the case
/// variants the lookup tests ask about).
#[cfg(test)]
pub(crate) fn case_forms(w: &str) -> [String; 3] {
    let mut cs = w.chars();
    let first: String = cs.next().into_iter().flat_map(char::to_uppercase).collect();
    [
        w.to_string(),
        format!("{first}{}", cs.as_str()),
        w.to_uppercase(),
    ]
}

#[cfg(test)]
mod tests;
