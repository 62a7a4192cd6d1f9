#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Calendar arithmetic of `CivilDate`, checked against an independent day-by-day walk
//! and against dates whose weekday and day number are known from outside the crate.

use thing_prompts::core::date::CivilDate;
use thing_prompts::view::i18n::Lang;

fn date(y: i32, m: u32, d: u32) -> CivilDate {
    CivilDate::new(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} should exist"))
}

fn parsed(text: &str) -> CivilDate {
    CivilDate::parse(text).unwrap_or_else(|e| panic!("{text:?} should parse: {e}"))
}

#[test]
fn parse_accepts_real_days_written_yyyy_mm_dd() {
    let cases: &[(&str, (i32, u32, u32))] = &[
        ("2012-07-16", (2012, 7, 16)),
        ("2012-02-29", (2012, 2, 29)),
        ("2000-02-29", (2000, 2, 29)),
        ("2011-06-20", (2011, 6, 20)),
        ("1970-01-01", (1970, 1, 1)),
        ("1999-12-31", (1999, 12, 31)),
        ("2012-04-30", (2012, 4, 30)),
        ("0001-01-01", (1, 1, 1)),
        ("9999-12-31", (9999, 12, 31)),
    ];
    for &(text, (y, m, d)) in cases {
        assert_eq!(CivilDate::parse(text), Ok(date(y, m, d)), "parse({text:?})");
    }
}

#[test]
fn parse_rejects_everything_else_and_quotes_the_text() {
    let cases = [
        "2011-02-29", // not a leap year
        "1900-02-29", // century, not a leap year
        "2012-02-30",
        "2012-04-31",
        "2012-13-01",
        "2012-00-10",
        "2012-07-00",
        "2012-07-32",
        "2012-7-16",
        "2012-07-6",
        "12-07-16",
        "",
        "2012-07-16x",
        " 2012-07-16",
        "2012-07-16 ",
        "2012/07/16",
        "2012-07",
        "2012-07-16-01",
        "20120716",
        "+012-07-16",
        "-012-07-16",
        "2012-+7-16",
        "2012-07-1٦", // Arabic-Indic digit six
        "yyyy-mm-dd",
        "--",
    ];
    for text in cases {
        let error = CivilDate::parse(text).expect_err(text);
        assert_eq!(error.text, text, "the error keeps the text as written");
        let message = error.to_string();
        assert!(message.contains(&format!("\"{text}\"")), "{message}");
        assert!(message.contains("YYYY-MM-DD"), "{message}");
    }
}

#[test]
fn new_checks_month_and_day_ranges() {
    let cases: &[((i32, u32, u32), bool)] = &[
        ((2012, 2, 29), true),
        ((2011, 2, 29), false),
        ((2000, 2, 29), true),
        ((1900, 2, 29), false),
        ((2012, 1, 31), true),
        ((2012, 4, 31), false),
        ((2012, 6, 30), true),
        ((2012, 9, 31), false),
        ((2012, 11, 31), false),
        ((2012, 12, 31), true),
        ((2012, 0, 1), false),
        ((2012, 13, 1), false),
        ((2012, 1, 0), false),
    ];
    for &((y, m, d), exists) in cases {
        assert_eq!(CivilDate::new(y, m, d).is_some(), exists, "{y}-{m}-{d}");
    }
}

/// Days in a month, written out independently of the crate.
fn month_length(year: i32, month: u32) -> u32 {
    let leap = year % 400 == 0 || (year % 4 == 0 && year % 100 != 0);
    [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month as usize - 1]
}

