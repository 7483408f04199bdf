//! opskit's own client of AWS's REST-XML services (S3, Route 53): a request signed with
//! SigV4 whose answer is XML, as [`crate::aws::query`] does for the Query protocol and with
//! the same pieces (endpoint overrides, credentials, retries, [`QueryError`]).
//!
//! References: [S3 REST errors](https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html)
//! (`<Error><Code/><Message/><RequestId/></Error>`), [Route 53 errors](https://docs.aws.amazon.com/Route53/latest/APIReference/CommonErrors.html)
//! (`<ErrorResponse><Error><Code/>…</Error><RequestId/></ErrorResponse>`),
//! [signing S3 requests](https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html)
//! (`x-amz-content-sha256`, the path encoded once).
//!
//! An answer is taken only as HTTP 2xx with an XML body whose root is the operation's
//! (`ListAllMyBucketsResult`, `ListHostedZonesResponse`); anything else fails the call
//! naming the operation, never an empty success.

use super::query::{self, QueryError, Scope, Service};
use aws_config::SdkConfig;
use serde::de::DeserializeOwned;
use std::time::SystemTime;

/// One request: `method` on `path` (with its query, `/bucket?location`) of `service`,
/// signed for `region` and sent to that region's endpoint (or the override).
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub service: &'a Service,
    pub region: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub body: &'a [u8],
    /// Headers besides `host` and the signature's (`content-type`, `content-md5`).
    pub headers: &'a [(&'a str, &'a str)],
}

