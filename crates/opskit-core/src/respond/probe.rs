//! HTTP and TCP probes: the steps that need no cloud API.

use crate::respond::stage::StepPoll;
use std::time::{Duration, Instant};

/// GET `url`: its status, latency, whether the body holds `body_contains`, and for
/// https how many days its certificate has left.
pub async fn http(
    url: &str,
    status: &[u16],
    body_contains: Option<&str>,
    max_latency: Option<Duration>,
    tls_min_days: Option<u32>,
    timeout: Duration,
    now: jiff::Timestamp,
) -> StepPoll {
    let client = match crate::http::http_client()
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .tls_info(true)
        .build()
    {
        Ok(c) => c,
        Err(e) => return StepPoll::Error(format!("cannot build an HTTP client: {e}")),
    };
    let started = Instant::now();
    let resp = match client.get(url).send().await {
        Ok(r) => r,
        Err(e) => {
            let why = if e.is_timeout() {
                format!("no answer within {}", crate::config::Dur(timeout))
            } else {
                crate::http::error_chain(&e)
            };
            return StepPoll::Done { ok: false, output: format!("GET {url}: {why}") };
        }
    };
    let latency = started.elapsed();
    let code = resp.status().as_u16();
    let cert_days = resp
        .extensions()
        .get::<reqwest::tls::TlsInfo>()
        .and_then(|t| t.peer_certificate())
        .and_then(not_after)
        .map(|end| end.duration_since(now).as_secs() / 86_400);
    let mut problems = Vec::new();
    let body = match body_contains {
        None => Some(String::new()),
        Some(_) => match resp.text().await {
            Ok(b) => Some(b),
            Err(e) => {
                problems.push(format!("the body could not be read: {}", crate::http::error_chain(&e)));
                None
            }
        },
    };
    if !status.contains(&code) {
        problems.push(format!(
            "status {code}, expected {}",
            status.iter().map(u16::to_string).collect::<Vec<_>>().join("|")
        ));
    }
    if let (Some(want), Some(body)) = (body_contains, &body)
        && !body.contains(want)
    {
        problems.push(format!("the body does not hold {want:?}"));
    }
    if let Some(max) = max_latency
        && latency > max
    {
        problems.push(format!("took {} ms, more than {}", latency.as_millis(), crate::config::Dur(max)));
    }
    if let Some(min) = tls_min_days {
        match cert_days {
            Some(d) if d >= i64::from(min) => {}
            Some(d) => problems.push(format!("the certificate expires in {d} days, fewer than {min}")),
            None => problems.push("no certificate to read the expiry of".to_string()),
        }
    }
    let mut output = format!("HTTP {code} in {} ms", latency.as_millis());
    if let Some(d) = cert_days {
        output.push_str(&format!("; certificate valid {d} more days"));
    }
    for p in &problems {
        output.push_str(&format!("\n{p}"));
    }
    StepPoll::Done { ok: problems.is_empty(), output }
}

/// Connect to `host:port`.
pub async fn tcp(host: &str, port: u16, timeout: Duration) -> StepPoll {
    let started = Instant::now();
    match tokio::time::timeout(timeout, tokio::net::TcpStream::connect((host, port))).await {
        Ok(Ok(_)) => StepPoll::Done {
            ok: true,
            output: format!("connected to {host}:{port} in {} ms", started.elapsed().as_millis()),
        },
        Ok(Err(e)) => StepPoll::Done { ok: false, output: format!("cannot connect to {host}:{port}: {e}") },
        Err(_) => StepPoll::Done {
            ok: false,
            output: format!("no connection to {host}:{port} within {}", crate::config::Dur(timeout)),
        },
    }
}

/// The end of an X.509 certificate's validity, read from its DER: Certificate ::=
/// SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber, signature,
/// issuer, validity SEQUENCE { notBefore, notAfter }, .. } .. }. One date is all a probe
/// needs; an X.509 crate for it would cost more build time than these lines.
pub fn not_after(der: &[u8]) -> Option<jiff::Timestamp> {
    let (_, cert, _) = tlv(der)?;
    let (_, tbs, _) = tlv(cert)?;
    let mut rest = tbs;
    let (tag, _, after) = tlv(rest)?;
    if tag == 0xa0 {
        rest = after; // the explicit version
    }
    for _ in 0..3 {
        let (_, _, after) = tlv(rest)?; // serial, signature algorithm, issuer
        rest = after;
    }
    let (tag, validity, _) = tlv(rest)?;
    if tag != 0x30 {
        return None;
    }
    let (_, _, after_before) = tlv(validity)?;
    let (tag, value, _) = tlv(after_before)?;
    let text = std::str::from_utf8(value).ok()?;
    let (year, rest) = match tag {
        0x17 => {
            let yy: i16 = text.get(..2)?.parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, text.get(2..)?)
        }
        0x18 => (text.get(..4)?.parse().ok()?, text.get(4..)?),
        _ => return None,
    };
    let num = |r: std::ops::Range<usize>| -> Option<i8> { rest.get(r)?.parse().ok() };
    if !rest.ends_with('Z') {
        return None;
    }
    let dt = jiff::civil::date(year, num(0..2)?, num(2..4)?).at(num(4..6)?, num(6..8)?, num(8..10)?, 0);
    dt.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// One DER tag-length-value: (tag, value, what follows).
fn tlv(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *b.first()?;
    let first = *b.get(1)?;
    let (len, head) = if first < 0x80 {
        (first as usize, 2)
    } else {
        let n = (first & 0x7f) as usize;
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = (len << 8) | *b.get(2 + i)? as usize;
        }
        (len, 2 + n)
    };
    let value = b.get(head..head.checked_add(len)?)?;
    Some((tag, value, &b[head + len..]))
}
