//! Ending the process promptly when the terminal goes away (an SSH link drops, a terminal
//! window closes) or a termination signal arrives.
//!
//! crossterm's event reader never returns an error on a dead terminal: `read`/`poll` spin on
//! `read() = 0` at 100% CPU (crossterm issue 793), so the event loop cannot notice anything.
//! Two threads, started once per process, do it from outside:
//! - the signal thread waits for SIGHUP, SIGTERM, SIGINT or SIGQUIT, restores the terminal and
//!   exits with 128 + the signal number; the restore gives up writing after a deadline, so a
//!   terminal that reads nothing cannot keep the process alive. It also handles the job
//!   control signals, SIGTSTP and SIGCONT (see `job`). A signal ignored when entente started
//!   (`nohup`, or a shell's `trap "" HUP`) stays ignored, as Unix programs conventionally do;
//! - the watchdog covers a terminal gone without a signal (the PTY closed while SIGHUP is
//!   ignored): it sleeps in `poll()` on the terminal descriptors, which wakes at once on
//!   POLLHUP/POLLERR/POLLNVAL, and every interval also checks that they are still terminals
//!   (`isatty` fails with EIO on a hung-up tty). It then exits with 129, as a hang-up would.
//!
//! The signal handlers are installed before the terminal is set up ([`arm`]); the two threads
//! start after the session's first frame ([`start_watchers`]): starting a thread before it
//! delayed the first frame by about 0.1 ms each. A signal that comes in between waits in
//! signal-hook's pipe for the signal thread, a millisecond or so.
//!
//! If the event loop fails first (crossterm cannot even start its reader on a dead terminal),
//! `run` asks [`end_if_hung_up`], so the status is 129 whichever thread notices first.
//!
//! Both call `std::process::exit` from their own thread on purpose: the main thread is stuck
//! inside crossterm's reader and cannot be woken, and nothing is lost by not unwinding it (the
//! program never writes files; its only resource, the terminal, is restored first or is gone).

// libc calls (signal masks, poll on the tty) have no safe std equivalent.
#![allow(unsafe_code)]

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, AsRawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread;
use std::time::Duration;

use libc::c_int;
use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::{job, session};

/// The signals that end the program, restoring the terminal first.
const TERMINATING: [c_int; 4] = [SIGHUP, SIGTERM, SIGINT, SIGQUIT];
/// How often the watchdog double-checks the terminal when `poll` reports nothing; short
/// enough to exit well within a second, long enough to cost nothing while idle.
const WATCH_INTERVAL: Duration = Duration::from_millis(150);
/// Exit status after a hang-up noticed by the watchdog: the same as after SIGHUP.
const EXIT_HANGUP: i32 = 128 + SIGHUP;

/// The signals armed by [`arm`], waiting for the signal thread to take them.
static ARMED: Mutex<Option<Signals>> = Mutex::new(None);

/// Installs the handlers of the signals that end the program (and of job control), once per
/// process, and notes whether stdin and stdout are terminals: before the terminal is set up,
/// so that no signal finds it changed and unwatched.
pub(super) fn arm() -> io::Result<()> {
    static ARMED_ONCE: Mutex<bool> = Mutex::new(false);
    once(&ARMED_ONCE, || {
        let _ = WERE_TERMINALS.set((io::stdin().is_terminal(), io::stdout().is_terminal()));
        let signals = Signals::new(wanted_signals())?;
        *ARMED.lock().unwrap_or_else(PoisonError::into_inner) = Some(signals);
        Ok(())
    })
}

/// Starts the signal thread and the watchdog, once per process (arming first if [`arm`] was
/// not called).
pub(super) fn start_watchers() -> io::Result<()> {
    static SIGNALS: Mutex<bool> = Mutex::new(false);
    static WATCHDOG: Mutex<bool> = Mutex::new(false);
    arm()?;
    once(&SIGNALS, watch_signals)?;
    once(&WATCHDOG, watch_terminal)
}

fn once(done: &Mutex<bool>, start: impl FnOnce() -> io::Result<()>) -> io::Result<()> {
    let mut done = done.lock().unwrap_or_else(PoisonError::into_inner);
    if !*done {
        start()?;
        *done = true;
    }
    Ok(())
}

/// Set by the first thread that starts ending the process.
static ENDING: AtomicBool = AtomicBool::new(false);
/// Whether stdin and stdout were terminals when the signals were armed.
static WERE_TERMINALS: OnceLock<(bool, bool)> = OnceLock::new();

/// Restore the terminal and exit with `code`. Only the first caller does it (its status is
/// the one reported); a later caller waits for that exit instead of racing it.
fn end_process(code: i32) -> ! {
    if ENDING.swap(true, Ordering::SeqCst) {
        loop {
            thread::park();
        }
    }
    // Failure to restore has nowhere to be reported: the terminal may be gone.
    let _ = session::restore();
    std::process::exit(code)
}

