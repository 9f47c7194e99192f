//! Teaser grids (`related-list`): the other stories a page lists under its article without a
//! header, each a headline and a one-sentence standfirst, some with a kicker line above ("Tennis"
//! over "A headline" over "A sentence."), their dates and labels already claimed by the line
//! rules:
//!
//! ```text
//! Appeal to the council                     <- kicker
//! Residents have had enough, again          <- headline
//! A protest walk took the street on Sunday. <- standfirst
//! 12.06.2025                                <- (a date: claimed already, passed over)
//! Cycling
//! Jungels: "In better form than for years"
//! The rider wants to earn his place at the Tour.
//! ...
//! ```
//!
//! Policy: decided from the form of the lines and from the article's own words, never from a
//! site's wording. A grid is [`MIN_UNITS`] units or more in a row (claimed lines in between are
//! passed over), a unit one to [`MAX_HEAD_LINES`] short lines, one of them a headline
//! ([`HEADLINE`]: two to sixteen words, no sentence end; the others a kicker or a label of source
//! and section, [`KICKER`]; neither ends in a colon, which labels a definition), over a
//! standfirst ([`STANDFIRST`]: one sentence, or two, of six to fifty words). A grid goes whole
//! or from one of its units on. The article stays: the grid comes after most of the document's
//! prose ([`PROSE_ABOVE_SHARE`]) with little prose under it ([`PROSE_BELOW_SHARE`]; another
//! grid's standfirsts are not that prose), and it is about other stories: few of its words occur
//! in the prose above it ([`MAX_SHARED_WORDS`]). The items of a listicle closing an article ("11.
//! Client service" over a paragraph on it) share the article's words; a grid of other stories'
//! teasers does not.

use std::collections::HashSet;

use crate::boilerplate::claim::Claim;

use super::features::{Doc, Feat};

/// Fewest units of a grid.
const MIN_UNITS: usize = 4;
/// Share of the document's prose outside the grid that lies above it, at least.
const PROSE_ABOVE_SHARE: f32 = 0.5;
/// Share of the document's prose outside the grid that lies under it, at most.
const PROSE_BELOW_SHARE: f32 = 0.15;
/// Mean share of a grid line's words (of [`MIN_WORD_CHARS`] characters or more) found in the
/// prose above the grid, below this.
const MAX_SHARED_WORDS: f32 = 0.35;
/// Shortest word counted for [`MAX_SHARED_WORDS`] (shorter ones are mostly function words).
const MIN_WORD_CHARS: usize = 4;

/// Most short lines over a standfirst in a unit (kicker, headline, a label line).
const MAX_HEAD_LINES: usize = 3;
/// A headline of a teaser: two to sixteen words, no sentence end.
const HEADLINE: u8 = 1;
/// A kicker over a teaser's headline: one to five words, no sentence end.
const KICKER: u8 = 2;
/// A teaser's standfirst by its features: six to fifty words and a sentence end, or seventeen to
/// fifty words (more than a headline's) without one (and one sentence or two:
/// [`sentence_breaks`]).
const STANDFIRST: u8 = 4;

/// What a line may be in a teaser, by its features (bits [`HEADLINE`], [`KICKER`],
/// [`STANDFIRST`]).
fn kind(f: &Feat) -> u8 {
    let bit = |yes: bool, bit: u8| if yes { bit } else { 0 };
    bit((2..=16).contains(&f.words) && !f.terminal, HEADLINE)
        | bit((1..=5).contains(&f.words) && !f.terminal, KICKER)
        | bit(
            (6..=50).contains(&f.words) && f.terminal || (17..=50).contains(&f.words),
            STANDFIRST,
        )
}

/// What a line ending in `:` may still be: only a standfirst. A short line ending in a colon
/// labels the text under it ("Payment in stages:" over a sentence on it: a definition list inside
/// the article), where a teaser's headline or kicker names another story.
fn label_mask(text: &str) -> u8 {
    if text.ends_with(':') {
        STANDFIRST
    } else {
        HEADLINE | KICKER | STANDFIRST
    }
}

/// A teaser's standfirst: one sentence or two, six to fifty words.
#[cfg(test)]
fn standfirst(text: &str, f: &Feat) -> bool {
    kind(f) & STANDFIRST != 0 && sentence_breaks(text) <= 1
}

/// Sentence ends inside the line: `.`, `!` or `?` followed by whitespace and more text.
fn sentence_breaks(text: &str) -> usize {
    let b = text.trim_end().as_bytes();
    b.windows(2)
        .filter(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace())
        .count()
}

