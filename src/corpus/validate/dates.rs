//! Dates as the corpus writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, by precision.

use crate::corpus::model::Precision;

/// A date reduced to a comparable key (missing month or day as 0).
pub(super) type DateKey = (u32, u32, u32);

/// The shape a precision asks for, for messages.
pub(super) fn shape(precision: Precision) -> &'static str {
    match precision {
        Precision::Year => "YYYY",
        Precision::Month => "YYYY-MM",
        Precision::Day => "YYYY-MM-DD",
    }
}

pub(super) fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

/// Parses `value` as a date of `precision`, or says what is wrong with it.
pub(super) fn parse(value: &str, precision: Precision) -> Result<DateKey, String> {
    let parts: Vec<&str> = value.split('-').collect();
    let want = match precision {
        Precision::Year => 1,
        Precision::Month => 2,
        Precision::Day => 3,
    };
    let widths = [4, 2, 2];
    let well_formed = parts.len() == want
        && parts
            .iter()
            .zip(widths)
            .all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return Err(format!(
            "`{value}` does not match precision `{}`; expected {}",
            precision_name(precision),
            shape(precision)
        ));
    }
    let num = |i: usize| {
        parts
            .get(i)
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let (year, month, day) = (num(0), num(1), num(2));
    if want >= 2 && !(1..=12).contains(&month) {
        return Err(format!(
            "`{value}` has month {month}; expected a month from 01 to 12"
        ));
    }
    if want == 3 {
        let last = days_in_month(year, month);
        if !(1..=last).contains(&day) {
            return Err(format!(
                "`{value}` is not a calendar date: {} {year} has {last} days; expected a real \
                 date in {}",
                month_name(month),
                shape(precision)
            ));
        }
    }
    Ok((year, month, day))
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

fn month_name(month: u32) -> &'static str {
    crate::corpus::month_name(month as usize).unwrap_or("that month")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(parse("2024-02-29", Precision::Day).is_ok());
        assert!(parse("1900-02-29", Precision::Day).is_err());
        assert!(parse("2000-02-29", Precision::Day).is_ok());
        assert!(parse("2019-02-30", Precision::Day).is_err());
    }

    #[test]
    fn shapes_must_match_precision() {
        assert_eq!(parse("2019", Precision::Year), Ok((2019, 0, 0)));
        assert_eq!(parse("2019-05", Precision::Month), Ok((2019, 5, 0)));
        assert!(parse("2019-5", Precision::Month).is_err());
        assert!(parse("2019-05", Precision::Day).is_err());
        assert!(parse("2019-13", Precision::Month).is_err());
        assert!(parse("２０１９", Precision::Year).is_err());
    }
}
