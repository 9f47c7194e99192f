use std::path::Path;

use super::*;

/// The shipped English rules.
pub(crate) fn shipped_rules() -> Rules {
    shipped()
}

/// The shipped English rules.
fn shipped() -> Rules {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml"))
        .expect("rules/en-news.toml");
    let spec = RuleFileSpec {
        name: "en-news".into(),
        path: "rules/en-news.toml".into(),
        enabled: true,
        disable: Vec::new(),
        languages: Vec::new(),
    };
    Rules::compile(&[(&spec, Path::new("rules/en-news.toml"), &text)])
        .expect("shipped rules compile")
}

/// A stand-in for the gazetteer: `(word, label)` pairs tagged wherever they occur as whole words.
fn lexicon(text: &str, entries: &[(&str, &str)]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (alias, label) in entries {
        let mut from = 0;
        while let Some(at) = text[from..].find(alias) {
            let (s, e) = (from + at, from + at + alias.len());
            let before = text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = text[e..].chars().next().is_some_and(char::is_alphanumeric);
            if !before && !after {
                out.push(Mention {
                    start: s,
                    end: e,
                    label: (*label).into(),
                    id: format!("lex:{}", slug(alias)).into(),
                    name: (*alias).into(),
                    lexicon: "lex".into(),
                    resolved_by: "unique",
                });
            }
            from = e;
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

const LEX: &[(&str, &str)] = &[
    ("Ilham Aliyev", "PER"),
    ("Huseyn Safarov", "PER"),
    ("Vladimir Putin", "PER"),
    ("Azerbaijan", "LOC"),
    ("Russia", "LOC"),
    ("Baku", "LOC"),
    ("Moscow", "LOC"),
    ("Kremlin", "ORG"),
];

/// Rule-found or lexicon entities as `text/LABEL/lexicon`.
fn run(rules: &Rules, text: &str) -> Vec<String> {
    // Body sentences end with punctuation (a short unpunctuated line reads as a headline).
    let text = &if text.ends_with(['.', ')', '"']) {
        text.to_string()
    } else {
        format!("{text}.")
    };
    let m = rules.apply(text, lexicon(text, LEX), "eng");
    m.iter()
        .map(|m| format!("{}/{}/{}", &text[m.start..m.end], m.label, m.lexicon))
        .collect()
}

/// `(case name, text, entities that must be found, spans that must NOT be tagged by a rule)`.
type Case = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

fn check_cases(cases: &[Case]) {
    let rules = shipped();
    for (name, text, want, never) in cases {
        let got = run(&rules, text);
        for w in *want {
            assert!(
                got.iter().any(|g| g == w),
                "case {name}: want {w}, got {got:?}"
            );
        }
        for n in *never {
            assert!(
                !got.iter()
                    .any(|g| g.starts_with(&format!("{n}/")) && g.contains("/rule:")),
                "case {name}: {n} must not be a rule entity, got {got:?}"
            );
        }
    }
}

#[test]
fn people_rules() {
    check_cases(&[
        (
            "title before name",
            "President Emmanuel Macron arrived.",
            &["Emmanuel Macron/PER/rule:title-name"],
            &["President Emmanuel Macron"],
        ),
        (
            "multi-word title stays outside",
            "Deputy Prime Minister Alexei Overchuk cancelled.",
            &["Alexei Overchuk/PER/rule:title-name"],
            &["Prime", "Prime Minister Alexei Overchuk"],
        ),
        (
            "lowercase role",
            "said spokesperson Maria Zakharova on Friday.",
            &["Maria Zakharova/PER/rule:title-name"],
            &[],
        ),
        (
            "chargé d'affaires",
            "The chargé d'affaires Pyotr Volkov met them.",
            &["Pyotr Volkov/PER/rule:title-name"],
            &[],
        ),
        (
            "editor-in-chief",
            "Its editor-in-chief Igor Kartavykh was held.",
            &["Igor Kartavykh/PER/rule:title-name"],
            &[],
        ),
        (
            "honorific with period",
            "Mr. Huseynli declined to comment.",
            &["Huseynli/PER/rule:title-name"],
            &["Mr"],
        ),
        (
            "possessive outside",
            "Ambassador Mikhail Bocharnikov's visit ended.",
            &["Mikhail Bocharnikov/PER/rule:title-name"],
            &["Mikhail Bocharnikov's"],
        ),
        (
            "title alone is nothing",
            "The President said the Minister would resign.",
            &[],
            &["President", "Minister"],
        ),
        (
            "title before a known person: lexicon only",
            "President Ilham Aliyev spoke.",
            &["Ilham Aliyev/PER/lex"],
            &["Ilham"],
        ),
        (
            "title before a demonym",
            "Minister Russian officials denied it.",
            &[],
            &["Russian"],
        ),
        (
            "title before a month",
            "The president January talks failed.",
            &[],
            &["January"],
        ),
        (
            "name run too long",
            "Analyst John Michael Paul George Smith spoke.",
            &[],
            &["John Michael Paul"],
        ),
        (
            "never across a sentence",
            "They met the president. Later reports said nothing.",
            &[],
            &["Later"],
        ),
        (
            "kin of",
            "The brother of Ramin Aliyarov spoke.",
            &["Ramin Aliyarov/PER/rule:kin-of-name"],
            &[],
        ),
        (
            "reporting verb",
            "Zaur Shiriyev said the talks stalled.",
            &["Zaur Shiriyev/PER/rule:name-said"],
            &[],
        ),
        (
            "reporting verb needs two words",
            "Officials said the talks stalled.",
            &[],
            &["Officials"],
        ),
        (
            "reporting verb: not after the",
            "The Human Rights Watch said it was worried.",
            &[],
            &["Human Rights Watch"],
        ),
        (
            "according to",
            "According to Rusif Huseynov, the dispute is deep.",
            &["Rusif Huseynov/PER/rule:according-to-name"],
            &[],
        ),
        (
            "according to an org",
            "According to the Kremlin, nothing happened.",
            &[],
            &["Kremlin"],
        ),
        (
            "apposition with role",
            "Farid Shafiyev, the chairman of the board, spoke.",
            &["Farid Shafiyev/PER/rule:name-comma-role"],
            &[],
        ),
        (
            "coordinated names",
            "two employees: Igor Kartavykh and Yevgeny Belousov. Both were held.",
            &[
                "Igor Kartavykh/PER/rule:name-and-name-first",
                "Yevgeny Belousov/PER/rule:name-and-name-second",
            ],
            &[],
        ),
        (
            "given name coordinated with a known person",
            "the deaths of Ziyaddin and Huseyn Safarov in custody",
            &[
                "Ziyaddin/PER/rule:and-known-person",
                "Huseyn Safarov/PER/lex",
            ],
            &[],
        ),
        (
            "known person and another",
            "talks between Vladimir Putin and Recep Erdogan ended",
            &["Recep Erdogan/PER/rule:known-person-and"],
            &[],
        ),
        (
            "coordination with a place is not a person",
            "flights between Moscow and Grozny resumed",
            &[],
            &["Grozny"],
        ),
        (
            "common word written lowercase elsewhere",
            "Officers said Police Chief told them. The police chief left.",
            &[],
            &["Police Chief"],
        ),
    ]);
}

#[test]
fn organization_rules() {
    check_cases(&[
        (
            "ministry of",
            "the Ministry of Internal Affairs said",
            &["Ministry of Internal Affairs/ORG/rule:org-of"],
            &[],
        ),
        (
            "office of the",
            "the Office of the High Commissioner said",
            &["Office of the High Commissioner/ORG/rule:org-of"],
            &[],
        ),
        (
            "of stops before a lexicon place",
            "the Ministry of Foreign Affairs of Azerbaijan said",
            &[
                "Ministry of Foreign Affairs/ORG/rule:org-of",
                "Azerbaijan/LOC/lex",
            ],
            &[],
        ),
        (
            "demonym outside",
            "The Russian Foreign Ministry said",
            &["Foreign Ministry/ORG/rule:org-head"],
            &["Russian Foreign Ministry"],
        ),
        (
            "demonym outside committee",
            "the Russian Investigative Committee opened a case",
            &["Investigative Committee/ORG/rule:org-head"],
            &[],
        ),
        (
            "possessive place outside",
            "Azerbaijan's Foreign Ministry said",
            &["Azerbaijan/LOC/lex", "Foreign Ministry/ORG/rule:org-head"],
            &[],
        ),
        (
            "district court",
            "the Yasamal District Court ruled",
            &["Yasamal District Court/ORG/rule:org-head"],
            &["Yasamal District"],
        ),
        (
            "place inside an org name",
            "the Carnegie Russia Eurasia Center published",
            &["Carnegie Russia Eurasia Center/ORG/rule:org-head"],
            &["Russia"],
        ),
        (
            "university",
            "students of Baku State University protested",
            &["Baku State University/ORG/rule:org-head"],
            &[],
        ),
        (
            "party",
            "the Popular Front Party called it",
            &["Popular Front Party/ORG/rule:org-head"],
            &[],
        ),
        (
            "prosecutor general's office",
            "the Prosecutor General's Office said",
            &["Prosecutor General's Office/ORG/rule:org-possessive-office"],
            &[],
        ),
        (
            "demonym embassy",
            "the Russian Embassy in Baku",
            &["Russian Embassy/ORG/rule:org-demonym-body"],
            &[],
        ),
        (
            "generic lowercase",
            "the ministry and the district court said",
            &[],
            &["ministry", "district court"],
        ),
        (
            "head alone",
            "The Ministry said nothing.",
            &[],
            &["Ministry", "The Ministry"],
        ),
        (
            "leading the outside",
            "The Central Bank kept rates.",
            &["Central Bank/ORG/rule:org-head"],
            &["The Central Bank"],
        ),
        (
            "weekday is not a modifier",
            "On Monday Council members met.",
            &[],
            &["Monday Council"],
        ),
        (
            "dateline agency",
            "BAKU, Azerbaijan (AP) — Police said",
            &["AP/ORG/rule:agency-credit"],
            &[],
        ),
        (
            "photo credit agency",
            "(AP Photo/Aziz Karimov)",
            &["AP/ORG/rule:agency-credit"],
            &[],
        ),
        (
            "headline title case",
            "Azerbaijan Shuts Down Sputnik Office In Capital\nThe body follows.",
            &[],
            &["Shuts Down Sputnik Office", "Sputnik Office"],
        ),
        (
            "results line with a lowercase verb is not a headline",
            "Thomas Muster (Austria) beat Olga Barabanschikova (Belarus) 6-3 6-3\n",
            &[
                "Thomas Muster/PER/rule:first-name-surname",
                "Olga Barabanschikova/PER/rule:first-name-surname",
            ],
            &[],
        ),
    ]);
}

#[test]
fn place_rules() {
    check_cases(&[
        (
            "region",
            "floods in the Sverdlovsk Region worsened",
            &["Sverdlovsk Region/LOC/rule:loc-head"],
            &[],
        ),
        (
            "district",
            "police in the Sharur District declined",
            &["Sharur District/LOC/rule:loc-head"],
            &[],
        ),
        (
            "autonomous republic",
            "the Nakhchivan Autonomous Republic borders Iran",
            &["Nakhchivan Autonomous Republic/LOC/rule:loc-head"],
            &[],
        ),
        (
            "republic of",
            "the Republic of Azerbaijan signed",
            &["Republic of Azerbaijan/LOC/rule:loc-of"],
            &[],
        ),
        (
            "street",
            "a rally on Nizami Street",
            &["Nizami Street/LOC/rule:loc-head"],
            &[],
        ),
        (
            "head alone",
            "The Region is cold.",
            &[],
            &["Region", "The Region"],
        ),
        (
            "demonym republic",
            "the Soviet Republic collapsed",
            &[],
            &["Soviet Republic"],
        ),
    ]);
}

#[test]
fn propagation_links_later_mentions() {
    let rules = shipped();
    let text = "Journalist Sayfaddin Huseynli was jailed. Huseynli denied the charges. \
                From prison, Sayfaddin wrote again. Ali Huseynli is unrelated to the case.";
    let m = rules.apply(text, Vec::new(), "eng");
    let got: Vec<(&str, &str, &str)> = m
        .iter()
        .map(|m| (&text[m.start..m.end], &*m.id, &*m.name))
        .collect();
    assert_eq!(
        got[0],
        (
            "Sayfaddin Huseynli",
            "per:sayfaddin-huseynli",
            "Sayfaddin Huseynli"
        )
    );
    assert_eq!(
        got[1],
        ("Huseynli", "per:sayfaddin-huseynli", "Sayfaddin Huseynli"),
        "{got:?}"
    );
    assert_eq!(
        got[2],
        ("Sayfaddin", "per:sayfaddin-huseynli", "Sayfaddin Huseynli"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|g| g.0 == "Huseynli"
            && text
                .find("Ali Huseynli")
                .is_some_and(|a| m.iter().any(|x| x.start == a + 4))),
        "a surname next to another capitalized word is not propagated: {got:?}"
    );
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn ambiguous_surname_is_not_propagated() {
    let rules = shipped();
    let text = "Journalist Anar Mammadli was held. Lawyer Elshan Mammadli objected. Mammadli left.";
    let m = rules.apply(text, Vec::new(), "eng");
    let last = text.rfind("Mammadli").unwrap();
    assert!(!m.iter().any(|x| x.start == last), "{m:?}");
}

#[test]
fn priority_against_lexicons() {
    let text = "the Yasamal District Court ruled.";
    let lex = vec![Mention {
        start: 4,
        end: 11,
        label: "LOC".into(),
        id: "geo:yasamal".into(),
        name: "Yasamal".into(),
        lexicon: "places".into(),
        resolved_by: "unique",
    }];
    let labels = |r: &Rules| -> Vec<String> {
        r.apply(text, lex.clone(), "eng")
            .iter()
            .map(|m| format!("{}/{}", &text[m.start..m.end], m.lexicon))
            .collect()
    };
    // org-head has priority 1: it beats the lexicon's shorter LOC.
    assert_eq!(labels(&shipped()), ["Yasamal District Court/rule:org-head"]);
    // The same rule at priority 0: the lexicon keeps its span; the rule gets only what is left.
    let src = "[[rule]]\nname = \"court\"\nlabel = \"ORG\"\npattern = [\n  { shape = \"capitalized\", op = \"+\", entity = true },\n  { text = [\"Court\"], entity = true },\n]\n";
    let spec = RuleFileSpec {
        name: "t".into(),
        path: "t.toml".into(),
        enabled: true,
        disable: vec![],
        languages: vec![],
    };
    let r = Rules::compile(&[(&spec, Path::new("t.toml"), src)]).unwrap();
    assert_eq!(labels(&r), ["Yasamal/places", "District Court/rule:court"]);
}

#[test]
fn disabled_rules_and_languages() {
    let text = "Spokeswoman Maria Zakharova said so.";
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml"))
        .unwrap();
    let mut spec = RuleFileSpec {
        name: "en".into(),
        path: "en.toml".into(),
        enabled: true,
        disable: vec![
            "title-name".into(),
            "name-said".into(),
            "first-name-surname".into(),
        ],
        languages: vec![],
    };
    let r = Rules::compile(&[(
        &spec,
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml")),
        &src,
    )])
    .unwrap();
    assert!(r.apply(text, vec![], "eng").is_empty());
    spec.disable.clear();
    spec.languages = vec!["eng".into()];
    let r = Rules::compile(&[(
        &spec,
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml")),
        &src,
    )])
    .unwrap();
    assert_eq!(r.apply(text, vec![], "eng").len(), 1);
    // An English-like Latin-script paragraph gets the English rules whatever the detected
    // language (see `script`); other text does not.
    assert_eq!(r.apply(text, vec![], "rus").len(), 1, "by paragraph");
    let fr =
        "Selon la porte-parole Maria Zakharova, les discussions avec le gouvernement sont finies.";
    assert!(r.apply(fr, vec![], "fra").is_empty(), "language filter");
    spec.disable = vec!["no-such-rule".into()];
    let e = Rules::compile(&[(
        &spec,
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml")),
        &src,
    )])
    .unwrap_err();
    assert!(e.to_string().contains("no-such-rule"), "{e}");
}

#[test]
fn rule_file_errors_name_file_and_line() {
    let cases = [
        ("toml syntax", "[[rule]]\nname = \"x\"\nlabel = \n", "r.toml:3:"),
        ("unknown key", "[[rule]]\nname = \"x\"\nlabel = \"PER\"\nfoo = 1\npattern = []\n", "r.toml:4:"),
        ("unknown list", "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [\n  { lower = [\"@nope\"], entity = true },\n]\n", "r.toml:5: unknown list"),
        ("unknown class", "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [\n  { shape = \"upper\" },\n  { class = \"nope\", entity = true },\n]\n", "r.toml:6: unknown class"),
        ("unknown shape", "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [\n  { shape = \"wavy\", entity = true },\n]\n", "r.toml:5:"),
        ("bad op", "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [\n  { op = \"%\", entity = true },\n]\n", "r.toml:5: unknown op"),
        ("bad repeat", "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [\n  { repeat = [3, 1], entity = true },\n]\n", "r.toml:5: repeat"),
        ("no entity", "\n[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [\n  { shape = \"upper\" },\n]\n", "r.toml:2: rule \"x\": no pattern element"),
        ("entity not contiguous", "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [{ shape = \"upper\", entity = true }, { shape = \"lower\" }, { shape = \"upper\", entity = true }]\n", "r.toml:1: rule \"x\": the `entity = true` elements must be contiguous"),
        ("duplicate name", "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [{ entity = true }]\n[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [{ entity = true }]\n", "r.toml:5: rule \"x\": the name is used twice"),
        ("phrase in a word list", "[lists]\nt = [\"prime minister\"]\n[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [\n  { lower = [\"@t\"], entity = true },\n]\n", "r.toml:7:"),
    ];
    let spec = RuleFileSpec {
        name: "r".into(),
        path: "r.toml".into(),
        enabled: true,
        disable: vec![],
        languages: vec![],
    };
    for (name, src, want) in cases {
        let e = Rules::compile(&[(&spec, Path::new("r.toml"), src)]).unwrap_err();
        assert!(e.to_string().starts_with(want), "case {name}: {e}");
    }
}

#[test]
fn tokens_sentences_and_shapes() {
    let text = "Mr. Smith met U.S. officials. Then he left: Russia's envoy\nwas \"Angry\"";
    let toks = Tokens::new(text, &[]);
    let show: Vec<String> = toks
        .tokens
        .iter()
        .map(|t| {
            let flag = match (t.boundary, t.initial) {
                (true, _) => "|",
                (false, true) => "^",
                _ => "",
            };
            format!("{flag}{}", &text[t.start..t.end])
        })
        .collect();
    assert_eq!(
        show.join(" "),
        "|Mr . Smith met U.S . officials . |Then he left : ^Russia 's envoy |was \" ^Angry \""
    );
    assert_eq!(tokens::shape_of("FSB"), Shape::Upper);
    assert_eq!(tokens::shape_of("McCain"), Shape::Capitalized);
    assert_eq!(tokens::shape_of("iPhone"), Shape::Lower);
    assert_eq!(tokens::shape_of("2025"), Shape::Digit);
    assert_eq!(tokens::shape_of("—"), Shape::Punct);
}

#[test]
fn rules_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Rules>();
}

/// All entities as `text/LABEL` (lexicon or rule), with an extra stand-in lexicon.
fn run_with(rules: &Rules, text: &str, extra: &[(&str, &str)]) -> Vec<String> {
    let mut entries: Vec<(&str, &str)> = LEX.to_vec();
    entries.extend_from_slice(extra);
    let m = rules.apply(text, lexicon(text, &entries), "eng");
    m.iter()
        .map(|m| format!("{}/{}", &text[m.start..m.end], m.label))
        .collect()
}

#[test]
fn named_events_documents_and_awards_block_what_is_inside() {
    let rules = shipped();
    let extra = [
        ("Nagorno-Karabakh", "LOC"),
        ("Karabakh", "LOC"),
        ("Alma-Ata", "LOC"),
        ("Istanbul", "LOC"),
        ("Ukraine", "LOC"),
        ("Azerbaijan Airlines", "ORG"),
        ("Caspian Sea", "LOC"),
        ("Collective Security Treaty Organization", "ORG"),
        ("West", "LOC"),
        ("West Bank", "LOC"),
    ];
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "war",
            "They fought the First Nagorno-Karabakh War in 1992.",
            &[],
        ),
        (
            "second war",
            "After the Second Karabakh War, Baku won.",
            &["Baku/LOC"],
        ),
        (
            "declaration",
            "borders under the Alma-Ata Declaration of 1991.",
            &[],
        ),
        (
            "treaty of",
            "the Treaty of Moscow, signed in Baku.",
            &["Baku/LOC"],
        ),
        ("award", "Russia got no Nobel Peace Prize.", &["Russia/LOC"]),
        (
            "convention",
            "It ratified the Istanbul Convention in May.",
            &[],
        ),
        (
            "long document name",
            "the Convention on the Legal Status of the Caspian Sea was signed.",
            &[],
        ),
        (
            "lowercase war",
            "the Ukraine war goes on.",
            &["Ukraine/LOC"],
        ),
        (
            "flight keeps its airline",
            "Azerbaijan Airlines Flight 8243 crashed.",
            &["Azerbaijan Airlines/ORG"],
        ),
        (
            "organization named after a treaty",
            "The Collective Security Treaty Organization met.",
            &["Collective Security Treaty Organization/ORG"],
        ),
        (
            "headline is not blocked",
            "Russia War Fears Grow",
            &["Russia/LOC"],
        ),
        (
            "the West",
            "Russia blames the West for it.",
            &["Russia/LOC", "West/LOC"],
        ),
        (
            "West Bank",
            "raids in the West Bank continued.",
            &["West Bank/LOC"],
        ),
    ];
    for (name, text, want) in cases {
        assert_eq!(run_with(&rules, text, &extra), *want, "case {name}");
    }
}

#[test]
fn given_names_make_place_words_people() {
    let rules = shipped();
    let extra = [
        ("Jordan", "LOC"),
        ("Washington", "LOC"),
        ("Austin", "LOC"),
        ("Israel", "LOC"),
        ("Paris", "LOC"),
    ];
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "place first",
            "He met Jordan Bardella on Monday.",
            &["Jordan Bardella/PER"],
        ),
        (
            "place last",
            "Defense chief Lloyd Austin flew in.",
            &["Lloyd Austin/PER"],
        ),
        (
            "george washington",
            "as George Washington wrote.",
            &["George Washington/PER"],
        ),
        (
            "honorific",
            "Mr. Jordan declined to comment.",
            &["Jordan/PER"],
        ),
        (
            "org head after a name",
            "the Israel Defense Forces said.",
            &["Israel/LOC"],
        ),
        (
            "place alone",
            "She flew to Paris on Monday.",
            &["Paris/LOC"],
        ),
    ];
    for (name, text, want) in cases {
        assert_eq!(run_with(&rules, text, &extra), *want, "case {name}");
    }
}

