//! In-memory store for --state none (being written).
