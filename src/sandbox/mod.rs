//! Embedded sandbox (being written).
