//! The small fixture corpus (`tests/fixtures/small/`): invented records that tests can pin down
//! exactly, so that the built-in record can grow without breaking them. Its shape: four
//! meetings in two series (dates of year, month and day precision, one inferred), one meeting
//! reported by two accounts that differ, mentioned and planned events, organisations with
//! acronyms, aliases and parents, people with roles, topics with parents.

#![allow(dead_code)] // Helpers serve several suites; each suite uses a subset.

use std::path::Path;

use entente::corpus::{LoadedCorpus, load_path};

/// The fixture directory, as the binary's `--corpus` takes it.
pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small");

/// The meeting the browser opens on: the latest reported one, with an EU and a ROK account.
pub const LATEST: &str = "data-dialogue-3";

/// The fixture, loaded and validated as `--corpus` would load it.
pub fn load() -> LoadedCorpus {
    load_path(Path::new(DIR)).unwrap_or_else(|p| panic!("the fixture corpus loads: {p:?}"))
}
