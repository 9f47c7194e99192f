//! `meta.site`: the name of the site or outlet a page comes from, when the page says it clearly.
//!
//! Reads the page's lines (after the layers have claimed theirs) and the headline; creates one
//! name or nothing. Evidence, strongest first:
//!
//! 1. **A headline with the site after it**: a line "Headline | Site" (also `-`, `–`, `—`, `::`,
//!    `·`) whose headline part is `meta.title`, or a headline line of that shape itself: the
//!    part after the separator, when it is one to five words (page titles: "... - BBC News").
//! 2. **The copyright holder** of the last copyright line ("© 2024 The Outlet. All rights
//!    reserved.", "Copyright 2019 BGR Media, LLC", "© Telegraph Media Group Limited 2019"):
//!    years, legal forms (Inc, LLC, Ltd, Limited, plc, GmbH, ...) and what follows the name are
//!    dropped. A line that credits a photo or image ("Photo: © X") is not a copyright line, and
//!    the word "Copyright" alone counts only with a year on the line ("Copyright Policy" is a
//!    menu link).
//! 3. **A domain alone on the first or last line** ("NJ.com").
//!
//! A copyright holder that is a domain ("MacRumors.com, LLC") is the site itself.
//!
//! A copyright holder must be confirmed, since it is often the publisher that owns the site
//! ("Dow Jones & Company" on a newspaper's page): a short line (one to four words) among the
//! first or last 15 lines spells at least half of its name, letters and digits compared ("Fox
//! News" in "FOX News Network"; that line's spelling is used), or the holder's name occurs on
//! another line of the page. Anything else is unsure: no site.

use super::guarded::{any_byte_at, any_folded_byte_at};
use super::line::{words, Line};

