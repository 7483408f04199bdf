//! The errors a command ends with, each mapped to its exit code in one place
//! ([`AppError::exit_code`]), so `main` applies DESIGN.md's table and nothing else does.

use crate::config::ConfigError;
use crate::state::StateError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Exit 2: the config is wrong.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Exit 2: the command line or its input is wrong.
    #[error("{0}")]
    Usage(String),
    /// Exit 4: another run holds the lock.
    #[error("{0}")]
    Locked(String),
    /// Exit 3: the run failed (API, sink, storage).
    #[error(transparent)]
    Run(anyhow::Error),
}

/// The exit code of a run that did nothing because another run of the same work holds
/// the lock.
pub const EXIT_LOCKED: u8 = 4;

/// The exit code of a usage or config error: the command never ran.
pub const EXIT_USAGE: u8 = 2;

impl AppError {
    pub fn exit_code(&self) -> u8 {
        match self {
            AppError::Config(_) | AppError::Usage(_) => 2,
            AppError::Run(_) => 3,
            AppError::Locked(_) => EXIT_LOCKED,
        }
    }

    pub fn usage(msg: impl Into<String>) -> Self {
        AppError::Usage(msg.into())
    }
}

/// The exit code of a finished spine run (DESIGN.md): 3 when part of the run failed wins
/// over 1 for open findings at or above `--fail-on`.
pub fn report_exit_code(report: &crate::spine::engine::RunReport, fail_on: crate::cli::FailOn) -> u8 {
    let over = fail_on.threshold().is_some_and(|t| report.max_open_severity().is_some_and(|s| s >= t));
    let failed = if report.judging.failed_deliveries_retried { !report.errors.is_empty() } else { report.failed() };
    if failed {
        3
    } else if over {
        1
    } else {
        0
    }
}

impl From<StateError> for AppError {
    fn from(e: StateError) -> Self {
        match e {
            StateError::Locked { .. } => AppError::Locked(e.to_string()),
            other => AppError::Run(other.into()),
        }
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        AppError::Run(e)
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// `EX_TEMPFAIL` of sysexits.h: an MTA keeps the mail and runs the pipe again later.
pub const EX_TEMPFAIL: u8 = 75;

/// The exit code an MTA pipe (`maintenance-mail ingest --mta`) sees: any failure that may
/// have left the mail unstored becomes a temporary one, so the MTA neither bounces nor
/// drops it; 1 (`--fail-on`) and success stay as they are.
pub fn mta_exit_code(code: u8) -> u8 {
    if code >= 2 { EX_TEMPFAIL } else { code }
}
