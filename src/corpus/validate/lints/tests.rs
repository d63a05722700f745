//! Each lint with a corpus that trips it and one that passes, and the built-in corpus clean.

use serde_json::{Value, json};

use super::*;
use crate::corpus::load::{merge_and_validate, parse_str};

/// A small valid corpus that passes every lint; each test breaks one thing in it.
fn clean() -> Value {
    json!({
        "format": "entente-corpus/1",
        "sources": [{
            "id": "s", "title": "Dialogue held", "language": "en", "kind": "press-release",
            "raw": "Dialogue held\nOn 20 May 2025, the 7th Dialogue was held at the Ministry in Seoul, Republic of Korea.\nDirector-General Kim Gunn led the delegation.\nThey discussed ransomware and capacity building.",
            "paragraphs": [
                "On 20 May 2025, the 7th Dialogue was held at the Ministry in Seoul, Republic of Korea.",
                "Director-General Kim Gunn led the delegation.",
                "They discussed ransomware and capacity building."
            ]
        }],
        "meetings": [{
            "id": "m", "series": "d", "title": "7th Dialogue", "short_title": "7th Dialogue",
            "date": {"value": "2025-05-20", "precision": "day", "provenance": "stated",
                     "cite": [{"source": "s", "paragraph": 1}]},
            "place": {"city": "Seoul", "country": "Republic of Korea", "venue": "Ministry",
                      "provenance": "stated", "cite": [{"source": "s", "paragraph": 1}]},
            "delegations": [{"side": "rok", "heads": [{"person": "kim", "role": "head",
                "title": "Director-General", "cite": [{"source": "s", "paragraph": 2}]}]}],
            "topics": [{"topic": "ransomware", "summary": "Both sides discussed it.",
                        "cite": [{"source": "s", "paragraph": 3}]},
                       {"topic": "capacity-building", "cite": [{"source": "s", "paragraph": 3}]}],
            "accounts": [{"source": "s"}]
        }],
        "events": [{
            "id": "e", "kind": "mentioned", "title": "Held", "description": "Held.",
            "date": {"value": "2025-05", "precision": "month", "provenance": "stated",
                     "cite": [{"source": "s", "paragraph": 1}]},
            "topics": ["ransomware"], "cite": [{"source": "s", "paragraph": 3}]
        }],
        "people": [{"id": "kim", "name": "Kim Gunn", "roles": [{"title": "Director-General",
            "side": "rok", "cite": [{"source": "s", "paragraph": 2}]}]}],
        "topics": [{"id": "ransomware", "label": "Ransomware"},
                   {"id": "capacity-building", "label": "Cyber capacity", "parent": "ransomware"}]
    })
}

/// The lint warnings of a corpus, as `field: message` lines; the corpus must be valid.
fn warnings(value: &Value) -> Vec<String> {
    let corpus = parse_str(&value.to_string(), "t.json").unwrap_or_else(|p| panic!("{p}"));
    let loaded =
        merge_and_validate(vec![("t.json".to_string(), corpus)]).unwrap_or_else(|p| panic!("{p}"));
    lint(&loaded.corpus, &loaded.origins)
        .iter()
        .map(|w| match &w.location {
            crate::corpus::problem::Location::Field { record, field } => {
                format!("{record} {field}: {}", w.message)
            }
            _ => panic!("a lint names a record and field: {w}"),
        })
        .collect()
}

/// Asserts exactly one warning, on `record field`, and returns its message.
fn one_warning(value: &Value, record_field: &str) -> String {
    let found = warnings(value);
    assert_eq!(found.len(), 1, "{found:#?}");
    let rest = found[0].strip_prefix(&format!("{record_field}: "));
    rest.unwrap_or_else(|| panic!("expected {record_field}, got {}", found[0]))
        .to_string()
}

#[test]
fn the_clean_corpus_has_no_warning() {
    assert_eq!(warnings(&clean()), Vec::<String>::new());
}

#[test]
fn a_topic_summary_ends_with_a_full_stop() {
    let mut c = clean();
    c["meetings"][0]["topics"][0]["summary"] = json!("Both sides discussed it");
    let message = one_warning(&c, "meeting m topics[0].summary");
    assert!(message.contains("full stop"), "{message}");
}

