//! Lints: what a valid corpus may still get wrong, reported as warnings by
//! `entente check --strict`. They hold for any corpus, not only the built-in one: a fact should
//! be found in the paragraphs it cites, a summary is a sentence, a paragraph is the received
//! text, a topic is used.
//!
//! Lints run on a corpus that loaded (so every reference and citation resolves); a citation
//! that does not resolve is skipped here, since validation reports it. Each warning is a
//! [`Problem::in_field`] naming the record, the field and what is wrong.

use std::collections::{HashMap, HashSet};

use crate::corpus::RecordKind;
use crate::corpus::load::Origins;
use crate::corpus::model::{
    Citation, Corpus, DateFact, Person, Place, Precision, Provenance, Text, Topic, month_name,
};
use crate::corpus::problem::Problem;
use crate::text::display_width;

/// The widest short title, in terminal columns, that leaves room for the place in a timeline
/// row of a 120-column window.
pub const SHORT_TITLE_MAX_COLUMNS: usize = 28;

/// Every lint warning of a loaded corpus. `origins` maps a record id to its file, as
/// [`crate::corpus::LoadedCorpus`] records it.
pub fn lint(corpus: &Corpus, origins: &Origins) -> Vec<Problem> {
    let mut linter = Linter {
        sources: corpus
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.paragraphs.as_slice()))
            .collect(),
        people: corpus.people.iter().map(|p| (p.id.as_str(), p)).collect(),
        topics: corpus.topics.iter().map(|t| (t.id.as_str(), t)).collect(),
        corpus,
        origins,
        warnings: Vec::new(),
    };
    linter.sources();
    linter.meetings();
    linter.events();
    linter.people();
    linter.unused_topics();
    linter.warnings
}

struct Linter<'a> {
    corpus: &'a Corpus,
    origins: &'a Origins,
    /// Source id → its cleaned paragraphs.
    sources: HashMap<&'a str, &'a [Text]>,
    people: HashMap<&'a str, &'a Person>,
    topics: HashMap<&'a str, &'a Topic>,
    warnings: Vec<Problem>,
}

impl<'a> Linter<'a> {
    fn warn(&mut self, kind: RecordKind, id: &str, field: String, message: String) {
        self.warnings.push(Problem::in_field(
            self.origins.get(id),
            format!("{} {id}", kind.label()),
            field,
            message,
        ));
    }

    /// The text of the paragraphs a fact cites, joined by line breaks; citations that do not
    /// resolve add nothing. `None` when the fact cites a reference source as a whole: the
    /// fact may come from that source, whose text is not in the corpus to check against.
    fn cited_text(&self, cites: &[Citation]) -> Option<String> {
        if cites.iter().any(|c| c.paragraph.is_none()) {
            return None;
        }
        let mut text = String::new();
        for cite in cites {
            let paragraph = self.sources.get(cite.source.as_str()).and_then(|ps| {
                cite.paragraph
                    .and_then(|p| (p as usize).checked_sub(1))
                    .and_then(|i| ps.get(i))
            });
            if let Some(p) = paragraph {
                text.push_str(p);
                text.push('\n');
            }
        }
        Some(text)
    }

    fn sources(&mut self) {
        for s in &self.corpus.sources {
            let mut from = 0;
            for (i, p) in s.paragraphs.iter().enumerate() {
                let field = format!("paragraphs[{i}]");
                if p.trim() != p {
                    self.warn(
                        RecordKind::Source,
                        &s.id,
                        field.clone(),
                        "the paragraph has white space at an end; expected it trimmed".into(),
                    );
                }
                if p.trim() == s.title.trim() {
                    self.warn(
                        RecordKind::Source,
                        &s.id,
                        field.clone(),
                        "the paragraph repeats the title; expected the headline in `title` \
                         only (keep it in `raw`)"
                            .into(),
                    );
                }
                // An empty `raw` means the received text was not kept: nothing to compare.
                if s.raw.is_empty() {
                    continue;
                }
                match s.raw.get(from..).and_then(|rest| rest.find(p.trim())) {
                    Some(at) => from += at + p.trim().len(),
                    None => self.warn(
                        RecordKind::Source,
                        &s.id,
                        field,
                        format!(
                            "¶{} is not in `raw` word for word, after the paragraphs before it; \
                             expected each cleaned paragraph to be a passage of the received \
                             text, in order",
                            i + 1
                        ),
                    ),
                }
            }
        }
    }

