#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! When each Thing is released, which weeks are for catching up, which Thing is current on a
//! given day, and which day it is where the course is.

use thing_prompts_core::date::CivilDate;
use thing_prompts_core::schedule::{date_at, CourseDay, Schedule};

fn date(text: &str) -> CivilDate {
    CivilDate::parse(text).unwrap()
}

fn dates(texts: &[&str]) -> Vec<CivilDate> {
    texts.iter().map(|t| date(t)).collect()
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
        catch_up: false,
    }
}

fn catching_up(position: usize, released: &str) -> CourseDay {
    CourseDay::Running {
        position,
        released: date(released),
        catch_up: true,
    }
}

fn ended(position: usize, ended: &str) -> CourseDay {
    CourseDay::Ended {
        position,
        ended: date(ended),
    }
}

/// A weekly course without catch-up weeks.
fn weekly(start: &str, things: usize) -> Schedule {
    Schedule::cadence(date(start), 7, &[], things)
}

fn check_days(schedule: &Schedule, cases: &[(&str, CourseDay)], what: &str) {
    for (today, expected) in cases {
        assert_eq!(
            schedule.course_day(date(today)),
            *expected,
            "{what}: on {today}"
        );
    }
}

fn check_weeks(schedule: &Schedule, cases: &[(usize, Option<(&str, &str)>)], what: &str) {
    for &(position, expected) in cases {
        assert_eq!(
            schedule.week(position),
            expected.map(|(from, to)| (date(from), date(to))),
            "{what}: week of position {position}"
        );
    }
}

