//! Line rules: the one-line patterns, each deciding from a line's text and features alone whether
//! it is a copyright notice, a caption or photo credit, a prompt (share, subscribe, read more,
//! reading time), a tag line, a menu or breadcrumb, a byline, or a timestamp; plus the predicates
//! the structure passes ask about single lines (a name, a section path, a reporter credit).
//!
//! Policy: patterns are short generic web phrases in English and Russian, anchored where the
//! phrase opens or closes the line, with a word-count cap so a sentence that merely contains the
//! phrase stays ("Share prices fell", "the copyright claim"). Patterns tested on every line sit
//! behind a cheap necessary condition ([`Guarded`]). [`claim_lines`] tries the rules in a fixed
//! order; the first that fires names the line. One rule asks the neighbours: a dashed sign-off
//! between two prose paragraphs is a quote's attribution, no byline.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use crate::boilerplate::claim::Claim;
use crate::boilerplate::guarded::{any_byte_at, any_folded_byte_at, contains_ascii_ci, Guarded};
#[cfg(test)]
use crate::boilerplate::lean;
use crate::boilerplate::line::{bare, with_lowercase};
use crate::boilerplate::matcher::Matcher;
use crate::boilerplate::meta::is_lone_dateline;

use super::features::{terminal, Doc, Feat};
use super::options::HeuristicOptions;
use super::vocabulary::{BREADCRUMB_ROOTS, NAME_PARTICLES, ROLE_WORDS};

mod chinese;
mod consent;
mod credit_sentence;
mod credits;
mod domain;
mod name_date;
mod openers;
mod post_meta;
mod share;
mod sign_off;
mod split_byline;
mod text_size;

use chinese::{chinese_byline, chinese_tools};
use consent::consent;
use credit_sentence::credit_sentence;
#[cfg(test)]
use credits::slash_via;
use credits::{agency_line, credit_end, credit_label, position_caption};
#[cfg(test)]
pub(super) use credits::{
    CREDIT_BRACKET, CREDIT_SLASH_VIA, CREDIT_STOCK, CREDIT_VIA, POSITION_CUE,
};
pub(super) use name_date::name_and_date;
mod names;
use names::names_only;
use openers::{
    byline_rest, opener_matches, Opens, OPEN_AUTHOR_LABEL, OPEN_BYLINE, OPEN_CAPTION,
    OPEN_MADE_WITH, OPEN_PROMPT, OPEN_REPORTING_BY, OPEN_TAGS, OPEN_WIDGET,
};
#[cfg(test)]
use openers::{may_open, opens_with, OPENERS, OPENER_PATTERNS};
use post_meta::post_meta;
pub(super) use share::share_columns;
pub(crate) use share::share_row;
pub(super) use split_byline::split_bylines;
use text_size::text_size;

