//! The Overview tab: every fact of a meeting or event, one line each, with short citations
//! ("EU¶7") that `Enter` follows to the cited paragraph.

use crate::app::cite::{CiteLabels, full_list};
use crate::app::doc::{Doc, DocLine, Seg, Target, Tone};
use crate::app::format;
use crate::app::strings::{self, label};
use crate::corpus::{Citation, Corpus, Meeting, Provenance};
use crate::index::EntryRef;

mod event;

/// Width of the label column ("Format  ").
pub(super) const LABEL_W: usize = 8;
/// Indent of items under a section heading.
const ITEM: &str = "  ";

/// The Overview of one entry.
pub fn build(corpus: &Corpus, entry: EntryRef) -> Doc {
    let labels = CiteLabels::for_entry(corpus, entry);
    let mut w = Writer {
        doc: Doc::default(),
        labels: &labels,
    };
    match entry {
        EntryRef::Meeting(i) => {
            if let Some(m) = corpus.meetings.get(i) {
                meeting(&mut w, corpus, m);
            }
        }
        EntryRef::Event(i) => {
            if let Some(e) = corpus.events.get(i) {
                event::event(&mut w, corpus, e);
            }
        }
    }
    if !labels.is_empty() {
        w.doc.push(DocLine::blank());
        w.doc.push(
            DocLine::fixed(vec![
                Seg::new(&format!("{}: ", strings::CITATIONS), Tone::Dim),
                Seg::new(&labels.legend(), Tone::Dim),
            ])
            .with_indent(2),
        );
    }
    w.doc
}

pub(super) struct Writer<'a> {
    pub(super) doc: Doc,
    pub(super) labels: &'a CiteLabels,
}

impl Writer<'_> {
    pub(super) fn heading(&mut self, text: &str) {
        if !self.doc.lines.is_empty() {
            self.doc.push(DocLine::blank());
        }
        self.doc
            .push(DocLine::fixed(vec![Seg::new(text, Tone::Heading)]));
    }

    pub(super) fn sub(&mut self, text: &str) {
        self.doc.push(DocLine::fixed(vec![
            Seg::plain(ITEM),
            Seg::new(text, Tone::Label),
        ]));
    }

    /// A selectable line: its segments, then the short citations; `copy` is what `y` copies,
    /// to which the full citations are added.
    pub(super) fn line(&mut self, lead: Vec<Seg>, cite: &[Citation], indent: usize, copy: &str) {
        let mut segs = lead;
        if !cite.is_empty() {
            segs.push(Seg::plain("  "));
            segs.push(Seg::new(&self.labels.list(cite), Tone::Cite));
        }
        let copy = format!("{copy} {}", full_list(cite));
        self.doc.push(
            DocLine::item(segs)
                .with_indent(indent)
                .with_target(cite.first().cloned().map(Target::Cite))
                .with_copy(copy.trim().to_string()),
        );
    }

    /// "Date    20 May 2025  EU¶3".
    pub(super) fn fact(&mut self, name: &str, value: &str, cite: &[Citation]) {
        let padded = format!("{name:<LABEL_W$}");
        let copy = if name.is_empty() {
            value.to_string()
        } else {
            format!("{name}: {value}")
        };
        self.line(
            vec![Seg::new(&padded, Tone::Label), Seg::plain(value)],
            cite,
            LABEL_W,
            &copy,
        );
    }

    /// A note under a fact ("inferred: …").
    pub(super) fn aside(&mut self, text: &str) {
        self.doc.push(
            DocLine::fixed(vec![
                Seg::plain(&" ".repeat(LABEL_W)),
                Seg::new(text, Tone::Dim),
            ])
            .with_indent(LABEL_W),
        );
    }

    /// An item under a heading.
    pub(super) fn item(&mut self, lead: Vec<Seg>, cite: &[Citation], copy_label: &str) {
        let body: String = lead.iter().map(|s| s.text.as_str()).collect();
        let body = body.trim().trim_start_matches("• ");
        let copy = if copy_label.is_empty() {
            body.to_string()
        } else {
            format!("{copy_label}: {body}")
        };
        // Continuation rows hang under the text, not under a bullet or an inner indent.
        let hang: usize = lead
            .iter()
            .take_while(|s| s.text.trim().is_empty() || s.text == "• ")
            .map(|s| s.text.chars().count())
            .sum::<usize>()
            .max(2);
        let mut segs = vec![Seg::plain(ITEM)];
        segs.extend(lead);
        self.line(segs, cite, ITEM.len() + hang, &copy);
    }
}

pub(super) fn inferred(how: Option<&str>) -> String {
    match how {
        Some(h) => format!("{}: {h}", strings::INFERRED),
        None => strings::INFERRED.to_string(),
    }
}

