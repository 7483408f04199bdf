//! Dovecot (Debian's `dovecot-imapd`), the real IMAP server the `maintenance-mail ingest
//! --imap` tests talk to.
//!
//! [`Dovecot::start`] runs one server per test on a free loopback port from a temp config:
//! implicit TLS only (`ssl = required`) with a self-signed certificate made by `openssl`
//! (which dovecot-core depends on), one passwd-file user with a plain password,
//! Maildir storage in the temp dir. It is stopped on drop. The binary comes from
//! `OPSKIT_DOVECOT` (what `./scripts/test.sh` exports); when that is unset or missing, the
//! test panics with the install hint: a test that silently skips proves nothing.
//!
//! Run as root (as here and on CI), Dovecot keeps its login and internal processes on the
//! package's `dovenull` and `dovecot` users and refuses uid 0 for mail, so the mail is
//! `nobody`'s; run as anyone else, every process and the mail are that user's.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio_rustls::rustls;

pub const ENV_DOVECOT: &str = opskit::env_vars::OPSKIT_DOVECOT;
pub const USER: &str = "alice";
/// Quotes and a backslash: the LOGIN command escapes them, and the escaped forms must not
/// leak either. (A passwd-file field cannot hold a colon.)
pub const PASSWORD: &str = "opskit-s3cret\"pw\\42";
/// The part of [`PASSWORD`] every output is checked for.
pub const PASSWORD_CORE: &str = "s3cret";
/// The variable the tests' configs name in `password_env`.
pub const PASSWORD_ENV: &str = "OPSKIT_TEST_IMAP_PASSWORD";
const START_TIMEOUT: Duration = Duration::from_secs(20);

type Session = async_imap::Session<tokio_rustls::client::TlsStream<tokio::net::TcpStream>>;

pub struct Dovecot {
    child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl Dovecot {
    pub fn start() -> Dovecot {
        Dovecot::start_with("")
    }

    /// Start with extra lines appended to the config (e.g. `imap_capability = …`).
    pub fn start_with(extra_config: &str) -> Dovecot {
        let bin = find_binary();
        let dir = tempfile::Builder::new().prefix("opskit-dovecot-").tempdir().unwrap();
        make_certificates(dir.path());
        let mut last_err = String::new();
        // The port is free when we look; another process may take it before Dovecot binds,
        // so a server that dies at once is retried on a new port.
        for _ in 0..3 {
            let port = free_port();
            std::fs::write(dir.path().join("dovecot.conf"), config(dir.path(), port, extra_config)).unwrap();
            let _ = std::fs::remove_file(dir.path().join("dovecot.log"));
            let mut child = Command::new(&bin)
                .args(["-F", "-c"])
                .arg(dir.path().join("dovecot.conf"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(std::fs::File::create(dir.path().join("stderr.log")).unwrap())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot run {}: {e}\n{}", bin.display(), hint()));
            match wait_ready(&mut child, port) {
                Ok(()) => return Dovecot { child, port, dir },
                Err(e) => {
                    stop(&mut child);
                    let log = |n: &str| std::fs::read_to_string(dir.path().join(n)).unwrap_or_default();
                    last_err = format!("{e}\n{}{}", log("stderr.log"), log("dovecot.log"));
                }
            }
        }
        panic!("Dovecot did not start: {last_err}");
    }

    /// The server's self-signed certificate (PEM), for `tls_ca_file`.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.path().join("server.pem")
    }

    /// `[commands.maintenance-mail.imap]` for this server, `extra` lines appended.
    pub fn imap_toml(&self, trust_ca: bool, extra: &str) -> String {
        let ca = if trust_ca { format!("tls_ca_file = \"{}\"\n", self.ca_file().display()) } else { String::new() };
        format!(
            "[commands.maintenance-mail.imap]\nhost = \"127.0.0.1\"\nport = {}\nuser = \"{USER}\"\n\
             password_env = \"{PASSWORD_ENV}\"\n{ca}{extra}",
            self.port
        )
    }

    /// Dovecot's own log (logins, and per session how many messages were flagged deleted).
    pub fn log(&self) -> String {
        let read = |n: &str| std::fs::read_to_string(self.dir.path().join(n)).unwrap_or_default();
        format!("{}{}", read("stderr.log"), read("dovecot.log"))
    }

    /// The log once a line containing `needle` is in it (the log process writes late).
    pub fn log_with(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let log = self.log();
            if log.contains(needle) || Instant::now() > deadline {
                return log;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// APPEND a message to `folder`, unseen.
    pub fn append(&self, folder: &str, raw: &[u8]) {
        self.with_session(|mut s| async move {
            s.append(folder, None, None, raw).await.unwrap_or_else(|e| panic!("APPEND to {folder}: {e}"));
            s
        });
    }

    pub fn create_folder(&self, folder: &str) {
        self.with_session(|mut s| async move {
            s.create(folder).await.unwrap_or_else(|e| panic!("CREATE {folder}: {e}"));
            s
        });
    }

    /// `UID SEARCH query` in `folder` (read-only), sorted.
    pub fn search(&self, folder: &str, query: &str) -> Vec<u32> {
        let mut found = Vec::new();
        let out = &mut found;
        self.with_session(|mut s| async move {
            s.examine(folder).await.unwrap_or_else(|e| panic!("EXAMINE {folder}: {e}"));
            out.extend(s.uid_search(query).await.unwrap_or_else(|e| panic!("UID SEARCH {query}: {e}")));
            s
        });
        found.sort_unstable();
        found
    }

    /// Log in as [`USER`] (trusting the server's certificate), run `f`, log out.
    fn with_session<'a, F, Fut>(&self, f: F)
    where
        F: FnOnce(Session) -> Fut + 'a,
        Fut: std::future::Future<Output = Session> + 'a,
    {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let ca = self.ca_file();
        let port = self.port;
        rt.block_on(async move {
            let session = login(&ca, port).await;
            let mut session = f(session).await;
            session.logout().await.unwrap();
        });
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        stop(&mut self.child);
    }
}

fn wait_ready(child: &mut Child, port: u16) -> Result<(), String> {
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let deadline = Instant::now() + START_TIMEOUT;
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("dovecot exited with {status}"));
        }
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("dovecot did not answer on {addr} within {START_TIMEOUT:?}"))
}

fn stop(child: &mut Child) {
    // SIGTERM lets the master take its login, auth and log processes down with it.
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}

async fn login(ca: &Path, port: u16) -> Session {
    use rustls::pki_types::pem::PemObject as _;
    let mut roots = rustls::RootCertStore::empty();
    roots.add(rustls::pki_types::CertificateDer::from_pem_file(ca).unwrap()).unwrap();
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let name = rustls::pki_types::ServerName::try_from("localhost").unwrap();
    let tls = tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp).await.unwrap();
    let mut client = async_imap::Client::new(tls);
    client.read_response().await.unwrap().expect("a greeting");
    client.login(USER, PASSWORD).await.map_err(|(e, _)| e).expect("the test user logs in")
}