/// A line rule: whether the line (its text, its features, and which openers match it, [`Opens`]) is of
/// the rule's kind.
type LineRule = fn(&str, &Feat, &Opens<'_>) -> bool;

/// A necessary condition for an anchored, case-insensitive pattern from a line's first two
/// bytes: every alternative whose first byte passes `first` (an ASCII class) opens with two
/// ASCII bytes among `openings` (lowercased). An ASCII letter matches only itself in either
/// case, except `s` and `k`, whose other variants (`ſ`, the Kelvin sign) are non-ASCII; so a line
/// whose first byte passes `first` and whose second is ASCII can match only if the two are an
/// opening in some case. No pattern matches a lone byte of the class or an empty line; any other
/// line (a non-ASCII byte among the first two, a first byte outside the class) is left to the
/// pattern.
fn opens_among(text: &str, openings: &[[u8; 2]], first: fn(&u8) -> bool) -> bool {
    match text.as_bytes() {
        [a, b, ..] if first(a) && b.is_ascii() => {
            openings.contains(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        }
        [a] => !first(a),
        [] => false,
        _ => true,
    }
}

/// Claims the lines the line rules recognise; among the rules switched on, the first that fires
/// names the line (so a copyright line with a date is `copyright`, not `timestamp`).
pub(super) fn claim_lines(
    opts: &HeuristicOptions,
    doc: &Doc<'_, '_>,
    claimed: &mut [Option<Claim>],
) {
    let rules: [(bool, Claim, LineRule); 7] = [
        (opts.copyright, Claim::Copyright, |t, f, _| {
            f.words <= 45 && COPYRIGHT.is_match(t)
        }),
        (opts.caption, Claim::Caption, caption_pattern),
        (opts.prompt, Claim::Prompt, prompt_pattern),
        (opts.tags, Claim::Tags, tags_pattern),
        (opts.link_list, Claim::LinkList, link_list_pattern),
        (opts.byline, Claim::Byline, byline_pattern),
        // (A lone dateline has its day in ASCII digits: the feature asks first.)
        // (A price is no date: "$99.99" under a product.)
        (opts.timestamp, Claim::Timestamp, |t, f, _| {
            (f.stamp || f.digit && is_lone_dateline(t)) && !price(t)
        }),
    ];
    for (n, &i) in doc.nonblank.iter().enumerate() {
        if claimed[i].is_some() {
            continue;
        }
        let text = doc.text(i);
        let opens = Opens::of(text);
        if let Some(&(_, claim, _)) = rules
            .iter()
            .find(|(on, _, rule)| *on && rule(text, &doc.feats[i], &opens))
        {
            if claim == Claim::Byline && attribution(doc, claimed, n) {
                continue;
            }
            claimed[i] = Some(claim);
        }
    }
}

/// Currency signs that open or close a price.
const CURRENCY: &[char] = &['$', '€', '£', '¥', '₽', '₹', '₩', '₺', '₴', '₪', '฿', '₫'];

/// A price alone: a currency sign and a figure, the sign first or last ("$99.99", "49,90 €").
pub(super) fn price(text: &str) -> bool {
    let t = text.trim();
    let figure = |s: &str| {
        let s = s.trim();
        s.starts_with(|c: char| c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{A0}'))
    };
    t.strip_prefix(CURRENCY).is_some_and(figure) || t.strip_suffix(CURRENCY).is_some_and(figure)
}

/// A sign-off between two paragraphs of prose is a quote's attribution ("— Jane Roe" under
/// her words, the article going on), not the outlet's sign-off closing the article.
fn attribution(doc: &Doc<'_, '_>, claimed: &[Option<Claim>], n: usize) -> bool {
    let prose = |m: Option<usize>| {
        m.and_then(|m| doc.nonblank.get(m))
            .is_some_and(|&j| claimed[j].is_none() && doc.feats[j].prose)
    };
    let text = doc.text(doc.nonblank[n]);
    // (A bracketed outlet, "(AFP)", signs off an entry wherever it stands.)
    text.starts_with(['\u{2014}', '\u{2013}', '-'])
        && sign_off(text)
        && prose(n.checked_sub(1))
        && prose(Some(n + 1))
}

/// A case-insensitive built-in pattern.
pub(super) fn ci(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .expect("built-in pattern compiles")
}

/// Copyright notices: "©", "(c) 2024", "All rights reserved", "Все права защищены", reprint terms.
pub(super) static COPYRIGHT: Guarded = Guarded::ci(
    "copyright",
    r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b\s*(?:©|\(c\)|(?:19|20)\d\d)|\ball rights reserved\b|\bвсе права (?:защищены|принадлежат)|\b(?:при|любое) (?:полном или частичном )?(?:использовании|перепечатке|копировании|воспроизведении)\b.*\b(?:ссылка|запрещен|разрешения)|\breproduction\b.{0,40}\b(?:prohibited|without (?:prior |written )?permission)|\bmay not be (?:published|reproduced|redistributed)",
    may_be_copyright,
);
/// Caption and credit openings: a label and its sign ("Photo: X", "Image credits: X", "Фото:"),
/// or a screen reader's label before the caption ("Image caption The ferry leaves at dawn").
const CAPTION_PREFIX_PAT: &str = r"^(?:(?:image|media|photo|picture|video) caption\s+\S|(?:above|below|pictured|clockwise from (?:top )?left)\s*:\s*\S|(?:main |top |header |cover |featured |file )?(?:photo|image|picture|illustration|photograph|video|graphic|infographic|credit|source of (?:the )?(?:photo|image)|фото|фотография|иллюстрация|изображение|видео|источник фото|кадр)s?(?:\s+(?:credits?|source|by|courtesy|from))?\s*(?::|/|©|\||—|–|by\b.{0,60}$))";
const MADE_WITH_PAT: &str = r"^(?:illustrative (?:image|photo|picture)|(?:the )?(?:image|photo|picture|illustration|cover)s? (?:was |is )?(?:generated|created|made)\b|(?:generated|created|made) (?:with|by|using) (?:the help of )?(?:ai|\w+ ai)\b|иллюстративное фото|изображение сгенерировано)";
const PROMPT_PAT: &str = r"^(?:read (?:more|also|next|article:|the full (?:story|article))|also read|see also|more on (?:this|that)|click here|share(?: this| the)?(?: article| story| post| page)?\s*[:!]?$|share (?:on|via|to|this|the (?:article|story|post))\b|subscribe\b|sign up\b|join (?:us|our)\b|follow (?:us|@|our|\w+ on)\b|download (?:our|the) app|get the app|leave a (?:comment|reply)|\d*\s*comments?\s*(?:\(\d+\))?$|\d[\d,.]*\s*[km]?\s*shares?$|(?:post|add|write|view|show) (?:a |all |the )?comments?\b|comment on this|like us on|listen to (?:this|the) (?:article|story)|print(?: this)?(?: article| page)?$|e-?mail(?: this)?(?: article| page)?$|copy link$|advert(?:isement)?s?$|this (?:slideshow|video|content|page|site) requires javascript|(?:please )?enable javascript\b|sponsored(?: content)?$|continue reading|forward (?:this|to a friend)\b|unsubscribe\b|manage (?:your )?(?:preferences|subscriptions?|newsletters?)\b|view (?:this email |it )?in (?:your |a )?browser|читайте (?:также|ещё|еще|нас)|читать (?:далее|также|полностью|ещё|еще)|смотрите также|поделиться|подписывайтесь|подпишитесь|присоединяйтесь|комментари(?:и|ев|й)\b|оставить комментарий|реклама$|новости партн[её]ров)";
/// Reading-time and listening widgets: "6 min read", "Reading time: 4 minutes", "12-minute listen".
const WIDGET_PAT: &str = r"^(?:\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?\.?|hours?|hrs?)\s+(?:read|listen)|(?:estimated )?(?:reading|listening) time\s*:?\s*\d{1,3}\s*(?:min(?:ute)?s?|hours?)\.?|\d{1,3}\s*min\.?|(?:lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|lästid|lesetid)\s*:?\s*\d{1,3}\s*(?:min(?:\.|uten?|utes?|utos?|uti|uter|uty)?|minuto)|\d{1,3}\s*(?:min\.?|minuten|minutes|minutos|minuti|minuter)\s+(?:lesezeit|lesedauer|de lecture|de lectura|di lettura|de leitura|leestijd|lästid|lesetid)|время (?:чтения|прочтения)\s*:?\s*\d{1,3}\s*мин\w*|\d{1,3}\s*мин(?:ут[аы]?)?\.?\s+(?:чтения|на чтение))$";
/// A sign-off crediting the reporters, one or more such sentences: "Sultanova reported from
/// Baku, Azerbaijan.", "Associated Press writer Lynn Berry contributed from Moscow.",
/// "Frankel reported from Jerusalem." Names, outlet and role words before the verb; only place
/// names after it.
/// The rules ask [`credit_sentence`], the same test by hand; the pattern is its definition and
/// the tests' reference.
#[cfg(test)]
pub(super) static CREDIT_SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&credit_sentence_pattern()).expect("pattern"));

/// A necessary condition for [`CREDIT_SENTENCE`] (case-sensitive): its verb, "reported",
/// "reports", "contributed" or "contributes", is in the sentence. (Most sentences are answered
/// here.)
fn may_be_credit(s: &str) -> bool {
    s.contains("report") || s.contains("contribut")
}

/// [`CREDIT_SENTENCE`]'s pattern.
#[cfg(test)]
pub(super) fn credit_sentence_pattern() -> String {
    let word = r"\p{Lu}[\p{L}'.\-]*";
    let role =
        r"(?:writers?|reporters?|correspondents?|photographers?|journalists?|staff|and|of|the)";
    format!(
        r"^(?:(?:{word}|{role}),?\s+){{1,10}}(?:reported|contributed|reports|contributes)(?:\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article))?(?:\s+(?:from|in)\s+{word}(?:,?\s+(?:{word}|and))*)?\.?$"
    )
}
/// An author's note: "X is a senior correspondent.", "The author was a political officer ...".
/// (Asked behind [`may_be_author_note`](super::structure::may_be_author_note).)
/// (A [`Matcher`]: its capture search runs the PikeVM, on the few lines the guard lets
/// through, and it builds without the reverse NFA: 13.3 M instructions as `regex::Regex`.)
pub(super) static AUTHOR_NOTE: LazyLock<Matcher> =
    LazyLock::new(|| Matcher::without_backtracker(&[AUTHOR_NOTE_PAT], false));
pub(super) const AUTHOR_NOTE_PAT: &str = r"^(?:(?P<writer>(?i:the )(?:author|writer|columnist)s?)|(?P<name>\p{Lu}[\p{L}'.\-]+(?:\s+\p{Lu}[\p{L}'.\-]+){0,3}))\s+(?:is|was|are|were|has been|had been|served)\s+(?:also\s+|currently\s+|formerly\s+)?(?:a|an|the|as)\s";
const TAGS_PAT: &str = r"^(?:tags?|topics?|keywords?|filed under|categories|category|related topics|теги|тэги|метки|рубрик[аи]|темы?|ключевые слова)\s*:";
/// The alternatives of [`RELATED_HEADER`]: "more from X" (see [`more_from_end`]) and the others.
macro_rules! related_heads {
    () => {
        concat!(
            r"more (?:from|on|in) [\w ]{1,30}|",
            related_heads_but_more_from!()
        )
    };
}
/// The alternatives of [`RELATED_HEADER`] but "more from X": [`RELATED_HEADER_END`]'s. (That one
/// opens the line with "more from", "more on" or "more in" and none of these does, so which
/// comes first does not matter.)
macro_rules! related_heads_but_more_from {
    () => {
        r#"related(?: articles| stories| news| posts| content| coverage| reading)?|more (?:stories|news|articles|headlines)|read (?:also|more|next)|see also|recommended(?: for you| reading| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)|latest(?: news| stories| articles| headlines| posts)?|most (?:read|popular|viewed|shared)|popular(?: now| posts| news| stories)?|trending(?: now| stories)?|top stories|editor'?s (?:picks|choice)|what to read next|must[- ]reads?|in case you missed it|читайте также|по теме|похожие (?:новости|статьи|материалы|публикации)|другие новости|последние новости|популярное|самое (?:читаемое|популярное)|новости по теме|ещё по теме|еще по теме|материалы по теме|лента новостей|главное"#
    };
}
/// A related-content header opening the line: "Related:", "Read more", "Most popular",
/// "Читайте также". Guard: [`related_opening`].
pub(super) static RELATED_HEADER: Guarded = Guarded::ci(
    "related header",
    concat!("^(?:", related_heads!(), r")\s*:?(.*)$"),
    related_opening,
);

/// [`RELATED_HEADER`] without its capture of the rest of the line and without its "more from X"
/// alternative ([`more_from_end`] stands for it): where it ends is where the capture starts (the
/// capture `(.*)$` matches whatever follows on a line without `\n`, so the header's alternative,
/// spaces and colon are the ones the whole pattern takes).
pub(super) static RELATED_HEADER_END: Guarded = Guarded::ci(
    "related header end",
    concat!("^(?:", related_heads_but_more_from!(), r")\s*:?"),
    related_opening,
);

/// Where [`RELATED_HEADER`]'s "more from X" alternative, `more (?:from|on|in) [\w ]{1,30}`, and
/// the spaces and colon after it end their match on `text`, by hand: the 30 copies of the
/// Unicode `\w` class made the pattern the costliest of the stage to build (some 6 ms of the
/// first document), for a search of a few characters. The words' letters have no case variant
/// outside ASCII; the greedy repetition takes all it can (what follows may be empty), `\s` is
/// `char::is_whitespace` (Unicode `White_Space`), `\w` [`regex_syntax::is_word_character`]. A
/// proptest holds `related_rest` to the pattern's capture.
pub(super) fn more_from_end(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let head = ["more from ", "more on ", "more in "]
        .iter()
        .find(|h| b.len() >= h.len() && b[..h.len()].eq_ignore_ascii_case(h.as_bytes()))?;
    let mut end = head.len();
    let words = text[end..]
        .chars()
        .take(30)
        .take_while(|&c| c == ' ' || regex_syntax::is_word_character(c));
    let (mut n, mut len) = (0usize, 0usize);
    for c in words {
        n += 1;
        len += c.len_utf8();
    }
    if n == 0 {
        return None;
    }
    end += len;
    end += text[end..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>();
    if text[end..].starts_with(':') {
        end += 1;
    }
    Some(end)
}

/// The lowercased first two letters of [`RELATED_HEADER`]'s English alternatives.
const RELATED_OPENINGS: [[u8; 2]; 12] = [
    *b"re", *b"mo", *b"se", *b"yo", *b"la", *b"po", *b"tr", *b"to", *b"ed", *b"wh", *b"mu", *b"in",
];

/// A necessary condition for [`RELATED_HEADER`]: [`opens_among`] its [`RELATED_OPENINGS`], the
/// line's first byte any ASCII byte (the other alternatives open with a Cyrillic letter, whose
/// case variants are all non-ASCII); most lines ("The", "He", "A") stop here.
fn related_opening(t: &str) -> bool {
    opens_among(t, &RELATED_OPENINGS, u8::is_ascii)
}
const BYLINE_PREFIX_PAT: &str = r"^(?:by|written by|posted by|words by|story by|text by|reported by|by:|von|par|por|door)\s+(\S.*)$";
const AUTHOR_LABEL_PAT: &str = r"^(?:authors?|writer|reporter|correspondent|editor|columnist|contributor|source|autor(?:in|en|es|as|a)?|auteure?s?|autor[ei]|författare|forfatter|автор(?:ы)?(?: текста)?|текст|редактор|корреспондент|источник)\s*:\s*\S";
/// "(Reporting by X; Editing by Y)" opening the line.
/// (The rules ask it through [`Opens`]; this guarded form is kept for the tests that hold the
/// guards to their patterns.)
#[cfg(test)]
pub(super) static REPORTING_BY: Guarded = Guarded::ci("reporting by", REPORTING_BY_PAT, |t| {
    contains_ascii_ci(t, " by")
});
const REPORTING_BY_PAT: &str =
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b";
/// "X contributed to this report." closing the line.
pub(super) static CONTRIBUTED: Guarded = Guarded::ci(
    "contributed",
    r"\bcontributed (?:to )?(?:this |the )?(?:report|story|article|reporting)\.?\)?$",
    |t| ends_like_contributed(t) && contains_ascii_ci(t, "contributed"),
);

/// A necessary condition for [`CONTRIBUTED`] from the line's last bytes: after an optional `)`
/// and then an optional `.`, the line ends with "report", "article", "reporting" or the "tory" of
/// "story" (ASCII case-insensitively: their letters have no case variant outside ASCII, except
/// the `s` of "story", left out). Most lines end otherwise (a sentence ending in "t" or "e" among
/// them), and the byte search for "contributed" is skipped.
fn ends_like_contributed(text: &str) -> bool {
    let b = text.as_bytes();
    let b = b.strip_suffix(b")").unwrap_or(b);
    let b = b.strip_suffix(b".").unwrap_or(b);
    ["report", "tory", "article", "reporting"]
        .iter()
        .any(|w| b.len() >= w.len() && b[b.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes()))
}
/// A sign-off repeating the outlet, "— Reuters", "(AFP)": case-sensitive and anchored, so a line
/// it matches starts with a dash or `(`. The rules ask [`sign_off`], the same test by hand; the
/// pattern is its definition and the tests' reference.
#[cfg(test)]
pub(super) static SIGN_OFF: Guarded = Guarded::cs(
    "sign-off",
    r"^(?:[\u{2014}\u{2013}-]+\s*\S.{0,40}|\((?:[A-Z][\w.]*\s?){1,3}\))$",
    |t| t.starts_with(['\u{2014}', '\u{2013}', '-', '(']),
);
/// A bare domain name: "example.az", "https://www.example.com/" ([`domain`]).
pub(super) use domain::is_domain;
use sign_off::sign_off;
/// The separator between the items of a menu or breadcrumb, spaced: " | ", " > ", " / ", " • ".
/// Guard: one of its separator characters (`:` for `::`) right after a space
/// ([`spaced_separator`]).
pub(super) static LINK_SEP: Guarded = Guarded::cs(
    "link separator",
    r"\s+(?:\||>|›|»|/|•|·|::|\\)\s+",
    spaced_separator,
);

/// A necessary condition for [`LINK_SEP`]: a separator character (`:` for `::`) right after a
/// whitespace character (`\s` and `char::is_whitespace` are both Unicode `White_Space`). "5/6",
/// "12:30", "http://" and "a > b" unspaced on the left fail.
///
/// Asked of every line: the separators' first bytes are found eight at a time (most lines have
/// none, where the search for the characters decoded every character and compared it with
/// each of the nine), and only there are the character and the one before it decoded.
/// `spaced_separator_plain` is the reference.
fn spaced_separator(t: &str) -> bool {
    // ('›' and '•' open with E2, '»' and '·' with C2.)
    const FIRST_BYTES: [u8; 7] = [b'|', b'>', b'/', b':', b'\\', 0xC2, 0xE2];
    any_byte_at(t.as_bytes(), &FIRST_BYTES, |i| {
        t[i..].chars().next().is_some_and(|c| SEPS.contains(&c))
            && t[..i].chars().next_back().is_some_and(char::is_whitespace)
    })
}

/// The separators [`spaced_separator`] looks for.
const SEPS: [char; 9] = ['|', '>', '›', '»', '/', '•', '·', ':', '\\'];

/// [`spaced_separator`] character by character (the reference the tests hold it to).
#[cfg(test)]
fn spaced_separator_plain(t: &str) -> bool {
    if !t.contains(SEPS) {
        return false;
    }
    let mut after_space = false;
    t.chars().any(|c| {
        let hit = after_space && SEPS.contains(&c);
        after_space = c.is_whitespace();
        hit
    })
}

/// A name-like run of words: every word capitalised (initials and particles allowed).
pub(super) fn name_like(part: &str) -> bool {
    let words: Vec<&str> = part
        .split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || with_lowercase(w, |lower| {
                    NAME_PARTICLES.contains(&lower) || ROLE_WORDS.contains(&lower)
                })
        })
}

