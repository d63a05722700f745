//! The cells of a frame drawn on a blank screen: what ratatui's `BufferDiff` yields when the
//! previous buffer is blank (the first frame, or one after the screen was cleared), found
//! without comparing each cell with a blank one field by field and measuring each.
//!
//! A blank previous cell makes most of `BufferDiff`'s cases fall away: a cell is sent unless
//! it is blank itself or marked to be skipped; after a wide cell the columns it covers are
//! passed over, except after an emoji with a variation selector (U+FE0F), whose covered
//! columns are sent when they hold something other than a space. At 200x50 the general diff
//! was a sixth of the work before the first frame. A test holds this to `BufferDiff` on
//! buffers of every kind of cell.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::style::{Color, Modifier};

use super::symbol_memo::SymbolMemo;

/// The updates that draw `buffer` on a blank screen, in `BufferDiff`'s order.
pub(super) fn updates(buffer: &Buffer) -> Updates<'_> {
    let width = usize::from(buffer.area.width).max(1);
    Updates {
        cells: &buffer.content,
        x0: buffer.area.x,
        y0: buffer.area.y,
        width,
        row: 0,
        row_end: width,
        pos: 0,
        covered: None,
        widths: SymbolMemo::new(),
    }
}

/// The iterator of [`updates`].
pub(super) struct Updates<'b> {
    cells: &'b [Cell],
    x0: u16,
    y0: u16,
    width: usize,
    /// The row of the last cell yielded, and the index where that row ends: positions are
    /// found by counting rows as the walk (which only goes forward) passes them, not by
    /// dividing each index by the width.
    row: u16,
    row_end: usize,
    pos: usize,
    /// The columns an emoji with a variation selector covers, still to look at: (next, end).
    covered: Option<(usize, usize)>,
    /// The widths of the border and separator symbols, measured once.
    widths: SymbolMemo<u16>,
}

impl<'b> Updates<'b> {
    /// Cell `i`, at or after the last one yielded, with its position.
    #[inline]
    fn at(&mut self, i: usize) -> (u16, u16, &'b Cell) {
        while i >= self.row_end {
            self.row_end += self.width;
            self.row = self.row.saturating_add(1);
        }
        // Positions fit in u16: the buffer's area does.
        let x = u16::try_from(i + self.width - self.row_end).unwrap_or(u16::MAX);
        (
            self.x0.saturating_add(x),
            self.y0.saturating_add(self.row),
            &self.cells[i],
        )
    }

    /// Cell `i`, sent as `BufferDiff` sends a cell that is neither skipped nor of a forced
    /// width: the columns a wide symbol covers are passed over, or looked at one by one after
    /// an emoji with a variation selector.
    #[inline]
    fn sent(&mut self, i: usize) -> (u16, u16, &'b Cell) {
        let cell = &self.cells[i];
        let symbol = cell.symbol();
        // One byte is one column (ratatui's own rule); only longer symbols are measured (the
        // cell's width is its symbol's: no forced width here).
        let columns = if symbol.len() == 1 {
            1
        } else {
            usize::from(self.widths.get(symbol, str::cell_width))
        };
        if columns > 1 && symbol.contains('\u{fe0f}') {
            self.covered = Some((i + 1, (i + columns).min(self.cells.len())));
        } else if columns > 1 {
            self.pos += columns - 1;
        }
        self.at(i)
    }
}

impl<'b> Iterator for Updates<'b> {
    type Item = (u16, u16, &'b Cell);

    // Inlined into the backend's loop: a call per cell sent (3,836 at 200x50) cost as much
    // as the work of finding it.
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let len = self.cells.len();
        if let Some((next, end)) = &mut self.covered {
            while *next < *end {
                let j = *next;
                let columns = usize::from(self.cells[j].cell_width().max(1));
                *next += columns;
                *end = (*end).max(*next).min(len);
                if !skipped(&self.cells[j]) && self.cells[j].symbol() != " " {
                    return Some(self.at(j));
                }
            }
            self.pos = *end;
            self.covered = None;
        }
        while self.pos < len {
            let i = self.pos;
            self.pos += 1;
            let cell = &self.cells[i];
            #[allow(deprecated)]
            let skip = cell.skip;
            // Nearly every cell has no diff option: blank, or sent with its symbol's width.
            if cell.diff_option == CellDiffOption::None && !skip {
                if blank_content(cell) {
                    continue;
                }
                return Some(self.sent(i));
            }
            match cell.diff_option {
                CellDiffOption::Skip => {}
                _ if skipped(cell) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.pos = self
                        .pos
                        .saturating_add(usize::from(width.get().saturating_sub(1)));
                    if !blank(cell) {
                        return Some(self.at(i));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    if cell.diff_option == CellDiffOption::None && blank(cell) {
                        continue;
                    }
                    return Some(self.sent(i));
                }
            }
        }
        None
    }
}

