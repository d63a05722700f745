//! Topic roll-up on the fixture corpus: data governance has the sub-topics cross-border data
//! flows and law enforcement access, discussed at the 3rd Data Dialogue, which did not record
//! data governance itself, and at the planned 4th (an event). Everywhere a topic is asked for,
//! those entries come with it; with `--exact`, not.

use serde_json::Value;

use crate::support::screen::{fixture_app, keys, screen};

fn json_of(args: &[&str]) -> Value {
    crate::json_outputs::json_of(args).0
}

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn list_topic_includes_sub_topics_unless_exact() {
    let rolled = json_of(&["list", "--topic", "data-governance"]);
    assert_eq!(
        ids(&rolled),
        ["data-dialogue-1", "data-dialogue-3", "data-dialogue-4"]
    );
    assert_eq!(rolled["filter"]["exact"], false);
    let exact = json_of(&["list", "--topic", "data-governance", "--exact"]);
    assert_eq!(ids(&exact), ["data-dialogue-1"]);
    assert_eq!(exact["filter"]["exact"], true);
}

#[test]
fn show_topic_lists_its_sub_topics_meetings_as_sub_topic() {
    let v = json_of(&["show", "data-governance"]);
    let roles: Vec<(&str, &str)> = v["appears_in"]
        .as_array()
        .expect("appears_in")
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        roles,
        [
            ("data-dialogue-1", "discussed"),
            ("data-dialogue-3", "sub-topic"),
            ("data-dialogue-4", "sub-topic")
        ]
    );
}

#[test]
fn the_browser_filter_and_the_finder_preview_roll_up() {
    let mut app = fixture_app(120, 40);
    keys(&mut app, "f#data governance");
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("3rd Data Dialogue") && s.contains("sub-topic"),
        "{s}"
    );
    keys(&mut app, "⏎");
    let shown: Vec<String> = app
        .filtered()
        .iter()
        .map(|e| match e {
            entente::index::EntryRef::Meeting(i) => app.corpus().meetings[*i].id.to_string(),
            entente::index::EntryRef::Event(i) => app.corpus().events[*i].id.to_string(),
        })
        .collect();
    assert_eq!(
        shown,
        ["data-dialogue-1", "data-dialogue-3", "data-dialogue-4"]
    );
}
