//! Unit tests of the alignment and the span conversions: pinned alignment vectors and spans on
//! small texts (named cases), then property tests of the conversions on messy text.

use super::*;

fn raws(nt: &NormalizedText) -> Vec<(u32, u32)> {
    let s = nt.as_str();
    s.char_indices()
        .map(|(i, _)| {
            let r = nt.align[i];
            (r.start, r.end)
        })
        .collect()
}

/// The obvious construction `identity` must agree with.
pub(super) fn identity_reference(s: &str) -> NormalizedText {
    NormalizedText::from_chars(
        s.char_indices()
            .map(|(i, c)| (c, RawRange::new(i, i + c.len_utf8()))),
    )
}

#[test]
fn identity_matches_the_char_by_char_reference() {
    for s in [
        "",
        "abc",
        "aé😀Б",
        "Баку",
        "€1\n😀",
        "x\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}",
    ] {
        assert_eq!(NormalizedText::identity(s), identity_reference(s), "{s:?}");
    }
}

#[test]
fn identity_aligns_each_char_to_its_bytes() {
    let nt = NormalizedText::identity("aé😀Б");
    assert_eq!(raws(&nt), vec![(0, 1), (1, 3), (3, 7), (7, 9)]);
    nt.check_invariants(9).unwrap();
}

#[test]
fn replace_maps_every_new_byte_to_the_whole_old_range() {
    // "e" + COMBINING ACUTE -> "é"
    let mut nt = NormalizedText::identity("Cafe\u{301}!");
    nt.rewrite(|s, rw| {
        rw.keep(0..3);
        rw.replace(3..s.len() - 1, "é");
        rw.keep(s.len() - 1..s.len());
    });
    assert_eq!(nt.as_str(), "Café!");
    assert_eq!(raws(&nt), vec![(0, 1), (1, 2), (2, 3), (3, 6), (6, 7)]);
    nt.check_invariants(7).unwrap();
}

#[test]
fn deletion_and_crlf() {
    let mut nt = NormalizedText::identity("a\r\nb\u{200b}c");
    nt.rewrite(|_, rw| {
        rw.keep(0..1);
        rw.replace(1..3, "\n");
        rw.keep(3..4);
        rw.keep(7..8);
    });
    assert_eq!(nt.as_str(), "a\nbc");
    assert_eq!(raws(&nt), vec![(0, 1), (1, 3), (3, 4), (7, 8)]);
}

#[test]
fn insertion_is_zero_width() {
    let mut nt = NormalizedText::identity("ab");
    nt.rewrite(|_, rw| {
        rw.keep(0..1);
        rw.replace(1..1, " ");
        rw.keep(1..2);
    });
    assert_eq!(nt.as_str(), "a b");
    assert_eq!(raws(&nt), vec![(0, 1), (1, 1), (1, 2)]);
    nt.check_invariants(2).unwrap();
}

#[test]
fn locate_gives_code_points_and_raw_bytes() {
    let nt = NormalizedText::identity("Баку and Москва");
    let s = nt.as_str();
    let b = s.find("Москва").unwrap();
    let spans = [(b, s.len()), (0, "Баку".len())];
    let loc = nt.locate(&spans);
    assert_eq!(loc[0].chars, (9, 15));
    assert_eq!(loc[0].raw, (b, s.len()));
    assert_eq!(loc[1].chars, (0, 4));
    assert_eq!(loc[1].raw, (0, 8));
}

