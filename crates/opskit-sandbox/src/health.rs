//! Fake of the AWS Health API (2016-08-04) as aws-sdk-health speaks it: Smithy RPC v2 CBOR,
//! `POST /service/AWSHealth_20160804/operation/<Operation>` with `Smithy-Protocol:
//! rpc-v2-cbor` and a CBOR body. Events per affected account, their details and affected
//! entities, the organizational view, and the changes tests and the demo make
//! ([`Sandbox::health_put_event`] and friends, or `POST /_sandbox/health`).
//!
//! Wire facts (the smithy rpcv2Cbor specification; checked against the aws-sdk-health 1.125
//! (de)serializers): every answer carries `Smithy-Protocol: rpc-v2-cbor`; a success is 200
//! with `Content-Type: application/cbor` and a CBOR map (no body for an operation without
//! output); an error is a non-200 status with a CBOR map holding `__type`, the error's
//! absolute shape id (`com.amazonaws.health#InvalidPaginationToken`), and `message`.
//! Timestamps are tag 1 (epoch seconds) around an integer, or a float for fractions; null
//! members are left out. Inside, bodies are `serde_json::Value`s (see [`decode`] and
//! [`encode`]): a tag-1 timestamp decodes to its epoch seconds as a number, and the members
//! the Health shapes declare as timestamps (`startTime`, `endTime`, `lastUpdatedTime`,
//! `from`, `to`) encode as tag 1. A body that is not one well-formed CBOR map (trailing
//! bytes, byte strings, non-text keys, tags other than 1, nesting deeper than 32) is 400
//! `SerializationException`; so is a request without `Smithy-Protocol: rpc-v2-cbor`, with a
//! `Content-Type` other than `application/cbor`, or with an `X-Amz-Target` (which the
//! specification says a service must reject).
//!
//! What the reference says, and what we chose where it is silent:
//! - The plan: an account without Business support (the flag `ta.rs` keeps, so
//!   [`Sandbox::ta_set_support`] switches Trusted Advisor, Support and Health together) gets
//!   400 `SubscriptionRequiredException` on every operation. aws-sdk-health does not model
//!   that error: the SDK surfaces it as an unhandled error whose `code()` is
//!   `SubscriptionRequiredException`.
//! - The endpoint: calls signed for us-east-1 or us-east-2 (the active-passive pair) see
//!   the same data; any other signing region is 400 `InvalidSignatureException`
//!   ("Credential should be scoped to a valid region"), what a regional endpoint answers a
//!   wrongly scoped signature. The sandbox serves both endpoints from one port.
//! - Events: one per ARN, with the accounts it affects; DescribeEvents shows a caller the
//!   events that affect its account, sorted by `lastUpdatedTime`, newest first (ties by
//!   ARN). Filters: `eventArns`, `eventTypeCodes`, `services`, `regions`,
//!   `availabilityZones`, `eventTypeCategories`, `eventStatusCodes`, `actionabilities`,
//!   `personas`, `startTimes`/`endTimes`/`lastUpdatedTimes` (any range matches; `from` and
//!   `to` inclusive), `entityArns`/`entityValues` and `tags` (on the caller's entities).
//!   Lists hold 1–10 items (`entityArns` and `entityValues` 1–99, `awsAccountIds` 1–50);
//!   outside that, or an enum value outside the model's set, is 400 `ValidationException`.
//! - Paging: `maxResults` 1–100 (10–100 for DescribeAffectedAccountsForOrganization), outside
//!   that 400 `ValidationException`; 10 per page when absent (AWS documents no default; a
//!   small one catches a client that reads only the first page). A token we did not issue
//!   is 400 `InvalidPaginationToken`.
//! - DescribeEventDetails takes 1–10 ARNs; one the caller's account is not affected by
//!   lands in `failedSet` with `errorName` `UnsupportedEventException` (the name is our
//!   choice; the reference only says failures are listed).
//! - The organizational view: only the management account of a sandbox organization
//!   (`organizations.rs`) with organizational view enabled
//!   (EnableHealthServiceAccessForOrganization, or [`Sandbox::health_set_org_view`]) may call
//!   the `*ForOrganization` operations; anyone else gets 400 `AccessDeniedException` (the
//!   reference names no error; this is AWS's common one). It sees the events that affect
//!   the organization's accounts, only those accounts in DescribeAffectedAccountsForOrganization.
//!   DescribeHealthServiceStatusForOrganization, EnableHealthServiceAccessForOrganization and
//!   DisableHealthServiceAccessForOrganization answer the management account only (the last
//!   two with no body, their output being empty), and take effect at once.
//!   Delegated administrators are not modelled.
//! - Unknown operations are 404 `UnknownOperationException`; DescribeEventTypes,
//!   DescribeEventAggregates, DescribeEntityAggregates* and DescribeServiceLifecycle are not
//!   faked.

use super::aws;
use super::{Recorded, Reply, Sandbox, Shared, lock};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Where every rpcv2Cbor path starts; the server routes it here.
pub(crate) const PATH_PREFIX: &str = "/service/";
/// The service segment of the path (the service shape's name).
pub const HEALTH_SERVICE: &str = "AWSHealth_20160804";
const SERVICE_ABSOLUTE: &str = "com.amazonaws.health.AWSHealth_20160804";
const NAMESPACE: &str = "com.amazonaws.health";
const CBOR: &str = "application/cbor";
const PROTOCOL: &str = "rpc-v2-cbor";
/// The regions whose endpoints answer (the active-passive pair).
const REGIONS: &[&str] = &["us-east-1", "us-east-2"];
/// The message of the `SubscriptionRequiredException` an account without the plan gets.
pub const HEALTH_SUBSCRIPTION_REQUIRED_MESSAGE: &str =
    "The AWS Health API requires a Business, Enterprise On-Ramp, or Enterprise Support plan";
/// The message of the `AccessDeniedException` the organization operations answer anyone but
/// the management account of an organization with organizational view enabled.
pub const HEALTH_ORG_ACCESS_DENIED_MESSAGE: &str =
    "This operation requires the management account of an organization with organizational view enabled for AWS Health";

const DEFAULT_PAGE: i64 = 10;
const MAX_PAGE: i64 = 100;
/// Members whose values are timestamps in the Health shapes: encoded as tag 1.
const TIMESTAMP_MEMBERS: &[&str] = &["startTime", "endTime", "lastUpdatedTime", "from", "to"];
const CATEGORIES: &[&str] = &["issue", "accountNotification", "scheduledChange", "investigation"];
const EVENT_STATUSES: &[&str] = &["open", "closed", "upcoming"];
const ENTITY_STATUSES: &[&str] = &["IMPAIRED", "UNIMPAIRED", "UNKNOWN", "PENDING", "RESOLVED"];
const ACTIONABILITIES: &[&str] = &["ACTION_REQUIRED", "ACTION_MAY_BE_REQUIRED", "INFORMATIONAL"];
const PERSONAS: &[&str] = &["OPERATIONS", "SECURITY", "BILLING"];
/// What an Event carries that an OrganizationEvent does not.
const ACCOUNT_ONLY: &[&str] = &["availabilityZone"];
/// `lastUpdatedTime` of the newest generated event (2026-11-20T00:00:00Z); each next one a
/// minute older.
const GENERATED_EPOCH: i64 = 1_795_132_800;

