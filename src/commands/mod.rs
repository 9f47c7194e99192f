//! The commands behind the CLI, as library functions: `run` (folders to an output folder),
//! `run --list`, `linestats`, `stream` (JSON lines on stdin to records on stdout) and `config`.
//! Each takes the [`RunSettings`] built once from the command line and the config; none prints:
//! warnings and notes go to the caller as [`Message`]s. The binary only parses arguments, draws
//! progress, prints messages and maps results to exit codes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::builtin::Choice;
use crate::document::ErrorRecord;
use crate::error::{Error, Result};
use crate::messages::Message;
use crate::pipeline::Pipeline;
use crate::settings::{open_config, RunSettings};

mod run;
mod stream;

pub use run::{run, run_digest};
pub use stream::stream;

/// Most worker threads per CPU: more only wait for the same cores.
pub const THREADS_PER_CPU: usize = 4;

/// The worker threads used for `--threads requested` on `docs` documents: at most `requested`,
/// `docs` (a thread without a document only costs its start-up) and [`THREADS_PER_CPU`] per
/// available CPU, and at least 1. The thread count never changes the output.
pub fn thread_count(requested: usize, docs: usize) -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    requested
        .min(docs)
        .min(cpus.saturating_mul(THREADS_PER_CPU))
        .max(1)
}

/// Starts the global worker pool for `--threads requested` on `docs` documents (see
/// [`thread_count`]); nothing when `requested` is `None` (the pool then has one thread per CPU).
/// A pool that already runs (a second command in one process) is kept.
pub fn start_threads(requested: Option<usize>, docs: usize) -> Result<()> {
    let Some(requested) = requested else {
        return Ok(());
    };
    if requested == 0 {
        return Err(Error::BadArgument("--threads must be at least 1".into()));
    }
    let n = thread_count(requested, docs);
    // An error means the pool already runs: the thread count never changes the output.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global();
    Ok(())
}

/// The config file a command reads (unpacking the built-in one when it is chosen), for the
/// commands that take a path (`lexicon check`, `lexicon stats`).
pub fn config_file(arg: Option<&Path>) -> Result<PathBuf> {
    match crate::builtin::choose(arg) {
        Choice::File(p) => Ok(p),
        Choice::BuiltIn => crate::builtin::config_path(),
    }
}

/// The input paths of a command that needs at least one (`run`, `run --list`).
fn required_inputs(settings: &RunSettings) -> Result<Vec<PathBuf>> {
    let paths = settings.input_paths()?;
    if paths.is_empty() {
        return Err(Error::MissingInput(
            "no input folders: name some or set input.paths".into(),
        ));
    }
    Ok(paths)
}

/// What `run --list` found: the documents a run would process, in output order.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    /// `(id, path)` of each document a run would read.
    pub documents: Vec<(String, String)>,
    /// Paths that would become error records (dangling links, duplicate ids), with the reason.
    pub errors: Vec<ErrorRecord>,
    /// Files skipped by the file patterns, by extension.
    pub skipped: BTreeMap<String, usize>,
    /// Walk problems that concern no document (a symlink loop, a skipped output folder).
    pub messages: Vec<Message>,
}

impl Listing {
    /// The closing line on stderr: counts, errors to come, skipped files.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "newstag: {} documents would be processed",
            self.documents.len()
        );
        if !self.errors.is_empty() {
            s.push_str(&format!(", {} would be error records:", self.errors.len()));
            for e in self.errors.iter().take(5) {
                s.push_str(&format!("\n  {}", e.error.message));
            }
            if self.errors.len() > 5 {
                s.push_str(&format!("\n  ... and {} more", self.errors.len() - 5));
            }
        }
        if let Some(line) = skipped_summary(&self.skipped) {
            s.push('\n');
            s.push_str(&line);
        }
        s
    }
}

/// `newstag run --list`: the inputs a run would process (after `--shard`), without reading
/// them or loading lexicons.
pub fn list(settings: &RunSettings) -> Result<Listing> {
    let paths = required_inputs(settings)?;
    let globs = crate::input::patterns(&settings.config.input.patterns)?;
    let mut found = crate::input::discover(&paths, &globs)?;
    if let Some(shard) = settings.shard {
        found.inputs.retain(|i| shard.contains(&i.id));
        found.errors.retain(|e| shard.contains(&e.id));
    }
    Ok(Listing {
        documents: found.inputs.into_iter().map(|i| (i.id, i.source)).collect(),
        errors: found.errors,
        skipped: found.skipped,
        messages: found.warnings.into_iter().map(Message::Warning).collect(),
    })
}

