//! The credits closing a caption, one pattern per form: "(AP Photo/X)", "/ X via Pixabay", "via
//! Getty Images", "Shutterstock". Apart, each sits behind its own cheap necessary condition and
//! each is a simple pattern for the regex engine (as one pattern they were among the slowest of
//! the stage).

use crate::boilerplate::guarded::{contains_ascii_ci, Guarded};

/// "(AP Photo/X)": a closing bracket last (before trailing spaces: `\s` and
/// `char::is_whitespace` are both Unicode `White_Space`).
pub(crate) static CREDIT_BRACKET: Guarded = Guarded::ci(
    "credit bracket",
    r"\((?:[\w.]+\s+)?(?:photo|photograph|image|pool photo|фото)s?\b[^()]*\)\s*$",
    |t| t.trim_end().ends_with(')'),
);
/// "/ X via Pixabay": a slash and the word "via". The rule asks [`slash_via`], which answers as
/// this pattern does (a proptest compares them); the pattern stays the definition, and the
/// tests' reference.
pub(crate) static CREDIT_SLASH_VIA: Guarded = Guarded::ci(
    "credit slash via",
    r"(?:^|\s)/\s*[^/]{1,60}\bvia\s+[\w.\- ]{2,40}$",
    |t| t.contains('/') && contains_ascii_ci(t, "via"),
);

/// [`CREDIT_SLASH_VIA`] by hand: its 40 copies of the Unicode `\w` class (and 60 of `[^/]`) made
/// it the costliest pattern of the stage to build (some 9 ms, on the first line of the corpus
/// that passes its guard), for a question about the line's tail.
///
/// A match has no `/` after its first character and runs to the end of the line, so its `/` is
/// the line's last one, after the start or a space. After it: spaces (`\s*`), 1 to 60 characters,
/// then "via" (ASCII case-insensitively: its letters have no other case variant) after a non-word
/// character (`\b`), spaces (`\s+`), and 2 to 40 characters of `[\w.\- ]` closing the line. The
/// spaces on either side may give characters to their neighbour: before "via", the leading
/// spaces shorten the 1 to 60 as far as one character; after it, the trailing `' '`s of the run
/// of spaces (all but its first) may open the tail. `\s` is `char::is_whitespace` (Unicode
/// `White_Space`), `\w` [`regex_syntax::is_word_character`].
pub(super) fn slash_via(t: &str) -> bool {
    let Some(slash) = t.rfind('/') else {
        return false;
    };
    if !t[..slash]
        .chars()
        .next_back()
        .map_or(true, char::is_whitespace)
    {
        return false;
    }
    let s = &t[slash + 1..];
    let b = s.as_bytes();
    let tail_char =
        |c: char| c == ' ' || c == '.' || c == '-' || regex_syntax::is_word_character(c);
    (1..b.len().saturating_sub(2)).any(|v| {
        if !b[v..v + 3].eq_ignore_ascii_case(b"via") {
            return false;
        }
        // Before "via": a non-word character, and 1 to 60 characters once the leading spaces
        // have taken what they may.
        let before = &s[..v];
        if before
            .chars()
            .next_back()
            .is_some_and(regex_syntax::is_word_character)
        {
            return false;
        }
        let n = before.chars().count();
        let lead = before.chars().take_while(|c| c.is_whitespace()).count();
        if n - lead.min(n - 1) > 60 {
            return false;
        }
        // After it: a run of spaces (one at least), then the rest of the tail.
        let after = &s[v + 3..];
        let run = after.len() - after.trim_start_matches(char::is_whitespace).len();
        let (run, rest) = after.split_at(run);
        let spaces = run.chars().count();
        let given = run.chars().rev().take_while(|&c| c == ' ').count();
        let rest_n = rest.chars().count();
        spaces >= 1
            && rest.chars().all(tail_char)
            && rest_n <= 40
            && rest_n + given.min(spaces - 1) >= 2
    })
}
/// "via Getty Images": the word "via".
pub(crate) static CREDIT_VIA: Guarded = Guarded::ci(
    "credit via",
    r"(?:^|\s)via\s+(?:getty(?: images)?|pixabay|unsplash|pexels|wikimedia(?: commons)?|flickr|shutterstock|reuters|ap|afp)\s*$",
    |t| {
        // The line ends with one of the names (before trailing spaces), whose last letters are
        // these (with the non-ASCII case variants of `k` and `s`); most lines end otherwise.
        t.trim_end().chars().next_back().is_some_and(|c| {
            matches!(
                c,
                'y' | 'Y'
                    | 's'
                    | 'S'
                    | '\u{17F}'
                    | 'h'
                    | 'H'
                    | 'a'
                    | 'A'
                    | 'r'
                    | 'R'
                    | 'k'
                    | 'K'
                    | '\u{212A}'
                    | 'p'
                    | 'P'
            )
        }) && contains_ascii_ci(t, "via")
    },
);
/// A stock-photo agency closing the line: its last character ends one of the names (with the
/// non-ASCII case variants of `s` and `k`).
pub(crate) static CREDIT_STOCK: Guarded = Guarded::ci(
    "credit stock",
    r"\b(?:getty images|shutterstock|istock(?:photo)?|pixabay|unsplash|pexels|wikimedia commons|depositphotos|alamy)\s*$",
    |t| {
        let t = t.trim_end();
        let b = t.as_bytes();
        // The last letter of a name first (most lines end otherwise). A name written with a
        // non-ASCII case variant (`ſ`, the Kelvin sign) has it in its last 16 bytes (a name is
        // at most 13 characters): an ASCII tail ends with a name as written in ASCII or none.
        t.chars().next_back().is_some_and(|c| {
            matches!(
                c,
                's' | 'S' | '\u{17F}' | 'k' | 'K' | '\u{212A}' | 'o' | 'O' | 'y' | 'Y' | 'h' | 'H'
            )
        }) && (!b[b.len().saturating_sub(16)..].is_ascii()
            || STOCK_ENDS.iter().any(|n| {
                b.len() >= n.len() && b[b.len() - n.len()..].eq_ignore_ascii_case(n.as_bytes())
            }))
    },
);
/// The last words of [`CREDIT_STOCK`]'s names ("getty images" ends with "images", "wikimedia
/// commons" with "commons").
const STOCK_ENDS: [&str; 10] = [
    "images",
    "shutterstock",
    "istock",
    "istockphoto",
    "pixabay",
    "unsplash",
    "pexels",
    "commons",
    "depositphotos",
    "alamy",
];

/// A caption credit closing the line: one of the patterns above ([`slash_via`] for
/// [`CREDIT_SLASH_VIA`]).
pub(super) fn credit_end(text: &str) -> bool {
    CREDIT_BRACKET.is_match(text)
        || (CREDIT_SLASH_VIA.may_match(text) && slash_via(text))
        || CREDIT_VIA.is_match(text)
        || CREDIT_STOCK.is_match(text)
}
