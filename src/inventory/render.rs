//! How `opskit inventory show` prints an inventory: `table` and `markdown` as one table
//! per resource type (ACCOUNT, REGION, ID, NAME, then the type's columns), `json` as an
//! array of [`Resource`]s, `jsonl` one per line, `csv` one row per resource with the union
//! of the types' columns.
//!
//! Everything is written as it is rendered, never built as one string first: 160k
//! resources are ~100 MB of JSON. On a terminal the tables are comfy-table's, fitted to
//! the width; piped, they are plain `| a | b |` tables written row by row after one pass
//! to measure the columns (comfy-table would hold a copy of every cell).

use super::{Resource, ResourceType};
use crate::cli::OutputFormat;
use crate::output::Col;
use crate::output::{Style, csv_escape, md_escape};
use std::collections::BTreeMap;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// What to print and how.
pub struct Show {
    /// Sorted ([`super::sort`]).
    pub resources: Vec<Resource>,
    /// The types that were asked for, so a type with no resources says "none".
    pub types: Vec<ResourceType>,
    /// Account id → the name the config gives it, for the tables' ACCOUNT column.
    pub account_names: BTreeMap<String, String>,
    pub format: OutputFormat,
    pub style: Style,
}

const FIXED: [&str; 4] = ["account", "region", "id", "name"];

impl Show {
    fn account<'a>(&'a self, r: &'a Resource) -> &'a str {
        self.account_names.get(&r.account).map(String::as_str).unwrap_or(&r.account)
    }

    fn of_type(&self, t: ResourceType) -> impl Iterator<Item = &Resource> {
        self.resources.iter().filter(move |r| r.resource_type == t)
    }

    /// The types in page order, the asked ones and any present.
    fn types(&self) -> Vec<ResourceType> {
        let mut v = self.types.clone();
        v.extend(self.resources.iter().map(|r| r.resource_type));
        v.sort();
        v.dedup();
        v
    }

    /// One row's cells: account (by name), region, id, name, the type's columns.
    fn cells<'a>(&'a self, r: &'a Resource) -> impl Iterator<Item = &'a str> {
        [self.account(r), r.region.as_str(), r.id.as_str(), r.name.as_str()]
            .into_iter()
            .chain(r.resource_type.columns().iter().map(|c| r.get(c)))
            .map(|v| if v.is_empty() { "-" } else { v })
    }

    pub fn render(&self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &self.resources)?;
                writeln!(out)
            }
            OutputFormat::Jsonl => {
                for r in &self.resources {
                    serde_json::to_writer(&mut *out, r)?;
                    writeln!(out)?;
                }
                Ok(())
            }
            OutputFormat::Csv => self.csv(out),
            OutputFormat::Markdown => self.markdown(out),
            OutputFormat::Table | OutputFormat::Wide => self.tables(out),
        }
    }

    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let columns = csv_columns(self.types().into_iter());
        csv_header(&columns, out)?;
        for r in &self.resources {
            csv_row(r, &columns, &self.account_names, out)?;
        }
        Ok(())
    }

    fn markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        for (i, t) in self.types().into_iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let n = self.of_type(t).count();
            writeln!(out, "## {} ({n})\n", t.title())?;
            if n == 0 {
                writeln!(out, "none")?;
                continue;
            }
            let header: Vec<String> = FIXED.iter().chain(t.columns()).map(|c| heading(c, false)).collect();
            writeln!(out, "| {} |", header.join(" | "))?;
            writeln!(out, "|{}", "---|".repeat(header.len()))?;
            for r in self.of_type(t) {
                let cells: Vec<String> = self.cells(r).map(md_escape).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
        }
        Ok(())
    }

    fn tables(&self, out: &mut dyn Write) -> io::Result<()> {
        for (i, t) in self.types().into_iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let n = self.of_type(t).count();
            if n == 0 {
                writeln!(out, "{}: none", t.title())?;
                continue;
            }
            writeln!(out, "{} ({n})", t.title())?;
            let header: Vec<String> = FIXED.iter().chain(t.columns()).map(|c| heading(c, true)).collect();
            if self.style.tty {
                let mut table = crate::output::table(self.style, columns(t, &header));
                for r in self.of_type(t) {
                    table.add_row(self.cells(r).collect::<Vec<_>>());
                }
                writeln!(out, "{table}")?;
            } else {
                self.plain_table(t, &header, out)?;
            }
        }
        let accounts: std::collections::BTreeSet<&str> = self.resources.iter().map(|r| r.account.as_str()).collect();
        let regions: std::collections::BTreeSet<&str> = self.resources.iter().map(|r| r.region.as_str()).collect();
        writeln!(
            out,
            "\n{} resource(s) in {} account(s), {} region(s)",
            self.resources.len(),
            accounts.len(),
            regions.len()
        )
    }

    /// comfy-table's ASCII_MARKDOWN layout, written row by row.
    fn plain_table(&self, t: ResourceType, header: &[String], out: &mut dyn Write) -> io::Result<()> {
        let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for r in self.of_type(t) {
            for (w, c) in widths.iter_mut().zip(self.cells(r)) {
                *w = (*w).max(one_line(c).width());
            }
        }
        let row = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| -> io::Result<()> {
            let mut line = String::from("|");
            for (c, w) in cells.zip(&widths) {
                let c = one_line(c);
                line.push(' ');
                line.push_str(&c);
                line.push_str(&" ".repeat(w - c.width() + 1));
                line.push('|');
            }
            writeln!(out, "{line}")
        };
        row(out, &mut header.iter().map(String::as_str))?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(w + 2)).collect();
        writeln!(out, "|{}|", rule.join("|"))?;
        for r in self.of_type(t) {
            row(out, &mut self.cells(r))?;
        }
        Ok(())
    }
}

