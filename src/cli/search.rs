//! `entente search` (TEMP: filled in when the search engine lands).
use super::{Library, Outcome};
use anyhow::Result;
use std::io::Write;
pub fn run(_l: &Library, _t: &str, _n: usize, _j: bool, _o: &mut dyn Write) -> Result<Outcome> {
    anyhow::bail!("not yet")
}
