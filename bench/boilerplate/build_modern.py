#!/usr/bin/env python3
"""Build a boilerplate set from a modern web-page benchmark (pages fetched in 2025-2026).

Source: tiptopjaw/web-content-extraction-benchmark (`release/html/NNNN.html.gz`, 1000 pages, and
`benchmark/ground-truth/NNNN.json`: the page's `url`, a `page_type` and a `ground_truth` with
`title`, `main_content` and hand-checked `with` / `without` snippets). Its ground truth was written
by a language model and then verified, so it is noisier than the other sets; its pages are recent
(2025-2026) and from sites no other set has. Only `article` and `blog` pages are used (the others
are forums, product, service, listing and documentation pages).

Same converters and labelling as `build_extra.py` (imported from it): each page is converted with
inscriptis or html-text (chosen by a stable hash of its name); `main_content` is the article text;
source lines aligned in order with its lines (difflib) are `content`, as are left-over lines of 40
or more characters found verbatim in it; the headline (the last source line before the body equal
to the title: the copy nearest the body) is `content`; every other non-blank line is `boilerplate`. A page is left out when
fewer than 60 % of the article's lines are found as lines of the converted text (the model
rewrote or merged them) or fewer than 3 match.

Also writes DIR/snippets.jsonl (the `with` / `without` snippets present in the converted text), so
`score_snippets.py` scores the set too.

The pages are third-party and the repository states no licence for them: the built set is for
local measurement only and is never committed; this script rebuilds it.

The same builder reads the benchmark's later release, Murrough-Foley/web-content-extraction-benchmark
("WCXB", CC-BY-4.0 metadata, 2,008 pages in `dev/` and `test/`, each `SPLIT/html/NNNN.html.gz` and
`SPLIT/ground-truth/NNNN.json` in the same schema): `--layout wcxb`. Its first thousand pages are
the first release's, so `--exclude-sites` (sources.tsv files of sets already built) leaves out
every page of a site another set has (and a page met twice, by its URL), and what remains is a set of sites no rule was tuned on.

Usage: build_modern.py --repo GIT_DIR --out DIR [--layout release|wcxb] [--prefix mo-]
       [--exclude-sites SOURCES.tsv ...]    (GIT_DIR: bare clone, e.g. from the `fetch` tool)
Writes DIR/docs/PREFIXNNNN.txt (wcxb: PREFIXSPLIT-NNNN.txt), DIR/gold.jsonl, DIR/meta.jsonl, DIR/sources.tsv, DIR/snippets.jsonl.
"""

import gzip
import json
import os
import sys
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_extra import (  # noqa: E402
    add_page, convert, converter_for, git_show, head_commit, label, norm, repo_parser,
    tree_names, write_set,
)
from build_zyte import page_title  # noqa: E402
from score_snippets import flat  # noqa: E402

MIN_MATCHED = 0.6


def main():
    ap = repo_parser(__doc__, "bare git dir of web-content-extraction-benchmark")
    ap.add_argument("--layout", choices=("release", "wcxb"), default="release")
    ap.add_argument("--prefix", default="mo-", help="prefix of the documents' names")
    ap.add_argument("--exclude-sites", nargs="*", default=[],
                    help="sources.tsv files whose sites (second column) are left out")
    args = ap.parse_args()
    commit = head_commit(args.repo)
    if args.layout == "release":
        names = tree_names(args.repo, "benchmark/ground-truth")
    else:
        names = tree_names(args.repo, "dev/ground-truth", "test/ground-truth")
    excluded, seen = set(), set()
    for tsv in args.exclude_sites:
        with open(tsv, encoding="utf-8") as f:
            excluded |= {row.split("\t")[1] for row in f.read().splitlines()[1:] if "\t" in row}
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    gold, sources, metas, snippets = [], [], [], []
    skipped = 0
    for path in sorted(names):
        item = json.loads(git_show(args.repo, path))
        kind = item.get("_internal", {}).get("page_type", {}).get("primary")
        if kind not in ("article", "blog"):
            continue
        fid = item.get("file_id") or os.path.basename(path).removesuffix(".json")
        site = urlparse(item.get("url") or "").netloc.removeprefix("www.")
        if site in excluded or item.get("url") in seen:
            continue
        seen.add(item.get("url"))
        html_path = (f"release/html/{fid}.html.gz" if args.layout == "release"
                     else path.replace("ground-truth", "html").replace(".json", ".html.gz"))
        try:
            raw = gzip.decompress(git_show(args.repo, html_path))
        except Exception:  # noqa: BLE001 - a missing page is left out
            skipped += 1
            continue
        html = raw.decode("utf-8", "replace")
        gt = item["ground_truth"]
        _, lang = page_title(html)
        title = gt.get("title") or None
        conv = converter_for(fid)
        text = convert(html, conv)
        article = gt.get("main_content") or ""
        labels = label(text, article, title)
        art_lines = {norm(a) for a in article.split("\n") if norm(a)}
        src_lines = {norm(l) for l in text.split("\n")}
        found = len(art_lines & src_lines) / len(art_lines) if art_lines else 0.0
        n_content = labels.count("content")
        if n_content < 3 or found < MIN_MATCHED:
            skipped += 1
            continue
        # The two splits of `wcxb` reuse some numbers: its names carry the split.
        split = "" if args.layout == "release" else path.split("/")[0] + "-"
        doc = f"{args.prefix}{split}{fid}.txt"
        add_page(docs, doc, text, labels, gold)
        sources.append([doc, site, lang or "", html_path, commit, conv, kind,
                        str(n_content), str(labels.count("boilerplate"))])
        metas.append({"doc": doc, "title": title, "url": item.get("url")})
        kept = flat(text)
        snippets.append({
            "doc": doc, "url": item.get("url"),
            "with": [s for s in map(flat, gt.get("with") or []) if s and s in kept],
            "without": [s for s in map(flat, gt.get("without") or []) if s and s in kept],
        })
    write_set(args.out, gold, metas,
              ["doc", "site", "language", "original", "commit", "converter", "page_type",
               "content_lines", "boilerplate_lines"], sources)
    with open(os.path.join(args.out, "snippets.jsonl"), "w", encoding="utf-8") as f:
        for s in snippets:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    print(f"{skipped} article pages left out (too few article lines found)")


if __name__ == "__main__":
    main()