#[test]
fn acronym_in_parentheses_inherits_the_id() {
    let rules = shipped();
    let text = "the National Security Service (NSS) said.";
    let m = rules.apply(text, Vec::new(), "eng");
    let got: Vec<(&str, &str)> = m.iter().map(|m| (&text[m.start..m.end], &*m.id)).collect();
    assert_eq!(
        got,
        vec![
            ("National Security Service", "org:national-security-service"),
            ("NSS", "org:national-security-service"),
        ]
    );
}

#[test]
fn block_rules_need_no_label_and_cannot_inherit() {
    let spec = RuleFileSpec {
        name: "t".into(),
        path: "t.toml".into(),
        enabled: true,
        disable: Vec::new(),
        languages: Vec::new(),
    };
    let ok =
        "[[rule]]\nname = \"b\"\nblock = true\npattern = [{ text = [\"War\"], entity = true }]\n";
    assert!(Rules::compile(&[(&spec, Path::new("t.toml"), ok)]).is_ok());
    let bad = "[[rule]]\nname = \"b\"\nblock = true\ninherit = true\npattern = [{ text = [\"War\"], entity = true }]\n";
    let err = Rules::compile(&[(&spec, Path::new("t.toml"), bad)]).unwrap_err();
    assert!(err.to_string().starts_with("t.toml:1:"), "{err}");
    let missing = "[list_files]\nx = \"nope.txt\"\n";
    let err = Rules::compile(&[(&spec, Path::new("t.toml"), missing)]).unwrap_err();
    assert!(err.to_string().contains("nope.txt"), "{err}");
}

