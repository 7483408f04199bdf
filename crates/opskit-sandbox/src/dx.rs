//! Fake of AWS Direct Connect (API 2012-10-25, awsJson1_1 with `X-Amz-Target:
//! OvertureService.<Operation>`): connections and virtual interfaces per (account, region),
//! DescribeConnections and DescribeVirtualInterfaces, and the changes tests and the demo
//! make to them ([`Sandbox::dx_put_vif`] and friends, or `POST /_sandbox/dx`).
//!
//! Resources are kept as the JSON objects the service answers, field names and enum values
//! as in reference/aws-apis.md §3, so a test can store a state the SDK does not know. Ids
//! are unique across the sandbox; the service is regional, so a call lists only what its
//! signer's (account, region) holds. Where AWS is not documented we choose, and say so:
//! - Every list is paged at `min(maxResults, 100)`, 100 when `maxResults` is absent (the
//!   documented cap; the default is not documented), so a client that ignores `nextToken`
//!   loses data here too. A `maxResults` below 1 or a token we did not issue is a
//!   `DirectConnectClientException`.
//! - An unknown `virtualInterfaceId` or `connectionId` filter is a
//!   `DirectConnectClientException` (the connection message is the one Terraform matches on;
//!   the VIF one is our wording). An unknown `connectionId` on DescribeVirtualInterfaces
//!   lists nothing.
//! - Other operations answer `UnknownOperationException`, as for a target AWS lacks.

use super::aws::{self, Call, Input};
use super::{Reply, Sandbox, Shared, lock};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap};

pub(crate) const TARGET_PREFIX: &str = "OvertureService";
/// The most items a page holds, whatever `maxResults` asks.
const PAGE_CAP: usize = 100;

/// The account and region the seeded resources live in; every other one starts empty.
pub const DX_DEMO_ACCOUNT: &str = "111122223333";
pub const DX_DEMO_REGION: &str = "ap-northeast-1";
pub const DX_DEMO_CONNECTION_A: &str = "dxcon-fgeq1tky";
pub const DX_DEMO_CONNECTION_B: &str = "dxcon-ffat2tky";
pub const DX_DEMO_PRIVATE_VIF: &str = "dxvif-fgpv5678";
pub const DX_DEMO_PRIVATE_VIF_NAME: &str = "acme-tokyo-private-1";
pub const DX_DEMO_TRANSIT_VIF: &str = "dxvif-fgtr1234";
pub const DX_DEMO_TRANSIT_VIF_NAME: &str = "acme-tokyo-transit-1";
pub const DX_DEMO_TRANSIT_PEER_IPV4: &str = "dxpeer-fgtr0004";
pub const DX_DEMO_TRANSIT_PEER_IPV6: &str = "dxpeer-fgtr0006";
pub const DX_DEMO_PUBLIC_VIF: &str = "dxvif-ffpb9012";
pub const DX_DEMO_PUBLIC_VIF_NAME: &str = "acme-tokyo-public-1";
/// In every VIF's and BGP peer's `authKey` (the BGP MD5 key): must never reach a report.
pub const DX_AUTH_KEY_MARKER: &str = "sandbox-bgp-md5-key-6f1d2c";
/// In every VIF's `customerRouterConfig`: must never reach a report.
pub const DX_ROUTER_CONFIG_MARKER: &str = "sandbox-router-config-secret-3a9e";

/// Seeded `loaIssueTime` (2025-06-02T00:00:00Z): timestamps travel as epoch seconds.
const LOA_ISSUE_TIME: i64 = 1_748_822_400;
const DEFAULT_LOCATION: &str = "EqTY2";

/// Why a Direct Connect change could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DxError {
    #[error("no Direct Connect resource `{0}` in the sandbox")]
    NotFound(String),
    #[error("invalid Direct Connect change: {0}")]
    Invalid(String),
}

type Key = (String, String);

/// What one (account, region) holds, in creation order.
#[derive(Default)]
struct Place {
    connections: Vec<Value>,
    vifs: Vec<Value>,
}

#[derive(Default)]
pub(crate) struct Dx {
    places: BTreeMap<Key, Place>,
    /// The place each id lives in, so that finding one stays cheap with hundreds of places.
    homes: HashMap<String, Key>,
    /// Places that [`Dx::generate`] filled, in order: the index is part of their ids.
    generated: Vec<Key>,
    /// Resources put without an id so far, for their ids.
    unnamed: u64,
}

