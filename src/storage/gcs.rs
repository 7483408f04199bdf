//! Google Cloud Storage through its JSON API (`/storage/v1`, `/upload/storage/v1`), as an
//! `object_store::ObjectStore`, over gcloud-storage's `StorageClient`.
//!
//! Why not `object_store::gcp::GoogleCloudStorage`: it speaks only GCS's XML API, and
//! gcp-storage-emulator (what the tests run against) implements the JSON API and of the XML
//! API only object GET and PUT, without the ETag and Last-Modified headers object_store
//! requires; listing, deleting and copying answer 501. The JSON API is what Google's own
//! client libraries use and what the emulator implements, so one code path runs against
//! both. gcloud-storage (the continuation of the `google-cloud-storage` 0.x crates, MIT)
//! builds and decodes the calls; this module keeps object_store's semantics on top:
//! conditional writes, generation-pinned reads, folder listings, retries, and errors told
//! apart. Credentials are [`GoogleAuth`]'s (Application Default Credentials, workload
//! identity federation included); requests go through opskit's reqwest client (no
//! redirects, no `Referer`: it carries a bearer token).
//!
//! Calls used: objects.insert (`uploadType=media`), objects.get (metadata, then `alt=media`
//! pinned to the generation read), objects.list, objects.delete, objects.rewrite (the
//! server-side copy, looped while the service says it is not done) and, for a copy that must
//! not replace an object, objects.copy (gcloud-storage's rewrite request has no
//! destination `ifGenerationMatch`; inside one bucket a copy is a metadata operation).

use crate::gcp::auth::GoogleAuth;
use async_trait::async_trait;
use bytes::Bytes;
use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use gcloud_storage::client::{Client, ClientConfig};
use gcloud_storage::http::Error as ApiError;
use gcloud_storage::http::objects::Object;
use gcloud_storage::http::objects::copy::CopyObjectRequest;
use gcloud_storage::http::objects::delete::DeleteObjectRequest;
use gcloud_storage::http::objects::download::Range;
use gcloud_storage::http::objects::get::GetObjectRequest;
use gcloud_storage::http::objects::list::{ListObjectsRequest, ListObjectsResponse};
use gcloud_storage::http::objects::rewrite::RewriteObjectRequest;
use gcloud_storage::http::objects::upload::{Media, UploadObjectRequest, UploadType};
use object_store::path::Path;
use object_store::{
    Attributes, CopyMode, CopyOptions, GetOptions, GetResult, GetResultPayload, ListResult, MultipartUpload,
    ObjectMeta, ObjectStore, PutMode, PutMultipartOptions, PutOptions, PutPayload, PutResult, UploadPart,
};
use reqwest::StatusCode;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

const STORE: &str = "GCS";

/// A GCS bucket through the JSON API.
#[derive(Clone)]
pub struct GcsJson {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    bucket: String,
    retries: usize,
}

impl std::fmt::Debug for GcsJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GcsJson").field("bucket", &self.inner.bucket).finish()
    }
}

