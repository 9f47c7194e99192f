//! The main-content model: finds the article body as a whole, not line by line, in the spirit of
//! jusText (Pomikálek 2011), on plain-text lines instead of HTML blocks.
//!
//! 1. **Context-free class** of every non-blank line from its length (characters; a Chinese or
//!    Japanese character counts as `CJK_WEIGHT`) and its stopword density in the document's
//!    language ([`super::stopwords`]): a line a form heuristic claimed is `Bad`; a short line
//!    (under `LENGTH_LOW`) is `Short`; a line with many stopwords is `Good` when long, else
//!    `NearGood`; the rest (long lines without function words: headline lists, menus, captions,
//!    name lists) are `Bad`. On a page whose article speaks another language than the one elected
//!    for the page (an English banner or error messages over a German post), the lines without
//!    function words of the page's language count the stopwords of the second one
//!    (`body/mixed.rs`). The items of a bulleted list under a paragraph are judged together
//!    (`bulleted_runs`): an item dense in names is no menu line when its list reads as prose.
//! 2. **Context smoothing**, jusText's rules: a run of short lines between two good lines is good,
//!    between two bad lines bad; near-good lines between two bad lines are bad, else good.
//! 3. **Body span**: the contiguous run of lines with the largest sum of good minus bad
//!    characters (a maximum-sum segment), so an article with a related list or a caption in its
//!    middle stays one span, while menus above and lists and footers below fall outside (a
//!    table of figures costs nothing, `body/tables.rs`: it is the article's as often). The
//!    span is trimmed to its first and last line of prose (or closing sentence), then widened
//!    over the text that continues it (`body/edges.rs`: a line outside the span needs evidence of
//!    being chrome by form before it goes). Regions of prose above the span
//!    (`body/regions.rs`) and the block under a copy of the page title (`body/anchor.rs`) join
//!    it, the chrome between staying out. A span scoring under `MIN_SPAN_SCORE` is *weak*: a
//!    page of short lines (verse, a chat log, a list) gives no evidence of where its article
//!    is, and nothing is outside the body; nor is anything in clean text (a document without
//!    chrome lines: a news corpus).
//! 4. **Holes** (`body/holes.rs`): inside the span, runs of `MIN_ITEM_RUN` or more menu-like
//!    items (at most three words, no sentence end, no digits, no code characters) are chrome
//!    (share bars, tag lists, link stacks between paragraphs); a table of figures, a code
//!    listing or a list under its lead-in ("Rooms included:") is not.
//! 5. **Headline**: the best title-like line above the body (a few words, no sentence end, not
//!    claimed as a byline, date, caption, prompt or menu, not a date or time line, not a bulleted
//!    item), scored by size, a byline or date under it, prose under it, a copy of it on the page
//!    and nearness; none when nothing scores enough.
//!
//! Policy: lines outside the body (`Body::inside`: outside the span and not a non-chrome line
//! next to its edge, or holes in it, or chrome above a headline in it: `body/head.rs`) are
//! boilerplate (`outside-body`), except the headline and the standfirst; the other lines of the
//! span stay even when the smoothing leaves them bad (measured: as many article lines as
//! boilerplate). Other layers use the span as the article's extent: `cut-from` rules only fire
//! below it, and cross-document repetition never removes a line in it that reads as prose.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::claim::Claim;
use super::line::Line;
use super::stopwords::{is_cjk, DocLang};

mod anchor;
mod context;
mod edges;
mod form;
pub(crate) use form::label_row;
mod head;
mod headline;
mod holes;
use holes::{item, item_runs, MIN_ITEM_RUN};
mod mixed;
mod regions;
mod tables;

use form::{bulleted_point, heading_over};
#[cfg(test)]
use form::{dateish, inner_sentence, list_item, title_like};
pub(crate) use form::{list_under, sentence_end};
pub(crate) use headline::headline;

