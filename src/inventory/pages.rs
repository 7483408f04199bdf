//! Inventory pages and change-log entries, rendered from minijinja templates in
//! `output-templates/inventory/` (embedded; `defaults.templates_dir/inventory/` overrides) in
//! the notation of the target Backlog project: Markdown or Backlog notation.

use super::{Change, Diff, Resource, ResourceType};
use minijinja::{Environment, value::Serde, value::Value};
use serde::Serialize;
use std::path::Path;

/// The text formatting rule of a Backlog project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Notation {
    Markdown,
    Backlog,
}

impl Notation {
    /// From the project's `textFormattingRule` (`markdown` or `backlog`); anything else is
    /// Backlog notation, Backlog's own default for older projects.
    pub fn from_rule(rule: &str) -> Notation {
        if rule.eq_ignore_ascii_case("markdown") { Notation::Markdown } else { Notation::Backlog }
    }

    fn suffix(self) -> &'static str {
        match self {
            Notation::Markdown => "md",
            Notation::Backlog => "backlog",
        }
    }

    /// The line a change-log entry starts with, so the page can be cut to its newest entries.
    fn entry_prefix(self) -> &'static str {
        match self {
            Notation::Markdown => "## ",
            Notation::Backlog => "** ",
        }
    }

    fn heading(self, text: &str) -> String {
        match self {
            Notation::Markdown => format!("# {text}"),
            Notation::Backlog => format!("* {text}"),
        }
    }
}

const DEFAULTS: &[(&str, &str)] = &[
    ("page.md.j2", include_str!("../../output-templates/inventory/page.md.j2")),
    ("page.backlog.j2", include_str!("../../output-templates/inventory/page.backlog.j2")),
    ("changelog_entry.md.j2", include_str!("../../output-templates/inventory/changelog_entry.md.j2")),
    ("changelog_entry.backlog.j2", include_str!("../../output-templates/inventory/changelog_entry.backlog.j2")),
];

/// The inventory templates.
pub struct PageTemplates {
    env: Environment<'static>,
}

impl PageTemplates {
    pub fn embedded() -> PageTemplates {
        let mut env = crate::sinks::templates::new_env();
        for (name, source) in DEFAULTS {
            env.add_template_owned(*name, *source)
                .unwrap_or_else(|e| panic!("embedded template inventory/{name} does not compile: {e}"));
        }
        PageTemplates { env }
    }

    /// The defaults, with `dir/inventory/NAME` replacing a default of the same name.
    pub fn with_overrides(templates_dir: Option<&Path>) -> anyhow::Result<PageTemplates> {
        let mut t = PageTemplates::embedded();
        let Some(dir) = templates_dir.map(|d| d.join("inventory")).filter(|d| d.is_dir()) else { return Ok(t) };
        for (name, _) in DEFAULTS {
            let path = dir.join(name);
            if path.is_file() {
                let source = std::fs::read_to_string(&path)
                    .map_err(|e| anyhow::anyhow!("reading template {}: {e}", path.display()))?;
                t.env
                    .add_template_owned(*name, source)
                    .map_err(|e| anyhow::anyhow!("template {}: {e}", path.display()))?;
            }
        }
        Ok(t)
    }

    fn render(&self, name: &str, ctx: impl Serialize) -> anyhow::Result<String> {
        let tmpl = self.env.get_template(name).map_err(|e| anyhow::anyhow!("template inventory/{name}: {e}"))?;
        tmpl.render(Value::from(Serde(ctx))).map_err(|e| anyhow::anyhow!("rendering template inventory/{name}: {e}"))
    }

    /// One page: the resources of one account (all its regions, or one). `index` lists
    /// region pages when the account was split.
    pub fn page(&self, page: &Page<'_>, notation: Notation) -> anyhow::Result<String> {
        self.render(&format!("page.{}.j2", notation.suffix()), page.context())
    }

