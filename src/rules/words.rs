//! UAX #29 word bounds: the segments of `unicode-segmentation`'s `split_word_bound_indices`,
//! with an ASCII fast path that finds the same segments several times faster on English text
//! (the crate looks up each character's word-break property; ASCII needs a table and a few
//! comparisons).
//!
//! Policy: the crate is the definition. This module only decides which stretches of the text
//! take the fast path, and the fast path knows nothing but ASCII:
//! 1. the text is cut at *safe points*: a position whose previous byte is ASCII whitespace and
//!    whose own byte is ASCII but not whitespace. UAX #29 always breaks there (WB3a after a line
//!    break, WB999 after a space or tab, since an ASCII character is never Extend, Format or ZWJ
//!    and so never glues itself to what precedes it, WB4), and no rule deciding a break
//!    elsewhere looks across it: the look-ahead and look-behind rules (WB6, WB7, WB11, WB12,
//!    WB7b/c) need a letter, digit or middle punctuation next to the break they decide, never
//!    whitespace, and a whitespace character ends every run of ignored Extend/Format characters
//!    (WB4) and regional indicators (WB15/16). So each stretch between safe points segments as
//!    if it were the whole text;
//! 2. a stretch up to the last safe point before a non-ASCII byte goes through `ascii_bounds`,
//!    the UAX #29 rules restricted to ASCII; the stretch from there on, up to the first safe point
//!    followed by an all-ASCII chunk, goes to the crate in one call (Cyrillic text is one call per
//!    run of Cyrillic paragraphs, an English word with a curly quote one call for that word).
//!
//! The tests check the result against the crate on the whole text: every ASCII string of up to
//! three characters, ASCII and non-ASCII characters in short mixes, named cases (apostrophes,
//! hyphens, numbers with separators, Cyrillic, CJK, emoji sequences), and random mixes
//! (proptest).

use unicode_segmentation::UnicodeSegmentation;

/// What the segmenter already knows about a segment it emits (saves the caller a look).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// ASCII whitespace; `newline` when it contains a `\n`.
    Space {
        /// The segment contains a line feed.
        newline: bool,
    },
    /// ASCII, starting with a letter, digit or `_` (a word run, see `ascii_bounds`).
    Word,
    /// One ASCII character that is neither whitespace nor a word character.
    Symbol,
    /// Anything (a segment of a stretch the crate segmented).
    Other,
}

/// Calls `emit(start, end)` for each word-bound segment of `text`, in order (byte offsets).
pub fn word_bounds(text: &str, mut emit: impl FnMut(usize, usize)) {
    word_bounds_kinds(text, |s, e, _| emit(s, e));
}

/// [`word_bounds`], also telling the [`Kind`] of each segment.
pub fn word_bounds_kinds(text: &str, mut emit: impl FnMut(usize, usize, Kind)) {
    let b = text.as_bytes();
    let mut pos = 0;
    while pos < b.len() {
        // The ASCII stretch: consecutive all-ASCII chunks go to `ascii_bounds` as one piece (it
        // ends a segment at every safe point anyway: what precedes is whitespace, what follows
        // is not).
        let Some(na) = b[pos..].iter().position(|&x| !x.is_ascii()) else {
            ascii_bounds(&b[pos..], pos, &mut emit);
            return;
        };
        let na = pos + na;
        if let Some(safe) = (pos + 1..na).rev().find(|&q| is_safe(b, q)) {
            ascii_bounds(&b[pos..safe], pos, &mut emit);
            pos = safe;
        }
        // The crate's stretch: no safe point lies in `(pos, na]`, so the chunk from `pos` holds
        // the non-ASCII byte; so may the chunks after it.
        let mut end = chunk_end(b, pos);
        while end < b.len() {
            let next = chunk_end(b, end);
            if b[end..next].is_ascii() {
                break;
            }
            end = next;
        }
        for (at, seg) in text[pos..end].split_word_bound_indices() {
            emit(pos + at, pos + at + seg.len(), Kind::Other);
        }
        pos = end;
    }
}

