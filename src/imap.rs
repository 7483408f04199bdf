//! An IMAP mailbox, the source of `maintenance-mail ingest --imap`: the UNSEEN messages of one folder,
//! read over implicit TLS (imaps) with `BODY.PEEK[]` so that reading marks nothing, then
//! marked `\Seen` (or moved) only once their notifications were delivered. Wraps async-imap
//! over tokio-rustls; the server's certificate is checked against the platform's roots
//! plus an optional `tls_ca_file`.
//!
//! The password comes from `password_env` or `password_file`, is read only when `--imap`
//! runs (a dx-vif cron job needs no IMAP password in its environment), and is registered
//! for redaction in every form the IMAP library could log it in.

use crate::config::{Config, ConfigError, Env};
use crate::error::{AppError, AppResult};
use crate::redact::Secret;
use futures::TryStreamExt as _;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio_rustls::rustls;

pub const DEFAULT_PORT: u16 = 993;
pub const DEFAULT_FOLDER: &str = "INBOX";
/// Messages read per run; a backlog is worked off oldest first over the next runs.
pub const DEFAULT_MAX_MESSAGES: usize = 200;
const KEY: &str = "commands.maintenance-mail.imap";

/// `[commands.maintenance-mail.imap]`: the mailbox `ingest --imap` reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "RawImapSettings")]
pub struct ImapSettings {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub password: PasswordSource,
    /// The folder whose UNSEEN messages are read.
    pub folder: String,
    /// Where told messages go; `None`: they stay in `folder`, marked `\Seen`.
    pub move_to: Option<String>,
    /// PEM certificates trusted in addition to the platform's roots (a private CA).
    pub tls_ca_file: Option<PathBuf>,
    pub max_messages: usize,
}

/// Where the password is read from, when `--imap` runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSource {
    Env(String),
    File(PathBuf),
}

/// The table as written; [`ImapSettings`] is what it means.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImapSettings {
    host: String,
    port: Option<u16>,
    user: String,
    password_env: Option<String>,
    password_file: Option<PathBuf>,
    folder: Option<String>,
    move_to: Option<String>,
    tls_ca_file: Option<PathBuf>,
    max_messages: Option<usize>,
}

impl TryFrom<RawImapSettings> for ImapSettings {
    type Error = String;

    fn try_from(r: RawImapSettings) -> Result<Self, String> {
        if r.host.trim().is_empty() {
            return Err("`host` is empty".into());
        }
        if r.user.is_empty() {
            return Err("`user` is empty".into());
        }
        let password = match (r.password_env, r.password_file) {
            (Some(var), None) if !var.is_empty() => PasswordSource::Env(var),
            (None, Some(path)) => PasswordSource::File(path),
            (Some(_), Some(_)) => return Err("give only one of `password_env` and `password_file`".into()),
            _ => {
                return Err("missing the password: set `password_env = \"VAR\"` (an environment variable) \
                            or `password_file = \"/path\"`"
                    .into());
            }
        };
        let folder = r.folder.unwrap_or_else(|| DEFAULT_FOLDER.into());
        if folder.is_empty() {
            return Err("`folder` is empty".into());
        }
        if let Some(to) = &r.move_to
            && (to.is_empty() || *to == folder)
        {
            return Err(format!("`move_to` must name another folder than `{folder}`"));
        }
        let max_messages = r.max_messages.unwrap_or(DEFAULT_MAX_MESSAGES);
        if max_messages == 0 {
            return Err("`max_messages` must be at least 1".into());
        }
        match r.port {
            Some(0) => Err("`port` must not be 0".into()),
            port => Ok(ImapSettings {
                host: r.host.trim().to_string(),
                port: port.unwrap_or(DEFAULT_PORT),
                user: r.user,
                password,
                folder,
                move_to: r.move_to,
                tls_ca_file: r.tls_ca_file,
                max_messages,
            }),
        }
    }
}

impl ImapSettings {
    /// `imap://user@host:port/folder`: how messages are labelled and errors name the mailbox.
    pub fn url(&self) -> String {
        let user: String = self
            .user
            .chars()
            .map(|c| match c {
                '@' | '/' | ':' | ';' | '%' => format!("%{:02X}", c as u32),
                c => c.to_string(),
            })
            .collect();
        let host = if self.host.contains(':') { format!("[{}]", self.host) } else { self.host.clone() };
        format!("imap://{user}@{host}:{}/{}", self.port, self.folder)
    }

