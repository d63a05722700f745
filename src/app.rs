//! The browser's state and its only way of changing: [`App::update`] with an [`Action`].
//!
//! - [`action`]: the vocabulary; [`keymap`]: the table from keys to actions (and help).
//! - [`timeline`], [`detail`], [`finder`], [`search`], [`corpus_search`]: the state of each
//!   part of the screen (`corpus_search`: `/` from the timeline, over every text);
//!   [`matrix`]: the topic matrix view (`m`).
//! - [`doc`]: styled documents the detail pane shows, wrapped by display width.
//! - [`layout`]: geometry as a pure function of the terminal size, shared with the renderer.
//! - [`history`]: the places jumps leave, for Back and Forward.
//! - `update`: the transitions (`update::navigate`: history and each tab's remembered view).
//!
//! Everything the renderer needs (filtered timeline, wrapped text, finder results) is
//! computed here, so drawing only reads. The app touches no terminal: the size arrives as
//! [`Action::Resize`], and what must leave (copied text, a note to write) waits in
//! [`App::pending_copy`] and [`App::pending_export`] for the browser module to take.

pub mod action;
pub mod cite;
pub mod corpus_search;
pub mod detail;
pub mod doc;
pub mod finder;
pub mod format;
pub mod help;
pub mod history;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod matrix;
pub mod search;
pub mod strings;
pub mod timeline;
mod update;

pub use action::{Action, Tab};
pub use layout::Focus;

use crate::corpus::{Corpus, LoadedCorpus};
use crate::index::{EntryRef, Filter, Index};

use detail::DetailView;
use finder::{FinderMatcher, FinderState};
use keymap::Context;
use layout::Geometry;
use search::SearchState;
use timeline::TimelineView;

/// What is on top of the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Browsing the timeline and the detail.
    Normal,
    /// The finder overlay is open.
    Finder,
    /// The search prompt is open.
    Search,
    /// The help overlay is open.
    Help,
    /// The corpus-wide search overlay is open (`/` from the timeline).
    CorpusSearch,
    /// The topic matrix covers the screen.
    Matrix,
}

/// Text to copy, and whether to a new file (`Y`) rather than the clipboard (`y`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingCopy {
    pub text: String,
    pub to_file: bool,
}

/// How the browser starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppOptions {
    /// No colours: bold, reverse and underline only (`NO_COLOR`).
    pub monochrome: bool,
    /// ASCII only: borders, marks and corpus text drawn with ASCII stand-ins (`--ascii`, or a
    /// non-UTF-8 locale).
    pub ascii: bool,
    /// Mouse capture is on, so clicks and the wheel arrive.
    pub mouse: bool,
    /// The terminal size at start ([`Action::Resize`] updates it).
    pub size: (u16, u16),
    /// The language of the interface's words.
    pub lang: strings::Lang,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            monochrome: false,
            ascii: false,
            mouse: false,
            size: (80, 24),
            lang: strings::Lang::En,
        }
    }
}

/// The whole state of the browser.
pub struct App {
    /// Shared with the finder, which is built from it off the input path.
    pub(crate) corpus: std::sync::Arc<Corpus>,
    pub(crate) index: Index,
    pub(crate) options: AppOptions,
    pub(crate) size: (u16, u16),
    /// The day that decides which planned events are upcoming: the real date, or one pinned
    /// by [`App::with_today`].
    pub(crate) today: crate::index::status::Day,
    pub(crate) mode: Mode,
    pub(crate) focus: Focus,
    pub(crate) filter: Filter,
    pub(crate) filtered: Vec<EntryRef>,
    pub(crate) timeline: TimelineView,
    pub(crate) tab: Tab,
    /// Index into the selected entry's text sources.
    pub(crate) account: usize,
    pub(crate) compare: bool,
    pub(crate) detail: DetailView,
    /// The line of each paragraph in the Text tab (single-account view).
    pub(crate) paragraph_lines: Vec<usize>,
    /// The paragraph a citation jumped to.
    pub(crate) highlight: Option<crate::corpus::Citation>,
    pub(crate) search: SearchState,
    /// The search across every text (`/` from the timeline).
    pub(crate) corpus_search: corpus_search::CorpusSearch,
    pub(crate) finder: FinderState,
    pub(crate) matcher: FinderMatcher,
    pub(crate) help_scroll: usize,
    /// The topic matrix (`m`), built from the filter when opened.
    pub(crate) matrix: matrix::MatrixView,
    pub(crate) status: Option<String>,
    /// Text the user copied (`y`, `Y`); the browser takes it and delivers it.
    pub pending_copy: Option<PendingCopy>,
    /// The text last handed over for copying, for the status line's "copied …: “first words”".
    pub(crate) last_copy: String,
    /// A briefing note to write (file name, Markdown); the browser takes it and writes it.
    pub pending_export: Option<(String, String)>,
    pub(crate) quit: bool,
    /// The index's rest (its appearance tables, the names in the accounts, the table of
    /// names) is still being made apart; the footer says so until it is added (see
    /// `Index::build_for_first_frame`).
    indexing: bool,
    // Navigation: where the reader has been, and where each tab was left.
    pub(crate) history: history::History<history::Place>,
    pub(crate) tab_views: [Option<history::TabView>; 3],
    /// The detail pane's document is still to be made for the selected entry (see
    /// [`App::new`]); the next [`App::update`] makes it first.
    detail_stale: bool,
}

