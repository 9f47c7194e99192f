//! Inflection of aliases at compile time, so matching stays one exact automaton pass.
//!
//! Reads: an alias of a lexicon whose config says `inflect = ["ru", "az", "tr"]`. Creates: its
//! inflected forms ([`forms`]), each tagged with the language that made it. The gazetteer adds
//! each form as a pattern whose candidate is restricted to documents of that language
//! ([`InflectLang::applies_to`]), so a Russian form never fires in English text.
//!
//! Policy choices:
//! * Russian paradigms in [`ru`] (const tables picked by the word's ending), Azerbaijani and
//!   Turkish suffixes in [`az_tr`] (const tables spelled by vowel harmony); the rules and their
//!   limits are in `lexicons/INFLECTION.md`, the forms pinned by `golden.tsv`;
//! * `person` (the entity's label is `PER`) selects the family-name paradigms;
//! * common words: [`common_word`] says whether a lowercase word is a word of the language, from
//!   the lists under `common/` (rebuilt by `common/make_common_words.py`). The gazetteer drops a
//!   generated form that is a common word when case cannot tell them apart; otherwise the form
//!   matches capitalized mid-sentence, and at a sentence start or in capitals only when its entity
//!   is named elsewhere in the document.

pub mod az_tr;
pub mod ru;

#[cfg(test)]
mod golden;

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

/// A language whose inflected forms a lexicon asks for.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum InflectLang {
    /// Russian declension.
    Ru,
    /// Azerbaijani case and possessive suffixes.
    Az,
    /// Turkish case and possessive suffixes.
    Tr,
}

impl InflectLang {
    /// The config spelling (`ru`, `az`, `tr`).
    pub fn code(self) -> &'static str {
        match self {
            InflectLang::Ru => "ru",
            InflectLang::Az => "az",
            InflectLang::Tr => "tr",
        }
    }

    /// Parses the config spelling.
    pub fn parse(s: &str) -> Option<InflectLang> {
        match s {
            "ru" => Some(InflectLang::Ru),
            "az" => Some(InflectLang::Az),
            "tr" => Some(InflectLang::Tr),
            _ => None,
        }
    }

    /// The detected document languages (ISO 639-3, as whatlang gives them) its forms apply to.
    ///
    /// NOTE: whatlang confuses Russian with Ukrainian and Belarusian, and Azerbaijani with
    /// Turkish, on short or name-heavy texts; the forms are in the script and spelling of their
    /// language, so admitting the neighbour costs little and keeps recall on misdetected texts.
    pub fn doc_languages(self) -> &'static [&'static str] {
        match self {
            InflectLang::Ru => &["rus", "ukr", "bel"],
            InflectLang::Az | InflectLang::Tr => &["aze", "tur"],
        }
    }

    /// Whether its forms apply to a document detected as `lang`.
    pub fn applies_to(self, lang: &str) -> bool {
        self.doc_languages().contains(&lang)
    }

    /// The common-word list of this language.
    pub fn common_list(self) -> CommonList {
        match self {
            InflectLang::Ru => CommonList::Ru,
            InflectLang::Az => CommonList::Az,
            InflectLang::Tr => CommonList::Tr,
        }
    }
}

/// The inflected forms of `alias` in `lang` (the alias itself excluded), in rule order.
pub fn forms(lang: InflectLang, alias: &str, person: bool) -> Vec<String> {
    match lang {
        InflectLang::Ru => ru::forms(alias, person),
        InflectLang::Az => az_tr::forms(alias, az_tr::Lang::Az, person),
        InflectLang::Tr => az_tr::forms(alias, az_tr::Lang::Tr, person),
    }
}

/// A shipped list of common lowercase words.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum CommonList {
    /// English.
    En,
    /// Russian.
    Ru,
    /// Azerbaijani.
    Az,
    /// Turkish.
    Tr,
}

impl CommonList {
    /// The language's name for messages.
    pub fn name(self) -> &'static str {
        match self {
            CommonList::En => "English",
            CommonList::Ru => "Russian",
            CommonList::Az => "Azerbaijani",
            CommonList::Tr => "Turkish",
        }
    }

    fn words(self) -> &'static HashSet<&'static str> {
        static SETS: [OnceLock<HashSet<&'static str>>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        let (i, text) = match self {
            CommonList::En => (0, include_str!("common/en.txt")),
            CommonList::Ru => (1, include_str!("common/ru.txt")),
            CommonList::Az => (2, include_str!("common/az.txt")),
            CommonList::Tr => (3, include_str!("common/tr.txt")),
        };
        SETS[i].get_or_init(|| {
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .collect()
        })
    }

    /// Whether `word` (any case) is a common word of this language.
    pub fn contains(self, word: &str) -> bool {
        let folded = crate::gazetteer::fold::fold_str(word);
        self.words().contains(folded.as_str())
    }
}

