//! IAM's reads the inventory makes, over opskit's own Query client ([`crate::aws::query`]):
//! ListUsers, and per user ListAccessKeys, GetAccessKeyLastUsed, ListMFADevices and
//! GetLoginProfile. API version 2010-05-08, signing name `iam`, the global endpoint
//! `https://iam.amazonaws.com` signed in us-east-1.
//!
//! References: [ListUsers](https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html),
//! [ListAccessKeys](https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccessKeys.html),
//! [GetAccessKeyLastUsed](https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html),
//! [ListMFADevices](https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListMFADevices.html),
//! [GetLoginProfile](https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html).
//!
//! Answers are `<XResponse><XResult>` with lists of `<member>`; listings page with
//! `IsTruncated` and `Marker`. A user without a console password answers GetLoginProfile
//! with `NoSuchEntity`.

use super::query::{QueryError, Service, call};
use aws_config::SdkConfig;
use serde::Deserialize;

/// IAM, API version 2010-05-08.
pub const SERVICE: Service = Service { name: "iam", service_id: "IAM", version: "2010-05-08" };

/// Items a page may hold (the API's maximum).
pub const MAX_ITEMS: u32 = 1000;

/// One page of a listing `action` (ListUsers, ListAccessKeys, ListMFADevices), for `user`
/// when given, from `marker`.
pub async fn list<T: for<'de> Deserialize<'de>>(
    cfg: &SdkConfig,
    action: &'static str,
    user: Option<&str>,
    marker: Option<String>,
) -> Result<T, QueryError> {
    let mut params = vec![("MaxItems", MAX_ITEMS.to_string())];
    if let Some(u) = user {
        params.push(("UserName", u.to_string()));
    }
    if let Some(m) = marker {
        params.push(("Marker", m));
    }
    call(cfg, &SERVICE, action, &params).await
}

/// GetAccessKeyLastUsed of one key.
pub async fn access_key_last_used(cfg: &SdkConfig, key_id: &str) -> Result<GetAccessKeyLastUsed, QueryError> {
    call(cfg, &SERVICE, "GetAccessKeyLastUsed", &[("AccessKeyId", key_id.to_string())]).await
}

/// Whether `user` has a console password: GetLoginProfile, `NoSuchEntity` meaning none.
pub async fn has_login_profile(cfg: &SdkConfig, user: &str) -> Result<bool, QueryError> {
    match call::<GetLoginProfile>(cfg, &SERVICE, "GetLoginProfile", &[("UserName", user.to_string())]).await {
        Ok(a) => Ok(a.result.and_then(|r| r.login_profile).is_some()),
        Err(QueryError::Service { code, .. }) if code == "NoSuchEntity" => Ok(false),
        Err(e) => Err(e),
    }
}

/// `<member>` items of a list element.
#[derive(Debug, Default, Deserialize)]
pub struct Members<T> {
    #[serde(rename = "member", default = "Vec::new")]
    pub items: Vec<T>,
}

