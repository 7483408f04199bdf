//! The state store in one DynamoDB table, shared by several hosts (aws-sdk-dynamodb).
//!
//! One table, on-demand, key `pk` (S, HASH) + `sk` (S, RANGE), TTL on `expires_at` (N,
//! epoch seconds). Items:
//!
//! | what | pk | sk | attributes |
//! |---|---|---|---|
//! | finding | `finding#{source}#{bucket}` | key | `record` (JSON) |
//! | delivery | `delivery#{source}` | `["key","sink"]` (JSON, so no separator is ambiguous) | `record` |
//! | silence | `silence` | id | `record` |
//! | snapshot head | `snapshot` | name | `name`, `at`, `gen`, `chunks`, `size`, `data` (B, inline when small), `prev_gen`, `prev_chunks` |
//! | snapshot chunk | `snapshot#{name}` | `{gen}#{index}` | `data` (B, ≤ 350 kB) |
//! | pending snapshot | `snapshot#{name}` | `pending#{gen}` | `chunks`, `started` |
//! | mark | `mark#{namespace}` | key | `key`, `at` (N) |
//! | run lock | `lock` | name | `holder` (JSON), `host`, `pid`, `expires`, `expires_at` |
//!
//! A source's findings are spread over 8 partition keys (`bucket` = a hash of the key,
//! `00`…`07`): DynamoDB serves one partition key at most 1,000 writes a second, and every
//! run writes every finding back, so 10,000 findings in one partition key would take 10 s
//! at best. Reading a source is 8 queries in parallel.
//!
//! A sort key that is empty, longer than 1000 bytes or starts with `#` is stored as
//! `#sha256:{hex}` of itself (DynamoDB caps sort keys at 1 kB); records carry their own
//! identity, so nothing is read back from a sort key.
//!
//! What is atomic: each item write; a snapshot (its chunks are written under a fresh
//! generation, then the head is flipped to it with a conditional write, then old chunks
//! are deleted: those of the generation before the replaced one, which the head kept as
//! `prev_gen` so that a reader holding the old head still finds its chunks until the next
//! write; a reader that finds its generation gone all the same reads the head again, so it
//! never sees half a snapshot); a lock acquire or release
//! (conditional on the item being what was read); a fenced delivery (TransactWriteItems
//! with a ConditionCheck on each held lock). What is not: `put_findings` and `load` write
//! with BatchWriteItem, which is atomic per item only, and checks the lease once before
//! its batches rather than per item. A run cut short mid-batch leaves some observations
//! written and some not; the spine writes observations after deliveries, so the next run
//! re-diffs those findings the same way and owes the same messages (at-least-once).
//!
//! Reads that the spine relies on seeing its own writes in are consistent reads.

use crate::state::{
    DeliveryRecord, FindingRecord, HeldLocks, LockHolder, MarkRecord, Silence, SnapshotRecord, StateDump, StateError,
    StateResult, StateStore, corrupt_record, duplicate_silence, lock_takeable, lost_lock, same_holder, sort_silences,
};
use async_trait::async_trait;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, ConditionCheck, DeleteRequest, KeySchemaElement, KeyType,
    KeysAndAttributes, Put, PutRequest, ScalarAttributeType, TimeToLiveSpecification, TransactWriteItem, WriteRequest,
};
use futures::{StreamExt, TryStreamExt};
use jiff::Timestamp;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

type Item = HashMap<String, AttributeValue>;

/// The TTL attribute: DynamoDB deletes items whose `expires_at` (epoch seconds) has passed.
pub const TTL_ATTRIBUTE: &str = "expires_at";
/// Lock items are cleaned up by TTL this long after their lease lapsed (a crashed host's).
const LOCK_TTL_GRACE_SECS: i64 = 24 * 3600;
/// Snapshot bytes per item: DynamoDB caps an item at 400 kB, names and keys included.
const CHUNK: usize = 350_000;
/// Partition keys a source's findings are spread over (see the module doc).
const FINDING_BUCKETS: usize = 8;
/// A record larger than this cannot be one item.
const MAX_RECORD: usize = 390_000;
/// BatchWriteItem takes at most 25 requests, BatchGetItem 100 keys.
const WRITE_BATCH: usize = 25;
const GET_BATCH: usize = 100;
/// Batches in flight at once: 10,000 findings are 400 batches, not 400 round trips in a row.
const IN_FLIGHT: usize = 8;
/// Tries of a batch whose items DynamoDB left unprocessed (throttled), with backoff.
const BATCH_TRIES: u32 = 10;
/// Tries of a conditional write that lost a race before giving up.
const RACE_TRIES: u32 = 5;
/// A snapshot generation written this long ago and never made current was left by a
/// writer that died: its chunks are deleted by the next write of that snapshot.
const ORPHAN_AGE_SECS: i64 = 3600;
/// Attempts per request by the SDK itself (throttling, 5xx, timeouts).
const SDK_ATTEMPTS: u32 = 6;

/// Where a DynamoDB state lives: `dynamodb://TABLE?region=…&profile=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynamoLocation {
    pub table: String,
    pub region: Option<String>,
    pub profile: Option<String>,
}

impl DynamoLocation {
    /// `dynamodb://TABLE?region=…` with this location's region and profile, for hints.
    pub fn url(&self, region: Option<&str>) -> String {
        let mut q = Vec::new();
        if let Some(r) = region.or(self.region.as_deref()) {
            q.push(format!("region={r}"));
        }
        if let Some(p) = &self.profile {
            q.push(format!("profile={p}"));
        }
        if q.is_empty() {
            format!("dynamodb://{}", self.table)
        } else {
            format!("dynamodb://{}?{}", self.table, q.join("&"))
        }
    }
}

pub struct DynamoStore {
    loc: DynamoLocation,
    http: Option<aws_smithy_runtime_api::client::http::SharedHttpClient>,
    /// Built on first use: loading AWS config is async, opening a store is not.
    client: tokio::sync::OnceCell<Client>,
    region: std::sync::OnceLock<String>,
    held: HeldLocks,
}

/// What `opskit state init` did to the table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InitOutcome {
    pub store: String,
    pub table: String,
    pub region: String,
    /// Whether the table was created now (false: it existed with the right key schema).
    pub created: bool,
    /// Whether TTL on `expires_at` was turned on now.
    pub ttl_enabled_now: bool,
}

impl DynamoStore {
    /// A store on `loc`: credentials from its profile, else the default chain; region from
    /// its region, else the default chain; endpoint overrides (`AWS_ENDPOINT_URL_DYNAMODB`,
    /// `AWS_ENDPOINT_URL`) honoured by aws-config. Nothing is contacted until first use.
    pub fn new(loc: DynamoLocation) -> DynamoStore {
        DynamoStore {
            loc,
            http: None,
            client: tokio::sync::OnceCell::new(),
            region: std::sync::OnceLock::new(),
            held: HeldLocks::default(),
        }
    }

