//! The record schema, pinned: every record of the committed `out/`, of a generated run with the
//! built-in config and of `stream` validates against `schema/annotation.schema.json` or
//! `schema/error.schema.json`, and those schemas require every key (so each record has the same
//! keys, which pandas, DuckDB and Hugging Face datasets need; `tests/loaders.rs` loads them).
//!
//! The validator here is a small subset of JSON Schema (type, required, properties,
//! additionalProperties, items, $ref into $defs, enum, minimum, maximum, minLength, pattern):
//! what the two schema files use. It fails on any keyword it does not know, so the schema cannot
//! grow past what is checked; `tests/loaders.rs` also validates with Python's `jsonschema`.

mod support;

use std::process::{Command, Stdio};

use serde_json::Value;
use support::*;

fn schema(name: &str) -> Value {
    let path = root().join("schema").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Errors of `value` against `schema` (the root schema `root` resolves `$ref`s), with JSON paths.
fn validate(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let obj = schema.as_object().expect("a schema is an object");
    for (key, rule) in obj {
        match key.as_str() {
            "$schema" | "title" | "description" | "$defs" => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .expect("only #/$defs/ references");
                validate(root, &root["$defs"][name], value, at, errors);
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("bad type {rule}"),
                };
                let ok = types.iter().any(|t| match *t {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "integer" => value.is_u64() || value.is_i64(),
                    "number" => value.is_number(),
                    "boolean" => value.is_boolean(),
                    "null" => value.is_null(),
                    other => panic!("unknown type {other}"),
                });
                if !ok {
                    errors.push(format!("{at}: {value} is not {types:?}"));
                }
            }
            "required" => {
                for k in rule.as_array().unwrap() {
                    let k = k.as_str().unwrap();
                    if value.as_object().is_some_and(|o| !o.contains_key(k)) {
                        errors.push(format!("{at}: missing key {k:?}"));
                    }
                }
            }
            "properties" => {
                if let Some(o) = value.as_object() {
                    for (k, sub) in rule.as_object().unwrap() {
                        if let Some(v) = o.get(k) {
                            validate(root, sub, v, &format!("{at}.{k}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(
                    rule,
                    &Value::Bool(false),
                    "only additionalProperties: false"
                );
                let known = obj["properties"].as_object().unwrap();
                if let Some(o) = value.as_object() {
                    for k in o.keys().filter(|k| !known.contains_key(*k)) {
                        errors.push(format!("{at}: unknown key {k:?}"));
                    }
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, v) in items.iter().enumerate() {
                        validate(root, rule, v, &format!("{at}[{i}]"), errors);
                    }
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    errors.push(format!("{at}: {value} is not one of {rule}"));
                }
            }
            "minimum" | "maximum" => {
                if let Some(x) = value.as_f64() {
                    let bound = rule.as_f64().unwrap();
                    if (key == "minimum" && x < bound) || (key == "maximum" && x > bound) {
                        errors.push(format!("{at}: {x} breaks {key} {bound}"));
                    }
                }
            }
            "minLength" => {
                if let Some(s) = value.as_str() {
                    if (s.chars().count() as u64) < rule.as_u64().unwrap() {
                        errors.push(format!("{at}: shorter than {rule}"));
                    }
                }
            }
            "pattern" => {
                if let Some(s) = value.as_str() {
                    let re = regex::Regex::new(rule.as_str().unwrap()).unwrap();
                    if !re.is_match(s) {
                        errors.push(format!("{at}: {s:?} does not match {rule}"));
                    }
                }
            }
            other => panic!("the test validator does not know the keyword {other:?}"),
        }
    }
}

/// Validates every line of a JSONL file (or text) against `schema`; panics with the first errors.
fn check_lines(what: &str, text: &str, schema: &Value) -> usize {
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let value: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{what}:{}: not JSON: {e}", i + 1));
        let mut errors = Vec::new();
        validate(schema, schema, &value, "$", &mut errors);
        assert!(
            errors.is_empty(),
            "{what}:{}: {}",
            i + 1,
            errors[..errors.len().min(5)].join("; ")
        );
        n += 1;
    }
    n
}

#[test]
fn committed_output_validates() {
    let out = root().join("out");
    let ann = std::fs::read_to_string(out.join("annotations.jsonl")).unwrap();
    let err = std::fs::read_to_string(out.join("errors.jsonl")).unwrap();
    let n = check_lines(
        "out/annotations.jsonl",
        &ann,
        &schema("annotation.schema.json"),
    );
    assert!(n > 0);
    check_lines("out/errors.jsonl", &err, &schema("error.schema.json"));
}

/// A run with the built-in config over a corpus that varies in every optional way, and `stream`
/// over good and bad lines: every record validates, and the variety is really there.
#[test]
fn generated_run_and_stream_validate() {
    let dir = tempfile::tempdir().unwrap();
    let docs = write_varied_corpus(&dir.path().join("articles"), 40);
    let o = Command::new(bin())
        .args(["run", "--quiet", "articles", "--out", "out"])
        .current_dir(dir.path())
        .env("NEWSTAG_CACHE_DIR", dir.path().join("cache"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let ann = std::fs::read_to_string(dir.path().join("out/annotations.jsonl")).unwrap();
    let err = std::fs::read_to_string(dir.path().join("out/errors.jsonl")).unwrap();
    let a = check_lines("annotations", &ann, &schema("annotation.schema.json"));
    let e = check_lines("errors", &err, &schema("error.schema.json"));
    assert_eq!(a + e, docs);
    let records = parse(&ann.lines().map(String::from).collect::<Vec<_>>());
    let any = |f: &dyn Fn(&Value) -> bool| records.iter().any(f);
    assert!(any(&|r| r["warnings"].as_array().unwrap().is_empty()));
    assert!(any(&|r| !r["warnings"].as_array().unwrap().is_empty()));
    assert!(any(&|r| r["meta"]["title"].is_null()));
    // Each field the headline, byline and dateline layers fill is found in some record (`site`
    // comes from other evidence and is checked in the boilerplate tests).
    for key in ["title", "byline", "author", "published", "dateline"] {
        assert!(
            any(&|r| r["meta"][key].is_string()),
            "no record has meta.{key}"
        );
    }
    assert!(any(&|r| r["entities"].as_array().unwrap().is_empty()));
    assert!(any(&|r| r["entities"][0]["kb_id"].is_string()));
    assert!(err.contains("\"binary\"") && err.contains("\"empty\""));

    let mut child = Command::new(bin())
        .arg("stream")
        .current_dir(dir.path())
        .env("NEWSTAG_CACHE_DIR", dir.path().join("cache"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input =
        "{\"id\": \"a\", \"text\": \"Ilham Aliyev arrived in Baku.\"}\nnot json\n{\"id\": 7}\n";
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    check_lines("stream", lines[0], &schema("annotation.schema.json"));
    check_lines(
        "stream",
        &lines[1..].join("\n"),
        &schema("error.schema.json"),
    );
}

/// Changes a valid record into a broken one.
type Breaker = fn(&mut Value);

/// The validator can fail: a schema-1 record (entity `id`, `warnings` and `meta` keys left out)
/// and other broken records are rejected with the reason.
#[test]
fn broken_records_are_rejected() {
    let s = schema("annotation.schema.json");
    let good = serde_json::json!({
        "id": "a.txt", "source": "in/a.txt", "sha256": "0".repeat(64), "encoding": "UTF-8",
        "lang": {"code": "eng", "confidence": 0.5, "reliable": true},
        "meta": {"title": null, "byline": null, "author": null, "published": "2025-07-02", "dateline": null, "site": null},
        "text": "Baku", "entities": [{"start": 0, "end": 4, "text": "Baku", "label": "LOC",
            "kb_id": "geonames:587084", "name": "Baku", "lexicon": "places", "resolved_by": "unique", "raw_start": 0, "raw_end": 4}],
        "removed": [], "warnings": []
    });
    let mut errors = Vec::new();
    validate(&s, &s, &good, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    let cases: Vec<(&str, Breaker, &str)> = vec![
        (
            "schema 1 entity id",
            |r| {
                let e = r["entities"][0].as_object_mut().unwrap();
                let id = e.remove("kb_id").unwrap();
                e.insert("id".into(), id);
            },
            "missing key \"kb_id\"",
        ),
        (
            "no warnings",
            |r| {
                r.as_object_mut().unwrap().remove("warnings");
            },
            "missing key \"warnings\"",
        ),
        (
            "meta key left out",
            |r| {
                r["meta"].as_object_mut().unwrap().remove("author");
            },
            "missing key \"author\"",
        ),
        (
            "unknown meta key",
            |r| {
                r["meta"]["section"] = "World".into();
            },
            "unknown key \"section\"",
        ),
        (
            "bad date",
            |r| r["meta"]["published"] = "July 2".into(),
            "does not match",
        ),
        (
            "negative offset",
            |r| r["entities"][0]["start"] = (-1).into(),
            "breaks minimum",
        ),
        (
            "two-letter language",
            |r| r["lang"]["code"] = "en".into(),
            "does not match",
        ),
    ];
    for (name, break_it, want) in cases {
        let mut r = good.clone();
        break_it(&mut r);
        let mut errors = Vec::new();
        validate(&s, &s, &r, "$", &mut errors);
        assert!(
            errors.iter().any(|e| e.contains(want)),
            "case {name}: want {want:?}, got {errors:?}"
        );
    }
}

/// Every key the code writes is in the schema, and every key the schema requires is written: a
/// new `Meta` field or error kind must come with its schema entry.
#[test]
fn schema_keys_match_the_code() {
    let s = schema("annotation.schema.json");
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let required = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect();
        k.sort();
        k
    };
    let meta = serde_json::to_value(newstag::document::Meta::default()).unwrap();
    assert_eq!(keys(&meta), required(&s["properties"]["meta"]["required"]));
    assert_eq!(
        keys(&s["properties"]["meta"]["properties"]),
        required(&s["properties"]["meta"]["required"])
    );
    for def in ["entity", "removal"] {
        assert_eq!(
            keys(&s["$defs"][def]["properties"]),
            required(&s["$defs"][def]["required"]),
            "{def}: every key required"
        );
    }
    assert_eq!(keys(&s["properties"]), required(&s["required"]));
    let e = schema("error.schema.json");
    let kinds: Vec<&str> = e["properties"]["error"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    for k in &kinds {
        let kind: newstag::document::ErrorKind =
            serde_json::from_value(Value::String(k.to_string()))
                .unwrap_or_else(|_| panic!("{k}: no such ErrorKind"));
        assert_eq!(
            serde_json::to_value(kind).unwrap(),
            Value::String(k.to_string())
        );
    }
}
