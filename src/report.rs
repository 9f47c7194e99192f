//! `newstag report`: one self-contained HTML page to look at a corpus before trusting it.
//!
//! Derived from `annotations.jsonl` alone, in two passes over the file (memory stays bounded by
//! one record plus the entity table and index): the first counts (documents, languages, entities
//! per label, top entities, removed segments) and builds the contents (id, title, entity count)
//! and the entity index (entity -> the shown documents that mention it), the second renders each
//! document. The page is one self-contained file: inline CSS, one inline script, no fonts and no
//! network references; bars are drawn with CSS widths.
//!
//! The script ([`SCRIPT`], `report.js`) only adds navigation to what the HTML already holds, so
//! the page reads in full without it: a search box that filters documents (by id, title, text,
//! entity names and ids) and the entity index, and pages of [`PAGE_SIZE`] documents (contents
//! and documents), so a report of thousands of documents is not one wall; following a link to a
//! document on another page turns to that page.
//!
//! Each document shows its `text` with every entity as `<mark data-entity="ID">` coloured by
//! label (displaCy's colours for `PER`, `LOC`, `ORG`; a fixed palette picked by label name
//! otherwise), the canonical name and id in its `title` (hover), and the removed boilerplate
//! struck through (`<del class="removed">`) where it was cut.
//!
//! ## Where removed boilerplate goes
//!
//! Removed segments are not in `text`; the record keeps only their raw byte range. Text offsets
//! and raw offsets are tied together only at entities (`start`/`end` vs `raw_start`/`raw_end`),
//! so [`place_removals`] works like this, per removal in raw order:
//! 1. If its text (whitespace collapsed) is still in `text` between the neighbouring entities,
//!    the run kept boilerplate in the text (`--keep-boilerplate`): it is struck through in place,
//!    exactly.
//! 2. Otherwise it must go between the last entity that ends before it in the raw file and the
//!    first entity that starts after it (text start and end when there are none). Inside that gap
//!    its position is estimated from the raw bytes between the previous anchor and the removal
//!    (minus other removals' bytes there), times the encoding's code points per byte, and snapped
//!    to the nearest line start, since boilerplate rules remove whole lines; it is then shown as a
//!    block between lines. Only when the gap holds no line start is it shown inline, at the
//!    nearest space. Exact whenever an entity sits in the line before or after the cut; a
//!    line or two off at worst inside long entity-free stretches of the text.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;
use std::path::Path;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::export::entities::{Counter, Row};
use crate::export::{for_each_document, write_err, CharOffsets};

/// What the report shows.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// Name of the annotations file shown in the page header.
    pub source_name: String,
    /// Documents rendered in full (the summary always counts all of them).
    pub max_docs: usize,
    /// Entities in the top-entities chart.
    pub top: usize,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            source_name: "annotations.jsonl".into(),
            max_docs: 1000,
            top: 20,
        }
    }
}

/// What a report holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSummary {
    /// Documents in the annotations file.
    pub documents: usize,
    /// Documents rendered (at most `max_docs`).
    pub shown: usize,
    /// Entity highlights rendered.
    pub highlights: usize,
}

/// Writes the report for `pred` to the file `out`, aside then renamed into place.
pub fn write_file(pred: &Path, out: &Path, opts: &ReportOptions) -> Result<ReportSummary> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    crate::export::write_atomic(out, |w| write(pred, w, opts))
}

/// Corpus-wide counts for the summary.
#[derive(Default)]
struct Stats {
    documents: usize,
    languages: BTreeMap<String, usize>,
    labels: BTreeMap<String, usize>,
    entities: Counter,
    removed: BTreeMap<String, usize>,
    warnings: usize,
    /// Id, title and entity count of each document shown, for the table of contents.
    contents: Vec<(String, Option<String>, usize)>,
    /// For each entity (id, label): its name and the numbers of the shown documents naming it.
    index: EntityIndex,
}

/// (entity id, label) -> (name, numbers of the shown documents naming it).
type EntityIndex = BTreeMap<(String, String), (String, Vec<usize>)>;