#[test]
fn a_stated_date_is_in_its_cited_paragraph() {
    for (value, missing) in [
        ("2024-05-20", "year"),
        ("2025-06-20", "month"),
        ("2025-05-21", "day"),
    ] {
        let mut c = clean();
        c["meetings"][0]["date"]["value"] = json!(value);
        let message = one_warning(&c, "meeting m date.value");
        assert!(
            message.contains(&format!("do not give its {missing}")),
            "{value}: {message}"
        );
    }
    // A day inside a longer number does not count: 2 is in "2025" and "20" but not on its own.
    let mut c = clean();
    c["meetings"][0]["date"]["value"] = json!("2025-05-02");
    assert!(one_warning(&c, "meeting m date.value").contains("its day"));
    // An inferred date says how instead; it is not looked for.
    c["meetings"][0]["date"]["provenance"] = json!("inferred");
    c["meetings"][0]["date"]["how"] = json!("From the order of the meetings.");
    assert_eq!(warnings(&c), Vec::<String>::new());
    // The end of a range is looked for too; events' dates as well.
    let mut c = clean();
    c["events"][0]["date"]["end"] = json!("2025-09");
    assert!(one_warning(&c, "event e date.end").contains("its month"));
}

#[test]
fn a_korean_month_and_an_iso_date_count_as_stated() {
    assert_eq!(
        missing_date_part("2025년 5월 20일", "2025-05-20", Precision::Day),
        None
    );
    assert_eq!(
        missing_date_part("Date 2019-07-01", "2019-07-01", Precision::Day),
        None
    );
    assert_eq!(missing_date_part("in 2019", "2019", Precision::Year), None);
    assert_eq!(
        missing_date_part("in 2019", "2019-07", Precision::Month),
        Some("month")
    );
}

#[test]
fn a_stated_place_is_in_its_cited_paragraph() {
    for (part, wrong) in [
        ("city", "Busan"),
        ("venue", "Blue House"),
        ("country", "Belgium"),
    ] {
        let mut c = clean();
        c["meetings"][0]["place"][part] = json!(wrong);
        let message = one_warning(&c, &format!("meeting m place.{part}"));
        assert!(message.contains(wrong), "{message}");
    }
    // Case does not matter.
    let mut c = clean();
    c["meetings"][0]["place"]["city"] = json!("SEOUL");
    assert_eq!(warnings(&c), Vec::<String>::new());
}

#[test]
fn heads_and_roles_are_written_as_in_their_citations() {
    let mut c = clean();
    c["meetings"][0]["delegations"][0]["heads"][0]["title"] = json!("Director General");
    let message = one_warning(&c, "meeting m delegations[0].heads[0].title");
    assert!(message.contains("Director General"), "{message}");

    let mut c = clean();
    c["people"][0]["roles"][0]["title"] = json!("Ambassador");
    one_warning(&c, "person kim roles[0].title");

    // A name the paragraphs do not write: once for the head, once for the role.
    let mut c = clean();
    c["people"][0]["name"] = json!("Gunn Kim");
    let found = warnings(&c);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("meeting m delegations[0].heads[0].person: `Gunn Kim`"));
    assert!(found[1].starts_with("person kim name: `Gunn Kim`"));
    // An alias as written is enough.
    c["people"][0]["aliases"] = json!(["Kim Gunn"]);
    assert_eq!(warnings(&c), Vec::<String>::new());
}

#[test]
fn a_topic_link_cites_a_paragraph_that_mentions_it() {
    let mut c = clean();
    c["meetings"][0]["topics"][0]["cite"] = json!([{"source": "s", "paragraph": 2}]);
    let message = one_warning(&c, "meeting m topics[0].topic");
    assert!(message.contains("`ransomware`"), "{message}");

    let mut c = clean();
    c["events"][0]["cite"] = json!([{"source": "s", "paragraph": 1}]);
    one_warning(&c, "event e topics[0]");

    // The id read as words ("capacity building") is a mention; so is an alias.
    let mut c = clean();
    c["topics"][1]["id"] = json!("cbm");
    c["meetings"][0]["topics"][1]["topic"] = json!("cbm");
    one_warning(&c, "meeting m topics[1].topic");
    c["topics"][1]["aliases"] = json!(["capacity building"]);
    assert_eq!(warnings(&c), Vec::<String>::new());
}

