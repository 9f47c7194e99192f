#!/usr/bin/env python3
"""Build lexicons/first_names.txt: given names for the `first-name-surname` rule.

A known given name followed by a capitalized word is a person ("Jordan Bardella", "Lloyd Austin",
"Victoria Nuland"), even when either word is also a place. The list is used by
rules/en-news.toml as "@first_names" (one lowercase word per line).

Sources (reproducible, pinned as in build_places.py):
    pip install names==0.3.0 wordfreq==3.1.1
* `names` 0.3.0: US Census 1990 given-name frequency lists (public domain); names up to
  `CUMULATIVE` percent of each list's population;
* the first word of every display name in lexicons/people.tsv (curated; Latin script only),
  which adds names of the region (Ilham, Nikol, Rovshan, ...).
Dropped: names that are also frequent English words: Zipf frequency >= ZIPF (wordfreq) and not
among the TOP most frequent census names of their list ("hope", "chase", "grant", "hunter"),
the words in COMMON whatever their rank ("will", "mark", "may"), and one- or two-letter names.
Names in KEEP stay (they are why the rule exists).

Run: python3 lexicons/build_first_names.py   (writes lexicons/first_names.txt)
"""
import os
import sys
from pathlib import Path

import names as names_pkg
from wordfreq import zipf_frequency

HERE = Path(__file__).resolve().parent
CUMULATIVE = 90.0  # percent of the census population covered, per list
ZIPF = 4.0  # lowercase English words at least this frequent are not given names here
# Given names that are also places, kept on purpose: the rule exists for them.
KEEP = {"jordan", "victoria", "florence", "paris", "georgia", "austin", "lincoln", "israel",
        "washington", "virginia", "carolina", "sydney", "chelsea", "dallas", "houston",
        "madison", "savannah", "nigel", "lloyd", "george", "camille"}


TOP = 250  # the most frequent census names of each list stay even when frequent as words
COMMON = {"will", "mark", "bill", "may", "june", "april", "joy", "guy", "don", "dean", "ray",
          "rose", "grace", "faith", "hope", "art", "earl", "gene", "frank", "jack", "bob", "sue",
          "jean", "dawn", "chance", "major", "sky", "rich", "summer", "winter", "miles", "long"}


# Dropped names that are never a given name before a surname in news ("May", "Will", "Hope",
# "Prince Charles"): months, seasons, modal verbs, virtues, titles and plain nouns. The other
# dropped names go to common_first_names.txt (`@common_first_names`: "Mark Philippoussis",
# "Ian Botham"), which the rules use only before a surname no lexicon knows.
NEVER = {"will", "may", "long", "major", "chance", "many", "man", "son", "see", "else", "era",
         "numbers", "manual", "loan", "brain", "carry", "marry", "angle", "lean", "desire",
         "destiny", "echo", "fairy", "glory", "harmony", "honey", "isis", "islam", "king", "lady",
         "liberty", "love", "marine", "marvel", "mercy", "miss", "moon", "noble", "olive",
         "patience", "precious", "prince", "princess", "queen", "royal", "season", "spring",
         "star", "sun", "sunday", "sunny", "sunshine", "temple", "tiny", "golden", "diamond",
         "delta", "alpha", "candy", "cherry", "charity", "faith", "hope", "grace", "joy", "dawn",
         "sky", "rich", "art", "young", "irish", "german", "easter", "gay", "hang", "page",
         "junior", "bee", "bell", "buck", "bud", "buddy", "forest", "grant", "hunter", "chase",
         "clay", "cliff", "drew", "guy", "sandy", "penny", "rocky", "ward", "van", "von", "del",
         "les", "summer", "winter", "autumn", "january", "april", "june", "august", "september",
         "dot", "era", "fe", "santa", "sterling", "foster", "miles", "crystal", "jc", "jd", "wm",
         "angeles", "maryland", "nevada", "diego", "hong", "sierra", "kent", "song", "soon",
         "sang", "min", "chin", "hung", "eve", "cruz", "dakota", "roman",
         # "Ali" starts Arabic, Turkic and Persian names where the given name is often one of
         # several ("Ali Akbar", "Ali Huseynli" next to "Sayfaddin Huseynli"): left to the lists.
         "ali"}


def places():
    out = set()
    for f in ("places.tsv", "regions.tsv"):
        for line in (HERE / f).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3:
                continue
            out.update(a.lstrip("~=!").lower() for a in [cols[1]] + cols[2].split("|"))
    return out


def census(file_name):
    out = []
    with open(os.path.join(os.path.dirname(names_pkg.__file__), file_name)) as f:
        for line in f:
            name, _freq, cum, _rank = line.split()
            if float(cum) > CUMULATIVE:
                break
            out.append((name.lower(), int(_rank)))
    return out


def curated():
    out = []
    for line in (HERE / "people.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        words = fields[1].split() if len(fields) > 1 else []
        if len(words) >= 2 and words[0].isascii() and words[0].isalpha():
            out.append(words[0].lower())
    return out


def main():
    ranked = census("dist.male.first") + census("dist.female.first")
    top = {n for n, rank in ranked if rank <= TOP}
    candidates = {n for n, _ in ranked} | set(curated())
    kept, dropped = [], []
    for n in sorted(candidates):
        common = n in COMMON or (zipf_frequency(n, "en") >= ZIPF and n not in top)
        if len(n) < 3 or (common and n not in KEEP):
            dropped.append(n)
        else:
            kept.append(n)
    with open(HERE / "first_names.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by lexicons/build_first_names.py; do not edit by hand.\n")
        f.write("# Sources: US Census 1990 via the `names` package (public domain); people.tsv.\n")
        for n in kept:
            f.write(n + "\n")
    place_names = places()
    common = [n for n in dropped if len(n) >= 3 and n not in NEVER and n not in place_names]
    with open(HERE / "common_first_names.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by lexicons/build_first_names.py; do not edit by hand.\n")
        f.write("# Given names that are also English words (`@common_first_names`), from the same "
                "sources as first_names.txt.\n")
        for n in common:
            f.write(n + "\n")
    print(f"common_first_names.txt: {len(common)} names", file=sys.stderr)
    print(f"first_names.txt: {len(kept)} names ({len(dropped)} dropped as common words)",
          file=sys.stderr)
    print("dropped: " + " ".join(dropped), file=sys.stderr)


if __name__ == "__main__":
    main()
