//! Derived lookups built once on load: the timeline order, ids → records, and for each
//! [`Facet`] (topic, organisation, person, place) names → keys and keys → the meetings and
//! events they appear in, with the citations that say so.
//!
//! Organisations and people are linked to a meeting in two ways: by the structured record
//! (heads, members, observers) and by being named in the text of one of its accounts. The second
//! is derived here by a word-boundary scan of the cleaned paragraphs, so "which meetings
//! mentioned NATO?" is answered with the paragraph that names it.

mod cites;
mod filter;
mod link;
mod packed;
mod related;
pub mod status;
#[cfg(test)]
mod tests;
mod topics;

use std::collections::BTreeSet;
use std::sync::Arc;

// Built at every start from the corpus: FxHash, not SipHash (no keys chosen by an attacker
// reach these maps in a way that matters, and SipHash was a tenth of a 100k-record build).
use rustc_hash::FxHashMap as HashMap;

use crate::corpus::{Corpus, Facet, RecordKind, Text};
pub use cites::Cites;
pub use filter::{Filter, Years};
use packed::{Lists, PackedMap};
pub use related::Related;
pub use topics::TopicScope;

/// A meeting or an event, by its position in the corpus lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryRef {
    Meeting(usize),
    Event(usize),
}

/// How a record is linked to a meeting or event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Led a delegation or chaired.
    Head,
    /// Took part as a member of a delegation.
    Participant,
    /// Attended as an observer.
    Observer,
    /// Discussed (topics) or linked by the record (events).
    Discussed,
    /// Named in the text of an account, without a structured role.
    Mentioned,
    /// The place where it happened.
    Venue,
    /// A topic's sub-topic was discussed there (topic roll-up), not the topic itself.
    SubTopic,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Head => "head",
            Role::Participant => "participant",
            Role::Observer => "observer",
            Role::Discussed => "discussed",
            Role::Mentioned => "mentioned",
            Role::Venue => "venue",
            Role::SubTopic => "sub-topic",
        }
    }
}

/// One appearance of a record in a meeting or event, with its citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appearance {
    pub entry: EntryRef,
    pub role: Role,
    /// Read as a `&[Citation]`.
    pub cite: Cites,
}

/// Per-facet tables, indexed by [`Facet::slot`].
type PerFacet<T> = [T; Facet::ALL.len()];

/// Lookups derived from a corpus. Holds positions into the corpus lists, not copies.
#[derive(Debug, Clone, Default)]
pub struct Index {
    timeline: Vec<EntryRef>,
    // Ids, names and facet keys (over 400,000 at 100k records) are built once and only read:
    // packed, sorted keys end to end (`packed`), not a `Text` and a hash slot each.
    /// Record id → its kind and position (positions past `u32::MAX` are not held: no corpus
    /// in memory has that many records of a kind).
    ids: Ids,
    /// Facet key (a record id, or a [`place_key`](crate::corpus::place_key)) → where it appears.
    appearances: PerFacet<Lists<Appearance>>,
    /// The same tables as gathered, a list per key, while they are built; packed into
    /// `appearances` when they are done (`Index::link_done`), and empty after.
    gathering: PerFacet<HashMap<Text, Vec<Appearance>>>,
    /// Ids, names (in any language), acronyms and aliases as [`crate::search::name_key`]s → facet key.
    names: PerFacet<Names>,
    /// Place key → the city as first written in the corpus.
    place_names: HashMap<Text, Text>,
    /// Every series a meeting or event belongs to, sorted.
    series: Vec<String>,
    /// Topic id → its direct sub-topics, in corpus order.
    subtopics: HashMap<String, Vec<String>>,
    /// Topic id → where it or a sub-topic appears (only topics that have sub-topics).
    rolled_up: Lists<Appearance>,
    /// Built by [`Index::build_for_first_frame`], not yet completed.
    incomplete: bool,
}

/// The form names are looked up in (see [`crate::search::name_key`]).
fn fold(s: &str) -> Text {
    crate::search::name_key(s).into()
}

/// One facet's table of names: each folded name → the position of its key in `keys`, so that
/// a key named several ways (id, name, acronym, aliases) is held once, not beside each name.
#[derive(Debug, Clone, Default)]
struct Names {
    by_name: PackedMap<u32>,
    keys: Vec<Text>,
}

impl Names {
    /// The key of a folded name.
    fn get(&self, folded: &str) -> Option<&str> {
        let at = self.by_name.get(folded)?;
        self.keys.get(at as usize).map(Text::as_str)
    }
}

