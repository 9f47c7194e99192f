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
    let a = low(v, lang);
    let i = high(v);
    let d = if lang == Lang::Tr && VOICELESS.contains(final_char) {
        't'
    } else {
        'd'
    };
    let multi = alias.contains(' ');
    let mut out: Vec<String> = Vec::new();
    let mut push = |suffix: String| {
        let f = format!("{alias}{suffix}");
        if !out.contains(&f) {
            out.push(f);
        }
    };
    let acc_buffer = if lang == Lang::Az { 'n' } else { 'y' };
    // Azerbaijani -dakı/-dəki, Turkish -daki/-deki.
    let dakı = |d: char| {
        format!(
            "{d}{a}k{}",
            if lang == Lang::Az && a == 'a' {
                'ı'
            } else {
                'i'
            }
        )
    };
    if multi && !person && ends_vowel && "ıiuü".contains(final_char) {
        // Compound with a possessive head: pronominal n before the case.
        for s in [
            format!("n{i}n"),
            format!("n{i}"),
            format!("n{a}"),
            format!("nd{a}"),
            format!("nd{a}n"),
            format!("nd{}", &dakı('d')[1..]),
        ] {
            push(s);
        }
        return out;
    }
    if ends_vowel {
        push(format!("n{i}n"));
        push(format!("{acc_buffer}{i}"));
        push(format!("y{a}"));
    } else {
        push(format!("{i}n"));
        push(format!("{i}"));
        push(format!("{a}"));
    }
    push(format!("{d}{a}"));
    push(format!("{d}{a}n"));
    push(dakı(d));
    push(if ends_vowel {
        format!("yl{a}")
    } else {
        format!("l{a}")
    });
    // Possessive 3rd person and its cases.
    let poss = if ends_vowel {
        format!("s{i}")
    } else {
        format!("{i}")
    };
    push(poss.clone());
    for s in [
        format!("n{i}n"),
        format!("n{i}"),
        format!("n{a}"),
        format!("nd{a}"),
        format!("nd{a}n"),
    ] {
        push(format!("{poss}{s}"));
    }
    if person {
        let lar = format!("l{a}r");
        let pl_i = high(a);
        push(lar.clone());
        for s in [
            format!("{pl_i}n"),
            format!("{pl_i}"),
            format!("{a}"),
            format!("d{a}"),
            format!("d{a}n"),
            format!("l{a}"),
        ] {
            push(format!("{lar}{s}"));
        }
    }
    out
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
