//! The embedded sandbox: a fake of the outside world on 127.0.0.1, used by `opskit demo`
//! and by the tests.
//!
//! This file owns the server, request recording, fault injection and the control plane.
//! The fakes answer the way the vendors' API references say (not the way our client
//! happens to talk): Backlog API v2 in `backlog.rs`, Slack incoming webhooks, PagerDuty
//! Events API v2, generic webhooks and healthchecks.io-style pings in `chat.rs`, PagerDuty's
//! REST API v2 (incidents from the Events v2 fake's alerts, services, maintenance windows)
//! under [`PAGERDUTY_API_PREFIX`] in `pagerduty_rest.rs`, AWS
//! Direct Connect in `dx.rs`, the Trusted Advisor API in `ta.rs`, the Support API in
//! `support.rs` (its cases kept in `cases.rs`, its legacy Trusted Advisor operations
//! reading `ta.rs`'s data), EC2's inventory reads, instance status checks and reboots in
//! `ec2.rs` (the EC2 query protocol: `POST /` with a form body, signed for `ec2`, answered in
//! XML), Systems Manager Run Command (SendCommand, GetCommandInvocation,
//! ListCommandInvocations; awsJson1_1, `X-Amz-Target: AmazonSSM.<Operation>`) in `ssm.rs`,
//! CloudWatch GetMetricData (the query protocol, signed for `monitoring`) in
//! `cloudwatch.rs`, RDS's DescribeDBInstances / DescribeDBClusters (no databases: empty
//! listings; the query protocol, signed for `rds`) in `rds.rs`, ACM's ListCertificates (no
//! certificates; awsJson1_1) in `acm.rs`, Elastic Load Balancing's (ELBv2 and classic) and
//! Auto Scaling's Describe* (no load balancers or groups: empty listings; the query protocol)
//! in `elb.rs` and `autoscaling.rs`, Lambda's ListFunctions (no functions; restJson1,
//! `GET /2015-03-31/functions/`) in `lambda.rs`, S3's ListBuckets, IAM's ListUsers and Route 53's
//! ListHostedZones (none of them: empty listings, each in its protocol) in `global.rs`, AWS Organizations in
//! `organizations.rs` and STS AssumeRole / GetCallerIdentity into its member accounts in
//! `sts.rs` (the query protocol, signed for `sts`), the AWS Health API in `health.rs` (Smithy
//! RPC v2 CBOR: `POST /service/AWSHealth_20160804/operation/<Operation>`), on top of
//! the AWS pieces in `aws.rs` (awsJson1_1: `POST /` with `X-Amz-Target`; restJson1:
//! `GET /v1/...`; the caller's account and region come from the SigV4 credential scope, see
//! [`sandbox_access_key`]).
//!
//! Every request except the control plane (`/_sandbox/...`) is recorded with its arrival
//! time and the status it was answered with. A request whose connection was dropped by a
//! fault is recorded with status 0. Faults are checked in injection order, each that
//! matches is used up by one: latency-only faults (status 0) add their delay and the
//! search goes on, the first other fault answers. Dropping a connection is real (the
//! client sees the connection close before any answer): connections are accepted through
//! `KillableListener`, whose streams fail every read and write once the handler flips
//! their switch, so hyper closes the socket instead of writing the response.
//! `/moved/...` answers anything `200 ok`: the target for a redirect fault
//! ([`Fault::redirect`]), whose recorded requests show whether a client followed it.
//!
//! `GET /calendar/ical/<secret>/basic.ics` is a calendar's secret iCal address (`calendar.rs`).
//!
//! Control plane, for a sandbox running in another process:
//! - `POST /_sandbox/calendar`: `{"secret": "…", "ics": "…"}` stores the calendar served at
//!   that secret address ([`Sandbox::calendar_put`]).
//! - `GET /_sandbox/requests`: JSON array of [`Recorded`]; `body` is standard base64.
//! - `POST /_sandbox/faults`: a JSON [`Fault`] (missing fields take their defaults). With
//!   `"status": 200` and a `body` it answers that body as a success, e.g.
//!   `{"path_prefix": "/", "target": "OvertureService.DescribeVirtualInterfaces", "status": 200,
//!   "body": "{}"}`: an answer that parses but is not the service's ([`Fault::ok_with_body`]).
//! - `POST /_sandbox/clear`: same as [`Sandbox::clear`].
//! - `GET /_sandbox/pagerduty`: `{"incidents": [..], "maintenance_windows": [..]}`, as the
//!   REST fake answers them (incidents made from the Events v2 fake's alerts).
//! - `POST /_sandbox/pagerduty`: `{"action": "acknowledge", "dedup_key": "..", "by": "Tanaka"}`
//!   acknowledges the open incident of that key as a person would; `{"ok": true}`, 404 when
//!   none is open. The same as [`Sandbox::pagerduty_acknowledge`].
//! - `GET /_sandbox/dx`: `{"connections": [...], "virtualInterfaces": [...]}`, every Direct
//!   Connect resource of every account and region, as DescribeConnections and
//!   DescribeVirtualInterfaces answer them.
//! - `POST /_sandbox/dx`: one Direct Connect change, tagged by `action`; answers
//!   `{"ok": true}` (plus `"id"` for the `put_*` actions), 404 for an unknown id and 400
//!   for a malformed action. The same as the `Sandbox::dx_*` methods:
//!   - `{"action": "put_vif", "account": "..", "region": "..", "vif": {..}}` and
//!     `{"action": "put_connection", "account": "..", "region": "..", "connection": {..}}`
//!   - `{"action": "set_vif_state", "vif_id": "dxvif-..", "state": "down"}`
//!   - `{"action": "set_bgp", "vif_id": "dxvif-..", "peer_id": "dxpeer-.." (optional), "status": "down"}`
//!   - `{"action": "set_connection_state", "connection_id": "dxcon-..", "state": "down"}`
//!   - `{"action": "remove", "id": "dxvif-.. or dxcon-.."}`
//!   - `{"action": "generate", "account": "..", "region": "..", "vifs": 250, "connections": 2}`
//! - `GET /_sandbox/ta`: `{"accounts": {"<account>": {"business": true, "recommendations":
//!   [..], "resources": {"<recommendation id>": [..]}}}}`, every Trusted Advisor account the
//!   sandbox knows, recommendations as GetRecommendation and resources as
//!   ListRecommendationResources answer them.
//! - `POST /_sandbox/ta`: one Trusted Advisor change, tagged by `action`; answers `{"ok":
//!   true}` (plus `"id"` for the `put_*` actions), 404 for an unknown recommendation or
//!   resource and 400 for a malformed action. The same as the `Sandbox::ta_*` methods:
//!   - `{"action": "set_support", "account": "..", "business": false}`
//!   - `{"action": "put_recommendation", "account": "..", "recommendation": {..}}`
//!   - `{"action": "set_status", "account": "..", "recommendation_id": "..", "status": "error"}`
//!   - `{"action": "put_resource", "account": "..", "recommendation_id": "..", "resource": {..}}`
//!   - `{"action": "remove_resource", "account": "..", "recommendation_id": "..", "resource_id": ".."}`
//!   - `{"action": "set_lifecycle", "account": "..", "recommendation_id": "..", "stage": "resolved"}`
//!   - `{"action": "generate", "account": "..", "recommendations": 250, "resources_each": 3}`
//! - `GET /_sandbox/support`: `{"accounts": {"<account>": {"cases": [..]}}}`, every Support
//!   case, newest first, as DescribeCases answers it with `includeResolvedCases` and
//!   `includeCommunications`, plus `"communications"`: all of its communications, newest
//!   first.
//! - `POST /_sandbox/support`: one Support change, tagged by `action`; answers `{"ok": true}`
//!   (plus `"id"`, the case id, for `add_case`), 404 for an unknown case and 400 for a
//!   malformed action. The same as the `Sandbox::support_*` methods:
//!   - `{"action": "add_case", "account": "..", "case": {..}}`
//!   - `{"action": "add_communication", "case_id": "case-..", "submitted_by": "Amazon Web Services",
//!     "body": "..", "at": "2026-11-21T10:00:00Z" (optional), "attachments": ["log.txt"] (optional)}`
//!   - `{"action": "set_status", "case_id": "case-..", "status": "resolved"}`
//!   - `{"action": "generate", "account": "..", "open_cases": 20, "communications_each": 3}`
//! - `GET /_sandbox/backlog`: `{"projects": [..], "wikis": [..], "attachmentData": {"<attachment
//!   id>": "<base64>"}, "issues": [..]}`: projects as GetProject, wiki pages as GetWikiPage
//!   plus `"history"` (every version, oldest first), and every attachment's bytes.
//! - `POST /_sandbox/backlog`: one Backlog change, tagged by `action`; answers `{"ok": true}`
//!   (plus `"id"` for `put_wiki` and `add_project`), 404 for an unknown project or page and
//!   400 for a malformed action. The same as the `Sandbox::backlog_*` methods (`project` is
//!   a key or id, `OPS` when left out):
//!   - `{"action": "put_wiki", "page": {"project": "OPS", "name": "..", "content": "..",
//!     "history": ["v1", ..], "tags": [".."], "attachments": [{"name": "..", "data": "<base64>"}]}}`
//!   - `{"action": "remove_wiki", "project": "OPS", "name": ".."}`
//!   - `{"action": "set_text_formatting_rule", "project": "OPS", "rule": "backlog"}`
//!   - `{"action": "add_project", "key": "DOCS", "name": "..", "text_formatting_rule": "markdown"}`
//!   - `{"action": "set_rate_limit", "read": 600, "update": 150, "window_secs": 60}`
//! - `GET /_sandbox/ec2`: `{"places": [{"account": "..", "region": "..", "counts":
//!   {"instance": 3, ..}}], "reboots": [{"instance_id": "i-..", "account": "..", "region":
//!   "..", "at": ".."}]}`, how many EC2 resources of each kind every place lists and every
//!   instance RebootInstances rebooted ([`Sandbox::ec2_reboots`]); with
//!   `?account=..&region=..` that place's resources, `{"instances": [..], "volumes": [..],
//!   ..}`, in the answers' element names.
//! - `POST /_sandbox/ec2`: one EC2 change, tagged by `action`; answers `{"ok": true}` (plus
//!   `"id"` for `put`), 404 for an unknown id and 400 for a malformed action. The same as the
//!   `Sandbox::ec2_*` methods:
//!   - `{"action": "put", "kind": "instance", "account": "..", "region": "..", "resource": {..}}`
//!     (kinds: `instance`, `volume`, `vpc`, `subnet`, `security_group`, `address`,
//!     `nat_gateway`, `route_table`, `internet_gateway`)
//!   - `{"action": "set_instance_state", "instance_id": "i-..", "state": "stopped"}`
//!   - `{"action": "terminate", "instance_id": "i-.."}`
//!   - `{"action": "remove", "id": "vol-.."}`
//!   - `{"action": "generate", "accounts": [".."], "regions": [".."], "instances_per_region": 200}`
//!   - `{"action": "set_opt_in", "account": "..", "region": "af-south-1", "opted_in": true}`
//!   - `{"action": "set_terminated_retention", "seconds": 0}`
//!   - `{"action": "set_instance_status", "instance_id": "i-..", "system": "impaired",
//!     "instance": "ok"}` (each optional: `ok`, `impaired`, `initializing`, `insufficient-data`)
//!     sets what DescribeInstanceStatus answers for a running instance
//!   - `{"action": "set_reboot_heals", "instance_id": "i-..", "heals": true, "initializing_ms": 500}`:
//!     after RebootInstances both checks read `initializing` that long, then `ok` if it heals
//! - `GET /_sandbox/organizations`: `{"organizations": [{"organization": {..}, "roots": [..],
//!   "organizationalUnits": [..], "accounts": [..]}], "deniedRoles": [..], "externalIdRoles":
//!   [..]}`: each organization as DescribeOrganization answers it, its roots, OUs (plus
//!   `ParentId`) and accounts as the List* operations answer them (plus `ParentId` and
//!   `Tags`), and the roles AssumeRole refuses or guards with an external id.
//! - `POST /_sandbox/organizations`: one Organizations or role change, tagged by `action`;
//!   answers `{"ok": true}` (plus `"id"` for `create`, `create_ou` and `put_account`,
//!   `"root_id"` for `create`, `"summary"` for `generate`), 404 for an unknown organization,
//!   OU or account and 400 for a malformed action. The same as the `Sandbox::org_*` methods:
//!   - `{"action": "create", "management_account": ".."}`
//!   - `{"action": "create_ou", "management_account": "..", "parent_id": "r-.. or ou-..", "name": ".."}`
//!   - `{"action": "put_account", "management_account": "..", "parent_id": "ou-.." (optional),
//!     "account_id": "..", "name": ".."}`
//!   - `{"action": "generate", "management_account": "..", "accounts": 2500, "ous": 50,
//!     "nested": 0, "first_account": 300000000000 (optional)}`
//!   - `{"action": "set_state", "account_id": "..", "state": "SUSPENDED"}` (or CLOSED,
//!     PENDING_CLOSURE, ACTIVE)
//!   - `{"action": "tag", "resource_id": "account, OU or root id", "tags": {"team": "web"}}`
//!   - `{"action": "deny_role", "role_arn": "arn:aws:iam::..:role/..", "denied": true}`
//!   - `{"action": "require_external_id", "role_arn": "..", "external_id": ".."}`
//! - `GET /_sandbox/health`: `{"events": [{"event": {..}, "description": "..", "metadata":
//!   {..}, "accounts": [".."], "entities": [..]}], "orgView": ["<management account>"]}`:
//!   every Health event (as DescribeEvents answers it, timestamps in epoch seconds), its
//!   description and metadata as DescribeEventDetails answers them, its affected accounts and
//!   its entities as DescribeAffectedEntities answers them; and the organizations with
//!   organizational view enabled.
//! - `POST /_sandbox/health`: one Health change, tagged by `action`; answers `{"ok": true}`
//!   (plus `"arn"` for `put_event`, `"arns"` for `generate`), 404 for an unknown event and
//!   400 for a malformed action. The same as the `Sandbox::health_*` methods (timestamps
//!   are epoch seconds or RFC 3339 strings):
//!   - `{"action": "put_event", "accounts": [".."], "event": {..}}`
//!   - `{"action": "set_status", "arn": "arn:aws:health:..", "status": "closed"}`
//!   - `{"action": "set_window", "arn": "..", "start": "2026-12-01T01:00:00Z", "end": null}`
//!   - `{"action": "set_entity_status", "arn": "..", "entity_value": "i-..", "status": "RESOLVED"}`
//!   - `{"action": "remove", "arn": ".."}`
//!   - `{"action": "generate", "account": "..", "events": 250}`
//!   - `{"action": "set_org_view", "management_account": "..", "enabled": true}`
//! - `GET /_sandbox/ssm`: `{"commands": [{"command_id": "..", "account": "..", "region": "..",
//!   "instance_ids": [".."], "document_name": "AWS-RunShellScript", "commands": [".."],
//!   "comment": "..", "at": ".."}], "unmanaged": ["i-.."]}`: every SendCommand accepted,
//!   oldest first ([`Sandbox::ssm_commands`]), and the instances marked unmanaged.
//! - `POST /_sandbox/ssm`: one Run Command change, tagged by `action`; answers `{"ok": true}`,
//!   400 for a malformed action. The same as the `Sandbox::ssm_*` methods:
//!   - `{"action": "script", "instance": "i-.. or *", "contains": "systemctl restart",
//!     "results": [{"status": "Failed", "stdout": "", "stderr": "..", "code": 3, "after_ms": 500},
//!     {"status": "Success", "stdout": "ok"}]}`: matching commands end with these results in
//!     order, the last repeating ([`SsmResult`]; missing fields: Success, empty, after 100 ms)
//!   - `{"action": "set_managed", "instance_id": "i-..", "managed": false}`: the agent is offline
//!   - `{"action": "set_visibility_delay", "ms": 200}`: how long after SendCommand its
//!     invocations do not exist yet
//! - `GET /_sandbox/cloudwatch`: `{"series": [{..as put.., "reads": 2}]}`: every metric
//!   series and how many GetMetricData calls read it.
//! - `POST /_sandbox/cloudwatch`: `{"action": "put_series", "series": {"account": "..",
//!   "region": "..", "namespace": "AWS/EC2", "metric": "CPUUtilization", "dimensions":
//!   {"InstanceId": "i-.."}, "points": [{"ago_s": 60, "value": 97.0}], "sequence": [[..], [..]]}}`
//!   stores (or replaces) a series: `points`, or a `sequence` of point lists read one per call,
//!   the last repeating ([`Sandbox::cloudwatch_put_series`], [`MetricSeries`]); `{"ok": true}`,
//!   400 for a malformed one.
//! - `GET /_sandbox/gcp` and `POST /_sandbox/gcp`: the Google Cloud projects and Compute
//!   Engine resources `gcp.rs` serves (under `/compute/v1/projects/` and
//!   `/v3/projects:search`); the actions are listed there ([`Sandbox::gcp`]).

