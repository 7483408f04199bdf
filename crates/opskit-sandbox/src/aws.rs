//! What every fake AWS service shares: the caller's account and region from the SigV4
//! `Authorization` header, paging tokens, and the answer and error shapes the SDKs' parsers
//! read, for the two JSON protocols:
//! - awsJson1_1 ([`Call`]): `POST /` with `X-Amz-Target: <Prefix>.<Operation>` and the input
//!   as a JSON body.
//! - restJson1 ([`RestCall`]): the operation is the method and path (`GET /v1/...`), the
//!   input comes from path labels (percent-encoded) and the query string.
//!
//! Wire facts (reference/aws-apis.md §1, §3 and §7, checked against the
//! aws-sdk-directconnect 1.127 and aws-sdk-trustedadvisor 1.122 deserializers, whose
//! `json_errors.rs` is the same): success is `200` with `Content-Type:
//! application/x-amz-json-1.1` (awsJson) or `application/json` (restJson); an error is any
//! non-2xx status with the header `x-amzn-ErrorType: <Code>` and a JSON body carrying
//! `message` (the SDK takes the code from the header first, then `code`, then `__type`). The
//! awsJson body also names the code in `__type`; the restJson body is `{"message": ".."}`
//! alone, as API Gateway-fronted services answer. `x-amzn-RequestId` on every answer (added
//! by the server) becomes the SDK's request id. Timestamps are epoch seconds as JSON numbers
//! in awsJson and ISO-8601 strings in restJson (each service's model says which).
//!
//! The EC2 query protocol (form in, XML out) lives in `ec2.rs`; it uses the caller, the
//! paging tokens and the request ids from here.
//!
//! The signature is not checked: the sandbox trusts the access key id, which is how a test
//! picks its account (see [`sandbox_access_key`]). No `Authorization` header is 403
//! `MissingAuthenticationTokenException` and one without a readable `Credential` scope is
//! 400 `IncompleteSignatureException`, as AWS's common errors say, in either protocol.

use super::{Recorded, Reply};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};
use sha2::Digest as _;
use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering};

/// The account of a caller whose access key id does not end in 12 digits.
pub const AWS_DEFAULT_ACCOUNT: &str = "123456789012";
pub(crate) const AWS_JSON_1_1: &str = "application/x-amz-json-1.1";
pub(crate) const REST_JSON: &str = "application/json";

/// An access key id the sandbox reads as `account_id`'s (`AKIASANDBOX111122223333`), so a
/// test or the demo picks the account it calls as. Any secret key goes with it.
pub fn sandbox_access_key(account_id: &str) -> String {
    format!("AKIASANDBOX{account_id}")
}

/// Credentials the sandbox reads as `account_id`'s: [`sandbox_access_key`] with any secret.
pub fn sandbox_credentials(account_id: &str) -> aws_credential_types::Credentials {
    aws_credential_types::Credentials::new(
        sandbox_access_key(account_id),
        "sandbox-secret",
        None,
        None,
        "opskit-sandbox",
    )
}

/// Who signed a request, from the `Credential=` scope of its SigV4 `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub access_key_id: String,
    pub account: String,
    pub region: String,
    pub service: String,
}

impl Caller {
    /// `None` when the header is missing or is not SigV4 with a five-part scope
    /// (`AKID/date/region/service/aws4_request`).
    pub fn from_request(rec: &Recorded) -> Option<Caller> {
        Caller::parse(rec.header("authorization")?)
    }

    fn parse(authorization: &str) -> Option<Caller> {
        let params = authorization.strip_prefix("AWS4-HMAC-SHA256")?;
        let credential = params.split(',').find_map(|p| p.trim().strip_prefix("Credential="))?;
        let [akid, date, region, service, terminator] = credential.trim().split('/').collect::<Vec<_>>()[..] else {
            return None;
        };
        let valid = !akid.is_empty() && !region.is_empty() && !service.is_empty();
        if !valid || terminator != "aws4_request" || date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Caller {
            access_key_id: akid.to_string(),
            account: account_of(akid),
            region: region.to_string(),
            service: service.to_string(),
        })
    }
}

