//! Fake of the AWS Trusted Advisor API (2022-09-15, restJson1 under `/v1/`): recommendations
//! and their resources per account, ListChecks, ListRecommendations, GetRecommendation and
//! ListRecommendationResources, the support plan that gates them, and the changes tests and
//! the demo make ([`Sandbox::ta_put_recommendation`] and friends, or `POST /_sandbox/ta`).
//! The legacy Trusted Advisor operations of the Support API (`support.rs`) read the same
//! data through [`Ta::checks`].
//!
//! Recommendations and resources are kept as the JSON objects the service answers, field
//! names and enum values as in reference/aws-apis.md §1, so a test can store a value the
//! SDK does not know. The API is global: the data is per account, the signing region is
//! only recorded (with the request). Where AWS is not documented we choose, and say so:
//! - An account the sandbox has not heard of has Business support and no recommendations;
//!   without it ([`Sandbox::ta_set_support`]) every call is 403 `AccessDeniedException`
//!   with [`TA_ACCESS_DENIED_MESSAGE`], checked after routing and before any input.
//! - `recommendationIdentifier` must be the recommendation's ARN in the caller's account;
//!   anything else (a bare id, another account's ARN) is 404 `ResourceNotFoundException`.
//! - Lists are in creation order. `maxResults` defaults to 100 (the reference gives none);
//!   outside 1–200 (recommendations) or 1–5000 (resources), not an integer, an enum query
//!   value outside the model's set, an unreadable timestamp or a token we did not issue is
//!   400 `ValidationException` in AWS's constraint wording. `language` is checked, then
//!   ignored. `afterLastUpdatedAt`/`beforeLastUpdatedAt` are inclusive bounds.
//! - `resourcesAggregates` is always computed from the resources: included ones count in
//!   `okCount`/`warningCount`/`errorCount` by status (a status outside the enum counts
//!   nowhere), excluded ones only in `excludedCount`. A given value is replaced.
//! - A recommendation's `status` follows its resources when they change: the worst of the
//!   included ones (`error` > `warning` > `ok`; `ok` when every one is excluded), and any
//!   `statusReason` goes. When the last resource goes, it falls back to `ok`, unless the
//!   status was set explicitly ([`Sandbox::ta_set_status`], or a `status` given to
//!   [`Sandbox::ta_put_recommendation`]) since the last resource change: then it stays.
//! - Every change stamps `lastUpdatedAt` with the current second (a given one wins);
//!   `lifecycleStage: resolved` also stamps `resolvedAt`.
//! - ListChecks lists the checks the account's recommendations name (one per distinct
//!   `checkArn`, see [`Check`]), not AWS's whole catalogue: id, arn, name, description,
//!   pillars, awsServices and source come from the check's first recommendation, `metadata`
//!   is the column headers keyed by position (`{"0": "Region", ...}`). Paged like
//!   ListRecommendations (1–200); `pillar`, `source` and `awsService` filter.
//! - Other paths under `/v1/` answer 404 `UnknownOperationException`.

use super::aws::{self, RestCall};
use super::{Recorded, Reply, Sandbox, Shared, lock};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// Every Trusted Advisor path starts so; the server routes it here.
pub(crate) const PATH_PREFIX: &str = "/v1/";

/// Business support, six recommendations (two `error`, two `warning`, two `ok`).
pub const TA_DEMO_ACCOUNT: &str = "111122223333";
/// Business support, one `error` and one `warning` recommendation.
pub const TA_SECOND_ACCOUNT: &str = "444455556666";
/// No Business support: every Trusted Advisor call is denied.
pub const TA_UNSUPPORTED_ACCOUNT: &str = "777788889999";
/// The message of the `AccessDeniedException` an account without the plan gets.
pub const TA_ACCESS_DENIED_MESSAGE: &str =
    "The AWS Trusted Advisor API requires a Business, Enterprise On-Ramp or Enterprise Support plan";

/// In [`TA_DEMO_ACCOUNT`]: `error`, security, one resource.
pub const TA_ROOT_MFA_RECOMMENDATION: &str = "00148b05-d396-47d5-ae69-ee0daf948327";
pub const TA_ROOT_MFA_RECOMMENDATION_NAME: &str = "MFA on Root Account";
pub const TA_ROOT_MFA_RESOURCE: &str = "330b0a82a2b847c43d9915c83e1b74def77f361279ed4cb6d8bc38e344962eca";
/// In [`TA_DEMO_ACCOUNT`]: `error`, security, three resources in ap-northeast-1 (MySQL open:
/// error; RDP open: error but excluded; SSH open: warning).
pub const TA_SG_RECOMMENDATION: &str = "61635d35-81b2-40e1-8d48-d6ef42f2d374";
pub const TA_SG_RECOMMENDATION_NAME: &str = "Security Groups - Specific Ports Unrestricted";
pub const TA_SG_MYSQL_RESOURCE: &str = "4369d2994a823b4e23433383594ffe2f7a567c82414bf39980f6102c6a31d9ef";
pub const TA_SG_EXCLUDED_RESOURCE: &str = "442b773972f6b44053cb5468ed358c269e1d9e96a8c85cac3a9e0d82bb3a4832";
pub const TA_SG_SSH_RESOURCE: &str = "13af2cf704fa34e14b58bc4ab24a2742b14e333cdaa6d709bdbfb825a714c27a";
/// In [`TA_DEMO_ACCOUNT`]: `warning`, fault tolerance, two resources, `dismissed`.
pub const TA_EBS_SNAPSHOTS_RECOMMENDATION: &str = "9ebd8b22-5be7-4009-85dc-487c2b45935a";
pub const TA_EBS_SNAPSHOTS_RECOMMENDATION_NAME: &str = "Amazon EBS Snapshots";
/// In [`TA_DEMO_ACCOUNT`]: `warning`, cost optimizing with savings, two resources.
pub const TA_LOW_UTILIZATION_EC2_RECOMMENDATION: &str = "3b5e35f5-5b56-400b-93cd-d82fcd460999";
pub const TA_LOW_UTILIZATION_EC2_RECOMMENDATION_NAME: &str = "Low Utilization Amazon EC2 Instances";
/// In [`TA_DEMO_ACCOUNT`]: `ok`, security, two `ok` resources.
pub const TA_S3_PERMISSIONS_RECOMMENDATION: &str = "d0ba71cd-c59a-408a-96e2-f588a67ca8ff";
pub const TA_S3_PERMISSIONS_RECOMMENDATION_NAME: &str = "Amazon S3 Bucket Permissions";
/// In [`TA_DEMO_ACCOUNT`]: `ok` with `statusReason: no_data_ok`, no resources.
pub const TA_RDS_IDLE_RECOMMENDATION: &str = "a29ab484-3b3d-4690-9fd4-7cfd1e23aa53";
pub const TA_RDS_IDLE_RECOMMENDATION_NAME: &str = "Amazon RDS Idle DB Instances";
/// In [`TA_SECOND_ACCOUNT`]: `error`, two resources in us-east-1 (one error, one warning).
pub const TA_SECOND_SG_RECOMMENDATION: &str = "04706cf1-2bfa-4b63-860f-4a6b0fd4f139";
/// In [`TA_SECOND_ACCOUNT`]: `warning`, one resource.
pub const TA_SECOND_EBS_SNAPSHOTS_RECOMMENDATION: &str = "c434b702-869e-47bc-89d0-cada30948d97";

