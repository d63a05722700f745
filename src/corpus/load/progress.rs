//! How far a load has got: shared counters, and "Loading…" on stderr while a corpus takes
//! long to load.
//!
//! A big corpus (190k meetings) takes seconds to read, parse and check. [`LoadProgress`] holds
//! where the load is (the file, the bytes read, the records parsed) for whoever shows it: the
//! browser draws it on its loading screen (see `crate::browser`), the CLI on stderr. For the
//! CLI a thread waits [`DELAY`]; if loading has not ended by then, it writes one status line to
//! stderr and rewrites it as loading goes on, then erases it. Only when stderr is a
//! terminal, so pipes, logs and JSON consumers see nothing. `ENTENTE_PROGRESS=always` shows it
//! whatever stderr is, from the start, one line per step written as the step begins (for
//! tests and for logs); `ENTENTE_PROGRESS=never` turns it off.
//!
//! Records are counted as they are parsed: the parser's wrapper (`strict`) calls
//! [`count_record`] for each record, which bumps the counter of the load running on this
//! thread, if any.

use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a load runs before it is reported.
pub const DELAY: Duration = Duration::from_millis(200);
/// How often the status line is rewritten.
const TICK: Duration = Duration::from_millis(250);

/// Where loading is: 0 while the directory is listed, n for file n, `usize::MAX` while the
/// files are checked together.
const CHECKING: usize = usize::MAX;

/// The struct names of the records counted as parsed (serde's names of the model's types).
const RECORDS: [&str; 6] = [
    "Source",
    "Meeting",
    "Event",
    "Organisation",
    "Person",
    "Topic",
];

/// How far a load has got, updated by the loading thread and read by any other.
#[derive(Debug, Default)]
pub struct LoadProgress {
    step: AtomicUsize,
    files: AtomicUsize,
    bytes_read: AtomicU64,
    bytes_total: AtomicU64,
    records: AtomicUsize,
}

/// A load's step, as [`LoadProgress::step`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadStep {
    /// The directory is being listed.
    Listing,
    /// File `n` of `of` is being read and parsed.
    Reading { n: usize, of: usize },
    /// The files are being checked together (and, in the browser, indexed).
    Checking,
}

impl LoadProgress {
    pub fn step(&self) -> LoadStep {
        match self.step.load(Ordering::Relaxed) {
            0 => LoadStep::Listing,
            CHECKING => LoadStep::Checking,
            n => LoadStep::Reading {
                n,
                of: self.files.load(Ordering::Relaxed),
            },
        }
    }

    /// Bytes of corpus files read so far, and the sum of their sizes as listed.
    pub fn bytes(&self) -> (u64, u64) {
        (
            self.bytes_read.load(Ordering::Relaxed),
            self.bytes_total.load(Ordering::Relaxed),
        )
    }

    /// Records parsed so far (sources, meetings, events, organisations, people, topics).
    pub fn records(&self) -> usize {
        self.records.load(Ordering::Relaxed)
    }

    pub(super) fn add_total(&self, bytes: u64) {
        self.bytes_total.fetch_add(bytes, Ordering::Relaxed);
    }

