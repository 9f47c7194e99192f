//! Russian declension of names, by ending (see `lexicons/INFLECTION.md` for the rule table).
//!
//! Data and behaviour apart: the paradigms are const tables ([`tables`]: stem cut and endings
//! per slot); this module picks a word's table by its ending and combines the words of an
//! alias.
//!
//! Each word of an alias is given a paradigm: its forms in the genitive, dative, accusative,
//! instrumental and prepositional (slots 0-4, in the alias's own number), and for family names the
//! plural (slots 5-9: nominative, genitive, dative, instrumental, prepositional: "Алиевы",
//! "Алиевых"). A multi-word alias takes every declinable word in the same slot together.
//!
//! Policy choices:
//! * people (the lexicon's label is PER) decline every word (given name, patronymic, surname);
//!   a word in -ов/-ев/-ёв (anywhere) or -ин/-ын (last word) is a family name, with the
//!   adjectival instrumental (-ым) and the plural; a feminine name (family name in -ова/-ина,
//!   -ская/-ая) keeps its consonant-final given name unchanged ("Мехрибан Алиевой");
//! * other names decline their leading adjectives and the head noun, and keep what follows
//!   (a genitive complement or an apposition): "Следственного комитета России",
//!   "Министерства иностранных дел";
//! * indeclinable: all-caps abbreviations (МИД, ФСБ), words with non-Cyrillic letters, words in
//!   -о/-е/-и/-у/-ю/-э other than the Russian neuter types (-ство, -ово/-ево/-ино, -ие, -ье), and
//!   words under three letters;
//! * a word in -ь is feminine (Казань, Тверь) unless it ends in -тель, -арь, -ырь, -орь, -ярь or a
//!   consonant + ль (Кремль, Ярославль), or names a man;
//! * stress is unknown, so where the ending depends on it both spellings are generated
//!   (Чечнёй/Чечней, Кремлём/Кремлем); a form that does not exist only costs a pattern;
//! * fleeting vowels (Египет -> Египта) are not modelled: list such forms as aliases.

/// Number of slots in a paradigm.
pub const SLOTS: usize = 10;

/// Forms of one word per slot; an empty slot means "this word has no such form".
pub type Paradigm = [Vec<String>; SLOTS];

pub mod tables;

use tables::Table;

/// The first plural slot.
const PL: usize = 5;

/// How many forms one slot of a multi-word alias may produce (a guard on the product).
const MAX_PER_SLOT: usize = 16;

/// The inflected forms of `alias` (without the alias itself), in slot order, deduplicated.
pub fn forms(alias: &str, person: bool) -> Vec<String> {
    let words: Vec<&str> = alias.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || !alias.chars().any(is_cyrillic) {
        return Vec::new();
    }
    let feminine = person && words.iter().any(|w| feminine_name_word(&lower(w)));
    let n = words.len();
    let mut paradigms: Vec<Option<Paradigm>> = Vec::with_capacity(n);
    let mut head_seen = false;
    for (i, w) in words.iter().enumerate() {
        if !person && head_seen {
            paradigms.push(None);
            continue;
        }
        let ctx = Ctx {
            person,
            last: i + 1 == n,
            feminine,
        };
        let p = hyphenated(w, &ctx);
        if !person && !is_adjective(&lower(w)) {
            head_seen = true;
        }
        paradigms.push(p);
    }
    if paradigms.iter().all(Option::is_none) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for slot in 0..SLOTS {
        // Plurals only for single-word family names.
        if slot >= PL && n > 1 {
            break;
        }
        let mut acc: Vec<String> = vec![String::new()];
        let mut ok = true;
        for (i, w) in words.iter().enumerate() {
            let variants: Vec<String> = match &paradigms[i] {
                None => vec![w.to_string()],
                Some(p) if p[slot].is_empty() => {
                    ok = false;
                    break;
                }
                Some(p) => p[slot].clone(),
            };
            let mut next = Vec::new();
            for prefix in &acc {
                for v in &variants {
                    if next.len() >= MAX_PER_SLOT {
                        break;
                    }
                    let sep = if prefix.is_empty() { "" } else { " " };
                    next.push(format!("{prefix}{sep}{v}"));
                }
            }
            acc = next;
        }
        if !ok {
            continue;
        }
        for f in acc {
            if f != alias && !out.contains(&f) {
                out.push(f);
            }
        }
    }
    out
}

