//! Word lookups that compare case as the case-insensitive date patterns do, without building a
//! pattern: the date word test ([`super::is_date_word`]) and the month word test of the lone
//! dateline prefilter ([`super::is_lone_dateline`]) ran a regex of the long alternation of month
//! forms, whose build was a large part of the first document's cost.

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use regex_syntax::is_word_character;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::boilerplate::line::ascii_key;

/// Words as a case-insensitive regex `^(?:word|word|stem\w*|...)$` takes them. The regex compares
/// a character with a pattern character by its simple case-folding orbit (regex_syntax's own
/// tables: `ſ` is `s`, the Kelvin sign `k`, U+1C80 `в`), so a word matches a literal exactly when
/// both read the same with every character replaced by the least character of its orbit; and a
/// character in no orbit of the words' characters matches none of them.
pub(super) struct FoldSet {
    /// The least character of the orbit, for every character in an orbit of the words'
    /// characters (ASCII ones in `ascii`, `\0` for none).
    fold: FxHashMap<char, char>,
    ascii: [u8; 128],
    /// The literal words, folded.
    words: FxHashSet<String>,
    /// The [`ascii_key`]s of the ASCII words (of at most 7 bytes): an ASCII word only matches
    /// an ASCII one and begins no stem (a test checks that no other character of the words and
    /// stems has an ASCII case variant), and then as ASCII case-insensitively, which is what the key compares. Most
    /// words asked are short ASCII ones: one packed key, no folding, no string hashing.
    keys: FxHashSet<u64>,
    /// The stems that take any tail of word characters (`\w*`), folded.
    stems: Vec<String>,
}

/// The longest folded word [`FoldSet::contains`] reads into its buffer; a longer one can only
/// match a stem (a test checks that every literal fits).
const LONGEST: usize = 64;

impl FoldSet {
    pub(super) fn new<'a>(
        words: impl IntoIterator<Item = &'a str>,
        stems: impl IntoIterator<Item = &'a str>,
    ) -> FoldSet {
        let words: Vec<&str> = words.into_iter().collect();
        let stems: Vec<&str> = stems.into_iter().collect();
        let mut set = FoldSet {
            fold: FxHashMap::default(),
            ascii: [0; 128],
            words: FxHashSet::default(),
            keys: FxHashSet::default(),
            stems: Vec::new(),
        };
        for c in words.iter().chain(&stems).flat_map(|w| w.chars()) {
            let mut orbit = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
            orbit.case_fold_simple();
            let least = orbit.ranges()[0].start();
            for r in orbit.ranges() {
                for m in r.start()..=r.end() {
                    match u8::try_from(m) {
                        Ok(b) if b.is_ascii() => set.ascii[usize::from(b)] = least as u8,
                        _ => {
                            set.fold.insert(m, least);
                        }
                    }
                }
            }
        }
        let folded =
            |w: &str| -> String { w.chars().map(|c| set.folded(c).expect("own")).collect() };
        let keys = words
            .iter()
            .filter_map(|w| ascii_key(w.as_bytes()))
            .collect();
        let words = words.iter().map(|w| folded(w)).collect();
        let stems = stems.iter().map(|w| folded(w)).collect();
        FoldSet {
            words,
            keys,
            stems,
            ..set
        }
    }

    /// The least character of `c`'s orbit, if that is an orbit of the words' characters. (An
    /// ASCII character's orbit is least at an ASCII character.)
    fn folded(&self, c: char) -> Option<char> {
        if c.is_ascii() {
            Some(char::from(self.ascii[c as usize])).filter(|&f| f != '\0')
        } else {
            self.fold.get(&c).copied()
        }
    }

    /// `word` is one of the words, or a stem followed by word characters only.
    pub(super) fn contains(&self, word: &str) -> bool {
        if let Some(key) = ascii_key(word.as_bytes()) {
            return self.keys.contains(&key);
        }
        let mut buf = [0u8; LONGEST];
        let mut len = 0;
        for (i, c) in word.char_indices() {
            match self.folded(c) {
                Some(f) if len + f.len_utf8() <= LONGEST => {
                    len += f.encode_utf8(&mut buf[len..]).len();
                }
                _ => {
                    return self.has_stem(&buf[..len]) && word[i..].chars().all(is_word_character);
                }
            }
        }
        let folded = std::str::from_utf8(&buf[..len]).expect("whole characters");
        // (A folded character is a letter: a tail of them is word characters.)
        self.words.contains(folded) || self.has_stem(&buf[..len])
    }

    /// The folded text `head` begins with a stem.
    fn has_stem(&self, head: &[u8]) -> bool {
        self.stems.iter().any(|s| head.starts_with(s.as_bytes()))
    }

    /// Every literal fits [`FoldSet::contains`]'s buffer.
    #[cfg(test)]
    pub(super) fn fits(&self) -> bool {
        self.words.iter().all(|w| w.len() <= LONGEST)
    }
}
