//! The terminal layer: everything between a [`Program`] (the browser's state and drawing) and
//! the real terminal.
//!
//! - `program`: the interface a screen plugs into ([`Program`], [`Flow`], [`Options`]).
//! - `canvas`: what a screen is drawn on ([`Canvas`]), a ratatui `Frame` or, for the first
//!   frame, a buffer of the loop's own (ratatui's `Terminal` is made after that frame).
//! - `session`: raw mode, alternate screen, bracketed paste, mouse capture; the one restore
//!   path used on normal exit, error exit, panic, signals and hang-ups (idempotent, fallible);
//!   suspend and resume around a stop.
//! - `bounded_write`: the restore's write, which gives up after a deadline.
//! - `frame_writer`: holds a whole frame so that it leaves in one `write`.
//! - `lean`: writes ratatui's cell updates in fewer bytes (gaps written over instead of
//!   cursor moves, one SGR sequence per style change), the screen shown unchanged.
//! - `hangup`: a signal thread (SIGHUP/SIGTERM/SIGINT/SIGQUIT, and SIGTSTP/SIGCONT for `job`)
//!   and a watchdog that notices a terminal gone without a signal, because crossterm's reader
//!   spins forever on a dead tty.
//! - `job`: Ctrl-Z and SIGTSTP stop with the terminal restored; SIGCONT redraws it whole.
//! - `input`: re-arms crossterm's reader when a resize made it miss pending keys.
//! - `area`: the drawn area, the terminal's size capped ([`drawable_size`]).
//! - `slice`: a short scheduler time slice for the loop once its first frame is out, so a
//!   key is drawn soon after it arrives on a busy machine (Linux 6.12 and later).
//! - `event_loop`: [`run`], which draws only when the program asks for it, and moves scrolled
//!   rows with a terminal scroll region when the program says a full-width pane scrolled.
//! - `blank_diff`: the cells of a frame drawn on a blank screen (the first frame), found more
//!   cheaply than by ratatui's general diff.
//!
//! Nothing here knows about the corpus; the browser lives in its own modules.

mod area;
mod blank_diff;
mod bounded_write;
mod canvas;
mod event_loop;
mod frame_writer;
mod hangup;
mod input;
mod job;
mod lean;
mod program;
mod session;
mod sgr16;
mod slice;
mod symbol_memo;

pub use area::{MAX_COLUMNS, MAX_ROWS, drawable_size};
pub use canvas::{Canvas, draw_in_frame};
pub use event_loop::{BUSY_POLL, run, run_when_ready};
pub use program::{Flow, Options, Pending, Program, ScrollHint};
pub use session::restore;
