//! The detail pane's state: the document built for the selected entry and tab, wrapped to the
//! pane's width, with a line cursor and a row scroll that keep each other in view.
//!
//! The document builders live in the submodules, one per tab; they are pure functions of the
//! corpus, the index and what the user chose (tab, account, compare, highlight). The `/`
//! search is not part of a document: its matches are painted over the rows drawn, so the Text
//! tab's document is built and wrapped again only when what it shows changes.

mod compare_view;
pub mod overview;
pub mod related;
pub mod text;

use std::ops::Range;

use super::doc::{Doc, Wrapped, wrap_doc};

/// A search match in the document: its line and byte range in that line's joined text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMatch {
    pub line: usize,
    pub range: Range<usize>,
}

/// What the detail pane shows and where the reader is in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailView {
    pub doc: Doc,
    pub wrapped: Wrapped,
    /// The logical line under the cursor.
    pub cursor: usize,
    /// The first row shown.
    pub scroll: usize,
    pub width: usize,
    pub height: usize,
    /// What the document was built from, when it is the Text tab's, and where its paragraphs
    /// are: a refresh asking for the same key keeps the document and its wrapping.
    pub text: Option<(text::TextKey, text::TextLayout)>,
    /// How many times a document has been wrapped into rows (wrapping is linear in the text:
    /// searching and stepping between matches must not do it).
    pub wraps: u64,
}

impl DetailView {
    /// Replaces the document (or re-wraps it for a new size), keeping cursor and scroll where
    /// they still fit.
    pub fn set(&mut self, doc: Doc, width: usize, height: usize) {
        self.wrapped = wrap_doc(&doc, width);
        self.wraps += 1;
        self.doc = doc;
        self.width = width;
        self.text = None;
        self.keep(height);
    }

    /// Keeps the document and its wrapping (the width is unchanged) for a pane `height` rows
    /// tall, keeping cursor and scroll where they still fit.
    pub fn keep(&mut self, height: usize) {
        self.height = height;
        self.cursor = self.cursor.min(self.doc.lines.len().saturating_sub(1));
        if !self.is_selectable(self.cursor) {
            self.cursor = self.next_selectable(self.cursor).unwrap_or(self.cursor);
        }
        self.clamp_scroll();
    }

    /// Back to the top.
    pub fn reset(&mut self) {
        self.cursor = self.first_selectable().unwrap_or(0);
        self.scroll = 0;
    }

    pub fn rows(&self) -> usize {
        self.wrapped.rows.len()
    }

    pub fn max_scroll(&self) -> usize {
        self.rows().saturating_sub(self.height)
    }

    fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn line_rows(&self, line: usize) -> Range<usize> {
        self.wrapped.line_rows.get(line).cloned().unwrap_or(0..0)
    }

    fn is_selectable(&self, line: usize) -> bool {
        self.doc.lines.get(line).is_some_and(|l| l.selectable)
    }

    fn first_selectable(&self) -> Option<usize> {
        self.doc.lines.iter().position(|l| l.selectable)
    }

    fn next_selectable(&self, from: usize) -> Option<usize> {
        (from.saturating_add(1)..self.doc.lines.len()).find(|&i| self.is_selectable(i))
    }

    fn prev_selectable(&self, from: usize) -> Option<usize> {
        (0..from.min(self.doc.lines.len()))
            .rev()
            .find(|&i| self.is_selectable(i))
    }

    /// Scrolls so the cursor line shows: its start when it is taller than the pane and
    /// `from_top`, its end when not `from_top`.
    fn reveal_cursor(&mut self, from_top: bool) {
        let rows = self.line_rows(self.cursor);
        if rows.is_empty() {
            self.clamp_scroll();
            return;
        }
        let visible = self.scroll..self.scroll.saturating_add(self.height);
        if rows.start < visible.start || rows.end > visible.end {
            let tall = rows.len() > self.height;
            self.scroll = if rows.start < visible.start {
                if tall && !from_top {
                    rows.end.saturating_sub(self.height)
                } else {
                    rows.start
                }
            } else if tall && from_top {
                rows.start
            } else {
                rows.end.saturating_sub(self.height)
            };
        }
        // Show the heading just above the first selectable line.
        if self.prev_selectable(self.cursor).is_none() {
            self.scroll = 0;
        }
        self.clamp_scroll();
    }

    /// Puts the cursor on a line and shows it near the top.
    pub fn jump_to(&mut self, line: usize) {
        if line < self.doc.lines.len() {
            self.cursor = line;
            let start = self.line_rows(line).start;
            self.scroll = start.saturating_sub(1);
            self.clamp_scroll();
        }
    }

