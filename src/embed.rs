//! The embed contract: what a placeholder on a page asks for, and what the widget then shows.

use crate::date::CivilDate;
use crate::i18n::{Arg, Label, Labels, Lang};
use crate::programme::{
    bundled_ids, is_valid_programme_id, Programme, ProgrammeErrors, Prompt, Thing,
};
use crate::progress::storage_key;
use crate::prompt_id::{collapse_whitespace, PromptId};
use crate::schedule::CourseDay;
use std::fmt;

/// What the page says about one placeholder, read as plain text by the browser edge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawEmbed {
    /// `data-programme`, if present.
    pub programme: Option<String>,
    /// `data-thing`, if present.
    pub thing: Option<String>,
    /// The text of the placeholder's own heading line (the first paragraph or heading outside its list).
    pub heading: Option<String>,
    /// The text of each `<li>` when the placeholder holds a list: the prompts in inline mode.
    pub list: Option<Vec<String>>,
    /// `data-lang`, if present.
    pub lang: Option<String>,
    /// The `lang` of the nearest element around the placeholder that has one (the post or page).
    pub page_lang: Option<String>,
    /// `data-theme`, if present.
    pub theme: Option<String>,
    /// Every `data-label-<key>` attribute, as (key, text).
    pub labels: Vec<(String, String)>,
}

/// The colours a widget uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the page: light or dark from its background, else the reader's preference.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value for the widget's `data-theme`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// Which Thing a placeholder shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThingChoice {
    /// This week's Thing, from the programme's schedule.
    Current,
    Number(u32),
}

/// A bad placeholder or programme, with a message telling the page author what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedError {
    BadThing(String),
    EmptyList,
    NoQuestions,
    UnknownProgramme(String),
    BadProgrammeId(String),
    BrokenProgramme(String, ProgrammeErrors),
    UnknownThing {
        programme: String,
        number: u32,
        first: u32,
        last: u32,
    },
    NoSchedule(String),
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadThing(value) => write!(
                f,
                "data-thing=\"{value}\" is not a Thing number: write a number such as 12, or \"current\" for this week's Thing."
            ),
            Self::EmptyList => f.write_str(
                "The question list is empty: put each question in its own <li> inside the list.",
            ),
            Self::NoQuestions => f.write_str(
                "No questions to show: add data-programme=\"cpd23-2012\" (or another programme), or put the questions in a list inside this element.",
            ),
            Self::UnknownProgramme(id) => {
                let known = bundled_ids().collect::<Vec<_>>().join(", ");
                write!(
                    f,
                    "There is no programme \"{id}\": use one of {known}, or put the questions in a list inside this element."
                )
            }
            Self::BadProgrammeId(id) => write!(
                f,
                "data-programme=\"{id}\" cannot name a course: use up to 64 lower-case letters, digits and dashes, such as cpd23-2012."
            ),
            Self::BrokenProgramme(id, errors) => {
                write!(f, "The programme \"{id}\" cannot be used: {errors}.")
            }
            Self::UnknownThing {
                programme,
                number,
                first,
                last,
            } => write!(
                f,
                "\"{programme}\" has no Thing {number}: set data-thing to a number from {first} to {last}, or to \"current\"."
            ),
            Self::NoSchedule(id) => write!(
                f,
                "\"{id}\" has no schedule, so this week's Thing is unknown: set data-thing to a Thing number."
            ),
        }
    }
}

/// What one widget shows and where its ticks are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WidgetModel {
    /// The storage key of the programme (or of inline lists without one).
    pub storage_key: String,
    /// The Thing's key inside that programme's progress: its number, or empty.
    pub thing_key: String,
    /// A short line above the title, such as "Thing 12 of 23 · 23 Things for Professional Development (2012)".
    pub kicker: Option<String>,
    pub title: String,
    /// The organiser's post about this Thing, when the programme names one.
    pub link: Option<String>,
    pub prompts: Vec<Prompt>,
    /// A sentence about the course's state (not started, ended, no questions yet).
    pub notice: Option<String>,
    /// The interface strings, in the widget's language with the organiser's overrides.
    pub labels: Labels,
    pub theme: Theme,
    /// Problems that do not stop the widget (an unknown language or label), for the console.
    pub warnings: Vec<String>,
}

