//! The programme model: a course's Things, their prompts and its schedule, read from JSON and validated.

use crate::date::CivilDate;
use crate::prompt_id::{collapse_whitespace, PromptId};
use crate::schedule::Schedule;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

/// The programme file format this release reads.
pub const PROGRAMME_FORMAT: u32 = 1;

/// A course: its Things in order and, when it has one, its release schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Programme {
    pub id: String,
    pub title: String,
    pub language: String,
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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProgrammeFile {
    format: u32,
    id: String,
    title: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    schedule: Option<ScheduleFile>,
    things: Vec<ThingFile>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ScheduleFile {
    start: String,
    interval_days: u32,
}

#[derive(Deserialize)]
struct ThingFile {
    number: u32,
    title: String,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    prompts: Vec<PromptFile>,
}

#[derive(Deserialize)]
struct PromptFile {
    #[serde(default)]
    id: Option<String>,
    text: String,
}

impl Programme {
    /// Reads and validates a programme file, reporting every problem found, not only the first.
    pub fn from_json(text: &str) -> Result<Self, ProgrammeErrors> {
        let file: ProgrammeFile = serde_json::from_str(text).map_err(|e| {
            ProgrammeErrors(vec![ProgrammeError {
                path: String::new(),
                message: format!("the file is not a programme in JSON ({e})"),
            }])
        })?;
        let mut errors = Vec::new();
        let mut push =
            |path: String, message: String| errors.push(ProgrammeError { path, message });

        if file.format != PROGRAMME_FORMAT {
            push(
                "format".into(),
                format!(
                    "format {} is not known to this release: write 1",
                    file.format
                ),
            );
        }
        if !is_valid_programme_id(&file.id) {
            push(
                "id".into(),
                format!(
                    "\"{}\" is not a usable id: use 1 to 64 lower-case letters, digits and dashes",
                    file.id
                ),
            );
        }
        let title = collapse_whitespace(&file.title);
        if title.is_empty() {
            push("title".into(), "the programme needs a title".into());
        }
        let schedule = match file.schedule {
            None => None,
            Some(spec) => {
                let start = CivilDate::parse(&spec.start)
                    .map_err(|e| push("schedule.start".into(), e.to_string()))
                    .ok();
                if spec.interval_days == 0 {
                    push(
                        "schedule.intervalDays".into(),
                        "must be at least 1 (7 for a weekly course)".into(),
                    );
                }
                start
                    .filter(|_| spec.interval_days > 0)
                    .map(|start| Schedule::new(start, spec.interval_days))
            }
        };
        if file.things.is_empty() {
            push(
                "things".into(),
                "the programme has no Things: add at least one".into(),
            );
        }

        let mut things = Vec::with_capacity(file.things.len());
        let mut numbers: HashMap<u32, usize> = HashMap::new();
        for (t, thing) in file.things.into_iter().enumerate() {
            let at = format!("things[{t}]");
            if thing.number == 0 {
                push(format!("{at}.number"), "Things are numbered from 1".into());
            } else if let Some(&first) = numbers.get(&thing.number) {
                push(
                    format!("{at}.number"),
                    format!(
                        "Thing {} appears twice (also at things[{first}]): give each Thing its own number",
                        thing.number
                    ),
                );
            } else {
                numbers.insert(thing.number, t);
            }
            let title = collapse_whitespace(&thing.title);
            if title.is_empty() {
                push(format!("{at}.title"), "each Thing needs a title".into());
            }
            if let Some(link) = &thing.link {
                if !is_web_link(link) {
                    push(
                        format!("{at}.link"),
                        format!("\"{link}\" is not a web address: it must start with https:// or http://"),
                    );
                }
            }
            let mut prompts = Vec::with_capacity(thing.prompts.len());
            let mut ids: HashMap<PromptId, usize> = HashMap::new();
            for (p, prompt) in thing.prompts.into_iter().enumerate() {
                let at = format!("{at}.prompts[{p}]");
                let text = collapse_whitespace(&prompt.text);
                if text.is_empty() {
                    push(
                        format!("{at}.text"),
                        "the question is empty: write it or remove the prompt".into(),
                    );
                    continue;
                }
                let id = match prompt.id.as_deref() {
                    Some(id) if id.trim().is_empty() => {
                        push(
                            format!("{at}.id"),
                            "an id cannot be empty: remove it or name the prompt".into(),
                        );
                        continue;
                    }
                    Some(id) => PromptId::named(id.trim()),
                    None => PromptId::from_text(&text),
                };
                if let Some(&first) = ids.get(&id) {
                    let what = if prompt.id.is_some() { "id" } else { "text" };
                    push(
                        format!("{at}.{what}"),
                        format!(
                            "duplicate {what} \"{id}\" (also used at things[{t}].prompts[{first}])"
                        ),
                    );
                    continue;
                }
                ids.insert(id.clone(), p);
                prompts.push(Prompt { id, text });
            }
            things.push(Thing {
                number: thing.number,
                title,
                link: thing.link.filter(|l| is_web_link(l)),
                prompts,
            });
        }
        if !errors.is_empty() {
            return Err(ProgrammeErrors(errors));
        }
        things.sort_by_key(|thing| thing.number);
        Ok(Self {
            id: file.id,
            title,
            language: file.language.unwrap_or_else(|| "en".into()),
            schedule,
            things,
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

/// The programmes that ship inside the widget, by id.
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

/// The JSON text of a bundled programme.
pub fn bundled_source(id: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, text)| *text)
}

/// The ids of the bundled programmes, for messages that list what can be used.
pub fn bundled_ids() -> impl Iterator<Item = &'static str> {
    BUNDLED.iter().map(|(id, _)| *id)
}