    /// Share an HTTP client (TLS setup, connection pool) with the rest of the run.
    pub fn with_http_client(mut self, http: aws_smithy_runtime_api::client::http::SharedHttpClient) -> DynamoStore {
        self.http = Some(http);
        self
    }

    /// A store on `table` with a ready SDK config (tests, callers that built one).
    pub fn with_sdk_config(table: &str, config: &SdkConfig) -> DynamoStore {
        let loc =
            DynamoLocation { table: table.to_string(), region: config.region().map(|r| r.to_string()), profile: None };
        let store = DynamoStore::new(loc);
        if let Some(r) = config.region() {
            let _ = store.region.set(r.to_string());
        }
        let _ = store.client.set(Client::new(config));
        store
    }

    pub fn table(&self) -> &str {
        &self.loc.table
    }

    fn region_name(&self) -> Option<&str> {
        self.region.get().map(String::as_str).or(self.loc.region.as_deref())
    }

    async fn client(&self) -> StateResult<&Client> {
        self.client
            .get_or_try_init(|| async {
                use aws_config::retry::RetryConfig;
                use aws_config::timeout::TimeoutConfig;
                let mut loader = aws_config::defaults(BehaviorVersion::latest())
                    .retry_config(RetryConfig::standard().with_max_attempts(SDK_ATTEMPTS))
                    .timeout_config(
                        TimeoutConfig::builder()
                            .connect_timeout(Duration::from_secs(5))
                            .operation_attempt_timeout(Duration::from_secs(30))
                            .build(),
                    );
                if let Some(h) = &self.http {
                    loader = loader.http_client(h.clone());
                }
                if let Some(r) = &self.loc.region {
                    loader = loader.region(Region::new(r.clone()));
                }
                if let Some(p) = &self.loc.profile {
                    // The profile's own credentials, not the default chain's: otherwise
                    // AWS_ACCESS_KEY_ID in the environment would win over the profile named.
                    let mut creds = aws_config::profile::ProfileFileCredentialsProvider::builder().profile_name(p);
                    if let Some(h) = &self.http {
                        let pc = aws_config::provider_config::ProviderConfig::without_region()
                            .with_http_client(h.clone())
                            .with_region(self.loc.region.clone().map(Region::new));
                        creds = creds.configure(&pc);
                    }
                    loader = loader.profile_name(p).credentials_provider(creds.build());
                }
                let config = loader.load().await;
                let Some(region) = config.region() else {
                    return Err(StateError::backend(
                        self.location(),
                        format!(
                            "no AWS region for the state table\nhint: name it in the state URL: {}",
                            self.loc.url(Some("ap-northeast-1"))
                        ),
                    ));
                };
                let _ = self.region.set(region.to_string());
                Ok(Client::new(&config))
            })
            .await
    }

    /// A state error that says what failed, naming table and region; missing tables,
    /// refused access and throttling each say so plainly.
    fn sdk_err<E, R>(&self, what: &str, e: SdkError<E, R>) -> StateError
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + 'static,
    {
        let region = self.region_name().unwrap_or("its region").to_string();
        // Without AWS's message: credentials or transport, in one line (the SDK's Debug
        // output only at -vv).
        let plain = || super::failure::describe(what, &e).to_string();
        let detail = e.message().map(str::to_string).unwrap_or_else(|| super::failure::describe(what, &e).message);
        let message = match e.code() {
            Some("ResourceNotFoundException") => format!(
                "{what}: table `{}` does not exist in {region}\nhint: create it with `opskit state init --state {}`",
                self.loc.table,
                self.loc.url(self.region_name())
            ),
            Some("AccessDeniedException") => format!(
                "{what}: access denied: {detail}\nhint: commands/state/iam-policy.json lists the DynamoDB actions \
                 opskit needs on the table"
            ),
            Some(c @ ("UnrecognizedClientException" | "InvalidSignatureException" | "ExpiredTokenException")) => {
                format!("{what}: the credentials were refused ({c}): {detail}")
            }
            Some(
                c @ ("ThrottlingException"
                | "ProvisionedThroughputExceededException"
                | "RequestLimitExceeded"
                | "LimitExceededException"),
            ) => format!("{what}: DynamoDB is throttling ({c}), still after {SDK_ATTEMPTS} attempts: {detail}"),
            Some(c) => format!("{what}: {c}: {detail}"),
            None => plain(),
        };
        StateError::backend(self.location(), message)
    }

    fn err(&self, message: impl std::fmt::Display) -> StateError {
        StateError::backend(self.location(), message)
    }

    /// Every item of partition `pk` (whose sort key starts with `prefix`), all pages,
    /// read consistently.
    async fn query_all(&self, what: &str, pk: &str, prefix: Option<&str>) -> StateResult<Vec<Item>> {
        let client = self.client().await?;
        let mut out = Vec::new();
        let mut start: Option<Item> = None;
        loop {
            let mut q = client
                .query()
                .table_name(&self.loc.table)
                .consistent_read(true)
                .expression_attribute_names("#pk", "pk")
                .expression_attribute_values(":pk", s(pk))
                .set_exclusive_start_key(start.take());
            q = match prefix {
                Some(p) => q
                    .key_condition_expression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expression_attribute_names("#sk", "sk")
                    .expression_attribute_values(":prefix", s(p)),
                None => q.key_condition_expression("#pk = :pk"),
            };
            let page = q.send().await.map_err(|e| self.sdk_err(what, e))?;
            out.extend(page.items.unwrap_or_default());
            match page.last_evaluated_key {
                Some(k) if !k.is_empty() => start = Some(k),
                _ => return Ok(out),
            }
        }
    }

