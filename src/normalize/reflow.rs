//! Reflow: hard-wrapped paragraphs back into running lines.
//!
//! Text pasted from e-mail, PDFs or fixed-width exports breaks lines inside sentences. Each line
//! break between two non-blank lines is decided on its own, from the two lines and one figure of
//! the whole document, its layout:
//!
//! * **Layout.** A document is hard-wrapped when most of its lines of two or more words have
//!   lengths (in chars) in a narrow band `(w - 20, w]`, few lines are longer than `w`, and few
//!   lines in the band end a sentence (one-paragraph-per-line text ends almost every line with a
//!   full stop). `w`, the wrap width, is the upper edge of the fullest band. A document with
//!   fewer than [`MIN_LAYOUT_LINES`] such lines is too short to tell (a short wrapped paragraph
//!   has one or two full lines and a short last one); any other document is not wrapped.
//! * **Only wrapped text is unwrapped.** In a document that is not wrapped (web pages converted
//!   to text, one paragraph per line) every break is kept except a word hyphenated across a line
//!   end; there, a headline that happens to end with "on" or a lowercase line under a heading is
//!   not a broken sentence. The rules below apply to hard-wrapped documents and to documents too
//!   short to tell.
//! * **Never across a title.** The first line of a block (at the start of the text or after a
//!   blank line) that starts in uppercase, has no final punctuation, is not a full wrapped line,
//!   and is followed by a line starting in uppercase is a headline: the break after it stays
//!   ("Georgia's foreign agents law: a year on" / "A year after ...").
//! * **Keep** the break before a list item (`- `, `• `, `1. `, `a) `) or a numbered or roman
//!   section heading (`I. Deaths in Detention`, `2. The Plane Incident`), and after a heading.
//! * **Join** (the newline becomes a space) when the next line starts in lowercase and the line
//!   does not end a sentence; when the line ends with a comma (no paragraph or heading does) or
//!   with a word that cannot end a sentence or a title
//!   (`the`, `of`, `with`, ... in English, Russian, French, German and Spanish); and, in a
//!   hard-wrapped document, when the line is a wrapped line: long (at least 60% of `w`, at most
//!   `w + 2`) and the next line's first word would not have fitted on it.
//! * A lone capitalized word on a line ("The", "Almost") is where some exporters break a
//!   paragraph's first line: the break before it is kept (a paragraph starts there), the break
//!   after it follows the rules above (lowercase continuation).
//! * **Hyphens.** A line ending in a letter and `-` continues without a space. With
//!   `dehyphenate`, the hyphen is dropped too when the next line continues in lowercase
//!   ("inter-\nnational" -> "international"); an uppercase continuation keeps it
//!   ("Azerbaijani-\nRussian"), and so does "pre-\nand post-war".
//!
//! Joining never changes characters, only the line feed (and a dropped hyphen), so the alignment
//! of every other char stays as it was.

use crate::text::{count_chars, NormalizedText};

use super::chars::lines_with_offsets;

/// What happens to one line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Break {
    /// The line break stays.
    Keep,
    /// The line break becomes a space.
    Space,
    /// The line break is removed (a word continues after a hyphen).
    Join,
    /// The hyphen before the line break and the break are removed.
    DropHyphen,
}

/// Joins hard-wrapped lines. Returns whether the text changed.
pub(crate) fn unwrap(nt: &mut NormalizedText, dehyphenate: bool) -> bool {
    let s = nt.as_str();
    if !s.contains('\n') {
        return false;
    }
    let lines: Vec<(usize, &str)> = lines_with_offsets(s)
        .map(|(at, l)| (at, l.strip_suffix('\n').unwrap_or(l)))
        .collect();
    let lens: Vec<usize> = lines.iter().map(|(_, l)| count_chars(l.trim())).collect();
    let layout = layout(&lines, &lens);
    let wrap = match layout {
        Layout::Wrapped(w) => Some(w),
        Layout::Short | Layout::Unwrapped => None,
    };
    let mut edits: Vec<(usize, Break)> = Vec::new();
    for k in 0..lines.len().saturating_sub(1) {
        let (at, a) = lines[k];
        let b = lines[k + 1].1;
        let (a, b) = (a.trim(), b.trim());
        if a.is_empty() || b.is_empty() {
            continue;
        }
        let block_start = k == 0 || lines[k - 1].1.trim().is_empty();
        let mut decision = if block_start && is_title(a, lens[k], b, wrap) {
            Break::Keep
        } else {
            decide(a, lens[k], b, wrap, dehyphenate)
        };
        if layout == Layout::Unwrapped && decision == Break::Space {
            // Not a wrapped document: only hyphenated words are rejoined.
            decision = Break::Keep;
        }
        if decision != Break::Keep {
            edits.push((at + lines[k].1.len(), decision));
        }
    }
    if edits.is_empty() {
        return false;
    }
    nt.rewrite(|s, rw| {
        let mut kept = 0;
        for (nl, what) in edits {
            match what {
                Break::Keep => {}
                Break::Space => {
                    rw.keep(kept..nl);
                    rw.replace(nl..nl + 1, " ");
                }
                Break::Join => rw.keep(kept..nl),
                Break::DropHyphen => {
                    // The hyphen is the last char before the (trimmed) line end.
                    let hyphen = s[..nl].trim_end().len() - 1;
                    rw.keep(kept..hyphen);
                }
            }
            kept = nl + 1;
        }
        rw.keep(kept..s.len());
    });
    true
}

