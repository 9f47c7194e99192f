//! Finding the inputs: folders walked recursively in sorted order, files taken as they are, and
//! the record id of each (see the contract).
//!
//! Policy:
//! * Ids and `source` paths are lossless for any file name: a byte that is not part of valid
//!   UTF-8 is written `%XX`, and a `%` that is followed by two hex digits is written `%25`, so
//!   two different paths never get the same id and `urllib.parse.unquote_to_bytes(id)` gives the
//!   path's bytes back (see [`escape_path`]). Every other name, `%` included, is kept as it is.
//! * The walk never reads newstag's own output: it skips the `--out` folder and any folder
//!   holding a newstag `manifest.json` (with a warning), so an output folder inside an input
//!   folder is never taken for articles.
//! * Only regular files are inputs inside a folder: a FIFO, socket or device named like an input
//!   becomes an `io` error record (it is never opened, so it cannot block the run). A FIFO or
//!   character device given directly (`run <(cat file)`, `/dev/stdin`) is read once, when first
//!   needed, and its bytes are kept for the rest of the run.
//! * One file is one document: a file reached again by another path (input folders that nest,
//!   the same folder given twice, a symlink or hard link to a file already found) is annotated
//!   once, under the path found first that is no symlink, and each other path becomes a
//!   `duplicate_file` error record naming it, so the output holds no document twice and the
//!   run says so (exit 1). Equal ids of different files stay `duplicate_id`.
//! * Walk problems are not fatal: a folder that cannot be read, a dangling symlink named like an
//!   input become `io` error records (so the run exits 1, never 0 with something silently
//!   missing); a symlink loop, which hides nothing, is a warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::document::{DocError, ErrorKind, ErrorRecord, Input};
use crate::error::{Error, Result};
use crate::layout::{MANIFEST, OLD_MARKER, STAGING_MARKER};

impl Input {
    /// An input read from the file at `path`, its `source` escaped by [`escape_os`].
    pub fn file(id: String, path: PathBuf) -> Input {
        Input {
            id,
            source: escape_os(path.as_os_str()),
            path,
            once: None,
        }
    }
}

/// What walking the inputs found: inputs sorted by id, error records for paths that could not
/// become inputs, and warnings for the rest.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Inputs, sorted by id, ids unique.
    pub inputs: Vec<Input>,
    /// Error records (dangling links, duplicate ids, unreadable folders, special files, ...),
    /// sorted by id.
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
            .map_err(|e| Error::BadPattern(format!("bad file pattern {g:?}: {e}")))?;
        b.add(glob);
    }
    b.build()
        .map_err(|e| Error::BadPattern(format!("bad file patterns: {e}")))
}

/// Walks `paths` (folders and files) and names every input, never entering a folder that holds
/// a newstag manifest.
pub fn discover(paths: &[PathBuf], globs: &GlobSet) -> Result<Discovery> {
    discover_with(paths, globs, None)
}