/// Why a Health change could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HealthError {
    #[error("no Health event {0} in the sandbox")]
    NotFound(String),
    #[error("invalid Health change: {0}")]
    Invalid(String),
}

// ---------------------------------------------------------------------------------------
// CBOR <-> JSON

/// Deeper input is refused rather than recursed into.
const MAX_DEPTH: u32 = 32;

/// The CBOR body as a JSON value: maps with text keys become objects, arrays arrays, text
/// strings strings, integers and floats numbers, booleans booleans, null and undefined
/// null, a tag-1 timestamp its epoch seconds. Anything else, or bytes after the one item,
/// is an error (its text is the `message` of the `SerializationException`).
pub(crate) fn decode(bytes: &[u8]) -> Result<Value, String> {
    let mut d = minicbor::Decoder::new(bytes);
    let v = decode_item(&mut d, 0)?;
    if d.position() != bytes.len() {
        return Err(format!("unexpected bytes after the CBOR item at offset {}", d.position()));
    }
    Ok(v)
}

fn decode_item(d: &mut minicbor::Decoder, depth: u32) -> Result<Value, String> {
    use minicbor::data::Type;
    if depth > MAX_DEPTH {
        return Err("CBOR nested too deeply".into());
    }
    let e = |e: minicbor::decode::Error| format!("malformed CBOR: {e}");
    let ty = d.datatype().map_err(e)?;
    Ok(match ty {
        Type::Bool => Value::Bool(d.bool().map_err(e)?),
        Type::Null => {
            d.null().map_err(e)?;
            Value::Null
        }
        Type::Undefined => {
            d.undefined().map_err(e)?;
            Value::Null
        }
        Type::U8 | Type::U16 | Type::U32 | Type::U64 => json!(d.u64().map_err(e)?),
        Type::I8 | Type::I16 | Type::I32 | Type::I64 => json!(d.i64().map_err(e)?),
        Type::F16 | Type::F32 | Type::F64 => {
            let f = d.f64().map_err(e)?;
            serde_json::Number::from_f64(f).map(Value::Number).ok_or("non-finite CBOR float")?
        }
        Type::String | Type::StringIndef => Value::String(text(d)?),
        Type::Array | Type::ArrayIndef => {
            let mut items = Vec::new();
            match d.array().map_err(e)? {
                Some(n) => {
                    for _ in 0..n {
                        items.push(decode_item(d, depth + 1)?);
                    }
                }
                None => {
                    while d.datatype().map_err(e)? != Type::Break {
                        items.push(decode_item(d, depth + 1)?);
                    }
                    d.skip().map_err(e)?;
                }
            }
            Value::Array(items)
        }
        Type::Map | Type::MapIndef => {
            let mut m = Map::new();
            let mut pair = |d: &mut minicbor::Decoder| -> Result<(), String> {
                if !matches!(d.datatype().map_err(e)?, Type::String | Type::StringIndef) {
                    return Err("CBOR map keys must be text strings".into());
                }
                let k = text(d)?;
                let v = decode_item(d, depth + 1)?;
                m.insert(k, v);
                Ok(())
            };
            match d.map().map_err(e)? {
                Some(n) => {
                    for _ in 0..n {
                        pair(d)?;
                    }
                }
                None => {
                    while d.datatype().map_err(e)? != Type::Break {
                        pair(d)?;
                    }
                    d.skip().map_err(e)?;
                }
            }
            Value::Object(m)
        }
        Type::Tag => {
            let tag = d.tag().map_err(e)?;
            if tag.as_u64() != 1 {
                return Err(format!("unsupported CBOR tag {}", tag.as_u64()));
            }
            match d.datatype().map_err(e)? {
                Type::U8 | Type::U16 | Type::U32 | Type::U64 | Type::I8 | Type::I16 | Type::I32 | Type::I64 => {
                    json!(d.i64().map_err(e)?)
                }
                Type::F16 | Type::F32 | Type::F64 => {
                    let f = d.f64().map_err(e)?;
                    serde_json::Number::from_f64(f).map(Value::Number).ok_or("non-finite CBOR timestamp")?
                }
                other => return Err(format!("a CBOR timestamp must be a number, not {other}")),
            }
        }
        other => return Err(format!("unsupported CBOR item: {other}")),
    })
}

/// A text string, definite or in chunks.
fn text(d: &mut minicbor::Decoder) -> Result<String, String> {
    let mut s = String::new();
    for chunk in d.str_iter().map_err(|e| format!("malformed CBOR: {e}"))? {
        s.push_str(chunk.map_err(|e| format!("malformed CBOR: {e}"))?);
    }
    Ok(s)
}

/// `v` as CBOR: objects as definite maps without their null members, numbers in the
/// smallest integer form or as a double, and the [`TIMESTAMP_MEMBERS`] as tag 1.
pub(crate) fn encode(v: &Value) -> Vec<u8> {
    let mut e = minicbor::Encoder::new(Vec::new());
    encode_item(&mut e, v, false);
    e.into_writer()
}

fn encode_item(e: &mut minicbor::Encoder<Vec<u8>>, v: &Value, timestamp: bool) {
    // Writing to a Vec cannot fail.
    let _ = match v {
        Value::Null => e.null().map(drop),
        Value::Bool(b) => e.bool(*b).map(drop),
        Value::Number(n) => {
            if timestamp {
                let _ = e.tag(minicbor::data::Tag::new(1));
            }
            match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => e.u64(u).map(drop),
                (_, Some(i), _) => e.i64(i).map(drop),
                (_, _, f) => e.f64(f.unwrap_or_default()).map(drop),
            }
        }
        Value::String(s) => e.str(s).map(drop),
        Value::Array(items) => {
            let _ = e.array(items.len() as u64);
            for item in items {
                encode_item(e, item, false);
            }
            Ok(())
        }
        Value::Object(m) => {
            let present: Vec<_> = m.iter().filter(|(_, v)| !v.is_null()).collect();
            let _ = e.map(present.len() as u64);
            for (k, v) in present {
                let _ = e.str(k);
                encode_item(e, v, TIMESTAMP_MEMBERS.contains(&k.as_str()));
            }
            Ok(())
        }
    };
}

// ---------------------------------------------------------------------------------------
// Replies

/// Every rpcv2Cbor answer's headers.
fn headers() -> Vec<(String, String)> {
    vec![("smithy-protocol".into(), PROTOCOL.into()), ("content-type".into(), CBOR.into())]
}

/// A 200 answer with `v` as its CBOR body.
fn reply(v: &Value) -> Reply {
    Reply { status: 200, headers: headers(), body: encode(v) }
}

/// An error: `status` with `{"__type": <absolute shape id>, "message": message}`. A bare
/// `code` is a Health error (`com.amazonaws.health#<code>`); AWS's common errors pass their
/// own absolute id.
pub(crate) fn error(status: u16, code: &str, message: &str) -> Reply {
    let shape = if code.contains('#') { code.to_string() } else { format!("{NAMESPACE}#{code}") };
    Reply { status, headers: headers(), body: encode(&json!({"__type": shape, "message": message})) }
}

fn serialization(message: &str) -> Reply {
    error(400, "com.amazon.coral.service#SerializationException", message)
}

