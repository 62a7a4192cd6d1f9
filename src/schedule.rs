//! Which Thing is current on a given day.

use crate::date::CivilDate;

/// Things are released one every `interval_days`, the first on `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    start: CivilDate,
    interval_days: u32,
}

/// Where a course stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CourseDay {
    /// The first Thing has not been released yet.
    NotStarted { starts: CivilDate },
    /// The Thing at this position (0-based, in number order) is the newest one released.
    Running {
        position: usize,
        released: CivilDate,
    },
    /// The last Thing's period is over.
    Ended { position: usize, ended: CivilDate },
}

impl Schedule {
    /// A schedule releasing one Thing every `interval_days` (at least 1) from `start`.
    pub fn new(start: CivilDate, interval_days: u32) -> Self {
        Self {
            start,
            interval_days: interval_days.max(1),
        }
    }

    /// The day the Thing at `position` (0-based) is released.
    pub fn release_date(&self, position: usize) -> CivilDate {
        let position = i64::try_from(position).unwrap_or(i64::MAX / 1024);
        self.start
            .add_days(position.saturating_mul(i64::from(self.interval_days)))
    }

    /// Where a course of `thing_count` Things stands on `today` (the reader's local date).
    pub fn course_day(&self, thing_count: usize, today: CivilDate) -> CourseDay {
        let elapsed = today.day_number() - self.start.day_number();
        if elapsed < 0 || thing_count == 0 {
            return CourseDay::NotStarted { starts: self.start };
        }
        let periods = elapsed / i64::from(self.interval_days);
        let last = thing_count - 1;
        match usize::try_from(periods) {
            Ok(position) if position <= last => CourseDay::Running {
                position,
                released: self.release_date(position),
            },
            _ => CourseDay::Ended {
                position: last,
                ended: self.release_date(thing_count).add_days(-1),
            },
        }
    }
}
