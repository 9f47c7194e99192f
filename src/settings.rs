//! The settings of one command, built once: what the user typed ([`RunArgs`], the "low" args)
//! combined with the config into [`RunSettings`] (the "high" args) that the pipeline, the walk,
//! the writer and `--resume` all read. Nothing else carries a run's choices.
//!
//! The command line wins over the config where both say something (`--encoding` over
//! `input.encoding`); paths in the config are relative to the config file (see
//! [`crate::config`]), those on the command line to the working directory.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::builtin::Choice;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::gazetteer::CliLexicons;

/// What the user typed for a command that reads documents (`run`, `run --list`, `stream`,
/// `linestats`): each field as given, nothing resolved.
#[derive(Clone, Debug, Default)]
pub struct RunArgs {
    /// Input folders or files; empty means the config's `input.paths`.
    pub inputs: Vec<PathBuf>,
    /// The config file (`--config`); `None`: `./newstag.toml` when it exists, else the built-in
    /// config (see [`crate::builtin::choose`]).
    pub config: Option<PathBuf>,
    /// The output folder (`--out`; for `linestats` the table file).
    pub out: PathBuf,
    /// Lexicon files added to the config's (`--lexicon`, `--label`), or used instead of them
    /// (`--no-default-lexicons`).
    pub lexicons: CliLexicons,
    /// Keep the whole text but still report `removed` (`--keep-boilerplate`).
    pub keep_boilerplate: bool,
    /// Forced encoding (`--encoding`), overriding the config.
    pub encoding: Option<String>,
    /// A precomputed cross-document line table (`--line-stats FILE`, from `newstag linestats`).
    pub line_stats: Option<PathBuf>,
    /// Reuse the records of unchanged documents from the previous output (`--resume`).
    pub resume: bool,
    /// Also write `report.html` (`--report`).
    pub report: bool,
    /// Only the inputs of this shard (`--shard K/N`); `None` means all.
    pub shard: Option<Shard>,
    /// Worker threads asked for (`--threads N`, at least 1); `None`: one per CPU.
    pub threads: Option<usize>,
}

/// Everything a command's library code reads, built once by [`RunSettings::new`] from the
/// command line and the config.
#[derive(Clone, Debug)]
pub struct RunSettings {
    /// The config in effect.
    pub config: Config,
    /// Which config that is (a file, or the built-in one).
    pub choice: Choice,
    /// Input folders or files named on the command line (empty: the config's, see
    /// [`RunSettings::input_paths`]).
    pub inputs: Vec<PathBuf>,
    /// The output folder (for `linestats` the table file).
    pub out: PathBuf,
    /// The encoding of the inputs: `--encoding`, else the config's `input.encoding`.
    pub encoding: String,
    /// `--lexicon`, `--label`, `--no-default-lexicons`.
    pub lexicons: CliLexicons,
    /// `--keep-boilerplate`.
    pub keep_boilerplate: bool,
    /// `--line-stats FILE`.
    pub line_stats: Option<PathBuf>,
    /// `--resume`.
    pub resume: bool,
    /// `--report`.
    pub report: bool,
    /// `--shard K/N`.
    pub shard: Option<Shard>,
    /// `--threads N`, checked to be at least 1.
    pub threads: Option<usize>,
}

impl RunSettings {
    /// Opens the config the arguments name and combines the two.
    pub fn new(args: &RunArgs) -> Result<RunSettings> {
        if args.threads == Some(0) {
            return Err(Error::BadArgument("--threads must be at least 1".into()));
        }
        let (config, choice) = open_config(args.config.as_deref())?;
        Ok(RunSettings::with_config(config, choice, args))
    }

    /// Combines `args` with a config already loaded.
    pub fn with_config(config: Config, choice: Choice, args: &RunArgs) -> RunSettings {
        let encoding = args
            .encoding
            .clone()
            .unwrap_or_else(|| config.input.encoding.clone());
        RunSettings {
            config,
            choice,
            inputs: args.inputs.clone(),
            out: args.out.clone(),
            encoding,
            lexicons: args.lexicons.clone(),
            keep_boilerplate: args.keep_boilerplate,
            line_stats: args.line_stats.clone(),
            resume: args.resume,
            report: args.report,
            shard: args.shard,
            threads: args.threads,
        }
    }

    /// The config alone, with no command-line choice (for library users and tests).
    pub fn from_config(config: Config) -> RunSettings {
        let choice = Choice::File(config.path.clone());
        RunSettings::with_config(config, choice, &RunArgs::default())
    }

