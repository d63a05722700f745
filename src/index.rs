//! Derived lookups built once on load: the timeline order, and topic / organisation / person /
//! place → the meetings and events they appear in, with the citations that say so.
//!
//! Organisations and people are linked to a meeting in two ways: by the structured record
//! (heads, members, observers) and by being named in the text of one of its accounts. The second
//! is derived here by a word-boundary scan of the cleaned paragraphs, so "which meetings
//! mentioned NATO?" is answered with the paragraph that names it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::corpus::{Citation, Corpus, Event, Meeting};

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
        }
    }
}

/// One appearance of a record in a meeting or event, with its citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appearance {
    pub entry: EntryRef,
    pub role: Role,
    pub cite: Vec<Citation>,
}

/// The filters a timeline can be narrowed by. All set fields must hold (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub topic: Option<String>,
    pub organisation: Option<String>,
    pub person: Option<String>,
    pub place: Option<String>,
    pub year: Option<String>,
    pub series: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// What kind of record an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Source,
    Meeting,
    Event,
    Organisation,
    Person,
    Topic,
}

impl RecordKind {
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
}

/// Lookups derived from a corpus. Holds positions into the corpus lists, not copies.
#[derive(Debug, Clone, Default)]
pub struct Index {
    timeline: Vec<EntryRef>,
    ids: HashMap<String, (RecordKind, usize)>,
    by_topic: HashMap<String, Vec<Appearance>>,
    by_organisation: HashMap<String, Vec<Appearance>>,
    by_person: HashMap<String, Vec<Appearance>>,
    by_place: BTreeMap<String, Vec<Appearance>>,
    /// Case-folded names, acronyms and aliases → ids, per kind.
    organisation_names: HashMap<String, String>,
    person_names: HashMap<String, String>,
    topic_names: HashMap<String, String>,
}

