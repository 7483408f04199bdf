//! Files opskit writes are its operator's alone: directories 0700, files 0600, whatever the
//! umask of the cron job or shell that started the run. The state holds findings about
//! customers' infrastructure, backups hold their runbooks; neither is for every local user.
//!
//! The modes are asked for at creation (`mkdir`/`open` with the mode, so there is no moment
//! when a new file is readable by others) and only ever narrowed by the umask. A file or
//! directory that already exists keeps the mode its owner gave it.

use std::io::Write as _;
use std::path::Path;

/// The mode of every directory opskit creates.
pub const DIR_MODE: u32 = 0o700;
/// The mode of every file opskit creates.
pub const FILE_MODE: u32 = 0o600;

/// `create_dir_all` with each directory it creates at [`DIR_MODE`].
pub fn create_dir_all(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        b.mode(DIR_MODE);
    }
    b.create(dir)
}

/// Open options that create a file at [`FILE_MODE`].
pub fn open_options() -> std::fs::OpenOptions {
    let mut o = std::fs::OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        o.mode(FILE_MODE);
    }
    o
}

/// Create `path` at [`FILE_MODE`] (the file must not exist: a temp file or a new one) and
/// write `data` to it.
pub fn write_new(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let mut f = open_options().write(true).create_new(true).open(path)?;
    f.write_all(data)?;
    f.sync_all()
}

/// Narrow an existing path to `mode` (files written by a library that does not take a mode).
pub fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// The permission bits of `path` (`None` where there are none, off unix).
pub fn mode_of(path: &Path) -> std::io::Result<Option<u32>> {
    let meta = std::fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        Ok(Some(meta.permissions().mode() & 0o7777))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Ok(None)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn created_dirs_and_files_are_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_dir_all(&dir).unwrap();
        let file = dir.join("f");
        write_new(&file, b"x").unwrap();
        assert_eq!(mode_of(&tmp.path().join("a")).unwrap(), Some(0o700));
        assert_eq!(mode_of(&dir).unwrap(), Some(0o700));
        assert_eq!(mode_of(&file).unwrap(), Some(0o600));
        assert!(write_new(&file, b"y").is_err(), "an existing file is not reused");
    }
}
