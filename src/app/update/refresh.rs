//! Recomputing derived state after a change: the filtered timeline, the detail document for
//! the current entry, tab and size, and the search matches in it.

use crate::app::App;
use crate::app::action::Tab;
use crate::app::detail::{overview, related, text};
use crate::app::doc::{Doc, DocLine, Seg, Tone};

impl App {
    /// Re-runs the filter, keeping the selected entry when it is still shown.
    pub(in crate::app) fn refilter(&mut self) {
        let before = self.selected();
        self.filtered = self.index.filtered(&self.corpus, &self.filter);
        self.timeline
            .rebuild(&self.corpus, &self.filtered, self.text().undated);
        self.timeline.set_height(self.geometry().timeline_rows());
        let pos = before
            .and_then(|e| self.filtered.iter().position(|x| *x == e))
            .unwrap_or(0);
        self.timeline.select(pos);
        if self.selected() != before {
            self.entry_changed();
        }
    }

    /// Rebuilds the detail document for the selected entry and tab (and the search matches in
    /// the Text tab); `reset` puts the cursor back at the top.
    pub(in crate::app) fn refresh_detail(&mut self, reset: bool) {
        let geometry = self.geometry();
        let area = geometry.detail_text();
        let (width, height) = (usize::from(area.width), usize::from(area.height));
        let mut matches = Vec::new();
        let mut counts = Vec::new();
        self.paragraph_lines.clear();
        let doc = match self.selected() {
            None => message(if self.index.timeline().is_empty() {
                self.text().empty_corpus
            } else {
                self.text().nothing_matches
            }),
            Some(entry) => match self.tab {
                Tab::Overview => overview::build(&self.corpus, self.text(), entry, self.today),
                Tab::Related => related::build(&self.corpus, &self.index, self.text(), entry),
                Tab::Text => {
                    let query = self.search.query().to_owned();
                    let t = text::build(
                        &self.corpus,
                        entry,
                        text::TextRequest {
                            account: self.account,
                            compare: self.compare,
                            query: &query,
                            current: self.search.current,
                            highlight: self.highlight.as_ref(),
                            width,
                            wide: geometry.wide,
                            text: self.text(),
                        },
                        &mut self.search.texts,
                    );
                    matches = t.matches;
                    self.paragraph_lines = t.paragraph_lines;
                    if !t.compared {
                        self.compare = false;
                        if self.search.active() {
                            counts = text::match_counts(
                                &self.corpus,
                                entry,
                                &query,
                                &mut self.search.texts,
                            );
                        }
                    }
                    t.doc
                }
            },
        };
        self.search.set_matches(matches);
        self.search.counts = counts;
        self.detail.set(doc, width, height);
        if reset {
            self.detail.reset();
        }
    }

    /// The terminal changed size: re-wrap and re-fit everything.
    pub(in crate::app) fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.timeline.set_height(self.geometry().timeline_rows());
        self.refresh_detail(false);
        let list = usize::from(self.geometry().finder().list.height);
        self.finder.reveal(list);
        self.help_scroll = self
            .help_scroll
            .min(crate::app::help::max_scroll(self.geometry().help_rows()));
        let layout = self.matrix_layout();
        self.matrix.keep_in_view(&layout);
    }
}

fn message(text: &str) -> Doc {
    let mut doc = Doc::default();
    doc.push(DocLine::fixed(vec![Seg::new(text, Tone::Dim)]));
    doc
}
