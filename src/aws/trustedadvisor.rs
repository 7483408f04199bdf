//! The AWS Trusted Advisor API (and the Support API's legacy Trusted Advisor operations),
//! as opskit reads them: recommendations with their flagged resources, one model for both
//! APIs, each listing complete (every page) or an error.
//! API reference: <https://docs.aws.amazon.com/trustedadvisor/latest/APIReference/Welcome.html>;
//! the legacy operations: <https://docs.aws.amazon.com/awssupport/latest/APIReference/Welcome.html>.

use crate::aws::answer::{Member, Pages, RequireMembers, required};
use aws_config::SdkConfig;
use futures::StreamExt;
use std::collections::BTreeMap;

/// How many recommendations' resources are listed at once per account.
const RESOURCE_CONCURRENCY: usize = 16;

/// What a listing wants: the caller's judgement of a check (by id, name, pillars) and of a
/// status (and lifecycle stage, which only the new API has), applied while listing so the
/// resources of unwanted recommendations are never fetched.
pub struct Query<'a> {
    pub check: &'a (dyn Fn(&str, &str, &[String]) -> bool + Sync),
    pub status: &'a (dyn Fn(&str, Option<&str>) -> bool + Sync),
    /// List resources the account excluded (suppressed) too.
    pub include_excluded: bool,
    /// The language of the legacy API's check names.
    pub language: &'a str,
}

// ---------------------------------------------------------------------------------------
// One model for both APIs
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Flagged {
    /// Trusted Advisor's own id of the flagged item, the same in both APIs: what the
    /// fingerprint is made of, so switching APIs changes nothing.
    pub key: String,
    /// The id a person knows (`sg-…`, `i-…`): the new API's `awsResourceId`; in the legacy
    /// API the check's "… ID" column, else Trusted Advisor's id.
    pub id: String,
    pub region: String,
    pub status: String,
    pub excluded: bool,
    pub metadata: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rec {
    /// The check id (`7DAFEmoDos`), or the recommendation id when it has no check.
    pub check_id: String,
    pub name: String,
    pub pillars: Vec<String>,
    pub status: String,
    pub lifecycle: Option<String>,
    pub flagged_count: i64,
    pub resources: Vec<Flagged>,
    pub savings: Option<f64>,
}

/// Global resources: the new API says `-`, the legacy one leaves the region out.
fn global_dash(region: &str) -> String {
    if region.is_empty() || region == "-" { String::new() } else { region.to_string() }
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
        "Trusted Advisor API",
        "the role needs trustedadvisor:List* and trustedadvisor:Get* (support:DescribeTrustedAdvisor* for \
         --api legacy): commands/trusted-advisor/iam-policy.json; an account without Business support answers \
         AccessDenied too",
        e,
    )
}

/// The lists every answer holds, `[]` when empty: the models mark them required, so the SDK
/// would quietly put in an empty list where an answer lacks one (`{}` from a proxy), and
/// every recommendation would look resolved.
const REQUIRED: &[Member] = &[
    Member { op: "ListRecommendations", pointer: "/recommendationSummaries", what: "recommendationSummaries list" },
    Member {
        op: "ListRecommendationResources",
        pointer: "/recommendationResourceSummaries",
        what: "recommendationResourceSummaries list",
    },
    Member { op: "ListChecks", pointer: "/checkSummaries", what: "checkSummaries list" },
    Member { op: "DescribeTrustedAdvisorChecks", pointer: "/checks", what: "checks list" },
    Member { op: "DescribeTrustedAdvisorCheckSummaries", pointer: "/summaries", what: "summaries list" },
    Member {
        op: "DescribeTrustedAdvisorCheckResult",
        pointer: "/result/flaggedResources",
        what: "result.flaggedResources list",
    },
];

