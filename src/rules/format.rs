//! Rule files: the TOML format (close to spaCy Matcher token patterns) and its compiler.
//!
//! ```toml
//! [lists]                       # named word lists, referenced as "@name"
//! titles = ["president", "minister"]
//!
//! [classes]                     # named token conditions, referenced as class = "name"
//! name = { shape = ["capitalized"], not_lower = ["@titles"] }
//!
//! [[rule]]
//! name = "title-name"           # reported as lexicon "rule:title-name"
//! label = "PER"
//! priority = 0                  # > 0 beats lexicon matches; ties go to the lexicon
//! pattern = [
//!   { lower = ["@titles"] },
//!   { class = "name", not_in_lexicon = true, repeat = [1, 3], entity = true },
//! ]
//! ```
//!
//! `[list_files]` names word lists kept in files (one word per line, `#` comments), relative to
//! the rule file: `first_names = "../lexicons/first_names.txt"`, used as `"@first_names"`.
//!
//! Two rule keys change what a match does: `block = true` makes the matched span a name that
//! blocks what is inside it (an event, a treaty, an award: guideline "Not annotated"); it is not
//! an entity itself and removes every mention it overlaps. `inherit = true` gives the entity
//! the id, name and label of the nearest entity found before it in the match ("Federal Security
//! Service (FSB)": the acronym gets the service's id). `lowercase_end = true` lets the entity end
//! on a lowercase word (Russian names capitalize the first word only: "Министерство обороны").
//!
//! A token condition holds when every key it sets holds: `text` (exact) or `lower` (lowercased)
//! in a list, `not_lower` not in a list, `shape` one of the listed shapes, `in_lexicon` (a label,
//! or `"ANY"`) / `not_in_lexicon` (`true` or a label) against the entities found so far,
//! `initial` (sentence-initial or not), `common` (the document also writes the word in lowercase,
//! as in "Officials ... officials": a common word, not a name), `ends` / `not_ends` (the
//! lowercased token ends / does not end with one of these strings:
//! Russian case endings, as in `ends = ["ого", "ой", "ых"]`). `op` is spaCy's: `"?"` optional, `"+"` one or more (at
//! most 8), `"*"` zero or more, `"!"` the next token must NOT match (zero width); `repeat = [m, n]`
//! is the general form. The tokens marked `entity = true` (contiguous) become the entity.
//!
//! Every error names the file and line; the whole set is compiled once, at startup.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::pattern::{cost, Cond, Elem, LexCheck, Rule, WordSet};
use super::tokens::Shape;
use crate::error::line_of;
use crate::error::{Error, Result};

/// Largest repeat count a pattern element may ask for.
pub const MAX_REPEAT: u8 = 8;

/// Most token tests a pattern may cost per start token ([`cost`]) for the rule
/// file to load at all; `newstag lexicon check` is stricter
/// ([`crate::gazetteer::check::SLOW_RULE_COST`]).
pub const MAX_RULE_COST: usize = 1_000_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    #[serde(default)]
    propagate_lexicon_people: bool,
    #[serde(default)]
    lists: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    list_files: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    classes: BTreeMap<String, Spanned<TokenSpec>>,
    #[serde(default)]
    rule: Vec<Spanned<RuleDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    name: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    block: bool,
    #[serde(default)]
    inherit: bool,
    #[serde(default)]
    priority: i32,
    #[serde(default = "one")]
    pass: u8,
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default = "yes")]
    propagate: bool,
    #[serde(default)]
    headlines: bool,
    #[serde(default)]
    lowercase_end: bool,
    #[serde(default)]
    not_after: Vec<String>,
    pattern: Vec<Spanned<TokenSpec>>,
}

fn one() -> u8 {
    1
}

fn yes() -> bool {
    true
}

#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenSpec {
    class: Option<String>,
    text: Option<Vec<String>>,
    lower: Option<Vec<String>>,
    not_lower: Option<Vec<String>>,
    shape: Option<OneOrMany<Shape>>,
    in_lexicon: Option<String>,
    not_in_lexicon: Option<BoolOrLabel>,
    initial: Option<bool>,
    common: Option<bool>,
    ends: Option<Vec<String>>,
    not_ends: Option<Vec<String>>,
    op: Option<String>,
    repeat: Option<[u8; 2]>,
    entity: Option<bool>,
}

#[derive(Clone, Deserialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

#[derive(Clone, Deserialize)]
#[serde(untagged)]
enum BoolOrLabel {
    Bool(bool),
    Label(String),
}

impl TokenSpec {
    /// Fields set here override the class's.
    fn over(self, base: &TokenSpec) -> TokenSpec {
        TokenSpec {
            class: None,
            text: self.text.or_else(|| base.text.clone()),
            lower: self.lower.or_else(|| base.lower.clone()),
            not_lower: self.not_lower.or_else(|| base.not_lower.clone()),
            shape: self.shape.or_else(|| base.shape.clone()),
            in_lexicon: self.in_lexicon.or_else(|| base.in_lexicon.clone()),
            not_in_lexicon: self.not_in_lexicon.or_else(|| base.not_in_lexicon.clone()),
            initial: self.initial.or(base.initial),
            common: self.common.or(base.common),
            ends: self.ends.or_else(|| base.ends.clone()),
            not_ends: self.not_ends.or_else(|| base.not_ends.clone()),
            op: self.op.or_else(|| base.op.clone()),
            repeat: self.repeat.or(base.repeat),
            entity: self.entity.or(base.entity),
        }
    }
}

