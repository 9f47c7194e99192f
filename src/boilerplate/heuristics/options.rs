//! `[boilerplate.heuristics]`: the switches of the built-in heuristics, a leaf the passes read
//! (so they never import the heuristics' entry). Policy: every heuristic is on by default; a
//! switched-off heuristic claims nothing, and the lines it would have claimed are judged by the
//! other heuristics and layers.

use serde::Deserialize;

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
    /// Charts and infographics flattened to text: runs of eight one-token lines or more, half
    /// of them with a digit (axis ticks, values).
    pub chart: bool,
    /// Menus whose items each carry a line of description: four pairs or more of a menu-like
    /// name over a phrase of 3-20 words (mega-menus, teaser grids).
    pub described_menu: bool,
    /// Gives back the lines of a content list the heuristics above took: items under a lead-in
    /// ending in `:`, footnotes, table rows (`content-list`; off leaves their claims).
    pub content_list: bool,
    /// Readers' comment threads under the article: three comment headers or more (a name over
    /// its date, "X says:") with the comments between them.
    pub comments: bool,
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
            chart: true,
            described_menu: true,
            content_list: true,
            comments: true,
        }
    }
}
