//! Black-box tests of `newstag report` and `run --report`, including the page rendered by
//! headless Chromium (Debian's `chromium`, installed with apt-get when missing).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::export::*;

fn report(pred: &Path, out: &Path) -> String {
    ok(
        &newstag(&[
            "report",
            "--pred",
            pred.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]),
        "newstag report",
    );
    std::fs::read_to_string(out).unwrap()
}

fn total(pred: &Path, field: &str) -> usize {
    records(pred)
        .iter()
        .map(|r| r[field].as_array().unwrap().len())
        .sum()
}

/// Debian's chromium, installed with apt-get when missing. Fails loudly when it cannot be had:
/// a report test that silently passes without a browser proves nothing.
fn chromium() -> PathBuf {
    let bin = PathBuf::from("/usr/bin/chromium");
    if bin.exists() {
        return bin;
    }
    eprintln!("chromium is missing: installing Debian's chromium with apt-get");
    for args in [
        &["update"][..],
        &["install", "-y", "--no-install-recommends", "chromium"][..],
    ] {
        let status = Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .unwrap_or_else(|e| panic!("cannot run apt-get {args:?} to install chromium: {e}"));
        assert!(
            status.success(),
            "apt-get {args:?} failed ({status}): chromium is required for the report test"
        );
    }
    assert!(
        bin.exists(),
        "apt-get installed chromium but {} is missing",
        bin.display()
    );
    bin
}

fn headless(profile: &Path) -> Command {
    let mut c = Command::new(chromium());
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// Held by each test that starts chromium: two browsers starting at once on a loaded machine
/// have failed to start.
fn one_browser() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn chromium_renders_every_document_and_highlight() {
    let _browser = one_browser();
    let (_dir, pred) = seed();
    let out = pred.parent().unwrap();
    // Relative --pred: the page header names `annotations.jsonl`, not a temp path.
    let made = Command::new(BIN)
        .args(["report", "--pred", "annotations.jsonl"])
        .current_dir(out)
        .output()
        .unwrap();
    ok(&made, "report");
    let html_path = out.join("report.html");
    let html = std::fs::read_to_string(&html_path).unwrap();
    let url = format!("file://{}", html_path.display());
    let profile = tempfile::tempdir().unwrap();

    let dom = headless(profile.path())
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(
        dom.status.success(),
        "chromium --dump-dom failed: {}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8(dom.stdout).unwrap();
    let docs = records(&pred).len();
    let ents = total(&pred, "entities");
    let removed = total(&pred, "removed");
    assert!(
        docs == 5 && ents > 50 && removed > 0,
        "seed fixture: {docs} docs, {ents} entities, {removed} removed"
    );
    assert_eq!(
        count(&dom, "<section class=\"doc\""),
        docs,
        "document sections in the rendered DOM"
    );
    assert_eq!(
        count(&dom, "data-entity=\""),
        ents,
        "entity highlights in the rendered DOM"
    );
    assert_eq!(
        count(&dom, "<mark class=\"ent "),
        ents,
        "highlights are marks"
    );
    assert_eq!(
        count(&dom, "<del class=\"removed block\""),
        removed,
        "removed segments shown"
    );
    assert_eq!(count(&html, "data-entity=\""), ents, "the file itself");

    let shot = out.join("report.png");
    let out = headless(profile.path())
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,2000")
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium --screenshot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 20_000,
        "a real PNG ({} bytes)",
        png.len()
    );
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        std::fs::write(root().join("docs/report.png"), &png).unwrap();
    }
}

#[test]
fn run_report_writes_the_same_page_in_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let pred = annotate(dir.path(), &root().join("corpus"), &["--report"]);
    let out = pred.parent().unwrap();
    let from_run = std::fs::read(out.join("report.html")).expect("run --report writes report.html");
    let again = Command::new(BIN)
        .args([
            "report",
            "--pred",
            "annotations.jsonl",
            "--out",
            "again.html",
        ])
        .current_dir(out)
        .output()
        .unwrap();
    ok(&again, "report");
    assert_eq!(
        from_run,
        std::fs::read(out.join("again.html")).unwrap(),
        "same bytes"
    );
    let names: Vec<String> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "no staging left behind: {names:?}");
}

