//! Fake of Elastic Load Balancing's reads an inventory makes, both APIs signed for
//! `elasticloadbalancing` (the query protocol) and told apart by their `Version`:
//!
//! - ELBv2 (2015-12-01): DescribeLoadBalancers answers an empty, complete listing
//!   (`<LoadBalancers/>`, no `NextMarker`); DescribeTargetGroups without a load balancer too
//!   (`<TargetGroups/>`). The sandbox holds no load balancers or target groups, so
//!   DescribeListeners / DescribeTargetGroups of a `LoadBalancerArn` answer
//!   `LoadBalancerNotFound` and DescribeTargetHealth `TargetGroupNotFound` (HTTP 400), as
//!   ELB does for an ARN it does not know.
//! - Classic (2012-06-01): DescribeLoadBalancers answers `<LoadBalancerDescriptions/>`;
//!   DescribeInstanceHealth of any name `LoadBalancerNotFound`.
//!
//! Errors are `<ErrorResponse xmlns=…><Error><Type>Sender</Type><Code/><Message/></Error>
//! <RequestId/></ErrorResponse>`, as the query services send them (the shape RDS's fake
//! shares, [`query_error`]). Any other action is `InvalidAction`.

use super::aws::{self, QueryService};
use super::{Recorded, Reply};

pub(crate) const V2_VERSION: &str = "2015-12-01";
pub(crate) const CLASSIC_VERSION: &str = "2012-06-01";
const CONTENT_TYPE: &str = "text/xml";

pub(crate) const SERVICE: QueryService = QueryService {
    signing_name: "elasticloadbalancing",
    api_version: V2_VERSION,
    target_prefix: "ElasticLoadBalancing_v10",
    content_type: CONTENT_TYPE,
};

/// The classic API: the same signing name, its own `Version`.
pub(crate) const CLASSIC: QueryService = QueryService {
    signing_name: "elasticloadbalancing",
    api_version: CLASSIC_VERSION,
    target_prefix: "ElasticLoadBalancing_v7",
    content_type: CONTENT_TYPE,
};

fn xmlns(version: &str) -> String {
    format!("http://elasticloadbalancing.amazonaws.com/doc/{version}/")
}

fn reply(status: u16, body: String, id: String) -> Reply {
    Reply {
        status,
        headers: vec![("content-type".into(), CONTENT_TYPE.into()), ("x-amzn-RequestId".into(), id)],
        body: body.into_bytes(),
    }
}

/// A query service's `<ErrorResponse>` in namespace `xmlns`.
pub(crate) fn query_error(xmlns: &str, status: u16, code: &str, message: &str) -> Reply {
    let id = aws::request_id();
    let mut body = format!("<ErrorResponse xmlns=\"{xmlns}\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>");
    super::ec2::escape(code, &mut body);
    body.push_str("</Code>\n    <Message>");
    super::ec2::escape(message, &mut body);
    body.push_str(&format!("</Message>\n  </Error>\n  <RequestId>{id}</RequestId>\n</ErrorResponse>\n"));
    reply(status, body, id)
}

/// `<{action}Response><{action}Result><{list}/></{action}Result><ResponseMetadata>…`: an
/// empty, complete listing in namespace `xmlns`.
pub(crate) fn empty_listing(xmlns: &str, action: &str, list: &str) -> Reply {
    let id = aws::request_id();
    let body = format!(
        "<{action}Response xmlns=\"{xmlns}\">\n  <{action}Result>\n    <{list}/>\n  </{action}Result>\n  \
         <ResponseMetadata>\n    <RequestId>{id}</RequestId>\n  </ResponseMetadata>\n</{action}Response>\n"
    );
    reply(200, body, id)
}

pub(crate) fn is_call(rec: &Recorded) -> bool {
    SERVICE.is_call(rec) || CLASSIC.is_call(rec)
}

pub(crate) fn handle(rec: &Recorded) -> Reply {
    let form = rec.form();
    let param = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let version = param("Version").unwrap_or_default();
    let ns = xmlns(if version == CLASSIC_VERSION { CLASSIC_VERSION } else { V2_VERSION });
    let error = |status: u16, code: &str, message: &str| query_error(&ns, status, code, message);
    if let Err(reply) = aws::authenticate_query(rec, |s, c, m| query_error(&xmlns(V2_VERSION), s, c, m)) {
        return reply;
    }
    let Some(action) = param("Action") else { return error(400, "MissingAction", "Missing Action") };
    match (version, action) {
        (V2_VERSION, "DescribeLoadBalancers") => empty_listing(&ns, action, "LoadBalancers"),
        (V2_VERSION, "DescribeListeners") => match param("LoadBalancerArn") {
            Some(arn) => error(400, "LoadBalancerNotFound", &format!("Load balancer '{arn}' not found")),
            None => error(400, "ValidationError", "You must specify either listener ARNs or a load balancer ARN"),
        },
        (V2_VERSION, "DescribeTargetGroups") => match param("LoadBalancerArn") {
            Some(arn) => error(400, "LoadBalancerNotFound", &format!("Load balancer '{arn}' not found")),
            None => empty_listing(&ns, action, "TargetGroups"),
        },
        (V2_VERSION, "DescribeTargetHealth") => match param("TargetGroupArn") {
            Some(arn) => error(400, "TargetGroupNotFound", &format!("Target groups '{arn}' not found")),
            None => error(
                400,
                "ValidationError",
                "1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null",
            ),
        },
        (CLASSIC_VERSION, "DescribeLoadBalancers") => empty_listing(&ns, action, "LoadBalancerDescriptions"),
        (CLASSIC_VERSION, "DescribeInstanceHealth") => match param("LoadBalancerName") {
            Some(name) => {
                error(400, "LoadBalancerNotFound", &format!("There is no ACTIVE Load Balancer named '{name}'"))
            }
            None => error(
                400,
                "ValidationError",
                "1 validation error detected: Value null at 'loadBalancerName' failed to satisfy constraint: Member must not be null",
            ),
        },
        (V2_VERSION | CLASSIC_VERSION, other) => {
            error(400, "InvalidAction", &format!("Could not find operation {other} for version {version}"))
        }
        _ => error(400, "InvalidAction", &format!("Could not find operation {action} for version {version}")),
    }
}
