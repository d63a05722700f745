//! The JSON Schema (assets/corpus.schema.json) stays in step with the serde model: for every
//! record type, the schema's properties are the fields serde writes for a fully populated value,
//! its `required` list is what serde still writes for a minimal one, and every enum lists
//! exactly the values serde writes. Also: every string of every type is NFC after parsing.

use std::collections::BTreeSet;

use entente::corpus::*;
use serde::Serialize;
use serde_json::Value;

fn schema() -> Value {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus.schema.json"),
    )
    .expect("schema readable");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn cite() -> Vec<Citation> {
    vec![Citation::at("s", 1)]
}

fn date_full(t: &str) -> DateFact {
    DateFact {
        value: "2019".into(),
        end: Some("2020".into()),
        precision: Precision::Year,
        provenance: Provenance::Inferred,
        how: Some(t.into()),
        cite: cite(),
        alternatives: vec![alternative_full()],
        rule: Some(PreferenceRule::OfficialOverNews),
    }
}

fn alternative_full() -> AlternativeDate {
    AlternativeDate {
        value: "2018".into(),
        end: Some("2019".into()),
        precision: Precision::Year,
        cite: cite(),
    }
}

fn name_full(t: &str) -> Name {
    Name {
        text: t.into(),
        lang: "ko".into(),
        cite: cite(),
        conventional: true,
    }
}

fn place_full(t: &str) -> Place {
    Place {
        city: t.into(),
        country: Some(t.into()),
        venue: Some(t.into()),
        provenance: Provenance::Inferred,
        how: Some(t.into()),
        cite: cite(),
    }
}

fn statement(t: &str) -> Statement {
    Statement {
        text: t.into(),
        cite: cite(),
    }
}

fn org_ref(t: &str) -> OrgRef {
    OrgRef {
        organisation: "o".into(),
        note: Some(t.into()),
        cite: cite(),
    }
}

fn event_ref(t: &str) -> EventRef {
    EventRef {
        event: "e".into(),
        text: t.into(),
        cite: cite(),
    }
}

/// A corpus in which every optional field is set and every list holds an item; `t` is used for
/// every free-text string.
fn full_corpus(t: &str) -> Corpus {
    Corpus {
        format: FORMAT.into(),
        title: Some(t.into()),
        sources: vec![Source {
            id: "s".into(),
            label: Some(t.into()),
            title: t.into(),
            publisher: Some(t.into()),
            url: Some(t.into()),
            accessed: Some("2026-11-28".into()),
            language: "ko".into(),
            kind: SourceKind::NewsItem,
            published: Some(date_full(t)),
            side: Some(Side::party("rok")),
            notes: vec![t.into()],
            raw: t.into(),
            paragraphs: vec![t.into()],
        }],
        meetings: vec![Meeting {
            id: "m".into(),
            series: "series".into(),
            edition: Some(1),
            title: t.into(),
            short_title: t.into(),
            names: vec![SideName {
                side: Side::party("rok"),
                name: t.into(),
                cite: cite(),
            }],
            date: date_full(t),
            place: Some(place_full(t)),
            format: Some(FormatFact {
                value: MeetingFormat::Virtual,
                provenance: Provenance::Inferred,
                how: Some(t.into()),
                cite: cite(),
            }),
            co_located: vec![event_ref(t)],
            delegations: vec![Delegation {
                side: Side::party("rok"),
                heads: vec![Head {
                    person: "p".into(),
                    role: t.into(),
                    title: t.into(),
                    organisation: Some("o".into()),
                    cite: cite(),
                }],
                members: vec![org_ref(t)],
                notes: vec![statement(t)],
            }],
            observers: vec![org_ref(t)],
            topics: vec![TopicRef {
                topic: "t".into(),
                summary: Some(t.into()),
                cite: cite(),
            }],
            outcomes: vec![statement(t)],
            next_meeting: Some(event_ref(t)),
            notes: vec![statement(t)],
            accounts: vec![Account {
                source: "s".into(),
                side: Some(Side::party("rok")),
            }],
            status: MeetingStatus::Announced,
            draft: true,
            amends: true,
        }],
        events: vec![Event {
            id: "e".into(),
            kind: EventKind::Planned,
            title: t.into(),
            series: Some("series".into()),
            edition: Some(2),
            date: Some(date_full(t)),
            place: Some(place_full(t)),
            description: t.into(),
            organisations: vec!["o".into()],
            topics: vec!["t".into()],
            cite: cite(),
        }],
        organisations: vec![Organisation {
            id: "o".into(),
            name: t.into(),
            acronym: Some(t.into()),
            aliases: vec![t.into()],
            side: Side::party("rok"),
            kind: OrgKind::Agency,
            parent: Some("o2".into()),
            cite: cite(),
            names: vec![name_full(t)],
        }],
        people: vec![Person {
            id: "p".into(),
            name: t.into(),
            honorific: Some(t.into()),
            aliases: vec![t.into()],
            roles: vec![Role {
                title: t.into(),
                organisation: Some("o".into()),
                side: Side::party("rok"),
                meeting: Some("m".into()),
                cite: cite(),
            }],
            names: vec![name_full(t)],
        }],
        topics: vec![Topic {
            id: "t".into(),
            label: t.into(),
            aliases: vec![t.into()],
            parent: Some("t2".into()),
            names: vec![name_full(t)],
        }],
        series: vec![Series {
            id: "sr".into(),
            name: t.into(),
            names: vec![name_full(t)],
        }],
        place_names: vec![PlaceNames {
            key: "c".into(),
            names: vec![name_full(t)],
        }],
        parties: vec![Party {
            id: "jp".into(),
            name: t.into(),
            short: t.into(),
            names: vec![name_full(t)],
        }],
        // Set by the layered load, never in JSON.
        amendments: Vec::new(),
    }
}

