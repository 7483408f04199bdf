//! Google Cloud Storage through its JSON API (`/storage/v1`, `/upload/storage/v1`), as an
//! `object_store::ObjectStore`.
//!
//! Why not `object_store::gcp::GoogleCloudStorage`: it speaks only GCS's XML API, and
//! gcp-storage-emulator (what the tests run against) implements the JSON API and of the XML
//! API only object GET and PUT, without the ETag and Last-Modified headers object_store
//! requires; listing, deleting and copying answer 501. The JSON API is what Google's own
//! client libraries use for these calls and what the emulator implements, so one code path
//! runs against both. Credentials still come from object_store's Application Default
//! Credentials providers (service-account keys, `gcloud auth application-default login`,
//! the metadata server), which this module only asks for a bearer token.
//!
//! Calls used: objects.insert (`uploadType=media`), objects.get (metadata, then `alt=media`
//! pinned to the generation read), objects.list, objects.delete, objects.rewrite (the
//! server-side copy, looped while the service says it is not done).

use async_trait::async_trait;
use bytes::Bytes;
use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use object_store::gcp::GcpCredentialProvider;
use object_store::path::Path;
use object_store::{
    Attributes, CopyMode, CopyOptions, GetOptions, GetResult, GetResultPayload, ListResult, MultipartUpload,
    ObjectMeta, ObjectStore, PutMode, PutMultipartOptions, PutOptions, PutPayload, PutResult, UploadPart,
};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::{Method, StatusCode};
use std::sync::Arc;
use std::time::Duration;

const STORE: &str = "GCS";

/// Everything but RFC 3986's unreserved characters: object names go into URL paths and
/// query values whole, `/` included.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// A GCS bucket through the JSON API.
#[derive(Debug, Clone)]
pub struct GcsJson {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    /// `https://storage.googleapis.com`, or an emulator's `http://127.0.0.1:PORT`.
    base: String,
    bucket: String,
    /// `None` for an emulator: requests go without an Authorization header.
    credentials: Option<GcpCredentialProvider>,
    retries: usize,
}

/// Why a GCS call failed, as the source of an `object_store::Error`.
#[derive(Debug, thiserror::Error)]
pub enum GcsError {
    #[error("bucket `{bucket}` does not exist")]
    NoBucket { bucket: String },
    #[error("HTTP {status}: {message}")]
    Status { status: u16, message: String },
    #[error("getting a token from the Application Default Credentials: {source}")]
    Token { source: object_store::Error },
    #[error("{0}")]
    Transport(String),
    #[error("unexpected answer: {0}")]
    Decode(String),
}

