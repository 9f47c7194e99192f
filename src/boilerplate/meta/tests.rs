use super::*;

#[test]
fn parses_common_date_forms() {
    let cases = [
        (
            "english",
            "By Jane Roe in Baku, July 2, 2025",
            Some("2025-07-02"),
        ),
        ("day month", "14 Jan 2026", Some("2026-01-14")),
        ("dotted month", "10.Jan.2026", Some("2026-01-10")),
        (
            "numeric dots",
            "Published 02.07.2025 12:30",
            Some("2025-07-02"),
        ),
        ("numeric slash us", "07/02/2025", Some("2025-07-02")),
        ("numeric slash eu", "27/06/2025", Some("2025-06-27")),
        ("iso", "2025-06-27T12:30:00Z", Some("2025-06-27")),
        (
            "year first slashes",
            "#11 Jane \u{65bc} 2013/12/31 22:50",
            Some("2013-12-31"),
        ),
        ("year first dots", "2019.11.20 08:15", Some("2019-11-20")),
        ("year first mixed", "2019-11/20", None),
        ("russian", "14 января 2026 г.", Some("2026-01-14")),
        ("russian may", "9 мая 2025", Some("2025-05-09")),
        ("ordinal", "Friday 27th June 2025", Some("2025-06-27")),
        ("invalid day", "31.02.2025", None),
        ("no year", "June 27", None),
        ("money", "It cost 12.50 dollars", None),
        (
            "german",
            "Veröffentlicht am 3. Mai 2024, 17:47",
            Some("2024-05-03"),
        ),
        (
            "french",
            "Publié le 18 juil. 2024 à 08:01",
            Some("2024-07-18"),
        ),
        (
            "spanish",
            "1 de diciembre de 2017 3:00 AM PST",
            Some("2017-12-01"),
        ),
        ("portuguese", "12 de março de 2025", Some("2025-03-12")),
        ("dutch", "4 maart 2025", Some("2025-03-04")),
        ("czech spaced", "23. 12. 2024 13:31", Some("2024-12-23")),
        ("czech month", "5. května 2024", Some("2024-05-05")),
        (
            "spaced year",
            "Do 27.04. 2023 15:17 Uhr",
            Some("2023-04-27"),
        ),
    ];
    for (name, s, want) in cases {
        assert_eq!(parse_date(s).as_deref(), want, "case {name}: {s:?}");
    }
}

#[test]
fn timestamp_lines() {
    let cases = [
        ("dmy", "14 Jan 2026", true),
        ("dotted", "10.Jan.2026", true),
        ("with time", "June 27, 2025 12:30", true),
        ("relative", "2 hours ago", true),
        ("compact age", "52m ago", true),
        ("compact age, capitals", "updated 17H ago", true),
        ("compact age alone", "2h", true),
        (
            "compact age in prose",
            "The 2h drive took four hours",
            false,
        ),
        ("a distance", "12 km", false),
        ("updated", "Updated: Monday, 2 June 2025, 10:00 GMT", true),
        ("updated pm", "Updated 10:42 a.m. EDT, July 2, 2025", true),
        (
            "zone offset",
            "Published 11:42 PM GMT+4, August 8, 2025",
            true,
        ),
        ("utc offset", "Updated 09:15 UTC-05:00, 3 May 2025", true),
        (
            "offset in prose",
            "Clocks in Baku run at GMT+4 in 2025 too",
            false,
        ),
        ("russian", "14 января 2026, 12:30", true),
        ("russian relative", "3 часа назад", true),
        ("month year", "July 2025", true),
        (
            "prose with date",
            "On June 27, 2025 the police raided the office.",
            false,
        ),
        (
            "headline with year",
            "The 2023 Plane Incident and Fallout",
            false,
        ),
        (
            "heading number",
            "1. A History of Strained Relations",
            false,
        ),
        ("plain word", "Today's agenda", false),
        ("german clock", "22.04.2024, 17:26 Uhr", true),
        (
            "german relative",
            "Veröffentlicht/Aktualisiert: Vor 4 Stunden",
            true,
        ),
        ("german today", "Heute, 07:09 Uhr", true),
        ("french relative", "il y a 3 heures", true),
        ("french date", "28 février 2019 à 18:46", true),
        ("spanish relative", "hace 5 minutos", true),
        (
            "spanish weekday",
            "Actualizado Lunes, 2 diciembre 2024 - 02:24",
            true,
        ),
        ("italian relative", "3 ore fa", true),
        ("dutch today", "Vandaag om 20:07", true),
        ("czech yesterday", "včera 14:40", true),
        ("german prose", "Vor 3 Stunden begann die Sitzung", false),
        ("german link", "Hier registrieren", false),
    ];
    for (name, s, want) in cases {
        assert_eq!(is_timestamp(s), want, "case {name}: {s:?}");
    }
}

