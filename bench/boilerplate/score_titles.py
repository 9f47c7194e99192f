#!/usr/bin/env python3
"""Score a newstag run's `meta.title` against a headline yardstick (build_titles.py).

    score_titles.py --set DIR --pred OUT/annotations.jsonl [--folds] [--by-lang] [--show A|B|all]

Each page of DIR/titles.jsonl counts once: `right` (meta.title equals the gold headline, both
normalized as build_extra.py's `norm`), `null` (no title), or `wrong`, sorted into one kind, the
first that fits:

* `site name`: one of the page's site forms (og:site_name, the other parts of its page title);
* `headline+more` / `part of headline`: the title holds the headline and more (a line the
  converter joined, a "Headline | Site" line) or a piece of it;
* `skip/menu`: a skip link ("Skip to content", "Zum Inhalt springen") or a line of three words or
  fewer (a menu item, a section label);
* `date/byline`: holds a date, a time or a byline opener ("By", "Von", "Posted");
* by where the line stands against the gold headline (the nearest of its lines): `prose below`
  (a line after the headline of 15 words or more: the standfirst or the first paragraph),
  `line below` (a shorter line after it: a subheading, a caption), `teaser above` (a line of 5
  words or more above it: another article's headline, a page title), `label above` (shorter);
* `not a line`: no line of the page equals it (the text was joined or cut).

Prints right / wrong / null, accuracy (right / pages) and precision (right / (right + wrong)),
overall, per fold (pages split by site as score.py splits them: fold A when the first byte of
sha1(site) is even) with --folds, per language (newstag's detected one) with --by-lang, then the
wrong kinds per group. `--show A` lists the wrong and null pages of fold A (tune on fold A only;
fold B is for aggregate figures).
"""
import argparse
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter, defaultdict

SKIP = re.compile(
    r"^(?:skip|jump|go|move)\s+(?:directly\s+)?to\b|zum\s+inhalt|inhalt\s+springen|"
    r"^(?:перейти|пропустить)\s+к\b|^(?:aller|passer)\s+(?:au|à)\b|^(?:saltar|ir|pasar)\s+al\b",
    re.I)
DATE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|"
    r"mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)\w*\.?\s+\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2},?\s+\d{4}\b|^(?:by|von|posted|veröffentlicht|"
    r"written|published|updated|aktualisiert)\b", re.I)


def norm(line):
    """build_extra.py's `norm` (not imported: that module needs the converters installed)."""
    s = unicodedata.normalize("NFKC", line)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^([*•·-]\s*)+", "", s)



def kind(got, gold, lines, site_forms):
    """Which kind of wrong title `got` is (see the module doc)."""
    low = got.casefold()
    if any(low == s.casefold() for s in site_forms):
        return "site name"
    if gold in got:
        return "headline+more"
    if got in gold:
        return "part of headline"
    words = len(got.split())
    if SKIP.search(got) or words <= 3:
        return "skip/menu"
    if DATE.search(got):
        return "date/byline"
    at = [i for i, line in enumerate(lines) if line == got]
    if not at:
        return "not a line"
    heads = [i for i, line in enumerate(lines) if line == gold] or [0]
    i = min(at, key=lambda i: min(abs(i - h) for h in heads))
    below = i > min(heads, key=lambda h: abs(i - h))
    if below:
        return "prose below" if words >= 15 else "line below"
    return "teaser above" if words >= 5 else "label above"


class Acc:
    def __init__(self):
        self.right = self.wrong = self.null = 0
        self.kinds = Counter()

    def row(self, name):
        n = self.right + self.wrong + self.null
        acc = self.right / n if n else 0.0
        prec = self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0
        return (f"{name:12s} {n:5d} {self.right:6d} {self.wrong:6d} {self.null:5d}   {acc:.3f}"
                f"   {prec:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", required=True, help="folder with titles.jsonl, sources.tsv, docs/")
    ap.add_argument("--pred", required=True)
    ap.add_argument("--folds", action="store_true")
    ap.add_argument("--by-lang", action="store_true")
    ap.add_argument("--show", choices=["A", "B", "all"],
                    help="list the wrong and null pages of this fold (tune on A only)")
    a = ap.parse_args()
    site = {}
    with open(os.path.join(a.set, "sources.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(head, line.rstrip("\n").split("\t")))
            site[row["doc"]] = row.get("site")
    pred = {}
    for line in open(a.pred, encoding="utf-8"):
        r = json.loads(line)
        pred[r["id"]] = r
    groups = defaultdict(Acc)
    shown = []
    for line in open(os.path.join(a.set, "titles.jsonl"), encoding="utf-8"):
        t = json.loads(line)
        rec = pred.get(t["doc"]) or {}
        got = norm((rec.get("meta") or {}).get("title") or "")
        fold = None
        if site.get(t["doc"]) is not None:
            fold = "A" if hashlib.sha1(site[t["doc"]].encode()).digest()[0] % 2 == 0 else "B"
        keys = ["all"]
        if a.folds and fold:
            keys.append("fold " + fold)
        if a.by_lang:
            keys.append("lang " + ((rec.get("lang") or {}).get("code") or "-"))
        if not got:
            outcome = "null"
        elif got == t["title"]:
            outcome = "right"
        else:
            with open(os.path.join(a.set, "docs", t["doc"]), encoding="utf-8") as f:
                lines = [norm(x) for x in f.read().split("\n")]
            outcome = kind(got, t["title"], lines, t.get("site_forms", []))
        for k in keys:
            g = groups[k]
            if outcome in ("null", "right"):
                setattr(g, outcome, getattr(g, outcome) + 1)
            else:
                g.wrong += 1
                g.kinds[outcome] += 1
        if outcome != "right" and a.show and (a.show == "all" or a.show == fold):
            shown.append(f"{t['doc']}  {outcome:16s} | {got[:60]} | {t['title'][:60]}")
    for s in shown:
        print(s)
    print(f"{'set':12s} pages  right  wrong  null   acc     prec")
    order = sorted(groups, key=lambda k: (k != "all", not k.startswith("fold"),
                                          -(groups[k].right + groups[k].wrong + groups[k].null)))
    order = [k for k in order
             if k == "all" or groups[k].right + groups[k].wrong + groups[k].null >= 5]
    for k in order:
        print(groups[k].row(k))
    print("wrong kinds:")
    for k in order:
        g = groups[k]
        if g.wrong:
            print(f"  {k:12s} " + ", ".join(f"{n} {c}" for n, c in g.kinds.most_common()))


if __name__ == "__main__":
    main()
