//! The programme model: a course's Things, their prompts and its schedule, read from JSON and validated.

use crate::core::date::CivilDate;
use crate::core::formats::{explain, Flag, List, Object, Parsed, Text, Whole};
use crate::core::json_syntax;
use crate::core::order::sort_by;
use crate::core::prompt_id::{collapse_whitespace, PromptId};
use crate::core::schedule::Schedule;
use serde::Deserialize;
use std::fmt;

/// The programme file format this release reads.
pub const PROGRAMME_FORMAT: u32 = 1;

/// A course: its Things in order and, when it has one, its release schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Programme {
    pub id: String,
    pub title: String,
    pub language: String,
    /// An IANA time zone: Things are released at midnight there (else where the reader is).
    pub time_zone: Option<String>,
    pub schedule: Option<Schedule>,
    /// Sorted by number; numbers are unique.
    pub things: Vec<Thing>,
}

/// One week's topic and the questions participants answer about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thing {
    pub number: u32,
    pub title: String,
    pub link: Option<String>,
    pub prompts: Vec<Prompt>,
}

/// One question of a Thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub id: PromptId,
    pub text: String,
    /// Shown, but not counted in "2 of 5 answered".
    pub optional: bool,
}

/// The prompts that count towards "2 of 5 answered": the required ones, or all when every one is optional.
pub fn counted_prompts(prompts: &[Prompt]) -> Vec<&PromptId> {
    let required: Vec<&PromptId> = prompts
        .iter()
        .filter(|p| !p.optional)
        .map(|p| &p.id)
        .collect();
    if required.is_empty() {
        prompts.iter().map(|p| &p.id).collect()
    } else {
        required
    }
}

/// One thing wrong with a programme file: where, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeError {
    /// A JSON path such as `things[3].prompts[1].id`; empty for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ProgrammeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every problem found in a programme file, reported together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeErrors(pub Vec<ProgrammeError>);