/// [`discover`], also never entering `out` (the run's output folder, whether it holds a manifest
/// yet or not).
pub fn discover_with(paths: &[PathBuf], globs: &GlobSet, out: Option<&Path>) -> Result<Discovery> {
    let mut found: Vec<Found> = Vec::new();
    let mut d = Discovery::default();
    let several = paths.iter().filter(|p| p.is_dir()).count() > 1;
    let out = out.and_then(|o| o.canonicalize().ok());
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if !meta.is_dir() {
            let name = match root.file_name() {
                Some(n) => escape_os(n),
                None => escape_os(root.as_os_str()),
            };
            let mut input = Input::file(name.clone(), root.clone());
            if special_kind(&meta.file_type()).is_some() {
                // A pipe can be read only once: the line-statistics pass and the annotation
                // pass share one read.
                input = input.read_once();
            }
            let link = std::fs::symlink_metadata(root).is_ok_and(|m| m.file_type().is_symlink());
            found.push(Found {
                id: name,
                input,
                file: FileKey::of(root, &meta),
                link,
            });
            continue;
        }
        let prefix = if several {
            let base = root
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(escape_os))
                .unwrap_or_else(|| escape_os(root.as_os_str()));
            format!("{base}/")
        } else {
            String::new()
        };
        let id_of = |p: &Path| {
            let rel = relative_id(root, p);
            if rel.is_empty() {
                // The root folder itself: named as a file given directly would be.
                format!(
                    "{prefix}{}",
                    root.file_name()
                        .map(escape_os)
                        .unwrap_or_else(|| escape_os(root.as_os_str()))
                )
            } else {
                format!("{prefix}{rel}")
            }
        };
        let mut skipped: Vec<String> = Vec::new();
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if !e.file_type().is_dir() {
                    return true;
                }
                let why = own_output(e.path(), e.depth(), out.as_deref());
                if let Some(why) = why {
                    skipped.push(format!("{}: skipped, {why}", e.path().display()));
                }
                why.is_none()
            });
        for entry in walker {
            match entry {
                Ok(e) => {
                    let ft = e.file_type();
                    if ft.is_dir() {
                        continue;
                    }
                    if !globs.is_match(e.file_name()) {
                        *d.skipped.entry(extension(e.path())).or_default() += 1;
                        continue;
                    }
                    let id = id_of(e.path());
                    if let Some(kind) = special_kind(&ft) {
                        d.errors.push(error_record(
                            id,
                            e.path(),
                            format!("not a regular file ({kind}): not read"),
                        ));
                        continue;
                    }
                    let file = e.metadata().ok().and_then(|m| FileKey::of(e.path(), &m));
                    found.push(Found {
                        input: Input::file(id.clone(), e.path().to_path_buf()),
                        id,
                        file,
                        link: e.path_is_symlink(),
                    });
                }
                Err(err) => {
                    let path = err.path().map(Path::to_path_buf);
                    let is_input = path
                        .as_ref()
                        .and_then(|p| p.file_name())
                        .is_some_and(|n| globs.is_match(n));
                    // A folder that cannot be listed hides inputs: that must not pass unnoticed.
                    let unreadable_dir =
                        err.io_error().is_some() && path.as_ref().is_some_and(|p| p.is_dir());
                    match path {
                        Some(p)
                            if (is_input || unreadable_dir) && err.loop_ancestor().is_none() =>
                        {
                            let what = if unreadable_dir && !is_input {
                                format!("folder cannot be read: {}", walk_message(&err))
                            } else {
                                walk_message(&err)
                            };
                            d.errors.push(error_record(id_of(&p), &p, what));
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
        d.warnings.extend(skipped);
    }
    // One record per file: its first path that is no symlink (else its first path) keeps it.
    let found = same_files(found, &mut d.errors);
    // Sort by id; the first of equal ids (in the order the paths were given) wins.
    let mut by_id: BTreeMap<String, Vec<Input>> = BTreeMap::new();
    for f in found {
        by_id.entry(f.id).or_default().push(f.input);
    }
    for (id, mut inputs) in by_id {
        let first = inputs.remove(0);
        for dup in inputs {
            d.errors.push(ErrorRecord {
                id: id.clone(),
                source: dup.source.clone(),
                error: DocError {
                    kind: ErrorKind::DuplicateId,
                    message: format!(
                        "{}: id {id:?} is already used by {}",
                        dup.source, first.source
                    ),
                },
            });
        }
        d.inputs.push(first);
    }
    d.errors
        .sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.source.cmp(&b.source)));
    Ok(d)
}

/// An input as the walk found it.
struct Found {
    id: String,
    input: Input,
    /// Which file it is (`None` when that cannot be told: it is then taken as its own file).
    file: Option<FileKey>,
    /// Whether the path itself is a symlink.
    link: bool,
}

/// The identity of a file, whatever path reached it: device and inode on Unix (hard links
/// too), the canonical path elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum FileKey {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

impl FileKey {
    /// The key of the file at `path`, whose (followed) metadata is `meta`.
    #[cfg_attr(unix, allow(unused_variables))]
    fn of(path: &Path, meta: &std::fs::Metadata) -> Option<FileKey> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileKey::Inode(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            path.canonicalize().ok().map(FileKey::Path)
        }
    }
}