    async fn get(&self, what: &str, pk: &str, sk: &str) -> StateResult<Option<Item>> {
        let out = self
            .client()
            .await?
            .get_item()
            .table_name(&self.loc.table)
            .set_key(Some(key(pk, sk)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| self.sdk_err(what, e))?;
        Ok(out.item)
    }

    /// Write `requests` with BatchWriteItem, 25 at a time and several batches at once;
    /// items DynamoDB leaves unprocessed are sent again with backoff. The same key twice
    /// keeps the last (a batch may not hold a key twice).
    async fn batch_write(&self, what: &str, requests: Vec<(String, String, WriteRequest)>) -> StateResult<()> {
        let mut seen = BTreeSet::new();
        let mut unique: Vec<WriteRequest> = Vec::with_capacity(requests.len());
        for (pk, sk, r) in requests.into_iter().rev() {
            if seen.insert((pk, sk)) {
                unique.push(r);
            }
        }
        unique.reverse();
        let batches: Vec<Vec<WriteRequest>> = unique.chunks(WRITE_BATCH).map(<[WriteRequest]>::to_vec).collect();
        futures::stream::iter(batches)
            .map(|b| self.write_batch(what, b))
            .buffer_unordered(IN_FLIGHT)
            .try_collect::<Vec<()>>()
            .await
            .map(|_| ())
    }

    async fn write_batch(&self, what: &str, mut items: Vec<WriteRequest>) -> StateResult<()> {
        let client = self.client().await?;
        for attempt in 1..=BATCH_TRIES {
            let out = client
                .batch_write_item()
                .request_items(&self.loc.table, items)
                .send()
                .await
                .map_err(|e| self.sdk_err(what, e))?;
            items = out.unprocessed_items.and_then(|mut m| m.remove(&self.loc.table)).unwrap_or_default();
            if items.is_empty() {
                return Ok(());
            }
            tokio::time::sleep(backoff(attempt)).await;
        }
        Err(self.err(format!(
            "{what}: DynamoDB left {} items unprocessed after {BATCH_TRIES} tries (throttled)",
            items.len()
        )))
    }

    /// The lock item `name`: its holder, lease expiry, and the holder text as stored (what
    /// a conditional write compares against).
    async fn read_lock(&self, name: &str) -> StateResult<Option<(LockHolder, i64, String)>> {
        let Some(item) = self.get(&format!("reading the run lock `{name}`"), "lock", &sort_key(name)).await? else {
            return Ok(None);
        };
        let text = str_attr(&item, "holder").map_err(|e| self.err(format!("run lock `{name}`: {e}")))?.to_string();
        let holder: LockHolder =
            crate::state::decode_record(&self.location(), "locks", &[("pk", "lock"), ("sk", &sort_key(name))], &text)?;
        let expires = num_attr(&item, "expires").map_err(|e| self.err(format!("run lock `{name}`: {e}")))?;
        Ok(Some((holder, expires, text)))
    }

    /// Fail when a lock this store took is now someone else's (or gone).
    async fn check_fence(&self) -> StateResult<()> {
        for (name, me) in self.held.list() {
            let now = self.read_lock(&name).await?;
            if !now.as_ref().is_some_and(|(h, _, _)| same_holder(h, &me)) {
                return Err(lost_lock(self.location(), &name, now.as_ref().map(|(h, _, _)| h)));
            }
        }
        Ok(())
    }

    /// Put `item`, conditioned on every held lock still being ours (one transaction), or
    /// plainly when no lock is held.
    async fn fenced_put(&self, what: &str, item: Item) -> StateResult<()> {
        let client = self.client().await?;
        let held = self.held.list();
        if held.is_empty() {
            client
                .put_item()
                .table_name(&self.loc.table)
                .set_item(Some(item))
                .send()
                .await
                .map_err(|e| self.sdk_err(what, e))?;
            return Ok(());
        }
        for attempt in 1..=RACE_TRIES {
            let put = Put::builder()
                .table_name(&self.loc.table)
                .set_item(Some(item.clone()))
                .build()
                .map_err(|e| self.err(e))?;
            let mut tx = client.transact_write_items().transact_items(TransactWriteItem::builder().put(put).build());
            for (name, me) in &held {
                let check = ConditionCheck::builder()
                    .table_name(&self.loc.table)
                    .set_key(Some(key("lock", &sort_key(name))))
                    .condition_expression(HELD_BY)
                    .set_expression_attribute_names(Some(held_by_names()))
                    .set_expression_attribute_values(Some(held_by_values(me)))
                    .build()
                    .map_err(|e| self.err(e))?;
                tx = tx.transact_items(TransactWriteItem::builder().condition_check(check).build());
            }
            let Err(e) = tx.send().await else { return Ok(()) };
            let reasons: Vec<Option<String>> = match e.as_service_error() {
                Some(aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionCanceledException(
                    c,
                )) => c.cancellation_reasons().iter().map(|r| r.code().map(str::to_string)).collect(),
                _ => return Err(self.sdk_err(what, e)),
            };
            // Reasons come in the order of the transaction's items: the put, then the checks.
            if let Some(i) = reasons.iter().skip(1).position(|r| r.as_deref() == Some("ConditionalCheckFailed")) {
                let name = &held[i].0;
                let now = self.read_lock(name).await?;
                return Err(lost_lock(self.location(), name, now.as_ref().map(|(h, _, _)| h)));
            }
            if reasons.iter().any(|r| r.as_deref() == Some("TransactionConflict")) && attempt < RACE_TRIES {
                // A lease renewal raced the transaction: try again.
                tokio::time::sleep(backoff(attempt)).await;
                continue;
            }
            if reasons.is_empty() || reasons.iter().all(|r| r.as_deref().is_none_or(|c| c == "None")) {
                // moto and older endpoints may not itemise reasons: ask the locks themselves.
                self.check_fence().await?;
            }
            return Err(self.sdk_err(what, e));
        }
        Err(self.err(format!("{what}: the transaction kept conflicting with other writes")))
    }

    /// The items of a snapshot's generation `generation` in order, if all are there.
    async fn read_chunks(
        &self,
        name: &str,
        generation: &str,
        chunks: usize,
        size: usize,
    ) -> StateResult<Option<Vec<u8>>> {
        let items = self
            .query_all(&format!("reading snapshot `{name}`"), &chunk_pk(name), Some(&format!("{generation}#")))
            .await?;
        if items.len() != chunks {
            return Ok(None);
        }
        let mut data = Vec::with_capacity(size);
        for item in &items {
            data.extend_from_slice(
                bytes_attr(item, "data")
                    .map_err(|e| corrupt_record(self.location(), "snapshots", &[("name", name)], e))?,
            );
        }
        Ok((data.len() == size).then_some(data))
    }

    /// Delete the chunks of generations nobody reads any more: `retired` (the one before
    /// the generation just replaced), and those of writers that died before making theirs
    /// current.
    async fn clean_snapshot(&self, name: &str, retired: Option<(String, usize)>, mine: &str) -> StateResult<()> {
        let what = format!("cleaning up old generations of snapshot `{name}`");
        let pk = chunk_pk(name);
        let mut gone: Vec<(String, usize)> = retired.into_iter().filter(|(g, _)| g != mine).collect();
        let cutoff = Timestamp::now().as_second() - ORPHAN_AGE_SECS;
        for item in self.query_all(&what, &pk, Some("pending#")).await? {
            let generation = str_attr(&item, "sk").map_err(|e| self.err(e))?.trim_start_matches("pending#").to_string();
            let started = num_attr(&item, "started").map_err(|e| self.err(e))?;
            let chunks = num_attr(&item, "chunks").map_err(|e| self.err(e))? as usize;
            if generation != mine && started < cutoff {
                gone.push((generation, chunks));
            }
        }
        let mut deletes = Vec::new();
        for (generation, chunks) in gone {
            for i in 0..chunks {
                deletes.push(delete_req(&pk, &chunk_sk(&generation, i)));
            }
            deletes.push(delete_req(&pk, &format!("pending#{generation}")));
        }
        self.batch_write(&what, deletes).await
    }

    /// Create the table (on-demand, TTL on `expires_at`) and wait until it is ACTIVE; a
    /// table that exists with the right key schema is fine (its TTL is turned on if off);
    /// one with another key schema is an error.
    pub async fn init_table(&self) -> StateResult<InitOutcome> {
        let client = self.client().await?;
        let table = &self.loc.table;
        let described = client.describe_table().table_name(table).send().await;
        let created = match described {
            Ok(out) => {
                let Some(t) = out.table else {
                    return Err(self.err(format!("describing table `{table}`: no description came back")));
                };
                let schema: Vec<(String, String)> = t
                    .key_schema()
                    .iter()
                    .map(|k| (k.attribute_name().to_string(), k.key_type().as_str().to_string()))
                    .collect();
                let types: BTreeMap<&str, &str> = t
                    .attribute_definitions()
                    .iter()
                    .map(|a| (a.attribute_name(), a.attribute_type().as_str()))
                    .collect();
                let want = vec![("pk".to_string(), "HASH".to_string()), ("sk".to_string(), "RANGE".to_string())];
                if schema != want || types.get("pk") != Some(&"S") || types.get("sk") != Some(&"S") {
                    let has: Vec<String> = schema
                        .iter()
                        .map(|(a, k)| format!("{a} ({}, {k})", types.get(a.as_str()).unwrap_or(&"?")))
                        .collect();
                    return Err(self.err(format!(
                        "table `{table}` exists with another key schema ({}); opskit needs pk (S, HASH) + sk (S, RANGE)\n\
                         hint: name another table in --state",
                        has.join(" + ")
                    )));
                }
                false
            }
            Err(e) if e.code() == Some("ResourceNotFoundException") => {
                let attr = |name: &str| {
                    AttributeDefinition::builder()
                        .attribute_name(name)
                        .attribute_type(ScalarAttributeType::S)
                        .build()
                        .map_err(|e| self.err(e))
                };
                let key_el = |name: &str, t: KeyType| {
                    KeySchemaElement::builder().attribute_name(name).key_type(t).build().map_err(|e| self.err(e))
                };
                let made = client
                    .create_table()
                    .table_name(table)
                    .billing_mode(BillingMode::PayPerRequest)
                    .attribute_definitions(attr("pk")?)
                    .attribute_definitions(attr("sk")?)
                    .key_schema(key_el("pk", KeyType::Hash)?)
                    .key_schema(key_el("sk", KeyType::Range)?)
                    .send()
                    .await;
                match made {
                    Ok(_) => true,
                    // Another host created it a moment ago.
                    Err(e) if e.code() == Some("ResourceInUseException") => false,
                    Err(e) => return Err(self.sdk_err(&format!("creating table `{table}`"), e)),
                }
            }
            Err(e) => return Err(self.sdk_err(&format!("describing table `{table}`"), e)),
        };
        use aws_sdk_dynamodb::client::Waiters;
        client.wait_until_table_exists().table_name(table).wait(Duration::from_secs(300)).await.map_err(|e| {
            self.err(super::failure::describe(&format!("waiting for table `{table}` to become ACTIVE"), &e))
        })?;
        let ttl = client
            .describe_time_to_live()
            .table_name(table)
            .send()
            .await
            .map_err(|e| self.sdk_err(&format!("reading the TTL setting of `{table}`"), e))?;
        let desc = ttl.time_to_live_description;
        let status = desc.as_ref().and_then(|d| d.time_to_live_status()).map(|s| s.as_str().to_string());
        let attr = desc.as_ref().and_then(|d| d.attribute_name()).map(str::to_string);
        let on = matches!(status.as_deref(), Some("ENABLED" | "ENABLING"));
        let ttl_enabled_now = match (on, attr.as_deref()) {
            (true, Some(TTL_ATTRIBUTE)) => false,
            (true, other) => {
                return Err(self.err(format!(
                    "table `{table}` has TTL on `{}`, opskit needs it on `{TTL_ATTRIBUTE}`",
                    other.unwrap_or("?")
                )));
            }
            (false, _) => {
                let spec = TimeToLiveSpecification::builder()
                    .attribute_name(TTL_ATTRIBUTE)
                    .enabled(true)
                    .build()
                    .map_err(|e| self.err(e))?;
                client
                    .update_time_to_live()
                    .table_name(table)
                    .time_to_live_specification(spec)
                    .send()
                    .await
                    .map_err(|e| self.sdk_err(&format!("turning on TTL of `{table}`"), e))?;
                true
            }
        };
        Ok(InitOutcome {
            store: self.location(),
            table: table.clone(),
            region: self.region_name().unwrap_or_default().to_string(),
            created,
            ttl_enabled_now,
        })
    }

    fn finding_item(&self, r: &FindingRecord) -> StateResult<Item> {
        let record = record_json(r).map_err(|e| self.err(e))?;
        if record.len() > MAX_RECORD {
            return Err(self.err(format!(
                "finding `{}` of `{}` is {} bytes as JSON: more than fits in a DynamoDB item (400 kB)",
                r.finding.key,
                r.finding.source,
                record.len()
            )));
        }
        let mut item = key(&finding_pk(&r.finding.source, &r.finding.key), &sort_key(&r.finding.key));
        item.insert("record".into(), s(record));
        Ok(item)
    }

    fn delivery_item(&self, r: &DeliveryRecord) -> StateResult<Item> {
        let mut item = key(&format!("delivery#{}", r.source), &delivery_sk(&r.key, &r.sink));
        item.insert("record".into(), s(record_json(r).map_err(|e| self.err(e))?));
        Ok(item)
    }

    fn silence_item(&self, silence: &Silence) -> StateResult<Item> {
        let mut item = key("silence", &sort_key(&silence.id));
        item.insert("record".into(), s(record_json(silence).map_err(|e| self.err(e))?));
        Ok(item)
    }

    /// The record of an item of `kind` (findings, deliveries, silences); one that is
    /// missing or does not parse is named by its kind and item key, as SQLite names its own.
    fn parse<T: serde::de::DeserializeOwned>(&self, kind: &str, item: &Item) -> StateResult<T> {
        let corrupt = |e: String| {
            let attr = |name: &str| str_attr(item, name).unwrap_or("?");
            corrupt_record(self.location(), kind, &[("pk", attr("pk")), ("sk", attr("sk"))], e)
        };
        let text = str_attr(item, "record").map_err(|e| corrupt(e.to_string()))?;
        crate::state::parse_record(text).map_err(corrupt)
    }

    fn head_to_snapshot(&self, name: &str, head: &Item) -> StateResult<Head> {
        let bad = |e: String| corrupt_record(self.location(), "snapshots", &[("name", name)], e);
        let at = crate::state::decode_snapshot_at(&self.location(), name, str_attr(head, "at").map_err(bad)?)?;
        let generation = str_attr(head, "gen").map_err(bad)?.to_string();
        let chunks = num_attr(head, "chunks").map_err(bad)? as usize;
        let size = num_attr(head, "size").map_err(bad)? as usize;
        let inline = if chunks == 0 { Some(bytes_attr(head, "data").map_err(bad)?.to_vec()) } else { None };
        let prev = match (head.get("prev_gen"), head.get("prev_chunks")) {
            (Some(_), Some(_)) => Some((
                str_attr(head, "prev_gen").map_err(bad)?.to_string(),
                num_attr(head, "prev_chunks").map_err(bad)? as usize,
            )),
            _ => None,
        };
        Ok(Head { at, generation, chunks, size, inline, prev })
    }
}

struct Head {
    at: Timestamp,
    generation: String,
    chunks: usize,
    size: usize,
    inline: Option<Vec<u8>>,
    /// The generation this one replaced, kept until the next write (chunked ones only).
    prev: Option<(String, usize)>,
}

#[async_trait]
impl StateStore for DynamoStore {
    fn location(&self) -> String {
        match self.region_name() {
            Some(r) => format!("dynamodb://{} ({r})", self.loc.table),
            None => format!("dynamodb://{}", self.loc.table),
        }
    }

