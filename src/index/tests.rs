//! The index on a small hand-made corpus: resolving and appearances for every facet, entries by
//! id, filters.

use serde_json::json;

use super::*;

/// Two meetings and an event: Seoul (twice, spelt two ways) and Brussels.
fn corpus() -> Corpus {
    let cite = json!([{"source": "s1", "paragraph": 1}]);
    let date = |value: &str| json!({"value": value, "precision": "day", "provenance": "stated", "cite": cite});
    let place = |city: &str| json!({"city": city, "provenance": "stated", "cite": cite});
    serde_json::from_value(json!({
        "format": "entente-corpus/1",
        "sources": [{
            "id": "s1", "title": "Press release", "language": "en", "kind": "press-release",
            "raw": "", "paragraphs": ["The Korea Internet & Security Agency (KISA) met."]
        }],
        "meetings": [
            {
                "id": "m1", "series": "dialogue", "title": "1st Dialogue", "short_title": "1st",
                "date": date("2019-06-28"), "place": place("Seoul"),
                "delegations": [{"side": "rok", "heads": [{
                    "person": "kim", "role": "head", "title": "Ambassador",
                    "organisation": "mofa", "cite": cite
                }]}],
                "topics": [{"topic": "ransomware", "cite": cite}],
                "accounts": [{"source": "s1"}]
            },
            {
                "id": "m2", "series": "council", "title": "2nd Council", "short_title": "2nd",
                "date": date("2021-03-26"), "place": place(" seoul"),
                "accounts": []
            }
        ],
        "events": [{
            "id": "e1", "kind": "planned", "title": "Next", "description": "Planned.",
            "date": date("2022-01-01"), "place": place("Brussels"),
            "topics": ["ransomware"], "organisations": ["kisa"], "cite": cite
        }],
        "organisations": [
            {"id": "mofa", "name": "Ministry of Foreign Affairs", "acronym": "MOFA",
             "side": "rok", "kind": "ministry", "cite": cite},
            {"id": "kisa", "name": "Korea Internet & Security Agency", "acronym": "KISA",
             "side": "rok", "kind": "agency", "cite": cite}
        ],
        "people": [{"id": "kim", "name": "Kim Gunn", "aliases": ["Gunn Kim"], "roles": []}],
        "topics": [{"id": "ransomware", "label": "Counter ransomware", "aliases": ["RaaS"]}]
    }))
    .expect("the test corpus matches the model")
}

fn entries(list: &[Appearance]) -> Vec<EntryRef> {
    list.iter().map(|a| a.entry).collect()
}

#[test]
fn every_facet_resolves_ids_names_and_aliases_in_any_case() {
    let index = Index::build(&corpus());
    let cases = [
        (Facet::Topic, "counter RANSOMWARE", "ransomware"),
        (Facet::Topic, "raas", "ransomware"),
        (Facet::Organisation, "kisa", "kisa"),
        (Facet::Organisation, "ministry of foreign affairs", "mofa"),
        (Facet::Person, "gunn kim", "kim"),
        (Facet::Person, "KIM", "kim"),
        (Facet::Place, "SEOUL ", "seoul"),
        (Facet::Place, "brussels", "brussels"),
    ];
    for (facet, name, key) in cases {
        assert_eq!(index.resolve(facet, name), Some(key), "{name}");
    }
    for facet in Facet::ALL {
        assert_eq!(index.resolve(facet, "nowhere"), None, "{}", facet.label());
    }
    assert_eq!(
        index.resolve(Facet::Person, "ransomware"),
        None,
        "facets kept apart"
    );
}

#[test]
fn every_facet_lists_its_appearances_with_roles() {
    let index = Index::build(&corpus());
    let (m1, m2, e1) = (
        EntryRef::Meeting(0),
        EntryRef::Meeting(1),
        EntryRef::Event(0),
    );
    assert_eq!(
        entries(index.appearances(Facet::Topic, "ransomware")),
        [m1, e1]
    );
    let mofa = index.appearances(Facet::Organisation, "mofa");
    assert_eq!((entries(mofa), mofa[0].role), (vec![m1], Role::Head));
    // KISA is named in the account of m1 and linked by the record of e1.
    let kisa = index.appearances(Facet::Organisation, "kisa");
    assert_eq!(entries(kisa), [m1, e1]);
    assert_eq!(
        (kisa[0].role, kisa[1].role),
        (Role::Mentioned, Role::Mentioned)
    );
    assert_eq!(entries(index.appearances(Facet::Person, "kim")), [m1]);
    // Both spellings of Seoul are one place.
    let seoul = index.appearances(Facet::Place, "seoul");
    assert_eq!(entries(seoul), [m1, m2]);
    assert!(seoul.iter().all(|a| a.role == Role::Venue));
    assert_eq!(entries(index.appearances(Facet::Place, "brussels")), [e1]);
    assert!(
        index.appearances(Facet::Place, "Seoul").is_empty(),
        "keys only"
    );
}

#[test]
fn a_place_is_named_as_first_written() {
    let index = Index::build(&corpus());
    assert_eq!(index.place_name("seoul"), Some("Seoul"));
    assert_eq!(index.place_name("paris"), None);
}

#[test]
fn entries_are_meetings_and_events_only() {
    let index = Index::build(&corpus());
    assert_eq!(index.entry("m2"), Some(EntryRef::Meeting(1)));
    assert_eq!(index.entry("e1"), Some(EntryRef::Event(0)));
    assert_eq!(index.entry("kim"), None);
    assert_eq!(index.entry("nothing"), None);
    assert_eq!(index.record("kim"), Some((RecordKind::Person, 0)));
}

