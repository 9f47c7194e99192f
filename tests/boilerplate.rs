//! Black-box tests of boilerplate removal through the real binary: labelled synthetic articles
//! in other outlets' styles (scored with `newstag eval`), cross-document removal over synthetic
//! site folders, `linestats` + `--line-stats` equal to a single run, and `--keep-boilerplate`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newstag"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A config with the shipped boilerplate section but no lexicons (one tiny test lexicon).
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("newstag.toml"))
            .unwrap();
    let start = shipped.find("[boilerplate]").unwrap();
    let end = shipped.find("[language]").unwrap();
    let config = dir.join("newstag.toml");
    std::fs::write(&config, &shipped[start..end]).unwrap();
    let lexicon = dir.join("lex.tsv");
    std::fs::write(&lexicon, "loc:baku\tBaku\t\tLOC\n").unwrap();
    (config, lexicon)
}

fn run(inputs: &[&Path], config: &Path, lexicon: &Path, out: &Path, extra: &[&str]) -> Vec<Value> {
    let o = bin()
        .arg("run")
        .args(inputs)
        .arg("--config")
        .arg(config)
        .arg("--lexicon")
        .arg(lexicon)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .args(extra)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "run failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::read_to_string(out.join("annotations.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The labelled articles: `C ` content, `B ` boilerplate, an empty line is blank.
fn articles(dir: &Path) -> PathBuf {
    let corpus = dir.join("articles");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut gold = String::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "lab"))
        .collect();
    names.sort();
    for p in names {
        let lab = std::fs::read_to_string(&p).unwrap();
        let mut raw = String::new();
        let mut labels = Vec::new();
        for l in lab.lines() {
            let (label, text) = match l.split_at_checked(2) {
                Some(("C ", t)) => ("content", t),
                Some(("B ", t)) => ("boilerplate", t),
                _ if l.is_empty() => ("blank", ""),
                _ => panic!("{}: bad label line {l:?}", p.display()),
            };
            raw.push_str(text);
            raw.push('\n');
            labels.push(label);
        }
        labels.push("blank");
        let doc = format!("{}.txt", p.file_stem().unwrap().to_string_lossy());
        std::fs::write(corpus.join(&doc), &raw).unwrap();
        gold.push_str(
            &serde_json::json!({"doc": doc, "entities": [], "lines": labels}).to_string(),
        );
        gold.push('\n');
    }
    std::fs::write(dir.join("gold.jsonl"), gold).unwrap();
    corpus
}

#[test]
fn synthetic_articles_in_other_styles_score_high() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let corpus = articles(dir.path());
    let out = dir.path().join("out");
    run(&[&corpus], &config, &lexicon, &out, &[]);
    let o = bin()
        .args(["eval", "--json", "--gold"])
        .arg(dir.path().join("gold.jsonl"))
        .arg("--pred")
        .arg(out.join("annotations.jsonl"))
        .arg("--corpus")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    let bp = &report["boilerplate"];
    for e in report["errors"].as_array().unwrap() {
        if e["label"] == "boilerplate" || e["label"] == "content" {
            eprintln!("{} {} {}", e["kind"], e["doc"], e["text"]);
        }
    }
    eprintln!("synthetic articles boilerplate: {bp}");
    let (p, r) = (
        bp["precision"].as_f64().unwrap(),
        bp["recall"].as_f64().unwrap(),
    );
    assert!(p >= 0.9 && r >= 0.9, "precision {p} recall {r}: {bp}");
}

fn removed_rules(doc: &Value) -> Vec<(String, String)> {
    doc["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().unwrap().to_string(),
                r["text"].as_str().unwrap().trim().to_string(),
            )
        })
        .collect()
}

