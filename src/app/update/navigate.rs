//! Moving through places: recording the place a jump leaves in the history
//! ([`crate::app::history`]), going back and forward, and remembering where each detail tab
//! was left so that switching tabs keeps each tab's scroll.

use crate::app::App;
use crate::app::action::Tab;
use crate::app::history::{Place, TabView};

impl App {
    /// The place the reader is at now.
    pub(in crate::app) fn here(&self) -> Place {
        Place {
            entry: self.selected(),
            filter: self.filter.clone(),
            timeline_scroll: self.timeline.scroll,
            focus: self.focus,
            tab: self.tab,
            account: self.account,
            compare: self.compare,
            highlight: self.highlight.clone(),
            cursor: self.detail.cursor,
            scroll: self.detail.scroll,
        }
    }

    /// A jump is about to leave the current place: remember it for Back.
    pub(in crate::app) fn record_jump(&mut self) {
        let here = self.here();
        self.history.push(here);
    }

    /// Records `place` as the one a jump left (a search hit leaves where the search began).
    pub(in crate::app) fn record_place(&mut self, place: Place) {
        self.history.push(place);
    }

    /// Back to the place the last jump left.
    pub(super) fn go_back(&mut self) {
        let here = self.here();
        match self.history.back(here) {
            Some(place) => self.go_to(place),
            None => self.status = Some(self.text().status_history_start.into()),
        }
    }

    /// Forward again, undoing a Back.
    pub(super) fn go_forward(&mut self) {
        let here = self.here();
        match self.history.forward(here) {
            Some(place) => self.go_to(place),
            None => self.status = Some(self.text().status_history_end.into()),
        }
    }

    /// Puts the browser back at a place: its filter, entry, tab, account and lines. An entry
    /// the filter of the place hides (the corpus does not change, so only a filter can) shows
    /// with the filter cleared, as a jump to it would.
    fn go_to(&mut self, place: Place) {
        self.remember_tab_view();
        if self.filter != place.filter {
            self.filter = place.filter;
            self.refilter();
        }
        if let Some(entry) = place.entry {
            self.select_in_timeline(entry);
        }
        self.timeline.restore_scroll(place.timeline_scroll);
        self.focus = place.focus;
        self.tab = place.tab;
        self.account = place.account;
        self.compare = place.compare;
        self.highlight = place.highlight;
        self.search.current = 0;
        self.refresh_detail(false);
        self.detail.restore(place.cursor, place.scroll);
    }

    /// The view of the detail document shown now, keyed by what it shows.
    fn tab_view(&self) -> TabView {
        TabView {
            entry: self.selected(),
            account: self.account,
            compare: self.compare,
            cursor: self.detail.cursor,
            scroll: self.detail.scroll,
        }
    }

    /// Remembers where the current tab is, before leaving it.
    pub(in crate::app) fn remember_tab_view(&mut self) {
        let view = self.tab_view();
        if let Some(slot) = self.tab_views.get_mut(self.tab.position()) {
            *slot = Some(view);
        }
    }

    /// Shows a tab: at the lines it was left at when it shows the same document, else at its
    /// top. Switching tab is a jump, so Back returns to the tab left.
    pub(super) fn show_tab(&mut self, tab: Tab) {
        self.focus = crate::app::Focus::Detail;
        if self.tab == tab {
            return;
        }
        self.record_jump();
        self.remember_tab_view();
        self.tab = tab;
        self.refresh_detail(true);
        let current = self.tab_view();
        // Only the Text tab's document depends on the account and the comparison.
        if let Some(Some(saved)) = self.tab_views.get(tab.position())
            && saved.entry == current.entry
            && (tab != Tab::Text
                || saved.account == current.account && saved.compare == current.compare)
        {
            let (cursor, scroll) = (saved.cursor, saved.scroll);
            self.detail.restore(cursor, scroll);
        }
    }
}
