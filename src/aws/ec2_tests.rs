//! Reading EC2's answers: examples in the shape of the API reference's (namespace, `<item>`
//! lists nested in `<item>`s, elements the inventory does not read), empty and missing sets.

use super::*;
use crate::aws::query::{QueryError, read_answer};

fn read<T: for<'de> Deserialize<'de>>(action: &str, body: &str) -> T {
    match read_answer(action, 200, body.as_bytes()) {
        Ok(t) => t,
        Err(e) => panic!("{}", e.failure(action)),
    }
}

/// The API reference's DescribeInstances example, cut to one instance.
const INSTANCES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
    <reservationSet>
        <item>
            <reservationId>r-1234567890abcdef0</reservationId>
            <ownerId>123456789012</ownerId>
            <groupSet/>
            <instancesSet>
                <item>
                    <instanceId>i-1234567890abcdef0</instanceId>
                    <imageId>ami-bff32ccc</imageId>
                    <instanceState>
                        <code>16</code>
                        <name>running</name>
                    </instanceState>
                    <privateDnsName>ip-192-168-1-88.eu-west-1.compute.internal</privateDnsName>
                    <dnsName>ec2-54-194-252-215.eu-west-1.compute.amazonaws.com</dnsName>
                    <reason/>
                    <keyName>my_keypair</keyName>
                    <amiLaunchIndex>0</amiLaunchIndex>
                    <productCodes/>
                    <instanceType>t2.micro</instanceType>
                    <launchTime>2018-05-08T16:46:19.000Z</launchTime>
                    <placement>
                        <availabilityZone>eu-west-1c</availabilityZone>
                        <groupName/>
                        <tenancy>default</tenancy>
                    </placement>
                    <monitoring>
                        <state>disabled</state>
                    </monitoring>
                    <subnetId>subnet-56f5f633</subnetId>
                    <vpcId>vpc-11112222</vpcId>
                    <privateIpAddress>192.168.1.88</privateIpAddress>
                    <ipAddress>54.194.252.215</ipAddress>
                    <sourceDestCheck>true</sourceDestCheck>
                    <groupSet>
                        <item>
                            <groupId>sg-e4076980</groupId>
                            <groupName>SecurityGroup1</groupName>
                        </item>
                        <item>
                            <groupId>sg-0a1b2c3d</groupId>
                            <groupName>SecurityGroup2</groupName>
                        </item>
                    </groupSet>
                    <architecture>x86_64</architecture>
                    <rootDeviceType>ebs</rootDeviceType>
                    <blockDeviceMapping>
                        <item>
                            <deviceName>/dev/xvda</deviceName>
                            <ebs>
                                <volumeId>vol-1234567890abcdef0</volumeId>
                                <status>attached</status>
                            </ebs>
                        </item>
                    </blockDeviceMapping>
                    <tagSet>
                        <item>
                            <key>Environment</key>
                            <value>Production</value>
                        </item>
                        <item>
                            <key>Name</key>
                            <value>web-1</value>
                        </item>
                    </tagSet>
                    <platformDetails>Linux/UNIX</platformDetails>
                </item>
            </instancesSet>
        </item>
    </reservationSet>
    <nextToken>eyJ2IjoiMiJ9</nextToken>
</DescribeInstancesResponse>"#;

