//! Clean interruption: a process-wide flag that the binary's SIGINT handler sets and
//! [`crate::pipeline::Pipeline::run_with`] checks before every document.
//!
//! Workers finish the document they hold, no new one starts, the run returns an
//! [`std::io::ErrorKind::Interrupted`] error, the staged output is abandoned and the previous
//! output folder stays as it was.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Asks the running pipeline to stop after the documents in progress.
pub fn request() {
    REQUESTED.store(true, Ordering::SeqCst);
}

/// Whether a stop was asked for.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}

/// The error a run returns when it stopped on request.
pub fn error() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted")
}

/// Installs the SIGINT (Ctrl-C) handler: the first signal asks for a clean stop, a second one
/// exits at once with status 130 (the staging folder is then removed by the next run).
pub fn install_handler() {
    let _ = ctrlc::set_handler(|| {
        if requested() {
            std::process::exit(130);
        }
        request();
    });
}
