//! The AWS Health API as opskit reads it: the open and upcoming events of one account
//! (`DescribeEvents`, `DescribeEventDetails`, `DescribeAffectedEntities`) or of a whole
//! organization from its management or delegated-administrator account (the
//! `…ForOrganization` operations), each listing complete (every page) or an error.
//!
//! Details and entities are asked only for events that are new or whose `lastUpdatedTime`
//! moved since the kept finding: a run where nothing changed costs one `DescribeEvents`
//! page per account (per organization: one `DescribeEventsForOrganization` page, plus one
//! `DescribeAffectedAccountsForOrganization` per open event).
//!
//! Health answers in us-east-1 and, when that region cannot, in us-east-2 (the passive
//! endpoint of its active-passive pair): a listing that fails to reach the first is asked
//! of the second ([`with_failover`]).
//! API reference: <https://docs.aws.amazon.com/health/latest/APIReference/Welcome.html>.

use crate::aws::answer::{Incomplete, Pages, required};
use crate::health::{Channel, Event};
use aws_config::SdkConfig;
use aws_sdk_health::Client;
use aws_sdk_health::types::{
    EntityAccountFilter, EntityFilter, EventAccountFilter, EventFilter, EventStatusCode, EventTypeCategory,
    OrganizationEventFilter,
};
use jiff::Timestamp;
use std::collections::BTreeMap;

/// Health's active region, and its passive one.
pub const REGION: &str = "us-east-1";
pub const FAILOVER_REGION: &str = "us-east-2";

/// ARNs per DescribeEventDetails / DescribeAffectedEntities call (the API's limit).
const BATCH: usize = 10;

const PERMISSIONS_HINT: &str = "the identity needs health:DescribeEvents, health:DescribeEventDetails and \
                                health:DescribeAffectedEntities (commands/health/iam-policy-accounts.json)";
const ORG_PERMISSIONS_HINT: &str = "the identity needs the health:…ForOrganization permissions \
                                    (commands/health/iam-policy-organization.json), and the organizational view \
                                    must be on: `aws health enable-health-service-access-for-organization`";

/// One event as listed, and whether its details and entities were read in this run
/// (`false`: unchanged since the kept finding, which still describes it).
#[derive(Debug, Clone)]
pub struct Listed {
    pub event: Event,
    pub detailed: bool,
}

/// What the caller already knows: the `lastUpdatedTime` of each kept event, by
/// (account, event ARN).
#[derive(Debug, Default)]
pub struct Known {
    pub updated: BTreeMap<(String, String), Timestamp>,
}

impl Known {
    fn unchanged(&self, account: &str, arn: &str, updated: Option<Timestamp>) -> bool {
        updated.is_some() && self.updated.get(&(account.to_string(), arn.to_string())) == updated.as_ref()
    }
}

fn ts(t: Option<&aws_smithy_types::DateTime>) -> Option<Timestamp> {
    t.and_then(|t| Timestamp::new(t.secs(), t.subsec_nanos() as i32).ok())
}

fn categories(names: &[String]) -> Vec<EventTypeCategory> {
    names.iter().map(|c| EventTypeCategory::from(c.as_str())).collect()
}

fn statuses() -> Vec<EventStatusCode> {
    vec![EventStatusCode::Open, EventStatusCode::Upcoming]
}

fn err<E>(
    op: &str,
    hint: &str,
    e: aws_sdk_health::error::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> anyhow::Error
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    crate::aws::support_api_error(op, "the AWS Health API", hint, e)
}

/// The event as the API gives it, before details.
#[allow(clippy::too_many_arguments)]
fn event_of(
    arn: Option<&str>,
    code: Option<&str>,
    category: Option<&EventTypeCategory>,
    service: Option<&str>,
    region: Option<&str>,
    status: Option<&EventStatusCode>,
    times: [Option<&aws_smithy_types::DateTime>; 3],
    account: &str,
    channel: Channel,
) -> Event {
    Event {
        arn: arn.map(str::to_string),
        code: code.unwrap_or("-").to_string(),
        category: category.map(|c| c.as_str().to_string()),
        service: service.map(str::to_string),
        region: region.map(str::to_string),
        status: status.map(|s| s.as_str().to_string()),
        start: ts(times[0]),
        end: ts(times[1]),
        last_updated: ts(times[2]),
        description: None,
        account: Some(account.to_string()),
        resources: Vec::new(),
        links: Vec::new(),
        cancelled: false,
        channel,
        severity: None,
    }
}

