//! The multilingual vocabularies (`phrases`, `vocabulary`): chrome lines of many languages are
//! claimed by the heuristic of their class, and article sentences that open with the same words
//! stay; Chinese and Japanese lines are recounted so a paragraph reads as prose. Made-up text.

use super::*;

#[test]
fn chrome_in_many_languages_is_claimed() {
    // (name, line, claim)
    let cases = [
        ("de comment form", "Schreibe einen Kommentar", "prompt"),
        (
            "de email notice",
            "Deine E-Mail-Adresse wird nicht veröffentlicht.",
            "prompt",
        ),
        ("de share", "Teilen Sie dies mit:", "prompt"),
        ("de comment count", "2 Kommentare", "prompt"),
        ("de print alone", "Drucken", "prompt"),
        ("gallery counter", "3 of 12", "prompt"),
        ("gallery counter with a noun", "Image 2 of 7", "prompt"),
        (
            "gallery counter with a stray slash",
            "Image 1 of / 6",
            "prompt",
        ),
        ("gallery counter with a slash", "4 / 9", "prompt"),
        ("gallery counter, de", "Foto 2 von 5", "prompt"),
        ("gallery counter and a separator", "1 of 15 |", "prompt"),
        ("gallery label", "Full Screen", "prompt"),
        ("picture label alone", "Image", "prompt"),
        ("numbered picture label", "2. Photo", "prompt"),
        ("numbered label", "3) Video", "prompt"),
        ("ru picture label", "Фото", "prompt"),
        ("gallery caption toggle", "Hide Caption", "prompt"),
        ("de ad label", "Anzeige", "prompt"),
        (
            "de noun with an umlaut capitalised",
            "Zurück zur Übersicht",
            "prompt",
        ),
        ("numbered ad slot", "Advertisement 2", "prompt"),
        ("de newsletter", "Jetzt zum Newsletter anmelden", "prompt"),
        ("en print recipe", "Print Recipe", "prompt"),
        ("de empty cart", "Ihr Warenkorb ist leer", "prompt"),
        ("fr back to the list", "Retour à la liste", "prompt"),
        ("es email field", "Introduce tu correo electrónico", "prompt"),
        ("ru empty cart", "Ваша корзина пуста", "prompt"),
        ("de share this post", "Teile diesen Beitrag auf:", "prompt"),
        ("table of contents header", "Table of Contents", "prompt"),
        ("de table of contents header", "Inhaltsverzeichnis", "prompt"),
        ("embedded post", "View this post on Instagram", "prompt"),
        ("de comment form with jetzt", "Hinterlasse jetzt einen Kommentar", "prompt"),
        (
            "fr comments closed",
            "Les commentaires sont fermés.",
            "prompt",
        ),
        ("fr follow", "Suivez-nous sur Facebook et Twitter", "prompt"),
        (
            "es follow",
            "Síguenos en Telegram, Instagram y Twitter",
            "prompt",
        ),
        ("es comments with count", "Comentarios (12)", "prompt"),
        ("it comment form", "Lascia un commento", "prompt"),
        ("pt subscribe", "Inscreva-se na nossa newsletter", "prompt"),
        ("nl read on", "Lees verder »", "prompt"),
        ("pl log in", "Zaloguj się", "prompt"),
        ("tr read more", "Devamını oku", "prompt"),
        ("zh share", "分享到：", "prompt"),
        ("zh editor", "责任编辑：王明", "byline"),
        ("ja share", "この記事をシェア", "prompt"),
        ("ko comments", "댓글", "prompt"),
        ("de photo credit", "Foto: dpa", "caption"),
        (
            "de image rights",
            "Bildrechte: IMAGO / Jana Müller",
            "caption",
        ),
        ("de source credit", "Quelle: dpa", "caption"),
        ("es image credit", "Imagen: Agencia Sur", "caption"),
        (
            "de caption with a bracketed credit",
            "Der Sieger im Ziel nach vier Stunden. (Foto: Privat)",
            "caption",
        ),
        ("ko photo", "사진: 연합뉴스", "caption"),
        (
            "de keywords",
            "Schlagwörter: Energie, Politik, Berlin",
            "tags",
        ),
        ("es tags", "Etiquetas: economía, deuda", "tags"),
        (
            "tags without colon",
            "Tags Reise, Architektur, Baku",
            "tags",
        ),
        (
            "blog engine's category phrase",
            "This entry was posted in News. Bookmark the permalink.",
            "tags",
        ),
        ("category after a label", "Posted in Garden Tips", "tags"),
        ("de published", "Veröffentlicht am 16.08.2019", "timestamp"),
        ("fr updated", "Mis à jour le 3 mars 2024", "timestamp"),
        (
            "it published and changed",
            "Pubblicato il 3 marzo 2021 Ultima modifica 4 marzo 2021 09:15",
            "timestamp",
        ),
        (
            "de rights",
            "Zeitungsverlag Muster GmbH. Alle Rechte vorbehalten.",
            "copyright",
        ),
        ("es rights", "Todos los derechos reservados", "copyright"),
        ("zh rights", "版权所有 新闻网", "copyright"),
        ("zh licence number", "海ICP备01234567号-2", "copyright"),
        (
            "zh police registration",
            "海公网安备 12345678901234号 网站标识码：0000000001",
            "copyright",
        ),
        (
            "es read also glued",
            "Lea también: Ministros se reúnen en Bruselas la próxima semana",
            "related-list",
        ),
        (
            "es look colon",
            "MIRA: Ministros se reúnen en Bruselas",
            "related-list",
        ),
        ("fr read also", "À lire aussi", "related-list"),
        ("de recent comments", "Aktuelle Kommentare", "related-list"),
        ("en recent posts", "Recent Posts", "related-list"),
        (
            "de related header",
            "Das könnte Sie auch interessieren",
            "related-list",
        ),
        (
            "pt read also",
            "Leia também: Ministros se reúnem em Bruxelas",
            "related-list",
        ),
        (
            "id read also",
            "Baca juga: Menteri bertemu di Brussel",
            "related-list",
        ),
        ("load more", "Load more", "prompt"),
        ("call to action", "Learn more", "prompt"),
        ("call to action with an arrow", "Get tickets ›", "prompt"),
        ("video button", "Play Video", "prompt"),
        ("de show more", "Mehr anzeigen", "prompt"),
        ("no show more", "Vis mer", "prompt"),
        ("ru show more", "Показать ещё", "prompt"),
        ("zh log in to comment", "请登录后发表评论", "prompt"),
        ("zh-Hant log in to comment", "請登入後留言", "prompt"),
        ("zh related", "相关阅读", "related-list"),
        ("ja related", "関連記事", "related-list"),
        (
            "caption placing people",
            "Mayor Ann Lee, second left, and council members cut the ribbon at the new library on Monday.",
            "caption",
        ),
        (
            "de caption placing people",
            "Die Ministerin (l.) und der Bürgermeister beim Rundgang durch das neue Werk.",
            "caption",
        ),
        (
            "fr caption placing people",
            "Le maire (à gauche) accueille les pompiers devant la mairie après l'incendie.",
            "caption",
        ),
    ];
    for (name, line, want) in cases {
        let text = in_article(line);
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some(want),
            "case {name}: {line:?}"
        );
    }
}

