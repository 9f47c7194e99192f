//! The page title as evidence for the headline. A page converted from HTML starts with its
//! `<title>` ("Headline | Site", "Site - Headline"), and the article prints the headline again,
//! alone, next to the body.
//!
//! Policy:
//! - The title's parts lie between separators ([`TITLE_SEPARATORS`]). A part is the *site's*
//!   when it is a domain or a short part the page's last lines spell (the copyright line, the
//!   footer's logo): a run of site parts is never the headline, and the run after a site part
//!   may be as short as two words ("jungle.world - Das Phantom").
//! - A line is a *copy* of the title when its letters and digits (case and punctuation aside)
//!   spell one of the title's forms; a *loose copy* when its words are the first three fifths
//!   or more of a form ("Headline Rezept | Site"), go on where the title was cut ("..."), or
//!   differ from a form by one word. Loose copies count only when no line is a copy.
//! - A page title with separators that shares no word with the layout's pick says that pick is
//!   some other line (a menu, a teaser, a widget): then no headline rather than a wrong one.
//!   Only a title with a part of [`MIN_BARE_TITLE_WORDS`] words or more says so: one of short
//!   parts only ("The Acme Times - Article", "acme.com :: News") names the site and the page's
//!   type, not the headline. (Measured: 8 more headlines right of 597 on the first build of
//!   the L3S-GN1 news set, 1 on the fundus set, 3 right and 3 wrong more on trafilatura's (one
//!   of its `without` snippets, a kicker, kept as the headline), 1 and 1 on the second set; 3
//!   article lines back, 2 boilerplate lines kept.) Nor does it when a byline or a date signs
//!   the pick: the title then names the site and its section ("Acme Daily News of Riverton -
//!   Arts"). (Measured: 10 more headlines right on L3S-GN1, 5 of them on its fold B, which
//!   nobody looked at; 1 more on fundus, 1 right and 1 wrong more on WCXB, 2 wrong more on
//!   trafilatura's set; 4 article lines back and 3 boilerplate lines kept.)

use super::{any_byline, skip_link, WEAK_CLAIMS};
use crate::boilerplate::body::form::{
    dateish, first_letter, letters, list_item, page_title_line, title_like,
};
use crate::boilerplate::body::Body;
use crate::boilerplate::claim::Claim;
use crate::boilerplate::line::Line;
use crate::boilerplate::stopwords::is_cjk;

/// Separators between a page title's parts ("Headline | Site", "Site » Section » Headline").
const TITLE_SEPARATORS: [&str; 12] = [
    " | ",
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    " :: ",
    " : ",
    " \u{B7} ",
    " \u{2022} ",
    " \u{AB} ",
    " \u{BB} ",
    " \u{203A} ",
    " > ",
];

/// The fewest words of a page title's form that does not start it (or is the whole title
/// without separators) for its copy to be the headline: a site's name ("Fox News", "Log in")
/// heads many pages converted from HTML.
const MIN_BARE_TITLE_WORDS: usize = 4;

/// The most parts a page title has ("Headline | Section | Site"); a line of more is a menu.
const MAX_TITLE_PARTS: usize = 8;

/// How many non-blank lines above the body's first prose line a copy of the page title may be
/// the headline (further up, only a copy of a form of [`MIN_BARE_TITLE_WORDS`] words: a
/// shorter one is as often a logo or a menu's line).
const COPY_WINDOW: usize = 40;

/// How many non-blank lines over a copy of the page title another copy may stand to be the
/// headline over its standfirst.
const STACKED_WITHIN: usize = 2;

/// The fewest letters and digits of a page title's form (a shorter part is a site's initials).
const MIN_FORM_CHARS: usize = 8;

/// How many of the page's last non-blank lines may spell a site's part of the title (the
/// copyright line).
const TAIL_LINES: usize = 15;

/// The most words of a site's part of the title.
const MAX_SITE_WORDS: usize = 5;

/// The most words of a last copyright line that may spell a site's part ("© 2020 Acme Media
/// GmbH, Frankfurt am Main").
const MAX_TAIL_WORDS: usize = 12;

