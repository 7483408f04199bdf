//! The S3 reads the inventory makes, over opskit's own REST-XML client ([`crate::aws::rest`]):
//! ListBuckets (`GET /`, paged with `continuation-token`), then per bucket GetBucketLocation,
//! GetPublicAccessBlock, GetBucketEncryption, GetBucketVersioning and
//! GetBucketLifecycleConfiguration, path-style (`GET /{bucket}?location`), signed for `s3`.
//!
//! References: [ListBuckets](https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html),
//! [GetBucketLocation](https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html),
//! [GetPublicAccessBlock](https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetPublicAccessBlock.html),
//! [GetBucketEncryption](https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketEncryption.html),
//! [GetBucketVersioning](https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html),
//! [GetBucketLifecycleConfiguration](https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLifecycleConfiguration.html).
//!
//! A bucket without a public access block, default encryption or lifecycle answers the
//! documented error codes ([`NOT_CONFIGURED`]); those read as `None`, every other error
//! fails the call.

use super::query::{QueryError, Service};
use super::rest::{self, Request};
use aws_config::SdkConfig;
use serde::Deserialize;

/// S3: signing name `s3`, `AWS_ENDPOINT_URL_S3`.
pub const SERVICE: Service = Service { name: "s3", service_id: "S3", version: "2006-03-01" };

/// Buckets a ListBuckets page may hold (the API's maximum).
pub const MAX_BUCKETS: u32 = 1000;

/// The codes S3 answers for a setting that was never made: none, not a failure.
pub const NOT_CONFIGURED: &[&str] = &[
    "NoSuchPublicAccessBlockConfiguration",
    "ServerSideEncryptionConfigurationNotFoundError",
    "NoSuchLifecycleConfiguration",
];

/// One page of ListBuckets from `token`, asked in `region` (the account's global target
/// signs in us-east-1).
pub async fn list_buckets(cfg: &SdkConfig, region: &str, token: Option<&str>) -> Result<ListBuckets, QueryError> {
    let mut path = format!("/?max-buckets={MAX_BUCKETS}");
    if let Some(t) = token {
        path.push_str("&continuation-token=");
        path.push_str(&url::form_urlencoded::byte_serialize(t.as_bytes()).collect::<String>());
    }
    rest::call(cfg, "ListBuckets", "ListAllMyBucketsResult", &Request::get(&SERVICE, region, &path)).await
}

/// The bucket's region: GetBucketLocation (asked in `region`, which answers for any
/// bucket), `us-east-1` for the empty constraint and `eu-west-1` for the legacy `EU`.
pub async fn bucket_region(cfg: &SdkConfig, region: &str, bucket: &str) -> Result<String, QueryError> {
    let path = format!("/{bucket}?location");
    let l: LocationConstraint =
        rest::call(cfg, "GetBucketLocation", "LocationConstraint", &Request::get(&SERVICE, region, &path)).await?;
    Ok(match l.region.as_deref().map(str::trim) {
        None | Some("") => "us-east-1".into(),
        Some("EU") => "eu-west-1".into(),
        Some(r) => r.to_string(),
    })
}

