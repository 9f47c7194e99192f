//! Layer 3: cross-document repetition. A line that occurs in at least `min_docs` distinct
//! document bodies of the run (and in at least `min_fraction` of them, for big runs) is
//! boilerplate: footers, menus and widgets the site prints on every page.
//!
//! The first pass keeps, for every document, its distinct line hashes and a fingerprint of its
//! prose ([`doc_lines`]); only 64-bit hashes are kept, never the lines. Near-duplicate documents
//! (the same wire story in several files, with light edits and different chrome) are grouped
//! ([`neardup`]) and each group is one **body**: its lines are counted once, however many copies
//! the run holds, so copies of an article never vote for each other's lines and a document's
//! output does not change when copies of it are added. [`LineStats`] is the resulting table;
//! `newstag linestats` writes it so a distributed job can compute it once and hand it to every
//! annotating worker (`--line-stats FILE`), with the same result as a single-machine run.
//!
//! Line key: the normalized line lowercased, every digit folded to `0` (so "© 2024" and "© 2025"
//! agree), everything but letters and digits dropped, words joined by one space; lines whose key is
//! shorter than `min_chars` characters are not counted. Hash: 64-bit FNV-1a of the key's UTF-8.
//! (`key` folds a line into it without building the key.) The first pass also keeps a 31-bit
//! tag of each line's key prefix and suffix, so the layer hashes all of a line only when a
//! repeated line has its tag ([`prefix`]; in memory only, not in the file).
//!
//! File format (JSON lines, deterministic): a header object
//! `{"format":"newstag-linestats","version":2,"hash":"fnv1a64","min_chars":N,"docs":D,"bodies":B,"entries":E}`
//! then one `{"h":"<16 hex digits>","n":COUNT}` per hash (COUNT: bodies holding the line), sorted
//! by `h`, for every hash counted in at least `keep_min` bodies (2 by default; 1 for partial
//! tables meant to be merged). Tables over disjoint document sets merge by adding `docs`, `bodies`
//! and the counts (copies of one story that fall in different parts then count once per part).
//! Version 1 tables (no `bodies`: every document its own body) are still read.
//!
//! Policy: the headline line is never removed by this layer (other pages list it), and when the
//! repeated lines would be most of a document (copies the grouping missed), only the lines that
//! do not read as prose go.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::heuristics::Layout;
use super::line::Line;
use super::rules::looks_like_prose;
use crate::error::{Error, Result};
use crate::normalize::lines_with_offsets;

mod key;
pub mod neardup;
pub mod prefix;

pub use key::{fnv1a64, line_hash, line_key};
use key::{line_hash_from, line_hash_words};

pub use neardup::DocLines;

/// `[boilerplate.crossdoc]` options.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct CrossDocOptions {
    /// Count lines over the run and remove the repeated ones.
    pub enabled: bool,
    /// A line is boilerplate when it occurs in at least this many documents.
    pub min_docs: u64,
    /// ... and in at least this fraction of the run's documents (matters for big runs only).
    pub min_fraction: f64,
    /// Lines whose key has fewer characters are not counted.
    pub min_chars: usize,
    /// When repeated lines would exceed this share of a document's text, only non-prose lines go.
    pub max_share: f64,
}

impl Default for CrossDocOptions {
    fn default() -> Self {
        CrossDocOptions {
            enabled: true,
            min_docs: 3,
            min_fraction: 0.0001,
            min_chars: 20,
            max_share: 0.5,
        }
    }
}

/// Name of the table format in the header.
pub const FORMAT: &str = "newstag-linestats";
/// Table format version.
pub const VERSION: u32 = 2;

/// Whether a trimmed line ends a sentence (closing quotes and brackets aside).
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\u{201D}', '\u{2019}', '\u{BB}', ')'])
        .ends_with(['.', '!', '?', '\u{2026}'])
}

