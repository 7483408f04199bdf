//! The Backlog issue sink: one Backlog issue per finding (Backlog API v2 through
//! [`crate::backlog::BacklogClient`]).
//!
//! New creates an issue and hands back its key as the receipt's `external_ref`; the spine
//! remembers it and passes it back on follow-ups, which become comments on that issue.
//! Resolved comments and, when `resolve_status` is set, moves the issue to that status in
//! the same PATCH; a later Reopened then moves it back to the project's first status. Project, issue type, priority and status are configured by *name* and
//! resolved to ids once per notifier, because ids differ per space and project.
//!
//! An issue reaches a person: `assignee` (a member's id, userId or name), `notify`
//! (members told of the issue and of every comment) and `category` (a category name) are
//! resolved against the project with the other names, once. An unknown one fails the
//! delivery, named, with the near members or the categories in a hint: an issue quietly
//! created without its assignee is the issue nobody sees. A route's `backlog` table
//! ([`Message::route_backlog`]) replaces any of the three for the findings it routes; its
//! names resolve the same way, against the members and categories read once per run.
//!
//! Descriptions and comments are rendered in the project's own markup: its
//! `textFormattingRule` (read with the ids, once) picks the Markdown templates or the
//! Backlog-notation ones, so a `backlog` project never shows raw `**`, `|---|` or `###`.
//!
//! The spine owns a sink's retries (and how long it may wait), so the client is set to
//! hand a 429 straight back with its `retry_after` instead of waiting on its own.

use super::fit::{Bounds, bounded_message, fit_chars};
use super::templates::{self, Templates, one_line};
use crate::backlog::{
    BacklogClient, BacklogError, Form, IssueUpdate, Named, NewIssue, RateLimitPolicy, TextFormattingRule, User,
};
use crate::config::RouteBacklog;
use crate::spine::deliver::{Message, Notifier, Receipt, SinkError};
use crate::spine::finding::TransitionKind;
use async_trait::async_trait;
use std::sync::Arc;
use tokio::sync::OnceCell;

// Backlog's API reference states no lengths; these were measured against the API (its
// own 400 answers: "The Subject must be no shorter than 1 and no longer than 255.", "The
// Description must be no longer than 100,000 characters.", and 50,000 for a comment),
// as recorded in https://qiita.com/otLenz/items/8e21020b37880f6392c6 (July 2025) and our
// backlog-api.md §5. UNCONFIRMED in Backlog's official documentation, so a little is kept
// in reserve below each.
/// Backlog refuses a longer issue summary (characters).
const MAX_SUMMARY: usize = 255;
/// Backlog refuses a longer description (characters); 1,000 kept in reserve.
const MAX_DESCRIPTION: usize = 99_000;
/// Backlog refuses a longer comment (characters); 1,000 kept in reserve.
const MAX_COMMENT: usize = 49_000;

/// Who an issue reaches, as configured (names or ids); resolved on first use.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recipients {
    /// A member's numeric id, userId or display name.
    pub assignee: Option<String>,
    /// Members told of the new issue and of each comment.
    pub notify: Vec<String>,
    /// A category name of the project.
    pub category: Option<String>,
}

impl Recipients {
    fn wants_users(&self) -> bool {
        self.assignee.is_some() || !self.notify.is_empty()
    }

    /// These recipients with a route's overrides applied, key by key.
    fn overridden_by(&self, route: &RouteBacklog) -> Recipients {
        Recipients {
            assignee: route.assignee.clone().or_else(|| self.assignee.clone()),
            notify: route.notify.clone().unwrap_or_else(|| self.notify.clone()),
            category: route.category.clone().or_else(|| self.category.clone()),
        }
    }
}

/// The ids behind a [`Recipients`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct People {
    assignee_id: Option<u64>,
    notified_user_ids: Vec<u64>,
    category_ids: Vec<u64>,
}

/// The ids behind the configured names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ids {
    project_id: u64,
    issue_type_id: u64,
    priority_id: u64,
    resolve_status_id: Option<u64>,
    /// The project's first status (Backlog lists them in display order: "Open"), for
    /// moving a closed issue back when its finding reopens.
    reopen_status_id: Option<u64>,
    /// The project's `textFormattingRule` is `backlog` (else Markdown).
    notation: bool,
    /// The project's key, for the member and category lookups a route's overrides need.
    project_key: String,
    /// The sink's own recipients.
    people: People,
}

