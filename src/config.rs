//! `newstag.toml`: the whole configuration, read once with serde.
//!
//! Unknown keys are rejected (a typo must not silently switch a step off), and every error names
//! the file and line. Paths in the file are relative to the directory that holds it. Each stage
//! owns the type of its own section (`normalize::NormalizeOptions`, ...), so the options sit next to
//! the code they steer.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::boilerplate::BoilerplateOptions;
use crate::digest::hex;
use crate::error::{line_of, Error, Result};
use crate::gazetteer::LexiconSpec;
use crate::language::LanguageOptions;
use crate::normalize::NormalizeOptions;
use crate::rules::RuleFileSpec;

/// The parsed configuration.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where the inputs are and how they are read.
    #[serde(default)]
    pub input: InputOptions,
    /// Text normalization steps.
    #[serde(default)]
    pub normalize: NormalizeOptions,
    /// Boilerplate rules and heuristics.
    #[serde(default)]
    pub boilerplate: BoilerplateOptions,
    /// Language detection.
    #[serde(default)]
    pub language: LanguageOptions,
    /// Gazetteer lexicons, in priority order for ties.
    #[serde(default, rename = "lexicons")]
    pub lexicons: Vec<LexiconSpec>,
    /// Context rule files, applied after the gazetteer.
    #[serde(default, rename = "rules")]
    pub rules: Vec<RuleFileSpec>,
    /// Directory of the config file; relative paths are resolved against it.
    #[serde(skip)]
    pub base_dir: PathBuf,
    /// The config file itself (for messages).
    #[serde(skip)]
    pub path: PathBuf,
    /// SHA-256 of the config file's bytes.
    #[serde(skip)]
    pub digest: String,
}

/// `[input]`: input folders, file patterns and reading limits.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InputOptions {
    /// Folders (or files) read when the command line names none.
    pub paths: Vec<PathBuf>,
    /// Glob patterns a file name must match inside input folders.
    pub patterns: Vec<String>,
    /// Files larger than this are reported as `too_large` without being read whole.
    pub max_doc_bytes: u64,
    /// `auto` (detect) or an encoding label (`utf-8`, `windows-1251`, `koi8-r`, ...).
    pub encoding: String,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            paths: vec![PathBuf::from("corpus")],
            patterns: vec!["*.txt".into()],
            max_doc_bytes: 32 * 1024 * 1024,
            encoding: "auto".into(),
        }
    }
}

/// Largest accepted `max_doc_bytes`: raw offsets are kept in 32 bits.
pub const MAX_DOC_BYTES_LIMIT: u64 = (u32::MAX as u64) - 1;

impl Config {
    /// Reads and validates the config file at `path`.
    pub fn load(path: &Path) -> Result<Config> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes.clone())
            .map_err(|e| Error::parse(path, None, format!("not UTF-8: {e}")))?;
        let mut config = Config::parse(&text, path)?;
        config.digest = hex(&Sha256::digest(&bytes));
        Ok(config)
    }

    /// Parses config text; `path` is used for messages and to resolve relative paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            Error::parse(path, line, e.message().to_string())
        })?;
        config.path = path.to_path_buf();
        config.base_dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        config.digest = hex(&Sha256::digest(text.as_bytes()));
        config.validate(text)?;
        Ok(config)
    }

    /// The default configuration (no lexicons), for tests and `stream` without a config file.
    pub fn default_for(base_dir: &Path) -> Config {
        let mut c =
            Config::parse("", &base_dir.join("newstag.toml")).expect("empty config is valid");
        c.base_dir = base_dir.to_path_buf();
        c
    }

    /// Resolves a path from the config against the config's directory.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        // A config in the working directory keeps its paths as written (`corpus/x.txt`, not
        // `./corpus/x.txt`), so records' `source` reads as the user typed it.
        if p.is_absolute() || self.base_dir == Path::new(".") {
            p.to_path_buf()
        } else {
            self.base_dir.join(p)
        }
    }

    fn validate(&self, text: &str) -> Result<()> {
        let err = |key: &str, msg: String| {
            let line = text.find(key).map(|at| line_of(text, at));
            Error::parse(&self.path, line, msg)
        };
        if self.input.max_doc_bytes == 0 || self.input.max_doc_bytes > MAX_DOC_BYTES_LIMIT {
            return Err(err(
                "max_doc_bytes",
                format!("max_doc_bytes must be between 1 and {MAX_DOC_BYTES_LIMIT}"),
            ));
        }
        for p in &self.input.patterns {
            globset::Glob::new(p).map_err(|e| err(p, format!("bad file pattern {p:?}: {e}")))?;
        }
        if self.input.encoding != "auto"
            && crate::decode::Codec::for_label(&self.input.encoding).is_none()
        {
            return Err(err(
                "encoding",
                format!("unknown encoding {:?}", self.input.encoding),
            ));
        }
        let mut names = std::collections::BTreeSet::new();
        for l in &self.lexicons {
            if !names.insert(l.name.as_str()) {
                return Err(err(
                    &format!("\"{}\"", l.name),
                    format!("lexicon name {:?} is used twice", l.name),
                ));
            }
        }
        let mut names = std::collections::BTreeSet::new();
        for r in &self.rules {
            if !names.insert(r.name.as_str()) {
                return Err(err(
                    &format!("\"{}\"", r.name),
                    format!("rule file name {:?} is used twice", r.name),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_has_defaults() {
        let c = Config::parse("", Path::new("x/newstag.toml")).unwrap();
        assert_eq!(c.input.patterns, vec!["*.txt"]);
        assert_eq!(c.base_dir, Path::new("x"));
        assert!(c.lexicons.is_empty());
    }

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let e = Config::parse("[input]\npaths = []\nfoo = 1\n", Path::new("c.toml")).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("c.toml:3:"), "{msg}");
        assert!(msg.contains("foo"), "{msg}");
    }

    #[test]
    fn bad_encoding_is_rejected() {
        let e =
            Config::parse("[input]\nencoding = \"klingon\"\n", Path::new("c.toml")).unwrap_err();
        assert!(e.to_string().starts_with("c.toml:2:"), "{e}");
    }
}
