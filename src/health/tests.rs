//! The key scheme, convergence of channels, settings and the migration of mail findings.

use super::*;
use crate::spine::finding::TransitionKind;
use crate::state::memory::MemoryStore;
use crate::state::{DeliveryRecord, StateStore};

const ARN: &str = "arn:aws:health:ap-northeast-1::event/DIRECTCONNECT/AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED_abc";
const ACCOUNT: &str = "111122223333";

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn event(channel: Channel, arn: Option<&str>) -> Event {
    Event {
        arn: arn.map(str::to_string),
        code: "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED".into(),
        category: Some("scheduledChange".into()),
        service: Some("DIRECTCONNECT".into()),
        region: Some("ap-northeast-1".into()),
        status: Some("upcoming".into()),
        start: Some(t("2026-12-20T13:00:00Z")),
        end: Some(t("2026-12-20T17:00:00Z")),
        last_updated: Some(t("2026-12-06T00:00:00Z")),
        description: Some("We will perform maintenance on your Direct Connect connection.".into()),
        account: Some(ACCOUNT.into()),
        resources: vec!["dxvif-ffgh1234".into(), "dxcon-aaaa1111".into()],
        links: vec![],
        cancelled: false,
        channel,
        severity: None,
    }
}

fn record(f: Finding) -> FindingRecord {
    let at = t("2026-12-06T00:00:00Z");
    FindingRecord {
        finding: f,
        since: at,
        last_seen: at,
        streak: 1,
        last_transition: Some(TransitionKind::New),
        last_transition_at: Some(at),
    }
}

fn settings() -> Settings {
    Settings { categories: DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).collect(), ..Settings::default() }
}

const NOW: &str = "2026-12-06T12:00:00Z";

#[test]
fn a_new_event_is_keyed_by_account_code_and_arn_hash() {
    let e = event(Channel::Api, Some(ARN));
    let k = Index::default().key_of(&e);
    assert!(k.starts_with("health/111122223333/AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED/"), "{k}");
    let other = Event { account: Some("444455556666".into()), ..e.clone() };
    assert_ne!(Index::default().key_of(&other), k, "the same public event in two accounts is two findings");
}

#[test]
fn a_mail_and_the_api_converge_in_either_order_with_one_fingerprint() {
    let s = settings();
    // API first, then a mail with the ARN.
    let api = event_finding(&Index::default(), &s, &event(Channel::Api, Some(ARN)), None, "UTC", t(NOW)).unwrap();
    let ix = Index::new(vec![record(api.clone())]);
    let mail = Event { description: None, status: None, last_updated: None, ..event(Channel::Mail, Some(ARN)) };
    let m = event_finding(&ix, &s, &mail, None, "UTC", t(NOW)).unwrap();
    assert_eq!(m.key, api.key);
    assert_eq!(m.fingerprint, api.fingerprint, "no second message");
    assert_eq!(m.summary, api.summary, "a mail does not replace what the API said");

    // A legacy mail without the ARN first (times to the minute, resources in another order), then the API.
    let mut legacy = Event { arn: None, description: None, ..event(Channel::Mail, None) };
    legacy.resources.reverse();
    let lf = event_finding(&Index::default(), &s, &legacy, None, "UTC", t(NOW)).unwrap();
    let ix = Index::new(vec![record(lf.clone())]);
    let mut precise = event(Channel::Api, Some(ARN));
    precise.start = Some(t("2026-12-20T13:00:00.250Z"));
    let af = event_finding(&ix, &s, &precise, None, "UTC", t(NOW)).unwrap();
    assert_eq!(af.key, lf.key, "matched by code, account, resources and window");
    assert_eq!(af.fingerprint, lf.fingerprint);
    assert!(told_by_authority(&af) && af.summary.contains("perform maintenance"), "the API's text replaces the mail's");

    // Another window is another event.
    let moved = Event { start: Some(t("2026-12-27T13:00:00Z")), ..event(Channel::Api, Some(ARN)) };
    let ix = Index::new(vec![record(lf.clone())]);
    assert_ne!(ix.key_of(&Event { arn: None, ..moved }), lf.key);
}

#[test]
fn two_arns_never_merge_through_the_match_key() {
    let s = settings();
    let a = event_finding(&Index::default(), &s, &event(Channel::Api, Some(ARN)), None, "UTC", t(NOW)).unwrap();
    let ix = Index::new(vec![record(a.clone())]);
    let other = event(Channel::Api, Some("arn:aws:health:ap-northeast-1::event/DIRECTCONNECT/X/X_other"));
    assert_ne!(ix.key_of(&other), a.key);
}

