//! Stage 7, name chains: one sense per document, over the merged lexicon and rule mentions.
//!
//! Reads: the final text, its language and the mentions after the context rules (sorted,
//! non-overlapping). Creates: the same list with more mentions linked and a few re-labelled, each
//! change with `resolved_by: "chain"`. Language-agnostic; Russian inflection is a hook.
//!
//! Policy, for a document:
//! * once a person is named with two or more words ("Naoki Soma", "Александр Вертинский"), a
//!   later or earlier capitalized word equal to the surname (the last word) is that person, with
//!   the same id; in documents detected as Russian (or Ukrainian/Belarusian) the surname's
//!   inflected forms count too ("Вертинского": [`crate::gazetteer::inflect`]). This also takes
//!   the word from a one-word place or organization a lexicon found there ("Soma" is a town too):
//!   in the document the name is the person's. A surname shared by two people of the document
//!   links to neither;
//! * an organization named with two or more capitalized words ("Kurdistan Democratic Party")
//!   gives its acronym ("KDP", function words skipped) to a free all-caps word of the document;
//! * a one-word place right before a one-word person that a rule or a chain found ("Nika"
//!   before "Melia" once "Melia" is a person) is the person's given name: the two become one
//!   person mention (a place before a full name is not: "президент России Владимир Путин"; nor
//!   one after a lexicon's person: "Əliyev Bakıda");
//! * a town a team rule made an organization ("BOSTON 6 Oakland 4") is that team in its other
//!   mentions of the document written the same way ("lift Oakland into a tie"), not after a
//!   place preposition ("in Oakland") nor in capitals (a dateline);
//! * guards: a word joined to another capitalized word ("Soma Bay") or a sentence-initial word
//!   the document also writes in lowercase is left alone; existing person mentions are never
//!   changed.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use crate::gazetteer::inflect::{self, InflectLang};
use crate::gazetteer::lexicon::slug;
use crate::gazetteer::{resolved, Mention};

/// The `lexicon` of mentions the chains add for people and organizations the lexicons found.
pub const CHAIN: &str = "rule:chain";

