//! The finder's worker thread: matching off the input path.
//!
//! The app turns each edit of the finder query into a [`FinderRequest`] of a new generation
//! (see [`crate::app::finder`]). [`FinderWorker::ask`] first stores that generation in a
//! shared counter, then sends the request: a scan still running for an older query sees the
//! counter change within a few hundred candidates and gives up (see
//! [`Cancel`](crate::search::fuzzy::Cancel)), and the worker skips queued requests that are
//! no longer the newest. Results go back with their generation; [`FinderWorker::take`] turns
//! them into [`Action::FinderResults`], which the app drops unless the generation is still
//! its newest. So typing never waits for a match, and stale results are never shown.
//!
//! The worker first makes the finder ([`LazyFinder::force`]): the browser starts it right
//! after the first frame, so neither that frame nor a keystroke waits for the candidates and
//! their index; a query asked meanwhile is answered once they are made. The making runs on
//! threads of lower priority ([`BUILD_NICENESS`] more than the process's, a pool of their own
//! that ends with it), so that on a busy machine the thread reading keys and drawing them is
//! not kept waiting behind it; the worker's own thread stays at the process's priority, for
//! the searches after. It keeps its own [`Session`], so refining a query re-scans only the
//! previous matches, as inline matching does. It ends when the [`FinderWorker`] is dropped:
//! the counter is moved past every generation (cancelling a scan in flight) and the request
//! channel closes; a worker still building is not waited for (quitting must not wait for an
//! index nobody will use).
//!
//! A scan takes both cores. So that the frame showing a typed character does not share them
//! with the scan of the query it makes, the browser cancels any older scan at once
//! ([`FinderWorker::cancel_older_than`]) but asks for the new query only after that frame
//! is drawn.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;

use crate::app::Action;
use crate::app::finder::{FinderRequest, LIMIT, LazyFinder};
use crate::search::fuzzy::{Cancel, FinderIndex, Query, Results, Session};

/// How much lower than the process's the priority of the threads making the finder is (a
/// nice value, capped at 19, the lowest): low enough that the thread drawing keys goes first
/// on cores that are busy, while the making still gets a share.
pub const BUILD_NICENESS: i32 = 10;

/// The browser's handle on the worker thread.
pub struct FinderWorker {
    requests: Option<Sender<FinderRequest>>,
    results: Receiver<(u64, Results)>,
    /// The newest generation asked for; scans of any other stop.
    latest: Arc<AtomicU64>,
    /// A request was sent whose results (or a newer request's) have not been taken.
    waiting: bool,
    thread: Option<JoinHandle<()>>,
    /// The finder the thread builds, to tell whether it has (see `Drop`).
    built: Arc<LazyFinder>,
}

impl FinderWorker {
    /// Starts the worker on `finder`, which it builds first if no one has; `None` if no
    /// thread can be started (the caller then keeps matching inline).
    pub fn start(finder: Arc<LazyFinder>) -> Option<FinderWorker> {
        let (request_tx, request_rx) = mpsc::channel::<FinderRequest>();
        let (result_tx, result_rx) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let shared = Arc::clone(&latest);
        let built = Arc::clone(&finder);
        let thread = std::thread::Builder::new()
            .name("entente-finder".into())
            .spawn(move || {
                make_at_lower_priority(&finder);
                serve(finder.force(), &request_rx, &result_tx, &shared);
            })
            .ok()?;
        Some(FinderWorker {
            requests: Some(request_tx),
            results: result_rx,
            latest,
            waiting: false,
            thread: Some(thread),
            built,
        })
    }

    /// Stops the scans of queries older than `generation` now, before that query is asked
    /// for (see the module documentation).
    pub fn cancel_older_than(&self, generation: u64) {
        self.latest.store(generation, Ordering::Relaxed);
    }

    /// Hands a query to the worker, cancelling any older one.
    pub fn ask(&mut self, request: FinderRequest) {
        self.latest.store(request.generation, Ordering::Relaxed);
        if let Some(requests) = &self.requests
            && requests.send(request).is_ok()
        {
            self.waiting = true;
        }
    }

    /// Whether results are still to come.
    pub fn busy(&self) -> bool {
        self.waiting
    }

    /// The newest results that have arrived, as an action for the app (older ones that
    /// arrived with them are dropped here already).
    pub fn take(&mut self) -> Option<Action> {
        let mut newest = None;
        loop {
            match self.results.try_recv() {
                Ok(answer) => newest = Some(answer),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    // The worker is gone (it panicked): nothing more will come.
                    self.waiting = false;
                    break;
                }
            }
        }
        let (generation, results) = newest?;
        if generation == self.latest.load(Ordering::Relaxed) {
            self.waiting = false;
        }
        Some(Action::FinderResults {
            generation,
            results,
        })
    }

    /// Waits up to `timeout` for results (tests and benchmarks; the browser polls).
    pub fn wait(&mut self, timeout: std::time::Duration) -> Option<Action> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if let Some(action) = self.take() {
                return Some(action);
            }
            if !self.waiting || std::time::Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

