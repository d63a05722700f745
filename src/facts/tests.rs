//! Unit tests of the facts builder: every section and both qualifiers, citations deduplicated,
//! the citation style and legend, and the copy lines.

use super::*;
use crate::corpus::{
    Account, Citation, DateFact, Delegation, Event, EventKind, EventRef, FormatFact, Head, Meeting,
    MeetingFormat, OrgRef, Place, Precision, SideName, Source, SourceKind, Statement, TopicRef,
};

fn c(source: &str, paragraph: u32) -> Citation {
    Citation {
        source: source.into(),
        paragraph: Some(paragraph),
    }
}

fn said(text: &str, cite: Vec<Citation>) -> Statement {
    Statement {
        text: text.into(),
        cite,
    }
}

fn source(id: &str, label: Option<&str>) -> Source {
    Source {
        id: id.into(),
        label: label.map(Into::into),
        title: format!("Title of {id}"),
        publisher: None,
        url: None,
        accessed: None,
        language: "en".into(),
        kind: SourceKind::PressRelease,
        published: None,
        side: None,
        notes: vec![],
        raw: String::new(),
        paragraphs: vec!["p".into(); 9],
    }
}

/// A meeting with every section filled, an inferred date and format, a stated place, and
/// citations repeated inside one fact.
fn meeting() -> Meeting {
    Meeting {
        id: "m".into(),
        series: "eu-rok-cyber-dialogue".into(),
        edition: Some(6),
        title: "6th Dialogue".into(),
        short_title: "6th".into(),
        names: vec![SideName {
            side: Side::Rok,
            name: "Consultation".into(),
            cite: vec![c("rok", 1), c("rok", 1)],
        }],
        date: DateFact {
            value: "2020-11-24".into(),
            end: None,
            precision: Precision::Day,
            provenance: Provenance::Inferred,
            how: Some("the year from ¶3".into()),
            cite: vec![c("eu", 1), c("rok", 2), c("eu", 1)],
            alternatives: Vec::new(),
            rule: None,
        },
        place: Some(Place {
            city: "Seoul".into(),
            country: None,
            venue: Some("MOFA".into()),
            provenance: Provenance::Stated,
            how: None,
            cite: vec![c("rok", 2), c("eu", 1)],
        }),
        format: Some(FormatFact {
            value: MeetingFormat::Virtual,
            provenance: Provenance::Inferred,
            how: None,
            cite: vec![c("eu", 3)],
        }),
        co_located: vec![EventRef {
            event: "ev".into(),
            text: "Held with the working group.".into(),
            cite: vec![c("rok", 4)],
        }],
        delegations: vec![Delegation {
            side: Side::Rok,
            heads: vec![Head {
                person: "kim".into(),
                role: "chair".into(),
                title: "Director".into(),
                organisation: Some("mofa".into()),
                cite: vec![c("rok", 1)],
            }],
            members: vec![OrgRef {
                organisation: "kisa".into(),
                note: Some("the agency".into()),
                cite: vec![c("rok", 2)],
            }],
            notes: vec![said("Officials attended.", vec![c("rok", 2)])],
        }],
        observers: vec![OrgRef {
            organisation: "un".into(),
            note: None,
            cite: vec![c("eu", 5)],
        }],
        topics: vec![TopicRef {
            topic: "ransomware".into(),
            summary: Some("Both raised it.".into()),
            cite: vec![c("eu", 4), c("rok", 7)],
        }],
        outcomes: vec![said("They agreed.", vec![c("eu", 6)])],
        next_meeting: Some(EventRef {
            event: "next".into(),
            text: "Next in Brussels.".into(),
            cite: vec![c("eu", 6)],
        }),
        notes: vec![said("Accounts differ.", vec![c("rok", 3), c("eu", 2)])],
        accounts: vec![
            Account {
                source: "eu".into(),
                side: Some(Side::Eu),
            },
            Account {
                source: "rok".into(),
                side: Some(Side::Rok),
            },
        ],
        status: crate::corpus::MeetingStatus::Held,
        draft: false,
        amends: false,
    }
}