fn validation(message: &str) -> Reply {
    error(400, "com.amazon.coral.validate#ValidationException", message)
}

fn access_denied() -> Reply {
    error(400, "com.amazon.coral.service#AccessDeniedException", HEALTH_ORG_ACCESS_DENIED_MESSAGE)
}

/// The `AWSHealth_20160804.<Operation>` a fault's `target` pattern sees for a Health call.
pub(crate) fn call_target(rec: &Recorded) -> Option<String> {
    let (service, operation) = route_of(&rec.path)?;
    (service == HEALTH_SERVICE || service == SERVICE_ABSOLUTE).then(|| format!("{HEALTH_SERVICE}.{operation}"))
}

/// The service and operation segments: the protocol routes on the last four segments
/// (`service/<name>/operation/<name>`), whatever prefix comes before.
fn route_of(path: &str) -> Option<(&str, &str)> {
    let segments: Vec<&str> = path.split('/').collect();
    match segments[..] {
        [.., "service", service, "operation", operation] if !operation.is_empty() => Some((service, operation)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// State

struct Ev {
    /// As DescribeEvents answers it; timestamps in epoch seconds.
    event: Value,
    description: String,
    metadata: Map<String, Value>,
    /// The affected accounts, in the order they were given.
    accounts: Vec<String>,
    /// As DescribeAffectedEntities answers them, each with its `awsAccountId`.
    entities: Vec<Value>,
}

impl Ev {
    fn arn(&self) -> &str {
        self.event["arn"].as_str().unwrap_or_default()
    }

    fn updated(&self) -> f64 {
        self.event["lastUpdatedTime"].as_f64().unwrap_or_default()
    }

    fn org_event(&self) -> Value {
        let mut v = self.event.clone();
        if let Value::Object(m) = &mut v {
            for k in ACCOUNT_ONLY {
                m.remove(*k);
            }
        }
        v
    }

    fn details(&self) -> Value {
        json!({
            "event": self.event,
            "eventDescription": {"latestDescription": self.description},
            "eventMetadata": self.metadata,
        })
    }

    fn dump(&self) -> Value {
        json!({
            "event": self.event, "description": self.description, "metadata": self.metadata,
            "accounts": self.accounts, "entities": self.entities,
        })
    }
}

/// Every Health event the sandbox holds, and which organizations enabled the view.
#[derive(Default)]
pub(crate) struct Health {
    events: Vec<Ev>,
    /// Management accounts whose organization has organizational view enabled.
    org_view: BTreeSet<String>,
    /// For ids: events made so far.
    made: u64,
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// A timestamp given to a change: epoch seconds or an RFC 3339 string.
fn epoch(v: &Value, name: &str) -> Result<Value, HealthError> {
    match v {
        Value::Number(_) => Ok(v.clone()),
        Value::String(s) => s
            .parse::<jiff::Timestamp>()
            .map(|t| json!(t.as_second()))
            .map_err(|e| HealthError::Invalid(format!("`{name}` is not a timestamp: {e}"))),
        _ => Err(HealthError::Invalid(format!("`{name}` must be epoch seconds or an RFC 3339 string"))),
    }
}

fn short_id(seed: &str) -> String {
    let h = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(seed.as_bytes())).to_uppercase();
    format!("{}-{}", &h[..8], &h[8..14])
}

impl Health {
    fn find(&self, arn: &str) -> Option<&Ev> {
        self.events.iter().find(|e| e.arn() == arn)
    }

    fn find_mut(&mut self, arn: &str) -> Result<&mut Ev, HealthError> {
        self.events.iter_mut().find(|e| e.arn() == arn).ok_or_else(|| HealthError::NotFound(arn.to_string()))
    }

    /// See [`Sandbox::health_put_event`].
    pub fn put_event(&mut self, accounts: &[&str], event: Value) -> Result<String, HealthError> {
        let Value::Object(mut given) = event else {
            return Err(HealthError::Invalid("an event must be a JSON object".into()));
        };
        for a in accounts {
            if !(a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit())) {
                return Err(HealthError::Invalid(format!("`{a}` is not a 12-digit account id")));
            }
        }
        let description = given.remove("description");
        let metadata = given.remove("metadata");
        let entities = given.remove("entities");
        for k in ["startTime", "endTime", "lastUpdatedTime"] {
            if let Some(v) = given.get(k).filter(|v| !v.is_null()) {
                let t = epoch(v, k)?;
                given.insert(k.to_string(), t);
            }
        }
        let existing = given.get("arn").and_then(Value::as_str).is_some_and(|a| self.find(a).is_some());
        let arn = if existing {
            let arn = given["arn"].as_str().unwrap_or_default().to_string();
            let ev = self.find_mut(&arn)?;
            for (k, v) in given {
                ev.event[k.as_str()] = v;
            }
            if !ev.event.as_object().is_some_and(|m| m.contains_key("lastUpdatedTime")) {
                ev.event["lastUpdatedTime"] = json!(now());
            }
            if !accounts.is_empty() {
                ev.accounts = accounts.iter().map(|a| a.to_string()).collect();
            }
            arn
        } else {
            if accounts.is_empty() {
                return Err(HealthError::Invalid("an event needs at least one affected account".into()));
            }
            let service = given.get("service").and_then(Value::as_str).unwrap_or("EC2").to_uppercase();
            let code = given
                .get("eventTypeCode")
                .and_then(Value::as_str)
                .map_or_else(|| format!("AWS_{service}_OPERATIONAL_ISSUE"), str::to_string);
            let region = given.get("region").and_then(Value::as_str).unwrap_or("us-east-1").to_string();
            self.made += 1;
            let arn = match given.get("arn").and_then(Value::as_str) {
                Some(a) => a.to_string(),
                None => format!(
                    "arn:aws:health:{region}::event/{service}/{code}/{code}_{}",
                    short_id(&format!("health-{}-{code}", self.made))
                ),
            };
            let category = if code.contains("SCHEDULED") { "scheduledChange" } else { "issue" };
            let t = now();
            let mut event = json!({
                "arn": arn, "service": service, "eventTypeCode": code, "eventTypeCategory": category,
                "region": region, "startTime": t, "lastUpdatedTime": t, "statusCode": "open",
                "eventScopeCode": "ACCOUNT_SPECIFIC",
            });
            for (k, v) in given {
                event[k.as_str()] = v;
            }
            let accounts = accounts.iter().map(|a| a.to_string()).collect();
            let text = format!("A sandbox {code} event.");
            self.events.push(Ev { event, description: text, metadata: Map::new(), accounts, entities: Vec::new() });
            arn
        };
        let ev = self.find_mut(&arn)?;
        if let Some(d) = description {
            ev.description =
                d.as_str().ok_or_else(|| HealthError::Invalid("`description` must be text".into()))?.into();
        }
        if let Some(m) = metadata {
            let Value::Object(m) = m else { return Err(HealthError::Invalid("`metadata` must be an object".into())) };
            ev.metadata = m;
        }
        if let Some(list) = entities {
            let Value::Array(list) = list else { return Err(HealthError::Invalid("`entities` must be a list".into())) };
            ev.entities.clear();
            for entity in list {
                Self::add_entity(ev, entity)?;
            }
        }
        Ok(arn)
    }

    fn add_entity(ev: &mut Ev, entity: Value) -> Result<(), HealthError> {
        let Value::Object(mut m) = entity else {
            return Err(HealthError::Invalid("an entity must be an object".into()));
        };
        let value = m.get("entityValue").and_then(Value::as_str).unwrap_or("").to_string();
        if value.is_empty() {
            return Err(HealthError::Invalid("an entity needs an `entityValue`".into()));
        }
        let account = m.get("awsAccountId").and_then(Value::as_str).map(str::to_string);
        let account = account.or_else(|| ev.accounts.first().cloned()).unwrap_or_default();
        if !ev.accounts.contains(&account) {
            return Err(HealthError::Invalid(format!("entity account {account} is not affected by the event")));
        }
        let region = ev.event["region"].as_str().unwrap_or("us-east-1");
        let id = short_id(&format!("{}/{account}/{value}", ev.arn()));
        m.entry("entityArn").or_insert_with(|| json!(format!("arn:aws:health:{region}:{account}:entity/{id}")));
        m.insert("eventArn".into(), json!(ev.arn()));
        m.insert("awsAccountId".into(), json!(account));
        m.entry("statusCode").or_insert_with(|| json!("IMPAIRED"));
        let updated = match m.get("lastUpdatedTime") {
            Some(v) => epoch(v, "lastUpdatedTime")?,
            None => ev.event["lastUpdatedTime"].clone(),
        };
        m.insert("lastUpdatedTime".into(), updated);
        ev.entities.retain(|e| !(e["entityValue"] == value.as_str() && e["awsAccountId"] == account.as_str()));
        ev.entities.push(Value::Object(m));
        Ok(())
    }

    /// See [`Sandbox::health_set_status`].
    pub fn set_status(&mut self, arn: &str, status: &str) -> Result<(), HealthError> {
        if !EVENT_STATUSES.contains(&status) {
            return Err(HealthError::Invalid(format!("status `{status}` is not open, upcoming or closed")));
        }
        let ev = self.find_mut(arn)?;
        let t = now();
        ev.event["statusCode"] = json!(status);
        ev.event["lastUpdatedTime"] = json!(t);
        if status == "closed" && ev.event.get("endTime").is_none_or(Value::is_null) {
            ev.event["endTime"] = json!(t);
        }
        Ok(())
    }

    /// See [`Sandbox::health_set_window`].
    pub fn set_window(&mut self, arn: &str, start: i64, end: Option<i64>) -> Result<(), HealthError> {
        let ev = self.find_mut(arn)?;
        ev.event["startTime"] = json!(start);
        ev.event["endTime"] = end.map_or(Value::Null, |e| json!(e));
        if let Value::Object(m) = &mut ev.event {
            m.retain(|_, v| !v.is_null());
        }
        ev.event["lastUpdatedTime"] = json!(now());
        Ok(())
    }

    /// See [`Sandbox::health_set_entity_status`].
    pub fn set_entity_status(&mut self, arn: &str, entity_value: &str, status: &str) -> Result<(), HealthError> {
        let ev = self.find_mut(arn)?;
        let t = now();
        let mut hit = false;
        for e in ev.entities.iter_mut().filter(|e| e["entityValue"] == entity_value) {
            e["statusCode"] = json!(status);
            e["lastUpdatedTime"] = json!(t);
            hit = true;
        }
        if !hit {
            return Err(HealthError::NotFound(format!("{arn} entity {entity_value}")));
        }
        ev.event["lastUpdatedTime"] = json!(t);
        Ok(())
    }

    pub fn remove_event(&mut self, arn: &str) -> Result<(), HealthError> {
        let before = self.events.len();
        self.events.retain(|e| e.arn() != arn);
        if self.events.len() == before {
            return Err(HealthError::NotFound(arn.to_string()));
        }
        Ok(())
    }

    /// See [`Sandbox::health_generate`].
    pub fn generate(&mut self, account: &str, n: usize) -> Result<Vec<String>, HealthError> {
        const KINDS: &[(&str, &str, &str, &str)] = &[
            ("EC2", "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", "scheduledChange", "upcoming"),
            ("RDS", "AWS_RDS_MAINTENANCE_SCHEDULED", "scheduledChange", "upcoming"),
            ("EC2", "AWS_EC2_OPERATIONAL_ISSUE", "issue", "open"),
            ("DIRECTCONNECT", "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED", "scheduledChange", "closed"),
            ("IAM", "AWS_IAM_ACCOUNT_NOTIFICATION", "accountNotification", "open"),
        ];
        let mut arns = Vec::with_capacity(n);
        for i in 0..n {
            let (service, code, category, status) = KINDS[i % KINDS.len()];
            let region = if i % 2 == 0 { "us-east-1" } else { "ap-northeast-1" };
            let updated = GENERATED_EPOCH - 60 * i as i64;
            let arn = format!("arn:aws:health:{region}::event/{service}/{code}/{code}_G{i:07}-{account}");
            let event = json!({
                "arn": arn, "service": service, "eventTypeCode": code, "eventTypeCategory": category,
                "region": region, "statusCode": status, "startTime": updated - 3600, "lastUpdatedTime": updated,
                "entities": [{"entityValue": format!("i-{i:017x}"), "statusCode": "IMPAIRED"}],
            });
            arns.push(self.put_event(&[account], event)?);
        }
        Ok(arns)
    }

    pub fn set_org_view(&mut self, management_account: &str, enabled: bool) {
        if enabled {
            self.org_view.insert(management_account.to_string());
        } else {
            self.org_view.remove(management_account);
        }
    }

    pub fn dump(&self) -> Value {
        let events: Vec<Value> = self.events.iter().map(Ev::dump).collect();
        json!({"events": events, "orgView": self.org_view})
    }
}

// ---------------------------------------------------------------------------------------
// Requests

/// Who asks, and what they may see.
struct Ctx {
    account: String,
    /// For the organization operations: the organization's accounts.
    org: Vec<String>,
}

/// A request under [`PATH_PREFIX`].
pub(crate) fn handle(shared: &Shared, rec: &Recorded) -> Reply {
    let Some((service, operation)) = route_of(&rec.path) else {
        return error(404, "com.amazon.coral.service#UnknownOperationException", "no such operation");
    };
    if service != HEALTH_SERVICE && service != SERVICE_ABSOLUTE {
        return error(404, "com.amazon.coral.service#UnknownOperationException", &format!("unknown service {service}"));
    }
    if rec.method != "POST" {
        return error(404, "com.amazon.coral.service#UnknownOperationException", "rpcv2Cbor operations are POST");
    }
    if rec.header("x-amz-target").is_some() || rec.header("x-amzn-target").is_some() {
        return serialization("an rpcv2Cbor request must not carry X-Amz-Target");
    }
    if rec.header("smithy-protocol") != Some(PROTOCOL) {
        return serialization("the Smithy-Protocol header must be rpc-v2-cbor");
    }
    if !rec.body.is_empty() && rec.header("content-type").is_none_or(|ct| !ct.eq_ignore_ascii_case(CBOR)) {
        return serialization("the Content-Type must be application/cbor");
    }
    let caller = match aws::authenticate(rec, error_common) {
        Ok(c) => c,
        Err(reply) => return reply,
    };
    if !REGIONS.contains(&caller.region.as_str()) {
        let message = format!("Credential should be scoped to a valid region, not '{}'.", caller.region);
        return error(400, "com.amazon.coral.service#InvalidSignatureException", &message);
    }
    if !lock(&shared.ta).business(&caller.account) {
        return error(
            400,
            "com.amazon.coral.service#SubscriptionRequiredException",
            HEALTH_SUBSCRIPTION_REQUIRED_MESSAGE,
        );
    }
    let input = if rec.body.is_empty() {
        Map::new()
    } else {
        match decode(&rec.body) {
            Ok(Value::Object(m)) => m,
            Ok(_) => return serialization("the request body must be a CBOR map"),
            Err(e) => return serialization(&e),
        }
    };
    let account = caller.account;
    let org_op = operation.ends_with("ForOrganization");
    let org = if org_op { lock(&shared.orgs).accounts_managed_by(&account) } else { None };
    let mut health = lock(&shared.health);
    if org_op {
        let Some(org) = org else { return access_denied() };
        let ctx = Ctx { account, org };
        match operation {
            "DescribeHealthServiceStatusForOrganization" => {
                let on = health.org_view.contains(&ctx.account);
                return reply(
                    &json!({"healthServiceAccessStatusForOrganization": if on { "ENABLED" } else { "DISABLED" }}),
                );
            }
            "EnableHealthServiceAccessForOrganization" => {
                health.set_org_view(&ctx.account, true);
                return Reply {
                    status: 200,
                    headers: vec![("smithy-protocol".into(), PROTOCOL.into())],
                    body: Vec::new(),
                };
            }
            "DisableHealthServiceAccessForOrganization" => {
                health.set_org_view(&ctx.account, false);
                return Reply {
                    status: 200,
                    headers: vec![("smithy-protocol".into(), PROTOCOL.into())],
                    body: Vec::new(),
                };
            }
            _ => {}
        }
        if !health.org_view.contains(&ctx.account) {
            return access_denied();
        }
        let done = match operation {
            "DescribeEventsForOrganization" => describe_events_for_organization(&health, &ctx, &input),
            "DescribeAffectedAccountsForOrganization" => describe_affected_accounts(&health, &ctx, &input),
            "DescribeEventDetailsForOrganization" => describe_event_details_for_organization(&health, &ctx, &input),
            "DescribeAffectedEntitiesForOrganization" => {
                describe_affected_entities_for_organization(&health, &ctx, &input)
            }
            _ => Err(unknown(operation)),
        };
        return done.unwrap_or_else(|e| e);
    }
    let ctx = Ctx { account, org: Vec::new() };
    let done = match operation {
        "DescribeEvents" => describe_events(&health, &ctx, &input),
        "DescribeEventDetails" => describe_event_details(&health, &ctx, &input),
        "DescribeAffectedEntities" => describe_affected_entities(&health, &ctx, &input),
        _ => Err(unknown(operation)),
    };
    done.unwrap_or_else(|e| e)
}

fn unknown(operation: &str) -> Reply {
    let message = format!("Operation {operation} is not supported by the sandbox");
    error(404, "com.amazon.coral.service#UnknownOperationException", &message)
}

/// For [`aws::authenticate`]: AWS's common errors in this protocol's shape.
fn error_common(status: u16, code: &str, message: &str) -> Reply {
    error(status, &format!("com.amazon.coral.service#{code}"), message)
}

// --- Input reading

type Obj = Map<String, Value>;

fn object<'a>(m: &'a Obj, name: &str) -> Result<Option<&'a Obj>, Reply> {
    match m.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => Err(serialization(&format!("'{name}' must be a structure"))),
    }
}

