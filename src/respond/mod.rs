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