/// The legacy check ids (the tail of `checkArn`) of the seeded recommendations; the second
/// account's SG and EBS recommendations share the demo account's checks.
pub const TA_ROOT_MFA_CHECK: &str = "7DAFEmoDos";
pub const TA_SG_CHECK: &str = "HCP4007jGY";
pub const TA_EBS_SNAPSHOTS_CHECK: &str = "H7IgTzjTYb";
pub const TA_LOW_UTILIZATION_EC2_CHECK: &str = "Qch7DwouX1";
pub const TA_S3_PERMISSIONS_CHECK: &str = "Pfx0RwqBli";
pub const TA_RDS_IDLE_CHECK: &str = "Ti39halfu8";

/// `maxResults` when the call gives none (AWS documents no default).
const DEFAULT_PAGE: i64 = 100;
const RECOMMENDATIONS_MAX: i64 = 200;
const RESOURCES_MAX: i64 = 5000;
const CHECKS_MAX: i64 = 200;

const STATUSES: &[&str] = &["ok", "warning", "error"];
const PILLARS: &[&str] =
    &["cost_optimizing", "performance", "security", "service_limits", "fault_tolerance", "operational_excellence"];
const TYPES: &[&str] = &["standard", "priority"];
const SOURCES: &[&str] = &[
    "aws_config",
    "compute_optimizer",
    "cost_explorer",
    "lse",
    "manual",
    "pse",
    "rds",
    "resilience",
    "resilience_hub",
    "security_hub",
    "stir",
    "ta_check",
    "well_architected",
    "cost_optimization_hub",
];
const EXCLUSION_STATUSES: &[&str] = &["excluded", "included"];
const LANGUAGES: &[&str] = &["en", "ja", "zh", "fr", "de", "ko", "zh_TW", "it", "es", "pt_BR", "id"];
/// Fields of a `Recommendation` (GetRecommendation) that its `RecommendationSummary` lacks.
const DETAIL_ONLY: &[&str] = &[
    "description",
    "createdBy",
    "updatedOnBehalfOf",
    "updatedOnBehalfOfJobTitle",
    "updateReason",
    "updateReasonCode",
    "resolvedAt",
];

/// Seeded `createdAt` and `lastUpdatedAt`, and those of generated data.
const SEED_CREATED: &str = "2026-10-01T08:00:00Z";
const SEED_UPDATED: &str = "2026-11-20T06:12:00Z";

/// Why a Trusted Advisor change could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TaError {
    #[error("no Trusted Advisor {0} in the sandbox")]
    NotFound(String),
    #[error("invalid Trusted Advisor change: {0}")]
    Invalid(String),
}

/// `arn:aws:trustedadvisor::<account>:recommendation/<id>`, the identifier
/// GetRecommendation and ListRecommendationResources take.
pub fn ta_recommendation_arn(account: &str, recommendation_id: &str) -> String {
    format!("arn:aws:trustedadvisor::{account}:recommendation/{recommendation_id}")
}

fn resource_arn(account: &str, recommendation_id: &str, resource_id: &str) -> String {
    format!("arn:aws:trustedadvisor::{account}:recommendation-resource/{recommendation_id}/{resource_id}")
}

fn check_arn(check_id: &str) -> String {
    format!("arn:aws:trustedadvisor:::check/{check_id}")
}

struct Rec {
    /// As GetRecommendation answers it: the summary fields and the detail ones.
    value: Value,
    resources: Vec<Value>,
    /// The status was set explicitly since the last resource change (see the module doc).
    explicit_status: bool,
}

impl Rec {
    fn id(&self) -> &str {
        id_of(&self.value)
    }

    fn summary(&self) -> Value {
        let mut v = self.value.clone();
        if let Value::Object(m) = &mut v {
            for f in DETAIL_ONLY {
                m.remove(*f);
            }
        }
        v
    }

    /// Recompute `resourcesAggregates` from the resources.
    fn aggregate(&mut self) {
        let (mut ok, mut warning, mut error, mut excluded) = (0, 0, 0, 0);
        for r in &self.resources {
            if is_excluded(r) {
                excluded += 1;
                continue;
            }
            match r["status"].as_str() {
                Some("ok") => ok += 1,
                Some("warning") => warning += 1,
                Some("error") => error += 1,
                _ => {}
            }
        }
        self.value["resourcesAggregates"] =
            json!({"okCount": ok, "warningCount": warning, "errorCount": error, "excludedCount": excluded});
    }

    /// After a resource change: aggregates, then the status as the module doc says.
    fn resources_changed(&mut self, at: &str) {
        self.aggregate();
        if self.resources.is_empty() {
            if !self.explicit_status {
                self.value["status"] = json!("ok");
            }
        } else {
            let included = || self.resources.iter().filter(|r| !is_excluded(r));
            let status = if included().any(|r| r["status"] == "error") {
                "error"
            } else if included().any(|r| r["status"] == "warning") {
                "warning"
            } else {
                "ok"
            };
            self.value["status"] = json!(status);
            if let Value::Object(m) = &mut self.value {
                m.remove("statusReason");
            }
            self.explicit_status = false;
        }
        self.value["lastUpdatedAt"] = json!(at);
    }
}

fn is_excluded(resource: &Value) -> bool {
    resource["exclusionStatus"] == "excluded"
}

fn id_of(v: &Value) -> &str {
    v["id"].as_str().unwrap_or("")
}

struct Account {
    business: bool,
    recs: Vec<Rec>,
}

impl Default for Account {
    fn default() -> Account {
        Account { business: true, recs: Vec::new() }
    }
}

impl Account {
    fn rec(&self, id: &str) -> Option<&Rec> {
        self.recs.iter().find(|r| r.id() == id)
    }
}

