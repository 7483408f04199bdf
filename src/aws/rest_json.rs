//! A signed `GET` of a restJson1 service (Lambda's ListFunctions), over the same pieces as
//! opskit's Query client ([`crate::aws::query`]): its endpoint resolution (overrides
//! first), its SigV4 signing, its HTTP client, retries and failures. Kept minimal and in its
//! own file: the lead merges it with the S3 / Route 53 helper (`src/aws/rest.rs`).
//!
//! An answer is taken only as HTTP 2xx with a JSON object body; an error is the code of
//! `X-Amzn-ErrorType` (restJson1's error header, `Code:http://…` trimmed to `Code`) or of
//! the body's `__type` / `code`, with its `message` / `Message`. Anything else (an HTML
//! page, an empty body, a redirect) fails the call naming the operation.
//!
//! Reference: [restJson1 errors](https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html#operation-error-serialization).

use super::query::{self, QueryError, Scope, Service};
use aws_config::SdkConfig;
use serde::de::DeserializeOwned;
use std::time::SystemTime;

/// `GET {endpoint}{path}?{query}` of `service` for the target of `cfg`, signed, retried as
/// [`QueryError::retryable`] says, its JSON answer read into `T`. `op` names the operation
/// in failures.
pub async fn get<T: DeserializeOwned>(
    cfg: &SdkConfig,
    service: &Service,
    op: &str,
    path: &str,
    params: &[(&str, String)],
) -> Result<T, QueryError> {
    query::with_retries(op, QueryError::retryable, || once(cfg, service, op, path, params)).await
}

async fn once<T: DeserializeOwned>(
    cfg: &SdkConfig,
    service: &Service,
    op: &str,
    path: &str,
    params: &[(&str, String)],
) -> Result<T, QueryError> {
    let base = query::endpoint(cfg, service)?;
    let mut url = reqwest::Url::parse(&base).map_err(|e| QueryError::Request(format!("endpoint `{base}`: {e}")))?;
    url.set_path(&format!("{}{path}", url.path().trim_end_matches('/')));
    if !params.is_empty() {
        let mut q = url.query_pairs_mut();
        for (k, v) in params {
            q.append_pair(k, v);
        }
    }
    let region = cfg.region().map(|r| r.as_ref().to_string()).ok_or_else(|| QueryError::Request("no region".into()))?;
    let credentials = query::credentials(cfg).await?;
    let host = query::host_header(&url);
    let scope = Scope { region: &region, service: service.name, time: SystemTime::now() };
    let signed = query::sign("GET", url.as_str(), &[("host", host.as_str())], b"", &credentials, scope)?;
    let mut req = query::http()?.get(url);
    for (k, v) in signed {
        req = req.header(k, v);
    }
    let resp = req.send().await.map_err(QueryError::Transport)?;
    let status = resp.status().as_u16();
    let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let (error_type, request_id) = (header("x-amzn-errortype"), header("x-amzn-requestid"));
    let bytes = resp.bytes().await.map_err(QueryError::Transport)?;
    read_answer(op, status, &bytes, error_type.as_deref(), request_id)
}

/// A restJson1 answer's status, body and `X-Amzn-ErrorType` as `T`, or why not.
pub fn read_answer<T: DeserializeOwned>(
    op: &str,
    status: u16,
    body: &[u8],
    error_type: Option<&str>,
    request_id: Option<String>,
) -> Result<T, QueryError> {
    let answer = |why: String| QueryError::Answer { status, body: body.to_vec(), why };
    let json: Option<serde_json::Value> = serde_json::from_slice(body).ok();
    if !(200..300).contains(&status) {
        let from_body = || {
            let j = json.as_ref()?;
            ["__type", "code", "Code"].iter().find_map(|k| j.get(*k)).and_then(|t| t.as_str()).map(str::to_string)
        };
        let code = error_type.map(str::to_string).or_else(from_body).map(|c| error_code(&c).to_string());
        let code = code.filter(|c| !c.is_empty());
        let Some(code) = code else {
            return Err(answer(if json.is_some() { "no error code".into() } else { "not an AWS error".into() }));
        };
        let message = json
            .as_ref()
            .and_then(|j| ["message", "Message"].iter().find_map(|k| j.get(*k)))
            .and_then(|m| m.as_str())
            .map(str::to_string);
        return Err(QueryError::Service { status, code, message, request_id });
    }
    match json {
        Some(v @ serde_json::Value::Object(_)) => {
            serde_json::from_value(v).map_err(|e| answer(format!("the {op} answer cannot be read: {e}")))
        }
        Some(_) => Err(answer(format!("the {op} answer is not a JSON object"))),
        None if body.iter().all(u8::is_ascii_whitespace) => Err(answer("the answer is empty".into())),
        None => Err(answer("the answer is not JSON".into())),
    }
}

/// `com.amazonaws.lambda#AccessDeniedException` and `AccessDeniedException:http://…` as
/// `AccessDeniedException`.
fn error_code(t: &str) -> &str {
    let t = t.rsplit('#').next().unwrap_or(t);
    t.split(':').next().unwrap_or(t).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_takes_its_code_from_the_error_type_header_then_the_body() {
        let e = read_answer::<serde_json::Value>(
            "ListFunctions",
            403,
            br#"{"Message":"User is not authorized"}"#,
            Some("AccessDeniedException:http://internal.amazon.com/coral/com.amazonaws.lambda/"),
            None,
        )
        .unwrap_err();
        assert!(
            matches!(&e, QueryError::Service { code, message: Some(m), .. } if code == "AccessDeniedException" && m == "User is not authorized"),
            "{e:?}"
        );
        let e = read_answer::<serde_json::Value>(
            "ListFunctions",
            429,
            br#"{"__type":"com.amazonaws.lambda#TooManyRequestsException","message":"slow"}"#,
            None,
            None,
        )
        .unwrap_err();
        assert!(e.retryable(), "{e:?}");
    }

    #[test]
    fn a_success_that_is_not_a_json_object_fails_the_call() {
        let html = read_answer::<serde_json::Value>("ListFunctions", 200, b"<html>portal</html>", None, None);
        assert!(matches!(html, Err(QueryError::Answer { .. })));
        let empty = read_answer::<serde_json::Value>("ListFunctions", 200, b"", None, None);
        assert!(matches!(empty, Err(QueryError::Answer { .. })));
        let proxy = read_answer::<serde_json::Value>("ListFunctions", 502, b"Bad Gateway", None, None).unwrap_err();
        assert!(matches!(proxy, QueryError::Answer { status: 502, .. }) && proxy.retryable());
    }
}
