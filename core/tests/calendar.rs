#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The course calendar (.ics): folding, escaping, dates, UIDs, and the whole file's shape.

use thing_prompts_core::calendar::{
    catch_up_uid, course_calendar, escape_text, file_name, fold, ical_date, thing_uid, utc_stamp,
    CalendarWords,
};
use thing_prompts_core::date::CivilDate;
use thing_prompts_core::programme::Programme;

/// 2026-10-01T12:34:56Z.
const STAMP: u64 = 1_790_858_096_000;

fn words() -> CalendarWords {
    CalendarWords {
        thing: "Thing {thing}: {title}".into(),
        catch_up: "Catch-up week".into(),
        catch_up_description: "No new Thing; finish the earlier ones.".into(),
    }
}

/// A London course whose weekly releases cross the end of summer time (2026-10-25).
fn london() -> Programme {
    Programme::from_json(
        r#"{
          "format": 1, "id": "autumn-things", "title": "Autumn Things, Café edition",
          "language": "en-GB", "timeZone": "Europe/London",
          "schedule": {"start": "2026-10-12", "intervalDays": 7, "catchUp": ["2026-10-26"]},
          "things": [
            {"number": 1, "title": "Blogs; feeds, and you", "link": "https://example.org/things/1?a=1,b=2",
             "prompts": [{"text": "Why are you here?"}, {"text": "A back\\slash, a comma; and\na new line."}]},
            {"number": 2, "title": "Zoë’s naïve résumé — ünïcödé 日本語", "prompts": [{"text": "One."}]},
            {"number": 3, "title": "After the clocks change", "prompts": []}
          ]
        }"#,
    )
    .unwrap()
}

/// Undoes folding (a CRLF followed by a space), as a reader of the file does.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

fn property<'a>(event: &'a str, name: &str) -> Vec<&'a str> {
    event
        .split("\r\n")
        .filter_map(|line| line.strip_prefix(name))
        .collect()
}

fn events(text: &str) -> Vec<String> {
    unfold(text)
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|e| e.split("END:VEVENT").next().unwrap().to_owned())
        .collect()
}

#[test]
fn escapes_text_values() {
    assert_eq!(escape_text(r"a\b"), r"a\\b");
    assert_eq!(escape_text("one; two, three"), r"one\; two\, three");
    assert_eq!(
        escape_text("line\nnext\r\nlast\rend"),
        r"line\nnext\nlast\nend"
    );
    assert_eq!(escape_text("Zoë: fine"), "Zoë: fine");
}

#[test]
fn folds_at_75_octets_on_character_boundaries() {
    let short = "SUMMARY:short";
    assert_eq!(fold(short), "SUMMARY:short\r\n");
    let exact = "X".repeat(75);
    assert_eq!(
        fold(&exact),
        format!("{exact}\r\n"),
        "75 octets fit on one line"
    );
    let long = format!("DESCRIPTION:{}", "é日".repeat(40));
    let folded = fold(&long);
    assert!(folded.ends_with("\r\n"));
    for line in folded.trim_end_matches("\r\n").split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    // Every physical line is valid UTF-8 on its own (split on a character, not inside one).
    for piece in folded.split("\r\n ") {
        assert!(std::str::from_utf8(piece.as_bytes()).is_ok());
    }
    assert_eq!(unfold(&folded), format!("{long}\r\n"));
    // A continuation line's leading space counts towards its 75.
    let ascii = fold(&"a".repeat(200));
    let lines: Vec<&str> = ascii.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(lines[0].len(), 75);
    assert_eq!(lines[1].len(), 75);
    assert!(lines[1].starts_with(' '));
}

#[test]
fn dates_and_stamps() {
    assert_eq!(ical_date(CivilDate::new(2026, 3, 9).unwrap()), "20260309");
    assert_eq!(utc_stamp(STAMP), "20261001T123456Z");
    assert_eq!(utc_stamp(0), "19700101T000000Z");
}

#[test]
fn uids_depend_on_the_course_and_the_thing_only() {
    assert_eq!(
        thing_uid("autumn-things", 12),
        "autumn-things-thing-12@thing-prompts.invalid"
    );
    assert_eq!(
        catch_up_uid("autumn-things", 1),
        "autumn-things-catch-up-1@thing-prompts.invalid"
    );
    let first = course_calendar(&london(), &words(), STAMP).unwrap();
    let later = course_calendar(&london(), &words(), STAMP + 86_400_000).unwrap();
    let uids = |text: &str| -> Vec<String> {
        events(text)
            .iter()
            .map(|e| property(e, "UID:")[0].to_owned())
            .collect()
    };
    assert_eq!(uids(&first), uids(&later), "a new download keeps its UIDs");
    assert_ne!(first, later, "only DTSTAMP changes");
}

