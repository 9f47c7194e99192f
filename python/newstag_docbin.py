#!/usr/bin/env python3
"""Builds a spaCy DocBin (.spacy training file) from a newstag spaCy JSONL export.

usage: newstag_docbin.py SPACY_JSONL OUT.spacy SUMMARY.json [--lang auto|CODE]

`newstag export --to docbin` runs this file (it carries a copy inside the binary); run it by hand
as the second of two steps when the binary cannot reach a python with spaCy:

    newstag export --to spacy --out export/
    python3 python/newstag_docbin.py export/spacy.jsonl export/corpus.spacy export/corpus.spacy.json

Each line's text is tokenized with a blank spaCy pipeline (no model download): the document's
language when spaCy has one (`--lang auto`, from meta.lang, ISO 639-3), else the multi-language
"xx" tokenizer; `--lang CODE` forces one (use the language of the pipeline you train). Every span
goes through `Doc.char_span(..., alignment_mode="strict")`: a span whose ends do not fall on token
boundaries is DROPPED, never widened or shrunk, and counted. The record id is kept in
`doc.user_data["id"]`. The summary file holds the counts and every dropped span; the counts are
also printed to stdout as one JSON line.

Exit status: 0 written; 2 bad input; 3 spaCy is not importable.
"""
import argparse
import json
import sys

# ISO 639-3 (newstag's meta.lang) to the ISO 639-1 codes spaCy's languages are named by.
ISO3_TO_SPACY = {
    "afr": "af", "amh": "am", "ara": "ar", "aze": "az", "bel": "be", "ben": "bn", "bul": "bg",
    "cat": "ca", "ces": "cs", "dan": "da", "deu": "de", "ell": "el", "eng": "en", "est": "et",
    "eus": "eu", "fas": "fa", "pes": "fa", "fin": "fi", "fra": "fr", "gle": "ga", "guj": "gu",
    "heb": "he", "hin": "hi", "hrv": "hr", "hun": "hu", "hye": "hy", "ind": "id", "isl": "is",
    "ita": "it", "jpn": "ja", "kan": "kn", "kor": "ko", "kir": "ky", "lat": "la", "lit": "lt",
    "lav": "lv", "mal": "ml", "mar": "mr", "mkd": "mk", "nep": "ne", "nld": "nl", "nob": "nb",
    "pol": "pl", "por": "pt", "ron": "ro", "rus": "ru", "san": "sa", "sin": "si", "slk": "sk",
    "slv": "sl", "sqi": "sq", "srp": "sr", "swe": "sv", "tam": "ta", "tel": "te", "tgl": "tl",
    "tha": "th", "tur": "tr", "tat": "tt", "ukr": "uk", "urd": "ur", "vie": "vi", "yor": "yo",
    "zho": "zh", "cmn": "zh",
}

# Languages whose blank tokenizer needs extra packages (segmenters) spaCy does not install.
NEEDS_EXTRAS = {"ja", "ko", "th", "vi", "zh"}


def main(argv):
    parser = argparse.ArgumentParser(description="spaCy JSONL export -> DocBin")
    parser.add_argument("src")
    parser.add_argument("out")
    parser.add_argument("summary")
    parser.add_argument("--lang", default="auto")
    try:
        a = parser.parse_args(argv)
    except SystemExit:
        return 2
    src, out, summary_path, lang = a.src, a.out, a.summary, a.lang
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError as e:
        print(
            f"spaCy is not importable by {sys.executable} ({e}); install it there "
            "(pip install spacy) or pass the python that has it",
            file=sys.stderr,
        )
        return 3

    blanks = {}

    def nlp_for(code):
        if lang != "auto":
            code = lang
        else:
            code = ISO3_TO_SPACY.get(code, "xx")
            if code in NEEDS_EXTRAS:
                code = "xx"
        if code not in blanks:
            try:
                blanks[code] = spacy.blank(code)
            except Exception:
                if lang != "auto":
                    raise
                blanks[code] = blanks.get("xx") or spacy.blank("xx")
        return blanks[code]

    docbin = DocBin(store_user_data=True)
    documents = spans = dropped = 0
    dropped_spans = []
    with open(src, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                meta = rec.get("meta") or {}
            except (ValueError, KeyError, TypeError) as e:
                print(f"{src}:{n}: not a newstag spaCy export line: {e}", file=sys.stderr)
                return 2
            doc = nlp_for(meta.get("lang") or "und").make_doc(text)
            ents = []
            for s in rec.get("spans") or []:
                spans += 1
                span = doc.char_span(
                    s["start"], s["end"], label=s["label"],
                    kb_id=s.get("kb_id") or "", alignment_mode="strict",
                )
                if span is None:
                    dropped += 1
                    dropped_spans.append({
                        "id": meta.get("id"), "start": s["start"], "end": s["end"],
                        "text": text[s["start"]:s["end"]], "label": s["label"],
                    })
                else:
                    ents.append(span)
            doc.ents = ents
            doc.user_data["id"] = meta.get("id")
            docbin.add(doc)
            documents += 1
    docbin.to_disk(out)
    counts = {"documents": documents, "spans": spans, "kept": spans - dropped, "dropped": dropped}
    with open(summary_path, "w", encoding="utf-8") as f:
        json.dump({**counts, "alignment_mode": "strict", "dropped_spans": dropped_spans},
                  f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
