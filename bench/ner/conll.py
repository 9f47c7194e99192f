#!/usr/bin/env python3
"""CoNLL-2003 English as a newstag benchmark: rebuild inputs and gold, run, score per label.

CoNLL-2003 (Reuters RCV1) is for research use only: none of its text is in this repository.
Get `eng.train` and `eng.testa` from any public copy (several GitHub repositories carry them,
e.g. synalp/NER under corpus/CoNLL-2003/) into DATA/raw/, then:

    python3 bench/ner/conll.py --data /work/data/conll --split testa   # dev: develop on this
    python3 bench/ner/conll.py --data /work/data/conll --split train   # a second measurement

Never use eng.testb (the test split) for development; the script refuses it unless --test.

What it does:
1. Splits the file at each `-DOCSTART-` into one document, detokenizes every sentence onto its
   own line with a blank line between sentences (so newstag sees paragraphs), and records for
   every token its code point offset, so gold spans are exact: DATA/SPLIT/docs/NNNN.txt.
2. Writes the gold in the seed gold format (tests/data/seeds.jsonl, `newstag eval`):
   DATA/SPLIT/gold.jsonl with PER, LOC and ORG mentions (IOB1 or IOB2 tags both read) and every
   line `content` or `blank` (CoNLL has no boilerplate). MISC is not a newstag label: its gold
   mentions are left out of the gold file.
3. Runs `newstag run` on the documents (unless --no-run) and scores the predictions with exact
   span and label, per label and overall. Two lines are printed for the overall score:
   `strict` counts every PER/LOC/ORG prediction that is not gold as a false positive (this is
   what `newstag eval --gold DATA/SPLIT/gold.jsonl` prints too); `misc-ignored` leaves out
   predictions that lie inside a gold MISC mention ("U.S." in "U.S. Open"), which a tagger
   without a MISC label cannot avoid. The headline figure is `strict`.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "}", "?", "!", "%", "'s", "'S", "n't", "'re",
                   "'ve", "'ll", "'d", "'m", "..."}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def read_conll(path):
    """Yields documents: lists of sentences, each a list of (token, tag)."""
    doc, sent = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    doc.append(sent)
                    sent = []
                if doc:
                    yield doc
                doc = []
                continue
            if not line.strip():
                if sent:
                    doc.append(sent)
                    sent = []
                continue
            parts = line.split()
            sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def detokenize(sent):
    """Joins tokens into a line; returns (line, [(start, end)] per token, in code points)."""
    out, spans = "", []
    quote_open = False
    for i, (tok, _) in enumerate(sent):
        prev = sent[i - 1][0] if i else None
        space = i > 0
        if tok in NO_SPACE_BEFORE or (prev in NO_SPACE_AFTER):
            space = False
        if tok == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif prev == '"' and quote_open:
            space = False
        if space:
            out += " "
        spans.append((len(out), len(out) + len(tok)))
        out += tok
    return out, spans


def entities(sent):
    """Entity token ranges [(first, last_excl, label)] from IOB1 or IOB2 tags."""
    ents, cur = [], None
    for i, (_, tag) in enumerate(sent):
        if tag == "O":
            if cur:
                ents.append(cur)
            cur = None
            continue
        bio, label = tag.split("-", 1)
        if cur and cur[2] == label and bio == "I":
            cur = (cur[0], i + 1, label)
        else:
            if cur:
                ents.append(cur)
            cur = (i, i + 1, label)
    if cur:
        ents.append(cur)
    return ents


def build(raw, outdir):
    docs_dir = os.path.join(outdir, "docs")
    os.makedirs(docs_dir, exist_ok=True)
    for f in os.listdir(docs_dir):
        os.remove(os.path.join(docs_dir, f))
    gold, misc = [], {}
    for n, doc in enumerate(read_conll(raw)):
        name = f"{n:04d}.txt"
        text, lines, ents, miscs = "", [], [], []
        for k, sent in enumerate(doc):
            if k:
                text += "\n"
                lines.append("blank")
            line, spans = detokenize(sent)
            base = len(text)
            for (a, b, label) in entities(sent):
                s, e = base + spans[a][0], base + spans[b - 1][1]
                item = {"start": s, "end": e, "text": line[spans[a][0]:spans[b - 1][1]],
                        "label": label}
                (miscs if label == "MISC" else ents).append(item)
            text += line + "\n"
            lines.append("content")
        with open(os.path.join(docs_dir, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        for e in ents:
            assert text[e["start"]:e["end"]] == e["text"], (name, e)
        gold.append({"doc": name, "entities": [dict(e, canonical=e["text"], in_boilerplate=False)
                                               for e in ents], "lines": lines})
        misc[name] = [(m["start"], m["end"]) for m in miscs]
    with open(os.path.join(outdir, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    with open(os.path.join(outdir, "misc.json"), "w", encoding="utf-8") as f:
        json.dump(misc, f)
    return gold, misc


def score(outdir, pred_path, errors_path=None):
    gold = [json.loads(l) for l in open(os.path.join(outdir, "gold.jsonl"), encoding="utf-8")]
    misc = json.load(open(os.path.join(outdir, "misc.json"), encoding="utf-8"))
    preds = {}
    for l in open(pred_path, encoding="utf-8"):
        r = json.loads(l)
        # Documents are UTF-8 and read whole: raw byte offsets -> code points.
        raw = open(os.path.join(outdir, "docs", r["id"]), "rb").read()
        cp = {}
        n = 0
        for i, b in enumerate(raw):
            if b & 0xC0 != 0x80:
                cp[i] = n
                n += 1
        cp[len(raw)] = n
        preds[r["id"]] = [(cp[e["raw_start"]], cp[e["raw_end"]], e["label"], e.get("text", ""),
                           e.get("lexicon", ""), e.get("resolved_by", ""))
                          for e in r["entities"]]
    counts = defaultdict(Counter)
    lenient = Counter()
    errs = []
    for g in gold:
        gs = {(e["start"], e["end"], e["label"]): e["text"] for e in g["entities"]}
        ps = {(s, e, l): (t, lex, rb) for (s, e, l, t, lex, rb) in preds.get(g["doc"], [])
              if l in ("PER", "LOC", "ORG")}
        ms = misc.get(g["doc"], [])
        for k in gs.keys() | ps.keys():
            lab = k[2]
            if k in gs and k in ps:
                counts[lab]["tp"] += 1
            elif k in ps:
                counts[lab]["fp"] += 1
                inside = any(a <= k[0] and k[1] <= b for a, b in ms)
                lenient["fp_misc"] += inside
                errs.append(("fp", g["doc"], k, ps[k], "in-MISC" if inside else ""))
            else:
                counts[lab]["fn"] += 1
                errs.append(("fn", g["doc"], k, gs[k], ""))
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as f:
            for e in sorted(errs, key=lambda x: (x[1], x[2][0])):
                f.write(json.dumps(e, ensure_ascii=False) + "\n")

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    print(f"{'label':<14}{'tp':>7}{'fp':>7}{'fn':>7}{'P':>8}{'R':>8}{'F1':>8}")
    tot = Counter()
    for lab in ("LOC", "ORG", "PER"):
        c = counts[lab]
        tot.update(c)
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{lab:<14}{c['tp']:>7}{c['fp']:>7}{c['fn']:>7}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    p, r, f = prf(tot["tp"], tot["fp"], tot["fn"])
    print(f"{'strict':<14}{tot['tp']:>7}{tot['fp']:>7}{tot['fn']:>7}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    fp2 = tot["fp"] - lenient["fp_misc"]
    p, r, f = prf(tot["tp"], fp2, tot["fn"])
    print(f"{'misc-ignored':<14}{tot['tp']:>7}{fp2:>7}{tot['fn']:>7}{p:>8.3f}{r:>8.3f}{f:>8.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/work/data/conll", help="folder with raw/eng.SPLIT")
    ap.add_argument("--split", default="testa", choices=["testa", "train", "testb"])
    ap.add_argument("--test", action="store_true", help="allow testb (the test split)")
    ap.add_argument("--newstag", default="target/release/newstag")
    ap.add_argument("--config", default="newstag.toml")
    ap.add_argument("--no-run", action="store_true", help="only rebuild inputs and gold")
    ap.add_argument("--errors", help="write false positives and negatives (JSON lines) here")
    args = ap.parse_args()
    if args.split == "testb" and not args.test:
        sys.exit("eng.testb is the test split: not for development (pass --test to score it)")
    outdir = os.path.join(args.data, args.split)
    build(os.path.join(args.data, "raw", "eng." + args.split), outdir)
    if args.no_run:
        return
    out = os.path.join(outdir, "out")
    subprocess.run([args.newstag, "run", os.path.join(outdir, "docs"), "--config", args.config,
                    "--out", out, "--quiet", "--keep-boilerplate"], check=False)
    score(outdir, os.path.join(out, "annotations.jsonl"), args.errors)


if __name__ == "__main__":
    main()