/// The prose a line weighs for the grid's position: the words of an unclaimed sentence of six
/// words or more, or of any unclaimed line over 25 words.
fn prose_words(f: &Feat, claimed: bool) -> usize {
    if !claimed && (f.terminal && f.words >= 6 || f.words > 25) {
        f.words
    } else {
        0
    }
}

/// Claims the teaser grids of the document as `related-list`.
pub(super) fn teaser_grids(doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]) {
    let Doc {
        feats, nonblank, ..
    } = doc;
    // The unclaimed lines, in order (the grid's units are read over them), with what each may
    // be in a unit by its features alone.
    let mut open: Vec<(usize, u8)> = Vec::with_capacity(nonblank.len());
    open.extend(
        nonblank
            .iter()
            .filter(|&&i| claimed[i].is_none())
            .map(|&i| (i, kind(&feats[i]) & label_mask(doc.text(i)))),
    );
    if open.len() < 2 * MIN_UNITS {
        return;
    }
    // The length of the unit opening at each position (0 for none) and how many units follow
    // one another from there, read from the end.
    let is = |k: usize, bit: u8| open.get(k).is_some_and(|&(_, b)| b & bit != 0);
    let stand = |k: usize| {
        is(k, STANDFIRST) && {
            let i = open[k].0;
            sentence_breaks(doc.text(i)) <= 1
        }
    };
    let mut unit = vec![(0u8, 0usize); open.len() + 1];
    for m in (0..open.len()).rev() {
        // One to [`MAX_HEAD_LINES`] short lines (a kicker, the headline, a label of source and
        // section), one of them a headline, over the standfirst.
        let heads = (m..open.len())
            .take(MAX_HEAD_LINES)
            .take_while(|&k| is(k, HEADLINE | KICKER))
            .count();
        if heads == 0 || !stand(m + heads) || !(m..m + heads).any(|k| is(k, HEADLINE)) {
            continue;
        }
        let n = heads + 1;
        unit[m] = (n as u8, 1 + unit[m + n].1);
    }
    // Each grid: its units, each its first position in `open` and its length.
    let mut grids: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut m = 0;
    while m < open.len() {
        if unit[m].1 < MIN_UNITS {
            m += 1;
            continue;
        }
        let mut units = Vec::with_capacity(unit[m].1);
        for _ in 0..unit[m].1 {
            let n = usize::from(unit[m].0);
            units.push((m, n));
            m += n;
        }
        grids.push(units);
    }
    if grids.is_empty() {
        return;
    }
    let weight: Vec<usize> = (0..feats.len())
        .map(|i| prose_words(&feats[i], claimed[i].is_some()))
        .collect();
    let total: usize = weight.iter().sum();
    // The lines of every grid: another grid under one is no prose under it.
    let mut gridded = vec![false; feats.len()];
    for units in &grids {
        let (a, b) = (
            units[0].0,
            units[units.len() - 1].0 + units[units.len() - 1].1,
        );
        for &(i, _) in &open[a..b] {
            gridded[i] = true;
        }
    }
    // A grid goes whole, or from one of its units to its end (a list's header may join the
    // grid of the page's top stories to the one under the article). The prose above a part is
    // the prose above the whole grid: a slideshow's last slides do not have the first ones
    // for an article above them.
    let passes = |units: &[(usize, usize)], above: usize| {
        let (a, b) = (
            units[0].0,
            units[units.len() - 1].0 + units[units.len() - 1].1,
        );
        let lines: Vec<usize> = open[a..b].iter().map(|&(i, _)| i).collect();
        let (first, last) = (lines[0], lines[lines.len() - 1]);
        let inside: usize = lines.iter().map(|&i| weight[i]).sum();
        let rest = (total - inside) as f32;
        let below: usize = (last + 1..weight.len())
            .filter(|&i| !gridded[i])
            .map(|i| weight[i])
            .sum();
        // The short line over each standfirst (a caption may stand above it: "Step 2" is
        // the unit's heading).
        let heads: Vec<usize> = units.iter().map(|&(m, n)| open[m + n - 2].0).collect();
        // (The article above outweighs the grid: a slideshow of headed one-sentence slides is
        // the article itself.)
        let fits = above >= inside
            && above as f32 >= PROSE_ABOVE_SHARE * rest
            && below as f32 <= PROSE_BELOW_SHARE * rest
            && !steps(doc, &heads)
            && shared_words(doc, &weight[..first], &lines) < MAX_SHARED_WORDS;
        fits.then_some(lines)
    };
    for units in grids {
        let above: usize = weight[..open[units[0].0].0].iter().sum();
        if let Some(lines) = (0..=units.len() - MIN_UNITS).find_map(|u| passes(&units[u..], above))
        {
            for i in lines {
                claimed[i] = Some(Claim::RelatedList);
            }
        }
    }
}

