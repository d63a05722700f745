//! The timeline pane's state: the filtered entries grouped under year headings, the selected
//! entry and the scroll that keeps it (and its year heading) in view.
//!
//! The year heading is sticky: when the top row shown is an entry (its heading has scrolled
//! away), the pane's first row shows that entry's year and the entries shift down a row
//! under it, so the year of the top entry is always in view.

use crate::corpus::Corpus;
use crate::index::EntryRef;

use super::format;

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineRow {
    /// A year heading ("2025", or "Undated"); not selectable.
    Year(String),
    /// An entry, by its index in the filtered list.
    Entry(usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineView {
    pub rows: Vec<TimelineRow>,
    /// The row of each filtered entry.
    row_of: Vec<usize>,
    /// Index into the filtered list (0 when it is empty).
    pub selected: usize,
    /// The first row shown.
    pub scroll: usize,
    pub height: usize,
    /// An entry to keep in view below the selection until the selection moves (the upcoming
    /// events at launch).
    also: Option<usize>,
}

impl TimelineView {
    /// Rebuilds the rows for a new filtered list; the selection is clamped.
    pub fn rebuild(&mut self, corpus: &Corpus, filtered: &[EntryRef], undated: &str) {
        self.rows.clear();
        self.also = None;
        self.row_of.clear();
        let mut year: Option<Option<String>> = None;
        for (i, entry) in filtered.iter().enumerate() {
            let y = format::year(format::entry_date(corpus, *entry));
            if year.as_ref() != Some(&y) {
                let heading = y.clone().unwrap_or_else(|| undated.to_string());
                self.rows.push(TimelineRow::Year(heading));
                year = Some(y);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(TimelineRow::Entry(i));
        }
        self.selected = self.selected.min(filtered.len().saturating_sub(1));
        self.reveal();
    }

    pub fn set_height(&mut self, height: usize) {
        self.height = height;
        self.reveal();
    }

    /// Selects a filtered index (clamped) and scrolls it into view.
    pub fn select(&mut self, index: usize) {
        self.also = None;
        self.selected = index.min(self.row_of.len().saturating_sub(1));
        self.reveal();
    }

    /// Moves the selection by `delta` entries.
    pub fn move_by(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta));
    }

    pub fn len(&self) -> usize {
        self.row_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.row_of.is_empty()
    }

    /// The selected entry's row.
    pub fn selected_row(&self) -> Option<usize> {
        self.row_of.get(self.selected).copied()
    }

    /// Whether a sticky year heading shows when the pane's first row is `scroll`: that row
    /// is an entry (its year heading is above, out of view) and the pane has room for a
    /// heading and an entry.
    fn sticky_at(&self, scroll: usize) -> bool {
        self.height >= 2 && matches!(self.rows.get(scroll), Some(TimelineRow::Entry(_)))
    }

    /// Rows shown from `scroll` on: the pane's height, less the sticky heading's row.
    fn capacity_at(&self, scroll: usize) -> usize {
        self.height - usize::from(self.sticky_at(scroll))
    }

    /// The rows shown, from the first (under the sticky heading, if one shows).
    pub fn visible(&self) -> std::ops::Range<usize> {
        let end = self.scroll.saturating_add(self.capacity_at(self.scroll));
        self.scroll..end.min(self.rows.len())
    }

    /// The first row to show with the last row in view, the sticky heading included.
    fn max_scroll(&self) -> usize {
        let max = self.rows.len().saturating_sub(self.height);
        if self.sticky_at(max) && max < self.rows.len().saturating_sub(1) {
            max + 1
        } else {
            max
        }
    }

    /// The first row to show so that `row` is in view at the top: its year heading when that
    /// is the row above (and the pane has room for both), else the row itself (under the
    /// sticky heading of its year).
    fn top_for(&self, row: usize) -> usize {
        if self.height >= 2
            && row > 0
            && matches!(self.rows.get(row - 1), Some(TimelineRow::Year(_)))
        {
            row - 1
        } else {
            row
        }
    }

    /// The first row to show so that `row` is in view at the bottom.
    fn bottom_for(&self, row: usize) -> usize {
        let scroll = row.saturating_add(1).saturating_sub(self.height.max(1));
        if self.sticky_at(scroll) {
            (scroll + 1).min(row)
        } else {
            scroll
        }
    }

    /// The year of the top row, shown sticky on the pane's first row when that row is an
    /// entry whose heading has scrolled away; the entries shift down a row under it.
    pub fn sticky_year(&self) -> Option<&str> {
        if !self.sticky_at(self.scroll) {
            return None;
        }
        self.rows
            .get(..self.scroll)?
            .iter()
            .rev()
            .find_map(|r| match r {
                TimelineRow::Year(y) => Some(y.as_str()),
                TimelineRow::Entry(_) => None,
            })
    }

    /// Half the pane in entries (at least one), for Ctrl-D and Ctrl-U.
    pub fn half_page(&self) -> isize {
        isize::try_from((self.height / 2).max(1)).unwrap_or(1)
    }

    /// Puts the scroll back where a place left it, as far as the rows and the selection allow.
    pub fn restore_scroll(&mut self, scroll: usize) {
        self.also = None;
        self.scroll = scroll.min(self.max_scroll());
        self.reveal();
    }

    /// Rows below the last one shown.
    pub fn more_below(&self) -> bool {
        self.rows.len() > self.visible().end
    }

    fn reveal(&mut self) {
        if let Some(row) = self.selected_row() {
            if self.top_for(row) < self.scroll {
                self.scroll = self.top_for(row);
            } else if !self.visible().contains(&row) {
                self.scroll = self.bottom_for(row);
            }
        }
        if let (Some(selected), Some(&also)) = (
            self.selected_row(),
            self.also.and_then(|i| self.row_of.get(i)),
        ) && self.height > 0
            && also >= self.visible().end
        {
            // Scroll down to the kept entry, but never past the selection's own row.
            self.scroll = self.bottom_for(also).min(self.top_for(selected));
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Keeps entry `index` in view too, as far as the selection allows, until the selection
    /// moves.
    pub fn keep_in_view(&mut self, index: Option<usize>) {
        self.also = index;
        self.reveal();
    }

    /// Selects the entry shown at a screen row of the pane (for mouse clicks).
    pub fn click(&mut self, visible_row: usize) {
        let sticky = usize::from(self.sticky_at(self.scroll));
        let Some(offset) = visible_row.checked_sub(sticky) else {
            return;
        };
        if let Some(TimelineRow::Entry(i)) = self.rows.get(self.scroll.saturating_add(offset)) {
            self.select(*i);
        }
    }

    /// Scrolls by `delta` rows without moving the selection (mouse wheel), then pulls the
    /// selection into view.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
        if let Some(row) = self.selected_row() {
            let visible = self.visible();
            if !visible.contains(&row) {
                let target = if row < visible.start {
                    visible.start
                } else {
                    visible.end.saturating_sub(1)
                };
                // The nearest entry in view (never one under the sticky heading), else the
                // nearest of all.
                let nearest_of = |in_view: bool| {
                    self.row_of
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| !in_view || visible.contains(r))
                        .min_by_key(|(_, r)| r.abs_diff(target))
                        .map(|(i, _)| i)
                };
                let nearest = nearest_of(true).or_else(|| nearest_of(false));
                if let Some(i) = nearest {
                    let keep = self.scroll;
                    self.selected = i;
                    self.reveal();
                    // Revealing may pull the view back; prefer where the wheel put it.
                    if self.selected_row().is_some_and(|r| visible.contains(&r)) {
                        self.scroll = keep;
                    }
                }
            }
        }
    }

    /// Checks the view's invariants against the filtered length (for tests).
    pub fn check(&self, filtered: usize) -> Result<(), String> {
        if self.row_of.len() != filtered {
            return Err(format!(
                "timeline has {} entries, filter {}",
                self.row_of.len(),
                filtered
            ));
        }
        if filtered == 0 && self.selected != 0 || filtered > 0 && self.selected >= filtered {
            return Err(format!(
                "timeline selection {} of {}",
                self.selected, filtered
            ));
        }
        if self.scroll > self.max_scroll() {
            return Err(format!(
                "timeline scroll {} > {}",
                self.scroll,
                self.max_scroll()
            ));
        }
        if let Some(row) = self.selected_row()
            && self.height > 0
            && !self.visible().contains(&row)
        {
            return Err(format!(
                "selected row {row} not in view {:?} (height {})",
                self.visible(),
                self.height
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "2019", entry 0, "2020", entry 1, entry 2.
    fn view(height: usize) -> TimelineView {
        let mut v = TimelineView {
            rows: vec![
                TimelineRow::Year("2019".into()),
                TimelineRow::Entry(0),
                TimelineRow::Year("2020".into()),
                TimelineRow::Entry(1),
                TimelineRow::Entry(2),
            ],
            row_of: vec![1, 3, 4],
            ..TimelineView::default()
        };
        v.set_height(height);
        v.select(2);
        v
    }

    #[test]
    fn moving_up_shows_the_year_heading_when_there_is_room() {
        let mut v = view(3);
        v.move_by(-1);
        assert_eq!((v.selected, v.scroll), (1, 2));
        v.check(3).unwrap();
    }

    #[test]
    fn a_one_row_pane_keeps_the_selection_itself_in_view() {
        // Found by the property tests (a 1x5 terminal, PageUp): the heading took the only row.
        let mut v = view(1);
        for _ in 0..2 {
            v.move_by(-1);
            v.check(3).unwrap();
        }
        assert_eq!((v.selected, v.scroll), (0, 1));
    }

    /// "2019", entries 0 to 2, "2020", entry 3.
    fn one_long_year(height: usize) -> TimelineView {
        let mut v = TimelineView {
            rows: vec![
                TimelineRow::Year("2019".into()),
                TimelineRow::Entry(0),
                TimelineRow::Entry(1),
                TimelineRow::Entry(2),
                TimelineRow::Year("2020".into()),
                TimelineRow::Entry(3),
            ],
            row_of: vec![1, 2, 3, 5],
            ..TimelineView::default()
        };
        v.set_height(height);
        v
    }

    #[test]
    fn the_year_of_the_top_entry_stays_in_view_above_it() {
        let mut v = one_long_year(3);
        assert_eq!((v.scroll, v.sticky_year()), (0, None));
        v.select(2);
        // "2019" (sticky), entry 1, entry 2: the entries shift down under the heading.
        assert_eq!((v.scroll, v.sticky_year()), (2, Some("2019")));
        assert_eq!(v.visible(), 2..4);
        assert!(v.more_below());
        v.check(4).unwrap();
        // A click on the sticky heading selects nothing; the row under it is entry 1.
        v.click(0);
        assert_eq!(v.selected, 2);
        v.click(1);
        assert_eq!(v.selected, 1);
        // At the end the last row shows, the sticky heading included.
        v.select(3);
        assert_eq!(v.visible().end, 6);
        assert!(!v.more_below());
        v.check(4).unwrap();
        // One row: no room for a heading.
        let mut v = one_long_year(1);
        v.select(2);
        assert_eq!((v.sticky_year(), v.visible()), (None, 3..4));
    }

    /// "2019", entry 0, "2020", entry 1, "2021", entry 2, "Undated", entry 3.
    fn long_view(height: usize) -> TimelineView {
        let mut v = TimelineView {
            rows: vec![
                TimelineRow::Year("2019".into()),
                TimelineRow::Entry(0),
                TimelineRow::Year("2020".into()),
                TimelineRow::Entry(1),
                TimelineRow::Year("2021".into()),
                TimelineRow::Entry(2),
                TimelineRow::Year("Undated".into()),
                TimelineRow::Entry(3),
            ],
            row_of: vec![1, 3, 5, 7],
            ..TimelineView::default()
        };
        v.select(1);
        v.keep_in_view(Some(3));
        v.set_height(height);
        v
    }

    #[test]
    fn at_launch_an_upcoming_entry_below_the_selection_is_scrolled_into_view() {
        // Rows 2..=7 shown: the selection's heading, the selection, and the upcoming entry.
        let v = long_view(6);
        assert_eq!((v.selected, v.scroll), (1, 2));
        // Too short for both: the selection (with its heading) wins.
        let v = long_view(2);
        assert_eq!((v.selected, v.scroll), (1, 2));
        // Moving the selection lets the pane scroll as usual again.
        let mut v = long_view(6);
        v.move_by(-1);
        assert_eq!(v.also, None);
        assert_eq!(v.scroll, 0);
    }
}
