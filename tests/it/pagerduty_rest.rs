//! PagerDuty's REST API v2 behind the `pagerduty` sink: what the real Events v2 sink sent
//! becomes an incident the REST client finds by its dedup key (and sees acknowledged), with
//! the client built from the settings the config resolved; `config check` says the REST
//! API is configured, never showing its token.

use crate::common;

use common::cli::*;
use opskit_core::config::{Env, parse_and_resolve};
use opskit_core::pagerduty_rest::{IncidentStatus, PagerDutyRest};
use opskit_sandbox as sandbox;

/// The client as the main session will build it: from `config.pagerduty_rest(sink)`.
fn client_from(config_path: &std::path::Path) -> PagerDutyRest {
    let text = std::fs::read_to_string(config_path).unwrap();
    let config = parse_and_resolve(&text, Some(config_path), &Env::from_pairs(&[])).expect("the bench config");
    let rest = config.pagerduty_rest("pagerduty").expect("REST settings on the pagerduty sink");
    let http = opskit_core::http::http_client().timeout(std::time::Duration::from_secs(10)).build().unwrap();
    PagerDutyRest::new(http, &rest.api_url, rest.api_token.get().unwrap().clone(), rest.from.clone())
}

#[test]
fn pagerduty_rest_finds_the_incident_a_real_trigger_opened_and_who_acknowledged_it() {
    let b = Bench::new();
    let cfg = b.standard_config();
    let a = b.opskit().args(["notify", "test", "--sink", "pagerduty"]).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let events = b.sandbox.pagerduty_events();
    assert_eq!(events.len(), 1);
    let key = events[0]["dedup_key"].as_str().unwrap().to_string();
    let rest = client_from(&cfg);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let inc = rt.block_on(rest.incident_by_dedup_key(&key)).unwrap().expect("the trigger became an incident");
    assert_eq!(inc.status, IncidentStatus::Triggered);
    assert_eq!(inc.service_id, sandbox::PAGERDUTY_SERVICE_NETWORK);
    assert!(b.sandbox.pagerduty_acknowledge(&key, "Tanaka"));
    let inc = rt.block_on(rest.incident_by_dedup_key(&key)).unwrap().unwrap();
    assert_eq!(inc.status, IncidentStatus::Acknowledged);
    assert_eq!(inc.acknowledgements.iter().map(|a| a.by.as_str()).collect::<Vec<_>>(), ["Tanaka"]);
    let auth: Vec<String> = b
        .sandbox
        .requests_to(sandbox::PAGERDUTY_API_PREFIX)
        .iter()
        .map(|r| r.header("authorization").unwrap_or_default().to_string())
        .collect();
    assert_eq!(auth.len(), 2);
    assert!(auth.iter().all(|a| a == &format!("Token token={}", sandbox::PAGERDUTY_API_TOKEN)));
    assert_eq!(rt.block_on(rest.incident_by_dedup_key("never/sent")).unwrap(), None);
}

#[test]
fn pagerduty_rest_config_check_shows_the_rest_api_and_masks_its_token() {
    let b = Bench::new();
    b.standard_config();
    let a = b.opskit().args(["config", "check", "-o", "wide"]).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let out = stdout(&a);
    let want = format!(
        "REST API {} (token ****), as {}",
        b.sandbox.url(sandbox::PAGERDUTY_API_PREFIX),
        sandbox::PAGERDUTY_FROM
    );
    assert!(out.contains(&want), "{want} in {out}");
    for secret in sandbox_secrets() {
        assert!(!out.contains(secret) && !stderr(&a).contains(secret), "{secret} leaked");
    }
}

#[test]
fn pagerduty_rest_settings_without_a_token_are_refused_naming_file_line_and_key() {
    let b = Bench::new();
    let cfg = b.write_config(&format!(
        "{}[sinks.pd]\ntype = \"pagerduty\"\nrouting_key_env = \"PD_KEY\"\nfrom = \"ops@example.com\"\n",
        b.defaults()
    ));
    let a = b.opskit().args(["config", "check", "--config"]).arg(&cfg).assert();
    assert_eq!(code(&a), 2);
    let err = stderr(&a);
    assert!(err.contains(&format!("{}:9", cfg.display())), "{err}");
    assert!(err.contains("sinks.pd.from") && err.contains("no `api_token`") && err.contains("hint: "), "{err}");
}
