//! Widget lines the opening-phrase rules miss because their mark is not where the line opens: a
//! caption whose photo credit closes it ("... sought treatment Credit: EPA", "... in 2016.
//! Credit Hiroko Masuike/The New York Times", "... Villa Parku. | Foto: Reuters"), and the
//! newsletter box ("Pick Six Newsletter", "Get the latest updates in your inbox. Subscribe to
//! our newsletters.", "Jetzt zum kostenlosen Newsletter anmelden").
//!
//! Policy: decided from the line's form and a few generic words in the common languages of the
//! web, never from a site's strings. A credit is a caption label (the multilingual
//! `CAPTION_LABELS`, "credit") after a sentence end or a `|` (or "Credit" capitalised anywhere),
//! then a colon and a short name without a sentence in it, closing a line no longer than a
//! caption. A newsletter line names the newsletter (the word, borrowed by most European
//! languages) and is either a short label without a sentence end or a short offer with a
//! sign-up word ("sign up", "subscribe", "inbox", "abonnieren", "inscrivez") or the site's own
//! "our"; a sentence about a newsletter in an article has neither.

use crate::boilerplate::claim::Claim;
#[cfg(test)]
use crate::boilerplate::guarded::contains_ascii_ci;

use super::features::{terminal, Doc, Feat};
use super::line_rules::section_path;
use super::options::HeuristicOptions;
use super::web_vocabulary::{
    CAPTION_LABELS, CAPTION_LABELS_EN, COMMENT_LOGIN, COMMENT_POLICY, COMMENT_STEMS,
    NEWSLETTER_CUES, NEWSLETTER_WORDS, SITE_VOICE,
};

/// A caption closed by a credit has at most this many words.
const CAPTION_WORDS: usize = 60;

/// The credit after its label has at most this many words (a name, an agency, "X for Y").
const CREDIT_WORDS: usize = 10;

/// A credit and its label sit in the line's last this many bytes.
const CREDIT_BYTES: usize = 160;

/// A newsletter label (a heading, a button) has at most this many words.
const LABEL_WORDS: usize = 6;

/// A newsletter offer has at most this many words.
const OFFER_WORDS: usize = 30;

/// A comment form's prompt or policy line has at most this many words.
const COMMENT_WORDS: usize = 30;

/// Claims the captions closed by a credit (`caption`) and the newsletter lines (`prompt`) among
/// the unclaimed lines, each under its heuristic's switch.
pub(super) fn claim_widgets(
    opts: &HeuristicOptions,
    doc: &Doc<'_, '_>,
    claimed: &mut [Option<Claim>],
) {
    for &i in &doc.nonblank {
        if claimed[i].is_some() {
            continue;
        }
        let (text, f) = (doc.text(i), &doc.feats[i]);
        if opts.caption && credit_tail(text, f) {
            claimed[i] = Some(Claim::Caption);
            continue;
        }
        if !(1..=OFFER_WORDS.max(COMMENT_WORDS)).contains(&f.words) {
            continue;
        }
        let b = text.as_bytes();
        if opts.prompt && has_word(b, b"newsletter", 2) && newsletter_marked(text, f) {
            claimed[i] = Some(Claim::Prompt);
        } else if opts.comments && names_comments(b) && comment_marked(text, f) {
            claimed[i] = Some(Claim::Comments);
        }
    }
}