#[test]
fn a_moved_window_or_a_new_resource_changes_the_fingerprint_and_a_new_description_does_not() {
    let base = fingerprint(&event(Channel::Api, Some(ARN)));
    let mut e = event(Channel::Api, Some(ARN));
    e.description = Some("Updated text".into());
    e.last_updated = Some(t("2026-12-07T00:00:00Z"));
    assert_eq!(fingerprint(&e), base);
    e.end = Some(t("2026-12-20T18:00:00Z"));
    assert_ne!(fingerprint(&e), base);
    let mut e = event(Channel::Api, Some(ARN));
    e.resources.push("dxvif-new".into());
    assert_ne!(fingerprint(&e), base);
}

#[test]
fn a_closed_event_or_an_ended_window_resolves() {
    let s = settings();
    let mut e = event(Channel::Api, Some(ARN));
    e.status = Some("closed".into());
    assert_eq!(event_finding(&Index::default(), &s, &e, None, "UTC", t(NOW)).unwrap().status, Status::Resolved);
    let e = event(Channel::Api, Some(ARN));
    let after = t("2026-12-20T17:00:00Z");
    assert_eq!(event_finding(&Index::default(), &s, &e, None, "UTC", after).unwrap().status, Status::Resolved);
    // An issue's start is not its end.
    let issue = Event { category: Some("issue".into()), end: None, ..event(Channel::Api, Some(ARN)) };
    let f = event_finding(&Index::default(), &s, &issue, None, "UTC", t("2027-01-01T00:00:00Z")).unwrap();
    assert_eq!(f.status, Status::Open);
}

#[test]
fn severity_patterns_beat_the_channel_and_the_category_default() {
    let mut cfg = settings();
    let toml = "[commands.health]\nseverity = { \"AWS_EC2_*RETIREMENT*\" = \"critical\", \"*\" = \"info\" }\n";
    let config =
        crate::config::parse_and_check(toml, None, &crate::config::Env::from_pairs(&[]), crate::commands::SECTIONS)
            .unwrap();
    cfg.severities = Settings::load(&config).unwrap().severities;
    assert_eq!(cfg.severity_of("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"), Some(Severity::Critical));
    assert_eq!(cfg.severity_of("AWS_RDS_MAINTENANCE_SCHEDULED"), Some(Severity::Info));
    assert_eq!(default_severity(Some("issue")), Severity::Critical);
    assert_eq!(default_severity(Some("accountNotification")), Severity::Info);
}

#[test]
fn suppression_by_code_service_or_account() {
    let mut s = settings();
    s.suppress.event_codes = vec!["AWS_DIRECTCONNECT_*".into()];
    assert!(s.suppressed(&event(Channel::Api, Some(ARN))).is_some());
    let mut s = settings();
    s.suppress.services = vec!["DIRECTCONNECT".into()];
    assert!(s.suppressed(&event(Channel::Mail, None)).is_some());
    let mut s = settings();
    s.suppress.accounts = vec![ACCOUNT.into()];
    assert!(event_finding(&Index::default(), &s, &event(Channel::Api, Some(ARN)), None, "UTC", t(NOW)).is_err());
    assert!(settings().suppressed(&event(Channel::Api, Some(ARN))).is_none());
}

#[test]
fn bad_settings_name_their_key() {
    let check = |toml: &str| {
        crate::config::parse_and_check(toml, None, &crate::config::Env::from_pairs(&[]), crate::commands::SECTIONS)
            .unwrap_err()
            .to_string()
    };
    let e = check("[commands.health]\ncategories = [\"outage\"]\n");
    assert!(e.contains("commands.health.categories[0]") && e.contains("outage"), "{e}");
    let e = check("[commands.health]\nseverity = { \"AWS_*\" = \"loud\" }\n");
    assert!(e.contains("commands.health.severity") && e.contains("loud"), "{e}");
    let e = check("[commands.health]\norganization = \"nobody\"\n");
    assert!(e.contains("commands.health.organization") && e.contains("nobody"), "{e}");
}

