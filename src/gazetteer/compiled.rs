//! The compiled gazetteer: the tables [`super::build`] creates, [`super::cache`] saves and loads,
//! and [`super::tag`] reads. Plain data and read-only accessors.
//!
//! Layout policy: one automaton pattern per distinct folded alias or generated form; each
//! pattern keeps its candidates (one per entity, context flag and case check) in rank order
//! (priority, then lexicon order, then file order), so tagging takes the first allowed one.
//! Ids, labels and names are interned (`Arc<str>`) so a mention costs no string copy.

use std::sync::Arc;

use super::automaton::Automaton;
use super::inflect::{CommonList, InflectLang};

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
pub(super) enum CaseCheck {
    /// Any case.
    None,
    /// The text, typographically folded, must equal this exactly.
    Exact(Box<str>),
    /// The first letter of the text must be uppercase.
    Capital,
}

/// One entity an automaton pattern may stand for, with the checks a match must pass for it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct Candidate {
    pub(super) entity: u32,
    pub(super) lexicon: u16,
    pub(super) priority: i32,
    pub(super) context_only: bool,
    pub(super) case: CaseCheck,
    /// The language of a generated (inflected) form: it applies only to documents in it.
    pub(super) generated: Option<InflectLang>,
    /// A generated form that is also a common word: never at the start of a sentence.
    pub(super) mid_sentence: bool,
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

/// One lexicon entry: what a mention of it carries.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct EntityInfo {
    /// Interned canonical id (index into `ids`).
    pub(super) id: u32,
    pub(super) label: Arc<str>,
    pub(super) name: Arc<str>,
    pub(super) lexicon: u16,
}

/// What tagging needs of one lexicon: its name and the document languages it applies to.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct LexiconRuntime {
    pub(super) name: Arc<str>,
    pub(super) languages: Vec<String>,
}

/// The compiled gazetteer, shared read-only by all workers.
pub struct Gazetteer {
    pub(super) automaton: Option<Automaton>,
    /// Candidates of each automaton pattern.
    pub(super) candidates: Vec<Vec<Candidate>>,
    pub(super) entities: Vec<EntityInfo>,
    pub(super) ids: Vec<Arc<str>>,
    pub(super) lexicons: Vec<LexiconRuntime>,
    pub(super) info: Vec<LexiconInfo>,
    pub(super) inflect: InflectReport,
}

impl Gazetteer {
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
}
