//! The facts of a meeting: key fields, participants (heads first, then remarks, by side),
//! organisations, observers, co-located events, topics, outcomes, next meeting, notes and
//! accounts.

use crate::corpus::names::{org_name, person_name, topic_label};
use crate::corpus::{Corpus, Meeting, MeetingStatus, Statement};

use super::{Builder, Fact, Facts, Field, Heading, cite, place};

pub fn facts(corpus: &Corpus, m: &Meeting) -> Facts {
    let mut b = Builder::default();
    b.section(Heading::Key, key(corpus, m));
    b.section(Heading::Participants, participants(corpus, m));
    let members = m
        .delegations
        .iter()
        .flat_map(|d| {
            d.members.iter().map(move |o| {
                Fact::new(
                    Field::Organisation,
                    o.note.clone().unwrap_or_default(),
                    &o.cite,
                )
                .about(org_name(corpus, &o.organisation))
                .on(d.side.clone())
            })
        })
        .collect();
    b.section(Heading::Organisations, members);
    let observers = m
        .observers
        .iter()
        .map(|o| {
            Fact::new(Field::Observer, o.note.clone().unwrap_or_default(), &o.cite)
                .about(org_name(corpus, &o.organisation))
        })
        .collect();
    b.section(Heading::Observers, observers);
    let co_located = m
        .co_located
        .iter()
        .map(|e| Fact::new(Field::CoLocated, &*e.text, &e.cite))
        .collect();
    b.section(Heading::CoLocated, co_located);
    let topics = m
        .topics
        .iter()
        .map(|t| {
            Fact::new(Field::Topic, t.summary.clone().unwrap_or_default(), &t.cite)
                .about(topic_label(corpus, &t.topic))
        })
        .collect();
    b.section(Heading::Topics, topics);
    b.section(Heading::Outcomes, statements(Field::Outcome, &m.outcomes));
    let next = m
        .next_meeting
        .iter()
        .map(|n| Fact::new(Field::NextMeeting, &*n.text, &n.cite))
        .collect();
    b.section(Heading::NextMeeting, next);
    let mut notes = Vec::new();
    // Records `entente import` wrote are marked until a person confirms them.
    if m.draft {
        notes.push(Fact::new(
            Field::Note,
            "Draft: detected by `entente import`, not yet confirmed (`entente confirm ID`).",
            &[],
        ));
    }
    if m.amends {
        notes.push(Fact::new(Field::Note, amended(corpus, m), &[]));
    }
    notes.extend(statements(Field::Note, &m.notes));
    b.section(Heading::Notes, notes);
    b.section(Heading::Accounts, accounts(corpus, m));
    Facts {
        id: m.id.to_string(),
        title: m.title.to_string(),
        event_kind: None,
        sections: b.sections,
    }
}

/// "Amended in your corpus (meeting-eu-rok-cyber-7.json, adds the account DD 2025
/// [seventh-summary]): this record replaces the built-in one." The file is named relative to
/// the user's corpus directory, as the layered load recorded it.
fn amended(corpus: &Corpus, m: &Meeting) -> String {
    let Some(a) = corpus.amendment(&m.id) else {
        return "Amended in your corpus: this record replaces the built-in one.".to_string();
    };
    let added: Vec<String> = a
        .added_accounts
        .iter()
        .map(|id| match cite::source_label(corpus, id) {
            label if label == id => format!("[{id}]"),
            label => format!("{label} [{id}]"),
        })
        .collect();
    let adds = match added.len() {
        0 => String::new(),
        1 => format!(", adds the account {}", added[0]),
        _ => format!(", adds the accounts {}", added.join(", ")),
    };
    format!(
        "Amended in your corpus ({}{adds}): this record replaces the built-in one.",
        a.file
    )
}

fn key(corpus: &Corpus, m: &Meeting) -> Vec<Fact> {
    let mut out = vec![super::date_fact(corpus, &m.date)];
    if m.status == MeetingStatus::Announced {
        out.push(Fact::new(
            Field::Status,
            "announced: known from an advance notice only, not reported as held",
            &[],
        ));
    }
    if let Some(p) = &m.place {
        out.push(
            Fact::new(Field::Place, place::text(p, true), &p.cite)
                .qualified(p.provenance, p.how.as_deref()),
        );
    }
    if let Some(f) = &m.format {
        out.push(
            Fact::new(Field::Format, f.value.label(), &f.cite)
                .qualified(f.provenance, f.how.as_deref()),
        );
    }
    out.push(Fact::new(Field::Series, series(&m.series, m.edition), &[]));
    for n in &m.names {
        out.push(Fact::new(Field::Name, &*n.name, &n.cite).on(n.side.clone()));
    }
    out
}

/// "eu-rok-cyber-dialogue · edition 7".
pub(super) fn series(series: &str, edition: Option<u32>) -> String {
    match edition {
        Some(e) => format!("{series} · edition {e}"),
        None => series.to_string(),
    }
}

/// Heads of delegation first, then remarks on the delegation, side by side in corpus order.
fn participants(corpus: &Corpus, m: &Meeting) -> Vec<Fact> {
    let mut out = Vec::new();
    for d in &m.delegations {
        for h in &d.heads {
            let mut text = format!("{}; {}", h.role, h.title);
            if let Some(org) = &h.organisation {
                text.push_str(", ");
                text.push_str(&org_name(corpus, org));
            }
            out.push(
                Fact::new(Field::Head, text, &h.cite)
                    .about(person_name(corpus, &h.person))
                    .on(d.side.clone()),
            );
        }
        for n in &d.notes {
            out.push(Fact::new(Field::DelegationNote, &*n.text, &n.cite).on(d.side.clone()));
        }
    }
    out
}

fn statements(field: Field, list: &[Statement]) -> Vec<Fact> {
    list.iter()
        .map(|s| Fact::new(field, &*s.text, &s.cite))
        .collect()
}

fn accounts(corpus: &Corpus, m: &Meeting) -> Vec<Fact> {
    m.accounts
        .iter()
        .map(|a| {
            let title = corpus
                .sources
                .iter()
                .find(|s| s.id == a.source)
                .map_or("", |s| s.title.as_str());
            let mut f =
                Fact::new(Field::Account, title, &[]).about(cite::source_label(corpus, &a.source));
            f.side = a.side.clone();
            f.source = Some(a.source.to_string());
            f
        })
        .collect()
}
