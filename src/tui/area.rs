//! The drawable area: the terminal's size, capped.
//!
//! A frame holds a buffer of cells per screen cell, twice (ratatui's current and previous
//! frame) and once more for scroll hints, so its memory grows with columns × rows. A terminal
//! that reports 65535x65535 (a bug, or a hostile pty) would ask for hundreds of gigabytes.
//! Beyond [`MAX_COLUMNS`] x [`MAX_ROWS`] the program draws the top-left part of the terminal
//! and is told that size; the rest stays blank. [`Capped`] makes ratatui see the terminal
//! that way, so everything else (resizing, clearing, redrawing) works as on a real terminal of
//! that size.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::terminal;
use ratatui::layout::{Position, Size};

/// The widest area drawn (wider than any real screen at a readable font size).
pub const MAX_COLUMNS: u16 = 1000;
/// The tallest area drawn.
pub const MAX_ROWS: u16 = 500;
/// The size assumed when the terminal does not say.
const FALLBACK: (u16, u16) = (80, 24);

/// The size of the part of a terminal of `size` that is drawn: its top-left corner, capped.
pub(super) fn drawn(size: Size) -> Size {
    Size::new(size.width.min(MAX_COLUMNS), size.height.min(MAX_ROWS))
}

/// The size a program draws in now: (columns, rows) of the terminal, capped; 80x24 when the
/// terminal size cannot be read.
pub fn drawable_size() -> (u16, u16) {
    let (columns, rows) = terminal::size().unwrap_or(FALLBACK);
    let size = drawn(Size::new(columns, rows));
    (size.width, size.height)
}

/// A backend whose terminal is never bigger than the cap.
pub(super) struct Capped<B>(pub(super) B);

impl<B: Backend> Backend for Capped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size().map(drawn)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size().map(|size| WindowSize {
            columns_rows: drawn(size.columns_rows),
            pixels: size.pixels,
        })
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.0)
    }

    fn scroll_region_up(&mut self, region: Range<u16>, lines: u16) -> Result<(), Self::Error> {
        self.0.scroll_region_up(region, lines)
    }

    fn scroll_region_down(&mut self, region: Range<u16>, lines: u16) -> Result<(), Self::Error> {
        self.0.scroll_region_down(region, lines)
    }
}

/// Escape sequences the loop queues itself (synchronized updates, attributes) pass through.
impl<B: Write> Write for Capped<B> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::backend::TestBackend;

    use super::*;

    #[test]
    fn huge_terminals_are_drawn_in_their_top_left_part_and_others_whole() {
        assert_eq!(
            drawn(Size::new(u16::MAX, u16::MAX)),
            Size::new(MAX_COLUMNS, MAX_ROWS)
        );
        assert_eq!(drawn(Size::new(3000, 40)), Size::new(MAX_COLUMNS, 40));
        assert_eq!(drawn(Size::new(80, 24)), Size::new(80, 24));
        assert_eq!(drawn(Size::new(0, 0)), Size::new(0, 0));
    }

    #[test]
    fn ratatui_sees_the_capped_size() {
        let terminal = ratatui::Terminal::new(Capped(TestBackend::new(1200, 30))).unwrap();
        assert_eq!(terminal.size().unwrap(), Size::new(MAX_COLUMNS, 30));
    }
}