impl App {
    pub fn new(loaded: LoadedCorpus, index: Index, options: AppOptions) -> App {
        let corpus = std::sync::Arc::new(loaded.corpus);
        let matcher = FinderMatcher::new(std::sync::Arc::clone(&corpus));
        let mut app = App {
            filtered: index.timeline().to_vec(),
            corpus,
            index,
            options,
            size: options.size,
            today: crate::index::status::today_utc(),
            mode: Mode::Normal,
            focus: Focus::Timeline,
            filter: Filter::default(),
            timeline: TimelineView::default(),
            tab: Tab::Overview,
            account: 0,
            compare: false,
            detail: DetailView::default(),
            paragraph_lines: Vec::new(),
            highlight: None,
            search: SearchState::default(),
            corpus_search: corpus_search::CorpusSearch::default(),
            finder: FinderState::default(),
            matcher,
            help_scroll: 0,
            matrix: matrix::MatrixView::default(),
            status: None,
            pending_copy: None,
            last_copy: String::new(),
            pending_export: None,
            quit: false,
            indexing: false,
            history: history::History::default(),
            tab_views: [None, None, None],
            detail_stale: false,
        };
        app.refilter();
        // Start on the latest reported meeting: "when did we last meet?" is the first question.
        if let Some(last) = app
            .filtered
            .iter()
            .rposition(|e| matches!(e, EntryRef::Meeting(_)))
        {
            app.timeline.select(last);
        }
        app.keep_upcoming_in_view();
        if app.geometry().show_detail {
            app.refresh_detail(true);
        } else {
            // A narrow terminal shows the timeline alone at start: the detail pane's document
            // (its overview, with each fact's copy line, laid out) was a tenth of the work
            // before the first frame at 80x24. It is made before the first action.
            app.detail_stale = true;
        }
        app
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The app as of `today` (tests pin it; the real date otherwise): which planned events are
    /// upcoming, shown in the timeline and the Overview.
    pub fn with_today(mut self, today: crate::index::status::Day) -> App {
        self.today = today;
        self.keep_upcoming_in_view();
        self.refresh_detail(false);
        self
    }

    pub fn today(&self) -> crate::index::status::Day {
        self.today
    }

    /// At launch, scroll so the last upcoming event shows below the selected newest meeting
    /// when the pane has room for both; the selection always stays in view.
    fn keep_upcoming_in_view(&mut self) {
        let upcoming = self.filtered.iter().rposition(|e| {
            crate::index::status::of_entry(&self.corpus, *e, self.today)
                == Some(crate::index::status::Status::Upcoming)
        });
        self.timeline.keep_in_view(upcoming);
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn options(&self) -> AppOptions {
        self.options
    }

    /// The interface's words, in the language of [`AppOptions::lang`].
    pub fn text(&self) -> &'static strings::Strings {
        self.options.lang.strings()
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The key map contexts active in the current mode, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        match self.mode {
            Mode::Normal => &[Context::Browse, Context::Detail],
            Mode::Finder => &[Context::Finder],
            Mode::Search => &[Context::Search],
            Mode::Help => &[Context::Help],
            Mode::CorpusSearch => &[Context::CorpusSearch],
            Mode::Matrix => &[Context::Matrix],
        }
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The timeline as filtered, in date order.
    pub fn filtered(&self) -> &[EntryRef] {
        &self.filtered
    }

    /// The selected entry, if the filtered timeline has any.
    pub fn selected(&self) -> Option<EntryRef> {
        self.filtered.get(self.timeline.selected).copied()
    }

    /// (shown, total) for the header's "3 of 11".
    pub fn counts(&self) -> (usize, usize) {
        (self.filtered.len(), self.index.timeline().len())
    }

    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Whether the footer says the index is still being completed.
    pub fn indexing(&self) -> bool {
        self.indexing
    }

    /// Says (or stops saying) that the index is still being completed apart: set by whoever
    /// completes it off the drawing thread, cleared when the rest is added.
    pub fn set_indexing(&mut self, indexing: bool) {
        self.indexing = indexing;
    }

    pub fn comparing(&self) -> bool {
        self.compare
    }

    pub fn account(&self) -> usize {
        self.account
    }

    pub fn highlight(&self) -> Option<&crate::corpus::Citation> {
        self.highlight.as_ref()
    }

    pub fn detail(&self) -> &DetailView {
        &self.detail
    }

    pub fn timeline(&self) -> &TimelineView {
        &self.timeline
    }

    pub fn finder(&self) -> &FinderState {
        &self.finder
    }

    /// The finder's candidates, as its index holds them (none before it is made).
    pub fn finder_candidates(&self) -> crate::search::fuzzy::Candidates<'_> {
        self.matcher.candidates()
    }

    /// Finder candidate `i` as an owned copy, for a row on screen.
    pub fn finder_candidate(&self, i: usize) -> Option<crate::search::fuzzy::Candidate> {
        Some(self.matcher.candidates().get(i)?.to_candidate())
    }

    /// Makes the finder through `cache` (the browser's `find` cache entry for a corpus read
    /// from a file); `false` once the finder is shared with a worker or made.
    pub fn use_finder_cache(&mut self, cache: Box<dyn finder::FinderCache>) -> bool {
        self.matcher.use_cache(cache)
    }

    /// Finder queries are answered by a worker from now on: edits leave requests
    /// ([`App::take_finder_request`]) and results come back as [`Action::FinderResults`].
    pub fn answer_finder_in_background(&mut self) {
        self.matcher.answer_in_background();
    }

    /// The finder, for a worker thread to build and search.
    pub fn finder_shared(&self) -> std::sync::Arc<finder::LazyFinder> {
        self.matcher.shared()
    }

    /// Whether the finder is still being built: its first results wait for it.
    pub fn finder_indexing(&self) -> bool {
        self.matcher.indexing()
    }

    /// What the finder says while its results are awaited: "indexing…" while the finder is
    /// being built, else "searching…".
    pub fn finder_waiting_text(&self) -> &'static str {
        if self.finder_indexing() {
            self.text().finder_indexing
        } else {
            self.text().finder_searching
        }
    }