/// jusText's length thresholds (characters): below `LENGTH_LOW` a line is short; above
/// `LENGTH_HIGH` a line with enough stopwords is good on its own.
pub(crate) const LENGTH_LOW: usize = 70;
const LENGTH_HIGH: usize = 200;
/// jusText's stopword-density thresholds.
const STOP_LOW: f32 = 0.30;
const STOP_HIGH: f32 = 0.32;
/// A sentence with fewer stopwords than `STOP_LOW` but at least this share is judged by its
/// context like a short line.
const STOP_SENTENCE: f32 = 0.15;
/// A Chinese or Japanese character carries about as much text as this many Latin letters.
const CJK_WEIGHT: usize = 3;
/// What a bad line costs the body span on top of its length: a run of short menu items or
/// list entries separates the article from what follows as much as a paragraph's worth of text.
const BAD_LINE: i64 = 40;

/// A line's class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Blank,
    Short,
    NearGood,
    Good,
    Bad,
}

/// What the model found in one document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Body {
    /// First and last line of the body span (inclusive), when the document has any prose.
    pub span: Option<(usize, usize)>,
    /// Context-free class of every line.
    pub free: Vec<Class>,
    /// Class after smoothing.
    pub class: Vec<Class>,
    /// Weighted length of every line.
    pub len: Vec<usize>,
    /// The span holds too little prose to tell the article from the page around it (a page of
    /// short lines: verse, a chat log, a list): nothing is outside the body.
    pub weak: bool,
    /// Lines of the span that are chrome all the same: runs of menu-like items.
    pub holes: Vec<bool>,
    /// The document is clean text, without page chrome (a news corpus): nothing is outside
    /// the body.
    pub clean: bool,
    /// Lines outside the span that stay all the same: the non-chrome lines next to its edges.
    pub kept: Vec<bool>,
    /// Lines of the span between the body and a region of prose joined above it
    /// (`body/regions.rs`): holes, removed as `outside-body` rather than `menu-run`.
    pub gaps: Vec<bool>,
    /// Lines that read as a standfirst (`standfirst`) without being prose by themselves.
    pub lead: Vec<bool>,
}

impl Body {
    /// Whether line `i` belongs to the body: it lies in the span and is not a run of menu-like
    /// items in it, or it is kept next to the span, or the span is too weak (or the text too
    /// clean) to judge from.
    pub fn inside(&self, i: usize) -> bool {
        self.weak
            || self.clean
            || self.in_span(i) && !self.holes.get(i).copied().unwrap_or(false)
            || self.kept.get(i).copied().unwrap_or(false)
    }

    /// Whether line `i` lies in the span between the body and a region joined above it.
    pub fn in_gap(&self, i: usize) -> bool {
        self.gaps.get(i).copied().unwrap_or(false)
    }

    /// Whether line `i` lies in the body span.
    pub fn in_span(&self, i: usize) -> bool {
        self.span.is_some_and(|(s, e)| s <= i && i <= e)
    }

    /// Whether line `i` reads as prose by itself (good or near-good before smoothing).
    pub fn prose(&self, i: usize) -> bool {
        matches!(self.free[i], Class::Good | Class::NearGood)
    }

    /// Whether line `i`, between the headline and the body, is the article's standfirst: prose,
    /// or a line of text without a full stop ([`STANDFIRST_WORDS`] words or more, as dense in
    /// stopwords as prose: a subtitle, a summary's points). Over the body, under the headline,
    /// such lines are the article's; elsewhere they are as often teasers.
    pub fn standfirst(&self, i: usize) -> bool {
        self.prose(i) || self.lead.get(i).copied().unwrap_or(false)
    }
}

/// Weighted length of a line, and the counts its stopword density is made of.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    len: usize,
    /// Words (or Chinese and Japanese characters).
    units: usize,
    /// Stopwords (or the characters that carry grammar).
    hits: usize,
    /// The line is ASCII (`measure` asks anyway): it holds no `©`, and the per-line test for
    /// the sign is skipped. (A line's own; a block's sum, from `Counts::default`, does not
    /// keep it.)
    ascii: bool,
    /// Characters (`hard_wrapped` asks of every line whether it has 30).
    chars: usize,
    /// The line is measured in Chinese or Japanese characters (`units` counts them).
    cjk: bool,
}