#[test]
fn lowercase_end_and_endings() {
    let src = r#"
[lists]
heads = ["служба", "службы"]
adj = ["ая", "ой"]
[[rule]]
name = "adj-head"
label = "ORG"
lowercase_end = true
pattern = [
  { shape = ["capitalized"], ends = ["@adj"], entity = true },
  { lower = ["@heads"], entity = true },
  { shape = ["lower"], not_ends = ["ся", "сь", "ла"], repeat = [0, 2], entity = true },
]
[[rule]]
name = "capital-end"
label = "ORG"
pattern = [
  { text = ["Комитет"], entity = true },
  { shape = ["lower"], repeat = [1, 2], entity = true },
]
"#;
    let spec = RuleFileSpec {
        name: "t".into(),
        path: "t.toml".into(),
        enabled: true,
        disable: vec![],
        languages: vec![],
    };
    let rules = Rules::compile(&[(&spec, Path::new("t.toml"), src)]).unwrap();
    let tag = |text: &str| -> Vec<String> {
        rules
            .apply(text, vec![], "rus")
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    };
    let cases: &[(&str, &str, &[&str])] = &[
        // `lowercase_end`: the name may end on a lowercase word.
        (
            "lowercase end",
            "Вчера Федеральная служба безопасности задержала его.",
            &["Федеральная служба безопасности"],
        ),
        // `not_ends`: a verb stops the name.
        (
            "not_ends stops",
            "Потом Федеральная служба занялась делом.",
            &["Федеральная служба"],
        ),
        // `ends`: the first word must have an adjective ending.
        ("ends needed", "Потом Федерал служба занялась делом.", &[]),
        // Without `lowercase_end` an entity still ends on a capital.
        ("capital end kept", "Потом Комитет решил так.", &[]),
    ];
    for (name, text, want) in cases {
        assert_eq!(&tag(text), want, "case {name}");
    }
    let bad = "[[rule]]\nname = \"x\"\nlabel = \"ORG\"\npattern = [{ ends = 3, entity = true }]\n";
    assert!(Rules::compile(&[(&spec, Path::new("t.toml"), bad)]).is_err());
}

