//! Fake of the AWS Support API (2013-04-15, awsJson1_1 with `X-Amz-Target:
//! AWSSupport_20130415.<Operation>`). For now only its legacy Trusted Advisor operations:
//! DescribeTrustedAdvisorChecks, DescribeTrustedAdvisorCheckSummaries and
//! DescribeTrustedAdvisorCheckResult (the cases operations are still to come).
//!
//! There is no data of its own: the checks are read from the Trusted Advisor API's
//! recommendations and resources in `ta.rs` ([`Ta::checks`]), mapped as AWS does
//! (reference/aws-apis.md §1.4, §1.5), so a change made there shows here too. Where AWS is
//! not documented we choose, and say so:
//! - The plan is the one `ta.rs` keeps ([`Sandbox::ta_set_support`](super::Sandbox::ta_set_support)): without Business
//!   support every Support operation is 400 `SubscriptionRequiredException` with
//!   [`SUPPORT_SUBSCRIPTION_REQUIRED_MESSAGE`], checked after routing and before any input.
//! - A check is one distinct `checkArn` tail of the account's recommendations (the first
//!   recommendation naming it wins); `category` is its first pillar, `metadata` (the column
//!   headers) its resources' metadata keys in order of first appearance.
//! - `status` is the recommendation's, except `ok` with `statusReason: no_data_ok`, which is
//!   `not_available`; `timestamp` is its `lastUpdatedAt`.
//! - `flaggedResources` are the resources whose status is not `ok`, excluded ones included
//!   with `isSuppressed: true` (AWS also lists `ok` resources for some checks; we do not).
//!   `resourceId` is the resource's `id`, `region` its `regionCode` (left out for `-`),
//!   `metadata` its values in header order (`null` where it lacks a header).
//! - `resourcesSummary`: processed = every resource, flagged = the flagged (listed) ones,
//!   suppressed = the excluded ones, ignored = 0. `hasFlaggedResources` = flagged > 0.
//! - `categorySpecificSummary.costOptimizing` comes from the recommendation's
//!   `pillarSpecificAggregates.costOptimizing`; a `cost_optimizing` check without them gets
//!   zeros, any other check `{}`.
//! - A missing or unsupported `language` (DescribeTrustedAdvisorChecks requires one; the
//!   others check it when given), a missing `checkId`/`checkIds` or an unknown check id is
//!   400 `InvalidParameterValueException` (not modeled in the SDK: it surfaces as a generic
//!   error with that code); the language is otherwise ignored.
//! - Other `AWSSupport_20130415` operations answer `UnknownOperationException`.

use super::aws::{self, Call, Input};
use super::ta::{Check, Ta};
use super::{Reply, Shared, lock};
use serde_json::{Value, json};

pub(crate) const TARGET_PREFIX: &str = "AWSSupport_20130415";

/// The message of the `SubscriptionRequiredException` an account without the plan gets.
pub const SUPPORT_SUBSCRIPTION_REQUIRED_MESSAGE: &str =
    "AWS Premium Support Subscription is required to use this service.";

/// The languages the Support API serves Trusted Advisor checks in.
const TA_LANGUAGES: &[&str] = &["zh", "zh_TW", "en", "fr", "de", "id", "it", "ja", "ko", "pt_BR", "es"];

fn invalid(message: &str) -> Reply {
    aws::error(400, "InvalidParameterValueException", message)
}

/// An `AWSSupport_20130415.*` call, already authenticated.
pub(crate) fn handle(shared: &Shared, call: &Call) -> Reply {
    type Op = fn(&Ta, &Call, &Input) -> Result<Reply, Reply>;
    let op: Op = match call.operation {
        "DescribeTrustedAdvisorChecks" => describe_trusted_advisor_checks,
        "DescribeTrustedAdvisorCheckSummaries" => describe_trusted_advisor_check_summaries,
        "DescribeTrustedAdvisorCheckResult" => describe_trusted_advisor_check_result,
        _ => return aws::unknown_operation(call.target),
    };
    let ta = lock(&shared.ta);
    if !ta.business(&call.caller.account) {
        return aws::error(400, "SubscriptionRequiredException", SUPPORT_SUBSCRIPTION_REQUIRED_MESSAGE);
    }
    let input = match call.input() {
        Ok(i) => i,
        Err(reply) => return reply,
    };
    op(&ta, call, &input).unwrap_or_else(|e| e)
}

/// The `language` member: required or not, and one of [`TA_LANGUAGES`] when given.
fn language(input: &Input, required: bool) -> Result<(), Reply> {
    match input.string("language")? {
        None if required => Err(invalid("Parameter language is required")),
        Some(l) if !TA_LANGUAGES.contains(&l) => Err(invalid(&format!("Unsupported language: {l}"))),
        _ => Ok(()),
    }
}