impl Counts {
    fn density(self) -> f32 {
        if self.units == 0 {
            0.0
        } else {
            self.hits as f32 / self.units as f32
        }
    }

    /// The counts of a block of lines (a hard-wrapped paragraph, a bulleted list) together.
    fn total(block: &[Counts]) -> Counts {
        block.iter().fold(Counts::default(), |a, b| Counts {
            len: a.len + b.len,
            units: a.units + b.units,
            hits: a.hits + b.hits,
            ascii: a.ascii && b.ascii,
            chars: a.chars + b.chars,
            cjk: a.cjk && b.cjk,
        })
    }
}

/// `words`: the line's words and stopwords (see `word_counts`).
fn measure(text: &str, lang: DocLang, words: (usize, usize)) -> Counts {
    let (mut cjk, mut kana, mut function) = (0usize, 0usize, 0usize);
    // Every Chinese or Japanese character (`is_cjk`) starts with a byte E3..E9 or EF in UTF-8:
    // an ASCII line has none, and for another one pass over the bytes counts the characters
    // (the bytes that are no continuation byte, 80..BF) and tells whether one may be there; only
    // then are the characters looked at one by one. (A plain loop without an early exit, which
    // the compiler vectorizes.)
    let ascii = text.is_ascii();
    let (chars, lead) = if ascii {
        (text.len(), false)
    } else {
        count_chars(text.as_bytes())
    };
    if lead {
        for c in text.chars() {
            if is_cjk(c) {
                cjk += 1;
                kana += usize::from(('\u{3040}'..='\u{309F}').contains(&c));
                function += usize::from(ZH_FUNCTION.contains(c));
            }
        }
    }
    let len = chars - cjk + cjk * CJK_WEIGHT;
    if cjk * 2 > chars || lang == DocLang::Cjk && cjk > 0 {
        // Hiragana carries Japanese grammar (particles, endings); a few characters carry
        // Chinese grammar. Their share plays the stopwords' part.
        return Counts {
            len,
            units: cjk,
            hits: kana + 2 * function,
            ascii,
            chars,
            cjk: true,
        };
    }
    Counts {
        len,
        units: words.0,
        hits: words.1,
        ascii,
        chars,
        cjk: false,
    }
}

/// The characters of the UTF-8 text `bytes` (the bytes that are no continuation byte, 80..BF),
/// and whether a byte E3..E9 or EF (a lead byte of every Chinese or Japanese character) is among
/// them. Eight bytes at a time: the continuation bytes are counted in a register, and only an
/// eight whose bytes include one of E0..FF is looked at byte by byte for a lead byte.
#[inline]
fn count_chars(bytes: &[u8]) -> (usize, bool) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let lead_byte = |b: u8| (b.wrapping_sub(0xE3) <= 6) | (b == 0xEF);
    let (mut continuation, mut lead) = (0usize, false);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        // Bit 7 of a byte, with its bit 6 clear: a continuation byte; the sum of the bytes of
        // `ones` (each 0 or 1) is in the top byte of the product.
        let ones = (x & !(x << 1) & HIGH) >> 7;
        continuation += (ones.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
        // Bits 7, 6 and 5 of a byte set: E0..FF.
        if !lead && x & (x << 1) & (x << 2) & HIGH != 0 {
            lead = chunk.iter().any(|&b| lead_byte(b));
        }
    }
    for &b in chunks.remainder() {
        continuation += usize::from(b & 0xC0 == 0x80);
        lead |= lead_byte(b);
    }
    (bytes.len() - continuation, lead)
}

