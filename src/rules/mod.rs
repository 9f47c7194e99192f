//! Stage 6, rules: context rules over tokens and lexicon hits that find the names no lexicon has.
//!
//! Reads: the final normalized text, its language and the gazetteer's [`Mention`]s. Creates: the
//! merged mention list (sorted by start, non-overlapping), where rule-found entities carry a slug
//! id (`per:sayfaddin-huseynli`), the span as their name and `rule:<rule-name>` as their lexicon.
//!
//! How it works (GATE JAPE / spaCy Matcher style, no model):
//! 1. the text is cut into [`tokens::Tokens`] (shape, sentence starts, line breaks, covering
//!    lexicon hit);
//! 2. pass-1 rules are matched ([`matcher`]); their matches and the lexicon mentions are resolved
//!    by priority: higher priority wins, lexicon mentions count as priority 0 and win ties, then
//!    the longer span, then the earlier one, then the earlier rule;
//! 3. names found by rules are propagated through the document: every other occurrence of the
//!    full span, and for `PER` names of two or more tokens the last or the first token alone
//!    ("Huseynli" or "Sayfaddin" after "Sayfaddin Huseynli"), gets the same id, unless that word
//!    is ambiguous (two people share it), stands next to another capitalized word, or is a
//!    sentence-initial word the document also writes in lowercase;
//!    with `propagate_lexicon_people = true` in a rule file, parts of multi-word `PER` names that
//!    the lexicons found link the same way (reported as `rule:propagate`);
//! 4. pass-2 rules (which may test entities found in pass 1, e.g. a name coordinated with a known
//!    person) are matched, resolved and propagated the same way;
//! 5. matches of `block` rules (named events, treaties, laws, awards: "Second Karabakh War",
//!    "Treaty of Moscow") are not entities: after every step, each mention overlapping one of
//!    them is dropped, whoever found it.
//!
//! The rule file format is in [`format`](mod@format); the shipped English news rules in `rules/en-news.toml`.
//!
//! The modules, each a job, in the order a document meets them: [`words`] (UAX #29 word bounds)
//! and [`tokens`] cut the text; [`format`](mod@format) compiles rule files to the [`pattern`]
//! types; [`program`] turns their word sets into ids and a document's words into [`program::Facts`];
//! [`matcher`] picks which rules to try at which tokens; [`search`] matches one rule at one token;
//! [`script`] finds the English paragraphs of a document detected otherwise. The stage takes its
//! own [`RulesOptions`], never the whole config.

pub mod format;
pub mod matcher;
pub mod pattern;
pub mod program;
pub mod script;
pub mod search;
mod spans;
pub mod tokens;
pub mod words;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

pub use pattern::Rule;

use crate::error::{line_in_file, Error, Result};
use crate::gazetteer::lexicon::slug;
use crate::gazetteer::{resolved, Mention};
use matcher::{Hit, Index};
use program::{Facts, Program};
use search::Doc;
use spans::Spans;
use tokens::{Shape, Tokens, NO_MENTION};

/// One `[[rules]]` entry of the config.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFileSpec {
    /// Config name of the rule file.
    pub name: String,
    /// File path, relative to the config file.
    pub path: PathBuf,
    /// Off skips the whole file.
    #[serde(default = "enabled_default")]
    pub enabled: bool,
    /// Names of rules in the file to switch off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// ISO 639-3 codes; when non-empty, only documents detected in one of them are matched.
    #[serde(default)]
    pub languages: Vec<String>,
}

/// What the rules stage takes from the run's settings: the config's `[[rules]]` entries, each
/// with its path resolved against the config's directory, and the config file itself (messages
/// about an entry name it and the entry's line).
#[derive(Clone, Debug, Default)]
pub struct RulesOptions {
    /// The entries in config order, with their resolved paths.
    pub files: Vec<(RuleFileSpec, PathBuf)>,
    /// The config file.
    pub config_path: PathBuf,
}

impl RulesOptions {
    /// The options for the entries `specs` of the config at `config_path`, whose paths
    /// `resolve` makes usable from the working directory.
    pub fn new(
        specs: &[RuleFileSpec],
        config_path: &Path,
        resolve: impl Fn(&Path) -> PathBuf,
    ) -> RulesOptions {
        RulesOptions {
            files: specs
                .iter()
                .map(|s| (s.clone(), resolve(&s.path)))
                .collect(),
            config_path: config_path.to_path_buf(),
        }
    }
}

/// Rules of this priority or more may re-label a span a lexicon found whole.
pub const RELABEL: i32 = 2;

/// The `lexicon` of names linked to a person a lexicon found.
pub const PROPAGATE: &str = "rule:propagate";

fn enabled_default() -> bool {
    true
}

