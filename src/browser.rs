//! The browser: the [`App`] wired to the terminal. It is the [`Program`] the terminal loop
//! ([`crate::tui`]) runs: terminal events become actions (keys through the key map, see
//! [`action_for`]), drawing is [`crate::ui::draw`], and what the app leaves pending goes out
//! here — copied text to the terminal's clipboard (OSC 52, and tmux's buffer inside tmux) or
//! to a new file (`Y`), a briefing note to disk, Ctrl-Z to the terminal layer as a suspend.
//!
//! - `events`: terminal events → actions.
//! - `clipboard`: where copied text goes ([`ClipboardSink`], [`Terminal`]).
//! - `loading`: the loading screen shown while a big corpus loads ([`run_loading`]).
//! - `scroll`: noticing that an update only scrolled the detail pane, so the loop can move
//!   rows with a scroll region instead of redrawing them.
//! - `finder_worker`: the thread the finder's matching runs on ([`FinderWorker`]).
//! - `keep_corpus`: writing the loaded corpus's cache entry after the first frame.

mod clipboard;
mod events;
mod finder_worker;
mod keep_corpus;
mod loading;
mod scroll;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Instant;

use anyhow::Context as _;

use ratatui::crossterm::event::Event;

use crate::app::strings::Lang;
use crate::app::{Action, App, AppOptions, Mode};
use crate::corpus::LoadedCorpus;
use crate::corpus::load::LoadProgress;
use crate::corpus::load::cache::CorpusEntry;
use crate::index::{Index, IndexRest};
use crate::tui::{self, Canvas, Flow, Options, Program, ScrollHint};

pub use clipboard::{ClipboardSink, Terminal, write_new_file};
pub use events::action_for;
pub use finder_worker::FinderWorker;
pub use keep_corpus::KeepCorpus;
pub use loading::{Loading, PROGRESS_DELAY};

/// Runs the browser on a loaded corpus until the user quits: what `entente` without a
/// subcommand does. `NO_COLOR` (set and non-empty) and `TERM=dumb` turn colours off; `lang` is
/// the interface's language; `ascii` (`--ascii` or a non-UTF-8 locale) draws with ASCII only.
pub fn run(
    loaded: LoadedCorpus,
    index: Index,
    mouse: bool,
    lang: Lang,
    ascii: bool,
) -> anyhow::Result<()> {
    let options = app_options(mouse, lang, ascii);
    let mut browser = Browser::interactive(App::new(loaded, index, options));
    tui::run(&mut browser, &Options { mouse })
}

/// Runs the browser on the corpus at `path` (or the built-in one with the user's corpus over
/// it), loaded, checked and indexed on a thread of its own. A load that ends within
/// [`PROGRESS_DELAY`] starts the browser as [`run`] does (an error is returned before the
/// terminal is touched); a longer one shows the loading screen ([`Loading`]) until the app is
/// ready, then the app on the same screen. An error after that is returned once the terminal
/// is restored. The built-in corpus alone (no `path`, no user's corpus) is loaded here
/// instead: it is embedded and small, so loading it takes less than starting a thread and
/// waiting for it (on a busy machine, far less).
pub fn run_loading(
    path: Option<PathBuf>,
    mouse: bool,
    lang: Lang,
    ascii: bool,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let progress = Arc::new(LoadProgress::default());
    let options = Options { mouse };
    if path.is_none() && crate::corpus::layers::existing_user_dir().is_none() {
        let prepared = prepare(None, progress, mouse, lang, ascii)?;
        return tui::run(&mut Browser::prepared(prepared), &options);
    }
    let (send, ready) = mpsc::channel();
    let thread_progress = Arc::clone(&progress);
    let thread_path = path.clone();
    std::thread::Builder::new()
        .name("load-corpus".into())
        .spawn(move || {
            let app = prepare(thread_path.as_deref(), thread_progress, mouse, lang, ascii);
            // The receiver is gone only when the user quit meanwhile.
            let _ = send.send(app);
        })
        .context("cannot start loading the corpus")?;
    match ready.recv_timeout(PROGRESS_DELAY) {
        Ok(prepared) => return tui::run(&mut Browser::prepared(prepared?), &options),
        Err(RecvTimeoutError::Timeout) => {}
        Err(RecvTimeoutError::Disconnected) => {
            anyhow::bail!("loading the corpus stopped without a result (the loading thread failed)")
        }
    }
    let name = path.map_or_else(
        || lang.strings().untitled_corpus.to_string(),
        |p| p.display().to_string(),
    );
    let mut loading = Loading::new(&name, progress, started, lang, ready);
    tui::run_when_ready(&mut loading, &options)
}

