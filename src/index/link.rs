//! Linking facet values to the meetings and events they appear in: by the structured record
//! (topics, heads, members, observers, places, roles) and by a whole-word scan of the accounts'
//! text for organisation and person names; then one appearance per entry, citations merged.

use rustc_hash::FxHashMap as HashMap;

use super::packed::Lists;
use super::{Appearance, Cites, EntryRef, Index, Role};
use crate::corpus::{Citation, Corpus, Event, Facet, Meeting, Place, Text};

impl Index {
    /// Gathers the appearances the records name (topics, heads, members, observers, places,
    /// roles); the names the accounts mention come after ([`Index::link_mentions`]), then
    /// [`Index::link_done`].
    pub(super) fn link_records(&mut self, corpus: &Corpus) {
        for (i, meeting) in corpus.meetings.iter().enumerate() {
            self.link_meeting(EntryRef::Meeting(i), meeting);
        }
        self.link_roles(corpus);
        for (i, event) in corpus.events.iter().enumerate() {
            self.link_event(EntryRef::Event(i), event);
        }
    }

    /// Once everything is gathered: one appearance per entry in each list, the topics rolled
    /// up, the tables packed.
    pub(super) fn link_done(&mut self, corpus: &Corpus) {
        self.merge_gathered(&Facet::ALL);
        self.roll_up_topics(corpus);
        self.pack_appearances();
    }

    /// Merges every list gathered for `facets` (see [`merge_appearances`]).
    pub(super) fn merge_gathered(&mut self, facets: &[Facet]) {
        for facet in facets {
            for list in self.gathering[facet.slot()].values_mut() {
                merge_appearances(list);
            }
        }
    }

    /// Packs each facet's gathered (and merged) lists into its table, a facet at a time (so
    /// a facet's lists are held twice at most, never the whole index's).
    pub(super) fn pack_appearances(&mut self) {
        for slot in 0..self.gathering.len() {
            let gathered = std::mem::take(&mut self.gathering[slot]);
            if !gathered.is_empty() {
                self.appearances[slot] = Lists::of(gathered);
            }
        }
    }

    fn add(&mut self, facet: Facet, key: &str, entry: EntryRef, role: Role, cite: &[Citation]) {
        let appearance = Appearance {
            entry,
            role,
            cite: Cites::from(cite),
        };
        let map = &mut self.gathering[facet.slot()];
        // Most keys are seen before: look up by `&str` first, copy the key only when new.
        match map.get_mut(key) {
            Some(list) => list.push(appearance),
            None => {
                map.insert(Text::from(key), vec![appearance]);
            }
        }
    }

    fn add_place(&mut self, entry: EntryRef, place: &Place) {
        self.add(Facet::Place, &place.key(), entry, Role::Venue, &place.cite);
    }

    fn link_meeting(&mut self, entry: EntryRef, meeting: &Meeting) {
        for topic in &meeting.topics {
            self.add(
                Facet::Topic,
                &topic.topic,
                entry,
                Role::Discussed,
                &topic.cite,
            );
        }
        for delegation in &meeting.delegations {
            for head in &delegation.heads {
                self.add(Facet::Person, &head.person, entry, Role::Head, &head.cite);
                if let Some(org) = &head.organisation {
                    self.add(Facet::Organisation, org, entry, Role::Head, &head.cite);
                }
            }
            for member in &delegation.members {
                let org = &member.organisation;
                self.add(
                    Facet::Organisation,
                    org,
                    entry,
                    Role::Participant,
                    &member.cite,
                );
            }
        }
        for observer in &meeting.observers {
            let org = &observer.organisation;
            self.add(
                Facet::Organisation,
                org,
                entry,
                Role::Observer,
                &observer.cite,
            );
        }
        if let Some(place) = &meeting.place {
            self.add_place(entry, place);
        }
    }

    /// Links people to the meetings their roles name (one pass over people, one id lookup each).
    fn link_roles(&mut self, corpus: &Corpus) {
        for person in &corpus.people {
            for role in &person.roles {
                let Some(meeting) = &role.meeting else {
                    continue;
                };
                if let Some(entry @ EntryRef::Meeting(_)) = self.entry(meeting) {
                    self.add(Facet::Person, &person.id, entry, Role::Head, &role.cite);
                }
            }
        }
    }

    fn link_event(&mut self, entry: EntryRef, event: &Event) {
        for topic in &event.topics {
            self.add(Facet::Topic, topic, entry, Role::Discussed, &event.cite);
        }
        for org in &event.organisations {
            self.add(
                Facet::Organisation,
                org,
                entry,
                Role::Mentioned,
                &event.cite,
            );
        }
        if let Some(place) = &event.place {
            self.add_place(entry, place);
        }
    }

    /// Links organisations and people to the meetings whose accounts name them, in meeting
    /// order (so the tables are the same whether the scan ran on one core or both).
    pub(super) fn link_mentions(&mut self, mentions: Mentions<'_>) {
        self.link_mentioned(mentions.into_owned());
    }

