//! The browser's own user-facing words, in one place (key help texts live in the key map).

pub const APP_NAME: &str = "entente";
pub const UNTITLED_CORPUS: &str = "corpus";
pub const TIMELINE: &str = "Timeline";
pub const DETAIL: &str = "Detail";
pub const TAB_NAMES: [&str; 3] = ["Overview", "Text", "Related"];
pub const TAB_SWITCHES: &str = "Tab: switch pane";
pub const UNDATED: &str = "Undated";
pub const EMPTY_CORPUS: &str = "The corpus has no meetings or events.";
pub const NOTHING_MATCHES: &str = "Nothing matches the filter. Esc clears it.";
pub const NO_TEXT: &str = "No source text is recorded for this entry.";
pub const NO_RELATED: &str =
    "No other meeting shares a topic, organisation or person with this one.";
pub const RELATED_HEADING: &str = "Meetings sharing topics, organisations or people";
pub const SHARES: &str = "shares";
pub const HELP_TITLE: &str = "Keys";
pub const HELP_FOOTER: &str = "Esc or ? closes · j/k scroll";
pub const FINDER_TITLE: &str = "Find";
pub const FINDER_PROMPT: &str = "> ";
pub const FINDER_NO_RESULTS: &str = "No match.";
pub const FINDER_RECENT: &str = "recent";
pub const PREVIEW_TITLE: &str = "Appears in";
pub const PREVIEW_NOTHING: &str = "Not linked to any meeting or event.";
pub const SEARCH_PROMPT: &str = "/";
pub const ALL_KINDS: &str = "all";
pub const STATUS_COPIED: &str = "copied";
pub const STATUS_NOTHING_TO_COPY: &str = "nothing to copy here";
pub const STATUS_COPY_FAILED: &str = "could not write to the terminal clipboard";
pub const STATUS_EXPORTED: &str = "briefing note written to";
pub const STATUS_EXPORT_FAILED: &str = "could not write the briefing note";
pub const STATUS_NOTHING_TO_EXPORT: &str = "select a meeting to export its briefing note";
pub const STATUS_FILTER_CLEARED: &str = "filter cleared";
pub const STATUS_SEARCH_CLEARED: &str = "search cleared";
pub const STATUS_NO_FILTER: &str = "no filter to clear";
pub const STATUS_ONE_ACCOUNT: &str = "only one account of this entry";
pub const STATUS_NO_MATCHES: &str = "no matches";
pub const STATUS_NO_SEARCH: &str = "no search: / starts one";
pub const STATUS_NO_CITATION: &str = "no citation on this line";
pub const STATUS_NOT_IN_TEXT: &str = "the cited source is not in this corpus";
pub const TOO_SMALL: &str = "terminal too small";
pub const INFERRED: &str = "inferred";
pub const ONLY_IN: &str = "only in";
pub const ACCOUNT: &str = "account";
pub const CITED_SOURCE: &str = "cited source";
pub const CITATIONS: &str = "Also cited";
pub const SOURCE_NOTES: &str = "Notes on this source";
pub const TEXT_KEYS_TWO: &str = "a other account · c compare · / search";
pub const TEXT_KEYS_SOURCES: &str = "a next cited source · / search";
pub const COMPARE_KEYS: &str = "c ends the comparison · a swaps sides";

/// The words after the keys in the footer.
pub mod hint {
    pub const QUIT: &str = "quit";
    pub const HELP: &str = "help";
    pub const FIND: &str = "find";
    pub const PANE: &str = "pane";
    pub const SEARCH: &str = "search";
    pub const OPEN: &str = "open";
    pub const CLEAR: &str = "clear";
    pub const COPY: &str = "copy";
    pub const ACCOUNT: &str = "account";
    pub const COMPARE: &str = "compare";
    pub const PICK: &str = "pick";
    pub const CLOSE: &str = "close";
    pub const KIND: &str = "kind";
    pub const NEXT: &str = "next";
    pub const PREVIOUS: &str = "previous";
    pub const KEEP: &str = "keep";
    pub const CANCEL: &str = "cancel";
    pub const SCROLL: &str = "scroll";
}

/// The names of the key map's contexts, as help headings.
pub mod context {
    pub const BROWSE: &str = "Browsing";
    pub const DETAIL: &str = "Detail (tabs, accounts, search, copy)";
    pub const FINDER: &str = "Finder (f or Ctrl-P)";
    pub const SEARCH: &str = "Search prompt (/)";
    pub const HELP: &str = "Help (?)";
}

/// The finder's kind badges and kind-bar names.
pub mod kind {
    pub const TOPIC: &str = "topic";
    pub const ORG: &str = "org";
    pub const PERSON: &str = "person";
    pub const MEETING: &str = "meeting";
    pub const PLACE: &str = "place";
    pub const TOPICS: &str = "# topics";
    pub const ORGS: &str = "@ orgs";
    pub const PEOPLE: &str = "~ people";
    pub const MEETINGS: &str = ": meetings";
    pub const PLACES: &str = "% places";
}

/// "topic: Counter ransomware", as the header names an active filter.
pub fn filter_part(field: &str, value: &str) -> String {
    format!("{field}: {value}")
}

/// The names of the filter fields that are not facets (facets name themselves:
/// [`crate::corpus::Facet::label`]).
pub mod filter {
    pub const YEAR: &str = "year";
    pub const SERIES: &str = "series";
}

/// Labels of the facts in the Overview.
pub mod label {
    pub const DATE: &str = "Date";
    pub const PLACE: &str = "Place";
    pub const FORMAT: &str = "Format";
    pub const SERIES: &str = "Series";
    pub const NAMES: &str = "Names";
    pub const KIND: &str = "Kind";
    pub const PARTICIPANTS: &str = "Participants";
    pub const ORGANISATIONS: &str = "Organisations";
    pub const OBSERVERS: &str = "Observers";
    pub const CO_LOCATED: &str = "Held alongside";
    pub const TOPICS: &str = "Topics";
    pub const OUTCOMES: &str = "Outcomes";
    pub const NEXT_MEETING: &str = "Next meeting";
    pub const NOTES: &str = "Notes";
    pub const ACCOUNTS: &str = "Accounts";
    pub const DESCRIPTION: &str = "Description";
    pub const EDITION: &str = "edition";
}

/// "terminal too small: need at least 40x8, have 30x5".
pub fn too_small(need_w: u16, need_h: u16, w: u16, h: u16) -> String {
    format!("{TOO_SMALL}: need at least {need_w}x{need_h}, have {w}x{h}")
}

/// "match 2 of 5".
pub fn match_status(current: usize, total: usize) -> String {
    format!("match {current} of {total}")
}

/// A kept search whose matches are all in accounts other than the one shown.
pub fn matches_elsewhere(total: usize) -> String {
    format!("{total} in other accounts (n goes there)")
}

/// "3 of 11".
pub fn counts(shown: usize, total: usize) -> String {
    format!("{shown} of {total}")
}

/// "showing the ROK account".
pub fn showing_account(label: &str) -> String {
    format!("showing {label}")
}

/// "2 sentences only in the EU account, 7 only in the ROK account".
pub fn compare_summary(left: &str, left_only: usize, right: &str, right_only: usize) -> String {
    let noun = if left_only == 1 {
        "sentence"
    } else {
        "sentences"
    };
    format!("{left_only} {noun} {ONLY_IN} the {left}, {right_only} {ONLY_IN} the {right}")
}