    /// Read the password (exit 2 when it cannot be had, naming the key).
    pub fn password(&self, config: &Config, env: &Env) -> Result<Secret, ConfigError> {
        let value = match &self.password {
            PasswordSource::Env(var) => env.get(var).ok_or_else(|| {
                config_error(
                    config,
                    &format!("{KEY}.password_env"),
                    format!("environment variable `{var}` is not set or empty"),
                    Some(format!(
                        "export {var}=… in the environment of the opskit process (systemd: EnvironmentFile=)"
                    )),
                )
            })?,
            PasswordSource::File(path) => {
                let key = format!("{KEY}.password_file");
                let text = std::fs::read_to_string(path).map_err(|e| {
                    config_error(config, &key, format!("cannot read password file {}: {e}", path.display()), None)
                })?;
                if readable_by_others(path) {
                    tracing::warn!(file = %path.display(), "password file is readable by group or others; chmod 600 it");
                }
                // The first line: a trailing newline is never part of a password.
                let line = text.lines().next().unwrap_or_default().to_string();
                if line.is_empty() {
                    return Err(config_error(config, &key, format!("password file {} is empty", path.display()), None));
                }
                line
            }
        };
        Ok(secret_password(value))
    }
}

/// The password as a [`Secret`], with the escaped forms it takes in an IMAP `LOGIN` command
/// (and in a log line quoting that command) masked too.
fn secret_password(value: String) -> Secret {
    let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
    for form in [quoted.escape_debug().to_string(), quoted, value.escape_debug().to_string()] {
        crate::redact::register(&form);
    }
    Secret::new(value)
}

#[cfg(unix)]
fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
}

#[cfg(not(unix))]
fn readable_by_others(_: &Path) -> bool {
    false
}

fn config_error(config: &Config, key: &str, message: String, hint: Option<String>) -> ConfigError {
    let text = config.file.as_ref().and_then(|f| std::fs::read_to_string(f).ok());
    ConfigError {
        file: config.file.clone(),
        line: text.as_deref().and_then(|t| crate::config::locate(t, key)),
        key: Some(key.to_string()),
        message,
        hint,
    }
}

// ---------------------------------------------------------------------------------------
// The connection
// ---------------------------------------------------------------------------------------

type Stream = tokio_rustls::client::TlsStream<tokio::net::TcpStream>;

/// One UNSEEN message as fetched: not marked in any way yet.
pub struct ImapMessage {
    pub uid: u32,
    /// `imap://user@host:port/folder;UID=n`
    pub label: String,
    pub raw: Vec<u8>,
}

/// A logged-in session with the folder selected, held over the spine run so told messages
/// can be settled afterwards.
pub struct Mailbox {
    session: async_imap::Session<Stream>,
    settings: ImapSettings,
    timeout: Duration,
    can_move: bool,
    uidplus: bool,
}

/// A failure to reach or use the mailbox: exit 3, named by its URL, with a hint on its
/// own line where one helps.
fn failure(url: &str, what: impl std::fmt::Display, hint: Option<&str>) -> AppError {
    let mut msg = format!("{url}: {what}");
    if let Some(h) = hint {
        msg.push_str("\nhint: ");
        msg.push_str(h);
    }
    AppError::Run(anyhow::anyhow!(msg))
}

/// The server's own words in a NO or BAD answer (async-imap wraps them in Debug text).
fn server_text(e: &async_imap::error::Error) -> String {
    use async_imap::error::Error;
    match e {
        Error::No(s) | Error::Bad(s) => {
            let info = s.split_once("info: Some(\"").and_then(|(_, rest)| rest.rsplit_once("\")")).map(|(t, _)| t);
            let code = s
                .strip_prefix("code: Some(")
                .and_then(|rest| rest.split_once("), info:"))
                .map(|(c, _)| c.to_ascii_uppercase());
            match (code, info) {
                (Some(c), Some(i)) => format!("[{c}] {}", i.replace("\\\"", "\"")),
                (None, Some(i)) => i.replace("\\\"", "\""),
                _ => s.clone(),
            }
        }
        other => other.to_string(),
    }
}

type Certificate = rustls::pki_types::CertificateDer<'static>;

