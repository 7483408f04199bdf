//! The Query protocol client's parts that need no server: error answers, the retry
//! decision, endpoints and signing (against the SigV4 test suite's vector).

use super::*;
use crate::aws::failure::Kind;

const EC2: Service = crate::aws::ec2::SERVICE;

fn error(status: u16, body: &str) -> QueryError {
    read_answer::<serde::de::IgnoredAny>("DescribeVolumes", status, body.as_bytes()).unwrap_err()
}

#[test]
fn ec2_error_answers_carry_code_message_and_request_id_and_read_as_the_sdks_did() {
    let e = error(
        403,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/R/s is not authorized to perform: ec2:DescribeVolumes because no identity-based policy allows the ec2:DescribeVolumes action</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>"#,
    );
    let QueryError::Service { status, code, request_id, .. } = &e else { panic!("{e:?}") };
    assert_eq!((*status, code.as_str()), (403, "UnauthorizedOperation"));
    assert_eq!(request_id.as_deref(), Some("ea966190-f9aa-478e-9ede-example"));
    assert!(!e.retryable(), "a denial is not retried");
    let f = e.failure("DescribeVolumes");
    assert_eq!(f.kind, Kind::AccessDenied);
    assert_eq!(f.line(), "DescribeVolumes: UnauthorizedOperation: not authorized to perform ec2:DescribeVolumes");

    let auth = error(
        401,
        "<Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message></Error></Errors><RequestID>x</RequestID></Response>",
    );
    assert_eq!(auth.failure("DescribeVolumes").kind, Kind::BadCredentials);
    let opt_in = error(
        401,
        "<Response><Errors><Error><Code>OptInRequired</Code><Message>You are not subscribed to this service.</Message></Error></Errors></Response>",
    );
    assert_eq!(opt_in.failure("DescribeVolumes").kind, Kind::RegionNotEnabled);

    // The other Query services' shape (RDS, IAM, ELB, Auto Scaling).
    let other = error(
        400,
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>",
    );
    let QueryError::Service { code, request_id, .. } = &other else { panic!("{other:?}") };
    assert_eq!((code.as_str(), request_id.as_deref()), ("Throttling", Some("r-1")));
    assert_eq!(other.failure("ListRoles").kind, Kind::Throttled);
}

#[test]
fn throttling_5xx_and_connect_failures_are_retried_and_4xx_are_not() {
    let service =
        |status, code: &str| QueryError::Service { status, code: code.into(), message: None, request_id: None };
    for (status, code) in [
        (503, "RequestLimitExceeded"),
        (400, "Throttling"),
        (400, "RequestThrottled"),
        (500, "InternalError"),
        (503, "Unavailable"),
        (502, "Whatever"),
    ] {
        assert!(service(status, code).retryable(), "{status} {code}");
    }
    for (status, code) in [
        (400, "InvalidParameterValue"),
        (401, "AuthFailure"),
        (403, "UnauthorizedOperation"),
        (400, "InvalidPaginationToken"),
    ] {
        assert!(!service(status, code).retryable(), "{status} {code}");
    }
    let answer = |status| QueryError::Answer { status, body: Vec::new(), why: String::new() };
    assert!(answer(503).retryable() && answer(429).retryable() && answer(502).retryable());
    assert!(!answer(200).retryable() && !answer(302).retryable() && !answer(404).retryable());
    assert!(!QueryError::Credentials(CredentialsError::not_loaded("none")).retryable());
}

#[test]
fn a_redirect_or_an_error_page_without_an_aws_code_is_an_http_failure() {
    let e = error(302, "");
    assert!(matches!(e, QueryError::Answer { status: 302, .. }), "{e:?}");
    let f = e.failure("DescribeVolumes");
    assert_eq!(f.kind, Kind::Http);
    assert!(f.line().starts_with("DescribeVolumes: HTTP 302"), "{f}");
    let e = error(503, "<html><body>Service Unavailable</body></html>");
    assert!(e.retryable());
    assert_eq!(e.failure("DescribeVolumes").kind, Kind::Throttled, "a bare 503 reads as the SDK read it");
    let e = error(400, "<Response><Errors><Error><Message>no code</Message></Error></Errors></Response>");
    assert!(matches!(e, QueryError::Answer { status: 400, .. }), "{e:?}");
}

