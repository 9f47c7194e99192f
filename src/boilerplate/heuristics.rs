//! Layer 2: built-in heuristics, each switchable under `[boilerplate.heuristics]` and each named in
//! the audit trail. They decide from line features (length, sentence end, share of title-case
//! words, share of stopwords for the document's script, date patterns, position relative to the
//! headline and the body, neighbours), plus short generic web vocabularies ("share", "subscribe",
//! "photo", "all rights reserved", in English and Russian). No list of any site's strings.
//!
//! Order (the first that claims a line names it): `dated-list`, `related-list`, then the one-line
//! patterns `copyright`, `caption`, `prompt`, `tags`, `link-list`, `byline`, `timestamp`; then the
//! structure: the headline is found, `byline` names next to dates, `section-label`s above the
//! headline or after the body, `repeated-title` copies, and `separator` lines between claims.
//!
//! Policy: a line that reads as prose (a sentence end with many stopwords, or a long line) is never
//! claimed by the structural heuristics, so short paragraphs, quotes, subheadings ("Conclusion",
//! "1. ...") and bullet points inside the article stay.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};
use rustc_hash::FxHashSet;
use serde::Deserialize;

use super::meta::{is_lone_dateline, is_timestamp};
use super::{with_lowercase, Line};

/// `[boilerplate.heuristics]`: every built-in heuristic, on by default.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct HeuristicOptions {
    /// Lists of short headlines alternating with date lines (sidebars, "Latest news").
    pub dated_list: bool,
    /// A "Related articles" / "Читайте также" header and the headline list under it.
    pub related_list: bool,
    /// Bylines and author lines ("By X in Y, date", "Author: X", a name next to a date).
    pub byline: bool,
    /// Standalone dates and timestamps ("14 Jan 2026", "2 hours ago", "Updated: ...").
    pub timestamp: bool,
    /// Photo captions and credits ("Photo: ...", "(AP Photo/X)", "/ X via Pixabay").
    pub caption: bool,
    /// Share, subscribe, read-more, follow and comment prompts.
    pub prompt: bool,
    /// Copyright and "all rights reserved" lines.
    pub copyright: bool,
    /// "Tags: ..." and hashtag lines.
    pub tags: bool,
    /// Lines of several short items separated by `|`, `>`, `/`, `»`, `•` (menus, breadcrumbs).
    pub link_list: bool,
    /// Lone section or navigation words above the headline or after the body.
    pub section_label: bool,
    /// Later identical copies of the headline.
    pub repeated_title: bool,
    /// Lines without letters or digits next to a claimed line.
    pub separator: bool,
}

impl Default for HeuristicOptions {
    fn default() -> Self {
        HeuristicOptions {
            dated_list: true,
            related_list: true,
            byline: true,
            timestamp: true,
            caption: true,
            prompt: true,
            copyright: true,
            tags: true,
            link_list: true,
            section_label: true,
            repeated_title: true,
            separator: true,
        }
    }
}

/// Where the article sits: found by the heuristics, used by the later layers and by meta.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The headline line.
    pub title: Option<usize>,
}

const EN_STOP: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "no", "not", "now",
    "of", "on", "once", "only", "or", "other", "our", "out", "over", "said", "says", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "under", "until", "up", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your",
];

const RU_STOP: &[&str] = &[
    "а",
    "без",
    "более",
    "бы",
    "был",
    "была",
    "были",
    "было",
    "быть",
    "в",
    "во",
    "вот",
    "все",
    "всё",
    "вы",
    "где",
    "да",
    "для",
    "до",
    "его",
    "ее",
    "её",
    "если",
    "есть",
    "еще",
    "ещё",
    "же",
    "за",
    "и",
    "из",
    "или",
    "им",
    "их",
    "к",
    "как",
    "когда",
    "кто",
    "ли",
    "либо",
    "мы",
    "на",
    "над",
    "не",
    "него",
    "нет",
    "ни",
    "но",
    "о",
    "об",
    "он",
    "она",
    "они",
    "оно",
    "от",
    "по",
    "под",
    "после",
    "при",
    "с",
    "со",
    "так",
    "также",
    "то",
    "того",
    "только",
    "том",
    "у",
    "уже",
    "чем",
    "что",
    "чтобы",
    "это",
    "этого",
    "этой",
    "этот",
    "я",
];

/// Strips the punctuation around a token. Fast path: when the first and the last byte kept by a
/// byte scan are ASCII letters or digits, everything cut before and after them was ASCII
/// punctuation (ASCII bytes are whole characters), so the slice is what `trim_matches` keeps;
/// otherwise (a non-ASCII character at either edge) the char-level trim decides.
pub(crate) fn bare(token: &str) -> &str {
    let b = token.as_bytes();
    let keep = |c: &u8| !c.is_ascii() || c.is_ascii_alphanumeric();
    let Some(start) = b.iter().position(keep) else {
        // Only ASCII punctuation and spaces.
        return "";
    };
    let end = b.iter().rposition(keep).unwrap_or(start);
    if b[start].is_ascii() && b[end].is_ascii() {
        return &token[start..=end];
    }
    bare_chars(token)
}

