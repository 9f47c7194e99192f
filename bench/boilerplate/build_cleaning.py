#!/usr/bin/env python3
"""Build boilerplate yardsticks from older public benchmarks: L3S-GN1, Dragnet, CleanEval.

Source: j-szulc/html-cleaning-dataset-merged, a mirror of several HTML-cleaning benchmarks in one
layout (`NAME/input/X.html`, `NAME/GoldStandard/X.txt`). Three of them are used:

* `l3s`: `page-signal-master`, the L3S-GN1 set (Kohlschuetter et al., WSDM 2010): 621 news
  articles found through Google News in 2008, from some 400 sites. Its gold is the page itself
  with every text run wrapped in a span whose class names its label (`x-nc-sel1` headline,
  `x-nc-sel2` full text, `x-nc-sel3` supplemental, `x-nc-sel4` related content, `x-nc-sel5`
  comments, `x-nc-sel0` none). The article text is the gold page with every span but the
  headline and full-text ones emptied, converted like the page itself, so its blocks break where
  the page's do. Licence: research use only. Measure with it; do not commit its text.
* `dragnet`: `dragnet_data`, Moz's Dragnet set (2012): 1,381 pages, news and blogs. Its gold is
  the main content as plain text, comments after a marker line (dropped here). Licence: AGPLv3.
* `cleaneval`: `cleaneval-final`, CleanEval's final set (2007): 681 general web pages. Its gold
  is every text of the page (comments and lists too) with `<p>`, `<h>`, `<l>` marks (dropped
  here) under a `URL:` line, which names the page's site. Research use.

Each page is converted with inscriptis or html-text (chosen by a stable hash of its name, as in
`build_extra.py`), and labelled with `build_extra.label` (in-order alignment of the page's lines
with the article's; the headline copy nearest the body is article). Dragnet's gold keeps image
captions and datelines, which newstag's guideline calls boilerplate, so a part of its "lost
article lines" are lines the two labellings disagree on; read them before counting them.

The site of a page (for the two-fold split of `score.py`) is the host most of its absolute links
name; hosts linked from more than one page in
twenty (ad networks, search engines) do not count; a page without another is its own site.

This set is a pure yardstick: measure it, do not read its pages' failures to design rules.

Usage: build_cleaning.py --repo GIT_DIR --out DIR --source l3s|dragnet|cleaneval
Writes DIR/docs/*.txt, DIR/gold.jsonl, DIR/sources.tsv, DIR/meta.jsonl (title).
"""

import collections
import difflib
import os
import re
import subprocess
import sys
from urllib.parse import urlparse

import lxml.html

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_extra import (  # noqa: E402
    add_page, convert, converter_for, git_show, head_commit, norm, repo_parser, title_forms,
    tree_names, write_set,
)
from build_zyte import page_title  # noqa: E402

SOURCES = {
    "l3s": ("page-signal-master", "l3"),
    "dragnet": ("dragnet_data", "dr"),
    "cleaneval": ("cleaneval-final", "ce"),
}
CLEANEVAL_MARK = re.compile(r"^\s*<[phl]>\s*", re.M)
CLEANEVAL_URL = re.compile(r"^URL:\s*(\S+)")
ARTICLE_CLASSES = {"x-nc-sel1", "x-nc-sel2"}
WORD_RE = re.compile(r"\w+")
COMMENTS_MARK = "!@#$%^&*()  COMMENTS"
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
HOST_RE = re.compile(r"""href\s*=\s*["']?https?://(?:www\.)?([A-Za-z0-9.-]+)""", re.I)