fn key(account: &str, region: &str) -> Key {
    (account.to_string(), region.to_string())
}

fn id_of<'a>(v: &'a Value, field: &str) -> &'a str {
    v[field].as_str().unwrap_or("")
}

/// `over`'s fields replace `base`'s; lists (`bgpPeers`, `tags`) are replaced whole.
fn merge(base: &mut Value, over: Map<String, Value>) {
    if let Value::Object(b) = base {
        b.extend(over);
    }
}

fn tags(pairs: &[(&str, &str)]) -> Value {
    pairs.iter().map(|(k, v)| json!({"key": k, "value": v})).collect()
}

fn router_config(vif_id: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<logical_connection id=\"{vif_id}\">\n  <vendor>Generic</vendor>\n  \
         <!-- {DX_ROUTER_CONFIG_MARKER} -->\n  <bgp_auth_key>{DX_AUTH_KEY_MARKER}</bgp_auth_key>\n</logical_connection>\n"
    )
}

/// A healthy connection with every field AWS fills.
fn new_connection(account: &str, region: &str, id: &str, location: &str) -> Value {
    let device = format!("{location}-{}", id.strip_prefix("dxcon-").unwrap_or(id));
    json!({
        "ownerAccount": account, "connectionId": id, "connectionName": id, "connectionState": "available",
        "region": region, "location": location, "bandwidth": "10Gbps", "loaIssueTime": LOA_ISSUE_TIME,
        "awsDevice": device, "awsDeviceV2": device, "awsLogicalDeviceId": format!("{device}-logical"),
        "jumboFrameCapable": true, "hasLogicalRedundancy": "unknown", "macSecCapable": false, "tags": [],
    })
}

/// A healthy private VIF with one IPv4 peer, BGP up; `n` spreads VLANs and addresses.
fn new_vif(account: &str, region: &str, id: &str, n: usize, connection: Option<&Value>) -> Value {
    let location = connection.map_or(DEFAULT_LOCATION, |c| id_of(c, "location"));
    let device = connection.map_or_else(|| format!("{location}-sandbox"), |c| id_of(c, "awsDeviceV2").to_string());
    let (amazon, customer) = link_net(n);
    let suffix = id.strip_prefix("dxvif-").unwrap_or(id);
    let peer = json!({
        "bgpPeerId": format!("dxpeer-{suffix}"), "asn": 65000, "asnLong": 65000, "authKey": DX_AUTH_KEY_MARKER,
        "addressFamily": "ipv4", "amazonAddress": amazon, "customerAddress": customer,
        "bgpPeerState": "available", "bgpStatus": "up", "awsDeviceV2": device,
        "awsLogicalDeviceId": format!("{device}-logical"),
    });
    let mut vif = json!({
        "ownerAccount": account, "virtualInterfaceId": id, "location": location,
        "virtualInterfaceType": "private", "virtualInterfaceName": id, "vlan": 100 + n % 3900,
        "asn": 65000, "asnLong": 65000, "amazonSideAsn": 64512, "authKey": DX_AUTH_KEY_MARKER,
        "amazonAddress": amazon, "customerAddress": customer, "addressFamily": "ipv4",
        "virtualInterfaceState": "available", "customerRouterConfig": router_config(id), "mtu": 1500,
        "jumboFrameCapable": false, "virtualGatewayId": "vgw-0sandbox", "routeFilterPrefixes": [],
        "bgpPeers": [peer], "region": region, "awsDeviceV2": device, "awsLogicalDeviceId": format!("{device}-logical"),
        "tags": [], "siteLinkEnabled": false,
    });
    if let Some(c) = connection {
        vif["connectionId"] = c["connectionId"].clone();
    }
    vif
}

/// The `n`th /30 link network in 169.254.0.0/16: (Amazon's address, the customer's).
fn link_net(n: usize) -> (String, String) {
    let (third, fourth) = ((n / 64) % 256, (n % 64) * 4);
    (format!("169.254.{third}.{}/30", fourth + 1), format!("169.254.{third}.{}/30", fourth + 2))
}

