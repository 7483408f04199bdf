//! moto server (`moto[server]==5.2.5`), the AWS emulator the integration tests talk to
//! for SNS, SQS, EC2, DynamoDB, Support and S3.
//!
//! [`MotoServer::start`] runs one server per test on a free loopback port and kills it on
//! drop. The binary comes from `OPSKIT_MOTO_SERVER`, else `<repo>/.test-venv/bin/
//! moto_server` (what `./scripts/test.sh` installs); in a git worktree without its own
//! venv, the main worktree's venv is used. When none exists the test panics with the
//! install hint: a test that silently skips proves nothing.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

pub const ENV_MOTO_SERVER: &str = opskit::env_vars::OPSKIT_MOTO_SERVER;
const VENV_BIN: &str = ".test-venv/bin/moto_server";
/// Cold start of the Python server (imports every backend) can take a while on CI.
const START_TIMEOUT: Duration = Duration::from_secs(60);

pub struct MotoServer {
    child: Child,
    addr: SocketAddr,
}

impl MotoServer {
    /// Start moto on a free port and wait until it answers HTTP.
    pub fn start() -> MotoServer {
        let (child, addr, _log) = super::spawn_on_free_port(
            "moto server",
            &find_binary(),
            |port| vec!["-H".into(), "127.0.0.1".into(), "-p".into(), port.to_string()],
            answers_http,
            START_TIMEOUT,
            &hint(),
        );
        MotoServer { child, addr }
    }

    /// Start moto answering one request at a time. Its DynamoDB checks a write's condition
    /// and then writes, unlocked, so two requests served in parallel threads can both pass
    /// one `attribute_not_exists` (seen: two of 8 racing lock acquirers won under load).
    /// DynamoDB applies each conditional write atomically; a serial server does too, so
    /// the tests of the store's locking test opskit, not moto's threads.
    pub fn start_serial() -> MotoServer {
        let moto = find_binary();
        let python = moto.with_file_name("python");
        assert!(python.exists(), "no python beside {} for a serial moto server\n{}", moto.display(), hint());
        // moto.server.main with werkzeug's server forced single-threaded.
        const SERIAL: &str = "import sys, moto.server as m\n\
            run = m.run_simple\n\
            m.run_simple = lambda *a, **k: run(*a, **{**k, 'threaded': False})\n\
            m.main(sys.argv[1:])";
        let (child, addr, _log) = super::spawn_on_free_port(
            "moto server",
            &python,
            |port| vec!["-c".into(), SERIAL.into(), "-H".into(), "127.0.0.1".into(), "-p".into(), port.to_string()],
            answers_http,
            START_TIMEOUT,
            &hint(),
        );
        MotoServer { child, addr }
    }

    /// `http://127.0.0.1:PORT`, for `endpoint_url` and raw HTTP calls.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn hint() -> String {
    format!(
        "hint: run ./scripts/test.sh, or `pip install 'moto[server]==5.2.5'` and set \
         {ENV_MOTO_SERVER} to the moto_server binary"
    )
}

fn find_binary() -> PathBuf {
    super::find_venv_binary("moto server", ENV_MOTO_SERVER, VENV_BIN, &hint())
}

/// The main worktree of the repository `repo` belongs to, when `repo` is a linked one.
pub fn main_worktree(repo: &Path) -> Option<PathBuf> {
    let out = Command::new("git")
        .args(["rev-parse", "--path-format=absolute", "--git-common-dir"])
        .current_dir(repo)
        .output()
        .ok()?;
    let common = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    common.parent().map(Path::to_path_buf)
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("binding a free loopback port")
}

/// Any HTTP answer means the server is up (moto answers 404 on `/`, which is fine).
fn answers_http(addr: SocketAddr) -> bool {
    let Ok(mut s) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET /moto-api/ HTTP/1.0\r\nHost: localhost\r\n\r\n").is_err() {
        return false;
    }
    let mut buf = [0u8; 5];
    matches!(s.read_exact(&mut buf), Ok(()) if &buf == b"HTTP/")
}

/// An SDK config for moto: us-east-1, static test credentials, the server's endpoint.
pub async fn sdk_config(endpoint: &str) -> aws_config::SdkConfig {
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region("us-east-1")
        .endpoint_url(endpoint)
        .credentials_provider(aws_credential_types::Credentials::new("test", "test", None, None, "test"))
        .load()
        .await
}

/// One SQS call in the JSON protocol. moto does not check signatures but picks the
/// service from the credential scope of the Authorization header, so one is sent.
pub async fn sqs(http: &reqwest::Client, endpoint: &str, action: &str, body: serde_json::Value) -> serde_json::Value {
    let resp = http
        .post(endpoint)
        .header("X-Amz-Target", format!("AmazonSQS.{action}"))
        .header("Content-Type", "application/x-amz-json-1.0")
        .header(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=test/20250131/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0",
        )
        .body(body.to_string())
        .send()
        .await
        .unwrap_or_else(|e| panic!("sqs {action}: {e}"));
    let status = resp.status();
    let text = resp.text().await.unwrap();
    assert!(status.is_success(), "sqs {action}: {status}: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("sqs {action}: {e}: {text}"))
}

/// An SNS topic with an SQS queue subscribed to it: what a test reads to see what was published.
pub struct TopicQueue {
    pub topic_arn: String,
    pub queue_url: String,
}

impl TopicQueue {
    pub async fn create(endpoint: &str, name: &str) -> TopicQueue {
        let http = reqwest::Client::new();
        let queue = sqs(&http, endpoint, "CreateQueue", serde_json::json!({ "QueueName": name })).await;
        let queue_url = queue["QueueUrl"].as_str().unwrap().to_string();
        let attrs = sqs(
            &http,
            endpoint,
            "GetQueueAttributes",
            serde_json::json!({ "QueueUrl": queue_url, "AttributeNames": ["QueueArn"] }),
        )
        .await;
        let queue_arn = attrs["Attributes"]["QueueArn"].as_str().unwrap().to_string();
        let sns = aws_sdk_sns::Client::new(&sdk_config(endpoint).await);
        let topic_arn = sns.create_topic().name(name).send().await.unwrap().topic_arn.unwrap();
        sns.subscribe().topic_arn(&topic_arn).protocol("sqs").endpoint(queue_arn).send().await.unwrap();
        TopicQueue { topic_arn, queue_url }
    }

    /// Every SNS envelope waiting in the queue (Subject, Message, MessageAttributes).
    pub async fn drain(&self, endpoint: &str) -> Vec<serde_json::Value> {
        let http = reqwest::Client::new();
        let mut got = Vec::new();
        loop {
            let r = sqs(
                &http,
                endpoint,
                "ReceiveMessage",
                serde_json::json!({ "QueueUrl": self.queue_url, "MaxNumberOfMessages": 10, "WaitTimeSeconds": 0 }),
            )
            .await;
            let msgs = r["Messages"].as_array().cloned().unwrap_or_default();
            if msgs.is_empty() {
                return got;
            }
            for m in msgs {
                got.push(serde_json::from_str(m["Body"].as_str().unwrap()).unwrap());
                sqs(
                    &http,
                    endpoint,
                    "DeleteMessage",
                    serde_json::json!({ "QueueUrl": self.queue_url, "ReceiptHandle": m["ReceiptHandle"] }),
                )
                .await;
            }
        }
    }
}
