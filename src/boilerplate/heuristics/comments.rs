//! Comment threads under the article (`comments`): readers' comments, each opened by a header
//! that names the commenter and dates the comment, with the comment's text, "Reply" and vote
//! lines between the headers.
//!
//! Policy: found by form and position only. A comment header is either a "says:" line ("3. jdoe
//! says:", "Jane Roe wrote:", "Иван пишет:", at most eight words), or a short name or user
//! handle (four words at most, no sentence end) right above a line that dates it ("2 days ago at
//! 07:47 am", "November 19, 2019 at 6:34 am": a date or a relative time, not a bare clock time,
//! so a live blog's "10:18" over "Rubio in Antalya" is no comment), or a name and a date on
//! one line, with a clock time ([`dates_itself`]) or a mark between them ([`signed`]), a line
//! the byline rule took as well ("Posted by jdoe on March 10, 2015 at 08:05"), or a
//! reviewer's first name and initial ("Ann L.", [`initialled`]). A thread is at least three
//! headers, each within [`MAX_UNIT`] non-blank lines of the previous one, starting after the
//! article has begun (at least three lines of prose above it that the thread does not take), and
//! its first unit is no article under a dated byline ([`article_first`]). The
//! thread is claimed from its first header, with the thread's heading right above it ("34
//! responses to ...", "Comments (12)"), to the end of the last comment (at most as many lines as
//! the median comment above it, stopping at a line another heuristic claimed).

use std::sync::LazyLock;

use regex::Regex;

use crate::boilerplate::claim::Claim;
use crate::boilerplate::matcher::Matcher;
use crate::boilerplate::meta::find_dates;

use super::features::Doc;
use super::line_rules::ci;
use crate::boilerplate::line::{with_lowercase, Line};

/// Most non-blank lines from one comment header to the next.
const MAX_UNIT: usize = 15;
/// Fewest headers that make a thread.
const MIN_HEADERS: usize = 3;
/// Fewest prose lines above the thread (the article).
const MIN_PROSE_ABOVE: usize = 3;

/// "jdoe says:", "Jane Roe wrote:", "Иван пишет:": a name and a verb of saying, closing the line.
static SAYS: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"\S\s+(?:says|said|wrote|writes|replied|commented|пишет|написал[аи]?|ответил[аи]?|сказал[аи]?)\s*:\s*$",
    )
});
/// A thread's heading: "34 responses to “Title”", "12 thoughts on ...", "Comments (12)",
/// "Комментарии (3)".
static THREAD_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:\d+\s+(?:comments?|responses?|replies|thoughts|reactions?|комментари\w*|ответ\w*)\b|(?:reader |user )?(?:comments?|responses?|discussion|комментари\w*|обсуждение)\s*(?:\(\d+\))?:?$)",
    )
});

