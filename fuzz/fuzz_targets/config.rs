//! Any bytes as a config file: resolving never panics, a resolved config's secret-carrying
//! sink URLs passed the scheme check, and no error quotes a secret's value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opskit_core::config::{Env, Sink, parse_and_resolve};

/// The environment every input sees: fixed, so secrets resolve the same on every run.
const VARS: &[(&str, &str)] = &[
    ("SLACK_URL", "https://hooks.slack.com/services/T0/B0/fuzzsecretslacktoken"),
    ("PD_KEY", "fuzzsecretroutingkey0123456789ab"),
    ("BACKLOG_KEY", "fuzzsecretbacklogapikey"),
    ("HOOK_URL", "https://hooks.example.com/fuzzsecretwebhookpath"),
    ("HOOK_SECRET", "fuzzsecrethmac"),
    ("PLAIN_URL", "http://example.com/fuzzsecretplainhttp"),
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // `*_file` keys read files: keep the fuzzer off devices and the kernel's files.
    if ["/dev", "/proc", "/sys"].iter().any(|d| text.contains(d)) {
        return;
    }
    let env = Env::from_pairs(VARS);
    match parse_and_resolve(text, None, &env) {
        Ok(config) => {
            for (name, sink) in &config.sinks {
                let url = match sink {
                    // A secret that could not be read is no URL accepted (it is kept for its user).
                    Sink::Slack { webhook_url, .. } => match webhook_url.get() {
                        Ok(s) => s.expose(),
                        Err(_) => continue,
                    },
                    Sink::Webhook { url, .. } => match url.get() {
                        Ok(s) => s.expose(),
                        Err(_) => continue,
                    },
                    Sink::Pagerduty { events_url, .. } => events_url,
                    _ => continue,
                };
                let u = url::Url::parse(url.trim()).unwrap_or_else(|e| panic!("sink {name}: accepted `{url}`: {e}"));
                let loopback = matches!(u.host_str(), Some("127.0.0.1" | "[::1]" | "localhost"))
                    || u.host_str()
                        .is_some_and(|h| h.trim_end_matches('.').to_ascii_lowercase().ends_with("localhost"))
                    || matches!(u.host(), Some(url::Host::Ipv4(ip)) if ip.is_loopback());
                assert!(u.scheme() == "https" || (u.scheme() == "http" && loopback), "sink {name}: accepted {url}");
            }
        }
        Err(e) => {
            let shown = e.to_string();
            for (_, value) in VARS {
                let secret = value.rsplit('/').next().unwrap_or(value);
                // An error may quote what the file itself says (a key named after a secret's
                // value is the file's text, not the environment's secret).
                if !text.contains(secret) {
                    assert!(!shown.contains(secret), "an error quotes a secret: {shown}");
                }
            }
        }
    }
});
