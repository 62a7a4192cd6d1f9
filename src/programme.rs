//! The programme model: a course's Things, their prompts and its schedule, read from JSON and validated.

use crate::date::CivilDate;
use crate::json::{self, Value};
use crate::order::sort_by;
use crate::prompt_id::{collapse_whitespace, PromptId};
use crate::schedule::Schedule;
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

/// A programme file as written, before its values are checked.
struct ProgrammeFile {
    format: u32,
    id: String,
    title: String,
    language: Option<String>,
    time_zone: Option<String>,
    schedule: Option<ScheduleFile>,
    things: Vec<ThingFile>,
}

struct ScheduleFile {
    start: Option<String>,
    interval_days: Option<u32>,
    catch_up: Vec<String>,
}

struct ThingFile {
    number: u32,
    title: String,
    link: Option<String>,
    release: Option<String>,
    prompts: Vec<PromptFile>,
}

struct PromptFile {
    id: Option<String>,
    text: String,
    optional: bool,
}

/// The first thing in the JSON that does not fit the format, as a path and what is wrong.
type Shape<T> = Result<T, String>;

/// What a value is, for "must be …, not …" messages.
fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Int(n) => n.to_string(),
        Value::Number(text) => text.clone(),
        Value::String(_) => "text in quotes".into(),
        Value::Array(_) => "a list [ … ]".into(),
        Value::Object(_) => "an object { … }".into(),
    }
}

fn text_at(value: &Value, path: &str) -> Shape<String> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => Err(says!(
            "{path} must be text in double quotes, not {}",
            found(other)
        )),
    }
}

fn whole_at(value: &Value, path: &str) -> Shape<u32> {
    match value {
        Value::Int(n) => u32::try_from(*n).map_err(|_| says!("{path} is too large: {n}")),
        other => Err(says!("{path} must be a whole number, not {}", found(other))),
    }
}

/// The path of `field` inside the object at `at`: `things[3].title`.
/// (Paths are built by these few functions rather than `says!` at each of their many uses.)
fn dotted(at: &str, field: &str) -> String {
    if cfg!(not(feature = "extras")) {
        return String::new();
    }
    let mut path = String::with_capacity(at.len() + 1 + field.len());
    path.push_str(at);
    path.push('.');
    path.push_str(field);
    path
}

/// `things[t]`.
fn thing_path(t: usize) -> String {
    says!("things[{t}]")
}

/// `schedule.catchUp[i]`.
fn catch_up_path(i: usize) -> String {
    says!("schedule.catchUp[{i}]")
}

/// One JSON object of the file, whose fields are read by name.
struct Fields<'a> {
    /// Its path (`things[3]`), empty for the whole file.
    at: String,
    fields: &'a [(String, Value)],
}

impl<'a> Fields<'a> {
    /// Unknown fields are refused: a misspelt "promts" must not quietly leave a Thing without questions.
    fn new(value: &'a Value, at: String, known: &[&str]) -> Shape<Self> {
        let Value::Object(fields) = value else {
            let what = if at.is_empty() { "the file" } else { &at };
            return Err(says!(
                "{what} must be an object {{ … }}, not {}",
                found(value)
            ));
        };
        if let Some((key, _)) = fields
            .iter()
            .find(|(key, _)| !known.contains(&key.as_str()))
        {
            let mut message = if at.is_empty() {
                String::new()
            } else {
                says!("{at}: ")
            };
            message.push_str(&says!(
                "unknown field \"{key}\": the fields allowed here are "
            ));
            for (i, name) in known.iter().enumerate() {
                if i > 0 {
                    message.push_str(if i + 1 == known.len() { " and " } else { ", " });
                }
                message.push_str(&says!("\"{name}\""));
            }
            return Err(message);
        }
        Ok(Self { at, fields })
    }

    fn path(&self, key: &str) -> String {
        if cfg!(not(feature = "extras")) {
            // Paths are only ever part of a message (see `says!`).
            return String::new();
        }
        if self.at.is_empty() {
            key.to_owned()
        } else {
            dotted(&self.at, key)
        }
    }

    /// The field, when it is given (`null` included).
    fn given(&self, key: &str) -> Option<&'a Value> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn required(&self, key: &str) -> Shape<&'a Value> {
        self.given(key)
            .ok_or_else(|| says!("{} is missing", self.path(key)))
    }

