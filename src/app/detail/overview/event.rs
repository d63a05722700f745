//! The Overview of an event (mentioned or planned): its kind in words, date, place, series,
//! description with citations, and the organisations and topics it is linked to.

use crate::app::doc::{DocLine, Seg, Tone};
use crate::app::format;
use crate::app::strings::label;
use crate::corpus::{Corpus, Event, Provenance};

use super::{Writer, inferred};

pub(super) fn event(w: &mut Writer, corpus: &Corpus, e: &Event) {
    w.doc
        .push(DocLine::fixed(vec![Seg::new(&e.title, Tone::Heading)]).with_indent(2));
    w.fact(label::KIND, format::event_marker(e.kind), &[]);
    if let Some(d) = &e.date {
        w.fact(label::DATE, &format::long_date(d), &d.cite);
        if d.provenance == Provenance::Inferred {
            w.aside(&inferred(d.how.as_deref()));
        }
    }
    if let Some(p) = &e.place {
        w.fact(label::PLACE, &format::place(p, true), &p.cite);
    }
    if let Some(series) = &e.series {
        let s = match e.edition {
            Some(n) => format!("{series} · {} {n}", label::EDITION),
            None => series.clone(),
        };
        w.fact(label::SERIES, &s, &[]);
    }
    w.heading(label::DESCRIPTION);
    w.item(
        vec![Seg::plain(&e.description)],
        &e.cite,
        label::DESCRIPTION,
    );
    if !e.organisations.is_empty() {
        w.heading(label::ORGANISATIONS);
        for o in &e.organisations {
            w.item(vec![Seg::plain(&format::org_name(corpus, o))], &[], "");
        }
    }
    if !e.topics.is_empty() {
        w.heading(label::TOPICS);
        for t in &e.topics {
            w.item(
                vec![Seg::new(format::topic_label(corpus, t), Tone::Label)],
                &[],
                "",
            );
        }
    }
}
