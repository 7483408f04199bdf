//! The Backlog issue sink through the built binary against the sandbox's Backlog: issues
//! and comments written in the project's own notation, and issues that reach a person
//! (assignee, notified users, category).

use crate::common;

use common::cli::*;

/// The sandbox's config plus a second Backlog sink `md` on project `MD`, both routed.
fn two_projects(b: &Bench) {
    b.sandbox.backlog_set_text_formatting_rule("OPS", "backlog").unwrap();
    b.sandbox.backlog_add_project("MD", "Markdown project", "markdown").unwrap();
    b.write_config(&format!(
        "{}{}\n[sinks.md]\ntype = \"backlog_issue\"\nproject = \"MD\"\nissue_type = \"Task\"\n\n[[routes]]\nsinks = [\"backlog\", \"md\"]\n",
        b.defaults(),
        b.sandbox.sinks_toml()
    ));
}

fn text_of(issue: &serde_json::Value, field: &str) -> String {
    issue[field].as_str().unwrap_or_default().to_string()
}

#[test]
fn issues_and_comments_are_written_in_the_notation_of_their_project() {
    let b = Bench::new();
    two_projects(&b);
    let a = b.push("disk", &one("disk/db-1", "warning", "Disk almost full on db-1")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let a = b.push("disk", &one("disk/db-1", "critical", "Disk almost full on db-1")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));

    let issues = b.sandbox.backlog_issues();
    assert_eq!(issues.len(), 2, "{issues:?}");
    let by_key = |prefix: &str| {
        issues.iter().find(|i| text_of(i, "issueKey").starts_with(prefix)).unwrap_or_else(|| panic!("{issues:?}"))
    };
    let (notation, markdown) = (by_key("OPS-"), by_key("MD-"));

    let description = text_of(notation, "description");
    let comments = b.sandbox.backlog_comments(&text_of(notation, "issueKey"));
    assert_eq!(comments.len(), 1, "{comments:?}");
    let comment = text_of(&comments[0], "content");
    for text in [&description, &comment] {
        for markdown_only in ["|---|", "###", "| Field |"] {
            assert!(!text.contains(markdown_only), "`{markdown_only}` in a backlog-notation text:\n{text}");
        }
        // `** ` opens a second-level heading in Backlog notation; anywhere else it is Markdown bold.
        let bold = text.lines().find(|l| l.strip_prefix("** ").unwrap_or(l).contains("**"));
        assert_eq!(bold, None, "markdown bold in a backlog-notation text:\n{text}");
    }
    assert!(description.contains("|Field|Value|h"), "{description}");
    assert!(description.contains("|used|91%|"), "{description}");
    assert!(description.contains("''WARNING: Disk almost full on db-1''"), "{description}");
    assert!(comment.contains("|What|Before|Now|h"), "{comment}");
    assert!(comment.contains("|severity|warning|critical|"), "{comment}");

    // The Markdown project keeps Markdown.
    let description = text_of(markdown, "description");
    assert!(description.contains("| Field | Value |\n|---|---|"), "{description}");
    let comments = b.sandbox.backlog_comments(&text_of(markdown, "issueKey"));
    assert!(text_of(&comments[0], "content").contains("| severity | warning | critical |"), "{comments:?}");
}

/// The sandbox's config with `extra` lines added to its `backlog` sink, all routed there.
fn backlog_sink_with(b: &Bench, extra: &str) {
    let sinks = b.sandbox.sinks_toml().replace(
        "[sinks.backlog]\ntype = \"backlog_issue\"\n",
        &format!("[sinks.backlog]\ntype = \"backlog_issue\"\n{extra}\n"),
    );
    assert!(sinks.contains(extra), "the sandbox's sinks changed shape:\n{sinks}");
    b.write_config(&format!("{}{sinks}\n[[routes]]\nsinks = [\"backlog\"]\n", b.defaults()));
}

