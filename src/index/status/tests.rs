//! Status on hand-made corpora with a pinned "today": the 2021 "next dialogue in Brussels"
//! superseded by a later meeting held in Seoul, plans held as announced, upcoming and past
//! plans, announced meetings.

use serde_json::json;

use super::*;

fn cite() -> serde_json::Value {
    json!([{"source": "s1", "paragraph": 1}])
}

fn date(value: &str, precision: &str) -> serde_json::Value {
    json!({"value": value, "precision": precision, "provenance": "stated", "cite": cite()})
}

fn place(city: &str) -> serde_json::Value {
    json!({"city": city, "provenance": "stated", "cite": cite()})
}

fn meeting(id: &str, edition: u32, day: &str, city: &str, next: Option<&str>) -> serde_json::Value {
    let mut m = json!({
        "id": id, "series": "cyber", "edition": edition, "title": id, "short_title": id,
        "date": date(day, "day"), "place": place(city), "accounts": []
    });
    if let Some(event) = next {
        m["next_meeting"] = json!({"event": event, "text": "Next.", "cite": cite()});
    }
    m
}

fn plan(
    id: &str,
    edition: Option<u32>,
    value: &str,
    precision: &str,
    city: &str,
) -> serde_json::Value {
    let mut e = json!({
        "id": id, "kind": "planned", "title": id, "series": "cyber",
        "date": date(value, precision), "place": place(city),
        "description": "Planned.", "cite": cite()
    });
    if let Some(n) = edition {
        e["edition"] = json!(n);
    }
    e
}

fn corpus(meetings: Vec<serde_json::Value>, events: Vec<serde_json::Value>) -> Corpus {
    serde_json::from_value(json!({
        "format": "entente-corpus/1",
        "sources": [{"id": "s1", "title": "t", "language": "en", "kind": "press-release",
                     "raw": "", "paragraphs": ["p"]}],
        "meetings": meetings, "events": events,
        "organisations": [], "people": [], "topics": []
    }))
    .expect("the test corpus matches the model")
}

const TODAY: Day = (2026, 11, 28);

#[test]
fn the_2021_brussels_plan_is_superseded_by_the_7th_held_in_seoul_in_2025() {
    let c = corpus(
        vec![
            meeting("6th", 6, "2020-11-24", "Seoul", Some("next")),
            meeting("7th", 7, "2025-05-20", "Seoul", None),
        ],
        vec![plan("next", None, "2021", "year", "Brussels")],
    );
    let status = of_event(&c, &c.events[0], TODAY);
    assert_eq!(status, Status::Superseded { by: 1 });
    assert_eq!(status.label(), "superseded");
    // Superseded on any day, before the planned year ended too: never upcoming.
    assert_eq!(
        of_event(&c, &c.events[0], (2021, 1, 1)),
        Status::Superseded { by: 1 }
    );
}

#[test]
fn a_later_meeting_at_the_planned_place_but_after_the_planned_year_supersedes() {
    let c = corpus(
        vec![
            meeting("6th", 6, "2020-11-24", "Seoul", Some("next")),
            meeting("7th", 7, "2023-03-01", "Brussels", None),
        ],
        vec![plan("next", None, "2021", "year", "Brussels")],
    );
    assert_eq!(
        of_event(&c, &c.events[0], TODAY),
        Status::Superseded { by: 1 }
    );
}

#[test]
fn a_meeting_held_where_and_when_announced_fulfils_the_plan() {
    let c = corpus(
        vec![
            meeting("6th", 6, "2020-11-24", "Seoul", Some("next")),
            meeting("7th", 7, "2021-06-01", " brussels", None),
        ],
        vec![plan("next", Some(7), "2021", "year", "Brussels")],
    );
    assert_eq!(
        of_event(&c, &c.events[0], TODAY),
        Status::HeldAsPlanned { by: 1 }
    );
}

#[test]
fn a_plan_with_no_later_meeting_is_upcoming_until_its_date_passes() {
    let c = corpus(
        vec![meeting("3rd", 3, "2024-06-11", "Seoul", Some("4th"))],
        vec![plan("4th", Some(4), "2025", "year", "Brussels")],
    );
    let e = &c.events[0];
    assert_eq!(of_event(&c, e, (2025, 1, 1)), Status::Upcoming);
    assert_eq!(of_event(&c, e, (2025, 12, 31)), Status::Upcoming);
    assert_eq!(of_event(&c, e, (2026, 1, 1)), Status::Unreported);
}

#[test]
fn an_earlier_meeting_of_the_series_does_not_supersede_a_plan() {
    // The 3rd is of a lower edition than the planned 4th: only a meeting of edition ≥ 4 counts.
    let c = corpus(
        vec![meeting("3rd", 3, "2026-06-11", "Seoul", None)],
        vec![plan("4th", Some(4), "2027-03", "month", "Brussels")],
    );
    assert_eq!(of_event(&c, &c.events[0], TODAY), Status::Upcoming);
}

#[test]
fn an_undated_plan_stays_upcoming_and_announced_meetings_say_so() {
    let mut undated = plan("next", None, "2021", "year", "Geneva");
    undated.as_object_mut().map(|o| o.remove("date"));
    let mut announced = meeting("2nd", 2, "2015-04-29", "Seoul", None);
    announced["status"] = json!("announced");
    let c = corpus(
        vec![meeting("1st", 1, "2014-05-12", "Brussels", None), announced],
        vec![undated],
    );
    assert_eq!(of_event(&c, &c.events[0], TODAY), Status::Upcoming);
    assert_eq!(of_meeting(&c.meetings[0]), Status::Held);
    assert_eq!(of_meeting(&c.meetings[1]).label(), "announced");
    // An announced meeting does not supersede or fulfil a plan: only a held one does.
    let mut announced_7th = meeting("7th", 7, "2025-05-20", "Seoul", None);
    announced_7th["status"] = json!("announced");
    let c = corpus(
        vec![
            meeting("6th", 6, "2020-11-24", "Seoul", Some("next")),
            announced_7th,
        ],
        vec![plan("next", None, "2021", "year", "Brussels")],
    );
    assert_eq!(of_event(&c, &c.events[0], TODAY), Status::Unreported);
}

#[test]
fn mentioned_events_are_mentioned() {
    let mut e = plan("w", None, "2023-05", "month", "Seoul");
    e["kind"] = json!("mentioned");
    let c = corpus(vec![], vec![e]);
    assert_eq!(of_event(&c, &c.events[0], TODAY), Status::Mentioned);
}

#[test]
fn days_from_the_epoch_and_parsed_days() {
    assert_eq!(civil_from_days(0), (1970, 1, 1));
    assert_eq!(civil_from_days(20_601), (2026, 5, 28));
    assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    assert_eq!(day("2024-02-29"), Some((2024, 2, 29)));
    assert_eq!(day("2023-02-29"), None);
    assert_eq!(day("2023"), None);
}
