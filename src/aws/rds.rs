//! RDS's DescribeDBInstances and DescribeDBClusters as the inventory reads them, over
//! opskit's own Query client ([`crate::aws::query`]): API version 2014-10-31, signing name
//! `rds`. Only the fields the inventory shows are here.
//!
//! References: [DescribeDBInstances](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBInstances.html),
//! [DBInstance](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBInstance.html),
//! [DescribeDBClusters](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBClusters.html),
//! [DBCluster](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBCluster.html).
//!
//! The answer is `<DescribeDBInstancesResponse><DescribeDBInstancesResult>` holding
//! `<DBInstances>` of `<DBInstance>` (the model's member `locationName`, not `<member>`) and
//! `<Marker>` while more pages follow. A list element missing from a result is `None`, an
//! empty one an empty list, as in [`crate::aws::ec2`]. Numbers and booleans stay text.

use super::query::{QueryError, Service, call};
use aws_config::SdkConfig;
use serde::Deserialize;

/// RDS, API version 2014-10-31.
pub const SERVICE: Service = Service { name: "rds", service_id: "RDS", version: "2014-10-31" };

/// The most records a page may hold (the API's maximum).
pub const MAX_RECORDS: u32 = 100;

/// One page of `action` (`DescribeDBInstances`, `DescribeDBClusters`) from `marker`.
pub async fn describe<T: for<'de> Deserialize<'de>>(
    cfg: &SdkConfig,
    action: &'static str,
    marker: Option<String>,
) -> Result<T, QueryError> {
    let mut params = vec![("MaxRecords", MAX_RECORDS.to_string())];
    if let Some(m) = marker {
        params.push(("Marker", m));
    }
    call(cfg, &SERVICE, action, &params).await
}

/// The children of `<DescribeDBInstancesResponse>`.
#[derive(Debug, Default, Deserialize)]
pub struct DescribeDbInstances {
    #[serde(rename = "DescribeDBInstancesResult")]
    pub result: Option<DbInstancesResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DbInstancesResult {
    #[serde(rename = "DBInstances")]
    pub instances: Option<DbInstanceList>,
    #[serde(rename = "Marker")]
    pub marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DbInstanceList {
    #[serde(rename = "DBInstance", default)]
    pub items: Vec<DbInstance>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DbInstance {
    #[serde(rename = "DBInstanceIdentifier")]
    pub id: Option<String>,
    #[serde(rename = "DBInstanceClass")]
    pub class: Option<String>,
    #[serde(rename = "Engine")]
    pub engine: Option<String>,
    #[serde(rename = "EngineVersion")]
    pub engine_version: Option<String>,
    #[serde(rename = "DBInstanceStatus")]
    pub status: Option<String>,
    #[serde(rename = "MultiAZ")]
    pub multi_az: Option<String>,
    #[serde(rename = "StorageEncrypted")]
    pub storage_encrypted: Option<String>,
    #[serde(rename = "BackupRetentionPeriod")]
    pub backup_retention: Option<String>,
    #[serde(rename = "PreferredMaintenanceWindow")]
    pub maintenance_window: Option<String>,
    #[serde(rename = "PubliclyAccessible")]
    pub publicly_accessible: Option<String>,
    #[serde(rename = "AvailabilityZone")]
    pub availability_zone: Option<String>,
    #[serde(rename = "DBClusterIdentifier")]
    pub cluster: Option<String>,
}

/// The children of `<DescribeDBClustersResponse>`.
#[derive(Debug, Default, Deserialize)]
pub struct DescribeDbClusters {
    #[serde(rename = "DescribeDBClustersResult")]
    pub result: Option<DbClustersResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DbClustersResult {
    #[serde(rename = "DBClusters")]
    pub clusters: Option<DbClusterList>,
    #[serde(rename = "Marker")]
    pub marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DbClusterList {
    #[serde(rename = "DBCluster", default)]
    pub items: Vec<DbCluster>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DbCluster {
    #[serde(rename = "DBClusterIdentifier")]
    pub id: Option<String>,
    /// Set for Multi-AZ DB clusters only; Aurora's instances have their own classes.
    #[serde(rename = "DBClusterInstanceClass")]
    pub class: Option<String>,
    #[serde(rename = "Engine")]
    pub engine: Option<String>,
    #[serde(rename = "EngineVersion")]
    pub engine_version: Option<String>,
    #[serde(rename = "Status")]
    pub status: Option<String>,
    #[serde(rename = "MultiAZ")]
    pub multi_az: Option<String>,
    #[serde(rename = "StorageEncrypted")]
    pub storage_encrypted: Option<String>,
    #[serde(rename = "BackupRetentionPeriod")]
    pub backup_retention: Option<String>,
    #[serde(rename = "PreferredMaintenanceWindow")]
    pub maintenance_window: Option<String>,
    #[serde(rename = "PubliclyAccessible")]
    pub publicly_accessible: Option<String>,
    #[serde(rename = "DBClusterMembers")]
    pub members: Option<DbClusterMembers>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DbClusterMembers {
    #[serde(rename = "DBClusterMember", default)]
    pub items: Vec<DbClusterMember>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DbClusterMember {
    #[serde(rename = "DBInstanceIdentifier")]
    pub instance: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::query::read_answer;

    #[test]
    fn a_db_instances_page_reads_the_audited_fields_and_its_marker() {
        let xml = r#"<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
  <DescribeDBInstancesResult>
    <Marker>m-2</Marker>
    <DBInstances>
      <DBInstance>
        <DBInstanceIdentifier>orders-db</DBInstanceIdentifier>
        <DBInstanceClass>db.t3.micro</DBInstanceClass>
        <Engine>postgres</Engine>
        <EngineVersion>16.3</EngineVersion>
        <DBInstanceStatus>available</DBInstanceStatus>
        <MultiAZ>true</MultiAZ>
        <StorageEncrypted>false</StorageEncrypted>
        <BackupRetentionPeriod>7</BackupRetentionPeriod>
        <PreferredMaintenanceWindow>sun:18:00-sun:18:30</PreferredMaintenanceWindow>
        <PubliclyAccessible>true</PubliclyAccessible>
        <VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-1</VpcSecurityGroupId></VpcSecurityGroupMembership></VpcSecurityGroups>
      </DBInstance>
    </DBInstances>
  </DescribeDBInstancesResult>
  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
</DescribeDBInstancesResponse>"#;
        let a: DescribeDbInstances = read_answer("DescribeDBInstances", 200, xml.as_bytes()).unwrap();
        let r = a.result.unwrap();
        assert_eq!(r.marker.as_deref(), Some("m-2"));
        let i = &r.instances.unwrap().items[0];
        assert_eq!(i.id.as_deref(), Some("orders-db"));
        assert_eq!(i.engine_version.as_deref(), Some("16.3"));
        assert_eq!(i.multi_az.as_deref(), Some("true"));
        assert_eq!(i.publicly_accessible.as_deref(), Some("true"));
        assert_eq!(i.maintenance_window.as_deref(), Some("sun:18:00-sun:18:30"));
        let empty = r#"<DescribeDBClustersResponse><DescribeDBClustersResult><DBClusters/></DescribeDBClustersResult></DescribeDBClustersResponse>"#;
        let c: DescribeDbClusters = read_answer("DescribeDBClusters", 200, empty.as_bytes()).unwrap();
        assert!(c.result.unwrap().clusters.unwrap().items.is_empty(), "an empty list is there, not missing");
    }
}