/// One Trusted Advisor check as an account's recommendations show it, for ListChecks and
/// the legacy Support operations (one source of truth): the first recommendation, in
/// creation order, whose `checkArn` names it.
pub(crate) struct Check<'a> {
    /// The tail of `checkArn`: `arn:aws:trustedadvisor:::check/7DAFEmoDos` → `7DAFEmoDos`.
    pub id: &'a str,
    pub arn: &'a str,
    /// The recommendation, as GetRecommendation answers it.
    pub rec: &'a Value,
    pub resources: &'a [Value],
    /// The column headers: the resources' metadata keys in order of first appearance
    /// (resources in creation order, each one's keys in their stored order).
    pub headers: Vec<&'a str>,
}

#[derive(Default)]
pub(crate) struct Ta {
    accounts: BTreeMap<String, Account>,
    /// Recommendations and resources put without an id so far, for their ids.
    unnamed: u64,
}

/// The current second as the API writes timestamps: `2026-11-22T10:00:00Z`.
fn now() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now).to_string()
}

fn object(v: Value, what: &str) -> Result<Map<String, Value>, TaError> {
    match v {
        Value::Object(m) => Ok(m),
        _ => Err(TaError::Invalid(format!("a {what} must be a JSON object"))),
    }
}

/// The `id` of `fields`, which must be a non-empty string without `/` when given.
fn given_id(fields: &Map<String, Value>) -> Result<Option<String>, TaError> {
    match fields.get("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if !s.is_empty() && !s.contains('/') => Ok(Some(s.clone())),
        Some(other) => Err(TaError::Invalid(format!("`id` must be a non-empty string without `/`, got {other}"))),
    }
}

/// Fill the fields a new object must have with `defaults`' where `v` lacks them.
fn fill(v: &mut Value, defaults: Value) {
    if let (Value::Object(m), Value::Object(d)) = (v, defaults) {
        for (k, dv) in d {
            m.entry(k).or_insert(dv);
        }
    }
}

fn merge(base: &mut Value, over: Map<String, Value>) {
    if let Value::Object(b) = base {
        b.extend(over);
    }
}

impl Ta {
    /// See the consts: [`TA_DEMO_ACCOUNT`], [`TA_SECOND_ACCOUNT`], [`TA_UNSUPPORTED_ACCOUNT`].
    pub fn seeded() -> Ta {
        let mut ta = Ta::default();
        ta.seed_demo().expect("the demo seed is valid");
        ta.seed_second().expect("the second seed is valid");
        ta.set_support(TA_UNSUPPORTED_ACCOUNT, false);
        ta
    }

