//! Terminal setup and the one restore path.
//!
//! Setup: raw mode, alternate screen, bracketed paste, and mouse capture when asked. The cursor
//! is left to ratatui, which hides it on each frame unless the program places it.
//!
//! [`restore`] undoes all of it (raw mode off, synchronized update ended, mouse capture and
//! bracketed paste off, alternate screen left, cursor shown). It is called on normal exit, on
//! error exit (the session guard's drop), by the panic hook before the panic message is
//! printed, by the signal thread and by the hang-up watchdog. It never prints: on a dead
//! terminal an `eprintln!` panics (EIO), so failures are returned to the caller. It runs at most
//! once per session, whoever calls it first, so calling it again is harmless. Its write gives
//! up after [`WRITE_WAIT`]: a terminal that reads nothing (a frozen SSH link) must not keep a
//! signal from ending the process.
//!
//! [`suspend`] undoes the setup the same way but keeps the session: frames drawn meanwhile are
//! dropped, and [`resume`] sets the terminal up again and asks the loop for a whole frame.
//!
//! Frames and the restore sequences go out through one lock so that a restore from another
//! thread cannot land in the middle of a frame, and no frame is written after a restore.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once, PoisonError, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{
    EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};

use super::bounded_write::write_all_within;
use super::program::Options;

/// True from setup until the first restore, except while suspended.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// True while the session is suspended: the terminal is the shell's until [`resume`].
static SUSPENDED: AtomicBool = AtomicBool::new(false);
/// Set by [`resume`]: the shell drew over the screen, so the next frame must be whole.
static REDRAW: AtomicBool = AtomicBool::new(false);
/// Whether the active session captured the mouse (so the restore releases it).
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Serialises frame writes with the restore.
static OUTPUT: Mutex<()> = Mutex::new(());
/// How long a restore waits for a frame write in progress before going ahead anyway: a write
/// to a stalled terminal must not keep a signal from ending the process.
const RESTORE_WAIT: Duration = Duration::from_millis(200);
/// How long the restore sequences may take to leave before they are given up.
const WRITE_WAIT: Duration = Duration::from_millis(200);

/// The terminal, set up for a run; dropping it restores the terminal.
pub(super) struct Session(());

impl Session {
    /// Put the terminal in the state a full-screen program needs.
    pub(super) fn enter(options: &Options) -> io::Result<Self> {
        install_panic_hook();
        MOUSE.store(options.mouse, Ordering::SeqCst);
        // Active before raw mode, so that a signal arriving in between still restores it.
        ACTIVE.store(true, Ordering::SeqCst);
        if let Err(err) = enable_raw_mode() {
            // Nothing was changed; writing restore sequences to a non-terminal would only add
            // garbage to a pipe or a file.
            ACTIVE.store(false, Ordering::SeqCst);
            return Err(err);
        }
        let session = Self(());
        TerminalOut::new()?.write_all(&setup_sequences()?)?;
        Ok(session)
    }

    /// Restore the terminal now, reporting failure (dropping the session ignores it).
    pub(super) fn leave(self) -> io::Result<()> {
        restore()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Error paths and unwinding end here; a failure has nowhere safe to be reported.
        let _ = restore();
    }
}

/// True while a session is set up and not yet restored (nor suspended).
pub(super) fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// True while a session exists, active or suspended.
pub(super) fn exists() -> bool {
    is_active() || SUSPENDED.load(Ordering::SeqCst)
}

/// Whether the next frame must be drawn whole (asked once: the answer resets).
pub(super) fn take_redraw_request() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Run `change` (a change of terminal attributes) only while the session is active, and never
/// concurrently with a restore, which could otherwise be undone by it.
pub(super) fn while_active<T>(change: impl FnOnce() -> T) -> Option<T> {
    let _output = lock_output();
    is_active().then(change)
}

/// Restore the terminal if a session is active; a no-op otherwise (also when suspended: the
/// terminal is restored already, and the session ends). Never prints.
pub fn restore() -> io::Result<()> {
    SUSPENDED.store(false, Ordering::SeqCst);
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let _output = lock_output_within(RESTORE_WAIT);
    undo_setup()
}

/// Hand the terminal back to the shell for a stop (SIGTSTP, Ctrl-Z), keeping the session: a
/// no-op unless a session is active. Frames drawn until [`resume`] are dropped.
pub(super) fn suspend() -> io::Result<()> {
    let _output = lock_output_within(RESTORE_WAIT);
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    SUSPENDED.store(true, Ordering::SeqCst);
    undo_setup()
}

