//! The topic matrix view (`m`): the [`Matrix`] of the filtered timeline, a cursor cell, and how
//! far it is scrolled on both axes. [`MatrixLayout`] is its geometry, a pure function of the
//! terminal size shared with the renderer, so scrolling keeps the cursor where drawing shows
//! it. Topic names (row headers) and meeting labels (column headers) stay in place while the
//! cells scroll.

use crate::corpus::Corpus;
use crate::matrix::{Matrix, row_label};
use crate::text::display_width;

/// Columns between two meeting columns.
pub const GAP: usize = 2;
/// The narrowest the topic column gets (unless the screen is narrower).
const TOPIC_MIN_W: usize = 16;
/// Rows above the cells (title, column headers) and below them (cell detail, legend).
pub const ROWS_ABOVE: usize = 2;
pub const ROWS_BELOW: usize = 2;

/// Where the matrix view puts things at one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixLayout {
    /// Display columns of the topic column (row headers), indent included.
    pub topic_w: usize,
    /// Display columns of one meeting column, gap included.
    pub column_w: usize,
    /// How many meeting columns fit beside the topic column (at least 1).
    pub columns: usize,
    /// How many topic rows fit (at least 1).
    pub rows: usize,
}

impl MatrixLayout {
    pub fn new(width: u16, height: u16, corpus: &Corpus, matrix: &Matrix) -> MatrixLayout {
        let width = usize::from(width);
        let label_w = matrix
            .columns
            .iter()
            .map(|c| display_width(&c.label))
            .max()
            .unwrap_or(1);
        let column_w = label_w + GAP;
        let wanted = matrix
            .rows
            .iter()
            .map(|r| 2 * r.depth + display_width(row_label(corpus, r)))
            .max()
            .unwrap_or(TOPIC_MIN_W)
            + 1;
        // The topic column takes what the meetings leave, but at least two fifths of the width
        // (the meetings scroll then) and at most three fifths.
        let room = width.saturating_sub(column_w * matrix.columns.len().max(1));
        let topic_w = wanted
            .min(room.max(width * 2 / 5))
            .min(width * 3 / 5)
            .max(TOPIC_MIN_W.min(width))
            .max(1);
        let columns = (width.saturating_sub(topic_w) / column_w.max(1)).max(1);
        let rows = usize::from(height)
            .saturating_sub(ROWS_ABOVE + ROWS_BELOW)
            .max(1);
        MatrixLayout {
            topic_w,
            column_w,
            columns,
            rows,
        }
    }
}

/// The matrix, its cursor and its scroll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatrixView {
    pub model: Matrix,
    /// The cursor cell: a row of `model.rows`, a column of `model.columns`.
    pub row: usize,
    pub column: usize,
    /// The first row and column shown.
    pub top: usize,
    pub left: usize,
}

impl MatrixView {
    /// A view of `model` with the cursor on the first topic at the newest meeting.
    pub fn new(model: Matrix, layout: &MatrixLayout) -> MatrixView {
        let column = model.columns.len().saturating_sub(1);
        let mut view = MatrixView {
            model,
            row: 0,
            column,
            top: 0,
            left: 0,
        };
        view.keep_in_view(layout);
        view
    }

    /// Moves the cursor by rows and columns, clamped to the matrix, and scrolls to keep it in
    /// view.
    pub fn move_by(&mut self, rows: isize, columns: isize, layout: &MatrixLayout) {
        let clamp = |at: usize, by: isize, len: usize| {
            at.saturating_add_signed(by).min(len.saturating_sub(1))
        };
        self.row = clamp(self.row, rows, self.model.rows.len());
        self.column = clamp(self.column, columns, self.model.columns.len());
        self.keep_in_view(layout);
    }

    /// Scrolls the least that shows the cursor cell (after a move or a resize).
    pub fn keep_in_view(&mut self, layout: &MatrixLayout) {
        self.top = scrolled(self.top, self.row, layout.rows);
        self.left = scrolled(self.left, self.column, layout.columns);
    }

    /// Checks the cursor and scroll against the matrix (property tests call it).
    pub fn check(&self) -> Result<(), String> {
        let (rows, columns) = (self.model.rows.len(), self.model.columns.len());
        if rows > 0 && self.row >= rows || rows == 0 && self.row != 0 {
            return Err(format!("matrix row {} of {rows}", self.row));
        }
        if columns > 0 && self.column >= columns || columns == 0 && self.column != 0 {
            return Err(format!("matrix column {} of {columns}", self.column));
        }
        if self.top > self.row || self.left > self.column {
            return Err("matrix cursor scrolled out of view".into());
        }
        Ok(())
    }
}

/// The first shown of a scrolled list of `shown` items so that `at` is in view.
fn scrolled(first: usize, at: usize, shown: usize) -> usize {
    if at < first {
        at
    } else if at >= first + shown.max(1) {
        at + 1 - shown.max(1)
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{Filter, Index};

    fn fixture() -> (Corpus, Matrix) {
        let corpus = crate::test_fixture::small().corpus;
        let index = Index::build(&corpus);
        let matrix = Matrix::build(&corpus, &index, &Filter::default());
        (corpus, matrix)
    }

    #[test]
    fn at_80x24_every_fixture_meeting_fits_beside_the_topics() {
        let (corpus, matrix) = fixture();
        let layout = MatrixLayout::new(80, 24, &corpus, &matrix);
        assert!(layout.columns >= matrix.columns.len(), "{layout:?}");
        assert_eq!(layout.rows, 24 - ROWS_ABOVE - ROWS_BELOW);
        assert!(layout.topic_w + layout.column_w * matrix.columns.len() <= 80);
    }

    #[test]
    fn the_cursor_starts_at_the_newest_meeting_and_stays_in_view() {
        let (corpus, matrix) = fixture();
        let rows = matrix.rows.len();
        // Room for two rows and one column: every move must scroll.
        let layout = MatrixLayout::new(30, 6, &corpus, &matrix);
        assert_eq!((layout.rows, layout.columns), (2, 1));
        let mut view = MatrixView::new(matrix, &layout);
        assert_eq!((view.row, view.column, view.left), (0, 3, 3));
        view.move_by(0, -10, &layout);
        assert_eq!((view.column, view.left), (0, 0));
        view.move_by(100, 0, &layout);
        assert_eq!((view.row, view.top), (rows - 1, rows - 2));
        view.check().expect("consistent");
        view.move_by(-1, 0, &layout);
        assert_eq!((view.row, view.top), (rows - 2, rows - 2));
        view.move_by(-1, 0, &layout);
        assert_eq!((view.row, view.top), (rows - 3, rows - 3));
        view.check().expect("consistent");
    }

    #[test]
    fn an_empty_matrix_keeps_the_cursor_at_zero() {
        let (corpus, _) = fixture();
        let layout = MatrixLayout::new(80, 24, &corpus, &Matrix::default());
        let mut view = MatrixView::new(Matrix::default(), &layout);
        view.move_by(3, 3, &layout);
        assert_eq!((view.row, view.column), (0, 0));
        view.check().expect("consistent");
    }
}