/// An app made by a load, and the corpus's cache entry to write once its first frame is
/// drawn (when the corpus was parsed, not read from that entry).
pub struct Prepared {
    pub app: App,
    pub keep: Option<KeepCorpus>,
}

/// Loads, checks and indexes the corpus (see [`run_loading`]) and makes the app on it. The
/// index is what the first frame uses ([`Index::build_for_first_frame`]); the browser
/// completes it once that frame is drawn (`Browser::drawn`). A corpus read from a file is
/// decoded from its cache entry when that is valid (`corpus::load::cache`), else parsed and
/// checked, its entry then written after the first frame ([`KeepCorpus`]). Its finder is the
/// `find` cache's entry for it when that is valid, and is written there when not
/// (`cli::find::cache::for_browser`).
fn prepare(
    path: Option<&Path>,
    progress: Arc<LoadProgress>,
    mouse: bool,
    lang: Lang,
    ascii: bool,
) -> anyhow::Result<Prepared> {
    // The cache entries are keyed by the corpus's files as they are before the load.
    let finder_cache = path.and_then(crate::cli::find::cache::for_browser);
    let corpus_entry = path.and_then(CorpusEntry::for_path);
    let cached = corpus_entry.as_ref().and_then(|e| e.read_corpus(&progress));
    let (mut loaded, entry_to_write) = match cached {
        // The browser names no file: the origins are not read.
        Some(corpus) => (
            LoadedCorpus {
                corpus,
                origins: crate::corpus::load::Origins::default(),
            },
            None,
        ),
        None => (
            crate::cli::load_corpus_observed(
                path,
                progress,
                crate::corpus::load::ReceivedText::Drop,
            )?,
            corpus_entry,
        ),
    };
    drop_received_text(&mut loaded);
    // The app keeps no origins: they go with the entry to write, if any.
    let keep = entry_to_write.map(|entry| KeepCorpus {
        entry,
        origins: std::mem::take(&mut loaded.origins),
    });
    let index = Index::build_for_first_frame(&loaded.corpus);
    let mut app = App::new(loaded, index, app_options(mouse, lang, ascii));
    if IndexRest::worth_a_thread(&app.corpus) {
        // What the load and the index freed (their temporaries, the parse's window) goes
        // back to the system before the rest of the index and the finder are built on top
        // of it. Not for a small corpus, where there is nothing worth the walk.
        crate::heap::release_free_memory();
    }
    if let Some(cache) = finder_cache {
        // A new app's finder is neither made nor shared yet: the cache is always taken.
        app.use_finder_cache(cache);
    }
    Ok(Prepared { app, keep })
}

/// Frees each source's text as received (`raw`) once the corpus is validated: the browser
/// shows the cleaned paragraphs only. A file the browser reads never holds it (its load drops
/// it while parsing, leaving a mark); this clears those marks, and the built-in corpus's text.
fn drop_received_text(loaded: &mut LoadedCorpus) {
    for source in &mut loaded.corpus.sources {
        source.raw = crate::corpus::Text::default();
    }
}

/// The app's options from the flags and the environment: `NO_COLOR` (set and non-empty) and
/// `TERM=dumb` turn colours off; the size is the terminal's now.
fn app_options(mouse: bool, lang: Lang, ascii: bool) -> AppOptions {
    AppOptions {
        lang,
        monochrome: crate::ui::theme::ColourDepth::from_environment()
            == crate::ui::theme::ColourDepth::None,
        ascii,
        mouse,
        size: tui::drawable_size(),
    }
}

/// The app and what only the terminal side holds.
pub struct Browser {
    app: App,
    clipboard: Box<dyn ClipboardSink>,
    /// Rows of the detail pane that scrolled since the last frame.
    scroll_hint: Option<ScrollHint>,
    /// The finder's matching thread, once started.
    finder: Option<FinderWorker>,
    /// Start the finder's thread once the first frame is out ([`Browser::interactive`]).
    worker_after_first_frame: bool,
    /// The newest finder query, held until the frame that shows it is drawn (see
    /// [`FinderWorker::cancel_older_than`]).
    held_request: Option<crate::app::finder::FinderRequest>,
    /// The rest of the index ([`IndexRest`]), being made on a thread of its own after the
    /// first frame of a big corpus. Until it comes, no input is handled (`handle` waits for
    /// it), so no key ever sees a partial index; the finder's worker starts after it, so the
    /// two builds' memory never adds up.
    index_rest: Option<mpsc::Receiver<IndexRest>>,
    /// The corpus's cache entry, written once the first frame is drawn.
    keep_corpus: Option<KeepCorpus>,
}