#[test]
fn the_whole_calendar() {
    let programme = london();
    assert_eq!(file_name(&programme), "autumn-things.ics");
    let text = course_calendar(&programme, &words(), STAMP).unwrap();
    // Every line ends with CRLF and none is longer than 75 octets.
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'));
    assert!(text.split("\r\n").all(|line| line.len() <= 75));
    let head = unfold(&text);
    for line in [
        "BEGIN:VCALENDAR\r\n",
        "VERSION:2.0\r\n",
        "PRODID:-//Thing Prompts//Course calendar//EN\r\n",
        "CALSCALE:GREGORIAN\r\n",
        "METHOD:PUBLISH\r\n",
        "X-WR-CALNAME:Autumn Things\\, Café edition\r\n",
    ] {
        assert!(head.contains(line), "missing {line:?}");
    }

    let events = events(&text);
    assert_eq!(events.len(), 4, "three Things and one catch-up week");
    let starts: Vec<&str> = events
        .iter()
        .map(|e| property(e, "DTSTART;VALUE=DATE:")[0])
        .collect();
    // The catch-up week on 26 October pushes Thing 3 on; the clocks going back on the 25th
    // moves no date.
    assert_eq!(starts, ["20261012", "20261019", "20261102", "20261026"]);
    let ends: Vec<&str> = events
        .iter()
        .map(|e| property(e, "DTEND;VALUE=DATE:")[0])
        .collect();
    assert_eq!(ends, ["20261013", "20261020", "20261103", "20261102"]);

    let first = &events[0];
    assert_eq!(
        property(first, "SUMMARY:"),
        [r"Thing 1: Blogs\; feeds\, and you"]
    );
    assert_eq!(
        property(first, "URL:"),
        ["https://example.org/things/1?a=1,b=2"]
    );
    assert_eq!(
        property(first, "DESCRIPTION:"),
        [
            r"• https://example.org/things/1?a=1\,b=2\n• Why are you here?\n• A back\\slash\, a comma\; and a new line."
        ]
    );
    assert_eq!(
        property(first, "DTSTAMP:"),
        ["20261001T123456Z"],
        "the stamp given"
    );
    assert_eq!(
        property(&events[1], "SUMMARY:"),
        ["Thing 2: Zoë’s naïve résumé — ünïcödé 日本語"]
    );
    assert!(property(&events[1], "URL:").is_empty(), "no link, no URL");
    assert!(property(&events[2], "DESCRIPTION:").is_empty());
    assert_eq!(property(&events[3], "SUMMARY:"), ["Catch-up week"]);
    assert_eq!(
        property(&events[3], "DESCRIPTION:"),
        [r"No new Thing\; finish the earlier ones."]
    );
    assert_eq!(
        property(&events[3], "UID:"),
        ["autumn-things-catch-up-1@thing-prompts.invalid"]
    );
}

#[test]
fn a_course_without_a_schedule_has_no_calendar() {
    let programme = Programme::from_json(
        r#"{"format": 1, "id": "loose", "title": "Loose", "things": [{"number": 1, "title": "One", "prompts": []}]}"#,
    )
    .unwrap();
    assert!(course_calendar(&programme, &words(), STAMP).is_none());
}

#[test]
fn explicit_release_dates_in_new_york_across_the_spring_change() {
    // US clocks go forward on 2027-03-14.
    let programme = Programme::from_json(
        r#"{"format": 1, "id": "spring", "title": "Spring", "timeZone": "America/New_York",
            "things": [
              {"number": 1, "title": "Before", "release": "2027-03-08", "prompts": []},
              {"number": 2, "title": "After", "release": "2027-03-15", "prompts": []}
            ]}"#,
    )
    .unwrap();
    let text = course_calendar(&programme, &words(), STAMP).unwrap();
    let starts: Vec<String> = events(&text)
        .iter()
        .map(|e| property(e, "DTSTART;VALUE=DATE:")[0].to_owned())
        .collect();
    assert_eq!(starts, ["20270308", "20270315"]);
}