/// A comment thread's heading that counts the comments on the post, in the wording of the
/// blog engines' translations ("3 Responses to “Title”", "1 reply on “Title”", "11 Antworten
/// zu “Title”", "Ein Gedanke zu „Title“", "2 réponses à « Title »"): a count (a number or the
/// word for one, [`COUNT_ONE`]), a noun for comments ([`COUNT_NOUNS`], or a Russian stem of
/// [`COUNT_STEMS`]), a preposition ([`COUNT_PREPOSITIONS`]), the post's title. Plain code: asked
/// of every line, most of which stop at their first word.
fn count_heading(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // (A count opens with a digit or with the first byte of a word of [`COUNT_ONE`], and it is
    // at most [`COUNT_BYTES`] bytes long: most lines stop at these.)
    let b = text.as_bytes();
    if !b.first().is_some_and(|&c| {
        c.is_ascii_digit()
            || matches!(
                c.to_ascii_lowercase(),
                b'o' | b'e' | b'u' | b'j' | 0xC3 | 0xD0
            )
    }) {
        return false;
    }
    let Some(n) = b
        .iter()
        .take(COUNT_BYTES + 1)
        .position(u8::is_ascii_whitespace)
    else {
        return false;
    };
    let count = &text[..n];
    if !(count.bytes().all(|c| c.is_ascii_digit())
        || with_lowercase(count, |w| COUNT_ONE.contains(&w)))
    {
        return false;
    }
    let mut words = text[n..].split_whitespace();
    let (Some(noun), Some(prep), Some(_)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    with_lowercase(noun, |w| {
        COUNT_NOUNS.contains(&w) || COUNT_STEMS.iter().any(|s| w.starts_with(s))
    }) && with_lowercase(prep, |w| COUNT_PREPOSITIONS.contains(&w))
}

/// Most bytes of a count heading's count ("одна", "123456").
const COUNT_BYTES: usize = 8;

/// The word for one before a noun of [`COUNT_NOUNS`] ("Ein Gedanke zu", "Une réponse à").
const COUNT_ONE: [&str; 17] = [
    "one", "ein", "eine", "un", "une", "uno", "una", "um", "uma", "één", "en", "ett", "et",
    "jeden", "jedna", "один", "одна",
];

/// Nouns for comments in a count heading, singular and plural.
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "comment", "comments", "response", "responses", "reply", "replies", "thought", "thoughts",
    "kommentar", "kommentare", "antwort", "antworten", "gedanke", "gedanken", "commentaire",
    "commentaires", "réponse", "réponses", "réflexion", "réflexions", "comentario",
    "comentarios", "respuesta", "respuestas", "pensamiento", "pensamientos", "commento",
    "commenti", "risposta", "risposte", "pensiero", "pensieri", "comentário", "comentários",
    "resposta", "respostas", "reactie", "reacties", "gedachte", "gedachten", "kommentarer",
    "svar", "komentarz", "komentarze", "komentarzy", "odpowiedzi",
];

/// Russian stems of the nouns of a count heading ("комментариев", "ответа", "мысли").
const COUNT_STEMS: [&str; 3] = ["комментари", "ответ", "мысл"];

/// The prepositions between a count heading's noun and the post's title.
#[rustfmt::skip]
const COUNT_PREPOSITIONS: &[&str] = &[
    "to", "on", "for", "zu", "für", "auf", "à", "sur", "a", "en", "sobre", "para", "su", "per",
    "em", "op", "bij", "over", "på", "til", "till", "do", "na", "к", "на",
];

/// Most words of a [`count_heading`] line (the post's title in it).
const COUNT_HEADING_WORDS: usize = 30;

/// A relative time ("2 days ago", "вчера") or a date: a line that can date a comment.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\b(?:yesterday|today)\b|назад\b|\bвчера\b|\bсегодня\b",
    )
});

