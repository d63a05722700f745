//! The one date formatter: how every surface writes a date for people ("20 May 2025",
//! "7–11 July 2025", "30 June – 2 July 2025", "May 2019", "2021"), and the parser of the
//! stored `YYYY[-MM[-DD]]` values that the timeline's short forms share.

use crate::corpus::{AlternativeDate, DateFact, Precision, month_name};

/// The parts of a stored date value: year, month 1–12, day 1–31. Parts that are missing or
/// malformed are `None`, so a bad value never panics a renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts<'a> {
    pub year: Option<&'a str>,
    pub month: Option<usize>,
    pub day: Option<u32>,
}

/// Splits `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parts(value: &str) -> Parts<'_> {
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
    Parts { year, month, day }
}

/// A date fact for people, its range included: "20 May 2025", "7–11 July 2025",
/// "30 June – 2 July 2025", "30 December 2024 – 2 January 2025", "May 2019", "2021".
pub fn long(date: &DateFact) -> String {
    range(&date.value, date.end.as_deref(), date.precision)
}

/// An alternative date another source gives, written like [`long`].
pub fn alternative(date: &AlternativeDate) -> String {
    range(&date.value, date.end.as_deref(), date.precision)
}

/// A stored value on its own, its precision read from its form ("2019-07-01" → "1 July 2019").
/// For values that carry no [`Precision`], such as a source's publication date in a legend.
pub fn value(value: &str) -> String {
    let p = parts(value);
    let precision = match (p.month, p.day) {
        (Some(_), Some(_)) => Precision::Day,
        (Some(_), None) => Precision::Month,
        _ => Precision::Year,
    };
    range(value, None, precision)
}

/// The shared core: a start, an optional end, at a precision. The parts both ends share are
/// written once, at the end ("7–11 July 2025", not "7 July 2025 – 11 July 2025").
fn range(start: &str, end: Option<&str>, precision: Precision) -> String {
    let s = parts(start);
    let Some(year) = s.year else {
        return start.to_string();
    };
    let e = end.map(parts);
    let month = |m: usize| month_name(m).unwrap_or("");
    match (precision, s.month, s.day) {
        (Precision::Day, Some(m), Some(d)) => match e {
            Some(Parts {
                year: Some(ey),
                month: Some(em),
                day: Some(ed),
            }) => {
                if ey != year {
                    format!("{d} {} {year} – {ed} {} {ey}", month(m), month(em))
                } else if em != m {
                    format!("{d} {} – {ed} {} {year}", month(m), month(em))
                } else if ed != d {
                    format!("{d}–{ed} {} {year}", month(m))
                } else {
                    format!("{d} {} {year}", month(m))
                }
            }
            _ => format!("{d} {} {year}", month(m)),
        },
        (Precision::Day | Precision::Month, Some(m), _) => match e {
            Some(Parts {
                year: Some(ey),
                month: Some(em),
                ..
            }) if (ey, em) != (year, m) => {
                if ey != year {
                    format!("{} {year} – {} {ey}", month(m), month(em))
                } else {
                    format!("{}–{} {year}", month(m), month(em))
                }
            }
            _ => format!("{} {year}", month(m)),
        },
        _ => match e.and_then(|e| e.year) {
            Some(ey) if ey != year => format!("{year}–{ey}"),
            _ => year.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_fixture::stated_date as date;

    #[test]
    fn single_dates_follow_their_precision() {
        assert_eq!(
            long(&date("2025-05-20", None, Precision::Day)),
            "20 May 2025"
        );
        assert_eq!(long(&date("2019-05", None, Precision::Month)), "May 2019");
        assert_eq!(long(&date("2021", None, Precision::Year)), "2021");
        // A value more precise than its stated precision is written at the precision.
        assert_eq!(
            long(&date("2019-05-02", None, Precision::Month)),
            "May 2019"
        );
    }

    #[test]
    fn ranges_write_shared_parts_once() {
        let r = |a, b, p| long(&date(a, Some(b), p));
        assert_eq!(
            r("2025-07-07", "2025-07-11", Precision::Day),
            "7–11 July 2025"
        );
        assert_eq!(
            r("2025-06-30", "2025-07-02", Precision::Day),
            "30 June – 2 July 2025"
        );
        assert_eq!(
            r("2024-12-30", "2025-01-02", Precision::Day),
            "30 December 2024 – 2 January 2025"
        );
        assert_eq!(r("2025-07-07", "2025-07-07", Precision::Day), "7 July 2025");
        assert_eq!(r("2019-05", "2019-06", Precision::Month), "May–June 2019");
        assert_eq!(r("2019", "2020", Precision::Year), "2019–2020");
    }

    #[test]
    fn bare_values_and_bad_values() {
        assert_eq!(value("2019-07-01"), "1 July 2019");
        assert_eq!(value("2024-03"), "March 2024");
        assert_eq!(value("2021"), "2021");
        // A malformed month is not invented: the year is what is known.
        assert_eq!(value("2021-13"), "2021");
        assert_eq!(value(""), "");
        assert_eq!(
            parts("2025-07-07"),
            Parts {
                year: Some("2025"),
                month: Some(7),
                day: Some(7)
            }
        );
    }
}
