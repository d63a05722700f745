//! `entente show ID`: one record with every fact and its citation; `--json` gives the record as
//! stored with every id expanded to `{"id", "kind", "name"}`, where it appears, and for a
//! meeting the related meetings. ID may also be a name, acronym or alias ([`super::resolve`]).

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::output::{Doc, write_json};
use super::{Library, Outcome, refs};
use crate::corpus::names::{org_name, side_label, topic_label};
use crate::corpus::{
    Citation, Corpus, Facet, Meeting, Name, Organisation, Person, RecordKind, Source, Topic,
};
use crate::facts::{self, Fact, Facts, Field, Heading, cite, date};
use crate::index::{EntryRef, Role, TopicScope};
use crate::text::sanitize_line;

pub fn run(library: &Library, id: &str, json: bool, out: &mut dyn Write) -> Result<Outcome> {
    let corpus = &library.loaded.corpus;
    let (kind, i) = super::resolve::record(library, id)?;
    if json {
        write_json(out, &record_json(library, kind, i)?)?;
        return Ok(Outcome::Found);
    }
    let mut doc = Doc::default();
    let mut legend = Legend::new(corpus);
    match kind {
        RecordKind::Meeting => {
            let facts = facts::of_meeting(corpus, &corpus.meetings[i]);
            entry(&mut doc, &mut legend, &facts);
            related(&mut doc, library, i);
        }
        RecordKind::Event => {
            let e = &corpus.events[i];
            let status =
                crate::index::status::of_event(corpus, e, crate::index::status::today_utc());
            let facts = facts::of_event(corpus, e).with_status(corpus, status);
            entry(&mut doc, &mut legend, &facts);
        }
        RecordKind::Organisation => {
            organisation(&mut doc, &mut legend, library, &corpus.organisations[i])
        }
        RecordKind::Person => person(&mut doc, &mut legend, library, &corpus.people[i]),
        RecordKind::Topic => topic(&mut doc, &mut legend, library, &corpus.topics[i]),
        RecordKind::Source => source(&mut doc, corpus, &corpus.sources[i]),
    }
    let legend = facts::Legend::of(corpus, legend.ids.iter().map(String::as_str));
    if !legend.is_empty() {
        doc.heading("Sources (¶ = paragraph of the cleaned text; `entente show SOURCE-ID`)");
        for r in &legend.references {
            doc.hanging(2, 6, &r.text());
        }
    }
    doc.write(out)?;
    Ok(Outcome::Found)
}

/// `{"format", "kind", "record", "appears_in", "related"}`: the record as stored with every id
/// expanded to a named reference; where it appears; for a meeting, the related meetings.
fn record_json(library: &Library, kind: RecordKind, i: usize) -> Result<serde_json::Value> {
    let corpus = &library.loaded.corpus;
    let mut record = match kind {
        RecordKind::Source => serde_json::to_value(&corpus.sources[i])?,
        RecordKind::Meeting => serde_json::to_value(&corpus.meetings[i])?,
        RecordKind::Event => serde_json::to_value(&corpus.events[i])?,
        RecordKind::Organisation => serde_json::to_value(&corpus.organisations[i])?,
        RecordKind::Person => serde_json::to_value(&corpus.people[i])?,
        RecordKind::Topic => serde_json::to_value(&corpus.topics[i])?,
    };
    refs::expand(library, &mut record);
    let id = record_id(corpus, kind, i);
    let mut appears: Vec<serde_json::Value> = match kind.facet() {
        Some(facet) => library
            .index
            .appearances_within(facet, id, TopicScope::WithSubtopics)
            .iter()
            .map(|a| {
                let entry = entry_id(corpus, a.entry);
                let role = match (a.role, a.entry) {
                    // The meeting's own word ("chair", "co-chair"), so both records agree.
                    (Role::Head, EntryRef::Meeting(m)) => head_role(&corpus.meetings[m], id)
                        .unwrap_or(a.role.label())
                        .to_string(),
                    _ => a.role.label().to_string(),
                };
                appearance(library, entry, &role, &a.cite)
            })
            .collect(),
        None => Vec::new(),
    };
    let mut related = Vec::new();
    if kind == RecordKind::Meeting {
        // A meeting appears in the roles of the people who held them at it.
        for p in &corpus.people {
            for r in p.roles.iter().filter(|r| r.meeting.as_deref() == Some(id)) {
                appears.push(appearance(library, &p.id, &r.title, &r.cite));
            }
        }
        for r in library.index.related(corpus, i) {
            let other = &corpus.meetings[r.meeting];
            let shared: Vec<_> = r
                .shared
                .iter()
                .filter_map(|(_, key)| refs::reference(library, key))
                .collect();
            let mut v = refs::reference(library, &other.id).unwrap_or_else(|| json!({}));
            v["shares"] = json!(shared);
            related.push(v);
        }
    }
    let mut v = json!({
        "format": "entente-show/1",
        "kind": kind.label(),
        "record": record,
        "appears_in": appears,
    });
    if kind == RecordKind::Meeting {
        v["related"] = json!(related);
    }
    Ok(v)
}

