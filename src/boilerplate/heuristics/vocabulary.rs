//! The heuristics' word lists: stopwords (English and Russian, for the share of function words that
//! tells prose from labels), and the short generic web vocabularies the line rules look words up
//! in. No list of any site's strings: only words any news page of the language may use.
//!
//! Policy: words are looked up lowercased; the stopword test has a packed-key fast path for ASCII
//! words that the tests hold to the plain set lookup.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::boilerplate::line::{ascii_key, with_lowercase};

/// English stopwords.
pub(super) const EN_STOP: &[&str] = &[
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

/// Russian stopwords.
pub(super) const RU_STOP: &[&str] = &[
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

/// Every stopword, and the longest one's length in characters: looked up once per word of every
/// line. (Fx hashing: the keys are our own short words, and its order is never visible.)
static STOPS: LazyLock<(FxHashSet<&'static str>, usize)> = LazyLock::new(|| {
    let set: FxHashSet<&'static str> = EN_STOP.iter().chain(RU_STOP).copied().collect();
    let longest = set.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    (set, longest)
});

/// The ASCII stopwords (the English ones), each packed by [`ascii_key`].
pub(super) static ASCII_STOPS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    EN_STOP
        .iter()
        .chain(RU_STOP)
        .filter_map(|w| ascii_key(w.as_bytes()))
        .collect()
});

/// Whether the lowercased `word` is a stopword. Lowercasing never shortens a word in characters,
/// so a word longer than the longest stopword is none. An ASCII word lowercases to an ASCII word,
/// so only the ASCII stopwords can be its lowercase: a packed-key lookup, no string hashing (every
/// ASCII stopword has at most 7 letters, a test checks).
pub(super) fn is_stop(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_ascii() {
        return ascii_key(b).is_some_and(|k| ASCII_STOPS.contains(&k));
    }
    is_stop_chars(word)
}

/// [`is_stop`] of a word that is not ASCII, given its lowercase (`line::with_lowercase`): the
/// line features lowercase such a word once for this and its language bits.
#[inline]
pub(super) fn is_stop_lowered(word: &str, lower: &str) -> bool {
    let (set, longest) = &*STOPS;
    word.chars().nth(*longest).is_none() && set.contains(lower)
}

/// [`is_stop`] for any word: the set lookup of its lowercase.
pub(super) fn is_stop_chars(word: &str) -> bool {
    let (set, longest) = &*STOPS;
    let too_long = if word.is_ascii() {
        word.len() > *longest
    } else {
        word.chars().nth(*longest).is_some()
    };
    !too_long && with_lowercase(word, |w| set.contains(w))
}

/// Role and affiliation nouns an author's note names (with a name as the subject).
pub(super) static NOTE_ROLES: &[&str] = &[
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

/// Labels of share buttons and their networks: a line made only of them is a row of buttons.
/// Older bookmarking networks too ("Digg", "Newsvine", "del.icio.us"): archived news pages
/// print them in their article tools (measured on the first build of the L3S-GN1 set of 2008
/// news pages, with "article", "page" and "story" among [`SHARE_FILLERS`]: 67 more boilerplate
/// lines removed, one more headline right, 7 more on the newer sets, no article line). And the
/// tools beside them ("Bookmark", "Printable version", "Email to a friend | Printer friendly
/// version", "Print | Send to a friend"; measured on the rebuilt L3S-GN1 set: 24 more
/// boilerplate lines removed and one more headline right there, 3 on the modern set (2 of its
/// snippets), no article line).
pub(super) static SHARE_WORDS: &[&str] = &[
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
    "digg",
    "newsvine",
    "stumbleupon",
    "delicious",
    "del.icio.us",
    "bookmark",
    "printable",
    "xing",
    "tumblr",
    "mastodon",
    "flipboard",
    "teilen",
    "drucken",
];

/// Social networks' names, for a column of share or follow buttons one a line (a name alone on
/// its line is as often a company's in a list).
pub(super) static NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "vk",
    "вконтакте",
    "одноклассники",
    "pinterest",
    "messenger",
    "bluesky",
    "instagram",
    "youtube",
    "tiktok",
    "flipboard",
    "tumblr",
    "xing",
    "mastodon",
];

