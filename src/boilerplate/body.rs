//! The main-content model: finds the article body as a whole, not line by line, in the spirit of
//! jusText (Pomikálek 2011), on plain-text lines instead of HTML blocks.
//!
//! 1. **Context-free class** of every non-blank line from its length (characters; a Chinese or
//!    Japanese character counts as [`CJK_WEIGHT`]) and its stopword density in the document's
//!    language ([`super::stopwords`]): a line a form heuristic claimed is `Bad`; a short line
//!    (under [`LENGTH_LOW`]) is `Short`; a line with many stopwords is `Good` when long, else
//!    `NearGood`; the rest (long lines without function words: headline lists, menus, captions,
//!    name lists) are `Bad`.
//! 2. **Context smoothing**, jusText's rules: a run of short lines between two good lines is good,
//!    between two bad lines bad; near-good lines between two bad lines are bad, else good.
//! 3. **Body span**: the contiguous run of lines with the largest sum of good minus bad
//!    characters (a maximum-sum segment), so an article with a related list or a caption in its
//!    middle stays one span, while menus above and lists and footers below fall outside.
//! 4. **Headline**: the nearest title-like line above the body (a few words, no sentence end, not
//!    claimed as a byline, date, caption, prompt or menu), looking past bylines, dates and
//!    standfirsts only; none when nothing qualifies.
//!
//! Policy: lines outside the span are boilerplate (`outside-body`), except the headline; inside
//! the span only lines the smoothing leaves bad go (`non-prose`). Other layers use the span as the
//! article's extent: `cut-from` rules only fire below it, and cross-document repetition never
//! removes a line in it that reads as prose.

use super::stopwords::{bits, is_cjk, DocLang};
use super::Line;

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
}

impl Body {
    /// Whether line `i` lies in the body span.
    pub fn inside(&self, i: usize) -> bool {
        self.span.is_some_and(|(s, e)| s <= i && i <= e)
    }

    /// Whether line `i` reads as prose by itself (good or near-good before smoothing).
    pub fn prose(&self, i: usize) -> bool {
        matches!(self.free[i], Class::Good | Class::NearGood)
    }
}

/// Weighted length and stopword density of a line.
fn measure(text: &str, lang: DocLang) -> (usize, f32) {
    let (mut chars, mut cjk, mut kana, mut function) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if is_cjk(c) {
            cjk += 1;
            kana += usize::from(('\u{3040}'..='\u{309F}').contains(&c));
            function += usize::from(ZH_FUNCTION.contains(c));
        }
    }
    let len = chars - cjk + cjk * CJK_WEIGHT;
    if cjk * 2 > chars || lang == DocLang::Cjk && cjk > 0 {
        // Hiragana carries Japanese grammar (particles, endings); a few characters carry
        // Chinese grammar. Their share plays the stopwords' part.
        let density = (kana + 2 * function) as f32 / cjk.max(1) as f32;
        return (len, density);
    }
    let (mut words, mut stops) = (0usize, 0usize);
    for tok in text.split_whitespace() {
        let w = super::heuristics::bare(tok);
        if w.is_empty() {
            continue;
        }
        words += 1;
        stops += usize::from(lang.is_stop(bits(w)));
    }
    let density = if words == 0 {
        0.0
    } else {
        stops as f32 / words as f32
    };
    (len, density)
}

/// Common Chinese function characters (particles, pronouns, copula, prepositions).
const ZH_FUNCTION: &str = "的了是在和有不这也就都而及与着对为以个们我他她它说到之其被将从把所但并或又要会能";

