//! Linking facet values to the meetings and events they appear in: by the structured record
//! (topics, heads, members, observers, places, roles) and by a whole-word scan of the accounts'
//! text for organisation and person names; then one appearance per entry, citations merged.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::{Appearance, EntryRef, Index, Role};
use crate::corpus::{Citation, Corpus, Event, Facet, Meeting, Place};

impl Index {
    /// Fills the appearance tables of every facet.
    pub(super) fn link(&mut self, corpus: &Corpus) {
        for (i, meeting) in corpus.meetings.iter().enumerate() {
            self.link_meeting(EntryRef::Meeting(i), meeting);
        }
        self.link_roles(corpus);
        for (i, event) in corpus.events.iter().enumerate() {
            self.link_event(EntryRef::Event(i), event);
        }
        self.link_mentions(corpus);
        for list in self.appearances.iter_mut().flat_map(|map| map.values_mut()) {
            merge_appearances(list);
        }
    }

    fn add(&mut self, facet: Facet, key: &str, entry: EntryRef, role: Role, cite: &[Citation]) {
        let appearance = Appearance {
            entry,
            role,
            cite: cite.to_vec(),
        };
        let map = &mut self.appearances[facet.slot()];
        // Most keys are seen before: look up by `&str` first, copy the key only when new.
        match map.get_mut(key) {
            Some(list) => list.push(appearance),
            None => {
                map.insert(key.to_string(), vec![appearance]);
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

    /// Links organisations and people to the meetings whose accounts name them.
    ///
    /// One Aho-Corasick automaton over every name, acronym and alias scans each paragraph once,
    /// so the cost grows with the text, not with text × names (a ministry's corpus has tens of
    /// thousands of names).
    fn link_mentions(&mut self, corpus: &Corpus) {
        let mut terms: Vec<&str> = Vec::new();
        // The facet and id each term names.
        let mut owners: Vec<(Facet, &str)> = Vec::new();
        for o in &corpus.organisations {
            let names = std::iter::once(o.name.as_str())
                .chain(o.acronym.as_deref())
                .chain(o.aliases.iter().map(String::as_str));
            for name in names.filter(|n| !n.is_empty()) {
                terms.push(name);
                owners.push((Facet::Organisation, &o.id));
            }
        }
        for p in &corpus.people {
            let names =
                std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str));
            for name in names.filter(|n| !n.is_empty()) {
                terms.push(name);
                owners.push((Facet::Person, &p.id));
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
                    // Overlapping search: "National Intelligence Service" and "NCSC" may
                    // overlap other names; every whole-word occurrence counts.
                    for found in automaton.find_overlapping_iter(paragraph.as_str()) {
                        if !is_whole_word(paragraph, found.start(), found.end()) {
                            continue;
                        }
                        let (facet, id) = owners[found.pattern().as_usize()];
                        // Made per mention, not per paragraph: most paragraphs name no one.
                        let cite = Citation::at(source.id.clone(), (p + 1) as u32);
                        let cite = std::slice::from_ref(&cite);
                        self.add(facet, id, entry, Role::Mentioned, cite);
                    }
                }
            }
        }
    }
}

/// One appearance per (entry, strongest role), citations merged and sorted. A mention in the
/// text adds its citation to a structured role rather than listing the entry twice.
pub(super) fn merge_appearances(list: &mut Vec<Appearance>) {
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

    #[test]
    fn merge_keeps_the_strongest_role_and_all_citations() {
        let c = |p| Citation::at("s", p);
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
}