/// The fewest words of a loose copy (shorter lines are menu items and labels).
const MIN_LOOSE_WORDS: usize = 3;

/// The fewest words of a form or line that may differ from the other by one word (a shorter
/// line of one word fewer is a section's or a topic's name: "Auto leasen oder kaufen").
const MIN_EDITED_WORDS: usize = 5;

/// How many non-blank lines above the body's first prose line a copy of a short page title
/// (one of fewer than [`MIN_BARE_TITLE_WORDS`] words, or a form of one word) may stand to be
/// the headline: right over the body, not in the menu or the logo further up.
const SHORT_COPY_WINDOW: usize = 3;

/// Claims a copy of the page title may have besides the headline's [`WEAK_CLAIMS`]: the
/// list, label and byline heuristics take a headline for one of theirs (a headline under a
/// breadcrumb, over an author's line).
const COPY_ALSO: &[Claim] = &[Claim::LinkList, Claim::Byline, Claim::Prompt, Claim::Tags];

/// Whether a line with claim `c` may still be a copy of the page title.
fn copy_claim(c: Claim) -> bool {
    WEAK_CLAIMS.contains(&c) || COPY_ALSO.contains(&c)
}

/// One form of the page title: a run of its parts.
struct Form {
    /// Letters and digits, lowercased: its words' run together.
    letters: String,
    /// Where each of its words (as its letters and digits) ends in `letters` (one string for
    /// all: a page title is read for every document).
    ends: Vec<usize>,
    /// The whole first line: its copy must read as a headline (not a caption or a notice
    /// printed twice).
    whole: bool,
    /// Ends in an ellipsis: the title was cut short, a copy goes on.
    cut: bool,
    /// Starts the title (the headline side of "Headline - Subtitle | Site").
    starts: bool,
}

/// The page title on the document's first non-blank line, as forms a copy may spell.
pub(super) struct PageTitle {
    /// The title's line.
    top: usize,
    forms: Vec<Form>,
    /// The title has separators and no full stop at its end: the page's own title, not a
    /// heading printed first or a wire story's headline line ("Acme Corp - forecast.").
    separated: bool,
    /// Its words of three letters or more.
    words: Vec<String>,
    /// The whole title as letters and digits when it has fewer than [`MIN_BARE_TITLE_WORDS`]
    /// words (no form: a site's name as often as a headline), for [`SHORT_COPY_WINDOW`].
    short_whole: Option<String>,
    /// The first letters of the forms' first and second words, then of their first words
    /// alone: what a loose copy's first two words start with ([`PageTitle::may_lead`]).
    leads: (Vec<char>, Vec<char>),
    /// The first letters of the forms: what a copy's first letter is ([`first_letter`]).
    firsts: Vec<char>,
}

/// Fewest parts of a first line read as a menu rather than a page title ([`PageTitle::read`]).
const MENU_PARTS: usize = 3;

