//! ACM certificates as the inventory reads them: `ListCertificates` and
//! `DescribeCertificate` over awsJson1_1 (`POST /` with `X-Amz-Target:
//! CertificateManager.<Op>`, signing name `acm`), signed and sent by opskit itself like SSM
//! ([`crate::aws::ssm`]: the same answer reading, endpoint overrides, retries, failures).
//!
//! References: [ListCertificates](https://docs.aws.amazon.com/acm/latest/APIReference/API_ListCertificates.html),
//! [DescribeCertificate](https://docs.aws.amazon.com/acm/latest/APIReference/API_DescribeCertificate.html),
//! [CertificateDetail](https://docs.aws.amazon.com/acm/latest/APIReference/API_CertificateDetail.html).
//!
//! ListCertificates without `Includes.keyTypes` lists RSA_2048 certificates only (the
//! reference says so), so every key type is asked for. `NotAfter` is a timestamp, which
//! awsJson sends as epoch seconds (a number, possibly fractional).

use super::query::{self, QueryError, Service};
use aws_config::SdkConfig;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// ACM: signing name `acm`, `AWS_ENDPOINT_URL_ACM`.
pub const SERVICE: Service = Service { name: "acm", service_id: "ACM", version: "2015-12-08" };

/// Every key type ListCertificates knows, so none is left out by its RSA_2048 default.
pub const KEY_TYPES: &[&str] =
    &["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"];

/// Call `op` with `body`, retried as [`QueryError::retryable`] says, and read the answer.
pub async fn call<T: DeserializeOwned>(cfg: &SdkConfig, op: &str, body: &serde_json::Value) -> Result<T, QueryError> {
    let body = body.to_string();
    query::with_retries(op, QueryError::retryable, || once(cfg, op, &body)).await
}

async fn once<T: DeserializeOwned>(cfg: &SdkConfig, op: &str, body: &str) -> Result<T, QueryError> {
    super::ssm::json_once(cfg, &SERVICE, &format!("CertificateManager.{op}"), op, body).await
}

/// One page of ListCertificates from `next_token`.
pub async fn list_certificates(cfg: &SdkConfig, next_token: Option<String>) -> Result<ListCertificates, QueryError> {
    let mut body = serde_json::json!({"MaxItems": 1000, "Includes": {"keyTypes": KEY_TYPES}});
    if let Some(t) = next_token {
        body["NextToken"] = t.into();
    }
    call(cfg, "ListCertificates", &body).await
}

/// DescribeCertificate of one certificate.
pub async fn describe_certificate(cfg: &SdkConfig, arn: &str) -> Result<DescribeCertificate, QueryError> {
    call(cfg, "DescribeCertificate", &serde_json::json!({"CertificateArn": arn})).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListCertificates {
    pub certificate_summary_list: Option<Vec<CertificateSummary>>,
    pub next_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CertificateSummary {
    pub certificate_arn: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeCertificate {
    pub certificate: Option<CertificateDetail>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CertificateDetail {
    pub certificate_arn: Option<String>,
    pub domain_name: Option<String>,
    #[serde(default)]
    pub subject_alternative_names: Vec<String>,
    /// PENDING_VALIDATION, ISSUED, INACTIVE, EXPIRED, VALIDATION_TIMED_OUT, REVOKED, FAILED.
    pub status: Option<String>,
    /// IMPORTED, AMAZON_ISSUED, PRIVATE.
    #[serde(rename = "Type")]
    pub kind: Option<String>,
    /// Epoch seconds.
    pub not_after: Option<f64>,
    #[serde(default)]
    pub in_use_by: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_detail_reads_domains_status_and_not_after_in_epoch_seconds() {
        let body = br#"{"Certificate":{"CertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/abc",
            "DomainName":"example.com","SubjectAlternativeNames":["example.com","www.example.com"],
            "Status":"ISSUED","Type":"AMAZON_ISSUED","NotAfter":1.7961984E9,"InUseBy":["arn:lb"]}}"#;
        let d: DescribeCertificate = crate::aws::ssm::read_answer("DescribeCertificate", 200, body, None).unwrap();
        let c = d.certificate.unwrap();
        assert_eq!(c.not_after, Some(1_796_198_400.0));
        assert_eq!(c.subject_alternative_names, ["example.com", "www.example.com"]);
        assert_eq!((c.status.as_deref(), c.kind.as_deref()), (Some("ISSUED"), Some("AMAZON_ISSUED")));
    }
}
