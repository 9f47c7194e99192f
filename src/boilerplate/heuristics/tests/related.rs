//! Related lists: the headers of more languages, the headlines glued after a header's colon or
//! arrow, and the article's own labelled lists ("Pros:" / "Cons:") a related list stops at.

use proptest::prelude::*;

use super::*;

#[test]
fn glued_headlines_after_a_marked_header() {
    for line in [
        "Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo estadounidense",
        "PUEDES VER: ¿Cómo sacar mi certificado de estudios de manera online y sencilla?",
        "À lire aussi » Ballonnements, lourdeurs : quel est votre profil digestif",
    ] {
        let text = in_article(line);
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some("related-list"),
            "{line}"
        );
    }
}

#[test]
fn a_marked_header_over_a_sentence_stays() {
    // A full stop ends a sentence, not a headline.
    let line = "Lea también: el informe completo está disponible en la web del ministerio.";
    assert_eq!(claim_of(&in_article(line), line), None);
}

#[test]
fn header_with_a_lowercase_qualifier() {
    let text = format!(
        "{BODY}\nTop Themen der Redaktion\nATP WTA ITF\nThiem kehrt erst in Indian Wells zurück\n\
         Die zweite Reihe des Spitzentennis feierte in der vergangenen Woche internationale Erfolge und blieb im Turnier.\n"
    );
    assert_eq!(
        claim_of(&text, "Top Themen der Redaktion").as_deref(),
        Some("related-list")
    );
    assert_eq!(
        claim_of(&text, "Thiem kehrt erst in Indian Wells zurück").as_deref(),
        Some("related-list")
    );
}

#[test]
fn more_headers() {
    for (head, item) in [
        (
            "From Around the Web",
            "The Spectacular Story Of A Lost City",
        ),
        ("Související", "Slavný Scholes namíchl fanoušky West Hamu"),
        ("Noch mehr News", "Neue Radwege für die Innenstadt geplant"),
    ] {
        let text = format!("{BODY}\n{head}\n{item}\n\n{BODY}");
        assert_eq!(
            claim_of(&text, head).as_deref(),
            Some("related-list"),
            "{head}"
        );
        assert_eq!(
            claim_of(&text, item).as_deref(),
            Some("related-list"),
            "{item}"
        );
    }
}

/// A review's "Pros:" and "Cons:" lists under a related header (a teaser box above the review)
/// are the article's: the related list ends over the first label.
#[test]
fn a_related_list_stops_at_labelled_lists() {
    let text = format!(
        "{BODY}\nRead more\nThe best subscription boxes of the year\nPros:\n\
         High-quality books you can trust\nFast, free shipping\nCons:\nNo curation for members\n\n{BODY}"
    );
    assert_eq!(
        claim_of(&text, "The best subscription boxes of the year").as_deref(),
        Some("related-list")
    );
    for line in [
        "Pros:",
        "High-quality books you can trust",
        "Fast, free shipping",
        "Cons:",
        "No curation for members",
    ] {
        assert_eq!(claim_of(&text, line), None, "{line}");
    }
}

/// A form's fields under a header ("E-mail:" over "Password:") have no items between their
/// labels: the list goes on.
#[test]
fn form_fields_are_no_labelled_lists() {
    let text = format!("{BODY}\nRelated stories\nE-mail:\nPassword:\nRemember me\n\n{BODY}");
    for line in ["E-mail:", "Password:", "Remember me"] {
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some("related-list"),
            "{line}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever the items, two labelled lists under a related header stay the article's.
    #[test]
    fn labelled_lists_stay(
        a in "[A-Z][a-z]{2,9}",
        b in "[A-Z][a-z]{2,9}",
        items in proptest::collection::vec("[A-Z][a-z]{2,8}( [a-z]{2,8}){0,4}", 2..6),
    ) {
        // (A label or item that another heuristic claims on its own, "Tag:" or "Home", is no
        // case of this property.)
        let label_a = format!("{a}:");
        let label_b = format!("{b}:");
        for line in items.iter().chain([&label_a, &label_b]) {
            prop_assume!(claim_of(&in_article(line), line).is_none());
        }
        let (first, second) = items.split_at(items.len() / 2);
        let text = format!(
            "{BODY}\nRelated stories\nA teaser headline of the page\n{a}:\n{}\n{b}:\n{}\n\n{BODY}",
            first.join("\n"),
            second.join("\n"),
        );
        let got = claims(&text);
        let label = format!("{a}:");
        let at = got.iter().position(|(l, _)| *l == label).expect("label");
        for (line, claim) in &got[at..] {
            if line.contains("ministry") || line.contains("delegations") {
                break;
            }
            prop_assert!(claim.is_none(), "{:?} claimed {:?}", line, claim);
        }
    }
}

/// Teasers that open with one label ("Company Town" over each headline and its sentence) are
/// one list under the header, whose sentences do not end it; the article's paragraphs between
/// an ad's labels are no such list.
#[test]
fn a_related_list_of_labelled_teasers_goes_on_through_their_sentences() {
    let teaser = |headline: &str, sentence: &str| {
        format!("City Desk\n{headline}\nCity Desk\n{headline}\n{sentence}")
    };
    let text = format!(
        "{BODY}\nMore from the paper\n{}\n{}\n{}\n\n{BODY}",
        teaser(
            "Bridge repairs finish two months early",
            "The city says the work cost less than planned."
        ),
        teaser(
            "Why the new tram line is late. What comes next?",
            "Engineers found old pipes under the main road."
        ),
        teaser(
            "Markets reopen after the long holiday",
            "Traders expect a busy week as prices settle."
        ),
    );
    for line in [
        "Bridge repairs finish two months early",
        "The city says the work cost less than planned.",
        "Why the new tram line is late. What comes next?",
        "Engineers found old pipes under the main road.",
        "Traders expect a busy week as prices settle.",
    ] {
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some("related-list"),
            "{line}"
        );
    }
    // Long paragraphs between an item's labels: the article, its ads labelled alike.
    let para = "The council said on Monday that the plan for the river district would be discussed again, and residents were asked to send their views before the end of the month.";
    let text = format!(
        "{BODY}\nMore from the paper\nSponsored box\n{para} One.\n\nSponsored box\n{para} Two.\n\nSponsored box\n{para} Three.\n\nSponsored box\n\n{BODY}"
    );
    assert_eq!(claim_of(&text, &format!("{para} Two.")), None);
}