fn corpus() -> Corpus {
    let mut eu = source("eu", Some("EU 2020"));
    eu.publisher = Some("EEAS".into());
    eu.published = Some(DateFact {
        value: "2020-11-25".into(),
        end: None,
        precision: Precision::Day,
        provenance: Provenance::Stated,
        how: None,
        cite: vec![c("eu", 1)],
        alternatives: Vec::new(),
        rule: None,
    });
    Corpus {
        sources: vec![eu, source("rok", None)],
        meetings: vec![meeting()],
        events: vec![Event {
            id: "ev".into(),
            kind: EventKind::Planned,
            title: "Working group".into(),
            series: Some("wg".into()),
            edition: Some(2),
            date: Some(DateFact {
                value: "2025-06-30".into(),
                end: Some("2025-07-02".into()),
                precision: Precision::Day,
                provenance: Provenance::Stated,
                how: None,
                cite: vec![c("rok", 4)],
                alternatives: Vec::new(),
                rule: None,
            }),
            place: None,
            description: "A planned session.".into(),
            organisations: vec!["un".into()],
            topics: vec!["ransomware".into()],
            cite: vec![c("rok", 4), c("rok", 4)],
        }],
        ..Corpus::default()
    }
}

#[test]
fn a_meeting_has_every_section_in_display_order() {
    let corpus = corpus();
    let f = of_meeting(&corpus, &corpus.meetings[0]);
    let headings: Vec<Heading> = f.sections.iter().map(|s| s.heading).collect();
    assert_eq!(
        headings,
        [
            Heading::Key,
            Heading::Participants,
            Heading::Organisations,
            Heading::Observers,
            Heading::CoLocated,
            Heading::Topics,
            Heading::Outcomes,
            Heading::NextMeeting,
            Heading::Notes,
            Heading::Accounts,
        ]
    );
    let key: Vec<(Field, &str)> = f.sections[0]
        .facts
        .iter()
        .map(|x| (x.field, x.text.as_str()))
        .collect();
    assert_eq!(
        key,
        [
            (Field::Date, "24 November 2020"),
            (Field::Place, "Seoul — MOFA"),
            (Field::Format, "virtual"),
            (Field::Series, "eu-rok-cyber-dialogue · edition 6"),
            (Field::Name, "Consultation"),
        ]
    );
    let topic = &f.section(Heading::Topics).unwrap().facts[0];
    assert_eq!(topic.sentence(), "ransomware — Both raised it.");
    let head = &f.section(Heading::Participants).unwrap().facts;
    assert_eq!(head[0].field, Field::Head, "heads come first");
    assert_eq!(head[0].sentence(), "kim — chair; Director, mofa");
    assert_eq!(head[1].field, Field::DelegationNote);
    assert_eq!(head[1].caption().as_deref(), Some("ROK"));
    let member = &f.section(Heading::Organisations).unwrap().facts[0];
    assert_eq!(member.sentence(), "kisa — the agency");
    let observer = &f.section(Heading::Observers).unwrap().facts[0];
    assert_eq!(observer.sentence(), "un", "no note: the name alone");
    let account = &f.section(Heading::Accounts).unwrap().facts[1];
    assert_eq!(account.subject.as_deref(), Some("rok"), "no label: the id");
    assert_eq!(account.source.as_deref(), Some("rok"));
    assert!(account.cite.is_empty());
}

#[test]
fn both_qualifiers_with_and_without_how() {
    let corpus = corpus();
    let f = of_meeting(&corpus, &corpus.meetings[0]);
    let date = f.key(Field::Date).unwrap();
    assert_eq!(
        date.qualifier,
        Qualifier::Inferred {
            how: Some("the year from ¶3".into())
        }
    );
    assert_eq!(
        date.qualifier.note().as_deref(),
        Some("inferred: the year from ¶3")
    );
    let place = f.key(Field::Place).unwrap();
    assert_eq!(place.qualifier, Qualifier::Stated);
    assert_eq!(place.qualifier.note(), None);
    let format = f.key(Field::Format).unwrap();
    assert_eq!(format.qualifier.note().as_deref(), Some("inferred"));
}