impl Browser {
    /// A browser that copies to the terminal (OSC 52), and to tmux's buffer inside tmux.
    pub fn new(app: App) -> Browser {
        Browser::with_clipboard(app, Box::new(Terminal::from_environment()))
    }

    /// A browser whose copied text goes to `clipboard`.
    pub fn with_clipboard(mut app: App, clipboard: Box<dyn ClipboardSink>) -> Browser {
        // A big corpus's index is completed on a thread after the first frame
        // (`complete_index_apart`): that frame, and any until the rest is added, say so.
        if app.index.is_incomplete() && IndexRest::worth_a_thread(&app.corpus) {
            app.set_indexing(true);
        }
        Browser {
            app,
            clipboard,
            scroll_hint: None,
            finder: None,
            worker_after_first_frame: false,
            held_request: None,
            index_rest: None,
            keep_corpus: None,
        }
    }

    /// A browser for a person at the terminal: [`Browser::new`] with the finder built and
    /// matching on its own thread, started once the first frame is drawn (so that frame
    /// waits for neither the thread nor the finder).
    pub fn interactive(app: App) -> Browser {
        let mut browser = Browser::new(app);
        browser.worker_after_first_frame = true;
        browser
    }

    /// [`Browser::interactive`] on a load's app, writing the corpus's cache entry, if the
    /// load left one to write, once the first frame is drawn.
    pub fn prepared(prepared: Prepared) -> Browser {
        let mut browser = Browser::interactive(prepared.app);
        browser.keep_corpus = prepared.keep;
        browser
    }

    /// Moves the finder's building and matching to a worker thread now: typing redraws the
    /// query at once and results follow when ready. Without it (tests), the app builds the
    /// finder on its first query and matches inline. If no thread can be started, matching
    /// stays inline.
    pub fn match_in_background(&mut self) {
        self.worker_after_first_frame = false;
        if self.finder.is_none()
            && let Some(worker) = FinderWorker::start(self.app.finder_shared())
        {
            self.app.answer_finder_in_background();
            self.finder = Some(worker);
        }
    }

    /// Enter pressed while a finder search runs: the pick waits for the newest results, and
    /// so do the keys after it, as after a synchronous search — a key typed after Enter (`?`
    /// for help) must not land in the query the pick is waiting on. Typing itself never
    /// waits; only Enter does, for one search.
    fn settle_pending_pick(&mut self) {
        if self.app.finder().pick_when_ready {
            self.send_finder_request();
        }
        let Some(worker) = self.finder.as_mut() else {
            return;
        };
        while self.app.finder().pick_when_ready && worker.busy() {
            if let Some(results) = worker.wait(std::time::Duration::from_millis(100)) {
                self.app.update(results);
            }
        }
    }

    /// Takes the app's newest finder query, stopping the worker's older scans at once; it is
    /// sent once the frame showing the edit is drawn ([`Browser::send_finder_request`]), so
    /// that frame does not share the cores with its scan.
    fn hold_finder_request(&mut self) {
        if let Some(worker) = &self.finder
            && let Some(request) = self.app.take_finder_request()
        {
            worker.cancel_older_than(request.generation);
            self.held_request = Some(request);
        }
    }

    /// Hands the held finder query to the worker.
    fn send_finder_request(&mut self) {
        if let Some(worker) = &mut self.finder
            && let Some(request) = self.held_request.take()
        {
            worker.ask(request);
        }
    }

    /// Completes the index after the first frame: at once for a small corpus, else on a
    /// thread of its own ([`Browser::finish_index`] takes its work), or at once if no thread
    /// can be started.
    fn complete_index_apart(&mut self) {
        if IndexRest::worth_a_thread(&self.app.corpus) {
            let corpus = Arc::clone(&self.app.corpus);
            let seed = self.app.index.rest_seed();
            let (send, receive) = mpsc::channel();
            let started = std::thread::Builder::new()
                .name("index-rest".into())
                .spawn(move || {
                    // The receiver is gone only when the browser quit meanwhile.
                    let _ = send.send(IndexRest::build(&corpus, seed));
                });
            if started.is_ok() {
                self.index_rest = Some(receive);
                return;
            }
        }
        self.app.index.complete(&self.app.corpus);
        self.app.set_indexing(false);
    }

    /// Waits for the rest of the index being made on its thread, if it is: a key is handled
    /// only on a whole index.
    fn wait_for_index(&mut self) {
        if let Some(rest) = &self.index_rest {
            // The thread gone without a result (it panicked) leaves the work to this one.
            self.finish_index(rest.recv().ok());
        }
    }

