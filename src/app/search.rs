//! Search in the text (`/`): the query, the matches found in the Text tab's document, how many
//! each account (text source) of the selected entry holds, and which match the reader is on.
//!
//! The search spans every text source of the selected entry (a meeting's two accounts, then
//! any other cited source): counts and "match 3 of 7" run over all of them in that order, and
//! stepping past the last match of one account moves to the next account holding any.
//!
//! The texts searched are kept prepared ([`TextSearches`]) while the query is edited, so a
//! keystroke refines the previous query's matches instead of sanitising, folding and scanning
//! every paragraph again (a 10 MB paragraph took ~0.8 s per keystroke that way).
//!
//! Matches are not part of the document: [`SearchState::marked`] paints them over each row
//! drawn, found by binary search, so `n` and `N` cost the rows in view, not the text.

use std::borrow::Cow;
use std::ops::Range;

use super::detail::DocMatch;
use super::detail::text::TextKey;
use super::doc::{Row, Seg, Tone, overlay};
use super::input::LineInput;
use crate::corpus::Source;
use crate::search::fulltext::TextSearch;
use crate::text::sanitize_line;

/// How many sources' prepared texts are kept (an entry cites a few; more are dropped oldest
/// first, so memory stays a small multiple of the texts in view).
const KEPT_SOURCES: usize = 8;

/// The prepared `/` searchers of the sources searched lately, one per paragraph of the
/// sanitised text the Text tab shows. A cache, not state: a clone starts empty and any two
/// compare equal.
#[derive(Default)]
pub struct TextSearches {
    sources: Vec<(String, Vec<TextSearch>)>,
}

impl TextSearches {
    /// The matches of `query` in each paragraph of `source` (byte ranges of its sanitised
    /// text, as `find_in` gives them).
    pub fn find(&mut self, source: &Source, query: &str) -> Vec<Vec<Range<usize>>> {
        if query.is_empty() {
            // No search: nothing to prepare.
            return vec![Vec::new(); source.paragraphs.len()];
        }
        let at = match self.sources.iter().position(|(id, _)| *id == source.id) {
            Some(at) => at,
            None => {
                if self.sources.len() >= KEPT_SOURCES {
                    self.sources.remove(0);
                }
                let prepared = source
                    .paragraphs
                    .iter()
                    .map(|raw| TextSearch::new(&sanitize_line(raw)))
                    .collect();
                self.sources.push((source.id.to_string(), prepared));
                self.sources.len() - 1
            }
        };
        self.sources[at]
            .1
            .iter_mut()
            .map(|search| search.find(query))
            .collect()
    }

    /// Text scanned and places re-checked so far, over the sources kept.
    pub fn work(&self) -> u64 {
        self.sources
            .iter()
            .flat_map(|(_, paragraphs)| paragraphs.iter().map(TextSearch::work))
            .sum()
    }
}

impl Clone for TextSearches {
    fn clone(&self) -> Self {
        TextSearches::default()
    }
}

impl PartialEq for TextSearches {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for TextSearches {}

impl std::fmt::Debug for TextSearches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TextSearches({} sources)", self.sources.len())
    }
}

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
    /// The texts being searched, prepared.
    pub texts: TextSearches,
    /// The document and query `matches` and `counts` were found for: asked again, they stand.
    pub found_for: Option<(TextKey, String)>,
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

    /// The segments of `row` (of the document shown) with the matches on it painted, the
    /// current one apart; the row itself when none touches it.
    pub fn marked<'r>(&self, row: &'r Row) -> Cow<'r, [Seg]> {
        // Matches run in document order and do not overlap, so their ends rise too.
        let first = self
            .matches
            .partition_point(|m| (m.line, m.range.end) <= (row.line, row.start));
        let marks: Vec<(Range<usize>, Tone)> = self.matches[first..]
            .iter()
            .take_while(|m| m.line == row.line && m.range.start < row.end)
            .enumerate()
            .map(|(k, m)| {
                let tone = if first + k == self.current {
                    Tone::CurrentMatch
                } else {
                    Tone::Match
                };
                (m.range.clone(), tone)
            })
            .collect();
        if marks.is_empty() {
            Cow::Borrowed(&row.segs)
        } else {
            Cow::Owned(overlay(row, &marks))
        }
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

    /// Ends the search; the prepared texts stay, so the next search in them starts at once.
    pub fn clear(&mut self) {
        let texts = std::mem::take(&mut self.texts);
        *self = SearchState {
            texts,
            ..SearchState::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fulltext::find_in;

    fn big_source() -> Source {
        // A pasted report: one paragraph of ~2 MB (the Text tab's worst case is one huge one).
        let unit = "The delegations discussed cyber policy and capacity building. ";
        let huge = unit.repeat(2 * 1024 * 1024 / unit.len());
        Source {
            title: "t".into(),
            raw: huge.clone().into(),
            paragraphs: vec!["Short \u{1b}[31mfirst capacity.".into(), huge.into()],
            ..crate::test_fixture::source("s")
        }
    }

    #[test]
    fn typing_refines_the_previous_matches_instead_of_rescanning_the_text() {
        let source = big_source();
        let text_len = source.paragraphs[1].len() as u64;
        let mut texts = TextSearches::default();
        let mut query = String::new();
        let mut work_after_first = 0;
        for c in "capacity".chars() {
            query.push(c);
            let found = texts.find(&source, &query);
            if query.len() == 1 {
                work_after_first = texts.work();
            }
            // Asked again for the same query (the counts after the document): no rescan.
            assert_eq!(texts.find(&source, &query), found);
            let short = sanitize_line(&source.paragraphs[0]);
            assert_eq!(found[0], find_in(&short, &query));
        }
        assert_eq!(
            texts.find(&source, &query)[1].len(),
            source.paragraphs[1].matches("capacity").count()
        );
        // Seven more keys (each asked twice) cost less than one more pass over the text.
        let refining = texts.work() - work_after_first;
        assert!(
            refining < text_len,
            "{refining} units of work for 7 keystrokes over {text_len} bytes"
        );
    }

    #[test]
    fn at_most_a_few_sources_are_kept_and_a_clone_starts_empty() {
        let mut texts = TextSearches::default();
        let mut source = big_source();
        source.paragraphs.truncate(1);
        for i in 0..KEPT_SOURCES + 3 {
            source.id = format!("s{i}").into();
            texts.find(&source, "cap");
        }
        assert_eq!(texts.sources.len(), KEPT_SOURCES);
        assert!(texts.clone().sources.is_empty());
    }

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