/// Classifies the lines, smooths the classes and chooses the body span. `claimed` holds the form
/// heuristics' claims (evidence of boilerplate).
pub(crate) fn analyse(lines: &[Line<'_>], claimed: &[Option<&str>], lang: DocLang) -> Body {
    let n = lines.len();
    let mut free = vec![Class::Blank; n];
    let mut len = vec![0usize; n];
    for (i, l) in lines.iter().enumerate() {
        if l.text.is_empty() {
            continue;
        }
        let (chars, density) = measure(l.text, lang);
        len[i] = chars;
        free[i] = if claimed[i].is_some() || l.text.contains('\u{A9}') {
            Class::Bad
        } else if chars < LENGTH_LOW {
            Class::Short
        } else if density >= STOP_HIGH && chars > LENGTH_HIGH {
            Class::Good
        } else if density >= STOP_LOW {
            // Without a sentence end a line of this length is a heading or a link (headline
            // lists read like prose): context decides, as for short lines.
            if sentence_end(l.text) || chars > LENGTH_HIGH {
                Class::NearGood
            } else {
                Class::Short
            }
        } else if density >= STOP_SENTENCE && sentence_end(l.text) {
            // A sentence dense in names (sports results, lists of officials): context decides.
            Class::Short
        } else {
            Class::Bad
        };
    }
    let sentences: Vec<bool> = lines.iter().map(|l| sentence_end(l.text)).collect();
    let class = smooth(&free, &sentences);
    let span = best_span(&free, &class, &len);
    Body {
        span,
        free,
        class,
        len,
    }
}

/// The class of the nearest line before (`forward` false) or after `i` that is not short, near-good
/// counting as good; the document's edges count as bad.
fn neighbour(class: &[Class], i: usize, forward: bool) -> Class {
    let found = if forward {
        class[i + 1..].iter().find(|c| !matches!(c, Class::Short | Class::Blank))
    } else {
        class[..i].iter().rev().find(|c| !matches!(c, Class::Short | Class::Blank))
    };
    match found {
        Some(Class::Good | Class::NearGood) => Class::Good,
        _ => Class::Bad,
    }
}

/// Whether the short line `i` follows the body: the nearest line above it that is neither blank
/// nor a short non-sentence is good (already smoothed), so a run of short sentences closing the
/// article ("He declined to comment.") stays with it.
fn short_sentence_run(free: &[Class], class: &[Class], i: usize) -> bool {
    let _ = free;
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
fn smooth(free: &[Class], sentences: &[bool]) -> Vec<Class> {
    let sentence = |i: usize| sentences[i];
    let mut class = free.to_vec();
    for (i, c) in free.iter().enumerate() {
        let (prev, next) = match c {
            Class::Short | Class::NearGood => (neighbour(free, i, false), neighbour(free, i, true)),
            _ => continue,
        };
        class[i] = match (c, prev, next) {
            (Class::Short, Class::Good, Class::Good) => Class::Good,
            (Class::Short, _, _) if sentence(i) && short_sentence_run(free, &class, i) => {
                Class::Good
            }
            (Class::Short, _, _) => Class::Bad,
            (_, Class::Bad, Class::Bad) => Class::Bad,
            _ => Class::Good,
        };
    }
    class
}

/// The maximum-sum run of lines, good lines (and near-good ones, whatever their context: an
/// article of short paragraphs has no good line) counting their length, bad lines minus theirs
/// and [`BAD_LINE`]; `None` when no line is good or near-good.
fn best_span(free: &[Class], class: &[Class], len: &[usize]) -> Option<(usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let (mut sum, mut start) = (0i64, 0usize);
    for (i, c) in class.iter().enumerate() {
        let w = match (free[i], c) {
            (_, Class::Good) | (Class::NearGood, _) => len[i] as i64,
            (_, Class::Bad) => -(len[i] as i64) - BAD_LINE,
            _ => 0,
        };
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
    best.map(|(_, s, e)| (s, e))
}

/// Ends a sentence (after closing quotes and brackets).
pub(crate) fn sentence_end(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']', '*'])
        .ends_with(['.', '!', '?', '\u{2026}', ';', '\u{3002}', '\u{FF01}', '\u{FF1F}'])
}

/// A line that can be a headline: a few words, no sentence end.
pub(crate) fn title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    let size_ok = if cjk * 2 > text.chars().count() {
        (6..=80).contains(&cjk)
    } else {
        (3..=30).contains(&words)
    };
    let end = text
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']'])
        .chars()
        .next_back();
    let sentence_end = matches!(end, Some('.' | ':' | ';' | ',' | '\u{3002}' | '|' | '-'));
    let starts_upper_or_other = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    size_ok && !sentence_end && starts_upper_or_other && text.chars().any(char::is_alphabetic)
}

/// How many non-blank lines above the body the headline may sit.
const TITLE_WINDOW: usize = 20;

/// Claims that do not rule a line out as the headline: the list and label heuristics take a
/// headline sitting under a "Latest news" list or a section word for one more item.
const WEAK_CLAIMS: &[&str] = &["related-list", "dated-list", "section-label", "repeated-title"];