/// The word filter never drops a timestamp: named cases that need each reason it gives.
#[test]
fn date_word_filter_is_necessary() {
    let cases = [
        ("months", "SEPT. 3, 2025 and Jan 4, 2025"),
        ("long s", "\u{17F}ept 2025"),
        ("kelvin weeks", "3 wee\u{212A}s ago"),
        ("rounded ve", "\u{1C80}чера"),
        ("unit suffix through underscore", "5 минут_abc назад"),
        ("combining mark", "3 Jan 2025 \u{301}"),
        ("just now", "Updated just now"),
        ("russian", "3 часа назад, 14 января 2026 г."),
    ];
    for (name, line) in cases {
        assert!(dated_filler(line), "case {name}: {line:?} is a timestamp");
        assert!(
            only_date_words(line),
            "case {name}: {line:?} passes the filter"
        );
    }
}

/// Every literal `DATE_WORD_PLAIN` takes, in three casings, passes the two-byte test.
#[test]
fn every_date_word_may_be_one() {
    let words = "january february march april may june july august september sept october \
        november december jan feb mar apr jun jul aug sep oct nov dec seconds second secs sec \
        minutes minute mins min hours hour hrs hr days day weeks week months month years \
        year ago yesterday today just now";
    let listed = DATE_LITERALS.iter().copied();
    for w in words.split_whitespace().chain(listed) {
        let first: String = w.chars().take(1).flat_map(char::to_uppercase).collect();
        let cap = format!(
            "{first}{}",
            &w[w.chars().next().map_or(0, char::len_utf8)..]
        );
        for v in [w.to_string(), cap, w.to_uppercase()] {
            assert!(
                is_date_word(&v) && DATE_WORD_PLAIN.is_match(&v),
                "{v:?} is a date word"
            );
            assert!(may_be_date_word(&v), "{v:?} passes the test");
        }
    }
}

/// The two-byte test's premise: no character of a date word outside ASCII matches an ASCII
/// character case-insensitively.
#[test]
fn date_words_have_no_ascii_case_variant() {
    for c in DATE_LITERALS
        .iter()
        .chain(&RU_WORDS)
        .chain(&RU_STEMS)
        .flat_map(|w| w.chars())
        .filter(|c| !c.is_ascii())
    {
        let re = ci(&format!("^{}$", regex::escape(&c.to_string())));
        let ascii: Vec<char> = (0u8..128)
            .map(char::from)
            .filter(|a| re.is_match(&a.to_string()))
            .collect();
        assert!(ascii.is_empty(), "{c:?} matches {ascii:?}");
    }
}

/// Every date word fits the folded lookup's buffer.
#[test]
fn date_words_fit() {
    assert!(DATE_WORDS.fits());
}

/// A word of the relative times too short for a date word ("y" of "il y a") is filler.
#[test]
fn short_relative_words_are_filler() {
    let words = words::BEFORE_NUMBER.iter().chain(&words::AFTER_UNIT);
    for (lead, units) in words {
        for w in lead.iter().chain(units.iter()).flat_map(|w| w.split(' ')) {
            assert!(w.chars().count() >= 2 || FILLER_SET.contains(w), "{w:?}");
        }
    }
}