#[test]
fn filters_combine_facets_years_and_series() {
    let corpus = corpus();
    let index = Index::build(&corpus);
    let (m1, m2, e1) = (
        EntryRef::Meeting(0),
        EntryRef::Meeting(1),
        EntryRef::Event(0),
    );
    assert_eq!(index.timeline(), [m1, m2, e1]);
    let mut f = Filter::default();
    f.set_facet(Facet::Place, "seoul");
    assert_eq!(index.filtered(&corpus, &f), [m1, m2]);
    f.year = Some("2020..2021".parse().expect("a range"));
    assert_eq!(index.filtered(&corpus, &f), [m2]);
    f.series = Some("dialogue".into());
    assert!(index.filtered(&corpus, &f).is_empty());
    let mut f = Filter::default();
    f.set_facet(Facet::Topic, "ransomware");
    f.set_facet(Facet::Organisation, "kisa");
    assert_eq!(index.filtered(&corpus, &f), [m1, e1]);
    assert_eq!(index.series(), ["council", "dialogue"]);
}

#[test]
fn folding_is_beyond_ascii() {
    assert_eq!(fold("  ÉLYSÉE "), "elysee");
    assert_eq!(fold("Yoon Jong-kwon"), fold("youn jong kwon"));
}

/// The table of names as it was before keys were held once: (folded name, key) pairs, the
/// first key of a name kept. The held-once table resolves every name to the same key.
#[test]
fn names_held_once_resolve_as_the_table_of_pairs() {
    let builtin = crate::corpus::layers::load_layered(None)
        .expect("the built-in corpus loads")
        .corpus;
    for corpus in [corpus(), builtin] {
        let mut pairs: PerFacet<Vec<(Text, Text)>> = Default::default();
        // The old table: a (folded name, key) pair per name given.
        super::each_record_name(&corpus, |facet, key, name| {
            pairs[facet.slot()].push((fold(name), Text::from(key)));
        });
        for place in corpus.places() {
            pairs[Facet::Place.slot()].push((fold(&place.city), Text::from(place.key())));
        }
        let index = Index::build(&corpus);
        for facet in Facet::ALL {
            let given = std::mem::take(&mut pairs[facet.slot()]);
            assert!(
                !given.is_empty(),
                "{facet:?} has names in {}",
                corpus.meetings.len()
            );
            let names: Vec<Text> = given.iter().map(|(name, _)| name.clone()).collect();
            let old = crate::corpus::TextMap::first_of(given);
            for name in &names {
                assert_eq!(
                    index.resolve(facet, name),
                    old.get(name).map(Text::as_str),
                    "{facet:?} {name}"
                );
            }
            // Places repeat across entries: each key is held once.
            let held = &index.names[facet.slot()].keys;
            let distinct: BTreeSet<&Text> = held.iter().collect();
            assert_eq!(distinct.len(), held.len(), "{facet:?} keys held once");
        }
    }
}

/// The lists gathered per key, merged, not packed (the form the tables are built in, a hash
/// map of `Vec`s), with or without the names the accounts mention.
fn gathered(corpus: &Corpus, with_mentions: bool) -> Index {
    let mut index = Index::build_parts(corpus);
    index.link_records(corpus);
    if with_mentions {
        let mentioned = link::Mentions::scan(corpus).into_owned();
        assert!(mentioned.len() > 100, "the accounts name people");
        index.link_mentioned(mentioned);
    }
    index.merge_gathered(&Facet::ALL);
    index
}

/// The packed tables of a whole index hold what the lists gathered per key hold, key for
/// key, for a corpus whose accounts name people and organisations; the first frame's index
/// holds none, and completed it answers the same as the whole one.
#[test]
fn packed_tables_hold_the_gathered_lists() {
    let mut corpus = crate::synth::generate(crate::synth::Spec::with_candidates(3_000));
    crate::synth::name_people_in_accounts(&mut corpus);
    let whole = Index::build(&corpus);
    let gathered = gathered(&corpus, true);
    assert_ne!(
        gathered.gathering[Facet::Person.slot()],
        self::gathered(&corpus, false).gathering[Facet::Person.slot()],
        "the names in the accounts add to the people's lists"
    );
    let mut completed = Index::build_for_first_frame(&corpus);
    for facet in Facet::ALL {
        assert!(completed.appearance_lists(facet).is_empty(), "{facet:?}");
    }
    assert_eq!(completed.timeline(), whole.timeline());
    completed.complete(&corpus);
    assert!(!completed.is_incomplete());
    for facet in Facet::ALL {
        let slot = facet.slot();
        let mut old: Vec<(&str, &[Appearance])> = gathered.gathering[slot]
            .iter()
            .map(|(key, list)| (key.as_str(), list.as_slice()))
            .collect();
        old.sort_by_key(|&(key, _)| key);
        assert!(!old.is_empty(), "{facet:?} has appearances");
        for index in [&whole, &completed] {
            assert!(index.gathering[slot].is_empty(), "{facet:?} packed");
            let packed: Vec<(&str, &[Appearance])> = index.appearances[slot].iter().collect();
            assert_eq!(packed, old, "{facet:?}");
            for &(key, list) in &old {
                assert_eq!(index.appearances(facet, key), list, "{facet:?} {key}");
            }
            assert!(index.appearances(facet, "no such key").is_empty());
        }
    }
    for meeting in 0..corpus.meetings.len() {
        assert_eq!(
            completed.related(&corpus, meeting),
            gathered.related(&corpus, meeting),
            "meeting {meeting}"
        );
    }
    for record in corpus.records() {
        assert_eq!(whole.record(record.id), Some((record.kind, record.pos)));
    }
    assert_eq!(whole.record("no such id"), None);
}
