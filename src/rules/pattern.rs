//! The compiled form of a rule: what the rule-file compiler ([`format`](super::format)) produces
//! and the matcher runs. Plain data, with two facts about it every stage agrees on: how a
//! token passes an element's `ends` / `not_ends` endings, and the bound on the matching steps of
//! a pattern ([`cost`]), which the compiler enforces and `newstag lexicon check` reports.
//!
//! A leaf: it imports nothing of the rules stage, so the compiler and the matcher both depend on
//! it and not on each other.

use std::sync::Arc;

/// A set of words, compared as-is (the compiler lowercases `lower` lists). Shared: every use of
/// the same list expression in a file gets the same set, so a 100,000-word list costs its
/// memory once however many rules and classes name it.
pub type WordSet = Arc<rustc_hash::FxHashSet<Box<str>>>;

/// Which lexicon entities a token must (or must not) be part of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LexCheck {
    /// No condition.
    Any,
    /// Covered by an entity with this label (`None`: any label).
    In(Option<Arc<str>>),
    /// Not covered by an entity with this label (`None`: by no entity).
    NotIn(Option<Arc<str>>),
}

/// One compiled token condition.
#[derive(Clone, Debug)]
pub struct Cond {
    /// Exact texts.
    pub text: Option<WordSet>,
    /// Lowercased texts.
    pub lower: Option<WordSet>,
    /// Lowercased texts the token must not be.
    pub not_lower: Option<WordSet>,
    /// Allowed shapes as a bit set (`1 << Shape as u8`); 0 allows all.
    pub shapes: u8,
    /// Lexicon condition.
    pub lexicon: LexCheck,
    /// Required sentence-initial flag.
    pub initial: Option<bool>,
    /// Required "the document also writes this word in lowercase" flag.
    pub common: Option<bool>,
    /// Lowercased endings, one of which the lowercased token must end with (Russian case and
    /// part-of-speech endings: "ого", "ой", "ых").
    pub ends: Option<Box<[Box<str>]>>,
    /// Lowercased endings the lowercased token must not end with.
    pub not_ends: Option<Box<[Box<str>]>>,
}

impl Cond {
    /// Whether lowercased `word` passes the `ends` / `not_ends` conditions.
    pub fn endings_ok(&self, word: &str) -> bool {
        let ends_with = |v: &[Box<str>]| v.iter().any(|x| word.ends_with(&**x));
        self.ends.as_deref().map_or(true, ends_with)
            && !self.not_ends.as_deref().is_some_and(ends_with)
    }
}

/// One compiled pattern element.
#[derive(Clone, Debug)]
pub struct Elem {
    /// The condition.
    pub cond: Cond,
    /// Fewest tokens.
    pub min: u8,
    /// Most tokens.
    pub max: u8,
    /// Part of the entity.
    pub capture: bool,
    /// Zero-width negative check (`op = "!"`).
    pub negated: bool,
}

/// One compiled rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// `rule:<name>`, reported as the mention's lexicon.
    pub lexicon: Arc<str>,
    /// The rule's name as written.
    pub name: String,
    /// Entity label.
    pub label: Arc<str>,
    /// Lowercased label, the id prefix (`per` in `per:name`).
    pub id_prefix: String,
    /// Higher wins; lexicon matches count as 0 and win ties.
    pub priority: i32,
    /// 1: sees lexicon entities; 2: also sees the entities of pass-1 rules.
    pub pass: u8,
    /// The names it finds are propagated through the document.
    pub propagate: bool,
    /// Also fires on Title Case headline lines.
    pub headlines: bool,
    /// The entity may end on a lowercase word: names whose later words are lowercase, as in
    /// Russian ("Министерство обороны", "Государственная дума"). It still starts on a capital.
    pub lowercase_end: bool,
    /// The match blocks the mentions it overlaps and is not an entity itself.
    pub block: bool,
    /// The entity takes the id, name and label of the nearest entity before it in the match.
    pub inherit: bool,
    /// The token before the match must not be one of these (lowercased).
    pub not_after: Option<WordSet>,
    /// The pattern.
    pub elems: Vec<Elem>,
    /// Whether the rule is switched on.
    pub enabled: bool,
    /// Where it was defined (for messages).
    pub line: usize,
    /// Index of the rule file it came from (for the file's language filter).
    pub file: usize,
}

/// Upper bound on the matching steps (token tests) of one rule at one start token. The search
/// explores each state at most once: element `k` is reached at most `prefix(k) + 1` token
/// offsets from the start (`prefix(k)`: the most tokens the elements before it consume), with
/// one kind of entity part before the entity elements and five from them on (none yet, or one
/// whose first token can or cannot start a name and whose last can or cannot end one); a state
/// tests at most `max + 1` tokens and tries as many repeat counts. Linear in the pattern's length
/// times its longest match, where plain backtracking is exponential in its repeated elements.
pub fn cost(elems: &[Elem]) -> usize {
    let first_capture = elems.iter().position(|e| e.capture).unwrap_or(elems.len());
    let mut prefix = 0usize;
    let mut total = 0usize;
    for (k, e) in elems.iter().enumerate() {
        let classes = if k <= first_capture {
            1
        } else {
            CAPTURE_CLASSES
        };
        let tries = if e.negated { 1 } else { e.max as usize + 1 };
        total = total.saturating_add((prefix + 1) * classes * tries);
        if !e.negated {
            prefix += e.max as usize;
        }
    }
    total
}

/// Kinds of entity part a search state can carry: none yet, or one whose first token can / cannot
/// start an entity and whose last token can / cannot end one.
pub const CAPTURE_CLASSES: usize = 5;