def decode(raw):
    """The page's text: UTF-8 when it is valid, else the charset its meta tag names, else
    Windows-1252 (what browsers assume for a page that names none)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = CHARSET_RE.search(raw[:4096])
    for enc in ([m.group(1).decode("ascii")] if m else []) + ["cp1252"]:
        try:
            return raw.decode(enc, "replace")
        except LookupError:
            continue
    return raw.decode("latin-1")


def sites(hosts_by_doc):
    """Each page's site: the host most of its absolute links name, leaving out hosts linked
    from more than one page in twenty (ad networks, search engines, share buttons); a page
    with no other host is its own site."""
    df = collections.Counter(h for hosts in hosts_by_doc.values() for h in hosts)
    common = {h for h, n in df.items() if n * 20 > len(hosts_by_doc)}
    out = {}
    for doc, hosts in hosts_by_doc.items():
        own = [(n, h) for h, n in hosts.items() if h not in common]
        out[doc] = max(own, key=lambda x: (x[0], x[1]))[1] if own else doc
    return out


def l3s_article(gold_html):
    """The headline and full-text runs of an L3S-GN1 gold page, in the page's block layout, and
    the headline. Text outside those spans (other labels, or none) is emptied."""
    root = lxml.html.fromstring(gold_html)

    def article(el):
        return el is not None and bool(set((el.get("class") or "").split()) & ARTICLE_CLASSES)

    def inside(el):
        return article(el) or any(article(a) for a in el.iterancestors())

    headline = [el.text_content() for el in root.iter("span")
                if "x-nc-sel1" in (el.get("class") or "").split()]
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            el.tail = None if el.getparent() is None or not inside(el.getparent()) else el.tail
            continue
        if el.tag in ("style", "script") or not inside(el):
            el.text = None
        parent = el.getparent()
        if parent is not None and not inside(parent):
            el.tail = None
    title = " ".join(" ".join(headline).split()) or None
    return lxml.html.tostring(root, encoding="unicode"), title


def words(line):
    return WORD_RE.findall(norm(line).lower())


def label_words(source_text, article_text, title):
    """Line labels from a word-level alignment: a source line is `content` when at least half of
    its words align, in order, with the article's words (a word aligned alone, apart from
    its neighbours, counts only when it is the line's only word). Looser than `build_extra.label`'s
    whole-line alignment, which a gold text re-encoded or re-spaced by its annotation tool
    defeats (a quote mark turned into "?", a registered sign moved to its own line)."""
    lines = source_text.split("\n")
    src, owner = [], []
    for i, line in enumerate(lines):
        for w in words(line):
            src.append(w)
            owner.append(i)
    art = [w for line in article_text.split("\n") for w in words(line)]
    # Aligned back to front: of two equal runs the aligner takes the first, and the copy of
    # the headline nearest the body is the last one above it (the `<title>` line on top is not).
    n = len(src)
    hits = collections.Counter()
    sm = difflib.SequenceMatcher(None, src[::-1], art[::-1], autojunk=False)
    totals = collections.Counter(owner)
    for block in sm.get_matching_blocks():
        # A lone word matched alone is chance ("2" and "HSBC" of a widget's list found apart
        # in the article), unless it is its line's only word.
        if block.size == 1 and totals[owner[n - 1 - block.a]] > 1:
            continue
        for k in range(block.size):
            hits[owner[n - 1 - (block.a + k)]] += 1
    content = {i for i, total in totals.items() if hits[i] * 2 >= total}
    # The headline, when the gold text leaves it out: its copy nearest the body.
    forms = title_forms(title)
    if not any(norm(lines[i]) in forms for i in content):
        first_body = min(content) if content else len(lines)
        copies = [i for i, line in enumerate(lines) if i < first_body and norm(line) in forms]
        if copies:
            content.add(copies[-1])
    return ["blank" if not norm(line) else "content" if i in content else "boilerplate"
            for i, line in enumerate(lines)]


def main():
    ap = repo_parser(__doc__, "bare git dir of j-szulc/html-cleaning-dataset-merged")
    ap.add_argument("--source", required=True, choices=sorted(SOURCES))
    args = ap.parse_args()
    folder, prefix = SOURCES[args.source]
    commit = head_commit(args.repo)
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    gold, sources, metas, hosts, hosts_hint = [], [], [], {}, {}
    for path in sorted(tree_names(args.repo, f"{folder}/input")):
        if not path.endswith(".html"):
            continue
        name = os.path.basename(path)[: -len(".html")]
        html = decode(git_show(args.repo, path))
        try:
            gold_raw = decode(git_show(args.repo, f"{folder}/GoldStandard/{name}.txt"))
        except subprocess.CalledProcessError:
            print(f"skip {name}: no gold")
            continue
        conv = converter_for(name)
        # The page's own title (og:title, <h1>, <title>) and language; L3S-GN1's gold names
        # the headline itself.
        title, lang = page_title(html)
        if args.source == "l3s":
            article_html, title = l3s_article(gold_raw)
            article = convert(article_html, conv)
        elif args.source == "cleaneval":
            url = CLEANEVAL_URL.match(gold_raw)
            if url:
                hosts_hint[name] = urlparse(url.group(1)).netloc.removeprefix("www.")
            article = CLEANEVAL_MARK.sub("", CLEANEVAL_URL.sub("", gold_raw, count=1))
        else:
            article = gold_raw.split(COMMENTS_MARK, 1)[0]
        text = convert(html, conv)
        labels = label_words(text, article, title)
        n_content = labels.count("content")
        if n_content < 3:
            print(f"skip {name}: {n_content} article lines matched")
            continue
        doc = f"{prefix}-{name[:16]}.txt"
        add_page(docs, doc, text, labels, gold)
        hosts[doc] = collections.Counter(h.lower() for h in HOST_RE.findall(html))
        sources.append([doc, None, lang or "", path, commit, conv,
                        str(n_content), str(labels.count("boilerplate"))])
        metas.append({"doc": doc, "title": title})
    site = sites(hosts)
    site.update({f"{prefix}-{n[:16]}.txt": h for n, h in hosts_hint.items() if h})
    for row in sources:
        row[1] = site[row[0]]
    write_set(args.out, gold, metas,
              ["doc", "site", "language", "original", "commit", "converter", "content_lines",
               "boilerplate_lines"], sources)


if __name__ == "__main__":
    main()