/// A page's `IsTruncated` and `Marker`: the marker of the next page, `Err` naming what is
/// missing when a truncated page gives none. The references mark `IsTruncated` optional
/// (moto leaves it out of ListAccessKeys): absent is not truncated.
pub fn next_marker(is_truncated: Option<&str>, marker: Option<&str>) -> Result<Option<String>, &'static str> {
    match is_truncated.map(str::trim) {
        Some("true") => {
            marker.filter(|m| !m.is_empty()).map(|m| Some(m.to_string())).ok_or("Marker of a truncated page")
        }
        _ => Ok(None),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ListUsers {
    #[serde(rename = "ListUsersResult")]
    pub result: Option<ListUsersResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListUsersResult {
    #[serde(rename = "Users")]
    pub users: Option<Members<User>>,
    #[serde(rename = "IsTruncated")]
    pub is_truncated: Option<String>,
    #[serde(rename = "Marker")]
    pub marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct User {
    #[serde(rename = "UserName")]
    pub name: Option<String>,
    #[serde(rename = "UserId")]
    pub id: Option<String>,
    #[serde(rename = "Arn")]
    pub arn: Option<String>,
    #[serde(rename = "CreateDate")]
    pub create_date: Option<String>,
    #[serde(rename = "PasswordLastUsed")]
    pub password_last_used: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListAccessKeys {
    #[serde(rename = "ListAccessKeysResult")]
    pub result: Option<ListAccessKeysResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListAccessKeysResult {
    #[serde(rename = "AccessKeyMetadata")]
    pub keys: Option<Members<AccessKey>>,
    #[serde(rename = "IsTruncated")]
    pub is_truncated: Option<String>,
    #[serde(rename = "Marker")]
    pub marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AccessKey {
    #[serde(rename = "AccessKeyId")]
    pub id: Option<String>,
    /// `Active` or `Inactive`.
    #[serde(rename = "Status")]
    pub status: Option<String>,
    #[serde(rename = "CreateDate")]
    pub create_date: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct GetAccessKeyLastUsed {
    #[serde(rename = "GetAccessKeyLastUsedResult")]
    pub result: Option<GetAccessKeyLastUsedResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct GetAccessKeyLastUsedResult {
    #[serde(rename = "AccessKeyLastUsed")]
    pub last_used: Option<AccessKeyLastUsed>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AccessKeyLastUsed {
    /// Absent for a key never used.
    #[serde(rename = "LastUsedDate")]
    pub date: Option<String>,
    #[serde(rename = "ServiceName")]
    pub service: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListMfaDevices {
    #[serde(rename = "ListMFADevicesResult")]
    pub result: Option<ListMfaDevicesResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListMfaDevicesResult {
    #[serde(rename = "MFADevices")]
    pub devices: Option<Members<MfaDevice>>,
    #[serde(rename = "IsTruncated")]
    pub is_truncated: Option<String>,
    #[serde(rename = "Marker")]
    pub marker: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MfaDevice {
    #[serde(rename = "SerialNumber")]
    pub serial: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct GetLoginProfile {
    #[serde(rename = "GetLoginProfileResult")]
    pub result: Option<GetLoginProfileResult>,
}

#[derive(Debug, Default, Deserialize)]
pub struct GetLoginProfileResult {
    #[serde(rename = "LoginProfile")]
    pub login_profile: Option<LoginProfile>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LoginProfile {
    #[serde(rename = "UserName")]
    pub user: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::query::read_answer;

    #[test]
    fn a_users_page_and_a_keys_page_read_their_members_and_markers() {
        let xml = br#"<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ListUsersResult>
    <Users>
      <member><Path>/</Path><UserName>alice</UserName><UserId>AID1</UserId><Arn>arn:aws:iam::1:user/alice</Arn>
        <CreateDate>2025-01-02T03:04:05Z</CreateDate><PasswordLastUsed>2026-11-30T00:00:00Z</PasswordLastUsed></member>
    </Users>
    <IsTruncated>true</IsTruncated>
    <Marker>m-2</Marker>
  </ListUsersResult>
  <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
</ListUsersResponse>"#;
        let a: ListUsers = read_answer("ListUsers", 200, xml).unwrap();
        let r = a.result.unwrap();
        assert_eq!(next_marker(r.is_truncated.as_deref(), r.marker.as_deref()), Ok(Some("m-2".into())));
        let u = &r.users.unwrap().items[0];
        assert_eq!(u.name.as_deref(), Some("alice"));
        assert_eq!(u.password_last_used.as_deref(), Some("2026-11-30T00:00:00Z"));
        assert_eq!(next_marker(Some("false"), None), Ok(None));
        assert!(next_marker(Some("true"), None).is_err(), "a truncated page without a marker cannot be followed");
        assert_eq!(next_marker(None, None), Ok(None), "IsTruncated is optional");

        let keys = br#"<ListAccessKeysResponse><ListAccessKeysResult><UserName>alice</UserName><AccessKeyMetadata/><IsTruncated>false</IsTruncated></ListAccessKeysResult></ListAccessKeysResponse>"#;
        let k: ListAccessKeys = read_answer("ListAccessKeys", 200, keys).unwrap();
        assert!(k.result.unwrap().keys.unwrap().items.is_empty(), "an empty list is there, not missing");
    }
}