/// [`Names`] as it is gathered: (folded name, key position) in the order given, and the keys.
#[derive(Default)]
struct NamesGiven {
    given: Vec<(Text, u32)>,
    keys: Vec<Text>,
}

impl NamesGiven {
    /// Adds `name` for `key`, taking `key` once when the same key comes in a row (a record's
    /// names do) or when `seen` holds it (places, which repeat across entries).
    fn add(&mut self, key: &str, name: &str, seen: Option<&mut HashMap<Text, u32>>) {
        let at = match (self.keys.last(), seen) {
            (Some(last), _) if last == key => self.keys.len() - 1,
            (_, Some(seen)) => match seen.get(key) {
                Some(&at) => at as usize,
                None => {
                    seen.insert(
                        Text::from(key),
                        u32::try_from(self.keys.len()).unwrap_or(u32::MAX),
                    );
                    self.keys.push(Text::from(key));
                    self.keys.len() - 1
                }
            },
            (_, None) => {
                self.keys.push(Text::from(key));
                self.keys.len() - 1
            }
        };
        // Past u32::MAX keys (more than memory holds) a name finds no key rather than a wrong one.
        self.given
            .push((fold(name), u32::try_from(at).unwrap_or(u32::MAX)));
    }

    fn into_names(mut self) -> Names {
        self.keys.shrink_to_fit();
        Names {
            by_name: PackedMap::first_of(self.given),
            keys: self.keys,
        }
    }
}

/// Every name a reader may type for a facet key: ids, names, acronyms, aliases, cities.
fn names_of(corpus: &Corpus) -> PerFacet<Names> {
    // (folded name, key) in the order given: the first key of a name is kept.
    let mut given: PerFacet<NamesGiven> = Default::default();
    each_record_name(corpus, |facet, key, name| {
        given[facet.slot()].add(key, name, None);
    });
    let mut seen = HashMap::default();
    for place in corpus.places() {
        given[Facet::Place.slot()].add(&place.key(), &place.city, Some(&mut seen));
    }
    given.map(NamesGiven::into_names)
}

/// Calls `name` with (facet, key, name) for every name of a topic, organisation or person, in
/// corpus order: its id, its label or name, acronym, aliases, then its names in other
/// languages. (Places are named by their city, added apart.)
fn each_record_name(corpus: &Corpus, mut name: impl FnMut(Facet, &str, &str)) {
    for t in &corpus.topics {
        let names = t.names.iter().map(|n| &n.text);
        for given in [&t.id, &t.label].into_iter().chain(&t.aliases).chain(names) {
            name(Facet::Topic, &t.id, given);
        }
    }
    for o in &corpus.organisations {
        let names = [&o.id, &o.name]
            .into_iter()
            .chain(&o.acronym)
            .chain(&o.aliases)
            .chain(o.names.iter().map(|n| &n.text));
        for given in names {
            name(Facet::Organisation, &o.id, given);
        }
    }
    for p in &corpus.people {
        let names = p.names.iter().map(|n| &n.text);
        for given in [&p.id, &p.name].into_iter().chain(&p.aliases).chain(names) {
            name(Facet::Person, &p.id, given);
        }
    }
}

/// What [`Index::build_for_first_frame`] leaves out, made apart from the index so that it can
/// be made on another thread while the first frame is on the screen: the table of names and
/// every appearance table (the records' links, the names the accounts mention, the topics
/// rolled up), packed. [`Index::finish`] moves them in.
#[derive(Debug)]
pub struct IndexRest {
    names: PerFacet<Names>,
    appearances: PerFacet<Lists<Appearance>>,
    subtopics: HashMap<String, Vec<String>>,
    rolled_up: Lists<Appearance>,
}

impl IndexRest {
    /// Whether making the rest of `corpus`'s index takes long enough to be worth a thread
    /// (a big corpus: tenths of a second at 100k records) rather than a moment on the one
    /// that asks (the built-in corpus: a fraction of a millisecond).
    pub fn worth_a_thread(corpus: &Corpus) -> bool {
        let names = corpus.organisations.len() + corpus.people.len() + corpus.topics.len();
        names >= link::PARALLEL_PARAGRAPHS || link::paragraphs(corpus) >= link::PARALLEL_PARAGRAPHS
    }