/// The access key id's trailing 12 digits, else [`AWS_DEFAULT_ACCOUNT`].
fn account_of(access_key_id: &str) -> String {
    let b = access_key_id.as_bytes();
    match b.len().checked_sub(12) {
        Some(start) if b[start..].iter().all(u8::is_ascii_digit) => access_key_id[start..].to_string(),
        _ => AWS_DEFAULT_ACCOUNT.to_string(),
    }
}

/// The `X-Amz-Target` of an awsJson call: only `POST /` carries one.
pub(crate) fn target(rec: &Recorded) -> Option<&str> {
    (rec.method == "POST" && rec.path == "/").then(|| rec.header("x-amz-target")).flatten()
}

/// An AWS service that speaks the query protocol (EC2, STS): `POST /` with a form body
/// `Action=<Operation>&Version=<api version>&...`, no `X-Amz-Target`, answered in XML.
pub(crate) struct QueryService {
    /// The SigV4 service name its calls are signed for (`ec2`, `sts`).
    pub signing_name: &'static str,
    pub api_version: &'static str,
    /// What a [`super::Fault`]'s `target` pattern sees: `<prefix>.<Action>`, the name the
    /// service shape would give an `X-Amz-Target`.
    pub target_prefix: &'static str,
    pub content_type: &'static str,
}

impl QueryService {
    /// Whether `rec` is a call to this service: signed for it, or (unsigned or unreadably
    /// signed) carrying its `Version`.
    pub fn is_call(&self, rec: &Recorded) -> bool {
        if rec.method != "POST" || rec.path != "/" || rec.header("x-amz-target").is_some() {
            return false;
        }
        match Caller::from_request(rec) {
            Some(c) => c.service == self.signing_name,
            None => rec.form().iter().any(|(k, v)| k == "Version" && v == self.api_version),
        }
    }

    /// `<target_prefix>.<Action>` for a call to this service.
    pub fn target(&self, rec: &Recorded) -> Option<String> {
        self.is_call(rec).then(|| {
            let form = rec.form();
            let action = form.iter().find(|(k, _)| k == "Action").map_or("", |(_, v)| v.as_str());
            format!("{}.{action}", self.target_prefix)
        })
    }

    /// An error answer on this service's calls to `action` (`None`: every call), `times`
    /// times: `status` with `body`, the service's own error XML.
    pub fn fault(&self, action: Option<&str>, status: u16, body: String, times: u32) -> super::Fault {
        super::Fault {
            path_prefix: "/".into(),
            method: Some("POST".into()),
            target: Some(format!("{}.{}", self.target_prefix, action.unwrap_or("*"))),
            status,
            headers: vec![("content-type".into(), self.content_type.into())],
            body,
            times,
            ..super::Fault::default()
        }
    }
}

/// What a fault's `target` pattern is matched against: the `X-Amz-Target` of an awsJson
/// call, or `AmazonEC2.<Action>` for an EC2 query call,
/// `AWSSecurityTokenServiceV20110615.<Action>` for an STS one and
/// `AWSHealth_20160804.<Operation>` for a Health rpcv2Cbor one (which have no such header;
/// the name is the one the header would carry, after the service shape). `None` for
/// everything else.
pub(crate) fn call_target(rec: &Recorded) -> Option<Cow<'_, str>> {
    target(rec)
        .map(Cow::Borrowed)
        .or_else(|| super::health::call_target(rec).map(Cow::Owned))
        .or_else(|| super::ec2::SERVICE.target(rec).map(Cow::Owned))
        .or_else(|| super::sts::SERVICE.target(rec).map(Cow::Owned))
        .or_else(|| super::cloudwatch::SERVICE.target(rec).map(Cow::Owned))
}

/// `pattern` against an `X-Amz-Target`: a pattern ending in `*` matches every target that
/// starts with what comes before the star (`OvertureService.*` is all of Direct Connect,
/// `*` every call); any other pattern must be equal.
pub(crate) fn target_matches(pattern: &str, target: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => target.starts_with(prefix),
        None => pattern == target,
    }
}

/// One authenticated awsJson call.
pub(crate) struct Call<'a> {
    pub rec: &'a Recorded,
    pub target: &'a str,
    /// What follows the target prefix: `DescribeVirtualInterfaces`.
    pub operation: &'a str,
    pub caller: Caller,
}

