//! The loading screen: a corpus loads (read, parsed, checked, indexed) on a thread of its own
//! while the screen says how far it has got; then the browser takes over the same screen.
//!
//! [`run_loading`](super::run_loading) waits [`PROGRESS_DELAY`] for the load before it shows
//! anything, so a small corpus (the built-in one) starts as before, and one that fails to load
//! quickly reports its problems without the screen flashing.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::tui::Canvas;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::strings::Lang;
use crate::corpus::load::LoadProgress;
pub use crate::corpus::load::PROGRESS_DELAY;
use crate::tui::Pending;

use super::{Browser, Prepared};

const MIB: f64 = 1024.0 * 1024.0;

/// A load in progress, as the loading screen shows it.
pub struct Loading {
    /// The corpus's name, sanitised for the terminal.
    name: String,
    progress: Arc<LoadProgress>,
    started: Instant,
    lang: Lang,
    ready: Receiver<anyhow::Result<Prepared>>,
}

impl Loading {
    /// `ready` receives the app once the loading thread has built it; `started` is when the
    /// load began.
    pub fn new(
        name: &str,
        progress: Arc<LoadProgress>,
        started: Instant,
        lang: Lang,
        ready: Receiver<anyhow::Result<Prepared>>,
    ) -> Loading {
        Loading {
            name: crate::text::sanitize_line(name),
            progress,
            started,
            lang,
            ready,
        }
    }

    /// The screen's lines: the title, the step, the amounts so far, and the key that stops.
    pub fn lines(&self) -> [String; 4] {
        let t = self.lang.strings();
        let (read, total) = self.progress.bytes();
        [
            (t.loading)(&self.name),
            (t.loading_step)(self.progress.step()),
            (t.loading_amount)(
                read as f64 / MIB,
                total as f64 / MIB,
                self.progress.records(),
                self.started.elapsed().as_secs_f64(),
            ),
            t.loading_keys.to_string(),
        ]
    }
}

impl Pending for Loading {
    type Program = Browser;

    fn draw(&self, canvas: &mut Canvas) {
        let lines: Vec<Line> = self.lines().into_iter().map(Line::from).collect();
        canvas.render_widget(Paragraph::new(lines), canvas.area());
    }

    fn wait(&mut self, timeout: Duration) -> Option<anyhow::Result<Browser>> {
        match self.ready.recv_timeout(timeout) {
            Ok(prepared) => Some(prepared.map(Browser::prepared)),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Err(anyhow::anyhow!(
                "loading the corpus stopped without a result (the loading thread failed)"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_screen_says_the_step_the_amounts_and_the_way_out() {
        let progress = Arc::new(LoadProgress::default());
        let (_send, ready) = std::sync::mpsc::channel();
        let loading = Loading::new(
            "big\u{1b}]0;x\u{7}.json",
            progress,
            Instant::now(),
            Lang::En,
            ready,
        );
        let [title, step, amount, keys] = loading.lines();
        assert!(title.starts_with("Loading big"), "{title}");
        assert!(
            !title.contains('\u{1b}'),
            "the name is sanitised: {title:?}"
        );
        assert_eq!(step, "listing files");
        assert!(
            amount.starts_with("0.0 of 0.0 MiB read, 0 records parsed"),
            "{amount}"
        );
        assert_eq!(keys, "q stop");
    }

    #[test]
    fn a_loading_thread_that_ends_without_an_app_is_an_error() {
        let (send, ready) = std::sync::mpsc::channel();
        drop(send);
        let mut loading = Loading::new(
            "c.json",
            Arc::new(LoadProgress::default()),
            Instant::now(),
            Lang::En,
            ready,
        );
        let outcome = loading.wait(Duration::from_millis(1));
        assert!(matches!(outcome, Some(Err(_))));
    }
}
