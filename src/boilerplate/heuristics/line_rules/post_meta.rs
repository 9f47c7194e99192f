//! A post's meta line ending in its comment count or the comment link: "May 5, 2021 By Jane Roe
//! 4 Comments", "June 2, 2021 · 6 Comments", "12/03/2021 by Kay Lee 9 Comments", "March 4, 2021
//! by Jane Roe Post a Comment", "No Comments". Blog themes print it under the headline or the
//! post; the words before the count are a date, names, a category, or nothing.

use crate::boilerplate::line::{bare, with_lowercase};
use crate::boilerplate::meta::find_dates;

use super::super::features::Feat;
use super::super::web_vocabulary::{META_COMMENT_VERBS, META_COMMENT_WORDS};
use super::signed_by;

/// Most words of a post's meta line.
const META_WORDS: usize = 16;

/// Most lowercase words (besides [`JOINERS`]) before the count, next to a date: a category, a
/// user name in lowercase ("by Jane roe"). A sentence has more ("On May 3 the post drew 400
/// comments").
const META_LOWER: usize = 2;

/// Words that join a meta line's parts: "by", "at", "on", "in", the clock's "am" and "pm",
/// "posted", and the themes' German, French and Spanish ones ("von", "um", "par", "por").
#[rustfmt::skip]
const JOINERS: &[&str] = &[
    "by", "at", "on", "in", "am", "pm", "posted", "von", "um", "par", "le", "por", "el",
];

/// Whether `text` is a post's meta line ([module](self)): at most [`META_WORDS`] words, no
/// sentence end, a comment count ("4 Comments", "No Comments") or link ("Post a Comment") at its
/// end, and before it nothing (a bullet, a separator), a byline ("by Jane Roe"), or a date with
/// at most [`META_LOWER`] lowercase words besides the [`JOINERS`].
pub(super) fn post_meta(text: &str, f: &Feat) -> bool {
    // (A header over the comments, "No comments:", is the thread's.)
    if f.words > META_WORDS || f.terminal || text.ends_with(':') || !ends_with_comment(text) {
        return false;
    }
    let Some(head) = before_count(text) else {
        return false;
    };
    let head = head
        .trim_end_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c))
        .trim_start_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
    if head.is_empty() || signed_by(head) {
        return true;
    }
    let dates = find_dates(head);
    if dates.is_empty() {
        return false;
    }
    let mut rest = head.to_string();
    for d in dates.iter().rev() {
        rest.replace_range(d.start..d.end, " ");
    }
    rest.split_whitespace()
        .map(bare)
        .filter(|w| {
            w.starts_with(char::is_lowercase) && !with_lowercase(w, |l| JOINERS.contains(&l))
        })
        .nth(META_LOWER)
        .is_none()
}

/// What sets a meta line's parts apart, and a bullet before it.
const SEPARATORS: &[char] = &[
    '|', '\u{B7}', '\u{2022}', '/', '-', '\u{2013}', '\u{2014}', ',', '*', '+', ':',
];

/// A cheap necessary condition: the line's last word is one of [`META_COMMENT_WORDS`]. (Asked of
/// every short line: the word's length and a double `m` or a "reacti" opening reject nearly all
/// before the table is read.)
fn ends_with_comment(text: &str) -> bool {
    let Some(w) = text.split_whitespace().next_back().map(bare) else {
        return false;
    };
    let b = w.as_bytes();
    (7..=12).contains(&b.len())
        && (b.windows(2).any(|p| p.eq_ignore_ascii_case(b"mm"))
            || b[..6].eq_ignore_ascii_case(b"reacti"))
        && with_lowercase(w, |l| META_COMMENT_WORDS.contains(&l))
}

/// The text before the closing count or link: before "4 Comments", "No Comments", "Post a
/// Comment", "View Comments"; `None` when the words before "comment(s)" are none of these.
fn before_count(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let word_start = |end: &str| {
        end.trim_end()
            .rfind(char::is_whitespace)
            .map_or(0, |p| p + 1)
    };
    let last = word_start(t);
    let head = t[..last].trim_end();
    let prev_at = word_start(head);
    let prev = &head[prev_at..];
    let lower = prev.to_lowercase();
    let count = !prev.is_empty()
        && (prev
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            && prev.bytes().any(|b| b.is_ascii_digit())
            || lower == "no");
    if count || META_COMMENT_VERBS.contains(&lower.as_str()) {
        return Some(&head[..prev_at]);
    }
    if lower == "a" {
        let before = head[..prev_at].trim_end();
        let verb_at = word_start(before);
        if META_COMMENT_VERBS.contains(&before[verb_at..].to_lowercase().as_str()) {
            return Some(&before[..verb_at]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::super::features::features;
    use super::*;

    fn meta(t: &str) -> bool {
        post_meta(t, &features(t))
    }

    #[test]
    fn post_meta_lines() {
        for t in [
            "May 5, 2021 By Jane Roe 4 Comments",
            "June 2, 2021 \u{B7} 6 Comments",
            "12/03/2021 by Kay Lee 9 Comments",
            "March 4, 2021 by Jane roe Post a Comment",
            "January 13, 2020 at 08:45 AM | categories: Gardens, Ponds | View Comments",
            "By rivertonhall February 16, 2026 No Comments",
            "by Riverton Weekly 0 Comments",
            "No Comments",
            "+ 1.132 Comments",
            "3. März 2024 von Anna Roth 5 Kommentare",
        ] {
            assert!(meta(t), "{t}");
        }
    }

    #[test]
    fn sentences_and_stats_with_comments_stay() {
        for t in [
            // (A sentence: its words before the count are no date, names or nothing.)
            "On May 3, 2020 the post drew 400 comments",
            "The mayor declined to comment",
            "\u{201C}How to plant tulips\u{201D} - 2,410 views, 96 reactions, 37 comments",
            "This post has 80 comments",
            "Readers left 12 comments",
            "No comment.",
        ] {
            assert!(!meta(t), "{t}");
        }
    }
}