impl<'a> Call<'a> {
    /// The call, or the answer AWS gives when its `Authorization` is missing or unreadable.
    pub fn authenticate(rec: &'a Recorded, target: &'a str) -> Result<Call<'a>, Reply> {
        let caller = authenticate(rec, error)?;
        let operation = target.split_once('.').map_or("", |(_, op)| op);
        Ok(Call { rec, target, operation, caller })
    }

    pub fn prefix(&self) -> &str {
        self.target.split_once('.').map_or(self.target, |(p, _)| p)
    }

    /// The input object; an empty body is an empty input (the SDK sends `{}`).
    pub fn input(&self) -> Result<Input, Reply> {
        if self.rec.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Input(Map::new()));
        }
        match serde_json::from_slice::<Value>(&self.rec.body) {
            Ok(Value::Object(m)) => Ok(Input(m)),
            _ => Err(serialization("the request body is not a JSON object")),
        }
    }
}

/// The caller, or the error (built by `error`, so in the protocol's shape) AWS answers
/// when the `Authorization` header is missing or unreadable.
pub(crate) fn authenticate(rec: &Recorded, error: fn(u16, &str, &str) -> Reply) -> Result<Caller, Reply> {
    match (rec.header("authorization"), Caller::from_request(rec)) {
        (_, Some(c)) => Ok(c),
        (None, None) => Err(error(403, "MissingAuthenticationTokenException", "Missing Authentication Token")),
        (Some(_), None) => {
            Err(error(400, "IncompleteSignatureException", "Authorization header requires 'Credential' parameter"))
        }
    }
}

/// [`authenticate`] for the Query protocol (EC2, STS, RDS, CloudWatch), whose common
/// errors carry no `Exception` suffix.
pub(crate) fn authenticate_query(rec: &Recorded, error: fn(u16, &str, &str) -> Reply) -> Result<Caller, Reply> {
    match (rec.header("authorization"), Caller::from_request(rec)) {
        (_, Some(c)) => Ok(c),
        (None, None) => Err(error(403, "MissingAuthenticationToken", "Request is missing Authentication Token")),
        (Some(_), None) => {
            Err(error(400, "IncompleteSignature", "Authorization header requires 'Credential' parameter"))
        }
    }
}

/// One authenticated restJson1 call: the path split into percent-decoded segments (so a
/// label holding an ARN, sent as `arn%3Aaws%3A...%2F...`, is one segment) and the query.
pub(crate) struct RestCall<'a> {
    pub rec: &'a Recorded,
    pub caller: Caller,
    /// The segments after the leading `/`: `["v1", "recommendations", "arn:aws:..."]`.
    pub segments: Vec<String>,
    query: Vec<(String, String)>,
}

impl<'a> RestCall<'a> {
    /// The call, or the restJson answer AWS gives when its `Authorization` is missing or
    /// unreadable.
    pub fn authenticate(rec: &'a Recorded) -> Result<RestCall<'a>, Reply> {
        let caller = authenticate(rec, rest_error)?;
        let path = rec.path.strip_prefix('/').unwrap_or(&rec.path);
        let segments = path.split('/').map(percent_decode).collect();
        Ok(RestCall { rec, caller, segments, query: rec.query_pairs() })
    }

    pub fn method(&self) -> &str {
        &self.rec.method
    }

    /// The first value of the query parameter `name`; an empty value counts as given.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// `%XX` escapes decoded (a path label; unlike a form, `+` stays `+`). A broken escape is
/// kept as it is; bytes that are not UTF-8 become U+FFFD.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = (b[i] == b'%').then(|| b.get(i + 1..i + 3)).flatten();
        match hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()) {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An operation's input object, with typed reads that fail the way AWS does.
pub(crate) struct Input(Map<String, Value>);

impl Input {
    pub fn string(&self, name: &str) -> Result<Option<&str>, Reply> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(serialization(&format!("'{name}' must be a string"))),
        }
    }

