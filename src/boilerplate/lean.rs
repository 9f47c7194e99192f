//! Regexes built leaner than `regex::Regex` builds them, for patterns a cheap necessary
//! condition keeps from most lines: [`searched`], without a prefilter and the one-pass DFA, for
//! patterns searched for matches only.
//!
//! Why: the first document pays every pattern's build. The match semantics are the crate's (the
//! same syntax and leftmost-first matching as `regex::Regex`; the engines differ in speed only),
//! and the tests of each caller compare the two on random lines. (The one anchored pattern once
//! built here without the lazy DFA, the credit sentence, is now tested by hand:
//! `heuristics/line_rules/credit_sentence.rs`.)

use regex_automata::meta;
use regex_automata::util::syntax;

pub(crate) use regex_automata::meta::Regex;

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
    //! The lines the callers' tests compare a pattern and its stand-in on.
    use proptest::prelude::*;

    /// Lines to compare `pattern` and its stand-in on: lines drawn from the pattern
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
}