#[test]
fn backoff_grows_and_stays_under_its_cap() {
    for attempt in 1..=5 {
        let cap = BACKOFF_BASE * (1 << (attempt - 1));
        assert!(backoff(attempt) <= cap.min(BACKOFF_MAX), "attempt {attempt}");
    }
    assert!(backoff(40) <= BACKOFF_MAX);
}

#[test]
fn the_endpoint_is_the_override_else_the_regions_and_never_a_default_region() {
    let cfg = |b: aws_types::sdk_config::Builder| b.behavior_version(aws_config::BehaviorVersion::latest()).build();
    let tokyo = cfg(SdkConfig::builder().region(aws_config::Region::new("ap-northeast-1")));
    assert_eq!(endpoint(&tokyo, &EC2).unwrap(), "https://ec2.ap-northeast-1.amazonaws.com");
    let beijing = cfg(SdkConfig::builder().region(aws_config::Region::new("cn-north-1")));
    assert_eq!(endpoint(&beijing, &EC2).unwrap(), "https://ec2.cn-north-1.amazonaws.com.cn");
    let local = cfg(SdkConfig::builder()
        .region(aws_config::Region::new("ap-northeast-1"))
        .endpoint_url("http://127.0.0.1:5000"));
    assert_eq!(endpoint(&local, &EC2).unwrap(), "http://127.0.0.1:5000");
    let nowhere = cfg(SdkConfig::builder());
    let e = endpoint(&nowhere, &EC2).unwrap_err();
    assert!(matches!(e, QueryError::Request(_)), "{e:?}");
    let f = e.failure("DescribeVpcs");
    assert_eq!((f.kind, f.line().as_str()), (Kind::Other, "DescribeVpcs: no region to call"));
}

#[test]
fn the_form_carries_action_version_and_encoded_params() {
    let body = form(&EC2, "DescribeInstances", &[("MaxResults", "1000".into()), ("NextToken", "a+b/c=".into())]);
    assert_eq!(body, "Action=DescribeInstances&Version=2016-11-15&MaxResults=1000&NextToken=a%2Bb%2Fc%3D");
}

/// aws-signing-test-suite v4 `post-x-www-form-urlencoded` (shipped in the aws-sigv4 crate):
/// the headers given are signed as they are, the body's hash included.
#[test]
fn signing_matches_the_sigv4_test_suite() {
    let creds = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None, "test");
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160); // 2015-08-30T12:36:00Z
    let headers = [
        ("content-type", "application/x-www-form-urlencoded"),
        ("host", "example.amazonaws.com"),
        ("content-length", "13"),
        ("x-amz-content-sha256", "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"),
    ];
    let added = sign(
        "POST",
        "https://example.amazonaws.com/",
        &headers,
        b"Param1=value1",
        &creds,
        Scope { region: "us-east-1", service: "service", time },
    )
    .unwrap();
    let get = |name: &str| added.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str());
    assert_eq!(get("x-amz-date"), Some("20150830T123600Z"));
    assert_eq!(
        get("authorization"),
        Some(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
             SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, \
             Signature=d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"
        )
    );
    assert_eq!(get("x-amz-security-token"), None);

    let session = Credentials::new("AKIDEXAMPLE", "secret", Some("the-token".into()), None, "test");
    let added = sign(
        "POST",
        "https://ec2.us-east-1.amazonaws.com/",
        &headers[..2],
        b"x",
        &session,
        Scope { region: "us-east-1", service: "ec2", time },
    )
    .unwrap();
    assert!(added.iter().any(|(k, v)| *k == "x-amz-security-token" && v == "the-token"), "{added:?}");
}

#[test]
fn iam_and_route53_have_one_endpoint_per_partition_and_the_rest_one_per_region() {
    let iam = Service { name: "iam", service_id: "IAM", version: "2010-05-08" };
    let route53 = Service { name: "route53", service_id: "Route 53", version: "2013-04-01" };
    let s3 = Service { name: "s3", service_id: "S3", version: "2006-03-01" };
    assert_eq!(public_endpoint(&iam, "us-east-1"), "https://iam.amazonaws.com");
    assert_eq!(public_endpoint(&iam, "cn-north-1"), "https://iam.cn-north-1.amazonaws.com.cn");
    assert_eq!(public_endpoint(&route53, "eu-west-1"), "https://route53.amazonaws.com");
    assert_eq!(public_endpoint(&s3, "eu-west-1"), "https://s3.eu-west-1.amazonaws.com");
}
