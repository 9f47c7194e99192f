#!/usr/bin/env python3
"""Decoding of UTF-8 files with windows-1252 lines in them, and of files wholly in windows-1252.

    bench/decode_mixed.py [--bin target/release/newstag] DOCS_DIR

From each UTF-8 text file of DOCS_DIR (real pages: a boilerplate benchmark set's `docs/`) it
writes two variants into a temporary folder: `mixed`, the file with each line that has a
typographic quote or dash rewritten in windows-1252 with probability 0.15 (seeded), and
`legacy`, the whole file in windows-1252 (when it can be). It runs newstag on both
(`--keep-boilerplate`) and prints, per variant, how many records have the original text back
(compared after NFKC with whitespace removed: normalization may still change a character), the
U+FFFD characters in all texts, and the encodings reported.
"""
import argparse
import json
import os
import random
import subprocess
import tempfile
import unicodedata
from collections import Counter


def flat(s):
    return "".join(unicodedata.normalize("NFKC", s).split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/newstag")
    ap.add_argument("docs")
    a = ap.parse_args()
    rng = random.Random(7)
    originals = {}
    with tempfile.TemporaryDirectory() as tmp:
        for v in ("mixed", "legacy"):
            os.makedirs(os.path.join(tmp, v))
        for name in sorted(os.listdir(a.docs)):
            if not name.endswith(".txt"):
                continue
            text = open(os.path.join(a.docs, name), encoding="utf-8").read()
            originals[name] = text
            try:
                data = text.encode("cp1252")
                open(os.path.join(tmp, "legacy", name), "wb").write(data)
            except UnicodeEncodeError:
                pass
            if not any(c in text for c in "’“”–"):
                continue
            out = []
            for line in text.split("\n"):
                raw = line.encode("utf-8")
                if rng.random() < 0.15:
                    try:
                        raw = line.encode("cp1252")
                    except UnicodeEncodeError:
                        pass
                out.append(raw)
            open(os.path.join(tmp, "mixed", name), "wb").write(b"\n".join(out))
        for v in ("mixed", "legacy"):
            out = os.path.join(tmp, "out-" + v)
            subprocess.run([a.bin, "run", os.path.join(tmp, v), "--out", out, "--quiet",
                            "--keep-boilerplate"], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            same = total = fffd = 0
            enc = Counter()
            for line in open(os.path.join(out, "annotations.jsonl"), encoding="utf-8"):
                r = json.loads(line)
                total += 1
                enc[r["encoding"]] += 1
                fffd += r["text"].count("\ufffd")
                same += flat(r["text"]) == flat(originals[r["id"]])
            print(f"{v}: {total} files, original text back {same}, U+FFFD {fffd}, "
                  f"encodings {dict(enc.most_common())}")


if __name__ == "__main__":
    main()
