//! The programme model: a course's Things, their prompts and its schedule, read from JSON and validated.

pub mod errors;
pub mod file;
pub mod schedule;
pub mod validate;

pub use errors::{Place, Problem, ProgrammeError, ProgrammeErrors};

use crate::formats::{Object, Parsed};
use crate::prompt_id::PromptId;
use file::ProgrammeFile;
use schedule::Schedule;

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

impl Programme {
    /// Reads and validates programme text, reporting every problem found, not only the first.
    /// `parse_json` turns text into values (`JSON.parse` in the browser), `None` when it is
    /// not JSON; the syntax error is located only when the
    /// message is shown.
    pub fn from_text<P: Parsed>(
        text: &str,
        parse_json: impl FnOnce(&str) -> Option<P>,
    ) -> Result<Self, ProgrammeErrors> {
        match parse_json(text) {
            Some(parsed) => Self::from_parsed(&parsed),
            None => Err(ProgrammeErrors::whole_file(Problem::NotJson(text.into()))),
        }
    }

    /// Reads and validates a programme file on the host (tests, tools), as [`Self::from_text`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Self, ProgrammeErrors> {
        Self::from_text(text, crate::formats::host_json)
    }

    /// Reads and validates a programme file already parsed as JSON.
    pub fn from_parsed(parsed: &impl Parsed) -> Result<Self, ProgrammeErrors> {
        let Object(file) = parsed
            .read::<Object<ProgrammeFile>>()
            .map_err(|mismatch| ProgrammeErrors::whole_file(Problem::NotAProgramme(mismatch)))?;
        validate::validate(file)
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
        include_str!("../../../www/programmes/cpd23-2011.json"),
    ),
    (
        "cpd23-2012",
        include_str!("../../../www/programmes/cpd23-2012.json"),
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
