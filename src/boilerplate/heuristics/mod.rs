//! Layer 2: built-in heuristics, each switchable under `[boilerplate.heuristics]` and each named in
//! the audit trail. They decide from line features (length, sentence end, share of title-case
//! words, share of stopwords for the document's script, date patterns, position relative to the
//! headline and the body, neighbours), plus short generic web vocabularies ("share", "subscribe",
//! "photo", "all rights reserved", in English and Russian, and the chrome phrases of about 25
//! languages). Chinese and Japanese lines are first recounted by characters. No list of any
//! site's strings.
//!
//! Order (the first that claims a line names it): `dated-list`, `related-list`, then the one-line
//! patterns `copyright`, `caption`, `prompt`, `tags`, `link-list`, `byline`, `timestamp`, and the
//! same claims from the multilingual vocabulary (`phrases`), and the widget lines marked away
//! from their opening (`widgets`: a caption closed by a credit, a newsletter box, a comment
//! form's sign-in prompt or policy); then the
//! structure: `author-note`s closing the article, the headline is found, `byline` names next to
//! dates, `section-label`s above the headline or after the body, `repeated-title` copies; then
//! the lines of content lists (items under a lead-in ending in `:`, footnotes, table rows) are
//! given back (`content_list`), `comments` threads under the article are claimed, and
//! `separator` lines between claims.
//!
//! Policy: a line that reads as prose (a sentence end with many stopwords, or a long line) is never
//! claimed by the structural heuristics, so short paragraphs, quotes, subheadings ("Conclusion",
//! "1. ...") and bullet points inside the article stay.
//!
//! Files by job: `options` (the switches), `vocabulary` (word lists), `web_vocabulary` (the
//! multilingual chrome phrases), `phrases` (lines opening with them), `recount` (Chinese and
//! Japanese lines counted by characters), `features` (what is known
//! of each line), `line_rules` (one-line patterns), `lists` and `structure` (passes that look at
//! neighbours and position), `content` (content lists given back), `comments` (comment
//! threads), `widgets` (captions closed by a credit, newsletter and comment-form lines);
//! `apply` runs the passes in order. The children import only each
//! other and the stage's leaf modules, never this file.

mod article_lists;
mod author_box;
mod charts;
mod described;
mod comments;
mod content;
mod features;
mod line_rules;
mod lists;
mod nav_links;
mod options;
mod phrase_names;
mod phrases;
mod prefix_trie;
mod recount;
mod repeated;
mod structure;
mod teasers;
mod vocabulary;
mod web_vocabulary;
mod widgets;

use crate::boilerplate::claim::Claim;
use crate::boilerplate::line::Line;
use crate::boilerplate::stopwords::DocLang;

pub(crate) use article_lists::{article_list, navigation};
pub(crate) use comments::comment_section;
use features::Doc;
pub(crate) use line_rules::{share_row, signed_by};
pub(crate) use lists::{numbering, Numbering};
pub use options::HeuristicOptions;
pub(crate) use vocabulary::NAME_PARTICLES;

/// Where the article sits: found by the heuristics, used by the later layers and by meta.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    /// The headline line.
    pub title: Option<usize>,
}

/// Claims the heuristics' lines, pass by pass in the order of the module doc; returns the layout
/// they found, and every line's words and stopwords of the document's language `lang` (counted
/// with its features, for the main-content model).
#[cfg(test)]
pub(crate) fn apply(
    opts: &HeuristicOptions,
    lines: &[Line<'_>],
    lang: DocLang,
    claimed: &mut [Option<Claim>],
) -> (Layout, Vec<(usize, usize)>) {
    apply_to(opts, Doc::new(lines, lang), claimed)
}

/// [`apply`] to a document whose language is chosen from the words the line features read
/// ([`Doc::identify`]: its lines are split once for both); returns the language too.
pub(crate) fn apply_identified(
    opts: &HeuristicOptions,
    lines: &[Line<'_>],
    claimed: &mut [Option<Claim>],
) -> (Layout, Vec<(usize, usize)>, DocLang) {
    let (mut doc, words) = Doc::read(lines);
    let lang = doc.identify(&words);
    doc.count_stops(&words, lang);
    let (layout, counts) = apply_to(opts, doc, claimed);
    (layout, counts, lang)
}

/// The passes over a document read with its language's stopwords.
fn apply_to(
    opts: &HeuristicOptions,
    mut doc: Doc<'_, '_>,
    claimed: &mut [Option<Claim>],
) -> (Layout, Vec<(usize, usize)>) {
    let lines = doc.lines;
    // The main-content model counts words itself: it gets the counts from before the
    // heuristics' recount.
    let words = doc.feats.iter().map(|f| (f.words, f.lang_stops)).collect();
    recount::recount(lines, &mut doc.feats);
    if opts.dated_list {
        lists::dated_lists(&doc, claimed);
    }
    // Each line's opening phrase, found once for the two passes that ask.
    let mut opened = vec![None; lines.len()];
    if opts.related_list {
        lists::related_lists(&doc, &mut opened, claimed);
    }
    line_rules::claim_lines(opts, &doc, claimed);
    if opts.prompt {
        line_rules::share_columns(&doc, claimed);
    }
    phrases::claim_chrome(opts, &doc, &opened, claimed);
    if opts.prompt {
        nav_links::nav_links(&doc, claimed);
    }
    widgets::claim_widgets(opts, &doc, claimed);
    widgets::claim_count_lists(opts, &doc, claimed);
    if opts.byline {
        structure::author_notes(&doc, claimed);
        author_box::author_boxes(&doc, claimed);
    }
    let frame = structure::frame(opts, &doc, claimed);
    if opts.byline {
        structure::names_next_to_dates(&doc, &frame, claimed);
        line_rules::split_bylines(&doc, claimed);
    }
    if opts.section_label {
        structure::section_labels(&doc, &frame, claimed);
    }
    if opts.repeated_title {
        repeated::repeated_titles(&doc, &frame, claimed);
    }
    if opts.chart {
        charts::charts(&doc, claimed);
    }
    if opts.described_menu {
        described::described_menus(&doc, claimed);
    }
    if opts.content_list {
        let keep = content::content_lines(&doc, claimed);
        content::give_back(&keep, claimed);
    }
    if opts.comments {
        comments::comment_threads(&doc, claimed);
    }
    if opts.related_list {
        teasers::teaser_grids(&doc, claimed);
    }
    if opts.separator {
        structure::separators(&doc, claimed);
    }
    (Layout { title: frame.title }, words)
}

#[cfg(test)]
mod tests;
