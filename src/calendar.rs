//! Calendar arithmetic shared by dateline detection and time values: month
//! names (from the language file), month lengths and day spans, with no
//! clock anywhere.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use crate::rules::language::english;

/// The month a month name or abbreviation names, 1-based.
pub fn month_number(word: &str) -> Option<u32> {
    english().month_number(word)
}

/// A regex alternation matching any month name [`month_number`] accepts.
pub fn month_pattern() -> &'static str {
    static PATTERN: LazyLock<String> = LazyLock::new(|| english().month_pattern());
    &PATTERN
}

pub fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    ymd(ny, nm, 1).and_then(|d| d.pred_opt())
}

/// The year of the latest month `month` up to `published`: its own year's,
/// or the year before when the month is still ahead (news reports what has
/// happened).
pub fn latest_year_of_month(month: u32, published: NaiveDate) -> i32 {
    published.year() - i32::from(month > published.month())
}

/// First and last day of a month.
pub fn month_span(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(year, month, 1)?, month_end(year, month)?))
}

pub fn year_span(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(year, 1, 1)?, ymd(year, 12, 31)?))
}

/// Parses an ISO date or the date part of an ISO timestamp.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

pub fn day_number(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

pub fn from_day_number(n: f64) -> Option<NaiveDate> {
    if !n.is_finite() {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(n as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ends_respect_leap_years() {
        assert_eq!(month_end(2024, 2), ymd(2024, 2, 29));
        assert_eq!(month_end(2025, 2), ymd(2025, 2, 28));
        assert_eq!(month_end(2025, 12), ymd(2025, 12, 31));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(parse_iso_date("2025-05-16T08:00:00Z"), ymd(2025, 5, 16));
    }
}
