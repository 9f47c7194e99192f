//! Azerbaijani and Turkish case and possessive suffixes with vowel harmony.
//!
//! Only the last word of an alias takes suffixes ("İlham Əliyevin"). The suffix vowel follows the
//! last vowel of the word: two-way harmony (a / e, Azerbaijani ə) for the dative, locative,
//! ablative, plural and instrumental, four-way harmony (ı / i / u / ü) for the genitive, accusative
//! and possessive. After a vowel a buffer consonant comes in: `n` for the genitive (Bakının),
//! `y` for the dative and instrumental (Bakıya, Bakıyla), `n` (Azerbaijani) or `y` (Turkish) for
//! the accusative (Bakını / Bakü'yü), `s` for the possessive (Bakısı). Turkish locative and
//! ablative turn d to t after a voiceless consonant (Paris'te -> Paristen); Azerbaijani keeps d.
//!
//! The forms generated for one word: genitive, accusative, dative, locative, ablative, the
//! locative adjective (-dakı/-daki), the instrumental (-la/-yla), the 3rd-person possessive
//! with its cases (Bakısı, Bakısında), and for people the plural with its cases (Əliyevlər,
//! Əliyevlərin). A multi-word name whose last word already ends in the possessive (Azərbaycan
//! Respublikası, Xarici İşlər Nazirliyi) takes the cases after a pronominal `n`
//! (Respublikasının, Nazirliyində).
//!
//! The suffixes are data (`AFTER_CONSONANT`, `AFTER_VOWEL`, `PLURAL`, `COMPOUND_POSSESSIVE`) in a
//! notation whose capitals the word's harmony spells out.
//!
//! Not generated: all-caps abbreviations (written with a hyphen, "ABŞ-da", which the word
//! boundary already splits), consonant softening (k -> y/ğ, which names mostly do not undergo), and
//! Turkish apostrophe forms: the apostrophe is a word boundary, so "Bakü'de" tags `Bakü`.

/// Which language's spelling of the suffixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Azerbaijani (front low vowel ə, accusative buffer n, no d/t alternation).
    Az,
    /// Turkish (front low vowel e, accusative buffer y, d/t after voiceless consonants).
    Tr,
}

const BACK: &str = "aıouâû";
const FRONT: &str = "eəiöüîê";
const ROUNDED: &str = "ouöüû";
const VOICELESS: &str = "çfhkpsştq";

fn is_vowel(c: char) -> bool {
    BACK.contains(c) || FRONT.contains(c)
}

/// The vowel of the two-way suffixes (a / e or ə).
fn low(last: char, lang: Lang) -> char {
    match (BACK.contains(last), lang) {
        (true, _) => 'a',
        (false, Lang::Az) => 'ə',
        (false, Lang::Tr) => 'e',
    }
}

/// The vowel of the four-way suffixes (ı / i / u / ü).
fn high(last: char) -> char {
    match (BACK.contains(last), ROUNDED.contains(last)) {
        (true, false) => 'ı',
        (true, true) => 'u',
        (false, false) => 'i',
        (false, true) => 'ü',
    }
}

