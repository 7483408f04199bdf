//! `opskit inventory show`: the resources of every selected (account, region), printed as
//! one table per type, markdown, csv, json or jsonl. The arguments become
//! [`inventory::Options`]; the collecting is [`crate::inventory::collect`], the printing
//! [`crate::inventory::render`].
//!
//! `diff` and `publish` build on [`collect`]: the same selection, the same resources, and
//! [`Inventory::covered`] to tell "deleted" from "not looked at".

use crate::cli::InventoryArgs;
use crate::commands::{Output, Render};
use crate::config::{Config, ConfigError};
use crate::context::Context;
use crate::error::{AppError, AppResult};
use crate::inventory::render::Show;
use crate::inventory::{self, Inventory, ResourceType};
use serde::Deserialize;

pub const SOURCE: &str = "inventory";

/// `[commands.inventory]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The types collected when `--resource-types` is not given (default: all).
    pub resource_types: Vec<String>,
    /// `resource_types`, parsed.
    #[serde(skip)]
    types: Vec<ResourceType>,
}

impl Settings {
    pub fn load(config: &Config) -> Result<Settings, ConfigError> {
        let mut s: Settings = config.command_settings(SOURCE)?;
        s.types = parse_types(&s.resource_types).map_err(|e| ConfigError {
            key: Some("commands.inventory.resource_types".into()),
            file: config.file.clone(),
            ..ConfigError::plain(e)
        })?;
        Ok(s)
    }
}

fn parse_types(names: &[String]) -> Result<Vec<ResourceType>, String> {
    let mut types = Vec::new();
    for n in names.iter().filter(|n| !n.trim().is_empty()) {
        types.push(ResourceType::parse(n)?);
    }
    types.sort();
    types.dedup();
    Ok(types)
}

/// What `--resource-types`, `--all-regions` and `--concurrency` resolve to, over
/// `[commands.inventory]` and `[defaults]`.
pub fn options(ctx: &Context, args: &InventoryArgs) -> AppResult<inventory::Options> {
    let settings = Settings::load(&ctx.config)?;
    let types = if args.resource_types.iter().any(|t| !t.trim().is_empty()) {
        parse_types(&args.resource_types).map_err(|e| AppError::usage(format!("--resource-types: {e}")))?
    } else if !settings.types.is_empty() {
        settings.types
    } else {
        ResourceType::ALL.to_vec()
    };
    let concurrency = args.concurrency.unwrap_or(ctx.config.defaults.concurrency);
    if concurrency == 0 {
        return Err(AppError::usage("--concurrency: must be at least 1"));
    }
    Ok(inventory::Options {
        types,
        all_regions: args.all_regions,
        concurrency,
        timeout: ctx.timeout()?,
        progress: !ctx.global.quiet,
    })
}

/// The inventory of the accounts and regions selected by `--account`/`--region` and
/// `args`: what `show` prints and what `diff` and `publish` compare.
pub async fn collect(ctx: &Context, args: &InventoryArgs) -> AppResult<(Inventory, inventory::Options)> {
    let opts = options(ctx, args)?;
    let inv = inventory::collect(&ctx.aws, &ctx.config, &ctx.global.account, &ctx.global.region, &opts).await?;
    Ok((inv, opts))
}

/// Account id → name, as the config knows them: tables show the name a team uses.
pub fn account_names(config: &Config) -> std::collections::BTreeMap<String, String> {
    config.accounts.iter().filter_map(|a| a.id.clone().map(|id| (id, a.name.clone()))).collect()
}

struct Printed {
    show: Show,
    targets: usize,
}

impl Render for Printed {
    fn render(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.show.render(out)
    }

    fn summary(&self) -> String {
        let counts = inventory::collect::counts(&self.show.resources);
        let by_type: Vec<String> = counts.iter().map(|(t, n)| format!("{t} {n}")).collect();
        format!(
            "inventory: {} resource(s) in {} target(s){}{}",
            self.show.resources.len(),
            self.targets,
            if by_type.is_empty() { "" } else { ": " },
            by_type.join(", ")
        )
    }
}

pub async fn show(ctx: &Context, args: &InventoryArgs) -> AppResult<Output> {
    let (inv, opts) = collect(ctx, args).await?;
    tracing::info!(
        resources = inv.resources.len(),
        targets = inv.targets,
        errors = inv.errors.len(),
        "inventory collected"
    );
    let show = Show {
        resources: inv.resources,
        types: opts.types,
        account_names: account_names(&ctx.config),
        format: ctx.global.output,
        style: ctx.style,
    };
    Ok(Output::Stream { data: Box::new(Printed { show, targets: inv.targets }), errors: inv.errors })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_parse_with_aliases_and_an_unknown_one_is_named() {
        let t = parse_types(&["ec2".into(), "sg".into(), "instance".into(), " ".into()]).unwrap();
        assert_eq!(t, [ResourceType::Instance, ResourceType::SecurityGroup]);
        let e = parse_types(&["vpc".into(), "lambda".into()]).unwrap_err();
        assert!(e.contains("`lambda`") && e.contains("known: instance"), "{e}");
    }

    #[test]
    fn settings_reject_an_unknown_type_naming_the_key() {
        let cfg = crate::config::parse_and_resolve(
            "[commands.inventory]\nresource_types = [\"vpc\", \"rds\"]\n",
            None,
            &crate::config::Env::process(),
        );
        let e = cfg.unwrap_err().to_string();
        assert!(e.contains("commands.inventory.resource_types") && e.contains("`rds`"), "{e}");
    }
}
