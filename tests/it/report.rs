//! `opskit report status` end to end: a state built by the real commands against the
//! sandbox (dx-vif, trusted-advisor, support, health, a silence), then the page read as a
//! person would: opened in headless Chromium (not blank, every section in the DOM), parsed
//! as well-formed markup, hostile text escaped; the Markdown pinned by a snapshot. Time is
//! pinned with OPSKIT_NOW.

use crate::common;

use common::chromium;
use common::cli::*;
use opskit_sandbox as sandbox;
use serde_json::json;

const NOW: &str = "2026-11-22T00:00:00Z";
/// Five minutes later: the page is made then.
const LATER: &str = "2026-11-22T00:05:00Z";
const ACME: &str = sandbox::DX_DEMO_ACCOUNT;
const SECTIONS: [&str; 7] = ["open", "dx", "trusted-advisor", "support", "maintenance", "silences", "runs"];
/// A customer's name and an operator's reason as hostile as they come.
const CUSTOMER: &str = "Acme <b>&</b> \"Corp\"";
const REASON: &str = "<script>alert('x')</script> CHG-42";

fn setup(b: &Bench) {
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}{}tags = {{ customer = {} }}\n\n{}\n[[routes]]\nsinks = [\"slack\"]\n\n\
         [commands.report]\nexpect = {{ \"dx-vif-poll\" = \"2m\", \"calendar-sync\" = \"10m\", \"support-watch\" = \"1h\" }}\n",
        b.defaults(),
        account_toml("acme-prod", ACME, &[sandbox::DX_DEMO_REGION]),
        serde_json::to_string(CUSTOMER).unwrap(),
        b.sandbox.sinks_toml(),
    ));
}

fn run(b: &Bench, args: &[&str]) {
    let a = b.opskit_aws().env("OPSKIT_NOW", NOW).env("OPSKIT_HOSTNAME", "ops-1").args(args).assert();
    assert_eq!(code(&a), 0, "{args:?}: {}", stderr(&a));
}

/// The state of a morning: a VIF down, red Trusted Advisor items, cases, a DX maintenance
/// event tomorrow, a silence with a reason.
fn build_state(b: &Bench) {
    setup(b);
    b.sandbox.dx_set_vif_state(sandbox::DX_DEMO_TRANSIT_VIF, "down").unwrap();
    b.sandbox
        .health_put_event(
            &[ACME],
            json!({
                "service": "DIRECTCONNECT", "eventTypeCode": "AWS_DIRECTCONNECT_MAINTENANCE_SCHEDULED",
                "eventTypeCategory": "scheduledChange", "region": sandbox::DX_DEMO_REGION, "statusCode": "upcoming",
                "startTime": "2026-11-23T01:00:00Z", "endTime": "2026-11-23T05:00:00Z",
                "entities": [{"entityValue": sandbox::DX_DEMO_TRANSIT_VIF}],
            }),
        )
        .unwrap();
    run(b, &["dx-vif", "poll"]);
    run(b, &["trusted-advisor", "notify"]);
    run(b, &["support", "watch"]);
    run(b, &["health", "watch"]);
    run(b, &["silence", "add", "--source", "dx-vif", "--until", "2026-11-23T06:00:00Z", "--reason", REASON]);
    // A dry run is no run: it must not move the poll's last run.
    let a = b.opskit_aws().env("OPSKIT_NOW", "2026-11-22T00:04:00Z").args(["dx-vif", "poll", "--dry-run"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
}

fn report(b: &Bench, args: &[&str]) -> assert_cmd::assert::Assert {
    b.opskit().env("OPSKIT_NOW", LATER).args(["report", "status"]).args(args).assert()
}

/// Well-formed markup (every element closed, attributes quoted, entities valid), and the
/// ids of its sections in order. The template writes XML-compatible HTML so that an XML
/// parser already in the tree can check it; Chromium parses it as HTML below.
fn section_ids(html: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(html);
    r.config_mut().check_end_names = true;
    let mut ids = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) if e.name().as_ref() == b"section" => {
                let id = e.try_get_attribute("id").unwrap().expect("a section has an id");
                ids.push(String::from_utf8(id.value.to_vec()).unwrap());
            }
            Ok(_) => {}
            Err(e) => panic!("the page is not well-formed at byte {}: {e}", r.error_position()),
        }
    }
    ids
}

fn look_at(b: &Bench, page: &std::path::Path) -> String {
    let shot = chromium::screenshot(b.dir.path(), page, "page.png");
    chromium::assert_not_blank(b.dir.path(), &shot);
    let dom = chromium::dump_dom(b.dir.path(), page);
    for id in SECTIONS {
        assert_eq!(dom.matches(&format!("<section id=\"{id}\">")).count(), 1, "section {id} in the DOM:\n{dom}");
    }
    dom
}

/// The Markdown with what varies between runs masked: how long a run took, and a
/// silence's id (made with the process id).
fn pinned(md: &str) -> String {
    let md = regex::Regex::new(r"\| \d+ ms \|").unwrap().replace_all(md, "| [took] ms |");
    regex::Regex::new(r"\| s-[0-9a-f]{8} \|").unwrap().replace_all(&md, "| [silence id] |").into_owned()
}

