//! Named table cases per heuristic: each positive must be claimed by that heuristic, each negative
//! must stay (unclaimed) when it sits in an article.

use super::*;

/// Runs every heuristic over `text` and returns each non-blank line with its claim.
fn claims(text: &str) -> Vec<(String, Option<String>)> {
    let lines: Vec<Line<'_>> = crate::normalize::lines_with_offsets(text)
        .map(|(at, l)| Line {
            range: (at, at + l.len()),
            text: l.trim(),
        })
        .collect();
    let mut claimed: Vec<Option<&str>> = vec![None; lines.len()];
    apply(&HeuristicOptions::default(), &lines, &mut claimed);
    lines
        .iter()
        .zip(claimed)
        .filter(|(l, _)| !l.text.is_empty())
        .map(|(l, c)| (l.text.to_string(), c.map(str::to_string)))
        .collect()
}

const BODY: &str = "The ministry said on Monday that the talks would continue next week in the capital.\n\
The two delegations have met four times since the spring, according to officials familiar with the process.\n";

/// `line` placed after a headline and a body paragraph, followed by more body.
fn in_article(line: &str) -> String {
    format!("Ministers meet again as border talks resume\n\n{BODY}{line}\n{BODY}")
}

fn claim_of(text: &str, line: &str) -> Option<String> {
    claims(text)
        .into_iter()
        .find(|(l, _)| l == line)
        .unwrap_or_else(|| panic!("line {line:?} not found"))
        .1
}