/// A byline: "By X in Y, date", "Author: X", "(Reporting by X)", "X contributed to this report",
/// a sign-off "— Reuters".
fn byline_pattern(text: &str, f: &Feat, opens: &Opens<'_>) -> bool {
    if f.words > 25 {
        return false;
    }
    let reporting = opens.matched(OPEN_REPORTING_BY) || CONTRIBUTED.is_match(text);
    if reporting
        || opens.matched(OPEN_AUTHOR_LABEL)
            && f.words <= 12
            && text
                .split_once(':')
                .is_some_and(|(_, rest)| label_names(rest))
    {
        return true;
    }
    // The set first: captures only for the few lines that match.
    if let Some(rest) = opens
        .matched(OPEN_BYLINE)
        .then(|| byline_rest(text))
        .flatten()
    {
        // "By X", "By X and Y in Z, date": "By escalating the dispute, ..." is a sentence.
        return names_only(rest);
    }
    // A sign-off repeating the outlet: "— Reuters", "(AFP)".
    sign_off(text)
        && f.words <= 4
        && name_like(text.trim_start_matches(['\u{2014}', '\u{2013}', '-', ' ']))
        || chinese_byline(text)
}

/// A byline by its form alone: "By" (or "Written by", "Von", ...) and names only ("By Jane
/// Roe", not "By escalating the dispute"), whatever claimed the line.
pub(crate) fn signed_by(text: &str) -> bool {
    byline_rest(text).is_some_and(names_only)
}