impl Dx {
    /// Two connections and three VIFs (private, transit with an IPv4 and an IPv6 peer,
    /// public) in [`DX_DEMO_ACCOUNT`] / [`DX_DEMO_REGION`], all available with BGP up.
    pub fn seeded() -> Dx {
        let (acct, region) = (DX_DEMO_ACCOUNT, DX_DEMO_REGION);
        let mut a = new_connection(acct, region, DX_DEMO_CONNECTION_A, "EqTY2");
        a["connectionName"] = json!("acme-tokyo-eqty2");
        a["awsDeviceV2"] = json!("EqTY2-2h5k8wq1t3");
        a["awsDevice"] = a["awsDeviceV2"].clone();
        a["awsLogicalDeviceId"] = json!("EqTY2-3r7xv9zq2m1c");
        a["tags"] = tags(&[("customer", "acme"), ("Name", "acme-tokyo-eqty2")]);
        let mut b = new_connection(acct, region, DX_DEMO_CONNECTION_B, "ATTKY");
        b["connectionName"] = json!("acme-tokyo-attky");
        b["bandwidth"] = json!("1Gbps");
        b["awsDeviceV2"] = json!("ATTKY-1p4d6sg8k2");
        b["awsDevice"] = b["awsDeviceV2"].clone();
        b["awsLogicalDeviceId"] = json!("ATTKY-2b8nq4w6e9d7");
        b["tags"] = tags(&[("customer", "acme"), ("Name", "acme-tokyo-attky")]);

        let customer = tags(&[("customer", "acme"), ("env", "prod")]);
        let mut private = new_vif(acct, region, DX_DEMO_PRIVATE_VIF, 1, Some(&a));
        merge(
            &mut private,
            obj(json!({
                "virtualInterfaceName": DX_DEMO_PRIVATE_VIF_NAME, "vlan": 101, "asn": 65001, "asnLong": 65001,
                "mtu": 9001, "jumboFrameCapable": true, "virtualGatewayId": "vgw-0a1b2c3d4e5f60718",
                "tags": customer.clone(),
            })),
        );
        private["bgpPeers"][0]["asn"] = json!(65001);
        private["bgpPeers"][0]["asnLong"] = json!(65001);

        let mut transit = new_vif(acct, region, DX_DEMO_TRANSIT_VIF, 2, Some(&a));
        let v4 = {
            let mut p = transit["bgpPeers"][0].clone();
            merge(&mut p, obj(json!({"bgpPeerId": DX_DEMO_TRANSIT_PEER_IPV4, "asn": 65002, "asnLong": 65002})));
            p
        };
        let v6 = {
            let mut p = v4.clone();
            merge(
                &mut p,
                obj(json!({
                    "bgpPeerId": DX_DEMO_TRANSIT_PEER_IPV6, "addressFamily": "ipv6",
                    "amazonAddress": "2001:db8:1100:a0::1/125", "customerAddress": "2001:db8:1100:a0::2/125",
                })),
            );
            p
        };
        merge(
            &mut transit,
            obj(json!({
                "virtualInterfaceType": "transit", "virtualInterfaceName": DX_DEMO_TRANSIT_VIF_NAME, "vlan": 201,
                "asn": 65002, "asnLong": 65002, "mtu": 8500, "jumboFrameCapable": true,
                "directConnectGatewayId": "5f3c1a2b-7d4e-4f60-8a9b-0c1d2e3f4a5b", "bgpPeers": [v4, v6],
                "tags": customer.clone(),
            })),
        );
        if let Value::Object(m) = &mut transit {
            m.remove("virtualGatewayId");
        }

        let mut public = new_vif(acct, region, DX_DEMO_PUBLIC_VIF, 3, Some(&b));
        merge(
            &mut public,
            obj(json!({
                "virtualInterfaceType": "public", "virtualInterfaceName": DX_DEMO_PUBLIC_VIF_NAME, "vlan": 301,
                "asn": 65003, "asnLong": 65003, "amazonAddress": "203.0.113.1/30", "customerAddress": "203.0.113.2/30",
                "routeFilterPrefixes": [{"cidr": "198.51.100.0/24"}], "tags": customer,
            })),
        );
        if let Value::Object(m) = &mut public {
            m.remove("virtualGatewayId");
        }
        merge(
            &mut public["bgpPeers"][0],
            obj(json!({"asn": 65003, "asnLong": 65003, "amazonAddress": "203.0.113.1/30",
                       "customerAddress": "203.0.113.2/30"})),
        );

        let k = key(acct, region);
        let mut dx = Dx::default();
        for c in [a, b] {
            dx.homes.insert(id_of(&c, "connectionId").to_string(), k.clone());
            dx.places.entry(k.clone()).or_default().connections.push(c);
        }
        for v in [private, transit, public] {
            dx.homes.insert(id_of(&v, "virtualInterfaceId").to_string(), k.clone());
            dx.places.entry(k.clone()).or_default().vifs.push(v);
        }
        dx
    }

