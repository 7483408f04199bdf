//! `s3://` locations: object_store's `AmazonS3` signed with the credentials of an AWS SDK
//! config, so a backup to S3 uses the same profiles, assumed roles and external ids as every
//! other opskit command (`src/aws.rs`), not a second credential chain.

use async_trait::async_trait;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use object_store::CredentialProvider;
use object_store::aws::AwsCredential;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// Credentials are fetched again this long before they expire.
const REFRESH_BEFORE: Duration = Duration::from_secs(300);

/// The credentials were not available (no profile, the role could not be assumed): the
/// source of the `object_store::Error` a request fails with, told apart from access denied.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CredentialsUnavailable(pub String);

/// An SDK credentials provider as object_store's, cached until shortly before expiry (the
/// SDK's own identity cache lives in its client runtime, which object_store does not use).
#[derive(Debug)]
pub struct SdkCredentials {
    provider: SharedCredentialsProvider,
    cached: tokio::sync::Mutex<Option<(Arc<AwsCredential>, Option<SystemTime>)>>,
}

impl SdkCredentials {
    pub fn new(provider: SharedCredentialsProvider) -> SdkCredentials {
        SdkCredentials { provider, cached: tokio::sync::Mutex::new(None) }
    }
}

#[async_trait]
impl CredentialProvider for SdkCredentials {
    type Credential = AwsCredential;

    async fn get_credential(&self) -> object_store::Result<Arc<AwsCredential>> {
        let mut cached = self.cached.lock().await;
        if let Some((cred, expiry)) = cached.as_ref()
            && expiry.is_none_or(|e| e > SystemTime::now() + REFRESH_BEFORE)
        {
            return Ok(cred.clone());
        }
        let creds = self.provider.provide_credentials().await.map_err(|e| object_store::Error::Generic {
            store: "S3",
            source: Box::new(CredentialsUnavailable(crate::aws::failure::describe("loading credentials", &e).line())),
        })?;
        let cred = Arc::new(AwsCredential {
            key_id: creds.access_key_id().to_string(),
            secret_key: creds.secret_access_key().to_string(),
            token: creds.session_token().map(str::to_string),
        });
        *cached = Some((cred.clone(), creds.expiry()));
        Ok(cred)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_credential_types::Credentials;

    #[derive(Debug)]
    struct Counting(std::sync::atomic::AtomicUsize, Option<SystemTime>);

    impl ProvideCredentials for Counting {
        fn provide_credentials<'a>(&'a self) -> aws_credential_types::provider::future::ProvideCredentials<'a>
        where
            Self: 'a,
        {
            let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            aws_credential_types::provider::future::ProvideCredentials::ready(Ok(Credentials::new(
                format!("AKIA{n}"),
                "secret",
                Some("token".into()),
                self.1,
                "test",
            )))
        }
    }

    #[tokio::test]
    async fn sdk_credentials_are_reused_until_shortly_before_they_expire() {
        let long = SdkCredentials::new(SharedCredentialsProvider::new(Counting(
            Default::default(),
            Some(SystemTime::now() + Duration::from_secs(3600)),
        )));
        let a = long.get_credential().await.unwrap();
        let b = long.get_credential().await.unwrap();
        assert_eq!((a.key_id.as_str(), b.key_id.as_str()), ("AKIA0", "AKIA0"));
        assert_eq!(a.token.as_deref(), Some("token"));

        let expiring = SdkCredentials::new(SharedCredentialsProvider::new(Counting(
            Default::default(),
            Some(SystemTime::now() + Duration::from_secs(60)),
        )));
        expiring.get_credential().await.unwrap();
        assert_eq!(expiring.get_credential().await.unwrap().key_id, "AKIA1");
    }
}
