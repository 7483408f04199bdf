//! `opskit demo` (being written: it needs the sandbox).
use crate::cli::{Cli, DemoArgs, SandboxArgs};
use crate::commands::Output;
use crate::error::{AppError, AppResult};
pub async fn run(_cli: &Cli, _a: &DemoArgs) -> AppResult<Output> {
    Err(AppError::usage("demo: soon"))
}
pub async fn serve(_a: &SandboxArgs) -> AppResult<Output> {
    Err(AppError::usage("sandbox: soon"))
}
