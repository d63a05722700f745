//! Search in the text (`/`): the query, the matches found in the Text tab's document, how many
//! each account (text source) of the selected entry holds, and which match the reader is on.
//!
//! The search spans every text source of the selected entry (a meeting's two accounts, then
//! any other cited source): counts and "match 3 of 7" run over all of them in that order, and
//! stepping past the last match of one account moves to the next account holding any.

use super::detail::DocMatch;
use super::input::LineInput;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    pub input: LineInput,
    /// The prompt is open (typing); otherwise a non-empty query is a kept search.
    pub typing: bool,
    /// The matches in the document shown (the current account's text).
    pub matches: Vec<DocMatch>,
    /// Index into `matches` (0 when there are none).
    pub current: usize,
    /// Matches in each text source of the selected entry, in the order the Text tab cycles
    /// through them (empty outside the single-account Text view).
    pub counts: Vec<usize>,
    /// The account the search started in: each edit of the query searches from there again,
    /// and cancelling returns there.
    pub origin: usize,
    /// Detail cursor and scroll before the search started, restored on cancel.
    pub saved: Option<(usize, usize)>,
}

impl SearchState {
    /// The query that highlights the text, if any.
    pub fn query(&self) -> &str {
        self.input.text()
    }

    /// A search is highlighting the text (being typed, or kept).
    pub fn active(&self) -> bool {
        !self.input.text().trim().is_empty()
    }

    /// Takes new matches, keeping the current index in range.
    pub fn set_matches(&mut self, matches: Vec<DocMatch>) {
        self.matches = matches;
        self.current = self.current.min(self.matches.len().saturating_sub(1));
    }

    /// Matches over every account (just the shown document's when no counts are known).
    pub fn total(&self) -> usize {
        if self.counts.is_empty() {
            self.matches.len()
        } else {
            self.counts.iter().sum()
        }
    }

    /// The 1-based position of the current match among all of them, when the account shown
    /// (`account`) holds it.
    pub fn position(&self, account: usize) -> Option<usize> {
        if self.current >= self.matches.len() {
            return None;
        }
        let before: usize = self.counts.iter().take(account).sum();
        Some(before + self.current + 1)
    }

    /// The account holding the next (or previous) match after the current one, leaving
    /// `account`, wrapping around; it may be `account` itself when only it holds matches.
    /// `None` when no account holds any.
    pub fn account_after(&self, account: usize, forward: bool) -> Option<usize> {
        let n = self.counts.len();
        (1..=n)
            .map(|k| {
                if forward {
                    (account + k) % n
                } else {
                    (account + n - k % n) % n
                }
            })
            .find(|&a| self.counts.get(a).is_some_and(|&c| c > 0))
    }

    /// Steps to the next (or previous) match within the shown document, wrapping around.
    pub fn step(&mut self, forward: bool) {
        let n = self.matches.len();
        if n == 0 {
            self.current = 0;
            return;
        }
        self.current = if forward {
            (self.current + 1) % n
        } else {
            (self.current + n - 1) % n
        };
    }

    pub fn clear(&mut self) {
        *self = SearchState::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(line: usize) -> DocMatch {
        DocMatch { line, range: 0..1 }
    }

    #[test]
    fn steps_wrap_around_both_ways() {
        let mut s = SearchState::default();
        s.set_matches(vec![m(1), m(2), m(3)]);
        s.step(false);
        assert_eq!(s.current, 2);
        s.step(true);
        assert_eq!(s.current, 0);
        s.current = 2;
        s.set_matches(vec![m(1)]);
        assert_eq!(s.current, 0);
        s.set_matches(vec![]);
        s.step(true);
        assert_eq!(s.current, 0);
    }

    #[test]
    fn positions_count_the_matches_of_earlier_accounts() {
        let mut s = SearchState {
            counts: vec![2, 0, 3],
            ..SearchState::default()
        };
        s.set_matches(vec![m(1), m(2), m(3)]);
        s.current = 1;
        assert_eq!(s.total(), 5);
        assert_eq!(s.position(2), Some(4));
        assert_eq!(s.position(0), Some(2));
        s.set_matches(vec![]);
        assert_eq!(s.position(1), None);
    }

    #[test]
    fn the_next_account_with_matches_wraps_and_skips_empty_ones() {
        let mut s = SearchState {
            counts: vec![2, 0, 3],
            ..SearchState::default()
        };
        assert_eq!(s.account_after(0, true), Some(2));
        assert_eq!(s.account_after(2, true), Some(0));
        assert_eq!(s.account_after(0, false), Some(2));
        assert_eq!(s.account_after(2, false), Some(0));
        s.counts = vec![0, 4];
        assert_eq!(
            s.account_after(1, true),
            Some(1),
            "only itself holds matches"
        );
        s.counts = vec![0, 0];
        assert_eq!(s.account_after(0, true), None);
        s.counts = vec![];
        assert_eq!(s.account_after(0, true), None);
    }
}