    fn seed_demo(&mut self) -> Result<(), TaError> {
        let acct = TA_DEMO_ACCOUNT;
        let at = SEED_UPDATED;
        let rec = |id: &str, name: &str, check: &str, pillar: &str, service: &str, status: &str, desc: &str| {
            json!({
                "id": id, "type": "standard", "status": status, "lifecycleStage": "in_progress",
                "pillars": [pillar], "source": "ta_check", "awsServices": [service], "name": name,
                "checkArn": check_arn(check), "createdAt": SEED_CREATED, "lastUpdatedAt": at,
                "description": desc, "createdBy": "aws",
            })
        };
        self.put_recommendation_at(
            acct,
            rec(
                TA_ROOT_MFA_RECOMMENDATION,
                TA_ROOT_MFA_RECOMMENDATION_NAME,
                TA_ROOT_MFA_CHECK,
                "security",
                "iam",
                "error",
                "Checks the root account and warns if multi-factor authentication (MFA) is not enabled. For \
                 increased security, we recommend that you protect your account by using MFA.",
            ),
            at,
        )?;
        self.put_resource_at(
            acct,
            TA_ROOT_MFA_RECOMMENDATION,
            json!({"id": TA_ROOT_MFA_RESOURCE, "awsResourceId": acct, "regionCode": "-", "status": "error",
                   "metadata": {"Status": "Red"}, "lastUpdatedAt": at}),
            at,
        )?;

        self.put_recommendation_at(
            acct,
            rec(
                TA_SG_RECOMMENDATION,
                TA_SG_RECOMMENDATION_NAME,
                TA_SG_CHECK,
                "security",
                "ec2",
                "error",
                "Checks security groups for rules that allow unrestricted access (0.0.0.0/0) to specific ports. \
                 Unrestricted access increases opportunities for malicious activity.",
            ),
            at,
        )?;
        let sg = |id: &str, sg_id: &str, sg_name: &str, port: &str, status: &str, excluded: bool| {
            let colour = if status == "error" { "Red" } else { "Yellow" };
            json!({
                "id": id, "awsResourceId": sg_id, "regionCode": "ap-northeast-1", "status": status,
                "exclusionStatus": if excluded { "excluded" } else { "included" }, "lastUpdatedAt": at,
                "metadata": {
                    "Region": "ap-northeast-1", "Security Group Name": sg_name, "Security Group ID": sg_id,
                    "Protocol": "tcp", "From Port": port, "To Port": port, "Status": colour,
                },
            })
        };
        for r in [
            sg(TA_SG_MYSQL_RESOURCE, "sg-0a1b2c3d4e5f60718", "legacy-db-sg", "3306", "error", false),
            sg(TA_SG_EXCLUDED_RESOURCE, "sg-0b2c3d4e5f6071829", "bastion-rdp-sg", "3389", "error", true),
            sg(TA_SG_SSH_RESOURCE, "sg-0c3d4e5f607182930", "ssh-anywhere-sg", "22", "warning", false),
        ] {
            self.put_resource_at(acct, TA_SG_RECOMMENDATION, r, at)?;
        }

        let mut ebs = rec(
            TA_EBS_SNAPSHOTS_RECOMMENDATION,
            TA_EBS_SNAPSHOTS_RECOMMENDATION_NAME,
            TA_EBS_SNAPSHOTS_CHECK,
            "fault_tolerance",
            "ebs",
            "warning",
            "Checks the age of the snapshots for your Amazon Elastic Block Store (Amazon EBS) volumes (available \
             or in-use).",
        );
        ebs["lifecycleStage"] = json!("dismissed");
        self.put_recommendation_at(acct, ebs, at)?;
        let ebs_resource = |id: &str, region: &str, vol: &str, name: &str, snap: &str, age: &str| {
            json!({
                "id": id, "awsResourceId": vol, "regionCode": region, "status": "warning", "lastUpdatedAt": at,
                "metadata": {
                    "Region": region, "Volume ID": vol, "Volume Name": name, "Snapshot ID": snap,
                    "Snapshot Name": format!("{name}-daily"), "Snapshot Age": age, "Volume Attachment": "/dev/xvda",
                    "Status": "Yellow", "Reason": "The most recent volume snapshot is between 7 and 30 days old",
                },
            })
        };
        for r in [
            ebs_resource(
                "7787460d81289b6d85a392c462e3f22e596a225cf524140cd34d26ca4616173b",
                "ap-northeast-1",
                "vol-0123456789abcdef0",
                "acme-app-1-root",
                "snap-0fedcba9876543210",
                "12",
            ),
            ebs_resource(
                "15eb62d4f2a3908b4ace383fd2bf75ec946977912cb525b7f167dcc932c4951d",
                "us-east-1",
                "vol-0abcdef1234567890",
                "acme-batch-data",
                "snap-0123abcd4567ef890",
                "19",
            ),
        ] {
            self.put_resource_at(acct, TA_EBS_SNAPSHOTS_RECOMMENDATION, r, at)?;
        }

        let mut ec2 = rec(
            TA_LOW_UTILIZATION_EC2_RECOMMENDATION,
            TA_LOW_UTILIZATION_EC2_RECOMMENDATION_NAME,
            TA_LOW_UTILIZATION_EC2_CHECK,
            "cost_optimizing",
            "ec2",
            "warning",
            "Checks the Amazon Elastic Compute Cloud (Amazon EC2) instances that were running at any time during \
             the last 14 days and alerts you if the daily CPU utilization was 10% or less and network I/O was 5 MB \
             or less on 4 or more days.",
        );
        ec2["pillarSpecificAggregates"] =
            json!({"costOptimizing": {"estimatedMonthlySavings": 91.98, "estimatedPercentMonthlySavings": 7.5}});
        self.put_recommendation_at(acct, ec2, at)?;
        let ec2_resource = |id: &str, instance: &str, name: &str, kind: &str, savings: &str, cpu: &str| {
            json!({
                "id": id, "awsResourceId": instance, "regionCode": "ap-northeast-1", "status": "warning",
                "lastUpdatedAt": at,
                "metadata": {
                    "Region/AZ": "ap-northeast-1a", "Instance ID": instance, "Instance Name": name,
                    "Instance Type": kind, "Estimated Monthly Savings": savings,
                    "14-Day Average CPU Utilization": cpu, "14-Day Average Network I/O": "0.41MB",
                    "Number of Days Low Utilization": "14 days",
                },
            })
        };
        for r in [
            ec2_resource(
                "4ce1ed1dd5f7ee69097097e0c2b569b92c563ae7bea4d658078583c4c6bee907",
                "i-0a1b2c3d4e5f60718",
                "acme-staging-web-1",
                "m5.large",
                "$61.32",
                "1.8%",
            ),
            ec2_resource(
                "97e65742f68b3b41fe205972865edaba48eee190c83d13bdb82e26f11ca3f565",
                "i-0b2c3d4e5f6071829",
                "acme-staging-worker-1",
                "t3.large",
                "$30.66",
                "2.4%",
            ),
        ] {
            self.put_resource_at(acct, TA_LOW_UTILIZATION_EC2_RECOMMENDATION, r, at)?;
        }

        self.put_recommendation_at(
            acct,
            rec(
                TA_S3_PERMISSIONS_RECOMMENDATION,
                TA_S3_PERMISSIONS_RECOMMENDATION_NAME,
                TA_S3_PERMISSIONS_CHECK,
                "security",
                "s3",
                "ok",
                "Checks buckets in Amazon Simple Storage Service (Amazon S3) that have open access permissions, or \
                 that allow access to any authenticated AWS user.",
            ),
            at,
        )?;
        let bucket = |id: &str, name: &str| {
            json!({
                "id": id, "awsResourceId": name, "regionCode": "ap-northeast-1", "status": "ok", "lastUpdatedAt": at,
                "metadata": {
                    "Region": "ap-northeast-1", "Bucket Name": name, "ACL Allows List": "No",
                    "ACL Allows Upload/Delete": "No", "Status": "Green", "Policy Allows Access": "No",
                },
            })
        };
        for r in [
            bucket("cc8498ad89be3358d85b2a4995b94e8537dff511720c51978d599f7a7c01a02c", "acme-app-logs"),
            bucket("613ac8bfc2d5fe56359d74e594667603786e59b51623b955ba3e526c68414a06", "acme-backups"),
        ] {
            self.put_resource_at(acct, TA_S3_PERMISSIONS_RECOMMENDATION, r, at)?;
        }

        let mut rds = rec(
            TA_RDS_IDLE_RECOMMENDATION,
            TA_RDS_IDLE_RECOMMENDATION_NAME,
            TA_RDS_IDLE_CHECK,
            "cost_optimizing",
            "rds",
            "ok",
            "Checks the configuration of your Amazon Relational Database Service (Amazon RDS) for any database \
             (DB) instances that appear to be idle.",
        );
        rds["statusReason"] = json!("no_data_ok");
        self.put_recommendation_at(acct, rds, at)?;
        Ok(())
    }

    fn seed_second(&mut self) -> Result<(), TaError> {
        let acct = TA_SECOND_ACCOUNT;
        let at = SEED_UPDATED;
        let rec = |id: &str, name: &str, check: &str, pillar: &str, service: &str, status: &str| {
            json!({
                "id": id, "type": "standard", "status": status, "lifecycleStage": "in_progress",
                "pillars": [pillar], "source": "ta_check", "awsServices": [service], "name": name,
                "checkArn": check_arn(check), "createdAt": SEED_CREATED, "lastUpdatedAt": at,
                "description": format!("{name} (sandbox)"), "createdBy": "aws",
            })
        };
        let sg_rec =
            rec(TA_SECOND_SG_RECOMMENDATION, TA_SG_RECOMMENDATION_NAME, TA_SG_CHECK, "security", "ec2", "error");
        self.put_recommendation_at(acct, sg_rec, at)?;
        for (id, sg_id, port, status, colour) in [
            (
                "1a973a0059dc865b3f5bde6c95a0d2f5d68358cf90a8322c33122157c61c2cec",
                "sg-0d4e5f60718293a4b",
                "1433",
                "error",
                "Red",
            ),
            (
                "367867ae634b1b68fb38760ec2af45c394ce911ecf2057956a3b2c3df8b3eadb",
                "sg-0e5f60718293a4b5c",
                "22",
                "warning",
                "Yellow",
            ),
        ] {
            let r = json!({
                "id": id, "awsResourceId": sg_id, "regionCode": "us-east-1", "status": status, "lastUpdatedAt": at,
                "metadata": {
                    "Region": "us-east-1", "Security Group Name": format!("{sg_id}-name"), "Security Group ID": sg_id,
                    "Protocol": "tcp", "From Port": port, "To Port": port, "Status": colour,
                },
            });
            self.put_resource_at(acct, TA_SECOND_SG_RECOMMENDATION, r, at)?;
        }
        let ebs = rec(
            TA_SECOND_EBS_SNAPSHOTS_RECOMMENDATION,
            TA_EBS_SNAPSHOTS_RECOMMENDATION_NAME,
            TA_EBS_SNAPSHOTS_CHECK,
            "fault_tolerance",
            "ebs",
            "warning",
        );
        self.put_recommendation_at(acct, ebs, at)?;
        let r = json!({
            "id": "b4adb178b7ea8fab037237fff5f8e50c79f8383ea22c13079ab1ea5a22a8b99e",
            "awsResourceId": "vol-0f1e2d3c4b5a69788", "regionCode": "us-east-1", "status": "warning",
            "lastUpdatedAt": at,
            "metadata": {
                "Region": "us-east-1", "Volume ID": "vol-0f1e2d3c4b5a69788", "Volume Name": "ledger-data",
                "Snapshot ID": "snap-0a9b8c7d6e5f40312", "Snapshot Name": "ledger-data-weekly", "Snapshot Age": "9",
                "Volume Attachment": "/dev/sdf", "Status": "Yellow",
                "Reason": "The most recent volume snapshot is between 7 and 30 days old",
            },
        });
        self.put_resource_at(acct, TA_SECOND_EBS_SNAPSHOTS_RECOMMENDATION, r, at)?;
        Ok(())
    }

