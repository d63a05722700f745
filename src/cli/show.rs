//! `entente show ID`: one record with every fact and its citation; `--json` gives the record as
//! stored plus, for organisations, people and topics, where they appear.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::output::{Doc, Legend, human_date, write_json};
use super::{Library, Outcome};
use crate::corpus::names::{org_name, topic_label};
use crate::corpus::{Corpus, DateFact, Event, Organisation, Person, Provenance, Source, Topic};
use crate::corpus::{Facet, RecordKind};
use crate::index::EntryRef;
use crate::text::sanitize_line;

pub fn run(library: &Library, id: &str, json: bool, out: &mut dyn Write) -> Result<Outcome> {
    let corpus = &library.loaded.corpus;
    let Some((kind, i)) = library.index.record(id) else {
        return Err(super::NotFound(format!(
            "no record has the id {:?}; `entente list` prints meeting and event ids, \
             `entente find QUERY` finds the others",
            sanitize_line(id)
        ))
        .into());
    };
    if json {
        let record = match kind {
            RecordKind::Source => serde_json::to_value(&corpus.sources[i])?,
            RecordKind::Meeting => serde_json::to_value(&corpus.meetings[i])?,
            RecordKind::Event => serde_json::to_value(&corpus.events[i])?,
            RecordKind::Organisation => serde_json::to_value(&corpus.organisations[i])?,
            RecordKind::Person => serde_json::to_value(&corpus.people[i])?,
            RecordKind::Topic => serde_json::to_value(&corpus.topics[i])?,
        };
        let appearances = kind
            .facet()
            .map_or(&[][..], |f| library.index.appearances(f, id));
        let appears: Vec<_> = appearances
            .iter()
            .map(|a| {
                json!({
                    "id": entry_id(corpus, a.entry),
                    "role": a.role.label(),
                    "cite": a.cite,
                })
            })
            .collect();
        write_json(
            out,
            &json!({ "kind": kind.label(), "record": record, "appears_in": appears }),
        )?;
        return Ok(Outcome::Found);
    }
    let mut doc = Doc::default();
    let mut legend = Legend::default();
    match kind {
        RecordKind::Meeting => meeting(&mut doc, &mut legend, library, i),
        RecordKind::Event => event(&mut doc, &mut legend, &corpus.events[i]),
        RecordKind::Organisation => {
            organisation(&mut doc, &mut legend, library, &corpus.organisations[i])
        }
        RecordKind::Person => person(&mut doc, &mut legend, library, &corpus.people[i]),
        RecordKind::Topic => topic(&mut doc, &mut legend, library, &corpus.topics[i]),
        RecordKind::Source => source(&mut doc, &corpus.sources[i]),
    }
    let sources = legend.lines(corpus);
    if !sources.is_empty() {
        doc.heading("Sources (¶ = paragraph of the cleaned text; `entente show SOURCE-ID`)");
        for line in sources {
            doc.hanging(2, 6, &line);
        }
    }
    doc.write(out)?;
    Ok(Outcome::Found)
}

fn entry_id(corpus: &Corpus, entry: EntryRef) -> &str {
    match entry {
        EntryRef::Meeting(i) => &corpus.meetings[i].id,
        EntryRef::Event(i) => &corpus.events[i].id,
    }
}

fn entry_title(corpus: &Corpus, entry: EntryRef) -> String {
    match entry {
        EntryRef::Meeting(i) => {
            let m = &corpus.meetings[i];
            format!("{} ({})", m.title, human_date(&m.date.value))
        }
        EntryRef::Event(i) => {
            let e = &corpus.events[i];
            match &e.date {
                Some(d) => format!("{} ({})", e.title, human_date(&d.value)),
                None => e.title.clone(),
            }
        }
    }
}

fn date_line(legend: &mut Legend, date: &DateFact) -> String {
    let mut s = human_date(&date.value);
    if let Some(end) = &date.end {
        s.push_str(&format!(" – {}", human_date(end)));
    }
    match date.provenance {
        Provenance::Stated => s.push_str(" (stated)"),
        Provenance::Inferred => {
            s.push_str(" (inferred: ");
            s.push_str(date.how.as_deref().unwrap_or("no explanation given"));
            s.push(')');
        }
    }
    format!("{s} {}", legend.cite(&date.cite))
}