/// ASCII whitespace as UAX #29 sees it: CR, LF, Newline (VT, FF), WSegSpace (space), and tab
/// (category Other).
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// Whether `q` (`0 < q < b.len()`) is a safe point (see the module docs).
fn is_safe(b: &[u8], q: usize) -> bool {
    is_space(b[q - 1]) && b[q].is_ascii() && !is_space(b[q])
}

/// The first safe point after `pos`, or the end of the text.
fn chunk_end(b: &[u8], pos: usize) -> usize {
    (pos + 1..b.len())
        .find(|&q| is_safe(b, q))
        .unwrap_or(b.len())
}

/// Letters, digits and `_` (ALetter, Numeric, ExtendNumLet): any run of them is one word
/// (WB5, WB8-WB10, WB13a/b).
fn is_word(b: u8) -> bool {
    WORD[b as usize]
}

/// [`is_word`] as a table, one load per byte.
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// Word bounds of an all-ASCII chunk that starts at `base` in the text.
///
/// The ASCII part of UAX #29: a run of letters, digits and `_` is one segment, and so is a
/// letter-`.`/`:`/`'`-letter (WB6/7: MidLetter, MidNumLet, Single_Quote) or
/// digit-`.`/`,`/`;`/`'`-digit (WB11/12: MidNum, MidNumLet, Single_Quote) join inside it; CR LF
/// stays together (WB3), a run of spaces stays together (WB3d); every other character is a
/// segment of its own (WB999).
fn ascii_bounds(c: &[u8], base: usize, emit: &mut impl FnMut(usize, usize, Kind)) {
    let n = c.len();
    let mut i = 0;
    while i < n {
        let start = i;
        let x = c[i];
        i += 1;
        let kind = if is_word(x) {
            loop {
                if i < n && is_word(c[i]) {
                    i += 1;
                } else if i + 1 < n && joins(c[i - 1], c[i], c[i + 1]) {
                    i += 2;
                } else {
                    break;
                }
            }
            Kind::Word
        } else if x == b'\r' {
            if i < n && c[i] == b'\n' {
                i += 1;
            }
            Kind::Space {
                newline: i > start + 1,
            }
        } else if x == b' ' {
            while i < n && c[i] == b' ' {
                i += 1;
            }
            Kind::Space { newline: false }
        } else if is_space(x) {
            Kind::Space {
                newline: x == b'\n',
            }
        } else {
            Kind::Symbol
        };
        emit(base + start, base + i, kind);
    }
}

