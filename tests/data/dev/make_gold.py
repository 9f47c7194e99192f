#!/usr/bin/env python3
"""Builds the dev set (tests/data/dev/*.txt + gold.jsonl) from inline markup.

Markup files: tests/data/dev/markup/*.src, one article each.
  [[text|LABEL]]            an entity; canonical = text
  [[text|LABEL|Canonical]]  an entity with its canonical name
  "~ " at a line start      the line is boilerplate (the marker is stripped)
Every other non-blank line is content. The output follows GUIDELINES section 6: code point
offsets into the raw text, `lines` with one label per "\n"-separated line.

Run from anywhere: python3 tests/data/dev/make_gold.py
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"PER", "LOC", "ORG"}
ENTITY = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)(?:\|([^\[\]|]+))?\]\]")


def build(src: Path):
    raw_lines, line_labels, entities = [], [], []
    offset = 0
    for n, line in enumerate(src.read_text(encoding="utf-8").rstrip("\n").split("\n"), 1):
        boiler = line.startswith("~ ")
        if boiler:
            line = line[2:]
        out, pos = [], 0
        for m in ENTITY.finditer(line):
            text, label, canonical = m.group(1), m.group(2), m.group(3) or m.group(1)
            if label not in LABELS:
                sys.exit(f"{src}:{n}: unknown label {label}")
            out.append(line[pos : m.start()])
            start = offset + sum(len(s) for s in out)
            out.append(text)
            entities.append(
                {"start": start, "end": start + len(text), "text": text, "label": label,
                 "canonical": canonical, "in_boilerplate": boiler}
            )
            pos = m.end()
        out.append(line[pos:])
        plain = "".join(out)
        if "[[" in plain or "]]" in plain:
            sys.exit(f"{src}:{n}: unbalanced entity markup")
        raw_lines.append(plain)
        line_labels.append("blank" if not plain.strip() else "boilerplate" if boiler else "content")
        offset += len(plain) + 1
    raw = "\n".join(raw_lines) + "\n"
    line_labels.append("blank")  # the empty line after the final newline
    assert len(line_labels) == len(raw.split("\n"))
    for e in entities:
        assert raw[e["start"] : e["end"]] == e["text"], e
    return raw, {"doc": src.stem + ".txt", "entities": entities, "lines": line_labels}


def main():
    records = []
    for src in sorted((HERE / "markup").glob("*.src")):
        raw, rec = build(src)
        (HERE / rec["doc"]).write_text(raw, encoding="utf-8", newline="")
        records.append(rec)
    with open(HERE / "gold.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    words = sum(len((HERE / r["doc"]).read_text(encoding="utf-8").split()) for r in records)
    ents = sum(len(r["entities"]) for r in records)
    print(f"{len(records)} documents, {words} words, {ents} gold entities")


if __name__ == "__main__":
    main()
