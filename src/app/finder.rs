//! The finder overlay's state: the query line, the ranked results, the selection and the
//! recent picks; and [`FinderMatcher`], which answers queries.
//!
//! The finder (its index, which holds the candidates' text too) is not made with the app: a
//! [`LazyFinder`] is made by the browser's worker thread right after the first frame, or by
//! the inline matcher on its first query — opened from a [`FinderCache`] when the browser
//! gives one that holds it, else built from the corpus. A query asked before it is made
//! waits in the worker, and the overlay says "indexing…" meanwhile.
//!
//! The matcher answers in one of two ways. Inline (the default, and what tests drive): each
//! edit of the query re-ranks at once. In the background (the browser's terminal loop turns
//! it on): an edit only records a [`FinderRequest`] with a new generation and marks the
//! finder as searching; the browser hands the request to its worker thread, and the results
//! come back as [`Action::FinderResults`](super::Action::FinderResults), accepted only if
//! their generation is still the newest. So the query line is redrawn at once, and results
//! of an older query never replace those of a newer one. Until they come, the rows of the
//! previous query stay on screen under a "searching…" mark. Enter while searching picks the
//! newest query's first row once its results come (the browser holds the keys after Enter
//! until then).

use std::sync::{Arc, OnceLock};

use crate::corpus::Corpus;
use crate::search::fuzzy::{self, Candidates, FinderIndex, Kind, Query, Session};

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

/// Where a built finder index is kept between runs and found again: for a corpus read from a
/// file, the browser gives the `find` cache's entry for it (`cli::find::cache`), so the
/// browser and `entente find` share one file. The app only asks; how the entry is found,
/// checked and written is the cache's.
pub trait FinderCache: Send + Sync {
    /// The index kept for this corpus, if one is there and valid.
    fn open(&self) -> Option<FinderIndex>;
    /// The key an index must be built under to be kept.
    fn key(&self) -> &[u8];
    /// Keeps a freshly built index (a failure costs only the next run's build).
    fn keep(&self, index: &FinderIndex);
}

/// The finder over a corpus, made once, the first time a thread needs it: the browser's
/// worker makes it right after the first frame (so neither the first frame nor a keystroke
/// waits for it), the inline matcher on its first query. It is the cache's index when the
/// [`FinderCache`] holds a valid one; else it is built from the corpus (held by reference
/// count, not a copy) and given to the cache. Either way the finder is its index alone: the
/// candidates are made and folded into it a part at a time, never all held at once
/// ([`FinderIndex::build_from_corpus`]).
pub struct LazyFinder {
    corpus: Option<Arc<Corpus>>,
    cache: Option<Box<dyn FinderCache>>,
    finder: OnceLock<FinderIndex>,
}

impl LazyFinder {
    /// A finder over `corpus`'s candidates, not made yet.
    pub fn of_corpus(corpus: Arc<Corpus>) -> LazyFinder {
        LazyFinder {
            corpus: Some(corpus),
            cache: None,
            finder: OnceLock::new(),
        }
    }

    /// A finder made already (tests, benchmarks: candidates without a corpus).
    pub fn ready(finder: FinderIndex) -> LazyFinder {
        LazyFinder {
            corpus: None,
            cache: None,
            finder: OnceLock::from(finder),
        }
    }

    /// The finder if it is made; never waits.
    pub fn get(&self) -> Option<&FinderIndex> {
        self.finder.get()
    }

    /// The finder, made now if no thread has yet (a thread making it meanwhile is waited
    /// for, not repeated).
    pub fn force(&self) -> &FinderIndex {
        self.finder.get_or_init(|| self.open_or_build())
    }

    /// The cache's index, else one built from the corpus and handed to the cache.
    fn open_or_build(&self) -> FinderIndex {
        let cache = self.cache.as_deref();
        if let Some(index) = cache.and_then(FinderCache::open) {
            return index;
        }
        let key = cache.map_or(&[][..], FinderCache::key);
        let index = match self.corpus.as_deref() {
            Some(corpus) => FinderIndex::build_from_corpus(corpus, key),
            None => FinderIndex::build_keyed(&[], key),
        };
        if let Some(cache) = cache {
            cache.keep(&index);
        }
        index
    }
}

