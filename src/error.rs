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

impl AppError {
    pub fn exit_code(&self) -> u8 {
        match self {
            AppError::Config(_) | AppError::Usage(_) => 2,
            AppError::Run(_) => 3,
            AppError::Locked(_) => 4,
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
    if report.failed() {
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