/// The compiled rules of every enabled rule file, shared read-only by all workers.
#[derive(Debug, Default)]
pub struct Rules {
    rules: Vec<Rule>,
    languages: Vec<Vec<String>>,
    program: Program,
    passes: [Index; 2],
    /// Parts of multi-word `PER` names found by lexicons propagate too (as `rule:propagate`).
    propagate_lexicon: bool,
}

/// A mention with what the resolver needs to know about it.
#[derive(Clone, Debug)]
struct Found {
    mention: Mention,
    priority: i32,
    /// The rule that found it; `None` for lexicon mentions.
    rule: Option<u16>,
}

impl Rules {
    /// Loads and compiles the enabled rule files of `opts`.
    pub fn load(opts: &RulesOptions) -> Result<Rules> {
        let mut files = Vec::new();
        for (spec, path) in opts.files.iter().filter(|(s, _)| s.enabled) {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            files.push((spec, path.as_path(), text));
        }
        let refs: Vec<_> = files
            .iter()
            .map(|&(s, p, ref t)| (s, p, t.as_str()))
            .collect();
        Rules::compile(&refs, &opts.config_path)
    }

    /// Compiles rule file texts (spec, path for messages, text); `config_path` names the config
    /// that lists them, for messages about its `[[rules]]` entries.
    pub fn compile(files: &[(&RuleFileSpec, &Path, &str)], config_path: &Path) -> Result<Rules> {
        let mut rules = Vec::new();
        let mut languages = Vec::new();
        let mut seen = HashSet::new();
        let mut propagate_lexicon = false;
        for (f, (spec, path, text)) in files.iter().enumerate() {
            let file = format::compile(text, path)?;
            propagate_lexicon |= file.propagate_lexicon_people;
            let mut compiled = file.rules;
            for d in &spec.disable {
                if !compiled.iter().any(|r| &r.name == d) {
                    return Err(Error::parse(
                        config_path,
                        line_in_file(config_path, &[&format!("{d:?}")]),
                        format!(
                            "rule file {:?} ({}): `disable` names no rule {d:?}",
                            spec.name,
                            path.display()
                        ),
                    ));
                }
            }
            for r in &mut compiled {
                r.file = f;
                r.enabled &= !spec.disable.contains(&r.name);
                if !seen.insert(r.name.clone()) {
                    return Err(Error::parse(
                        *path,
                        Some(r.line),
                        format!("rule {:?} is already defined in another rule file", r.name),
                    ));
                }
            }
            rules.extend(compiled);
            languages.push(spec.languages.clone());
        }
        if rules.len() > u16::MAX as usize {
            return Err(Error::Usage("too many rules (at most 65535)".into()));
        }
        let program = Program::new(&rules);
        let passes = [
            Index::new(&rules, &program, 1),
            Index::new(&rules, &program, 2),
        ];
        Ok(Rules {
            rules,
            languages,
            program,
            passes,
            propagate_lexicon,
        })
    }

    /// The compiled rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Whether no rule is enabled.
    pub fn is_empty(&self) -> bool {
        self.passes.iter().all(Index::is_empty)
    }

