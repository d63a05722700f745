//! The Related tab: other meetings that share topics, organisations or people with this entry,
//! most shared first, each with what it shares; `Enter` jumps to one.

use std::collections::BTreeMap;

use crate::app::doc::{Doc, DocLine, Seg, Target, Tone};
use crate::app::format;
use crate::app::strings::Strings;
use crate::corpus::{Corpus, Facet};
use crate::index::{EntryRef, Index, Related};

/// Related meetings of an event: those its topics and organisations appear in.
fn related_to_event(corpus: &Corpus, index: &Index, event: usize) -> Vec<Related> {
    let Some(e) = corpus.events.get(event) else {
        return Vec::new();
    };
    let mut shared: BTreeMap<usize, Related> = BTreeMap::new();
    let lists = e
        .topics
        .iter()
        .map(|t| (Facet::Topic, t))
        .chain(e.organisations.iter().map(|o| (Facet::Organisation, o)))
        .map(|(facet, id)| (facet, id, index.appearances(facet, id)));
    for (kind, id, appearances) in lists {
        for a in appearances {
            if let EntryRef::Meeting(j) = a.entry {
                let r = shared.entry(j).or_insert_with(|| Related {
                    meeting: j,
                    shared: Vec::new(),
                });
                if !r.shared.iter().any(|(k, s)| *k == kind && s == id) {
                    r.shared.push((kind, id.to_string()));
                }
            }
        }
    }
    let mut out: Vec<Related> = shared.into_values().collect();
    out.sort_by(|a, b| {
        b.shared
            .len()
            .cmp(&a.shared.len())
            .then(a.meeting.cmp(&b.meeting))
    });
    out
}

fn shared_text(corpus: &Corpus, t: &Strings, shared: &[(Facet, String)]) -> String {
    let mut parts = Vec::new();
    for kind in [Facet::Topic, Facet::Organisation, Facet::Person] {
        let names: Vec<String> = shared
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| match kind {
                Facet::Topic => format::topic_label(corpus, id).to_string(),
                Facet::Organisation => format::org_short(corpus, id),
                _ => format::person_name(corpus, id).to_string(),
            })
            .collect();
        if !names.is_empty() {
            parts.push(format!("{}: {}", (t.facet)(kind), names.join(", ")));
        }
    }
    parts.join("; ")
}

pub fn build(corpus: &Corpus, index: &Index, t: &Strings, entry: EntryRef) -> Doc {
    let related = match entry {
        EntryRef::Meeting(i) if i < corpus.meetings.len() => index.related(corpus, i),
        EntryRef::Event(i) => related_to_event(corpus, index, i),
        EntryRef::Meeting(_) => Vec::new(),
    };
    let mut doc = Doc::default();
    doc.push(DocLine::fixed(vec![Seg::new(
        t.related_heading,
        Tone::Heading,
    )]));
    if related.is_empty() {
        doc.push(DocLine::blank());
        doc.push(DocLine::fixed(vec![Seg::new(t.no_related, Tone::Dim)]));
        return doc;
    }
    for r in related {
        let Some(m) = corpus.meetings.get(r.meeting) else {
            continue;
        };
        let date = format::long_date(&m.date);
        doc.push(DocLine::blank());
        doc.push(
            DocLine::item(vec![
                Seg::new(&m.title, Tone::Label),
                Seg::new(&format!("  {date}"), Tone::Dim),
            ])
            .with_indent(2)
            .with_target(Some(Target::Entry(EntryRef::Meeting(r.meeting))))
            .with_copy(format!("{} ({date})", m.title)),
        );
        doc.push(
            DocLine::fixed(vec![
                Seg::new(&format!("  {} ", t.shares), Tone::Dim),
                Seg::plain(&shared_text(corpus, t, &r.shared)),
            ])
            .with_indent(4),
        );
    }
    doc
}