/// Links the other mentions of the document's names (see the module docs).
pub fn link(text: &str, lang: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    if mentions.is_empty() {
        return mentions;
    }
    let russian = InflectLang::Ru.applies_to(lang);
    // Surname (and its forms) -> the person mention, None when two people share it.
    let mut people: BTreeMap<String, Option<usize>> = BTreeMap::new();
    let mut acronyms: BTreeMap<String, Option<usize>> = BTreeMap::new();
    // One buffer for the words of every mention (most mentions are one word and stop here).
    let mut parts: Vec<&str> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        parts.clear();
        parts.extend(text[m.start..m.end].split_whitespace());
        if parts.len() < 2 {
            continue;
        }
        let add = |map: &mut BTreeMap<String, Option<usize>>, key: String| {
            let slot = map.entry(key).or_insert(Some(i));
            if slot.is_some_and(|j| mentions[j].id != m.id) {
                *slot = None;
            }
        };
        match &*m.label {
            "PER" => {
                let surname = parts[parts.len() - 1];
                if surname.chars().count() < 3 || !capitalized(surname) {
                    continue;
                }
                add(&mut people, surname.to_string());
                if russian && surname.chars().any(is_cyrillic) {
                    for f in inflect::forms(InflectLang::Ru, surname, true) {
                        add(&mut people, f);
                    }
                }
            }
            "ORG" => {
                if let Some(a) = acronym(&parts) {
                    add(&mut acronyms, a);
                }
            }
            _ => {}
        }
    }
    let mut out = mentions;
    if !people.is_empty() || !acronyms.is_empty() {
        let mentions = &out;
        let words = words(text);
        // Whether the document writes a word in lowercase, asked for sentence-initial candidates
        // only: the first few questions scan the words, later ones use a set of them.
        let mut asked = 0;
        let mut lower: Option<FxHashSet<&str>> = None;
        let mut written_lower = |lw: &str| {
            asked += 1;
            if asked <= SCANS_BEFORE_SET {
                return lw.chars().next().is_some_and(char::is_lowercase)
                    && words.iter().any(|&(a, b)| &text[a..b] == lw);
            }
            lower
                .get_or_insert_with(|| lowercase_words(text, &words))
                .contains(lw)
        };
        let mut added = Vec::new();
        let mut replaced = FxHashSet::default();
        for (k, &(s, e)) in words.iter().enumerate() {
            let w = &text[s..e];
            // Every surname and acronym key starts with an uppercase letter (`capitalized`,
            // `acronym`): no other word can be one.
            if !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let target = if capitalized(w) {
                people.get(w).copied().flatten()
            } else {
                None
            }
            .or_else(|| acronyms.get(w).copied().flatten());
            let Some(t) = target else { continue };
            let joined = |j: Option<usize>| {
                j.and_then(|j| words.get(j)).is_some_and(|&(a, b)| {
                    let gap = if a > e { &text[e..a] } else { &text[b..s] };
                    // A capitalized sentence opener before the word is no part of a name.
                    gap == " " && capitalized(&text[a..b]) && !(a < s && initial(text, a))
                })
            };
            if joined(k.checked_sub(1)) || joined(Some(k + 1)) {
                continue;
            }
            // "Le Pen" after "Marine Le Pen": the word before is part of the surname.
            let before = k.checked_sub(1).map(|j| words[j]);
            if before.is_some_and(|(a, b)| {
                &text[b..s] == " " && within_name(text, &mentions[t], &text[a..b])
            }) {
                continue;
            }
            if initial(text, s) && written_lower(&w.to_lowercase()) {
                continue;
            }
            // The word is free, or is a whole one-word place or organization mention.
            let at = mentions.partition_point(|m| m.end <= s);
            let covering = mentions.get(at).filter(|m| m.start < e);
            match covering {
                None => {}
                Some(m) if m.start == s && m.end == e && &*m.label != "PER" && at != t => {
                    if mentions[t].label == m.label && mentions[t].id == m.id {
                        continue;
                    }
                    // "in Austin, Texas" stays a place: after a place preposition, or before
                    // ", " and another place.
                    let prev = k
                        .checked_sub(1)
                        .map(|j| text[words[j].0..words[j].1].to_lowercase());
                    let next_place = text[e..].starts_with(", ")
                        && mentions
                            .get(at + 1)
                            .is_some_and(|n| n.start == e + 2 && &*n.label == "LOC");
                    if &*m.label == "LOC"
                        && (prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p.as_str()))
                            || next_place)
                    {
                        continue;
                    }
                    replaced.insert(at);
                }
                Some(_) => continue,
            }
            let src = &mentions[t];
            added.push(Mention {
                start: s,
                end: e,
                lexicon: if src.lexicon.starts_with("rule:") {
                    src.lexicon.clone()
                } else {
                    CHAIN.into()
                },
                resolved_by: resolved::CHAIN,
                ..src.clone()
            });
        }
        if !added.is_empty() {
            let mut k = 0;
            out.retain(|_| {
                k += 1;
                !replaced.contains(&(k - 1))
            });
            out.extend(added);
            out.sort_by_key(|m| m.start);
        }
    }
    merge_place_into_person(text, &mut out);
    place_as_team(text, &mut out);
    out
}

/// How many "is this word written in lowercase" questions a document's name chains answer by
/// scanning its words before they build a set of them (most documents ask once or twice).
const SCANS_BEFORE_SET: usize = 8;

/// The words of `text` (`words`' ranges) that start with a lowercase letter.
fn lowercase_words<'t>(text: &'t str, words: &[(usize, usize)]) -> FxHashSet<&'t str> {
    words
        .iter()
        .map(|&(s, e)| &text[s..e])
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
}

/// Joins a one-word `LOC` mention and a one-word person mention next to it (one space between, same
/// line) into one person mention; returns whether it changed anything.
fn merge_place_into_person(text: &str, out: &mut Vec<Mention>) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let adjacent = &text[a.end..b.start] == " ";
        let one_word = |m: &Mention| !text[m.start..m.end].contains(char::is_whitespace);
        // Only a one-word person: a full name already has its given name, and a place before
        // it is a genitive or an attribute ("президент России Владимир Путин").
        // Only a given-name position (the place first) and a person no lexicon knows under
        // that word: "Əliyev Bakıda" (Azerbaijani word order) is a person and a place.
        let pair = &*a.label == "LOC"
            && &*b.label == "PER"
            && b.resolved_by != resolved::UNIQUE
            && b.resolved_by != resolved::PRIORITY
            && b.resolved_by != resolved::CONTEXT_DOCUMENT
            && one_word(a)
            && one_word(b)
            && capitalized(&text[a.start..a.end]);
        if adjacent && pair && !initial_only_place(text, a) {
            let span: Arc<str> = text[a.start..b.end].into();
            let merged = Mention {
                start: a.start,
                end: b.end,
                label: "PER".into(),
                id: format!("per:{}", slug(&span)).into(),
                name: span,
                lexicon: CHAIN.into(),
                resolved_by: resolved::CHAIN,
            };
            out.splice(i..i + 2, [merged]);
            changed = true;
        }
        i += 1;
    }
    changed
}

