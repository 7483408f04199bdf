//! S3 on a [`super::moto::MotoServer`], straight through moto's HTTP API (path-style),
//! around opskit: create a bucket, read what really landed, and corrupt a stored object
//! ([`flip_byte`]) for `wiki verify` to catch.
//!
//! moto checks no signature but picks the service from the Authorization header's credential
//! scope, so one naming `s3` is sent; without it a PUT with a body is not taken as S3's.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

const AUTH: &str =
    "AWS4-HMAC-SHA256 Credential=test/20250131/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";
/// Each part of a key percent-encoded, `/` kept.
const KEY: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b'/');

fn object_url(endpoint: &str, bucket: &str, key: &str) -> String {
    format!("{endpoint}/{bucket}/{}", utf8_percent_encode(key, KEY))
}

/// Create a bucket (CreateBucket in us-east-1).
pub async fn create_bucket(endpoint: &str, bucket: &str) {
    let resp = reqwest::Client::new()
        .put(format!("{endpoint}/{bucket}"))
        .header("Authorization", AUTH)
        .send()
        .await
        .unwrap_or_else(|e| panic!("creating bucket {bucket}: {e}"));
    assert!(resp.status().is_success(), "creating bucket {bucket}: {}", resp.status());
}

/// The stored bytes of `bucket`/`key`; `None` when absent.
pub async fn read_object(endpoint: &str, bucket: &str, key: &str) -> Option<Vec<u8>> {
    let resp = reqwest::Client::new()
        .get(object_url(endpoint, bucket, key))
        .header("Authorization", AUTH)
        .send()
        .await
        .unwrap_or_else(|e| panic!("reading {bucket}/{key}: {e}"));
    if resp.status() == reqwest::StatusCode::NOT_FOUND {
        return None;
    }
    assert!(resp.status().is_success(), "reading {bucket}/{key}: {}", resp.status());
    Some(resp.bytes().await.unwrap().to_vec())
}

/// Replace the bytes of `bucket`/`key` (PutObject).
pub async fn overwrite_object(endpoint: &str, bucket: &str, key: &str, bytes: Vec<u8>) {
    let resp = reqwest::Client::new()
        .put(object_url(endpoint, bucket, key))
        .header("Authorization", AUTH)
        .header("Content-Type", "application/octet-stream")
        .body(bytes)
        .send()
        .await
        .unwrap_or_else(|e| panic!("writing {bucket}/{key}: {e}"));
    assert!(resp.status().is_success(), "writing {bucket}/{key}: {}", resp.status());
}

/// Flip every bit of the byte at `offset` (clamped to the last byte) of a stored object,
/// keeping its size. Returns the byte it was.
pub async fn flip_byte(endpoint: &str, bucket: &str, key: &str, offset: usize) -> u8 {
    let mut bytes =
        read_object(endpoint, bucket, key).await.unwrap_or_else(|| panic!("flip_byte: no object {bucket}/{key}"));
    let was = super::flip(&mut bytes, offset);
    overwrite_object(endpoint, bucket, key, bytes).await;
    was
}
