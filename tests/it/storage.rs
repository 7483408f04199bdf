//! The wiki-backup storage layer (`opskit::storage`) against the real things: the GCS JSON
//! API of gcp-storage-emulator, S3 of moto server, and a directory. The same round trip runs
//! on each (names with `/`, spaces and Japanese; put, get, list, copy, delete), then what the
//! backup engine relies on: a byte flipped behind opskit's back reads back flipped, a missing
//! bucket is named as such, and a store that fails midway fails each object naming its key.

use crate::common;

use common::gcs::{EMULATOR_HOST_VAR, GcsEmulator};
use common::moto::MotoServer;
use opskit::config::Env;
use opskit::storage::{self, FailAfter, Location, Settings, StorageError, safe_key};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Page names as people write them, and the keys they are stored under.
const PAGES: &[(&str, &str)] = &[
    ("手順/障害対応/DB 切替", "手順/障害対応/DB 切替"),
    ("Home", "Home"),
    ("運用 メモ/2026 年 1 月", "運用 メモ/2026 年 1 月"),
    ("100% done?", "100%25 done%3F"),
    ("a//b", "a/%2Fb"),
];

/// Every byte value, so nothing is taken as text on the way.
fn binary() -> Vec<u8> {
    (0..=255u8).cycle().take(1000).collect()
}

fn page_bytes(name: &str) -> Vec<u8> {
    format!("# {name}\n\n本文: {name}\n").into_bytes()
}

/// The keys of the round trip, relative to the location.
fn gen_key(generation: &str, name: &str) -> String {
    format!("{generation}/{}.md", safe_key(name))
}

/// The round trip every store must pass. `raw` reads an object's stored bytes by its full
/// key in the backend, around opskit, so the test sees the name really stored.
async fn round_trip<F, Fut>(loc: &Location, full_key: impl Fn(&str) -> String, raw: F)
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Option<Vec<u8>>>,
{
    for (name, key) in PAGES {
        assert_eq!(safe_key(name), *key);
        loc.put(&gen_key("g1", name), page_bytes(name)).await.unwrap();
    }
    loc.put("g1/attachments/図 1.png", binary()).await.unwrap();
    loc.put("g10/other.md", "not in g1").await.unwrap();

    for (name, _) in PAGES {
        assert_eq!(loc.get(&gen_key("g1", name)).await.unwrap(), page_bytes(name), "{name}");
    }
    assert_eq!(loc.get("g1/attachments/図 1.png").await.unwrap(), binary());
    // Stored under the readable name, not percent-encoded UTF-8.
    let stored = raw(full_key("g1/手順/障害対応/DB 切替.md")).await;
    assert_eq!(stored.as_deref(), Some(page_bytes("手順/障害対応/DB 切替").as_slice()));

    // A listing is recursive, sorted, with sizes, and `g1` is a folder (not `g10`).
    let listed = loc.list("g1").await.unwrap();
    let mut want: Vec<(String, u64)> =
        PAGES.iter().map(|(n, _)| (gen_key("g1", n), page_bytes(n).len() as u64)).collect();
    want.push(("g1/attachments/図 1.png".into(), 1000));
    want.sort();
    assert_eq!(listed.iter().map(|e| (e.key.clone(), e.size)).collect::<Vec<_>>(), want);
    assert!(listed.iter().all(|e| e.last_modified > jiff::Timestamp::UNIX_EPOCH));
    assert_eq!(loc.list("").await.unwrap().len(), PAGES.len() + 2);
    assert!(loc.list("nothing-here").await.unwrap().is_empty());

    // Copy inside the store, then delete the original: the copy stays.
    let (from, to) = (gen_key("g1", "手順/障害対応/DB 切替"), gen_key("g2", "手順/障害対応/DB 切替"));
    loc.copy(&from, &to).await.unwrap();
    assert_eq!(loc.get(&to).await.unwrap(), page_bytes("手順/障害対応/DB 切替"));
    loc.delete(&from).await.unwrap();
    assert_eq!(loc.get_opt(&from).await.unwrap(), None);
    loc.delete(&from).await.expect("deleting what is gone is not an error");
    assert_eq!(loc.get(&to).await.unwrap(), page_bytes("手順/障害対応/DB 切替"));

    let err = loc.get(&from).await.unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.to_string(), format!("reading {}: not found", loc.url_of(&from)));
    let err = loc.copy(&from, "g3/x.md").await.unwrap_err().to_string();
    assert!(err.starts_with(&format!("copying {} to {}", loc.url_of(&from), loc.url_of("g3/x.md"))), "{err}");
}

