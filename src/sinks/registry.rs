//! Building a configured sink into its notifier (temporary until the sinks land).
use super::Notifier;
use super::templates::Templates;
use crate::config::Sink;
use crate::context::Context;
use std::sync::Arc;

pub async fn build(name: &str, _sink: &Sink, _ctx: &Context, _t: Arc<Templates>) -> anyhow::Result<Arc<dyn Notifier>> {
    anyhow::bail!("sink `{name}`: sinks are not wired yet")
}