/// Documents per page of the report (the script shows one page at a time).
pub const PAGE_SIZE: usize = 100;

/// Links to documents listed per entity in the index; the rest are counted.
const INDEX_LINKS: usize = 50;

/// The page's script: search and paging over what the HTML holds.
pub const SCRIPT: &str = include_str!("report.js");

/// Writes the report for `pred` to `w`.
pub fn write(pred: &Path, w: &mut dyn Write, opts: &ReportOptions) -> Result<ReportSummary> {
    let mut stats = Stats::default();
    for_each_document(pred, |doc| {
        stats.documents += 1;
        *stats.languages.entry(doc.lang.code.clone()).or_default() += 1;
        for e in &doc.entities {
            *stats.labels.entry(e.label.clone()).or_default() += 1;
        }
        for r in &doc.removed {
            *stats.removed.entry(r.rule.clone()).or_default() += 1;
        }
        stats.warnings += usize::from(!doc.warnings.is_empty());
        stats.entities.add(&doc);
        if stats.contents.len() < opts.max_docs {
            stats
                .contents
                .push((doc.id.clone(), doc.meta.title.clone(), doc.entities.len()));
            let n = stats.contents.len();
            for e in &doc.entities {
                let (_, docs) = stats
                    .index
                    .entry((e.id.clone(), e.label.clone()))
                    .or_insert_with(|| (e.name.clone(), Vec::new()));
                if docs.last() != Some(&n) {
                    docs.push(n);
                }
            }
        }
        Ok(())
    })?;
    let labels: Vec<String> = stats.labels.keys().cloned().collect();
    let palette = Palette::new(&labels);
    let mut summary = ReportSummary {
        documents: stats.documents,
        ..ReportSummary::default()
    };
    let mut head = String::new();
    page_head(&mut head, opts, &palette);
    let shown = summary_section(&mut head, stats, opts, &palette);
    w.write_all(head.as_bytes()).map_err(write_err)?;
    let mut n = 0;
    for_each_document(pred, |doc| {
        n += 1;
        if n > opts.max_docs {
            return Ok(());
        }
        let mut html = String::new();
        summary.highlights += document_section(&mut html, n, &doc, &palette);
        summary.shown += 1;
        w.write_all(html.as_bytes()).map_err(write_err)
    })?;
    let mut tail = String::new();
    if shown < summary.documents {
        let _ = write!(
            tail,
            "<p class=\"more\">{} more documents not shown (raise <code>--max-docs</code>).</p>",
            summary.documents - shown
        );
    }
    let _ = write!(
        tail,
        "</main>\n<script>\n{}</script>\n</body>\n</html>\n",
        SCRIPT.replace("__PAGE_SIZE__", &PAGE_SIZE.to_string())
    );
    w.write_all(tail.as_bytes()).map_err(write_err)?;
    Ok(summary)
}

/// displaCy's colours for the labels it knows, then a fixed palette chosen by label name.
const KNOWN: &[(&str, &str)] = &[
    ("PER", "#aa9cfc"),
    ("PERSON", "#aa9cfc"),
    ("LOC", "#ff9561"),
    ("GPE", "#feca74"),
    ("ORG", "#7aecec"),
    ("NORP", "#c887fb"),
    ("FAC", "#9cc9cc"),
    ("EVENT", "#ffeb80"),
    ("PRODUCT", "#bfeeb7"),
    ("MISC", "#e4e7d2"),
];
const PALETTE: &[&str] = &[
    "#bfe1d9", "#f0d0ff", "#ff8197", "#e4e7d2", "#c887fb", "#9cc9cc", "#ffeb80", "#bfeeb7",
];

