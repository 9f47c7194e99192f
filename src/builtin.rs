//! The built-in defaults: the repository's `newstag.toml`, lexicons and rules, compiled into the
//! binary (the table is made by `build.rs`), so an installed binary works from any folder.
//!
//! Policy: the built-in config is used when no `--config` is given and `./newstag.toml` does not
//! exist ([`choose`]). It is not read from memory but unpacked once into a folder named by the
//! digest of its files, inside the cache folder of the compiled lexicons (or the system's temp
//! folder when the cache is off), and then loaded like any config file. That way every stage,
//! `lexicon check` and the compiled-lexicon cache read it through the one path they already use,
//! and a data file added to the config later needs no code. An unpacked folder is checked byte for
//! byte against the binary before use, so an edited or half-written copy is never trusted: it is
//! written again.
//!
//! `newstag init` writes the same files into a folder for the user to edit ([`init`]).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::digest::hex;
use crate::error::{Error, Result};

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// The config's file name inside the built-in tree.
pub const CONFIG: &str = "newstag.toml";

/// What the manifest and `newstag config` call the built-in config.
pub const NAME: &str = "built-in";

/// The built-in files: `(path relative to the config, bytes)`, sorted by path.
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    files::FILES
}

/// The built-in config's text.
pub fn config_text() -> &'static str {
    let (_, bytes) = files()
        .iter()
        .find(|(p, _)| *p == CONFIG)
        .expect("build.rs always embeds newstag.toml");
    std::str::from_utf8(bytes).expect("the shipped newstag.toml is UTF-8")
}

/// Which config a command uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// A config file (named with `--config`, or `./newstag.toml`).
    File(PathBuf),
    /// The built-in config.
    BuiltIn,
}

impl Choice {
    /// What the manifest calls it: the path as given, or `built-in`.
    pub fn name(&self) -> String {
        match self {
            Choice::File(p) => p.display().to_string(),
            Choice::BuiltIn => NAME.to_string(),
        }
    }
}

/// `--config FILE` when given; else `./newstag.toml` when it exists; else the built-in config.
pub fn choose(arg: Option<&Path>) -> Choice {
    match arg {
        Some(p) => Choice::File(p.to_path_buf()),
        None if Path::new(CONFIG).exists() => Choice::File(PathBuf::from(CONFIG)),
        None => Choice::BuiltIn,
    }
}

/// Hex SHA-256 over every built-in file's path and bytes: names the unpacked folder.
fn digest() -> String {
    let mut h = Sha256::new();
    for (path, bytes) in files() {
        h.update((path.len() as u64).to_le_bytes());
        h.update(path.as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    hex(&h.finalize())
}

/// The unpacked built-in config file, unpacking it first when needed: into the cache folder,
/// or the temp folder when there is none or it cannot be written.
pub fn config_path() -> Result<PathBuf> {
    let name = format!("builtin-{}", &digest()[..16]);
    let temp = std::env::temp_dir();
    let mut parents: Vec<PathBuf> = crate::gazetteer::cache::dir().into_iter().collect();
    parents.push(temp);
    let mut first_error = None;
    for parent in parents {
        let dir = parent.join(&name);
        if matches(&dir) {
            return Ok(dir.join(CONFIG));
        }
        match unpack(&parent, &dir) {
            Ok(()) => return Ok(dir.join(CONFIG)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.expect("the temp folder is always tried"))
}

/// Whether `dir` holds exactly the built-in files' bytes (extra files are ignored).
fn matches(dir: &Path) -> bool {
    files()
        .iter()
        .all(|(p, bytes)| std::fs::read(dir.join(p)).is_ok_and(|b| b == *bytes))
}

/// Writes the files into a private folder beside `dir`, then renames it into place; a run that
/// loses the race to another one uses the winner's copy when it is whole.
fn unpack(parent: &Path, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let tmp = parent.join(format!(".builtin-tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    write_tree(&tmp)?;
    if dir.exists() {
        // A damaged copy (edited, half-deleted): replace it.
        let _ = std::fs::remove_dir_all(dir);
    }
    if let Err(e) = std::fs::rename(&tmp, dir) {
        let _ = std::fs::remove_dir_all(&tmp);
        if !matches(dir) {
            return Err(Error::io(dir, e));
        }
    }
    Ok(())
}

/// Writes every built-in file under `dir`.
fn write_tree(dir: &Path) -> Result<()> {
    for (rel, bytes) in files() {
        let path = dir.join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p).map_err(|e| Error::io(p, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// `newstag init DIR`: writes the built-in config, lexicons and rules into `dir` for editing.
/// Without `force`, nothing is written when any of the files exists (the error names them).
/// Returns the paths written.
pub fn init(dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    let targets: Vec<PathBuf> = files().iter().map(|(rel, _)| dir.join(rel)).collect();
    if !force {
        let existing: Vec<String> = targets
            .iter()
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            let shown = existing
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            let more = existing.len().saturating_sub(5);
            return Err(Error::Usage(format!(
                "{}: {} file(s) already exist ({shown}{}); nothing written (pass --force to overwrite)",
                dir.display(),
                existing.len(),
                if more > 0 { format!(", and {more} more") } else { String::new() }
            )));
        }
    }
    write_tree(dir)?;
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_the_config_and_every_file_it_names() {
        let names: Vec<&str> = files().iter().map(|(p, _)| *p).collect();
        assert!(names.contains(&CONFIG));
        let config = crate::config::Config::parse(config_text(), Path::new(CONFIG)).unwrap();
        for l in &config.lexicons {
            let p = l.path.to_str().unwrap();
            assert!(names.contains(&p), "lexicon {p} is not built in");
        }
        for r in &config.rules {
            let p = r.path.to_str().unwrap();
            assert!(names.contains(&p), "rule file {p} is not built in");
        }
        assert!(
            !names.iter().any(|n| n.ends_with(".py")),
            "build scripts are not shipped: {names:?}"
        );
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, unique");
    }

    #[test]
    fn init_refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let written = init(dir.path(), false).unwrap();
        assert_eq!(written.len(), files().len());
        assert_eq!(
            std::fs::read_to_string(dir.path().join(CONFIG)).unwrap(),
            config_text()
        );
        std::fs::write(dir.path().join(CONFIG), "# mine\n").unwrap();
        let e = init(dir.path(), false).unwrap_err().to_string();
        assert!(e.contains("already exist") && e.contains("--force"), "{e}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(CONFIG)).unwrap(),
            "# mine\n"
        );
        init(dir.path(), true).unwrap();
        assert!(matches(dir.path()));
    }

    #[test]
    fn a_damaged_unpacked_copy_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("builtin-x");
        unpack(dir.path(), &target).unwrap();
        assert!(matches(&target));
        let (rel, _) = files().iter().find(|(p, _)| p.ends_with(".tsv")).unwrap();
        std::fs::write(target.join(rel), "tampered").unwrap();
        assert!(!matches(&target));
        unpack(dir.path(), &target).unwrap();
        assert!(matches(&target));
    }
}
