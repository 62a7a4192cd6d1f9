//! The rules serde cannot express: ids unique, Things numbered, dates read and in order,
//! links on the web, the schedule in one of its two forms and catch-up weeks that fit.

use super::errors::{Place, Problem, ProgrammeError, ProgrammeErrors};
use super::file::{ProgrammeFile, ScheduleFile};
use super::schedule::Schedule;
use super::{is_valid_programme_id, Programme, Prompt, Thing, PROGRAMME_FORMAT};
use crate::date::CivilDate;
use crate::formats::{Object, Text, Whole};
use crate::order::sort_by;
use crate::prompt_id::{collapse_whitespace, PromptId};

/// Checks what serde cannot: ids, numbers, dates, links and the schedule; builds the
/// programme when all is well, and reports every problem at once when not.
pub fn validate(file: ProgrammeFile) -> Result<Programme, ProgrammeErrors> {
    let format = file.format.0;
    let id = file.id.0;
    let time_zone = file.time_zone.map(|Text(zone)| zone);
    let mut errors = Vec::new();
    let mut push = |place: Place, problem: Problem| errors.push(ProgrammeError { place, problem });

    if format != PROGRAMME_FORMAT {
        push(Place::Field("format"), Problem::UnknownFormat(format));
    }
    if !is_valid_programme_id(&id) {
        push(Place::Field("id"), Problem::BadId(id.clone()));
    }
    let title = collapse_whitespace(&file.title.0);
    if title.is_empty() {
        push(Place::Field("title"), Problem::NoTitle);
    }
    if let Some(zone) = &time_zone {
        if !is_time_zone_name(zone) {
            push(
                Place::Field("timeZone"),
                Problem::NotATimeZone(zone.clone()),
            );
        }
    }
    if file.things.0.is_empty() {
        push(Place::Field("things"), Problem::NoThings);
    }

    let mut things = Vec::with_capacity(file.things.0.len());
    let mut releases: Vec<(usize, u32, Option<CivilDate>)> = Vec::new();
    // A release date that was given but cannot be read is reported once, not also as missing.
    let mut unreadable_releases = 0;
    let mut release_given: Vec<bool> = Vec::new();
    // (number, index in the file) of each Thing so far: a course has a few dozen.
    let mut numbers: Vec<(u32, usize)> = Vec::new();
    for (t, Object(thing)) in file.things.0.into_iter().enumerate() {
        let number = thing.number.0;
        let link = thing.link.map(|Text(link)| link);
        let release_text = thing.release.map(|Text(release)| release);
        let release = release_text.as_deref().and_then(|text| {
            CivilDate::parse(text)
                .map_err(|e| {
                    unreadable_releases += 1;
                    push(Place::Thing(t, "release"), Problem::BadDate(e));
                })
                .ok()
        });
        releases.push((t, number, release));
        release_given.push(release_text.is_some());
        if number == 0 {
            push(Place::Thing(t, "number"), Problem::NumberedFromOne);
        } else if let Some(&(_, first)) = numbers.iter().find(|(n, _)| *n == number) {
            push(
                Place::Thing(t, "number"),
                Problem::NumberTwice { number, first },
            );
        } else {
            numbers.push((number, t));
        }
        let title = collapse_whitespace(&thing.title.0);
        if title.is_empty() {
            push(Place::Thing(t, "title"), Problem::NoThingTitle);
        }
        if let Some(link) = &link {
            if !is_web_link(link) {
                push(
                    Place::Thing(t, "link"),
                    Problem::NotAWebAddress(link.clone()),
                );
            }
        }
        let mut prompts = Vec::with_capacity(thing.prompts.0.len());
        // (id, index in the file) of each prompt so far: a Thing has a handful.
        let mut ids: Vec<(PromptId, usize)> = Vec::new();
        for (p, Object(prompt)) in thing.prompts.0.into_iter().enumerate() {
            let text = collapse_whitespace(&prompt.text.0);
            if text.is_empty() {
                push(Place::Prompt(t, p, "text"), Problem::EmptyQuestion);
                continue;
            }
            let named = prompt.id.map(|Text(id)| id);
            let id = match named.as_deref() {
                Some(id) if id.trim().is_empty() => {
                    push(Place::Prompt(t, p, "id"), Problem::EmptyId);
                    continue;
                }
                Some(id) => PromptId::named(id.trim()),
                None => PromptId::from_text(&text),
            };
            if let Some(&(_, first)) = ids.iter().find(|(known, _)| *known == id) {
                let what = if named.is_some() { "id" } else { "text" };
                push(
                    Place::Prompt(t, p, what),
                    Problem::Duplicate {
                        what,
                        id: id.to_string(),
                        thing: t,
                        first,
                    },
                );
                continue;
            }
            ids.push((id.clone(), p));
            prompts.push(Prompt {
                id,
                text,
                optional: prompt.optional.0,
            });
        }
        things.push(Thing {
            number,
            title,
            link: link.filter(|l| is_web_link(l)),
            prompts,
        });
    }
    let explicit =
        releases.iter().filter(|(_, _, day)| day.is_some()).count() + unreadable_releases;
    let schedule = read_schedule(
        file.schedule.map(|Object(schedule)| schedule),
        releases,
        explicit,
        &release_given,
        &mut push,
    );
    if !errors.is_empty() {
        return Err(ProgrammeErrors(errors));
    }
    Ok(Programme {
        id,
        title,
        language: file.language.map_or_else(|| "en".into(), |Text(tag)| tag),
        time_zone,
        schedule,
        things: sort_by(things, |a, b| a.number < b.number),
    })
}