fn releases(schedule: &Schedule, count: usize) -> Vec<String> {
    (0..count)
        .map(|p| schedule.release_date(p).unwrap().to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The cadence form without catch-up weeks (ported from the previous API).

#[test]
fn a_weekly_course_of_23_things_from_30_april_2012() {
    let schedule = weekly("2012-04-30", 23);
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
    check_days(&schedule, &cases, "cpd23 2012");
    assert_eq!(schedule.end(), date("2012-10-08"));
    assert!(schedule.catch_up_weeks().is_empty());
}

#[test]
fn the_start_day_itself() {
    // The first day of the course is a day of the first Thing, not a day before it, in every form.
    let cases: &[(&str, Schedule)] = &[
        ("weekly", weekly("2012-04-30", 23)),
        ("daily", Schedule::cadence(date("2012-04-30"), 1, &[], 3)),
        (
            "fortnightly",
            Schedule::cadence(date("2012-04-30"), 14, &[], 3),
        ),
        ("one Thing", weekly("2012-04-30", 1)),
        (
            "explicit",
            Schedule::explicit(dates(&["2012-04-30", "2012-05-03"]), &[]),
        ),
        (
            "explicit, one Thing",
            Schedule::explicit(dates(&["2012-04-30"]), &[]),
        ),
        (
            "with a catch-up week later on",
            Schedule::cadence(date("2012-04-30"), 7, &[date("2012-05-07")], 3),
        ),
    ];
    for (what, schedule) in cases {
        assert_eq!(
            schedule.course_day(date("2012-04-29")),
            not_started("2012-04-30"),
            "{what}: the day before"
        );
        assert_eq!(
            schedule.course_day(date("2012-04-30")),
            running(0, "2012-04-30"),
            "{what}: the start day"
        );
        assert_eq!(schedule.release_date(0), Some(date("2012-04-30")), "{what}");
        assert_eq!(
            schedule.week(0).map(|(from, _)| from),
            Some(date("2012-04-30")),
            "{what}: the first week begins on the start day"
        );
    }
}

#[test]
fn release_dates() {
    let schedule = weekly("2012-04-30", 23);
    let cases = [
        (0, Some("2012-04-30")),
        (1, Some("2012-05-07")),
        (4, Some("2012-05-28")),
        (5, Some("2012-06-04")),
        (11, Some("2012-07-16")),
        (22, Some("2012-10-01")),
        // Past the last Thing there is no release.
        (23, None),
        (24, None),
        (usize::MAX, None),
    ];
    for (position, released) in cases {
        assert_eq!(
            schedule.release_date(position),
            released.map(date),
            "position {position}"
        );
    }
}

#[test]
fn every_day_of_the_course_is_in_the_right_week() {
    let start = date("2012-04-30");
    let schedule = weekly("2012-04-30", 23);
    for offset in 0..(23 * 7) {
        let today = start.add_days(offset);
        let week = usize::try_from(offset / 7).unwrap();
        let monday = start.add_days(offset - offset % 7);
        assert_eq!(
            schedule.course_day(today),
            CourseDay::Running {
                position: week,
                released: monday,
                catch_up: false,
            },
            "{today}"
        );
        assert_eq!(
            schedule.week(week),
            Some((monday, monday.add_days(6))),
            "{today}"
        );
    }
}

#[test]
fn a_one_thing_programme() {
    let cases = [
        ("2012-01-01", not_started("2012-01-02")),
        ("2012-01-02", running(0, "2012-01-02")),
        ("2012-01-08", running(0, "2012-01-02")),
        ("2012-01-09", ended(0, "2012-01-08")),
        ("2013-01-09", ended(0, "2012-01-08")),
    ];
    // The same course in both forms: released on the day, over seven days later.
    let forms = [
        ("cadence", weekly("2012-01-02", 1)),
        ("explicit", Schedule::explicit(dates(&["2012-01-02"]), &[])),
    ];
    for (what, schedule) in &forms {
        check_days(schedule, &cases, what);
        assert_eq!(schedule.end(), date("2012-01-09"), "{what}");
        check_weeks(
            schedule,
            &[(0, Some(("2012-01-02", "2012-01-08"))), (1, None)],
            what,
        );
    }
}

#[test]
fn a_leap_day_inside_a_period() {
    // 2012 is a leap year: the week from Monday 27 February runs to Sunday 4 March.
    let schedule = weekly("2012-02-27", 2);
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
    check_days(&schedule, &cases, "2012");
    check_weeks(
        &schedule,
        &[
            (0, Some(("2012-02-27", "2012-03-04"))),
            (1, Some(("2012-03-05", "2012-03-11"))),
        ],
        "2012",
    );
    // The same start in 2011 (not a leap year) has its second Thing a day later in the calendar.
    let schedule = weekly("2011-02-27", 2);
    let cases = [
        ("2011-02-28", running(0, "2011-02-27")),
        ("2011-03-05", running(0, "2011-02-27")),
        ("2011-03-06", running(1, "2011-03-06")),
        ("2011-03-12", running(1, "2011-03-06")),
        ("2011-03-13", ended(1, "2011-03-12")),
    ];
    check_days(&schedule, &cases, "2011");
    check_weeks(
        &schedule,
        &[
            (0, Some(("2011-02-27", "2011-03-05"))),
            (1, Some(("2011-03-06", "2011-03-12"))),
        ],
        "2011",
    );
}

#[test]
fn a_leap_day_in_other_forms() {
    // (what, schedule, release of the second Thing, end)
    let cases: &[(&str, Schedule, &str, &str)] = &[
        (
            "fortnightly across 29 February 2012",
            Schedule::cadence(date("2012-02-20"), 14, &[], 2),
            "2012-03-05",
            "2012-03-19",
        ),
        (
            "fortnightly across February 2011",
            Schedule::cadence(date("2011-02-20"), 14, &[], 2),
            "2011-03-06",
            "2011-03-20",
        ),
        (
            "daily over 29 February 2012",
            Schedule::cadence(date("2012-02-28"), 1, &[], 2),
            "2012-02-29",
            "2012-03-01",
        ),
        (
            "daily at the end of February 2011",
            Schedule::cadence(date("2011-02-28"), 1, &[], 2),
            "2011-03-01",
            "2011-03-02",
        ),
        (
            "a catch-up week on 29 February 2012",
            Schedule::cadence(date("2012-02-27"), 7, &[date("2012-02-29")], 2),
            "2012-03-12",
            "2012-03-19",
        ),
        (
            "explicit, the second Thing on the leap day",
            Schedule::explicit(dates(&["2012-02-22", "2012-02-29"]), &[]),
            "2012-02-29",
            "2012-03-07",
        ),
        (
            // 2000 is a leap year (divisible by 400), 1900 and 2100 are not.
            "weekly across February 2000",
            weekly("2000-02-23", 2),
            "2000-03-01",
            "2000-03-08",
        ),
        (
            "weekly across February 2100",
            weekly("2100-02-23", 2),
            "2100-03-02",
            "2100-03-09",
        ),
    ];
    for (what, schedule, second, end) in cases {
        assert_eq!(schedule.release_date(1), Some(date(second)), "{what}");
        assert_eq!(schedule.end(), date(end), "{what}");
    }
    // The leap day itself is an ordinary day of its Thing's week.
    let schedule = Schedule::explicit(dates(&["2012-02-22", "2012-02-29"]), &[]);
    check_days(
        &schedule,
        &[
            ("2012-02-28", running(0, "2012-02-22")),
            ("2012-02-29", running(1, "2012-02-29")),
            ("2012-03-06", running(1, "2012-02-29")),
            ("2012-03-07", ended(1, "2012-03-06")),
        ],
        "explicit leap day",
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
        let schedule = Schedule::cadence(date("2012-07-16"), interval, &[], count);
        assert_eq!(
            schedule.course_day(date(today)),
            expected,
            "every {interval} days, {count} Things, on {today}"
        );
    }
}

#[test]
fn an_interval_of_0_is_taken_as_1() {
    let start = date("2012-07-16");
    assert_eq!(
        Schedule::cadence(start, 0, &[], 5),
        Schedule::cadence(start, 1, &[], 5)
    );
    let schedule = Schedule::cadence(start, 0, &[], 5);
    assert_eq!(
        schedule.course_day(date("2012-07-18")),
        running(2, "2012-07-18")
    );
    assert_eq!(schedule.release_date(4), Some(date("2012-07-20")));
    assert_eq!(schedule.release_date(5), None);
    assert_eq!(
        schedule.week(2),
        Some((date("2012-07-18"), date("2012-07-18")))
    );
}

#[test]
fn a_programme_without_things_has_not_started() {
    let schedule = weekly("2012-04-30", 0);
    for today in ["2012-04-29", "2012-04-30", "2030-01-01"] {
        assert_eq!(
            schedule.course_day(date(today)),
            not_started("2012-04-30"),
            "{today}"
        );
    }
    assert_eq!(schedule.release_date(0), None);
    assert_eq!(schedule.week(0), None);
}

#[test]
fn weeks_for_cadences_of_7_and_14_days() {
    check_weeks(
        &weekly("2012-04-30", 23),
        &[
            (0, Some(("2012-04-30", "2012-05-06"))),
            (11, Some(("2012-07-16", "2012-07-22"))),
            (22, Some(("2012-10-01", "2012-10-07"))),
            (23, None),
        ],
        "every 7 days",
    );
    check_weeks(
        &Schedule::cadence(date("2012-07-16"), 14, &[], 3),
        &[
            (0, Some(("2012-07-16", "2012-07-29"))),
            (1, Some(("2012-07-30", "2012-08-12"))),
            (2, Some(("2012-08-13", "2012-08-26"))),
            (3, None),
        ],
        "every 14 days",
    );
}

// ---------------------------------------------------------------------------------------------
// Catch-up weeks in the cadence form.

#[test]
fn a_catch_up_week_in_the_middle_moves_later_things_one_week_on() {
    // Wednesday 6 June 2012 lies in the week from Monday 4 June, the sixth period.
    let schedule = Schedule::cadence(date("2012-04-30"), 7, &[date("2012-06-06")], 23);
    assert_eq!(
        releases(&schedule, 23),
        [
            "2012-04-30",
            "2012-05-07",
            "2012-05-14",
            "2012-05-21",
            "2012-05-28",
            // 4 June is the catch-up week.
            "2012-06-11",
            "2012-06-18",
            "2012-06-25",
            "2012-07-02",
            "2012-07-09",
            "2012-07-16",
            "2012-07-23",
            "2012-07-30",
            "2012-08-06",
            "2012-08-13",
            "2012-08-20",
            "2012-08-27",
            "2012-09-03",
            "2012-09-10",
            "2012-09-17",
            "2012-09-24",
            "2012-10-01",
            "2012-10-08",
        ]
    );
    assert_eq!(schedule.release_date(23), None);
    assert_eq!(
        schedule.catch_up_weeks(),
        [(date("2012-06-04"), date("2012-06-11"))]
    );
    assert_eq!(schedule.end(), date("2012-10-15"));
    check_days(
        &schedule,
        &[
            ("2012-06-03", running(4, "2012-05-28")),
            // Only the catch-up week says so, and it keeps the latest Thing released.
            ("2012-06-04", catching_up(4, "2012-05-28")),
            ("2012-06-06", catching_up(4, "2012-05-28")),
            ("2012-06-10", catching_up(4, "2012-05-28")),
            ("2012-06-11", running(5, "2012-06-11")),
            ("2012-07-16", running(10, "2012-07-16")),
            ("2012-07-23", running(11, "2012-07-23")),
            ("2012-10-14", running(22, "2012-10-08")),
            ("2012-10-15", ended(22, "2012-10-14")),
        ],
        "one catch-up week",
    );
    // The Thing before the catch-up week keeps a week of its own; the catch-up week is nobody's.
    check_weeks(
        &schedule,
        &[
            (4, Some(("2012-05-28", "2012-06-03"))),
            (5, Some(("2012-06-11", "2012-06-17"))),
        ],
        "one catch-up week",
    );
}

#[test]
fn catch_up_dates_anywhere_in_a_period_pause_the_whole_period() {
    // Monday to Sunday of the third week of a course starting on Monday 2 January 2012.
    for day in [
        "2012-01-16",
        "2012-01-17",
        "2012-01-18",
        "2012-01-19",
        "2012-01-20",
        "2012-01-21",
        "2012-01-22",
    ] {
        let schedule = Schedule::cadence(date("2012-01-02"), 7, &[date(day)], 4);
        assert_eq!(
            releases(&schedule, 4),
            ["2012-01-02", "2012-01-09", "2012-01-23", "2012-01-30"],
            "catch-up date {day}"
        );
        assert_eq!(
            schedule.catch_up_weeks(),
            [(date("2012-01-16"), date("2012-01-23"))],
            "catch-up date {day}"
        );
    }
    // Two dates in the same period make one catch-up week, not two.
    let schedule = Schedule::cadence(
        date("2012-01-02"),
        7,
        &dates(&["2012-01-17", "2012-01-20"]),
        4,
    );
    assert_eq!(
        releases(&schedule, 4),
        ["2012-01-02", "2012-01-09", "2012-01-23", "2012-01-30"]
    );
    assert_eq!(schedule.end(), date("2012-02-06"));
}

#[test]
fn two_consecutive_catch_up_weeks() {
    // Listed out of order, and the second one by its Sunday.
    let schedule = Schedule::cadence(
        date("2012-04-30"),
        7,
        &dates(&["2012-06-17", "2012-06-04"]),
        23,
    );
    let released = releases(&schedule, 23);
    assert_eq!(
        &released[..5],
        [
            "2012-04-30",
            "2012-05-07",
            "2012-05-14",
            "2012-05-21",
            "2012-05-28"
        ]
    );
    assert_eq!(released[5], "2012-06-18");
    assert_eq!(released[11], "2012-07-30");
    assert_eq!(released[22], "2012-10-15");
    assert_eq!(
        schedule.catch_up_weeks(),
        [
            (date("2012-06-04"), date("2012-06-11")),
            (date("2012-06-11"), date("2012-06-18")),
        ]
    );
    assert_eq!(schedule.end(), date("2012-10-22"));
    check_days(
        &schedule,
        &[
            ("2012-06-03", running(4, "2012-05-28")),
            ("2012-06-04", catching_up(4, "2012-05-28")),
            ("2012-06-11", catching_up(4, "2012-05-28")),
            ("2012-06-17", catching_up(4, "2012-05-28")),
            ("2012-06-18", running(5, "2012-06-18")),
            ("2012-10-21", running(22, "2012-10-15")),
            ("2012-10-22", ended(22, "2012-10-21")),
        ],
        "two catch-up weeks",
    );
}

#[test]
fn catch_up_weeks_with_a_fortnightly_cadence_last_a_fortnight() {
    let schedule = Schedule::cadence(date("2012-01-02"), 14, &[date("2012-01-20")], 3);
    assert_eq!(
        releases(&schedule, 3),
        ["2012-01-02", "2012-01-30", "2012-02-13"]
    );
    assert_eq!(
        schedule.catch_up_weeks(),
        [(date("2012-01-16"), date("2012-01-30"))]
    );
    check_days(
        &schedule,
        &[
            ("2012-01-15", running(0, "2012-01-02")),
            ("2012-01-16", catching_up(0, "2012-01-02")),
            ("2012-01-29", catching_up(0, "2012-01-02")),
            ("2012-01-30", running(1, "2012-01-30")),
        ],
        "fortnightly",
    );
    check_weeks(
        &schedule,
        &[(0, Some(("2012-01-02", "2012-01-15")))],
        "fortnightly",
    );
}

#[test]
fn a_catch_up_week_straight_after_the_last_thing_extends_the_end() {
    // Three Things on 30 April, 7 and 14 May; the week from 21 May is for catching up.
    let cases: &[(&[&str], &str)] = &[
        (&[], "2012-05-21"),
        (&["2012-05-21"], "2012-05-28"),
        (&["2012-05-27"], "2012-05-28"),
        (&["2012-05-21", "2012-05-28"], "2012-06-04"),
    ];
    for (catch_up, end) in cases {
        let schedule = Schedule::cadence(date("2012-04-30"), 7, &dates(catch_up), 3);
        assert_eq!(
            releases(&schedule, 3),
            ["2012-04-30", "2012-05-07", "2012-05-14"],
            "{catch_up:?}: the Things are not moved"
        );
        assert_eq!(schedule.end(), date(end), "{catch_up:?}");
        assert_eq!(
            schedule.catch_up_weeks().len(),
            catch_up.len(),
            "{catch_up:?}"
        );
        let last_day = date(end).add_days(-1);
        assert_eq!(
            schedule.course_day(date(end)),
            CourseDay::Ended {
                position: 2,
                ended: last_day,
            },
            "{catch_up:?}"
        );
        assert_eq!(
            schedule.course_day(last_day),
            CourseDay::Running {
                position: 2,
                released: date("2012-05-14"),
                catch_up: !catch_up.is_empty(),
            },
            "{catch_up:?}"
        );
        // The last Thing's own week is still seven days.
        check_weeks(
            &schedule,
            &[(2, Some(("2012-05-14", "2012-05-20")))],
            "after the last",
        );
    }
    let schedule = Schedule::cadence(date("2012-04-30"), 7, &[date("2012-05-23")], 3);
    check_days(
        &schedule,
        &[
            ("2012-05-20", running(2, "2012-05-14")),
            ("2012-05-21", catching_up(2, "2012-05-14")),
            ("2012-05-27", catching_up(2, "2012-05-14")),
            ("2012-05-28", ended(2, "2012-05-27")),
        ],
        "a catch-up week after the last Thing",
    );
}

#[test]
fn catch_up_dates_outside_the_course_change_nothing() {
    // Before the start, or after a gap following the end: the programme file rejects these,
    // the schedule itself leaves them out.
    let plain = weekly("2012-04-30", 3);
    for day in ["2012-04-29", "2011-01-01", "2012-05-28", "2012-06-30"] {
        let schedule = Schedule::cadence(date("2012-04-30"), 7, &[date(day)], 3);
        assert_eq!(
            releases(&schedule, 3),
            releases(&plain, 3),
            "catch-up date {day}"
        );
        assert_eq!(schedule.end(), plain.end(), "catch-up date {day}");
        assert!(schedule.catch_up_weeks().is_empty(), "catch-up date {day}");
    }
}

#[test]
fn a_catch_up_week_on_the_start_day_moves_the_first_thing() {
    // The period containing the date releases nothing: here that is the very first one.
    let schedule = Schedule::cadence(date("2012-04-30"), 7, &[date("2012-04-30")], 2);
    assert_eq!(releases(&schedule, 2), ["2012-05-07", "2012-05-14"]);
    assert_eq!(
        schedule.course_day(date("2012-04-30")),
        not_started("2012-05-07")
    );
    assert_eq!(
        schedule.course_day(date("2012-05-07")),
        running(0, "2012-05-07")
    );
}

#[test]
fn a_one_thing_programme_with_a_catch_up_week() {
    let schedule = Schedule::cadence(date("2012-01-02"), 7, &[date("2012-01-09")], 1);
    check_days(
        &schedule,
        &[
            ("2012-01-01", not_started("2012-01-02")),
            ("2012-01-02", running(0, "2012-01-02")),
            ("2012-01-08", running(0, "2012-01-02")),
            ("2012-01-09", catching_up(0, "2012-01-02")),
            ("2012-01-15", catching_up(0, "2012-01-02")),
            ("2012-01-16", ended(0, "2012-01-15")),
        ],
        "one Thing and a catch-up week",
    );
}

#[test]
fn catch_up_is_reported_only_inside_catch_up_periods() {
    // Every day from a week before the start to a week after the end: `catch_up` is true
    // exactly on the days of the two catch-up periods, and the position is always the
    // newest Thing released by that day.
    let start = date("2012-01-02");
    let catch_up = dates(&["2012-01-25", "2012-02-20"]);
    let schedule = Schedule::cadence(start, 7, &catch_up, 6);
    let expected_releases = [
        "2012-01-02",
        "2012-01-09",
        "2012-01-16",
        // 23 January: catch-up
        "2012-01-30",
        "2012-02-06",
        "2012-02-13",
        // 20 February: catch-up, straight after the last Thing
    ];
    assert_eq!(releases(&schedule, 6), expected_releases);
    let pauses = [
        (date("2012-01-23"), date("2012-01-30")),
        (date("2012-02-20"), date("2012-02-27")),
    ];
    assert_eq!(schedule.catch_up_weeks(), pauses);
    assert_eq!(schedule.end(), date("2012-02-27"));
    for offset in -7..70 {
        let today = start.add_days(offset);
        let day = schedule.course_day(today);
        let newest = expected_releases.iter().rposition(|r| date(r) <= today);
        let in_pause = pauses
            .iter()
            .any(|(from, to)| today >= *from && today < *to);
        match (newest, day) {
            (None, CourseDay::NotStarted { starts }) => assert_eq!(starts, start, "{today}"),
            (
                Some(position),
                CourseDay::Running {
                    position: p,
                    released,
                    catch_up,
                },
            ) => {
                assert!(today < date("2012-02-27"), "{today}: {day:?}");
                assert_eq!(p, position, "{today}");
                assert_eq!(released, date(expected_releases[position]), "{today}");
                assert_eq!(catch_up, in_pause, "{today}");
            }
            (Some(5), CourseDay::Ended { position, ended }) => {
                assert!(today >= date("2012-02-27"), "{today}");
                assert_eq!(position, 5);
                assert_eq!(ended, date("2012-02-26"));
            }
            (newest, day) => panic!("{today}: newest {newest:?}, got {day:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The explicit form.

#[test]
fn explicit_releases_with_irregular_gaps() {
    // 3 days, then 15, then 7.
    let schedule = Schedule::explicit(
        dates(&["2012-01-02", "2012-01-05", "2012-01-20", "2012-01-27"]),
        &[],
    );
    assert_eq!(
        releases(&schedule, 4),
        ["2012-01-02", "2012-01-05", "2012-01-20", "2012-01-27"]
    );
    assert_eq!(schedule.release_date(4), None);
    assert_eq!(schedule.end(), date("2012-02-03"));
    // A Thing's week: from its release to the day before the next one, seven days at most.
    check_weeks(
        &schedule,
        &[
            (0, Some(("2012-01-02", "2012-01-04"))),
            (1, Some(("2012-01-05", "2012-01-11"))),
            (2, Some(("2012-01-20", "2012-01-26"))),
            (3, Some(("2012-01-27", "2012-02-02"))),
            (4, None),
        ],
        "irregular",
    );
    check_days(
        &schedule,
        &[
            ("2012-01-01", not_started("2012-01-02")),
            ("2012-01-02", running(0, "2012-01-02")),
            ("2012-01-04", running(0, "2012-01-02")),
            ("2012-01-05", running(1, "2012-01-05")),
            // Between weeks, the latest Thing stays current; this is no catch-up week.
            ("2012-01-12", running(1, "2012-01-05")),
            ("2012-01-19", running(1, "2012-01-05")),
            ("2012-01-20", running(2, "2012-01-20")),
            ("2012-02-02", running(3, "2012-01-27")),
            ("2012-02-03", ended(3, "2012-02-02")),
        ],
        "irregular",
    );
}

#[test]
fn explicit_releases_on_consecutive_days() {
    let schedule = Schedule::explicit(dates(&["2012-12-30", "2012-12-31", "2013-01-01"]), &[]);
    check_weeks(
        &schedule,
        &[
            (0, Some(("2012-12-30", "2012-12-30"))),
            (1, Some(("2012-12-31", "2012-12-31"))),
            (2, Some(("2013-01-01", "2013-01-07"))),
        ],
        "consecutive days",
    );
    assert_eq!(schedule.end(), date("2013-01-08"));
}

#[test]
fn explicit_end_is_extended_by_following_catch_up_weeks() {
    let releases = dates(&["2012-01-02", "2012-01-05", "2012-01-20", "2012-01-27"]);
    // (catch-up dates, end, catch-up periods)
    type EndCase = (
        &'static [&'static str],
        &'static str,
        &'static [(&'static str, &'static str)],
    );
    let cases: &[EndCase] = &[
        (&[], "2012-02-03", &[]),
        // In the gap between Things: the end does not move.
        (
            &["2012-01-12"],
            "2012-02-03",
            &[("2012-01-12", "2012-01-19")],
        ),
        // Straight after the last Thing's week.
        (
            &["2012-02-03"],
            "2012-02-10",
            &[("2012-02-03", "2012-02-10")],
        ),
        // Two in a row, given in any order.
        (
            &["2012-02-10", "2012-02-03"],
            "2012-02-17",
            &[("2012-02-03", "2012-02-10"), ("2012-02-10", "2012-02-17")],
        ),
        // Starting inside the last Thing's week: the course lasts until it is over.
        (
            &["2012-01-31"],
            "2012-02-07",
            &[("2012-01-31", "2012-02-07")],
        ),
        // After a gap: not part of the course (the programme file rejects it).
        (
            &["2012-02-04"],
            "2012-02-03",
            &[("2012-02-04", "2012-02-11")],
        ),
    ];
    for (catch_up, end, periods) in cases {
        let schedule = Schedule::explicit(releases.clone(), &dates(catch_up));
        assert_eq!(schedule.end(), date(end), "{catch_up:?}");
        let expected: Vec<(CivilDate, CivilDate)> =
            periods.iter().map(|(a, b)| (date(a), date(b))).collect();
        assert_eq!(schedule.catch_up_weeks(), expected, "{catch_up:?}");
        assert_eq!(
            schedule.course_day(date(end)),
            ended(3, &date(end).add_days(-1).to_string()),
            "{catch_up:?}"
        );
    }
}

#[test]
fn explicit_catch_up_weeks_are_reported_on_their_days() {
    let schedule = Schedule::explicit(
        dates(&["2012-01-02", "2012-01-05", "2012-01-20", "2012-01-27"]),
        &dates(&["2012-01-12", "2012-02-03"]),
    );
    check_days(
        &schedule,
        &[
            ("2012-01-11", running(1, "2012-01-05")),
            ("2012-01-12", catching_up(1, "2012-01-05")),
            ("2012-01-18", catching_up(1, "2012-01-05")),
            ("2012-01-19", running(1, "2012-01-05")),
            ("2012-01-20", running(2, "2012-01-20")),
            ("2012-02-02", running(3, "2012-01-27")),
            ("2012-02-03", catching_up(3, "2012-01-27")),
            ("2012-02-09", catching_up(3, "2012-01-27")),
            ("2012-02-10", ended(3, "2012-02-09")),
        ],
        "explicit with catch-up weeks",
    );
}

#[test]
fn explicit_and_cadence_agree_on_a_regular_course() {
    let cadence = Schedule::cadence(date("2012-04-30"), 7, &[date("2012-06-04")], 23);
    let explicit = Schedule::explicit(
        (0..23).map(|p| cadence.release_date(p).unwrap()).collect(),
        &[date("2012-06-04")],
    );
    assert_eq!(explicit.end(), cadence.end());
    assert_eq!(explicit.catch_up_weeks(), cadence.catch_up_weeks());
    let mut today = date("2012-04-20");
    while today < date("2012-11-01") {
        assert_eq!(
            explicit.course_day(today),
            cadence.course_day(today),
            "{today}"
        );
        today = today.add_days(1);
    }
    for position in 0..24 {
        assert_eq!(
            explicit.week(position),
            cadence.week(position),
            "{position}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Which day it is where the course is: `date_at(instant in ms since 1970 UTC, offset in minutes)`.

/// Milliseconds since 1970 of some instants, worked out outside this crate.
const JUL_15_2012_23_30Z: i64 = 1_342_395_000_000;
const MAR_24_2012_23_59_59_999Z: i64 = 1_332_633_599_999;
const MAR_25_2012_00_00Z: i64 = 1_332_633_600_000;
const MAR_25_2012_01_00Z: i64 = 1_332_637_200_000;
const MAR_25_2012_22_59_59_999Z: i64 = 1_332_716_399_999;
const MAR_25_2012_23_00Z: i64 = 1_332_716_400_000;
const OCT_27_2012_22_59_59_999Z: i64 = 1_351_378_799_999;
const OCT_27_2012_23_00Z: i64 = 1_351_378_800_000;
const OCT_28_2012_01_00Z: i64 = 1_351_386_000_000;
const OCT_28_2012_23_59_59_999Z: i64 = 1_351_468_799_999;
const OCT_29_2012_00_00Z: i64 = 1_351_468_800_000;
const JUL_16_2012_09_59_59_999Z: i64 = 1_342_432_799_999;
const JUL_16_2012_10_00Z: i64 = 1_342_432_800_000;
const JUL_16_2012_11_00Z: i64 = 1_342_436_400_000;
const JAN_1_1900_00_00Z: i64 = -2_208_988_800_000;
const JUL_20_1969_20_17Z: i64 = -14_182_980_000;
const FEB_29_2012_00_00Z: i64 = 1_330_473_600_000;

const DAY: i64 = 86_400_000;
const MINUTE: i64 = 60_000;

fn check_dates(cases: &[(&str, i64, i32, &str)]) {
    for &(what, instant, offset, expected) in cases {
        assert_eq!(
            date_at(instant, offset),
            date(expected),
            "{what}: {instant} ms at {offset:+} minutes"
        );
    }
}

#[test]
fn date_at_utc_midnight_boundaries() {
    check_dates(&[
        ("the epoch", 0, 0, "1970-01-01"),
        ("the last millisecond of day 0", DAY - 1, 0, "1970-01-01"),
        ("the first of day 1", DAY, 0, "1970-01-02"),
        (
            "leap day, first millisecond",
            FEB_29_2012_00_00Z,
            0,
            "2012-02-29",
        ),
        (
            "leap day, last millisecond",
            FEB_29_2012_00_00Z + DAY - 1,
            0,
            "2012-02-29",
        ),
        (
            "after the leap day",
            FEB_29_2012_00_00Z + DAY,
            0,
            "2012-03-01",
        ),
        (
            "before the leap day",
            FEB_29_2012_00_00Z - 1,
            0,
            "2012-02-28",
        ),
        ("23:30 UTC", JUL_15_2012_23_30Z, 0, "2012-07-15"),
        (
            "00:00 UTC",
            JUL_15_2012_23_30Z + 30 * MINUTE,
            0,
            "2012-07-16",
        ),
    ]);
}

#[test]
fn midnight_in_the_course_time_zone_and_in_the_readers() {
    // 23:30 UTC on Sunday 15 July 2012 is 00:30 on Monday 16 July in London (BST, +60) and
    // 19:30 on Sunday in New York (EDT, -240).
    check_dates(&[
        ("London", JUL_15_2012_23_30Z, 60, "2012-07-16"),
        ("New York", JUL_15_2012_23_30Z, -240, "2012-07-15"),
        ("UTC", JUL_15_2012_23_30Z, 0, "2012-07-15"),
        (
            "London, a minute before midnight",
            JUL_15_2012_23_30Z - 31 * MINUTE,
            60,
            "2012-07-15",
        ),
        (
            "London, midnight",
            JUL_15_2012_23_30Z - 30 * MINUTE,
            60,
            "2012-07-16",
        ),
    ]);
    // So Thing 12, released on Monday 16 July in Europe/London, is already out for a reader in
    // New York on Sunday evening, though the reader's own date is still the 15th.
    let schedule = weekly("2012-04-30", 23);
    let in_london = date_at(JUL_15_2012_23_30Z, 60);
    let in_new_york = date_at(JUL_15_2012_23_30Z, -240);
    assert_eq!(schedule.course_day(in_london), running(11, "2012-07-16"));
    assert_eq!(schedule.course_day(in_new_york), running(10, "2012-07-09"));
}

#[test]
fn daylight_saving_changes_in_london() {
    check_dates(&[
        // Sunday 25 March 2012: GMT (0) until 01:00 UTC, then BST (+60).
        (
            "before midnight, GMT",
            MAR_24_2012_23_59_59_999Z,
            0,
            "2012-03-24",
        ),
        ("midnight, GMT", MAR_25_2012_00_00Z, 0, "2012-03-25"),
        (
            "02:00 BST, just after the change",
            MAR_25_2012_01_00Z,
            60,
            "2012-03-25",
        ),
        (
            "00:59:59 GMT, just before the change",
            MAR_25_2012_01_00Z - 1,
            0,
            "2012-03-25",
        ),
        (
            "23:59:59.999 BST",
            MAR_25_2012_22_59_59_999Z,
            60,
            "2012-03-25",
        ),
        (
            "midnight BST, the next day",
            MAR_25_2012_23_00Z,
            60,
            "2012-03-26",
        ),
        // The same instant with the winter offset would still be the 25th: the offset matters.
        (
            "the same instant read as GMT",
            MAR_25_2012_23_00Z,
            0,
            "2012-03-25",
        ),
        // Sunday 28 October 2012: BST (+60) until 01:00 UTC, then GMT (0).
        (
            "before midnight, BST",
            OCT_27_2012_22_59_59_999Z,
            60,
            "2012-10-27",
        ),
        ("midnight, BST", OCT_27_2012_23_00Z, 60, "2012-10-28"),
        (
            "read as GMT, still the 27th",
            OCT_27_2012_23_00Z,
            0,
            "2012-10-27",
        ),
        (
            "01:59:59 BST, just before the change",
            OCT_28_2012_01_00Z - 1,
            60,
            "2012-10-28",
        ),
        (
            "01:00 GMT, just after the change",
            OCT_28_2012_01_00Z,
            0,
            "2012-10-28",
        ),
        (
            "23:59:59.999 GMT",
            OCT_28_2012_23_59_59_999Z,
            0,
            "2012-10-28",
        ),
        (
            "midnight GMT, the next day",
            OCT_29_2012_00_00Z,
            0,
            "2012-10-29",
        ),
        // 23:30 UTC on the 28th: still the 28th in GMT, but BST would already say the 29th.
        (
            "23:30 GMT",
            OCT_29_2012_00_00Z - 30 * MINUTE,
            0,
            "2012-10-28",
        ),
        (
            "the same instant read as BST",
            OCT_29_2012_00_00Z - 30 * MINUTE,
            60,
            "2012-10-29",
        ),
    ]);
    // A weekly course released on the Mondays after each change, in Europe/London.
    let spring = weekly("2012-03-19", 2);
    assert_eq!(
        spring.course_day(date_at(MAR_25_2012_23_00Z, 60)),
        running(1, "2012-03-26"),
        "Monday 26 March starts at 23:00 UTC"
    );
    assert_eq!(
        spring.course_day(date_at(MAR_25_2012_22_59_59_999Z, 60)),
        running(0, "2012-03-19")
    );
    let autumn = weekly("2012-10-22", 2);
    assert_eq!(
        autumn.course_day(date_at(OCT_29_2012_00_00Z, 0)),
        running(1, "2012-10-29"),
        "Monday 29 October starts at 00:00 UTC"
    );
    assert_eq!(
        autumn.course_day(date_at(OCT_29_2012_00_00Z - 1, 0)),
        running(0, "2012-10-22")
    );
}

#[test]
fn offsets_on_either_side_of_the_date_line() {
    check_dates(&[
        // Hawaii (-600) and Kiribati (+840) are a day apart at every instant.
        (
            "Hawaii, 23:59:59.999",
            JUL_16_2012_09_59_59_999Z,
            -600,
            "2012-07-15",
        ),
        (
            "Kiribati, 23:59:59.999",
            JUL_16_2012_09_59_59_999Z,
            840,
            "2012-07-16",
        ),
        ("Hawaii, midnight", JUL_16_2012_10_00Z, -600, "2012-07-16"),
        ("Kiribati, midnight", JUL_16_2012_10_00Z, 840, "2012-07-17"),
        // Baker Island (-720) and Kiribati (+840) are 26 hours apart: two dates apart for two hours.
        (
            "Baker Island, 23:00",
            JUL_16_2012_11_00Z,
            -720,
            "2012-07-15",
        ),
        ("Kiribati, 01:00", JUL_16_2012_11_00Z, 840, "2012-07-17"),
        // Offsets that are not whole hours.
        // 18:30 UTC is midnight in India (+330).
        (
            "India, midnight",
            JUL_15_2012_23_30Z - 300 * MINUTE,
            330,
            "2012-07-16",
        ),
        (
            "India, a millisecond earlier",
            JUL_15_2012_23_30Z - 300 * MINUTE - 1,
            330,
            "2012-07-15",
        ),
        ("Newfoundland (-150)", 150 * MINUTE, -150, "1970-01-01"),
        (
            "Newfoundland, a millisecond earlier",
            150 * MINUTE - 1,
            -150,
            "1969-12-31",
        ),
    ]);
}

#[test]
fn instants_before_1970() {
    check_dates(&[
        ("a millisecond before the epoch", -1, 0, "1969-12-31"),
        ("a day before the epoch", -DAY, 0, "1969-12-31"),
        ("a day and a millisecond before", -DAY - 1, 0, "1969-12-30"),
        ("the epoch in New York", 0, -300, "1969-12-31"),
        ("05:00 UTC in New York", 300 * MINUTE, -300, "1970-01-01"),
        ("the moon landing, UTC", JUL_20_1969_20_17Z, 0, "1969-07-20"),
        (
            "the moon landing, Tokyo",
            JUL_20_1969_20_17Z,
            540,
            "1969-07-21",
        ),
        ("1900", JAN_1_1900_00_00Z, 0, "1900-01-01"),
        ("before 1900", JAN_1_1900_00_00Z - 1, 0, "1899-12-31"),
        ("1900 from the west", JAN_1_1900_00_00Z, -1, "1899-12-31"),
        ("1900 from the east", JAN_1_1900_00_00Z - 1, 1, "1900-01-01"),
    ]);
}

#[test]
fn date_at_never_panics_at_the_extremes() {
    for instant in [i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX] {
        for offset in [i32::MIN, -840, 0, 840, i32::MAX] {
            let day = date_at(instant, offset);
            // Some date comes out; its text is well formed.
            assert!(!day.to_string().is_empty());
        }
    }
}