/// Separators between a headline and a site name in page titles.
const SEPARATORS: [&str; 6] = [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{B7} "];

/// Legal forms dropped from a copyright holder (compared without case and final dot).
const LEGAL: [&str; 16] = [
    "inc",
    "llc",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "corp",
    "corporation",
    "co",
    "sa",
    "s.a",
    "ag",
    "lp",
    "llp",
    "pty",
    "srl",
];

/// Words on a line that make its `©` a photo credit.
const CREDIT_WORDS: [&str; 6] = ["photo", "image", "foto", "getty", "credit", "picture"];

/// The site name of a page: see the module docs.
pub(crate) fn find(lines: &[Line<'_>], title: Option<&str>) -> Option<String> {
    // (Room for every line at once: collected from a filter, the vector grew by doubling, a
    // reallocation and a copy at each.)
    let mut texts: Vec<&str> = Vec::with_capacity(lines.len());
    texts.extend(lines.iter().map(|l| l.text).filter(|t| !t.is_empty()));
    if let Some(site) = title.and_then(|t| title_suffix(&texts, t)) {
        return Some(site);
    }
    let (at, holder) = texts
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| may_name_holder(l))
        .find_map(|(i, l)| copyright_holder(l).map(|h| (Some(i), h)))
        .or_else(|| {
            [0, texts.len().saturating_sub(1)]
                .into_iter()
                .filter(|&i| texts.get(i).is_some_and(|l| is_domain(l)))
                .map(|i| (None, texts[i].to_string()))
                .next()
        })?;
    // (A holder that is a domain, "MacRumors.com", names the site itself.)
    let Some(at) = at.filter(|_| !is_domain(&holder)) else {
        return Some(holder);
    };
    // The holder must be named again on the page, or be named by a short chrome line: a
    // publisher that owns the site ("Dow Jones & Company") is not its name.
    let chrome = CHROME_LINES.min(texts.len());
    let long = squash(&holder);
    let spelled = texts[..chrome]
        .iter()
        .chain(&texts[texts.len() - chrome..])
        .find(|l| {
            // (The ends first, then the words, counted up to five: the chrome lines may be
            // paragraphs.)
            l.starts_with(char::is_alphanumeric)
                && !l.ends_with(['.', ',', ':', '!', '?'])
                && may_spell_part(l, &long)
                && spells_part(l, &long)
        });
    if let Some(l) = spelled {
        return Some(l.to_string());
    }
    // Named again above the footer (in the header, where the site's own name stands, or the
    // body); a publisher is named in the footer only.
    let key = long;
    let footer = CHROME_LINES.min(texts.len() / 4);
    let mut buf = Vec::new();
    let probe = probe(&key);
    let named_again = texts[..texts.len() - footer]
        .iter()
        .enumerate()
        .any(|(i, l)| {
            i != at
                && probe.map_or(true, |p| {
                    any_byte_at(l.as_bytes(), &[p, p.to_ascii_uppercase()], |_| true)
                })
                && squash_contains(l, &key, &mut buf)
        });
    named_again.then_some(holder)
}

/// Whether the chrome line `l` spells at least half of the squashed holder `long`: one to four
/// words whose letters and digits `long` contains (three of them at least).
fn spells_part(l: &str, long: &str) -> bool {
    (1..=4).contains(&words(l).take(5).count()) && {
        let short = squash(l);
        short.len() * 2 >= long.len() && short.chars().count() >= 3 && long.contains(&short)
    }
}

/// A necessary condition of [`spells_part`], on the line's first byte alone: an ASCII letter or
/// digit there, lowercased, starts the squashed line, so `long` holds it. (Most chrome lines
/// fail it, before their words are counted.)
fn may_spell_part(l: &str, long: &str) -> bool {
    match l.as_bytes().first() {
        Some(&b) if b.is_ascii_alphanumeric() => long.as_bytes().contains(&b.to_ascii_lowercase()),
        _ => true,
    }
}

/// Whether a line may hold what [`copyright_holder`] looks for in its lowercase: `©`, `ⓒ` (or
/// `Ⓒ`, which lowercases to it), `(c)` or `copyright`. Only ASCII letters lowercase to the ASCII
/// letters of these two words (the Kelvin sign gives `k`, in neither; `İ` gives `i` and a
/// combining dot, which breaks the word), so an ASCII case-insensitive byte search finds them.
fn may_name_holder(line: &str) -> bool {
    // `©` is C2 A9, `ⓒ` E2 93 92, `Ⓒ` E2 92 B8 in UTF-8; "copyright" is found by its `y`.
    let b = line.as_bytes();
    let at = |i: usize, needle: &[u8]| {
        b.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    };
    // (Case-folded, `C2` and `E2` are one test, `y` and `Y` another.)
    any_folded_byte_at(
        b,
        &[0xE2, b'(', b'y'],
        &[0xC2, 0xE2, b'(', b'y', b'Y'],
        |i| match b[i] {
            0xC2 => b.get(i + 1) == Some(&0xA9),
            0xE2 => matches!(b.get(i + 1..i + 3), Some([0x93, 0x92] | [0x92, 0xB8])),
            b'(' => at(i, b"(c)"),
            _ => i >= 3 && at(i - 3, b"copyright"),
        },
    )
}

/// A byte of the squashed `key` that a line must hold, in either case, for its squashed form to
/// contain the key: the key's rarest ASCII letter or digit (by English letter frequency), not `k`
/// nor `i`. Those two are the only ASCII letters a non-ASCII character lowercases to (the Kelvin
/// sign, `İ`); the others come from the same letter in either case only.
fn probe(key: &str) -> Option<u8> {
    const BY_FREQUENCY: &[u8] = b"etaonshrdlcumwfgypbvjxqz0123456789";
    key.bytes()
        .filter_map(|b| BY_FREQUENCY.iter().position(|&f| f == b).map(|r| (r, b)))
        .max()
        .map(|(_, b)| b)
}

/// `squash(line).contains(key)`, without allocating: the squashed line is written into `buf`
/// (reused from line to line, ASCII byte by byte) and searched for the key's bytes (a byte match
/// of UTF-8 in UTF-8 is a match of characters).
fn squash_contains(line: &str, key: &str, buf: &mut Vec<u8>) -> bool {
    if line.is_ascii() {
        return ascii_squash_contains(line.as_bytes(), key.as_bytes());
    }
    // An ASCII key in a line without the Kelvin sign (E2 84 AA) or `İ` (C4 B0), the only
    // letters that lowercase to ASCII ones (`lowercase_to_ascii_are_two` checks every
    // character): the line's other characters squash to non-ASCII bytes or nothing, so the key
    // is found among its ASCII bytes, a non-ASCII letter or digit breaking a match.
    // (One character at a time: a `char` needle is a byte search, a set of them decodes.)
    if key.is_ascii() && !line.contains('\u{212A}') && !line.contains('\u{130}') {
        return mixed_squash_contains(line, key.as_bytes());
    }
    buf.clear();
    buf.reserve(line.len());
    // ASCII bytes through the table (most bytes of a line with a few curly quotes); only the
    // other characters are decoded.
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii() {
            let f = SQUASH_FOLD[usize::from(b[i])];
            if f != 0 {
                buf.push(f);
            }
            i += 1;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                buf.extend_from_slice(l.encode_utf8(&mut [0u8; 4]).as_bytes());
            }
        }
    }
    let k = key.as_bytes();
    let Some((&first, rest)) = k.split_first() else {
        return true;
    };
    let Some(last_start) = buf.len().checked_sub(k.len()) else {
        return false;
    };
    buf[..=last_start]
        .iter()
        .enumerate()
        .any(|(i, &b)| b == first && &buf[i + 1..i + k.len()] == rest)
}