#[test]
fn citations_are_deduplicated_in_order() {
    let corpus = corpus();
    let f = of_meeting(&corpus, &corpus.meetings[0]);
    assert_eq!(f.key(Field::Date).unwrap().cite, [c("eu", 1), c("rok", 2)]);
    assert_eq!(f.key(Field::Name).unwrap().cite, [c("rok", 1)]);
    let notes = &f.section(Heading::Notes).unwrap().facts[0];
    assert_eq!(notes.cite, [c("rok", 3), c("eu", 2)], "corpus order kept");
    assert_eq!(
        cite::dedup([c("a", 2), c("a", 1), c("a", 2)]),
        [c("a", 2), c("a", 1)]
    );
}

#[test]
fn citations_use_the_source_label_grouped_by_source() {
    let corpus = corpus();
    assert_eq!(cite::source_label(&corpus, "eu"), "EU 2020");
    assert_eq!(cite::source_label(&corpus, "rok"), "rok");
    assert_eq!(cite::source_label(&corpus, "unknown"), "unknown");
    assert_eq!(
        cite::list(&corpus, &[c("eu", 1), c("rok", 2), c("eu", 3), c("eu", 1)]),
        "[EU 2020 ¶1, ¶3; rok ¶2]"
    );
    assert_eq!(cite::list(&corpus, &[]), "");
    assert_eq!(
        cite::unbroken("[EU 2020 ¶1, ¶3; rok ¶2]"),
        "[EU\u{a0}2020\u{a0}¶1,\u{a0}¶3; rok\u{a0}¶2]"
    );
}

#[test]
fn the_legend_lists_sources_by_first_use_with_what_is_known() {
    let corpus = corpus();
    let f = of_meeting(&corpus, &corpus.meetings[0]);
    let legend = f.legend(&corpus);
    let texts: Vec<String> = legend.references.iter().map(|r| r.text()).collect();
    assert_eq!(
        texts,
        [
            "EU 2020 — Title of eu, EEAS, 25 November 2020 (eu)",
            "rok — Title of rok",
        ]
    );
    // A source named only as an account still gets a reference.
    let mut only_account = corpus.clone();
    only_account.meetings[0].notes.clear();
    let m = &only_account.meetings[0];
    let bare = Meeting {
        names: vec![],
        date: DateFact {
            cite: vec![c("eu", 1)],
            ..m.date.clone()
        },
        place: None,
        format: None,
        co_located: vec![],
        delegations: vec![],
        observers: vec![],
        topics: vec![],
        outcomes: vec![],
        next_meeting: None,
        ..m.clone()
    };
    let legend = of_meeting(&only_account, &bare).legend(&only_account);
    let labels: Vec<&str> = legend.references.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["EU 2020", "rok"]);
}

#[test]
fn an_event_has_kind_date_series_description_and_links() {
    let corpus = corpus();
    let f = of_event(&corpus, &corpus.events[0]);
    assert_eq!(f.event_kind, Some(EventKind::Planned));
    let headings: Vec<Heading> = f.sections.iter().map(|s| s.heading).collect();
    assert_eq!(
        headings,
        [
            Heading::Key,
            Heading::Description,
            Heading::Organisations,
            Heading::Topics
        ]
    );
    assert_eq!(f.key(Field::Kind).unwrap().text, "planned");
    assert_eq!(f.key(Field::Date).unwrap().text, "30 June – 2 July 2025");
    assert_eq!(f.key(Field::Series).unwrap().text, "wg · edition 2");
    let description = &f.section(Heading::Description).unwrap().facts[0];
    assert_eq!(description.cite, [c("rok", 4)]);
    assert!(of_entry(&corpus, EntryRef::Event(9)).is_none());
}

#[test]
fn copy_lines_keep_the_qualifier_and_cite_each_source_once() {
    let corpus = corpus();
    let f = of_entry(&corpus, EntryRef::Meeting(0)).unwrap();
    assert_eq!(
        f.key(Field::Date).unwrap().copy_text(&corpus),
        "Date: 24 November 2020 (inferred: the year from ¶3) [EU 2020 ¶1; rok ¶2]"
    );
    assert_eq!(
        f.key(Field::Name).unwrap().copy_text(&corpus),
        "ROK name: Consultation [rok ¶1]"
    );
    // Date and place cite the same paragraphs: the line carries them once.
    assert_eq!(
        f.summary_line(&corpus),
        "6th Dialogue — 24 November 2020 (inferred: the year from ¶3), Seoul — MOFA \
         [EU 2020 ¶1; rok ¶2]"
    );
}