/// Called by the event loop after it failed: if the failure comes from a terminal that went
/// away (the loop can see it before the watchdog does), end the process as a hang-up, so the
/// exit status does not depend on which thread noticed first. Returns otherwise.
pub(super) fn end_if_hung_up() {
    if ENDING.load(Ordering::SeqCst) || terminal_gone() {
        end_process(EXIT_HANGUP);
    }
}

/// True if stdin or stdout was a terminal and no longer is (`isatty` fails on a hung-up tty).
fn terminal_gone() -> bool {
    let (stdin, stdout) = WERE_TERMINALS.get().copied().unwrap_or_default();
    (stdin && !io::stdin().is_terminal()) || (stdout && !io::stdout().is_terminal())
}

/// The signals to handle: those that end the program and those of job control, less any
/// ignored when entente started.
fn wanted_signals() -> Vec<c_int> {
    TERMINATING
        .into_iter()
        .chain(job::SIGNALS)
        .filter(|&signal| !ignored_on_entry(signal))
        .collect()
}

fn watch_signals() -> io::Result<()> {
    let armed = ARMED.lock().unwrap_or_else(PoisonError::into_inner).take();
    let mut signals = match armed {
        Some(signals) => signals,
        None => Signals::new(wanted_signals())?,
    };
    thread::Builder::new()
        .name("entente-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                match signal {
                    SIGTSTP => job::stop(),
                    SIGCONT => job::continued(),
                    _ => end_process(128 + signal),
                }
            }
        })?;
    Ok(())
}

/// True if `signal` is ignored (SIG_IGN) right now, i.e. as inherited from the parent.
fn ignored_on_entry(signal: c_int) -> bool {
    // SAFETY: `sigaction` with a null new action only reads the current disposition into
    // `current`, a zero-initialised plain C struct that lives for the whole call.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut current) == 0
            && current.sa_sigaction == libc::SIG_IGN
    }
}

fn watch_terminal() -> io::Result<()> {
    let mut watched: Vec<Box<dyn AsFd + Send>> = Vec::new();
    if io::stdin().is_terminal() {
        watched.push(Box::new(io::stdin()));
    } else if let Ok(tty) = File::options().read(true).write(true).open("/dev/tty") {
        // crossterm reads from /dev/tty when stdin is not a terminal: watch that one.
        watched.push(Box::new(tty));
    }
    if io::stdout().is_terminal() {
        watched.push(Box::new(io::stdout()));
    }
    if watched.is_empty() {
        return Ok(());
    }
    thread::Builder::new()
        .name("entente-watchdog".into())
        .spawn(move || watchdog(&watched))?;
    Ok(())
}

fn watchdog(watched: &[Box<dyn AsFd + Send>]) {
    loop {
        let gone =
            hung_up(watched, WATCH_INTERVAL) || watched.iter().any(|fd| !fd.as_fd().is_terminal());
        if !gone {
            continue;
        }
        if !session::exists() {
            // Not drawing (or already ending): nothing to do. Stop watching rather than wake
            // in a loop on a descriptor that will report the hang-up forever.
            return;
        }
        end_process(EXIT_HANGUP);
    }
}

/// Wait up to `timeout` for a hang-up or error on any of `watched`.
fn hung_up(watched: &[Box<dyn AsFd + Send>], timeout: Duration) -> bool {
    // No events requested: poll still reports POLLHUP, POLLERR and POLLNVAL, and sleeps
    // otherwise, so the terminal's input is left to crossterm.
    let mut fds: Vec<libc::pollfd> = watched
        .iter()
        .map(|fd| libc::pollfd {
            fd: fd.as_fd().as_raw_fd(),
            events: 0,
            revents: 0,
        })
        .collect();
    let millis = c_int::try_from(timeout.as_millis()).unwrap_or(c_int::MAX);
    // SAFETY: `fds` is a live, exclusively borrowed array of `fds.len()` pollfd structs, and
    // the descriptors stay open for the call (`watched` owns or borrows them).
    let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis) };
    if ready < 0 {
        // EINTR (a signal, e.g. SIGWINCH) is routine; any other error must not turn this
        // thread into a busy loop.
        if io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            thread::sleep(timeout);
        }
        return false;
    }
    fds.iter()
        .any(|fd| fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_reads_as_hung_up_and_an_open_one_does_not() {
        let (reader, writer) = io::pipe().unwrap();
        let watched: Vec<Box<dyn AsFd + Send>> = vec![Box::new(reader)];
        assert!(!hung_up(&watched, Duration::from_millis(10)));
        drop(writer);
        assert!(hung_up(&watched, Duration::from_millis(1000)));
    }

    #[test]
    fn default_signals_are_not_reported_as_ignored() {
        // The test harness leaves SIGTERM at its default disposition.
        assert!(!ignored_on_entry(SIGTERM));
    }
}
