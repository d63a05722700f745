//! Times the phases of the browser's start-up on a corpus, outside a terminal, in the
//! browser's order: load (read, parse, check), the first frame's index
//! (`Index::build_for_first_frame`), the app's state (`App::new`); then what the browser does
//! after its first frame, the rest of the index (`IndexRest::build`; adding it moves its
//! tables into the app's index, which is not reachable from outside the crate), with the free
//! heap handed back to the system before it, as the browser does for a big corpus. Peak
//! memory: run it under `/usr/bin/time -v`.
//!
//! `cargo run --release --example startup_phases -- [--load-only] [--keep-received]
//! [--cache DIR] [CORPUS.json]` (no corpus: the built-in corpus, with the user's corpus
//! directory over it unless `ENTENTE_CORPUS_DIR` points elsewhere). With `--cache DIR` the
//! load is the browser's with the corpus's cache entry in `DIR` (`corpus::load::cache`): read
//! from the entry when there is a valid one, else parsed and the entry then written (its
//! time printed, not counted in the start). The load is the browser's: it drops each
//! source's received text while parsing, unless `--keep-received` asks for the load of the
//! other commands. `--load-only` stops after the load (to measure its time and peak memory
//! alone). After each phase it prints the process's resident memory and its peak so far
//! (`VmRSS` / `VmHWM` of `/proc/self/status`, where there is one), to see which phase sets
//! the peak. Used to find what limits the first frame (BENCHMARKS.md). Like the browser, it
//! limits glibc to a few malloc arenas first (`heap::ARENAS`).

use std::sync::Arc;
use std::time::Instant;

use entente::app::strings::Lang;
use entente::app::{App, AppOptions};
use entente::corpus::LoadedCorpus;
use entente::corpus::load::cache::CorpusEntry;
use entente::corpus::load::{LoadProgress, ReceivedText};

fn main() -> anyhow::Result<()> {
    // As the browser does before its first thread (`heap::limit_arenas`).
    entente::heap::limit_arenas();
    let mut load_only = false;
    let mut received = ReceivedText::Drop;
    let mut path = None;
    let mut cache = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--load-only" => load_only = true,
            "--keep-received" => received = ReceivedText::Keep,
            "--cache" => cache = args.next().map(std::path::PathBuf::from),
            _ => path = Some(std::path::PathBuf::from(arg)),
        }
    }
    let start = Instant::now();
    let progress = Arc::new(LoadProgress::default());
    let entry = cache
        .as_deref()
        .zip(path.as_deref())
        .and_then(|(dir, path)| CorpusEntry::in_dir(dir, path));
    // As the browser reads it: without the origins, which it does not use.
    let (loaded, from_cache) = match entry.as_ref().and_then(|e| e.read_corpus(&progress)) {
        Some(corpus) => (
            LoadedCorpus {
                corpus,
                origins: Default::default(),
            },
            true,
        ),
        None => (
            entente::cli::load_corpus_observed(path.as_deref(), progress, received)?,
            false,
        ),
    };
    let loaded_at = start.elapsed();
    if let Some(entry) = entry.filter(|_| !from_cache) {
        let writing = Instant::now();
        entry.write(&loaded.corpus, &loaded.origins)?;
        println!(
            "the cache entry written in {:.2} ms (not counted below): {}",
            writing.elapsed().as_secs_f64() * 1e3,
            entry.file().display()
        );
    } else if from_cache {
        println!("the corpus was read from its cache entry");
    }
    let start = Instant::now() - loaded_at;
    let after_load = memory();
    if load_only {
        println!(
            "load {:.2} ms ({} sources, {} meetings); {after_load}",
            loaded_at.as_secs_f64() * 1e3,
            loaded.corpus.sources.len(),
            loaded.corpus.meetings.len()
        );
        drop(loaded);
        return Ok(());
    }
    let index = entente::index::Index::build_for_first_frame(&loaded.corpus);
    let indexed_at = start.elapsed();
    let after_index = memory();
    let options = AppOptions {
        lang: Lang::En,
        monochrome: false,
        ascii: false,
        mouse: false,
        size: (80, 24),
    };
    let seed = index.rest_seed();
    let app = App::new(loaded, index, options);
    let ready_at = start.elapsed();
    let after_app = memory();
    let trimming = Instant::now();
    entente::heap::release_free_memory();
    let trim_took = trimming.elapsed();
    let after_trim = memory();
    let rest_from = Instant::now();
    let rest = entente::index::IndexRest::build(app.corpus(), seed);
    let rest_took = rest_from.elapsed();
    println!(
        "load {:.2} ms, index {:.2} ms, app {:.2} ms, total {:.2} ms; after the first frame: the index's rest {:.2} ms",
        loaded_at.as_secs_f64() * 1e3,
        (indexed_at - loaded_at).as_secs_f64() * 1e3,
        (ready_at - indexed_at).as_secs_f64() * 1e3,
        ready_at.as_secs_f64() * 1e3,
        rest_took.as_secs_f64() * 1e3,
    );
    println!(
        "memory after load: {after_load}; after index: {after_index}; after app: {after_app}; trimmed ({:.2} ms): {after_trim}; with the index's rest: {}",
        trim_took.as_secs_f64() * 1e3,
        memory()
    );
    drop(rest);
    // The app is dropped after the figures, so freeing it is not counted.
    drop(app);
    Ok(())
}

/// The process's resident memory now and at its peak so far, in MB, from `/proc/self/status`
/// (`?` where it cannot be read).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or_else(|| "?".to_string(), |kb| format!("{}", kb / 1000))
    };
    format!("rss {} MB (peak {} MB)", field("VmRSS:"), field("VmHWM:"))
}
