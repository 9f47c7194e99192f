//! The stage's own tests: the layers together on small made-up pages.

use super::*;

/// Every heuristic off (a struct literal, so a new switch cannot be forgotten here).
fn off() -> HeuristicOptions {
    HeuristicOptions {
        dated_list: false,
        related_list: false,
        byline: false,
        timestamp: false,
        caption: false,
        prompt: false,
        copyright: false,
        tags: false,
        link_list: false,
        section_label: false,
        repeated_title: false,
        separator: false,
        chart: false,
        described_menu: false,
        content_list: false,
        comments: false,
    }
}

/// Whether the detection's warnings say the config rule `name` was not applied (the guard).
fn withdrawn(d: &Detection, name: &str) -> bool {
    let said = format!("\"{name}\" not applied");
    d.warnings.iter().any(|w| w.contains(&said))
}

/// A stage with the config `rules` (case-insensitive) and every heuristic off.
fn bp(rules: &[(&str, RuleKind, &str)]) -> Boilerplate {
    bp_with(rules, off())
}

/// A stage with the config `rules` (case-insensitive) and the shipped heuristics.
fn bp_on(rules: &[(&str, RuleKind, &str)]) -> Boilerplate {
    bp_with(rules, HeuristicOptions::default())
}

fn bp_with(rules: &[(&str, RuleKind, &str)], heuristics: HeuristicOptions) -> Boilerplate {
    let opts = BoilerplateOptions {
        heuristics,
        rules: rules
            .iter()
            .map(|(n, k, p)| RuleSpec {
                name: n.to_string(),
                kind: *k,
                pattern: p.to_string(),
                ignore_case: true,
            })
            .collect(),
        ..BoilerplateOptions::default()
    };
    Boilerplate::new(&opts, Path::new("t.toml")).unwrap()
}

/// A page's comment section under the article goes from its heading to the end, though the
/// comments read as prose (and would join the body span); the article stays whole. (The
/// comments are under `max_prose_removed` of the prose: the guard withdraws a larger
/// section.)
#[test]
fn the_comment_section_goes_the_article_stays() {
    let bp = Boilerplate::new(&BoilerplateOptions::default(), Path::new("t.toml")).unwrap();
    let article = [
        "The ferry to the island runs twice a day in winter, and the harbour office sells tickets until noon on weekdays.",
        "A second boat is planned for the summer, when the number of visitors doubles and the queues on the quay grow long.",
        "The council will decide on the timetable in March, after a public meeting in the town hall that is open to all.",
        "Fares stay the same this year, the operator said, although the price of fuel has risen by a fifth since the spring.",
        "Cyclists may take their bikes on board for free, but cars have to be booked at least one day before the crossing.",
    ];
    let comments = [
        "I took the morning ferry last week and the crossing was calm, though the cafe on board was closed for repairs.",
        "A second boat is long overdue, the queues in August are far too long for families with small children and prams.",
    ];
    let text = format!(
        "Home\nNews\nSport\nWeather\nTravel\n\nFerry timetable to change in spring\n\n{}\n\n4 Comments\n\njdoe\n\n{}\n\nReply\n\nAnna K\n\n{}\n\nReply\n\nPrivacy\nContact\n",
        article.join("\n\n"),
        comments[0],
        comments[1]
    );
    let d = bp.detect(&text);
    let rule_of = |line: &str| {
        d.findings
            .iter()
            .find(|f| text[f.range.clone()].contains(line))
            .map(|f| f.rule.clone())
    };
    for line in article {
        assert_eq!(rule_of(line), None, "{line}: {:?}", d.findings);
    }
    for line in comments {
        assert_eq!(rule_of(line).as_deref(), Some("comments"), "{line}");
    }
}

