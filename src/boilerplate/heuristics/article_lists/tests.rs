//! Named cases of the article's lists and of menus, and properties of the run tests.

use proptest::prelude::*;

use super::*;

const PARA: &str = "The moving crew arrived on time, showed careful handling of every box and kept good communication with us all day.";

/// A page of `above` paragraphs, the `items`, and `below` paragraphs; returns its lines and the
/// run of item lines.
fn page(above: usize, items: &[&str], below: usize) -> (String, Vec<usize>) {
    let mut text: Vec<String> = vec![PARA.to_string(); above];
    let run = (above..above + items.len()).collect();
    text.extend(items.iter().map(|s| s.to_string()));
    text.extend(vec![PARA.to_string(); below]);
    (text.join("\n"), run)
}

fn judge(text: &str, run: &[usize]) -> bool {
    let lines = Line::split(text);
    let prose = |i: usize| lines[i].text == PARA;
    article_list(&lines, run, (0, lines.len() - 1), prose)
}

#[test]
fn the_articles_lists_and_the_menus() {
    let cases: &[(&str, &[&str], usize, usize, bool)] = &[
        (
            "pros",
            &[
                "Careful handling",
                "Quick moving process",
                "Good communication",
            ],
            3,
            3,
            true,
        ),
        (
            "menu",
            &["Contact Us", "Moving Services", "Careful Handling"],
            3,
            3,
            false,
        ),
        (
            "navigation",
            &["Careful handling", "Quick moving process", "Get in touch"],
            3,
            3,
            false,
        ),
        (
            "navigation, German",
            &["Careful handling", "Quick moving process", "Über uns"],
            3,
            3,
            false,
        ),
        (
            "navigation, Spanish",
            &["Careful handling", "Iniciar sesión", "Quick moving process"],
            3,
            3,
            false,
        ),
        (
            "single words",
            &["Movers", "Boxes", "Delivery"],
            3,
            3,
            false,
        ),
        (
            "at the top",
            &[
                "Careful handling",
                "Quick moving process",
                "Good communication",
            ],
            0,
            6,
            false,
        ),
        (
            "at the end",
            &[
                "Careful handling",
                "Quick moving process",
                "Good communication",
            ],
            6,
            2,
            false,
        ),
        (
            "other words",
            &[
                "Gift cards online",
                "Track your order",
                "Store locator here",
            ],
            3,
            3,
            false,
        ),
    ];
    for &(name, items, above, below, want) in cases {
        let (text, run) = page(above, items, below);
        assert_eq!(judge(&text, &run), want, "{name}");
    }
}

#[test]
fn a_run_repeated_on_the_page_is_a_template() {
    let items = [
        "Careful handling",
        "Quick moving process",
        "Good communication",
    ];
    let (text, run) = page(3, &items, 3);
    let text = format!("{text}\n\n{}\n{}\n\n{}\n", items[0], items[1], items[2]);
    assert!(!judge(&text, &run));
}

/// The navigation items are sorted (for the binary search) and lowercase.
#[test]
fn nav_items_are_sorted_lowercase() {
    for list in [NAV_ITEMS, PROS, CONS, PROS_AND_CONS] {
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(list.iter().all(|w| w.to_lowercase() == *w));
    }
}

/// A review's labelled lists are the article's, however long and however often their template
/// stands on the page (one box per product reviewed); a menu naming no such pair is not.
#[test]
fn a_reviews_pros_and_cons_are_the_articles() {
    let box_items = [
        "Pros & Cons",
        "Pros",
        "Efficient service",
        "Careful handling",
        "Cons",
        "Damage to items",
        "Services",
        "Full-service",
        "Out-of-state",
        "Junk hauling",
        "Full unpacking",
        "Piano",
        "Offsite storage",
        "In-state",
    ];
    let (text, run) = page(3, &box_items, 3);
    // The same box under the next mover reviewed.
    let again = format!("{text}\n{}\n{PARA}\n", box_items.join("\n"));
    assert!(judge(&again, &run));
    let plusy = ["Плюсы", "Быстрая доставка", "Минусы", "Высокая цена"];
    let (text, run) = page(3, &plusy, 3);
    assert!(judge(&text, &run));
    // At the span's edge (no prose under it), a run is judged as before.
    let (text, run) = page(3, &box_items, 0);
    assert!(!judge(&text, &run));
    // A longer item breaks the box in two runs: each is the article's, the other label near it.
    let split = [
        "Pros",
        "Light and sturdy frame",
        "Quiet fan under load",
        "The keyboard cover costs extra money",
        "Cons",
        "Glossy screen",
        "Short power cable",
    ];
    let (text, _) = page(3, &split, 3);
    assert!(judge(&text, &[3, 4, 5]));
    assert!(judge(&text, &[7, 8, 9]));
    // Without the other label, the same runs are judged by their writing (not the article's
    // words here).
    let half = [
        "Pros",
        "Light and sturdy frame",
        "Quiet fan under load",
        "The keyboard cover costs extra money",
    ];
    let (text, run) = page(3, &half, 3);
    assert!(!judge(&text, &run[..3]));
}