/// A byte flipped in the backend (`flip`) reads back flipped through opskit: what `wiki
/// verify` relies on to notice.
async fn flipped_byte_reads_back<Fut>(loc: &Location, flip: impl FnOnce(String) -> Fut, full_key: String)
where
    Fut: std::future::Future<Output = u8>,
{
    let key = "g1/attachments/flip.bin";
    loc.put(key, binary()).await.unwrap();
    let was = flip(full_key).await;
    assert_eq!(was, binary()[10]);
    let got = loc.get(key).await.unwrap();
    assert_eq!(got.len(), 1000, "a flip keeps the size");
    let diff: Vec<usize> = (0..1000).filter(|&i| got[i] != binary()[i]).collect();
    assert_eq!(diff, vec![10]);
    assert_eq!(got[10], !was);
}

fn gcs_settings(emu: &GcsEmulator) -> Settings {
    Settings::new(Env::from_pairs(&[(EMULATOR_HOST_VAR, &emu.endpoint())]))
}

#[tokio::test]
async fn gcs_round_trip_on_the_emulator_keeps_readable_names() {
    let emu = GcsEmulator::start();
    emu.create_bucket("opskit-wiki").await;
    let loc = storage::open("gs://opskit-wiki/backups/wiki/", &gcs_settings(&emu)).await.unwrap();
    assert_eq!(loc.url(), "gs://opskit-wiki/backups/wiki");
    assert_eq!(loc.prefix().as_ref(), "backups/wiki");
    let e = &emu;
    round_trip(&loc, |k| format!("backups/wiki/{k}"), |k| async move { e.read_object("opskit-wiki", &k).await }).await;
    flipped_byte_reads_back(
        &loc,
        |k| async move { e.flip_byte("opskit-wiki", &k, 10).await },
        "backups/wiki/g1/attachments/flip.bin".into(),
    )
    .await;
}

#[tokio::test]
async fn gcs_store_takes_multipart_uploads_ranges_and_folder_listings() {
    use object_store::ObjectStoreExt;
    let emu = GcsEmulator::start();
    emu.create_bucket("bkt").await;
    // STORAGE_EMULATOR_HOST as the Go library writes it: host:port without a scheme.
    let host = emu.endpoint().trim_start_matches("http://").to_string();
    let loc = storage::open("gs://bkt", &Settings::new(Env::from_pairs(&[(EMULATOR_HOST_VAR, &host)]))).await.unwrap();
    let store = loc.store();
    let path = loc.path("big/添付.bin").unwrap();
    let mut upload = store.put_multipart(&path).await.unwrap();
    upload.put_part(vec![1u8; 100].into()).await.unwrap();
    upload.put_part(vec![2u8; 50].into()).await.unwrap();
    upload.complete().await.unwrap();
    let got = store.get(&path).await.unwrap().bytes().await.unwrap();
    assert_eq!(got.len(), 150);
    assert_eq!(store.get_range(&path, 98..102).await.unwrap().as_ref(), &[1, 1, 2, 2]);
    let head = store.head(&path).await.unwrap();
    assert_eq!((head.size, head.location.as_ref()), (150, "big/添付.bin"));

    loc.put("big/sub/x", "x").await.unwrap();
    let listing = store.list_with_delimiter(Some(&loc.path("big").unwrap())).await.unwrap();
    let objects: Vec<&str> = listing.objects.iter().map(|m| m.location.as_ref()).collect();
    let folders: Vec<&str> = listing.common_prefixes.iter().map(|p| p.as_ref()).collect();
    assert_eq!((objects, folders), (vec!["big/添付.bin"], vec!["big/sub"]));
}

