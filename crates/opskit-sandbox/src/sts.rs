//! Fake of AWS STS (API 2011-06-15, the query protocol): AssumeRole into the member roles of
//! the sandbox's organizations (`organizations.rs`), and GetCallerIdentity.
//!
//! Wire facts (STS API reference; checked against the aws-sdk-sts 1.124 deserializers,
//! `protocol_serde/shape_assume_role.rs` and `rest_xml_wrapped_errors.rs`):
//! - A call is `POST /` with a form body `Action=<Operation>&Version=2011-06-15&...`, signed
//!   for the service `sts`.
//! - The answer is `200`, `text/xml`, `<{Operation}Response xmlns="https://sts.amazonaws.com/
//!   doc/2011-06-15/"><{Operation}Result>...</{Operation}Result><ResponseMetadata><RequestId>
//!   ..</RequestId></ResponseMetadata></{Operation}Response>`; AssumeRole's result holds
//!   `Credentials` (`AccessKeyId`, `SecretAccessKey`, `SessionToken`, `Expiration` as ISO
//!   8601) and `AssumedRoleUser` (`Arn`, `AssumedRoleId`).
//! - An error is `<ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message>..
//!   </Message></Error><RequestId>..</RequestId></ErrorResponse>`: a refused role is 403
//!   `AccessDenied` ("User: <caller> is not authorized to perform: sts:AssumeRole on
//!   resource: <role>"), a malformed input 400 `ValidationError`.
//!
//! The sandbox's rules: the role's account (from the role ARN) must be an ACTIVE account of
//! a sandbox organization, the role not denied ([`super::Sandbox::org_deny_role`]), and the
//! external id the one required for it, if any ([`super::Sandbox::org_require_external_id`]);
//! every role name exists in such an account. Anything else is AccessDenied, as AWS answers
//! for a role that does not exist or whose trust policy does not let the caller in. The
//! credentials' access key is [`super::sandbox_access_key`] of the role's account, so later
//! calls with them are the member account's. GetCallerIdentity answers the account of the
//! access key, as the role most recently assumed in it when there was one, else as a user.

use super::aws::{self, Caller, QueryService};
use super::{Recorded, Reply, Shared, lock};
use std::fmt::Write as _;

pub(crate) const API_VERSION: &str = "2011-06-15";
const XMLNS: &str = "https://sts.amazonaws.com/doc/2011-06-15/";
/// What a [`super::Fault`]'s `target` pattern sees for an STS call: the service shape's name
/// and the action, `AWSSecurityTokenServiceV20110615.AssumeRole`.
pub const STS_TARGET_PREFIX: &str = "AWSSecurityTokenServiceV20110615";
const SIGNING_NAME: &str = "sts";
const CONTENT_TYPE: &str = "text/xml";
const DEFAULT_DURATION_SECS: i64 = 3600;

/// STS on the wire: signed for `sts`, `Version=2011-06-15`, faults matched as
/// `AWSSecurityTokenServiceV20110615.<Action>`.
pub(crate) const SERVICE: QueryService = QueryService {
    signing_name: SIGNING_NAME,
    api_version: API_VERSION,
    target_prefix: STS_TARGET_PREFIX,
    content_type: CONTENT_TYPE,
};

fn get<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// XML text escaping, as the EC2 answers do it.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    super::ec2::escape(s, &mut out);
    out
}

fn answer(action: &str, result: &str) -> Reply {
    let id = aws::request_id();
    let xml = format!(
        "<{action}Response xmlns=\"{XMLNS}\">\n  <{action}Result>{result}</{action}Result>\n  \
         <ResponseMetadata><RequestId>{id}</RequestId></ResponseMetadata>\n</{action}Response>\n"
    );
    Reply {
        status: 200,
        headers: vec![("content-type".into(), CONTENT_TYPE.into()), ("x-amzn-RequestId".into(), id)],
        body: xml.into_bytes(),
    }
}

/// The STS error body (`<ErrorResponse>`), for replies and faults alike.
pub(crate) fn error_body(code: &str, message: &str, request_id: &str) -> String {
    format!(
        "<ErrorResponse xmlns=\"{XMLNS}\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>{}</Code>\n    \
         <Message>{}</Message>\n  </Error>\n  <RequestId>{request_id}</RequestId>\n</ErrorResponse>\n",
        escape(code),
        escape(message)
    )
}

pub(crate) fn error(status: u16, code: &str, message: &str) -> Reply {
    let id = aws::request_id();
    Reply {
        status,
        headers: vec![("content-type".into(), CONTENT_TYPE.into()), ("x-amzn-RequestId".into(), id.clone())],
        body: error_body(code, message, &id).into_bytes(),
    }
}

fn validation(value: &str, member: &str, constraint: &str) -> Reply {
    error(400, "ValidationError", &aws::constraint_message(value, member, constraint))
}

/// `arn:<partition>:iam::<12 digits>:role/<path/name>` → (partition, account, name).
fn parse_role_arn(arn: &str) -> Option<(&str, &str, &str)> {
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(partition), Some("iam"), Some(""), Some(account), Some(resource)) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let name = resource.strip_prefix("role/")?.rsplit('/').next()?;
    let account_ok = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
    (account_ok && !name.is_empty() && partition.starts_with("aws")).then_some((partition, account, name))
}

/// A stable made-up id in AWS's style: `prefix` + 17 uppercase letters and digits.
fn unique_id(prefix: &str, seed: &str) -> String {
    let h = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(seed.as_bytes())).to_uppercase();
    format!("{prefix}{}", &h[..17])
}