    fn meetings(&mut self) {
        for m in &self.corpus.meetings {
            let id = m.id.as_str();
            let width = display_width(&m.short_title);
            if width > SHORT_TITLE_MAX_COLUMNS {
                self.warn(
                    RecordKind::Meeting,
                    id,
                    "short_title".into(),
                    format!(
                        "the short title is {width} columns wide; expected at most \
                         {SHORT_TITLE_MAX_COLUMNS}, so a timeline row keeps room for the place"
                    ),
                );
            }
            self.stated_date(RecordKind::Meeting, id, "date", &m.date);
            if let Some(place) = &m.place {
                self.stated_place(RecordKind::Meeting, id, place);
            }
            for (i, d) in m.delegations.iter().enumerate() {
                for (j, h) in d.heads.iter().enumerate() {
                    let at = format!("delegations[{i}].heads[{j}]");
                    self.written_as_cited(
                        RecordKind::Meeting,
                        id,
                        &at,
                        &h.person,
                        &h.title,
                        &h.cite,
                    );
                }
            }
            for (i, t) in m.topics.iter().enumerate() {
                let at = format!("topics[{i}]");
                if let Some(summary) = &t.summary
                    && !summary.trim_end().ends_with('.')
                {
                    self.warn(
                        RecordKind::Meeting,
                        id,
                        format!("{at}.summary"),
                        "the summary does not end with a full stop; expected a sentence".into(),
                    );
                }
                self.topic_mentioned(
                    RecordKind::Meeting,
                    id,
                    &format!("{at}.topic"),
                    &t.topic,
                    &t.cite,
                );
            }
        }
    }

    fn events(&mut self) {
        for e in &self.corpus.events {
            let id = e.id.as_str();
            if let Some(date) = &e.date {
                self.stated_date(RecordKind::Event, id, "date", date);
            }
            if let Some(place) = &e.place {
                self.stated_place(RecordKind::Event, id, place);
            }
            for (i, t) in e.topics.iter().enumerate() {
                self.topic_mentioned(RecordKind::Event, id, &format!("topics[{i}]"), t, &e.cite);
            }
        }
    }

    fn people(&mut self) {
        for p in &self.corpus.people {
            for (i, r) in p.roles.iter().enumerate() {
                let at = format!("roles[{i}]");
                self.written_as_cited(RecordKind::Person, &p.id, &at, &p.id, &r.title, &r.cite);
            }
        }
    }

    /// A stated date's year, month and day (and its end's) appear in the cited paragraphs.
    fn stated_date(&mut self, kind: RecordKind, id: &str, field: &str, date: &DateFact) {
        if date.provenance != Provenance::Stated {
            return;
        }
        let Some(text) = self.cited_text(&date.cite) else {
            return;
        };
        for (part, value) in [("value", Some(&date.value)), ("end", date.end.as_ref())] {
            let Some(value) = value else { continue };
            if let Some(missing) = missing_date_part(&text, value, date.precision) {
                self.warn(
                    kind,
                    id,
                    format!("{field}.{part}"),
                    format!(
                        "the date `{value}` is `stated`, but its cited paragraphs do not give \
                         its {missing}; expected the {missing} in a cited paragraph, or \
                         `inferred` with `how`"
                    ),
                );
            }
        }
    }

    /// A stated place's city, venue and country each appear in a cited paragraph.
    fn stated_place(&mut self, kind: RecordKind, id: &str, place: &Place) {
        if place.provenance != Provenance::Stated {
            return;
        }
        let Some(text) = self.cited_text(&place.cite) else {
            return;
        };
        let text = text.to_lowercase();
        let parts = [
            ("city", Some(&place.city)),
            ("venue", place.venue.as_ref()),
            ("country", place.country.as_ref()),
        ];
        for (part, value) in parts {
            let Some(value) = value else { continue };
            if !text.contains(&*value.to_lowercase()) {
                self.warn(
                    kind,
                    id,
                    format!("place.{part}"),
                    format!(
                        "the {part} `{value}` is in no cited paragraph; expected it as the \
                         source writes it, or `inferred` with `how`"
                    ),
                );
            }
        }
    }