/// Reads the language, the label overrides and the theme; what cannot be used is reported, not fatal.
fn presentation(raw: &RawEmbed) -> (Labels, Theme, Vec<String>) {
    let mut warnings = Vec::new();
    let chosen = raw.lang.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let lang = match chosen {
        Some(tag) => Lang::from_tag(tag).unwrap_or_else(|| {
            warnings.push(format!(
                "data-lang=\"{tag}\" is not a language the widget speaks: use en, fr, de or es. Showing English."
            ));
            Lang::En
        }),
        None => raw.page_lang.as_deref().and_then(Lang::from_tag).unwrap_or_default(),
    };
    let mut labels = Labels::new(lang);
    for (key, text) in &raw.labels {
        match Label::from_key(key) {
            // An empty override would leave a blank button or title: keep the built-in text.
            Some(_) if text.trim().is_empty() => warnings.push(format!(
                "data-label-{key} is empty: write the text to show, or remove the attribute."
            )),
            Some(label) => labels.override_label(label, text),
            None => warnings.push(format!(
                "data-label-{key} is not a label the widget uses: see the README for the list."
            )),
        }
    }
    let theme = match raw.theme.as_deref().map(|t| t.trim().to_ascii_lowercase()) {
        None => Theme::Auto,
        Some(value) => match value.as_str() {
            "" | "auto" => Theme::Auto,
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => {
                warnings.push(format!(
                    "data-theme=\"{value}\" is not a theme: use auto, light or dark. Using auto."
                ));
                Theme::Auto
            }
        },
    };
    (labels, theme, warnings)
}

impl ThingChoice {
    /// Reads `data-thing`: a number, `current`, or nothing (also current).
    pub fn parse(value: Option<&str>) -> Result<Self, EmbedError> {
        let Some(raw) = value else {
            return Ok(Self::Current);
        };
        let value = raw.trim();
        if value.is_empty() || value.eq_ignore_ascii_case("current") {
            return Ok(Self::Current);
        }
        match value.parse::<u32>() {
            Ok(number) if number > 0 && value.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(Self::Number(number))
            }
            _ => Err(EmbedError::BadThing(raw.to_owned())),
        }
    }
}

/// Looks a programme up by id; `None` when no programme has that id.
pub type ProgrammeLookup<'a> = &'a dyn Fn(&str) -> Option<Result<Programme, ProgrammeErrors>>;

/// The bundled programmes, parsed on demand.
pub fn bundled_programme(id: &str) -> Option<Result<Programme, ProgrammeErrors>> {
    crate::programme::bundled_source(id).map(Programme::from_json)
}

/// Works out what a placeholder shows on `today` (the reader's local date).
pub fn resolve(
    raw: &RawEmbed,
    today: CivilDate,
    lookup: ProgrammeLookup<'_>,
) -> Result<WidgetModel, EmbedError> {
    let choice = ThingChoice::parse(raw.thing.as_deref())?;
    let programme_id = raw
        .programme
        .as_deref()
        .map(|id| id.trim().to_ascii_lowercase())
        .filter(|id| !id.is_empty());
    let programme_id = programme_id.as_deref();
    let (labels, theme, warnings) = presentation(raw);
    let mut model = match &raw.list {
        Some(items) => {
            if let Some(id) = programme_id.filter(|id| !is_valid_programme_id(id)) {
                return Err(EmbedError::BadProgrammeId(id.to_owned()));
            }
            resolve_inline(
                raw.heading.as_deref(),
                items,
                programme_id,
                choice,
                lookup,
                &labels,
            )?
        }
        None => {
            let id = programme_id.ok_or(EmbedError::NoQuestions)?;
            let programme = lookup(id)
                .ok_or_else(|| EmbedError::UnknownProgramme(id.to_owned()))?
                .map_err(|errors| EmbedError::BrokenProgramme(id.to_owned(), errors))?;
            resolve_bundled(&programme, choice, today, &labels)?
        }
    };
    model.labels = labels;
    model.theme = theme;
    model.warnings = warnings;
    Ok(model)
}