/// CSS class and colour per label.
struct Palette {
    classes: BTreeMap<String, (String, &'static str)>,
}

impl Palette {
    fn new(labels: &[String]) -> Palette {
        let classes = labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let colour = KNOWN
                    .iter()
                    .find(|(k, _)| k == l)
                    .map(|(_, c)| *c)
                    .unwrap_or_else(|| {
                        // FNV-1a: stable across runs and platforms.
                        let h = l.bytes().fold(0xcbf29ce484222325u64, |h, b| {
                            (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
                        });
                        PALETTE[(h % PALETTE.len() as u64) as usize]
                    });
                (l.clone(), (format!("l{i}"), colour))
            })
            .collect();
        Palette { classes }
    }

    fn class(&self, label: &str) -> &str {
        self.classes
            .get(label)
            .map(|(c, _)| c.as_str())
            .unwrap_or("")
    }
}

const CSS: &str = include_str!("report.css");

fn page_head(out: &mut String, opts: &ReportOptions, palette: &Palette) {
    let title = esc(&format!("newstag report: {}", opts.source_name));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{CSS}"
    );
    for (class, colour) in palette.classes.values() {
        let _ = writeln!(out, ".{class}{{background:{colour}}}");
    }
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
}

/// Writes the summary and the table of contents; returns the number of documents shown.
fn summary_section(
    out: &mut String,
    stats: Stats,
    opts: &ReportOptions,
    palette: &Palette,
) -> usize {
    let mentions: usize = stats.labels.values().sum();
    let rows: Vec<Row> = stats.entities.rows();
    let removed: usize = stats.removed.values().sum();
    let _ = write!(
        out,
        "<header>\n<h1>newstag report</h1>\n<p class=\"source\">{}</p>\n</header>\n\
         <section class=\"summary\" id=\"summary\">\n<div class=\"cards\">\n",
        esc(&opts.source_name)
    );
    for (n, what) in [
        (stats.documents, "documents"),
        (mentions, "entity mentions"),
        (rows.len(), "distinct entities"),
        (removed, "removed segments"),
        (stats.warnings, "documents with warnings"),
    ] {
        let _ = writeln!(
            out,
            "<div class=\"card\"><b>{n}</b><span>{what}</span></div>"
        );
    }
    out.push_str(
        "</div>\n<div class=\"facts\">\n<div>\n<h3>Entities per label</h3>\n<ul class=\"chips\">\n",
    );
    for (label, n) in &stats.labels {
        let _ = writeln!(
            out,
            "<li><span class=\"chip {}\">{}</span> {n}</li>",
            palette.class(label),
            esc(label)
        );
    }
    if stats.labels.is_empty() {
        out.push_str("<li>none</li>\n");
    }
    out.push_str("</ul>\n<h3>Languages</h3>\n<ul class=\"chips\">\n");
    for (lang, n) in &stats.languages {
        let _ = writeln!(
            out,
            "<li><span class=\"chip lang\">{}</span> {n}</li>",
            esc(lang)
        );
    }
    out.push_str("</ul>\n<h3>Removed boilerplate by rule</h3>\n<ul class=\"chips\">\n");
    for (rule, n) in &stats.removed {
        let _ = writeln!(
            out,
            "<li><span class=\"chip rule\">{}</span> {n}</li>",
            esc(rule)
        );
    }
    if stats.removed.is_empty() {
        out.push_str("<li>none</li>\n");
    }
    let _ = write!(
        out,
        "</ul>\n</div>\n<div class=\"top\">\n<h3>Top {} entities by mentions</h3>\n<ol class=\"bars\">\n",
        opts.top.min(rows.len())
    );
    let max = rows.first().map_or(1, |r| r.mentions.max(1));
    for r in rows.iter().take(opts.top) {
        let pct = r.mentions as f64 * 100.0 / max as f64;
        let _ = writeln!(
            out,
            "<li title=\"{} ({}): {} mentions in {} documents\"><span class=\"name\">{}</span>\
             <span class=\"bar\"><span class=\"fill {}\" style=\"width:{pct:.1}%\"></span></span>\
             <span class=\"n\">{}</span></li>",
            esc(&r.id),
            esc(&r.label),
            r.mentions,
            r.documents,
            esc(&r.name),
            palette.class(&r.label),
            r.mentions
        );
    }
    out.push_str("</ol>\n</div>\n</div>\n</section>\n");
    let shown = stats.documents.min(opts.max_docs);
    let _ = writeln!(
        out,
        "<nav id=\"contents\"><h3>Documents ({shown} of {} shown)</h3>",
        stats.documents
    );
    out.push_str(
        "<div class=\"tools\"><input type=\"search\" id=\"q\" placeholder=\"Search documents and entities\" \
         aria-label=\"Search documents and entities\" autocomplete=\"off\"> <span id=\"hits\"></span>\
         <span class=\"pager\" id=\"pager\" hidden></span></div>\n<ol class=\"toc\">\n",
    );
    for (n, (id, title, ents)) in stats.contents.iter().enumerate() {
        let label = match title {
            Some(t) => format!("{} <code>{}</code>", esc(t), esc(id)),
            None => format!("<code>{}</code>", esc(id)),
        };
        let _ = writeln!(
            out,
            "<li><a href=\"#doc-{}\">{label}</a> <small>{ents} entities</small></li>",
            n + 1,
        );
    }
    out.push_str("</ol>\n<p class=\"legend\">Entities are highlighted by label (hover for the canonical name and id); \
                  <del class=\"removed\">struck-through text</del> is boilerplate the run removed, shown where it was cut.</p>\n</nav>\n");
    entity_index(out, &stats.index, &stats.contents, palette);
    shown
}

