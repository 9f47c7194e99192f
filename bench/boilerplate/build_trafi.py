#!/usr/bin/env python3
"""Build a snippet-scored boilerplate yardstick from trafilatura's evaluation pages.

Source: adbar/trafilatura (Apache-2.0 code; the pages are third-party web pages, so the built set
is for local measurement only and is never committed): `tests/evaldata.json` maps each page to a
file under `tests/eval/` or `tests/cache/` and to two lists of text snippets chosen by hand: `with`
(article text that an extractor must keep, mostly at the start and end of the article, in lists
and quotes) and `without` (boilerplate it must drop: dates, menus, footers, share prompts). About
950 pages from several hundred sites, mostly German and English, news, blogs, government pages.

Each page is converted to text with the same converters as `build_extra.py` (inscriptis or
html-text, chosen by a stable hash of the file name). A page whose HTML cannot be decoded or
converted, or that has no snippet present in its converted text, is left out.

Writes DIR/docs/tf-NNNN.txt (UTF-8), DIR/snippets.jsonl ({"doc", "url", "with", "without"}, only
the snippets present in the converted text, whitespace-normalized) and DIR/sources.tsv.
Score a run with `score_snippets.py`.

Usage: build_trafi.py --repo GIT_DIR --out DIR   (GIT_DIR: a bare clone of adbar/trafilatura,
e.g. from the `fetch` tool). Needs `pip install inscriptis html-text lxml`.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_extra import convert, converter_for, git_show  # noqa: E402
from score_snippets import flat  # noqa: E402

CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_:.-]+)""", re.I)


def decode(raw):
    m = CHARSET_RE.search(raw[:4096])
    for enc in ([m.group(1).decode("ascii")] if m else []) + ["utf-8", "cp1252"]:
        try:
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    listing = subprocess.run(
        ["git", "--git-dir", a.repo, "ls-tree", "-r", "--name-only", "HEAD", "tests/eval",
         "tests/cache"],
        check=True, capture_output=True, text=True,
    ).stdout.split("\n")
    present = set(listing)
    evaldata = json.loads(git_show(a.repo, "tests/evaldata.json"))
    os.makedirs(os.path.join(a.out, "docs"), exist_ok=True)
    rows, snippets, skipped = [], [], 0
    for n, (url, item) in enumerate(sorted(evaldata.items())):
        path = next((p for p in (f"tests/eval/{item['file']}", f"tests/cache/{item['file']}")
                     if p in present), None)
        if path is None:
            skipped += 1
            continue
        try:
            html = decode(git_show(a.repo, path))
            conv = converter_for(item["file"])
            text = convert(html, conv)
        except Exception:  # a page the converters cannot read is left out, as users would
            skipped += 1
            continue
        full = flat(text)
        keep = [flat(s) for s in item.get("with", []) if flat(s) and flat(s) in full]
        drop = [flat(s) for s in item.get("without", []) if flat(s) and flat(s) in full]
        if not keep and not drop:
            skipped += 1
            continue
        doc = f"tf-{n:04d}.txt"
        with open(os.path.join(a.out, "docs", doc), "w", encoding="utf-8") as f:
            f.write(text)
        snippets.append({"doc": doc, "url": url, "with": keep, "without": drop})
        rows.append((doc, urlparse(url).netloc, conv, item["file"]))
    with open(os.path.join(a.out, "snippets.jsonl"), "w", encoding="utf-8") as f:
        for s in snippets:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "sources.tsv"), "w", encoding="utf-8") as f:
        f.write("doc\tsite\tconverter\toriginal\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(snippets)} pages -> {a.out} ({skipped} left out)")


if __name__ == "__main__":
    main()
