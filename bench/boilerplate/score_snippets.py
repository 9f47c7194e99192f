#!/usr/bin/env python3
"""Score a newstag run on a snippet-labelled set (build_trafi.py): how much of the hand-picked
article text is kept and how much of the hand-picked boilerplate is removed.

    score_snippets.py --set DIR --pred OUT/annotations.jsonl [--by-lang]

A line counts as removed when at least half of its non-whitespace bytes lie in `removed` ranges
(as `newstag eval` and score.py count). The kept text is the kept lines joined with spaces,
whitespace-normalized like the snippets. A `with` snippet is lost when it no longer occurs in the
kept text; a `without` snippet is removed when it no longer occurs there. Prints the share of
`with` snippets lost (article loss), the share of `without` snippets removed (boilerplate
recall), and the share of pages that lose at least one `with` snippet; per detected language with
--by-lang, per fold (pages split by site as score.py splits them) with --folds. A page without a record counts as keeping everything.
"""
import argparse
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import line_spans, predicted  # noqa: E402


def flat(s):
    """NFKC, whitespace runs to one space: how snippets and kept text are compared."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--by-lang", action="store_true")
    ap.add_argument("--folds", action="store_true",
                    help="also fold A / B: pages split by site as score.py splits them")
    a = ap.parse_args()
    site = {}
    with open(os.path.join(a.set, "sources.tsv"), encoding="utf-8") as f:
        next(f)
        for row in f:
            doc, host = row.split("\t")[:2]
            site[doc] = host
    pred = {}
    for l in open(a.pred, encoding="utf-8"):
        r = json.loads(l)
        pred[r["id"]] = r
    acc = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # with, lost, without, removed, pages, bad pages
    for l in open(os.path.join(a.set, "snippets.jsonl"), encoding="utf-8"):
        s = json.loads(l)
        raw = open(os.path.join(a.set, "docs", s["doc"]), "rb").read()
        rec = pred.get(s["doc"]) or {}
        gone = predicted(raw, rec.get("removed", []))
        kept = flat(" ".join(line.decode("utf-8", "replace")
                             for (_, _, line), g in zip(line_spans(raw), gone) if not g))
        lost = sum(1 for x in s["with"] if x not in kept)
        removed = sum(1 for x in s["without"] if x not in kept)
        keys = ["all"]
        if a.folds:
            keys.append("fold " + ("A" if hashlib.sha1(site[s["doc"]].encode()).digest()[0] % 2 == 0
                                   else "B"))
        if a.by_lang:
            keys.append(f"lang {(rec.get('lang') or {}).get('code', '-')}")
        for key in keys:
            t = acc[key]
            t[0] += len(s["with"]); t[1] += lost; t[2] += len(s["without"]); t[3] += removed
            t[4] += 1; t[5] += lost > 0
    print(f"{'set':10s} {'pages':>5s} {'with':>5s} {'lost':>5s} {'loss':>7s} {'pages-losing':>12s}"
          f" {'without':>7s} {'removed':>7s} {'recall':>6s}")
    for key, (w, lost, wo, rm, pages, bad) in sorted(acc.items(), key=lambda kv: -kv[1][4]):
        if pages < 5 and key != "all":
            continue
        print(f"{key:10s} {pages:5d} {w:5d} {lost:5d} {100 * lost / max(w, 1):6.2f}% "
              f"{100 * bad / max(pages, 1):11.1f}% {wo:7d} {rm:7d} {rm / max(wo, 1):6.3f}")


if __name__ == "__main__":
    main()
