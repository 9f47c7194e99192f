//! The commit of `run`'s output folder: one lock, one staging folder, one switch.
//!
//! Readers of an output folder must never see a mix of two runs (the new `annotations.jsonl`
//! beside the old `manifest.json`), and two runs must never write one folder at once. The policy:
//!
//! * **Lock.** A run first takes an exclusive advisory lock (`flock`, non-blocking) on the folder
//!   `DIR` itself (no lock file is left in it), then creates its staging folder, whose marker
//!   names the run's pid, host and run id. A second run into the same folder fails at once (exit
//!   status 2) with a message naming the holder from that marker. The kernel releases the lock
//!   when its holder dies, so a killed run never blocks the next one.
//! * **Stage.** The whole new output set (annotations, errors, report, manifest) is written into a
//!   staging folder *beside* `DIR`, `.<name>.newstag-staging-<run id>`, and synced file by file,
//!   then the folder itself. The folder holds a marker file `.newstag-staging` naming the run id.
//! * **Switch.** One `renameat2(RENAME_EXCHANGE)` swaps the staging folder and `DIR`: readers see
//!   either every old file or every new one, never both. The swapped-out previous folder then gets
//!   the marker `.newstag-old`; whatever it held besides newstag's own files (an `export/`
//!   folder, notes) is moved into the new `DIR`, and it is deleted. newstag's own files
//!   (`annotations.jsonl`, `errors.jsonl`, `manifest.json`, `report.html`) go with the old set: a
//!   run without `--report` leaves no stale report beside new annotations. The run locks the staging folder too, so the lock covers the folder before
//!   and after the switch.
//! * **Clean up only what is marked.** Under the lock, a run first finishes what a killed run
//!   left: a `.newstag-staging`-marked folder (an uncommitted stage) is deleted; a
//!   `.newstag-old`-marked folder (a previous output swapped out) gives its other entries back to
//!   `DIR` and is deleted. A folder with the staging name but no marker is only removed when empty:
//!   newstag never deletes a folder it cannot prove it made (`.tmp-N` folders are never touched).
//!
//! Where the one-rename switch is impossible, newstag falls back to renaming file by file with the
//! manifest removed first and written last, so a folder interrupted mid-switch has no manifest
//! (and `--resume` runs in full): when `DIR` is the working folder or holds it, is a mount point,
//! its parent is not writable (staging then goes inside `DIR`), or the file system has no
//! `RENAME_EXCHANGE` (NFS, non-Linux).
//!
//! Every rename, fsync and removal of the commit passes through [`fault`], a test hook that kills
//! the process at the N-th such step when `NEWSTAG_FAULT` asks for it (inert otherwise), so the
//! tests can prove the folder is entirely old or entirely new after a kill at any step.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::messages::Message;

mod fault;
use crate::layout::{ANNOTATIONS, ERRORS, MANIFEST, OLD_MARKER, REPORT, STAGING_MARKER};
use fault::faults;
pub use fault::{fault, Step};

/// Name part of staging folders: `.<out name>.newstag-staging-<run id>` beside the output
/// folder, or `.newstag-staging-<run id>` inside it.
const STAGING_INFIX: &str = "newstag-staging-";

/// An output folder opened for a run: locked, with what killed runs left cleaned up.
#[derive(Debug)]
pub struct OutDir {
    /// The folder as the user named it (for messages).
    shown: PathBuf,
    /// The folder with symlinks resolved (a symlinked `--out` is committed at its target).
    real: PathBuf,
    /// Whether the one-rename switch may be used (see the module doc).
    swappable: bool,
    run_id: String,
    /// Locks held until the run ends: the folder's, then the staging folder's (which becomes the
    /// folder after the switch).
    locks: Vec<Lock>,
    /// This run's staging folder until the writer takes it.
    staging: Option<Staging>,
    /// Warnings not yet handed to the caller (see [`OutDir::take_messages`]).
    messages: Mutex<Vec<Message>>,
}

impl Drop for OutDir {
    fn drop(&mut self) {
        if let Some(s) = self.staging.take() {
            s.abandon();
        }
    }
}

/// A staging folder holding the output set being written.
#[derive(Debug)]
pub struct Staging {
    /// The folder.
    pub path: PathBuf,
    /// Beside the output folder (switch by exchange) or inside it (file by file).
    beside: bool,
}

