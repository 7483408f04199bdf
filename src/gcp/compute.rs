//! Compute Engine's list calls (REST, `compute/v1`): aggregated lists
//! (`projects/{p}/aggregated/{collection}`, `items` a map of scope → `{<collection>: [..],
//! warning}`) and global lists (`projects/{p}/global/{collection}`, `items` an array), paged
//! with `maxResults` / `pageToken` / `nextPageToken`.
//!
//! A listing is taken only when complete: `returnPartialSuccess` is never asked, and an
//! answer with `unreachables`, or a warning other than `NO_RESULTS_ON_PAGE` (a scope with
//! nothing in it), or without its `kind`, fails the listing instead of passing part of it
//! off as all of it.

use super::{Google, GoogleError};
use crate::aws::answer::Pages;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

pub const COMPUTE_API: &str = "https://compute.googleapis.com";

/// Items per page asked (Compute's maximum and default is 500).
pub const MAX_RESULTS: u32 = 500;

/// Why a listing failed.
#[derive(Debug, Clone)]
pub enum ListError {
    Google(GoogleError),
    /// The answer came but cannot be taken as the whole listing.
    Incomplete(String),
}

impl std::fmt::Display for ListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ListError::Google(e) => e.fmt(f),
            ListError::Incomplete(s) => f.write_str(s),
        }
    }
}

impl From<GoogleError> for ListError {
    fn from(e: GoogleError) -> ListError {
        ListError::Google(e)
    }
}

