//! Times the phases of a cold `entente find` (no cache) on a corpus, outside the CLI: load
//! (read, parse, check), candidates, the finder index, writing it (to a temporary directory,
//! as the cache writes: `atomic::replace`), the search, and freeing the corpus. Used to find
//! what limits the cold `find` (BENCHMARKS.md).
//!
//! `cargo run --release --example find_phases -- CORPUS.json [QUERY]` (query "eu").

use std::time::Instant;

use entente::search::fuzzy::{FinderIndex, Query, candidates_from};

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: find_phases CORPUS.json [QUERY]"))?,
    );
    let query = args.next().unwrap_or_else(|| "eu".to_owned());
    let t = Instant::now();
    let loaded = entente::corpus::load_path(&path).map_err(|p| anyhow::anyhow!("{p}"))?;
    let load = t.elapsed();
    let t = Instant::now();
    let candidates = candidates_from(&loaded.corpus);
    let cands = t.elapsed();
    let t = Instant::now();
    drop(loaded);
    let free = t.elapsed();
    let t = Instant::now();
    let index = FinderIndex::build_keyed(&candidates, b"a key of some length");
    let build = t.elapsed();
    let dir = tempfile::tempdir()?;
    let t = Instant::now();
    entente::atomic::replace(&dir.path().join("entry.bin"), index.bytes())?;
    let write = t.elapsed();
    let t = Instant::now();
    let results = index.search_unhighlighted(&Query::parse(&query), usize::MAX);
    let search = t.elapsed();
    println!(
        "{} candidates, index {:.1} MB, {} matches of {query:?}",
        candidates.len(),
        index.bytes().len() as f64 / 1e6,
        results.total
    );
    println!(
        "load {:.1} ms, candidates {:.1} ms, free corpus {:.1} ms, index {:.1} ms, write {:.1} ms, search {:.1} ms",
        ms(load),
        ms(cands),
        ms(free),
        ms(build),
        ms(write),
        ms(search)
    );
    Ok(())
}
