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
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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
        let bin = find_binary();
        // The port is free when we look; another process may take it before moto binds,
        // so a server that dies at once is retried on a new port.
        let mut last_err = String::new();
        for _ in 0..3 {
            let port = free_port();
            let addr: SocketAddr = ([127, 0, 0, 1], port).into();
            let log = std::env::temp_dir().join(format!("opskit-moto-{port}.log"));
            let log_file = std::fs::File::create(&log).expect("creating the moto log file");
            let child = Command::new(&bin)
                .args(["-H", "127.0.0.1", "-p", &port.to_string()])
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().expect("cloning the moto log handle"))
                .stderr(log_file)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot run {}: {e}\n{}", bin.display(), hint()));
            let mut server = MotoServer { child, addr };
            match server.wait_ready() {
                Ok(()) => return server,
                Err(e) => {
                    let out = std::fs::read_to_string(&log).unwrap_or_default();
                    last_err = format!("{e}\nmoto output:\n{out}");
                }
            }
        }
        panic!("moto server did not start: {last_err}");
    }

    /// `http://127.0.0.1:PORT`, for `endpoint_url` and raw HTTP calls.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn wait_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + START_TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("moto server exited with {status}"));
            }
            if answers_http(self.addr) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!("moto server did not answer on {} within {START_TIMEOUT:?}", self.addr))
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
    if let Some(p) = std::env::var_os(ENV_MOTO_SERVER).filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        assert!(p.is_file(), "{ENV_MOTO_SERVER}={} does not exist\n{}", p.display(), hint());
        return p;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut candidates = vec![repo.join(VENV_BIN)];
    if let Some(main) = main_worktree(repo) {
        candidates.push(main.join(VENV_BIN));
    }
    candidates.iter().find(|p| p.is_file()).cloned().unwrap_or_else(|| {
        let looked: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
        panic!("moto server not found (looked at {})\n{}", looked.join(", "), hint())
    })
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