/// Compiled word sets by list expression and case, for sharing (see [`WordSet`]).
type Memo = rustc_hash::FxHashMap<(Vec<String>, bool), WordSet>;

/// One compiled rule file.
#[derive(Clone, Debug, Default)]
pub struct RuleFile {
    /// Its rules, in file order.
    pub rules: Vec<Rule>,
    /// `propagate_lexicon_people`: parts of multi-word `PER` names found by lexicons propagate too.
    pub propagate_lexicon_people: bool,
}

/// Parses and compiles one rule file's text; `path` is used in messages.
pub fn compile(text: &str, path: &Path) -> Result<RuleFile> {
    let spec: FileSpec = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        Error::parse(path, line, e.message().to_string())
    })?;
    let at = |span: std::ops::Range<usize>| Some(line_of(text, span.start));
    let mut files: Vec<(&str, Vec<String>)> = Vec::new();
    for (k, file) in &spec.list_files {
        if spec.lists.contains_key(k) {
            return Err(Error::parse(
                path,
                at(file.span()),
                format!("list {k:?} is defined in [lists] and [list_files]"),
            ));
        }
        let full = path.parent().unwrap_or(Path::new("")).join(file.get_ref());
        let body = std::fs::read_to_string(&full).map_err(|e| Error::io(&full, e))?;
        let words = body
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();
        files.push((k.as_str(), words));
    }
    let mut lists: BTreeMap<&str, &[String]> = BTreeMap::new();
    for (k, v) in &spec.lists {
        lists.insert(k.as_str(), v.as_slice());
    }
    for (k, v) in &files {
        lists.insert(k, v.as_slice());
    }
    for (k, c) in &spec.classes {
        if c.get_ref().class.is_some() {
            return Err(Error::parse(
                path,
                at(c.span()),
                format!("class {k:?} cannot use a class"),
            ));
        }
    }
    let mut out = Vec::new();
    let mut names = HashSet::new();
    let mut memo = Memo::default();
    for r in spec.rule {
        let line = at(r.span());
        let span = r.span();
        let def = r.into_inner();
        let err = |m: String| Error::parse(path, line, format!("rule {:?}: {m}", def.name));
        if def.name.is_empty()
            || !def
                .name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return Err(err("a rule name is letters, digits, `-` and `_`".into()));
        }
        if !names.insert(def.name.clone()) {
            return Err(err("the name is used twice in this file".into()));
        }
        if def.label.trim().is_empty() && !def.block {
            return Err(err("empty label (only a `block` rule has none)".into()));
        }
        if def.block && def.inherit {
            return Err(err(
                "a `block` rule creates no entity to `inherit` an id".into()
            ));
        }
        if !(1..=2).contains(&def.pass) {
            return Err(err("pass must be 1 or 2".into()));
        }
        let mut elems = Vec::new();
        for p in &def.pattern {
            let eline = at(p.span());
            let e = p.get_ref().clone();
            let e = match &e.class {
                Some(c) => match spec.classes.get(c) {
                    Some(base) => e.over(base.get_ref()),
                    None => {
                        return Err(Error::parse(path, eline, format!("unknown class {c:?}")));
                    }
                },
                None => e,
            };
            elems.push(elem(e, &lists, &mut memo).map_err(|m| Error::parse(path, eline, m))?);
        }
        check_pattern(&elems).map_err(err)?;
        let not_after = if def.not_after.is_empty() {
            None
        } else {
            Some(words(&def.not_after, &lists, true, &mut memo).map_err(err)?)
        };
        out.push(Rule {
            lexicon: format!("rule:{}", def.name).into(),
            id_prefix: def.label.to_lowercase(),
            label: def.label.as_str().into(),
            name: def.name,
            priority: def.priority,
            pass: def.pass,
            propagate: def.propagate,
            headlines: def.headlines,
            lowercase_end: def.lowercase_end,
            block: def.block,
            inherit: def.inherit,
            not_after,
            elems,
            enabled: def.enabled,
            line: line_of(text, span.start),
            file: 0,
        });
    }
    Ok(RuleFile {
        rules: out,
        propagate_lexicon_people: spec.propagate_lexicon_people,
    })
}