    /// The input paths: those on the command line, else the config's `input.paths` (relative to
    /// the config file; the built-in config's are relative to the working directory, since its
    /// own folder is a cache).
    ///
    /// A config's input folder that does not exist is a usage error saying where it came from
    /// (a user of the built-in config in a folder without `corpus/` must learn to name the
    /// inputs).
    pub fn input_paths(&self) -> Result<Vec<PathBuf>> {
        if !self.inputs.is_empty() {
            return Ok(self.inputs.clone());
        }
        let builtin = self.choice == Choice::BuiltIn;
        let paths: Vec<PathBuf> = self
            .config
            .input
            .paths
            .iter()
            .map(|p| {
                if builtin {
                    p.clone()
                } else {
                    self.config.resolve(p)
                }
            })
            .collect();
        if let Some(missing) = paths.iter().find(|p| !p.exists()) {
            return Err(Error::MissingInput(format!(
                "{}: no such input folder (input.paths of the {} config); name the folders to \
                 annotate: newstag run DIR ...",
                missing.display(),
                self.choice.name()
            )));
        }
        Ok(paths)
    }

    /// The command-line choices that change results, as named parts of the run digest (see
    /// [`crate::resume::RunDigest`]). Each field is named explicitly: a new choice that changes
    /// results must be added here (the test `every_result_changing_choice_is_in_the_digest`
    /// lists them).
    pub fn digest_parts(&self) -> Vec<(&'static str, String)> {
        let mut parts = Vec::new();
        for p in &self.lexicons.paths {
            parts.push(("lexicon-arg", p.display().to_string()));
        }
        if let Some(label) = &self.lexicons.label {
            parts.push(("lexicon-label", label.clone()));
        }
        parts.push(("no-default-lexicons", self.lexicons.replace.to_string()));
        parts.push(("keep-boilerplate", self.keep_boilerplate.to_string()));
        parts.push(("encoding", self.encoding.clone()));
        if let Some(p) = &self.line_stats {
            parts.push(("line-stats", p.display().to_string()));
        }
        parts
    }
}

/// Loads the config named on the command line.
pub fn load_config(path: &Path) -> Result<Config> {
    if !path.exists() {
        return Err(Error::ConfigNotFound(format!(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(args: &RunArgs) -> RunSettings {
        let config = Config::parse("", Path::new("newstag.toml")).expect("empty config parses");
        RunSettings::with_config(config, Choice::BuiltIn, args)
    }

    /// Each command-line choice that changes results changes the digest parts; those that do
    /// not (where output goes, threads, sharding, the report) leave them alone.
    #[test]
    fn every_result_changing_choice_is_in_the_digest() {
        let base = RunArgs::default();
        let parts = |a: &RunArgs| settings(a).digest_parts();
        let changing: [(&str, RunArgs); 6] = [
            (
                "--lexicon",
                RunArgs {
                    lexicons: CliLexicons {
                        paths: vec!["x.tsv".into()],
                        ..Default::default()
                    },
                    ..base.clone()
                },
            ),
            (
                "--label",
                RunArgs {
                    lexicons: CliLexicons {
                        label: Some("LOC".into()),
                        ..Default::default()
                    },
                    ..base.clone()
                },
            ),
            (
                "--no-default-lexicons",
                RunArgs {
                    lexicons: CliLexicons {
                        replace: true,
                        ..Default::default()
                    },
                    ..base.clone()
                },
            ),
            (
                "--keep-boilerplate",
                RunArgs {
                    keep_boilerplate: true,
                    ..base.clone()
                },
            ),
            (
                "--encoding",
                RunArgs {
                    encoding: Some("windows-1251".into()),
                    ..base.clone()
                },
            ),
            (
                "--line-stats",
                RunArgs {
                    line_stats: Some("t.bin".into()),
                    ..base.clone()
                },
            ),
        ];
        for (name, args) in changing {
            assert_ne!(parts(&args), parts(&base), "case {name}");
        }
        let neutral: [(&str, RunArgs); 5] = [
            (
                "--out",
                RunArgs {
                    out: "elsewhere".into(),
                    ..base.clone()
                },
            ),
            (
                "--threads",
                RunArgs {
                    threads: Some(3),
                    ..base.clone()
                },
            ),
            (
                "--shard",
                RunArgs {
                    shard: Some(Shard { index: 1, count: 2 }),
                    ..base.clone()
                },
            ),
            (
                "--report",
                RunArgs {
                    report: true,
                    ..base.clone()
                },
            ),
            (
                "--resume",
                RunArgs {
                    resume: true,
                    ..base.clone()
                },
            ),
        ];
        for (name, args) in neutral {
            assert_eq!(parts(&args), parts(&base), "case {name}");
        }
    }

    #[test]
    fn the_command_line_encoding_wins_over_the_config() {
        let s = settings(&RunArgs {
            encoding: Some("koi8-r".into()),
            ..RunArgs::default()
        });
        assert_eq!(s.encoding, "koi8-r");
        let s = settings(&RunArgs::default());
        assert_eq!(s.encoding, s.config.input.encoding);
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
