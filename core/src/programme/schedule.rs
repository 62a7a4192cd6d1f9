//! When each Thing is released, which weeks are for catching up, and which Thing is current.

use crate::date::CivilDate;

/// The release day of every Thing, and the catch-up weeks between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// One per Thing, in number order, strictly increasing.
    releases: Vec<CivilDate>,
    /// Catch-up periods, each from its first day up to (not including) its end.
    catch_up: Vec<(CivilDate, CivilDate)>,
    /// How long a Thing's week lasts: the cadence, or 7 days for explicit dates.
    period: u32,
    /// The first day after the course.
    end: CivilDate,
}

/// Where a course stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CourseDay {
    /// The first Thing has not been released yet.
    NotStarted { starts: CivilDate },
    /// The Thing at this position (0-based, in number order) is the newest one released;
    /// `catch_up` when today is in a catch-up week.
    Running {
        position: usize,
        released: CivilDate,
        catch_up: bool,
    },
    /// The course is over; `ended` is its last day.
    Ended { position: usize, ended: CivilDate },
}

impl Schedule {
    /// One Thing every `interval_days` (at least 1) from `start`; a period that contains one
    /// of the `catch_up` dates releases nothing, and the later Things move one period on.
    pub fn cadence(
        start: CivilDate,
        interval_days: u32,
        catch_up: &[CivilDate],
        things: usize,
    ) -> Self {
        let period = interval_days.max(1);
        let step = i64::from(period);
        let holds_catch_up = |from: CivilDate| {
            let to = from.add_days(step);
            catch_up.iter().any(|day| *day >= from && *day < to)
        };
        let mut releases = Vec::with_capacity(things);
        let mut pauses = Vec::new();
        let mut from = start;
        // Every period either releases a Thing or is a catch-up week, and catch-up dates are
        // finitely many, so this ends; the bound only guards against a bad input slipping through.
        let mut guard = things.saturating_add(catch_up.len()).saturating_add(1);
        while releases.len() < things && guard > 0 {
            if holds_catch_up(from) {
                pauses.push((from, from.add_days(step)));
            } else {
                releases.push(from);
            }
            from = from.add_days(step);
            guard -= 1;
        }
        // Catch-up weeks straight after the last Thing belong to the course too.
        while holds_catch_up(from) && guard > 0 {
            pauses.push((from, from.add_days(step)));
            from = from.add_days(step);
            guard -= 1;
        }
        Self {
            releases,
            catch_up: pauses,
            period,
            end: from,
        }
    }

    /// Each Thing on its own date (increasing); each catch-up week lasts 7 days from its date.
    pub fn explicit(releases: Vec<CivilDate>, catch_up: &[CivilDate]) -> Self {
        let pauses: Vec<(CivilDate, CivilDate)> = crate::order::sort_by(
            catch_up.iter().map(|day| (*day, day.add_days(7))).collect(),
            |a, b| a < b,
        );
        let mut end = releases
            .last()
            .map_or(CivilDate::from_day_number(0), |last| last.add_days(7));
        for (from, to) in &pauses {
            if *from <= end && *to > end {
                end = *to;
            }
        }
        Self {
            releases,
            catch_up: pauses,
            period: 7,
            end,
        }
    }

    /// The release day of the Thing at `position` (0-based, in number order).
    pub fn release_date(&self, position: usize) -> Option<CivilDate> {
        self.releases.get(position).copied()
    }

    /// The first and last day of the Thing's week.
    pub fn week(&self, position: usize) -> Option<(CivilDate, CivilDate)> {
        let from = self.release_date(position)?;
        let own_end = from.add_days(i64::from(self.period));
        let to = match self.release_date(position + 1) {
            Some(next) if next < own_end => next,
            _ => own_end,
        };
        Some((from, to.add_days(-1)))
    }

    /// The catch-up periods, first day and first day after.
    pub fn catch_up_weeks(&self) -> &[(CivilDate, CivilDate)] {
        &self.catch_up
    }

    /// The first day after the course.
    pub fn end(&self) -> CivilDate {
        self.end
    }

    /// Where the course stands on `today` (its date in the course's time zone).
    pub fn course_day(&self, today: CivilDate) -> CourseDay {
        let Some(first) = self.releases.first().copied() else {
            return CourseDay::NotStarted { starts: self.end };
        };
        if today < first {
            return CourseDay::NotStarted { starts: first };
        }
        let position = self
            .releases
            .iter()
            .rposition(|day| *day <= today)
            .unwrap_or(0);
        if today >= self.end {
            return CourseDay::Ended {
                position: self.releases.len() - 1,
                ended: self.end.add_days(-1),
            };
        }
        CourseDay::Running {
            position,
            released: self.releases.get(position).copied().unwrap_or(first),
            catch_up: self
                .catch_up
                .iter()
                .any(|(from, to)| today >= *from && today < *to),
        }
    }
}

/// The calendar date at an instant (milliseconds since 1970, UTC) where the clock is
/// `offset_minutes` ahead of UTC: a time zone's offset at that instant, daylight saving included.
pub fn date_at(instant_ms: i64, offset_minutes: i32) -> CivilDate {
    let local_ms = instant_ms.saturating_add(i64::from(offset_minutes) * 60_000);
    CivilDate::from_day_number(local_ms.div_euclid(86_400_000))
}