impl std::fmt::Display for GcsJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "GcsJson({})", self.inner.bucket)
    }
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Object {
    name: String,
    /// The JSON API sends 64-bit numbers as strings.
    size: String,
    updated: Option<String>,
    generation: Option<String>,
    etag: Option<String>,
}

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Objects {
    #[serde(default)]
    items: Vec<Object>,
    #[serde(default)]
    prefixes: Vec<String>,
    next_page_token: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rewrite {
    done: bool,
    rewrite_token: Option<String>,
}

/// What one request should do about a status: these are the caller's to interpret.
enum Answer {
    Ok(reqwest::Response),
    Status(StatusCode, String),
}

impl GcsJson {
    /// `base` without a trailing slash; `credentials` `None` sends no Authorization header.
    pub fn new(
        http: reqwest::Client,
        base: &str,
        bucket: &str,
        credentials: Option<GcpCredentialProvider>,
        retries: usize,
    ) -> GcsJson {
        GcsJson {
            inner: Arc::new(Inner {
                http,
                base: base.trim_end_matches('/').to_string(),
                bucket: bucket.to_string(),
                credentials,
                retries,
            }),
        }
    }
}

impl Inner {
    fn object_url(&self, name: &str) -> String {
        format!(
            "{}/storage/v1/b/{}/o/{}",
            self.base,
            utf8_percent_encode(&self.bucket, COMPONENT),
            utf8_percent_encode(name, COMPONENT)
        )
    }

    fn objects_url(&self) -> String {
        format!("{}/storage/v1/b/{}/o", self.base, utf8_percent_encode(&self.bucket, COMPONENT))
    }

    /// Send with retries on 429, 5xx and transport errors (every call here is idempotent: an
    /// upload writes the same bytes again, a repeated delete finds nothing). Statuses the
    /// caller must interpret (404, 412, 304, 4xx) come back as [`Answer::Status`].
    async fn send(&self, path: &str, build: impl Fn() -> reqwest::RequestBuilder) -> object_store::Result<Answer> {
        let mut attempt = 0;
        loop {
            let mut req = build();
            if let Some(creds) = &self.credentials {
                let token = creds.get_credential().await.map_err(|source| object_store::Error::Unauthenticated {
                    path: path.to_string(),
                    source: Box::new(GcsError::Token { source }),
                })?;
                if !token.bearer.is_empty() {
                    req = req.bearer_auth(&token.bearer);
                }
            }
            let transient = match req.send().await {
                Ok(resp) if resp.status().is_success() => return Ok(Answer::Ok(resp)),
                Ok(resp) => {
                    let status = resp.status();
                    let body = resp.text().await.unwrap_or_default();
                    if !(status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()) {
                        return Ok(Answer::Status(status, error_message(&body)));
                    }
                    GcsError::Status { status: status.as_u16(), message: error_message(&body) }
                }
                Err(e) => GcsError::Transport(transport_text(&e)),
            };
            if attempt >= self.retries {
                let source = Box::new(match transient {
                    GcsError::Transport(t) if attempt > 0 => {
                        GcsError::Transport(format!("{t} (after {attempt} retries)"))
                    }
                    GcsError::Status { status, message } if attempt > 0 => {
                        GcsError::Status { status, message: format!("{message} (after {attempt} retries)") }
                    }
                    other => other,
                });
                return Err(object_store::Error::Generic { store: STORE, source });
            }
            tokio::time::sleep(backoff(attempt)).await;
            attempt += 1;
        }
    }

    /// The `object_store::Error` for a status the caller did not expect. `bucket_level`:
    /// the call names only the bucket (list, upload), so a 404 means the bucket is missing.
    fn status_error(&self, path: &str, status: StatusCode, message: String, bucket_level: bool) -> object_store::Error {
        let path = path.to_string();
        // GCS says "The specified bucket does not exist." (an object's 404 says "No such
        // object: BUCKET/NAME", and names may contain the word "bucket").
        let says_no_bucket = message.to_ascii_lowercase().contains("bucket does not exist");
        if status == StatusCode::NOT_FOUND && (bucket_level || says_no_bucket) {
            let source = Box::new(GcsError::NoBucket { bucket: self.bucket.clone() });
            return object_store::Error::Generic { store: STORE, source };
        }
        let source = Box::new(GcsError::Status { status: status.as_u16(), message });
        match status {
            StatusCode::NOT_FOUND => object_store::Error::NotFound { path, source },
            StatusCode::UNAUTHORIZED => object_store::Error::Unauthenticated { path, source },
            StatusCode::FORBIDDEN => object_store::Error::PermissionDenied { path, source },
            StatusCode::PRECONDITION_FAILED => object_store::Error::Precondition { path, source },
            StatusCode::NOT_MODIFIED => object_store::Error::NotModified { path, source },
            StatusCode::CONFLICT => object_store::Error::AlreadyExists { path, source },
            _ => object_store::Error::Generic { store: STORE, source },
        }
    }

    async fn json<T: serde::de::DeserializeOwned>(resp: reqwest::Response) -> object_store::Result<T> {
        let body = resp.bytes().await.map_err(|e| generic(GcsError::Transport(transport_text(&e))))?;
        serde_json::from_slice(&body).map_err(|e| generic(GcsError::Decode(e.to_string())))
    }

    async fn upload(&self, path: &Path, body: Bytes, mode: &PutMode) -> object_store::Result<PutResult> {
        let mut query = vec![("uploadType", "media".to_string()), ("name", path.to_string())];
        match mode {
            PutMode::Overwrite => {}
            PutMode::Create => query.push(("ifGenerationMatch", "0".into())),
            PutMode::Update(v) => {
                let generation = v.version.clone().ok_or_else(|| object_store::Error::NotSupported {
                    source: "a conditional update on GCS needs the generation (version)".into(),
                })?;
                query.push(("ifGenerationMatch", generation));
            }
        }
        let url = format!(
            "{}/upload/storage/v1/b/{}/o?{}",
            self.base,
            utf8_percent_encode(&self.bucket, COMPONENT),
            encode_query(&query)
        );
        let answer = self
            .send(path.as_ref(), || {
                self.http
                    .request(Method::POST, &url)
                    .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
                    .body(body.clone())
            })
            .await?;
        match answer {
            Answer::Ok(resp) => {
                let o: Object = Self::json(resp).await?;
                Ok(PutResult { e_tag: o.etag, version: o.generation, extensions: Default::default() })
            }
            Answer::Status(StatusCode::PRECONDITION_FAILED, m) if matches!(mode, PutMode::Create) => {
                let source = Box::new(GcsError::Status { status: 412, message: m });
                Err(object_store::Error::AlreadyExists { path: path.to_string(), source })
            }
            Answer::Status(s, m) => Err(self.status_error(path.as_ref(), s, m, true)),
        }
    }

    async fn metadata(&self, path: &Path, version: Option<&str>) -> object_store::Result<ObjectMeta> {
        let mut url = self.object_url(path.as_ref());
        if let Some(g) = version {
            url.push_str(&format!("?generation={}", utf8_percent_encode(g, COMPONENT)));
        }
        match self.send(path.as_ref(), || self.http.get(&url)).await? {
            Answer::Ok(resp) => meta_of(Self::json(resp).await?),
            Answer::Status(s, m) => Err(self.status_error(path.as_ref(), s, m, false)),
        }
    }

    async fn delete(&self, path: &Path) -> object_store::Result<()> {
        let url = self.object_url(path.as_ref());
        match self.send(path.as_ref(), || self.http.delete(&url)).await? {
            Answer::Ok(_) => Ok(()),
            Answer::Status(s, m) => Err(self.status_error(path.as_ref(), s, m, false)),
        }
    }

    async fn list_page(
        &self,
        prefix: &str,
        delimiter: bool,
        token: Option<&str>,
        offset: Option<&str>,
    ) -> object_store::Result<Objects> {
        let mut query = vec![("prefix", prefix.to_string())];
        if delimiter {
            query.push(("delimiter", "/".into()));
        }
        if let Some(t) = token {
            query.push(("pageToken", t.to_string()));
        }
        if let Some(o) = offset {
            query.push(("startOffset", o.to_string()));
        }
        let url = format!("{}?{}", self.objects_url(), encode_query(&query));
        match self.send(prefix, || self.http.get(&url)).await? {
            Answer::Ok(resp) => Self::json(resp).await,
            Answer::Status(s, m) => Err(self.status_error(prefix, s, m, true)),
        }
    }

    async fn rewrite(&self, from: &Path, to: &Path, mode: CopyMode) -> object_store::Result<()> {
        let mut token: Option<String> = None;
        loop {
            let mut query: Vec<(&str, String)> = Vec::new();
            if matches!(mode, CopyMode::Create) {
                query.push(("ifGenerationMatch", "0".into()));
            }
            if let Some(t) = &token {
                query.push(("rewriteToken", t.clone()));
            }
            let mut url = format!(
                "{}/rewriteTo/b/{}/o/{}",
                self.object_url(from.as_ref()),
                utf8_percent_encode(&self.bucket, COMPONENT),
                utf8_percent_encode(to.as_ref(), COMPONENT)
            );
            if !query.is_empty() {
                url.push('?');
                url.push_str(&encode_query(&query));
            }
            let answer =
                self.send(from.as_ref(), || self.http.post(&url).header(reqwest::header::CONTENT_LENGTH, 0)).await?;
            let r: Rewrite = match answer {
                Answer::Ok(resp) => Self::json(resp).await?,
                Answer::Status(StatusCode::PRECONDITION_FAILED, m) if matches!(mode, CopyMode::Create) => {
                    let source = Box::new(GcsError::Status { status: 412, message: m });
                    return Err(object_store::Error::AlreadyExists { path: to.to_string(), source });
                }
                Answer::Status(s, m) => return Err(self.status_error(from.as_ref(), s, m, false)),
            };
            if r.done {
                return Ok(());
            }
            token = r.rewrite_token;
            if token.is_none() {
                return Err(generic(GcsError::Decode("rewrite not done and no rewriteToken".into())));
            }
        }
    }
}

fn generic(e: GcsError) -> object_store::Error {
    object_store::Error::Generic { store: STORE, source: Box::new(e) }
}

fn backoff(attempt: usize) -> Duration {
    Duration::from_millis(200u64.saturating_mul(1 << attempt.min(6))).min(Duration::from_secs(8))
}

fn encode_query(pairs: &[(&str, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, COMPONENT))).collect::<Vec<_>>().join("&")
}

