//! Dates in a text: stated ones ("20 May 2025", "May 20, 2025", "2025-05-20"), ones without a
//! year ("Tuesday, May 20"), and weekdays alone ("on Wednesday"), resolved against the text's
//! publication date, each with how it was resolved.

use crate::corpus::{Precision, month_name};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Day {
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "Thursday 13 November 2025".
    pub fn long(self) -> String {
        format!(
            "{} {} {} {}",
            WEEKDAYS[self.weekday()],
            self.day,
            month_name(self.month as usize).unwrap_or("?"),
            self.year
        )
    }

    /// Days since 1970-01-01 (the proleptic Gregorian calendar).
    fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as usize
    }

    fn valid(self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && Day::from_days(self.days()) == self
            && (1900..=2200).contains(&self.year)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Day> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        let d = Day { year, month, day };
        d.valid().then_some(d)
    }
}

/// A date as a text writes it; parts it leaves out are `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub weekday: Option<usize>,
    /// The words as written, for messages.
    pub written: String,
}

/// A date resolved to a value for the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub value: String,
    pub precision: Precision,
    /// How the date was worked out when the text does not state it whole.
    pub how: Option<String>,
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    (1..=12u32).find(|&m| {
        month_name(m as usize).is_some_and(|name| {
            let name = name.to_ascii_lowercase();
            name == w || (w.len() == 3 && name.starts_with(&w))
        })
    })
}

fn weekday_of(word: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word))
}

fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: u32 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_of(word: &str) -> Option<i32> {
    let n: i32 = word.parse().ok()?;
    (word.len() == 4 && (1900..=2200).contains(&n)).then_some(n)
}

/// Every date mention of a text, in order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '–' | '—'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '"' | '“' | '”')))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if let Some(day) = Day::parse_iso(w) {
            out.push(Mention {
                year: Some(day.year),
                month: Some(day.month),
                day: Some(day.day),
                weekday: None,
                written: w.to_string(),
            });
            i += 1;
            continue;
        }
        let weekday = weekday_of(w);
        let start = i + usize::from(weekday.is_some());
        let word = |k: usize| words.get(start + k).copied().unwrap_or("");
        // "20 May 2025", "20 May"
        if let (Some(day), Some(month)) = (day_of(word(0)), month_of(word(1))) {
            let year = year_of(word(2));
            let used = 2 + usize::from(year.is_some());
            out.push(mention(
                year,
                Some(month),
                Some(day),
                weekday,
                &words[i..start + used],
            ));
            i = start + used;
            continue;
        }
        if let Some(month) = month_of(word(0)) {
            // "May 20, 2025", "May 20"
            if let Some(day) = day_of(word(1)) {
                let year = year_of(word(2));
                let used = 2 + usize::from(year.is_some());
                out.push(mention(
                    year,
                    Some(month),
                    Some(day),
                    weekday,
                    &words[i..start + used],
                ));
                i = start + used;
                continue;
            }
            // "May 2025"
            if let Some(year) = year_of(word(1)) {
                out.push(mention(
                    Some(year),
                    Some(month),
                    None,
                    None,
                    &words[i..start + 2],
                ));
                i = start + 2;
                continue;
            }
        }
        if let Some(weekday) = weekday {
            out.push(mention(None, None, None, Some(weekday), &words[i..i + 1]));
        }
        i += 1;
    }
    out
}

fn mention(
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<usize>,
    words: &[&str],
) -> Mention {
    Mention {
        year,
        month,
        day,
        weekday,
        written: words.join(" "),
    }
}

/// The first whole date (day, month and year) among the mentions: a publication date line.
pub fn first_full(text: &str) -> Option<Day> {
    mentions(text).into_iter().find_map(|m| {
        let day = Day {
            year: m.year?,
            month: m.month?,
            day: m.day?,
        };
        day.valid().then_some(day)
    })
}

