#!/usr/bin/env python3
"""Line-level boilerplate scores of a newstag run against line-labelled gold, with the figures
issue 15 asks for.

    bench/boilerplate/score.py --gold GOLD.jsonl --pred OUT/annotations.jsonl --corpus DOCS \
        [--sources SOURCES.tsv] [--docs-out]

Prints, overall, per cross-validation fold and per language:
* boilerplate-line precision, recall, F1 (a line is predicted boilerplate when at least half of
  its non-whitespace bytes lie in `removed` ranges, as `newstag eval` counts);
* the share of gold `content` lines removed;
* title accuracy: `meta.title` equals the headline, taken from the gold as the first `content`
  line of the document (the guideline labels the headline `content` and its later copies
  boilerplate, so the first content line is the headline), compared with spaces collapsed.

Folds: with `--sources` (a TSV with `doc`, `site`, `language` columns), pages are split by site,
fold = first byte of sha1(site) even ("A") or odd ("B"), so no site is in both halves. Tune on
one fold and report the other.
"""
import argparse
import hashlib
import json
import os
from collections import defaultdict


def line_spans(raw):
    out, pos = [], 0
    for line in raw.split(b"\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def predicted(raw, removed):
    mask = bytearray(len(raw))
    for r in removed:
        for k in range(r["raw_start"], min(r["raw_end"], len(raw))):
            mask[k] = 1
    res = []
    for s, e, line in line_spans(raw):
        nonws = [k for k in range(s, e) if not chr(raw[k]).isspace()] if e > s else []
        res.append(bool(nonws) and sum(mask[k] for k in nonws) * 2 >= len(nonws))
    return res


def norm(s):
    return " ".join((s or "").split())


class Acc:
    def __init__(self):
        self.tp = self.fp = self.fn = self.content = self.content_removed = 0
        self.titles = self.titles_ok = self.docs = 0

    def add(self, other):
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def row(self, name):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lost = self.content_removed / self.content if self.content else 0.0
        t = self.titles_ok / self.titles if self.titles else 0.0
        return (f"{name:14s} {self.docs:4d} {self.tp:6d} {self.fp:5d} {self.fn:5d}  {p:.3f}  {r:.3f}"
                f"  {f:.3f}   {100 * lost:5.2f}%   {self.titles_ok:3d}/{self.titles:<3d} {t:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--sources")
    ap.add_argument("--docs-out", action="store_true", help="one line per document too")
    a = ap.parse_args()
    gold = {}
    for l in open(a.gold, encoding="utf-8"):
        g = json.loads(l)
        gold[g["doc"]] = g["lines"]
    pred = {}
    for l in open(a.pred, encoding="utf-8"):
        r = json.loads(l)
        pred[r["id"]] = r
    info = {}
    if a.sources:
        with open(a.sources, encoding="utf-8") as f:
            head = f.readline().rstrip("\n").split("\t")
            for l in f:
                row = dict(zip(head, l.rstrip("\n").split("\t")))
                info[row["doc"]] = row
    groups = defaultdict(Acc)
    total = Acc()
    for doc, labels in sorted(gold.items()):
        raw = open(os.path.join(a.corpus, doc), "rb").read()
        rec = pred.get(doc)
        removed = rec["removed"] if rec else []
        pr = predicted(raw, removed)
        acc = Acc()
        acc.docs = 1
        for g, p in zip(labels, pr):
            if g == "blank":
                continue
            if g == "boilerplate":
                acc.tp += p
                acc.fn += not p
            else:
                acc.fp += p
                acc.content += 1
                acc.content_removed += p
        lines = line_spans(raw)
        head = next((lines[i][2].decode("utf-8", "replace") for i, g in enumerate(labels)
                     if g == "content"), None)
        if head is not None:
            acc.titles = 1
            got = (rec or {}).get("meta", {}).get("title")
            acc.titles_ok = int(norm(got) == norm(head))
        total.add(acc)
        row = info.get(doc, {})
        lang = row.get("language") or ((rec or {}).get("lang", {}).get("code", "und"))
        groups["lang " + lang].add(acc)
        if row.get("site"):
            fold = "A" if hashlib.sha1(row["site"].encode()).digest()[0] % 2 == 0 else "B"
            groups["fold " + fold].add(acc)
        if a.docs_out:
            got = (rec or {}).get("meta", {}).get("title")
            print(acc.row(doc), "|", (got or "-")[:40], "|", (head or "-")[:40])
    print(f"{'set':14s} docs     tp    fp    fn  prec   rec    f1    content-removed  title")
    print(total.row("all"))
    for k in sorted(groups):
        print(groups[k].row(k))


if __name__ == "__main__":
    main()
