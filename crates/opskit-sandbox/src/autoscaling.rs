//! Fake of Amazon EC2 Auto Scaling's DescribeAutoScalingGroups (API 2011-01-01, the query
//! protocol, signed for `autoscaling`). The sandbox holds no groups, so it answers an empty,
//! complete listing (`<DescribeAutoScalingGroupsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/">
//! <DescribeAutoScalingGroupsResult><AutoScalingGroups/></DescribeAutoScalingGroupsResult>
//! <ResponseMetadata><RequestId/></ResponseMetadata>`, no `NextToken`), so an inventory of
//! every type runs against the sandbox (the demo) and lists none. Any other action is
//! `InvalidAction`; errors are the query services' `<ErrorResponse>` ([`super::elb::query_error`]).

use super::aws::{self, QueryService};
use super::elb::{empty_listing, query_error};
use super::{Recorded, Reply};

pub(crate) const API_VERSION: &str = "2011-01-01";
const XMLNS: &str = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

pub(crate) const SERVICE: QueryService = QueryService {
    signing_name: "autoscaling",
    api_version: API_VERSION,
    target_prefix: "AutoScaling_2011_01_01",
    content_type: "text/xml",
};

fn error(status: u16, code: &str, message: &str) -> Reply {
    query_error(XMLNS, status, code, message)
}

pub(crate) fn handle(rec: &Recorded) -> Reply {
    if let Err(reply) = aws::authenticate_query(rec, error) {
        return reply;
    }
    let form = rec.form();
    match form.iter().find(|(k, _)| k == "Action").map(|(_, v)| v.as_str()) {
        Some("DescribeAutoScalingGroups") => {
            let max = form.iter().find(|(k, _)| k == "MaxRecords").map(|(_, v)| v.as_str());
            if let Some(m) = max.filter(|m| !matches!(m.parse::<u32>(), Ok(1..=100))) {
                return error(
                    400,
                    "ValidationError",
                    &format!(
                        "1 validation error detected: Value '{m}' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100"
                    ),
                );
            }
            empty_listing(XMLNS, "DescribeAutoScalingGroups", "AutoScalingGroups")
        }
        Some(other) => {
            error(400, "InvalidAction", &format!("Could not find operation {other} for version {API_VERSION}"))
        }
        None => error(400, "MissingAction", "Missing Action"),
    }
}