/// The open and upcoming events of the account `account` (its id) whose credentials `client` holds.
pub async fn account_events(
    client: &Client,
    account: &str,
    cats: &[String],
    known: &Known,
) -> anyhow::Result<Vec<Listed>> {
    const OP: &str = "DescribeEvents";
    let filter = EventFilter::builder()
        .set_event_status_codes(Some(statuses()))
        .set_event_type_categories(Some(categories(cats)))
        .build();
    let events = Pages::all(OP, "events list", |token| {
        let req = client.describe_events().filter(filter.clone()).max_results(100).set_next_token(token);
        async move {
            let page = req.send().await.map_err(|e| err(OP, PERMISSIONS_HINT, e))?;
            anyhow::Ok((page.events, page.next_token))
        }
    })
    .await?;
    let mut listed = Vec::new();
    for e in &events {
        let arn = required(e.arn.clone(), OP, "arn of an event")?;
        let event = event_of(
            Some(&arn),
            e.event_type_code(),
            e.event_type_category(),
            e.service(),
            e.region(),
            e.status_code(),
            [e.start_time(), e.end_time(), e.last_updated_time()],
            account,
            Channel::Api,
        );
        let detailed = !known.unchanged(account, &arn, event.last_updated);
        listed.push(Listed { event, detailed });
    }
    let wanted: Vec<String> = listed.iter().filter(|l| l.detailed).filter_map(|l| l.event.arn.clone()).collect();
    let mut descriptions = BTreeMap::new();
    let mut entities: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for batch in wanted.chunks(BATCH) {
        const DOP: &str = "DescribeEventDetails";
        let out = client
            .describe_event_details()
            .set_event_arns(Some(batch.to_vec()))
            .send()
            .await
            .map_err(|e| err(DOP, PERMISSIONS_HINT, e))?;
        if let Some(f) = out.failed_set().first() {
            anyhow::bail!(
                "{DOP}: {} for {}",
                f.error_message().or(f.error_name()).unwrap_or("failed"),
                f.event_arn().unwrap_or("an event")
            );
        }
        for d in required(out.successful_set, DOP, "successfulSet")? {
            let arn = d.event().and_then(|e| e.arn()).unwrap_or_default().to_string();
            let text = d.event_description().and_then(|x| x.latest_description()).unwrap_or_default().to_string();
            descriptions.insert(arn, text);
        }
        const EOP: &str = "DescribeAffectedEntities";
        let filter = EntityFilter::builder().set_event_arns(Some(batch.to_vec())).build()?;
        let mut pages = Pages::new(EOP);
        while let Some(token) = pages.token() {
            let page = client
                .describe_affected_entities()
                .filter(filter.clone())
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| err(EOP, PERMISSIONS_HINT, e))?;
            pages.answered(page.next_token())?;
            for x in required(page.entities, EOP, "entities list")? {
                if let (Some(arn), Some(v)) = (x.event_arn(), x.entity_value()) {
                    entities.entry(arn.to_string()).or_default().push(v.to_string());
                }
            }
        }
    }
    for l in listed.iter_mut().filter(|l| l.detailed) {
        let arn = l.event.arn.clone().unwrap_or_default();
        l.event.description = descriptions.remove(&arn);
        l.event.resources = entities.remove(&arn).unwrap_or_default();
    }
    Ok(listed)
}