/// Take the terminal back after the process was continued (SIGCONT), and ask the loop for a
/// whole frame. Also for a session that was stopped without a suspend (SIGSTOP): the shell may
/// have reset the terminal meanwhile. A no-op without a session.
pub(super) fn resume() -> io::Result<()> {
    let _output = lock_output_within(RESTORE_WAIT);
    if !SUSPENDED.swap(false, Ordering::SeqCst) && !is_active() {
        return Ok(());
    }
    // Active before raw mode, as in `Session::enter`.
    ACTIVE.store(true, Ordering::SeqCst);
    // crossterm applies raw mode only when it believes it off; turning it off first (a no-op
    // after a suspend) makes it read the terminal's attributes afresh, whatever the shell left.
    let _ = disable_raw_mode();
    if let Err(err) = enable_raw_mode() {
        ACTIVE.store(false, Ordering::SeqCst);
        return Err(err);
    }
    let written =
        stdout_file().and_then(|out| write_all_within(&out, &setup_sequences()?, WRITE_WAIT));
    REDRAW.store(true, Ordering::SeqCst);
    written
}

/// Alternate screen, bracketed paste, and the mouse when the session captures it.
fn setup_sequences() -> io::Result<Vec<u8>> {
    let mut setup = Vec::with_capacity(64);
    queue!(setup, EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::SeqCst) {
        queue!(setup, EnableMouseCapture)?;
    }
    Ok(setup)
}

/// Raw mode off and the setup undone, the write bounded by [`WRITE_WAIT`].
fn undo_setup() -> io::Result<()> {
    // Raw mode first: it matters most to the shell the user returns to, and it does not
    // depend on the output side of the terminal.
    let raw = disable_raw_mode();
    let mut sequences = Vec::with_capacity(64);
    queue!(sequences, EndSynchronizedUpdate)?;
    if MOUSE.load(Ordering::SeqCst) {
        queue!(sequences, DisableMouseCapture)?;
    }
    queue!(sequences, DisableBracketedPaste, LeaveAlternateScreen, Show)?;
    let written = stdout_file().and_then(|out| write_all_within(&out, &sequences, WRITE_WAIT));
    raw.and(written)
}

/// Standard output as a file of its own (a duplicate descriptor): writes go straight to the
/// terminal in one system call each, without `Stdout`'s line buffer or its lock, which a
/// thread blocked in `println!` could hold forever.
fn stdout_file() -> io::Result<File> {
    Ok(File::from(io::stdout().as_fd().try_clone_to_owned()?))
}

/// The terminal as the frame writer sees it: writes are refused once the session is restored,
/// so a frame never lands on the user's normal screen.
pub(super) struct TerminalOut(File);

impl TerminalOut {
    pub(super) fn new() -> io::Result<Self> {
        Ok(Self(stdout_file()?))
    }
}

impl Write for TerminalOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let _output = lock_output();
        if ensure_active()? {
            self.0.write(buf)
        } else {
            Ok(buf.len())
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let _output = lock_output();
        if ensure_active()? {
            self.0.write_all(buf)
        } else {
            Ok(())
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Whether a frame may be written: `Ok(true)` while active, `Ok(false)` while suspended (the
/// shell has the terminal; the frame is dropped and the screen drawn whole on resume), an error
/// once restored.
fn ensure_active() -> io::Result<bool> {
    if is_active() {
        Ok(true)
    } else if SUSPENDED.load(Ordering::SeqCst) {
        Ok(false)
    } else {
        Err(io::Error::other(
            "the terminal was restored (after a signal, a hang-up or a panic)",
        ))
    }
}

fn lock_output() -> MutexGuard<'static, ()> {
    // The lock guards no data, so a poisoned one is as good as a clean one.
    OUTPUT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The output lock, or `None` once `wait` has passed (or when this very thread holds it, as a
/// panic hook running inside a write would): the restore then goes ahead without it.
fn lock_output_within(wait: Duration) -> Option<MutexGuard<'static, ()>> {
    let deadline = Instant::now() + wait;
    loop {
        match OUTPUT.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) if Instant::now() >= deadline => return None,
            Err(TryLockError::WouldBlock) => thread::sleep(Duration::from_millis(1)),
        }
    }
}

/// Restore the terminal before the panic message is printed, so the message lands on the
/// normal screen in cooked mode instead of vanishing with the alternate screen.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let _ = restore();
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restore_without_a_session_is_a_harmless_no_op() {
        assert!(!is_active());
        assert!(restore().is_ok());
        assert!(restore().is_ok());
        assert!(!is_active());
    }

    #[test]
    fn frames_are_refused_once_no_session_is_active() {
        let mut out = TerminalOut::new().unwrap();
        let refused = out.write_all(b"frame").unwrap_err();
        assert!(refused.to_string().contains("restored"), "{refused}");
    }
}
