//! Stage 3, boilerplate: find the lines around the article that are not the article.
//!
//! Reads: the normalized text, line by line, as the site laid it out. Creates: [`Finding`]s (byte
//! ranges of whole lines, each with the name of the rule that fired) and [`Meta`]. The pipeline
//! applies the findings through the alignment, so every removal is reported with raw offsets.
//!
//! Layers, in this order (the first that claims a line names it in the audit trail):
//! 1. [`rules`]: config rules from `[[boilerplate.rules]]`, each named: `cut-from` (this line and
//!    everything after it), `drop-line` (matching lines), `drop-block` (a header line and the list
//!    under it, up to the next paragraph of prose).
//! 2. [`heuristics`]: built-in line heuristics, each switchable under `[boilerplate.heuristics]`
//!    and named (`dated-list`, `byline`, `timestamp`, `caption`, `prompt`, `copyright`, ...).
//! 3. [`crossdoc`]: lines repeated in many documents of the run (`crossdoc`), from a
//!    [`LineStats`] table counted in a first pass or read from `--line-stats FILE`.
//!
//! [`meta`] then reads the headline, byline, date and dateline off the claimed lines.
//!
//! Every layer marks a line with a `Claim` (a built-in name, or a config rule by its id: a rule
//! named like a heuristic stays apart from it). The shared types live in leaf modules (`line`,
//! `claim`, `guarded`) that import nothing of the stage, so the layers never import this file.

pub mod body;
pub(crate) mod claim;
pub mod crossdoc;
pub(crate) mod guarded;
pub mod heuristics;
mod keytable;
pub(crate) mod lean;
pub(crate) mod line;
pub(crate) mod matcher;
pub mod meta;
pub mod rules;
pub mod site;
pub mod stopwords;

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

pub use crossdoc::{CrossDocOptions, LineStats};
pub use heuristics::HeuristicOptions;
pub use rules::{looks_like_prose, RuleKind, RuleSpec};

use crate::document::Meta;
use crate::error::Result;
use claim::Claim;
use line::Line;

/// `[boilerplate]` options.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BoilerplateOptions {
    /// Master switch: off keeps every line.
    pub enabled: bool,
    /// Named config rules, applied in order.
    pub rules: Vec<RuleSpec>,
    /// Built-in heuristics, each switchable.
    pub heuristics: HeuristicOptions,
    /// Cross-document repetition.
    pub crossdoc: CrossDocOptions,
    /// The main-content model (`outside-body`, `menu-run`); off leaves the other layers alone
    /// (the body span still guards `cut-from` rules and cross-document repetition).
    pub body: bool,
    /// A rule (config, heuristic or cross-document) that would remove more than this share of
    /// the document's prose is not applied, and the record's `warnings` says so.
    pub max_prose_removed: f64,
}

impl Default for BoilerplateOptions {
    fn default() -> Self {
        BoilerplateOptions {
            enabled: true,
            rules: Vec::new(),
            heuristics: HeuristicOptions::default(),
            crossdoc: CrossDocOptions::default(),
            body: true,
            max_prose_removed: 0.3,
        }
    }
}

/// One line (or run of lines) to remove: byte range of the normalized text, whole lines with their
/// newline, and the rule that claimed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    /// Rule or heuristic name.
    pub rule: String,
}

/// What boilerplate detection found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Detection {
    /// Segments to remove, sorted, non-overlapping.
    pub findings: Vec<Finding>,
    /// Metadata recognised on the way.
    pub meta: Meta,
    /// Rules not applied because they would have removed too much of the article.
    pub warnings: Vec<String>,
}

/// The boilerplate stage, built once from the config; holds no per-document state.
pub struct Boilerplate {
    enabled: bool,
    rules: rules::ConfigRules,
    heuristics: HeuristicOptions,
    crossdoc: CrossDocOptions,
    body: bool,
    max_prose_removed: f64,
}

impl Boilerplate {
    /// Compiles the configured rules; a bad pattern is an error naming the rule.
    pub fn new(opts: &BoilerplateOptions, config_path: &Path) -> Result<Boilerplate> {
        Ok(Boilerplate {
            enabled: opts.enabled,
            rules: rules::ConfigRules::compile(&opts.rules, config_path)?,
            heuristics: opts.heuristics.clone(),
            crossdoc: opts.crossdoc.clone(),
            body: opts.body,
            max_prose_removed: opts.max_prose_removed,
        })
    }

