use super::*;

fn lines(text: &str) -> Vec<Line<'_>> {
    Line::split(text)
}

/// The prefilters and the allocation-free search decide like the plain code they stand for.
#[test]
fn squash_search_is_squash_contains() {
    let lines = [
        "",
        "The Outlet",
        "THE OUTLET.",
        "the-out let",
        "Ⓒ 2024 The Outlet",
        "İstanbul Times",
        "\u{212A}ansas City Star",
        "Новая газета",
        "ГАЗЕТА",
        "Straße",
        "x",
        "2019 News 24",
        "Theoutletnews",
        "© Telegraph Media Group",
        "Copyright Policy",
        "(C) 2020 KTV",
        "Home | World",
        "News - Sport",
        "A — B",
        "A :: B",
        "A · B",
        "A -B",
        "A|B",
    ];
    let mut buf = Vec::new();
    for key in lines.iter().map(|l| squash(l)) {
        let p = probe(&key);
        for l in lines {
            let want = squash(l).contains(&key);
            assert_eq!(squash_contains(l, &key, &mut buf), want, "{l:?} {key:?}");
            if want {
                assert!(
                    p.map_or(true, |p| l.bytes().any(|b| b.to_ascii_lowercase() == p)),
                    "probe {p:?} of {key:?} in {l:?}"
                );
            }
        }
    }
    for l in lines {
        let lower = l.to_lowercase();
        let marked = ["\u{A9}", "\u{24D2}", "(c)", "copyright"]
            .iter()
            .any(|m| lower.contains(m));
        assert!(!marked || may_name_holder(l), "{l:?}");
        let separated = SEPARATORS.iter().any(|s| l.contains(s));
        assert_eq!(has_separator(l), separated, "{l:?}");
    }
}

/// `squash_contains` reads a line's ASCII bytes alone when it has neither of the two characters
/// that lowercase to ASCII letters: every character is checked.
#[test]
fn lowercase_to_ascii_are_two() {
    let found: Vec<char> = ('\u{80}'..=char::MAX)
        .filter(|c| c.is_alphanumeric() && c.to_lowercase().any(|l| l.is_ascii()))
        .collect();
    assert_eq!(found, ['\u{130}', '\u{212A}']);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The first-byte test never turns away a line that spells part of the holder (a
        /// holder made of the line's words, or random).
        #[test]
        fn may_spell_part_holds_for_every_spelling(
            line in "([a-cA-C0-2 .|İ\u{212A}-]|\\PC){0,16}",
            holder in "([a-cA-C0-2 İ\u{212A}]|\\PC){0,12}",
            cut in 0usize..8,
        ) {
            let from_line: String = line.chars().skip(cut % 3).collect();
            for long in [squash(&holder), squash(&format!("{holder}{from_line}")), squash(&line)] {
                if spells_part(&line, &long) {
                    prop_assert!(may_spell_part(&line, &long), "{:?} {:?}", line, long);
                }
            }
        }

        /// On ASCII lines (the squash-free search) likewise, keys from the line or random.
        #[test]
        fn ascii_squash_search_is_squash_contains(
            line in "[a-cA-C0-2 .|-]{0,30}",
            key in "([a-cA-C0-2]|\\PC){0,4}",
            cut in 0usize..30,
        ) {
            let squashed = squash(&line);
            let from_line: String = squashed.chars().skip(cut % 8).take(1 + cut % 5).collect();
            for key in [squash(&key), from_line] {
                prop_assert_eq!(
                    squash_contains(&line, &key, &mut Vec::new()),
                    squashed.contains(&key),
                    "{:?} {:?}", line, key
                );
            }
        }

        /// The streaming comparisons decide like comparing the squashed strings, on keys
        /// squashed from pieces of the line and random ones (`İ` lowercases to two
        /// characters, the Kelvin sign to an ASCII letter).
        #[test]
        fn squash_comparisons_are_the_squashed_strings(
            line in "([a-cA-C0-2 .|İ\u{212A}kΣ-]|[ -~]|\\PC){0,24}",
            key in "([a-cA-C0-2İ\u{212A}k]|\\PC){0,6}",
            cut in 0usize..30,
        ) {
            let squashed = squash(&line);
            prop_assert_eq!(&squashed, &squash_chars(&line));
            prop_assert_eq!(squash(&key), squash_chars(&key));
            let prefix: String = squashed.chars().take(cut % 12).collect();
            for key in [squash(&key), prefix, squashed.clone()] {
                prop_assert_eq!(squash_starts_with(&line, &key), squashed.starts_with(&key), "{:?} {:?}", line, key);
                prop_assert_eq!(squash_starts_with_chars(&line, &key), squashed.starts_with(&key), "{:?} {:?}", line, key);
                prop_assert_eq!(squash_is(&line, &key), squashed == key, "{:?} {:?}", line, key);
            }
        }

        /// The one-pass byte scan finds what the substring searches find.
        #[test]
        fn may_name_holder_is_the_substring_search(
            line in "([ (cC)©ⓒⓒopyrightOPYRIGHT\u{24B8}\u{2400}\u{2492}]|\\PC){0,24}"
        ) {
            use crate::boilerplate::guarded::contains_ascii_ci;
            let want = line.contains(['\u{A9}', '\u{24D2}', '\u{24B8}'])
                || contains_ascii_ci(&line, "(c)")
                || contains_ascii_ci(&line, "copyright");
            prop_assert_eq!(may_name_holder(&line), want, "{:?}", line);
        }

        /// On random lines and keys (the key a squashed piece of the line, or random), the
        /// probe byte and the allocation-free search decide like `squash(line).contains`.
        #[test]
        fn squash_search_is_squash_contains(
            line in "([a-zA-Z0-9 .|©İ\u{212A}ẞΣя-]|\\PC){0,30}",
            key in "([a-zA-Z0-9İ\u{212A}Σя]|\\PC){0,4}",
            cut in 0usize..30,
        ) {
            let squashed = squash(&line);
            let from_line: String = squashed.chars().skip(cut % 8).take(1 + cut % 5).collect();
            for key in [squash(&key), from_line] {
                let want = squashed.contains(&key);
                prop_assert_eq!(squash_contains(&line, &key, &mut Vec::new()), want);
                if want {
                    prop_assert!(probe(&key).map_or(true, |p| line.bytes().any(|b| b.to_ascii_lowercase() == p)));
                }
            }
        }
    }
}