#[test]
fn lines_repeated_in_three_documents_go_and_in_two_stay() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let sites = fixtures().join("sites");
    let docs = run(&[&sites], &config, &lexicon, &dir.path().join("out"), &[]);
    assert_eq!(docs.len(), 5);
    for d in &docs {
        let id = d["id"].as_str().unwrap();
        let text = d["text"].as_str().unwrap();
        let removed = removed_rules(d);
        if id.starts_with("caspian-courier/") {
            assert!(
                !text.contains("independent newsroom"),
                "{id}: footer kept: {text}"
            );
            assert!(
                !text.contains("advertising enquiries"),
                "{id}: footer kept: {text}"
            );
            assert!(
                removed.iter().all(|(r, _)| r == "crossdoc"),
                "{id}: {removed:?}"
            );
            assert!(!removed.is_empty(), "{id}: nothing removed");
        } else {
            assert!(
                text.contains("thanks its readers"),
                "{id}: a line in only two documents must stay"
            );
            assert!(removed.is_empty(), "{id}: {removed:?}");
        }
        // The headline and the body stay.
        assert!(text.lines().count() >= 2, "{id}: {text}");
    }
}

#[test]
fn min_docs_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let mut text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.contains("min_docs = 3"),
        "the shipped config sets min_docs"
    );
    text = text.replace("min_docs = 3", "min_docs = 2");
    std::fs::write(&config, text).unwrap();
    let docs = run(
        &[&fixtures().join("sites")],
        &config,
        &lexicon,
        &dir.path().join("out"),
        &[],
    );
    let grain = docs
        .iter()
        .find(|d| d["id"] == "steppe-daily/grain.txt")
        .unwrap();
    assert!(
        !grain["text"]
            .as_str()
            .unwrap()
            .contains("thanks its readers"),
        "{grain}"
    );
}

#[test]
fn linestats_table_gives_the_same_output_as_a_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let sites = fixtures().join("sites");
    let table = dir.path().join("lines.jsonl");
    let o = bin()
        .arg("linestats")
        .arg(&sites)
        .arg("--config")
        .arg(&config)
        .arg("--out")
        .arg(&table)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let t = std::fs::read_to_string(&table).unwrap();
    let header: Value = serde_json::from_str(t.lines().next().unwrap()).unwrap();
    assert_eq!(header["format"], "newstag-linestats");
    assert_eq!(header["docs"], 5);
    // Three footer lines are repeated (two in three documents, one in two).
    assert_eq!(header["entries"], 3, "{t}");
    let single = dir.path().join("single");
    let split = dir.path().join("split");
    run(&[&sites], &config, &lexicon, &single, &[]);
    run(
        &[&sites],
        &config,
        &lexicon,
        &split,
        &["--line-stats", table.to_str().unwrap()],
    );
    let a = std::fs::read(single.join("annotations.jsonl")).unwrap();
    let b = std::fs::read(split.join("annotations.jsonl")).unwrap();
    assert_eq!(a, b, "--line-stats must give the single run's output");

    // The same table through `stream`, one document per line, as a distributed job would.
    let mut input = String::new();
    for sub in ["caspian-courier", "steppe-daily"] {
        let mut names: Vec<_> = std::fs::read_dir(sites.join(sub))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for p in names {
            let id = format!("{sub}/{}", p.file_name().unwrap().to_string_lossy());
            let text = std::fs::read_to_string(&p).unwrap();
            input.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
            input.push('\n');
        }
    }
    let mut child = bin()
        .arg("stream")
        .arg("--config")
        .arg(&config)
        .arg("--lexicon")
        .arg(&lexicon)
        .arg("--line-stats")
        .arg(&table)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let streamed: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ran: Vec<Value> = String::from_utf8(a)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(streamed.len(), ran.len());
    for (s, r) in streamed.iter().zip(&ran) {
        assert_eq!(s["id"], r["id"]);
        assert_eq!(s["text"], r["text"], "{}", s["id"]);
        assert_eq!(s["removed"], r["removed"], "{}", s["id"]);
    }
}