/// Every month form reads as its month, in three casings, and as a date.
/// No two characters of the month forms fold to each other (simple case folding, as the
/// case-insensitive patterns fold): so forms that match at one place are each a prefix of the
/// next, which [`MONTH`]'s trie needs.
#[test]
fn month_form_characters_fold_apart() {
    use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
    let mut chars: Vec<char> = patterns::month_forms().flat_map(str::chars).collect();
    chars.sort_unstable();
    chars.dedup();
    for &c in &chars {
        let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
        class.case_fold_simple();
        for &d in chars.iter().filter(|&&d| d != c) {
            let folds = class
                .ranges()
                .iter()
                .any(|r| r.start() <= d && d <= r.end());
            assert!(!folds, "{c:?} folds to {d:?}");
        }
    }
}

#[test]
fn every_month_form_has_its_number() {
    for &(n, forms) in &words::MONTHS {
        for f in forms {
            for v in [f.to_string(), f.to_uppercase()] {
                assert_eq!(month_number(&v), Some(n), "{v:?}");
                let date = format!("3 {v} 2025");
                assert_eq!(
                    parse_date(&date),
                    Some(format!("2025-{n:02}-03")),
                    "{date:?}"
                );
            }
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// `regex::Regex` built from the patterns [`lean::searched`] builds, in the order of the
    /// test below: [`RELATIVE`] with a `\w*` per Russian stem (its plain form), the month-name
    /// patterns, [`TIME`], and each of [`RELAXED`].
    static PLAIN: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        let relative = patterns::relative_pattern().replace(
            patterns::RU_UNITS,
            r"секунд\w*|минут\w*|час\w*|дн(?:я|ей)|день|недел\w*|месяц\w*|год\w*|лет",
        );
        let letters = r"(?-i:[A-Za-z\x{80}-\x{10FFFF}]+)";
        let relaxed = patterns::RELAXED_DATES.map(|p| p.replace("MONTH", letters));
        [
            relative,
            patterns::day_month_year_pattern(&patterns::MONTH_FLAT),
            patterns::month_day_year_pattern(&patterns::MONTH_FLAT),
            format!(
                r"\b({})\.?,?\s+(?:del?\s+)?(\d{{4}})\b",
                &*patterns::MONTH_FLAT
            ),
            r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?".to_string(),
        ]
        .into_iter()
        .chain(relaxed)
        .map(|p| ci(&p))
        .collect()
    });

    /// Date pieces, filler, units, separators and the odd character out.
    fn line() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => Just(" ".to_string()),
            2 => Just(", ".to_string()),
            3 => "[0-9]{1,4}",
            1 => "[0-9\u{660}-\u{669}\u{ff10}-\u{ff19}]{1,2}",
            3 => "[0-9]{1,2}[:./-][0-9]{2}",
            1 => "[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}",
            3 => "(jan|JANUARY|Sept|ſept|mar|May|june|дек|января|Мая|März|déc\\.|Mai|de|del|května|o\u{212A}t)\\.?",
            2 => "(mar|MARS|marzo|Marca|maart|mrt|märz|Marzec|sep|SEPT|sept|septiembre|setembro|lis|listopadu|listopada|июн|июня|ИЮНЕ|dec|décembre|grudnia|ju|jul|juli|julio|juil)[a-zа-я\u{17F}\u{212A}]{0,2}\\.?",
            2 => "(ago|hours|wee\u{212A}s|days|назад|минут[а-я_]{0,3}|час|вчера|yesterday|just now|\u{1C80}чера)",
            1 => "(секунд|недел|месяц|год|дн|дня|дней|день|лет|СЕК|Час)[а-я_\u{301}²]{0,3}",
            2 => "(vor|Stunden|Std\\.|il y a|heures|h|hace|há|horas|fa|ore|geleden|uur|heute|aujourd’hui|včera)",
            3 => "(at|on|Updated|GMT|UTC|am|p\\.m\\.|Monday|г|в|и|T|Z|th|st|Uhr|um|à|le|y|a|\\. )",
            1 => "[+−-]",
            1 => "[a-zA-Zа-я]{1,6}",
            1 => "[_\u{301}²’—(]",
            1 => "\\PC",
        ];
        proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The filter only drops lines the full test rejects.
        #[test]
        fn is_timestamp_equals_the_unfiltered_test(s in line()) {
            let short = !s.is_empty() && s.chars().count() <= 90;
            prop_assert_eq!(is_timestamp(&s), short && dated_filler(&s), "{:?}", s);
        }

        /// A lone dateline has an ASCII digit (its day): the line rules ask that first.
        #[test]
        fn a_lone_dateline_has_an_ascii_digit(
            place in r"(PARIS|Moscow|NEW YORK|Baku|São Paulo|\PC{1,3})(, (Azerbaijan|\PC))?,? ",
            date in line(),
            agency in r"( \((Reuters|AP|\PC)\))?",
        ) {
            let s = format!("{place}{date}{agency}");
            prop_assert!(!is_lone_dateline(&s) || s.bytes().any(|b| b.is_ascii_digit()), "{:?}", s);
        }

        /// The lone dateline filter only drops lines the pattern rejects.
        #[test]
        fn lone_dateline_filter_is_necessary(
            place in r"(PARIS|Moscow|NEW YORK|Baku|São Paulo|St\. Louis|\PC{1,3})(, (Azerbaijan|\PC))?,?(\s|\PC)",
            date in line(),
            agency in r"( \((Reuters|AP|\PC)\))?",
        ) {
            let s = format!("{place}{date}{agency}");
            prop_assert!(may_be_lone_dateline(&s) || !LONE_DATELINE.is_match(&s), "{:?}", s);
        }

        /// The two-byte test only drops words `DATE_WORD_PLAIN` rejects.
        #[test]
        fn may_be_date_word_never_drops_a_date_word(w in prop_oneof![
            "[a-zA-Z]{1,9}",
            r"(ſ|\u{212A}|[а-яА-Я]|\u{1C80}|\PC)[a-zа-я]{0,8}",
            r"(jan|JANUARY|Sept|ſept|mar|May|june|дек|января|Мая|ago|hours|wee\u{212A}s|days|назад|вчера|\u{1C80}чера|yesterday|today|now|just)",
            r"(o\u{212A}t|\u{212A}wietnia|ſtunden|März|MÄRZ|déc|DÉC|há|HÁ|října|září|ZÁŘÍ|včera|aujourd|hui)",
        ]) {
            prop_assert!(may_be_date_word(&w) || !DATE_WORD_PLAIN.is_match(&w), "{:?}", w);
        }

        /// The date word test with any tail after a unit stem is the pattern with `\w*`.
        #[test]
        fn date_word_equals_the_word_class_one(w in prop_oneof![
            r"(секунд|минут|час|недел|месяц|год|СЕКУНД|Час|\u{1C80}|ſ)\PC{0,4}",
            r"(секунд|минут|час|недел|месяц|год|дн|д|мину|neděl)[\u{301}\u{88F}_²a-zа-яА-Я\u{1C80}-\u{1C88}\u{212A}]{0,4}",
            r"\PC{1,6}",
            r"(jan|JANUARY|Sept|ſept|mar|May|june|дек|января|Мая|ago|hours|wee\u{212A}s|days|назад|вчера|\u{1C80}чера|yesterday|today|now|just|\u{3a3}ep|ма\u{3c2})",
            r"(o\u{212A}t|\u{212A}wietnia|ſtunden|März|MÄRZ|déc|DÉC|há|HÁ|října|září|ZÁŘÍ|včera|aujourd|hui|ДНЕЙ|дн|ДЕНЬ|Лет)",
            r"[a-zA-Zа-яА-ЯäéřÅ\u{212A}\u{212B}\u{17F}\u{1C80}-\u{1C88}\u{1E9E}ß]{1,9}",
        ]) {
            prop_assert_eq!(is_date_word(&w), DATE_WORD_PLAIN.is_match(&w), "{:?}", w);
        }

        /// Every word the month pattern takes whole has a month number.
        #[test]
        fn a_month_word_has_a_number(w in prop_oneof![
            r"(jan|JANUARY|Sept|ſept|mar|Ma|MA|May|june|Июл|ИЮНЯ|дек|января|Мая|Ма|ма\u{3a3}|\u{130}an|\u{1C80}|\u{3a3}ep|o\u{212A}t|MÄRZ|DÉC|ŘÍJNA)",
            r"[a-zA-Zа-яА-ЯΣσäéř\u{130}\u{1C80}\u{212A}\u{0}]{0,5}",
            r"\PC{0,4}",
        ]) {
            let whole = ci(&format!("^{}$", &*MONTH));
            prop_assert!(!whole.is_match(&w) || month_number(&w).is_some(), "{:?}", w);
        }

        /// The patterns built without a prefilter and the one-pass DFA find what
        /// `regex::Regex` finds; [`RELATIVE`] with its stems' `\w*` shared, what the pattern
        /// with a `\w*` per stem finds.
        #[test]
        fn searched_patterns_find_as_the_plain_ones(s in line()) {
            let plain = &*PLAIN;
            let spans = |re: &Regex| re.find_iter(&s).map(|m| m.range()).collect::<Vec<_>>();
            let lean = |re: &lean::Regex| re.find_iter(&s).map(|m| m.range()).collect::<Vec<_>>();
            let searched = [&*RELATIVE, &*DAY_MONTH_YEAR, &*MONTH_DAY_YEAR, &*MONTH_YEAR, &*TIME];
            for (k, re) in searched.into_iter().chain(&RELAXED.0).enumerate() {
                prop_assert_eq!(lean(re), spans(&plain[k]), "{} {:?}", k, s);
                prop_assert_eq!(re.is_match(&s), plain[k].is_match(&s), "{} {:?}", k, s);
                let replaced = plain[k].replace_all(&s, " ");
                prop_assert_eq!(lean::replace_all(re, &s, " "), replaced, "{} {:?}", k, s);
                for at in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                    let want = plain[k].find_at(&s, at).map(|m| m.range());
                    prop_assert_eq!(lean::find_at(re, &s, at), want, "{} {} {:?}", k, at, s);
                }
            }
        }

        /// The digit count and the `RELAXED` prefilters only drop lines without a full date.
        #[test]
        fn find_dates_equals_the_unfiltered_scan(s in line()) {
            prop_assert_eq!(find_dates(&s), scan_dates(&s), "{:?}", s);
        }

        /// The memo of the last lines searched answers as the scan does: lines asked again,
        /// in any order, after others pushed them out of the ring or not.
        #[test]
        fn remembered_dates_equal_the_scan(
            pool in proptest::collection::vec(line(), 1..40),
            order in proptest::collection::vec(0usize..1000, 1..120),
        ) {
            for k in order {
                let s = &pool[k % pool.len()];
                prop_assert_eq!(find_dates(s), scan_dates(s), "{:?}", s);
            }
        }
    }
}