    /// Runs the rules over `text` (in language `lang`, ISO 639-3) given the gazetteer's
    /// `mentions` (sorted, non-overlapping); returns the merged mentions, sorted and
    /// non-overlapping.
    pub fn apply(&self, text: &str, mentions: Vec<Mention>, lang: &str) -> Vec<Mention> {
        let mut allowed: Vec<bool> = self
            .languages
            .iter()
            .map(|l| l.is_empty() || l.iter().any(|x| x == lang))
            .collect();
        // English rule files the document's language keeps out may still run on its
        // English-like Latin-script paragraphs (see `script`); their hits elsewhere are dropped.
        let by_paragraph: Vec<bool> = self
            .languages
            .iter()
            .zip(&allowed)
            .map(|(l, &a)| !a && l.iter().any(|x| x == "eng"))
            .collect();
        let paragraphs = if by_paragraph.iter().any(|&b| b) {
            script::english_paragraphs(text)
        } else {
            Vec::new()
        };
        if !paragraphs.is_empty() {
            for (a, &b) in allowed.iter_mut().zip(&by_paragraph) {
                *a |= b;
            }
        }
        if self.is_empty() || !allowed.iter().any(|&a| a) {
            return mentions;
        }
        let in_paragraph = |s: usize| {
            let k = paragraphs.partition_point(|p| p.1 <= s);
            paragraphs.get(k).is_some_and(|p| p.0 <= s)
        };
        let mut found: Vec<Found> = mentions
            .into_iter()
            .map(|mention| Found {
                mention,
                priority: 0,
                rule: None,
            })
            .collect();
        let mut toks = Tokens::new(text, &[]);
        let facts = Facts::new(&self.program, text, &toks);
        let mut blocks: Vec<(usize, usize)> = Vec::new();
        // The mentions of `found`, which the tokens are attached to; rebuilt (and the tokens
        // attached again) only when `found` changes.
        let mut current: Vec<Mention> = Vec::new();
        let mut stale = true;
        for index in &self.passes {
            if index.is_empty() {
                continue;
            }
            if stale {
                current = found.iter().map(|f| f.mention.clone()).collect();
                toks.attach(&current);
                stale = false;
            }
            let doc = Doc::new(text, &toks, &current, &facts);
            let mut hits = matcher::scan(&self.rules, &self.program, index, &allowed, &doc);
            if !paragraphs.is_empty() {
                hits.retain(|h| {
                    !by_paragraph[self.rules[h.rule as usize].file]
                        || in_paragraph(toks.tokens[h.start].start)
                });
            }
            if hits.is_empty() && !self.propagate_lexicon {
                continue;
            }
            let (block, hits): (Vec<Hit>, Vec<Hit>) = hits
                .into_iter()
                .partition(|h| self.rules[h.rule as usize].block);
            blocks.extend(
                block
                    .iter()
                    .map(|h| (toks.tokens[h.start].start, toks.tokens[h.end - 1].end)),
            );
            // A rule match inside a lexicon mention only re-guesses a name the lexicon has whole
            // ("Development Bank" in "Asian Development Bank"), and one on the same span only
            // re-labels it ("West Bank" as ORG): dropped, unless the rule's priority is
            // `RELABEL` or more ("Mr. Jordan" is a person).
            let lexicon = Spans::new(
                found
                    .iter()
                    .filter(|f| f.rule.is_none())
                    .map(|f| (f.mention.start, f.mention.end)),
            );
            let new: Vec<Found> = hits
                .iter()
                .map(|h| self.found(text, &toks, h, &current))
                .filter(|n| {
                    n.priority >= RELABEL || !lexicon.contains(n.mention.start, n.mention.end)
                })
                .collect();
            let kept = new.is_empty() && sorted_disjoint(&found);
            found = resolve(found, new);
            let before = found.len();
            let blocked = Spans::new(blocks.iter().copied());
            let overlaps = |m: &Mention| blocked.overlaps(m.start, m.end);
            found.retain(|f| !overlaps(&f.mention));
            if !kept || found.len() != before {
                current = found.iter().map(|f| f.mention.clone()).collect();
                toks.attach(&current);
            }
            let doc = Doc::new(text, &toks, &current, &facts);
            let extra = self.propagate(&doc, &found);
            if !extra.is_empty() {
                found.extend(extra.into_iter().filter(|f| !overlaps(&f.mention)));
                found.sort_by_key(|f| f.mention.start);
                stale = true;
            }
        }
        found.into_iter().map(|f| f.mention).collect()
    }

    fn found(&self, text: &str, toks: &Tokens, h: &Hit, current: &[Mention]) -> Found {
        let rule = &self.rules[h.rule as usize];
        let (s, e) = (toks.tokens[h.start].start, toks.tokens[h.end - 1].end);
        if rule.inherit {
            // The nearest entity that ends inside the match, before the entity part.
            let m0 = toks.tokens[h.match_start].start;
            let before = current.partition_point(|m| m.start < s);
            if let Some(m) = current[..before]
                .iter()
                .rev()
                .find(|m| m.end <= s && m.end > m0)
            {
                return Found {
                    mention: Mention {
                        start: s,
                        end: e,
                        lexicon: rule.lexicon.clone(),
                        resolved_by: resolved::RULE,
                        ..m.clone()
                    },
                    priority: rule.priority,
                    rule: Some(h.rule),
                };
            }
        }
        let name: Arc<str> = text[s..e].into();
        Found {
            mention: Mention {
                start: s,
                end: e,
                label: rule.label.clone(),
                id: format!("{}:{}", rule.id_prefix, slug(&name)).into(),
                name,
                lexicon: rule.lexicon.clone(),
                resolved_by: resolved::RULE,
            },
            priority: rule.priority,
            rule: Some(h.rule),
        }
    }

