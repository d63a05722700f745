//! The interface's words in English.

use super::{Contexts, Hints, Kinds, Strings};
use crate::corpus::Facet;
use crate::facts::{Field, Heading};

pub static STRINGS: Strings = Strings {
    untitled_corpus: "corpus",
    timeline: "Timeline",
    detail: "Detail",
    tab_names: ["Overview", "Text", "Related"],
    status_markers: [
        "◦ announced",
        "· mentioned",
        "◦ upcoming",
        "× superseded",
        "· held as planned",
        "◦ not reported",
    ],
    tab_switches: "Tab: switch pane",
    undated: "Undated",
    empty_corpus: "The corpus has no meetings or events.",
    nothing_matches: "Nothing matches the filter. Esc clears it.",
    no_text: "No source text is recorded for this entry.",
    no_related: "No other meeting shares a topic, organisation or person with this one.",
    related_heading: "Meetings sharing topics, organisations or people",
    shares: "shares",
    help_title: "Keys",
    help_footer: "Esc or ? closes · j/k scroll",
    finder_title: "Find",
    finder_no_results: "No match.",
    finder_searching: "searching…",
    finder_recent: "recent",
    preview_title: "Appears in",
    preview_nothing: "Not linked to any meeting or event.",
    all_kinds: "all",
    status_copied: "copied",
    status_nothing_to_copy: "nothing to copy here",
    status_copy_failed: "could not write to the terminal clipboard",
    status_exported: "briefing note written to",
    status_export_failed: "could not write the briefing note",
    status_nothing_to_export: "select a meeting to export its briefing note",
    status_filter_cleared: "filter cleared",
    status_search_cleared: "search cleared",
    status_no_filter: "no filter to clear",
    status_one_account: "only one account of this entry",
    status_no_matches: "no matches",
    status_no_search: "no search: / starts one",
    status_no_citation: "no citation on this line",
    status_not_in_text: "the cited source is not in this corpus",
    account: "account",
    cited_source: "cited source",
    citations: "Also cited",
    source_notes: "Notes on this source",
    text_keys_two: "a other account · c compare · / search",
    text_keys_sources: "a next cited source · / search",
    compare_keys: "c ends the comparison · a swaps sides",
    filter_year: "year",
    filter_series: "series",
    label_names: "Names",
    hint: Hints {
        quit: "quit",
        help: "help",
        find: "find",
        pane: "pane",
        search: "search",
        open: "open",
        clear: "clear",
        copy: "copy",
        account: "account",
        compare: "compare",
        pick: "pick",
        close: "close",
        kind: "kind",
        next: "next",
        previous: "previous",
        keep: "keep",
        cancel: "cancel",
        scroll: "scroll",
    },
    context: Contexts {
        browse: "Browsing",
        detail: "Detail (tabs, accounts, search, copy)",
        finder: "Finder (f or Ctrl-P)",
        search: "Search prompt (/)",
        help: "Help (?)",
    },
    kind: Kinds {
        topic: "topic",
        org: "org",
        person: "person",
        meeting: "meeting",
        place: "place",
        topics: "# topics",
        orgs: "@ orgs",
        people: "~ people",
        meetings: ": meetings",
        places: "% places",
    },
    facet: Facet::label,
    heading: Heading::label,
    field: Field::label,
    too_small,
    match_status,
    matches_elsewhere,
    counts,
    showing_account,
    compare_summary,
    only_in,
};

fn too_small(need_w: u16, need_h: u16, w: u16, h: u16) -> String {
    format!("terminal too small: need at least {need_w}x{need_h}, have {w}x{h}")
}

fn match_status(current: usize, total: usize) -> String {
    format!("match {current} of {total}")
}

fn matches_elsewhere(total: usize) -> String {
    format!("{total} in other accounts (n goes there)")
}

fn counts(shown: usize, total: usize) -> String {
    format!("{shown} of {total}")
}

fn showing_account(label: &str) -> String {
    format!("showing {label}")
}

fn compare_summary(left: &str, left_only: usize, right: &str, right_only: usize) -> String {
    let noun = if left_only == 1 {
        "sentence"
    } else {
        "sentences"
    };
    format!("{left_only} {noun} only in the {left}, {right_only} only in the {right}")
}

fn only_in(side: &str) -> String {
    format!("only in {side}")
}
