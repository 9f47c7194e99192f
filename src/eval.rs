//! `newstag eval`: scores annotations against gold in the format of the seed gold file.
//!
//! Entities: exact raw span and label. Gold offsets are code points into the raw file read as
//! UTF-8 (Python's `open(path, encoding="utf-8", newline="").read()`); they are turned into raw
//! byte offsets and compared with the records' `raw_start`/`raw_end`. Mentions on lines that the
//! gold labels boilerplate are left out on both sides (gold mentions flagged `in_boilerplate` too).
//!
//! Boilerplate: every non-blank raw line is `boilerplate` or `content` in the gold; a line is
//! predicted boilerplate when at least half of its non-whitespace bytes lie in `removed` ranges.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::text::CharIndex;

#[derive(Deserialize)]
struct GoldDoc {
    doc: String,
    entities: Vec<GoldEntity>,
    lines: Vec<String>,
}

#[derive(Deserialize)]
struct GoldEntity {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    in_boilerplate: bool,
}

/// Precision, recall and F1 from counts.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Score {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

impl Score {
    fn from_counts(tp: usize, fp: usize, fn_: usize) -> Score {
        let p = if tp + fp == 0 {
            1.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            1.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        let round = |x: f64| (x * 10000.0).round() / 10000.0;
        Score {
            tp,
            fp,
            fn_,
            precision: round(p),
            recall: round(r),
            f1: round(f1),
        }
    }
}

/// One scoring mistake, for `--errors`.
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    /// Gold document.
    pub doc: String,
    /// `fp` or `fn`.
    pub kind: &'static str,
    /// Label.
    pub label: String,
    /// Raw byte offsets.
    pub raw: (usize, usize),
    /// The raw text there.
    pub text: String,
}

/// The full report.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Gold documents scored.
    pub documents: usize,
    /// Gold documents without a prediction.
    pub missing: Vec<String>,
    /// Entity scores per label.
    pub entities: BTreeMap<String, Score>,
    /// Entity scores over all labels (micro).
    pub overall: Score,
    /// Line-level boilerplate scores.
    pub boilerplate: Score,
    /// Every false positive and false negative.
    pub errors: Vec<Miss>,
}