    /// Other occurrences of rule-found names (see the module docs).
    fn propagate<'a>(&self, doc: &Doc<'a>, found: &[Found]) -> Vec<Found> {
        let toks = doc.toks;
        // Key: the token texts of a name; value: the index in `found`, `None` when ambiguous.
        let mut keys: BTreeMap<Vec<&'a str>, Option<usize>> = BTreeMap::new();
        // Which lowercased forms (`Token::word`) a key starts with: a token whose form is not
        // one needs no look-up of its text (the same text has the same form).
        let mut starts = vec![false; toks.words.len()];
        let mut add = |key: Vec<&'a str>, first: usize, i: usize| {
            starts[toks.tokens[first].word as usize] = true;
            let slot = keys.entry(key).or_insert(Some(i));
            if let Some(j) = *slot {
                if found[j].mention.id != found[i].mention.id {
                    *slot = None;
                }
            }
        };
        for (i, f) in found.iter().enumerate() {
            let is_per = &*f.mention.label == "PER";
            let wanted = match f.rule {
                Some(r) => self.rules[r as usize].propagate,
                None => self.propagate_lexicon && is_per,
            };
            if !wanted {
                continue;
            }
            let first = toks.tokens.partition_point(|t| t.start < f.mention.start);
            let last = toks.tokens.partition_point(|t| t.start < f.mention.end);
            let text: &'a str = doc.text;
            let words: Vec<&'a str> = (first..last)
                .map(|k| &text[toks.tokens[k].start..toks.tokens[k].end])
                .collect();
            if words.is_empty() {
                continue;
            }
            let surname = words[words.len() - 1];
            if f.rule.is_some() {
                add(words.clone(), first, i);
            }
            if is_per && words.len() >= 2 {
                for (part, at) in [(surname, last - 1), (words[0], first)] {
                    if part.chars().count() >= 3 {
                        add(vec![part], at, i);
                    }
                }
            }
        }
        let mut by_first: BTreeMap<&str, Vec<(&[&str], usize)>> = BTreeMap::new();
        for (key, target) in &keys {
            if let Some(t) = target {
                by_first
                    .entry(key[0])
                    .or_default()
                    .push((key.as_slice(), *t));
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        }
        let word = |k: usize| &doc.text[toks.tokens[k].start..toks.tokens[k].end];
        let free = |k: usize| toks.tokens[k].mention == NO_MENTION;
        let capital = |k: usize| matches!(toks.tokens[k].shape, Shape::Capitalized | Shape::Upper);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let mut step = 1;
            if starts[toks.tokens[i].word as usize]
                && free(i)
                && capital(i)
                && !doc.common_initial(i)
            {
                for (key, target) in by_first.get(word(i)).map(Vec::as_slice).unwrap_or(&[]) {
                    let end = i + key.len();
                    let fits = end <= toks.len()
                        && (i..end).all(|k| free(k) && word(k) == key[k - i])
                        && (i + 1..end).all(|k| !toks.tokens[k].boundary);
                    let joined_after =
                        end < toks.len() && !toks.tokens[end].boundary && capital(end);
                    let joined_before =
                        key.len() == 1 && i > 0 && !toks.tokens[i].boundary && capital(i - 1);
                    if !fits || joined_after || joined_before {
                        continue;
                    }
                    let src = &found[*target];
                    let (s, e) = (toks.tokens[i].start, toks.tokens[end - 1].end);
                    let lexicon = match src.rule {
                        Some(_) => src.mention.lexicon.clone(),
                        None => PROPAGATE.into(),
                    };
                    out.push(Found {
                        mention: Mention {
                            start: s,
                            end: e,
                            lexicon,
                            resolved_by: resolved::CHAIN,
                            ..src.mention.clone()
                        },
                        priority: src.priority,
                        rule: src.rule,
                    });
                    step = key.len();
                    break;
                }
            }
            i += step;
        }
        out
    }
}

/// Whether `found` is sorted by start and its mentions are non-empty and disjoint: then
/// [`resolve`] with nothing new returns it as it is.
fn sorted_disjoint(found: &[Found]) -> bool {
    found.iter().all(|f| f.mention.start < f.mention.end)
        && found
            .windows(2)
            .all(|w| w[0].mention.end <= w[1].mention.start)
}

/// Merges `existing` and `new` into one sorted, non-overlapping list (see the module docs for
/// the order of precedence).
fn resolve(existing: Vec<Found>, new: Vec<Found>) -> Vec<Found> {
    // Nothing new and the list already sorted and disjoint (as every list the stage keeps is):
    // every mention would be taken, in the same order.
    if new.is_empty() && sorted_disjoint(&existing) {
        return existing;
    }
    let mut all = existing;
    all.extend(new);
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| {
        let f = &all[i];
        (
            std::cmp::Reverse(f.priority),
            f.rule.is_some(),
            std::cmp::Reverse(f.mention.end - f.mention.start),
            f.mention.start,
            f.rule,
        )
    });
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = vec![false; all.len()];
    for i in order {
        let (s, e) = (all[i].mention.start, all[i].mention.end);
        let clash = taken
            .range(..e)
            .next_back()
            .is_some_and(|(_, &end)| end > s);
        if !clash {
            taken.insert(s, e);
            keep[i] = true;
        }
    }
    let mut out: Vec<Found> = all
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect();
    out.sort_by_key(|f| f.mention.start);
    out
}

#[cfg(test)]
mod tests;