fn find<'t>(checks: &'t [Check<'t>], id: &str) -> Result<&'t Check<'t>, Reply> {
    checks.iter().find(|c| c.id == id).ok_or_else(|| invalid(&format!("Check id {id} is invalid")))
}

fn category<'a>(check: &Check<'a>) -> &'a str {
    check.rec["pillars"].get(0).and_then(Value::as_str).unwrap_or("")
}

fn status<'a>(check: &Check<'a>) -> &'a str {
    match check.rec["status"].as_str().unwrap_or("") {
        "ok" if check.rec["statusReason"] == "no_data_ok" => "not_available",
        s => s,
    }
}

fn is_excluded(resource: &Value) -> bool {
    resource["exclusionStatus"] == "excluded"
}

fn flagged<'a>(check: &Check<'a>) -> impl Iterator<Item = &'a Value> {
    check.resources.iter().filter(|r| r["status"] != "ok")
}

fn resources_summary(check: &Check) -> Value {
    json!({
        "resourcesProcessed": check.resources.len(),
        "resourcesFlagged": flagged(check).count(),
        "resourcesIgnored": 0,
        "resourcesSuppressed": check.resources.iter().filter(|r| is_excluded(r)).count(),
    })
}

fn category_summary(check: &Check) -> Value {
    match &check.rec["pillarSpecificAggregates"]["costOptimizing"] {
        Value::Object(c) => json!({"costOptimizing": {
            "estimatedMonthlySavings": c.get("estimatedMonthlySavings").and_then(Value::as_f64).unwrap_or(0.0),
            "estimatedPercentMonthlySavings":
                c.get("estimatedPercentMonthlySavings").and_then(Value::as_f64).unwrap_or(0.0),
        }}),
        _ if category(check) == "cost_optimizing" => {
            json!({"costOptimizing": {"estimatedMonthlySavings": 0.0, "estimatedPercentMonthlySavings": 0.0}})
        }
        _ => json!({}),
    }
}

/// A `TrustedAdvisorCheckSummary`.
fn summary(check: &Check) -> Value {
    json!({
        "checkId": check.id,
        "timestamp": check.rec["lastUpdatedAt"],
        "status": status(check),
        "hasFlaggedResources": flagged(check).next().is_some(),
        "resourcesSummary": resources_summary(check),
        "categorySpecificSummary": category_summary(check),
    })
}

/// A `TrustedAdvisorResourceDetail`: metadata positional, in the check's header order.
fn resource_detail(check: &Check, resource: &Value) -> Value {
    let metadata: Vec<Value> = check.headers.iter().map(|h| resource["metadata"][*h].clone()).collect();
    let mut v = json!({
        "status": resource["status"],
        "resourceId": resource["id"],
        "isSuppressed": is_excluded(resource),
        "metadata": metadata,
    });
    match resource["regionCode"].as_str() {
        Some(region) if region != "-" && !region.is_empty() => v["region"] = json!(region),
        _ => {}
    }
    v
}

fn describe_trusted_advisor_checks(ta: &Ta, call: &Call, input: &Input) -> Result<Reply, Reply> {
    language(input, true)?;
    let checks: Vec<Value> = ta
        .checks(&call.caller.account)
        .iter()
        .map(|c| {
            json!({
                "id": c.id, "name": c.rec["name"], "description": c.rec["description"], "category": category(c),
                "metadata": c.headers,
            })
        })
        .collect();
    Ok(aws::reply(&json!({"checks": checks})))
}

fn describe_trusted_advisor_check_summaries(ta: &Ta, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let ids = input.strings("checkIds")?.ok_or_else(|| invalid("Parameter checkIds is required"))?;
    let checks = ta.checks(&call.caller.account);
    let summaries = ids.iter().map(|id| find(&checks, id).map(summary)).collect::<Result<Vec<_>, _>>()?;
    Ok(aws::reply(&json!({"summaries": summaries})))
}

fn describe_trusted_advisor_check_result(ta: &Ta, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let id = input.string("checkId")?.ok_or_else(|| invalid("Parameter checkId is required"))?;
    language(input, false)?;
    let checks = ta.checks(&call.caller.account);
    let check = find(&checks, id)?;
    let mut result = summary(check);
    if let Value::Object(m) = &mut result {
        m.remove("hasFlaggedResources");
    }
    result["flaggedResources"] = flagged(check).map(|r| resource_detail(check, r)).collect();
    Ok(aws::reply(&json!({"result": result})))
}
