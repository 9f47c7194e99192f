//! Embeds the built-in defaults: the repository's `newstag.toml`, everything under `lexicons/`
//! and `rules/`, and any other file a `.toml` of these names by a quoted relative path (a word
//! list a rule file reads, a data file a new config key points at). The list is made here, at
//! build time, so a new file needs no code change: name it in the config (or drop it into
//! `lexicons/` or `rules/`) and rebuild.
//!
//! Writes `$OUT_DIR/builtin_files.rs`: `FILES`, a sorted table of `(relative path, bytes)` read
//! by `src/builtin.rs`. Build scripts (`*.py`) and hidden files are left out: the table is what
//! `newstag init` writes for a user to edit.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Folders embedded whole.
const FOLDERS: &[&str] = &["lexicons", "rules"];
/// The config, the root of the references.
const CONFIG: &str = "newstag.toml";

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed={CONFIG}");
    for f in FOLDERS {
        println!("cargo:rerun-if-changed={f}");
    }
    let mut files: BTreeSet<String> = BTreeSet::new();
    files.insert(CONFIG.to_string());
    for f in FOLDERS {
        walk(&root, &root.join(f), &mut files);
    }
    // Follow the references of every embedded TOML file until nothing new turns up.
    let mut todo: Vec<String> = files
        .iter()
        .filter(|f| f.ends_with(".toml"))
        .cloned()
        .collect();
    while let Some(toml) = todo.pop() {
        let path = root.join(&toml);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let dir = path.parent().expect("a file has a folder").to_path_buf();
        for s in quoted_strings(&text) {
            for base in [&dir, &root] {
                let Some(rel) = inside(&root, &base.join(&s)) else {
                    continue;
                };
                if root.join(&rel).is_file() && embeddable(&rel) && files.insert(rel.clone()) {
                    println!("cargo:rerun-if-changed={rel}");
                    if rel.ends_with(".toml") {
                        todo.push(rel);
                    }
                }
            }
        }
    }
    let mut out = String::from(
        "/// The built-in files: `(path relative to the config, bytes)`, sorted by path.\n\
         pub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for rel in &files {
        let abs = root.join(rel);
        out.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            abs.to_str().expect("the repository path is UTF-8")
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(dest.join("builtin_files.rs"), out).expect("OUT_DIR is writable");
}

/// Adds every embeddable file under `dir` (recursively) to `files`, as `/`-separated paths
/// relative to `root`.
fn walk(root: &Path, dir: &Path, files: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Some(rel) = inside(root, &path) else {
            continue;
        };
        if !embeddable(&rel) {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, files);
        } else if path.is_file() {
            files.insert(rel);
        }
    }
}

/// Not a hidden file, a Python build script or its cache.
fn embeddable(rel: &str) -> bool {
    !rel.split('/')
        .any(|part| part.starts_with('.') || part == "__pycache__")
        && !rel.ends_with(".py")
        && !rel.ends_with(".pyc")
}

/// `path` relative to `root` as a `/`-separated string, when it stays inside `root` (`..` and
/// `.` resolved lexically: the files may not exist).
fn inside(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts: Vec<String> = Vec::new();
    for c in rel.components() {
        match c {
            std::path::Component::Normal(p) => parts.push(p.to_str()?.to_string()),
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                parts.pop()?;
            }
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The contents of the basic ("...") and literal ('...') one-line strings of a TOML text,
/// outside comments. Escapes are not decoded: a path with escapes is not followed.
fn quoted_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut chars = line.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '#' => break,
                '"' | '\'' => {
                    let rest = &line[i + 1..];
                    let Some(end) = rest.find(c) else { break };
                    let s = &rest[..end];
                    if !s.is_empty() && !s.contains('\\') {
                        out.push(s.to_string());
                    }
                    // Skip past the closing quote.
                    for _ in 0..s.chars().count() + 1 {
                        chars.next();
                    }
                }
                _ => {}
            }
        }
    }
    out
}