mod acm;
mod autoscaling;
mod aws;
mod backlog;
mod calendar;
mod cases;
#[cfg(test)]
mod cases_tests;
mod chat;
pub use chat::SlackMessage;
mod cloudwatch;
pub use cloudwatch::{CLOUDWATCH_TARGET_PREFIX, CloudWatchError, MetricPoint, MetricSeries};
#[cfg(test)]
mod cloudwatch_tests;
mod dx;
mod gcp;
pub use gcp::GcpError;
#[cfg(test)]
mod dx_tests;
mod ec2;
#[cfg(test)]
mod ec2_tests;
mod elb;
#[cfg(test)]
mod gcp_tests;
mod global;
#[cfg(test)]
mod global_tests;
mod health;
#[cfg(test)]
mod health_tests;
mod lambda;
mod organizations;
#[cfg(test)]
mod organizations_tests;
mod pagerduty_rest;
mod rds;
#[cfg(test)]
mod services_tests;
pub use pagerduty_rest::{
    PAGERDUTY_API_PREFIX, PAGERDUTY_API_TOKEN, PAGERDUTY_FROM, PAGERDUTY_SERVICE_DATABASE, PAGERDUTY_SERVICE_NETWORK,
};
#[cfg(test)]
mod pagerduty_rest_tests;
mod ssm;
pub use ssm::{SsmCommand, SsmResult, SsmStatus};
#[cfg(test)]
mod ssm_tests;
mod sts;
mod support;
#[cfg(test)]
mod support_tests;
mod ta;
#[cfg(test)]
mod ta_tests;
#[cfg(test)]
mod tests;