/// "Mr. Kim Gunn": the shared name with the honorific the source gives.
fn person_name(corpus: &Corpus, id: &str) -> String {
    match corpus.people.iter().find(|p| p.id == id) {
        Some(p) => match &p.honorific {
            Some(h) => format!("{h} {}", p.name),
            None => p.name.clone(),
        },
        None => id.to_string(),
    }
}

fn meeting(doc: &mut Doc, legend: &mut Legend, library: &Library, position: usize) {
    let corpus = &library.loaded.corpus;
    let m = &corpus.meetings[position];
    doc.para(0, &format!("{}  [{}]", m.title, m.id));
    doc.blank();
    doc.field("Date", &date_line(legend, &m.date));
    if let Some(p) = &m.place {
        let mut s = p.city.clone();
        if let Some(v) = &p.venue {
            s = format!("{s}, {v}");
        }
        if let Some(c) = &p.country {
            s = format!("{s}, {c}");
        }
        if p.provenance == Provenance::Inferred {
            s.push_str(&format!(" (inferred: {})", p.how.as_deref().unwrap_or("")));
        }
        doc.field("Place", &format!("{s} {}", legend.cite(&p.cite)));
    }
    if let Some(f) = &m.format {
        let mut s = f.value.label().to_string();
        if f.provenance == Provenance::Inferred {
            s.push_str(&format!(" (inferred: {})", f.how.as_deref().unwrap_or("")));
        }
        doc.field("Format", &format!("{s} {}", legend.cite(&f.cite)));
    }
    let edition = m
        .edition
        .map(|e| format!(", edition {e}"))
        .unwrap_or_default();
    doc.field("Series", &format!("{}{edition}", m.series));
    for n in &m.names {
        let label = format!("{} name", n.side.label());
        doc.field(&label, &format!("{} {}", n.name, legend.cite(&n.cite)));
    }
    for c in &m.co_located {
        doc.field("With", &format!("{} {}", c.text, legend.cite(&c.cite)));
    }
    if !m.delegations.is_empty() {
        doc.heading("Delegations");
        for d in &m.delegations {
            doc.para(2, d.side.label());
            for h in &d.heads {
                let org = h
                    .organisation
                    .as_deref()
                    .map(|o| format!(", {}", org_name(corpus, o)))
                    .unwrap_or_default();
                let text = format!(
                    "{}: {} — {}{org} {}",
                    h.role,
                    person_name(corpus, &h.person),
                    h.title,
                    legend.cite(&h.cite)
                );
                doc.hanging(4, 6, &text);
            }
            for member in &d.members {
                let note = member
                    .note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                let text = format!(
                    "member: {}{note} {}",
                    org_name(corpus, &member.organisation),
                    legend.cite(&member.cite)
                );
                doc.hanging(4, 6, &text);
            }
            for n in &d.notes {
                doc.hanging(4, 6, &format!("note: {} {}", n.text, legend.cite(&n.cite)));
            }
        }
    }
    if !m.observers.is_empty() {
        doc.heading("Observers");
        for o in &m.observers {
            let note = o
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            let text = format!(
                "{}{note} {}",
                org_name(corpus, &o.organisation),
                legend.cite(&o.cite)
            );
            doc.hanging(2, 4, &text);
        }
    }
    if !m.topics.is_empty() {
        doc.heading("Topics");
        for t in &m.topics {
            let text = format!("{} {}", topic_label(corpus, &t.topic), legend.cite(&t.cite));
            doc.hanging(2, 4, &text);
            if let Some(s) = &t.summary {
                doc.para(4, s);
            }
        }
    }
    statements(doc, legend, "Outcomes", &m.outcomes);
    if let Some(n) = &m.next_meeting {
        doc.heading("Next meeting");
        doc.hanging(2, 4, &format!("{} {}", n.text, legend.cite(&n.cite)));
    }
    statements(doc, legend, "Notes", &m.notes);
    doc.heading("Accounts");
    for a in &m.accounts {
        let side = a
            .side
            .map(|s| format!(" ({} account)", s.label()))
            .unwrap_or_default();
        let text = format!("{}{side} {}", a.source, legend.cite(&[]));
        doc.hanging(2, 4, text.trim_end());
    }
    let related = library.index.related(corpus, position);
    if !related.is_empty() {
        doc.heading("Related meetings");
        for r in related.iter().take(5) {
            let other = &corpus.meetings[r.meeting];
            let shared: Vec<String> = r.shared.iter().map(|(_, id)| id.clone()).collect();
            let text = format!(
                "{} [{}] — shares {}",
                other.title,
                other.id,
                shared.join(", ")
            );
            doc.hanging(2, 4, &text);
        }
    }
}

