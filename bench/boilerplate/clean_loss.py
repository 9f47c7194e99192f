#!/usr/bin/env python3
"""How much of a folder of article-only texts the boilerplate stage removes: its article loss on
text that has no boilerplate at all (news corpora built for NER are the body of each article).

    bench/boilerplate/clean_loss.py DOCS [--newstag BIN] [--config newstag.toml] [--top N]

Runs `newstag run DOCS` (cross-document repetition on, as in a real run) and prints the share of
non-blank lines removed (a line counts as removed when at least half of its non-whitespace bytes
lie in `removed` ranges, as `newstag eval` and score.py count), per removal rule, and the documents
that lose the most. Every removed line is a false positive: the texts carry no chrome.

Data used so far (none committed): the factRuEval-2016 texts (MIT; bench/ner/factru.py writes
them to DATA/<split>/docs) and the CoNLL-2003 documents (research use only; bench/ner/conll.py
writes them to DATA/<split>/docs, one sentence per line with sports result tables).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def removed_lines(raw, removed):
    mask = bytearray(len(raw))
    for r in removed:
        for k in range(r["raw_start"], min(r["raw_end"], len(raw))):
            mask[k] = 1
    out, pos = [], 0
    for line in raw.split(b"\n"):
        ink = [pos + i for i, b in enumerate(line) if not chr(b).isspace()]
        if ink:
            hit = sum(mask[k] for k in ink)
            out.append(2 * hit >= len(ink))
        pos += len(line) + 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("docs", type=Path)
    ap.add_argument("--newstag", type=Path, default=REPO / "target/release/newstag")
    ap.add_argument("--config", type=Path, default=REPO / "newstag.toml")
    ap.add_argument("--top", type=int, default=10)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([str(a.newstag), "run", str(a.docs), "--out", out, "--quiet",
                        "--config", str(a.config)], check=True)
        records = [json.loads(l) for l in open(os.path.join(out, "annotations.jsonl"), encoding="utf-8")]
    total = lost = 0
    by_rule, by_doc = Counter(), Counter()
    for r in records:
        if "removed" not in r:
            continue
        raw = Path(r["source"]).read_bytes()
        flags = removed_lines(raw, r["removed"])
        total += len(flags)
        lost += sum(flags)
        by_doc[r["source"]] = sum(flags)
        for x in r["removed"]:
            by_rule[x["rule"]] += 1
    print(f"documents {len(records)}  non-blank lines {total}  removed {lost} "
          f"({100 * lost / max(total, 1):.2f} %)")
    print("removals per rule:", dict(by_rule.most_common()))
    for doc, n in by_doc.most_common(a.top):
        if n:
            print(f"  {doc}: {n} lines")


if __name__ == "__main__":
    sys.exit(main())
