//! Transitions while an overlay or prompt is open: the finder (query editing, moving, kind
//! cycling, picking), the search prompt (incremental matches, n/N) and the help overlay.

use crate::app::action::{Action, Tab};
use crate::app::input::LineInput;
use crate::app::layout::Focus;
use crate::app::{App, Mode, help};
use crate::index::EntryRef;

/// Applies an editing action to an input line; true when the text changed.
pub(in crate::app) fn edit(input: &mut LineInput, action: &Action) -> bool {
    let before = input.text().len();
    let old = input.text().to_string();
    match action {
        Action::Insert(c) => input.insert(*c),
        Action::Paste(s) => input.insert_str(s),
        Action::Backspace => input.backspace(),
        Action::DeleteForward => input.delete(),
        Action::DeleteWord => input.delete_word(),
        Action::ClearInput => input.clear(),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::CursorHome => input.home(),
        Action::CursorEnd => input.end(),
        _ => return false,
    }
    input.text().len() != before || input.text() != old
}

impl App {
    pub(in crate::app) fn open_finder(&mut self) {
        self.mode = Mode::Finder;
        self.finder.pick_when_ready = false;
        self.finder.input.clear();
        self.run_finder();
    }

    fn finder_list_height(&self) -> usize {
        usize::from(self.geometry().finder().list.height)
    }

    fn run_finder(&mut self) {
        match self.matcher.ask(self.finder.input.text()) {
            Some(results) => {
                self.finder.searching = false;
                self.finder
                    .accept_results(results, self.matcher.candidates());
            }
            None => self.finder.searching = true,
        }
    }

    /// Results from a background worker: taken only when they answer the newest query.
    pub(super) fn finder_results(
        &mut self,
        generation: u64,
        results: crate::search::fuzzy::Results,
    ) {
        if !self.matcher.is_current(generation) {
            return;
        }
        self.finder.searching = false;
        self.finder
            .accept_results(results, self.matcher.candidates());
        if std::mem::take(&mut self.finder.pick_when_ready) && self.mode == Mode::Finder {
            self.pick();
        }
    }

    pub(super) fn finder_action(&mut self, action: Action) {
        let height = self.finder_list_height();
        let page = isize::try_from(height.max(1)).unwrap_or(1);
        match action {
            Action::Close | Action::Quit => {
                self.finder.pick_when_ready = false;
                self.mode = Mode::Normal;
            }
            Action::Accept if self.finder.searching => self.finder.pick_when_ready = true,
            Action::Accept => self.pick(),
            Action::Down => self.finder.move_by(1, height),
            Action::Up => self.finder.move_by(-1, height),
            Action::PageDown => self.finder.move_by(page, height),
            Action::PageUp => self.finder.move_by(-page, height),
            Action::NextKind | Action::PrevKind => {
                self.finder.cycle_kind(action == Action::NextKind);
                self.run_finder();
            }
            other => {
                if edit(&mut self.finder.input, &other) {
                    self.run_finder();
                }
            }
        }
    }

    /// Acts on the selected finder row: filter by a topic, organisation, person or place and
    /// select the first meeting; jump to a meeting.
    fn pick(&mut self) {
        self.mode = Mode::Normal;
        let Some(row) = self.finder.rows.get(self.finder.selected) else {
            return;
        };
        let index = row.candidate;
        let Some(cand) = self
            .matcher
            .candidates()
            .get(index)
            .map(|c| c.to_candidate())
        else {
            return;
        };
        self.finder.remember(index);
        match cand.kind.facet() {
            Some(facet) => {
                // Filtering by the pick is a jump: Back restores the filter and the place.
                self.record_jump();
                self.filter.set_facet(facet, cand.id);
            }
            None => {
                if let Some(e) = self.index.entry(&cand.id) {
                    self.jump_to_entry(e);
                }
                return;
            }
        }
        self.refilter();
        let first = self
            .filtered
            .iter()
            .position(|e| matches!(e, EntryRef::Meeting(_)))
            .unwrap_or(0);
        let before = self.selected();
        self.timeline.select(first);
        if self.selected() != before {
            self.entry_changed();
        }
        self.focus = Focus::Timeline;
    }

    pub(in crate::app) fn start_search(&mut self) {
        if self.selected().is_none() {
            return;
        }
        // The search runs in the single-account text: leave the comparison first, so the view
        // saved below (and restored on cancel) belongs to the document searched.
        let was_comparing = self.compare;
        self.compare = false;
        self.focus = Focus::Detail;
        if self.tab != Tab::Text || was_comparing {
            self.tab = Tab::Text;
            self.refresh_detail(true);
        }
        self.search.clear();
        self.search.saved = Some((self.detail.cursor, self.detail.scroll));
        self.search.origin = self.account;
        self.search.typing = true;
        self.mode = Mode::Search;
        self.refresh_detail(false);
    }