pub struct BacklogIssueNotifier {
    name: String,
    client: BacklogClient,
    project: String,
    issue_type: String,
    priority: String,
    resolve_status: Option<String>,
    recipients: Recipients,
    templates: Arc<Templates>,
    /// Filled on first use; a failed lookup is not cached, so a transient error retries.
    ids: OnceCell<Ids>,
    /// The project's members and categories, read once when a name needs them.
    users: OnceCell<Vec<User>>,
    categories: OnceCell<Vec<Named>>,
}

/// Whom a message reaches, as `--dry-run` shows it (ids or `<id of ...>`).
struct PeoplePreview {
    assignee: Option<String>,
    notified: Vec<String>,
    category: Option<String>,
}

/// What one message turns into.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    Create {
        summary: String,
        description: String,
    },
    Reopen {
        issue_key: String,
        content: String,
    },
    Comment {
        issue_key: String,
        content: String,
    },
    /// Resolved with a status to set: one PATCH carrying the status and the comment.
    Close {
        issue_key: String,
        content: String,
    },
    /// Resolved but no issue was ever created through this sink: nothing to tell.
    Nothing,
}

impl BacklogIssueNotifier {
    pub fn new(
        name: &str,
        client: BacklogClient,
        project: String,
        issue_type: String,
        priority: String,
        resolve_status: Option<String>,
        templates: Arc<Templates>,
    ) -> Self {
        BacklogIssueNotifier {
            name: name.to_string(),
            client: client.with_rate_limit(RateLimitPolicy::HAND_BACK),
            project,
            issue_type,
            priority,
            resolve_status,
            recipients: Recipients::default(),
            templates,
            ids: OnceCell::new(),
            users: OnceCell::new(),
            categories: OnceCell::new(),
        }
    }

    /// Who the issues reach: assignee, notified members, category.
    pub fn with_recipients(mut self, recipients: Recipients) -> Self {
        self.recipients = recipients;
        self
    }

    fn what(&self) -> String {
        format!("backlog_issue sink `{}`", self.name)
    }

    fn map_err(&self, err: BacklogError) -> SinkError {
        let message = format!("{}: {err}", self.what());
        if err.is_retryable() {
            SinkError::retryable(message, err.retry_after())
        } else {
            SinkError::permanent(message)
        }
    }

    async fn ids(&self) -> Result<Ids, SinkError> {
        self.ids
            .get_or_try_init(|| async {
                let c = &self.client;
                let project = c.project(&self.project).await.map_err(|e| self.map_err(e))?;
                // The key, not the id: both are accepted and the key reads better in logs.
                let key = project.project_key.clone();
                let types = c.issue_types(&key).await.map_err(|e| self.map_err(e))?;
                let issue_type_id = self.pick("issue type", &self.issue_type, &types)?;
                let priorities = c.priorities().await.map_err(|e| self.map_err(e))?;
                let priority_id = self.pick("priority", &self.priority, &priorities)?;
                let (resolve_status_id, reopen_status_id) = match &self.resolve_status {
                    Some(s) => {
                        let statuses = c.statuses(&key).await.map_err(|e| self.map_err(e))?;
                        (Some(self.pick("status", s, &statuses)?), statuses.first().map(|st| st.id))
                    }
                    None => (None, None),
                };
                // Backlog's own default for projects that predate the setting is its notation;
                // an absent or unknown rule is rendered as Markdown only when it says so.
                let notation = !matches!(project.text_formatting_rule, Some(TextFormattingRule::Markdown));
                let people = self.people(&key, &self.recipients, "").await?;
                Ok(Ids {
                    project_id: project.id,
                    issue_type_id,
                    priority_id,
                    resolve_status_id,
                    reopen_status_id,
                    notation,
                    project_key: key,
                    people,
                })
            })
            .await
            .cloned()
    }