/// The `lexicon` prefix of the context rules that find a team named by its town ("Oakland 4
/// Boston 3": `team-score-first`, `team-score-second`, `team-standings` in `rules/en-news.toml`).
const TEAM_RULES: &str = "rule:team-";

/// One sense per document for a town that names a team: once a team rule made a place an
/// organization ("BOSTON 6 Oakland 4"), the other mentions of that place written the same way are
/// the team too ("... lift Oakland into a 1-1 tie"), with the team's id. Not after a place
/// preposition ("the game in Oakland"), nor a mention in capitals (a dateline or a headline);
/// returns whether it changed anything.
fn place_as_team(text: &str, out: &mut [Mention]) -> bool {
    let teams: BTreeMap<&str, Mention> = out
        .iter()
        .filter(|m| &*m.label == "ORG" && m.lexicon.starts_with(TEAM_RULES))
        .map(|m| (&text[m.start..m.end], m.clone()))
        .collect();
    if teams.is_empty() {
        return false;
    }
    let mut changed = false;
    for m in out.iter_mut() {
        let w = &text[m.start..m.end];
        if &*m.label != "LOC" || !w.chars().any(char::is_lowercase) {
            continue;
        }
        let Some(team) = teams.get(w) else { continue };
        let prev = text[..m.start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .map(str::to_lowercase);
        if prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p.as_str())) {
            continue;
        }
        *m = Mention {
            start: m.start,
            end: m.end,
            resolved_by: resolved::CHAIN,
            ..team.clone()
        };
        changed = true;
    }
    changed
}

/// A place at the start of a sentence before a person is more often a dateline or a subject
/// ("Moscow Putin ..." does not happen, "TBILISI Nika Melia" does): kept apart when the place
/// word is all caps.
fn initial_only_place(text: &str, m: &Mention) -> bool {
    let w = &text[m.start..m.end];
    m.label.as_ref() == "LOC" && w.chars().all(|c| !c.is_lowercase())
}

/// Words before which a capitalized word is a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "into",
    "across",
    "outside",
    "inside",
    "via",
    "toward",
    "towards",
    "в",
    "во",
    "из",
    "на",
    "под",
    "около",
];

/// Whether `word` is one of the words of `person`'s name before its surname.
fn within_name(text: &str, person: &Mention, word: &str) -> bool {
    let parts: Vec<&str> = text[person.start..person.end].split_whitespace().collect();
    parts[..parts.len().saturating_sub(1)].contains(&word)
}

/// The acronym of an organization's name: the initials of its capitalized words (function words
/// skipped), at least two letters; `None` when a word is neither.
fn acronym(parts: &[&str]) -> Option<String> {
    const SKIP: &[&str] = &[
        "of", "the", "for", "and", "de", "du", "des", "la", "le", "on", "in",
    ];
    let mut a = String::new();
    for p in parts {
        if SKIP.contains(p) {
            continue;
        }
        let c = p.chars().next()?;
        if !c.is_uppercase() {
            return None;
        }
        a.push(c);
    }
    (a.chars().count() >= 2).then_some(a)
}

/// Byte ranges of the words of `text`: runs of letters, digits and marks, with an inner
/// apostrophe or hyphen kept ("O'Neill", "Газпром-Медиа").
///
/// Byte by byte, with ASCII bytes classified without decoding a char (most text): the same
/// words as a walk over `char_indices` (`words_are_the_char_walk` checks).
fn words(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let alnum_at = |i: usize| match bytes.get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphanumeric),
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Fast path: an ASCII letter or digit (most bytes) starts or continues a word.
        if b.is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += 1;
            continue;
        }
        let (word_char, len, may_join) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1, b == b'\'' || b == b'-')
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            (c.is_alphanumeric(), c.len_utf8(), c == '’')
        };
        let joiner = may_join && start.is_some() && alnum_at(i + len);
        match (word_char || joiner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn capitalized(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4ff}')
}