/// Short items under a longer item of the same list (one block, no blank line) are the list's,
/// whatever words they use; the same items in a block of their own, or over a longer item only,
/// are judged by the article's words.
#[test]
fn short_items_under_a_longer_one_are_the_lists() {
    let items = [
        "Spare batteries for the head torch",
        "Compass",
        "Hand sanitizer",
        "Rain jacket",
        "Spare socks for the second day",
    ];
    let (text, _) = page(3, &items, 3);
    assert!(judge(&text, &[4, 5, 6]));
    let (text, _) = page(3, &items[..4], 3);
    assert!(judge(&text, &[4, 5, 6]));
    let alone = ["Compass", "Hand sanitizer", "Rain jacket"];
    let (text, run) = page(3, &alone, 3);
    assert!(!judge(&text, &run));
    let (text, run) = page(3, &items[1..], 3);
    assert!(!judge(&text, &run[..3]));
    // A sentence or a label over the run is no item of its list.
    let labelled = [
        "Pack these things before you leave:",
        "Compass",
        "Hand sanitizer",
        "Rain jacket",
        "Spare socks for the second day",
    ];
    let (text, _) = page(3, &labelled, 3);
    assert!(!judge(&text, &[4, 5, 6]));
}

proptest! {
    /// Items that capitalise every word are never a list in sentence case.
    #[test]
    fn title_case_items_are_no_sentence_case(items in proptest::collection::vec("[A-Z][a-z]{3,8}( [A-Z][a-z]{3,8}){0,2}", 2..8)) {
        let text = items.join("\n");
        let lines = Line::split(&text);
        let run: Vec<usize> = (0..lines.len()).collect();
        prop_assert!(!sentence_case(&lines, &run));
    }

    /// A run is repeated exactly when its items stand again in order elsewhere.
    #[test]
    fn repeated_is_the_copy_search(items in proptest::collection::vec("[a-c]{1,2}", 1..4), rest in proptest::collection::vec("[a-c]{1,2}|", 0..8)) {
        let mut all: Vec<String> = items.clone();
        all.extend(rest.iter().cloned());
        let text = all.join("\n");
        let lines = Line::split(&text);
        let run: Vec<usize> = (0..items.len()).collect();
        let nonblank: Vec<(usize, &str)> = lines.iter().enumerate().map(|(i, l)| (i, l.text)).filter(|(_, t)| !t.is_empty()).collect();
        let want = nonblank.iter().enumerate().any(|(k, &(i, _))| {
            i >= items.len()
                && nonblank.len() - k >= items.len()
                && nonblank[k..k + items.len()].iter().zip(&items).all(|(&(_, t), it)| t == it.as_str())
        });
        prop_assert_eq!(repeated(&lines, &run), want);
    }
}

/// The plain definition of `speaks_the_article`: the span's whole vocabulary in a set.
fn speaks_the_article_plain(
    lines: &[Line<'_>],
    run: &[usize],
    span: (usize, usize),
    prose: &impl Fn(usize) -> bool,
) -> bool {
    let vocabulary: std::collections::HashSet<String> = (span.0..=span.1)
        .filter(|&i| prose(i) && !run.contains(&i))
        .flat_map(|i| words(lines[i].text).filter_map(key))
        .collect();
    let shared = run
        .iter()
        .filter(|&&i| {
            words(lines[i].text)
                .filter_map(key)
                .any(|k| vocabulary.contains(&k))
        })
        .count();
    2 * shared >= run.len()
}

proptest! {
    #[test]
    fn speaks_the_article_is_the_vocabulary_test(
        text in proptest::collection::vec("((Boat|boats|FERRY|ferries|Fähre|Fähren|harbour|Harbours|crew|ΟΔΟΣ|the|a1b2c)[ ,.]{1,2}){0,6}", 2..14),
        run_at in 0usize..12,
        run_len in 1usize..5,
        prose_mask in 0u32..(1 << 14),
    ) {
        let page = text.join("\n");
        let lines = Line::split(&page);
        let n = lines.len();
        let first = run_at.min(n - 1);
        let run: Vec<usize> = (first..(first + run_len).min(n)).collect();
        let prose = |i: usize| prose_mask & (1 << i) != 0;
        let span = (0, n - 1);
        prop_assert_eq!(
            speaks_the_article(&lines, &run, span, &prose),
            speaks_the_article_plain(&lines, &run, span, &prose)
        );
    }
}