#[test]
fn one_line_heuristics_positive() {
    let cases = [
        (
            "byline in date",
            "By Jane Roe in Baku, July 2, 2025",
            "byline",
        ),
        ("byline caps", "By JANE DOE and AIDA MAMMADOVA", "byline"),
        ("author label", "Author: Ivan Petrov", "byline"),
        ("russian author", "Автор: Иван Петров", "byline"),
        (
            "reporting by",
            "(Reporting by Jane Roe; Editing by John Doe)",
            "byline",
        ),
        ("timestamp dmy", "14 Jan 2026", "timestamp"),
        ("timestamp dotted", "10.Jan.2026", "timestamp"),
        ("timestamp with time", "June 27, 2025 12:30", "timestamp"),
        ("relative", "2 hours ago", "timestamp"),
        ("updated", "Updated: June 28, 2025", "timestamp"),
        ("photo prefix", "Photo: Reuters", "caption"),
        (
            "via pixabay",
            "Protesters in the square. / Giorgi Beridze via Pixabay",
            "caption",
        ),
        (
            "ap photo",
            "A man walks past the embassy on Tuesday. (AP Photo/Aziz Karimov)",
            "caption",
        ),
        ("photo by afp", "(Photo by Vano Shlamov/AFP)", "caption"),
        ("getty", "Getty Images", "caption"),
        (
            "ai image",
            "Photo: Created with the help of an AI tool",
            "caption",
        ),
        ("russian photo", "Фото: РИА Новости", "caption"),
        ("copyright sign", "© Reuters", "copyright"),
        (
            "all rights",
            "Copyright 2025 The Associated Press. All rights reserved.",
            "copyright",
        ),
        (
            "russian rights",
            "© 2026 ООО «Медиа». Все права защищены.",
            "copyright",
        ),
        (
            "read more glued headline",
            "Read more: Ministers to meet in Brussels next week",
            "related-list",
        ),
        ("read more alone", "Read more", "prompt"),
        ("share", "Share this article", "prompt"),
        (
            "subscribe",
            "Subscribe to our newsletter for the latest updates.",
            "prompt",
        ),
        ("follow", "Follow us on Telegram", "prompt"),
        ("comments", "3 Comments", "prompt"),
        ("share buttons", "Facebook Twitter WhatsApp Email", "prompt"),
        ("russian share", "Поделиться", "prompt"),
        (
            "russian read also",
            "Читайте также: Кремль ответил Баку",
            "related-list",
        ),
        ("tags", "Tags: politics, caucasus, energy", "tags"),
        ("hashtags", "#Azerbaijan #Russia #diplomacy", "tags"),
        (
            "link list",
            "About | Contact | Advertise | Privacy Policy",
            "link-list",
        ),
        ("breadcrumb", "Home > World > Europe", "link-list"),
        (
            "timestamp zone offset",
            "Published 11:42 PM GMT+4, August 8, 2025",
            "timestamp",
        ),
        ("lone dateline", "PARIS, March 30", "timestamp"),
        (
            "lone dateline agency",
            "YEREVAN, June 25 (Reuters)",
            "timestamp",
        ),
        ("reading time", "6 min read", "prompt"),
        ("reading time label", "Reading time: 4 minutes", "prompt"),
        (
            "newsletter footer",
            "Forward this email to a friend. Unsubscribe | Manage preferences",
            "prompt",
        ),
        ("manage preferences", "Manage your preferences", "prompt"),
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
fn article_lines_stay() {
    let cases = [
        ("byline-like sentence", "By escalating the diplomatic dispute over the deaths, Azerbaijan appears to be drawing a red line."),
        ("by monday sentence", "By Monday, the government had recalled its ambassador."),
        ("short quote", "\u{201C}We will not back down,\u{201D} he said."),
        ("short paragraph", "Short version: go."),
        ("roman heading", "I. Deaths in Detention Trigger Diplomatic Crisis"),
        ("numbered heading", "1. A History of Strained Relations"),
        ("heading with year", "2. The 2023 Plane Incident and Fallout"),
        ("conclusion", "Conclusion"),
        ("bullet", "- Walk the Old City early, before the tour groups arrive."),
        ("date in prose", "On June 27, 2025, police raided the office."),
        ("share prices", "Share prices fell sharply on Monday."),
        ("photo in prose", "Photographs of the brothers were shown on state television."),
        ("copyright in prose", "The court rejected the copyright claim in March."),
        ("follow in prose", "Follow-up talks are planned for July."),
        ("slash in prose", "The price rose to 5 / 6 of the original level."),
        ("russian prose", "МИД Азербайджана вызвал временного поверенного в делах России."),
        ("reported from in prose", "Frankel reported from Jerusalem last year that the talks had stalled."),
        ("bio-like sentence mid-body", "Aliyev is a former KGB officer's son."),
        ("bio-like with role mid-body", "Molly Ball is a senior political correspondent."),
        ("credit-like mid-body", "Frankel reported from Jerusalem."),
        ("reading in prose", "She took 6 min to read the statement aloud."),
        ("dateline opening a paragraph", "PARIS (Reuters) - Jordan Bardella said he would run."),
        ("pipe mid-body", "Yes | No"),
    ];
    for (name, line) in cases {
        let text = in_article(line);
        assert_eq!(claim_of(&text, line), None, "case {name}: {line:?}");
    }
}

#[test]
fn dated_headline_list_is_claimed_whole() {
    let text = format!(
        "Ministers meet again as border talks resume\n\n{BODY}\nLatest\nFirst Sidebar Story About Something Else\n10.Jan.2026\n\
         Second Sidebar Story: A Different Topic\n09.Jan.2026\nA third one, in sentence case with the usual words\n08.Jan.2026\n"
    );
    let got = claims(&text);
    for (line, c) in got.iter().skip(3) {
        assert!(c.is_some(), "line {line:?} should be claimed: {got:?}");
    }
    assert_eq!(got[0].1, None, "the headline stays");
}

#[test]
fn headline_with_two_timestamps_is_not_a_list() {
    let text = format!("Ministers meet again as border talks resume\nUpdated: June 28, 2025\nPublished: June 27, 2025\n\n{BODY}");
    let got = claims(&text);
    assert_eq!(got[0].1, None, "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("timestamp"), "{got:?}");
}

#[test]
fn name_next_to_date_is_a_byline() {
    let cases = [
        (
            "author",
            "Ministers meet again as border talks resume\nJane Roe\n14 Jan 2026\n\n",
            "Jane Roe",
        ),
        (
            "domain",
            "Ministers meet again as border talks resume\n14 Jan 2026\nexample.az\n\n",
            "example.az",
        ),
    ];
    for (name, head, line) in cases {
        let text = format!("{head}{BODY}");
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some("byline"),
            "case {name}"
        );
    }
}

#[test]
fn section_labels_above_the_headline_and_after_the_body() {
    let text = format!("Article\nMinisters meet again as border talks resume\n\n{BODY}\nNews\n");
    assert_eq!(claim_of(&text, "Article").as_deref(), Some("section-label"));
    assert_eq!(claim_of(&text, "News").as_deref(), Some("section-label"));
    let heading =
        format!("Ministers meet again as border talks resume\n\n{BODY}Background\n{BODY}");
    assert_eq!(
        claim_of(&heading, "Background"),
        None,
        "a subheading inside the body stays"
    );
    let drop_cap = format!("Ministers meet again as border talks resume\n\nThe\n{BODY}");
    assert_eq!(
        claim_of(&drop_cap, "The"),
        None,
        "a glued drop-cap word stays"
    );
}

#[test]
fn repeated_headline_later_copies_go() {
    let text = format!("Ministers meet again as border talks resume\nMinisters meet again as border talks resume\n\n{BODY}");
    let got = claims(&text);
    assert_eq!(got[0].1, None, "the first copy stays");
    assert_eq!(got[1].1.as_deref(), Some("repeated-title"));
}

#[test]
fn related_list_stops_at_prose() {
    let text = format!(
        "Ministers meet again as border talks resume\n\n{BODY}Читайте также\nКремль прокомментировал ситуацию с задержанием журналистов в Баку\n\
         Another related headline here\n{BODY}"
    );
    let got = claims(&text);
    assert_eq!(
        claim_of(&text, "Читайте также").as_deref(),
        Some("related-list"),
        "{got:?}"
    );
    assert_eq!(
        claim_of(&text, "Another related headline here").as_deref(),
        Some("related-list")
    );
    assert_eq!(got.last().unwrap().1, None, "the body after the list stays");
}

#[test]
fn site_name_above_a_byline_is_not_the_headline() {
    let text = format!("Travel Notes from the Caucasus\nPosted by Sarah Miller on March 3, 2025\n\nThree Days in Baku: What I Learned\n\n{BODY}");
    assert_eq!(
        claim_of(&text, "Travel Notes from the Caucasus").as_deref(),
        Some("section-label")
    );
    assert_eq!(
        claim_of(&text, "Posted by Sarah Miller on March 3, 2025").as_deref(),
        Some("byline")
    );
    assert_eq!(claim_of(&text, "Three Days in Baku: What I Learned"), None);
}

#[test]
fn switched_off_heuristics_claim_nothing() {
    let opts = HeuristicOptions {
        timestamp: false,
        ..HeuristicOptions::default()
    };
    let text = in_article("14 Jan 2026");
    let lines: Vec<Line<'_>> = crate::normalize::lines_with_offsets(&text)
        .map(|(at, l)| Line {
            range: (at, at + l.len()),
            text: l.trim(),
        })
        .collect();
    let mut claimed: Vec<Option<&str>> = vec![None; lines.len()];
    apply(&opts, &lines, &mut claimed);
    assert!(!claimed.contains(&Some("timestamp")), "{claimed:?}");
}

/// An article with a headline, a byline and `body`, ending with `tail`.
fn ending_with(body: &str, tail: &str) -> String {
    format!("Ministers meet again as border talks resume\nBy Jane Roe\n\n{BODY}{body}\n{tail}\n")
}

#[test]
fn credits_and_author_notes_at_the_end_go() {
    let cases = [
        ("credit", "Frankel reported from Jerusalem."),
        (
            "two credits",
            "Sultanova reported from Baku, Azerbaijan. Associated Press writer Lynn Berry contributed from Moscow.",
        ),
        (
            "contributed from",
            "Lynn Berry and Jim Heintz contributed from Moscow.",
        ),
        (
            "bio scholar",
            "Zaur Shiriyev is a non-resident scholar at the Carnegie Russia Eurasia Center.",
        ),
        (
            "the author was",
            "The author was a political officer at the U.S. Embassy in Kyiv from 2014 to 2017.",
        ),
        ("bio correspondent", "Molly Ball is a senior political correspondent."),
    ];
    for (name, line) in cases {
        let text = ending_with("The minister declined to comment on the talks.", line);
        assert_eq!(
            claim_of(&text, line).as_deref(),
            Some("author-note"),
            "case {name}: {line:?}"
        );
        assert_eq!(
            claim_of(&text, "The minister declined to comment on the talks."),
            None,
            "case {name}: the last body line stays"
        );
    }
    // Both a credit and a bio at the end, separated by a rule line.
    let text = ending_with(
        "Frankel reported from Jerusalem.\n---",
        "Jane Roe is a staff writer.",
    );
    assert_eq!(
        claim_of(&text, "Jane Roe is a staff writer.").as_deref(),
        Some("author-note")
    );
    assert_eq!(
        claim_of(&text, "Frankel reported from Jerusalem.").as_deref(),
        Some("author-note")
    );
}

#[test]
fn closing_sentences_about_the_story_stay() {
    let cases = [
        (
            "person of the story",
            "Aliyev met the envoy in Baku on Friday.",
            "Aliyev is a former intelligence officer.",
        ),
        (
            "reported from with more",
            "The talks ended on Friday.",
            "Frankel reported from Jerusalem last year that the talks had stalled.",
        ),
        (
            "no role",
            "The talks ended on Friday.",
            "Baku is a city of contrasts.",
        ),
    ];
    for (name, body, line) in cases {
        let text = ending_with(body, line);
        assert_eq!(claim_of(&text, line), None, "case {name}: {line:?}");
    }
}

#[test]
fn section_path_and_lone_dateline_above_the_body() {
    let text = format!(
        "Russian court jails lawyers who defended Navalny\n\nWorld | Europe\nMoscow, Jan 17\n\n{BODY}"
    );
    assert_eq!(
        claim_of(&text, "World | Europe").as_deref(),
        Some("section-label")
    );
    assert_eq!(
        claim_of(&text, "Moscow, Jan 17").as_deref(),
        Some("timestamp")
    );
    assert_eq!(
        claim_of(&text, "Russian court jails lawyers who defended Navalny"),
        None
    );
    let byline = format!(
        "Ministers meet again as border talks resume\nJane Roe | Reuters\n14 Jan 2026\n\n{BODY}"
    );
    assert_eq!(
        claim_of(&byline, "Jane Roe | Reuters").as_deref(),
        Some("byline"),
        "a name and an outlet next to a date is a byline"
    );
    let long_title = format!(
        "Weekend roundup: sanctions, stars and a marathon in Baku\n\nNewsletter | The Week in Europe\n\n{BODY}"
    );
    assert_eq!(
        claim_of(&long_title, "Newsletter | The Week in Europe").as_deref(),
        Some("section-label"),
        "under a headline that reads as prose"
    );
}

#[test]
fn sentence_case_headline_above_a_byline_stays() {
    let cases = [
        (
            "dateline under byline",
            "France's far right picks Bardella as Le Pen appeal looms\n\nBy Sylvie Corbet\nPARIS, March 30\n\n",
        ),
        (
            "deck under byline",
            "Armenia, Azerbaijan leaders sign peace framework at White House\nBy Jane Roe\nA deck line with more on the story\n\n",
        ),
    ];
    for (name, head) in cases {
        let text = format!("{head}{BODY}");
        let headline = head.lines().next().unwrap();
        assert_eq!(claim_of(&text, headline), None, "case {name}");
    }
}

#[test]
fn live_blog_subheading_under_a_time_stays() {
    let text =
        format!("Talks in Istanbul: live updates\n\n{BODY}\n13:20 GMT\nRubio in Antalya\n\n{BODY}");
    assert_eq!(claim_of(&text, "13:20 GMT").as_deref(), Some("timestamp"));
    assert_eq!(claim_of(&text, "Rubio in Antalya"), None);
}

/// The byte-level prefilters in front of the case-insensitive patterns assume that ASCII letters
/// other than `k` and `s` have no non-ASCII case variants, that those two have only `ſ` and the
/// Kelvin sign, and that Cyrillic letters' variants stay in the ranges `cyrillic` covers.
#[test]
fn prefilter_case_variants() {
    let latin = ci("^[a-z]$");
    let russian = ci("^[а-яё]$");
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = c.to_string();
        if latin.is_match(&s) {
            assert!(
                c.is_ascii() || c == '\u{17F}' || c == '\u{212A}',
                "latin case variant {c:?} (U+{:04X})",
                c as u32
            );
        }
        if russian.is_match(&s) {
            assert!(
                cyrillic(c),
                "cyrillic case variant {c:?} (U+{:04X})",
                c as u32
            );
        }
    }
}

/// The caption-credit pattern as one regex, before it was split into [`CREDIT_END`].
fn caption_credit_end() -> &'static Regex {
    static ONE: LazyLock<Regex> = LazyLock::new(|| ci(&CREDIT_END.join("|")));
    &ONE
}