/// The distinct line hashes of one normalized text, sorted.
pub fn doc_hashes(text: &str, min_chars: usize) -> Vec<u64> {
    doc_lines(text, min_chars).hashes
}

/// What the first pass keeps of one normalized text: its distinct line hashes (with their prefix
/// tags, [`prefix`]) and its near-duplicate fingerprint (see [`neardup`]).
pub fn doc_lines(text: &str, min_chars: usize) -> DocLines {
    let mut tagged: Vec<(u64, u32)> = Vec::new();
    let mut sentences = Vec::new();
    let mut long = Vec::new();
    for (_, l) in lines_with_offsets(text) {
        let l = l.trim();
        let Some((h, words)) = line_hash_words(l, min_chars) else {
            continue;
        };
        tagged.push((h, prefix::line_tag(l)));
        if words >= neardup::MIN_WORDS {
            long.push(h);
            if ends_sentence(l) {
                sentences.push(h);
            }
        }
    }
    let mut fingerprint = if sentences.len() >= neardup::MIN_SENTENCES {
        sentences
    } else {
        long
    };
    fingerprint.sort_unstable();
    fingerprint.dedup();
    tagged.sort_unstable();
    let mut hashes: Vec<u64> = Vec::with_capacity(tagged.len());
    let mut tags: Vec<u32> = Vec::with_capacity(tagged.len());
    for (h, t) in tagged {
        if hashes.last() == Some(&h) {
            if let Some(last) = tags.last_mut() {
                *last = prefix::merge_tag(*last, t);
            }
        } else {
            hashes.push(h);
            tags.push(t);
        }
    }
    DocLines {
        hashes,
        fingerprint,
        tags,
    }
}

/// How many distinct document bodies of a run hold each line hash.
#[derive(Clone, Debug, Default)]
pub struct LineStats {
    /// Documents counted.
    pub docs: u64,
    /// Distinct bodies among them (near-duplicate groups, see [`neardup`]).
    pub bodies: u64,
    /// `min_chars` the keys were made with.
    pub min_chars: usize,
    /// (Fx hashing: the keys are hashes already, looked up once per line of every document, and
    /// the map's order is never visible: `write` and `repeated` sort.)
    counts: FxHashMap<u64, u64>,
    /// The tag ([`prefix`]) of every hash counted in two bodies or more, when known (a
    /// table counted from documents, [`LineStats::from_docs`]).
    tags: Option<FxHashMap<u64, u32>>,
    /// The hashes at or above a threshold, with that threshold, made on the first lookup (the
    /// layer asks about every line of every document: a set of the few repeated lines stays in
    /// the cache, the table of every line does not). Emptied whenever `counts` changes.
    repeated: OnceLock<Repeated>,
}

/// [`LineStats::repeated`]'s cache: the hashes at or above `threshold`, and the filter of their
/// prefix tags (when the tags are known).
#[derive(Clone, Debug)]
struct Repeated {
    threshold: u64,
    set: FxHashSet<u64>,
    filter: Option<prefix::TagFilter>,
}

/// Tables are equal when their counts are (the lookup cache aside).
impl PartialEq for LineStats {
    fn eq(&self, other: &Self) -> bool {
        (self.docs, self.bodies, self.min_chars) == (other.docs, other.bodies, other.min_chars)
            && self.counts == other.counts
    }
}

impl Eq for LineStats {}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    format: String,
    version: u32,
    hash: String,
    min_chars: usize,
    docs: u64,
    /// Absent in version 1 tables (every document its own body).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bodies: Option<u64>,
    entries: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    h: String,
    n: u64,
}

impl LineStats {
    /// An empty table for keys of `min_chars`.
    pub fn new(min_chars: usize) -> LineStats {
        LineStats {
            min_chars,
            ..LineStats::default()
        }
    }

    /// Counts one document as a body of its own (its distinct hashes, [`doc_hashes`]).
    pub fn add_doc(&mut self, hashes: &[u64]) {
        self.docs += 1;
        self.add_body(hashes);
    }