/// Whether `b` holds `word` (lowercase ASCII) in any ASCII case, found by its byte at `at`
/// (a rare one: `w` of "newsletter"), searched in both cases at once (`memchr2`): a line is
/// scanned at vector speed, most have no such byte.
fn has_word(b: &[u8], word: &[u8], at: usize) -> bool {
    let c = word[at];
    memchr::memchr2_iter(c, c.to_ascii_uppercase(), b).any(|p| {
        p >= at
            && b.get(p - at..p - at + word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

/// Whether `b` holds one of the [`COMMENT_STEMS`] in any ASCII case, found by their `m`: the
/// third letter after an `o` ("comment", "kommentar", "comentar"), the fifth after a `u`
/// ("yorum"); the `m`s of the line are searched once, most are rejected by the letter before.
fn names_comments(b: &[u8]) -> bool {
    let stem_at = |p: usize, at: usize| {
        p >= at
            && COMMENT_STEMS.iter().any(|s| {
                s.as_bytes().get(at) == Some(&b'm')
                    && b.get(p - at..p - at + s.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(s.as_bytes()))
            })
    };
    memchr::memchr2_iter(b'm', b'M', b).any(|p| match p.checked_sub(1).map(|k| b[k] | 0x20) {
        Some(b'o') => stem_at(p, 2),
        Some(b'u') => stem_at(p, 4),
        _ => false,
    })
}

/// A run of counted items has at least this many lines.
const COUNT_RUN: usize = 3;

/// A counted item has at most this many words.
const COUNT_ITEM_WORDS: usize = 8;

/// Claims the runs of counted items, a blog's category or archive widget ("Akhlaq (47)",
/// "November 2019 (12)", "@font-face (9)"): [`COUNT_RUN`] non-blank lines in a row or more,
/// each a short label closed by a bracketed count (no year: "Common problems (2011)" is a
/// title): `link-list`.
pub(super) fn claim_count_lists(
    opts: &HeuristicOptions,
    doc: &Doc<'_, '_>,
    claimed: &mut [Option<Claim>],
) {
    if !opts.link_list {
        return;
    }
    let nonblank = &doc.nonblank;
    let mut n = 0;
    while n < nonblank.len() {
        let item = |k: usize| {
            let i = nonblank[k];
            claimed[i].is_none() && counted_item(doc.text(i), &doc.feats[i])
        };
        let mut end = n;
        while end < nonblank.len() && item(end) {
            end += 1;
        }
        if end - n >= COUNT_RUN {
            for &i in &nonblank[n..end] {
                claimed[i] = Some(Claim::LinkList);
            }
        }
        n = end.max(n + 1);
    }
}

/// A short label closed by a bracketed count that is no year: "Akhlaq (47)".
pub(super) fn counted_item(text: &str, f: &Feat) -> bool {
    let t = text.trim_end();
    if f.words > COUNT_ITEM_WORDS || !t.ends_with(')') {
        return false;
    }
    let Some(open) = t.rfind('(') else {
        return false;
    };
    let count = &t[open + 1..t.len() - 1];
    let label = t[..open].trim_end();
    let year = count.len() == 4 && (count.starts_with("19") || count.starts_with("20"));
    (1..=6).contains(&count.len())
        && count.bytes().all(|b| b.is_ascii_digit())
        && !year
        && label.len() < open
        && label.chars().any(char::is_alphanumeric)
        && !terminal(label)
}

/// Whether a credit closes the caption `text`: "<caption> Credit: <name>", "<sentence>. Photo:
/// <name>", "<caption> | Foto: <name>", "<sentence>. Credit <Name> for <Paper>".
pub(super) fn credit_tail(text: &str, f: &Feat) -> bool {
    if f.words > CAPTION_WORDS || f.words < 3 {
        return false;
    }
    let t = text.trim_end();
    // A credit ends the line without a sentence end (most prose lines stop here).
    if t.ends_with(['.', '!', '?', ';']) {
        return false;
    }
    // The credit is in the line's last bytes: the searches look there only.
    let mut from = t.len().saturating_sub(CREDIT_BYTES);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    // A colon after a label: the last colon of the line (the credit is last).
    // (`：` ends in the byte 0x9A, which no ASCII character is.)
    let colon = memchr::memrchr2_iter(b':', 0x9A, &t.as_bytes()[from..])
        .map(|p| from + p)
        .find(|&p| {
            t.as_bytes()[p] == b':' || t.is_char_boundary(p + 1) && t[..=p].ends_with('\u{FF1A}')
        })
        .map(|p| if t.as_bytes()[p] == b':' { p } else { p - 2 });
    if let Some(p) = colon {
        let colon_len = t[p..].chars().next().map_or(1, char::len_utf8);
        if credit_name(&t[p + colon_len..]) && labelled(&t[..p]) {
            return true;
        }
    }
    // "... coated in slush. Credit Hiroko Masuike/The New York Times": "Credit" capitalised
    // after a sentence end, a capitalised name after it.
    // (A search for the capital `C`, checked for the word: no searcher built per line.)
    for at in memchr::memchr_iter(b'C', &t.as_bytes()[from..]).map(|k| from + k) {
        if !t[at..].starts_with("Credit ") {
            continue;
        }
        let before = t[..at].trim_end();
        let rest = &t[at + "Credit ".len()..];
        if before.len() < at
            && sentence_end(before)
            && rest.chars().next().is_some_and(char::is_uppercase)
            && credit_name(rest)
        {
            return true;
        }
    }
    false
}

/// The credit after its label: a few words, no sentence in it, not the end of a sentence.
fn credit_name(rest: &str) -> bool {
    let r = rest.trim();
    let words = r.split_whitespace().count();
    (1..=CREDIT_WORDS).contains(&words) && !r.contains(". ") && !r.ends_with(['.', '!', '?', ';'])
}

/// Whether `head` (the line before a colon) ends with a caption label set apart from the caption:
/// after a sentence end, `|` or a dash (not a hyphen); "Credit" (capitalised or in capitals) after anything.
fn labelled(head: &str) -> bool {
    let head = head.trim_end();
    // The label: the last word, or the last two ("Photo credit", "Image Credit").
    let Some((before, label)) = head.rsplit_once(char::is_whitespace) else {
        return false;
    };
    let lower = label.to_lowercase();
    let credit = lower == "credit" || lower == "credits";
    if !credit && !caption_label(&lower) {
        return false;
    }
    let before = before.trim_end();
    // "Photo credit": the label's first word is a caption label too.
    let before = if credit {
        match before.rsplit_once(char::is_whitespace) {
            Some((b, w)) if caption_label(&w.to_lowercase()) => b.trim_end(),
            None if caption_label(&before.to_lowercase()) => "",
            _ => before,
        }
    } else {
        before
    };
    if before.split_whitespace().count() < 2 {
        return false;
    }
    let capital = label.starts_with('C');
    sentence_end(before) || before.ends_with(['|', '\u{2013}', '\u{2014}']) || credit && capital
}

/// A caption label (lowercase): the multilingual `CAPTION_LABELS` and the English ones.
fn caption_label(word: &str) -> bool {
    CAPTION_LABELS.contains(&word) || CAPTION_LABELS_EN.contains(&word)
}

/// Ends a sentence (after closing quotes and brackets).
fn sentence_end(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')'])
        .ends_with(['.', '!', '?'])
}

/// Whether the line is a newsletter box's label or offer.
#[cfg(test)]
pub(super) fn newsletter(text: &str, f: &Feat) -> bool {
    contains_ascii_ci(text, "newsletter") && newsletter_marked(text, f)
}

/// [`newsletter`] of a line known to hold the word.
fn newsletter_marked(text: &str, f: &Feat) -> bool {
    if f.words == 0 || f.words > OFFER_WORDS {
        return false;
    }
    // (A section path naming the newsletter, "Newsletter | The Week in Europe", is the page's
    // section label: left to `section-label`.)
    if f.words <= LABEL_WORDS && !f.terminal {
        return !section_path(text, f);
    }
    let lower = text.to_lowercase();
    // ("subscriber" is not the offer's "subscribe": a story's subscribers. "Your newsletter"
    // is the reader's own, in a text for people who write one, not the site's offer.)
    let offer = lower
        .replace("subscriber", "")
        .replace("your newsletter", "newsletter");
    NEWSLETTER_CUES.iter().any(|c| offer.contains(c))
        || NEWSLETTER_WORDS.iter().any(|w| opens_word(&offer, w))
}

/// Whether `word` occurs in `text` where a word starts.
fn opens_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(p, _)| {
        !text[..p]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

/// Whether the line is a comment form's sign-in prompt or the comment policy: it names the
/// comments, is short, and asks the reader to sign in ("You must be logged in to post a
/// comment.", "Para comentar debes registrarte": the prompt opens with the sign-in or its
/// purpose, or speaks to the reader) or states the rules in the site's voice
/// ("Please understand that comments are moderated", "Los comentarios que no respeten nuestra
/// política..."). A sentence of an article about comments ("declined to comment", "moderators
/// removed the comments") has neither.
#[cfg(test)]
pub(super) fn comment_form(text: &str, f: &Feat) -> bool {
    COMMENT_STEMS.iter().any(|s| contains_ascii_ci(text, s)) && comment_marked(text, f)
}

/// [`comment_form`] of a line known to name the comments.
fn comment_marked(text: &str, f: &Feat) -> bool {
    if f.words == 0 || f.words > COMMENT_WORDS {
        return false;
    }
    let lower = text.to_lowercase();
    let voice = || {
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SITE_VOICE.contains(&w))
    };
    // (A sign-in prompt opens with the sign-in or its purpose, or speaks to the reader.)
    let opens_prompt = || {
        let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
        COMMENT_LOGIN.iter().any(|c| t.starts_with(c))
            || ["to ", "para ", "um ", "pour ", "per ", "om "]
                .iter()
                .any(|p| t.starts_with(p))
    };
    if COMMENT_LOGIN.iter().any(|c| lower.contains(c)) && (opens_prompt() || voice()) {
        return true;
    }
    COMMENT_POLICY.iter().any(|c| lower.contains(c)) && voice()
}

#[cfg(test)]
mod tests;