#[test]
fn describe_instances_reads_nested_items_and_ignores_the_rest() {
    let page: DescribeInstances = read("DescribeInstances", INSTANCES);
    assert_eq!(page.next_token.as_deref(), Some("eyJ2IjoiMiJ9"));
    let reservations = set(page.reservation_set).expect("reservationSet");
    assert_eq!(reservations.len(), 1);
    let instances = items(&reservations[0].instances_set);
    assert_eq!(instances.len(), 1);
    let i = &instances[0];
    assert_eq!(i.instance_id.as_deref(), Some("i-1234567890abcdef0"));
    assert_eq!(i.instance_state.as_ref().and_then(|s| s.name.as_deref()), Some("running"));
    assert_eq!(i.instance_type.as_deref(), Some("t2.micro"));
    assert_eq!(i.placement.as_ref().and_then(|p| p.availability_zone.as_deref()), Some("eu-west-1c"));
    assert_eq!(i.ip_address.as_deref(), Some("54.194.252.215"));
    assert_eq!(i.private_ip_address.as_deref(), Some("192.168.1.88"));
    assert_eq!((i.vpc_id.as_deref(), i.subnet_id.as_deref()), (Some("vpc-11112222"), Some("subnet-56f5f633")));
    let groups: Vec<_> = items(&i.group_set).iter().map(|g| g.group_id.as_deref().unwrap()).collect();
    assert_eq!(groups, ["sg-e4076980", "sg-0a1b2c3d"]);
    assert_eq!(name_tag(&i.tag_set), "web-1");
    assert_eq!(i.launch_time.as_deref(), Some("2018-05-08T16:46:19.000Z"));
    assert_eq!((i.platform.as_deref(), i.platform_details.as_deref()), (None, Some("Linux/UNIX")));
}

#[test]
fn an_empty_set_is_an_empty_list_and_a_missing_one_is_none() {
    let empty: DescribeInstances = read(
        "DescribeInstances",
        r#"<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>x</requestId><reservationSet/></DescribeInstancesResponse>"#,
    );
    assert_eq!(set(empty.reservation_set).map(|v| v.len()), Some(0));
    assert_eq!(empty.next_token, None);
    let spaced: DescribeVolumes = read(
        "DescribeVolumes",
        "<DescribeVolumesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\n  <volumeSet>\n  </volumeSet>\n</DescribeVolumesResponse>",
    );
    assert_eq!(set(spaced.volume_set).map(|v| v.len()), Some(0));
    let missing: DescribeInstances = read(
        "DescribeInstances",
        r#"<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>x</requestId></DescribeInstancesResponse>"#,
    );
    assert!(missing.reservation_set.is_none(), "a missing set must not read as an empty one");
}

