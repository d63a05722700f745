//! Search across the corpus (`/` from the timeline): every paragraph of every text, through
//! the full-text index that also backs `entente search` (so a Korean query finds what the
//! command finds), listed as hits in timeline order — meeting, account, ¶ and the matched
//! words in context. Enter opens a hit's paragraph by the citation-jump path; `n`/`N` then
//! walk the hits across meetings.
//!
//! Bounded: at most [`HIT_CAP`] hits are kept (the list says "200+ hits" past that), and a
//! hit's context is a window of at most [`CONTEXT_CHARS`] characters, whatever the size of
//! its paragraph. The index is built on first use, not at launch.

use std::collections::HashMap;
use std::ops::Range;

use super::input::LineInput;
use crate::accounts::text_sources;
use crate::corpus::{Citation, Corpus, Side};
use crate::index::EntryRef;
use crate::search::fulltext::TextIndex;

/// The most hits listed; a query matching more says so ("200+ hits").
pub const HIT_CAP: usize = 200;

/// Characters of context kept before the first match of a hit.
const LEAD_CHARS: usize = 30;

/// The most characters of a paragraph a hit keeps for its context line.
pub const CONTEXT_CHARS: usize = 240;

/// One paragraph that matched, where it belongs in the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusHit {
    /// The timeline entry whose text it is.
    pub entry: EntryRef,
    /// The source and paragraph (the citation Enter jumps to).
    pub cite: Citation,
    /// The side reporting it (EU, ROK), when known.
    pub side: Option<Side>,
    /// An account of the meeting, rather than another source cited for it.
    pub account: bool,
    /// The paragraph's text around its first match ("…" where cut), sanitised.
    pub context: String,
    /// The matched words: byte ranges of `context`.
    pub marks: Vec<Range<usize>>,
    /// The first match: a byte range of the paragraph's (sanitised) text.
    pub first: Range<usize>,
}

/// Where each source's text shows in the timeline: the first entry (in date order) listing
/// it among its texts — preferring one whose account it is — with its order among that
/// entry's texts, its side and whether it is an account there.
#[derive(Debug, Default)]
struct Places {
    of_source: HashMap<String, Place>,
}

#[derive(Debug, Clone)]
struct Place {
    /// Position in the timeline.
    position: usize,
    entry: EntryRef,
    /// Position among the entry's texts (accounts first).
    order: usize,
    side: Option<Side>,
    account: bool,
}

impl Places {
    /// One pass over the timeline, each entry's texts listed once.
    fn new(corpus: &Corpus, timeline: &[EntryRef]) -> Places {
        let mut of_source: HashMap<String, Place> = HashMap::new();
        for (position, entry) in timeline.iter().enumerate() {
            for (order, s) in text_sources(corpus, *entry).into_iter().enumerate() {
                let place = Place {
                    position,
                    entry: *entry,
                    order,
                    side: s.side,
                    account: s.account,
                };
                match of_source.get(&s.id) {
                    // A source that is one meeting's account and another's cited source
                    // belongs to the meeting it reports.
                    Some(known) if known.account || !s.account => {}
                    _ => {
                        of_source.insert(s.id, place);
                    }
                }
            }
        }
        Places { of_source }
    }
}

/// The prepared index and where its sources show; built once, on the first search.
struct Prepared {
    index: TextIndex,
    places: Places,
}

/// The state of the corpus-wide search: the query, its hits and the one selected.
#[derive(Default)]
pub struct CorpusSearch {
    pub input: LineInput,
    /// The hits in timeline order, at most [`HIT_CAP`].
    pub hits: Vec<CorpusHit>,
    /// Every paragraph that matched (may exceed `hits.len()`).
    pub total: usize,
    /// Index into `hits` (0 when there are none).
    pub selected: usize,
    /// The first hit shown in the list.
    pub scroll: usize,
    /// A hit was opened: `n`/`N` walk the hits until the search is cleared.
    pub kept: bool,
    prepared: Option<Prepared>,
}

impl std::fmt::Debug for CorpusSearch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusSearch")
            .field("query", &self.input.text())
            .field("hits", &self.hits.len())
            .field("total", &self.total)
            .field("selected", &self.selected)
            .field("kept", &self.kept)
            .finish()
    }
}

