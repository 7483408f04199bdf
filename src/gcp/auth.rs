//! Google credentials: Application Default Credentials read the way Google's own libraries
//! read them, turned into `Authorization: Bearer …` values for any Google API (GCS today,
//! Compute next), through gcloud-auth.
//!
//! Where the credentials come from, in this order:
//! 1. the file `GOOGLE_APPLICATION_CREDENTIALS` names;
//! 2. gcloud's `application_default_credentials.json` (`gcloud auth application-default
//!    login`) in `$CLOUDSDK_CONFIG`, else `~/.config/gcloud` (`%APPDATA%\gcloud` on Windows);
//! 3. the metadata server (GCE, GKE, Cloud Run: the attached service account).
//!
//! A file may hold a service-account key (`service_account`), a user's refresh token
//! (`authorized_user`) or a workload identity federation configuration (`external_account`:
//! a subject token from a file, a URL or AWS, exchanged at Google's STS, optionally for a
//! service account's token).
//!
//! The environment is read here only through [`Env`] (never `std::env`), and opening is
//! cheap: the file is read and checked at once (a missing or malformed file fails before any
//! request), the first token is fetched on first use and refreshed when it expires.
//! gcloud-auth's own `CredentialsFile::new` and `DefaultTokenSourceProvider::new` are not
//! used: they read `std::env` and probe the metadata server on construction.
//!
//! Why gcloud-auth: it is the credentials half of `gcloud-storage` (the GCS client, see
//! [`crate::storage::gcs`]), so GCS and Compute share one stack; it reads workload identity
//! federation, which object_store's GCP credentials did not. Build cost, measured on this
//! 2-core machine: see the README's dependency section.

use crate::config::Env;
use gcloud_auth::credentials::CredentialsFile;
use gcloud_auth::project::{Config, Project, ProjectInfo, create_token_source_from_project};
use gcloud_auth::token_source::TokenSource as GoogleTokenSource;
use std::path::PathBuf;
use std::sync::Arc;

/// The scopes of a token good for every Google API the credentials may use.
pub const CLOUD_PLATFORM: &[&str] = &["https://www.googleapis.com/auth/cloud-platform"];

/// Credentials, or the reason there are none, in words fit for the user (secrets redacted).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct AuthError(pub String);

fn fail(text: impl AsRef<str>) -> AuthError {
    AuthError(crate::redact::redact(text.as_ref()))
}

/// Where the credentials were found: said in errors, so the user knows which file to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `GOOGLE_APPLICATION_CREDENTIALS`' file.
    EnvFile(PathBuf),
    /// gcloud's application-default credentials.
    WellKnownFile(PathBuf),
    /// No file: the metadata server. `looked_at`: the well-known file that was not there.
    MetadataServer { looked_at: Option<PathBuf> },
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::EnvFile(p) => write!(f, "GOOGLE_APPLICATION_CREDENTIALS ({})", p.display()),
            Origin::WellKnownFile(p) => write!(f, "gcloud's application-default credentials ({})", p.display()),
            Origin::MetadataServer { looked_at: Some(p) } => write!(
                f,
                "the metadata server (GOOGLE_APPLICATION_CREDENTIALS is not set and {} is not there)",
                p.display()
            ),
            Origin::MetadataServer { looked_at: None } => {
                write!(f, "the metadata server (GOOGLE_APPLICATION_CREDENTIALS is not set)")
            }
        }
    }
}

/// Google credentials for a set of scopes; clones share one cached token.
#[derive(Clone)]
pub struct GoogleAuth {
    inner: Arc<Inner>,
}

struct Inner {
    origin: Origin,
    /// `None` for the metadata server.
    file: Option<CredentialsFile>,
    scopes: &'static [&'static str],
    /// Built on first use (it fetches the first token); gcloud-auth's reuse source inside
    /// refreshes the token when it nears expiry.
    source: tokio::sync::OnceCell<Box<dyn GoogleTokenSource>>,
}

