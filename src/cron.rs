//! Fitting cron and systemd: healthchecks.io-style heartbeat pings and node_exporter
//! textfile metrics, so a run that silently stops, fails or slows down is noticed.

use crate::spine::engine::RunReport;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

/// Ping a heartbeat URL; failures are logged, never fatal (the run's own outcome matters more).
/// The URL is registered as a secret: a ping URL lets anyone report on your behalf.
pub async fn ping(http: &reqwest::Client, url: &str, body: Option<String>) {
    crate::redact::register(url);
    let req = match body {
        Some(b) => http.post(url).body(b),
        None => http.get(url),
    };
    match req.timeout(Duration::from_secs(10)).send().await {
        Ok(r) if r.status().is_success() => tracing::debug!("heartbeat ping answered {}", r.status()),
        // The client follows no redirects (a ping URL is a secret): say where it pointed.
        Ok(r) if r.status().is_redirection() => {
            let to = r.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("");
            let to = crate::http::shown_location(r.url(), to, Some(url));
            tracing::warn!(
                "heartbeat ping answered {} redirecting to {to}; not followed, the ping did not arrive (configure the URL it redirects to)",
                r.status().as_u16()
            )
        }
        Ok(r) => tracing::warn!("heartbeat ping answered {}", r.status()),
        Err(e) => tracing::warn!("heartbeat ping failed: {}", e.without_url()),
    }
}

/// The heartbeat URL for the start of a run: `<url>/start`.
pub fn start_url(base: &str) -> String {
    format!("{}/start", base.trim_end_matches('/'))
}

/// The heartbeat URL for the end of a run: `<url>` on success, `<url>/fail` otherwise.
pub fn end_url(base: &str, exit_code: u8) -> String {
    let base = base.trim_end_matches('/');
    if exit_code == 0 { base.to_string() } else { format!("{base}/fail") }
}

fn label(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', " ")
}

/// Render the metrics of one run in the node_exporter textfile format.
pub fn metrics_text(
    command: &str,
    report: Option<&RunReport>,
    exit_code: u8,
    duration: Duration,
    now: jiff::Timestamp,
) -> String {
    let c = label(command);
    let mut s = String::new();
    let mut metric = |name: &str, help: &str, kind: &str, rows: Vec<(String, f64)>| {
        let _ = writeln!(s, "# HELP opskit_{name} {help}\n# TYPE opskit_{name} {kind}");
        for (labels, v) in rows {
            let _ = writeln!(s, "opskit_{name}{{command=\"{c}\"{labels}}} {v}");
        }
    };
    metric(
        "run_timestamp_seconds",
        "When the run ended (unix time).",
        "gauge",
        vec![(String::new(), now.as_second() as f64)],
    );
    metric("run_duration_seconds", "How long the run took.", "gauge", vec![(String::new(), duration.as_secs_f64())]);
    metric(
        "run_exit_code",
        "The run's exit code (0 ok, 1 findings, 2 usage, 3 failure, 4 locked).",
        "gauge",
        vec![(String::new(), exit_code as f64)],
    );
    let locked = exit_code == crate::error::EXIT_LOCKED;
    metric(
        "run_success",
        "1 when the run did not fail (exit code 0 or 1, or 4: another run held the lock).",
        "gauge",
        vec![(String::new(), if exit_code <= 1 || locked { 1.0 } else { 0.0 })],
    );
    metric(
        "run_locked",
        "1 when another run held the lock, so this one did nothing (exit code 4).",
        "gauge",
        vec![(String::new(), if locked { 1.0 } else { 0.0 })],
    );
    if let Some(r) = report {
        let src = format!(",source=\"{}\"", label(&r.source));
        metric(
            "findings_open",
            "Open findings by severity.",
            "gauge",
            crate::spine::finding::Severity::ALL
                .iter()
                .map(|sev| {
                    (format!("{src},severity=\"{sev}\""), *r.summary.open.get(sev.as_str()).unwrap_or(&0) as f64)
                })
                .collect(),
        );
        metric(
            "transitions",
            "Transitions seen by this run.",
            "gauge",
            ["new", "changed", "resolved", "reopened"]
                .iter()
                .map(|k| (format!("{src},kind=\"{k}\""), *r.summary.transitions.get(*k).unwrap_or(&0) as f64))
                .collect(),
        );
        metric(
            "deliveries",
            "Messages by outcome (delivered, failed, deferred, suppressed, damped, dry-run).",
            "gauge",
            ["delivered", "failed", "deferred", "suppressed", "damped", "dry-run"]
                .iter()
                .map(|k| (format!("{src},outcome=\"{k}\""), *r.summary.deliveries.get(*k).unwrap_or(&0) as f64))
                .collect(),
        );
        metric(
            "target_errors",
            "Targets (account/region) whose collection failed.",
            "gauge",
            vec![(src, r.errors.len() as f64)],
        );
    }
    s
}

/// Write the metrics atomically (temp file + rename), so the collector never reads half a file.
/// A new file is 0600, as everything opskit writes; a file that is there keeps its mode
/// (an operator who opened it to a collector running as another user did so on purpose).
pub fn write_metrics(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("opskit.prom"),
        std::process::id()
    ));
    // A temp file left by a killed run of the same pid would make create_new fail.
    let _ = std::fs::remove_file(&tmp);
    crate::private_fs::write_new(&tmp, text.as_bytes())?;
    if let Ok(Some(mode)) = crate::private_fs::mode_of(path) {
        crate::private_fs::restrict(&tmp, mode).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_are_valid_textfile_lines() {
        let t = metrics_text(
            "findings-push",
            None,
            3,
            Duration::from_millis(1500),
            "2026-11-21T00:00:00Z".parse().unwrap(),
        );
        assert!(t.contains("opskit_run_exit_code{command=\"findings-push\"} 3\n"));
        assert!(t.contains("opskit_run_success{command=\"findings-push\"} 0\n"));
        assert!(t.contains("opskit_run_duration_seconds{command=\"findings-push\"} 1.5\n"));
        for line in t.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(line.split(' ').count(), 2, "{line}");
        }
    }

    #[test]
    fn heartbeat_end_url_marks_failure() {
        assert_eq!(start_url("https://hc/ping/abc/"), "https://hc/ping/abc/start");
        assert_eq!(end_url("https://hc/ping/abc/", 0), "https://hc/ping/abc");
        assert_eq!(end_url("https://hc/ping/abc", 3), "https://hc/ping/abc/fail");
    }
}