/// The words of a line (tokens with a letter or digit once stripped, `line::bare`) and how many
/// are stopwords of `lang`: what the heuristics' line features count in the same pass
/// (`heuristics::apply`), counted here for the callers without them.
#[cfg(test)]
fn word_counts(text: &str, lang: DocLang) -> (usize, usize) {
    let (mut words, mut stops) = (0usize, 0usize);
    for tok in text.split_whitespace() {
        let w = super::line::bare(tok);
        if w.is_empty() {
            continue;
        }
        words += 1;
        stops += usize::from(lang.is_stop_word(w));
    }
    (words, stops)
}

/// Whether the document is hard-wrapped (e-mail, PDF, fixed-width exports): at least a third of
/// its lines of 30 characters or more stop mid-sentence with the sentence going on in the next
/// line (no blank line between, a lowercase word or a continuation first). Its paragraphs are
/// then blocks of lines, and the model measures blocks.
/// `sentences`: every line's [`sentence_end`], asked once per document; `counts` its
/// [`Counts`] (its characters, counted by `measure`).
fn hard_wrapped(lines: &[Line<'_>], sentences: &[bool], counts: &[Counts]) -> bool {
    let (mut long, mut broken) = (0usize, 0usize);
    for (k, w) in lines.windows(2).enumerate() {
        if counts[k].chars < 30 {
            continue;
        }
        long += 1;
        let next_starts_low = w[1].text.chars().next().is_some_and(char::is_lowercase);
        broken += usize::from(!sentences[k] && next_starts_low);
    }
    long >= 4 && broken * 3 >= long
}

/// A cookie-consent notice: "This website uses cookies to improve your experience ...".
fn cookie_notice(text: &str) -> bool {
    static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
        RegexBuilder::new(r"\bcookies?\b.*\b(?:website|site|browser|consent|experience|privacy|navigate)\b|\b(?:website|site|browser|consent|experience|privacy|navigate)\b.*\bcookies?\b")
            .case_insensitive(true)
            .build()
            .expect("pattern")
    });
    text.len() < 2000 && ookie(text.as_bytes()) && COOKIE.is_match(text)
}

/// Whether `bytes` hold "ookie" or "OOKIE" (the regex's necessary condition in
/// [`cookie_notice`], asked of every line): one search for the `k`, which few lines have,
/// instead of two substring searches.
fn ookie(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'k', b'K', bytes).any(|k| {
        k >= 2
            && bytes
                .get(k - 2..k + 3)
                .is_some_and(|w| w == b"ookie" || w == b"OOKIE")
    })
}

/// Whether `text` holds the copyright sign `©` (C2 A9 in UTF-8), asked of every line: a byte
/// search for its second byte, which other characters end with too (`é` is C3 A9).
fn copyright_sign(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(0xA9, b).any(|i| i > 0 && b[i - 1] == 0xC2)
}

/// Common Chinese function characters (particles, pronouns, copula, prepositions), in their
/// simplified forms and, where they differ, their traditional ones (Taiwan's and Hong Kong's
/// pages: 這, 與, 著, 對, 為, 個, 們, 說, 將, 從, 並, 會).
const ZH_FUNCTION: &str =
    "的了是在和有不这也就都而及与着对为以个们我他她它说到之其被将从把所但并或又要会能\
     這與著對為個們說將從並會";