/// Whether `form` is a common word of `lang` (single words only: a phrase never is).
pub fn common_word(lang: InflectLang, form: &str) -> bool {
    !form.contains(' ') && lang.common_list().contains(form)
}

/// The common-word lists that apply to an alias, by its script: Cyrillic -> Russian; Latin with
/// ə -> Azerbaijani; Latin with Turkish letters (ı ğ ş ç ö ü İ) -> Azerbaijani and Turkish; plain
/// Latin -> English.
pub fn lists_for_alias(alias: &str) -> Vec<CommonList> {
    if alias.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}')) {
        return vec![CommonList::Ru];
    }
    let lower = alias.to_lowercase();
    if lower.contains('ə') {
        return vec![CommonList::Az];
    }
    if lower
        .chars()
        .any(|c| "ığşçöüi̇".contains(c) && !c.is_ascii())
    {
        return vec![CommonList::Az, CommonList::Tr];
    }
    if alias.chars().any(|c| c.is_ascii_alphabetic()) {
        return vec![CommonList::En];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_lists_hold_words_not_names() {
        let cases = [
            ("ru word", InflectLang::Ru, "мира", true),
            ("ru name form", InflectLang::Ru, "России", false),
            ("ru city", InflectLang::Ru, "Москве", false),
            ("az word", InflectLang::Az, "olan", false),
            ("az name", InflectLang::Az, "Bakıda", false),
            ("az name (2)", InflectLang::Az, "Rusiyanın", false),
            ("tr word", InflectLang::Tr, "bakan", true),
            ("tr name", InflectLang::Tr, "Rusya", false),
            ("phrase", InflectLang::Ru, "мира мира", false),
        ];
        for (name, lang, word, want) in cases {
            assert_eq!(common_word(lang, word), want, "case {name}: {word}");
        }
        assert!(
            CommonList::En.contains("Turkey"),
            "turkey is an English word"
        );
        assert!(!CommonList::En.contains("Russia"), "russia is not");
    }

    #[test]
    fn routing_by_document_language() {
        assert!(InflectLang::Ru.applies_to("rus"));
        assert!(!InflectLang::Ru.applies_to("eng"));
        assert!(InflectLang::Az.applies_to("aze"));
        assert!(InflectLang::Tr.applies_to("aze"));
        assert!(!InflectLang::Az.applies_to("rus"));
    }

    #[test]
    fn script_picks_the_lists() {
        assert_eq!(lists_for_alias("Путин"), vec![CommonList::Ru]);
        assert_eq!(lists_for_alias("Əliyev"), vec![CommonList::Az]);
        assert_eq!(
            lists_for_alias("Bakü"),
            vec![CommonList::Az, CommonList::Tr]
        );
        assert_eq!(lists_for_alias("Turkey"), vec![CommonList::En]);
    }
}

#[cfg(test)]
mod gazetteer_tests {
    //! Inflected forms inside the compiled gazetteer: routing, apostrophes, collisions.

    use std::path::Path;

    use super::InflectLang;
    use crate::gazetteer::build::Builder;
    use crate::gazetteer::compiled::{FormNoteKind, Gazetteer};
    use crate::gazetteer::lexicon::{parse_tsv, CaseMode, LexiconSpec};
    use crate::normalize::{NormalizeOptions, Normalizer};

    fn spec(name: &str, label: &str, case: CaseMode, inflect: &[InflectLang]) -> LexiconSpec {
        let mut s = LexiconSpec::from_cli(Path::new("x.tsv"));
        s.name = name.into();
        s.label = Some(label.into());
        s.case = case;
        s.inflect = inflect.to_vec();
        s
    }

    fn gaz(lexicons: &[(LexiconSpec, &str)]) -> Gazetteer {
        let n = Normalizer::new(NormalizeOptions::default());
        let mut b = Builder::default();
        for (s, tsv) in lexicons {
            let entries = parse_tsv(tsv, s.label.as_deref(), Path::new("x.tsv")).unwrap();
            b.add(s, &entries, &n, tsv.as_bytes()).unwrap();
        }
        b.build().unwrap()
    }