    /// Whether the cross-document layer wants a [`LineStats`] table.
    pub fn wants_line_stats(&self) -> bool {
        self.enabled && self.crossdoc.enabled
    }

    /// The cross-document options (for counting the table).
    pub fn crossdoc_options(&self) -> &CrossDocOptions {
        &self.crossdoc
    }

    /// Finds the boilerplate lines of `text` without cross-document statistics.
    pub fn detect(&self, text: &str) -> Detection {
        self.detect_with(text, None)
    }

    /// Finds the boilerplate lines of `text`; `stats` (the run's line table) enables layer 3.
    pub fn detect_with(&self, text: &str, stats: Option<&LineStats>) -> Detection {
        let lines = Line::split(text);
        if !self.enabled {
            return Detection::default();
        }
        // Form evidence first, without the config rules: the body model needs it, and the rules
        // need the body span. (The heuristics' line features choose the document's language
        // too, `stopwords::identify_read`, from the words they split.)
        let mut formal: Vec<Option<Claim>> = vec![None; lines.len()];
        let (layout, words, lang) =
            heuristics::apply_identified(&self.heuristics, &lines, &mut formal);
        let body = body::analyse_counted(&lines, &formal, lang, &words);
        let mut claimed: Vec<Option<Claim>> = vec![None; lines.len()];
        self.rules
            .apply(&lines, &mut claimed, body.span.map(|(_, e)| e));
        // A config rule that would remove too much prose is withdrawn before the layers below
        // it are merged in: its lines get what the heuristics and the model say of them, as if
        // the rule had not matched.
        let mut warnings = self.guard(&lines, &body, &mut claimed);
        // The comment section under the article: its comments read as prose, and the span
        // takes them in; found from the span (in clean or weak text there is no page, and a
        // span that leaves out more prose than the guard lets go is in doubt: `guard` keeps
        // the page whole, and a section taken from the prose outside would let part go).
        if self.heuristics.comments && !body.clean && !body.weak && !self.doubtful(&lines, &body) {
            heuristics::comment_section(
                &lines,
                body.span,
                |i| body.prose(i),
                &body.len,
                self.max_prose_removed,
                &claimed,
                &mut formal,
            );
        }
        for (c, f) in claimed.iter_mut().zip(&formal) {
            // In clean text (no page chrome: a news corpus) a section word is the article's
            // own heading (a dateline, a table's division), not a page's navigation.
            if c.is_none() && !(body.clean && *f == Some(Claim::SectionLabel)) {
                *c = *f;
            }
        }
        let nonblank = lines.iter().filter(|l| !l.text.is_empty()).count();
        // A document too short for the model (no page around it) keeps the line heuristics'
        // headline: the first title-like line over the body.
        let modelled = self.body && body.span.is_some() && nonblank >= MIN_MODEL_LINES;
        let title = match body::headline(&lines, &claimed, &body) {
            Some(t) => {
                // A headline a list heuristic took for an item is the headline.
                claimed[t] = None;
                Some(t)
            }
            None => layout.title.filter(|&t| !modelled && claimed[t].is_none()),
        };
        // A document of a few lines has no page around it to remove: the other layers judge it.
        if let (true, Some((start, _)), true) = (self.body, body.span, nonblank >= MIN_MODEL_LINES)
        {
            // The span's chrome above a headline found in it.
            if !body.clean && !body.weak {
                for i in title.map_or_else(Vec::new, |t| body.above_headline(&lines, t)) {
                    claimed[i].get_or_insert(Claim::OutsideBody);
                }
            }
            for (i, l) in lines.iter().enumerate() {
                if l.text.is_empty() || claimed[i].is_some() || body.inside(i) {
                    continue;
                }
                // Between the headline and the body: the standfirst stays.
                let standfirst = title.is_some_and(|t| t < i && i < start) && body.standfirst(i);
                if Some(i) != title && !standfirst {
                    claimed[i] = Some(if body.in_span(i) && !body.in_gap(i) {
                        Claim::MenuRun
                    } else {
                        Claim::OutsideBody
                    });
                }
            }
        }
        if let Some(stats) = stats.filter(|_| self.crossdoc.enabled) {
            let before = claimed.clone();
            crossdoc::apply(
                &self.crossdoc,
                stats,
                &lines,
                &mut claimed,
                heuristics::Layout { title },
            );
            // Repetition alone never removes a body line that reads as prose (the same story
            // copied into other files, a headline other pages list) between two body lines
            // that are not repeated; a repeated closing sentence (the outlet's footer) is
            // not between them. When every body line is repeated, the whole span is body.
            // (Whether a line is a hit is read from the two claim vectors, and only the first and
            // last own lines are wanted: found from either end, nothing collected.)
            let hit =
                |claimed: &[Option<Claim>], i: usize| before[i].is_none() && claimed[i].is_some();
            let good = |i: usize| body.inside(i) && body.class[i] == body::Class::Good;
            let own = |i: &usize| good(*i) && !hit(&claimed, *i);
            let core = match ((0..lines.len()).find(own), (0..lines.len()).rev().find(own)) {
                (Some(a), Some(b)) => (a, b),
                _ => body.span.unwrap_or((1, 0)),
            };
            for i in core.0..(core.1 + 1).min(lines.len()) {
                // (A line's own claim is the only one cleared at its turn: the hit test reads
                // what it read before the loop.)
                if hit(&claimed, i) && good(i) {
                    claimed[i] = None;
                }
            }
        }
        warnings.extend(self.guard(&lines, &body, &mut claimed));
        // The article's byline and date stand above its end or just under it ("Reporting by"):
        // further down, a name next to a date is a commenter's.
        let meta_end = body.span.map(|(_, e)| {
            (e + 1..lines.len())
                .filter(|&i| !lines[i].text.is_empty())
                .nth(META_BELOW_SPAN)
                .unwrap_or(lines.len())
        });
        let mut meta = meta::extract(
            &lines,
            &claimed,
            title.filter(|&t| claimed[t].is_none()),
            meta_end,
        );
        meta.site = site::find(&lines, meta.title.as_deref());
        Detection {
            findings: self.merge(&lines, &claimed),
            meta,
            warnings,
        }
    }

