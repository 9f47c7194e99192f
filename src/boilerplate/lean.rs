//! Regexes built without the lazy DFA, for patterns anchored at the line's start that few lines
//! are asked of: they cost the first document half as much to build.
//!
//! Why: `regex::Regex` builds the lazy DFA's reverse NFA up front, a second copy of the pattern
//! compiled backwards, which for the Unicode classes (`\p{L}`, `\w`, ten times over in a counted
//! repetition) is as costly as the forward one: some 45 % of the build. A pattern anchored with
//! `^` is searched from the line's start only, where the bounded backtracker (or the one-pass
//! DFA) answers in a few steps as the lazy DFA would, so these patterns do without it. The match
//! semantics are the crate's (the same syntax and leftmost-first matching as `regex::Regex`; the
//! engines differ in speed only), and the tests of each caller compare the two on random lines.

use regex_automata::meta;
use regex_automata::util::syntax;

pub(crate) use regex_automata::meta::Regex;

/// `pattern` (anchored with `^`), case-insensitive when `ignore_case`, without the lazy DFA.
pub(crate) fn anchored(pattern: &str, ignore_case: bool) -> Regex {
    debug_assert!(pattern.starts_with('^'), "only anchored patterns: {pattern}");
    meta::Builder::new()
        .configure(meta::Config::new().hybrid(false))
        .syntax(syntax::Config::new().case_insensitive(ignore_case))
        .build(pattern)
        .expect("built-in pattern compiles")
}

#[cfg(test)]
pub(crate) mod tests {
    //! The helpers the callers' tests hold their lean patterns to `regex::Regex` with.
    use proptest::prelude::*;

    /// Lines to compare a lean pattern and `regex::Regex` on: random Unicode, and mutations of
    /// `seeds` (the lines a pattern matches), so both matches and near misses come up.
    pub(crate) fn lines(seeds: &'static [&'static str]) -> impl Strategy<Value = String> {
        let random = "\\PC{0,60}".prop_map(|s| s);
        let mutated = (0..seeds.len(), 0usize..80, "\\PC{0,3}", any::<bool>()).prop_map(
            move |(k, at, insert, cut)| {
                let s = seeds[k];
                let at = s.char_indices().map(|(i, _)| i).nth(at).unwrap_or(s.len());
                let rest = if cut {
                    s[at..].chars().skip(1).collect::<String>()
                } else {
                    s[at..].to_string()
                };
                format!("{}{insert}{rest}", &s[..at])
            },
        );
        prop_oneof![random, mutated, (0..seeds.len()).prop_map(move |k| seeds[k].to_string())]
    }

    /// Every group's span of the first match, by index, as `regex::Regex` reports it.
    pub(crate) fn plain_spans(re: &regex::Regex, text: &str) -> Option<Vec<Option<(usize, usize)>>> {
        re.captures(text).map(|c| {
            c.iter()
                .map(|m| m.map(|m| (m.start(), m.end())))
                .collect()
        })
    }

    /// The same from a lean pattern.
    pub(crate) fn lean_spans(
        re: &regex_automata::meta::Regex,
        text: &str,
    ) -> Option<Vec<Option<(usize, usize)>>> {
        let mut caps = re.create_captures();
        re.captures(text, &mut caps);
        caps.is_match().then(|| {
            (0..caps.group_len())
                .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
                .collect()
        })
    }
}
