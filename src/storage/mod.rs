//! Where `opskit wiki backup` keeps its generations: a `gs://bucket/prefix`,
//! `s3://bucket/prefix` or `file:///abs/dir` URL opened as one [`object_store::ObjectStore`]
//! and a key prefix inside it ([`Location`]), so the backup engine writes, lists, copies and
//! deletes the same way on all three.
//!
//! - `file://`: object_store's `LocalFileSystem` rooted at the directory (created, mode 0700,
//!   when missing; what it writes 0600 in 0700 folders, [`PrivateDir`]), with fsync and
//!   removal of emptied folders. A server-side copy there is a hard link: it costs no
//!   space, and an edit in place shows in every generation.
//! - `s3://`: object_store's `AmazonS3`, signed with an AWS SDK config's credentials (the
//!   account's profile or assumed role, [`s3::SdkCredentials`]); the bucket's region is
//!   looked up; `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` point it elsewhere (path-style).
//! - `gs://`: the GCS JSON API through gcloud-storage ([`gcs::GcsJson`]; the module says why
//!   not object_store's own GCS store) with Application Default Credentials
//!   ([`crate::gcp::auth`]: key files, gcloud's login, workload identity federation's
//!   `external_account` files, the metadata server); `OPSKIT_GCS_ENDPOINT` replaces the
//!   endpoint, `STORAGE_EMULATOR_HOST` points at an emulator and drops the credentials.
//!
//! Keys: [`keys`] turns page names into keys that keep `/`, spaces and Japanese readable.
//! Errors ([`StorageError`]) name the object's URL, never a credential, and say what to fix.

pub mod fail;
pub mod gcs;
pub mod keys;
pub mod private;
pub mod s3;

pub use fail::FailAfter;
pub use keys::{MAX_KEY_BYTES, MAX_PART_BYTES, join, name_from_key, safe_key};
pub use private::PrivateDir;

use crate::config::Env;
use bytes::Bytes;
use futures::TryStreamExt;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// What [`open`] needs besides the URL.
#[derive(Clone)]
pub struct Settings {
    /// Where endpoint overrides and `GOOGLE_APPLICATION_CREDENTIALS` are read.
    pub env: Env,
    /// The SDK config whose credentials (and region, when the bucket's cannot be looked up)
    /// sign S3 requests: the account's. `None`: the SDK's default chain, loaded on open.
    pub aws: Option<aws_config::SdkConfig>,
    /// Retries of one request on throttling, 5xx and connection errors.
    pub retries: usize,
    /// Per request, connection included.
    pub timeout: Duration,
}

impl Settings {
    pub fn new(env: Env) -> Settings {
        Settings { env, aws: None, retries: 4, timeout: Duration::from_secs(120) }
    }

    pub fn with_aws(mut self, sdk: aws_config::SdkConfig) -> Settings {
        self.aws = Some(sdk);
        self
    }
}

/// A storage failure, naming the object's URL (`gs://bucket/prefix/key`) and what to fix.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StorageError {
    /// The URL cannot be used as given (exit 2).
    #[error("{url}: {reason}")]
    Url { url: String, reason: String },
    /// No credentials, or the store refused them as invalid or expired.
    #[error("{op} {url}: no usable credentials: {detail}\nhint: {hint}")]
    Credentials { op: String, url: String, detail: String, hint: String },
    /// The bucket in the URL does not exist.
    #[error("{op} {url}: bucket `{bucket}` does not exist\nhint: create it, or check the bucket name in the URL")]
    NoBucket { op: String, url: String, bucket: String },
    /// The credentials work but may not do this.
    #[error(
        "{op} {url}: access denied: {detail}\nhint: the credentials need the permissions in commands/wiki/permissions.md"
    )]
    AccessDenied { op: String, url: String, detail: String },
    /// The object is not there.
    #[error("{op} {url}: not found")]
    NotFound { op: String, url: String },
    /// A key that no store would keep as given (a caller's bug, or a name too long).
    #[error("{url}: {reason}")]
    Key { url: String, reason: String },
    /// Anything else: throttled past the retries, the network, the service.
    #[error("{op} {url}: {detail}")]
    Failed { op: String, url: String, detail: String },
}