/// Whether the word at byte `s` starts a sentence or a line.
fn initial(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end_matches([' ', '"', '“', '«', '(', '\'']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, span: &str, nth: usize, label: &str, id: &str) -> Mention {
        let start = text.match_indices(span).nth(nth).unwrap().0;
        Mention {
            start,
            end: start + span.len(),
            label: label.into(),
            id: id.into(),
            name: span.into(),
            lexicon: "lex".into(),
            resolved_by: resolved::UNIQUE,
        }
    }

    fn show(text: &str, ms: &[Mention]) -> Vec<String> {
        ms.iter()
            .map(|x| format!("{}/{}/{}", &text[x.start..x.end], x.label, x.id))
            .collect()
    }

    #[test]
    fn town_named_team_is_the_team_in_the_whole_document() {
        let text = "Boston 6 Oakland 4\n\nA single lifted Oakland into a tie. Fans in Oakland \
                    cheered. OAKLAND 1996-08-22";
        let team = |span: &str, nth: usize| Mention {
            lexicon: "rule:team-score-second".into(),
            ..m(text, span, nth, "ORG", "org:oakland")
        };
        let ms = vec![
            m(text, "Boston", 0, "LOC", "loc:boston"),
            team("Oakland", 0),
            m(text, "Oakland", 1, "LOC", "loc:oakland"),
            m(text, "Oakland", 2, "LOC", "loc:oakland"),
            m(text, "OAKLAND", 0, "LOC", "loc:oakland"),
        ];
        let out = link(text, "eng", ms);
        assert_eq!(
            show(text, &out),
            vec![
                "Boston/LOC/loc:boston",
                "Oakland/ORG/org:oakland",
                "Oakland/ORG/org:oakland",
                "Oakland/LOC/loc:oakland",
                "OAKLAND/LOC/loc:oakland",
            ]
        );
        assert_eq!(out[2].resolved_by, resolved::CHAIN);
        // Without a team rule's mention nothing changes.
        let plain = vec![m(text, "Oakland", 1, "LOC", "loc:oakland")];
        assert_eq!(
            show(text, &link(text, "eng", plain)),
            vec!["Oakland/LOC/loc:oakland"]
        );
    }

    /// The plain definition [`words`] must give: a walk over the chars.
    fn words_reference(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let word_char = c.is_alphanumeric();
            let joiner = matches!(c, '\'' | '’' | '-')
                && start.is_some()
                && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            match (word_char || joiner, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, text.len()));
        }
        out
    }

    #[test]
    fn words_cases() {
        let cases = [
            ("empty", "", vec![]),
            ("apostrophe inside", "O'Neill said", vec!["O'Neill", "said"]),
            ("curly apostrophe", "O’Neill", vec!["O’Neill"]),
            (
                "hyphen inside",
                "Газпром-Медиа, 2024",
                vec!["Газпром-Медиа", "2024"],
            ),
            (
                "joiner before a non-letter",
                "rock-'n- roll-",
                vec!["rock", "n", "roll"],
            ),
            ("leading joiner", "-x 'y", vec!["x", "y"]),
            ("marks split", "cafe\u{301} ok", vec!["cafe", "ok"]),
        ];
        for (name, text, want) in cases {
            let got: Vec<&str> = words(text).iter().map(|&(s, e)| &text[s..e]).collect();
            assert_eq!(got, want, "case {name}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_the_char_walk(text in "[a-zA-Z0-9 '’\\-.,ÄäЖж\u{301}\u{2019}ß1٣]{0,40}") {
            proptest::prop_assert_eq!(words(&text), words_reference(&text));
        }

        #[test]
        fn words_are_the_char_walk_any_text(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(words(&text), words_reference(&text));
        }
    }

    #[test]
    fn cases() {
        type Case = (
            &'static str,
            &'static str,
            &'static str,
            Vec<(&'static str, usize, &'static str, &'static str)>,
            Vec<&'static str>,
        );
        let cases: Vec<Case> = vec![
            (
                "surname after the full name takes a place mention",
                "eng",
                "Japan's Naoki Soma scored. Later Soma was booked.",
                vec![
                    ("Japan", 0, "LOC", "loc:jp"),
                    ("Naoki Soma", 0, "PER", "per:naoki-soma"),
                    ("Soma", 1, "LOC", "loc:soma"),
                ],
                vec![
                    "Japan/LOC/loc:jp",
                    "Naoki Soma/PER/per:naoki-soma",
                    "Soma/PER/per:naoki-soma",
                ],
            ),
            (
                "Russian surname in another case",
                "rus",
                "Александр Вертинский вернулся в Москву. Песни Вертинского звучат.",
                vec![
                    ("Александр Вертинский", 0, "PER", "per:av"),
                    ("Москву", 0, "LOC", "loc:msk"),
                ],
                vec![
                    "Александр Вертинский/PER/per:av",
                    "Москву/LOC/loc:msk",
                    "Вертинского/PER/per:av",
                ],
            ),
            (
                "inflected forms only in Russian documents",
                "eng",
                "Александр Вертинский. Песни Вертинского.",
                vec![("Александр Вертинский", 0, "PER", "per:av")],
                vec!["Александр Вертинский/PER/per:av"],
            ),
            (
                "shared surname links to no one",
                "eng",
                "John Smith met Anna Smith. Smith left.",
                vec![
                    ("John Smith", 0, "PER", "per:js"),
                    ("Anna Smith", 0, "PER", "per:as"),
                ],
                vec!["John Smith/PER/per:js", "Anna Smith/PER/per:as"],
            ),
            (
                "joined word is another name",
                "eng",
                "Naoki Soma scored. They met at Soma Bay.",
                vec![("Naoki Soma", 0, "PER", "per:ns")],
                vec!["Naoki Soma/PER/per:ns"],
            ),
            (
                "organization acronym",
                "eng",
                "The Kurdistan Democratic Party said the KDP would attend.",
                vec![("Kurdistan Democratic Party", 0, "ORG", "org:kdp")],
                vec!["Kurdistan Democratic Party/ORG/org:kdp", "KDP/ORG/org:kdp"],
            ),
            (
                "a place after a place preposition stays a place",
                "eng",
                "Lloyd Austin spoke. In Austin, Texas, people voted.",
                vec![
                    ("Lloyd Austin", 0, "PER", "per:la"),
                    ("Austin", 1, "LOC", "loc:austin"),
                    ("Texas", 0, "LOC", "loc:tx"),
                ],
                vec![
                    "Lloyd Austin/PER/per:la",
                    "Austin/LOC/loc:austin",
                    "Texas/LOC/loc:tx",
                ],
            ),
            (
                "a surname with a particle is not cut",
                "eng",
                "Marine Le Pen spoke. Le Pen left.",
                vec![("Marine Le Pen", 0, "PER", "per:mlp")],
                vec!["Marine Le Pen/PER/per:mlp"],
            ),
            (
                "a place before a full name is no part of it",
                "rus",
                "Президент России Владимир Путин заявил.",
                vec![
                    ("России", 0, "LOC", "loc:ru"),
                    ("Владимир Путин", 0, "PER", "per:vp"),
                ],
                vec!["России/LOC/loc:ru", "Владимир Путин/PER/per:vp"],
            ),
            (
                "sentence-initial common word",
                "eng",
                "Tom Young spoke. Young people came; the young left.",
                vec![("Tom Young", 0, "PER", "per:ty")],
                vec!["Tom Young/PER/per:ty"],
            ),
        ];
        for (name, lang, text, given, want) in cases {
            let ms: Vec<Mention> = given
                .iter()
                .map(|&(s, n, l, id)| m(text, s, n, l, id))
                .collect();
            let got = link(text, lang, ms);
            assert_eq!(show(text, &got), want, "{name}");
            assert!(
                got.windows(2).all(|w| w[0].end <= w[1].start),
                "{name}: sorted, no overlap"
            );
        }
    }

    #[test]
    fn a_place_before_a_one_word_person_a_rule_found_is_the_given_name() {
        let text = "Georgian opposition leader Nika Melia was detained.";
        let mut melia = m(text, "Melia", 0, "PER", "per:melia");
        melia.resolved_by = resolved::RULE;
        let got = link(
            text,
            "eng",
            vec![m(text, "Nika", 0, "LOC", "loc:nika"), melia.clone()],
        );
        assert_eq!(show(text, &got), ["Nika Melia/PER/per:nika-melia"]);
        // The same person from a lexicon keeps the place apart ("Əliyev Bakıda").
        melia.resolved_by = resolved::UNIQUE;
        let got = link(
            text,
            "eng",
            vec![m(text, "Nika", 0, "LOC", "loc:nika"), melia],
        );
        assert_eq!(
            show(text, &got),
            ["Nika/LOC/loc:nika", "Melia/PER/per:melia"]
        );
    }
}
