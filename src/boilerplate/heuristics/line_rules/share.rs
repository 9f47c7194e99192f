//! A row of share buttons ("Facebook Twitter WhatsApp Email", "Share | Print | Email", "Click
//! to share on Facebook (Opens in new window)"): every token a share word or a button's filler
//! word; or one button with its counter ("Share 0", "Pin 221"). Asked of every line the prompt
//! rule reaches; most stop at their first token. And a column of share buttons, one network's
//! name a line ([`share_columns`]).

use std::sync::LazyLock;

use crate::boilerplate::line::{ascii_key, bare, with_lowercase};

use crate::boilerplate::claim::Claim;

use super::super::features::Doc;
use super::super::vocabulary::{NETWORKS, SHARE_FILLERS, SHARE_OPENERS, SHARE_WORDS};

/// The separators of a share row besides whitespace.
const SEPARATORS: [char; 4] = ['|', '/', '·', '•'];

/// Share and follow buttons one a line ("Facebook" over "Twitter" over "LinkedIn"): a run of
/// two lines or more that are each one share word ([`SHARE_WORDS`]) or network name
/// ([`NETWORKS`]), not all the same, a network's name among them, the lines the prompt rule
/// took ("Follow us", "Print this article", a row of buttons) and blank lines passed over, are
/// claimed as prompts.
/// One name alone stays (a company named in a list); a list of networks under a lead-in
/// sentence ending in `:` is given back as content afterwards (`content-list`).
pub(in super::super) fn share_columns(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    // (The run's lone lines so far, and whether one is a network's name.)
    let mut run: Vec<usize> = Vec::new();
    let mut named = false;
    let close = |run: &mut Vec<usize>, named: &mut bool, claimed: &mut [Option<Claim>]| {
        // (Buttons name different networks: "Facebook" twice is two embedded posts' label.)
        let first = run.first().map(|&j| doc.text(j));
        let distinct = run
            .iter()
            .any(|&j| first.is_some_and(|f| !doc.text(j).eq_ignore_ascii_case(f)));
        if *named && distinct {
            for &i in run.iter() {
                claimed[i] = Some(Claim::Prompt);
            }
        }
        run.clear();
        *named = false;
    };
    for &i in &doc.nonblank {
        match claimed[i] {
            Some(Claim::Prompt) => continue,
            Some(_) => close(&mut run, &mut named, claimed),
            None => match lone_button(doc.text(i)) {
                Some(network) => {
                    run.push(i);
                    named |= network;
                }
                None => close(&mut run, &mut named, claimed),
            },
        }
    }
    close(&mut run, &mut named, claimed);
}

/// Bytes of a lone button's line at most: the longest name ("одноклассники", 26 bytes) with a
/// bullet and punctuation around it.
const MAX_BUTTON_BYTES: usize = 40;

/// Whether `text` is one share word or network name (a bullet or punctuation around it aside),
/// and if so whether it is a network's name.
fn lone_button(text: &str) -> Option<bool> {
    if text.len() > MAX_BUTTON_BYTES {
        return None;
    }
    let mut tokens = text
        .split(|c: char| c.is_whitespace() || SEPARATORS.contains(&c))
        .map(bare)
        .filter(|t| !t.is_empty());
    let token = tokens.next()?;
    if tokens.next().is_some() {
        return None;
    }
    with_lowercase(token, |t| {
        if NETWORKS.contains(&t) {
            Some(true)
        } else {
            SHARE_WORDS.contains(&t).then_some(false)
        }
    })
}

/// A row of two share words or more ([`share_tokens`]), asked first whether the line can open
/// with one ([`may_open_row`]): most lines stop there, where splitting off their first token
/// and looking it up cost some 200 instructions a line; or a Japanese share button
/// ([`japanese_button`]: its name need not be a share word, so it is not asked behind the fast
/// path; a length test and four suffix compares). `share_row_is_the_token_loop` holds it to the three
/// tests alone.
pub(crate) fn share_row(text: &str) -> bool {
    may_open_row(text.as_bytes()) && (share_tokens(text) || counted_button(text))
        || japanese_button(text)
}

/// The endings of a Japanese share button after its network's name ("Facebookでシェアする",
/// "メールで共有"): "share on", "share by".
const JA_SHARE_ENDINGS: [&str; 4] = ["でシェアする", "でシェア", "で共有する", "で共有"];

/// Most bytes of a Japanese share button's line (a long network name, "で", "シェアする").
const MAX_JA_BUTTON_BYTES: usize = 60;

