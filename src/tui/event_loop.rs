//! The event loop: read input, let the program update its state, draw only when it asks.
//!
//! There is no frame timer: the loop sleeps in crossterm's reader until input arrives. Events
//! that are already queued (a paste, a burst of resizes, key repeat) are handled before one
//! frame is drawn. Each frame is wrapped in a synchronized update and leaves in one write.
//! Frames cover the terminal's top-left part up to a cap (see `area`). After a suspend (see
//! `job`) the whole screen is drawn again, since the shell drew over it in between.
//! After any resize (each SIGWINCH counts, reported by crossterm or not) the next frame is
//! drawn whole, since the terminal may have cut the screen even when its size is back.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::{Backend as _, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, ResetColor, SetAttribute};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::layout::{Rect, Size};
use signal_hook::consts::signal::SIGWINCH;

use super::canvas::{Canvas, draw_in_frame};
use super::frame_writer::{Committer, FrameWriter};
use super::program::{Flow, Options, Pending, Program, ScrollHint};
use super::session::{self, Session, TerminalOut};
use super::{area, blank_diff, hangup, input, job, lean, slice};
/// At most this many queued events are handled before a frame is drawn, so a flood of input
/// cannot keep the screen from updating.
const MAX_BATCH: usize = 64;
/// How often a [`Pending`] screen is redrawn while the program is prepared.
const WAIT_TICK: Duration = Duration::from_millis(100);
/// While the program is [busy](Program::busy), how long the loop waits for input before it
/// looks for finished background work. crossterm's reader cannot be woken by another thread,
/// so results are drawn at most this long after they are ready.
pub const BUSY_POLL: Duration = Duration::from_millis(4);

type Backend = lean::Lean<area::Capped<CrosstermBackend<FrameWriter<TerminalOut>>>>;

/// Run `program` full-screen until it returns [`Flow::Quit`].
///
/// The terminal is restored before this returns, whether with `Ok` or with an error, and by
/// the panic hook before a panic message is printed. SIGHUP, SIGTERM, SIGINT, SIGQUIT and a
/// terminal that goes away end the process (exit status 128 + signal; 129 for a hang-up).
pub fn run<P: Program>(program: &mut P, options: &Options) -> anyhow::Result<()> {
    in_session(options, |screen| event_loop(screen, program))
}

/// Like [`run`], for a program still being prepared: its [`Pending`] screen is shown (and
/// redrawn every 100 ms) until the program is ready, which then runs on the same
/// session, told the terminal's size as by a resize. `q`, Esc or Ctrl-C while waiting end
/// the run; an error in preparing the program is returned after the terminal is restored.
pub fn run_when_ready<W: Pending>(pending: &mut W, options: &Options) -> anyhow::Result<()> {
    in_session(options, |screen| {
        let Some(mut program) = wait_for(screen, pending)? else {
            return Ok(());
        };
        let size = screen
            .surface
            .backend_mut()?
            .size()
            .context("cannot read the terminal size")?;
        screen.known_size = size;
        if program.handle(Event::Resize(size.width, size.height)) == Flow::Quit {
            return Ok(());
        }
        event_loop(screen, &mut program)
    })
}

/// Sets the terminal up, runs `body` on it and restores it, whatever `body` returns.
fn in_session(
    options: &Options,
    body: impl FnOnce(&mut Screen) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    hangup::arm().context("cannot watch for signals and hang-ups")?;
    let session = Session::enter(options)
        .context("cannot set up the terminal (raw mode, alternate screen)")?;
    let outcome = Screen::new().and_then(|mut screen| {
        let outcome = body(&mut screen);
        signal_hook::low_level::unregister(screen.watch);
        outcome
    });
    let restored = session.leave().context("cannot restore the terminal");
    if outcome.is_err() || restored.is_err() {
        hangup::end_if_hung_up();
    }
    outcome?;
    restored
}

/// Waits for a pending program, drawing its screen; `None` when the user quit meanwhile.
fn wait_for<W: Pending>(
    screen: &mut Screen,
    pending: &mut W,
) -> anyhow::Result<Option<W::Program>> {
    loop {
        let whole = session::take_redraw_request();
        screen
            .draw(&Waiting(&*pending), None, whole)
            .context("cannot draw")?;
        start_watchers()?;
        if let Some(ready) = pending.wait(WAIT_TICK) {
            return ready.map(Some);
        }
        while event::poll(Duration::ZERO).context("cannot read terminal input")? {
            match event::read().context("cannot read terminal input")? {
                Event::Key(key) if ends_waiting(&key) => return Ok(None),
                Event::Resize(..) => screen.refit().context("cannot resize")?,
                _ => {}
            }
        }
    }
}

