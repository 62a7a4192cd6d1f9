//! The embed contract: what a placeholder on a page asks for (`RawEmbed`), and what the widget
//! then shows (`WidgetModel`), as data: numbers, dates and kinds of notice. The view puts
//! them into words in the widget's language.

mod error;
mod raw;
mod resolve;
mod settings;

pub use error::{EmbedError, Unavailable};
pub use raw::{RawEmbed, Supplied, SupplyError};
pub use resolve::{resolve_at, Clock, ProgrammeLookup};
pub use settings::{Setting, Settings, Theme, View, Warning};

use crate::date::CivilDate;
use crate::programme::{Programme, Prompt};
use std::rc::Rc;

/// Which Thing a placeholder shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThingChoice {
    /// This week's Thing, from the programme's schedule.
    Current,
    Number(u32),
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

/// The line above a widget's title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heading {
    /// A Thing of a course: "Thing 12 of 23 · 23 Things for Professional Development (2012)".
    Thing {
        number: u32,
        /// The course's highest Thing number.
        last: u32,
        course: String,
    },
    /// The course overview: "All 23 Things".
    Overview { things: usize },
}

/// A widget's title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Title {
    /// As it stands: a Thing's title from its programme, a course's, or the placeholder's heading.
    Text(String),
    /// An inline list of a course's Thing, without a heading of its own: "Thing 12: …".
    Numbered { number: u32, name: String },
    /// An inline list with neither heading nor Thing: the label "Questions".
    Questions,
}

impl Default for Title {
    fn default() -> Self {
        Self::Text(String::new())
    }
}

/// A sentence about where the course stands, or about the Thing shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Before the course: it starts on this date.
    Starts(CivilDate),
    /// A catch-up week: no new Thing.
    CatchUp,
    /// This week's Thing after the end: the course finished on this date, and this is its last Thing.
    Finished(CivilDate),
    /// The overview after the end: the course finished on this date.
    CourseOver(CivilDate),
    /// The Thing shown has no questions yet.
    NoQuestions(u32),
}

/// How the widget is to speak: the placeholder's language and the page's (tags as written),
/// and the organiser's rewordings (`data-label-<key>`). The view picks the language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wording {
    pub lang: Option<String>,
    pub page_lang: Option<String>,
    pub labels: Vec<(String, String)>,
}

/// What one widget shows and where its ticks are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WidgetModel {
    /// The storage key of the programme (or of inline lists without one).
    pub storage_key: String,
    /// The Thing's key inside that programme's progress: its number, or empty.
    pub thing_key: String,
    /// The line above the title, when the widget knows the course.
    pub heading: Option<Heading>,
    pub title: Title,
    /// The organiser's post about this Thing, when the programme names one.
    pub link: Option<String>,
    pub prompts: Vec<Prompt>,
    /// Where the course stands, when that is worth saying.
    pub notice: Option<Notice>,
    pub wording: Wording,
    pub theme: Theme,
    /// What the placeholder asked for that the widget could not use, for the console.
    pub warnings: Vec<Warning>,
    pub view: View,
    /// The whole programme, when there is one: for the overview and the header.
    pub programme: Option<Rc<Programme>>,
    /// The position (in number order) of this week's Thing: none before the start or after the end.
    pub current: Option<usize>,
    /// The position of the newest Thing released by now, if any has been.
    pub released: Option<usize>,
    /// The shown Thing's week, first and last day, when the programme has a schedule.
    pub week: Option<(CivilDate, CivilDate)>,
    /// The course is over: the checklist offers the overview.
    pub ended: bool,
    /// Each question gets a box for the reader's private notes (`data-notes="on"`).
    pub notes: bool,
}

impl WidgetModel {
    /// The programme's id as the page's events name it (the key its ticks are kept under,
    /// without the prefix); empty for inline lists that name none.
    pub fn programme_id(&self) -> &str {
        self.storage_key
            .strip_prefix(crate::progress::STORAGE_PREFIX)
            .filter(|id| !id.starts_with('~'))
            .unwrap_or("")
    }
}
