//! Where calendars come from: a file, a secret HTTPS address (Google Calendar's "secret address
//! in iCal format", a published Outlook calendar) or a CalDAV calendar collection (RFC 4791
//! `REPORT` calendar-query with a time-range filter, Depth 1, basic auth).
//!
//! Each answer must be complete and well-formed before its events count: a redirect, a 401,
//! an HTML login page, a truncated text, or a multistatus with a response that is not 200 is a
//! [`SourceError`] naming the source, and nothing of that source resolves. Secret addresses are
//! shown as `scheme://host/****`; the HTTP client follows no redirects, so credentials go only
//! where they were configured to go.

use crate::http::{body_excerpt, error_chain};
use crate::redact::Secret;
use jiff::Timestamp;
use quick_xml::events::Event;
use std::path::PathBuf;

/// One calendar to read.
#[derive(Debug, Clone)]
pub enum Source {
    File(PathBuf),
    /// A secret address: whoever has it reads the calendar, so it is never shown whole.
    Url(Secret),
    /// A CalDAV calendar collection (its URL ends in `/`).
    CalDav {
        url: String,
        user: String,
        password: Secret,
    },
}

impl Source {
    /// The source as messages show it (a secret address with its path masked).
    pub fn shown(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Url(u) => masked_url(u.expose()),
            Source::CalDav { url, user, .. } => format!("{} (user {user})", crate::redact::redact(url)),
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown())
    }
}

fn masked_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => {
            let port = u.port().map(|p| format!(":{p}")).unwrap_or_default();
            format!("{}://{}{port}/****", u.scheme(), u.host_str().unwrap_or(""))
        }
        Err(_) => "(an unreadable calendar address)".to_string(),
    }
}

#[derive(Debug, thiserror::Error)]
#[error("calendar {calendar}: {why}")]
pub struct SourceError {
    /// The source as shown (secret path masked).
    pub calendar: String,
    pub why: String,
}

