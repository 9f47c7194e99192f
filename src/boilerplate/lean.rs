//! Regexes built without the lazy DFA, for patterns anchored at the line's start that a cheap
//! necessary condition keeps from most lines: they cost the first document half as much to build.
//!
//! Why: `regex::Regex` builds the lazy DFA's reverse NFA up front, a second copy of the pattern
//! compiled backwards, which for the Unicode classes (`\p{L}`, `\w`, ten times over in a counted
//! repetition) is as costly as the forward one: some 45 % of the build. Without the lazy DFA a
//! search runs the PikeVM (not the bounded backtracker, whose visited set of a large NFA is
//! cleared on every search): several times slower than the lazy DFA, so only for a pattern few
//! lines reach (a pattern searched on every line of a paragraph cost the warm pass more than it
//! saved). The match semantics are the crate's (the same syntax and leftmost-first matching as
//! `regex::Regex`; the engines differ in speed only), and the tests of each caller compare the
//! two on random lines.

use regex_automata::meta;
use regex_automata::util::syntax;

pub(crate) use regex_automata::meta::Regex;

/// `pattern` (anchored with `^`), case-insensitive when `ignore_case`, without the lazy DFA.
pub(crate) fn anchored(pattern: &str, ignore_case: bool) -> Regex {
    debug_assert!(
        pattern.starts_with('^'),
        "only anchored patterns: {pattern}"
    );
    meta::Builder::new()
        .configure(meta::Config::new().hybrid(false).backtrack(false))
        .syntax(syntax::Config::new().case_insensitive(ignore_case))
        .build(pattern)
        .expect("built-in pattern compiles")
}

/// `pattern` (unanchored), case-insensitive when `ignore_case`, with the lazy DFA but without a
/// prefilter and without the one-pass DFA: for patterns searched for matches only (no capture
/// groups read, where the one-pass DFA would serve) on the few lines a caller's necessary
/// condition lets through. The prefilter of a pattern with an inner literal alternation (the
/// month forms) is a reverse-inner literal search whose build costs as much as a third of the
/// regex's; on a short line the lazy DFA alone is as fast. Matches as `regex::Regex` does.
pub(crate) fn searched(pattern: &str, ignore_case: bool) -> Regex {
    meta::Builder::new()
        .configure(meta::Config::new().auto_prefilter(false).onepass(false))
        .syntax(syntax::Config::new().case_insensitive(ignore_case))
        .build(pattern)
        .expect("built-in pattern compiles")
}

/// The match of `re` in `text` leftmost from `at` (the text before `at` still read by look-around
/// such as `\b`), as `regex::Regex::find_at` finds it.
pub(crate) fn find_at(re: &Regex, text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    re.find(regex_automata::Input::new(text).range(at..))
        .map(|m| m.range())
}

/// `text` with every match of `re` (leftmost first, not overlapping) replaced by `with`, as
/// `regex::Regex::replace_all` with a literal replacement makes it.
pub(crate) fn replace_all(re: &Regex, text: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in re.find_iter(text) {
        out.push_str(&text[last..m.start()]);
        out.push_str(with);
        last = m.end();
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
pub(crate) mod tests {
    //! What the callers' tests hold their lean patterns to: `regex::Regex` built from the same
    //! pattern, every group's span of the first match alike.
    use proptest::prelude::*;

    /// Lines to compare a lean `pattern` and `regex::Regex` on: lines drawn from the pattern
    /// itself (its anchors left out, in random case), the same with a few characters inserted
    /// or cut (near misses), and random Unicode.
    pub(crate) fn lines(pattern: &str) -> BoxedStrategy<String> {
        let body = pattern.strip_prefix('^').unwrap_or(pattern);
        let body = body.strip_suffix('$').unwrap_or(body);
        let drawn = || proptest::string::string_regex(&format!("(?i){body}")).expect("generator");
        let mutated =
            (drawn(), 0usize..80, "\\PC{0,3}", 0usize..3).prop_map(|(s, at, insert, cut)| {
                let at = s.char_indices().map(|(i, _)| i).nth(at).unwrap_or(s.len());
                let rest: String = s[at..].chars().skip(cut).collect();
                format!("{}{insert}{rest}", &s[..at])
            });
        prop_oneof![drawn(), mutated, "\\PC{0,60}"].boxed()
    }

    /// `lean` finds in `text` what `regex::Regex` built from `pattern` finds: whether it
    /// matches, and every group's span.
    pub(crate) fn agrees(
        lean: &regex_automata::meta::Regex,
        pattern: &str,
        ignore_case: bool,
        text: &str,
    ) -> Result<(), TestCaseError> {
        let plain = regex::RegexBuilder::new(pattern)
            .case_insensitive(ignore_case)
            .build()
            .expect("pattern");
        let want: Option<Vec<_>> = plain
            .captures(text)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect());
        let mut caps = lean.create_captures();
        lean.captures(text, &mut caps);
        let got: Option<Vec<_>> = caps.is_match().then(|| {
            (0..caps.group_len())
                .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
                .collect()
        });
        prop_assert_eq!(&got, &want, "{:?} on {:?}", pattern, text);
        prop_assert_eq!(
            lean.is_match(text),
            want.is_some(),
            "{:?} on {:?}",
            pattern,
            text
        );
        Ok(())
    }
}