    fn add_body(&mut self, hashes: &[u64]) {
        self.repeated = OnceLock::new();
        self.tags = None;
        self.bodies += 1;
        for &h in hashes {
            *self.counts.entry(h).or_insert(0) += 1;
        }
    }

    /// The table of a run's documents (in input order): near-duplicates are grouped and each
    /// group's lines (the union of its members' lines) are counted once.
    pub fn from_docs(min_chars: usize, docs: &[DocLines]) -> LineStats {
        let mut stats = LineStats::new(min_chars);
        stats.docs = docs.len() as u64;
        let roots = neardup::group(docs);
        let mut members: HashMap<u32, Vec<u32>> = HashMap::new();
        for (i, &r) in roots.iter().enumerate() {
            if r as usize != i {
                members.entry(r).or_default().push(i as u32);
            }
        }
        let mut union: Vec<u64> = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            if roots[i] as usize != i {
                continue;
            }
            match members.get(&(i as u32)) {
                None => stats.add_body(&d.hashes),
                Some(more) => {
                    union.clear();
                    union.extend_from_slice(&d.hashes);
                    for &m in more {
                        union.extend_from_slice(&docs[m as usize].hashes);
                    }
                    union.sort_unstable();
                    union.dedup();
                    stats.add_body(&union);
                }
            }
        }
        stats.tags = Self::tags_of(&stats.counts, docs);
        stats
    }

    /// The tags of the hashes of `counts` counted twice or more, from the documents' tags;
    /// `None` when a document's tags are not known.
    fn tags_of(counts: &FxHashMap<u64, u64>, docs: &[DocLines]) -> Option<FxHashMap<u64, u32>> {
        let mut tags: FxHashMap<u64, u32> = FxHashMap::default();
        for d in docs {
            if d.tags.len() != d.hashes.len() {
                return None;
            }
            for (&h, &t) in d.hashes.iter().zip(&d.tags) {
                if counts.get(&h).is_some_and(|&n| n >= 2) {
                    tags.entry(h)
                        .and_modify(|old| *old = prefix::merge_tag(*old, t))
                        .or_insert(t);
                }
            }
        }
        Some(tags)
    }

    /// Adds a table counted over other documents.
    pub fn merge(&mut self, other: &LineStats) {
        self.repeated = OnceLock::new();
        self.tags = None;
        self.docs += other.docs;
        self.bodies += other.bodies;
        for (&h, &n) in &other.counts {
            *self.counts.entry(h).or_insert(0) += n;
        }
    }

    /// Bodies holding the line hash `h`.
    pub fn count(&self, h: u64) -> u64 {
        self.counts.get(&h).copied().unwrap_or(0)
    }

    /// Whether `count(h) >= threshold`, from a set of the repeated hashes made for the first
    /// threshold asked (the layer asks with one threshold per run).
    fn at_least(&self, h: u64, threshold: u64) -> bool {
        let r = self.repeated_at(threshold);
        if r.threshold == threshold {
            r.set.contains(&h)
        } else {
            self.count(h) >= threshold
        }
    }

    /// The cache of the repeated hashes, made for the first threshold asked.
    fn repeated_at(&self, threshold: u64) -> &Repeated {
        self.repeated.get_or_init(|| {
            // (Made on the first document of a run. The tags, when known, are kept for exactly
            // the hashes counted twice or more, a small part of the table: they are the
            // candidates, not every line of the run. The hashes are gathered first so the set
            // is made at its size, never grown and rehashed.)
            let found: Vec<u64> = match &self.tags {
                Some(tags) if threshold >= 2 => tags
                    .keys()
                    .filter(|&&h| self.count(h) >= threshold)
                    .copied()
                    .collect(),
                _ => self
                    .counts
                    .iter()
                    .filter(|(_, &n)| n >= threshold)
                    .map(|(&h, _)| h)
                    .collect(),
            };
            let mut set: FxHashSet<u64> =
                FxHashSet::with_capacity_and_hasher(found.len(), Default::default());
            set.extend(found);
            // (Every hash of the set is counted twice or more, so its tag is known; a missing
            // one would be a conflict.)
            let filter = self.tags.as_ref().and_then(|tags| {
                prefix::TagFilter::new(
                    set.iter()
                        .map(|h| tags.get(h).copied().unwrap_or(prefix::CONFLICT)),
                )
            });
            Repeated {
                threshold,
                set,
                filter,
            }
        })
    }

    /// The filter of the repeated lines' prefix tags at `threshold`, when there is one (see
    /// [`prefix`]).
    fn tag_filter(&self, threshold: u64) -> Option<&prefix::TagFilter> {
        let r = self.repeated_at(threshold);
        r.filter
            .as_ref()
            .filter(|_| r.threshold == threshold && threshold >= 2)
    }

    /// Distinct hashes in the table.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// No hash in the table.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The hashes at or above the threshold, sorted: everything the table changes in the
    /// results (`--resume` compares their digest between runs).
    pub fn repeated(&self, opts: &CrossDocOptions) -> Vec<u64> {
        let threshold = self.threshold(opts);
        let mut hs: Vec<u64> = self
            .counts
            .iter()
            .filter(|(_, &n)| n >= threshold)
            .map(|(&h, _)| h)
            .collect();
        hs.sort_unstable();
        hs
    }

    /// The body count from which a line is boilerplate.
    pub fn threshold(&self, opts: &CrossDocOptions) -> u64 {
        let frac = (opts.min_fraction.max(0.0) * self.bodies as f64).ceil() as u64;
        opts.min_docs.max(frac).max(2)
    }

    /// Writes the table (see the module docs), keeping hashes counted in `keep_min` documents or
    /// more.
    pub fn write<W: Write>(&self, mut w: W, keep_min: u64) -> std::io::Result<()> {
        let mut entries: Vec<(u64, u64)> = self
            .counts
            .iter()
            .filter(|(_, &n)| n >= keep_min.max(1))
            .map(|(&h, &n)| (h, n))
            .collect();
        entries.sort_unstable();
        let header = Header {
            format: FORMAT.into(),
            version: VERSION,
            hash: "fnv1a64".into(),
            min_chars: self.min_chars,
            docs: self.docs,
            bodies: Some(self.bodies),
            entries: entries.len() as u64,
        };
        serde_json::to_writer(&mut w, &header)?;
        w.write_all(b"\n")?;
        for (h, n) in entries {
            writeln!(w, "{{\"h\":\"{h:016x}\",\"n\":{n}}}")?;
        }
        w.flush()
    }

    /// Reads a table written by [`LineStats::write`]; `path` names it in errors.
    pub fn read<R: BufRead>(r: R, path: &Path) -> Result<LineStats> {
        let bad = |line: usize, msg: String| Error::parse(path, Some(line), msg);
        let mut lines = r.lines();
        let first = lines
            .next()
            .ok_or_else(|| bad(1, "empty line-stats file".into()))?
            .map_err(|e| Error::io(path, e))?;
        let header: Header = serde_json::from_str(&first)
            .map_err(|e| bad(1, format!("not a newstag line-stats header: {e}")))?;
        if header.format != FORMAT
            || !(1..=VERSION).contains(&header.version)
            || header.hash != "fnv1a64"
        {
            return Err(bad(
                1,
                format!(
                    "unsupported line-stats table {} v{} ({}); expected {FORMAT} v{VERSION} (fnv1a64)",
                    header.format, header.version, header.hash
                ),
            ));
        }
        let mut stats = LineStats::new(header.min_chars);
        stats.docs = header.docs;
        stats.bodies = header.bodies.unwrap_or(header.docs);
        for (no, line) in lines.enumerate() {
            let line = line.map_err(|e| Error::io(path, e))?;
            if line.trim().is_empty() {
                continue;
            }
            let e: Entry =
                serde_json::from_str(&line).map_err(|e| bad(no + 2, format!("bad entry: {e}")))?;
            let h = u64::from_str_radix(&e.h, 16)
                .map_err(|_| bad(no + 2, format!("bad hash {:?}", e.h)))?;
            *stats.counts.entry(h).or_insert(0) += e.n;
        }
        Ok(stats)
    }
}