    /// A list of strings (a `null` member is absent; a `null` item is an error).
    pub fn strings(&self, name: &str) -> Result<Option<Vec<&str>>, Reply> {
        let bad = || serialization(&format!("'{name}' must be a list of strings"));
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => {
                items.iter().map(|v| v.as_str().ok_or_else(bad)).collect::<Result<_, _>>().map(Some)
            }
            Some(_) => Err(bad()),
        }
    }

    /// The member as it came, `null` counting as absent.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.0.get(name).filter(|v| !v.is_null())
    }

    pub fn boolean(&self, name: &str) -> Result<Option<bool>, Reply> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v.as_bool().map(Some).ok_or_else(|| serialization(&format!("'{name}' must be a boolean"))),
        }
    }

    pub fn integer(&self, name: &str) -> Result<Option<i64>, Reply> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v.as_i64().map(Some).ok_or_else(|| serialization(&format!("'{name}' must be an integer"))),
        }
    }
}

/// A 200 awsJson answer.
pub(crate) fn reply(v: &Value) -> Reply {
    Reply { status: 200, headers: vec![("content-type".into(), AWS_JSON_1_1.into())], body: v.to_string().into_bytes() }
}

/// The awsJson error body: `{"__type": code, "message": message}`.
pub(crate) fn error_body(code: &str, message: &str) -> String {
    json!({"__type": code, "message": message}).to_string()
}

/// The headers of an awsJson error, for replies and faults alike.
pub(crate) fn error_headers(code: &str) -> Vec<(String, String)> {
    vec![("content-type".into(), AWS_JSON_1_1.into()), ("x-amzn-ErrorType".into(), code.into())]
}

pub(crate) fn error(status: u16, code: &str, message: &str) -> Reply {
    Reply { status, headers: error_headers(code), body: error_body(code, message).into_bytes() }
}

/// A body the service cannot read as the operation's input.
pub(crate) fn serialization(message: &str) -> Reply {
    error(400, "SerializationException", message)
}

/// What AWS answers for a target no operation has.
pub(crate) fn unknown_operation(target: &str) -> Reply {
    error(400, "UnknownOperationException", &format!("Operation {target} is not supported"))
}

/// A 200 restJson answer.
pub(crate) fn rest_reply(v: &Value) -> Reply {
    Reply { status: 200, headers: vec![("content-type".into(), REST_JSON.into())], body: v.to_string().into_bytes() }
}

/// The restJson error body: `{"message": message}` (the code travels in the header).
pub(crate) fn rest_error_body(message: &str) -> String {
    json!({"message": message}).to_string()
}

/// The headers of a restJson error, for replies and faults alike.
pub(crate) fn rest_error_headers(code: &str) -> Vec<(String, String)> {
    vec![("content-type".into(), REST_JSON.into()), ("x-amzn-ErrorType".into(), code.into())]
}

pub(crate) fn rest_error(status: u16, code: &str, message: &str) -> Reply {
    Reply { status, headers: rest_error_headers(code), body: rest_error_body(message).into_bytes() }
}

/// What a restJson service answers for a method and path no operation has.
pub(crate) fn rest_unknown_operation(rec: &Recorded) -> Reply {
    let message = format!("Operation {} {} is not supported", rec.method, rec.path);
    rest_error(404, "UnknownOperationException", &message)
}

/// AWS's wording for one failed input constraint, as its services put it in a
/// `ValidationException`.
pub(crate) fn constraint_message(value: &str, member: &str, constraint: &str) -> String {
    format!("1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}")
}

/// A fresh `x-amzn-RequestId`, shaped like AWS's (a UUID).
pub(crate) fn request_id() -> String {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let seed = format!("{}/{}", SEQ.fetch_add(1, Ordering::Relaxed), jiff::Timestamp::now().as_nanosecond());
    let h = hex::encode(&sha2::Sha256::digest(seed.as_bytes())[..16]);
    format!("{}-{}-4{}-a{}-{}", &h[..8], &h[8..12], &h[13..16], &h[17..20], &h[20..32])
}