    /// Shows the row holding byte `at` of `line`, with the cursor on that line.
    pub fn reveal_byte(&mut self, line: usize, at: usize) {
        if line >= self.doc.lines.len() {
            return;
        }
        self.cursor = line;
        let rows = self.line_rows(line);
        // A line's rows start at increasing bytes: a binary search finds the one holding `at`
        // among the hundred thousand rows of a huge paragraph.
        let line_rows = self.wrapped.rows.get(rows.clone()).unwrap_or(&[]);
        let row = rows.start
            + line_rows
                .partition_point(|x| x.start <= at)
                .saturating_sub(1);
        let visible = self.scroll..self.scroll.saturating_add(self.height);
        if !visible.contains(&row) {
            self.scroll = row.saturating_sub(self.height / 3);
        }
        self.clamp_scroll();
    }

    /// One line down; a line taller than the pane scrolls row by row first.
    pub fn down(&mut self) {
        let rows = self.line_rows(self.cursor);
        if rows.end > self.scroll.saturating_add(self.height) && rows.start <= self.scroll {
            self.scroll += 1;
            self.clamp_scroll();
            return;
        }
        match self.next_selectable(self.cursor) {
            Some(next) => {
                self.cursor = next;
                self.reveal_cursor(true);
            }
            None => {
                // Nothing to select below: show the rest of the document.
                self.scroll = self.scroll.saturating_add(1);
                self.clamp_scroll();
            }
        }
    }

    /// One line up; a line taller than the pane scrolls row by row first.
    pub fn up(&mut self) {
        let rows = self.line_rows(self.cursor);
        if rows.start < self.scroll {
            self.scroll -= 1;
            return;
        }
        match self.prev_selectable(self.cursor) {
            Some(prev) => {
                self.cursor = prev;
                self.reveal_cursor(false);
            }
            None => self.scroll = 0,
        }
    }

    /// One page down: scroll, then put the cursor on the first line starting in view.
    pub fn page_down(&mut self) {
        self.scroll_down_by(self.height.max(1));
    }

    pub fn page_up(&mut self) {
        self.scroll_up_by(self.height.max(1));
    }

    /// Half a page down, as Ctrl-D in less and vim.
    pub fn half_page_down(&mut self) {
        self.scroll_down_by((self.height / 2).max(1));
    }

    /// Half a page up, as Ctrl-U in less and vim.
    pub fn half_page_up(&mut self) {
        self.scroll_up_by((self.height / 2).max(1));
    }

    fn scroll_down_by(&mut self, rows: usize) {
        self.scroll = self.scroll.saturating_add(rows).min(self.max_scroll());
        self.cursor_into_view();
    }

    fn scroll_up_by(&mut self, rows: usize) {
        self.scroll = self.scroll.saturating_sub(rows);
        self.cursor_into_view();
    }

    pub fn top(&mut self) {
        self.reset();
    }

    pub fn bottom(&mut self) {
        if let Some(last) = (0..self.doc.lines.len())
            .rev()
            .find(|&i| self.is_selectable(i))
        {
            self.cursor = last;
        }
        self.scroll = self.max_scroll();
    }

    /// Moves the cursor onto a selectable line visible at the current scroll, if any.
    fn cursor_into_view(&mut self) {
        let visible = self.scroll..self.scroll.saturating_add(self.height.max(1));
        let candidate = self
            .wrapped
            .rows
            .get(visible.clone())
            .unwrap_or(&[])
            .iter()
            .map(|r| r.line)
            .find(|&l| self.is_selectable(l) && self.line_rows(l).start >= visible.start)
            .or_else(|| {
                let first = self.wrapped.rows.get(visible.start)?.line;
                self.is_selectable(first).then_some(first)
            });
        if let Some(line) = candidate {
            self.cursor = line;
        }
    }

    /// The rows to draw.
    pub fn visible_rows(&self) -> &[super::doc::Row] {
        let end = self.scroll.saturating_add(self.height).min(self.rows());
        self.wrapped.rows.get(self.scroll..end).unwrap_or(&[])
    }

    /// Puts the cursor and scroll back where they were, clamped to the current document (it
    /// may have changed since: another account, the comparison ended, a resize).
    pub fn restore(&mut self, cursor: usize, scroll: usize) {
        self.cursor = cursor.min(self.doc.lines.len().saturating_sub(1));
        self.scroll = scroll.min(self.max_scroll());
    }

    /// The line under the cursor, if the document has one.
    pub fn cursor_line(&self) -> Option<&super::doc::DocLine> {
        self.doc.lines.get(self.cursor)
    }

    /// Checks the view's own invariants (for tests).
    pub fn check(&self) -> Result<(), String> {
        if self.scroll > self.max_scroll() {
            return Err(format!(
                "detail scroll {} > max {} (rows {}, height {})",
                self.scroll,
                self.max_scroll(),
                self.rows(),
                self.height
            ));
        }
        if !self.doc.lines.is_empty() && self.cursor >= self.doc.lines.len() {
            return Err(format!(
                "detail cursor {} >= lines {}",
                self.cursor,
                self.doc.lines.len()
            ));
        }
        if self.wrapped.line_rows.len() != self.doc.lines.len() {
            return Err("wrapped lines out of step with the document".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