impl Drop for FinderWorker {
    fn drop(&mut self) {
        self.latest.store(u64::MAX, Ordering::Relaxed);
        self.requests = None;
        // A thread still building the finder is left to finish (or to end with the process);
        // one serving queries stops at once now that the channel is closed.
        if let Some(thread) = self.thread.take()
            && self.built.get().is_some()
        {
            let _ = thread.join();
        }
    }
}

/// Makes `finder` on a pool of threads of lower priority (see the module documentation),
/// or on this thread if no such pool can be started.
fn make_at_lower_priority(finder: &LazyFinder) {
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("entente-finder-build-{i}"))
        .start_handler(|_| lower_this_threads_priority(BUILD_NICENESS))
        .build();
    match pool {
        // `install` runs the making on a thread of the pool, and its parallel parts on the
        // others; the pool's threads end when it is dropped.
        Ok(pool) => {
            pool.install(|| finder.force());
        }
        Err(_) => {
            finder.force();
        }
    }
}

/// Lowers the priority of the calling thread (alone: on Linux a thread's id names it to
/// setpriority) by `by` nice steps, to at most 19. A failure leaves it as it was.
pub(super) fn lower_this_threads_priority(by: i32) {
    let me = rustix::thread::gettid();
    if let Ok(now) = rustix::process::getpriority_process(Some(me)) {
        let _ = rustix::process::setpriority_process(Some(me), (now + by).min(19));
    }
}