#[tokio::test]
async fn gcs_bucket_that_does_not_exist_is_named() {
    let emu = GcsEmulator::start();
    let loc = storage::open("gs://no-such-bucket/p", &gcs_settings(&emu)).await.unwrap();
    let err = loc.put("x.md", "x").await.unwrap_err();
    assert!(matches!(err, StorageError::NoBucket { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "writing gs://no-such-bucket/p/x.md: bucket `no-such-bucket` does not exist\nhint: create it, or check the bucket name in the URL"
    );
    let err = loc.list("").await.unwrap_err();
    assert!(matches!(err, StorageError::NoBucket { .. }), "{err:?}");
}

#[tokio::test]
async fn gcs_stopped_midway_fails_each_object_naming_its_key_within_the_retries() {
    let mut emu = GcsEmulator::start();
    emu.create_bucket("bkt").await;
    let mut settings = gcs_settings(&emu);
    settings.retries = 2;
    let loc = storage::open("gs://bkt/w", &settings).await.unwrap();
    loc.put("PRJ/g/a.md", "a").await.unwrap();
    emu.stop();
    let started = Instant::now();
    for key in ["PRJ/g/手順 1.md", "PRJ/g/manifest.json"] {
        let err = loc.put(key, "bkt").await.unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, StorageError::Failed { .. }), "{err:?}");
        assert!(text.starts_with(&format!("writing gs://bkt/w/{key}: ")), "{text}");
        assert!(text.contains("onnect"), "the cause is told: {text}");
    }
    assert!(started.elapsed() < Duration::from_secs(20), "retries are bounded: {:?}", started.elapsed());
}

#[tokio::test]
async fn failing_store_wrapper_stops_a_run_at_the_named_object() {
    let emu = GcsEmulator::start();
    emu.create_bucket("bkt").await;
    let real = storage::open("gs://bkt/w", &gcs_settings(&emu)).await.unwrap();
    let mut failing = None;
    let loc = real.map_store(|s| {
        let f = Arc::new(FailAfter::new(s, 2));
        failing = Some(f.clone());
        f
    });
    loc.put("g/1.md", "1").await.unwrap();
    loc.copy("g/1.md", "g/2.md").await.unwrap();
    let err = loc.put("g/手順 3.md", "3").await.unwrap_err().to_string();
    assert!(err.starts_with("writing gs://bkt/w/g/手順 3.md: ") && err.contains("injected failure"), "{err}");
    assert_eq!(failing.unwrap().writes(), 3);
    assert_eq!(emu.read_object("bkt", "w/g/手順 3.md").await, None, "nothing reached the store");
    assert_eq!(loc.list("g").await.unwrap().len(), 2, "reads go on");
}

#[tokio::test]
async fn s3_round_trip_on_moto_with_the_sdk_configs_credentials() {
    let moto = MotoServer::start();
    common::s3::create_bucket(&moto.endpoint(), "opskit-wiki").await;
    let settings = Settings::new(Env::from_pairs(&[])).with_aws(common::moto::sdk_config(&moto.endpoint()).await);
    let loc = storage::open("s3://opskit-wiki/backups/wiki", &settings).await.unwrap();
    let ep = moto.endpoint();
    round_trip(
        &loc,
        |k| format!("backups/wiki/{k}"),
        |k| {
            let ep = ep.clone();
            async move { common::s3::read_object(&ep, "opskit-wiki", &k).await }
        },
    )
    .await;
    flipped_byte_reads_back(
        &loc,
        |k| async move { common::s3::flip_byte(&ep, "opskit-wiki", &k, 10).await },
        "backups/wiki/g1/attachments/flip.bin".into(),
    )
    .await;
}