/// The service's `error.message`, else the start of the body.
fn error_message(body: &str) -> String {
    let parsed: Option<String> = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.pointer("/error/message").and_then(|m| m.as_str()).map(str::to_string));
    parsed.unwrap_or_else(|| {
        let t = body.trim();
        if t.is_empty() { "(no body)".to_string() } else { t.chars().take(200).collect() }
    })
}

/// reqwest's error with its causes (`error sending request: connection refused`).
fn transport_text(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(cause) = src {
        let c = cause.to_string();
        if !s.contains(&c) {
            s.push_str(": ");
            s.push_str(&c);
        }
        src = cause.source();
    }
    s
}

fn meta_of(o: Object) -> object_store::Result<ObjectMeta> {
    let location =
        Path::parse(&o.name).map_err(|e| generic(GcsError::Decode(format!("object name `{}`: {e}", o.name))))?;
    let size = o.size.parse::<u64>().map_err(|_| generic(GcsError::Decode(format!("size `{}`", o.size))))?;
    let last_modified = o
        .updated
        .as_deref()
        .and_then(|u| u.parse::<jiff::Timestamp>().ok())
        .and_then(|t| chrono::DateTime::from_timestamp(t.as_second(), t.subsec_nanosecond().max(0) as u32))
        .unwrap_or_default();
    Ok(ObjectMeta { location, last_modified, size, e_tag: o.etag, version: o.generation })
}

