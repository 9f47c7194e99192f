//! Lexicon files: the config entry that declares one, and the parsers for each format.
//!
//! Formats (see `lexicons/README.md` for the user's view):
//! * `tsv`, the native one: `id <TAB> display name <TAB> aliases [<TAB> label]`, aliases separated
//!   by `|`, `#` comments, blank lines ignored. Alias markers: a leading `~` makes the alias
//!   context-only, a leading `=` makes it case-sensitive, a leading `!` keeps it uninflected, and
//!   a leading `{ru,az}` sets the languages it is inflected in, overriding the lexicon's
//!   `inflect` (`{}` is the same as `!`).
//! * `spacy`: spaCy EntityRuler pattern JSONL (`label`, `pattern` as a string or a list of token
//!   dicts with only `ORTH`/`TEXT`/`LOWER`, optional `id`).
//! * `list`: one alias per line; the label comes from the config, the id is `id_prefix` + slug.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::gazetteer::inflect::InflectLang;

/// How a lexicon's aliases compare to the text's case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// Exact case.
    Sensitive,
    /// Any case (Unicode lowercase folding).
    Insensitive,
    /// Insensitive, except: all-caps aliases and aliases of at most 3 letters match exactly, and an
    /// alias starting with a capital needs a capital in the text.
    #[default]
    Smart,
}

/// The file format of a lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The native TSV format.
    Tsv,
    /// spaCy EntityRuler patterns (JSONL).
    Spacy,
    /// One alias per line.
    List,
}

impl Format {
    /// The format implied by a file's extension (`.jsonl` spaCy, `.tsv` native, `.txt`/`.lst` list).
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "jsonl" => Some(Format::Spacy),
            "tsv" => Some(Format::Tsv),
            "txt" | "lst" | "list" => Some(Format::List),
            _ => None,
        }
    }
}

/// One `[[lexicons]]` entry of the config.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconSpec {
    /// Name reported in `entities[].lexicon`.
    pub name: String,
    /// File path, relative to the config file.
    pub path: PathBuf,
    /// Label given to its entities (TSV lines and spaCy patterns may carry their own).
    #[serde(default)]
    pub label: Option<String>,
    /// File format; from the extension when absent.
    #[serde(default)]
    pub format: Option<Format>,
    /// Case handling.
    #[serde(default)]
    pub case: CaseMode,
    /// Higher wins when two lexicons match the same span.
    #[serde(default)]
    pub priority: i32,
    /// ISO 639-3 codes; when non-empty, only documents detected in one of them are tagged.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Off skips the lexicon.
    #[serde(default = "enabled_default")]
    pub enabled: bool,
    /// Id prefix for the `list` format (`per:` gives `per:ilham-aliyev`).
    #[serde(default)]
    pub id_prefix: Option<String>,
    /// Languages whose inflected forms are generated for the aliases (`ru`, `az`, `tr`);
    /// see `lexicons/INFLECTION.md`.
    #[serde(default)]
    pub inflect: Vec<InflectLang>,
}

fn enabled_default() -> bool {
    true
}

impl LexiconSpec {
    /// A spec for a lexicon named on the command line (`--lexicon FILE`).
    pub fn from_cli(path: &Path) -> LexiconSpec {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "lexicon".into());
        LexiconSpec {
            name,
            path: path.to_path_buf(),
            label: None,
            format: None,
            case: CaseMode::Smart,
            priority: 0,
            languages: Vec::new(),
            enabled: true,
            id_prefix: None,
            inflect: Vec::new(),
        }
    }
}

/// One alias of an entry, as written in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasSpec {
    /// The alias text (markers stripped).
    pub text: String,
    /// Tagged only when a full alias of the same entity occurs in the document.
    pub context_only: bool,
    /// Matched case-sensitively whatever the lexicon's case mode.
    pub exact_case: bool,
    /// Inflection languages for this alias, overriding the lexicon's (`!` gives `Some([])`).
    pub inflect: Option<Vec<InflectLang>>,
}

/// One entity of a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Label (the line's own, else the lexicon's).
    pub label: String,
    /// Aliases, the display name first.
    pub aliases: Vec<AliasSpec>,
    /// 1-based line in the file.
    pub line: usize,
}

