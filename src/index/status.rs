//! Where a meeting or event stands on a given day, computed from the record and never written
//! by hand: a meeting is held or only announced; a planned event is upcoming, superseded by a
//! later meeting of its series held elsewhere or later than announced, held as announced, or
//! past with no report. Pure: "today" is an argument, so tests pin it and the app passes the
//! real date ([`today_utc`]).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::corpus::{Corpus, DateFact, Event, EventKind, Meeting, MeetingStatus, Precision};

use super::EntryRef;

/// A calendar day as (year, month, day), ordered.
pub type Day = (u32, u32, u32);

/// Where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A meeting reported as held.
    Held,
    /// A meeting known from an advance notice only.
    Announced,
    /// An event mentioned as having happened.
    Mentioned,
    /// Planned, not superseded, and its announced date not past (or none was given).
    Upcoming,
    /// Planned, but a later meeting of its series (the meeting at this index) was held
    /// elsewhere or later than announced.
    Superseded { by: usize },
    /// Planned, and the meeting at this index was held as announced.
    HeldAsPlanned { by: usize },
    /// Planned, its announced date past, and no later meeting of its series recorded.
    Unreported,
}

impl Status {
    /// The word every surface shows, and the JSON `status` value.
    pub fn label(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Announced => "announced",
            Status::Mentioned => "mentioned",
            Status::Upcoming => "upcoming",
            Status::Superseded { .. } => "superseded",
            Status::HeldAsPlanned { .. } => "held as planned",
            Status::Unreported => "not reported",
        }
    }

    /// The meeting that superseded or fulfilled a plan.
    pub fn by(self) -> Option<usize> {
        match self {
            Status::Superseded { by } | Status::HeldAsPlanned { by } => Some(by),
            _ => None,
        }
    }
}

/// The status of a timeline entry on `today`; `Held` for an index out of range is never
/// returned: out-of-range entries are `None`.
pub fn of_entry(corpus: &Corpus, entry: EntryRef, today: Day) -> Option<Status> {
    match entry {
        EntryRef::Meeting(i) => corpus.meetings.get(i).map(of_meeting),
        EntryRef::Event(i) => corpus.events.get(i).map(|e| of_event(corpus, e, today)),
    }
}

pub fn of_meeting(m: &Meeting) -> Status {
    match m.status {
        MeetingStatus::Held => Status::Held,
        MeetingStatus::Announced => Status::Announced,
    }
}

/// The status of an event on `today`.
pub fn of_event(corpus: &Corpus, e: &Event, today: Day) -> Status {
    if e.kind == EventKind::Mentioned {
        return Status::Mentioned;
    }
    if let Some((by, m)) = later_meeting(corpus, e) {
        let elsewhere = match (&e.place, &m.place) {
            (Some(planned), Some(held)) => planned.key() != held.key(),
            _ => false,
        };
        let later = match (&e.date, start(&m.date)) {
            (Some(planned), Some(held)) => last_day(planned).is_some_and(|end| held > end),
            _ => false,
        };
        return if elsewhere || later {
            Status::Superseded { by }
        } else {
            Status::HeldAsPlanned { by }
        };
    }
    match e.date.as_ref().and_then(last_day) {
        Some(end) if end < today => Status::Unreported,
        _ => Status::Upcoming,
    }
}

/// The first held meeting of the event's series that came after the plan: of at least the
/// planned edition when the plan names one, else after the meeting that announced the plan
/// (or, when none did, not before the planned date).
fn later_meeting<'a>(corpus: &'a Corpus, e: &Event) -> Option<(usize, &'a Meeting)> {
    let series = e.series.as_deref()?;
    let announced_at = corpus
        .meetings
        .iter()
        .filter(|m| m.next_meeting.as_ref().is_some_and(|n| n.event == e.id))
        .filter_map(|m| start(&m.date))
        .max();
    let planned_start = e.date.as_ref().and_then(start);
    corpus
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.series == series && m.status == MeetingStatus::Held)
        .filter_map(|(i, m)| start(&m.date).map(|d| (d, i, m)))
        .filter(|(d, _, m)| match (e.edition, m.edition) {
            (Some(planned), Some(held)) => held >= planned,
            _ => match (announced_at, planned_start) {
                (Some(a), _) => *d > a,
                (None, Some(p)) => *d >= p,
                (None, None) => false,
            },
        })
        .min_by_key(|(d, i, _)| (*d, *i))
        .map(|(_, i, m)| (i, m))
}

/// The first day a date can mean (a year's 1 January).
fn start(d: &DateFact) -> Option<Day> {
    let (y, m, day) = parse(&d.value, d.precision)?;
    Some((y, m.unwrap_or(1), day.unwrap_or(1)))
}

/// The last day a date (or its range) can mean: "2021" runs to 31 December 2021.
fn last_day(d: &DateFact) -> Option<Day> {
    let (y, m, day) = parse(d.end.as_deref().unwrap_or(&d.value), d.precision)?;
    let m_last = m.unwrap_or(12);
    Some((y, m_last, day.unwrap_or_else(|| days_in_month(y, m_last))))
}

fn parse(value: &str, precision: Precision) -> Option<(u32, Option<u32>, Option<u32>)> {
    let mut it = value.split('-').map(str::parse::<u32>);
    let y = it.next()?.ok()?;
    let m = it.next().and_then(Result::ok);
    let d = it.next().and_then(Result::ok);
    Some(match precision {
        Precision::Year => (y, None, None),
        Precision::Month => (y, m, None),
        Precision::Day => (y, m, d),
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// Parses a `YYYY-MM-DD` day (for `--today` style inputs and tests).
pub fn day(value: &str) -> Option<Day> {
    match parse(value, Precision::Day)? {
        (y, Some(m), Some(d))
            if (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d) =>
        {
            Some((y, m, d))
        }
        _ => None,
    }
}

/// Today's date in UTC from the system clock (1 January 1970 if the clock is before it).
pub fn today_utc() -> Day {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The proleptic Gregorian date of a count of days since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> Day {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let to_u32 = |v: i64| u32::try_from(v).unwrap_or(0);
    (to_u32(y), to_u32(m), to_u32(d))
}

#[cfg(test)]
mod tests;