    /// One change-log entry.
    pub fn entry(&self, when: &str, diff: &Diff, notation: Notation) -> anyhow::Result<String> {
        #[derive(Serialize)]
        struct C<'a> {
            sign: &'static str,
            #[serde(rename = "type")]
            kind: &'static str,
            id: &'a str,
            name: &'a str,
            region: &'a str,
            fields: &'a [super::FieldChange],
        }
        let changes: Vec<C> = diff
            .changes
            .iter()
            .map(|c| {
                let r = c.resource();
                C {
                    sign: c.sign(),
                    kind: r.resource_type.as_str(),
                    id: &r.id,
                    name: &r.name,
                    region: &r.region,
                    fields: match c {
                        Change::Changed { fields, .. } => fields,
                        _ => &[],
                    },
                }
            })
            .collect();
        self.render(
            &format!("changelog_entry.{}.j2", notation.suffix()),
            minijinja::context! { when => when, summary => diff.summary(), changes => Value::from(Serde(changes)) },
        )
    }
}

/// What one page shows.
pub struct Page<'a> {
    pub title: String,
    /// In page order (see [`super::sort`]).
    pub resources: &'a [Resource],
    pub last_changed: Option<String>,
    pub changelog_page: Option<String>,
    /// Region pages of a split account: (region, resource count, page name).
    pub index: Vec<(String, usize, String)>,
}

#[derive(Serialize)]
struct TypeTable {
    title: &'static str,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

#[derive(Serialize)]
struct RegionTables {
    region: String,
    types: Vec<TypeTable>,
}

/// The column headings and the cells of one resource type, the id and name first.
pub fn table_of(t: ResourceType, resources: &[&Resource]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut columns = vec!["id".to_string(), "name".to_string()];
    columns.extend(t.columns().iter().map(|c| c.to_string()));
    let rows = resources
        .iter()
        .map(|r| {
            let mut row = vec![r.id.clone(), r.name.clone()];
            row.extend(t.columns().iter().map(|c| r.get(c).to_string()));
            row
        })
        .collect();
    (columns, rows)
}

impl Page<'_> {
    fn context(&self) -> Value {
        let mut regions: Vec<RegionTables> = Vec::new();
        for r in self.resources {
            if regions.last().is_none_or(|last| last.region != r.region) {
                regions.push(RegionTables { region: r.region.clone(), types: Vec::new() });
            }
        }
        for region in &mut regions {
            for t in ResourceType::ALL {
                let of: Vec<&Resource> =
                    self.resources.iter().filter(|r| r.region == region.region && r.resource_type == t).collect();
                if of.is_empty() {
                    continue;
                }
                let (columns, rows) = table_of(t, &of);
                region.types.push(TypeTable { title: t.title(), columns, rows });
            }
        }
        #[derive(Serialize)]
        struct Index<'a> {
            region: &'a str,
            count: usize,
            page: &'a str,
        }
        let index: Vec<Index> =
            self.index.iter().map(|(region, count, page)| Index { region, count: *count, page }).collect();
        minijinja::context! {
            title => &self.title,
            total => self.resources.len() + self.index.iter().map(|i| i.1).sum::<usize>(),
            regions => Value::from(Serde(regions)),
            last_changed => &self.last_changed,
            changelog_page => &self.changelog_page,
            index => Value::from(Serde(index)),
        }
    }
}