/// The PEM certificates of `tls_ca_file` (exit 2 naming the key when it has none).
fn read_ca_file(config: &Config, path: &Path) -> Result<Vec<Certificate>, ConfigError> {
    use rustls::pki_types::pem::PemObject as _;
    let bad = |e: &dyn std::fmt::Display| {
        let msg = format!("cannot read certificates from {}: {e}", path.display());
        config_error(config, &format!("{KEY}.tls_ca_file"), msg, None)
    };
    let certs =
        Certificate::pem_file_iter(path).map_err(|e| bad(&e))?.collect::<Result<Vec<_>, _>>().map_err(|e| bad(&e))?;
    if certs.is_empty() {
        return Err(bad(&"no PEM certificate in it"));
    }
    Ok(certs)
}

/// A TLS client config: the platform's roots plus `extra_roots`.
fn tls_config(url: &str, extra_roots: Vec<Certificate>) -> AppResult<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let verifier = rustls_platform_verifier::Verifier::new_with_extra_roots(extra_roots, provider.clone()).map_err(|e| {
        failure(
            url,
            format!("cannot set up TLS: {e}"),
            Some("install the ca-certificates package, or set tls_ca_file to the CA that signed the server's certificate"),
        )
    })?;
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| failure(url, format!("cannot set up TLS: {e}"), None))?
        // rustls' door for any verifier of one's own; this one verifies in full (webpki).
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth())
}

/// `1:3,5,8:9` for UIDs 1 2 3 5 8 9 (sorted, no duplicates).
pub fn uid_set(uids: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < uids.len() {
        let start = uids[i];
        let mut end = start;
        while i + 1 < uids.len() && uids[i + 1] == end + 1 {
            i += 1;
            end = uids[i];
        }
        parts.push(if start == end { start.to_string() } else { format!("{start}:{end}") });
        i += 1;
    }
    parts.join(",")
}

/// A folder name in IMAP's modified UTF-7 (RFC 3501 5.1.3): `処理済み` is `&UeZ0Bm4IMH8-`.
pub fn folder_name(name: &str) -> String {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD_NO_PAD;
    let mut out = String::new();
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push('&');
        out.push_str(&b64.encode(bytes).replace('/', ","));
        out.push('-');
        pending.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut pending, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            pending.extend(c.encode_utf16(&mut [0; 2]).iter());
        }
    }
    flush(&mut pending, &mut out);
    out
}

impl Mailbox {
    /// Connect, log in and select the folder of `[commands.maintenance-mail.imap]`
    /// (`settings`; `None` when the config has no such table, a config error naming it);
    /// check that `move_to` exists, so nothing is told that could not be settled. `config`
    /// locates errors in the file, `env` holds `password_env`, `timeout` bounds each step.
    pub async fn open(
        settings: Option<&ImapSettings>,
        config: &Config,
        env: &Env,
        timeout: Duration,
    ) -> AppResult<Mailbox> {
        let settings = settings.cloned().ok_or_else(|| {
            config_error(
                config,
                "commands.maintenance-mail",
                "`--imap` needs the mailbox in [commands.maintenance-mail.imap]".into(),
                Some("set host, user and password_env (or password_file) there; see the README".into()),
            )
        })?;
        let password = settings.password(config, env)?;
        let extra_roots = match &settings.tls_ca_file {
            Some(path) => read_ca_file(config, path)?,
            None => Vec::new(),
        };
        Mailbox::connect(settings, &password, extra_roots, timeout).await
    }

    async fn connect(
        settings: ImapSettings,
        password: &Secret,
        extra_roots: Vec<Certificate>,
        timeout: Duration,
    ) -> AppResult<Mailbox> {
        let url = settings.url();
        let within = |what: &'static str| {
            let url = url.clone();
            move |_| failure(&url, format!("no answer within {} while {what}", crate::config::Dur(timeout)), None)
        };
        let tls = tokio_rustls::TlsConnector::from(Arc::new(tls_config(&url, extra_roots)?));
        let name = rustls::pki_types::ServerName::try_from(settings.host.clone())
            .map_err(|e| failure(&url, format!("`{}` is not a host name: {e}", settings.host), None))?;

        tracing::debug!(mailbox = %url, "connecting");
        let tcp =
            tokio::time::timeout(timeout, tokio::net::TcpStream::connect((settings.host.as_str(), settings.port)))
                .await
                .map_err(within("connecting"))?
                .map_err(|e| failure(&url, format!("cannot connect: {e}"), None))?;
        let stream = tokio::time::timeout(timeout, tls.connect(name, tcp))
            .await
            .map_err(within("setting up TLS"))?
            .map_err(|e| {
                let hint = tls_hint(&e, settings.port);
                failure(&url, format!("TLS handshake failed: {e}"), hint)
            })?;
        let mut client = async_imap::Client::new(stream);
        let greeting = tokio::time::timeout(timeout, client.read_response())
            .await
            .map_err(within("waiting for the greeting"))?
            .map_err(|e| failure(&url, format!("reading the greeting: {e}"), None))?;
        if greeting.is_none() {
            return Err(failure(&url, "the server closed the connection before greeting", None));
        }