impl OutDir {
    /// Creates `out` if needed, locks it, and finishes or removes what killed runs left.
    pub fn open(out: &Path) -> Result<OutDir> {
        match std::fs::metadata(out) {
            Ok(m) if !m.is_dir() => {
                return Err(Error::BadArgument(format!(
                    "{}: --out must be a folder, this is a file",
                    out.display()
                )))
            }
            Ok(_) => {}
            Err(_) => std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?,
        }
        let real = std::fs::canonicalize(out).map_err(|e| Error::io(out, e))?;
        let run_id = format!(
            "{}-{:x}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        let swappable = swappable(&real);
        let mut dir = OutDir {
            shown: out.to_path_buf(),
            real,
            swappable,
            run_id,
            locks: Vec::new(),
            staging: None,
            messages: Mutex::default(),
        };
        match Lock::take(&dir.real, &|w| dir.warn(w))? {
            Some(lock) => dir.locks.push(lock),
            None => {
                return Err(Error::Locked {
                    out: out.to_path_buf(),
                    holder: dir.holders(),
                })
            }
        }
        dir.recover();
        // Staged at once: its marker names this run's pid and host to a second run.
        dir.staging = Some(dir.make_staging()?);
        Ok(dir)
    }

    /// The folder as the user named it.
    pub fn path(&self) -> &Path {
        &self.shown
    }

    /// This run's id (in the lock file and the staging marker).
    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    /// Staging folders of this output folder live in `(folder, name prefix)`: beside it, and
    /// inside it (in-place mode).
    fn staging_places(&self) -> Vec<(PathBuf, String)> {
        let mut places = Vec::new();
        if let (Some(parent), Some(name)) = (self.real.parent(), self.real.file_name()) {
            places.push((
                parent.to_path_buf(),
                format!(".{}.{STAGING_INFIX}", name.to_string_lossy()),
            ));
        }
        places.push((self.real.clone(), format!(".{STAGING_INFIX}")));
        places
    }

    /// This run's staging folder, marked as newstag's own.
    pub fn stage(&mut self) -> Result<Staging> {
        match self.staging.take() {
            Some(s) => Ok(s),
            None => self.make_staging(),
        }
    }

    /// Who holds the lock, from the markers of the staging folders (which name pid and host).
    fn holders(&self) -> String {
        let mut found = Vec::new();
        for (folder, prefix) in self.staging_places() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let named = entry.file_name();
                if !named
                    .to_str()
                    .is_some_and(|n| n.starts_with(prefix.as_str()))
                {
                    continue;
                }
                let marker = entry.path().join(STAGING_MARKER);
                let (Some(run), Ok(text)) =
                    (read_marker(&marker), std::fs::read_to_string(&marker))
                else {
                    continue;
                };
                let field = |k: &str| {
                    text.lines()
                        .find_map(|l| l.strip_prefix(k).map(str::trim))
                        .filter(|v| !v.is_empty())
                        .map(str::to_owned)
                };
                found.push(format!(
                    "pid {}{}, run {run}, staging in {}",
                    field("pid ").unwrap_or_else(|| "?".into()),
                    field("host ")
                        .map(|h| format!(" on host {h}"))
                        .unwrap_or_default(),
                    entry.path().display()
                ));
            }
        }
        if found.is_empty() {
            "a process that has not staged yet".to_owned()
        } else {
            found.join("; or ")
        }
    }

    /// Creates this run's staging folder, marked as newstag's own.
    fn make_staging(&mut self) -> Result<Staging> {
        let places = self.staging_places();
        let mut candidates = Vec::new();
        if self.swappable && places.len() == 2 {
            candidates.push((&places[0], true));
        }
        candidates.push((places.last().expect("inside place"), false));
        let mut last_err = None;
        for ((folder, prefix), beside) in candidates {
            let path = folder.join(format!("{prefix}{}", self.run_id));
            match std::fs::create_dir(&path) {
                Ok(()) => {}
                // A parent we may not write into: stage inside the folder instead.
                Err(e) if beside && is_permission(&e) => {
                    last_err = Some(Error::io(&path, e));
                    continue;
                }
                Err(e) => return Err(Error::io(&path, e)),
            }
            let staging = Staging { path, beside };
            if let Err(e) = write_marker(&staging.path, STAGING_MARKER, &self.run_id) {
                staging.abandon();
                return Err(e);
            }
            if beside {
                // The staged folder becomes the output folder: this run locks it too, so the
                // lock covers the folder across the switch.
                match Lock::take(&staging.path, &|w| self.warn(w)) {
                    Ok(Some(l)) => self.locks.push(l),
                    Ok(None) => {}
                    Err(e) => {
                        staging.abandon();
                        return Err(e);
                    }
                }
            }
            return Ok(staging);
        }
        Err(last_err.expect("a staging place was tried"))
    }

    /// The warnings of the open, the clean-up and the commit so far (a folder that could not be
    /// locked, a leftover that could not be removed), emptied: the library prints nothing.
    pub fn take_messages(&self) -> Vec<Message> {
        std::mem::take(&mut *self.messages.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Keeps a warning for [`OutDir::take_messages`].
    fn warn(&self, warning: String) {
        self.messages
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(Message::Warning(warning));
    }

    /// Switches the staged output set in: `data` are the staged file names besides the
    /// manifest, `manifest` the name written last. On error before the switch the staging folder
    /// is removed and the previous output is as it was.
    pub fn commit(&self, staging: Staging, data: &[&str], manifest: &str) -> Result<()> {
        if let Err(e) = sync_dir(&staging.path) {
            staging.abandon();
            return Err(e);
        }
        if staging.beside {
            fault(Step::Rename);
            match exchange(&staging.path, &self.real) {
                Ok(()) => {
                    self.after_exchange(&staging.path);
                    return Ok(());
                }
                // No atomic exchange here (NFS, an older kernel, another system): fall back.
                Err(e) if exchange_unsupported(&e) => {}
                Err(e) => {
                    staging.abandon();
                    return Err(Error::io(&self.shown, e));
                }
            }
        }
        self.commit_file_by_file(staging, data, manifest)
    }

    /// After the exchange `old` holds the previous output: mark it, hand back what newstag did
    /// not write this time, delete it. The new output is committed; problems here are warnings.
    fn after_exchange(&self, old: &Path) {
        let warn = |what: &str, p: &Path, e: std::io::Error| {
            self.warn(format!("{what} {}: {e}", p.display()));
        };
        fault(Step::Fsync);
        if let Some(parent) = self.real.parent() {
            if let Err(e) = sync_dir(parent) {
                self.warn(e.to_string());
            }
        }
        if let Err(e) = write_marker(old, OLD_MARKER, &self.run_id) {
            self.warn(e.to_string());
            return;
        }
        fault(Step::Remove);
        let marker = self.real.join(STAGING_MARKER);
        if let Err(e) = std::fs::remove_file(&marker) {
            warn("cannot remove", &marker, e);
        }
        self.give_back_and_remove(old);
    }

    /// Moves the entries of the swapped-out folder `old` that the new output does not have into
    /// it, then deletes `old`; keeps `old` (with a warning) when something could not be moved.
    fn give_back_and_remove(&self, old: &Path) {
        let Ok(entries) = std::fs::read_dir(old) else {
            return;
        };
        let mut kept = false;
        for entry in entries.flatten() {
            let name = entry.file_name();
            // newstag's own files belong to the previous set: a new set without a report must
            // not get the old report back.
            if [
                OLD_MARKER,
                STAGING_MARKER,
                ANNOTATIONS,
                ERRORS,
                MANIFEST,
                REPORT,
            ]
            .iter()
            .any(|own| name == *own)
            {
                continue;
            }
            let to = self.real.join(&name);
            if to.symlink_metadata().is_ok() {
                // The name is taken in the new folder (a user made it since): keep both.
                self.warn(format!(
                    "{} also exists in {}: the previous one is kept",
                    entry.path().display(),
                    self.shown.display()
                ));
                kept = true;
                continue;
            }
            fault(Step::Rename);
            if let Err(e) = std::fs::rename(entry.path(), &to) {
                self.warn(format!(
                    "cannot move {} back into {}: {e}",
                    entry.path().display(),
                    self.shown.display()
                ));
                kept = true;
            }
        }
        if kept {
            self.warn(format!(
                "{} keeps files of the previous output that could not be moved back",
                old.display()
            ));
            return;
        }
        fault(Step::Remove);
        if let Err(e) = std::fs::remove_dir_all(old) {
            self.warn(format!("cannot remove {}: {e}", old.display()));
        }
    }

    /// The fallback switch: remove the old manifest, rename the data files, rename the manifest
    /// last, so a folder interrupted half-way has no manifest.
    fn commit_file_by_file(&self, staging: Staging, data: &[&str], manifest: &str) -> Result<()> {
        let fail = |staging: Staging, path: &Path, e: std::io::Error| {
            staging.abandon();
            Err(Error::io(path, e))
        };
        // The old manifest first (a folder without one is incomplete to `--resume`), and any
        // file of newstag's own that the new set does not have (no stale report).
        let own = [ANNOTATIONS, ERRORS, REPORT];
        let stale = own.iter().filter(|n| !data.contains(n));
        for name in std::iter::once(&manifest).chain(stale) {
            let old = self.real.join(name);
            fault(Step::Remove);
            match std::fs::remove_file(&old) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return fail(staging, &old, e),
            }
        }
        for name in data.iter().chain([&manifest]) {
            let to = self.real.join(name);
            fault(Step::Rename);
            if let Err(e) = std::fs::rename(staging.path.join(name), &to) {
                return fail(staging, &to, e);
            }
        }
        fault(Step::Fsync);
        if let Err(e) = sync_dir(&self.real) {
            self.warn(e.to_string());
        }
        fault(Step::Remove);
        if let Err(e) = std::fs::remove_dir_all(&staging.path) {
            self.warn(format!("cannot remove {}: {e}", staging.path.display()));
        }
        Ok(())
    }

    /// Finishes or removes what killed runs left (called with the lock held): a staging marker
    /// inside the folder (a kill right after the exchange), marked staging and old folders.
    fn recover(&self) {
        let places = self.staging_places();
        let inside = self.real.join(STAGING_MARKER);
        if let Some(run) = read_marker(&inside) {
            // The exchange happened, the marker came in with the new output; the previous output
            // sits under the staging name, still unmarked.
            if let Some((folder, prefix)) = places.first().filter(|_| places.len() == 2) {
                let old = folder.join(format!("{prefix}{run}"));
                if old.is_dir() && marker_of(&old).is_none() {
                    let _ = write_marker(&old, OLD_MARKER, &run);
                }
            }
            let _ = std::fs::remove_file(&inside);
        }
        for (folder, prefix) in &places {
            let Ok(entries) = std::fs::read_dir(folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let Some(run) = name.to_str().and_then(|n| n.strip_prefix(prefix.as_str())) else {
                    continue;
                };
                let path = entry.path();
                if run == self.run_id || !entry.file_type().is_ok_and(|t| t.is_dir()) {
                    continue;
                }
                match marker_of(&path) {
                    Some((kind, id)) if id == run && kind == STAGING_MARKER => {
                        let _ = std::fs::remove_dir_all(&path);
                    }
                    Some((kind, id)) if id == run && kind == OLD_MARKER => {
                        self.give_back_and_remove(&path)
                    }
                    // Not provably ours: only an empty folder (a kill between mkdir and the
                    // marker) is removed.
                    _ => {
                        let _ = std::fs::remove_dir(&path);
                    }
                }
            }
        }
    }
}