    async fn findings(&self, source: &str) -> StateResult<Vec<FindingRecord>> {
        let what = format!("reading findings of `{source}`");
        let pages: Vec<Vec<Item>> = futures::future::try_join_all((0..FINDING_BUCKETS).map(|b| {
            let (what, pk) = (&what, format!("finding#{source}#{b:02}"));
            async move { self.query_all(what, &pk, None).await }
        }))
        .await?;
        let mut v: Vec<FindingRecord> =
            pages.iter().flatten().map(|i| self.parse("findings", i)).collect::<StateResult<_>>()?;
        v.sort_by(|a, b| a.finding.key.cmp(&b.finding.key));
        Ok(v)
    }

    async fn put_findings(&self, records: &[FindingRecord]) -> StateResult<()> {
        if records.is_empty() {
            return Ok(());
        }
        // The lease is checked once, before the batches, not per item: a conditional
        // check per item would need a transaction per item (2 WCU each, 100 items at
        // most). A lease taken over during the batches lets them finish; they hold
        // observations the new holder re-reads and re-diffs the same way.
        self.check_fence().await?;
        let mut requests = Vec::with_capacity(records.len());
        for r in records {
            let item = self.finding_item(r)?;
            requests.push(put_req(item));
        }
        self.batch_write(&format!("writing {} findings", records.len()), requests).await
    }