/// The form fields of the requests that reached `path` under the sandbox's Backlog.
fn forms_to(b: &Bench, method: &str, path: &str) -> Vec<Vec<(String, String)>> {
    let path = format!("{}/api/v2{path}", opskit_sandbox::BACKLOG_PREFIX);
    b.sandbox.requests().into_iter().filter(|r| r.method == method && r.path == path).map(|r| r.form()).collect()
}

fn values<'a>(form: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    form.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect()
}

#[test]
fn assignee_notified_users_and_category_reach_the_issue_and_its_comments() {
    let b = Bench::new();
    // By userId, by display name in another case, and by numeric id.
    backlog_sink_with(&b, "assignee = \"tanaka\"\nnotify = [\"suzuki hanako\", \"9001\"]\ncategory = \"Network\"");
    let a = b.push("disk", &one("disk/db-1", "warning", "Disk almost full on db-1")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));

    let creates = forms_to(&b, "POST", "/issues");
    assert_eq!(creates.len(), 1, "{creates:?}");
    assert_eq!(values(&creates[0], "assigneeId"), ["9002"], "{creates:?}");
    assert_eq!(values(&creates[0], "notifiedUserId[]"), ["9003", "9001"], "{creates:?}");
    assert_eq!(values(&creates[0], "categoryId[]"), ["30001"], "{creates:?}");
    let issue = &b.sandbox.backlog_issues()[0];
    assert_eq!(issue["assignee"]["userId"], "tanaka");
    assert_eq!(issue["category"][0]["name"], "Network");

    // A follow-up comment tells the same people.
    let a = b.push("disk", &one("disk/db-1", "critical", "Disk almost full on db-1")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let comments = forms_to(&b, "POST", "/issues/OPS-1/comments");
    assert_eq!(comments.len(), 1, "{:?}", b.sandbox.requests());
    assert_eq!(values(&comments[0], "notifiedUserId[]"), ["9003", "9001"]);
    // And the resolving PATCH too.
    let a = b.push("disk", "[]").assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let patches = forms_to(&b, "PATCH", "/issues/OPS-1");
    assert_eq!(patches.len(), 1);
    assert_eq!(values(&patches[0], "notifiedUserId[]"), ["9003", "9001"]);
}

#[test]
fn an_unknown_assignee_or_category_fails_the_delivery_by_name_and_creates_nothing() {
    let b = Bench::new();
    backlog_sink_with(&b, "assignee = \"tanak\"");
    let a = b.push("disk", &one("disk/db-1", "warning", "Disk almost full on db-1")).assert();
    assert_eq!(code(&a), 3, "stderr: {}", stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains("assignee user `tanak` is not a member of backlog project OPS; near: tanaka (Tanaka Taro)"),
        "{err}"
    );
    assert!(b.sandbox.backlog_issues().is_empty(), "no issue without its assignee");
    assert!(forms_to(&b, "POST", "/issues").is_empty());
    assert_eq!(b.state_told("disk"), [], "owed to the next run");

    // An unknown category the same.
    backlog_sink_with(&b, "assignee = \"Tanaka Taro\"\ncategory = \"Netwrk\"");
    let a = b.push("disk", &one("disk/db-1", "warning", "Disk almost full on db-1")).assert();
    assert_eq!(code(&a), 3, "stderr: {}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains("category `Netwrk` not found in backlog project OPS; known: Network, Database"), "{err}");
    assert!(b.sandbox.backlog_issues().is_empty());

    // Fixed, the next run delivers what was owed.
    backlog_sink_with(&b, "assignee = \"Tanaka Taro\"\ncategory = \"network\"");
    let a = b.push("disk", &one("disk/db-1", "warning", "Disk almost full on db-1")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let issues = b.sandbox.backlog_issues();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0]["assignee"]["name"], "Tanaka Taro");
}

/// The sandbox's config with `extra` lines on its `backlog` sink and `routes` after it.
fn backlog_routes(b: &Bench, extra: &str, routes: &str) -> std::path::PathBuf {
    let sinks = b.sandbox.sinks_toml().replace(
        "[sinks.backlog]\ntype = \"backlog_issue\"\n",
        &format!("[sinks.backlog]\ntype = \"backlog_issue\"\n{extra}\n"),
    );
    assert!(sinks.contains(extra), "the sandbox's sinks changed shape:\n{sinks}");
    b.write_config(&format!("{}{sinks}\n{routes}", b.defaults()))
}