/// A Japanese share button: a service's name and one of [`JA_SHARE_ENDINGS`], the whole line
/// ("Xでシェアする", "LINEで共有する", "メールでシェアする"): "share on X" says what the button does
/// whatever the network. The name is a share word, "メール" (mail), or one word in Latin
/// letters and digits of [`MAX_JA_NAME_BYTES`] at most (a service's brand: "LINE", "Threads");
/// a Japanese sentence ending the same way names no service in Latin letters ("情報をチームで
/// 共有する", sharing the news within a team, stays). Written with no space, the button is one
/// token, which [`share_tokens`] does not split.
pub(super) fn japanese_button(text: &str) -> bool {
    text.len() <= MAX_JA_BUTTON_BYTES
        && JA_SHARE_ENDINGS
            .iter()
            .find_map(|e| text.strip_suffix(e))
            .is_some_and(|name| {
                let name = bare(name);
                name == "メール"
                    || share_word(name)
                    || !name.is_empty()
                        && name.len() <= MAX_JA_NAME_BYTES
                        && name.bytes().all(|b| b.is_ascii_alphanumeric())
            })
}

/// Most bytes of a Latin-letter name before a Japanese share button's ending.
const MAX_JA_NAME_BYTES: usize = 20;

/// One share word and its counter, the whole line ("Share 0", "Pin 221", "Facebook 1.2K",
/// "Tweet (12)"): the button with the number of shares the page prints beside it.
pub(super) fn counted_button(text: &str) -> bool {
    let mut tokens = text.split_whitespace();
    match (tokens.next(), tokens.next(), tokens.next()) {
        (Some(word), Some(count), None) => {
            share_word(bare(word)) && counter(count.trim_start_matches('(').trim_end_matches(')'))
        }
        _ => false,
    }
}

/// Two tokens or more, every one a share word or a share button's filler word
/// ([`SHARE_FILLERS`]), one share word at least, the first a share word or one of
/// [`SHARE_OPENERS`]: the line split at whitespace and [`SEPARATORS`], each piece stripped of the
/// punctuation around it ([`bare`]), the empty ones left out. Stops at the first token that is
/// neither.
pub(super) fn share_tokens(text: &str) -> bool {
    let (mut toks, mut words) = (0usize, 0usize);
    for t in text
        .split(|c: char| c.is_whitespace() || SEPARATORS.contains(&c))
        .map(bare)
        .filter(|t| !t.is_empty())
    {
        if share_word(t) {
            words += 1;
        } else if !with_lowercase(t, |t| {
            let fillers = if toks == 0 {
                SHARE_OPENERS
            } else {
                SHARE_FILLERS
            };
            fillers.contains(&t)
        }) {
            return false;
        }
        toks += 1;
    }
    toks >= 2 && words >= 1
}

/// A button's counter ([`counted_button`]): digits, `.` or `,` among them, and a `K` or `M`
/// after them if any ("12", "1,204", "1.2K").
fn counter(t: &str) -> bool {
    let digits = t.trim_end_matches(['K', 'k', 'M', 'm']);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

/// A necessary condition for [`share_tokens`] from the line's first three bytes: a line opening
/// with an ASCII letter or digit and two more ASCII bytes has its first token start there (no
/// separator, no punctuation for [`bare`] to strip), and that token lowercases to a share word
/// only if the three bytes lowercased open an ASCII share word or opener ([`SHARE_OPENINGS`]); a share
/// word shorter than three ("x", "ok") must be followed by a byte that is no letter or digit
/// (the token would go on, [`bare`] keeping it). The first three characters are the three
/// bytes, and ASCII characters lowercase to ASCII ones; whatever follows (a Kelvin sign in
/// "lin\u{212A}edin") is left to the lookup. Any other line is let through.
fn may_open_row(b: &[u8]) -> bool {
    match *b {
        [x, y, z, ..] if x.is_ascii_alphanumeric() && y.is_ascii() && z.is_ascii() => {
            let key = u32::from_le_bytes([
                x.to_ascii_lowercase(),
                y.to_ascii_lowercase(),
                z.to_ascii_lowercase(),
                0,
            ]);
            // (The short words' openings: the key with its later bytes cleared, when the byte
            // after the word is no letter or digit.)
            let short = |n: usize| {
                if b[n].is_ascii_alphanumeric() {
                    u32::MAX
                } else {
                    key & (u32::MAX >> (32 - 8 * n as u32))
                }
            };
            let (one, two) = (short(1), short(2));
            // (A compare with every opening, no branch among them.)
            SHARE_OPENINGS
                .iter()
                .fold(false, |hit, &o| hit | (o == key) | (o == one) | (o == two))
        }
        _ => true,
    }
}

/// The openings of the ASCII [`SHARE_WORDS`] and [`SHARE_OPENERS`] for [`may_open_row`]: a word's first three bytes,
/// or the whole word when it is shorter, as little-endian numbers (the bytes after it zero). A
/// fixed array (the unused slots 0, no line's key), so the compares are vector compares.
static SHARE_OPENINGS: LazyLock<[u32; 64]> = LazyLock::new(|| {
    let mut openings = [0; 64];
    let ascii = SHARE_WORDS
        .iter()
        .chain(SHARE_OPENERS)
        .filter(|w| w.is_ascii());
    for (slot, w) in openings.iter_mut().zip(ascii) {
        let mut k = [0u8; 4];
        let n = w.len().min(3);
        k[..n].copy_from_slice(&w.as_bytes()[..n]);
        *slot = u32::from_le_bytes(k);
    }
    openings
});

/// Whether the token `t` lowercases to one of [`SHARE_WORDS`]. Asked of the first token of
/// every line: a short ASCII token (most) is compared by its packed key with the keys of the
/// short ASCII share words, with no branch among them, where the lowercase copy and the string
/// compares branched on the token's length and letters. (An ASCII token of at most 7 bytes
/// lowercases to a word of the same length, ASCII, so to a share word only if that one has a
/// key; equal keys are equal lowercased words.) `share_word_plain` is the reference.
///
/// A longer ASCII token lowercases to an ASCII word of its length: compared ASCII
/// case-insensitively with the long ASCII share words ([`SHARE_LONG`]), without the copy.
pub(super) fn share_word(t: &str) -> bool {
    let b = t.as_bytes();
    match ascii_key(b) {
        Some(k) => SHARE_KEYS.iter().fold(false, |hit, &s| hit | (s == k)),
        None if b.is_ascii() => SHARE_LONG
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(b)),
        None => with_lowercase(t, |t| SHARE_WORDS.contains(&t)),
    }
}

