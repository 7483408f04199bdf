//! Google Cloud projects in the inventory end to end: the built binary against the embedded
//! sandbox's Compute Engine and Resource Manager fakes (`[gcp] compute_endpoint` pointing at
//! it, no credentials: plain http to loopback), publishing to its Backlog Wiki.

use crate::common;

use common::cli::*;
use opskit_sandbox::{self as sandbox, Sandbox};
use serde_json::{Value, json};

const WEB: &str = "acme-web-prod";
const IDLE: &str = "acme-idle-dev";
const PAGE: &str = "Inventory/acme-web-prod";

fn put(sb: &Sandbox, collection: &str, place: Option<(&str, &str)>, resource: Value) -> String {
    let mut action = json!({"action": "put", "project": WEB, "collection": collection, "resource": resource});
    if let Some((k, v)) = place {
        action[k] = json!(v);
    }
    sb.gcp(action).unwrap()["id"].as_str().unwrap().to_string()
}

/// acme-web-prod with one of everything; acme-idle-dev with the Compute Engine API disabled.
fn seed(sb: &Sandbox) -> String {
    sb.gcp(json!({"action": "put_project", "project_id": WEB, "name": "Acme web", "parent": "organizations/123"}))
        .unwrap();
    sb.gcp(
        json!({"action": "put_project", "project_id": IDLE, "parent": "organizations/123", "compute_enabled": false}),
    )
    .unwrap();
    let base = "https://www.googleapis.com/compute/v1/projects/acme-web-prod";
    let web = put(
        sb,
        "instances",
        Some(("zone", "us-central1-a")),
        json!({"name": "web-1", "status": "RUNNING",
               "machineType": format!("{base}/zones/us-central1-a/machineTypes/e2-standard-2"),
               "networkInterfaces": [{"network": format!("{base}/global/networks/prod"),
                   "subnetwork": format!("{base}/regions/us-central1/subnetworks/prod-us"),
                   "networkIP": "10.10.0.2", "accessConfigs": [{"natIP": "34.1.2.3"}]}],
               "disks": [{"source": format!("{base}/zones/us-central1-a/disks/web-1"), "boot": true}],
               "serviceAccounts": [{"email": "web@acme-web-prod.iam.gserviceaccount.com"}]}),
    );
    put(
        sb,
        "disks",
        Some(("zone", "us-central1-a")),
        json!({"name": "web-1", "sizeGb": "20", "status": "READY", "type": format!("{base}/zones/us-central1-a/diskTypes/pd-balanced"),
               "users": [format!("{base}/zones/us-central1-a/instances/web-1")]}),
    );
    put(
        sb,
        "networks",
        None,
        json!({"name": "prod", "autoCreateSubnetworks": false, "routingConfig": {"routingMode": "REGIONAL"}, "mtu": 1460}),
    );
    put(
        sb,
        "subnetworks",
        Some(("region", "us-central1")),
        json!({"name": "prod-us", "network": format!("{base}/global/networks/prod"), "ipCidrRange": "10.10.0.0/20", "privateIpGoogleAccess": true}),
    );
    put(
        sb,
        "firewalls",
        None,
        json!({"name": "allow-ssh-anywhere", "network": format!("{base}/global/networks/prod"), "direction": "INGRESS", "priority": 1000,
               "allowed": [{"IPProtocol": "tcp", "ports": ["22"]}], "sourceRanges": ["0.0.0.0/0"], "targetTags": ["bastion"]}),
    );
    put(
        sb,
        "addresses",
        Some(("region", "us-central1")),
        json!({"name": "web-ip", "address": "34.1.2.3", "addressType": "EXTERNAL", "status": "IN_USE", "networkTier": "PREMIUM"}),
    );
    put(sb, "globalAddresses", None, json!({"name": "lb-ip", "address": "35.4.5.6", "status": "RESERVED"}));
    put(
        sb,
        "routes",
        None,
        json!({"name": "default-internet", "network": format!("{base}/global/networks/prod"), "destRange": "0.0.0.0/0",
               "priority": 1000, "nextHopGateway": format!("{base}/global/gateways/default-internet-gateway")}),
    );
    put(
        sb,
        "forwardingRules",
        Some(("region", "us-central1")),
        json!({"name": "web-fr", "IPAddress": "34.1.2.3", "IPProtocol": "TCP", "portRange": "443-443",
               "target": format!("{base}/regions/us-central1/targetPools/web"), "loadBalancingScheme": "EXTERNAL"}),
    );
    web
}