    /// The ids of `r`'s names in project `key`; `whose` prefixes the setting in an error
    /// (a route's override names its route). Members and categories are asked for only
    /// when a name needs them, and once.
    async fn people(&self, key: &str, r: &Recipients, whose: &str) -> Result<People, SinkError> {
        let users: &[User] = if r.wants_users() {
            self.users
                .get_or_try_init(|| async { self.client.project_users(key).await.map_err(|e| self.map_err(e)) })
                .await?
        } else {
            &[]
        };
        let assignee_id =
            r.assignee.as_deref().map(|a| self.pick_user(&format!("{whose}assignee"), a, users)).transpose()?;
        let notified_user_ids = r
            .notify
            .iter()
            .map(|n| self.pick_user(&format!("{whose}notify"), n, users))
            .collect::<Result<Vec<_>, _>>()?;
        let category_ids = match &r.category {
            Some(name) => {
                let categories = self
                    .categories
                    .get_or_try_init(|| async { self.client.categories(key).await.map_err(|e| self.map_err(e)) })
                    .await?;
                vec![self.pick(&format!("{whose}category"), name, categories)?]
            }
            None => Vec::new(),
        };
        Ok(People { assignee_id, notified_user_ids, category_ids })
    }

    /// Whom `msg` reaches: the sink's recipients, or its route's overrides of them.
    async fn people_for(&self, msg: &Message, ids: &Ids) -> Result<People, SinkError> {
        match &msg.route_backlog {
            None => Ok(ids.people.clone()),
            Some(route) => {
                let whose = format!("route `{}`'s ", route.route);
                self.people(&ids.project_key, &self.recipients.overridden_by(route), &whose).await
            }
        }
    }

    /// Whom `msg` reaches as a dry run shows it, key by key: the sink's ids once known,
    /// else names (a route's overrides are shown by name: a dry run looks nothing up).
    fn people_preview(&self, msg: &Message, ids: Option<&Ids>) -> PeoplePreview {
        let route = msg.route_backlog.as_ref();
        let r = route.map_or_else(|| self.recipients.clone(), |o| self.recipients.overridden_by(o));
        // The sink's ids stand for a key only where the route does not replace it.
        let sink = |replaced: bool| ids.map(|i| &i.people).filter(|_| !replaced);
        let assignee = r.assignee.as_deref().map(|a| {
            match sink(route.is_some_and(|o| o.assignee.is_some())).and_then(|p| p.assignee_id) {
                Some(id) => id.to_string(),
                None => format!("<id of user {a}>"),
            }
        });
        let notified = match sink(route.is_some_and(|o| o.notify.is_some())) {
            Some(p) => p.notified_user_ids.iter().map(u64::to_string).collect(),
            None => r.notify.iter().map(|n| format!("<id of user {n}>")).collect(),
        };
        let category = r.category.as_deref().map(|c| {
            match sink(route.is_some_and(|o| o.category.is_some())).and_then(|p| p.category_ids.first().copied()) {
                Some(id) => id.to_string(),
                None => format!("<id of category {c}>"),
            }
        });
        PeoplePreview { assignee, notified, category }
    }

    /// The id of member `wanted` (`what` is the setting): its numeric id, userId or display
    /// name, exactly, else ignoring case when that leaves one.
    fn pick_user(&self, what: &str, wanted: &str, users: &[User]) -> Result<u64, SinkError> {
        let user_id = |u: &User| u.user_id.clone().unwrap_or_default();
        let exact = users
            .iter()
            .find(|u| wanted.parse::<u64>().is_ok_and(|id| id == u.id) || user_id(u) == wanted || u.name == wanted);
        if let Some(u) = exact {
            return Ok(u.id);
        }
        let folded: Vec<&User> = users
            .iter()
            .filter(|u| user_id(u).eq_ignore_ascii_case(wanted) || u.name.eq_ignore_ascii_case(wanted))
            .collect();
        if let [one] = folded.as_slice() {
            return Ok(one.id);
        }
        let shown = |u: &&User| format!("{} ({})", user_id(u), u.name);
        // Near: shares a word or a 3-letter start with what was written; else every member.
        let low = wanted.to_lowercase();
        let near: Vec<String> = users
            .iter()
            .filter(|u| {
                let hay = format!("{} {}", user_id(u), u.name).to_lowercase();
                hay.contains(&low) || low.split_whitespace().any(|w| w.len() >= 3 && hay.contains(&w[..3]))
            })
            .map(|u| shown(&u))
            .collect();
        let (label, list) = if near.is_empty() {
            ("members", users.iter().take(20).map(|u| shown(&u)).collect::<Vec<_>>())
        } else {
            ("near", near)
        };
        Err(SinkError::permanent(format!(
            "{}: {what} user `{wanted}` is not a member of backlog project {}; {label}: {}",
            self.what(),
            self.project,
            if list.is_empty() { "(none)".to_string() } else { list.join(", ") }
        )))
    }

