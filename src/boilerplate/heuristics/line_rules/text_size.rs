//! A text-size control, one of the page widgets the guideline lists ("Font size: Decrease
//! Increase", "Text size: A | A | A", "Schriftgröße", "* Tamaño de letra", "Text Size Print
//! Email RSS", "字号：大 中 小"): the control's label, then nothing but its buttons.
//!
//! Policy: the line opens with a label of the control in one of the common languages of the web
//! ([`LABELS`]; a bullet before it aside), and every token after it (a colon aside) is a size
//! button ([`BUTTONS`]) or a share word (the article tools printed beside it: "Print",
//! "Email"). "Font" alone is a heading as often (a design article's section), so it needs a colon
//! or a button after it. Measured: 1 more boilerplate line removed on dev, 1 on fundus, 19 on
//! L3S-GN1 and 6 on Dragnet, no article line (most such lines sit outside the span, removed
//! already; inside it they stayed).

use super::share::share_word;
use crate::boilerplate::line::with_lowercase;

/// Labels of a text-size control, lowercase; the longer of two that share an opening first.
const LABELS: &[&str] = &[
    "font size",
    "font scale",
    "text size",
    "type size",
    "font",
    "schriftgröße",
    "schriftgrösse",
    "textgröße",
    "textgrösse",
    "taille du texte",
    "taille de la police",
    "taille de police",
    "tamaño de la letra",
    "tamaño de letra",
    "tamaño del texto",
    "tamaño de texto",
    "tamaño de fuente",
    "dimensione del testo",
    "dimensione testo",
    "dimensione carattere",
    "tamanho da fonte",
    "tamanho da letra",
    "tamanho do texto",
    "размер шрифта",
    "размер текста",
    "lettergrootte",
    "tekstgrootte",
    "rozmiar czcionki",
    "rozmiar tekstu",
    "textstorlek",
    "字号",
    "字號",
    "字体",
    "字體",
];

/// The first words of the [`LABELS`] longer than four bytes (the four-byte ones, "font",
/// "text", "type", are compared apart).
const FIRST_WORDS: &[&str] = &[
    "schriftgröße",
    "schriftgrösse",
    "textgröße",
    "textgrösse",
    "taille",
    "tamaño",
    "dimensione",
    "tamanho",
    "размер",
    "lettergrootte",
    "tekstgrootte",
    "rozmiar",
    "textstorlek",
    "字号",
    "字號",
    "字体",
    "字體",
];

/// The buttons of a text-size control, lowercase.
const BUTTONS: &[&str] = &[
    "a",
    "a+",
    "a-",
    "a++",
    "a--",
    "+",
    "-",
    "\u{2013}",
    "decrease",
    "increase",
    "larger",
    "smaller",
    "bigger",
    "normal",
    "reset",
    "default",
    "small",
    "medium",
    "large",
    "größer",
    "grösser",
    "kleiner",
    "groß",
    "gross",
    "klein",
    "anpassen",
    "plus",
    "moins",
    "más",
    "menos",
    "grande",
    "piccolo",
    "больше",
    "меньше",
    "大",
    "中",
    "小",
];

/// The longest line read as a text-size control, in bytes.
const MAX_BYTES: usize = 100;

/// Whether `text` is a text-size control (see the module doc).
pub(super) fn text_size(text: &str) -> bool {
    // (Most lines stop at their length or their first letter: every label opens with one of
    // these, in either case.)
    let t = text
        .trim_start_matches(['*', '+', '-', '\u{2022}', '\u{B7}', '[', '\u{3010}'])
        .trim_start();
    let first = t.bytes().next().map(|b| b.to_ascii_lowercase());
    if text.len() > MAX_BYTES
        || !matches!(
            first,
            Some(b'f' | b't' | b's' | b'l' | b'd' | b'r' | 0xD0 | 0xD1 | 0xE5)
        )
    {
        return false;
    }
    // (Then the first word, lowercased on the stack: most lines that open with one of those
    // letters stop there, before the whole line is lowercased.)
    let word = t
        .split(|c: char| c.is_whitespace() || c == ':' || c == '\u{FF1A}')
        .next()
        .unwrap_or_default();
    let opens = if word.len() == 4 {
        ["font", "text", "type"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
    } else {
        (6..=16).contains(&word.len()) && with_lowercase(word, |w| FIRST_WORDS.contains(&w))
    };
    if !opens {
        return false;
    }
    let lower = t.to_lowercase();
    let Some(label) = LABELS
        .iter()
        .find(|l| lower.starts_with(*l) && !lower[l.len()..].starts_with(char::is_alphanumeric))
    else {
        return false;
    };
    let rest = lower[label.len()..].trim_start();
    let colon = rest.starts_with([':', '\u{FF1A}']);
    let tokens: Vec<&str> = rest
        .trim_start_matches([':', '\u{FF1A}'])
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ']' | '\u{3011}'))
        .filter(|w| !w.is_empty())
        .collect();
    tokens
        .iter()
        .all(|w| BUTTONS.contains(w) || share_word(w.trim_end_matches(':')))
        && (*label != "font" || colon || !tokens.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_size_controls() {
        for line in [
            "Font size: Decrease Increase",
            "* Font Size: Decrease Increase",
            "Text size: A | A | A",
            "text size",
            "Text Size Print Email",
            "Font:",
            "Font size: + -",
            "Schriftgröße anpassen",
            "+ Tamaño de letra",
            "Размер шрифта: A A+ A++",
            "字号：大 中 小",
            "【字体： 大 中 小 】",
        ] {
            assert!(text_size(line), "{line}");
        }
    }

    /// Every label opens with one of the first words the fast path lets through.
    #[test]
    fn first_words_hold_every_label() {
        for label in LABELS {
            let first = label.split(' ').next().unwrap();
            assert!(
                ["font", "text", "type"].contains(&first) || FIRST_WORDS.contains(&first),
                "{label}"
            );
            assert!(
                first.len() == 4 || (6..=16).contains(&first.len()),
                "{label}"
            );
        }
    }

    #[test]
    fn headings_and_sentences_stay() {
        for line in [
            "Font",
            "Fonts and colours for a small shop",
            "Text size matters more on a phone than on a laptop.",
            "Font: Garamond, 11 point",
            "Textgröße und Zeilenabstand im Überblick",
            "Schriftgröße ist eine Frage des Lesers.",
            "字体设计是一门古老的手艺",
        ] {
            assert!(!text_size(line), "{line}");
        }
    }
}
