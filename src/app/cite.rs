//! Short citation labels for one entry: each source's label from the one citation style in
//! [`crate::facts::cite`] ("EU 2025 ¶7"), kept in a table for the sources an entry shows; and
//! the name of each of its texts ("EU account").

use crate::accounts::{TextSource, text_sources};
use crate::corpus::names::side_label_in;
use crate::corpus::{Citation, Corpus};
use crate::facts::cite;
use crate::index::EntryRef;

use super::strings::Strings;

/// The labels of the sources one entry cites, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CiteLabels {
    /// (source id, short label)
    labels: Vec<(String, String)>,
}

impl CiteLabels {
    /// Labels for `sources` (ids, first occurrence kept): each source's own label, else its id.
    pub fn new(corpus: &Corpus, sources: &[String]) -> CiteLabels {
        let mut labels: Vec<(String, String)> = Vec::new();
        for id in sources {
            if !labels.iter().any(|(s, _)| s == id) {
                labels.push((id.clone(), cite::source_label(corpus, id).to_string()));
            }
        }
        CiteLabels { labels }
    }

    /// Labels for the sources of a timeline entry (its accounts first).
    pub fn for_entry(corpus: &Corpus, entry: EntryRef) -> CiteLabels {
        let ids: Vec<String> = text_sources(corpus, entry)
            .into_iter()
            .map(|s| s.id)
            .collect();
        CiteLabels::new(corpus, &ids)
    }

    /// The short label of a source ("EU 2025"), or the source id when it is not one of them.
    pub fn source_label<'a>(&'a self, source: &'a str) -> &'a str {
        self.labels
            .iter()
            .find(|(id, _)| id == source)
            .map_or(source, |(_, l)| l.as_str())
    }

    /// "EU 2025 ¶7", or "KBS 2025" for a reference source cited as a whole.
    pub fn label(&self, c: &Citation) -> String {
        match c.paragraph {
            Some(p) => format!("{} ¶{p}", self.source_label(&c.source)),
            None => self.source_label(&c.source).to_string(),
        }
    }

    /// "[EU 2025 ¶3; ROK 2025 ¶1]" for a list of citations, wrapping only between sources.
    pub fn list(&self, cites: &[Citation]) -> String {
        cite::unbroken(&cite::list_with(cites, |id| self.source_label(id)))
    }

    /// "EU 2025 = eu-7th-cyber-dialogue · ROK 2025 = rok-7th-…", or empty when there are none.
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

/// "EU account", "ROK account", "cited source": the side labelled as the corpus's party
/// table says, in the interface language.
pub fn source_name(corpus: &Corpus, t: &Strings, s: &TextSource) -> String {
    let kind = if s.account { t.account } else { t.cited_source };
    match &s.side {
        Some(side) => format!("{} {kind}", side_label_in(corpus, side, t.code)),
        None => kind.to_string(),
    }
}

/// "[EU 2025 ¶7; ROK 2025 ¶9]", for what is copied to the clipboard: the same style as every
/// other surface.
pub fn full_list(corpus: &Corpus, cites: &[Citation]) -> String {
    cite::list(corpus, cites)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Side;

    use crate::test_fixture::source_on as source;

    #[test]
    fn sources_are_labelled_by_their_own_label_else_their_id() {
        let mut eu = source("eu-a", Some(Side::party("eu")));
        eu.label = Some("EU 2025".into());
        let corpus = Corpus {
            sources: vec![eu, source("news", None)],
            ..Corpus::default()
        };
        let ids: Vec<String> = ["eu-a", "news", "eu-a"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let l = CiteLabels::new(&corpus, &ids);
        let c = |s: &str, p| Citation::at(s, p);
        assert_eq!(l.label(&c("eu-a", 7)), "EU 2025 ¶7");
        assert_eq!(l.label(&c("news", 2)), "news ¶2");
        assert_eq!(l.label(&c("other", 2)), "other ¶2");
        assert_eq!(
            l.list(&[c("eu-a", 7), c("eu-a", 8)]),
            "[EU\u{a0}2025\u{a0}¶7,\u{a0}¶8]"
        );
        assert_eq!(l.legend(), "EU 2025 = eu-a · news = news");
        assert_eq!(
            full_list(&corpus, &[c("eu-a", 7), c("news", 1)]),
            "[EU 2025 ¶7; news ¶1]"
        );
    }
}
