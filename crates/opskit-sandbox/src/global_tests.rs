//! The account-wide fakes (S3 ListBuckets, IAM ListUsers, Route 53 ListHostedZones) answer
//! in each service's own shape: complete, empty listings, and the documented errors for an
//! item they do not know or a request that is not signed.

use super::*;

fn auth(service: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential=AKIASANDBOX111122223333/20261207/us-east-1/{service}/aws4_request, \
         SignedHeaders=host;x-amz-date, Signature=00"
    )
}

async fn answer(rb: reqwest::RequestBuilder) -> (u16, String) {
    let r = rb.send().await.expect("an answer");
    (r.status().as_u16(), r.text().await.expect("a body"))
}

#[tokio::test]
async fn s3_lists_no_bucket_completely_and_knows_no_bucket() {
    let sb = Sandbox::start().await.unwrap();
    let c = reqwest::Client::new();
    let (status, body) = answer(c.get(sb.url("/?max-buckets=1000")).header("authorization", auth("s3"))).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"), "{body}");
    assert!(body.contains("<Owner><ID>") && body.contains("<Buckets></Buckets>"), "{body}");
    assert!(!body.contains("ContinuationToken"), "one page: {body}");
    let (status, body) = answer(c.get(sb.url("/logs?location")).header("authorization", auth("s3"))).await;
    assert_eq!(status, 404);
    assert!(body.contains("<Error><Code>NoSuchBucket</Code>"), "{body}");
    let (status, body) = answer(c.get(sb.url("/"))).await;
    assert_ne!(status, 200, "an unsigned GET / is not S3's: {body}");
}

#[tokio::test]
async fn iam_lists_no_user_completely_and_knows_no_user() {
    let sb = Sandbox::start().await.unwrap();
    let c = reqwest::Client::new();
    let call = |form: &'static [(&'static str, &'static str)]| {
        c.post(sb.url("/")).header("authorization", auth("iam")).form(form)
    };
    let (status, body) = answer(call(&[("Action", "ListUsers"), ("Version", "2010-05-08")])).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.starts_with("<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"), "{body}");
    assert!(body.contains("<IsTruncated>false</IsTruncated>") && body.contains("<Users/>"), "{body}");
    let (status, body) =
        answer(call(&[("Action", "ListAccessKeys"), ("Version", "2010-05-08"), ("UserName", "alice")])).await;
    assert_eq!(status, 404);
    assert!(body.contains("<Code>NoSuchEntity</Code>") && body.contains("<ErrorResponse"), "{body}");
    let (status, body) = answer(call(&[("Action", "CreateUser"), ("Version", "2010-05-08")])).await;
    assert_eq!(status, 400);
    assert!(body.contains("<Code>InvalidAction</Code>"), "{body}");
}

#[tokio::test]
async fn route53_lists_no_hosted_zone_completely() {
    let sb = Sandbox::start().await.unwrap();
    let c = reqwest::Client::new();
    let (status, body) =
        answer(c.get(sb.url("/2013-04-01/hostedzone?maxitems=100")).header("authorization", auth("route53"))).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("<ListHostedZonesResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"),
        "{body}"
    );
    assert!(body.contains("<HostedZones/>") && body.contains("<IsTruncated>false</IsTruncated>"), "{body}");
    assert!(body.contains("<MaxItems>100</MaxItems>"), "{body}");
    let (status, body) = answer(c.get(sb.url("/2013-04-01/hostedzone/Z1"))).await;
    assert_eq!(status, 403, "unsigned: {body}");
    assert!(body.contains("MissingAuthenticationToken"), "{body}");
}
