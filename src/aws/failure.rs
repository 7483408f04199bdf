//! One AWS call's failure as a person reads it: a [`Kind`], one line naming the operation,
//! and a hint saying what to do — never the SDK's `Debug` output, which for a misspelled
//! profile or a missing credential chain runs to kilobytes of provider internals. The whole
//! source chain goes to the debug log (`-vv`) only.
//!
//! Wraps the smithy `SdkError` shapes: `ServiceError` (AWS's code and message),
//! `ResponseError` (an answer that was not a modeled one), `TimeoutError`, and
//! `DispatchFailure` / `ConstructionFailure`, whose sources carry the credential provider's
//! error (`CredentialsError`: unknown profile, no providers in the chain, an expired SSO
//! token), a role we could not assume ([`crate::aws::AssumeFailed`]) or the transport's
//! (DNS, refused connection, timeout). opskit's own Query-protocol client
//! ([`crate::aws::query`]) comes in through [`service`], [`answer`] and [`describe`], so its
//! failures read exactly like an SDK client's.

use aws_credential_types::provider::error::CredentialsError;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

/// What an AWS message may take of an error line: AWS's messages are short, a proxy's or an
/// emulator's need not be.
const MAX_MESSAGE: usize = 160;

/// Why a call failed, as far as a person has something different to do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// No credential source gave credentials (no profile, no keys, no instance role).
    NoCredentials,
    /// The profile the account names is not in the AWS config files.
    UnknownProfile,
    /// The profile's SSO session has expired (or was never started).
    SsoExpired,
    /// Credentials were found but AWS refused them (expired session, wrong keys).
    BadCredentials,
    /// The account's role could not be assumed.
    AssumeRole,
    /// AccessDenied / UnauthorizedOperation: the identity lacks a permission.
    AccessDenied,
    /// The region is not enabled for the account (OptInRequired).
    RegionNotEnabled,
    /// The endpoint's host name does not resolve: a misspelled region, or no DNS.
    UnknownHost,
    /// The endpoint could not be reached (refused, reset, TLS).
    Unreachable,
    /// AWS throttled the call, after the SDK's retries.
    Throttled,
    /// The call timed out.
    TimedOut,
    /// The answer was not a complete listing ([`crate::aws::answer::Incomplete`]).
    Incomplete,
    /// Another error AWS answered with a code of its own.
    Service,
    /// An answer with no AWS error in it (a proxy's page, an emulator's).
    Http,
    /// Anything else.
    Other,
}

impl Kind {
    /// The name of the kind in JSON logs and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::NoCredentials => "no-credentials",
            Kind::UnknownProfile => "unknown-profile",
            Kind::SsoExpired => "sso-expired",
            Kind::BadCredentials => "bad-credentials",
            Kind::AssumeRole => "assume-role",
            Kind::AccessDenied => "access-denied",
            Kind::RegionNotEnabled => "region-not-enabled",
            Kind::UnknownHost => "unknown-host",
            Kind::Unreachable => "unreachable",
            Kind::Throttled => "throttled",
            Kind::TimedOut => "timed-out",
            Kind::Incomplete => "incomplete",
            Kind::Service => "service",
            Kind::Http => "http",
            Kind::Other => "other",
        }
    }
}

