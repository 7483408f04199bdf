//! The account-wide types, collected once per account in its [`super::GLOBAL`] target (signed in
//! us-east-1): S3 buckets (ListBuckets, then each bucket's settings in its own region, which
//! ListBuckets's `BucketRegion` names or else GetBucketLocation), IAM users (ListUsers, then each user's keys, MFA devices and console password)
//! and Route 53 hosted zones (ListHostedZones).
//!
//! As for every type, a listing is taken only when complete ([`Pages`], [`required`]), and
//! a per-item call that fails fails the type for the account (never a blank column); only
//! the documented "not configured" answers read as none: a bucket without a public access
//! block, default encryption or lifecycle, a user without a login profile. An item deleted
//! between the listing and its own calls (`NoSuchBucket`, `NoSuchEntity`) no longer exists
//! and is left out.

use super::collect::{At, CallError, GLOBAL_SIGNING_REGION, Listed, list_of, s, time, yes_no};
use super::{Resource, ResourceType};
use crate::aws::answer::{Incomplete, Pages, required};
use crate::aws::query::QueryError;
use crate::aws::{iam, route53, s3api};
use aws_config::SdkConfig;
use futures::{StreamExt as _, TryStreamExt as _};

/// Items (buckets, users) whose own calls run at once.
const ITEM_CONCURRENCY: usize = 8;

fn gone(e: &QueryError, code: &str) -> bool {
    matches!(e, QueryError::Service { code: c, .. } if c == code)
}

/// `IsTruncated` / `Marker` as the next page's marker, or the listing is incomplete.
fn next(op: &'static str, is_truncated: Option<&str>, marker: Option<&str>) -> Result<Option<String>, Incomplete> {
    iam::next_marker(is_truncated, marker).map_err(|what| Incomplete::Missing { op, what })
}

// ---------------------------------------------------------------------------------------
// S3
// ---------------------------------------------------------------------------------------

pub(super) async fn s3_buckets(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "ListBuckets";
    let mut buckets = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(token) = pages.token() {
        let page = s3api::list_buckets(cfg, GLOBAL_SIGNING_REGION, token.as_deref())
            .await
            .map_err(|e| CallError::query(OP, &e))?;
        pages.answered(page.continuation_token.as_deref())?;
        buckets.extend(required(page.buckets, OP, "Buckets")?.items);
    }
    let out: Vec<Option<Resource>> =
        futures::stream::iter(buckets).map(|b| bucket(cfg, at, b)).buffered(ITEM_CONCURRENCY).try_collect().await?;
    Ok(out.into_iter().flatten().collect())
}

/// One bucket's row; `None` when it was deleted since the listing.
async fn bucket(cfg: &SdkConfig, at: &At, b: s3api::Bucket) -> Result<Option<Resource>, CallError> {
    let name = s(b.name.as_deref());
    let about = format!("bucket {name}");
    // ListBuckets names each bucket's region now; GetBucketLocation when it does not.
    let region = match b.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => r.to_string(),
        None => match s3api::bucket_region(cfg, GLOBAL_SIGNING_REGION, name).await {
            Ok(r) => r,
            Err(e) if gone(&e, "NoSuchBucket") => return Ok(None),
            Err(e) => return Err(CallError::query("GetBucketLocation", &e).about(&about)),
        },
    };
    let r = region.as_str();
    let (pab, enc, ver, life) = futures::join!(
        s3api::bucket_setting::<s3api::PublicAccessBlock>(
            cfg,
            "GetPublicAccessBlock",
            "PublicAccessBlockConfiguration",
            r,
            name,
            "publicAccessBlock"
        ),
        s3api::bucket_setting::<s3api::Encryption>(
            cfg,
            "GetBucketEncryption",
            "ServerSideEncryptionConfiguration",
            r,
            name,
            "encryption"
        ),
        s3api::bucket_setting::<s3api::Versioning>(
            cfg,
            "GetBucketVersioning",
            "VersioningConfiguration",
            r,
            name,
            "versioning"
        ),
        s3api::bucket_setting::<s3api::Lifecycle>(
            cfg,
            "GetBucketLifecycleConfiguration",
            "LifecycleConfiguration",
            r,
            name,
            "lifecycle"
        ),
    );
    let failed = |op: &'static str, e: QueryError| {
        if gone(&e, "NoSuchBucket") { Ok(None) } else { Err(CallError::query(op, &e).about(&about)) }
    };
    let pab = match pab {
        Ok(v) => v.map_or_else(|| "none".to_string(), |p| p.summary()),
        Err(e) => return failed("GetPublicAccessBlock", e),
    };
    let enc = match enc {
        Ok(v) => v.map_or_else(|| "none".to_string(), |e| e.summary()),
        Err(e) => return failed("GetBucketEncryption", e),
    };
    let ver = match ver {
        // GetBucketVersioning has no "not configured" error: a bucket never versioned
        // answers an empty configuration.
        Ok(v) => v.unwrap_or_default().summary(),
        Err(e) => return failed("GetBucketVersioning", e),
    };
    let life = match life {
        Ok(v) => v.map_or_else(|| "none".to_string(), |l| l.summary()),
        Err(e) => return failed("GetBucketLifecycleConfiguration", e),
    };
    Ok(Some(at.resource(ResourceType::S3Bucket, name).with_fields([
        ("bucket_region", r),
        ("public_access_block", pab.as_str()),
        ("encryption", &enc),
        ("versioning", &ver),
        ("lifecycle", &life),
        ("created", &time(b.creation_date.as_deref())),
    ])))
}