impl From<crate::aws::answer::Incomplete> for ListError {
    fn from(e: crate::aws::answer::Incomplete) -> ListError {
        ListError::Incomplete(e.reason().replace("nextToken", "nextPageToken"))
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
}

/// The scope-less warning a scope with nothing in it carries.
const NO_RESULTS: &str = "NO_RESULTS_ON_PAGE";

fn check_warning(w: Option<&Warning>, scope: &str) -> Result<(), ListError> {
    match w {
        Some(w) if w.code != NO_RESULTS => Err(ListError::Incomplete(format!(
            "warning {} for {scope}: {} (the listing cannot be taken as complete)",
            w.code, w.message
        ))),
        _ => Ok(()),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AggregatedPage {
    kind: Option<String>,
    #[serde(default)]
    items: BTreeMap<String, serde_json::Map<String, serde_json::Value>>,
    next_page_token: Option<String>,
    #[serde(default)]
    unreachables: Vec<String>,
    warning: Option<Warning>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListPage<T> {
    kind: Option<String>,
    #[serde(default = "Vec::new")]
    items: Vec<T>,
    next_page_token: Option<String>,
    warning: Option<Warning>,
}

fn check_kind(kind: Option<&str>, want: &str) -> Result<(), ListError> {
    match kind {
        Some(k) if k == want => Ok(()),
        Some(k) => Err(ListError::Incomplete(format!("the answer is a `{k}`, not a `{want}`"))),
        None => Err(ListError::Incomplete(format!(
            "the answer has no `kind` (HTTP 200, body not a {want}): something other than Compute Engine may have answered"
        ))),
    }
}

/// A Compute Engine client for one API root.
pub struct Compute<'a> {
    pub google: &'a Google,
    /// `https://compute.googleapis.com` or an override, without a trailing slash.
    pub base: &'a str,
    pub max_results: u32,
}

impl Compute<'_> {
    /// Every item of `projects/{project}/aggregated/{collection}`, with its scope
    /// (`zones/us-central1-a`, `regions/us-central1`, `global`), handed to `each` page by page.
    pub async fn aggregated<T: DeserializeOwned>(
        &self,
        project: &str,
        collection: &'static str,
        kind: &'static str,
        op: &'static str,
        mut each: impl FnMut(&str, T),
    ) -> Result<(), ListError> {
        let url = format!("{}/compute/v1/projects/{project}/aggregated/{collection}", self.base);
        let mut pages = Pages::new(op);
        while let Some(token) = pages.token() {
            let mut query = vec![("maxResults", self.max_results.to_string())];
            if let Some(t) = token {
                query.push(("pageToken", t));
            }
            let page: AggregatedPage = self.google.get_json(&url, &query).await?;
            check_kind(page.kind.as_deref(), kind)?;
            if !page.unreachables.is_empty() {
                return Err(ListError::Incomplete(format!(
                    "unreachable: {} (the listing cannot be complete)",
                    page.unreachables.join(", ")
                )));
            }
            check_warning(page.warning.as_ref(), "the listing")?;
            pages.answered(page.next_page_token.as_deref())?;
            for (scope, mut list) in page.items {
                let warning: Option<Warning> = list
                    .remove("warning")
                    .map(serde_json::from_value)
                    .transpose()
                    .map_err(|e| ListError::Incomplete(format!("{scope}: a warning that is not Compute's: {e}")))?;
                check_warning(warning.as_ref(), &scope)?;
                let Some(items) = list.remove(collection) else { continue };
                let items: Vec<T> = serde_json::from_value(items)
                    .map_err(|e| ListError::Google(GoogleError::Decode(format!("{scope}: {e}"))))?;
                for item in items {
                    each(&scope, item);
                }
            }
        }
        Ok(())
    }

    /// Every item of `projects/{project}/global/{collection}`.
    pub async fn global<T: DeserializeOwned>(
        &self,
        project: &str,
        collection: &'static str,
        kind: &'static str,
        op: &'static str,
        mut each: impl FnMut(T),
    ) -> Result<(), ListError> {
        let url = format!("{}/compute/v1/projects/{project}/global/{collection}", self.base);
        let mut pages = Pages::new(op);
        while let Some(token) = pages.token() {
            let mut query = vec![("maxResults", self.max_results.to_string())];
            if let Some(t) = token {
                query.push(("pageToken", t));
            }
            let page: ListPage<T> = self.google.get_json(&url, &query).await?;
            check_kind(page.kind.as_deref(), kind)?;
            check_warning(page.warning.as_ref(), "the listing")?;
            pages.answered(page.next_page_token.as_deref())?;
            for item in page.items {
                each(item);
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// The resources, as the REST reference names their fields (only what the inventory shows)
// ---------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Instance {
    pub id: String,
    pub name: String,
    pub zone: String,
    pub machine_type: String,
    pub status: String,
    pub network_interfaces: Vec<NetworkInterface>,
    pub disks: Vec<AttachedDisk>,
    pub service_accounts: Vec<ServiceAccount>,
    pub creation_timestamp: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NetworkInterface {
    pub network: String,
    pub subnetwork: String,
    #[serde(rename = "networkIP")]
    pub network_ip: String,
    pub access_configs: Vec<AccessConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AccessConfig {
    #[serde(rename = "natIP")]
    pub nat_ip: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AttachedDisk {
    pub source: String,
    pub device_name: String,
    pub boot: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServiceAccount {
    pub email: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Disk {
    pub id: String,
    pub name: String,
    pub zone: String,
    pub region: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// int64 as a JSON string, as Google writes 64-bit integers.
    pub size_gb: String,
    pub status: String,
    pub users: Vec<String>,
    pub disk_encryption_key: Option<EncryptionKey>,
    pub creation_timestamp: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EncryptionKey {
    pub kms_key_name: String,
    pub sha256: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Network {
    pub id: String,
    pub name: String,
    pub auto_create_subnetworks: Option<bool>,
    pub routing_config: Option<RoutingConfig>,
    #[serde(rename = "IPv4Range")]
    pub ipv4_range: String,
    pub subnetworks: Vec<String>,
    pub mtu: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RoutingConfig {
    pub routing_mode: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Subnetwork {
    pub id: String,
    pub name: String,
    pub region: String,
    pub network: String,
    pub ip_cidr_range: String,
    pub secondary_ip_ranges: Vec<SecondaryRange>,
    pub private_ip_google_access: bool,
    pub purpose: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SecondaryRange {
    pub range_name: String,
    pub ip_cidr_range: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Firewall {
    pub id: String,
    pub name: String,
    pub network: String,
    pub direction: String,
    pub priority: Option<i64>,
    pub allowed: Vec<FirewallRule>,
    pub denied: Vec<FirewallRule>,
    pub source_ranges: Vec<String>,
    pub source_tags: Vec<String>,
    pub source_service_accounts: Vec<String>,
    pub destination_ranges: Vec<String>,
    pub target_tags: Vec<String>,
    pub target_service_accounts: Vec<String>,
    pub disabled: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FirewallRule {
    #[serde(rename = "IPProtocol")]
    pub ip_protocol: String,
    pub ports: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    pub id: String,
    pub name: String,
    pub address: String,
    pub address_type: String,
    pub status: String,
    pub purpose: String,
    pub users: Vec<String>,
    pub network_tier: String,
    pub region: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Route {
    pub id: String,
    pub name: String,
    pub network: String,
    pub dest_range: String,
    pub priority: Option<i64>,
    pub next_hop_gateway: String,
    pub next_hop_ip: String,
    pub next_hop_instance: String,
    pub next_hop_vpn_tunnel: String,
    pub next_hop_ilb: String,
    pub next_hop_peering: String,
    pub next_hop_network: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ForwardingRule {
    pub id: String,
    pub name: String,
    #[serde(rename = "IPAddress")]
    pub ip_address: String,
    #[serde(rename = "IPProtocol")]
    pub ip_protocol: String,
    pub port_range: String,
    pub ports: Vec<String>,
    pub all_ports: bool,
    pub target: String,
    pub backend_service: String,
    pub load_balancing_scheme: String,
    pub network: String,
    pub network_tier: String,
    pub region: String,
}

/// The last segment of a resource URL (`.../zones/us-central1-a` → `us-central1-a`).
pub fn short(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

/// The region of a scope or zone: `zones/us-central1-a` → `us-central1`,
/// `regions/us-central1` → `us-central1`, `global` → `global`.
pub fn region_of_scope(scope: &str) -> String {
    if let Some(z) = scope.strip_prefix("zones/") {
        return region_of_zone(z);
    }
    if let Some(r) = scope.strip_prefix("regions/") {
        return r.to_string();
    }
    "global".to_string()
}

/// `us-central1-a` → `us-central1`.
pub fn region_of_zone(zone: &str) -> String {
    match zone.rsplit_once('-') {
        Some((region, _)) => region.to_string(),
        None => zone.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_and_urls_name_their_region() {
        assert_eq!(region_of_scope("zones/us-central1-a"), "us-central1");
        assert_eq!(region_of_scope("regions/asia-northeast1"), "asia-northeast1");
        assert_eq!(region_of_scope("global"), "global");
        assert_eq!(
            short("https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/machineTypes/e2-small"),
            "e2-small"
        );
    }

    #[test]
    fn a_warning_other_than_no_results_fails_the_listing() {
        let w = |code: &str| Warning { code: code.into(), message: "m".into() };
        assert!(check_warning(Some(&w(NO_RESULTS)), "zones/a").is_ok());
        assert!(check_warning(None, "zones/a").is_ok());
        let e = check_warning(Some(&w("UNREACHABLE")), "zones/a").unwrap_err().to_string();
        assert!(e.contains("UNREACHABLE") && e.contains("zones/a"), "{e}");
    }
}