/// How a document's lines are laid out (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// Too few lines of two or more words to tell.
    Short,
    /// Hard-wrapped at this width.
    Wrapped(usize),
    /// Not wrapped: a paragraph per line, or lines of unrelated lengths.
    Unwrapped,
}

/// Fewer lines of two or more words than this are too few to tell a layout from.
const MIN_LAYOUT_LINES: usize = 5;

fn layout(lines: &[(usize, &str)], lens: &[usize]) -> Layout {
    let wordy = lines.iter().filter(|(_, l)| l.trim().contains(' ')).count();
    if wordy < MIN_LAYOUT_LINES {
        return Layout::Short;
    }
    wrap_width(lines, lens).map_or(Layout::Unwrapped, Layout::Wrapped)
}

/// Whether `a`, the first line of a block, is a headline over `b`: it starts in uppercase (or
/// with a digit or an opening quote), has no final punctuation, is not a full wrapped line, and
/// `b` starts in uppercase.
fn is_title(a: &str, a_len: usize, b: &str, wrap: Option<usize>) -> bool {
    let starts_high = |l: &str| {
        l.trim_start_matches(['"', '\'', '\u{201C}', '\u{2018}', '\u{AB}', '('])
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let full_line = wrap.is_some_and(|w| a_len * 10 >= w * 6);
    a.contains(' ') && starts_high(a) && starts_high(b) && !ends_with_punctuation(a) && !full_line
}

/// The wrap width of a hard-wrapped document, or `None` when its lines are not wrapped.
fn wrap_width(lines: &[(usize, &str)], lens: &[usize]) -> Option<usize> {
    const BAND: usize = 20;
    let mut wordy: Vec<(usize, bool)> = lines
        .iter()
        .zip(lens)
        .filter(|((_, l), _)| l.trim().contains(' '))
        .map(|((_, l), &n)| (n, ends_sentence(l.trim())))
        .collect();
    if wordy.len() < 3 {
        return None;
    }
    wordy.sort_unstable();
    // The fullest band (w - BAND, w] over the observed lengths; ties go to the wider w.
    let (mut best_w, mut best_n, mut lo) = (0, 0, 0);
    for hi in 0..wordy.len() {
        let w = wordy[hi].0;
        while wordy[lo].0 + BAND <= w {
            lo += 1;
        }
        let n = hi + 1 - lo;
        if n >= best_n {
            best_w = w;
            best_n = n;
        }
    }
    let in_band: Vec<bool> = wordy
        .iter()
        .filter(|(n, _)| *n + BAND > best_w && *n <= best_w)
        .map(|&(_, e)| e)
        .collect();
    let over = wordy.iter().filter(|(n, _)| *n > best_w + 2).count();
    let sentence_ends = in_band.iter().filter(|&&e| e).count();
    let total = wordy.len();
    let wrapped = best_w >= 30
        && best_n >= 3
        && best_n * 2 >= total
        && over * 4 <= total
        && sentence_ends * 5 <= best_n * 2;
    wrapped.then_some(best_w)
}

/// Decides the break between the trimmed lines `a` (of `a_len` chars) and `b`.
pub(crate) fn decide(
    a: &str,
    a_len: usize,
    b: &str,
    wrap: Option<usize>,
    dehyphenate: bool,
) -> Break {
    if starts_list_item(b) || starts_heading(b) || is_heading(a) {
        return Break::Keep;
    }
    let first = b.chars().next().unwrap_or(' ');
    let lower = first.is_lowercase();
    let wrapped_line = wrap.is_some_and(|w| {
        let next_word = b.split(' ').next().map_or(0, count_chars);
        a_len * 10 >= w * 6 && a_len <= w + 2 && a_len + 1 + next_word > w
    });
    if let Some(stem) = a.strip_suffix('-') {
        if stem.ends_with(char::is_alphabetic) {
            let next_word = b.split(' ').next().unwrap_or("");
            let coordinated = matches!(
                next_word,
                "and" | "or" | "und" | "oder" | "et" | "ou" | "и" | "или"
            );
            return if lower && coordinated {
                Break::Space
            } else if lower && dehyphenate {
                Break::DropHyphen
            } else {
                Break::Join
            };
        }
    }
    if lower {
        return if !ends_sentence(a) || wrapped_line {
            Break::Space
        } else {
            Break::Keep
        };
    }
    if a.ends_with(',') || !ends_with_punctuation(a) && ends_with_function_word(a) {
        return Break::Space;
    }
    if is_lone_word(b) {
        return Break::Keep;
    }
    if wrapped_line {
        Break::Space
    } else {
        Break::Keep
    }
}

/// Whether the line ends a sentence: `.`, `!`, `?`, `…`, `:` or `;`, possibly followed by
/// closing quotes or brackets.
fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']']);
    core.ends_with(['.', '!', '?', '\u{2026}', ':', ';'])
}

