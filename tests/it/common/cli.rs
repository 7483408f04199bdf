//! Running the built `opskit` binary in a pinned environment (temp HOME and XDG dirs,
//! NO_COLOR, no inherited AWS_* or OPSKIT_*), against an embedded sandbox whose
//! recorded requests the test then inspects.

use opskit_sandbox::{self as sandbox, Sandbox};
use std::path::{Path, PathBuf};

/// The secret part of each secret the sandbox's sinks use: every output is grepped for them.
pub fn sandbox_secrets() -> Vec<&'static str> {
    let last = |path: &'static str| path.rsplit('/').next().unwrap();
    vec![
        last(sandbox::SLACK_PATH),
        last(sandbox::WEBHOOK_PATH),
        sandbox::PAGERDUTY_ROUTING_KEY,
        sandbox::WEBHOOK_HMAC_SECRET,
        sandbox::BACKLOG_API_KEY,
        sandbox::SLACK_BOT_TOKEN,
        sandbox::PAGERDUTY_API_TOKEN,
    ]
}

pub struct Bench {
    pub dir: tempfile::TempDir,
    pub sandbox: Sandbox,
}

impl Bench {
    pub fn new() -> Bench {
        Bench {
            dir: tempfile::Builder::new().prefix("opskit-test-").tempdir().unwrap(),
            sandbox: Sandbox::start_background().expect("starting the sandbox"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `[defaults]` with fast retries and the state in the temp dir.
    pub fn defaults(&self) -> String {
        format!(
            "[defaults]\ntimezone = \"Asia/Tokyo\"\nstate = \"{}\"\nretry_backoff = \"20ms\"\ndelivery_attempts = 5\n",
            self.path("state.db").display()
        )
    }

    /// Write `opskit.toml` (mode 600) and return its path.
    pub fn write_config(&self, text: &str) -> PathBuf {
        let p = self.path("opskit.toml");
        write_private(&p, text);
        p
    }

    /// The standard config: defaults, the sandbox's four sinks, one route sending everything to all.
    pub fn standard_config(&self) -> PathBuf {
        self.write_config(&format!(
            "{}{}\n[[routes]]\nsinks = [\"slack\", \"pagerduty\", \"backlog\", \"webhook\"]\n",
            self.defaults(),
            self.sandbox.sinks_toml()
        ))
    }

    /// `opskit` with a pinned environment, run in the temp dir.
    pub fn opskit(&self) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::from_std(self.opskit_process());
        c.timeout(std::time::Duration::from_secs(120));
        c
    }

    /// The same as a plain process, for tests that run several at once or kill one.
    pub fn opskit_process(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_opskit"));
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .env("XDG_STATE_HOME", self.path("xdg-state"))
            .env("NO_COLOR", "1")
            .env("USER", "tester")
            // No real AWS: no instance metadata; HOME is the temp dir, so no ~/.aws either.
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .current_dir(self.dir.path());
        pass_clock(&mut c);
        c
    }

    /// AWS profiles whose access keys name their account: how the sandbox tells accounts
    /// apart, as real AWS does by credentials.
    pub fn aws_profiles(&self, accounts: &[(&str, &str)]) {
        let mut cfg = String::new();
        for (name, id) in accounts {
            cfg.push_str(&format!(
                "[profile {name}]\naws_access_key_id = {}\naws_secret_access_key = sandbox-secret\n\n",
                sandbox::sandbox_access_key(id)
            ));
        }
        std::fs::write(self.path("aws-config"), cfg).unwrap();
        std::fs::write(self.path("aws-credentials"), "").unwrap();
    }

    /// `opskit` with the AWS SDK pointed at the sandbox, using [`Bench::aws_profiles`].
    pub fn opskit_aws(&self) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::from_std(self.opskit_aws_process());
        c.timeout(std::time::Duration::from_secs(120));
        c
    }

    /// [`Bench::opskit_aws`] as a plain process, for tests that run several at once.
    pub fn opskit_aws_process(&self) -> std::process::Command {
        self.opskit_aws_process_at(&self.sandbox.url(""))
    }

    /// `opskit` with the AWS profiles this bench wrote (`aws-config`, `aws-credentials`)
    /// and `endpoint` (moto's, say) as every service's endpoint.
    pub fn opskit_aws_at(&self, endpoint: &str) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::from_std(self.opskit_aws_process_at(endpoint));
        c.timeout(std::time::Duration::from_secs(120));
        c
    }