/// Writes `stats` to `out` (`-` for stdout). A file is written aside and renamed, so an
/// interrupted run leaves the previous table intact.
pub fn write_table(stats: &LineStats, out: &Path, keep_min: u64) -> Result<()> {
    if out == Path::new("-") {
        let stdout = std::io::stdout();
        return stats
            .write(std::io::BufWriter::new(stdout.lock()), keep_min)
            .map_err(|e| Error::io("<stdout>", e));
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let aside = out.with_file_name(format!(".{name}.partial"));
    let written = std::fs::File::create(&aside)
        .and_then(|f| stats.write(std::io::BufWriter::new(f), keep_min))
        .and_then(|()| std::fs::rename(&aside, out));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&aside);
        Error::io(out, e)
    })
}

/// Lines longer than this (in bytes) are tested on their suffix tag too before they are hashed
/// in full ([`apply`]).
const SUFFIX_TEST_BYTES: usize = 64;

/// Claims the lines repeated across the run.
pub(crate) fn apply(
    opts: &CrossDocOptions,
    stats: &LineStats,
    lines: &[Line<'_>],
    claimed: &mut [Option<Claim>],
    layout: Layout,
) {
    let threshold = stats.threshold(opts);
    let filter = stats.tag_filter(threshold);
    // (Room for the repeated lines of most pages at once: grown from empty, the list was
    // reallocated five times a page on average.)
    let mut hits: Vec<usize> = Vec::with_capacity(64);
    let mut free_chars = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.text.is_empty() || claimed[i].is_some() {
            continue;
        }
        free_chars += l.text.len();
        if Some(i) == layout.title {
            continue;
        }
        // (A key has at most as many characters as its line has bytes: a character that is
        // not ASCII has two bytes or more and lowercases to at most two characters, and a space
        // stands for one separator byte at least. A shorter line is never counted.)
        if l.text.len() < stats.min_chars {
            continue;
        }
        // (Most lines stop at their prefix tag: no repeated line has it. Of the others, the
        // long ones that end as no repeated line does stop at the suffix tag, read from the
        // line's end; the rest hash the rest of the line from where the prefix tag stopped. A
        // short line is hashed at once: the rest of it costs about what the suffix tag does,
        // and most short lines past the prefix tag are repeated ones.)
        let h = match filter {
            Some(f) => {
                let (tag, fold) = prefix::tag_fold(l.text);
                if !f.may_hold_prefix(tag)
                    || l.text.len() > SUFFIX_TEST_BYTES
                        && !f.may_hold(prefix::with_suffix(tag, l.text))
                {
                    continue;
                }
                if fold.split {
                    line_hash(l.text, stats.min_chars)
                } else {
                    line_hash_from(l.text, stats.min_chars, fold)
                }
            }
            None => line_hash(l.text, stats.min_chars),
        };
        let Some(h) = h else {
            continue;
        };
        if stats.at_least(h, threshold) {
            hits.push(i);
        }
    }
    let hit_chars: usize = hits.iter().map(|&i| lines[i].text.len()).sum();
    let copied_article = hit_chars as f64 > opts.max_share * free_chars as f64;
    for i in hits {
        if !(copied_article && looks_like_prose(lines[i].text)) {
            claimed[i] = Some(Claim::CrossDoc);
        }
    }
}

#[cfg(test)]
mod tests;
