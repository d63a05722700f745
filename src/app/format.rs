//! Short display forms of corpus values: dates by precision, entry titles and places. Pure
//! functions; the results still go through sanitising when they become segments or spans.

use crate::corpus::{Corpus, DateFact, EventKind, Place, Precision};
use crate::index::EntryRef;

pub use crate::corpus::names::{org_name, org_short, person_name, topic_label};

/// (year, month 1–12, day) parsed from `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; parts that are
/// missing or malformed are `None`.
fn parts(value: &str) -> (Option<&str>, Option<usize>, Option<u32>) {
    let mut it = value.split('-');
    let year = it.next().filter(|y| !y.is_empty());
    let month = it
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|m| (1..=12).contains(m));
    let day = it
        .next()
        .and_then(|d| d.parse::<u32>().ok())
        .filter(|d| (1..=31).contains(d));
    (year, month, day)
}

fn month_name(m: usize) -> &'static str {
    crate::corpus::month_name(m).unwrap_or("")
}

fn month_abbr(m: usize) -> &'static str {
    month_name(m).get(..3).unwrap_or("")
}

/// The timeline's date column: "28 Jun", "Mar", or "—" when only the year (or nothing) is
/// known. The year is the heading above.
pub fn short_date(date: Option<&DateFact>) -> String {
    let Some(date) = date else {
        return "—".to_string();
    };
    let (_, month, day) = parts(&date.value);
    match (date.precision, month, day) {
        (Precision::Day, Some(m), Some(d)) => format!("{d} {}", month_abbr(m)),
        (Precision::Day | Precision::Month, Some(m), _) => month_abbr(m).to_string(),
        _ => "—".to_string(),
    }
}

/// The year an entry is grouped under, or `None` when undated.
pub fn year(date: Option<&DateFact>) -> Option<String> {
    date.and_then(|d| parts(&d.value).0.map(str::to_string))
}

/// A full date: "20 May 2025", "7–11 July 2025", "March 2020", "2019".
pub fn long_date(date: &DateFact) -> String {
    let (year, month, day) = parts(&date.value);
    let year = year.unwrap_or("?");
    let end = date.end.as_deref().map(parts);
    match (date.precision, month, day) {
        (Precision::Day, Some(m), Some(d)) => match end {
            Some((Some(ey), Some(em), Some(ed))) if ey == year && em == m => {
                format!("{d}–{ed} {} {year}", month_name(m))
            }
            Some((Some(ey), Some(em), Some(ed))) => {
                format!(
                    "{d} {} {year} – {ed} {} {ey}",
                    month_name(m),
                    month_name(em)
                )
            }
            _ => format!("{d} {} {year}", month_name(m)),
        },
        (Precision::Day | Precision::Month, Some(m), _) => format!("{} {year}", month_name(m)),
        _ => year.to_string(),
    }
}

/// "Seoul", "Seoul, Republic of Korea", with the venue where known.
pub fn place(place: &Place, with_venue: bool) -> String {
    let mut s = place.city.clone();
    if let Some(c) = &place.country {
        s.push_str(", ");
        s.push_str(c);
    }
    if with_venue && let Some(v) = &place.venue {
        s.push_str(" — ");
        s.push_str(v);
    }
    s
}

/// The marker that sets events apart from reported meetings, in words so it survives without
/// colour.
pub fn event_marker(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Planned => "◦ planned",
        EventKind::Mentioned => "· mentioned",
    }
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
    use crate::corpus::Provenance;

    fn date(value: &str, precision: Precision, end: Option<&str>) -> DateFact {
        DateFact {
            value: value.into(),
            end: end.map(Into::into),
            precision,
            provenance: Provenance::Stated,
            how: None,
            cite: vec![],
        }
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
    fn long_dates_show_ranges() {
        let d = date("2025-07-07", Precision::Day, Some("2025-07-11"));
        assert_eq!(long_date(&d), "7–11 July 2025");
        assert_eq!(
            long_date(&date("2020-11", Precision::Month, None)),
            "November 2020"
        );
        assert_eq!(long_date(&date("2014", Precision::Year, None)), "2014");
        assert_eq!(
            year(Some(&date("2014", Precision::Year, None))).as_deref(),
            Some("2014")
        );
    }
}