/// The shipped Russian rules (their word lists are read relative to the rule file).
fn shipped_ru() -> Rules {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/ru-news.toml");
    let text = std::fs::read_to_string(path).expect("rules/ru-news.toml");
    let spec = RuleFileSpec {
        name: "ru-news".into(),
        path: "rules/ru-news.toml".into(),
        enabled: true,
        disable: Vec::new(),
        languages: vec!["rus".into()],
    };
    Rules::compile(&[(&spec, Path::new(path), &text)]).expect("shipped Russian rules compile")
}

#[test]
fn russian_rules() {
    let rules = shipped_ru();
    let lex: &[(&str, &str)] = &[("России", "LOC"), ("МИД России", "ORG"), ("Москвы", "LOC")];
    // (case, text, must be found as text/LABEL, must not be a rule entity)
    let cases: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "given + surname, genitive",
            "Акция прошла у дома Юрия Лужкова в центре.",
            &["Юрия Лужкова/PER"],
            &[],
        ),
        (
            "given + patronymic + surname, instrumental",
            "Встреча с Юрием Михайловичем Лужковым прошла вчера.",
            &["Юрием Михайловичем Лужковым/PER"],
            &[],
        ),
        (
            "initials + surname",
            "Письмо подписал А. С. Пушкин вчера.",
            &["А. С. Пушкин/PER"],
            &[],
        ),
        (
            "title + name",
            "Об этом рассказал пресс-секретарь Дмитрий Песков журналистам.",
            &["Дмитрий Песков/PER"],
            &[],
        ),
        (
            "title + org + name",
            "Об этом заявил глава МИД России Сергей Лавров на брифинге.",
            &["Сергей Лавров/PER", "МИД России/ORG"],
            &[],
        ),
        (
            "title + surname",
            "Об этом заявил губернатор Полтавченко на встрече.",
            &["Полтавченко/PER"],
            &[],
        ),
        (
            "name + speech verb",
            "Вчера Удальцов заявил о новой акции.",
            &["Удальцов/PER"],
            &[],
        ),
        (
            "quoted company",
            "Акции компании «Северный поток» выросли.",
            &["Северный поток/ORG"],
            &[],
        ),
        (
            "ministry, genitive, with the country",
            "Представители Министерства обороны России приехали.",
            &["Министерства обороны России/ORG"],
            &["России"],
        ),
        (
            "adjective + head",
            "Дело расследуют сотрудники Следственного комитета сейчас.",
            &["Следственного комитета/ORG"],
            &[],
        ),
        (
            "region",
            "Он живёт в Ленинградской области давно.",
            &["Ленинградской области/LOC"],
            &[],
        ),
        (
            "a verb ends an org name",
            "Затем Правительство уволило часть сотрудников.",
            &[],
            &["Правительство уволило", "Правительство уволило часть"],
        ),
        (
            "plural adjective is no name",
            "Затем Правозащитные организации выступили против.",
            &[],
            &["Правозащитные организации"],
        ),
        (
            "Latin media after a speech verb, not a person",
            "Об этом сообщает NEWSru.com со ссылкой на источники.",
            &["NEWSru.com/ORG"],
            &[],
        ),
        (
            "sentence-initial adverb",
            "Все согласились. Далее Герстенмайер сказал, что это так.",
            &[],
            &["Далее Герстенмайер"],
        ),
    ];
    for (name, text, want, never) in cases {
        let m = rules.apply(text, lexicon(text, lex), "rus");
        let got: Vec<String> = m
            .iter()
            .map(|m| format!("{}/{}/{}", &text[m.start..m.end], m.label, m.lexicon))
            .collect();
        for w in *want {
            assert!(
                got.iter().any(|g| g.starts_with(&format!("{w}/"))),
                "case {name}: want {w}, got {got:?}"
            );
        }
        for n in *never {
            assert!(
                !got.iter()
                    .any(|g| g.starts_with(&format!("{n}/")) && g.contains("/rule:")),
                "case {name}: {n} must not be a rule entity, got {got:?}"
            );
        }
    }
    assert!(
        rules.apply("Юрий Лужков", vec![], "eng").is_empty(),
        "Russian documents only"
    );
}