    fn place(&self, account: &str, region: &str) -> Option<&Place> {
        self.places.get(&key(account, region))
    }

    /// Where the resource with that id lives: (place, is it a VIF, index).
    fn locate(&self, id: &str) -> Option<(Key, bool, usize)> {
        let k = self.homes.get(id)?;
        let p = self.places.get(k)?;
        let vif = p.vifs.iter().position(|v| id_of(v, "virtualInterfaceId") == id).map(|i| (k.clone(), true, i));
        vif.or_else(|| p.connections.iter().position(|c| id_of(c, "connectionId") == id).map(|i| (k.clone(), false, i)))
    }

    fn vif_mut(&mut self, id: &str) -> Result<&mut Value, DxError> {
        match self.locate(id) {
            Some((k, true, i)) => Ok(&mut self.places.get_mut(&k).expect("located").vifs[i]),
            _ => Err(DxError::NotFound(id.to_string())),
        }
    }

    fn connection_mut(&mut self, id: &str) -> Result<&mut Value, DxError> {
        match self.locate(id) {
            Some((k, false, i)) => Ok(&mut self.places.get_mut(&k).expect("located").connections[i]),
            _ => Err(DxError::NotFound(id.to_string())),
        }
    }

    /// The id `fields` names (else a new one), refusing one that lives in another place.
    fn id_for_put(
        &mut self,
        fields: &Map<String, Value>,
        field: &str,
        kind: &str,
        place: &Key,
    ) -> Result<String, DxError> {
        let id = match fields.get(field) {
            None | Some(Value::Null) => {
                self.unnamed += 1;
                format!("{kind}-p{:07x}", self.unnamed)
            }
            Some(Value::String(s)) if s.starts_with(&format!("{kind}-")) => s.clone(),
            Some(other) => {
                return Err(DxError::Invalid(format!("`{field}` must be a `{kind}-...` string, got {other}")));
            }
        };
        match self.locate(&id) {
            Some((k, _, _)) if &k != place => Err(DxError::Invalid(format!(
                "{id} already exists in {}/{}: ids are unique across the sandbox",
                k.0, k.1
            ))),
            _ => Ok(id),
        }
    }

    pub fn put_vif(&mut self, account: &str, region: &str, vif: Value) -> Result<String, DxError> {
        let Value::Object(fields) = vif else {
            return Err(DxError::Invalid("a virtual interface must be a JSON object".into()));
        };
        let k = key(account, region);
        let id = self.id_for_put(&fields, "virtualInterfaceId", "dxvif", &k)?;
        self.homes.insert(id.clone(), k.clone());
        let place = self.places.entry(k).or_default();
        match place.vifs.iter_mut().find(|v| id_of(v, "virtualInterfaceId") == id) {
            Some(existing) => merge(existing, fields),
            None => {
                let connection = match fields.get("connectionId").and_then(Value::as_str) {
                    Some(c) => place.connections.iter().find(|x| id_of(x, "connectionId") == c),
                    None => place.connections.first(),
                };
                let mut v = new_vif(account, region, &id, place.vifs.len(), connection);
                merge(&mut v, fields);
                place.vifs.push(v);
            }
        }
        Ok(id)
    }

    pub fn put_connection(&mut self, account: &str, region: &str, connection: Value) -> Result<String, DxError> {
        let Value::Object(fields) = connection else {
            return Err(DxError::Invalid("a connection must be a JSON object".into()));
        };
        let k = key(account, region);
        let id = self.id_for_put(&fields, "connectionId", "dxcon", &k)?;
        self.homes.insert(id.clone(), k.clone());
        let place = self.places.entry(k).or_default();
        match place.connections.iter_mut().find(|c| id_of(c, "connectionId") == id) {
            Some(existing) => merge(existing, fields),
            None => {
                let location = fields.get("location").and_then(Value::as_str).unwrap_or(DEFAULT_LOCATION);
                let mut c = new_connection(account, region, &id, location);
                merge(&mut c, fields);
                place.connections.push(c);
            }
        }
        Ok(id)
    }

