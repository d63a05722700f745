//! Job control: Ctrl-Z and SIGTSTP stop the process with the terminal handed back to the
//! shell; SIGCONT (`fg`, `bg`, `kill -CONT`) takes it back and has the whole screen drawn
//! again.
//!
//! The signal thread (see `hangup`) calls [`stop`] on SIGTSTP and [`continued`] on SIGCONT.
//! The event loop turns Ctrl-Z into a SIGTSTP to this process ([`suspend`]), so the key and
//! the signal take one path; a SIGTSTP ignored when entente started stays ignored, key
//! included.
//!
//! - Stopping: a handler replaces SIGTSTP's default action, so after the restore the process
//!   stops itself with SIGSTOP, which is what the default action does.
//! - Waking: the event loop sleeps in crossterm's reader, which also wakes on SIGWINCH and then
//!   reports a resize. [`continued`] sends one to the process after taking the terminal back;
//!   the loop, asked by the session, then draws every cell.

use libc::c_int;
use signal_hook::consts::signal::{SIGTSTP, SIGWINCH};
use signal_hook::low_level::{emulate_default_handler, raise};

use super::session;

/// The job control signals the signal thread handles.
pub(super) const SIGNALS: [c_int; 2] = [SIGTSTP, signal_hook::consts::signal::SIGCONT];

/// Ctrl-Z: stop as on SIGTSTP (the signal thread does the work).
pub(super) fn suspend() {
    // Failure leaves the program running, as with a SIGTSTP that cannot be delivered.
    let _ = raise(SIGTSTP);
}

/// SIGTSTP: restore the terminal, then stop until continued.
pub(super) fn stop() {
    // A terminal that cannot be restored is no reason not to stop.
    let _ = session::suspend();
    let _ = emulate_default_handler(SIGTSTP);
}

/// SIGCONT: set the terminal up again and wake the event loop for a whole frame.
pub(super) fn continued() {
    if session::resume().is_ok() {
        let _ = raise(SIGWINCH);
    }
}