/// The Trusted Advisor API: recommendations (every page), then the resources of those the
/// query wants (every page, several at once).
pub async fn recommendations(cfg: &SdkConfig, query: &Query<'_>) -> anyhow::Result<Vec<Rec>> {
    let conf = aws_sdk_trustedadvisor::config::Builder::from(cfg).interceptor(RequireMembers(REQUIRED)).build();
    let client = &aws_sdk_trustedadvisor::Client::from_conf(conf);
    use aws_sdk_trustedadvisor::types::ExclusionStatus;
    let mut pages = Pages::new("ListRecommendations");
    let mut wanted = Vec::new();
    while let Some(token) = pages.token() {
        let page = client
            .list_recommendations()
            .max_results(200)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error("ListRecommendations", e))?;
        pages.answered(page.next_token())?;
        for r in page.recommendation_summaries() {
            let status = r.status().as_str().to_string();
            let lifecycle = r.lifecycle_stage().map(|l| l.as_str().to_string());
            if !(query.status)(&status, lifecycle.as_deref()) {
                continue;
            }
            let check_id = r.check_arn().and_then(|a| a.rsplit('/').next()).unwrap_or(r.id()).to_string();
            let pillars: Vec<String> = r.pillars().iter().map(|p| p.as_str().to_string()).collect();
            if !(query.check)(&check_id, r.name(), &pillars) {
                continue;
            }
            let agg = r.resources_aggregates();
            let flagged_count = agg.map_or(0, |a| a.error_count() + a.warning_count());
            let savings =
                r.pillar_specific_aggregates().and_then(|p| p.cost_optimizing()).map(|c| c.estimated_monthly_savings());
            let rec = Rec {
                check_id,
                name: r.name().to_string(),
                pillars,
                status,
                lifecycle,
                flagged_count,
                resources: Vec::new(),
                savings,
            };
            wanted.push((r.arn().to_string(), rec));
        }
    }
    let include_excluded = query.include_excluded;
    let results: Vec<anyhow::Result<Rec>> = futures::stream::iter(wanted)
        .map(|(arn, mut rec)| async move {
            let mut req = client.list_recommendation_resources().recommendation_identifier(&arn).max_results(1000);
            if !include_excluded {
                req = req.exclusion_status(ExclusionStatus::Included);
            }
            let mut pages = Pages::new("ListRecommendationResources");
            while let Some(token) = pages.token() {
                let page = req
                    .clone()
                    .set_next_token(token)
                    .send()
                    .await
                    .map_err(|e| api_error("ListRecommendationResources", e))?;
                pages.answered(page.next_token())?;
                for r in page.recommendation_resource_summaries() {
                    let status = r.status().as_str();
                    let excluded = r.exclusion_status() == &ExclusionStatus::Excluded;
                    if status == "ok" || (excluded && !include_excluded) {
                        continue;
                    }
                    let mut metadata: Vec<(String, String)> =
                        r.metadata().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    metadata.sort();
                    rec.resources.push(Flagged {
                        key: r.id().to_string(),
                        id: r.aws_resource_id().to_string(),
                        region: global_dash(r.region_code()),
                        status: status.to_string(),
                        excluded,
                        metadata,
                    });
                }
            }
            Ok(rec)
        })
        .buffered(RESOURCE_CONCURRENCY)
        .collect()
        .await;
    results.into_iter().collect()
}