impl std::fmt::Debug for GoogleAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GoogleAuth").field("origin", &self.inner.origin).field("kind", &self.kind()).finish()
    }
}

/// The account types gcloud-auth turns into access tokens.
const KINDS: [&str; 3] = ["service_account", "authorized_user", "external_account"];

impl GoogleAuth {
    /// Application Default Credentials as `env` finds them (see the module docs). Fails when
    /// a credentials file is named or present but cannot be used; no request is made.
    pub fn from_env(env: &Env, scopes: &'static [&'static str]) -> Result<GoogleAuth, AuthError> {
        let (origin, file) = match env.get("GOOGLE_APPLICATION_CREDENTIALS") {
            Some(path) => {
                let path = PathBuf::from(path);
                let file = read_file(&path).map_err(|e| fail(format!("GOOGLE_APPLICATION_CREDENTIALS: {e}")))?;
                (Origin::EnvFile(path), Some(file))
            }
            None => match well_known_file(env) {
                Some(path) if path.exists() => {
                    let file = read_file(&path)?;
                    (Origin::WellKnownFile(path), Some(file))
                }
                looked_at => (Origin::MetadataServer { looked_at }, None),
            },
        };
        Ok(GoogleAuth { inner: Arc::new(Inner { origin, file, scopes, source: tokio::sync::OnceCell::new() }) })
    }

    /// Credentials from a file's contents (a test, or a key held elsewhere); `origin` names it.
    pub fn from_json(json: &str, origin: Origin, scopes: &'static [&'static str]) -> Result<GoogleAuth, AuthError> {
        let file = parse(json).map_err(|e| fail(format!("{origin}: {e}")))?;
        Ok(GoogleAuth {
            inner: Arc::new(Inner { origin, file: Some(file), scopes, source: tokio::sync::OnceCell::new() }),
        })
    }

    pub fn origin(&self) -> &Origin {
        &self.inner.origin
    }

    /// `service_account`, `authorized_user`, `external_account`, or `metadata_server`.
    pub fn kind(&self) -> &str {
        self.inner.file.as_ref().map_or("metadata_server", |f| f.tp.as_str())
    }

    /// The project the credentials file names (`project_id`, else `quota_project_id`).
    pub fn project_id(&self) -> Option<&str> {
        let f = self.inner.file.as_ref()?;
        f.project_id.as_deref().or(f.quota_project_id.as_deref())
    }

    /// `Bearer …`, for the `Authorization` header: the cached token, else a new one.
    pub async fn authorization(&self) -> Result<String, AuthError> {
        let inner = &self.inner;
        let source = inner
            .source
            .get_or_try_init(|| async {
                let project = match &inner.file {
                    Some(f) => Project::FromFile(Box::new(f.clone())),
                    None => Project::FromMetadataServer(ProjectInfo { project_id: None }),
                };
                create_token_source_from_project(&project, Config::default().with_scopes(inner.scopes)).await
            })
            .await
            .map_err(|e| self.token_error(&e))?;
        let token = source.token().await.map_err(|e| self.token_error(&e))?;
        Ok(format!("Bearer {}", token.access_token))
    }

    fn token_error(&self, e: &gcloud_auth::error::Error) -> AuthError {
        fail(format!("getting a token from {}: {}", self.inner.origin, crate::http::error_chain(e)))
    }
}

/// gcloud-storage asks its token source for the whole `Authorization` value.
#[async_trait::async_trait]
impl token_source::TokenSource for GoogleAuth {
    async fn token(&self) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        Ok(self.authorization().await?)
    }
}

impl token_source::TokenSourceProvider for GoogleAuth {
    fn token_source(&self) -> Arc<dyn token_source::TokenSource> {
        Arc::new(self.clone())
    }
}