    /// Whether `account` has Business support: the one plan flag both the Trusted Advisor
    /// API and the Support API (`support.rs`) are gated by.
    pub(crate) fn business(&self, account: &str) -> bool {
        self.accounts.get(account).is_none_or(|a| a.business)
    }

    /// `account`'s checks, in the order their first recommendation was created; a
    /// recommendation without a `checkArn` (or with one that has no `/`-separated tail)
    /// names none.
    pub(crate) fn checks(&self, account: &str) -> Vec<Check<'_>> {
        let mut checks: Vec<Check> = Vec::new();
        for rec in self.accounts.get(account).map_or(&[][..], |a| &a.recs[..]) {
            let Some(arn) = rec.value["checkArn"].as_str() else { continue };
            let id = arn.rsplit('/').next().unwrap_or("");
            if id.is_empty() || id == arn || checks.iter().any(|c| c.id == id) {
                continue;
            }
            let mut headers: Vec<&str> = Vec::new();
            for key in rec.resources.iter().filter_map(|r| r["metadata"].as_object()).flat_map(|m| m.keys()) {
                if !headers.contains(&key.as_str()) {
                    headers.push(key);
                }
            }
            checks.push(Check { id, arn, rec: &rec.value, resources: &rec.resources, headers });
        }
        checks
    }

    pub fn set_support(&mut self, account: &str, business: bool) {
        self.accounts.entry(account.to_string()).or_default().business = business;
    }

    fn rec_mut(&mut self, account: &str, rec_id: &str) -> Result<&mut Rec, TaError> {
        let found = self.accounts.get_mut(account).and_then(|a| a.recs.iter_mut().find(|r| r.id() == rec_id));
        found.ok_or_else(|| TaError::NotFound(format!("recommendation `{rec_id}` in account {account}")))
    }

    fn fresh_id(&mut self) -> u64 {
        self.unnamed += 1;
        self.unnamed
    }

    pub fn put_recommendation(&mut self, account: &str, rec: Value) -> Result<String, TaError> {
        self.put_recommendation_at(account, rec, &now())
    }

    fn put_recommendation_at(&mut self, account: &str, rec: Value, at: &str) -> Result<String, TaError> {
        let mut fields = object(rec, "recommendation")?;
        let id = match given_id(&fields)? {
            Some(id) => id,
            None => format!("5a4db0c5-0000-4000-8000-{:012x}", self.fresh_id()),
        };
        let explicit = fields.contains_key("status");
        fields.remove("resourcesAggregates");
        let arn = ta_recommendation_arn(account, &id);
        let acct = self.accounts.entry(account.to_string()).or_default();
        let rec = match acct.recs.iter().position(|r| r.id() == id) {
            Some(i) => &mut acct.recs[i],
            None => {
                let value = json!({"id": id, "createdAt": at});
                acct.recs.push(Rec { value, resources: Vec::new(), explicit_status: false });
                acct.recs.last_mut().expect("just pushed")
            }
        };
        merge(&mut rec.value, fields);
        fill(
            &mut rec.value,
            json!({
                "type": "standard", "status": "ok", "pillars": ["security"], "source": "ta_check",
                "awsServices": [], "name": format!("Sandbox recommendation {id}"), "lastUpdatedAt": at,
                "description": "A recommendation put into the sandbox.",
            }),
        );
        rec.value["id"] = json!(id);
        rec.value["arn"] = json!(arn);
        rec.explicit_status |= explicit;
        rec.aggregate();
        Ok(id)
    }

    pub fn set_status(&mut self, account: &str, rec_id: &str, status: &str) -> Result<(), TaError> {
        let rec = self.rec_mut(account, rec_id)?;
        rec.value["status"] = json!(status);
        if status != "ok"
            && let Value::Object(m) = &mut rec.value
        {
            m.remove("statusReason");
        }
        rec.explicit_status = true;
        rec.value["lastUpdatedAt"] = json!(now());
        Ok(())
    }

    pub fn set_lifecycle(&mut self, account: &str, rec_id: &str, stage: &str) -> Result<(), TaError> {
        let rec = self.rec_mut(account, rec_id)?;
        let at = now();
        rec.value["lifecycleStage"] = json!(stage);
        if stage == "resolved" {
            rec.value["resolvedAt"] = json!(at);
        }
        rec.value["lastUpdatedAt"] = json!(at);
        Ok(())
    }

    pub fn put_resource(&mut self, account: &str, rec_id: &str, resource: Value) -> Result<String, TaError> {
        self.put_resource_at(account, rec_id, resource, &now())
    }

    fn put_resource_at(&mut self, account: &str, rec_id: &str, resource: Value, at: &str) -> Result<String, TaError> {
        let fields = object(resource, "resource")?;
        self.rec_mut(account, rec_id)?;
        let id = match given_id(&fields)? {
            Some(id) => id,
            None => format!("{:064x}", (0x5a4d_b0c5_u64 << 32) | self.fresh_id()),
        };
        let rec = self.rec_mut(account, rec_id)?;
        let rec_arn = rec.value["arn"].clone();
        let arn = resource_arn(account, rec_id, &id);
        let resource = match rec.resources.iter().position(|r| id_of(r) == id) {
            Some(i) => &mut rec.resources[i],
            None => {
                rec.resources.push(json!({"id": id}));
                rec.resources.last_mut().expect("just pushed")
            }
        };
        let given_stamp = fields.contains_key("lastUpdatedAt");
        merge(resource, fields);
        fill(
            resource,
            json!({
                "awsResourceId": id, "regionCode": "us-east-1", "status": "warning", "metadata": {},
                "exclusionStatus": "included",
            }),
        );
        if !given_stamp {
            resource["lastUpdatedAt"] = json!(at);
        }
        resource["id"] = json!(id);
        resource["arn"] = json!(arn);
        resource["recommendationArn"] = rec_arn;
        rec.resources_changed(at);
        Ok(id)
    }

    pub fn remove_resource(&mut self, account: &str, rec_id: &str, resource_id: &str) -> Result<(), TaError> {
        let rec = self.rec_mut(account, rec_id)?;
        let i = rec.resources.iter().position(|r| id_of(r) == resource_id).ok_or_else(|| {
            TaError::NotFound(format!("resource `{resource_id}` of recommendation `{rec_id}` in account {account}"))
        })?;
        rec.resources.remove(i);
        rec.resources_changed(&now());
        Ok(())
    }

    /// See [`Sandbox::ta_generate`].
    pub fn generate(&mut self, account: &str, recommendations: usize, resources_each: usize) -> Result<(), TaError> {
        if recommendations > 100_000 || resources_each > 100_000 {
            return Err(TaError::Invalid("at most 100000 recommendations, and resources each".into()));
        }
        let services = ["ec2", "s3", "iam", "rds", "ebs", "lambda"];
        let acct = self.accounts.entry(account.to_string()).or_default();
        // Only ids generated before can clash: new ones skip the search.
        let had_generated = acct.recs.iter().any(|r| r.id().starts_with("6e6e0000-"));
        for i in 0..recommendations {
            let id = format!("6e6e0000-0000-4000-8000-{i:012x}");
            let status = ["error", "warning", "ok"][i % 3];
            let pillar = PILLARS[i % PILLARS.len()];
            let arn = ta_recommendation_arn(account, &id);
            let mut value = json!({
                "id": id, "type": "standard", "status": status, "lifecycleStage": "in_progress",
                "pillars": [pillar], "source": "ta_check", "awsServices": [services[i % services.len()]],
                "name": format!("Generated check {i}"), "checkArn": check_arn(&format!("gen{i:07}")), "arn": arn,
                "createdAt": SEED_CREATED, "lastUpdatedAt": SEED_UPDATED,
                "description": format!("Generated recommendation {i} for paging tests."), "createdBy": "aws",
            });
            if pillar == "cost_optimizing" {
                value["pillarSpecificAggregates"] = json!({"costOptimizing": {
                    "estimatedMonthlySavings": 10.0 * resources_each as f64, "estimatedPercentMonthlySavings": 1.5,
                }});
            }
            let resources = (0..resources_each)
                .map(|j| {
                    // An error recommendation has one error resource, the rest warnings.
                    let rs = match status {
                        "error" if j > 0 => "warning",
                        s => s,
                    };
                    let rid = format!("{i:032x}{j:032x}");
                    json!({
                        "id": rid, "arn": resource_arn(account, &id, &rid), "awsResourceId": format!("gen-{i}-{j}"),
                        "regionCode": "us-east-1", "status": rs, "metadata": {"Region": "us-east-1", "Status": rs},
                        "lastUpdatedAt": SEED_UPDATED, "recommendationArn": arn, "exclusionStatus": "included",
                    })
                })
                .collect();
            let mut rec = Rec { value, resources, explicit_status: resources_each == 0 };
            rec.aggregate();
            match had_generated.then(|| acct.recs.iter_mut().find(|r| r.id() == id)).flatten() {
                Some(existing) => *existing = rec,
                None => acct.recs.push(rec),
            }
        }
        Ok(())
    }

    pub fn recommendations(&self, account: &str) -> Vec<Value> {
        self.accounts.get(account).map_or_else(Vec::new, |a| a.recs.iter().map(|r| r.value.clone()).collect())
    }

    pub fn resources(&self, account: &str, rec_id: &str) -> Result<Vec<Value>, TaError> {
        let rec = self.accounts.get(account).and_then(|a| a.rec(rec_id));
        let rec = rec.ok_or_else(|| TaError::NotFound(format!("recommendation `{rec_id}` in account {account}")))?;
        Ok(rec.resources.clone())
    }

    fn dump(&self) -> Value {
        let accounts: Map<String, Value> = self
            .accounts
            .iter()
            .map(|(id, a)| {
                let resources: Map<String, Value> =
                    a.recs.iter().map(|r| (r.id().to_string(), Value::Array(r.resources.clone()))).collect();
                let recs: Vec<Value> = a.recs.iter().map(|r| r.value.clone()).collect();
                (id.clone(), json!({"business": a.business, "recommendations": recs, "resources": resources}))
            })
            .collect();
        json!({"accounts": accounts})
    }
}

