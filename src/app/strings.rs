//! The browser's user-facing words: one table per language ([`en`], [`ko`]), both of the one
//! [`Strings`] type, so a word missing from either table does not compile. Key help texts live
//! in the key map (English, which the README's key tables are generated from); their
//! translations are [`key_help`]'s tables, whose key sets a test keeps equal to the key map's.

pub mod en;
pub mod ko;

use crate::corpus::Facet;
use crate::corpus::load::LoadStep;
use crate::facts::{Field, Heading};
use crate::search::fuzzy::Kind;

/// Words that read the same in every language.
pub const APP_NAME: &str = "entente";
pub const FINDER_PROMPT: &str = "> ";
pub const SEARCH_PROMPT: &str = "/";

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    /// Every language, in the order `--lang` lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language's code, as `--lang` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language a POSIX locale asks for: the first set and non-empty of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` (their order of precedence) decides; `ko`, `ko_KR.UTF-8` and
    /// the like mean Korean, anything else English.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let locale = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty());
        match locale {
            Some(l)
                if l == "ko"
                    || l.starts_with("ko_")
                    || l.starts_with("ko.")
                    || l.starts_with("ko@") =>
            {
                Lang::Ko
            }
            _ => Lang::En,
        }
    }

    /// The language's table of words.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Ko => &ko::STRINGS,
        }
    }
}