#[test]
fn report_is_self_contained_and_escapes_everything() {
    let (dir, pred) = synthetic();
    let html = report(&pred, &dir.path().join("r.html"));
    // One inline script, the report's own; every `<script` of the documents is escaped.
    assert_eq!(count(&html, "<script"), 1, "one script");
    assert!(html.contains("<script>\n/* newstag report: search and paging"));
    for bad in [
        "<script src",
        "<link",
        "src=",
        "http://",
        "https://",
        "@import",
        "url(",
        "<b>Breaking",
    ] {
        assert!(!html.contains(bad), "{bad:?} must not be in the page");
    }
    for good in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;b&gt;Breaking&lt;/b&gt; &amp; &quot;quoted&quot;",
    ] {
        assert!(html.contains(good), "{good:?} in the page");
    }
    assert_eq!(count(&html, "<section class=\"doc\""), SYNTHETIC.len());
    assert_eq!(count(&html, "data-entity=\""), total(&pred, "entities"));
}

#[test]
fn removed_boilerplate_is_shown_where_it_was_cut() {
    let (dir, pred) = synthetic();
    let html = report(&pred, &dir.path().join("r.html"));
    let credit = html
        .find("<del class=\"removed block\" data-rule=\"photo-credit\"")
        .expect("credit shown");
    let before = html.find("позвонил.").unwrap();
    let after = html.find("ответил из").unwrap();
    assert!(
        before < credit && credit < after,
        "the photo credit sits between the paragraphs it was cut from"
    );
    assert!(html[credit..].starts_with("<del class=\"removed block\" data-rule=\"photo-credit\" title=\"removed boilerplate (photo-credit)\">Photo: Алиев в Баку</del>"));

    // With --keep-boilerplate the line is still in the text: struck through in place, with
    // its entities highlighted inside.
    let kept_dir = tempfile::tempdir().unwrap();
    let inputs = kept_dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("ru.txt"), SYNTHETIC[0].1).unwrap();
    let kept = annotate(kept_dir.path(), &inputs, &["--keep-boilerplate"]);
    let html = report(&kept, &kept_dir.path().join("r.html"));
    let del = html
        .find("<del class=\"removed kept\" data-rule=\"photo-credit\"")
        .expect("kept line struck");
    let end = del + html[del..].find("</del>").unwrap();
    assert!(
        html[del..end].contains("data-entity=\"per:ilham-aliyev\""),
        "{}",
        &html[del..end]
    );
    assert_eq!(count(&html, "data-entity=\""), total(&kept, "entities"));
    assert!(!html.contains("removed block"), "nothing inserted twice");
}

/// The opening tags of the document sections in a DOM dump, and how many carry `hidden`.
fn sections(dom: &str) -> (usize, Vec<String>) {
    let mut visible = Vec::new();
    let mut all = 0;
    for piece in dom.split("<section class=\"doc\"").skip(1) {
        all += 1;
        let tag = &piece[..piece.find('>').unwrap()];
        if !tag.contains(" hidden") {
            let id = tag.split("id=\"").nth(1).unwrap();
            visible.push(id[..id.find('"').unwrap()].to_string());
        }
    }
    (all, visible)
}

#[test]
fn big_reports_page_index_entities_and_follow_links_across_pages() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let names = ["Baku", "Moscow", "Putin", "Aliyev", "Kremlin"];
    for i in 0..250 {
        // Letters, not digits, tell the lines apart: lines that differ only in digits are
        // cross-document boilerplate.
        let word: String = [i / 26 % 26, i % 26]
            .iter()
            .map(|&k| char::from(b'a' + k as u8))
            .collect();
        let text = format!(
            "Story {word}\n\n{} spoke about {} in the {word} meeting.\n",
            names[i % names.len()],
            names[(i / 5) % names.len()]
        );
        std::fs::write(inputs.join(format!("d{i:03}.txt")), text).unwrap();
    }
    let pred = annotate(dir.path(), &inputs, &[]);
    let html_path = dir.path().join("report.html");
    let html = report(&pred, &html_path);
    assert_eq!(count(&html, "<section class=\"doc\""), 250);
    assert!(
        html.contains("<input type=\"search\" id=\"q\""),
        "search box"
    );
    assert!(
        html.contains("<section class=\"index\" id=\"entities\">"),
        "entity index"
    );
    // Every mention's document is linked from the index entry of its entity.
    let recs = records(&pred);
    let baku_docs = recs
        .iter()
        .filter(|r| {
            r["entities"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| kb_id(e) == "loc:baku")
        })
        .count();
    let entry = html
        .lines()
        .find(|l| l.starts_with("<li data-search=\"baku loc:baku loc\""))
        .expect("an index entry for Baku");
    assert!(
        entry.contains(&format!("<small>{baku_docs} documents</small>")),
        "{entry}"
    );
    assert_eq!(
        count(entry, "<a href=\"#doc-"),
        baku_docs.min(50),
        "{entry}"
    );
    let _browser = one_browser();
    let profile = tempfile::tempdir().unwrap();
    let dump = |hash: &str| {
        let out = headless(profile.path())
            .arg("--dump-dom")
            .arg(format!("file://{}{hash}", html_path.display()))
            .output()
            .expect("chromium runs");
        assert!(out.status.success(), "chromium {hash}");
        String::from_utf8(out.stdout).unwrap()
    };
    let (all, visible) = sections(&dump(""));
    assert_eq!(all, 250, "every document is in the page");
    let want: Vec<String> = (1..=100).map(|n| format!("doc-{n}")).collect();
    assert_eq!(visible, want, "the first page shows documents 1-100");
    let (_, visible) = sections(&dump("#doc-150"));
    let want: Vec<String> = (101..=200).map(|n| format!("doc-{n}")).collect();
    assert_eq!(visible, want, "a link to document 150 turns to page 2");
    let (_, visible) = sections(&dump("#q=PUTIN%20spoke"));
    let want: Vec<String> = recs
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            let t = r["text"].as_str().unwrap().to_lowercase();
            t.contains("putin") && t.contains("spoke")
        })
        .map(|(i, _)| format!("doc-{}", i + 1))
        .collect();
    assert!(
        want.len() > 50
            && want
                .iter()
                .any(|d| d["doc-".len()..].parse::<usize>().unwrap() > 100),
        "the search spans pages: {want:?}"
    );
    assert_eq!(visible, want, "#q= searches every page, case-insensitively");
}