#[test]
fn sentences_opening_with_chrome_words_stay() {
    let cases = [
        (
            "de follow sentence",
            "Folgen Sie uns durch die Altstadt, sagte der Führer am Montag.",
        ),
        (
            "de share sentence",
            "Teilen ist wichtiger als besitzen, sagt die Autorin.",
        ),
        (
            "de photo sentence",
            "Foto des Tages zeigt den Präsidenten in Baku.",
        ),
        (
            "numbered step naming a picture",
            "2. Photo the harbour wall at low tide before the repair starts.",
        ),
        (
            "de topic sentence",
            "Thema der Konferenz war die Energiepolitik.",
        ),
        (
            "de comments sentence",
            "Kommentare des Ministers wurden scharf kritisiert.",
        ),
        (
            "de published sentence",
            "Veröffentlicht am Ende hat der Verlag nur die Hälfte der Briefe.",
        ),
        (
            "en posted in sentence",
            "Posted in 2019, the video went viral within days.",
        ),
        (
            "en party letter",
            "Senator Jane Roe (R) said the bill would not pass the chamber this year.",
        ),
        (
            "en relax, center",
            "Breathe slowly, relax, center, and let the thoughts pass without judging them.",
        ),
        (
            "en left to right",
            "The panel is read from left to right, as the artist intended it in 1920.",
        ),
        ("de day heading", "Tag 3 der Konferenz"),
        (
            "en dated sentence",
            "Published on 3 March 2024, the report found that the ministry had ignored every warning it got.",
        ),
        (
            "es read sentence",
            "Lea también el informe completo del ministerio.",
        ),
        (
            "fr share sentence",
            "Partager les données reste un défi pour les hôpitaux.",
        ),
        (
            "zh comment sentence",
            "评论认为，这次会谈对两国关系具有重要意义，双方都表示愿意继续对话。",
        ),
        (
            "zh share sentence",
            "分享到社交网络的照片引起了广泛关注，警方随后介入调查并公布了结果。",
        ),
        ("word glued to a label", "Anzeigenkunden zahlen mehr."),
        ("round the clock", "24/7"),
        ("position past the total", "Image 9 of 4"),
        ("no position", "0 of 3"),
        (
            "a count in a sentence",
            "Photo 1 of 3 shows the harbour at dawn.",
        ),
        ("four digits", "1 of 2025"),
    ];
    for (name, line) in cases {
        let text = in_article(line);
        assert_eq!(claim_of(&text, line), None, "case {name}: {line:?}");
    }
}