    /// The id of `wanted` among `known`: exact name first, then ignoring case (Backlog
    /// shows names as typed; people write `closed` for `Closed`).
    fn pick(&self, what: &str, wanted: &str, known: &[Named]) -> Result<u64, SinkError> {
        if let Some(n) = known.iter().find(|n| n.name == wanted) {
            return Ok(n.id);
        }
        let folded: Vec<&Named> = known.iter().filter(|n| n.name.eq_ignore_ascii_case(wanted)).collect();
        if let [one] = folded.as_slice() {
            return Ok(one.id);
        }
        let names: Vec<&str> = known.iter().map(|n| n.name.as_str()).collect();
        Err(SinkError::permanent(format!(
            "{}: {what} `{wanted}` not found in backlog project {}; known: {}",
            self.what(),
            self.project,
            if names.is_empty() { "(none)".to_string() } else { names.join(", ") }
        )))
    }

    /// `notation`: render for a Backlog-notation project (see [`Ids::notation`]).
    fn action(&self, msg: &Message, notation: bool) -> Result<Action, SinkError> {
        let (description_template, comment_template) = if notation {
            (templates::BACKLOG_ISSUE_DESCRIPTION_NOTATION, templates::BACKLOG_COMMENT_NOTATION)
        } else {
            (templates::BACKLOG_ISSUE_DESCRIPTION, templates::BACKLOG_COMMENT)
        };
        // The finding's free text is cut before rendering (a template may put the summary
        // above the account); the rendered text is cut again as a backstop, because table
        // cells escape and the template adds its own lines. Half the limit leaves room.
        let render = |name: &str, max: usize| -> Result<String, SinkError> {
            let bounded = bounded_message(msg, Bounds::for_budget(max / 2));
            Ok(fit_chars(self.templates.render(name, &bounded)?.trim(), max))
        };
        let create = || -> Result<Action, SinkError> {
            let bounded = bounded_message(msg, Bounds::for_budget(MAX_DESCRIPTION / 2));
            let summary = one_line(&self.templates.render(templates::BACKLOG_ISSUE_SUMMARY, &bounded)?);
            Ok(Action::Create {
                summary: fit_chars(&summary, MAX_SUMMARY),
                description: render(description_template, MAX_DESCRIPTION)?,
            })
        };
        let issue_key = msg.external_ref.clone();
        Ok(match (msg.kind, issue_key) {
            (TransitionKind::New, _) => create()?,
            // Without an issue to comment on, a follow-up still deserves an issue.
            (TransitionKind::Changed | TransitionKind::Reopened, None) => create()?,
            // The sink closed the issue on resolve, so a reopen opens it again.
            (TransitionKind::Reopened, Some(issue_key)) if self.resolve_status.is_some() => {
                Action::Reopen { issue_key, content: render(comment_template, MAX_COMMENT)? }
            }
            (TransitionKind::Changed | TransitionKind::Reopened, Some(issue_key)) => {
                Action::Comment { issue_key, content: render(comment_template, MAX_COMMENT)? }
            }
            (TransitionKind::Resolved, None) => Action::Nothing,
            (TransitionKind::Resolved, Some(issue_key)) => {
                let content = render(comment_template, MAX_COMMENT)?;
                if self.resolve_status.is_some() {
                    Action::Close { issue_key, content }
                } else {
                    Action::Comment { issue_key, content }
                }
            }
        })
    }
}

#[async_trait]
impl Notifier for BacklogIssueNotifier {
    fn name(&self) -> &str {
        &self.name
    }