fn setup(b: &Bench, extra: &str) {
    b.write_config(&format!(
        "{}{}\n[[routes]]\nsources = [\"inventory\"]\nsinks = [\"slack\"]\n\n\
         [[gcp_projects]]\nid = \"{WEB}\"\nname = \"Acme web\"\n\n[[gcp_projects]]\nid = \"{IDLE}\"\n\n\
         [gcp]\ncompute_endpoint = \"{}\"\n{extra}\n\
         [commands.inventory.publish]\nproject = \"{}\"\n",
        b.defaults(),
        b.sandbox.sinks_toml(),
        b.sandbox.url(""),
        sandbox::BACKLOG_PROJECT_KEY,
    ));
}

fn inventory(b: &Bench, args: &[&str]) -> assert_cmd::assert::Assert {
    b.opskit().arg("inventory").args(args).assert()
}

fn by_type<'a>(resources: &'a [Value], ty: &str) -> Vec<&'a Value> {
    resources.iter().filter(|r| r["type"] == ty).collect()
}

#[test]
fn two_projects_one_with_compute_disabled_are_inventoried_published_and_diffed() {
    let b = Bench::new();
    b.sandbox.backlog_set_text_formatting_rule(sandbox::BACKLOG_PROJECT_KEY, "markdown").unwrap();
    let web = seed(&b.sandbox);
    setup(&b, "");

    // Every type by default: no [[accounts]], so only the projects are listed.
    let a = inventory(&b, &["show", "-o", "json"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains(IDLE)
            && err.contains("Compute Engine API is not enabled")
            && err.contains("gcloud services enable compute.googleapis.com --project acme-idle-dev"),
        "{err}"
    );
    let all = json_array(&a);
    assert!(all.iter().all(|r| r["account"] == WEB), "nothing of the disabled project: {all:?}");
    let vm = by_type(&all, "gce-instance");
    assert_eq!(vm.len(), 1, "{all:?}");
    assert_eq!(
        (vm[0]["id"].as_str(), vm[0]["name"].as_str(), vm[0]["region"].as_str()),
        (Some(web.as_str()), Some("web-1"), Some("us-central1"))
    );
    let f = &vm[0]["fields"];
    assert_eq!(f["zone"], "us-central1-a");
    assert_eq!(f["machine_type"], "e2-standard-2");
    assert_eq!(f["status"], "RUNNING");
    assert_eq!(f["internal_ip"], "10.10.0.2");
    assert_eq!(f["external_ip"], "34.1.2.3");
    assert_eq!(f["network"], "prod");
    assert_eq!(f["disks"], "web-1");
    let disk = by_type(&all, "gce-disk");
    assert_eq!(
        (disk[0]["fields"]["size_gb"].as_str(), disk[0]["fields"]["type"].as_str()),
        (Some("20"), Some("pd-balanced"))
    );
    assert_eq!(disk[0]["fields"]["users"], "web-1");
    let fw = by_type(&all, "gce-firewall");
    assert_eq!(fw[0]["fields"]["flags"], "world-open: ssh 22", "{:?}", fw[0]);
    assert_eq!(fw[0]["region"], "global");
    assert_eq!(by_type(&all, "gce-subnetwork")[0]["fields"]["cidr"], "10.10.0.0/20");
    let addrs: Vec<(&str, &str)> = by_type(&all, "gce-address")
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), r["region"].as_str().unwrap()))
        .collect();
    assert_eq!(addrs, [("lb-ip", "global"), ("web-ip", "us-central1")]);
    assert_eq!(by_type(&all, "gce-route")[0]["fields"]["next_hop"], "gateway default-internet-gateway");
    assert_eq!(by_type(&all, "gce-forwarding-rule")[0]["fields"]["ports"], "443-443");
    assert_eq!(by_type(&all, "gce-network")[0]["fields"]["mode"], "custom");

    // Published: a page for the project, named by its id, titled with its name; none for
    // the disabled one.
    let a = inventory(&b, &["publish"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let page = b.sandbox.backlog_wiki_page(sandbox::BACKLOG_PROJECT_KEY, PAGE).unwrap_or_else(|| panic!("no {PAGE}"));
    let text = page["content"].as_str().unwrap();
    assert!(
        text.contains("Acme web") && text.contains("web-1") && text.contains("Compute Engine VM instances (1)"),
        "{text}"
    );
    assert!(b.sandbox.backlog_wiki_page(sandbox::BACKLOG_PROJECT_KEY, &format!("Inventory/{IDLE}")).is_none());

    // The VM is deleted: the diff shows it removed (its disk stays); the disabled project
    // is still only a note.
    b.sandbox.gcp(json!({"action": "remove", "project": WEB, "collection": "instances", "name": "web-1"})).unwrap();
    let a = inventory(&b, &["diff", "--fail-on", "info", "-o", "json"]);
    assert_eq!(code(&a), 1, "drift: {}\n{}", stdout(&a), stderr(&a));
    let report: Value = serde_json::from_str(&stdout(&a)).unwrap();
    let titles: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["title"].as_str().unwrap()).collect();
    assert_eq!(titles, [format!("− gce-instance {web} (web-1)")], "{report}");
    assert!(report["errors"].as_array().unwrap().is_empty(), "{report}");

    // The aggregated lists fail in the project (not a disabled API): what they did not
    // list is not looked at, so not even the real removal reads as one; the global lists
    // answered and are unchanged.
    b.sandbox.gcp(json!({"action": "set_unreachable", "project": WEB, "scopes": ["zones/us-east1-b"]})).unwrap();
    let a = inventory(&b, &["diff", "-o", "json"]);
    assert_eq!(code(&a), 3, "{}\n{}", stdout(&a), stderr(&a));
    let report: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert!(report["findings"].as_array().unwrap().is_empty(), "{report}");
    assert!(report["errors"][0]["message"].as_str().unwrap().contains("unreachable: zones/us-east1-b"), "{report}");
}

