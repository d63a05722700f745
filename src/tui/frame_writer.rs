//! A writer that holds a whole frame and sends it to the terminal in one `write`.
//!
//! ratatui flushes its backend several times per `draw` (after hiding or moving the cursor, and
//! at the end), and its default writer is a 1 KiB buffer, so a frame would leave in pieces:
//! over a slow link a half-drawn frame shows, and the synchronized-update markers would travel
//! apart from the frame. Here `flush` does nothing until the event loop asks for a commit
//! through the [`Committer`]; the buffer keeps its capacity between frames.
//!
//! Holding by default also keeps ratatui's `Terminal` drop (which shows the cursor and reports
//! a failure with `eprintln!`, a panic when stderr is a dead terminal) away from the terminal:
//! its bytes stay in the buffer and the session restore shows the cursor itself.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;

/// Room for a full frame of a large terminal with colours, so the buffer rarely grows.
const FRAME_CAPACITY: usize = 64 * 1024;

/// The buffering writer given to ratatui's backend.
pub(super) struct FrameWriter<W: Write> {
    frame: Vec<u8>,
    out: W,
    commit: Rc<Cell<bool>>,
}

/// The switch that turns the next `flush` of its [`FrameWriter`] into a real write.
pub(super) struct Committer(Rc<Cell<bool>>);

impl<W: Write> FrameWriter<W> {
    /// A writer around `out` and the switch that commits its frames.
    pub(super) fn new(out: W) -> (Self, Committer) {
        let commit = Rc::new(Cell::new(false));
        let writer = Self {
            frame: Vec::with_capacity(FRAME_CAPACITY),
            out,
            commit: Rc::clone(&commit),
        };
        (writer, Committer(commit))
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.commit.get() || self.frame.is_empty() {
            return Ok(());
        }
        // 16-colour codes, not crossterm's 256-colour ones, so `linux` and `screen` show them.
        let written = self
            .out
            .write_all(&super::sgr16::to_16_colours(&self.frame));
        // A frame that failed to leave is not retried: the next frame is a full diff anyway.
        self.frame.clear();
        written?;
        self.out.flush()
    }
}

impl Committer {
    /// Send everything buffered so far through `writer` (the backend that owns the
    /// [`FrameWriter`]) as one write.
    pub(super) fn commit(&self, writer: &mut impl Write) -> io::Result<()> {
        self.0.set(true);
        let flushed = writer.flush();
        self.0.set(false);
        flushed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records each `write` call separately.
    #[derive(Default)]
    struct Calls(Vec<Vec<u8>>);

    impl Write for Calls {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.push(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn flushes_are_held_until_commit_and_the_frame_leaves_in_one_write() {
        let (mut writer, committer) = FrameWriter::new(Calls::default());
        writer.write_all(b"\x1b[?2026h").unwrap();
        writer.flush().unwrap();
        writer.write_all(b"cells").unwrap();
        writer.flush().unwrap();
        writer.write_all(b"\x1b[?2026l").unwrap();
        assert!(writer.out.0.is_empty(), "nothing leaves before the commit");

        committer.commit(&mut writer).unwrap();
        assert_eq!(writer.out.0, vec![b"\x1b[?2026hcells\x1b[?2026l".to_vec()]);

        writer.flush().unwrap();
        committer.commit(&mut writer).unwrap();
        assert_eq!(writer.out.0.len(), 1, "an empty frame writes nothing");
    }

    #[test]
    fn a_failed_commit_drops_the_frame_and_reports_the_error() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::from_raw_os_error(libc::EIO))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let (mut writer, committer) = FrameWriter::new(Broken);
        writer.write_all(b"frame").unwrap();
        assert!(committer.commit(&mut writer).is_err());
        assert!(writer.frame.is_empty());
    }
}