/// Whether more than half the headlines open with the same word: the steps of a list ("Step 1",
/// "Step 2", "Step 3"), not other stories.
fn steps(doc: &Doc<'_, '_>, heads: &[usize]) -> bool {
    let mut firsts: Vec<String> = heads
        .iter()
        .filter_map(|&i| doc.text(i).split_whitespace().next())
        .map(str::to_lowercase)
        .collect();
    firsts.sort_unstable();
    let most = firsts
        .chunk_by(|a, b| a == b)
        .map(<[String]>::len)
        .max()
        .unwrap_or(0);
    2 * most > heads.len()
}

/// The mean, over the grid's lines with words of [`MIN_WORD_CHARS`] characters or more, of the
/// share of those words (lowercased, counted once) that occur in the prose lines above the grid
/// (the lines of `weight_above` with a weight).
fn shared_words(doc: &Doc<'_, '_>, weight_above: &[usize], grid: &[usize]) -> f32 {
    let mut seen: HashSet<String> = HashSet::new();
    for (i, _) in weight_above.iter().enumerate().filter(|(_, &w)| w > 0) {
        seen.extend(long_words(doc.text(i)));
    }
    let shares: Vec<f32> = grid
        .iter()
        .filter_map(|&i| {
            let words: HashSet<String> = long_words(doc.text(i)).collect();
            (!words.is_empty()).then(|| {
                words.iter().filter(|w| seen.contains(*w)).count() as f32 / words.len() as f32
            })
        })
        .collect();
    if shares.is_empty() {
        return 0.0;
    }
    shares.iter().sum::<f32>() / shares.len() as f32
}

