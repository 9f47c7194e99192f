#!/usr/bin/env python3
"""Build a Chinese boilerplate yardstick from immortal-autumn/Chinese-Web-Content-Extraction-Dataset.

Source: immortal-autumn/Chinese-Web-Content-Extraction-Dataset (MIT): `original/NAME.html` (69
real Chinese pages: news, government notices, essays, forum posts; in GB2312/GBK or UTF-8, named
by a `<text ... encoding="...">` wrapper or the page's meta charset) and `cleaned/NAME.txt` (the
page's content area copied by hand, without headline, dates and authors).

Same converters and labelling method as `build_extra.py` (imported from it): each page is
converted with inscriptis or html-text (chosen by a stable hash of its name); source lines aligned
in order with the cleaned lines (difflib) are `content`, as are left-over lines of 40 or more
characters found in the cleaned text. Chinese lines are short in characters, so a left-over line
is also `content` when it holds at least 12 Chinese characters and occurs in the cleaned text with
all whitespace removed (the hand copy breaks lines elsewhere than the converters). The headline
(the `<title>`, or its part before a " - Site" suffix, nearest the body) is `content`, as in the
other sets, but only within six non-blank lines above the body: many of these pages' titles name
the site, and their copy at the top is chrome. Every other non-blank line is `boilerplate`. Pages
with fewer than three content lines are left out.

Usage: build_zh.py --repo GIT_DIR --out DIR   (GIT_DIR: bare clone, e.g. from the `fetch` tool)
Writes DIR/docs/zh-NAME.txt, DIR/gold.jsonl, DIR/sources.tsv, DIR/meta.jsonl (title).
"""

import os
import re
import subprocess
import sys

import lxml.html

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_extra import (  # noqa: E402
    add_page, convert, converter_for, git_show, head_commit, label, norm, repo_parser, title_forms,
    write_set,
)

MIN_CJK = 12
HEADLINE_WINDOW = 6
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CHARSET_RE = re.compile(rb'(?:encoding|charset)\s*=\s*["\']?([A-Za-z0-9_-]+)', re.I)


def decode(raw):
    """The page's text: its declared charset (GB2312 and GBK read as GB18030), else UTF-8."""
    m = CHARSET_RE.search(raw[:4096])
    name = (m.group(1).decode().lower() if m else "utf-8")
    if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
        name = "gb18030"
    try:
        return raw.decode(name, "replace")
    except LookupError:
        return raw.decode("utf-8", "replace")


def page_title(html):
    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - an unparsable page has no title
        return None
    title = root.xpath("//title/text()")
    return title[0].strip() if title and title[0].strip() else None


def label_zh(text, cleaned, title):
    labels = label(text, cleaned, None)
    src = [norm(l) for l in text.split("\n")]
    flat = re.sub(r"\s+", "", norm(cleaned.replace("\n", " ")))
    for i, line in enumerate(src):
        if labels[i] != "boilerplate":
            continue
        s = line.replace(" ", "")
        if len(CJK_RE.findall(s)) >= MIN_CJK and s in flat:
            labels[i] = "content"
    # The headline: the copy of the title nearest the body, within HEADLINE_WINDOW non-blank
    # lines above it (on many of these pages `<title>` names the site, and its copy at the top
    # is chrome).
    first = next((i for i, g in enumerate(labels) if g == "content"), None)
    forms = title_forms(title)
    if first is not None and forms:
        above = [i for i in range(first) if src[i]][-HEADLINE_WINDOW:]
        copies = [i for i in above if src[i] in forms]
        if copies:
            labels[copies[-1]] = "content"
    return labels


def main():
    args = repo_parser(__doc__, "bare git dir of Chinese-Web-Content-Extraction-Dataset").parse_args()
    commit = head_commit(args.repo)
    names = subprocess.run(
        ["git", "--git-dir", args.repo, "ls-tree", "--name-only", "HEAD", "original/"],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    gold, sources, metas = [], [], []
    for path in sorted(names):
        name = os.path.basename(path).removesuffix(".html")
        try:
            cleaned = git_show(args.repo, f"cleaned/{name}.txt").decode("utf-8", "replace")
        except subprocess.CalledProcessError:
            print(f"skip {name}: no cleaned text")
            continue
        html = decode(git_show(args.repo, path))
        # The crawler's wrapper element around the page is not part of it.
        html = re.sub(r"^\s*<text[^>]*>", "", html)
        title = page_title(html)
        conv = converter_for(name)
        text = convert(html, conv)
        labels = label_zh(text, cleaned, title)
        n_content = labels.count("content")
        if n_content < 3:
            print(f"skip {name}: {n_content} article lines matched")
            continue
        doc = f"zh-{name[:13]}.txt"
        add_page(docs, doc, text, labels, gold)
        sources.append([doc, name[:13], "zh", path, commit, conv, str(n_content),
                        str(labels.count("boilerplate"))])
        metas.append({"doc": doc, "title": title})
    write_set(args.out, gold, metas,
              ["doc", "site", "language", "original", "commit", "converter", "content_lines",
               "boilerplate_lines"], sources)


if __name__ == "__main__":
    main()