/// [`squash_contains`] of an ASCII line, without squashing it: from every letter or digit that
/// folds to the key's first byte, the key's bytes are compared with the line's letters and digits
/// in order, the other bytes skipped (they are what squashing drops). A key with a non-ASCII
/// character never matches (the squashed line is ASCII).
fn ascii_squash_contains(line: &[u8], key: &[u8]) -> bool {
    let Some(&first) = key.first() else {
        return true;
    };
    let fold = |b: u8| SQUASH_FOLD[usize::from(b & 0x7F)];
    // The bytes that fold to the key's first: a lowercase letter and its capital, or a digit
    // (a key that starts otherwise is never matched: no byte folds to it).
    if !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
        return false;
    }
    any_byte_at(line, &[first, first.to_ascii_uppercase()], |i| {
        let mut rest = key[1..].iter();
        let mut next = rest.next();
        for &b in &line[i + 1..] {
            let Some(&want) = next else { break };
            match fold(b) {
                0 => continue,
                f if f == want => next = rest.next(),
                _ => return false,
            }
        }
        next.is_none()
    })
}

/// [`ascii_squash_contains`] of a line with non-ASCII characters, none lowercasing to ASCII, and an
/// ASCII key: a non-ASCII character is skipped when squashing drops it (not a letter or digit),
/// and ends the match otherwise (it squashes to bytes the key has not).
fn mixed_squash_contains(line: &str, key: &[u8]) -> bool {
    let Some(&first) = key.first() else {
        return true;
    };
    if !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
        return false;
    }
    let b = line.as_bytes();
    any_byte_at(b, &[first, first.to_ascii_uppercase()], |i| {
        let mut rest = key[1..].iter();
        let mut next = rest.next();
        let mut at = i + 1;
        while at < b.len() {
            let Some(&want) = next else { break };
            if !b[at].is_ascii() {
                // (`at` is a character boundary: the bytes before it were ASCII or whole
                // characters.)
                let Some(c) = line[at..].chars().next() else {
                    return false;
                };
                if c.is_alphanumeric() {
                    return false;
                }
                at += c.len_utf8();
                continue;
            }
            match SQUASH_FOLD[usize::from(b[at])] {
                0 => {}
                f if f == want => next = rest.next(),
                _ => return false,
            }
            at += 1;
        }
        next.is_none()
    })
}

/// What squashing keeps of an ASCII byte: a letter lowercased, a digit, or nothing (0).
static SQUASH_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Lines at each end of the page where a short line naming the site counts as its spelling.
const CHROME_LINES: usize = 15;

