//! The Google Cloud fake through real HTTP: aggregated and global lists with paging, the
//! disabled-API error as Google sends it, unreachable scopes, and projects.search.

use super::*;
use serde_json::json;

async fn get(sb: &Sandbox, path: &str, query: &[(&str, &str)]) -> (u16, Value) {
    let r = reqwest::Client::new().get(sb.url(path)).query(query).send().await.expect("an answer");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn seed(sb: &Sandbox) {
    sb.gcp(
        json!({"action": "put_project", "project_id": "acme-web", "name": "Acme web", "parent": "organizations/123"}),
    )
    .unwrap();
    sb.gcp(
        json!({"action": "put_project", "project_id": "acme-idle", "parent": "folders/9", "compute_enabled": false}),
    )
    .unwrap();
    sb.gcp(json!({"action": "put", "project": "acme-web", "collection": "instances", "zone": "us-central1-a",
                  "resource": {"name": "web-1", "status": "RUNNING"}}))
        .unwrap();
    sb.gcp(json!({"action": "put", "project": "acme-web", "collection": "instances", "zone": "asia-northeast1-b",
                  "resource": {"name": "web-2", "status": "TERMINATED"}}))
        .unwrap();
    sb.gcp(json!({"action": "put", "project": "acme-web", "collection": "networks", "resource": {"name": "default"}}))
        .unwrap();
}

#[tokio::test]
async fn aggregated_lists_name_every_scope_and_page_across_them() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    let path = "/compute/v1/projects/acme-web/aggregated/instances";
    let (status, page) = get(&sb, path, &[("maxResults", "1")]).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["kind"], "compute#instanceAggregatedList");
    let items = page["items"].as_object().unwrap();
    assert_eq!(items.len(), 13, "every zone is a scope: {items:?}");
    // Scopes sort by name: asia-northeast1-b comes first.
    assert_eq!(items["zones/asia-northeast1-b"]["instances"][0]["name"], "web-2");
    assert_eq!(items["zones/us-central1-a"]["warning"]["code"], "NO_RESULTS_ON_PAGE");
    let token = page["nextPageToken"].as_str().unwrap().to_string();
    let (_, page2) = get(&sb, path, &[("maxResults", "1"), ("pageToken", &token)]).await;
    let web1 = &page2["items"]["zones/us-central1-a"]["instances"][0];
    assert_eq!(web1["name"], "web-1");
    assert_eq!(web1["kind"], "compute#instance");
    assert!(web1["zone"].as_str().unwrap().ends_with("/projects/acme-web/zones/us-central1-a"), "{web1}");
    assert!(page2.get("nextPageToken").is_none(), "the last page has no token: {page2}");
    let (status, bad) = get(&sb, path, &[("pageToken", "nonsense")]).await;
    assert_eq!((status, bad["error"]["status"].as_str()), (400, Some("INVALID_ARGUMENT")));
    let (status, _) = get(&sb, path, &[("maxResults", "501")]).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn global_lists_leave_out_empty_items_and_page() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    let (status, page) = get(&sb, "/compute/v1/projects/acme-web/global/firewalls", &[]).await;
    assert_eq!(status, 200);
    assert_eq!(page["kind"], "compute#firewallList");
    assert!(page.get("items").is_none(), "{page}");
    let (_, page) = get(&sb, "/compute/v1/projects/acme-web/global/networks", &[]).await;
    assert_eq!(page["items"][0]["name"], "default");
}

#[tokio::test]
async fn a_disabled_compute_api_answers_as_google_does_and_unknown_projects_are_not_found() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    let (status, e) = get(&sb, "/compute/v1/projects/acme-idle/aggregated/disks", &[]).await;
    assert_eq!(status, 403);
    assert_eq!(e["error"]["status"], "PERMISSION_DENIED");
    assert_eq!(e["error"]["errors"][0]["reason"], "accessNotConfigured");
    assert_eq!(e["error"]["errors"][0]["domain"], "usageLimits");
    assert_eq!(e["error"]["details"][0]["reason"], "SERVICE_DISABLED");
    assert!(e["error"]["message"].as_str().unwrap().starts_with("Compute Engine API has not been used in project"));
    let (status, e) = get(&sb, "/compute/v1/projects/nobody-here/global/routes", &[]).await;
    assert_eq!((status, e["error"]["errors"][0]["reason"].as_str()), (404, Some("notFound")));
}

#[tokio::test]
async fn unreachable_scopes_are_named_in_the_answer() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    sb.gcp(json!({"action": "set_unreachable", "project": "acme-web", "scopes": ["zones/us-east1-b"]})).unwrap();
    let (_, page) = get(&sb, "/compute/v1/projects/acme-web/aggregated/instances", &[]).await;
    assert_eq!(page["unreachables"], json!(["zones/us-east1-b"]));
    assert_eq!(page["items"]["zones/us-east1-b"]["warning"]["code"], "UNREACHABLE");
}

#[tokio::test]
async fn projects_search_filters_by_parent_and_pages() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    let (status, page) = get(&sb, "/v3/projects:search", &[("query", "parent:organizations/123")]).await;
    assert_eq!(status, 200, "{page}");
    let projects = page["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 1);
    assert_eq!(projects[0]["projectId"], "acme-web");
    assert_eq!(projects[0]["state"], "ACTIVE");
    assert!(projects[0]["name"].as_str().unwrap().starts_with("projects/"));
    let (_, all) = get(&sb, "/v3/projects:search", &[("pageSize", "1")]).await;
    assert_eq!(all["projects"].as_array().unwrap().len(), 1);
    assert!(all["nextPageToken"].is_string());
    let (_, none) = get(&sb, "/v3/projects:search", &[("query", "parent:organizations/999")]).await;
    assert_eq!(none, json!({}));
    let (status, _) = get(&sb, "/v3/projects:search", &[("query", "name:x*")]).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn control_puts_removes_and_reports() {
    let sb = Sandbox::start().await.unwrap();
    seed(&sb);
    let r = reqwest::Client::new()
        .post(sb.url("/_sandbox/gcp"))
        .json(&json!({"action": "remove", "project": "acme-web", "collection": "instances", "name": "web-1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let state: Value = reqwest::get(sb.url("/_sandbox/gcp")).await.unwrap().json().await.unwrap();
    let web = state["projects"].as_array().unwrap().iter().find(|p| p["projectId"] == "acme-web").unwrap().clone();
    assert_eq!(web["items"]["instances"].as_array().unwrap().len(), 1);
    assert_eq!(
        sb.gcp(json!({"action": "remove", "project": "acme-web", "collection": "instances", "name": "web-1"})),
        Err(GcpError::NotFound("no instances `web-1` in `acme-web`".into()))
    );
    assert!(matches!(
        sb.gcp(json!({"action": "put", "project": "acme-web", "collection": "instances", "zone": "mars-1a",
                      "resource": {"name": "x"}})),
        Err(GcpError::Invalid(_))
    ));
}