/// Starts the threads that end the process on a signal or a lost terminal, once a frame is
/// out (see `hangup`; their handlers were installed before the session began).
fn start_watchers() -> anyhow::Result<()> {
    hangup::start_watchers().context("cannot watch for signals and hang-ups")
}

/// `q`, Esc and Ctrl-C leave a waiting screen.
fn ends_waiting(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && match key.code {
            KeyCode::Char('q') | KeyCode::Esc => true,
            KeyCode::Char('c') => key.modifiers.contains(KeyModifiers::CONTROL),
            _ => false,
        }
}

/// A pending program's screen, drawn as a program that takes no input.
struct Waiting<'a, W>(&'a W);

impl<W: Pending> Program for Waiting<'_, W> {
    fn handle(&mut self, _event: Event) -> Flow {
        Flow::Idle
    }

    fn draw(&self, canvas: &mut Canvas) {
        self.0.draw(canvas);
    }
}

fn event_loop<P: Program>(screen: &mut Screen, program: &mut P) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut first_frame = true;
    loop {
        let hint = program.scroll_hint();
        let whole = session::take_redraw_request();
        if dirty || whole {
            screen.draw(program, hint, whole).context("cannot draw")?;
            dirty = false;
            program.drawn();
            if first_frame {
                start_watchers()?;
                // After the hook and the watchers, which start threads: they keep the default
                // slice, only this loop (keys and frames) asks for a short one.
                slice::prefer_short_slice();
                first_frame = false;
            }
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
    surface: Surface,
    committer: Committer,
    /// The size the program was last told about (by a resize event), capped as drawn.
    known_size: Size,
    /// Set by every SIGWINCH: the terminal was resized since the flag was last taken.
    winched: Arc<AtomicBool>,
    /// The registration of `winched`, undone when the session ends.
    watch: signal_hook::SigId,
    triggers: TestTriggers,
    /// The last frame drawn, for a scroll hint: shifted like the terminal's rows, it becomes
    /// what the next frame is compared against.
    last: Buffer,
    /// The screen is blank and ratatui's last frame too (the session just started, or the
    /// screen was cleared): the next frame can be written with `blank_diff`.
    blank: bool,
}

/// ratatui's terminal, made on first use, after the first frame (see
/// [`Screen::draw_on_blank`]): making it allocates and fills two buffers of the screen's size,
/// whose pages, touched for the first time, were 237 of the 625 page faults before the first
/// frame at 200x50 (`perf record -e page-faults`). Until then `unmade` holds its backend.
struct Surface {
    terminal: Option<Terminal<Backend>>,
    unmade: Option<Backend>,
}

impl Surface {
    /// The backend, whether or not the terminal is made yet.
    fn backend_mut(&mut self) -> std::io::Result<&mut Backend> {
        match (&mut self.terminal, &mut self.unmade) {
            (Some(terminal), _) => Ok(terminal.backend_mut()),
            (None, Some(backend)) => Ok(backend),
            // Only a failed `Terminal::new`, which consumed the backend, leaves neither.
            (None, None) => Err(lost()),
        }
    }

    /// ratatui's terminal, made now if it was not yet.
    fn terminal(&mut self) -> std::io::Result<&mut Terminal<Backend>> {
        if let Some(backend) = self.unmade.take() {
            self.terminal = Some(Terminal::new(backend)?);
        }
        self.terminal.as_mut().ok_or_else(lost)
    }
}

fn lost() -> std::io::Error {
    std::io::Error::other("the terminal could not be set up for drawing")
}

impl Screen {
    /// The terminal of a session just set up, with input being read.
    fn new() -> anyhow::Result<Screen> {
        // crossterm starts its reader on first use; start it now, while the terminal is surely
        // there, so that a failure shows before anything is drawn.
        event::poll(Duration::ZERO).context("cannot read terminal input")?;
        let (writer, committer) = FrameWriter::new(TerminalOut::new()?);
        // Made right after the session entered the alternate screen, which is blank.
        let backend = lean::Lean::on_blank_screen(area::Capped(CrosstermBackend::new(writer)));
        let known_size = backend.size()?;
        // Every resize, whether or not crossterm reports it (see `Screen::handle_queued`).
        let winched = Arc::new(AtomicBool::new(false));
        let watch = signal_hook::flag::register(SIGWINCH, Arc::clone(&winched))
            .context("cannot watch for resizes")?;
        Ok(Screen {
            surface: Surface {
                terminal: None,
                unmade: Some(backend),
            },
            committer,
            known_size,
            winched,
            watch,
            triggers: TestTriggers::from_env(),
            last: Buffer::empty(Rect::ZERO),
            blank: true,
        })
    }

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
        // crossterm drops a resize that arrives with a key (see `input`); when the size is
        // back to the one last drawn, only the signal itself tells that the screen was cut.
        if self.winched.swap(false, Ordering::SeqCst) || resized {
            self.refit().context("cannot resize")?;
            outcome = Flow::Redraw;
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
            .surface
            .backend_mut()?
            .size()
            .context("cannot read the terminal size")?;
        if size == self.known_size {
            return Ok(Flow::Idle);
        }
        self.known_size = size;
        self.refit().context("cannot resize")?;
        Ok(
            match program.handle(Event::Resize(size.width, size.height)) {
                Flow::Quit => Flow::Quit,
                Flow::Redraw | Flow::Idle | Flow::Suspend => Flow::Redraw,
            },
        )
    }

    /// The terminal was resized: fit to its size now and draw the next frame whole (see
    /// [`refit`]); the last frame no longer describes the screen, so no scroll hint applies
    /// to it.
    fn refit(&mut self) -> std::io::Result<()> {
        refit(self.surface.terminal()?)?;
        self.last = Buffer::empty(Rect::ZERO);
        self.blank = true;
        Ok(())
    }

    /// Draw a frame: only what changed since the last one, or every cell when `whole` (the
    /// terminal was handed to the shell and back in between).
    fn draw<P: Program>(
        &mut self,
        program: &P,
        hint: Option<ScrollHint>,
        whole: bool,
    ) -> std::io::Result<()> {
        queue!(self.surface.backend_mut()?, BeginSynchronizedUpdate)?;
        if whole {
            // Clears the screen and forgets the last frame, so every cell is sent.
            let terminal = self.surface.terminal()?;
            let area = terminal.get_frame().area();
            terminal.resize(area)?;
            self.blank = true;
        } else if let Some(hint) = hint {
            self.scroll(&hint)?;
        }
        if std::mem::take(&mut self.blank) && !program.places_cursor() {
            return self.draw_on_blank(program);
        }
        let completed = self
            .surface
            .terminal()?
            .draw(|frame| draw_in_frame(frame, |canvas| program.draw(canvas)))?;
        self.last.clone_from(completed.buffer);
        self.commit()
    }

    /// Ends the frame's synchronized update and sends the frame in one write.
    fn commit(&mut self) -> std::io::Result<()> {
        let backend = self.surface.backend_mut()?;
        queue!(backend, EndSynchronizedUpdate)?;
        self.committer.commit(backend)
    }

    /// ratatui's `Terminal::draw` (resize if needed, render, send the cells that differ from
    /// the last frame, hide the cursor, swap the buffers, flush) for a screen and a last frame
    /// known to be blank: the cells to send are found by `blank_diff`. The program places no
    /// cursor ([`Program::places_cursor`]), so the cursor is hidden.
    ///
    /// The frame leaves before the bookkeeping that only the next frame needs (the copy kept
    /// for scroll hints, the swap of ratatui's buffers). The first frame of a session is
    /// drawn into a buffer of its own, and ratatui's terminal is made only after it has left.
    fn draw_on_blank<P: Program>(&mut self, program: &P) -> std::io::Result<()> {
        let mut frame = match self.surface.terminal.as_mut() {
            Some(terminal) => {
                terminal.autoresize()?;
                // Out of the terminal while its backend writes it; put back below.
                std::mem::take(terminal.current_buffer_mut())
            }
            None => {
                let size = self.surface.backend_mut()?.size()?;
                blank_buffer(Rect::from((ratatui::layout::Position::ORIGIN, size)))
            }
        };
        let area = frame.area;
        program.draw(&mut Canvas::new(area, &mut frame));
        let written = self.write_whole(&frame);
        let terminal = self.surface.terminal()?;
        *terminal.current_buffer_mut() = frame;
        written?;
        // The cursor was hidden through the backend: ratatui hides it again with every frame
        // that places none, so the terminal need not be told.
        self.last.clone_from(terminal.current_buffer_mut());
        terminal.swap_buffers();
        Ok(())
    }

    /// Sends every cell of `frame`, drawn for a blank screen, hides the cursor and commits.
    fn write_whole(&mut self, frame: &Buffer) -> std::io::Result<()> {
        let backend = self.surface.backend_mut()?;
        backend.draw(blank_diff::updates(frame))?;
        backend.hide_cursor()?;
        self.commit()
    }

    /// Moves the hinted rows on the terminal with a scroll region, and makes the shifted last
    /// frame the one ratatui compares the next frame with, so only what differs is sent.
    /// A hint that does not fit the last frame (a resize came between) is ignored.
    fn scroll(&mut self, hint: &ScrollHint) -> std::io::Result<()> {
        let area = self.last.area;
        let rows = hint.rows.clone();
        let n = hint.lines.unsigned_abs();
        let height = u32::from(rows.end.saturating_sub(rows.start));
        let terminal = self.surface.terminal()?;
        if area != terminal.get_frame().area()
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
        let backend = terminal.backend_mut();
        // The rows that scroll in are blanked in the current colours: make them the defaults.
        queue!(backend, SetAttribute(Attribute::Reset), ResetColor)?;
        let amount = u16::try_from(n).unwrap_or(u16::MAX);
        if hint.lines > 0 {
            backend.scroll_region_up(rows, amount)?;
        } else {
            backend.scroll_region_down(rows, amount)?;
        }
        *terminal.current_buffer_mut() = shifted;
        terminal.swap_buffers();
        Ok(())
    }
}

/// The buffer `Buffer::empty(area)` makes, made by writing the blank cell into each place:
/// `Buffer::empty` clones it into each (`vec![cell; n]`), which cost 26 instructions a cell,
/// 0.26 M at 200x50, before anything was drawn.
fn blank_buffer(area: Rect) -> Buffer {
    let cells = usize::from(area.width) * usize::from(area.height);
    Buffer {
        area,
        content: (0..cells).map(|_| Cell::EMPTY).collect(),
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

/// After the terminal was resized, perhaps several times since the last frame: fits the
/// buffers to its size now and clears it, so that the next frame is drawn whole.
///
/// Even when the size is back to the one last drawn: a shrink in between cut the screen's rows
/// and columns, and growing back does not bring them back. ratatui's own check
/// (`autoresize`) only compares sizes, so after a burst of resizes that the loop handled in
/// one batch, ending at the size of the last frame, its diff skipped every cell it believed
/// still shown, and the title row stayed blank until the next resize.
fn refit<B: ratatui::backend::Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    let area = Rect::from((ratatui::layout::Position::ORIGIN, terminal.size()?));
    terminal.resize(area)
}

#[cfg(test)]
mod tests {
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    use super::*;

    fn draw_title(terminal: &mut Terminal<TestBackend>) {
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("entente title\nbody"), frame.area()))
            .unwrap();
    }

    fn first_row(terminal: &Terminal<TestBackend>) -> String {
        let buffer = terminal.backend().buffer();
        (0..buffer.area.width)
            .map(|x| buffer[(x, 0)].symbol())
            .collect()
    }

    /// A burst of resizes that the loop takes in one batch, ending at the size of the last
    /// frame: the terminal cut the screen meanwhile, so the next frame must be drawn whole.
    #[test]
    fn resizes_back_to_the_drawn_size_redraw_the_cut_screen() {
        let burst = |refitted: bool| {
            let mut terminal = Terminal::new(TestBackend::new(20, 3)).unwrap();
            draw_title(&mut terminal);
            assert!(first_row(&terminal).starts_with("entente title"));
            terminal.backend_mut().resize(1, 1);
            terminal.backend_mut().resize(20, 3);
            assert!(!first_row(&terminal).starts_with("entente title"), "cut");
            if refitted {
                refit(&mut terminal).unwrap();
            }
            draw_title(&mut terminal);
            first_row(&terminal)
        };
        assert!(
            !burst(false).starts_with("entente title"),
            "ratatui's size check alone leaves the cut row as it is"
        );
        assert!(burst(true).starts_with("entente title"));
    }

    #[test]
    fn a_blank_buffer_is_the_empty_buffer() {
        for area in [Rect::new(0, 0, 200, 50), Rect::new(3, 2, 7, 1), Rect::ZERO] {
            assert_eq!(blank_buffer(area), Buffer::empty(area));
        }
    }
}
