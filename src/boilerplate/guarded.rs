//! Cheap prefilters in front of regular expressions. A [`Guarded`] pattern pairs a regex with a
//! guard, a test that is a necessary condition for the regex: it is false only on lines the regex
//! cannot match, so the regex engine runs only on the few lines that pass.
//!
//! Policy: a guard may be loose (pass lines the regex rejects) but never strict. The heuristics'
//! tests hold every guarded pattern to this in ONE table-driven proptest (random lines and
//! mutations of the named cases), and pin the lines that motivated each guard in named tables.
//! [`contains_ascii_ci`] is the usual building block: a byte search that finds every place a
//! case-insensitive pattern could match an ASCII needle.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

/// A regular expression behind a cheap necessary condition; compiled on first use.
pub(crate) struct Guarded {
    /// Names the pattern in test failures.
    pub(crate) name: &'static str,
    pattern: &'static str,
    ignore_case: bool,
    guard: fn(&str) -> bool,
    re: OnceLock<Regex>,
}

impl Guarded {
    /// A case-insensitive `pattern` behind `guard`.
    pub(crate) const fn ci(
        name: &'static str,
        pattern: &'static str,
        guard: fn(&str) -> bool,
    ) -> Self {
        Guarded::new(name, pattern, true, guard)
    }

    /// A case-sensitive `pattern` behind `guard`.
    pub(crate) const fn cs(
        name: &'static str,
        pattern: &'static str,
        guard: fn(&str) -> bool,
    ) -> Self {
        Guarded::new(name, pattern, false, guard)
    }

    const fn new(
        name: &'static str,
        pattern: &'static str,
        ignore_case: bool,
        guard: fn(&str) -> bool,
    ) -> Self {
        Guarded {
            name,
            pattern,
            ignore_case,
            guard,
            re: OnceLock::new(),
        }
    }

    /// The regex alone (for `split`, and for the tests that hold the guard to it).
    pub(crate) fn regex(&self) -> &Regex {
        self.re.get_or_init(|| {
            RegexBuilder::new(self.pattern)
                .case_insensitive(self.ignore_case)
                .build()
                .expect("built-in pattern compiles")
        })
    }

    /// The guard alone: false means the regex cannot match `text`.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        (self.guard)(text)
    }

    /// Whether the regex matches `text`, asked only when the guard holds.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.regex().is_match(text)
    }
}

impl std::fmt::Debug for Guarded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guarded")
            .field("name", &self.name)
            .field("pattern", &self.pattern)
            .field("ignore_case", &self.ignore_case)
            .finish_non_exhaustive()
    }
}

/// Whether `needle` (ASCII letters and spaces) occurs in `text`, ASCII case-insensitively. The
/// patterns' letters other than `k` and `s` have no case variants outside ASCII, and ASCII bytes
/// never occur inside a multi-byte UTF-8 character, so a byte search finds every place the
/// case-insensitive regex could match them.
pub(crate) fn contains_ascii_ci(text: &str, needle: &str) -> bool {
    let (hay, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    let Some(last_start) = hay.len().checked_sub(n.len()) else {
        return false;
    };
    // Look for the needle's rarest byte (in either case), eight bytes at a time, and compare the
    // whole needle only where it occurs: the scan is most of the cost.
    let j = (0..n.len())
        .max_by_key(|&i| RARITY[usize::from(n[i] & 0x7F)])
        .unwrap_or(0);
    let (lower, upper) = (n[j].to_ascii_lowercase(), n[j].to_ascii_uppercase());
    let found = |start: usize| hay[start..start + n.len()].eq_ignore_ascii_case(n);
    // The byte `j` of every possible start.
    any_byte_at(&hay[j..=last_start + j], &[lower, upper], found)
}

/// Whether `check(i)` holds at some position `i` of `hay` whose byte is one of `needles`: the
/// positions are found eight bytes at a time, and `check` is asked only there (in order). For
/// line scans that look for a few rare bytes, most lines have none.
#[inline]
pub(crate) fn any_byte_at(hay: &[u8], needles: &[u8], check: impl FnMut(usize) -> bool) -> bool {
    // (One to three needles, the usual case, are memchr's searches, which take 16 or 32 bytes a
    // step where the word scan takes 8: measured, about a quarter of the instructions on a line.
    // They give the same positions in the same order.)
    match *needles {
        [] => false,
        [a] => memchr::memchr_iter(a, hay).any(check),
        [a, b] => memchr::memchr2_iter(a, b, hay).any(check),
        [a, b, c] => memchr::memchr3_iter(a, b, c, hay).any(check),
        _ => scan_bytes(hay, needles, 0, needles, check),
    }
}

/// [`any_byte_at`] with fewer tests per word: the word's bytes are ASCII-case-folded (`| 0x20`)
/// and compared with `folded`, which must hold `n | 0x20` of every byte `n` of `needles` (`y` for
/// `y` and `Y`, `E2` for `C2` and `E2`); every flagged position is compared again with the real
/// `needles`, so `check` is asked at the same positions, in order.
#[inline]
pub(crate) fn any_folded_byte_at(
    hay: &[u8],
    folded: &[u8],
    needles: &[u8],
    check: impl FnMut(usize) -> bool,
) -> bool {
    debug_assert!(needles.iter().all(|n| folded.contains(&(n | 0x20))));
    scan_bytes(hay, folded, splat(0x20), needles, check)
}

/// The scan behind [`any_byte_at`] and [`any_folded_byte_at`]: each eight-byte word, OR-ed with
/// `fold`, is compared with every byte of `probes`; a flagged position counts when its real byte
/// is one of `needles` and `check` holds there.
#[inline(always)]
fn scan_bytes(
    hay: &[u8],
    probes: &[u8],
    fold: u64,
    needles: &[u8],
    mut check: impl FnMut(usize) -> bool,
) -> bool {
    let mut chunks = hay.chunks_exact(8);
    for (c, chunk) in chunks.by_ref().enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) | fold;
        let mut hits = probes
            .iter()
            .fold(0, |h, &n| h | zero_bytes(word ^ splat(n)));
        while hits != 0 {
            // (A flagged byte may not be a needle: compared again.)
            let i = c * 8 + hits.trailing_zeros() as usize / 8;
            if needles.contains(&hay[i]) && check(i) {
                return true;
            }
            hits &= hits - 1;
        }
    }
    let done = hay.len() - chunks.remainder().len();
    (done..hay.len()).any(|i| needles.contains(&hay[i]) && check(i))
}