    /// [`Index::link_mentions`] from names found earlier, in the order found.
    pub(super) fn link_mentioned(&mut self, mentioned: Vec<Mentioned>) {
        for Mentioned {
            facet,
            id,
            meeting,
            cite,
        } in mentioned
        {
            self.add(
                facet,
                &id,
                EntryRef::Meeting(meeting),
                Role::Mentioned,
                std::slice::from_ref(&cite),
            );
        }
    }
}

/// A name found in a meeting's account, owning what it holds, so that it can be found on
/// another thread than the index's (`IndexRest`).
#[derive(Debug)]
pub(super) struct Mentioned {
    facet: Facet,
    id: Text,
    meeting: usize,
    cite: Citation,
}

/// The organisation and person names found in each meeting's accounts.
pub(super) struct Mentions<'c> {
    /// The facet and id each term names.
    owners: Vec<(Facet, &'c str)>,
    /// Per meeting, in corpus order: the names found, in text order.
    found: Vec<Vec<Mention<'c>>>,
}

impl<'c> Mentions<'c> {
    /// Scans every meeting's accounts for the names of organisations and people.
    ///
    /// One Aho-Corasick automaton over every name, acronym and alias scans each paragraph once,
    /// so the cost grows with the text, not with text × names (a ministry's corpus has tens of
    /// thousands of names). Every meeting's accounts are scanned apart, on both cores when the
    /// corpus is big. The index runs this before it builds its tables: the automaton is the
    /// biggest thing the build holds for a while (some 40 MB for a 100k corpus's names), and
    /// is dropped before the tables take their room, so the two never add up.
    pub(super) fn scan(corpus: &'c Corpus) -> Mentions<'c> {
        Mentions::scan_on(corpus, paragraphs(corpus) >= PARALLEL_PARAGRAPHS)
    }

    fn scan_on(corpus: &'c Corpus, parallel: bool) -> Mentions<'c> {
        let mut terms: Vec<&str> = Vec::new();
        let mut owners: Vec<(Facet, &str)> = Vec::new();
        for o in &corpus.organisations {
            let names = std::iter::once(o.name.as_str())
                .chain(o.acronym.as_deref())
                .chain(o.aliases.iter().map(Text::as_str));
            for name in names.filter(|n| !n.is_empty()) {
                terms.push(name);
                owners.push((Facet::Organisation, &o.id));
            }
        }
        for p in &corpus.people {
            let names = std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(Text::as_str));
            for name in names.filter(|n| !n.is_empty()) {
                terms.push(name);
                owners.push((Facet::Person, &p.id));
            }
        }
        let nothing = |owners| Mentions {
            owners,
            found: Vec::new(),
        };
        if terms.is_empty() {
            return nothing(owners);
        }
        // A contiguous NFA builds in microseconds; the default may build a DFA, which costs a
        // millisecond at start-up for a scan that runs once.
        let Ok(automaton) = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&terms)
        else {
            return nothing(owners);
        };
        let sources: HashMap<&str, &crate::corpus::Source> =
            corpus.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        let scan = |meeting: &Meeting| mentions_in(meeting, &sources, &automaton);
        let found: Vec<Vec<Mention>> = if parallel {
            use rayon::prelude::*;
            corpus
                .meetings
                .par_iter()
                .with_min_len(64)
                .map(scan)
                .collect()
        } else {
            corpus.meetings.iter().map(scan).collect()
        };
        Mentions { owners, found }
    }

    /// The names found, in meeting order, then in text order.
    pub(super) fn into_owned(self) -> Vec<Mentioned> {
        let owners = self.owners;
        self.found
            .into_iter()
            .enumerate()
            .flat_map(|(meeting, found)| found.into_iter().map(move |m| (meeting, m)))
            .map(|(meeting, mention)| {
                let (facet, id) = owners[mention.term];
                Mentioned {
                    facet,
                    id: id.into(),
                    meeting,
                    cite: Citation::at(mention.source, mention.paragraph),
                }
            })
            .collect()
    }
}

/// Below this many paragraphs in the corpus the mention scan runs on one core: starting the
/// second would cost more than it saves (the built-in corpus has a few hundred).
pub(super) const PARALLEL_PARAGRAPHS: usize = 4096;

/// How many paragraphs the corpus's sources hold.
pub(super) fn paragraphs(corpus: &Corpus) -> usize {
    corpus.sources.iter().map(|s| s.paragraphs.len()).sum()
}

/// One whole-word occurrence of a name in an account: the term's number, where it is.
struct Mention<'c> {
    term: usize,
    source: &'c str,
    paragraph: u32,
}

/// The names `automaton` finds as whole words in the accounts of `meeting`, in text order.
fn mentions_in<'c>(
    meeting: &Meeting,
    sources: &HashMap<&str, &'c crate::corpus::Source>,
    automaton: &aho_corasick::AhoCorasick,
) -> Vec<Mention<'c>> {
    let mut found = Vec::new();
    for account in &meeting.accounts {
        let Some(source) = sources.get(account.source.as_str()) else {
            continue;
        };
        for (p, paragraph) in source.paragraphs.iter().enumerate() {
            // Overlapping search: "National Intelligence Service" and "NCSC" may overlap
            // other names; every whole-word occurrence counts.
            for hit in automaton.find_overlapping_iter(paragraph.as_str()) {
                if is_whole_word(paragraph, hit.start(), hit.end()) {
                    found.push(Mention {
                        term: hit.pattern().as_usize(),
                        source: &source.id,
                        paragraph: (p + 1) as u32,
                    });
                }
            }
        }
    }
    found
}