fn validation(message: &str) -> Reply {
    aws::rest_error(400, "ValidationException", message)
}

fn not_found(identifier: &str) -> Reply {
    aws::rest_error(404, "ResourceNotFoundException", &format!("Recommendation {identifier} not found"))
}

/// A query enum value, checked against the model's set.
fn enum_param<'c>(call: &'c RestCall, name: &str, allowed: &[&str]) -> Result<Option<&'c str>, Reply> {
    match call.query(name) {
        Some(v) if !allowed.contains(&v) => {
            let constraint = format!("Member must satisfy enum value set: [{}]", allowed.join(", "));
            Err(validation(&aws::constraint_message(v, name, &constraint)))
        }
        v => Ok(v),
    }
}

fn max_results(call: &RestCall, max: i64) -> Result<i64, Reply> {
    let Some(raw) = call.query("maxResults") else { return Ok(DEFAULT_PAGE) };
    let n: i64 = raw.parse().map_err(|_| validation(&format!("Invalid value for maxResults: '{raw}'")))?;
    if n < 1 {
        let c = "Member must have value greater than or equal to 1";
        return Err(validation(&aws::constraint_message(raw, "maxResults", c)));
    }
    if n > max {
        let c = format!("Member must have value less than or equal to {max}");
        return Err(validation(&aws::constraint_message(raw, "maxResults", &c)));
    }
    Ok(n)
}

