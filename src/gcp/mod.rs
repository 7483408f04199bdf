//! Google Cloud: what the GCS store ([`crate::storage::gcs`]) and the Compute listings share.
//!
//! - [`auth`]: Application Default Credentials, one stack for every Google API opskit calls.

pub mod auth;
