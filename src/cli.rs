//! The command line: arguments (clap), and the subcommands that answer without a screen.
//!
//! Each subcommand returns an [`Outcome`] and writes to the `Write` it is given; `main` turns a
//! closed pipe (`entente list | head -1`) into a quiet success.
//! Exit codes: 0 found, 1 nothing found (or valid but unclean: `check --strict` warnings,
//! `fmt --check` files to reformat), 2 bad usage or invalid corpus.

pub mod args;
mod check;
pub mod completions;
mod export;
pub mod find;
mod fmt;
pub mod import;
mod list;
mod matrix;
pub mod output;
mod refs;
mod resolve;
mod search;
mod show;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

pub use args::{Args, Command, ImportArgs, MatrixArgs};

use crate::corpus::load::{LoadProgress, ReceivedText, load_path_observed};
use crate::corpus::{LoadedCorpus, builtin, layers, load_path};
use crate::index::Index;

/// What a subcommand found; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found (exit 0).
    Found,
    /// Nothing matched (exit 1).
    NothingFound,
    /// The input (e.g. the corpus given to `check`) is invalid (exit 2).
    Invalid,
    /// The input is valid but not clean: `check --strict` found warnings, or `fmt --check`
    /// found files to reformat (exit 1).
    Unclean,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Found => 0,
            Outcome::NothingFound | Outcome::Unclean => 1,
            Outcome::Invalid => 2,
        }
    }

    fn from_found(found: bool) -> Outcome {
        if found {
            Outcome::Found
        } else {
            Outcome::NothingFound
        }
    }
}

/// A loaded corpus and its index: what every subcommand but `check` reads.
pub struct Library {
    pub loaded: LoadedCorpus,
    pub index: Index,
}

impl Library {
    pub fn new(loaded: LoadedCorpus) -> Library {
        let index = Index::build(&loaded.corpus);
        Library { loaded, index }
    }
}

/// The corpus at `path` alone, or the built-in one with the user's corpus (if any) over it.
pub fn load_corpus(path: Option<&Path>) -> Result<LoadedCorpus> {
    match path {
        Some(path) => load_path(path).with_context(|| cannot_load(path)),
        None => match layers::existing_user_dir() {
            Some(dir) => {
                layers::load_layered(Some(&dir)).with_context(|| cannot_load_layered(&dir))
            }
            None => builtin::load().context(BUILT_IN_BROKEN),
        },
    }
}

/// What a built-in corpus that does not load is reported under.
const BUILT_IN_BROKEN: &str = "the built-in corpus is invalid (a bug: please report it)";

/// [`load_corpus`], telling `progress` how far reading `path` has got (the browser shows it
/// on its loading screen) instead of reporting on stderr, and keeping of the sources' received
/// text what `received` says. The built-in corpus alone comes without its origins.
pub fn load_corpus_observed(
    path: Option<&Path>,
    progress: std::sync::Arc<LoadProgress>,
    received: ReceivedText,
) -> Result<LoadedCorpus> {
    match path {
        Some(path) => {
            load_path_observed(path, progress, received).with_context(|| cannot_load(path))
        }
        None => match layers::existing_user_dir() {
            Some(dir) => layers::load_layered_observed(Some(&dir), progress, received)
                .with_context(|| cannot_load_layered(&dir)),
            // The browser, its only caller, uses no origins (see `builtin::load_without_origins`).
            None => builtin::load_without_origins().context(BUILT_IN_BROKEN),
        },
    }
}

/// What the user's corpus that did not load over the built-in one is reported under.
fn cannot_load_layered(dir: &Path) -> String {
    format!(
        "cannot load your corpus at {} over the built-in one; run `entente check` to list \
         every problem",
        dir.display()
    )
}

/// What a corpus that did not load is reported under: its path, and how to list its problems.
fn cannot_load(path: &Path) -> String {
    format!(
        "cannot load the corpus at {}; run `entente check {}` to list every problem",
        path.display(),
        path.display()
    )
}

/// Runs one subcommand against a library, writing to `out`, with search's matches unmarked.
pub fn run(
    command: &Command,
    json: bool,
    library: &Library,
    out: &mut dyn Write,
) -> Result<Outcome> {
    run_with(command, json, output::Marks::None, library, out)
}

/// [`run`], with search's matches marked as `marks` says (`--color`, `--markers`).
pub fn run_with(
    command: &Command,
    json: bool,
    marks: output::Marks,
    library: &Library,
    out: &mut dyn Write,
) -> Result<Outcome> {
    match command {
        Command::List(filter) => list::run(library, filter, json, out),
        Command::Show { id } => show::run(library, id, json, out),
        Command::Matrix(args) => matrix::run(library, args, json, out),
        Command::Find(find) => find::run(library, find, json, out),
        Command::Search { text, limit } => search::run(library, text, *limit, json, marks, out),
        Command::Export { .. } if json => anyhow::bail!(
            "`export` does not take --json: it writes a Markdown briefing note; \
             for the record as JSON use `entente show ID --json`"
        ),
        Command::Export {
            id,
            topic,
            exact,
            output,
            force,
        } => {
            let scope = if *exact {
                crate::index::TopicScope::Exact
            } else {
                crate::index::TopicScope::WithSubtopics
            };
            let what = match (id.as_deref(), topic.as_deref()) {
                (_, Some(topic)) => export::Subject::Topic(topic, scope),
                (Some(id), None) => export::Subject::Meeting(id),
                (None, None) => anyhow::bail!("export needs a meeting id or --topic TOPIC"),
            };
            export::run(library, what, output.as_deref(), *force, out)
        }
        Command::Check { .. }
        | Command::Fmt { .. }
        | Command::Import(_)
        | Command::Confirm { .. }
        | Command::Completions { .. }
        | Command::Man => dispatched_before_loading(),
    }
}

/// `check` and `fmt` read their own files (they must report problems instead of failing to
/// start), `import` and `confirm` write the user's corpus, and `completions` and `man` need no
/// corpus, so `main` dispatches each of them before any library is loaded.
fn dispatched_before_loading() -> Result<Outcome> {
    anyhow::bail!(
        "internal: `check`, `fmt`, `completions` and `man` are dispatched before loading a corpus"
    )
}

pub use check::run as check_path;
pub use fmt::run as fmt_paths;

/// A look-up that found nothing by that name (exit 1, not 2): the message says what to try.
#[derive(Debug)]
pub struct NotFound(pub String);

impl std::fmt::Display for NotFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotFound {}
