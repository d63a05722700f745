//! Meetings related to a meeting: those that share a topic, organisation or person with it.

use std::collections::{BTreeMap, BTreeSet};

use super::{EntryRef, Index};
use crate::corpus::{Corpus, Facet};

/// Another meeting and what it shares with the one asked about: (facet, key) pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub meeting: usize,
    pub shared: Vec<(Facet, String)>,
}

impl Index {
    /// Meetings that share topics, organisations or people with this one, most shared first,
    /// each with the ids of what they share. A shared city relates nothing: it is a venue.
    pub fn related(&self, corpus: &Corpus, meeting: usize) -> Vec<Related> {
        let me = EntryRef::Meeting(meeting);
        let mut shared: BTreeMap<usize, Related> = BTreeMap::new();
        for facet in [Facet::Topic, Facet::Organisation, Facet::Person] {
            for (key, list) in self.appearance_lists(facet) {
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
                        .push((facet, key.to_string()));
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