    fn text(&self, key: &str) -> Shape<String> {
        text_at(self.required(key)?, &self.path(key))
    }

    fn whole(&self, key: &str) -> Shape<u32> {
        whole_at(self.required(key)?, &self.path(key))
    }

    /// A field that may be left out or be `null`.
    fn optional(&self, key: &str) -> Option<&'a Value> {
        self.given(key).filter(|v| !matches!(v, Value::Null))
    }

    fn optional_text(&self, key: &str) -> Shape<Option<String>> {
        self.optional(key)
            .map(|v| text_at(v, &self.path(key)))
            .transpose()
    }

    /// A list that may be left out (but not be `null`), each item read by `read` with its path.
    fn list<T>(&self, key: &str, read: impl Fn(&'a Value, String) -> Shape<T>) -> Shape<Vec<T>> {
        match self.given(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => {
                let mut read_items = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    read_items.push(read(item, says!("{}[{i}]", self.path(key)))?);
                }
                Ok(read_items)
            }
            Some(other) => Err(says!(
                "{} must be a list [ … ], not {}",
                self.path(key),
                found(other)
            )),
        }
    }
}

impl ProgrammeFile {
    fn read(value: &Value) -> Shape<Self> {
        let file = Fields::new(
            value,
            String::new(),
            &[
                "$schema", "format", "id", "title", "language", "timeZone", "schedule", "things",
            ],
        )?;
        // Lets an editor find the JSON Schema; not used here.
        file.optional_text("$schema")?;
        Ok(Self {
            format: file.whole("format")?,
            id: file.text("id")?,
            title: file.text("title")?,
            language: file.optional_text("language")?,
            time_zone: file.optional_text("timeZone")?,
            schedule: file
                .optional("schedule")
                .map(ScheduleFile::read)
                .transpose()?,
            things: file.list("things", ThingFile::read)?,
        })
    }
}

impl ScheduleFile {
    fn read(value: &Value) -> Shape<Self> {
        let schedule = Fields::new(
            value,
            says!("schedule"),
            &["start", "intervalDays", "catchUp"],
        )?;
        Ok(Self {
            start: schedule.optional_text("start")?,
            interval_days: schedule
                .optional("intervalDays")
                .map(|v| whole_at(v, "schedule.intervalDays"))
                .transpose()?,
            catch_up: schedule.list("catchUp", |v, at| text_at(v, &at))?,
        })
    }
}

impl ThingFile {
    fn read(value: &Value, at: String) -> Shape<Self> {
        let thing = Fields::new(
            value,
            at,
            &["number", "title", "link", "release", "prompts"],
        )?;
        Ok(Self {
            number: thing.whole("number")?,
            title: thing.text("title")?,
            link: thing.optional_text("link")?,
            release: thing.optional_text("release")?,
            prompts: thing.list("prompts", PromptFile::read)?,
        })
    }
}

impl PromptFile {
    fn read(value: &Value, at: String) -> Shape<Self> {
        let prompt = Fields::new(value, at, &["id", "text", "optional"])?;
        let optional = match prompt.given("optional") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                return Err(says!(
                    "{} must be true or false, not {}",
                    prompt.path("optional"),
                    found(other)
                ))
            }
        };
        Ok(Self {
            id: prompt.optional_text("id")?,
            text: prompt.text("text")?,
            optional,
        })
    }
}

