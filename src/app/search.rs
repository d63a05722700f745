//! Search in the text (`/`): the query, the matches found in the Text tab's document, and which
//! one the reader is on.

use super::detail::DocMatch;
use super::input::LineInput;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    pub input: LineInput,
    /// The prompt is open (typing); otherwise a non-empty query is a kept search.
    pub typing: bool,
    pub matches: Vec<DocMatch>,
    /// Index into `matches` (0 when there are none).
    pub current: usize,
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

    /// Steps to the next (or previous) match, wrapping around.
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
}
