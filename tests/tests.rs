//! The integration test binary: one binary (as ripgrep does) that pulls in every suite, so the
//! crate links once. Each module owns one area; `support` holds shared helpers.

// Test code: a failed unwrap is a failed test (helpers outside #[test] functions included).
#![allow(clippy::unwrap_used)]

mod support;

mod app_props;
mod browser_e2e;
mod cli;
mod cli_matrix;
mod corpus_facts;
mod faults;
mod file_safety;
mod fmt_and_strict;
mod hostile;
mod import;
mod json_outputs;
mod malformed_corpora;
mod matrix_view;
mod parties;
mod pty;
mod pty_corpus_cache;
mod pty_finder_worker;
mod pty_history;
mod pty_matrix;
mod pty_note;
mod pty_search_copy;
mod pty_startup;
mod ranking;
mod scale;
mod snapshots;
mod startup;
mod surfaces;
mod terminal_bytes;
mod terminals;
mod topic_rollup;
mod usage_errors;
