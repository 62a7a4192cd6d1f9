//! What can be wrong with a programme file: where (a typed place, written as a JSON path
//! such as `things[3].prompts[1].id`) and what, each with the words that tell the page's
//! author what to do. Only the full module shows them; the lite module only needs to know
//! that there is a problem, and so never formats one.

use crate::date::{CivilDate, DateError};
use crate::formats::{explain, Mismatch};
use crate::json_syntax;
use std::fmt;
use std::rc::Rc;

/// Where in a programme file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The whole file.
    File,
    /// A field of the file or of its schedule: `format`, `schedule.start`.
    Field(&'static str),
    /// `schedule.catchUp[i]`.
    CatchUp(usize),
    /// A field of `things[t]`.
    Thing(usize, &'static str),
    /// A field of `things[t].prompts[p]`.
    Prompt(usize, usize, &'static str),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File => Ok(()),
            Self::Field(field) => f.write_str(field),
            Self::CatchUp(i) => write!(f, "schedule.catchUp[{i}]"),
            Self::Thing(t, field) => write!(f, "things[{t}].{field}"),
            Self::Prompt(t, p, field) => write!(f, "things[{t}].prompts[{p}].{field}"),
        }
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The text is not JSON (kept, so that the place of the mistake is found only when shown).
    NotJson(Rc<str>),
    /// The JSON does not have the programme's shape.
    NotAProgramme(Mismatch),
    UnknownFormat(u32),
    BadId(String),
    NoTitle,
    NotATimeZone(String),
    NoThings,
    BadDate(DateError),
    NumberedFromOne,
    NumberTwice {
        number: u32,
        first: usize,
    },
    NoThingTitle,
    NotAWebAddress(String),
    EmptyQuestion,
    EmptyId,
    /// The same id (`"id"`) or question (`"text"`) twice in one Thing.
    Duplicate {
        what: &'static str,
        id: String,
        thing: usize,
        first: usize,
    },
    CatchUpNeedsSchedule,
    BothScheduleForms,
    IntervalZero,
    IntervalMissing,
    StartMissing,
    ReleaseMissing,
    CatchUpBeforeStart {
        day: CivilDate,
        start: CivilDate,
    },
    ReleaseNotAfter {
        day: CivilDate,
        before: u32,
        earlier: CivilDate,
    },
    CatchUpOverlaps {
        from: CivilDate,
        thing: u32,
    },
    CatchUpBeforeCourse(CivilDate),
    CatchUpAfterEnd {
        day: CivilDate,
        last: CivilDate,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson(text) => {
                let why = json_syntax::locate(text)
                    .map_or_else(|| "it is not JSON".to_owned(), |error| error.to_string());
                write!(f, "the file is not a programme in JSON ({why})")
            }
            Self::NotAProgramme(mismatch) => {
                write!(f, "the file is not a programme in JSON ({})", explain(mismatch))
            }
            Self::UnknownFormat(format) => {
                write!(f, "format {format} is not known to this release: write 1")
            }
            Self::BadId(id) => write!(
                f,
                "\"{id}\" is not a usable id: use 1 to 64 lower-case letters, digits and dashes"
            ),
            Self::NoTitle => f.write_str("the programme needs a title"),
            Self::NotATimeZone(zone) => write!(
                f,
                "\"{zone}\" is not a time zone name: write one such as Europe/London or America/New_York"
            ),
            Self::NoThings => f.write_str("the programme has no Things: add at least one"),
            Self::BadDate(error) => write!(f, "{error}"),
            Self::NumberedFromOne => f.write_str("Things are numbered from 1"),
            Self::NumberTwice { number, first } => write!(
                f,
                "Thing {number} appears twice (also at things[{first}]): give each Thing its own number"
            ),
            Self::NoThingTitle => f.write_str("each Thing needs a title"),
            Self::NotAWebAddress(link) => write!(
                f,
                "\"{link}\" is not a web address: it must start with https:// or http://"
            ),
            Self::EmptyQuestion => {
                f.write_str("the question is empty: write it or remove the prompt")
            }
            Self::EmptyId => f.write_str("an id cannot be empty: remove it or name the prompt"),
            Self::Duplicate {
                what,
                id,
                thing,
                first,
            } => write!(
                f,
                "duplicate {what} \"{id}\" (also used at things[{thing}].prompts[{first}])"
            ),
            Self::CatchUpNeedsSchedule => f.write_str(
                "catch-up weeks need a schedule: add schedule.start and schedule.intervalDays, or a release date to every Thing",
            ),
            Self::BothScheduleForms => f.write_str(
                "use either schedule.start with schedule.intervalDays, or a release date on every Thing, not both",
            ),
            Self::IntervalZero => f.write_str("must be at least 1 (7 for a weekly course)"),
            Self::IntervalMissing => f.write_str(
                "missing: say how many days apart the Things come out (7 for a weekly course)",
            ),
            Self::StartMissing => f.write_str(
                "missing: give the date of the first Thing (YYYY-MM-DD) with schedule.intervalDays",
            ),
            Self::ReleaseMissing => f.write_str(
                "missing: give every Thing a release date, or none and use schedule.start",
            ),
            Self::CatchUpBeforeStart { day, start } => write!(
                f,
                "{day} is before the course starts ({start}): remove it or fix the date"
            ),
            Self::ReleaseNotAfter {
                day,
                before,
                earlier,
            } => write!(
                f,
                "{day} is not after Thing {before}'s release ({earlier}): release dates must increase with the Thing number"
            ),
            Self::CatchUpOverlaps { from, thing } => write!(
                f,
                "the catch-up week from {from} overlaps Thing {thing}'s release: move one of them"
            ),
            Self::CatchUpBeforeCourse(from) => {
                write!(f, "{from} is before the course starts: remove it or fix the date")
            }
            Self::CatchUpAfterEnd { day, last } => write!(
                f,
                "{day} is after the course ends ({last}): a catch-up week must come between Things or straight after the last"
            ),
        }
    }
}

/// One thing wrong with a programme file: where, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeError {
    pub place: Place,
    pub problem: Problem,
}

impl ProgrammeError {
    /// The place as a JSON path such as `things[3].prompts[1].id`; empty for the whole file.
    pub fn path(&self) -> String {
        self.place.to_string()
    }

    /// What is wrong and what to do, without the place.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }
}

impl fmt::Display for ProgrammeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::File => write!(f, "{}", self.problem),
            _ => write!(f, "{}: {}", self.place, self.problem),
        }
    }
}

/// Every problem found in a programme file, reported together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeErrors(pub Vec<ProgrammeError>);

impl ProgrammeErrors {
    /// One error for the whole file.
    pub fn whole_file(problem: Problem) -> Self {
        Self(vec![ProgrammeError {
            place: Place::File,
            problem,
        }])
    }
}

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
