//! The facts of an event (mentioned or planned): kind, date, place, series, what the sources
//! say of it, and the organisations and topics it is linked to.

use crate::corpus::names::{org_name, topic_label};
use crate::corpus::{Corpus, Event, EventKind};

use super::{Builder, Fact, Facts, Field, Heading, meeting::series, place};

pub fn facts(corpus: &Corpus, e: &Event) -> Facts {
    let mut b = Builder::default();
    let mut key = vec![Fact::new(Field::Kind, kind_word(e.kind), &[])];
    if let Some(d) = &e.date {
        key.push(super::date_fact(corpus, d));
    }
    if let Some(p) = &e.place {
        key.push(
            Fact::new(Field::Place, place::text(p, true), &p.cite)
                .qualified(p.provenance, p.how.as_deref()),
        );
    }
    if let Some(s) = &e.series {
        key.push(Fact::new(Field::Series, series(s, e.edition), &[]));
    }
    b.section(Heading::Key, key);
    b.section(
        Heading::Description,
        vec![Fact::new(Field::Description, &*e.description, &e.cite)],
    );
    let orgs = e
        .organisations
        .iter()
        .map(|o| Fact::new(Field::Organisation, "", &[]).about(org_name(corpus, o)))
        .collect();
    b.section(Heading::Organisations, orgs);
    let topics = e
        .topics
        .iter()
        .map(|t| Fact::new(Field::Topic, "", &[]).about(topic_label(corpus, t)))
        .collect();
    b.section(Heading::Topics, topics);
    Facts {
        id: e.id.to_string(),
        title: e.title.to_string(),
        event_kind: Some(e.kind),
        sections: b.sections,
    }
}

fn kind_word(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Planned => "planned",
        EventKind::Mentioned => "mentioned",
    }
}
