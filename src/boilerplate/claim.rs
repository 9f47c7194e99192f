//! Who claimed a line: a built-in layer or heuristic, or a config rule. A leaf module shared by
//! every layer.
//!
//! Policy: claims are compared as values, never by name. A config rule that happens to be named
//! like a heuristic (`byline`) is a different claim: its lines are not merged with the
//! heuristic's, the prose guard counts it apart, and meta does not read a byline off it. Config
//! rules that share a name are one claim (the first rule of that name gives the [`RuleId`]), as a
//! user who names two patterns alike means one rule. The audit trail (`removed[].rule`) prints
//! [`Claim::builtin_name`] for the built-in claims and the config's name for the rules.

/// A config rule, by the index of the first `[[boilerplate.rules]]` entry with its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct RuleId(pub(crate) usize);

/// The layer, heuristic or rule that claimed a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Claim {
    /// A config rule (layer 1).
    Rule(RuleId),
    /// Short headlines alternating with dates.
    DatedList,
    /// A "Related" header and the list under it.
    RelatedList,
    /// Copyright notices.
    Copyright,
    /// Photo captions and credits.
    Caption,
    /// Share, subscribe, read-more prompts and reading-time widgets.
    Prompt,
    /// Tag and hashtag lines.
    Tags,
    /// Menus and breadcrumbs.
    LinkList,
    /// Bylines and author lines.
    Byline,
    /// Dates, timestamps and lone datelines.
    Timestamp,
    /// Reporter credits and author notes closing the article.
    AuthorNote,
    /// Lone section or navigation words.
    SectionLabel,
    /// Later copies of the headline.
    RepeatedTitle,
    /// Lines without letters or digits next to a claimed line.
    Separator,
    /// Readers' comment threads under the article.
    Comments,
    /// Charts and infographics flattened to text.
    Chart,
    /// Menus whose items each carry a line of description.
    DescribedMenu,
    /// The main-content model: outside the body span.
    OutsideBody,
    /// The main-content model: a run of menu-like items inside the body span.
    MenuRun,
    /// Lines repeated across the run (layer 3).
    CrossDoc,
}

impl Claim {
    /// The name the audit trail prints for a built-in claim; `None` for a config rule (named by
    /// its config).
    pub(crate) const fn builtin_name(self) -> Option<&'static str> {
        Some(match self {
            Claim::Rule(_) => return None,
            Claim::DatedList => "dated-list",
            Claim::RelatedList => "related-list",
            Claim::Copyright => "copyright",
            Claim::Caption => "caption",
            Claim::Prompt => "prompt",
            Claim::Tags => "tags",
            Claim::LinkList => "link-list",
            Claim::Byline => "byline",
            Claim::Timestamp => "timestamp",
            Claim::AuthorNote => "author-note",
            Claim::SectionLabel => "section-label",
            Claim::RepeatedTitle => "repeated-title",
            Claim::Separator => "separator",
            Claim::Comments => "comments",
            Claim::Chart => "chart",
            Claim::DescribedMenu => "described-menu",
            Claim::OutsideBody => "outside-body",
            Claim::MenuRun => "menu-run",
            Claim::CrossDoc => "crossdoc",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in claim has its own name, in the kebab-case of `removed[].rule`.
    #[test]
    fn builtin_names_are_distinct() {
        let all = [
            Claim::DatedList,
            Claim::RelatedList,
            Claim::Copyright,
            Claim::Caption,
            Claim::Prompt,
            Claim::Tags,
            Claim::LinkList,
            Claim::Byline,
            Claim::Timestamp,
            Claim::AuthorNote,
            Claim::SectionLabel,
            Claim::RepeatedTitle,
            Claim::Separator,
            Claim::Comments,
            Claim::Chart,
            Claim::DescribedMenu,
            Claim::OutsideBody,
            Claim::MenuRun,
            Claim::CrossDoc,
        ];
        let names: Vec<&str> = all.iter().filter_map(|c| c.builtin_name()).collect();
        assert_eq!(names.len(), all.len());
        for (n, name) in names.iter().enumerate() {
            assert!(!names[..n].contains(name), "{name} twice");
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
        }
        assert_eq!(Claim::Rule(RuleId(0)).builtin_name(), None);
    }
}
