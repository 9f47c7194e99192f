//! The `newstag` command line: parses arguments, sets the thread count, draws progress, calls the
//! library and maps the result to an exit status (0 all annotated, 1 some documents failed,
//! 2 nothing processed).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use newstag::commands::{self, Progress, RunArgs, Silent};
use newstag::error::Error;
use newstag::output::Counts;
use newstag::pipeline::{Pipeline, RunOptions};

#[derive(Parser)]
#[command(name = "newstag", version, about = "Annotate folders of news articles as JSONL")]
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
        /// Config file.
        #[arg(long, default_value = "newstag.toml")]
        config: PathBuf,
        /// Output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// No progress bar and no summary line.
        #[arg(long)]
        quiet: bool,
        /// Reuse the records of documents unchanged since the previous output in DIR.
        #[arg(long)]
        resume: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Read JSON lines {"id", "text"} on stdin, write one record per line to stdout, in order.
    Stream {
        /// Config file.
        #[arg(long, default_value = "newstag.toml")]
        config: PathBuf,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        common: Common,
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
}

#[derive(clap::Args)]
struct Common {
    /// Lexicon file used instead of the config's lexicons (repeatable; .tsv or .jsonl).
    #[arg(long = "lexicon")]
    lexicons: Vec<PathBuf>,
    /// Keep boilerplate in `text` (still listed in `removed`).
    #[arg(long)]
    keep_boilerplate: bool,
    /// Force the input encoding (e.g. windows-1251).
    #[arg(long)]
    encoding: Option<String>,
}

impl Common {
    fn options(self) -> RunOptions {
        RunOptions {
            lexicons: self.lexicons,
            keep_boilerplate: self.keep_boilerplate,
            encoding: self.encoding,
        }
    }
}

struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, docs: u64, _bytes: u64) {
        self.0.set_length(docs);
        self.0.reset_eta();
    }
    fn advance(&self, bytes: u64) {
        self.0.inc(1);
        let done = self.0.message().parse::<u64>().unwrap_or(0) + bytes;
        self.0.set_message(done.to_string());
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newstag: {e}");
            match e {
                Error::Interrupted { .. } => ExitCode::from(130),
                _ => ExitCode::from(2),
            }
        }
    }
}

fn set_threads(threads: Option<usize>) -> Result<(), Error> {
    if let Some(n) = threads {
        if n == 0 {
            return Err(Error::Usage("--threads must be at least 1".into()));
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(|e| Error::Usage(format!("cannot start {n} threads: {e}")))?;
    }
    Ok(())
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
            common,
        } => {
            set_threads(threads)?;
            newstag::interrupt::install_handler();
            let started = Instant::now();
            let args = RunArgs {
                inputs,
                config,
                out,
                options: common.options(),
                resume,
            };
            let show = !quiet && std::io::stderr().is_terminal();
            let counts = if show {
                let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template(
                        "{bar:30} {pos}/{len} docs  {elapsed_precise} elapsed  {per_sec}  ETA {eta}",
                    )
                    .expect("valid template"),
                );
                bar.set_message("0");
                commands::run(&args, &Bar(bar))?
            } else {
                commands::run(&args, &Silent)?
            };
            if !quiet {
                eprintln!("{}", summary(&counts, started.elapsed().as_secs_f64()));
            }
            Ok(if counts.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Stream {
            config,
            threads,
            common,
        } => {
            set_threads(threads)?;
            let config = commands::load_config(&config)?;
            let pipeline = Pipeline::new(&config, &common.options())?;
            let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let counts = commands::stream(&pipeline, stdin, stdout, config.input.max_doc_bytes)?;
            Ok(if counts.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
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
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).expect("report serializes")
                );
            } else {
                print!("{}", newstag::eval::render(&report));
                if errors {
                    println!();
                    for m in &report.errors {
                        println!("{} {} {} {:?} {:?}", m.kind, m.doc, m.label, m.raw, m.text);
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn summary(c: &Counts, secs: f64) -> String {
    let labels: Vec<String> = c.entities.iter().map(|(l, n)| format!("{l} {n}")).collect();
    let mb = c.bytes as f64 / 1e6;
    format!(
        "newstag: {} documents ({} annotated{}, {} errors), entities: {}, {} boilerplate segments removed, {:.2}s, {:.1} MB/s",
        c.inputs,
        c.annotated,
        if c.reused > 0 { format!(" of which {} reused", c.reused) } else { String::new() },
        c.failed,
        if labels.is_empty() { "none".into() } else { labels.join(", ") },
        c.removed_segments,
        secs,
        if secs > 0.0 { mb / secs } else { 0.0 }
    )
}