    /// The newest finder query for the worker, once.
    pub fn take_finder_request(&mut self) -> Option<finder::FinderRequest> {
        self.matcher.take_request()
    }

    pub fn search(&self) -> &SearchState {
        &self.search
    }

    /// The search across every text.
    pub fn corpus_search(&self) -> &corpus_search::CorpusSearch {
        &self.corpus_search
    }

    /// "match 2 of 5" over every account of the entry (or "no matches") while a search
    /// highlights the text.
    pub fn search_status(&self) -> Option<String> {
        if !self.search.active() {
            return None;
        }
        let total = self.search.total();
        Some(match self.search.position(self.account) {
            _ if total == 0 => self.text().status_no_matches.to_string(),
            Some(position) => (self.text().match_status)(position, total),
            None => (self.text().matches_elsewhere)(total),
        })
    }

    /// Places behind and ahead of the current one (Backspace, Ctrl-]).
    pub fn history(&self) -> &history::History<history::Place> {
        &self.history
    }

    pub fn matrix(&self) -> &matrix::MatrixView {
        &self.matrix
    }

    /// The matrix view's geometry at the current size.
    pub fn matrix_layout(&self) -> matrix::MatrixLayout {
        matrix::MatrixLayout::new(self.size.0, self.size.1, &self.corpus, &self.matrix.model)
    }

    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// The current terminal size as the app knows it.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Geometry for the current size and focus.
    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.size.0, self.size.1, self.focus)
    }

    /// Checks every invariant the renderer relies on; the property tests call it after each
    /// step.
    pub fn check_invariants(&self) -> Result<(), String> {
        let expected = self.index.filtered(&self.corpus, &self.filter);
        if expected != self.filtered {
            return Err("filtered list differs from the index's answer".into());
        }
        self.timeline.check(self.filtered.len())?;
        self.detail.check()?;
        self.matrix.check()?;
        let f = &self.finder;
        if !f.rows.is_empty() && f.selected >= f.rows.len() || f.rows.is_empty() && f.selected != 0
        {
            return Err(format!(
                "finder selection {} of {}",
                f.selected,
                f.rows.len()
            ));
        }
        if f.total < f.rows.len() {
            return Err("finder total below its rows".into());
        }
        let s = &self.search;
        if !s.matches.is_empty() && s.current >= s.matches.len()
            || s.matches.is_empty() && s.current != 0
        {
            return Err(format!("search match {} of {}", s.current, s.matches.len()));
        }
        self.corpus_search.check()?;
        if self.mode == Mode::Search && self.tab != Tab::Text {
            return Err("searching outside the Text tab".into());
        }
        Ok(())
    }
}
