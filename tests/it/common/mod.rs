//! Helpers shared by the integration tests: third-party emulators and servers started on
//! free loopback ports. A missing emulator fails the test with a hint; nothing skips silently.

#![allow(dead_code)]

pub mod chromium;
pub mod cli;
pub mod dovecot;
pub mod gcs;
pub mod moto;
pub mod radicale;
pub mod s3;

/// Flip every bit of `bytes[offset]` (the last byte when `offset` is past the end); returns
/// the byte it was. Panics on an empty object: there is nothing to corrupt.
pub fn flip(bytes: &mut [u8], offset: usize) -> u8 {
    assert!(!bytes.is_empty(), "flip: the object is empty");
    let i = offset.min(bytes.len() - 1);
    let was = bytes[i];
    bytes[i] = !was;
    was
}

/// [`flip`] one byte of a file in place (no new inode): a `file://` backup's bit rot. A
/// copy made by the storage layer on `file://` is a hard link, so it changes too.
pub fn flip_file_byte(path: &std::path::Path, offset: usize) -> u8 {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .unwrap_or_else(|e| panic!("flip_file_byte: {}: {e}", path.display()));
    let len = f.metadata().unwrap().len() as usize;
    assert!(len > 0, "flip_file_byte: {} is empty", path.display());
    let i = offset.min(len - 1) as u64;
    let mut b = [0u8; 1];
    f.seek(SeekFrom::Start(i)).unwrap();
    f.read_exact(&mut b).unwrap();
    f.seek(SeekFrom::Start(i)).unwrap();
    f.write_all(&[!b[0]]).unwrap();
    b[0]
}

/// A Python emulator binary: from `env_var`, else `<repo>/<venv_bin>` (what `./scripts/test.sh`
/// installs), else the main worktree's when this is a linked one. Panics with `hint` when
/// none exists: a test that silently skips proves nothing.
pub fn find_venv_binary(what: &str, env_var: &str, venv_bin: &str, hint: &str) -> std::path::PathBuf {
    if let Some(p) = std::env::var_os(env_var).filter(|p| !p.is_empty()) {
        let p = std::path::PathBuf::from(p);
        assert!(p.is_file(), "{env_var}={} does not exist\n{hint}", p.display());
        return p;
    }
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut candidates = vec![repo.join(venv_bin)];
    if let Some(main) = moto::main_worktree(repo) {
        candidates.push(main.join(venv_bin));
    }
    candidates.iter().find(|p| p.is_file()).cloned().unwrap_or_else(|| {
        let looked: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
        panic!("{what} not found (looked at {})\n{hint}", looked.join(", "))
    })
}

/// Start `bin` with `args(port)` on a free loopback port, its output in a log file, and wait
/// (up to `timeout`) until `ready(addr)`. The port is free when we look; another process may
/// take it before the server binds, so a server that dies or never answers is retried on a
/// new port, three times. Returns the child, its address and its log.
pub fn spawn_on_free_port(
    what: &str,
    bin: &std::path::Path,
    args: impl Fn(u16) -> Vec<String>,
    ready: impl Fn(std::net::SocketAddr) -> bool,
    timeout: std::time::Duration,
    hint: &str,
) -> (std::process::Child, std::net::SocketAddr, std::path::PathBuf) {
    use std::process::{Command, Stdio};
    let mut last_err = String::new();
    for _ in 0..3 {
        let port = moto::free_port();
        let addr: std::net::SocketAddr = ([127, 0, 0, 1], port).into();
        let log = std::env::temp_dir().join(format!("opskit-{}-{port}.log", what.replace(' ', "-")));
        let log_file = std::fs::File::create(&log).expect("creating the server log file");
        let mut child = Command::new(bin)
            .args(args(port))
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("cloning the log handle"))
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}\n{hint}", bin.display()));
        let deadline = std::time::Instant::now() + timeout;
        let outcome = loop {
            if let Ok(Some(status)) = child.try_wait() {
                break Err(format!("{what} exited with {status}"));
            }
            if ready(addr) {
                break Ok(());
            }
            if std::time::Instant::now() >= deadline {
                break Err(format!("{what} did not answer on {addr} within {timeout:?}"));
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        };
        match outcome {
            Ok(()) => return (child, addr, log),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                let out = std::fs::read_to_string(&log).unwrap_or_default();
                last_err = format!("{e}\n{what} output:\n{out}");
            }
        }
    }
    panic!("{what} did not start: {last_err}");
}
