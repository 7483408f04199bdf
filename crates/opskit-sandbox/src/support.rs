//! Fake of the AWS Support API (2013-04-15, awsJson1_1 with `X-Amz-Target:
//! AWSSupport_20130415.<Operation>`): the cases operations (DescribeCases,
//! DescribeCommunications, CreateCase, AddCommunicationToCase, ResolveCase) on the data in
//! `cases.rs`, and the legacy Trusted Advisor operations (DescribeTrustedAdvisorChecks,
//! DescribeTrustedAdvisorCheckSummaries, DescribeTrustedAdvisorCheckResult) on `ta.rs`'s.
//!
//! The checks have no data of their own: they are read from the Trusted Advisor API's
//! recommendations and resources in `ta.rs` ([`Ta::checks`]), mapped as AWS does
//! (reference/aws-apis.md §1.4, §1.5), so a change made there shows here too. Where AWS is
//! not documented we choose, and say so:
//! - The plan is the one `ta.rs` keeps ([`Sandbox::ta_set_support`](super::Sandbox::ta_set_support)): without Business
//!   support every Support operation is 400 `SubscriptionRequiredException` with
//!   [`SUPPORT_SUBSCRIPTION_REQUIRED_MESSAGE`], checked after routing and before any input.
//!
//! Cases (reference/aws-apis.md §2; the data rules are in `cases.rs`):
//! - Cases are the caller's account's; a case id of another account's case, or of no case, is
//!   400 `CaseIdNotFound` (`Case ID not found: <id>`) in DescribeCommunications,
//!   AddCommunicationToCase, ResolveCase, and DescribeCases' `caseIdList` (any one unknown
//!   id fails the call). An unknown `displayId` only matches nothing.
//! - DescribeCases lists newest `timeCreated` first. `afterTime`/`beforeTime` filter on the
//!   case's `timeCreated` (not on its communications), DescribeCommunications' on the
//!   communication's: `afterTime` is inclusive, `beforeTime` exclusive. Times are RFC 3339
//!   (or a bare date, midnight UTC); anything else is `InvalidParameterValueException`.
//! - `includeResolvedCases` (default false) also applies to `caseIdList` and `displayId`.
//!   `includeCommunications` (default true) adds `recentCommunications`: the 5 newest
//!   communications, newest first, and, when there are more, a `nextToken` that
//!   DescribeCommunications (same case, no time filter) continues from. Without it the member
//!   is left out.
//! - `maxResults` must be 10–100 (else `InvalidParameterValueException`); without it a page
//!   holds 100. `nextToken` is an offset into the filtered list (a token we did not issue is
//!   `InvalidParameterValueException`). `caseIdList` takes at most 100 ids.
//! - `language` (cases: en, ja, zh, ko) is checked when given, never a filter.
//! - CreateCase needs `subject` and `communicationBody` (1–8000 characters, as
//!   AddCommunicationToCase's); the case is `opened`, defaults `general-info`/`using-aws`,
//!   severity `low`, `en`, and opens with the body as the customer's communication. `issueType`
//!   is ignored.
//! - AddCommunicationToCase adds the customer's communication now and moves a
//!   `pending-customer-action` case to `customer-action-completed` and a `resolved` one to
//!   `reopened`; `ccEmailAddresses` is ignored. ResolveCase answers the status before and
//!   `resolved`.
//! - There are no attachment sets: any `attachmentSetId` is `AttachmentSetIdNotFound`.
//! - `dryRun: true`, once the input is valid, is `DryRunOperationException` and changes
//!   nothing.
//! - Errors are 400 with the awsJson shape; `InvalidParameterValueException` is not modeled in
//!   the SDK and surfaces as a generic error with that code.
//!
//! Trusted Advisor checks:
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
//!
//! Other `AWSSupport_20130415` operations answer `UnknownOperationException`.

use super::aws::{self, Call, Input};
use super::cases::{self, Case, Cases, RESOLVED, SUPPORT_CUSTOMER_SUBMITTER};
use super::ta::{Check, Ta};
use super::{Reply, Shared, lock};
use jiff::Timestamp;
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

enum Op {
    Checks(fn(&Ta, &Call, &Input) -> Result<Reply, Reply>),
    Cases(fn(&mut Cases, &Call, &Input) -> Result<Reply, Reply>),
}

