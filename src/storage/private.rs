//! [`PrivateDir`]: a `file://` store whose objects are 0600 and whose folders are 0700.
//!
//! object_store's `LocalFileSystem` writes through a staged file and `create_dir_all`, both
//! at the process umask's mercy (0644 and 0755 under the usual 022), and takes no mode. This
//! wrapper narrows each object it wrote, and the folders between the root and it, as soon as
//! the write returns. The root itself is 0700 from its creation (see
//! [`super::create_private_dir`]), so nobody else can reach an object in the moment before.

use crate::private_fs::{DIR_MODE, FILE_MODE, restrict};
use async_trait::async_trait;
use futures::stream::BoxStream;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{
    CopyOptions, GetOptions, GetResult, ListResult, MultipartUpload, ObjectMeta, ObjectStore, PutMultipartOptions,
    PutOptions, PutPayload, PutResult, RenameOptions, UploadPart,
};
use std::path::PathBuf;
use std::sync::Arc;

/// A [`LocalFileSystem`] rooted at `root` that makes what it writes private.
#[derive(Debug)]
pub struct PrivateDir {
    inner: Arc<LocalFileSystem>,
    root: PathBuf,
}

impl PrivateDir {
    /// `root` is the directory `inner` was made with (it canonicalizes it, and so do we,
    /// to know where the folders it maps objects into stop being ours to narrow).
    pub fn new(inner: LocalFileSystem, root: PathBuf) -> PrivateDir {
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        PrivateDir { inner: Arc::new(inner), root }
    }
}

impl std::fmt::Display for PrivateDir {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrivateDir({})", self.inner)
    }
}

/// Narrow the object at `location` to 0600 and each folder from the root down to it to
/// 0700. A failure is the write's failure: an object left readable is not a quiet success.
fn make_private(inner: &LocalFileSystem, root: &std::path::Path, location: &Path) -> object_store::Result<()> {
    let file = inner.path_to_filesystem(location)?;
    let fail = |p: &std::path::Path, e: std::io::Error| object_store::Error::Generic {
        store: "LocalFileSystem",
        source: format!("cannot make {} private: {e}", p.display()).into(),
    };
    restrict(&file, FILE_MODE).map_err(|e| fail(&file, e))?;
    let mut dir = file.parent();
    while let Some(d) = dir {
        if !d.starts_with(root) || d == root {
            break;
        }
        restrict(d, DIR_MODE).map_err(|e| fail(d, e))?;
        dir = d.parent();
    }
    Ok(())
}

#[async_trait]
impl ObjectStore for PrivateDir {
    async fn put_opts(
        &self,
        location: &Path,
        payload: PutPayload,
        opts: PutOptions,
    ) -> object_store::Result<PutResult> {
        let r = self.inner.put_opts(location, payload, opts).await?;
        make_private(&self.inner, &self.root, location)?;
        Ok(r)
    }

    async fn put_multipart_opts(
        &self,
        location: &Path,
        opts: PutMultipartOptions,
    ) -> object_store::Result<Box<dyn MultipartUpload>> {
        let upload = self.inner.put_multipart_opts(location, opts).await?;
        Ok(Box::new(PrivateUpload {
            upload,
            inner: self.inner.clone(),
            root: self.root.clone(),
            location: location.clone(),
        }))
    }

    async fn get_opts(&self, location: &Path, options: GetOptions) -> object_store::Result<GetResult> {
        self.inner.get_opts(location, options).await
    }

    fn delete_stream(
        &self,
        locations: BoxStream<'static, object_store::Result<Path>>,
    ) -> BoxStream<'static, object_store::Result<Path>> {
        self.inner.delete_stream(locations)
    }

    fn list(&self, prefix: Option<&Path>) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        self.inner.list(prefix)
    }

    fn list_with_offset(
        &self,
        prefix: Option<&Path>,
        offset: &Path,
    ) -> BoxStream<'static, object_store::Result<ObjectMeta>> {
        self.inner.list_with_offset(prefix, offset)
    }

    async fn list_with_delimiter(&self, prefix: Option<&Path>) -> object_store::Result<ListResult> {
        self.inner.list_with_delimiter(prefix).await
    }

    // A copy is a hard link (the same inode, already private); the folders it made are not.
    async fn copy_opts(&self, from: &Path, to: &Path, options: CopyOptions) -> object_store::Result<()> {
        self.inner.copy_opts(from, to, options).await?;
        make_private(&self.inner, &self.root, to)
    }

    async fn rename_opts(&self, from: &Path, to: &Path, options: RenameOptions) -> object_store::Result<()> {
        self.inner.rename_opts(from, to, options).await?;
        make_private(&self.inner, &self.root, to)
    }
}

/// A multipart upload whose object is made private when it completes.
#[derive(Debug)]
struct PrivateUpload {
    upload: Box<dyn MultipartUpload>,
    inner: Arc<LocalFileSystem>,
    root: PathBuf,
    location: Path,
}

#[async_trait]
impl MultipartUpload for PrivateUpload {
    fn put_part(&mut self, data: PutPayload) -> UploadPart {
        self.upload.put_part(data)
    }

    async fn complete(&mut self) -> object_store::Result<PutResult> {
        let r = self.upload.complete().await?;
        make_private(&self.inner, &self.root, &self.location)?;
        Ok(r)
    }

    async fn abort(&mut self) -> object_store::Result<()> {
        self.upload.abort().await
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::private_fs::mode_of;
    use object_store::ObjectStoreExt as _;

    #[tokio::test]
    async fn objects_and_their_folders_are_private_whatever_the_umask() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().to_path_buf();
        let store = PrivateDir::new(LocalFileSystem::new_with_prefix(&root).unwrap(), root.clone());
        store.put(&Path::from("OPS/gen/pages/Home.md"), "x".into()).await.unwrap();
        store.copy(&Path::from("OPS/gen/pages/Home.md"), &Path::from("OPS/gen2/pages/Home.md")).await.unwrap();
        let mut up = store.put_multipart(&Path::from("OPS/big/blob")).await.unwrap();
        up.put_part("y".into()).await.unwrap();
        up.complete().await.unwrap();
        for f in ["OPS/gen/pages/Home.md", "OPS/gen2/pages/Home.md", "OPS/big/blob"] {
            assert_eq!(mode_of(&root.join(f)).unwrap(), Some(0o600), "{f}");
        }
        for d in ["OPS", "OPS/gen", "OPS/gen/pages", "OPS/gen2/pages", "OPS/big"] {
            assert_eq!(mode_of(&root.join(d)).unwrap(), Some(0o700), "{d}");
        }
    }
}
