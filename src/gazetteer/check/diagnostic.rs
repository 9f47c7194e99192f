//! What `newstag lexicon check` reports: [`Diagnostic`]s, and how they are rendered.
//!
//! Policy: every error first, in file and line order (a user's mistakes are never buried under
//! the shipped lexicons' warnings), then each file's warnings and notes, summarised by kind for
//! files with many of them unless `--verbose`; a closing count line.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The run would fail or a line is lost.
    Error,
    /// Probably a mistake; the run works.
    Warning,
    /// For information.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

/// One finding, printed as `path[:line]: severity: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Severity.
    pub severity: Severity,
    /// The file.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// The class of finding (`duplicate-id`, `frequent-word`, `common-word`, ...), by which
    /// [`render`] summarises long lists.
    pub kind: &'static str,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        write!(f, ": {}: {}", self.severity, self.message)
    }
}

impl Diagnostic {
    /// An error as a diagnostic; `fallback` is the file it is about when the error names none.
    pub fn from_error(e: &Error, fallback: &Path) -> Diagnostic {
        let (path, line, message) = match e {
            Error::Parse {
                path,
                line,
                message,
            } => (path.clone(), *line, message.clone()),
            Error::Io { path, source } => (path.clone(), None, source.to_string()),
            Error::Usage(m)
            | Error::BadArgument(m)
            | Error::ConfigNotFound(m)
            | Error::MissingInput(m)
            | Error::BadPattern(m)
            | Error::Internal(m) => {
                let prefix = format!("{}: ", fallback.display());
                let m = m.strip_prefix(&prefix).unwrap_or(m);
                (fallback.to_path_buf(), None, m.to_string())
            }
            Error::Interrupted { .. } | Error::Locked { .. } | Error::Output { .. } => {
                (fallback.to_path_buf(), None, e.to_string())
            }
        };
        Diagnostic {
            severity: Severity::Error,
            path,
            line,
            message,
            kind: "unreadable",
        }
    }
}

/// Files with more warnings and notes than this are summarised unless `verbose`.
pub const SUMMARY_ABOVE: usize = 10;

/// Renders diagnostics with a closing count line: every error first, in file and line order
/// (a user's mistakes are never buried under the shipped lexicons' warnings), then each file's
/// warnings and notes, listed in full for files with at most [`SUMMARY_ABOVE`] of them or when
/// `verbose`, else summarised as counts by kind with two examples each.
pub fn render(diags: &[Diagnostic], verbose: bool) -> String {
    let mut s = String::new();
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        s.push_str(&d.to_string());
        s.push('\n');
    }
    let mut files: Vec<&Path> = Vec::new();
    for d in diags {
        if d.severity != Severity::Error && !files.contains(&d.path.as_path()) {
            files.push(&d.path);
        }
    }
    for file in files {
        let rest: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.severity != Severity::Error && d.path == file)
            .collect();
        if verbose || rest.len() <= SUMMARY_ABOVE {
            for d in rest {
                s.push_str(&d.to_string());
                s.push('\n');
            }
            continue;
        }
        let mut kinds: BTreeMap<(Severity, &str), Vec<&Diagnostic>> = BTreeMap::new();
        for d in &rest {
            kinds.entry((d.severity, d.kind)).or_default().push(d);
        }
        s.push_str(&format!(
            "{}: {} warnings and notes in {} kinds, summarised (--verbose lists every one):\n",
            file.display(),
            rest.len(),
            kinds.len()
        ));
        for ((severity, kind), ds) in &kinds {
            let plural = if ds.len() == 1 { "" } else { "s" };
            s.push_str(&format!(
                "  {} {severity}{plural}: {kind}, e.g.\n",
                ds.len()
            ));
            for d in ds.iter().take(2) {
                s.push_str(&format!("    {d}\n"));
            }
        }
    }
    let count = |sev| diags.iter().filter(|d| d.severity == sev).count();
    s.push_str(&format!(
        "{} errors, {} warnings, {} notes\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note)
    ));
    s
}

/// Whether any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}