/// Why a GCS call failed, as the source of an `object_store::Error`.
#[derive(Debug, thiserror::Error)]
pub enum GcsError {
    #[error("bucket `{bucket}` does not exist")]
    NoBucket { bucket: String },
    #[error("HTTP {status}: {message}")]
    Status { status: u16, message: String },
    #[error("{0}")]
    Token(String),
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

/// A call's failure once retries are spent: a status the caller interprets (404, 412, 304,
/// 4xx), or an error that is final.
enum Fail {
    Status(StatusCode, String),
    Final(object_store::Error),
}

impl GcsJson {
    /// `base` without a trailing slash (`https://storage.googleapis.com`, or an emulator's
    /// `http://127.0.0.1:PORT`); `auth` `None` sends no Authorization header.
    pub fn new(http: reqwest::Client, base: &str, bucket: &str, auth: Option<GoogleAuth>, retries: usize) -> GcsJson {
        let config = ClientConfig {
            http: Some(reqwest_middleware::ClientBuilder::new(http).build()),
            storage_endpoint: base.trim_end_matches('/').to_string(),
            token_source_provider: auth.map(|a| Box::new(a) as Box<dyn token_source::TokenSourceProvider>),
            ..ClientConfig::default()
        };
        GcsJson { inner: Arc::new(Inner { client: Client::new(config), bucket: bucket.to_string(), retries }) }
    }
}

impl Inner {
    /// Call with retries on 429, 5xx and transport errors (every call here is idempotent: an
    /// upload writes the same bytes again, a repeated delete finds nothing).
    async fn call<T, F, Fut>(&self, path: &str, f: F) -> Result<T, Fail>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let mut attempt = 0;
        loop {
            let transient = match f().await {
                Ok(v) => return Ok(v),
                Err(e) => match classify(e) {
                    Class::Status(status, message)
                        if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() =>
                    {
                        GcsError::Status { status: status.as_u16(), message }
                    }
                    Class::Status(status, message) => return Err(Fail::Status(status, message)),
                    Class::Transport(t) => GcsError::Transport(t),
                    Class::Token(t) => {
                        return Err(Fail::Final(object_store::Error::Unauthenticated {
                            path: path.to_string(),
                            source: Box::new(GcsError::Token(t)),
                        }));
                    }
                    Class::Other(e) => return Err(Fail::Final(generic(e))),
                },
            };
            if attempt >= self.retries {
                let source = match transient {
                    GcsError::Transport(t) if attempt > 0 => {
                        GcsError::Transport(format!("{t} (after {attempt} retries)"))
                    }
                    GcsError::Status { status, message } if attempt > 0 => {
                        GcsError::Status { status, message: format!("{message} (after {attempt} retries)") }
                    }
                    other => other,
                };
                return Err(Fail::Final(generic(source)));
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
            return generic(GcsError::NoBucket { bucket: self.bucket.clone() });
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

    fn fail(&self, path: &str, fail: Fail, bucket_level: bool) -> object_store::Error {
        match fail {
            Fail::Status(s, m) => self.status_error(path, s, m, bucket_level),
            Fail::Final(e) => e,
        }
    }

    async fn upload(&self, path: &Path, body: Bytes, mode: &PutMode) -> object_store::Result<PutResult> {
        let if_generation_match = match mode {
            PutMode::Overwrite => None,
            PutMode::Create => Some(0),
            PutMode::Update(v) => {
                let generation = v.version.as_deref().ok_or_else(|| object_store::Error::NotSupported {
                    source: "a conditional update on GCS needs the generation (version)".into(),
                })?;
                Some(parse_generation(generation)?)
            }
        };
        let req = UploadObjectRequest { bucket: self.bucket.clone(), if_generation_match, ..Default::default() };
        let media = Media {
            name: path.to_string().into(),
            content_type: "application/octet-stream".into(),
            content_length: Some(body.len() as u64),
        };
        let upload = UploadType::Simple(media);
        let answer = self.call(path.as_ref(), || self.client.upload_object(&req, body.clone(), &upload)).await;
        match answer {
            Ok(o) => Ok(PutResult {
                e_tag: e_tag(&o),
                version: Some(o.generation.to_string()),
                extensions: Default::default(),
            }),
            Err(Fail::Status(StatusCode::PRECONDITION_FAILED, m)) if matches!(mode, PutMode::Create) => {
                let source = Box::new(GcsError::Status { status: 412, message: m });
                Err(object_store::Error::AlreadyExists { path: path.to_string(), source })
            }
            Err(f) => Err(self.fail(path.as_ref(), f, true)),
        }
    }

    fn object_request(&self, path: &Path, generation: Option<i64>) -> GetObjectRequest {
        GetObjectRequest { bucket: self.bucket.clone(), object: path.to_string(), generation, ..Default::default() }
    }

    async fn metadata(&self, path: &Path, version: Option<&str>) -> object_store::Result<ObjectMeta> {
        let generation = version.map(parse_generation).transpose()?;
        let req = self.object_request(path, generation);
        match self.call(path.as_ref(), || self.client.get_object(&req)).await {
            Ok(o) => meta_of(o),
            Err(f) => Err(self.fail(path.as_ref(), f, false)),
        }
    }

    async fn delete(&self, path: &Path) -> object_store::Result<()> {
        let req = DeleteObjectRequest { bucket: self.bucket.clone(), object: path.to_string(), ..Default::default() };
        self.call(path.as_ref(), || self.client.delete_object(&req))
            .await
            .map_err(|f| self.fail(path.as_ref(), f, false))
    }

    async fn list_page(
        &self,
        prefix: &str,
        delimiter: bool,
        token: Option<&str>,
        offset: Option<&str>,
    ) -> object_store::Result<ListObjectsResponse> {
        let req = ListObjectsRequest {
            bucket: self.bucket.clone(),
            prefix: Some(prefix.to_string()),
            delimiter: delimiter.then(|| "/".to_string()),
            page_token: token.map(str::to_string),
            start_offset: offset.map(str::to_string),
            ..Default::default()
        };
        self.call(prefix, || self.client.list_objects(&req)).await.map_err(|f| self.fail(prefix, f, true))
    }

    async fn rewrite(&self, from: &Path, to: &Path) -> object_store::Result<()> {
        let mut req = RewriteObjectRequest {
            source_bucket: self.bucket.clone(),
            source_object: from.to_string(),
            destination_bucket: self.bucket.clone(),
            destination_object: to.to_string(),
            ..Default::default()
        };
        loop {
            let r = self
                .call(from.as_ref(), || self.client.rewrite_object(&req))
                .await
                .map_err(|f| self.fail(from.as_ref(), f, false))?;
            if r.done {
                return Ok(());
            }
            if r.rewrite_token.is_none() {
                return Err(generic(GcsError::Decode("rewrite not done and no rewriteToken".into())));
            }
            req.rewrite_token = r.rewrite_token;
        }
    }

    /// A copy that fails with `AlreadyExists` when `to` is there (`ifGenerationMatch=0`).
    async fn copy_if_absent(&self, from: &Path, to: &Path) -> object_store::Result<()> {
        let req = CopyObjectRequest {
            source_bucket: self.bucket.clone(),
            source_object: from.to_string(),
            destination_bucket: self.bucket.clone(),
            destination_object: to.to_string(),
            if_generation_match: Some(0),
            ..Default::default()
        };
        match self.call(from.as_ref(), || self.client.copy_object(&req)).await {
            Ok(_) => Ok(()),
            Err(Fail::Status(StatusCode::PRECONDITION_FAILED, m)) => {
                let source = Box::new(GcsError::Status { status: 412, message: m });
                Err(object_store::Error::AlreadyExists { path: to.to_string(), source })
            }
            Err(f) => Err(self.fail(from.as_ref(), f, false)),
        }
    }
}

/// What a gcloud-storage error means here.
enum Class {
    Status(StatusCode, String),
    Transport(String),
    Token(String),
    Other(GcsError),
}

fn classify(e: ApiError) -> Class {
    match e {
        ApiError::Response(r) => match StatusCode::from_u16(r.code) {
            Ok(s) => Class::Status(s, if r.message.is_empty() { "(no message)".into() } else { r.message }),
            Err(_) => Class::Other(GcsError::Decode(format!("status {}: {}", r.code, r.message))),
        },
        // The status without the service's JSON error (gcloud-storage drops a body that is
        // not one), or the body could not be read or decoded, or no answer at all.
        ApiError::HttpClient(e) => match e.status() {
            Some(s) => Class::Status(s, "(no JSON error in the answer)".into()),
            None if e.is_decode() => Class::Other(GcsError::Decode(crate::http::error_chain(&e))),
            None => Class::Transport(crate::http::error_chain(&e)),
        },
        ApiError::TokenSource(e) => Class::Token(e.to_string()),
        ApiError::HttpMiddleware(e) => Class::Transport(format!("{e:#}")),
        other => Class::Other(GcsError::Decode(other.to_string())),
    }
}

fn generic(e: GcsError) -> object_store::Error {
    object_store::Error::Generic { store: STORE, source: Box::new(e) }
}

fn backoff(attempt: usize) -> Duration {
    Duration::from_millis(200u64.saturating_mul(1 << attempt.min(6))).min(Duration::from_secs(8))
}

fn parse_generation(g: &str) -> object_store::Result<i64> {
    g.parse::<i64>().map_err(|_| object_store::Error::Generic {
        store: STORE,
        source: Box::new(GcsError::Decode(format!("`{g}` is not a GCS generation"))),
    })
}

fn e_tag(o: &Object) -> Option<String> {
    (!o.etag.is_empty()).then(|| o.etag.clone())
}

fn meta_of(o: Object) -> object_store::Result<ObjectMeta> {
    let location =
        Path::parse(&o.name).map_err(|e| generic(GcsError::Decode(format!("object name `{}`: {e}", o.name))))?;
    let size = u64::try_from(o.size).map_err(|_| generic(GcsError::Decode(format!("size `{}`", o.size))))?;
    let last_modified = o
        .updated
        .and_then(|t| chrono::DateTime::from_timestamp(t.unix_timestamp(), t.nanosecond()))
        .unwrap_or_default();
    let e_tag = e_tag(&o);
    Ok(ObjectMeta { location, last_modified, size, e_tag, version: Some(o.generation.to_string()) })
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
            Some(r) => r.as_range(meta.size).map_err(|e| generic(GcsError::Decode(format!("range: {e}"))))?,
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
        let generation = meta.version.as_deref().map(parse_generation).transpose()?;
        let req = self.inner.object_request(location, generation);
        let bytes = if options.range.is_some() && meta.size > 0 {
            Range(Some(range.start), Some(range.end.saturating_sub(1)))
        } else {
            Range(None, None)
        };
        let stream = self
            .inner
            .call(location.as_ref(), || self.inner.client.download_streamed_object(&req, &bytes))
            .await
            .map_err(|f| self.inner.fail(location.as_ref(), f, false))?;
        let stream = stream
            .map_err(|e| match classify(e) {
                Class::Transport(t) => generic(GcsError::Transport(t)),
                Class::Other(e) => generic(e),
                Class::Status(s, m) => generic(GcsError::Status { status: s.as_u16(), message: m }),
                Class::Token(t) => generic(GcsError::Token(t)),
            })
            .boxed();
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
            for p in page.prefixes.unwrap_or_default() {
                if let Ok(path) = Path::parse(p.trim_end_matches('/')) {
                    out.common_prefixes.push(path);
                }
            }
            for o in page.items.unwrap_or_default().into_iter().filter(keep) {
                out.objects.push(meta_of(o)?);
            }
            match page.next_page_token {
                Some(t) => token = Some(t),
                None => return Ok(out),
            }
        }
    }