fn lower_char(c: char, lang: Lang) -> char {
    match (c, lang) {
        ('I', Lang::Tr | Lang::Az) => 'ı',
        ('İ', _) => 'i',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The suffixed forms of `alias` (without the alias itself).
pub fn forms(alias: &str, lang: Lang, person: bool) -> Vec<String> {
    let alias = alias.trim();
    let Some(last_word) = alias.split(' ').next_back() else {
        return Vec::new();
    };
    if last_word.chars().count() < 2
        || !last_word.chars().all(|c| c.is_alphabetic() || c == '-')
        || !last_word.chars().any(char::is_lowercase)
        || last_word
            .chars()
            .any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
    {
        return Vec::new();
    }
    let chars: Vec<char> = last_word.chars().map(|c| lower_char(c, lang)).collect();
    let Some(&v) = chars.iter().rev().find(|c| is_vowel(**c)) else {
        return Vec::new();
    };
    let final_char = *chars.last().expect("non-empty");
    let ends_vowel = is_vowel(final_char);
    let multi = alias.contains(' ');
    let h = Harmony {
        a: low(v, lang),
        i: high(v),
        d: if lang == Lang::Tr && VOICELESS.contains(final_char) {
            't'
        } else {
            'd'
        },
        buffer: if lang == Lang::Az { 'n' } else { 'y' },
        lang,
    };
    let tables: &[&[&str]] = if multi && !person && ends_vowel && "ıiuü".contains(final_char) {
        &[COMPOUND_POSSESSIVE]
    } else {
        match (ends_vowel, person) {
            (true, false) => &[AFTER_VOWEL],
            (true, true) => &[AFTER_VOWEL, PLURAL],
            (false, false) => &[AFTER_CONSONANT],
            (false, true) => &[AFTER_CONSONANT, PLURAL],
        }
    };
    let mut out: Vec<String> = Vec::new();
    for suffix in tables.iter().flat_map(|t| t.iter()) {
        let f = format!("{alias}{}", h.spell(suffix));
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// The suffixes as data, in the order the forms are generated. Notation: `A` the two-way vowel
/// (a / e or ə), `I` the four-way vowel (ı / i / u / ü), `P` the four-way vowel after the plural
/// `lAr`, `D` d (t in Turkish after a voiceless consonant), `B` the accusative buffer (n in
/// Azerbaijani, y in Turkish), `K` the vowel of -dakı/-daki (ı only in Azerbaijani after a back
/// vowel); other letters stand for themselves.
///
/// After a consonant: genitive, accusative, dative, locative, ablative, -dakı, instrumental,
/// then the possessive and its cases.
const AFTER_CONSONANT: &[&str] = &[
    "In", "I", "A", "DA", "DAn", "DAkK", "lA", "I", "InIn", "InI", "InA", "IndA", "IndAn",
];
/// After a vowel: the same, with buffer consonants.
const AFTER_VOWEL: &[&str] = &[
    "nIn", "BI", "yA", "DA", "DAn", "DAkK", "ylA", "sI", "sInIn", "sInI", "sInA", "sIndA", "sIndAn",
];
/// People: the plural and its cases.
const PLURAL: &[&str] = &["lAr", "lArPn", "lArP", "lArA", "lArdA", "lArdAn", "lArlA"];
/// A multi-word name whose last word ends in the possessive: cases after a pronominal n.
const COMPOUND_POSSESSIVE: &[&str] = &["nIn", "nI", "nA", "ndA", "ndAn", "ndAkK"];

/// The harmony of one word: what the letters of the suffix notation stand for.
struct Harmony {
    a: char,
    i: char,
    d: char,
    buffer: char,
    lang: Lang,
}

impl Harmony {
    /// `suffix` in the notation of the tables, spelled for this word.
    fn spell(&self, suffix: &str) -> String {
        suffix
            .chars()
            .map(|c| match c {
                'A' => self.a,
                'I' => self.i,
                'P' => high(self.a),
                'D' => self.d,
                'B' => self.buffer,
                'K' if self.lang == Lang::Az && self.a == 'a' => 'ı',
                'K' => 'i',
                c => c,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case = (
        &'static str,
        &'static str,
        Lang,
        bool,
        &'static [&'static str],
        &'static [&'static str],
    );

    const CASES: &[Case] = &[
        (
            "az back unrounded vowel-final",
            "Bakı",
            Lang::Az,
            false,
            &[
                "Bakının",
                "Bakını",
                "Bakıya",
                "Bakıda",
                "Bakıdan",
                "Bakıdakı",
                "Bakısı",
                "Bakısında",
                "Bakıyla",
            ],
            &["Bakıyı", "Bakıde"],
        ),
        (
            "az back a-final",
            "Rusiya",
            Lang::Az,
            false,
            &["Rusiyanın", "Rusiyanı", "Rusiyaya", "Rusiyada", "Rusiyadan"],
            &["Rusiyanin"],
        ),
        (
            "az front consonant",
            "Əliyev",
            Lang::Az,
            true,
            &[
                "Əliyevin",
                "Əliyevi",
                "Əliyevə",
                "Əliyevdə",
                "Əliyevdən",
                "Əliyevlə",
                "Əliyevlər",
                "Əliyevlərin",
                "Əliyevlərə",
            ],
            &["Əliyevde", "Əliyevin̈"],
        ),
        (
            "az front rounded",
            "Gürcüstan",
            Lang::Az,
            false,
            &["Gürcüstanın", "Gürcüstana", "Gürcüstanda"],
            &[],
        ),
        (
            "az back rounded",
            "Moskva",
            Lang::Az,
            false,
            &["Moskvanın", "Moskvaya", "Moskvada", "Moskvadan"],
            &[],
        ),
        (
            "az rounded u",
            "Şuşa",
            Lang::Az,
            false,
            &["Şuşanın", "Şuşaya"],
            &[],
        ),
        (
            "az rounded final vowel",
            "Tokio",
            Lang::Az,
            false,
            &["Tokionun", "Tokioya", "Tokioda", "Tokionu"],
            &[],
        ),
        (
            "tr front rounded final",
            "Bakü",
            Lang::Tr,
            false,
            &["Bakünün", "Baküyü", "Baküye", "Baküde"],
            &["Bakünin"],
        ),
        (
            "az no t after voiceless",
            "Naxçıvan",
            Lang::Az,
            false,
            &["Naxçıvanda"],
            &[],
        ),
        (
            "az voiceless final keeps d",
            "Sumqayıt",
            Lang::Az,
            false,
            &["Sumqayıtda", "Sumqayıtdan", "Sumqayıtın"],
            &["Sumqayıtta"],
        ),
        (
            "tr t after voiceless",
            "Paris",
            Lang::Tr,
            false,
            &["Paristen", "Pariste", "Parisin"],
            &["Parisde"],
        ),
        (
            "tr accusative buffer y",
            "Rusya",
            Lang::Tr,
            false,
            &["Rusyayı", "Rusyanın", "Rusyaya", "Rusyada"],
            &["Rusyanı"],
        ),
        (
            "tr front",
            "Erdoğan",
            Lang::Tr,
            true,
            &["Erdoğanın", "Erdoğana", "Erdoğanlar"],
            &[],
        ),
        (
            "multi-word person: last word",
            "İlham Əliyev",
            Lang::Az,
            true,
            &["İlham Əliyevin", "İlham Əliyevə"],
            &["İlhamın Əliyevin"],
        ),
        (
            "possessive compound",
            "Azərbaycan Respublikası",
            Lang::Az,
            false,
            &[
                "Azərbaycan Respublikasının",
                "Azərbaycan Respublikasında",
                "Azərbaycan Respublikasına",
                "Azərbaycan Respublikasını",
            ],
            &["Azərbaycan Respublikasıya"],
        ),
        (
            "possessive compound tr",
            "Dışişleri Bakanlığı",
            Lang::Tr,
            false,
            &[
                "Dışişleri Bakanlığına",
                "Dışişleri Bakanlığında",
                "Dışişleri Bakanlığının",
            ],
            &[],
        ),
        ("abbreviation", "ABŞ", Lang::Az, false, &[], &[]),
        (
            "cyrillic is not suffixed",
            "Баку",
            Lang::Az,
            false,
            &[],
            &[],
        ),
    ];

    #[test]
    fn suffix_rules() {
        for (name, alias, lang, person, want, not) in CASES {
            let got = forms(alias, *lang, *person);
            for w in *want {
                assert!(
                    got.iter().any(|g| g == w),
                    "case {name}: {alias} should give {w}; got {got:?}"
                );
            }
            for w in *not {
                assert!(
                    !got.iter().any(|g| g == w),
                    "case {name}: {alias} must not give {w}; got {got:?}"
                );
            }
            if want.is_empty() {
                assert!(
                    got.is_empty(),
                    "case {name}: {alias} takes no suffix; got {got:?}"
                );
            }
        }
    }
}
