//! A form's legal consent line: "By clicking Sign up, you agree to our Terms of Use and Privacy
//! Policy.", "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of
//! Service apply." A newsletter box or a comment form prints it under its button; an article
//! about such terms quotes them in longer sentences that do not open with "By ...ing".

use crate::boilerplate::guarded::contains_ascii_ci;

use super::super::features::Feat;

/// Most words of a consent line.
const CONSENT_WORDS: usize = 40;

/// Whether `text` is a consent line: it names a site's terms or privacy policy, and opens with
/// "By" and a verb in "-ing" (clicking, submitting, subscribing, signing up, continuing, using)
/// with "agree", "accept" or "consent" after it, or says the form is protected by reCAPTCHA.
pub(super) fn consent(text: &str, f: &Feat) -> bool {
    // (Most lines hold none of the words: two byte searches, no lowercased copy.)
    if f.words > CONSENT_WORDS
        || !(contains_ascii_ci(text, "privacy") || contains_ascii_ci(text, "term"))
    {
        return false;
    }
    let low = text.to_lowercase();
    let names_terms = low.contains("privacy policy")
        || low.contains("privacy notice")
        || low.contains("terms of use")
        || low.contains("terms of service")
        || low.contains("terms and conditions")
        || low.contains("terms & conditions");
    if !names_terms {
        return false;
    }
    let by_doing = low
        .strip_prefix("by ")
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|w| w.trim_end_matches([',', ':']).ends_with("ing"));
    let agrees = ["agree", "accept", "consent"]
        .iter()
        .any(|v| low.contains(v));
    by_doing && agrees || low.contains("recaptcha")
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
            "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
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