/// The open and upcoming events of the whole organization, one [`Listed`] per affected
/// account, read from the management or delegated-administrator account.
pub async fn organization_events(client: &Client, cats: &[String], known: &Known) -> anyhow::Result<Vec<Listed>> {
    const OP: &str = "DescribeEventsForOrganization";
    let filter = OrganizationEventFilter::builder()
        .set_event_status_codes(Some(statuses()))
        .set_event_type_categories(Some(categories(cats)))
        .build();
    let events = Pages::all(OP, "events list", |token| {
        let req =
            client.describe_events_for_organization().filter(filter.clone()).max_results(100).set_next_token(token);
        async move {
            let page = req.send().await.map_err(|e| err(OP, ORG_PERMISSIONS_HINT, e))?;
            anyhow::Ok((page.events, page.next_token))
        }
    })
    .await?;
    let mut listed = Vec::new();
    for e in &events {
        let arn = required(e.arn.clone(), OP, "arn of an event")?;
        let updated = ts(e.last_updated_time());
        // Asked every run: the kept findings may not know every account (a run with
        // `--account` told some), and an account can join an event without its
        // lastUpdatedTime moving. Details and entities are asked only when it moved.
        let accounts = affected_accounts(client, &arn).await?;
        for account in accounts {
            let event = event_of(
                Some(&arn),
                e.event_type_code(),
                e.event_type_category(),
                e.service(),
                e.region(),
                e.status_code(),
                [e.start_time(), e.end_time(), e.last_updated_time()],
                &account,
                Channel::Organization,
            );
            let detailed = !known.unchanged(&account, &arn, updated);
            listed.push(Listed { event, detailed });
        }
    }
    let wanted: Vec<(String, String)> = listed
        .iter()
        .filter(|l| l.detailed)
        .filter_map(|l| Some((l.event.arn.clone()?, l.event.account.clone()?)))
        .collect();
    let mut descriptions = BTreeMap::new();
    let mut entities: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for batch in wanted.chunks(BATCH) {
        const DOP: &str = "DescribeEventDetailsForOrganization";
        let mut req = client.describe_event_details_for_organization();
        for (arn, account) in batch {
            req = req.organization_event_detail_filters(
                EventAccountFilter::builder().event_arn(arn).aws_account_id(account).build()?,
            );
        }
        let out = req.send().await.map_err(|e| err(DOP, ORG_PERMISSIONS_HINT, e))?;
        if let Some(f) = out.failed_set().first() {
            anyhow::bail!(
                "{DOP}: {} for {} in account {}",
                f.error_message().or(f.error_name()).unwrap_or("failed"),
                f.event_arn().unwrap_or("an event"),
                f.aws_account_id().unwrap_or("?")
            );
        }
        for d in required(out.successful_set, DOP, "successfulSet")? {
            let arn = d.event().and_then(|e| e.arn()).unwrap_or_default().to_string();
            let account = d.aws_account_id().unwrap_or_default().to_string();
            let text = d.event_description().and_then(|x| x.latest_description()).unwrap_or_default().to_string();
            descriptions.insert((arn, account), text);
        }
        const EOP: &str = "DescribeAffectedEntitiesForOrganization";
        let mut pages = Pages::new(EOP);
        while let Some(token) = pages.token() {
            let mut req = client.describe_affected_entities_for_organization().set_next_token(token);
            for (arn, account) in batch {
                req = req.organization_entity_account_filters(
                    EntityAccountFilter::builder().event_arn(arn).aws_account_id(account).build()?,
                );
            }
            let page = req.send().await.map_err(|e| err(EOP, ORG_PERMISSIONS_HINT, e))?;
            pages.answered(page.next_token())?;
            if let Some(f) = page.failed_set().first() {
                anyhow::bail!(
                    "{EOP}: {} for {} in account {}",
                    f.error_message().or(f.error_name()).unwrap_or("failed"),
                    f.event_arn().unwrap_or("an event"),
                    f.aws_account_id().unwrap_or("?")
                );
            }
            for x in required(page.entities, EOP, "entities list")? {
                if let (Some(arn), Some(account), Some(v)) = (x.event_arn(), x.aws_account_id(), x.entity_value()) {
                    entities.entry((arn.to_string(), account.to_string())).or_default().push(v.to_string());
                }
            }
        }
    }
    for l in listed.iter_mut().filter(|l| l.detailed) {
        let k = (l.event.arn.clone().unwrap_or_default(), l.event.account.clone().unwrap_or_default());
        l.event.description = descriptions.remove(&k);
        l.event.resources = entities.remove(&k).unwrap_or_default();
    }
    Ok(listed)
}

/// Every account an organization event concerns.
async fn affected_accounts(client: &Client, arn: &str) -> anyhow::Result<Vec<String>> {
    const OP: &str = "DescribeAffectedAccountsForOrganization";
    let accounts = Pages::all(OP, "affectedAccounts list", |token| {
        let req = client.describe_affected_accounts_for_organization().event_arn(arn).set_next_token(token);
        async move {
            let page = req.send().await.map_err(|e| err(OP, ORG_PERMISSIONS_HINT, e))?;
            anyhow::Ok((page.affected_accounts, page.next_token))
        }
    })
    .await?;
    Ok(accounts)
}

/// Whether a failure is Health's region not answering (unreachable, timed out, a 5xx):
/// worth asking the passive region. Refusals (credentials, permissions, the plan) are not.
pub fn worth_failover(e: &anyhow::Error) -> bool {
    use crate::aws::failure::{Failure, Kind};
    if e.downcast_ref::<crate::aws::NoSupportPlan>().is_some() || e.downcast_ref::<Incomplete>().is_some() {
        return false;
    }
    match e.downcast_ref::<Failure>() {
        Some(f) => match f.kind {
            Kind::Unreachable | Kind::UnknownHost | Kind::TimedOut | Kind::Http => true,
            Kind::Service => matches!(
                f.code.as_deref(),
                Some("InternalFailure" | "InternalServerError" | "ServiceUnavailable" | "ServiceUnavailableException")
            ),
            _ => false,
        },
        None => false,
    }
}

/// Run `ask` against Health's active region, then, if that region could not answer,
/// against the passive one. Both failing: the first region's error, with the second's.
pub async fn with_failover<T, F, Fut>(primary: &SdkConfig, failover: &SdkConfig, ask: F) -> anyhow::Result<T>
where
    F: Fn(Client) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<T>>,
{
    match ask(Client::new(primary)).await {
        Ok(v) => Ok(v),
        Err(e) if worth_failover(&e) => {
            let first = primary.region().map(|r| r.to_string()).unwrap_or_default();
            let second = failover.region().map(|r| r.to_string()).unwrap_or_default();
            tracing::warn!(
                "AWS Health in {first} did not answer ({}); asking {second}",
                crate::text::one_line(&e.to_string())
            );
            ask(Client::new(failover))
                .await
                .map_err(|e2| anyhow::anyhow!("{e}\n(and in {second}: {})", crate::text::one_line(&e2.to_string())))
        }
        Err(e) => Err(e),
    }
}