#[test]
fn a_routes_backlog_table_replaces_the_sinks_assignee_notify_and_category_key_by_key() {
    let b = Bench::new();
    backlog_routes(
        &b,
        "assignee = \"suzuki\"\nnotify = [\"sandbox\"]\ncategory = \"Database\"",
        "[[routes]]\nname = \"acme\"\nsources = [\"net\"]\nsinks = [\"backlog\"]\n\
         backlog = { assignee = \"tanaka\", notify = [\"Suzuki Hanako\"], category = \"Network\" }\n\n\
         [[routes]]\nname = \"db-team\"\nsources = [\"db\"]\nsinks = [\"backlog\"]\nbacklog = { assignee = \"9001\" }\n\n\
         [[routes]]\nsinks = [\"backlog\"]\n",
    );
    for (source, key) in [("net", "net/vif-1"), ("db", "db/db-1"), ("disk", "disk/web-1")] {
        let a = b.push(source, &one(key, "warning", &format!("trouble on {key}"))).assert();
        assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    }
    let creates = forms_to(&b, "POST", "/issues");
    assert_eq!(creates.len(), 3, "{creates:?}");
    let people = |form: &[(String, String)]| {
        (
            values(form, "assigneeId").concat(),
            values(form, "notifiedUserId[]").join(","),
            values(form, "categoryId[]").concat(),
        )
    };
    let wanted = |a: &str, n: &str, c: &str| (a.to_string(), n.to_string(), c.to_string());
    // Every key replaced on `acme`; only the assignee on `db-team`; the sink's own elsewhere.
    assert_eq!(people(&creates[0]), wanted("9002", "9003", "30001"), "{creates:?}");
    assert_eq!(people(&creates[1]), wanted("9001", "9001", "30002"), "{creates:?}");
    assert_eq!(people(&creates[2]), wanted("9003", "9001", "30002"), "{creates:?}");
    let issues = b.sandbox.backlog_issues();
    assert_eq!(issues[0]["assignee"]["userId"], "tanaka");
    assert_eq!(issues[0]["category"][0]["name"], "Network");

    // A follow-up on `acme` comments to the route's people; the issue keeps its assignee.
    let a = b.push("net", &one("net/vif-1", "critical", "trouble on net/vif-1")).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let comments = forms_to(&b, "POST", "/issues/OPS-1/comments");
    assert_eq!(comments.len(), 1, "{:?}", b.sandbox.requests());
    assert_eq!(values(&comments[0], "notifiedUserId[]"), ["9003"]);
    assert!(values(&comments[0], "assigneeId").is_empty(), "{comments:?}");
    assert_eq!(b.sandbox.backlog_issues()[0]["assignee"]["userId"], "tanaka");

    // `config check` shows each route's overrides beside its sinks.
    let a = b.opskit().args(["config", "check", "-o", "wide"]).assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let out = stdout(&a);
    let row = |route: &str| out.lines().find(|l| l.contains(&format!(" {route} "))).unwrap_or_default().to_string();
    assert!(row("acme").contains("backlog (backlog assignee tanaka, notify Suzuki Hanako, category Network)"), "{out}");
    assert!(row("db-team").contains("backlog (backlog assignee 9001)"), "{out}");
}

#[test]
fn an_unknown_name_in_a_routes_backlog_table_fails_that_delivery_by_name_and_creates_nothing() {
    let b = Bench::new();
    backlog_routes(
        &b,
        "assignee = \"tanaka\"",
        "[[routes]]\nname = \"acme\"\nsinks = [\"backlog\"]\nbacklog = { assignee = \"suzuk\", category = \"Network\" }\n",
    );
    let a = b.push("net", &one("net/vif-1", "warning", "trouble on net/vif-1")).assert();
    assert_eq!(code(&a), 3, "stderr: {}", stderr(&a));
    let err = stderr(&a);
    assert!(
        err.contains("route `acme`'s assignee user `suzuk` is not a member of backlog project OPS; near: suzuki"),
        "{err}"
    );
    assert!(b.sandbox.backlog_issues().is_empty(), "no issue without the route's assignee");
    assert!(forms_to(&b, "POST", "/issues").is_empty());
    assert_eq!(b.state_told("net"), [], "owed to the next run");
}