fn timestamp_param(call: &RestCall, name: &str) -> Result<Option<jiff::Timestamp>, Reply> {
    match call.query(name) {
        None => Ok(None),
        Some(raw) => raw.parse().map(Some).map_err(|_| validation(&format!("Invalid value for {name}: '{raw}'"))),
    }
}

fn updated_at(v: &Value) -> Option<jiff::Timestamp> {
    v["lastUpdatedAt"].as_str()?.parse().ok()
}

fn paged(list: &str, items: Vec<Value>, next: Option<String>) -> Reply {
    let mut out = Map::new();
    out.insert(list.to_string(), Value::Array(items));
    if let Some(token) = next {
        out.insert("nextToken".into(), json!(token));
    }
    aws::rest_reply(&Value::Object(out))
}

enum Op<'a> {
    ListChecks,
    ListRecommendations,
    GetRecommendation(&'a str),
    ListRecommendationResources(&'a str),
}

/// A request under [`PATH_PREFIX`].
pub(crate) fn handle(shared: &Shared, rec: &Recorded) -> Reply {
    let call = match RestCall::authenticate(rec) {
        Ok(c) => c,
        Err(reply) => return reply,
    };
    let segments: Vec<&str> = call.segments.iter().map(String::as_str).collect();
    let op = match (call.method(), &segments[..]) {
        ("GET", ["v1", "checks"]) => Op::ListChecks,
        ("GET", ["v1", "recommendations"]) => Op::ListRecommendations,
        ("GET", ["v1", "recommendations", id]) => Op::GetRecommendation(id),
        ("GET", ["v1", "recommendations", id, "resources"]) => Op::ListRecommendationResources(id),
        _ => return aws::rest_unknown_operation(rec),
    };
    let ta = lock(&shared.ta);
    let account = call.caller.account.as_str();
    if !ta.business(account) {
        return aws::rest_error(403, "AccessDeniedException", TA_ACCESS_DENIED_MESSAGE);
    }
    let answer = match op {
        Op::ListChecks => list_checks(&ta, &call),
        Op::ListRecommendations => list_recommendations(&ta, &call),
        Op::GetRecommendation(identifier) => get_recommendation(&ta, &call, identifier),
        Op::ListRecommendationResources(identifier) => list_recommendation_resources(&ta, &call, identifier),
    };
    answer.unwrap_or_else(|e| e)
}

/// The caller's recommendation that `identifier` (its ARN) names.
fn find<'t>(ta: &'t Ta, call: &RestCall, identifier: &str) -> Result<&'t Rec, Reply> {
    let account = ta.accounts.get(&call.caller.account);
    let rec = account.and_then(|a| a.recs.iter().find(|r| r.value["arn"] == identifier));
    rec.ok_or_else(|| not_found(identifier))
}

/// A `CheckSummary`: the check's fields from its recommendation, `metadata` its column
/// headers keyed by position (`{"0": "Region", "1": ...}`).
fn check_summary(check: &Check) -> Value {
    let metadata: Map<String, Value> =
        check.headers.iter().enumerate().map(|(i, h)| (i.to_string(), json!(h))).collect();
    let v = check.rec;
    json!({
        "id": check.id, "arn": check.arn, "name": v["name"], "description": v["description"],
        "pillars": v["pillars"], "awsServices": v["awsServices"], "source": v["source"], "metadata": metadata,
    })
}

fn list_checks(ta: &Ta, call: &RestCall) -> Result<Reply, Reply> {
    let pillar = enum_param(call, "pillar", PILLARS)?;
    let source = enum_param(call, "source", SOURCES)?;
    enum_param(call, "language", LANGUAGES)?;
    let service = call.query("awsService");
    let max = max_results(call, CHECKS_MAX)?;
    let has = |v: &Value, list: &str, item: &str| v[list].as_array().is_some_and(|a| a.iter().any(|x| x == item));
    let wanted = |c: &&Check| {
        pillar.is_none_or(|p| has(c.rec, "pillars", p))
            && source.is_none_or(|s| c.rec["source"] == s)
            && service.is_none_or(|s| has(c.rec, "awsServices", s))
    };
    let items = ta.checks(&call.caller.account).iter().filter(wanted).map(check_summary).collect();
    let (page, next) = aws::page(items, Some(max), call.query("nextToken"), max as usize, validation)?;
    Ok(paged("checkSummaries", page, next))
}

fn list_recommendations(ta: &Ta, call: &RestCall) -> Result<Reply, Reply> {
    let status = enum_param(call, "status", STATUSES)?;
    let pillar = enum_param(call, "pillar", PILLARS)?;
    let kind = enum_param(call, "type", TYPES)?;
    let source = enum_param(call, "source", SOURCES)?;
    enum_param(call, "language", LANGUAGES)?;
    let service = call.query("awsService");
    let check = call.query("checkIdentifier");
    let after = timestamp_param(call, "afterLastUpdatedAt")?;
    let before = timestamp_param(call, "beforeLastUpdatedAt")?;
    let max = max_results(call, RECOMMENDATIONS_MAX)?;
    let has = |v: &Value, list: &str, item: &str| v[list].as_array().is_some_and(|a| a.iter().any(|x| x == item));
    let wanted = |r: &&Rec| {
        let v = &r.value;
        status.is_none_or(|s| v["status"] == s)
            && pillar.is_none_or(|p| has(v, "pillars", p))
            && kind.is_none_or(|t| v["type"] == t)
            && source.is_none_or(|s| v["source"] == s)
            && service.is_none_or(|s| has(v, "awsServices", s))
            && check.is_none_or(|c| v["checkArn"] == c || v["checkArn"].as_str() == Some(&check_arn(c)))
            && after.is_none_or(|t| updated_at(v).is_some_and(|u| u >= t))
            && before.is_none_or(|t| updated_at(v).is_some_and(|u| u <= t))
    };
    let recs = ta.accounts.get(&call.caller.account).map_or(&[][..], |a| &a.recs[..]);
    let items = recs.iter().filter(wanted).map(Rec::summary).collect();
    let (page, next) = aws::page(items, Some(max), call.query("nextToken"), max as usize, validation)?;
    Ok(paged("recommendationSummaries", page, next))
}

fn get_recommendation(ta: &Ta, call: &RestCall, identifier: &str) -> Result<Reply, Reply> {
    enum_param(call, "language", LANGUAGES)?;
    let rec = find(ta, call, identifier)?;
    Ok(aws::rest_reply(&json!({"recommendation": rec.value})))
}

