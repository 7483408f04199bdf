//! The way in: `opskit demo` shows the command each step stands for and the environment
//! to repeat it by hand; `opskit sandbox` (listed in `--help`) prints a config and an
//! environment with which opskit's own commands work against it as printed.

use crate::common::cli::{Bench, code, stderr, stdout};
use std::io::{BufRead, BufReader};
use std::process::Stdio;

#[test]
fn the_demo_shows_each_steps_command_line_and_the_environment_to_repeat_it() {
    let b = Bench::new();
    let a = b.opskit().arg("demo").assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let out = stdout(&a);
    assert!(out.contains("export AWS_CONFIG_FILE="), "{out}");
    // Every numbered step names its command before its report.
    let steps: Vec<&str> = out.split("\n== ").skip(1).filter(|s| s.starts_with(|c: char| c.is_ascii_digit())).collect();
    assert!(steps.len() >= 26, "{} steps:\n{out}", steps.len());
    for step in &steps {
        let heading = step.lines().next().unwrap_or_default();
        assert!(
            step.lines().any(|l| l.starts_with("$ opskit --config ") || l.starts_with("$ OPSKIT_NOW=")),
            "step `{heading}` shows no command line"
        );
    }
    assert!(out.contains("findings push --source nightly-checks < "), "{out}");
    assert!(out.contains("opskit.toml dx-vif poll --shard 1/2\n"), "{out}");
}

/// With `demo --keep` the sandbox and the demo's files stay: a step's printed command line,
/// run as printed (its `< FILE` as stdin), works.
#[test]
fn a_kept_demos_printed_step_runs_as_printed() {
    let b = Bench::new();
    let mut child =
        b.opskit_process().args(["demo", "--keep"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut printed = String::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if line.contains("keeps running") {
            break;
        }
    }
    let push = printed
        .lines()
        .find(|l| l.starts_with("$ opskit --config ") && l.contains("findings push"))
        .unwrap_or_else(|| panic!("no findings push step:\n{printed}"));
    let (command, input) = push["$ opskit ".len()..].split_once(" < ").unwrap();
    let args: Vec<&str> = command.split_whitespace().chain(["--dry-run"]).collect();
    let mut c = b.opskit_process();
    c.args(&args).stdin(std::fs::File::open(input.trim()).unwrap());
    let out = c.output().unwrap();
    child.kill().unwrap();
    let _ = child.wait();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{push}\n{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("backup/db-1") && text.contains("disk/web-2"), "{text}");
}

#[test]
fn the_sandbox_is_listed_and_its_printed_config_and_environment_work_as_printed() {
    let b = Bench::new();
    let help = stdout(&b.opskit().arg("--help").assert());
    assert!(help.lines().any(|l| l.trim_start().starts_with("sandbox ")), "{help}");

    let mut child = b.opskit_process().arg("sandbox").stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = String::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if line.starts_with("press Ctrl-C") {
            break;
        }
    }
    // `export A=x B=y` lines, as a person would paste them.
    let mut vars = Vec::new();
    for line in printed.lines().map(str::trim).filter(|l| l.starts_with("export ")) {
        for pair in line["export ".len()..].split_whitespace() {
            let (k, v) = pair.split_once('=').unwrap();
            vars.push((k.to_string(), v.to_string()));
        }
    }
    let names: Vec<&str> = vars.iter().map(|(k, _)| k.as_str()).collect();
    for want in ["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ENDPOINT_URL", "OPSKIT_CONFIG"] {
        assert!(names.contains(&want), "`{want}` not exported:\n{printed}");
    }
    assert!(printed.contains("[[accounts]]") && printed.contains("[sinks.slack]"), "the config is printed:\n{printed}");

    let run = |args: &[&str]| {
        let mut c = b.opskit_process();
        c.envs(vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))).args(args);
        c.output().unwrap()
    };
    let check = run(&["config", "check"]);
    assert!(check.status.success(), "config check: {}", String::from_utf8_lossy(&check.stderr));
    let poll = run(&["dx-vif", "poll", "--dry-run"]);
    let text = String::from_utf8_lossy(&poll.stdout);
    assert_eq!(poll.status.code(), Some(0), "{text}{}", String::from_utf8_lossy(&poll.stderr));
    assert!(text.contains("acme-prod") && text.contains("dxvif-fgtr1234"), "{text}");
    let inventory = run(&["inventory", "show"]);
    assert_eq!(inventory.status.code(), Some(0), "{}", String::from_utf8_lossy(&inventory.stderr));
    assert!(String::from_utf8_lossy(&inventory.stdout).contains("i-0c1a2b3c4d5e6f772"), "the demo account's instances");
    child.kill().unwrap();
    let _ = child.wait();
}
