#!/usr/bin/env python3
"""Build a headline yardstick (gold `meta.title`) for a set of converted pages.

    build_titles.py --trafi GIT_DIR --set DIR    (DIR built by build_trafi.py from the same clone)
    build_titles.py --meta --set DIR             (DIR with a meta.jsonl title, e.g. build_extra.py's)

Writes DIR/titles.jsonl: {"doc", "title", "lines", "source", "site_forms"} for every page whose
headline is a line of its converted text; score a run with `score_titles.py`.

Where the headline comes from (first that gives one):

* `--trafi`: trafilatura's `tests/evaldata.json` gives a `title` chosen by hand for most pages
  (its metadata benchmark), source `evaldata`. Otherwise the page's HTML: its first `<h1>` when
  it agrees with `og:title` or `<title>` (equal to one of their forms, below), source `h1`.
  `og:title` or `<title>` alone are not trusted: on these pages they match mostly the converted
  `<title>` line itself (the first line of the text) or a site or section name.
* `--meta`: the set's meta.jsonl `title` (readability's expected metadata), source `meta`.

A title's forms are the title itself and, when it holds a " - ", " | ", " – ", " — " or " :: "
separator, the parts before the last and after the first separator (build_extra.py's
`title_forms`: "Headline | Site" gives "Headline"); forms under 8 characters are dropped. The
headline is the first line of the converted text (normalized as build_extra.py's `norm`: NFKC,
whitespace collapsed, leading bullets dropped) equal to a form, the longest form first, line 0
(the converted `<title>`) last: "Headline - Site" there gives way to a later "Headline"; the gold
`title` is that line, `lines` every line index equal to it (0-based; the converters print the
`<title>` element as line 0, so a headline found only there has `lines` [0]). A page where no form is a line is left out: the yardstick only holds pages
where a line-based extractor can be right.

`site_forms` lists what names the site (`og:site_name`, evaldata's `sitename`, meta.jsonl's `site`,
the title parts the headline is not), so the scorer can tell a site name picked as title.

The pages are third-party: the built files stay under /work/data, never in the repository.
Needs lxml (the same venv as build_trafi.py).
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_extra import git_show, norm  # noqa: E402
from build_trafi import decode  # noqa: E402

SEPARATORS = (" - ", " | ", " – ", " — ", " :: ")
MIN_FORM = 8


def parts(title):
    """The pieces of a title split at its separators, normalized (one piece when none)."""
    t = norm(title or "")
    pieces = [t]
    for sep in SEPARATORS:
        pieces = [p.strip() for piece in pieces for p in piece.split(sep)]
    return [p for p in pieces if p]


def forms(title):
    """build_extra.py's title_forms: the title, and with a separator the part before the last
    and the part after the first."""
    if not title or not norm(title):
        return []
    t = norm(title)
    out = [t]
    for sep in SEPARATORS:
        if sep in t:
            out += [t.rsplit(sep, 1)[0].strip(), t.split(sep, 1)[0].strip()]
    seen, res = set(), []
    for f in sorted(out, key=len, reverse=True):
        if len(f) >= MIN_FORM and f not in seen:
            seen.add(f)
            res.append(f)
    return res


def html_titles(html):
    """og:title, the first <h1>, <title> and og:site_name of a page (None where absent)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - an unparsable page has no title
        return None, None, None, None

    def first(xs):
        xs = [" ".join(str(x).split()) for x in xs]
        return next((x for x in xs if x), None)

    og = first(root.xpath('//meta[@property="og:title"]/@content'))
    h1 = first(h.text_content() for h in root.xpath("//h1"))
    title = first(root.xpath("//title/text()"))
    site = first(root.xpath('//meta[@property="og:site_name"]/@content'))
    return og, h1, title, site


def find_line(lines, candidates):
    """Index of the first line equal to one of `candidates` (tried in order), and the form.

    Lines under the first are tried first: the converters print the `<title>` element as line 0,
    "Headline - Site" where the page prints its heading as "Headline"; the heading is the line a
    reader sees as the headline. Line 0 counts only when no other line gives a form."""
    for skip in (1, 0):
        for form in candidates:
            for i, line in enumerate(lines[skip:], skip):
                if line == form:
                    return i, form
    return None, None


def trafi_choices(repo, item):
    """(source, forms) to try, in order, and the site forms, for one evaldata item."""
    path = None
    for p in (f"tests/eval/{item['file']}", f"tests/cache/{item['file']}"):
        try:
            html = decode(git_show(repo, p))
            path = p
            break
        except Exception:  # noqa: BLE001 - not under this folder
            continue
    og = h1 = title = site = None
    if path:
        og, h1, title, site = html_titles(html)
    choices = []
    if item.get("title"):
        choices.append(("evaldata", forms(item["title"])))
    meta_forms = forms(og) + forms(title)
    if h1 and norm(h1) in meta_forms:
        choices.append(("h1", [norm(h1)]))
    sites = [norm(s) for s in (site, item.get("sitename")) if s]
    return choices, sites, og, title


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", required=True, help="the set's folder (docs/, sources.tsv)")
    ap.add_argument("--trafi", help="bare git dir of adbar/trafilatura (the set's source)")
    ap.add_argument("--meta", action="store_true", help="titles from the set's meta.jsonl")
    a = ap.parse_args()
    if bool(a.trafi) == a.meta:
        ap.error("give one of --trafi GIT_DIR or --meta")
    with open(os.path.join(a.set, "sources.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(head, line.rstrip("\n").split("\t"))) for line in f]
    if a.trafi:
        evaldata = json.loads(git_show(a.trafi, "tests/evaldata.json"))
        by_file = {item["file"]: item for item in evaldata.values()}
    else:
        with open(os.path.join(a.set, "meta.jsonl"), encoding="utf-8") as f:
            metas = {m["doc"]: m for m in map(json.loads, f)}
    out, counts = [], {}
    for row in rows:
        doc = row["doc"]
        with open(os.path.join(a.set, "docs", doc), encoding="utf-8") as f:
            lines = [norm(line) for line in f.read().split("\n")]
        if a.trafi:
            choices, sites, *titles = trafi_choices(a.trafi, by_file[row["original"]])
        else:
            m = metas.get(doc, {})
            choices = [("meta", forms(m.get("title")))]
            sites = [norm(m["site"])] if m.get("site") else []
            titles = [m.get("title")]
        for source, cands in choices:
            i, form = find_line(lines, cands)
            if i is not None:
                break
        else:
            counts["no headline line"] = counts.get("no headline line", 0) + 1
            continue
        # The other parts of the page titles name the site ("Headline | Site").
        rest = [p for t in titles for p in parts(t) if p not in form and form not in p]
        site_forms = sorted(set(sites + rest))
        at = [j for j, line in enumerate(lines) if line == form]
        out.append({"doc": doc, "title": form, "lines": at, "source": source,
                    "site_forms": site_forms})
        counts[source] = counts.get(source, 0) + 1
    with open(os.path.join(a.set, "titles.jsonl"), "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} of {len(rows)} pages with a headline line -> {a.set}/titles.jsonl "
          + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