/// The [`ascii_key`]s of the [`SHARE_WORDS`] that have one.
static SHARE_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    SHARE_WORDS
        .iter()
        .filter_map(|w| ascii_key(w.as_bytes()))
        .collect()
});

/// The [`SHARE_WORDS`] of more than 7 bytes, ASCII: the only ones a long ASCII token can be
/// (equal lowercased words have the same length; the first token of most lines is compared with
/// these few, not with every share word).
static SHARE_LONG: LazyLock<Vec<&str>> = LazyLock::new(|| {
    SHARE_WORDS
        .iter()
        .copied()
        .filter(|w| w.is_ascii() && w.len() > 7)
        .collect()
});

/// [`share_word`] by a lowercase copy (the reference the tests hold it to).
#[cfg(test)]
pub(super) fn share_word_plain(t: &str) -> bool {
    SHARE_WORDS.contains(&t.to_lowercase().as_str())
}

/// Every ASCII share word and opener has its opening in [`SHARE_OPENINGS`] (the array has room
/// for all).
#[test]
fn share_openings_hold_every_ascii_share_word() {
    let ascii = SHARE_WORDS
        .iter()
        .chain(SHARE_OPENERS)
        .filter(|w| w.is_ascii());
    assert!(ascii.count() <= SHARE_OPENINGS.len());
}

#[cfg(test)]
mod columns {
    use super::super::super::tests::claimed_by;
    use super::*;

    /// The lines of `text` [`share_columns`] claims (after the prompt rule, as in a run: here
    /// "Follow us" stands for it).
    fn column(text: &str) -> Vec<String> {
        let pass = |doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]| {
            for &i in &doc.nonblank {
                if doc.text(i) == "Follow us" {
                    claimed[i] = Some(Claim::Prompt);
                }
            }
            share_columns(doc, claimed);
        };
        claimed_by(text, pass, Claim::Prompt)
            .into_iter()
            .filter(|(l, c)| *c && l != "Follow us")
            .map(|(l, _)| l)
            .collect()
    }

    const PARAGRAPH: &str = "The council approved the budget on Monday after a long debate.";

    #[test]
    fn a_column_of_buttons_goes() {
        let text =
            format!("{PARAGRAPH}\n\nFacebook\n\nTwitter\n* LinkedIn\nEmail\n\n{PARAGRAPH}\n");
        assert_eq!(
            column(&text),
            ["Facebook", "Twitter", "* LinkedIn", "Email"]
        );
        // A prompt line inside the column is passed over.
        let text = format!("{PARAGRAPH}\nFollow us\nInstagram\nFollow us\nYouTube\n{PARAGRAPH}\n");
        assert_eq!(column(&text), ["Instagram", "YouTube"]);
    }

    /// Every share word and network name is a lone button, with a bullet before it too.
    #[test]
    fn every_name_is_a_lone_button() {
        for w in SHARE_WORDS.iter().chain(NETWORKS) {
            assert!(lone_button(w).is_some(), "{w:?}");
            assert!(lone_button(&format!("* {w}")).is_some(), "{w:?}");
        }
    }

    #[test]
    fn names_alone_stay() {
        // One name alone, the same name twice (two embedded posts' label), share words without
        // a network's name, a name in a sentence.
        for text in [
            format!("{PARAGRAPH}\nFacebook\n{PARAGRAPH}\n"),
            format!("{PARAGRAPH}\nFacebook\n\nFacebook\n{PARAGRAPH}\n"),
            format!("{PARAGRAPH}\nPrint\nCopy\n{PARAGRAPH}\n"),
            format!(
                "{PARAGRAPH}\nFacebook said on Monday it would appeal.\nTwitter\n{PARAGRAPH}\n"
            ),
        ] {
            assert!(column(&text).is_empty(), "{text:?}");
        }
    }
}
