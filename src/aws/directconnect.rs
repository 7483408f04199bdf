//! The AWS Direct Connect API, as opskit reads it: virtual interfaces with their BGP peers,
//! and connections, listed completely (every page) and reduced to what is judged and shown.
//! API reference: <https://docs.aws.amazon.com/directconnect/latest/APIReference/Welcome.html>
//! (`DescribeVirtualInterfaces`, `DescribeConnections`).

use crate::aws::answer::Pages;
use aws_config::SdkConfig;
use aws_sdk_directconnect::types::{BgpPeerState, BgpStatus, ConnectionState, VirtualInterfaceState};

// ---------------------------------------------------------------------------------------
// What the API said, reduced to what we judge and show (never authKey or router config)
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub struct Peer {
    pub id: String,
    pub family: String,
    pub customer_address: String,
    /// `bgpPeerState`: whether the peer is provisioned.
    pub state: String,
    /// `bgpStatus`: whether the session is up.
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Vif {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub vlan: i32,
    pub connection: String,
    pub location: String,
    pub device: String,
    /// The raw state: a modeled value, or whatever newer value AWS sent.
    pub state: String,
    pub peers: Vec<Peer>,
    pub tags: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conn {
    pub id: String,
    pub name: String,
    pub location: String,
    pub device: String,
    pub bandwidth: String,
    pub state: String,
    pub tags: Vec<(String, String)>,
}

fn s(v: Option<&str>) -> String {
    v.unwrap_or_default().to_string()
}

fn tags(t: &[aws_sdk_directconnect::types::Tag]) -> Vec<(String, String)> {
    t.iter().map(|t| (t.key().to_string(), s(t.value()))).collect()
}

impl From<&aws_sdk_directconnect::types::VirtualInterface> for Vif {
    fn from(v: &aws_sdk_directconnect::types::VirtualInterface) -> Vif {
        Vif {
            id: s(v.virtual_interface_id()),
            name: s(v.virtual_interface_name()),
            kind: s(v.virtual_interface_type()),
            vlan: v.vlan(),
            connection: s(v.connection_id()),
            location: s(v.location()),
            device: s(v.aws_device_v2()),
            state: v.virtual_interface_state().map(|x| x.as_str().to_string()).unwrap_or_default(),
            peers: v
                .bgp_peers()
                .iter()
                .map(|p| Peer {
                    id: s(p.bgp_peer_id()),
                    family: p.address_family().map(|f| f.as_str().to_string()).unwrap_or_default(),
                    customer_address: s(p.customer_address()),
                    state: p.bgp_peer_state().map(|x| x.as_str().to_string()).unwrap_or_default(),
                    status: p.bgp_status().map(|x| x.as_str().to_string()).unwrap_or_default(),
                })
                .collect(),
            tags: tags(v.tags()),
        }
    }
}

impl From<&aws_sdk_directconnect::types::Connection> for Conn {
    fn from(c: &aws_sdk_directconnect::types::Connection) -> Conn {
        Conn {
            id: s(c.connection_id()),
            name: s(c.connection_name()),
            location: s(c.location()),
            device: s(c.aws_device_v2()),
            bandwidth: s(c.bandwidth()),
            state: c.connection_state().map(|x| x.as_str().to_string()).unwrap_or_default(),
            tags: tags(c.tags()),
        }
    }
}

impl Peer {
    /// Whether the peer has a session to judge: it is provisioned. A peer being added
    /// (`pending`, `verifying`) has no session yet; one being removed no longer matters.
    pub fn provisioned(&self) -> bool {
        !matches!(self.state.as_str(), "pending" | "verifying" | "deleting" | "deleted")
    }
}

fn dash(v: &str) -> &str {
    if v.is_empty() { "-" } else { v }
}

/// `ipv4 up, ipv6 (pending)`: each peer's session status, or its state in brackets while it
/// has no session; `-` without peers.
pub fn bgp_summary(peers: &[Peer]) -> String {
    if peers.is_empty() {
        return "-".into();
    }
    peers
        .iter()
        .map(|p| {
            let status = if p.provisioned() { dash(&p.status).to_string() } else { format!("({})", dash(&p.state)) };
            format!("{} {status}", dash(&p.family))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The error text for an AWS call: the service's code and message when it gave one, with
/// a hint for a missing permission.
fn api_error<E>(
    op: &str,
    e: aws_smithy_runtime_api::client::result::SdkError<E, aws_smithy_runtime_api::client::orchestrator::HttpResponse>,
) -> anyhow::Error
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    anyhow::Error::new(crate::aws::failure::classify(op, &e).with_denied_hint(
        "the role needs directconnect:DescribeVirtualInterfaces and directconnect:DescribeConnections \
         (commands/dx-vif/iam-policy.json)",
    ))
}

// The crate has no paginators: pages are followed by hand, and a listing counts only when
// every page held its list (DescribeVirtualInterfaces and DescribeConnections answer
// `"virtualInterfaces": []` / `"connections": []` when there are none; the API reference lists
// the member in every answer and says nothing of leaving it out).

pub async fn list_vifs(client: &aws_sdk_directconnect::Client) -> anyhow::Result<Vec<Vif>> {
    const OP: &str = "DescribeVirtualInterfaces";
    let all = Pages::all(OP, "virtualInterfaces list", |token| async {
        let page = client
            .describe_virtual_interfaces()
            .max_results(100)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error(OP, e))?;
        anyhow::Ok((page.virtual_interfaces, page.next_token))
    })
    .await?;
    Ok(all.iter().map(Vif::from).collect())
}

pub async fn list_connections(client: &aws_sdk_directconnect::Client) -> anyhow::Result<Vec<Conn>> {
    const OP: &str = "DescribeConnections";
    let all = Pages::all(OP, "connections list", |token| async {
        let page = client
            .describe_connections()
            .max_results(100)
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| api_error(OP, e))?;
        anyhow::Ok((page.connections, page.next_token))
    })
    .await?;
    Ok(all.iter().map(Conn::from).collect())
}

/// Every VIF of one (account, region), and its connections when `connections` is set: both
/// lists complete, or an error.
pub async fn list(cfg: &SdkConfig, connections: bool) -> anyhow::Result<(Vec<Vif>, Vec<Conn>)> {
    let client = aws_sdk_directconnect::Client::new(cfg);
    if connections {
        tokio::try_join!(list_vifs(&client), list_connections(&client))
    } else {
        Ok((list_vifs(&client).await?, Vec::new()))
    }
}

// The values this build's model knows, so a judge can tell a new value AWS sent (shown raw)
// from a known one.

/// `virtualInterfaceState` values.
pub fn vif_states() -> &'static [&'static str] {
    VirtualInterfaceState::values()
}

/// `connectionState` values.
pub fn connection_states() -> &'static [&'static str] {
    ConnectionState::values()
}

/// `bgpStatus` values.
pub fn bgp_statuses() -> &'static [&'static str] {
    BgpStatus::values()
}

/// `bgpPeerState` values.
pub fn bgp_peer_states() -> &'static [&'static str] {
    BgpPeerState::values()
}
