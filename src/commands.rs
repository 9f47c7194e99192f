//! The commands behind the CLI, as library functions: `run` (folders to an output folder) and
//! `stream` (JSON lines on stdin to records on stdout). The binary only parses arguments, draws
//! progress and maps results to exit codes.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::builtin::Choice;
use crate::commit::OutDir;
use crate::config::Config;
use crate::document::{DocError, ErrorKind, ErrorRecord, Input};
use crate::error::{Error, Result};
use crate::output::{write_record, Counts, OutputWriter};
use crate::pipeline::{Outcome, Pipeline, RunOptions};

/// Progress reporting, implemented by the binary (an indicatif bar) or by nothing.
pub trait Progress: Sync {
    /// The run is about to process `docs` documents of `bytes` bytes in all.
    fn start(&self, _docs: u64, _bytes: u64) {}
    /// One document of `bytes` bytes is done.
    fn advance(&self, _bytes: u64) {}
    /// The run is over.
    fn finish(&self) {}
}

/// No progress output.
pub struct Silent;
impl Progress for Silent {}

/// What `newstag run` was asked to do.
#[derive(Clone, Debug)]
pub struct RunArgs {
    /// Input folders or files; empty means the config's `input.paths`.
    pub inputs: Vec<PathBuf>,
    /// The config file (`--config`); `None`: `./newstag.toml` when it exists, else the built-in
    /// config (see [`crate::builtin::choose`]).
    pub config: Option<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// Command-line choices.
    pub options: RunOptions,
    /// Reuse the records of unchanged documents from the previous output (`--resume`).
    pub resume: bool,
    /// Also write `report.html` (`--report`).
    pub report: bool,
    /// Only the inputs of this shard (`--shard K/N`); `None` means all.
    pub shard: Option<Shard>,
    /// Worker threads asked for (`--threads N`, at least 1); `None`: one per CPU. The pool is
    /// started once the inputs are known, with at most [`thread_count`] threads.
    pub threads: Option<usize>,
}

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
        return Err(Error::Usage("--threads must be at least 1".into()));
    }
    let n = thread_count(requested, docs);
    // An error means the pool already runs: the thread count never changes the output.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global();
    Ok(())
}

/// One of N deterministic parts of the inputs, for splitting a shared folder across machines
/// (`--shard K/N`, K counted from 1).
///
/// A document belongs to shard K when the first 8 bytes of SHA-256 of its id, read as a
/// big-endian integer, modulo N equal K - 1. The partition depends on the id alone (never on the
/// machine, the file order, the thread count or a randomized hasher), so the N outputs are
/// disjoint, cover every input, and concatenated and sorted by id equal the single run's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// K, from 1 to `count`.
    pub index: u64,
    /// N, at least 1.
    pub count: u64,
}

