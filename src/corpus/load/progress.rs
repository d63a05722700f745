//! "Loading…" on stderr while a corpus takes long to load.
//!
//! A big corpus (190k meetings) takes seconds to read, parse and check, during which neither
//! the CLI nor the browser (which starts drawing only once it has the corpus) shows anything.
//! A thread waits [`DELAY`]; if loading has not ended by then, it writes one status line to
//! stderr and rewrites it as loading goes on, then erases it. Only when stderr is a
//! terminal, so pipes, logs and JSON consumers see nothing. `ENTENTE_PROGRESS=always` shows it
//! whatever stderr is, from the start, one line per step written as the step begins (for
//! tests and for logs); `ENTENTE_PROGRESS=never` turns it off.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a load runs before it is reported.
const DELAY: Duration = Duration::from_millis(200);
/// How often the status line is rewritten.
const TICK: Duration = Duration::from_millis(250);

/// Where loading is: 0 while the directory is listed, n for file n, `usize::MAX` while the
/// files are checked together.
const CHECKING: usize = usize::MAX;

/// A running report; ends (erasing its line) when dropped.
pub(super) struct Progress {
    state: Option<Shared>,
    /// `ENTENTE_PROGRESS=always`: the name to write a line per step for, with no thread.
    always: Option<String>,
}

struct Shared {
    step: Arc<AtomicUsize>,
    files: Arc<AtomicUsize>,
    done: Sender<()>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    pub(super) fn start(path: &Path) -> Progress {
        let name = crate::text::escape_controls(&path.display().to_string()).into_owned();
        let silent = Progress {
            state: None,
            always: None,
        };
        match std::env::var("ENTENTE_PROGRESS").as_deref() {
            Ok("always") => {
                return Progress {
                    state: None,
                    always: Some(name),
                };
            }
            Ok("never") => return silent,
            _ if std::io::stderr().is_terminal() => {}
            _ => return silent,
        }
        let step = Arc::new(AtomicUsize::new(0));
        let files = Arc::new(AtomicUsize::new(0));
        let (done, ended) = mpsc::channel::<()>();
        let (thread_step, thread_files) = (Arc::clone(&step), Arc::clone(&files));
        let spawned = std::thread::Builder::new()
            .name("load-progress".into())
            .spawn(move || report(&name, &thread_step, &thread_files, &ended));
        Progress {
            state: Some(Shared {
                step,
                files,
                done,
                // Without a thread the load goes on, silently.
                thread: spawned.ok(),
            }),
            always: None,
        }
    }

    /// File `n` of `count` is being read and parsed.
    pub(super) fn file(&self, n: usize, count: usize) {
        self.line(&format!("reading file {n} of {count}"));
        if let Some(s) = &self.state {
            s.files.store(count, Ordering::Relaxed);
            s.step.store(n, Ordering::Relaxed);
        }
    }

    /// The files are being checked together.
    pub(super) fn checking(&self) {
        self.line("checking records");
        if let Some(s) = &self.state {
            s.step.store(CHECKING, Ordering::Relaxed);
        }
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
        if let Some(mut s) = self.state.take() {
            let _ = s.done.send(());
            if let Some(thread) = s.thread.take() {
                let _ = thread.join();
            }
        }
    }
}

/// The reporting thread: waits [`DELAY`], then rewrites the status line every [`TICK`]
/// until `ended` says loading is over, and erases it.
fn report(name: &str, step: &AtomicUsize, files: &AtomicUsize, ended: &mpsc::Receiver<()>) {
    let started = Instant::now();
    let mut wait = DELAY;
    while let Err(RecvTimeoutError::Timeout) = ended.recv_timeout(wait) {
        wait = TICK;
        let what = match step.load(Ordering::Relaxed) {
            0 => "listing files".to_string(),
            CHECKING => "checking records".to_string(),
            n => format!("reading file {n} of {}", files.load(Ordering::Relaxed)),
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
