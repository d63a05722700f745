//! The command-line arguments, as clap derives them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::index::Years;

const EXAMPLES: &str = "\
Examples:
  entente                              open the browser on the built-in corpus
  entente list                         every meeting and event, in date order
  entente list --topic ransomware      meetings that discussed it
  entente list --org EEAS --year 2025  filters combine
  entente show eu-rok-cyber-7          one record, every fact with its citation
  entente find kisa                    fuzzy, over names, acronyms and aliases
  entente find '#capacity'             # topics  @ organisations  ~ people
  entente search 'Budapest Convention' full text, each hit with its citation
  entente export eu-rok-cyber-7        Markdown briefing note (-o FILE)
  entente check ./my-corpus/           validate a corpus, report every problem
  entente check --strict ./my-corpus/  also warn: facts not in their citations
  entente fmt ./my-corpus/             rewrite files in the canonical layout
  entente list --json | jq '.items[].id'

Exit codes: 0 found, 1 nothing found, 2 bad usage or invalid corpus.
`check --strict` exits 1 on warnings, `fmt --check` on a file to reformat.";

/// A keyboard-first terminal browser for the record of diplomatic dialogues.
#[derive(Debug, Parser)]
#[command(name = "entente", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Load this corpus (a JSON file, or a directory of them) instead of the built-in one.
    #[arg(long, global = true, value_name = "PATH")]
    pub corpus: Option<PathBuf>,

    /// Print machine-readable JSON (shapes are documented in README.md).
    #[arg(long, global = true)]
    pub json: bool,

    /// Browser: turn on mouse wheel scrolling and clicks (off by default, so the terminal's
    /// own text selection keeps working).
    #[arg(long)]
    pub mouse: bool,

    /// Draw with ASCII only: borders, marks and any non-ASCII text shown as ASCII stand-ins
    /// (the default when the locale's character set is not UTF-8, e.g. LC_ALL=C).
    #[arg(long, global = true)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List meetings and events in date order, optionally filtered.
    List(ListArgs),
    /// Show one record (meeting, event, organisation, person, topic or source) by id.
    Show {
        /// A record id, as `list` and `find` print it.
        id: String,
    },
    /// Fuzzy-find topics, organisations, people, meetings and places (like `fzf --filter`).
    Find(FindArgs),
    /// Search the full text of the sources; each hit with its citation.
    Search {
        /// Words that must all appear in a paragraph (any case), or a "quoted phrase".
        text: String,
        /// Print at most this many hits (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
    /// Write a Markdown briefing note of a meeting (to stdout, or to a file with --output).
    Export {
        /// A meeting id, as `entente list` prints it.
        id: String,
        /// Write the note to this file (atomically: a temporary file, then a rename).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Validate a corpus (a JSON file or a directory) and report every problem.
    Check {
        /// The corpus file or directory to check.
        path: PathBuf,
        /// Also warn of what a valid corpus may still get wrong: a stated date or place not in
        /// its cited paragraphs, a summary without a full stop, an unused topic, … (exit 1 if
        /// there is any warning).
        #[arg(long)]
        strict: bool,
    },
    /// Rewrite corpus files in the canonical layout: the data is kept, only the layout changes.
    ///
    /// Each PATH is a corpus file, or a directory whose *.json files are formatted
    /// (subdirectories are not searched). A file that is not JSON, or not a corpus file, is
    /// reported and left as it is. Files are replaced atomically.
    Fmt {
        /// Write nothing: list the files that are not in the canonical layout (exit 1 if any).
        #[arg(long)]
        check: bool,
        /// Corpus files or directories (at least one; there is no default).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print a completion script for a shell (see README.md for where to install it).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: crate::cli::completions::Shell,
    },
    /// Print the man page, entente(1), in roff (e.g. `entente man > entente.1`).
    Man,
}

/// Filters for `list`; each takes a name, acronym, alias or id in any case.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ListArgs {
    /// Only entries that discussed this topic.
    #[arg(long)]
    pub topic: Option<String>,
    /// Only entries this organisation took part in or was named in.
    #[arg(long)]
    pub org: Option<String>,
    /// Only entries this person took part in.
    #[arg(long)]
    pub person: Option<String>,
    /// Only entries held in this place (city).
    #[arg(long)]
    pub place: Option<String>,
    /// Only entries of this year, or of this range of years (2019..2021 or 2019-2021).
    #[arg(long, value_name = "YEAR[..YEAR]")]
    pub year: Option<Years>,
    /// Only entries of this series (e.g. eu-rok-cyber-dialogue).
    #[arg(long)]
    pub series: Option<String>,
    /// Only meetings, or only events.
    #[arg(long, value_enum)]
    pub kind: Option<EntryKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntryKind {
    Meeting,
    Event,
}

#[derive(Debug, Clone, clap::Args)]
pub struct FindArgs {
    /// The query: words match in any order; a leading # @ ~ : % narrows to topics,
    /// organisations, people, meetings, places.
    pub query: String,
    /// Only candidates of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<FindKind>,
    /// Print at most this many matches (0: all, as `fzf --filter` does).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindKind {
    Topic,
    Org,
    Person,
    Meeting,
    Place,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(args: &[&str]) -> Result<ListArgs, clap::Error> {
        let argv = ["entente", "list"].into_iter().chain(args.iter().copied());
        match Args::try_parse_from(argv)?.command {
            Some(Command::List(list)) => Ok(list),
            other => panic!("not a list command: {other:?}"),
        }
    }

    #[test]
    fn year_takes_a_number_or_a_range() {
        let year = |s: &str| list(&["--year", s]).map(|l| l.year.map(|y| y.to_string()));
        assert_eq!(year("2019").ok().flatten().as_deref(), Some("2019"));
        assert_eq!(
            year("2019..2021").ok().flatten().as_deref(),
            Some("2019..2021")
        );
        assert_eq!(
            year("2019-2021").ok().flatten().as_deref(),
            Some("2019..2021")
        );
    }

    #[test]
    fn a_bad_year_is_a_usage_error_naming_the_value_and_the_forms() {
        for bad in ["abc", "2021..2019"] {
            let e = list(&["--year", bad]).unwrap_err();
            assert_eq!(e.exit_code(), 2);
            let text = e.to_string();
            assert!(text.contains(bad) && text.contains("2019..2021"), "{text}");
        }
    }

    #[test]
    fn kind_is_meeting_or_event() {
        let kind = list(&["--kind", "event"]).map(|l| l.kind);
        assert_eq!(kind.ok().flatten(), Some(EntryKind::Event));
        assert_eq!(list(&["--kind", "topic"]).unwrap_err().exit_code(), 2);
    }
}