#[test]
fn bad_line_stats_file_is_a_setup_error() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let table = dir.path().join("bad.jsonl");
    std::fs::write(&table, "not a table\n").unwrap();
    let o = bin()
        .arg("run")
        .arg(fixtures().join("sites"))
        .arg("--config")
        .arg(&config)
        .arg("--lexicon")
        .arg(&lexicon)
        .arg("--out")
        .arg(dir.path().join("out"))
        .arg("--line-stats")
        .arg(&table)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:1:"), "{err}");
}

#[test]
fn keep_boilerplate_keeps_text_whole_but_reports_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let corpus = articles(dir.path());
    let file = corpus.join("captions.txt");
    let kept = run(
        &[&file],
        &config,
        &lexicon,
        &dir.path().join("kept"),
        &["--keep-boilerplate"],
    );
    let cut = run(&[&file], &config, &lexicon, &dir.path().join("cut"), &[]);
    let (kept, cut) = (&kept[0], &cut[0]);
    // The same audit trail either way, but for where each segment sits in `text`.
    let trail = |d: &Value| -> Vec<Value> {
        let mut rs = d["removed"].as_array().unwrap().clone();
        for r in &mut rs {
            for key in ["at", "start", "end"] {
                r.as_object_mut().unwrap().remove(key);
            }
        }
        rs
    };
    assert_eq!(trail(kept), trail(cut), "the same audit trail either way");
    assert!(!kept["removed"].as_array().unwrap().is_empty());
    let raw = std::fs::read_to_string(&file).unwrap();
    for (rule, text) in removed_rules(kept) {
        assert!(
            kept["text"].as_str().unwrap().contains(&text),
            "{rule}: {text:?} must be kept"
        );
        assert!(
            !cut["text"].as_str().unwrap().contains(&text),
            "{rule}: {text:?} must be cut"
        );
    }
    for r in kept["removed"].as_array().unwrap() {
        let (s, e) = (
            r["raw_start"].as_u64().unwrap() as usize,
            r["raw_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &raw[s..e],
            r["text"].as_str().unwrap(),
            "raw offsets point at the removed text"
        );
    }
    assert_eq!(
        kept["meta"]["title"],
        "Thousands rally in Tbilisi against foreign agents bill"
    );
}

/// A config rule named like a built-in heuristic is reported under its name but stays its own
/// claim: its lines and the heuristic's are separate `removed` entries, and the byline metadata
/// comes from the heuristic's line only.
#[test]
fn a_rule_named_like_a_heuristic_is_a_separate_claim() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let mut toml = std::fs::read_to_string(&config).unwrap();
    toml.push_str(
        "\n[[boilerplate.rules]]\nname = \"byline\"\nkind = \"drop-line\"\npattern = '^sponsored by\\b'\n",
    );
    std::fs::write(&config, toml).unwrap();
    let doc = dir.path().join("doc.txt");
    std::fs::write(
        &doc,
        "Ministers meet again as border talks resume in Baku\n\
         Sponsored by Acme Travel\n\
         By Jane Roe\n\n\
         The ministry said on Monday that the talks would continue next week in the capital.\n\
         The two delegations have met four times since the spring, according to officials.\n",
    )
    .unwrap();
    let recs = run(&[&doc], &config, &lexicon, &dir.path().join("out"), &[]);
    let removed = removed_rules(&recs[0]);
    assert_eq!(
        removed,
        [
            ("byline".to_string(), "Sponsored by Acme Travel".to_string()),
            ("byline".to_string(), "By Jane Roe".to_string()),
        ],
        "two entries, not one merged"
    );
    assert_eq!(recs[0]["meta"]["byline"], "By Jane Roe");
    assert_eq!(recs[0]["meta"]["author"], "Jane Roe");
}

/// Whether the record's warnings say the prose guard withdrew `rule`.
fn not_applied(doc: &Value, rule: &str) -> bool {
    let needle = format!("\"{rule}\" not applied");
    doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str().unwrap().contains(&needle))
}

