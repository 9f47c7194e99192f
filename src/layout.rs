//! The names inside an output folder, shared by the writer ([`crate::output`]), the commit
//! ([`crate::commit`]), the walk that must not read them back ([`crate::input`]) and `--resume`
//! ([`crate::resume`]). A leaf: it imports nothing, so each of those modules can name the files
//! without importing another.

/// Annotation records, one JSON line per document.
pub const ANNOTATIONS: &str = "annotations.jsonl";
/// Error records.
pub const ERRORS: &str = "errors.jsonl";
/// The manifest.
pub const MANIFEST: &str = "manifest.json";
/// The HTML report (`run --report`).
pub const REPORT: &str = "report.html";

/// The version of the record schema (`schema/annotation.schema.json`, `schema/error.schema.json`):
/// part of the run digest, so `--resume` never copies a record of another schema.
pub const SCHEMA_VERSION: &str = "3";

/// The marker of a staging folder (an uncommitted output set).
pub const STAGING_MARKER: &str = ".newstag-staging";
/// The marker of a previous output folder swapped out by a commit.
pub const OLD_MARKER: &str = ".newstag-old";