/// One `appears_in` item: a named reference to the other record, the role, the citations.
fn appearance(library: &Library, id: &str, role: &str, cite: &[Citation]) -> serde_json::Value {
    let mut v = refs::reference(library, id).unwrap_or_else(|| json!({ "id": id }));
    let mut cites = json!(cite);
    refs::expand(library, &mut cites);
    v["role"] = json!(role);
    v["cite"] = cites;
    v
}

/// The role word a meeting gives a person among its heads ("head", "chair", "co-chair").
fn head_role<'a>(meeting: &'a Meeting, person: &str) -> Option<&'a str> {
    meeting
        .delegations
        .iter()
        .flat_map(|d| &d.heads)
        .find(|h| h.person == person)
        .map(|h| h.role.as_str())
}

fn record_id(corpus: &Corpus, kind: RecordKind, i: usize) -> &str {
    match kind {
        RecordKind::Source => &corpus.sources[i].id,
        RecordKind::Meeting => &corpus.meetings[i].id,
        RecordKind::Event => &corpus.events[i].id,
        RecordKind::Organisation => &corpus.organisations[i].id,
        RecordKind::Person => &corpus.people[i].id,
        RecordKind::Topic => &corpus.topics[i].id,
    }
}

/// The sources cited so far, in order of first use, for the legend at the end.
struct Legend<'a> {
    corpus: &'a Corpus,
    ids: Vec<String>,
}

impl<'a> Legend<'a> {
    fn new(corpus: &'a Corpus) -> Self {
        Legend {
            corpus,
            ids: Vec::new(),
        }
    }

    /// `[EU 2025 ¶1, ¶6; ROK 2025 ¶1]`, remembering the sources for the legend.
    fn cite(&mut self, cites: &[Citation]) -> String {
        for c in cites {
            self.note(&c.source);
        }
        cite::list(self.corpus, cites)
    }

    fn note(&mut self, source: &str) {
        if !self.ids.iter().any(|s| s == source) {
            self.ids.push(source.to_string());
        }
    }
}

fn entry_id(corpus: &Corpus, entry: EntryRef) -> &str {
    match entry {
        EntryRef::Meeting(i) => &corpus.meetings[i].id,
        EntryRef::Event(i) => &corpus.events[i].id,
    }
}

fn entry_title(corpus: &Corpus, entry: EntryRef) -> String {
    let (title, date) = match entry {
        EntryRef::Meeting(i) => (&corpus.meetings[i].title, Some(&corpus.meetings[i].date)),
        EntryRef::Event(i) => (&corpus.events[i].title, corpus.events[i].date.as_ref()),
    };
    match date {
        Some(d) => format!("{title} ({})", date::long(d)),
        None => title.to_string(),
    }
}

/// "Mr. Kim Gunn": the shared name with the honorific the source gives.
fn person_name(corpus: &Corpus, id: &str) -> String {
    match corpus.people.iter().find(|p| p.id == id) {
        Some(p) => match &p.honorific {
            Some(h) => format!("{h} {}", p.name),
            None => p.name.to_string(),
        },
        None => id.to_string(),
    }
}