fn string<'a>(m: &'a Obj, name: &str) -> Result<Option<&'a str>, Reply> {
    match m.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(serialization(&format!("'{name}' must be a string"))),
    }
}

/// A list of strings of `1..=max` items, each in `allowed` when given.
fn strings(m: &Obj, name: &str, max: usize, allowed: Option<&[&str]>) -> Result<Option<Vec<String>>, Reply> {
    let items = match m.get(name) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(serialization(&format!("'{name}' must be a list of strings"))),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let s = item.as_str().ok_or_else(|| serialization(&format!("'{name}' must be a list of strings")))?;
        if let Some(allowed) = allowed.filter(|a| !a.contains(&s)) {
            let constraint = format!("Member must satisfy enum value set: [{}]", allowed.join(", "));
            return Err(validation(&aws::constraint_message(s, name, &constraint)));
        }
        out.push(s.to_string());
    }
    if out.is_empty() || out.len() > max {
        let constraint = format!("Member must have length between 1 and {max}");
        return Err(validation(&aws::constraint_message(&format!("{} items", out.len()), name, &constraint)));
    }
    Ok(Some(out))
}

/// `maxResults` within `min..=MAX_PAGE`, [`DEFAULT_PAGE`] when absent.
fn max_results(m: &Obj, min: i64) -> Result<i64, Reply> {
    match m.get("maxResults") {
        None | Some(Value::Null) => Ok(DEFAULT_PAGE.max(min)),
        Some(v) => match v.as_i64() {
            Some(n) if (min..=MAX_PAGE).contains(&n) => Ok(n),
            Some(n) => {
                let constraint = format!("Member must have value between {min} and {MAX_PAGE}");
                Err(validation(&aws::constraint_message(&n.to_string(), "maxResults", &constraint)))
            }
            None => Err(serialization("'maxResults' must be an integer")),
        },
    }
}