/// The reporting-credit pattern as one regex, before it was split in two.
fn reporting() -> &'static Regex {
    static ONE: LazyLock<Regex> = LazyLock::new(|| {
        ci(&format!(
            "{}|{}",
            REPORTING_BY.as_str(),
            CONTRIBUTED.as_str()
        ))
    });
    &ONE
}

/// The prefilters never skip a line their pattern matches (named cases).
#[test]
fn prefilters_are_necessary() {
    let cases = [
        ("copyright symbol", "© 2026 Example News"),
        ("all rights", "ALL RIGHTS RESERVED."),
        ("russian rights", "Все права защищены"),
        ("reproduction", "Reproduction of this article is prohibited"),
        ("may not be", "This material may not be published"),
        ("(c) year", "(c) 2025 Example"),
    ];
    for (name, line) in cases {
        assert!(COPYRIGHT.is_match(line), "{name}: pattern");
        assert!(may_be_copyright(line), "{name}: prefilter");
    }
    let credits = [
        (
            "photo bracket",
            "Soldiers at the border (AP Photo/Jane Doe)",
        ),
        ("via slash", "A street in Baku / Photo by X via Pixabay"),
        ("via getty", "The summit in Paris via Getty Images"),
        ("stock end", "A field of wheat. Shutterstock"),
        (
            "stock end kelvin",
            "A field of wheat. SHUTTERSTOC\u{212A}  ",
        ),
        ("istockphoto", "Oil rigs iStockphoto"),
    ];
    for (name, line) in credits {
        assert!(caption_credit_end().is_match(line), "{name}: pattern");
        assert!(credit_end(line), "{name}: prefilter");
    }
    for (name, line) in [
        ("reporting", "(Reporting by Jane Doe; Editing by John Roe)"),
        ("contributed", "Lynn Berry contributed to this report."),
    ] {
        assert!(reporting().is_match(line), "{name}: pattern");
        assert!(
            contains_ascii_ci(line, " by") || contains_ascii_ci(line, "contributed"),
            "{name}: prefilter"
        );
    }
    assert!(!credit_end("He said the talks would resume."));
    assert!(!may_be_copyright("He said the talks would resume."));
}

