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
  entente import release.html          a press release into your own corpus
  entente confirm eu-rok-cyber-8       confirm what import detected
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

    /// When to colour text output: auto (only on a terminal, and only without NO_COLOR),
    /// always, or never. Search highlights its matches in colour; without colour they are
    /// plain unless --markers is given.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Search: bracket each match »like this« when the output is not coloured (in a pipe).
    #[arg(long, global = true)]
    pub markers: bool,

    /// Browser: turn on mouse wheel scrolling and clicks (off by default, so the terminal's
    /// own text selection keeps working).
    #[arg(long)]
    pub mouse: bool,

    /// The language of the browser's interface; by default the locale's (LC_ALL,
    /// LC_MESSAGES, LANG: ko… means Korean), else English.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Draw with ASCII only: borders, marks and any non-ASCII text shown as ASCII stand-ins
    /// (the default when the locale's character set is not UTF-8, e.g. LC_ALL=C).
    #[arg(long, global = true)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A language `--lang` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Korean (한국어).
    Ko,
}

impl Args {
    /// The arguments of this process: clap's parse ([`Parser::parse`]: usage errors, `--help`
    /// and `--version` exit there), except for a plain `entente` with no arguments at all,
    /// which skips building clap's command (a tenth of a plain start's work before the
    /// browser) and gives what clap gives for it, [`Args::none`].
    pub fn from_process() -> Args {
        if std::env::args_os().len() <= 1 {
            Args::none()
        } else {
            Args::parse()
        }
    }

    /// What clap parses from no arguments: every flag off or at its default, no subcommand
    /// (the browser). A test holds it to clap's parse of `entente` alone.
    pub fn none() -> Args {
        Args {
            corpus: None,
            json: false,
            color: ColorChoice::Auto,
            markers: false,
            mouse: false,
            lang: None,
            ascii: false,
            command: None,
        }
    }

    /// The interface's language: `--lang`, else the locale's.
    pub fn language(&self) -> crate::app::strings::Lang {
        use crate::app::strings::Lang;
        match self.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Ko) => Lang::Ko,
            None => {
                let var = |name| std::env::var(name).ok();
                Lang::from_locale(
                    var("LC_ALL").as_deref(),
                    var("LC_MESSAGES").as_deref(),
                    var("LANG").as_deref(),
                )
            }
        }
    }
}