impl Shard {
    /// Whether the document named `id` falls into this shard.
    pub fn contains(&self, id: &str) -> bool {
        let digest = Sha256::digest(id.as_bytes());
        let head: [u8; 8] = digest[..8].try_into().expect("SHA-256 has 32 bytes");
        u64::from_be_bytes(head) % self.count == self.index - 1
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Shard, String> {
        let bad = || format!("{s:?}: expected K/N with 1 <= K <= N, e.g. 2/8");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// Loads the config named on the command line.
pub fn load_config(path: &Path) -> Result<Config> {
    if !path.exists() {
        return Err(Error::Usage(format!(
            "{}: config file not found (pass --config FILE, or none for the built-in config)",
            path.display()
        )));
    }
    Config::load(path)
}

/// The config a command uses: `--config FILE`, else `./newstag.toml`, else the built-in one
/// (unpacked first, see [`crate::builtin`]), with the choice made.
pub fn open_config(arg: Option<&Path>) -> Result<(Config, Choice)> {
    let choice = crate::builtin::choose(arg);
    let config = match &choice {
        Choice::File(p) => load_config(p)?,
        Choice::BuiltIn => Config::load(&crate::builtin::config_path()?)?,
    };
    Ok((config, choice))
}

/// The config file a command reads (unpacking the built-in one when it is chosen), for the
/// commands that take a path (`lexicon check`, `lexicon stats`).
pub fn config_file(arg: Option<&Path>) -> Result<PathBuf> {
    match crate::builtin::choose(arg) {
        Choice::File(p) => Ok(p),
        Choice::BuiltIn => crate::builtin::config_path(),
    }
}

/// The input paths of a run: those on the command line, else the config's `input.paths`
/// (relative to the config file; the built-in config's are relative to the working directory,
/// since its own folder is a cache).
///
/// A config's input folder that does not exist is a usage error saying where it came from (a
/// user of the built-in config in a folder without `corpus/` must learn to name the inputs).
fn input_paths(config: &Config, choice: &Choice, inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if !inputs.is_empty() {
        return Ok(inputs.to_vec());
    }
    let builtin = *choice == Choice::BuiltIn;
    let paths: Vec<PathBuf> = config
        .input
        .paths
        .iter()
        .map(|p| {
            if builtin {
                p.clone()
            } else {
                config.resolve(p)
            }
        })
        .collect();
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return Err(Error::Usage(format!(
            "{}: no such input folder (input.paths of the {} config); name the folders to \
             annotate: newstag run DIR ...",
            missing.display(),
            choice.name()
        )));
    }
    Ok(paths)
}

/// `newstag run`: annotates every input and commits the output folder.
pub fn run(args: &RunArgs, progress: &dyn Progress) -> Result<Counts> {
    let (config, choice) = open_config(args.config.as_deref())?;
    let mut pipeline = Pipeline::new(&config, &args.options)?;
    let paths = input_paths(&config, &choice, &args.inputs)?;
    if paths.is_empty() {
        return Err(Error::Usage(
            "no input folders: name some or set input.paths".into(),
        ));
    }
    let globs = crate::input::patterns(&config.input.patterns)?;
    // Locked once the config and lexicons are known to be sound (a bad one creates no folder),
    // before the walk (which must not see what a killed run left: it is cleaned up here) and the
    // slow passes, so a second run into the same folder fails at once; held until the commit is
    // done (see `commit`).
    let mut out = OutDir::open(&args.out)?;
    let mut found = crate::input::discover_with(&paths, &globs, Some(&args.out))?;
    let skipped = std::mem::take(&mut found.skipped);
    start_threads(args.threads, found.inputs.len())?;
    // NOTE: the cross-document line table is counted over ALL inputs, before sharding, so that
    // every shard removes the same repeated lines as a single run would (a shard alone would
    // see only a third of the repeats). Distributed users pass one shared `--line-stats` table.
    if pipeline.needs_line_stats() {
        let stats = pipeline.count_lines(&found.inputs);
        pipeline.set_line_stats(stats);
    }
    if let Some(shard) = args.shard {
        found.inputs.retain(|i| shard.contains(&i.id));
        found.errors.retain(|e| shard.contains(&e.id));
    }
    for w in &found.warnings {
        eprintln!("newstag: warning: {w}");
    }
    let bytes: u64 = found.inputs.iter().map(|i| pipeline.input_len(i)).sum();
    let total = found.inputs.len() + found.errors.len();
    progress.start(total as u64, bytes);
    let run_digest = crate::resume::run_digest(&config, &pipeline, &args.options);
    let previous = if args.resume {
        crate::resume::open_previous(&args.out, &run_digest)
    } else {
        None
    };

    let mut writer = OutputWriter::create(&mut out)?;
    writer.set_run_digest(run_digest);
    writer.set_config_name(choice.name());
    if args.report {
        writer.derive(
            crate::output::REPORT,
            Box::new(|annotations, out| {
                crate::report::write_file(annotations, out, &Default::default()).map(|_| ())
            }),
        );
    }
    let mut counts = Counts {
        skipped,
        ..Counts::default()
    };
    // Error records from discovery and per-document records are merged by id.
    let mut early = found.errors.into_iter().peekable();
    // Each worker also measures its annotated file (through the real path: a display `source`
    // of a non-UTF-8 name would not find it), so the writer thread makes no system call.
    let work = |i: &Input| {
        let o = crate::resume::process(&pipeline, previous.as_ref(), i);
        let n = match &o {
            Outcome::Annotated(_) => pipeline.input_len(i),
            Outcome::Reused(r) => r.bytes,
            Outcome::Failed(_) => 0,
        };
        (o, n)
    };
    let result = pipeline.run_with(&found.inputs, work, |(o, n)| {
        let id = o.id();
        while early.peek().is_some_and(|e| e.id.as_str() <= id) {
            let e = early.next().expect("peeked");
            counts.add(&Outcome::Failed(e.clone()));
            writer.write_error(&e)?;
            progress.advance(0);
        }
        counts.add(&o);
        if let Outcome::Annotated(_) = o {
            counts.bytes += n;
        }
        progress.advance(n);
        writer.write(&o)
    });
    let result = result.and_then(|()| {
        for e in early {
            counts.add(&Outcome::Failed(e.clone()));
            writer.write_error(&e)?;
        }
        Ok(())
    });
    progress.finish();
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::Interrupted {
            writer.abandon();
            return Err(Error::Interrupted {
                done: counts.inputs,
                total,
                out: args.out.clone(),
            });
        }
        return Err(writer.fail(&out, e));
    }
    writer.commit(
        &out,
        &config.digest,
        pipeline.gazetteer().lexicon_info(),
        &counts,
    )?;
    Ok(counts)
}

/// What `run --list` found: the documents a run would process, in output order.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    /// `(id, path)` of each document a run would read.
    pub documents: Vec<(String, String)>,
    /// Paths that would become error records (dangling links, duplicate ids), with the reason.
    pub errors: Vec<ErrorRecord>,
    /// Files skipped by the file patterns, by extension.
    pub skipped: std::collections::BTreeMap<String, usize>,
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
pub fn list(args: &RunArgs) -> Result<Listing> {
    let (config, choice) = open_config(args.config.as_deref())?;
    let paths = input_paths(&config, &choice, &args.inputs)?;
    if paths.is_empty() {
        return Err(Error::Usage(
            "no input folders: name some or set input.paths".into(),
        ));
    }
    let globs = crate::input::patterns(&config.input.patterns)?;
    let mut found = crate::input::discover(&paths, &globs)?;
    if let Some(shard) = args.shard {
        found.inputs.retain(|i| shard.contains(&i.id));
        found.errors.retain(|e| shard.contains(&e.id));
    }
    for w in &found.warnings {
        eprintln!("newstag: warning: {w}");
    }
    Ok(Listing {
        documents: found.inputs.into_iter().map(|i| (i.id, i.source)).collect(),
        errors: found.errors,
        skipped: found.skipped,
    })
}

/// One line saying how many files the patterns skipped, by extension, most frequent first
/// (at most 8 named), or `None` when none were.
pub fn skipped_summary(skipped: &std::collections::BTreeMap<String, usize>) -> Option<String> {
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
/// `run`) and writes it to `out` (`-`: stdout), keeping hashes seen in `keep_min` documents or more.
pub fn linestats(args: &RunArgs, keep_min: u64) -> Result<crate::boilerplate::LineStats> {
    let (mut config, choice) = open_config(args.config.as_deref())?;
    // Counting lines needs no lexicon.
    config.lexicons.clear();
    let pipeline = Pipeline::new(&config, &args.options)?;
    let paths = input_paths(&config, &choice, &args.inputs)?;
    let globs = crate::input::patterns(&config.input.patterns)?;
    let found = crate::input::discover(&paths, &globs)?;
    start_threads(args.threads, found.inputs.len())?;
    let stats = pipeline.count_lines(&found.inputs);
    crate::boilerplate::crossdoc::write_table(&stats, &args.out, keep_min)?;
    Ok(stats)
}

#[derive(Deserialize)]
struct StreamLine {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
}

/// One line read from the stream, or why it could not be.
enum Line {
    Text(String),
    TooLong,
    NotUtf8,
}

/// `newstag stream`: one record per input line, in input order, flushed batch by batch.
///
/// A reader thread feeds lines through a bounded channel; the main thread takes what is
/// available (at least one line, at most a batch), annotates it in parallel, writes it in order
/// and flushes, so a pipeline consumer sees results as soon as they exist and memory stays bounded.
pub fn stream<R, W>(pipeline: &Pipeline, input: R, mut output: W, max_line: u64) -> Result<Counts>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    let batch = (rayon::current_num_threads() * 16).max(16);
    let (tx, rx) = mpsc::sync_channel::<std::io::Result<Line>>(batch * 2);
    let reader = std::thread::spawn(move || {
        let mut input = input;
        loop {
            let line = read_line(&mut input, max_line);
            let stop = matches!(line, Ok(None) | Err(_));
            let msg = match line {
                Ok(Some(l)) => Ok(l),
                Ok(None) => break,
                Err(e) => Err(e),
            };
            if tx.send(msg).is_err() || stop {
                break;
            }
        }
    });
    let mut counts = Counts::default();
    let mut n = 0usize;
    let stdout_err = |e: std::io::Error| Error::io("<stdout>", e);
    while let Ok(first) = rx.recv() {
        let mut lines = vec![first];
        while lines.len() < batch {
            match rx.try_recv() {
                Ok(l) => lines.push(l),
                Err(_) => break,
            }
        }
        let numbered: Vec<(usize, std::io::Result<Line>)> = lines
            .into_iter()
            .map(|l| {
                n += 1;
                (n, l)
            })
            .collect();
        let outcomes: Vec<Outcome> = numbered
            .into_par_iter()
            .map(|(no, line)| stream_one(pipeline, no, line))
            .collect();
        for o in &outcomes {
            counts.add(o);
            write_record(&mut output, o).map_err(stdout_err)?;
        }
        output.flush().map_err(stdout_err)?;
    }
    reader
        .join()
        .map_err(|_| Error::Usage("stdin reader failed".into()))?;
    Ok(counts)
}

fn stream_one(pipeline: &Pipeline, no: usize, line: std::io::Result<Line>) -> Outcome {
    let source = format!("<stdin>:{no}");
    let fail = |id: String, kind: ErrorKind, message: String| {
        Outcome::Failed(ErrorRecord {
            id,
            source: source.clone(),
            error: DocError {
                kind,
                message: format!("{source}: {message}"),
            },
        })
    };
    let text = match line {
        Ok(Line::Text(t)) => t,
        Ok(Line::TooLong) => {
            return fail(
                no.to_string(),
                ErrorKind::TooLarge,
                "line is over max_doc_bytes".into(),
            )
        }
        Ok(Line::NotUtf8) => {
            return fail(
                no.to_string(),
                ErrorKind::BadInput,
                "line is not UTF-8".into(),
            )
        }
        Err(e) => return fail(no.to_string(), ErrorKind::Io, e.to_string()),
    };
    let parsed: StreamLine = match serde_json::from_str(&text) {
        Ok(p) => p,
        Err(e) => {
            return fail(
                no.to_string(),
                ErrorKind::BadInput,
                format!("not a JSON object: {e}"),
            )
        }
    };
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(x)) => x.to_string(),
        _ => no.to_string(),
    };
    let Some(serde_json::Value::String(body)) = parsed.text else {
        return fail(id, ErrorKind::BadInput, "no string field \"text\"".into());
    };
    let input = Input {
        id,
        source: source.clone(),
        path: PathBuf::new(),
        once: None,
    };
    pipeline.process_text(&input, &body)
}