/// [`bare`] by characters (the reference the fast path is tested against).
fn bare_chars(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Line features.
#[derive(Clone, Copy, Debug, Default)]
struct Feat {
    /// Tokens with a letter or digit.
    words: usize,
    /// Ends a sentence (after closing quotes and brackets).
    terminal: bool,
    /// Share of capitalised words among the alphabetic non-stopwords.
    title_share: f32,
    /// Share of stopwords among the alphabetic words.
    stop_share: f32,
    /// Only a date or time.
    stamp: bool,
    /// Reads as running prose.
    prose: bool,
    /// Starts with a bullet or list number.
    bullet: bool,
    /// Has a letter or digit.
    alnum: bool,
    /// Has a digit.
    digit: bool,
}

/// Every stopword, and the longest one's length in characters: looked up once per word of every
/// line. (Fx hashing: the keys are our own short words, and its order is never visible.)
static STOPS: LazyLock<(FxHashSet<&'static str>, usize)> = LazyLock::new(|| {
    let set: FxHashSet<&'static str> = EN_STOP.iter().chain(RU_STOP).copied().collect();
    let longest = set.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    (set, longest)
});

/// The ASCII stopwords (the English ones), each packed by [`ascii_key`].
static ASCII_STOPS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    EN_STOP
        .iter()
        .chain(RU_STOP)
        .filter_map(|w| ascii_key(w.as_bytes()))
        .collect()
});

/// An ASCII word of at most 7 bytes, lowercased into the low 7 bytes of a `u64` with its length in
/// the top byte (so no two words share a key); `None` for a longer or non-ASCII word.
fn ascii_key(word: &[u8]) -> Option<u64> {
    if word.len() > 7 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    buf[7] = word.len() as u8;
    Some(u64::from_le_bytes(buf))
}

/// Whether the lowercased `word` is a stopword. Lowercasing never shortens a word in characters,
/// so a word longer than the longest stopword is none. An ASCII word lowercases to an ASCII word,
/// so only the ASCII stopwords can be its lowercase: a packed-key lookup, no string hashing (every
/// ASCII stopword has at most 7 letters, a test checks).
fn is_stop(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_ascii() {
        return ascii_key(b).is_some_and(|k| ASCII_STOPS.contains(&k));
    }
    is_stop_chars(word)
}

/// [`is_stop`] for any word: the set lookup of its lowercase.
fn is_stop_chars(word: &str) -> bool {
    let (set, longest) = &*STOPS;
    let too_long = if word.is_ascii() {
        word.len() > *longest
    } else {
        word.chars().nth(*longest).is_some()
    };
    !too_long && with_lowercase(word, |w| set.contains(w))
}

fn terminal(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']', '*'])
        .ends_with(['.', '!', '?', '\u{2026}', ';'])
}

static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-*•–—▪◦·]\s|\d{1,2}[.)]\s|[IVXLC]{1,5}\.\s|[a-z]\)\s)").expect("pattern")
});

/// A necessary condition for [`BULLET`] from the first two characters: a bullet sign, a digit
/// (`\d` is Unicode `Nd`, within `char::is_numeric`), a Roman numeral letter, or a lowercase
/// ASCII letter followed by `)`. Most lines start with a capital that is none of these.
fn may_be_bullet(text: &str) -> bool {
    let mut cs = text.chars();
    match cs.next() {
        Some('-' | '*' | '•' | '–' | '—' | '▪' | '◦' | '·' | 'I' | 'V' | 'X' | 'L' | 'C') => {
            true
        }
        Some('a'..='z') => cs.next() == Some(')'),
        Some(c) => c.is_numeric(),
        None => false,
    }
}

fn features(text: &str) -> Feat {
    let mut f = Feat {
        terminal: terminal(text),
        stamp: is_timestamp(text),
        bullet: may_be_bullet(text) && BULLET.is_match(text),
        digit: text.bytes().any(|b| b.is_ascii_digit()),
        ..Feat::default()
    };
    let (mut alpha, mut stops, mut content, mut caps) = (0usize, 0usize, 0usize, 0usize);
    for tok in text.split_whitespace() {
        let w = bare(tok);
        let Some(&b) = w.as_bytes().first() else {
            continue;
        };
        f.words += 1;
        // The first character's class, from its byte when it is ASCII.
        let (alphabetic, upper) = if b.is_ascii() {
            (b.is_ascii_alphabetic(), b.is_ascii_uppercase())
        } else {
            let first = w.chars().next().unwrap_or_default();
            (first.is_alphabetic(), first.is_uppercase())
        };
        if !alphabetic {
            continue;
        }
        alpha += 1;
        if is_stop(w) {
            stops += 1;
        } else {
            content += 1;
            if upper {
                caps += 1;
            }
        }
    }
    // A token counts as a word when it has a letter or digit, and whitespace is neither: the line
    // has one exactly when it has a word.
    f.alnum = f.words > 0;
    f.stop_share = if alpha == 0 {
        0.0
    } else {
        stops as f32 / alpha as f32
    };
    f.title_share = if content == 0 {
        0.0
    } else {
        caps as f32 / content as f32
    };
    f.prose = !f.stamp
        && ((f.words >= 8 && f.terminal && f.title_share < 0.7)
            || (f.words >= 5 && f.terminal && f.stop_share >= 0.25 && f.title_share < 0.5)
            || (f.words >= 8 && f.stop_share >= 0.2 && f.title_share < 0.5)
            || f.words >= 40);
    f
}