/// Whether `rest` (what follows an author label's colon: "Author: Jane Roe", "Source: Reuters")
/// names someone rather than being what they said: a transcript's "REPORTER: Does it settle the
/// dispute?" or "REPORTER: Tell us about the deal." is a question or a sentence (it ends as one,
/// and a statement has five words or more, two of them lowercase), not a byline.
fn label_names(rest: &str) -> bool {
    let t = rest.trim_end();
    let said = t.ends_with(['?', '!'])
        || t.ends_with('.') && {
            let words = t.split_whitespace();
            let lower = words
                .clone()
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .count();
            words.count() >= 5 && lower >= 2
        };
    !said
}

/// A byline by [`byline_pattern`], for the passes that ask of one line.
pub(super) fn is_byline(text: &str, f: &Feat) -> bool {
    byline_pattern(text, f, &Opens::of(text))
}

/// A photo caption or credit: "Photo: X", a credit closing the line, "Image generated with AI",
/// a caption placing its people ("X, left, and Y").
fn caption_pattern(text: &str, f: &Feat, opens: &Opens<'_>) -> bool {
    (f.words <= 40 && opens.matched(OPEN_CAPTION))
        || credit_end(text)
        || agency_line(text)
        || credit_label(text)
        || position_caption(text, f.words)
        || (f.words <= 20 && opens.matched(OPEN_MADE_WITH))
}