/// One page of `items` by the input's `maxResults` and `nextToken`.
fn page(items: Vec<Value>, m: &Obj, min: i64) -> Result<(Vec<Value>, Option<String>), Reply> {
    let max = max_results(m, min)?;
    let token = string(m, "nextToken")?;
    aws::page(items, Some(max), token, max as usize, |_| {
        error(400, "InvalidPaginationToken", "The specified pagination token is not valid")
    })
}

/// A DateTimeRange: `from` and `to`, either open.
type Range = (Option<f64>, Option<f64>);

fn range(v: &Value, name: &str) -> Result<Range, Reply> {
    let Value::Object(o) = v else { return Err(serialization(&format!("'{name}' must be a DateTimeRange"))) };
    let bound = |k: &str| match o.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_f64().map(Some).ok_or_else(|| serialization(&format!("'{name}.{k}' must be a timestamp"))),
    };
    Ok((bound("from")?, bound("to")?))
}

fn ranges(m: &Obj, name: &str) -> Result<Vec<Range>, Reply> {
    match m.get(name) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) if (1..=10).contains(&items.len()) => items.iter().map(|v| range(v, name)).collect(),
        Some(Value::Array(items)) => {
            let constraint = "Member must have length between 1 and 10";
            Err(validation(&aws::constraint_message(&format!("{} items", items.len()), name, constraint)))
        }
        Some(_) => Err(serialization(&format!("'{name}' must be a list of DateTimeRange"))),
    }
}

fn in_range(t: Option<f64>, r: &Range) -> bool {
    t.is_some_and(|t| r.0.is_none_or(|f| t >= f) && r.1.is_none_or(|to| t <= to))
}

