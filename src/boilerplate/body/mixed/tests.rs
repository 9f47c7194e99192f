//! The second language's tests: made-up pages whose article and chrome speak two languages.

use proptest::prelude::*;

use super::super::{analyse, Line};
use super::*;
use crate::boilerplate::stopwords::identify;

/// An archive's English banner: prose, first on the page, so it elects the page's language.
const BANNER: [&str; 3] = [
    "These pages are part of an effort to keep a copy of the web as it was, and of all of the pages that it links to, so that the links that people have made to them will still work for them when the pages are gone.",
    "We hope that the links to these copies will be put in the place of the links that would be broken, so that all of the readers of a page can still get to the text that they are looking for, wherever it was.",
    "The goal is to fix all of the broken links on the web, one site at a time, and to keep them for as long as we can.",
];
/// A German post's paragraphs: longer than the banner's, almost without English stopwords.
const POST: [&str; 3] = [
    "Es ist noch nicht lange her, dass sich die Gelehrten der Stadt über die Frage stritten, ob auf der anderen Seite der Erde überhaupt Menschen leben können, und wenn ja, wie sie es schaffen, nicht von der Kugel zu fallen.",
    "Die Antwort war für die meisten von ihnen klar: Da die Menschen dort mit dem Kopf nach unten gehen müssten, würde ihnen das Blut in den Kopf steigen, und so könne dort niemand auf Dauer leben, auch wenn er es wollte.",
    "Erst als die ersten Reisenden von dort zurückkamen und von ihren Erlebnissen berichteten, wurde den Leuten klar, dass es auf der anderen Seite der Welt nicht anders ist als bei uns, und dass auch dort das Wasser nach unten fließt.",
];
const MENU: [&str; 4] = ["Startseite", "Über uns", "Archiv", "Kontakt"];
/// A German page's English footer: short lines of prose in another language.
const FOOTER: [&str; 2] = [
    "If not stated otherwise, this work is licensed under a Creative Commons licence.",
    "Free of any script: made with open source software only, and hosted by us.",
];

fn page(parts: &[&[&str]]) -> String {
    parts
        .iter()
        .map(|p| p.join("\n\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The language the banner elects: on a real page it fills the first few hundred words the
/// election reads; these pages are shorter, so the tests hand it over.
fn banner_lang() -> DocLang {
    identify(BANNER.iter().copied())
}

fn counted(lines: &[Line<'_>], lang: DocLang) -> Vec<(usize, usize)> {
    lines
        .iter()
        .map(|l| super::super::word_counts(l.text, lang))
        .collect()
}

#[test]
fn second_language_election() {
    // (name, page, its elected language, the lines whose count the second language raises;
    // none: no recount)
    let german = identify(POST.iter().copied());
    let cases: [(&str, String, DocLang, Option<&[&str]>); 5] = [
        (
            "a German post under an English banner",
            page(&[&BANNER, &MENU, &POST]),
            banner_lang(),
            Some(&POST),
        ),
        (
            "an English footer under a German post",
            page(&[&MENU, &POST, &FOOTER]),
            german,
            None,
        ),
        (
            "a German post shorter than the banner",
            page(&[&BANNER, &MENU, &POST[..1]]),
            banner_lang(),
            None,
        ),
        (
            "one language and a list of headlines",
            page(&[
                &BANNER,
                &[
                    "Regional Hospital Opens Second Cardiology Wing After Record Donation",
                    "Local Basketball Team Wins Championship Final Against Northern Rivals",
                ],
            ]),
            banner_lang(),
            None,
        ),
        ("German alone", page(&[&MENU, &POST]), german, None),
    ];
    for (name, text, lang, want) in cases {
        let ls = Line::split(&text);
        let claimed = vec![None; ls.len()];
        let words = counted(&ls, lang);
        let got = recount(&ls, &claimed, lang, &words);
        let raised: Option<Vec<&str>> = got.map(|out| {
            (0..ls.len())
                .filter(|&i| out[i].1 > words[i].1)
                .map(|i| ls[i].text)
                .collect()
        });
        assert_eq!(raised.as_deref(), want, "{name}");
    }
}

#[test]
fn the_post_is_the_body_not_the_banner() {
    let text = page(&[&BANNER, &MENU, &POST]);
    let ls = Line::split(&text);
    let claimed = vec![None; ls.len()];
    let lang = banner_lang();
    assert_eq!(lang.code(), Some("eng"));
    let b = analyse(&ls, &claimed, lang);
    for p in POST {
        let i = ls.iter().position(|l| l.text == p).unwrap();
        assert!(b.inside(i), "{p}");
    }
}

#[test]
fn a_chinese_page_is_not_recounted() {
    let text = "他说这是一个很好的机会。\n\nThe minister said that the plan would be ready by the end of the year.";
    let ls = Line::split(text);
    let words = counted(&ls, DocLang::Cjk);
    assert_eq!(
        recount(&ls, &[None, None, None], DocLang::Cjk, &words),
        None
    );
}

proptest! {
    /// Recounting only ever raises a line's stopwords, never its words, and leaves alone the
    /// lines that read as prose in the page's language and the lines a heuristic claimed.
    #[test]
    fn recount_only_raises_foreign_lines(
        picks in prop::collection::vec((0usize..10, any::<bool>()), 1..12),
    ) {
        let pool: Vec<&str> = BANNER.iter().chain(&POST).chain(&MENU).chain(&FOOTER).copied().collect();
        let text = picks.iter().map(|&(k, _)| pool[k % pool.len()]).collect::<Vec<_>>().join("\n");
        let ls = Line::split(&text);
        let claimed: Vec<Option<Claim>> = picks
            .iter()
            .map(|&(_, c)| c.then_some(Claim::SectionLabel))
            .collect();
        let lang = identify(ls.iter().map(|l| l.text));
        let words = counted(&ls, lang);
        if let Some(out) = recount(&ls, &claimed, lang, &words) {
            for i in 0..ls.len() {
                prop_assert_eq!(out[i].0, words[i].0);
                prop_assert!(out[i].1 >= words[i].1);
                let dense = words[i].1 as f32 >= STOP_LOW * words[i].0 as f32;
                if claimed[i].is_some() || dense {
                    prop_assert_eq!(out[i], words[i]);
                }
            }
        }
    }
}
