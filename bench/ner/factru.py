#!/usr/bin/env python3
"""factRuEval-2016 as a newstag benchmark: inputs, gold in the seed gold format, scores.

Source: github.com/dialogue-evaluation/factRuEval-2016 (MIT). Nothing of it is committed; this
script rebuilds everything from a checkout:

    git clone https://github.com/dialogue-evaluation/factRuEval-2016 /work/data/factru/src
    python3 bench/ner/factru.py                    # devset: convert, run newstag, score
    python3 bench/ner/factru.py --split test       # testset (the yardstick: never tune on it)
    python3 bench/ner/factru.py --errors           # also list every missed / spurious mention

Writes DATA/<split>/docs/*.txt (the texts, byte for byte), DATA/<split>/gold.jsonl and
DATA/<split>/pred/ (newstag's output), then prints `newstag eval` (per-label P/R/F1, exact span
and label).

Mapping of the corpus's second layer (objects) to newstag's labels:

* Person -> PER, Org -> ORG, Location -> LOC, LocOrg -> LOC. LocOrg is a place named as a
  political actor ("Россия заявила", "мэр Москвы"); the guideline keeps metonymy LOC.
  Project and Facility (2 + 21 objects in the testset, facilities mostly unannotated) are left
  out.
* An object is a named mention only when it has a span naming it (Person: name, surname,
  patronymic, nickname; Org: org_name; Location/LocOrg: loc_name). Descriptions without a name
  ("китайскому правительству", "мэрии Москвы" whose only name is the city's) are left out.
* Its extent runs from the first to the last of its name spans and the name spans of the objects
  nested in it ("Конгресса США"), so a person's job ("министр") and an organization's leading
  description ("движения «Солидарность»" -> «Солидарность») stay outside, as the guideline
  keeps titles outside a name; a description between two name parts stays inside.
* Flat gold: a mention inside another one is dropped (outermost wins: "Конгресса США" is one ORG,
  not also LOC "США"); of two mentions on one span the first object listed wins.
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LABELS = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NAME_SPANS = {
    "Person": {"name", "surname", "patronymic", "nickname"},
    "Org": {"org_name"},
    "Location": {"loc_name"},
    "LocOrg": {"loc_name"},
}
ALL_NAME_SPANS = set().union(*NAME_SPANS.values())
SPLITS = {"dev": "devset", "test": "testset"}


def read_spans(path):
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if fields:
            spans[fields[0]] = (fields[1], int(fields[2]), int(fields[2]) + int(fields[3]))
    return spans


def read_objects(path):
    objects = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#")[0].split()
        if fields:
            objects.append((fields[0], fields[1], fields[2:]))
    return objects


def convert_doc(stem: Path):
    """Returns (raw text, gold entities) of one document."""
    text = stem.with_suffix(".txt").read_text(encoding="utf-8")
    spans = read_spans(stem.with_suffix(".spans"))
    mentions = []
    for _, kind, span_ids in read_objects(stem.with_suffix(".objects")):
        if kind not in LABELS:
            continue
        own = [spans[s] for s in span_ids if spans[s][0] in NAME_SPANS[kind]]
        if not own:
            continue
        # Name spans of nested objects count too ("Конгресса США"); descriptions do not.
        named = [spans[s] for s in span_ids if spans[s][0] in ALL_NAME_SPANS]
        start = min(s[1] for s in named)
        end = max(s[2] for s in named)
        if kind in ("Location", "LocOrg"):
            # A place's generic word right after its name is part of the name, as the guideline
            # has "Sverdlovsk Region": "Тверской площади", "Ленинградской области".
            for d in sorted(spans[s] for s in span_ids if spans[s][0] == "loc_descr"):
                if d[1] >= end and not text[end:d[1]].strip():
                    end = d[2]
        mentions.append((start, end, LABELS[kind]))
    flat, seen = [], set()
    for m in mentions:
        if (m[0], m[1]) in seen:
            continue
        if any(o[0] <= m[0] and m[1] <= o[1] and (o[0], o[1]) != (m[0], m[1]) for o in mentions):
            continue
        seen.add((m[0], m[1]))
        flat.append(m)
    flat.sort()
    entities = [
        {"start": s, "end": e, "text": text[s:e], "label": label, "canonical": text[s:e],
         "in_boilerplate": False}
        for s, e, label in flat
    ]
    return text, entities


def convert(src: Path, split: str, out: Path):
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    records = []
    stems = sorted({p.with_suffix("") for p in (src / SPLITS[split]).glob("*.objects")})
    for stem in stems:
        text, entities = convert_doc(stem)
        name = stem.name + ".txt"
        (docs / name).write_bytes(text.encode("utf-8"))
        lines = ["content" if line.strip() else "blank" for line in text.split("\n")]
        records.append({"doc": name, "entities": entities, "lines": lines})
    with open(out / "gold.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in records:
        for e in r["entities"]:
            counts[e["label"]] = counts.get(e["label"], 0) + 1
    print(f"{split}: {len(records)} documents, gold {dict(sorted(counts.items()))}",
          file=sys.stderr)
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=Path("/work/data/factru/src"),
                    help="factRuEval-2016 checkout (devset/, testset/)")
    ap.add_argument("--data", type=Path, default=Path("/work/data/factru"),
                    help="where the inputs, gold and predictions go")
    ap.add_argument("--split", choices=sorted(SPLITS), default="dev")
    ap.add_argument("--config", type=Path, default=REPO / "newstag.toml")
    ap.add_argument("--bin", type=Path, default=REPO / "target/release/newstag")
    ap.add_argument("--convert-only", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list the misses and false positives")
    args = ap.parse_args()

    out = args.data / args.split
    docs = convert(args.src, args.split, out)
    if args.convert_only:
        return
    pred = out / "pred"
    run = [str(args.bin), "run", str(docs), "--config", str(args.config), "--out", str(pred),
           "--quiet"]
    subprocess.run(run, check=True, env=dict(os.environ))
    ev = [str(args.bin), "eval", "--gold", str(out / "gold.jsonl"), "--pred",
          str(pred / "annotations.jsonl"), "--corpus", str(docs)]
    if args.errors:
        ev.append("--errors")
    subprocess.run(ev, check=True)


if __name__ == "__main__":
    main()