#[test]
fn describe_volumes_security_groups_and_route_tables_read_their_wire_names() {
    let v: DescribeVolumes = read(
        "DescribeVolumes",
        r#"<DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <volumeSet>
      <item>
         <volumeId>vol-1234567890abcdef0</volumeId>
         <size>80</size>
         <snapshotId/>
         <availabilityZone>us-east-1a</availabilityZone>
         <status>in-use</status>
         <createTime>YYYY-MM-DDTHH:MM:SS.SSSZ</createTime>
         <attachmentSet>
            <item>
               <volumeId>vol-1234567890abcdef0</volumeId>
               <instanceId>i-1234567890abcdef0</instanceId>
               <device>/dev/sdh</device>
               <status>attached</status>
               <deleteOnTermination>false</deleteOnTermination>
            </item>
         </attachmentSet>
         <volumeType>standard</volumeType>
         <encrypted>true</encrypted>
      </item>
   </volumeSet>
</DescribeVolumesResponse>"#,
    );
    let vols = set(v.volume_set).unwrap();
    let vol = &vols[0];
    assert_eq!(
        (vol.status.as_deref(), vol.size.as_deref(), vol.encrypted.as_deref()),
        (Some("in-use"), Some("80"), Some("true"))
    );
    let a = &items(&vol.attachment_set)[0];
    assert_eq!((a.instance_id.as_deref(), a.device.as_deref()), (Some("i-1234567890abcdef0"), Some("/dev/sdh")));
    assert_eq!(vol.iops, None);

    let g: DescribeSecurityGroups = read(
        "DescribeSecurityGroups",
        r#"<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <securityGroupInfo>
      <item>
         <ownerId>123456789012</ownerId>
         <groupId>sg-1a2b3c4d</groupId>
         <groupName>WebServers</groupName>
         <groupDescription>Web Servers</groupDescription>
         <vpcId>vpc-614cc409</vpcId>
         <ipPermissions>
            <item>
               <ipProtocol>tcp</ipProtocol>
               <fromPort>80</fromPort>
               <toPort>80</toPort>
               <groups>
                  <item><userId>123456789012</userId><groupId>sg-2a2b3c4d</groupId><groupName>RangedPortsBySource</groupName></item>
               </groups>
               <ipRanges>
                  <item><cidrIp>0.0.0.0/0</cidrIp></item>
               </ipRanges>
               <ipv6Ranges>
                  <item><cidrIpv6>::/0</cidrIpv6></item>
               </ipv6Ranges>
               <prefixListIds>
                  <item><prefixListId>pl-12345678</prefixListId></item>
               </prefixListIds>
            </item>
         </ipPermissions>
         <ipPermissionsEgress>
            <item>
               <ipProtocol>-1</ipProtocol>
               <groups/>
               <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
            </item>
         </ipPermissionsEgress>
      </item>
   </securityGroupInfo>
</DescribeSecurityGroupsResponse>"#,
    );
    let groups = set(g.security_group_info).unwrap();
    let sg = &groups[0];
    assert_eq!(sg.group_description.as_deref(), Some("Web Servers"));
    let perms = items(&sg.ip_permissions);
    assert_eq!(perms.len(), 1, "egress rules are not inbound ones");
    let p = &perms[0];
    assert_eq!(
        (p.ip_protocol.as_deref(), p.from_port.as_deref(), p.to_port.as_deref()),
        (Some("tcp"), Some("80"), Some("80"))
    );
    assert_eq!(items(&p.groups)[0].group_id.as_deref(), Some("sg-2a2b3c4d"));
    assert_eq!(items(&p.ip_ranges)[0].cidr_ip.as_deref(), Some("0.0.0.0/0"));
    assert_eq!(items(&p.ipv6_ranges)[0].cidr_ipv6.as_deref(), Some("::/0"));
    assert_eq!(items(&p.prefix_list_ids)[0].prefix_list_id.as_deref(), Some("pl-12345678"));

    let t: DescribeRouteTables = read(
        "DescribeRouteTables",
        r#"<DescribeRouteTablesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>6f570b0b-9c18-4b07-bdec-73740dcf861aEXAMPLE</requestId>
   <routeTableSet>
      <item>
         <routeTableId>rtb-1122334455667788a</routeTableId>
         <vpcId>vpc-1122334455667788a</vpcId>
         <routeSet>
            <item><destinationCidrBlock>10.0.0.0/22</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item>
            <item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><natGatewayId>nat-0123</natGatewayId><state>blackhole</state></item>
         </routeSet>
         <associationSet>
            <item><routeTableAssociationId>rtbassoc-1</routeTableAssociationId><routeTableId>rtb-1122334455667788a</routeTableId><main>true</main></item>
            <item><routeTableAssociationId>rtbassoc-2</routeTableAssociationId><subnetId>subnet-1</subnetId><main>false</main></item>
         </associationSet>
         <propagatingVgwSet/>
         <tagSet/>
      </item>
   </routeTableSet>
</DescribeRouteTablesResponse>"#,
    );
    let tables = set(t.route_table_set).unwrap();
    let routes = items(&tables[0].route_set);
    assert_eq!(routes[1].nat_gateway_id.as_deref(), Some("nat-0123"));
    assert_eq!(routes[1].state.as_deref(), Some("blackhole"));
    let assoc = items(&tables[0].association_set);
    assert_eq!((assoc[0].main.as_deref(), assoc[1].subnet_id.as_deref()), (Some("true"), Some("subnet-1")));
    assert_eq!(name_tag(&tables[0].tag_set), "");
}

