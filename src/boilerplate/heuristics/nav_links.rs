//! Navigation links of a post (`prompt`): a link back to a listing of the site ("Back to Blog",
//! "← Back to Gallery", "Zurück zur Übersicht", "Retour à l'accueil", "Volver a la noticia") and the
//! links to the previous and the next post ("Previous Post: Lentil Soup with Lemon", "Vorheriger
//! Beitrag Nächster Beitrag", "Article suivant", "Post navigation").
//!
//! Policy for a back link: the line opens with a phrase for "back to" in one of the languages of
//! the web ([`BACK_PHRASES`]), and what follows is a short name (at most [`TARGET_WORDS`] words, no
//! sentence end, no colon) holding a word for a part of a site ([`TARGETS`]: home, blog,
//! overview, gallery, article, top, ...). "Back to basics" or "Back to Maria! ..." (an article's
//! heading or sentence) names no part of a site and stays.
//!
//! Policy for a link to the previous or the next post: the line opens with a label of
//! [`POST_NAV`] (an adjective and a noun for a post, or a blog engine's heading of the links),
//! followed by the post's title at most (at most [`POST_NAV_WORDS`] words in all, no full stop
//! closing it). "Vorheriger Besuch beim Arzt" (no noun for a post) stays.

use crate::boilerplate::claim::Claim;
use crate::boilerplate::line::{bare, with_lowercase};

use super::features::Doc;

/// "Back to" in the languages of the web, lowercase, followed by the target's words (a French,
/// Italian or Spanish article glued to the target by an apostrophe stays on the target).
#[rustfmt::skip]
const BACK_PHRASES: &[&str] = &[
    "back to the", "back to", "return to the", "return to", "go back to", "zurück zum",
    "zurück zur", "zurück zu den", "zurück zu", "retour à la", "retour à", "retour au",
    "retour aux", "volver a la", "volver al", "volver a", "regresar a la", "regresar al",
    "torna alla", "torna al", "torna all", "torna a", "voltar ao", "voltar à", "voltar para",
    "terug naar", "powrót do", "wróć do", "назад к", "вернуться к",
];

/// Words for a part of a site a back link leads to (lowercase; a French or Italian target with
/// its glued article, "l'accueil", is read from after the apostrophe).
#[rustfmt::skip]
const TARGETS: &[&str] = &[
    // en
    "top", "home", "homepage", "start", "blog", "news", "newsroom", "gallery", "galleries",
    "video", "videos", "article", "articles", "overview", "list", "listing", "results", "search",
    "index", "menu", "selection", "topics", "topic", "category", "categories", "archive",
    "stories", "posts", "post", "page", "contents", "studies", "events", "resources", "library",
    "shop", "store", "section",
    // de
    "anfang", "seitenanfang", "startseite", "übersicht", "überblick", "artikel", "lexikon",
    "liste", "galerie", "suche", "suchergebnissen", "ergebnissen", "veranstaltungen",
    "newsübersicht", "nachrichten", "beitrag", "beiträgen", "themen", "kategorie", "blog",
    // fr, es, it, pt, nl, pl, ru
    "accueil", "liste", "galerie", "sommaire", "haut", "noticia", "portada", "inicio",
    "lista", "galería", "resultados", "arriba", "home", "articolo", "elenco", "topo", "início",
    "notícia", "boven", "overzicht", "góry", "strony", "началу", "списку", "новостям",
];

/// Most words after the back phrase.
const TARGET_WORDS: usize = 4;

/// Labels of the links to the previous and the next post, lowercase, as their two words.
#[rustfmt::skip]
const POST_NAV: &[(&str, &str)] = &[
    ("previous", "post"), ("previous", "article"), ("previous", "story"), ("previous", "entry"),
    ("next", "post"), ("next", "article"), ("next", "story"), ("next", "entry"),
    ("older", "post"), ("older", "posts"), ("newer", "post"), ("newer", "posts"),
    ("post", "navigation"), ("vorheriger", "beitrag"), ("vorheriger", "artikel"),
    ("nächster", "beitrag"), ("nächster", "artikel"), ("vorheriger", "eintrag"),
    ("nächster", "eintrag"), ("article", "précédent"), ("article", "suivant"),
    ("billet", "précédent"), ("billet", "suivant"), ("artículo", "anterior"),
    ("artículo", "siguiente"), ("entrada", "anterior"), ("entrada", "siguiente"),
    ("noticia", "anterior"), ("noticia", "siguiente"), ("articolo", "precedente"),
    ("articolo", "successivo"), ("post", "precedente"), ("post", "successivo"),
    ("artigo", "anterior"), ("próximo", "artigo"), ("post", "anterior"), ("próximo", "post"),
    ("vorig", "bericht"), ("volgend", "bericht"), ("vorige", "artikel"), ("volgende", "artikel"),
    ("poprzedni", "wpis"), ("następny", "wpis"), ("poprzedni", "artykuł"),
    ("następny", "artykuł"), ("предыдущая", "статья"), ("следующая", "статья"),
    ("предыдущая", "запись"), ("следующая", "запись"),
];

/// The first words of the [`BACK_PHRASES`].
#[rustfmt::skip]
const BACK_WORDS: &[&str] = &[
    "back", "return", "go", "zurück", "retour", "volver", "regresar", "torna", "voltar", "terug",
    "powrót", "wróć", "назад", "вернуться",
];

/// Most bytes of a label's first word ("предыдущая", "вернуться"): a longer first word stops the
/// line.
const FIRST_WORD_BYTES: usize = 20;