/// A change-log page with `entry` added on top, keeping at most `max_entries` entries. The
/// page's own header line is rewritten; anything before the first entry is replaced, so a
/// person's edit above the entries does not accumulate.
pub fn prepend_entry(current: &str, title: &str, entry: &str, notation: Notation, max_entries: usize) -> String {
    let prefix = notation.entry_prefix();
    let mut entries: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    for line in current.lines() {
        if line.starts_with(prefix) {
            if let Some(e) = cur.take() {
                entries.push(e);
            }
            cur = Some(String::new());
        }
        if let Some(e) = cur.as_mut() {
            e.push_str(line);
            e.push('\n');
        }
    }
    entries.extend(cur);
    let mut out = format!("{}\n\nNewest first; written by opskit.\n\n", notation.heading(title));
    out.push_str(entry.trim_end());
    out.push_str("\n\n");
    for e in entries.iter().take(max_entries.saturating_sub(1)) {
        out.push_str(e.trim_end());
        out.push_str("\n\n");
    }
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    use super::super::{Resource, ResourceType, diff};
    use super::*;

    fn demo() -> Vec<Resource> {
        let mut v = vec![
            Resource::new("111122223333", "ap-northeast-1", ResourceType::Instance, "i-0a1")
                .name("web-1")
                .field("type", "t3.micro")
                .field("state", "running")
                .field("az", "ap-northeast-1a")
                .field("private_ip", "10.0.1.10"),
            Resource::new("111122223333", "ap-northeast-1", ResourceType::SecurityGroup, "sg-0ssh")
                .name("bastion")
                .field("vpc", "vpc-0a")
                .field("inbound", "tcp 22 from 0.0.0.0/0 | tcp 443 from 10.0.0.0/8")
                .field("flags", "world-open: tcp 22"),
            Resource::new("111122223333", "us-east-1", ResourceType::Vpc, "vpc-0b").field("cidr", "10.1.0.0/16"),
        ];
        super::super::sort(&mut v);
        v
    }

    fn page(resources: &[Resource]) -> Page<'_> {
        Page {
            title: "Inventory: acme-prod (111122223333)".into(),
            resources,
            last_changed: Some("2026-11-22 12:00 JST: +1 −0 ~0".into()),
            changelog_page: Some("Inventory/111122223333/Changelog".into()),
            index: Vec::new(),
        }
    }

    #[test]
    fn markdown_page_pins_its_tables() {
        let r = demo();
        let out = PageTemplates::embedded().page(&page(&r), Notation::Markdown).unwrap();
        insta::assert_snapshot!(out);
    }

    #[test]
    fn backlog_notation_page_pins_its_tables() {
        let r = demo();
        let out = PageTemplates::embedded().page(&page(&r), Notation::Backlog).unwrap();
        insta::assert_snapshot!(out);
    }

    #[test]
    fn the_same_inventory_renders_byte_for_byte_the_same() {
        let r = demo();
        let t = PageTemplates::embedded();
        assert_eq!(t.page(&page(&r), Notation::Markdown).unwrap(), t.page(&page(&r), Notation::Markdown).unwrap());
    }

    #[test]
    fn changelog_entries_are_prepended_newest_first_and_bounded() {
        let t = PageTemplates::embedded();
        let old = demo();
        let mut new = old.clone();
        new.remove(0);
        new[0].fields.insert("inbound", "tcp 22 from 10.0.0.0/8");
        let d = diff(&old, &new);
        for n in [Notation::Markdown, Notation::Backlog] {
            let mut page = String::new();
            for i in 0..4 {
                let e = t.entry(&format!("2026-11-2{i} 12:00 JST"), &d, n).unwrap();
                page = prepend_entry(&page, "Changelog: acme-prod", &e, n, 3);
            }
            let entries: Vec<&str> = page.lines().filter(|l| l.starts_with(n.entry_prefix())).collect();
            assert_eq!(entries.len(), 3, "{page}");
            assert!(entries[0].contains("2026-11-23") && entries[2].contains("2026-11-21"), "{page}");
            assert!(page.contains("− instance") && page.contains("i-0a1") && page.contains("(web-1)"), "{page}");
            assert!(
                page.contains(
                    "inbound \"tcp 22 from 0.0.0.0/0 | tcp 443 from 10.0.0.0/8\" → \"tcp 22 from 10.0.0.0/8\""
                )
            );
            if n == Notation::Markdown {
                insta::assert_snapshot!("changelog_markdown", page);
            } else {
                insta::assert_snapshot!("changelog_backlog", page);
            }
        }
    }
}
