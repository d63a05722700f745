//! Recomputing derived state after a change: the filtered timeline, the detail document for
//! the current entry, tab and size, and the search matches in it.

use crate::app::App;
use crate::app::action::Tab;
use crate::app::detail::{overview, related, text};
use crate::app::doc::{Doc, DocLine, Seg, Tone};
use crate::index::EntryRef;

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
        match self.selected() {
            Some(entry) if self.tab == Tab::Text => {
                self.refresh_text(entry, width, height, geometry.wide);
            }
            selected => {
                let doc = match selected {
                    None => message(if self.index.timeline().is_empty() {
                        self.text().empty_corpus
                    } else {
                        self.text().nothing_matches
                    }),
                    Some(entry) => match self.tab {
                        Tab::Related => {
                            related::build(&self.corpus, &self.index, self.text(), entry)
                        }
                        _ => overview::build(&self.corpus, self.text(), entry, self.today),
                    },
                };
                self.paragraph_lines.clear();
                self.search.set_matches(Vec::new());
                self.search.counts = Vec::new();
                self.search.found_for = None;
                self.detail.set(doc, width, height);
            }
        }
        if reset {
            self.detail.reset();
        }
    }

    /// The Text tab: builds and wraps its document only when what it shows changed (not for
    /// a new query or another current match), and finds the matches only for a new query or
    /// document.
    fn refresh_text(&mut self, entry: EntryRef, width: usize, height: usize, wide: bool) {
        let request = text::TextRequest {
            account: self.account,
            compare: self.compare,
            highlight: self.highlight.as_ref(),
            width,
            wide,
            text: self.text(),
        };
        let mut key = text::TextKey::of(entry, &request);
        match &self.detail.text {
            Some((built, _)) if *built == key => self.detail.keep(height),
            _ => {
                let built = text::build(&self.corpus, entry, request);
                if !built.layout.compared {
                    // Nothing to compare with: the single-account view it fell back to.
                    self.compare = false;
                    key.compare = false;
                }
                self.paragraph_lines = built.layout.paragraph_lines.clone();
                self.detail.set(built.doc, width, height);
                self.detail.text = Some((key.clone(), built.layout));
            }
        }
        let found_for = (key, self.search.query().to_owned());
        if self.search.found_for.as_ref() == Some(&found_for) {
            return;
        }
        let layout = self.detail.text.as_ref().map(|(_, layout)| layout);
        let (mut matches, mut counts) = (Vec::new(), Vec::new());
        if let Some(layout) = layout.filter(|l| !l.compared) {
            let query = &found_for.1;
            matches = text::find_matches(&self.corpus, layout, query, &mut self.search.texts);
            if self.search.active() {
                counts = text::match_counts(&self.corpus, entry, query, &mut self.search.texts);
            }
        }
        self.search.set_matches(matches);
        self.search.counts = counts;
        self.search.found_for = Some(found_for);
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