    async fn send(&self, msg: &Message) -> Result<Receipt, SinkError> {
        // Nothing is looked up for a message that sends nothing; otherwise the ids come
        // first, because the project's notation decides how the text is rendered.
        if msg.kind == TransitionKind::Resolved && msg.external_ref.is_none() {
            tracing::debug!(
                sink = %self.name,
                key = %msg.finding.key,
                "resolved finding has no backlog issue; nothing to send"
            );
            return Ok(Receipt::default());
        }
        let ids = self.ids().await?;
        // Resolved before anything is sent: a route's unknown name creates nothing.
        let people = self.people_for(msg, &ids).await?;
        match self.action(msg, ids.notation)? {
            Action::Create { summary, description } => {
                let issue = self
                    .client
                    .create_issue(&NewIssue {
                        project_id: ids.project_id,
                        summary,
                        issue_type_id: ids.issue_type_id,
                        priority_id: ids.priority_id,
                        description,
                        assignee_id: people.assignee_id,
                        notified_user_ids: people.notified_user_ids,
                        category_ids: people.category_ids,
                    })
                    .await
                    .map_err(|e| self.map_err(e))?;
                Ok(Receipt { external_ref: Some(issue.issue_key) })
            }
            Action::Comment { issue_key, content } => {
                self.client
                    .add_comment(&issue_key, &content, &people.notified_user_ids)
                    .await
                    .map_err(|e| self.map_err(e))?;
                Ok(Receipt { external_ref: Some(issue_key) })
            }
            Action::Close { issue_key, content } | Action::Reopen { issue_key, content } => {
                let status_id = if matches!(msg.kind, TransitionKind::Reopened) {
                    ids.reopen_status_id
                } else {
                    ids.resolve_status_id
                };
                self.client
                    .update_issue(
                        &issue_key,
                        &IssueUpdate { status_id, comment: Some(content), notified_user_ids: people.notified_user_ids },
                    )
                    .await
                    .map_err(|e| self.map_err(e))?;
                Ok(Receipt { external_ref: Some(issue_key) })
            }
            Action::Nothing => Ok(Receipt::default()),
        }
    }