// ---------------------------------------------------------------------------------------
// IAM
// ---------------------------------------------------------------------------------------

pub(super) async fn iam_users(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "ListUsers";
    let mut users = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page: iam::ListUsers = iam::list(cfg, OP, None, marker).await.map_err(|e| CallError::query(OP, &e))?;
        let r = required(page.result, OP, "ListUsersResult")?;
        pages.answered(next(OP, r.is_truncated.as_deref(), r.marker.as_deref())?.as_deref())?;
        users.extend(required(r.users, OP, "Users")?.items);
    }
    let out: Vec<Option<Resource>> =
        futures::stream::iter(users).map(|u| user(cfg, at, u)).buffered(ITEM_CONCURRENCY).try_collect().await?;
    Ok(out.into_iter().flatten().collect())
}

/// One user's row; `None` when it was deleted since the listing.
async fn user(cfg: &SdkConfig, at: &At, u: iam::User) -> Result<Option<Resource>, CallError> {
    let name = s(u.name.as_deref());
    let about = format!("user {name}");
    let (keys, mfa, console) = futures::join!(access_keys(cfg, name), mfa_devices(cfg, name), async {
        iam::has_login_profile(cfg, name).await.map_err(|e| ("GetLoginProfile", e))
    });
    let fail = |(op, e): (&'static str, QueryError)| {
        if gone(&e, "NoSuchEntity") { Ok(None) } else { Err(CallError::query(op, &e).about(&about)) }
    };
    let keys = match keys {
        Ok(k) => k,
        Err(KeysError::Call(op, e)) => return fail((op, e)),
        Err(KeysError::Incomplete(e)) => return Err(CallError::from(e).about(&about)),
    };
    let mfa = match mfa {
        Ok(n) => n,
        Err(KeysError::Call(op, e)) => return fail((op, e)),
        Err(KeysError::Incomplete(e)) => return Err(CallError::from(e).about(&about)),
    };
    let console = match console {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let mut described: Vec<String> = Vec::new();
    let mut oldest: Option<i64> = None;
    let mut last_used: Option<String> = None;
    for k in &keys {
        let created = time(k.key.create_date.as_deref());
        described.push(format!("{} {} {created}", s(k.key.id.as_deref()), s(k.key.status.as_deref())));
        if s(k.key.status.as_deref()) == "Active"
            && let Ok(c) = created.parse::<jiff::Timestamp>()
        {
            let days = (at.now.as_second() - c.as_second()).max(0) / 86_400;
            oldest = Some(oldest.map_or(days, |o| o.max(days)));
        }
        if let Some(d) = &k.last_used
            && last_used.as_ref().is_none_or(|l| l < d)
        {
            last_used = Some(d.clone());
        }
    }
    let oldest = oldest.map(|d| d.to_string()).unwrap_or_default();
    Ok(Some(at.resource(ResourceType::IamUser, name).with_fields([
        ("created", time(u.create_date.as_deref()).as_str()),
        ("console_access", if console { "yes" } else { "no" }),
        ("mfa", if mfa > 0 { "yes" } else { "no" }),
        ("access_keys", &list_of(described.iter().map(String::as_str))),
        ("oldest_key_days", &oldest),
        ("key_last_used", last_used.as_deref().unwrap_or_default()),
        ("password_last_used", &time(u.password_last_used.as_deref())),
    ])))
}

enum KeysError {
    Call(&'static str, QueryError),
    Incomplete(Incomplete),
}

impl From<Incomplete> for KeysError {
    fn from(e: Incomplete) -> KeysError {
        KeysError::Incomplete(e)
    }
}

struct Key {
    key: iam::AccessKey,
    /// When it was last used (RFC 3339), `None` when never.
    last_used: Option<String>,
}

/// Every access key of `user` with its last use.
async fn access_keys(cfg: &SdkConfig, user: &str) -> Result<Vec<Key>, KeysError> {
    const OP: &str = "ListAccessKeys";
    const LAST_USED: &str = "GetAccessKeyLastUsed";
    let mut keys = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page: iam::ListAccessKeys =
            iam::list(cfg, OP, Some(user), marker).await.map_err(|e| KeysError::Call(OP, e))?;
        let r = required(page.result, OP, "ListAccessKeysResult")?;
        pages.answered(next(OP, r.is_truncated.as_deref(), r.marker.as_deref())?.as_deref())?;
        keys.extend(required(r.keys, OP, "AccessKeyMetadata")?.items);
    }
    let mut out = Vec::new();
    for key in keys {
        let a =
            iam::access_key_last_used(cfg, s(key.id.as_deref())).await.map_err(|e| KeysError::Call(LAST_USED, e))?;
        let used = required(a.result, LAST_USED, "GetAccessKeyLastUsedResult")?;
        let last_used = used.last_used.and_then(|u| u.date).map(|d| time(Some(&d))).filter(|d| !d.is_empty());
        out.push(Key { key, last_used });
    }
    Ok(out)
}

/// How many MFA devices `user` has.
async fn mfa_devices(cfg: &SdkConfig, user: &str) -> Result<usize, KeysError> {
    const OP: &str = "ListMFADevices";
    let mut n = 0;
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page: iam::ListMfaDevices =
            iam::list(cfg, OP, Some(user), marker).await.map_err(|e| KeysError::Call(OP, e))?;
        let r = required(page.result, OP, "ListMFADevicesResult")?;
        pages.answered(next(OP, r.is_truncated.as_deref(), r.marker.as_deref())?.as_deref())?;
        n += required(r.devices, OP, "MFADevices")?.items.len();
    }
    Ok(n)
}

// ---------------------------------------------------------------------------------------
// Route 53
// ---------------------------------------------------------------------------------------

pub(super) async fn route53_zones(cfg: &SdkConfig, at: &At) -> Listed {
    const OP: &str = "ListHostedZones";
    let mut out = Vec::new();
    let mut pages = Pages::new(OP);
    while let Some(marker) = pages.token() {
        let page = route53::list_hosted_zones(cfg, GLOBAL_SIGNING_REGION, marker.as_deref())
            .await
            .map_err(|e| CallError::query(OP, &e))?;
        pages.answered(next(OP, page.is_truncated.as_deref(), page.next_marker.as_deref())?.as_deref())?;
        for z in required(page.zones, OP, "HostedZones")?.items {
            let id = s(z.id.as_deref());
            let id = id.strip_prefix("/hostedzone/").unwrap_or(id);
            let config = z.config.unwrap_or_default();
            out.push(at.resource(ResourceType::Route53Zone, id).name(s(z.name.as_deref())).with_fields([
                ("private", yes_no(config.private.as_deref())),
                ("record_count", s(z.record_count.as_deref()).trim()),
                ("comment", s(config.comment.as_deref())),
            ]));
        }
    }
    Ok(out)
}