/// `found` with each file once: of the paths to one file, the first that is no symlink stays
/// (else the first); each other one becomes a `duplicate_file` error record in `errors`.
fn same_files(found: Vec<Found>, errors: &mut Vec<ErrorRecord>) -> Vec<Found> {
    let mut keeper: std::collections::HashMap<FileKey, usize> = Default::default();
    for (i, f) in found.iter().enumerate() {
        if let Some(key) = &f.file {
            keeper
                .entry(key.clone())
                .and_modify(|k| {
                    if found[*k].link && !f.link {
                        *k = i;
                    }
                })
                .or_insert(i);
        }
    }
    // The id and source each kept path is named by, for the others' messages.
    let names: std::collections::HashMap<usize, (String, String)> = keeper
        .values()
        .map(|&k| (k, (found[k].id.clone(), found[k].input.source.clone())))
        .collect();
    let mut out = Vec::with_capacity(found.len());
    for (i, f) in found.into_iter().enumerate() {
        let k = f.file.as_ref().and_then(|key| keeper.get(key)).copied();
        match k.filter(|&k| k != i).map(|k| &names[&k]) {
            Some((id, source)) => errors.push(ErrorRecord {
                error: DocError {
                    kind: ErrorKind::DuplicateFile,
                    message: if *source == f.input.source {
                        format!("{source}: reached twice (the inputs overlap), annotated as {id:?}")
                    } else {
                        format!(
                            "{}: the same file as {source}, annotated as {id:?}",
                            f.input.source
                        )
                    },
                },
                id: f.id,
                source: f.input.source,
            }),
            None => out.push(f),
        }
    }
    out
}

/// The lowercase extension of `path` with its dot (`.md`), or `""` when it has none.
fn extension(path: &Path) -> String {
    path.extension()
        .map(|x| format!(".{}", x.to_string_lossy().to_lowercase()))
        .unwrap_or_default()
}

/// An `io` error record for `path`.
fn error_record(id: String, path: &Path, what: String) -> ErrorRecord {
    let source = escape_os(path.as_os_str());
    ErrorRecord {
        id,
        error: DocError {
            kind: ErrorKind::Io,
            message: format!("{source}: {what}"),
        },
        source,
    }
}

/// Why the folder at `path` is newstag's own output and must not be walked, if it is: the run's
/// `--out` folder (`out`, canonical), or a folder (below the walked root) holding a newstag
/// manifest.
fn own_output(path: &Path, depth: usize, out: Option<&Path>) -> Option<&'static str> {
    if out.is_some() && path.canonicalize().ok().as_deref() == out {
        return Some("it is the output folder");
    }
    if [STAGING_MARKER, OLD_MARKER]
        .iter()
        .any(|m| path.join(m).is_file())
    {
        return Some("it is a newstag staging folder");
    }
    (depth > 0 && is_newstag_manifest(&path.join(MANIFEST)))
        .then_some("it holds a newstag manifest.json (an output folder)")
}

/// Whether `path` is a `manifest.json` written by newstag (`"tool": "newstag"`).
pub fn is_newstag_manifest(path: &Path) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        tool: String,
    }
    // A manifest is a few KiB; a huge file of that name is not one of ours.
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() > 1 << 20 {
        return false;
    }
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Head>(&b).ok())
        .is_some_and(|h| h.tool == "newstag")
}

/// What kind of special file `ft` is (FIFO, socket, device), or `None` for a regular file, a
/// folder or a symlink.
pub fn special_kind(ft: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("FIFO");
        }
        if ft.is_socket() {
            return Some("socket");
        }
        if ft.is_char_device() {
            return Some("character device");
        }
        if ft.is_block_device() {
            return Some("block device");
        }
    }
    if ft.is_file() || ft.is_dir() || ft.is_symlink() {
        None
    } else {
        Some("special file")
    }
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

/// `/`-separated path of `path` relative to `root`, each component escaped by [`escape_path`].
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| escape_os(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// [`escape_path`] of an OS string (its bytes on Unix; elsewhere its UTF-8 form).
pub fn escape_os(s: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        escape_path(s.as_bytes())
    }
    #[cfg(not(unix))]
    {
        escape_path(s.to_string_lossy().as_bytes())
    }
}

/// A path's bytes as a string that names it without loss: valid UTF-8 is kept, each byte of an
/// invalid sequence becomes `%XX` (upper-case hex), and a `%` followed by two hex digits becomes
/// `%25` (so the literal name `a%FF.txt` and the byte name `a\xFF.txt` stay apart). Any other
/// `%` is kept. [`unescape_path`] (or Python's `urllib.parse.unquote_to_bytes`) inverts it.
pub fn escape_path(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let b = valid.as_bytes();
        let mut kept = 0;
        for (i, &c) in b.iter().enumerate() {
            // Hex digits after the `%` are looked up in the original bytes: an escape written
            // for the invalid bytes that follow always starts with `%`, which is not one.
            let hex_follows = || {
                let rest = &bytes[offset_in(bytes, b) + i + 1..];
                rest.len() >= 2 && rest[0].is_ascii_hexdigit() && rest[1].is_ascii_hexdigit()
            };
            if c == b'%' && hex_follows() {
                out.push_str(&valid[kept..i]);
                out.push_str("%25");
                kept = i + 1;
            }
        }
        out.push_str(&valid[kept..]);
        for &x in chunk.invalid() {
            out.push_str(&format!("%{x:02X}"));
        }
    }
    out
}

