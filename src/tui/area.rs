//! The drawable area: the terminal's size, capped.
//!
//! A frame holds a buffer of cells per screen cell, twice (ratatui's current and previous
//! frame) and once more for scroll hints, so its memory grows with columns × rows. A terminal
//! that reports 65535x65535 (a bug, or a hostile pty) would ask for hundreds of gigabytes.
//! Beyond [`MAX_COLUMNS`] x [`MAX_ROWS`] the program draws the top-left part of the terminal
//! and is told that size; the rest stays blank.

use ratatui::crossterm::terminal;
use ratatui::layout::{Rect, Size};

/// The widest area drawn (wider than any real screen at a readable font size).
pub const MAX_COLUMNS: u16 = 1000;
/// The tallest area drawn.
pub const MAX_ROWS: u16 = 500;
/// The size assumed when the terminal does not say.
const FALLBACK: (u16, u16) = (80, 24);

/// The part of a terminal of `size` that is drawn: its top-left corner, capped.
pub(super) fn drawn(size: Size) -> Rect {
    Rect::new(0, 0, size.width.min(MAX_COLUMNS), size.height.min(MAX_ROWS))
}

/// The size a program draws in now: (columns, rows) of the terminal, capped; 80x24 when the
/// terminal size cannot be read.
pub fn drawable_size() -> (u16, u16) {
    let (columns, rows) = terminal::size().unwrap_or(FALLBACK);
    let area = drawn(Size::new(columns, rows));
    (area.width, area.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_terminals_are_drawn_in_their_top_left_part_and_others_whole() {
        assert_eq!(
            drawn(Size::new(u16::MAX, u16::MAX)),
            Rect::new(0, 0, MAX_COLUMNS, MAX_ROWS)
        );
        assert_eq!(drawn(Size::new(3000, 40)), Rect::new(0, 0, MAX_COLUMNS, 40));
        assert_eq!(drawn(Size::new(80, 24)), Rect::new(0, 0, 80, 24));
        assert_eq!(drawn(Size::new(0, 0)), Rect::new(0, 0, 0, 0));
    }
}
