//! `opskit state init` and `opskit state migrate`: create the store `--state` names (or
//! print the DynamoDB table as CloudFormation or Terraform), and copy a state from one
//! store to another. The work lives in `aws::dynamodb::init_table` and `state::migrate`.

use crate::aws::dynamodb::{self, DynamoLocation};
use crate::cli::{OutputFormat, StateInitArgs, StateMigrateArgs, TableTemplate};
use crate::commands::Output;
use crate::context::{Context, StateLocation};
use crate::error::{AppError, AppResult};
use crate::output::Col;
use crate::state::memory::MemoryStore;
use crate::state::sqlite::SqliteStore;
use crate::state::{DumpCounts, StateStore};
use std::sync::Arc;

fn json_text(ctx: &Context, value: serde_json::Value, text: String) -> AppResult<Output> {
    Ok(Output::text(match ctx.global.output {
        OutputFormat::Json => serde_json::to_string_pretty(&value).map_err(anyhow::Error::from)? + "\n",
        OutputFormat::Jsonl => serde_json::to_string(&value).map_err(anyhow::Error::from)? + "\n",
        _ => text,
    }))
}

pub async fn init(ctx: &Context, a: &StateInitArgs) -> AppResult<Output> {
    let loc = ctx.state_location()?;
    if let Some(format) = a.print {
        let Some(d) = loc.dynamodb() else {
            return Err(AppError::usage(format!(
                "--print describes a DynamoDB table, and the state is {loc}\n\
                 hint: name the table: --state dynamodb://TABLE?region=REGION"
            )));
        };
        return Ok(Output::text(match format {
            TableTemplate::Cloudformation => dynamodb::cloudformation(&d.table),
            TableTemplate::Terraform => dynamodb::terraform(&d.table),
        }));
    }
    match &loc {
        StateLocation::None => Err(AppError::usage(
            "--state none keeps nothing: there is no store to create\n\
             hint: --state dynamodb://TABLE?region=REGION, or a SQLite path",
        )),
        StateLocation::Sqlite(path) => {
            let existed = path.exists();
            if ctx.global.dry_run {
                let verb = if existed { "check" } else { "create" };
                return Ok(Output::text(format!("dry run: would {verb} the state file {}\n", path.display())));
            }
            let store = SqliteStore::open(path)?;
            let text = if existed {
                format!("{} is ready (its schema is current)\n", store.location())
            } else {
                format!("created {}\n", store.location())
            };
            json_text(ctx, serde_json::json!({ "store": store.location(), "created": !existed }), text)
        }
        StateLocation::Dynamodb { table, region, profile } => {
            let d = DynamoLocation { table: table.clone(), region: region.clone(), profile: profile.clone() };
            if ctx.global.dry_run {
                return Ok(Output::text(format!(
                    "dry run: would create DynamoDB table `{table}` (on-demand, key pk + sk, TTL on {}) unless it \
                     exists\n",
                    dynamodb::TTL_ATTRIBUTE
                )));
            }
            let out = ctx.dynamo_store(d).init_table().await?;
            let ttl = if out.ttl_enabled_now { "turned on now" } else { "on" };
            let text = if out.created {
                format!(
                    "created DynamoDB table `{}` in {}: on-demand, key pk (S) + sk (S), TTL on {} {ttl}\n",
                    out.table,
                    out.region,
                    dynamodb::TTL_ATTRIBUTE
                )
            } else {
                format!(
                    "DynamoDB table `{}` in {} exists with the right key schema; TTL on {} {ttl}\n",
                    out.table,
                    out.region,
                    dynamodb::TTL_ATTRIBUTE
                )
            };
            json_text(ctx, serde_json::to_value(&out).map_err(anyhow::Error::from)?, text)
        }
    }
}

fn location(flag: &str, url: &str) -> AppResult<StateLocation> {
    let loc = StateLocation::parse(url).map_err(|e| AppError::usage(format!("{flag}: {e}")))?;
    if loc == StateLocation::None {
        return Err(AppError::usage(format!("{flag} none: an in-memory state has nothing to copy and keeps nothing")));
    }
    Ok(loc)
}

fn counts_text(c: &DumpCounts) -> Vec<(&'static str, usize)> {
    vec![
        ("findings", c.findings),
        ("deliveries", c.deliveries),
        ("silences", c.silences),
        ("snapshots", c.snapshots),
        ("marks", c.marks),
    ]
}

pub async fn migrate(ctx: &Context, a: &StateMigrateArgs) -> AppResult<Output> {
    let (from_loc, to_loc) = (location("--from", &a.from)?, location("--to", &a.to)?);
    if from_loc == to_loc {
        return Err(AppError::usage(format!("--from and --to name the same store ({from_loc})")));
    }
    let from: Arc<dyn StateStore> = match &from_loc {
        StateLocation::Sqlite(p) if !p.exists() => {
            return Err(AppError::usage(format!("--from: no state file at {}", p.display())));
        }
        _ => ctx.open_location(&from_loc)?,
    };
    // A dry run creates nothing: a state file that does not exist yet is an empty one.
    let to: Arc<dyn StateStore> = match &to_loc {
        StateLocation::Sqlite(p) if ctx.global.dry_run && !p.exists() => Arc::new(MemoryStore::new()),
        _ => ctx.open_location(&to_loc)?,
    };
    let there = to.dump().await?.counts();
    if there.total() > 0 && !a.force {
        let held: Vec<String> =
            counts_text(&there).into_iter().filter(|(_, n)| *n > 0).map(|(k, n)| format!("{n} {k}")).collect();
        return Err(AppError::usage(format!(
            "--to {to_loc}: holds records already ({})\nhint: --force copies into it anyway (records with the same \
             identity are replaced, the others kept)",
            held.join(", ")
        )));
    }
    let counts = crate::state::migrate(from.as_ref(), to.as_ref(), !ctx.global.dry_run).await?;
    let (from_name, to_name) = (from.location(), if ctx.global.dry_run { to_loc.to_string() } else { to.location() });
    let mut t = crate::output::table(ctx.style, vec![Col::id("KIND"), Col::id("RECORDS")]);
    for (kind, n) in counts_text(&counts) {
        t.add_row(vec![kind.to_string(), n.to_string()]);
    }
    let head = if ctx.global.dry_run {
        format!("dry run: would copy from {from_name} to {to_name} (locks stay behind); nothing written")
    } else {
        format!("copied from {from_name} to {to_name} (locks stay behind)")
    };
    json_text(
        ctx,
        serde_json::json!({ "from": from_name, "to": to_name, "dry_run": ctx.global.dry_run, "counts": counts }),
        format!("{head}\n{t}\n"),
    )
}
