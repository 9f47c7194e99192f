//! What the gazetteer (and, after it, the rules and name chains) creates: [`Mention`]s, byte
//! spans of the text linked to one entity, with the step that decided the link ([`resolved`]).
//!
//! A leaf: plain data, no logic, imported by every stage that reads or writes mentions.

use std::sync::Arc;

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