/// `--color`: as ripgrep and ls take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour only when stdout is a terminal and NO_COLOR is unset or empty.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether stdout is a terminal and the value of NO_COLOR.
    pub fn colours(self, stdout_is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_is_terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
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
    /// Search the full text of the sources; each hit with its meeting, account and citation.
    Search {
        /// Words that must all appear in a paragraph (any case), or a "quoted phrase"; not
        /// empty.
        text: String,
        /// Print at most this many hits (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
    /// The topic matrix: which topics each meeting discussed, and in which accounts (a text
    /// table, or --json, or --csv); takes the filters of `list`.
    Matrix(MatrixArgs),
    /// Write a Markdown briefing note of a meeting, or with --topic of one topic across all
    /// meetings (to stdout, or to a file with --output).
    Export {
        /// A meeting id, as `entente list` prints it.
        #[arg(required_unless_present = "topic", conflicts_with = "topic")]
        id: Option<String>,
        /// A note on this topic across every meeting instead (an id or a name, as for
        /// `list --topic`).
        #[arg(long, value_name = "TOPIC")]
        topic: Option<String>,
        /// With --topic: the topic alone, without its sub-topics.
        #[arg(long, requires = "topic")]
        exact: bool,
        /// Write the note to this file (atomically: a temporary file, then a rename). An
        /// existing file is left alone unless --force is given.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the --output file if it exists (its permissions are kept).
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Validate a corpus (a JSON file or a directory) and report every problem; with no path,
    /// the built-in corpus with your own corpus over it.
    ///
    /// `--corpus` is refused here, so a check never tests another corpus than the one named.
    Check {
        /// The corpus file or directory to check (default: built-in + your corpus directory).
        path: Option<PathBuf>,
        /// Also warn of what a valid corpus may still get wrong: a stated date or place not in
        /// its cited paragraphs, a summary without a full stop, an unused topic, … (exit 1 if
        /// there is any warning).
        #[arg(long)]
        strict: bool,
    },
    /// Read a press release (plain text or a saved HTML page) into your corpus: a source
    /// record and a draft meeting, or another account of a meeting already in the corpus.
    Import(ImportArgs),
    /// Confirm an imported meeting: remove its draft mark (in your corpus directory).
    Confirm {
        /// The meeting id `import` printed.
        id: String,
        /// The corpus directory (default: your corpus directory, as for `import`).
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
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

/// What `import` reads and the metadata it cannot detect.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The text to import (plain text or a saved HTML page), or `-` for stdin.
    pub file: PathBuf,
    /// The source's id (default: made from its title).
    #[arg(long)]
    pub id: Option<String>,
    /// The source's title (default: the page title or the headline).
    #[arg(long)]
    pub title: Option<String>,
    /// Who published it (e.g. "EEAS").
    #[arg(long)]
    pub publisher: Option<String>,
    /// Where it is published.
    #[arg(long)]
    pub url: Option<String>,
    /// Its publication date, YYYY-MM-DD (default: a date line at the top of the text).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// What kind of text it is.
    #[arg(long, value_enum)]
    pub kind: Option<ImportKind>,
    /// Its language.
    #[arg(long, value_enum)]
    pub language: Option<ImportLanguage>,
    /// Write into this corpus directory (default: $ENTENTE_CORPUS_DIR, else
    /// $XDG_DATA_HOME/entente/corpus, else ~/.local/share/entente/corpus).
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// Print what would be detected and written; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    PressRelease,
    JointStatement,
    NewsItem,
    AdvanceNotice,
    WebPage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportLanguage {
    En,
    Ko,
}

/// What `list` takes: the timeline's filters, and the kind of entry.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Only meetings, or only events.
    #[arg(long, value_enum)]
    pub kind: Option<EntryKind>,
}

/// What `matrix` takes: the timeline's filters, and the format.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct MatrixArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Write CSV (RFC 4180: a header line, then one line per topic) instead of a table.
    #[arg(long)]
    pub csv: bool,
}

/// The timeline's filters (`list`, `matrix`); each takes a name, acronym, alias or id in any
/// case.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only entries that discussed this topic or one of its sub-topics (see --exact).
    #[arg(long)]
    pub topic: Option<String>,
    /// A topic stands for itself alone, not its sub-topics (in --topic, and in the matrix's
    /// rows).
    #[arg(long)]
    pub exact: bool,
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
        let year = |s: &str| list(&["--year", s]).map(|l| l.filter.year.map(|y| y.to_string()));
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
    fn colour_auto_needs_a_terminal_and_no_no_color() {
        use std::ffi::OsStr;
        let auto = ColorChoice::Auto;
        assert!(auto.colours(true, None));
        assert!(auto.colours(true, Some(OsStr::new(""))));
        assert!(!auto.colours(true, Some(OsStr::new("1"))));
        assert!(!auto.colours(false, None));
        assert!(ColorChoice::Always.colours(false, Some(OsStr::new("1"))));
        assert!(!ColorChoice::Never.colours(true, None));
    }

    #[test]
    fn global_flags_work_after_the_subcommand_and_its_arguments() {
        let args = Args::try_parse_from([
            "entente",
            "search",
            "cyber",
            "--color",
            "never",
            "--markers",
            "--json",
            "--corpus",
            "x",
        ])
        .unwrap();
        assert_eq!(args.color, ColorChoice::Never);
        assert!(args.markers && args.json);
        assert_eq!(args.corpus.as_deref(), Some(std::path::Path::new("x")));
    }

    /// The fast path of a plain start ([`Args::from_process`]) equals clap's parse of no
    /// arguments, field for field (a field added to `Args` must be given in `Args::none`, and
    /// its value there must be clap's default).
    #[test]
    fn no_arguments_parse_to_the_plain_start() {
        let parsed = Args::try_parse_from(["entente"]).expect("no arguments parse");
        assert_eq!(format!("{parsed:?}"), format!("{:?}", Args::none()));
        assert!(Args::none().command.is_none());
        // An empty argument list (no program name either) is the same for clap.
        let empty = Args::try_parse_from(std::iter::empty::<&str>()).expect("it parses");
        assert_eq!(format!("{empty:?}"), format!("{:?}", Args::none()));
    }

    #[test]
    fn kind_is_meeting_or_event() {
        let kind = list(&["--kind", "event"]).map(|l| l.kind);
        assert_eq!(kind.ok().flatten(), Some(EntryKind::Event));
        assert_eq!(list(&["--kind", "topic"]).unwrap_err().exit_code(), 2);
    }
}