/// Claims the comment threads of the document.
pub(super) fn comment_threads(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    // A heading counting the comments is the thread's, wherever the thread's comments are
    // (a sentence opening with the words ends with its full stop).
    for &i in nonblank.iter() {
        let text = lines[i].text.trim_end();
        if claimed[i].is_none()
            && feats[i].words <= COUNT_HEADING_WORDS
            && !text.ends_with('.')
            && count_heading(text)
        {
            claimed[i] = Some(Claim::Comments);
        }
    }
    let headers: Vec<usize> = (0..nonblank.len())
        .filter(|&n| header(doc, claimed, n))
        .collect();
    let mut k = 0;
    while k < headers.len() {
        let mut end = k + 1;
        while end < headers.len() && headers[end] - headers[end - 1] <= MAX_UNIT {
            end += 1;
        }
        let mut run = &headers[k..end];
        k = end;
        // The article under its byline read as the first comment ("Jane Roe 19.10.2019, 23:38"
        // over the paragraphs, other stories' author lines below): a first unit with many times
        // the prose of a comment stays out of the thread.
        while run.len() > MIN_HEADERS && article_first(doc, claimed, run) {
            run = &run[1..];
        }
        if run.len() < MIN_HEADERS || article_first(doc, claimed, run) {
            continue;
        }
        let first = run[0];
        let prose_above = nonblank[..first]
            .iter()
            .filter(|&&i| claimed[i].is_none() && feats[i].prose)
            .count();
        if prose_above < MIN_PROSE_ABOVE {
            continue;
        }
        // The thread's heading, up to two lines above the first header.
        let mut start = first;
        for m in (first.saturating_sub(2)..first).rev() {
            if THREAD_HEADING.is_match(lines[nonblank[m]].text) {
                start = m;
            }
        }
        // The last comment: as long as the median one above it at most.
        let mut units: Vec<usize> = run.windows(2).map(|w| w[1] - w[0]).collect();
        units.sort_unstable();
        let longest = units[units.len() / 2];
        let last = run[run.len() - 1];
        let mut stop = last + 1;
        while stop < nonblank.len()
            && stop < last + longest
            && claimed[nonblank[stop]].map_or(true, |c| c == Claim::Timestamp)
            && !THREAD_HEADING.is_match(lines[nonblank[stop]].text)
        {
            stop += 1;
        }
        for &i in &nonblank[start..stop] {
            if claimed[i].map_or(true, |c| matches!(c, Claim::Timestamp | Claim::Byline)) {
                claimed[i] = Some(Claim::Comments);
            }
        }
    }
}

/// How many times a comment's prose (the median unit's) the first unit of a thread may hold
/// ([`article_first`]).
const FIRST_UNIT_TIMES: usize = 4;
/// Fewest prose words of a first unit that [`article_first`] takes for the article.
const FIRST_UNIT_WORDS: usize = 80;

/// Whether the first unit of the thread `run` (header positions in `nonblank`) is the article
/// under its byline: [`FIRST_UNIT_WORDS`] words of unclaimed prose or more, more than all the
/// prose above it, and more than [`FIRST_UNIT_TIMES`] times the median of the other units'
/// prose.
fn article_first(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], run: &[usize]) -> bool {
    let prose = |a: usize, b: usize| -> usize {
        doc.nonblank[a..b]
            .iter()
            .filter(|&&i| claimed[i].is_none() && doc.feats[i].prose)
            .map(|&i| doc.feats[i].words)
            .sum()
    };
    let first = prose(run[0], run[1]);
    // (A thread's first comment may be long; it has the article above it.)
    if first < FIRST_UNIT_WORDS || first <= prose(0, run[0]) {
        return false;
    }
    let mut others: Vec<usize> = run[1..].windows(2).map(|w| prose(w[0], w[1])).collect();
    others.sort_unstable();
    let median = others.get(others.len() / 2).copied().unwrap_or(0);
    first > FIRST_UNIT_TIMES * median
}

/// The heading of a comment section: a count of comments ("12 Comments", "1 Kommentar",
/// "5 комментариев"), the plural noun alone or with a count in brackets ("Comments",
/// "Kommentare (0)", "Comentários"), or the comment form's call ("Leave a Reply", "Post a
/// comment", "Kommentar schreiben", "Laisser un commentaire"; a "Cancel reply" may follow).
/// The bare singular is not one: a table's column, an opinion piece's kicker ("Comment",
/// "Kommentar").
///
/// (A [`Matcher`] of ASCII digits and spaces (and the no-break space), without a word
/// boundary (a call ends at an ASCII character that is no letter or digit): a smaller build
/// than the Unicode classes', and a lazy DFA that never gives up.)
static SECTION_HEADING: LazyLock<Matcher> = LazyLock::new(|| {
    let pattern = format!(
        r"^(?:[0-9]+[ \t\x{{A0}}]+(?:{nouns}|комментари[йяев]+|ответ(?:а|ов)?)|(?:{plurals})(?:[ \t\x{{A0}}]*\([0-9]+\))?|(?:{nouns})[ \t\x{{A0}}]*\([0-9]+\)|(?:{calls})(?:[^A-Za-z0-9\x{{80}}-\x{{10FFFF}}].*)?)[ \t\x{{A0}}]*:?$",
        nouns = COUNT_NOUNS.join("|"),
        plurals = SECTION_PLURALS.join("|"),
        calls = SECTION_CALLS.join("|"),
    );
    Matcher::new(&[pattern.as_str()], true)
});