/// An STS call (see [`is_call`]).
pub(crate) fn handle(shared: &Shared, rec: &Recorded) -> Reply {
    let caller = match aws::authenticate_query(rec, error) {
        Ok(c) => c,
        Err(reply) => return reply,
    };
    let form = rec.form();
    match get(&form, "Action") {
        Some("AssumeRole") => assume_role(shared, &caller, &form),
        Some("GetCallerIdentity") => get_caller_identity(shared, &caller),
        Some(other) => {
            error(400, "InvalidAction", &format!("Could not find operation {other} for version {API_VERSION}"))
        }
        None => error(400, "MissingAction", "Missing Action"),
    }
}

fn assume_role(shared: &Shared, caller: &Caller, form: &[(String, String)]) -> Reply {
    let Some(role_arn) = get(form, "RoleArn") else {
        return validation("null", "roleArn", "Member must not be null");
    };
    let Some(session) = get(form, "RoleSessionName") else {
        return validation("null", "roleSessionName", "Member must not be null");
    };
    let session_ok = (2..=64).contains(&session.len())
        && session.chars().all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c));
    if !session_ok {
        return validation(session, "roleSessionName", "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }
    let duration = match get(form, "DurationSeconds").map(str::parse::<i64>) {
        None => DEFAULT_DURATION_SECS,
        Some(Ok(d)) if (900..=43_200).contains(&d) => d,
        Some(_) => {
            let v = get(form, "DurationSeconds").unwrap_or_default();
            return validation(v, "durationSeconds", "Member must have value between 900 and 43200");
        }
    };
    let Some((partition, account, name)) = parse_role_arn(role_arn) else {
        return validation(role_arn, "roleArn", "Member must be the ARN of an IAM role");
    };
    let caller_arn = format!("arn:aws:iam::{}:user/sandbox", caller.account);
    let mut orgs = lock(&shared.orgs);
    match orgs.check_role(role_arn, account, get(form, "ExternalId")) {
        super::organizations::RoleCheck::Denied => {
            return error(
                403,
                "AccessDenied",
                &format!("User: {caller_arn} is not authorized to perform: sts:AssumeRole on resource: {role_arn}"),
            );
        }
        super::organizations::RoleCheck::Allowed => {}
    }
    orgs.sessions.insert(account.to_string(), (role_arn.to_string(), session.to_string()));
    drop(orgs);
    let expiration = jiff::Timestamp::from_second(jiff::Timestamp::now().as_second() + duration)
        .unwrap_or(jiff::Timestamp::MAX)
        .strftime("%Y-%m-%dT%H:%M:%SZ");
    let role_id = unique_id("AROA", role_arn);
    let mut result = String::new();
    let _ = write!(
        result,
        "\n    <Credentials>\n      <AccessKeyId>{}</AccessKeyId>\n      <SecretAccessKey>sandbox-session-secret</SecretAccessKey>\n      \
         <SessionToken>{}</SessionToken>\n      <Expiration>{expiration}</Expiration>\n    </Credentials>\n    \
         <AssumedRoleUser>\n      <Arn>{}</Arn>\n      <AssumedRoleId>{role_id}:{}</AssumedRoleId>\n    </AssumedRoleUser>\n    \
         <PackedPolicySize>0</PackedPolicySize>\n  ",
        super::sandbox_access_key(account),
        escape(&format!("FwoGZXIvYXdzEsandbox{}", unique_id("", &format!("{role_arn}/{session}")))),
        escape(&format!("arn:{partition}:sts::{account}:assumed-role/{name}/{session}")),
        escape(session),
    );
    answer("AssumeRole", &result)
}

fn get_caller_identity(shared: &Shared, caller: &Caller) -> Reply {
    let session = lock(&shared.orgs).sessions.get(&caller.account).cloned();
    let (arn, user_id) = match session.as_ref().and_then(|(role, s)| Some((parse_role_arn(role)?, role, s))) {
        Some(((partition, account, name), role, s)) => (
            format!("arn:{partition}:sts::{account}:assumed-role/{name}/{s}"),
            format!("{}:{s}", unique_id("AROA", role)),
        ),
        None => (format!("arn:aws:iam::{}:user/sandbox", caller.account), unique_id("AIDA", &caller.account)),
    };
    let result = format!(
        "\n    <Arn>{}</Arn>\n    <UserId>{}</UserId>\n    <Account>{}</Account>\n  ",
        escape(&arn),
        escape(&user_id),
        caller.account
    );
    answer("GetCallerIdentity", &result)
}

impl super::Fault {
    /// An STS error on STS calls to `action` (`AssumeRole`; `None`: every STS call): `status`
    /// with the `<ErrorResponse>` body the SDK reads the code and message from.
    pub fn sts_error(action: Option<&str>, status: u16, code: &str, message: &str, times: u32) -> super::Fault {
        SERVICE.fault(action, status, error_body(code, message, &aws::request_id()), times)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_arns_parse_with_partition_account_and_leaf_name() {
        assert_eq!(
            parse_role_arn("arn:aws:iam::111122223333:role/ops/OpsKitRead"),
            Some(("aws", "111122223333", "OpsKitRead"))
        );
        assert_eq!(parse_role_arn("arn:aws-cn:iam::111122223333:role/R"), Some(("aws-cn", "111122223333", "R")));
        for bad in ["arn:aws:iam::1111:role/R", "arn:aws:iam::111122223333:user/R", "arn:aws:s3:::b", "R"] {
            assert_eq!(parse_role_arn(bad), None, "{bad}");
        }
    }
}
