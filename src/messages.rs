//! Warnings and notes the library has for the user, as values: the library never prints, the
//! binary decides what to show (ripgrep's `messages` split). A problem that stops a command is an
//! [`crate::error::Error`]; a [`Message`] is something the command went on after.

use std::fmt;

/// One message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Something went wrong but the run went on (a symlink loop in the walk, a leftover folder
    /// that could not be removed): always shown.
    Warning(String),
    /// Information on how the run is made (what `--resume` can reuse): silenced by `--quiet`.
    Note(String),
}

impl Message {
    /// Whether `--quiet` hides it.
    pub fn is_note(&self) -> bool {
        matches!(self, Message::Note(_))
    }
}

/// As shown on stderr: `newstag: warning: ...` or `newstag: ...`.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::Warning(m) => write!(f, "newstag: warning: {m}"),
            Message::Note(m) => write!(f, "newstag: {m}"),
        }
    }
}

/// Where a command sends its messages and progress as it goes; implemented by the binary (a
/// progress bar, stderr) or by [`Silent`].
pub trait Progress: Sync {
    /// The run is about to process `docs` documents of `bytes` bytes in all.
    fn start(&self, _docs: u64, _bytes: u64) {}
    /// One document of `bytes` bytes is done.
    fn advance(&self, _bytes: u64) {}
    /// The run is over.
    fn finish(&self) {}
    /// A warning or note, at the moment it arises.
    fn message(&self, _message: Message) {}
}

/// No progress and no messages.
pub struct Silent;
impl Progress for Silent {}

/// Collects the messages (for tests and library users who show them later).
#[derive(Default)]
pub struct Collect(pub std::sync::Mutex<Vec<Message>>);

impl Progress for Collect {
    fn message(&self, message: Message) {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_before_on_stderr() {
        let cases = [
            (
                "warning",
                Message::Warning("x: loop".into()),
                "newstag: warning: x: loop",
            ),
            (
                "note",
                Message::Note("--resume: 3 records".into()),
                "newstag: --resume: 3 records",
            ),
        ];
        for (name, m, want) in cases {
            assert_eq!(m.to_string(), want, "case {name}");
        }
    }
}
