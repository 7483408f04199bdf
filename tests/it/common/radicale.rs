//! Radicale (`radicale==3.9.0` from PyPI), the real CalDAV server the calendar sources are read
//! back from (`tests/it/calendar_sources.rs`).
//!
//! [`Radicale::start`] runs one server per test on a free loopback port with a temp storage
//! folder and one htpasswd user with a plain password; it is stopped on drop. The binary comes
//! from `OPSKIT_RADICALE` (what `./scripts/test.sh` exports), else the venv's (this worktree's or
//! the main one's); when none exists the test panics with the install hint: a test that silently
//! skips proves nothing.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::Child;
use std::time::Duration;

pub const ENV_RADICALE: &str = "OPSKIT_RADICALE";
const VENV_BIN: &str = ".test-venv/bin/radicale";
pub const USER: &str = "ops";
pub const PASSWORD: &str = "cal-s3cret-pw";
const START_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Radicale {
    child: Child,
    addr: SocketAddr,
    _dir: tempfile::TempDir,
}

impl Radicale {
    pub fn start() -> Radicale {
        let bin = super::find_venv_binary("radicale", ENV_RADICALE, VENV_BIN, &hint());
        let dir = tempfile::tempdir().expect("a temp dir for radicale");
        let users = dir.path().join("users");
        std::fs::write(&users, format!("{USER}:{PASSWORD}\n")).unwrap();
        let storage = dir.path().join("collections");
        let config = dir.path().join("config");
        let (child, addr, _log) = super::spawn_on_free_port(
            "radicale",
            &bin,
            |port| {
                std::fs::write(
                    &config,
                    format!(
                        "[server]\nhosts = 127.0.0.1:{port}\n\
                         [auth]\ntype = htpasswd\nhtpasswd_filename = {}\nhtpasswd_encryption = plain\n\
                         [rights]\ntype = owner_only\n\
                         [storage]\nfilesystem_folder = {}\n\
                         [logging]\nlevel = warning\n",
                        users.display(),
                        storage.display()
                    ),
                )
                .unwrap();
                vec!["--config".into(), config.display().to_string()]
            },
            answers_http,
            START_TIMEOUT,
            &hint(),
        );
        Radicale { child, addr, _dir: dir }
    }

    /// The URL of the calendar collection `name` of [`USER`] (ends in `/`).
    pub fn calendar_url(&self, name: &str) -> String {
        format!("http://{}/{USER}/{name}/", self.addr)
    }

    /// MKCALENDAR `name`, then PUT each `(file name, ics)` into it.
    pub async fn calendar_with(&self, name: &str, objects: &[(&str, &str)]) -> String {
        let http = reqwest::Client::new();
        let url = self.calendar_url(name);
        let resp = http
            .request(reqwest::Method::from_bytes(b"MKCALENDAR").unwrap(), &url)
            .basic_auth(USER, Some(PASSWORD))
            .send()
            .await
            .expect("MKCALENDAR");
        assert_eq!(resp.status().as_u16(), 201, "MKCALENDAR {url}: {}", resp.text().await.unwrap_or_default());
        for (file, ics) in objects {
            let resp = http
                .put(format!("{url}{file}"))
                .basic_auth(USER, Some(PASSWORD))
                .header("Content-Type", "text/calendar; charset=utf-8")
                .body(ics.to_string())
                .send()
                .await
                .expect("PUT");
            assert!(
                resp.status().is_success(),
                "PUT {file}: {} {}",
                resp.status(),
                resp.text().await.unwrap_or_default()
            );
        }
        url
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn hint() -> String {
    format!(
        "hint: run ./scripts/test.sh, or `pip install radicale==3.9.0` and set {ENV_RADICALE} to the radicale binary"
    )
}

fn answers_http(addr: SocketAddr) -> bool {
    let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n").is_err() {
        return false;
    }
    let mut buf = [0u8; 5];
    matches!(s.read_exact(&mut buf), Ok(()) if &buf == b"HTTP/")
}