/// Seven paragraphs (`a` to `g`) around a menu, a wall of navigation and a list: `{menu}` before
/// the first, `{nav}` after the fourth, `{list}` after the fifth.
fn seven_paragraphs(menu: &str, nav: &str, list: &str) -> String {
    let p: Vec<String> = ["a", "b", "c", "d", "e", "f", "g"].map(para).to_vec();
    format!(
        "{menu}\n\n{}\n\n{}\n\n{}\n\n{}\n\n{nav}\n{}\n\n{list}\n\n{}\n\n{}\n",
        p[0], p[1], p[2], p[3], p[4], p[5], p[6]
    )
}

/// A paragraph of three sentences of prose, numbered by `k`.
fn para(k: &str) -> String {
    (0..3)
        .map(|j| {
            format!(
                "The council said on Monday that the plan for the river district would be \
                 discussed again, and residents were asked to send their views before the end \
                 of the month, item {k}{j}."
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A site's menu of seven short items, "Home" among them.
fn site_menu() -> String {
    [
        "* Home",
        "* Recipes",
        "* Gardening",
        "* Our shops",
        "* Gift cards",
        "* Stockists",
        "* Wholesale",
    ]
    .join("\n")
}

/// Twelve lines of a site's navigation: between two groups of paragraphs, it splits the page's
/// prose in two regions.
fn navigation_wall() -> String {
    "Breaking Sports Weather Markets Technology Business Culture Opinion Travel Video Podcasts \
     Newsletters Crosswords Obituaries Archives\n"
        .repeat(12)
}

/// A run of menu-like items between paragraphs goes as `menu-run`; when the prose guard finds
/// the body span wrong (too much prose outside it) and undoes `outside-body`, the menu runs found
/// inside that span are undone with it, but for a site's menu (see the next test).
#[test]
fn menu_runs_go_inside_the_body_and_come_back_with_a_guarded_span() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let menu = ["Politics", "Economy", "Health", "Science"].join("\n");
    let nav = navigation_wall();
    let whole = format!(
        "{}\n\n{}\n\n{menu}\n\n{}\n\n{}\n",
        para("a"),
        para("b"),
        para("c"),
        para("d")
    );
    // Four paragraphs (a menu among them), a wall of navigation, then three more: the span
    // takes the first four (a smaller region below is not merged into it, unlike one above),
    // and more than 30 % of the prose is outside it.
    let split = format!(
        "{}\n\n{menu}\n\n{}\n\n{}\n\n{}\n\n{nav}\n{}\n\n{}\n\n{}\n",
        para("a"),
        para("b"),
        para("c"),
        para("d"),
        para("e"),
        para("f"),
        para("g")
    );
    // The same, the menu a site's own (seven items, "Home" among them): it stays removed.
    let site_menu = site_menu();
    let site = split.replace(&menu, &site_menu);
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("whole.txt"), whole).unwrap();
    std::fs::write(input.join("split.txt"), split).unwrap();
    std::fs::write(input.join("site.txt"), site).unwrap();
    let docs = run(&[&input], &config, &lexicon, &dir.path().join("out"), &[]);
    let by_id = |id: &str| docs.iter().find(|d| d["id"] == id).unwrap();
    let whole = by_id("whole.txt");
    assert!(
        removed_rules(whole).contains(&("menu-run".to_string(), menu.clone())),
        "{:?}",
        removed_rules(whole)
    );
    let split = by_id("split.txt");
    assert!(not_applied(split, "outside-body"), "{}", split["warnings"]);
    assert!(
        !removed_rules(split).iter().any(|(r, _)| r == "menu-run"),
        "{:?}",
        removed_rules(split)
    );
    let site = by_id("site.txt");
    assert!(not_applied(site, "outside-body"), "{}", site["warnings"]);
    assert!(
        removed_rules(site).contains(&("menu-run".to_string(), site_menu)),
        "{:?}",
        removed_rules(site)
    );
}

/// When the prose guard undoes `outside-body` (the span is likely wrong), a long run of short
/// items above the span, or outside it holding a site's navigation item ("Home"), is a menu
/// all the same and stays removed; a run of short items below the span without one (a
/// product's features) comes back.
#[test]
fn a_site_menu_stays_removed_when_the_guard_undoes_the_span() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let site_menu = site_menu();
    let features = [
        "GPS",
        "Heart sensor",
        "Digital crown",
        "Swim proof",
        "Dual core",
        "Gyroscope",
    ]
    .join("\n");
    let nav = navigation_wall();
    // As in the test above, the span takes the first paragraphs and the guard undoes
    // `outside-body`; the menu and the features list lie outside the span.
    // The same menu without its "Home" (the page's head, above the span).
    let sections = site_menu.replace("* Home\n", "");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for (name, menu) in [("home.txt", &site_menu), ("sections.txt", &sections)] {
        std::fs::write(input.join(name), seven_paragraphs(menu, &nav, &features)).unwrap();
    }
    let docs = run(&[&input], &config, &lexicon, &dir.path().join("out"), &[]);
    assert_eq!(docs.len(), 2);
    for (doc, menu) in docs.iter().zip([&site_menu, &sections]) {
        assert!(not_applied(doc, "outside-body"), "{}", doc["warnings"]);
        let removed = removed_rules(doc);
        assert!(
            removed.contains(&("outside-body".to_string(), menu.clone())),
            "{removed:?}"
        );
        assert!(
            !removed.iter().any(|(_, t)| t.contains("Heart sensor")),
            "{removed:?}"
        );
    }
}

/// When the prose guard undoes `outside-body`, a run of headlines above the span (the page's
/// top stories) is chrome all the same and stays removed; a run of an event's `Label: value`
/// rows there (bulleted) comes back. (The line over the span is taken for the headline.)
#[test]
fn headlines_above_a_doubted_span_stay_removed() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let headlines = [
        "Bridge repairs to start in the spring after a long delay",
        "Library opens a second reading room for students",
        "New bus line planned for the northern suburbs",
        "Market hall to close for two years of renovation",
        "Cyclists ask for safer crossings on the ring road",
        "Museum shows a century of local photography",
        "Harbour festival returns with a new stage",
    ]
    .join("\n");
    let rows = [
        "* Venue: Old Granary, Mill Street 4",
        "* Topic: Whisky from the islands with a three-course dinner",
        "* Entry: 60 euros per person",
        "* Tickets: at the tourist office on the market square",
        "* Host: Anna Berg from the tasting club",
        "* Dress code: none, come as you are",
        "* Parking: behind the old granary",
    ]
    .join("\n");
    let nav = navigation_wall();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for (name, head) in [("headlines.txt", &headlines), ("rows.txt", &rows)] {
        std::fs::write(input.join(name), seven_paragraphs(head, &nav, "")).unwrap();
    }
    let docs = run(&[&input], &config, &lexicon, &dir.path().join("out"), &[]);
    let by_id = |id: &str| docs.iter().find(|d| d["id"] == id).unwrap();
    for (id, head, gone) in [
        ("headlines.txt", &headlines, true),
        ("rows.txt", &rows, false),
    ] {
        let doc = by_id(id);
        assert!(not_applied(doc, "outside-body"), "{}", doc["warnings"]);
        let removed = removed_rules(doc);
        for line in head.lines().take(6) {
            assert_eq!(
                removed.iter().any(|(_, t)| t.contains(line)),
                gone,
                "{id}: {line}: {removed:?}"
            );
        }
    }
}

