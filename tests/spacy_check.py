#!/usr/bin/env python3
"""Reads newstag exports back with the tools users load them into (run by tests/spacy.rs).

usage: spacy_check.py docbin CORPUS.spacy SUMMARY.json ANNOTATIONS.jsonl
       spacy_check.py conll CORPUS.conll ANNOTATIONS.jsonl
       spacy_check.py spacy-convert CORPUS.conll ANNOTATIONS.jsonl WORKDIR
       spacy_check.py mentions MENTIONS.csv ANNOTATIONS.jsonl

Prints `ok: ...` and exits 0, or prints one line per problem and exits 1.
"""
import json
import sys


def records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def kb_id(e):
    # `kb_id` since the rename, `id` in older outputs.
    return e["kb_id"] if "kb_id" in e else e["id"]


def check_docbin(corpus, summary_path, annotations):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("xx")
    docs = list(DocBin().from_disk(corpus).get_docs(nlp.vocab))
    recs = records(annotations)
    with open(summary_path, encoding="utf-8") as f:
        summary = json.load(f)
    problems = []
    if len(docs) != len(recs):
        problems.append(f"{len(docs)} docs, {len(recs)} records")
    dropped = {(d["id"], d["start"], d["end"]) for d in summary["dropped_spans"]}
    if len(dropped) != summary["dropped"]:
        problems.append(f"summary lists {len(dropped)} dropped spans, counts {summary['dropped']}")
    kept = 0
    for doc, rec in zip(docs, recs):
        if doc.text != rec["text"]:
            problems.append(f"{rec['id']}: doc text differs from the record text")
        if doc.user_data.get("id") != rec["id"]:
            problems.append(f"{rec['id']}: user_data id is {doc.user_data.get('id')!r}")
        want = [
            (e["start"], e["end"], e["label"], kb_id(e), e["text"])
            for e in rec["entities"]
            if (rec["id"], e["start"], e["end"]) not in dropped
        ]
        got = [(s.start_char, s.end_char, s.label_, s.kb_id_, s.text) for s in doc.ents]
        if got != want:
            problems.append(f"{rec['id']}: entities {got} != {want}")
        kept += len(got)
    if kept != summary["kept"]:
        problems.append(f"{kept} entities in the DocBin, summary says {summary['kept']}")
    if summary["kept"] + summary["dropped"] != sum(len(r["entities"]) for r in recs):
        problems.append("kept + dropped is not the number of entities")
    return problems, f"{len(docs)} docs, {kept} entities, {summary['dropped']} dropped"


def read_conll2003(path):
    """The reading rules of the CoNLL-2003 loaders (Hugging Face `conll2003`, AllenNLP):
    a line starting with -DOCSTART- or a blank line ends a sentence; every other line is
    `token POS chunk NER` split on single spaces. Returns documents as lists of sentences."""
    docs, sent = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    docs[-1].append(sent)
                    sent = []
                docs.append([])
                continue
            if not line:
                if sent:
                    docs[-1].append(sent)
                    sent = []
                continue
            cols = line.split(" ")
            if len(cols) != 4:
                raise ValueError(f"{path}: {line!r} has {len(cols)} columns, not 4")
            sent.append(cols)
    if sent:
        docs[-1].append(sent)
    return docs


def iob2_entities(tags):
    """seqeval's rules for IOB2: (label, first, last) token spans; an I- without a preceding
    B-/I- of the same label is an error here (newstag must never write one)."""
    out, cur = [], None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-"):
            if cur:
                out.append(tuple(cur))
                cur = None
            if t.startswith("B-"):
                cur = [t[2:], i, i]
        elif t.startswith("I-"):
            if not cur or cur[0] != t[2:]:
                raise ValueError(f"I- tag {t} without its B-")
            cur[2] = i
        else:
            raise ValueError(f"bad tag {t!r}")
    return out


def squash(s):
    return "".join(s.split())


def check_conll(path, annotations):
    recs = records(annotations)
    docs = read_conll2003(path)
    problems = []
    if len(docs) != len(recs):
        problems.append(f"{len(docs)} documents, {len(recs)} records")
    n = 0
    for doc, rec in zip(docs, recs):
        got = []
        for sent in doc:
            tokens = [c[0] for c in sent]
            for label, a, b in iob2_entities([c[3] for c in sent]):
                got.append((label, "".join(tokens[a:b + 1])))
        want = [(e["label"], squash(e["text"])) for e in rec["entities"]]
        if got != want:
            problems.append(f"{rec['id']}: {got} != {want}")
        n += len(got)
    return problems, f"{len(docs)} documents, {n} entities"


def check_spacy_convert(path, annotations, workdir):
    """spaCy's own CoNLL-2003 converter: it separates documents at `-DOCSTART- -X- O O`, so the
    README tells users to rewrite the -DOCSTART- lines first; this does the same."""
    import os
    import subprocess
    import spacy
    from spacy.tokens import DocBin

    src = os.path.join(workdir, "for_spacy.conll")
    with open(path, encoding="utf-8") as f, open(src, "w", encoding="utf-8") as g:
        for line in f:
            g.write("-DOCSTART- -X- O O\n" if line.startswith("-DOCSTART-") else line)
    subprocess.run(
        [sys.executable, "-m", "spacy", "convert", src, workdir, "--converter", "ner", "-n", "0"],
        check=True, capture_output=True,
    )
    docs = list(DocBin().from_disk(os.path.join(workdir, "for_spacy.spacy"))
                .get_docs(spacy.blank("xx").vocab))
    recs = records(annotations)
    problems = []
    # Documents without a token (no text) have no sentence and vanish in the converter.
    recs = [r for r in recs if r["text"].strip()]
    if len(docs) != len(recs):
        problems.append(f"{len(docs)} docs, {len(recs)} records with text")
    n = 0
    for doc, rec in zip(docs, recs):
        got = [(s.label_, squash(s.text)) for s in doc.ents]
        want = [(e["label"], squash(e["text"])) for e in rec["entities"]]
        if got != want:
            problems.append(f"{rec['id']}: {got} != {want}")
        n += len(got)
    return problems, f"{len(docs)} docs, {n} entities"


def check_mentions(path, annotations):
    import duckdb

    rel = duckdb.sql(f"SELECT * FROM read_csv('{path}')")
    types = dict(zip(rel.columns, [str(t) for t in rel.types]))
    rows = rel.fetchall()
    want = [
        (rec["id"], e["start"], e["end"], e["text"], e["label"], kb_id(e))
        for rec in records(annotations)
        for e in rec["entities"]
    ]
    got = [(r[0], r[2], r[3], r[4], r[5], r[6]) for r in rows]
    problems = []
    for col in ["sentence", "start", "end", "raw_start", "raw_end"]:
        if types.get(col) not in ("BIGINT", "INTEGER"):
            problems.append(f"column {col} read as {types.get(col)}")
    if got != want:
        problems.append(f"rows differ: {len(got)} rows, {len(want)} entities; first difference "
                        f"{next(((g, w) for g, w in zip(got, want) if g != w), None)}")
    return problems, f"{len(rows)} rows, columns {list(types)}"


def main(argv):
    kind, args = argv[0], argv[1:]
    problems, what = {
        "docbin": check_docbin,
        "conll": check_conll,
        "spacy-convert": check_spacy_convert,
        "mentions": check_mentions,
    }[kind](*args)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"ok: {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
