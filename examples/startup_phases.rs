//! Times the phases of the browser's start-up on a corpus, outside a terminal: load (read,
//! parse, check), index, and the app's state (`App::new`). Peak memory: run it under `/usr/bin/time -v`.
//!
//! `cargo run --release --example startup_phases -- [CORPUS.json]` (no argument: the
//! built-in corpus, with the user's corpus directory over it unless `ENTENTE_CORPUS_DIR`
//! points elsewhere). Used to find what limits the first frame (BENCHMARKS.md).

use std::time::Instant;

use entente::app::strings::Lang;
use entente::app::{App, AppOptions};

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).map(std::path::PathBuf::from);
    let start = Instant::now();
    let loaded = entente::cli::load_corpus(path.as_deref())?;
    let loaded_at = start.elapsed();
    let library = entente::cli::Library::new(loaded);
    let indexed_at = start.elapsed();
    let options = AppOptions {
        lang: Lang::En,
        monochrome: false,
        ascii: false,
        mouse: false,
        size: (80, 24),
    };
    let app = App::new(library.loaded, library.index, options);
    let ready_at = start.elapsed();
    println!(
        "load {:.2} ms, index {:.2} ms, app {:.2} ms, total {:.2} ms",
        loaded_at.as_secs_f64() * 1e3,
        (indexed_at - loaded_at).as_secs_f64() * 1e3,
        (ready_at - indexed_at).as_secs_f64() * 1e3,
        ready_at.as_secs_f64() * 1e3,
    );
    // The app is dropped after the figures, so freeing it is not counted.
    drop(app);
    Ok(())
}
