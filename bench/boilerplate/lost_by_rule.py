#!/usr/bin/env python3
"""Which rule removed the gold article lines of a line-labelled set: the article loss that
score.py reports, broken down by the `rule` of the `removed` range that covers each lost line.

    lost_by_rule.py --gold GOLD.jsonl --pred OUT/annotations.jsonl --corpus DOCS \
        [--sources SOURCES.tsv --fold A|B] [--show RULE] [--pages N]

A gold `content` line is lost when at least half of its non-whitespace bytes lie in `removed`
ranges (as score.py and `newstag eval` count); it is charged to the rule covering most of those
bytes. `--fold` keeps the pages of one fold (split by site as score.py splits them: tune on one
fold, report the other); `--show RULE` lists that rule's lost lines (document, 0-based line, text).
`--pages N` adds how the loss is spread over pages: the N pages losing most (lines lost of the
page's article lines, the running share of all lost lines, the rules), and how many pages lose
any, over a fifth, over half of their article (a few pages losing most of their article are a
wrong body span; many pages losing a line or two are a rule's edge cases).
"""

import argparse
import hashlib
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import line_spans  # noqa: E402


def fold_of(site):
    return "A" if hashlib.sha1(site.encode()).digest()[0] % 2 == 0 else "B"


def lost_lines(raw, removed, labels):
    """(line index, rule, line bytes) of every gold content line the run removed."""
    owner = [None] * len(raw)
    for r in removed:
        for k in range(r["raw_start"], min(r["raw_end"], len(raw))):
            owner[k] = r["rule"]
    for i, (s, e, line) in enumerate(line_spans(raw)):
        if i >= len(labels) or labels[i] != "content":
            continue
        ink = [k for k in range(s, e) if not chr(raw[k]).isspace()]
        hits = Counter(owner[k] for k in ink if owner[k])
        if ink and 2 * sum(hits.values()) >= len(ink):
            yield i, hits.most_common(1)[0][0], line


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--sources")
    ap.add_argument("--fold", choices=["A", "B"])
    ap.add_argument("--show", metavar="RULE")
    ap.add_argument("--pages", type=int, metavar="N")
    a = ap.parse_args()
    keep = None
    if a.fold:
        if not a.sources:
            ap.error("--fold needs --sources")
        with open(a.sources, encoding="utf-8") as f:
            head = f.readline().rstrip("\n").split("\t")
            rows = [dict(zip(head, line.rstrip("\n").split("\t"))) for line in f]
        keep = {r["doc"] for r in rows if fold_of(r["site"]) == a.fold}
    with open(a.pred, encoding="utf-8") as f:
        preds = {os.path.basename(r["source"]): r for r in map(json.loads, f)}
    by_rule, content = Counter(), 0
    pages = []  # (lost, article lines, rules, doc)
    with open(a.gold, encoding="utf-8") as f:
        for g in map(json.loads, f):
            doc = g["doc"]
            if keep is not None and doc not in keep:
                continue
            with open(os.path.join(a.corpus, doc), "rb") as d:
                raw = d.read()
            article = g["lines"].count("content")
            content += article
            rec = preds.get(doc)
            if rec is None:
                continue
            rules = Counter()
            for i, rule, line in lost_lines(raw, rec["removed"], g["lines"]):
                by_rule[rule] += 1
                rules[rule] += 1
                if rule == a.show:
                    print(doc, i, line[:120].decode("utf-8", "replace").strip())
            pages.append((sum(rules.values()), article, rules, doc))
    total = sum(by_rule.values())
    share = 100 * total / content if content else 0.0
    print(f"article lines {content}, removed {total} ({share:.2f} %)")
    for rule, n in by_rule.most_common():
        print(f"  {rule:28s} {n}")
    if a.pages is not None:
        print_pages(pages, total, a.pages)


def print_pages(pages, total, n):
    """The pages losing most, and how many lose any / a fifth / half of their article."""
    pages.sort(key=lambda p: (-p[0], p[3]))
    running = 0
    print("pages losing most (lost / article lines, running share of the loss):")
    for lost, article, rules, doc in pages[:n]:
        if not lost:
            break
        running += lost
        top = ", ".join(f"{r} {k}" for r, k in rules.most_common(3))
        print(f"  {doc:28s} {lost:4d} / {article:4d} ({100 * lost / max(article, 1):5.1f} %)"
              f"  {100 * running / max(total, 1):5.1f} %  {top}")
    def count(share):
        return sum(1 for lost, article, _, _ in pages if article and lost > share * article)
    print(f"pages {len(pages)}: losing any {count(0)}, over a fifth {count(0.2)}, over half {count(0.5)}")


if __name__ == "__main__":
    main()
