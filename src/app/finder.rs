//! The finder overlay's state: the query line, the ranked results, the selection and the
//! recent picks; and [`FinderMatcher`], the one place that runs fuzzy matching.
//!
//! Matching runs synchronously, on the input path: each edit of the query re-ranks before the
//! next key is read (on the built-in corpus, well under a millisecond).

use std::sync::OnceLock;

use crate::corpus::Corpus;
use crate::search::fuzzy::{self, Candidate, Finder, Kind, Query, Session};

use super::input::LineInput;
use super::strings::Strings;

/// Results kept per query (the list shows what fits; the count says how many matched).
pub const LIMIT: usize = 500;
/// Recent picks remembered.
pub const RECENT_MAX: usize = 8;

/// The kind filters in `Tab` order; `None` is "all".
pub const KINDS: [Option<Kind>; 6] = [
    None,
    Some(Kind::Topic),
    Some(Kind::Organisation),
    Some(Kind::Person),
    Some(Kind::Meeting),
    Some(Kind::Place),
];

/// The query prefix that narrows to a kind.
pub fn prefix(kind: Kind) -> char {
    kind.prefix()
}

/// The kind a query's prefix names, if any.
pub fn kind_of(query: &str) -> Option<Kind> {
    query.chars().next().and_then(Kind::from_prefix)
}

/// The name of a kind filter in the kind bar.
pub fn kind_name(t: &Strings, kind: Option<Kind>) -> &'static str {
    kind.map_or(t.all_kinds, |k| t.kind.bar_name(k))
}

/// Runs fuzzy queries over the corpus's candidates.
///
/// The candidates and the matcher are built on first use, not with the app: the first frame
/// does not wait for them (at 100k candidates they take a few hundred milliseconds), and a
/// session that never opens the finder never builds them.
#[derive(Default)]
pub struct FinderMatcher {
    finder: OnceLock<Finder>,
    /// Re-scores only the previous matches while a query is being refined.
    session: Session,
}

impl FinderMatcher {
    /// A matcher whose candidates are taken from the corpus passed at first use.
    pub fn new() -> FinderMatcher {
        FinderMatcher::default()
    }

    /// The candidates of `corpus`, which must be the same at every call (the app's own).
    pub fn candidates(&self, corpus: &Corpus) -> &[Candidate] {
        built(&self.finder, corpus).candidates()
    }

    /// The best [`LIMIT`] matches of `query` (with its kind prefix, if any) in `corpus`.
    pub fn search(&mut self, corpus: &Corpus, query: &str) -> fuzzy::Results {
        let finder = built(&self.finder, corpus);
        self.session.search(finder, &Query::parse(query), LIMIT)
    }
}

/// The matcher over `corpus`'s candidates, built the first time it is asked for.
fn built<'a>(finder: &'a OnceLock<Finder>, corpus: &Corpus) -> &'a Finder {
    finder.get_or_init(|| Finder::new(fuzzy::candidates_from(corpus)))
}

/// One row of the result list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinderRow {
    /// Index into the matcher's candidates.
    pub candidate: usize,
    /// Which of the candidate's keys matched.
    pub key: usize,
    /// Matched characters (char indices into that key).
    pub positions: Vec<usize>,
    /// A recent pick, shown first on an empty query.
    pub recent: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FinderState {
    pub input: LineInput,
    pub rows: Vec<FinderRow>,
    /// How many candidates matched in all (the list may hold fewer).
    pub total: usize,
    pub selected: usize,
    pub scroll: usize,
    /// Candidate indices of recent picks, most recent first.
    pub recent: Vec<usize>,
}

impl FinderState {
    /// Takes a query's results: recent picks first when the query (after its prefix) is empty.
    pub fn accept_results(&mut self, results: fuzzy::Results, candidates: &[Candidate]) {
        let query = self.input.text();
        let kind = kind_of(query);
        let text_empty = query
            .get(usize::from(kind.is_some())..)
            .is_none_or(|t| t.trim().is_empty());
        let mut rows: Vec<FinderRow> = Vec::new();
        if text_empty {
            for &c in &self.recent {
                if candidates
                    .get(c)
                    .is_some_and(|cand| kind.is_none_or(|k| cand.kind == k))
                {
                    rows.push(FinderRow {
                        candidate: c,
                        key: 0,
                        positions: Vec::new(),
                        recent: true,
                    });
                }
            }
        }
        for m in results.matches {
            if text_empty && self.recent.contains(&m.candidate) {
                continue;
            }
            rows.push(FinderRow {
                candidate: m.candidate,
                key: m.key,
                positions: m.positions,
                recent: false,
            });
        }
        self.total = results.total.max(rows.len());
        self.rows = rows;
        self.selected = 0;
        self.scroll = 0;
    }