/// The iCalendar texts of `src` with events in `[from, to)` (a file or URL gives its whole
/// calendar; the caller's [`super::occurrences`] cuts the window). Each text is checked to be one
/// whole calendar.
pub async fn fetch(
    src: &Source,
    http: &reqwest::Client,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<String>, SourceError> {
    let fail = |why: String| SourceError { calendar: src.shown(), why: crate::redact::redact(&why) };
    let texts = match src {
        Source::File(path) => {
            vec![std::fs::read_to_string(path).map_err(|e| fail(format!("cannot read the file: {e}")))?]
        }
        Source::Url(url) => {
            let resp = http
                .get(url.expose())
                .send()
                .await
                .map_err(|e| fail(format!("request failed: {}", masked_error(&e, url.expose()))))?;
            vec![body(resp, 200, url.expose()).await.map_err(fail)?]
        }
        Source::CalDav { url, user, password } => {
            let method = reqwest::Method::from_bytes(b"REPORT").expect("REPORT is a method");
            let resp = http
                .request(method, url)
                .basic_auth(user, Some(password.expose()))
                .header("Depth", "1")
                .header(reqwest::header::CONTENT_TYPE, "application/xml; charset=utf-8")
                .body(calendar_query(from, to))
                .send()
                .await
                .map_err(|e| fail(format!("REPORT failed: {}", error_chain(&e))))?;
            let xml = body(resp, 207, url).await.map_err(fail)?;
            calendar_data(&xml).map_err(fail)?
        }
    };
    for (i, t) in texts.iter().enumerate() {
        super::check_ics(t).map_err(|why| {
            fail(if texts.len() > 1 { format!("calendar object {} of {}: {why}", i + 1, texts.len()) } else { why })
        })?;
    }
    Ok(texts)
}

/// reqwest's errors name the URL: the secret one must not appear.
fn masked_error(e: &reqwest::Error, secret: &str) -> String {
    error_chain(e).replace(secret, &masked_url(secret))
}

async fn body(resp: reqwest::Response, want: u16, secret: &str) -> Result<String, String> {
    let status = resp.status();
    if status.is_redirection() {
        let to = resp.headers().get(reqwest::header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("");
        let shown = crate::http::shown_location(resp.url(), to, Some(secret));
        return Err(format!("answered {status}, a redirect to {shown} (not followed)"));
    }
    let text = resp.text().await.map_err(|e| format!("reading the answer failed: {}", error_chain(&e)))?;
    if status.as_u16() != want {
        let hint = if status.as_u16() == 401 || status.as_u16() == 403 {
            "\nhint: check the user and password (or that the address is still the current secret one)"
        } else {
            ""
        };
        return Err(format!("answered {status}, expected {want}: {}{hint}", body_excerpt(&text)));
    }
    if text.trim().is_empty() {
        return Err(format!("answered {status} with an empty body"));
    }
    Ok(text)
}

/// The calendar-query of RFC 4791 §7.8: every VEVENT overlapping the window, with its data.
fn calendar_query(from: Timestamp, to: Timestamp) -> String {
    let f = |t: Timestamp| t.strftime("%Y%m%dT%H%M%SZ").to_string();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="{}" end="{}"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"#,
        f(from),
        f(to)
    )
}

/// The `calendar-data` of every response in a multistatus; an error unless each response (and
/// each of its propstats) says 200 and carries calendar data.
fn calendar_data(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut saw_multistatus = false;
    let mut href = String::new();
    let mut data: Option<String> = None;
    let mut text = String::new();
    loop {
        let ev = reader.read_event().map_err(|e| format!("the multistatus is not well-formed XML: {e}"))?;
        match ev {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                if name == "multistatus" && path.is_empty() {
                    saw_multistatus = true;
                }
                if name == "response" {
                    href.clear();
                    data = None;
                }
                path.push(name);
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.xml10_content().map_err(|e| format!("the multistatus: {e}"))?),
            Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| format!("the multistatus: {e}"))? {
                    Some(c) => c.to_string(),
                    None => match r.decode().map_err(|e| format!("the multistatus: {e}"))?.as_ref() {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => return Err(format!("the multistatus uses an unknown entity `&{other};`")),
                    },
                };
                text.push_str(&resolved);
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                match name.as_str() {
                    "href" if path.last().is_some_and(|p| p == "response") => href = text.trim().to_string(),
                    "calendar-data" => data = Some(std::mem::take(&mut text)),
                    "status" => {
                        let st = text.trim();
                        if st.split_whitespace().nth(1) != Some("200") {
                            return Err(format!(
                                "the multistatus says `{st}` for {}",
                                if href.is_empty() { "a response" } else { &href }
                            ));
                        }
                    }
                    "response" => match data.take() {
                        Some(d) if !d.trim().is_empty() => out.push(d),
                        _ => return Err(format!("the multistatus has no calendar data for {href}")),
                    },
                    _ => {}
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_multistatus {
        return Err(format!("the answer is not a DAV multistatus: {}", body_excerpt(xml)));
    }
    if !path.is_empty() {
        return Err("the multistatus is truncated".to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_address_is_shown_with_its_path_masked() {
        let s =
            Source::Url(Secret::new("https://calendar.google.com/calendar/ical/ops%40x.com/private-abc123/basic.ics"));
        assert_eq!(s.shown(), "https://calendar.google.com/****");
    }

    #[test]
    fn a_multistatus_gives_each_calendar_data_with_entities_resolved() {
        let xml = r#"<?xml version="1.0"?><multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
<response><href>/u/c/a.ics</href><propstat><prop><getetag>"1"</getetag><C:calendar-data>BEGIN:VCALENDAR&#13;
X:a&amp;b&#13;
END:VCALENDAR&#13;
</C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>"#;
        let got = calendar_data(xml).unwrap();
        assert_eq!(got, vec!["BEGIN:VCALENDAR\r\nX:a&b\r\nEND:VCALENDAR\r\n".to_string()]);
    }

    #[test]
    fn a_multistatus_with_a_response_not_200_is_an_error() {
        let xml = r#"<multistatus xmlns="DAV:"><response><href>/c/a.ics</href><status>HTTP/1.1 404 Not Found</status></response></multistatus>"#;
        let err = calendar_data(xml).unwrap_err();
        assert!(err.contains("404") && err.contains("/c/a.ics"), "{err}");
    }

    #[test]
    fn a_truncated_or_foreign_answer_is_an_error() {
        assert!(calendar_data("<multistatus xmlns=\"DAV:\"><response>").is_err());
        assert!(calendar_data("<html><body>login</body></html>").unwrap_err().contains("not a DAV multistatus"));
    }
}
