//! The `newstag` command line: parses arguments, sets the thread count, draws progress, calls the
//! library, prints its warnings and notes (the library prints nothing), and maps the result to an
//! exit status ([`ExitCode`]: 0 all annotated, 1 some documents failed, 2 nothing processed,
//! 130 interrupted, 141 stdout closed early).
//!
//! Nothing here may panic on I/O: stderr is written fallibly (a full or closed stderr only loses
//! the message) and stdout through [`print_out`], whose broken pipe ends the process quietly.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use clap::{Parser, Subcommand};

/// Writes a line to stderr and ignores failure (the standard macro panics on a full stderr,
/// `2>/dev/full`); a message that cannot be shown must not change the outcome.
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use newstag::commands;
use newstag::error::Error;
use newstag::exit_codes::ExitCode;
use newstag::export::{ExportArgs, Format, Target};
use newstag::gazetteer::{check, CliLexicons};
use newstag::lexicon_command;
use newstag::messages::{Message, Progress};
use newstag::output::Counts;
use newstag::pipeline::Pipeline;
use newstag::report::ReportOptions;
use newstag::settings::{RunArgs, RunSettings, Shard};

#[derive(Parser)]
#[command(
    name = "newstag",
    version,
    about = "Annotate folders of news articles as JSONL"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate input folders into DIR/annotations.jsonl, errors.jsonl and manifest.json.
    Run {
        /// Input folders or files (default: the config's input.paths).
        inputs: Vec<PathBuf>,
        /// Config file (default: ./newstag.toml when it exists, else the built-in config).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Worker threads (default: all cores; capped at 4 per CPU and, for run, the documents).
        #[arg(long)]
        threads: Option<usize>,
        /// No progress bar, no summary line and no notes (warnings are still shown).
        #[arg(long)]
        quiet: bool,
        /// Reuse the records of documents unchanged since the previous output in DIR.
        #[arg(long)]
        resume: bool,
        /// Also write DIR/report.html (see `newstag report`), in the same atomic commit.
        #[arg(long)]
        report: bool,
        /// Only this part of the inputs: the documents whose id hashes to K of N (K from 1 to N;
        /// the first 8 bytes of SHA-256(id), big-endian, mod N = K-1).
        #[arg(long, value_name = "K/N")]
        shard: Option<Shard>,
        /// Dry run: print the documents that would be processed (`id<TAB>path`), write nothing.
        #[arg(long)]
        list: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Write the default config, lexicons and rules into DIR for editing.
    Init {
        /// Folder to write into (created when missing).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Overwrite files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Print the config in effect (which file, or the built-in one) and its text.
    Config {
        /// Config file (default: ./newstag.toml when it exists, else the built-in config).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Read JSON lines {"id", "text"} on stdin, write one record per line to stdout, in order.
    Stream {
        /// Config file (default: ./newstag.toml when it exists, else the built-in config).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Worker threads (default: all cores; capped at 4 per CPU and, for run, the documents).
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
    /// Count the cross-document line table of the inputs (the first pass of `run`) into FILE, for
    /// `run`/`stream --line-stats FILE` on other machines.
    Linestats {
        /// Input folders or files (default: the config's input.paths).
        inputs: Vec<PathBuf>,
        /// Config file (default: ./newstag.toml when it exists, else the built-in config).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Table file to write (`-`: stdout).
        #[arg(long)]
        out: PathBuf,
        /// Keep hashes seen in at least N documents (1 for partial tables to be merged).
        #[arg(long, default_value_t = 2)]
        keep_min: u64,
        /// Worker threads (default: all cores; capped at 4 per CPU and, for run, the documents).
        #[arg(long)]
        threads: Option<usize>,
        /// Force the input encoding (e.g. windows-1251).
        #[arg(long)]
        encoding: Option<String>,
    },
    /// Score annotations against gold (precision, recall, F1 per label; boilerplate lines).
    Eval {
        /// Gold JSONL (the seed gold format).
        #[arg(long)]
        gold: PathBuf,
        /// Predictions.
        #[arg(long, default_value = "out/annotations.jsonl")]
        pred: PathBuf,
        /// Folder holding the raw files named by the gold `doc` fields (default: each record's
        /// `source`).
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// List every false positive and false negative.
        #[arg(long)]
        errors: bool,
    },
    /// Export annotations for other tools: spacy, docbin, brat, conll, mentions, entities, cooccurrence.
    Export {
        /// Format: spacy (JSONL), docbin (spaCy .spacy), brat (standoff), conll (CoNLL-2003),
        /// mentions (CSV), entities (CSV), cooccurrence (CSV).
        #[arg(long = "to")]
        format: newstag::export::Format,
        /// Annotations to export.
        #[arg(long, default_value = "out/annotations.jsonl")]
        pred: PathBuf,
        /// Output folder (default: export/ beside --pred); `-` prints to stdout (not for brat).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Co-occurrence window: sentence or paragraph.
        #[arg(long, default_value = "sentence")]
        window: newstag::export::Window,
        /// docbin: the Python with spaCy (default: $NEWSTAG_PYTHON, else python3).
        #[arg(long)]
        python: Option<PathBuf>,
        /// docbin: spaCy language whose tokenizer splits the texts (default: each document's).
        #[arg(long)]
        spacy_lang: Option<String>,
    },
    /// Write one self-contained HTML page showing the annotations.
    Report {
        /// Annotations to show.
        #[arg(long, default_value = "out/annotations.jsonl")]
        pred: PathBuf,
        /// The HTML file to write (default: report.html beside --pred).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Documents shown in full (the summary counts all).
        #[arg(long, default_value_t = 1000)]
        max_docs: usize,
    },
    /// Validate or count the lexicons.
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Validate the config and every lexicon: errors and warnings with file:line (exit 2 on errors).
    Check {
        /// Config file (default: ./newstag.toml when it exists, else the built-in config).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Lexicon file checked instead of the config's lexicons (repeatable).
        #[arg(long = "lexicon")]
        lexicons: Vec<PathBuf>,
        /// Check this one lexicon file alone (not the config's lexicons).
        #[arg(long, conflicts_with = "lexicons")]
        file: Option<PathBuf>,
        /// The label of the --file or --lexicon entries that name none (a 3-column .tsv, a .txt
        /// list), as `run --label`.
        #[arg(long)]
        label: Option<String>,
        /// List every warning and note (long lists are otherwise summarised per file).
        #[arg(long, short)]
        verbose: bool,
    },
    /// Per lexicon: entries, aliases, generated inflected forms, automaton patterns.
    Stats {
        /// Config file (default: ./newstag.toml when it exists, else the built-in config).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Lexicon file counted instead of the config's lexicons (repeatable).
        #[arg(long = "lexicon")]
        lexicons: Vec<PathBuf>,
        /// The label of the --lexicon entries that name none, as `run --label`.
        #[arg(long)]
        label: Option<String>,
    },
}

#[derive(clap::Args)]
struct Common {
    /// Lexicon file added to the config's lexicons (repeatable; .tsv, .jsonl or .txt).
    #[arg(long = "lexicon")]
    lexicons: Vec<PathBuf>,
    /// Label of the `--lexicon` entries that name none (a 3-column .tsv, a .txt list).
    #[arg(long)]
    label: Option<String>,
    /// Use only the `--lexicon` files, not the config's lexicons.
    #[arg(long, requires = "lexicons")]
    no_default_lexicons: bool,
    /// Keep boilerplate in `text` (still listed in `removed`).
    #[arg(long)]
    keep_boilerplate: bool,
    /// Force the input encoding (e.g. windows-1251).
    #[arg(long)]
    encoding: Option<String>,
    /// Cross-document line table from `newstag linestats` (instead of counting one).
    #[arg(long)]
    line_stats: Option<PathBuf>,
}

impl Common {
    /// The run arguments these options fill in.
    fn args(self) -> RunArgs {
        RunArgs {
            lexicons: CliLexicons {
                paths: self.lexicons,
                label: self.label,
                replace: self.no_default_lexicons,
            },
            keep_boilerplate: self.keep_boilerplate,
            encoding: self.encoding,
            line_stats: self.line_stats,
            ..RunArgs::default()
        }
    }
}

/// Where a run's progress and messages go: an indicatif bar when stderr is a terminal (position
/// in bytes, so rate and ETA follow from it; documents in the message), and the messages on
/// stderr (notes not under `--quiet`).
struct Stderr {
    bar: Option<ProgressBar>,
    quiet: bool,
    docs: AtomicU64,
    total_docs: AtomicU64,
}

impl Stderr {
    fn new(quiet: bool) -> Stderr {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {msg}  {bytes}/{total_bytes}  {bytes_per_sec}  ETA {eta}",
                )
                .expect("valid template"),
            );
            bar
        });
        Stderr {
            bar,
            quiet,
            docs: AtomicU64::new(0),
            total_docs: AtomicU64::new(0),
        }
    }

    /// Prints `messages` in order (for commands that hand them back at the end).
    fn print(&self, messages: Vec<Message>) {
        for m in messages {
            self.message(m);
        }
    }
}