    async fn copy_opts(&self, from: &Path, to: &Path, options: CopyOptions) -> object_store::Result<()> {
        match options.mode {
            CopyMode::Overwrite => self.inner.rewrite(from, to).await,
            CopyMode::Create => self.inner.copy_if_absent(from, to).await,
        }
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
                    page.items.unwrap_or_default().into_iter().filter(keep).map(meta_of).collect();
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

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inner").field("bucket", &self.bucket).finish()
    }
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
    use object_store::ObjectStoreExt;

    use crate::gcp::auth::fake_http::serve;

    const OBJECT: &str = r#"{"kind":"storage#object","id":"bkt/a/x/1","selfLink":"s","mediaLink":"m","name":"a/手順 1.md","bucket":"bkt","generation":"1700000000000001","metageneration":"1","size":"5","etag":"CAE=","updated":"2026-01-02T03:04:05.678Z"}"#;

    fn store(base: &str, retries: usize) -> GcsJson {
        GcsJson::new(reqwest::Client::new(), base, "bkt", None, retries)
    }

    #[tokio::test]
    async fn names_go_whole_into_paths_and_queries_and_metadata_decodes() {
        let (base, task) = serve(vec![(200, OBJECT), (200, OBJECT)]).await;
        let s = store(&base, 0);
        let path = Path::parse("a/手順 1.md").unwrap();
        let put = s.put_opts(&path, "hello".into(), PutMode::Create.into()).await.unwrap();
        assert_eq!(put.version.as_deref(), Some("1700000000000001"));
        let meta = s.head(&path).await.unwrap();
        assert_eq!((meta.size, meta.e_tag.as_deref()), (5, Some("CAE=")));
        assert_eq!(meta.last_modified.to_rfc3339(), "2026-01-02T03:04:05.678+00:00");
        let heads = task.await.unwrap();
        let line = |i: usize| heads[i].lines().next().unwrap().to_string();
        assert!(line(0).starts_with("POST /upload/storage/v1/b/bkt/o?uploadType=media"), "{}", line(0));
        assert!(line(0).contains("ifGenerationMatch=0"), "{}", line(0));
        assert!(line(0).contains("name=a%2F%E6%89%8B%E9%A0%86+1.md "), "{}", line(0));
        assert!(line(1).starts_with("GET /storage/v1/b/bkt/o/a%2F%E6%89%8B%E9%A0%86%201.md"), "{}", line(1));
        assert!(!heads[0].to_ascii_lowercase().contains("authorization:"), "anonymous: {}", heads[0]);
    }