pub use aws::{AWS_DEFAULT_ACCOUNT, Caller, sandbox_access_key, sandbox_credentials};
pub use backlog::{BacklogFileSeed, BacklogSandboxError, BacklogWikiSeed};
pub use cases::{
    SUPPORT_AWS_SUBMITTER, SUPPORT_BILLING_CASE, SUPPORT_BILLING_CASE_DISPLAY_ID, SUPPORT_BILLING_CASE_SUBJECT,
    SUPPORT_CUSTOMER_EMAIL, SUPPORT_CUSTOMER_SUBMITTER, SUPPORT_DEMO_ACCOUNT, SUPPORT_DX_CASE,
    SUPPORT_DX_CASE_DISPLAY_ID, SUPPORT_DX_CASE_SUBJECT, SUPPORT_LIMIT_CASE, SUPPORT_LIMIT_CASE_DISPLAY_ID,
    SUPPORT_LIMIT_CASE_SUBJECT, SUPPORT_RESOLVED_CASE, SUPPORT_RESOLVED_CASE_DISPLAY_ID, SUPPORT_RESOLVED_CASE_SUBJECT,
    SupportError,
};
pub use dx::{
    DX_AUTH_KEY_MARKER, DX_DEMO_ACCOUNT, DX_DEMO_CONNECTION_A, DX_DEMO_CONNECTION_B, DX_DEMO_PRIVATE_VIF,
    DX_DEMO_PRIVATE_VIF_NAME, DX_DEMO_PUBLIC_VIF, DX_DEMO_PUBLIC_VIF_NAME, DX_DEMO_REGION, DX_DEMO_TRANSIT_PEER_IPV4,
    DX_DEMO_TRANSIT_PEER_IPV6, DX_DEMO_TRANSIT_VIF, DX_DEMO_TRANSIT_VIF_NAME, DX_ROUTER_CONFIG_MARKER, DxError,
};
pub use ec2::{
    EC2_DEFAULT_PAGE_SIZE, EC2_DEMO_BATCH_1, EC2_DEMO_BATCH_1_DATA_VOLUME, EC2_DEMO_BATCH_1_NAME,
    EC2_DEMO_BATCH_1_VOLUME, EC2_DEMO_BATCH_RESERVATION, EC2_DEMO_IDLE_EIP, EC2_DEMO_IDLE_PUBLIC_IP,
    EC2_DEMO_IDLE_VOLUME, EC2_DEMO_INTERNET_GATEWAY, EC2_DEMO_NAT_EIP, EC2_DEMO_NAT_GATEWAY, EC2_DEMO_NAT_PUBLIC_IP,
    EC2_DEMO_ROUTE_TABLE_MAIN, EC2_DEMO_ROUTE_TABLE_PUBLIC, EC2_DEMO_SG_DEFAULT, EC2_DEMO_SG_SSH_OPEN,
    EC2_DEMO_SG_SSH_OPEN_NAME, EC2_DEMO_SG_WEB, EC2_DEMO_SG_WEB_NAME, EC2_DEMO_SUBNET_PRIVATE, EC2_DEMO_SUBNET_PUBLIC,
    EC2_DEMO_VPC, EC2_DEMO_VPC_CIDR, EC2_DEMO_WEB_1, EC2_DEMO_WEB_1_NAME, EC2_DEMO_WEB_1_VOLUME, EC2_DEMO_WEB_2,
    EC2_DEMO_WEB_2_NAME, EC2_DEMO_WEB_2_VOLUME, EC2_DEMO_WEB_EIP, EC2_DEMO_WEB_PUBLIC_IP, EC2_DEMO_WEB_RESERVATION,
    EC2_TARGET_PREFIX, Ec2Counts, Ec2Error, Ec2Kind, Ec2Reboot,
};
pub use health::{HEALTH_ORG_ACCESS_DENIED_MESSAGE, HEALTH_SERVICE, HEALTH_SUBSCRIPTION_REQUIRED_MESSAGE, HealthError};
pub use organizations::{ORG_GENERATED_FIRST_ACCOUNT, OrgError, OrgSummary};
pub use sts::STS_TARGET_PREFIX;
pub use support::SUPPORT_SUBSCRIPTION_REQUIRED_MESSAGE;
pub use ta::{
    TA_ACCESS_DENIED_MESSAGE, TA_DEMO_ACCOUNT, TA_EBS_SNAPSHOTS_CHECK, TA_EBS_SNAPSHOTS_RECOMMENDATION,
    TA_EBS_SNAPSHOTS_RECOMMENDATION_NAME, TA_LOW_UTILIZATION_EC2_CHECK, TA_LOW_UTILIZATION_EC2_RECOMMENDATION,
    TA_LOW_UTILIZATION_EC2_RECOMMENDATION_NAME, TA_RDS_IDLE_CHECK, TA_RDS_IDLE_RECOMMENDATION,
    TA_RDS_IDLE_RECOMMENDATION_NAME, TA_ROOT_MFA_CHECK, TA_ROOT_MFA_RECOMMENDATION, TA_ROOT_MFA_RECOMMENDATION_NAME,
    TA_ROOT_MFA_RESOURCE, TA_S3_PERMISSIONS_CHECK, TA_S3_PERMISSIONS_RECOMMENDATION,
    TA_S3_PERMISSIONS_RECOMMENDATION_NAME, TA_SECOND_ACCOUNT, TA_SECOND_EBS_SNAPSHOTS_RECOMMENDATION,
    TA_SECOND_SG_RECOMMENDATION, TA_SG_CHECK, TA_SG_EXCLUDED_RESOURCE, TA_SG_MYSQL_RESOURCE, TA_SG_RECOMMENDATION,
    TA_SG_RECOMMENDATION_NAME, TA_SG_SSH_RESOURCE, TA_UNSUPPORTED_ACCOUNT, TaError, ta_recommendation_arn,
};

