//! Finding the inputs: folders walked recursively in sorted order, files taken as they are, and
//! the record id of each (see the contract).
//!
//! Walk problems (a dangling symlink, a symlink loop, an unreadable folder) are not fatal: a path
//! that would have been an input becomes an `io` error record, anything else a warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::document::{DocError, ErrorKind, ErrorRecord, Input};
use crate::error::{Error, Result};

/// What walking the inputs found: inputs sorted by id, error records for paths that could not
/// become inputs, and warnings for the rest.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Inputs, sorted by id, ids unique.
    pub inputs: Vec<Input>,
    /// Error records (dangling links, duplicate ids, ...), sorted by id.
    pub errors: Vec<ErrorRecord>,
    /// Problems that concern no input.
    pub warnings: Vec<String>,
    /// Files inside input folders that match no file pattern, counted by lowercase extension
    /// (`""`: none), for the one-line summary on stderr.
    pub skipped: BTreeMap<String, usize>,
}

/// Compiles the config's file patterns. They ignore case: `*.txt` takes `A.TXT` (files copied
/// from Windows or old FTP mirrors are often upper case).
pub fn patterns(globs: &[String]) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let glob = GlobBuilder::new(g)
            .case_insensitive(true)
            .build()
            .map_err(|e| Error::Usage(format!("bad file pattern {g:?}: {e}")))?;
        b.add(glob);
    }
    b.build()
        .map_err(|e| Error::Usage(format!("bad file patterns: {e}")))
}

/// Walks `paths` (folders and files) and names every input.
pub fn discover(paths: &[PathBuf], globs: &GlobSet) -> Result<Discovery> {
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    let mut d = Discovery::default();
    let several = paths.iter().filter(|p| p.is_dir()).count() > 1;
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if !meta.is_dir() {
            let name = root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| root.to_string_lossy().into_owned());
            found.push((name, root.clone()));
            continue;
        }
        let prefix = if several {
            let base = root
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| root.to_string_lossy().into_owned());
            format!("{base}/")
        } else {
            String::new()
        };
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            match entry {
                Ok(e) => {
                    if !e.file_type().is_file() {
                        continue;
                    }
                    if !globs.is_match(e.file_name()) {
                        *d.skipped.entry(extension(e.path())).or_default() += 1;
                        continue;
                    }
                    let id = format!("{prefix}{}", relative_id(root, e.path()));
                    found.push((id, e.path().to_path_buf()));
                }
                Err(err) => {
                    let path = err.path().map(Path::to_path_buf);
                    let is_input = path
                        .as_ref()
                        .and_then(|p| p.file_name())
                        .is_some_and(|n| globs.is_match(n));
                    match path {
                        Some(p) if is_input && err.loop_ancestor().is_none() => {
                            let id = format!("{prefix}{}", relative_id(root, &p));
                            d.errors.push(ErrorRecord {
                                id,
                                source: p.to_string_lossy().into_owned(),
                                error: DocError {
                                    kind: ErrorKind::Io,
                                    message: format!("{}: {}", p.display(), walk_message(&err)),
                                },
                            });
                        }
                        _ => d.warnings.push(format!(
                            "{}: {}",
                            path.map(|p| p.display().to_string()).unwrap_or_default(),
                            walk_message(&err)
                        )),
                    }
                }
            }
        }
    }
    // Sort by id; the first of equal ids (in the order the paths were given) wins.
    let mut by_id: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for (id, p) in found {
        by_id.entry(id).or_default().push(p);
    }
    for (id, mut paths) in by_id {
        let first = paths.remove(0);
        for dup in paths {
            d.errors.push(ErrorRecord {
                id: id.clone(),
                source: dup.to_string_lossy().into_owned(),
                error: DocError {
                    kind: ErrorKind::DuplicateId,
                    message: format!(
                        "{}: id {id:?} is already used by {}",
                        dup.display(),
                        first.display()
                    ),
                },
            });
        }
        d.inputs.push(Input::file(id, first));
    }
    d.errors
        .sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.source.cmp(&b.source)));
    Ok(d)
}

/// The lowercase extension of `path` with its dot (`.md`), or `""` when it has none.
fn extension(path: &Path) -> String {
    path.extension()
        .map(|x| format!(".{}", x.to_string_lossy().to_lowercase()))
        .unwrap_or_default()
}

fn walk_message(err: &walkdir::Error) -> String {
    if err.loop_ancestor().is_some() {
        return "symlink loop".into();
    }
    match err.io_error() {
        Some(e) if e.kind() == std::io::ErrorKind::NotFound => {
            "dangling symlink or vanished file".into()
        }
        Some(e) => e.to_string(),
        None => err.to_string(),
    }
}

/// `/`-separated path of `path` relative to `root`.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_with_relative_ids() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("b/2.txt"), "x").unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("c.md"), "x").unwrap();
        std::fs::create_dir_all(dir.path().join("d.txt")).unwrap();
        let d = discover(
            &[dir.path().to_path_buf()],
            &patterns(&["*.txt".into()]).unwrap(),
        )
        .unwrap();
        let ids: Vec<&str> = d.inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["a.txt", "b/2.txt"]);
        assert_eq!(d.skipped, BTreeMap::from([(".md".to_string(), 1)]));
    }

    #[test]
    fn patterns_ignore_case_and_skipped_files_are_counted_by_extension() {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            "a.txt",
            "B.TXT",
            "c.Txt",
            "d.md",
            "E.MD",
            "f.html",
            "README",
            "g.txt.bak",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let d = discover(
            &[dir.path().to_path_buf()],
            &patterns(&["*.txt".into()]).unwrap(),
        )
        .unwrap();
        let ids: Vec<&str> = d.inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["B.TXT", "a.txt", "c.Txt"]);
        let want = [(".md", 2), (".html", 1), ("", 1), (".bak", 1)];
        let want: BTreeMap<String, usize> = want.iter().map(|(k, n)| (k.to_string(), *n)).collect();
        assert_eq!(d.skipped, want);
    }

    #[test]
    fn several_folders_prefix_ids_and_duplicates_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["one", "two"] {
            std::fs::create_dir_all(dir.path().join(f)).unwrap();
            std::fs::write(dir.path().join(f).join("a.txt"), "x").unwrap();
        }
        let g = patterns(&["*.txt".into()]).unwrap();
        let d = discover(&[dir.path().join("one"), dir.path().join("two")], &g).unwrap();
        let ids: Vec<&str> = d.inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["one/a.txt", "two/a.txt"]);
        let d = discover(
            &[dir.path().join("one/a.txt"), dir.path().join("two/a.txt")],
            &g,
        )
        .unwrap();
        assert_eq!(d.inputs.len(), 1);
        assert_eq!(d.errors[0].error.kind, ErrorKind::DuplicateId);
    }
}