/// Reads and parses a lexicon file.
pub fn load(spec: &LexiconSpec, path: &Path) -> Result<(Vec<Entry>, Vec<u8>)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = crate::error::line_of(
            &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
            e.valid_up_to(),
        );
        Error::parse(path, Some(line), "lexicon is not valid UTF-8")
    })?;
    let format = spec
        .format
        .or_else(|| Format::from_path(path))
        .ok_or_else(|| {
            Error::parse(
                path,
                None,
                "unknown lexicon format: set `format` (tsv, spacy, list) or use .tsv/.jsonl/.txt",
            )
        })?;
    let entries = match format {
        Format::Tsv => parse_tsv(text, spec.label.as_deref(), path)?,
        Format::Spacy => parse_spacy(text, spec.label.as_deref(), path)?,
        Format::List => parse_list(text, spec, path)?,
    };
    Ok((entries, bytes))
}

fn parse_alias(raw: &str, path: &Path, line: usize) -> Result<AliasSpec> {
    let mut s = raw.trim();
    let mut context_only = false;
    let mut exact_case = false;
    let mut inflect = None;
    loop {
        if let Some(rest) = s.strip_prefix('~') {
            context_only = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('=') {
            exact_case = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('!') {
            inflect = Some(Vec::new());
            s = rest;
        } else if let Some(rest) = s.strip_prefix('{') {
            let close = rest
                .find('}')
                .ok_or_else(|| Error::parse(path, Some(line), "alias marker `{` without `}`"))?;
            let mut langs = Vec::new();
            for code in rest[..close]
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                langs.push(InflectLang::parse(code).ok_or_else(|| {
                    Error::parse(
                        path,
                        Some(line),
                        format!("unknown inflection language {code:?} (ru, az, tr)"),
                    )
                })?);
            }
            inflect = Some(langs);
            s = &rest[close + 1..];
        } else {
            break;
        }
    }
    if s.trim().is_empty() {
        return Err(Error::parse(path, Some(line), "empty alias"));
    }
    Ok(AliasSpec {
        text: s.trim().to_string(),
        context_only,
        exact_case,
        inflect,
    })
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Parses the native TSV format.
pub fn parse_tsv(text: &str, label: Option<&str>, path: &Path) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for (i, raw_line) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw_line.strip_prefix('\u{feff}').unwrap_or(raw_line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 {
            return Err(Error::parse(
                path,
                Some(n),
                "expected `id<TAB>name<TAB>aliases`: missing the display name field",
            ));
        }
        if fields.len() > 4 {
            return Err(Error::parse(
                path,
                Some(n),
                "too many TAB-separated fields (at most 4)",
            ));
        }
        let id = fields[0].trim();
        if !valid_id(id) {
            return Err(Error::parse(path, Some(n), format!("bad id {id:?}")));
        }
        let name = fields[1].trim();
        if name.is_empty() {
            return Err(Error::parse(path, Some(n), "empty display name"));
        }
        let label = match fields.get(3).map(|s| s.trim()).filter(|s| !s.is_empty()) {
            Some(l) => l.to_string(),
            None => label
                .ok_or_else(|| {
                    Error::parse(
                        path,
                        Some(n),
                        "no label: add a 4th column, or give the lexicon a `label` in the config (`--label LABEL` for a `--lexicon` file)",
                    )
                })?
                .to_string(),
        };
        let mut aliases = vec![parse_alias(name, path, n)?];
        if let Some(list) = fields.get(2) {
            if !list.trim().is_empty() {
                for a in list.split('|') {
                    aliases.push(parse_alias(a, path, n)?);
                }
            }
        }
        out.push(Entry {
            id: id.to_string(),
            name: aliases[0].text.clone(),
            label,
            aliases,
            line: n,
        });
    }
    Ok(out)
}

#[derive(Deserialize)]
struct SpacyPattern {
    label: Option<String>,
    pattern: serde_json::Value,
    id: Option<String>,
}

/// Parses spaCy EntityRuler patterns: phrase patterns and token patterns made of ORTH/TEXT/LOWER.
pub fn parse_spacy(text: &str, label: Option<&str>, path: &Path) -> Result<Vec<Entry>> {
    let mut out: Vec<Entry> = Vec::new();
    let mut by_key: std::collections::HashMap<(String, String), usize> = Default::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let p: SpacyPattern = serde_json::from_str(line)
            .map_err(|e| Error::parse(path, Some(n), format!("not a spaCy pattern: {e}")))?;
        let label = p
            .label
            .or_else(|| label.map(str::to_string))
            .ok_or_else(|| Error::parse(path, Some(n), "pattern has no label: add one, or give the lexicon a `label` in the config (`--label LABEL` for a `--lexicon` file)"))?;
        let (alias, exact) = match &p.pattern {
            serde_json::Value::String(s) => (s.clone(), false),
            serde_json::Value::Array(tokens) => token_pattern(tokens, path, n)?,
            _ => {
                return Err(Error::parse(
                    path,
                    Some(n),
                    "`pattern` must be a string or a list of token dicts",
                ))
            }
        };
        let alias = parse_alias(&alias, path, n)?;
        let alias = AliasSpec {
            exact_case: alias.exact_case || exact,
            ..alias
        };
        let id =
            p.id.unwrap_or_else(|| format!("{}:{}", label.to_lowercase(), slug(&alias.text)));
        if !valid_id(&id) {
            return Err(Error::parse(path, Some(n), format!("bad id {id:?}")));
        }
        match by_key.get(&(label.clone(), id.clone())) {
            Some(&at) => out[at].aliases.push(alias),
            None => {
                by_key.insert((label.clone(), id.clone()), out.len());
                out.push(Entry {
                    id,
                    name: alias.text.clone(),
                    label,
                    aliases: vec![alias],
                    line: n,
                });
            }
        }
    }
    Ok(out)
}