/// Raw -> text on a text with a CRLF merged, a format char deleted, a combining mark merged,
/// a segment cut out and a space inserted: pinned spans, by name.
#[test]
fn text_span_cases() {
    // raw: "a\r\nb\u{200b}cXYZe\u{301}!" ; bytes: a=0, \r\n=1..3, b=3, ZWSP=4..7, c=7,
    // XYZ=8..11 (cut), e+U+0301=11..14, !=14
    let mut nt = NormalizedText::identity("a\r\nb\u{200b}cXYZe\u{301}!");
    nt.rewrite(|_, rw| {
        rw.keep(0..1);
        rw.replace(1..3, "\n");
        rw.keep(3..4);
        rw.keep(7..8);
        rw.replace(11..11, " ");
        rw.replace(11..14, "é");
        rw.keep(14..15);
    });
    assert_eq!(nt.as_str(), "a\nbc é!");
    // (name, raw span, the text span it stands for)
    type Case = (&'static str, (usize, usize), (usize, usize));
    let cases: &[Case] = &[
        ("first char", (0, 1), (0, 1)),
        ("inside the CRLF", (2, 3), (1, 2)),
        (
            "the deleted format char: empty, where it was",
            (4, 7),
            (3, 3),
        ),
        (
            "the cut segment: empty, before the inserted space",
            (8, 11),
            (4, 4),
        ),
        ("the merged accent's mark alone", (12, 14), (5, 7)),
        ("the whole file", (0, 15), (0, 8)),
        ("empty at the start", (0, 0), (0, 0)),
        ("empty at the end", (15, 15), (8, 8)),
        ("empty at the inserted space: after it", (11, 11), (5, 5)),
    ];
    for (name, raw, want) in cases {
        let t = nt.text_span(RawSpan::new(raw.0, raw.1));
        assert_eq!((t.start, t.end), *want, "case {name}");
    }
    let c = nt.locate_raw(&[RawSpan::new(8, 11), RawSpan::new(11, 15)]);
    assert_eq!(c, vec![CharSpan::new(4, 4), CharSpan::new(5, 7)]);
}

#[test]
fn char_index_cases() {
    let cases: &[(&str, &str, &[usize])] = &[
        ("empty", "", &[0]),
        ("ascii", "abc", &[0, 1, 2, 3]),
        ("two-byte", "aé", &[0, 1, 3]),
        ("astral", "😀x", &[0, 4, 5]),
        ("combining mark", "e\u{301}", &[0, 1, 3]),
        ("cyrillic", "Баку", &[0, 2, 4, 6, 8]),
    ];
    for (name, text, bytes) in cases {
        let idx = CharIndex::new(text);
        assert_eq!(idx.len(), bytes.len() - 1, "case {name}");
        for (c, &b) in bytes.iter().enumerate() {
            assert_eq!(idx.byte(c), b, "case {name}: code point {c}");
            assert_eq!(idx.char(b), c, "case {name}: byte {b}");
        }
        assert_eq!(
            idx.byte(bytes.len() + 3),
            text.len(),
            "case {name}: clamped"
        );
        assert_eq!(idx.try_byte(bytes.len()), None, "case {name}: past the end");
    }
    let idx = CharIndex::new("aé😀b");
    assert_eq!(idx.text_span(CharSpan::new(1, 3)), TextSpan::new(1, 7));
    assert_eq!(idx.char_span(TextSpan::new(1, 7)), CharSpan::new(1, 3));
    assert_eq!(idx.char(5), 2, "a byte inside 😀 belongs to it");
}

#[test]
fn count_chars_matches_std() {
    for s in ["", "abc", "é", "😀x", "Азербайджан"] {
        assert_eq!(count_chars(s), s.chars().count());
    }
}

/// Property tests of the span conversions on messy text (combining marks, CRLF, astral chars,
/// entities, chars replaced and removed by normalization, segments cut out):
///
/// * `char_index_round_trips`: code point <-> byte through [`CharIndex`] round-trips at every
///   boundary, is monotonic, and agrees with `str::chars` and with [`NormalizedText::locate`].
/// * `raw_to_text_is_the_overlap`: [`NormalizedText::text_span`] gives exactly the bytes whose raw
///   ranges overlap the raw span (checked against a linear scan), is monotonic in both ends, and
///   text -> raw -> text gives back a span holding the original one.
/// * `cuts_are_found_exactly`: after cutting random char-aligned segments out of a normalized
///   text, each cut segment's raw span maps back to an empty span exactly where the cut sits.
mod span_properties {
    use proptest::prelude::*;

    use super::super::properties::messy_text;
    use crate::decode::Decoder;
    use crate::normalize::{NormalizeOptions, Normalizer};
    use crate::text::{CharIndex, CharSpan, NormalizedText, RawSpan, TextSpan};

    /// `s` decoded and normalized with the default options (entities, CRLF, NFC, format chars,
    /// spaces and markup: chars replaced, merged and removed).
    fn normalized(s: &str, utf16: bool) -> Option<(NormalizedText, usize)> {
        let raw: Vec<u8> = if utf16 {
            let mut raw = vec![0xFF, 0xFE];
            s.encode_utf16().for_each(|u| raw.extend(u.to_le_bytes()));
            raw
        } else {
            s.as_bytes().to_vec()
        };
        let mut nt = Decoder::new("auto").unwrap().decode(&raw).ok()?.text;
        Normalizer::new(NormalizeOptions::default()).normalize(&mut nt);
        Some((nt, raw.len()))
    }

    /// Char boundaries of `s`, end included.
    fn boundaries(s: &str) -> Vec<usize> {
        s.char_indices().map(|(i, _)| i).chain([s.len()]).collect()
    }

    /// Bytes whose raw range overlaps `raw`, by a linear scan (the reference).
    fn overlap_reference(nt: &NormalizedText, raw: RawSpan) -> TextSpan {
        let n = nt.align.len();
        let start = (0..n).find(|&i| nt.align[i].end > raw.start).unwrap_or(n);
        let end = (0..n)
            .rev()
            .find(|&i| nt.align[i].start < raw.end)
            .map_or(0, |i| i + 1);
        TextSpan::new(start, end.max(start))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn char_index_round_trips(s in messy_text()) {
            let idx = CharIndex::new(&s);
            let bounds = boundaries(&s);
            prop_assert_eq!(idx.len(), s.chars().count());
            for (c, &b) in bounds.iter().enumerate() {
                prop_assert_eq!(idx.byte(c), b);
                prop_assert_eq!(idx.char(b), c);
                prop_assert_eq!(idx.try_byte(c), Some(b));
            }
            prop_assert_eq!(idx.try_byte(bounds.len()), None);
            // Inside a multi-byte char: the char holding the byte; monotonic over all bytes.
            let mut last = 0;
            for b in 0..=s.len() {
                let c = idx.char(b);
                prop_assert!(c >= last);
                prop_assert!(idx.byte(c) <= b && b < idx.byte(c + 1).max(b + 1));
                last = c;
            }
            // `locate`'s sweep and the index agree.
            let nt = NormalizedText::identity(&s);
            let spans: Vec<(usize, usize)> =
                bounds.windows(2).map(|w| (w[0], w[1])).chain([(0, s.len())]).collect();
            for (l, &(a, b)) in nt.locate(&spans).iter().zip(&spans) {
                let want = idx.char_span(TextSpan::new(a, b));
                prop_assert_eq!(CharSpan::new(l.chars.0, l.chars.1), want);
                prop_assert_eq!(idx.text_span(want), TextSpan::new(a, b));
            }
        }

        #[test]
        fn raw_to_text_is_the_overlap(
            s in messy_text(),
            utf16 in any::<bool>(),
            cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..12),
        ) {
            let Some((nt, raw_len)) = normalized(&s, utf16) else { return Ok(()) };
            let mut spans: Vec<RawSpan> = cuts
                .iter()
                .map(|(a, b)| {
                    let (a, b) = (a.index(raw_len + 1), b.index(raw_len + 1));
                    RawSpan::new(a.min(b), a.max(b))
                })
                .collect();
            spans.sort_by_key(|r| (r.start, r.end));
            let mut prev: Option<(RawSpan, TextSpan)> = None;
            for &raw in &spans {
                let t = nt.text_span(raw);
                prop_assert_eq!(t, overlap_reference(&nt, raw), "raw {:?}", raw);
                prop_assert!(nt.as_str().is_char_boundary(t.start) && nt.as_str().is_char_boundary(t.end));
                if let Some((pr, pt)) = prev {
                    if pr.end <= raw.end {
                        prop_assert!(pt.start <= t.start && pt.end <= t.end, "{:?} {:?} -> {:?} {:?}", pr, raw, pt, t);
                    }
                }
                prev = Some((raw, t));
            }
            // text -> raw -> text holds the original span.
            let bounds = boundaries(nt.as_str());
            for w in bounds.windows(2) {
                let t = TextSpan::new(w[0], w[1]);
                let back = nt.text_span(nt.raw_span(t));
                prop_assert!(back.start <= t.start && t.end <= back.end, "{:?} -> {:?}", t, back);
            }
        }

        #[test]
        fn cuts_are_found_exactly(
            s in messy_text(),
            utf16 in any::<bool>(),
            picks in proptest::collection::vec(any::<prop::sample::Index>(), 0..10),
        ) {
            let Some((mut nt, _)) = normalized(&s, utf16) else { return Ok(()) };
            let bounds = boundaries(nt.as_str());
            let mut marks: Vec<usize> = picks.iter().map(|i| bounds[i.index(bounds.len())]).collect();
            marks.sort_unstable();
            marks.dedup();
            // Pairs of marks are cut; the raw span of each cut segment is taken before the cut.
            let segments: Vec<(usize, usize)> = marks.chunks_exact(2).map(|p| (p[0], p[1])).collect();
            let raws: Vec<RawSpan> = segments.iter().map(|&(a, b)| nt.raw_span(TextSpan::new(a, b))).collect();
            let mut at = Vec::new();
            nt.rewrite(|s, rw| {
                let mut kept = 0;
                for &(a, b) in &segments {
                    rw.keep(kept..a);
                    at.push(rw.len());
                    kept = b;
                }
                rw.keep(kept..s.len());
            });
            for (i, &raw) in raws.iter().enumerate() {
                // A cut of nothing (a == b) or of zero-width bytes may leave neighbours sharing
                // its raw range; only cuts of bytes with raw bytes of their own are exact.
                if raw.is_empty() {
                    continue;
                }
                let t = nt.text_span(raw);
                let shared = nt.align.iter().any(|r| r.start < raw.end && r.end > raw.start);
                if shared {
                    // A char the cut split from its raw neighbours (a ligature's halves): the
                    // span holds the kept neighbours, and the cut lies inside it.
                    prop_assert!(t.start <= at[i] && at[i] <= t.end);
                } else {
                    prop_assert_eq!(t, TextSpan::new(at[i], at[i]), "cut {} raw {:?}", i, raw);
                }
                let c = nt.locate_raw(&[raw])[0];
                prop_assert_eq!(c, CharIndex::new(nt.as_str()).char_span(t));
            }
        }
    }
}
