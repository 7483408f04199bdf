//! Fake of AWS Certificate Manager's reads an inventory makes (awsJson1_1,
//! `X-Amz-Target: CertificateManager.<Operation>`): the sandbox holds no certificates, so
//! ListCertificates answers `{"CertificateSummaryList": []}` (complete: no `NextToken`) and
//! DescribeCertificate `ResourceNotFoundException`, as ACM does for an ARN it does not know.
//! An inventory of every type thus runs against the sandbox (the demo) and lists none.

use super::Reply;
use super::aws::{self, Call};
use serde_json::json;

pub(crate) const TARGET_PREFIX: &str = "CertificateManager";

pub(crate) fn handle(call: &Call<'_>) -> Reply {
    match call.operation {
        "ListCertificates" => aws::reply(&json!({"CertificateSummaryList": []})),
        "DescribeCertificate" => {
            aws::error(400, "ResourceNotFoundException", "Could not find certificate in this account and region")
        }
        _ => aws::unknown_operation(call.target),
    }
}
