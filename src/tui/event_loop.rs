//! The event loop: read input, let the program update its state, draw only when it asks.
//!
//! There is no frame timer: the loop sleeps in crossterm's reader until input arrives. Events
//! that are already queued (a paste, a burst of resizes, key repeat) are handled before one
//! frame is drawn. Each frame is wrapped in a synchronized update and leaves in one write.
//! Frames cover the terminal's top-left part up to a cap (see `area`). After a suspend (see
//! `job`) the whole screen is drawn again, since the shell drew over it in between.

use std::time::Duration;

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::{Backend as _, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, ResetColor, SetAttribute};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::layout::{Rect, Size};

use super::frame_writer::{Committer, FrameWriter};
use super::program::{Flow, Options, Program, ScrollHint};
use super::session::{self, Session, TerminalOut};
use super::{area, hangup, input, job};
/// At most this many queued events are handled before a frame is drawn, so a flood of input
/// cannot keep the screen from updating.
const MAX_BATCH: usize = 64;

/// While the program is [busy](Program::busy), how long the loop waits for input before it
/// looks for finished background work. crossterm's reader cannot be woken by another thread,
/// so results are drawn at most this long after they are ready.
pub const BUSY_POLL: Duration = Duration::from_millis(4);

type Backend = area::Capped<CrosstermBackend<FrameWriter<TerminalOut>>>;

/// Run `program` full-screen until it returns [`Flow::Quit`].
///
/// The terminal is restored before this returns, whether with `Ok` or with an error, and by
/// the panic hook before a panic message is printed. SIGHUP, SIGTERM, SIGINT, SIGQUIT and a
/// terminal that goes away end the process (exit status 128 + signal; 129 for a hang-up).
pub fn run<P: Program>(program: &mut P, options: &Options) -> anyhow::Result<()> {
    hangup::install().context("cannot watch for signals and hang-ups")?;
    let session = Session::enter(options)
        .context("cannot set up the terminal (raw mode, alternate screen)")?;
    let outcome = event_loop(program);
    let restored = session.leave().context("cannot restore the terminal");
    if outcome.is_err() || restored.is_err() {
        hangup::end_if_hung_up();
    }
    outcome?;
    restored
}

fn event_loop<P: Program>(program: &mut P) -> anyhow::Result<()> {
    // crossterm starts its reader on first use; start it now, while the terminal is surely
    // there, so that a failure shows before anything is drawn.
    event::poll(Duration::ZERO).context("cannot read terminal input")?;
    let (writer, committer) = FrameWriter::new(TerminalOut::new()?);
    let terminal = Terminal::new(area::Capped(CrosstermBackend::new(writer)))?;
    let known_size = terminal.size()?;
    let mut screen = Screen {
        terminal,
        committer,
        known_size,
        triggers: TestTriggers::from_env(),
        last: Buffer::empty(Rect::ZERO),
    };
    let mut dirty = true;
    loop {
        let hint = program.scroll_hint();
        let whole = session::take_redraw_request();
        if dirty || whole {
            screen.draw(program, hint, whole).context("cannot draw")?;
            dirty = false;
        }
        match screen.handle_queued(program)? {
            Flow::Quit => return Ok(()),
            Flow::Redraw => dirty = true,
            Flow::Idle | Flow::Suspend => {}
        }
    }
}

/// The terminal as the loop drives it.
struct Screen {
    terminal: Terminal<Backend>,
    committer: Committer,
    /// The size the program was last told about (by a resize event), capped as drawn.
    known_size: Size,
    triggers: TestTriggers,
    /// The last frame drawn, for a scroll hint: shifted like the terminal's rows, it becomes
    /// what the next frame is compared against.
    last: Buffer,
}

impl Screen {
    /// Handle the next event (waiting for it) and the ones already queued behind it. While
    /// the program is busy, finished background work ends the wait instead.
    fn handle_queued<P: Program>(&mut self, program: &mut P) -> anyhow::Result<Flow> {
        while program.busy() {
            if event::poll(BUSY_POLL).context("cannot read terminal input")? {
                break;
            }
            match program.poll_background() {
                Flow::Idle => {}
                flow => return Ok(flow),
            }
        }
        let mut outcome = Flow::Idle;
        let mut resized = false;
        for _ in 0..MAX_BATCH {
            let mut event = event::read().context("cannot read terminal input")?;
            if matches!(event, Event::Key(_)) {
                self.triggers.on_key()?;
            }
            if let Event::Resize(width, height) = event {
                self.terminal.autoresize().context("cannot resize")?;
                self.known_size = area::drawn(Size { width, height });
                event = Event::Resize(self.known_size.width, self.known_size.height);
                resized = true;
                outcome = Flow::Redraw;
            }
            match program.handle(event) {
                Flow::Quit => return Ok(Flow::Quit),
                Flow::Redraw => outcome = Flow::Redraw,
                // The signal thread restores the terminal and stops the process; the events
                // queued behind Ctrl-Z are handled when it continues.
                Flow::Suspend => job::suspend(),
                Flow::Idle => {}
            }
            if !event::poll(Duration::ZERO)? {
                if resized {
                    input::rearm_after_resize();
                }
                break;
            }
        }
        Ok(match self.unreported_resize(program)? {
            Flow::Idle => outcome,
            flow => flow,
        })
    }

