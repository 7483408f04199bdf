//! Fakes of the account-wide reads an inventory makes: S3's ListBuckets (REST-XML,
//! `GET /` signed for `s3`), IAM's ListUsers (the query protocol, API 2010-05-08, signed for
//! `iam`) and Route 53's ListHostedZones (REST-XML, `GET /2013-04-01/hostedzone`, signed for
//! `route53`). The sandbox holds no buckets, users or zones, so each listing answers empty
//! and complete in the service's own shape, and a call about one item answers what the
//! service says of an item it does not know (`NoSuchBucket`, `NoSuchEntity`,
//! `NoSuchHostedZone`). An inventory of every type thus runs against the sandbox (the
//! demo) and lists none of them.
//!
//! Shapes: [ListBuckets](https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html)
//! (`<ListAllMyBucketsResult><Owner/><Buckets/></ListAllMyBucketsResult>`, errors
//! `<Error><Code/><Message/><RequestId/><HostId/></Error>`),
//! [ListUsers](https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html)
//! (`<ListUsersResponse><ListUsersResult><Users/><IsTruncated>false</IsTruncated>…`, errors
//! `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`),
//! [ListHostedZones](https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHostedZones.html)
//! (`<ListHostedZonesResponse><HostedZones/><IsTruncated>false</IsTruncated><MaxItems/>`).

use super::aws::{self, Caller, QueryService};
use super::{Recorded, Reply};

const S3_XMLNS: &str = "http://s3.amazonaws.com/doc/2006-03-01/";
const IAM_XMLNS: &str = "https://iam.amazonaws.com/doc/2010-05-08/";
const ROUTE53_XMLNS: &str = "https://route53.amazonaws.com/doc/2013-04-01/";
const XML: &str = "application/xml";

pub(crate) const IAM: QueryService = QueryService {
    signing_name: "iam",
    api_version: "2010-05-08",
    target_prefix: "AWSIdentityManagementV20100508",
    content_type: "text/xml",
};

fn esc(s: &str) -> String {
    let mut out = String::new();
    super::ec2::escape(s, &mut out);
    out
}

fn xml_reply(status: u16, content_type: &str, body: String, headers: Vec<(String, String)>) -> Reply {
    let mut h = vec![("content-type".to_string(), content_type.to_string())];
    h.extend(headers);
    Reply { status, headers: h, body: body.into_bytes() }
}

/// Whether `rec` is signed for `service` (`s3`, `route53`).
pub(crate) fn signed_for(rec: &Recorded, service: &str) -> bool {
    Caller::from_request(rec).is_some_and(|c| c.service == service)
}

// ---------------------------------------------------------------------------------------
// S3
// ---------------------------------------------------------------------------------------

fn s3_error(status: u16, code: &str, message: &str) -> Reply {
    let id = aws::request_id();
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{}</Code><Message>{}</Message><RequestId>{id}</RequestId>\
         <HostId>sandbox</HostId></Error>",
        esc(code),
        esc(message)
    );
    xml_reply(status, XML, body, vec![("x-amz-request-id".into(), id)])
}

/// An S3 call (signed for `s3`): `GET /` is ListBuckets, every bucket is unknown.
pub(crate) fn s3(rec: &Recorded) -> Reply {
    let Some(caller) = Caller::from_request(rec) else {
        return s3_error(403, "AccessDenied", "Access Denied");
    };
    let path = rec.path.trim_start_matches('/');
    match (rec.method.as_str(), path) {
        ("GET", "") => {
            let id = aws::request_id();
            let body = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult xmlns=\"{S3_XMLNS}\"><Owner><ID>{}</ID>\
                 <DisplayName>sandbox</DisplayName></Owner><Buckets></Buckets></ListAllMyBucketsResult>",
                esc(&format!("canonical-{}", caller.account))
            );
            xml_reply(200, XML, body, vec![("x-amz-request-id".into(), id)])
        }
        (_, "") => s3_error(405, "MethodNotAllowed", "The specified method is not allowed against this resource."),
        (_, p) => {
            let bucket = p.split('/').next().unwrap_or(p);
            s3_error(404, "NoSuchBucket", &format!("The specified bucket does not exist: {bucket}"))
        }
    }
}

// ---------------------------------------------------------------------------------------
// IAM
// ---------------------------------------------------------------------------------------