    pub fn set_vif_state(&mut self, vif_id: &str, state: &str) -> Result<(), DxError> {
        self.vif_mut(vif_id)?["virtualInterfaceState"] = json!(state);
        Ok(())
    }

    pub fn set_connection_state(&mut self, connection_id: &str, state: &str) -> Result<(), DxError> {
        self.connection_mut(connection_id)?["connectionState"] = json!(state);
        Ok(())
    }

    /// One peer's (or every peer's) `bgpStatus`; then, as AWS does, an `available` or
    /// `down` VIF is `down` when every peer is down and `available` when any is up.
    pub fn set_bgp(&mut self, vif_id: &str, peer_id: Option<&str>, status: &str) -> Result<(), DxError> {
        let vif = self.vif_mut(vif_id)?;
        let Some(peers) = vif["bgpPeers"].as_array_mut().filter(|p| !p.is_empty()) else {
            return Err(DxError::Invalid(format!("{vif_id} has no BGP peers")));
        };
        let mut hit = false;
        for p in peers.iter_mut().filter(|p| peer_id.is_none_or(|id| id_of(p, "bgpPeerId") == id)) {
            p["bgpStatus"] = json!(status);
            hit = true;
        }
        if !hit {
            return Err(DxError::NotFound(peer_id.unwrap_or_default().to_string()));
        }
        let any_up = peers.iter().any(|p| p["bgpStatus"] == "up");
        let all_down = peers.iter().all(|p| p["bgpStatus"] == "down");
        let state = &mut vif["virtualInterfaceState"];
        if *state == "available" || *state == "down" {
            if any_up {
                *state = json!("available");
            } else if all_down {
                *state = json!("down");
            }
        }
        Ok(())
    }

    /// The VIF or connection vanishes from every listing.
    pub fn remove(&mut self, id: &str) -> Result<(), DxError> {
        let (k, is_vif, i) = self.locate(id).ok_or_else(|| DxError::NotFound(id.to_string()))?;
        self.homes.remove(id);
        let place = self.places.get_mut(&k).expect("located");
        if is_vif {
            place.vifs.remove(i);
        } else {
            place.connections.remove(i);
        }
        Ok(())
    }

    /// See [`Sandbox::dx_generate`].
    pub fn generate(&mut self, account: &str, region: &str, vifs: usize, connections: usize) -> Result<(), DxError> {
        let k = key(account, region);
        let slot = match self.generated.iter().position(|g| g == &k) {
            Some(s) => s,
            None => {
                self.generated.push(k.clone());
                self.generated.len() - 1
            }
        };
        if slot >= 0x1000 || vifs > 0x10000 || connections > 0x10000 {
            return Err(DxError::Invalid("at most 4096 places and 65536 resources of a kind per place".into()));
        }
        // The slot in the ids keeps places apart, so no search for clashes: that would make
        // filling hundreds of places quadratic.
        let conn_ids: Vec<String> = (0..connections).map(|i| format!("dxcon-g{slot:03x}{i:04x}")).collect();
        let place = self.places.entry(k.clone()).or_default();
        for (i, id) in conn_ids.iter().enumerate() {
            let mut c = new_connection(account, region, id, DEFAULT_LOCATION);
            c["connectionName"] = json!(format!("gen-{region}-con-{i}"));
            upsert(&mut place.connections, "connectionId", c, &mut self.homes, &k);
        }
        for i in 0..vifs {
            let id = format!("dxvif-g{slot:03x}{i:04x}");
            let connection = match conn_ids.get(i % connections.max(1)) {
                Some(c) => place.connections.iter().find(|x| id_of(x, "connectionId") == c),
                None => place.connections.first(),
            };
            let mut v = new_vif(account, region, &id, i, connection);
            v["virtualInterfaceName"] = json!(format!("gen-{region}-vif-{i}"));
            upsert(&mut place.vifs, "virtualInterfaceId", v, &mut self.homes, &k);
        }
        Ok(())
    }

    pub fn vifs(&self) -> Vec<Value> {
        self.places.values().flat_map(|p| p.vifs.iter().cloned()).collect()
    }

