//! The embed contract: what a placeholder on a page asks for, and what the widget then shows.

use crate::core::date::CivilDate;
use crate::core::formats::Parsed;
use crate::core::programme::{
    bundled_ids, is_valid_programme_id, Programme, ProgrammeErrors, Prompt, Thing,
};
use crate::core::progress::storage_key;
use crate::core::prompt_id::{collapse_whitespace, PromptId};
use crate::core::schedule::CourseDay;
use crate::view::i18n::{Arg, Label, Labels, Lang};
use std::fmt;
use std::rc::Rc;

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
    /// `data-view`, if present.
    pub view: Option<String>,
    /// `data-notes`, if present.
    pub notes: Option<String>,
    /// A programme the page supplied as text (a JSON block, or a file the loader fetched).
    pub supplied: Option<Supplied>,
}

/// A programme the page gave as text: where it came from (`#block-id` or a URL), and the
/// programme read from it, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supplied {
    pub origin: String,
    pub programme: Result<Rc<Programme>, SupplyError>,
}

/// Why a programme the page gave cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SupplyError {
    /// Its text could not be had; the message says why and what to do.
    Unavailable(String),
    /// Its text is not a usable programme.
    Broken(ProgrammeErrors),
}

impl Supplied {
    /// Reads the programme from `text` (or keeps why there is no text); `parse_json` turns
    /// text into values (`JSON.parse` in the browser).
    pub fn read<P: Parsed>(
        origin: String,
        text: Result<String, String>,
        parse_json: impl FnOnce(&str) -> Option<P>,
    ) -> Self {
        let programme = match text {
            Ok(text) => Programme::from_text(&text, parse_json)
                .map(Rc::new)
                .map_err(SupplyError::Broken),
            Err(why) => Err(SupplyError::Unavailable(why)),
        };
        Self { origin, programme }
    }

    /// [`Self::read`] on the host (tests, tools).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_text(origin: &str, text: Result<&str, &str>) -> Self {
        Self::read(
            origin.to_owned(),
            text.map(str::to_owned).map_err(str::to_owned),
            crate::core::formats::host_json,
        )
    }
}

/// What a widget shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// One Thing's questions.
    #[default]
    Checklist,
    /// Every Thing of the programme with the reader's progress on each.
    Overview,
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
    /// The page's programme could not be had; the message says why and what to do.
    Unavailable(String),
    /// An overview needs a programme, not only an inline list.
    OverviewNeedsProgramme,
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
                write!(f, "There is no programme \"{id}\": use one of ")?;
                for (i, known) in bundled_ids().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(known)?;
                }
                f.write_str(", or put the questions in a list inside this element.")
            }
            Self::BadProgrammeId(id) => write!(
                f,
                "data-programme=\"{id}\" cannot name a course: use up to 64 lower-case letters, digits and dashes, such as cpd23-2012."
            ),
            Self::Unavailable(message) => {
                let message = message.trim_end_matches('.');
                let mut chars = message.chars();
                match chars.next() {
                    // An attribute name keeps its case: data-programme-src="…".
                    Some(_) if message.starts_with("data-") => write!(f, "{message}."),
                    Some(first) => write!(f, "{}{}.", first.to_uppercase(), chars.as_str()),
                    None => f.write_str("The programme could not be loaded."),
                }
            }
            Self::OverviewNeedsProgramme => f.write_str(
                "An overview shows a whole programme: add data-programme (or data-programme-src) to this element.",
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
    pub view: View,
    /// The whole programme, when there is one: for the overview and the header.
    pub programme: Option<Rc<Programme>>,
    /// The position (in number order) of this week's Thing: none before the start or after the end.
    pub current: Option<usize>,
    /// The position of the newest Thing released by now, if any has been.
    pub released: Option<usize>,
    /// The shown Thing's week, written out: "16 – 22 July 2012".
    pub week: Option<String>,
    /// The course is over: the checklist offers the overview.
    pub ended: bool,
    /// Each question gets a box for the reader's private notes (`data-notes="on"`).
    pub notes: bool,
}