/// A necessary condition for [`COPYRIGHT`], in one pass over the bytes: `©`, `(c)`, a Cyrillic
/// letter (the Russian forms), or one of the English phrases' words. The ASCII needles have no `k`
/// or `s` (see [`contains_ascii_ci`]), so byte comparisons find every place the case-insensitive
/// pattern could match them. Cyrillic is judged by lead bytes, a superset: every character of
/// U+0400..U+052F starts with a byte in `D0..=D4`, of U+1C80..U+1C8F with `E1`, of
/// U+A640..U+A69F with `EA` (a test checks every Cyrillic case variant).
///
/// A line of ASCII only (most) is searched for one byte of each ASCII needle, eight bytes at a
/// time: `(` for "(c)", `y` for "copyright" and "may not be", `g` for "all right", `p` for
/// "reproduction" (each in either case); every occurrence of a needle holds its byte at a fixed
/// offset, so this finds what the byte loop finds (a proptest compares them).
///
/// A line with other bytes is first searched for a Cyrillic lead byte and for `©` by loops
/// without a branch per byte; the ASCII needles are then found by the same scan (their bytes
/// never occur inside a multi-byte character). The byte loop's `match` on every byte of such
/// lines (curly quotes and dashes make most lines of some sites non-ASCII) was a jump table: a
/// quarter of the stage's mispredicted indirect branches.
fn may_be_copyright(text: &str) -> bool {
    let b = text.as_bytes();
    if !b.is_ascii() && (cyrillic_lead(b) || memchr::memmem::find(b, "©".as_bytes()).is_some()) {
        return true;
    }
    let at = |i: usize, back: usize, needle: &[u8]| {
        i.checked_sub(back)
            .and_then(|s| b.get(s..s + needle.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    };
    // (Case-folded, the seven bytes are four: `(` folds to itself.)
    any_folded_byte_at(b, b"(ygp", b"(yYgGpP", |i| match b[i] {
        b'(' => at(i, 0, b"(c)"),
        b'y' | b'Y' => at(i, 3, b"copyright") || at(i, 2, b"may not be"),
        b'g' | b'G' => at(i, 6, b"all right"),
        _ => at(i, 2, b"reproduction"),
    })
}

/// Whether `b` holds a lead byte of a Cyrillic character (see [`may_be_copyright`]), sixteen
/// bytes at a time with no branch inside a chunk (the compiler makes it a vector compare).
fn cyrillic_lead(b: &[u8]) -> bool {
    b.chunks(16).any(|chunk| {
        chunk.iter().fold(false, |any, &c| {
            any | matches!(c, 0xD0..=0xD4 | 0xE1 | 0xEA)
        })
    })
}

/// [`may_be_copyright`] by a loop over every byte (the reference the tests hold it to).
#[cfg(test)]
fn may_be_copyright_bytes(b: &[u8]) -> bool {
    // (The second byte first: most letters that open a needle are not followed by its second.)
    let at = |i: usize, needle: &[u8]| {
        b.get(i + 1)
            .is_some_and(|c| c.eq_ignore_ascii_case(&needle[1]))
            && b.get(i..i + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    };
    b.iter().enumerate().any(|(i, &c)| match c {
        b'(' => at(i, b"(c)"),
        0xC2 => b.get(i + 1) == Some(&0xA9),
        0xD0..=0xD4 | 0xE1 | 0xEA => true,
        b'c' | b'C' => at(i, b"copyright"),
        b'a' | b'A' => at(i, b"all right"),
        b'r' | b'R' => at(i, b"reproduction"),
        b'm' | b'M' => at(i, b"may not be"),
        _ => false,
    })
}

/// A prompt opening the line ("Follow us on", "Sign up", "Read more"), whatever its length.
pub(super) fn is_prompt(text: &str) -> bool {
    opener_matches(OPEN_PROMPT, text)
}

/// A prompt or widget: "Read more", "Share this article", "Subscribe", "6 min read", a row of
/// share buttons.
fn prompt_pattern(text: &str, f: &Feat, opens: &Opens<'_>) -> bool {
    if opens.matched(OPEN_WIDGET) {
        return true;
    }
    if opens.matched(OPEN_PROMPT)
        && (f.words <= 14 || text.to_lowercase().starts_with("read more"))
        && !pointer_sentence(text, f)
    {
        return true;
    }
    // A post's meta line with its comment link: "May 5, 2021 By Jane Roe 4 Comments".
    share_row(text)
        || text_size(text)
        || post_meta(text, f)
        || chinese_tools(text)
        || consent(text, f)
}

/// The article's own sentence pointing to more ("Read more about the new model.", "Read more
/// about how many calories you need."): "read more about" and a lowercase word, five words or
/// more, a full stop closing it (not an ellipsis, the mark of a teaser cut short).
fn pointer_sentence(text: &str, f: &Feat) -> bool {
    const OPENING: &str = "read more about ";
    f.words >= 5
        && text.ends_with('.')
        && !text.ends_with("..")
        && text
            .get(..OPENING.len())
            .is_some_and(|o| o.eq_ignore_ascii_case(OPENING))
        && text[OPENING.len()..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// A tag line: "Tags: ...", or hashtags making half the tokens.
fn tags_pattern(text: &str, f: &Feat, opens: &Opens<'_>) -> bool {
    if f.words <= 40 && opens.matched(OPEN_TAGS) {
        return true;
    }
    // (A prose line is no hashtag line: asked first, it spares most lines the search for `#`.)
    if f.prose || !text.contains('#') {
        return false;
    }
    mostly_hashtags(text)
}

/// Half the line's tokens or more are hashtags ("#word").
fn mostly_hashtags(text: &str) -> bool {
    let (mut toks, mut hashes) = (0usize, 0usize);
    for t in text.split_whitespace() {
        toks += 1;
        if t.starts_with('#') && t.chars().nth(1).is_some_and(char::is_alphabetic) {
            hashes += 1;
        }
    }
    hashes >= 1 && hashes * 2 >= toks
}

/// [`tags_pattern`] asking prose last (the reference the reordered test is held to).
#[cfg(test)]
fn tags_pattern_plain(text: &str, f: &Feat, opens: &Opens<'_>) -> bool {
    if f.words <= 40 && opens.matched(OPEN_TAGS) {
        return true;
    }
    if !text.contains('#') {
        return false;
    }
    mostly_hashtags(text) && !f.prose
}

/// A menu of three short items or more, or a breadcrumb from "Home".
fn link_list_pattern(text: &str, f: &Feat, _: &Opens<'_>) -> bool {
    // Without a separator the line is one item: neither three items nor a breadcrumb. A date
    // line with its parts between slashes ("Nov. 19, 2019 / 8:59 AM / Updated 2 hours ago") is
    // a timestamp.
    if f.words > 30 || f.prose || f.stamp || !LINK_SEP.may_match(text) {
        return false;
    }
    let items: Vec<&str> = LINK_SEP
        .regex()
        .split(text)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let short = items
        .iter()
        .all(|i| i.split_whitespace().count() <= 5 && !terminal(i));
    let breadcrumb =
        items.len() >= 2 && BREADCRUMB_ROOTS.contains(&bare(items[0]).to_lowercase().as_str());
    short && (items.len() >= 3 || breadcrumb)
}

/// Every word capitalised, or "and" between names: "Jane Roe", "Jane Roe and John Doe".
pub(super) fn bare_name(text: &str) -> bool {
    text.split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .all(|w| w == "and" || w.chars().next().is_some_and(char::is_uppercase))
}

/// Two short capitalised parts around one separator, no sentence, a single section word first:
/// "World | Europe", "Newsletter | The Week in Europe" (not "Jane Roe | Reuters", a byline).
pub(super) fn section_path(text: &str, f: &Feat) -> bool {
    // Without a separator the line is one part.
    if f.prose || !LINK_SEP.may_match(text) {
        return false;
    }
    let parts: Vec<&str> = LINK_SEP.regex().split(text).map(str::trim).collect();
    !f.prose
        && parts.len() == 2
        && parts[0].split_whitespace().count() == 1
        && parts.iter().all(|p| {
            let n = p.split_whitespace().count();
            (1..=4).contains(&n) && !terminal(p) && p.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A sign-off crediting the reporters: every sentence of the line is a credit.
pub(super) fn credit_line(text: &str, f: &Feat) -> bool {
    f.words <= 40
        && text
            .split(". ")
            .map(|s| s.trim().trim_end_matches('.'))
            .all(|s| !s.is_empty() && may_be_credit(s) && credit_sentence(s))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fast_paths;

#[cfg(test)]
mod openings;