/// The entity index: every entity of the shown documents, by label then name, with links to
/// the documents that name it.
fn entity_index(
    out: &mut String,
    index: &EntityIndex,
    contents: &[(String, Option<String>, usize)],
    palette: &Palette,
) {
    let mut entries: Vec<_> = index.iter().collect();
    entries.sort_by(|a, b| {
        (&a.0 .1, a.1 .0.to_lowercase(), &a.0 .0).cmp(&(&b.0 .1, b.1 .0.to_lowercase(), &b.0 .0))
    });
    let _ = writeln!(
        out,
        "<section class=\"index\" id=\"entities\"><details><summary><h3>Entity index: {} entities in the shown documents</h3></summary>\n<ul class=\"eindex\">",
        entries.len()
    );
    for ((id, label), (name, docs)) in entries {
        let search = format!("{name} {id} {label}").to_lowercase();
        let _ = write!(
            out,
            "<li data-search=\"{}\"><span class=\"chip {}\">{}</span> <b>{}</b> <code>{}</code> <small>{} documents</small>:",
            esc(&search),
            palette.class(label),
            esc(label),
            esc(name),
            esc(id),
            docs.len()
        );
        for &n in docs.iter().take(INDEX_LINKS) {
            let (doc_id, title, _) = &contents[n - 1];
            let _ = write!(
                out,
                " <a href=\"#doc-{n}\" title=\"{}\">{n}</a>",
                esc(title.as_deref().unwrap_or(doc_id))
            );
        }
        if docs.len() > INDEX_LINKS {
            let _ = write!(out, " <small>and {} more</small>", docs.len() - INDEX_LINKS);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</details>\n</section>\n");
}

/// Where one removed segment is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Still in `text` (a `--keep-boilerplate` run): strike through this code point range.
    InPlace(Range<usize>),
    /// Not in `text`: insert it before code point `at`; `block` when `at` is a line start.
    Insert {
        /// Code point offset in `text`.
        at: usize,
        /// Shown as its own block (at a line start) rather than inline.
        block: bool,
    },
}

/// Where each of `doc.removed` goes in `doc.text` (same order); see the module docs.
pub fn place_removals(doc: &Document) -> Vec<Placement> {
    let text = doc.text.as_str();
    let idx = CharOffsets::new(text);
    let len = idx.len();
    let per_byte = code_points_per_byte(doc);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(b, _)| idx.char(b + 1)))
        .chain(std::iter::once(len))
        .collect();
    let mut last_at = 0;
    let mut out = Vec::with_capacity(doc.removed.len());
    for r in &doc.removed {
        let prev = doc.entities.iter().rev().find(|e| e.raw_end <= r.raw_start);
        let next = doc.entities.iter().find(|e| e.raw_start >= r.raw_end);
        let lo = prev.map_or(0, |e| e.end).max(last_at).min(len);
        let hi = next.map_or(len, |e| e.start).max(lo);
        if let Some(range) = find_collapsed(text, &idx, lo..hi, &r.text) {
            last_at = range.end;
            out.push(Placement::InPlace(range));
            continue;
        }
        let anchor_raw = prev.map_or(0, |e| e.raw_end);
        let other_removed: usize = doc
            .removed
            .iter()
            .filter(|o| o.raw_start >= anchor_raw && o.raw_end <= r.raw_start)
            .map(|o| o.raw_end - o.raw_start)
            .sum();
        let kept = r
            .raw_start
            .saturating_sub(anchor_raw)
            .saturating_sub(other_removed);
        let estimate = (prev.map_or(0, |e| e.end) as f64 + kept as f64 * per_byte).round() as usize;
        let estimate = estimate.clamp(lo, hi);
        let candidates = line_starts.iter().copied().filter(|&p| lo <= p && p <= hi);
        let placement = match nearest(candidates, estimate) {
            Some(at) => Placement::Insert { at, block: true },
            None => {
                let spaces = (lo..=hi).filter(|&p| {
                    p == lo || p == hi || text[..idx.byte(p)].ends_with(char::is_whitespace)
                });
                let at = nearest(spaces, estimate).unwrap_or(estimate);
                Placement::Insert { at, block: false }
            }
        };
        if let Placement::Insert { at, .. } = placement {
            last_at = at;
        }
        out.push(placement);
    }
    out
}

