//! The AWS Support API's cases, as opskit reads them: open cases with their recent
//! communications, the full history where that is not enough, and the final state of cases
//! that left the open list; each listing complete (every page) or an error.
//! API reference: <https://docs.aws.amazon.com/awssupport/latest/APIReference/Welcome.html>
//! (`DescribeCases`, `DescribeCommunications`).

use crate::aws::answer::{Incomplete, Pages, required};
use aws_config::SdkConfig;
use jiff::Timestamp;
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------------
// Cases as the API gives them
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Comm {
    pub at: Timestamp,
    pub by: String,
    pub body: String,
    pub attachments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub id: String,
    pub display_id: String,
    pub subject: String,
    pub status: String,
    pub service: String,
    pub category: String,
    pub severity: String,
    pub submitted_by: String,
    pub created: Option<Timestamp>,
    /// Newest first, as the API lists them.
    pub comms: Vec<Comm>,
    /// The API has older communications than `comms` holds.
    pub more_comms: bool,
}

/// A time as the Support API writes it.
pub fn parse_time(s: &str) -> Option<Timestamp> {
    s.parse::<Timestamp>().ok()
}

fn comm_of(c: &aws_sdk_support::types::Communication) -> Option<Comm> {
    Some(Comm {
        at: parse_time(c.time_created()?)?,
        by: c.submitted_by().unwrap_or_default().to_string(),
        body: c.body().unwrap_or_default().to_string(),
        attachments: c.attachment_set().iter().filter_map(|a| a.file_name().map(str::to_string)).collect(),
    })
}

/// A case as DescribeCases lists it with `includeCommunications`: its `recentCommunications`
/// are part of a well-formed answer (every case has at least the one that opened it), and
/// a case without them would read as one nobody ever replied to.
fn case_of(c: &aws_sdk_support::types::CaseDetails) -> Result<Case, Incomplete> {
    const OP: &str = "DescribeCases";
    let recent = required(c.recent_communications(), OP, "recentCommunications of a case")?;
    let listed = required(recent.communications.as_deref(), OP, "recentCommunications.communications list")?;
    let mut comms: Vec<Comm> = listed.iter().filter_map(comm_of).collect();
    comms.sort_by_key(|c| std::cmp::Reverse(c.at));
    Ok(Case {
        id: c.case_id().unwrap_or_default().to_string(),
        display_id: c.display_id().unwrap_or_default().to_string(),
        subject: c.subject().unwrap_or_default().to_string(),
        status: c.status().unwrap_or_default().to_string(),
        service: c.service_code().unwrap_or_default().to_string(),
        category: c.category_code().unwrap_or_default().to_string(),
        severity: c.severity_code().unwrap_or_default().to_string(),
        submitted_by: c.submitted_by().unwrap_or_default().to_string(),
        created: c.time_created().and_then(parse_time),
        comms,
        more_comms: recent.next_token().is_some_and(|t| !t.is_empty()),
    })
}

fn api_error<E>(
    op: &str,
    e: aws_smithy_runtime_api::client::result::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> anyhow::Error
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    crate::aws::support_api_error(
        op,
        "AWS Support API",
        "the role needs support:DescribeCases and support:DescribeCommunications (commands/support/iam-policy.json)",
        e,
    )
}

async fn describe_cases(
    client: &aws_sdk_support::Client,
    ids: Option<Vec<String>>,
    language: &str,
) -> anyhow::Result<Vec<Case>> {
    // `cases` is in every answer (`[]` when nothing matches), as the Support API reference's
    // response syntax shows it; it does not say outright that the member is never left out.
    const OP: &str = "DescribeCases";
    let cases = Pages::all(OP, "cases list", |token| async {
        let page = client
            .describe_cases()
            .set_case_id_list(ids.clone())
            .include_resolved_cases(ids.is_some())
            .include_communications(true)
            .language(language)
            .max_results(100)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error(OP, e))?;
        anyhow::Ok((page.cases, page.next_token))
    })
    .await?;
    Ok(cases.iter().map(case_of).collect::<Result<_, _>>()?)
}

/// Every communication after `after`, oldest pages last (the API lists newest first).
async fn communications_after(
    client: &aws_sdk_support::Client,
    case_id: &str,
    after: Timestamp,
) -> anyhow::Result<Vec<Comm>> {
    const OP: &str = "DescribeCommunications";
    let all = Pages::all(OP, "communications list", |token| async {
        let page = client
            .describe_communications()
            .case_id(case_id)
            .after_time(after.to_string())
            .max_results(100)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error(OP, e))?;
        anyhow::Ok((page.communications, page.next_token))
    })
    .await?;
    let mut out: Vec<Comm> = all.iter().filter_map(comm_of).collect();
    out.sort_by_key(|c| std::cmp::Reverse(c.at));
    Ok(out)
}

/// One account: its open cases, the full new history where five recent ones are not
/// enough (`last_seen`: the newest communication seen before, per case id), and the final
/// state of the cases in `was_open` that left the open list. Texts in `language`.
pub async fn account_cases(
    cfg: &SdkConfig,
    last_seen: &BTreeMap<String, Timestamp>,
    was_open: &BTreeSet<String>,
    language: &str,
) -> anyhow::Result<Vec<Case>> {
    let client = &aws_sdk_support::Client::new(cfg);
    let mut cases = describe_cases(client, None, language).await?;
    let listed: BTreeSet<String> = cases.iter().map(|c| c.id.clone()).collect();
    let gone: Vec<String> = was_open.iter().filter(|id| !listed.contains(*id)).cloned().collect();
    for chunk in gone.chunks(100) {
        match describe_cases(client, Some(chunk.to_vec()), language).await {
            Ok(found) => cases.extend(found),
            // A case AWS no longer knows (cases are kept 12 months) must not fail every
            // later run: it resolves as "no longer open" through the spine instead.
            Err(e) if format!("{e}").contains("CaseIdNotFound") => {
                tracing::debug!("looking up cases that left the open list: {e}");
            }
            Err(e) => return Err(e),
        }
    }
    for case in cases.iter_mut() {
        let Some(&last) = last_seen.get(&case.id) else { continue };
        let reaches_back = case.comms.last().is_some_and(|oldest| oldest.at <= last);
        if case.more_comms && !reaches_back {
            case.comms = communications_after(client, &case.id, last).await?;
            case.more_comms = false;
        }
    }
    Ok(cases)
}