#[test]
fn day_numbers_match_a_day_by_day_walk_from_1900_to_2100() {
    // 1900-01-01 is 70 years of 365 days plus 17 leap days (1904..=1968) before 1970-01-01.
    let mut number: i64 = -(70 * 365 + 17);
    let (mut y, mut m, mut d) = (1900, 1, 1);
    let mut previous: Option<CivilDate> = None;
    let mut walked = 0;
    loop {
        let day = date(y, m, d);
        assert_eq!(day.day_number(), number, "day_number of {day}");
        assert_eq!(
            CivilDate::from_day_number(number),
            day,
            "from_day_number({number})"
        );
        assert_eq!(parsed(&day.to_string()), day, "Display then parse of {day}");
        if let Some(previous) = previous {
            assert_eq!(
                day.day_number() - previous.day_number(),
                1,
                "{previous} then {day}"
            );
            assert!(previous < day, "ordering of {previous} and {day}");
            assert_eq!(previous.add_days(1), day);
            assert_eq!(day.add_days(-1), previous);
        }
        walked += 1;
        if (y, m, d) == (2100, 12, 31) {
            break;
        }
        previous = Some(day);
        number += 1;
        d += 1;
        if d > month_length(y, m) {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    // 201 years, 49 of them leap years: 1904..=2096 (1900 and 2100 are not).
    assert_eq!(walked, 201 * 365 + 49);
}

#[test]
fn from_day_number_round_trips_far_from_1970() {
    let mut numbers = vec![
        -1_000_000_i64,
        -719_468,
        -719_469,
        -146_097,
        -1,
        0,
        1,
        146_097,
        2_932_896,
    ];
    numbers.extend((-800_000..800_000).step_by(997));
    for n in numbers {
        let day = CivilDate::from_day_number(n);
        assert_eq!(day.day_number(), n, "round trip of {n} via {day}");
        assert_eq!(day.add_days(1).day_number(), n + 1);
    }
}

#[test]
fn known_day_numbers() {
    let cases: &[(&str, i64)] = &[
        ("1970-01-01", 0),
        ("1970-01-02", 1),
        ("1969-12-31", -1),
        ("1971-01-01", 365),
        ("1972-03-01", 365 * 2 + 31 + 29),
        ("2000-01-01", 10_957),
        ("2000-03-01", 11_017),
        ("2012-07-16", 15_537),
        ("1900-01-01", -25_567),
        ("0000-03-01", -719_468),
    ];
    for &(text, number) in cases {
        let day = parsed(text);
        assert_eq!(day.day_number(), number, "day_number of {text}");
        assert_eq!(
            CivilDate::from_day_number(number),
            day,
            "from_day_number({number})"
        );
    }
}

#[test]
fn the_english_long_form_names_weekday_day_month_and_year() {
    let cases = [
        ("2012-07-16", "Monday 16 July 2012"),
        ("2012-04-30", "Monday 30 April 2012"),
        ("2012-07-22", "Sunday 22 July 2012"),
        ("2012-10-07", "Sunday 7 October 2012"),
        ("1970-01-01", "Thursday 1 January 1970"),
        ("2000-02-29", "Tuesday 29 February 2000"),
        ("2011-06-20", "Monday 20 June 2011"),
        ("2001-09-01", "Saturday 1 September 2001"),
        ("1969-12-31", "Wednesday 31 December 1969"),
        ("2024-03-15", "Friday 15 March 2024"),
        ("1900-01-01", "Monday 1 January 1900"),
        ("2026-11-26", "Thursday 26 November 2026"),
    ];
    for (text, long) in cases {
        assert_eq!(Lang::En.date(parsed(text)), long, "the long form of {text}");
    }
}

#[test]
fn the_long_form_cycles_through_the_seven_weekdays() {
    let names = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let monday = parsed("1899-12-25");
    for offset in 0..(7 * 60) {
        let long = Lang::En.date(monday.add_days(offset));
        let expected = names[(offset % 7) as usize];
        assert!(
            long.starts_with(&format!("{expected} ")),
            "{offset} days after 1899-12-25: {long}"
        );
    }
}

#[test]
fn add_days_crosses_month_year_and_leap_boundaries() {
    let cases: &[(&str, i64, &str)] = &[
        ("2012-07-16", 0, "2012-07-16"),
        ("2012-01-31", 1, "2012-02-01"),
        ("2012-02-28", 1, "2012-02-29"),
        ("2012-02-28", 2, "2012-03-01"),
        ("2012-02-29", 1, "2012-03-01"),
        ("2011-02-28", 1, "2011-03-01"),
        ("2000-02-28", 1, "2000-02-29"),
        ("1900-02-28", 1, "1900-03-01"),
        ("2100-02-28", 1, "2100-03-01"),
        ("2012-12-31", 1, "2013-01-01"),
        ("2013-01-01", -1, "2012-12-31"),
        ("2012-03-01", -1, "2012-02-29"),
        ("2011-03-01", -1, "2011-02-28"),
        ("2012-04-30", 7, "2012-05-07"),
        ("2012-04-30", 77, "2012-07-16"),
        ("2012-04-30", 154, "2012-10-01"),
        ("2012-04-30", 161, "2012-10-08"),
        ("2012-02-27", 7, "2012-03-05"),
        ("2011-02-27", 7, "2011-03-06"),
        ("2012-01-01", 366, "2013-01-01"),
        ("2011-01-01", 365, "2012-01-01"),
        ("2000-01-01", 146_097, "2400-01-01"),
        ("1970-01-01", -1, "1969-12-31"),
        ("2012-07-16", -15_537, "1970-01-01"),
    ];
    for &(from, days, to) in cases {
        assert_eq!(parsed(from).add_days(days), parsed(to), "{from} + {days}");
        assert_eq!(parsed(to).add_days(-days), parsed(from), "{to} - {days}");
    }
}

#[test]
fn display_zero_pads_to_yyyy_mm_dd() {
    let cases = [
        ((2012, 7, 6), "2012-07-06"),
        ((2012, 11, 16), "2012-11-16"),
        ((5, 3, 7), "0005-03-07"),
        ((987, 1, 1), "0987-01-01"),
        ((2012, 12, 31), "2012-12-31"),
        ((0, 1, 9), "0000-01-09"),
    ];
    for ((y, m, d), text) in cases {
        assert_eq!(date(y, m, d).to_string(), text);
        assert_eq!(parsed(text), date(y, m, d));
    }
}

#[test]
fn dates_order_chronologically() {
    let sorted = [
        "1969-12-31",
        "1970-01-01",
        "2011-12-31",
        "2012-01-01",
        "2012-02-29",
        "2012-03-01",
        "2012-10-01",
    ];
    for pair in sorted.windows(2) {
        assert!(
            parsed(pair[0]) < parsed(pair[1]),
            "{} < {}",
            pair[0],
            pair[1]
        );
        assert!(parsed(pair[0]).day_number() < parsed(pair[1]).day_number());
    }
}
