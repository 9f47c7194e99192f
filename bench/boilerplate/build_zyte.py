#!/usr/bin/env python3
"""Build a third boilerplate yardstick from the Zyte (Scrapinghub) article-extraction-benchmark.

Source: scrapinghub/article-extraction-benchmark (MIT): `html/HASH.html.gz` (181 real news and
blog pages, mostly English) and `ground-truth.json` (`articleBody` as plain text, `url`).

Same converters and labelling method as `build_extra.py` (imported from it): each page is
converted with inscriptis or html-text (chosen by a stable hash of its name, about two in three
html-text); the article text is the ground truth's `articleBody` (already plain text, so it is not
converted); source lines aligned in order with the article lines (difflib) are `content`, as are
left-over lines of 40 or more characters found verbatim in the article; the headline (the last
source line before the body equal to the page's `og:title`, `<h1>` or `<title>`, or that title
without a " - Site" suffix) is `content`; every other non-blank line is `boilerplate`.

Pages listed in `--exclude` (a sources.tsv with an `original` column naming `html/HASH.html.gz`,
such as the dev set's) are left out: the dev set's 56 pages come from this benchmark too, so the
rest is the part nobody tuned on.

This set is a pure yardstick: measure it, do not read its pages' failures to design rules.

Usage: build_zyte.py --repo GIT_DIR --out DIR [--exclude DEV/sources.tsv]
        (GIT_DIR: bare clone, e.g. from the `fetch` tool)
Writes DIR/docs/zy-HASH.txt, DIR/gold.jsonl, DIR/sources.tsv (doc, site, language, ...),
DIR/meta.jsonl (title, url).
"""

import gzip
import json
import os
import sys
from urllib.parse import urlparse

import lxml.html

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_extra import (  # noqa: E402
    add_page, convert, converter_for, git_show, head_commit, label, repo_parser, write_set,
)


def page_title(html):
    """og:title, else the first <h1>, else <title>: the forms `label` looks for as headline."""
    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - an unparsable page has no title
        return None, None
    og = root.xpath('//meta[@property="og:title"]/@content')
    h1 = [" ".join(h.text_content().split()) for h in root.xpath("//h1")]
    title = root.xpath("//title/text()")
    lang = (root.get("lang") or "").split("-")[0].lower() or None
    for t in og[:1] + h1[:1] + title[:1]:
        if t and t.strip():
            return t.strip(), lang
    return None, lang


def main():
    ap = repo_parser(__doc__, "bare git dir of article-extraction-benchmark")
    ap.add_argument("--exclude", help="sources.tsv of pages to leave out (column `original`)")
    args = ap.parse_args()
    commit = head_commit(args.repo)
    excluded = set()
    if args.exclude:
        with open(args.exclude, encoding="utf-8") as f:
            head = f.readline().rstrip("\n").split("\t")
            for line in f:
                excluded.add(dict(zip(head, line.rstrip("\n").split("\t")))["original"])
    truth = json.loads(git_show(args.repo, "ground-truth.json"))
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    gold, sources, metas = [], [], []
    for name in sorted(truth):
        item = truth[name]
        if f"html/{name}.html.gz" in excluded:
            continue
        raw = gzip.decompress(git_show(args.repo, f"html/{name}.html.gz"))
        html = raw.decode("utf-8", "replace")
        title, lang = page_title(html)
        conv = converter_for(name)
        text = convert(html, conv)
        labels = label(text, item["articleBody"], title)
        n_content = labels.count("content")
        if n_content < 3:
            print(f"skip {name}: {n_content} article lines matched")
            continue
        doc = f"zy-{name[:16]}.txt"
        add_page(docs, doc, text, labels, gold)
        site = urlparse(item.get("url") or "").netloc.removeprefix("www.")
        sources.append([doc, site, lang or "", f"html/{name}.html.gz", commit, conv,
                        str(n_content), str(labels.count("boilerplate"))])
        metas.append({"doc": doc, "title": title, "url": item.get("url")})
    write_set(args.out, gold, metas,
              ["doc", "site", "language", "original", "commit", "converter", "content_lines",
               "boilerplate_lines"], sources)


if __name__ == "__main__":
    main()