    async fn forget_findings(&self, source: &str, keys: &[String], deliveries: &[(String, String)]) -> StateResult<()> {
        if keys.is_empty() && deliveries.is_empty() {
            return Ok(());
        }
        // Checked once, as for put_findings: forgetting is idempotent.
        self.check_fence().await?;
        let mut requests: Vec<_> = keys.iter().map(|k| delete_req(&finding_pk(source, k), &sort_key(k))).collect();
        let pk = format!("delivery#{source}");
        requests.extend(deliveries.iter().map(|(k, sink)| delete_req(&pk, &delivery_sk(k, sink))));
        self.batch_write(&format!("forgetting {} findings of `{source}`", keys.len()), requests).await
    }

    async fn deliveries(&self, source: &str) -> StateResult<Vec<DeliveryRecord>> {
        let what = format!("reading deliveries of `{source}`");
        let items = self.query_all(&what, &format!("delivery#{source}"), None).await?;
        let mut v: Vec<DeliveryRecord> =
            items.iter().map(|i| self.parse("deliveries", i)).collect::<StateResult<_>>()?;
        v.sort_by(|a, b| (&a.key, &a.sink).cmp(&(&b.key, &b.sink)));
        Ok(v)
    }

    async fn put_delivery(&self, r: &DeliveryRecord) -> StateResult<()> {
        let item = self.delivery_item(r)?;
        self.fenced_put(&format!("recording the delivery of `{}` to `{}`", r.key, r.sink), item).await
    }

    async fn silences(&self) -> StateResult<Vec<Silence>> {
        let items = self.query_all("reading silences", "silence", None).await?;
        let mut v: Vec<Silence> = items.iter().map(|i| self.parse("silences", i)).collect::<StateResult<_>>()?;
        sort_silences(&mut v);
        Ok(v)
    }

    async fn add_silence(&self, silence: &Silence) -> StateResult<()> {
        let item = self.silence_item(silence)?;
        let out = self
            .client()
            .await?
            .put_item()
            .table_name(&self.loc.table)
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await;
        match out {
            Ok(_) => Ok(()),
            Err(e) if e.code() == Some("ConditionalCheckFailedException") => {
                Err(duplicate_silence(self.location(), &silence.id))
            }
            Err(e) => Err(self.sdk_err(&format!("adding silence `{}`", silence.id), e)),
        }
    }

    async fn remove_silence(&self, id: &str) -> StateResult<bool> {
        let out = self
            .client()
            .await?
            .delete_item()
            .table_name(&self.loc.table)
            .set_key(Some(key("silence", &sort_key(id))))
            .return_values(aws_sdk_dynamodb::types::ReturnValue::AllOld)
            .send()
            .await
            .map_err(|e| self.sdk_err(&format!("removing silence `{id}`"), e))?;
        Ok(out.attributes.is_some_and(|a| !a.is_empty()))
    }

    async fn snapshot(&self, name: &str) -> StateResult<Option<(Timestamp, Vec<u8>)>> {
        let what = format!("reading snapshot `{name}`");
        let mut last = None;
        for attempt in 1..=RACE_TRIES {
            if attempt > 1 {
                tokio::time::sleep(backoff(attempt)).await;
            }
            let Some(item) = self.get(&what, "snapshot", &sort_key(name)).await? else { return Ok(None) };
            let head = self.head_to_snapshot(name, &item)?;
            if let Some(data) = head.inline {
                return Ok(Some((head.at, data)));
            }
            if let Some(data) = self.read_chunks(name, &head.generation, head.chunks, head.size).await? {
                return Ok(Some((head.at, data)));
            }
            // Two writes replaced this generation while we read it: read the head again.
            last = Some(head.generation);
        }
        Err(self
            .err(format!("snapshot `{name}`: generation {} kept changing or is incomplete", last.unwrap_or_default())))
    }