/// Works out the schedule in either form, reporting what does not fit:
/// `releases` holds (index in the file, Thing number, release date) for every Thing.
fn read_schedule(
    file: Option<ScheduleFile>,
    releases: Vec<(usize, u32, Option<CivilDate>)>,
    explicit: usize,
    given: &[bool],
    push: &mut impl FnMut(Place, Problem),
) -> Option<Schedule> {
    let spec = file.unwrap_or_default();
    let catch_up: Vec<(usize, CivilDate)> = spec
        .catch_up
        .0
        .iter()
        .enumerate()
        .filter_map(|(i, Text(text))| {
            CivilDate::parse(text)
                .map_err(|e| push(Place::CatchUp(i), Problem::BadDate(e)))
                .ok()
                .map(|day| (i, day))
        })
        .collect();
    let catch_up_days: Vec<CivilDate> = catch_up.iter().map(|(_, day)| *day).collect();
    let releases = sort_by(releases, |a, b| a.1 < b.1);
    let start = spec.start.map(|Text(start)| start);
    let interval_days = spec.interval_days.map(|Whole(days)| days);
    let schedule = match (&start, interval_days, explicit) {
        (None, None, 0) => {
            if let Some((i, _)) = catch_up.first() {
                push(Place::CatchUp(*i), Problem::CatchUpNeedsSchedule);
            }
            return None;
        }
        (Some(_), _, n) | (_, Some(_), n) if n > 0 => {
            push(Place::Field("schedule.start"), Problem::BothScheduleForms);
            return None;
        }
        (Some(start), interval, _) => {
            let start = CivilDate::parse(start)
                .map_err(|e| push(Place::Field("schedule.start"), Problem::BadDate(e)))
                .ok();
            let interval = match interval {
                Some(0) => {
                    push(Place::Field("schedule.intervalDays"), Problem::IntervalZero);
                    None
                }
                Some(days) => Some(days),
                None => {
                    push(
                        Place::Field("schedule.intervalDays"),
                        Problem::IntervalMissing,
                    );
                    None
                }
            };
            let (start, interval) = (start?, interval?);
            for (i, day) in &catch_up {
                if *day < start {
                    push(
                        Place::CatchUp(*i),
                        Problem::CatchUpBeforeStart { day: *day, start },
                    );
                }
            }
            Schedule::cadence(start, interval, &catch_up_days, releases.len())
        }
        (None, Some(_), _) => {
            push(Place::Field("schedule.start"), Problem::StartMissing);
            return None;
        }
        (None, None, _) => {
            if explicit < releases.len() {
                for (t, _, day) in &releases {
                    if day.is_none() && given.get(*t).copied() != Some(true) {
                        push(Place::Thing(*t, "release"), Problem::ReleaseMissing);
                    }
                }
                return None;
            }
            let mut previous: Option<(u32, CivilDate)> = None;
            let mut in_order = true;
            for (t, number, day) in &releases {
                let Some(day) = *day else { continue };
                if let Some((before, earlier)) = previous {
                    if day <= earlier {
                        in_order = false;
                        push(
                            Place::Thing(*t, "release"),
                            Problem::ReleaseNotAfter {
                                day,
                                before,
                                earlier,
                            },
                        );
                    }
                }
                previous = Some((*number, day));
            }
            if !in_order {
                return None;
            }
            let days: Vec<CivilDate> = releases.iter().filter_map(|(_, _, day)| *day).collect();
            let schedule = Schedule::explicit(days.clone(), &catch_up_days);
            for (i, from) in &catch_up {
                let to = from.add_days(7);
                if let Some(clash) = releases
                    .iter()
                    .find(|(_, _, day)| day.is_some_and(|d| d >= *from && d < to))
                {
                    push(
                        Place::CatchUp(*i),
                        Problem::CatchUpOverlaps {
                            from: *from,
                            thing: clash.1,
                        },
                    );
                }
                if days.first().is_some_and(|first| from < first) {
                    push(Place::CatchUp(*i), Problem::CatchUpBeforeCourse(*from));
                }
            }
            schedule
        }
    };
    for (i, day) in &catch_up {
        if *day >= schedule.end() {
            push(
                Place::CatchUp(*i),
                Problem::CatchUpAfterEnd {
                    day: *day,
                    last: schedule.end().add_days(-1),
                },
            );
        }
    }
    Some(schedule)
}

/// An IANA name such as `Europe/London`, `America/Argentina/Buenos_Aires` or `UTC`;
/// whether the browser knows it is checked when the widget runs.
fn is_time_zone_name(zone: &str) -> bool {
    !zone.is_empty()
        && zone.len() <= 64
        && zone
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'+'))
        && zone.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
}

fn is_web_link(link: &str) -> bool {
    let lower = link.trim().to_ascii_lowercase();
    ["https://", "http://"].iter().any(|scheme| {
        lower
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty())
    })
}
