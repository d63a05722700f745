//! A workaround for input that crossterm (0.29) leaves unread after a resize.
//!
//! crossterm waits on an edge-triggered epoll set holding the terminal and its SIGWINCH pipe.
//! When one wait reports both, it returns the `Resize` at once and forgets that the terminal
//! was readable too; the edge is spent, so keys typed during a resize sit unread until the
//! next key arrives (seen in the resize-storm PTY test, about 1 run in 7 under load).
//!
//! After a resize, if the terminal has unread input that crossterm does not report, the loop
//! calls [`rearm_after_resize`]: re-applying the terminal's own attributes makes the tty
//! driver wake its readers (Linux `n_tty_set_termios`), which re-arms crossterm's edge.
//! Nothing changes on the terminal; the cost is a `poll` per resize.

// libc::poll and fcntl on the terminal fd have no safe std equivalent.
#![allow(unsafe_code)]

use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, AsRawFd};

use super::session;

/// Wake crossterm's reader if the terminal holds input it was not told about.
pub(super) fn rearm_after_resize() {
    let stdin = io::stdin();
    // crossterm reads stdin when it is a terminal (else /dev/tty, not handled here).
    if !stdin.is_terminal() {
        return;
    }
    let fd = stdin.as_fd().as_raw_fd();
    if !input_pending(fd) {
        return;
    }
    // Under the session lock: a restore running in between would otherwise be undone by
    // writing back the raw-mode attributes read just before it.
    session::while_active(|| reapply_attributes(fd));
}

/// Write a terminal's attributes back unchanged; the tty driver then wakes its readers.
fn reapply_attributes(fd: libc::c_int) {
    // SAFETY: tcgetattr fills a zeroed termios struct that outlives both calls; tcsetattr
    // writes back exactly what was read, on a descriptor the caller keeps open.
    unsafe {
        let mut attributes: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut attributes) == 0 {
            libc::tcsetattr(fd, libc::TCSANOW, &attributes);
        }
    }
}

/// True if `fd` has input waiting to be read (level-triggered, no waiting).
fn input_pending(fd: libc::c_int) -> bool {
    let mut pending = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one live pollfd struct, exclusively borrowed for the call; zero timeout.
    let ready = unsafe { libc::poll(&mut pending, 1, 0) };
    ready == 1 && pending.revents & libc::POLLIN != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kernel behaviour the workaround relies on: once an edge-triggered wait has spent the
    /// terminal's readiness, writing its attributes back reports it again.
    #[test]
    fn reapplying_attributes_rearms_an_edge_triggered_wait() {
        // SAFETY: plain libc calls on descriptors this test owns; every pointer is to a live
        // local for the duration of its call.
        unsafe {
            let (mut master, mut slave) = (-1, -1);
            let opened = libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            );
            assert_eq!(opened, 0, "openpty");
            let mut raw: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(slave, &mut raw), 0);
            libc::cfmakeraw(&mut raw);
            assert_eq!(libc::tcsetattr(slave, libc::TCSANOW, &raw), 0);

            let epoll = libc::epoll_create1(libc::EPOLL_CLOEXEC);
            let mut interest = libc::epoll_event {
                events: (libc::EPOLLIN | libc::EPOLLET) as u32,
                u64: 0,
            };
            assert_eq!(
                libc::epoll_ctl(epoll, libc::EPOLL_CTL_ADD, slave, &mut interest),
                0
            );
            let mut ready = [libc::epoll_event { events: 0, u64: 0 }; 2];
            let mut wait = |timeout| libc::epoll_wait(epoll, ready.as_mut_ptr(), 2, timeout);

            assert_eq!(libc::write(master, b"x".as_ptr().cast(), 1), 1);
            assert_eq!(wait(1000), 1, "the key is reported");
            assert_eq!(wait(0), 0, "the edge is spent; the key is still unread");
            assert!(input_pending(slave));
            reapply_attributes(slave);
            assert_eq!(wait(1000), 1, "re-applied attributes report it again");

            for fd in [epoll, slave, master] {
                libc::close(fd);
            }
        }
    }
}