/// The list prefix for object_store's semantics: `a/b` lists what is under the folder `a/b/`.
fn dir_prefix(prefix: Option<&Path>) -> String {
    match prefix {
        Some(p) if !p.as_ref().is_empty() => format!("{}/", p.as_ref()),
        _ => String::new(),
    }
}

/// Objects whose names `Path` cannot hold (`folder/` placeholders the console makes, `a//b`)
/// are not ours: skipped, not an error that would stop a listing.
fn keep(o: &Object) -> bool {
    let ok = !o.name.ends_with('/') && Path::parse(&o.name).is_ok_and(|p| p.as_ref() == o.name);
    if !ok {
        tracing::debug!(name = %o.name, "skipping an object whose name is not a plain key");
    }
    ok
}

#[async_trait]
impl ObjectStore for GcsJson {
    async fn put_opts(
        &self,
        location: &Path,
        payload: PutPayload,
        opts: PutOptions,
    ) -> object_store::Result<PutResult> {
        self.inner.upload(location, Bytes::from(payload), &opts.mode).await
    }

    async fn put_multipart_opts(
        &self,
        location: &Path,
        _opts: PutMultipartOptions,
    ) -> object_store::Result<Box<dyn MultipartUpload>> {
        Ok(Box::new(BufferedUpload { inner: self.inner.clone(), path: location.clone(), parts: Vec::new() }))
    }