    /// Undoes every rule that would remove more than `max_prose_removed` of the document's prose
    /// (the characters of the lines that read as prose by themselves), and says so.
    fn guard(
        &self,
        lines: &[Line<'_>],
        body: &body::Body,
        claimed: &mut [Option<Claim>],
    ) -> Vec<String> {
        let modelled = |i: usize| body.prose(i) && !lines[i].text.is_empty();
        // A short note has no line long enough for the model's prose: its sentences count then
        // (a brief under a "Latest news" header, which a cut-from rule would take whole).
        let any_modelled = (0..lines.len()).any(modelled);
        let prose = |i: usize| {
            if any_modelled {
                modelled(i)
            } else {
                body::sentence_end(lines[i].text)
                    && lines[i]
                        .text
                        .split_whitespace()
                        .nth(SENTENCE_WORDS - 1)
                        .is_some()
            }
        };
        let total: usize = (0..lines.len())
            .filter(|&i| prose(i))
            .map(|i| body.len[i])
            .sum();
        let mut by_rule: Vec<(Claim, usize)> = Vec::new();
        for i in (0..lines.len()).filter(|&i| prose(i)) {
            let Some(rule) = claimed[i] else { continue };
            match by_rule.iter_mut().find(|(r, _)| *r == rule) {
                Some((_, n)) => *n += body.len[i],
                None => by_rule.push((rule, body.len[i])),
            }
        }
        let mut warnings = Vec::new();
        for (rule, n) in by_rule {
            // The body model's share is all the prose its span leaves out, whichever layer
            // claims each line there: a config rule cutting the page's end (or any layer) that
            // takes some of it first does not make the span look right.
            let n = if rule == Claim::OutsideBody {
                (0..lines.len())
                    .filter(|&i| prose(i) && claimed[i].is_some() && !body.inside(i))
                    .map(|i| body.len[i])
                    .sum()
            } else {
                n
            };
            // (Below MIN_GUARDED_CHARS a share says little, unless the rule takes all of the
            // prose: a brief under a "Latest news" header, which would leave nothing.)
            let all = n == total && total > 0;
            if (n < MIN_GUARDED_CHARS && !all)
                || (n as f64) <= self.max_prose_removed * total as f64
            {
                continue;
            }
            let share = 100.0 * n as f64 / total as f64;
            let name = self.name(rule);
            // (The body model's own `outside-body` too: that much prose outside the span means
            // the span is likely wrong, e.g. a product list or a long cookie notice, and so are
            // the menu runs it found inside that span.)
            let undone =
                |c: Claim| c == rule || (rule == Claim::OutsideBody && c == Claim::MenuRun);
            // Whatever the span, a long run of short items is chrome (a menu, a list of
            // sections), and so is what lies past a related list or comment thread under the
            // span: outside the span, those lines stay removed.
            let stay = if rule == Claim::OutsideBody {
                let past = past_the_article(body, claimed);
                let mut stay = chrome_runs(lines, body, claimed);
                for (s, p) in stay.iter_mut().zip(past) {
                    *s |= p;
                }
                stay
            } else {
                vec![false; lines.len()]
            };
            for (i, c) in claimed.iter_mut().enumerate() {
                if c.is_some_and(undone)
                    && !(stay[i] && matches!(*c, Some(Claim::OutsideBody | Claim::MenuRun)))
                {
                    *c = None;
                }
            }
            warnings.push(format!(
                "boilerplate rule \"{name}\" not applied: it would remove {share:.0}% of the document's prose"
            ));
        }
        warnings
    }

    /// Whether the body span leaves out more than `max_prose_removed` of the document's prose
    /// (characters of prose lines, as `guard` counts them): the share at which the guard
    /// withdraws `outside-body`.
    fn doubtful(&self, lines: &[Line<'_>], body: &body::Body) -> bool {
        let (mut total, mut outside) = (0usize, 0usize);
        for (i, l) in lines.iter().enumerate() {
            if body.prose(i) && !l.text.is_empty() {
                total += body.len[i];
                if !body.inside(i) {
                    outside += body.len[i];
                }
            }
        }
        outside >= MIN_GUARDED_CHARS && outside as f64 > self.max_prose_removed * total as f64
    }

    /// The name the audit trail gives a claim.
    fn name(&self, claim: Claim) -> &str {
        match claim {
            Claim::Rule(id) => self.rules.name(id),
            builtin => builtin.builtin_name().unwrap_or_default(),
        }
    }

    /// Turns claimed lines into findings, merging neighbouring lines of the same claim (blank
    /// lines between them included): two claims of one name (a config rule named like a
    /// heuristic) stay two findings.
    fn merge(&self, lines: &[Line<'_>], claimed: &[Option<Claim>]) -> Vec<Finding> {
        let mut out: Vec<Finding> = Vec::new();
        // The claim of the last claimed non-blank line, when no unclaimed one came after it.
        let mut last: Option<Claim> = None;
        for (i, l) in lines.iter().enumerate() {
            let Some(claim) = claimed[i] else {
                if !l.text.is_empty() {
                    last = None;
                }
                continue;
            };
            match out.last_mut() {
                Some(f) if last == Some(claim) => f.range.end = l.range.1,
                _ => out.push(Finding {
                    range: l.range.0..l.range.1,
                    rule: self.name(claim).to_string(),
                }),
            }
            last = Some(claim);
        }
        out
    }
}

/// Non-blank lines under the body span where the article's byline or date may still stand (an
/// end credit, "Reporting by ..."): the metadata is not read further down.
const META_BELOW_SPAN: usize = 3;

/// Documents with fewer non-blank lines are left to the line heuristics (no `outside-body`).
const MIN_MODEL_LINES: usize = 8;

/// Fewest words of a sentence the guard counts as prose in a document where the model finds none.
const SENTENCE_WORDS: usize = 6;

/// A rule is only undone for removing prose when it removes at least this many characters of it
/// (a one-sentence footer is a large share of a three-line note).
const MIN_GUARDED_CHARS: usize = 140;

/// Lines in a run of at least [`CHROME_RUN`] non-blank lines outside the body (or taken for a
/// menu inside its span, `menu-run`) that are all short
/// items (not prose ([`body::Body::prose`]), at most [`CHROME_ITEM_WORDS`] words, no sentence
/// end), above the span or with a site's navigation item ("Home", "Contact") among them: a menu,
/// however wrong the span around it. (Below the span and without that item, a product's list
/// of features or a project's list of sponsors reads the same; above it, the run is the page's
/// head. Measured on the guarded pages of the five labelled sets: +159 boilerplate lines, one
/// article line.) Above the span an item may be a headline too (up to [`HEAD_ITEM_WORDS`]
/// words; no `Label: value` row, an event's or a fact box's): the page's top stories (+69
/// boilerplate lines, no article line, the trafilatura snippets unchanged).
fn chrome_runs(lines: &[Line<'_>], body: &body::Body, claimed: &[Option<Claim>]) -> Vec<bool> {
    let start = body.span.map_or(0, |(s, _)| s);
    let item = |i: usize| {
        let t = lines[i].text.trim();
        let words = t.split_whitespace().count();
        // (Above the span, a list of headlines too; not a fact box's `Label: value` rows,
        // bulleted or not.)
        let row = body::label_row(t.trim_start_matches(['*', '-', '+', '•', ' ']));
        let most = if i < start && !row {
            HEAD_ITEM_WORDS
        } else {
            CHROME_ITEM_WORDS
        };
        matches!(claimed[i], Some(Claim::OutsideBody | Claim::MenuRun))
            && !body.prose(i)
            && words <= most
            && !t.ends_with(['.', '!', '?', ':'])
            && !t.starts_with(|c: char| c.is_ascii_digit())
    };
    let above = |run: &[usize]| {
        body.span
            .zip(run.last())
            .is_some_and(|((start, _), &last)| last < start)
    };
    let mut out = vec![false; lines.len()];
    line::runs(lines, item, |run| {
        if run.len() >= CHROME_RUN
            && (above(run) || run.iter().any(|&j| heuristics::navigation(lines[j].text)))
        {
            for &j in run {
                out[j] = true;
            }
        }
    });
    out
}

/// The lines outside the body span, under it, past a section that closes an article (a related
/// list, a comment thread, a list of dated headlines): whatever the span, the article ended
/// above that section. For [`Boilerplate::guard`], which keeps them removed when it undoes
/// `outside-body`; unless the model's prose there (the lines that would come back, not the
/// section's own comments) outweighs the span's, when the span may be the article's first
/// part only, or the section is a box of at most [`INLINE_BOX_LINES`] lines with the model's
/// prose right under it (a "Read more" box inside the article).
///
/// Measured on the guarded pages of the five labelled sets: +588 boilerplate lines on 11 pages
/// (SRF's, Sputnik's and Heise's teasers and footers past a related list, comment pages), no
/// article line; a box inside the article is an invented case (`tests.rs`), met on none.
fn past_the_article(body: &body::Body, claimed: &[Option<Claim>]) -> Vec<bool> {
    let mut out = vec![false; claimed.len()];
    let Some((start, end)) = body.span else {
        return out;
    };
    let model = |i: usize| matches!(claimed[i], Some(Claim::OutsideBody | Claim::MenuRun));
    let Some(section) = (end + 1..claimed.len()).find(|&i| {
        matches!(
            claimed[i],
            Some(Claim::RelatedList | Claim::Comments | Claim::DatedList)
        )
    }) else {
        return out;
    };
    let prose = |r: std::ops::Range<usize>, only_model: bool| -> usize {
        r.filter(|&i| body.prose(i) && (!only_model || model(i)))
            .map(|i| body.len[i])
            .sum()
    };
    // (Nor when prose follows a short section: a related box inside the article, which goes
    // on.)
    let after = (section + 1..claimed.len())
        .find(|&i| body.free[i] != body::Class::Blank && claimed[i] != claimed[section]);
    let short = (section..after.unwrap_or(claimed.len()))
        .filter(|&i| body.free[i] != body::Class::Blank)
        .count()
        <= INLINE_BOX_LINES;
    let resumes = short && after.is_some_and(|i| model(i) && body.prose(i));
    if resumes || prose(section + 1..claimed.len(), true) > prose(start..end + 1, false) {
        return out;
    }
    for (i, o) in out.iter_mut().enumerate().skip(section + 1) {
        *o = model(i);
    }
    out
}

/// Non-blank lines of a related box inside an article, at most ("Read more" and two headlines).
const INLINE_BOX_LINES: usize = 3;

/// Items in a run that [`chrome_runs`] keeps removed.
const CHROME_RUN: usize = 6;
/// Words in such an item at most.
const CHROME_ITEM_WORDS: usize = 4;
/// Words in such an item above the span at most (a list of headlines).
const HEAD_ITEM_WORDS: usize = 16;

#[cfg(test)]
mod tests;
