//! Every citation a meeting or an event carries, in the order its facts are shown.

use super::{Citation, Event, Meeting};

/// All citations of a meeting (date and its alternatives, place, format, names, delegations, observers, topics,
/// outcomes, next meeting, notes).
pub fn meeting(m: &Meeting) -> Vec<&Citation> {
    let mut out: Vec<&Citation> = Vec::new();
    out.extend(&m.date.cite);
    out.extend(m.date.alternatives.iter().flat_map(|a| &a.cite));
    if let Some(p) = &m.place {
        out.extend(&p.cite);
    }
    if let Some(f) = &m.format {
        out.extend(&f.cite);
    }
    for n in &m.names {
        out.extend(&n.cite);
    }
    for d in &m.delegations {
        for h in &d.heads {
            out.extend(&h.cite);
        }
        for o in &d.members {
            out.extend(&o.cite);
        }
        for n in &d.notes {
            out.extend(&n.cite);
        }
    }
    for o in &m.observers {
        out.extend(&o.cite);
    }
    for e in &m.co_located {
        out.extend(&e.cite);
    }
    for t in &m.topics {
        out.extend(&t.cite);
    }
    for s in &m.outcomes {
        out.extend(&s.cite);
    }
    if let Some(n) = &m.next_meeting {
        out.extend(&n.cite);
    }
    for s in &m.notes {
        out.extend(&s.cite);
    }
    out
}

/// All citations of an event.
pub fn event(e: &Event) -> Vec<&Citation> {
    let mut out: Vec<&Citation> = Vec::new();
    if let Some(d) = &e.date {
        out.extend(&d.cite);
        out.extend(d.alternatives.iter().flat_map(|a| &a.cite));
    }
    if let Some(p) = &e.place {
        out.extend(&p.cite);
    }
    out.extend(&e.cite);
    out
}
