//! A bare domain name alone on its line (`example.az`, `https://www.example.com/`), tested by
//! hand: the pattern it stands for, [`DOMAIN_PAT`], compiled its two Unicode `\w` classes in some
//! 7.6 M instructions of the first document, for the few lines the byline and structure rules
//! ask.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};
use regex_syntax::is_word_character;

/// The pattern [`is_domain`] decides (case-insensitive): the tests' reference.
#[cfg(test)]
pub(super) const DOMAIN_PAT: &str =
    r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,6}/?$";

/// The top-level domain's letters, `[a-zа-я]` case-insensitive (with the characters that fold to
/// them, the long `s` and the Kelvin sign among them), as sorted ranges from `regex_syntax`.
static TLD_LETTERS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse("[a-zа-я]")
        .expect("class parses");
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        _ => unreachable!("a Unicode class"),
    }
});

/// Whether `line` is [`DOMAIN_PAT`]: the scheme (`http://`, `https://`, any case) or none, then
/// labels of word characters and `-` joined by dots, a last label of two to six
/// [`TLD_LETTERS`], and a `/` or none. The same lines: the scheme is taken when the line opens
/// with it (`:` is no label character, so the line cannot match without it); `www.` is one more
/// label; `.` is in no label, so the dots split the rest into its labels in one way only. The
/// proptest `is_domain_is_the_pattern` holds it to the pattern.
pub(in crate::boilerplate::heuristics) fn is_domain(line: &str) -> bool {
    let rest = strip_scheme(line);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let Some((labels, tld)) = rest.rsplit_once('.') else {
        return false;
    };
    let tld_letter = |c: char| {
        c.is_ascii_alphabetic()
            || !c.is_ascii() && TLD_LETTERS.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    };
    let label = |l: &str| !l.is_empty() && l.chars().all(|c| c == '-' || is_word_character(c));
    (2..=6).contains(&tld.chars().count())
        && tld.chars().all(tld_letter)
        && labels.split('.').all(label)
}

/// `line` without its opening `http://` or `https://` (ASCII case-insensitive, and `ſ`, which
/// folds to `s`, for the `s`), or all of it.
fn strip_scheme(line: &str) -> &str {
    let mut chars = line.char_indices();
    for want in ['h', 't', 't', 'p'] {
        if !chars
            .next()
            .is_some_and(|(_, c)| c.eq_ignore_ascii_case(&want))
        {
            return line;
        }
    }
    let mut rest = chars.as_str();
    if let Some(c) = rest
        .chars()
        .next()
        .filter(|&c| c.eq_ignore_ascii_case(&'s') || c == 'ſ')
    {
        rest = &rest[c.len_utf8()..];
    }
    rest.strip_prefix("://").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    static DOMAIN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::RegexBuilder::new(DOMAIN_PAT)
            .case_insensitive(true)
            .build()
            .expect("pattern")
    });

    #[test]
    fn domains() {
        for (line, want) in [
            ("example.az", true),
            ("https://www.example.com/", true),
            ("HTTPS://WWW.EXAMPLE.COM/", true),
            ("httpſ://example.com", true),
            ("пример.рф", true),
            ("sub-domain.news_site.co.uk", true),
            ("example.c", false),
            ("example.company", false),
            ("example..com", false),
            (".com", false),
            ("example.com//", false),
            ("ftp://example.com", false),
            ("http:/example.com", false),
            ("Jane Roe", false),
            ("example.c0m", false),
            ("example.\u{212A}z", true),
        ] {
            assert_eq!(is_domain(line), want, "{line}");
            assert_eq!(DOMAIN.is_match(line), want, "{line}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8192, ..ProptestConfig::default() })]

        /// The test by hand says what the pattern says: schemes in any case, labels of ASCII and
        /// other word characters, dots, slashes, colons, letters that fold to ASCII ones.
        #[test]
        fn is_domain_is_the_pattern(
            line in r"((?i:https?|http\u{17F}|htt)(://|:/|//)?)?((?i:www)\.)?([a-zA-Z0-9_\-.é\u{17F}\u{212A}\u{1C80}\u{301}а-яА-ЯёЁ²٣/: ]|\PC){0,14}"
        ) {
            prop_assert_eq!(is_domain(&line), DOMAIN.is_match(&line), "{:?}", line);
        }
    }
}
