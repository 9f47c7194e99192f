//! Patterns asked only whether they match (and, for an anchored pattern, now and then for a
//! group): built as the forward NFA, its lazy DFA and the PikeVM, without the reverse NFA that
//! `regex::Regex` compiles up front for its lazy DFA's match starts, the one-pass DFA and the
//! prefilter. For a pattern of Unicode classes the reverse NFA is as costly as the forward one:
//! [`Matcher`] builds in about two thirds of the instructions.
//!
//! The answers are the regex crate's: the same syntax and the same NFA; the lazy DFA answers
//! whether a match exists, and where it gives up (a Unicode `\b` next to a non-ASCII byte, as in
//! `regex::Regex`) the PikeVM answers instead. Each caller's tests compare it with
//! `regex::Regex` built from the same pattern.
//!
//! Patterns with a Unicode `\b` get a second lazy DFA, of the patterns with their word
//! boundaries left out ([`relaxed`]), which never gives up: it matches wherever the patterns do
//! and more, so where it finds no match (most lines) there is none, and the exact search runs
//! only on the lines it lets through. A line of Cyrillic, Greek or CJK text sent the exact search
//! to the PikeVM at its first byte: some 11 000 instructions a line, for a pattern set anchored
//! at the line's start that most such lines fail within a character.
//!
//! The screen is built the first time the exact lazy DFA gives up: on English text the anchored
//! patterns fail before a word boundary meets a non-ASCII byte, and a run never pays its build
//! (12.7 million instructions on the first of 300 generated English documents).

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures, NFA};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, PatternID};
use regex_syntax::hir::{Capture, Hir, HirKind, LookSet, Properties, Repetition};

/// A search's scratch space: the lazy DFA's states, the PikeVM's and the backtracker's.
struct Caches {
    dfa: lazy::Cache,
    pre: Option<lazy::Cache>,
    vm: pikevm::Cache,
    bt: Option<backtrack::Cache>,
}

/// The screen: the relaxed patterns, and their lazy DFA once built.
struct Screen {
    hirs: Vec<Hir>,
    dfa: OnceLock<DFA>,
}

impl Screen {
    /// The screen's DFA, built on first use.
    fn dfa(&self) -> &DFA {
        self.dfa.get_or_init(|| {
            let nfa = thompson::Compiler::new()
                .configure(thompson::Config::new().which_captures(WhichCaptures::None))
                .build_many_from_hir(&self.hirs)
                .expect("built-in patterns compile");
            DFA::builder()
                .configure(DFA::config().starts_for_each_pattern(true))
                .build_from_nfa(nfa)
                .expect("built-in patterns compile")
        })
    }
}

/// What makes a thread's [`Caches`].
type CachesFn = Box<dyn Fn() -> Caches + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// One or more patterns, asked whether one matches (see the module's doc).
pub(crate) struct Matcher {
    dfa: DFA,
    /// The patterns without their Unicode word boundaries, when they have any (see the module's
    /// doc), and their lazy DFA, built the first time the exact one gives up: a necessary
    /// condition asked first. (On English text the anchored patterns fail before a word
    /// boundary meets a non-ASCII byte: most runs never build it.)
    pre: Option<Screen>,
    vm: PikeVM,
    /// Where the lazy DFA gives up, the bounded backtracker answers if asked to and the text is
    /// short enough for it (as `regex::Regex` does), else the PikeVM.
    bt: Option<BoundedBacktracker>,
    caches: Pool<Caches, CachesFn>,
    /// The shortest match's length in bytes (`usize::MAX`: no pattern can match): a shorter
    /// text is answered without a search, as `regex::Regex` answers it.
    min_len: usize,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").finish_non_exhaustive()
    }
}

impl Matcher {
    /// `patterns` (pattern IDs in their order), case-insensitive when `ignore_case`, with the
    /// backtracker where the lazy DFA gives up: for a small pattern (the backtracker clears a
    /// visited set the size of the NFA times the text on every search; for a large one the
    /// PikeVM is the faster, see [`Matcher::without_backtracker`]).
    pub(crate) fn new(patterns: &[&str], ignore_case: bool) -> Matcher {
        Matcher::build(patterns, ignore_case, true)
    }

    /// [`Matcher::new`] with the PikeVM alone where the lazy DFA gives up.
    pub(crate) fn without_backtracker(patterns: &[&str], ignore_case: bool) -> Matcher {
        Matcher::build(patterns, ignore_case, false)
    }

