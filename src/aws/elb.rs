//! Elastic Load Balancing as the inventory reads it, over opskit's own Query client
//! ([`crate::aws::query`]), signing name `elasticloadbalancing` for both APIs:
//!
//! - ELBv2 (application, network, gateway load balancers), API version 2015-12-01:
//!   DescribeLoadBalancers (`Marker` / `NextMarker`), DescribeListeners and
//!   DescribeTargetGroups per load balancer, DescribeTargetHealth per target group.
//! - Classic load balancers, API version 2012-06-01: DescribeLoadBalancers (listeners and
//!   their `SSLCertificateId` are in `ListenerDescriptions`), DescribeInstanceHealth.
//!
//! References: [ELBv2 DescribeLoadBalancers](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeLoadBalancers.html),
//! [DescribeListeners](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeListeners.html),
//! [DescribeTargetGroups](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetGroups.html),
//! [DescribeTargetHealth](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetHealth.html),
//! [Classic DescribeLoadBalancers](https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DescribeLoadBalancers.html),
//! [DescribeInstanceHealth](https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DescribeInstanceHealth.html).
//!
//! Answers are `<XResponse><XResult>` with lists of `<member>`. A list missing from a result
//! is `None`, an empty one an empty list; numbers stay text.

use super::query::{QueryError, Service, call};
use aws_config::SdkConfig;
use serde::Deserialize;

/// ELBv2, API version 2015-12-01.
pub const V2: Service =
    Service { name: "elasticloadbalancing", service_id: "Elastic Load Balancing v2", version: "2015-12-01" };
/// Classic Load Balancing, API version 2012-06-01.
pub const CLASSIC: Service =
    Service { name: "elasticloadbalancing", service_id: "Elastic Load Balancing", version: "2012-06-01" };

/// A `<member>` list.
#[derive(Debug, Default, Deserialize)]
pub struct Members<T> {
    #[serde(rename = "member", default = "Vec::new")]
    pub items: Vec<T>,
}

/// The items of an optional list (none when it is missing).
pub fn items<T>(m: &Option<Members<T>>) -> &[T] {
    m.as_ref().map_or(&[], |m| &m.items)
}