struct Ctx {
    person: bool,
    last: bool,
    feminine: bool,
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn ends_any(w: &str, endings: &[&str]) -> bool {
    endings.iter().any(|e| w.ends_with(e))
}

/// The last char of `w` before `cut` trailing chars.
fn char_before(w: &str, cut: usize) -> Option<char> {
    w.chars().rev().nth(cut)
}

fn stem(w: &str, cut: usize) -> &str {
    let at = w
        .char_indices()
        .rev()
        .nth(cut.saturating_sub(1))
        .map_or(w.len(), |(i, _)| i);
    if cut == 0 {
        w
    } else {
        &w[..at]
    }
}

fn feminine_name_word(w: &str) -> bool {
    ends_any(
        w,
        &[
            "ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "овна", "евна", "ична",
        ],
    )
}

/// Adjectives (and participles) by ending: they agree with the head noun.
fn is_adjective(w: &str) -> bool {
    if ends_any(w, &["ый", "ой", "ая", "яя", "ое", "ее", "ые"]) {
        return true;
    }
    if w.ends_with("ий") {
        return adjective_ij(w);
    }
    if w.ends_with("ие") {
        return adjective_ie(w);
    }
    false
}

/// -ий adjectives: after к, х, ж, ш, ч, щ, or -ний not -ений (Нижний vs Евгений).
fn adjective_ij(w: &str) -> bool {
    match char_before(w, 2) {
        Some('к' | 'х' | 'ж' | 'ш' | 'ч' | 'щ') => true,
        Some('н') => !ends_any(w, &["ений", "аний"]),
        _ => false,
    }
}

/// -ие plural adjectives (Арабские, Нижние) vs neuter nouns (Управление, Развитие).
fn adjective_ie(w: &str) -> bool {
    match char_before(w, 2) {
        Some('к' | 'г' | 'х' | 'ж' | 'ш' | 'ч' | 'щ') => true,
        Some('н') => !ends_any(w, &["ение", "ание", "яние"]),
        _ => false,
    }
}

/// Declines a possibly hyphenated word: the last part (Санкт-Петербург), or the first in
/// "X-на-Y" names (Ростов-на-Дону).
fn hyphenated(w: &str, ctx: &Ctx) -> Option<Paradigm> {
    if !w.contains('-') {
        return word(w, ctx);
    }
    let parts: Vec<&str> = w.split('-').collect();
    let lw = lower(w);
    let idx = if lw.contains("-на-") || lw.contains("-над-") {
        0
    } else {
        parts.len() - 1
    };
    let p = word(parts[idx], ctx)?;
    Some(p.map(|forms| {
        forms
            .into_iter()
            .map(|f| {
                let mut ps: Vec<&str> = parts.clone();
                ps[idx] = &f;
                ps.join("-")
            })
            .collect()
    }))
}

fn empty() -> Paradigm {
    Default::default()
}

/// Builds the forms of `w` by table `t` into slots `from..` of `p` (`y`: the adjective's stem
/// vowel; see [`tables`] for the notation).
fn apply(p: &mut Paradigm, from: usize, t: &Table, w: &str, person: bool, y: &str) {
    let s = stem(w, t.cut);
    for (slot, ends) in t.endings.iter().enumerate() {
        p[from + slot] = ends
            .iter()
            .map(|e| match e.strip_prefix('~') {
                _ if *e == "=" => w.to_string(),
                Some(_) if !person => w.to_string(),
                Some(gen) => format!("{s}{gen}"),
                None => format!("{s}{}", e.replace('Y', y)),
            })
            .collect();
    }
}

/// The paradigm of one word, or `None` when it does not decline.
fn word(w: &str, ctx: &Ctx) -> Option<Paradigm> {
    let lw = lower(w);
    let letters = lw.chars().count();
    if letters < 3 || !lw.chars().all(|c| is_cyrillic(c) && c.is_alphabetic()) {
        return None;
    }
    if !w.chars().any(char::is_lowercase) {
        return None; // abbreviation (МИД, ФСБ, США)
    }
    let mut p = empty();
    if let Some(t) = surname_table(&lw, ctx) {
        apply(&mut p, 0, t, w, ctx.person, "");
    } else if is_adjective(&lw) {
        let (t, y, plural) = adjective_table(&lw);
        apply(&mut p, 0, t, w, ctx.person, y);
        if plural && ctx.person {
            apply(&mut p, PL, &tables::ADJ_PERSON_PLURAL, w, ctx.person, y);
        }
    } else {
        apply(&mut p, 0, noun_table(&lw, ctx)?, w, ctx.person, "");
    }
    Some(p)
}

/// The table of an adjective (`lw` lowercase, [`is_adjective`]), its stem vowel, and whether a
/// person's family name of this form has a plural.
fn adjective_table(lw: &str) -> (&'static Table, &'static str, bool) {
    let end2: String = lw.chars().skip(lw.chars().count() - 2).collect();
    let before = char_before(lw, 2);
    let soft = matches!(end2.as_str(), "ий" | "яя" | "ее" | "ие");
    let y = if soft || velar_sib(before) {
        "и"
    } else {
        "ы"
    };
    let t = match end2.as_str() {
        "ый" | "ой" => &tables::ADJ_HARD_M,
        "ий" if !velar_sib(before) || sibilant(before) => &tables::ADJ_SOFT_M,
        "ий" => &tables::ADJ_VELAR_M,
        "ая" if sibilant(before) => &tables::ADJ_HUSHING_F,
        "ая" => &tables::ADJ_HARD_F,
        "яя" => &tables::ADJ_SOFT_F,
        "ое" => &tables::ADJ_HARD_N,
        "ее" => &tables::ADJ_SOFT_N,
        _ => &tables::ADJ_PLURAL,
    };
    (t, y, matches!(end2.as_str(), "ий" | "ой" | "ая"))
}

/// The table of a person's family name in -ов/-ев/-ёв (anywhere) or -ин/-ын (last word), and
/// their feminine forms.
fn surname_table(lw: &str, ctx: &Ctx) -> Option<&'static Table> {
    if !ctx.person {
        None
    } else if ends_any(lw, &["ов", "ев", "ёв"]) || (ctx.last && ends_any(lw, &["ин", "ын"]))
    {
        Some(&tables::SURNAME_M)
    } else if ends_any(lw, &["ова", "ева", "ёва"]) || (ctx.last && ends_any(lw, &["ина", "ына"]))
    {
        Some(&tables::SURNAME_F)
    } else {
        None
    }
}