/// Whether the middle punctuation `mid` keeps `left` and `right` in one word (WB6/7, WB11/12).
fn joins(left: u8, mid: u8, right: u8) -> bool {
    let letters = left.is_ascii_alphabetic() && right.is_ascii_alphabetic();
    let digits = left.is_ascii_digit() && right.is_ascii_digit();
    match mid {
        b'.' | b'\'' => letters || digits,
        b':' => letters,
        b',' | b';' => digits,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn fast(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        word_bounds(text, |s, e| out.push((s, e)));
        out
    }

    fn reference(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices()
            .map(|(at, seg)| (at, at + seg.len()))
            .collect()
    }

    #[test]
    fn every_short_ascii_string() {
        let mut s = String::with_capacity(3);
        for a in 0..128u8 {
            for b in 0..128u8 {
                for c in 0..128u8 {
                    s.clear();
                    s.extend([a as char, b as char, c as char]);
                    assert_eq!(fast(&s[..1]), reference(&s[..1]), "{:?}", &s[..1]);
                    assert_eq!(fast(&s[..2]), reference(&s[..2]), "{:?}", &s[..2]);
                    assert_eq!(fast(&s), reference(&s), "{s:?}");
                }
            }
        }
    }

    /// The kind each segment is reported with, worked out from the segment alone.
    fn kinds_hold(text: &str) {
        word_bounds_kinds(text, |s, e, kind| {
            let seg = &text[s..e];
            let b = seg.as_bytes();
            let expected = if !seg.is_ascii() || kind == Kind::Other {
                Kind::Other
            } else if seg.chars().all(char::is_whitespace) {
                Kind::Space {
                    newline: seg.contains('\n'),
                }
            } else if is_word(b[0]) {
                Kind::Word
            } else {
                assert_eq!(b.len(), 1, "{seg:?}");
                Kind::Symbol
            };
            assert_eq!(kind, expected, "{seg:?} in {text:?}");
            // `Other` only for segments of chunks with a non-ASCII character.
            if kind == Kind::Other {
                assert!(!text.is_ascii(), "{seg:?} in {text:?}");
            }
        });
    }

    #[test]
    fn kinds_of_short_ascii_strings() {
        let mut s = String::with_capacity(3);
        for a in 0..128u8 {
            for b in 0..128u8 {
                for c in [b'a', b' ', b'\n', b'\r', b'.', b'1', b'\t'] {
                    s.clear();
                    s.extend([a as char, b as char, c as char]);
                    kinds_hold(&s);
                }
            }
        }
        kinds_hold("Shiriyev's U.S. 3,000.5 \r\n\r\r\n  \t\t café — “x”");
    }

    /// Non-ASCII characters next to ASCII ones, where the stretch boundaries are decided: every
    /// character up to U+3000 with each ASCII character of every class on either side, and every
    /// string of three or four characters over a few characters of every word-break class news
    /// text is full of (letters with diacritics, curly quotes, dashes, combining marks, joiners).
    #[test]
    fn non_ascii_characters_in_short_contexts() {
        let ascii: Vec<char> = "aZ0_:.',; \t\n\r\u{B}-\"(".chars().collect();
        let mut s = String::new();
        for a in ('\u{80}'..='\u{3000}').chain(['\u{1F600}', '\u{1F1E6}', '\u{FF10}']) {
            for &b in &ascii {
                for pair in [[a, b], [b, a]] {
                    s.clear();
                    s.extend(pair);
                    assert_eq!(fast(&s), reference(&s), "{s:?}");
                    kinds_hold(&s);
                }
            }
        }
        let few: Vec<char> = "aZ0_:.',; \n\r-éßĀəд’‘“”—–…«»×÷\u{301}\u{200D}\u{AD}\u{A0}東ア🙂"
            .chars()
            .collect();
        for &a in &few {
            for &b in &few {
                for &c in &few {
                    for d in ['a', '1', '’', ' '] {
                        s.clear();
                        s.extend([a, b, c, d]);
                        assert_eq!(fast(&s), reference(&s), "{s:?}");
                        assert_eq!(
                            fast(&s[..s.len() - d.len_utf8()]),
                            reference(&s[..s.len() - d.len_utf8()]),
                            "{s:?}"
                        );
                    }
                }
            }
        }
    }

    /// `(case, text, its segments per UAX #29)`: what the rules see, pinned, and the crate's
    /// answer on the same text.
    #[test]
    fn named_cases() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("empty", "", &[]),
            ("possessive", "Shiriyev's", &["Shiriyev's"]),
            ("curly possessive", "Zürich’s", &["Zürich’s"]),
            ("contraction", "don't", &["don't"]),
            (
                "plural possessive",
                "students' union",
                &["students", "'", " ", "union"],
            ),
            (
                "quoted letter",
                "rock 'n' roll",
                &["rock", " ", "'", "n", "'", " ", "roll"],
            ),
            ("decade", "the '90s", &["the", " ", "'", "90s"]),
            ("apostrophe before a digit", "a'1", &["a", "'", "1"]),
            (
                "hyphenated name",
                "Nagorno-Karabakh",
                &["Nagorno", "-", "Karabakh"],
            ),
            (
                "non-breaking hyphen",
                "Alma\u{2011}Ata",
                &["Alma", "\u{2011}", "Ata"],
            ),
            ("soft hyphen", "Baku\u{AD}vi", &["Baku\u{AD}vi"]),
            ("em dash", "said—Aliyev", &["said", "—", "Aliyev"]),
            (
                "thousands and decimals",
                "3,000.5 1,5 3.14",
                &["3,000.5", " ", "1,5", " ", "3.14"],
            ),
            ("time", "12:30", &["12", ":", "30"]),
            ("money", "$1.2bn", &["$", "1.2bn"]),
            ("percent", "5%", &["5", "%"]),
            ("no-break space", "1\u{A0}000", &["1", "\u{A0}", "000"]),
            ("abbreviation", "U.S. e.g.", &["U.S", ".", " ", "e.g", "."]),
            (
                "Cyrillic",
                "Министерство обороны РФ",
                &["Министерство", " ", "обороны", " ", "РФ"],
            ),
            (
                "Cyrillic hyphens",
                "Ростов-на-Дону",
                &["Ростов", "-", "на", "-", "Дону"],
            ),
            (
                "Cyrillic abbreviation",
                "т.е. «Газпром»",
                &["т.е", ".", " ", "«", "Газпром", "»"],
            ),
            (
                "Azerbaijani",
                "Şəhriyar Əliyev",
                &["Şəhriyar", " ", "Əliyev"],
            ),
            (
                "combining accent",
                "Jose\u{301} \u{301}a",
                &["Jose\u{301}", " \u{301}", "a"],
            ),
            ("Han", "東京都", &["東", "京", "都"]),
            ("Katakana", "アイス", &["アイス"]),
            ("Hiragana", "すし", &["す", "し"]),
            ("fullwidth digits", "５,０", &["５,０"]),
            (
                "emoji ZWJ sequence",
                "👩\u{200D}👩\u{200D}👧!",
                &["👩\u{200D}👩\u{200D}👧", "!"],
            ),
            ("skin tone", "👍🏽 ok", &["👍🏽", " ", "ok"]),
            ("flags", "🇦🇿🇦🇿🇦", &["🇦🇿", "🇦🇿", "🇦"]),
            // WB4 keeps the ZWJ with the space, WB3c the emoji with the ZWJ.
            ("ZWJ after a space", "x \u{200D}🙂", &["x", " \u{200D}🙂"]),
            (
                "line breaks",
                "a\r\n\r\rb  \t\t",
                &["a", "\r\n", "\r", "\r", "b", "  ", "\t", "\t"],
            ),
            ("Hebrew quote", "א\"ב", &["א\"ב"]),
        ];
        for (name, text, want) in cases {
            let got: Vec<&str> = fast(text).iter().map(|&(s, e)| &text[s..e]).collect();
            assert_eq!(&got, want, "case {name}");
            assert_eq!(fast(text), reference(text), "case {name}: the crate");
            kinds_hold(text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_as_unicode_segmentation(
            parts in proptest::collection::vec(
                prop_oneof![
                    "[ -~\t\n\r\u{B}\u{C}]{0,12}",
                    "[a-z .,:;'_0-9\n]{0,12}",
                    any::<char>().prop_map(String::from),
                    "[\u{300}-\u{36F}\u{200B}-\u{200F}\u{2018}-\u{2029}\u{AD}\u{1F1E6}-\u{1F1FF}]{1,3}",
                    "[éüא-ת\u{30A0}-\u{30FF}\u{FF10}-\u{FF5A}\u{1F600}-\u{1F64F}]{1,3}",
                    "[a-z0-9 .,:;'’‘“”—–…«»\u{C0}-\u{24F}ə\u{301}\u{AD}\n]{1,12}",
                ],
                0..12,
            )
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(fast(&text), reference(&text));
        }
    }
}