impl StorageError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, StorageError::NotFound { .. })
    }
}

impl From<StorageError> for crate::error::AppError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Url { .. } => crate::error::AppError::Usage(e.to_string()),
            other => crate::error::AppError::Run(other.into()),
        }
    }
}

/// One object found by [`Location::list`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Relative to the location's prefix: `PRJ/2026-01-01T00:00:00Z/manifest.json`.
    pub key: String,
    pub size: u64,
    pub last_modified: jiff::Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Scheme {
    File(PathBuf),
    S3 { bucket: String },
    Gcs { bucket: String },
}

/// A store and a prefix in it, with the URL they came from.
#[derive(Clone)]
pub struct Location {
    store: Arc<dyn ObjectStore>,
    prefix: Path,
    /// As given (trailing `/` removed), for messages: `gs://bucket/backups`.
    url: String,
    /// What a credentials error should suggest for this store.
    credentials_hint: String,
}

impl std::fmt::Debug for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Location").field("url", &self.url).field("prefix", &self.prefix).finish()
    }
}

/// Open a storage URL (see the module docs). Cheap: no request is made, except for `s3://`
/// on AWS itself, where the bucket's region is looked up (one unauthenticated HEAD).
pub async fn open(url: &str, settings: &Settings) -> Result<Location, StorageError> {
    let url = url.trim().trim_end_matches('/').to_string();
    let (scheme, prefix) = parse_url(&url)?;
    match scheme {
        Scheme::File(dir) => open_file(url, dir),
        Scheme::S3 { bucket } => open_s3(url, bucket, prefix, settings).await,
        Scheme::Gcs { bucket } => open_gcs(url, bucket, prefix, settings),
    }
}

fn url_error(url: &str, reason: impl Into<String>) -> StorageError {
    StorageError::Url { url: url.to_string(), reason: reason.into() }
}

const FORMS: &str = "use gs://bucket/prefix, s3://bucket/prefix or file:///absolute/dir";
/// What a relative directory should be instead.
const ABSOLUTE_HINT: &str = "hint: use an absolute path, e.g. file:///var/backups/opskit";

/// The directory a `file://` URL or an absolute path names, by the rule [`open`] applies:
/// an absolute path only (`file:///var/backups/opskit`, `/var/backups/opskit`),
/// percent-decoded. A relative one (`file://backups/wiki`, `backups/wiki`) is refused:
/// cron and systemd start in another directory than the shell that tried it. Any other
/// URL is not a directory.
pub fn local_dir(url: &str) -> Result<PathBuf, StorageError> {
    let url = url.trim();
    let trimmed = if url.len() > 1 { url.trim_end_matches('/') } else { url };
    match parse_url(trimmed)? {
        (Scheme::File(dir), _) => Ok(dir),
        _ => Err(url_error(url, format!("not a local directory\n{ABSOLUTE_HINT}"))),
    }
}

/// Create `dir` and its parents as [`open`] does for `file://`: mode 0700, since backups
/// of runbooks are not for every local user to read.
pub fn create_private_dir(url: &str, dir: &std::path::Path) -> Result<(), StorageError> {
    crate::private_fs::create_dir_all(dir).map_err(|e| url_error(url, format!("cannot create {}: {e}", dir.display())))
}

