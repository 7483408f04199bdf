//! The Support API's cases and their communications, per account: the data behind
//! DescribeCases, DescribeCommunications, CreateCase, AddCommunicationToCase and ResolveCase
//! (the wire side is in `support.rs`), the seed, and the changes tests and the demo make
//! ([`Sandbox::support_add_case`] and friends, or `POST /_sandbox/support`).
//!
//! A case is kept as the `CaseDetails` object DescribeCases answers (without
//! `recentCommunications`, which is computed), each communication as the `Communication`
//! object DescribeCommunications answers, so a test can store a value the SDK does not know.
//! Times are ISO-8601 strings with milliseconds (`2026-11-20T09:15:00.000Z`), the form the
//! AWS CLI examples show. Where AWS is not documented we choose, and say so:
//! - Cases are listed newest `timeCreated` first, communications newest `timeCreated` first;
//!   of two with the same time, the one added later counts as newer.
//! - A case id is `case-<account>-<year created>-<16 hex>`, unique across accounts; a case
//!   of another account is "not found" for the caller. Display ids are numeric strings.
//! - Customer-side text is submitted by [`SUPPORT_CUSTOMER_SUBMITTER`] (the case's
//!   `submittedBy` is the bare [`SUPPORT_CUSTOMER_EMAIL`]); AWS-side by
//!   [`SUPPORT_AWS_SUBMITTER`], with no e-mail address, as the API reference says.

use super::{Reply, Sandbox, Shared, lock};
use jiff::Timestamp;
use serde_json::{Map, Value, json};
use sha2::Digest as _;
use std::collections::BTreeMap;

/// The account with the seeded cases (the Trusted Advisor and Direct Connect demo account).
pub const SUPPORT_DEMO_ACCOUNT: &str = "111122223333";
/// `submittedBy` of a communication from AWS Support.
pub const SUPPORT_AWS_SUBMITTER: &str = "Amazon Web Services";
/// `submittedBy` of the customer's communications (CreateCase and AddCommunicationToCase
/// too: the sandbox does not know the caller's IAM identity).
pub const SUPPORT_CUSTOMER_SUBMITTER: &str = "AdminRole (Role) <ops@example.com>";
/// A case's `submittedBy`: the e-mail of the submitting account.
pub const SUPPORT_CUSTOMER_EMAIL: &str = "ops@example.com";

/// Open, `pending-customer-action`, severity `normal`: the customer's request, then AWS
/// asking for details (two communications).
pub const SUPPORT_LIMIT_CASE: &str = "case-111122223333-2026-3f1a9c2e7b4d5a60";
pub const SUPPORT_LIMIT_CASE_DISPLAY_ID: &str = "17731140501";
pub const SUPPORT_LIMIT_CASE_SUBJECT: &str = "Service limit increase: EC2 vCPU in ap-northeast-1";
/// Open, `work-in-progress`, severity `high`: the customer's report (with an attachment),
/// then AWS's acknowledgement (two communications).
pub const SUPPORT_DX_CASE: &str = "case-111122223333-2026-8b0e4d7c1a2f9e35";
pub const SUPPORT_DX_CASE_DISPLAY_ID: &str = "17731262840";
pub const SUPPORT_DX_CASE_SUBJECT: &str = "Direct Connect VIF flapping in Tokyo";
/// Open, `opened`, severity `low`: the customer's question only.
pub const SUPPORT_BILLING_CASE: &str = "case-111122223333-2026-c5d27a9e0f4b6183";
pub const SUPPORT_BILLING_CASE_DISPLAY_ID: &str = "17731309977";
pub const SUPPORT_BILLING_CASE_SUBJECT: &str = "Unexpected NAT Gateway charges in October";
/// `resolved`, severity `low`, three communications: only listed with `includeResolvedCases`.
pub const SUPPORT_RESOLVED_CASE: &str = "case-111122223333-2026-1e7f3b5d9a0c2468";
pub const SUPPORT_RESOLVED_CASE_DISPLAY_ID: &str = "17730583312";
pub const SUPPORT_RESOLVED_CASE_SUBJECT: &str = "Cannot delete S3 bucket: AccessDenied";

