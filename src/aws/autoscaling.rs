//! Auto Scaling's DescribeAutoScalingGroups as the inventory reads it, over opskit's own
//! Query client ([`crate::aws::query`]): API version 2011-01-01, signing name
//! `autoscaling`, `NextToken` paging.
//!
//! Reference: [DescribeAutoScalingGroups](https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html),
//! [AutoScalingGroup](https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_AutoScalingGroup.html).

use super::elb::Members;
use super::query::{QueryError, Service, call};
use aws_config::SdkConfig;
use serde::Deserialize;

/// Auto Scaling, API version 2011-01-01.
pub const SERVICE: Service = Service { name: "autoscaling", service_id: "Auto Scaling", version: "2011-01-01" };

/// The most groups a page may hold (the API's maximum).
pub const MAX_RECORDS: u32 = 100;

/// One page of DescribeAutoScalingGroups from `next_token`.
pub async fn describe_groups(
    cfg: &SdkConfig,
    next_token: Option<String>,
) -> Result<DescribeAutoScalingGroups, QueryError> {
    let mut params = vec![("MaxRecords", MAX_RECORDS.to_string())];
    if let Some(t) = next_token {
        params.push(("NextToken", t));
    }
    call(cfg, &SERVICE, "DescribeAutoScalingGroups", &params).await
}

#[derive(Debug, Default, Deserialize)]
pub struct DescribeAutoScalingGroups {
    #[serde(rename = "DescribeAutoScalingGroupsResult")]
    pub result: Option<GroupsResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct GroupsResult {
    #[serde(rename = "AutoScalingGroups")]
    pub groups: Option<Members<Group>>,
    #[serde(rename = "NextToken")]
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Group {
    #[serde(rename = "AutoScalingGroupName")]
    pub name: Option<String>,
    #[serde(rename = "MinSize")]
    pub min: Option<String>,
    #[serde(rename = "MaxSize")]
    pub max: Option<String>,
    #[serde(rename = "DesiredCapacity")]
    pub desired: Option<String>,
    #[serde(rename = "LaunchTemplate")]
    pub launch_template: Option<LaunchTemplate>,
    #[serde(rename = "LaunchConfigurationName")]
    pub launch_configuration: Option<String>,
    #[serde(rename = "MixedInstancesPolicy")]
    pub mixed: Option<MixedInstancesPolicy>,
    #[serde(rename = "AvailabilityZones")]
    pub azs: Option<Members<String>>,
    #[serde(rename = "HealthCheckType")]
    pub health_check: Option<String>,
    #[serde(rename = "Instances")]
    pub instances: Option<Members<Instance>>,
    #[serde(rename = "TargetGroupARNs")]
    pub target_groups: Option<Members<String>>,
    /// `Delete in progress` while the group is being deleted.
    #[serde(rename = "Status")]
    pub status: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LaunchTemplate {
    #[serde(rename = "LaunchTemplateId")]
    pub id: Option<String>,
    #[serde(rename = "LaunchTemplateName")]
    pub name: Option<String>,
    #[serde(rename = "Version")]
    pub version: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MixedInstancesPolicy {
    #[serde(rename = "LaunchTemplate")]
    pub launch_template: Option<MixedLaunchTemplate>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MixedLaunchTemplate {
    #[serde(rename = "LaunchTemplateSpecification")]
    pub spec: Option<LaunchTemplate>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Instance {
    #[serde(rename = "InstanceId")]
    pub id: Option<String>,
    /// Pending, InService, Terminating, Standby, …
    #[serde(rename = "LifecycleState")]
    pub lifecycle_state: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::query::read_answer;

    #[test]
    fn a_group_reads_sizes_launch_template_instances_and_target_groups() {
        let xml = r#"<DescribeAutoScalingGroupsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
  <DescribeAutoScalingGroupsResult>
    <AutoScalingGroups>
      <member>
        <AutoScalingGroupName>web-asg</AutoScalingGroupName>
        <MinSize>1</MinSize><MaxSize>4</MaxSize><DesiredCapacity>2</DesiredCapacity>
        <LaunchTemplate><LaunchTemplateId>lt-1</LaunchTemplateId><LaunchTemplateName>web</LaunchTemplateName><Version>$Latest</Version></LaunchTemplate>
        <AvailabilityZones><member>us-east-1a</member><member>us-east-1b</member></AvailabilityZones>
        <HealthCheckType>ELB</HealthCheckType>
        <Instances>
          <member><InstanceId>i-1</InstanceId><LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus></member>
          <member><InstanceId>i-2</InstanceId><LifecycleState>Pending</LifecycleState><HealthStatus>Healthy</HealthStatus></member>
        </Instances>
        <TargetGroupARNs><member>arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc</member></TargetGroupARNs>
      </member>
    </AutoScalingGroups>
    <NextToken>t-2</NextToken>
  </DescribeAutoScalingGroupsResult>
</DescribeAutoScalingGroupsResponse>"#;
        let a: DescribeAutoScalingGroups = read_answer("DescribeAutoScalingGroups", 200, xml.as_bytes()).unwrap();
        let r = a.result.unwrap();
        assert_eq!(r.next_token.as_deref(), Some("t-2"));
        let g = &r.groups.unwrap().items[0];
        assert_eq!(g.azs.as_ref().unwrap().items, ["us-east-1a", "us-east-1b"]);
        assert_eq!(g.instances.as_ref().unwrap().items[1].lifecycle_state.as_deref(), Some("Pending"));
        assert_eq!(g.launch_template.as_ref().unwrap().version.as_deref(), Some("$Latest"));
        assert_eq!(g.target_groups.as_ref().unwrap().items.len(), 1);
    }
}