/// Seven paragraphs (`a` to `g`) split by a wall of navigation after the fourth, `after_e`
/// after the fifth and `after_f` after the sixth (each with its own blank line): the span takes
/// the first four and the prose guard undoes `outside-body`. The record of the page annotated
/// alone, its warning checked.
fn guarded_split(after_e: &str, after_f: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let p: Vec<String> = ["a", "b", "c", "d", "e", "f", "g"].map(para).to_vec();
    let doc = format!(
        "{}\n\n{}\n\n{}\n\n{}\n\n{}\n{}\n\n{after_e}{}\n\n{after_f}{}\n",
        p[0],
        p[1],
        p[2],
        p[3],
        navigation_wall(),
        p[4],
        p[5],
        p[6]
    );
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("doc.txt"), doc).unwrap();
    let mut docs = run(&[&input], &config, &lexicon, &dir.path().join("out"), &[]);
    let doc = docs.remove(0);
    assert!(not_applied(&doc, "outside-body"), "{}", doc["warnings"]);
    doc
}

/// When the prose guard undoes `outside-body`, what lies past a section that closes an article
/// under the span (a related list, a comment thread) stays removed: the article ended above
/// it. The paragraphs above the section, between it and the span, come back.
#[test]
fn past_a_related_list_the_page_stays_removed_when_the_guard_undoes_the_span() {
    let related = "You may also like\n\n\
                   Bridge repairs to start in spring\n\
                   Library opens a second reading room\n\
                   New bus line for the northern suburbs\n\
                   Market hall to close for renovation\n\n";
    let removed = removed_rules(&guarded_split(related, ""));
    let gone = |k: &str| {
        removed
            .iter()
            .any(|(_, t)| t.contains(&format!("item {k}0")))
    };
    assert!(!gone("a") && !gone("d") && !gone("e"), "{removed:?}");
    assert!(gone("f") && gone("g"), "{removed:?}");
    assert!(
        removed
            .iter()
            .any(|(r, t)| r == "outside-body" && t.contains("item g2")),
        "{removed:?}"
    );
}

