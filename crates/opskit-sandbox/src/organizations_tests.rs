//! Tests of the Organizations and STS fakes through the real `aws_sdk_organizations` and
//! `aws_sdk_sts` clients (and aws-config's AssumeRoleProvider): if the SDK's own parsers
//! read the answers, the fakes speak the wire protocols.

use super::*;
use aws_credential_types::provider::ProvideCredentials as _;
use aws_sdk_organizations::Client;
use aws_sdk_organizations::error::ProvideErrorMetadata as _;
use aws_sdk_organizations::types::{AccountState, AccountStatus, InvalidInputExceptionReason};
use serde_json::json;

const MGMT: &str = "999988887777";
const OUTSIDER: &str = "121212121212";

async fn orgs(sb: &Sandbox, account: &str) -> Client {
    Client::new(&test_sdk_config(sb, account, "us-east-1").await)
}

async fn sts(sb: &Sandbox, account: &str) -> aws_sdk_sts::Client {
    aws_sdk_sts::Client::new(&test_sdk_config(sb, account, "us-east-1").await)
}

/// Every account ListAccounts pages through, with the page sizes seen.
async fn all_accounts(c: &Client, page: Option<i32>) -> (Vec<aws_sdk_organizations::types::Account>, Vec<usize>) {
    let (mut out, mut sizes, mut token) = (Vec::new(), Vec::new(), None);
    loop {
        let r = c.list_accounts().set_max_results(page).set_next_token(token).send().await.expect("a page");
        sizes.push(r.accounts().len());
        out.extend(r.accounts().iter().cloned());
        token = r.next_token().map(str::to_string);
        if token.is_none() {
            return (out, sizes);
        }
    }
}

#[tokio::test]
async fn a_generated_organization_pages_at_twenty_and_parses_into_the_sdk_types() {
    let sb = Sandbox::start().await.unwrap();
    let s = sb.org_generate(MGMT, 45, 3, 1, None).unwrap();
    assert_eq!((s.accounts.len(), s.ous.len()), (45, 6));
    assert!(s.organization_id.starts_with("o-") && s.organization_id.len() == 12, "{}", s.organization_id);
    let c = orgs(&sb, MGMT).await;
    let (accounts, sizes) = all_accounts(&c, None).await;
    assert_eq!(sizes, [20, 20, 6], "45 members and the management account, 20 a page");
    assert_eq!(accounts[0].id(), Some(MGMT));
    let m = &accounts[1];
    assert_eq!((m.id(), m.name()), (Some("300000000000"), Some("member-00001")));
    assert_eq!((m.state(), m.status()), (Some(&AccountState::Active), Some(&AccountStatus::Active)));
    assert!(m.arn().unwrap().starts_with(&format!("arn:aws:organizations::{MGMT}:account/{}/", s.organization_id)));
    assert!(m.joined_timestamp().is_some());
    let (_, sizes) = all_accounts(&c, Some(7)).await;
    assert_eq!(sizes, [7, 7, 7, 7, 7, 7, 4]);
    // The SDK's paginator reads the same pages.
    let pages: Vec<_> = c.list_accounts().into_paginator().page_size(20).send().collect::<Vec<_>>().await;
    assert_eq!(pages.iter().map(|p| p.as_ref().unwrap().accounts().len()).sum::<usize>(), 46);
    let d = c.describe_organization().send().await.unwrap();
    let o = d.organization().unwrap();
    assert_eq!((o.id(), o.master_account_id()), (Some(s.organization_id.as_str()), Some(MGMT)));
    assert!(o.master_account_arn().unwrap().starts_with("arn:aws:organizations::"));
}

#[tokio::test]
async fn max_results_outside_one_to_twenty_and_foreign_tokens_are_invalid_input() {
    let sb = Sandbox::start().await.unwrap();
    sb.org_generate(MGMT, 3, 0, 0, None).unwrap();
    let c = orgs(&sb, MGMT).await;
    for (n, reason) in
        [(21, InvalidInputExceptionReason::MaxValueExceeded), (0, InvalidInputExceptionReason::MinValueExceeded)]
    {
        let e = c.list_accounts().max_results(n).send().await.unwrap_err().into_service_error();
        assert_eq!(e.code(), Some("InvalidInputException"), "{n}");
        match e {
            aws_sdk_organizations::operation::list_accounts::ListAccountsError::InvalidInputException(x) => {
                assert_eq!(x.reason(), Some(&reason));
            }
            other => panic!("{other:?}"),
        }
    }
    let e = c.list_accounts().next_token("made-up").send().await.unwrap_err().into_service_error();
    assert_eq!(e.code(), Some("InvalidInputException"));
}

