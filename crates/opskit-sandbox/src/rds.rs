//! Fake of Amazon RDS's two reads an inventory makes (API 2014-10-31, the query protocol):
//! DescribeDBInstances and DescribeDBClusters. The sandbox holds no databases, so both
//! answer an empty, complete listing in RDS's shape (`<DescribeDBInstancesResponse
//! xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult><DBInstances/>
//! </DescribeDBInstancesResult><ResponseMetadata><RequestId/></ResponseMetadata>`), so an
//! inventory of every type runs against the sandbox (the demo) and lists none. Any other
//! action is `InvalidAction`; errors are `<ErrorResponse><Error><Type>Sender</Type><Code/>
//! <Message/></Error><RequestId/></ErrorResponse>`, as RDS sends them.

use super::aws::{self, QueryService};
use super::{Recorded, Reply};

pub(crate) const API_VERSION: &str = "2014-10-31";
const XMLNS: &str = "http://rds.amazonaws.com/doc/2014-10-31/";
const CONTENT_TYPE: &str = "text/xml";

pub(crate) const SERVICE: QueryService = QueryService {
    signing_name: "rds",
    api_version: API_VERSION,
    target_prefix: "AmazonRDSv19",
    content_type: CONTENT_TYPE,
};

fn reply(status: u16, body: String, id: String) -> Reply {
    Reply {
        status,
        headers: vec![("content-type".into(), CONTENT_TYPE.into()), ("x-amzn-RequestId".into(), id)],
        body: body.into_bytes(),
    }
}

fn error(status: u16, code: &str, message: &str) -> Reply {
    let id = aws::request_id();
    let mut body = format!("<ErrorResponse xmlns=\"{XMLNS}\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>");
    super::ec2::escape(code, &mut body);
    body.push_str("</Code>\n    <Message>");
    super::ec2::escape(message, &mut body);
    body.push_str(&format!("</Message>\n  </Error>\n  <RequestId>{id}</RequestId>\n</ErrorResponse>\n"));
    reply(status, body, id)
}

fn empty_listing(action: &str, list: &str) -> Reply {
    let id = aws::request_id();
    let body = format!(
        "<{action}Response xmlns=\"{XMLNS}\">\n  <{action}Result>\n    <{list}/>\n  </{action}Result>\n  \
         <ResponseMetadata>\n    <RequestId>{id}</RequestId>\n  </ResponseMetadata>\n</{action}Response>\n"
    );
    reply(200, body, id)
}

pub(crate) fn handle(rec: &Recorded) -> Reply {
    if let Err(reply) = aws::authenticate_query(rec, error) {
        return reply;
    }
    let form = rec.form();
    match form.iter().find(|(k, _)| k == "Action").map(|(_, v)| v.as_str()) {
        Some("DescribeDBInstances") => empty_listing("DescribeDBInstances", "DBInstances"),
        Some("DescribeDBClusters") => empty_listing("DescribeDBClusters", "DBClusters"),
        Some(other) => {
            error(400, "InvalidAction", &format!("Could not find operation {other} for version {API_VERSION}"))
        }
        None => error(400, "MissingAction", "Missing Action"),
    }
}