#[test]
fn chinese_paragraph_ends_a_related_list() {
    let para = "外交部发言人周一表示，双方将于下周在首都继续举行会谈，讨论边界问题的解决方案。";
    let text = format!(
        "两国外长再次会面\n\n{para}\n双方代表自春季以来已经会面四次，据熟悉谈判进程的官员透露，会谈气氛良好。\n\n\
         相关新闻\n外长会谈取得进展\n边界委员会召开会议\n\n{para}\n"
    );
    let got = claims(&text);
    let of = |line: &str| {
        got.iter()
            .filter(|(l, _)| l == line)
            .map(|(_, c)| c.as_deref())
            .collect::<Vec<_>>()
    };
    assert_eq!(of("相关新闻"), [Some("related-list")], "{got:?}");
    assert_eq!(of("边界委员会召开会议"), [Some("related-list")], "{got:?}");
    assert_eq!(of(para), [None, None], "{got:?}");
}

#[test]
fn phrase_lists_are_lowercase_and_unique() {
    use super::super::web_vocabulary::{
        CAPTION_LABELS, DATE_LABELS, PROMPT_ALONE, PROMPT_HEADS, RELATED_HEADS, RIGHTS_PHRASES,
        TAG_LABELS,
    };
    let lists: [&[&str]; 7] = [
        RELATED_HEADS,
        PROMPT_HEADS,
        PROMPT_ALONE,
        CAPTION_LABELS,
        TAG_LABELS,
        DATE_LABELS,
        RIGHTS_PHRASES,
    ];
    let mut seen = std::collections::HashSet::new();
    for list in lists {
        for p in list {
            assert_eq!(p.to_lowercase(), *p, "{p:?} is not lowercase");
            assert_eq!(p.trim(), *p, "{p:?} has spaces around it");
            assert!(seen.insert(*p), "{p:?} listed twice");
        }
    }
}

#[test]
fn switched_off_prompts_leave_the_vocabulary_lines() {
    let line = "Schreibe einen Kommentar";
    let text = in_article(line);
    let lines = Line::split(&text);
    let mut claimed: Vec<Option<Claim>> = vec![None; lines.len()];
    let opts = HeuristicOptions {
        prompt: false,
        ..HeuristicOptions::default()
    };
    apply(&opts, &lines, DocLang::Unknown, &mut claimed);
    let i = lines.iter().position(|l| l.text == line).expect("line");
    assert_eq!(claimed[i], None);
}