/// Answers finder queries over the corpus's candidates, inline or through a worker.
pub struct FinderMatcher {
    finder: Arc<LazyFinder>,
    /// Re-scores only the previous matches while a query is being refined (inline only: a
    /// worker keeps its own).
    session: Session,
    /// Queries become [`FinderRequest`]s for a worker instead of being answered here.
    background: bool,
    /// The generation of the newest query asked.
    generation: u64,
    /// The newest request, until the browser takes it.
    request: Option<FinderRequest>,
}

/// A query for a background worker: results carry its generation back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinderRequest {
    pub generation: u64,
    pub query: String,
}

impl FinderMatcher {
    /// A matcher over `corpus`; its finder is built on first need (see [`LazyFinder`]).
    pub fn new(corpus: Arc<Corpus>) -> FinderMatcher {
        FinderMatcher::with_finder(LazyFinder::of_corpus(corpus))
    }

    /// A matcher over `finder`.
    pub fn with_finder(finder: LazyFinder) -> FinderMatcher {
        FinderMatcher {
            finder: Arc::new(finder),
            session: Session::new(),
            background: false,
            generation: 0,
            request: None,
        }
    }

    /// The candidates the matcher searches, as its index holds them; none until the finder
    /// is made (no result can name one before that).
    pub fn candidates(&self) -> Candidates<'_> {
        self.finder
            .get()
            .map_or_else(Candidates::none, FinderIndex::candidates)
    }

    /// Makes the finder through `cache` (see [`LazyFinder`]); `false`, and nothing changes,
    /// once the finder is shared with a worker or made.
    pub fn use_cache(&mut self, cache: Box<dyn FinderCache>) -> bool {
        match Arc::get_mut(&mut self.finder) {
            Some(lazy) if lazy.finder.get().is_none() => {
                lazy.cache = Some(cache);
                true
            }
            _ => false,
        }
    }

    /// Whether the finder is still to be built (its first results wait for that).
    pub fn indexing(&self) -> bool {
        self.finder.get().is_none()
    }

    /// The finder, for a worker to build and search on another thread.
    pub fn shared(&self) -> Arc<LazyFinder> {
        Arc::clone(&self.finder)
    }

    /// From now on, queries are answered by a worker (see the module documentation).
    pub fn answer_in_background(&mut self) {
        self.background = true;
    }

    /// Asks for the best [`LIMIT`] matches of `query` (with its kind prefix, if any): the
    /// results at once when inline (building the finder on the first query), else `None`
    /// and a request for the worker.
    pub fn ask(&mut self, query: &str) -> Option<fuzzy::Results> {
        self.generation += 1;
        if self.background {
            self.request = Some(FinderRequest {
                generation: self.generation,
                query: query.to_owned(),
            });
            return None;
        }
        Some(
            self.session
                .search(self.finder.force(), &Query::parse(query), LIMIT),
        )
    }

    /// The newest request not yet handed to the worker.
    pub fn take_request(&mut self) -> Option<FinderRequest> {
        self.request.take()
    }

    /// Whether results of `generation` answer the newest query.
    pub fn is_current(&self, generation: u64) -> bool {
        generation == self.generation
    }
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
    /// A query was asked whose results have not come yet (a background worker's); the rows
    /// are the previous query's until they do.
    pub searching: bool,
    /// Enter was pressed while searching: the top row of the newest query's results is
    /// picked when they come (typing a name and Enter at once picks what was typed, not
    /// the previous query's first row).
    pub pick_when_ready: bool,
}