fn check_pattern(elems: &[Elem]) -> std::result::Result<(), String> {
    let captured: Vec<usize> = (0..elems.len()).filter(|&i| elems[i].capture).collect();
    let (Some(&first), Some(&last)) = (captured.first(), captured.last()) else {
        return Err("no pattern element has `entity = true`".into());
    };
    if last - first + 1 != captured.len() {
        return Err("the `entity = true` elements must be contiguous".into());
    }
    if elems[first..=last].iter().all(|e| e.min == 0) {
        return Err("the entity part must require at least one token".into());
    }
    if elems.iter().any(|e| e.negated && e.capture) {
        return Err("an `op = \"!\"` element cannot be part of the entity".into());
    }
    let cost = cost(elems);
    if cost > MAX_RULE_COST {
        return Err(format!(
            "pattern too long: up to {cost} token tests per token (limit {MAX_RULE_COST})"
        ));
    }
    Ok(())
}

fn elem(
    e: TokenSpec,
    lists: &BTreeMap<&str, &[String]>,
    memo: &mut Memo,
) -> std::result::Result<Elem, String> {
    let (mut min, mut max, mut negated) = (1, 1, false);
    match e.op.as_deref() {
        None | Some("1") => {}
        Some("?") => min = 0,
        Some("+") => max = MAX_REPEAT,
        Some("*") => (min, max) = (0, MAX_REPEAT),
        Some("!") => negated = true,
        Some(o) => {
            return Err(format!(
                "unknown op {o:?} (use ?, +, *, ! or repeat = [min, max])"
            ))
        }
    }
    if let Some([a, b]) = e.repeat {
        if e.op.is_some() {
            return Err("use either op or repeat, not both".into());
        }
        if a > b || b == 0 || b > MAX_REPEAT {
            return Err(format!(
                "repeat = [{a}, {b}] must have min <= max, 1 <= max <= {MAX_REPEAT}"
            ));
        }
        (min, max) = (a, b);
    }
    let shapes = match e.shape {
        None => 0,
        Some(OneOrMany::One(s)) => 1 << s as u8,
        Some(OneOrMany::Many(v)) => v.iter().fold(0, |m, s| m | 1 << *s as u8),
    };
    let lexicon = match (e.in_lexicon, e.not_in_lexicon) {
        (Some(_), Some(_)) => return Err("use either in_lexicon or not_in_lexicon".into()),
        (Some(l), None) => LexCheck::In((l != "ANY").then(|| l.as_str().into())),
        (None, Some(BoolOrLabel::Bool(true))) => LexCheck::NotIn(None),
        (None, Some(BoolOrLabel::Label(l))) => LexCheck::NotIn(Some(l.as_str().into())),
        (None, Some(BoolOrLabel::Bool(false))) | (None, None) => LexCheck::Any,
    };
    let mut set =
        |v: Option<Vec<String>>, lower: bool| v.map(|v| words(&v, lists, lower, memo)).transpose();
    Ok(Elem {
        cond: Cond {
            text: set(e.text, false)?,
            lower: set(e.lower, true)?,
            not_lower: set(e.not_lower, true)?,
            shapes,
            lexicon,
            initial: e.initial,
            common: e.common,
            ends: endings(e.ends, lists, memo)?,
            not_ends: endings(e.not_ends, lists, memo)?,
        },
        min,
        max,
        capture: e.entity.unwrap_or(false),
        negated,
    })
}

/// Compiles an `ends` / `not_ends` list (`@list` references allowed), lowercased.
fn endings(
    v: Option<Vec<String>>,
    lists: &BTreeMap<&str, &[String]>,
    memo: &mut Memo,
) -> std::result::Result<Option<Box<[Box<str>]>>, String> {
    let Some(v) = v else { return Ok(None) };
    let mut out: Vec<Box<str>> = words(&v, lists, true, memo)?.iter().cloned().collect();
    out.sort();
    Ok(Some(out.into()))
}

/// Expands `@list` references and lowercases when asked; the same expression twice gives the
/// same shared set.
fn words(
    v: &[String],
    lists: &BTreeMap<&str, &[String]>,
    lower: bool,
    memo: &mut Memo,
) -> std::result::Result<WordSet, String> {
    let key = (v.to_vec(), lower);
    if let Some(set) = memo.get(&key) {
        return Ok(set.clone());
    }
    let set = Arc::new(expand(v, lists, lower)?);
    memo.insert(key, set.clone());
    Ok(set)
}

fn expand(
    v: &[String],
    lists: &BTreeMap<&str, &[String]>,
    lower: bool,
) -> std::result::Result<rustc_hash::FxHashSet<Box<str>>, String> {
    let mut out = rustc_hash::FxHashSet::default();
    let mut add = |w: &str| {
        if w.is_empty() || w.chars().any(char::is_whitespace) {
            return Err(format!("{w:?}: a word list entry is one token (no spaces)"));
        }
        let w = if lower {
            w.to_lowercase()
        } else {
            w.to_string()
        };
        out.insert(w.into_boxed_str());
        Ok(())
    };
    for w in v {
        match w.strip_prefix('@') {
            Some(name) => {
                let list = lists
                    .get(name)
                    .ok_or_else(|| format!("unknown list \"@{name}\""))?;
                for x in list.iter() {
                    add(x)?;
                }
            }
            None => add(w)?,
        }
    }
    Ok(out)
}
