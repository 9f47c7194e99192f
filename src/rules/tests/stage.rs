//! The stage's policies, whatever the rules say: lexicon mentions against rule matches
//! (priority, relabelling), propagation of found names, `block` and `inherit`, endings and
//! `lowercase_end`, the language filters (by document and by English paragraph), disabled rules,
//! and compile errors naming the file and line.

use super::*;

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
    let r = Rules::compile(&[(&spec, Path::new("t.toml"), src)], Path::new(CONFIG)).unwrap();
    assert_eq!(labels(&r), ["Yasamal/places", "District Court/rule:court"]);
}

#[test]
fn disabled_rules_and_languages() {
    let text = "Spokeswoman Maria Zakharova said so.";
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml"))
        .unwrap();
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/en-news.toml"));
    let compile = |spec: &RuleFileSpec| Rules::compile(&[(spec, path, &src)], Path::new(CONFIG));
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
    let r = compile(&spec).unwrap();
    assert!(r.apply(text, vec![], "eng").is_empty());
    spec.disable.clear();
    spec.languages = vec!["eng".into()];
    let r = compile(&spec).unwrap();
    assert_eq!(r.apply(text, vec![], "eng").len(), 1);
    // An English-like Latin-script paragraph gets the English rules whatever the detected
    // language (see `script`); other text does not.
    assert_eq!(r.apply(text, vec![], "rus").len(), 1, "by paragraph");
    let fr =
        "Selon la porte-parole Maria Zakharova, les discussions avec le gouvernement sont finies.";
    assert!(r.apply(fr, vec![], "fra").is_empty(), "language filter");
    spec.disable = vec!["no-such-rule".into()];
    let e = compile(&spec).unwrap_err();
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
        let e =
            Rules::compile(&[(&spec, Path::new("r.toml"), src)], Path::new(CONFIG)).unwrap_err();
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
    assert!(Rules::compile(&[(&spec, Path::new("t.toml"), ok)], Path::new(CONFIG)).is_ok());
    let bad = "[[rule]]\nname = \"b\"\nblock = true\ninherit = true\npattern = [{ text = [\"War\"], entity = true }]\n";
    let err = Rules::compile(&[(&spec, Path::new("t.toml"), bad)], Path::new(CONFIG)).unwrap_err();
    assert!(err.to_string().starts_with("t.toml:1:"), "{err}");
    let missing = "[list_files]\nx = \"nope.txt\"\n";
    let err =
        Rules::compile(&[(&spec, Path::new("t.toml"), missing)], Path::new(CONFIG)).unwrap_err();
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
    let rules = Rules::compile(&[(&spec, Path::new("t.toml"), src)], Path::new(CONFIG)).unwrap();
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
    assert!(Rules::compile(&[(&spec, Path::new("t.toml"), bad)], Path::new(CONFIG)).is_err());
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
    let rules = Rules::compile(
        &[(&spec, Path::new("rules/en-news.toml"), &text)],
        Path::new(CONFIG),
    )
    .unwrap();
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
fn load_reads_resolved_paths_and_names_the_config_line_of_a_bad_disable() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newstag.toml");
    std::fs::write(
        &config,
        "[[rules]]\nname = \"t\"\npath = \"r/t.toml\"\ndisable = [\"no-such-rule\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("r")).unwrap();
    std::fs::write(
        dir.path().join("r/t.toml"),
        "[[rule]]\nname = \"x\"\nlabel = \"PER\"\npattern = [{ shape = \"upper\", entity = true }]\n",
    )
    .unwrap();
    let spec = |disable: Vec<String>| RuleFileSpec {
        name: "t".into(),
        path: "r/t.toml".into(),
        enabled: true,
        disable,
        languages: vec![],
    };
    let resolve = |p: &Path| dir.path().join(p);
    let ok = RulesOptions::new(&[spec(vec![])], &config, resolve);
    assert_eq!(ok.files[0].1, dir.path().join("r/t.toml"));
    assert_eq!(Rules::load(&ok).unwrap().rules().len(), 1);
    let bad = RulesOptions::new(&[spec(vec!["no-such-rule".into()])], &config, resolve);
    let e = Rules::load(&bad).unwrap_err().to_string();
    assert!(e.starts_with(&format!("{}:4: ", config.display())), "{e}");
    assert!(e.contains("no-such-rule") && e.contains("t.toml"), "{e}");
    // A missing rule file is an I/O error naming the resolved path.
    let gone = RulesOptions::new(&[spec(vec![])], &config, |p: &Path| {
        dir.path().join("x").join(p)
    });
    let e = Rules::load(&gone).unwrap_err().to_string();
    assert!(
        e.contains(&*dir.path().join("x/r/t.toml").to_string_lossy()),
        "{e}"
    );
}