#[test]
fn related_list_ends_at_a_lead_in_and_at_a_long_cjk_line() {
    let lead = "Einen ausführlichen Überblick über die neue Schnittstelle finden Sie hier:";
    let text = format!(
        "Ministers meet again as border talks resume\n\n{BODY}Mehr zum Thema\n{lead}\nSchnittstelle im Überblick\n{BODY}"
    );
    let got = claims(&text);
    assert_eq!(
        of_line(&got, "Mehr zum Thema"),
        Some("related-list"),
        "{got:?}"
    );
    assert_eq!(of_line(&got, lead), None, "{got:?}");
    // A Chinese line longer than a headline, without a sentence end, is a paragraph.
    let long = "外交部发言人周一表示双方将于下周在首都继续举行会谈并讨论边界问题的解决方案以及今后的合作方向";
    let text = format!("两国外长再次会面\n\n{BODY}相关新闻\n外长会谈取得进展\n{long}\n{BODY}");
    let got = claims(&text);
    assert_eq!(
        of_line(&got, "外长会谈取得进展"),
        Some("related-list"),
        "{got:?}"
    );
    assert_eq!(of_line(&got, long), None, "{got:?}");
}

/// The claim of `line` in `got`.
fn of_line<'a>(got: &'a [(String, Option<String>)], line: &str) -> Option<&'a str> {
    got.iter()
        .find(|(l, _)| l == line)
        .unwrap_or_else(|| panic!("line {line:?} not found"))
        .1
        .as_deref()
}

proptest::proptest! {
    /// Any line, however cut (labels, brackets, counts, CJK and combining characters), is judged
    /// without panicking, and a lone label stays lone whatever count and brackets surround it.
    #[test]
    fn any_line_is_judged(t in "([ :/()\\[\\]0-9a-zäöüéÀ»•·分享评论関連]|Kommentare|Foto|Lea también|\\PC){0,12}") {
        let f = super::super::features::features(t.trim());
        let _ = super::super::phrases::chrome_claim(t.trim(), &f);
        let _ = super::super::phrases::opener(t.trim());
    }

    #[test]
    fn counted_labels_are_prompts(n in 0u32..1000, label in "(Kommentare|Comentarios|Commenti|Drucken|评论)") {
        for line in [format!("{n} {label}"), format!("{label} ({n})"), label.clone()] {
            let f = super::super::features::features(&line);
            proptest::prop_assert_eq!(
                super::super::phrases::chrome_claim(&line, &f),
                Some(Claim::Prompt),
                "{:?}", line
            );
        }
    }
}

proptest::proptest! {
    /// The openers `related-list` finds on its way are each line's opener, and `claim_chrome`
    /// given them claims what it claims finding every opener itself.
    #[test]
    fn shared_openers_are_the_plain_ones(
        text in "((Related|Lea también|Read more|Kommentare|Foto|Tags|Популярное|[ :/()0-9a-zA-Zä分享»•]|\\PC){0,8}\n){1,8}"
    ) {
        use super::super::features::Doc;
        let lines = Line::split(&text);
        let doc = Doc::new(&lines, DocLang::Unknown);
        let opts = HeuristicOptions::default();
        let mut claimed = vec![None; lines.len()];
        let mut opened = vec![None; lines.len()];
        super::super::lists::related_lists(&doc, &mut opened, &mut claimed);
        for (i, o) in opened.iter().enumerate() {
            if let Some(o) = o {
                proptest::prop_assert_eq!(*o, super::super::phrases::opener(lines[i].text));
            }
        }
        let mut plain = claimed.clone();
        super::super::phrases::claim_chrome(&opts, &doc, &opened, &mut claimed);
        super::super::phrases::claim_chrome(&opts, &doc, &vec![None; lines.len()], &mut plain);
        proptest::prop_assert_eq!(claimed, plain);
    }
}