/// Fast paths against the obvious code, on random lines.
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Words, punctuation, digits and case variants the heuristics care about.
    fn line() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just(" ".to_string()),
            Just("  ".to_string()),
            "[a-zA-Z]{1,8}",
            "[0-9]{1,4}",
            "[.,:;!?()|/#—–-]",
            "[а-яА-ЯёЁ]{1,6}",
            "\\PC",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    /// Lines built from the credit and reporting patterns' words.
    fn credit_line() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => Just(" ".to_string()),
            2 => "(\\(|\\)|/|\\.|;| / | \\(| \\) |\\s)",
            3 => "(AP|Photo|photos|PHOTOGRAPH|Image|pool photo|фото|Getty|Getty Images|via|VIA|Pixabay|SHUTTERSTOC\u{212A}|iStockphoto|Wikimedia Commons|Alamy|afp|Reuters)",
            2 => "(Reporting|Additional|editing|by|contributed|to|this|the|report|story|\\(Reporting by)",
            1 => "[a-zA-Z]{1,6}",
            1 => "\\PC",
        ];
        proptest::collection::vec(piece, 0..14).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The split credit patterns behind their conditions decide like the one pattern.
        #[test]
        fn credit_end_equals_the_one_pattern(s in credit_line()) {
            prop_assert_eq!(credit_end(&s), caption_credit_end().is_match(&s), "{:?}", s);
        }

        /// The split reporting patterns behind their conditions decide like the one pattern.
        #[test]
        fn reporting_equals_the_one_pattern(s in credit_line()) {
            let split = contains_ascii_ci(&s, " by") && REPORTING_BY.is_match(&s)
                || contains_ascii_ci(&s, "contributed") && CONTRIBUTED.is_match(&s);
            let one = (contains_ascii_ci(&s, " by") || contains_ascii_ci(&s, "contributed"))
                && reporting().is_match(&s);
            prop_assert_eq!(split, one, "{:?}", s);
        }

        /// The stack-lowercasing stopword test is the set lookup of the lowercased word.
        #[test]
        fn is_stop_is_the_lookup_of_the_lowercase(w in "(the|The|THE|и|И|Чтобы|ЧТО|İn|ᲀ|[a-zA-Zа-яА-ЯİẞΣ]{1,9}|\\PC{1,9})") {
            let lower = w.to_lowercase();
            let want = EN_STOP.contains(&lower.as_str()) || RU_STOP.contains(&lower.as_str());
            prop_assert_eq!(is_stop(&w), want, "{:?}", w);
        }

        /// The byte-scan `bare` keeps what the char-level trim keeps.
        #[test]
        fn bare_is_the_char_trim(t in "([a-zA-Z0-9.,:;!?()'\"«»—#]|\\PC){0,12}") {
            prop_assert_eq!(bare(&t), bare_chars(&t), "{:?}", t);
        }

        /// The stopword test is the plain set lookup on any word.
        #[test]
        fn is_stop_is_the_char_lookup(w in "([a-zA-Z]{1,9}|\\PC{1,9})") {
            prop_assert_eq!(is_stop(&w), is_stop_chars(&w), "{:?}", w);
        }

        /// The bullet prefilter holds wherever the pattern matches.
        #[test]
        fn may_be_bullet_is_necessary(s in "([-*•–—▪◦·IVXLCa-z0-9٣).\\s]|\\PC){0,6}") {
            if BULLET.is_match(&s) {
                prop_assert!(may_be_bullet(&s), "{:?}", s);
            }
        }

        /// Features read off the word loop and the byte scan are the char-level ones.
        #[test]
        fn alnum_and_digit_are_the_char_tests(s in line()) {
            let f = features(&s);
            prop_assert_eq!(f.alnum, s.chars().any(char::is_alphanumeric), "{:?}", s);
            prop_assert_eq!(f.digit, s.chars().any(|c| c.is_ascii_digit()), "{:?}", s);
        }

        /// The one-pass copyright filter holds wherever the pattern matches, and wherever the
        /// several-pass char-level test held that it replaces (`(` narrowed to `(c)`).
        #[test]
        fn may_be_copyright_is_necessary(s in "(©|\\(c\\)|\\(C\\) 2024|\\(|copyright|COPYRIGHT|all rights reserved|All Rights|reproduction|may not be|Все права защищены|ᲀсе права|ꙁ|[a-zA-Z ]{1,6}|\\PC){0,8}") {
            if COPYRIGHT.is_match(&s) {
                prop_assert!(may_be_copyright(&s), "{:?}", s);
            }
            let old = s.contains('©')
                || contains_ascii_ci(&s, "(c)")
                || s.chars().any(cyrillic)
                || ["copyright", "all right", "reproduction", "may not be"]
                    .iter()
                    .any(|n| contains_ascii_ci(&s, n));
            if old {
                prop_assert!(may_be_copyright(&s), "{:?}", s);
            }
        }

        /// The sign-off pattern only matches lines opening with a dash or a bracket.
        #[test]
        fn sign_off_opens_with_a_dash_or_bracket(s in "([—–(A-Z]|\\PC)[a-zA-Z.) ]{0,8}") {
            if SIGN_OFF.is_match(&s) {
                prop_assert!(s.starts_with(['\u{2014}', '\u{2013}', '-', '(']), "{:?}", s);
            }
        }

        /// The separator prefilter holds wherever the separator pattern matches.
        #[test]
        fn may_have_link_sep_is_necessary(s in "([ |>›»/•·:\\\\a-z]|\\PC){0,10}") {
            if LINK_SEP.is_match(&s) {
                prop_assert!(may_have_link_sep(&s), "{:?}", s);
            }
        }

        /// The first-byte scan finds what comparing every window finds.
        #[test]
        fn contains_ascii_ci_is_the_window_search(text in "([ bByYvViIaA]|\\PC){0,30}", needle in "(| by|via|all right|[ a-zA-Z]{1,4})") {
            let (h, n) = (text.as_bytes(), needle.as_bytes());
            let want = n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
            prop_assert_eq!(contains_ascii_ci(&text, &needle), want);
        }

        /// `repeated-title` skips lines whose word count differs from the key's.
        #[test]
        fn title_key_has_one_word_per_counted_token(s in line()) {
            let k = title_key(&s);
            let n = if k.is_empty() { 0 } else { k.split(' ').count() };
            prop_assert_eq!(n, features(&s).words);
        }
    }

    /// Every ASCII stopword packs into a key, so the packed set is the ASCII part of the list.
    #[test]
    fn ascii_stopwords_all_pack() {
        let ascii: Vec<&str> = EN_STOP
            .iter()
            .chain(RU_STOP)
            .copied()
            .filter(|w| w.is_ascii())
            .collect();
        assert_eq!(ASCII_STOPS.len(), ascii.len());
        assert!(ascii.iter().all(|w| ascii_key(w.as_bytes()).is_some()));
    }
}
