//! Black-box tests of cross-document repetition through the real binary, on corpora built in temp
//! dirs: copies of one article (exact, and with other sites' chrome and light edits) keep every
//! body line, while menus and footers shared by different articles are still removed, and a
//! document's output does not change when copies of it are added.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const MENU: &str = "World news | Business and economy | Culture and arts";
const FOOTER: &str =
    "The Northern Ledger is published by Ledger Media Group Ltd, registered in Leeds.";
const WIDGET: &str = "Contact the newsroom at 12 Market Street, Leeds LS1 4AB";

/// Sentence material: each article draws its paragraphs from these, so bodies differ.
const SUBJECTS: [&str; 8] = [
    "The regional council",
    "A coalition of farmers",
    "The transport ministry",
    "Local residents",
    "The university's researchers",
    "Two opposition deputies",
    "The port authority",
    "A group of teachers",
];
const VERBS: [&str; 6] = [
    "argued on Tuesday that",
    "said in a statement that",
    "warned during a hearing that",
    "told reporters that",
    "confirmed in a letter that",
    "insisted at a meeting that",
];
const CLAIMS: [&str; 7] = [
    "the new budget would not cover the repairs planned for the winter",
    "water levels in the reservoir had fallen faster than expected this year",
    "the railway line would reopen only after a second safety inspection",
    "prices for fertiliser had doubled since the start of the season",
    "the tender for the new bridge had been delayed by a court challenge",
    "more than four hundred families were still waiting for compensation",
    "the committee would publish its findings before the end of the month",
];

/// Distinct per article (seeds differ modulo 10).
const NOUNS: [&str; 10] = [
    "ministry", "council", "court", "mayor", "governor", "board", "union", "senate", "agency",
    "auditor",
];

fn article(seed: usize, paragraphs: usize) -> (String, Vec<String>) {
    let title = format!(
        "{} dispute over {} enters its {} week",
        ["Budget", "Water", "Railway", "Bridge", "Harbour", "School", "Grain"][seed % 7],
        [
            "repairs",
            "levels",
            "inspections",
            "tenders",
            "prices",
            "compensation"
        ][seed % 6],
        ["second", "third", "fourth", "fifth"][seed % 4]
    );
    let body: Vec<String> = (0..paragraphs)
        .map(|p| {
            let k = seed * 31 + p * 7;
            format!(
                "{} {} {}, and {} {} {}.",
                SUBJECTS[k % 8],
                VERBS[(k / 8) % 6],
                CLAIMS[(k + seed) % 7],
                SUBJECTS[(k + 3) % 8].to_lowercase(),
                VERBS[(k + 1) % 6],
                CLAIMS[(k / 3 + p) % 7]
            )
        })
        .collect();
    // Lines that do not read as prose (a subheading, a short quote) must survive too.
    let mut body = body;
    body.insert(2, format!("What the {} decided next", NOUNS[seed % 10]));
    let quote = format!(
        "\u{201c}We will not wait for the {},\u{201d} she said.",
        NOUNS[seed % 10]
    );
    body.insert(4, quote);
    (title, body)
}

fn page(site_chrome: &[&str], footer: &[&str], title: &str, body: &[String]) -> String {
    let mut t = String::new();
    for c in site_chrome {
        t.push_str(c);
        t.push('\n');
    }
    t.push('\n');
    t.push_str(title);
    t.push_str("\n\n");
    for p in body {
        t.push_str(p);
        t.push_str("\n\n");
    }
    for f in footer {
        t.push_str(f);
        t.push('\n');
    }
    t
}

fn setup(dir: &Path) -> std::path::PathBuf {
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("newstag.toml"))
            .unwrap();
    let start = shipped.find("[boilerplate]").unwrap();
    let end = shipped.find("[language]").unwrap();
    let config = dir.join("newstag.toml");
    std::fs::write(&config, &shipped[start..end]).unwrap();
    std::fs::write(dir.join("lex.tsv"), "loc:leeds\tLeeds\t\tLOC\n").unwrap();
    config
}