#[test]
fn copyright_holders() {
    let cases = [
        ("sign and year", "© 2024 The Outlet", Some("The Outlet")),
        (
            "all rights",
            "© 2019 NJ.com. All rights reserved (About Us).",
            Some("NJ.com"),
        ),
        (
            "legal form",
            "Copyright 2019 BGR Media, LLC",
            Some("BGR Media"),
        ),
        (
            "year after",
            "© Telegraph Media Group Limited 2019",
            Some("Telegraph Media Group"),
        ),
        (
            "year range",
            "© 2005-2019 SlashGear, All Rights Reserved.",
            Some("SlashGear"),
        ),
        (
            "copyright and sign",
            "Copyright © 2000- MacRumors.com, LLC.",
            Some("MacRumors.com"),
        ),
        (
            "clause",
            "© The Detroit News, a Digital First Media Newspaper",
            Some("The Detroit News"),
        ),
        (
            "prefix text",
            "This site © 2018 Gamer Network. All Rights Reserved.",
            Some("Gamer Network"),
        ),
        ("menu link", "Copyright Policy", None),
        ("no holder", "© 2019 All rights reserved.", None),
        ("photo credit", "(Image: © TNG Collaboration)", None),
        (
            "prose",
            "The court ruled on the copyright claim in 2019 and sent it back.",
            None,
        ),
        (
            "cyrillic",
            "© 2025 Новая газета. Все права защищены",
            Some("Новая газета"),
        ),
    ];
    for (name, line, want) in cases {
        assert_eq!(copyright_holder(line).as_deref(), want, "case {name}");
    }
}

#[test]
fn sites_of_pages() {
    let cases: [(&str, &str, Option<&str>, Option<&str>); 10] = [
        (
            "title suffix",
            "Menu\nFloods close the northern bridge | The Valley Herald\n\nFloods close the northern bridge\nThe bridge was closed on Monday.",
            Some("Floods close the northern bridge"),
            Some("The Valley Herald"),
        ),
        (
            "headline line with the site",
            "Valley News\nFloods close the northern bridge | Valley News\nThe bridge was closed on Monday.",
            Some("Floods close the northern bridge | Valley News"),
            Some("Valley News"),
        ),
        (
            "a dash inside a headline is not a site",
            "Menu\nApple's new laptops - and why they disappoint\nThe laptops were shown on Monday.",
            Some("Apple's new laptops - and why they disappoint"),
            None,
        ),
        (
            "first line spells the copyright holder",
            "Fox News\nHome\nThe bridge was closed on Monday.\n©2019 FOX News Network, LLC. All rights reserved.",
            None,
            Some("Fox News"),
        ),
        (
            "copyright holder named again",
            "Skip to main content\nThe bridge was closed on Monday, The Outlet has learned.\n© 2024 The Outlet. All rights reserved.",
            None,
            Some("The Outlet"),
        ),
        (
            "a publisher named once is unsure",
            "The Daily Ledger\nThe bridge was closed on Monday.\nCopyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.",
            None,
            None,
        ),
        (
            "domain on the first line",
            "NJ.com\nThe bridge was closed on Monday.",
            None,
            Some("NJ.com"),
        ),
        (
            "copyright before a domain line",
            "NJ.com\nThe bridge was closed on Monday.\n© 2019 NJ.com. All rights reserved.",
            None,
            Some("NJ.com"),
        ),
        (
            "a domain holds the copyright",
            "Menu\nThe bridge was closed on Monday.\nCopyright \u{a9} 2000- ValleyNews.com, LLC.",
            None,
            Some("ValleyNews.com"),
        ),
        (
            "unsure",
            "Skip to main content\nThe bridge was closed on Monday.\nShare this article",
            Some("Floods close the bridge"),
            None,
        ),
    ];
    for (name, text, title, want) in cases {
        assert_eq!(find(&lines(text), title).as_deref(), want, "case {name}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 1024, ..Default::default() })]

    /// The one-pass end of a holder's name is the first of the stops' own searches.
    #[test]
    fn name_end_is_the_first_stop(s in "( |\\.|\\||;|\\(|\"|,|\u{201C}|\u{2013}|All|-|\\PC){0,30}") {
        let want = NAME_STOPS
            .iter()
            .filter_map(|stop| s.find(stop))
            .fold(s.len(), usize::min);
        proptest::prop_assert_eq!(name_end(&s), want, "{:?}", s);
    }
}