    /// crossterm can also drop a resize that arrives together with a key (see `input`): if
    /// the size changed without an event, tell the program as if one had come.
    fn unreported_resize<P: Program>(&mut self, program: &mut P) -> anyhow::Result<Flow> {
        let size = self
            .terminal
            .size()
            .context("cannot read the terminal size")?;
        if size == self.known_size {
            return Ok(Flow::Idle);
        }
        self.known_size = size;
        self.terminal.autoresize().context("cannot resize")?;
        Ok(
            match program.handle(Event::Resize(size.width, size.height)) {
                Flow::Quit => Flow::Quit,
                Flow::Redraw | Flow::Idle | Flow::Suspend => Flow::Redraw,
            },
        )
    }

    /// Draw a frame: only what changed since the last one, or every cell when `whole` (the
    /// terminal was handed to the shell and back in between).
    fn draw<P: Program>(
        &mut self,
        program: &P,
        hint: Option<ScrollHint>,
        whole: bool,
    ) -> std::io::Result<()> {
        let backend = self.terminal.backend_mut();
        queue!(backend, BeginSynchronizedUpdate)?;
        if whole {
            // Clears the screen and forgets the last frame, so every cell is sent.
            let area = self.terminal.get_frame().area();
            self.terminal.resize(area)?;
        } else if let Some(hint) = hint {
            self.scroll(&hint)?;
        }
        let completed = self.terminal.draw(|frame| program.draw(frame))?;
        self.last.clone_from(completed.buffer);
        let backend = self.terminal.backend_mut();
        queue!(backend, EndSynchronizedUpdate)?;
        self.committer.commit(backend)
    }

    /// Moves the hinted rows on the terminal with a scroll region, and makes the shifted last
    /// frame the one ratatui compares the next frame with, so only what differs is sent.
    /// A hint that does not fit the last frame (a resize came between) is ignored.
    fn scroll(&mut self, hint: &ScrollHint) -> std::io::Result<()> {
        let area = self.last.area;
        let rows = hint.rows.clone();
        let n = hint.lines.unsigned_abs();
        let height = u32::from(rows.end.saturating_sub(rows.start));
        if area != self.terminal.get_frame().area()
            || area.x != 0
            || area.y != 0
            || rows.end > area.height
            || n == 0
            || n >= height
        {
            return Ok(());
        }
        let Some(shifted) = shifted(&self.last, &rows, hint.lines) else {
            return Ok(());
        };
        let backend = self.terminal.backend_mut();
        // The rows that scroll in are blanked in the current colours: make them the defaults.
        queue!(backend, SetAttribute(Attribute::Reset), ResetColor)?;
        let amount = u16::try_from(n).unwrap_or(u16::MAX);
        if hint.lines > 0 {
            backend.scroll_region_up(rows, amount)?;
        } else {
            backend.scroll_region_down(rows, amount)?;
        }
        *self.terminal.current_buffer_mut() = shifted;
        self.terminal.swap_buffers();
        Ok(())
    }
}

/// `last` as the terminal shows it after its rows `rows` moved by `lines` (positive: up),
/// the rows that scrolled in marked to be drawn whole; `None` if the rows are not inside the
/// buffer.
fn shifted(last: &Buffer, rows: &std::ops::Range<u16>, lines: i32) -> Option<Buffer> {
    let width = usize::from(last.area.width);
    let (top, bottom) = (usize::from(rows.start), usize::from(rows.end));
    if bottom > usize::from(last.area.height) || top >= bottom {
        return None;
    }
    let n = usize::try_from(lines.unsigned_abs())
        .ok()?
        .min(bottom - top);
    let mut out = last.clone();
    let cells = &mut out.content[top * width..bottom * width];
    // The terminal blanks the rows that scroll in; marking them as holding something no
    // frame draws makes ratatui write them whole, left to right, instead of skipping each
    // blank cell with a cursor move (a move costs more than the space it skips).
    let blank = Cell::new("\u{fffe}");
    let len = cells.len();
    if lines > 0 {
        cells.rotate_left(n * width);
        cells[len - n * width..].fill(blank);
    } else {
        cells.rotate_right(n * width);
        cells[..n * width].fill(blank);
    }
    Some(out)
}

/// Failure triggers for the end-to-end tests, read from the environment; debug builds only.
/// `ENTENTE_TEST_PANIC=1` panics on the first key, `ENTENTE_TEST_ERROR=1` returns an error.
#[cfg(debug_assertions)]
struct TestTriggers {
    panic: bool,
    error: bool,
}

#[cfg(debug_assertions)]
impl TestTriggers {
    fn from_env() -> Self {
        let set = |name| std::env::var_os(name).is_some_and(|value| value == "1");
        Self {
            panic: set("ENTENTE_TEST_PANIC"),
            error: set("ENTENTE_TEST_ERROR"),
        }
    }

    fn on_key(&mut self) -> anyhow::Result<()> {
        if self.panic {
            panic!("deliberate panic on the first key (ENTENTE_TEST_PANIC=1)");
        }
        if self.error {
            anyhow::bail!("deliberate error on the first key (ENTENTE_TEST_ERROR=1)");
        }
        Ok(())
    }
}

#[cfg(not(debug_assertions))]
struct TestTriggers;

#[cfg(not(debug_assertions))]
impl TestTriggers {
    fn from_env() -> Self {
        Self
    }

    fn on_key(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
}
