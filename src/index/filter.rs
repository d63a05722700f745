//! What a timeline can be narrowed by: a key per [`Facet`] (a topic with its sub-topics unless
//! exact), a year or range of years, a series.

use std::fmt;
use std::str::FromStr;

use super::TopicScope;
use crate::corpus::Facet;

/// The filters a timeline can be narrowed by. All set fields must hold (AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A facet key per [`Facet::slot`]: a record id, or a place key.
    facets: [Option<String>; Facet::ALL.len()],
    pub year: Option<Years>,
    pub series: Option<String>,
    /// Whether the topic narrowed to includes its sub-topics (the default) or not (`--exact`).
    pub topic_scope: TopicScope,
}

impl Filter {
    /// Whether nothing is narrowed (the topic scope alone narrows nothing).
    pub fn is_empty(&self) -> bool {
        self.facets.iter().all(Option::is_none) && self.year.is_none() && self.series.is_none()
    }

    /// The key a facet is narrowed to, if any.
    pub fn facet(&self, facet: Facet) -> Option<&str> {
        self.facets[facet.slot()].as_deref()
    }

    /// Narrows a facet to a key (an id as [`Index::resolve`](super::Index::resolve) gives it).
    pub fn set_facet(&mut self, facet: Facet, key: impl Into<String>) {
        self.facets[facet.slot()] = Some(key.into());
    }

    /// The facets set, in [`Facet::ALL`] order, with their keys.
    pub fn facets(&self) -> impl Iterator<Item = (Facet, &str)> {
        Facet::ALL
            .into_iter()
            .filter_map(|f| self.facet(f).map(|key| (f, key)))
    }
}

/// A year or an inclusive range of years, as `--year` takes it: `2019`, `2019..2021` or
/// `2019-2021`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    first: u16,
    last: u16,
}

/// What `--year` accepts, for error messages.
pub const YEARS_ACCEPTED: &str = "a year such as 2019, or a range such as 2019..2021 or 2019-2021";

impl Years {
    /// Whether a corpus date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) falls in these years.
    pub fn holds(self, date: &str) -> bool {
        date.get(..4)
            .and_then(|y| parse_year(y).ok())
            .is_some_and(|y| (self.first..=self.last).contains(&y))
    }
}

fn parse_year(s: &str) -> Result<u16, String> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().map_err(|_| format!("`{s}` is not a year"))
    } else {
        Err(format!("`{s}` is not a four-digit year"))
    }
}

impl FromStr for Years {
    type Err = String;

    fn from_str(s: &str) -> Result<Years, String> {
        let s = s.trim();
        let (first, last) = match s.split_once("..").or_else(|| s.split_once('-')) {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (s, s),
        };
        let explain = |why: String| format!("{why}; expected {YEARS_ACCEPTED}");
        let (first, last) = (
            parse_year(first).map_err(explain)?,
            parse_year(last).map_err(explain)?,
        );
        if last < first {
            return Err(format!(
                "the range runs backwards ({first} after {last}); expected the earlier year \
                 first, e.g. {last}..{first}"
            ));
        }
        Ok(Years { first, last })
    }
}

impl fmt::Display for Years {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}..{}", self.first, self.last)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(s: &str) -> Result<Years, String> {
        s.parse()
    }

    #[test]
    fn a_year_is_a_four_digit_number() {
        let y = years("2019").expect("a year");
        assert_eq!(y.to_string(), "2019");
        assert!(y.holds("2019-06-28") && y.holds("2019"));
        assert!(!y.holds("2020-01-01"));
    }

    #[test]
    fn both_range_forms_mean_the_same_inclusive_range() {
        let dots = years("2019..2021").expect("a range with dots");
        let dash = years("2019-2021").expect("a range with a dash");
        assert_eq!(dots, dash);
        assert_eq!(dash.to_string(), "2019..2021");
        assert!(dots.holds("2019-01") && dots.holds("2020") && dots.holds("2021-12-31"));
        assert!(!dots.holds("2018-12-31") && !dots.holds("2022"));
    }

    #[test]
    fn a_reversed_range_is_refused_with_the_fix() {
        let e = years("2021..2019").unwrap_err();
        assert!(e.contains("backwards") && e.contains("2019..2021"), "{e}");
    }

    #[test]
    fn garbage_is_refused_saying_what_is_accepted() {
        for bad in ["abc", "", "19", "2019..", "..2021", "2019..20x1", "20190"] {
            let e = years(bad).unwrap_err();
            assert!(e.contains(YEARS_ACCEPTED), "{bad}: {e}");
        }
    }

    #[test]
    fn undated_or_malformed_dates_hold_no_year() {
        let y = years("2019").expect("a year");
        assert!(!y.holds(""));
        assert!(!y.holds("20"));
    }

    #[test]
    fn a_filter_lists_the_facets_set_in_order() {
        let mut f = Filter::default();
        assert!(f.is_empty());
        f.set_facet(Facet::Place, "seoul");
        f.set_facet(Facet::Topic, "ransomware");
        let set: Vec<(Facet, &str)> = f.facets().collect();
        assert_eq!(
            set,
            vec![(Facet::Topic, "ransomware"), (Facet::Place, "seoul")]
        );
        assert_eq!(f.facet(Facet::Person), None);
        assert!(!f.is_empty());
    }
}
