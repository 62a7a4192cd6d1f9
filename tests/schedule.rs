#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Which Thing is current on a given day.

use thing_prompts::date::CivilDate;
use thing_prompts::schedule::{CourseDay, Schedule};

fn date(text: &str) -> CivilDate {
    CivilDate::parse(text).unwrap()
}

fn not_started(starts: &str) -> CourseDay {
    CourseDay::NotStarted {
        starts: date(starts),
    }
}

fn running(position: usize, released: &str) -> CourseDay {
    CourseDay::Running {
        position,
        released: date(released),
    }
}

fn ended(position: usize, ended: &str) -> CourseDay {
    CourseDay::Ended {
        position,
        ended: date(ended),
    }
}

#[test]
fn a_weekly_course_of_23_things_from_30_april_2012() {
    let schedule = Schedule::new(date("2012-04-30"), 7);
    // Release dates written out by hand: Mondays from 30 April 2012, 1 October is the 23rd.
    let cases = [
        ("1970-01-01", not_started("2012-04-30")),
        ("2012-04-29", not_started("2012-04-30")),
        ("2012-04-30", running(0, "2012-04-30")),
        ("2012-05-01", running(0, "2012-04-30")),
        ("2012-05-06", running(0, "2012-04-30")),
        ("2012-05-07", running(1, "2012-05-07")),
        ("2012-07-15", running(10, "2012-07-09")),
        ("2012-07-16", running(11, "2012-07-16")),
        ("2012-07-18", running(11, "2012-07-16")),
        ("2012-07-22", running(11, "2012-07-16")),
        ("2012-07-23", running(12, "2012-07-23")),
        ("2012-09-30", running(21, "2012-09-24")),
        ("2012-10-01", running(22, "2012-10-01")),
        ("2012-10-07", running(22, "2012-10-01")),
        ("2012-10-08", ended(22, "2012-10-07")),
        ("2012-12-25", ended(22, "2012-10-07")),
        ("2026-11-26", ended(22, "2012-10-07")),
    ];
    for (today, expected) in cases {
        assert_eq!(schedule.course_day(23, date(today)), expected, "on {today}");
    }
}

#[test]
fn release_dates() {
    let schedule = Schedule::new(date("2012-04-30"), 7);
    let cases = [
        (0, "2012-04-30"),
        (1, "2012-05-07"),
        (4, "2012-05-28"),
        (5, "2012-06-04"),
        (11, "2012-07-16"),
        (22, "2012-10-01"),
        (23, "2012-10-08"),
    ];
    for (position, released) in cases {
        assert_eq!(
            schedule.release_date(position),
            date(released),
            "position {position}"
        );
    }
}

#[test]
fn every_day_of_the_course_is_in_the_right_week() {
    let start = date("2012-04-30");
    let schedule = Schedule::new(start, 7);
    for offset in 0..(23 * 7) {
        let today = start.add_days(offset);
        let week = usize::try_from(offset / 7).unwrap();
        let monday = start.add_days(offset - offset % 7);
        assert_eq!(
            schedule.course_day(23, today),
            CourseDay::Running {
                position: week,
                released: monday
            },
            "{today}"
        );
    }
}

#[test]
fn a_one_thing_programme() {
    let schedule = Schedule::new(date("2012-01-02"), 7);
    let cases = [
        ("2012-01-01", not_started("2012-01-02")),
        ("2012-01-02", running(0, "2012-01-02")),
        ("2012-01-08", running(0, "2012-01-02")),
        ("2012-01-09", ended(0, "2012-01-08")),
        ("2013-01-09", ended(0, "2012-01-08")),
    ];
    for (today, expected) in cases {
        assert_eq!(schedule.course_day(1, date(today)), expected, "on {today}");
    }
}

#[test]
fn a_leap_day_inside_a_period() {
    // 2012 is a leap year: the week from Monday 27 February runs to Sunday 4 March.
    let schedule = Schedule::new(date("2012-02-27"), 7);
    let cases = [
        ("2012-02-26", not_started("2012-02-27")),
        ("2012-02-27", running(0, "2012-02-27")),
        ("2012-02-28", running(0, "2012-02-27")),
        ("2012-02-29", running(0, "2012-02-27")),
        ("2012-03-01", running(0, "2012-02-27")),
        ("2012-03-04", running(0, "2012-02-27")),
        ("2012-03-05", running(1, "2012-03-05")),
        ("2012-03-11", running(1, "2012-03-05")),
        ("2012-03-12", ended(1, "2012-03-11")),
    ];
    for (today, expected) in cases {
        assert_eq!(schedule.course_day(2, date(today)), expected, "on {today}");
    }
    // The same start in 2011 (not a leap year) has its second Thing a day later in the calendar.
    let schedule = Schedule::new(date("2011-02-27"), 7);
    assert_eq!(
        schedule.course_day(2, date("2011-03-05")),
        running(0, "2011-02-27")
    );
    assert_eq!(
        schedule.course_day(2, date("2011-03-06")),
        running(1, "2011-03-06")
    );
}

#[test]
fn other_intervals() {
    let cases: &[(u32, usize, &str, CourseDay)] = &[
        (1, 3, "2012-07-15", not_started("2012-07-16")),
        (1, 3, "2012-07-16", running(0, "2012-07-16")),
        (1, 3, "2012-07-17", running(1, "2012-07-17")),
        (1, 3, "2012-07-18", running(2, "2012-07-18")),
        (1, 3, "2012-07-19", ended(2, "2012-07-18")),
        (14, 2, "2012-07-29", running(0, "2012-07-16")),
        (14, 2, "2012-07-30", running(1, "2012-07-30")),
        (14, 2, "2012-08-12", running(1, "2012-07-30")),
        (14, 2, "2012-08-13", ended(1, "2012-08-12")),
        (30, 2, "2012-08-15", running(1, "2012-08-15")),
        (30, 2, "2012-09-14", ended(1, "2012-09-13")),
    ];
    for &(interval, count, today, expected) in cases {
        let schedule = Schedule::new(date("2012-07-16"), interval);
        assert_eq!(
            schedule.course_day(count, date(today)),
            expected,
            "every {interval} days, {count} Things, on {today}"
        );
    }
}

#[test]
fn an_interval_of_0_is_taken_as_1() {
    let start = date("2012-07-16");
    assert_eq!(Schedule::new(start, 0), Schedule::new(start, 1));
    let schedule = Schedule::new(start, 0);
    assert_eq!(
        schedule.course_day(5, date("2012-07-18")),
        running(2, "2012-07-18")
    );
    assert_eq!(schedule.release_date(4), date("2012-07-20"));
}

#[test]
fn a_programme_without_things_has_not_started() {
    let schedule = Schedule::new(date("2012-04-30"), 7);
    for today in ["2012-04-29", "2012-04-30", "2030-01-01"] {
        assert_eq!(
            schedule.course_day(0, date(today)),
            not_started("2012-04-30"),
            "{today}"
        );
    }
}