    pub(super) fn add_read(&self, bytes: u64) {
        self.bytes_read.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Counts `n` records read at once (from a cache entry, not by the parser).
    pub(super) fn add_records(&self, n: usize) {
        self.records.fetch_add(n, Ordering::Relaxed);
    }

    /// Takes back what a read that was given up added (a cache entry found damaged part way:
    /// the parse that replaces it counts afresh).
    pub(super) fn take_back(&self, read: u64, total: u64, records: usize) {
        self.bytes_read.fetch_sub(read, Ordering::Relaxed);
        self.bytes_total.fetch_sub(total, Ordering::Relaxed);
        self.records.fetch_sub(records, Ordering::Relaxed);
    }

    fn set_step(&self, step: usize, files: usize) {
        self.files.store(files, Ordering::Relaxed);
        self.step.store(step, Ordering::Relaxed);
    }
}

thread_local! {
    /// The progress of the load running on this thread, for [`count_record`].
    static COUNTING: RefCell<Option<Arc<LoadProgress>>> = const { RefCell::new(None) };
}

/// Called by the parser for each struct it reads: counts it if it is a record and a load on
/// this thread is being observed.
pub(super) fn count_record(struct_name: &str) {
    if RECORDS.contains(&struct_name) {
        COUNTING.with(|c| {
            if let Some(progress) = c.borrow().as_ref() {
                progress.records.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
}

/// The progress that records parsed on this thread count into, if any.
pub(super) fn counted_into() -> Option<Arc<LoadProgress>> {
    COUNTING.with(|c| c.borrow().clone())
}

/// Makes records parsed on this thread (a helper of a load) count into `progress`.
pub(super) fn count_into(progress: Option<Arc<LoadProgress>>) {
    COUNTING.with(|c| *c.borrow_mut() = progress);
}

/// A running report; ends (erasing its line, and the record count) when dropped.
pub(super) struct Progress {
    shared: Arc<LoadProgress>,
    reporter: Option<Reporter>,
    /// `ENTENTE_PROGRESS=always`: the name to write a line per step for, with no thread.
    always: Option<String>,
}

struct Reporter {
    done: Sender<()>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    /// Reports on stderr as the environment and stderr allow (see the module doc).
    pub(super) fn start(path: &Path) -> Progress {
        let shared = Arc::new(LoadProgress::default());
        let name = crate::text::escape_controls(&path.display().to_string()).into_owned();
        match std::env::var("ENTENTE_PROGRESS").as_deref() {
            Ok("always") => {
                let mut progress = Progress::observed(shared);
                progress.always = Some(name);
                return progress;
            }
            Ok("never") => return Progress::observed(shared),
            _ if std::io::stderr().is_terminal() => {}
            _ => return Progress::observed(shared),
        }
        let (done, ended) = mpsc::channel::<()>();
        let thread_shared = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("load-progress".into())
            .spawn(move || report(&name, &thread_shared, &ended));
        let mut progress = Progress::observed(shared);
        // Without a thread the load goes on, silently.
        progress.reporter = Some(Reporter {
            done,
            thread: spawned.ok(),
        });
        progress
    }

    /// Reports only into `shared`, for a caller that shows it (nothing on stderr).
    pub(super) fn observed(shared: Arc<LoadProgress>) -> Progress {
        COUNTING.with(|c| *c.borrow_mut() = Some(Arc::clone(&shared)));
        Progress {
            shared,
            reporter: None,
            always: None,
        }
    }

    pub(super) fn shared(&self) -> &LoadProgress {
        &self.shared
    }

    /// File `n` of `count` is being read and parsed.
    pub(super) fn file(&self, n: usize, count: usize) {
        self.line(&format!("reading file {n} of {count}"));
        self.shared.set_step(n, count);
    }

    /// The files are being checked together.
    pub(super) fn checking(&self) {
        self.line("checking records");
        let files = self.shared.files.load(Ordering::Relaxed);
        self.shared.set_step(CHECKING, files);
    }

    /// In `always` mode, a line for a step as it begins.
    fn line(&self, what: &str) {
        if let Some(name) = &self.always {
            // stderr may be gone: the load goes on.
            let _ = writeln!(std::io::stderr(), "entente: loading {name}: {what}");
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        COUNTING.with(|c| *c.borrow_mut() = None);
        if let Some(mut r) = self.reporter.take() {
            let _ = r.done.send(());
            if let Some(thread) = r.thread.take() {
                let _ = thread.join();
            }
        }
    }
}

/// The reporting thread: waits [`DELAY`], then rewrites the status line every [`TICK`]
/// until `ended` says loading is over, and erases it.
fn report(name: &str, shared: &LoadProgress, ended: &mpsc::Receiver<()>) {
    let started = Instant::now();
    let mut wait = DELAY;
    while let Err(RecvTimeoutError::Timeout) = ended.recv_timeout(wait) {
        wait = TICK;
        let what = match shared.step() {
            LoadStep::Listing => "listing files".to_string(),
            LoadStep::Checking => "checking records".to_string(),
            LoadStep::Reading { n, of } => format!("reading file {n} of {of}"),
        };
        let elapsed = started.elapsed().as_secs_f64();
        let mut err = std::io::stderr().lock();
        // stderr may be gone: a failed write only ends the report.
        let written = write!(
            err,
            "\r\x1b[Kentente: loading {name}: {what} ({elapsed:.1} s)"
        )
        .and_then(|()| err.flush());
        if written.is_err() {
            return;
        }
    }
    if wait == TICK {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K");
        let _ = err.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_counted_only_for_an_observed_load_on_this_thread() {
        let shared = Arc::new(LoadProgress::default());
        count_record("Meeting");
        assert_eq!(shared.records(), 0);
        {
            let _progress = Progress::observed(Arc::clone(&shared));
            count_record("Meeting");
            count_record("DateFact");
            count_record("Person");
        }
        count_record("Topic");
        assert_eq!(
            shared.records(),
            2,
            "a meeting and a person, not a date nor after the end"
        );
    }
}