/// A token pattern as a phrase, and whether it is case-sensitive: only when no token uses
/// `LOWER` and some `ORTH`/`TEXT` token has cased letters (one automaton alias cannot mix
/// per-token case rules, so a mixed pattern matches in any case rather than never).
fn token_pattern(tokens: &[serde_json::Value], path: &Path, n: usize) -> Result<(String, bool)> {
    let mut phrase = String::new();
    let mut any_lower_attr = false;
    let mut cased_orth = false;
    for t in tokens {
        let obj = t.as_object().filter(|o| o.len() == 1).ok_or_else(|| {
            Error::parse(
                path,
                Some(n),
                "token pattern: each token must be a dict with one key",
            )
        })?;
        let (key, value) = obj.iter().next().expect("one key");
        let word = value.as_str().ok_or_else(|| {
            Error::parse(
                path,
                Some(n),
                format!("token pattern: {key} must be a string"),
            )
        })?;
        match key.as_str() {
            "LOWER" => any_lower_attr = true,
            "ORTH" | "TEXT" => {
                cased_orth |= word.chars().any(|c| c.is_uppercase() || c.is_lowercase())
            }
            other => {
                return Err(Error::parse(
                    path,
                    Some(n),
                    format!(
                    "token pattern: attribute {other} is not supported (only ORTH, TEXT, LOWER)"
                ),
                ))
            }
        }
        let punct = !word.is_empty() && word.chars().all(|c| !c.is_alphanumeric());
        let glue_prev = phrase.ends_with('-') || phrase.ends_with('\'');
        if !phrase.is_empty() && !punct && !glue_prev {
            phrase.push(' ');
        }
        phrase.push_str(word);
    }
    Ok((phrase, cased_orth && !any_lower_attr))
}

/// Parses the `list` format: one alias per line, label and id prefix from the config.
pub fn parse_list(text: &str, spec: &LexiconSpec, path: &Path) -> Result<Vec<Entry>> {
    let label = spec.label.clone().ok_or_else(|| {
        Error::parse(path, None, "a `list` lexicon needs a `label` in the config (`--label LABEL` for a `--lexicon` file)")
    })?;
    let prefix = spec
        .id_prefix
        .clone()
        .unwrap_or_else(|| format!("{}:", label.to_lowercase()));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let alias = parse_alias(line, path, n)?;
        out.push(Entry {
            id: format!("{prefix}{}", slug(&alias.text)),
            name: alias.text.clone(),
            label: label.clone(),
            aliases: vec![alias],
            line: n,
        });
    }
    Ok(out)
}

