//! Where the reader has been: a bounded back/forward list of places, as in vim's jump list,
//! less's marks and a browser's history. Every jump (opening an entry, following a related
//! meeting or a citation, a finder pick, a search hit, switching tab) records the place it
//! leaves; back and forward walk the list. A new jump after going back drops the places ahead,
//! as a browser does.
//!
//! The list is generic over what a place holds, so its rules are tested apart from the app;
//! the app's place is [`Place`].

use std::collections::VecDeque;

use super::action::Tab;
use super::layout::Focus;
use crate::corpus::Citation;
use crate::index::{EntryRef, Filter};

/// How many places back the history keeps; the oldest goes first.
pub const HISTORY_LIMIT: usize = 100;

/// Everything needed to put the browser back where the reader was.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The selected entry (none when the filtered timeline was empty).
    pub entry: Option<EntryRef>,
    /// The timeline filter then in force.
    pub filter: Filter,
    /// The first timeline row shown.
    pub timeline_scroll: usize,
    pub focus: Focus,
    pub tab: Tab,
    /// Index into the entry's text sources.
    pub account: usize,
    pub compare: bool,
    /// The cited paragraph marked in the text, if any.
    pub highlight: Option<Citation>,
    /// The detail pane's cursor line and first row shown.
    pub cursor: usize,
    pub scroll: usize,
}

/// Where a detail tab was left, so that coming back to the tab of the same document finds
/// the same lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabView {
    /// The document the view belongs to: entry, account, comparison.
    pub entry: Option<EntryRef>,
    pub account: usize,
    pub compare: bool,
    pub cursor: usize,
    pub scroll: usize,
}

/// Places behind and ahead of the current one.
#[derive(Debug, Clone)]
pub struct History<P> {
    back: VecDeque<P>,
    forward: Vec<P>,
    limit: usize,
}

impl<P: PartialEq> Default for History<P> {
    fn default() -> Self {
        History::with_limit(HISTORY_LIMIT)
    }
}

impl<P: PartialEq> History<P> {
    /// A history keeping at most `limit` places back (and at least one).
    pub fn with_limit(limit: usize) -> History<P> {
        History {
            back: VecDeque::new(),
            forward: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// A jump leaves `here`: remember it, and forget the places ahead. Leaving the same place
    /// twice in a row is remembered once.
    pub fn push(&mut self, here: P) {
        self.forward.clear();
        if self.back.back() == Some(&here) {
            return;
        }
        if self.back.len() == self.limit {
            self.back.pop_front();
        }
        self.back.push_back(here);
    }

    /// Back from `here`: the place to return to, with `here` kept ahead for [`History::forward`];
    /// `None` (and nothing changed) at the start.
    pub fn back(&mut self, here: P) -> Option<P> {
        let previous = self.back.pop_back()?;
        self.forward.push(here);
        Some(previous)
    }

    /// Forward from `here`, undoing a [`History::back`]; `None` when nothing is ahead.
    pub fn forward(&mut self, here: P) -> Option<P> {
        let next = self.forward.pop()?;
        if self.back.len() == self.limit {
            self.back.pop_front();
        }
        self.back.push_back(here);
        Some(next)
    }

    /// Places behind the current one.
    pub fn back_len(&self) -> usize {
        self.back.len()
    }

    /// Places ahead of the current one.
    pub fn forward_len(&self) -> usize {
        self.forward.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_returns_to_the_place_left_and_forward_undoes_it() {
        let mut h = History::default();
        h.push(1);
        h.push(2);
        // At 3 now.
        assert_eq!(h.back(3), Some(2));
        assert_eq!(h.back(2), Some(1));
        assert_eq!(h.back(1), None);
        assert_eq!(h.forward(1), Some(2));
        assert_eq!(h.forward(2), Some(3));
        assert_eq!(h.forward(3), None);
        assert_eq!(h.back(3), Some(2));
    }

    #[test]
    fn a_new_jump_after_going_back_drops_the_places_ahead() {
        let mut h = History::default();
        h.push(1);
        h.push(2);
        assert_eq!(h.back(3), Some(2));
        assert_eq!(h.forward_len(), 1);
        h.push(2);
        assert_eq!(h.forward_len(), 0);
        assert_eq!(h.forward(9), None);
        // The place left by the new jump is the one back.
        assert_eq!(h.back(4), Some(2));
        assert_eq!(h.back(2), Some(1));
    }

    #[test]
    fn the_history_is_bounded_and_forgets_the_oldest() {
        let mut h = History::with_limit(3);
        for place in 1..=5 {
            h.push(place);
        }
        assert_eq!(h.back_len(), 3);
        assert_eq!(h.back(6), Some(5));
        assert_eq!(h.back(5), Some(4));
        assert_eq!(h.back(4), Some(3));
        assert_eq!(h.back(3), None);
        // Going forward again refills the back list up to the bound, no further.
        for here in [3, 4, 5] {
            assert!(h.forward(here).is_some());
        }
        assert_eq!(h.back_len(), 3);
        let mut default = History::default();
        for place in 0..HISTORY_LIMIT + 10 {
            default.push(place);
        }
        assert_eq!(default.back_len(), HISTORY_LIMIT);
    }

    #[test]
    fn leaving_the_same_place_twice_is_remembered_once() {
        let mut h = History::default();
        h.push(1);
        h.push(1);
        assert_eq!(h.back_len(), 1);
        assert_eq!(h.back(2), Some(1));
        assert_eq!(h.back(1), None);
    }
}
