//! Painting rows of styled text into the frame's buffer: what ratatui's `Paragraph` does for
//! lines that are neither wrapped nor scrolled nor aligned, at a fraction of its cost.
//!
//! The panes' rows are cut to width before they are drawn (`ui::fit`), so a `Paragraph` only
//! had to copy them, yet it patched the style of every cell of its area with its own (empty)
//! style, collected each row's graphemes into a vector and measured each twice; on the first
//! frame at 200x50 that was a fifth of the work between `main` and the frame leaving. Here a
//! row's spans go straight to the cells, and ASCII text (most of the corpus) skips grapheme
//! segmentation: a printable ASCII character followed by another is a one-column grapheme.
//! The cells come out exactly as a `Paragraph` leaves them (a test compares the two on every
//! kind of text), so what is sent to the terminal does not change.

use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

/// Draws `lines` into `area` of `buffer`, one a row from the top, each cut at the area's
/// width: the cells `Paragraph::new(lines)` leaves there. Lines beyond the area's height are
/// not drawn; a line with an alignment of its own is drawn by a `Paragraph`.
pub fn put_lines(buffer: &mut Buffer, area: Rect, lines: Vec<Line<'_>>) {
    if lines
        .iter()
        .any(|line| line.alignment.is_some_and(|a| a != Alignment::Left))
    {
        ratatui::widgets::Widget::render(Paragraph::new(lines), area, buffer);
        return;
    }
    let area = area.intersection(buffer.area);
    if area.is_empty() {
        return;
    }
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        // The row's cells as one slice: each cell is then found by its column alone, not
        // by the buffer's index of a position, checked and multiplied out for every cell.
        let start = buffer.index_of(area.x, y);
        let cells = &mut buffer.content[start..start + usize::from(area.width)];
        put_line(cells, line);
    }
}

/// Draws `lines` as [`put_lines`] does over `area` first given `style`: the cells
/// `Paragraph::new(lines).style(style)` leaves there.
pub fn put_styled_lines(buffer: &mut Buffer, area: Rect, style: Style, lines: Vec<Line<'_>>) {
    buffer.set_style(area, style);
    put_lines(buffer, area, lines);
}

/// One row: the spans' graphemes from the first of `cells`, in their styles, up to as many
/// columns as there are cells. As `Paragraph` does: control characters are dropped, a
/// grapheme wider than the whole row is skipped, the first one that does not fit ends the
/// row, zero-width ones take no cell.
fn put_line(cells: &mut [Cell], line: &Line<'_>) {
    let mut row = Row {
        width: u16::try_from(cells.len()).unwrap_or(u16::MAX),
        cells,
        used: 0,
    };
    for span in &line.spans {
        if !row.put_text(span.content.as_ref(), line.style.patch(span.style)) {
            return;
        }
    }
}

/// A row being painted: its cells, how wide it is, how much of it is used.
struct Row<'b> {
    cells: &'b mut [Cell],
    width: u16,
    used: u16,
}

