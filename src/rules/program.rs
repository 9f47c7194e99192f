//! The rules compiled for matching, and the per-document facts every token test reads.
//!
//! A rule's conditions test words against word sets (`text`, `lower`, `not_lower`, `not_after`
//! lists). Testing each set on each token would cost one hash lookup per set per token; instead
//! every distinct set gets an id ([`Program`]), and one table lookup per distinct word of a
//! document gives the ids of all the sets holding it ([`Facts`]): a token test is then a bit
//! test. The same list expression used by many rules (or the same list contents written twice)
//! gets one id. The facts also record which words the document writes in lowercase (for the
//! `common` condition and the sentence-initial guard) and, for the sets some pattern *needs*,
//! the tokens in them (the matcher's prefilter starts from those).
//!
//! Policy: a word is in a `lower` set when its char-by-char lowercasing is (as [`Tokens`]
//! lowercases), in a `text` set when its exact text is. The tests check the bits against the
//! word sets themselves on the shipped rules.

use rustc_hash::FxHashMap;

use super::pattern::{Rule, WordSet};
use super::tokens::{word_hash, Shape, Tokens};

/// Names one word set of the rules (an index into a [`Program`]'s sets).
pub(super) type SetId = u32;

/// The rules compiled for matching: every word set they test gets an id, and one table lookup
/// per distinct word of a document tells which sets hold it (see [`Facts`]).
#[derive(Debug, Default)]
pub struct Program {
    /// Number of `u64`s in one membership bit set.
    pub(super) stride: usize,
    /// Keyed by the [`word_hash`] of the lowercased form (as [`Tokens`] lowercases: char by
    /// char), then by the form itself: the document's words come with that hash already.
    words: FxHashMap<u64, Vec<(Box<str>, WordEntry)>>,
    /// One per rule, in rule order.
    pub(super) patterns: Vec<Pattern>,
    /// The sets some pattern `needs`, as membership bits.
    needed: Vec<u64>,
}

/// What the rules' word sets say about one lowercased form.
#[derive(Debug, Default)]
struct WordEntry {
    /// The `lower`, `not_lower` and `not_after` sets that hold the form.
    lower: Box<[u64]>,
    /// Exact spellings with this lowercased form and the `text` sets that hold each.
    texts: Vec<(Box<str>, Box<[u64]>)>,
}

/// A token condition with its word sets replaced by ids.
#[derive(Debug)]
pub(super) struct Test {
    /// The `text` set.
    pub(super) text: Option<SetId>,
    /// The `lower` set.
    pub(super) lower: Option<SetId>,
    /// The `not_lower` set.
    pub(super) not_lower: Option<SetId>,
}

/// One rule's compiled pattern.
#[derive(Debug)]
pub(super) struct Pattern {
    /// One per element.
    pub(super) tests: Vec<Test>,
    /// The `not_after` set.
    pub(super) not_after: Option<SetId>,
    /// Word sets of the elements that must match at least one token: a match starting at token
    /// `i` has a token of each within `[i, i + span)`.
    pub(super) needs: Vec<SetId>,
    /// Most tokens a match can consume.
    pub(super) span: usize,
    /// Index of the rule file (for its language filter).
    pub(super) file: usize,
}

impl Program {
    /// Compiles `rules`.
    pub fn new(rules: &[Rule]) -> Program {
        let mut sets = SetIds::default();
        let mut patterns = Vec::with_capacity(rules.len());
        for rule in rules {
            let mut tests = Vec::with_capacity(rule.elems.len());
            let mut needs = Vec::new();
            let mut span = 0;
            for e in &rule.elems {
                let test = Test {
                    text: sets.id(true, e.cond.text.as_ref()),
                    lower: sets.id(false, e.cond.lower.as_ref()),
                    not_lower: sets.id(false, e.cond.not_lower.as_ref()),
                };
                if !e.negated {
                    span += e.max as usize;
                    if e.min > 0 {
                        needs.extend(test.text);
                        needs.extend(test.lower);
                    }
                }
                tests.push(test);
            }
            needs.sort_unstable();
            needs.dedup();
            patterns.push(Pattern {
                tests,
                not_after: sets.id(false, rule.not_after.as_ref()),
                needs,
                span,
                file: rule.file,
            });
        }
        let stride = sets.list.len().div_ceil(64);
        let mut needed = vec![0u64; stride];
        for s in patterns.iter().flat_map(|p| &p.needs) {
            needed[*s as usize / 64] |= 1 << (s % 64);
        }
        let mut words: FxHashMap<Box<str>, WordEntry> = FxHashMap::default();
        for (s, (exact, set)) in sets.list.iter().enumerate() {
            let (w, bit) = (s / 64, 1u64 << (s % 64));
            for word in set.iter() {
                let entry = words.entry(lowercase(word).into()).or_default();
                if entry.lower.is_empty() {
                    entry.lower = vec![0; stride].into();
                }
                if !exact {
                    entry.lower[w] |= bit;
                } else if let Some((_, bits)) = entry.texts.iter_mut().find(|(t, _)| t == word) {
                    bits[w] |= bit;
                } else {
                    let mut bits = vec![0; stride];
                    bits[w] |= bit;
                    entry.texts.push((word.clone(), bits.into()));
                }
            }
        }
        let mut hashed: FxHashMap<u64, Vec<(Box<str>, WordEntry)>> = FxHashMap::default();
        for (form, entry) in words {
            hashed
                .entry(word_hash(form.as_bytes()))
                .or_default()
                .push((form, entry));
        }
        Program {
            stride,
            words: hashed,
            patterns,
            needed,
        }
    }