    fn opskit_aws_process_at(&self, endpoint: &str) -> std::process::Command {
        let mut c = self.opskit_process();
        c.env("AWS_CONFIG_FILE", self.path("aws-config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", self.path("aws-credentials"))
            .env("AWS_ENDPOINT_URL", endpoint);
        c
    }

    /// The texts Slack in the sandbox received, oldest first.
    pub fn slack_texts(&self) -> Vec<String> {
        self.sandbox
            .requests_to(sandbox::SLACK_PATH)
            .iter()
            .map(|r| r.json()["text"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// What the SQLite state of [`Bench::defaults`] holds for `source`, as the next run reads
    /// it: (key, status), sorted.
    pub fn state_findings(&self, source: &str) -> Vec<(String, String)> {
        use opskit::state::StateStore as _;
        let store = opskit::state::sqlite::SqliteStore::open(&self.path("state.db")).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let records = rt.block_on(store.findings(source)).unwrap();
        let mut v: Vec<(String, String)> =
            records.into_iter().map(|r| (r.finding.key, r.finding.status.to_string())).collect();
        v.sort();
        v
    }

    /// What the SQLite state records as told to each sink for `source`: (sink, key),
    /// sorted. A message not in it is owed to the next run.
    #[allow(dead_code)]
    pub fn state_told(&self, source: &str) -> Vec<(String, String)> {
        use opskit::state::StateStore as _;
        let store = opskit::state::sqlite::SqliteStore::open(&self.path("state.db")).unwrap();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let records = rt.block_on(store.deliveries(source)).unwrap();
        let mut v: Vec<(String, String)> = records.into_iter().map(|r| (r.sink, r.key)).collect();
        v.sort();
        v
    }

    /// `opskit findings push --source S` with the JSON on stdin and the standard flags.
    pub fn push(&self, source: &str, json: &str) -> assert_cmd::Command {
        let mut c = self.opskit();
        c.args(["findings", "push", "--source", source]).write_stdin(json.to_string());
        c
    }
}

/// An `[[accounts]]` entry whose profile has the account's name.
pub fn account_toml(name: &str, id: &str, regions: &[&str]) -> String {
    let regions: Vec<String> = regions.iter().map(|r| format!("\"{r}\"")).collect();
    format!(
        "[[accounts]]\nname = \"{name}\"\nid = \"{id}\"\nprofile = \"{name}\"\nregions = [{}]\n\n",
        regions.join(", ")
    )
}

/// `scripts/test-clock-ahead.sh` runs the suite with the clock moved ahead (libfaketime);
/// the binary under test must see that clock too, though its environment is pinned.
pub fn pass_clock(c: &mut std::process::Command) {
    for k in ["LD_PRELOAD", "FAKETIME", "FAKETIME_DONT_FAKE_MONOTONIC"] {
        if let Some(v) = std::env::var_os(k) {
            c.env(k, v);
        }
    }
}

pub fn write_private(p: &Path, text: &str) {
    std::fs::write(p, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

pub fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

pub fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

/// Stdout as the JSON array `-o json` prints, or a panic that shows both streams.
pub fn json_array(a: &assert_cmd::assert::Assert) -> Vec<serde_json::Value> {
    serde_json::from_slice(&a.get_output().stdout)
        .unwrap_or_else(|e| panic!("not a JSON array: {e}\n{}\nstderr: {}", stdout(a), stderr(a)))
}

pub fn code(a: &assert_cmd::assert::Assert) -> i32 {
    a.get_output().status.code().unwrap_or(-1)
}

/// One finding document, as a script would push it.
pub fn one(key: &str, severity: &str, title: &str) -> String {
    format!(
        r#"[{{"key":"{key}","severity":"{severity}","title":"{title}","account":"111122223333","region":"ap-northeast-1","resources":["{key}"],"fields":{{"used":"91%"}}}}]"#
    )
}

/// A mail of the fixture corpus (`tests/fixtures/mail/`).
#[allow(dead_code)]
pub fn mail_fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/mail/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