/// The prose guard weighs the body model by all the prose its span leaves out, whichever layer
/// claims each line there: with a config rule cutting the page's end and `outside-body` taking
/// the paragraphs above the cut, neither alone removes 30 % of the prose, together they do.
/// `outside-body` is then withdrawn; the rule, within its share, stays.
#[test]
fn the_guard_weighs_all_the_prose_outside_the_span() {
    let doc = guarded_split("", "More stories\n\n");
    assert!(!not_applied(&doc, "trailing-news-list"));
    let removed = removed_rules(&doc);
    assert!(
        !removed
            .iter()
            .any(|(_, t)| t.contains("item e0") || t.contains("item f0")),
        "{removed:?}"
    );
    assert!(
        removed
            .iter()
            .any(|(r, t)| r == "trailing-news-list" && t.contains("item g0")),
        "{removed:?}"
    );
}

/// Sentences of an article that open as chrome does stay with the shipped config (its
/// `photo-credit` rule and the heuristics), while the credit and the offer around them go.
#[test]
fn sentences_that_open_like_chrome_stay() {
    let dir = tempfile::tempdir().unwrap();
    let (config, lexicon) = setup(dir.path());
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let article = [
        "Photographs by Ellen Marsh, a shop clerk who never sold a picture, show the harbour between 1958 and 1966.",
        "Video by the museum's volunteers shows visitors pointing out relatives in the crowd scenes.",
        "Subscribers to the museum's newsletter chose the pictures for the opening room.",
        "The exhibition runs until March, and entry is free on Sundays for residents of the town.",
    ];
    let chrome = [
        "Photo by Jane Roe/Example Agency",
        "Sign up for our newsletter to get the best of the week in your inbox.",
    ];
    let text = format!(
        "Harbour pictures return to the town museum\n\n{}\n\n{}\n\n{}\n",
        chrome[0],
        article.join("\n\n"),
        chrome[1]
    );
    std::fs::write(input.join("a.txt"), text).unwrap();
    let recs = run(&[&input], &config, &lexicon, &dir.path().join("out"), &[]);
    let removed: Vec<String> = removed_rules(&recs[0])
        .into_iter()
        .map(|(_, t)| t.trim().to_string())
        .collect();
    for line in article {
        assert!(
            !removed.iter().any(|r| r.contains(line)),
            "{line}: {removed:?}"
        );
    }
    for line in chrome {
        assert!(
            removed.iter().any(|r| r.contains(line)),
            "{line}: {removed:?}"
        );
    }
}