/// An `AWSSupport_20130415.*` call, already authenticated.
pub(crate) fn handle(shared: &Shared, call: &Call) -> Reply {
    let op = match call.operation {
        "DescribeTrustedAdvisorChecks" => Op::Checks(describe_trusted_advisor_checks),
        "DescribeTrustedAdvisorCheckSummaries" => Op::Checks(describe_trusted_advisor_check_summaries),
        "DescribeTrustedAdvisorCheckResult" => Op::Checks(describe_trusted_advisor_check_result),
        "DescribeCases" => Op::Cases(describe_cases),
        "DescribeCommunications" => Op::Cases(describe_communications),
        "CreateCase" => Op::Cases(create_case),
        "AddCommunicationToCase" => Op::Cases(add_communication_to_case),
        "ResolveCase" => Op::Cases(resolve_case),
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
    let done = match op {
        Op::Checks(f) => f(&ta, call, &input),
        Op::Cases(f) => {
            drop(ta);
            f(&mut lock(&shared.cases), call, &input)
        }
    };
    done.unwrap_or_else(|e| e)
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

/// The languages the Support API handles cases in.
const CASE_LANGUAGES: &[&str] = &["en", "ja", "zh", "ko"];
/// `maxResults` of DescribeCases and DescribeCommunications.
const MIN_RESULTS: i64 = 10;
const MAX_RESULTS: usize = 100;
/// CreateCase's and AddCommunicationToCase's `communicationBody`.
const MAX_BODY: usize = 8000;
const MAX_CASE_IDS: usize = 100;

fn case_not_found(id: &str) -> Reply {
    aws::error(400, "CaseIdNotFound", &format!("Case ID not found: {id}"))
}

fn case_language(input: &Input) -> Result<Option<&str>, Reply> {
    match input.string("language")? {
        Some(l) if !CASE_LANGUAGES.contains(&l) => Err(invalid(&format!("Unsupported language: {l}"))),
        l => Ok(l),
    }
}

fn time(input: &Input, name: &str) -> Result<Option<Timestamp>, Reply> {
    match input.string(name)? {
        None => Ok(None),
        Some(s) => cases::parse_time(s).map(Some).ok_or_else(|| invalid(&format!("Invalid {name}: {s}"))),
    }
}

fn max_results(input: &Input) -> Result<Option<i64>, Reply> {
    match input.integer("maxResults")? {
        Some(n) if !(MIN_RESULTS..=MAX_RESULTS as i64).contains(&n) => {
            Err(invalid(&format!("maxResults must be between {MIN_RESULTS} and {MAX_RESULTS}, got {n}")))
        }
        n => Ok(n),
    }
}

/// `afterTime` inclusive, `beforeTime` exclusive.
fn within(at: Timestamp, after: Option<Timestamp>, before: Option<Timestamp>) -> bool {
    after.is_none_or(|a| at >= a) && before.is_none_or(|b| at < b)
}

fn body(input: &Input) -> Result<&str, Reply> {
    match input.string("communicationBody")? {
        None => Err(invalid("Parameter communicationBody is required")),
        Some(b) if b.is_empty() || b.chars().count() > MAX_BODY => {
            Err(invalid(&format!("communicationBody must be 1 to {MAX_BODY} characters long")))
        }
        Some(b) => Ok(b),
    }
}

fn no_attachment_set(input: &Input) -> Result<(), Reply> {
    match input.string("attachmentSetId")? {
        Some(id) => Err(aws::error(400, "AttachmentSetIdNotFound", &format!("Attachment set ID not found: {id}"))),
        None => Ok(()),
    }
}

fn dry_run(input: &Input) -> Result<(), Reply> {
    if input.boolean("dryRun")? == Some(true) {
        return Err(aws::error(
            400,
            "DryRunOperationException",
            "The request would have succeeded, but the dryRun flag is set.",
        ));
    }
    Ok(())
}

fn paged(member: &str, items: Vec<Value>, next: Option<String>) -> Reply {
    let mut v = json!({ member: items });
    if let Some(next) = next {
        v["nextToken"] = json!(next);
    }
    aws::reply(&v)
}

fn case_id(input: &Input) -> Result<&str, Reply> {
    input.string("caseId")?.ok_or_else(|| invalid("Parameter caseId is required"))
}

fn describe_cases(cases: &mut Cases, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let ids = input.strings("caseIdList")?;
    if ids.as_ref().is_some_and(|ids| ids.len() > MAX_CASE_IDS) {
        return Err(invalid(&format!("caseIdList holds at most {MAX_CASE_IDS} case ids")));
    }
    let display_id = input.string("displayId")?;
    let (after, before) = (time(input, "afterTime")?, time(input, "beforeTime")?);
    let resolved = input.boolean("includeResolvedCases")?.unwrap_or(false);
    let communications = input.boolean("includeCommunications")?.unwrap_or(true);
    case_language(input)?;
    let max = max_results(input)?;
    let token = input.string("nextToken")?;
    let account = &call.caller.account;
    if let Some(missing) = ids.iter().flatten().find(|id| cases.find(account, id).is_none()) {
        return Err(case_not_found(missing));
    }
    dry_run(input)?;
    let wanted = |c: &&Case| {
        ids.as_ref().is_none_or(|ids| ids.contains(&c.id()))
            && display_id.is_none_or(|d| c.value["displayId"] == d)
            && (resolved || c.status() != RESOLVED)
            && within(c.at, after, before)
    };
    let items = cases.newest_first(account).filter(wanted).map(|c| cases::details(c, communications)).collect();
    let (page, next) = aws::page(items, max, token, MAX_RESULTS, invalid)?;
    Ok(paged("cases", page, next))
}

fn describe_communications(cases: &mut Cases, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let id = case_id(input)?;
    let (after, before) = (time(input, "afterTime")?, time(input, "beforeTime")?);
    let max = max_results(input)?;
    let token = input.string("nextToken")?;
    let case = cases.find(&call.caller.account, id).ok_or_else(|| case_not_found(id))?;
    dry_run(input)?;
    let items = case.newest_first().filter(|c| within(c.at, after, before)).map(|c| c.value.clone()).collect();
    let (page, next) = aws::page(items, max, token, MAX_RESULTS, invalid)?;
    Ok(paged("communications", page, next))
}

fn create_case(cases: &mut Cases, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let subject = input.string("subject")?.ok_or_else(|| invalid("Parameter subject is required"))?;
    let text = body(input)?;
    let language = case_language(input)?.unwrap_or("en");
    let cc = input.strings("ccEmailAddresses")?.unwrap_or_default();
    if cc.len() > 10 {
        return Err(invalid("ccEmailAddresses holds at most 10 addresses"));
    }
    let mut case = json!({"subject": subject, "language": language, "ccEmailAddresses": cc});
    for member in ["serviceCode", "severityCode", "categoryCode"] {
        if let Some(v) = input.string(member)? {
            case[member] = json!(v);
        }
    }
    no_attachment_set(input)?;
    dry_run(input)?;
    let now = Timestamp::now();
    case["timeCreated"] = json!(cases::iso_millis(now));
    let account = &call.caller.account;
    let id = cases.add_case(account, case).map_err(|e| aws::error(500, "InternalServerError", &e.to_string()))?;
    if let Some(c) = cases.find_in_mut(account, &id) {
        c.add(SUPPORT_CUSTOMER_SUBMITTER, text, now, &[]);
    }
    Ok(aws::reply(&json!({"caseId": id})))
}

fn add_communication_to_case(cases: &mut Cases, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let id = case_id(input)?;
    let text = body(input)?;
    input.strings("ccEmailAddresses")?;
    let case = cases.find_in_mut(&call.caller.account, id).ok_or_else(|| case_not_found(id))?;
    no_attachment_set(input)?;
    dry_run(input)?;
    case.add(SUPPORT_CUSTOMER_SUBMITTER, text, Timestamp::now(), &[]);
    match case.status() {
        "pending-customer-action" => case.set_status("customer-action-completed"),
        RESOLVED => case.set_status("reopened"),
        _ => {}
    }
    Ok(aws::reply(&json!({"result": true})))
}

fn resolve_case(cases: &mut Cases, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let id = case_id(input)?;
    let case = cases.find_in_mut(&call.caller.account, id).ok_or_else(|| case_not_found(id))?;
    dry_run(input)?;
    let initial = case.status().to_string();
    case.set_status(RESOLVED);
    Ok(aws::reply(&json!({"initialCaseStatus": initial, "finalCaseStatus": RESOLVED})))
}
