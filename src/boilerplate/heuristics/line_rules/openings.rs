//! The first three characters a pattern's match can open with, read from the pattern itself, to
//! prove a guard on a line's first bytes ([`opens_with`]) for every opening at once: no sampled
//! line can miss an alternative.

use std::collections::BTreeSet;

use regex_syntax::hir::{Class, Hir, HirKind};

use super::*;

/// Stands for any non-ASCII character in an opening (a guard on the first bytes lets every line
/// with a non-ASCII byte among them through).
const OTHER: u8 = 0x80;

/// The openings of `pattern` (case-insensitive): every match of it starts with one of them, each
/// cut to its first three characters, ASCII ones as their byte and the others as [`OTHER`]. An
/// opening shorter than three is a whole match. Anchors and word boundaries are left out (an
/// opening they would forbid is only one more to let through).
fn openings(pattern: &str) -> BTreeSet<Vec<u8>> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(pattern)
        .expect("pattern parses");
    of(&hir, 3)
}

/// The openings of `hir` cut to `n` characters.
fn of(hir: &Hir, n: usize) -> BTreeSet<Vec<u8>> {
    // (Each part is read only as far as the shortest opening so far leaves to fill.)
    let concat = |a: &BTreeSet<Vec<u8>>, b: &Hir| -> BTreeSet<Vec<u8>> {
        let Some(need) = a.iter().filter(|x| x.len() < n).map(|x| n - x.len()).max() else {
            return a.clone();
        };
        let b = of(b, need);
        let mut out = BTreeSet::new();
        for x in a {
            if x.len() >= n {
                out.insert(x.clone());
                continue;
            }
            for y in &b {
                let mut z = x.clone();
                z.extend_from_slice(y);
                z.truncate(n);
                out.insert(z);
            }
        }
        out
    };
    let empty = || BTreeSet::from([Vec::new()]);
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => empty(),
        HirKind::Literal(lit) => {
            let s = std::str::from_utf8(&lit.0).expect("Unicode literal");
            let bytes: Vec<u8> = s
                .chars()
                .map(|c| if c.is_ascii() { c as u8 } else { OTHER })
                .take(n)
                .collect();
            BTreeSet::from([bytes])
        }
        HirKind::Class(Class::Unicode(class)) => {
            let mut out = BTreeSet::new();
            for r in class.ranges() {
                for c in r.start()..=r.end().min('\u{7F}') {
                    out.insert(vec![c as u8]);
                }
                if r.end() > '\u{7F}' {
                    out.insert(vec![OTHER]);
                }
            }
            out
        }
        HirKind::Class(Class::Bytes(_)) => panic!("the patterns are Unicode"),
        HirKind::Repetition(rep) => {
            // (Each copy takes a character at least, so `n` copies say all that the first `n`
            // characters can be.)
            assert!(rep.sub.properties().minimum_len().unwrap_or(0) >= 1);
            let mut copies = empty();
            let mut out = BTreeSet::new();
            let most = rep.max.unwrap_or(u32::MAX).min(rep.min.max(n as u32));
            for k in 0..=most {
                if k >= rep.min {
                    out.extend(copies.iter().cloned());
                }
                copies = concat(&copies, &rep.sub);
            }
            out
        }
        HirKind::Capture(cap) => of(&cap.sub, n),
        HirKind::Concat(subs) => subs.iter().fold(empty(), |acc, h| concat(&acc, h)),
        HirKind::Alternation(subs) => subs.iter().flat_map(|h| of(h, n)).collect(),
    }
}

/// Whether `guard` lets through every line opening with `opening`: the opening itself, and
/// every line one or two bytes longer when it is a whole match shorter than three.
fn lets_through(guard: impl Fn(&[u8]) -> bool, opening: &[u8]) -> bool {
    let bytes: Vec<u8> = opening
        .iter()
        .map(|&b| if b == OTHER { 0xC3 } else { b })
        .collect();
    if bytes.len() >= 3 {
        return guard(&bytes);
    }
    let longer = (0..=255u8).flat_map(|x| (0..=255u8).map(move |y| [x, y]));
    guard(&bytes)
        && longer.into_iter().all(|[x, y]| {
            let mut one = bytes.clone();
            one.push(x);
            let mut two = one.clone();
            two.push(y);
            guard(&one) && guard(&two)
        })
}

/// [`opens_with`] lets through every line an opener's pattern can match, to that opener: the
/// openings of every alternative of every pattern, in every case.
#[test]
fn opens_with_lets_every_opening_through() {
    for (i, pattern) in OPENER_PATTERNS.iter().enumerate() {
        for opening in openings(pattern) {
            assert!(
                lets_through(|b| opens_with(b) & (1 << i) != 0, &opening),
                "{pattern}: {:?}",
                String::from_utf8_lossy(&opening)
            );
        }
    }
}

/// The openings of the patterns, as the table [`OPENER_OPENINGS`] lists them: lowercase, three
/// ASCII bytes opening with a letter, with the openers (bit `OPEN_*`) that open so
/// (`cargo test print_openings -- --ignored --nocapture`).
#[test]
#[ignore]
fn print_openings() {
    let mut all: std::collections::BTreeMap<Vec<u8>, u8> = Default::default();
    for (i, pattern) in OPENER_PATTERNS.iter().enumerate() {
        for o in openings(pattern) {
            if o.len() == 3 && o[0].is_ascii_alphabetic() && o.iter().all(|&b| b != OTHER) {
                *all.entry(o.to_ascii_lowercase()).or_default() |= 1 << i;
            }
        }
    }
    for (o, m) in all {
        print!("(*b{:?}, {m:#010b}), ", String::from_utf8_lossy(&o));
    }
    println!();
}

/// The walk itself, on small patterns.
#[test]
fn openings_of_small_patterns() {
    let got = |p: &str| -> BTreeSet<String> {
        openings(p)
            .into_iter()
            .map(|o| String::from_utf8_lossy(&o).into_owned())
            .collect()
    };
    let set = |v: &[&str]| {
        v.iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<String>>()
    };
    assert_eq!(got("^ab"), set(&["AB", "Ab", "aB", "ab"]));
    // An optional letter, a class with non-ASCII members, a Cyrillic letter.
    let g = got(r"^x?\dж");
    assert!(g.contains("x0\u{FFFD}") && g.contains("X\u{FFFD}\u{FFFD}") && g.contains("9\u{FFFD}"));
    assert!(!g.iter().any(|o| o.starts_with('y')));
    // Repeated until three characters; a whole match shorter than three kept as it is.
    assert_eq!(
        got("(?:ab)+"),
        set(&["AB", "ABA", "ABa", "Ab", "AbA", "Aba", "aB", "aBA", "aBa", "ab", "abA", "aba"])
    );
}