impl Staging {
    /// Deletes the staging folder (the previous output stays as it was).
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Whether the output folder can be replaced by a rename: it is not the working folder nor
/// holds it (the shell would be left in a deleted folder), it has a parent, and it is not a
/// mount point (a rename cannot cross file systems).
fn swappable(real: &Path) -> bool {
    let Some(parent) = real.parent() else {
        return false;
    };
    if std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok())
        .is_some_and(|cwd| cwd.starts_with(real))
    {
        return false;
    }
    same_device(real, parent)
}

#[cfg(unix)]
fn same_device(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_device(_: &Path, _: &Path) -> bool {
    false
}

fn is_permission(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    if e.raw_os_error() == Some(nix::libc::EROFS) {
        return true;
    }
    e.kind() == std::io::ErrorKind::PermissionDenied
}

/// Atomically exchanges two folders.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use nix::fcntl::{renameat2, RenameFlags, AT_FDCWD};
    if faults().no_exchange {
        return Err(std::io::Error::from_raw_os_error(nix::libc::EINVAL));
    }
    renameat2(AT_FDCWD, a, AT_FDCWD, b, RenameFlags::RENAME_EXCHANGE)
        .map_err(|e| std::io::Error::from_raw_os_error(e as i32))
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Errors that mean "this file system or system cannot exchange": use the fallback.
fn exchange_unsupported(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        use nix::libc;
        if matches!(
            e.raw_os_error(),
            Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP | libc::EXDEV | libc::EBUSY)
        ) {
            return true;
        }
    }
    e.kind() == std::io::ErrorKind::Unsupported
}