/// The status of a closed case: DescribeCases lists it only with `includeResolvedCases`.
pub(crate) const RESOLVED: &str = "resolved";

/// The first display id handed out to a case created without one.
const FIRST_DISPLAY_ID: u64 = 17_750_000_001;

/// Why a Support change could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SupportError {
    #[error("no Support case {0} in the sandbox")]
    NotFound(String),
    #[error("invalid Support change: {0}")]
    Invalid(String),
}

/// `2026-11-20T09:15:00.000Z`.
pub(crate) fn iso_millis(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// An ISO-8601 time: RFC 3339 (any offset, any fraction) or a bare date (midnight UTC).
pub(crate) fn parse_time(s: &str) -> Option<Timestamp> {
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t);
    }
    s.parse::<jiff::civil::Date>().ok()?.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
}

fn hex16(seed: &str) -> String {
    hex::encode(&sha2::Sha256::digest(seed.as_bytes())[..8])
}

pub(crate) struct Comm {
    pub at: Timestamp,
    pub value: Value,
}

pub(crate) struct Case {
    pub at: Timestamp,
    /// `CaseDetails` without `recentCommunications`.
    pub value: Value,
    /// Oldest first.
    comms: Vec<Comm>,
}

impl Case {
    pub fn id(&self) -> &str {
        self.value["caseId"].as_str().unwrap_or("")
    }

    pub fn status(&self) -> &str {
        self.value["status"].as_str().unwrap_or("")
    }

    pub fn set_status(&mut self, status: &str) {
        self.value["status"] = json!(status);
    }

    pub fn newest_first(&self) -> impl Iterator<Item = &Comm> {
        self.comms.iter().rev()
    }

    fn push(&mut self, at: Timestamp, value: Value) {
        let i = self.comms.partition_point(|c| c.at <= at);
        self.comms.insert(i, Comm { at, value });
    }

    /// A new communication; `attachments` are file names.
    pub fn add(&mut self, submitted_by: &str, body: &str, at: Timestamp, attachments: &[&str]) {
        let seq = self.comms.len();
        let set: Vec<Value> = attachments
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let id = hex16(&format!("{}/{seq}/{i}/{name}", self.id()));
                json!({"attachmentId": format!("attachment-{id}"), "fileName": name})
            })
            .collect();
        let value = json!({
            "caseId": self.id(), "body": body, "submittedBy": submitted_by, "timeCreated": iso_millis(at),
            "attachmentSet": set,
        });
        self.push(at, value);
    }
}

#[derive(Default)]
pub(crate) struct Cases {
    /// Per account, oldest `timeCreated` first.
    accounts: BTreeMap<String, Vec<Case>>,
    next_display: u64,
}

