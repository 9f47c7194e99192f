//! The inflection tables pinned against the forms the rules generated when they were written as
//! code: `golden.tsv` holds, for a sample of the shipped lexicons' aliases (drawn from one alias
//! per spelling pattern of the words' endings, so the paradigms and branches are hit), every
//! form in order, Russian and Azerbaijani/Turkish. When the tables replaced the code, the two
//! gave identical forms for all 207,162 aliases of the shipped lexicons.
//!
//! Line format: `lang <TAB> person (0/1) <TAB> alias <TAB> forms joined by `|``.
//! `NEWSTAG_INFLECT_DUMP=OUT NEWSTAG_INFLECT_ALIASES=LIST cargo test --release --lib
//! inflect::golden -- --ignored` writes the current forms of every alias in LIST (one a line)
//! to OUT, to compare the whole lexicons after a change.

use super::InflectLang;

const LANGS: [InflectLang; 3] = [InflectLang::Ru, InflectLang::Az, InflectLang::Tr];

/// One dump line per language and person value of `alias`.
fn lines(alias: &str, out: &mut String) {
    for lang in LANGS {
        for person in [false, true] {
            let forms = super::forms(lang, alias, person);
            out.push_str(&format!(
                "{}\t{}\t{alias}\t{}\n",
                lang.code(),
                u8::from(person),
                forms.join("|")
            ));
        }
    }
}

#[test]
fn tables_generate_the_pinned_forms() {
    let golden = include_str!("golden.tsv");
    let mut checked = 0;
    for line in golden.lines() {
        let mut cols = line.split('\t');
        let (Some(lang), Some(person), Some(alias), Some(want)) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            panic!("bad golden line {line:?}");
        };
        let lang = InflectLang::parse(lang).expect("language");
        let got = super::forms(lang, alias, person == "1").join("|");
        assert_eq!(
            got,
            want,
            "{} forms of {alias:?} (person {person})",
            lang.code()
        );
        checked += 1;
    }
    assert!(
        checked > 1000,
        "the golden sample shrank to {checked} lines"
    );
}

#[test]
#[ignore]
fn dump_forms() {
    let (Ok(out), Ok(list)) = (
        std::env::var("NEWSTAG_INFLECT_DUMP"),
        std::env::var("NEWSTAG_INFLECT_ALIASES"),
    ) else {
        return;
    };
    let mut s = String::new();
    for alias in std::fs::read_to_string(list).expect("alias list").lines() {
        lines(alias, &mut s);
    }
    std::fs::write(out, s).expect("write the dump");
}