/// One failed call. Its text is `Op: message`, then `hint: …` on a line of its own.
#[derive(Debug, Clone)]
pub struct Failure {
    pub kind: Kind,
    /// The operation (`DescribeVirtualInterfaces`).
    pub op: String,
    /// AWS's error code, when it answered with one.
    pub code: Option<String>,
    /// AWS's own message, whole, when it sent one (for callers that read it: the Support
    /// API says "subscription" in it).
    pub aws_message: Option<String>,
    /// One line, without the operation.
    pub message: String,
    pub hint: Option<String>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.starts_with("cannot assume ") {
            // A role names itself: the operation that needed it adds nothing.
            f.write_str(&self.message)?;
        } else {
            write!(f, "{}: {}", self.op, self.message)?;
        }
        match &self.hint {
            Some(h) => write!(f, "\nhint: {h}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Failure {}

impl Failure {
    /// The failure with `hint` in place of its own when it is an access denial: the caller
    /// knows which permissions its command needs (and where its IAM policy is).
    pub fn with_denied_hint(mut self, hint: &str) -> Failure {
        if self.kind == Kind::AccessDenied {
            self.hint = Some(hint.to_string());
        }
        self
    }

    /// The text without its hint, for callers that add their own.
    pub fn line(&self) -> String {
        let mut s = self.to_string();
        if let Some(i) = s.find("\nhint: ") {
            s.truncate(i);
        }
        s
    }
}

/// An error and its sources, outermost first.
fn sources<'a>(
    e: &'a (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'a (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(e), |e| e.source())
}

/// `s` on one line, at most [`MAX_MESSAGE`] characters.
fn one_line(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= MAX_MESSAGE {
        return s;
    }
    let mut cut: String = s.chars().take(MAX_MESSAGE - 1).collect();
    cut.push('…');
    cut
}

/// `profile `x`` in a provider's message, as `x`.
fn quoted_profile(text: &str) -> Option<&str> {
    let rest = &text[text.find("profile `")? + "profile `".len()..];
    Some(&rest[..rest.find('`')?])
}

/// The action of an IAM denial (`…is not authorized to perform: ec2:DescribeInstances on…`).
fn denied_action(msg: &str) -> Option<String> {
    let rest = &msg[msg.find("perform: ")? + "perform: ".len()..];
    let action: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == ':' || *c == '-').collect();
    action.contains(':').then_some(action)
}

const DENIED_HINT: &str =
    "grant the permission to the account's role or user, or check with `opskit config check --probe`";
const NETWORK_HINT: &str = "check the network path to AWS (proxy, firewall) and any endpoint override (AWS_ENDPOINT_URL*, endpoint_url in the AWS profile)";

/// Classify a failed SDK call of `op`.
pub fn classify<E>(op: &str, e: &SdkError<E, HttpResponse>) -> Failure
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    // The whole story, SDK internals and all, for `-vv`.
    tracing::debug!(operation = op, detail = %aws_smithy_types::error::display::DisplayErrorContext(e), "AWS call failed");
    let mut f = classify_inner(e);
    f.op = op.to_string();
    f
}