/// Folds case beyond ASCII, once, for lookups.
pub fn fold(s: &str) -> String {
    s.trim().to_lowercase()
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
        let mut index = Index::default();
        index.register_ids(corpus);
        index.build_timeline(corpus);
        index.register_names(corpus);
        for (i, meeting) in corpus.meetings.iter().enumerate() {
            index.link_meeting(EntryRef::Meeting(i), meeting);
        }
        index.link_roles(corpus);
        for (i, event) in corpus.events.iter().enumerate() {
            index.link_event(EntryRef::Event(i), event);
        }
        index.link_mentions(corpus);
        for list in index
            .by_topic
            .values_mut()
            .chain(index.by_organisation.values_mut())
            .chain(index.by_person.values_mut())
            .chain(index.by_place.values_mut())
        {
            merge_appearances(list);
        }
        index
    }

    fn register_ids(&mut self, corpus: &Corpus) {
        let kinds = [
            (
                RecordKind::Source,
                corpus.sources.iter().map(|r| &r.id).collect::<Vec<_>>(),
            ),
            (
                RecordKind::Meeting,
                corpus.meetings.iter().map(|r| &r.id).collect(),
            ),
            (
                RecordKind::Event,
                corpus.events.iter().map(|r| &r.id).collect(),
            ),
            (
                RecordKind::Organisation,
                corpus.organisations.iter().map(|r| &r.id).collect(),
            ),
            (
                RecordKind::Person,
                corpus.people.iter().map(|r| &r.id).collect(),
            ),
            (
                RecordKind::Topic,
                corpus.topics.iter().map(|r| &r.id).collect(),
            ),
        ];
        for (kind, ids) in kinds {
            for (i, id) in ids.into_iter().enumerate() {
                self.ids.entry(id.clone()).or_insert((kind, i));
            }
        }
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

    fn register_names(&mut self, corpus: &Corpus) {
        for org in &corpus.organisations {
            let names = std::iter::once(&org.id)
                .chain(std::iter::once(&org.name))
                .chain(org.acronym.iter())
                .chain(org.aliases.iter());
            for name in names {
                self.organisation_names
                    .entry(fold(name))
                    .or_insert_with(|| org.id.clone());
            }
        }
        for person in &corpus.people {
            let names = [&person.id, &person.name]
                .into_iter()
                .chain(person.aliases.iter());
            for name in names {
                self.person_names
                    .entry(fold(name))
                    .or_insert_with(|| person.id.clone());
            }
        }
        for topic in &corpus.topics {
            let names = [&topic.id, &topic.label]
                .into_iter()
                .chain(topic.aliases.iter());
            for name in names {
                self.topic_names
                    .entry(fold(name))
                    .or_insert_with(|| topic.id.clone());
            }
        }
    }

    fn link_meeting(&mut self, entry: EntryRef, meeting: &Meeting) {
        for topic in &meeting.topics {
            push(
                &mut self.by_topic,
                &topic.topic,
                entry,
                Role::Discussed,
                &topic.cite,
            );
        }
        for delegation in &meeting.delegations {
            for head in &delegation.heads {
                push(
                    &mut self.by_person,
                    &head.person,
                    entry,
                    Role::Head,
                    &head.cite,
                );
                if let Some(org) = &head.organisation {
                    push(
                        &mut self.by_organisation,
                        org,
                        entry,
                        Role::Head,
                        &head.cite,
                    );
                }
            }
            for member in &delegation.members {
                let role = Role::Participant;
                push(
                    &mut self.by_organisation,
                    &member.organisation,
                    entry,
                    role,
                    &member.cite,
                );
            }
        }
        for observer in &meeting.observers {
            let role = Role::Observer;
            push(
                &mut self.by_organisation,
                &observer.organisation,
                entry,
                role,
                &observer.cite,
            );
        }
        if let Some(place) = &meeting.place {
            let key = fold(&place.city);
            self.by_place.entry(key).or_default().push(Appearance {
                entry,
                role: Role::Venue,
                cite: place.cite.clone(),
            });
        }
    }

    /// Links people to the meetings their roles name (one pass over people, one id lookup each).
    fn link_roles(&mut self, corpus: &Corpus) {
        for person in &corpus.people {
            for role in &person.roles {
                let Some(meeting) = &role.meeting else {
                    continue;
                };
                if let Some((RecordKind::Meeting, i)) = self.record(meeting) {
                    let entry = EntryRef::Meeting(i);
                    push(
                        &mut self.by_person,
                        &person.id,
                        entry,
                        Role::Head,
                        &role.cite,
                    );
                }
            }
        }
    }

    fn link_event(&mut self, entry: EntryRef, event: &Event) {
        for topic in &event.topics {
            push(
                &mut self.by_topic,
                topic,
                entry,
                Role::Discussed,
                &event.cite,
            );
        }
        for org in &event.organisations {
            push(
                &mut self.by_organisation,
                org,
                entry,
                Role::Mentioned,
                &event.cite,
            );
        }
        if let Some(place) = &event.place {
            self.by_place
                .entry(fold(&place.city))
                .or_default()
                .push(Appearance {
                    entry,
                    role: Role::Venue,
                    cite: place.cite.clone(),
                });
        }
    }

    /// Links organisations and people to the meetings whose accounts name them.
    ///
    /// One Aho-Corasick automaton over every name, acronym and alias scans each paragraph once,
    /// so the cost grows with the text, not with text × names (a ministry's corpus has tens of
    /// thousands of names).
    fn link_mentions(&mut self, corpus: &Corpus) {
        #[derive(Clone, Copy)]
        enum Owner {
            Organisation(usize),
            Person(usize),
        }
        let mut terms: Vec<&str> = Vec::new();
        let mut owners: Vec<Owner> = Vec::new();
        for (i, o) in corpus.organisations.iter().enumerate() {
            let names = std::iter::once(o.name.as_str())
                .chain(o.acronym.as_deref())
                .chain(o.aliases.iter().map(String::as_str));
            for name in names.filter(|n| !n.is_empty()) {
                terms.push(name);
                owners.push(Owner::Organisation(i));
            }
        }
        for (i, p) in corpus.people.iter().enumerate() {
            let names =
                std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str));
            for name in names.filter(|n| !n.is_empty()) {
                terms.push(name);
                owners.push(Owner::Person(i));
            }
        }
        if terms.is_empty() {
            return;
        }
        // A contiguous NFA builds in microseconds; the default may build a DFA, which costs a
        // millisecond at start-up for a scan that runs once.
        let Ok(automaton) = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&terms)
        else {
            return;
        };
        let sources: HashMap<&str, &crate::corpus::Source> =
            corpus.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        for (i, meeting) in corpus.meetings.iter().enumerate() {
            let entry = EntryRef::Meeting(i);
            for account in &meeting.accounts {
                let Some(source) = sources.get(account.source.as_str()) else {
                    continue;
                };
                for (p, paragraph) in source.paragraphs.iter().enumerate() {
                    let cite = Citation {
                        source: source.id.clone(),
                        paragraph: (p + 1) as u32,
                    };
                    // Overlapping search: "National Intelligence Service" and "NCSC" may
                    // overlap other names; every whole-word occurrence counts.
                    for found in automaton.find_overlapping_iter(paragraph.as_str()) {
                        if !is_whole_word(paragraph, found.start(), found.end()) {
                            continue;
                        }
                        match owners[found.pattern().as_usize()] {
                            Owner::Organisation(o) => {
                                let id = &corpus.organisations[o].id;
                                push_one(
                                    &mut self.by_organisation,
                                    id,
                                    entry,
                                    Role::Mentioned,
                                    &cite,
                                );
                            }
                            Owner::Person(q) => {
                                let id = &corpus.people[q].id;
                                push_one(&mut self.by_person, id, entry, Role::Mentioned, &cite);
                            }
                        }
                    }
                }
            }
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
        let linked = |map: &HashMap<String, Vec<Appearance>>, key: &Option<String>| {
            key.as_ref().is_none_or(|k| {
                map.get(k)
                    .is_some_and(|list| list.iter().any(|a| a.entry == entry))
            })
        };
        let place_ok = filter.place.as_ref().is_none_or(|p| {
            self.by_place
                .get(&fold(p))
                .is_some_and(|list| list.iter().any(|a| a.entry == entry))
        });
        let year_ok = filter
            .year
            .as_ref()
            .is_none_or(|y| entry_date(corpus, entry).is_some_and(|d| d.starts_with(y.as_str())));
        let series_ok = filter.series.as_ref().is_none_or(|s| match entry {
            EntryRef::Meeting(i) => corpus.meetings[i].series == *s,
            EntryRef::Event(i) => corpus.events[i].series.as_deref() == Some(s.as_str()),
        });
        linked(&self.by_topic, &filter.topic)
            && linked(&self.by_organisation, &filter.organisation)
            && linked(&self.by_person, &filter.person)
            && place_ok
            && year_ok
            && series_ok
    }

    /// The kind and position of the record with this id.
    pub fn record(&self, id: &str) -> Option<(RecordKind, usize)> {
        self.ids.get(id).copied()
    }

    /// Topic id from an id, label or alias, in any case.
    pub fn resolve_topic(&self, name: &str) -> Option<&str> {
        self.topic_names.get(&fold(name)).map(String::as_str)
    }

    /// Organisation id from an id, name, acronym or alias, in any case.
    pub fn resolve_organisation(&self, name: &str) -> Option<&str> {
        self.organisation_names.get(&fold(name)).map(String::as_str)
    }

    /// Person id from an id, name or alias, in any case.
    pub fn resolve_person(&self, name: &str) -> Option<&str> {
        self.person_names.get(&fold(name)).map(String::as_str)
    }

    /// The place key (folded city) for a city name, if any entry took place there.
    pub fn resolve_place(&self, name: &str) -> Option<String> {
        let key = fold(name);
        self.by_place.contains_key(&key).then_some(key)
    }

    pub fn topic_appearances(&self, topic: &str) -> &[Appearance] {
        self.by_topic.get(topic).map_or(&[], Vec::as_slice)
    }

    pub fn organisation_appearances(&self, organisation: &str) -> &[Appearance] {
        self.by_organisation
            .get(organisation)
            .map_or(&[], Vec::as_slice)
    }

    pub fn person_appearances(&self, person: &str) -> &[Appearance] {
        self.by_person.get(person).map_or(&[], Vec::as_slice)
    }

    pub fn place_appearances(&self, place: &str) -> &[Appearance] {
        self.by_place.get(&fold(place)).map_or(&[], Vec::as_slice)
    }

    /// Every place (folded city name) with its appearances, in name order.
    pub fn places(&self) -> impl Iterator<Item = (&str, &[Appearance])> {
        self.by_place
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Meetings that share topics, organisations or people with this one, most shared first,
    /// each with the ids of what they share.
    pub fn related(&self, corpus: &Corpus, meeting: usize) -> Vec<Related> {
        let me = EntryRef::Meeting(meeting);
        let mut shared: BTreeMap<usize, Related> = BTreeMap::new();
        let maps = [
            (RecordKind::Topic, &self.by_topic),
            (RecordKind::Organisation, &self.by_organisation),
            (RecordKind::Person, &self.by_person),
        ];
        for (kind, map) in maps {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            for key in keys {
                let list = &map[key];
                if !list.iter().any(|a| a.entry == me) {
                    continue;
                }
                let others: BTreeSet<usize> = list
                    .iter()
                    .filter_map(|a| match a.entry {
                        EntryRef::Meeting(j) if j != meeting => Some(j),
                        _ => None,
                    })
                    .collect();
                for j in others {
                    shared
                        .entry(j)
                        .or_insert_with(|| Related {
                            meeting: j,
                            shared: Vec::new(),
                        })
                        .shared
                        .push((kind, key.clone()));
                }
            }
        }
        let mut related: Vec<Related> = shared.into_values().collect();
        related.sort_by(|a, b| {
            b.shared.len().cmp(&a.shared.len()).then_with(|| {
                corpus.meetings[a.meeting]
                    .date
                    .value
                    .cmp(&corpus.meetings[b.meeting].date.value)
            })
        });
        related
    }
}

