//! `opskit completions SHELL` and `opskit man`: generated from the clap tree. The files in
//! `completions/` are these outputs, checked in; a test fails when they are stale.

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::commands::Output;
use crate::error::{AppError, AppResult};
use clap::CommandFactory;
use clap_complete::Shell;
use std::path::Path;

pub const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell];

pub fn completion(shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "opskit", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// File name for a shell's completion script, as packagers expect it.
pub fn completion_file(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "opskit.bash",
        Shell::Zsh => "_opskit",
        Shell::Fish => "opskit.fish",
        Shell::Elvish => "opskit.elv",
        Shell::PowerShell => "_opskit.ps1",
        _ => "opskit.completion",
    }
}

/// Every man page: `opskit.1` and one per subcommand (`opskit-findings-push.1`).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: clap::Command, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
        let name = if prefix.is_empty() { cmd.get_name().to_string() } else { format!("{prefix}-{}", cmd.get_name()) };
        let mut buf = Vec::new();
        let page = cmd.clone().name(name.clone());
        if clap_mangen::Man::new(page).render(&mut buf).is_ok() {
            out.push((format!("{name}.1"), buf));
        }
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
            walk(sub.clone(), &name, out);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(cmd, "", &mut out);
    out
}

fn write(dir: &Path, name: &str, data: &[u8]) -> AppResult<()> {
    std::fs::create_dir_all(dir).map_err(|e| AppError::usage(format!("cannot create {}: {e}", dir.display())))?;
    std::fs::write(dir.join(name), data)
        .map_err(|e| AppError::usage(format!("cannot write {}: {e}", dir.join(name).display())))
}

pub fn completions(a: &CompletionsArgs) -> AppResult<Output> {
    match &a.out_dir {
        Some(dir) => {
            for s in SHELLS {
                write(dir, completion_file(s), completion(s).as_bytes())?;
            }
            Ok(Output::text(format!("wrote completions for 5 shells to {}\n", dir.display())))
        }
        None => Ok(Output::text(completion(a.shell))),
    }
}

pub fn man(a: &ManArgs) -> AppResult<Output> {
    let pages = man_pages();
    match &a.out_dir {
        Some(dir) => {
            for (name, data) in &pages {
                write(dir, name, data)?;
            }
            Ok(Output::text(format!("wrote {} man pages to {}\n", pages.len(), dir.display())))
        }
        None => Ok(Output::text(String::from_utf8_lossy(&pages[0].1).into_owned())),
    }
}
