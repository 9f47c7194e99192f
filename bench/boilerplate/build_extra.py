#!/usr/bin/env python3
"""Rebuild the extra boilerplate development set (line-labelled plain-text pages).

Source: mozilla/readability's test pages (`test/test-pages/NAME/{source.html,expected.html,
expected-metadata.json}`; Apache-2.0 code, third-party web pages). Only pages whose source.html is
at least 20 KB are used: the smaller ones are synthetic unit-test pages, not real sites.

Each source.html is converted to text the way users get it, with one of the two converters of the
first development set (inscriptis or html-text, chosen per page by a stable hash of its name, about
two in three html-text), so menus, footers, captions and related lists stay in the text.

Labels (the gold format of the first development set: one label per line of the file split on
"\\n": `blank`, `content`, `boilerplate`):

* The article text is readability's expected.html, minus figures, figure captions and elements
  whose class or id names a caption or credit (the guideline calls captions and credits
  boilerplate), converted with the same converter.
* Every line is compared in whitespace-normalized form (Unicode NFKC, runs of whitespace to one
  space, leading bullets `*`/`-`/`•` dropped, case kept). The source lines and the article lines
  are aligned in order (difflib's longest matching blocks, no junk heuristic): an aligned source
  line is `content`. A source line left over is still `content` when it is at least 40 characters
  long and occurs verbatim (normalized) in the article text (converters break some blocks at
  different places).
* The headline: of the source lines before the first article line that equal the metadata
  title (or the title with a " - Site" / " | Site" suffix removed), the last one, nearest the
  body, is `content`; the copies above it (the `<title>` line, a breadcrumb) are boilerplate, as
  the development set labels them (on its pages with two copies before the body, the first is
  boilerplate and the second content).
* Everything else that is not blank is `boilerplate`.

Known noise: readability sometimes keeps bylines, dates or share widgets inside the article and
sometimes drops a real paragraph; those lines are labelled as readability decided.

Usage: build_extra.py --repo GIT_DIR --out DIR   (GIT_DIR: a bare clone of mozilla/readability,
e.g. from the `fetch` tool). Needs `pip install inscriptis html-text`.
Writes DIR/docs/*.txt, DIR/gold.jsonl, DIR/sources.tsv, DIR/meta.jsonl (title, siteName).
"""

import argparse
import difflib
import hashlib
import json
import os
import re
import subprocess
import unicodedata

import html_text
import inscriptis
import lxml.html

MIN_SOURCE_BYTES = 20_000
MIN_LOOSE_CHARS = 40
CAPTION_RE = re.compile(r"caption|credit", re.I)


