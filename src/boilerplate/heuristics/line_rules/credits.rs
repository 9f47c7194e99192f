//! The credits closing a caption, one pattern per form: "(AP Photo/X)", "/ X via Pixabay", "via
//! Getty Images", "Shutterstock". Apart, each sits behind its own cheap necessary condition and
//! each is a simple pattern for the regex engine (as one pattern they were among the slowest of
//! the stage).

use crate::boilerplate::guarded::{contains_ascii_ci, Guarded};
use crate::boilerplate::heuristics::vocabulary::NAME_PARTICLES;

/// "(AP Photo/X)": a closing bracket last (before trailing spaces: `\s` and
/// `char::is_whitespace` are both Unicode `White_Space`).
pub(crate) static CREDIT_BRACKET: Guarded = Guarded::ci(
    "credit bracket",
    r"\((?:[\w.]+\s+)?(?:photo|photograph|image|pool photo|foto|bild|фото)s?\b[^()]*\)\s*$",
    |t| t.trim_end().ends_with(')'),
);
/// [`CREDIT_BRACKET`]'s guard on the line's last character before trailing spaces.
fn bracket_last(c: char) -> bool {
    c == ')'
}
/// A photo caption's place marks: "X, left, and Y, right, ...", "(centre)", "(l.)", "(links)",
/// "(à gauche)", "(izquierda)", "(a sinistra)", "(à esquerda)", "(слева)". A sentence of the
/// article names no place in a picture; "from left to right" and "von links nach rechts" do occur
/// in prose, and a bare ", centre," does too ("relax, center, and breathe"), so only the marks
/// set off as a name's apposition or in brackets count; a letter in brackets needs its full stop
/// ("Sen. Jane Roe (R)" is her party).
pub(crate) static POSITION_CUE: Guarded = Guarded::ci(
    "position cue",
    r"\w, (?:far |second |third )?(?:left|right)[,)]|\((?:far |second |third |from )?(?:left|right|centre|center|l\.|r\.|m\.|links|rechts|mitte|à gauche|à droite|izquierda|derecha|centro|a la izquierda|a la derecha|a sinistra|a destra|al centro|à esquerda|à direita|ao centro|слева|справа|в центре)\)",
    may_hold_position,
);
/// [`POSITION_CUE`]'s guard: a bracket or ", " right before a word a place mark may open with
/// (ASCII case-insensitively, [`BRACKET_OPENERS`] and [`COMMA_OPENERS`]; any non-ASCII byte
/// there passes: "à", Cyrillic, the long s that matches `s` case-insensitively), in one pass
/// over the line's brackets and commas.
fn may_hold_position(text: &str) -> bool {
    let b = text.as_bytes();
    let opens = |at: usize, words: &[&str]| {
        b.get(at).is_some_and(|&c| !c.is_ascii())
            || words.iter().any(|w| {
                b.get(at..at + w.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(w.as_bytes()))
            })
    };
    memchr::memchr2_iter(b'(', b',', b).any(|i| {
        if b[i] == b'(' {
            opens(i + 1, &BRACKET_OPENERS)
        } else {
            b.get(i + 1) == Some(&b' ') && opens(i + 2, &COMMA_OPENERS)
        }
    })
}
/// How [`POSITION_CUE`]'s bracketed marks open: their first two characters (ASCII; no `k` or
/// `s` after the first, as their case variants are not ASCII).
const BRACKET_OPENERS: [&str; 18] = [
    "fa", "se", "th", "fr", "le", "ri", "ce", "l.", "r.", "m.", "li", "re", "mi", "a ", "al", "ao",
    "iz", "de",
];
/// How [`POSITION_CUE`]'s marks after a comma open (as [`BRACKET_OPENERS`]).
const COMMA_OPENERS: [&str; 5] = ["fa", "se", "th", "le", "ri"];
/// Most words of a caption with place marks ([`POSITION_CUE`]).
const POSITION_CAPTION_WORDS: usize = 50;
/// A photo caption by its place marks, of [`POSITION_CAPTION_WORDS`] words or fewer.
pub(super) fn position_caption(text: &str, words: usize) -> bool {
    words <= POSITION_CAPTION_WORDS && POSITION_CUE.is_match(text)
}
/// "/ X via Pixabay": a slash and the word "via". The rule asks [`slash_via`], which answers as
/// this pattern does (a proptest compares them); the pattern stays the definition, and the
/// tests' reference.
pub(crate) static CREDIT_SLASH_VIA: Guarded = Guarded::ci(
    "credit slash via",
    r"(?:^|\s)/\s*[^/]{1,60}\bvia\s+[\w.\- ]{2,40}$",
    slash_then_via,
);
/// [`CREDIT_SLASH_VIA`]'s guard: "via" after the line's last slash (a match's slash is the last:
/// nothing after it may be a slash).
fn slash_then_via(t: &str) -> bool {
    memchr::memrchr(b'/', t.as_bytes()).is_some_and(|i| contains_ascii_ci(&t[i + 1..], "via"))
}

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
        let tail = t.trim_end();
        tail.chars().next_back().is_some_and(via_last)
            && Tail::of(tail).ends_with_any(&VIA_ENDS)
            && contains_ascii_ci(t, "via")
    },
);
/// The last words of [`CREDIT_VIA`]'s names.
const VIA_ENDS: [&str; 12] = [
    "getty",
    "images",
    "pixabay",
    "unsplash",
    "pexels",
    "wikimedia",
    "commons",
    "flickr",
    "shutterstock",
    "reuters",
    "ap",
    "afp",
];
/// [`CREDIT_VIA`]'s guard on the line's last character before trailing spaces: the line ends with
/// one of the names, whose last letters are these (with the non-ASCII case variants of `k` and
/// `s`); most lines end otherwise.
fn via_last(c: char) -> bool {
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
}
/// A stock-photo agency closing the line: its last character ends one of the names (with the
/// non-ASCII case variants of `s` and `k`).
pub(crate) static CREDIT_STOCK: Guarded = Guarded::ci(
    "credit stock",
    r"\b(?:getty images|shutterstock|istock(?:photo)?|pixabay|unsplash|pexels|wikimedia commons|depositphotos|alamy)\s*$",
    |t| {
        let t = t.trim_end();
        t.chars().next_back().is_some_and(stock_last) && Tail::of(t).ends_with_any(&STOCK_ENDS)
    },
);
/// [`CREDIT_STOCK`]'s first guard, on the line's last character before trailing spaces: it ends
/// one of the names (with the non-ASCII case variants of `s` and `k`); most lines end otherwise.
fn stock_last(c: char) -> bool {
    matches!(
        c,
        's' | 'S' | '\u{17F}' | 'k' | 'K' | '\u{212A}' | 'o' | 'O' | 'y' | 'Y' | 'h' | 'H'
    )
}
/// The last characters of a line without its trailing spaces, folded to ASCII lower case (`ſ`
/// to `s`, the Kelvin sign to `k`: the only non-ASCII case variants of ASCII letters; any other
/// non-ASCII character to 0, which no name has), for the guards that ask whether the line ends
/// with a name's last word in any case. Without it [`CREDIT_STOCK`]'s regex ran on every
/// non-ASCII line ending in one of its letters, where its Unicode `\b` keeps it off the fast
/// engines (some 9000 instructions a line).
struct Tail {
    folded: [u8; Tail::LONGEST],
    start: usize,
}

