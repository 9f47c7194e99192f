//! The line rules' fast paths against the plain code they stand for.

use super::*;
use crate::boilerplate::heuristics::lists::{related_rest, related_rest_plain};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

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
        text in r"((c)|\(C\)|copyright|COPYRIGHT|Copy|all right|ALL RIGHT|reproduction|may not be|MAY NOT|[ (cCyYgGpPaArRmM]|[a-z]{1,5}|©|ж|\PC){0,12}"
    ) {
        prop_assert_eq!(may_be_copyright(&text), may_be_copyright_bytes(text.as_bytes()), "{:?}", text);
    }

    /// The end of the header's match is where its capture of the rest starts.
    #[test]
    fn related_rest_is_the_capture(
        text in r"(Related|RELATED|related stories|More from|more on|Most read|Read more|read also|latest|Trending now|Читайте также|по теме|Popular|You may also like|editor's picks|must-reads?|[ :：\n]|[a-z]{1,5}|\PC){0,8}"
    ) {
        prop_assert_eq!(related_rest(&text), related_rest_plain(&text), "{:?}", text);
    }
}
