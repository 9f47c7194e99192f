//! The exit statuses of `newstag` (fd's `exit_codes.rs`): one enum, so a status is named where
//! it is chosen and the table in the README has one source.

use crate::error::Error;

/// How a command ended, as the process exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// 0: everything done (warnings included).
    Success,
    /// 1: the output was committed but some documents are error records.
    SomeFailed,
    /// 2: nothing processed or committed (bad arguments, config, lexicon; a held lock; a failed
    /// write), or `lexicon check` found errors.
    GeneralError,
    /// 130: stopped by SIGINT before the commit (128 + 2).
    Interrupted,
    /// 141: stdout closed before everything was written (`| head -1`): the status of a process
    /// killed by SIGPIPE (128 + 13), as `cat` or `grep` give; nothing is printed.
    BrokenPipe,
}

impl ExitCode {
    /// The status number.
    pub fn code(self) -> u8 {
        match self {
            ExitCode::Success => 0,
            ExitCode::SomeFailed => 1,
            ExitCode::GeneralError => 2,
            ExitCode::Interrupted => 130,
            ExitCode::BrokenPipe => 141,
        }
    }

    /// 1 when some documents failed, else 0.
    pub fn of_failures(failed: usize) -> ExitCode {
        if failed > 0 {
            ExitCode::SomeFailed
        } else {
            ExitCode::Success
        }
    }

    /// The status of a command that stopped with `e`.
    pub fn of_error(e: &Error) -> ExitCode {
        match e {
            Error::Interrupted { .. } => ExitCode::Interrupted,
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe => {
                ExitCode::BrokenPipe
            }
            _ => ExitCode::GeneralError,
        }
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(c: ExitCode) -> std::process::ExitCode {
        std::process::ExitCode::from(c.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table: `run` exits 0, 1, 2, 130; closed stdout 141.
    #[test]
    fn codes_match_the_readme() {
        let cases = [
            (ExitCode::Success, 0),
            (ExitCode::SomeFailed, 1),
            (ExitCode::GeneralError, 2),
            (ExitCode::Interrupted, 130),
            (ExitCode::BrokenPipe, 141),
        ];
        for (c, n) in cases {
            assert_eq!(c.code(), n, "case {c:?}");
        }
        let pipe = Error::io("<stdout>", std::io::ErrorKind::BrokenPipe.into());
        assert_eq!(ExitCode::of_error(&pipe), ExitCode::BrokenPipe);
        let other = Error::io("x", std::io::ErrorKind::NotFound.into());
        assert_eq!(ExitCode::of_error(&other), ExitCode::GeneralError);
    }
}