/// The Thing a choice names in a programme, with a notice when the course is not running.
fn pick_thing<'p>(
    programme: &'p Programme,
    choice: ThingChoice,
    today: CivilDate,
    labels: &Labels,
) -> Result<(Option<&'p Thing>, Option<String>), EmbedError> {
    match choice {
        ThingChoice::Number(number) => match programme.thing(number) {
            Some(thing) => Ok((Some(thing), None)),
            None => Err(EmbedError::UnknownThing {
                programme: programme.id.clone(),
                number,
                first: programme.things.first().map_or(1, |t| t.number),
                last: programme.last_number(),
            }),
        },
        ThingChoice::Current => {
            let schedule = programme
                .schedule
                .ok_or_else(|| EmbedError::NoSchedule(programme.id.clone()))?;
            Ok(match schedule.course_day(programme.things.len(), today) {
                CourseDay::NotStarted { starts } => (
                    None,
                    Some(
                        labels.format(Label::Starts, &[("date", Arg::Text(&labels.date(starts)))]),
                    ),
                ),
                CourseDay::Running { position, .. } => (programme.things.get(position), None),
                CourseDay::Ended { position, ended } => (
                    programme.things.get(position),
                    Some(
                        labels.format(Label::Finished, &[("date", Arg::Text(&labels.date(ended)))]),
                    ),
                ),
            })
        }
    }
}

fn thing_number(thing: &Thing) -> usize {
    usize::try_from(thing.number).unwrap_or(usize::MAX)
}

fn kicker(programme: &Programme, thing: &Thing, labels: &Labels) -> String {
    let position = labels.format(
        Label::ThingOf,
        &[
            ("thing", Arg::Number(thing_number(thing))),
            (
                "total",
                Arg::Number(usize::try_from(programme.last_number()).unwrap_or(usize::MAX)),
            ),
        ],
    );
    format!("{position} · {}", programme.title)
}

fn resolve_bundled(
    programme: &Programme,
    choice: ThingChoice,
    today: CivilDate,
    labels: &Labels,
) -> Result<WidgetModel, EmbedError> {
    let (thing, notice) = pick_thing(programme, choice, today, labels)?;
    let storage_key = storage_key(&programme.id);
    let Some(thing) = thing else {
        return Ok(WidgetModel {
            storage_key,
            thing_key: String::new(),
            kicker: None,
            title: programme.title.clone(),
            link: None,
            prompts: Vec::new(),
            notice,
            ..WidgetModel::default()
        });
    };
    let notice = notice.or_else(|| {
        thing.prompts.is_empty().then(|| {
            labels.format(
                Label::NoQuestions,
                &[("thing", Arg::Number(thing_number(thing)))],
            )
        })
    });
    Ok(WidgetModel {
        storage_key,
        thing_key: thing.number.to_string(),
        kicker: Some(kicker(programme, thing, labels)),
        title: thing.title.clone(),
        link: thing.link.clone(),
        prompts: thing.prompts.clone(),
        notice,
        ..WidgetModel::default()
    })
}

fn resolve_inline(
    heading: Option<&str>,
    items: &[String],
    programme_id: Option<&str>,
    choice: ThingChoice,
    lookup: ProgrammeLookup<'_>,
    labels: &Labels,
) -> Result<WidgetModel, EmbedError> {
    let mut prompts: Vec<Prompt> = Vec::with_capacity(items.len());
    for item in items {
        let text = collapse_whitespace(item);
        let id = PromptId::from_text(&text);
        // The same question twice would share one tick; show it once.
        if !text.is_empty() && prompts.iter().all(|p| p.id != id) {
            prompts.push(Prompt { id, text });
        }
    }
    if prompts.is_empty() {
        return Err(EmbedError::EmptyList);
    }
    // In inline mode the programme only names where ticks are kept; a known one also gives the header.
    // The list is fixed in the post, so "current" pins nothing: its ticks must not move week by week.
    let programme = programme_id.and_then(lookup).and_then(Result::ok);
    let (thing, thing_key) = match choice {
        ThingChoice::Number(number) => (
            programme.as_ref().and_then(|p| p.thing(number)),
            number.to_string(),
        ),
        ThingChoice::Current => (None, String::new()),
    };
    let heading = heading.map(collapse_whitespace).filter(|h| !h.is_empty());
    let title = heading
        .or_else(|| thing.map(|t| format!("Thing {}: {}", t.number, t.title)))
        .unwrap_or_else(|| labels.text(Label::Questions));
    Ok(WidgetModel {
        storage_key: storage_key(programme_id.unwrap_or("")),
        thing_key,
        kicker: programme
            .as_ref()
            .zip(thing)
            .map(|(p, t)| kicker(p, t, labels)),
        title,
        link: thing.and_then(|t| t.link.clone()),
        prompts,
        ..WidgetModel::default()
    })
}