impl CorpusSearch {
    /// Runs the query over every text of the corpus, keeping the first [`HIT_CAP`] hits in
    /// timeline order (entry, then its texts' order, then paragraph).
    pub fn run(&mut self, corpus: &Corpus, timeline: &[EntryRef]) {
        let prepared = self.prepared.get_or_insert_with(|| Prepared {
            index: TextIndex::new(corpus),
            places: Places::new(corpus, timeline),
        });
        let mut found: Vec<(Place, crate::search::fulltext::Hit)> = prepared
            .index
            .search(self.input.text())
            .into_iter()
            .filter_map(|h| Some((prepared.places.of_source.get(&h.source)?.clone(), h)))
            .collect();
        self.total = found.len();
        found.sort_by_key(|(place, h)| (place.position, place.order, h.paragraph));
        found.truncate(HIT_CAP);
        self.hits = found
            .into_iter()
            .map(|(place, h)| {
                let text = prepared.index.text(&h.source, h.paragraph).unwrap_or("");
                let (context, marks) = context(text, &h.ranges);
                CorpusHit {
                    entry: place.entry,
                    first: h.ranges.first().cloned().unwrap_or(0..0),
                    cite: Citation::at(h.source, h.paragraph),
                    side: place.side,
                    account: place.account,
                    context,
                    marks,
                }
            })
            .collect();
        self.selected = 0;
        self.scroll = 0;
    }

    /// The sentence of the selected hit's paragraph that holds its first match (the
    /// paragraph's sanitised text, as the Text tab shows it).
    pub fn current_sentence(&self) -> Option<&str> {
        let hit = self.current()?;
        let paragraph = hit.cite.paragraph?;
        let text = self
            .prepared
            .as_ref()?
            .index
            .text(&hit.cite.source, paragraph)?;
        let at = hit.first.start;
        crate::compare::split_sentences(text)
            .into_iter()
            .find(|r| r.start <= at && at < r.end)
            .and_then(|r| text.get(r))
    }

    /// More hits matched than are listed.
    pub fn capped(&self) -> bool {
        self.total > self.hits.len()
    }

    /// The selected hit.
    pub fn current(&self) -> Option<&CorpusHit> {
        self.hits.get(self.selected)
    }

    /// Moves the selection by `delta` hits (clamped), keeping it within `height` hits shown.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.reveal(height);
    }

    /// The next (or previous) hit, wrapping around; `None` when there are none.
    pub fn step(&mut self, forward: bool, height: usize) -> Option<&CorpusHit> {
        let n = self.hits.len();
        if n == 0 {
            return None;
        }
        self.selected = if forward {
            (self.selected + 1) % n
        } else {
            (self.selected + n - 1) % n
        };
        self.reveal(height);
        self.current()
    }

    /// Scrolls so the selected hit is among the `height` shown.
    pub fn reveal(&mut self, height: usize) {
        self.scroll = super::layout::reveal(self.selected, self.scroll, height);
    }

    /// Forgets the query and hits (the prepared index stays).
    pub fn clear(&mut self) {
        self.input.clear();
        self.hits.clear();
        self.total = 0;
        self.selected = 0;
        self.scroll = 0;
        self.kept = false;
    }

    /// The invariants the renderer relies on.
    pub fn check(&self) -> Result<(), String> {
        if self.hits.len() > HIT_CAP || self.total < self.hits.len() {
            return Err(format!(
                "corpus search keeps {} hits of {}",
                self.hits.len(),
                self.total
            ));
        }
        if !self.hits.is_empty() && self.selected >= self.hits.len()
            || self.hits.is_empty() && self.selected != 0
        {
            return Err(format!(
                "corpus hit {} of {}",
                self.selected,
                self.hits.len()
            ));
        }
        Ok(())
    }
}

/// Rows each hit takes in the list: its place, then its words in context.
pub const ROWS_PER_HIT: usize = 2;

// The transitions of the corpus-wide search (the state above, the App around it).
impl super::App {
    /// Hits the overlay's list shows at once.
    fn hits_shown(&self) -> usize {
        usize::from(self.geometry().finder().list.height) / ROWS_PER_HIT
    }