    /// Adds the rest of the index (made here if `rest` is `None`), hands back the memory
    /// its making freed, and starts the finder's worker if it waited for this.
    fn finish_index(&mut self, rest: Option<IndexRest>) {
        self.index_rest = None;
        match rest {
            Some(rest) => self.app.index.finish(rest),
            None => self.app.index.complete(&self.app.corpus),
        }
        self.app.set_indexing(false);
        crate::heap::release_free_memory();
        if self.worker_after_first_frame {
            self.match_in_background();
        }
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    /// Delivers text the app copied — to the clipboard, or (`Y`) to a new file in the
    /// current directory — and reports back where it went, or why it did not.
    fn send_copy(&mut self) {
        let Some(copy) = self.app.pending_copy.take() else {
            return;
        };
        let delivered = if copy.to_file {
            write_new_file(Path::new("."), &copy.text).map(|path| {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                crate::app::action::CopyDestination::File(name)
            })
        } else {
            self.clipboard.copy(&copy.text)
        };
        self.app.update(match delivered {
            Ok(to) => Action::Copied(to),
            Err(e) => Action::CopyFailed(e),
        });
    }

    /// Writes a briefing note the app prepared, in the current directory under the name it
    /// chose, or `-2`, `-3`, … when that is taken: never over any file (an edited note from
    /// an earlier `e` included), and whole or not at all.
    fn write_export(&mut self) {
        if let Some((file, note)) = self.app.pending_export.take() {
            let action = match crate::atomic::write_numbered(Path::new(&file), note.as_bytes()) {
                Ok(written) => Action::Exported(written.display().to_string()),
                Err(e) => Action::ExportFailed(format!("{e:#}")),
            };
            self.app.update(action);
        }
    }
}

impl Program for Browser {
    fn handle(&mut self, event: Event) -> Flow {
        let Some(action) = action_for(&self.app, &event) else {
            return Flow::Idle;
        };
        // Quitting needs no index (and must not start the finder's worker for nothing); the
        // first key is the only one that can find it incomplete, in the first frame's view.
        if action != Action::Quit {
            self.wait_for_index();
        }
        if action == Action::Suspend {
            return Flow::Suspend;
        }
        let before = scroll::DetailScroll::of(&self.app);
        self.app.update(action);
        let hint = before.hint_after(&self.app);
        self.scroll_hint = match (self.scroll_hint.take(), hint) {
            (Some(pending), Some(hint)) => pending.then(hint),
            (_, hint) => hint,
        };
        self.send_copy();
        self.write_export();
        self.hold_finder_request();
        self.settle_pending_pick();
        if self.app.quit {
            Flow::Quit
        } else {
            // The held query goes to the worker in `drawn`, after this frame.
            Flow::Redraw
        }
    }

    fn draw(&self, canvas: &mut Canvas) {
        crate::ui::draw(&self.app, canvas);
    }

    fn scroll_hint(&mut self) -> Option<ScrollHint> {
        self.scroll_hint.take()
    }

    fn places_cursor(&self) -> bool {
        // The text fields that show the cursor: the search prompt, the finder's and the
        // corpus search's queries (`ui::footer`, `ui::finder`, `ui::corpus_search`).
        matches!(
            self.app.mode(),
            Mode::Search | Mode::Finder | Mode::CorpusSearch
        )
    }

    fn drawn(&mut self) {
        // Before any input is handled and before the finder's worker starts, the index is
        // made whole (see `prepare`): here for a small corpus, on a thread for a big one.
        if self.app.index.is_incomplete() && self.index_rest.is_none() {
            self.complete_index_apart();
        }
        if let Some(keep) = self.keep_corpus.take() {
            keep.start(Arc::clone(&self.app.corpus));
        }
        if self.worker_after_first_frame && self.index_rest.is_none() {
            self.match_in_background();
        }
        self.send_finder_request();
    }

    fn busy(&self) -> bool {
        self.index_rest.is_some()
            || self.held_request.is_some()
            || self.finder.as_ref().is_some_and(FinderWorker::busy)
    }

    fn poll_background(&mut self) -> Flow {
        if let Some(rest) = &self.index_rest
            && let Ok(rest) = rest.try_recv()
        {
            self.finish_index(Some(rest));
            return Flow::Redraw;
        }
        match self.finder.as_mut().and_then(FinderWorker::take) {
            Some(results) => {
                self.app.update(results);
                Flow::Redraw
            }
            None => Flow::Idle,
        }
    }
}
