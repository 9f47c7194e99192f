//! The line key and its hash (see the module docs of [`super`]): the reference that builds the
//! key ([`line_key`]), and the fold that hashes it without building it ([`fold_key`]): all of
//! it, or its first characters for the prefix tag ([`super::prefix`]), or the rest of it from
//! where the tag stopped.

/// The key of a line (see the module docs); `None` when it is too short to count.
pub fn line_key(line: &str, min_chars: usize) -> Option<String> {
    let mut key = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_alphanumeric() {
            if space && !key.is_empty() {
                key.push(' ');
            }
            space = false;
            if c.is_numeric() {
                key.push('0');
            } else {
                key.extend(c.to_lowercase());
            }
        } else {
            space = true;
        }
    }
    (key.chars().count() >= min_chars.max(1)).then_some(key)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| fnv_step(h, b))
}

#[inline]
pub(super) fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// What an ASCII byte adds to a line key: a digit `0`, a letter its lowercase, anything else
/// nothing (0, a separator).
static ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            b'0'
        } else if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

/// `ascii` (a table of the ASCII bytes) for every byte, `non_ascii` for the bytes that are not
/// ASCII.
const fn every_byte(ascii: &[u8; 128], non_ascii: u8) -> [u8; 256] {
    let mut t = [non_ascii; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ascii[b];
        b += 1;
    }
    t
}

/// [`ASCII_FOLD`] for every byte: 0 for a byte that is not ASCII too (it ends the tight loop of an
/// ASCII word in [`line_hash_words`]).
static WORD_FOLD: [u8; 256] = every_byte(&ASCII_FOLD, 0);

/// [`ASCII_FOLD`] for every byte, 1 for a byte that is not ASCII: 0 exactly for the ASCII
/// separators (the tight loop between words in [`line_hash_words`] skips them).
static SEP_FOLD: [u8; 256] = every_byte(&ASCII_FOLD, 1);

/// `fnv1a64` of [`line_key`], computed while folding the line, without building the key: the hot
/// loop of the first pass and of the layer (`apply`). Same key, byte for byte (the tests compare
/// the two).
#[inline]
pub fn line_hash(line: &str, min_chars: usize) -> Option<u64> {
    line_hash_words(line, min_chars).map(|(h, _)| h)
}

/// [`line_hash`] and the number of words of the key.
#[inline]
pub(super) fn line_hash_words(line: &str, min_chars: usize) -> Option<(u64, usize)> {
    let f = fold_key::<false>(line, 0, Fold::START);
    (f.chars() >= min_chars.max(1)).then_some((f.h, f.words))
}

/// [`line_hash`], going on from where `from` (folded from the same line) stopped.
#[inline]
pub(super) fn line_hash_from(line: &str, min_chars: usize, from: Fold) -> Option<u64> {
    let f = fold_key::<false>(line, 0, from);
    (f.chars() >= min_chars.max(1)).then_some(f.h)
}

/// Where folding a line into its key's hash stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Fold {
    /// The hash so far.
    pub(super) h: u64,
    /// Words begun.
    words: usize,
    /// Characters of the key but the spaces between words.
    letters: usize,
    /// The next byte to read.
    at: usize,
    /// `at` is inside a word (after its first character).
    in_word: bool,
    /// Stopped inside the lowercase of one character: the fold cannot go on.
    pub(super) split: bool,
}

impl Fold {
    pub(super) const START: Fold = Fold {
        h: FNV_OFFSET,
        words: 0,
        letters: 0,
        at: 0,
        in_word: false,
        split: false,
    };

    /// Characters of the key so far.
    pub(super) fn chars(&self) -> usize {
        self.letters + self.words.saturating_sub(1)
    }
}

/// `fnv1a64` of [`line_key`] (of all of it, or of its first `cap` characters when `CAPPED`), from
/// the state `from` on. Two tight loops take turns: one skips the ASCII separators between words,
/// the other hashes an ASCII run of letters and digits, two bytes a step while both fold to
/// something (every folded byte has the bit `0x20`, so the two folds share a bit exactly when
/// neither is 0); a byte that is not ASCII leaves either loop and is decoded as a character (a
/// separator unless it is alphanumeric, else folded into the key).
#[inline]
pub(super) fn fold_key<const CAPPED: bool>(line: &str, cap: usize, from: Fold) -> Fold {
    let bytes = line.as_bytes();
    let Fold {
        mut h,
        mut words,
        mut letters,
        mut at,
        mut in_word,
        split,
    } = from;
    debug_assert!(!split);
    let chars = |letters: usize, words: usize| letters + words.saturating_sub(1);
    let mut split = false;
    'line: loop {
        if !in_word {
            // Separators up to the next word (or the end).
            loop {
                let Some(&b) = bytes.get(at) else {
                    break 'line;
                };
                if SEP_FOLD[usize::from(b)] == 0 {
                    at += 1;
                    continue;
                }
                if b.is_ascii() {
                    break;
                }
                let Some(c) = line[at..].chars().next() else {
                    break 'line;
                };
                if c.is_alphanumeric() {
                    break;
                }
                at += c.len_utf8();
            }
            // A word starts at `at`: after another, the key has a space first.
            if words > 0 {
                if CAPPED && chars(letters, words) >= cap {
                    break 'line;
                }
                h = fnv_step(h, b' ');
            }
            words += 1;
            in_word = true;
        }
        // The word's characters, up to the separator after it.
        loop {
            let mut run = &bytes[at..];
            if CAPPED {
                run = &run[..run.len().min(cap.saturating_sub(chars(letters, words)))];
            }
            let mut rest = run;
            while let [a, b, tail @ ..] = rest {
                let (fa, fb) = (WORD_FOLD[usize::from(*a)], WORD_FOLD[usize::from(*b)]);
                if fa & fb == 0 {
                    break;
                }
                h = fnv_step(fnv_step(h, fa), fb);
                rest = tail;
            }
            while let [a, tail @ ..] = rest {
                let f = WORD_FOLD[usize::from(*a)];
                if f == 0 {
                    break;
                }
                h = fnv_step(h, f);
                rest = tail;
            }
            let n = run.len() - rest.len();
            letters += n;
            at += n;
            if CAPPED && chars(letters, words) >= cap {
                break 'line;
            }
            let Some(&b) = bytes.get(at) else {
                break 'line;
            };
            if b.is_ascii() {
                // (An ASCII separator.)
                at += 1;
                in_word = false;
                break;
            }
            let Some(c) = line[at..].chars().next() else {
                break 'line;
            };
            at += c.len_utf8();
            if !c.is_alphanumeric() {
                in_word = false;
                break;
            }
            if c.is_numeric() {
                h = fnv_step(h, b'0');
                letters += 1;
            } else {
                for (i, l) in c.to_lowercase().enumerate() {
                    if CAPPED && i > 0 && chars(letters, words) >= cap {
                        split = true;
                        break 'line;
                    }
                    let mut buf = [0u8; 4];
                    h = l.encode_utf8(&mut buf).bytes().fold(h, fnv_step);
                    letters += 1;
                }
            }
        }
    }
    Fold {
        h,
        words,
        letters,
        at,
        in_word,
        split,
    }
}