/// The table of a word that is neither a family name nor an adjective (`lw` lowercase, at least
/// three Cyrillic letters).
fn noun_table(lw: &str, ctx: &Ctx) -> Option<&'static Table> {
    let last = lw.chars().next_back()?;
    let prev = char_before(lw, 1);
    let vowel = |c: Option<char>| c.is_some_and(|c| "аеёиоуыэюя".contains(c));
    Some(match last {
        'я' if prev == Some('и') => &tables::NOUN_IJA,
        'я' if vowel(prev) => &tables::NOUN_VOWEL_JA,
        'я' => &tables::NOUN_JA,
        'а' if vowel(prev) => return None,
        'а' if sibilant(prev) && velar_sib(prev) => &tables::NOUN_HUSHING_A,
        'а' if sibilant(prev) => &tables::NOUN_TS_A,
        'а' if velar_sib(prev) => &tables::NOUN_VELAR_A,
        'а' => &tables::NOUN_A,
        'о' if ends_any(lw, &["ство", "тво", "ово", "ево", "ёво", "ино", "ыно"]) => {
            &tables::NOUN_NEUTER_O
        }
        'е' if lw.ends_with("ие") => &tables::NOUN_IE,
        'е' if lw.ends_with("ье") => &tables::NOUN_JE,
        'ы' if !ctx.person && !velar_sib(prev) => &tables::NOUN_PLURAL_Y,
        'й' if prev == Some('и') => &tables::NOUN_IJ,
        'й' => &tables::NOUN_J,
        'ь' => {
            let masculine = !sibilant(prev)
                && (ends_any(lw, &["тель", "арь", "ырь", "орь", "ярь"])
                    || (prev == Some('л') && char_before(lw, 2).is_some_and(|c| !vowel(Some(c))))
                    || (ctx.person && !ctx.feminine));
            if masculine {
                &tables::NOUN_SOFT_M
            } else {
                &tables::NOUN_SOFT_F
            }
        }
        c if c.is_alphabetic() && !vowel(Some(c)) => {
            if ctx.person && ctx.feminine {
                return None; // Мехрибан Алиева -> Мехрибан Алиевой
            }
            if sibilant(Some(c)) {
                &tables::NOUN_HUSHING_CONSONANT
            } else {
                &tables::NOUN_CONSONANT
            }
        }
        _ => return None,
    })
}

/// г к х ж ш ч щ: after them -ы is spelled -и.
fn velar_sib(c: Option<char>) -> bool {
    matches!(c, Some('г' | 'к' | 'х' | 'ж' | 'ш' | 'ч' | 'щ'))
}

/// ж ш ч щ ц: after them an unstressed -о- is spelled -е-.
fn sibilant(c: Option<char>) -> bool {
    matches!(c, Some('ж' | 'ш' | 'ч' | 'щ' | 'ц'))
}

#[cfg(test)]
mod tests;