/// An EventFilter or an OrganizationEventFilter, read.
#[derive(Default)]
struct Filter {
    arns: Option<Vec<String>>,
    codes: Option<Vec<String>>,
    services: Option<Vec<String>>,
    regions: Option<Vec<String>>,
    zones: Option<Vec<String>>,
    categories: Option<Vec<String>>,
    statuses: Option<Vec<String>>,
    actionabilities: Option<Vec<String>>,
    personas: Option<Vec<String>>,
    entity_arns: Option<Vec<String>>,
    entity_values: Option<Vec<String>>,
    accounts: Option<Vec<String>>,
    tags: Vec<BTreeMap<String, String>>,
    start: Vec<Range>,
    end: Vec<Range>,
    updated: Vec<Range>,
}

impl Filter {
    fn read(m: Option<&Obj>, org: bool) -> Result<Filter, Reply> {
        let Some(m) = m else { return Ok(Filter::default()) };
        let mut f = Filter {
            codes: strings(m, "eventTypeCodes", 10, None)?,
            services: strings(m, "services", 10, None)?,
            regions: strings(m, "regions", 10, None)?,
            categories: strings(m, "eventTypeCategories", 10, Some(CATEGORIES))?,
            statuses: strings(m, "eventStatusCodes", 6, Some(EVENT_STATUSES))?,
            actionabilities: strings(m, "actionabilities", 3, Some(ACTIONABILITIES))?,
            personas: strings(m, "personas", 3, Some(PERSONAS))?,
            entity_arns: strings(m, "entityArns", 99, None)?,
            entity_values: strings(m, "entityValues", 99, None)?,
            ..Filter::default()
        };
        if org {
            f.accounts = strings(m, "awsAccountIds", 50, None)?;
            for (name, slot) in
                [("startTime", &mut f.start), ("endTime", &mut f.end), ("lastUpdatedTime", &mut f.updated)]
            {
                if let Some(v) = m.get(name).filter(|v| !v.is_null()) {
                    slot.push(range(v, name)?);
                }
            }
        } else {
            f.arns = strings(m, "eventArns", 10, None)?;
            f.zones = strings(m, "availabilityZones", 10, None)?;
            f.start = ranges(m, "startTimes")?;
            f.end = ranges(m, "endTimes")?;
            f.updated = ranges(m, "lastUpdatedTimes")?;
            f.tags = tag_sets(m)?;
        }
        Ok(f)
    }

    /// Whether `ev` passes, for a caller who sees the accounts `visible`.
    fn matches(&self, ev: &Ev, visible: &[String]) -> bool {
        let e = &ev.event;
        let field_in = |list: &Option<Vec<String>>, k: &str| {
            list.as_ref().is_none_or(|l| e[k].as_str().is_some_and(|v| l.iter().any(|x| x == v)))
        };
        let personas_ok = self.personas.as_ref().is_none_or(|l| {
            e["personas"]
                .as_array()
                .is_some_and(|ps| ps.iter().any(|p| p.as_str().is_some_and(|p| l.iter().any(|x| x == p))))
        });
        let times = |ranges: &[Range], k: &str| ranges.is_empty() || ranges.iter().any(|r| in_range(e[k].as_f64(), r));
        let mine: Vec<&Value> = ev
            .entities
            .iter()
            .filter(|x| x["awsAccountId"].as_str().is_some_and(|a| visible.iter().any(|v| v == a)))
            .collect();
        let entity_in = |list: &Option<Vec<String>>, k: &str| {
            list.as_ref().is_none_or(|l| mine.iter().any(|x| x[k].as_str().is_some_and(|v| l.iter().any(|y| y == v))))
        };
        let tags_ok = self.tags.is_empty()
            || mine
                .iter()
                .any(|x| self.tags.iter().any(|set| set.iter().all(|(k, v)| x["tags"][k.as_str()] == v.as_str())));
        let accounts_ok =
            self.accounts.as_ref().is_none_or(|l| ev.accounts.iter().any(|a| l.contains(a) && visible.contains(a)));
        field_in(&self.arns, "arn")
            && field_in(&self.codes, "eventTypeCode")
            && field_in(&self.services, "service")
            && field_in(&self.regions, "region")
            && field_in(&self.zones, "availabilityZone")
            && field_in(&self.categories, "eventTypeCategory")
            && field_in(&self.statuses, "statusCode")
            && field_in(&self.actionabilities, "actionability")
            && personas_ok
            && times(&self.start, "startTime")
            && times(&self.end, "endTime")
            && times(&self.updated, "lastUpdatedTime")
            && entity_in(&self.entity_arns, "entityArn")
            && entity_in(&self.entity_values, "entityValue")
            && tags_ok
            && accounts_ok
    }
}

/// `tags`: a list of 0–50 string maps.
fn tag_sets(m: &Obj) -> Result<Vec<BTreeMap<String, String>>, Reply> {
    let bad = || serialization("'tags' must be a list of string maps");
    match m.get("tags") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(sets)) if sets.len() <= 50 => sets
            .iter()
            .map(|s| {
                let o = s.as_object().ok_or_else(bad)?;
                o.iter().map(|(k, v)| Ok((k.clone(), v.as_str().ok_or_else(bad)?.to_string()))).collect()
            })
            .collect(),
        Some(_) => Err(bad()),
    }
}

/// The events `visible` accounts are affected by, newest `lastUpdatedTime` first.
fn visible_events<'h>(health: &'h Health, visible: &[String], filter: &Filter) -> Vec<&'h Ev> {
    let mut evs: Vec<&Ev> = health
        .events
        .iter()
        .filter(|e| e.accounts.iter().any(|a| visible.contains(a)) && filter.matches(e, visible))
        .collect();
    evs.sort_by(|a, b| b.updated().total_cmp(&a.updated()).then_with(|| a.arn().cmp(b.arn())));
    evs
}

fn paged(key: &str, items: Vec<Value>, next: Option<String>) -> Reply {
    let mut out = json!({ key: items });
    if let Some(t) = next {
        out["nextToken"] = json!(t);
    }
    reply(&out)
}

fn describe_events(health: &Health, ctx: &Ctx, input: &Obj) -> Result<Reply, Reply> {
    locale(input)?;
    let filter = Filter::read(object(input, "filter")?, false)?;
    let mine = [ctx.account.clone()];
    let items = visible_events(health, &mine, &filter).into_iter().map(|e| e.event.clone()).collect();
    let (items, next) = page(items, input, 1)?;
    Ok(paged("events", items, next))
}

fn describe_events_for_organization(health: &Health, ctx: &Ctx, input: &Obj) -> Result<Reply, Reply> {
    locale(input)?;
    let filter = Filter::read(object(input, "filter")?, true)?;
    let items = visible_events(health, &ctx.org, &filter).into_iter().map(Ev::org_event).collect();
    let (items, next) = page(items, input, 1)?;
    Ok(paged("events", items, next))
}

/// `locale`: English (`en`) is the only one the reference supports; it is checked and
/// otherwise ignored.
fn locale(input: &Obj) -> Result<(), Reply> {
    match string(input, "locale")? {
        Some(l) if !(l == "en" || l.starts_with("en-") || l.starts_with("en_")) => {
            Err(error(400, "UnsupportedLocale", &format!("The locale '{l}' is not supported")))
        }
        _ => Ok(()),
    }
}