/// A fact's sentence, qualifier and citations: "24 November 2020 (inferred: …) [EU 2020 ¶1]".
fn fact_text(legend: &mut Legend, fact: &Fact, sentence: &str) -> String {
    let mut s = sentence.to_string();
    if fact.field == Field::Kind {
        s.push_str(" (reported in passing, not in full)");
    }
    if let Some(q) = fact.note() {
        s.push_str(&format!(" ({q})"));
    }
    let cites = legend.cite(&fact.cite);
    if !cites.is_empty() {
        s.push(' ');
        s.push_str(&cites);
    }
    s
}

/// A meeting or an event: its facts, section by section.
fn entry(doc: &mut Doc, legend: &mut Legend, facts: &Facts) {
    doc.para(0, &format!("{}  [{}]", facts.title, facts.id));
    doc.blank();
    for section in &facts.sections {
        if section.heading != Heading::Key {
            doc.heading(section.heading.label());
        }
        let mut side = None;
        for f in &section.facts {
            match section.heading {
                Heading::Key => {
                    let caption = f.caption(legend.corpus).unwrap_or_default();
                    doc.field(&caption, &fact_text(legend, f, &f.text));
                }
                Heading::Participants => {
                    if f.side != side {
                        side.clone_from(&f.side);
                        let corpus = legend.corpus;
                        doc.para(2, f.side.as_ref().map_or("", |s| side_label(corpus, s)));
                    }
                    doc.hanging(4, 6, &fact_text(legend, f, &f.sentence()));
                }
                Heading::Topics => {
                    let subject = f.subject.as_deref().unwrap_or_default();
                    doc.hanging(2, 4, &fact_text(legend, f, subject));
                    if !f.text.is_empty() {
                        doc.para(4, &f.text);
                    }
                }
                Heading::Outcomes | Heading::Notes => {
                    let text = format!("- {}", f.sentence());
                    doc.hanging(2, 4, &fact_text(legend, f, &text));
                }
                Heading::Accounts => {
                    if let Some(source) = &f.source {
                        legend.note(source);
                    }
                    let side = f
                        .side
                        .as_ref()
                        .map(|s| format!(" ({} account)", side_label(legend.corpus, s)))
                        .unwrap_or_default();
                    let label = f.subject.as_deref().unwrap_or_default();
                    doc.hanging(2, 4, &format!("{label}{side}: {}", f.text));
                }
                _ => {
                    let text = match f.caption(legend.corpus) {
                        Some(c) => format!("{c}: {}", f.sentence()),
                        None => f.sentence(),
                    };
                    doc.hanging(2, 4, &fact_text(legend, f, &text));
                }
            }
        }
    }
}

fn related(doc: &mut Doc, library: &Library, position: usize) {
    let corpus = &library.loaded.corpus;
    let related = library.index.related(corpus, position);
    if related.is_empty() {
        return;
    }
    doc.heading("Related meetings");
    for r in related.iter().take(5) {
        let other = &corpus.meetings[r.meeting];
        // Shared topics, organisations and people by name, not id.
        let shared: Vec<String> = r
            .shared
            .iter()
            .map(|(_, id)| match library.index.record(id) {
                Some((kind, j)) => refs::name(corpus, kind, j).to_string(),
                None => id.clone(),
            })
            .collect();
        let text = format!(
            "{} [{}] — shares {}",
            other.title,
            other.id,
            shared.join(", ")
        );
        doc.hanging(2, 4, &text);
    }
}

/// "Appears in": the meetings and events a topic, organisation or person appears in.
fn appearances(doc: &mut Doc, legend: &mut Legend, library: &Library, facet: Facet, id: &str) {
    let corpus = &library.loaded.corpus;
    let list = library
        .index
        .appearances_within(facet, id, TopicScope::WithSubtopics);
    doc.heading("Appears in");
    if list.is_empty() {
        doc.para(2, "no meeting or event");
    }
    for a in list {
        let role = match (a.role, a.entry) {
            (Role::Head, EntryRef::Meeting(m)) => {
                head_role(&corpus.meetings[m], id).unwrap_or(a.role.label())
            }
            _ => a.role.label(),
        };
        let text = format!(
            "{} [{}] — {} {}",
            entry_title(corpus, a.entry),
            entry_id(corpus, a.entry),
            role,
            legend.cite(&a.cite)
        );
        doc.hanging(2, 4, &text);
    }
}