#[test]
fn vpcs_regions_addresses_and_nat_gateways_read() {
    let v: DescribeVpcs = read(
        "DescribeVpcs",
        r#"<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
  <vpcSet>
    <item>
      <vpcId>vpc-0e9801d129EXAMPLE</vpcId>
      <state>available</state>
      <cidrBlock>10.0.0.0/16</cidrBlock>
      <cidrBlockAssociationSet>
        <item><cidrBlock>10.0.0.0/16</cidrBlock><associationId>vpc-cidr-assoc-1</associationId><cidrBlockState><state>associated</state></cidrBlockState></item>
      </cidrBlockAssociationSet>
      <ipv6CidrBlockAssociationSet>
        <item><ipv6CidrBlock>2600:1f16::/56</ipv6CidrBlock><ipv6CidrBlockState><state>associated</state></ipv6CidrBlockState></item>
      </ipv6CidrBlockAssociationSet>
      <isDefault>false</isDefault>
    </item>
  </vpcSet>
</DescribeVpcsResponse>"#,
    );
    let vpcs = set(v.vpc_set).unwrap();
    assert_eq!(vpcs[0].is_default.as_deref(), Some("false"));
    let v6 = &items(&vpcs[0].ipv6_cidr_block_association_set)[0];
    assert_eq!(v6.ipv6_cidr_block.as_deref(), Some("2600:1f16::/56"));
    assert_eq!(v6.ipv6_cidr_block_state.as_ref().and_then(|s| s.state.as_deref()), Some("associated"));

    let r: DescribeRegions = read(
        "DescribeRegions",
        r#"<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <regionInfo>
      <item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>
      <item><regionName>ap-northeast-1</regionName><regionEndpoint>ec2.ap-northeast-1.amazonaws.com</regionEndpoint></item>
   </regionInfo>
</DescribeRegionsResponse>"#,
    );
    let names: Vec<_> = set(r.region_info).unwrap().into_iter().filter_map(|r| r.region_name).collect();
    assert_eq!(names, ["us-east-1", "ap-northeast-1"]);

    let a: DescribeAddresses = read(
        "DescribeAddresses",
        r#"<DescribeAddressesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>f7de5e98-491a-4c19-a92d-908d6EXAMPLE</requestId>
   <addressesSet>
      <item><publicIp>203.0.113.41</publicIp><allocationId>eipalloc-08229861</allocationId><domain>vpc</domain><instanceId>i-0598c7d356eba48d7</instanceId><associationId>eipassoc-f0229899</associationId><networkInterfaceId>eni-ef229886</networkInterfaceId><privateIpAddress>10.0.0.228</privateIpAddress></item>
   </addressesSet>
</DescribeAddressesResponse>"#,
    );
    let addrs = set(a.addresses_set).unwrap();
    assert_eq!(
        (addrs[0].allocation_id.as_deref(), addrs[0].domain.as_deref()),
        (Some("eipalloc-08229861"), Some("vpc"))
    );

    let n: DescribeNatGateways = read(
        "DescribeNatGateways",
        r#"<DescribeNatGatewaysResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>bfed02c6-dae9-47c0-86a2-example</requestId>
    <natGatewaySet>
        <item>
            <natGatewayId>nat-04e77a5e9c34432f9</natGatewayId>
            <subnetId>subnet-1a2a3a4a</subnetId>
            <natGatewayAddressSet>
                <item><networkInterfaceId>eni-eb4f1c87</networkInterfaceId><privateIp>10.0.0.174</privateIp><allocationId>eipalloc-37fc1a52</allocationId><publicIp>198.18.125.129</publicIp></item>
            </natGatewayAddressSet>
            <state>available</state>
            <vpcId>vpc-4e20d42b</vpcId>
            <connectivityType>public</connectivityType>
        </item>
    </natGatewaySet>
</DescribeNatGatewaysResponse>"#,
    );
    let nats = set(n.nat_gateway_set).unwrap();
    assert_eq!(items(&nats[0].nat_gateway_address_set)[0].public_ip.as_deref(), Some("198.18.125.129"));
    assert_eq!(nats[0].connectivity_type.as_deref(), Some("public"));
}

#[test]
fn a_body_that_is_not_the_operations_answer_fails_naming_it() {
    for (body, why) in [
        ("<html><body>Sign in to the Wi-Fi</body></html>", "<html>"),
        ("<DescribeVpcsResponse><vpcSet/></DescribeVpcsResponse>", "<DescribeVpcsResponse>"),
        ("", "empty"),
        ("{\"reservationSet\": []}", "not XML"),
    ] {
        let e = read_answer::<DescribeInstances>("DescribeInstances", 200, body.as_bytes()).unwrap_err();
        assert!(matches!(e, QueryError::Answer { status: 200, .. }), "{e:?}");
        let f = e.failure("DescribeInstances");
        let text = f.to_string();
        assert_eq!(f.kind, crate::aws::failure::Kind::Http, "{text}");
        assert!(text.starts_with("DescribeInstances: "), "{text}");
        assert!(text.contains(why) && text.contains("body not a DescribeInstances answer"), "{text}");
        assert!(text.contains("\nhint: something other than AWS"), "{text}");
    }
}