impl Tail {
    /// The longest last word of a name ([`STOCK_ENDS`], [`VIA_ENDS`]), in characters.
    const LONGEST: usize = 13;

    fn of(t: &str) -> Tail {
        let mut folded = [0u8; Tail::LONGEST];
        let mut start = Tail::LONGEST;
        for c in t.chars().rev().take(Tail::LONGEST) {
            start -= 1;
            folded[start] = match c {
                '\u{17F}' => b's',
                '\u{212A}' => b'k',
                c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
                _ => 0,
            };
        }
        Tail { folded, start }
    }

    /// (Checked when compiled: no word is longer.)
    const FITS: () = {
        let mut i = 0;
        while i < STOCK_ENDS.len() || i < VIA_ENDS.len() {
            assert!(i >= STOCK_ENDS.len() || STOCK_ENDS[i].len() <= Tail::LONGEST);
            assert!(i >= VIA_ENDS.len() || VIA_ENDS[i].len() <= Tail::LONGEST);
            i += 1;
        }
    };

    /// Whether the line ends with one of `words` (lower-case ASCII, at most [`Tail::LONGEST`]).
    fn ends_with_any(&self, words: &[&str]) -> bool {
        let () = Tail::FITS;
        let tail = &self.folded[self.start..];
        words.iter().any(|w| tail.ends_with(w.as_bytes()))
    }
}
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
/// [`CREDIT_SLASH_VIA`]). Asked of every line, so the guards share one look at the line's last
/// character (each guard's own `trim_end` and test, through a function pointer, cost some 270
/// instructions a line): most lines end with none of the guards' characters, and only those
/// that pass run the regex. `credit_end_plain` in the tests is the plain version.
pub(super) fn credit_end(text: &str) -> bool {
    let t = text.trim_end();
    let Some(last) = t.chars().next_back() else {
        // Only spaces, if anything: no slash, no closing bracket, no name.
        return false;
    };
    if bracket_last(last) && CREDIT_BRACKET.regex().is_match(text) {
        return true;
    }
    let (via, stock) = (via_last(last), stock_last(last));
    if via || stock {
        let tail = Tail::of(t);
        if (via
            && tail.ends_with_any(&VIA_ENDS)
            && contains_ascii_ci(text, "via")
            && CREDIT_VIA.regex().is_match(text))
            || (stock && tail.ends_with_any(&STOCK_ENDS) && CREDIT_STOCK.regex().is_match(text))
        {
            return true;
        }
    }
    CREDIT_SLASH_VIA.may_match(text) && slash_via(text)
}