    async fn get_opts(&self, location: &Path, options: GetOptions) -> object_store::Result<GetResult> {
        let meta = self.inner.metadata(location, options.version.as_deref()).await?;
        options.check_preconditions(&meta)?;
        let range = match &options.range {
            Some(r) => r.as_range(meta.size).map_err(|e| object_store::Error::Generic {
                store: STORE,
                source: Box::new(GcsError::Decode(format!("range: {e}"))),
            })?,
            None => 0..meta.size,
        };
        if options.head {
            return Ok(GetResult {
                payload: GetResultPayload::Stream(futures::stream::empty().boxed()),
                meta,
                range,
                attributes: Attributes::new(),
                extensions: Default::default(),
            });
        }
        // Pinned to the generation just read, so metadata and bytes are of one object even
        // when it is overwritten in between.
        let mut url = format!("{}?alt=media", self.inner.object_url(location.as_ref()));
        if let Some(g) = &meta.version {
            url.push_str(&format!("&generation={}", utf8_percent_encode(g, COMPONENT)));
        }
        let ranged = options.range.is_some() && meta.size > 0;
        let header = format!("bytes={}-{}", range.start, range.end.saturating_sub(1));
        let answer = self
            .inner
            .send(location.as_ref(), || {
                let r = self.inner.http.get(&url);
                if ranged { r.header(reqwest::header::RANGE, &header) } else { r }
            })
            .await?;
        let resp = match answer {
            Answer::Ok(resp) => resp,
            Answer::Status(s, m) => return Err(self.inner.status_error(location.as_ref(), s, m, false)),
        };
        let stream = resp.bytes_stream().map_err(|e| generic(GcsError::Transport(transport_text(&e)))).boxed();
        Ok(GetResult {
            payload: GetResultPayload::Stream(stream),
            meta,
            range,
            attributes: Attributes::new(),
            extensions: Default::default(),
        })
    }

    fn delete_stream(
        &self,
        locations: BoxStream<'static, object_store::Result<Path>>,
    ) -> BoxStream<'static, object_store::Result<Path>> {
        let inner = self.inner.clone();
        locations
            .map(move |p| {
                let inner = inner.clone();
                async move {
                    let p = p?;
                    inner.delete(&p).await?;
                    Ok(p)
                }
            })
            .buffered(8)
            .boxed()
    }

    fn list(&self, prefix: Option<&Path>) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        self.list_from(dir_prefix(prefix), None)
    }

    fn list_with_offset(
        &self,
        prefix: Option<&Path>,
        offset: &Path,
    ) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        // startOffset is inclusive; object_store's offset is exclusive.
        let offset = offset.clone();
        self.list_from(dir_prefix(prefix), Some(offset.to_string()))
            .try_filter(move |m| futures::future::ready(m.location > offset))
            .boxed()
    }

    async fn list_with_delimiter(&self, prefix: Option<&Path>) -> object_store::Result<ListResult> {
        let prefix = dir_prefix(prefix);
        let mut out = ListResult { common_prefixes: Vec::new(), objects: Vec::new(), extensions: Default::default() };
        let mut token: Option<String> = None;
        loop {
            let page = self.inner.list_page(&prefix, true, token.as_deref(), None).await?;
            for p in page.prefixes {
                if let Ok(path) = Path::parse(p.trim_end_matches('/')) {
                    out.common_prefixes.push(path);
                }
            }
            for o in page.items.into_iter().filter(keep) {
                out.objects.push(meta_of(o)?);
            }
            match page.next_page_token {
                Some(t) => token = Some(t),
                None => return Ok(out),
            }
        }
    }

    async fn copy_opts(&self, from: &Path, to: &Path, options: CopyOptions) -> object_store::Result<()> {
        self.inner.rewrite(from, to, options.mode).await
    }
}