/// `fnv1a64` of the last `n` characters of [`line_key`] (all of a shorter key), taken last
/// first, each character's UTF-8 as it is: read from the end of the line, without folding the
/// rest of it (the suffix part of the prefix tag, [`super::prefix`]). Walking back, a word's
/// characters come last first (and the lowercase of one character reversed), and a separator
/// between two words is the key's space once the word before it starts.
///
/// Read byte by byte while the bytes are ASCII (most lines): two tight loops take turns from the
/// end, one over the separators, one over a word's bytes, as [`fold_key`]'s do from the start;
/// a byte that is not ASCII (before the last `n` characters are read) starts over by characters
/// ([`suffix_hash_chars`]). The loop by characters decoded every character backwards and tested
/// it twice. A proptest compares the two.
pub(super) fn suffix_hash(line: &str, n: usize) -> u64 {
    let b = line.as_bytes();
    let mut h = FNV_OFFSET;
    let mut taken = 0;
    let mut at = b.len();
    while taken < n {
        // Separators back to the previous word (or the start).
        while at > 0 && SEP_FOLD[usize::from(b[at - 1])] == 0 {
            at -= 1;
        }
        let Some(&last) = at.checked_sub(1).map(|i| &b[i]) else {
            break;
        };
        if !last.is_ascii() {
            return suffix_hash_chars(line, n);
        }
        // A word after another (read later) has the key's space after it.
        if taken > 0 {
            h = fnv_step(h, b' ');
            taken += 1;
            if taken == n {
                break;
            }
        }
        // The word's bytes, last first.
        while taken < n && at > 0 {
            let f = WORD_FOLD[usize::from(b[at - 1])];
            if f == 0 {
                break;
            }
            h = fnv_step(h, f);
            taken += 1;
            at -= 1;
        }
        if taken < n && at > 0 && !b[at - 1].is_ascii() {
            return suffix_hash_chars(line, n);
        }
    }
    h
}

/// [`suffix_hash`] character by character: the reference, and the way for a line that is not
/// ASCII at its end.
pub(super) fn suffix_hash_chars(line: &str, n: usize) -> u64 {
    let mut h = FNV_OFFSET;
    let mut taken = 0;
    // A word was read (to the right) and a separator since: the next word character read is
    // preceded, in the key, by a space.
    let (mut word_seen, mut gap) = (false, false);
    let mut chars = line.chars().rev();
    while taken < n {
        let Some(c) = chars.next() else {
            break;
        };
        let fold = if c.is_ascii() {
            ASCII_FOLD[c as usize]
        } else if c.is_alphanumeric() {
            1
        } else {
            0
        };
        if fold == 0 {
            gap |= word_seen;
            continue;
        }
        if gap {
            h = fnv_step(h, b' ');
            taken += 1;
            gap = false;
            if taken == n {
                break;
            }
        }
        word_seen = true;
        if c.is_ascii() {
            h = fnv_step(h, fold);
            taken += 1;
        } else if c.is_numeric() {
            h = fnv_step(h, b'0');
            taken += 1;
        } else {
            for l in c.to_lowercase().rev() {
                if taken == n {
                    break;
                }
                let mut buf = [0u8; 4];
                h = l.encode_utf8(&mut buf).bytes().fold(h, fnv_step);
                taken += 1;
            }
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        /// The suffix hash read byte by byte is the one read by characters, for every count of
        /// characters, on lines ASCII at their end or not (letters that lowercase to two
        /// characters, other scripts' digits, non-ASCII separators), around the cut.
        #[test]
        fn suffix_hash_is_the_char_loop(
            line in "([ .,:;!?/_'\\u{A0}\\u{2014}-]{0,3}([a-zA-Z0-9]{0,9}|İ|ẞ|Σς|ёЯ|²|٣|é)){0,8}",
            n in 0usize..24,
        ) {
            prop_assert_eq!(suffix_hash(&line, n), suffix_hash_chars(&line, n), "{:?} {}", line, n);
        }
    }
}