/// Line `i` of a document without entities, as written in the file and as it reads in `text`
/// after normalization. The lines mix what throws off any guess from byte distances: Cyrillic
/// and ASCII (bytes per code point vary along the file), HTML entities (five bytes, one char),
/// runs of spaces collapsed to one, and emoji (four bytes, one code point).
fn hostile_line(i: usize, emoji: bool) -> (String, String) {
    match i % 4 {
        0 => {
            let l = format!("Строка {i}: дождь, ветер, холод, снег и лёд на улицах города.");
            (l.clone(), l)
        }
        1 => (
            format!("Line {i} &amp; more &amp; more &amp; more &amp; more &amp; more."),
            format!("Line {i} & more & more & more & more & more."),
        ),
        2 => (
            format!("Line {i} has          wide          gaps          in          it."),
            format!("Line {i} has wide gaps in it."),
        ),
        _ => {
            let l = format!(
                "Line {i} {}ёёёёё жжжжж.",
                if emoji { "😀😀😀😀😀 " } else { "" }
            );
            (l.clone(), l)
        }
    }
}

/// The text of a report's document section before and after each `<del>` whose text starts
/// with `shown`, with tags removed, every removed text itself skipped and `&amp;`-style escapes
/// undone.
fn around_each_del(section: &str, shown: &str) -> Vec<(String, String)> {
    let mut plain = String::new();
    let mut dels = Vec::new();
    let mut rest = section;
    while let Some(lt) = rest.find('<') {
        plain.push_str(&rest[..lt]);
        let gt = lt + rest[lt..].find('>').unwrap();
        let tag = &rest[lt..=gt];
        rest = &rest[gt + 1..];
        if tag.starts_with("<del") {
            if rest.starts_with(shown) {
                dels.push(plain.len());
            }
            rest = &rest[rest.find("</del>").unwrap() + "</del>".len()..];
        } else if tag.starts_with("<span class=\"lbl\"") {
            rest = &rest[rest.find("</span>").unwrap() + "</span>".len()..];
        }
    }
    plain.push_str(rest);
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    };
    dels.iter()
        .map(|&at| (unescape(&plain[..at]), unescape(&plain[at..])))
        .collect()
}