impl Progress for Stderr {
    fn start(&self, docs: u64, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        self.total_docs.store(docs, Ordering::Relaxed);
        bar.set_length(bytes);
        bar.reset_eta();
    }
    fn advance(&self, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        let done = self.docs.fetch_add(1, Ordering::Relaxed) + 1;
        let total = self.total_docs.load(Ordering::Relaxed);
        bar.set_message(format!("{done}/{total} docs"));
        bar.inc(bytes);
    }
    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
    fn message(&self, message: Message) {
        if self.quiet && message.is_note() {
            return;
        }
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{message}")),
            None => eprintln!("{message}"),
        }
    }
}

fn main() -> std::process::ExitCode {
    newstag::commit::ignore_file_size_signal();
    let cli = Cli::parse();
    let code = match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            let code = ExitCode::of_error(&e);
            // A closed stdout is the reader going away, not an error to report.
            if code != ExitCode::BrokenPipe {
                eprintln!("newstag: {e}");
            }
            code
        }
    };
    code.into()
}

/// Prints to stdout; a failed write is an error (a broken pipe ends quietly, see
/// [`ExitCode::BrokenPipe`]), never a panic as with `print!`.
fn print_out(s: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// Starts the worker pool for a command whose document count is not known in advance
/// (`stream`): capped by the CPUs only.
fn set_threads(threads: Option<usize>) -> Result<(), Error> {
    commands::start_threads(threads, usize::MAX)
}

fn dispatch(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Run {
            inputs,
            config,
            out,
            threads,
            quiet,
            resume,
            report,
            shard,
            list,
            common,
        } => {
            let args = RunArgs {
                inputs,
                config,
                out,
                resume,
                report,
                shard,
                threads,
                ..common.args()
            };
            if !list {
                newstag::interrupt::install_handler();
            }
            let settings = RunSettings::new(&args)?;
            let stderr = Stderr::new(quiet);
            if list {
                let mut listing = commands::list(&settings)?;
                stderr.print(std::mem::take(&mut listing.messages));
                let mut stdout = std::io::stdout().lock();
                for (id, source) in &listing.documents {
                    writeln!(stdout, "{id}\t{source}").map_err(|e| Error::io("<stdout>", e))?;
                }
                if !quiet {
                    eprintln!("{}", listing.summary());
                }
                return Ok(ExitCode::Success);
            }
            let started = Instant::now();
            let counts = commands::run(&settings, &stderr)?;
            if !quiet {
                if let Some(line) = commands::skipped_summary(&counts.skipped) {
                    eprintln!("{line}");
                }
                eprintln!("{}", summary(&counts, started.elapsed().as_secs_f64()));
            }
            Ok(ExitCode::of_failures(counts.failed))
        }
        Command::Linestats {
            inputs,
            config,
            out,
            keep_min,
            threads,
            encoding,
        } => {
            let args = RunArgs {
                inputs,
                config,
                out,
                encoding,
                threads,
                ..RunArgs::default()
            };
            commands::linestats(&RunSettings::new(&args)?, keep_min)?;
            Ok(ExitCode::Success)
        }
        Command::Stream {
            config,
            threads,
            common,
        } => {
            set_threads(threads)?;
            let settings = RunSettings::new(&RunArgs {
                config,
                ..common.args()
            })?;
            let pipeline = Pipeline::new(&settings)?;
            let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let max = settings.config.input.max_doc_bytes;
            let counts = commands::stream(&pipeline, stdin, stdout, max)?;
            Ok(ExitCode::of_failures(counts.failed))
        }
        Command::Eval {
            gold,
            pred,
            corpus,
            json,
            errors,
        } => {
            let report = newstag::eval::evaluate(&gold, &pred, corpus.as_deref())?;
            if json {
                let text = serde_json::to_string_pretty(&report)
                    .map_err(|e| Error::Internal(format!("cannot write the report: {e}")))?;
                print_out(&format!("{text}\n"))?;
            } else {
                let mut text = newstag::eval::render(&report);
                if errors {
                    text.push('\n');
                    for m in &report.errors {
                        text.push_str(&format!(
                            "{} {} {} {:?} {:?}\n",
                            m.kind, m.doc, m.label, m.raw, m.text
                        ));
                    }
                }
                print_out(&text)?;
            }
            Ok(ExitCode::Success)
        }
        Command::Export {
            format,
            pred,
            out,
            window,
            python,
            spacy_lang,
        } => {
            let target = match out {
                Some(p) if p.as_os_str() == "-" => Target::Stdout,
                Some(p) => Target::Dir(p),
                None => Target::default_for(&pred),
            };
            let args = ExportArgs {
                format,
                pred,
                target,
                window,
                docbin: newstag::export::docbin::DocbinOptions {
                    python,
                    lang: spacy_lang,
                },
            };
            let s = newstag::export::export(&args)?;
            if let (Format::Docbin, Some(path), true) = (format, &s.path, s.dropped > 0) {
                eprintln!(
                    "newstag: docbin: {} of {} spans dropped: their ends are not token boundaries \
                     of spaCy's tokenizer (alignment_mode=\"strict\"); listed in {}",
                    s.dropped,
                    s.records + s.dropped,
                    newstag::export::docbin::summary_path(path).display()
                );
            }
            if let Some(path) = s.path {
                let dropped = if format == Format::Docbin {
                    format!(", {} dropped", s.dropped)
                } else {
                    String::new()
                };
                eprintln!(
                    "newstag: exported {} documents ({} {}{dropped}) to {}",
                    s.documents,
                    s.records,
                    match format {
                        Format::Entities => "entities",
                        Format::Cooccurrence => "edges",
                        Format::Conll => "tokens",
                        Format::Mentions => "mentions",
                        Format::Spacy | Format::Docbin | Format::Brat => "spans",
                    },
                    path.display()
                );
            }
            Ok(ExitCode::Success)
        }
        Command::Report {
            pred,
            out,
            max_docs,
        } => {
            let out = out.unwrap_or_else(|| {
                pred.parent()
                    .unwrap_or(std::path::Path::new(""))
                    .join(newstag::layout::REPORT)
            });
            let opts = ReportOptions {
                source_name: pred.display().to_string(),
                max_docs,
                ..ReportOptions::default()
            };
            let s = newstag::report::write_file(&pred, &out, &opts)?;
            eprintln!(
                "newstag: report of {} documents ({} shown, {} entity highlights) in {}",
                s.documents,
                s.shown,
                s.highlights,
                out.display()
            );
            Ok(ExitCode::Success)
        }
        Command::Init { dir, force } => {
            let written = newstag::builtin::init(&dir, force)?;
            eprintln!(
                "newstag: wrote {} files into {} (run with --config {})",
                written.len(),
                dir.display(),
                dir.join(newstag::builtin::CONFIG).display()
            );
            Ok(ExitCode::Success)
        }
        Command::Config { config } => {
            print!("{}", commands::effective_config(config.as_deref())?);
            Ok(ExitCode::Success)
        }
        Command::Lexicon { command } => match command {
            LexiconCommand::Check {
                config,
                lexicons,
                file,
                label,
                verbose,
            } => {
                let config = commands::config_file(config.as_deref())?;
                let diags = match &file {
                    Some(f) => lexicon_command::check_file(&config, f, label.as_deref()),
                    None => lexicon_command::check(&config, &lexicons, label.as_deref()),
                };
                print_out(&check::render(&diags, verbose))?;
                Ok(if check::has_errors(&diags) {
                    ExitCode::GeneralError
                } else {
                    ExitCode::Success
                })
            }
            LexiconCommand::Stats {
                config,
                lexicons,
                label,
            } => {
                let config = commands::config_file(config.as_deref())?;
                let (rows, patterns) =
                    lexicon_command::stats(&config, &lexicons, label.as_deref())?;
                print_out(&check::render_stats(&rows, patterns))?;
                Ok(ExitCode::Success)
            }
        },
    }
}

