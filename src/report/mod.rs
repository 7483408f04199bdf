//! `opskit report`: pages made from what the state store already holds, for people who
//! were not watching the terminal. `status` ([`status`]) is the current state across
//! customers; its renderers ([`render`]) give one self-contained HTML file, Markdown or
//! JSON; [`publish`] puts a report on a Backlog Wiki page. Reports only read the state: they call no cloud API and notify no one.

pub mod ops;
pub mod publish;
pub mod render;
pub mod status;

pub use render::{render_html, render_json, render_markdown};
pub use status::{StatusData, collect};

use std::io::Write as _;
use std::path::Path;

/// Replace `path` with `data` whole: written to a temp file beside it, then renamed over it,
/// so a reader (a web server, a sync job) never sees half a page and a symlink at `path` is
/// replaced, never followed onto the file it points to. A new file is the operator's alone
/// ([`crate::private_fs::FILE_MODE`], as every file opskit creates: the page names customers'
/// resources); a file that exists keeps its mode, so `chmod 644` once for a web server holds.
pub fn write_page(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let keep_mode = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => crate::private_fs::mode_of(path)?,
        _ => None,
    };
    let mut tmp = tempfile::Builder::new().prefix(".opskit-report-").tempfile_in(dir)?;
    tmp.write_all(data)?;
    tmp.as_file().sync_all()?;
    if let Some(mode) = keep_mode {
        crate::private_fs::restrict(tmp.path(), mode)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
