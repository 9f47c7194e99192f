//! Typed errors for everything that stops a run before it starts or keeps it from committing its
//! output (exit status 2).
//!
//! Per-document failures are not errors of this kind: they become [`crate::document::ErrorRecord`]s
//! and the run goes on. `Display` reads `path[:line]: message`, as compilers print.

use std::path::PathBuf;

/// A fatal setup error: bad arguments, config, lexicon or rule file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A config, lexicon or rule file is malformed; `line` is 1-based when known.
    #[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// Bad command-line usage (for the commands that have no more specific variant).
    #[error("{0}")]
    Usage(String),
    /// A command-line value that cannot be used: `--threads 0`, an unknown `--encoding`, an
    /// `--out` that is a file.
    #[error("{0}")]
    BadArgument(String),
    /// The config file named with `--config` does not exist.
    #[error("{0}")]
    ConfigNotFound(String),
    /// Nothing to read: no input folder named, or one the config names does not exist.
    #[error("{0}")]
    MissingInput(String),
    /// A file pattern of the config (`input.patterns`) is not a valid glob.
    #[error("{0}")]
    BadPattern(String),
    /// A failure inside newstag itself (a worker thread that died), not caused by the input.
    #[error("{0}")]
    Internal(String),
    /// Another run holds the lock on the output folder.
    #[error("{}: another newstag run is writing this folder ({holder}); wait for it to end or choose another --out", out.display())]
    Locked {
        /// The output folder.
        out: PathBuf,
        /// Who holds the lock: pid, host, run id, staging folder.
        holder: String,
    },
    /// Writing the new output failed (a full disk, a file-size limit): nothing was committed.
    #[error("{}: {source}; the new output was not committed, {} is left as it was and its staging folder removed", path.display(), out.display())]
    Output {
        /// The file being written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
        /// The output folder, untouched.
        out: PathBuf,
    },
    /// The run was stopped by SIGINT before it committed its output (exit status 130).
    #[error("interrupted after {done} of {total} documents; {} left as it was", out.display())]
    Interrupted {
        /// Documents finished (and abandoned) before the stop.
        done: usize,
        /// Documents the run had to process.
        total: usize,
        /// The output folder, untouched.
        out: PathBuf,
    },
}

impl Error {
    /// Shorthand for an I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Shorthand for a parse error at `path:line`.
    pub fn parse(
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Error {
        Error::Parse {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

/// Result alias for setup errors.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// 1-based line number of byte offset `at` in `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// 1-based line of the first occurrence of any of `needles` in the file at `path`, for error
/// messages about values that are checked after parsing (a regex, a lexicon path).
pub fn line_in_file(path: &std::path::Path, needles: &[&str]) -> Option<usize> {
    let text = std::fs::read_to_string(path).ok()?;
    needles
        .iter()
        .filter(|n| !n.is_empty())
        .find_map(|n| text.find(n))
        .map(|at| line_of(&text, at))
}