fn run(dir: &Path, corpus: &Path, out: &str) -> Vec<Value> {
    let config = setup(dir);
    let out = dir.join(out);
    let o = Command::new(env!("CARGO_BIN_EXE_newstag"))
        .arg("run")
        .arg(corpus)
        .arg("--config")
        .arg(&config)
        .arg("--lexicon")
        .arg(dir.join("lex.tsv"))
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out.join("annotations.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn text_of<'a>(records: &'a [Value], id: &str) -> &'a str {
    records
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no record {id}"))["text"]
        .as_str()
        .unwrap()
}

/// Six different articles of one site (menu, widget, footer around each) and a wire story.
fn base_corpus(root: &Path) -> (String, Vec<String>) {
    std::fs::create_dir_all(root).unwrap();
    for i in 0..6 {
        let (title, body) = article(i + 1, 5 + i % 3);
        std::fs::write(
            root.join(format!("ledger-{i}.txt")),
            page(&[MENU], &[WIDGET, FOOTER], &title, &body),
        )
        .unwrap();
    }
    let (title, body) = article(40, 9);
    std::fs::write(
        root.join("wire.txt"),
        page(&[MENU], &[WIDGET, FOOTER], &title, &body),
    )
    .unwrap();
    (title, body)
}

#[test]
fn fifty_copies_of_an_article_keep_every_body_line() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let (title, body) = base_corpus(&corpus);
    // 50 exact copies, and 10 near copies on other sites: other chrome, one paragraph edited.
    let wire = std::fs::read_to_string(corpus.join("wire.txt")).unwrap();
    for c in 0..50 {
        std::fs::write(corpus.join(format!("copy-{c:02}.txt")), &wire).unwrap();
    }
    for c in 0..10 {
        let mut edited = body.clone();
        edited[c % body.len()] = format!(
            "Editors at outlet number {c} shortened this paragraph of the agency report for their readers."
        );
        let chrome = format!("Daily Outlet {c} front page and local news section");
        let footer = format!("Copyright 2025 Daily Outlet {c} Holdings. All rights reserved.");
        std::fs::write(
            corpus.join(format!("near-{c}.txt")),
            page(&[&chrome], &[&footer], &title, &edited),
        )
        .unwrap();
    }
    let records = run(dir.path(), &corpus, "out");
    assert_eq!(records.len(), 7 + 50 + 10);
    for r in &records {
        let id = r["id"].as_str().unwrap();
        let text = r["text"].as_str().unwrap();
        // The site's menu, widget and footer surround seven different bodies: removed.
        for chrome in [MENU, WIDGET, FOOTER] {
            assert!(!text.contains(chrome), "{id}: {chrome:?} kept:\n{text}");
        }
        if id.starts_with("ledger") {
            continue;
        }
        assert!(
            text.contains(&title),
            "{id}: the headline was removed:\n{text}\n{}",
            r["removed"]
        );
        for (p, line) in body.iter().enumerate() {
            let edited = id.strip_prefix("near-").is_some_and(|c| {
                c.trim_end_matches(".txt").parse::<usize>().unwrap() % body.len() == p
            });
            assert!(
                edited || text.contains(line.as_str()),
                "{id}: body line {p} was removed:\n{text}\n{}",
                r["removed"]
            );
        }
    }
}

#[test]
fn adding_copies_does_not_change_a_documents_output() {
    let dir = tempfile::tempdir().unwrap();
    let alone = dir.path().join("alone");
    base_corpus(&alone);
    let with_copies = dir.path().join("with-copies");
    base_corpus(&with_copies);
    let wire = std::fs::read_to_string(with_copies.join("wire.txt")).unwrap();
    let ledger = std::fs::read_to_string(with_copies.join("ledger-0.txt")).unwrap();
    for c in 0..20 {
        std::fs::write(with_copies.join(format!("wire-copy-{c:02}.txt")), &wire).unwrap();
        std::fs::write(
            with_copies.join(format!("ledger-0-copy-{c:02}.txt")),
            &ledger,
        )
        .unwrap();
    }
    let a = run(dir.path(), &alone, "out-alone");
    let b = run(dir.path(), &with_copies, "out-copies");
    for r in &a {
        let id = r["id"].as_str().unwrap();
        let other = b.iter().find(|o| o["id"] == id).unwrap();
        assert_eq!(r["text"], other["text"], "{id}");
        assert_eq!(r["removed"], other["removed"], "{id}");
    }
    assert_eq!(text_of(&b, "wire-copy-07.txt"), text_of(&a, "wire.txt"));
}

#[test]
fn a_short_sentence_many_stories_share_stays_between_body_lines() {
    // Wire copy repeats short stock sentences across different stories ("It gave no further
    // details."). Between two body lines such a sentence is the article's; the site's footer,
    // repeated as often, still goes.
    const STOCK: &str = "It gave no further details.";
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for i in 0..8 {
        let (title, mut body) = article(i + 1, 6);
        body.insert(3, STOCK.to_string());
        std::fs::write(
            corpus.join(format!("story-{i}.txt")),
            page(&[MENU], &[FOOTER], &title, &body),
        )
        .unwrap();
    }
    let records = run(dir.path(), &corpus, "out");
    assert_eq!(records.len(), 8);
    for r in &records {
        let id = r["id"].as_str().unwrap();
        let text = r["text"].as_str().unwrap();
        assert!(
            text.contains(STOCK),
            "{id}: the shared sentence was removed:\n{}",
            r["removed"]
        );
        assert!(!text.contains(FOOTER), "{id}: the footer was kept:\n{text}");
    }
}
