//! Calendar dates without a clock: the page passes today's date in, the core only does arithmetic.

use std::fmt;

/// A day in the proleptic Gregorian calendar, as written in programme files (`2012-07-16`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    year: i32,
    month: u32,
    day: u32,
}

/// Why a date string could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub text: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a date: write it as YYYY-MM-DD, e.g. 2012-07-16",
            self.text
        )
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl CivilDate {
    /// A date from its parts, or `None` when no such day exists (e.g. 2011-02-29).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Reads `YYYY-MM-DD`, the only form programme files use.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let error = || DateError {
            text: text.to_owned(),
        };
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(error());
        };
        let all_digits =
            |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y, 4) && all_digits(m, 2) && all_digits(d, 2)) {
            return Err(error());
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(error());
        };
        Self::new(year, month, day).ok_or_else(error)
    }

    /// Days since 1970-01-01 (negative before it); the civil-from-days algorithm in reverse.
    pub fn day_number(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_day_number(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Self {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    /// The calendar date at the instant `ms` (milliseconds since 1970) where the clock is
    /// `offset_minutes` ahead of UTC (+60 in Paris in winter; in the browser, minus
    /// `Date.prototype.getTimezoneOffset()` of that instant, which follows summer time).
    pub fn at_instant(ms: u64, offset_minutes: i32) -> Self {
        const MS_PER_DAY: i64 = 86_400_000;
        let local = i64::try_from(ms)
            .unwrap_or(i64::MAX)
            .saturating_add(i64::from(offset_minutes) * 60_000);
        Self::from_day_number(local.div_euclid(MS_PER_DAY))
    }

    /// The date `days` later (or earlier, when negative).
    pub fn add_days(self, days: i64) -> Self {
        Self::from_day_number(self.day_number() + days)
    }

    /// Monday is 0, Sunday 6.
    pub fn weekday(self) -> usize {
        usize::try_from((self.day_number() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// January is 0.
    pub fn month0(self) -> usize {
        usize::try_from(self.month).unwrap_or(1).saturating_sub(1)
    }

    pub fn day(self) -> u32 {
        self.day
    }

    pub fn year(self) -> i32 {
        self.year
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
