//! The systemd units shipped in `commands/*/`: each service is hardened (its own state
//! directory, the system read-only, no privileges, network and local sockets only), and
//! `systemd-analyze verify` takes every unit and timer without a warning, with the
//! service's binary pointed at the one just built. `systemd-analyze security` scores each
//! service, offline: 0 is the best, 10 the worst; "OK" is below 2.

use crate::common::cli::{Bench, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The directives every service must carry, as `Key=` prefixes.
const HARDENING: &[&str] = &[
    "User=opskit",
    "StateDirectory=opskit",
    "ProtectSystem=strict",
    "ProtectHome=",
    "PrivateTmp=yes",
    "NoNewPrivileges=yes",
    "RestrictAddressFamilies=",
    "CapabilityBoundingSet=",
];

fn units(ext: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("commands");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == ext) {
                out.push(f);
            }
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no .{ext} units under {}", root.display());
    out
}

fn systemd_analyze() -> Command {
    let found = Command::new("systemd-analyze").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(found, "systemd-analyze not found: install systemd (`apt-get install systemd`) to check the units");
    Command::new("systemd-analyze")
}

/// Every unit and timer copied to one directory, `/usr/local/bin/opskit` replaced by the
/// binary under test (verify refuses an ExecStart whose program does not exist).
fn staged() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_opskit");
    for f in units("service").into_iter().chain(units("timer")) {
        let text = std::fs::read_to_string(&f).unwrap().replace("/usr/local/bin/opskit", bin);
        std::fs::write(dir.path().join(f.file_name().unwrap()), text).unwrap();
    }
    dir
}

#[test]
fn every_service_is_hardened() {
    for f in units("service") {
        let text = std::fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for want in HARDENING {
            assert!(lines.iter().any(|l| l.starts_with(want)), "{} lacks {want}", f.display());
        }
    }
}

#[test]
fn systemd_verify_takes_every_unit_and_timer_without_a_warning() {
    let dir = staged();
    let mut names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for unit in names {
        let out = systemd_analyze().arg("verify").arg(&unit).current_dir(dir.path()).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && err.trim().is_empty(), "{}: {err}", unit.display());
    }
}

#[test]
fn every_service_scores_ok_in_systemd_security() {
    let dir = staged();
    for f in units("service") {
        let unit = dir.path().join(f.file_name().unwrap());
        let out = systemd_analyze().args(["security", "--offline=true"]).arg(&unit).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text.lines().find(|l| l.contains("Overall exposure level")).unwrap_or_else(|| {
            panic!("{}: no overall exposure level: {text}{}", unit.display(), String::from_utf8_lossy(&out.stderr))
        });
        let score: f64 = line.rsplit(": ").next().unwrap().split_whitespace().next().unwrap().parse().unwrap();
        assert!(score <= 2.0, "{}: exposure {score} (want at most 2.0): {line}", unit.display());
    }
}

#[test]
fn under_systemd_the_default_state_is_in_the_state_directory() {
    let b = Bench::new();
    let cfg = b.write_config("[defaults]\ntimezone = \"UTC\"\n");
    let state_dir = b.path("var-lib-opskit");
    let a = b.opskit().env("STATE_DIRECTORY", &state_dir).arg("--config").arg(&cfg).args(["config", "check"]).assert();
    let out = stdout(&a);
    assert!(out.contains(&format!("{}", state_dir.join("state.db").display())), "{out}");
}
