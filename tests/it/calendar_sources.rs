//! The calendar sources against real servers: a Radicale CalDAV collection (MKCALENDAR, PUT the
//! fixtures, REPORT with a time range through `Source::CalDav`), a file, and an HTTP address
//! served by a tiny loopback server; each must give the same occurrences, and every answer that
//! is not a whole calendar (401, redirect, HTML login page, truncated body) is an error naming
//! the source without its secret.

use crate::common::radicale::{self, Radicale};
use jiff::Timestamp;
use opskit::calendar::{self, Occurrence, Source};
use opskit::redact::Secret;
use std::path::PathBuf;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The readable fixtures, one event (UID) each as CalDAV wants.
const FIXTURES: [&str; 6] = [
    "all_day.ics",
    "weekly_exdate.ics",
    "tokyo_tzid.ics",
    "iana_tzid.ics",
    "moved_occurrence.ics",
    "cancelled_occurrence.ics",
];

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/calendar").join(name)
}

fn window() -> (Timestamp, Timestamp) {
    ("2026-12-01T00:00:00Z".parse().unwrap(), "2027-01-01T00:00:00Z".parse().unwrap())
}

/// (uid, recurrence id, start, end, cancelled) of every occurrence in the texts, sorted.
fn read_all(texts: &[String]) -> Vec<(String, Option<String>, Timestamp, Timestamp, bool)> {
    let (from, to) = window();
    let mut all = Vec::new();
    for t in texts {
        let (occ, problems) = calendar::occurrences(t, "test", "Asia/Tokyo", from, to).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        all.extend(occ.into_iter().map(|o: Occurrence| (o.uid, o.recurrence_id, o.start, o.end, o.cancelled)));
    }
    all.sort();
    all
}

fn http() -> reqwest::Client {
    opskit::http::http_client().build().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_caldav_collection_gives_the_same_occurrences_as_the_files() {
    let server = Radicale::start();
    let objects: Vec<(String, String)> =
        FIXTURES.iter().map(|f| (f.to_string(), std::fs::read_to_string(fixture_path(f)).unwrap())).collect();
    let refs: Vec<(&str, &str)> = objects.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let url = server.calendar_with("planned", &refs).await;
    let (from, to) = window();

    let src = Source::CalDav { url, user: radicale::USER.into(), password: Secret::new(radicale::PASSWORD) };
    let texts = calendar::fetch(&src, &http(), from, to).await.unwrap();
    assert_eq!(texts.len(), FIXTURES.len(), "one calendar object per PUT fixture");
    let from_caldav = read_all(&texts);

    let mut from_files = Vec::new();
    for f in FIXTURES {
        from_files.extend(calendar::fetch(&Source::File(fixture_path(f)), &http(), from, to).await.unwrap());
    }
    let from_files = read_all(&from_files);
    assert_eq!(from_caldav, from_files);
    assert!(from_caldav.iter().any(|o| o.4), "the cancelled occurrences came through");
    assert_eq!(from_caldav.len(), 1 + 5 + 2 + 5 + 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_caldav_time_range_leaves_out_events_outside_the_window() {
    let server = Radicale::start();
    let tokyo = std::fs::read_to_string(fixture_path("tokyo_tzid.ics")).unwrap();
    let all_day = std::fs::read_to_string(fixture_path("all_day.ics")).unwrap();
    let url = server.calendar_with("planned", &[("t.ics", &tokyo), ("a.ics", &all_day)]).await;
    let src = Source::CalDav { url, user: radicale::USER.into(), password: Secret::new(radicale::PASSWORD) };
    // 8-9 December: only the all-day event of the 10th (Tokyo) is out, the Tokyo swap is before.
    let texts = calendar::fetch(
        &src,
        &http(),
        "2026-12-09T00:00:00Z".parse().unwrap(),
        "2026-12-11T00:00:00Z".parse().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("allday-1@opskit"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_caldav_password_is_an_error_naming_the_source() {
    let server = Radicale::start();
    let url = server.calendar_with("planned", &[]).await;
    let (from, to) = window();
    let src = Source::CalDav { url: url.clone(), user: radicale::USER.into(), password: Secret::new("wrong-pw-123") };
    let err = calendar::fetch(&src, &http(), from, to).await.unwrap_err().to_string();
    assert!(err.contains(&url) && err.contains("401"), "{err}");
    assert!(!err.contains("wrong-pw-123"), "{err}");
}

/// A loopback HTTP server answering every request with `status`, `headers` and `body`.
async fn serve(status: &'static str, headers: &'static str, body: String) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else { return };
            let body = body.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let _ = sock.read(&mut buf).await;
                let head = format!(
                    "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(body.as_bytes()).await;
            });
        }
    });
    format!("http://{addr}/calendar/ical/ops%40example.com/private-0123456789abcdef/basic.ics")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_secret_address_gives_the_same_occurrences_as_the_file() {
    let body = std::fs::read_to_string(fixture_path("moved_occurrence.ics")).unwrap();
    let url = serve("200 OK", "Content-Type: text/calendar\r\n", body).await;
    let (from, to) = window();
    let texts = calendar::fetch(&Source::Url(Secret::new(url)), &http(), from, to).await.unwrap();
    let file = calendar::fetch(&Source::File(fixture_path("moved_occurrence.ics")), &http(), from, to).await.unwrap();
    assert_eq!(read_all(&texts), read_all(&file));
    assert_eq!(read_all(&texts).len(), 5);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_secret_address_that_answers_no_whole_calendar_is_an_error_without_its_secret() {
    let (from, to) = window();
    let ics = std::fs::read_to_string(fixture_path("weekly_exdate.ics")).unwrap();
    let cases = [
        ("200 OK", "", "<!DOCTYPE html><html><body>Sign in</body></html>".to_string(), "not iCalendar"),
        ("200 OK", "", ics[..ics.len() - 30].to_string(), "truncated"),
        ("302 Found", "Location: https://accounts.example.com/login?continue=x\r\n", String::new(), "redirect"),
        ("404 Not Found", "", "gone".to_string(), "404"),
        ("200 OK", "", String::new(), "empty"),
    ];
    for (status, headers, body, want) in cases {
        let url = serve(status, headers, body).await;
        let err = calendar::fetch(&Source::Url(Secret::new(url)), &http(), from, to).await.unwrap_err().to_string();
        assert!(err.contains(want), "{status}: {err}");
        assert!(err.contains("http://127.0.0.1:"), "names the source: {err}");
        assert!(!err.contains("private-0123456789abcdef") && !err.contains("ops%40"), "{status}: leaks: {err}");
    }
}
