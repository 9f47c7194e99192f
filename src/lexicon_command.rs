//! `newstag lexicon check|stats`: reads the config, hands the gazetteer's checker
//! ([`crate::gazetteer::check`]) the lexicons a run would load, and checks the config's rule
//! files as a run would compile them.
//!
//! Policy: a config that does not load is one error diagnostic (the command still prints and
//! exits 2); a missing config is a usage error naming it; `--lexicon FILE` replaces the
//! config's lexicons; `--file FILE` checks one file with the config's normalization only.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::Error;
use crate::gazetteer::check::{self, Diagnostic, LexiconStats, Severity};
use crate::gazetteer::{CliLexicons, GazetteerOptions};
use crate::normalize::Normalizer;

/// Validates the config at `config_path` and its lexicons (or `overrides`, whose lines without a
/// label take `label`, as in `run --lexicon FILE --label LABEL`).
pub fn check(config_path: &Path, overrides: &[PathBuf], label: Option<&str>) -> Vec<Diagnostic> {
    let config = match load(config_path) {
        Ok(c) => c,
        Err(e) => return vec![Diagnostic::from_error(&e, config_path)],
    };
    let mut out = rule_diagnostics(&config, config_path);
    out.extend(check::config_diagnostics(&config.lexicons, &config.path));
    let normalizer = Normalizer::new(config.normalize.clone());
    out.extend(check::check_lexicons(
        &config.lexicons,
        &normalizer,
        &options(&config, overrides, label),
    ));
    out
}

/// Validates one lexicon file alone (`lexicon check --file`), with the label `label` for lines
/// without one: the config at `config_path` gives the normalization when it exists, but its
/// lexicons are neither read nor compared with.
pub fn check_file(config_path: &Path, file: &Path, label: Option<&str>) -> Vec<Diagnostic> {
    let config = if config_path.exists() {
        match Config::load(config_path) {
            Ok(c) => c,
            Err(e) => return vec![Diagnostic::from_error(&e, config_path)],
        }
    } else {
        Config::parse("", config_path).expect("the empty config is valid")
    };
    let normalizer = Normalizer::new(config.normalize.clone());
    check::check_file(&config.lexicons, &normalizer, file, label)
}

/// `lexicon stats`: builds the gazetteer as `run` would and counts per lexicon; also returns the
/// automaton's total pattern count.
pub fn stats(
    config_path: &Path,
    overrides: &[PathBuf],
    label: Option<&str>,
) -> Result<(Vec<LexiconStats>, usize), Error> {
    let config = load(config_path)?;
    let normalizer = Normalizer::new(config.normalize.clone());
    check::stats(&options(&config, overrides, label), &normalizer)
}

/// The config's enabled lexicons with resolved paths, or `overrides` instead when given (their
/// lines without a label take `label`).
pub fn options(config: &Config, overrides: &[PathBuf], label: Option<&str>) -> GazetteerOptions {
    CliLexicons::instead(overrides, label)
        .options(&config.lexicons, &config.path, |p| config.resolve(p))
}

/// The config's rule files, compiled as a run would: their errors, and rules that would be slow.
fn rule_diagnostics(config: &Config, config_path: &Path) -> Vec<Diagnostic> {
    let opts = crate::rules::RulesOptions::new(&config.rules, &config.path, |p| config.resolve(p));
    let rules = match crate::rules::Rules::load(&opts) {
        Ok(r) => r,
        Err(e) => return vec![Diagnostic::from_error(&e, config_path)],
    };
    let files: Vec<PathBuf> = opts
        .files
        .into_iter()
        .filter_map(|(spec, path)| spec.enabled.then_some(path))
        .collect();
    rules
        .rules()
        .iter()
        .filter_map(|r| {
            let cost = crate::rules::pattern::cost(&r.elems);
            (cost > check::SLOW_RULE_COST).then(|| Diagnostic {
                severity: Severity::Error,
                path: files
                    .get(r.file)
                    .cloned()
                    .unwrap_or_else(|| config_path.to_path_buf()),
                line: Some(r.line),
                message: format!(
                    "rule {:?} may cost up to {cost} token tests per token (limit {}): \
                     use fewer repeated elements (`*`, `+`, `repeat`) or split the rule",
                    r.name,
                    check::SLOW_RULE_COST
                ),
                kind: "slow-rule",
            })
        })
        .collect()
}

fn load(config_path: &Path) -> Result<Config, Error> {
    if !config_path.exists() {
        return Err(Error::Usage(format!(
            "{}: config file not found (pass --config FILE)",
            config_path.display()
        )));
    }
    Config::load(config_path)
}
