//! [`CREDIT_SENTENCE`](super::CREDIT_SENTENCE) by hand: the pattern's dozen copies of a name
//! word, `\p{Lu}[\p{L}'.\-]*`, made it the costliest pattern of the stage to build (19 M
//! instructions), for the few sentences [`may_be_credit`](super::may_be_credit) lets through.
//! The pattern stays the definition, and the tests' reference.
//!
//! Why the same sentences: the pattern's words are separated by `,?\s+`, and no word may hold a
//! comma or white space, so the sentence splits into its words in one way only: a word runs to
//! the next comma or white space (`\s` and `char::is_whitespace` are both Unicode `White_Space`).
//! A name word opens with a capital, a role word and the verb with a small letter, and no role
//! word opens with a verb, so the subject is the run of name and role words before the first
//! other word, which must open with the verb.

use std::sync::LazyLock;

use crate::boilerplate::heuristics::structure::{in_ranges, unicode_class};

/// The capitals (`\p{Lu}`) and the letters (`\p{L}`) as the regex crate has them.
static CAPITALS_LETTERS: LazyLock<[Vec<(char, char)>; 2]> =
    LazyLock::new(|| [unicode_class(r"\p{Lu}"), unicode_class(r"\p{L}")]);

/// The pattern's role words (case-sensitive).
const ROLES: [&str; 14] = [
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "photographer",
    "photographers",
    "journalist",
    "journalists",
    "staff",
    "and",
    "of",
    "the",
];

/// The pattern's verbs.
const VERBS: [&str; 4] = ["reported", "contributed", "reports", "contributes"];

/// Whether `s` is a credit sentence: one to ten name or role words, each followed by a comma or
/// none and white space, then the verb, "to this report" or the like or nothing, "from" or "in"
/// and places or nothing, and a dot or none closing the sentence. The proptests
/// `credit_sentence_is_the_pattern` and `credit_sentence_is_the_pattern_on_words` hold it to the
/// pattern.
pub(super) fn credit_sentence(s: &str) -> bool {
    let mut rest = s;
    for words in 0..=10 {
        if words >= 1
            && VERBS
                .iter()
                .any(|v| rest.strip_prefix(v).is_some_and(after_verb))
        {
            return true;
        }
        if words == 10 {
            break;
        }
        let (word, after) = split_word(rest);
        if !(is_name_word(word) || ROLES.contains(&word)) {
            return false;
        }
        match white_after(after.strip_prefix(',').unwrap_or(after)) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    false
}

/// What follows the verb: `(?:\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article))?` and then
/// [`places_end`]. (The optional part, when it matches, matches in one way only.)
fn after_verb(r: &str) -> bool {
    places_end(r) || report(r).is_some_and(places_end)
}

/// `\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)` opening `r`: what follows it.
fn report(r: &str) -> Option<&str> {
    let r = white_after(r)?;
    let r = r.strip_prefix("to").and_then(white_after).unwrap_or(r);
    let r = r.strip_prefix("this").or_else(|| r.strip_prefix("the"))?;
    let r = white_after(r)?;
    ["report", "story", "article"]
        .iter()
        .find_map(|w| r.strip_prefix(w))
}

/// Whether `r` is `(?:\s+(?:from|in)\s+W(?:,?\s+(?:W|and))*)?\.?` (W a name word) to its end.
fn places_end(r: &str) -> bool {
    if matches!(r, "" | ".") {
        return true;
    }
    let Some(r) = white_after(r) else {
        return false;
    };
    let Some(mut r) = r
        .strip_prefix("from")
        .or_else(|| r.strip_prefix("in"))
        .and_then(white_after)
    else {
        return false;
    };
    let mut first = true;
    loop {
        let (word, after) = split_word(r);
        let and = !first && word == "and";
        if after.is_empty() {
            // (A name word takes a closing dot in; "and" leaves it to `\.?`.)
            return is_name_word(word) || and || (!first && word == "and.");
        }
        if !(is_name_word(word) || and) {
            return false;
        }
        match white_after(after.strip_prefix(',').unwrap_or(after)) {
            Some(next) => r = next,
            None => return false,
        }
        first = false;
    }
}

/// `r` split where its first word ends: at its first comma or white space, or its end.
fn split_word(r: &str) -> (&str, &str) {
    r.split_at(
        r.find(|c: char| c == ',' || c.is_whitespace())
            .unwrap_or(r.len()),
    )
}

/// `r` after its opening white space (`\s+`), when it opens with some.
fn white_after(r: &str) -> Option<&str> {
    let rest = r.trim_start_matches(char::is_whitespace);
    (rest.len() < r.len()).then_some(rest)
}

/// Whether `w` is a name word, `\p{Lu}[\p{L}'.\-]*`, all of it.
fn is_name_word(w: &str) -> bool {
    let [capitals, letters] = &*CAPITALS_LETTERS;
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let capital = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        in_ranges(capitals, first)
    };
    capital
        && chars.all(|c| {
            matches!(c, '\'' | '.' | '-')
                || if c.is_ascii() {
                    c.is_ascii_alphabetic()
                } else {
                    in_ranges(letters, c)
                }
        })
}

#[cfg(test)]
mod tests {
    use super::super::CREDIT_SENTENCE;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn credit_sentences() {
        for t in [
            "Associated Press writer Lynn Berry contributed from Moscow.",
            "Sultanova reported from Baku, Azerbaijan",
            "Frankel reported from Jerusalem.",
            "Frankel reported from Jerusalem and.",
            "Frankel reported from and Jerusalem",
            "Frankel reported from Jerusalem, and Haifa",
            "Frankel reported from Jerusalem,",
            "Frankel reported from Jerusalem ",
            "Frankel, reported",
            "Frankel ,reported",
            "reported from Jerusalem",
            "A B C D E F G H I J reported",
            "A B C D E F G H I J K reported",
            "Staff of the AP contributed to this report.",
            "Staff contributed to the story from Kyiv",
            "Staff contributed to this reporting",
            "Staff contributed tothe report",
            "Staff reportedly said",
            "Ümit Öz reported in İzmir.",
            "Ⅻ reported",
            "O'Brien-Smith reports",
            "Jane  reported.",
            "Jane reported..",
        ] {
            assert_eq!(credit_sentence(t), CREDIT_SENTENCE.is_match(t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The test by hand says what the pattern says, on lines drawn from the pattern (and
        /// near misses).
        #[test]
        fn credit_sentence_is_the_pattern(
            t in crate::boilerplate::lean::tests::lines(&super::super::credit_sentence_pattern())
        ) {
            prop_assert_eq!(credit_sentence(&t), CREDIT_SENTENCE.is_match(&t), "{:?}", t);
        }

        /// The same on sentences of the pattern's words, capitals and letters of several
        /// scripts, and separators.
        #[test]
        fn credit_sentence_is_the_pattern_on_words(
            t in r"((Jane|Roe|AP|writer|staff|and|of|the|reported|reports|contributed|to|this|report|story|from|in|Kyiv|Öz|İ|ǅ|Ⅻ|ﬀ|a|Z|[.,'\- \t\u{a0}]|\PC){1,14})"
        ) {
            prop_assert_eq!(credit_sentence(&t), CREDIT_SENTENCE.is_match(&t), "{:?}", t);
        }
    }
}