impl fmt::Display for ProgrammeErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// A programme file as written, before its values are checked: the format README's
/// "Programmes" section describes, field for field. Unknown fields are refused: a misspelt
/// "promts" must not quietly leave a Thing without questions.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ProgrammeFile {
    /// Lets an editor find the JSON Schema; not used here.
    #[serde(rename = "$schema")]
    pub schema: Option<Text>,
    pub format: Whole,
    pub id: Text,
    pub title: Text,
    pub language: Option<Text>,
    pub time_zone: Option<Text>,
    pub schedule: Option<Object<ScheduleFile>>,
    /// May be left out, but not be `null`.
    #[serde(default)]
    pub things: List<Object<ThingFile>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ScheduleFile {
    pub start: Option<Text>,
    pub interval_days: Option<Whole>,
    #[serde(default)]
    pub catch_up: List<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThingFile {
    pub number: Whole,
    pub title: Text,
    pub link: Option<Text>,
    pub release: Option<Text>,
    #[serde(default)]
    pub prompts: List<Object<PromptFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptFile {
    pub id: Option<Text>,
    pub text: Text,
    #[serde(default)]
    pub optional: Flag,
}

/// `things[t]`.
fn thing_path(t: usize) -> String {
    says!("things[{t}]")
}

/// `schedule.catchUp[i]`.
fn catch_up_path(i: usize) -> String {
    says!("schedule.catchUp[{i}]")
}

/// The path of `field` inside the object at `at`: `things[3].title`.
fn dotted(at: &str, field: &str) -> String {
    says!("{at}.{field}")
}

/// One error for the whole file: it is not a programme in JSON, and why.
fn not_a_programme(why: String) -> ProgrammeErrors {
    ProgrammeErrors(vec![ProgrammeError {
        path: String::new(),
        message: says!("the file is not a programme in JSON ({why})"),
    }])
}

impl Programme {
    /// Reads and validates programme text, reporting every problem found, not only the first.
    /// `parse_json` turns text into values (`JSON.parse` in the browser), `None` when it is
    /// not JSON; the syntax error is then located for the message.
    pub fn from_text<P: Parsed>(
        text: &str,
        parse_json: impl FnOnce(&str) -> Option<P>,
    ) -> Result<Self, ProgrammeErrors> {
        match parse_json(text) {
            Some(parsed) => Self::from_parsed(&parsed),
            None => Err(not_a_programme(says!(
                "{}",
                json_syntax::locate(text)
                    .map_or_else(|| "it is not JSON".to_owned(), |error| error.to_string())
            ))),
        }
    }

    /// Reads and validates a programme file on the host (tests, tools), as [`Self::from_text`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Self, ProgrammeErrors> {
        Self::from_text(text, crate::core::formats::host_json)
    }

    /// Reads and validates a programme file already parsed as JSON.
    pub fn from_parsed(parsed: &impl Parsed) -> Result<Self, ProgrammeErrors> {
        let Object(file) = parsed
            .read::<Object<ProgrammeFile>>()
            .map_err(|mismatch| not_a_programme(says!("{}", explain(&mismatch))))?;
        Self::from_file(file)
    }

    /// Checks what serde cannot: ids, numbers, dates, links and the schedule.
    pub fn from_file(file: ProgrammeFile) -> Result<Self, ProgrammeErrors> {
        let format = file.format.0;
        let id = file.id.0;
        let time_zone = file.time_zone.map(|Text(zone)| zone);
        let mut errors = Vec::new();
        let mut push =
            |path: String, message: String| errors.push(ProgrammeError { path, message });

        if format != PROGRAMME_FORMAT {
            push(
                says!("format"),
                says!("format {format} is not known to this release: write 1"),
            );
        }
        if !is_valid_programme_id(&id) {
            push(
                says!("id"),
                says!(
                    "\"{id}\" is not a usable id: use 1 to 64 lower-case letters, digits and dashes"
                ),
            );
        }
        let title = collapse_whitespace(&file.title.0);
        if title.is_empty() {
            push(says!("title"), says!("the programme needs a title"));
        }
        if let Some(zone) = &time_zone {
            if !is_time_zone_name(zone) {
                push(
                    says!("timeZone"),
                    says!("\"{zone}\" is not a time zone name: write one such as Europe/London or America/New_York"),
                );
            }
        }
        if file.things.0.is_empty() {
            push(
                says!("things"),
                says!("the programme has no Things: add at least one"),
            );
        }

        let mut things = Vec::with_capacity(file.things.0.len());
        let mut releases: Vec<(usize, u32, Option<CivilDate>)> = Vec::new();
        // A release date that was given but cannot be read is reported once, not also as missing.
        let mut unreadable_releases = 0;
        let mut release_given: Vec<bool> = Vec::new();
        // (number, index in the file) of each Thing so far: a course has a few dozen.
        let mut numbers: Vec<(u32, usize)> = Vec::new();
        for (t, Object(thing)) in file.things.0.into_iter().enumerate() {
            let at = thing_path(t);
            let number = thing.number.0;
            let link = thing.link.map(|Text(link)| link);
            let release_text = thing.release.map(|Text(release)| release);
            let release = release_text.as_deref().and_then(|text| {
                CivilDate::parse(text)
                    .map_err(|e| {
                        unreadable_releases += 1;
                        push(dotted(&at, "release"), says!("{e}"));
                    })
                    .ok()
            });
            releases.push((t, number, release));
            release_given.push(release_text.is_some());
            if number == 0 {
                push(dotted(&at, "number"), says!("Things are numbered from 1"));
            } else if let Some(&(_, first)) = numbers.iter().find(|(n, _)| *n == number) {
                push(
                    dotted(&at, "number"),
                    says!(
                        "Thing {number} appears twice (also at things[{first}]): give each Thing its own number"
                    ),
                );
            } else {
                numbers.push((number, t));
            }
            let title = collapse_whitespace(&thing.title.0);
            if title.is_empty() {
                push(dotted(&at, "title"), says!("each Thing needs a title"));
            }
            if let Some(link) = &link {
                if !is_web_link(link) {
                    push(
                        dotted(&at, "link"),
                        says!("\"{link}\" is not a web address: it must start with https:// or http://"),
                    );
                }
            }
            let mut prompts = Vec::with_capacity(thing.prompts.0.len());
            // (id, index in the file) of each prompt so far: a Thing has a handful.
            let mut ids: Vec<(PromptId, usize)> = Vec::new();
            for (p, Object(prompt)) in thing.prompts.0.into_iter().enumerate() {
                let at = says!("{at}.prompts[{p}]");
                let text = collapse_whitespace(&prompt.text.0);
                if text.is_empty() {
                    push(
                        dotted(&at, "text"),
                        says!("the question is empty: write it or remove the prompt"),
                    );
                    continue;
                }
                let named = prompt.id.map(|Text(id)| id);
                let id = match named.as_deref() {
                    Some(id) if id.trim().is_empty() => {
                        push(
                            dotted(&at, "id"),
                            says!("an id cannot be empty: remove it or name the prompt"),
                        );
                        continue;
                    }
                    Some(id) => PromptId::named(id.trim()),
                    None => PromptId::from_text(&text),
                };
                if let Some(&(_, first)) = ids.iter().find(|(known, _)| *known == id) {
                    let what = if named.is_some() { "id" } else { "text" };
                    push(
                        dotted(&at, what),
                        says!(
                            "duplicate {what} \"{id}\" (also used at things[{t}].prompts[{first}])"
                        ),
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
        Ok(Self {
            id,
            title,
            language: file.language.map_or_else(|| "en".into(), |Text(tag)| tag),
            time_zone,
            schedule,
            things: sort_by(things, |a, b| a.number < b.number),
        })
    }

    /// The Thing with this number, if the programme has it.
    pub fn thing(&self, number: u32) -> Option<&Thing> {
        self.things.iter().find(|thing| thing.number == number)
    }

    /// The highest Thing number ("Thing 12 of 23").
    pub fn last_number(&self) -> u32 {
        self.things.last().map_or(0, |thing| thing.number)
    }
}

/// Works out the schedule in either form, reporting what does not fit:
/// `releases` holds (index in the file, Thing number, release date) for every Thing.
fn read_schedule(
    file: Option<ScheduleFile>,
    releases: Vec<(usize, u32, Option<CivilDate>)>,
    explicit: usize,
    given: &[bool],
    push: &mut impl FnMut(String, String),
) -> Option<Schedule> {
    let spec = file.unwrap_or_default();
    let catch_up: Vec<(usize, CivilDate)> = spec
        .catch_up
        .0
        .iter()
        .enumerate()
        .filter_map(|(i, Text(text))| {
            CivilDate::parse(text)
                .map_err(|e| push(catch_up_path(i), says!("{e}")))
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
                push(
                    catch_up_path(*i),
                    says!("catch-up weeks need a schedule: add schedule.start and schedule.intervalDays, or a release date to every Thing"),
                );
            }
            return None;
        }
        (Some(_), _, n) | (_, Some(_), n) if n > 0 => {
            push(
                says!("schedule.start"),
                says!("use either schedule.start with schedule.intervalDays, or a release date on every Thing, not both"),
            );
            return None;
        }
        (Some(start), interval, _) => {
            let start = CivilDate::parse(start)
                .map_err(|e| push(says!("schedule.start"), says!("{e}")))
                .ok();
            let interval = match interval {
                Some(0) => {
                    push(
                        says!("schedule.intervalDays"),
                        says!("must be at least 1 (7 for a weekly course)"),
                    );
                    None
                }
                Some(days) => Some(days),
                None => {
                    push(
                        says!("schedule.intervalDays"),
                        says!("missing: say how many days apart the Things come out (7 for a weekly course)"),
                    );
                    None
                }
            };
            let (start, interval) = (start?, interval?);
            for (i, day) in &catch_up {
                if *day < start {
                    push(
                        catch_up_path(*i),
                        says!("{day} is before the course starts ({start}): remove it or fix the date"),
                    );
                }
            }
            Schedule::cadence(start, interval, &catch_up_days, releases.len())
        }
        (None, Some(_), _) => {
            push(
                says!("schedule.start"),
                says!("missing: give the date of the first Thing (YYYY-MM-DD) with schedule.intervalDays"),
            );
            return None;
        }
        (None, None, _) => {
            if explicit < releases.len() {
                for (t, _, day) in &releases {
                    if day.is_none() && given.get(*t).copied() != Some(true) {
                        push(
                            dotted(&thing_path(*t), "release"),
                            says!("missing: give every Thing a release date, or none and use schedule.start"),
                        );
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
                            dotted(&thing_path(*t), "release"),
                            says!(
                                "{day} is not after Thing {before}'s release ({earlier}): release dates must increase with the Thing number"
                            ),
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
                        catch_up_path(*i),
                        says!(
                            "the catch-up week from {from} overlaps Thing {}'s release: move one of them",
                            clash.1
                        ),
                    );
                }
                if days.first().is_some_and(|first| from < first) {
                    push(
                        catch_up_path(*i),
                        says!("{from} is before the course starts: remove it or fix the date"),
                    );
                }
            }
            schedule
        }
    };
    for (i, day) in &catch_up {
        if *day >= schedule.end() {
            push(
                catch_up_path(*i),
                says!(
                    "{day} is after the course ends ({}): a catch-up week must come between Things or straight after the last",
                    schedule.end().add_days(-1)
                ),
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

/// Programme ids name storage keys and appear in snippets, so they stay short and plain.
pub fn is_valid_programme_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_web_link(link: &str) -> bool {
    let lower = link.trim().to_ascii_lowercase();
    ["https://", "http://"].iter().any(|scheme| {
        lower
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty())
    })
}

/// The ids of the programmes that ship with the widget, each as `programmes/<id>.json`
/// beside the loader in dist/ (the loader fetches the one a placeholder names, so the
/// WebAssembly carries none of them).
pub const BUNDLED_IDS: [&str; 2] = ["cpd23-2011", "cpd23-2012"];

/// The bundled programmes' JSON text by id, for the host build (tests, tools). The
/// WebAssembly gets the one a page needs from the loader instead.
#[cfg(not(target_arch = "wasm32"))]
pub const BUNDLED: [(&str, &str); 2] = [
    (
        "cpd23-2011",
        include_str!("../../www/programmes/cpd23-2011.json"),
    ),
    (
        "cpd23-2012",
        include_str!("../../www/programmes/cpd23-2012.json"),
    ),
];

/// The JSON text of a bundled programme (host build only, see [`BUNDLED`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_source(id: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, text)| *text)
}

/// Whether `id` names a bundled programme.
pub fn is_bundled(id: &str) -> bool {
    BUNDLED_IDS.contains(&id)
}

/// The ids of the bundled programmes, for messages that list what can be used.
pub fn bundled_ids() -> impl Iterator<Item = &'static str> {
    BUNDLED_IDS.iter().copied()
}