/// Reads one `\n`-terminated line without holding more than `max` bytes of it.
fn read_line<R: BufRead>(r: &mut R, max: u64) -> std::io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            buf.extend_from_slice(&chunk[..take]);
            if buf.len() as u64 > max.saturating_add(1) {
                too_long = true;
                buf = Vec::new();
            }
        }
        r.consume(take);
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(Line::TooLong));
    }
    while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
        buf.pop();
    }
    Ok(Some(match String::from_utf8(buf) {
        Ok(s) => Line::Text(s),
        Err(_) => Line::NotUtf8,
    }))
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
    fn shard_parses_k_of_n() {
        let cases = [
            ("first", "1/3", Some((1, 3))),
            ("last", "3/3", Some((3, 3))),
            ("one shard", "1/1", Some((1, 1))),
            ("zero index", "0/3", None),
            ("index over count", "4/3", None),
            ("no slash", "3", None),
            ("not numbers", "a/b", None),
        ];
        for (name, text, want) in cases {
            let got = text.parse::<Shard>().ok().map(|s| (s.index, s.count));
            assert_eq!(got, want, "case {name}: {text:?}");
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

    /// Pinned against Python: `int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], "big")`,
    /// so a shard never moves between versions, platforms or languages.
    #[test]
    fn shard_membership_is_pinned() {
        let cases = [
            ("ascii", "a.txt", 3, 6),
            ("nested", "corpus/x.txt", 2, 4),
            ("cyrillic", "новости/1.txt", 1, 5),
            ("empty", "", 2, 5),
        ];
        for (name, id, of3, of8) in cases {
            for (n, want) in [(3, of3), (8, of8)] {
                let owners: Vec<u64> = (1..=n)
                    .filter(|&k| Shard { index: k, count: n }.contains(id))
                    .collect();
                assert_eq!(owners, vec![want], "case {name}: {id:?} in shards of {n}");
            }
        }
    }
}