use axum::body::Body;
use axum::extract::connect_info::{ConnectInfo, Connected};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use axum::serve::{IncomingStream, Listener};
use serde_json::Value;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

pub const SLACK_PATH: &str = "/slack/services/T0SANDBOX/B0SANDBOX/sandboxwebhooksecret";
/// Slack's Web API (`https://slack.com/api`): `/api/chat.postMessage`, `/api/chat.update`.
pub const SLACK_API_PREFIX: &str = "/api";
/// The bot token the Web API fake accepts (anything else is `invalid_auth`).
pub const SLACK_BOT_TOKEN: &str = "xoxb-0000000000-1111111111-sandboxBotTokenSecret7c4d";
/// The one channel the Web API fake knows, by ID and by name.
pub const SLACK_CHANNEL_ID: &str = "C0SANDBOX01";
pub const SLACK_CHANNEL_NAME: &str = "ops-alerts";
/// A second channel, for routes that name their own.
pub const SLACK_CHANNEL2_ID: &str = "C0SANDBOX02";
pub const SLACK_CHANNEL2_NAME: &str = "db-team";
pub const PAGERDUTY_PATH: &str = "/pagerduty/v2/enqueue";
pub const BACKLOG_PREFIX: &str = "/backlog";
pub const BACKLOG_API_KEY: &str = "sandbox-backlog-api-key-0123456789";
pub const BACKLOG_PROJECT_KEY: &str = "OPS";
/// The token in the path makes the URL a secret, as a real receiver's would be.
pub const WEBHOOK_PATH: &str = "/webhook/opskit-sandbox-hook-token-4e5f6a7b";
/// The routing key and HMAC key [`Sandbox::sinks_toml`] configures: the sandbox does not
/// check them, but tests grep every output for them.
pub const PAGERDUTY_ROUTING_KEY: &str = "R0SANDBOXROUTINGKEY5f3a9c0d1e2b4a";
pub const WEBHOOK_HMAC_SECRET: &str = "sandbox-hmac-secret-9d8c7b6a";
pub const HEARTBEAT_PREFIX: &str = "/ping/";
/// Where a redirect fault can point: answers every method `200 ok` (what a careless
/// client would take for Slack's acceptance) and records what it received.
pub const MOVED_PREFIX: &str = "/moved/";
/// What [`Fault::html_ok`] answers.
pub const CAPTIVE_PORTAL_PAGE: &str = "<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body><p>Accept the terms to continue.</p></body></html>";

const CONTROL_PREFIX: &str = "/_sandbox/";
/// Large enough for a wiki page or a run log; the fakes never need more.
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// One request as it arrived, and the status it was answered with (0: connection dropped).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Recorded {
    pub at: jiff::Timestamp,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// Header names in lower case, in arrival order.
    pub headers: Vec<(String, String)>,
    #[serde(with = "base64_body")]
    pub body: Vec<u8>,
    pub status: u16,
}

impl Recorded {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON, or `Value::Null` when it is not JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    /// The body as `application/x-www-form-urlencoded` pairs, in order.
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(&self.body).into_owned().collect()
    }

    /// The query string as pairs, in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        let q = self.query.as_deref().unwrap_or("");
        url::form_urlencoded::parse(q.as_bytes()).into_owned().collect()
    }

    /// First header of that name, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

mod base64_body {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;

    pub fn serialize<S: serde::Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(b))
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s: String = serde::Deserialize::deserialize(d)?;
        STANDARD.decode(s).map_err(serde::de::Error::custom)
    }
}

/// An answer to force on matching requests instead of the fake's own, or (status 0 and
/// no `drop_connection`) only a delay before the request goes on.
///
/// A request matches when every matcher that is set matches. `target` only matches awsJson
/// calls (`POST /` with `X-Amz-Target`, SSM's `AmazonSSM.<Operation>` among them), EC2, STS
/// and CloudWatch query calls (CloudWatch as `GraniteServiceVersion20100801.<Action>`) and
/// Health rpcv2Cbor calls (as `AWSHealth_20160804.<Operation>`); `account` and `region`
/// match any SigV4-signed call, as [`Caller`] reads them from the `Authorization` header.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Fault {
    pub path_prefix: String,
    /// `path_prefix` is the whole path, not a prefix: `/backlog/api/v2/wikis` is then the
    /// page listing only, not `/wikis/count` or a page.
    pub exact_path: bool,
    /// Only this method (case-insensitive); `None` matches any.
    pub method: Option<String>,
    /// Only this `X-Amz-Target`; a pattern ending in `*` matches by prefix
    /// (`OvertureService.*` is every Direct Connect call, `*` every AWS call). EC2 and STS
    /// calls, which carry no such header, match as `AmazonEC2.<Action>` and
    /// `AWSSecurityTokenServiceV20110615.<Action>`.
    pub target: Option<String>,
    /// Only AWS calls signed as this account.
    pub account: Option<String>,
    /// Only AWS calls signed for this region.
    pub region: Option<String>,
    /// 0 (and no `drop_connection`): a latency-only fault, see [`Fault::latency`].
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Sleep before answering (or before dropping the connection).
    pub delay_ms: u64,
    /// Close the connection without an answer.
    pub drop_connection: bool,
    /// How many matching requests it applies to (0 = forever).
    pub times: u32,
}

impl Fault {
    /// Answer `status` `times` times. Under Backlog the body is Backlog's error shape,
    /// because a Backlog client parses it.
    pub fn status(path_prefix: &str, status: u16, times: u32) -> Fault {
        let body = if path_prefix.starts_with(BACKLOG_PREFIX) && status >= 400 {
            backlog::error_body(backlog::code_for_status(status), "Sandbox fault.")
        } else {
            String::new()
        };
        Fault { path_prefix: path_prefix.to_string(), status, body, times, ..Fault::default() }
    }

