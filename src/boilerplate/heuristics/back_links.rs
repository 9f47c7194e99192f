//! A link back to a listing of the site (`prompt`): "Back to Blog", "← Back to Gallery",
//! "Zurück zum Lexikon", "Retour à l'accueil", "Volver a la noticia".
//!
//! Policy: the line opens with a phrase for "back to" in one of the languages of the web
//! ([`BACK_PHRASES`]), and what follows is a short name (at most [`TARGET_WORDS`] words, no
//! sentence end, no colon) holding a word for a part of a site ([`TARGETS`]: home, blog,
//! overview, gallery, article, top, ...). "Back to basics" or "Back to Taylor! ..." (an article's
//! heading or sentence) names no part of a site and stays.

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

/// Claims the back links of the document.
pub(super) fn back_links(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    for &i in &doc.nonblank {
        if claimed[i].is_none() && doc.feats[i].words <= TARGET_WORDS + 4 && back_link(doc.text(i))
        {
            claimed[i] = Some(Claim::Prompt);
        }
    }
}

/// Whether `text` is a back link (see the module's policy).
fn back_link(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // (Most lines open with no back phrase's first letter: b, r, g, z, v, t, p, w, н, в.)
    if !t.bytes().next().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'b' | b'r' | b'g' | b'z' | b'v' | b't' | b'p' | b'w' | 0xD0
        )
    }) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_back_to_a_part_of_the_site() {
        for yes in [
            "Back to Blog",
            "← Back to Gallery",
            "Return to the top",
            "« Zurück zu den Veranstaltungen",
            "Zurück zum Lexikon",
            "Retour à l'accueil",
            "Volver a la noticia",
            "↑ Back to Top",
        ] {
            assert!(back_link(yes), "{yes:?}");
        }
        for no in [
            "Back to basics",
            "Back to Taylor! It's her music, so why can't she sing it?",
            "Zurück zu Deutschland:",
            "Back to the top of the league went the club after a late goal in the final minutes",
            "Backpacking through the home counties",
        ] {
            assert!(!back_link(no), "{no:?}");
        }
    }
}
