#!/usr/bin/env python3
"""Rebuilds data/stopwords/*.txt from jusText's stoplists (BSD licence, see README.md here).

Usage: data/stopwords/build.py JUSTEXT_CHECKOUT_OR_GIT_DIR

Reads justext/stoplists/<Language>.txt at the pinned commit (from a bare git directory with
`git show`, or a work tree), lowercases every word, strips the punctuation around it (jusText's
lists keep sentence ends such as Korean "있다." and Hindi "है।": newstag looks up bare words),
drops duplicates keeping jusText's order (most frequent first) and writes one `<code>.txt` per
language, named by the ISO 639-3 code whatlang reports. Deterministic: same input, same bytes.
"""
import os
import subprocess
import sys
import unicodedata

COMMIT = "9fb3340ad2087110348de513e4a4b6fd4f3cc839"

# ISO 639-3 code (as whatlang reports it, where it detects the language) -> jusText stoplist
# name. First the web's most common languages that both whatlang detects and jusText has a list for (Chinese and Japanese have none: their lines are
# judged by script, see src/boilerplate/body.rs).
LANGS = [
    ("eng", "English"), ("rus", "Russian"), ("deu", "German"), ("fra", "French"),
    ("spa", "Spanish"), ("por", "Portuguese"), ("ita", "Italian"), ("nld", "Dutch"),
    ("pol", "Polish"), ("tur", "Turkish"), ("ind", "Indonesian"), ("swe", "Swedish"),
    ("ces", "Czech"), ("ukr", "Ukrainian"), ("vie", "Vietnamese"), ("ron", "Romanian"),
    ("hun", "Hungarian"), ("ell", "Greek"), ("dan", "Danish"), ("fin", "Finnish"),
    ("nob", "Norwegian_Bokmal"), ("slk", "Slovak"), ("bul", "Bulgarian"), ("hrv", "Croatian"),
    ("srp", "Serbian"), ("lit", "Lithuanian"), ("lav", "Latvian"), ("est", "Estonian"),
    ("slv", "Slovenian"), ("cat", "Catalan"), ("aze", "Azerbaijani"), ("ara", "Arabic"),
    ("pes", "Persian"), ("heb", "Hebrew"), ("hin", "Hindi"), ("kor", "Korean"),
    ("hye", "Armenian"), ("kat", "Georgian"), ("bel", "Belarusian"), ("tgl", "Tagalog"),
    ("ben", "Bengali"), ("urd", "Urdu"), ("mkd", "Macedonian"), ("afr", "Afrikaans"),
    # Then languages of national news sites that whatlang does not all detect (the boilerplate
    # stage elects its own language by a stopword vote), up to the 64 the vote's bitset holds.
    ("isl", "Icelandic"), ("sqi", "Albanian"), ("eus", "Basque"), ("glg", "Galician"),
    ("msa", "Malay"), ("swa", "Swahili"), ("cym", "Welsh"), ("gle", "Irish"), ("bos", "Bosnian"),
    ("epo", "Esperanto"), ("nno", "Norwegian_Nynorsk"), ("kaz", "Kazakh"), ("uzb", "Uzbek"),
    ("tam", "Tamil"), ("mal", "Malayalam"), ("mar", "Marathi"), ("tel", "Telugu"),
    ("nep", "Nepali"), ("kan", "Kannada"), ("guj", "Gujarati"),
]

# The languages added after the first 44 keep their most frequent words only: jusText's lists of
# agglutinative languages run to thousands of inflected forms (Malayalam 10,769), which the
# language vote's tables are built from on every run's first document, for pages that are rare.
FIRST = 44
CAP = 1500


def read(src, name):
    path = f"justext/stoplists/{name}.txt"
    if os.path.isdir(os.path.join(src, "justext")):
        with open(os.path.join(src, path), encoding="utf-8") as f:
            return f.read()
    return subprocess.run(["git", f"--git-dir={src}", "show", f"{COMMIT}:{path}"],
                          check=True, capture_output=True).stdout.decode("utf-8")


def bare(word):
    keep = lambda c: unicodedata.category(c)[0] in "LNM"
    s, e = 0, len(word)
    while s < e and not keep(word[s]):
        s += 1
    while e > s and not keep(word[e - 1]):
        e -= 1
    return word[s:e]


def main():
    src = sys.argv[1]
    out = os.path.dirname(os.path.abspath(__file__))
    for n, (code, name) in enumerate(LANGS):
        seen, words = set(), []
        for line in read(src, name).splitlines():
            w = bare(line.strip().lower())
            if w and w not in seen:
                seen.add(w)
                words.append(w)
        if n >= FIRST:
            words = words[:CAP]
        with open(os.path.join(out, f"{code}.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(words) + "\n")
        print(f"{code} {name} {len(words)}")


if __name__ == "__main__":
    main()