        tracing::debug!(mailbox = %url, "logging in");
        let mut session = tokio::time::timeout(timeout, client.login(&settings.user, password.expose()))
            .await
            .map_err(within("logging in"))?
            .map_err(|(e, _)| {
                let hint = match &settings.password {
                    PasswordSource::Env(var) => format!("check `user` and the password in ${var}"),
                    PasswordSource::File(p) => format!("check `user` and the password in {}", p.display()),
                };
                failure(&url, format!("login as {} failed: {}", settings.user, server_text(&e)), Some(&hint))
            })?;
        let caps = tokio::time::timeout(timeout, session.capabilities())
            .await
            .map_err(within("asking for capabilities"))?
            .map_err(|e| failure(&url, format!("CAPABILITY failed: {}", server_text(&e)), None))?;
        let (can_move, uidplus) = (caps.has_str("MOVE"), caps.has_str("UIDPLUS"));

        tokio::time::timeout(timeout, session.select(folder_name(&settings.folder)))
            .await
            .map_err(within("opening the folder"))?
            .map_err(|e| {
                failure(
                    &url,
                    format!("cannot open folder `{}`: {}", settings.folder, server_text(&e)),
                    Some("folder names are case-sensitive (except INBOX); a subfolder is usually written with the server's separator, e.g. INBOX/aws or INBOX.aws"),
                )
            })?;
        if let Some(to) = &settings.move_to {
            tokio::time::timeout(timeout, session.status(folder_name(to), "(MESSAGES)"))
                .await
                .map_err(within("checking the move_to folder"))?
                .map_err(|e| {
                    failure(
                        &url,
                        format!("cannot use move_to folder `{to}`: {}", server_text(&e)),
                        Some("create that folder on the server, or remove move_to to only mark told messages seen"),
                    )
                })?;
        }
        tracing::debug!(mailbox = %url, can_move, uidplus, "folder selected");
        Ok(Mailbox { session, settings, timeout, can_move, uidplus })
    }

    pub fn url(&self) -> String {
        self.settings.url()
    }

    /// The folder's UNSEEN (and not deleted) messages, oldest first, at most `max_messages`.
    /// `BODY.PEEK[]` leaves them unseen.
    pub async fn unseen(&mut self) -> AppResult<Vec<ImapMessage>> {
        let url = self.url();
        let timeout = self.timeout;
        let within = |what: &'static str| {
            let url = url.clone();
            move |_| failure(&url, format!("no answer within {} while {what}", crate::config::Dur(timeout)), None)
        };
        let found = tokio::time::timeout(timeout, self.session.uid_search("UNSEEN UNDELETED"))
            .await
            .map_err(within("searching"))?
            .map_err(|e| failure(&url, format!("UID SEARCH UNSEEN failed: {}", server_text(&e)), None))?;
        let mut uids: Vec<u32> = found.into_iter().collect();
        uids.sort_unstable();
        if uids.len() > self.settings.max_messages {
            tracing::warn!(
                mailbox = %url,
                "{} unseen messages; reading the oldest {} now (max_messages), the rest in the next runs",
                uids.len(),
                self.settings.max_messages
            );
            uids.truncate(self.settings.max_messages);
        }
        tracing::info!(mailbox = %url, "{} unseen messages", uids.len());
        if uids.is_empty() {
            return Ok(Vec::new());
        }
        let fetched = async {
            let stream = self.session.uid_fetch(uid_set(&uids), "(UID BODY.PEEK[])").await?;
            stream.try_collect::<Vec<_>>().await
        };
        let fetched = tokio::time::timeout(timeout, fetched)
            .await
            .map_err(within("fetching messages"))?
            .map_err(|e| failure(&url, format!("UID FETCH failed: {}", server_text(&e)), None))?;
        let mut out: Vec<ImapMessage> = fetched
            .iter()
            .filter_map(|f| {
                let uid = f.uid?;
                let raw = f.body()?.to_vec();
                Some(ImapMessage { uid, label: format!("{url};UID={uid}"), raw })
            })
            .collect();
        out.sort_by_key(|m| m.uid);
        // A message expunged between SEARCH and FETCH is simply gone.
        Ok(out)
    }

    /// Mark the told messages `\Seen` and, with `move_to`, move them there (COPY, STORE
    /// `\Deleted` and EXPUNGE where the server has no MOVE), then log out. A failure is an
    /// error of the run (exit 3); the notices went out, so the next run marks the messages
    /// without telling them again.
    pub async fn settle(mut self, uids: &[u32], report: &mut crate::spine::engine::RunReport) {
        let result = tokio::time::timeout(self.timeout, self.settle_inner(uids)).await;
        let _ = tokio::time::timeout(Duration::from_secs(5), self.session.logout()).await;
        let message = match result {
            Ok(Ok(())) => return,
            Ok(Err(e)) => format!("marking {} told messages failed: {}", uids.len(), server_text(&e)),
            Err(_) => format!("no answer within {} while marking told messages", crate::config::Dur(self.timeout)),
        };
        report.errors.push(crate::spine::engine::TargetError::new(self.url(), message));
        report.summary.errors += 1;
    }

    async fn settle_inner(&mut self, uids: &[u32]) -> async_imap::error::Result<()> {
        if uids.is_empty() {
            return Ok(());
        }
        let mut uids = uids.to_vec();
        uids.sort_unstable();
        uids.dedup();
        let set = uid_set(&uids);
        self.session.uid_store(&set, "+FLAGS.SILENT (\\Seen)").await?.try_collect::<Vec<_>>().await?;
        let Some(to) = self.settings.move_to.clone() else {
            tracing::info!(mailbox = %self.url(), "marked {} messages seen", uids.len());
            return Ok(());
        };
        let to_name = folder_name(&to);
        if self.can_move {
            self.session.uid_mv(&set, &to_name).await?;
        } else {
            self.session.uid_copy(&set, &to_name).await?;
            self.session.uid_store(&set, "+FLAGS.SILENT (\\Deleted)").await?.try_collect::<Vec<_>>().await?;
            if self.uidplus {
                self.session.uid_expunge(&set).await?.try_collect::<Vec<_>>().await?;
            } else {
                // Without UIDPLUS, EXPUNGE also removes messages someone else marked \Deleted.
                self.session.expunge().await?.try_collect::<Vec<_>>().await?;
            }
        }
        tracing::info!(mailbox = %self.url(), "moved {} messages to {to}", uids.len());
        Ok(())
    }
}