/// A finding as `maintenance-mail ingest` kept it before the sources were joined.
fn old_mail_finding(arn: Option<&str>) -> Finding {
    let dedupe = arn.map(str::to_string).unwrap_or_else(|| {
        "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED|111122223333|dxcon-aaaa1111,dxvif-ffgh1234|2026-12-20T13:00:00Z/2026-12-20T17:00:00Z"
            .into()
    });
    Finding {
        account: Some(ACCOUNT.into()),
        region: Some("ap-northeast-1".into()),
        resources: vec!["dxvif-ffgh1234".into(), "dxcon-aaaa1111".into()],
        fingerprint: "dx-maintenance|AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED|2026-12-20T13:00:00Z|2026-12-20T17:00:00Z|dxcon-aaaa1111,dxvif-ffgh1234".into(),
        ..Finding::new(LEGACY_MAIL_SOURCE, "maintenance-mail/0123456789abcdef0123", Severity::Warning, "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED: …")
    }
    .field("event code", "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED")
    .field("dedupe key", dedupe)
}

fn delivered(f: &Finding, sink: &str, fingerprint: &str) -> DeliveryRecord {
    DeliveryRecord {
        source: f.source.clone(),
        key: f.key.clone(),
        sink: sink.into(),
        status: Status::Open,
        fingerprint: fingerprint.into(),
        kind: TransitionKind::New,
        at: t("2026-12-06T00:00:00Z"),
        external_ref: Some("OPS-12".into()),
        told: Some(f.clone()),
    }
}

#[tokio::test]
async fn old_mail_findings_move_with_what_each_sink_was_told_and_the_api_then_tells_nothing() {
    for arn in [Some(ARN), None] {
        let state = MemoryStore::new();
        let old = old_mail_finding(arn);
        state.put_findings(&[record(old.clone())]).await.unwrap();
        state.put_delivery(&delivered(&old, "slack", &old.fingerprint)).await.unwrap();
        state.put_delivery(&delivered(&old, "backlog", "an older fingerprint")).await.unwrap();

        assert_eq!(migrate_mail_findings(&state).await.unwrap(), 1);
        assert!(state.findings(LEGACY_MAIL_SOURCE).await.unwrap().is_empty());
        assert!(state.deliveries(LEGACY_MAIL_SOURCE).await.unwrap().is_empty());
        let moved = state.findings(SOURCE).await.unwrap();
        let told = state.deliveries(SOURCE).await.unwrap();
        assert_eq!((moved.len(), told.len()), (1, 2));

        // The API's view of the same event: same key, and the up-to-date sink's fingerprint.
        let ix = Index::new(moved.clone());
        let api = event_finding(&ix, &settings(), &event(Channel::Api, Some(ARN)), None, "UTC", t(NOW)).unwrap();
        assert_eq!(api.key, moved[0].finding.key, "arn {arn:?}");
        let slack = told.iter().find(|d| d.sink == "slack").unwrap();
        assert_eq!(slack.fingerprint, api.fingerprint, "slack was up to date: nothing to tell it");
        assert_eq!(slack.external_ref.as_deref(), Some("OPS-12"));
        let backlog = told.iter().find(|d| d.sink == "backlog").unwrap();
        assert_eq!(backlog.fingerprint, "an older fingerprint", "backlog was owed a change and still is");
        assert_eq!(migrate_mail_findings(&state).await.unwrap(), 0, "once");
    }
}

#[test]
fn spoken_for_is_the_open_arn_findings_of_covered_accounts() {
    let s = settings();
    let api = event_finding(&Index::default(), &s, &event(Channel::Api, Some(ARN)), None, "UTC", t(NOW)).unwrap();
    let legacy = event_finding(
        &Index::default(),
        &s,
        &Event { arn: None, start: Some(t("2026-12-27T13:00:00Z")), ..event(Channel::Mail, None) },
        None,
        "UTC",
        t(NOW),
    )
    .unwrap();
    let ix = Index::new(vec![record(api.clone()), record(legacy)]);
    let covered: BTreeSet<String> = [ACCOUNT.to_string()].into();
    assert_eq!(spoken_for(&ix, &covered), [api.key.clone()].into());
    assert!(spoken_for(&ix, &BTreeSet::new()).is_empty(), "an account not read resolves nothing");
}

#[test]
fn an_unverified_mails_finding_never_stands_for_the_event() {
    let mut unverified =
        event_finding(&Index::default(), &settings(), &event(Channel::Mail, Some(ARN)), None, "UTC", t(NOW)).unwrap();
    unverified.key = "health/unverified/0123456789abcdef0123".into();
    let ix = Index::new(vec![record(unverified.clone())]);
    let k = ix.key_of(&event(Channel::Mail, Some(ARN)));
    assert_ne!(k, unverified.key, "a verified notice or the API gets the event's own key");
    assert!(k.starts_with("health/111122223333/"), "{k}");
}