fn date_min() -> DateFact {
    DateFact {
        value: "2019".into(),
        end: None,
        precision: Precision::Year,
        provenance: Provenance::Stated,
        how: None,
        cite: Vec::new(),
        alternatives: Vec::new(),
        rule: None,
    }
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serialises")
}

/// Asserts the schema object `def` has exactly the fields of `full` as properties, exactly the
/// fields of `minimal` as required, and no additional properties.
fn check_object(name: &str, def: &Value, full: Value, minimal: Value) {
    let properties = keys(&def["properties"]);
    assert_eq!(
        properties,
        keys(&full),
        "{name}: properties vs serde fields"
    );
    let required: BTreeSet<String> = def["required"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: no required list"))
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    assert_eq!(
        required,
        keys(&minimal),
        "{name}: required vs serde's minimal fields"
    );
    assert_eq!(
        def["additionalProperties"],
        Value::Bool(false),
        "{name}: additionalProperties"
    );
}

#[test]
fn the_schema_objects_match_the_serde_model() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let full = full_corpus("x");
    let d = |n: &str| &schema["$defs"][n];
    let minimal_corpus = Corpus {
        format: FORMAT.into(),
        ..Corpus::default()
    };
    check_object("Corpus", &schema, json(&full), json(&minimal_corpus));
    let m = &full.meetings[0];
    let min_place = Place {
        city: "c".into(),
        country: None,
        venue: None,
        provenance: Provenance::Stated,
        how: None,
        cite: Vec::new(),
    };
    let cases: Vec<(&str, Value, Value)> = vec![
        ("Citation", json(&cite()[0]), json(&Citation::whole("s"))),
        (
            "Series",
            json(&full.series[0]),
            json(&Series {
                names: Vec::new(),
                ..full.series[0].clone()
            }),
        ),
        (
            "Party",
            json(&full.parties[0]),
            json(&Party {
                names: Vec::new(),
                ..full.parties[0].clone()
            }),
        ),
        (
            "PlaceNames",
            json(&full.place_names[0]),
            json(&PlaceNames {
                names: Vec::new(),
                ..full.place_names[0].clone()
            }),
        ),
        (
            "Source",
            json(&full.sources[0]),
            json(&Source {
                publisher: None,
                url: None,
                accessed: None,
                label: None,
                published: None,
                side: None,
                notes: Vec::new(),
                raw: Default::default(),
                paragraphs: Vec::new(),
                ..full.sources[0].clone()
            }),
        ),
        ("DateFact", json(&m.date), json(&date_min())),
        (
            "AlternativeDate",
            json(&alternative_full()),
            json(&AlternativeDate {
                end: None,
                ..alternative_full()
            }),
        ),
        (
            "Name",
            json(&name_full("n")),
            json(&Name {
                cite: Vec::new(),
                conventional: false,
                ..name_full("n")
            }),
        ),
        ("Place", json(&m.place), json(&min_place)),
        (
            "FormatFact",
            json(&m.format),
            json(&FormatFact {
                how: None,
                ..m.format.clone().expect("format")
            }),
        ),
        ("SideName", json(&m.names[0]), json(&m.names[0])),
        (
            "Head",
            json(&m.delegations[0].heads[0]),
            json(&Head {
                organisation: None,
                ..m.delegations[0].heads[0].clone()
            }),
        ),
        (
            "OrgRef",
            json(&m.observers[0]),
            json(&OrgRef {
                note: None,
                ..m.observers[0].clone()
            }),
        ),
        (
            "Delegation",
            json(&m.delegations[0]),
            json(&Delegation {
                side: Side::party("eu"),
                heads: Vec::new(),
                members: Vec::new(),
                notes: Vec::new(),
            }),
        ),
        ("Statement", json(&m.outcomes[0]), json(&m.outcomes[0])),
        (
            "TopicRef",
            json(&m.topics[0]),
            json(&TopicRef {
                summary: None,
                ..m.topics[0].clone()
            }),
        ),
        ("EventRef", json(&m.co_located[0]), json(&m.co_located[0])),
        (
            "Account",
            json(&m.accounts[0]),
            json(&Account {
                source: "s".into(),
                side: None,
            }),
        ),
        (
            "Meeting",
            json(m),
            json(&Meeting {
                edition: None,
                names: Vec::new(),
                place: None,
                format: None,
                co_located: Vec::new(),
                delegations: Vec::new(),
                observers: Vec::new(),
                topics: Vec::new(),
                outcomes: Vec::new(),
                next_meeting: None,
                notes: Vec::new(),
                status: MeetingStatus::Held,
                draft: false,
                amends: false,
                ..m.clone()
            }),
        ),
        (
            "Event",
            json(&full.events[0]),
            json(&Event {
                series: None,
                edition: None,
                date: None,
                place: None,
                organisations: Vec::new(),
                topics: Vec::new(),
                ..full.events[0].clone()
            }),
        ),
        (
            "Organisation",
            json(&full.organisations[0]),
            json(&Organisation {
                acronym: None,
                aliases: Vec::new(),
                names: Vec::new(),
                parent: None,
                ..full.organisations[0].clone()
            }),
        ),
        (
            "Role",
            json(&full.people[0].roles[0]),
            json(&Role {
                organisation: None,
                meeting: None,
                ..full.people[0].roles[0].clone()
            }),
        ),
        (
            "Person",
            json(&full.people[0]),
            json(&Person {
                honorific: None,
                aliases: Vec::new(),
                names: Vec::new(),
                roles: Vec::new(),
                ..full.people[0].clone()
            }),
        ),
        (
            "Topic",
            json(&full.topics[0]),
            json(&Topic {
                aliases: Vec::new(),
                names: Vec::new(),
                parent: None,
                ..full.topics[0].clone()
            }),
        ),
    ];
    let objects: BTreeSet<&str> = cases.iter().map(|(n, _, _)| *n).collect();
    for (name, full, minimal) in cases {
        check_object(name, d(name), full, minimal);
    }
    // Every object definition in the schema was checked above.
    let defined: BTreeSet<&str> = schema["$defs"]
        .as_object()
        .expect("$defs")
        .iter()
        .filter(|(_, v)| v["type"] == "object")
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(defined, objects);
}