    /// Shows names where ids are not yet known: a dry run makes no request.
    fn preview(&self, msg: &Message) -> Result<String, SinkError> {
        let ids = self.ids.get().cloned();
        let base = self.client.base_url();
        let id_or = |id: Option<u64>, what: &str, name: &str| match id {
            Some(id) => id.to_string(),
            None => format!("<id of {what} {name}>"),
        };
        let people = self.people_preview(msg, ids.as_ref());
        // Before the first lookup the notation is not known: Markdown is shown.
        let (method, path, form) = match self.action(msg, ids.as_ref().is_some_and(|i| i.notation))? {
            Action::Nothing => {
                return Ok(format!("(nothing: finding {} has no backlog issue to resolve)", msg.finding.key));
            }
            Action::Create { summary, description } => (
                "POST",
                "/api/v2/issues".to_string(),
                Form::new()
                    .set("projectId", id_or(ids.as_ref().map(|i| i.project_id), "project", &self.project))
                    .set("summary", summary)
                    .set("issueTypeId", id_or(ids.as_ref().map(|i| i.issue_type_id), "issue type", &self.issue_type))
                    .set("priorityId", id_or(ids.as_ref().map(|i| i.priority_id), "priority", &self.priority))
                    .set("description", description)
                    .set_opt("assigneeId", people.assignee)
                    .array("notifiedUserId", people.notified)
                    .array("categoryId", people.category),
            ),
            Action::Comment { issue_key, content } => (
                "POST",
                format!("/api/v2/issues/{issue_key}/comments"),
                Form::new().set("content", content).array("notifiedUserId", people.notified),
            ),
            Action::Close { issue_key, content } => (
                "PATCH",
                format!("/api/v2/issues/{issue_key}"),
                Form::new()
                    .set(
                        "statusId",
                        id_or(
                            ids.as_ref().and_then(|i| i.resolve_status_id),
                            "status",
                            self.resolve_status.as_deref().unwrap_or_default(),
                        ),
                    )
                    .set("comment", content),
            ),
            Action::Reopen { issue_key, content } => (
                "PATCH",
                format!("/api/v2/issues/{issue_key}"),
                Form::new()
                    .set(
                        "statusId",
                        id_or(ids.as_ref().and_then(|i| i.reopen_status_id), "status", "(the project's first)"),
                    )
                    .set("comment", content),
            ),
        };
        let mut out = format!("{method} {base}{path}?apiKey=****\n");
        for (k, v) in form.pairs() {
            out.push_str(&format!("{k}: {v}\n"));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::Secret;
    use crate::sinks::test_support::{changed_message, http, message, sample_finding, templates};
    use opskit_sandbox::{BACKLOG_API_KEY, BACKLOG_PREFIX, BACKLOG_PROJECT_KEY, Fault, Sandbox};

    fn client(sb: &Sandbox) -> BacklogClient {
        BacklogClient::new(&sb.url(BACKLOG_PREFIX), Secret::new(BACKLOG_API_KEY), http())
    }

    fn sink(sb: &Sandbox, issue_type: &str, resolve_status: Option<&str>) -> BacklogIssueNotifier {
        BacklogIssueNotifier::new(
            "tickets",
            client(sb),
            BACKLOG_PROJECT_KEY.to_string(),
            issue_type.to_string(),
            "High".to_string(),
            resolve_status.map(str::to_owned),
            templates(),
        )
    }

    #[tokio::test]
    async fn backlog_new_creates_issue_changed_comments_resolved_comments_and_closes() {
        let sb = Sandbox::start().await.unwrap();
        let n = sink(&sb, "Bug", Some("Closed"));

        let created = n.send(&message(TransitionKind::New, sample_finding())).await.unwrap();
        assert_eq!(created.external_ref.as_deref(), Some("OPS-1"));
        let issues = sb.backlog_issues();
        assert_eq!(issues.len(), 1);
        let issue = &issues[0];
        assert_eq!(issue["issueType"]["name"], "Bug");
        assert_eq!(issue["priority"]["name"], "High");
        let summary = issue["summary"].as_str().unwrap();
        assert!(summary.contains("VIF dxvif-fg5678 BGP is down"), "{summary}");
        let description = issue["description"].as_str().unwrap();
        assert!(description.contains("| Field | Value |"), "{description}");
        assert!(description.contains("| bgp | down |"), "{description}");
        assert!(description.contains("- `dxcon-abc`"), "{description}");

        let mut changed = changed_message();
        changed.external_ref = created.external_ref.clone();
        let r = n.send(&changed).await.unwrap();
        assert_eq!(r.external_ref.as_deref(), Some("OPS-1"));
        let comments = sb.backlog_comments("OPS-1");
        assert_eq!(comments.len(), 1);
        let content = comments[0]["content"].as_str().unwrap();
        assert!(content.contains("| state | available | down |"), "{content}");

        let mut resolved = message(TransitionKind::Resolved, sample_finding());
        resolved.external_ref = Some("OPS-1".into());
        let r = n.send(&resolved).await.unwrap();
        assert_eq!(r.external_ref.as_deref(), Some("OPS-1"));
        let comments = sb.backlog_comments("OPS-1");
        assert_eq!(comments.len(), 2);
        assert!(comments[1]["content"].as_str().unwrap().contains("RESOLVED: "));
        assert_eq!(sb.backlog_issues()[0]["status"]["name"], "Closed");

        // Ids were looked up once, not per message.
        let lookups = sb.requests_to(&format!("{BACKLOG_PREFIX}/api/v2/projects")).len();
        assert_eq!(lookups, 3, "project, issue types, statuses");
        // Nothing created twice; the receipt's key is what follow-ups used.
        assert_eq!(sb.backlog_issues().len(), 1);
    }

    #[tokio::test]
    async fn backlog_resolved_without_status_only_comments() {
        let sb = Sandbox::start().await.unwrap();
        let n = sink(&sb, "Task", None);
        let created = n.send(&message(TransitionKind::New, sample_finding())).await.unwrap();
        let mut resolved = message(TransitionKind::Resolved, sample_finding());
        resolved.external_ref = created.external_ref;
        n.send(&resolved).await.unwrap();
        assert_eq!(sb.backlog_issues()[0]["status"]["name"], "Open");
        assert_eq!(sb.backlog_comments("OPS-1").len(), 1);
        // A resolved finding that never got an issue sends nothing.
        let before = sb.requests().len();
        let r = n.send(&message(TransitionKind::Resolved, sample_finding())).await.unwrap();
        assert_eq!(r.external_ref, None);
        assert_eq!(sb.requests().len(), before);
    }

    #[tokio::test]
    async fn backlog_reopened_comments_with_a_ref_and_creates_without_one() {
        let sb = Sandbox::start().await.unwrap();
        let n = sink(&sb, "Task", None);
        let r = n.send(&message(TransitionKind::Reopened, sample_finding())).await.unwrap();
        assert_eq!(r.external_ref.as_deref(), Some("OPS-1"));
        let mut reopened = message(TransitionKind::Reopened, sample_finding());
        reopened.external_ref = r.external_ref;
        n.send(&reopened).await.unwrap();
        assert_eq!(sb.backlog_issues().len(), 1);
        let comments = sb.backlog_comments("OPS-1");
        assert_eq!(comments.len(), 1);
        assert!(comments[0]["content"].as_str().unwrap().contains("REOPENED"));
    }

    #[tokio::test]
    async fn backlog_reopened_after_close_moves_the_issue_back_to_open() {
        let sb = Sandbox::start().await.unwrap();
        let n = sink(&sb, "Task", Some("Closed"));
        let r = n.send(&message(TransitionKind::New, sample_finding())).await.unwrap();
        let mut resolved = message(TransitionKind::Resolved, sample_finding());
        resolved.external_ref = r.external_ref.clone();
        n.send(&resolved).await.unwrap();
        assert_eq!(sb.backlog_issues()[0]["status"]["name"], "Closed");
        let mut reopened = message(TransitionKind::Reopened, sample_finding());
        reopened.external_ref = r.external_ref;
        n.send(&reopened).await.unwrap();
        assert_eq!(sb.backlog_issues().len(), 1, "the same issue, not a new one");
        assert_eq!(sb.backlog_issues()[0]["status"]["name"], "Open");
        let comments = sb.backlog_comments("OPS-1");
        assert!(comments.last().unwrap()["content"].as_str().unwrap().contains("REOPENED"), "{comments:?}");
    }

    #[tokio::test]
    async fn backlog_unknown_issue_type_is_permanent_and_lists_known_names() {
        let sb = Sandbox::start().await.unwrap();
        let err = sink(&sb, "Incident", None).send(&message(TransitionKind::New, sample_finding())).await.unwrap_err();
        assert!(!err.is_retryable());
        let text = err.to_string();
        assert!(text.contains("issue type `Incident` not found"), "{text}");
        assert!(text.contains("Task, Bug, Request"), "{text}");

        let err =
            sink(&sb, "Bug", Some("Done")).send(&message(TransitionKind::New, sample_finding())).await.unwrap_err();
        assert!(err.to_string().contains("Open, In Progress, Resolved, Closed"), "{err}");
        assert!(sb.backlog_issues().is_empty());
    }

    #[tokio::test]
    async fn backlog_rate_limit_is_retryable_until_the_reset() {
        let sb = Sandbox::start().await.unwrap();
        let n = sink(&sb, "Bug", None);
        sb.inject(Fault::rate_limited(BACKLOG_PREFIX, 30, 1));
        match n.send(&message(TransitionKind::New, sample_finding())).await.unwrap_err() {
            SinkError::Retryable { retry_after, .. } => {
                let secs = retry_after.unwrap().as_secs();
                assert!((28..=31).contains(&secs), "{secs}");
            }
            other => panic!("expected retryable, got {other:?}"),
        }
        // The failed lookup was not cached: the next attempt resolves and creates.
        let r = n.send(&message(TransitionKind::New, sample_finding())).await.unwrap();
        assert_eq!(r.external_ref.as_deref(), Some("OPS-1"));
    }

    #[test]
    fn backlog_preview_names_what_is_not_resolved_yet_and_hides_the_key() {
        let n = BacklogIssueNotifier::new(
            "tickets",
            BacklogClient::new("https://space.backlog.com", Secret::new("previewapikey-abcdef"), http()),
            "OPS".into(),
            "Bug".into(),
            "High".into(),
            None,
            templates(),
        );
        let out = n.preview(&message(TransitionKind::New, sample_finding())).unwrap();
        assert!(out.starts_with("POST https://space.backlog.com/api/v2/issues?apiKey=****"));
        assert!(out.contains("projectId: <id of project OPS>"), "{out}");
        assert!(!out.contains("previewapikey"));
        assert!(!out.contains("assigneeId"), "nothing configured, nothing shown: {out}");

        let n = n.with_recipients(Recipients {
            assignee: Some("tanaka".into()),
            notify: vec!["suzuki".into()],
            category: Some("Network".into()),
        });
        let out = n.preview(&message(TransitionKind::New, sample_finding())).unwrap();
        assert!(out.contains("assigneeId: <id of user tanaka>"), "{out}");
        assert!(out.contains("notifiedUserId[]: <id of user suzuki>"), "{out}");
        assert!(out.contains("categoryId[]: <id of category Network>"), "{out}");

        // A route's overrides show instead, key by key.
        let mut msg = message(TransitionKind::New, sample_finding());
        msg.route_backlog =
            Some(RouteBacklog { route: "acme".into(), notify: Some(vec!["sato".into()]), ..Default::default() });
        let out = n.preview(&msg).unwrap();
        assert!(out.contains("assigneeId: <id of user tanaka>"), "{out}");
        assert!(out.contains("notifiedUserId[]: <id of user sato>") && !out.contains("suzuki"), "{out}");
    }
}
