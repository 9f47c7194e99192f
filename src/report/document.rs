//! One document of the report: its text with every entity highlighted and every removed
//! boilerplate segment struck through where it was cut.
//!
//! Each document shows its `text` with every entity as `<mark data-entity="ID">` coloured by
//! label, the canonical name and id in its `title` (hover), and the removed boilerplate struck
//! through (`<del class="removed">`).
//!
//! ## Where removed boilerplate goes
//!
//! Exactly where the record says ([`place_removals`]); nothing is estimated. The pipeline
//! records, for every removed segment, `at`: the code point of `text` where it was cut, found from
//! its raw bytes through the alignment. A segment is shown there, as a block of its own when `at`
//! is a line start (or the start or end of the text: boilerplate rules remove whole lines) and
//! inline otherwise. When the text still holds the segment (`--keep-boilerplate`: `start`/`end`
//! are set) that span is struck through in place, widened to whole entities so tags nest. A
//! record written before `at` existed (schema 2) does not say where: its segments are listed
//! after the text, marked so.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::document::Document;
use crate::text::{CharIndex, CharSpan};

use super::summary::Palette;

/// Where one removed segment is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Still in `text` (a `--keep-boilerplate` run): strike through this code point span.
    InPlace(CharSpan),
    /// Not in `text`: insert it before code point `at`; `block` when `at` is a line start.
    Insert {
        /// Code point offset in `text`.
        at: usize,
        /// Shown as its own block (at a line start, the start or the end of the text) rather
        /// than inline.
        block: bool,
    },
    /// The record does not say where it was cut (schema 2): shown after the text.
    Unplaced,
}

/// Where each of `doc.removed` goes in `doc.text` (same order), from the record's own
/// `at`/`start`/`end` (see the module docs). Offsets outside the text (a hand-edited record that
/// skipped [`crate::export::for_each_document`]'s checks) are shown after the text.
pub fn place_removals(doc: &Document) -> Vec<Placement> {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    let len = idx.len();
    doc.removed
        .iter()
        .map(|r| match (r.start, r.end, r.at) {
            (Some(s), Some(e), _) if s < e && e <= len => Placement::InPlace(CharSpan::new(s, e)),
            (_, _, Some(at)) if at <= len => Placement::Insert {
                at,
                block: at == 0 || at == len || text[..idx.byte(at)].ends_with('\n'),
            },
            _ => Placement::Unplaced,
        })
        .collect()
}

/// Renders one document; returns the number of entity highlights.
pub(super) fn document_section(
    out: &mut String,
    n: usize,
    doc: &Document,
    palette: &Palette,
) -> usize {
    // Canonical names and ids, for the search box (the text holds only the mentions).
    let names: BTreeSet<&str> = doc
        .entities
        .iter()
        .flat_map(|e| [e.name.as_str(), e.id.as_str()])
        .collect();
    let _ = write!(
        out,
        "<section class=\"doc\" id=\"doc-{n}\" data-doc=\"{}\" data-names=\"{}\">\n<h2>{}</h2>\n",
        esc(&doc.id),
        esc(&names.into_iter().collect::<Vec<_>>().join(" ")),
        esc(&doc.id)
    );
    if let Some(t) = &doc.meta.title {
        let _ = writeln!(out, "<p class=\"doctitle\">{}</p>", esc(t));
    }
    out.push_str("<p class=\"docmeta\">");
    let mut facts = vec![
        format!(
            "{} ({:.2}{})",
            esc(&doc.lang.code),
            doc.lang.confidence,
            if doc.lang.reliable {
                ""
            } else {
                ", unreliable"
            }
        ),
        esc(&doc.encoding),
        format!("{} entities", doc.entities.len()),
        format!("{} removed", doc.removed.len()),
    ];
    if let Some(t) = &doc.meta.published {
        facts.push(format!("published {}", esc(t)));
    }
    if let Some(t) = &doc.meta.byline {
        facts.push(esc(t));
    }
    out.push_str(&facts.join(" · "));
    out.push_str("</p>\n");
    for w in &doc.warnings {
        let _ = writeln!(out, "<p class=\"warning\">{}</p>", esc(w));
    }
    out.push_str("<div class=\"text\">");
    let highlights = render_text(out, doc, palette);
    out.push_str("</div>\n</section>\n");
    highlights
}

