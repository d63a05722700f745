//! The browser: the [`App`] wired to the terminal. It is the [`Program`] the terminal loop
//! ([`crate::tui`]) runs: terminal events become actions (keys through the key map, see
//! [`action_for`]), drawing is [`crate::ui::draw`], and what the app leaves pending goes out
//! here — copied text to the terminal's clipboard (OSC 52), a briefing note to disk, Ctrl-Z to
//! the terminal layer as a suspend.
//!
//! - `events`: terminal events → actions.
//! - `clipboard`: where copied text goes ([`ClipboardSink`], [`Osc52`]).
//! - `scroll`: noticing that an update only scrolled the detail pane, so the loop can move
//!   rows with a scroll region instead of redrawing them.
//! - `finder_worker`: the thread the finder's matching runs on ([`FinderWorker`]).

mod clipboard;
mod events;
mod finder_worker;
mod scroll;
#[cfg(test)]
mod tests;

use std::path::Path;

use ratatui::Frame;
use ratatui::crossterm::event::Event;

use crate::app::strings::Lang;
use crate::app::{Action, App, AppOptions};
use crate::corpus::LoadedCorpus;
use crate::index::Index;
use crate::tui::{self, Flow, Options, Program, ScrollHint};

pub use clipboard::{ClipboardSink, Osc52};
pub use events::action_for;
pub use finder_worker::FinderWorker;

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
    let options = AppOptions {
        lang,
        monochrome: crate::ui::theme::ColourDepth::from_environment()
            == crate::ui::theme::ColourDepth::None,
        ascii,
        mouse,
        size: tui::drawable_size(),
    };
    let mut browser = Browser::new(App::new(loaded, index, options));
    browser.match_in_background();
    tui::run(&mut browser, &Options { mouse })
}

/// The app and what only the terminal side holds.
pub struct Browser {
    app: App,
    clipboard: Box<dyn ClipboardSink>,
    /// Rows of the detail pane that scrolled since the last frame.
    scroll_hint: Option<ScrollHint>,
    /// The finder's matching thread, once started.
    finder: Option<FinderWorker>,
}

impl Browser {
    /// A browser that copies to the terminal (OSC 52).
    pub fn new(app: App) -> Browser {
        Browser::with_clipboard(app, Box::new(Osc52))
    }

    /// A browser whose copied text goes to `clipboard`.
    pub fn with_clipboard(app: App, clipboard: Box<dyn ClipboardSink>) -> Browser {
        Browser {
            app,
            clipboard,
            scroll_hint: None,
            finder: None,
        }
    }

    /// Moves the finder's matching to a worker thread: typing redraws the query at once and
    /// results follow when ready. Without it (tests), the app matches inline. If no thread
    /// can be started, matching stays inline.
    pub fn match_in_background(&mut self) {
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
        let Some(worker) = self.finder.as_mut() else {
            return;
        };
        while self.app.finder().pick_when_ready && worker.busy() {
            if let Some(results) = worker.wait(std::time::Duration::from_millis(100)) {
                self.app.update(results);
            }
        }
    }

    /// Hands the app's newest finder query to the worker.
    fn send_finder_request(&mut self) {
        if let Some(worker) = &mut self.finder
            && let Some(request) = self.app.take_finder_request()
        {
            worker.ask(request);
        }
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    /// Sends text the app copied to the clipboard; a failure is reported back to the app.
    fn send_copy(&mut self) {
        if let Some(text) = self.app.pending_copy.take()
            && self.clipboard.copy(&text).is_err()
        {
            self.app.update(Action::CopyFailed);
        }
    }

    /// Writes a briefing note the app prepared: atomically, never over a corpus file (the
    /// name is derived from a meeting id, in the current directory).
    fn write_export(&mut self) {
        if let Some((file, note)) = self.app.pending_export.take() {
            let action = match crate::atomic::write_atomic(Path::new(&file), note.as_bytes()) {
                Ok(()) => Action::Exported(file),
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
        self.send_finder_request();
        self.settle_pending_pick();
        if self.app.quit {
            Flow::Quit
        } else {
            Flow::Redraw
        }
    }

    fn draw(&self, frame: &mut Frame) {
        crate::ui::draw(&self.app, frame);
    }

    fn scroll_hint(&mut self) -> Option<ScrollHint> {
        self.scroll_hint.take()
    }

    fn busy(&self) -> bool {
        self.finder.as_ref().is_some_and(FinderWorker::busy)
    }

    fn poll_background(&mut self) -> Flow {
        match self.finder.as_mut().and_then(FinderWorker::take) {
            Some(results) => {
                self.app.update(results);
                Flow::Redraw
            }
            None => Flow::Idle,
        }
    }
}
