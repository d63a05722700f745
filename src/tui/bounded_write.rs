//! Writing to the terminal with a deadline, for the restore sequences.
//!
//! A terminal that reads nothing (a frozen SSH link, a stopped terminal emulator) fills its
//! output buffer, and a plain `write` then blocks for as long as it stays frozen. The signal
//! thread must still end the process promptly, so its writes switch the descriptor to
//! non-blocking, retry after short sleeps until the deadline, and give up after it (leaving
//! the terminal's modes as they were when it returns).

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::{AsFd, BorrowedFd};

use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
use std::time::{Duration, Instant};

/// Write all of `bytes` to `out` within `wait`, or fail with `TimedOut` once it has passed.
pub(super) fn write_all_within(out: &File, bytes: &[u8], wait: Duration) -> io::Result<()> {
    let flags = NonBlocking::set(out.as_fd())?;
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
                // A short sleep, not poll(2): this runs once, on the way out, for at most the
                // deadline, so a few wake-ups cost nothing and need no unsafe code.
                std::thread::sleep(left.min(RETRY));
            }
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

/// How long to wait before trying a full terminal again.
const RETRY: Duration = Duration::from_millis(5);

/// `O_NONBLOCK` set on a descriptor's open file for as long as this lives. The flag is shared
/// by every descriptor of that open file (stdin often too), so it is put back on drop.
struct NonBlocking<'fd> {
    fd: BorrowedFd<'fd>,
    before: OFlags,
}

impl<'fd> NonBlocking<'fd> {
    fn set(fd: BorrowedFd<'fd>) -> io::Result<NonBlocking<'fd>> {
        let before = fcntl_getfl(fd)?;
        fcntl_setfl(fd, before | OFlags::NONBLOCK)?;
        Ok(NonBlocking { fd, before })
    }
}

impl Drop for NonBlocking<'_> {
    fn drop(&mut self) {
        let _ = fcntl_setfl(self.fd, self.before);
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
        let flags = fcntl_getfl(&out).unwrap();
        assert!(!flags.contains(OFlags::NONBLOCK), "O_NONBLOCK left set");
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