fn nearest(candidates: impl Iterator<Item = usize>, target: usize) -> Option<usize> {
    candidates.min_by_key(|&p| (p.abs_diff(target), p))
}

/// Code points per raw byte: what the text itself shows for UTF-8, 1/2 for UTF-16, 1 for the
/// single-byte encodings.
fn code_points_per_byte(doc: &Document) -> f64 {
    let enc = doc.encoding.to_ascii_uppercase();
    if enc.starts_with("UTF-16") {
        0.5
    } else if enc == "UTF-8" && !doc.text.is_empty() {
        doc.text.chars().count() as f64 / doc.text.len() as f64
    } else {
        1.0
    }
}

/// Finds `needle` in `text[within]` comparing with whitespace runs collapsed; returns the
/// code point range of the match in `text`.
fn find_collapsed(
    text: &str,
    idx: &CharOffsets,
    within: Range<usize>,
    needle: &str,
) -> Option<Range<usize>> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    if words.is_empty() || within.is_empty() {
        return None;
    }
    let hay = &text[idx.bytes(&within)];
    let base = idx.byte(within.start);
    // Candidate starts: occurrences of the first word; then each next word must follow after
    // whitespace only.
    for (b, _) in hay.match_indices(words[0]) {
        let mut pos = b + words[0].len();
        let mut ok = true;
        for w in &words[1..] {
            let rest = &hay[pos..];
            let skipped = rest.len() - rest.trim_start().len();
            if skipped == 0 || !rest[skipped..].starts_with(w) {
                ok = false;
                break;
            }
            pos += skipped + w.len();
        }
        if ok {
            return Some(idx.char(base + b)..idx.char(base + pos));
        }
    }
    None
}

