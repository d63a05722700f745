//! Writing to the terminal with a deadline, for the restore sequences.
//!
//! A terminal that reads nothing (a frozen SSH link, a stopped terminal emulator) fills its
//! output buffer, and a plain `write` then blocks for as long as it stays frozen. The signal
//! thread must still end the process promptly, so its writes switch the descriptor to
//! non-blocking, wait for room with `poll` until the deadline, and give up after it (leaving
//! the terminal's modes as they were when it returns).

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

/// Write all of `bytes` to `out` within `wait`, or fail with `TimedOut` once it has passed.
pub(super) fn write_all_within(out: &File, bytes: &[u8], wait: Duration) -> io::Result<()> {
    let fd = out.as_raw_fd();
    let flags = NonBlocking::set(fd)?;
    let written = write_until(out, bytes, Instant::now() + wait);
    drop(flags);
    written
}

fn write_until(mut out: &File, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        match out.write(bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the terminal took no output before the deadline",
                    ));
                }
                wait_writable(out.as_raw_fd(), left);
            }
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

/// Sleep until `fd` has room for output, or `wait` has passed.
fn wait_writable(fd: libc::c_int, wait: Duration) {
    let mut ready = libc::pollfd {
        fd,
        events: libc::POLLOUT,
        revents: 0,
    };
    // Rounded up, so that a wait under a millisecond still sleeps instead of spinning.
    let millis = libc::c_int::try_from(wait.as_millis() + 1).unwrap_or(libc::c_int::MAX);
    // SAFETY: one live pollfd struct, exclusively borrowed for the call.
    unsafe { libc::poll(&mut ready, 1, millis) };
}

/// `O_NONBLOCK` set on a descriptor's open file for as long as this lives. The flag is shared
/// by every descriptor of that open file (stdin often too), so it is put back on drop.
struct NonBlocking {
    fd: libc::c_int,
    before: libc::c_int,
}

impl NonBlocking {
    fn set(fd: libc::c_int) -> io::Result<NonBlocking> {
        // SAFETY: fcntl on a descriptor the caller keeps open; F_GETFL/F_SETFL take no pointers.
        let before = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if before < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: as above.
        if unsafe { libc::fcntl(fd, libc::F_SETFL, before | libc::O_NONBLOCK) } < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(NonBlocking { fd, before })
    }
}

impl Drop for NonBlocking {
    fn drop(&mut self) {
        // SAFETY: as in `set`; the descriptor outlives this guard.
        unsafe { libc::fcntl(self.fd, libc::F_SETFL, self.before) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pipe nobody reads stands in for a frozen terminal: once its buffer is full, the write
    /// gives up at the deadline instead of blocking, and the descriptor is blocking again.
    #[test]
    fn a_full_pipe_times_out_and_the_descriptor_is_left_blocking() {
        let (reader, writer) = io::pipe().unwrap();
        let out = File::from(std::os::fd::OwnedFd::from(writer));
        let flood = vec![b'x'; 1 << 20];
        let err = write_all_within(&out, &flood, Duration::from_millis(50)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        // SAFETY: F_GETFL on an open descriptor.
        let flags = unsafe { libc::fcntl(out.as_raw_fd(), libc::F_GETFL) };
        assert_eq!(flags & libc::O_NONBLOCK, 0, "O_NONBLOCK left set");
        drop(reader);
    }

    #[test]
    fn a_pipe_with_room_takes_everything() {
        let (mut reader, writer) = io::pipe().unwrap();
        let out = File::from(std::os::fd::OwnedFd::from(writer));
        write_all_within(&out, b"restore", Duration::from_millis(50)).unwrap();
        drop(out);
        let mut got = String::new();
        io::Read::read_to_string(&mut reader, &mut got).unwrap();
        assert_eq!(got, "restore");
    }
}
