//! [`FailAfter`]: a store that starts failing midway, for tests of what a backup does when
//! its storage goes away (the disk fills, the credentials lose write access, the network
//! drops). Public so that every test of the storage users can wrap a real store with it.

use async_trait::async_trait;
use futures::stream::{BoxStream, StreamExt};
use object_store::path::Path;
use object_store::{
    CopyOptions, GetOptions, GetResult, ListResult, MultipartUpload, ObjectMeta, ObjectStore, PutMultipartOptions,
    PutOptions, PutPayload, PutResult,
};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Passes the first `allowed` writes (puts, multipart uploads, copies) to the inner store;
/// every write after them fails, and so does every delete from then on, each with an error
/// naming its key. Reads and listings keep working, as they do on a store whose writes are
/// refused.
#[derive(Debug)]
pub struct FailAfter {
    inner: Arc<dyn ObjectStore>,
    state: Arc<State>,
}

#[derive(Debug)]
struct State {
    allowed: usize,
    writes: AtomicUsize,
    failed: std::sync::Mutex<Vec<Path>>,
}

impl State {
    fn fail(&self, op: &str, path: &Path) -> object_store::Error {
        self.failed.lock().unwrap_or_else(|e| e.into_inner()).push(path.clone());
        object_store::Error::Generic {
            store: "FailAfter",
            source: format!("{op} `{path}`: {}", InjectedFailure { allowed: self.allowed }).into(),
        }
    }
}

/// The error a tripped [`FailAfter`] answers with (the source of an `object_store::Error`).
#[derive(Debug, thiserror::Error)]
#[error("injected failure: writes stopped after {allowed} (FailAfter)")]
pub struct InjectedFailure {
    pub allowed: usize,
}

impl FailAfter {
    pub fn new(inner: Arc<dyn ObjectStore>, allowed: usize) -> FailAfter {
        let state = State { allowed, writes: AtomicUsize::new(0), failed: Default::default() };
        FailAfter { inner, state: Arc::new(state) }
    }

    /// Writes attempted so far, the failed ones included.
    pub fn writes(&self) -> usize {
        self.state.writes.load(Ordering::SeqCst)
    }

    /// The keys whose writes or deletes failed, in order.
    pub fn failed(&self) -> Vec<Path> {
        self.state.failed.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn tripped(&self) -> bool {
        self.writes() > self.state.allowed
    }

    /// Count one write to `path`; the error when it is past the allowance.
    fn write(&self, path: &Path) -> object_store::Result<()> {
        let n = self.state.writes.fetch_add(1, Ordering::SeqCst) + 1;
        if n > self.state.allowed { Err(self.state.fail("writing", path)) } else { Ok(()) }
    }
}

impl std::fmt::Display for FailAfter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FailAfter({}, {})", self.state.allowed, self.inner)
    }
}

#[async_trait]
impl ObjectStore for FailAfter {
    async fn put_opts(
        &self,
        location: &Path,
        payload: PutPayload,
        opts: PutOptions,
    ) -> object_store::Result<PutResult> {
        self.write(location)?;
        self.inner.put_opts(location, payload, opts).await
    }

    async fn put_multipart_opts(
        &self,
        location: &Path,
        opts: PutMultipartOptions,
    ) -> object_store::Result<Box<dyn MultipartUpload>> {
        self.write(location)?;
        self.inner.put_multipart_opts(location, opts).await
    }

    async fn get_opts(&self, location: &Path, options: GetOptions) -> object_store::Result<GetResult> {
        self.inner.get_opts(location, options).await
    }

    fn delete_stream(
        &self,
        locations: BoxStream<'static, object_store::Result<Path>>,
    ) -> BoxStream<'static, object_store::Result<Path>> {
        if !self.tripped() {
            return self.inner.delete_stream(locations);
        }
        let state = self.state.clone();
        locations.map(move |p| Err(p.map(|p| state.fail("deleting", &p)).unwrap_or_else(|e| e))).boxed()
    }

    fn list(&self, prefix: Option<&Path>) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        self.inner.list(prefix)
    }

    async fn list_with_delimiter(&self, prefix: Option<&Path>) -> object_store::Result<ListResult> {
        self.inner.list_with_delimiter(prefix).await
    }

    async fn copy_opts(&self, from: &Path, to: &Path, options: CopyOptions) -> object_store::Result<()> {
        self.write(to)?;
        self.inner.copy_opts(from, to, options).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use object_store::ObjectStoreExt;
    use object_store::memory::InMemory;

    #[tokio::test]
    async fn writes_fail_after_the_allowance_naming_each_key_and_reads_go_on() {
        let inner: Arc<dyn ObjectStore> = Arc::new(InMemory::new());
        let store = FailAfter::new(inner.clone(), 2);
        let page = Path::parse("c/手順 1.md").unwrap();
        store.put(&Path::from("a"), "1".into()).await.unwrap();
        store.copy(&Path::from("a"), &Path::from("b")).await.unwrap();
        let err = store.put(&page, "3".into()).await.unwrap_err().to_string();
        assert!(err.contains("c/手順 1.md") && err.contains("injected failure"), "{err}");
        assert!(store.delete(&Path::from("a")).await.unwrap_err().to_string().contains("`a`"));
        assert!(store.copy(&Path::from("a"), &Path::from("d")).await.is_err());
        assert_eq!(store.get(&Path::from("b")).await.unwrap().bytes().await.unwrap(), "1");
        assert_eq!(store.writes(), 4);
        assert_eq!(store.failed(), vec![page.clone(), Path::from("a"), Path::from("d")]);
        assert!(inner.head(&page).await.is_err(), "a failed write reached the store");
    }
}
