//! The commit's test hook: every rename, fsync and removal of the commit passes through
//! [`fault`], which kills the process at the N-th such step when `NEWSTAG_FAULT` asks for it
//! (inert otherwise), so the tests can prove the folder is entirely old or entirely new after a
//! kill at any step.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// A commit step the fault hook counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A rename (or the exchange).
    Rename,
    /// An fsync of a file or folder.
    Fsync,
    /// A removal (file or folder).
    Remove,
    /// A marker file written.
    Write,
}

impl Step {
    fn name(self) -> &'static str {
        match self {
            Step::Rename => "rename",
            Step::Fsync => "fsync",
            Step::Remove => "remove",
            Step::Write => "write",
        }
    }
}

/// What `NEWSTAG_FAULT` asks for: comma-separated `KIND:N` (kill the process with SIGKILL just
/// before the N-th step of that kind, `step` counting every kind) and `no-exchange` (behave as a
/// file system without `RENAME_EXCHANGE`).
#[derive(Debug, Default)]
pub(super) struct Faults {
    kill_at: Vec<(String, u64)>,
    pub(super) no_exchange: bool,
}

pub(super) fn faults() -> &'static Faults {
    static FAULTS: OnceLock<Faults> = OnceLock::new();
    FAULTS.get_or_init(|| {
        let mut f = Faults::default();
        let spec = std::env::var("NEWSTAG_FAULT").unwrap_or_default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part == "no-exchange" {
                f.no_exchange = true;
            } else if let Some((kind, n)) = part.split_once(':') {
                if let Ok(n) = n.parse() {
                    f.kill_at.push((kind.to_owned(), n));
                }
            }
        }
        f
    })
}

/// The test hook before each commit step: kills the process (SIGKILL, as `kill -9` would) at the
/// step `NEWSTAG_FAULT` names; does nothing when it is unset.
pub fn fault(step: Step) {
    static COUNTS: [AtomicU64; 5] = [
        AtomicU64::new(0),
        AtomicU64::new(0),
        AtomicU64::new(0),
        AtomicU64::new(0),
        AtomicU64::new(0),
    ];
    let f = faults();
    if f.kill_at.is_empty() {
        return;
    }
    let i = step as usize;
    let n = COUNTS[i].fetch_add(1, Ordering::SeqCst) + 1;
    let all = COUNTS[4].fetch_add(1, Ordering::SeqCst) + 1;
    if f.kill_at
        .iter()
        .any(|(k, at)| (k == step.name() && *at == n) || (k == "step" && *at == all))
    {
        kill_self();
    }
}

fn kill_self() -> ! {
    #[cfg(unix)]
    {
        use nix::sys::signal::{kill, Signal};
        let _ = kill(nix::unistd::Pid::this(), Signal::SIGKILL);
    }
    std::process::abort()
}