#[test]
fn a_routes_backlog_table_is_checked_like_the_rest_of_the_config() {
    let b = Bench::new();
    let cases = [
        // On a route without a backlog_issue sink it would do nothing.
        (
            "sinks = [\"slack\"]\nbacklog = { assignee = \"tanaka\" }",
            "routes[0].backlog",
            "applies to `backlog_issue` sinks",
        ),
        (
            "sinks = [\"backlog\"]\nbacklog = { assigne = \"tanaka\" }",
            "routes[0].backlog.assigne",
            "unknown key `assigne`",
        ),
        ("sinks = [\"backlog\"]\nbacklog = { assignee = \" \" }", "routes[0].backlog.assignee", "is empty"),
        ("sinks = [\"backlog\"]\nbacklog = { notify = [\"\"] }", "routes[0].backlog.notify", "is empty"),
        ("sinks = [\"backlog\"]\nbacklog = { category = \"\" }", "routes[0].backlog.category", "is empty"),
    ];
    for (route, key, message) in cases {
        let cfg = backlog_routes(&b, "", &format!("[[routes]]\n{route}\n"));
        let a = b.opskit().args(["config", "check", "--config"]).arg(&cfg).assert();
        assert_eq!(code(&a), 2, "{route}: {}", stderr(&a));
        let err = stderr(&a);
        assert!(err.contains(key) && err.contains(message) && err.contains("opskit.toml"), "{route}: {err}");
    }
    // The route without a backlog_issue sink is told what to do.
    let cfg = backlog_routes(&b, "", "[[routes]]\nsinks = [\"slack\"]\nbacklog = { assignee = \"tanaka\" }\n");
    let a = b.opskit().args(["config", "check", "--config"]).arg(&cfg).assert();
    assert!(stderr(&a).contains("hint: add a sink of `type = \"backlog_issue\"`"), "{}", stderr(&a));
}

#[test]
fn backlog_notation_in_a_finding_shows_as_written_and_markdown_projects_keep_theirs() {
    let b = Bench::new();
    two_projects(&b);
    let doc = serde_json::json!([{
        "key": "disk/db-1", "severity": "warning", "title": "''x'' [[y]]",
        "summary": "* not a heading\n{code}rm -rf{/code}&br;done",
        "account": "111122223333", "resources": ["-vol-1"],
    }]);
    let a = b.push("disk", &doc.to_string()).assert();
    assert_eq!(code(&a), 0, "stderr: {}", stderr(&a));
    let issues = b.sandbox.backlog_issues();
    let by_key = |prefix: &str| {
        issues.iter().find(|i| text_of(i, "issueKey").starts_with(prefix)).unwrap_or_else(|| panic!("{issues:?}"))
    };
    let description = text_of(by_key("OPS-"), "description");
    for markup in ["''x''", "[[y]]", "\n* not", "\n{code}", "}&br;", "\n- -vol-1"] {
        assert!(!description.contains(markup), "`{markup}` left as markup:\n{description}");
    }
    // Escaped, not dropped; the template's own bold and list stay markup.
    assert!(description.starts_with("''WARNING: '\\'x'\\' [\\[y]\\]''"), "{description}");
    assert!(description.contains("\n\\* not a heading\n\\{code}rm -rf\\{/code}\\&br;done"), "{description}");
    assert!(description.contains("\n- \\-vol-1"), "{description}");

    // The Markdown project renders the same finding with its own escaping, none of Backlog's.
    let description = text_of(by_key("MD-"), "description");
    assert!(description.starts_with("**WARNING: ''x'' [[y]]**"), "{description}");
    assert!(!description.contains('\\'), "{description}");
}