/// The words of `text` (runs of letters, digits and `_`) of [`MIN_WORD_CHARS`] characters or
/// more, lowercased.
fn long_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| w.chars().count() >= MIN_WORD_CHARS)
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::super::tests::claimed_lines;
    use super::*;

    /// An article of six paragraphs on a harbour's new ferry line.
    const ARTICLE: &str = "Harbour ferry line opens after years of delay\n\n\
The new ferry line between the old harbour and the northern islands carried its first passengers on Monday morning.\n\n\
Officials from the port authority said the crossing now takes forty minutes, half the time of the road detour.\n\n\
The project was first proposed a decade ago, but funding disputes between the region and the state delayed construction.\n\n\
Residents of the islands welcomed the service, which will run every hour from six in the morning until midnight.\n\n\
Fares were set below the price of a bus ticket for island residents, while visitors pay a higher tourist rate.\n\n\
The port authority expects about two thousand passengers a day once the summer timetable begins in June.\n\n";

    /// Five teasers of other stories, a kicker over some, a date under each (which the line
    /// rules claim before this pass: here the test claims them).
    const GRID: &str = "Local elections\n\
Mayor announces budget for new schools\n\
The council will vote on the spending plan before the end of the month.\n\
01.06.2025\n\
Football\n\
Cup winners celebrate with fans downtown\n\
Thousands lined the avenue as the team bus drove through the centre.\n\
02.06.2025\n\
Heatwave warning issued for the weekend\n\
Forecasters expect temperatures above thirty-five degrees in the valley.\n\
03.06.2025\n\
Museum reopens its medieval gallery\n\
Restorers spent two years cleaning the tapestries and carved altars.\n\
04.06.2025\n\
Concerts\n\
Jazz festival adds a second stage\n\
Organisers hope to draw younger audiences with free afternoon shows.\n\
05.06.2025\n";

    /// The non-blank lines of `text` this pass claims, the date lines claimed first (as the
    /// line rules claim them).
    fn grid_lines(text: &str) -> Vec<String> {
        let dated = |doc: &Doc<'_, '_>, claimed: &mut [Option<Claim>]| {
            for &i in &doc.nonblank {
                if doc.feats[i].stamp {
                    claimed[i] = Some(Claim::Timestamp);
                }
            }
            teaser_grids(doc, claimed);
        };
        claimed_lines(text, dated, Claim::RelatedList)
    }

    #[test]
    fn a_grid_under_the_article_goes() {
        let got = grid_lines(&format!("{ARTICLE}{GRID}Contact us\n"));
        let want: Vec<&str> = GRID.lines().filter(|l| !l.starts_with('0')).collect();
        assert_eq!(got, want);
    }

    /// Labels ending in a colon, each over a sentence on it: a definition list closing the
    /// article (its advice on choosing a contractor), not teasers of other stories.
    #[test]
    fn a_definition_list_is_no_grid() {
        let advice = "Ask the neighbours:\n\
Look for a contractor whose work neighbours have seen and can describe without prompting.\n\
Compare three quotes:\n\
A quote far below the others usually leaves out scaffolding, waste removal or permits.\n\
Written guarantees:\n\
Insist on a guarantee of at least five years for roofing and damp proofing work.\n\
Payment in stages:\n\
Never pay more than a tenth of the price before the builders arrive on site.\n";
        assert_eq!(
            grid_lines(&format!("{ARTICLE}{advice}Contact us\n")),
            Vec::<String>::new()
        );
        // The same units without the colons read as teasers and go.
        let teasers = advice.replace(":\n", "\n");
        assert!(!grid_lines(&format!("{ARTICLE}{teasers}Contact us\n")).is_empty());
    }

    #[test]
    fn the_article_stays() {
        // The grid above the article (a page's top stories), the article under it.
        assert!(grid_lines(&format!("{GRID}{ARTICLE}")).is_empty());
        // Prose under the grid: the grid is not the page's last part.
        assert!(grid_lines(&format!("{ARTICLE}{GRID}{ARTICLE}")).is_empty());
        // Three teasers are too few.
        let three: String = GRID.lines().take(12).map(|l| format!("{l}\n")).collect();
        assert!(grid_lines(&format!("{ARTICLE}{three}")).is_empty());
        // A slideshow: headed one-sentence slides are the page's prose, a paragraph above.
        let intro =
            "The ferry opened on Monday after years of delay and disputes over funding.\n\n";
        assert!(grid_lines(&format!("{intro}{GRID}")).is_empty());
    }

    #[test]
    fn steps_stay() {
        // Headlines opening with one word: the steps of a process, under the article (in words
        // of their own, so only their headlines tell them from teasers).
        let steps = "Step 1\n\
Weigh the flour, sugar and butter before turning on the oven.\n\
Step 2\n\
Whisk eggs with vanilla until the mixture turns pale and thick.\n\
Step 3\n\
Fold everything together gently, then pour it into a greased tin.\n\
Final step\n\
Bake for forty minutes and leave the cake to cool on a rack.\n";
        assert!(grid_lines(&format!("{ARTICLE}{steps}")).is_empty());
    }

    #[test]
    fn a_listicle_closing_the_article_stays() {
        // Headed paragraphs on the article's own subject: their words are the article's.
        let list = "Ferry timetable in summer\n\
The summer timetable of the ferry adds crossings to the islands every half hour.\n\
Fares for island residents\n\
Island residents pay less than a bus ticket for the ferry crossing.\n\
Passengers with bicycles\n\
Passengers may take bicycles on the ferry to the islands for a small fare.\n\
The port authority and the harbour\n\
The port authority runs the harbour and the ferry line from the old harbour.\n";
        assert!(grid_lines(&format!("{ARTICLE}{list}")).is_empty());
    }

    #[test]
    fn a_label_line_under_each_headline() {
        // Each teaser with a line of source and section between headline and standfirst, and a
        // kicker over it: three short lines over the sentence.
        let grid = "PAPER TRAIL\n\
Why the county archive is running out of shelves\n\
countynews.example Local Long Reads\n\
Boxes of deeds and maps have filled every room of the old court building.\n\
NIGHT SHIFT\n\
What bakers do while the city sleeps\n\
bakersweekly.example Food\n\
Four bakers describe a working day that begins at ten in the evening.\n\
ON THE RIVER\n\
Rowing clubs share one boathouse for a summer\n\
3 shares Sport\n\
Two rival clubs agreed to split the training hours after the flood.\n\
SKY WATCH\n\
A comet will be visible without a telescope\n\
stargazers.example Science\n\
Astronomers expect it to pass closest to the sun in the second week of May.\n";
        let got = grid_lines(&format!("{ARTICLE}{grid}"));
        assert_eq!(got, grid.lines().collect::<Vec<_>>());
    }

    #[test]
    fn a_long_grid_goes_from_where_the_article_outweighs_it() {
        // Ten teasers under a short article: more prose than the article's, so the whole grid
        // is no list under an article, but its last teasers are.
        let more = "Science\n\
Glacier retreat measured with drones\n\
Researchers mapped the ice tongue every week through a warm autumn.\n\
Railway tunnel closes for repairs\n\
Commuters face bus replacement services until the spring holidays.\n\
Business\n\
Bakery chain opens its twentieth shop\n\
Owners credit sourdough loaves and long opening hours for steady growth.\n\
Library extends weekend opening\n\
Volunteers will staff reading rooms on Sunday afternoons from October.\n\
Theatre\n\
Puppet show sells out in a day\n\
Families queued overnight for tickets to the marionette adaptation.\n";
        let got = grid_lines(&format!("{ARTICLE}{GRID}{more}"));
        let grid: Vec<&str> = GRID
            .lines()
            .chain(more.lines())
            .filter(|l| !l.starts_with('0'))
            .collect();
        assert!(got.len() >= 4 * 2, "{got:?}");
        assert!(grid.ends_with(&got.iter().map(String::as_str).collect::<Vec<_>>()));
        // A slideshow of ten headed slides under a one-line intro is the article: none of its
        // parts has an article above it.
        let intro = "The ferry opened on Monday after years of delay.\n\n";
        assert!(grid_lines(&format!("{intro}{GRID}{more}")).is_empty());
    }

    #[test]
    fn a_grid_broken_by_a_long_teaser_goes_whole() {
        // A teaser of three sentences breaks the grid in two: the second part is no prose under
        // the first.
        let long = "Harvest\n\
Farmers count losses after the hailstorm\n\
Whole fields of barley were flattened in minutes. Insurers sent assessors on Tuesday. \
Some growers say they will replant.\n";
        let second = "Traffic\n\
Bridge works close two lanes until autumn\n\
Drivers are advised to use the ring road during the morning rush.\n\
Orchestra names a new conductor\n\
The violinist takes over the baton after twelve seasons abroad.\n\
Schools\n\
Pupils plant a forest beside the playground\n\
Each class looks after its own row of oak and beech saplings.\n\
Weather\n\
Storm season starts early on the coast\n\
Harbour masters moved fishing boats to sheltered moorings overnight.\n";
        let got = grid_lines(&format!("{ARTICLE}{GRID}{long}{second}"));
        for line in GRID.lines().chain(second.lines()) {
            assert!(
                line.starts_with('0') || got.iter().any(|g| g == line),
                "{line} stays: {got:?}"
            );
        }
    }

    #[test]
    fn steps_with_photos_stay() {
        // A photo caption over each step's heading: the heading opens with the same word.
        let steps = "Flour and butter on the scale (Photo: Ann Lee)\n\
Step 1\n\
Weigh the flour, sugar and butter before turning on the oven.\n\
Eggs in a bowl (Photo: Ann Lee)\n\
Step 2\n\
Whisk eggs with vanilla until the mixture turns pale and thick.\n\
The batter in its tin (Photo: Ann Lee)\n\
Step 3\n\
Fold everything together gently, then pour it into a greased tin.\n\
The cake on a rack (Photo: Ann Lee)\n\
Step 4\n\
Bake for forty minutes and leave the cake to cool on a rack.\n";
        assert!(grid_lines(&format!("{ARTICLE}{steps}")).is_empty());
    }

    #[test]
    fn units_have_their_form() {
        let f = |text: &str| super::super::features::features(text);
        let headline = |t: &str| kind(&f(t)) & HEADLINE != 0;
        assert!(headline("Museum reopens its medieval gallery"));
        assert!(!headline("Museum."));
        assert!(!headline("The museum reopened its medieval gallery."));
        let s = "Restorers spent two years cleaning the tapestries.";
        assert!(standfirst(s, &f(s)));
        let three = "One two three four. Five six seven eight. Nine ten eleven twelve.";
        assert!(!standfirst(three, &f(three)));
        assert!(!standfirst("Too short here.", &f("Too short here.")));
        // A standfirst without its full stop: longer than any headline.
        let open = "Lawmakers in two of the largest cities want to end contracts with suppliers \
                    linked to the forest fires";
        assert!(standfirst(open, &f(open)));
        let head = "Lawmakers in two cities want to end contracts with suppliers";
        assert!(!standfirst(head, &f(head)));
        assert_eq!(sentence_breaks("Dr. Smith said so. Then left."), 2);
    }
}