fn iam_error(status: u16, code: &str, message: &str) -> Reply {
    let id = aws::request_id();
    let body = format!(
        "<ErrorResponse xmlns=\"{IAM_XMLNS}\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>{}</Code>\n    \
         <Message>{}</Message>\n  </Error>\n  <RequestId>{id}</RequestId>\n</ErrorResponse>\n",
        esc(code),
        esc(message)
    );
    xml_reply(status, "text/xml", body, vec![("x-amzn-RequestId".into(), id)])
}

pub(crate) fn iam(rec: &Recorded) -> Reply {
    if let Err(reply) = aws::authenticate_query(rec, iam_error) {
        return reply;
    }
    let form = rec.form();
    let param = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    match param("Action") {
        Some("ListUsers") => {
            let id = aws::request_id();
            let body = format!(
                "<ListUsersResponse xmlns=\"{IAM_XMLNS}\">\n  <ListUsersResult>\n    <IsTruncated>false</IsTruncated>\n    \
                 <Users/>\n  </ListUsersResult>\n  <ResponseMetadata>\n    <RequestId>{id}</RequestId>\n  \
                 </ResponseMetadata>\n</ListUsersResponse>\n"
            );
            xml_reply(200, "text/xml", body, vec![("x-amzn-RequestId".into(), id)])
        }
        Some("ListAccessKeys" | "ListMFADevices" | "GetLoginProfile") => match param("UserName") {
            Some(user) => iam_error(404, "NoSuchEntity", &format!("The user with name {user} cannot be found.")),
            None if param("Action") == Some("GetLoginProfile") => {
                iam_error(400, "ValidationError", "1 validation error detected: Value null at 'userName'")
            }
            // Without a user name the listing is the caller's own; the sandbox's callers
            // are roles, which have neither keys nor MFA devices of a user.
            None => iam_error(400, "ValidationError", "Must specify userName when calling with non-User credentials"),
        },
        Some("GetAccessKeyLastUsed") => {
            iam_error(403, "AccessDenied", "The access key does not belong to this account or does not exist")
        }
        Some(other) => {
            iam_error(400, "InvalidAction", &format!("Could not find operation {other} for version 2010-05-08"))
        }
        None => iam_error(400, "MissingAction", "Missing Action"),
    }
}

// ---------------------------------------------------------------------------------------
// Route 53
// ---------------------------------------------------------------------------------------

pub(crate) const ROUTE53_PREFIX: &str = "/2013-04-01/";

fn route53_error(status: u16, code: &str, message: &str) -> Reply {
    let id = aws::request_id();
    let body = format!(
        "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"{ROUTE53_XMLNS}\"><Error><Type>Sender</Type><Code>{}</Code>\
         <Message>{}</Message></Error><RequestId>{id}</RequestId></ErrorResponse>",
        esc(code),
        esc(message)
    );
    xml_reply(status, "text/xml", body, vec![("x-amzn-RequestId".into(), id)])
}

/// A Route 53 call (signed for `route53`, under `/2013-04-01/`).
pub(crate) fn route53(rec: &Recorded) -> Reply {
    if let Err(reply) = aws::authenticate(rec, route53_error) {
        return reply;
    }
    let rest = rec.path.strip_prefix(ROUTE53_PREFIX).unwrap_or("");
    match (rec.method.as_str(), rest.trim_end_matches('/')) {
        ("GET", "hostedzone") => {
            let q = rec.query_pairs();
            let max = q.iter().find(|(k, _)| k == "maxitems").map_or("100", |(_, v)| v.as_str());
            let Ok(max) = max.parse::<u32>() else {
                return route53_error(400, "InvalidInput", "maxitems must be a number");
            };
            let marker = q.iter().find(|(k, _)| k == "marker").map(|(_, v)| v.as_str());
            if let Some(m) = marker {
                // No zone exists, so no marker names one.
                return route53_error(400, "InvalidInput", &format!("Invalid marker {m}: no such hosted zone"));
            }
            let id = aws::request_id();
            let body = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListHostedZonesResponse xmlns=\"{ROUTE53_XMLNS}\">\
                 <HostedZones/><IsTruncated>false</IsTruncated><MaxItems>{max}</MaxItems></ListHostedZonesResponse>"
            );
            xml_reply(200, "text/xml", body, vec![("x-amzn-RequestId".into(), id)])
        }
        (_, p) if p.starts_with("hostedzone/") => route53_error(
            404,
            "NoSuchHostedZone",
            &format!("No hosted zone found with ID: {}", &p["hostedzone/".len()..]),
        ),
        _ => route53_error(
            404,
            "UnknownOperationException",
            &format!("{} {} is not a Route 53 operation", rec.method, rec.path),
        ),
    }
}