/// A failure that is not one SDK call's (a credentials provider's, a waiter's, or an
/// `SdkError` whose raw response type is not HTTP): credentials and transport told apart as
/// [`classify`] does, else the innermost cause, one line, never `Debug` output.
pub fn describe(op: &str, e: &(dyn std::error::Error + 'static)) -> Failure {
    tracing::debug!(operation = op, detail = %aws_smithy_types::error::display::DisplayErrorContext(e), "AWS call failed");
    let mut f = dispatch_failure(e);
    f.op = op.to_string();
    f
}

fn failure(kind: Kind, message: impl Into<String>, hint: Option<&str>) -> Failure {
    Failure {
        kind,
        op: String::new(),
        code: None,
        aws_message: None,
        message: message.into(),
        hint: hint.map(str::to_string),
    }
}

fn classify_inner<E>(e: &SdkError<E, HttpResponse>) -> Failure
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    let chain = || sources(e as &(dyn std::error::Error + 'static));
    // An answer that parsed but lacks what the operation always sends says so itself.
    if let Some(m) = chain().find_map(|x| x.downcast_ref::<super::answer::Incomplete>()) {
        return failure(Kind::Incomplete, m.reason(), m.hint());
    }
    match e {
        SdkError::ServiceError(se) => {
            let raw = se.raw();
            match se.err().code() {
                Some(code) => service_failure(code, se.err().message()),
                None => http_failure(raw),
            }
        }
        SdkError::ResponseError(re) => http_failure(re.raw()),
        SdkError::TimeoutError(_) => {
            failure(Kind::TimedOut, "timed out", Some("raise --timeout, or check the network path to AWS"))
        }
        _ => dispatch_failure(e as &(dyn std::error::Error + 'static)),
    }
}

/// An answer AWS gave with an error code.
fn service_failure(code: &str, message: Option<&str>) -> Failure {
    let msg = message.map(one_line);
    let said = |m: &Option<String>| match m {
        Some(m) => format!("{code}: {m}"),
        None => code.to_string(),
    };
    let mut f = match code {
        "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" | "UnauthorizedException" => {
            // The caller's ARN and the request's context make a long line; the action is
            // what a person needs.
            match message.and_then(denied_action) {
                Some(action) => failure(
                    Kind::AccessDenied,
                    format!("{code}: not authorized to perform {action}"),
                    Some(&format!(
                        "grant {action} to the account's role or user, or check with `opskit config check --probe`"
                    )),
                ),
                None => failure(Kind::AccessDenied, said(&msg), Some(DENIED_HINT)),
            }
        }
        "Throttling"
        | "ThrottlingException"
        | "ThrottledException"
        | "TooManyRequestsException"
        | "RequestLimitExceeded"
        | "SlowDown"
        | "RequestThrottled"
        | "RequestThrottledException" => failure(
            Kind::Throttled,
            said(&msg),
            Some("AWS throttled the calls: lower defaults.concurrency, or run less often"),
        ),
        "ExpiredToken" | "ExpiredTokenException" | "RequestExpired" => failure(
            Kind::BadCredentials,
            said(&msg),
            Some("the credentials have expired: refresh them (`aws sso login`, new session keys)"),
        ),
        "InvalidClientTokenId"
        | "UnrecognizedClientException"
        | "SignatureDoesNotMatch"
        | "AuthFailure"
        | "InvalidAccessKeyId"
        | "IncompleteSignature" => failure(
            Kind::BadCredentials,
            said(&msg),
            Some(
                "AWS does not accept these credentials: check the profile's keys, or whether the region is enabled for the account",
            ),
        ),
        "OptInRequired" => failure(
            Kind::RegionNotEnabled,
            said(&msg),
            Some("enable the region for the account, or remove it from the account's regions"),
        ),
        _ => failure(Kind::Service, said(&msg), None),
    };
    f.code = Some(code.to_string());
    f.aws_message = message.map(str::to_string);
    f
}

/// An AWS error answer to `op` that opskit read itself (the Query protocol,
/// [`crate::aws::query`]): AWS's `code` and `message`, told apart as [`classify`] does.
pub fn service(op: &str, code: &str, message: Option<&str>) -> Failure {
    let mut f = service_failure(code, message);
    f.op = op.to_string();
    f
}

/// An answer to `op` that carries no AWS error (a proxy's page, a redirect, a body that is
/// not the operation's): its status and the start of its body.
pub fn answer(op: &str, status: u16, body: &[u8]) -> Failure {
    let mut f = status_failure(status, &String::from_utf8_lossy(body));
    f.op = op.to_string();
    f
}

/// A call of `op` that could not be made at all (no region, an endpoint that is not a URL):
/// `message` says why.
pub fn other(op: &str, message: &str) -> Failure {
    let mut f = failure(Kind::Other, one_line(message), None);
    f.op = op.to_string();
    f
}

/// An answer with no AWS error code: its status and the start of its body.
fn http_failure(raw: &HttpResponse) -> Failure {
    let body = raw.body().bytes().map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
    status_failure(raw.status().as_u16(), &body)
}

fn status_failure(status: u16, body: &str) -> Failure {
    let text = format!("HTTP {status}: {}", one_line(&crate::http::body_excerpt(body)));
    if status == 429 || status == 503 {
        return failure(
            Kind::Throttled,
            text,
            Some("AWS throttled the calls: lower defaults.concurrency, or run less often"),
        );
    }
    failure(Kind::Http, text, None)
}

/// A call that never got an answer: credentials, a role, or the transport.
fn dispatch_failure(e: &(dyn std::error::Error + 'static)) -> Failure {
    let chain = || sources(e);
    if let Some(a) = chain().find_map(|x| x.downcast_ref::<super::AssumeFailed>()) {
        let hint = match a.code.as_deref() {
            Some(c) if c.contains("AccessDenied") => {
                "check the role's trust policy (the principal we assume it from, the external id)"
            }
            _ => "check the role ARN and the credentials it is assumed from",
        };
        return failure(Kind::AssumeRole, a.to_string(), Some(hint));
    }
    // Each link's own text, without the Debug output DisplayErrorContext appends.
    let texts: Vec<String> = chain().map(|x| x.to_string()).collect();
    let all = texts.join(": ");
    let lower = all.to_ascii_lowercase();
    if let Some(c) = chain().find_map(|x| x.downcast_ref::<CredentialsError>()) {
        return credentials_failure(c, &all, &lower);
    }
    if chain().any(|x| {
        x.downcast_ref::<aws_smithy_runtime_api::client::result::ConnectorError>().is_some_and(|c| c.is_timeout())
            || x.downcast_ref::<reqwest::Error>().is_some_and(|r| r.is_timeout())
    }) {
        return failure(Kind::TimedOut, "connecting timed out", Some(NETWORK_HINT));
    }
    if lower.contains("dns error") || lower.contains("lookup address") || lower.contains("name or service not known") {
        return failure(
            Kind::UnknownHost,
            "the endpoint's host name does not resolve",
            Some(
                "check the region name for a typo (and that AWS has it), the DNS, and any endpoint override (AWS_ENDPOINT_URL*)",
            ),
        );
    }
    if let Some(io) = chain().find_map(|x| x.downcast_ref::<std::io::Error>()) {
        return failure(
            Kind::Unreachable,
            format!("cannot reach the endpoint: {}", one_line(&io.to_string())),
            Some(NETWORK_HINT),
        );
    }
    if lower.contains("connection refused") || lower.contains("tls") || lower.contains("certificate") {
        let last = texts.last().map(String::as_str).unwrap_or_default();
        return failure(
            Kind::Unreachable,
            format!("cannot reach the endpoint: {}", one_line(last)),
            Some(NETWORK_HINT),
        );
    }
    // Something else: the innermost cause is the most specific.
    let last = texts.last().map(String::as_str).unwrap_or("failed");
    failure(Kind::Other, one_line(last), None)
}

fn credentials_failure(c: &CredentialsError, all: &str, lower: &str) -> Failure {
    if lower.contains("was not defined") {
        let p = quoted_profile(all).unwrap_or("?");
        return failure(
            Kind::UnknownProfile,
            format!("profile `{p}` is not in the AWS config files"),
            Some("check `profile` of the account in the opskit config against ~/.aws/config (or AWS_CONFIG_FILE)"),
        );
    }
    if lower.contains("sso") {
        let m = match lower.contains("expired") {
            true => "the SSO session has expired",
            false => "the SSO session cannot be used",
        };
        let hint = match quoted_profile(all) {
            Some(p) => format!("run `aws sso login --profile {p}`"),
            None => "run `aws sso login` for the account's profile".to_string(),
        };
        return failure(Kind::SsoExpired, m, Some(&hint));
    }
    if lower.contains("no providers in chain") || lower.contains("no credentials found in chain") {
        return failure(
            Kind::NoCredentials,
            "no AWS credentials found",
            Some("name a `profile` for the account in the opskit config, set AWS_PROFILE, or run `aws configure`"),
        );
    }
    if matches!(c, CredentialsError::ProviderTimedOut(_)) {
        return failure(Kind::TimedOut, "loading credentials timed out", Some(NETWORK_HINT));
    }
    // The provider's own words, from the innermost link that says something.
    let why = sources(c as &(dyn std::error::Error + 'static)).last().map(|x| x.to_string()).unwrap_or_default();
    failure(
        Kind::NoCredentials,
        format!("credentials could not be loaded: {}", one_line(&why)),
        Some("check the account's profile with `aws sts get-caller-identity --profile …`"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_directconnect::operation::describe_virtual_interfaces::DescribeVirtualInterfacesError as DxError;
    use aws_smithy_runtime_api::client::result::ConnectorError;
    use aws_smithy_types::body::SdkBody;
    use aws_smithy_types::error::ErrorMetadata;

    type E = SdkError<DxError, HttpResponse>;
    const OP: &str = "DescribeVirtualInterfaces";

    fn service(code: &str, message: &str) -> E {
        let meta = ErrorMetadata::builder().code(code).message(message).build();
        let raw = HttpResponse::new(400.try_into().unwrap(), SdkBody::from("{}"));
        SdkError::service_error(DxError::generic(meta), raw)
    }

    fn dispatch(source: impl std::error::Error + Send + Sync + 'static, io: bool) -> E {
        let c = if io { ConnectorError::io(Box::new(source)) } else { ConnectorError::other(Box::new(source), None) };
        SdkError::dispatch_failure(c)
    }

    /// What every line must be: short, one line plus a hint, no Rust `Debug` output.
    fn shown(f: &Failure) -> String {
        let text = f.to_string();
        let first = text.lines().next().unwrap();
        assert!(first.chars().count() < 240, "{text}");
        assert!(text.lines().count() <= 2, "{text}");
        for bad in ["{", "DispatchFailure", "ConnectorError", "hyper", "Some("] {
            assert!(!text.contains(bad), "`{bad}` in {text}");
        }
        text
    }

    #[test]
    fn credential_failures_say_which_and_what_to_do() {
        let unknown = dispatch(
            CredentialsError::not_loaded("profile `acme-prdo` was not defined: could not find source profile"),
            false,
        );
        let f = classify(OP, &unknown);
        assert_eq!(f.kind, Kind::UnknownProfile);
        let t = shown(&f);
        assert!(
            t.starts_with("DescribeVirtualInterfaces: profile `acme-prdo` is not in the AWS config files\nhint: "),
            "{t}"
        );

        let none = dispatch(CredentialsError::not_loaded("no providers in chain provided credentials"), false);
        let f = classify(OP, &none);
        assert_eq!(f.kind, Kind::NoCredentials);
        assert!(shown(&f).contains("hint: name a `profile`"), "{f}");

        let sso = dispatch(
            CredentialsError::provider_error("the SSO token has expired and cannot be refreshed (profile `acme`)"),
            false,
        );
        let f = classify(OP, &sso);
        assert_eq!(f.kind, Kind::SsoExpired);
        assert!(shown(&f).ends_with("hint: run `aws sso login --profile acme`"), "{f}");
    }

    #[test]
    fn an_access_denial_names_the_missing_action_without_the_callers_arn() {
        let e = service(
            "AccessDeniedException",
            "User: arn:aws:sts::111122223333:assumed-role/OpsKitRead/opskit-1234567890 is not authorized to \
             perform: directconnect:DescribeVirtualInterfaces on resource: arn:aws:directconnect:ap-northeast-1:\
             111122223333:dxvif/* because no identity-based policy allows the directconnect:DescribeVirtualInterfaces action",
        );
        let f = classify(OP, &e);
        assert_eq!((f.kind, f.code.as_deref()), (Kind::AccessDenied, Some("AccessDeniedException")));
        let t = shown(&f);
        assert_eq!(
            t.lines().next().unwrap(),
            "DescribeVirtualInterfaces: AccessDeniedException: not authorized to perform directconnect:DescribeVirtualInterfaces"
        );
        assert!(t.contains("hint: grant directconnect:DescribeVirtualInterfaces"), "{t}");
        let f = f.with_denied_hint("see commands/dx-vif/iam-policy.json");
        assert!(f.to_string().ends_with("\nhint: see commands/dx-vif/iam-policy.json"), "{f}");
    }

    #[test]
    fn throttling_expired_keys_and_unknown_codes_are_told_apart() {
        assert_eq!(classify(OP, &service("ThrottlingException", "Rate exceeded")).kind, Kind::Throttled);
        assert_eq!(classify(OP, &service("ExpiredTokenException", "expired")).kind, Kind::BadCredentials);
        assert_eq!(classify(OP, &service("OptInRequired", "not subscribed")).kind, Kind::RegionNotEnabled);
        let f = classify(OP, &service("DirectConnectServerException", &"x".repeat(5000)));
        assert_eq!((f.kind, f.hint.as_deref()), (Kind::Service, None));
        shown(&f);
    }

    #[test]
    fn transport_failures_say_unknown_host_unreachable_or_timed_out() {
        let dns = dispatch(
            std::io::Error::other("dns error: failed to lookup address information: Name or service not known"),
            true,
        );
        let f = classify(OP, &dns);
        assert_eq!(f.kind, Kind::UnknownHost);
        assert!(shown(&f).contains("hint: check the region name"), "{f}");

        let refused = dispatch(std::io::Error::from(std::io::ErrorKind::ConnectionRefused), true);
        let f = classify(OP, &refused);
        assert_eq!(f.kind, Kind::Unreachable);
        assert!(shown(&f).contains("refused"), "{f}");

        let slow: E = SdkError::dispatch_failure(ConnectorError::timeout("read timed out".into()));
        assert_eq!(classify(OP, &slow).kind, Kind::TimedOut);
        let slow: E = SdkError::timeout_error("operation timeout");
        assert_eq!(classify(OP, &slow).kind, Kind::TimedOut);
    }
}