    async fn put_snapshot(&self, name: &str, at: Timestamp, data: &[u8]) -> StateResult<()> {
        let what = format!("writing snapshot `{name}`");
        let client = self.client().await?;
        let generation = new_generation();
        let pk = chunk_pk(name);
        let chunks = if data.len() <= CHUNK { 0 } else { data.len().div_ceil(CHUNK) };
        let mut head = key("snapshot", &sort_key(name));
        head.insert("name".into(), s(name));
        head.insert("at".into(), s(at.to_string()));
        head.insert("gen".into(), s(&generation));
        head.insert("chunks".into(), n(chunks as i64));
        head.insert("size".into(), n(data.len() as i64));
        if chunks == 0 {
            head.insert("data".into(), AttributeValue::B(data.to_vec().into()));
        } else {
            // A marker first, so a writer that dies before the flip leaves chunks that a
            // later write finds and deletes.
            let mut pending = key(&pk, &format!("pending#{generation}"));
            pending.insert("chunks".into(), n(chunks as i64));
            pending.insert("started".into(), n(Timestamp::now().as_second()));
            client
                .put_item()
                .table_name(&self.loc.table)
                .set_item(Some(pending))
                .send()
                .await
                .map_err(|e| self.sdk_err(&what, e))?;
            let mut puts = Vec::with_capacity(chunks);
            for (i, part) in data.chunks(CHUNK).enumerate() {
                let mut item = key(&pk, &chunk_sk(&generation, i));
                item.insert("data".into(), AttributeValue::B(part.to_vec().into()));
                puts.push(put_req(item));
            }
            self.batch_write(&what, puts).await?;
        }
        // Flip the head to the new generation, conditioned on it being what we read, so
        // the generations we keep and delete are the ones it named.
        for _ in 0..RACE_TRIES {
            let current = self.get(&what, "snapshot", &sort_key(name)).await?;
            let replaced = current.map(|item| self.head_to_snapshot(name, &item)).transpose()?;
            let mut head = head.clone();
            if let Some(r) = replaced.as_ref().filter(|r| r.chunks > 0) {
                head.insert("prev_gen".into(), s(&r.generation));
                head.insert("prev_chunks".into(), n(r.chunks as i64));
            }
            let mut put = client.put_item().table_name(&self.loc.table).set_item(Some(head));
            put = match &replaced {
                Some(r) => put
                    .condition_expression("#gen = :gen")
                    .expression_attribute_names("#gen", "gen")
                    .expression_attribute_values(":gen", s(&r.generation)),
                None => put.condition_expression("attribute_not_exists(pk)"),
            };
            match put.send().await {
                Ok(_) => {
                    if chunks > 0 {
                        client
                            .delete_item()
                            .table_name(&self.loc.table)
                            .set_key(Some(key(&pk, &format!("pending#{generation}"))))
                            .send()
                            .await
                            .map_err(|e| self.sdk_err(&what, e))?;
                    }
                    return self.clean_snapshot(name, replaced.and_then(|r| r.prev), &generation).await;
                }
                Err(e) if e.code() == Some("ConditionalCheckFailedException") => continue,
                Err(e) => return Err(self.sdk_err(&what, e)),
            }
        }
        Err(self.err(format!("{what}: other writers kept replacing it ({RACE_TRIES} tries)")))
    }

    async fn marked(&self, namespace: &str, keys: &[String]) -> StateResult<BTreeSet<String>> {
        let what = format!("reading marks of `{namespace}`");
        let pk = format!("mark#{namespace}");
        let by_sk: BTreeMap<String, &String> = keys.iter().map(|k| (sort_key(k), k)).collect();
        let sks: Vec<String> = by_sk.keys().cloned().collect();
        let batches: Vec<Vec<String>> = sks.chunks(GET_BATCH).map(<[String]>::to_vec).collect();
        let client = self.client().await?;
        let found: Vec<Vec<String>> = futures::stream::iter(batches)
            .map(|batch: Vec<String>| {
                let (what, pk) = (&what, &pk);
                async move {
                    let ka = KeysAndAttributes::builder()
                        .set_keys(Some(batch.iter().map(|sk| key(pk, sk)).collect()))
                        .consistent_read(true)
                        .projection_expression("sk")
                        .build()
                        .map_err(|e| self.err(e))?;
                    let mut request = HashMap::from([(self.loc.table.clone(), ka)]);
                    let mut got = Vec::new();
                    for attempt in 1..=BATCH_TRIES {
                        let out = client
                            .batch_get_item()
                            .set_request_items(Some(request))
                            .send()
                            .await
                            .map_err(|e| self.sdk_err(what, e))?;
                        for item in out.responses.and_then(|mut r| r.remove(&self.loc.table)).unwrap_or_default() {
                            got.push(str_attr(&item, "sk").map_err(|e| self.err(e))?.to_string());
                        }
                        request = out.unprocessed_keys.unwrap_or_default();
                        request.retain(|_, v| !v.keys().is_empty());
                        if request.is_empty() {
                            return Ok(got);
                        }
                        tokio::time::sleep(backoff(attempt)).await;
                    }
                    Err(self.err(format!("{what}: DynamoDB left keys unprocessed after {BATCH_TRIES} tries")))
                }
            })
            .buffer_unordered(IN_FLIGHT)
            .try_collect()
            .await?;
        Ok(found.into_iter().flatten().filter_map(|sk| by_sk.get(&sk).map(|k| (*k).clone())).collect())
    }

    async fn put_marks(&self, namespace: &str, keys: &[String], at: Timestamp) -> StateResult<()> {
        let pk = format!("mark#{namespace}");
        let requests = keys
            .iter()
            .map(|k| {
                let mut item = key(&pk, &sort_key(k));
                item.insert("key".into(), s(k));
                item.insert("at".into(), n(at.as_second()));
                put_req(item)
            })
            .collect();
        self.batch_write(&format!("writing marks of `{namespace}`"), requests).await
    }

    async fn marks_since(&self, namespace: &str, since: Timestamp) -> StateResult<Vec<(String, i64)>> {
        let what = format!("reading marks of `{namespace}`");
        let pk = format!("mark#{namespace}");
        let mut out = Vec::new();
        for item in self.query_all(&what, &pk, None).await? {
            let at = num_attr(&item, "at").map_err(|e| self.err(e))?;
            if at >= since.as_second() {
                out.push((str_attr(&item, "key").map_err(|e| self.err(e))?.to_string(), at));
            }
        }
        Ok(out)
    }