/// Whether the line ends with any punctuation mark (a comma too).
fn ends_with_punctuation(line: &str) -> bool {
    line.chars()
        .next_back()
        .is_some_and(|c| !c.is_alphanumeric())
}

/// Words that cannot end a sentence or a headline: articles, prepositions, conjunctions,
/// determiners. A line that ends with one, in lowercase, continues on the next line. Words that
/// can end a sentence ("over", "about", "may", "is") are left out; so are capitalized ones, which
/// end title-case headlines ("The War Is Over").
const FUNCTION_WORDS: &[&str] = &[
    // English
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "into",
    "onto",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "whose",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "between",
    "among",
    "against",
    "under",
    "after",
    "before",
    "during",
    "since",
    "through",
    "toward",
    "towards",
    "without",
    "within",
    "across",
    "amid",
    "despite",
    "including",
    "if",
    "while",
    "whether",
    "every",
    "such",
    // Russian
    "в",
    "во",
    "на",
    "с",
    "со",
    "к",
    "ко",
    "по",
    "о",
    "об",
    "от",
    "до",
    "из",
    "за",
    "для",
    "при",
    "без",
    "и",
    "а",
    "но",
    "или",
    "что",
    "как",
    "не",
    // French
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "et",
    "ou",
    "pour",
    "dans",
    "avec",
    "sur",
    // German
    "der",
    "die",
    "das",
    "dem",
    "den",
    "ein",
    "eine",
    "einen",
    "und",
    "oder",
    "mit",
    "von",
    "zu",
    "für",
    "auf",
    "im",
    // Spanish
    "el",
    "los",
    "las",
    "del",
    "y",
    "con",
    "para",
    "por",
    "en",
];

fn ends_with_function_word(line: &str) -> bool {
    let last = line.rsplit(' ').next().unwrap_or("");
    // A whole line of one word ("The") is a paragraph opener or a heading, not a sentence end;
    // leave it to the other rules.
    line.contains(' ') && FUNCTION_WORDS.contains(&last)
}