fn summary(c: &Counts, secs: f64) -> String {
    let labels: Vec<String> = c.entities.iter().map(|(l, n)| format!("{l} {n}")).collect();
    let mb = c.bytes as f64 / 1e6;
    format!(
        "newstag: {} documents ({} annotated{}, {} errors), entities: {}, {} boilerplate segments removed, {:.2}s, {}",
        c.inputs,
        c.annotated,
        if c.reused > 0 { format!(" of which {} reused", c.reused) } else { String::new() },
        c.failed,
        if labels.is_empty() { "none".into() } else { labels.join(", ") },
        c.removed_segments,
        secs,
        rate(mb, secs)
    )
}

/// Throughput for the summary line: MB/s, or KB/s when under 1 MB/s (a small corpus, where
/// start-up dominates, would otherwise print "0.0 MB/s").
fn rate(mb: f64, secs: f64) -> String {
    let per_sec = if secs > 0.0 { mb / secs } else { 0.0 };
    if per_sec >= 1.0 {
        format!("{per_sec:.1} MB/s")
    } else {
        format!("{:.1} KB/s", per_sec * 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::rate;

    #[test]
    fn rate_switches_to_kilobytes_under_one_megabyte_per_second() {
        assert_eq!(rate(200.0, 10.0), "20.0 MB/s");
        assert_eq!(rate(0.022, 0.87), "25.3 KB/s");
        assert_eq!(rate(1.0, 0.0), "0.0 KB/s");
    }
}