fn failed(arn: &str, account: Option<&str>, message: &str) -> Value {
    let mut v = json!({"eventArn": arn, "errorName": "UnsupportedEventException", "errorMessage": message});
    if let Some(a) = account {
        v["awsAccountId"] = json!(a);
    }
    v
}

fn describe_event_details(health: &Health, ctx: &Ctx, input: &Obj) -> Result<Reply, Reply> {
    locale(input)?;
    let Some(arns) = strings(input, "eventArns", 10, None)? else {
        return Err(validation(&aws::constraint_message("null", "eventArns", "Member must not be null")));
    };
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    for arn in &arns {
        match health.find(arn).filter(|e| e.accounts.contains(&ctx.account)) {
            Some(ev) => ok.push(ev.details()),
            None => bad.push(failed(arn, None, "Event not found for this account")),
        }
    }
    Ok(reply(&json!({"successfulSet": ok, "failedSet": bad})))
}

fn describe_event_details_for_organization(health: &Health, ctx: &Ctx, input: &Obj) -> Result<Reply, Reply> {
    locale(input)?;
    let filters = account_filters(input, "organizationEventDetailFilters")?;
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    for (arn, account, _) in &filters {
        let ev = health.find(arn).filter(|e| e.accounts.iter().any(|a| ctx.org.contains(a)));
        let account_specific = ev.is_some_and(|e| e.event["eventScopeCode"] == "ACCOUNT_SPECIFIC");
        match (ev, account.as_deref()) {
            (Some(ev), Some(a)) if ev.accounts.iter().any(|x| x == a) && ctx.org.iter().any(|x| x == a) => {
                let mut d = ev.details();
                d["awsAccountId"] = json!(a);
                ok.push(d);
            }
            (Some(ev), None) if !account_specific => ok.push(ev.details()),
            (Some(_), None) => bad.push(failed(arn, None, "awsAccountId is required for an account-specific event")),
            _ => bad.push(failed(arn, account.as_deref(), "Event not found for this account")),
        }
    }
    Ok(reply(&json!({"successfulSet": ok, "failedSet": bad})))
}

/// A list (1–10) of `{eventArn, awsAccountId?, statusCodes?}`.
#[allow(clippy::type_complexity)]
fn account_filters(input: &Obj, name: &str) -> Result<Vec<(String, Option<String>, Option<Vec<String>>)>, Reply> {
    let items = match input.get(name) {
        Some(Value::Array(items)) if (1..=10).contains(&items.len()) => items,
        None | Some(Value::Null) => {
            return Err(validation(&aws::constraint_message("null", name, "Member must not be null")));
        }
        Some(Value::Array(items)) => {
            let constraint = "Member must have length between 1 and 10";
            return Err(validation(&aws::constraint_message(&format!("{} items", items.len()), name, constraint)));
        }
        Some(_) => return Err(serialization(&format!("'{name}' must be a list"))),
    };
    items
        .iter()
        .map(|item| {
            let o = item.as_object().ok_or_else(|| serialization(&format!("'{name}' items must be structures")))?;
            let arn = string(o, "eventArn")?
                .ok_or_else(|| validation(&aws::constraint_message("null", "eventArn", "Member must not be null")))?;
            let account = string(o, "awsAccountId")?.map(str::to_string);
            let statuses = strings(o, "statusCodes", 3, Some(ENTITY_STATUSES))?;
            Ok((arn.to_string(), account, statuses))
        })
        .collect()
}

fn describe_affected_accounts(health: &Health, ctx: &Ctx, input: &Obj) -> Result<Reply, Reply> {
    let Some(arn) = string(input, "eventArn")? else {
        return Err(validation(&aws::constraint_message("null", "eventArn", "Member must not be null")));
    };
    let ev = health.find(arn);
    let accounts: Vec<Value> =
        ev.map(|e| e.accounts.iter().filter(|a| ctx.org.contains(a)).map(|a| json!(a)).collect()).unwrap_or_default();
    let (items, next) = page(accounts, input, 10)?;
    let mut out = json!({"affectedAccounts": items});
    if let Some(ev) = ev.filter(|e| e.accounts.iter().any(|a| ctx.org.contains(a))) {
        out["eventScopeCode"] = ev.event["eventScopeCode"].clone();
    }
    if let Some(t) = next {
        out["nextToken"] = json!(t);
    }
    Ok(reply(&out))
}

/// Entities of `ev` in `account` that pass an EntityFilter's entity-level parts.
fn entity_passes(x: &Value, filter: &Obj, statuses: Option<&[String]>) -> Result<bool, Reply> {
    let arns = strings(filter, "entityArns", 99, None)?;
    let values = strings(filter, "entityValues", 100, None)?;
    let updated = ranges(filter, "lastUpdatedTimes")?;
    let tags = tag_sets(filter)?;
    let has = |list: &Option<Vec<String>>, k: &str| {
        list.as_ref().is_none_or(|l| x[k].as_str().is_some_and(|v| l.iter().any(|y| y == v)))
    };
    Ok(has(&arns, "entityArn")
        && has(&values, "entityValue")
        && statuses.is_none_or(|s| x["statusCode"].as_str().is_some_and(|v| s.iter().any(|y| y == v)))
        && (updated.is_empty() || updated.iter().any(|r| in_range(x["lastUpdatedTime"].as_f64(), r)))
        && (tags.is_empty() || tags.iter().any(|set| set.iter().all(|(k, v)| x["tags"][k.as_str()] == v.as_str()))))
}

fn describe_affected_entities(health: &Health, ctx: &Ctx, input: &Obj) -> Result<Reply, Reply> {
    locale(input)?;
    let Some(filter) = object(input, "filter")? else {
        return Err(validation(&aws::constraint_message("null", "filter", "Member must not be null")));
    };
    let Some(arns) = strings(filter, "eventArns", 10, None)? else {
        return Err(validation(&aws::constraint_message("null", "filter.eventArns", "Member must not be null")));
    };
    let statuses = strings(filter, "statusCodes", 3, Some(ENTITY_STATUSES))?;
    let mut items = Vec::new();
    for arn in &arns {
        let Some(ev) = health.find(arn).filter(|e| e.accounts.contains(&ctx.account)) else { continue };
        for x in ev.entities.iter().filter(|x| x["awsAccountId"] == ctx.account.as_str()) {
            if entity_passes(x, filter, statuses.as_deref())? {
                items.push(x.clone());
            }
        }
    }
    let (items, next) = page(items, input, 1)?;
    Ok(paged("entities", items, next))
}

fn describe_affected_entities_for_organization(health: &Health, ctx: &Ctx, input: &Obj) -> Result<Reply, Reply> {
    locale(input)?;
    let name = if input.get("organizationEntityAccountFilters").is_some_and(|v| !v.is_null()) {
        "organizationEntityAccountFilters"
    } else {
        "organizationEntityFilters"
    };
    let filters = account_filters(input, name)?;
    let (mut items, mut bad) = (Vec::new(), Vec::new());
    let empty = Obj::new();
    for (arn, account, statuses) in &filters {
        let Some(ev) = health.find(arn).filter(|e| e.accounts.iter().any(|a| ctx.org.contains(a))) else {
            bad.push(failed(arn, account.as_deref(), "Event not found for this organization"));
            continue;
        };
        let wanted = |a: &str| ctx.org.iter().any(|x| x == a) && account.as_deref().is_none_or(|want| want == a);
        for x in ev.entities.iter().filter(|x| x["awsAccountId"].as_str().is_some_and(wanted)) {
            if entity_passes(x, &empty, statuses.as_deref())? {
                items.push(x.clone());
            }
        }
    }
    let (items, next) = page(items, input, 1)?;
    let mut out = json!({"entities": items, "failedSet": bad});
    if let Some(t) = next {
        out["nextToken"] = json!(t);
    }
    Ok(reply(&out))
}