/// One seeded communication: seconds after the case was created, customer or AWS, body,
/// attachment file names.
type SeedComm = (i64, bool, &'static str, &'static [&'static str]);

/// One seeded case: id, display id, subject, status, service, category, severity, created.
type SeedCase = ([&'static str; 8], &'static [SeedComm]);

impl Cases {
    /// See the `SUPPORT_*_CASE` consts.
    pub fn seeded() -> Cases {
        let mut cases = Cases { accounts: BTreeMap::new(), next_display: FIRST_DISPLAY_ID };
        let seeds: [SeedCase; 4] = [
            (
                [
                    SUPPORT_RESOLVED_CASE,
                    SUPPORT_RESOLVED_CASE_DISPLAY_ID,
                    SUPPORT_RESOLVED_CASE_SUBJECT,
                    RESOLVED,
                    "amazon-simple-storage-service",
                    "general-guidance",
                    "low",
                    "2026-11-03T04:20:00.000Z",
                ],
                &[
                    (0, true, "DeleteBucket on acme-old-logs fails with AccessDenied although we are admin.", &[]),
                    (
                        5_400,
                        false,
                        "Hello,\n\nThe bucket policy denies s3:DeleteBucket to every principal. Remove that \
                         statement (as the root user if needed), then delete the bucket.\n\nBest regards,\nAWS Support",
                        &[],
                    ),
                    (86_400, true, "That was it, the bucket is gone. Thank you, please close the case.", &[]),
                ],
            ),
            (
                [
                    SUPPORT_LIMIT_CASE,
                    SUPPORT_LIMIT_CASE_DISPLAY_ID,
                    SUPPORT_LIMIT_CASE_SUBJECT,
                    "pending-customer-action",
                    "service-limit-increase",
                    "ec2-instances",
                    "normal",
                    "2026-11-18T02:40:00.000Z",
                ],
                &[
                    (
                        0,
                        true,
                        "Limit increase request 1\nService: EC2 Instances\nRegion: Asia Pacific (Tokyo)\n\
                         Primary Instance Type: All Standard (A, C, D, H, I, M, R, T, Z) instances\n\
                         Limit name: Running On-Demand Standard instances (vCPUs)\nNew limit value: 512\n\
                         Use case description: batch capacity for the year-end close.",
                        &[],
                    ),
                    (
                        95_551,
                        false,
                        "Hello,\n\nThank you for your request. To process it, please tell us the instance types \
                         you plan to run, the expected peak vCPU usage and how long you need the capacity.\n\n\
                         We look forward to your reply.\n\nBest regards,\nAWS Support",
                        &[],
                    ),
                ],
            ),
            (
                [
                    SUPPORT_DX_CASE,
                    SUPPORT_DX_CASE_DISPLAY_ID,
                    SUPPORT_DX_CASE_SUBJECT,
                    "work-in-progress",
                    "aws-direct-connect",
                    "connectivity",
                    "high",
                    "2026-11-20T09:15:00.000Z",
                ],
                &[
                    (
                        0,
                        true,
                        "The BGP session of private VIF dxvif-fgpv5678 (acme-tokyo-private-1) on dxcon-fgeq1tky \
                         has gone down and up 14 times since 07:50 UTC. Router logs attached.",
                        &["bgp-flaps-2026-11-20.log"],
                    ),
                    (
                        1_932,
                        false,
                        "Hello,\n\nWe have received your case and an engineer is checking the port and the \
                         cross-connect at the Tokyo location. We will update you within 2 hours.\n\n\
                         Best regards,\nAWS Support",
                        &[],
                    ),
                ],
            ),
            (
                [
                    SUPPORT_BILLING_CASE,
                    SUPPORT_BILLING_CASE_DISPLAY_ID,
                    SUPPORT_BILLING_CASE_SUBJECT,
                    "opened",
                    "billing",
                    "other-billing-questions",
                    "low",
                    "2026-11-21T01:05:00.000Z",
                ],
                &[(
                    0,
                    true,
                    "Our October bill shows 41,000 GB of NAT Gateway data processing in ap-northeast-1. We \
                     expected a tenth of that. Can you break it down by gateway?",
                    &[],
                )],
            ),
        ];
        for ([id, display, subject, status, service, category, severity, created], comms) in seeds {
            let cc: &[&str] = if id == SUPPORT_DX_CASE { &["netops@example.com"] } else { &[] };
            let case = json!({
                "caseId": id, "displayId": display, "subject": subject, "status": status,
                "serviceCode": service, "categoryCode": category, "severityCode": severity,
                "timeCreated": created, "ccEmailAddresses": cc,
            });
            let at = parse_time(created).expect("a seed time");
            let added = cases.add_case(SUPPORT_DEMO_ACCOUNT, case).expect("a seed case");
            let case = cases.find_mut(&added).expect("just added");
            for &(after, customer, body, files) in comms {
                let by = if customer { SUPPORT_CUSTOMER_SUBMITTER } else { SUPPORT_AWS_SUBMITTER };
                case.add(by, body, at + jiff::SignedDuration::from_secs(after), files);
            }
        }
        cases
    }

    /// `account`'s cases, newest first.
    pub fn newest_first(&self, account: &str) -> impl Iterator<Item = &Case> {
        self.accounts.get(account).into_iter().flat_map(|c| c.iter().rev())
    }

    /// The case `id` of `account`.
    pub fn find(&self, account: &str, id: &str) -> Option<&Case> {
        self.accounts.get(account)?.iter().find(|c| c.id() == id)
    }

    pub fn find_in_mut(&mut self, account: &str, id: &str) -> Option<&mut Case> {
        self.accounts.get_mut(account)?.iter_mut().find(|c| c.id() == id)
    }

    /// The case `id` of any account.
    fn find_mut(&mut self, id: &str) -> Option<&mut Case> {
        self.accounts.values_mut().flat_map(|c| c.iter_mut()).find(|c| c.id() == id)
    }

    fn exists(&self, id: &str) -> bool {
        self.accounts.values().flatten().any(|c| c.id() == id)
    }

    fn insert(&mut self, account: &str, case: Case) {
        let list = self.accounts.entry(account.to_string()).or_default();
        let i = list.partition_point(|c| c.at <= case.at);
        list.insert(i, case);
    }

    fn next_display_id(&mut self) -> String {
        self.next_display = self.next_display.max(FIRST_DISPLAY_ID);
        let id = self.next_display;
        self.next_display += 1;
        id.to_string()
    }

    /// See [`Sandbox::support_add_case`].
    pub fn add_case(&mut self, account: &str, case: Value) -> Result<String, SupportError> {
        let Value::Object(mut m) = case else {
            return Err(SupportError::Invalid("a case must be a JSON object".into()));
        };
        let at = match m.get("timeCreated") {
            None | Some(Value::Null) => Timestamp::now(),
            Some(Value::String(s)) => {
                parse_time(s).ok_or_else(|| SupportError::Invalid(format!("unreadable timeCreated {s:?}")))?
            }
            Some(other) => return Err(SupportError::Invalid(format!("timeCreated must be a string, got {other}"))),
        };
        let display = match m.get("displayId") {
            None | Some(Value::Null) => self.next_display_id(),
            Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.clone(),
            Some(other) => return Err(SupportError::Invalid(format!("displayId must be digits, got {other}"))),
        };
        let id = match m.get("caseId") {
            None | Some(Value::Null) => {
                format!("case-{account}-{}-{}", at.strftime("%Y"), hex16(&format!("{account}/{display}")))
            }
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            Some(other) => {
                return Err(SupportError::Invalid(format!("caseId must be a non-empty string, got {other}")));
            }
        };
        if self.exists(&id) {
            return Err(SupportError::Invalid(format!("case {id} already exists")));
        }
        let comms = match m.remove("communications") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a,
            Some(other) => return Err(SupportError::Invalid(format!("communications must be a list, got {other}"))),
        };
        m.remove("recentCommunications");
        let defaults = json!({
            "subject": "Sandbox case", "status": "opened", "serviceCode": "general-info",
            "categoryCode": "using-aws", "severityCode": "low", "submittedBy": SUPPORT_CUSTOMER_EMAIL,
            "ccEmailAddresses": [], "language": "en",
        });
        if let Value::Object(d) = defaults {
            for (k, v) in d {
                m.entry(k).or_insert(v);
            }
        }
        m.insert("caseId".into(), json!(id));
        m.insert("displayId".into(), json!(display));
        m.insert("timeCreated".into(), json!(iso_millis(at)));
        let mut case = Case { at, value: Value::Object(m), comms: Vec::new() };
        for c in comms {
            let Value::Object(mut c) = c else {
                return Err(SupportError::Invalid("a communication must be a JSON object".into()));
            };
            let when = match c.get("timeCreated").and_then(Value::as_str) {
                None => at,
                Some(s) => {
                    parse_time(s).ok_or_else(|| SupportError::Invalid(format!("unreadable timeCreated {s:?}")))?
                }
            };
            let defaults =
                [("submittedBy", json!(SUPPORT_CUSTOMER_SUBMITTER)), ("body", json!("")), ("attachmentSet", json!([]))];
            for (k, v) in defaults {
                c.entry(k).or_insert(v);
            }
            c.insert("caseId".into(), json!(id));
            c.insert("timeCreated".into(), json!(iso_millis(when)));
            case.push(when, Value::Object(c));
        }
        self.insert(account, case);
        Ok(id)
    }

    /// See [`Sandbox::support_add_communication`].
    pub fn add_communication(
        &mut self,
        case_id: &str,
        submitted_by: &str,
        body: &str,
        at: Option<Timestamp>,
        attachments: &[&str],
    ) -> Result<(), SupportError> {
        let case = self.find_mut(case_id).ok_or_else(|| SupportError::NotFound(case_id.into()))?;
        case.add(submitted_by, body, at.unwrap_or_else(Timestamp::now), attachments);
        Ok(())
    }

    pub fn set_status(&mut self, case_id: &str, status: &str) -> Result<(), SupportError> {
        let case = self.find_mut(case_id).ok_or_else(|| SupportError::NotFound(case_id.into()))?;
        case.set_status(status);
        Ok(())
    }

    /// See [`Sandbox::support_generate`].
    pub fn generate(&mut self, account: &str, open_cases: usize, communications_each: usize) {
        const STATUSES: [&str; 5] =
            ["opened", "pending-customer-action", "work-in-progress", "customer-action-completed", "reopened"];
        const SEVERITIES: [&str; 5] = ["low", "normal", "high", "urgent", "critical"];
        let base: Timestamp = "2026-11-01T00:00:00Z".parse().expect("a fixed time");
        let mut list = Vec::with_capacity(open_cases);
        for n in 0..open_cases {
            let at = base + jiff::SignedDuration::from_mins(10 * n as i64);
            let id = format!("case-{account}-2026-6e6e{n:012x}");
            let value = json!({
                "caseId": id, "displayId": format!("9{n:010}"), "subject": format!("Generated case {n}"),
                "status": STATUSES[n % STATUSES.len()], "serviceCode": "general-info", "categoryCode": "using-aws",
                "severityCode": SEVERITIES[n % SEVERITIES.len()], "submittedBy": SUPPORT_CUSTOMER_EMAIL,
                "timeCreated": iso_millis(at), "ccEmailAddresses": [], "language": "en",
            });
            let mut case = Case { at, value, comms: Vec::with_capacity(communications_each) };
            for m in 0..communications_each {
                let by = if m % 2 == 0 { SUPPORT_CUSTOMER_SUBMITTER } else { SUPPORT_AWS_SUBMITTER };
                let when = at + jiff::SignedDuration::from_secs(60 * m as i64);
                case.add(by, &format!("Communication {m} of generated case {n}."), when, &[]);
            }
            list.push(case);
        }
        self.accounts.insert(account.to_string(), list);
    }

    pub fn dump(&self) -> Value {
        let accounts: Map<String, Value> = self
            .accounts
            .keys()
            .map(|account| {
                let cases: Vec<Value> = self
                    .newest_first(account)
                    .map(|c| {
                        let mut v = details(c, true);
                        v["communications"] = c.newest_first().map(|m| m.value.clone()).collect();
                        v
                    })
                    .collect();
                (account.clone(), json!({"cases": cases}))
            })
            .collect();
        json!({"accounts": accounts})
    }
}

/// How many communications `recentCommunications` holds.
pub(crate) const RECENT: usize = 5;

/// The `CaseDetails` DescribeCases answers: with `recentCommunications` (the [`RECENT`]
/// newest, and a DescribeCommunications token for the rest) when `communications`.
pub(crate) fn details(case: &Case, communications: bool) -> Value {
    let mut v = case.value.clone();
    if communications {
        let recent: Vec<Value> = case.newest_first().take(RECENT).map(|c| c.value.clone()).collect();
        let mut rc = json!({"communications": recent});
        if case.comms.len() > RECENT {
            rc["nextToken"] = json!(super::aws::encode_token(RECENT));
        }
        v["recentCommunications"] = rc;
    }
    v
}

/// One change through `POST /_sandbox/support` (see the control-plane list in mod.rs).
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    AddCase {
        account: String,
        case: Value,
    },
    AddCommunication {
        case_id: String,
        submitted_by: String,
        body: String,
        #[serde(default)]
        at: Option<Timestamp>,
        #[serde(default)]
        attachments: Vec<String>,
    },
    SetStatus {
        case_id: String,
        status: String,
    },
    Generate {
        account: String,
        open_cases: usize,
        communications_each: usize,
    },
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let action = match serde_json::from_slice::<Action>(body) {
        Ok(a) => a,
        Err(e) => return Reply::text(400, &format!("invalid support action: {e}")),
    };
    let mut cases = lock(&shared.cases);
    let done = match action {
        Action::AddCase { account, case } => cases.add_case(&account, case).map(Some),
        Action::AddCommunication { case_id, submitted_by, body, at, attachments } => {
            let files: Vec<&str> = attachments.iter().map(String::as_str).collect();
            cases.add_communication(&case_id, &submitted_by, &body, at, &files).map(|_| None)
        }
        Action::SetStatus { case_id, status } => cases.set_status(&case_id, &status).map(|_| None),
        Action::Generate { account, open_cases, communications_each } => {
            cases.generate(&account, open_cases, communications_each);
            Ok(None)
        }
    };
    match done {
        Ok(None) => Reply::json(200, &json!({"ok": true})),
        Ok(Some(id)) => Reply::json(200, &json!({"ok": true, "id": id})),
        Err(e @ SupportError::NotFound(_)) => Reply::text(404, &e.to_string()),
        Err(e) => Reply::text(400, &e.to_string()),
    }
}

pub(crate) fn control_state(shared: &Shared) -> Reply {
    Reply::json(200, &lock(&shared.cases).dump())
}

/// Support cases for in-process tests and the demo; `POST /_sandbox/support` does the same
/// from another process. The Business-support flag is Trusted Advisor's
/// ([`Sandbox::ta_set_support`]).
impl Sandbox {
    /// Add a case to `account`. `case` holds any `CaseDetails` fields; the missing ones get
    /// defaults: a fresh `caseId` and numeric `displayId`, subject `Sandbox case`, `opened`,
    /// `general-info`/`using-aws`, severity `low`, `submittedBy` [`SUPPORT_CUSTOMER_EMAIL`],
    /// `timeCreated` now (any RFC 3339 time given is rewritten with milliseconds), no cc, `en`.
    /// An optional `communications` list of `Communication` objects is stored with it (each
    /// defaulting to the customer, the case's time and no attachments). Returns the case id;
    /// an id that exists in any account is refused.
    pub fn support_add_case(&self, account: &str, case: Value) -> Result<String, SupportError> {
        lock(&self.shared.cases).add_case(account, case)
    }

    /// Add a communication to a case (of any account): `at` defaults to now; `attachments`
    /// are file names, each given an `attachmentId`. The status does not change (unlike the
    /// customer's AddCommunicationToCase).
    pub fn support_add_communication(
        &self,
        case_id: &str,
        submitted_by: &str,
        body: &str,
        at: Option<Timestamp>,
        attachments: &[&str],
    ) -> Result<(), SupportError> {
        lock(&self.shared.cases).add_communication(case_id, submitted_by, body, at, attachments)
    }

    /// Any string; `resolved` hides the case unless `includeResolvedCases`.
    pub fn support_set_status(&self, case_id: &str, status: &str) -> Result<(), SupportError> {
        lock(&self.shared.cases).set_status(case_id, status)
    }

    /// Replace `account`'s cases with `open_cases` open ones, each with `communications_each`
    /// communications, for paging tests and benchmarks. Case `n` is
    /// `case-<account>-2026-6e6e<n as 12 hex digits>`, display id `9<n as 10 digits>`,
    /// created `2026-11-01T00:00Z` + 10 n minutes; statuses and severities cycle; its
    /// communications come a minute apart from its creation, customer first, then AWS.
    pub fn support_generate(&self, account: &str, open_cases: usize, communications_each: usize) {
        lock(&self.shared.cases).generate(account, open_cases, communications_each);
    }

    /// `account`'s cases as DescribeCases answers them with resolved cases and
    /// communications, newest first.
    pub fn support_cases(&self, account: &str) -> Vec<Value> {
        lock(&self.shared.cases).newest_first(account).map(|c| details(c, true)).collect()
    }

    /// Every communication of a case (of any account), newest first.
    pub fn support_communications(&self, case_id: &str) -> Result<Vec<Value>, SupportError> {
        let mut cases = lock(&self.shared.cases);
        let case = cases.find_mut(case_id).ok_or_else(|| SupportError::NotFound(case_id.into()))?;
        Ok(case.newest_first().map(|c| c.value.clone()).collect())
    }
}