    fn tags(g: &Gazetteer, text: &str, lang: &str) -> Vec<(String, String)> {
        g.tag(text, lang)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.id.to_string()))
            .collect()
    }

    fn spans(g: &Gazetteer, text: &str, lang: &str) -> Vec<String> {
        tags(g, text, lang).into_iter().map(|(s, _)| s).collect()
    }

    const ALL: &[InflectLang] = &[InflectLang::Ru, InflectLang::Az, InflectLang::Tr];

    #[test]
    fn forms_apply_only_to_their_language() {
        let g = gaz(&[(
            spec("places", "LOC", CaseMode::Smart, ALL),
            "geonames:1\tRussia\tРоссия|Rusiya\ngeonames:2\tBaku\tБаку|Bakı|Bakü\n",
        )]);
        let cases: &[(&str, &str, &str, &[&str])] = &[
            (
                "russian form in russian text",
                "Визит в России и Баку",
                "rus",
                &["России", "Баку"],
            ),
            (
                "russian form in english text",
                "Визит в России и Баку",
                "eng",
                &["Баку"],
            ),
            (
                "alias as written in any language",
                "Россия",
                "eng",
                &["Россия"],
            ),
            (
                "az form in az text",
                "Bakıda və Rusiyanın",
                "aze",
                &["Bakıda", "Rusiyanın"],
            ),
            ("az form in russian text", "Bakıda və Rusiyanın", "rus", &[]),
            (
                "turkish apostrophe: the name only",
                "Bakü'de ve Bakü’ye",
                "tur",
                &["Bakü", "Bakü"],
            ),
            ("turkish without apostrophe", "Baküde", "tur", &["Baküde"]),
            ("whole words only", "Россиянин", "rus", &[]),
        ];
        for (name, text, lang, want) in cases {
            assert_eq!(spans(&g, text, lang), *want, "case {name}: {text}");
        }
        let ids = tags(&g, "в России", "rus");
        assert_eq!(
            ids,
            [("России".to_string(), "geonames:1".to_string())],
            "id of the alias's entity"
        );
    }

    #[test]
    fn per_alias_override() {
        let g = gaz(&[(
            spec("places", "LOC", CaseMode::Smart, &[]),
            "geonames:1\tRussia\t{ru}Россия|Москва\n",
        )]);
        assert_eq!(
            spans(&g, "России и Москвы", "rus"),
            ["России"],
            "only the marked alias inflects"
        );
        let g = gaz(&[(
            spec("places", "LOC", CaseMode::Smart, ALL),
            "x:1\tMoscow\t!Москва\n",
        )]);
        assert!(
            spans(&g, "Москвы", "rus").is_empty(),
            "`!` keeps the alias as written"
        );
    }

    #[test]
    fn generated_forms_lose_to_other_entities() {
        let g = gaz(&[
            (
                spec("people", "PER", CaseMode::Smart, ALL),
                "per:ilham\tIlham Aliyev\tИльхам Алиев|Алиев\nper:mehriban\tMehriban Aliyeva\tМехрибан Алиева|Алиева\n",
            ),
            (spec("other", "PER", CaseMode::Smart, ALL), "per:other-aliev\tOther Aliev\tАлиев\n"),
        ]);
        let got = tags(&g, "Алиева встретила Алиеву и Ильхама Алиева", "rus");
        assert_eq!(
            got,
            [
                ("Алиева".to_string(), "per:mehriban".to_string()),
                ("Ильхама Алиева".to_string(), "per:ilham".to_string()),
            ],
            "the written alias wins; a form of two ids is dropped"
        );
        let notes = &g.inflect_report().notes;
        assert!(
            notes.iter().any(|n| n.form == "Алиева"
                && n.alias == "Алиев"
                && matches!(&n.kind, FormNoteKind::Collision(ids) if ids.contains(&"per:mehriban".to_string()))),
            "collision reported: {notes:?}"
        );
        assert!(
            notes.iter().any(|n| n.form == "Алиеву"
                && n.lexicon == 1
                && n.kind
                    == FormNoteKind::Collision(vec!["per:ilham".into(), "per:mehriban".into()])),
            "generated-vs-generated collision reported: {notes:?}"
        );
    }

    #[test]
    fn common_word_forms() {
        // "мира" (of the world) is a common word: capitalized forms match mid-sentence, and at a
        // sentence start or in capitals only when the entity is named elsewhere in the document;
        // in a case-insensitive lexicon they are dropped.
        let smart = gaz(&[(
            spec("places", "LOC", CaseMode::Smart, ALL),
            "x:mir\tMir\tМир\n",
        )]);
        let cases: &[(&str, &str, &[&str])] = &[
            ("mid-sentence", "Жители Мира собрались", &["Мира"]),
            ("sentence start", "Мира не будет. Мира нет", &[]),
            ("all caps", "ЖИТЕЛИ МИРА", &[]),
            (
                "sentence start with the entity elsewhere",
                "Мира не будет. Жители Мира и Мир",
                &["Мира", "Мира", "Мир"],
            ),
            ("lowercase", "ради мира", &[]),
            (
                "alias as written is not restricted",
                "Мир вздрогнул",
                &["Мир"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(spans(&smart, text, "rus"), *want, "case {name}: {text}");
        }
        let insensitive = gaz(&[(
            spec("places", "LOC", CaseMode::Insensitive, ALL),
            "x:mir\tMir\tМир\n",
        )]);
        assert!(spans(&insensitive, "Жители Мира собрались", "rus").is_empty());
        assert!(insensitive
            .inflect_report()
            .notes
            .iter()
            .any(|n| n.form == "Мира" && matches!(n.kind, FormNoteKind::CommonWordDropped(_))));
    }
}