/// Most words of a line holding a link to the previous or the next post (two labels and two
/// titles: "← Previous Post Next Post →", "Previous article Notes from the Harbour March 2, 2021").
const POST_NAV_WORDS: usize = 24;

/// Claims the navigation links of the document.
pub(super) fn nav_links(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    for &i in &doc.nonblank {
        let words = doc.feats[i].words;
        if claimed[i].is_some() || words > POST_NAV_WORDS {
            continue;
        }
        let text = doc.text(i);
        let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        if (words <= TARGET_WORDS + 4 && back_link(t)) || post_nav(t) {
            claimed[i] = Some(Claim::Prompt);
        }
    }
}

/// Whether `t` (a line without its leading signs) opens with a link to the previous or the next
/// post (see the module's policy).
fn post_nav(t: &str) -> bool {
    // (Most lines open with none of the labels' first letters; Cyrillic ones open with 0xD0 or
    // 0xD1.)
    if !t.bytes().next().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'p' | b'n' | b'o' | b'v' | b'a' | b'b' | b'e' | 0xD0 | 0xD1
        )
    }) || t.trim_end().ends_with('.')
    {
        return false;
    }
    let mut words = t.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let second = second.trim_end_matches(|c: char| !c.is_alphanumeric());
    first_word_of(first, POST_NAV.iter().map(|(a, _)| *a))
        && with_lowercase(first, |a| {
            with_lowercase(second, |b| POST_NAV.iter().any(|&(x, y)| x == a && y == b))
        })
}

/// Whether the word `w` is one of `words` (lowercase), whatever its case: an ASCII word is
/// compared ASCII case-insensitively, without a lowercase copy (most first words of a line), a
/// longer word than [`FIRST_WORD_BYTES`] is none of them.
fn first_word_of<'w>(w: &str, mut words: impl Iterator<Item = &'w str>) -> bool {
    if w.len() > FIRST_WORD_BYTES {
        return false;
    }
    if w.is_ascii() {
        return words.any(|x| x.eq_ignore_ascii_case(w));
    }
    with_lowercase(w, |w| words.any(|x| x == w))
}

/// Whether `t` (a line without its leading signs) is a back link (see the module's policy).
fn back_link(t: &str) -> bool {
    // (Most lines open with none of the back words' first letters; Cyrillic ones open with
    // 0xD0, and the others stop at their first word.)
    if !t.bytes().next().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'b' | b'r' | b'g' | b'z' | b'v' | b't' | b'p' | b'w' | 0xD0
        )
    }) {
        return false;
    }
    let Some((first, _)) = t.split_once(char::is_whitespace) else {
        return false;
    };
    if !first_word_of(first, BACK_WORDS.iter().copied()) {
        return false;
    }
    let t = t.trim_end();
    if t.ends_with(['.', '!', '?', ':', '…']) {
        return false;
    }
    with_lowercase(t, |lower| {
        let Some(rest) = BACK_PHRASES.iter().find_map(|p| {
            lower
                .strip_prefix(p)
                .filter(|r| r.starts_with([' ', '\'', '’']))
        }) else {
            return false;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= TARGET_WORDS
            && words.iter().any(|w| {
                let w = bare(w);
                let w = w.rsplit(['\'', '’']).next().unwrap_or(w);
                TARGETS.contains(&w)
            })
    })
}

/// The first-byte tests let every label and back word through.
#[test]
fn first_bytes_let_every_label_through() {
    for (a, b) in POST_NAV {
        assert!(post_nav(&format!("{a} {b}")), "{a} {b}");
        assert!(post_nav(&format!("{} {b}", a.to_uppercase())), "{a} {b}");
    }
    for p in BACK_PHRASES {
        assert!(back_link(&format!("{p} blog")), "{p}");
    }
}

/// Every back phrase opens with one of [`BACK_WORDS`].
#[test]
fn back_words_open_every_back_phrase() {
    for p in BACK_PHRASES {
        let first = p.split(' ').next().unwrap_or_default();
        assert!(BACK_WORDS.contains(&first), "{p:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `test` says yes of every line of `yes` and no of every line of `no`, each asked without its
    /// leading signs, as `nav_links` asks.
    fn check(test: fn(&str) -> bool, yes: &[&str], no: &[&str]) {
        fn signless(t: &str) -> &str {
            t.trim_start_matches(|c: char| !c.is_alphanumeric())
        }
        for &t in yes {
            assert!(test(signless(t)), "{t:?}");
        }
        for &t in no {
            assert!(!test(signless(t)), "{t:?}");
        }
    }

    #[test]
    fn links_to_the_previous_and_the_next_post() {
        check(
            post_nav,
            &[
                "Previous Post: « Lentil Soup with Lemon",
                "← Previous Post Next Post →",
                "Vorheriger Beitrag Nächster Beitrag",
                "Article suivant",
                "Post navigation",
                "NEXT STORY: How the city plans its new bus lines",
            ],
            &[
                "Vorheriger Besuch beim Arzt: drei Fragen",
                "Next story: the minister resigned on Monday.",
                "Previously, the ministry had declined to comment",
            ],
        );
    }

    #[test]
    fn links_back_to_a_part_of_the_site() {
        check(
            back_link,
            &[
            "Back to Blog",
            "← Back to Gallery",
            "Return to the top",
            "« Zurück zu den Veranstaltungen",
            "Zurück zur Übersicht",
            "Retour à l'accueil",
            "Volver a la noticia",
            "↑ Back to Top",
            ],
            &[
            "Back to basics",
            "Back to Maria! She sang the last song alone.",
            "Zurück zu Deutschland:",
            "Back to the top of the league went the club after a late goal in the final minutes",
            "Backpacking through the home counties",
            ],
        );
    }
}
