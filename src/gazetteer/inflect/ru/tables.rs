//! The Russian paradigms as data: for each declension type, how much of the nominative to cut
//! for the stem and the endings of every slot. `super::word` picks the table by the word's
//! ending; `super::apply` builds the forms.
//!
//! Ending notation: `=` is the nominative itself; a leading `~` marks an animate accusative
//! (the genitive ending for people, the nominative otherwise); `Y` stands for the adjective's
//! stem vowel, `и` after a soft stem or г к х ж ш ч щ, else `ы`. Slots: genitive, dative,
//! accusative, instrumental, prepositional, then (family names) plural nominative, genitive,
//! dative, instrumental, prepositional. Several endings in one slot are spellings the rules
//! cannot choose between (stress is unknown).

/// One declension type.
#[derive(Debug)]
pub struct Table {
    /// Trailing chars of the nominative cut off for the stem.
    pub cut: usize,
    /// Endings per slot, from slot 0 (5 or 10 slots).
    pub endings: &'static [&'static [&'static str]],
}

/// Shorthand for the tables below.
const fn t(cut: usize, endings: &'static [&'static [&'static str]]) -> Table {
    Table { cut, endings }
}

/// Family name in -ов/-ев/-ёв/-ин/-ын (Алиев, Путин).
pub const SURNAME_M: Table = t(
    0,
    &[
        &["а"],
        &["у"],
        &["а"],
        &["ым"],
        &["е"],
        &["ы"],
        &["ых"],
        &["ым"],
        &["ыми"],
        &["ых"],
    ],
);
/// Feminine family name in -ова/-ева/-ёва/-ина/-ына (Захарова).
pub const SURNAME_F: Table = t(
    1,
    &[
        &["ой"],
        &["ой"],
        &["у"],
        &["ой"],
        &["ой"],
        &["ы"],
        &["ых"],
        &["ым"],
        &["ыми"],
        &["ых"],
    ],
);

/// Adjective -ый/-ой (Следственный, Тверской).
pub const ADJ_HARD_M: Table = t(2, &[&["ого"], &["ому"], &["~ого"], &["Yм"], &["ом"]]);
/// Adjective -ий with a soft stem (Нижний), or after ж ш ч щ ц.
pub const ADJ_SOFT_M: Table = t(2, &[&["его"], &["ему"], &["~его"], &["им"], &["ем"]]);
/// Adjective -ий after г к х (Жириновский).
pub const ADJ_VELAR_M: Table = t(2, &[&["ого"], &["ому"], &["~ого"], &["им"], &["ом"]]);
/// Adjective -ая (Государственная).
pub const ADJ_HARD_F: Table = t(2, &[&["ой"], &["ой"], &["ую"], &["ой", "ою"], &["ой"]]);
/// Adjective -ая after ж ш ч щ ц (Свежая: stress unknown, both spellings).
pub const ADJ_HUSHING_F: Table = t(
    2,
    &[
        &["ей", "ой"],
        &["ей", "ой"],
        &["ую"],
        &["ей", "ой"],
        &["ей", "ой"],
    ],
);
/// Adjective -яя (Нижняя).
pub const ADJ_SOFT_F: Table = t(2, &[&["ей"], &["ей"], &["юю"], &["ей"], &["ей"]]);
/// Adjective -ое (Центральное).
pub const ADJ_HARD_N: Table = t(2, &[&["ого"], &["ому"], &["="], &["Yм"], &["ом"]]);
/// Adjective -ее (Среднее).
pub const ADJ_SOFT_N: Table = t(2, &[&["его"], &["ему"], &["="], &["им"], &["ем"]]);
/// Plural adjective -ые/-ие: the alias is plural, its cases go in slots 0-4 (Арабские).
pub const ADJ_PLURAL: Table = t(2, &[&["Yх"], &["Yм"], &["="], &["Yми"], &["Yх"]]);
/// The plural of an adjectival family name (-ий/-ой/-ая of a person), slots 5-9.
pub const ADJ_PERSON_PLURAL: Table = t(2, &[&["Yе"], &["Yх"], &["Yм"], &["Yми"], &["Yх"]]);

/// Noun -ия (Россия).
pub const NOUN_IJA: Table = t(1, &[&["и"], &["и"], &["ю"], &["ей", "ею"], &["и"]]);
/// Noun -я after a vowel (Корея).
pub const NOUN_VOWEL_JA: Table = t(1, &[&["и"], &["е"], &["ю"], &["ей"], &["е"]]);
/// Noun -я after a consonant (Чечня: -ей or -ёй, stress unknown).
pub const NOUN_JA: Table = t(1, &[&["и"], &["е"], &["ю"], &["ей", "ёй"], &["е"]]);
/// Noun -а (Москва).
pub const NOUN_A: Table = t(1, &[&["ы"], &["е"], &["у"], &["ой", "ою"], &["е"]]);
/// Noun -а after г к х (Волга).
pub const NOUN_VELAR_A: Table = t(1, &[&["и"], &["е"], &["у"], &["ой", "ою"], &["е"]]);
/// Noun -а after ж ш ч щ (Межа).
pub const NOUN_HUSHING_A: Table = t(1, &[&["и"], &["е"], &["у"], &["ей", "ой"], &["е"]]);
/// Noun -а after ц (Птица).
pub const NOUN_TS_A: Table = t(1, &[&["ы"], &["е"], &["у"], &["ей", "ой"], &["е"]]);
/// Neuter -ство/-тво/-ово/-ево/-ёво/-ино/-ыно (Министерство, Шереметьево).
pub const NOUN_NEUTER_O: Table = t(1, &[&["а"], &["у"], &["="], &["ом"], &["е"]]);
/// Neuter -ие (Управление).
pub const NOUN_IE: Table = t(1, &[&["я"], &["ю"], &["="], &["ем"], &["и"]]);
/// Neuter -ье (Приморье).
pub const NOUN_JE: Table = t(1, &[&["я"], &["ю"], &["="], &["ем"], &["е"]]);
/// Plural noun -ы (Нидерланды).
pub const NOUN_PLURAL_Y: Table = t(1, &[&["ов"], &["ам"], &["="], &["ами"], &["ах"]]);
/// Noun -ий (Дмитрий).
pub const NOUN_IJ: Table = t(1, &[&["я"], &["ю"], &["~я"], &["ем"], &["и"]]);
/// Noun -й (Китай).
pub const NOUN_J: Table = t(1, &[&["я"], &["ю"], &["~я"], &["ем"], &["е"]]);
/// Masculine -ь (Кремль, Игорь: -ем or -ём, stress unknown).
pub const NOUN_SOFT_M: Table = t(1, &[&["я"], &["ю"], &["~я"], &["ем", "ём"], &["е"]]);
/// Feminine -ь (Казань).
pub const NOUN_SOFT_F: Table = t(1, &[&["и"], &["и"], &["="], &["ью"], &["и"]]);
/// Masculine consonant (Екатеринбург).
pub const NOUN_CONSONANT: Table = t(0, &[&["а"], &["у"], &["~а"], &["ом"], &["е"]]);
/// Masculine noun in ж ш ч щ ц (Бабич).
pub const NOUN_HUSHING_CONSONANT: Table = t(0, &[&["а"], &["у"], &["~а"], &["ем"], &["е"]]);
