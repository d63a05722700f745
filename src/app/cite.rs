//! Short citation labels for one entry: "EU¶7" / "ROK¶7" where each side has one source,
//! "S1¶7" otherwise, with a legend line that names the sources in full; and the name of each
//! of its texts ("EU account").

use crate::accounts::{TextSource, text_sources};
use crate::corpus::{Citation, Corpus, Side};
use crate::index::EntryRef;

use super::strings;

/// The labels of the sources one entry cites, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CiteLabels {
    /// (source id, short label)
    labels: Vec<(String, String)>,
}

impl CiteLabels {
    /// Labels for `sources` (ids, first occurrence kept), of which the first `accounts` are
    /// the entry's own accounts. An account whose side no other account shares is labelled by
    /// its side ("ROK"); so is any other source whose side no source at all shares; the rest
    /// "S1", "S2", … by position.
    pub fn new(corpus: &Corpus, sources: &[String], accounts: usize) -> CiteLabels {
        let mut ids: Vec<&String> = Vec::new();
        for s in sources {
            if !ids.contains(&s) {
                ids.push(s);
            }
        }
        let side_of = |id: &str| -> Option<Side> {
            corpus
                .sources
                .iter()
                .find(|s| s.id == id)
                .and_then(|s| s.side)
        };
        let sides: Vec<Option<Side>> = ids.iter().map(|id| side_of(id)).collect();
        let accounts = accounts.min(ids.len());
        let count =
            |list: &[Option<Side>], side: Side| list.iter().filter(|s| **s == Some(side)).count();
        let labels = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let unique = sides[i].filter(|side| {
                    if i < accounts {
                        count(&sides[..accounts], *side) == 1
                    } else {
                        count(&sides, *side) == 1
                    }
                });
                let label = match unique {
                    Some(side) => side.label().to_string(),
                    None => format!("S{}", i + 1),
                };
                ((*id).clone(), label)
            })
            .collect();
        CiteLabels { labels }
    }

    /// Labels for the sources of a timeline entry (its accounts first).
    pub fn for_entry(corpus: &Corpus, entry: EntryRef) -> CiteLabels {
        let sources = text_sources(corpus, entry);
        let accounts = sources.iter().take_while(|s| s.account).count();
        let ids: Vec<String> = sources.into_iter().map(|s| s.id).collect();
        CiteLabels::new(corpus, &ids, accounts)
    }

    /// The short label of a source ("EU"), or the source id when it is not one of them.
    pub fn source_label<'a>(&'a self, source: &'a str) -> &'a str {
        self.labels
            .iter()
            .find(|(id, _)| id == source)
            .map_or(source, |(_, l)| l.as_str())
    }

    /// "EU¶7".
    pub fn label(&self, c: &Citation) -> String {
        format!("{}¶{}", self.source_label(&c.source), c.paragraph)
    }

    /// "EU¶3 ROK¶1" for a list of citations.
    pub fn list(&self, cites: &[Citation]) -> String {
        cites
            .iter()
            .map(|c| self.label(c))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// "EU = eu-7th-cyber-dialogue · ROK = rok-7th-…", or empty when there are no sources.
    pub fn legend(&self) -> String {
        self.labels
            .iter()
            .map(|(id, l)| format!("{l} = {id}"))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }
}

/// "EU account", "ROK account", "cited source".
pub fn source_name(s: &TextSource) -> String {
    let kind = if s.account {
        strings::ACCOUNT
    } else {
        strings::CITED_SOURCE
    };
    match s.side {
        Some(side) => format!("{} {kind}", side.label()),
        None => kind.to_string(),
    }
}

/// "[source ¶7; source ¶9]" with full source ids, for what is copied to the clipboard.
pub fn full_list(cites: &[Citation]) -> String {
    if cites.is_empty() {
        return String::new();
    }
    let inner = cites
        .iter()
        .map(|c| format!("{} ¶{}", c.source, c.paragraph))
        .collect::<Vec<_>>()
        .join("; ");
    format!("[{inner}]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Source, SourceKind};

    fn source(id: &str, side: Option<Side>) -> Source {
        Source {
            id: id.into(),
            title: id.into(),
            publisher: None,
            language: "en".into(),
            kind: SourceKind::PressRelease,
            published: None,
            side,
            notes: vec![],
            raw: String::new(),
            paragraphs: vec![],
        }
    }

    #[test]
    fn sides_label_unique_sources_and_numbers_the_rest() {
        let corpus = Corpus {
            sources: vec![
                source("eu-a", Some(Side::Eu)),
                source("rok-a", Some(Side::Rok)),
                source("news", None),
            ],
            ..Corpus::default()
        };
        let ids: Vec<String> = ["eu-a", "rok-a", "news", "eu-a"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let l = CiteLabels::new(&corpus, &ids, 2);
        let c = |s: &str, p| Citation {
            source: s.into(),
            paragraph: p,
        };
        assert_eq!(l.label(&c("eu-a", 7)), "EU¶7");
        assert_eq!(l.label(&c("rok-a", 1)), "ROK¶1");
        assert_eq!(l.label(&c("news", 2)), "S3¶2");
        assert_eq!(l.label(&c("other", 2)), "other¶2");
        assert_eq!(l.legend(), "EU = eu-a · ROK = rok-a · S3 = news");
        assert_eq!(
            full_list(&[c("eu-a", 7), c("rok-a", 1)]),
            "[eu-a ¶7; rok-a ¶1]"
        );
    }

    #[test]
    fn two_sources_of_one_side_are_numbered() {
        let corpus = Corpus {
            sources: vec![source("a", Some(Side::Eu)), source("b", Some(Side::Eu))],
            ..Corpus::default()
        };
        let l = CiteLabels::new(&corpus, &["a".to_string(), "b".to_string()], 2);
        assert_eq!(l.source_label("a"), "S1");
        assert_eq!(l.source_label("b"), "S2");
        // One account of a side keeps its side even when other cited sources share it.
        let l = CiteLabels::new(&corpus, &["a".to_string(), "b".to_string()], 1);
        assert_eq!(l.source_label("a"), "EU");
        assert_eq!(l.source_label("b"), "S2");
    }
}
