//! Resource Manager v3 `projects.search`: the projects a scope (`parent:organizations/123`,
//! `parent:folders/456`, any query) holds, paged with `pageToken` / `nextPageToken`. Only
//! `ACTIVE` projects are kept (one pending deletion is not inventoried).

use super::Google;
use super::compute::ListError;
use crate::aws::answer::Pages;
use serde::Deserialize;

pub const RESOURCE_MANAGER_API: &str = "https://cloudresourcemanager.googleapis.com";

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SearchPage {
    /// Absent when the page has none (Google leaves empty lists out).
    #[serde(default)]
    projects: Vec<Project>,
    next_page_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Project {
    /// `projects/415104041262`.
    pub name: String,
    pub project_id: String,
    pub state: String,
    pub display_name: String,
}

/// The ACTIVE projects `query` finds, sorted by id.
pub async fn search(google: &Google, base: &str, query: &str) -> Result<Vec<Project>, ListError> {
    let url = format!("{base}/v3/projects:search");
    let mut pages = Pages::new("projects.search");
    let mut out = Vec::new();
    while let Some(token) = pages.token() {
        let mut q = vec![("query", query.to_string()), ("pageSize", "500".to_string())];
        if let Some(t) = token {
            q.push(("pageToken", t));
        }
        let page: SearchPage = google.get_json(&url, &q).await?;
        pages.answered(page.next_page_token.as_deref())?;
        out.extend(page.projects.into_iter().filter(|p| p.state == "ACTIVE" && !p.project_id.is_empty()));
    }
    out.sort_by(|a, b| a.project_id.cmp(&b.project_id));
    Ok(out)
}