#[test]
fn every_topic_is_used() {
    let mut c = clean();
    c["topics"]
        .as_array_mut()
        .expect("topics")
        .push(json!({"id": "quantum", "label": "Quantum"}));
    let message = one_warning(&c, "topic quantum id");
    assert!(message.contains("no meeting or event"), "{message}");
}

#[test]
fn short_titles_fit_a_timeline_row() {
    let mut c = clean();
    c["meetings"][0]["short_title"] = json!("x".repeat(SHORT_TITLE_MAX_COLUMNS));
    assert_eq!(warnings(&c), Vec::<String>::new());
    // Korean syllables take two columns each.
    c["meetings"][0]["short_title"] = json!("사".repeat(SHORT_TITLE_MAX_COLUMNS / 2 + 1));
    let message = one_warning(&c, "meeting m short_title");
    assert!(message.contains("30 columns"), "{message}");
}

#[test]
fn paragraphs_are_trimmed_passages_of_the_raw_text_in_order() {
    let mut c = clean();
    c["sources"][0]["paragraphs"][1] = json!("Director-General Kim Gunn led the delegation. ");
    assert!(one_warning(&c, "source s paragraphs[1]").contains("white space"));

    let mut c = clean();
    c["sources"][0]["paragraphs"][2] = json!("They talked of ransomware and capacity building.");
    let message = one_warning(&c, "source s paragraphs[2]");
    assert!(message.contains("¶3 is not in `raw`"), "{message}");

    // Swapped paragraphs are each in `raw`, but not in order.
    let mut c = clean();
    let p = c["sources"][0]["paragraphs"]
        .as_array_mut()
        .expect("paragraphs");
    p.swap(0, 1);
    c["meetings"][0]["date"]["cite"] = json!([{"source": "s", "paragraph": 2}]);
    c["meetings"][0]["place"]["cite"] = json!([{"source": "s", "paragraph": 2}]);
    c["meetings"][0]["delegations"][0]["heads"][0]["cite"] =
        json!([{"source": "s", "paragraph": 1}]);
    c["people"][0]["roles"][0]["cite"] = json!([{"source": "s", "paragraph": 1}]);
    c["events"][0]["date"]["cite"] = json!([{"source": "s", "paragraph": 2}]);
    one_warning(&c, "source s paragraphs[1]");

    // An empty `raw` (the received text not kept) is not compared.
    let mut c = clean();
    c["sources"][0]["raw"] = json!("");
    assert_eq!(warnings(&c), Vec::<String>::new());
}

#[test]
fn a_paragraph_does_not_repeat_the_title() {
    let mut c = clean();
    c["sources"][0]["title"] = json!("They discussed ransomware and capacity building.");
    assert!(one_warning(&c, "source s paragraphs[2]").contains("repeats the title"));
}

#[test]
fn warnings_name_the_file_of_the_record() {
    let corpus = parse_str(&clean().to_string(), "dir/t.json").expect("parses");
    let mut loaded = merge_and_validate(vec![("dir/t.json".to_string(), corpus)]).expect("valid");
    loaded.corpus.meetings[0].short_title = "x".repeat(40).into();
    let found = lint(&loaded.corpus, &loaded.origins);
    assert_eq!(found.len(), 1);
    assert!(
        found[0]
            .to_string()
            .starts_with("dir/t.json: meeting m, field `short_title`: "),
        "{}",
        found[0]
    );
}

#[test]
fn the_built_in_corpus_has_no_warning() {
    let loaded = crate::corpus::builtin::load().expect("the built-in corpus loads");
    let found: Vec<String> = lint(&loaded.corpus, &loaded.origins)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn a_fact_citing_a_reference_source_is_not_checked_against_paragraphs() {
    // A date the cited paragraph does not give warns while only that paragraph is cited …
    let mut c = clean();
    c["meetings"][0]["date"]["value"] = json!("2025-05-30");
    assert!(one_warning(&c, "meeting m date.value").contains("day"));
    // … and not once a reference source, whose text the corpus does not hold, is cited too.
    c["sources"].as_array_mut().expect("sources").push(json!({
        "id": "r", "title": "Council held", "language": "en", "kind": "joint-statement",
        "url": "https://example.org/council"
    }));
    c["meetings"][0]["date"]["cite"]
        .as_array_mut()
        .expect("cite")
        .push(json!({"source": "r"}));
    assert_eq!(warnings(&c), Vec::<String>::new());
}
