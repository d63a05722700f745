//! Times the phases of a cold `entente find` (no cache) on a corpus, outside the CLI: load
//! (read, parse, check), candidates, the finder index, writing it (to a temporary directory,
//! as the cache writes: `atomic::replace`), the search, and freeing the corpus. Used to find
//! what limits the cold `find` (BENCHMARKS.md).
//!
//! `cargo run --release --example find_phases -- CORPUS.json [QUERY]` (query "eu"). Each
//! phase shows its wall time and, in brackets, the CPU time of the whole process during it
//! (all threads, from `/proc/self/stat`, in 10 ms ticks): on a loaded machine the wall time
//! of a phase split across cores says little, its CPU time what it costs.

use std::time::Instant;

use entente::search::fuzzy::{FinderIndex, Query, candidates_from};

/// CPU time of this process so far (user + system, every thread), in milliseconds; 0 where
/// `/proc` cannot tell.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command's closing parenthesis: utime and stime are the 12th and
    // 13th of them, in clock ticks (100 a second on Linux).
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    ticks as f64 * 10.0
}

/// Runs `phase`, returning what it made and "WALL ms [CPU ms]".
fn timed<T>(phase: impl FnOnce() -> T) -> (T, String) {
    let (wall, cpu) = (Instant::now(), cpu_ms());
    let made = phase();
    let shown = format!(
        "{:.1} ms [{:.0}]",
        wall.elapsed().as_secs_f64() * 1e3,
        cpu_ms() - cpu
    );
    (made, shown)
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: find_phases CORPUS.json [QUERY]"))?,
    );
    let query = args.next().unwrap_or_else(|| "eu".to_owned());
    let (loaded, load) = timed(|| entente::corpus::load_path(&path));
    let loaded = loaded.map_err(|p| anyhow::anyhow!("{p}"))?;
    let (candidates, cands) = timed(|| candidates_from(&loaded.corpus));
    let ((), free) = timed(|| drop(loaded));
    let (index, build) = timed(|| FinderIndex::build_keyed(&candidates, b"a key of some length"));
    let dir = tempfile::tempdir()?;
    let (written, write) =
        timed(|| entente::atomic::replace(&dir.path().join("entry.bin"), index.bytes()));
    written?;
    let (results, search) = timed(|| index.search_unhighlighted(&Query::parse(&query), usize::MAX));
    println!(
        "{} candidates, index {:.1} MB, {} matches of {query:?}",
        candidates.len(),
        index.bytes().len() as f64 / 1e6,
        results.total
    );
    println!(
        "load {load}, candidates {cands}, free corpus {free}, index {build}, write {write}, \
         search {search}"
    );
    Ok(())
}
