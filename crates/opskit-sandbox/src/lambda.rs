//! Fake of AWS Lambda's ListFunctions (restJson1: `GET /2015-03-31/functions/`, signed for
//! `lambda`). The sandbox holds no functions, so it answers `{"Functions": [],
//! "NextMarker": null}` (complete), and GetFunction (`GET /2015-03-31/functions/{name}`)
//! `ResourceNotFoundException` (404), as Lambda does for a function it does not know. A
//! `MaxItems` outside 1–10000 is `InvalidParameterValueException`. Errors carry their code
//! in `X-Amzn-ErrorType` with `{"message": …}`, restJson1's shape ([`aws::rest_error`]).

use super::aws::{self, RestCall};
use super::{Recorded, Reply};
use serde_json::json;

pub(crate) const PATH_PREFIX: &str = "/2015-03-31/functions";

pub(crate) fn is_call(rec: &Recorded) -> bool {
    rec.path == PATH_PREFIX || rec.path.starts_with(&format!("{PATH_PREFIX}/"))
}

pub(crate) fn handle(rec: &Recorded) -> Reply {
    let call = match RestCall::authenticate(rec) {
        Ok(c) => c,
        Err(reply) => return reply,
    };
    // ["2015-03-31", "functions", ""] for the listing, [.., "functions", name] for one.
    let name = call.segments.get(2).map(String::as_str).unwrap_or_default();
    match (call.method(), name, call.segments.len()) {
        ("GET", "", 2 | 3) => {
            if let Some(m) = call.query("MaxItems").filter(|m| !matches!(m.parse::<u32>(), Ok(1..=10_000))) {
                return aws::rest_error(
                    400,
                    "InvalidParameterValueException",
                    &format!(
                        "1 validation error detected: Value '{m}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000"
                    ),
                );
            }
            aws::rest_reply(&json!({"Functions": [], "NextMarker": null}))
        }
        ("GET", name, 3) => {
            let arn = format!("arn:aws:lambda:{}:{}:function:{name}", call.caller.region, call.caller.account);
            aws::rest_error(404, "ResourceNotFoundException", &format!("Function not found: {arn}"))
        }
        _ => aws::rest_unknown_operation(rec),
    }
}