#[test]
fn lone_datelines() {
    let cases = [
        ("caps month day", "PARIS, March 30", true),
        ("title case abbrev", "Moscow, Jan 17", true),
        ("with agency", "YEREVAN, June 25 (Reuters)", true),
        ("place country day first", "BAKU, Azerbaijan, 2 July", true),
        ("two-word city", "NEW YORK, Oct. 3", true),
        (
            "opening a paragraph",
            "PARIS, March 30 (Reuters) - Jordan Bardella said",
            false,
        ),
        ("heading", "Paris in March", false),
        ("sentence", "Talks resume in Paris on March 30.", false),
        ("no day", "PARIS, March", false),
    ];
    for (name, s, want) in cases {
        assert_eq!(is_lone_dateline(s), want, "case {name}: {s:?}");
    }
}

#[test]
fn datelines() {
    let cases = [
        (
            "ap",
            "BAKU, Azerbaijan (AP) — Azerbaijan said on Monday",
            Some("BAKU, Azerbaijan (AP)"),
        ),
        (
            "city only",
            "MOSCOW — Russia's foreign ministry",
            Some("MOSCOW"),
        ),
        (
            "two words",
            "NEW YORK (Reuters) - Stocks fell",
            Some("NEW YORK (Reuters)"),
        ),
        (
            "title case city",
            "Baku – Relations between Azerbaijan and Russia",
            None,
        ),
        ("prose", "The crisis began last Friday — and grew.", None),
    ];
    for (name, s, want) in cases {
        assert_eq!(dateline(s).as_deref(), want, "case {name}: {s:?}");
    }
}