    fn build(patterns: &[&str], ignore_case: bool, backtrack: bool) -> Matcher {
        let config = syntax::Config::new().case_insensitive(ignore_case);
        let hirs = syntax::parse_many_with(patterns, &config).expect("built-in patterns compile");
        let min_len = Properties::union(hirs.iter().map(Hir::properties)).minimum_len();
        let nfa: NFA = thompson::Compiler::new()
            .build_many_from_hir(&hirs)
            .expect("built-in patterns compile");
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    // (A search anchored on one pattern needs its own start states.)
                    .starts_for_each_pattern(true)
                    // (Gives up on a non-ASCII byte where a Unicode `\b` decides: the PikeVM
                    // answers then.)
                    .unicode_word_boundary(true),
            )
            .build_from_nfa(nfa.clone())
            .expect("built-in patterns compile");
        // (The screen's NFA costs about as much to build as the patterns' own, once a process:
        // 12.5 million instructions for the line rules' openers; built when first needed.)
        let pre = hirs
            .iter()
            .any(|h| h.properties().look_set().contains_word_unicode())
            .then(|| Screen {
                hirs: hirs.into_iter().map(relaxed).collect(),
                dfa: OnceLock::new(),
            });
        let bt = backtrack.then(|| {
            BoundedBacktracker::new_from_nfa(nfa.clone()).expect("built-in patterns compile")
        });
        let vm = PikeVM::new_from_nfa(nfa).expect("built-in patterns compile");
        let (d, v, b) = (dfa.clone(), vm.clone(), bt.clone());
        let create: CachesFn = Box::new(move || Caches {
            dfa: d.create_cache(),
            pre: None,
            vm: v.create_cache(),
            bt: b.as_ref().map(BoundedBacktracker::create_cache),
        });
        Matcher {
            dfa,
            pre,
            vm,
            bt,
            caches: Pool::new(create),
            min_len: min_len.unwrap_or(usize::MAX),
        }
    }

    /// Whether some pattern matches in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.search(Input::new(text))
    }

    /// Whether some pattern matches at the start of `text`.
    pub(crate) fn is_match_at_start(&self, text: &str) -> bool {
        self.search(Input::new(text).anchored(Anchored::Yes))
    }

    /// Whether the pattern `pattern` matches at the start of `text`.
    pub(crate) fn pattern_matches_at_start(&self, pattern: usize, text: &str) -> bool {
        self.search(one_pattern(pattern, text))
    }

    /// The text of the group `group` of the pattern `pattern` matching at the start of `text`,
    /// when it matches and the group takes part (the PikeVM's capture search).
    pub(crate) fn group_at_start<'t>(
        &self,
        pattern: usize,
        text: &'t str,
        group: usize,
    ) -> Option<&'t str> {
        let caps = self.captures_at_start(pattern, text);
        caps.get_group(group).map(|span| &text[span.range()])
    }

    /// The groups of the pattern `pattern` matching at the start of `text` (none when it does
    /// not match), as the PikeVM finds them.
    pub(crate) fn captures_at_start(&self, pattern: usize, text: &str) -> Captures {
        let mut caps = self.vm.create_captures();
        if text.len() >= self.min_len {
            let mut caches = self.caches.get();
            self.vm
                .search(&mut caches.vm, &one_pattern(pattern, text), &mut caps);
        }
        caps
    }

    /// Whether `input` has a match: the lazy DFA's answer; where it gives up, no when the
    /// relaxed patterns do not match either, else the backtracker's or the PikeVM's answer.
    fn search(&self, input: Input<'_>) -> bool {
        if input.get_span().len() < self.min_len {
            return false;
        }
        let input = input.earliest(true);
        let mut caches = self.caches.get();
        let caches = &mut *caches;
        match self.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found.is_some(),
            Err(_)
                if self.pre.as_ref().is_some_and(|pre| {
                    let pre = pre.dfa();
                    let cache = caches.pre.get_or_insert_with(|| pre.create_cache());
                    // (The relaxed DFA has no Unicode word boundary: it never gives up.)
                    matches!(pre.try_search_fwd(cache, &input), Ok(None))
                }) =>
            {
                false
            }
            Err(_) => match (&self.bt, &mut caches.bt) {
                (Some(bt), Some(cache)) if input.haystack().len() <= bt.max_haystack_len() => {
                    bt.try_is_match(cache, input).expect("the text fits")
                }
                _ => self.vm.is_match(&mut caches.vm, input),
            },
        }
    }
}

