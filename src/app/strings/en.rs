//! The interface's words in English.

use super::{Contexts, Hints, Kinds, MatrixWords, SearchCopyWords, Strings};
use crate::corpus::Facet;
use crate::corpus::load::LoadStep;
use crate::facts::{Field, Heading};

pub static STRINGS: Strings = Strings {
    code: "en",
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
    finder_indexing: "indexing…",
    finder_recent: "recent",
    preview_title: "Appears in",
    preview_nothing: "Not linked to any meeting or event.",
    all_kinds: "all",
    status_nothing_to_copy: "nothing to copy here",
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
        more: "more",
    },
    across: SearchCopyWords {
        title: "Search every text",
        prompt_help: "Type words or a \"quoted phrase\"; Enter opens the paragraph, n/N walk the hits.",
        no_hits: "No paragraph matches.",
        hits,
        hit_status,
        copied,
        to_osc52: "clipboard (OSC 52)",
        to_tmux: "tmux buffer and clipboard",
        to_file: "file",
        copy_failed: "copy failed",
    },
    context: Contexts {
        browse: "Browsing",
        detail: "Detail (tabs, accounts, search, copy)",
        finder: "Finder (f or Ctrl-P)",
        search: "Search prompt (/)",
        help: "Help (?)",
        corpus_search: "Search every text (/ from the timeline)",
        matrix: "Topic matrix (m)",
    },
    matrix: MatrixWords {
        title: "Topic matrix",
        topics: "topic",
        not_recorded: "not recorded at this meeting",
        empty: "No meeting of the timeline records a topic.",
        via: "via",
        both: |eu, rok| format!("{eu} and {rok}"),
        only: |side| format!("{side} only"),
        other: "other sources",
        open: "open",
        close: "close",
        hint: "matrix",
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
    status_history_start: "no earlier place (Backspace goes back after a jump)",
    status_history_end: "no later place",
    more_below: "more below",
    loading_keys: "q stop",
    loading,
    loading_step,
    loading_amount,
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

fn hits(shown: usize, capped: bool) -> String {
    match (shown, capped) {
        (n, true) => format!("{n}+ hits"),
        (1, false) => "1 hit".to_string(),
        (n, false) => format!("{n} hits"),
    }
}

fn hit_status(position: usize, listed: usize, query: &str) -> String {
    format!("hit {position} of {listed} for “{query}” · n/N next/previous")
}

fn copied(destination: &str, preview: &str) -> String {
    format!("copied to {destination}: “{preview}”")
}

fn counts(shown: usize, total: usize) -> String {
    format!("{shown} of {total}")
}

fn showing_account(label: &str) -> String {
    format!("showing {label}")
}

fn compare_summary(left: &str, left_only: usize, right: &str, right_only: usize) -> String {
    let noun = if left_only == 1 {
        "passage"
    } else {
        "passages"
    };
    format!(
        "{left_only} {noun} only in the {left}, {right_only} only in the {right} · «…» a clause"
    )
}

fn only_in(side: &str) -> String {
    format!("only in {side}")
}

fn loading(path: &str) -> String {
    format!("Loading {path}")
}

fn loading_step(step: LoadStep) -> String {
    match step {
        LoadStep::Listing => "listing files".to_string(),
        LoadStep::Reading { n, of } => format!("reading file {n} of {of}"),
        LoadStep::Checking => "checking and indexing records".to_string(),
    }
}

fn loading_amount(read_mib: f64, total_mib: f64, records: usize, seconds: f64) -> String {
    format!("{read_mib:.1} of {total_mib:.1} MiB read, {records} records parsed ({seconds:.1} s)")
}