impl PageTitle {
    /// The page title of `lines`: `None` when the first line is too long or has too many parts
    /// to be one (its forms are every run of parts: quadratic in them).
    pub(super) fn read(lines: &[Line<'_>]) -> Option<PageTitle> {
        let (top, title) = page_title_line(lines)?;
        let cuts = separator_cuts(title);
        let mut bounds = vec![0];
        for (a, b) in cuts {
            // (Overlapping separators, " - " in " -- ", cut once.)
            if a >= *bounds.last().unwrap_or(&0) {
                bounds.extend([a, b]);
            }
        }
        bounds.push(title.len());
        let parts: Vec<(usize, usize)> = bounds.chunks(2).map(|c| (c[0], c[1])).collect();
        if parts.len() > MAX_TITLE_PARTS {
            return None;
        }
        // A menu on the first line ("Home | News | Sport | Weather": text pasted from a page,
        // not the converter's page title) is no page title: three parts or more, none of more
        // than two words.
        if parts.len() >= MENU_PARTS
            && parts
                .iter()
                .all(|&(a, b)| title[a..b].split_whitespace().nth(2).is_none())
        {
            return None;
        }
        let separated = parts.len() > 1 && !title.ends_with('.');
        let site: Vec<bool> = if parts.len() > 1 {
            let tail: Vec<String> = lines
                .iter()
                .rev()
                .filter(|l| !l.text.is_empty())
                .take(TAIL_LINES)
                // (A long line there is the article's or a teaser's, and a footer's links name
                // the site's pages: only a short copyright line names the site.)
                .filter(|l| {
                    l.text.split_whitespace().nth(MAX_TAIL_WORDS).is_none() && copyright(l.text)
                })
                .map(|l| letters(l.text).collect())
                .collect();
            // A site's name stands at either end of the title.
            let last = parts.len() - 1;
            parts
                .iter()
                .enumerate()
                .map(|(k, &(a, b))| (k == 0 || k == last) && site_part(&title[a..b], &tail))
                .collect()
        } else {
            vec![false]
        };
        let bare = |t: &str| t.split_whitespace().nth(MIN_BARE_TITLE_WORDS - 1).is_some();
        // (One form at most per run of parts: room for all at once.)
        let mut forms = Vec::with_capacity(parts.len() * (parts.len() + 1) / 2);
        for (k, &(from, _)) in parts.iter().enumerate() {
            for (j, &(_, to)) in parts.iter().enumerate().skip(k) {
                let form = &title[from..to];
                let whole = k == 0 && to == title.len();
                // A run of the site's parts is no headline, unless every part is (then the
                // tail did not tell the site apart).
                if site[k..=j].iter().all(|&s| s) && !site.iter().all(|&s| s) {
                    continue;
                }
                // A run of parts from the start is the headline side ("Headline | Site"); one
                // further on must be longer than a site's name ("Site | Headline"), unless a
                // site's part stands before it.
                // (A part after the site's and before the last is a section: "Site - Section -
                // Headline".)
                let after_site =
                    k > 0 && site[..k].iter().all(|&s| s) && site[j + 1..].iter().all(|&s| s);
                if (k == 0 && !whole) || bare(form) || after_site {
                    let (letters, ends) = spelled(form);
                    forms.push(Form {
                        letters,
                        ends,
                        whole,
                        cut: form.ends_with("...") || form.ends_with('\u{2026}'),
                        starts: k == 0,
                    });
                }
            }
        }
        forms.retain(|f| f.letters.chars().count() >= MIN_FORM_CHARS);
        let short_whole = (!bare(title))
            .then(|| letters(title).collect::<String>())
            .filter(|l| l.chars().count() >= MIN_FORM_CHARS);
        let initial = |f: &Form, k: usize| f.word(k).and_then(|w| w.chars().next());
        let mut leads: (Vec<char>, Vec<char>) = (
            forms
                .iter()
                .flat_map(|f| [initial(f, 0), initial(f, 1)])
                .flatten()
                .collect(),
            forms.iter().filter_map(|f| initial(f, 0)).collect(),
        );
        let mut firsts: Vec<char> = forms
            .iter()
            .filter_map(|f| f.letters.chars().next())
            .collect();
        for v in [&mut leads.0, &mut leads.1, &mut firsts] {
            v.sort_unstable();
            v.dedup();
        }
        Some(PageTitle {
            top,
            forms,
            short_whole,
            leads,
            firsts,
            separated,
            // (Only a title with separators and a part long enough for a headline is compared
            // word by word: see `unrelated`.)
            words: if separated && parts.iter().any(|&(a, b)| bare(&title[a..b])) {
                words(title)
                    .into_iter()
                    .filter(|w| w.chars().count() >= 3)
                    .collect()
            } else {
                Vec::new()
            },
        })
    }

    /// The headline the page title points to, with the body's first prose line `first` and
    /// the span's last line `end`: the last copy at most [`COPY_WINDOW`] non-blank lines above
    /// `first` (a site's name as a logo stands further up), else the first copy in the span
    /// when more of the span's prose lies under it than above (a span that starts too early;
    /// further down, a copy is a quote or a teaser); then the same with loose copies; then a
    /// copy of a long form further up (a span that starts too late). `None` without one: then
    /// the layout decides.
    pub(super) fn copy(
        &self,
        lines: &[Line<'_>],
        claimed: &[Option<Claim>],
        body: &Body,
        first: usize,
        end: usize,
    ) -> Option<usize> {
        if self.forms.is_empty() {
            return self.short_copy(lines, claimed, first);
        }
        let short = self.forms.iter().map(|f| f.letters.len()).min()?;
        let long = self.forms.iter().map(|f| f.letters.len()).max()?;
        // The cheap tests first: `copy_form` asks for dates, bylines and list items, and the
        // search below runs over the whole span (measured: with `copy_form` and the word list
        // first, this search cost as much as the rest of the stage).
        let fits = |i: usize| {
            // (A form's letters are at most its line's bytes, and at least a third of them.)
            lines[i].text.len() <= 3 * long + 16 && claimed[i].map_or(true, copy_claim)
        };
        let exact = |i: usize| {
            let text = lines[i].text;
            // The letters are compared as they come: most lines differ at the first.
            text.len() >= short
                && fits(i)
                && first_letter(text).is_some_and(|c| self.firsts.contains(&c))
                && self
                    .forms
                    .iter()
                    .any(|f| letters(text).eq(f.letters.chars()) && (!f.whole || title_like(text)))
                && copy_form(text)
        };
        let loose = |i: usize| {
            let text = lines[i].text;
            // (Every word of `words` is a whitespace-separated word.)
            // (The first words' test before the count of words: most lines fail it.)
            fits(i)
                && self.may_lead(initials(text))
                && {
                    let lead = lead_words(text);
                    self.forms.iter().any(|f| may_loosely(lead, f))
                }
                && text.split_whitespace().nth(MIN_LOOSE_WORDS - 1).is_some()
                && {
                    // (The words as one string and their ends, `words` without a string each.)
                    let (all, ends) = spelled(text);
                    let ws = at_ends(&all, &ends);
                    ws.len() >= MIN_LOOSE_WORDS
                        && self
                            .forms
                            .iter()
                            .any(|f| loosely(&ws, f) && (!f.whole || title_like(text)))
                }
                && copy_form(text)
        };
        let nonblank = |i: &usize| !lines[*i].text.is_empty();
        let base = first.max(self.top);
        // A copy of a form that starts the title over a copy of one that does not ("Headline -
        // Subtitle" printed as two lines): the upper is the headline, the lower its standfirst.
        // (A form of two words there is a section's name: "Opinion - Headline".)
        let spells = |i: usize, starts: bool| {
            self.forms.iter().any(|f| {
                f.starts == starts
                    && (!starts || f.ends.len() >= MIN_LOOSE_WORDS)
                    && letters(lines[i].text).eq(f.letters.chars())
            })
        };
        let near = |m: &dyn Fn(usize) -> bool| {
            // (Room for the window at once, not grown from a filter.)
            let mut window: Vec<usize> = Vec::with_capacity(COPY_WINDOW);
            window.extend(
                (self.top + 1..=first)
                    .rev()
                    .filter(nonblank)
                    .take(COPY_WINDOW),
            );
            let at = window.iter().position(|&i| m(i))?;
            let i = window[at];
            let headline = (!spells(i, true) && spells(i, false))
                .then(|| {
                    window[at + 1..]
                        .iter()
                        .take(STACKED_WITHIN)
                        .copied()
                        .find(|&j| m(j) && spells(j, true))
                })
                .flatten();
            Some(headline.unwrap_or(i))
        };
        let prose = |i: usize| if body.prose(i) { body.len[i] } else { 0 };
        // A span that starts too early (a cookie notice, a teaser or a standfirst read as
        // prose above the headline, or the page title itself): the first copy in its first half.
        // (The search stops where the prose above reaches half: no copy further down counts.)
        let down = |m: &dyn Fn(usize) -> bool| {
            let total: usize = (base..=end).map(prose).sum();
            let mut above = prose(base);
            for i in base + 1..end {
                if 2 * above >= total {
                    return None;
                }
                if m(i) {
                    return Some(i);
                }
                above += prose(i);
            }
            None
        };
        let far = |i: usize| {
            let text = lines[i].text;
            exact(i)
                && self.forms.iter().any(|f| {
                    !f.whole
                        && f.ends.len() >= MIN_BARE_TITLE_WORDS
                        && letters(text).eq(f.letters.chars())
                })
        };
        near(&exact)
            .or_else(|| down(&exact))
            .or_else(|| near(&loose))
            .or_else(|| down(&loose))
            .or_else(|| (self.top + 1..first).rev().find(|&i| far(i)))
            .or_else(|| self.short_copy(lines, claimed, first))
    }

    /// The headline a short page title gives: the last exact copy of the whole title of
    /// fewer than [`MIN_BARE_TITLE_WORDS`] words, or of a form of one word, among the
    /// [`SHORT_COPY_WINDOW`] non-blank lines over the body's first prose line `first` (and
    /// that line). A short title is as often the site's name, printed as a logo or a menu's
    /// item further up; right over the body it names the article ("Impressum", a one-word
    /// blog post).
    fn short_copy(
        &self,
        lines: &[Line<'_>],
        claimed: &[Option<Claim>],
        first: usize,
    ) -> Option<usize> {
        let keys: Vec<&str> = self
            .short_whole
            .iter()
            .map(String::as_str)
            .chain(
                self.forms
                    .iter()
                    .filter(|f| f.ends.len() == 1)
                    .map(|f| f.letters.as_str()),
            )
            .collect();
        if keys.is_empty() {
            return None;
        }
        (self.top + 1..=first)
            .rev()
            .filter(|&i| !lines[i].text.is_empty())
            .take(SHORT_COPY_WINDOW + 1)
            .find(|&i| {
                let text = lines[i].text;
                claimed[i].map_or(true, copy_claim)
                    && keys.iter().any(|k| letters(text).eq(k.chars()))
                    && short_form(text)
            })
    }

    /// A necessary condition of [`may_loosely`] for some form, on the first letters of the
    /// line's first two words ([`initials`]): most lines fail it at their first letter, before
    /// any word is split off.
    fn may_lead(&self, (a, b): (Option<char>, Option<char>)) -> bool {
        a.is_some_and(|c| self.leads.0.contains(&c)) || b.is_some_and(|c| self.leads.1.contains(&c))
    }

    /// Whether the page title, having separators, shares no word of three letters or more
    /// with `text` (a word of four or more may be part of one of the title's: compounds), not
    /// compared for CJK text (no spaces between its words).
    pub(super) fn unrelated(&self, text: &str) -> bool {
        self.separated
            && !self.words.is_empty()
            && !text.chars().any(is_cjk)
            && !words(text).iter().any(|w| {
                self.words.contains(w)
                    || w.chars().count() >= 4 && self.words.iter().any(|t| t.contains(w.as_str()))
            })
    }
}

impl Form {
    /// Its `k`th word, as its letters and digits.
    fn word(&self, k: usize) -> Option<&str> {
        let end = *self.ends.get(k)?;
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        Some(&self.letters[start..end])
    }

    /// Its words, each as its letters and digits.
    fn words(&self) -> Vec<&str> {
        at_ends(&self.letters, &self.ends)
    }
}

/// Whether the words `ws` of a line loosely spell the form `f`: its first three fifths or more
/// (a title with a word after the headline, "Headline Rezept | Site"), more than a title cut
/// short with an ellipsis, or one word more or fewer (an editor's word).
fn loosely(ws: &[&str], f: &Form) -> bool {
    let fw = f.words();
    let n = fw.len();
    let prefix = ws.len() < n && 5 * ws.len() >= 3 * n && fw.starts_with(ws);
    // The cut title's last word may be cut too.
    let cut = f.cut && n > MIN_LOOSE_WORDS && ws.len() >= n && ws.starts_with(&fw[..n - 1]);
    let (short, longer) = if ws.len() < n {
        (ws, &fw[..])
    } else {
        (&fw[..], ws)
    };
    // (A word of digits alone is a date or a count printed with the headline.)
    let one_word = longer.len() == short.len() + 1
        && short.len() >= MIN_EDITED_WORDS
        && (0..longer.len()).any(|k| {
            longer[..k] == short[..k]
                && longer[k + 1..] == short[k..]
                && longer[k].chars().any(char::is_alphabetic)
        });
    prefix || cut || one_word
}

/// A necessary condition of [`loosely`] on the line's words, read without building them:
/// every loose copy shares its first word with the form's first, or its second word is the
/// form's first (a word added in front), or its first is the form's second (a word dropped in
/// front).
fn may_loosely((a, b): (Option<&str>, Option<&str>), f: &Form) -> bool {
    let same = |w: Option<&str>, k: usize| match (w, f.word(k)) {
        (Some(w), Some(t)) => letters(w).eq(t.chars()),
        _ => false,
    };
    same(a, 0) || same(b, 0) || same(a, 1)
}

/// Where the page title's separators ([`TITLE_SEPARATORS`]) stand, as byte ranges in order, as
/// each separator's own non-overlapping search finds them (one pass over the title's spaces,
/// not one search per separator).
fn separator_cuts(title: &str) -> Vec<(usize, usize)> {
    let mut ends = [0usize; TITLE_SEPARATORS.len()];
    let mut cuts = Vec::new();
    for (at, _) in title.match_indices(' ') {
        let rest = &title[at..];
        // (Every separator's mark is no letter or digit: most spaces start a word.)
        if rest
            .as_bytes()
            .get(1)
            .is_some_and(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        for (k, sep) in TITLE_SEPARATORS.iter().enumerate() {
            if at >= ends[k] && rest.starts_with(sep) {
                ends[k] = at + sep.len();
                cuts.push((at, at + sep.len()));
            }
        }
    }
    cuts
}

/// Whether `text` is a copyright line: "© 2020 Acme Media", "Copyright 2019 Acme", "All
/// rights reserved".
fn copyright(text: &str) -> bool {
    let low = text.to_lowercase();
    [
        "\u{A9}",
        "(c)",
        "copyright",
        "rights reserved",
        "rechte vorbehalten",
        "droits réservés",
    ]
    .iter()
    .any(|k| low.contains(k))
}

/// Whether a part of the page title is the site's: a domain, or a short part the page's last
/// copyright lines (`tail`, as letters and digits) spell.
fn site_part(part: &str, tail: &[String]) -> bool {
    let domain = !part.contains(char::is_whitespace)
        && part.rsplit_once('.').is_some_and(|(a, b)| {
            !a.is_empty() && b.len() >= 2 && b.chars().all(|c| c.is_ascii_alphabetic())
        });
    let key: String = letters(part).collect();
    domain
        || part.split_whitespace().count() <= MAX_SITE_WORDS
            && key.chars().count() >= 3
            && tail.iter().any(|t| t.contains(&key))
}

/// What a copy of a short page title may look like: [`copy_form`] but for its words (one
/// will do), starting with an uppercase letter or a digit (a menu's items are often lowercase).
fn short_form(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase())
        && !list_item(text)
        && !dateish(text)
        && !skip_link(text)
        && !any_byline(text)
        && !text.ends_with(':')
}

/// What a copy of the page title may look like: two to 30 words (or a CJK line), not a list
/// item, date, skip link, byline or label.
fn copy_form(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    (words >= 2 || cjk >= 4)
        && words <= 30
        && !list_item(text)
        && !dateish(text)
        && !skip_link(text)
        && !any_byline(text)
        && !text.ends_with(':')
}

/// The words of `text`, each as its letters and digits (words of none dropped).
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| letters(w).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

mod spelling;

use spelling::{at_ends, initials, lead_words, spelled};
#[cfg(test)]
use spelling::{initials_of_chars, lead_words_of_chars, spelled_of_words};

#[cfg(test)]
mod prefilter_tests;
