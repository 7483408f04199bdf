//! The IMAP source of `maintenance-mail ingest`: UNSEEN messages of one folder over TLS,
//! marked seen (or moved) only once their notifications were delivered.

use serde::Deserialize;

/// `[commands.maintenance-mail.imap]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImapSettings {}