#[tokio::test]
async fn s3_endpoint_comes_from_aws_endpoint_url_s3_and_a_missing_bucket_is_named() {
    let moto = MotoServer::start();
    common::s3::create_bucket(&moto.endpoint(), "bkt").await;
    // An SDK config without an endpoint: the environment's override must be used.
    let sdk = aws_config::SdkConfig::builder()
        .region(aws_config::Region::new("eu-west-1"))
        .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(
            aws_credential_types::Credentials::new("test", "test", None, None, "test"),
        ))
        .behavior_version(aws_config::BehaviorVersion::latest())
        .build();
    let env = Env::from_pairs(&[("AWS_ENDPOINT_URL_S3", &moto.endpoint()), ("AWS_ENDPOINT_URL", "http://127.0.0.1:9")]);
    let settings = Settings::new(env).with_aws(sdk);
    let loc = storage::open("s3://bkt", &settings).await.unwrap();
    loc.put("x.md", "x").await.unwrap();
    assert_eq!(common::s3::read_object(&moto.endpoint(), "bkt", "x.md").await.as_deref(), Some(&b"x"[..]));

    let missing = storage::open("s3://no-such-bucket/p", &settings).await.unwrap();
    let err = missing.put("x.md", "x").await.unwrap_err();
    assert!(matches!(err, StorageError::NoBucket { .. }), "{err:?}");
    assert!(err.to_string().starts_with("writing s3://no-such-bucket/p/x.md: bucket `no-such-bucket` does not exist"));
    let err = missing.list("").await.unwrap_err();
    assert!(matches!(err, StorageError::NoBucket { .. }), "{err:?}");
}

#[tokio::test]
async fn s3_stopped_midway_fails_each_object_naming_its_key_within_the_retries() {
    let moto = MotoServer::start();
    common::s3::create_bucket(&moto.endpoint(), "bkt").await;
    let settings = Settings::new(Env::from_pairs(&[])).with_aws(common::moto::sdk_config(&moto.endpoint()).await);
    let loc = storage::open("s3://bkt/w", &settings).await.unwrap();
    loc.put("PRJ/g/a.md", "a").await.unwrap();
    drop(moto);
    let started = Instant::now();
    for key in ["PRJ/g/手順 1.md", "PRJ/g/manifest.json"] {
        let err = loc.put(key, "bkt").await.unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, StorageError::Failed { .. }), "{err:?}");
        assert!(text.starts_with(&format!("writing s3://bkt/w/{key}: ")), "{text}");
    }
    assert!(started.elapsed() < Duration::from_secs(30), "retries are bounded: {:?}", started.elapsed());
}

#[tokio::test]
async fn file_round_trip_keeps_readable_names_and_copies_are_hard_links() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("wiki backups");
    let url = format!("file://{}", dir.display());
    let loc = storage::open(&url, &Settings::new(Env::from_pairs(&[]))).await.unwrap();
    let d = dir.clone();
    round_trip(
        &loc,
        |k| k.to_string(),
        |k| {
            let p = d.join(k);
            async move { std::fs::read(p).ok() }
        },
    )
    .await;
    let file = dir.join("g1/attachments/flip.bin");
    flipped_byte_reads_back(&loc, |_| async move { common::flip_file_byte(&file, 10) }, String::new()).await;

    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let copy = dir.join("g2/手順/障害対応/DB 切替.md");
        assert_eq!(std::fs::metadata(&copy).unwrap().nlink(), 1, "its source was deleted");
        loc.copy("g2/手順/障害対応/DB 切替.md", "g3/same.md").await.unwrap();
        assert_eq!(std::fs::metadata(&copy).unwrap().nlink(), 2);
    }
    // Deleting the last object of a folder removes the folder, not the location's root.
    for e in loc.list("").await.unwrap() {
        loc.delete(&e.key).await.unwrap();
    }
    assert!(dir.is_dir());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "emptied folders are removed");
}