/// `b` in every byte of a word.
fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * u64::from(b)
}

/// The high bit of every zero byte of `x` set (and maybe of a byte above a zero byte, never
/// when no byte is zero).
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080
}

/// How rare an ASCII byte is in text (higher is rarer), for the byte [`contains_ascii_ci`]
/// looks for: space, then the letters by English frequency, then everything else.
static RARITY: [u8; 128] = {
    const COMMON: &[u8] = b" etaonshrdlcumwfgypbvkjxqz";
    let mut t = [COMMON.len() as u8; 128];
    let mut i = 0;
    while i < COMMON.len() {
        t[COMMON[i] as usize] = i as u8;
        t[COMMON[i].to_ascii_uppercase() as usize] = i as u8;
        i += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        /// The first-byte scan finds what comparing every window finds.
        #[test]
        fn any_byte_at_is_the_byte_loop(text in "([ (yYvVbB©]|\\PC){0,40}", pick in 0usize..6) {
            let needles: &[&[u8]] = &[b"(", b"yY", &[0xC2, b'('], &[0xA9, b' ', 0x80], b"", b"vVbB"];
            let n = needles[pick];
            let h = text.as_bytes();
            // Every position asked, in order, and only the needles' positions.
            let mut asked = Vec::new();
            any_byte_at(h, n, |i| { asked.push(i); false });
            let want: Vec<usize> = (0..h.len()).filter(|&i| n.contains(&h[i])).collect();
            prop_assert_eq!(&asked, &want);
            // The answer stops at the first position that passes.
            for &stop in &want {
                prop_assert!(any_byte_at(h, n, |i| i == stop));
            }
            prop_assert!(!any_byte_at(h, n, |i| !want.contains(&i)));
        }

        /// The folded scan asks what the plain scan asks, in the same order.
        #[test]
        fn any_folded_byte_at_is_any_byte_at(text in "([ (\x08yYgGpP\u{C2}\u{E2}©ⓒⒸ]|\\PC){0,40}", pick in 0usize..5) {
            let needles: &[&[u8]] = &[b"(yYgGpP", &[0xC2, 0xE2, b'(', b'y', b'Y'], b"Y", &[0xC2], b""];
            let n = needles[pick];
            let mut folded: Vec<u8> = n.iter().map(|b| b | 0x20).collect();
            folded.dedup();
            let h = text.as_bytes();
            let (mut plain, mut fast) = (Vec::new(), Vec::new());
            any_byte_at(h, n, |i| { plain.push(i); false });
            any_folded_byte_at(h, &folded, n, |i| { fast.push(i); false });
            prop_assert_eq!(&fast, &plain);
            for &stop in &plain {
                prop_assert!(any_folded_byte_at(h, &folded, n, |i| i == stop));
            }
        }

        #[test]
        fn contains_ascii_ci_is_the_window_search(text in "([ bByYvViIaA]|\\PC){0,40}", needle in "(| by|via|all right|[ a-zA-Z]{1,4})") {
            let (h, n) = (text.as_bytes(), needle.as_bytes());
            let want = n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
            prop_assert_eq!(contains_ascii_ci(&text, &needle), want);
        }
    }
}
