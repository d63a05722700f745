//! Topic roll-up: a topic includes its sub-topics (topics name their `parent`). "Has malicious
//! cyber activity come up before?" is answered by the meetings that discussed it or any of its
//! sub-topics ("diplomatic responses"), unless the reader asks for the topic alone
//! ([`TopicScope::Exact`]).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::packed::Lists;
use super::{Appearance, Index, Role, link};
use crate::corpus::{Corpus, Facet, Text};

/// Whether a topic stands for itself and its sub-topics, or for itself alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum TopicScope {
    /// The topic and every topic below it (the default everywhere).
    #[default]
    WithSubtopics,
    /// The topic alone (`--exact`).
    Exact,
}

impl Index {
    /// Records the sub-topics of every topic, and where each topic appears with its sub-topics.
    pub(super) fn roll_up_topics(&mut self, corpus: &Corpus) {
        for t in &corpus.topics {
            if let Some(parent) = &t.parent {
                self.subtopics
                    .entry(parent.to_string())
                    .or_default()
                    .push(t.id.to_string());
            }
        }
        let mut rolled: HashMap<Text, Vec<Appearance>> = HashMap::default();
        for t in &corpus.topics {
            let below = self.descendants(&t.id);
            if below.is_empty() {
                continue;
            }
            let mut list: Vec<Appearance> = self.appearances(Facet::Topic, &t.id).to_vec();
            for sub in &below {
                let inherited = self.appearances(Facet::Topic, sub);
                list.extend(inherited.iter().map(|a| Appearance {
                    role: Role::SubTopic,
                    ..a.clone()
                }));
            }
            link::merge_appearances(&mut list);
            rolled.insert(t.id.clone(), list);
        }
        self.rolled_up = Lists::of(rolled);
    }

    /// The direct sub-topics of a topic, in corpus order.
    pub fn subtopics(&self, topic: &str) -> &[String] {
        self.subtopics.get(topic).map_or(&[], Vec::as_slice)
    }

    /// Every topic below a topic (sub-topics, their sub-topics, …), depth first; a cycle (which
    /// `check` reports) is walked once.
    pub fn descendants(&self, topic: &str) -> Vec<String> {
        let mut seen: HashSet<&str> = std::iter::once(topic).collect();
        let mut out = Vec::new();
        let mut stack: Vec<&str> = self
            .subtopics(topic)
            .iter()
            .rev()
            .map(String::as_str)
            .collect();
        while let Some(t) = stack.pop() {
            if !seen.insert(t) {
                continue;
            }
            out.push(t.to_string());
            stack.extend(self.subtopics(t).iter().rev().map(String::as_str));
        }
        out
    }

    /// Where a facet value appears; a topic with its sub-topics unless `scope` is
    /// [`TopicScope::Exact`] (a sub-topic's meeting has the role [`Role::SubTopic`] when the
    /// topic itself was not recorded there).
    pub fn appearances_within(&self, facet: Facet, key: &str, scope: TopicScope) -> &[Appearance] {
        match (facet, scope) {
            (Facet::Topic, TopicScope::WithSubtopics) => match self.rolled_up.get(key) {
                Some(list) => list,
                None => self.appearances(facet, key),
            },
            _ => self.appearances(facet, key),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::corpus::Citation;
    use crate::index::{EntryRef, Filter};

    /// Threats with a sub-topic (ransomware) and a sub-sub-topic (lockbit); three meetings, one
    /// per level.
    fn corpus() -> Corpus {
        let cite = |p: u32| json!([{"source": "s1", "paragraph": p}]);
        let date = json!({"value": "2020-01-01", "precision": "day", "provenance": "stated",
                          "cite": cite(1)});
        let meeting = |id: &str, topic: &str, p: u32| {
            json!({"id": id, "series": "dialogue", "title": id, "short_title": id,
                   "date": date, "topics": [{"topic": topic, "cite": cite(p)}],
                   "accounts": [{"source": "s1"}]})
        };
        serde_json::from_value(json!({
            "format": "entente-corpus/1",
            "sources": [{"id": "s1", "title": "T", "language": "en", "kind": "press-release",
                         "raw": "", "paragraphs": ["a", "b", "c"]}],
            "meetings": [meeting("m1", "threats", 1), meeting("m2", "ransomware", 2),
                         meeting("m3", "lockbit", 3)],
            "topics": [
                {"id": "threats", "label": "Threats"},
                {"id": "ransomware", "label": "Ransomware", "parent": "threats"},
                {"id": "lockbit", "label": "LockBit", "parent": "ransomware"},
                {"id": "spyware", "label": "Spyware", "parent": "threats"}
            ]
        }))
        .expect("the test corpus matches the model")
    }

    fn entries(list: &[Appearance]) -> Vec<EntryRef> {
        list.iter().map(|a| a.entry).collect()
    }

    #[test]
    fn a_topic_includes_every_level_of_sub_topics_unless_exact() {
        let index = Index::build(&corpus());
        let (m1, m2, m3) = (
            EntryRef::Meeting(0),
            EntryRef::Meeting(1),
            EntryRef::Meeting(2),
        );
        let within = index.appearances_within(Facet::Topic, "threats", TopicScope::WithSubtopics);
        assert_eq!(entries(within), [m1, m2, m3]);
        let roles: Vec<Role> = within.iter().map(|a| a.role).collect();
        assert_eq!(roles, [Role::Discussed, Role::SubTopic, Role::SubTopic]);
        assert_eq!(within[2].cite, [Citation::at("s1", 3)]);
        let exact = index.appearances_within(Facet::Topic, "threats", TopicScope::Exact);
        assert_eq!(entries(exact), [m1]);
        let middle =
            index.appearances_within(Facet::Topic, "ransomware", TopicScope::WithSubtopics);
        assert_eq!(entries(middle), [m2, m3]);
        let leaf = index.appearances_within(Facet::Topic, "lockbit", TopicScope::WithSubtopics);
        assert_eq!(entries(leaf), [m3]);
    }

    #[test]
    fn sub_topics_are_listed_in_corpus_order_and_descendants_depth_first() {
        let index = Index::build(&corpus());
        assert_eq!(index.subtopics("threats"), ["ransomware", "spyware"]);
        assert_eq!(
            index.descendants("threats"),
            ["ransomware", "lockbit", "spyware"]
        );
        assert!(index.subtopics("lockbit").is_empty());
    }

    #[test]
    fn a_cycle_is_walked_once() {
        let mut c = corpus();
        c.topics[0].parent = Some("lockbit".into());
        let index = Index::build(&c);
        assert_eq!(
            index.descendants("threats"),
            ["ransomware", "lockbit", "spyware"]
        );
        assert_eq!(
            index.descendants("lockbit"),
            ["threats", "ransomware", "spyware"]
        );
    }

    #[test]
    fn the_timeline_filter_rolls_up_unless_exact() {
        let c = corpus();
        let index = Index::build(&c);
        let mut f = Filter::default();
        f.set_facet(Facet::Topic, "threats");
        assert_eq!(index.filtered(&c, &f).len(), 3);
        f.topic_scope = TopicScope::Exact;
        assert_eq!(index.filtered(&c, &f), [EntryRef::Meeting(0)]);
        assert!(!f.is_empty());
        let mut scope_only = Filter::default();
        scope_only.topic_scope = TopicScope::Exact;
        assert!(scope_only.is_empty(), "the scope alone narrows nothing");
    }
}