/// Whether `format` is written resource by resource as targets come ([`stream`]); the
/// tables and markdown are one table per type across every target, measured first, so
/// they still take the whole inventory ([`Show`]).
pub fn streams(format: OutputFormat) -> bool {
    matches!(format, OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv)
}

/// `-o json`, `jsonl` or `csv` written part by part (each part sorted, the parts in page
/// order), byte for byte what [`Show::render`] writes for all of them at once. Only the
/// part being written is held.
pub fn stream(
    format: OutputFormat,
    types: &[ResourceType],
    account_names: &BTreeMap<String, String>,
    parts: &mut dyn Iterator<Item = Vec<Resource>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    use serde::ser::{SerializeSeq as _, Serializer as _};
    match format {
        OutputFormat::Json => {
            let mut ser = serde_json::Serializer::pretty(&mut *out);
            let mut seq = ser.serialize_seq(None)?;
            for part in parts {
                for r in &part {
                    seq.serialize_element(r)?;
                }
            }
            seq.end()?;
            writeln!(out)
        }
        OutputFormat::Jsonl => {
            for part in parts {
                for r in &part {
                    serde_json::to_writer(&mut *out, r)?;
                    writeln!(out)?;
                }
            }
            Ok(())
        }
        OutputFormat::Csv => {
            let columns = csv_columns(types.iter().copied());
            csv_header(&columns, out)?;
            for part in parts {
                for r in &part {
                    csv_row(r, &columns, account_names, out)?;
                }
            }
            Ok(())
        }
        OutputFormat::Markdown | OutputFormat::Table | OutputFormat::Wide => {
            Err(io::Error::other(format!("-o {format:?} is not streamed")))
        }
    }
}

/// The union of the types' columns, in type order.
fn csv_columns(types: impl Iterator<Item = ResourceType>) -> Vec<&'static str> {
    let mut columns: Vec<&'static str> = Vec::new();
    for t in types {
        for c in t.columns() {
            if !columns.contains(c) {
                columns.push(c);
            }
        }
    }
    columns
}

fn csv_header(columns: &[&str], out: &mut dyn Write) -> io::Result<()> {
    // `type` is a column of several types (instance type, volume type): the
    // resource's own kind is `resource_type`.
    write!(out, "account,account_name,region,resource_type,id,name")?;
    for c in columns {
        write!(out, ",{c}")?;
    }
    writeln!(out)
}

fn csv_row(r: &Resource, columns: &[&str], names: &BTreeMap<String, String>, out: &mut dyn Write) -> io::Result<()> {
    let name = names.get(&r.account).map(String::as_str).unwrap_or("");
    let fixed = [r.account.as_str(), name, &r.region, r.resource_type.as_str(), &r.id, &r.name];
    let row: Vec<String> = fixed.into_iter().chain(columns.iter().map(|c| r.get(c))).map(csv_escape).collect();
    writeln!(out, "{}", row.join(","))
}

/// A cell on one line: a newline in a description would break the row.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) { s.replace(['\n', '\r'], " ").into() } else { s.into() }
}

