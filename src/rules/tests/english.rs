//! The shipped English rules (`rules/en-news.toml`) on news sentences: people, organizations,
//! places, blocked names (events, treaties, awards), inherited ids. Each case names what must be
//! found and what must not become a rule entity.

use super::*;

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
