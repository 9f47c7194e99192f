#!/usr/bin/env python3
"""Checks that newstag's offsets mean what Python users think they mean.

Usage: python3 tests/offsets.py OUT_DIR CORPUS_DIR

For every record of OUT_DIR/annotations.jsonl (loaded with the json module):
* text[start:end] == entity text, for every entity (code point offsets into `text`);
* the raw file's bytes [raw_start:raw_end] (the file is CORPUS_DIR/<id>), decoded with the
  record's `encoding`, equal the entity text up to normalization: HTML references decoded, NFC,
  typographic folding (curly quotes and dashes), format characters dropped, a word hyphenated
  across a line break rejoined, and whitespace collapsed.
Exits 1 with one line per failure, 0 with a summary when everything holds.
"""
import html
import json
import os
import re
import sys
import unicodedata

FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
})
FORMAT = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e"
                    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def norm(s):
    s = html.unescape(s)
    s = FORMAT.sub("", s)
    s = unicodedata.normalize("NFC", s)
    s = s.translate(FOLD)
    # (A line break is LF, CRLF or a lone CR, as the normalizer reads them.)
    s = re.sub(r"(?<=[^\W\d_])-[^\S\r\n]*(?:\r\n|\r|\n)\s*(?=[^\W\d_])", "", s)
    return re.sub(r"\s+", " ", s).strip()


def main(out_dir, corpus_dir):
    failures = []
    records = entities = 0
    with open(os.path.join(out_dir, "annotations.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            records += 1
            text = rec["text"]
            with open(os.path.join(corpus_dir, rec["id"]), "rb") as raw_file:
                raw = raw_file.read()
            for e in rec["entities"]:
                entities += 1
                where = f'{rec["id"]} {e["start"]}:{e["end"]} {e["text"]!r}'
                if text[e["start"]:e["end"]] != e["text"]:
                    failures.append(f"{where}: text slice is {text[e['start']:e['end']]!r}")
                piece = raw[e["raw_start"]:e["raw_end"]].decode(rec["encoding"], errors="replace")
                if norm(piece) != norm(e["text"]):
                    failures.append(f"{where}: raw bytes decode to {piece!r}")
    for msg in failures:
        print(msg)
    if failures:
        return 1
    print(f"offsets ok: {records} records, {entities} entities")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