/// Classifies the lines, smooths the classes and chooses the body span. `claimed` holds the form
/// heuristics' claims (evidence of boilerplate).
#[cfg(test)]
pub(crate) fn analyse(lines: &[Line<'_>], claimed: &[Option<Claim>], lang: DocLang) -> Body {
    let words: Vec<(usize, usize)> = lines.iter().map(|l| word_counts(l.text, lang)).collect();
    analyse_counted(lines, claimed, lang, &words)
}

/// [`analyse`] with every line's words and stopwords of `lang` counted already (by the
/// heuristics' line features).
pub(crate) fn analyse_counted(
    lines: &[Line<'_>],
    claimed: &[Option<Claim>],
    lang: DocLang,
    words: &[(usize, usize)],
) -> Body {
    // A page whose article speaks another language than its chrome: the article's lines count
    // the stopwords of their own language.
    let recounted = mixed::recount(lines, claimed, lang, words);
    let words = recounted.as_deref().unwrap_or(words);
    let n = lines.len();
    let mut free = vec![Class::Blank; n];
    let mut len = vec![0usize; n];
    let counts: Vec<Counts> = lines
        .iter()
        .zip(words)
        .map(|(l, &w)| measure(l.text, lang, w))
        .collect();
    let sentences: Vec<bool> = lines.iter().map(|l| sentence_end(l.text)).collect();
    // Paragraphs: each line, or in a hard-wrapped document each block of unclaimed lines.
    let wrapped = hard_wrapped(lines, &sentences, &counts);
    let mut i = 0;
    while i < n {
        if lines[i].text.is_empty() {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if wrapped && claimed[i].is_none() && !heading_over(lines, &sentences, i) {
            while end < n && !lines[end].text.is_empty() && claimed[end].is_none() {
                end += 1;
            }
        }
        let c = Counts::total(&counts[i..end]);
        let last = sentences[end - 1];
        // A language without a stopword list: its lines are judged by length alone, as
        // jusText does without a stoplist (every line counts as dense in stopwords).
        let c = if lang == DocLang::Unlisted {
            Counts { hits: c.units, ..c }
        } else {
            c
        };
        let bad = (i..end).any(|j| {
            // (An ASCII line has no `©`: its byte search is skipped.)
            claimed[j].is_some()
                || !counts[j].ascii && copyright_sign(lines[j].text)
                || cookie_notice(lines[j].text)
        });
        let class = if bad {
            Class::Bad
        } else if c.len < LENGTH_LOW {
            Class::Short
        } else if c.density() >= STOP_HIGH && c.len > LENGTH_HIGH {
            Class::Good
        } else if c.density() >= STOP_LOW {
            // Without a sentence end a line of this length is a heading or a link (headline
            // lists read like prose): context decides, as for short lines.
            if last || c.len > LENGTH_HIGH {
                Class::NearGood
            } else {
                Class::Short
            }
        } else if c.density() >= STOP_SENTENCE && last {
            // A sentence dense in names (sports results, lists of officials): context decides.
            Class::Short
        } else {
            Class::Bad
        };
        for j in i..end {
            free[j] = class;
            len[j] = counts[j].len;
        }
        i = end;
    }
    context::bulleted_runs(lines, claimed, &counts, &mut free);
    let formal: Vec<bool> = claimed.iter().map(Option::is_some).collect();
    let class = smooth(&free, &formal, &sentences);
    // Unclaimed lines that read as part of a text (a sentence, a list's lead-in, an
    // enumeration) or as prose without a full stop (a long line, a bulleted clause with its
    // stopwords): they may continue the article.
    let textual: Vec<bool> = (0..n)
        .map(|i| claimed[i].is_none() && (sentences[i] || lead_in_or_enumeration(lines[i].text)))
        .collect();
    // A bulleted clause with its stopwords ("* Lists the repairs with their cost"), no sentence
    // but read as part of a text as well.
    let point: Vec<bool> = (0..n)
        .map(|i| {
            claimed[i].is_none()
                && counts[i].density() >= STOP_SENTENCE
                && bulleted_point(lines[i].text)
        })
        .collect();
    let mut continues: Vec<bool> = (0..n)
        .map(|i| {
            textual[i]
                || point[i]
                || claimed[i].is_none() && free[i] == Class::Short && len[i] >= LENGTH_LOW
        })
        .collect();
    let chrome = edges::Chrome::new(lines, claimed, &counts, &free, &textual);
    edges::lead_in_lists(lines, claimed, &chrome, &mut continues);
    let mut weights: Vec<i64> = (0..n)
        .map(|i| weight(free[i], class[i], len[i], textual[i] || point[i]))
        .collect();
    regions::inserts_cost_nothing(lines, &free, &mut weights);
    tables::tables_cost_nothing(lines, claimed, &free, &mut weights);
    let best = best_span(&weights, 0, n);
    let weak = best.is_some_and(|(score, _, _)| score < MIN_SPAN_SCORE);
    // The span runs from its first to its last line of prose or sentence: short lines at its
    // edges are the page's (a menu under the headline, a list under the last paragraph).
    let prose = |i: &usize| {
        matches!(free[*i], Class::Good | Class::NearGood)
            || class[*i] == Class::Good && sentences[*i]
    };
    let span = best.and_then(|(score, s, e)| {
        // An article cut in two by a widget (a video player, a gallery) is one article: a
        // region of prose above the span that scores a fair share of it starts the span.
        let s = match best_span(&weights, 0, s) {
            Some((above, a, b)) if above >= MIN_SPAN_SCORE && above * SPLIT_SHARE >= score => {
                (a..=b).find(prose).unwrap_or(s)
            }
            _ => s,
        };
        let (s, e) = ((s..=e).find(prose)?, (s..=e).rev().find(prose)?);
        let (s, floor) = head::past_menus(lines, &free, &len, &sentences, &|i| prose(&i), (s, e));
        let e = head::before_menus(lines, &free, &len, &sentences, &|i| prose(&i), (s, e));
        let (s, mut e) = edges::extend(lines, &continues, &chrome, s, e);
        // The article's numbered list goes on below it; the text after its last item too.
        while let Some(last) = edges::numbered_tail(lines, claimed, (s, e)) {
            e = edges::extend(lines, &continues, &chrome, s, last).1;
        }
        Some(((s, e), floor))
    });
    // Clean text (a news corpus): no page around the article.
    let clean = edges::clean(lines, claimed, &counts, &chrome);
    // The article's beginning a widget cut off joins the body; the chrome between stays out.
    let prose_at = |i: usize| prose(&i);
    let (span, floor) = span.unzip();
    let floor = floor.unwrap_or(0);
    let (span, gaps) = match span {
        Some(sp) if !weak => {
            let doc = regions::Doc {
                lines,
                free: &free,
                weights: &weights,
                prose: &prose_at,
                continues: &continues,
                chrome: &chrome,
            };
            let (sp, mut gaps) = regions::join(&doc, sp, floor);
            // The article under the page title's copy, when the span lies elsewhere.
            // The lines the old span kept next to its edges stay.
            match anchor::join(lines, &prose_at, &len, sp) {
                Some((grown, between)) => {
                    let near = edges::near(lines, &chrome, sp);
                    gaps.extend(between.into_iter().filter(|&i| !near[i]));
                    (Some(grown), gaps)
                }
                None => (Some(sp), gaps),
            }
        }
        _ => (span, Vec::new()),
    };
    let mut gap = vec![false; n];
    let holes = span.map_or_else(Vec::new, |(s, e)| {
        let mut holes = item_runs(lines, &counts, &free, claimed, s, e);
        for g in gaps {
            holes[g] = true;
            gap[g] = true;
        }
        holes
    });
    let kept = span.map_or_else(Vec::new, |sp| edges::near(lines, &chrome, sp));
    let lead = (0..n)
        .map(|i| {
            free[i] == Class::Short
                && counts[i].units >= STANDFIRST_WORDS
                && counts[i].density() >= STOP_LOW
        })
        .collect();
    Body {
        gaps: gap,
        lead,
        span,
        free,
        class,
        len,
        weak,
        clean,
        holes,
        kept,
    }
}

/// A region of prose above the body span that scores at least 1/`SPLIT_SHARE` of the span's
/// score (and [`MIN_SPAN_SCORE`]) is the article's beginning, cut off by a widget.
const SPLIT_SHARE: i64 = 20;

/// Fewest words of a standfirst line that is not prose by itself.
const STANDFIRST_WORDS: usize = 5;

/// A line that reads as part of a running text (`textual` in `analyse_counted`) is a sentence
/// (`sentence_end`, asked of every line once), or this: a lead-in to a list (ends with a
/// colon), or an enumeration (two or more ", ").
fn lead_in_or_enumeration(text: &str) -> bool {
    // (", " cannot overlap itself: its places are the commas a space follows, found by a byte
    // search for the comma, cheaper on a short line than a substring search.)
    let b = text.as_bytes();
    text.ends_with(':')
        || memchr::memchr_iter(b',', b)
            .filter(|&i| b.get(i + 1) == Some(&b' '))
            .nth(1)
            .is_some()
}

/// A body span scoring less than this (good characters minus bad ones) is too weak to judge
/// the page by: about two sentences of prose.
const MIN_SPAN_SCORE: i64 = 300;

/// Whether the short line `i` follows the body: the nearest non-blank line above it is good
/// (already smoothed), so a run of short sentences closing the article ("He declined to
/// comment.") stays with it. (Passing over short headings too, as far as the nearest sentence
/// or paragraph, was measured in session 31: 84 article lines lost on a page whose span grew
/// into a comparison's tail, against 17 back.)
fn short_sentence_run(class: &[Class], i: usize) -> bool {
    class[..i]
        .iter()
        .rev()
        .find(|c| **c != Class::Blank)
        .is_some_and(|c| *c == Class::Good)
}

/// Context smoothing, jusText's rules adapted to plain text, where paragraphs are lines and most
/// are shorter than jusText's "good" length: near-good lines support each other (a near-good line
/// is bad only between two bad ones), and short lines take the class of their context when both
/// sides agree, else they are bad.
fn smooth(free: &[Class], claimed: &[bool], sentences: &[bool]) -> Vec<Class> {
    let sentence = |i: usize| sentences[i];
    let mut class = free.to_vec();
    let (before, after) = context::neighbours(free, claimed);
    for (i, c) in free.iter().enumerate() {
        let (prev, next) = match c {
            Class::Short | Class::NearGood => (before[i], after[i]),
            _ => continue,
        };
        class[i] = match (c, prev, next) {
            (Class::Short, Class::Good, Class::Good) => Class::Good,
            (Class::Short, _, _) if sentence(i) && short_sentence_run(&class, i) => Class::Good,
            (Class::Short, _, _) => Class::Bad,
            (_, Class::Bad, Class::Bad) => Class::Bad,
            _ => Class::Good,
        };
    }
    class
}

/// What a line adds to the body span: good lines (and near-good ones, whatever their context:
/// an article of short paragraphs has no good line) their length, bad lines minus theirs and
/// [`BAD_LINE`], except a bad line that reads as part of a text (`textual`: a list item that
/// is a sentence, a list's lead-in, an enumeration, a bulleted clause with its stopwords), which
/// neither helps nor breaks the span.
fn weight(free: Class, class: Class, len: usize, textual: bool) -> i64 {
    match (free, class) {
        (_, Class::Good) | (Class::NearGood, _) => len as i64,
        (_, Class::Bad) if textual => 0,
        (_, Class::Bad) => -(len as i64) - BAD_LINE,
        _ => 0,
    }
}

/// The maximum-sum run of lines in `from..to` by their [`weight`]s, as (score, first, last);
/// `None` when no line adds anything.
fn best_span(weights: &[i64], from: usize, to: usize) -> Option<(i64, usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let (mut sum, mut start) = (0i64, from);
    for (i, &w) in weights.iter().enumerate().take(to).skip(from) {
        if sum <= 0 {
            if w <= 0 {
                continue;
            }
            sum = 0;
            start = i;
        }
        sum += w;
        if w > 0 && best.map_or(true, |(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best
}

#[cfg(test)]
mod byte_tests;
#[cfg(test)]
mod tests;
