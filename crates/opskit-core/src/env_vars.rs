//! Every `OPSKIT_*` environment variable, in one place: clap's `env =`, the tests and the
//! README all read this list.

pub const OPSKIT_CONFIG: &str = "OPSKIT_CONFIG";
pub const OPSKIT_ACCOUNT: &str = "OPSKIT_ACCOUNT";
pub const OPSKIT_REGION: &str = "OPSKIT_REGION";
pub const OPSKIT_PROFILE: &str = "OPSKIT_PROFILE";
pub const OPSKIT_OUTPUT: &str = "OPSKIT_OUTPUT";
pub const OPSKIT_DRY_RUN: &str = "OPSKIT_DRY_RUN";
pub const OPSKIT_BASELINE: &str = "OPSKIT_BASELINE";
pub const OPSKIT_STATE: &str = "OPSKIT_STATE";
pub const OPSKIT_FAIL_ON: &str = "OPSKIT_FAIL_ON";
pub const OPSKIT_QUIET: &str = "OPSKIT_QUIET";
pub const OPSKIT_VERBOSE: &str = "OPSKIT_VERBOSE";
pub const OPSKIT_LOG_FORMAT: &str = "OPSKIT_LOG_FORMAT";
pub const OPSKIT_NO_COLOR: &str = "OPSKIT_NO_COLOR";
pub const OPSKIT_HEARTBEAT_URL: &str = "OPSKIT_HEARTBEAT_URL";
pub const OPSKIT_METRICS_FILE: &str = "OPSKIT_METRICS_FILE";
pub const OPSKIT_TIMEOUT: &str = "OPSKIT_TIMEOUT";
pub const OPSKIT_WAIT_LOCK: &str = "OPSKIT_WAIT_LOCK";
pub const OPSKIT_SHARD: &str = "OPSKIT_SHARD";
/// The host name run locks record and compare (default: the system's host name).
pub const OPSKIT_HOSTNAME: &str = "OPSKIT_HOSTNAME";
pub const OPSKIT_REFRESH_ACCOUNTS: &str = "OPSKIT_REFRESH_ACCOUNTS";
/// Override "now" (RFC 3339): for tests and for replaying quiet-hours decisions.
pub const OPSKIT_NOW: &str = "OPSKIT_NOW";
/// Log filter in `tracing` syntax, overriding `--verbose` (e.g. `opskit=trace`).
pub const OPSKIT_LOG: &str = "OPSKIT_LOG";
/// Tests only: the `moto_server` binary (default `.test-venv/bin/moto_server`).
pub const OPSKIT_MOTO_SERVER: &str = "OPSKIT_MOTO_SERVER";
/// The GCS endpoint for `gs://` storage URLs instead of `https://storage.googleapis.com`
/// (a proxy, a private endpoint); credentials are still Application Default Credentials.
/// `STORAGE_EMULATOR_HOST` (the Google libraries' convention) points at an emulator instead,
/// without credentials.
pub const OPSKIT_GCS_ENDPOINT: &str = "OPSKIT_GCS_ENDPOINT";
/// Tests only: the `gcp-storage-emulator` binary (`./scripts/test.sh` sets it).
pub const OPSKIT_GCS_EMULATOR: &str = "OPSKIT_GCS_EMULATOR";
/// Tests only: the `dovecot` binary the IMAP tests start (`./scripts/test.sh` sets it).
pub const OPSKIT_DOVECOT: &str = "OPSKIT_DOVECOT";

/// All of them, with what they mirror, for the docs and the test environment.
pub const ALL: &[(&str, &str)] = &[
    (OPSKIT_CONFIG, "--config"),
    (OPSKIT_ACCOUNT, "--account (comma-separated)"),
    (OPSKIT_REGION, "--region (comma-separated)"),
    (OPSKIT_PROFILE, "--profile"),
    (OPSKIT_OUTPUT, "--output"),
    (OPSKIT_DRY_RUN, "--dry-run (true/false)"),
    (OPSKIT_BASELINE, "--baseline (true/false)"),
    (OPSKIT_STATE, "--state"),
    (OPSKIT_FAIL_ON, "--fail-on"),
    (OPSKIT_QUIET, "--quiet (true/false)"),
    (OPSKIT_VERBOSE, "--verbose (0-3)"),
    (OPSKIT_LOG_FORMAT, "--log-format"),
    (OPSKIT_NO_COLOR, "--no-color (true/false; NO_COLOR is honoured too)"),
    (OPSKIT_HEARTBEAT_URL, "--heartbeat-url"),
    (OPSKIT_METRICS_FILE, "--metrics-file"),
    (OPSKIT_TIMEOUT, "--timeout"),
    (OPSKIT_WAIT_LOCK, "--wait-lock"),
    (OPSKIT_SHARD, "--shard"),
    (OPSKIT_HOSTNAME, "the host name run locks record (default: the system's)"),
    (OPSKIT_REFRESH_ACCOUNTS, "--refresh-accounts (true/false)"),
    (OPSKIT_NOW, "the clock (RFC 3339), for tests and replays"),
    (OPSKIT_LOG, "log filter, overrides --verbose"),
    (OPSKIT_GCS_ENDPOINT, "the GCS endpoint for gs:// storage URLs"),
];

/// The value of an environment variable of the process, when set and valid UTF-8. The one
/// place opskit reads its environment (clippy's `disallowed_methods` keeps it so); the rest
/// of the code gets variables through [`crate::config::Env`], which tests replace.
#[allow(clippy::disallowed_methods)]
pub fn get(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Whether `NO_COLOR` asks for no colour (set and not empty, as no-color.org says).
pub fn no_color() -> bool {
    get("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The terminal width `COLUMNS` gives (a positive number), which tables prefer to what the
/// terminal reports, as `ls` does.
pub fn columns() -> Option<usize> {
    get("COLUMNS").and_then(|c| c.trim().parse::<usize>().ok()).filter(|n| *n > 0)
}
