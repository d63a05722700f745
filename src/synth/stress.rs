//! Corpora for stress tests of the browser: empty, one meeting, thousands of meetings, and
//! hostile text (very long and very wide lines, Hangul, a 10,000-character word, escape
//! sequences). Deterministic; not validated (the browser must cope with whatever loads).

use crate::corpus::{
    Account, Citation, Corpus, DateFact, Delegation, Event, EventKind, FORMAT, FormatFact, Head,
    LoadedCorpus, Meeting, MeetingFormat, OrgKind, OrgRef, Organisation, Person, Place, Precision,
    Provenance, Role, Side, SideName, Source, SourceKind, Statement, Topic, TopicRef,
};

/// How the generated text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Short English-like sentences.
    Plain,
    /// Hangul, very long lines, a 10,000-character word, escapes and controls.
    Hostile,
}

fn cite(source: &str, paragraph: u32) -> Vec<Citation> {
    vec![Citation {
        source: source.into(),
        paragraph: Some(paragraph),
    }]
}

fn words(style: Style, i: usize, n: usize) -> String {
    match style {
        Style::Plain => (0..n)
            .map(|k| {
                [
                    "cyber",
                    "dialogue",
                    "ransomware",
                    "capacity",
                    "norms",
                    "Seoul",
                ][(i + k) % 6]
            })
            .collect::<Vec<_>>()
            .join(" "),
        Style::Hostile => {
            let mut s = "사이버 정책 협의회 ".repeat(n);
            s.push_str("\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\ttab\r\nbreak\u{202e}rtl");
            s
        }
    }
}

fn source(id: &str, side: Option<Side>, style: Style, i: usize) -> Source {
    let mut paragraphs: Vec<String> = (0..6)
        .map(|p| {
            format!(
                "{}. The {} EU and ROK sides met. They discussed {}.",
                p + 1,
                i,
                words(style, i + p, 12 + p * 7)
            )
        })
        .collect();
    if style == Style::Hostile {
        paragraphs.push("x".repeat(10_000));
        paragraphs.push("가".repeat(3_000));
        paragraphs.push(String::new());
    }
    Source {
        id: id.into(),
        label: None,
        title: format!("Source {i}: {}", words(style, i, 5)).into(),
        publisher: None,
        url: None,
        accessed: None,
        language: "en".into(),
        kind: SourceKind::PressRelease,
        published: None,
        side,
        notes: vec![words(style, i, 20).into()],
        raw: paragraphs.join("\n").into(),
        paragraphs: paragraphs.into_iter().map(Into::into).collect(),
    }
}

fn date(i: usize) -> DateFact {
    let precision = [Precision::Day, Precision::Month, Precision::Year][i % 3];
    let year = 2000 + (i / 40) % 30;
    let month = 1 + i % 12;
    let value = match precision {
        Precision::Day => format!("{year}-{month:02}-{:02}", 1 + i % 28),
        Precision::Month => format!("{year}-{month:02}"),
        Precision::Year => format!("{year}"),
    };
    DateFact {
        value: value.into(),
        end: None,
        precision,
        provenance: if i.is_multiple_of(5) {
            Provenance::Inferred
        } else {
            Provenance::Stated
        },
        how: i
            .is_multiple_of(5)
            .then(|| "inferred from the page's date line".into()),
        cite: cite(&format!("s{i}a"), 1),
        alternatives: Vec::new(),
        rule: None,
    }
}

