//! The app's side of the respond stage (`opskit_core::respond`): the steps that speak to
//! AWS (SSM Run Command, CloudWatch GetMetricData, EC2 status and reboot), run with the
//! finding's account's credentials in its region.

pub use opskit_core::respond::{ExecStatus, Execution, Responder, StepCall, StepOutcome, StepPoll};
pub use opskit_core::respond::{exec, probe, scenario, stage};

pub mod aws;

use crate::context::Context;
use async_trait::async_trait;

/// The AWS steps of a run, with the run's sessions.
pub struct AwsResponder<'a> {
    pub ctx: &'a Context,
}

#[async_trait]
impl Responder for AwsResponder<'_> {
    async fn step(&self, call: StepCall<'_>) -> StepPoll {
        aws::step(self.ctx, call).await
    }
}

/// Why a finding may not drive a recover step: an AWS notice whose mail could not be
/// verified (or understood) may be shown, with whatever evidence its scenario gathers, but
/// never acts on a machine.
pub fn untrusted(f: &opskit_core::spine::finding::Finding) -> Option<String> {
    (f.source == crate::health::SOURCE && !crate::health::speaks_for_aws(&f.key))
        .then(|| "the notice's sender is unverified: recover steps run only on verified findings".to_string())
}

#[cfg(test)]
mod trust_tests {
    use opskit_core::spine::finding::{Finding, Severity};

    #[test]
    fn only_unverified_or_unparsed_notices_may_not_act() {
        let f = |source: &str, key: &str| Finding::new(source, key, Severity::Warning, "t");
        assert!(super::untrusted(&f("health", "health/unverified/0123")).is_some());
        assert!(super::untrusted(&f("health", "health/unparsed/0123")).is_some());
        assert!(super::untrusted(&f("health", "health/111122223333/AWS_EC2_X/ab12")).is_none());
        assert!(super::untrusted(&f("monitoring", "health/unverified/x")).is_none());
    }
}
