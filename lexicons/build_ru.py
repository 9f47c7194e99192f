#!/usr/bin/env python3
"""Russian word lists and lexicons from OpenCorpora (via pymorphy3's dictionary).

    python3 -m venv /tmp/v && /tmp/v/bin/pip install pymorphy3==2.0.6 \
        pymorphy3-dicts-ru==2.4.417150.4580142 wordfreq==3.1.1
    /tmp/v/bin/python lexicons/build_ru.py      # about 3 minutes

OpenCorpora's dictionary (CC BY-SA 3.0, opencorpora.org) tags proper names with grammemes:
Name (given names), Surn (family names), Geox (places), Orgn (organizations). Every lemma comes with all its case forms, so nothing here is inflected by
rule. Writes, next to this script:

* ru_given_names.txt, ru_surnames.txt: lowercase word forms, one a line, for the Russian
  context rules (rules/ru-news.toml, `[list_files]`; patronymics are recognized there by their
  endings, which is as good and 150,000 forms lighter);
* ru_initials.txt: Cyrillic initials as tokens ("а", "а.с" for "А.С.");
* ru_titles.txt, ru_speech.txt: every form of the title / role nouns and speech verbs listed
  below (TITLES, SPEECH), for the same rules;
* ru_places.tsv (LOC) and ru_orgs.tsv (ORG): OpenCorpora's Geox and Orgn lemmas with their case
  forms as `!` aliases (kept as written: the lexicons set no `inflect`). A lemma that is a
  Cyrillic alias of an entity of the same label in people.tsv, organizations.tsv, regions.tsv or
  places.tsv takes that entity's id, so "Севастополя" gets Sevastopol's GeoNames id; forms that
  `newstag lexicon check` rejects as frequent Russian words (src/gazetteer/frequent/ru.txt) are
  left out.

Ambiguity: pymorphy3 gives each parse of a word form a probability (from OpenCorpora's
annotated corpus). A form goes into a list or lexicon only when the parses with the wanted
grammeme carry at least MIN_SCORE of it ("Орла": the bird is likelier than the city: out;
"Кан": a surname first, a place second: not a place). Forms under 3 letters are dropped, and so
are forms that are frequent common words of other parts of speech.
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

import pymorphy3
from wordfreq import zipf_frequency

HERE = Path(__file__).resolve().parent
MIN_SCORE = {"Name": 0.3, "Surn": 0.6, "Geox": 0.6, "Orgn": 0.6}
# The given-name and family-name lists keep only forms that occur in wordfreq's Russian list
# (zipf >= 1, about once in 100 million words): 16,000 and 15,000 forms instead of 108,000 and
# 72,000, which keeps the rules' start-up cost and memory small (lexicons/README.md).
MIN_ZIPF = 1.0

# Nouns of office and role that stand right before a person's name ("министр Сергей Лавров",
# "глава МИД Сергей Лавров" is handled by the rule, "пресс-секретарь Дмитрий Песков").
TITLES = """
президент премьер премьер-министр министр замминистра вице-премьер вице-президент глава
руководитель председатель зампред замглавы заместитель директор гендиректор генеральный
губернатор мэр градоначальник посол посланник консул пресс-секретарь представитель
спикер депутат сенатор член советник помощник секретарь генсек канцлер король королева
принц принцесса император шейх эмир султан папа патриарх митрополит епископ архиепископ
священник имам муфтий раввин генерал полковник подполковник майор капитан лейтенант
сержант адмирал маршал командующий командир главком прокурор генпрокурор судья адвокат
следователь омбудсмен уполномоченный аудитор лидер основатель сооснователь владелец
совладелец акционер бизнесмен предприниматель миллиардер олигарх экономист аналитик
политолог эксперт профессор академик доцент ректор декан учёный историк журналист
корреспондент репортёр обозреватель редактор главред колумнист блогер публицист писатель
поэт драматург режиссёр актёр актриса певец певица музыкант композитор художник скульптор
архитектор фотограф продюсер тренер наставник футболист хоккеист теннисист теннисистка
шахматист гроссмейстер чемпион чемпионка спортсмен спортсменка боксёр нападающий
защитник вратарь полузащитник игрок форвард пилот космонавт астронавт правозащитник
активист оппозиционер диссидент политик инженер врач хирург атаман вождь премьерша
госсекретарь министерша вдова супруга супруг жена муж сын дочь брат сестра отец мать
сестра племянник внук внучка коллега соратник
мистер миссис мисс господин госпожа сэр синьор фрау месье мадам
""".split()

# Verbs of speech and report after a name ("Сергей Лавров заявил").
SPEECH = """
сообщить заявить сказать отметить подчеркнуть добавить пояснить рассказать уточнить
объяснить заметить напомнить признать признаться считать полагать ответить написать
констатировать указать предупредить пообещать потребовать призвать выразить высказать
прокомментировать опровергнуть подтвердить объявить говорить сообщать заявлять
отмечать подчёркивать добавлять пояснять рассказывать уточнять объяснять замечать
напоминать признавать отвечать писать указывать предупреждать обещать требовать
призывать опровергать подтверждать объявлять убеждён уверен считает
""".split()

# Frequent words that the dictionary also knows as proper names but that start sentences and
# headlines far more often as common words: never list them as family names, places or
# organizations (the given-name list keeps them: it is only used before another name).
STOP = set("""
вера надежда любовь мир роман лев орёл слава воля заря победа правда звезда весна роза
лилия марка маршал жизнь сила мира мирра свобода россия май марта августа
ооо оао зао пао ао гуп фгуп муп нии нко ано тоо оду мкс
""".split())


def write_initials():
    """One or two initials as the tokenizer sees them: "а" ("А. С."), "а.с" ("А.С.")."""
    letters = "абвгдеёжзиклмнопрстуфхцчшэюя"
    items = set(letters) | {a + "." + b for a in letters for b in letters}
    with open(HERE / "ru_initials.txt", "w", encoding="utf-8") as f:
        f.write("# Cyrillic initials, one or two dotted; generated by lexicons/build_ru.py.\n")
        for w in sorted(items):
            f.write(w + "\n")


def main():
    write_initials()
    morph = pymorphy3.MorphAnalyzer()
    # lemma key (grammeme, normal form, paradigm) -> forms; Abbr lemmas are written in capitals.
    lemmas = defaultdict(set)
    abbr = set()
    print("reading the dictionary ...", file=sys.stderr)
    for word, tag, normal, para, _ in morph.dictionary.iter_known_words():
        # Places and organizations are nouns ("петербургский" is tagged Geox too).
        if tag.POS != "NOUN" and ("Geox" in tag.grammemes or "Orgn" in tag.grammemes):
            continue
        for g in MIN_SCORE:
            if g in tag.grammemes:
                lemmas[(g, normal, para)].add(word)
                if "Abbr" in tag.grammemes:
                    abbr.add((g, normal, para))
    score_cache = {}

    def share(form, g):
        key = (form, g)
        if key not in score_cache:
            parses = morph.parse(form)
            score_cache[key] = sum(p.score for p in parses if g in p.tag.grammemes)
        return score_cache[key]

    def good(form, g):
        # Given names are only used before another name, so a given name that is also a
        # common word ("Роман", "Марка") stays in.
        stop = g != "Name" and form in STOP
        return (len(form) >= 3 and not stop and "." not in form
                and share(form, g) >= MIN_SCORE[g])

    words = {"Name": set(), "Surn": set()}
    tables = {"Geox": defaultdict(set), "Orgn": defaultdict(set)}
    for (g, normal, para), forms in lemmas.items():
        kept = {f for f in forms if good(f, g)}
        if g in words:
            words[g] |= kept
        elif kept and normal not in STOP:
            tables[g][(normal, (g, normal, para) in abbr)] |= kept

    def write_list(name, items, what):
        path = HERE / name
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# {what}: lowercase word forms from OpenCorpora (CC BY-SA 3.0) via\n")
            f.write("# pymorphy3-dicts-ru; generated by lexicons/build_ru.py, do not edit.\n")
            for w in sorted(items):
                f.write(w + "\n")
        print(f"{name}: {len(items)} forms", file=sys.stderr)

    def frequent(forms):
        return {f for f in forms if zipf_frequency(f, "ru") >= MIN_ZIPF}

    write_list("ru_given_names.txt", frequent(words["Name"]), "Given names (Name)")
    write_list("ru_surnames.txt", frequent(words["Surn"]), "Family names (Surn)")
    write_list("ru_titles.txt", lexeme_forms(morph, TITLES), "Titles and roles, every form")
    write_list("ru_speech.txt", lexeme_forms(morph, SPEECH), "Verbs of speech, every form")

    known = curated_ids()
    write_tsv("ru_places.tsv", tables["Geox"], known, "loc:oc-", "LOC", "Places (Geox)")
    write_tsv("ru_orgs.tsv", tables["Orgn"], known, "org:oc-", "ORG", "Organizations (Orgn)")


def lexeme_forms(morph, lemmas):
    out = set()
    for lemma in lemmas:
        parses = [p for p in morph.parse(lemma) if p.normal_form == lemma.replace("ё", "е")
                  or p.normal_form == lemma]
        for p in parses[:1] or morph.parse(lemma)[:1]:
            for f in p.lexeme:
                out.add(f.word)
                out.add(f.word.replace("ё", "е"))
        out.add(lemma)
    return out


def fold(s):
    return s.lower().replace("ё", "е")


# The label each curated lexicon has in newstag.toml: a Russian lemma takes a curated id only
# when it names the same kind of entity ("Валдай" the town is not the Valdai Club).
CURATED = {"people.tsv": "PER", "organizations.tsv": "ORG", "regions.tsv": "LOC",
           "places.tsv": "LOC"}


def curated_ids():
    """Cyrillic alias (folded) -> (id, label), from the lexicons that are searched first."""
    ids = {}
    for name, label in CURATED.items():
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            for alias in [cols[1]] + (cols[2].split("|") if len(cols) > 2 else []):
                alias = alias.lstrip("~=!")
                alias = re.sub(r"^\{[a-z,]*\}", "", alias)
                if re.search("[а-яё]", alias, re.I):
                    ids.setdefault(fold(alias), (cols[0], label))
    return ids


def frequent_words():
    """The Russian words `newstag lexicon check` rejects as aliases (src/gazetteer/frequent/)."""
    path = HERE.parent / "src" / "gazetteer" / "frequent" / "ru.txt"
    return {w for w in path.read_text(encoding="utf-8").split("\n")
            if w and not w.startswith("#")}


TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya"
                    .split()))


def slug(s):
    out = "".join(TRANSLIT.get(c, c) for c in s.lower()).replace("-", "")
    return re.sub(r"[^a-z0-9]+", "-", out).strip("-")


def cased(form, is_abbr):
    if is_abbr:
        return form.upper()
    # Capital after a hyphen too ("Нью-Йорк", "Санкт-Петербург"), but not for the short
    # linking words of compound names ("Ростов-на-Дону").
    parts = form.split("-")
    return "-".join(p if p in {"на", "де", "ла", "эль", "аль", "ле", "ди", "да"} and i > 0
                    else p[:1].upper() + p[1:] for i, p in enumerate(parts))


def write_tsv(name, table, known, prefix, label, what):
    rows, used = [], set()
    aliases_total = 0
    common = frequent_words()
    for (normal, is_abbr), forms in sorted(table.items()):
        display = cased(normal, is_abbr)
        if fold(display) in common:
            continue
        forms = {f for f in forms if fold(f) not in common}
        curated = known.get(fold(normal))
        eid = curated[0] if curated and curated[1] == label else prefix + slug(normal)
        base = eid
        n = 2
        while eid in used:
            eid = f"{base}-{n}"
            n += 1
        used.add(eid)
        aliases = sorted({cased(f, is_abbr) for f in forms} - {display})
        aliases_total += 1 + len(aliases)
        rows.append(f"{eid}\t{display}\t" + "|".join(aliases))
    with open(HERE / name, "w", encoding="utf-8") as f:
        f.write(f"# {what}: OpenCorpora lemmas (CC BY-SA 3.0) via pymorphy3-dicts-ru with\n")
        f.write("# their case forms; generated by lexicons/build_ru.py, do not edit.\n")
        for r in rows:
            f.write(r + "\n")
    print(f"{name}: {len(rows)} entities, {aliases_total} aliases", file=sys.stderr)


if __name__ == "__main__":
    main()
