//! Helpers shared by the integration tests: third-party emulators and servers started on
//! free loopback ports. A missing emulator fails the test with a hint; nothing skips silently.

#![allow(dead_code)]

pub mod cli;
pub mod dovecot;
pub mod moto;
