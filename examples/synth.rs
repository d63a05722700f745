//! Writes a deterministic synthetic corpus for benchmarks and scale tests.
//!
//! `cargo run --release --example synth -- CANDIDATES OUT_DIR` writes `OUT_DIR/corpus.json`
//! (a valid corpus of about CANDIDATES finder candidates) and `OUT_DIR/candidates.txt` (the same
//! candidates as plain lines, one per candidate, for `fzf --filter`).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: synth CANDIDATES OUT_DIR";
    let candidates: usize = args.next().context(usage)?.parse().context(usage)?;
    let out = PathBuf::from(args.next().context(usage)?);
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let corpus = entente::synth::generate(entente::synth::Spec::with_candidates(candidates));
    let json = serde_json::to_string(&corpus)?;
    std::fs::write(out.join("corpus.json"), json)?;
    let mut lines = std::io::BufWriter::new(std::fs::File::create(out.join("candidates.txt"))?);
    for line in entente::synth::candidate_lines(&corpus) {
        writeln!(lines, "{line}")?;
    }
    lines.flush()?;
    eprintln!("wrote {}/corpus.json and candidates.txt", out.display());
    Ok(())
}
