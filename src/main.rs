//! The `entente` binary: arguments → a subcommand or the browser; errors → an exit code.
//!
//! `main` returns an exit code; `run` returns `anyhow::Result`. A closed pipe
//! (`entente list | head -1`) is success, not an error; errors print their whole chain,
//! sanitised. Exits: 0 found, 1 nothing found ([`cli::NotFound`]), 2 any other error (bad
//! usage, invalid corpus, the browser failing to start).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use entente::cli::{self, Args, Command, Library};

fn main() -> ExitCode {
    let args = Args::from_process();
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
    if let Some(Command::Completions { shell }) = &args.command {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        cli::completions::completions(*shell, &mut out)?;
        out.flush()?;
        return Ok(0);
    }
    if let Some(Command::Man) = &args.command {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        cli::completions::man(&mut out)?;
        out.flush()?;
        return Ok(0);
    }
    // `check` and `fmt` work on the PATH given; a `--corpus` beside it would be ignored.
    if let Some(corpus) = &args.corpus
        && matches!(
            args.command,
            Some(Command::Check { .. } | Command::Fmt { .. })
        )
    {
        anyhow::bail!(
            "`--corpus {}` is not taken by `check` or `fmt`: they work on the PATH they are \
             given (e.g. `entente check {}`)",
            corpus.display(),
            corpus.display()
        );
    }
    if let Some(Command::Check { path, strict }) = &args.command {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let outcome = cli::check_path(path.as_deref(), *strict, args.json, &mut out)?;
        out.flush()?;
        return Ok(outcome.exit_code());
    }
    if let Some(Command::Fmt { check, paths }) = &args.command {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let outcome = cli::fmt_paths(paths, *check, args.json, &mut out)?;
        out.flush()?;
        return Ok(outcome.exit_code());
    }
    if let Some(Command::Import(import)) = &args.command {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let outcome = cli::import::run(import, &mut out)?;
        out.flush()?;
        return Ok(outcome.exit_code());
    }
    if let Some(Command::Confirm { id, into }) = &args.command {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let outcome = cli::import::confirm(id, into.as_deref(), &mut out)?;
        out.flush()?;
        return Ok(outcome.exit_code());
    }
    if let Some(Command::Find(find)) = &args.command {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let outcome = cli::find::run_command(args.corpus.as_deref(), find, args.json, &mut out)?;
        out.flush()?;
        return Ok(outcome.exit_code());
    }
    let Some(command) = &args.command else {
        return browse(args);
    };
    let library = load_library(args)?;
    let stdout = std::io::stdout();
    // Text for a terminal that cannot show UTF-8 goes through ASCII stand-ins; JSON
    // and the Markdown note are file formats and stay as they are.
    let ascii_text = ascii(args) && !args.json && !is_file_format(command);
    let sink: Box<dyn Write> = if ascii_text {
        Box::new(entente::text::glyphs::AsciiWriter::new(stdout.lock()))
    } else {
        Box::new(stdout.lock())
    };
    let mut out = std::io::BufWriter::new(sink);
    let colour = args.color.colours(
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let marks = cli::output::Marks::choose(colour, args.markers);
    let outcome = cli::run_with(command, args.json, marks, &library, &mut out)?;
    out.flush()?;
    Ok(outcome.exit_code())
}

/// Whether a subcommand writes a file format (the Markdown note, CSV), which stays as it is.
fn is_file_format(command: &Command) -> bool {
    match command {
        Command::Export { .. } => true,
        Command::Matrix(m) => m.csv,
        _ => false,
    }
}

fn load_library(args: &Args) -> Result<Library> {
    Ok(Library::new(cli::load_corpus(args.corpus.as_deref())?))
}

fn browse(args: &Args) -> Result<u8> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // A corpus that does not load is the first thing to report, terminal or not.
        load_library(args)?;
        anyhow::bail!(
            "the browser needs a terminal, and stdin or stdout is not one; \
             for output to a pipe or file use `entente list` (see `entente --help`)"
        );
    }
    // Before any thread: the browser's threads share a few malloc arenas (heap).
    entente::heap::limit_arenas();
    // The corpus loads on a thread of its own; a load that takes long shows its progress.
    match entente::browser::run_loading(
        args.corpus.clone(),
        args.mouse,
        args.language(),
        ascii(args),
    ) {
        Ok(()) => Ok(0),
        Err(err) => {
            // The terminal is restored by now; stderr may be gone, so never panic here. The
            // message may quote the corpus: sanitised. A start-up failure is exit 2, as any
            // error but "nothing found" is.
            let message = format!("entente: {err:#}\n");
            let _ = write!(
                std::io::stderr(),
                "{}",
                entente::text::sanitize_block(&message)
            );
            Ok(2)
        }
    }
}

/// ASCII-only output: `--ascii`, or a locale that cannot show UTF-8.
fn ascii(args: &Args) -> bool {
    args.ascii || entente::text::glyphs::environment_is_ascii()
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