/// Lists every variant; the match makes this fail to compile when a variant is added.
fn all<T: Copy>(variants: &[T], exhaustive: fn(T)) -> Vec<T> {
    variants.iter().for_each(|v| exhaustive(*v));
    variants.to_vec()
}

fn enum_values<T: Serialize>(variants: &[T]) -> BTreeSet<String> {
    variants
        .iter()
        .map(|v| json(v).as_str().expect("unit variant").to_string())
        .collect()
}

fn schema_enum(schema: &Value, name: &str) -> BTreeSet<String> {
    schema["$defs"][name]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: no enum"))
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_schema_enums_match_the_serde_model() {
    let schema = schema();
    // A side is one string, a declared party's id or a kind: the schema gives the id pattern
    // (which parties exist is data, checked by the loader, not by the schema).
    assert_eq!(
        schema["$defs"]["Side"]["pattern"],
        schema["$defs"]["Id"]["pattern"]
    );
    assert!(schema["$defs"]["Side"].get("enum").is_none());
    for side in [Side::party("jp"), Side::Multilateral, Side::Other] {
        assert_eq!(json(&side), Value::String(side.as_str().into()));
        let read: Side = serde_json::from_value(json(&side)).expect("reads back");
        assert_eq!(read, side);
    }
    let kinds = all(
        &[
            SourceKind::PressRelease,
            SourceKind::JointStatement,
            SourceKind::NewsItem,
            SourceKind::AdvanceNotice,
            SourceKind::WebPage,
        ],
        |k| match k {
            SourceKind::PressRelease
            | SourceKind::JointStatement
            | SourceKind::NewsItem
            | SourceKind::AdvanceNotice
            | SourceKind::WebPage => {}
        },
    );
    assert_eq!(schema_enum(&schema, "SourceKind"), enum_values(&kinds));
    let precisions = all(
        &[Precision::Day, Precision::Month, Precision::Year],
        |p| match p {
            Precision::Day | Precision::Month | Precision::Year => {}
        },
    );
    assert_eq!(schema_enum(&schema, "Precision"), enum_values(&precisions));
    let provenances = all(&[Provenance::Stated, Provenance::Inferred], |p| match p {
        Provenance::Stated | Provenance::Inferred => {}
    });
    assert_eq!(
        schema_enum(&schema, "Provenance"),
        enum_values(&provenances)
    );
    let formats = all(
        &[MeetingFormat::InPerson, MeetingFormat::Virtual],
        |f| match f {
            MeetingFormat::InPerson | MeetingFormat::Virtual => {}
        },
    );
    assert_eq!(schema_enum(&schema, "MeetingFormat"), enum_values(&formats));
    let events = all(&[EventKind::Mentioned, EventKind::Planned], |e| match e {
        EventKind::Mentioned | EventKind::Planned => {}
    });
    assert_eq!(schema_enum(&schema, "EventKind"), enum_values(&events));
    use OrgKind::*;
    let orgs = all(
        &[
            Ministry,
            Agency,
            Institution,
            Service,
            International,
            Forum,
            Initiative,
            Research,
            Group,
            Other,
        ],
        |o| match o {
            Ministry | Agency | Institution | Service | International | Forum | Initiative
            | Research | Group | Other => {}
        },
    );
    assert_eq!(schema_enum(&schema, "OrgKind"), enum_values(&orgs));
    let rules = all(
        &[
            PreferenceRule::OfficialOverNews,
            PreferenceRule::LaterCorrection,
        ],
        |r| match r {
            PreferenceRule::OfficialOverNews | PreferenceRule::LaterCorrection => {}
        },
    );
    assert_eq!(schema_enum(&schema, "PreferenceRule"), enum_values(&rules));
    let statuses = all(
        &[MeetingStatus::Held, MeetingStatus::Announced],
        |m| match m {
            MeetingStatus::Held | MeetingStatus::Announced => {}
        },
    );
    assert_eq!(
        schema_enum(&schema, "MeetingStatus"),
        enum_values(&statuses)
    );
}

#[test]
fn every_schema_reference_resolves() {
    fn walk(value: &Value, refs: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    refs.push(r.clone());
                }
                map.values().for_each(|v| walk(v, refs));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, refs)),
            _ => {}
        }
    }
    let schema = schema();
    let mut refs = Vec::new();
    walk(&schema, &mut refs);
    assert!(refs.len() > 20);
    for r in refs {
        let name = r.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("{r}"));
        assert!(schema["$defs"].get(name).is_some(), "dangling {r}");
    }
}

#[test]
fn every_string_is_nfc_after_parsing() {
    // "한국" as decomposed jamo: NFD. Every free-text field of every type carries it.
    let nfd = "\u{1112}\u{1161}\u{11ab}\u{1100}\u{116e}\u{11a8}";
    let text = serde_json::to_string(&full_corpus(nfd)).expect("serialises");
    let parsed = parse_str(&text, "nfd.json").expect("parses");
    assert_eq!(parsed, full_corpus("한국"));
}