// ---------------------------------------------------------------------------------------
// Control plane

/// One change through `POST /_sandbox/health` (see the control-plane list in lib.rs).
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    PutEvent { accounts: Vec<String>, event: Value },
    SetStatus { arn: String, status: String },
    SetWindow { arn: String, start: Value, end: Option<Value> },
    SetEntityStatus { arn: String, entity_value: String, status: String },
    Remove { arn: String },
    Generate { account: String, events: usize },
    SetOrgView { management_account: String, enabled: bool },
}

fn seconds(v: &Value, name: &str) -> Result<i64, HealthError> {
    epoch(v, name)?.as_i64().ok_or_else(|| HealthError::Invalid(format!("`{name}` must be whole seconds")))
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let action = match serde_json::from_slice::<Action>(body) {
        Ok(a) => a,
        Err(e) => return Reply::text(400, &format!("invalid health action: {e}")),
    };
    let mut health = lock(&shared.health);
    let done = match action {
        Action::PutEvent { accounts, event } => {
            let accounts: Vec<&str> = accounts.iter().map(String::as_str).collect();
            health.put_event(&accounts, event).map(|arn| json!({"ok": true, "arn": arn}))
        }
        Action::SetStatus { arn, status } => health.set_status(&arn, &status).map(|_| json!({"ok": true})),
        Action::SetWindow { arn, start, end } => (|| {
            let start = seconds(&start, "start")?;
            let end = end.filter(|v| !v.is_null()).map(|v| seconds(&v, "end")).transpose()?;
            health.set_window(&arn, start, end)
        })()
        .map(|_| json!({"ok": true})),
        Action::SetEntityStatus { arn, entity_value, status } => {
            health.set_entity_status(&arn, &entity_value, &status).map(|_| json!({"ok": true}))
        }
        Action::Remove { arn } => health.remove_event(&arn).map(|_| json!({"ok": true})),
        Action::Generate { account, events } => {
            health.generate(&account, events).map(|arns| json!({"ok": true, "arns": arns}))
        }
        Action::SetOrgView { management_account, enabled } => {
            health.set_org_view(&management_account, enabled);
            Ok(json!({"ok": true}))
        }
    };
    match done {
        Ok(v) => Reply::json(200, &v),
        Err(e @ HealthError::NotFound(_)) => Reply::text(404, &e.to_string()),
        Err(e) => Reply::text(400, &e.to_string()),
    }
}

pub(crate) fn control_state(shared: &Shared) -> Reply {
    Reply::json(200, &lock(&shared.health).dump())
}

/// Health state for in-process tests and the demo; `POST /_sandbox/health` does the same
/// from another process. The rules are in the `health` module doc.
impl Sandbox {
    /// Create an event affecting `accounts` (12-digit ids, at least one), or update the one
    /// whose `arn` the event names (its given fields replace the stored ones; a non-empty
    /// `accounts` replaces the affected accounts). `event` holds Event fields as the API
    /// names them (`service`, `eventTypeCode`, `eventTypeCategory`, `region`,
    /// `availabilityZone`, `startTime`, `endTime`, `lastUpdatedTime` as epoch seconds or RFC
    /// 3339, `statusCode`, `eventScopeCode`, `actionability`, `personas`, `arn`) plus
    /// `description` (the latestDescription), `metadata` (an object) and `entities` (a list
    /// replacing the stored one, each `{"entityValue": .., "awsAccountId": .. (default the
    /// first account), "statusCode": .. (default IMPAIRED), "entityUrl", "tags",
    /// "lastUpdatedTime"}`). A new event defaults to EC2, `AWS_<SERVICE>_OPERATIONAL_ISSUE`,
    /// category `scheduledChange` when the code contains `SCHEDULED` else `issue`, us-east-1,
    /// `open`, `ACCOUNT_SPECIFIC`, start and last update now, and an ARN
    /// `arn:aws:health:<region>::event/<SERVICE>/<CODE>/<CODE>_<id>`. Returns the ARN.
    pub fn health_put_event(&self, accounts: &[&str], event: Value) -> Result<String, HealthError> {
        lock(&self.shared.health).put_event(accounts, event)
    }

    /// `open`, `upcoming` or `closed`; stamps `lastUpdatedTime` now (`closed` also sets an
    /// `endTime` now when there is none).
    pub fn health_set_status(&self, arn: &str, status: &str) -> Result<(), HealthError> {
        lock(&self.shared.health).set_status(arn, status)
    }

    /// The event's `startTime` and `endTime` (`None` removes it); stamps `lastUpdatedTime` now.
    pub fn health_set_window(
        &self,
        arn: &str,
        start: jiff::Timestamp,
        end: Option<jiff::Timestamp>,
    ) -> Result<(), HealthError> {
        lock(&self.shared.health).set_window(arn, start.as_second(), end.map(|e| e.as_second()))
    }

    /// Every entity of the event with this `entityValue` gets `status` (any string; the
    /// model's are IMPAIRED, UNIMPAIRED, UNKNOWN, PENDING, RESOLVED); stamps the entity's and
    /// the event's `lastUpdatedTime` now.
    pub fn health_set_entity_status(&self, arn: &str, entity_value: &str, status: &str) -> Result<(), HealthError> {
        lock(&self.shared.health).set_entity_status(arn, entity_value, status)
    }

    pub fn health_remove_event(&self, arn: &str) -> Result<(), HealthError> {
        lock(&self.shared.health).remove_event(arn)
    }

    /// `n` events in `account` for paging tests and benchmarks, one IMPAIRED entity each:
    /// kinds cycle EC2 retirement (scheduledChange, upcoming), RDS maintenance (upcoming), EC2
    /// issue (open), Direct Connect maintenance (closed), IAM account notification (open);
    /// regions alternate us-east-1 and ap-northeast-1; the i-th was last updated
    /// 2026-11-20T00:00:00Z minus i minutes. ARNs end in `_G<i as 7 digits>-<account>`, so
    /// generating again updates them. Returns the ARNs, newest first.
    pub fn health_generate(&self, account: &str, n: usize) -> Result<Vec<String>, HealthError> {
        lock(&self.shared.health).generate(account, n)
    }

    /// Organizational view on or off for the organization `management_account` manages, as
    /// Enable/DisableHealthServiceAccessForOrganization set it.
    pub fn health_set_org_view(&self, management_account: &str, enabled: bool) {
        lock(&self.shared.health).set_org_view(management_account, enabled)
    }

    /// Every event as `GET /_sandbox/health` lists it: `{"event", "description",
    /// "metadata", "accounts", "entities"}`, in creation order.
    pub fn health_events(&self) -> Vec<Value> {
        lock(&self.shared.health).events.iter().map(Ev::dump).collect()
    }
}