fn ci(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .expect("built-in pattern compiles")
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b\s*(?:©|\(c\)|(?:19|20)\d\d)|\ball rights reserved\b|\bвсе права (?:защищены|принадлежат)|\b(?:при|любое) (?:полном или частичном )?(?:использовании|перепечатке|копировании|воспроизведении)\b.*\b(?:ссылка|запрещен|разрешения)|\breproduction\b.{0,40}\b(?:prohibited|without (?:prior |written )?permission)|\bmay not be (?:published|reproduced|redistributed)",
    )
});
static CAPTION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:(?:main |top |header |cover |featured |file )?(?:photo|image|picture|illustration|photograph|video|graphic|infographic|credit|source of (?:the )?(?:photo|image)|фото|фотография|иллюстрация|изображение|видео|источник фото|кадр)s?(?:\s+(?:credit|source|by|courtesy|from))?\s*(?::|/|©|\||—|–|by\b))",
    )
});
/// A credit closing a caption, one pattern per form: "(AP Photo/X)", "/ X via Pixabay", "via
/// Getty Images", "Shutterstock". Their union is the caption-credit test; apart, each sits behind
/// its own cheap necessary condition ([`credit_end`]) and each is a simple pattern for the regex
/// engine (together they were among the slowest patterns of the stage).
const CREDIT_END: [&str; 4] = [
    r"\((?:[\w.]+\s+)?(?:photo|photograph|image|pool photo|фото)s?\b[^()]*\)\s*$",
    r"(?:^|\s)/\s*[^/]{1,60}\bvia\s+[\w.\- ]{2,40}$",
    r"(?:^|\s)via\s+(?:getty(?: images)?|pixabay|unsplash|pexels|wikimedia(?: commons)?|flickr|shutterstock|reuters|ap|afp)\s*$",
    r"\b(?:getty images|shutterstock|istock(?:photo)?|pixabay|unsplash|pexels|wikimedia commons|depositphotos|alamy)\s*$",
];
static CREDIT_ENDS: LazyLock<[Regex; 4]> = LazyLock::new(|| CREDIT_END.map(ci));
static MADE_WITH: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:illustrative (?:image|photo|picture)|(?:the )?(?:image|photo|picture|illustration|cover)s? (?:was |is )?(?:generated|created|made)\b|(?:generated|created|made) (?:with|by|using) (?:the help of )?(?:ai|\w+ ai)\b|иллюстративное фото|изображение сгенерировано)",
    )
});
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:read (?:more|also|next|the full (?:story|article))|also read|see also|more on (?:this|that)|click here|share(?: this| the)?(?: article| story| post| page)?\s*[:!]?$|share (?:on|via|to|this|the (?:article|story|post))\b|subscribe\b|sign up\b|join (?:us|our)\b|follow (?:us|@|our|\w+ on)\b|download (?:our|the) app|get the app|leave a (?:comment|reply)|\d*\s*comments?\s*(?:\(\d+\))?$|(?:post|add|write|view|show) (?:a |all |the )?comments?\b|comment on this|like us on|listen to (?:this|the) (?:article|story)|print(?: this)?(?: article| page)?$|e-?mail(?: this)?(?: article| page)?$|copy link$|advertisement$|sponsored(?: content)?$|continue reading|forward (?:this|to a friend)\b|unsubscribe\b|manage (?:your )?(?:preferences|subscriptions?|newsletters?)\b|view (?:this email |it )?in (?:your |a )?browser|читайте (?:также|ещё|еще|нас)|читать (?:далее|также|полностью|ещё|еще)|смотрите также|поделиться|подписывайтесь|подпишитесь|присоединяйтесь|комментари(?:и|ев|й)\b|оставить комментарий|реклама$|новости партн[её]ров)",
    )
});
/// Reading-time and listening widgets: "6 min read", "Reading time: 4 minutes", "12-minute listen".
static WIDGET: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?\.?|hours?|hrs?)\s+(?:read|listen)|(?:estimated )?(?:reading|listening) time\s*:?\s*\d{1,3}\s*(?:min(?:ute)?s?|hours?)\.?|время (?:чтения|прочтения)\s*:?\s*\d{1,3}\s*мин\w*|\d{1,3}\s*мин(?:ут[аы]?)?\.?\s+(?:чтения|на чтение))$",
    )
});
/// A sign-off crediting the reporters, one or more such sentences: "Sultanova reported from
/// Baku, Azerbaijan.", "Associated Press writer Lynn Berry contributed from Moscow.",
/// "Frankel reported from Jerusalem." Names, outlet and role words before the verb; only place
/// names after it.
static CREDIT_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"\p{Lu}[\p{L}'.\-]*";
    let role =
        r"(?:writers?|reporters?|correspondents?|photographers?|journalists?|staff|and|of|the)";
    Regex::new(&format!(
        r"^(?:(?:{word}|{role}),?\s+){{1,10}}(?:reported|contributed|reports|contributes)(?:\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article))?(?:\s+(?:from|in)\s+{word}(?:,?\s+(?:{word}|and))*)?\.?$"
    ))
    .expect("pattern")
});
/// An author's note: "X is a senior correspondent.", "The author was a political officer ...".
static AUTHOR_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<writer>(?i:the )(?:author|writer|columnist)s?)|(?P<name>\p{Lu}[\p{L}'.\-]+(?:\s+\p{Lu}[\p{L}'.\-]+){0,3}))\s+(?:is|was|are|were|has been|had been|served)\s+(?:also\s+|currently\s+|formerly\s+)?(?:a|an|the|as)\s",
    )
    .expect("pattern")
});
/// Role and affiliation nouns an author's note names (with a name as the subject).
static NOTE_ROLES: &[&str] = &[
    "correspondent",
    "reporter",
    "writer",
    "editor",
    "columnist",
    "journalist",
    "author",
    "contributor",
    "fellow",
    "scholar",
    "professor",
    "lecturer",
    "analyst",
    "researcher",
    "economist",
    "historian",
    "director",
    "officer",
    "diplomat",
    "ambassador",
    "adviser",
    "advisor",
    "consultant",
    "founder",
    "co-founder",
    "member",
    "partner",
    "chair",
    "head",
    "producer",
    "commentator",
    "expert",
    "student",
    "candidate",
    "host",
];
static SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "linkedin",
    "reddit",
    "vk",
    "вконтакте",
    "одноклассники",
    "ok",
    "viber",
    "pinterest",
    "print",
    "share",
    "copy",
    "link",
    "tweet",
    "messenger",
    "threads",
    "bluesky",
    "mail",
    "поделиться",
    "скопировать",
    "ссылку",
];
static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:tags?|topics?|keywords?|filed under|categories|category|related topics|теги|тэги|метки|рубрик[аи]|темы?|ключевые слова)\s*:",
    )
});
static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r#"^(?:related(?: articles| stories| news| posts| content| coverage| reading)?|more (?:from|on|in) [\w ]{1,30}|more (?:stories|news|articles|headlines)|read (?:also|more|next)|see also|recommended(?: for you| reading| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)|latest(?: news| stories| articles| headlines| posts)?|most (?:read|popular|viewed|shared)|popular(?: now| posts| news| stories)?|trending(?: now| stories)?|top stories|editor'?s (?:picks|choice)|what to read next|читайте также|по теме|похожие (?:новости|статьи|материалы|публикации)|другие новости|последние новости|популярное|самое (?:читаемое|популярное)|новости по теме|ещё по теме|еще по теме|материалы по теме|лента новостей|главное)\s*:?(.*)$"#,
    )
});
static BYLINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    ci(r"^(?:by|written by|posted by|words by|story by|text by|reported by|by:)\s+(\S.*)$")
});
static AUTHOR_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    ci(
        r"^(?:authors?|writer|reporter|correspondent|editor|columnist|contributor|source|автор(?:ы)?(?: текста)?|текст|редактор|корреспондент|источник)\s*:\s*\S",
    )
});
/// "(Reporting by X; Editing by Y)" opening the line.
static REPORTING_BY: LazyLock<Regex> = LazyLock::new(|| {
    ci(r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b")
});
/// "X contributed to this report." closing the line.
static CONTRIBUTED: LazyLock<Regex> = LazyLock::new(|| {
    ci(r"\bcontributed (?:to )?(?:this |the )?(?:report|story|article|reporting)\.?\)?$")
});
/// Case-sensitive and anchored: a line it matches starts with a dash or `(` (tested before it).
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\u{2014}\u{2013}-]+\s*\S.{0,40}|\((?:[A-Z][\w.]*\s?){1,3}\))$")
        .expect("pattern")
});
static DOMAIN: LazyLock<Regex> =
    LazyLock::new(|| ci(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,6}/?$"));
static LINK_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?:\||>|›|»|/|•|·|::|\\)\s+").expect("pattern"));
/// A necessary condition for a [`LINK_SEP`] match: one of its separator characters (`:` for
/// `::`).
fn may_have_link_sep(text: &str) -> bool {
    text.contains(['|', '>', '›', '»', '/', '•', '·', ':', '\\'])
}

static ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "columnist",
    "senior",
    "chief",
    "special",
    "news",
    "desk",
    "team",
    "agency",
    "agencies",
    "wire",
    "wires",
    "political",
    "foreign",
    "and",
    "in",
    "for",
    "of",
    "the",
    "on",
    "at",
    "с",
    "и",
    "из",
    "by",
];

/// A name-like run of words: every word capitalised (initials and particles allowed).
fn name_like(part: &str) -> bool {
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
                    [
                        "de", "van", "von", "al", "bin", "la", "le", "da", "di", "der", "del",
                        "ibn",
                    ]
                    .contains(&lower)
                        || ROLE_WORDS.contains(&lower)
                })
        })
}

fn byline_pattern(text: &str, f: &Feat) -> bool {
    if f.words > 25 {
        return false;
    }
    let reporting = contains_ascii_ci(text, " by") && REPORTING_BY.is_match(text)
        || contains_ascii_ci(text, "contributed") && CONTRIBUTED.is_match(text);
    if reporting || AUTHOR_LABEL.is_match(text) && f.words <= 12 {
        return true;
    }
    // `is_match` first: it allocates no capture slots, and most lines do not match.
    if let Some(c) = BYLINE_PREFIX
        .is_match(text)
        .then(|| BYLINE_PREFIX.captures(text))
        .flatten()
    {
        // "By X", "By X and Y in Z, date": the part before any date must be names, places and
        // roles only. "By escalating the dispute, ..." is a sentence.
        let rest = c.get(1).map_or("", |m| m.as_str());
        let mut head = rest.to_string();
        for d in super::meta::find_dates(rest).iter().rev() {
            head.replace_range(d.start.., "");
        }
        let parts: Vec<&str> = head
            .split([',', '|', ';', '•', '·', '(', ')', '—', '–'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let head_words = head.split_whitespace().count();
        return !parts.is_empty()
            && head_words <= 12
            && parts
                .iter()
                .all(|p| name_like(p) || is_timestamp(p) || DOMAIN.is_match(p));
    }
    // A sign-off repeating the outlet: "— Reuters", "(AFP)".
    text.starts_with(['\u{2014}', '\u{2013}', '-', '('])
        && SIGN_OFF.is_match(text)
        && f.words <= 4
        && name_like(text.trim_start_matches(['\u{2014}', '\u{2013}', '-', ' ']))
}

fn caption_pattern(text: &str, f: &Feat) -> bool {
    (f.words <= 40 && CAPTION_PREFIX.is_match(text))
        || credit_end(text)
        || (f.words <= 20 && MADE_WITH.is_match(text))
}

/// Whether `needle` (ASCII letters and spaces) occurs in `text`, ASCII case-insensitively. The
/// patterns' letters other than `k` and `s` have no case variants outside ASCII, and ASCII bytes
/// never occur inside a multi-byte UTF-8 character, so a byte search finds every place the
/// case-insensitive regex could match them.
fn contains_ascii_ci(text: &str, needle: &str) -> bool {
    let (hay, n) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(n.len()) else {
        return false;
    };
    // Compare the rest only where the first byte matches (the scan is most of the cost).
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    hay[..=last_start].iter().enumerate().any(|(i, &b)| {
        (b == lower || b == upper) && hay[i + 1..i + n.len()].eq_ignore_ascii_case(rest)
    })
}

/// Cyrillic letters and their case variants (the Cyrillic blocks, Extended-B and C).
#[cfg(test)]
fn cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52F}' | '\u{1C80}'..='\u{1C8F}' | '\u{A640}'..='\u{A69F}')
}

