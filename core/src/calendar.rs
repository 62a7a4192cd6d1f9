//! A course as an iCalendar file (RFC 5545): one all-day event per Thing on its release day,
//! and one per catch-up week, for a reader's calendar or for an organiser to host.
//!
//! The dates are the schedule's: a release day is already a date in the course's time zone.
//! All-day events (`VALUE=DATE`) carry no time and no time zone, so a daylight-saving change
//! between two releases cannot move one to the evening before.

use crate::date::CivilDate;
use crate::programme::{Programme, Thing};

/// The end of every `UID`: a name of ours, so that a course's events never clash with anyone
/// else's, and the same course imported again replaces its events instead of adding copies.
pub const UID_DOMAIN: &str = "thing-prompts.invalid";

/// The words the file carries that are not the programme's: the view gives them in the
/// course's language.
pub struct CalendarWords {
    /// A Thing's event title, with `{thing}` for its number and `{title}` for its title.
    pub thing: String,
    /// A catch-up week's event title.
    pub catch_up: String,
    /// What a catch-up week is for, in its event's description.
    pub catch_up_description: String,
}

impl CalendarWords {
    /// The event title of Thing `number`.
    fn thing_summary(&self, number: u32, title: &str) -> String {
        self.thing
            .replace("{thing}", &number.to_string())
            .replace("{title}", title)
    }
}

/// The calendar's file name: `<programme-id>.ics`.
pub fn file_name(programme: &Programme) -> String {
    format!("{}.ics", programme.id)
}

/// The stable `UID` of a Thing's event.
pub fn thing_uid(programme_id: &str, number: u32) -> String {
    format!("{programme_id}-thing-{number}@{UID_DOMAIN}")
}

/// The stable `UID` of the `index`th catch-up week (1 for the first).
pub fn catch_up_uid(programme_id: &str, index: usize) -> String {
    format!("{programme_id}-catch-up-{index}@{UID_DOMAIN}")
}

/// The whole calendar of `programme`, stamped `stamp_ms` (milliseconds since 1970, UTC: when
/// the file was made); `None` when the programme has no schedule, so no release days.
pub fn course_calendar(
    programme: &Programme,
    words: &CalendarWords,
    stamp_ms: u64,
) -> Option<String> {
    let schedule = programme.schedule.as_ref()?;
    let stamp = utc_stamp(stamp_ms);
    let mut out = Writer::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//Thing Prompts//Course calendar//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.text("X-WR-CALNAME", &programme.title);
    for (position, thing) in programme.things.iter().enumerate() {
        let Some(day) = schedule.release_date(position) else {
            continue;
        };
        let event = Event {
            uid: thing_uid(&programme.id, thing.number),
            from: day,
            to: day.add_days(1),
            summary: words.thing_summary(thing.number, &thing.title),
            description: description(thing),
            url: thing.link.as_deref(),
        };
        out.event(&event, &stamp);
    }
    for (index, (from, to)) in schedule.catch_up_weeks().iter().enumerate() {
        let event = Event {
            uid: catch_up_uid(&programme.id, index + 1),
            from: *from,
            to: *to,
            summary: words.catch_up.clone(),
            description: words.catch_up_description.clone(),
            url: None,
        };
        out.event(&event, &stamp);
    }
    out.line("END:VCALENDAR");
    Some(out.text)
}

/// The organiser's link, then each question on its own line.
fn description(thing: &Thing) -> String {
    let mut lines: Vec<&str> = Vec::with_capacity(thing.prompts.len() + 1);
    if let Some(link) = &thing.link {
        lines.push(link);
    }
    lines.extend(thing.prompts.iter().map(|prompt| prompt.text.as_str()));
    lines
        .iter()
        .map(|line| format!("• {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One all-day event, from its first day up to (not including) `to`.
struct Event<'a> {
    uid: String,
    from: CivilDate,
    to: CivilDate,
    summary: String,
    description: String,
    url: Option<&'a str>,
}

/// Content lines, folded and ended with CRLF as RFC 5545 asks.
#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    fn event(&mut self, event: &Event<'_>, stamp: &str) {
        self.line("BEGIN:VEVENT");
        self.line(&format!("UID:{}", event.uid));
        self.line(&format!("DTSTAMP:{stamp}"));
        self.line(&format!("DTSTART;VALUE=DATE:{}", ical_date(event.from)));
        self.line(&format!("DTEND;VALUE=DATE:{}", ical_date(event.to)));
        self.text("SUMMARY", &event.summary);
        if !event.description.is_empty() {
            self.text("DESCRIPTION", &event.description);
        }
        if let Some(url) = event.url {
            // A URI value is not TEXT: it takes no backslash escapes.
            self.line(&format!("URL:{url}"));
        }
        self.line("TRANSP:TRANSPARENT");
        self.line("END:VEVENT");
    }

    /// A property whose value is TEXT, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    fn line(&mut self, line: &str) {
        self.text.push_str(&fold(line));
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11).
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF is one line break; a lone CR is one too.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// One content line, folded so no physical line is longer than 75 octets (a continuation
/// starts with a space, which counts), never inside a UTF-8 character, each ended by CRLF.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

/// A DATE value: `YYYYMMDD`.
pub fn ical_date(day: CivilDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month0() + 1, day.day())
}

/// A UTC DATE-TIME value (`YYYYMMDDTHHMMSSZ`) from milliseconds since 1970.
pub fn utc_stamp(ms: u64) -> String {
    let seconds = i64::try_from(ms / 1000).unwrap_or(i64::MAX);
    let day = CivilDate::from_day_number(seconds.div_euclid(86_400));
    let of_day = seconds.rem_euclid(86_400);
    format!(
        "{}T{:02}{:02}{:02}Z",
        ical_date(day),
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}