#[test]
fn the_status_page_of_a_built_state_opens_in_chromium_with_every_section_and_escapes_what_it_quotes() {
    let b = Bench::new();
    build_state(&b);
    let page = b.path("status.html");
    let a = report(&b, &["--out", page.to_str().unwrap()]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(stdout(&a), "", "the page went to the file");
    let html = std::fs::read_to_string(&page).unwrap();

    assert_eq!(section_ids(&html), SECTIONS);
    // Self-contained: nothing to fetch, nothing to run.
    for outside in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(outside), "`{outside}` in the page");
    }
    assert!(html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; CHG-42"), "the reason, escaped");
    assert!(html.contains("Acme &lt;b&gt;&amp;&lt;&#x2f;b&gt; &quot;Corp&quot;"), "the customer, escaped");
    // What an engineer looks for: the VIF down, a red item, the case waiting on us, the
    // window on the timeline, the late poll.
    let dx = &html[html.find("id=\"dx\"").unwrap()..html.find("id=\"trusted-advisor\"").unwrap()];
    assert!(dx.contains(sandbox::DX_DEMO_TRANSIT_VIF_NAME) && dx.contains("sev-critical"), "{dx}");
    assert!(html.contains(sandbox::TA_SG_RECOMMENDATION_NAME));
    let support = &html[html.find("id=\"support\"").unwrap()..html.find("id=\"maintenance\"").unwrap()];
    assert!(support.contains(sandbox::SUPPORT_LIMIT_CASE_DISPLAY_ID), "{support}");
    assert!(
        !support.contains(sandbox::SUPPORT_BILLING_CASE_DISPLAY_ID),
        "a case waiting on AWS is not ours: {support}"
    );
    assert!(html.contains("class=\"bar bar-aws\""), "the window is on the timeline");
    let runs = &html[html.find("id=\"runs\"").unwrap()..];
    let row =
        |cmd: &str| runs.split("<tr>").find(|r| r.starts_with(&format!("<td>{cmd}</td>"))).unwrap_or("").to_string();
    assert!(row("dx-vif-poll").contains("LATE") && row("dx-vif-poll").contains("5m 0s"), "{runs}");
    assert!(row("calendar-sync").contains("never") && row("calendar-sync").contains("LATE"), "{runs}");
    assert!(row("support-watch").contains("ok"), "{runs}");
    assert!(row("trusted-advisor-notify").contains("ops-1") && !row("trusted-advisor-notify").contains("LATE"));
    assert!(row("silence-add").is_empty(), "a silence is no run of a command");

    let dom = look_at(&b, &page);
    assert!(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), "Chromium reads the reason as text");

    let a = report(&b, &["--output", "markdown"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let md = stdout(&a);
    assert!(
        !md.contains("<script") && !md.contains("<b>"),
        "Markdown passes HTML through: none may come from findings"
    );
    insta::assert_snapshot!("report_status_markdown", pinned(&md));

    let a = report(&b, &["--output", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["open"][0]["customer"], CUSTOMER);
    assert_eq!(v["maintenance"][0]["start"], "2026-11-23T01:00:00Z");
}

#[test]
fn an_empty_state_gives_a_page_that_says_nothing_is_known_yet_and_creates_no_state() {
    let b = Bench::new();
    b.write_config(&b.defaults());
    let page = b.path("status.html");
    let a = report(&b, &["--out", page.to_str().unwrap()]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert!(!b.path("state.db").exists(), "a report only reads");
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(section_ids(&html), SECTIONS);
    for id in SECTIONS {
        let at = html.find(&format!("<section id=\"{id}\">")).unwrap();
        let section = &html[at..at + html[at..].find("</section>").unwrap()];
        assert!(section.contains("Nothing is known yet"), "{section}");
    }
    look_at(&b, &page);

    let a = report(&b, &["-o", "markdown"]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    insta::assert_snapshot!("report_status_markdown_empty", stdout(&a));
}

#[test]
fn out_replaces_a_symlink_instead_of_writing_through_it_and_keeps_an_existing_files_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let b = Bench::new();
    b.write_config(&b.defaults());
    let victim = b.path("precious.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let page = b.path("status.html");
    std::os::unix::fs::symlink(&victim, &page).unwrap();
    let a = report(&b, &["--out", page.to_str().unwrap()]);
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let meta = std::fs::symlink_metadata(&page).unwrap();
    assert!(meta.file_type().is_file(), "the link was replaced by the page");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600, "a new page is the operator's alone");

    // An operator who opened it to a web server keeps it open.
    std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(code(&report(&b, &["--out", page.to_str().unwrap()])), 0);
    assert_eq!(std::fs::metadata(&page).unwrap().permissions().mode() & 0o777, 0o644);
}

#[test]
fn formats_other_than_html_markdown_and_json_are_a_usage_error() {
    let b = Bench::new();
    b.write_config(&b.defaults());
    let a = report(&b, &["--output", "csv"]);
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("HTML (the default), markdown or json, not csv"), "{}", stderr(&a));
}

#[test]
fn wiki_puts_the_page_on_backlog_once_and_again_only_when_it_changed() {
    let b = Bench::new();
    build_state(&b);
    let cfg = std::fs::read_to_string(b.path("opskit.toml")).unwrap();
    b.write_config(&format!(
        "{cfg}wiki_project = \"{}\"\nstatus_page = \"Ops/Status\"\n",
        sandbox::BACKLOG_PROJECT_KEY
    ));
    let publish = |at: &str| {
        let a = b.opskit().env("OPSKIT_NOW", at).args(["report", "status", "--wiki"]).assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
        stdout(&a)
    };
    let first = publish(LATER);
    assert!(first.contains("page created, attachment replaced"), "{first}");
    let page = |b: &Bench| {
        b.sandbox.backlog_wiki_pages().into_iter().find(|p| p["name"] == "Ops/Status").expect("the page is there")
    };
    let p = page(&b);
    let attachments = p["attachments"].as_array().unwrap().clone();
    assert_eq!(attachments.len(), 1, "{attachments:?}");
    assert_eq!(attachments[0]["name"], "opskit-status.html");
    // Nothing changed but the time it was made: nothing is written.
    let writes =
        |b: &Bench| b.sandbox.requests().iter().filter(|r| r.path.contains("/wikis") && r.method != "GET").count();
    let before = writes(&b);
    let again = publish(LATER);
    assert!(again.contains("page unchanged, attachment unchanged"), "{again}");
    assert_eq!(writes(&b), before, "no Wiki write when nothing changed");
    // A dry run says what it would do and writes nothing.
    let a = b.opskit().env("OPSKIT_NOW", LATER).args(["report", "status", "--wiki", "--dry-run"]).assert();
    assert!(stdout(&a).starts_with("dry run: "), "{}", stdout(&a));
    assert_eq!(writes(&b), before);

    // The operation's numbers on their own page; a minute later, with nothing new but the
    // window's ends, nothing is written.
    let ops = |at: &str| {
        let a = b.opskit().env("OPSKIT_NOW", at).args(["report", "ops", "--wiki"]).assert();
        assert_eq!(code(&a), 0, "{}", stderr(&a));
        stdout(&a)
    };
    assert!(ops(LATER).contains("opskit/ops: page created, attachment replaced"));
    let before = writes(&b);
    let later = ops("2026-11-22T00:06:00Z");
    assert!(later.contains("page unchanged, attachment unchanged"), "{later}");
    assert_eq!(writes(&b), before);
    let p = b.sandbox.backlog_wiki_pages().into_iter().find(|p| p["name"] == "opskit/ops").unwrap();
    assert_eq!(p["attachments"][0]["name"], "opskit-ops.html");

    // And to a file for a web server.
    let file = b.path("ops.html");
    let a =
        b.opskit().env("OPSKIT_NOW", LATER).args(["report", "ops", "--format", "html", "--out"]).arg(&file).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg"), "{html}");
}

/// The acceptance's own state: what `opskit demo` builds (every story of the tour), read
/// back through the built binary while the kept demo's sandbox still runs.
#[test]
fn the_demo_states_status_page_opens_with_every_section_and_its_numbers_add_up() {
    use std::io::BufRead as _;
    let b = Bench::new();
    let mut child = b
        .opskit_process()
        .args(["demo", "--keep"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut config = None;
    for line in std::io::BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.split("Config used: ").nth(1) {
            config = Some(rest.trim().to_string());
        }
        if line.contains("keeps running") {
            break;
        }
    }
    let config = config.expect("the demo names its config");
    let page = b.path("demo-status.html");
    let run = |args: &[&str]| {
        let out = b.opskit_process().arg("--config").arg(&config).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["report", "status", "--out", page.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_str(&run(&["report", "ops", "-o", "json"])).unwrap();
    let ops_page = b.path("demo-ops.html");
    run(&["report", "ops", "--format", "html", "--out", ops_page.to_str().unwrap()]);
    child.kill().unwrap();
    let _ = child.wait();
    // The numbers' page too: drawn, with its three charts.
    let shot = chromium::screenshot(b.dir.path(), &ops_page, "ops.png");
    chromium::assert_not_blank(b.dir.path(), &shot);
    let ops_dom = chromium::dump_dom(b.dir.path(), &ops_page);
    assert_eq!(ops_dom.matches("<svg").count(), 3, "{ops_dom}");
    let dom = look_at(&b, &page);
    assert!(dom.contains("acme"), "the demo's customer is named");
    // The tour opened findings in eight sources, a scenario recovered one, and its silence
    // held one back: the numbers say so.
    assert!(json["alerts"]["total"].as_u64().unwrap() >= 10, "{json}");
    assert_eq!(json["scenarios"]["recovered"], 1, "{json}");
    assert!(json["handled"]["scenario"].as_u64().unwrap() >= 1, "{json}");
    assert!(!json["silenced"].as_array().unwrap().is_empty(), "{json}");
}