/// A cell equal to a blank one (`Cell::EMPTY`, or a space with no style), as `Cell`'s `==`
/// decides, with the cheap fields first.
fn blank(cell: &Cell) -> bool {
    #[allow(deprecated)]
    let skip = cell.skip;
    !skip && cell.diff_option == CellDiffOption::None && blank_content(cell)
}

/// A space with no style: with no diff option and no skip flag, a blank cell.
fn blank_content(cell: &Cell) -> bool {
    cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier == Modifier::empty()
        && cell.symbol() == " "
}

/// Whether the diff passes over `cell` (the deprecated `skip` flag, as ratatui reads it).
fn skipped(cell: &Cell) -> bool {
    #[allow(deprecated)]
    let skip = cell.skip;
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (skip && matches!(cell.diff_option, CellDiffOption::None))
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU16;

    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    fn ratatui_diff(buffer: &Buffer) -> Vec<(u16, u16, Cell)> {
        let blank = Buffer::empty(buffer.area);
        blank
            .diff(buffer)
            .into_iter()
            .map(|(x, y, c)| (x, y, c.clone()))
            .collect()
    }

    fn ours(buffer: &Buffer) -> Vec<(u16, u16, Cell)> {
        updates(buffer).map(|(x, y, c)| (x, y, c.clone())).collect()
    }

    /// One cell of any kind a frame can hold.
    fn cell(kind: u8, symbol: u8) -> Cell {
        let symbols = [
            " ",
            "a",
            "가",
            "❤\u{fe0f}",
            "",
            "e\u{301}",
            "👩\u{200d}💻",
            "—",
            "x",
        ];
        let mut cell = Cell::EMPTY;
        cell.set_symbol(symbols[usize::from(symbol) % symbols.len()]);
        match kind % 9 {
            0..=2 => {}
            3 => {
                cell.set_style(Style::default().fg(Color::Cyan));
            }
            4 => {
                cell.set_style(Style::default().bg(Color::Red));
            }
            5 => {
                cell.modifier = Modifier::REVERSED;
            }
            6 => {
                cell.set_diff_option(CellDiffOption::Skip);
            }
            7 => {
                cell.set_diff_option(CellDiffOption::AlwaysUpdate);
            }
            _ => {
                let width = NonZeroU16::new(u16::from(symbol % 3) + 1).unwrap_or(NonZeroU16::MIN);
                cell.set_diff_option(CellDiffOption::ForcedWidth(width));
            }
        }
        if kind == 17 {
            #[allow(deprecated)]
            {
                cell.skip = true;
            }
        }
        cell
    }

    #[test]
    fn a_frame_on_a_blank_screen_sends_what_ratatui_would() {
        let mut buffer = Buffer::empty(Rect::new(2, 1, 6, 3));
        let row = ["a", "가", "", "❤\u{fe0f}", "x", " "];
        for (i, symbol) in row.iter().enumerate() {
            buffer.content[i].set_symbol(symbol);
        }
        buffer.content[7].set_style(Style::default().bg(Color::Blue));
        buffer.content[9].set_diff_option(CellDiffOption::AlwaysUpdate);
        buffer.content[12].set_symbol("b");
        buffer.content[12].set_diff_option(CellDiffOption::Skip);
        let expected = ratatui_diff(&buffer);
        assert_eq!(ours(&buffer), expected);
        assert!(expected.iter().any(|(x, y, _)| (*x, *y) == (2, 1)));
        assert!(
            expected
                .iter()
                .all(|(_, y, c)| *y != 3 || c.symbol() != "b")
        );
    }

    proptest! {
        #[test]
        fn any_frame_on_a_blank_screen_sends_what_ratatui_would(
            width in 1u16..9,
            cells in proptest::collection::vec((0u8..18, 0u8..9), 0..40),
        ) {
            let height = u16::try_from(cells.len()).unwrap_or(0) / width + 1;
            let mut buffer = Buffer::empty(Rect::new(1, 2, width, height));
            for (slot, (kind, symbol)) in buffer.content.iter_mut().zip(cells) {
                *slot = cell(kind, symbol);
            }
            prop_assert_eq!(ours(&buffer), ratatui_diff(&buffer));
        }
    }
}