fn parse_url(url: &str) -> Result<(Scheme, Path), StorageError> {
    if url.is_empty() {
        return Err(url_error("(empty)", format!("no storage URL\nhint: {FORMS}")));
    }
    if url.starts_with('/') {
        return Ok((Scheme::File(PathBuf::from(url)), Path::ROOT));
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        if url.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("file:")) {
            return Err(url_error(
                url,
                format!("a file URL takes an absolute path after three slashes\n{ABSOLUTE_HINT}"),
            ));
        }
        return Err(url_error(
            url,
            format!(
                "a relative path is not a storage location (cron and systemd start elsewhere)\nhint: {FORMS}, e.g. file:///var/backups/opskit"
            ),
        ));
    };
    match scheme.to_ascii_lowercase().as_str() {
        "file" => {
            if !rest.starts_with('/') {
                return Err(url_error(
                    url,
                    format!(
                        "a relative directory is refused: it would depend on where the run starts (cron and systemd start elsewhere)\n{ABSOLUTE_HINT}"
                    ),
                ));
            }
            let parsed = url::Url::parse(url).map_err(|e| url_error(url, e.to_string()))?;
            let dir =
                parsed.to_file_path().map_err(|_| url_error(url, format!("not a local path\n{ABSOLUTE_HINT}")))?;
            Ok((Scheme::File(dir), Path::ROOT))
        }
        s @ ("s3" | "gs") => {
            if rest.contains(['?', '#']) {
                return Err(url_error(url, "a storage URL takes no query or fragment (`?`, `#`)"));
            }
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            check_bucket(url, bucket)?;
            let prefix = prefix.trim_matches('/');
            let prefix = if prefix.is_empty() {
                Path::ROOT
            } else {
                keys::join(&Path::ROOT, prefix).map_err(|e| url_error(url, format!("the prefix {e}")))?
            };
            let bucket = bucket.to_string();
            Ok((if s == "s3" { Scheme::S3 { bucket } } else { Scheme::Gcs { bucket } }, prefix))
        }
        other => Err(url_error(url, format!("unknown storage scheme `{other}://`\nhint: {FORMS}"))),
    }
}

fn check_bucket(url: &str, bucket: &str) -> Result<(), StorageError> {
    if bucket.is_empty() {
        return Err(url_error(url, format!("no bucket name\nhint: {FORMS}")));
    }
    let ok = (3..=222).contains(&bucket.len())
        && bucket.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    if !ok {
        return Err(url_error(
            url,
            format!("`{bucket}` is not a bucket name (3 to 63 lowercase letters, digits, `-`, `_` and `.`)"),
        ));
    }
    Ok(())
}

fn open_file(url: String, dir: PathBuf) -> Result<Location, StorageError> {
    if !dir.exists() {
        create_private_dir(&url, &dir)?;
    } else if !dir.is_dir() {
        return Err(url_error(&url, format!("{} exists and is not a directory", dir.display())));
    }
    let store = object_store::local::LocalFileSystem::new_with_prefix(&dir)
        .map_err(|e| url_error(&url, format!("cannot use {}: {e}", dir.display())))?
        .with_automatic_cleanup(true)
        .with_fsync(true);
    Ok(Location {
        store: Arc::new(PrivateDir::new(store, dir)),
        prefix: Path::ROOT,
        url,
        credentials_hint: "check the directory's owner and mode".into(),
    })
}

/// `AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`, else the SDK config's endpoint (a
/// profile's `endpoint_url`), unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true: the
/// SDK's own order.
fn s3_endpoint(env: &Env, sdk: Option<&aws_config::SdkConfig>) -> Option<String> {
    if env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return None;
    }
    env.get("AWS_ENDPOINT_URL_S3")
        .or_else(|| env.get("AWS_ENDPOINT_URL"))
        .or_else(|| sdk.and_then(|s| s.endpoint_url()).map(str::to_string))
}