/// The headline: the best title-like line at most [`TITLE_WINDOW`] non-blank lines above the
/// body's first prose line (claimed lines other than [`WEAK_CLAIMS`] never qualify). A candidate
/// scores its words (up to 15: headlines are longer than menu items and labels), more with a
/// byline or a date in the four lines under it and with prose (a standfirst, the body) right
/// under it, less the further it is from the body. `None` when no candidate scores enough.
pub(crate) fn headline(lines: &[Line<'_>], claimed: &[Option<&str>], body: &Body) -> Option<usize> {
    let (start, end) = body.span?;
    // The first line of the span that is prose by itself: the headline is above it.
    let first = (start..=end).find(|&i| body.class[i] == Class::Good && body.prose(i))?;
    let above: Vec<usize> = (0..first)
        .rev()
        .filter(|&i| !lines[i].text.is_empty())
        .take(TITLE_WINDOW)
        .collect();
    let candidate = |i: usize| {
        claimed[i].map_or(true, |c| WEAK_CLAIMS.contains(&c))
            && title_like(lines[i].text)
            && !body.prose(i)
    };
    let mut best: Option<(f32, usize)> = None;
    for (n, &i) in above.iter().enumerate() {
        if !candidate(i) {
            continue;
        }
        // `above` runs upwards: the lines under above[n] are above[n-1], above[n-2], ...
        let under = |k: usize| above[n.saturating_sub(k)..n].iter().rev().copied();
        let dated = under(4).any(|j| matches!(claimed[j], Some("byline" | "timestamp")));
        let prose_next = n == 0 || body.prose(above[n - 1]);
        let text = lines[i].text;
        let cjk = text.chars().filter(|&c| is_cjk(c)).count();
        let words = text.split_whitespace().count().max(cjk / 3).min(15);
        let score = words as f32 + if dated { 8.0 } else { 0.0 } + if prose_next { 5.0 } else { 0.0 }
            - 0.7 * n as f32;
        if best.map_or(true, |(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.filter(|&(score, _)| score >= MIN_TITLE_SCORE).map(|(_, i)| i)
}

/// The least score of a headline (a five-word line right above the body scores 10).
const MIN_TITLE_SCORE: f32 = 6.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::lines_with_offsets;

    fn lines(text: &str) -> Vec<Line<'_>> {
        lines_with_offsets(text)
            .map(|(at, l)| Line {
                range: (at, at + l.len()),
                text: l.trim(),
            })
            .collect()
    }

    const P1: &str = "The government said on Monday that it would raise the minimum wage by ten percent next year, a move that unions had demanded for months.";
    const P2: &str = "Opposition parties criticised the plan, saying that it came too late and that it would not be enough for the families who have been hit hardest.";
    const P3: &str = "The finance minister is expected to present the details of the budget to the parliament in the second week of the coming month.";

    #[test]
    fn menus_outside_body_inside() {
        let text = format!(
            "Home\nNews\nSport\nWeather\n\nWage rise announced for next year\n\n{P1}\n\nA subheading\n\n{P2}\n\n{P3}\n\nMost popular\nCelebrity wedding photos from the weekend in the capital city\nAnother headline about a football match in the league\nContact us\nPrivacy"
        );
        let ls = lines(&text);
        let claimed = vec![None; ls.len()];
        let lang = super::super::stopwords::identify(ls.iter().map(|l| l.text));
        let b = analyse(&ls, &claimed, lang);
        let (s, e) = b.span.unwrap();
        assert_eq!(ls[s].text, P1);
        assert_eq!(ls[e].text, P3);
        assert_eq!(b.class[s + 2], Class::Good, "a short line between body lines is body");
        assert_eq!(headline(&ls, &claimed, &b), Some(5));
    }

    #[test]
    fn no_prose_no_span() {
        let ls = lines("Home\nNews\nSport");
        let b = analyse(&ls, &[None, None, None], DocLang::Listed(0));
        assert_eq!(b.span, None);
        assert_eq!(headline(&ls, &[None, None, None], &b), None);
    }

    #[test]
    fn title_like_cases() {
        let cases = [
            ("headline", "Wage rise announced for next year", true),
            ("question", "Will the wage rise come in time?", true),
            ("sentence", "The wage rise was announced today.", false),
            ("one word", "Weather", false),
            ("lowercase start", "skip to content now please", false),
            ("japanese", "東京都が新しい計画を発表", true),
        ];
        for (name, text, want) in cases {
            assert_eq!(title_like(text), want, "case {name}");
        }
    }
}