/// Reads the language, the label overrides and the theme; what cannot be used is reported, not fatal.
fn presentation(raw: &RawEmbed) -> (Labels, Theme, Vec<String>) {
    let mut warnings = Vec::new();
    let chosen = raw.lang.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let lang = match chosen {
        Some(tag) => Lang::from_tag(tag).unwrap_or_else(|| {
            warnings.push(says!(
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
            Some(_) if text.trim().is_empty() => warnings.push(says!(
                "data-label-{key} is empty: write the text to show, or remove the attribute."
            )),
            Some(label) => labels.override_label(label, text),
            None => warnings.push(says!(
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
                warnings.push(says!(
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

/// Today's date in a time zone (an IANA name), or where the reader is for `None`.
/// `Err` carries the reader's own date when the zone is not known.
pub type Clock<'a> = &'a dyn Fn(Option<&str>) -> Result<CivilDate, CivilDate>;

/// The bundled programmes, parsed on demand (host build: see `programme::BUNDLED`).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_programme(id: &str) -> Option<Result<Programme, ProgrammeErrors>> {
    crate::core::programme::bundled_source(id).map(Programme::from_json)
}

/// Works out what a placeholder shows when it is `today` everywhere.
pub fn resolve(
    raw: &RawEmbed,
    today: CivilDate,
    lookup: ProgrammeLookup<'_>,
) -> Result<WidgetModel, EmbedError> {
    resolve_at(raw, &|_| Ok(today), lookup)
}

/// Works out what a placeholder shows, with today's date where the course is.
pub fn resolve_at(
    raw: &RawEmbed,
    clock: Clock<'_>,
    lookup: ProgrammeLookup<'_>,
) -> Result<WidgetModel, EmbedError> {
    let choice = ThingChoice::parse(raw.thing.as_deref())?;
    let (labels, theme, mut warnings) = presentation(raw);
    let view = match raw.view.as_deref().map(|v| v.trim().to_ascii_lowercase()) {
        None => View::Checklist,
        Some(value) => match value.as_str() {
            "" | "checklist" => View::Checklist,
            "overview" => View::Overview,
            _ => {
                warnings.push(says!(
                    "data-view=\"{value}\" is not a view: use checklist or overview. Showing the checklist."
                ));
                View::Checklist
            }
        },
    };
    let notes = match raw.notes.as_deref().map(|v| v.trim().to_ascii_lowercase()) {
        None => false,
        Some(value) => match value.as_str() {
            "on" => true,
            "" | "off" => false,
            _ => {
                warnings.push(says!(
                    "data-notes=\"{value}\" is not a setting: use on (a notes box under each question) or off. Notes are off."
                ));
                false
            }
        },
    };
    let programme = programme_of(raw, lookup)?;
    let mut today = |programme: &Programme| match clock(programme.time_zone.as_deref()) {
        Ok(day) => day,
        Err(day) => {
            if let Some(zone) = &programme.time_zone {
                warnings.push(says!(
                    "The time zone \"{zone}\" of \"{}\" is not known to this browser: using the reader's own.",
                    programme.id
                ));
            }
            day
        }
    };
    let mut model = match (&raw.list, view, programme) {
        (_, View::Overview, Some(programme)) => {
            let day = today(&programme);
            overview(programme, day, &labels)
        }
        (_, View::Overview, None) => {
            return Err(match scope_name(raw) {
                Some(id) => EmbedError::UnknownProgramme(id),
                None => EmbedError::OverviewNeedsProgramme,
            })
        }
        (Some(items), View::Checklist, programme) => {
            let scope = programme
                .as_ref()
                .map(|p| p.id.clone())
                .or_else(|| scope_name(raw));
            if let Some(id) = scope.as_deref().filter(|id| !is_valid_programme_id(id)) {
                return Err(EmbedError::BadProgrammeId(id.to_owned()));
            }
            resolve_inline(
                raw.heading.as_deref(),
                items,
                scope.as_deref(),
                programme,
                choice,
                &labels,
            )?
        }
        (None, View::Checklist, Some(programme)) => {
            let day = today(&programme);
            resolve_programme(programme, choice, day, &labels)?
        }
        (None, View::Checklist, None) => {
            return Err(match scope_name(raw) {
                Some(id) => EmbedError::UnknownProgramme(id),
                None => EmbedError::NoQuestions,
            })
        }
    };
    model.labels = labels;
    model.theme = theme;
    model.view = view;
    model.warnings = warnings;
    model.notes = notes;
    Ok(model)
}

/// `data-programme` as a plain name (not a `#block` reference), lower-cased.
fn scope_name(raw: &RawEmbed) -> Option<String> {
    raw.programme
        .as_deref()
        .map(|id| id.trim().to_ascii_lowercase())
        .filter(|id| !id.is_empty() && !id.starts_with('#'))
}

/// The programme the placeholder names: supplied by the page as text, or bundled.
/// An inline list may name a course that is not bundled: then there is no programme, only a scope.
fn programme_of(
    raw: &RawEmbed,
    lookup: ProgrammeLookup<'_>,
) -> Result<Option<Rc<Programme>>, EmbedError> {
    if let Some(supplied) = &raw.supplied {
        return match &supplied.programme {
            Ok(programme) => Ok(Some(programme.clone())),
            Err(SupplyError::Unavailable(why)) => Err(EmbedError::Unavailable(why.clone())),
            Err(SupplyError::Broken(errors)) => Err(EmbedError::BrokenProgramme(
                supplied.origin.clone(),
                errors.clone(),
            )),
        };
    }
    let Some(id) = scope_name(raw) else {
        return Ok(None);
    };
    match lookup(&id) {
        Some(Ok(programme)) => Ok(Some(Rc::new(programme))),
        Some(Err(errors)) => Err(EmbedError::BrokenProgramme(id, errors)),
        None => Ok(None),
    }
}

/// Where the course stands, and the notice that goes with it.
struct Standing {
    /// The Thing shown for `current`, by position.
    position: Option<usize>,
    /// The newest Thing released by now, by position.
    released: Option<usize>,
    notice: Option<String>,
    ended: bool,
}

fn standing(programme: &Programme, today: CivilDate, labels: &Labels) -> Option<Standing> {
    let schedule = programme.schedule.as_ref()?;
    Some(match schedule.course_day(today) {
        CourseDay::NotStarted { starts } => Standing {
            position: None,
            released: None,
            notice: Some(
                labels.format(Label::Starts, &[("date", Arg::Text(&labels.date(starts)))]),
            ),
            ended: false,
        },
        CourseDay::Running {
            position, catch_up, ..
        } => Standing {
            position: Some(position),
            released: Some(position),
            notice: catch_up.then(|| labels.text(Label::CatchUp)),
            ended: false,
        },
        CourseDay::Ended { position, ended } => Standing {
            position: Some(position),
            released: Some(position),
            notice: Some(
                labels.format(Label::Finished, &[("date", Arg::Text(&labels.date(ended)))]),
            ),
            ended: true,
        },
    })
}

/// The last day of the course, when it has a schedule.
fn schedule_end(programme: &Programme) -> Option<CivilDate> {
    programme.schedule.as_ref().map(|s| s.end().add_days(-1))
}

fn number_arg(number: u32) -> Arg<'static> {
    Arg::Number(usize::try_from(number).unwrap_or(usize::MAX))
}

fn kicker(programme: &Programme, thing: &Thing, labels: &Labels) -> String {
    let position = labels.format(
        Label::ThingOf,
        &[
            ("thing", number_arg(thing.number)),
            ("total", number_arg(programme.last_number())),
        ],
    );
    format!("{position} · {}", programme.title)
}

/// "16 – 22 July 2012" for the Thing at `position`, when the programme has a schedule.
fn week(programme: &Programme, position: usize, labels: &Labels) -> Option<String> {
    let (from, to) = programme.schedule.as_ref()?.week(position)?;
    Some(labels.format(
        Label::Week,
        &[
            ("from", Arg::Text(&labels.short_date(from))),
            ("to", Arg::Text(&labels.short_date(to))),
        ],
    ))
}

fn resolve_programme(
    programme: Rc<Programme>,
    choice: ThingChoice,
    today: CivilDate,
    labels: &Labels,
) -> Result<WidgetModel, EmbedError> {
    let standing = standing(&programme, today, labels);
    let position = match choice {
        ThingChoice::Number(number) => {
            let Some(position) = programme.things.iter().position(|t| t.number == number) else {
                return Err(EmbedError::UnknownThing {
                    programme: programme.id.clone(),
                    number,
                    first: programme.things.first().map_or(1, |t| t.number),
                    last: programme.last_number(),
                });
            };
            Some(position)
        }
        ThingChoice::Current => match &standing {
            None => return Err(EmbedError::NoSchedule(programme.id.clone())),
            Some(standing) => standing.position,
        },
    };
    let released = standing.as_ref().and_then(|s| s.released);
    let current = standing
        .as_ref()
        .filter(|s| !s.ended)
        .and_then(|s| s.released);
    // A pinned Thing is not "this week's": the course's state is only told where it matters.
    let (notice, ended) = match (choice, standing) {
        (ThingChoice::Current, Some(s)) => (s.notice, s.ended),
        _ => (None, false),
    };
    let base = WidgetModel {
        storage_key: storage_key(&programme.id),
        current,
        released,
        ended,
        ..WidgetModel::default()
    };
    let Some(thing) = position.and_then(|p| programme.things.get(p)) else {
        return Ok(WidgetModel {
            title: programme.title.clone(),
            notice,
            programme: Some(programme),
            ..base
        });
    };
    let notice = notice.or_else(|| {
        thing
            .prompts
            .is_empty()
            .then(|| labels.format(Label::NoQuestions, &[("thing", number_arg(thing.number))]))
    });
    Ok(WidgetModel {
        thing_key: thing.number.to_string(),
        kicker: Some(kicker(&programme, thing, labels)),
        title: thing.title.clone(),
        link: thing.link.clone(),
        prompts: thing.prompts.clone(),
        week: position.and_then(|p| week(&programme, p, labels)),
        notice,
        programme: Some(programme.clone()),
        ..base
    })
}

fn overview(programme: Rc<Programme>, today: CivilDate, labels: &Labels) -> WidgetModel {
    let standing = standing(&programme, today, labels);
    WidgetModel {
        storage_key: storage_key(&programme.id),
        kicker: Some(labels.format(
            Label::Overview,
            &[("total", Arg::Number(programme.things.len()))],
        )),
        title: programme.title.clone(),
        current: standing
            .as_ref()
            .filter(|s| !s.ended)
            .and_then(|s| s.released),
        released: standing.as_ref().and_then(|s| s.released),
        // Over a list of every Thing, "this is its last Thing" would not fit: only say it is over.
        notice: standing.and_then(|s| match schedule_end(&programme) {
            Some(ended) if s.ended => Some(labels.format(
                Label::CourseOver,
                &[("date", Arg::Text(&labels.date(ended)))],
            )),
            _ => s.notice,
        }),
        programme: Some(programme),
        ..WidgetModel::default()
    }
}

fn resolve_inline(
    heading: Option<&str>,
    items: &[String],
    scope: Option<&str>,
    programme: Option<Rc<Programme>>,
    choice: ThingChoice,
    labels: &Labels,
) -> Result<WidgetModel, EmbedError> {
    let mut prompts: Vec<Prompt> = Vec::with_capacity(items.len());
    for item in items {
        let text = collapse_whitespace(item);
        let id = PromptId::from_text(&text);
        // The same question twice would share one tick; show it once.
        if !text.is_empty() && prompts.iter().all(|p| p.id != id) {
            prompts.push(Prompt {
                id,
                text,
                optional: false,
            });
        }
    }
    if prompts.is_empty() {
        return Err(EmbedError::EmptyList);
    }
    // In inline mode the programme only names where ticks are kept; a known one also gives the header.
    // The list is fixed in the post, so "current" pins nothing: its ticks must not move week by week.
    let (thing, thing_key) = match choice {
        ThingChoice::Number(number) => (
            programme.as_ref().and_then(|p| p.thing(number)).cloned(),
            number.to_string(),
        ),
        ThingChoice::Current => (None, String::new()),
    };
    let heading = heading.map(collapse_whitespace).filter(|h| !h.is_empty());
    let title = heading
        .or_else(|| {
            thing
                .as_ref()
                .map(|t| format!("Thing {}: {}", t.number, t.title))
        })
        .unwrap_or_else(|| labels.text(Label::Questions));
    let week = programme.as_ref().zip(thing.as_ref()).and_then(|(p, t)| {
        let position = p.things.iter().position(|other| other.number == t.number)?;
        week(p, position, labels)
    });
    Ok(WidgetModel {
        storage_key: storage_key(scope.unwrap_or("")),
        thing_key,
        week,
        kicker: programme
            .as_ref()
            .zip(thing.as_ref())
            .map(|(p, t)| kicker(p, t, labels)),
        title,
        link: thing.as_ref().and_then(|t| t.link.clone()),
        prompts,
        programme,
        ..WidgetModel::default()
    })
}