fn list_recommendation_resources(ta: &Ta, call: &RestCall, identifier: &str) -> Result<Reply, Reply> {
    let status = enum_param(call, "status", STATUSES)?;
    let exclusion = enum_param(call, "exclusionStatus", EXCLUSION_STATUSES)?;
    enum_param(call, "language", LANGUAGES)?;
    let region = call.query("regionCode");
    let max = max_results(call, RESOURCES_MAX)?;
    let rec = find(ta, call, identifier)?;
    let wanted = |r: &&Value| {
        status.is_none_or(|s| r["status"] == s)
            && exclusion.is_none_or(|e| r["exclusionStatus"] == e)
            && region.is_none_or(|g| r["regionCode"] == g)
    };
    let items = rec.resources.iter().filter(wanted).cloned().collect();
    let (page, next) = aws::page(items, Some(max), call.query("nextToken"), max as usize, validation)?;
    Ok(paged("recommendationResourceSummaries", page, next))
}

/// One change through `POST /_sandbox/ta` (see the control-plane list in mod.rs).
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    SetSupport { account: String, business: bool },
    PutRecommendation { account: String, recommendation: Value },
    SetStatus { account: String, recommendation_id: String, status: String },
    PutResource { account: String, recommendation_id: String, resource: Value },
    RemoveResource { account: String, recommendation_id: String, resource_id: String },
    SetLifecycle { account: String, recommendation_id: String, stage: String },
    Generate { account: String, recommendations: usize, resources_each: usize },
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let action = match serde_json::from_slice::<Action>(body) {
        Ok(a) => a,
        Err(e) => return Reply::text(400, &format!("invalid ta action: {e}")),
    };
    let mut ta = lock(&shared.ta);
    let done = match action {
        Action::SetSupport { account, business } => {
            ta.set_support(&account, business);
            Ok(None)
        }
        Action::PutRecommendation { account, recommendation } => {
            ta.put_recommendation(&account, recommendation).map(Some)
        }
        Action::SetStatus { account, recommendation_id, status } => {
            ta.set_status(&account, &recommendation_id, &status).map(|_| None)
        }
        Action::PutResource { account, recommendation_id, resource } => {
            ta.put_resource(&account, &recommendation_id, resource).map(Some)
        }
        Action::RemoveResource { account, recommendation_id, resource_id } => {
            ta.remove_resource(&account, &recommendation_id, &resource_id).map(|_| None)
        }
        Action::SetLifecycle { account, recommendation_id, stage } => {
            ta.set_lifecycle(&account, &recommendation_id, &stage).map(|_| None)
        }
        Action::Generate { account, recommendations, resources_each } => {
            ta.generate(&account, recommendations, resources_each).map(|_| None)
        }
    };
    match done {
        Ok(None) => Reply::json(200, &json!({"ok": true})),
        Ok(Some(id)) => Reply::json(200, &json!({"ok": true, "id": id})),
        Err(e @ TaError::NotFound(_)) => Reply::text(404, &e.to_string()),
        Err(e) => Reply::text(400, &e.to_string()),
    }
}

pub(crate) fn control_state(shared: &Shared) -> Reply {
    Reply::json(200, &lock(&shared.ta).dump())
}

/// Trusted Advisor state for in-process tests and the demo; `POST /_sandbox/ta` does the
/// same from another process. The rules the changes follow are in the `ta` module doc.
impl Sandbox {
    /// Give `account` Business support (`true`) or none (`false`: every Trusted Advisor call
    /// is 403 `AccessDeniedException`, every Support API call 400
    /// `SubscriptionRequiredException`). Unknown accounts have it.
    pub fn ta_set_support(&self, account: &str, business: bool) {
        lock(&self.shared.ta).set_support(account, business);
    }

    /// Create or update (by `id`) a recommendation of `account`: the given top-level fields
    /// replace the stored ones. A new one gets the required fields it lacks (`standard`,
    /// `ok`, security, `ta_check`, a name and description, `createdAt`/`lastUpdatedAt` now)
    /// and, without an `id`, a fresh one. `arn` and `resourcesAggregates` are always set by
    /// the sandbox. Returns the id.
    pub fn ta_put_recommendation(&self, account: &str, rec: Value) -> Result<String, TaError> {
        lock(&self.shared.ta).put_recommendation(account, rec)
    }

    /// The recommendation-level status, any string (the SDK reads one it does not know as
    /// `Unknown(_)`). It holds until the resources change.
    pub fn ta_set_status(&self, account: &str, rec_id: &str, status: &str) -> Result<(), TaError> {
        lock(&self.shared.ta).set_status(account, rec_id, status)
    }

    /// Create or update (by `id`) a resource of a recommendation; a new one defaults to
    /// `warning`, `included`, region us-east-1, `awsResourceId` = its id. `arn` and
    /// `recommendationArn` are set by the sandbox; the recommendation's aggregates and
    /// status follow. Returns the id.
    pub fn ta_put_resource(&self, account: &str, rec_id: &str, resource: Value) -> Result<String, TaError> {
        lock(&self.shared.ta).put_resource(account, rec_id, resource)
    }

    pub fn ta_remove_resource(&self, account: &str, rec_id: &str, resource_id: &str) -> Result<(), TaError> {
        lock(&self.shared.ta).remove_resource(account, rec_id, resource_id)
    }

    /// `in_progress`, `pending_response`, `dismissed`, `resolved` or any other string;
    /// `resolved` also stamps `resolvedAt`.
    pub fn ta_set_lifecycle(&self, account: &str, rec_id: &str, stage: &str) -> Result<(), TaError> {
        lock(&self.shared.ta).set_lifecycle(account, rec_id, stage)
    }

    /// `recommendations` recommendations with `resources_each` included resources each, for
    /// paging tests and benchmarks. Statuses cycle `error`, `warning`, `ok` (an error one has
    /// one error resource and warnings; the others' resources share their status), pillars
    /// cycle through all six. Ids are `6e6e0000-0000-4000-8000-<n as 12 hex digits>` (so the
    /// same in every account) and resource ids `<n><m>` as 32 hex digits each; generating
    /// again resets them.
    pub fn ta_generate(&self, account: &str, recommendations: usize, resources_each: usize) -> Result<(), TaError> {
        lock(&self.shared.ta).generate(account, recommendations, resources_each)
    }

    /// `account`'s recommendations as GetRecommendation answers them, in creation order.
    pub fn ta_recommendations(&self, account: &str) -> Vec<Value> {
        lock(&self.shared.ta).recommendations(account)
    }

    /// One recommendation's resources as ListRecommendationResources answers them.
    pub fn ta_resources(&self, account: &str, rec_id: &str) -> Result<Vec<Value>, TaError> {
        lock(&self.shared.ta).resources(account, rec_id)
    }
}