    #[tokio::test]
    async fn server_errors_are_retried_and_statuses_keep_their_meaning() {
        // A 503 without a JSON error, then the object: one retry, then success.
        let (base, task) = serve(vec![(503, "<html>busy</html>"), (200, OBJECT)]).await;
        let s = store(&base, 1);
        assert_eq!(s.head(&Path::from("a/x")).await.unwrap().size, 5);
        assert_eq!(task.await.unwrap().len(), 2);
        // A 503 past the retries says so.
        let (base, _task) = serve(vec![(503, ""), (503, "")]).await;
        let e = store(&base, 1).head(&Path::from("a/x")).await.unwrap_err().to_string();
        assert!(e.contains("HTTP 503") && e.contains("after 1 retries"), "{e}");
        // The service's JSON error: a missing bucket told apart from a missing object.
        let no_bucket = r#"{"error":{"code":404,"message":"The specified bucket does not exist.","errors":[{"domain":"global","reason":"notFound","message":"The specified bucket does not exist."}]}}"#;
        let (base, _task) = serve(vec![(404, no_bucket)]).await;
        let e = store(&base, 0).head(&Path::from("a/x")).await.unwrap_err();
        assert!(
            matches!(&e, object_store::Error::Generic { source, .. }
            if matches!(source.downcast_ref::<GcsError>(), Some(GcsError::NoBucket { .. }))),
            "{e:?}"
        );
        // An object's 404 without a body (the emulator's) is not found; a listing's is the bucket.
        let (base, _task) = serve(vec![(404, ""), (404, "")]).await;
        let s = store(&base, 0);
        assert!(matches!(s.head(&Path::from("a/x")).await, Err(object_store::Error::NotFound { .. })));
        let e = s.list(None).try_collect::<Vec<_>>().await.unwrap_err();
        assert!(e.to_string().contains("bucket `bkt` does not exist"), "{e}");
        // A conditional create that finds the object: AlreadyExists.
        let conflict = r#"{"error":{"code":412,"message":"At least one of the pre-conditions you specified did not hold.","errors":[]}}"#;
        let (base, _task) = serve(vec![(412, conflict)]).await;
        let e = store(&base, 0).put_opts(&Path::from("a"), "x".into(), PutMode::Create.into()).await.unwrap_err();
        assert!(matches!(e, object_store::Error::AlreadyExists { .. }), "{e:?}");
        // Nothing listening: a transport error, after the retries.
        let e = store("http://127.0.0.1:9", 0).head(&Path::from("a")).await.unwrap_err().to_string();
        assert!(e.contains("error sending request"), "{e}");
    }

