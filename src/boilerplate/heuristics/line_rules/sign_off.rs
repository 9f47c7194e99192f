//! [`SIGN_OFF`](super::SIGN_OFF) by hand: the pattern's three copies of the Unicode `\w` class
//! made most of its 8 M instructions to build, for a test of the few lines that open with a
//! dash or `(`. The pattern stays the definition, and the tests' reference.

use regex_syntax::is_word_character;

/// Whether `t` is a sign-off, `^(?:[\u{2014}\u{2013}-]+\s*\S.{0,40}|\((?:[A-Z][\w.]*\s?){1,3}\))$`
/// (case-sensitive). `\s` is `char::is_whitespace` (both Unicode `White_Space`), `\w`
/// [`is_word_character`], `.` any character but `\n`. The proptest `sign_off_is_the_pattern`
/// holds it to the pattern.
pub(super) fn sign_off(t: &str) -> bool {
    match t.strip_prefix('(') {
        Some(rest) => bracketed(rest),
        None => dashed(t),
    }
}

/// A dash is one of the pattern's `[\u{2014}\u{2013}-]`.
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '-')
}

/// The first alternative: dashes, white space, a character that is none, and at most 40 more.
/// The `\S` is the first character after the dashes and the white space (any earlier one leaves
/// a longer tail); with none, the last dash (when there are two), the white space its tail.
fn dashed(t: &str) -> bool {
    let after = t.trim_start_matches(is_dash);
    let dashes = &t[..t.len() - after.len()];
    if dashes.is_empty() {
        return false;
    }
    let rest = after.trim_start_matches(char::is_whitespace);
    let tail = match rest.chars().next() {
        Some(c) => &rest[c.len_utf8()..],
        None if dashes.chars().nth(1).is_some() => after,
        None => return false,
    };
    !tail.contains('\n') && tail.chars().nth(40).is_none()
}

/// The second alternative after its `(`: one to three names, each a capital `A`-`Z`, word
/// characters and dots, and one white space character or none, then `)` closing the line. A
/// name runs on through word characters (capitals among them), so the fewest names are one and
/// one more per white space character that something follows; that must be a capital.
fn bracketed(rest: &str) -> bool {
    let Some(inner) = rest.strip_suffix(')') else {
        return false;
    };
    let mut names = 0;
    let mut name_opens = true;
    for c in inner.chars() {
        if name_opens {
            if !c.is_ascii_uppercase() {
                return false;
            }
            names += 1;
            name_opens = false;
        } else if c.is_whitespace() {
            name_opens = true;
        } else if c != '.' && !is_word_character(c) {
            return false;
        }
    }
    (1..=3).contains(&names)
}

#[cfg(test)]
mod tests {
    use super::super::SIGN_OFF;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sign_offs() {
        for t in [
            "\u{2014} Reuters",
            "(AFP)",
            "(AP Photo)",
            "(A B C D)",
            "(A B C)",
            "(A B )",
            "(A  B)",
            "(a)",
            "()",
            "-",
            "--",
            "- ",
            "-- ",
            "—",
            "— ",
            "-x",
            "- 12345678901234567890123456789012345678901",
            "- 1234567890123456789012345678901234567890",
            "(Reuters) more",
        ] {
            assert_eq!(sign_off(t), SIGN_OFF.regex().is_match(t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8192, ..ProptestConfig::default() })]

        /// The test by hand says what the pattern says.
        #[test]
        fn sign_off_is_the_pattern(
            t in r"(\(|[\u{2014}\u{2013}-]{0,3})([A-Za-z0-9_.\u{301}é ²\t\u{a0}\n()—-]|\PC){0,45}\)?"
        ) {
            prop_assert_eq!(sign_off(&t), SIGN_OFF.regex().is_match(&t), "{:?}", t);
        }
    }
}
