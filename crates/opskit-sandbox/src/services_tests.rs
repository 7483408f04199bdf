//! Tests of the Elastic Load Balancing (ELBv2 and classic), Auto Scaling and Lambda fakes
//! through HTTP, signed as opskit's own clients sign them.

use super::*;

const ACCOUNT: &str = DX_DEMO_ACCOUNT;
const REGION: &str = DX_DEMO_REGION;

fn sig(service: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={}/20261207/{REGION}/{service}/aws4_request, SignedHeaders=host, Signature=00",
        sandbox_access_key(ACCOUNT)
    )
}

async fn query(sb: &Sandbox, service: &str, pairs: &[(&str, &str)]) -> (u16, String) {
    let mut f = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        f.append_pair(k, v);
    }
    let r = reqwest::Client::new()
        .post(sb.url("/"))
        .header("content-type", "application/x-www-form-urlencoded; charset=utf-8")
        .header("authorization", sig(service))
        .body(f.finish())
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn elb_answers_empty_complete_listings_in_each_apis_own_namespace() {
    let sb = Sandbox::start().await.unwrap();
    let elb = "elasticloadbalancing";
    let (status, xml) = query(&sb, elb, &[("Action", "DescribeLoadBalancers"), ("Version", "2015-12-01")]).await;
    assert_eq!(status, 200, "{xml}");
    assert!(
        xml.contains(
            "<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
        ),
        "{xml}"
    );
    assert!(
        xml.contains("<DescribeLoadBalancersResult>\n    <LoadBalancers/>") && !xml.contains("NextMarker"),
        "{xml}"
    );
    let (status, xml) = query(&sb, elb, &[("Action", "DescribeLoadBalancers"), ("Version", "2012-06-01")]).await;
    assert_eq!(status, 200, "{xml}");
    assert!(xml.contains("doc/2012-06-01/") && xml.contains("<LoadBalancerDescriptions/>"), "{xml}");
    let (status, xml) = query(&sb, elb, &[("Action", "DescribeTargetGroups"), ("Version", "2015-12-01")]).await;
    assert_eq!((status, xml.contains("<TargetGroups/>")), (200, true), "{xml}");

    // Nothing is known by ARN or name: ELB's own not-found errors.
    let arn = "arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:loadbalancer/app/web/1";
    for action in ["DescribeListeners", "DescribeTargetGroups"] {
        let (status, xml) =
            query(&sb, elb, &[("Action", action), ("Version", "2015-12-01"), ("LoadBalancerArn", arn)]).await;
        assert_eq!(status, 400, "{xml}");
        assert!(xml.contains("<ErrorResponse") && xml.contains("<Code>LoadBalancerNotFound</Code>"), "{xml}");
    }
    let (status, xml) =
        query(&sb, elb, &[("Action", "DescribeTargetHealth"), ("Version", "2015-12-01"), ("TargetGroupArn", "arn:tg")])
            .await;
    assert_eq!((status, xml.contains("<Code>TargetGroupNotFound</Code>")), (400, true), "{xml}");
    let (status, xml) = query(
        &sb,
        elb,
        &[("Action", "DescribeInstanceHealth"), ("Version", "2012-06-01"), ("LoadBalancerName", "web")],
    )
    .await;
    assert_eq!((status, xml.contains("<Code>LoadBalancerNotFound</Code>")), (400, true), "{xml}");
    let (status, xml) = query(&sb, elb, &[("Action", "CreateLoadBalancer"), ("Version", "2015-12-01")]).await;
    assert_eq!((status, xml.contains("<Code>InvalidAction</Code>")), (400, true), "{xml}");
}

#[tokio::test]
async fn auto_scaling_answers_no_groups_and_checks_max_records() {
    let sb = Sandbox::start().await.unwrap();
    let base = [("Action", "DescribeAutoScalingGroups"), ("Version", "2011-01-01")];
    let (status, xml) = query(&sb, "autoscaling", &[&base[..], &[("MaxRecords", "100")]].concat()).await;
    assert_eq!(status, 200, "{xml}");
    assert!(
        xml.contains("<DescribeAutoScalingGroupsResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\">"),
        "{xml}"
    );
    assert!(xml.contains("<AutoScalingGroups/>") && !xml.contains("NextToken"), "{xml}");
    let (status, xml) = query(&sb, "autoscaling", &[&base[..], &[("MaxRecords", "101")]].concat()).await;
    assert_eq!((status, xml.contains("<Code>ValidationError</Code>")), (400, true), "{xml}");
}

#[tokio::test]
async fn lambda_lists_no_functions_and_knows_none_by_name() {
    let sb = Sandbox::start().await.unwrap();
    let get = |path: &str| reqwest::Client::new().get(sb.url(path)).header("authorization", sig("lambda"));
    let r = get("/2015-03-31/functions/?MaxItems=50").send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v, serde_json::json!({"Functions": [], "NextMarker": null}));
    let r = get("/2015-03-31/functions/orders").send().await.unwrap();
    assert_eq!(r.status().as_u16(), 404);
    assert_eq!(r.headers()["x-amzn-errortype"], "ResourceNotFoundException");
    let r = get("/2015-03-31/functions/?MaxItems=0").send().await.unwrap();
    assert_eq!(r.status().as_u16(), 400);
    assert_eq!(r.headers()["x-amzn-errortype"], "InvalidParameterValueException");
    let unsigned = reqwest::Client::new().get(sb.url("/2015-03-31/functions/")).send().await.unwrap();
    assert_eq!(unsigned.status().as_u16(), 403, "an unsigned call is refused");
}
