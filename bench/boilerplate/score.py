#!/usr/bin/env python3
"""Line-level boilerplate scores of a newstag run against line-labelled gold.

Usage: score.py GOLD.jsonl ANNOTATIONS.jsonl DOCS_DIR [SOURCES.tsv]

Prints boilerplate-line P/R/F1 (positive = boilerplate removed), the share of gold article
(`content`) lines removed, the share of pages that lose more than half of their article lines, and
(with SOURCES.tsv holding `doc` and `lang` columns) the same per language. Lines are matched to
removals by raw byte offsets, the way `newstag eval` does: a line counts as removed when a
`removed` segment covers all of its non-blank bytes.
"""

import collections
import json
import sys


def line_spans(raw):
    spans, at = [], 0
    for line in raw.split(b"\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def main():
    gold_path, pred_path, docs = sys.argv[1:4]
    langs = {}
    if len(sys.argv) > 4:
        rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[4], encoding="utf-8")]
        head = rows[0]
        for r in rows[1:]:
            d = dict(zip(head, r))
            langs[d["doc"]] = (d.get("lang") or d.get("language") or "?").split("-")[0].lower() or "?"
    preds = {}
    for line in open(pred_path, encoding="utf-8"):
        rec = json.loads(line)
        preds[rec["id"]] = [(r["raw_start"], r["raw_end"]) for r in rec.get("removed", [])]
    groups = collections.defaultdict(lambda: collections.Counter())
    for line in open(gold_path, encoding="utf-8"):
        g = json.loads(line)
        raw = open(f"{docs}/{g['doc']}", "rb").read()
        removed = preds.get(g["doc"], [])
        c = collections.Counter()
        for (s, e), lab in zip(line_spans(raw), g["lines"]):
            if lab == "blank":
                continue
            text = raw[s:e]
            lo = s + (len(text) - len(text.lstrip()))
            hi = e - (len(text) - len(text.rstrip()))
            gone = any(a <= lo and hi <= b for a, b in removed)
            c[(lab, gone)] += 1
        content = c[("content", True)] + c[("content", False)]
        c["pages"] += 1
        c["eaten"] += int(content > 0 and c[("content", True)] > content / 2)
        for k in ("all", langs.get(g["doc"], "?")):
            groups[k].update(c)
    print(f"{'set':6} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'art.removed':>11} {'pages>50%':>9}")
    for k in sorted(groups, key=lambda k: (k != "all", -groups[k]["pages"], k)):
        c = groups[k]
        tp, fp = c[("boilerplate", True)], c[("content", True)]
        fn = c[("boilerplate", False)]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        art = fp / max(1, fp + c[("content", False)])
        print(f"{k:6} {c['pages']:5d} {p:6.3f} {r:6.3f} {f:6.3f} {100 * art:10.1f}% {c['eaten']:9d}")


if __name__ == "__main__":
    main()