    /// `/` from the timeline: opens the search over every text, with the last query (if any)
    /// and its hits still there.
    pub(super) fn open_corpus_search(&mut self) {
        self.mode = super::Mode::CorpusSearch;
        self.corpus_search.kept = false;
    }

    pub(super) fn corpus_search_action(&mut self, action: super::Action) {
        use super::Action;
        let shown = self.hits_shown();
        let page = isize::try_from(shown.max(1)).unwrap_or(1);
        match action {
            Action::Close | Action::Quit => self.mode = super::Mode::Normal,
            Action::Accept => {
                self.mode = super::Mode::Normal;
                if self.corpus_search.current().is_some() {
                    self.corpus_search.kept = true;
                    self.open_current_hit();
                }
            }
            Action::Down => self.corpus_search.move_by(1, shown),
            Action::Up => self.corpus_search.move_by(-1, shown),
            Action::PageDown => self.corpus_search.move_by(page, shown),
            Action::PageUp => self.corpus_search.move_by(-page, shown),
            other => {
                if super::update::edit(&mut self.corpus_search.input, &other) {
                    self.corpus_search.run(&self.corpus, self.index.timeline());
                }
            }
        }
    }

    /// Whether `n`/`N` walk the corpus hits: a hit was opened and no search inside the
    /// meeting has taken over.
    pub(super) fn walking_hits(&self) -> bool {
        self.corpus_search.kept && !self.search.active() && !self.corpus_search.hits.is_empty()
    }

    /// What `y` copies on the opened hit's paragraph: the sentence holding the match, with
    /// the paragraph's one readable citation; `None` elsewhere (the line's own copy applies).
    pub(super) fn hit_sentence_copy(&self) -> Option<String> {
        let hit = self.corpus_search.current()?;
        let on_hit = matches!(
            self.detail.cursor_line().and_then(|l| l.target.as_ref()),
            Some(super::doc::Target::Cite(c)) if *c == hit.cite
        );
        if !(self.walking_hits() && on_hit && self.tab == super::Tab::Text) {
            return None;
        }
        let sentence = self.corpus_search.current_sentence()?;
        Some(crate::facts::cite::copy_line(
            &self.corpus,
            sentence,
            std::slice::from_ref(&hit.cite),
        ))
    }

    /// `n`/`N` after opening a hit: the next (previous) hit, across meetings, wrapping.
    pub(super) fn step_hit(&mut self, forward: bool) {
        let shown = self.hits_shown();
        if self.corpus_search.step(forward, shown).is_some() {
            self.open_current_hit();
        }
    }

    /// Opens the selected hit's paragraph by the citation-jump path: its entry selected (the
    /// filter cleared if it hid it), its text shown at the paragraph, highlighted. One jump:
    /// Back returns to where the hit was opened from.
    fn open_current_hit(&mut self) {
        let Some(hit) = self.corpus_search.current().cloned() else {
            return;
        };
        self.record_jump();
        if self.selected() != Some(hit.entry) {
            self.select_entry(hit.entry);
        }
        let cleared = self.status.take();
        self.show_citation(&hit.cite, false);
        if self.status.is_none() {
            let s = &self.corpus_search;
            let status = (self.text().across.hit_status)(
                s.selected + 1,
                s.hits.len(),
                &crate::text::sanitize_line(s.input.text()),
            );
            self.status = Some(match cleared {
                Some(c) => format!("{status} · {c}"),
                None => status,
            });
        }
    }
}

