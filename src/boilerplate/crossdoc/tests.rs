//! The cross-document layer's tests: line keys and hashes, the table, near-duplicate bodies.

use super::*;

#[test]
fn keys_fold_case_digits_and_punctuation() {
    let cases = [
        (
            "copyright years agree",
            "© 2024 Example Media. All rights reserved.",
            "© 2025 example media — all rights reserved",
        ),
        (
            "spacing",
            "Follow   us on  Telegram for more news",
            "follow us on telegram for more news",
        ),
    ];
    for (name, a, b) in cases {
        assert_eq!(line_key(a, 5), line_key(b, 5), "case {name}");
    }
    assert_eq!(
        line_key("Short line", 20),
        None,
        "short lines are not counted"
    );
}

#[test]
fn line_hash_is_the_hash_of_line_key() {
    let cases = [
        ("empty", "", 1),
        ("punctuation only", " -- ... !!", 1),
        ("ascii", "Follow us on Telegram, 24/7!", 5),
        ("digits of other scripts", "Ⅻ ² ٣ 12", 1),
        ("cyrillic", "Читайте также: НОВОСТИ 2025", 5),
        ("lowercase grows", "İstanbul ẞ Σ", 1),
        ("below min", "Short line", 20),
    ];
    for (name, line, min) in cases {
        let want = line_key(line, min).map(|k| fnv1a64(k.as_bytes()));
        assert_eq!(line_hash(line, min), want, "case {name}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn line_hash_matches_line_key(line in "[ a-zA-Z0-9.,İẞΣσςЁёЯя²٣Ⅻ\u{300}_'-]{0,40}", min in 0usize..12) {
            let want = line_key(&line, min).map(|k| fnv1a64(k.as_bytes()));
            prop_assert_eq!(line_hash(&line, min), want);
        }

        #[test]
        fn line_hash_matches_line_key_on_any_text(line in "\\PC{0,40}", min in 0usize..12) {
            let want = line_key(&line, min).map(|k| fnv1a64(k.as_bytes()));
            prop_assert_eq!(line_hash(&line, min), want);
        }

        /// The hash of a line gone on from where its prefix tag stopped is its hash (unless
        /// the tag stopped inside the lowercase of one character: then it is not gone on from).
        #[test]
        fn line_hash_from_the_tag_is_the_line_hash(
            line in "([ .,:;!?/_'\\u{300}\\u{A0}\\u{2014}-]{0,3}([a-zA-Z0-9]{0,9}|İ|ẞ|Σς|ёЯ|²|٣|Ⅻ|é)){0,10}",
            min in 0usize..30,
        ) {
            let (_, fold) = prefix::tag_fold(&line);
            if !fold.split {
                prop_assert_eq!(line_hash_from(&line, min, fold), line_hash(&line, min), "{:?}", line);
            }
        }

        /// A key has at most as many characters as its line has bytes (the layer does not
        /// hash the lines shorter than `min_chars` bytes).
        #[test]
        fn keys_are_no_longer_than_their_lines(line in "([ .\\u{2014}]{0,2}([a-zA-Z0-9]{0,4}|İ|ẞ|Σς|ёЯ|²|٣|Ⅻ|é|\\PC)){0,10}") {
            let n = line_key(&line, 0).map_or(0, |k| k.chars().count());
            prop_assert!(n <= line.len(), "{:?}", line);
        }

        /// The words counted with the hash are the words of the key, on lines of words and
        /// separators in and out of ASCII (letters that lowercase to two characters, digits of
        /// other scripts, combining marks, `_`).
        #[test]
        fn line_hash_words_are_the_key_words(
            line in "([ .,:;!?/_'\u{300}\u{A0}\u{2014}-]{0,3}([a-zA-Z0-9]{0,6}|İ|ẞ|Σς|ёЯ|²|٣|Ⅻ|é)){0,12}[ .\u{2014}]{0,2}",
            min in 0usize..12,
        ) {
            let want = line_key(&line, min)
                .map(|k| (fnv1a64(k.as_bytes()), k.split(' ').count()));
            prop_assert_eq!(line_hash_words(&line, min), want, "{:?}", line);
        }
    }
}

#[test]
fn hashes_are_counted_once_per_document() {
    let mut s = LineStats::new(5);
    s.add_doc(&doc_hashes(
        "Footer line here\nBody one\nFooter line here\n",
        5,
    ));
    s.add_doc(&doc_hashes("Footer line here\nBody two\n", 5));
    let h = fnv1a64(line_key("Footer line here", 5).unwrap().as_bytes());
    assert_eq!(s.count(h), 2);
    assert_eq!(s.docs, 2);
}

#[test]
fn table_round_trips_and_merges() {
    let mut a = LineStats::new(5);
    a.add_doc(&doc_hashes("Repeated footer\nalpha beta gamma\n", 5));
    a.add_doc(&doc_hashes("Repeated footer\ndelta epsilon\n", 5));
    let mut buf = Vec::new();
    a.write(&mut buf, 1).unwrap();
    let text = String::from_utf8(buf.clone()).unwrap();
    assert!(
        text.starts_with("{\"format\":\"newstag-linestats\""),
        "{text}"
    );
    let back = LineStats::read(&buf[..], Path::new("t.jsonl")).unwrap();
    assert_eq!(back, a);
    let mut m = back.clone();
    m.merge(&a);
    assert_eq!(m.docs, 4);
    let h = fnv1a64(b"repeated footer");
    assert_eq!(m.count(h), 4);
    // keep_min drops the singletons.
    let mut pruned = Vec::new();
    a.write(&mut pruned, 2).unwrap();
    assert_eq!(String::from_utf8(pruned).unwrap().lines().count(), 2);
}

/// One article of eleven paragraphs, as one line per paragraph, with site chrome around it.
fn page(site: &str, body: &[String], extra: &str) -> String {
    let mut t = format!("{site} home page menu link\nLatest headlines from {site} today\n\n");
    for p in body {
        t.push_str(p);
        t.push_str("\n\n");
    }
    t.push_str(extra);
    t.push_str(&format!(
        "\nCopyright 2025 {site} Media Group. All rights reserved.\n"
    ));
    t
}

fn story(topic: &str) -> Vec<String> {
    (0..11)
        .map(|i| {
            format!(
                "Paragraph {} of the report on {topic} says that officials met again on Monday to discuss the matter.",
                ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"][i]
            )
        })
        .collect()
}

#[test]
fn doc_lines_fingerprint_is_the_sentences() {
    let d = doc_lines(&page("Outlet", &story("rain"), "Short line"), 10);
    assert_eq!(
        d.fingerprint.len(),
        12,
        "the eleven paragraphs and the copyright sentence"
    );
    assert_eq!(
        d.hashes.len(),
        15,
        "plus menu, headlines, short line and copyright"
    );
    // A hard-wrapped text (no line ends a sentence) falls back to its long lines.
    let wrapped = "the officials met again on monday to discuss the\nmatter of the flooding in the northern districts of\nthe country where\n";
    assert_eq!(doc_lines(wrapped, 10).fingerprint.len(), 2);
}

#[test]
fn near_copies_count_once_and_shared_chrome_counts_per_article() {
    let wire = story("floods");
    let mut edited = wire.clone();
    edited[4] =
        "An editor rewrote this paragraph of the report entirely for the second outlet.".into();
    let mut docs = Vec::new();
    for site in ["Alpha", "Beta", "Gamma"] {
        docs.push(doc_lines(&page(site, &wire, ""), 20));
        docs.push(doc_lines(
            &page(site, &story(&format!("{site} politics")), ""),
            20,
        ));
    }
    docs.push(doc_lines(&page("Delta", &edited, ""), 20));
    for _ in 0..50 {
        docs.push(doc_lines(&page("Alpha", &wire, ""), 20));
    }
    let s = LineStats::from_docs(20, &docs);
    assert_eq!(s.docs, 57);
    assert_eq!(s.bodies, 4, "one wire story and three other articles");
    let count = |l: &str| s.count(line_hash(l, 20).unwrap());
    assert_eq!(count(&wire[0]), 1, "the wire story's lines count once");
    assert_eq!(count(&edited[4]), 1);
    // Each site's chrome is counted once per distinct article it surrounds.
    assert_eq!(
        count("Copyright 2025 Alpha Media Group. All rights reserved."),
        2
    );
    assert_eq!(count("Latest headlines from Delta today"), 1);
}

/// The cached set of repeated hashes answers as the counts do, for any threshold, and
/// follows the table when more documents are added.
#[test]
fn at_least_is_count_at_least() {
    let mut s = LineStats::new(1);
    for doc in ["a\nb\nc\n", "a\nb\n", "a\n", "d\n"] {
        s.add_doc(&doc_hashes(doc, 1));
    }
    let h = |l: &str| line_hash(l, 1).unwrap();
    for threshold in [2, 3, 1, 4, 2] {
        for l in ["a", "b", "c", "d", "e"] {
            assert_eq!(
                s.at_least(h(l), threshold),
                s.count(h(l)) >= threshold,
                "{l} {threshold}"
            );
        }
    }
    assert!(!s.at_least(h("d"), 2));
    s.add_doc(&doc_hashes("d\n", 1));
    assert!(s.at_least(h("d"), 2), "a table that grew is asked anew");
    let mut m = LineStats::new(1);
    m.merge(&s);
    assert!(m.at_least(h("d"), 2));
    assert_eq!(m, s);
}

/// The prefix filter of a table counted from documents holds the tag of every repeated line; a
/// table without tags (counted by hash, merged) has no filter.
#[test]
fn the_tag_filter_holds_every_repeated_line() {
    let pool = [
        "Subscribe to our newsletter for the latest news",
        "Subscribe to our newsletter: weekly digest of stories",
        "Copyright 2024 The Example Times. All rights reserved.",
        "Copyright 2024 The Example Times, a newspaper",
        "Share this article on social media networks",
        "ŞİMDİ İNDİR uygulamamızı ücretsiz indirin lütfen",
        "The council met on Tuesday to discuss the budget for next year.",
    ];
    let docs: Vec<DocLines> = (0..12)
        .map(|i| {
            let text: Vec<&str> = pool
                .iter()
                .enumerate()
                .filter(|(j, _)| (i + j) % 3 != 0 || *j == 1)
                .map(|(_, l)| *l)
                .chain([format!("Story number {i} has a line of its own here").leak() as &str])
                .collect();
            doc_lines(&text.join("\n"), 20)
        })
        .collect();
    let s = LineStats::from_docs(20, &docs);
    for threshold in [3, 2] {
        let f = s.tag_filter(threshold);
        // (The cache is made for the first threshold asked.)
        if threshold != 3 {
            assert!(f.is_none());
            continue;
        }
        let f = f.expect("a filter");
        for l in pool {
            let h = line_hash(l, 20).unwrap();
            if s.at_least(h, threshold) {
                assert!(f.may_hold(prefix::line_tag(l)), "{l}");
            }
        }
        assert!(!f.may_hold(prefix::line_tag(
            "Story number 5 has a line of its own here"
        )));
    }
    let mut m = LineStats::new(20);
    m.merge(&s);
    assert!(m.tag_filter(3).is_none());
    // The set of repeated hashes, made from the tags' hashes (those counted twice or more), is
    // the set the counts give, at every threshold.
    let hashes: Vec<u64> = docs.iter().flat_map(|d| d.hashes.clone()).collect();
    for threshold in 1..=6 {
        let fresh = LineStats::from_docs(20, &docs);
        for &h in &hashes {
            assert_eq!(
                fresh.at_least(h, threshold),
                s.count(h) >= threshold,
                "{threshold}"
            );
        }
    }
}

#[test]
fn threshold_grows_with_big_runs() {
    let opts = CrossDocOptions::default();
    let mut s = LineStats::new(20);
    s.bodies = 10;
    assert_eq!(s.threshold(&opts), 3);
    s.bodies = 1_000_000;
    assert_eq!(s.threshold(&opts), 100);
}

#[test]
fn bad_tables_are_errors_with_line() {
    let cases = [
        ("empty", ""),
        ("not json", "hello\n"),
        ("wrong format", "{\"format\":\"x\",\"version\":1,\"hash\":\"fnv1a64\",\"min_chars\":20,\"docs\":1,\"entries\":0}\n"),
        ("bad entry", "{\"format\":\"newstag-linestats\",\"version\":1,\"hash\":\"fnv1a64\",\"min_chars\":20,\"docs\":1,\"entries\":1}\n{\"h\":\"zz\",\"n\":1}\n"),
    ];
    for (name, text) in cases {
        let e = LineStats::read(text.as_bytes(), Path::new("s.jsonl")).unwrap_err();
        assert!(e.to_string().starts_with("s.jsonl:"), "case {name}: {e}");
    }
}