/// Every removed segment is shown exactly where it was cut, also in long stretches without
/// entities and in multi-byte and legacy encodings: the text before each struck-through segment
/// ends with the line it followed in the file, the text after it starts with the next line.
/// `removed[].at` says the same in the record, and with `--keep-boilerplate` `start`/`end` are the
/// segment's span in `text`.
#[test]
fn removed_segments_sit_exactly_where_they_were_cut_in_every_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    // Credits after these lines (two after line 12: one segment; one after the last line).
    let after = [3usize, 11, 12, 12, 25, 39];
    let n = 40;
    type Encode = fn(&str) -> Vec<u8>;
    // (file, emoji in the text, encoding, encoder)
    let cases: &[(&str, bool, &str, Encode)] = &[
        ("utf8.txt", true, "UTF-8", |s| s.as_bytes().to_vec()),
        ("cp1251.txt", false, "windows-1251", |s| {
            encoding_rs::WINDOWS_1251.encode(s).0.into_owned()
        }),
        ("utf16.txt", true, "UTF-16LE", |s| {
            let mut b = vec![0xFF, 0xFE];
            s.encode_utf16().for_each(|u| b.extend(u.to_le_bytes()));
            b
        }),
    ];
    let mut expected = std::collections::BTreeMap::new();
    for (name, emoji, _, encode) in cases {
        let (raw_lines, lines): (Vec<String>, Vec<String>) =
            (0..n).map(|i| hostile_line(i, *emoji)).unzip();
        let mut doc = String::from("Baku reported the news of the day.\n");
        let mut cuts = Vec::new();
        for (i, (raw_line, line)) in raw_lines.iter().zip(&lines).enumerate() {
            doc.push_str(raw_line);
            doc.push('\n');
            for (k, _) in after.iter().enumerate().filter(|(_, &a)| a == i) {
                doc.push_str(&format!("Photo: credit {k} for {name}\n"));
            }
            // Adjacent credit lines are one removed segment.
            if after.contains(&i) {
                cuts.push((line.clone(), lines.get(i + 1).cloned()));
            }
        }
        std::fs::write(inputs.join(name), encode(&doc)).unwrap();
        expected.insert(name.to_string(), cuts);
    }
    let pred = annotate(dir.path(), &inputs, &[]);
    let recs = records(&pred);
    let html = report(&pred, &dir.path().join("r.html"));
    for rec in &recs {
        let id = rec["id"].as_str().unwrap();
        let (_, _, encoding, _) = cases.iter().find(|c| c.0 == id).unwrap();
        assert_eq!(rec["encoding"], *encoding, "{id}: decoded as meant");
        let cuts = &expected[id];
        // Other rules may remove more (the short first line may read as a headline), and the
        // last credit may be claimed by a rule for trailing lines: found by their text.
        let removed: Vec<&serde_json::Value> = rec["removed"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["text"].as_str().unwrap().starts_with("Photo: credit"))
            .collect();
        assert_eq!(removed.len(), cuts.len(), "{id}: every credit removed");
        let text: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
        // The record: `at` is the code point where the credit was cut.
        for (k, (r, (before, next))) in removed.iter().zip(cuts).enumerate() {
            assert!(r["start"].is_null() && r["end"].is_null(), "{id} {k}");
            let at = r["at"].as_u64().unwrap() as usize;
            let head: String = text[..at].iter().collect();
            let tail: String = text[at..].iter().collect();
            assert!(
                head.trim_end().ends_with(before.as_str()),
                "{id} credit {k}: record at {at}"
            );
            match next {
                Some(next) => assert!(
                    tail.trim_start().starts_with(next.as_str()),
                    "{id} credit {k}"
                ),
                None => assert!(tail.trim().is_empty(), "{id} credit {k}: at the end"),
            }
        }
        // The page: each credit is drawn at that place.
        let start = html.find(&format!("data-doc=\"{id}\"")).unwrap();
        let section = &html[start..start + html[start..].find("</section>").unwrap()];
        let shown = around_each_del(section, "Photo: credit");
        assert_eq!(shown.len(), cuts.len(), "{id}: every credit drawn");
        for (k, ((head, tail), (before, next))) in shown.iter().zip(cuts).enumerate() {
            assert!(
                head.trim_end().ends_with(before.as_str()),
                "{id} credit {k}: drawn after {:?}",
                &head[head.len().saturating_sub(80)..]
            );
            if let Some(next) = next {
                assert!(
                    tail.trim_start().starts_with(next.as_str()),
                    "{id} credit {k}"
                );
            }
        }
    }

    // Kept in the text: `start`/`end` are the credit's span, `at == start`, struck in place.
    let kept_dir = dir.path().join("kept-run");
    std::fs::create_dir(&kept_dir).unwrap();
    let kept = annotate(&kept_dir, &inputs, &["--keep-boilerplate"]);
    for rec in records(&kept) {
        let text: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
        for r in rec["removed"].as_array().unwrap() {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(r["at"].as_u64().unwrap() as usize, s);
            let span: String = text[s..e].iter().collect();
            if !r["text"].as_str().unwrap().starts_with("Photo: credit") {
                continue; // other removals may hold lines normalization changed
            }
            assert_eq!(
                span.trim_end(),
                r["text"].as_str().unwrap().trim_end(),
                "{}",
                rec["id"]
            );
        }
    }
    let html = report(&kept, &dir.path().join("kept.html"));
    assert_eq!(
        count(&html, "<del class=\"removed kept\""),
        total(&kept, "removed")
    );
}