/// Syncs a folder (its entries: names created or renamed in it).
fn sync_dir(dir: &Path) -> Result<()> {
    fault(Step::Fsync);
    let d = File::open(dir).map_err(|e| Error::io(dir, e))?;
    d.sync_all().map_err(|e| Error::io(dir, e))
}

/// Writes the marker file `kind` (`.newstag-staging` or `.newstag-old`) naming `run` into `dir`.
fn write_marker(dir: &Path, kind: &str, run: &str) -> Result<()> {
    let path = dir.join(kind);
    fault(Step::Write);
    #[cfg(unix)]
    let host = nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default();
    #[cfg(not(unix))]
    let host = String::new();
    let body = format!(
        "newstag {kind} {run}\npid {}\nhost {host}\nThis folder was made by newstag; the next run into the same --out deletes it.\n",
        std::process::id()
    );
    std::fs::write(&path, body).map_err(|e| Error::io(&path, e))
}

/// The run id in the marker file at `path`, when it is one.
fn read_marker(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let first = text.lines().next()?;
    let kind = path.file_name()?.to_str()?;
    let run = first.strip_prefix(&format!("newstag {kind} "))?;
    (!run.is_empty() && !run.contains(['/', '\\'])).then(|| run.to_owned())
}

/// Which marker `dir` holds, with its run id.
fn marker_of(dir: &Path) -> Option<(&'static str, String)> {
    [STAGING_MARKER, OLD_MARKER]
        .into_iter()
        .find_map(|kind| read_marker(&dir.join(kind)).map(|run| (kind, run)))
}