    pub fn connections(&self) -> Vec<Value> {
        self.places.values().flat_map(|p| p.connections.iter().cloned()).collect()
    }
}

/// Replace the item with the same id in `list`, else append it; `homes` learns where it is.
fn upsert(list: &mut Vec<Value>, id_field: &str, item: Value, homes: &mut HashMap<String, Key>, place: &Key) {
    let id = id_of(&item, id_field).to_string();
    // Only an id already known here can be in the list: new ones skip the search.
    let known = homes.insert(id.clone(), place.clone()).is_some_and(|k| &k == place);
    let existing = if known { list.iter_mut().find(|x| id_of(x, id_field) == id) } else { None };
    match existing {
        Some(existing) => *existing = item,
        None => list.push(item),
    }
}

fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn client_error(message: &str) -> Reply {
    aws::error(400, "DirectConnectClientException", message)
}

/// An `OvertureService.*` call, already authenticated.
pub(crate) fn handle(shared: &Shared, call: &Call) -> Reply {
    let input = match call.input() {
        Ok(i) => i,
        Err(reply) => return reply,
    };
    let dx = lock(&shared.dx);
    let answer = match call.operation {
        "DescribeVirtualInterfaces" => describe_virtual_interfaces(&dx, call, &input),
        "DescribeConnections" => describe_connections(&dx, call, &input),
        _ => return aws::unknown_operation(call.target),
    };
    answer.unwrap_or_else(|e| e)
}

fn describe_virtual_interfaces(dx: &Dx, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let connection_id = input.string("connectionId")?;
    let vif_id = input.string("virtualInterfaceId")?;
    let all = dx.place(&call.caller.account, &call.caller.region).map_or(&[][..], |p| &p.vifs[..]);
    if let Some(id) = vif_id
        && !all.iter().any(|v| id_of(v, "virtualInterfaceId") == id)
    {
        return Err(client_error(&format!("Virtual interface {id} does not exist")));
    }
    let wanted = |v: &&Value| {
        connection_id.is_none_or(|c| id_of(v, "connectionId") == c)
            && vif_id.is_none_or(|id| id_of(v, "virtualInterfaceId") == id)
    };
    let items = all.iter().filter(wanted).cloned().collect();
    let (page, next) =
        aws::page(items, input.integer("maxResults")?, input.string("nextToken")?, PAGE_CAP, client_error)?;
    Ok(paged("virtualInterfaces", page, next))
}

fn describe_connections(dx: &Dx, call: &Call, input: &Input) -> Result<Reply, Reply> {
    let connection_id = input.string("connectionId")?;
    let all = dx.place(&call.caller.account, &call.caller.region).map_or(&[][..], |p| &p.connections[..]);
    if let Some(id) = connection_id
        && !all.iter().any(|c| id_of(c, "connectionId") == id)
    {
        return Err(client_error(&format!("Could not find Connection with ID {id}")));
    }
    let items = all.iter().filter(|c| connection_id.is_none_or(|id| id_of(c, "connectionId") == id)).cloned().collect();
    let (page, next) =
        aws::page(items, input.integer("maxResults")?, input.string("nextToken")?, PAGE_CAP, client_error)?;
    Ok(paged("connections", page, next))
}

fn paged(list: &str, items: Vec<Value>, next: Option<String>) -> Reply {
    let mut out = Map::new();
    out.insert(list.to_string(), Value::Array(items));
    if let Some(token) = next {
        out.insert("nextToken".into(), json!(token));
    }
    aws::reply(&Value::Object(out))
}