    /// Remembers a pick as the most recent.
    pub fn remember(&mut self, candidate: usize) {
        self.recent.retain(|c| *c != candidate);
        self.recent.insert(0, candidate);
        self.recent.truncate(RECENT_MAX);
    }

    /// Moves the selection by `delta` rows (clamped) and keeps it within `height` rows.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.reveal(height);
    }

    pub fn reveal(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.scroll {
            self.scroll = self.selected;
        } else if self.selected >= self.scroll.saturating_add(height) {
            self.scroll = self.selected.saturating_add(1).saturating_sub(height);
        }
        self.scroll = self.scroll.min(self.rows.len().saturating_sub(1));
    }

    /// Replaces the query's kind prefix with the next (`forward`) or previous kind's.
    pub fn cycle_kind(&mut self, forward: bool) {
        let text = self.input.text().to_string();
        let current = kind_of(&text);
        let rest = if current.is_some() {
            text.get(1..).unwrap_or("")
        } else {
            text.as_str()
        };
        let at = KINDS.iter().position(|k| *k == current).unwrap_or(0);
        let n = KINDS.len();
        let next = KINDS[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        let new = match next {
            Some(k) => format!("{}{rest}", prefix(k)),
            None => rest.to_string(),
        };
        self.input.set(&new);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_name_kinds() {
        assert_eq!(kind_of("#ransom"), Some(Kind::Topic));
        assert_eq!(kind_of("@kisa"), Some(Kind::Organisation));
        assert_eq!(kind_of("~youn"), Some(Kind::Person));
        assert_eq!(kind_of(":7th"), Some(Kind::Meeting));
        assert_eq!(kind_of("%seoul"), Some(Kind::Place));
        assert_eq!(kind_of("seoul"), None);
        assert_eq!(kind_of(""), None);
    }

    #[test]
    fn tab_cycles_the_prefix_both_ways() {
        let mut f = FinderState::default();
        f.input.set("seoul");
        let mut seen = Vec::new();
        for _ in 0..KINDS.len() {
            f.cycle_kind(true);
            seen.push(f.input.text().to_string());
        }
        assert_eq!(
            seen,
            ["#seoul", "@seoul", "~seoul", ":seoul", "%seoul", "seoul"]
        );
        f.cycle_kind(false);
        assert_eq!(f.input.text(), "%seoul");
    }

    #[test]
    fn recent_picks_come_first_on_an_empty_query() {
        let cands: Vec<Candidate> = (0..3)
            .map(|i| Candidate {
                kind: Kind::Topic,
                id: format!("t{i}"),
                label: format!("T{i}"),
                keys: vec![format!("T{i}")],
                detail: String::new(),
            })
            .collect();
        let results = |ids: &[usize]| fuzzy::Results {
            matches: ids
                .iter()
                .map(|&c| fuzzy::Match {
                    candidate: c,
                    tier: fuzzy::Tier::Fuzzy,
                    score: 0,
                    key: 0,
                    positions: vec![],
                })
                .collect(),
            total: ids.len(),
        };
        let mut f = FinderState::default();
        f.remember(2);
        f.remember(1);
        f.remember(2);
        assert_eq!(f.recent, vec![2, 1]);
        f.accept_results(results(&[0, 1, 2]), &cands);
        let order: Vec<usize> = f.rows.iter().map(|r| r.candidate).collect();
        assert_eq!(order, vec![2, 1, 0]);
        assert!(f.rows[0].recent && !f.rows[2].recent);
        f.input.set("t");
        f.accept_results(results(&[0, 1, 2]), &cands);
        assert!(f.rows.iter().all(|r| !r.recent));
        f.move_by(10, 2);
        assert_eq!((f.selected, f.scroll), (2, 1));
        f.move_by(-10, 2);
        assert_eq!((f.selected, f.scroll), (0, 0));
    }
}
