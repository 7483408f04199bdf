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