#[tokio::test]
async fn the_ou_tree_walks_from_the_root_through_nested_ous() {
    let sb = Sandbox::start().await.unwrap();
    let (_, root) = sb.org_create(MGMT).unwrap();
    let prod = sb.org_create_ou(MGMT, &root, "prod").unwrap();
    let web = sb.org_create_ou(MGMT, &prod, "web").unwrap();
    assert!(prod.starts_with(&format!("ou-{}-", &root[2..])), "{prod}");
    sb.org_put_account(MGMT, Some(&prod), "111100000001", "prod-core").unwrap();
    sb.org_put_account(MGMT, Some(&web), "111100000002", "prod-web").unwrap();
    sb.org_put_account(MGMT, None, "111100000003", "loose").unwrap();
    let c = orgs(&sb, MGMT).await;
    let roots = c.list_roots().send().await.unwrap();
    assert_eq!(roots.roots()[0].id(), Some(root.as_str()));
    let ous = c.list_organizational_units_for_parent().parent_id(&root).send().await.unwrap();
    assert_eq!(ous.organizational_units().iter().map(|o| o.name().unwrap()).collect::<Vec<_>>(), ["prod"]);
    let nested = c.list_organizational_units_for_parent().parent_id(&prod).send().await.unwrap();
    assert_eq!(nested.organizational_units()[0].id(), Some(web.as_str()));
    let in_root = c.list_accounts_for_parent().parent_id(&root).send().await.unwrap();
    let ids: Vec<&str> = in_root.accounts().iter().filter_map(|a| a.id()).collect();
    assert_eq!(ids, [MGMT, "111100000003"], "only the root's own accounts, not the OUs'");
    let in_web = c.list_accounts_for_parent().parent_id(&web).send().await.unwrap();
    assert_eq!(in_web.accounts()[0].name(), Some("prod-web"));
    let e = c.list_accounts_for_parent().parent_id("ou-zzzz-nothere1").send().await.unwrap_err();
    assert_eq!(e.into_service_error().code(), Some("ParentNotFoundException"));
    // Up the tree: an OU's name, and each child's one parent, typed.
    let d = c.describe_organizational_unit().organizational_unit_id(&web).send().await.unwrap();
    assert_eq!(d.organizational_unit().and_then(|o| o.name()), Some("web"));
    let up = c.list_parents().child_id(&web).send().await.unwrap();
    assert_eq!(up.parents()[0].id(), Some(prod.as_str()));
    assert_eq!(up.parents()[0].r#type(), Some(&aws_sdk_organizations::types::ParentType::OrganizationalUnit));
    let up = c.list_parents().child_id("111100000003").send().await.unwrap();
    assert_eq!(up.parents()[0].r#type(), Some(&aws_sdk_organizations::types::ParentType::Root));
    let e = c.describe_organizational_unit().organizational_unit_id("ou-zzzz-nothere1").send().await.unwrap_err();
    assert_eq!(e.into_service_error().code(), Some("OrganizationalUnitNotFoundException"));
    let e = c.list_parents().child_id("ou-zzzz-nothere1").send().await.unwrap_err();
    assert_eq!(e.into_service_error().code(), Some("ChildNotFoundException"));
}

#[tokio::test]
async fn only_the_management_account_lists_and_outsiders_are_not_in_use() {
    let sb = Sandbox::start().await.unwrap();
    sb.org_generate(MGMT, 2, 0, 0, None).unwrap();
    let member = orgs(&sb, "300000000000").await;
    let e = member.list_accounts().send().await.unwrap_err().into_service_error();
    assert_eq!(e.code(), Some("AccessDeniedException"));
    assert!(e.message().unwrap().contains("permissions"), "{e:?}");
    assert!(member.describe_organization().send().await.is_ok(), "members may describe their organization");
    let outsider = orgs(&sb, OUTSIDER).await;
    let e = outsider.describe_organization().send().await.unwrap_err().into_service_error();
    assert_eq!(e.code(), Some("AWSOrganizationsNotInUseException"));
}

#[tokio::test]
async fn tags_of_accounts_and_ous_list_and_unknown_targets_are_not_found() {
    let sb = Sandbox::start().await.unwrap();
    let s = sb.org_generate(MGMT, 2, 1, 0, None).unwrap();
    sb.org_tag(&s.accounts[0], &[("team", "web"), ("cost-center", "42")]).unwrap();
    sb.org_tag(&s.ous[0], &[("env", "prod")]).unwrap();
    let c = orgs(&sb, MGMT).await;
    let t = c.list_tags_for_resource().resource_id(&s.accounts[0]).send().await.unwrap();
    let pairs: Vec<(&str, &str)> = t.tags().iter().map(|t| (t.key(), t.value())).collect();
    assert_eq!(pairs, [("cost-center", "42"), ("team", "web")]);
    assert!(c.list_tags_for_resource().resource_id(&s.accounts[1]).send().await.unwrap().tags().is_empty());
    let t = c.list_tags_for_resource().resource_id(&s.ous[0]).send().await.unwrap();
    assert_eq!(t.tags()[0].key(), "env");
    let e = c.list_tags_for_resource().resource_id("555555555555").send().await.unwrap_err();
    assert_eq!(e.into_service_error().code(), Some("TargetNotFoundException"));
}

#[tokio::test]
async fn assume_role_gives_the_member_accounts_key_and_refuses_denied_suspended_and_unknown() {
    let sb = Sandbox::start().await.unwrap();
    let s = sb.org_generate(MGMT, 3, 0, 0, None).unwrap();
    let role = |id: &str| format!("arn:aws:iam::{id}:role/OpsKitRead");
    let c = sts(&sb, MGMT).await;
    let out = c.assume_role().role_arn(role(&s.accounts[0])).role_session_name("opskit").send().await.unwrap();
    let creds = out.credentials().unwrap();
    assert_eq!(creds.access_key_id(), sandbox_access_key(&s.accounts[0]));
    assert!(creds.expiration().secs() > jiff::Timestamp::now().as_second() + 3000);
    assert_eq!(
        out.assumed_role_user().unwrap().arn(),
        format!("arn:aws:sts::{}:assumed-role/OpsKitRead/opskit", s.accounts[0])
    );
    let me = sts(&sb, &s.accounts[0]).await.get_caller_identity().send().await.unwrap();
    assert_eq!(me.account(), Some(s.accounts[0].as_str()));
    assert!(me.arn().unwrap().contains(":assumed-role/OpsKitRead/opskit"), "{me:?}");

    sb.org_deny_role(&role(&s.accounts[1]), true);
    sb.org_set_account_state(&s.accounts[2], "SUSPENDED").unwrap();
    for target in [role(&s.accounts[1]), role(&s.accounts[2]), role(OUTSIDER)] {
        let e = c.assume_role().role_arn(&target).role_session_name("opskit").send().await.unwrap_err();
        assert_eq!(e.raw_response().map(|r| r.status().as_u16()), Some(403), "{target}");
        let e = e.into_service_error();
        assert_eq!(e.code(), Some("AccessDenied"), "{target}");
        let msg = e.message().unwrap();
        assert!(msg.contains("not authorized to perform: sts:AssumeRole") && msg.contains(&target), "{msg}");
    }
    sb.org_deny_role(&role(&s.accounts[1]), false);
    assert!(c.assume_role().role_arn(role(&s.accounts[1])).role_session_name("opskit").send().await.is_ok());
    let e = c.assume_role().role_arn("arn:aws:iam::123:role/x").role_session_name("opskit").send().await.unwrap_err();
    assert_eq!(e.into_service_error().code(), Some("ValidationError"));
}

#[tokio::test]
async fn a_required_external_id_must_match() {
    let sb = Sandbox::start().await.unwrap();
    let s = sb.org_generate(MGMT, 1, 0, 0, None).unwrap();
    let role = format!("arn:aws:iam::{}:role/OpsKitRead", s.accounts[0]);
    sb.org_require_external_id(&role, "ext-id-123456");
    let c = sts(&sb, MGMT).await;
    let call = |ext: Option<&str>| {
        c.assume_role().role_arn(&role).role_session_name("s1").set_external_id(ext.map(str::to_string)).send()
    };
    assert_eq!(call(None).await.unwrap_err().into_service_error().code(), Some("AccessDenied"));
    assert_eq!(call(Some("wrong-id-000")).await.unwrap_err().into_service_error().code(), Some("AccessDenied"));
    assert!(call(Some("ext-id-123456")).await.is_ok());
}

#[tokio::test]
async fn aws_configs_assume_role_provider_reads_the_answers() {
    let sb = Sandbox::start().await.unwrap();
    let s = sb.org_generate(MGMT, 2, 0, 0, None).unwrap();
    let base = test_sdk_config(&sb, MGMT, "eu-west-1").await;
    let ok = aws_config::sts::AssumeRoleProvider::builder(format!("arn:aws:iam::{}:role/R", s.accounts[0]))
        .session_name("opskit")
        .configure(&base)
        .build()
        .await;
    let creds = ok.provide_credentials().await.unwrap();
    assert_eq!(creds.access_key_id(), sandbox_access_key(&s.accounts[0]));
    assert!(creds.session_token().is_some() && creds.expiry().is_some());
    sb.org_deny_role(&format!("arn:aws:iam::{}:role/R", s.accounts[1]), true);
    let denied = aws_config::sts::AssumeRoleProvider::builder(format!("arn:aws:iam::{}:role/R", s.accounts[1]))
        .session_name("opskit")
        .configure(&base)
        .build()
        .await;
    let e = denied.provide_credentials().await.unwrap_err();
    let text = aws_smithy_types::error::display::DisplayErrorContext(&e).to_string();
    assert!(text.contains("AccessDenied"), "{text}");
}

#[tokio::test]
async fn faults_match_sts_calls_by_their_action() {
    let sb = Sandbox::start().await.unwrap();
    let s = sb.org_generate(MGMT, 1, 0, 0, None).unwrap();
    sb.inject(Fault::latency("/", 150, 1).for_target("AWSSecurityTokenServiceV20110615.*"));
    sb.inject(Fault::sts_error(Some("AssumeRole"), 400, "RegionDisabledException", "STS is not activated", 1));
    let c = sts(&sb, MGMT).await;
    let started = std::time::Instant::now();
    let e =
        c.assume_role().role_arn(format!("arn:aws:iam::{}:role/R", s.accounts[0])).role_session_name("ab").send().await;
    assert!(started.elapsed() >= std::time::Duration::from_millis(150));
    assert_eq!(e.unwrap_err().into_service_error().code(), Some("RegionDisabledException"));
    let recorded = sb.requests();
    assert_eq!(recorded.len(), 1);
    assert_eq!(aws::call_target(&recorded[0]).as_deref(), Some("AWSSecurityTokenServiceV20110615.AssumeRole"));
    assert!(c.get_caller_identity().send().await.is_ok(), "the faults are used up");
}

#[tokio::test]
async fn control_plane_organization_actions_change_what_the_sdk_sees() {
    let sb = Sandbox::start().await.unwrap();
    let http = reqwest::Client::new();
    let post = |body: Value| http.post(sb.url("/_sandbox/organizations")).json(&body).send();
    let r = post(json!({"action": "generate", "management_account": MGMT, "accounts": 25, "ous": 5})).await.unwrap();
    assert_eq!(r.status(), 200);
    let summary: OrgSummary = serde_json::from_value(r.json::<Value>().await.unwrap()["summary"].clone()).unwrap();
    let victim = summary.accounts[3].clone();
    let r = post(json!({"action": "set_state", "account_id": victim, "state": "CLOSED"})).await.unwrap();
    assert_eq!(r.status(), 200);
    let r = post(json!({"action": "tag", "resource_id": summary.accounts[0], "tags": {"team": "db"}})).await.unwrap();
    assert_eq!(r.status(), 200);
    let role = format!("arn:aws:iam::{}:role/R", summary.accounts[1]);
    assert_eq!(post(json!({"action": "deny_role", "role_arn": role})).await.unwrap().status(), 200);
    assert_eq!(
        post(json!({"action": "set_state", "account_id": "404040404040", "state": "CLOSED"})).await.unwrap().status(),
        404
    );
    assert_eq!(
        post(json!({"action": "set_state", "account_id": victim, "state": "GONE"})).await.unwrap().status(),
        400
    );
    assert_eq!(post(json!({"action": "explode"})).await.unwrap().status(), 400);
    let (accounts, _) = all_accounts(&orgs(&sb, MGMT).await, None).await;
    let closed = accounts.iter().find(|a| a.id() == Some(victim.as_str())).unwrap();
    assert_eq!((closed.state(), closed.status()), (Some(&AccountState::Closed), Some(&AccountStatus::Suspended)));
    let state: Value = http.get(sb.url("/_sandbox/organizations")).send().await.unwrap().json().await.unwrap();
    assert_eq!(state["organizations"][0]["accounts"].as_array().unwrap().len(), 26);
    assert_eq!(state["organizations"][0]["organizationalUnits"].as_array().unwrap().len(), 5);
    assert_eq!(state["deniedRoles"][0], role);
    assert_eq!(state["organizations"][0]["accounts"][1]["Tags"][0]["Key"], "team");
    assert_eq!(sb.org_state()["organizations"][0]["organization"]["MasterAccountId"], MGMT);
}
