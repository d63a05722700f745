//! Transitions of the topic matrix view: opening it on the filtered timeline, moving the cursor
//! cell on both axes, and Enter, which opens the cell's meeting at its cited paragraph.

use crate::app::action::Action;
use crate::app::matrix::MatrixView;
use crate::app::{App, Mode};
use crate::index::EntryRef;
use crate::matrix::Matrix;

impl App {
    /// Builds the matrix of the meetings the timeline filter keeps and shows it.
    pub(super) fn open_matrix(&mut self) {
        let model = Matrix::build(&self.corpus, &self.index, &self.filter);
        self.matrix = MatrixView {
            model,
            ..MatrixView::default()
        };
        let layout = self.matrix_layout();
        self.matrix = MatrixView::new(std::mem::take(&mut self.matrix.model), &layout);
        self.mode = Mode::Matrix;
    }

    pub(super) fn matrix_action(&mut self, action: Action) {
        let layout = self.matrix_layout();
        let page = isize::try_from(layout.rows.max(1)).unwrap_or(1);
        let m = &mut self.matrix;
        match action {
            Action::Close => self.mode = Mode::Normal,
            Action::Down => m.move_by(1, 0, &layout),
            Action::Up => m.move_by(-1, 0, &layout),
            Action::ColumnRight => m.move_by(0, 1, &layout),
            Action::ColumnLeft => m.move_by(0, -1, &layout),
            Action::PageDown => m.move_by(page, 0, &layout),
            Action::PageUp => m.move_by(-page, 0, &layout),
            Action::Top => m.move_by(isize::MIN, 0, &layout),
            Action::Bottom => m.move_by(isize::MAX, 0, &layout),
            Action::Activate => self.open_matrix_cell(),
            _ => {}
        }
    }

    /// Opens the meeting of the cursor's column at the first paragraph the cell cites.
    fn open_matrix_cell(&mut self) {
        let m = &self.matrix;
        let Some(cell) = m.model.cell(m.row, m.column) else {
            self.status = Some(self.text().matrix.not_recorded.into());
            return;
        };
        let Some(column) = m.model.columns.get(m.column) else {
            return;
        };
        let entry = EntryRef::Meeting(column.meeting);
        let cite = cell.first_paragraph().or(cell.cite.first()).cloned();
        self.mode = Mode::Normal;
        match cite {
            Some(cite) => self.jump_to_cited_paragraph(entry, &cite),
            None => self.jump_to_entry(entry),
        }
    }
}