    /// What the word sets say about the lowercased form `lower`, which hashes to `hash`.
    fn entry(&self, hash: u64, lower: &[u8]) -> Option<&WordEntry> {
        let forms = self.words.get(&hash)?;
        forms
            .iter()
            .find(|(f, _)| f.as_bytes() == lower)
            .map(|(_, e)| e)
    }
}

/// Numbers word sets by kind (exact or lowercased) and content, so a list used by many rules is
/// tested once per token.
#[derive(Default)]
struct SetIds<'r> {
    ids: FxHashMap<(bool, Vec<&'r str>), SetId>,
    /// The same shared set (one list expression of a file) is looked up by address, without
    /// sorting its words again.
    by_address: FxHashMap<(bool, usize), SetId>,
    list: Vec<(bool, &'r WordSet)>,
}

impl<'r> SetIds<'r> {
    fn id(&mut self, exact: bool, set: Option<&'r WordSet>) -> Option<SetId> {
        let set = set?;
        let address = (exact, std::sync::Arc::as_ptr(set) as usize);
        if let Some(&id) = self.by_address.get(&address) {
            return Some(id);
        }
        let id = self.id_by_content(exact, set);
        self.by_address.insert(address, id);
        Some(id)
    }

    fn id_by_content(&mut self, exact: bool, set: &'r WordSet) -> SetId {
        let mut key: Vec<&str> = set.iter().map(|w| &**w).collect();
        key.sort_unstable();
        let next = self.list.len() as SetId;
        let list = &mut self.list;
        *self.ids.entry((exact, key)).or_insert_with(|| {
            list.push((exact, set));
            next
        })
    }
}

/// Lowercases as [`Tokens`] does: char by char (`str::to_lowercase` would also turn a final
/// capital sigma into `ς`).
fn lowercase(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// Per-document facts about the tokens that every rule test needs, computed once.
#[derive(Debug, Default)]
pub struct Facts {
    stride: usize,
    /// For each token, `stride` words of set membership bits.
    bits: Vec<u64>,
    /// For each distinct lowercased form ([`Tokens::words`]): whether a token of shape `Lower`
    /// has it, i.e. whether the document writes the word in lowercase somewhere.
    pub(super) lowercase: Vec<bool>,
    /// For each set some pattern needs (empty for the others): the tokens in it, in order.
    pub(super) members: Vec<Vec<u32>>,
}

impl Facts {
    /// The facts of `toks` (of `text`) under `program`.
    pub fn new(program: &Program, text: &str, toks: &Tokens) -> Facts {
        let stride = program.stride;
        let entries: Vec<Option<&WordEntry>> = if stride == 0 {
            Vec::new()
        } else {
            toks.words
                .iter()
                .zip(&toks.word_hashes)
                .map(|(&t, &hash)| program.entry(hash, toks.lower_bytes(t as usize)))
                .collect()
        };
        let mut bits = vec![0u64; toks.len() * stride];
        let mut lowercase = vec![false; toks.words.len()];
        let mut members = vec![Vec::new(); stride * 64];
        for (i, t) in toks.tokens.iter().enumerate() {
            if t.shape == Shape::Lower {
                lowercase[t.word as usize] = true;
            }
            let Some(entry) = entries.get(t.word as usize).copied().flatten() else {
                continue;
            };
            let out = &mut bits[i * stride..(i + 1) * stride];
            out.copy_from_slice(&entry.lower);
            for (exact, b) in &entry.texts {
                if **exact == text[t.start..t.end] {
                    out.iter_mut().zip(b.iter()).for_each(|(o, b)| *o |= b);
                }
            }
            for (w, (&b, &need)) in out.iter().zip(&program.needed).enumerate() {
                let mut m = b & need;
                while m != 0 {
                    members[w * 64 + m.trailing_zeros() as usize].push(i as u32);
                    m &= m - 1;
                }
            }
        }
        Facts {
            stride,
            bits,
            lowercase,
            members,
        }
    }

    /// Whether token `i` is in set `s` (by its exact text or lowercased, as the set is).
    pub(super) fn has(&self, i: usize, s: SetId) -> bool {
        let s = s as usize;
        self.bits[i * self.stride + s / 64] & (1 << (s % 64)) != 0
    }
}