/// A lowercase ASCII-ish slug: letters and digits kept (Unicode lowercased), the rest as `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_parses_ids_aliases_and_markers() {
        let t = "# comment\n\nper:ilham-aliyev\tIlham Aliyev\tİlham Əliyev|~Aliyev|=IA\n";
        let e = parse_tsv(t, Some("PER"), Path::new("p.tsv")).unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, 3);
        assert_eq!(e[0].aliases.len(), 4);
        assert!(e[0].aliases[2].context_only);
        assert!(e[0].aliases[3].exact_case);
        assert_eq!(e[0].aliases[3].text, "IA");
    }

    #[test]
    fn tsv_inflection_markers() {
        let t = "loc:baku\tBaku\t!Баку|{az}Bakı|{ru, az}Кремль|{}X\n";
        let e = parse_tsv(t, Some("LOC"), Path::new("p.tsv")).unwrap();
        let got: Vec<_> = e[0]
            .aliases
            .iter()
            .map(|a| (a.text.as_str(), a.inflect.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Baku", None),
                ("Баку", Some(vec![])),
                ("Bakı", Some(vec![InflectLang::Az])),
                ("Кремль", Some(vec![InflectLang::Ru, InflectLang::Az])),
                ("X", Some(vec![])),
            ]
        );
        let bad = parse_tsv("a\tA\t{xx}B\n", Some("LOC"), Path::new("p.tsv")).unwrap_err();
        assert!(
            bad.to_string()
                .starts_with("p.tsv:1: unknown inflection language"),
            "{bad}"
        );
    }

    #[test]
    fn tsv_errors_name_file_and_line() {
        let cases = [
            ("missing field", "ok\tOk\n\nbroken\n", "p.tsv:3:"),
            ("empty alias", "a\tA\tx||y\n", "p.tsv:1: empty alias"),
            ("bad id", "has space\tA\n", "p.tsv:1: bad id"),
        ];
        for (name, text, want) in cases {
            let e = parse_tsv(text, Some("LOC"), Path::new("p.tsv")).unwrap_err();
            assert!(e.to_string().starts_with(want), "case {name}: {e}");
        }
    }

    #[test]
    fn spacy_phrase_and_token_patterns() {
        let t = r#"{"label": "GPE", "pattern": "Baku", "id": "baku"}
{"label": "GPE", "pattern": [{"LOWER": "new"}, {"LOWER": "york"}]}
{"label": "ORG", "pattern": [{"ORTH": "U.S"}, {"ORTH": "."}, {"ORTH": "Army"}], "id": "usa"}
{"label": "GPE", "pattern": "Bakı", "id": "baku"}
"#;
        let e = parse_spacy(t, None, Path::new("p.jsonl")).unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].aliases.len(), 2);
        assert_eq!(e[1].aliases[0].text, "new york");
        assert!(!e[1].aliases[0].exact_case);
        assert_eq!(e[1].id, "gpe:new-york");
        assert_eq!(e[2].aliases[0].text, "U.S. Army");
        assert!(e[2].aliases[0].exact_case);
    }

    #[test]
    fn spacy_errors_name_line() {
        let e = parse_spacy(
            "{\"label\":\"X\",\"pattern\":\"a\"}\nnot json\n",
            None,
            Path::new("p.jsonl"),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("p.jsonl:2:"), "{e}");
        let e = parse_spacy(
            r#"{"label":"X","pattern":[{"POS":"NOUN"}]}"#,
            None,
            Path::new("p.jsonl"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("POS"), "{e}");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Ilham Aliyev"), "ilham-aliyev");
        assert_eq!(
            slug("Prosecutor General's Office"),
            "prosecutor-general-s-office"
        );
        assert_eq!(slug("Баку"), "баку");
    }
}