fn meeting(w: &mut Writer, corpus: &Corpus, m: &Meeting) {
    w.doc
        .push(DocLine::fixed(vec![Seg::new(&m.title, Tone::Heading)]).with_indent(2));
    w.fact(label::DATE, &format::long_date(&m.date), &m.date.cite);
    if m.date.provenance == Provenance::Inferred {
        w.aside(&inferred(m.date.how.as_deref()));
    }
    if let Some(p) = &m.place {
        w.fact(label::PLACE, &format::place(p, true), &p.cite);
        if p.provenance == Provenance::Inferred {
            w.aside(&inferred(p.how.as_deref()));
        }
    }
    if let Some(f) = &m.format {
        w.fact(label::FORMAT, f.value.label(), &f.cite);
        if f.provenance == Provenance::Inferred {
            w.aside(&inferred(f.how.as_deref()));
        }
    }
    let series = match m.edition {
        Some(e) => format!("{} · {} {e}", m.series, label::EDITION),
        None => m.series.clone(),
    };
    w.fact(label::SERIES, &series, &[]);
    for (k, n) in m.names.iter().enumerate() {
        let name = if k == 0 { label::NAMES } else { "" };
        w.fact(name, &format!("{}: {}", n.side.label(), n.name), &n.cite);
    }
    participants(w, corpus, m);
    if m.delegations.iter().any(|d| !d.members.is_empty()) {
        w.heading(label::ORGANISATIONS);
        for d in &m.delegations {
            for member in &d.members {
                let mut lead = vec![
                    Seg::new(&format!("{:<4}", d.side.label()), Tone::Label),
                    Seg::plain(&format::org_name(corpus, &member.organisation)),
                ];
                if let Some(note) = &member.note {
                    lead.push(Seg::new(&format!(" — {note}"), Tone::Dim));
                }
                w.item(lead, &member.cite, label::ORGANISATIONS);
            }
        }
    }
    if !m.observers.is_empty() {
        w.heading(label::OBSERVERS);
        for o in &m.observers {
            let mut lead = vec![Seg::plain(&format::org_name(corpus, &o.organisation))];
            if let Some(note) = &o.note {
                lead.push(Seg::new(&format!(" — {note}"), Tone::Dim));
            }
            w.item(lead, &o.cite, label::OBSERVERS);
        }
    }
    if !m.co_located.is_empty() {
        w.heading(label::CO_LOCATED);
        for e in &m.co_located {
            w.item(vec![Seg::plain(&e.text)], &e.cite, label::CO_LOCATED);
        }
    }
    if !m.topics.is_empty() {
        w.heading(label::TOPICS);
        for t in &m.topics {
            let mut lead = vec![Seg::new(format::topic_label(corpus, &t.topic), Tone::Label)];
            if let Some(s) = &t.summary {
                lead.push(Seg::plain(&format!(" — {s}")));
            }
            w.item(lead, &t.cite, label::TOPICS);
        }
    }
    statements(w, label::OUTCOMES, &m.outcomes);
    if let Some(next) = &m.next_meeting {
        w.heading(label::NEXT_MEETING);
        w.item(
            vec![Seg::plain(&next.text)],
            &next.cite,
            label::NEXT_MEETING,
        );
    }
    statements(w, label::NOTES, &m.notes);
    accounts(w, corpus, m);
}

fn participants(w: &mut Writer, corpus: &Corpus, m: &Meeting) {
    if m.delegations
        .iter()
        .all(|d| d.heads.is_empty() && d.notes.is_empty())
    {
        return;
    }
    w.heading(label::PARTICIPANTS);
    for d in &m.delegations {
        if d.heads.is_empty() && d.notes.is_empty() {
            continue;
        }
        w.sub(d.side.label());
        for h in &d.heads {
            let mut rest = format!(" — {}; {}", h.role, h.title);
            if let Some(org) = &h.organisation {
                rest.push_str(", ");
                rest.push_str(&format::org_name(corpus, org));
            }
            w.item(
                vec![
                    Seg::plain(ITEM),
                    Seg::new(format::person_name(corpus, &h.person), Tone::Heading),
                    Seg::plain(&rest),
                ],
                &h.cite,
                d.side.label(),
            );
        }
        for n in &d.notes {
            w.item(
                vec![Seg::plain(ITEM), Seg::new(&n.text, Tone::Dim)],
                &n.cite,
                d.side.label(),
            );
        }
    }
}

fn statements(w: &mut Writer, heading: &str, list: &[crate::corpus::Statement]) {
    if list.is_empty() {
        return;
    }
    w.heading(heading);
    for s in list {
        w.item(
            vec![Seg::plain("• "), Seg::plain(&s.text)],
            &s.cite,
            heading,
        );
    }
}

fn accounts(w: &mut Writer, corpus: &Corpus, m: &Meeting) {
    if m.accounts.is_empty() {
        return;
    }
    w.heading(label::ACCOUNTS);
    for a in &m.accounts {
        let title = corpus
            .sources
            .iter()
            .find(|s| s.id == a.source)
            .map_or("", |s| s.title.as_str());
        let side = a.side.map_or("", |s| s.label());
        let cite = [Citation {
            source: a.source.clone(),
            paragraph: 1,
        }];
        let lead = vec![
            Seg::new(
                &format!("{:<4}", w.labels.source_label(&a.source)),
                Tone::Label,
            ),
            Seg::plain(&format!("{title} ")),
            Seg::new(&format!("({side} {})", strings::ACCOUNT), Tone::Dim),
        ];
        let mut segs = vec![Seg::plain(ITEM)];
        segs.extend(lead);
        w.doc.push(
            DocLine::item(segs)
                .with_indent(ITEM.len() + 4)
                .with_target(cite.first().cloned().map(Target::Cite))
                .with_copy(format!("{title} [{}]", a.source)),
        );
    }
}