/// `$CLOUDSDK_CONFIG/application_default_credentials.json`, else gcloud's default config
/// folder's; `None` when the environment names no home.
fn well_known_file(env: &Env) -> Option<PathBuf> {
    const NAME: &str = "application_default_credentials.json";
    if let Some(dir) = env.get("CLOUDSDK_CONFIG") {
        return Some(PathBuf::from(dir).join(NAME));
    }
    if cfg!(windows) {
        return env.get("APPDATA").map(|d| PathBuf::from(d).join("gcloud").join(NAME));
    }
    env.get("HOME").map(|h| PathBuf::from(h).join(".config").join("gcloud").join(NAME))
}

fn read_file(path: &std::path::Path) -> Result<CredentialsFile, AuthError> {
    let text = std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read {}: {e}", path.display())))?;
    parse(&text).map_err(|e| fail(format!("{}: {e}", path.display())))
}

fn parse(json: &str) -> Result<CredentialsFile, String> {
    // serde_json's messages name the field and position, never the value.
    let file: CredentialsFile =
        serde_json::from_str(json).map_err(|e| format!("not a Google credentials file: {e}"))?;
    if !KINDS.contains(&file.tp.as_str()) {
        return Err(format!("credentials of type `{}` are not supported (use one of: {})", file.tp, KINDS.join(", ")));
    }
    if file.tp == "external_account" && file.credential_source.is_none() {
        return Err("an external_account file without `credential_source`".into());
    }
    Ok(file)
}

