//! The line heuristics' headline (`Layout::title`, used when the body model finds no article):
//! named cases.

use super::*;

/// The line heuristics' headline of `text`.
fn title_of(text: &str) -> Option<String> {
    let lines = Line::split(text);
    let mut claimed: Vec<Option<Claim>> = vec![None; lines.len()];
    let (layout, _) = apply(
        &HeuristicOptions::default(),
        &lines,
        DocLang::Unknown,
        &mut claimed,
    );
    layout.title.map(|t| lines[t].text.to_string())
}

#[test]
fn frame_headline_cases() {
    let table = "GIRLS BASKETBALL\nPalm Bay d. Rockledge 70-44\nRockledge 14 11 6 15 - 44\nPalm Bay 18 22 13 17 - 70\n";
    let cases = [
        (
            "a banner above the headline over a byline and a date",
            format!("Welcome to the Example Network Member Experience\nLearn More\n\nHigh School Roundup: Viera defeats Rockledge to remain unbeaten\n\nJane Roe Daily Courier\nPublished 2:16 AM EST Nov 20, 2019\nSoccer ball on grass\n\n{table}"),
            Some("High School Roundup: Viera defeats Rockledge to remain unbeaten"),
        ),
        (
            "the author's name over the date is no headline",
            format!("Welcome to the Example Network Member Experience\n\nJane Roe Daily Courier\n14 Jan 2026\n\n{table}"),
            Some("Welcome to the Example Network Member Experience"),
        ),
    ];
    let failed: Vec<String> = cases
        .iter()
        .filter(|(_, text, want)| title_of(text).as_deref() != *want)
        .map(|(name, text, want)| format!("{name}: {:?}, want {want:?}", title_of(text)))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}