/// Events in the text, in the order they are emitted at one position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    CloseEntity(usize),
    CloseDel,
    Insert(usize),
    OpenDel(usize),
    OpenEntity(usize),
}

fn render_text(out: &mut String, doc: &Document, palette: &Palette) -> usize {
    let text = doc.text.as_str();
    let idx = CharIndex::new(text);
    let mut events: Vec<(usize, Event)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        events.push((e.start, Event::OpenEntity(i)));
        events.push((e.end, Event::CloseEntity(i)));
    }
    let placements = place_removals(doc);
    let mut kept: BTreeSet<usize> = BTreeSet::new();
    for (i, p) in placements.iter().enumerate() {
        match p {
            Placement::Insert { at, .. } => events.push((*at, Event::Insert(i))),
            Placement::Unplaced => events.push((idx.len(), Event::Insert(i))),
            Placement::InPlace(r) => {
                // Widen to whole entities so tags nest.
                let start = doc
                    .entities
                    .iter()
                    .find(|e| e.start < r.start && r.start < e.end)
                    .map_or(r.start, |e| e.start);
                let end = doc
                    .entities
                    .iter()
                    .find(|e| e.start < r.end && r.end < e.end)
                    .map_or(r.end, |e| e.end);
                if kept.range(start..end).next().is_none() {
                    kept.insert(start);
                    events.push((start, Event::OpenDel(i)));
                    events.push((end, Event::CloseDel));
                }
            }
        }
    }
    events.sort();
    let mut pos = 0;
    for (at, ev) in events {
        out.push_str(&esc(&text[idx.byte(pos)..idx.byte(at)]));
        pos = at;
        match ev {
            Event::OpenEntity(i) => {
                let e = &doc.entities[i];
                let _ = write!(
                    out,
                    "<mark class=\"ent {}\" data-entity=\"{}\" data-label=\"{}\" title=\"{} — {} ({})\">",
                    palette.class(&e.label),
                    esc(&e.id),
                    esc(&e.label),
                    esc(&e.name),
                    esc(&e.id),
                    esc(&e.label)
                );
            }
            Event::CloseEntity(i) => {
                let _ = write!(
                    out,
                    "<span class=\"lbl\">{}</span></mark>",
                    esc(&doc.entities[i].label)
                );
            }
            Event::OpenDel(i) => {
                let _ = write!(
                    out,
                    "<del class=\"removed kept\" data-rule=\"{0}\" title=\"boilerplate ({0})\">",
                    esc(&doc.removed[i].rule)
                );
            }
            Event::CloseDel => out.push_str("</del>"),
            Event::Insert(i) => {
                let r = &doc.removed[i];
                let (block, unplaced) = match placements[i] {
                    Placement::Insert { block, .. } => (block, ""),
                    _ => (true, "; where it was cut is not recorded"),
                };
                let _ = write!(
                    out,
                    "<del class=\"removed{}\" data-rule=\"{1}\" title=\"removed boilerplate ({1}){2}\">{3}</del>",
                    if block { " block" } else { "" },
                    esc(&r.rule),
                    unplaced,
                    esc(r.text.trim_end_matches(['\n', '\r']))
                );
            }
        }
    }
    out.push_str(&esc(&text[idx.byte(pos)..]));
    doc.entities.len()
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::fixtures::{document, entity};
    use crate::document::Removal;

    /// A removed segment: `(at, kept code point span)`.
    type Cut = (Option<usize>, Option<(usize, usize)>);

    /// A document with `text`, entities at code point spans, and removals.
    fn doc(text: &str, ents: &[(usize, usize)], removed: &[Cut]) -> Document {
        let entities = ents.iter().map(|&(s, e)| entity(text, s, e, "LOC", "x"));
        let mut d = document(text, entities.collect());
        d.removed = removed
            .iter()
            .enumerate()
            .map(|(i, &(at, kept))| Removal {
                rule: format!("rule{i}"),
                at,
                start: kept.map(|k| k.0),
                end: kept.map(|k| k.1),
                raw_start: 0,
                raw_end: 0,
                text: format!("CUT{i}\n"),
            })
            .collect();
        d
    }

    #[test]
    fn placement_cases() {
        let cases: Vec<(&str, Document, Vec<Placement>)> = vec![
            (
                "a line start in multibyte text",
                doc("Москва.\nБаку.", &[], &[(Some(8), None)]),
                vec![Placement::Insert { at: 8, block: true }],
            ),
            (
                "inside a line: inline",
                doc("Baku said hi", &[], &[(Some(4), None)]),
                vec![Placement::Insert {
                    at: 4,
                    block: false,
                }],
            ),
            (
                "start and end of the text are blocks",
                doc("Baku said hi", &[], &[(Some(0), None), (Some(12), None)]),
                vec![
                    Placement::Insert { at: 0, block: true },
                    Placement::Insert {
                        at: 12,
                        block: true,
                    },
                ],
            ),
            (
                "kept in the text: struck through in place",
                doc("Baku.\nPhoto: x\nMoscow.", &[], &[(Some(6), Some((6, 15)))]),
                vec![Placement::InPlace(CharSpan::new(6, 15))],
            ),
            (
                "kept but normalized to nothing: inserted at its place",
                doc("Baku.\nMoscow.", &[], &[(Some(6), Some((6, 6)))]),
                vec![Placement::Insert { at: 6, block: true }],
            ),
            (
                "a record of schema 2 does not say where",
                doc("Baku.", &[], &[(None, None)]),
                vec![Placement::Unplaced],
            ),
            (
                "past the end of the text",
                doc("Baku.", &[], &[(Some(6), None)]),
                vec![Placement::Unplaced],
            ),
        ];
        for (name, d, want) in cases {
            assert_eq!(place_removals(&d), want, "case {name}: text {:?}", d.text);
        }
    }

    /// The text before each `<del>` of a rendered document, tags removed and unescaped.
    fn text_before_each_del(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut plain = String::new();
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            plain.push_str(&rest[..lt]);
            let gt = rest[lt..].find('>').unwrap() + lt;
            let tag = &rest[lt..=gt];
            rest = &rest[gt + 1..];
            if tag.starts_with("<del") {
                out.push(plain.replace("&amp;", "&").replace("&lt;", "<"));
                // Skip the removed text itself.
                let close = rest.find("</del>").unwrap();
                if !tag.contains("kept") {
                    rest = &rest[close + "</del>".len()..];
                }
            } else if tag.starts_with("<span class=\"lbl\"") {
                let close = rest.find("</span>").unwrap();
                rest = &rest[close + "</span>".len()..];
            }
        }
        out
    }

    #[test]
    fn removed_segments_render_exactly_at_their_cut() {
        let text = "Ärger in Baku.\nZweite Zeile & mehr.\nDritte 😀 Zeile mit Moskau.";
        let chars: Vec<char> = text.chars().collect();
        let cuts = [0, 9, 15, 22, 36, chars.len()];
        let d = doc(
            text,
            &[(9, 13), (55, 61)],
            &cuts.iter().map(|&c| (Some(c), None)).collect::<Vec<_>>(),
        );
        assert_eq!(d.entities[1].text, "Moskau");
        let palette = Palette::new(&["LOC".to_string()]);
        let mut html = String::new();
        render_text(&mut html, &d, &palette);
        let before = text_before_each_del(&html);
        let want: Vec<String> = cuts.iter().map(|&c| chars[..c].iter().collect()).collect();
        assert_eq!(before, want, "{html}");
    }

    #[test]
    fn escaping_cases() {
        let cases = [
            ("tags", "<script>", "&lt;script&gt;"),
            ("attribute quotes", "a\"b'c", "a&quot;b&#39;c"),
            ("ampersand first", "&lt;", "&amp;lt;"),
            ("unicode untouched", "Москва 😀", "Москва 😀"),
        ];
        for (name, input, want) in cases {
            assert_eq!(esc(input), want, "case {name}");
        }
    }
}