def git_show(repo, path):
    return subprocess.run(
        ["git", "--git-dir", repo, "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
    ).stdout


def git_text(repo, *args):
    """The output of `git --git-dir REPO ARGS...`, as text."""
    return subprocess.run(
        ["git", "--git-dir", repo, *args], check=True, capture_output=True, text=True
    ).stdout


def head_commit(repo):
    """The commit the set is built from (recorded in sources.tsv)."""
    return git_text(repo, "rev-parse", "HEAD").strip()


def tree_names(repo, *paths):
    """The paths of the files under `paths` at HEAD."""
    return git_text(repo, "ls-tree", "-r", "--name-only", "HEAD", *paths).split()


def repo_parser(doc, repo_help):
    """A builder's arguments: `--repo` (a bare git dir of the source) and `--out`."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--repo", required=True, help=repo_help)
    ap.add_argument("--out", required=True)
    return ap


def add_page(docs, doc, text, labels, gold):
    """Writes a page's text to DOCS/doc and its line labels to `gold`."""
    with open(os.path.join(docs, doc), "w", encoding="utf-8") as f:
        f.write(text)
    gold.append({"doc": doc, "entities": [], "lines": labels})


def page_names(repo):
    out = subprocess.run(
        ["git", "--git-dir", repo, "ls-tree", "-r", "-l", "HEAD", "test/test-pages/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    names = []
    for line in out.splitlines():
        meta, path = line.split("\t", 1)
        size = int(meta.split()[3])
        if path.endswith("/source.html") and size >= MIN_SOURCE_BYTES:
            names.append(path.split("/")[2])
    return sorted(names)


def converter_for(name):
    h = int(hashlib.sha1(name.encode()).hexdigest(), 16)
    return "inscriptis" if h % 3 == 0 else "html-text"


def convert(html, converter):
    if converter == "inscriptis":
        return inscriptis.get_text(html)
    return html_text.extract_text(html)


def strip_captions(html):
    root = lxml.html.fromstring(html)
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        cls = (el.get("class") or "") + " " + (el.get("id") or "")
        if el.tag in ("figure", "figcaption") or CAPTION_RE.search(cls):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def norm(line):
    s = unicodedata.normalize("NFKC", line)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^([*•·-]\s*)+", "", s)
    return s


def title_forms(title):
    if not title:
        return set()
    t = norm(title)
    forms = {t}
    for sep in (" - ", " | ", " – ", " — ", " :: "):
        if sep in t:
            forms.add(t.rsplit(sep, 1)[0].strip())
            forms.add(t.split(sep, 1)[0].strip())
    return {f for f in forms if len(f) >= 8}


def label(source_text, article_text, title):
    lines = source_text.split("\n")
    src = [norm(l) for l in lines]
    art = [norm(l) for l in article_text.split("\n")]
    art = [a for a in art if a]
    art_joined = " ".join(art)
    idx = [i for i, s in enumerate(src) if s]
    seq = [src[i] for i in idx]
    sm = difflib.SequenceMatcher(None, seq, art, autojunk=False)
    content = set()
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            content.add(idx[block.a + k])
    for i in idx:
        if i not in content and len(src[i]) >= MIN_LOOSE_CHARS and src[i] in art_joined:
            content.add(i)
    # The headline: the copy of the title nearest the body (a page repeats its title: the
    # `<title>` line at the top, a breadcrumb, the `<h1>` over the article). The development
    # set's labels, derived from human-written bodies, call that copy article and the copies
    # above it boilerplate.
    first_body = min(content) if content else len(lines)
    forms = title_forms(title)
    copies = [i for i in idx if i < first_body and src[i] in forms]
    if copies:
        content.add(copies[-1])
    out = []
    for i, s in enumerate(src):
        if not s:
            out.append("blank")
        elif i in content:
            out.append("content")
        else:
            out.append("boilerplate")
    return out


def write_set(out, gold, metas, header, sources):
    """Writes a set's gold.jsonl, meta.jsonl and sources.tsv (`header` names its columns)."""
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "meta.jsonl"), "w", encoding="utf-8") as f:
        for m in metas:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "sources.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        for row in sources:
            f.write("\t".join(row) + "\n")
    print(f"{len(gold)} pages -> {out}")


def main():
    args = repo_parser(__doc__, "bare git dir of mozilla/readability").parse_args()
    commit = head_commit(args.repo)
    docs = os.path.join(args.out, "docs")
    os.makedirs(docs, exist_ok=True)
    gold, sources, metas = [], [], []
    for name in page_names(args.repo):
        base = f"test/test-pages/{name}"
        source = git_show(args.repo, f"{base}/source.html").decode("utf-8", "replace")
        expected = git_show(args.repo, f"{base}/expected.html").decode("utf-8", "replace")
        try:
            meta = json.loads(git_show(args.repo, f"{base}/expected-metadata.json"))
        except (subprocess.CalledProcessError, json.JSONDecodeError):
            meta = {}
        conv = converter_for(name)
        text = convert(source, conv)
        article = convert(strip_captions(expected), conv)
        labels = label(text, article, meta.get("title"))
        n_content = labels.count("content")
        if n_content < 3:
            print(f"skip {name}: {n_content} article lines matched")
            continue
        doc = f"rb-{name}.txt"
        add_page(docs, doc, text, labels, gold)
        sources.append(
            [doc, "mozilla-readability", f"{base}/source.html", commit, conv,
             str(n_content), str(labels.count("boilerplate")), meta.get("lang") or ""]
        )
        metas.append({"doc": doc, "title": meta.get("title"), "site": meta.get("siteName")})
    write_set(args.out, gold, metas,
              ["doc", "dataset", "original", "commit", "converter", "content_lines",
               "boilerplate_lines", "lang"], sources)


if __name__ == "__main__":
    main()
