//! Self-contained references for JSON output: every record id a subcommand prints comes as
//! `{"id", "kind", "name"}` (sources also with their citation `label`), so a script needs no
//! second call to name what it reads.

use serde_json::{Map, Value, json};

use super::Library;
use crate::corpus::{Corpus, RecordKind};
use crate::facts::cite::label_of;

/// Object keys whose string value is a record id, in the corpus model.
const ID_KEYS: [&str; 7] = [
    "person",
    "organisation",
    "topic",
    "source",
    "parent",
    "meeting",
    "event",
];

/// Object keys whose value is a list of record ids, in the corpus model.
const ID_LIST_KEYS: [&str; 2] = ["organisations", "topics"];

/// The display name of a record: a person's or organisation's name, a topic's label, a
/// meeting's, event's or source's title.
pub fn name(corpus: &Corpus, kind: RecordKind, i: usize) -> &str {
    match kind {
        RecordKind::Source => &corpus.sources[i].title,
        RecordKind::Meeting => &corpus.meetings[i].title,
        RecordKind::Event => &corpus.events[i].title,
        RecordKind::Organisation => &corpus.organisations[i].name,
        RecordKind::Person => &corpus.people[i].name,
        RecordKind::Topic => &corpus.topics[i].label,
    }
}

/// `{"id", "kind", "name"}` for a record id; `None` if no record has it.
pub fn reference(library: &Library, id: &str) -> Option<Value> {
    let corpus = &library.loaded.corpus;
    let (kind, i) = library.index.record(id)?;
    let mut v = json!({ "id": id, "kind": kind.label(), "name": name(corpus, kind, i) });
    match kind {
        // By position, not by a search of the sources: a corpus may have tens of thousands,
        // each cited many times.
        RecordKind::Source => v["label"] = json!(label_of(&corpus.sources[i])),
        RecordKind::Person => {
            if let Some(h) = &corpus.people[i].honorific {
                v["honorific"] = json!(h);
            }
        }
        _ => {}
    }
    Some(v)
}

/// Replaces, everywhere in `value`, each record id under a key that holds one (`person`,
/// `organisation`, `topic`, `source`, `parent`, `meeting`, `event`, and the lists
/// `organisations`, `topics`) by its [`reference`]. An id that names no record is left as it
/// is: a valid corpus has none.
pub fn expand(library: &Library, value: &mut Value) {
    match value {
        Value::Object(map) => expand_object(library, map),
        Value::Array(items) => items.iter_mut().for_each(|v| expand(library, v)),
        _ => {}
    }
}

fn expand_object(library: &Library, map: &mut Map<String, Value>) {
    for (key, v) in map.iter_mut() {
        if let Value::String(id) = v
            && ID_KEYS.contains(&key.as_str())
        {
            if let Some(r) = reference(library, id) {
                *v = r;
            }
        } else if let Value::Array(items) = v
            && ID_LIST_KEYS.contains(&key.as_str())
        {
            for item in items.iter_mut() {
                match item {
                    Value::String(id) => {
                        if let Some(r) = reference(library, id) {
                            *item = r;
                        }
                    }
                    // A meeting's `topics` are objects that hold a `topic` id each.
                    other => expand(library, other),
                }
            }
        } else {
            expand(library, v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        Library::new(crate::test_fixture::small())
    }

    #[test]
    fn every_id_under_a_reference_key_becomes_a_named_reference() {
        let library = library();
        let m = &library.loaded.corpus.meetings[0];
        let mut v = serde_json::to_value(m).unwrap();
        expand(&library, &mut v);
        let head = &v["delegations"][0]["heads"][0];
        let person = &head["person"];
        assert_eq!(person["kind"], "person");
        let id = person["id"].as_str().unwrap();
        let p = library
            .loaded
            .corpus
            .people
            .iter()
            .find(|p| p.id == id)
            .unwrap();
        assert_eq!(person["name"], p.name.as_str());
        assert_eq!(head["organisation"]["kind"], "organisation");
        assert_eq!(v["topics"][0]["topic"]["kind"], "topic");
        assert_eq!(head["cite"][0]["source"]["kind"], "source");
        assert!(head["cite"][0]["source"]["label"].is_string());
        // The record's own id and its series are not references.
        assert!(v["id"].is_string() && v["series"].is_string());
    }

    #[test]
    fn an_unknown_id_is_left_as_it_is() {
        let library = library();
        let mut v = json!({ "person": "nobody-at-all", "topics": ["nothing-here"] });
        expand(&library, &mut v);
        assert_eq!(
            v,
            json!({ "person": "nobody-at-all", "topics": ["nothing-here"] })
        );
    }
}
