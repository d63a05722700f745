//! Unit tests of the facts builder: every section and both qualifiers, citations deduplicated,
//! the citation style and legend, and the copy lines.

use super::*;
use crate::corpus::{
    Account, Citation, DateFact, Delegation, Event, EventKind, EventRef, FormatFact, Head, Meeting,
    MeetingFormat, OrgRef, Place, Precision, SideName, Source, Statement, TopicRef,
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
        label: label.map(Into::into),
        title: format!("Title of {id}").into(),
        paragraphs: vec!["p".into(); 9],
        ..crate::test_fixture::source(id)
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
            side: Side::party("rok"),
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
            side: Side::party("rok"),
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
                side: Some(Side::party("eu")),
            },
            Account {
                source: "rok".into(),
                side: Some(Side::party("rok")),
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
        parties: crate::corpus::builtin::parties(),
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
    assert_eq!(head[1].caption(&corpus).as_deref(), Some("ROK"));
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
        f.key(Field::Date).unwrap().cited_text(&corpus),
        "Date: 24 November 2020 (inferred: the year from ¶3) [EU 2020 ¶1; rok ¶2]"
    );
    assert_eq!(
        f.key(Field::Name).unwrap().cited_text(&corpus),
        "ROK name: Consultation [rok ¶1]"
    );
    // Date and place cite the same paragraphs: the line carries them once.
    assert_eq!(
        f.summary_line(&corpus),
        "6th Dialogue — 24 November 2020 (inferred: the year from ¶3), Seoul — MOFA \
         [EU 2020 ¶1; rok ¶2]"
    );
}

/// The fixture's 2nd Data Dialogue: March 2020 by the official account, February by a news
/// item whose text is not in the corpus (a reference source).
fn fixture_disagreement() -> (Corpus, Facts) {
    let corpus = crate::test_fixture::small().corpus;
    let m = corpus
        .meetings
        .iter()
        .find(|m| m.id == "data-dialogue-2")
        .expect("the fixture has the 2nd Data Dialogue");
    let facts = of_meeting(&corpus, m);
    (corpus, facts)
}

#[test]
fn a_disagreement_shows_the_preferred_value_then_each_alternative_with_its_source() {
    let (corpus, facts) = fixture_disagreement();
    let date = facts.key(Field::Date).expect("a date fact");
    assert_eq!(date.text, "March 2020 (News 2020: February 2020)");
    assert_eq!(date.rule, Some(PreferenceRule::OfficialOverNews));
    assert_eq!(
        date.note().as_deref(),
        Some("preferred: official text over news")
    );
    // The alternative's source is cited, so the legend lists it.
    assert_eq!(
        date.cited_text(&corpus),
        "Date: March 2020 (News 2020: February 2020) (preferred: official text over news) \
         [rok-data-dialogue-2 ¶1; News 2020]"
    );
    let legend = facts.legend(&corpus);
    let labels: Vec<&str> = legend.references.iter().map(|r| r.label.as_str()).collect();
    assert!(labels.contains(&"News 2020"), "{labels:?}");
}

#[test]
fn a_date_without_alternatives_has_no_rule_note() {
    let corpus = corpus();
    let f = of_meeting(&corpus, &corpus.meetings[0]);
    let date = f.key(Field::Date).expect("a date fact");
    assert_eq!(date.rule, None);
    assert!(!date.text.contains('('), "{}", date.text);
}

#[test]
fn a_reference_source_is_described_in_full_and_says_its_text_is_elsewhere() {
    let (corpus, facts) = fixture_disagreement();
    let legend = facts.legend(&corpus);
    let news = legend
        .references
        .iter()
        .find(|r| r.id == "news-data-dialogue-2")
        .expect("the news reference is in the legend");
    assert!(!news.has_text);
    assert_eq!(
        news.text(),
        "News 2020 — Partners hold second Data Dialogue online, Example Wire, 28 February 2020 \
         (accessed 1 November 2026) (news-data-dialogue-2); text not in the corpus — see \
         https://news.example/2020/02/second-data-dialogue"
    );
    // A source whose text is here says nothing of the kind.
    let official = legend
        .references
        .iter()
        .find(|r| r.id == "rok-data-dialogue-2")
        .expect("the official account is in the legend");
    assert!(official.has_text);
    assert_eq!(official.absence(), None);
    assert!(!official.text().contains(cite::NOT_IN_CORPUS));
}

#[test]
fn a_source_with_text_and_a_url_lists_the_url_and_when_it_was_read() {
    let mut corpus = corpus();
    corpus.sources[0].url = Some("https://eeas.example/r".into());
    corpus.sources[0].accessed = Some("2026-11-02".into());
    let r = cite::Reference::of(&corpus, &corpus.sources[0].id.clone());
    assert!(r.has_text);
    assert!(
        r.description()
            .contains("https://eeas.example/r (accessed 2 November 2026)"),
        "{}",
        r.description()
    );
    // Without a URL the reference says only that the text is missing.
    corpus.sources[0].url = None;
    corpus.sources[0].paragraphs.clear();
    let r = cite::Reference::of(&corpus, &corpus.sources[0].id.clone());
    assert_eq!(r.absence().as_deref(), Some("text not in the corpus"));
}

#[test]
fn an_event_status_follows_its_kind_and_names_the_meeting_that_superseded_it() {
    let corpus = crate::test_fixture::small().corpus;
    let e = corpus
        .events
        .iter()
        .find(|e| e.id == "data-dialogue-brussels-2021")
        .expect("the fixture has the 2021 plan");
    let status = crate::index::status::of_event(&corpus, e, (2026, 11, 28));
    let facts = of_event(&corpus, e).with_status(&corpus, status);
    let key = &facts.section(Heading::Key).expect("key facts").facts;
    let kind = key.iter().position(|f| f.field == Field::Kind);
    let status_at = key.iter().position(|f| f.field == Field::Status);
    assert_eq!(status_at, kind.map(|k| k + 1));
    assert_eq!(
        facts.key(Field::Status).map(|f| f.text.as_str()),
        Some("superseded by 3rd EU–ROK Data Dialogue (11–12 June 2024, Seoul)")
    );
}

#[test]
fn an_announced_meeting_says_so_and_a_held_one_has_no_status_line() {
    let corpus = corpus();
    let held = of_meeting(&corpus, &corpus.meetings[0]);
    assert_eq!(held.key(Field::Status), None);
    let announced = Meeting {
        status: crate::corpus::MeetingStatus::Announced,
        ..corpus.meetings[0].clone()
    };
    let f = of_meeting(&corpus, &announced);
    assert_eq!(
        f.key(Field::Status).map(|s| s.text.as_str()),
        Some("announced: known from an advance notice only, not reported as held")
    );
    // A held meeting's facts are not given an event's status.
    let same = of_meeting(&corpus, &corpus.meetings[0])
        .with_status(&corpus, crate::index::status::Status::Held);
    assert_eq!(same, held);
}
