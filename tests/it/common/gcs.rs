//! gcp-storage-emulator (`gcp-storage-emulator==2026.7.19`, the GCS JSON API in Python), the
//! GCS the storage and wiki-backup tests write to.
//!
//! [`GcsEmulator::start`] runs one in-memory emulator per test on a free loopback port and
//! kills it on drop. The binary comes from `OPSKIT_GCS_EMULATOR`, else `<repo>/.test-venv/
//! bin/gcp-storage-emulator` (what `./scripts/test.sh` installs), else the main worktree's.
//! When none exists the test panics with the install hint. Point opskit at it with
//! `STORAGE_EMULATOR_HOST` = [`GcsEmulator::endpoint`].
//!
//! The object helpers go around opskit, straight to the emulator's JSON API: a test reads
//! what really landed, and [`GcsEmulator::flip_byte`] corrupts a stored object the way bit
//! rot or a meddling hand would, for `wiki verify` to catch.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::Child;
use std::time::Duration;

pub const ENV_GCS_EMULATOR: &str = opskit::env_vars::OPSKIT_GCS_EMULATOR;
/// The variable opskit (and Google's libraries) read to talk to an emulator, without credentials.
pub const EMULATOR_HOST_VAR: &str = "STORAGE_EMULATOR_HOST";
const VENV_BIN: &str = ".test-venv/bin/gcp-storage-emulator";
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// Object names go whole into URL paths and query values.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

pub struct GcsEmulator {
    child: Child,
    addr: SocketAddr,
    log: PathBuf,
}

impl GcsEmulator {
    /// Start an in-memory emulator on a free port and wait until it answers.
    pub fn start() -> GcsEmulator {
        let args = |port: u16| {
            ["start", "-H", "127.0.0.1", "--port", &port.to_string(), "--in-memory"].map(String::from).to_vec()
        };
        let (child, addr, log) =
            super::spawn_on_free_port("gcp-storage-emulator", &find_binary(), args, answers_ok, START_TIMEOUT, &hint());
        GcsEmulator { child, addr, log }
    }

    /// `http://127.0.0.1:PORT`: the value for `STORAGE_EMULATOR_HOST`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What the emulator logged (one line per request): for assertions and failure messages.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Kill it now: storage going away in the middle of a run.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Create a bucket (buckets.insert).
    pub async fn create_bucket(&self, bucket: &str) {
        let resp = reqwest::Client::new()
            .post(format!("{}/storage/v1/b?project=opskit-test", self.endpoint()))
            .json(&serde_json::json!({ "name": bucket }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("creating bucket {bucket}: {e}"));
        let status = resp.status();
        assert!(status.is_success(), "creating bucket {bucket}: {status}: {}", resp.text().await.unwrap_or_default());
    }

    /// The stored bytes of `bucket`/`name` (objects.get, alt=media); `None` when absent.
    pub async fn read_object(&self, bucket: &str, name: &str) -> Option<Vec<u8>> {
        let url = format!(
            "{}/download/storage/v1/b/{bucket}/o/{}?alt=media",
            self.endpoint(),
            utf8_percent_encode(name, COMPONENT)
        );
        let resp = reqwest::get(&url).await.unwrap_or_else(|e| panic!("reading {bucket}/{name}: {e}"));
        if resp.status() == reqwest::StatusCode::NOT_FOUND {
            return None;
        }
        assert!(resp.status().is_success(), "reading {bucket}/{name}: {}", resp.status());
        Some(resp.bytes().await.unwrap().to_vec())
    }

    /// Replace the bytes of `bucket`/`name` (objects.insert, uploadType=media).
    pub async fn overwrite_object(&self, bucket: &str, name: &str, bytes: Vec<u8>) {
        let url = format!(
            "{}/upload/storage/v1/b/{bucket}/o?uploadType=media&name={}",
            self.endpoint(),
            utf8_percent_encode(name, COMPONENT)
        );
        let resp = reqwest::Client::new()
            .post(&url)
            .header("Content-Type", "application/octet-stream")
            .body(bytes)
            .send()
            .await
            .unwrap_or_else(|e| panic!("writing {bucket}/{name}: {e}"));
        assert!(resp.status().is_success(), "writing {bucket}/{name}: {}", resp.status());
    }

    /// Flip every bit of the byte at `offset` (clamped to the last byte) of a stored object,
    /// keeping its size: only a checksum can tell. Returns the byte it was.
    pub async fn flip_byte(&self, bucket: &str, name: &str, offset: usize) -> u8 {
        let mut bytes =
            self.read_object(bucket, name).await.unwrap_or_else(|| panic!("flip_byte: no object {bucket}/{name}"));
        let was = super::flip(&mut bytes, offset);
        self.overwrite_object(bucket, name, bytes).await;
        was
    }
}

impl Drop for GcsEmulator {
    fn drop(&mut self) {
        self.stop();
    }
}

fn hint() -> String {
    format!(
        "hint: run ./scripts/test.sh, or `pip install 'gcp-storage-emulator==2026.7.19'` and set \
         {ENV_GCS_EMULATOR} to the gcp-storage-emulator binary"
    )
}

fn find_binary() -> PathBuf {
    super::find_venv_binary("gcp-storage-emulator", ENV_GCS_EMULATOR, VENV_BIN, &hint())
}

/// The health check: `GET /` answers `OK`.
fn answers_ok(addr: SocketAddr) -> bool {
    let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n").is_err() {
        return false;
    }
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out.starts_with("HTTP/") && out.ends_with("OK")
}