    pub(super) fn search_action(&mut self, action: Action) {
        match action {
            Action::Close | Action::Quit => {
                let saved = self.search.saved;
                let origin = self.search.origin;
                self.search.clear();
                self.mode = Mode::Normal;
                self.account = origin;
                self.refresh_detail(false);
                if let Some((cursor, scroll)) = saved {
                    self.detail.restore(cursor, scroll);
                    self.refresh_detail(false);
                }
            }
            Action::Accept => {
                self.mode = Mode::Normal;
                self.search.typing = false;
                if !self.search.active() {
                    self.search.clear();
                } else if let Some((cursor, scroll)) = self.search.saved {
                    // A search hit is a jump: Back returns to where the search began.
                    let place = crate::app::history::Place {
                        cursor,
                        scroll,
                        account: self.search.origin,
                        ..self.here()
                    };
                    self.record_place(place);
                }
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            other => {
                if edit(&mut self.search.input, &other) {
                    self.search.current = 0;
                    // Each edit searches again from where the search started.
                    let origin = self.search.origin;
                    if self.account != origin {
                        self.account = origin;
                        self.highlight = None;
                        self.refresh_detail(false);
                        if let Some((cursor, scroll)) = self.search.saved {
                            self.detail.restore(cursor, scroll);
                        }
                    }
                    self.refresh_detail(false);
                    if self.search.matches.is_empty()
                        && let Some(account) = self.search.account_after(origin, true)
                    {
                        // Not in this account: show the next one that has it.
                        self.show_match_in(account, 0);
                        return;
                    }
                    let from = self.search.saved.map_or(0, |(cursor, _)| cursor);
                    // Matches are in line order: the first at or after `from`, else the first.
                    let matches = &self.search.matches;
                    let first = Some(matches.partition_point(|m| m.line < from))
                        .filter(|&k| k < matches.len())
                        .unwrap_or(0);
                    if first != 0 {
                        self.search.current = first;
                        self.refresh_detail(false);
                    }
                    match (self.search.matches.is_empty(), self.search.saved) {
                        // Nothing matches (yet): back to where the search started.
                        (true, Some((cursor, scroll))) => {
                            self.detail.restore(cursor, scroll);
                        }
                        _ => self.reveal_match(),
                    }
                }
            }
        }
    }

    /// n / N: the next or previous match, wrapping, shown in the Text tab.
    pub(in crate::app) fn step_match(&mut self, forward: bool) {
        if !self.search.active() {
            self.status = Some(self.text().status_no_search.into());
            return;
        }
        if self.tab != Tab::Text || self.compare {
            self.tab = Tab::Text;
            self.compare = false;
            self.focus = Focus::Detail;
            self.refresh_detail(true);
            if self.search.matches.is_empty()
                && let Some(account) = self.search.account_after(self.account, forward)
            {
                self.show_match_in(account, 0);
                return;
            }
        } else {
            self.step_across_accounts(forward);
            return;
        }
        self.reveal_match();
    }

    /// The next (previous) match in this account, else the first (last) one of the next
    /// (previous) account holding any, wrapping around.
    fn step_across_accounts(&mut self, forward: bool) {
        if self.search.counts.is_empty() {
            // No counts (not the single-account view): wrap inside the document.
            self.search.step(forward);
            self.refresh_detail(false);
            self.reveal_match();
            return;
        }
        let here = self.search.matches.len();
        let current = self.search.current;
        let within = if forward {
            (current + 1 < here).then(|| current + 1)
        } else {
            (here > 0 && current > 0).then(|| current - 1)
        };
        if let Some(next) = within {
            self.search.current = next;
            self.refresh_detail(false);
            self.reveal_match();
            return;
        }
        let Some(account) = self.search.account_after(self.account, forward) else {
            self.search.current = 0;
            self.refresh_detail(false);
            return;
        };
        let count = self.search.counts.get(account).copied().unwrap_or(0);
        let index = if forward { 0 } else { count.saturating_sub(1) };
        self.show_match_in(account, index);
    }

    /// Shows match `index` of `account`'s text, switching to that account when needed.
    fn show_match_in(&mut self, account: usize, index: usize) {
        let switched = account != self.account;
        if switched {
            self.account = account;
            self.highlight = None;
        }
        self.search.current = index;
        self.refresh_detail(switched);
        self.reveal_match();
    }

    fn reveal_match(&mut self) {
        if let Some(m) = self.search.matches.get(self.search.current) {
            let (line, at) = (m.line, m.range.start);
            self.detail.reveal_byte(line, at);
        }
    }

    pub(super) fn help_action(&mut self, action: Action) {
        let height = self.geometry().help_rows();
        let max = help::max_scroll(height);
        let s = self.help_scroll;
        self.help_scroll = match action {
            Action::Close | Action::OpenHelp | Action::Quit => {
                self.mode = Mode::Normal;
                0
            }
            Action::Down => s.saturating_add(1),
            Action::Up => s.saturating_sub(1),
            Action::HalfPageDown => s.saturating_add((height / 2).max(1)),
            Action::HalfPageUp => s.saturating_sub((height / 2).max(1)),
            Action::PageDown => s.saturating_add(height.max(1)),
            Action::PageUp => s.saturating_sub(height.max(1)),
            Action::Top => 0,
            Action::Bottom => max,
            _ => s,
        }
        .min(max);
    }
}