fn statements(
    doc: &mut Doc,
    legend: &mut Legend,
    heading: &str,
    list: &[crate::corpus::Statement],
) {
    if list.is_empty() {
        return;
    }
    doc.heading(heading);
    for s in list {
        doc.hanging(2, 4, &format!("- {} {}", s.text, legend.cite(&s.cite)));
    }
}

fn event(doc: &mut Doc, legend: &mut Legend, e: &Event) {
    let kind = match e.kind {
        crate::corpus::EventKind::Mentioned => "mentioned",
        crate::corpus::EventKind::Planned => "planned",
    };
    doc.para(0, &format!("{}  [{}]", e.title, e.id));
    doc.blank();
    doc.field(
        "Kind",
        &format!("{kind} (reported in passing, not in full)"),
    );
    match &e.date {
        Some(d) => doc.field("Date", &date_line(legend, d)),
        None => doc.field("Date", "not stated"),
    }
    if let Some(p) = &e.place {
        doc.field("Place", &format!("{} {}", p.city, legend.cite(&p.cite)));
    }
    if let Some(s) = &e.series {
        let edition = e
            .edition
            .map(|n| format!(", edition {n}"))
            .unwrap_or_default();
        doc.field("Series", &format!("{s}{edition}"));
    }
    doc.heading("What the sources say");
    doc.para(2, &format!("{} {}", e.description, legend.cite(&e.cite)));
}

/// "Appears in": the meetings and events a topic, organisation or person appears in.
fn appearances(doc: &mut Doc, legend: &mut Legend, library: &Library, facet: Facet, id: &str) {
    let corpus = &library.loaded.corpus;
    let list = library.index.appearances(facet, id);
    doc.heading("Appears in");
    if list.is_empty() {
        doc.para(2, "no meeting or event");
    }
    for a in list {
        let text = format!(
            "{} [{}] — {} {}",
            entry_title(corpus, a.entry),
            entry_id(corpus, a.entry),
            a.role.label(),
            legend.cite(&a.cite)
        );
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
    doc.field("Side", o.side.label());
    doc.field("Kind", o.kind.label());
    if let Some(p) = &o.parent {
        doc.field("Part of", &org_name(corpus, p));
    }
    doc.field("Cited", &legend.cite(&o.cite));
    appearances(doc, legend, library, Facet::Organisation, &o.id);
}

fn person(doc: &mut Doc, legend: &mut Legend, library: &Library, p: &Person) {
    let corpus = &library.loaded.corpus;
    doc.para(0, &format!("{}  [{}]", person_name(corpus, &p.id), p.id));
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
            r.side.label(),
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

fn source(doc: &mut Doc, s: &Source) {
    doc.para(0, &format!("{}  [{}]", s.title, s.id));
    doc.blank();
    if let Some(p) = &s.publisher {
        doc.field("Publisher", p);
    }
    doc.field("Kind", s.kind.label());
    doc.field("Language", &s.language);
    if let Some(side) = s.side {
        doc.field("Account", side.label());
    }
    if let Some(d) = &s.published {
        doc.field("Published", &human_date(&d.value));
    }
    for n in &s.notes {
        doc.field("Note", n);
    }
    doc.heading("Text");
    for (i, p) in s.paragraphs.iter().enumerate() {
        let text = format!("¶{:<3} {}", i + 1, sanitize_line(p));
        doc.hanging(0, 5, &text);
    }
}