    /// 429 with `Retry-After`. Under Backlog also the rate-limit headers (reset = now +
    /// `retry_after_secs`, computed here) and the code-13 body; elsewhere Slack's
    /// `rate_limited` text.
    pub fn rate_limited(path_prefix: &str, retry_after_secs: u64, times: u32) -> Fault {
        let mut f = Fault {
            path_prefix: path_prefix.to_string(),
            status: 429,
            headers: vec![("Retry-After".into(), retry_after_secs.to_string())],
            body: "rate_limited".into(),
            times,
            ..Fault::default()
        };
        if path_prefix.starts_with(BACKLOG_PREFIX) {
            let reset = jiff::Timestamp::now().as_second() + retry_after_secs as i64;
            f.headers.extend([
                ("X-RateLimit-Limit".into(), backlog::READ_LIMIT.to_string()),
                ("X-RateLimit-Remaining".into(), "0".into()),
                ("X-RateLimit-Reset".into(), reset.to_string()),
            ]);
            f.body = backlog::error_body(13, "Too many requests.");
        }
        if path_prefix.starts_with(PAGERDUTY_API_PREFIX) {
            // developer.pagerduty.com, REST API Rate Limits: `ratelimit-reset` is the
            // number of seconds until the window resets.
            f.headers.extend([
                ("ratelimit-limit".into(), "960".into()),
                ("ratelimit-remaining".into(), "0".into()),
                ("ratelimit-reset".into(), retry_after_secs.to_string()),
            ]);
            f.body = pagerduty_rest::rate_limited_body();
        }
        f
    }

    /// Hold matching requests `delay_ms`, then let them go on: later faults still apply,
    /// else the fake answers. For "100 ms on every Direct Connect call":
    /// `Fault::latency("/", 100, 0).for_target("OvertureService.*")`.
    pub fn latency(path_prefix: &str, delay_ms: u64, times: u32) -> Fault {
        Fault { path_prefix: path_prefix.to_string(), delay_ms, times, ..Fault::default() }
    }

    /// An awsJson error on AWS calls to `target` (a pattern as in [`Fault::target`];
    /// `None`: every AWS call): `status` with `{"__type": code, "message": message}` and
    /// `x-amzn-ErrorType`, the shape the SDKs read as a modeled or generic error.
    pub fn aws_error(target: Option<&str>, status: u16, code: &str, message: &str, times: u32) -> Fault {
        Fault {
            path_prefix: "/".into(),
            method: Some("POST".into()),
            target: Some(target.unwrap_or("*").to_string()),
            status,
            headers: aws::error_headers(code),
            body: aws::error_body(code, message),
            times,
            ..Fault::default()
        }
    }

    /// A restJson error on requests under `path_prefix` (`/v1/` is every Trusted Advisor
    /// call): `status` with `{"message": message}` and `x-amzn-ErrorType: code`, the shape
    /// the SDKs read as a modeled or generic error.
    pub fn rest_json_error(path_prefix: &str, status: u16, code: &str, message: &str, times: u32) -> Fault {
        Fault {
            path_prefix: path_prefix.to_string(),
            status,
            headers: aws::rest_error_headers(code),
            body: aws::rest_error_body(message),
            times,
            ..Fault::default()
        }
    }

    /// HTTP 200 with `body` on requests under `path_prefix`: an answer that parses but is not
    /// the service's, as a proxy, a captive portal or a wrong endpoint override gives (`{}`
    /// for the JSON protocols, `<DescribeInstancesResponse/>` without its set for EC2). Narrow
    /// it with [`Fault::for_target`], [`Fault::for_account`], [`Fault::in_region`]. The content
    /// type follows the body: JSON for `{`, XML for `<`.
    pub fn ok_with_body(path_prefix: &str, body: &str, times: u32) -> Fault {
        Fault { path_prefix: path_prefix.to_string(), status: 200, body: body.to_string(), times, ..Fault::default() }
    }

    /// A redirect (`status` 301, 302, 307, 308) to `location` on requests under
    /// `path_prefix`. [`MOVED_PREFIX`] on the sandbox itself is a target that records what
    /// it received and accepts anything.
    pub fn redirect(path_prefix: &str, status: u16, location: &str, times: u32) -> Fault {
        Fault {
            path_prefix: path_prefix.to_string(),
            status,
            headers: vec![("Location".into(), location.to_string())],
            times,
            ..Fault::default()
        }
    }

    /// HTTP 200 with an HTML page, as a proxy or a captive portal answers in the service's
    /// place.
    pub fn html_ok(path_prefix: &str, times: u32) -> Fault {
        Fault {
            path_prefix: path_prefix.to_string(),
            status: 200,
            headers: vec![("content-type".into(), "text/html; charset=utf-8".into())],
            body: CAPTIVE_PORTAL_PAGE.to_string(),
            times,
            ..Fault::default()
        }
    }

    /// Only AWS calls whose `X-Amz-Target` matches `pattern` (see [`Fault::target`]).
    pub fn for_target(mut self, pattern: &str) -> Fault {
        self.target = Some(pattern.to_string());
        self
    }

    /// Only AWS calls signed as `account_id`.
    pub fn for_account(mut self, account_id: &str) -> Fault {
        self.account = Some(account_id.to_string());
        self
    }

    /// Only AWS calls signed for `region`.
    pub fn in_region(mut self, region: &str) -> Fault {
        self.region = Some(region.to_string());
        self
    }

    /// Only requests whose path is `path_prefix` itself (see [`Fault::exact_path`]).
    pub fn exact_path(mut self) -> Fault {
        self.exact_path = true;
        self
    }

    pub fn delayed(mut self, delay_ms: u64) -> Fault {
        self.delay_ms = delay_ms;
        self
    }

    /// Delays and lets the request go on instead of answering.
    fn is_latency_only(&self) -> bool {
        self.status == 0 && !self.drop_connection
    }

    fn matches(&self, rec: &Recorded) -> bool {
        let method_ok = self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(&rec.method));
        let path_ok =
            if self.exact_path { rec.path == self.path_prefix } else { rec.path.starts_with(&self.path_prefix) };
        if !path_ok || !method_ok {
            return false;
        }
        if let Some(pattern) = self.target.as_deref() {
            let Some(target) = aws::call_target(rec) else { return false };
            if !aws::target_matches(pattern, &target) {
                return false;
            }
        }
        if self.account.is_none() && self.region.is_none() {
            return true;
        }
        let Some(caller) = Caller::from_request(rec) else { return false };
        self.account.as_deref().is_none_or(|a| a == caller.account)
            && self.region.as_deref().is_none_or(|r| r == caller.region)
    }
}

/// What a fake answers; turned into an HTTP response by the server.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(status: u16, text: &str) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), "text/plain; charset=utf-8".into())],
            body: text.as_bytes().to_vec(),
        }
    }

    pub fn json(status: u16, v: &Value) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), "application/json; charset=utf-8".into())],
            body: v.to_string().into_bytes(),
        }
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    fn has_header(&self, name: &str) -> bool {
        self.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case(name))
    }

    fn from_fault(f: &Fault) -> Reply {
        let mut r = Reply { status: f.status, headers: f.headers.clone(), body: f.body.clone().into_bytes() };
        if !r.has_header("content-type") && !f.body.is_empty() {
            let ct = match f.body.trim_start().chars().next() {
                Some('{' | '[') => "application/json",
                Some('<') => "text/xml;charset=UTF-8",
                _ => "text/plain; charset=utf-8",
            };
            r.headers.push(("content-type".into(), ct.into()));
        }
        r
    }

    fn into_response(self) -> Response {
        let mut resp = Response::new(Body::from(self.body));
        *resp.status_mut() = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
        for (k, v) in &self.headers {
            match (HeaderName::try_from(k.as_str()), HeaderValue::try_from(v.as_str())) {
                (Ok(k), Ok(v)) => {
                    resp.headers_mut().append(k, v);
                }
                _ => tracing::warn!(header = %k, "sandbox: skipping an invalid response header"),
            }
        }
        resp
    }
}

struct Armed {
    fault: Fault,
    /// `None`: forever.
    left: Option<u32>,
}

#[derive(Default)]
struct Log {
    requests: Vec<Recorded>,
    faults: Vec<Armed>,
}

