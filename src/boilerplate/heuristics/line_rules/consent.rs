//! A form's legal consent line: "By clicking Sign up, you agree to our Terms of Use and Privacy
//! Policy." A newsletter box or a comment form prints it under its button; an article about such
//! terms quotes them in sentences that do not open with "By ...ing".

use super::super::features::Feat;

/// Most words of a consent line.
const CONSENT_WORDS: usize = 40;

/// Whether `text` is a consent line: it opens with "By" and a verb in "-ing" (clicking,
/// submitting, subscribing, continuing, using), agrees, accepts or consents, and names a site's
/// terms or privacy policy. (Asked of every line the other prompt tests leave: its first three
/// bytes turn most lines away before any search.)
pub(super) fn consent(text: &str, f: &Feat) -> bool {
    let b = text.as_bytes();
    if f.words > CONSENT_WORDS || !b.get(..3).is_some_and(|o| o.eq_ignore_ascii_case(b"by ")) {
        return false;
    }
    let low = text.to_lowercase();
    let by_doing = low[3..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.trim_end_matches([',', ':']).ends_with("ing"));
    let agrees = ["agree", "accept", "consent"]
        .iter()
        .any(|v| low.contains(v));
    let names_terms = [
        "privacy policy",
        "privacy notice",
        "terms of use",
        "terms of service",
        "terms and conditions",
        "terms & conditions",
    ]
    .iter()
    .any(|t| low.contains(t));
    by_doing && agrees && names_terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feat(text: &str) -> Feat {
        Feat {
            words: text.split_whitespace().count(),
            ..Feat::default()
        }
    }

    #[test]
    fn consent_lines_and_sentences_about_terms() {
        for line in [
            "By clicking Sign up, you agree to our Terms of Use and Privacy Policy.",
            "By submitting your information you agree to the Terms & Conditions and Privacy Policy.",
            "By subscribing, I accept the terms of use.",
        ] {
            assert!(consent(line, &feat(line)), "{line}");
        }
        for line in [
            "The regulator said the new privacy policy lets users refuse tracking.",
            "By law, users must agree to the terms of service before they sign up.",
            "Users who accept the terms of service give the company their data.",
            "Privacy Policy",
        ] {
            assert!(!consent(line, &feat(line)), "{line}");
        }
    }
}