impl FinderState {
    /// Takes a query's results: recent picks first when the query (after its prefix) is empty.
    pub fn accept_results(&mut self, results: fuzzy::Results, candidates: Candidates<'_>) {
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
        self.scroll = super::layout::reveal(self.selected, self.scroll, height)
            .min(self.rows.len().saturating_sub(1));
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
    use std::sync::Mutex;

    use super::*;
    use crate::search::fuzzy::Candidate;

    /// A cache in memory: what it was given, and how often it was asked.
    #[derive(Default)]
    struct Kept {
        bytes: Mutex<Option<Vec<u8>>>,
        opened: Mutex<usize>,
    }

    impl FinderCache for Arc<Kept> {
        fn open(&self) -> Option<FinderIndex> {
            *self.opened.lock().unwrap() += 1;
            let bytes = self.bytes.lock().unwrap().clone()?;
            FinderIndex::open(fuzzy::Store::from_bytes(&bytes), b"corpus key").ok()
        }

        fn key(&self) -> &[u8] {
            b"corpus key"
        }

        fn keep(&self, index: &FinderIndex) {
            *self.bytes.lock().unwrap() = Some(index.bytes().to_vec());
        }
    }

    #[test]
    fn a_finder_missing_from_its_cache_is_built_and_kept_then_opened_from_it() {
        let loaded = crate::test_fixture::small();
        let corpus = Arc::new(loaded.corpus);
        let kept = Arc::new(Kept::default());
        let mut first = FinderMatcher::new(Arc::clone(&corpus));
        assert!(first.use_cache(Box::new(Arc::clone(&kept))));
        let built = first.ask("kdsa").expect("inline");
        assert!(
            kept.bytes.lock().unwrap().is_some(),
            "the built index is kept"
        );
        // A second app on the same corpus opens what was kept: the same rows, and a corpus
        // that could not give them (here: none) is not needed.
        let mut second = FinderMatcher::with_finder(LazyFinder {
            corpus: None,
            cache: None,
            finder: OnceLock::new(),
        });
        assert!(second.use_cache(Box::new(Arc::clone(&kept))));
        assert_eq!(second.ask("kdsa"), Some(built));
        assert_eq!(second.candidates().len(), first.candidates().len());
        assert_eq!(*kept.opened.lock().unwrap(), 2);
    }

    #[test]
    fn a_cache_comes_too_late_once_the_finder_is_shared_or_made() {
        let loaded = crate::test_fixture::small();
        let corpus = Arc::new(loaded.corpus);
        let mut shared = FinderMatcher::new(Arc::clone(&corpus));
        let worker_side = shared.shared();
        assert!(!shared.use_cache(Box::new(Arc::new(Kept::default()))));
        drop(worker_side);
        let mut made = FinderMatcher::new(corpus);
        made.ask("k");
        assert!(!made.use_cache(Box::new(Arc::new(Kept::default()))));
    }

    #[test]
    fn the_finder_is_built_on_the_first_inline_query_only() {
        let loaded = crate::test_fixture::small();
        let corpus = Arc::new(loaded.corpus);
        let mut matcher = FinderMatcher::new(Arc::clone(&corpus));
        assert!(matcher.indexing(), "not built with the matcher");
        assert!(matcher.candidates().is_empty());
        let results = matcher.ask("kdsa").expect("inline answers at once");
        assert!(!matcher.indexing());
        let candidates = matcher.candidates();
        let held: Vec<Candidate> = (0..candidates.len())
            .filter_map(|i| Some(candidates.get(i)?.to_candidate()))
            .collect();
        assert_eq!(
            held,
            fuzzy::candidates_from(&corpus),
            "the same candidates as built eagerly, from the index alone"
        );
        assert!(results.total > 0);
    }

    #[test]
    fn a_query_asked_for_a_worker_does_not_build_the_finder() {
        let loaded = crate::test_fixture::small();
        let mut matcher = FinderMatcher::new(Arc::new(loaded.corpus));
        matcher.answer_in_background();
        assert_eq!(matcher.ask("k"), None);
        assert!(
            matcher.indexing(),
            "the worker builds it, not the input path"
        );
        let shared = matcher.shared();
        assert!(!shared.force().is_empty());
        assert!(!matcher.indexing(), "built once, seen by the matcher");
    }

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
        let index = FinderIndex::build(&cands);
        let mut f = FinderState::default();
        f.remember(2);
        f.remember(1);
        f.remember(2);
        assert_eq!(f.recent, vec![2, 1]);
        f.accept_results(results(&[0, 1, 2]), index.candidates());
        let order: Vec<usize> = f.rows.iter().map(|r| r.candidate).collect();
        assert_eq!(order, vec![2, 1, 0]);
        assert!(f.rows[0].recent && !f.rows[2].recent);
        f.input.set("t");
        f.accept_results(results(&[0, 1, 2]), index.candidates());
        assert!(f.rows.iter().all(|r| !r.recent));
        f.move_by(10, 2);
        assert_eq!((f.selected, f.scroll), (2, 1));
        f.move_by(-10, 2);
        assert_eq!((f.selected, f.scroll), (0, 0));
    }
}