/// A corpus of `meetings` meetings (every third with two accounts), a tenth as many events,
/// and 40 topics, organisations and people.
pub fn stress(meetings: usize, style: Style) -> LoadedCorpus {
    let topics: Vec<Topic> = (0..40)
        .map(|t| Topic {
            id: format!("t{t}").into(),
            label: format!("Topic {t} {}", words(style, t, 2)).into(),
            aliases: vec![format!("alias{t}").into()],
            parent: None,
            names: Vec::new(),
        })
        .collect();
    let organisations: Vec<Organisation> = (0..40)
        .map(|o| Organisation {
            id: format!("o{o}").into(),
            name: format!("Organisation {o} {}", words(style, o, 3)).into(),
            acronym: Some(format!("ORG{o}").into()),
            aliases: vec![],
            side: if o % 2 == 0 {
                Side::party("eu")
            } else {
                Side::party("rok")
            },
            kind: OrgKind::Agency,
            parent: None,
            cite: vec![],
            names: Vec::new(),
        })
        .collect();
    let people: Vec<Person> = (0..40)
        .map(|p| Person {
            id: format!("p{p}").into(),
            name: format!("Person {p} {}", words(style, p, 2)).into(),
            honorific: None,
            aliases: vec![],
            roles: vec![Role {
                title: "Director".into(),
                organisation: Some(format!("o{}", p % 40).into()),
                side: Side::party("eu"),
                meeting: (p < meetings).then(|| format!("m{p}").into()),
                cite: cite(&format!("s{p}a"), 1),
            }],
            names: Vec::new(),
        })
        .collect();
    let mut sources = Vec::new();
    let mut list = Vec::new();
    for i in 0..meetings {
        let a = format!("s{i}a");
        let b = format!("s{i}b");
        sources.push(source(&a, Some(Side::party("eu")), style, i));
        let mut accounts = vec![Account {
            source: a.as_str().into(),
            side: Some(Side::party("eu")),
        }];
        if i % 3 == 0 {
            sources.push(source(&b, Some(Side::party("rok")), style, i + 1));
            accounts.push(Account {
                source: b.as_str().into(),
                side: Some(Side::party("rok")),
            });
        }
        list.push(Meeting {
            id: format!("m{i}").into(),
            series: format!("series-{}", i % 3).into(),
            edition: Some(u32::try_from(i + 1).unwrap_or(u32::MAX)),
            title: format!("Meeting {i} {}", words(style, i, 8)).into(),
            short_title: format!("Meeting {i} {}", words(style, i, 3)).into(),
            names: vec![SideName {
                side: Side::party("eu"),
                name: words(style, i, 2).into(),
                cite: cite(&a, 1),
            }],
            date: date(i),
            place: Some(Place {
                city: ["Seoul", "Brussels", "서울", "Paris"][i % 4]
                    .to_string()
                    .into(),
                country: None,
                venue: (i % 2 == 0).then(|| words(style, i, 4).into()),
                provenance: Provenance::Stated,
                how: None,
                cite: cite(&a, 1),
            }),
            format: Some(FormatFact {
                value: if i % 2 == 0 {
                    MeetingFormat::InPerson
                } else {
                    MeetingFormat::Virtual
                },
                provenance: Provenance::Stated,
                how: None,
                cite: cite(&a, 2),
            }),
            co_located: vec![],
            delegations: vec![Delegation {
                side: Side::party("eu"),
                heads: vec![Head {
                    person: format!("p{}", i % 40).into(),
                    role: "head".into(),
                    title: words(style, i, 6).into(),
                    organisation: Some(format!("o{}", i % 40).into()),
                    cite: cite(&a, 1),
                }],
                members: vec![OrgRef {
                    organisation: format!("o{}", (i + 1) % 40).into(),
                    note: None,
                    cite: cite(&a, 2),
                }],
                notes: vec![],
            }],
            observers: vec![],
            topics: (0..3)
                .map(|k| TopicRef {
                    topic: format!("t{}", (i + k * 7) % 40).into(),
                    summary: Some(words(style, i + k, 15).into()),
                    cite: cite(&a, 3),
                })
                .collect(),
            outcomes: vec![Statement {
                text: words(style, i, 25).into(),
                cite: cite(&a, 4),
            }],
            next_meeting: None,
            notes: vec![],
            accounts,
            status: crate::corpus::MeetingStatus::Held,
            draft: false,
            amends: false,
        });
    }
    let events = (0..meetings / 10 + usize::from(meetings > 0))
        .map(|e| Event {
            id: format!("e{e}").into(),
            kind: if e % 2 == 0 {
                EventKind::Planned
            } else {
                EventKind::Mentioned
            },
            title: format!("Event {e} {}", words(style, e, 4)).into(),
            series: None,
            edition: None,
            date: (e % 4 != 0).then(|| date(e * 7)),
            place: None,
            description: words(style, e, 30).into(),
            organisations: vec![format!("o{}", e % 40).into()],
            topics: vec![format!("t{}", e % 40).into()],
            cite: cite("s0a", 2),
        })
        .collect();
    LoadedCorpus {
        corpus: Corpus {
            format: FORMAT.into(),
            title: Some(format!("Generated {}", words(style, meetings, 6)).into()),
            sources,
            meetings: list,
            events,
            organisations,
            people,
            topics,
            ..Corpus::default()
        },
        origins: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stress_corpora_have_the_promised_shape() {
        assert_eq!(
            stress(0, Style::Plain).corpus,
            stress(0, Style::Plain).corpus
        );
        let empty = stress(0, Style::Plain).corpus;
        assert!(empty.meetings.is_empty() && empty.events.is_empty());
        let many = stress(30, Style::Plain).corpus;
        assert_eq!(many.meetings.len(), 30);
        assert_eq!(many.events.len(), 4);
        let twice = many.meetings.iter().filter(|m| m.accounts.len() == 2);
        assert_eq!(twice.count(), 10, "every third meeting has two accounts");
        let hostile = stress(3, Style::Hostile).corpus;
        let text: String = hostile
            .sources
            .iter()
            .flat_map(|s| s.paragraphs.clone())
            .collect();
        for bad in ['\u{1b}', '\u{7}', '\r', '\u{202e}', '사'] {
            assert!(text.contains(bad), "{bad:?}");
        }
        assert!(text.contains(&"x".repeat(10_000)));
    }
}
