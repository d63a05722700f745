//! Checks of the side tables that are not records: series names (keyed by a series slug used
//! by some meeting or event) and place names (keyed by the place key of some meeting or event
//! place). Their names are checked as the names of records are.

use std::collections::BTreeSet;

use super::at::At;
use super::{Checker, Rec, Scope};
use crate::corpus::model::Corpus;

impl Checker<'_> {
    pub(super) fn side_tables(&mut self, file: &str, corpus: &Corpus) {
        let files = self.files;
        let used_series: BTreeSet<&str> = files
            .iter()
            .flat_map(|(_, c)| {
                c.meetings
                    .iter()
                    .map(|m| m.series.as_str())
                    .chain(c.events.iter().filter_map(|e| e.series.as_deref()))
            })
            .collect();
        let used_places: BTreeSet<String> = files
            .iter()
            .flat_map(|(_, c)| c.places().map(|p| p.key()))
            .collect();
        let complete = self.scope == Scope::Complete;
        let mut seen = BTreeSet::new();
        for (pos, s) in corpus.series.iter().enumerate() {
            let rec = Rec::side(file, "series", &s.id, pos);
            self.text(rec, &At::top("id"), &s.id, "a series slug");
            if !s.id.trim().is_empty() {
                self.slug(rec, &At::top("id"), &s.id);
            }
            self.text(rec, &At::top("name"), &s.name, "the series' English name");
            if !seen.insert(s.id.as_str()) {
                self.report(
                    rec,
                    &At::top("id"),
                    "the series is listed twice in this file",
                );
            }
            if complete && !used_series.contains(s.id.as_str()) {
                self.report(
                    rec,
                    &At::top("id"),
                    format!(
                        "no meeting or event is in series `{}`; expected the `series` of one",
                        s.id
                    ),
                );
            }
            self.names(rec, &At::top("names"), &s.names);
        }
        let mut seen = BTreeSet::new();
        for (pos, p) in corpus.place_names.iter().enumerate() {
            let rec = Rec::side(file, "place", &p.key, pos);
            self.text(rec, &At::top("key"), &p.key, "a place key");
            if !seen.insert(p.key.as_str()) {
                self.report(
                    rec,
                    &At::top("key"),
                    "the place is listed twice in this file",
                );
            }
            if complete && !p.key.trim().is_empty() && !used_places.contains(p.key.as_str()) {
                self.report(
                    rec,
                    &At::top("key"),
                    format!(
                        "no meeting or event takes place in `{}`; expected the lower-cased city \
                         of one (e.g. `seoul`)",
                        p.key
                    ),
                );
            }
            self.names(rec, &At::top("names"), &p.names);
        }
    }
}
