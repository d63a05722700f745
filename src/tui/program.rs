//! The contract between the event loop and a screen: what a program receives, what it answers,
//! and the few options that change how the terminal is set up.

use std::ops::Range;

use super::canvas::Canvas;
use ratatui::crossterm::event::Event;

/// A full-screen program driven by [`run`](crate::tui::run).
///
/// State changes only in [`handle`](Program::handle); [`draw`](Program::draw) reads it.
pub trait Program {
    /// One input event (key, resize, mouse, paste, focus). Returns what to do next.
    ///
    /// A resize reports the drawable size (see [`drawable_size`](crate::tui::drawable_size)),
    /// which is the terminal's up to a cap.
    fn handle(&mut self, event: Event) -> Flow;

    /// Draw the whole screen from state; must not change state.
    fn draw(&self, canvas: &mut Canvas);

    /// Whether [`draw`](Program::draw) may place the terminal's cursor now
    /// (`Canvas::set_cursor_position`, for a text field). A frame on a blank screen (the first
    /// one) is written without ratatui's diff only when the answer is no, since the cursor's
    /// place cannot be read back from the frame. Saying yes is always correct.
    fn places_cursor(&self) -> bool {
        true
    }

    /// Taken by the loop before each frame: the updates since the last frame scrolled the
    /// content of some full-width rows, so the terminal can move those rows itself (a scroll
    /// region) and only the rows that scrolled in are sent. A wrong hint costs bytes, never
    /// correctness: the loop shifts its copy of the last frame to match the terminal and
    /// draws the difference as usual.
    fn scroll_hint(&mut self) -> Option<ScrollHint> {
        None
    }

    /// Whether work is under way off the input path (a background search) whose outcome
    /// the loop must come back for: while it is, the loop waits for input at most
    /// [`BUSY_POLL`](crate::tui::BUSY_POLL) at a time and calls
    /// [`poll_background`](Program::poll_background) in between.
    fn busy(&self) -> bool {
        false
    }

    /// Called after each frame has been written: work that must not delay a frame (the
    /// first one above all) can start here.
    fn drawn(&mut self) {}

    /// Takes what background work has finished. Returns what to do next, as `handle` does.
    fn poll_background(&mut self) -> Flow {
        Flow::Idle
    }
}

/// A program still being prepared (a big corpus loading), driven by
/// [`run_when_ready`](crate::tui::run_when_ready): its screen is drawn and redrawn every
/// [`wait`](Pending::wait) until the program is ready, then the program runs on the same
/// terminal session. `q`, Esc and Ctrl-C meanwhile end the run.
pub trait Pending {
    type Program: Program;

    /// Draw the waiting screen from state; must not change state.
    fn draw(&self, canvas: &mut Canvas);

    /// Waits up to `timeout` for the program: `None` while it is still being prepared, then
    /// the program or the error that stopped its preparation.
    fn wait(&mut self, timeout: std::time::Duration) -> Option<anyhow::Result<Self::Program>>;
}

/// Screen rows `rows` (each spanning the full width) now show their old content moved by
/// `lines`: positive when it moved up (the reader scrolled down), negative when it moved down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScrollHint {
    pub rows: Range<u16>,
    pub lines: i32,
}

impl ScrollHint {
    /// Two hints in a row over the same rows add up; anything else cannot be said in one.
    pub fn then(self, next: ScrollHint) -> Option<ScrollHint> {
        (self.rows == next.rows).then(|| ScrollHint {
            rows: next.rows,
            lines: self.lines + next.lines,
        })
    }
}

/// What the event loop does after an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// State changed: draw a new frame.
    Redraw,
    /// Nothing visible changed: do not draw (no bytes leave for the terminal).
    Idle,
    /// Leave the loop; the terminal is restored before `run` returns.
    Quit,
    /// Stop the process as Ctrl-Z does in a shell: the terminal is restored first, and set up
    /// and redrawn whole when the shell continues the process (`fg`).
    Suspend,
}

/// How the terminal is set up for a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (clicks, wheel). Off by default: capture stops the terminal's own
    /// text selection, which a reader over SSH often wants.
    pub mouse: bool,
}
