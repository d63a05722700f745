//! Reading a vt100 screen cell by cell: where a piece of text is drawn and with which
//! attributes (reverse video, colours, bold), for tests that check highlighting rather than
//! just the text.

#![allow(dead_code)] // Helpers serve several suites; each suite uses a subset.

/// How one cell is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub inverse: bool,
    pub bold: bool,
    pub underline: bool,
    pub fg: vt100::Color,
    pub bg: vt100::Color,
}

/// The look of the cell at (row, col); `None` outside the screen.
pub fn look(screen: &vt100::Screen, row: u16, col: u16) -> Option<Look> {
    screen.cell(row, col).map(|c| Look {
        inverse: c.inverse(),
        bold: c.bold(),
        underline: c.underline(),
        fg: c.fgcolor(),
        bg: c.bgcolor(),
    })
}

/// One screen row as (column, text) per cell, wide-character continuations left out.
pub fn row_cells(screen: &vt100::Screen, row: u16) -> Vec<(u16, String)> {
    let (_, cols) = screen.size();
    (0..cols.get())
        .filter_map(|col| {
            let cell = screen.cell(row, col)?;
            if cell.is_wide_continuation() {
                return None;
            }
            let text = if cell.has_contents() {
                cell.contents().to_string()
            } else {
                " ".to_string()
            };
            Some((col, text))
        })
        .collect()
}

/// Every place `needle` is drawn on one row: (row, the column of each of its characters).
pub fn find(screen: &vt100::Screen, needle: &str) -> Vec<(u16, Vec<u16>)> {
    let (rows, _) = screen.size();
    let wanted: Vec<char> = needle.chars().collect();
    let mut found = Vec::new();
    for row in 0..rows.get() {
        let cells = row_cells(screen, row);
        if wanted.is_empty() || cells.len() < wanted.len() {
            continue;
        }
        for start in 0..=cells.len() - wanted.len() {
            let hit = wanted
                .iter()
                .zip(&cells[start..])
                .all(|(c, (_, text))| text.chars().eq(std::iter::once(*c)));
            if hit {
                let columns = cells[start..start + wanted.len()]
                    .iter()
                    .map(|(col, _)| *col)
                    .collect();
                found.push((row, columns));
            }
        }
    }
    found
}

/// The row (0-based) of the first line drawing `needle`.
pub fn row_of(screen: &vt100::Screen, needle: &str) -> Option<u16> {
    find(screen, needle).first().map(|(row, _)| *row)
}