/// Lowercased letters and digits (an ASCII string byte by byte, through the table).
fn squash(s: &str) -> String {
    if s.is_ascii() {
        // (At most the string's bytes: room for them at once, not grown from a filter.)
        let mut out = String::with_capacity(s.len());
        out.extend(
            s.bytes()
                .map(|b| SQUASH_FOLD[usize::from(b)])
                .filter(|&f| f != 0)
                .map(char::from),
        );
        return out;
    }
    squash_chars(s)
}

/// [`squash`] character by character.
fn squash_chars(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `squash(s).starts_with(prefix)`, without building the squashed string: stops at the first
/// character that differs (most lines differ at once). The line's ASCII start is compared byte by
/// byte through the table, the rest (from its first other character) character by character.
fn squash_starts_with(s: &str, prefix: &str) -> bool {
    let p = prefix.as_bytes();
    let mut k = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if k == p.len() {
            return true;
        }
        if !b.is_ascii() {
            // (Every byte matched so far is ASCII: `i` and `k` are character boundaries.)
            return squash_starts_with_chars(&s[i..], &prefix[k..]);
        }
        match SQUASH_FOLD[usize::from(b)] {
            0 => {}
            f if f == p[k] => k += 1,
            _ => return false,
        }
    }
    k == p.len()
}

/// [`squash_starts_with`] character by character.
fn squash_starts_with_chars(s: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    for c in s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
    {
        match want.next() {
            None => return true,
            Some(w) if w == c => {}
            Some(_) => return false,
        }
    }
    want.next().is_none()
}

/// `squash(s) == squashed`, without building the squashed string.
fn squash_is(s: &str, squashed: &str) -> bool {
    let mut want = squashed.chars();
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .all(|c| want.next() == Some(c))
        && want.next().is_none()
}

/// Whether two spellings name the same thing: one's letters and digits contain the other's (at
/// least three of them).
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (squash(a), squash(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 3 && long.contains(&short)
}

/// A site name of one to five words: no final sentence punctuation, some letter.
fn name_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=5).contains(&words)
        && s.chars().any(char::is_alphabetic)
        && !s.ends_with(['.', '!', '?', ',', ':'])
        && s.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Rule 1: the site after (or before) the headline on a page-title line.
fn title_suffix(texts: &[&str], title: &str) -> Option<String> {
    let title = title.trim();
    let t = squash(title);
    if t.is_empty() {
        return None;
    }
    // (Both shapes need the line's letters and digits to start with the headline's: the head
    // before a separator is a prefix of the line, and so is the headline line itself. Most
    // lines differ from the headline in their first letter, and are not scanned further.)
    let candidates = texts
        .iter()
        .filter(|l| squash_starts_with(l, &t) && has_separator(l));
    for line in candidates {
        for sep in SEPARATORS {
            let Some((head, tail)) = line.rsplit_once(sep) else {
                continue;
            };
            let (head, tail) = (head.trim(), tail.trim());
            if squash_is(head, &t) && name_like(tail) {
                return Some(tail.to_string());
            }
            // The headline line itself in the shape "Headline | Site" (not with a dash, which
            // headlines use themselves), when the site is named again on the page.
            if *line == title
                && !sep.contains(['-', '\u{2013}', '\u{2014}'])
                && head.split_whitespace().count() >= 4
                && name_like(tail)
                && texts.iter().any(|l| l != line && same_name(l, tail))
            {
                return Some(tail.to_string());
            }
        }
    }
    None
}

/// Whether one of the [`SEPARATORS`] occurs in `line` (each starts with a space): one scan, so
/// the lines without any (most) are not searched once per separator.
fn has_separator(line: &str) -> bool {
    let b = line.as_bytes();
    // The byte after the space tells the separators apart from a space between words.
    (0..b.len().saturating_sub(1)).any(|i| {
        b[i] == b' '
            && matches!(b[i + 1], b'|' | b'-' | b':' | 0xE2 | 0xC2)
            && SEPARATORS.iter().any(|s| b[i..].starts_with(s.as_bytes()))
    })
}

