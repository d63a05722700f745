//! Short citation labels for one entry: each source's label from the one citation style in
//! [`crate::facts::cite`] ("EU 2025 ¶7"), kept in a table for the sources an entry shows; the
//! name of each of its texts ("EU account"); and what `y` copies: the sentence or fact, its
//! qualifier kept, then one readable citation per cited source, by the facts model's
//! [`crate::facts::cite::Reference::readable`] — publisher, title, date, ¶, URL — each source once.

use crate::accounts::{TextSource, text_sources};
use crate::corpus::names::side_label_in;
use crate::corpus::{Citation, Corpus};
use crate::facts::Facts;
use crate::facts::cite::{self, copy_line};
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

/// A timeline entry as `y` copies it: its title, date and place with their qualifiers, then
/// one readable citation for what they cite together:
/// "6th EU–ROK Cyber Dialogue — 24 November 2020 (inferred: …), Seoul — EU Delegation, …".
pub fn copy_entry(corpus: &Corpus, facts: &Facts) -> String {
    let (text, cites) = facts.summary();
    copy_line(corpus, &text, &cites)
}

/// The first words of copied text, for the status line: at most `max` characters, cut
/// between words where it can, "…" when cut.
pub fn preview(text: &str, max: usize) -> String {
    let text = crate::text::sanitize_line(text);
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = match cut.rfind(' ') {
        Some(i) if i > 0 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ', '—']))
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
    }

    fn fixture() -> Corpus {
        crate::test_fixture::small().corpus
    }

    #[test]
    fn a_copied_paragraph_carries_one_readable_citation() {
        let corpus = fixture();
        let s = corpus
            .sources
            .iter()
            .find(|s| s.publisher.is_some() && s.url.is_some() && s.published.is_some())
            .expect("the fixture has a fully described source");
        let line = copy_line(&corpus, "The sides met.", &[Citation::at(s.id.clone(), 2)]);
        let publisher = s.publisher.as_deref().unwrap();
        let url = s.url.as_deref().unwrap();
        let date = crate::facts::date::long(s.published.as_ref().unwrap());
        assert_eq!(
            line,
            format!(
                "The sides met. — {publisher}, “{}”, {date}, ¶2, {url}",
                s.title
            )
        );
        // Once: no short label list beside the readable citation.
        assert_eq!(line.matches(url).count(), 1);
        assert!(!line.contains('['), "{line}");
    }

    #[test]
    fn each_source_is_cited_once_with_its_paragraphs_in_order() {
        let corpus = fixture();
        let ids: Vec<String> = corpus
            .sources
            .iter()
            .take(2)
            .map(|s| s.id.to_string())
            .collect();
        let cites = [
            Citation::at(ids[0].clone(), 3),
            Citation::at(ids[1].clone(), 1),
            Citation::at(ids[0].clone(), 1),
            Citation::at(ids[0].clone(), 3),
        ];
        let list = crate::facts::cite::full_list(&corpus, &cites);
        assert_eq!(list.matches("; ").count(), 1, "{list}");
        assert_eq!(list.matches("¶3").count(), 1, "{list}");
        let first = &corpus.sources[0].title;
        assert_eq!(list.matches(first.as_str()).count(), 1, "{list}");
        assert!(
            list.find("¶3").unwrap() < list.find("¶1").unwrap(),
            "{list}"
        );
        // Nothing cited: the text alone.
        assert_eq!(copy_line(&corpus, "Alone.", &[]), "Alone.");
        // An unknown source: its id, never invented details.
        assert_eq!(
            crate::facts::cite::full_list(&corpus, &[Citation::at("nowhere", 4)]),
            "nowhere, ¶4"
        );
    }

    #[test]
    fn a_copied_fact_keeps_its_qualifier_and_cites_each_source_once() {
        let corpus = fixture();
        let inferred = corpus
            .meetings
            .iter()
            .enumerate()
            .filter_map(|(i, _)| crate::facts::of_entry(&corpus, EntryRef::Meeting(i)))
            .find_map(|f| {
                f.sections
                    .iter()
                    .flat_map(|s| &s.facts)
                    .find(|f| matches!(f.qualifier, crate::facts::Qualifier::Inferred { .. }))
                    .cloned()
            });
        let Some(fact) = inferred else {
            panic!("the fixture has an inferred fact");
        };
        let line = fact.copy_text(&corpus);
        assert!(line.contains("(inferred"), "{line}");
        let sources: Vec<&str> = fact.cite.iter().map(|c| c.source.as_str()).collect();
        for id in sources {
            let r = crate::facts::cite::Reference::of(&corpus, id);
            if let Some(url) = &r.url {
                assert_eq!(line.matches(url.as_str()).count(), 1, "{line}");
            }
        }
    }

    #[test]
    fn a_copied_meeting_line_keeps_the_qualifier_and_repeats_no_citation() {
        let corpus = fixture();
        for (i, m) in corpus.meetings.iter().enumerate() {
            let facts = crate::facts::of_entry(&corpus, EntryRef::Meeting(i)).unwrap();
            let line = copy_entry(&corpus, &facts);
            assert!(line.starts_with(&*m.title), "{line}");
            for note in [crate::facts::Field::Date, crate::facts::Field::Place]
                .iter()
                .filter_map(|f| facts.key(*f)?.note())
            {
                assert!(line.contains(&note), "{note} missing: {line}");
            }
            let cited = line.split(" — ").last().unwrap_or("");
            let parts: Vec<&str> = cited.split(", ").collect();
            let mut seen = parts.clone();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), parts.len(), "a repeated citation part: {line}");
        }
    }

    #[test]
    fn the_preview_is_the_first_words_cut_between_words() {
        assert_eq!(preview("The two sides met", 40), "The two sides met");
        assert_eq!(
            preview("The two sides discussed cyber policy", 20),
            "The two sides…"
        );
        assert_eq!(preview("Antidisestablishmentarianism", 6), "Antidi…");
        assert!(!preview("a\u{1b}[31mb", 10).contains('\u{1b}'));
    }
}