    /// The rest of the index `seed` was taken from ([`Index::rest_seed`]), for its corpus.
    pub fn build(corpus: &Corpus, seed: RestSeed) -> IndexRest {
        // The scan first, as in `Index::build`: its automaton is gone before the names' table
        // and the appearance tables take their room.
        let mentioned = link::Mentions::scan(corpus).into_owned();
        let names = names_of(corpus);
        // The tables are built as `Index::build` builds them, in an index of their own that
        // holds only what linking reads besides the corpus (the ids, for people's roles).
        let mut linked = Index {
            ids: seed.ids,
            ..Index::default()
        };
        linked.link_records(corpus);
        linked.link_mentioned(mentioned);
        linked.link_done(corpus);
        IndexRest {
            names,
            appearances: linked.appearances,
            subtopics: linked.subtopics,
            rolled_up: linked.rolled_up,
        }
    }
}

/// Record id → its kind and position; shared with the thread that makes the index's rest.
type Ids = Arc<PackedMap<(RecordKind, u32)>>;

fn ids_of(corpus: &Corpus) -> Ids {
    Arc::new(PackedMap::first_of(
        corpus
            .records()
            .filter_map(|record| {
                let pos = u32::try_from(record.pos).ok()?;
                Some((record.id, (record.kind, pos)))
            })
            .collect(),
    ))
}

/// What [`IndexRest::build`] takes from the first frame's index, so as not to make it again:
/// its ids (people's roles name their meetings by id).
#[derive(Debug, Clone)]
pub struct RestSeed {
    ids: Ids,
}

/// The sortable date of an entry: its date value, or `None` when undated (sorted last).
fn entry_date(corpus: &Corpus, entry: EntryRef) -> Option<&str> {
    match entry {
        EntryRef::Meeting(i) => Some(corpus.meetings[i].date.value.as_str()),
        EntryRef::Event(i) => corpus.events[i].date.as_ref().map(|d| d.value.as_str()),
    }
}

impl Index {
    pub fn build(corpus: &Corpus) -> Index {
        // First, while nothing else is built (see `Mentions::scan`).
        let mentions = link::Mentions::scan(corpus);
        let names = names_of(corpus);
        let mut index = Index::build_parts(corpus);
        index.names = names;
        index.link_records(corpus);
        index.link_mentions(mentions);
        index.link_done(corpus);
        index
    }

    /// [`Index::build`] without its costliest parts, which the browser's first frame does not
    /// use: the table of names (ids, names, acronyms and aliases → keys, [`Index::resolve`])
    /// and every appearance table (where a topic, organisation, person or place appears, with
    /// the scan of the accounts' text for names). [`Index::complete`] adds them. Until then no
    /// name resolves and nothing appears anywhere: the timeline, the ids, the places' names and
    /// the series are all there is, which is what the first frame's timeline and overview use.
    pub fn build_for_first_frame(corpus: &Corpus) -> Index {
        let mut index = Index::build_parts(corpus);
        index.incomplete = true;
        index
    }

    /// Adds what [`Index::build_for_first_frame`] left out, for the same `corpus`: the index
    /// is then the one [`Index::build`] makes. Does nothing to a complete index.
    pub fn complete(&mut self, corpus: &Corpus) {
        if self.incomplete {
            self.finish(IndexRest::build(corpus, self.rest_seed()));
        }
    }

    /// [`Index::complete`] with its work done apart ([`IndexRest::build`], on another thread
    /// if need be), for the same corpus: its tables are moved in, built and packed already.
    /// Does nothing to a complete index.
    pub fn finish(&mut self, rest: IndexRest) {
        if !std::mem::take(&mut self.incomplete) {
            return;
        }
        self.names = rest.names;
        self.appearances = rest.appearances;
        self.subtopics = rest.subtopics;
        self.rolled_up = rest.rolled_up;
    }

    /// What [`IndexRest::build`] needs of this index, to take to another thread.
    pub fn rest_seed(&self) -> RestSeed {
        RestSeed {
            ids: Arc::clone(&self.ids),
        }
    }

    /// Whether [`Index::complete`] has yet to be called on this index.
    pub fn is_incomplete(&self) -> bool {
        self.incomplete
    }

    /// What every index holds: ids, timeline, places' names and series.
    fn build_parts(corpus: &Corpus) -> Index {
        let mut index = Index {
            ids: ids_of(corpus),
            ..Index::default()
        };
        index.build_timeline(corpus);
        index.register_place_names(corpus);
        index.series = corpus
            .meetings
            .iter()
            .map(|m| m.series.as_str())
            .chain(corpus.events.iter().filter_map(|e| e.series.as_deref()))
            .collect::<BTreeSet<&str>>()
            .into_iter()
            .map(str::to_string)
            .collect();
        index
    }