/// Every word of the interface in one language. Plain words are fields; phrases that hold a
/// number or a name are functions, since word order differs between languages.
pub struct Strings {
    /// The language's code (`en`, `ko`): picks a party's name in that language from the
    /// corpus, where it gives one ([`crate::corpus::names::side_label_in`]).
    pub code: &'static str,
    pub untitled_corpus: &'static str,
    pub timeline: &'static str,
    pub detail: &'static str,
    /// Overview, Text, Related.
    pub tab_names: [&'static str; 3],
    /// The timeline's status markers: announced, mentioned, upcoming, superseded, held as
    /// planned, not reported (see [`crate::app::format::status_marker`]).
    pub status_markers: [&'static str; 6],
    pub tab_switches: &'static str,
    pub undated: &'static str,
    pub empty_corpus: &'static str,
    pub nothing_matches: &'static str,
    pub no_text: &'static str,
    pub no_related: &'static str,
    pub related_heading: &'static str,
    pub shares: &'static str,
    pub help_title: &'static str,
    pub help_footer: &'static str,
    pub finder_title: &'static str,
    pub finder_no_results: &'static str,
    /// Shown in place of the count while a finder query is being matched.
    pub finder_searching: &'static str,
    /// Shown instead of [`Strings::finder_searching`] while the finder itself is still being
    /// built (right after start, on a big corpus).
    pub finder_indexing: &'static str,
    pub finder_recent: &'static str,
    pub preview_title: &'static str,
    pub preview_nothing: &'static str,
    pub all_kinds: &'static str,
    pub status_nothing_to_copy: &'static str,
    pub status_exported: &'static str,
    pub status_export_failed: &'static str,
    pub status_nothing_to_export: &'static str,
    pub status_filter_cleared: &'static str,
    pub status_search_cleared: &'static str,
    pub status_no_filter: &'static str,
    pub status_one_account: &'static str,
    pub status_no_matches: &'static str,
    pub status_no_search: &'static str,
    pub status_no_citation: &'static str,
    pub status_not_in_text: &'static str,
    pub account: &'static str,
    pub cited_source: &'static str,
    pub citations: &'static str,
    pub source_notes: &'static str,
    pub text_keys_two: &'static str,
    pub text_keys_sources: &'static str,
    pub compare_keys: &'static str,
    pub filter_year: &'static str,
    pub filter_series: &'static str,
    /// The one label over the names each side uses for a meeting.
    pub label_names: &'static str,
    pub hint: Hints,
    /// The search across every text, and copying.
    pub across: SearchCopyWords,
    /// The topic matrix view's words.
    pub matrix: MatrixWords,
    pub context: Contexts,
    pub kind: Kinds,
    /// A facet's name in the header's filters ("topic: …").
    pub facet: fn(Facet) -> &'static str,
    /// A section heading of the Overview.
    pub heading: fn(Heading) -> &'static str,
    /// The label of a one-line fact of the Overview ("Date"); `None` for items of a list.
    pub field: fn(Field) -> Option<&'static str>,
    /// "terminal too small: need at least 40x8, have 30x5".
    pub too_small: fn(u16, u16, u16, u16) -> String,
    /// "match 2 of 5".
    pub match_status: fn(usize, usize) -> String,
    /// A kept search whose matches are all in accounts other than the one shown.
    pub matches_elsewhere: fn(usize) -> String,
    /// "3 of 11".
    pub counts: fn(usize, usize) -> String,
    /// "showing the ROK account".
    pub showing_account: fn(&str) -> String,
    /// "2 passages only in the EU account, 7 only in the ROK account · «…» a clause".
    pub compare_summary: fn(&str, usize, &str, usize) -> String,
    /// "only in ROK": marks what one account alone says.
    pub only_in: fn(&str) -> String,
    // Navigation: history and position in a pane.
    /// Back with no place behind.
    pub status_history_start: &'static str,
    /// Forward with no place ahead.
    pub status_history_end: &'static str,
    /// A pane's bottom border when rows follow below the view.
    pub more_below: &'static str,
    /// The loading screen's key: "q stop".
    pub loading_keys: &'static str,
    /// The loading screen's title: "Loading corpus.json".
    pub loading: fn(&str) -> String,
    /// What the load is doing: "reading file 1 of 3".
    pub loading_step: fn(LoadStep) -> String,
    /// "45.2 of 126.0 MiB read, 12345 records parsed (1.2 s)".
    pub loading_amount: fn(f64, f64, usize, f64) -> String,
}

/// The words after the keys in the footer.
pub struct Hints {
    pub quit: &'static str,
    pub help: &'static str,
    pub find: &'static str,
    pub pane: &'static str,
    pub search: &'static str,
    pub open: &'static str,
    pub clear: &'static str,
    pub copy: &'static str,
    pub account: &'static str,
    pub compare: &'static str,
    pub pick: &'static str,
    pub close: &'static str,
    pub kind: &'static str,
    pub next: &'static str,
    pub previous: &'static str,
    pub keep: &'static str,
    pub cancel: &'static str,
    pub scroll: &'static str,
    /// After `?` when the footer cannot hold every hint.
    pub more: &'static str,
}

/// The words of the topic matrix view.
pub struct MatrixWords {
    pub title: &'static str,
    /// Over the topic column.
    pub topics: &'static str,
    /// A meeting did not record the topic.
    pub not_recorded: &'static str,
    /// No meeting the filter keeps records a topic.
    pub empty: &'static str,
    /// "only via": a cell that comes from sub-topics alone.
    pub via: &'static str,
    /// Legend: "EU and ROK" (sides from the data), "EU only", "ROK only", "other sources".
    pub both: fn(&str, &str) -> String,
    pub only: fn(&str) -> String,
    pub other: &'static str,
    pub open: &'static str,
    pub close: &'static str,
    /// The footer's hint for the key that opens the matrix.
    pub hint: &'static str,
}

/// The names of the key map's contexts, as help headings.
pub struct Contexts {
    pub browse: &'static str,
    pub detail: &'static str,
    pub finder: &'static str,
    pub search: &'static str,
    pub help: &'static str,
    pub corpus_search: &'static str,
    pub matrix: &'static str,
}

/// The words of the search across every text (`/` from the timeline) and of copying (`y`,
/// `Y`): what was copied, and where it went.
pub struct SearchCopyWords {
    /// The overlay's title.
    pub title: &'static str,
    /// Before anything is typed.
    pub prompt_help: &'static str,
    /// A query that matches nothing.
    pub no_hits: &'static str,
    /// "12 hits", or "200+ hits" when capped (shown, capped).
    pub hits: fn(usize, bool) -> String,
    /// "hit 3 of 12 for “ransomware” (n/N)" after opening a hit (position, listed, query).
    pub hit_status: fn(usize, usize, &str) -> String,
    /// "copied to DESTINATION: “first words…”".
    pub copied: fn(&str, &str) -> String,
    /// The terminal's clipboard, by OSC 52.
    pub to_osc52: &'static str,
    /// tmux's paste buffer and, through tmux, the clipboard.
    pub to_tmux: &'static str,
    /// A new file (its name follows).
    pub to_file: &'static str,
    /// The copy could not be delivered: the error follows.
    pub copy_failed: &'static str,
}

/// The finder's kind badges and kind-bar names.
pub struct Kinds {
    pub topic: &'static str,
    pub org: &'static str,
    pub person: &'static str,
    pub meeting: &'static str,
    pub place: &'static str,
    pub topics: &'static str,
    pub orgs: &'static str,
    pub people: &'static str,
    pub meetings: &'static str,
    pub places: &'static str,
}

impl Kinds {
    /// The badge shown on a finder result row.
    pub fn badge(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Topic => self.topic,
            Kind::Organisation => self.org,
            Kind::Person => self.person,
            Kind::Meeting => self.meeting,
            Kind::Place => self.place,
        }
    }

    /// The name of a kind filter in the finder's kind bar.
    pub fn bar_name(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Topic => self.topics,
            Kind::Organisation => self.orgs,
            Kind::Person => self.people,
            Kind::Meeting => self.meetings,
            Kind::Place => self.places,
        }
    }
}

/// "topic: Counter ransomware", as the header names an active filter.
pub fn filter_part(field: &str, value: &str) -> String {
    format!("{field}: {value}")
}

/// A key map help text (English, as the key map holds it) in `lang`; an English text the
/// table lacks stays English (a test keeps the tables complete).
pub fn key_help(lang: Lang, english: &'static str) -> &'static str {
    match lang {
        Lang::En => english,
        Lang::Ko => ko::KEY_HELP
            .iter()
            .find(|(en, _)| *en == english)
            .map_or(english, |(_, ko)| ko),
    }
}

#[cfg(test)]
mod tests;
