//! [`App::update`]: the only place state changes. Dispatches on the mode; browsing is here,
//! overlays and prompts in [`overlays`], pointer events in [`mouse`], and the recomputation of
//! derived state (filtered timeline, detail document) in [`refresh`].

mod matrix;
mod mouse;
mod navigate;
mod overlays;
pub(super) use overlays::edit;
mod refresh;

use super::action::{Action, Tab};
use super::cite::source_name;
use super::doc::Target;
use super::layout::Focus;
use super::{App, Mode};
use crate::accounts::text_sources;
use crate::corpus::Citation;
use crate::index::{EntryRef, Filter};

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if std::mem::take(&mut self.detail_stale) {
            self.refresh_detail(true);
        }
        if !matches!(
            action,
            Action::Resize(..) | Action::Suspend | Action::FinderResults { .. }
        ) {
            self.status = None;
        }
        match action {
            Action::Resize(w, h) => self.resize(w, h),
            // The terminal side suspends the process; nothing here changes.
            Action::Suspend => {}
            Action::CopyFailed(error) => {
                self.status = Some(format!("{}: {error}", self.text().across.copy_failed));
            }
            Action::Copied(to) => self.copied(&to),
            Action::Exported(file) => {
                self.status = Some(format!("{} {file}", self.text().status_exported))
            }
            Action::ExportFailed(error) => {
                self.status = Some(format!("{}: {error}", self.text().status_export_failed));
            }
            Action::Quit => self.quit = true,
            Action::FinderResults {
                generation,
                results,
            } => self.finder_results(generation, results),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Click { column, row } => self.click(column, row),
            action => match self.mode {
                Mode::Normal => self.browse(action),
                Mode::Finder => self.finder_action(action),
                Mode::Search => self.search_action(action),
                Mode::Help => self.help_action(action),
                Mode::CorpusSearch => self.corpus_search_action(action),
                Mode::Matrix => self.matrix_action(action),
            },
        }
    }

    fn browse(&mut self, action: Action) {
        match action {
            Action::Down => self.move_in_pane(|a| a.timeline.move_by(1), |a| a.detail.down()),
            Action::Up => self.move_in_pane(|a| a.timeline.move_by(-1), |a| a.detail.up()),
            Action::PageDown => self.move_in_pane(
                |a| {
                    let page = isize::try_from(a.timeline.height.max(1)).unwrap_or(1);
                    a.timeline.move_by(page)
                },
                |a| a.detail.page_down(),
            ),
            Action::PageUp => self.move_in_pane(
                |a| {
                    let page = isize::try_from(a.timeline.height.max(1)).unwrap_or(1);
                    a.timeline.move_by(-page)
                },
                |a| a.detail.page_up(),
            ),
            Action::Top => self.move_in_pane(|a| a.timeline.select(0), |a| a.detail.top()),
            Action::Bottom => {
                self.move_in_pane(|a| a.timeline.select(usize::MAX), |a| a.detail.bottom())
            }
            Action::SwitchPane => {
                self.focus = match self.focus {
                    Focus::Timeline => Focus::Detail,
                    Focus::Detail => Focus::Timeline,
                }
            }
            Action::FocusTimeline => self.focus = Focus::Timeline,
            Action::FocusDetail => self.focus = Focus::Detail,
            Action::SelectTab(tab) => self.show_tab(tab),
            Action::NextTab => self.show_tab(Tab::ALL[(self.tab.position() + 1) % 3]),
            Action::PrevTab => self.show_tab(Tab::ALL[(self.tab.position() + 2) % 3]),
            Action::Activate => self.activate(),
            Action::ClearFilter => self.clear(),
            Action::SwitchAccount => self.switch_account(),
            Action::ToggleCompare => self.toggle_compare(),
            Action::Copy => self.copy(false),
            Action::CopyToFile => self.copy(true),
            Action::Export => self.export(),
            Action::OpenFinder => self.open_finder(),
            Action::OpenHelp => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::StartSearch if self.focus == Focus::Timeline => self.open_corpus_search(),
            Action::StartSearch => self.start_search(),
            Action::NextMatch if self.walking_hits() => self.step_hit(true),
            Action::PrevMatch if self.walking_hits() => self.step_hit(false),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            // Navigation habits.
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::HalfPageDown => self.move_in_pane(
                |a| a.timeline.move_by(a.timeline.half_page()),
                |a| a.detail.half_page_down(),
            ),
            Action::HalfPageUp => self.move_in_pane(
                |a| a.timeline.move_by(-a.timeline.half_page()),
                |a| a.detail.half_page_up(),
            ),
            Action::OpenMatrix => self.open_matrix(),
            _ => {}
        }
    }

    /// Runs the timeline or detail motion depending on focus; a new timeline selection
    /// rebuilds the detail.
    fn move_in_pane(&mut self, timeline: impl FnOnce(&mut App), detail: impl FnOnce(&mut App)) {
        match self.focus {
            Focus::Timeline => {
                let before = self.selected();
                timeline(self);
                if self.selected() != before {
                    self.entry_changed();
                }
            }
            Focus::Detail => detail(self),
        }
    }

    /// A different entry is selected: back to its first account, no highlight, top of the tab.
    pub(super) fn entry_changed(&mut self) {
        self.account = 0;
        self.highlight = None;
        self.search.current = 0;
        self.refresh_detail(true);
    }

    fn activate(&mut self) {
        if self.focus == Focus::Timeline {
            // Opening the entry is a jump: Back returns to the timeline.
            self.record_jump();
            self.focus = Focus::Detail;
            return;
        }
        match self.detail.cursor_line().and_then(|l| l.target.clone()) {
            Some(Target::Cite(c)) => {
                if self.tab == Tab::Text && !self.compare {
                    // Already in the text: mark the paragraph under the cursor.
                    self.highlight = Some(c);
                    self.refresh_detail(false);
                } else {
                    self.jump_to_citation(&c);
                }
            }
            Some(Target::Entry(e)) => self.jump_to_entry(e),
            None => self.status = Some(self.text().status_no_citation.into()),
        }
    }

    /// Shows a cited paragraph in the Text tab, switching account as needed, highlighted.
    pub(super) fn jump_to_citation(&mut self, c: &Citation) {
        self.show_citation(c, true);
    }

    /// Opens `entry` at the cited paragraph: one jump, so Back returns to where it began (not
    /// to the entry's Overview on the way). A search hit and a matrix cell open this way.
    pub(super) fn jump_to_cited_paragraph(&mut self, entry: EntryRef, c: &Citation) {
        self.record_jump();
        if self.selected() != Some(entry) {
            self.select_entry(entry);
        }
        self.show_citation(c, false);
    }

    /// [`Self::jump_to_citation`], leaving a place in the history when `record`.
    pub(super) fn show_citation(&mut self, c: &Citation, record: bool) {
        let Some(entry) = self.selected() else {
            return;
        };
        let sources = text_sources(&self.corpus, entry);
        let Some(pos) = sources.iter().position(|s| s.id == c.source) else {
            self.status = Some(self.text().status_not_in_text.into());
            return;
        };
        if record {
            self.record_jump();
        }
        self.remember_tab_view();
        self.account = pos;
        self.compare = false;
        self.tab = Tab::Text;
        self.focus = Focus::Detail;
        self.highlight = Some(c.clone());
        self.refresh_detail(true);
        if let Some(&line) = c
            .paragraph
            .and_then(|p| usize::try_from(p).ok()?.checked_sub(1))
            .and_then(|p| self.paragraph_lines.get(p))
        {
            self.detail.jump_to(line);
        }
    }

    /// Selects an entry (clearing the filter when it hides it) and shows its Overview: a jump.
    pub(super) fn jump_to_entry(&mut self, entry: EntryRef) {
        self.record_jump();
        self.select_entry(entry);
    }

    /// Selects `entry` in the timeline, clearing the filter (and saying so) when it hides it.
    pub(super) fn select_in_timeline(&mut self, entry: EntryRef) {
        if !self.filtered.contains(&entry) {
            self.filter = Filter::default();
            self.refilter();
            self.status = Some(self.text().status_filter_cleared.into());
        }
        if let Some(pos) = self.filtered.iter().position(|e| *e == entry) {
            self.timeline.select(pos);
        }
    }

    /// Selects an entry (clearing the filter when it hides it) and shows its Overview,
    /// leaving no place in the history.
    pub(super) fn select_entry(&mut self, entry: EntryRef) {
        self.remember_tab_view();
        self.select_in_timeline(entry);
        self.tab = Tab::Overview;
        self.focus = Focus::Detail;
        self.entry_changed();
    }

    /// Esc: the search and highlight first, then the filter.
    fn clear(&mut self) {
        if self.search.active() || self.highlight.is_some() || self.corpus_search.kept {
            self.search.clear();
            self.corpus_search.kept = false;
            self.highlight = None;
            self.status = Some(self.text().status_search_cleared.into());
            self.refresh_detail(false);
        } else if !self.filter.is_empty() {
            self.filter = Filter::default();
            self.refilter();
            self.status = Some(self.text().status_filter_cleared.into());
        } else {
            self.status = Some(self.text().status_no_filter.into());
        }
    }

    fn switch_account(&mut self) {
        let Some(entry) = self.selected() else {
            return;
        };
        let sources = text_sources(&self.corpus, entry);
        if sources.len() < 2 {
            self.status = Some(self.text().status_one_account.into());
            return;
        }
        self.account = (self.account + 1) % sources.len();
        self.highlight = None;
        self.tab = Tab::Text;
        self.focus = Focus::Detail;
        if let Some(s) = sources.get(self.account) {
            self.status = Some((self.text().showing_account)(&source_name(
                &self.corpus,
                self.text(),
                s,
            )));
        }
        self.refresh_detail(true);
    }

    fn toggle_compare(&mut self) {
        let Some(entry) = self.selected() else {
            return;
        };
        let sources = text_sources(&self.corpus, entry);
        if sources.iter().filter(|s| s.account).count() < 2 {
            self.status = Some(self.text().status_one_account.into());
            return;
        }
        if !sources.get(self.account).is_some_and(|s| s.account) {
            self.account = 0;
        }
        self.compare = !self.compare;
        self.search.clear();
        self.tab = Tab::Text;
        self.focus = Focus::Detail;
        self.refresh_detail(true);
    }

    /// Prepares the briefing note of the selected meeting; the terminal side writes it.
    fn export(&mut self) {
        match self.selected() {
            Some(EntryRef::Meeting(i)) => {
                let note = crate::briefing::meeting_note(&self.corpus, &self.index, i, self.today);
                let file = format!("entente-{}.md", self.corpus.meetings[i].id);
                self.pending_export = Some((file, note));
            }
            _ => self.status = Some(self.text().status_nothing_to_export.into()),
        }
    }

    /// `y` (or `Y`, to a file): the fact, paragraph or entry under the cursor with one
    /// readable citation, left for the terminal side to deliver.
    fn copy(&mut self, to_file: bool) {
        let text = match self.focus {
            Focus::Timeline => self.selected().map(|e| self.entry_summary(e)),
            Focus::Detail => self
                .hit_sentence_copy()
                .or_else(|| self.detail.cursor_line().and_then(|l| l.copy.clone())),
        };
        match text {
            Some(t) if !t.is_empty() => {
                self.last_copy.clone_from(&t);
                self.pending_copy = Some(super::PendingCopy { text: t, to_file });
            }
            _ => self.status = Some(self.text().status_nothing_to_copy.into()),
        }
    }

    /// The terminal side delivered the copy: say where, and its first words.
    fn copied(&mut self, to: &super::action::CopyDestination) {
        use super::action::CopyDestination;
        let words = &self.text().across;
        let destination = match to {
            CopyDestination::Osc52 => words.to_osc52.to_string(),
            CopyDestination::TmuxAndOsc52 => words.to_tmux.to_string(),
            CopyDestination::File(name) => format!("{} {name}", words.to_file),
        };
        let preview = super::cite::preview(&self.last_copy, COPY_PREVIEW_CHARS);
        self.status = Some((words.copied)(&destination, &preview));
    }

    /// "7th EU–ROK Cyber Dialogue — 20 May 2025, Seoul — Publisher, “Title”, …": the date
    /// and place with their qualifiers, one readable citation.
    fn entry_summary(&self, entry: EntryRef) -> String {
        crate::facts::of_entry(&self.corpus, entry)
            .map(|f| super::cite::copy_entry(&self.corpus, &f))
            .unwrap_or_default()
    }
}

/// Characters of copied text the status line repeats.
const COPY_PREVIEW_CHARS: usize = 32;

#[cfg(test)]
mod tests;