/// A necessary condition for [`COPYRIGHT`], in one pass over the bytes: `©`, `(c)`, a Cyrillic
/// letter (the Russian forms), or one of the English phrases' words. The ASCII needles have no `k`
/// or `s` (see [`contains_ascii_ci`]), so byte comparisons find every place the case-insensitive
/// pattern could match them. Cyrillic is judged by lead bytes, a superset: every character of
/// U+0400..U+052F starts with a byte in `D0..=D4`, of U+1C80..U+1C8F with `E1`, of
/// U+A640..U+A69F with `EA` (the tests compare it with the char-level test).
fn may_be_copyright(text: &str) -> bool {
    let b = text.as_bytes();
    let at = |i: usize, needle: &[u8]| {
        b.get(i..i + needle.len())
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

/// A caption credit closing the line: the [`CREDIT_END`] patterns, each tested only when its
/// necessary condition holds: a closing bracket last (before trailing spaces: `\s` and
/// `char::is_whitespace` are both Unicode `White_Space`), the word "via" (and a slash for the
/// second form), or a last character that ends one of the stock-photo names (with the non-ASCII
/// case variants of `s` and `k`).
fn credit_end(text: &str) -> bool {
    let [bracket, slash_via, via, stock] = &*CREDIT_ENDS;
    let last = text.trim_end().chars().next_back();
    let has_via = contains_ascii_ci(text, "via");
    last == Some(')') && bracket.is_match(text)
        || has_via && text.contains('/') && slash_via.is_match(text)
        || has_via && via.is_match(text)
        || last.is_some_and(|c| {
            matches!(
                c,
                's' | 'S' | '\u{17F}' | 'k' | 'K' | '\u{212A}' | 'o' | 'O' | 'y' | 'Y' | 'h' | 'H'
            )
        }) && stock.is_match(text)
}

fn prompt_pattern(text: &str, f: &Feat) -> bool {
    if WIDGET.is_match(text) {
        return true;
    }
    if PROMPT.is_match(text) && (f.words <= 14 || text.to_lowercase().starts_with("read more")) {
        return true;
    }
    // A row of share buttons: "Facebook Twitter WhatsApp Email".
    // Stops at the first token that is not a share word (most lines: the first one).
    let mut toks = 0usize;
    for t in text
        .split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·' || c == '•')
        .map(bare)
        .filter(|t| !t.is_empty())
    {
        if !with_lowercase(t, |t| SHARE_WORDS.contains(&t)) {
            return false;
        }
        toks += 1;
    }
    toks >= 2
}

fn tags_pattern(text: &str, f: &Feat) -> bool {
    if f.words <= 40 && TAGS.is_match(text) {
        return true;
    }
    if !text.contains('#') {
        return false;
    }
    let (mut toks, mut hashes) = (0usize, 0usize);
    for t in text.split_whitespace() {
        toks += 1;
        if t.starts_with('#') && t.chars().nth(1).is_some_and(char::is_alphabetic) {
            hashes += 1;
        }
    }
    hashes >= 1 && hashes * 2 >= toks && !f.prose
}

fn link_list_pattern(text: &str, f: &Feat) -> bool {
    // Without a separator the line is one item: neither three items nor a breadcrumb.
    if f.words > 30 || f.prose || !may_have_link_sep(text) {
        return false;
    }
    let items: Vec<&str> = LINK_SEP
        .split(text)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let short = items
        .iter()
        .all(|i| i.split_whitespace().count() <= 5 && !terminal(i));
    let breadcrumb = items.len() >= 2
        && ["home", "main", "главная", "новости", "news"]
            .contains(&bare(items[0]).to_lowercase().as_str());
    short && (items.len() >= 3 || breadcrumb)
}

/// What a line is, for the dated-list scan.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Date,
    Item,
    Other,
}

/// Claims the heuristics' lines; returns the layout they found.
pub(crate) fn apply(
    opts: &HeuristicOptions,
    lines: &[Line<'_>],
    claimed: &mut [Option<&str>],
) -> Layout {
    let feats: Vec<Feat> = lines.iter().map(|l| features(l.text)).collect();
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.is_empty())
        .collect();
    if opts.dated_list {
        dated_lists(&feats, &nonblank, claimed);
    }
    if opts.related_list {
        related_lists(lines, &feats, &nonblank, claimed);
    }
    type Pattern = fn(&str, &Feat) -> bool;
    let patterns: [(bool, &'static str, Pattern); 7] = [
        (opts.copyright, "copyright", |t, f| {
            f.words <= 45 && may_be_copyright(t) && COPYRIGHT.is_match(t)
        }),
        (opts.caption, "caption", caption_pattern),
        (opts.prompt, "prompt", prompt_pattern),
        (opts.tags, "tags", tags_pattern),
        (opts.link_list, "link-list", link_list_pattern),
        (opts.byline, "byline", byline_pattern),
        (opts.timestamp, "timestamp", |t, f| {
            f.stamp || is_lone_dateline(t)
        }),
    ];
    for &i in &nonblank {
        if claimed[i].is_some() {
            continue;
        }
        if let Some((_, name, _)) = patterns
            .iter()
            .find(|(on, _, p)| *on && p(lines[i].text, &feats[i]))
        {
            claimed[i] = Some(name);
        }
    }

    if opts.byline {
        author_notes(lines, &feats, &nonblank, claimed);
    }

    let free =
        |claimed: &[Option<&str>], i: usize| claimed[i].is_none() && !lines[i].text.is_empty();
    // The body: the first and last unclaimed prose lines.
    let first_prose = nonblank
        .iter()
        .copied()
        .find(|&i| free(claimed, i) && feats[i].prose);
    let last_prose = nonblank
        .iter()
        .copied()
        .rev()
        .find(|&i| free(claimed, i) && feats[i].prose);
    // The headline: the first free line of three words or more, no sentence end, before any
    // sentence of the body.
    let title = nonblank
        .iter()
        .copied()
        .take_while(|&i| !(free(claimed, i) && feats[i].prose && feats[i].terminal))
        .find(|&i| {
            free(claimed, i) && feats[i].words >= 3 && feats[i].words <= 30 && !feats[i].terminal
        })
        .or_else(|| first_prose.filter(|&i| !feats[i].terminal && feats[i].words <= 30));
    // A site or blog name above a byline, with the real headline under the byline: "Travel
    // Notes\nPosted by X on <date>\nThree Days in Baku\n<body>".
    let title = title.map(|t| {
        let key = title_key(lines[t].text);
        let mut byline_seen = false;
        for &i in nonblank.iter().filter(|&&i| i > t) {
            if first_prose.is_some_and(|p| i >= p) {
                break;
            }
            if matches!(claimed[i], Some("byline" | "timestamp")) {
                byline_seen = true;
            } else if claimed[i].is_none() {
                let f = &feats[i];
                // A sentence-case headline of four words or more is never a site name.
                let site_like = feats[t].words < 4 || feats[t].title_share >= 0.7;
                if site_like
                    && byline_seen
                    && f.words >= 3
                    && !f.terminal
                    && title_key(lines[i].text) != key
                {
                    if opts.section_label {
                        claimed[t] = Some("section-label");
                    }
                    return i;
                }
                break;
            }
        }
        t
    });
    let body_start = title.or(first_prose).unwrap_or(lines.len());
    let outside = |i: usize| i < body_start || last_prose.is_some_and(|l| i > l);

    if opts.byline {
        // A name (author or outlet) alone on a line next to a date or a byline.
        for (n, &i) in nonblank.iter().enumerate() {
            if !free(claimed, i)
                || Some(i) == title
                || !outside(i) && !near_claim(n, &nonblank, claimed)
            {
                continue;
            }
            let f = &feats[i];
            // Inside the body only a bare name: "Rubio in Antalya" under a live-blog time is a
            // subheading.
            let named = f.words <= 4
                && !f.terminal
                && !f.digit
                && name_like(lines[i].text)
                && !section_path(lines[i].text, f)
                && (outside(i) || bare_name(lines[i].text));
            let domain = DOMAIN.is_match(lines[i].text);
            let next_to_date = [n.checked_sub(1), Some(n + 1)]
                .into_iter()
                .flatten()
                .any(|m| {
                    nonblank.get(m).is_some_and(|&j| {
                        feats[j].stamp || matches!(claimed[j], Some("timestamp" | "byline"))
                    })
                });
            if (named || domain) && next_to_date && !f.bullet {
                claimed[i] = Some("byline");
            }
        }
    }
    if opts.section_label {
        // The first prose line under the headline (a long headline may read as prose itself).
        let body_prose = nonblank
            .iter()
            .copied()
            .find(|&i| free(claimed, i) && feats[i].prose && title.map_or(true, |t| i > t));
        for (n, &i) in nonblank.iter().enumerate() {
            if !free(claimed, i) || Some(i) == title {
                continue;
            }
            let f = &feats[i];
            let lone = f.words >= 1
                && f.words <= if i < body_start { 3 } else { 2 }
                && !f.terminal
                && !f.bullet
                && !(f.words == 1 && is_stop(bare(lines[i].text)));
            // Between the headline and the body, only a word sitting among other claimed lines.
            let between = title.is_some_and(|t| i > t) && first_prose.is_some_and(|p| i < p);
            // "Opinion | Guest essay", "World | Europe": a two-part section path above the body.
            let crumb = body_prose.is_some_and(|p| i < p) && section_path(lines[i].text, f);
            if crumb
                || lone
                    && (outside(i) || between && f.words == 1 && near_claim(n, &nonblank, claimed))
            {
                claimed[i] = Some("section-label");
            }
        }
    }
    if opts.repeated_title {
        if let Some(t) = title {
            let key = title_key(lines[t].text);
            // "Headline | Site": the headline part alone counts as a copy too.
            let text = lines[t].text;
            let cut = [" | ", " – ", " — ", " - "]
                .iter()
                .filter_map(|sep| text.find(sep))
                .min()
                .unwrap_or(text.len());
            let short = Some(title_key(&text[..cut]));
            // A key has one word per token with a letter or digit (lowercasing neither adds nor
            // removes a space), which is what `words` counts: a line with another count cannot
            // be a copy, so most lines are never keyed.
            let key_words = |k: &str| {
                if k.is_empty() {
                    0
                } else {
                    k.split(' ').count()
                }
            };
            let counts = [key_words(&key), short.as_deref().map_or(0, key_words)];
            for &i in nonblank.iter().filter(|&&i| i > t) {
                if !free(claimed, i) || feats[i].words == 0 || !counts.contains(&feats[i].words) {
                    continue;
                }
                let k = title_key(lines[i].text);
                if !k.is_empty() && (k == key || Some(&k) == short.as_ref()) {
                    claimed[i] = Some("repeated-title");
                }
            }
        }
    }
    if opts.separator {
        for (n, &i) in nonblank.iter().enumerate() {
            if free(claimed, i) && !feats[i].alnum {
                let prev = n
                    .checked_sub(1)
                    .map(|m| claimed[nonblank[m]].is_some())
                    .unwrap_or(true);
                let next = nonblank
                    .get(n + 1)
                    .map(|&j| claimed[j].is_some())
                    .unwrap_or(true);
                if prev || next {
                    claimed[i] = Some("separator");
                }
            }
        }
    }
    Layout { title }
}

/// Every word capitalised, or "and" between names: "Jane Roe", "Jane Roe and John Doe".
fn bare_name(text: &str) -> bool {
    text.split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .all(|w| w == "and" || w.chars().next().is_some_and(char::is_uppercase))
}

/// Two short capitalised parts around one separator, no sentence, a single section word first:
/// "World | Europe", "Newsletter | The Week in Europe" (not "Jane Roe | Reuters", a byline).
fn section_path(text: &str, f: &Feat) -> bool {
    // Without a separator the line is one part.
    if f.prose || !may_have_link_sep(text) {
        return false;
    }
    let parts: Vec<&str> = LINK_SEP.split(text).map(str::trim).collect();
    !f.prose
        && parts.len() == 2
        && parts[0].split_whitespace().count() == 1
        && parts.iter().all(|p| {
            let n = p.split_whitespace().count();
            (1..=4).contains(&n) && !terminal(p) && p.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A sign-off crediting the reporters: every sentence of the line is a credit.
fn credit_line(text: &str, f: &Feat) -> bool {
    f.words <= 40
        && text
            .split(". ")
            .map(|s| s.trim().trim_end_matches('.'))
            .all(|s| !s.is_empty() && CREDIT_SENTENCE.is_match(s))
}

/// A note about the author: "The author was ...", or "<Name> is a <role> ..." naming someone the
/// body above does not mention (a closing sentence about a person of the story stays).
fn author_note(lines: &[Line<'_>], claimed: &[Option<&str>], i: usize, f: &Feat) -> bool {
    let text = lines[i].text;
    if f.words > 60 || !f.terminal {
        return false;
    }
    let Some(c) = AUTHOR_NOTE.captures(text) else {
        return false;
    };
    if c.name("writer").is_some() {
        return true;
    }
    let Some(surname) = c
        .name("name")
        .and_then(|m| m.as_str().split_whitespace().last())
    else {
        return false;
    };
    let role = text
        .split_whitespace()
        .map(|w| bare(w).to_lowercase())
        .any(|w| NOTE_ROLES.contains(&w.as_str()));
    let mentioned = (0..i).any(|j| {
        claimed[j].is_none()
            && lines[j]
                .text
                .split_whitespace()
                .any(|w| bare(w).trim_end_matches("'s").trim_end_matches("\u{2019}s") == surname)
    });
    role && !mentioned
}

/// Reporter credits and author notes closing the article: the last unclaimed lines, read from the
/// end, while they are credits or notes (at most three).
fn author_notes(
    lines: &[Line<'_>],
    feats: &[Feat],
    nonblank: &[usize],
    claimed: &mut [Option<&str>],
) {
    let mut found = 0;
    for &i in nonblank.iter().rev() {
        if claimed[i].is_some() || !feats[i].alnum {
            continue;
        }
        if found < 3
            && (credit_line(lines[i].text, &feats[i]) || author_note(lines, claimed, i, &feats[i]))
        {
            claimed[i] = Some("author-note");
            found += 1;
        } else {
            break;
        }
    }
}

/// The previous or the next non-blank line is claimed.
fn near_claim(n: usize, nonblank: &[usize], claimed: &[Option<&str>]) -> bool {
    let prev = n
        .checked_sub(1)
        .is_some_and(|m| claimed[nonblank[m]].is_some());
    let next = nonblank.get(n + 1).is_some_and(|&j| claimed[j].is_some());
    prev || next
}

/// Lowercased words of a line, for comparing headline copies.
fn title_key(s: &str) -> String {
    s.split_whitespace()
        .map(bare)
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs of short headline lines alternating with date lines: at least two headlines and two
/// dates (three dates when the run starts the document, so a headline with two timestamps under
/// it is not taken for a list).
fn dated_lists(feats: &[Feat], nonblank: &[usize], claimed: &mut [Option<&str>]) {
    let kinds: Vec<Kind> = nonblank
        .iter()
        .map(|&i| {
            let f = &feats[i];
            if claimed[i].is_some() {
                Kind::Other
            } else if f.stamp {
                Kind::Date
            } else if f.words >= 1 && f.words <= 30 && !f.terminal || !f.alnum {
                Kind::Item
            } else {
                Kind::Other
            }
        })
        .collect();
    let mut n = 0;
    while n < kinds.len() {
        if kinds[n] == Kind::Other {
            n += 1;
            continue;
        }
        let mut end = n;
        while end < kinds.len() && kinds[end] != Kind::Other {
            end += 1;
        }
        // Split the run where more than three items follow each other (not a list any more):
        // the two items before the gap may close the list above, the two after it open the next.
        let mut piece_start = n;
        let mut k = n;
        while k < end {
            if kinds[k] != Kind::Item {
                k += 1;
                continue;
            }
            let from = k;
            while k < end && kinds[k] == Kind::Item {
                k += 1;
            }
            if k - from > 3 {
                claim_list(&kinds, nonblank, piece_start, from + 2, claimed);
                piece_start = k - 2;
            }
        }
        claim_list(&kinds, nonblank, piece_start, end, claimed);
        n = end;
    }
}

/// Claims the list in `kinds[from..to]` when it has enough dates and headlines.
fn claim_list(
    kinds: &[Kind],
    nonblank: &[usize],
    from: usize,
    to: usize,
    claimed: &mut [Option<&str>],
) {
    let piece = &kinds[from..to];
    let dates = piece.iter().filter(|&&k| k == Kind::Date).count();
    let first_date = piece.iter().position(|&k| k == Kind::Date);
    let last_date = piece.iter().rposition(|&k| k == Kind::Date);
    let (Some(fd), Some(ld)) = (first_date, last_date) else {
        return;
    };
    // Items are titles before their dates, or after them when the list opens with a date.
    let start = from + fd.saturating_sub(2);
    let stop = if fd == 0 {
        to.min(from + ld + 3)
    } else {
        from + ld + 1
    };
    let item_runs = piece[..]
        .split(|&k| k == Kind::Date)
        .filter(|r| !r.is_empty())
        .count();
    let at_top = nonblank.first().is_some_and(|&i| i == nonblank[start]);
    if dates < 2 || item_runs < 2 || at_top && dates < 3 {
        return;
    }
    for &i in &nonblank[start..stop] {
        if claimed[i].is_none() {
            claimed[i] = Some("dated-list");
        }
    }
}

/// A "Related" / "Latest news" / "Читайте также" header and the non-prose lines under it.
fn related_lists(
    lines: &[Line<'_>],
    feats: &[Feat],
    nonblank: &[usize],
    claimed: &mut [Option<&str>],
) {
    for (n, &i) in nonblank.iter().enumerate() {
        if claimed[i].is_some() {
            continue;
        }
        // `is_match` first: it allocates no capture slots, and most lines are no header.
        let text = lines[i].text;
        let Some(c) = RELATED_HEADER
            .is_match(text)
            .then(|| RELATED_HEADER.captures(text))
            .flatten()
        else {
            continue;
        };
        let rest = c.get(1).map_or("", |m| m.as_str()).trim();
        // A header alone, or glued to the first headline of the list (not a sentence).
        let rest_f = features(rest);
        let glued = rest.is_empty() || !rest_f.prose && !rest_f.terminal;
        let header_words = feats[i].words - rest_f.words;
        if !glued || header_words > 6 {
            continue;
        }
        let mut end = n + 1;
        while end < nonblank.len() {
            let j = nonblank[end];
            if feats[j].prose && (feats[j].terminal || feats[j].words > 30)
                || claimed[j].is_some_and(|c| c != "dated-list" && c != "timestamp")
            {
                break;
            }
            end += 1;
        }
        // A header with nothing listed under it is a prompt ("Read more"): claimed later.
        if end == n + 1 && rest.is_empty() {
            continue;
        }
        for &j in &nonblank[n..end] {
            if claimed[j].is_none() {
                claimed[j] = Some("related-list");
            }
        }
    }
}

#[cfg(test)]
mod tests;