/// State shared by the server tasks and the [`Sandbox`] handle.
pub(crate) struct Shared {
    log: Mutex<Log>,
    pub backlog: Mutex<backlog::Backlog>,
    pub pagerduty: Mutex<Vec<Value>>,
    pub pagerduty_rest: Mutex<pagerduty_rest::PdRest>,
    pub slack: Mutex<chat::SlackChannel>,
    pub dx: Mutex<dx::Dx>,
    pub ta: Mutex<ta::Ta>,
    pub cases: Mutex<cases::Cases>,
    /// Read-locked by the Describe calls (answered side by side), write-locked by changes.
    pub ec2: RwLock<ec2::Ec2>,
    pub orgs: Mutex<organizations::Orgs>,
    pub health: Mutex<health::Health>,
    pub calendars: Mutex<calendar::Calendars>,
    pub ssm: Mutex<ssm::Ssm>,
    pub cloudwatch: Mutex<cloudwatch::CloudWatch>,
    pub gcp: Mutex<gcp::Gcp>,
}

/// A poisoned lock only means a test panicked elsewhere; the data is still good to read.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// [`lock`] for reading a [`RwLock`].
pub(crate) fn read<T>(m: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    m.read().unwrap_or_else(|e| e.into_inner())
}

/// [`lock`] for changing what a [`RwLock`] holds.
pub(crate) fn write<T>(m: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    m.write().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    fn new() -> Shared {
        Shared {
            log: Mutex::default(),
            backlog: Mutex::new(backlog::Backlog::seeded()),
            pagerduty: Mutex::default(),
            pagerduty_rest: Mutex::default(),
            slack: Mutex::default(),
            dx: Mutex::new(dx::Dx::seeded()),
            ta: Mutex::new(ta::Ta::seeded()),
            cases: Mutex::new(cases::Cases::seeded()),
            ec2: RwLock::new(ec2::Ec2::seeded()),
            orgs: Mutex::default(),
            health: Mutex::default(),
            calendars: Mutex::default(),
            ssm: Mutex::default(),
            cloudwatch: Mutex::default(),
            gcp: Mutex::default(),
        }
    }

    /// The armed faults (in injection order) that apply to `rec`, each used up by one: the
    /// latency-only ones up to the first that answers, and that one. Returns their summed
    /// delays and the answering fault, if any.
    fn take_faults(&self, rec: &Recorded) -> (u64, Option<Fault>) {
        let mut log = lock(&self.log);
        let mut delay_ms = 0;
        let mut i = 0;
        while i < log.faults.len() {
            if !log.faults[i].fault.matches(rec) {
                i += 1;
                continue;
            }
            let armed = &mut log.faults[i];
            let fault = armed.fault.clone();
            match &mut armed.left {
                Some(left) if *left <= 1 => drop(log.faults.remove(i)),
                Some(left) => {
                    *left -= 1;
                    i += 1;
                }
                None => i += 1,
            }
            if !fault.is_latency_only() {
                return (delay_ms, Some(fault));
            }
            delay_ms += fault.delay_ms;
        }
        (delay_ms, None)
    }

    fn inject(&self, fault: Fault) {
        let left = (fault.times > 0).then_some(fault.times);
        lock(&self.log).faults.push(Armed { fault, left });
    }

    fn clear(&self) {
        let mut log = lock(&self.log);
        log.requests.clear();
        log.faults.clear();
    }
}

/// A running sandbox. Dropping it stops the server.
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    _stop: Stop,
}

enum Stop {
    Task(tokio::task::JoinHandle<()>),
    Thread(Option<tokio::sync::oneshot::Sender<()>>),
}

impl Drop for Stop {
    fn drop(&mut self) {
        match self {
            Stop::Task(h) => h.abort(),
            Stop::Thread(tx) => {
                if let Some(tx) = tx.take() {
                    let _ = tx.send(());
                }
            }
        }
    }
}

type ServeFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

async fn bind(port: u16) -> anyhow::Result<(SocketAddr, Arc<Shared>, ServeFuture)> {
    use anyhow::Context as _;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .with_context(|| format!("binding the sandbox to 127.0.0.1:{port}"))?;
    let addr = listener.local_addr()?;
    let shared = Arc::new(Shared::new());
    let app =
        axum::Router::new().fallback(handle).with_state(shared.clone()).into_make_service_with_connect_info::<Conn>();
    let serve = axum::serve(KillableListener(listener), app).into_future();
    let fut = Box::pin(async move {
        if let Err(e) = serve.await {
            tracing::error!(error = %e, "sandbox server stopped");
        }
    });
    tracing::debug!(%addr, "sandbox listening");
    Ok((addr, shared, fut))
}

impl Sandbox {
    /// Serve on the current tokio runtime, on an ephemeral port.
    pub async fn start() -> anyhow::Result<Sandbox> {
        Sandbox::start_on(0).await
    }

    pub async fn start_on(port: u16) -> anyhow::Result<Sandbox> {
        let (addr, shared, fut) = bind(port).await?;
        let task = tokio::spawn(fut);
        Ok(Sandbox { addr, shared, _stop: Stop::Task(task) })
    }

