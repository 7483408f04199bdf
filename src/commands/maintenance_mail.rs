//! `opskit maintenance-mail parse` (`mail parse`): print what [`crate::mail::parse`] understood
//! of each file (or of stdin), as a table or JSON. Sends nothing, writes nothing: the tool
//! for checking a mail and, later, writing rules. `ingest` is not built yet (issue 6).

use crate::cli::{GlobalArgs, MailArgs, OutputFormat};
use crate::commands::Output;
use crate::error::{AppError, AppResult};
use crate::mail::{Outcome, Parsed};
use crate::output::Style;
use std::io::Read;

/// Resource ids shown in a table cell before "+N".
const TABLE_RESOURCES: usize = 4;

/// Parse every input; an unreadable file is reported on stderr, the others still print,
/// and the command then exits 2.
pub fn parse(global: &GlobalArgs, args: &MailArgs) -> AppResult<Output> {
    let mut results: Vec<(String, Parsed)> = Vec::new();
    let mut unreadable: Vec<String> = Vec::new();
    if args.inputs.is_empty() {
        let mut raw = Vec::new();
        std::io::stdin().read_to_end(&mut raw).map_err(|e| AppError::usage(format!("cannot read stdin: {e}")))?;
        results.push(("-".into(), crate::mail::parse(&raw)));
    }
    for path in &args.inputs {
        if let Err(e) = parse_file(path, &mut results) {
            unreadable.push(format!("cannot read {}: {e}", path.display()));
        }
    }
    let text = render(&results, global.output, Style::detect(global.no_color));
    if unreadable.is_empty() {
        return Ok(Output::text(text));
    }
    if !global.quiet {
        crate::output::flush_now(&text);
    }
    Err(AppError::usage(unreadable.join("\nerror: ")))
}

/// One message, or every message of an mbox (streamed: memory stays bounded whatever
/// its size), labelled `FILE#N`.
fn parse_file(path: &std::path::Path, results: &mut Vec<(String, Parsed)>) -> std::io::Result<()> {
    use std::io::BufRead;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    if !crate::mail::mbox::looks_like_mbox(reader.fill_buf()?) {
        let mut raw = Vec::new();
        reader.read_to_end(&mut raw)?;
        results.push((path.display().to_string(), crate::mail::parse(&raw)));
        return Ok(());
    }
    for (i, message) in crate::mail::mbox::Mbox::new(reader).enumerate() {
        results.push((format!("{}#{}", path.display(), i + 1), crate::mail::parse(&message?)));
    }
    Ok(())
}

fn render(results: &[(String, Parsed)], format: OutputFormat, style: Style) -> String {
    let json = |(file, p): &(String, Parsed)| {
        let mut v = serde_json::to_value(p).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("file".into(), file.clone().into());
        }
        v
    };
    match format {
        OutputFormat::Json => {
            let items: Vec<serde_json::Value> = results.iter().map(json).collect();
            serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"
        }
        OutputFormat::Jsonl => results.iter().map(|r| json(r).to_string() + "\n").collect(),
        _ => {
            let mut t = crate::output::table(
                style,
                &["FILE", "OUTCOME", "KIND", "EVENT CODE", "ACCOUNTS", "REGION", "START", "END", "RESOURCES"],
            );
            for (file, p) in results {
                let mut row = vec![file.clone(), p.outcome.label().to_string()];
                match &p.outcome {
                    Outcome::Recognised(e) => {
                        let t = |t: Option<jiff::Timestamp>| t.map(|t| t.to_string()).unwrap_or_default();
                        let mut res = e.resources.iter().take(TABLE_RESOURCES).cloned().collect::<Vec<_>>().join(" ");
                        if e.resources.len() > TABLE_RESOURCES {
                            res.push_str(&format!(" +{}", e.resources.len() - TABLE_RESOURCES));
                        }
                        row.extend([
                            e.kind.clone(),
                            e.event_type_code.clone().unwrap_or_default(),
                            e.accounts.join(" "),
                            e.region.clone().unwrap_or_default(),
                            t(e.start),
                            t(e.end),
                            res,
                        ]);
                    }
                    Outcome::Ignored { reason } | Outcome::Unparsed { reason } => {
                        row.extend([reason.clone(), String::new(), String::new(), String::new()]);
                        row.extend([String::new(), String::new(), String::new()]);
                    }
                }
                t.add_row(row);
            }
            format!("{t}\n")
        }
    }
}
