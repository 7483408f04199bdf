//! Route 53's ListHostedZones as the inventory reads it, over opskit's own REST-XML client
//! ([`crate::aws::rest`]): `GET /2013-04-01/hostedzone`, paged with `marker` /
//! `IsTruncated` / `NextMarker`, signing name `route53`, the global endpoint
//! `https://route53.amazonaws.com` signed in us-east-1.
//!
//! Reference: [ListHostedZones](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHostedZones.html).

use super::query::{QueryError, Service};
use super::rest::{self, Request};
use aws_config::SdkConfig;
use serde::Deserialize;

/// Route 53: signing name `route53`, `AWS_ENDPOINT_URL_ROUTE_53`.
pub const SERVICE: Service = Service { name: "route53", service_id: "Route 53", version: "2013-04-01" };

/// Zones a page may hold (the API's maximum).
pub const MAX_ITEMS: u32 = 100;

/// One page of ListHostedZones from `marker`, signed in `region`.
pub async fn list_hosted_zones(
    cfg: &SdkConfig,
    region: &str,
    marker: Option<&str>,
) -> Result<ListHostedZones, QueryError> {
    let mut path = format!("/2013-04-01/hostedzone?maxitems={MAX_ITEMS}");
    if let Some(m) = marker {
        path.push_str("&marker=");
        path.push_str(&url::form_urlencoded::byte_serialize(m.as_bytes()).collect::<String>());
    }
    rest::call(cfg, "ListHostedZones", "ListHostedZonesResponse", &Request::get(&SERVICE, region, &path)).await
}

#[derive(Debug, Default, Deserialize)]
pub struct ListHostedZones {
    #[serde(rename = "HostedZones")]
    pub zones: Option<HostedZoneList>,
    #[serde(rename = "IsTruncated")]
    pub is_truncated: Option<String>,
    #[serde(rename = "NextMarker")]
    pub next_marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct HostedZoneList {
    #[serde(rename = "HostedZone", default)]
    pub items: Vec<HostedZone>,
}

#[derive(Debug, Default, Deserialize)]
pub struct HostedZone {
    /// `/hostedzone/Z123`.
    #[serde(rename = "Id")]
    pub id: Option<String>,
    #[serde(rename = "Name")]
    pub name: Option<String>,
    #[serde(rename = "ResourceRecordSetCount")]
    pub record_count: Option<String>,
    #[serde(rename = "Config")]
    pub config: Option<HostedZoneConfig>,
}

#[derive(Debug, Default, Deserialize)]
pub struct HostedZoneConfig {
    #[serde(rename = "Comment")]
    pub comment: Option<String>,
    #[serde(rename = "PrivateZone")]
    pub private: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::rest::read_answer;

    #[test]
    fn a_hosted_zones_page_reads_zones_and_its_next_marker() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<ListHostedZonesResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
  <HostedZones>
    <HostedZone><Id>/hostedzone/Z1</Id><Name>example.com.</Name><CallerReference>c</CallerReference>
      <Config><Comment>public site</Comment><PrivateZone>false</PrivateZone></Config><ResourceRecordSetCount>4</ResourceRecordSetCount></HostedZone>
  </HostedZones>
  <Marker/>
  <IsTruncated>true</IsTruncated>
  <NextMarker>Z2</NextMarker>
  <MaxItems>1</MaxItems>
</ListHostedZonesResponse>"#;
        let a: ListHostedZones = read_answer("ListHostedZones", "ListHostedZonesResponse", 200, xml).unwrap();
        assert_eq!((a.is_truncated.as_deref(), a.next_marker.as_deref()), (Some("true"), Some("Z2")));
        let z = &a.zones.unwrap().items[0];
        assert_eq!(z.id.as_deref(), Some("/hostedzone/Z1"));
        assert_eq!(z.record_count.as_deref(), Some("4"));
        assert_eq!(z.config.as_ref().unwrap().private.as_deref(), Some("false"));
    }
}