/// One line saying how many files the patterns skipped, by extension, most frequent first
/// (at most 8 named), or `None` when none were.
pub fn skipped_summary(skipped: &BTreeMap<String, usize>) -> Option<String> {
    let total: usize = skipped.values().sum();
    if total == 0 {
        return None;
    }
    let mut by_count: Vec<(&String, &usize)> = skipped.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let mut parts: Vec<String> = by_count
        .iter()
        .take(8)
        .map(|(ext, n)| {
            let ext = if ext.is_empty() {
                "no extension"
            } else {
                ext.as_str()
            };
            format!("{n} {ext}")
        })
        .collect();
    if by_count.len() > 8 {
        let rest: usize = by_count[8..].iter().map(|(_, n)| **n).sum();
        parts.push(format!("{rest} other"));
    }
    Some(format!(
        "newstag: skipped {total} file{} not matching the file patterns ({}); set input.patterns to take them",
        if total == 1 { "" } else { "s" },
        parts.join(", ")
    ))
}

/// `newstag config`: which config is in effect and its text, as a file `--config` accepts.
pub fn effective_config(arg: Option<&Path>) -> Result<String> {
    let (config, choice) = open_config(arg)?;
    let text = std::fs::read_to_string(&config.path).map_err(|e| Error::io(&config.path, e))?;
    let from = match &choice {
        Choice::File(p) => format!("{}", p.display()),
        Choice::BuiltIn => format!(
            "{} (newstag {}; `newstag init DIR` writes it with its lexicons and rules)",
            crate::builtin::NAME,
            env!("CARGO_PKG_VERSION")
        ),
    };
    Ok(format!(
        "# newstag config in effect: {from}\n# sha256: {}\n{text}",
        config.digest
    ))
}

/// `newstag linestats`: counts the cross-document line table of the inputs (the first pass of
/// `run`) and writes it to `settings.out` (`-`: stdout), keeping hashes seen in `keep_min`
/// documents or more.
pub fn linestats(settings: &RunSettings, keep_min: u64) -> Result<crate::boilerplate::LineStats> {
    // Counting lines needs no lexicon.
    let mut settings = settings.clone();
    settings.config.lexicons.clear();
    let pipeline = Pipeline::new(&settings)?;
    let paths = settings.input_paths()?;
    let globs = crate::input::patterns(&settings.config.input.patterns)?;
    let found = crate::input::discover(&paths, &globs)?;
    start_threads(settings.threads, found.inputs.len())?;
    let stats = pipeline.count_lines(&found.inputs);
    crate::boilerplate::crossdoc::write_table(&stats, &settings.out, keep_min)?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_count_is_capped_by_documents_and_cpus() {
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        let cases = [
            ("few documents", 10_000, 5, 5.min(cpus * THREADS_PER_CPU)),
            ("many documents", 10_000, 1_000_000, cpus * THREADS_PER_CPU),
            ("asked for fewer", 1, 100, 1),
            ("no documents", 8, 0, 1),
        ];
        for (name, requested, docs, want) in cases {
            assert_eq!(thread_count(requested, docs), want, "case {name}");
        }
    }

    #[test]
    fn skipped_files_are_summed_up_by_extension() {
        let map = |pairs: &[(&str, usize)]| -> std::collections::BTreeMap<String, usize> {
            pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
        };
        let many = [
            (".a", 9),
            (".b", 8),
            (".c", 7),
            (".d", 6),
            (".e", 5),
            (".f", 4),
            (".g", 3),
            (".h", 2),
            (".i", 1),
            (".j", 1),
        ];
        let cases = [
            ("none", map(&[]), None),
            ("one", map(&[(".md", 1)]), Some("skipped 1 file not matching the file patterns (1 .md)")),
            (
                "most frequent first, ties by name, no extension named",
                map(&[(".md", 2), ("", 2), (".html", 5)]),
                Some("skipped 9 files not matching the file patterns (5 .html, 2 no extension, 2 .md)"),
            ),
            (
                "past eight kinds, the rest summed",
                map(&many),
                Some("skipped 46 files not matching the file patterns (9 .a, 8 .b, 7 .c, 6 .d, 5 .e, 4 .f, 3 .g, 2 .h, 2 other)"),
            ),
        ];
        for (name, skipped, want) in cases {
            let got = skipped_summary(&skipped);
            match want {
                None => assert_eq!(got, None, "case {name}"),
                Some(w) => {
                    let got = got.unwrap_or_default();
                    assert!(
                        got.starts_with(&format!("newstag: {w};")),
                        "case {name}: {got}"
                    );
                }
            }
        }
    }
}
