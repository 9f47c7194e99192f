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
//!
//! Where each job lives (a newcomer reads them in this order):
//!
//! | Module | Job |
//! | --- | --- |
//! | [`build`] | what the gazetteer is built from ([`GazetteerOptions`], [`CliLexicons`]), loading through the [`cache`], compiling candidates and the [`automaton`] |
//! | [`lexicon`] | the config entry of one lexicon ([`LexiconSpec`]) and the file parsers |
//! | [`inflect`] | generated forms of aliases (Russian, Azerbaijani, Turkish) |
//! | [`fold`] | the match fold and the folded view of a text with its [`crate::text::OffsetMap`] back |
//! | [`tag`] | finding spans in one document and resolving each to one entity |
//! | [`compiled`] | the compiled tables shared by build, cache and tag |
//! | [`mention`] | what tagging creates: [`Mention`] and the [`resolved`] values |
//! | [`check`] | `newstag lexicon check|stats` on lexicon files |
//!
//! NOTE: the gazetteer takes its own options and never reads the [`crate::config::Config`];
//! children import siblings, never this module, so the module graph has no cycle.

pub mod automaton;
pub mod build;
pub mod cache;
pub mod check;
pub mod compiled;
pub mod fold;
pub mod inflect;
pub mod lexicon;
pub mod mention;
pub mod tag;

pub use automaton::{Automaton, Hit};
pub use build::{CliLexicons, GazetteerOptions, LexiconSource};
pub use compiled::{FormNote, FormNoteKind, Gazetteer, InflectReport, LexiconInfo};
pub use fold::{fold_char, fold_str, typo_fold};
pub use lexicon::{CaseMode, Format, LexiconSpec};
pub use mention::{resolved, Mention};
pub use tag::{is_word_char, GROUP_NOUNS};

#[cfg(test)]
mod tests;
