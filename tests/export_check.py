#!/usr/bin/env python3
"""Checks a newstag spaCy export with plain Python string slicing (standard library only).

usage: export_check.py SPACY_JSONL ANNOTATIONS_JSONL

Every span of the export must slice its text (Python str indices, i.e. code points) to the
entity text of the matching annotation record, with the same label and canonical id, and the
export must hold the same documents in the same order. Exits 1 with one line per problem.
"""
import json
import sys


def main(spacy_path, annotations_path):
    with open(spacy_path, encoding="utf-8") as f:
        exported = [json.loads(line) for line in f if line.strip()]
    with open(annotations_path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    problems = []
    if len(exported) != len(records):
        problems.append(f"{len(exported)} exported documents, {len(records)} records")
    spans = 0
    for ex, rec in zip(exported, records):
        doc = rec["id"]
        if ex["meta"]["id"] != doc:
            problems.append(f"{doc}: export has id {ex['meta']['id']!r}")
        if ex["text"] != rec["text"]:
            problems.append(f"{doc}: text differs")
        if len(ex["spans"]) != len(rec["entities"]):
            problems.append(f"{doc}: {len(ex['spans'])} spans, {len(rec['entities'])} entities")
        for span, ent in zip(ex["spans"], rec["entities"]):
            spans += 1
            got = ex["text"][span["start"]:span["end"]]
            if got != ent["text"]:
                problems.append(f"{doc}: span {span['start']}:{span['end']} slices {got!r}, entity is {ent['text']!r}")
            kb_id = ent.get("kb_id", ent.get("id"))  # `id` in outputs before the rename
            if (span["label"], span["kb_id"]) != (ent["label"], kb_id):
                problems.append(f"{doc}: span {span['start']}:{span['end']} is {span['label']}/{span['kb_id']}, entity {ent['label']}/{kb_id}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"ok: {len(exported)} documents, {spans} spans")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
