//! Lambda's ListFunctions as the inventory reads it: restJson1, `GET
//! /2015-03-31/functions/` with `Marker` / `MaxItems`, signing name `lambda`, through
//! opskit's own signed GET ([`crate::aws::rest_json`]).
//!
//! References: [ListFunctions](https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html),
//! [FunctionConfiguration](https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html),
//! [Lambda runtimes](https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html) (the
//! deprecation dates of [`RUNTIME_DEPRECATION`]).

use super::query::{QueryError, Service};
use aws_config::SdkConfig;
use serde::Deserialize;

/// Lambda: signing name `lambda`, `AWS_ENDPOINT_URL_LAMBDA`.
pub const SERVICE: Service = Service { name: "lambda", service_id: "Lambda", version: "2015-03-31" };

/// The most functions a page may hold (the API's maximum).
pub const MAX_ITEMS: u32 = 50;

/// One page of ListFunctions (`$LATEST` of each function) from `marker`.
pub async fn list_functions(cfg: &SdkConfig, marker: Option<String>) -> Result<ListFunctions, QueryError> {
    let mut params = vec![("MaxItems", MAX_ITEMS.to_string())];
    if let Some(m) = marker {
        params.push(("Marker", m));
    }
    super::rest_json::get(cfg, &SERVICE, "ListFunctions", "/2015-03-31/functions/", &params).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListFunctions {
    pub functions: Option<Vec<Function>>,
    pub next_marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Function {
    pub function_name: Option<String>,
    /// None for a container image.
    pub runtime: Option<String>,
    pub memory_size: Option<u64>,
    pub timeout: Option<u64>,
    /// `2019-09-24T18:20:35.054+0000` (ISO 8601, an offset without a colon).
    pub last_modified: Option<String>,
    /// `Zip` or `Image`.
    pub package_type: Option<String>,
    #[serde(default)]
    pub architectures: Vec<String>,
}

/// Lambda-managed runtimes and the date (UTC) AWS deprecates (or deprecated) each, as the
/// Lambda runtimes page lists them ("Supported runtimes" with their planned deprecation
/// dates, "Deprecated runtimes" with theirs). A runtime is deprecated from its date on.
/// A runtime not in the table (a newer one, or a custom runtime's name) is not called
/// deprecated: the table is what AWS published when this was written.
pub const RUNTIME_DEPRECATION: &[(&str, &str)] = &[
    // Supported, with planned deprecation dates.
    ("nodejs24.x", "2028-04-30"),
    ("nodejs22.x", "2027-04-30"),
    ("nodejs20.x", "2026-04-30"),
    ("python3.14", "2029-06-30"),
    ("python3.13", "2029-06-30"),
    ("python3.12", "2028-10-31"),
    ("python3.11", "2026-06-30"),
    ("python3.10", "2026-06-30"),
    ("java25", "2029-06-30"),
    ("java21", "2029-06-30"),
    ("java17", "2026-06-30"),
    ("java11", "2026-06-30"),
    ("java8.al2", "2026-06-30"),
    ("dotnet10", "2028-11-14"),
    ("dotnet9", "2026-11-10"),
    ("dotnet8", "2026-11-10"),
    ("ruby3.4", "2028-03-31"),
    ("ruby3.3", "2027-03-31"),
    ("ruby3.2", "2026-03-31"),
    ("provided.al2023", "2029-06-30"),
    ("provided.al2", "2026-06-30"),
    // Deprecated.
    ("python3.9", "2025-12-15"),
    ("nodejs18.x", "2025-09-01"),
    ("dotnet6", "2024-12-20"),
    ("python3.8", "2024-10-14"),
    ("nodejs16.x", "2024-06-12"),
    ("dotnet7", "2024-05-14"),
    ("java8", "2024-01-08"),
    ("go1.x", "2024-01-08"),
    ("provided", "2024-01-08"),
    ("ruby2.7", "2023-12-07"),
    ("nodejs14.x", "2023-12-04"),
    ("python3.7", "2023-12-04"),
    ("dotnetcore3.1", "2023-04-03"),
    ("nodejs12.x", "2023-03-31"),
    ("python3.6", "2022-07-18"),
    ("dotnet5.0", "2022-05-10"),
    ("dotnetcore2.1", "2022-01-05"),
    ("nodejs10.x", "2021-07-30"),
    ("ruby2.5", "2021-07-30"),
    ("python2.7", "2021-07-15"),
    ("nodejs8.10", "2020-03-06"),
    ("nodejs4.3", "2020-03-05"),
    ("nodejs4.3-edge", "2019-04-30"),
    ("nodejs6.10", "2019-08-12"),
    ("dotnetcore1.0", "2019-06-27"),
    ("dotnetcore2.0", "2019-05-30"),
    ("nodejs", "2016-10-31"),
];

/// Whether `runtime` is deprecated on `today`: `Some(true)` from its deprecation date on,
/// `Some(false)` before it, `None` for a runtime the table does not know.
pub fn deprecated(runtime: &str, today: jiff::civil::Date) -> Option<bool> {
    let (_, date) = RUNTIME_DEPRECATION.iter().find(|(r, _)| *r == runtime)?;
    let date: jiff::civil::Date = date.parse().ok()?;
    Some(today >= date)
}

/// Lambda's `2019-09-24T18:20:35.054+0000` as RFC 3339 UTC, seconds precision; a text that
/// is not one shows as it came.
pub fn last_modified(t: &str) -> String {
    let t = t.trim();
    match jiff::Timestamp::strptime("%Y-%m-%dT%H:%M:%S%.f%z", t).or_else(|_| t.parse::<jiff::Timestamp>()) {
        Ok(ts) => jiff::Timestamp::from_second(ts.as_second()).map_or_else(|_| t.to_string(), |s| s.to_string()),
        Err(_) => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_runtime_sizes_and_package_type_and_a_container_has_no_runtime() {
        // As the API reference's example, trimmed, plus a container image.
        let body = br#"{"Functions":[{"FunctionName":"helloworld","FunctionArn":"arn:aws:lambda:us-west-2:123456789012:function:helloworld",
            "Runtime":"nodejs22.x","Role":"arn:aws:iam::123456789012:role/service-role/helloworld-role","Handler":"index.handler",
            "CodeSize":294,"Timeout":3,"MemorySize":128,"LastModified":"2019-09-24T18:20:35.054+0000","PackageType":"Zip",
            "Architectures":["x86_64"]},
            {"FunctionName":"img","PackageType":"Image","MemorySize":512,"Timeout":30,"Architectures":["arm64"]}],
            "NextMarker":"m-2"}"#;
        let l: ListFunctions = crate::aws::rest_json::read_answer("ListFunctions", 200, body, None, None).unwrap();
        assert_eq!(l.next_marker.as_deref(), Some("m-2"));
        let f = l.functions.unwrap();
        assert_eq!((f[0].runtime.as_deref(), f[0].memory_size, f[0].timeout), (Some("nodejs22.x"), Some(128), Some(3)));
        assert_eq!(f[1].runtime, None);
        assert_eq!(f[1].architectures, ["arm64"]);
        assert_eq!(last_modified(f[0].last_modified.as_deref().unwrap()), "2019-09-24T18:20:35Z");
        assert_eq!(last_modified("not a time"), "not a time");
    }

    #[test]
    fn a_runtime_is_deprecated_from_its_date_on() {
        let d = |s: &str| s.parse::<jiff::civil::Date>().unwrap();
        assert_eq!(deprecated("python3.7", d("2026-12-07")), Some(true));
        assert_eq!(deprecated("python3.12", d("2026-12-07")), Some(false));
        assert_eq!(deprecated("nodejs20.x", d("2026-04-29")), Some(false));
        assert_eq!(deprecated("nodejs20.x", d("2026-04-30")), Some(true));
        assert_eq!(deprecated("my-custom", d("2026-04-30")), None);
        assert!(RUNTIME_DEPRECATION.iter().all(|(_, date)| date.parse::<jiff::civil::Date>().is_ok()));
    }
}