/// A token endpoint that answers every exchange with `(status, body)` and keeps each request.
async fn fake_sts(status: u16, body: &'static str) -> (String, Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v1/token", listener.local_addr().unwrap());
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            loop {
                let n = sock.read(&mut chunk).await.unwrap_or(0);
                buf.extend_from_slice(&chunk[..n]);
                let text = String::from_utf8_lossy(&buf).to_string();
                let done = text.find("\r\n\r\n").is_some_and(|end| {
                    let len = text[..end]
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_string())
                        })
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(0);
                    buf.len() >= end + 4 + len
                });
                if done || n == 0 {
                    log.lock().unwrap().push(text);
                    break;
                }
            }
            let reply = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = sock.write_all(reply.as_bytes()).await;
        }
    });
    (url, seen)
}

/// A workload identity federation file whose subject token is a file.
fn wif_file(dir: &std::path::Path, token_url: &str) -> String {
    let subject = dir.join("subject-token");
    std::fs::write(&subject, "subject-jwt-from-the-idp").unwrap();
    let config = serde_json::json!({
        "type": "external_account",
        "audience": "//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/pool/providers/oidc",
        "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",
        "token_url": token_url,
        "credential_source": { "file": subject.to_str().unwrap() },
    });
    let file = dir.join("wif.json");
    std::fs::write(&file, config.to_string()).unwrap();
    file.to_str().unwrap().to_string()
}

#[tokio::test]
async fn gcs_with_a_workload_identity_federation_file_exchanges_its_token_and_round_trips() {
    let emu = GcsEmulator::start();
    emu.create_bucket("bkt").await;
    let dir = tempfile::tempdir().unwrap();
    let ok = r#"{"access_token":"ya29.federated","issued_token_type":"urn:ietf:params:oauth:token-type:access_token","token_type":"Bearer","expires_in":3600}"#;
    let (sts, seen) = fake_sts(200, ok).await;
    let creds = wif_file(dir.path(), &sts);
    // OPSKIT_GCS_ENDPOINT keeps the credentials (STORAGE_EMULATOR_HOST would drop them).
    let env = Env::from_pairs(&[("OPSKIT_GCS_ENDPOINT", &emu.endpoint()), ("GOOGLE_APPLICATION_CREDENTIALS", &creds)]);
    let loc = storage::open("gs://bkt/w", &Settings::new(env)).await.unwrap();
    loc.put("手順 1.md", "x").await.unwrap();
    assert_eq!(loc.get("手順 1.md").await.unwrap().as_ref(), b"x");
    assert_eq!(loc.list("").await.unwrap().len(), 1);
    let requests = seen.lock().unwrap().clone();
    assert_eq!(requests.len(), 1, "one exchange, the token reused: {requests:?}");
    assert!(requests[0].contains("subject_token=subject-jwt-from-the-idp"), "{}", requests[0]);

    // The STS refuses: a credentials error naming the file and the answer, nothing written.
    let refused = r#"{"error":"invalid_grant","error_description":"The audience in the subject token is not allowed"}"#;
    let (sts, _seen) = fake_sts(400, refused).await;
    let creds = wif_file(dir.path(), &sts);
    let env = Env::from_pairs(&[("OPSKIT_GCS_ENDPOINT", &emu.endpoint()), ("GOOGLE_APPLICATION_CREDENTIALS", &creds)]);
    let loc = storage::open("gs://bkt/w", &Settings::new(env)).await.unwrap();
    let err = loc.put("b.md", "y").await.unwrap_err();
    assert!(matches!(err, StorageError::Credentials { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.starts_with(
            "writing gs://bkt/w/b.md: no usable credentials: getting a token from GOOGLE_APPLICATION_CREDENTIALS ("
        ),
        "{text}"
    );
    assert!(text.contains("The audience in the subject token is not allowed"), "{text}");
    assert!(text.contains("\nhint: run `gcloud auth application-default login`"), "{text}");
    assert_eq!(emu.read_object("bkt", "w/b.md").await, None);
}