/// `hir` without its Unicode word boundaries (`\b`, `\B` and the start and end forms): each
/// becomes the empty pattern, so the result matches wherever `hir` does (a boundary only ever
/// forbids a match) and the lazy DFA built from it never gives up on a non-ASCII byte. (Taken by
/// value: the parts without a boundary are moved over as they are, not copied.)
fn relaxed(hir: Hir) -> Hir {
    if !hir.properties().look_set().contains_word_unicode() {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Look(look) if LookSet::singleton(look).contains_word_unicode() => Hir::empty(),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Concat(parts) => Hir::concat(parts.into_iter().map(relaxed).collect()),
        HirKind::Alternation(alts) => Hir::alternation(alts.into_iter().map(relaxed).collect()),
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(relaxed(*rep.sub)),
            ..rep
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: Box::new(relaxed(*cap.sub)),
            ..cap
        }),
        // (These hold no boundary: returned above.)
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
    }
}

/// A search of the pattern `pattern` alone, anchored at the start of `text`.
fn one_pattern(pattern: usize, text: &str) -> Input<'_> {
    Input::new(text).anchored(Anchored::Pattern(PatternID::must(pattern)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Named cases: ASCII and non-ASCII lines (the PikeVM's answer where a Unicode `\b` meets
    /// a non-ASCII letter), one pattern or several, anchored or not, with a group.
    #[test]
    fn matches_as_the_regex_crate() {
        let patterns = [r"^(?:by|von)\s+(\S.*)$", r"\bphoto\b", r"^\d+\s*min"];
        for m in [
            Matcher::new(&patterns, true),
            Matcher::without_backtracker(&patterns, true),
        ] {
            answers(&m, &patterns);
        }
    }

    /// The relaxed screen drops the boundaries and keeps the rest.
    #[test]
    fn relaxed_drops_word_boundaries_only() {
        let parse = |p: &str| regex_syntax::parse(p).expect("pattern");
        assert_eq!(relaxed(parse(r"\bphoto\b")), parse("photo"));
        assert_eq!(relaxed(parse(r"^(a\B|b)+$")), parse("^(a|b)+$"));
        assert_eq!(relaxed(parse(r"(?-u:\b)x")), parse(r"(?-u:\b)x"));
    }

    proptest::proptest! {
        /// A matcher with a screen answers as the regex crate, on texts of ASCII and non-ASCII
        /// letters, digits, `_` and spaces around patterns with word boundaries.
        #[test]
        fn the_screen_answers_as_the_regex_crate(text in "[ab é_Ж1ſ-]{0,12}") {
            let patterns = [r"^a\b", r"\bé", r"b\B_", r"^(?:ж|a)\s*\d\b", r"^ſ\b|^-"];
            let m = Matcher::without_backtracker(&patterns, true);
            let any = regex::RegexBuilder::new(&patterns.join("|"))
                .case_insensitive(true)
                .build()
                .expect("patterns");
            proptest::prop_assert_eq!(m.is_match(&text), any.is_match(&text));
            for (i, p) in patterns.iter().enumerate() {
                let one = regex::RegexBuilder::new(&format!("^(?:{p})"))
                    .case_insensitive(true)
                    .build()
                    .expect("pattern");
                proptest::prop_assert_eq!(m.pattern_matches_at_start(i, &text), one.is_match(&text));
            }
        }
    }

    fn answers(m: &Matcher, patterns: &[&str]) {
        let cases: &[(&str, bool, [bool; 3])] = &[
            ("By Jane Roe", true, [true, false, false]),
            ("photo: AP", true, [false, true, false]),
            ("a photo by X", true, [false, false, false]),
            ("photoé", false, [false, false, false]),
            ("éphoto é", false, [false, false, false]),
            ("é photo é", true, [false, false, false]),
            ("5 MIN read", true, [false, false, true]),
            ("٣ min", true, [false, false, true]),
            ("", false, [false, false, false]),
        ];
        for &(text, any, each) in cases {
            let plain = regex::RegexBuilder::new(&patterns.join("|"))
                .case_insensitive(true)
                .build()
                .expect("patterns");
            assert_eq!(m.is_match(text), any, "{text:?}");
            assert_eq!(plain.is_match(text), any, "regex on {text:?}");
            for (i, &want) in each.iter().enumerate() {
                assert_eq!(m.pattern_matches_at_start(i, text), want, "{i} {text:?}");
            }
        }
        assert_eq!(m.group_at_start(0, "by  Jane Roe", 1), Some("Jane Roe"));
        assert_eq!(m.group_at_start(0, "photo", 1), None);
    }

    /// Its callers share it between threads.
    #[test]
    fn is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Matcher>();
    }
}