/// One appearance per (entry, strongest role), citations merged and sorted. A mention in the
/// text adds its citation to a structured role rather than listing the entry twice.
pub(super) fn merge_appearances(list: &mut Vec<Appearance>) {
    // In place, in entry order (a stable sort, so an entry's appearances keep theirs), each
    // entry's later appearances folded into its first: no map per list (there are ~70,000
    // lists at 100k, most of one or two appearances).
    list.sort_by_key(|a| a.entry);
    list.dedup_by(|later, first| {
        if later.entry != first.entry {
            return false;
        }
        first.role = first.role.min(later.role);
        first.cite.append(std::mem::take(&mut later.cite));
        true
    });
    for a in list.iter_mut() {
        a.cite.sort_dedup();
    }
    // Lists grew by doubling as appearances were added: the spare room would be a good part
    // of the index.
    list.shrink_to_fit();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `term` occurs in `text` as a whole word, as the mention scan decides it.
    fn whole_word_in(text: &str, term: &str) -> bool {
        text.match_indices(term)
            .any(|(begin, m)| is_whole_word(text, begin, begin + m.len()))
    }

    #[test]
    fn whole_word_terms_only() {
        assert!(whole_word_in("officials from the EC and", "EC"));
        assert!(whole_word_in("(EC)—each", "EC"));
        assert!(!whole_word_in("cybersecurity policy", "EC"));
        assert!(!whole_word_in("SECURITY", "EC"));
        assert!(whole_word_in("the UN.", "UN"));
        assert!(!whole_word_in("UNDP", "UN"));
    }

    /// The scan on both cores links exactly what the scan on one does, in the same order.
    #[test]
    fn mentions_found_on_both_cores_are_those_found_on_one() {
        let mut corpus = crate::synth::generate(crate::synth::Spec::with_candidates(3_000));
        // The synthetic accounts name no one: give each a paragraph naming a person and an
        // organisation, and one naming a person inside a longer word (not a mention).
        crate::synth::name_people_in_accounts(&mut corpus);
        let people = corpus.people.clone();
        for (i, source) in corpus.sources.iter_mut().enumerate() {
            let person = &people[i % people.len()].name;
            source.paragraphs.push(format!("x{person}x").into());
        }
        let tables = |parallel: bool| {
            let mut index = Index::default();
            index.link_mentions(Mentions::scan_on(&corpus, parallel));
            // As gathered, before merging: in the order the names were found.
            index.gathering
        };
        let (one, both) = (tables(false), tables(true));
        let mentions: usize = one.iter().flat_map(|m| m.values()).map(Vec::len).sum();
        assert!(
            mentions > 100,
            "the synthetic text names people and organisations"
        );
        assert_eq!(one, both);
    }

    #[test]
    fn merge_keeps_the_strongest_role_and_all_citations() {
        let c = |p| Citation::at("s", p);
        let mut list = vec![
            Appearance {
                entry: EntryRef::Meeting(0),
                role: Role::Mentioned,
                cite: vec![c(3)].into(),
            },
            Appearance {
                entry: EntryRef::Meeting(0),
                role: Role::Head,
                cite: vec![c(1), c(3)].into(),
            },
            Appearance {
                entry: EntryRef::Meeting(1),
                role: Role::Observer,
                cite: vec![c(2)].into(),
            },
        ];
        merge_appearances(&mut list);
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].role, Role::Head);
        assert_eq!(list[0].cite, vec![c(1), c(3)]);
        assert_eq!(list[1].role, Role::Observer);
    }

    /// Appearances added out of entry order (the mentions come after every structured link):
    /// one per entry, in entry order, whatever order they came in.
    #[test]
    fn merge_orders_by_entry_and_folds_each_entry_once() {
        let c = |p| Citation::at("s", p);
        let a = |entry, role, p| Appearance {
            entry,
            role,
            cite: vec![c(p)].into(),
        };
        let (m0, m1, e0) = (
            EntryRef::Meeting(0),
            EntryRef::Meeting(1),
            EntryRef::Event(0),
        );
        let mut list = vec![
            a(m1, Role::Mentioned, 4),
            a(e0, Role::Discussed, 1),
            a(m0, Role::Participant, 2),
            a(m1, Role::Head, 2),
            a(m0, Role::Mentioned, 2),
            a(m1, Role::Mentioned, 4),
        ];
        merge_appearances(&mut list);
        let merged: Vec<(EntryRef, Role, Vec<Citation>)> = list
            .into_iter()
            .map(|a| (a.entry, a.role, a.cite.to_vec()))
            .collect();
        assert_eq!(
            merged,
            vec![
                (m0, Role::Participant, vec![c(2)]),
                (m1, Role::Head, vec![c(2), c(4)]),
                (e0, Role::Discussed, vec![c(1)]),
            ]
        );
    }
}