    #[tokio::test]
    async fn lists_follow_pages_and_skip_names_that_are_not_keys() {
        let page1 = r#"{"items":[{"id":"i","selfLink":"s","mediaLink":"m","name":"p/a","bucket":"bkt","generation":"1","metageneration":"1","size":"1"},{"id":"i","selfLink":"s","mediaLink":"m","name":"p/folder/","bucket":"bkt","generation":"1","metageneration":"1","size":"0"}],"nextPageToken":"T 2"}"#;
        let page2 = r#"{"items":[{"id":"i","selfLink":"s","mediaLink":"m","name":"p/b","bucket":"bkt","generation":"2","metageneration":"1","size":"2"}]}"#;
        let (base, task) = serve(vec![(200, page1), (200, page2)]).await;
        let metas: Vec<ObjectMeta> = store(&base, 0).list(Some(&Path::from("p"))).try_collect().await.unwrap();
        let names: Vec<String> = metas.iter().map(|m| m.location.to_string()).collect();
        assert_eq!(names, ["p/a", "p/b"]);
        let heads = task.await.unwrap();
        assert!(heads[0].contains("prefix=p%2F"), "{}", heads[0]);
        assert!(heads[1].contains("pageToken=T+2"), "{}", heads[1]);
    }

    #[tokio::test]
    async fn requests_carry_the_google_auth_token_and_a_refused_one_is_unauthenticated() {
        let sts = r#"{"access_token":"ya29.wif","token_type":"Bearer","expires_in":3600}"#;
        let (base, task) = serve(vec![(200, sts), (200, OBJECT)]).await;
        let dir = tempfile::tempdir().unwrap();
        let subject = dir.path().join("token");
        std::fs::write(&subject, "t").unwrap();
        let wif = |base: &str| {
            serde_json::json!({
                "type": "external_account", "audience": "a", "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
                "token_url": format!("{base}/v1/token"), "credential_source": { "file": subject.to_str().unwrap() },
            })
            .to_string()
        };
        let origin = crate::gcp::auth::Origin::EnvFile("wif.json".into());
        let auth = GoogleAuth::from_json(&wif(&base), origin.clone(), crate::gcp::auth::CLOUD_PLATFORM).unwrap();
        let s = GcsJson::new(reqwest::Client::new(), &base, "bkt", Some(auth), 0);
        assert_eq!(s.head(&Path::from("a/x")).await.unwrap().size, 5);
        let requests = task.await.unwrap();
        assert!(requests[1].starts_with("GET /storage/v1/b/bkt/o/a%2Fx"), "{}", requests[1]);
        assert!(requests[1].to_ascii_lowercase().contains("authorization: bearer ya29.wif"), "{}", requests[1]);
        // The STS refuses: the call fails as unauthenticated, naming the file, before any GCS request.
        let (base, _task) = serve(vec![(401, r#"{"error":"invalid_client","error_description":"no"}"#)]).await;
        let auth = GoogleAuth::from_json(&wif(&base), origin, crate::gcp::auth::CLOUD_PLATFORM).unwrap();
        let e =
            GcsJson::new(reqwest::Client::new(), &base, "bkt", Some(auth), 0).head(&Path::from("a")).await.unwrap_err();
        assert!(matches!(e, object_store::Error::Unauthenticated { .. }), "{e:?}");
        assert!(e.to_string().contains("GOOGLE_APPLICATION_CREDENTIALS (wif.json)"), "{e}");
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
}