/// Offset of the sub-slice `part` in `whole`.
fn offset_in(whole: &[u8], part: &[u8]) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// The bytes an [`escape_path`] string names: `%XX` (hex) becomes the byte, anything else is kept.
pub fn unescape_path(s: &str) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// The path an [`escape_path`] string names.
pub fn unescape_to_path(s: &str) -> PathBuf {
    let bytes = unescape_path(s);
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
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
        let d = discover_with(
            &[dir.path().to_path_buf()],
            &patterns(&["*.txt".into()]).unwrap(),
            None,
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
        let d = discover_with(&[dir.path().join("one"), dir.path().join("two")], &g, None).unwrap();
        let ids: Vec<&str> = d.inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["one/a.txt", "two/a.txt"]);
        let d = discover_with(
            &[dir.path().join("one/a.txt"), dir.path().join("two/a.txt")],
            &g,
            None,
        )
        .unwrap();
        assert_eq!(d.inputs.len(), 1);
        assert_eq!(d.errors[0].error.kind, ErrorKind::DuplicateId);
    }

    #[test]
    fn escaped_names_are_kept_distinct_and_invert() {
        let cases: [(&str, &[u8], &str); 9] = [
            ("plain", b"a.txt", "a.txt"),
            ("unicode kept", "новости/1.txt".as_bytes(), "новости/1.txt"),
            ("latin-1 byte", b"caf\xE9.txt", "caf%E9.txt"),
            ("literal escape-like name", b"caf%E9.txt", "caf%25E9.txt"),
            ("lone percent kept", b"100%.txt", "100%.txt"),
            ("percent before one hex digit", b"a%4.txt", "a%4.txt"),
            ("percent then invalid byte", b"%\xFF", "%%FF"),
            ("percent, hex digit, invalid byte", b"%A\xFF", "%A%FF"),
            ("truncated UTF-8", b"\xD0\xBF\xD0", "п%D0"),
        ];
        for (name, bytes, want) in cases {
            let got = escape_path(bytes);
            assert_eq!(got, want, "case {name}");
            assert_eq!(unescape_path(&got), bytes, "case {name}: round trip");
        }
    }

    proptest::proptest! {
        /// Escaping is injective (different names never share an id) because it inverts.
        #[test]
        fn escape_round_trips_any_bytes(bytes in proptest::collection::vec(
            proptest::prop_oneof![proptest::sample::select(b"%AFaf09z\xC3\xA9\xFF".to_vec()), proptest::num::u8::ANY],
            0..24,
        )) {
            let e = escape_path(&bytes);
            proptest::prop_assert_eq!(unescape_path(&e), bytes);
        }
    }

    #[test]
    fn output_folders_and_special_files_are_not_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        // The run's own --out, and another newstag output folder, inside the input folder.
        std::fs::create_dir_all(root.join("out")).unwrap();
        std::fs::write(root.join("out/stale.txt"), "x").unwrap();
        std::fs::create_dir_all(root.join("old")).unwrap();
        std::fs::write(root.join("old/manifest.json"), r#"{"tool": "newstag"}"#).unwrap();
        std::fs::write(root.join("old/x.txt"), "x").unwrap();
        // A manifest.json of another tool does not hide its folder.
        std::fs::create_dir_all(root.join("other")).unwrap();
        std::fs::write(root.join("other/manifest.json"), r#"{"tool": "x"}"#).unwrap();
        std::fs::write(root.join("other/y.txt"), "x").unwrap();
        let fifo = root.join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let g = patterns(&["*.txt".into()]).unwrap();
        let d = discover_with(&[root.to_path_buf()], &g, Some(&root.join("out"))).unwrap();
        let ids: Vec<&str> = d.inputs.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, vec!["a.txt", "other/y.txt"]);
        assert_eq!(d.warnings.len(), 2, "{:?}", d.warnings);
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(d.errors.len(), 1);
            assert_eq!(d.errors[0].id, "pipe.txt");
            assert_eq!(d.errors[0].error.kind, ErrorKind::Io);
            assert!(d.errors[0].error.message.contains("FIFO"));
        }
    }
}