/// Rule 2: the holder named on a copyright line.
fn copyright_holder(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let sign = ["\u{A9}", "\u{24D2}", "(c)"]
        .iter()
        .filter_map(|m| lower.find(m).map(|at| (at, m.len())))
        .min();
    let word = lower.find("copyright").map(|at| (at, "copyright".len()));
    let has_year = line
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let (at, len) = match (sign, word) {
        (Some(s), Some(w)) => s.min(w),
        (Some(s), None) => s,
        (None, Some(w)) if has_year => w,
        _ => return None,
    };
    if CREDIT_WORDS.iter().any(|w| lower[..at].contains(w)) {
        return None;
    }
    // `lower` and `line` share byte offsets only when lowercasing kept every length; otherwise
    // read the holder from the lowercased text's char count.
    let rest = if lower.len() == line.len() {
        &line[at + len..]
    } else {
        let skip = lower[..at + len].chars().count();
        let byte = line.char_indices().nth(skip).map_or(line.len(), |(b, _)| b);
        &line[byte..]
    };
    holder(rest)
}

/// The name at the start of `rest` (the text after a copyright mark).
fn holder(rest: &str) -> Option<String> {
    // Marks, years and year ranges before the name.
    let mut s = rest;
    loop {
        let t = s.trim_start_matches(|c: char| {
            c.is_whitespace()
                || c.is_ascii_digit()
                || matches!(c, '-' | '\u{2013}' | ',' | '\u{A9}' | '\u{24D2}')
        });
        let t = ["copyright", "(c)"]
            .iter()
            .find_map(|m| {
                t.get(..m.len())
                    .filter(|p| p.eq_ignore_ascii_case(m))
                    .map(|_| &t[m.len()..])
            })
            .unwrap_or(t);
        if t.len() == s.len() {
            break;
        }
        s = t;
    }
    // The name ends at a sentence end, a separator or a clause.
    let mut end = name_end(s);
    if let Some(at) = s.to_lowercase().find("all rights") {
        if at <= end {
            end = at;
        }
    }
    let mut words: Vec<&str> = Vec::new();
    for w in s[..end].split_whitespace() {
        let bare = w.trim_end_matches('.').to_lowercase();
        if LEGAL.contains(&bare.as_str()) {
            break;
        }
        words.push(w);
    }
    // Trailing years ("Telegraph Media Group 2019") and dots go.
    while words
        .last()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '-'))
    {
        words.pop();
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(['.', ' ']).to_string();
    (name_like(&name) && name.split_whitespace().count() <= 5).then_some(name)
}

/// Where a copyright holder's name ends in the text after the mark: at the first of
/// [`NAME_STOPS`] (a sentence end, a separator or a clause), else at the end.
fn name_end(s: &str) -> usize {
    // (One pass over the bytes, not one search per stop: every stop starts with an ASCII byte
    // or a lead byte, so a byte match is a match at a character boundary.)
    let b = s.as_bytes();
    (0..b.len())
        .find(|&i| {
            matches!(b[i], b'.' | b'|' | b';' | b'(' | b'"' | b',' | b' ' | 0xE2)
                && NAME_STOPS
                    .iter()
                    .any(|stop| b[i..].starts_with(stop.as_bytes()))
        })
        .unwrap_or(b.len())
}

/// What ends a copyright holder's name ([`name_end`]).
const NAME_STOPS: [&str; 10] = [
    ". ",
    "|",
    ";",
    "(",
    "\"",
    "\u{201C}",
    ",",
    " - ",
    " \u{2013} ",
    " All ",
];

/// Rule 3: a line that is only a domain name ("NJ.com", "www.example.co.uk").
fn is_domain(line: &str) -> bool {
    let parts: Vec<&str> = line.split('.').collect();
    parts.len() >= 2
        && !line.contains(' ')
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && parts
            .last()
            .is_some_and(|tld| (2..=6).contains(&tld.len()) && tld.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests;