/// Resolves a mention to a date value, using the publication date for what it leaves out.
/// `None` when it cannot be resolved (a weekday or a day without a year, and no publication
/// date).
pub fn resolve(m: &Mention, paragraph: usize, published: Option<Day>) -> Option<Resolved> {
    match (m.year, m.month, m.day) {
        (Some(year), Some(month), Some(day)) => {
            let d = Day { year, month, day };
            d.valid().then(|| Resolved {
                value: d.iso(),
                precision: Precision::Day,
                how: None,
            })
        }
        (Some(year), Some(month), None) => Some(Resolved {
            value: format!("{year:04}-{month:02}"),
            precision: Precision::Month,
            how: None,
        }),
        (None, Some(month), Some(day)) => {
            let published = published?;
            let mut d = Day {
                year: published.year,
                month,
                day,
            };
            if d > published {
                d.year -= 1;
            }
            if !d.valid() {
                return None;
            }
            let mut how = format!(
                "The text gives \"{}\" without a year (¶{paragraph}); {} is the last such day \
                 on or before its publication date, {}.",
                m.written,
                d.year,
                published.long()
            );
            if let Some(w) = m.weekday
                && w != d.weekday()
            {
                how.push_str(&format!(
                    " The text's weekday, {}, does not fit that day (a {}): check the date.",
                    WEEKDAYS[w],
                    WEEKDAYS[d.weekday()]
                ));
            }
            Some(Resolved {
                value: d.iso(),
                precision: Precision::Day,
                how: Some(how),
            })
        }
        (None, None, None) => {
            let weekday = m.weekday?;
            let published = published?;
            let back = (published.weekday() + 7 - weekday) % 7;
            let d = Day::from_days(published.days() - back as i64);
            Some(Resolved {
                value: d.iso(),
                precision: Precision::Day,
                how: Some(format!(
                    "The text says \"{}\" without a date (¶{paragraph}) and was published on {}; \
                     the {} on or before that day is {}.",
                    m.written,
                    published.long(),
                    WEEKDAYS[weekday],
                    d.long()
                )),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse_iso(s).expect("a date")
    }

    #[test]
    fn weekdays_are_right() {
        assert_eq!(WEEKDAYS[day("2025-11-13").weekday()], "Thursday");
        assert_eq!(WEEKDAYS[day("2025-05-20").weekday()], "Tuesday");
        assert_eq!(WEEKDAYS[day("2000-02-29").weekday()], "Tuesday");
        assert_eq!(Day::parse_iso("2025-02-29"), None);
    }

    #[test]
    fn a_weekday_alone_is_the_one_on_or_before_publication() {
        let m = &mentions("on Wednesday in Brussels")[0];
        let r = resolve(m, 2, Some(day("2025-11-13"))).expect("resolved");
        assert_eq!(r.value, "2025-11-12");
        let how = r.how.expect("how");
        assert!(
            how.contains("Thursday 13 November 2025") && how.contains("¶2"),
            "{how}"
        );
    }

    #[test]
    fn written_forms_are_read() {
        let found: Vec<_> = mentions(
            "On 20 May 2025, then May 21, 2025, 2019-07-01, June 2023 and Tuesday, May 20.",
        )
        .into_iter()
        .map(|m| (m.year, m.month, m.day, m.weekday))
        .collect();
        assert_eq!(
            found,
            vec![
                (Some(2025), Some(5), Some(20), None),
                (Some(2025), Some(5), Some(21), None),
                (Some(2019), Some(7), Some(1), None),
                (Some(2023), Some(6), None, None),
                (None, Some(5), Some(20), Some(1)),
            ]
        );
    }

    #[test]
    fn a_day_without_a_year_takes_the_publication_year_or_the_one_before() {
        let m = &mentions("on December 30")[0];
        let r = resolve(m, 1, Some(day("2026-01-02"))).expect("resolved");
        assert_eq!(r.value, "2025-12-30");
        assert_eq!(resolve(m, 1, None), None);
    }

    #[test]
    fn a_weekday_that_does_not_fit_the_day_is_said() {
        let m = &mentions("on Tuesday, June 2")[0];
        let fits = resolve(m, 1, Some(day("2026-06-05"))).expect("resolved");
        assert!(!fits.how.expect("how").contains("does not fit"));
        let misfit = resolve(m, 1, Some(day("2028-06-05"))).expect("resolved");
        assert!(misfit.how.expect("how").contains("does not fit"));
    }
}