fn config(dir: &Path, port: u16, extra: &str) -> String {
    let d = dir.display();
    let root = id(&["-u"]) == "0";
    // As root: the package's dovenull/dovecot users run login and internal processes, and
    // the mail is nobody's (Dovecot refuses uid 0 for mail). Otherwise everything is ours.
    let (mail_uid, mail_gid, users) = if root {
        ("nobody".to_string(), "nogroup".to_string(), String::new())
    } else {
        let (user, group) = (id(&["-un"]), id(&["-gn"]));
        let users =
            format!("default_login_user = {user}\ndefault_internal_user = {user}\ndefault_internal_group = {group}\n");
        (user, group, users)
    };
    format!(
        "# An opskit test instance: loopback, implicit TLS only, one user, Maildir under {d}.
base_dir = {d}/run
state_dir = {d}/state
instance_name = opskit-test-{port}
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{d}/server.pem
ssl_key = <{d}/server.key
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={d}/home/%u
}}
mail_location = maildir:~/Maildir
first_valid_uid = 1
{users}service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
{extra}
"
    )
}

/// A self-signed server certificate for localhost and 127.0.0.1 (not a CA: rustls takes
/// such a certificate as its own trust anchor), the passwd file, and directory modes that
/// let Dovecot's own users in. Its subject is not `CN=localhost`: the ssl-cert package
/// (a dependency of dovecot-core) puts a snakeoil certificate by that name in
/// /etc/ssl/certs, where the system's roots are read from.
fn make_certificates(dir: &Path) {
    let out = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"])
        .args(["-keyout", "server.key", "-out", "server.pem", "-days", "2", "-subj", "/CN=opskit-test-imap"])
        .args(["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-addext", "basicConstraints=critical,CA:FALSE"])
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run openssl (dovecot-core depends on it): {e}\n{}", hint()));
    assert!(out.status.success(), "openssl req: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(dir.join("passwd"), format!("{USER}:{{PLAIN}}{PASSWORD}:::::\n")).unwrap();
    std::fs::create_dir_all(dir.join("home")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
        mode(dir, 0o711);
        mode(&dir.join("home"), 0o1777);
        mode(&dir.join("passwd"), 0o644);
    }
}

fn id(args: &[&str]) -> String {
    let out = Command::new("id").args(args).output().expect("running id");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn hint() -> String {
    format!("hint: install Dovecot: apt-get install dovecot-imapd, or run ./scripts/test.sh (it sets {ENV_DOVECOT})")
}

fn find_binary() -> PathBuf {
    let Some(p) = std::env::var_os(ENV_DOVECOT).filter(|p| !p.is_empty()) else {
        panic!("{ENV_DOVECOT} is not set: the IMAP tests need a real Dovecot\n{}", hint());
    };
    let p = PathBuf::from(p);
    assert!(p.is_file(), "{ENV_DOVECOT}={} does not exist\n{}", p.display(), hint());
    p
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("binding a free loopback port")
}
