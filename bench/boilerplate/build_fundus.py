#!/usr/bin/env python3
"""Build a fourth boilerplate yardstick from fundus's parser test pages (news sites, 40 countries).

Source: flairNLP/fundus (MIT code; third-party news pages): `tests/resources/parser/test_data/
CC/PUBLISHER_YYYY_MM_DD.html.gz` (one or more real article pages per publisher, about 250
publishers) and `CC/PUBLISHER.json` (per parser version `V1`, `V1_1`, ...: the article's `title`
and `body` as `summary` paragraphs plus `sections` of `headline` and `paragraphs`, extracted by the
publisher's hand-written parser and checked by its authors).

Same converters and labelling method as `build_extra.py` (imported from it): each page is
converted with inscriptis or html-text (chosen by a stable hash of its name); the article text is
the body's summary, section headlines and paragraphs, one per line; source lines aligned in order
with them (difflib) are `content`, as are left-over lines of 40 or more characters found verbatim
in the article; the headline (the last source line before the body equal to the title, or the
title without a " - Site" suffix: the copy nearest the body) is `content`; every other non-blank line is `boilerplate`.
A publisher with several pages and parser versions: each page is labelled with the version whose
body matches most of its lines (the versions follow the pages' dates, but the date ranges live in
fundus's code, not in the test data).

This set is a pure yardstick, never tuned on: measure it, do not read its pages' failures to
design rules. Its texts are not committed (publishers' copyright); this script rebuilds them.

Usage: build_fundus.py --repo GIT_DIR --out DIR   (GIT_DIR: bare clone, e.g. from the `fetch` tool)
Writes DIR/docs/fu-CC-PUBLISHER_DATE.txt, DIR/gold.jsonl, DIR/sources.tsv (doc, site, language,
...), DIR/meta.jsonl (title, url).
"""

import gzip
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_extra import (  # noqa: E402
    add_page, convert, converter_for, git_show, head_commit, label, repo_parser, tree_names,
    write_set,
)
from build_zyte import page_title  # noqa: E402

BASE = "tests/resources/parser/test_data"


def article_text(version):
    """The body of one parser version as lines: summary, then each section's headline and
    paragraphs."""
    body = version.get("body") or {}
    lines = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        lines += section.get("headline") or []
        lines += section.get("paragraphs") or []
    return "\n".join(lines)


def main():
    ap = repo_parser(__doc__, "bare git dir of flairNLP/fundus")
    args = ap.parse_args()
    commit = head_commit(args.repo)
    names = tree_names(args.repo, BASE)
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    gold, sources, metas = [], [], []
    for path in sorted(n for n in names if n.endswith(".html.gz")):
        country, file = path[len(BASE) + 1:].split("/")
        stem = file[: -len(".html.gz")]
        publisher = stem.split("_", 1)[0]
        try:
            versions = json.loads(git_show(args.repo, f"{BASE}/{country}/{publisher}.json"))
        except (subprocess.CalledProcessError, json.JSONDecodeError):
            print(f"skip {stem}: no test case json")
            continue
        html = gzip.decompress(git_show(args.repo, path)).decode("utf-8", "replace")
        _, lang = page_title(html)
        conv = converter_for(stem)
        text = convert(html, conv)
        best = None
        for key in sorted(versions):
            version = versions[key]
            if not isinstance(version, dict):
                continue
            labels = label(text, article_text(version), version.get("title"))
            if best is None or labels.count("content") > best[0].count("content"):
                best = (labels, version)
        if best is None:
            continue
        labels, version = best
        n_content = labels.count("content")
        if n_content < 3:
            print(f"skip {stem}: {n_content} article lines matched")
            continue
        doc = f"fu-{country}-{stem}.txt"
        add_page(docs, doc, text, labels, gold)
        sources.append([doc, publisher, lang or "", path, commit, conv, str(n_content),
                        str(labels.count("boilerplate"))])
        metas.append({"doc": doc, "title": version.get("title"), "url": None})
    write_set(args.out, gold, metas,
              ["doc", "site", "language", "original", "commit", "converter", "content_lines",
               "boilerplate_lines"], sources)


if __name__ == "__main__":
    main()