#[test]
fn unreachable_zones_fail_the_project_naming_it_and_the_operation() {
    let b = Bench::new();
    seed(&b.sandbox);
    b.sandbox.gcp(json!({"action": "set_unreachable", "project": WEB, "scopes": ["zones/us-east1-b"]})).unwrap();
    setup(&b, "");
    let a = inventory(&b, &["show", "-o", "json", "--resource-types", "gce-instance,gce-network"]);
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains("Acme web (gcp project acme-web-prod)")
            && err.contains("instances.aggregatedList")
            && err.contains("unreachable: zones/us-east1-b"),
        "{err}"
    );
    // The global list answered: the networks are shown.
    let all = json_array(&a);
    assert_eq!(all.iter().map(|r| r["type"].as_str().unwrap()).collect::<Vec<_>>(), ["gce-network"]);
}

#[test]
fn aggregated_lists_are_read_over_every_page() {
    let b = Bench::new();
    seed(&b.sandbox);
    b.sandbox
        .gcp(json!({"action": "generate", "project": WEB, "collection": "instances", "zone": "us-east1-c", "count": 1100}))
        .unwrap();
    setup(&b, "");
    let a = inventory(&b, &["show", "-o", "json", "--resource-types", "gce-instance", "--account", WEB]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(json_array(&a).len(), 1101);
    let calls = b.sandbox.requests_to("/compute/v1/projects/acme-web-prod/aggregated/instances");
    assert_eq!(calls.len(), 3, "500 a page");
    assert!(calls.iter().all(|r| r.query.as_deref().unwrap_or("").contains("maxResults=500")));
    assert!(
        b.sandbox.requests_to(&format!("/compute/v1/projects/{IDLE}")).is_empty(),
        "--account selected one project"
    );
}

#[test]
fn projects_are_discovered_under_an_organization() {
    let b = Bench::new();
    seed(&b.sandbox);
    b.sandbox.gcp(json!({"action": "put_project", "project_id": "acme-api-prod", "name": "Acme API", "parent": "organizations/123"})).unwrap();
    b.sandbox
        .gcp(json!({"action": "put_project", "project_id": "other-co-prod", "parent": "organizations/777"}))
        .unwrap();
    b.sandbox.gcp(json!({"action": "put_project", "project_id": "acme-old-prod", "parent": "organizations/123", "state": "DELETE_REQUESTED"})).unwrap();
    b.sandbox
        .gcp(
            json!({"action": "put", "project": "acme-api-prod", "collection": "networks", "resource": {"name": "api"}}),
        )
        .unwrap();
    b.write_config(&format!(
        "{}[gcp]\ncompute_endpoint = \"{url}\"\nresource_manager_endpoint = \"{url}\"\ndiscover = {{ organization = \"123\" }}\n",
        b.defaults(),
        url = b.sandbox.url(""),
    ));
    let a = inventory(&b, &["show", "-o", "json", "--resource-types", "gce-network"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let accounts: std::collections::BTreeSet<String> =
        json_array(&a).iter().map(|r| r["account"].as_str().unwrap().to_string()).collect();
    assert_eq!(accounts, ["acme-api-prod".to_string(), WEB.to_string()].into());
    let search = b.sandbox.requests_to("/v3/projects:search");
    assert_eq!(search.len(), 1);
    assert!(search[0].query.as_deref().unwrap().contains("parent%3Aorganizations%2F123"), "{:?}", search[0].query);
    assert!(b.sandbox.requests_to("/compute/v1/projects/other-co-prod").is_empty());
    assert!(b.sandbox.requests_to("/compute/v1/projects/acme-old-prod").is_empty(), "only ACTIVE projects");
}