/// A canned HTTP server for tests of Google clients (token endpoints, GCS answers).
#[cfg(test)]
pub(crate) mod fake_http {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// Answers each connection with the next canned `(status, JSON body)` and records each
    /// request whole (request line, headers, body).
    pub(crate) async fn serve(answers: Vec<(u16, &'static str)>) -> (String, tokio::task::JoinHandle<Vec<String>>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let mut requests = Vec::new();
            for (status, body) in answers {
                let (mut sock, _) = listener.accept().await.unwrap();
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    let n = sock.read(&mut chunk).await.unwrap();
                    buf.extend_from_slice(&chunk[..n]);
                    let text = String::from_utf8_lossy(&buf).to_string();
                    let complete = text.find("\r\n\r\n").is_some_and(|end| {
                        let len = text[..end]
                            .lines()
                            .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(str::to_string))
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(0);
                        buf.len() >= end + 4 + len
                    });
                    if complete || n == 0 {
                        requests.push(text);
                        break;
                    }
                }
                let reply = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                sock.write_all(reply.as_bytes()).await.unwrap();
                sock.shutdown().await.ok();
            }
            requests
        });
        (base, task)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STS_ANSWER: &str = r#"{"access_token":"ya29.federated","issued_token_type":"urn:ietf:params:oauth:token-type:access_token","token_type":"Bearer","expires_in":3600}"#;

    #[tokio::test]
    async fn an_external_account_file_exchanges_its_subject_token_at_the_sts() {
        let (base, server) = fake_http::serve(vec![(200, STS_ANSWER)]).await;
        let dir = tempfile::tempdir().unwrap();
        let subject = dir.path().join("token");
        std::fs::write(&subject, "subject-jwt-from-the-idp").unwrap();
        let config = serde_json::json!({
            "type": "external_account",
            "audience": "//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/pool/providers/aws",
            "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
            "token_url": format!("{base}/v1/token"),
            "credential_source": { "file": subject.to_str().unwrap() },
        });
        let file = dir.path().join("wif.json");
        std::fs::write(&file, config.to_string()).unwrap();
        let env = Env::from_pairs(&[("GOOGLE_APPLICATION_CREDENTIALS", file.to_str().unwrap())]);
        let auth = GoogleAuth::from_env(&env, CLOUD_PLATFORM).unwrap();
        assert_eq!(auth.kind(), "external_account");
        assert_eq!(auth.authorization().await.unwrap(), "Bearer ya29.federated");
        // Cached: a second call makes no request (the server answers one only).
        assert_eq!(auth.authorization().await.unwrap(), "Bearer ya29.federated");
        let requests = server.await.unwrap();
        assert_eq!(requests.len(), 1);
        let sts = &requests[0];
        assert!(sts.starts_with("POST /v1/token "), "{sts}");
        assert!(sts.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange"), "{sts}");
        assert!(sts.contains("subject_token=subject-jwt-from-the-idp"), "{sts}");
        assert!(sts.contains("workloadIdentityPools%2Fpool"), "{sts}");
    }

    #[tokio::test]
    async fn a_refused_exchange_names_the_file_and_the_answer() {
        let (base, _server) =
            fake_http::serve(vec![(400, r#"{"error":"invalid_grant","error_description":"audience mismatch"}"#)]).await;
        let dir = tempfile::tempdir().unwrap();
        let subject = dir.path().join("token");
        std::fs::write(&subject, "t").unwrap();
        let json = serde_json::json!({
            "type": "external_account", "audience": "a", "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
            "token_url": format!("{base}/v1/token"), "credential_source": { "file": subject.to_str().unwrap() },
        })
        .to_string();
        let auth =
            GoogleAuth::from_json(&json, Origin::EnvFile("/etc/opskit/wif.json".into()), CLOUD_PLATFORM).unwrap();
        let e = auth.authorization().await.unwrap_err().to_string();
        assert!(e.starts_with("getting a token from GOOGLE_APPLICATION_CREDENTIALS (/etc/opskit/wif.json): "), "{e}");
        assert!(e.contains("audience mismatch"), "{e}");
    }

    #[test]
    fn files_are_found_in_adc_order_and_bad_ones_fail_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().to_str().unwrap();
        // No file anywhere: the metadata server, saying where it looked.
        let auth = GoogleAuth::from_env(&Env::from_pairs(&[("HOME", home)]), CLOUD_PLATFORM).unwrap();
        assert_eq!(auth.kind(), "metadata_server");
        assert!(auth.origin().to_string().contains(".config/gcloud/application_default_credentials.json"));
        // gcloud's login file.
        let gcloud = dir.path().join(".config/gcloud");
        std::fs::create_dir_all(&gcloud).unwrap();
        let user = r#"{"type":"authorized_user","client_id":"c","client_secret":"s","refresh_token":"r","quota_project_id":"proj-1"}"#;
        std::fs::write(gcloud.join("application_default_credentials.json"), user).unwrap();
        let auth = GoogleAuth::from_env(&Env::from_pairs(&[("HOME", home)]), CLOUD_PLATFORM).unwrap();
        assert_eq!((auth.kind(), auth.project_id()), ("authorized_user", Some("proj-1")));
        assert!(matches!(auth.origin(), Origin::WellKnownFile(_)));
        // GOOGLE_APPLICATION_CREDENTIALS first; a missing or unusable file fails now.
        let missing = dir.path().join("nope.json");
        let env = Env::from_pairs(&[("HOME", home), ("GOOGLE_APPLICATION_CREDENTIALS", missing.to_str().unwrap())]);
        let e = GoogleAuth::from_env(&env, CLOUD_PLATFORM).unwrap_err().to_string();
        assert!(e.starts_with("GOOGLE_APPLICATION_CREDENTIALS: cannot read ") && e.contains("nope.json"), "{e}");
        let other = dir.path().join("other.json");
        std::fs::write(&other, r#"{"type":"impersonated_service_account"}"#).unwrap();
        let env = Env::from_pairs(&[("GOOGLE_APPLICATION_CREDENTIALS", other.to_str().unwrap())]);
        let e = GoogleAuth::from_env(&env, CLOUD_PLATFORM).unwrap_err().to_string();
        assert!(e.contains("`impersonated_service_account` are not supported"), "{e}");
        std::fs::write(&other, "{not json").unwrap();
        let e = GoogleAuth::from_env(&env, CLOUD_PLATFORM).unwrap_err().to_string();
        assert!(e.contains("not a Google credentials file"), "{e}");
    }
}