/// The photo and news agencies whose names alone make a picture's credit line (lowercase).
const AGENCIES: [&str; 32] = [
    "getty",
    "getty images",
    "afp",
    "ap",
    "reuters",
    "epa",
    "efe",
    "ansa",
    "anp",
    "dpa",
    "imago",
    "imago images",
    "shutterstock",
    "istock",
    "istockphoto",
    "alamy",
    "keystone",
    "picture alliance",
    "picture-alliance",
    "sipa",
    "xinhua",
    "tass",
    "zuma",
    "zuma press",
    "zuma wire",
    "rex features",
    "pa",
    "pa images",
    "pa wire",
    "aap",
    "nurphoto",
    "belga",
];

/// A line of agency names only, a picture's credit under it: "Getty", "AFP", "Getty
/// Images/iStockphoto)", "IMAGO/ZUMA Press", "(Reuters)" (names of [`AGENCIES`] joined by `/`,
/// `,`, `&` or "via", in brackets or not). The article's own sign-off ("— Reuters") is the
/// byline's.
pub(super) fn agency_line(text: &str) -> bool {
    // (Asked of every line: most are longer, or open with a letter no agency has.)
    if text.len() > 64 {
        return false;
    }
    let t = text.trim();
    let opens = t.bytes().next().is_some_and(|b| {
        matches!(
            b | 0x20,
            b'(' | b'['
                | b'{'
                | b'a'
                | b'b'
                | b'd'
                | b'e'
                | b'g'
                | b'i'
                | b'k'
                | b'n'
                | b'p'
                | b'r'
                | b's'
                | b't'
                | b'x'
                | b'z'
        )
    });
    if t.len() > 48 || !opens {
        return false;
    }
    let t = t
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.']);
    let lower = t.to_ascii_lowercase();
    !lower.trim().is_empty()
        && lower
            .split(['/', ',', '&'])
            .flat_map(|p| p.split(" via "))
            .all(|p| AGENCIES.contains(&p.trim()))
}

