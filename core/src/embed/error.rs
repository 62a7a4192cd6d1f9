//! What can be wrong with a placeholder or its programme, each with the words that tell the
//! page's author what to change. Only the full module says them (the lite module hands such
//! a placeholder over), so the first download carries none of this text.

use crate::programme::{bundled_ids, ProgrammeErrors};
use std::fmt;

/// A bad placeholder or programme: the widget shows the message instead of a checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedError {
    BadThing(String),
    EmptyList,
    NoQuestions,
    UnknownProgramme(String),
    BadProgrammeId(String),
    /// The page's programme could not be had.
    Unavailable(Unavailable),
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

/// Why the programme a placeholder names is not there to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// `data-programme="#id"`, and the page has no element with that id.
    NoElement(String),
    /// `data-programme="#id"` names an element that is not a JSON block.
    NotABlock(String),
    /// `data-programme-src`, and the loader passed nothing (a copy too old to fetch it).
    NotLoaded(String),
    /// The loader's own account of a failed fetch, a sentence for the page author.
    Fetch(String),
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoElement(id) => write!(
                f,
                "There is no element with id=\"{id}\" on this page: add the programme as <script type=\"application/json\" id=\"{id}\">, or fix data-programme."
            ),
            Self::NotABlock(id) => write!(
                f,
                "The element #{id} is not a <script type=\"application/json\">: put the programme's JSON in one."
            ),
            Self::NotLoaded(url) => write!(
                f,
                "The programme at {url} was not loaded: the page's copy of thing-prompts.js may be too old for data-programme-src."
            ),
            Self::Fetch(message) => {
                // The loader's sentence, with a capital and a full stop, but an attribute name
                // keeps its case: data-programme-src="…".
                let message = message.trim_end_matches('.');
                let mut chars = message.chars();
                match chars.next() {
                    Some(_) if message.starts_with("data-") => write!(f, "{message}."),
                    Some(first) => write!(f, "{}{}.", first.to_uppercase(), chars.as_str()),
                    None => f.write_str("The programme could not be loaded."),
                }
            }
        }
    }
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
            Self::Unavailable(why) => write!(f, "{why}"),
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
