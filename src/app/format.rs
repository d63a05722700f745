//! The browser's short display forms of corpus values: the timeline's date column and year
//! headings, event markers, entry titles. Full dates and places come from the one formatter
//! in [`crate::facts`], re-exported here. Pure functions; the results still go through
//! sanitising when they become segments or spans.

use crate::app::strings::Strings;
use crate::corpus::{Corpus, DateFact, EventKind, Place, Precision};
use crate::facts::date;
use crate::index::EntryRef;
use crate::index::status::Status;

pub use crate::corpus::names::{org_name, org_short, person_name, topic_label};
pub use crate::facts::date::long as long_date;
pub use crate::facts::place::text as place;

fn month_abbr(m: usize) -> &'static str {
    crate::corpus::month_name(m)
        .and_then(|n| n.get(..3))
        .unwrap_or("")
}

/// The timeline's date column: "28 Jun", "Mar", or "—" when only the year (or nothing) is
/// known. The year is the heading above.
pub fn short_date(date: Option<&DateFact>) -> String {
    let Some(date) = date else {
        return "—".to_string();
    };
    let p = date::parts(&date.value);
    match (date.precision, p.month, p.day) {
        (Precision::Day, Some(m), Some(d)) => format!("{d} {}", month_abbr(m)),
        (Precision::Day | Precision::Month, Some(m), _) => month_abbr(m).to_string(),
        _ => "—".to_string(),
    }
}

/// The year an entry is grouped under, or `None` when undated.
pub fn year(date: Option<&DateFact>) -> Option<String> {
    date.and_then(|d| date::parts(&d.value).year.map(str::to_string))
}

/// The marker that sets events apart from reported meetings, in words so it survives without
/// colour.
pub fn event_marker(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Planned => "◦ planned",
        EventKind::Mentioned => "· mentioned",
    }
}

/// The marker of an entry's computed status in the timeline, in words of the interface's
/// language so it survives without colour; `None` for a held meeting. A superseded plan is
/// never marked as upcoming.
pub fn status_marker(t: &Strings, status: Status) -> Option<&'static str> {
    let index = match status {
        Status::Held => return None,
        Status::Announced => 0,
        Status::Mentioned => 1,
        Status::Upcoming => 2,
        Status::Superseded { .. } => 3,
        Status::HeldAsPlanned { .. } => 4,
        Status::Unreported => 5,
    };
    Some(t.status_markers[index])
}

/// The short title of a timeline entry (for rows and lists).
pub fn entry_short_title(corpus: &Corpus, entry: EntryRef) -> &str {
    match entry {
        EntryRef::Meeting(i) => corpus
            .meetings
            .get(i)
            .map_or("", |m| m.short_title.as_str()),
        EntryRef::Event(i) => corpus.events.get(i).map_or("", |e| e.title.as_str()),
    }
}

/// The full title of a timeline entry.
pub fn entry_title(corpus: &Corpus, entry: EntryRef) -> &str {
    match entry {
        EntryRef::Meeting(i) => corpus.meetings.get(i).map_or("", |m| m.title.as_str()),
        EntryRef::Event(i) => corpus.events.get(i).map_or("", |e| e.title.as_str()),
    }
}

/// The date of a timeline entry, if it has one.
pub fn entry_date(corpus: &Corpus, entry: EntryRef) -> Option<&DateFact> {
    match entry {
        EntryRef::Meeting(i) => corpus.meetings.get(i).map(|m| &m.date),
        EntryRef::Event(i) => corpus.events.get(i).and_then(|e| e.date.as_ref()),
    }
}

/// The place of a timeline entry, if known.
pub fn entry_place(corpus: &Corpus, entry: EntryRef) -> Option<&Place> {
    match entry {
        EntryRef::Meeting(i) => corpus.meetings.get(i).and_then(|m| m.place.as_ref()),
        EntryRef::Event(i) => corpus.events.get(i).and_then(|e| e.place.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(value: &str, precision: Precision, end: Option<&str>) -> DateFact {
        crate::test_fixture::stated_date(value, end, precision)
    }

    #[test]
    fn short_dates_follow_precision() {
        assert_eq!(
            short_date(Some(&date("2025-06-28", Precision::Day, None))),
            "28 Jun"
        );
        assert_eq!(
            short_date(Some(&date("2020-03", Precision::Month, None))),
            "Mar"
        );
        assert_eq!(short_date(Some(&date("2019", Precision::Year, None))), "—");
        assert_eq!(short_date(None), "—");
        assert_eq!(
            short_date(Some(&date("garbage", Precision::Day, None))),
            "—"
        );
    }

    #[test]
    fn years_head_the_timeline() {
        assert_eq!(
            year(Some(&date("2014", Precision::Year, None))).as_deref(),
            Some("2014")
        );
        assert_eq!(year(None), None);
    }
}