/// Words a share button's label holds besides its network's name ("Click to share on Facebook
/// (Opens in new window)", "Auf Facebook teilen", "Per E-Mail teilen", "Link kopieren"): a line of
/// these and [`SHARE_WORDS`], one of those at least, is a share button ("E-mail this article",
/// "Print this page"). Verbs, prepositions and the page's nouns of the share widgets of common
/// CMS in the languages of the web, no article words ("the"), so a sentence does not read as
/// one. Such a label opens with a share word or with one of
/// [`SHARE_OPENERS`].
#[rustfmt::skip]
pub(super) static SHARE_FILLERS: &[&str] = &[
    // en (WordPress's Jetpack: "Click to share on X (Opens in new window)")
    "click", "to", "on", "via", "this", "opens", "in", "new", "window", "tab", "a", "friend",
    "url", "article", "page", "story", "printer", "friendly", "version", "view", "send", "your",
    // de, fr, es, it, pt, nl, pl, sv/da/no
    "auf", "per", "teilen", "kopieren", "partager", "sur", "par", "compartir", "en", "por",
    "condividi", "su", "compartilhar", "delen", "op", "udostępnij", "dela", "på", "del",
];

/// The [`SHARE_FILLERS`] a share button's label may open with (not "a", "in" or "on", which open
/// many lines).
#[rustfmt::skip]
pub(super) static SHARE_OPENERS: &[&str] = &[
    "click", "via", "auf", "per", "teilen", "partager", "compartir", "condividi", "compartilhar",
    "delen", "udostępnij", "dela", "del",
];

/// Words a byline may hold besides names: roles, desks and the particles between them.
pub(super) static ROLE_WORDS: &[&str] = &[
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
    // "and" of the bylines in other languages ("Von X und Y", "Por X y Y", "Par X et Y")
    "und",
    "et",
    "y",
    "e",
    "en",
    "mit",
];

/// Lowercase particles inside personal names ("Ursula von der Leyen", "Ahmad ibn Said").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "al", "bin", "la", "le", "da", "di", "der", "del", "ibn",
];

/// The first item of a breadcrumb trail ("Home > World > Europe").
pub(super) const BREADCRUMB_ROOTS: &[&str] = &["home", "main", "главная", "новости", "news"];

/// The words of every stopword list and the heuristics' own stopwords, each as listed,
/// capitalised and uppercased: what the tests of the stopword lookups ask.
#[cfg(test)]
pub(super) fn listed_words() -> Vec<String> {
    use crate::boilerplate::stopwords::{case_forms, LISTS};
    LISTS
        .iter()
        .flat_map(|(_, l)| l.lines())
        .chain(EN_STOP.iter().copied())
        .chain(RU_STOP.iter().copied())
        .filter(|w| !w.is_empty())
        .flat_map(case_forms)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boilerplate::line::ascii_key_within;

    /// The keyed test the line features take (`features::WORD_KEYS`: a short ASCII word is a
    /// stopword when its key is among the [`ASCII_STOPS`], a longer ASCII word never, another
    /// word by its lowercase) is `is_stop`, for the words of every list (as listed,
    /// capitalised, uppercased), the heuristics' own stopwords and others, with the key read
    /// from a line (as the features read it) and from the word alone.
    #[test]
    fn the_keyed_test_is_is_stop() {
        let keyed = |word: &str, key: Option<u64>| match key {
            Some(k) => ASCII_STOPS.contains(&k),
            None => !word.is_ascii() && is_stop_chars(word),
        };
        let mut words = listed_words();
        words.extend(
            [
                "",
                "x",
                "minister",
                "Baku",
                "abcdefgh",
                "İstanbul",
                "\u{212A}now",
                "東京",
            ]
            .map(String::from),
        );
        for w in &words {
            let line = format!("({w}) said");
            let in_line = &line[1..1 + w.len()];
            assert_eq!(
                keyed(in_line, ascii_key_within(&line, in_line)),
                is_stop(w),
                "{w:?}"
            );
            assert_eq!(keyed(w, ascii_key(w.as_bytes())), is_stop(w), "{w:?}");
        }
    }
}