impl Row<'_> {
    /// Paints `text` in `style` after what the row holds; false once a grapheme does not fit.
    ///
    /// Between two ASCII characters there is always a grapheme boundary (but within CR LF,
    /// both controls, dropped either way), so an ASCII character followed by another (or by
    /// nothing) is a one-column grapheme of its own; the rest is segmented from one such
    /// boundary to the next, which segments it as the whole text would be.
    fn put_text(&mut self, text: &str, style: Style) -> bool {
        let bytes = text.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let byte = bytes[start];
            if byte.is_ascii() && bytes.get(start + 1).is_none_or(u8::is_ascii) {
                if !byte.is_ascii_control() && !self.put(&text[start..=start], 1, style) {
                    return false;
                }
                start += 1;
                continue;
            }
            let mut end = start + 1;
            while end < bytes.len() && !(bytes[end - 1].is_ascii() && bytes[end].is_ascii()) {
                end += 1;
            }
            for grapheme in text[start..end].graphemes(true) {
                if grapheme.contains(char::is_control) {
                    continue;
                }
                let columns = grapheme.cell_width();
                if columns > self.width {
                    continue;
                }
                if !self.put(grapheme, columns, style) {
                    return false;
                }
            }
            start = end;
        }
        true
    }

    /// One grapheme `columns` wide (zero-width ones take no cell); false if it does not fit.
    fn put(&mut self, grapheme: &str, columns: u16, style: Style) -> bool {
        if self.used + columns > self.width {
            return false;
        }
        if columns > 0 {
            if let Some(cell) = self.cells.get_mut(usize::from(self.used)) {
                cell.set_symbol(grapheme).set_style(style);
            }
            self.used += columns;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier, Stylize};
    use ratatui::text::Span;
    use ratatui::widgets::Widget;

    use super::*;

    /// The buffer a `Paragraph` of `lines` leaves, and the one [`put_lines`] leaves, both
    /// drawn over the same non-blank background (so cells either one leaves alone show).
    fn both(lines: Vec<Line<'static>>, area: Rect) -> (Buffer, Buffer) {
        let whole = Rect::new(0, 0, 14, 5);
        let mut background = Buffer::empty(whole);
        for (i, cell) in background.content.iter_mut().enumerate() {
            cell.set_symbol(if i % 3 == 0 { "#" } else { " " });
            cell.set_bg(Color::Blue);
        }
        let mut paragraph = background.clone();
        Paragraph::new(lines.clone()).render(area, &mut paragraph);
        let mut painted = background;
        put_lines(&mut painted, area, lines);
        (paragraph, painted)
    }

    #[test]
    fn rows_are_the_cells_a_paragraph_leaves() {
        let lines = vec![
            Line::from(vec![
                Span::styled("2024  ", Style::default().fg(Color::Yellow)),
                Span::raw("EU–ROK cyber dialogue, Seoul and beyond"),
            ]),
            Line::from("사이버 대화 제7차 회의")
                .style(Style::default().add_modifier(Modifier::BOLD)),
            Line::from(vec![
                "ab".red(),
                "\u{1b}[31mc\td\r\n".into(),
                "e\u{301}f".green(),
            ]),
            Line::from("wide at the edge: 가나다라마바사"),
            Line::from("🇰🇷 ❤\u{fe0f} ﾊﾞﾅﾅ x\u{200b}y\u{600}1 👩\u{200d}💻"),
            Line::from("a row past the area's height"),
        ];
        for area in [
            Rect::new(0, 0, 14, 5),
            Rect::new(1, 1, 9, 3),
            Rect::new(3, 0, 1, 5),
            Rect::new(2, 2, 20, 9),
            Rect::new(0, 0, 0, 3),
        ] {
            let (paragraph, painted) = both(lines.clone(), area);
            assert_eq!(painted, paragraph, "in {area:?}");
        }
    }

    #[test]
    fn styled_rows_are_the_cells_a_styled_paragraph_leaves() {
        let style = Style::default().fg(Color::Gray).bg(Color::Black);
        let lines = vec![Line::from(vec![
            " q".yellow(),
            " quit ".into(),
            Span::styled("?", Style::default().bg(Color::Red)),
        ])];
        for area in [Rect::new(0, 4, 14, 1), Rect::new(2, 1, 5, 2)] {
            let (mut paragraph, mut painted) = both(Vec::new(), area);
            Paragraph::new(lines.clone())
                .style(style)
                .render(area, &mut paragraph);
            put_styled_lines(&mut painted, area, style, lines.clone());
            assert_eq!(painted, paragraph, "in {area:?}");
            assert_eq!(painted[(area.x, area.y)].bg, Color::Black);
        }
    }

    #[test]
    fn an_aligned_line_is_drawn_as_a_paragraph_draws_it() {
        let lines = vec![Line::from("left"), Line::from("right").right_aligned()];
        let (paragraph, painted) = both(lines, Rect::new(0, 0, 12, 2));
        assert_eq!(painted, paragraph);
        assert_eq!(painted[(7, 1)].symbol(), "r");
    }

    proptest! {
        /// Any text of ASCII, controls, Hangul, combining marks, joiners, a prepended mark,
        /// emoji and wide or zero-width characters, in spans of any style, at any width.
        #[test]
        fn any_text_paints_as_a_paragraph_does(
            spans in proptest::collection::vec(
                ("[ -~\t\r\n\u{1b}가-힣\u{301}\u{200b}\u{200d}\u{600}\u{fe0f}❤🇰🇷ﾊﾞ—·…]{0,12}", 0u8..4),
                0..5,
            ),
            width in 0u16..16,
            left in 0u16..4,
        ) {
            let styles = [
                Style::default(),
                Style::default().fg(Color::Cyan),
                Style::default().bg(Color::Red).add_modifier(Modifier::REVERSED),
                Style::default().remove_modifier(Modifier::BOLD),
            ];
            let line = Line::from(
                spans
                    .into_iter()
                    .map(|(text, style)| Span::styled(text, styles[usize::from(style)]))
                    .collect::<Vec<_>>(),
            );
            let (paragraph, painted) = both(vec![line], Rect::new(left, 1, width, 2));
            prop_assert_eq!(painted, paragraph);
        }
    }
}
