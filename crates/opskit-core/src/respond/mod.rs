//! The respond stage: between the diff and delivery, findings that a `[[scenarios]]` entry
//! takes get first response. A scenario checks, gathers evidence, recovers (when allowed)
//! and verifies; a verified recovery resolves the finding "recovered by scenario NAME"
//! before anybody is paged, anything else goes to the sinks with the evidence of every
//! step. Every step is kept in the state store (`opskit respond log`).
//!
//! A scenario never holds up the run: steps have timeouts, the run a budget
//! (`[respond] budget`), and what is not done by then goes on in the next run, from the
//! state (an SSM command's id, a verify's start time). Meanwhile its findings are
//! delivered as usual; when the scenario ends, they are updated.
//!
//! The AWS actions (SSM, CloudWatch, EC2) are the app's [`Responder`]; HTTP and TCP probes
//! are here ([`probe`]).

pub mod exec;
pub mod probe;
pub mod scenario;
pub mod stage;

pub use exec::{ExecStatus, Execution, StepOutcome, StepRecord};
pub use scenario::{Action, RespondSettings, Role, Scenario, Step};
pub use stage::{Responder, StepCall, StepPoll};

#[cfg(test)]
mod tests;
