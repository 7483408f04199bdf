//! What opskit writes is its operator's alone: the built binary, started under the usual
//! permissive `umask 022`, leaves its SQLite state (and the -wal/-shm files beside it while
//! it runs), its metrics file, `file://` wiki backups and restored pages at 0600 in 0700
//! directories. A corrupt state record fails the run naming its table and key.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Fault};
use std::io::Write as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Stdio;

/// `c` run through `sh` after `umask 022`: the umask a cron job or login shell usually has.
fn with_umask_022(c: &std::process::Command) -> std::process::Command {
    let mut sh = std::process::Command::new("/bin/sh");
    sh.env_clear()
        .arg("-c")
        .arg("umask 022 && exec \"$0\" \"$@\"")
        .arg(c.get_program())
        .args(c.get_args())
        .envs(c.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))));
    if let Some(d) = c.get_current_dir() {
        sh.current_dir(d);
    }
    sh
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).permissions().mode() & 0o777
}

/// Every directory and file below `root` (itself included) whose mode is not 0700 / 0600.
fn not_private(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    let mut files = 0;
    while let Some(p) = stack.pop() {
        let m = mode(&p);
        if p.is_dir() {
            if m != 0o700 {
                out.push(format!("{} {m:o}", p.display()));
            }
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else {
            files += 1;
            if m != 0o600 {
                out.push(format!("{} {m:o}", p.display()));
            }
        }
    }
    assert!(files > 0, "{}: nothing was written", root.display());
    out
}

#[test]
fn state_wal_shm_and_metrics_are_private_under_umask_022() {
    let b = Bench::new();
    b.standard_config();
    // Slack answers after 3 s, so the run is seen with its database open.
    b.sandbox.inject(Fault { path_prefix: sandbox::SLACK_PATH.into(), delay_ms: 3000, times: 1, ..Fault::default() });
    let state_dir = b.path("state");
    let db = state_dir.join("nested/state.db");
    let metrics = b.path("opskit.prom");
    let mut push = b.opskit_process();
    push.args(["findings", "push", "--source", "s", "--state"]).arg(&db).arg("--metrics-file").arg(&metrics);
    let mut child =
        with_umask_022(&push).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(one("k1", "warning", "disk full").as_bytes()).unwrap();

    let (wal, shm) = (state_dir.join("nested/state.db-wal"), state_dir.join("nested/state.db-shm"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !(wal.exists() && shm.exists()) {
        assert!(std::time::Instant::now() < deadline, "the run never opened its state in WAL mode");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!((mode(&wal), mode(&shm)), (0o600, 0o600), "the -wal and -shm files of a running state");
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));

    assert_eq!(mode(&db), 0o600, "the state file");
    assert_eq!((mode(&state_dir), mode(&state_dir.join("nested"))), (0o700, 0o700), "the state's directories");
    assert_eq!(mode(&metrics), 0o600, "the metrics file");
    assert!(std::fs::read_to_string(&metrics).unwrap().contains("opskit_run_success"), "the metrics were written");
    assert_eq!(b.slack_texts().len(), 1, "the run delivered");
}

#[test]
fn wiki_backups_and_restores_are_private_under_umask_022() {
    let b = Bench::new();
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"wiki-backup\"]\nsinks = [\"slack\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
    let dir = b.path("backups/wiki");
    let to = format!("file://{}", dir.display());
    for now in ["2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"] {
        let mut c = b.opskit_process();
        c.env("OPSKIT_NOW", now).args(["wiki", "backup", "--project", sandbox::BACKLOG_PROJECT_KEY, "--to", &to]);
        let out = with_umask_022(&c).output().unwrap();
        assert!(out.status.success(), "{now}: {:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    }
    assert!(dir.join("OPS/20260302T000000Z/manifest.json").is_file(), "the second generation was written");
    assert_eq!(not_private(&b.path("backups")), Vec::<String>::new(), "backup files and folders");

    let restored = b.path("restored/here");
    let mut c = b.opskit_process();
    c.env("OPSKIT_NOW", "2026-03-02T00:00:00Z").args(["wiki", "restore", "--from", &to, "--to-dir"]).arg(&restored);
    let out = with_umask_022(&c).output().unwrap();
    assert!(out.status.success(), "restore: {:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    assert!(restored.join("Home.md").is_file(), "the pages were restored");
    assert_eq!(not_private(&b.path("restored")), Vec::<String>::new(), "restored files and folders");
    assert_eq!(mode(&b.path("state.db")), 0o600, "the backup run's state file");
}