/// A bucket's sub-resource `?{sub}` read as `T` from `<{root}>`, asked in the bucket's
/// region; `None` when S3 answers one of [`NOT_CONFIGURED`].
pub async fn bucket_setting<T: for<'de> Deserialize<'de>>(
    cfg: &SdkConfig,
    op: &'static str,
    root: &str,
    region: &str,
    bucket: &str,
    sub: &str,
) -> Result<Option<T>, QueryError> {
    let path = format!("/{bucket}?{sub}");
    match rest::call(cfg, op, root, &Request::get(&SERVICE, region, &path)).await {
        Ok(v) => Ok(Some(v)),
        Err(QueryError::Service { code, .. }) if NOT_CONFIGURED.contains(&code.as_str()) => Ok(None),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ListBuckets {
    #[serde(rename = "Owner")]
    pub owner: Option<Owner>,
    #[serde(rename = "Buckets")]
    pub buckets: Option<BucketList>,
    #[serde(rename = "ContinuationToken")]
    pub continuation_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Owner {
    #[serde(rename = "ID")]
    pub id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct BucketList {
    #[serde(rename = "Bucket", default)]
    pub items: Vec<Bucket>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Bucket {
    #[serde(rename = "Name")]
    pub name: Option<String>,
    #[serde(rename = "CreationDate")]
    pub creation_date: Option<String>,
    /// The bucket's region, in answers since 2024 (emulators may leave it out).
    #[serde(rename = "BucketRegion")]
    pub region: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LocationConstraint {
    #[serde(rename = "$text")]
    pub region: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PublicAccessBlock {
    #[serde(rename = "BlockPublicAcls")]
    pub block_public_acls: Option<String>,
    #[serde(rename = "IgnorePublicAcls")]
    pub ignore_public_acls: Option<String>,
    #[serde(rename = "BlockPublicPolicy")]
    pub block_public_policy: Option<String>,
    #[serde(rename = "RestrictPublicBuckets")]
    pub restrict_public_buckets: Option<String>,
}

impl PublicAccessBlock {
    /// `all on`, `partial (block_public_acls, …)` naming the ones on, or `none`.
    pub fn summary(&self) -> String {
        let on = |v: &Option<String>| v.as_deref().map(str::trim) == Some("true");
        let settings = [
            ("block_public_acls", on(&self.block_public_acls)),
            ("ignore_public_acls", on(&self.ignore_public_acls)),
            ("block_public_policy", on(&self.block_public_policy)),
            ("restrict_public_buckets", on(&self.restrict_public_buckets)),
        ];
        let set: Vec<&str> = settings.iter().filter(|(_, on)| *on).map(|(n, _)| *n).collect();
        match set.len() {
            4 => "all on".into(),
            0 => "none".into(),
            _ => format!("partial ({})", set.join(", ")),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Encryption {
    #[serde(rename = "Rule", default)]
    pub rules: Vec<EncryptionRule>,
}

#[derive(Debug, Default, Deserialize)]
pub struct EncryptionRule {
    #[serde(rename = "ApplyServerSideEncryptionByDefault")]
    pub default: Option<EncryptionDefault>,
}

#[derive(Debug, Default, Deserialize)]
pub struct EncryptionDefault {
    #[serde(rename = "SSEAlgorithm")]
    pub algorithm: Option<String>,
    #[serde(rename = "KMSMasterKeyID")]
    pub kms_key: Option<String>,
}

impl Encryption {
    /// `AES256`, `aws:kms (key)`, joined when several rules; `none` when no rule sets one.
    pub fn summary(&self) -> String {
        let v: Vec<String> = self
            .rules
            .iter()
            .filter_map(|r| r.default.as_ref())
            .filter_map(|d| {
                let alg = d.algorithm.as_deref()?.trim();
                Some(match d.kms_key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
                    Some(k) => format!("{alg} ({k})"),
                    None => alg.to_string(),
                })
            })
            .collect();
        if v.is_empty() { "none".into() } else { v.join(", ") }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Versioning {
    /// `Enabled` or `Suspended`; absent for a bucket whose versioning was never enabled.
    #[serde(rename = "Status")]
    pub status: Option<String>,
    #[serde(rename = "MfaDelete")]
    pub mfa_delete: Option<String>,
}

impl Versioning {
    /// `enabled`, `suspended` or `off`, with `, mfa delete` when MFA delete is on.
    pub fn summary(&self) -> String {
        let mut s = match self.status.as_deref().map(str::trim) {
            None | Some("") => "off".to_string(),
            Some(st) => st.to_ascii_lowercase(),
        };
        if self.mfa_delete.as_deref().map(str::trim) == Some("Enabled") {
            s.push_str(", mfa delete");
        }
        s
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Lifecycle {
    #[serde(rename = "Rule", default)]
    pub rules: Vec<LifecycleRule>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LifecycleRule {
    #[serde(rename = "Status")]
    pub status: Option<String>,
}

impl Lifecycle {
    /// `2 rules, 1 enabled`.
    pub fn summary(&self) -> String {
        let enabled = self.rules.iter().filter(|r| r.status.as_deref().map(str::trim) == Some("Enabled")).count();
        let n = self.rules.len();
        format!("{n} rule{}, {enabled} enabled", if n == 1 { "" } else { "s" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::rest::read_answer;

    #[test]
    fn bucket_answers_read_as_the_summaries_the_inventory_shows() {
        let list = br#"<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>o-1</ID><DisplayName>x</DisplayName></Owner>
<Buckets><Bucket><Name>logs</Name><CreationDate>2026-01-02T03:04:05.000Z</CreationDate><BucketRegion>eu-west-1</BucketRegion></Bucket></Buckets>
<ContinuationToken>t-2</ContinuationToken></ListAllMyBucketsResult>"#;
        let l: ListBuckets = read_answer("ListBuckets", "ListAllMyBucketsResult", 200, list).unwrap();
        assert_eq!(l.continuation_token.as_deref(), Some("t-2"));
        let b = &l.buckets.unwrap().items[0];
        assert_eq!((b.name.as_deref(), b.region.as_deref()), (Some("logs"), Some("eu-west-1")));
        let empty: ListBuckets = read_answer(
            "ListBuckets",
            "ListAllMyBucketsResult",
            200,
            b"<ListAllMyBucketsResult><Owner><ID>o</ID></Owner><Buckets/></ListAllMyBucketsResult>",
        )
        .unwrap();
        assert!(empty.buckets.unwrap().items.is_empty(), "an empty list is there, not missing");

        let loc: LocationConstraint = read_answer(
            "GetBucketLocation",
            "LocationConstraint",
            200,
            br#"<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>"#,
        )
        .unwrap();
        assert_eq!(loc.region.as_deref(), Some("eu-west-1"));
        let loc: LocationConstraint = read_answer(
            "GetBucketLocation",
            "LocationConstraint",
            200,
            br#"<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>"#,
        )
        .unwrap();
        assert_eq!(loc.region, None);

        let pab: PublicAccessBlock = read_answer("GetPublicAccessBlock", "PublicAccessBlockConfiguration", 200, b"<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>").unwrap();
        assert_eq!(pab.summary(), "partial (block_public_acls, block_public_policy)");
        let enc: Encryption = read_answer("GetBucketEncryption", "ServerSideEncryptionConfiguration", 200, b"<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>k-1</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>").unwrap();
        assert_eq!(enc.summary(), "aws:kms (k-1)");
        let v: Versioning =
            read_answer("GetBucketVersioning", "VersioningConfiguration", 200, b"<VersioningConfiguration/>").unwrap();
        assert_eq!(v.summary(), "off");
        let v: Versioning =
            read_answer("GetBucketVersioning", "VersioningConfiguration", 200, b"<GetBucketVersioningResponse/>")
                .unwrap();
        assert_eq!(v.summary(), "off");
        let v: Versioning = read_answer(
            "GetBucketVersioning",
            "VersioningConfiguration",
            200,
            b"<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>",
        )
        .unwrap();
        assert_eq!(v.summary(), "enabled");
        let lc: Lifecycle = read_answer("GetBucketLifecycleConfiguration", "LifecycleConfiguration", 200, b"<LifecycleConfiguration><Rule><ID>a</ID><Status>Enabled</Status></Rule><Rule><ID>b</ID><Status>Disabled</Status></Rule></LifecycleConfiguration>").unwrap();
        assert_eq!(lc.summary(), "2 rules, 1 enabled");
    }
}