impl<'a> Request<'a> {
    /// A `GET` of `path` with no body.
    pub fn get(service: &'a Service, region: &'a str, path: &'a str) -> Request<'a> {
        Request { service, region, method: "GET", path, body: b"", headers: &[] }
    }
}

/// Send `req` once: its status and body.
pub async fn send(cfg: &SdkConfig, req: &Request<'_>) -> Result<(u16, Vec<u8>), QueryError> {
    let in_region = cfg.to_builder().region(aws_config::Region::new(req.region.to_string())).build();
    let base = query::endpoint(&in_region, req.service)?;
    let url = format!("{}{}", base.trim_end_matches('/'), req.path);
    let url = reqwest::Url::parse(&url).map_err(|e| QueryError::Request(format!("endpoint `{url}`: {e}")))?;
    let credentials = query::credentials(cfg).await?;
    let host = query::host_header(&url);
    let mut signed_headers: Vec<(&str, &str)> = req.headers.to_vec();
    signed_headers.push(("host", host.as_str()));
    let scope = Scope { region: req.region, service: req.service.name, time: SystemTime::now() };
    let signed = query::sign_with(
        req.method,
        url.as_str(),
        &signed_headers,
        req.body,
        &credentials,
        scope,
        settings(req.service),
    )?;
    let method = reqwest::Method::from_bytes(req.method.as_bytes())
        .map_err(|e| QueryError::Request(format!("method {}: {e}", req.method)))?;
    let mut r = query::http()?.request(method, url).body(req.body.to_vec());
    for (k, v) in req.headers {
        r = r.header(*k, *v);
    }
    for (k, v) in signed {
        r = r.header(k, v);
    }
    let resp = r.send().await.map_err(QueryError::Transport)?;
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await.map_err(QueryError::Transport)?;
    Ok((status, bytes.to_vec()))
}

/// S3 signs the path as sent (no double encoding, no normalisation) and wants the payload's
/// hash in `x-amz-content-sha256`; the others sign as every service does.
fn settings(service: &Service) -> aws_sigv4::http_request::SigningSettings {
    use aws_sigv4::http_request::{
        PayloadChecksumKind, PercentEncodingMode, SigningSettings, UriPathNormalizationMode,
    };
    let mut s = SigningSettings::default();
    if service.name == "s3" {
        s.percent_encoding_mode = PercentEncodingMode::Single;
        s.uri_path_normalization_mode = UriPathNormalizationMode::Disabled;
        s.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
    }
    s
}

/// `req`, retried as [`QueryError::retryable`] says, read as `T` from an answer whose root
/// is `<{root}>`.
pub async fn call<T: DeserializeOwned>(
    cfg: &SdkConfig,
    op: &str,
    root: &str,
    req: &Request<'_>,
) -> Result<T, QueryError> {
    query::with_retries(op, QueryError::retryable, || async {
        let (status, body) = send(cfg, req).await?;
        read_answer(op, root, status, &body)
    })
    .await
}

/// An answer's status and body as `T` (the children of `<{root}>`), or why not. The root
/// `<{op}Response>` is taken too: S3's model gives some outputs no element name
/// (GetBucketVersioning's is `VersioningConfiguration` on the wire), and emulators (moto
/// 5.2.5) name the root after the operation; the SDKs read the children whatever the root.
pub fn read_answer<T: DeserializeOwned>(op: &str, root: &str, status: u16, body: &[u8]) -> Result<T, QueryError> {
    let answer = |why: String| QueryError::Answer { status, body: body.to_vec(), why };
    let found = query::root_name(body);
    if !(200..300).contains(&status) {
        return Err(match found.as_deref() {
            Some("Error") => read_error(status, body).unwrap_or_else(|| answer("no error code".into())),
            Some("ErrorResponse") => query::read_error(status, body).unwrap_or_else(|| answer("no error code".into())),
            _ => answer("not an AWS error".into()),
        });
    }
    match found {
        Some(r) if r == root || r.strip_suffix("Response") == Some(op) => {}
        Some(r) => return Err(answer(format!("the answer is <{r}>, not <{root}>"))),
        None if body.iter().all(u8::is_ascii_whitespace) => return Err(answer("the answer is empty".into())),
        None => return Err(answer("the answer is not XML".into())),
    }
    let text = std::str::from_utf8(body).map_err(|_| answer("the answer is not UTF-8".into()))?;
    quick_xml::de::from_str(text).map_err(|e| answer(format!("the answer cannot be read: {e}")))
}

/// S3's `<Error><Code/><Message/><RequestId/></Error>`.
#[derive(Debug, serde::Deserialize)]
struct S3Error {
    #[serde(rename = "Code")]
    code: Option<String>,
    #[serde(rename = "Message")]
    message: Option<String>,
    #[serde(rename = "RequestId")]
    request_id: Option<String>,
}

fn read_error(status: u16, body: &[u8]) -> Option<QueryError> {
    let e: S3Error = quick_xml::de::from_str(std::str::from_utf8(body).ok()?).ok()?;
    let code = e.code.filter(|c| !c.trim().is_empty())?;
    Some(QueryError::Service { status, code: code.trim().to_string(), message: e.message, request_id: e.request_id })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_and_route53_errors_read_their_code_and_other_answers_fail_naming_why() {
        let s3 = br#"<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist</Message><RequestId>r-1</RequestId></Error>"#;
        match read_answer::<serde::de::IgnoredAny>("GetBucketLifecycleConfiguration", "LifecycleConfiguration", 404, s3)
        {
            Err(QueryError::Service { code, status: 404, .. }) => assert_eq!(code, "NoSuchLifecycleConfiguration"),
            other => panic!("{other:?}"),
        }
        let r53 = br#"<ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error><RequestId>r-2</RequestId></ErrorResponse>"#;
        match read_answer::<serde::de::IgnoredAny>("ListHostedZones", "ListHostedZonesResponse", 403, r53) {
            Err(QueryError::Service { code, .. }) => assert_eq!(code, "AccessDenied"),
            other => panic!("{other:?}"),
        }
        for (status, body) in [(200, &b"<html>portal</html>"[..]), (200, b""), (502, b"Bad gateway")] {
            assert!(
                matches!(
                    read_answer::<serde::de::IgnoredAny>("ListBuckets", "ListAllMyBucketsResult", status, body),
                    Err(QueryError::Answer { .. })
                ),
                "{status} {:?}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