/// Another meeting and what it shares with the one asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub meeting: usize,
    pub shared: Vec<(RecordKind, String)>,
}

fn push(
    map: &mut HashMap<String, Vec<Appearance>>,
    key: &str,
    entry: EntryRef,
    role: Role,
    cite: &[Citation],
) {
    map.entry(key.to_string()).or_default().push(Appearance {
        entry,
        role,
        cite: cite.to_vec(),
    });
}

fn push_one(
    map: &mut HashMap<String, Vec<Appearance>>,
    key: &str,
    entry: EntryRef,
    role: Role,
    cite: &Citation,
) {
    push(map, key, entry, role, std::slice::from_ref(cite));
}

/// One appearance per (entry, strongest role), citations merged and sorted. A mention in the
/// text adds its citation to a structured role rather than listing the entry twice.
fn merge_appearances(list: &mut Vec<Appearance>) {
    let mut by_entry: BTreeMap<EntryRef, Appearance> = BTreeMap::new();
    for a in list.drain(..) {
        match by_entry.get_mut(&a.entry) {
            Some(existing) => {
                existing.role = existing.role.min(a.role);
                existing.cite.extend(a.cite);
            }
            None => {
                by_entry.insert(a.entry, a);
            }
        }
    }
    for a in by_entry.values_mut() {
        a.cite.sort();
        a.cite.dedup();
    }
    list.extend(by_entry.into_values());
}