    async fn prune_marks(&self, namespace: &str, before: Timestamp) -> StateResult<usize> {
        let what = format!("pruning marks of `{namespace}`");
        let pk = format!("mark#{namespace}");
        let mut old = Vec::new();
        for item in self.query_all(&what, &pk, None).await? {
            if num_attr(&item, "at").map_err(|e| self.err(e))? < before.as_second() {
                old.push(delete_req(&pk, str_attr(&item, "sk").map_err(|e| self.err(e))?));
            }
        }
        let count = old.len();
        self.batch_write(&what, old).await?;
        Ok(count)
    }

    async fn acquire_lock(&self, name: &str, me: &LockHolder, ttl: jiff::SignedDuration) -> StateResult<()> {
        let what = format!("taking the run lock `{name}`");
        let client = self.client().await?;
        let holder_text = record_json(me).map_err(|e| self.err(e))?;
        for _ in 0..RACE_TRIES {
            let now = Timestamp::now();
            let current = self.read_lock(name).await?;
            if let Some((holder, expires, _)) = &current
                && !lock_takeable(holder, *expires, me, now)
            {
                return Err(StateError::Locked { name: name.to_string(), holder: holder.clone() });
            }
            let expires = now.as_second() + ttl.as_secs();
            let mut item = key("lock", &sort_key(name));
            item.insert("name".into(), s(name));
            item.insert("holder".into(), s(&holder_text));
            item.insert("host".into(), s(&me.host));
            item.insert("pid".into(), n(i64::from(me.pid)));
            item.insert("expires".into(), n(expires));
            item.insert(TTL_ATTRIBUTE.into(), n(expires.max(now.as_second()) + LOCK_TTL_GRACE_SECS));
            let mut put = client.put_item().table_name(&self.loc.table).set_item(Some(item));
            // Write only over exactly what was read: of two hosts racing, one wins.
            put = match &current {
                None => put.condition_expression("attribute_not_exists(pk)"),
                Some((_, expires, text)) => put
                    .condition_expression("#holder = :holder AND #expires = :expires")
                    .expression_attribute_names("#holder", "holder")
                    .expression_attribute_names("#expires", "expires")
                    .expression_attribute_values(":holder", s(text))
                    .expression_attribute_values(":expires", n(*expires)),
            };
            match put.send().await {
                Ok(_) => {
                    self.held.hold(name, me);
                    return Ok(());
                }
                // Someone wrote it since we read it: read again and decide again.
                Err(e)
                    if matches!(e.code(), Some("ConditionalCheckFailedException" | "TransactionConflictException")) =>
                {
                    continue;
                }
                Err(e) => return Err(self.sdk_err(&what, e)),
            }
        }
        match self.read_lock(name).await? {
            Some((holder, _, _)) if !same_holder(&holder, me) => {
                Err(StateError::Locked { name: name.to_string(), holder })
            }
            _ => Err(self.err(format!("{what}: other hosts kept changing it ({RACE_TRIES} tries)"))),
        }
    }

    async fn release_lock(&self, name: &str, me: &LockHolder) -> StateResult<()> {
        let out = self
            .client()
            .await?
            .delete_item()
            .table_name(&self.loc.table)
            .set_key(Some(key("lock", &sort_key(name))))
            .condition_expression(HELD_BY)
            .set_expression_attribute_names(Some(held_by_names()))
            .set_expression_attribute_values(Some(held_by_values(me)))
            .send()
            .await;
        self.held.forget(name, me);
        match out {
            // Not ours (any more), or gone: nothing to give back.
            Err(e) if e.code() == Some("ConditionalCheckFailedException") => Ok(()),
            Err(e) => Err(self.sdk_err(&format!("releasing the run lock `{name}`"), e)),
            Ok(_) => Ok(()),
        }
    }

    async fn dump(&self) -> StateResult<StateDump> {
        let what = "reading the whole table";
        let client = self.client().await?;
        let mut d = StateDump::default();
        let mut heads = Vec::new();
        let mut start: Option<Item> = None;
        loop {
            // Chunks are read through their heads, locks are not copied.
            let page = client
                .scan()
                .table_name(&self.loc.table)
                .consistent_read(true)
                .filter_expression("NOT begins_with(#pk, :chunk) AND #pk <> :lock")
                .expression_attribute_names("#pk", "pk")
                .expression_attribute_values(":chunk", s("snapshot#"))
                .expression_attribute_values(":lock", s("lock"))
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|e| self.sdk_err(what, e))?;
            for item in page.items.unwrap_or_default() {
                let pk = str_attr(&item, "pk").map_err(|e| self.err(e))?;
                if pk.starts_with("finding#") {
                    d.findings.push(self.parse("findings", &item)?);
                } else if pk.starts_with("delivery#") {
                    d.deliveries.push(self.parse("deliveries", &item)?);
                } else if pk == "silence" {
                    d.silences.push(self.parse("silences", &item)?);
                } else if let Some(ns) = pk.strip_prefix("mark#") {
                    d.marks.push(MarkRecord {
                        namespace: ns.to_string(),
                        key: str_attr(&item, "key").map_err(|e| self.err(e))?.to_string(),
                        at: num_attr(&item, "at").map_err(|e| self.err(e))?,
                    });
                } else if pk == "snapshot" {
                    let name = str_attr(&item, "name").map_err(|e| self.err(e))?.to_string();
                    let head = self.head_to_snapshot(&name, &item)?;
                    match head.inline {
                        Some(data) => d.snapshots.push(SnapshotRecord { name, at: head.at, data }),
                        None => heads.push(name),
                    }
                }
            }
            match page.last_evaluated_key {
                Some(k) if !k.is_empty() => start = Some(k),
                _ => break,
            }
        }
        for name in heads {
            if let Some((at, data)) = self.snapshot(&name).await? {
                d.snapshots.push(SnapshotRecord { name, at, data });
            }
        }
        d.sort();
        Ok(d)
    }

    async fn load(&self, d: &StateDump) -> StateResult<()> {
        let mut requests = Vec::new();
        for r in &d.findings {
            requests.push(put_req(self.finding_item(r)?));
        }
        for r in &d.deliveries {
            requests.push(put_req(self.delivery_item(r)?));
        }
        for silence in &d.silences {
            requests.push(put_req(self.silence_item(silence)?));
        }
        for m in &d.marks {
            let mut item = key(&format!("mark#{}", m.namespace), &sort_key(&m.key));
            item.insert("key".into(), s(&m.key));
            item.insert("at".into(), n(m.at));
            requests.push(put_req(item));
        }
        self.batch_write("loading records", requests).await?;
        for snap in &d.snapshots {
            self.put_snapshot(&snap.name, snap.at, &snap.data).await?;
        }
        Ok(())
    }
}

