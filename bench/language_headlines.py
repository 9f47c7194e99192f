#!/usr/bin/env python3
"""Language detection on short text: newstag's `lang` of each page's headline against the
language of its whole article.

    bench/language_headlines.py [--bin target/release/newstag] SET_DIR [SET_DIR ...]

Each SET_DIR is a boilerplate benchmark set with `docs/` and `titles.jsonl` (the headline
yardstick, `bench/boilerplate/build_titles.py`). The script annotates the set's pages, keeps the
pages whose whole-article language is `reliable`, sends their headlines through `newstag
stream` and prints how often the headline's `lang.code` is the article's, overall and for the
most frequent languages, with the most frequent confusions.
"""
import argparse
import json
import os
import subprocess
import tempfile
from collections import Counter


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/newstag")
    ap.add_argument("sets", nargs="+")
    a = ap.parse_args()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, d in enumerate(a.sets):
            out = os.path.join(tmp, str(i))
            subprocess.run([a.bin, "run", os.path.join(d, "docs"), "--out", out, "--quiet"],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            docs = {}
            for l in open(os.path.join(out, "annotations.jsonl"), encoding="utf-8"):
                r = json.loads(l)
                docs[r["id"]] = r["lang"]
            for l in open(os.path.join(d, "titles.jsonl"), encoding="utf-8"):
                t = json.loads(l)
                lang = docs.get(t["doc"])
                if lang and lang["reliable"]:
                    lines.append(json.dumps({"id": f"{len(lines)}|{lang['code']}",
                                             "text": t["title"]}, ensure_ascii=False))
    res = subprocess.run([a.bin, "stream"], input="\n".join(lines) + "\n", text=True,
                         capture_output=True, check=False)
    ok, tot, wrong = Counter(), Counter(), Counter()
    for l in res.stdout.splitlines():
        r = json.loads(l)
        if "lang" not in r:
            continue
        gold = r["id"].split("|")[1]
        got = r["lang"]["code"]
        tot[gold] += 1
        ok[gold] += got == gold
        if got != gold:
            wrong[(gold, got)] += 1
    n = sum(tot.values())
    print(f"headlines {n}, right {sum(ok.values())} ({100 * sum(ok.values()) / max(n, 1):.1f} %)")
    for g, k in tot.most_common(8):
        print(f"  {g} {k} {100 * ok[g] / k:.1f} %")
    print("confusions:", ", ".join(f"{g}->{w} {k}" for (g, w), k in wrong.most_common(10)))


if __name__ == "__main__":
    main()
