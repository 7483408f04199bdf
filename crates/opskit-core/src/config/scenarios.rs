//! `[respond]` and `[[scenarios]]` as written, and what they resolve to
//! ([`crate::respond::scenario`]).

use super::{ConfigError, Ctx, Dur, RawQuietHours};
use crate::respond::scenario::{Action, RespondSettings, Role, Scenario, Step};
use crate::spine::finding::{Severity, TransitionKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::time::Duration;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRespond {
    pub budget: Option<Dur>,
    pub recover: Option<bool>,
    pub concurrency: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    pub name: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub keys: Vec<String>,
    pub min_severity: Option<Severity>,
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub account_tags: BTreeMap<String, String>,
    pub transitions: Option<Vec<String>>,
    pub allow_recover: Option<bool>,
    pub recover_once_per: Option<Dur>,
    pub run_in_silence: Option<bool>,
    pub run_in_quiet_hours: Option<bool>,
    pub quiet_hours: Option<RawQuietHours>,
    /// The default of its steps' `timeout`.
    pub step_timeout: Option<Dur>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub role: String,
    pub name: Option<String>,
    pub timeout: Option<Dur>,
    pub wait: Option<Dur>,
    /// Shell commands (AWS-RunShellScript).
    pub ssm: Option<Vec<String>>,
    /// PowerShell commands (AWS-RunPowerShellScript).
    pub powershell: Option<Vec<String>>,
    pub metric: Option<RawMetric>,
    pub ec2_status: Option<bool>,
    pub reboot: Option<bool>,
    pub http: Option<RawHttp>,
    pub tcp: Option<RawTcp>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMetric {
    pub namespace: String,
    pub name: String,
    #[serde(default)]
    pub dimensions: BTreeMap<String, String>,
    pub stat: Option<String>,
    pub period: Option<Dur>,
    pub window: Option<Dur>,
    pub ok_below: Option<f64>,
    pub ok_above: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHttp {
    pub url: String,
    pub status: Option<Vec<u16>>,
    pub body_contains: Option<String>,
    pub max_latency: Option<Dur>,
    pub tls_min_days: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTcp {
    pub host: String,
    pub port: u16,
}

pub(super) fn resolve_respond(ctx: &Ctx, r: Option<RawRespond>) -> Result<RespondSettings, ConfigError> {
    let d = RespondSettings::default();
    let Some(r) = r else { return Ok(d) };
    let concurrency = r.concurrency.unwrap_or(d.concurrency);
    if concurrency == 0 {
        return Err(ctx.err("respond.concurrency", "must be at least 1"));
    }
    let budget = r.budget.unwrap_or(d.budget);
    if budget.0 < Duration::from_secs(1) {
        return Err(ctx.err_hint(
            "respond.budget",
            "must be at least 1s",
            "to run no scenarios, leave [[scenarios]] out",
        ));
    }
    Ok(RespondSettings { budget, recover: r.recover.unwrap_or(d.recover), concurrency })
}

/// Steps that do not say their own timeout get this.
const STEP_TIMEOUT: Duration = Duration::from_secs(120);
/// `recover_once_per` when not given.
const RECOVER_ONCE_PER: Duration = Duration::from_secs(6 * 3600);

pub(super) fn resolve_scenario(ctx: &Ctx, i: usize, s: RawScenario, timezone: &str) -> Result<Scenario, ConfigError> {
    let base = format!("scenarios[{i}]");
    if s.name.trim().is_empty() || s.name.contains('/') {
        return Err(ctx.err_hint(&format!("{base}.name"), "is empty or holds a `/`", "name it like disk-full"));
    }
    for (list, what) in [(&s.sources, "sources"), (&s.accounts, "accounts"), (&s.keys, "keys")] {
        for g in list {
            globset::Glob::new(g).map_err(|e| ctx.err(&format!("{base}.{what}"), format!("bad pattern `{g}`: {e}")))?;
        }
    }
    let transitions = match s.transitions {
        None => vec![TransitionKind::New, TransitionKind::Reopened],
        Some(list) => {
            let mut out = Vec::new();
            for t in list {
                out.push(match t.as_str() {
                    "new" => TransitionKind::New,
                    "reopened" => TransitionKind::Reopened,
                    other => {
                        return Err(ctx.err_hint(
                            &format!("{base}.transitions"),
                            format!("unknown transition `{other}`"),
                            "a scenario starts on `new` and/or `reopened`",
                        ));
                    }
                });
            }
            if out.is_empty() {
                return Err(ctx.err(&format!("{base}.transitions"), "is empty: the scenario would never start"));
            }
            out
        }
    };
    let quiet_hours = s
        .quiet_hours
        .map(|q| super::resolve_quiet_hours(ctx, &format!("{base}.quiet_hours"), q, timezone))
        .transpose()?;
    if s.steps.is_empty() {
        return Err(ctx.err_hint(
            &format!("{base}.steps"),
            "a scenario needs steps",
            "add [[scenarios.steps]] entries",
        ));
    }
    let step_timeout = s.step_timeout.unwrap_or(Dur(STEP_TIMEOUT));
    let mut steps = Vec::new();
    for (j, raw) in s.steps.into_iter().enumerate() {
        steps.push(resolve_step(ctx, &format!("{base}.steps[{j}]"), j, raw, step_timeout)?);
    }
    let allow_recover = s.allow_recover.unwrap_or(false);
    if steps.iter().any(|st| st.role == Role::Recover) && s.allow_recover.is_none() {
        return Err(ctx.err_hint(
            &format!("{base}.allow_recover"),
            "the scenario has recover steps but does not say whether they may run",
            "write allow_recover = true to let them run, or false to show them only",
        ));
    }
    Ok(Scenario {
        name: s.name,
        sources: s.sources,
        keys: s.keys,
        min_severity: s.min_severity,
        accounts: s.accounts,
        account_tags: s.account_tags,
        transitions,
        allow_recover,
        recover_once_per: s.recover_once_per.unwrap_or(Dur(RECOVER_ONCE_PER)),
        run_in_silence: s.run_in_silence.unwrap_or(false),
        run_in_quiet_hours: s.run_in_quiet_hours.unwrap_or(false),
        quiet_hours,
        steps,
    })
}

fn resolve_step(ctx: &Ctx, base: &str, j: usize, s: RawStep, default_timeout: Dur) -> Result<Step, ConfigError> {
    let role = match s.role.as_str() {
        "check" => Role::Check,
        "gather" => Role::Gather,
        "recover" => Role::Recover,
        "verify" => Role::Verify,
        other => {
            return Err(ctx.err_hint(
                &format!("{base}.role"),
                format!("unknown role `{other}`"),
                "a step is a check, gather, recover or verify",
            ));
        }
    };
    let commands = |key: &str, list: Vec<String>, document: &str| -> Result<Action, ConfigError> {
        if list.is_empty() || list.iter().any(|c| c.trim().is_empty()) {
            return Err(ctx.err(&format!("{base}.{key}"), "needs at least one command, none of them empty"));
        }
        Ok(Action::Ssm { document: document.to_string(), commands: list })
    };
    let mut actions = Vec::new();
    if let Some(list) = s.ssm {
        actions.push(("ssm", commands("ssm", list, "AWS-RunShellScript")?));
    }
    if let Some(list) = s.powershell {
        actions.push(("powershell", commands("powershell", list, "AWS-RunPowerShellScript")?));
    }
    if let Some(m) = s.metric {
        let mb = format!("{base}.metric");
        let stat = m.stat.unwrap_or_else(|| "Average".into());
        let period = m.period.unwrap_or(Dur(Duration::from_secs(60)));
        let secs = period.0.as_secs();
        if period.0.subsec_nanos() != 0
            || !(secs == 1 || secs == 5 || secs == 10 || secs == 30 || secs % 60 == 0)
            || secs == 0
        {
            return Err(ctx.err_hint(
                &format!("{mb}.period"),
                format!("`{period}` is not a CloudWatch period"),
                "1s, 5s, 10s, 30s or a multiple of 60s",
            ));
        }
        let window = m.window.unwrap_or(Dur(Duration::from_secs(600)));
        if window.0 < period.0 {
            return Err(ctx.err(&format!("{mb}.window"), format!("`{window}` is shorter than the period `{period}`")));
        }
        if m.namespace.trim().is_empty() || m.name.trim().is_empty() {
            return Err(ctx.err(&mb, "needs a namespace and a name"));
        }
        actions.push((
            "metric",
            Action::Metric {
                namespace: m.namespace,
                metric: m.name,
                dimensions: m.dimensions,
                stat,
                period,
                window,
                ok_below: m.ok_below,
                ok_above: m.ok_above,
            },
        ));
    }
    if s.ec2_status == Some(true) {
        actions.push(("ec2_status", Action::Ec2Status));
    }
    if s.reboot == Some(true) {
        actions.push(("reboot", Action::Reboot));
    }
    if let Some(h) = s.http {
        let hb = format!("{base}.http");
        match url::Url::parse(&h.url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
                if !u.username().is_empty() || u.password().is_some() {
                    return Err(ctx.err_hint(
                        &format!("{hb}.url"),
                        "holds credentials",
                        "a probe sends no secrets; probe an address that answers without them",
                    ));
                }
            }
            _ => {
                return Err(ctx.err(&format!("{hb}.url"), format!("`{}` is not an http(s) address", h.url)));
            }
        }
        if h.tls_min_days.is_some() && !h.url.starts_with("https://") {
            return Err(ctx.err(&format!("{hb}.tls_min_days"), "is for https:// addresses"));
        }
        let status = h.status.unwrap_or_else(|| vec![200]);
        if status.is_empty() || status.iter().any(|c| !(100..=599).contains(c)) {
            return Err(ctx.err(&format!("{hb}.status"), "needs HTTP status codes (100..599)"));
        }
        actions.push((
            "http",
            Action::Http {
                url: h.url,
                status,
                body_contains: h.body_contains,
                max_latency: h.max_latency,
                tls_min_days: h.tls_min_days,
            },
        ));
    }
    if let Some(t) = s.tcp {
        if t.host.trim().is_empty() || t.port == 0 {
            return Err(ctx.err(&format!("{base}.tcp"), "needs a host and a port"));
        }
        actions.push(("tcp", Action::Tcp { host: t.host, port: t.port }));
    }
    let (key, action) = match actions.len() {
        1 => actions.remove(0),
        0 => {
            return Err(ctx.err_hint(
                base,
                "the step does nothing",
                "give one of ssm, powershell, metric, ec2_status, reboot, http, tcp",
            ));
        }
        _ => {
            let keys: Vec<&str> = actions.iter().map(|(k, _)| *k).collect();
            return Err(ctx.err_hint(
                base,
                format!("one step, one action: this one has {}", keys.join(", ")),
                "split it into steps",
            ));
        }
    };
    let acts_ok = match &action {
        Action::Reboot => role == Role::Recover,
        _ => true,
    };
    if !acts_ok {
        return Err(ctx.err_hint(
            &format!("{base}.{key}"),
            format!("a {key} step acts on the system, so it must be a recover step"),
            "write role = \"recover\"",
        ));
    }
    if role == Role::Recover && !action.acts() {
        return Err(ctx.err_hint(
            &format!("{base}.role"),
            format!("a {key} step only reads, so it cannot recover anything"),
            "make it a check, gather or verify step",
        ));
    }
    let timeout = s.timeout.unwrap_or(default_timeout);
    if timeout.0 < Duration::from_secs(1) {
        return Err(ctx.err(&format!("{base}.timeout"), "must be at least 1s"));
    }
    let name = s.name.unwrap_or_else(|| format!("{} {}", role.as_str(), j + 1));
    Ok(Step { role, name, action, timeout, wait: s.wait })
}

#[cfg(test)]
mod tests {
    use crate::config::{Env, parse_and_resolve};

    fn errors(scenario: &str) -> String {
        let text = format!("[[scenarios]]\nname = \"s\"\n{scenario}");
        match parse_and_resolve(&text, None, &Env::from_pairs(&[])) {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_scenario_resolves_with_its_defaults() {
        let text = "[[scenarios]]\nname = \"disk\"\nkeys = [\"disk/*\"]\n[[scenarios.steps]]\nrole = \"gather\"\nssm = [\"df -h\"]\n";
        let c = parse_and_resolve(text, None, &Env::from_pairs(&[])).unwrap();
        let s = &c.scenarios[0];
        assert_eq!(s.transitions.len(), 2);
        assert!(!s.allow_recover && !s.run_in_silence && !s.run_in_quiet_hours);
        assert_eq!(s.steps[0].name, "gather 1");
        assert_eq!(s.steps[0].timeout.to_string(), "2m");
        assert_eq!(c.respond.budget.to_string(), "20s");
    }

    #[test]
    fn mistakes_in_steps_are_named_with_their_key() {
        let e = errors("[[scenarios.steps]]\nrole = \"fix\"\nssm = [\"x\"]\n");
        assert!(e.contains("scenarios[0].steps[0].role") && e.contains("unknown role `fix`"), "{e}");
        let e = errors("[[scenarios.steps]]\nrole = \"gather\"\nreboot = true\n");
        assert!(e.contains("must be a recover step"), "{e}");
        let e = errors("[[scenarios.steps]]\nrole = \"recover\"\nssm = [\"systemctl restart x\"]\n");
        assert!(e.contains("scenarios[0].allow_recover") && e.contains("does not say"), "{e}");
        let e = errors("[[scenarios.steps]]\nrole = \"check\"\nssm = [\"x\"]\ntcp = { host = \"db\", port = 5432 }\n");
        assert!(e.contains("one step, one action"), "{e}");
        let e = errors("[[scenarios.steps]]\nrole = \"recover\"\ntcp = { host = \"db\", port = 5432 }\nallow = 1\n");
        assert!(e.contains("allow"), "unknown keys are refused: {e}");
        let e = errors("[[scenarios.steps]]\nrole = \"check\"\nhttp = { url = \"https://u:p@example.com/\" }\n");
        assert!(e.contains("holds credentials") && !e.contains("u:p"), "{e}");
        let e = errors(
            "[[scenarios.steps]]\nrole = \"check\"\nmetric = { namespace = \"AWS/EC2\", name = \"CPUUtilization\", period = \"90s\" }\n",
        );
        assert!(e.contains("not a CloudWatch period"), "{e}");
        let e = errors("");
        assert!(e.contains("a scenario needs steps"), "{e}");
    }

    #[test]
    fn two_scenarios_may_not_share_a_name() {
        let one = "[[scenarios]]\nname = \"d\"\n[[scenarios.steps]]\nrole = \"gather\"\nssm = [\"df\"]\n";
        let e = parse_and_resolve(&format!("{one}{one}"), None, &Env::from_pairs(&[])).unwrap_err().to_string();
        assert!(e.contains("a second scenario named `d`"), "{e}");
    }
}