/// "Names": each name in another language with its citations, or marked conventional.
fn names(doc: &mut Doc, legend: &mut Legend, list: &[Name]) {
    if list.is_empty() {
        return;
    }
    doc.heading("Names");
    for n in list {
        let mut text = facts::name::text(n);
        let cites = legend.cite(&n.cite);
        if !cites.is_empty() {
            text.push(' ');
            text.push_str(&cites);
        }
        doc.hanging(2, 4, &text);
    }
}

fn organisation(doc: &mut Doc, legend: &mut Legend, library: &Library, o: &Organisation) {
    let corpus = &library.loaded.corpus;
    doc.para(0, &format!("{}  [{}]", o.name, o.id));
    doc.blank();
    if let Some(a) = &o.acronym {
        doc.field("Acronym", a);
    }
    if !o.aliases.is_empty() {
        doc.field("Also", &o.aliases.join("; "));
    }
    doc.field("Side", side_label(corpus, &o.side));
    doc.field("Kind", o.kind.label());
    if let Some(p) = &o.parent {
        doc.field("Part of", &org_name(corpus, p));
    }
    doc.field("Cited", &legend.cite(&o.cite));
    names(doc, legend, &o.names);
    appearances(doc, legend, library, Facet::Organisation, &o.id);
}

fn person(doc: &mut Doc, legend: &mut Legend, library: &Library, p: &Person) {
    let corpus = &library.loaded.corpus;
    doc.para(0, &format!("{}  [{}]", person_name(corpus, &p.id), p.id));
    names(doc, legend, &p.names);
    doc.heading("Roles");
    for r in &p.roles {
        let org = r
            .organisation
            .as_deref()
            .map(|o| format!(", {}", org_name(corpus, o)))
            .unwrap_or_default();
        let at = r
            .meeting
            .as_deref()
            .map(|m| format!(" — at {m}"))
            .unwrap_or_default();
        let text = format!(
            "{} ({}){org}{at} {}",
            r.title,
            side_label(corpus, &r.side),
            legend.cite(&r.cite)
        );
        doc.hanging(2, 4, &text);
    }
    appearances(doc, legend, library, Facet::Person, &p.id);
}

fn topic(doc: &mut Doc, legend: &mut Legend, library: &Library, t: &Topic) {
    let corpus = &library.loaded.corpus;
    doc.para(0, &format!("{}  [{}]", t.label, t.id));
    doc.blank();
    if !t.aliases.is_empty() {
        doc.field("Also", &t.aliases.join("; "));
    }
    if let Some(p) = &t.parent {
        doc.field("Part of", topic_label(corpus, p));
    }
    names(doc, legend, &t.names);
    appearances(doc, legend, library, Facet::Topic, &t.id);
    for m in &corpus.meetings {
        if let Some(r) = m.topics.iter().find(|r| r.topic == t.id)
            && let Some(s) = &r.summary
        {
            doc.hanging(
                2,
                4,
                &format!("{}: {s} {}", m.short_title, legend.cite(&r.cite)),
            );
        }
    }
}

fn source(doc: &mut Doc, corpus: &Corpus, s: &Source) {
    doc.para(0, &format!("{}  [{}]", s.title, s.id));
    doc.blank();
    if let Some(p) = &s.publisher {
        doc.field("Publisher", p);
    }
    doc.field("Kind", s.kind.label());
    doc.field("Language", &s.language);
    if let Some(side) = &s.side {
        doc.field("Account", side_label(corpus, side));
    }
    if let Some(d) = &s.published {
        doc.field("Published", &date::long(d));
    }
    for n in &s.notes {
        doc.field("Note", n);
    }
    if let Some(url) = &s.url {
        doc.field("URL", url);
    }
    if let Some(a) = &s.accessed {
        doc.field("Accessed", &date::value(a));
    }
    doc.heading("Text");
    if s.is_reference() {
        let absence = facts::cite::Reference::of(corpus, &s.id).absence();
        doc.para(0, &absence.unwrap_or_default());
    }
    for (i, p) in s.paragraphs.iter().enumerate() {
        let text = format!("¶{:<3} {}", i + 1, sanitize_line(p));
        doc.hanging(0, 5, &text);
    }
}