/// Plain http is allowed to a loopback endpoint (an emulator) only: elsewhere it would carry
/// session tokens in clear.
fn endpoint_allows_http(url: &str, what: &str, endpoint: &str) -> Result<bool, StorageError> {
    let parsed =
        url::Url::parse(endpoint).map_err(|e| url_error(url, format!("{what} `{endpoint}` is not a URL: {e}")))?;
    match parsed.scheme() {
        "https" => Ok(false),
        "http" => {
            let loopback = match parsed.host() {
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if loopback {
                Ok(true)
            } else {
                Err(url_error(
                    url,
                    format!("{what} `{endpoint}` is plain http to a host that is not loopback\nhint: use https"),
                ))
            }
        }
        other => Err(url_error(url, format!("{what} `{endpoint}`: unknown scheme `{other}`"))),
    }
}

fn client_options(settings: &Settings, allow_http: bool) -> object_store::ClientOptions {
    object_store::ClientOptions::new()
        .with_allow_http(allow_http)
        .with_timeout(settings.timeout)
        .with_connect_timeout(Duration::from_secs(10))
        .with_user_agent(reqwest::header::HeaderValue::from_static(concat!("opskit/", env!("CARGO_PKG_VERSION"))))
}

const S3_CREDENTIALS_HINT: &str = "check the account's profile or role_arn in the config (`opskit config check --probe`), or AWS_PROFILE / the default credential chain";

async fn open_s3(url: String, bucket: String, prefix: Path, settings: &Settings) -> Result<Location, StorageError> {
    let loaded;
    let sdk = match &settings.aws {
        Some(s) => s,
        None => {
            loaded = aws_config::defaults(aws_config::BehaviorVersion::latest()).load().await;
            &loaded
        }
    };
    let endpoint = s3_endpoint(&settings.env, Some(sdk));
    let allow_http = match &endpoint {
        Some(e) => endpoint_allows_http(&url, "the S3 endpoint", e)?,
        None => false,
    };
    let options = client_options(settings, allow_http);
    let fallback_region = sdk.region().map(|r| r.to_string()).unwrap_or_else(|| "us-east-1".into());
    let region = if endpoint.is_some() {
        fallback_region
    } else {
        match object_store::aws::resolve_bucket_region(&bucket, &options).await {
            Ok(r) => r,
            Err(e) if e.to_string().contains("not found") => {
                return Err(StorageError::NoBucket { op: "opening".into(), url, bucket });
            }
            Err(e) => {
                tracing::debug!(%bucket, "cannot look up the bucket's region ({e}); using {fallback_region}");
                fallback_region
            }
        }
    };
    let Some(provider) = sdk.credentials_provider() else {
        return Err(StorageError::Credentials {
            op: "opening".into(),
            url,
            detail: "the AWS config has no credentials provider".into(),
            hint: S3_CREDENTIALS_HINT.into(),
        });
    };
    let mut builder = object_store::aws::AmazonS3Builder::new()
        .with_bucket_name(&bucket)
        .with_region(&region)
        .with_credentials(Arc::new(s3::SdkCredentials::new(provider)))
        .with_client_options(options)
        .with_retry(retry_config(settings));
    if let Some(e) = &endpoint {
        builder = builder.with_endpoint(e).with_virtual_hosted_style_request(false);
    }
    let store = builder.build().map_err(|e| url_error(&url, e.to_string()))?;
    Ok(Location { store: Arc::new(store), prefix, url, credentials_hint: S3_CREDENTIALS_HINT.into() })
}

fn retry_config(settings: &Settings) -> object_store::RetryConfig {
    object_store::RetryConfig {
        max_retries: settings.retries,
        retry_timeout: Duration::from_secs(60),
        ..Default::default()
    }
}

const GCS_API: &str = "https://storage.googleapis.com";
const GCS_CREDENTIALS_HINT: &str = crate::gcp::CREDENTIALS_HINT;

fn open_gcs(url: String, bucket: String, prefix: Path, settings: &Settings) -> Result<Location, StorageError> {
    let env = &settings.env;
    let endpoint = env.get(crate::env_vars::OPSKIT_GCS_ENDPOINT);
    // The Google libraries' emulator convention: host:port or a URL, no credentials.
    let emulator = env.get("STORAGE_EMULATOR_HOST").map(|h| if h.contains("://") { h } else { format!("http://{h}") });
    let (base, anonymous) = match (endpoint, emulator) {
        (Some(e), _) => {
            endpoint_allows_http(&url, crate::env_vars::OPSKIT_GCS_ENDPOINT, &e)?;
            (e, false)
        }
        (None, Some(h)) => (h, true),
        (None, None) => (GCS_API.to_string(), false),
    };
    let auth = if anonymous {
        None
    } else {
        let auth = crate::gcp::auth::GoogleAuth::from_env(env, crate::gcp::auth::CLOUD_PLATFORM).map_err(|e| {
            StorageError::Credentials {
                op: "opening".into(),
                url: url.clone(),
                detail: e.0,
                hint: GCS_CREDENTIALS_HINT.into(),
            }
        })?;
        Some(auth)
    };
    // It carries a bearer token: no redirects, no `Referer` (see `http::http_client`).
    let http = crate::http::http_client()
        .user_agent(concat!("opskit/", env!("CARGO_PKG_VERSION")))
        .timeout(settings.timeout)
        .connect_timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| url_error(&url, format!("building the HTTP client: {e}")))?;
    let store = gcs::GcsJson::new(http, &base, &bucket, auth, settings.retries);
    Ok(Location { store: Arc::new(store), prefix, url, credentials_hint: GCS_CREDENTIALS_HINT.into() })
}