/// The Support API's legacy operations: checks, their summaries in one call, and the
/// results of the checks the query wants.
pub async fn legacy_recommendations(cfg: &SdkConfig, query: &Query<'_>) -> anyhow::Result<Vec<Rec>> {
    let client = &legacy_client(cfg);
    let checks = client
        .describe_trusted_advisor_checks()
        .language(query.language)
        .send()
        .await
        .map_err(|e| api_error("DescribeTrustedAdvisorChecks", e))?;
    let mut by_id: BTreeMap<String, (String, Vec<String>, Vec<String>)> = BTreeMap::new();
    for c in checks.checks() {
        let pillars = vec![c.category().to_string()];
        if (query.check)(c.id(), c.name(), &pillars) {
            let headers = c.metadata().iter().map(|h| h.clone().unwrap_or_default()).collect();
            by_id.insert(c.id().to_string(), (c.name().to_string(), pillars, headers));
        }
    }
    let mut recs = Vec::new();
    let ids: Vec<String> = by_id.keys().cloned().collect();
    for chunk in ids.chunks(100) {
        let summaries = client
            .describe_trusted_advisor_check_summaries()
            .set_check_ids(Some(chunk.iter().map(|i| Some(i.clone())).collect()))
            .send()
            .await
            .map_err(|e| api_error("DescribeTrustedAdvisorCheckSummaries", e))?;
        for s in summaries.summaries() {
            // `not_available`: no data for this check in this account. Never a failure.
            if !(query.status)(s.status(), None) {
                continue;
            }
            let Some((name, pillars, _)) = by_id.get(s.check_id()) else { continue };
            recs.push(Rec {
                check_id: s.check_id().to_string(),
                name: name.clone(),
                pillars: pillars.clone(),
                status: s.status().to_string(),
                lifecycle: None,
                flagged_count: s.resources_summary().map_or(0, |r| r.resources_flagged()),
                resources: Vec::new(),
                savings: s
                    .category_specific_summary()
                    .and_then(|c| c.cost_optimizing())
                    .map(|c| c.estimated_monthly_savings()),
            });
        }
    }
    let include_excluded = query.include_excluded;
    let language = query.language.to_string();
    let by_id = &by_id;
    let results: Vec<anyhow::Result<Rec>> = futures::stream::iter(recs)
        .map(|mut rec| {
            let language = language.clone();
            async move {
                let out = client
                    .describe_trusted_advisor_check_result()
                    .check_id(&rec.check_id)
                    .language(language)
                    .send()
                    .await
                    .map_err(|e| api_error("DescribeTrustedAdvisorCheckResult", e))?;
                let headers = by_id.get(&rec.check_id).map(|(_, _, h)| h.clone()).unwrap_or_default();
                let result = required(out.result(), "DescribeTrustedAdvisorCheckResult", "result")?;
                for r in result.flagged_resources() {
                    if r.status() == "ok" || (r.is_suppressed() && !include_excluded) {
                        continue;
                    }
                    let metadata = headers
                        .iter()
                        .zip(r.metadata())
                        .map(|(h, v)| (h.clone(), v.clone().unwrap_or_default()))
                        .collect::<Vec<_>>();
                    // The id people know is in one of the check's own columns.
                    let shown = metadata
                        .iter()
                        .find(|(h, v)| h.ends_with(" ID") && !v.is_empty())
                        .map(|(_, v)| v.clone())
                        .unwrap_or_else(|| r.resource_id().to_string());
                    rec.resources.push(Flagged {
                        key: r.resource_id().to_string(),
                        id: shown,
                        region: global_dash(r.region().unwrap_or_default()),
                        status: r.status().to_string(),
                        excluded: r.is_suppressed(),
                        metadata,
                    });
                }
                Ok(rec)
            }
        })
        .buffered(RESOURCE_CONCURRENCY)
        .collect()
        .await;
    results.into_iter().collect()
}

/// A check of the catalogue: id, name, pillars (joined), source.
pub type CheckRow = [String; 4];

/// The catalogue of checks (`ListChecks`, every page).
pub async fn checks(cfg: &SdkConfig) -> anyhow::Result<Vec<CheckRow>> {
    let conf = aws_sdk_trustedadvisor::config::Builder::from(cfg).interceptor(RequireMembers(REQUIRED)).build();
    let client = aws_sdk_trustedadvisor::Client::from_conf(conf);
    let mut rows = Vec::new();
    let mut pages = Pages::new("ListChecks");
    while let Some(token) = pages.token() {
        let page = client
            .list_checks()
            .max_results(200)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error("ListChecks", e))?;
        pages.answered(page.next_token())?;
        for c in page.check_summaries() {
            let pillars: Vec<&str> = c.pillars().iter().map(|p| p.as_str()).collect();
            rows.push([c.id().into(), c.name().into(), pillars.join(", "), c.source().as_str().into()]);
        }
    }
    Ok(rows)
}

/// The legacy catalogue (`DescribeTrustedAdvisorChecks`), names in `language`.
pub async fn legacy_checks(cfg: &SdkConfig, language: &str) -> anyhow::Result<Vec<CheckRow>> {
    let out = legacy_client(cfg)
        .describe_trusted_advisor_checks()
        .language(language)
        .send()
        .await
        .map_err(|e| api_error("DescribeTrustedAdvisorChecks", e))?;
    Ok(out.checks().iter().map(|c| [c.id().into(), c.name().into(), c.category().into(), "ta_check".into()]).collect())
}

fn legacy_client(cfg: &SdkConfig) -> aws_sdk_support::Client {
    let conf = aws_sdk_support::config::Builder::from(cfg).interceptor(RequireMembers(REQUIRED)).build();
    aws_sdk_support::Client::from_conf(conf)
}