#[test]
fn english_rules_run_on_english_paragraphs_of_a_document_detected_otherwise() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml"))
        .expect("rules/en-news.toml");
    let spec = RuleFileSpec {
        name: "en-news".into(),
        path: "rules/en-news.toml".into(),
        enabled: true,
        disable: Vec::new(),
        languages: vec!["eng".into()],
    };
    let rules = Rules::compile(&[(&spec, Path::new("rules/en-news.toml"), &text)]).unwrap();
    let doc = "The talks failed, Deputy Prime Minister Alexei Overchuk said on Monday.\n\n\
               Le vice-premier ministre Alexei Overchuk a dit que les discussions ont échoué.\n";
    let names = |lang: &str| -> Vec<(usize, String)> {
        rules
            .apply(doc, Vec::new(), lang)
            .iter()
            .map(|m| (m.start, doc[m.start..m.end].to_string()))
            .collect()
    };
    let first = doc.find("Alexei").unwrap();
    // Detected as French: the English paragraph still gets the rules, the French one does not
    // (a later mention there may only be linked by propagation).
    let fra = names("fra");
    assert!(
        fra.contains(&(first, "Alexei Overchuk".to_string())),
        "{fra:?}"
    );
    assert_eq!(names("eng")[0], (first, "Alexei Overchuk".to_string()));
    // A Russian document gets nothing.
    let ru = "Министр Алексей Оверчук сказал.\n";
    assert!(rules.apply(ru, Vec::new(), "rus").is_empty());
}

#[test]
fn a_given_name_before_a_known_surname_is_another_person() {
    let rules = shipped();
    let text = "Energy Minister Parviz Shahbazov met Fuad Shahbazov in Baku.";
    let lex = lexicon(text, &[("Shahbazov", "PER"), ("Baku", "LOC")]);
    let got: Vec<(String, String, &str)> = rules
        .apply(text, lex, "eng")
        .iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                m.id.to_string(),
                m.resolved_by,
            )
        })
        .collect();
    assert_eq!(
        got[0],
        (
            "Parviz Shahbazov".into(),
            "per:parviz-shahbazov".into(),
            "rule"
        )
    );
    assert!(got.iter().any(|g| g.0 == "Baku"), "{got:?}");
}
