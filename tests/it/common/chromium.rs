//! Headless Chromium (Debian's `chromium`, installed by `scripts/test.sh` like Dovecot), to
//! look at a page as a person would: a screenshot and the DOM after parsing. A missing
//! Chromium fails the test with a hint; nothing skips.

use std::path::{Path, PathBuf};

const HINT: &str = "install it with `apt-get install --no-install-recommends chromium` (./scripts/test.sh does), \
or set OPSKIT_CHROMIUM to its path";

/// The Chromium binary: `OPSKIT_CHROMIUM`, else /usr/bin/chromium.
pub fn chromium() -> PathBuf {
    let p = std::env::var_os("OPSKIT_CHROMIUM")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(p.is_file(), "headless Chromium not found at {}\n{HINT}", p.display());
    p
}

/// Chromium with the flags a container needs and a profile of its own under `work`.
fn headless(work: &Path) -> assert_cmd::Command {
    let profile = work.join("chromium-profile");
    std::fs::create_dir_all(&profile).unwrap();
    let mut c = assert_cmd::Command::new(chromium());
    c.args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .env("HOME", work)
        .timeout(std::time::Duration::from_secs(90));
    c
}

fn url(page: &Path) -> String {
    format!("file://{}", page.canonicalize().unwrap().display())
}

/// A PNG screenshot of `page` (1280x2000), as bytes.
pub fn screenshot(work: &Path, page: &Path, name: &str) -> Vec<u8> {
    let png = work.join(name);
    let a = headless(work)
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1280,2000")
        .arg(url(page))
        .assert();
    let out = a.get_output();
    let data = std::fs::read(&png)
        .unwrap_or_else(|e| panic!("chromium wrote no screenshot ({e}):\n{}", String::from_utf8_lossy(&out.stderr)));
    assert!(data.starts_with(b"\x89PNG\r\n\x1a\n"), "{} is not a PNG", png.display());
    data
}

/// The DOM of `page` after Chromium parsed it, serialized.
pub fn dump_dom(work: &Path, page: &Path) -> String {
    let a = headless(work).arg("--dump-dom").arg(url(page)).assert();
    let out = a.get_output();
    assert!(out.status.success(), "chromium --dump-dom failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether a screenshot shows something: it must be much larger than the screenshot of an
/// empty white page of the same size (a blank PNG compresses to almost nothing; text,
/// tables and bars do not). A tiny PNG decoder is not worth a dependency for this.
pub fn assert_not_blank(work: &Path, shot: &[u8]) {
    let blank = work.join("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>").unwrap();
    let blank_shot = screenshot(work, &blank, "blank.png");
    assert!(
        shot.len() > blank_shot.len() * 4,
        "the screenshot looks blank: {} bytes, an empty page's is {} bytes",
        shot.len(),
        blank_shot.len()
    );
}