/// Words joining a credit's names in lowercase besides the names' own particles
/// (`NAME_PARTICLES`): "Jane Roe for The Daily Courier", "Fotoilustración de Ana B. Muelle para
/// ...".
const CREDIT_JOINS: [&str; 8] = ["for", "para", "pour", "für", "per", "via", "and", "y"];

/// A credit label without its colon, then names only: "Credit Ellen Harbour", "Photo credit
/// Jane Roe/Getty Images", "Credits Ted + Anna Quay for The Daily Courier" (a page's
/// label and name printed as two spans). At most 12 words after the label, the first
/// capitalised, the others capitalised or joining words, no digit (a table's "Credit Hour $337"),
/// no sentence end: "Credit card debt can snowball." and "Credit Harbour Bank shares fell" are no
/// credits.
pub(super) fn credit_label(text: &str) -> bool {
    let t = text.trim();
    // (Asked of every line: most open with a letter none of the labels has.)
    if !t
        .bytes()
        .next()
        .is_some_and(|b| matches!(b | 0x20, b'c' | b'p' | b'i'))
    {
        return false;
    }
    let mut words = t.split_whitespace();
    let mut first = words.next().unwrap_or("");
    if ["photo", "image", "picture"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
    {
        first = words.next().unwrap_or("");
    }
    if !(first.eq_ignore_ascii_case("credit") || first.eq_ignore_ascii_case("credits")) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    (1..=12).contains(&rest.len())
        && capital(rest[0])
        && !t.ends_with(['.', '!', '?', ':'])
        && !t.contains(|c: char| c.is_ascii_digit())
        && rest.iter().all(|w| {
            capital(w)
                || !w.chars().any(char::is_alphanumeric)
                || {
                    let lower = w.to_lowercase();
                    CREDIT_JOINS.contains(&lower.as_str())
                        || NAME_PARTICLES.contains(&lower.as_str())
                }
                || w.contains('/') && w.split('/').all(|p| p.is_empty() || capital(p))
        })
}

/// [`credit_end`] as the patterns alone say it (no guard, no [`slash_via`]).
#[cfg(test)]
pub(super) fn credit_end_plain(text: &str) -> bool {
    [
        &CREDIT_BRACKET,
        &CREDIT_SLASH_VIA,
        &CREDIT_VIA,
        &CREDIT_STOCK,
    ]
    .iter()
    .any(|p| p.regex().is_match(text))
}

#[cfg(test)]
mod tests {
    use super::{agency_line, credit_label};

    #[test]
    fn a_credit_label_without_its_colon_over_names() {
        for line in [
            "Credit Ellen Harbour",
            "Credit Jane Roe/Getty Images",
            "Photo credit Ted + Anna Quay for The Daily Courier",
            "Credits Fotoilustración de Ana B. Muelle para The Daily Courier",
            "Image Credit NASA",
        ] {
            assert!(credit_label(line), "{line:?}");
        }
        for line in [
            "Credit card debt can snowball quickly.",
            "Credit Harbour Bank shares fell on Monday",
            "Credit Hour $337 $516",
            "Credit risk",
            "Credit",
            "Credit:",
            "Credits to Graduate: 36",
            "Photo of the harbour at dawn",
        ] {
            assert!(!credit_label(line), "{line:?}");
        }
    }

    #[test]
    fn agency_names_alone_are_a_credit() {
        for line in [
            "Getty",
            "AFP",
            "REUTERS",
            "(Reuters)",
            "Getty Images/iStockphoto)",
            "IMAGO/ZUMA Press",
            "AP, EPA",
            "dpa & picture alliance",
            "PA)",
        ] {
            assert!(agency_line(line), "{line:?}");
        }
        for line in [
            "Reuters reported on Monday.",
            "AP Style",
            "Paris",
            "",
            "()",
            "Getty Images of the summit",
            "Apple",
        ] {
            assert!(!agency_line(line), "{line:?}");
        }
    }
}