/// The table as a CloudFormation resource (YAML): what `state init` creates, plus
/// point-in-time recovery.
pub fn cloudformation(table: &str) -> String {
    format!(
        r#"# opskit state table: `opskit state init --print cloudformation`
Resources:
  OpskitStateTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      TableName: {table}
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
        - AttributeName: sk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
        - AttributeName: sk
          KeyType: RANGE
      TimeToLiveSpecification:
        AttributeName: {TTL_ATTRIBUTE}
        Enabled: true
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
"#
    )
}

/// The table as a Terraform resource (HCL, AWS provider): what `state init` creates, plus
/// point-in-time recovery.
pub fn terraform(table: &str) -> String {
    format!(
        r#"# opskit state table: `opskit state init --print terraform`
resource "aws_dynamodb_table" "opskit_state" {{
  name         = "{table}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {{
    name = "pk"
    type = "S"
  }}

  attribute {{
    name = "sk"
    type = "S"
  }}

  ttl {{
    attribute_name = "{TTL_ATTRIBUTE}"
    enabled        = true
  }}

  point_in_time_recovery {{
    enabled = true
  }}

  lifecycle {{
    prevent_destroy = true
  }}
}}
"#
    )
}

fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}

fn n(v: i64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn key(pk: &str, sk: &str) -> Item {
    HashMap::from([("pk".to_string(), s(pk)), ("sk".to_string(), s(sk))])
}

/// A write request with the (pk, sk) it writes, for de-duplication.
/// The condition that a lock item is still held by a holder (its host and pid), with
/// [`held_by_names`] and [`held_by_values`].
const HELD_BY: &str = "#host = :host AND #pid = :pid";

fn held_by_names() -> HashMap<String, String> {
    [("#host".to_string(), "host".to_string()), ("#pid".to_string(), "pid".to_string())].into()
}

fn held_by_values(me: &LockHolder) -> Item {
    [(":host".to_string(), s(&me.host)), (":pid".to_string(), n(i64::from(me.pid)))].into()
}

fn put_req(item: Item) -> (String, String, WriteRequest) {
    let pk = item.get("pk").and_then(|v| v.as_s().ok()).cloned().unwrap_or_default();
    let sk = item.get("sk").and_then(|v| v.as_s().ok()).cloned().unwrap_or_default();
    let put = PutRequest::builder().set_item(Some(item)).build().expect("a put request with its item is complete");
    (pk, sk, WriteRequest::builder().put_request(put).build())
}

fn delete_req(pk: &str, sk: &str) -> (String, String, WriteRequest) {
    let del =
        DeleteRequest::builder().set_key(Some(key(pk, sk))).build().expect("a delete request with its key is complete");
    (pk.to_string(), sk.to_string(), WriteRequest::builder().delete_request(del).build())
}

fn str_attr<'a>(item: &'a Item, name: &str) -> Result<&'a str, String> {
    match item.get(name) {
        Some(AttributeValue::S(v)) => Ok(v),
        Some(_) => Err(format!("attribute `{name}` is not a string")),
        None => Err(format!("attribute `{name}` is missing")),
    }
}

fn num_attr(item: &Item, name: &str) -> Result<i64, String> {
    match item.get(name) {
        Some(AttributeValue::N(v)) => v.parse().map_err(|e| format!("attribute `{name}`: {e}")),
        Some(_) => Err(format!("attribute `{name}` is not a number")),
        None => Err(format!("attribute `{name}` is missing")),
    }
}

fn bytes_attr<'a>(item: &'a Item, name: &str) -> Result<&'a [u8], String> {
    match item.get(name) {
        Some(AttributeValue::B(v)) => Ok(v.as_ref()),
        Some(_) => Err(format!("attribute `{name}` is not binary")),
        None => Err(format!("attribute `{name}` is missing")),
    }
}

fn record_json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    crate::state::encode_record(v).map_err(|e| format!("cannot encode a record: {e}"))
}

/// The sort key for `s`: itself, or a hash of it when DynamoDB could not take it (empty,
/// over 1 kB) or it could be mistaken for a hash (starts with `#`).
pub(crate) fn sort_key(s: &str) -> String {
    if s.is_empty() || s.len() > 1000 || s.starts_with('#') {
        use sha2::Digest;
        format!("#sha256:{}", hex::encode(sha2::Sha256::digest(s.as_bytes())))
    } else {
        s.to_string()
    }
}

/// The partition key of a finding: its source's, and one of [`FINDING_BUCKETS`] by key.
fn finding_pk(source: &str, key: &str) -> String {
    use sha2::Digest;
    let bucket = sha2::Sha256::digest(key.as_bytes())[0] as usize % FINDING_BUCKETS;
    format!("finding#{source}#{bucket:02}")
}

fn delivery_sk(key: &str, sink: &str) -> String {
    sort_key(&serde_json::json!([key, sink]).to_string())
}

fn chunk_pk(name: &str) -> String {
    format!("snapshot#{}", sort_key(name))
}

fn chunk_sk(generation: &str, i: usize) -> String {
    format!("{generation}#{i:06}")
}

/// A fresh snapshot generation id: time-ordered, and unique across hosts.
fn new_generation() -> String {
    format!("{:020}-{:016x}", Timestamp::now().as_microsecond(), crate::aws::random_u64())
}

/// Exponential backoff with full jitter: 50 ms, 100 ms, … up to 5 s.
fn backoff(attempt: u32) -> Duration {
    crate::aws::full_jitter(Duration::from_millis(50u64.saturating_mul(1 << attempt.min(7)).min(5_000)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_are_kept_or_hashed_unambiguously() {
        assert_eq!(sort_key("dx-vif/1111/ap-northeast-1/dxvif-1"), "dx-vif/1111/ap-northeast-1/dxvif-1");
        let long = "k".repeat(1001);
        assert!(sort_key(&long).starts_with("#sha256:"));
        assert!(sort_key("").starts_with("#sha256:"));
        assert_ne!(sort_key("#x"), "#x", "a literal `#…` key cannot pose as a hash");
        assert_ne!(delivery_sk("a\",\"b", "c"), delivery_sk("a", "b\",\"c"), "key and sink never run together");
    }

    #[test]
    fn a_sources_findings_spread_over_every_bucket() {
        let pks: BTreeSet<String> = (0..200).map(|i| finding_pk("dx-vif", &format!("dx-vif/1111/vif-{i}"))).collect();
        let want: BTreeSet<String> = (0..FINDING_BUCKETS).map(|b| format!("finding#dx-vif#{b:02}")).collect();
        assert_eq!(pks, want);
    }

    #[test]
    fn generations_sort_by_time() {
        let a = new_generation();
        std::thread::sleep(Duration::from_millis(2));
        let b = new_generation();
        assert!(a < b);
    }
}