    fn build_timeline(&mut self, corpus: &Corpus) {
        let mut entries: Vec<EntryRef> = (0..corpus.meetings.len())
            .map(EntryRef::Meeting)
            .chain((0..corpus.events.len()).map(EntryRef::Event))
            .collect();
        // Undated entries go last; among equal dates, meetings before events, then corpus order.
        entries.sort_by(|a, b| {
            let (da, db) = (entry_date(corpus, *a), entry_date(corpus, *b));
            da.is_none()
                .cmp(&db.is_none())
                .then(da.cmp(&db))
                .then(a.cmp(b))
        });
        self.timeline = entries;
    }

    /// Place key → the city as first written (the header names a place filter with it).
    fn register_place_names(&mut self, corpus: &Corpus) {
        for place in corpus.places() {
            self.place_names
                .entry(place.key().into())
                .or_insert_with(|| Text::from(place.city.trim()));
        }
    }

    /// Meetings and events in date order (undated last).
    pub fn timeline(&self) -> &[EntryRef] {
        &self.timeline
    }

    /// The timeline narrowed by a filter, in date order.
    pub fn filtered(&self, corpus: &Corpus, filter: &Filter) -> Vec<EntryRef> {
        self.timeline
            .iter()
            .copied()
            .filter(|e| self.matches(corpus, *e, filter))
            .collect()
    }

    /// Whether one entry passes a filter.
    pub fn matches(&self, corpus: &Corpus, entry: EntryRef, filter: &Filter) -> bool {
        let facets_ok = filter.facets().all(|(facet, key)| {
            self.appearances_within(facet, key, filter.topic_scope)
                .iter()
                .any(|a| a.entry == entry)
        });
        let year_ok = filter
            .year
            .is_none_or(|years| entry_date(corpus, entry).is_some_and(|d| years.holds(d)));
        let series_ok = filter.series.as_ref().is_none_or(|s| match entry {
            EntryRef::Meeting(i) => corpus.meetings[i].series == *s,
            EntryRef::Event(i) => corpus.events[i].series.as_deref() == Some(s.as_str()),
        });
        facets_ok && year_ok && series_ok
    }

    /// The kind and position of the record with this id.
    pub fn record(&self, id: &str) -> Option<(RecordKind, usize)> {
        self.ids.get(id).map(|(kind, pos)| (kind, pos as usize))
    }

    /// The meeting or event with this id (`None` for other kinds of record).
    pub fn entry(&self, id: &str) -> Option<EntryRef> {
        match self.record(id)? {
            (RecordKind::Meeting, i) => Some(EntryRef::Meeting(i)),
            (RecordKind::Event, i) => Some(EntryRef::Event(i)),
            _ => None,
        }
    }

    /// The key of a facet value from an id, name, acronym, alias or city, in any case.
    pub fn resolve(&self, facet: Facet, name: &str) -> Option<&str> {
        self.names[facet.slot()].get(&fold(name))
    }

    /// Where a facet value appears, by its key (a record id, or a [`place_key`](crate::corpus::place_key)).
    pub fn appearances(&self, facet: Facet, key: &str) -> &[Appearance] {
        let slot = facet.slot();
        self.appearances[slot]
            .get(key)
            .or_else(|| self.gathering[slot].get(key).map(Vec::as_slice))
            .unwrap_or_default()
    }

    /// Every key of `facet` with where it appears, in key order.
    fn appearance_lists(&self, facet: Facet) -> Vec<(&str, &[Appearance])> {
        let slot = facet.slot();
        let gathered = self.gathering[slot]
            .iter()
            .map(|(key, list)| (key.as_str(), list.as_slice()));
        let mut lists: Vec<(&str, &[Appearance])> =
            self.appearances[slot].iter().chain(gathered).collect();
        // Packed lists come sorted already; gathered ones do not.
        lists.sort_by_key(|&(key, _)| key);
        lists
    }

    /// A place's city as the corpus first writes it, by its key.
    pub fn place_name(&self, key: &str) -> Option<&str> {
        self.place_names.get(key).map(Text::as_str)
    }

    /// Every series named by a meeting or event, sorted.
    pub fn series(&self) -> &[String] {
        &self.series
    }
}