/// One change through `POST /_sandbox/dx` (see the control-plane list in mod.rs).
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    PutVif { account: String, region: String, vif: Value },
    PutConnection { account: String, region: String, connection: Value },
    SetVifState { vif_id: String, state: String },
    SetBgp { vif_id: String, peer_id: Option<String>, status: String },
    SetConnectionState { connection_id: String, state: String },
    Remove { id: String },
    Generate { account: String, region: String, vifs: usize, connections: usize },
}

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let action = match serde_json::from_slice::<Action>(body) {
        Ok(a) => a,
        Err(e) => return Reply::text(400, &format!("invalid dx action: {e}")),
    };
    let mut dx = lock(&shared.dx);
    let done = match action {
        Action::PutVif { account, region, vif } => dx.put_vif(&account, &region, vif).map(Some),
        Action::PutConnection { account, region, connection } => {
            dx.put_connection(&account, &region, connection).map(Some)
        }
        Action::SetVifState { vif_id, state } => dx.set_vif_state(&vif_id, &state).map(|_| None),
        Action::SetBgp { vif_id, peer_id, status } => dx.set_bgp(&vif_id, peer_id.as_deref(), &status).map(|_| None),
        Action::SetConnectionState { connection_id, state } => {
            dx.set_connection_state(&connection_id, &state).map(|_| None)
        }
        Action::Remove { id } => dx.remove(&id).map(|_| None),
        Action::Generate { account, region, vifs, connections } => {
            dx.generate(&account, &region, vifs, connections).map(|_| None)
        }
    };
    match done {
        Ok(None) => Reply::json(200, &json!({"ok": true})),
        Ok(Some(id)) => Reply::json(200, &json!({"ok": true, "id": id})),
        Err(e @ DxError::NotFound(_)) => Reply::text(404, &e.to_string()),
        Err(e) => Reply::text(400, &e.to_string()),
    }
}

pub(crate) fn control_state(shared: &Shared) -> Reply {
    let dx = lock(&shared.dx);
    Reply::json(200, &json!({"connections": dx.connections(), "virtualInterfaces": dx.vifs()}))
}

/// Direct Connect state for in-process tests and the demo; `POST /_sandbox/dx` does the
/// same from another process.
impl Sandbox {
    /// Create or update a VIF in `account`/`region`: the given fields replace the stored
    /// ones (lists whole). A new VIF starts as a healthy private VIF with one IPv4 peer on
    /// the place's first connection (or the `connectionId` given), `ownerAccount` and
    /// `region` filled; without a `virtualInterfaceId` it gets a fresh one. Returns the id.
    pub fn dx_put_vif(&self, account: &str, region: &str, vif: Value) -> Result<String, DxError> {
        lock(&self.shared.dx).put_vif(account, region, vif)
    }

    /// Create or update a connection, as [`Sandbox::dx_put_vif`] does a VIF. Returns the id.
    pub fn dx_put_connection(&self, account: &str, region: &str, connection: Value) -> Result<String, DxError> {
        lock(&self.shared.dx).put_connection(account, region, connection)
    }

    /// Any string, including ones the SDK does not know (it reads them as `Unknown(_)`).
    pub fn dx_set_vif_state(&self, vif_id: &str, state: &str) -> Result<(), DxError> {
        lock(&self.shared.dx).set_vif_state(vif_id, state)
    }

    /// One peer's (`None`: every peer's) `bgpStatus`. An `available` or `down` VIF follows,
    /// as on AWS: `down` when every peer is down, `available` when any is up.
    pub fn dx_set_bgp(&self, vif_id: &str, peer_id: Option<&str>, status: &str) -> Result<(), DxError> {
        lock(&self.shared.dx).set_bgp(vif_id, peer_id, status)
    }

    pub fn dx_set_connection_state(&self, connection_id: &str, state: &str) -> Result<(), DxError> {
        lock(&self.shared.dx).set_connection_state(connection_id, state)
    }

    /// The VIF or connection vanishes from every listing (AWS keeps deleted VIFs listed for
    /// 15 minutes as `deleted`; set that state instead to model it).
    pub fn dx_remove(&self, id: &str) -> Result<(), DxError> {
        lock(&self.shared.dx).remove(id)
    }

    /// `connections` healthy connections and `vifs` healthy private VIFs spread over them
    /// (else on the place's first connection), for paging tests and benchmarks. Ids are
    /// `dxcon-g<place><n>` / `dxvif-g<place><n>` (3 and 4 hex digits), places numbered in
    /// the order first generated into; generating again resets them to healthy.
    pub fn dx_generate(&self, account: &str, region: &str, vifs: usize, connections: usize) -> Result<(), DxError> {
        lock(&self.shared.dx).generate(account, region, vifs, connections)
    }

    /// Every VIF of every account and region, as DescribeVirtualInterfaces answers them.
    pub fn dx_vifs(&self) -> Vec<Value> {
        lock(&self.shared.dx).vifs()
    }

    pub fn dx_connections(&self) -> Vec<Value> {
        lock(&self.shared.dx).connections()
    }
}