/// A type's table columns on a terminal: account, region and id always, the name cut to
/// fit, and the type's own columns dropped from the right when the terminal is narrow
/// (`-o wide` keeps them all). Lists and descriptions are free text, cut with `…`.
fn columns(t: ResourceType, header: &[String]) -> Vec<Col> {
    let own = t.columns();
    header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let name = if i < FIXED.len() { FIXED[i] } else { own[i - FIXED.len()] };
            let col = match name {
                "name" | "description" | "inbound" | "routes" | "security_groups" | "subnets" | "vpcs" | "flags" => {
                    Col::text(h.as_str())
                }
                _ => Col::id(h.as_str()),
            };
            // The further right, the sooner it goes.
            if i < FIXED.len() { col } else { col.optional(u8::try_from(i).unwrap_or(u8::MAX)) }
        })
        .collect()
}

/// `private_ip` → `PRIVATE IP` (table) or `Private ip` (markdown); `id` is `ID`.
fn heading(column: &str, upper: bool) -> String {
    if column == "id" {
        return "ID".into();
    }
    let words = column.replace('_', " ");
    if upper {
        words.to_uppercase()
    } else {
        let mut c = words.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(format: OutputFormat) -> Show {
        let rs =
            vec![
                Resource::new("123456789012", "us-east-1", ResourceType::Instance, "i-1")
                    .name("web | 1")
                    .with_fields([("type", "t3.micro"), ("state", "running"), ("security_groups", "sg-1, sg-2")]),
                Resource::new("123456789012", "us-east-1", ResourceType::Vpc, "vpc-1")
                    .with_fields([("cidr", "10.0.0.0/16")]),
            ];
        Show {
            resources: rs,
            types: vec![ResourceType::Instance, ResourceType::Vpc, ResourceType::NatGateway],
            account_names: [("123456789012".to_string(), "acme".to_string())].into(),
            format,
            style: Style::PLAIN,
        }
    }

    fn text(s: &Show) -> String {
        let mut buf = Vec::new();
        s.render(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn piped_tables_are_one_per_type_aligned_with_the_account_by_name() {
        let out = text(&show(OutputFormat::Table));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "EC2 instances (1)");
        assert!(lines[1].starts_with("| ACCOUNT | REGION    | ID  | NAME    | TYPE     | STATE   | AZ |"), "{out}");
        assert!(lines[2].starts_with("|---------|-----------|-----|---------|----------|"), "{out}");
        assert!(lines[3].starts_with("| acme    | us-east-1 | i-1 | web | 1 | t3.micro | running | -  |"), "{out}");
        assert!(out.contains("VPCs (1)") && out.contains("NAT gateways: none"), "{out}");
        assert!(out.ends_with("2 resource(s) in 1 account(s), 1 region(s)\n"), "{out}");
        let widths: Vec<usize> = lines[1..4].iter().map(|l| l.width()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{out}");
    }

    #[test]
    fn csv_has_the_union_of_columns_and_quotes_lists() {
        let out = text(&show(OutputFormat::Csv));
        let mut lines = out.lines();
        let header = lines.next().unwrap();
        assert_eq!(
            header,
            "account,account_name,region,resource_type,id,name,type,state,az,private_ip,public_ip,vpc,subnet,\
             security_groups,platform,launch_time,cidr,default,connectivity"
        );
        let row = lines.next().unwrap();
        assert!(row.starts_with("123456789012,acme,us-east-1,instance,i-1,web | 1,t3.micro,running,,"), "{row}");
        assert!(row.contains(",\"sg-1, sg-2\","), "{row}");
    }

    #[test]
    fn markdown_escapes_pipes_and_says_none() {
        let out = text(&show(OutputFormat::Markdown));
        assert!(out.starts_with("## EC2 instances (1)\n\n| Account | Region | ID | Name | Type | State |"), "{out}");
        assert!(out.contains("| acme | us-east-1 | i-1 | web \\| 1 | t3.micro | running |"), "{out}");
        assert!(out.contains("## NAT gateways (0)\n\nnone\n"), "{out}");
    }

    #[test]
    fn json_is_the_array_of_resources() {
        let out = text(&show(OutputFormat::Json));
        let v: Vec<Resource> = serde_json::from_str(&out).unwrap();
        assert_eq!(v, show(OutputFormat::Json).resources);
        let out = text(&show(OutputFormat::Jsonl));
        assert_eq!(out.lines().count(), 2);
        assert!(out.starts_with(r#"{"account":"123456789012","region":"us-east-1","type":"instance","id":"i-1","#));
    }
}