impl Programme {
    /// Reads and validates a programme file, reporting every problem found, not only the first.
    pub fn from_json(text: &str) -> Result<Self, ProgrammeErrors> {
        let file = json::parse(text)
            .map_err(|e| says!("{e}"))
            .and_then(|value| ProgrammeFile::read(&value))
            .map_err(|why| {
                ProgrammeErrors(vec![ProgrammeError {
                    path: String::new(),
                    message: says!("the file is not a programme in JSON ({why})"),
                }])
            })?;
        let mut errors = Vec::new();
        let mut push =
            |path: String, message: String| errors.push(ProgrammeError { path, message });

        if file.format != PROGRAMME_FORMAT {
            push(
                says!("format"),
                says!(
                    "format {} is not known to this release: write 1",
                    file.format
                ),
            );
        }
        if !is_valid_programme_id(&file.id) {
            push(
                says!("id"),
                says!(
                    "\"{}\" is not a usable id: use 1 to 64 lower-case letters, digits and dashes",
                    file.id
                ),
            );
        }
        let title = collapse_whitespace(&file.title);
        if title.is_empty() {
            push(says!("title"), says!("the programme needs a title"));
        }
        if let Some(zone) = &file.time_zone {
            if !is_time_zone_name(zone) {
                push(
                    says!("timeZone"),
                    says!("\"{zone}\" is not a time zone name: write one such as Europe/London or America/New_York"),
                );
            }
        }
        if file.things.is_empty() {
            push(
                says!("things"),
                says!("the programme has no Things: add at least one"),
            );
        }

        let mut things = Vec::with_capacity(file.things.len());
        let mut releases: Vec<(usize, u32, Option<CivilDate>)> = Vec::new();
        // A release date that was given but cannot be read is reported once, not also as missing.
        let mut unreadable_releases = 0;
        let mut release_given: Vec<bool> = Vec::new();
        // (number, index in the file) of each Thing so far: a course has a few dozen.
        let mut numbers: Vec<(u32, usize)> = Vec::new();
        for (t, thing) in file.things.into_iter().enumerate() {
            let at = thing_path(t);
            let release = thing.release.as_deref().and_then(|text| {
                CivilDate::parse(text)
                    .map_err(|e| {
                        unreadable_releases += 1;
                        push(dotted(&at, "release"), says!("{e}"));
                    })
                    .ok()
            });
            releases.push((t, thing.number, release));
            release_given.push(thing.release.is_some());
            if thing.number == 0 {
                push(dotted(&at, "number"), says!("Things are numbered from 1"));
            } else if let Some(&(_, first)) = numbers.iter().find(|(n, _)| *n == thing.number) {
                push(
                    dotted(&at, "number"),
                    says!(
                        "Thing {} appears twice (also at things[{first}]): give each Thing its own number",
                        thing.number
                    ),
                );
            } else {
                numbers.push((thing.number, t));
            }
            let title = collapse_whitespace(&thing.title);
            if title.is_empty() {
                push(dotted(&at, "title"), says!("each Thing needs a title"));
            }
            if let Some(link) = &thing.link {
                if !is_web_link(link) {
                    push(
                        dotted(&at, "link"),
                        says!("\"{link}\" is not a web address: it must start with https:// or http://"),
                    );
                }
            }
            let mut prompts = Vec::with_capacity(thing.prompts.len());
            // (id, index in the file) of each prompt so far: a Thing has a handful.
            let mut ids: Vec<(PromptId, usize)> = Vec::new();
            for (p, prompt) in thing.prompts.into_iter().enumerate() {
                let at = says!("{at}.prompts[{p}]");
                let text = collapse_whitespace(&prompt.text);
                if text.is_empty() {
                    push(
                        dotted(&at, "text"),
                        says!("the question is empty: write it or remove the prompt"),
                    );
                    continue;
                }
                let id = match prompt.id.as_deref() {
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
                    let what = if prompt.id.is_some() { "id" } else { "text" };
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
                    optional: prompt.optional,
                });
            }
            things.push(Thing {
                number: thing.number,
                title,
                link: thing.link.filter(|l| is_web_link(l)),
                prompts,
            });
        }
        let explicit =
            releases.iter().filter(|(_, _, day)| day.is_some()).count() + unreadable_releases;
        let schedule = read_schedule(file.schedule, releases, explicit, &release_given, &mut push);
        if !errors.is_empty() {
            return Err(ProgrammeErrors(errors));
        }
        Ok(Self {
            id: file.id,
            title,
            language: file.language.unwrap_or_else(|| "en".into()),
            time_zone: file.time_zone,
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
    let spec = file.unwrap_or(ScheduleFile {
        start: None,
        interval_days: None,
        catch_up: Vec::new(),
    });
    let catch_up: Vec<(usize, CivilDate)> = spec
        .catch_up
        .iter()
        .enumerate()
        .filter_map(|(i, text)| {
            CivilDate::parse(text)
                .map_err(|e| push(catch_up_path(i), says!("{e}")))
                .ok()
                .map(|day| (i, day))
        })
        .collect();
    let catch_up_days: Vec<CivilDate> = catch_up.iter().map(|(_, day)| *day).collect();
    let releases = sort_by(releases, |a, b| a.1 < b.1);
    let schedule = match (&spec.start, spec.interval_days, explicit) {
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
        include_str!("../www/programmes/cpd23-2011.json"),
    ),
    (
        "cpd23-2012",
        include_str!("../www/programmes/cpd23-2012.json"),
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