/// The API reference's DescribeInstanceStatus example: one instance impaired, one ok.
const INSTANCE_STATUS: &str = r#"<DescribeInstanceStatusResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>3be1508e-c444-4fef-89cc-0b1223c4f02fEXAMPLE</requestId>
    <instanceStatusSet>
        <item>
            <instanceId>i-1234567890abcdef0</instanceId>
            <availabilityZone>us-east-1d</availabilityZone>
            <instanceState>
                <code>16</code>
                <name>running</name>
            </instanceState>
            <systemStatus>
                <status>impaired</status>
                <details>
                    <item>
                        <name>reachability</name>
                        <status>failed</status>
                        <impairedSince>YYYY-MM-DDTHH:MM:SS.000Z</impairedSince>
                    </item>
                </details>
            </systemStatus>
            <instanceStatus>
                <status>impaired</status>
                <details>
                    <item>
                        <name>reachability</name>
                        <status>failed</status>
                        <impairedSince>YYYY-MM-DDTHH:MM:SS.000Z</impairedSince>
                    </item>
                </details>
            </instanceStatus>
            <eventsSet>
                <item>
                    <code>instance-retirement</code>
                    <description>The instance is running on degraded hardware</description>
                    <notBefore>YYYY-MM-DDTHH:MM:SS+0000</notBefore>
                    <notAfter>YYYY-MM-DDTHH:MM:SS+0000</notAfter>
                </item>
            </eventsSet>
        </item>
        <item>
            <instanceId>i-0598c7d356eba48d7</instanceId>
            <availabilityZone>us-east-1d</availabilityZone>
            <instanceState>
                <code>16</code>
                <name>running</name>
            </instanceState>
            <systemStatus>
                <status>ok</status>
                <details>
                    <item>
                        <name>reachability</name>
                        <status>passed</status>
                    </item>
                </details>
            </systemStatus>
            <instanceStatus>
                <status>ok</status>
                <details>
                    <item>
                        <name>reachability</name>
                        <status>passed</status>
                    </item>
                </details>
            </instanceStatus>
        </item>
    </instanceStatusSet>
</DescribeInstanceStatusResponse>"#;

#[test]
fn instance_status_reads_state_and_both_checks_of_the_instance_asked_for() {
    let bad = instance_status(read("DescribeInstanceStatus", INSTANCE_STATUS), "i-1234567890abcdef0").unwrap();
    assert_eq!(bad.instance_state.and_then(|s| s.name).as_deref(), Some("running"));
    let system = bad.system_status.unwrap();
    assert_eq!(system.status.as_deref(), Some("impaired"));
    assert_eq!(items(&system.details)[0].status.as_deref(), Some("failed"));
    let good = instance_status(read("DescribeInstanceStatus", INSTANCE_STATUS), "i-0598c7d356eba48d7").unwrap();
    assert_eq!(good.instance_status.and_then(|s| s.status).as_deref(), Some("ok"));
    assert!(instance_status(read("DescribeInstanceStatus", INSTANCE_STATUS), "i-0000000000000000f").is_none());
    let none: DescribeInstanceStatus = read(
        "DescribeInstanceStatus",
        "<DescribeInstanceStatusResponse><requestId>x</requestId><instanceStatusSet/></DescribeInstanceStatusResponse>",
    );
    assert!(instance_status(none, "i-1234567890abcdef0").is_none());
}

#[test]
fn reboot_is_refused_only_by_an_explicit_return_false() {
    let yes: Return = read(
        "RebootInstances",
        r#"<RebootInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><return>true</return></RebootInstancesResponse>"#,
    );
    assert!(yes.accepted());
    let no: Return =
        read("RebootInstances", "<RebootInstancesResponse><return>false</return></RebootInstancesResponse>");
    assert!(!no.accepted());
    let bare: Return =
        read("RebootInstances", "<RebootInstancesResponse><requestId>x</requestId></RebootInstancesResponse>");
    assert!(bare.accepted(), "the model has no output: a well-formed answer is acceptance");
}