/// Renders one document; returns the number of entity highlights.
fn document_section(out: &mut String, n: usize, doc: &Document, palette: &Palette) -> usize {
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
    let idx = CharOffsets::new(text);
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
                let block = matches!(placements[i], Placement::Insert { block: true, .. });
                let _ = write!(
                    out,
                    "<del class=\"removed{}\" data-rule=\"{1}\" title=\"removed boilerplate ({1})\">{2}</del>",
                    if block { " block" } else { "" },
                    esc(&r.rule),
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
    use crate::document::{Entity, Language, Meta, Removal};

    /// A document whose raw file is `raw`; `kept` are the raw byte ranges that survive into
    /// `text` (joined as they are), `removed` the raw ranges cut, `ents` raw ranges of entities.
    fn doc(
        raw: &str,
        kept: &[Range<usize>],
        removed: &[Range<usize>],
        ents: &[Range<usize>],
    ) -> Document {
        let mut text = String::new();
        let mut map = Vec::new(); // (raw byte, text char)
        for k in kept {
            for (i, c) in raw[k.clone()].char_indices() {
                map.push((k.start + i, text.chars().count()));
                text.push(c);
            }
        }
        let to_char = |b: usize| map.iter().find(|(r, _)| *r == b).map(|(_, c)| *c).unwrap();
        let entities = ents
            .iter()
            .map(|r| {
                let start = to_char(r.start);
                let end = start + raw[r.clone()].chars().count();
                Entity {
                    start,
                    end,
                    text: raw[r.clone()].into(),
                    label: "LOC".into(),
                    id: "x".into(),
                    name: "x".into(),
                    lexicon: "t".into(),
                    resolved_by: "unique".into(),
                    raw_start: r.start,
                    raw_end: r.end,
                }
            })
            .collect();
        let removed = removed
            .iter()
            .map(|r| Removal {
                rule: "rule".into(),
                raw_start: r.start,
                raw_end: r.end,
                text: raw[r.clone()].into(),
            })
            .collect();
        Document {
            id: "d".into(),
            source: "d".into(),
            sha256: String::new(),
            encoding: "UTF-8".into(),
            lang: Language::undetermined(),
            meta: Meta::default(),
            text,
            entities,
            removed,
            warnings: vec![],
        }
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn placement_cases() {
        let cases: Vec<(&str, Document, Vec<Placement>)> = vec![
            (
                "between two entity lines",
                doc(
                    "Baku one.\nPhoto: x\nMoscow two.",
                    &[0..10, 19..30],
                    &[10..19],
                    &[0..4, 19..25],
                ),
                vec![Placement::Insert {
                    at: 10,
                    block: true,
                }],
            ),
            (
                "trailing list without entities",
                doc(
                    "Para one.\n\nPara two.\nLatest news: a\nb",
                    &[0..20],
                    &[21..37],
                    &[],
                ),
                vec![Placement::Insert {
                    at: 20,
                    block: true,
                }],
            ),
            (
                "between paragraphs, estimated from raw bytes",
                doc(
                    "A a.\n\nB b.\n\nPhoto: z\n\nC c.",
                    &[0..12, 22..26],
                    &[12..22],
                    &[],
                ),
                vec![Placement::Insert {
                    at: 12,
                    block: true,
                }],
            ),
            (
                "multibyte text before the cut",
                doc(
                    "Москва сказала.\n\nФото: х\n\nБаку.",
                    &[0..30, 44..53],
                    &[30..44],
                    &[],
                ),
                vec![Placement::Insert {
                    at: 17,
                    block: true,
                }],
            ),
            (
                "two removals keep raw order",
                doc(
                    "Baku.\nAd one\nAd two\nMoscow.",
                    &[0..6, 20..27],
                    &[6..13, 13..20],
                    &[0..4, 20..26],
                ),
                vec![
                    Placement::Insert { at: 6, block: true },
                    Placement::Insert { at: 6, block: true },
                ],
            ),
            (
                "inline cut inside a line",
                doc(
                    "Baku said [AD] hi to Moscow",
                    &[0..10, 15..27],
                    &[10..15],
                    &[0..4, 21..27],
                ),
                vec![Placement::Insert {
                    at: 10,
                    block: false,
                }],
            ),
            (
                "kept boilerplate is struck through in place",
                doc(
                    "Baku.\nPhoto:  x\nMoscow.",
                    &[0..23],
                    &[6..16],
                    &[0..4, 16..22],
                ),
                vec![Placement::InPlace(6..15)],
            ),
        ];
        for (name, d, want) in cases {
            assert_eq!(place_removals(&d), want, "case {name}: text {:?}", d.text);
        }
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