impl GcsJson {
    fn list_from(
        &self,
        prefix: String,
        offset: Option<String>,
    ) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        let inner = self.inner.clone();
        // State: the next page token; `Some(None)` is the first page, `None` the end.
        futures::stream::try_unfold(Some(None::<String>), move |state| {
            let (inner, prefix, offset) = (inner.clone(), prefix.clone(), offset.clone());
            async move {
                let Some(token) = state else { return Ok(None) };
                let page = inner.list_page(&prefix, false, token.as_deref(), offset.as_deref()).await?;
                let metas: Vec<object_store::Result<ObjectMeta>> =
                    page.items.into_iter().filter(keep).map(meta_of).collect();
                let next = page.next_page_token.map(Some);
                Ok::<_, object_store::Error>(Some((futures::stream::iter(metas), next)))
            }
        })
        .try_flatten()
        .boxed()
    }
}

/// A multipart upload that collects the parts and writes them in one upload on
/// `complete`: wiki pages and attachments fit in memory, and one upload is one object
/// version, never a half-written one.
#[derive(Debug)]
struct BufferedUpload {
    inner: Arc<Inner>,
    path: Path,
    parts: Vec<Bytes>,
}

#[async_trait]
impl MultipartUpload for BufferedUpload {
    fn put_part(&mut self, data: PutPayload) -> UploadPart {
        self.parts.extend(data);
        Box::pin(futures::future::ready(Ok(())))
    }

    async fn complete(&mut self) -> object_store::Result<PutResult> {
        let body: Bytes = std::mem::take(&mut self.parts).concat().into();
        self.inner.upload(&self.path, body, &PutMode::Overwrite).await
    }

    async fn abort(&mut self) -> object_store::Result<()> {
        self.parts.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_encoded_whole_in_paths_and_queries() {
        let g = GcsJson::new(reqwest::Client::new(), "http://127.0.0.1:1/", "bkt", None, 0);
        assert_eq!(
            g.inner.object_url("a/手順 1.md"),
            "http://127.0.0.1:1/storage/v1/b/bkt/o/a%2F%E6%89%8B%E9%A0%86%201.md"
        );
        assert_eq!(encode_query(&[("name", "a b+c".into()), ("x", "1".into())]), "name=a%20b%2Bc&x=1");
    }

    #[test]
    fn statuses_map_to_object_store_errors_and_a_missing_bucket_is_told_apart() {
        let g = GcsJson::new(reqwest::Client::new(), "http://127.0.0.1:1", "my-bucket", None, 0);
        let err = |status: u16, msg: &str, bucket_level: bool| {
            g.inner.status_error("a/b", StatusCode::from_u16(status).unwrap(), msg.into(), bucket_level)
        };
        let no_bucket = |e: &object_store::Error| {
            matches!(e, object_store::Error::Generic { source, .. }
                if matches!(source.downcast_ref::<GcsError>(), Some(GcsError::NoBucket { .. })))
        };
        assert!(matches!(err(404, "No such object: my-bucket/a/b", false), object_store::Error::NotFound { .. }));
        assert!(no_bucket(&err(404, "The specified bucket does not exist.", false)));
        assert!(no_bucket(&err(404, "(no body)", true)));
        assert!(matches!(err(403, "denied", false), object_store::Error::PermissionDenied { .. }));
        assert!(matches!(err(401, "expired", false), object_store::Error::Unauthenticated { .. }));
        assert!(matches!(err(412, "generation", false), object_store::Error::Precondition { .. }));
        assert!(matches!(err(400, "bad", false), object_store::Error::Generic { .. }));
    }

    #[test]
    fn list_prefixes_follow_object_store_folder_semantics() {
        assert_eq!(dir_prefix(None), "");
        assert_eq!(dir_prefix(Some(&Path::ROOT)), "");
        assert_eq!(dir_prefix(Some(&Path::from("a/b"))), "a/b/");
    }

    #[test]
    fn error_messages_come_from_the_json_error_or_the_body() {
        assert_eq!(error_message(r#"{"error":{"code":403,"message":"denied"}}"#), "denied");
        assert_eq!(error_message(""), "(no body)");
        assert_eq!(error_message("<html>bad gateway</html>"), "<html>bad gateway</html>");
    }
}