/// A window of `text` around the first of `ranges` — up to [`LEAD_CHARS`] characters before
/// it and [`CONTEXT_CHARS`] in all, "…" where cut — and the ranges that fall inside it,
/// rebased onto the window.
fn context(text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let first = floor_boundary(text, ranges.first().map_or(0, |r| r.start));
    let lead_start = text[..first]
        .char_indices()
        .rev()
        .take(LEAD_CHARS)
        .last()
        .map_or(first, |(i, _)| i);
    let mut start = floor_boundary(text, lead_start);
    // Start on a word: past the first space of the lead, when it has one.
    if start > 0
        && let Some(space) = text[start..first].find(char::is_whitespace)
    {
        start += space
            + text[start + space..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
    }
    let end = text[start..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    let ellipsis = "…";
    let (prefix, shift) = if start > 0 {
        (ellipsis, ellipsis.len())
    } else {
        ("", 0)
    };
    let mut window = format!("{prefix}{}", &text[start..end]);
    if end < text.len() {
        window.push_str(ellipsis);
    }
    let marks = ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end && r.start < r.end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    (window, marks)
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> (Corpus, Vec<EntryRef>) {
        let loaded = crate::test_fixture::small();
        let index = crate::index::Index::build(&loaded.corpus);
        let timeline = index.timeline().to_vec();
        (loaded.corpus, timeline)
    }

    fn search(query: &str) -> (Corpus, CorpusSearch) {
        let (corpus, timeline) = fixture();
        let mut s = CorpusSearch::default();
        s.input.set(query);
        s.run(&corpus, &timeline);
        (corpus, s)
    }

    #[test]
    fn hits_come_in_timeline_order_each_with_its_matched_words() {
        let (corpus, timeline) = fixture();
        let mut s = CorpusSearch::default();
        s.input.set("cyber");
        s.run(&corpus, &timeline);
        assert!(s.hits.len() >= 2, "{:?}", s.hits);
        let positions: Vec<usize> = s
            .hits
            .iter()
            .map(|h| timeline.iter().position(|e| *e == h.entry).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
        for h in &s.hits {
            assert!(!h.marks.is_empty(), "{h:?}");
            for m in &h.marks {
                assert_eq!(h.context[m.clone()].to_lowercase(), "cyber", "{h:?}");
            }
            assert!(h.cite.paragraph.is_some());
        }
        s.check().unwrap();
    }

    #[test]
    fn every_hit_of_the_command_line_search_that_belongs_to_an_entry_is_listed() {
        let (corpus, s) = search("cyber");
        let all = TextIndex::new(&corpus).search("cyber");
        assert_eq!(s.total, s.hits.len());
        assert!(s.total <= all.len());
        for h in &s.hits {
            assert!(
                all.iter()
                    .any(|a| a.source == h.cite.source && Some(a.paragraph) == h.cite.paragraph)
            );
        }
    }

    #[test]
    fn a_korean_query_finds_what_the_command_finds() {
        let (mut corpus, timeline) = fixture();
        // A Korean paragraph in the first meeting's first account.
        let account = corpus.meetings[0].accounts[0].source.clone();
        let source = corpus
            .sources
            .iter_mut()
            .find(|s| s.id == account)
            .expect("the account's source");
        source
            .paragraphs
            .push("양측은 사이버 안보와 랜섬웨어 대응을 논의했다.".into());
        let paragraph = u32::try_from(source.paragraphs.len()).unwrap();
        let mut s = CorpusSearch::default();
        s.input.set("랜섬웨어 사이버");
        s.run(&corpus, &timeline);
        let cli = TextIndex::new(&corpus).search("랜섬웨어 사이버");
        assert_eq!(cli.len(), 1);
        assert_eq!(s.hits.len(), 1, "{:?}", s.hits);
        let hit = &s.hits[0];
        assert_eq!(hit.cite, Citation::at(account, paragraph));
        let marked: Vec<&str> = hit.marks.iter().map(|m| &hit.context[m.clone()]).collect();
        assert_eq!(marked, ["사이버", "랜섬웨어"]);
    }

    #[test]
    fn no_hits_for_an_empty_or_absent_query() {
        let (_, s) = search("");
        assert!(s.hits.is_empty() && s.total == 0);
        let (_, s) = search("zzzqqqxxx");
        assert!(s.hits.is_empty());
        s.check().unwrap();
    }

    #[test]
    fn hits_are_capped_and_the_total_says_how_many_matched() {
        let corpus = crate::synth::generate(crate::synth::Spec::with_candidates(3_000));
        let index = crate::index::Index::build(&corpus);
        let mut s = CorpusSearch::default();
        s.input.set("e");
        s.run(&corpus, index.timeline());
        assert_eq!(s.hits.len(), HIT_CAP);
        assert!(s.total > HIT_CAP, "{}", s.total);
        assert!(s.capped());
        for h in &s.hits {
            assert!(
                h.context.chars().count() <= CONTEXT_CHARS + 2,
                "{}",
                h.context
            );
        }
        s.check().unwrap();
    }

    #[test]
    fn stepping_wraps_and_keeps_the_selection_in_view() {
        let (_, mut s) = search("cyber");
        let n = s.hits.len();
        assert!(n >= 2);
        s.step(false, 1);
        assert_eq!(s.selected, n - 1);
        assert_eq!(s.scroll, n - 1);
        s.step(true, 1);
        assert_eq!(s.selected, 0);
        assert_eq!(s.scroll, 0);
        s.move_by(100, 2);
        assert_eq!(s.selected, n - 1);
        assert!(s.scroll + 2 > s.selected);
        s.clear();
        assert!(s.step(true, 3).is_none());
    }

    /// Opening a hit of another meeting is one jump: Back returns to the timeline row the
    /// search began from, not to the hit's Overview on the way.
    #[test]
    fn back_after_opening_a_hit_returns_to_where_the_search_began() {
        use crate::app::{Action, App, AppOptions, Focus, Tab};
        let loaded = crate::test_fixture::small();
        let index = crate::index::Index::build(&loaded.corpus);
        let mut app = App::new(loaded, index, AppOptions::default());
        // The first entry of the timeline; Aurora is in the 3rd Data Dialogue.
        app.update(Action::Top);
        let start = (app.selected(), app.focus(), app.tab());
        app.update(Action::StartSearch);
        for c in "aurora".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::Accept);
        assert_eq!((app.tab(), app.focus()), (Tab::Text, Focus::Detail));
        assert_ne!(app.selected(), start.0, "the hit is in another meeting");
        app.update(Action::Back);
        assert_eq!((app.selected(), app.focus(), app.tab()), start);
        assert_eq!(app.history().back_len(), 0, "one place, not two");
    }

    #[test]
    fn y_on_an_opened_hit_copies_the_sentence_that_matched_with_its_citation() {
        use crate::app::{Action, App, AppOptions};
        let loaded = crate::test_fixture::small();
        let index = crate::index::Index::build(&loaded.corpus);
        let mut app = App::new(loaded, index, AppOptions::default());
        app.update(Action::StartSearch);
        for c in "resilience".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::Accept);
        // The second hit: the 3rd Data Dialogue's EU ¶3, two sentences, the first matching.
        app.update(Action::NextMatch);
        app.update(Action::Copy);
        let copy = app.pending_copy.take().expect("a copy");
        assert!(
            copy.text.starts_with(
                "Both sides discussed cyber resilience and the security of data centres. — "
            ),
            "{}",
            copy.text
        );
        assert!(!copy.text.contains("They welcomed"), "{}", copy.text);
        assert!(copy.text.ends_with("¶3"), "{}", copy.text);
        // Elsewhere the line's own copy: the whole paragraph.
        app.update(Action::Down);
        app.update(Action::Copy);
        let copy = app.pending_copy.take().expect("a copy");
        assert!(
            !copy.text.starts_with("Both sides discussed"),
            "{}",
            copy.text
        );
    }

    #[test]
    fn context_is_a_window_around_the_first_match_with_marks_rebased() {
        let text = format!("{}needle and more{}", "a ".repeat(100), " b".repeat(300));
        let at = text.find("needle").unwrap();
        let (window, marks) = context(&text, std::slice::from_ref(&(at..at + 6)));
        assert!(
            window.starts_with("…a ") && window.ends_with('…'),
            "{window}"
        );
        assert_eq!(&window[marks[0].clone()], "needle");
        assert!(window.chars().count() <= CONTEXT_CHARS + 2);
        // Multi-byte text around the match: cut on character boundaries.
        let text = "한국어 문장 ".repeat(40) + "사이버";
        let at = text.find("사이버").unwrap();
        let (window, marks) = context(&text, std::slice::from_ref(&(at..text.len())));
        assert_eq!(&window[marks[0].clone()], "사이버");
        let (window, marks) = context("short", &[]);
        assert_eq!((window.as_str(), marks.len()), ("short", 0));
    }
}