/// One page of ELBv2's `action` with `params` (and `Marker` when given).
pub async fn v2<T: for<'de> Deserialize<'de>>(
    cfg: &SdkConfig,
    action: &'static str,
    mut params: Vec<(&'static str, String)>,
    marker: Option<String>,
) -> Result<T, QueryError> {
    if let Some(m) = marker {
        params.push(("Marker", m));
    }
    call(cfg, &V2, action, &params).await
}

/// One page of the classic API's `action` with `params` (and `Marker` when given).
pub async fn classic<T: for<'de> Deserialize<'de>>(
    cfg: &SdkConfig,
    action: &'static str,
    mut params: Vec<(&'static str, String)>,
    marker: Option<String>,
) -> Result<T, QueryError> {
    if let Some(m) = marker {
        params.push(("Marker", m));
    }
    call(cfg, &CLASSIC, action, &params).await
}

// ---------------------------------------------------------------------------------------
// ELBv2
// ---------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct DescribeLoadBalancers {
    #[serde(rename = "DescribeLoadBalancersResult")]
    pub result: Option<LoadBalancersResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LoadBalancersResult {
    #[serde(rename = "LoadBalancers")]
    pub load_balancers: Option<Members<LoadBalancer>>,
    #[serde(rename = "NextMarker")]
    pub next_marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LoadBalancer {
    #[serde(rename = "LoadBalancerArn")]
    pub arn: Option<String>,
    #[serde(rename = "LoadBalancerName")]
    pub name: Option<String>,
    #[serde(rename = "DNSName")]
    pub dns_name: Option<String>,
    #[serde(rename = "Scheme")]
    pub scheme: Option<String>,
    #[serde(rename = "VpcId")]
    pub vpc_id: Option<String>,
    #[serde(rename = "State")]
    pub state: Option<State>,
    /// application, network, gateway.
    #[serde(rename = "Type")]
    pub kind: Option<String>,
    #[serde(rename = "CreatedTime")]
    pub created: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct State {
    #[serde(rename = "Code")]
    pub code: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DescribeListeners {
    #[serde(rename = "DescribeListenersResult")]
    pub result: Option<ListenersResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListenersResult {
    #[serde(rename = "Listeners")]
    pub listeners: Option<Members<Listener>>,
    #[serde(rename = "NextMarker")]
    pub next_marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Listener {
    #[serde(rename = "Protocol")]
    pub protocol: Option<String>,
    #[serde(rename = "Port")]
    pub port: Option<String>,
    /// The default certificate only (the others need DescribeListenerCertificates).
    #[serde(rename = "Certificates")]
    pub certificates: Option<Members<Certificate>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Certificate {
    #[serde(rename = "CertificateArn")]
    pub arn: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DescribeTargetGroups {
    #[serde(rename = "DescribeTargetGroupsResult")]
    pub result: Option<TargetGroupsResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct TargetGroupsResult {
    #[serde(rename = "TargetGroups")]
    pub target_groups: Option<Members<TargetGroup>>,
    #[serde(rename = "NextMarker")]
    pub next_marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct TargetGroup {
    #[serde(rename = "TargetGroupArn")]
    pub arn: Option<String>,
    #[serde(rename = "TargetGroupName")]
    pub name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DescribeTargetHealth {
    #[serde(rename = "DescribeTargetHealthResult")]
    pub result: Option<TargetHealthResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct TargetHealthResult {
    #[serde(rename = "TargetHealthDescriptions")]
    pub descriptions: Option<Members<TargetHealthDescription>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct TargetHealthDescription {
    #[serde(rename = "TargetHealth")]
    pub health: Option<TargetHealth>,
}

#[derive(Debug, Default, Deserialize)]
pub struct TargetHealth {
    /// initial, healthy, unhealthy, unhealthy.draining, unused, draining, unavailable.
    #[serde(rename = "State")]
    pub state: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Classic
// ---------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct DescribeClassicLoadBalancers {
    #[serde(rename = "DescribeLoadBalancersResult")]
    pub result: Option<ClassicLoadBalancersResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ClassicLoadBalancersResult {
    #[serde(rename = "LoadBalancerDescriptions")]
    pub descriptions: Option<Members<ClassicLoadBalancer>>,
    #[serde(rename = "NextMarker")]
    pub next_marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ClassicLoadBalancer {
    #[serde(rename = "LoadBalancerName")]
    pub name: Option<String>,
    #[serde(rename = "DNSName")]
    pub dns_name: Option<String>,
    #[serde(rename = "Scheme")]
    pub scheme: Option<String>,
    #[serde(rename = "VPCId")]
    pub vpc_id: Option<String>,
    #[serde(rename = "CreatedTime")]
    pub created: Option<String>,
    #[serde(rename = "ListenerDescriptions")]
    pub listeners: Option<Members<ListenerDescription>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListenerDescription {
    #[serde(rename = "Listener")]
    pub listener: Option<ClassicListener>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ClassicListener {
    #[serde(rename = "Protocol")]
    pub protocol: Option<String>,
    #[serde(rename = "LoadBalancerPort")]
    pub port: Option<String>,
    #[serde(rename = "SSLCertificateId")]
    pub certificate: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DescribeInstanceHealth {
    #[serde(rename = "DescribeInstanceHealthResult")]
    pub result: Option<InstanceHealthResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct InstanceHealthResult {
    #[serde(rename = "InstanceStates")]
    pub states: Option<Members<InstanceState>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct InstanceState {
    /// InService, OutOfService, Unknown.
    #[serde(rename = "State")]
    pub state: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::query::read_answer;

    #[test]
    fn an_elbv2_page_reads_type_state_and_marker_and_a_classic_one_its_listeners() {
        // The API reference's example answer, trimmed.
        let xml = r#"<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
  <DescribeLoadBalancersResult>
    <LoadBalancers>
      <member>
        <LoadBalancerArn>arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188</LoadBalancerArn>
        <Scheme>internet-facing</Scheme>
        <LoadBalancerName>my-load-balancer</LoadBalancerName>
        <VpcId>vpc-3ac0fb5f</VpcId>
        <CreatedTime>2016-03-25T21:26:12.920Z</CreatedTime>
        <AvailabilityZones><member><ZoneName>us-west-2a</ZoneName><SubnetId>subnet-8360a9e7</SubnetId></member></AvailabilityZones>
        <SecurityGroups><member>sg-5943793c</member></SecurityGroups>
        <DNSName>my-load-balancer-424835706.us-west-2.elb.amazonaws.com</DNSName>
        <State><Code>active</Code></State>
        <Type>application</Type>
      </member>
    </LoadBalancers>
    <NextMarker>m-2</NextMarker>
  </DescribeLoadBalancersResult>
  <ResponseMetadata><RequestId>6581c0ac-f39f-11e5-bb98-57195a6eb84a</RequestId></ResponseMetadata>
</DescribeLoadBalancersResponse>"#;
        let a: DescribeLoadBalancers = read_answer("DescribeLoadBalancers", 200, xml.as_bytes()).unwrap();
        let r = a.result.unwrap();
        assert_eq!(r.next_marker.as_deref(), Some("m-2"));
        let lb = &items(&r.load_balancers)[0];
        assert_eq!((lb.kind.as_deref(), lb.scheme.as_deref()), (Some("application"), Some("internet-facing")));
        assert_eq!(lb.state.as_ref().and_then(|s| s.code.as_deref()), Some("active"));

        let xml = r#"<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/">
  <DescribeLoadBalancersResult>
    <NextMarker/>
    <LoadBalancerDescriptions>
      <member>
        <LoadBalancerName>web</LoadBalancerName>
        <Scheme>internet-facing</Scheme>
        <VPCId>vpc-1</VPCId>
        <ListenerDescriptions>
          <member><PolicyNames/><Listener><Protocol>HTTPS</Protocol><LoadBalancerPort>443</LoadBalancerPort>
            <InstanceProtocol>HTTP</InstanceProtocol><SSLCertificateId>arn:aws:iam::123456789012:server-certificate/web</SSLCertificateId><InstancePort>80</InstancePort></Listener></member>
        </ListenerDescriptions>
      </member>
    </LoadBalancerDescriptions>
  </DescribeLoadBalancersResult>
</DescribeLoadBalancersResponse>"#;
        let a: DescribeClassicLoadBalancers = read_answer("DescribeLoadBalancers", 200, xml.as_bytes()).unwrap();
        let r = a.result.unwrap();
        let lb = &items(&r.descriptions)[0];
        let l = items(&lb.listeners)[0].listener.as_ref().unwrap();
        assert_eq!((l.protocol.as_deref(), l.port.as_deref()), (Some("HTTPS"), Some("443")));
        assert_eq!(l.certificate.as_deref(), Some("arn:aws:iam::123456789012:server-certificate/web"));
        assert_eq!(lb.vpc_id.as_deref(), Some("vpc-1"));
    }
}
