//! Pointer events (only when mouse capture is on): the wheel scrolls the pane under the
//! pointer, a click selects a timeline row, a tab, or a detail line.

use crate::app::layout::{Focus, contains, inner, tab_at};
use crate::app::{App, Mode, help};

/// Rows the wheel moves per notch.
const WHEEL_STEP: isize = 3;

impl App {
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let g = self.geometry();
        if g.too_small {
            return;
        }
        let step = if down { WHEEL_STEP } else { -WHEEL_STEP };
        match self.mode {
            Mode::Help => {
                let max = help::max_scroll(g.help_rows());
                self.help_scroll = self.help_scroll.saturating_add_signed(step).min(max);
            }
            Mode::Finder => {
                let height = usize::from(g.finder().list.height);
                self.finder.move_by(step, height);
            }
            Mode::CorpusSearch => {
                let shown =
                    usize::from(g.finder().list.height) / crate::app::corpus_search::ROWS_PER_HIT;
                self.corpus_search.move_by(step, shown);
            }
            Mode::Matrix => {
                let layout = self.matrix_layout();
                self.matrix.move_by(step, 0, &layout);
            }
            Mode::Normal | Mode::Search => {
                if g.show_timeline && contains(g.timeline, column, row) {
                    let before = self.selected();
                    self.timeline.scroll_by(step);
                    if self.selected() != before {
                        self.entry_changed();
                    }
                } else if g.show_detail && contains(g.detail, column, row) {
                    for _ in 0..WHEEL_STEP {
                        if down {
                            self.detail.down();
                        } else {
                            self.detail.up();
                        }
                    }
                }
            }
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let g = self.geometry();
        if g.too_small || self.mode != Mode::Normal {
            return;
        }
        if g.show_timeline && contains(g.timeline, column, row) {
            self.focus = Focus::Timeline;
            let area = inner(g.timeline);
            if contains(area, column, row) {
                let before = self.selected();
                self.timeline.click(usize::from(row - area.y));
                if self.selected() != before {
                    self.entry_changed();
                }
            }
        } else if g.show_detail && contains(g.detail, column, row) {
            self.focus = Focus::Detail;
            if row == g.detail.y {
                if let Some(tab) = tab_at(g.detail, self.text().tab_names, column)
                    && self.tab != tab
                {
                    self.tab = tab;
                    self.refresh_detail(true);
                }
                return;
            }
            let area = inner(g.detail);
            if contains(area, column, row) {
                let index = self.detail.scroll + usize::from(row - area.y);
                if let Some(line) = self.detail.wrapped.rows.get(index).map(|r| r.line)
                    && self
                        .detail
                        .doc
                        .lines
                        .get(line)
                        .is_some_and(|l| l.selectable)
                {
                    self.detail.cursor = line;
                }
            }
        }
    }
}
