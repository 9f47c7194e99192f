//! The report's head: the corpus summary (cards, labels, languages, removed boilerplate per rule,
//! the top entities as CSS bars), the table of contents and the entity index, and the colour of
//! each label (displaCy's colours for the labels it knows, a fixed palette picked by a stable
//! hash of the name otherwise, so a label keeps its colour from one report to the next).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::export::entities::Row;

use super::{esc, EntityIndex, ReportOptions, Stats, INDEX_LINKS};

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
pub(super) struct Palette {
    pub(super) classes: BTreeMap<String, (String, &'static str)>,
}

impl Palette {
    pub(super) fn new(labels: &[String]) -> Palette {
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

    pub(super) fn class(&self, label: &str) -> &str {
        self.classes
            .get(label)
            .map(|(c, _)| c.as_str())
            .unwrap_or("")
    }
}

/// Writes the summary and the table of contents; returns the number of documents shown.
pub(super) fn summary_section(
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
