"""Turns markup.src into <name>.txt files and gold.jsonl (see SOURCE.md)."""
import json, os, re

here = os.path.dirname(os.path.abspath(__file__))
docs, cur = [], None
for line in open(os.path.join(here, "markup.src"), encoding="utf-8"):
    if line.startswith("=== "):
        cur = [line[4:].strip(), ""]
        docs.append(cur)
    else:
        cur[1] += line
gold = []
for name, src in docs:
    src = src.rstrip("\n") + "\n"
    text, ents, pos = "", [], 0
    for m in re.finditer(r"\[([^\]|]+)\|([A-Z-]+)\]", src):
        text += src[pos:m.start()]
        if m.group(2) != "-":
            ents.append({"start": len(text), "end": len(text) + len(m.group(1)),
                         "text": m.group(1), "label": m.group(2), "canonical": m.group(1),
                         "in_boilerplate": False})
        text += m.group(1)
        pos = m.end()
    text += src[pos:]
    with open(os.path.join(here, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    lines = ["content" if l.strip() else "blank" for l in text.split("\n")]
    gold.append({"doc": name, "entities": ents, "lines": lines})
with open(os.path.join(here, "gold.jsonl"), "w", encoding="utf-8") as f:
    for g in gold:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