    /// Serve from a thread with its own runtime, for synchronous tests that spawn the
    /// binary and block while it runs.
    pub fn start_background() -> anyhow::Result<Sandbox> {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        std::thread::Builder::new().name("opskit-sandbox".into()).spawn(move || {
            let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(rt) => rt,
                Err(e) => return drop(ready_tx.send(Err(anyhow::Error::from(e)))),
            };
            rt.block_on(async move {
                match bind(0).await {
                    Ok((addr, shared, fut)) => {
                        let _ = ready_tx.send(Ok((addr, shared)));
                        tokio::select! {
                            _ = fut => {}
                            _ = stop_rx => {}
                        }
                    }
                    Err(e) => drop(ready_tx.send(Err(e))),
                }
            });
        })?;
        let (addr, shared) = ready_rx.recv()??;
        Ok(Sandbox { addr, shared, _stop: Stop::Thread(Some(stop_tx)) })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Every recorded request, in arrival order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.shared.log).requests.clone()
    }

    pub fn requests_to(&self, path_prefix: &str) -> Vec<Recorded> {
        let log = lock(&self.shared.log);
        let hits = log.requests.iter().filter(|r| r.path.starts_with(path_prefix));
        hits.cloned().collect()
    }

    pub fn inject(&self, fault: Fault) {
        self.shared.inject(fault);
    }

    /// Forget recorded requests and armed faults. Backlog data, PagerDuty events, Direct
    /// Connect resources, Trusted Advisor recommendations, Support cases, EC2 resources,
    /// organizations, Health events, Run Commands and metric series stay: they are the fake
    /// services' state, not the recording.
    pub fn clear(&self) {
        self.shared.clear();
    }

    /// Issues as `GET /issues/:key` would return them, oldest first.
    pub fn backlog_issues(&self) -> Vec<Value> {
        lock(&self.shared.backlog).issues.clone()
    }

    /// Comments of one issue (by key or id), oldest first; an update without a comment
    /// still adds one with an empty `content` and its `changeLog`, as Backlog does.
    pub fn backlog_comments(&self, issue_key: &str) -> Vec<Value> {
        lock(&self.shared.backlog).comments_of(issue_key)
    }

    /// Wiki pages as `GET /wikis/:id` would return them (with content), in creation order.
    pub fn backlog_wiki_pages(&self) -> Vec<Value> {
        lock(&self.shared.backlog).wiki_pages()
    }

    /// Seed a wiki page in project OPS, or give an existing page of that name new
    /// content. Returns the page id.
    pub fn backlog_add_wiki(&self, name: &str, content: &str) -> u64 {
        lock(&self.shared.backlog).upsert_wiki(name, content)
    }

    /// Accepted PagerDuty events in arrival order, with the `dedup_key` that was answered.
    /// One Google Cloud change (an action of `POST /_sandbox/gcp`, see `gcp.rs`); the
    /// answer's extra fields (`{"id": ..}` for `put`).
    pub fn gcp(&self, action: serde_json::Value) -> Result<serde_json::Value, GcpError> {
        gcp::apply(&mut lock(&self.shared.gcp), &action)
    }

    /// The messages in the Web API fake's channel as they read now, oldest first (thread
    /// replies included, with their `thread_ts`).
    pub fn slack_messages(&self) -> Vec<chat::SlackMessage> {
        lock(&self.shared.slack).messages.clone()
    }

    /// Delete a message from the channel, as a person in Slack can: a `chat.update` of
    /// its `ts` then answers `message_not_found`.
    pub fn slack_delete_message(&self, ts: &str) {
        lock(&self.shared.slack).messages.retain(|m| m.ts != ts);
    }

    /// A `[sinks.NAME]` of `type = "slack_bot"` pointed at the Web API fake.
    pub fn slack_bot_sink_toml(&self, name: &str) -> String {
        format!(
            "[sinks.{name}]\ntype = \"slack_bot\"\ntoken = \"{SLACK_BOT_TOKEN}\"\nchannel = \"#{SLACK_CHANNEL_NAME}\"\napi_url = \"{}\"\n",
            self.url(SLACK_API_PREFIX)
        )
    }

    pub fn pagerduty_events(&self) -> Vec<Value> {
        lock(&self.shared.pagerduty).clone()
    }

    /// The alerts open now, as PagerDuty keeps them: a trigger opens (or updates) the alert
    /// of its `dedup_key`, a resolve closes it. Sorted by dedup key.
    pub fn pagerduty_open_alerts(&self) -> Vec<String> {
        let mut open = std::collections::BTreeSet::new();
        for ev in lock(&self.shared.pagerduty).iter() {
            let key = ev["dedup_key"].as_str().unwrap_or_default().to_string();
            match ev["event_action"].as_str() {
                Some("trigger") => open.insert(key),
                Some("resolve") => open.remove(&key),
                _ => false,
            };
        }
        open.into_iter().collect()
    }

    /// The incidents PagerDuty made of the Events v2 alerts, as the REST API answers them
    /// (`GET /incidents`), oldest first.
    pub fn pagerduty_incidents(&self) -> Vec<Value> {
        let pd = lock(&self.shared.pagerduty_rest);
        pd.incidents.iter().map(|i| pd.incident_json(i)).collect()
    }

    /// Acknowledge the open incident of `dedup_key` as `by` (a person in PagerDuty's web
    /// app); false when no incident of that key is open.
    pub fn pagerduty_acknowledge(&self, dedup_key: &str, by: &str) -> bool {
        lock(&self.shared.pagerduty_rest).acknowledge(dedup_key, by)
    }

    /// Maintenance windows as the REST API answers them, in creation order (deleted ones
    /// gone, ended ones with their new end).
    pub fn pagerduty_maintenance_windows(&self) -> Vec<Value> {
        let pd = lock(&self.shared.pagerduty_rest);
        pd.windows.iter().map(|w| pd.window_json(w)).collect()
    }

    /// Add a service to the fake account (for paging); returns its id.
    pub fn pagerduty_add_service(&self, name: &str) -> String {
        let mut pd = lock(&self.shared.pagerduty_rest);
        let id = format!("PSVC{:04}", pd.services.len() + 1);
        pd.services.push((id.clone(), name.to_string()));
        id
    }

    /// Config for opskit pointing at this sandbox: `[backlog]` and four sinks, `slack`,
    /// `pagerduty` (Events v2, and the REST API for incidents and maintenance windows), `backlog` (issues in project OPS, closed on resolve) and `webhook`
    /// (signed). The secrets are literal, so the file must be `chmod 600`. What `opskit
    /// demo`, `opskit sandbox` and the tests configure, so they cannot drift apart.
    pub fn sinks_toml(&self) -> String {
        format!(
            r#"[backlog]
base_url = "{backlog}"
api_key = "{BACKLOG_API_KEY}"

[sinks.slack]
type = "slack"
webhook_url = "{slack}"

[sinks.pagerduty]
type = "pagerduty"
routing_key = "{PAGERDUTY_ROUTING_KEY}"
events_url = "{pagerduty}"
api_token = "{PAGERDUTY_API_TOKEN}"
api_url = "{pagerduty_api}"
from = "{PAGERDUTY_FROM}"

[sinks.backlog]
type = "backlog_issue"
project = "{BACKLOG_PROJECT_KEY}"
issue_type = "Task"
resolve_status = "Closed"

[sinks.webhook]
type = "webhook"
url = "{webhook}"
secret = "{WEBHOOK_HMAC_SECRET}"
"#,
            backlog = self.url(BACKLOG_PREFIX),
            slack = self.url(SLACK_PATH),
            pagerduty = self.url(PAGERDUTY_PATH),
            pagerduty_api = self.url(PAGERDUTY_API_PREFIX),
            webhook = self.url(WEBHOOK_PATH),
        )
    }
}

async fn handle(State(shared): State<Arc<Shared>>, ConnectInfo(conn): ConnectInfo<Conn>, req: Request) -> Response {
    let at = jiff::Timestamp::now();
    let (parts, body) = req.into_parts();
    let body = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(b) => b.to_vec(),
        Err(e) => {
            tracing::warn!(error = %e, "sandbox: could not read a request body");
            Vec::new()
        }
    };
    let mut rec = Recorded {
        at,
        method: parts.method.as_str().to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().map(str::to_string),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), String::from_utf8_lossy(v.as_bytes()).into()))
            .collect(),
        body,
        status: 0,
    };
    if rec.path.starts_with(CONTROL_PREFIX) {
        return control(&shared, &rec).into_response();
    }

    // Backlog counts every request against its bucket, faulted or not, like the real one.
    let rate = rec.path.starts_with(BACKLOG_PREFIX).then(|| lock(&shared.backlog).count_request(&rec.method));
    let (latency_ms, fault) = shared.take_faults(&rec);
    let delay_ms = latency_ms + fault.as_ref().map_or(0, |f| f.delay_ms);
    if delay_ms > 0 {
        tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
    }
    let reply = match fault {
        Some(fault) => {
            if fault.drop_connection {
                lock(&shared.log).requests.push(rec);
                conn.kill.store(true, Ordering::SeqCst);
                // Never reaches the client: the killed stream fails the write and hyper
                // closes the connection.
                return Reply::text(500, "").into_response();
            }
            Reply::from_fault(&fault)
        }
        None => route(&shared, &rec, rate.as_ref()),
    };
    let mut reply = reply;
    if let Some(rate) = rate {
        for (k, v) in rate.headers() {
            if !reply.has_header(&k) {
                reply.headers.push((k, v));
            }
        }
    }
    let aws_call = aws::call_target(&rec).is_some() || rec.path.starts_with(ta::PATH_PREFIX);
    if aws_call && !reply.has_header("x-amzn-requestid") {
        reply.headers.push(("x-amzn-RequestId".into(), aws::request_id()));
    }
    rec.status = reply.status;
    tracing::debug!(method = %rec.method, path = %rec.path, status = rec.status, "sandbox answered");
    lock(&shared.log).requests.push(rec);
    reply.into_response()
}