/// An exclusive advisory lock (`flock`) on a folder, held until dropped (or the process dies).
#[derive(Debug)]
struct Lock {
    /// `None` on a file system without locks (a warning was printed).
    #[cfg(unix)]
    _dir: Option<nix::fcntl::Flock<File>>,
}

impl Lock {
    /// Takes the lock on `dir` without waiting; `Ok(None)` when another process holds it.
    #[cfg(unix)]
    fn take(dir: &Path, warn: &dyn Fn(String)) -> Result<Option<Lock>> {
        use nix::errno::Errno;
        use nix::fcntl::{Flock, FlockArg};
        let file = File::open(dir).map_err(|e| Error::io(dir, e))?;
        match Flock::lock(file, FlockArg::LockExclusiveNonblock) {
            Ok(f) => Ok(Some(Lock { _dir: Some(f) })),
            Err((_, Errno::EWOULDBLOCK)) => Ok(None),
            // A file system without locks (some network mounts): go on unprotected, and say so.
            Err((_, e)) => {
                warn(format!(
                    "{}: cannot lock ({e}); nothing stops another run from writing the same folder",
                    dir.display()
                ));
                Ok(Some(Lock { _dir: None }))
            }
        }
    }

    #[cfg(not(unix))]
    fn take(_: &Path, _: &dyn Fn(String)) -> Result<Option<Lock>> {
        Ok(Some(Lock {}))
    }
}

/// Makes a write past the file-size limit (`ulimit -f`) fail with EFBIG, reported like any
/// write error, instead of killing the process with SIGXFSZ and no message.
pub fn ignore_file_size_signal() {
    #[cfg(unix)]
    {
        use nix::sys::signal::{signal, SigHandler, Signal};
        // SAFETY: installing SIG_IGN runs no handler code; it only changes the disposition.
        let _ = unsafe { signal(Signal::SIGXFSZ, SigHandler::SigIgn) };
    }
}

#[cfg(test)]
mod tests;
