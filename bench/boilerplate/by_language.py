#!/usr/bin/env python3
"""Boilerplate scores per language, pooled over several labelled sets (the per-language
breakdown issue 15 asks for).

    bench/boilerplate/by_language.py SET_DIR:ANNOTATIONS.jsonl [SET_DIR:ANNOTATIONS.jsonl ...]

Each SET_DIR holds `gold.jsonl`, `docs/` and `sources.tsv` as the set builders write them
(`build_*.py`); ANNOTATIONS is a `newstag run` of `SET_DIR/docs`. A page's language is the
`language` column of `sources.tsv` (the page's `lang` attribute), else newstag's detection;
ISO 639-3 codes are folded into the two-letter ones so both name one language. Lines are
counted as `score.py` counts them. Prints a Markdown table: language, pages, boilerplate-line
precision, recall, F1, article lines and the share of them removed.
"""
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import Acc, predicted  # noqa: E402

import json  # noqa: E402

# whatlang's ISO 639-3 codes of the languages the sets hold, folded into ISO 639-1.
THREE_TO_TWO = {
    "eng": "en", "deu": "de", "fra": "fr", "spa": "es", "por": "pt", "ita": "it",
    "rus": "ru", "jpn": "ja", "cmn": "zh", "kor": "ko", "ind": "id", "tur": "tr",
    "swe": "sv", "nld": "nl", "pol": "pl", "ukr": "uk", "ara": "ar", "hin": "hi",
    "dan": "da", "nob": "no", "nb": "no", "fin": "fi", "ces": "cs", "ell": "el", "heb": "he",
    "vie": "vi", "tha": "th", "hun": "hu", "ron": "ro", "bul": "bg", "cat": "ca",
}


def lang_of(row, rec):
    code = (row.get("language") or (rec or {}).get("lang", {}).get("code") or "und").lower()
    code = code.split("-")[0]
    return THREE_TO_TWO.get(code, code)


def main():
    groups = defaultdict(Acc)
    content = defaultdict(int)
    for arg in sys.argv[1:]:
        set_dir, pred_path = arg.split(":", 1)
        info = {}
        with open(os.path.join(set_dir, "sources.tsv"), encoding="utf-8") as f:
            head = f.readline().rstrip("\n").split("\t")
            for line in f:
                row = dict(zip(head, line.rstrip("\n").split("\t")))
                info[row["doc"]] = row
        pred = {}
        for line in open(pred_path, encoding="utf-8"):
            r = json.loads(line)
            pred[r["id"]] = r
        for line in open(os.path.join(set_dir, "gold.jsonl"), encoding="utf-8"):
            g = json.loads(line)
            doc, labels = g["doc"], g["lines"]
            raw = open(os.path.join(set_dir, "docs", doc), "rb").read()
            rec = pred.get(doc)
            pr = predicted(raw, rec["removed"] if rec else [])
            acc = Acc()
            acc.docs = 1
            for lab, p in zip(labels, pr):
                if lab == "boilerplate":
                    acc.tp += p
                    acc.fn += not p
                elif lab == "content":
                    acc.fp += p
                    acc.content += 1
                    acc.content_removed += p
            lang = lang_of(info.get(doc, {}), rec)
            groups[lang].add(acc)
            content[lang] += acc.content
    print("| language | pages | precision | recall | F1 | article lines | removed |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for lang, a in sorted(groups.items(), key=lambda kv: (-kv[1].docs, kv[0])):
        p = a.tp / (a.tp + a.fp) if a.tp + a.fp else 1.0
        r = a.tp / (a.tp + a.fn) if a.tp + a.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lost = 100 * a.content_removed / a.content if a.content else 0.0
        print(f"| {lang} | {a.docs} | {p:.3f} | {r:.3f} | {f:.3f} | {a.content} | {lost:.2f} % |")


if __name__ == "__main__":
    main()