/// What to try when the handshake failed.
fn tls_hint(e: &std::io::Error, port: u16) -> Option<&'static str> {
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>());
    match inner {
        Some(rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)) => Some(
            "the server's certificate is not signed by a CA this machine trusts; for a private CA or a \
             self-signed certificate set tls_ca_file = \"/path/ca.pem\" in [commands.maintenance-mail.imap]",
        ),
        Some(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForName))
        | Some(rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForNameContext { .. })) => {
            Some("the certificate does not name this host: set host to a name the certificate is issued for")
        }
        // webpki's reason arrives wrapped in an opaque error: its name is what there is.
        Some(rustls::Error::InvalidCertificate(rustls::CertificateError::Other(o)))
            if o.to_string().contains("CaUsedAsEndEntity") =>
        {
            Some(
                "the server presents a CA certificate as its own (a bare `openssl req -x509` makes one); \
                 reissue it with basicConstraints CA:FALSE, or sign it with a small CA and give that CA in tls_ca_file",
            )
        }
        Some(rustls::Error::InvalidCertificate(_)) => Some(
            "the server's certificate could not be verified against the trusted roots; for a private CA or a \
             self-signed certificate set tls_ca_file = \"/path/ca.pem\" in [commands.maintenance-mail.imap]",
        ),
        _ if port == 143 => Some("port 143 is plain IMAP (STARTTLS); opskit speaks implicit TLS, usually on port 993"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CommandSection;

    /// The `[commands.maintenance-mail]` table as far as this module reads it.
    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct Settings {
        imap: Option<ImapSettings>,
    }

    const SECTIONS: &[CommandSection] = &[CommandSection { name: "maintenance-mail", check: |_| Ok(()) }];

    fn load(imap: &str) -> Result<Settings, ConfigError> {
        let text = format!("[commands.maintenance-mail.imap]\n{imap}");
        crate::config::parse_and_check(&text, None, &Env::process(), SECTIONS)
            .and_then(|c| c.command_settings("maintenance-mail"))
    }

    #[test]
    fn defaults_fill_port_folder_and_limit() {
        let s = load("host = \"imap.example.com\"\nuser = \"ops@example.com\"\npassword_env = \"IMAP_PW\"\n")
            .unwrap()
            .imap
            .unwrap();
        assert_eq!((s.port, s.folder.as_str(), s.max_messages), (993, "INBOX", DEFAULT_MAX_MESSAGES));
        assert_eq!(s.password, PasswordSource::Env("IMAP_PW".into()));
        assert_eq!(s.move_to, None);
        assert_eq!(s.url(), "imap://ops%40example.com@imap.example.com:993/INBOX");
    }

    #[test]
    fn exactly_one_password_source_is_required() {
        let both = load("host = \"h\"\nuser = \"u\"\npassword_env = \"X\"\npassword_file = \"/p\"\n").unwrap_err();
        assert_eq!(both.key.as_deref(), Some("commands.maintenance-mail.imap"), "{both}");
        assert!(both.message.contains("only one of `password_env` and `password_file`"), "{both}");
        let none = load("host = \"h\"\nuser = \"u\"\n").unwrap_err();
        assert!(none.message.contains("password_env"), "{none}");
    }

    #[test]
    fn a_literal_password_or_an_unknown_key_is_refused() {
        let err = load("host = \"h\"\nuser = \"u\"\npassword = \"hunter22\"\n").unwrap_err();
        assert!(err.message.contains("unknown field `password`"), "{err}");
        assert_eq!(err.key.as_deref(), Some("commands.maintenance-mail.imap.password"), "{err}");
    }

    #[test]
    fn move_to_must_be_another_folder() {
        let err = load("host = \"h\"\nuser = \"u\"\npassword_env = \"X\"\nfolder = \"aws\"\nmove_to = \"aws\"\n")
            .unwrap_err();
        assert!(err.message.contains("move_to"), "{err}");
    }

    #[test]
    fn a_tls_ca_file_without_certificates_is_a_config_error_naming_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let pem = dir.path().join("ca.pem");
        std::fs::write(&pem, "not a certificate\n").unwrap();
        let config = crate::config::parse_and_resolve("", None, &Env::process()).unwrap();
        let err = read_ca_file(&config, &pem).unwrap_err();
        assert_eq!(err.key.as_deref(), Some("commands.maintenance-mail.imap.tls_ca_file"));
        assert!(err.message.contains("no PEM certificate"), "{err}");
        assert!(read_ca_file(&config, &dir.path().join("missing.pem")).is_err());
    }

    #[test]
    fn uid_sets_collapse_runs() {
        assert_eq!(uid_set(&[1, 2, 3, 5, 8, 9]), "1:3,5,8:9");
        assert_eq!(uid_set(&[42]), "42");
        assert_eq!(uid_set(&[]), "");
    }

    #[test]
    fn folder_names_use_modified_utf7() {
        assert_eq!(folder_name("INBOX"), "INBOX");
        assert_eq!(folder_name("R&D"), "R&-D");
        // RFC 3501's own example.
        assert_eq!(
            folder_name("~peter/mail/\u{65E5}\u{672C}\u{8A9E}/\u{53F0}\u{5317}"),
            "~peter/mail/&ZeVnLIqe-/&U,BTFw-"
        );
        assert_eq!(folder_name("AWS/処理済み"), "AWS/&UeZ0Bm4IMH8-");
    }

    #[test]
    fn a_no_answer_shows_the_servers_words() {
        let e = async_imap::error::Error::No(
            "code: Some(AuthenticationFailed), info: Some(\"Authentication failed.\")".into(),
        );
        assert_eq!(server_text(&e), "[AUTHENTICATIONFAILED] Authentication failed.");
    }

    #[test]
    fn the_login_forms_of_a_password_are_masked() {
        let s = secret_password("pa\"ss\\word-1".into());
        let login = format!("LOGIN \"alice\" \"{}\"", s.expose().replace('\\', "\\\\").replace('"', "\\\""));
        assert!(!crate::redact::redact(&login).contains("ss"), "{}", crate::redact::redact(&login));
        let logged = format!("{login:?}");
        assert!(!crate::redact::redact(&logged).contains("ss"), "{}", crate::redact::redact(&logged));
    }
}