fn route(shared: &Shared, rec: &Recorded, rate: Option<&backlog::Rate>) -> Reply {
    if let Some(target) = aws::target(rec) {
        let call = match aws::Call::authenticate(rec, target) {
            Ok(call) => call,
            Err(reply) => return reply,
        };
        return match call.prefix() {
            dx::TARGET_PREFIX => dx::handle(shared, &call),
            support::TARGET_PREFIX => support::handle(shared, &call),
            organizations::TARGET_PREFIX => organizations::handle(shared, &call),
            ssm::TARGET_PREFIX => ssm::handle(shared, &call),
            acm::TARGET_PREFIX => acm::handle(&call),
            _ => aws::unknown_operation(target),
        };
    }
    if ec2::SERVICE.is_call(rec) {
        return ec2::handle(shared, rec);
    }
    if sts::SERVICE.is_call(rec) {
        return sts::handle(shared, rec);
    }
    if cloudwatch::SERVICE.is_call(rec) {
        return cloudwatch::handle(shared, rec);
    }
    if rds::SERVICE.is_call(rec) {
        return rds::handle(rec);
    }
    if elb::is_call(rec) {
        return elb::handle(rec);
    }
    if autoscaling::SERVICE.is_call(rec) {
        return autoscaling::handle(rec);
    }
    if lambda::is_call(rec) {
        return lambda::handle(rec);
    }
    if global::IAM.is_call(rec) {
        return global::iam(rec);
    }
    if global::signed_for(rec, "s3") {
        return global::s3(rec);
    }
    if rec.path.starts_with(global::ROUTE53_PREFIX) {
        return global::route53(rec);
    }
    let path = rec.path.as_str();
    if path.starts_with(gcp::COMPUTE_PREFIX) || path == gcp::SEARCH_PATH {
        return gcp::handle(shared, rec);
    }
    if path.starts_with(health::PATH_PREFIX) {
        return health::handle(shared, rec);
    }
    if path.starts_with(ta::PATH_PREFIX) {
        return ta::handle(shared, rec);
    }
    if let Some(rest) = path.strip_prefix(BACKLOG_PREFIX) {
        if let Some(rate) = rate.filter(|r| r.exceeded) {
            return backlog::too_many(rate);
        }
        return backlog::handle(shared, rec, rest);
    }
    if path.starts_with(&format!("{SLACK_API_PREFIX}/")) {
        return chat::slack_api(shared, rec);
    }
    if path.starts_with("/slack/") {
        return chat::slack(rec);
    }
    if path == PAGERDUTY_PATH {
        return chat::pagerduty(shared, rec);
    }
    if let Some(rest) = path.strip_prefix(PAGERDUTY_API_PREFIX)
        && (rest.is_empty() || rest.starts_with('/'))
    {
        return pagerduty_rest::handle(shared, rec, rest);
    }
    if path.starts_with("/webhook/") {
        return chat::webhook(rec);
    }
    if path.starts_with(HEARTBEAT_PREFIX) {
        return chat::heartbeat(rec);
    }
    if path.starts_with(MOVED_PREFIX) {
        return Reply::text(200, "ok");
    }
    if path.starts_with(calendar::CALENDAR_PREFIX) {
        return calendar::handle(shared, rec);
    }
    Reply::text(404, "not found")
}

fn control(shared: &Shared, rec: &Recorded) -> Reply {
    match (rec.method.as_str(), &rec.path[CONTROL_PREFIX.len()..]) {
        ("GET", "requests") => {
            let all = lock(&shared.log).requests.clone();
            Reply::json(200, &serde_json::to_value(all).unwrap_or_default())
        }
        ("POST", "faults") => match serde_json::from_slice::<Fault>(&rec.body) {
            Ok(f) => {
                shared.inject(f);
                Reply::json(200, &serde_json::json!({"ok": true}))
            }
            Err(e) => Reply::text(400, &format!("invalid fault: {e}")),
        },
        ("POST", "calendar") => calendar::control_put(shared, &rec.body),
        ("GET", "dx") => dx::control_state(shared),
        ("POST", "dx") => dx::control(shared, &rec.body),
        ("GET", "ta") => ta::control_state(shared),
        ("POST", "ta") => ta::control(shared, &rec.body),
        ("GET", "backlog") => backlog::control_state(shared),
        ("POST", "backlog") => backlog::control(shared, &rec.body),
        ("GET", "support") => cases::control_state(shared),
        ("POST", "support") => cases::control(shared, &rec.body),
        ("GET", "ec2") => ec2::control_state(shared, rec),
        ("POST", "ec2") => ec2::control(shared, &rec.body),
        ("GET", "organizations") => organizations::control_state(shared),
        ("POST", "organizations") => organizations::control(shared, &rec.body),
        ("GET", "health") => health::control_state(shared),
        ("POST", "health") => health::control(shared, &rec.body),
        ("GET", "ssm") => ssm::control_state(shared),
        ("POST", "ssm") => ssm::control(shared, &rec.body),
        ("GET", "cloudwatch") => cloudwatch::control_state(shared),
        ("POST", "cloudwatch") => cloudwatch::control(shared, &rec.body),
        ("GET", "gcp") => gcp::control_state(shared),
        ("POST", "gcp") => gcp::control(shared, &rec.body),
        ("GET", "pagerduty") => pagerduty_rest::control_state(shared),
        ("POST", "pagerduty") => pagerduty_rest::control(shared, &rec.body),
        ("POST", "clear") => {
            shared.clear();
            Reply::json(200, &serde_json::json!({"ok": true}))
        }
        _ => Reply::text(404, "unknown control endpoint"),
    }
}

/// Accepts TCP connections as [`KillableStream`]s so that a handler can close its own
/// connection without answering (`Fault::drop_connection`), which axum cannot do.
struct KillableListener(TcpListener);

/// Connection info handed to the handler: the way to kill the connection.
#[derive(Clone, Debug)]
struct Conn {
    kill: Arc<AtomicBool>,
}

impl Listener for KillableListener {
    type Io = KillableStream;
    type Addr = Conn;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.0.accept().await {
                Ok((tcp, _)) => {
                    // Like a real front end: no Nagle delay on answers written in pieces
                    // (head, then body), which against a delayed ACK costs up to 100 ms each.
                    if let Err(e) = tcp.set_nodelay(true) {
                        tracing::debug!(error = %e, "sandbox: cannot set TCP_NODELAY");
                    }
                    let kill = Arc::new(AtomicBool::new(false));
                    let conn = Conn { kill: kill.clone() };
                    return (KillableStream { tcp, kill }, conn);
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "sandbox accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        // Only used for connect info of the listener itself, which we never ask for.
        Ok(Conn { kill: Arc::new(AtomicBool::new(false)) })
    }
}

impl Connected<IncomingStream<'_, KillableListener>> for Conn {
    fn connect_info(stream: IncomingStream<'_, KillableListener>) -> Self {
        stream.remote_addr().clone()
    }
}

struct KillableStream {
    tcp: TcpStream,
    kill: Arc<AtomicBool>,
}

impl KillableStream {
    fn check(&self) -> std::io::Result<()> {
        if self.kill.load(Ordering::SeqCst) { Err(std::io::ErrorKind::ConnectionAborted.into()) } else { Ok(()) }
    }
}

impl AsyncRead for KillableStream {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        self.check()?;
        Pin::new(&mut self.tcp).poll_read(cx, buf)
    }
}

impl AsyncWrite for KillableStream {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        self.check()?;
        Pin::new(&mut self.tcp).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.check()?;
        Pin::new(&mut self.tcp).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.tcp).poll_shutdown(cx)
    }
}

/// Used by the fakes for Backlog's `Location` headers and similar.
pub(crate) fn host_of(rec: &Recorded) -> String {
    rec.header("host").unwrap_or("127.0.0.1").to_string()
}

/// For the fakes' tests: the SDK config of a client signed as `account` in `region`, talking
/// to the sandbox, the way `opskit` builds it (`AwsSession::with_endpoint`, in the demo).
#[cfg(test)]
pub(crate) async fn test_sdk_config(sb: &Sandbox, account: &str, region: &str) -> aws_config::SdkConfig {
    let creds = sandbox_credentials(account);
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new(region.to_string()))
        .endpoint_url(sb.url(""))
        .credentials_provider(creds)
        .load()
        .await
}