/// A short note under a header that a cut-from rule names: the rule would take the whole
/// note (the model finds no prose in so few short lines, so the guard weighs its sentences),
/// and is withdrawn. Without the sentence, the header alone goes as before.
#[test]
fn a_cut_from_rule_never_takes_a_whole_note() {
    let bp = bp_on(&[("latest", RuleKind::CutFrom, r"^latest news$")]);
    let note = "The council resigned on Tuesday after a vote of no confidence.";
    let text = format!("Latest news\n\n{note}\n");
    let d = bp.detect(&text);
    assert!(withdrawn(&d, "latest"), "{:?}", d.warnings);
    assert!(
        d.findings
            .iter()
            .all(|f| !text[f.range.clone()].contains(note)),
        "{:?}",
        d.findings
    );
    let d = bp.detect("Latest news\n\nRiverton council\n");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

/// A config rule withdrawn for removing too much prose leaves its lines to the layers below:
/// the heuristics' claims under it stay (a copyright line), as if the rule had not matched.
#[test]
fn a_withdrawn_rule_leaves_the_heuristics_claims() {
    let bp = bp_on(&[("greedy", RuleKind::DropLine, r"\bthe\b")]);
    let para = "The council met on Monday and agreed that the new bridge over the river would open in the spring, after a year of delays caused by the weather and by the cost of steel.";
    let text = format!(
        "Riverton bridge opens in spring\n\n{para}\n\n{para}\n\n{para}\n\n\u{a9} 2025 The Riverton Gazette. All rights reserved.\n"
    );
    let d = bp.detect(&text);
    assert!(withdrawn(&d, "greedy"), "{:?}", d.warnings);
    let cut: Vec<&str> = d
        .findings
        .iter()
        .map(|f| text[f.range.clone()].trim_end())
        .collect();
    assert_eq!(
        cut,
        ["\u{a9} 2025 The Riverton Gazette. All rights reserved."],
        "{:?}",
        d.findings
    );
}

#[test]
fn cut_from_removes_the_rest() {
    let text = "Title\nBody text.\nLatest news: x\n01.Jan.2026\n\nMore";
    let d = bp(&[("latest", RuleKind::CutFrom, r"^latest news\b")]).detect(text);
    assert_eq!(d.findings.len(), 1);
    assert_eq!(
        &text[d.findings[0].range.clone()],
        "Latest news: x\n01.Jan.2026\n\nMore"
    );
    assert_eq!(d.findings[0].rule, "latest");
}

#[test]
fn drop_line_only_matching_lines() {
    let text = "Body.\nPhoto: AP\nMore body.\n";
    let d = bp(&[("credit", RuleKind::DropLine, r"^photo\s*:")]).detect(text);
    assert_eq!(d.findings.len(), 1);
    assert_eq!(&text[d.findings[0].range.clone()], "Photo: AP\n");
}

#[test]
fn drop_block_stops_at_prose() {
    let text = "Related\nOne headline\nAnother headline\nThis is a long paragraph of real prose that goes on for many words.\n";
    let d = bp(&[("related", RuleKind::DropBlock, r"^related$")]).detect(text);
    assert_eq!(
        &text[d.findings[0].range.clone()],
        "Related\nOne headline\nAnother headline\n"
    );
}

#[test]
fn bad_regex_names_the_rule() {
    let opts = BoilerplateOptions {
        rules: vec![RuleSpec {
            name: "broken".into(),
            kind: RuleKind::DropLine,
            pattern: "(".into(),
            ignore_case: true,
        }],
        ..BoilerplateOptions::default()
    };
    let e = Boilerplate::new(&opts, Path::new("c.toml")).err().unwrap();
    assert!(e.to_string().contains("broken"), "{e}");
}

/// Clean text (no page chrome: a news corpus) loses no line, not even a lone heading the
/// section-label heuristic takes for a page's navigation word; on a page with menus around
/// the same article, the menus go.
#[test]
fn clean_text_keeps_its_headings() {
    let bp = Boilerplate::new(&BoilerplateOptions::default(), Path::new("t.toml")).unwrap();
    let article = "Riverton mayor wins a second term in office

\
        The mayor of Riverton won a second term on Sunday, taking more than half of the votes in a race that had been expected to be close.

\
        Turnout was higher than at the last election, officials said, with long queues at the polling stations in the north of the city.

\
        The mayor thanked her supporters and said that she would spend the next four years on housing and on the city's transport.

\
        Her main rival conceded defeat late on Sunday evening and called on his party to support the new council in its work.

\
        Final count

\
        North 4,512 3,210
\
        South 2,908 3,377
\
        East 1,870 1,202
";
    let d = bp.detect(article);
    let cut: Vec<&str> = d
        .findings
        .iter()
        .map(|f| &article[f.range.clone()])
        .collect();
    assert_eq!(cut, Vec::<&str>::new(), "{:?}", d.findings);
    let page =
        format!("Home\nNews\nSport\nWeather\nLogin\n\n{article}\nContact us\nPrivacy\nTerms\n");
    let d = bp.detect(&page);
    let cut: String = d.findings.iter().map(|f| &page[f.range.clone()]).collect();
    for chrome in ["Home", "Weather", "Privacy"] {
        assert!(cut.contains(chrome), "{chrome} kept: {cut:?}");
    }
}

/// A config rule named like a heuristic is its own claim: its lines are not merged with the
/// heuristic's, and meta does not read a byline off them.
#[test]
fn a_rule_named_like_a_heuristic_stays_apart() {
    let bp = bp_on(&[("byline", RuleKind::DropLine, r"^sponsored by\b")]);
    let body =
        "The ministry said on Monday that the talks would continue next week in the capital.\n\
        The two delegations have met four times since the spring, according to officials.\n";
    let text = format!(
        "Ministers meet again as border talks resume\nSponsored by Acme Travel\nBy Jane Roe\n\n{body}"
    );
    let d = bp.detect(&text);
    let cut: Vec<(&str, &str)> = d
        .findings
        .iter()
        .map(|f| (&text[f.range.clone()], f.rule.as_str()))
        .collect();
    assert_eq!(
        cut,
        [
            ("Sponsored by Acme Travel\n", "byline"),
            ("By Jane Roe\n", "byline")
        ],
        "two claims of one name, not merged"
    );
    assert_eq!(d.meta.byline.as_deref(), Some("By Jane Roe"));
    assert_eq!(d.meta.author.as_deref(), Some("Jane Roe"));
}

/// The headline of pasted text without a page title: over a lead sentence too sparse in
/// stopwords for prose (a market report), over a hard-wrapped paragraph with no blank line
/// between them, and under a site menu on the first line (no page title).
#[test]
fn headlines_of_pasted_text() {
    let bp = Boilerplate::new(&BoilerplateOptions::default(), Path::new("t.toml")).unwrap();
    let market = "Stocks slide as rate fears return\n\
        Northern shares fell sharply on Thursday as traders priced higher interest rates.\n\
        The Northern 100 index closed down 1.8% at 7,412.50, its biggest one-day fall since October.\n\
        Northern 100: 7,412.50 (-1.8%)\nMid 250: 19,880.10 (-1.2%)\nBrent crude: $78.40 (+0.6%)\n\
        Gold: $2,014 (+0.9%)\n\
        Banks were among the biggest fallers, with Harlow Bank down 4.1% and Eastway down 3.7%.\n\
        Gold rose as investors looked for safety.\n";
    let wrapped = "Home | News | Sport | Weather\n\
        Rail strike called off after late-night talks\n\
        Train drivers have called off next week's strike after talks that ran\n\
        until 2am on Wednesday, the union said. The walkout would have closed\n\
        the entire Northern network for three days.\n\n\
        The union's general secretary said the rail operator had made a better\n\
        offer on pay and on working hours, and that members would now vote on\n\
        it in a ballot that closes at the end of the month.\n\n\
        The operator said it was glad the strike would not go ahead and that\n\
        trains would run to the normal timetable from Monday morning.\n";
    for (name, text, want) in [
        ("market report", market, "Stocks slide as rate fears return"),
        (
            "hard-wrapped under a menu",
            wrapped,
            "Rail strike called off after late-night talks",
        ),
    ] {
        let d = bp.detect(text);
        assert_eq!(d.meta.title.as_deref(), Some(want), "case {name}");
    }
}

/// What [`past_the_article`] keeps removed under a span the guard doubts: the model's lines past
/// the first section under the span, unless the model's prose there outweighs the span's (a
/// comment thread's own prose does not count) or follows a short section (a box inside the
/// article).
#[test]
fn past_the_article_under_the_span() {
    use body::Class;
    // 0-2 the span (prose), 3 a model line, 4 a related list, 5-8 the model's lines (6 prose).
    let n = 9;
    let mut free = vec![Class::Short; n];
    for i in [0, 1, 2, 6] {
        free[i] = Class::Good;
    }
    let body = body::Body {
        span: Some((0, 2)),
        free,
        len: vec![100; n],
        ..body::Body::default()
    };
    let mut claimed = vec![None; n];
    for c in &mut claimed[3..] {
        *c = Some(Claim::OutsideBody);
    }
    claimed[4] = Some(Claim::RelatedList);
    let past = |claimed: &[Option<Claim>]| -> Vec<usize> {
        let p = past_the_article(&body, claimed);
        (0..n).filter(|&i| p[i]).collect()
    };
    assert_eq!(past(&claimed), [5, 6, 7, 8]);
    // No section: nothing.
    let mut none = claimed.clone();
    none[4] = Some(Claim::OutsideBody);
    assert!(past(&none).is_empty());
    // More of the model's prose past the section than in the span: nothing.
    let long = body::Body {
        len: vec![100, 100, 100, 100, 100, 100, 301, 100, 100],
        ..body.clone()
    };
    assert!(past_the_article(&long, &claimed).iter().all(|p| !p));
    // A box of one related line with the model's prose right under it: the article goes on
    // under its box, nothing goes; a related list of four lines over prose still closes it.
    let mut free = body.free.clone();
    free[5] = Class::Good;
    let resumed = body::Body {
        free,
        ..body.clone()
    };
    assert!(past_the_article(&resumed, &claimed).iter().all(|p| !p));
    let mut list = claimed.clone();
    for c in &mut list[4..8] {
        *c = Some(Claim::RelatedList);
    }
    let mut free = body.free.clone();
    free[8] = Class::Good;
    let closed = body::Body {
        free,
        ..body.clone()
    };
    let p = past_the_article(&closed, &list);
    assert_eq!((0..n).filter(|&i| p[i]).collect::<Vec<_>>(), [8]);
    // The same prose a comment thread's: the lines past it go.
    let mut thread = claimed.clone();
    thread[6] = Some(Claim::Comments);
    let p = past_the_article(&long, &thread);
    assert_eq!((0..n).filter(|&i| p[i]).collect::<Vec<_>>(), [5, 7, 8]);
}