#[test]
fn authors() {
    let cases = [
        (
            "by in date",
            "By Jane Roe in Baku, July 2, 2025",
            Some("Jane Roe"),
        ),
        (
            "two authors",
            "By Jane Roe and John Doe",
            Some("Jane Roe and John Doe"),
        ),
        ("label", "Author: Ivan Petrov", Some("Ivan Petrov")),
        ("russian", "Автор: Иван Петров", Some("Иван Петров")),
        ("name alone", "Jane Roe", Some("Jane Roe")),
        ("von", "Von Anna Berg", Some("Anna Berg")),
        ("par", "Par Jeanne Roux, à Lyon", Some("Jeanne Roux")),
        ("por", "por Lucía Gómez", Some("Lucía Gómez")),
    ];
    for (name, s, want) in cases {
        assert_eq!(author_of(s).as_deref(), want, "case {name}: {s:?}");
    }
}

/// The byline and the date are read above `end` only: under the article a commenter's name
/// next to the comment's date is no byline.
#[test]
fn bylines_under_the_end_are_not_read() {
    let text = "Council votes on the bridge\n\nThe council voted on Monday to rebuild the bridge.\n\nShare\n\njane_w\nMarch 12, 2024 at 9:14 am\nAbout time, thanks!\n";
    let lines = Line::split(text);
    let mut claimed = vec![None; lines.len()];
    let at = |t: &str| lines.iter().position(|l| l.text == t).unwrap();
    claimed[at("Share")] = Some(Claim::Prompt);
    claimed[at("jane_w")] = Some(Claim::Byline);
    claimed[at("March 12, 2024 at 9:14 am")] = Some(Claim::Timestamp);
    let all = extract(&lines, &claimed, Some(0), None);
    assert_eq!(all.byline.as_deref(), Some("jane_w"));
    let above = extract(&lines, &claimed, Some(0), Some(at("jane_w")));
    assert_eq!(above.byline, None);
    assert_eq!(above.published, None);
    assert_eq!(above.title.as_deref(), Some("Council votes on the bridge"));
}