/// What went wrong, without object_store's wrapper text where the variant is told apart
/// anyway (`Generic S3 error:`, `Object at location … not found:`): the message already
/// names the object's URL.
fn detail_of(e: &object_store::Error) -> String {
    use object_store::Error as E;
    match e {
        E::Generic { source, .. }
        | E::NotFound { source, .. }
        | E::PermissionDenied { source, .. }
        | E::Unauthenticated { source, .. } => crate::http::error_chain(source.as_ref()),
        other => crate::http::error_chain(other),
    }
}

/// The first error of type `T` in `e`'s source chain.
fn find_in_chain<'a, T: std::error::Error + 'static>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a T> {
    let mut cur: Option<&'a (dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cur {
        if let Some(t) = c.downcast_ref::<T>() {
            return Some(t);
        }
        cur = c.source();
    }
    None
}

impl Location {
    /// A location over any store: for tests (`InMemory`, [`FailAfter`]) and for wrappers.
    pub fn new(store: Arc<dyn ObjectStore>, prefix: Path, url: impl Into<String>) -> Location {
        Location { store, prefix, url: url.into(), credentials_hint: "check the store's credentials".into() }
    }

    /// The same location with its store wrapped (`|s| Arc::new(FailAfter::new(s, 3))`).
    pub fn map_store(self, f: impl FnOnce(Arc<dyn ObjectStore>) -> Arc<dyn ObjectStore>) -> Location {
        Location { store: f(self.store), ..self }
    }

    pub fn store(&self) -> &Arc<dyn ObjectStore> {
        &self.store
    }

    /// The key prefix inside the store (empty for `file://`, whose store is rooted there).
    pub fn prefix(&self) -> &Path {
        &self.prefix
    }

    /// The URL as given, without a trailing `/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The store path of a relative key (parts already safe, see [`keys`]).
    pub fn path(&self, rel: &str) -> Result<Path, StorageError> {
        keys::join(&self.prefix, rel).map_err(|reason| StorageError::Key { url: self.url_of(rel), reason })
    }

    /// `gs://bucket/prefix/rel`: how messages name an object.
    pub fn url_of(&self, rel: &str) -> String {
        let rel = rel.trim_matches('/');
        if rel.is_empty() { self.url.clone() } else { format!("{}/{rel}", self.url) }
    }

