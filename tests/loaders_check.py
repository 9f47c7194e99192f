"""Loads a newstag output folder with the tools users load it with, and checks that each sees one
schema and every record. Run by tests/loaders.rs inside a virtualenv holding the pinned versions.

    python loaders_check.py OUT_DIR SCHEMA_DIR ANNOTATED FAILED

Checks, for annotations.jsonl (and errors.jsonl where it has records):
  * jsonschema: every record validates against schema/*.schema.json (Draft 2020-12);
  * pandas: read_json(lines=True) has every record and exactly the schema's columns;
    json_normalize gives the same flattened columns for every record, and the per-mention table
    (record_path="entities", meta=["id"]) builds without a name clash (entity kb_id vs record id);
  * DuckDB: read_json_auto has every record, the schema's columns (warnings included) with
    the expected types, and unnest(entities) gives every mention;
  * Hugging Face datasets: load_dataset("json") has every record and the schema's features.
"""

import json
import os
import sys
from importlib.metadata import version

import datasets
import duckdb
import jsonschema
import pandas as pd


def fail(msg):
    print(f"loaders_check: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def flat_columns(schema, prefix=""):
    """The columns json_normalize makes: nested objects flattened with '.', arrays kept."""
    cols = set()
    for key, sub in schema["properties"].items():
        types = sub.get("type")
        if types == "object":
            cols |= flat_columns(sub, prefix + key + ".")
        else:
            cols.add(prefix + key)
    return cols


def check_file(path, schema, n):
    records = read_lines(path)
    check(len(records) == n, f"{path}: {len(records)} records, want {n}")
    validator = jsonschema.Draft202012Validator(schema)
    for i, r in enumerate(records, 1):
        errors = sorted(validator.iter_errors(r), key=lambda e: list(e.path))
        check(not errors, f"{path}:{i}: {[e.message for e in errors[:3]]}")
    top = set(schema["required"])

    # pandas
    df = pd.read_json(path, lines=True, dtype=False)
    check(len(df) == n, f"pandas: {len(df)} rows, want {n}")
    check(set(df.columns) == top, f"pandas columns {sorted(df.columns)} != {sorted(top)}")
    flat = pd.json_normalize(records)
    want = flat_columns(schema)
    check(set(flat.columns) == want, f"json_normalize columns {sorted(flat.columns)} != {sorted(want)}")
    for r in records:
        one = pd.json_normalize([r])
        check(set(one.columns) == want, f"record {r['id']}: columns {sorted(one.columns)}")

    # DuckDB
    con = duckdb.connect()
    rel = con.sql(f"SELECT * FROM read_json_auto('{path}')")
    check(set(rel.columns) == top, f"duckdb columns {rel.columns} != {sorted(top)}")
    rows = con.sql(f"SELECT count(*) FROM read_json_auto('{path}')").fetchone()[0]
    check(rows == n, f"duckdb: {rows} rows, want {n}")

    # Hugging Face datasets
    ds = datasets.load_dataset("json", data_files=path, split="train")
    check(ds.num_rows == n, f"datasets: {ds.num_rows} rows, want {n}")
    check(set(ds.column_names) == top, f"datasets columns {ds.column_names} != {sorted(top)}")
    return records, df, con, ds


def main():
    out, schema_dir, annotated, failed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with open(os.path.join(schema_dir, "annotation.schema.json")) as f:
        ann_schema = json.load(f)
    with open(os.path.join(schema_dir, "error.schema.json")) as f:
        err_schema = json.load(f)
    ann = os.path.join(out, "annotations.jsonl")
    err = os.path.join(out, "errors.jsonl")

    records, df, con, ds = check_file(ann, ann_schema, annotated)
    mentions = sum(len(r["entities"]) for r in records)

    # The per-mention table: entity kb_id does not clash with the record id.
    table = pd.json_normalize(records, record_path="entities", meta=["id", ["meta", "published"]])
    check(len(table) == mentions, f"pandas mentions: {len(table)}, want {mentions}")
    check({"kb_id", "id", "label", "meta.published"} <= set(table.columns), f"mention columns {sorted(table.columns)}")

    # DuckDB types: warnings a list of strings, meta keys strings, entities structs with kb_id.
    described = con.sql(f"DESCRIBE SELECT * FROM read_json_auto('{ann}')").fetchall()
    types = {row[0]: row[1] for row in described}
    want_warned = sum(1 for r in records if r["warnings"])
    # With no warning anywhere DuckDB has no element to type ([] everywhere): JSON[].
    want_type = "VARCHAR[]" if want_warned else "JSON[]"
    check(types["warnings"] == want_type, f"duckdb warnings type {types['warnings']}, want {want_type}")
    for key in ann_schema["properties"]["meta"]["required"]:
        # DuckDB recognises the ISO dates: `published` becomes a DATE; a key null in every
        # record has nothing to type: JSON.
        if not any(r["meta"][key] is not None for r in records):
            want = ("JSON",)
        elif key == "published":
            want = ("DATE", "VARCHAR")
        else:
            want = ("VARCHAR",)
        check(any(f"{key} {t}" in types["meta"] for t in want), f"duckdb meta type {types['meta']} lacks {key} {want}")
    check("kb_id VARCHAR" in types["entities"], f"duckdb entities type {types['entities']}")
    unnested = con.sql(f"SELECT count(*) FROM (SELECT unnest(entities) FROM read_json_auto('{ann}'))").fetchone()[0]
    check(unnested == mentions, f"duckdb unnest: {unnested} mentions, want {mentions}")
    warned = con.sql(f"SELECT count(*) FROM read_json_auto('{ann}') WHERE len(warnings) > 0").fetchone()[0]
    check(warned == want_warned, f"duckdb: {warned} records with warnings, want {want_warned}")

    # datasets features: nested the same way.
    feats = ds.features
    check(set(feats["meta"].keys()) == set(ann_schema["properties"]["meta"]["required"]), f"datasets meta {feats['meta']}")
    entity = feats["entities"][0] if isinstance(feats["entities"], list) else feats["entities"].feature
    check("kb_id" in entity, f"datasets entity features {entity}")
    check(sum(len(e) for e in ds["entities"]) == mentions, "datasets mentions")
    check(sum(1 for w in ds["warnings"] if w) == want_warned, "datasets warnings")

    if failed:
        check_file(err, err_schema, failed)
    else:
        check(read_lines(err) == [], f"{err}: want no error records")
    print(f"loaders_check: {annotated} annotated, {failed} errors, {mentions} mentions: "
          f"pandas {pd.__version__}, duckdb {duckdb.__version__}, datasets {datasets.__version__}, "
          f"jsonschema {version('jsonschema')}")


if __name__ == "__main__":
    main()