/// A byline split over two lines ("By" over "Jane Roe") is read joined; an opener alone, its
/// name unclaimed, is no byline.
#[test]
fn a_split_byline_is_read_joined() {
    let text =
        "Council votes on the bridge\n\nBy\nJane Roe\nMarch 12, 2024\n\nThe council voted.\n";
    let lines = Line::split(text);
    let at = |t: &str| lines.iter().position(|l| l.text == t).unwrap();
    let mut claimed = vec![None; lines.len()];
    claimed[at("By")] = Some(Claim::Byline);
    claimed[at("Jane Roe")] = Some(Claim::Byline);
    claimed[at("March 12, 2024")] = Some(Claim::Timestamp);
    let meta = extract(&lines, &claimed, Some(0), None);
    assert_eq!(meta.byline.as_deref(), Some("By Jane Roe"));
    assert_eq!(meta.author.as_deref(), Some("Jane Roe"));
    claimed[at("Jane Roe")] = None;
    let meta = extract(&lines, &claimed, Some(0), None);
    assert_eq!(meta.byline, None);
    assert_eq!(meta.published.as_deref(), Some("2024-03-12"));
    // The date on the name's line is the byline's.
    let text =
        "Council votes on the bridge\n\nBy\nJane Roe, March 12, 2024\n\nThe council voted.\n";
    let lines = Line::split(text);
    let mut claimed = vec![None; lines.len()];
    claimed[2] = Some(Claim::Byline);
    claimed[3] = Some(Claim::Byline);
    let meta = extract(&lines, &claimed, Some(0), None);
    assert_eq!(meta.author.as_deref(), Some("Jane Roe"));
    assert_eq!(meta.published.as_deref(), Some("2024-03-12"));
}
