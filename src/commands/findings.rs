//! `opskit findings push`: a user's own script hands opskit the complete current set of
//! its findings as JSON; they go through the spine like any command's, and findings absent
//! from the set resolve. The input schema is documented in the README ("findings push"); it
//! is parsed and checked in the library (`spine::input`), since it comes from outside.

use crate::cli::PushArgs;
use crate::commands::Output;
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::spine::engine::{Collected, Scope};
use crate::spine::input::{parse, valid_source};
use std::io::Read;

pub async fn push(ctx: &Context, args: &PushArgs) -> AppResult<Output> {
    if !valid_source(&args.source) {
        return Err(AppError::usage(format!(
            "--source `{}`: use 1 to 64 letters, digits, `-`, `_` or `.`",
            args.source
        )));
    }
    let (text, from) = match args.file.as_deref() {
        None => (read_stdin()?, "stdin".to_string()),
        Some(p) if p.as_os_str() == "-" => (read_stdin()?, "stdin".to_string()),
        Some(p) => (
            std::fs::read_to_string(p).map_err(|e| AppError::usage(format!("cannot read {}: {e}", p.display())))?,
            p.display().to_string(),
        ),
    };
    let findings = parse(&text, &args.source).map_err(|e| AppError::usage(format!("{from}: {e}")))?;
    let collected = Collected::new(args.source.clone(), findings, Scope::All);
    // The lock is taken once the input is known good (nothing of it calls an API): rejected
    // input leaves the state as it was. Runs of one source exclude each other; of two, not.
    Ok(Output::Report(Box::new(ctx.run_spine(&run_lock(&args.source), collected).await?)))
}

/// The run lock of `findings push --source SOURCE`.
pub fn run_lock(source: &str) -> String {
    format!("findings-push {source}")
}

fn read_stdin() -> AppResult<String> {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).map_err(|e| AppError::usage(format!("cannot read stdin: {e}")))?;
    Ok(s)
}
