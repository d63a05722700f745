//! The corpus vocabulary shared by the validator, the index, the CLI and the browser: the six
//! kinds of record (one id space), the walk over every record, the four facets a timeline can
//! be narrowed by, and the one canonical key of a place.

use super::model::{Corpus, Place};

/// What kind of record an id names. All kinds share one id space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Source,
    Meeting,
    Event,
    Organisation,
    Person,
    Topic,
}

impl RecordKind {
    /// Every kind, in the order the corpus lists them.
    pub const ALL: [RecordKind; 6] = [
        RecordKind::Source,
        RecordKind::Meeting,
        RecordKind::Event,
        RecordKind::Organisation,
        RecordKind::Person,
        RecordKind::Topic,
    ];

    /// The singular noun ("organisation").
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Source => "source",
            RecordKind::Meeting => "meeting",
            RecordKind::Event => "event",
            RecordKind::Organisation => "organisation",
            RecordKind::Person => "person",
            RecordKind::Topic => "topic",
        }
    }

    /// The JSON list the records of this kind live in ("people").
    pub fn list(self) -> &'static str {
        match self {
            RecordKind::Source => "sources",
            RecordKind::Meeting => "meetings",
            RecordKind::Event => "events",
            RecordKind::Organisation => "organisations",
            RecordKind::Person => "people",
            RecordKind::Topic => "topics",
        }
    }

    /// The indefinite article of [`label`](Self::label) ("an event").
    pub fn article(self) -> &'static str {
        match self {
            RecordKind::Event | RecordKind::Organisation => "an",
            _ => "a",
        }
    }

    /// The facet whose keys are ids of this kind (topics, organisations, people).
    pub fn facet(self) -> Option<Facet> {
        Facet::ALL
            .into_iter()
            .find(|f| f.record_kind() == Some(self))
    }

    /// Position in [`ALL`](Self::ALL), for per-kind tables.
    pub fn slot(self) -> usize {
        self as usize
    }
}

/// One record of a corpus: its kind, its id and its position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordRef<'a> {
    pub kind: RecordKind,
    pub id: &'a str,
    pub pos: usize,
}

impl Corpus {
    /// Every record once, list by list in [`RecordKind::ALL`] order, each list in corpus order.
    pub fn records(&self) -> impl Iterator<Item = RecordRef<'_>> {
        fn each<'a, T>(
            kind: RecordKind,
            list: &'a [T],
            id: fn(&T) -> &str,
        ) -> impl Iterator<Item = RecordRef<'a>> {
            list.iter().enumerate().map(move |(pos, r)| RecordRef {
                kind,
                id: id(r),
                pos,
            })
        }
        each(RecordKind::Source, &self.sources, |r| &r.id)
            .chain(each(RecordKind::Meeting, &self.meetings, |r| &r.id))
            .chain(each(RecordKind::Event, &self.events, |r| &r.id))
            .chain(each(RecordKind::Organisation, &self.organisations, |r| {
                &r.id
            }))
            .chain(each(RecordKind::Person, &self.people, |r| &r.id))
            .chain(each(RecordKind::Topic, &self.topics, |r| &r.id))
    }

    /// The place of every meeting, then of every event, in corpus order (a city recurs).
    pub fn places(&self) -> impl Iterator<Item = &Place> {
        let meetings = self.meetings.iter().filter_map(|m| m.place.as_ref());
        meetings.chain(self.events.iter().filter_map(|e| e.place.as_ref()))
    }
}

/// What a meeting or event can be looked up by, and a timeline narrowed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Topic,
    Organisation,
    Person,
    Place,
}

impl Facet {
    /// Every facet, in display order.
    pub const ALL: [Facet; 4] = [
        Facet::Topic,
        Facet::Organisation,
        Facet::Person,
        Facet::Place,
    ];

    /// The singular noun ("organisation").
    pub fn label(self) -> &'static str {
        match self {
            Facet::Topic => "topic",
            Facet::Organisation => "organisation",
            Facet::Person => "person",
            Facet::Place => "place",
        }
    }

    /// The record kind whose ids key this facet; places are keyed by [`place_key`] instead.
    pub fn record_kind(self) -> Option<RecordKind> {
        match self {
            Facet::Topic => Some(RecordKind::Topic),
            Facet::Organisation => Some(RecordKind::Organisation),
            Facet::Person => Some(RecordKind::Person),
            Facet::Place => None,
        }
    }

    /// Position in [`ALL`](Self::ALL), for per-facet tables.
    pub fn slot(self) -> usize {
        self as usize
    }
}

/// The one canonical id of a place: its city, trimmed and lower-cased beyond ASCII, so that
/// "Brussels" and " brussels" are one place. Every place lookup goes through this function.
pub fn place_key(city: &str) -> String {
    city.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::builtin;

    #[test]
    fn records_visits_every_record_once() {
        let corpus = builtin::load().expect("the built-in corpus loads").corpus;
        let records: Vec<RecordRef> = corpus.records().collect();
        let total = corpus.sources.len()
            + corpus.meetings.len()
            + corpus.events.len()
            + corpus.organisations.len()
            + corpus.people.len()
            + corpus.topics.len();
        assert_eq!(records.len(), total);
        let mut ids: Vec<&str> = records.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), total, "each id once");
        for kind in RecordKind::ALL {
            let positions: Vec<usize> = records
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| r.pos)
                .collect();
            let expected: Vec<usize> = (0..positions.len()).collect();
            assert_eq!(positions, expected, "{} in list order", kind.label());
        }
        let meeting = records
            .iter()
            .find(|r| r.kind == RecordKind::Meeting)
            .expect("the built-in corpus has meetings");
        assert_eq!(meeting.id, corpus.meetings[meeting.pos].id);
    }

    #[test]
    fn kinds_and_facets_know_their_slots() {
        for (i, kind) in RecordKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.slot(), i);
        }
        for (i, facet) in Facet::ALL.into_iter().enumerate() {
            assert_eq!(facet.slot(), i);
        }
        assert_eq!(RecordKind::Organisation.article(), "an");
        assert_eq!(RecordKind::Person.list(), "people");
        assert_eq!(Facet::Place.record_kind(), None);
        assert_eq!(Facet::Person.record_kind(), Some(RecordKind::Person));
        assert_eq!(RecordKind::Topic.facet(), Some(Facet::Topic));
        assert_eq!(RecordKind::Source.facet(), None);
    }

    #[test]
    fn a_place_key_ignores_case_and_padding_beyond_ascii() {
        assert_eq!(place_key("Brussels"), place_key(" brussels "));
        assert_eq!(place_key("ÉLYSÉE"), "élysée");
        assert_ne!(place_key("Seoul"), place_key("Busan"));
    }
}
