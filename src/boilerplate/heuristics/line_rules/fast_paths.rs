//! The line rules' fast paths against the plain code they stand for.

use super::credits::{credit_end, credit_end_plain};
use super::share::{
    counted_button, japanese_button, share_row, share_tokens, share_word, share_word_plain,
};
use super::*;
use crate::boilerplate::heuristics::lists::{related_rest, related_rest_plain};
use proptest::prelude::*;

/// The byline opener built alone, as the reference of its capture.
static BYLINE_ALONE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| ci(super::openers::OPENER_PATTERNS[super::openers::OPEN_BYLINE]));

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    /// A byline's rest found by hand is the pattern's capture, on every line the pattern
    /// matches: every opening in random case, the long `s`, "by" before a colon, whitespace of
    /// every kind, words that open like an opening.
    #[test]
    fn byline_rest_is_the_capture(
        text in r"(?i:by|by:|written by|posted by|words by|story by|text by|reported by|von|par|por|door|doors|pa\u{17F}|po\u{17F}ted by|\u{17F}tory by|byzantine|by:by)([ \t\u{a0}\u{2003}\u{3000}:]{0,3})([A-Za-zé ,.]{0,8}|\PC{0,3})"
    ) {
        let re = &*BYLINE_ALONE;
        if re.is_match(&text) {
            let want = re.captures(&text).and_then(|c| c.get(1)).map(|m| m.as_str());
            prop_assert_eq!(super::openers::byline_rest(&text), want, "{:?}", text);
        }
    }

    /// Asking prose first decides as the plain order, prose or not.
    #[test]
    fn tags_pattern_is_the_plain_order(
        text in r"(#[a-zA-Zя]{0,6}|Tags: |# |[ a-z.]|\PC){0,10}",
        prose in any::<bool>(),
    ) {
        let mut f = super::super::features::features(&text);
        f.prose = prose;
        let opens = Opens::of(&text);
        prop_assert_eq!(tags_pattern(&text, &f, &opens), tags_pattern_plain(&text, &f, &opens), "{:?}", text);
    }

    /// The ASCII search finds what the byte loop finds.
    #[test]
    fn may_be_copyright_is_the_byte_loop(
        text in r"((c)|\(C\)|copyright|COPYRIGHT|Copy|all right|ALL RIGHT|reproduction|may not be|MAY NOT|[ (cCyYgGpPaArRmM]|[a-z]{1,5}|©|ж|’|—|é|\u{2C00}|\PC){0,12}"
    ) {
        prop_assert_eq!(may_be_copyright(&text), may_be_copyright_bytes(text.as_bytes()), "{:?}", text);
    }

    /// The separator found by its first bytes is the one found character by character: every
    /// separator, spaces of every kind (and characters sharing the separators' first bytes)
    /// before them.
    #[test]
    fn spaced_separator_is_the_plain_version(
        text in r"([|>›»/•·:\\]|[ \t\u{a0}\u{85}\u{2009}\u{3000}\u{0b}]|[a-z0-9]{1,4}|[’“—é\u{c0}\u{2000}]|\PC){0,10}"
    ) {
        prop_assert_eq!(spaced_separator(&text), spaced_separator_plain(&text), "{:?}", text);
    }

    /// A share word found by its packed key is the one found by a lowercase copy: every share
    /// word in random case, near misses, the Kelvin sign, long and non-ASCII tokens.
    #[test]
    fn share_word_is_the_lowercase_lookup(
        t in r"(?i)(facebook|twitter|x|whatsapp|email|e-mail|vk|ok|print|share|copy|link|tweet|mail|messenger|pinterest|поделиться|вконтакте)|lin\u{212A}|o\u{212A}|[a-zA-Z\-]{0,9}|(?i)(facebook|telegram|pinterest)[a-z]?|[a-z]{8,12}|[a-zé]{1,4}|\PC{0,3}"
    ) {
        prop_assert_eq!(share_word(&t), share_word_plain(&t), "{:?}", t);
    }

    /// The share row asked first whether the line can open with a share word is the token
    /// loop (or a counted button, or a Japanese button) alone: share words in random case
    /// (short ones, one glued to more letters), the Kelvin sign, separators and punctuation
    /// first, whitespace of every kind, a Japanese button's parts.
    #[test]
    fn share_row_is_the_token_loop(
        text in r"((?i:facebook|twitter|x|vk|ok|email|e-mail|share|print|link|threads|вконтакте|click|to|on|a|auf|per|teilen|opens|in|på|the)|lin\u{212A}edin|o\u{212A}|[|/·•]|[ \t\u{a0}\u{2009}\u{3000}]|[(),.:]|[a-z0-9]{1,4}|メール|でシェアする|で共有|\PC){0,10}"
    ) {
        prop_assert_eq!(share_row(&text), share_tokens(&text) || counted_button(&text) || japanese_button(&text), "{:?}", text);
    }

    /// The end of the header's match is where its capture of the rest starts.
    #[test]
    fn related_rest_is_the_capture(
        text in r"(Related|RELATED|related stories|More from|more on|Most read|Read more|read also|latest|Trending now|Читайте также|по теме|Popular|You may also like|editor's picks|must-reads?|[ :：\n]|[a-z]{1,5}|\PC){0,8}"
    ) {
        prop_assert_eq!(related_rest(&text), related_rest_plain(&text), "{:?}", text);
    }

    /// "More from X" found by hand ends where the pattern's capture starts: words of every kind
    /// of `\w` character, spaces of every kind, runs longer than the pattern's 30.
    #[test]
    fn more_from_is_the_capture(
        text in r"(more from |More On |MORE IN |more  from |moreon )([a-zA-Z0-9_ ]{0,40}|[\w ]{0,35}|\PC{0,3}|[\u{a0}\u{2009}\t:：]|[éЖ中٣\u{300}\u{2160}_])*"
    ) {
        prop_assert_eq!(related_rest(&text), related_rest_plain(&text), "{:?}", text);
    }

    /// The credit after a slash found by hand is the pattern's: slashes after or without a
    /// space, "via" in any case after word and non-word characters, runs of spaces of every
    /// kind on either side, heads and tails around the pattern's bounds (1 to 60, 2 to 40).
    #[test]
    fn slash_via_is_the_pattern(
        text in prop_oneof![
            r"(/|\s/|x/|via|VIA|Via|xvia|\.via| |  |[\u{a0}\t\n]|[a-z.\-_]{1,12}|[\w]{1,3}|é|ж|\PC){0,9}",
            r"(x|x |\t)?/[ \u{a0}]{0,3}([a-z. ]{0,4}|[a-zé ]{57,63}) [vV]ia[ \t]{0,3}([a-z .\-ж]{0,3}|[a-z ]{37,42})( ?/)?",
        ]
    ) {
        prop_assert_eq!(
            slash_via(&text),
            CREDIT_SLASH_VIA.regex().is_match(&text),
            "{:?}",
            text
        );
    }

    /// The credit test on the shared last character decides as the four guarded patterns:
    /// every pattern's forms, the non-ASCII case variants of `s` and `k`, non-ASCII text before
    /// a name, trailing spaces of every kind.
    #[test]
    fn credit_end_is_the_plain_version(
        text in r"(\(AP Photo/[a-z ]{0,6}\)|\(фото\)|[()/]| / x via Pixabay|via|VIA|via getty|via Getty Images| via AP| Via afp|via Flickr|via wikimedia|via  unsplash|Reuters|pexels|Shutterstock|SHUTTERſTOCK|shutterstoc\u{212A}|iStockphoto|alamy|pixabay|Wikimedia Commons|images|[ \u{a0}\t]|[a-z.]{1,5}|жё|é|\PC){0,8}"
    ) {
        prop_assert_eq!(credit_end(&text), credit_end_plain(&text), "{:?}", text);
    }
}