    /// The key relative to the prefix of a store path (from a listing); `None` outside it.
    pub fn relative<'a>(&self, path: &'a Path) -> Option<&'a str> {
        keys::relative(&self.prefix, path)
    }

    /// A store error as a [`StorageError`] naming `rel`'s URL. `op` completes "… URL":
    /// `writing`, `reading`, `listing`, `deleting`, `copying X to`.
    pub fn error(&self, op: &str, rel: &str, e: object_store::Error) -> StorageError {
        let (op, url) = (op.to_string(), self.url_of(rel));
        let detail = crate::redact::redact(&detail_of(&e));
        let bucket = || self.bucket().unwrap_or_default().to_string();
        // GCS's own answer, or S3's error code in the body object_store keeps.
        let gcs_no_bucket = matches!(find_in_chain::<gcs::GcsError>(&e), Some(gcs::GcsError::NoBucket { .. }));
        if gcs_no_bucket || detail.contains("NoSuchBucket") {
            return StorageError::NoBucket { op, url, bucket: bucket() };
        }
        let refused_credentials = ["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken"]
            .iter()
            .any(|c| detail.contains(c));
        if find_in_chain::<s3::CredentialsUnavailable>(&e).is_some()
            || refused_credentials
            || matches!(e, object_store::Error::Unauthenticated { .. })
        {
            return StorageError::Credentials { op, url, detail, hint: self.credentials_hint.clone() };
        }
        match e {
            object_store::Error::NotFound { .. } => StorageError::NotFound { op, url },
            object_store::Error::PermissionDenied { .. } => StorageError::AccessDenied { op, url, detail },
            _ => StorageError::Failed { op, url, detail },
        }
    }

    fn bucket(&self) -> Option<&str> {
        let rest = self.url.split_once("://")?.1;
        Some(rest.split('/').next().unwrap_or(rest))
    }

    /// Write one object whole (replacing what was there).
    pub async fn put(&self, rel: &str, bytes: impl Into<Bytes>) -> Result<(), StorageError> {
        let path = self.path(rel)?;
        let payload = PutPayload::from(bytes.into());
        self.store.put(&path, payload).await.map(|_| ()).map_err(|e| self.error("writing", rel, e))
    }

    /// Read one object whole.
    pub async fn get(&self, rel: &str) -> Result<Bytes, StorageError> {
        let path = self.path(rel)?;
        let r = self.store.get(&path).await.map_err(|e| self.error("reading", rel, e))?;
        r.bytes().await.map_err(|e| self.error("reading", rel, e))
    }

    /// Read one object whole; `None` when it is not there (a generation without a manifest).
    pub async fn get_opt(&self, rel: &str) -> Result<Option<Bytes>, StorageError> {
        match self.get(rel).await {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every object under `rel_prefix` (a folder: `PRJ` lists `PRJ/…`, not `PRJ2/…`; empty
    /// for the whole location), recursively, sorted by key.
    pub async fn list(&self, rel_prefix: &str) -> Result<Vec<Entry>, StorageError> {
        let path = self.path(rel_prefix)?;
        let metas: Vec<object_store::ObjectMeta> =
            self.store.list(Some(&path)).try_collect().await.map_err(|e| self.error("listing", rel_prefix, e))?;
        let mut out: Vec<Entry> = metas
            .into_iter()
            .filter_map(|m| {
                let key = self.relative(&m.location)?.to_string();
                let last_modified =
                    jiff::Timestamp::from_nanosecond(m.last_modified.timestamp_nanos_opt().map_or(0, i128::from))
                        .unwrap_or_default();
                Some(Entry { key, size: m.size, last_modified })
            })
            .collect();
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    /// Delete one object; one that is already gone is not an error (S3 does not tell).
    pub async fn delete(&self, rel: &str) -> Result<(), StorageError> {
        let path = self.path(rel)?;
        match self.store.delete(&path).await {
            Ok(()) => Ok(()),
            Err(e) => match self.error("deleting", rel, e) {
                StorageError::NotFound { .. } => Ok(()),
                other => Err(other),
            },
        }
    }

    /// Copy one object inside the store: server-side on S3 (CopyObject) and GCS (rewrite),
    /// a hard link on `file://`; the bytes never pass through opskit.
    pub async fn copy(&self, from_rel: &str, to_rel: &str) -> Result<(), StorageError> {
        let (from, to) = (self.path(from_rel)?, self.path(to_rel)?);
        self.store
            .copy(&from, &to)
            .await
            .map_err(|e| self.error(&format!("copying {} to", self.url_of(from_rel)), to_rel, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(url: &str) -> (Scheme, String) {
        let (s, p) = parse_url(url).unwrap();
        (s, p.to_string())
    }

    #[test]
    fn urls_give_a_store_and_a_prefix() {
        assert_eq!(parsed("gs://bkt/backups/wiki"), (Scheme::Gcs { bucket: "bkt".into() }, "backups/wiki".into()));
        assert_eq!(parsed("s3://my.bkt"), (Scheme::S3 { bucket: "my.bkt".into() }, "".into()));
        assert_eq!(
            parsed("s3://bkt/バックアップ/wiki/"),
            (Scheme::S3 { bucket: "bkt".into() }, "バックアップ/wiki".into())
        );
        assert_eq!(parsed("file:///var/backups/wiki"), (Scheme::File("/var/backups/wiki".into()), "".into()));
        assert_eq!(parsed("file:///tmp/my%20dir"), (Scheme::File("/tmp/my dir".into()), "".into()));
        assert_eq!(parsed("/var/backups"), (Scheme::File("/var/backups".into()), "".into()));
    }

    #[test]
    fn unusable_urls_say_what_to_write_instead() {
        let err = |u: &str| parse_url(u).unwrap_err().to_string();
        assert!(err("backups/wiki").contains("relative path"), "{}", err("backups/wiki"));
        let rel = err("file://backups/wiki");
        assert!(rel.starts_with("file://backups/wiki: a relative directory is refused"), "{rel}");
        assert!(rel.ends_with("\nhint: use an absolute path, e.g. file:///var/backups/opskit"), "{rel}");
        assert!(err("file:backups").contains("three slashes"));
        assert_eq!(local_dir("file:///var/backups/opskit/").unwrap(), PathBuf::from("/var/backups/opskit"));
        assert_eq!(local_dir("/var/backups/opskit").unwrap(), PathBuf::from("/var/backups/opskit"));
        assert!(local_dir("file://rel/dir").unwrap_err().to_string().contains("relative directory is refused"));
        assert!(local_dir("gs://bkt/p").unwrap_err().to_string().contains("not a local directory"));
        assert!(err("az://c/p").contains("unknown storage scheme `az://`"));
        assert!(err("gs://").contains("no bucket name"));
        assert!(err("gs://My_Bucket/p").contains("not a bucket name"));
        assert!(err("s3://b/p").contains("not a bucket name"));
        assert!(err("s3://bkt/p?versionId=1").contains("no query"));
        assert!(err("s3://bkt/a/../c").contains("the prefix"));
        assert!(err("").contains("no storage URL"));
    }

    #[test]
    fn s3_endpoint_overrides_follow_the_sdk_order() {
        let env = Env::from_pairs(&[
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
            ("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:2"),
        ]);
        assert_eq!(s3_endpoint(&env, None).as_deref(), Some("http://127.0.0.1:2"));
        let env = Env::from_pairs(&[("AWS_ENDPOINT_URL", "http://127.0.0.1:1")]);
        assert_eq!(s3_endpoint(&env, None).as_deref(), Some("http://127.0.0.1:1"));
        let env = Env::from_pairs(&[("AWS_ENDPOINT_URL", "http://x"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")]);
        assert_eq!(s3_endpoint(&env, None), None);
        assert_eq!(s3_endpoint(&Env::from_pairs(&[]), None), None);
    }

    #[test]
    fn plain_http_only_to_loopback() {
        assert!(endpoint_allows_http("u", "e", "http://127.0.0.1:5000").unwrap());
        assert!(endpoint_allows_http("u", "e", "http://localhost:5000").unwrap());
        assert!(endpoint_allows_http("u", "e", "http://[::1]:5000").unwrap());
        assert!(!endpoint_allows_http("u", "e", "https://minio.example").unwrap());
        let e = endpoint_allows_http("u", "e", "http://10.0.0.5:9000").unwrap_err().to_string();
        assert!(e.contains("not loopback") && e.contains("hint: use https"), "{e}");
    }

    #[test]
    fn store_errors_are_told_apart_and_name_the_url() {
        let loc = Location::new(Arc::new(object_store::memory::InMemory::new()), Path::from("p"), "s3://bkt/p");
        let denied = object_store::Error::PermissionDenied {
            path: "p/a.md".into(),
            source: "HTTP 403: <Code>AccessDenied</Code>".into(),
        };
        assert_eq!(
            loc.error("writing", "a.md", denied).to_string(),
            "writing s3://bkt/p/a.md: access denied: HTTP 403: <Code>AccessDenied</Code>\nhint: the credentials need the permissions in commands/wiki/permissions.md"
        );
        let bad_key = object_store::Error::PermissionDenied {
            path: "p/a.md".into(),
            source: "<Code>InvalidAccessKeyId</Code>".into(),
        };
        assert!(matches!(loc.error("writing", "a.md", bad_key), StorageError::Credentials { .. }));
        let unavailable = object_store::Error::Generic {
            store: "S3",
            source: Box::new(s3::CredentialsUnavailable("the profile `x` is not in ~/.aws/config".into())),
        };
        let e = loc.error("listing", "", unavailable).to_string();
        assert!(e.starts_with("listing s3://bkt/p: no usable credentials: the profile `x`"), "{e}");
        let no_bucket =
            object_store::Error::NotFound { path: "p/a.md".into(), source: "<Code>NoSuchBucket</Code>".into() };
        assert!(
            matches!(loc.error("reading", "a.md", no_bucket), StorageError::NoBucket { ref bucket, .. } if bucket == "bkt")
        );
        let gone = object_store::Error::NotFound { path: "p/a.md".into(), source: "HTTP 404".into() };
        assert_eq!(loc.error("reading", "a.md", gone).to_string(), "reading s3://bkt/p/a.md: not found");
    }

    #[derive(Debug)]
    struct NoCredentials;

    impl aws_credential_types::provider::ProvideCredentials for NoCredentials {
        fn provide_credentials<'a>(&'a self) -> aws_credential_types::provider::future::ProvideCredentials<'a>
        where
            Self: 'a,
        {
            aws_credential_types::provider::future::ProvideCredentials::ready(Err(
                aws_credential_types::provider::error::CredentialsError::not_loaded(
                    "no profile `acme` in ~/.aws/config",
                ),
            ))
        }
    }

    #[tokio::test]
    async fn s3_without_credentials_says_so_before_any_request() {
        let sdk = aws_config::SdkConfig::builder()
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(NoCredentials))
            .behavior_version(aws_config::BehaviorVersion::latest())
            .build();
        // Nothing listens on port 9: the credentials fail first.
        let settings = Settings::new(Env::from_pairs(&[("AWS_ENDPOINT_URL", "http://127.0.0.1:9")])).with_aws(sdk);
        let loc = open("s3://bkt/wiki", &settings).await.unwrap();
        let err = loc.put("a.md", "x").await.unwrap_err();
        assert!(matches!(err, StorageError::Credentials { .. }), "{err:?}");
        let text = err.to_string();
        assert!(text.starts_with("writing s3://bkt/wiki/a.md: no usable credentials: "), "{text}");
        assert!(text.contains("no profile `acme`") && text.contains("\nhint: check the account's profile"), "{text}");
        let sdk_none = aws_config::SdkConfig::builder().behavior_version(aws_config::BehaviorVersion::latest()).build();
        let err = open(
            "s3://bkt/wiki",
            &Settings::new(Env::from_pairs(&[("AWS_ENDPOINT_URL", "http://127.0.0.1:9")])).with_aws(sdk_none),
        )
        .await
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("opening s3://bkt/wiki: no usable credentials"), "{err}");
    }

    #[tokio::test]
    async fn gcs_without_adc_or_emulator_names_the_fix() {
        // A key file that is not there fails at open, before any request.
        let home = tempfile::tempdir().unwrap();
        let missing = home.path().join("nope.json");
        let env = Env::from_pairs(&[("GOOGLE_APPLICATION_CREDENTIALS", missing.to_str().unwrap())]);
        let err = open("gs://bkt/p", &Settings::new(env)).await.unwrap_err().to_string();
        assert!(err.starts_with("opening gs://bkt/p: no usable credentials"), "{err}");
        assert!(err.contains("hint: run `gcloud auth application-default login`"), "{err}");
    }

    #[tokio::test]
    async fn file_locations_are_created_private_and_relative_keys_resolve() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("new/backups");
        let url = format!("file://{}", dir.display());
        let loc = open(&url, &Settings::new(Env::from_pairs(&[]))).await.unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
        }
        assert_eq!(loc.url_of("PRJ/a.md"), format!("{url}/PRJ/a.md"));
        let err = loc.path("a/../b").unwrap_err().to_string();
        assert!(err.starts_with(&format!("{url}/a/../b: ")), "{err}");
        std::fs::write(tmp.path().join("file"), "x").unwrap();
        let err = open(&format!("file://{}/file", tmp.path().display()), &Settings::new(Env::from_pairs(&[])))
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains("is not a directory"), "{err}");
    }
}