/// One page of `items` and the token for the next, if any. A page holds `maxResults`
/// items, at most `cap` (also the default); the token is opaque to the client, here the
/// offset. `invalid` builds the service's own error for a bad `maxResults` or token.
pub(crate) fn page<T>(
    items: Vec<T>,
    max_results: Option<i64>,
    next_token: Option<&str>,
    cap: usize,
    invalid: impl Fn(&str) -> Reply,
) -> Result<(Vec<T>, Option<String>), Reply> {
    let size = match max_results {
        None => cap,
        Some(n) if n >= 1 => usize::try_from(n).unwrap_or(cap).min(cap),
        Some(n) => return Err(invalid(&format!("maxResults must be at least 1, got {n}"))),
    };
    let start = match next_token {
        None => 0,
        Some(t) => decode_token(t).ok_or_else(|| invalid("The nextToken is invalid"))?,
    };
    let end = start.saturating_add(size).min(items.len());
    let next = (end < items.len()).then(|| encode_token(end));
    let page = items.into_iter().skip(start).take(end.saturating_sub(start)).collect();
    Ok((page, next))
}

const TOKEN_PREFIX: &str = "opskit-sandbox-offset:";

/// The token [`page`] answers for a page starting at `offset`.
pub(crate) fn encode_token(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("{TOKEN_PREFIX}{offset}"))
}

/// The offset of a token [`encode_token`] made; `None` for anything else.
pub(crate) fn decode_token(token: &str) -> Option<usize> {
    let raw = URL_SAFE_NO_PAD.decode(token).ok()?;
    String::from_utf8(raw).ok()?.strip_prefix(TOKEN_PREFIX)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caller_comes_from_the_sigv4_credential_scope() {
        let h = "AWS4-HMAC-SHA256 Credential=AKIASANDBOX111122223333/20261122/eu-west-1/directconnect/aws4_request, \
                 SignedHeaders=host;x-amz-date, Signature=abc";
        let c = Caller::parse(h).unwrap();
        assert_eq!(
            (c.account.as_str(), c.region.as_str(), c.service.as_str()),
            ("111122223333", "eu-west-1", "directconnect")
        );
        let other = Caller::parse(&h.replace("AKIASANDBOX111122223333", "AKIDEXAMPLE")).unwrap();
        assert_eq!(other.account, AWS_DEFAULT_ACCOUNT, "no trailing 12 digits: the default account");
        for garbled in ["Bearer x", "AWS4-HMAC-SHA256 Credential=AKID/20261122/eu-west-1", "AWS4-HMAC-SHA256 foo"] {
            assert_eq!(Caller::parse(garbled), None, "{garbled}");
        }
    }

    #[test]
    fn target_patterns_are_exact_or_a_starred_prefix() {
        assert!(target_matches("OvertureService.*", "OvertureService.DescribeConnections"));
        assert!(target_matches("*", "AWSSupport_20130415.DescribeCases"));
        assert!(target_matches("OvertureService.DescribeConnections", "OvertureService.DescribeConnections"));
        assert!(!target_matches("OvertureService.Describe", "OvertureService.DescribeConnections"));
    }

    #[test]
    fn pages_follow_tokens_and_reject_garbage() {
        let items: Vec<Value> = (0..5).map(|i| json!(i)).collect();
        let bad = |m: &str| error(400, "X", m);
        let (p1, t1) = page(items.clone(), Some(2), None, 100, bad).unwrap();
        let (p2, t2) = page(items.clone(), Some(2), t1.as_deref(), 100, bad).unwrap();
        let (p3, t3) = page(items.clone(), Some(2), t2.as_deref(), 100, bad).unwrap();
        assert_eq!([p1.len(), p2.len(), p3.len()], [2, 2, 1]);
        assert_eq!((p3[0].clone(), t3), (json!(4), None));
        assert_eq!(page(items.clone(), Some(500), None, 3, bad).unwrap().0.len(), 3, "capped");
        assert!(page(items.clone(), None, Some("not-a-token"), 100, bad).is_err());
        assert!(page(items, Some(0), None, 100, bad).is_err());
    }

    #[test]
    fn path_labels_are_percent_decoded_but_plus_stays() {
        assert_eq!(
            percent_decode("arn%3Aaws%3Atrustedadvisor%3A%3A111122223333%3Arecommendation%2Fab-1"),
            "arn:aws:trustedadvisor::111122223333:recommendation/ab-1"
        );
        assert_eq!(percent_decode("a+b%2"), "a+b%2", "a broken escape is kept");
    }

    #[test]
    fn request_ids_look_like_uuids_and_differ() {
        let (a, b) = (request_id(), request_id());
        assert_ne!(a, b);
        let lens: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(lens, [8, 4, 4, 4, 12]);
    }
}