    /// A head's or role's person (by name or alias) and title are written as in the cited
    /// paragraphs.
    fn written_as_cited(
        &mut self,
        kind: RecordKind,
        id: &str,
        at: &str,
        person: &str,
        title: &str,
        cites: &[Citation],
    ) {
        let Some(text) = self.cited_text(cites) else {
            return;
        };
        if let Some(p) = self.people.get(person).copied() {
            let named = std::iter::once(&p.name)
                .chain(&p.aliases)
                .any(|name| text.contains(name.as_str()));
            if !named {
                let field = if kind == RecordKind::Person {
                    "name".to_string()
                } else {
                    format!("{at}.person")
                };
                self.warn(
                    kind,
                    id,
                    field,
                    format!(
                        "`{}` (or an alias) is not written in the paragraphs {at} cites; \
                         expected the name as the source writes it",
                        p.name
                    ),
                );
            }
        }
        if !text.contains(title) {
            self.warn(
                kind,
                id,
                format!("{at}.title"),
                format!(
                    "the title `{title}` is not written in the cited paragraphs; expected it \
                     word for word as the source gives it"
                ),
            );
        }
    }

    /// A topic link cites a paragraph that mentions the topic: its label, an alias, or its id
    /// read as words (`counter-ransomware` → "counter ransomware"), in any case.
    fn topic_mentioned(
        &mut self,
        kind: RecordKind,
        id: &str,
        field: &str,
        topic: &str,
        cites: &[Citation],
    ) {
        let Some(t) = self.topics.get(topic).copied() else {
            return;
        };
        let Some(text) = self.cited_text(cites) else {
            return;
        };
        let text = text.to_lowercase();
        let id_words = t.id.replace('-', " ");
        let mentioned = std::iter::once(&t.label)
            .chain(&t.aliases)
            .map(crate::corpus::Text::as_str)
            .chain(std::iter::once(id_words.as_str()))
            .any(|word| text.contains(&word.to_lowercase()));
        if !mentioned {
            self.warn(
                kind,
                id,
                field.to_string(),
                format!(
                    "no cited paragraph mentions the topic `{topic}` (its label, an alias or its \
                     id as words); expected a citation of where the source speaks of it, or an \
                     alias for the words it uses"
                ),
            );
        }
    }

    /// A topic that no meeting, event or other topic refers to is either missing a link or
    /// left over.
    fn unused_topics(&mut self) {
        let c = self.corpus;
        let used: HashSet<&str> = c
            .meetings
            .iter()
            .flat_map(|m| m.topics.iter().map(|t| t.topic.as_str()))
            .chain(
                c.events
                    .iter()
                    .flat_map(|e| e.topics.iter().map(crate::corpus::Text::as_str)),
            )
            .chain(c.topics.iter().filter_map(|t| t.parent.as_deref()))
            .collect();
        for t in &c.topics {
            if !used.contains(t.id.as_str()) {
                self.warn(
                    RecordKind::Topic,
                    &t.id,
                    "id".into(),
                    "no meeting or event discusses this topic and it is no topic's parent; \
                     expected a link to it, or no such topic"
                        .into(),
                );
            }
        }
    }
}

/// Which part of a date (`year`, `month`, `day`) the text does not give, if any. A year is
/// its four digits; a month its English name or `N월`; a day its number, not part of a
/// longer number. An ISO date in the text (`2019-07-01`) gives all three.
fn missing_date_part(text: &str, value: &str, precision: Precision) -> Option<&'static str> {
    if text.contains(value) {
        return None;
    }
    let mut parts = value.split('-').map(|p| p.parse::<u32>().ok());
    let (year, month, day) = (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten(),
    );
    if !year.is_some_and(|y| has_number(text, y)) {
        return Some("year");
    }
    if precision == Precision::Year {
        return None;
    }
    let month_given = month.is_some_and(|m| {
        month_name(m as usize).is_some_and(|name| text.contains(name))
            || text.contains(&format!("{m}월"))
    });
    if !month_given {
        return Some("month");
    }
    if precision == Precision::Day && !day.is_some_and(|d| has_number(text, d)) {
        return Some("day");
    }
    None
}

/// Whether `n` is written in `text` as a number of its own (not inside a longer one).
fn has_number(text: &str, n: u32) -> bool {
    let digits = n.to_string();
    text.match_indices(&digits).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + digits.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests;