/// The plural nouns that head a comment section alone.
#[rustfmt::skip]
const SECTION_PLURALS: &[&str] = &[
    "comments", "responses", "kommentare", "leserkommentare", "commentaires", "comentarios",
    "comentários", "commenti", "reacties", "kommentarer", "komentarze", "комментарии",
];

/// The comment form's calls that head a comment section.
#[rustfmt::skip]
const SECTION_CALLS: &[&str] = &[
    "leave a reply", "leave a comment", "post a comment", "add a comment", "join the discussion",
    "kommentar schreiben", "schreibe einen kommentar", "laisser un commentaire",
    "deja un comentario", "deja una respuesta", "lascia un commento", "deixe um comentário",
    "deixe uma resposta", "оставить комментарий", "добавить комментарий",
];

/// Most words of a comment section's heading ("Leave a Reply Cancel reply").
const SECTION_HEADING_WORDS: usize = 8;

/// Share of the body span's prose lines above a comment section's heading at least: the
/// article is over (a "Comments" link in the share bar under the headline is no section).
const SECTION_PROSE_ABOVE: f64 = 0.6;

/// Claims the comment section under the article: from its heading ([`SECTION_HEADING`]) to the
/// end of the document (the comments, the comment form, and what follows them: the page's
/// footer). Read as prose, the comments join the article's body span: the heading counts when
/// it lies in the span or under it, with [`SECTION_PROSE_ABOVE`] of the span's prose (and
/// [`MIN_PROSE_ABOVE`] lines at least) above it. A comment count under the article's byline or
/// date ("11 Comments" under "By Jane Roe, March 3, 2025") is a link, no heading.
/// `prose`: whether a line reads as prose by itself; `len`: its length; `ruled`: the config
/// rules' claims (they take their lines first). A section holding more than `max_share` of the
/// document's prose is left alone, as the guard would withdraw it (and with it the comment
/// threads found by form).
pub(crate) fn comment_section(
    lines: &[Line<'_>],
    span: Option<(usize, usize)>,
    prose: impl Fn(usize) -> bool,
    len: &[usize],
    max_share: f64,
    ruled: &[Option<Claim>],
    claimed: &mut [Option<Claim>],
) {
    let Some((start, end)) = span else {
        return;
    };
    let total = (start..=end).filter(|&i| prose(i)).count();
    let mut above = 0usize;
    let mut previous: Option<usize> = None;
    for i in start..lines.len() {
        let text = lines[i].text.trim();
        if text.is_empty() {
            continue;
        }
        if i <= end && prose(i) {
            above += 1;
        } else if above >= MIN_PROSE_ABOVE
            && above as f64 >= SECTION_PROSE_ABOVE * total as f64
            && text.split_whitespace().nth(SECTION_HEADING_WORDS).is_none()
            && !previous
                .is_some_and(|p| matches!(claimed[p], Some(Claim::Byline | Claim::Timestamp)))
            && SECTION_HEADING.is_match(text)
        {
            // The prose the claim would hold as the guard weighs it: the section's unclaimed
            // lines and the comments found by form anywhere, the config rules' lines aside.
            let section: usize = (0..lines.len())
                .filter(|&j| {
                    prose(j)
                        && ruled[j].is_none()
                        && match claimed[j] {
                            None => j >= i,
                            Some(c) => c == Claim::Comments,
                        }
                })
                .map(|j| len[j])
                .sum();
            let all = (0..lines.len())
                .filter(|&j| prose(j))
                .map(|j| len[j])
                .sum::<usize>();
            if section as f64 <= max_share * all as f64 {
                for c in claimed[i..].iter_mut() {
                    if c.is_none() {
                        *c = Some(Claim::Comments);
                    }
                }
            }
            return;
        }
        previous = Some(i);
    }
}

/// Whether non-blank line `n` opens a comment.
fn header(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], n: usize) -> bool {
    let Doc {
        lines,
        feats,
        nonblank,
    } = doc;
    let i = nonblank[n];
    let f = &feats[i];
    let text = lines[i].text;
    if f.words <= 8 && SAYS.is_match(text) {
        return true;
    }
    // (Before the sentence-end test: the initial's full stop ends the line.)
    if claimed[i].is_none() && f.words <= 3 && initialled(text) {
        return true;
    }
    if claimed[i].is_some_and(|c| c != Claim::Byline) || f.words == 0 || f.terminal {
        return false;
    }
    // A name and a date on one line, a line the byline rule took too: "Posted by X on March 10,
    // 2015 at 08:05" signs the article once, over its prose, and each comment of a thread under
    // it (the thread needs three headers and prose above them). Measured: 1,300 more
    // boilerplate lines removed on Dragnet (its gold keeps those comments), 102 on L3S-GN1, 11
    // on fundus and modern, no article line of the other sets; 1 boilerplate line kept.
    if !f.stamp
        && (f.words <= MAX_DATED_HEADER_WORDS && dates_itself(text)
            || f.words <= MAX_SIGNED_WORDS && signed(text))
    {
        return true;
    }
    if f.words > 4 {
        return false;
    }
    let Some(&j) = nonblank.get(n + 1) else {
        return false;
    };
    let below = lines[j].text;
    let dated = (feats[j].stamp || claimed[j] == Some(Claim::Timestamp))
        && (RELATIVE.is_match(below) || !find_dates(below).is_empty());
    dated && !f.stamp && handle_or_name(text)
}

