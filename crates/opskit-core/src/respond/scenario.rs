//! What `[respond]` and `[[scenarios]]` resolve to: which findings a scenario takes, and
//! the steps it runs on them. Read by [`crate::config`]; matched by the stage.

use crate::config::{Config, Dur, QuietHours};
use crate::spine::finding::{Finding, Severity, TransitionKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

/// `[respond]`: the stage's own settings.
#[derive(Debug, Clone, Serialize)]
pub struct RespondSettings {
    /// How long one run may spend on scenarios, all of them together; what is not done by
    /// then goes on in the next run, and the findings are delivered as usual meanwhile.
    pub budget: Dur,
    /// The global switch: `false` shows every recover step as "would run" and runs none.
    pub recover: bool,
    /// Scenarios advanced at once.
    pub concurrency: usize,
}

impl Default for RespondSettings {
    fn default() -> Self {
        RespondSettings { budget: Dur(Duration::from_secs(20)), recover: true, concurrency: 8 }
    }
}

/// One `[[scenarios]]` entry.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub name: String,
    pub sources: Vec<String>,
    pub keys: Vec<String>,
    pub min_severity: Option<Severity>,
    pub accounts: Vec<String>,
    pub account_tags: BTreeMap<String, String>,
    /// Which transitions start it: New and/or Reopened.
    pub transitions: Vec<TransitionKind>,
    /// Recover steps run only when this is set (and `[respond] recover` is on, and not in
    /// a dry run).
    pub allow_recover: bool,
    /// A recover step runs at most once per finding in this period (no restart loops).
    pub recover_once_per: Dur,
    pub run_in_silence: bool,
    pub run_in_quiet_hours: bool,
    /// The scenario's own quiet hours, on top of its findings' routes'.
    pub quiet_hours: Option<QuietHours>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Is the problem what the alert says? Evidence; a failed check does not stop the rest.
    Check,
    /// Evidence for the person who may be paged.
    Gather,
    /// Acts on the system: only with `allow_recover`, at most once per period.
    Recover,
    /// Every verify step ok: the finding resolves "recovered by scenario NAME".
    Verify,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Check => "check",
            Role::Gather => "gather",
            Role::Recover => "recover",
            Role::Verify => "verify",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub role: Role,
    pub name: String,
    pub action: Action,
    /// How long the step may take, across runs, before it counts as timed out.
    pub timeout: Dur,
    /// How long to wait before the step starts (a verify after a restart).
    pub wait: Option<Dur>,
}

/// What one step does. AWS actions run on the finding's account and region, on its
/// instance (the first resource that is an EC2 instance id or ARN).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// SSM Run Command: ok when the commands exit 0.
    Ssm { document: String, commands: Vec<String> },
    /// CloudWatch GetMetricData over `window`: ok when the latest datapoint is within the
    /// bounds (or, with none given, when there is one).
    Metric {
        namespace: String,
        metric: String,
        /// `{instance}` in a value stands for the finding's instance id.
        dimensions: BTreeMap<String, String>,
        stat: String,
        period: Dur,
        window: Dur,
        ok_below: Option<f64>,
        ok_above: Option<f64>,
    },
    /// EC2 instance and system status checks: ok when both are `ok`.
    Ec2Status,
    /// EC2 RebootInstances: ok when EC2 accepted it.
    Reboot,
    /// An HTTP GET: ok when the status is one of `status`, the body holds `body_contains`,
    /// it answered within `max_latency`, and its certificate is valid `tls_min_days` more.
    Http {
        url: String,
        status: Vec<u16>,
        body_contains: Option<String>,
        max_latency: Option<Dur>,
        tls_min_days: Option<u32>,
    },
    /// A TCP connect: ok when it connects.
    Tcp { host: String, port: u16 },
}

impl Action {
    /// The action's kind, as the audit trail and messages name it.
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Ssm { .. } => "ssm",
            Action::Metric { .. } => "metric",
            Action::Ec2Status => "ec2_status",
            Action::Reboot => "reboot",
            Action::Http { .. } => "http",
            Action::Tcp { .. } => "tcp",
        }
    }

    /// Whether it needs the finding's instance.
    pub fn needs_instance(&self) -> bool {
        match self {
            Action::Ssm { .. } | Action::Ec2Status | Action::Reboot => true,
            Action::Metric { dimensions, .. } => dimensions.values().any(|v| v.contains("{instance}")),
            Action::Http { .. } | Action::Tcp { .. } => false,
        }
    }

    /// Whether it acts on a customer's machine (never run in a dry run): SSM commands run
    /// whatever they say, whatever the step's role; a reboot reboots.
    pub fn acts(&self) -> bool {
        matches!(self, Action::Ssm { .. } | Action::Reboot)
    }

    /// One line for the audit trail: what was asked, without secrets (the config holds none
    /// here: URLs with credentials are refused by the config).
    pub fn describe(&self) -> String {
        match self {
            Action::Ssm { document, commands } => format!("{document}: {}", commands.join(" && ")),
            Action::Metric { namespace, metric, dimensions, stat, period, window, ok_below, ok_above } => {
                let dims: Vec<String> = dimensions.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let mut s = format!("{namespace} {metric} [{}] {stat}/{period} over {window}", dims.join(","));
                if let Some(b) = ok_below {
                    s.push_str(&format!(", ok below {b}"));
                }
                if let Some(a) = ok_above {
                    s.push_str(&format!(", ok above {a}"));
                }
                s
            }
            Action::Ec2Status => "EC2 instance and system status".into(),
            Action::Reboot => "EC2 RebootInstances".into(),
            Action::Http { url, status, body_contains, max_latency, tls_min_days } => {
                let mut s =
                    format!("GET {url} expecting {}", status.iter().map(u16::to_string).collect::<Vec<_>>().join("|"));
                if let Some(b) = body_contains {
                    s.push_str(&format!(", body holding {b:?}"));
                }
                if let Some(l) = max_latency {
                    s.push_str(&format!(", within {l}"));
                }
                if let Some(d) = tls_min_days {
                    s.push_str(&format!(", certificate valid {d} more days"));
                }
                s
            }
            Action::Tcp { host, port } => format!("TCP connect {host}:{port}"),
        }
    }
}

impl Scenario {
    /// Whether this scenario takes `finding` (what routes match on, the same way).
    pub fn matches(&self, config: &Config, finding: &Finding) -> bool {
        let sel = crate::spine::policy::Selector {
            sources: &self.sources,
            min_severity: self.min_severity,
            keys: &self.keys,
            accounts: &self.accounts,
            account_tags: &self.account_tags,
        };
        crate::spine::policy::selector_matches(config, sel, finding)
    }

    pub fn has_recover(&self) -> bool {
        self.steps.iter().any(|s| s.role == Role::Recover)
    }
}

/// The first scenario that takes `finding`, if any: first match wins, as the file orders them.
pub fn scenario_for<'c>(config: &'c Config, finding: &Finding) -> Option<&'c Scenario> {
    config.scenarios.iter().find(|s| s.matches(config, finding))
}
