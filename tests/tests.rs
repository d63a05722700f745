//! The integration test binary: one binary (as ripgrep does) that pulls in every suite, so the
//! crate links once. Each module owns one area; `support` holds shared helpers.

mod support;

mod app_props;
mod browser_e2e;
mod cli;
mod corpus_facts;
mod faults;
mod hostile;
mod malformed_corpora;
mod pty;
mod scale;
mod snapshots;
mod terminal_bytes;
