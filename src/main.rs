//! The `entente` binary: arguments → a subcommand or the browser; errors → an exit code.
//!
//! `main` returns an exit code; `run` returns `anyhow::Result`. A closed pipe
//! (`entente list | head -1`) is success, not an error; errors print their whole chain.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use entente::candidate_cache;
use entente::cli::{self, Args, Command, Library};
use entente::corpus::{builtin, load_path};
use entente::search::fuzzy::{Finder, candidates_from};

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Messages can quote a user's corpus (ids, file names): sanitise, keep line breaks.
            let message = format!("entente: {error:#}");
            // stderr may be a dead terminal: a failed write must not panic.
            let _ = write!(
                std::io::stderr(),
                "{}",
                entente::text::sanitize_block(&message)
            );
            let not_found = error.downcast_ref::<cli::NotFound>().is_some();
            ExitCode::from(if not_found { 1 } else { 2 })
        }
    }
}

fn run(args: &Args) -> Result<u8> {
    if let Some(Command::Check { path }) = &args.command {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let outcome = cli::check_path(path, args.json, &mut out)?;
        out.flush()?;
        return Ok(outcome.exit_code());
    }
    if let Some(Command::Find(find)) = &args.command {
        // Finding needs the candidates only: no index, and a fresh cache spares the parse.
        let candidates = match &args.corpus {
            Some(path) => candidate_cache::candidates_for(path)
                .map(|(c, _)| c)
                .with_context(|| cannot_load(path))?,
            None => candidates_from(
                &builtin::load()
                    .context("the built-in corpus is invalid (a bug: please report it)")?
                    .corpus,
            ),
        };
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let finder = Finder::new(candidates);
        let outcome = cli::find_on(&finder, find, args.json, &mut out)?;
        out.flush()?;
        // The process ends now: freeing 100k candidates one by one would only cost time.
        std::mem::forget(finder);
        return Ok(outcome.exit_code());
    }
    let library = load_library(args)?;
    match &args.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let outcome = cli::run(command, args.json, &library, &mut out)?;
            out.flush()?;
            Ok(outcome.exit_code())
        }
        None => browse(args, library),
    }
}

fn load_library(args: &Args) -> Result<Library> {
    let loaded = match &args.corpus {
        Some(path) => load_path(path).with_context(|| cannot_load(path))?,
        None => {
            builtin::load().context("the built-in corpus is invalid (a bug: please report it)")?
        }
    };
    Ok(Library::new(loaded))
}

fn cannot_load(path: &std::path::Path) -> String {
    format!(
        "cannot load the corpus at {}; run `entente check {}` to list every problem",
        path.display(),
        path.display()
    )
}

fn browse(args: &Args, library: Library) -> Result<u8> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the browser needs a terminal, and stdin or stdout is not one; \
             for output to a pipe or file use `entente list` (see `entente --help`)"
        );
    }
    match entente::browser::run(library.loaded, library.index, args.mouse) {
        Ok(()) => Ok(0),
        Err(err) => {
            // The terminal is restored by now; stderr may be gone, so never panic here.
            let _ = writeln!(std::io::stderr(), "entente: {err:#}");
            Ok(1)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