/// Whether `text[begin..end]` is a whole word (not inside a longer word). Acronyms of two or
/// three letters would otherwise match everywhere ("EC" in "security").
fn is_whole_word(text: &str, begin: usize, end: usize) -> bool {
    let before_ok = text[..begin]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    before_ok && after_ok
}

/// Whether `text` contains `term` as a whole word.
pub fn contains_term(text: &str, term: &str) -> bool {
    if term.is_empty() {
        return false;
    }
    text.match_indices(term)
        .any(|(begin, m)| is_whole_word(text, begin, begin + m.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_word_terms_only() {
        assert!(contains_term("officials from the EC and", "EC"));
        assert!(contains_term("(EC)—each", "EC"));
        assert!(!contains_term("cybersecurity policy", "EC"));
        assert!(!contains_term("SECURITY", "EC"));
        assert!(contains_term("the UN.", "UN"));
        assert!(!contains_term("UNDP", "UN"));
        assert!(!contains_term("anything", ""));
    }

    #[test]
    fn merge_keeps_the_strongest_role_and_all_citations() {
        let c = |p| Citation {
            source: "s".into(),
            paragraph: p,
        };
        let mut list = vec![
            Appearance {
                entry: EntryRef::Meeting(0),
                role: Role::Mentioned,
                cite: vec![c(3)],
            },
            Appearance {
                entry: EntryRef::Meeting(0),
                role: Role::Head,
                cite: vec![c(1), c(3)],
            },
            Appearance {
                entry: EntryRef::Meeting(1),
                role: Role::Observer,
                cite: vec![c(2)],
            },
        ];
        merge_appearances(&mut list);
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].role, Role::Head);
        assert_eq!(list[0].cite, vec![c(1), c(3)]);
        assert_eq!(list[1].role, Role::Observer);
    }

    #[test]
    fn folding_is_beyond_ascii() {
        assert_eq!(fold("  ÉLYSÉE "), "élysée");
    }
}