/// Scores `pred` (annotations.jsonl) against `gold`. Raw files are read from each record's
/// `source`, or from `corpus/<doc>` when that is missing.
pub fn evaluate(gold: &Path, pred: &Path, corpus: Option<&Path>) -> Result<Report> {
    // (A UTF-8 BOM before the first line, a file saved by a Windows tool, is no part of it.)
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map(|t| t.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(t))
            .map_err(|e| Error::io(path, e))
    };
    let gold_text = read(gold)?;
    let pred_text = read(pred)?;
    let mut preds: HashMap<String, Document> = HashMap::new();
    for (i, line) in pred_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Document = serde_json::from_str(line).map_err(|e| {
            Error::parse(pred, Some(i + 1), format!("not an annotation record: {e}"))
        })?;
        for (k, e) in d.entities.iter().enumerate() {
            if e.start > e.end || e.raw_start > e.raw_end {
                return Err(Error::parse(
                    pred,
                    Some(i + 1),
                    format!(
                        "entity {k} of {:?}: span ends before it starts (start {}, end {}, raw_start {}, raw_end {})",
                        d.id, e.start, e.end, e.raw_start, e.raw_end
                    ),
                ));
            }
        }
        for (k, r) in d.removed.iter().enumerate() {
            if r.raw_start > r.raw_end {
                return Err(Error::parse(
                    pred,
                    Some(i + 1),
                    format!(
                        "removed segment {k} of {:?}: raw_start {} > raw_end {}",
                        d.id, r.raw_start, r.raw_end
                    ),
                ));
            }
        }
        let key = d.id.rsplit('/').next().unwrap_or(&d.id).to_string();
        preds.insert(key, d);
    }
    let mut ent_counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let (mut ltp, mut lfp, mut lfn) = (0, 0, 0);
    let mut missing = Vec::new();
    let mut errors = Vec::new();
    let mut documents = 0;
    for (i, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldDoc = serde_json::from_str(line)
            .map_err(|e| Error::parse(gold, Some(i + 1), format!("not a gold record: {e}")))?;
        if let Some((k, e)) = g.entities.iter().enumerate().find(|(_, e)| e.start > e.end) {
            return Err(Error::parse(
                gold,
                Some(i + 1),
                format!(
                    "entity {k} of {:?}: start {} > end {}",
                    g.doc, e.start, e.end
                ),
            ));
        }
        documents += 1;
        let key = g.doc.rsplit('/').next().unwrap_or(&g.doc).to_string();
        let Some(p) = preds.get(&key) else {
            missing.push(g.doc.clone());
            for e in &g.entities {
                if !e.in_boilerplate {
                    ent_counts.entry(e.label.clone()).or_default().2 += 1;
                }
            }
            continue;
        };
        let raw = read_raw(p, &g.doc, corpus)?;
        let text = String::from_utf8_lossy(&raw);
        // Gold code points -> bytes of the text read as UTF-8.
        let idx = CharIndex::new(&text);
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line_of = |byte: usize| line_starts.partition_point(|&s| s <= byte) - 1;
        let is_bp = |line: usize| g.lines.get(line).is_some_and(|l| l == "boilerplate");
        let gold_set: BTreeSet<(usize, usize, String)> = g
            .entities
            .iter()
            .filter_map(|e| {
                let s = idx.try_byte(e.start)?;
                let t = idx.try_byte(e.end)?;
                (!e.in_boilerplate && !is_bp(line_of(s))).then(|| (s, t, e.label.clone()))
            })
            .collect();
        let pred_set: BTreeSet<(usize, usize, String)> = p
            .entities
            .iter()
            .filter(|e| !is_bp(line_of(e.raw_start)))
            .map(|e| (e.raw_start, e.raw_end, e.label.clone()))
            .collect();
        let snippet = |s: usize, e: usize| {
            String::from_utf8_lossy(raw.get(s..e.min(raw.len())).unwrap_or_default()).into_owned()
        };
        for x in gold_set.union(&pred_set) {
            let c = ent_counts.entry(x.2.clone()).or_default();
            match (gold_set.contains(x), pred_set.contains(x)) {
                (true, true) => c.0 += 1,
                (false, true) => {
                    c.1 += 1;
                    errors.push(Miss {
                        doc: g.doc.clone(),
                        kind: "fp",
                        label: x.2.clone(),
                        raw: (x.0, x.1),
                        text: snippet(x.0, x.1),
                    });
                }
                _ => {
                    c.2 += 1;
                    errors.push(Miss {
                        doc: g.doc.clone(),
                        kind: "fn",
                        label: x.2.clone(),
                        raw: (x.0, x.1),
                        text: snippet(x.0, x.1),
                    });
                }
            }
        }
        // Lines.
        let mut covered = vec![false; raw.len()];
        for r in &p.removed {
            for c in covered
                .iter_mut()
                .take(r.raw_end.min(raw.len()))
                .skip(r.raw_start)
            {
                *c = true;
            }
        }
        for (li, label) in g.lines.iter().enumerate() {
            if label == "blank" {
                continue;
            }
            let s = line_starts.get(li).copied().unwrap_or(raw.len());
            let e = line_starts.get(li + 1).map_or(raw.len(), |&n| n - 1);
            let (mut total, mut hit) = (0, 0);
            for b in s..e.min(raw.len()) {
                if !raw[b].is_ascii_whitespace() {
                    total += 1;
                    hit += covered[b] as usize;
                }
            }
            let predicted = total > 0 && hit * 2 >= total;
            match (label == "boilerplate", predicted) {
                (true, true) => ltp += 1,
                (false, true) => lfp += 1,
                (true, false) => lfn += 1,
                _ => {}
            }
        }
    }
    let mut all = (0, 0, 0);
    let entities = ent_counts
        .into_iter()
        .map(|(l, (tp, fp, fn_))| {
            all = (all.0 + tp, all.1 + fp, all.2 + fn_);
            (l, Score::from_counts(tp, fp, fn_))
        })
        .collect();
    Ok(Report {
        documents,
        missing,
        entities,
        overall: Score::from_counts(all.0, all.1, all.2),
        boilerplate: Score::from_counts(ltp, lfp, lfn),
        errors,
    })
}

fn read_raw(p: &Document, doc: &str, corpus: Option<&Path>) -> Result<Vec<u8>> {
    let mut tries: Vec<PathBuf> = Vec::new();
    if let Some(c) = corpus {
        tries.push(c.join(doc));
    }
    tries.push(crate::input::unescape_to_path(&p.source));
    for t in &tries {
        if let Ok(b) = std::fs::read(t) {
            return Ok(b);
        }
    }
    Err(Error::Usage(format!(
        "cannot read the raw file of {doc:?} (tried {}); pass --corpus DIR",
        tries
            .iter()
            .map(|t| t.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

/// The report as a readable table.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    s.push_str(&format!("documents: {}", r.documents));
    if !r.missing.is_empty() {
        s.push_str(&format!(" (no prediction for {})", r.missing.join(", ")));
    }
    s.push_str("\n\n");
    s.push_str(&format!(
        "{:<14} {:>5} {:>5} {:>5} {:>9} {:>9} {:>9}\n",
        "entities", "tp", "fp", "fn", "precision", "recall", "f1"
    ));
    let row = |name: &str, sc: &Score| {
        format!(
            "{:<14} {:>5} {:>5} {:>5} {:>9.4} {:>9.4} {:>9.4}\n",
            name, sc.tp, sc.fp, sc.fn_, sc.precision, sc.recall, sc.f1
        )
    };
    for (l, sc) in &r.entities {
        s.push_str(&row(l, sc));
    }
    s.push_str(&row("overall", &r.overall));
    s.push('\n');
    s.push_str(&row("boilerplate", &r.boilerplate));
    s
}