/// The worker's loop: the newest request first, each answered unless a newer one came.
fn serve(
    finder: &FinderIndex,
    requests: &Receiver<FinderRequest>,
    results: &Sender<(u64, Results)>,
    latest: &AtomicU64,
) {
    let mut session = Session::new();
    while let Ok(mut request) = requests.recv() {
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        if latest.load(Ordering::Relaxed) != generation {
            continue;
        }
        let query = Query::parse(&request.query);
        let cancel = Cancel::new(latest, generation);
        let Some(answer) = session.search_unless(finder, &query, LIMIT, Some(cancel)) else {
            continue;
        };
        if latest.load(Ordering::Relaxed) == generation
            && results.send((generation, answer)).is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn worker(n: usize) -> (FinderWorker, Arc<LazyFinder>) {
        let finder = Arc::new(LazyFinder::ready(FinderIndex::build(
            &crate::synth::finder_candidates(n),
        )));
        (FinderWorker::start(Arc::clone(&finder)).unwrap(), finder)
    }

    fn ask(w: &mut FinderWorker, generation: u64, query: &str) {
        w.ask(FinderRequest {
            generation,
            query: query.into(),
        });
    }

    #[test]
    fn answers_with_the_results_of_an_inline_search() {
        let (mut w, finder) = worker(2_000);
        ask(&mut w, 1, "cyb");
        let Some(Action::FinderResults {
            generation,
            results,
        }) = w.wait(Duration::from_secs(60))
        else {
            panic!("no results");
        };
        assert_eq!(generation, 1);
        assert!(results.total > 0);
        let inline: &FinderIndex = finder.force();
        assert_eq!(results, inline.search(&Query::parse("cyb"), LIMIT));
        assert!(!w.busy());
    }

    #[test]
    fn only_the_newest_of_a_burst_of_queries_is_answered() {
        let (mut w, _) = worker(20_000);
        for (generation, query) in (1..).zip(["e", "eu", "eur", "euro", "europ"]) {
            ask(&mut w, generation, query);
        }
        let mut seen = Vec::new();
        while let Some(Action::FinderResults { generation, .. }) = w.wait(Duration::from_secs(60)) {
            seen.push(generation);
            if generation == 5 {
                break;
            }
        }
        assert_eq!(
            seen.last(),
            Some(&5),
            "the newest query is answered: {seen:?}"
        );
        assert!(!w.busy());
    }

    /// The niceness of the calling thread.
    fn niceness() -> i32 {
        rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap()
    }

    /// A cache that holds nothing and notes the niceness of the thread that asks it: the
    /// thread making the finder.
    struct NotesPriority(Arc<std::sync::Mutex<Option<i32>>>);

    impl crate::app::finder::FinderCache for NotesPriority {
        fn open(&self) -> Option<FinderIndex> {
            *self.0.lock().unwrap() = Some(niceness());
            None
        }
        fn key(&self) -> &[u8] {
            b""
        }
        fn keep(&self, _: &FinderIndex) {}
    }

    #[test]
    fn the_finder_is_made_at_a_lower_priority_than_the_worker_searches_at() {
        let loaded = crate::test_fixture::small();
        let mut matcher = crate::app::finder::FinderMatcher::new(Arc::new(loaded.corpus));
        let noted = Arc::new(std::sync::Mutex::new(None));
        assert!(matcher.use_cache(Box::new(NotesPriority(Arc::clone(&noted)))));
        let lazy = matcher.shared();
        // On a thread of its own, as the worker's: the test's thread keeps its priority.
        let (before, after) = std::thread::spawn(move || {
            let before = niceness();
            make_at_lower_priority(&lazy);
            assert!(lazy.get().is_some(), "made");
            (before, niceness())
        })
        .join()
        .unwrap();
        let during = noted.lock().unwrap().expect("the cache was asked");
        assert_eq!(
            during,
            (before + BUILD_NICENESS).min(19),
            "the making's thread"
        );
        assert_eq!(after, before, "the worker's own thread keeps its priority");
    }

    #[test]
    fn cancelling_before_asking_stops_the_older_scans() {
        let finder = FinderIndex::build(&crate::synth::finder_candidates(20_000));
        let (mut w, _) = worker(100);
        ask(&mut w, 1, "e");
        w.cancel_older_than(2);
        let q = Query::parse("e");
        let stale = Cancel::new(&w.latest, 1);
        assert_eq!(
            Session::new().search_unless(&finder, &q, LIMIT, Some(stale)),
            None
        );
        let asked = Cancel::new(&w.latest, 2);
        assert!(
            Session::new()
                .search_unless(&finder, &q, LIMIT, Some(asked))
                .is_some()
        );
    }

    #[test]
    fn a_stale_generation_stops_a_scan_and_gives_nothing() {
        let finder = FinderIndex::build(&crate::synth::finder_candidates(20_000));
        let latest = AtomicU64::new(2);
        let stale = Cancel::new(&latest, 1);
        let q = Query::parse("e");
        assert_eq!(
            Session::new().search_unless(&finder, &q, LIMIT, Some(stale)),
            None
        );
        let current = Cancel::new(&latest, 2);
        let answer = Session::new().search_unless(&finder, &q, LIMIT, Some(current));
        assert_eq!(answer, Some(finder.search(&q, LIMIT)));
    }

    #[test]
    fn enter_while_searching_picks_the_newest_querys_first_row_when_it_comes() {
        let loaded = crate::test_fixture::small();
        let index = crate::index::Index::build(&loaded.corpus);
        let mut app = crate::app::App::new(loaded, index, crate::app::AppOptions::default());
        let mut browser = super::super::Browser::new(app);
        browser.match_in_background();
        for action in [Action::OpenFinder]
            .into_iter()
            .chain("@kdsa".chars().map(Action::Insert))
            .chain([Action::Accept])
        {
            browser.app.update(action);
            browser.hold_finder_request();
            browser.send_finder_request();
        }
        assert_eq!(
            browser.app.mode(),
            crate::app::Mode::Finder,
            "waits for results"
        );
        let worker = browser.finder.as_mut().unwrap();
        while let Some(results) = worker.wait(Duration::from_secs(60)) {
            browser.app.update(results);
        }
        app = browser.app;
        assert_eq!(app.mode(), crate::app::Mode::Normal, "picked");
        assert_eq!(
            app.filter().facet(crate::corpus::Facet::Organisation),
            Some("kdsa"),
            "the KDSA was picked"
        );
    }

    #[test]
    fn the_app_drops_results_of_an_older_query() {
        let loaded = crate::test_fixture::small();
        let index = crate::index::Index::build(&loaded.corpus);
        let mut app = crate::app::App::new(loaded, index, crate::app::AppOptions::default());
        app.answer_finder_in_background();
        app.update(Action::OpenFinder);
        let first = app.take_finder_request().unwrap();
        assert!(app.finder().searching);
        app.update(Action::Insert('c'));
        let second = app.take_finder_request().unwrap();
        assert!(second.generation > first.generation);
        let shared = app.finder_shared();
        let finder = shared.force();
        let old = finder.search(&Query::parse(&first.query), LIMIT);
        app.update(Action::FinderResults {
            generation: first.generation,
            results: old,
        });
        assert!(app.finder().searching, "still waiting for the newest query");
        assert!(
            app.finder().rows.is_empty(),
            "the older query's rows are not taken"
        );
        let new = finder.search(&Query::parse(&second.query), LIMIT);
        let expected = new.matches.len();
        app.update(Action::FinderResults {
            generation: second.generation,
            results: new,
        });
        assert!(!app.finder().searching);
        assert_eq!(app.finder().rows.len(), expected);
    }
}
