//! Reports of the state across customers (`opskit report`).

pub mod publish;
