//! The matching limit newstag is measured against: a leftmost-longest `find_iter` of the same
//! aliases over the same files, plus a word-boundary check, and nothing else.
//!
//!     cargo run --release --example rawscan -- [--kind K] [--threads N] --lexicon FILE... -- INPUT...
//!
//! Aliases are read with newstag's lexicon parser and folded with its match fold (lowercase), so
//! the automaton holds the same keys as newstag's; each file is read, ASCII-lowercased and
//! scanned. `--kind` picks the automaton, to compare the options newstag could use:
//! `nfa` (aho-corasick contiguous NFA, unanchored; the default and the reference), `nfa-both`
//! (the same with anchored searches enabled), `dfa` (aho-corasick DFA), `daac` (daachorse
//! bytewise double array), `daac-char` (daachorse charwise).
//!
//! Prints one line of `key=value` pairs: patterns, build seconds, automaton heap MB, files,
//! bytes, matches, scan seconds and MB/s (wall clock of the whole scan).

use std::path::{Path, PathBuf};
use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use daachorse::{
    CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, DoubleArrayAhoCorasick,
    DoubleArrayAhoCorasickBuilder,
};
use rayon::prelude::*;

enum Automaton {
    Ac(AhoCorasick),
    Daac(DoubleArrayAhoCorasick<u32>),
    DaacChar(CharwiseDoubleArrayAhoCorasick<u32>),
}

impl Automaton {
    fn build(kind: &str, patterns: &[String]) -> Automaton {
        let ac = |k: Option<AhoCorasickKind>, s: StartKind| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(k)
                .start_kind(s)
                .build(patterns)
                .expect("automaton")
        };
        let values = || patterns.iter().enumerate().map(|(i, p)| (p, i as u32));
        match kind {
            "nfa" => Automaton::Ac(ac(
                Some(AhoCorasickKind::ContiguousNFA),
                StartKind::Unanchored,
            )),
            "nfa-both" => Automaton::Ac(ac(Some(AhoCorasickKind::ContiguousNFA), StartKind::Both)),
            "dfa" => Automaton::Ac(ac(Some(AhoCorasickKind::DFA), StartKind::Unanchored)),
            "daac" => Automaton::Daac(
                DoubleArrayAhoCorasickBuilder::new()
                    .match_kind(daachorse::MatchKind::LeftmostLongest)
                    .build_with_values(values())
                    .expect("daachorse"),
            ),
            "daac-char" => Automaton::DaacChar(
                CharwiseDoubleArrayAhoCorasickBuilder::new()
                    .match_kind(daachorse::MatchKind::LeftmostLongest)
                    .build_with_values(values())
                    .expect("daachorse"),
            ),
            other => panic!("unknown --kind {other}"),
        }
    }

    fn heap(&self) -> usize {
        match self {
            Automaton::Ac(a) => a.memory_usage(),
            Automaton::Daac(a) => a.heap_bytes(),
            Automaton::DaacChar(a) => a.heap_bytes(),
        }
    }

    /// Word-bounded leftmost-longest matches in `hay`.
    fn count(&self, hay: &str) -> usize {
        let b = hay.as_bytes();
        let ok = |s: usize, e: usize| bounded(hay, s, e) as usize;
        match self {
            Automaton::Ac(a) => a.find_iter(b).map(|m| ok(m.start(), m.end())).sum(),
            Automaton::Daac(a) => a
                .leftmost_find_iter(b)
                .map(|m| ok(m.start(), m.end()))
                .sum(),
            Automaton::DaacChar(a) => a
                .leftmost_find_iter(hay)
                .map(|m| ok(m.start(), m.end()))
                .sum(),
        }
    }
}

fn bounded(hay: &str, s: usize, e: usize) -> bool {
    let before = hay[..s]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let after = hay[e..].chars().next().is_some_and(char::is_alphanumeric);
    !before && !after
}

fn files(root: &Path, out: &mut Vec<PathBuf>) {
    if root.is_file() {
        out.push(root.to_path_buf());
        return;
    }
    for e in walkdir::WalkDir::new(root).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt") {
            out.push(e.into_path());
        }
    }
}

fn main() {
    let mut kind = "nfa".to_string();
    let mut threads = 1;
    let mut lexicons = Vec::new();
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--kind" => kind = args.next().expect("--kind K"),
            "--threads" => threads = args.next().expect("--threads N").parse().expect("N"),
            "--lexicon" => lexicons.push(PathBuf::from(args.next().expect("--lexicon FILE"))),
            "--" => inputs.extend(args.by_ref().map(PathBuf::from)),
            _ => inputs.push(PathBuf::from(a)),
        }
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .expect("threads");
    let t0 = Instant::now();
    let mut patterns = Vec::new();
    for path in &lexicons {
        let spec = newstag::gazetteer::LexiconSpec::from_cli(path);
        let (entries, _) = newstag::gazetteer::lexicon::load(&spec, path).expect("lexicon");
        for e in entries {
            for a in e.aliases {
                patterns.push(newstag::gazetteer::fold_str(&a.text));
            }
        }
    }
    patterns.sort_unstable();
    patterns.dedup();
    let t_load = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let automaton = Automaton::build(&kind, &patterns);
    let t_build = t1.elapsed().as_secs_f64();
    let mut paths = Vec::new();
    for i in &inputs {
        files(i, &mut paths);
    }
    let t2 = Instant::now();
    let (bytes, matches) = paths
        .par_iter()
        .map(|p| {
            let mut raw = std::fs::read(p).expect("read");
            raw.make_ascii_lowercase();
            let text = String::from_utf8_lossy(&raw);
            (raw.len(), automaton.count(&text))
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let scan = t2.elapsed().as_secs_f64();
    println!(
        "kind={kind} threads={threads} patterns={} load_s={t_load:.3} build_s={t_build:.3} heap_mb={:.1} files={} bytes={bytes} matches={matches} scan_s={scan:.3} mb_s={:.1}",
        patterns.len(),
        automaton.heap() as f64 / 1e6,
        paths.len(),
        bytes as f64 / 1e6 / scan,
    );
}