/// A header that names and dates the comment on one line: a full date with a clock time, and
/// a few words besides them ("#11 Jane 於 2013/12/31 22:50", "Posted by jdoe on
/// March 10, 2015 at 08:05", "Alan wrote on December 24, 2020 at 3:53 am:"). A line that is
/// only a date with filler words ("Updated: 18 Nov 2019, 19:11") is a stamp, not a header.
fn dates_itself(text: &str) -> bool {
    if !may_have_clock(text) || !CLOCK.is_match(text) {
        return false;
    }
    let dates = find_dates(text);
    let Some(first) = dates.first() else {
        return false;
    };
    let last = dates.last().map_or(first.end, |d| d.end);
    let rest = format!("{} {}", &text[..first.start], &text[last..]);
    // (Words of two letters at least: a table's row of dates and figures has none.)
    let named = rest
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some())
        .count();
    (1..=MAX_DATED_HEADER_NAME_WORDS).contains(&named)
}

/// A header that signs and dates the comment on one line without a clock time: a name or
/// handle of [`MAX_SIGNED_NAME_WORDS`] words, a mark between them, a full date closing the line
/// ("Jane Roe | March 3, 2025", "jdoe · 2025-03-03", "Иван Петров — 3 марта 2025"). A mark and
/// capitals: "Posted on March 3, 2025" is a stamp, "Release 2.1, March 3, 2025" no name.
fn signed(text: &str) -> bool {
    const MARKS: [char; 6] = ['|', '·', '•', '—', '–', ','];
    // (The mark first: most short lines have none, and the date search is the cost.)
    if !text.contains(MARKS) {
        return false;
    }
    let dates = find_dates(text);
    let Some(date) = dates.first() else {
        return false;
    };
    if !text[date.end..].trim().is_empty() {
        return false;
    }
    let name = text[..date.start].trim_end();
    let Some(name) = name.strip_suffix(MARKS) else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=MAX_SIGNED_NAME_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '_'))
                && (words.len() == 1 || w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// A reviewer's signature: a first name or two and the family name's initial ("Ann L.",
/// "Mary Ann K."), the way review and testimonial widgets sign each entry.
fn initialled(text: &str) -> bool {
    // (The closing full stop first: most short lines have none.)
    let Some((names, last)) = text
        .strip_suffix('.')
        .and_then(|t| t.trim_end().rsplit_once(char::is_whitespace))
    else {
        return false;
    };
    let mut initial = last.chars();
    let names: Vec<&str> = names.split_whitespace().collect();
    (1..=2).contains(&names.len())
        && initial.next().is_some_and(char::is_uppercase)
        && initial.next().is_none()
        && names.iter().all(|w| name_word(w))
}

/// A capitalised name ("Ann", "Jean-Luc", "O'Neil"): each part between hyphens and
/// apostrophes an uppercase letter and lowercase ones.
fn name_word(w: &str) -> bool {
    w.split(['-', '\'']).all(|part| {
        let mut c = part.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
    }) && w.chars().nth(1).is_some()
}

/// Most words of a header that signs and dates itself ([`signed`]).
const MAX_SIGNED_WORDS: usize = 9;
/// Most words of its name.
const MAX_SIGNED_NAME_WORDS: usize = 4;

/// A necessary condition for [`CLOCK`]: a colon between two ASCII digits (most lines have none,
/// and this asks no regex).
fn may_have_clock(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b':', b)
        .any(|i| i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
}

/// A clock time in ASCII digits (as [`may_have_clock`] asks): "22:50", "6:34 am", "3:33pm"
/// (the meridiem glued to the minutes).
static CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[0-9]{1,2}:[0-9]{2}(?:[aApP]\.?[mM]\.?)?\b").unwrap());

/// Most words of a header that dates itself ([`dates_itself`]).
const MAX_DATED_HEADER_WORDS: usize = 14;
/// Most words with letters beside its date.
const MAX_DATED_HEADER_NAME_WORDS: usize = 8;

/// A user handle ("fmcshan", "mike...", "Zdigital2015") or a short name: no word of it longer
/// than 30 characters, and a letter in it.
fn handle_or_name(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
        && text.split_whitespace().all(|w| w.chars().count() <= 30)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn count_headings_in_the_engines_wording() {
        for yes in [
            "3 Responses to Spring Planting Notes",
            "1 reply on \u{201C}A Walk in the Park\u{201D}",
            "11 Antworten zu \u{201C}Sonntagsgedanken\u{201D}",
            "Ein Gedanke zu \u{201E}Folge 70\u{201C}",
            "2 réponses à « Le titre »",
            "5 комментариев к «Заголовок»",
        ] {
            assert!(count_heading(yes), "{yes:?}");
        }
        for no in [
            "3 Comments",
            "Comments on the plan",
            "One comment",
            "Two thoughts on the budget",
            "The 3 responses to the survey",
        ] {
            assert!(!count_heading(no), "{no:?}");
        }
    }

    #[test]
    fn signed_headers() {
        for yes in [
            "Jane Roe | March 3, 2025",
            "jdoe · 2025-03-03",
            "Иван Петров — 3 марта 2025",
            "Mary-Ann O'Neil, 12 May 2024",
        ] {
            assert!(signed(yes), "{yes:?}");
        }
        for no in [
            "Posted on March 3, 2025",
            "Release notes, March 3, 2017",
            "Jane Roe | March 3, 2025 | Politics",
            "Jane Roe March 3, 2025",
            "The five members of the board | March 3, 2025",
        ] {
            assert!(!signed(no), "{no:?}");
        }
    }

    #[test]
    fn initialled_signatures() {
        for yes in ["Ann L.", "Mary Ann K.", "Zoë B.", "Jean-Luc P."] {
            assert!(initialled(yes), "{yes:?}");
        }
        for no in [
            "Ann L",
            "Ann.",
            "The End.",
            "U.S. A.",
            "ann l.",
            "Ann Mary Lou K.",
        ] {
            assert!(!initialled(no), "{no:?}");
        }
    }

    /// Claims of [`comment_section`] on `text` with the span over all of it, prose being the
    /// lines of 60 characters or more, `byline` claimed beforehand as a byline, and at most 30 %
    /// of the prose let go.
    fn section(text: &str, byline: &str) -> Vec<(String, bool)> {
        let lines = Line::split(text);
        let mut claimed: Vec<Option<Claim>> = lines
            .iter()
            .map(|l| (l.text == byline).then_some(Claim::Byline))
            .collect();
        let prose = |i: usize| lines[i].text.len() >= 60;
        let len: Vec<usize> = lines.iter().map(|l| l.text.len()).collect();
        let ruled = vec![None; lines.len()];
        comment_section(
            &lines,
            Some((0, lines.len() - 1)),
            prose,
            &len,
            0.3,
            &ruled,
            &mut claimed,
        );
        lines
            .iter()
            .zip(claimed)
            .filter(|(l, _)| !l.text.is_empty())
            .map(|(l, c)| (l.text.to_string(), c == Some(Claim::Comments)))
            .collect()
    }

    const STORY: &str = "The ferry to the island runs twice a day in winter, and the harbour office sells tickets until noon.\n\nA second boat is planned for the summer, when the number of visitors doubles and the queues grow long.\n\nThe council will decide on the timetable in March, after a public meeting in the town hall.\n\n";
    const THREAD: &str = "jdoe\n\nI took the morning ferry last week and the crossing was calm, though the cafe on board was closed.\n\nReply\n\nAnna K\n\nA second boat is long overdue, the queues in August are far too long for families with children.\n\nReply\n\nPrivacy policy\n";

    #[test]
    fn a_comment_section_under_the_article_goes_to_the_end() {
        for heading in [
            "12 Comments",
            "Comments (3)",
            "Kommentare",
            "Leave a Reply Cancel reply",
            "5 комментариев",
            "1 Kommentar",
            "10\u{a0}commentaires",
            "Leave a Comment! Cancel reply",
        ] {
            let got = section(&format!("{STORY}{STORY}{heading}\n\n{THREAD}"), "");
            let from = got.iter().position(|(l, _)| l == heading).unwrap();
            assert!(got[..from].iter().all(|(_, c)| !c), "{heading}: {got:?}");
            assert!(got[from..].iter().all(|(_, c)| *c), "{heading}: {got:?}");
        }
    }

    #[test]
    fn comment_links_and_columns_are_no_section() {
        let cases = [
            // (name, text, byline)
            (
                "a link in the share bar above most of the article",
                format!("{STORY}12 Comments\n\n{STORY}{STORY}"),
                "",
            ),
            (
                "a count under the byline, more of the article under it",
                format!("{STORY}{STORY}By Jane Roe\n12 Comments\n\n{STORY}"),
                "By Jane Roe",
            ),
            (
                "the bare singular: a table's column",
                format!("{STORY}{STORY}Comment\n\n{THREAD}"),
                "",
            ),
            ("no prose above", format!("12 Comments\n\n{THREAD}"), ""),
            (
                "a section with more of the prose than the guard lets go",
                format!("{STORY}12 Comments\n\n{THREAD}"),
                "",
            ),
        ];
        for (name, text, byline) in cases {
            let got = section(&text, byline);
            assert!(got.iter().all(|(_, c)| !c), "{name}: {got:?}");
        }
    }

    proptest! {
        /// The byte test never turns a clock time away.
        #[test]
        fn may_have_clock_is_necessary(s in "([0-9]{1,3}|[:. ]|am|\\PC){0,12}") {
            prop_assert!(may_have_clock(&s) || !CLOCK.is_match(&s), "{:?}", s);
        }
    }
}
