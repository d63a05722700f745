//! Which source texts a timeline entry has: a meeting's own accounts first, then every other
//! source its facts cite; an event's cited sources. The browser's Text tab, its account
//! switching and its citation labels all ask here, so they agree on the order.

use crate::corpus::{Corpus, Side, Source, cites};
use crate::index::EntryRef;

/// A source whose text can be shown for an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSource {
    pub id: String,
    /// An account of the meeting (rather than a source cited for one fact).
    pub account: bool,
    /// The side that reports it: the account's own, else the source's.
    pub side: Option<Side>,
}

/// The sources of an entry, each once: a meeting's accounts first, then any other source it
/// cites; an event's cited sources. Only sources present in the corpus.
pub fn text_sources(corpus: &Corpus, entry: EntryRef) -> Vec<TextSource> {
    let mut out: Vec<TextSource> = Vec::new();
    let mut add = |id: &str, account: bool, side: Option<Side>| {
        if out.iter().any(|s| s.id == id) {
            return;
        }
        if let Some(src) = source(corpus, id) {
            out.push(TextSource {
                id: id.to_string(),
                account,
                side: side.or_else(|| src.side.clone()),
            });
        }
    };
    match entry {
        EntryRef::Meeting(i) => {
            if let Some(m) = corpus.meetings.get(i) {
                for a in &m.accounts {
                    add(&a.source, true, a.side.clone());
                }
                for c in cites::meeting(m) {
                    add(&c.source, false, None);
                }
            }
        }
        EntryRef::Event(i) => {
            if let Some(e) = corpus.events.get(i) {
                for c in cites::event(e) {
                    add(&c.source, false, None);
                }
            }
        }
    }
    out
}

/// The source with this id.
pub fn source<'a>(corpus: &'a Corpus, id: &str) -> Option<&'a Source> {
    corpus.sources.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Meeting;

    use crate::test_fixture::source_on as source;

    #[test]
    fn accounts_come_first_then_each_cited_source_once_and_only_known_ones() {
        let meeting: Meeting = serde_json::from_value(serde_json::json!({
            "id": "m", "series": "s", "title": "M", "short_title": "M",
            "date": {"value": "2025-05-20", "precision": "day", "provenance": "stated",
                     "cite": [{"source": "news", "paragraph": 1}, {"source": "rok", "paragraph": 2}]},
            "notes": [{"text": "x", "cite": [{"source": "gone", "paragraph": 1},
                                             {"source": "news", "paragraph": 3}]}],
            "accounts": [{"source": "rok", "side": "rok"}, {"source": "eu"}]
        }))
        .expect("a meeting");
        let corpus = Corpus {
            sources: vec![
                source("eu", Some(Side::party("eu"))),
                source("rok", None),
                source("news", None),
            ],
            meetings: vec![meeting],
            ..Corpus::default()
        };
        let found = text_sources(&corpus, EntryRef::Meeting(0));
        let summary: Vec<(&str, bool, Option<Side>)> = found
            .iter()
            .map(|s| (s.id.as_str(), s.account, s.side.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                ("rok", true, Some(Side::party("rok"))),
                ("eu", true, Some(Side::party("eu"))),
                ("news", false, None),
            ]
        );
        assert!(text_sources(&corpus, EntryRef::Meeting(1)).is_empty());
        assert!(text_sources(&corpus, EntryRef::Event(0)).is_empty());
    }
}