/// A line of one capitalized word without final punctuation ("The", "Conclusion").
fn is_lone_word(line: &str) -> bool {
    !line.contains(' ')
        && line.starts_with(char::is_uppercase)
        && line.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// A bullet (`-`, `–`, `—`, `*`, `•`, `·`, `▪`, `◦`, `‣`) followed by a space, or a numbered item
/// (`1.`, `12)`, `a)`, `(3)`) followed by a space.
fn starts_list_item(line: &str) -> bool {
    let mut it = line.chars();
    let first = it.next().unwrap_or(' ');
    if matches!(
        first,
        '-' | '\u{2013}'
            | '\u{2014}'
            | '*'
            | '\u{2022}'
            | '\u{B7}'
            | '\u{25AA}'
            | '\u{25E6}'
            | '\u{2023}'
    ) && it.next() == Some(' ')
    {
        return true;
    }
    let b = line.as_bytes();
    let body = b.strip_prefix(b"(").unwrap_or(b);
    let digits = body.iter().take_while(|c| c.is_ascii_digit()).count();
    let letter = digits == 0
        && body.first().is_some_and(|c| c.is_ascii_lowercase())
        && body.get(1) == Some(&b')');
    if (1..=3).contains(&digits) {
        return matches!(body.get(digits), Some(b'.' | b')'))
            && body.get(digits + 1) == Some(&b' ');
    }
    letter && body.get(2) == Some(&b' ')
}

/// A roman-numbered section heading: `II. Rising Hostilities`. A single-letter numeral (`I.`,
/// `V.`, `X.`) is also an initial ("V. Putin said the"), so it counts only when the line reads
/// like a heading: no final punctuation, no trailing function word.
fn starts_heading(line: &str) -> bool {
    let numeral = line.bytes().take_while(|c| b"IVXLC".contains(c)).count();
    if numeral == 0 || numeral > 6 || !line[numeral..].starts_with(". ") {
        return false;
    }
    let rest = &line[numeral + 2..];
    if !rest.starts_with(char::is_uppercase) {
        return false;
    }
    numeral > 1 || (!ends_with_punctuation(line) && !ends_with_function_word(line))
}

/// A numbered or roman section heading line: keeps the break after it.
fn is_heading(line: &str) -> bool {
    (starts_heading(line) || starts_list_item(line) && line.as_bytes()[0].is_ascii_digit())
        && !ends_with_punctuation(line)
        && !ends_with_function_word(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn break_decisions() {
        use Break::*;
        let w = Some(79);
        let cases: &[(&str, &str, &str, Option<usize>, Break)] = &[
            ("lowercase continuation", "The", "summer of 2025 has brought", w, Space),
            ("lowercase after a sentence end", "It ended.", "then it began", None, Keep),
            ("function word before uppercase", "investigation, justice, and an official apology from Moscow. However, the", "Russian authorities' restrained", None, Space),
            ("wrapped line before uppercase", "recent rapprochement with the West and its strengthened cooperation with x", "Turkey.", w, Space),
            ("short line before uppercase", "realignment to concerns over information security.", "The", w, Keep),
            ("lone opener keeps the break before it", "this is a long wrapped line that ends a sentence right at the edge.", "The", w, Keep),
            ("not wrapped: headline", "Conflict escalating between Russia and Azerbaijan: Understanding the current circumstances", "In the South Caucasus region", None, Keep),
            ("list item", "some text that runs on and on and on and on and on and on and on and", "- Amidst the tensions", w, Keep),
            ("numbered heading", "the end of a section", "1. Azerbaijani Brothers Die", w, Keep),
            ("roman heading", "of a section", "II. Rising Hostilities", w, Keep),
            ("after a heading", "I. Deaths in Detention Trigger Diplomatic Crisis", "1. Azerbaijani Brothers", None, Keep),
            ("after a numbered heading", "1. Azerbaijani Brothers Die Under Suspicious Circumstances", "The crisis began", w, Keep),
            ("initial is not a heading", "a long line that was wrapped at the edge by the tool as it says the", "V. Putin said that the country would respond to the", w, Space),
            ("dehyphenate lowercase", "inter-", "national law", None, DropHyphen),
            ("hyphen before uppercase", "Azerbaijani-", "Russian relations", None, Join),
            ("coordinated hyphen", "pre-", "and post-war", None, Space),
            ("dash is not a hyphen", "they said -", "no", None, Space),
            ("comma before a quote", "President Aliyev said,", "\u{201C}We are not responsible.\u{201D}", None, Space),
            ("comma before a list item", "- one,", "- two", None, Keep),
        ];
        for &(name, a, b, wrap, want) in cases {
            assert_eq!(
                decide(a, count_chars(a), b, wrap, true),
                want,
                "case {name}"
            );
        }
        assert_eq!(
            decide("inter-", 6, "national", None, false),
            Join,
            "dehyphenate off"
        );
    }

    fn unwrapped(text: &str) -> String {
        let mut nt = NormalizedText::identity(text);
        unwrap(&mut nt, true);
        nt.check_invariants(text.len()).unwrap();
        nt.into_string()
    }

    #[test]
    fn documents_by_layout() {
        let wrapped_body = "The council met on Monday to discuss the budget for the coming\n\
                            year, and its members agreed that the repairs of the northern\n\
                            bridge could not wait until the spring because of the floods.";
        let wrapped_joined = "The council met on Monday to discuss the budget for the coming year, and its members agreed that the repairs of the northern bridge could not wait until the spring because of the floods.";
        let cases: &[(&str, String, String)] = &[
            (
                "headline over the body, web page",
                "Georgia's foreign agents law: a year on\nA year after the law was passed, the NGOs it targets are still at work.\nMost of them refused to register, their directors say.\nThe courts have not ruled yet.".into(),
                "Georgia's foreign agents law: a year on\nA year after the law was passed, the NGOs it targets are still at work.\nMost of them refused to register, their directors say.\nThe courts have not ruled yet.".into(),
            ),
            (
                "headline over the body, too short to tell",
                "Georgia's foreign agents law: a year on\nA year after the law was passed.".into(),
                "Georgia's foreign agents law: a year on\nA year after the law was passed.".into(),
            ),
            (
                "web page: lowercase paragraph and function-word ending stay",
                "Apple's results for the quarter\n\niPhone sales rose by a tenth in the quarter, the company said.\nAnalysts had expected less than that, and shares rose.\nThe numbers come at a time of trade tensions with\nChina over tariffs on phones and laptops.".into(),
                "Apple's results for the quarter\n\niPhone sales rose by a tenth in the quarter, the company said.\nAnalysts had expected less than that, and shares rose.\nThe numbers come at a time of trade tensions with\nChina over tariffs on phones and laptops.".into(),
            ),
            (
                "web page: hyphenated word is rejoined",
                "The court heard the case on Monday.\nJudges said the inter-\nnational treaty applied to it.\nThe ruling is final and binding.".into(),
                "The court heard the case on Monday.\nJudges said the international treaty applied to it.\nThe ruling is final and binding.".into(),
            ),
            (
                "wrapped: title kept, paragraph joined",
                format!("Budget talks in the council\n{wrapped_body}"),
                format!("Budget talks in the council\n{wrapped_joined}"),
            ),
            (
                "wrapped: title after a blank line kept",
                format!("{wrapped_body}\n\nWhat comes next for the bridge\n{wrapped_body}"),
                format!("{wrapped_joined}\n\nWhat comes next for the bridge\n{wrapped_joined}"),
            ),
        ];
        for (name, input, want) in cases {
            assert_eq!(&unwrapped(input), want, "case {name}");
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn paragraph() -> impl Strategy<Value = String> {
            (
                proptest::collection::vec("[A-Za-z][a-z]{0,9}", 3..40),
                prop::sample::select(vec![".", "?", "!", ".\u{201D}", ".)"]),
            )
                .prop_map(|(words, end)| {
                    let mut w = words.join(" ");
                    let first = w.remove(0).to_ascii_uppercase();
                    format!("{first}{w}{end}")
                })
        }

        fn headline() -> impl Strategy<Value = String> {
            proptest::collection::vec("[A-Z][a-z]{0,9}|of|the|on|in|and", 2..12).prop_map(|w| {
                let mut h = w.join(" ");
                let first = h.remove(0).to_ascii_uppercase();
                format!("{first}{h}")
            })
        }

        proptest! {
            /// A document of unwrapped paragraphs (one per line, headlines over some of them,
            /// single or blank-line breaks) comes out unchanged.
            #[test]
            fn unwrapped_paragraphs_are_not_modified(
                blocks in proptest::collection::vec(
                    (proptest::option::weighted(0.3, headline()), paragraph(), paragraph(), any::<bool>()),
                    2..8,
                ),
            ) {
                let mut text = String::new();
                for (title, p1, p2, blank) in blocks {
                    if let Some(t) = title {
                        text.push_str(&t);
                        text.push('\n');
                    }
                    text.push_str(&p1);
                    text.push('\n');
                    text.push_str(&p2);
                    text.push_str(if blank { "\n\n" } else { "\n" });
                }
                let text = text.trim_end().to_string();
                prop_assert_eq!(unwrapped(&text), text);
            }
        }
    }

    #[test]
    fn wrap_width_of_wrapped_and_unwrapped_text() {
        let wrapped = "The quick brown fox jumps over the lazy dog and keeps running far\n\
                       away from the farmer who owns the field next to the old river bank\n\
                       where the children play every summer afternoon until the sun sets\n\
                       and then they go home.";
        let para = "One paragraph per line ends with a full stop here.\n\
                    Another paragraph that is about as long as the first.\n\
                    A third one, which also ends a sentence right here.";
        for (name, text, want) in [
            ("wrapped", wrapped, Some(66)),
            ("one paragraph per line", para, None),
        ] {
            let lines: Vec<(usize, &str)> = lines_with_offsets(text)
                .map(|(at, l)| (at, l.trim_end_matches('\n')))
                .collect();
            let lens: Vec<usize> = lines.iter().map(|(_, l)| count_chars(l)).collect();
            assert_eq!(wrap_width(&lines, &lens), want, "case {name}");
        }
    }
}
