use super::*;
use crate::boilerplate::heuristics::features::features;
use proptest::prelude::*;

fn credit(t: &str) -> bool {
    credit_tail(t, &features(t))
}

fn letter(t: &str) -> bool {
    newsletter(t, &features(t))
}

#[test]
fn captions_closed_by_a_credit() {
    for t in [
        "Beijing Chaoyang Hospital in Beijing, China, where patients sought treatment Credit: EPA",
        "A couple in Mongolia who died are suspected to have eaten a marmot Credit: The Siberian Times",
        "In the late 1800s, overhead utilities were buried. Credit Kirsten Luce for The New York Times",
        "Spokojený Tomáš Souček po vítězství ve Villa Parku. | Foto: Reuters",
        "Fernando Caudevilla, AKA DoctorX. Photo: Joseph Cox",
        "Der Sieger im Ziel nach dem Rennen. Bild: dpa",
        "Nikon Zf with 40mm f/2 SE lens. Photo credit: Nikon",
    ] {
        assert!(credit(t), "{t}");
    }
}

#[test]
fn article_lines_with_credit_words_stay() {
    for t in [
        "The Child Tax Credit is worth a maximum of $2,000 per qualifying child.",
        "He applied for the Earned Income Tax Credit for workers",
        "The agency said: Credit conditions will tighten further this year.",
        "Officials gave one reason for the delay: the photo was never found.",
        "Her advice: Photo albums are worth keeping.",
        "Credit: Reuters",
        "The bank cut its rating. Credit markets fell sharply.",
    ] {
        assert!(!credit(t), "{t}");
    }
}

#[test]
fn newsletter_boxes() {
    for t in [
        "Pick Six Newsletter",
        "GET THE BOING BOING NEWSLETTER",
        "Redaktions-Newsletter",
        "Newsletter abonnieren",
        "Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.",
        "Jetzt zum kostenlosen Newsletter anmelden und nichts verpassen.",
        "Melden Sie sich für unseren Newsletter an",
        "For daily wit & wisdom, sign up for the Almanac newsletter.",
        "Recevez notre newsletter chaque semaine.",
        "Never miss a sale again by signing up for the Harbour Shop newsletter!",
        "Rate this week's newsletter with one click. Your feedback helps.",
        "You can withdraw at any time: in the newsletter or by email to unsubscribe@example.org.",
        "Vous pouvez utiliser le lien de désabonnement intégré dans la newsletter.",
    ] {
        assert!(letter(t), "{t}");
    }
}

#[test]
fn sentences_about_newsletters_stay() {
    for t in [
        "Monday newsletters always feature top 10 travel lists to inspire.",
        "The company launched a newsletter in 2019, the report said.",
        "Der Verein verschickte im Mai einen Newsletter an die Mitglieder.",
        "Subscribers to the club's newsletter counted 61 species over one weekend.",
        // (A cue inside a word is none: "assin" in "embarrassing", "get" in "forget".)
        "The embarrassing part: the club forgot its own newsletter for a month.",
        "Sailors forget the newsletter by the second week at sea.",
        // (The reader's own newsletter is no offer of the site's.)
        "Once your newsletter has a few hundred readers, the open rate tells you more.",
    ] {
        assert!(!letter(t), "{t}");
    }
}

fn comment(t: &str) -> bool {
    comment_form(t, &features(t))
}

#[test]
fn comment_forms_and_policies() {
    for t in [
        "You must login or create an account to comment.",
        "You must be logged in to report a comment.",
        "Sign in to post a comment.",
        "Para comentar debes registrarte y completar los datos generales.",
        "Para poder comentar tenés que ingresar con tu usuario.",
        "Sie müssen angemeldet sein, um Kommentare zu schreiben!",
        "Please understand that comments are moderated and it is not always possible to publish all.",
        "Comments are subject to our community guidelines, which can be viewed here.",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    ] {
        assert!(comment(t), "{t}");
    }
}

#[test]
fn sentences_about_comments_stay() {
    for t in [
        "A Whole Foods spokeswoman declined to comment on pricing.",
        "Yoon's office has not commented on the allegations.",
        "Moderators removed thousands of comments from the platform last year.",
        "The company did not respond to a request for comment about its login system.",
    ] {
        assert!(!comment(t), "{t}");
    }
}

#[test]
fn counted_items() {
    for t in [
        "Akhlaq (47)",
        "November 2019 (12)",
        "@font-face (9)",
        "Aliran Sesat (225)",
    ] {
        assert!(counted_item(t, &features(t)), "{t}");
    }
    for t in [
        "Common problems in student newsrooms (2011)",
        "He was born in Baku (1971)",
        "(12)",
        "Step 19: Stains and Dyes and other notes for the home workshop (2)",
    ] {
        assert!(!counted_item(t, &features(t)), "{t}");
    }
}

fn claims_of(text: &str) -> Vec<Option<Claim>> {
    use crate::boilerplate::line::Line;
    let lines = Line::split(text);
    let mut claimed = vec![None; lines.len()];
    crate::boilerplate::heuristics::apply(
        &HeuristicOptions::default(),
        &lines,
        crate::boilerplate::stopwords::DocLang::Unknown,
        &mut claimed,
    );
    claimed
}

#[test]
fn a_run_of_counted_items_is_a_widget() {
    let body =
        "The ministry said on Monday that the talks would continue next week in the capital.";
    let text =
        format!("{body}\nKategori\nAkhir Zaman (15)\nAkhlaq (47)\nAliran Islam (160)\n{body}");
    let c = claims_of(&text);
    assert!(c[2..5].iter().all(|&c| c == Some(Claim::LinkList)), "{c:?}");
}

proptest! {
    /// A line without the word "newsletter" is never a newsletter line; a line without a colon
    /// and without "Credit " never a credit.
    #[test]
    fn the_marks_are_needed(t in "\\PC{0,80}") {
        if !t.to_lowercase().contains("newsletter") {
            prop_assert!(!letter(&t));
        }
        if !t.contains([':', '\u{FF1A}']) && !t.contains("Credit ") {
            prop_assert!(!credit(&t));
        }
    }

    /// Two counted items alone are no widget run: an article may close two lines with a count.
    #[test]
    fn two_counted_items_stay(a in "[A-Z][a-z]{2,9}", b in "[A-Z][a-z]{2,9}", n in 1u32..999) {
        let text = format!("Intro line of the story\n{a} ({n})\n{b} ({n})\nClosing words of the story");
        let c = claims_of(&text);
        prop_assert!(c[1] != Some(Claim::LinkList) && c[2] != Some(Claim::LinkList), "{:?}", c);
    }

    /// A credit closes the line: a sentence after it is no credit.
    #[test]
    fn a_sentence_after_the_credit_is_no_caption(
        cap in "[A-Z][a-z]{2,8}( [a-z]{2,8}){2,6}\\.",
        name in "[A-Z][a-z]{2,8}",
        tail in "( [a-z]{2,8}){3,6}\\.",
    ) {
        let t = format!("{cap} Photo: {name}");
        prop_assert!(credit(&t), "{}", t);
        let t2 = format!("{cap} Photo: {name}.{tail}");
        prop_assert!(!credit(&t2), "{}", t2);
    }
}
