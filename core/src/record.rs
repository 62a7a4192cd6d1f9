//! A participant's course record as data: for each Thing, how many of its questions are
//! ticked, whether and when it was finished, and the link to the post that answers it.
//!
//! Nothing is stored for "finished": a Thing is finished while every question that counts
//! (those of [`counted_prompts`]) is ticked, and it was finished at the stamp of the tick that
//! completed it, the latest of their tick stamps. Unticking one un-finishes it; ticking it again
//! finishes it anew, at the new tick's stamp.

use crate::date::CivilDate;
use crate::post_link::PostLink;
use crate::programme::{counted_prompts, Programme, Prompt};
use crate::progress::Progress;
use crate::prompt_id::PromptId;

/// How far a participant got with one Thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThingState {
    /// No question that counts is ticked.
    NotStarted,
    /// Some are ticked: `answered` of `total`.
    Answered { answered: usize, total: usize },
    /// All are ticked; `at` is the stamp (milliseconds since 1970) of the tick that completed it.
    Finished { at: u64 },
}

/// One Thing's line of the record (the overview and *My course record* show it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThingRecord<'a> {
    pub number: u32,
    pub title: &'a str,
    /// Questions that count and are ticked.
    pub answered: usize,
    /// Questions that count (see [`counted_prompts`]).
    pub total: usize,
    pub state: ThingState,
    pub link: Option<PostLink>,
}

/// When the Thing under `thing` was finished: the latest tick stamp among `counted`, when
/// every one of them is ticked; `None` while one is not, or when there are none.
pub fn finished_at(progress: &Progress, thing: &str, counted: &[&PromptId]) -> Option<u64> {
    let mut latest = None::<u64>;
    for id in counted {
        let tick = progress.tick(thing, id).filter(|tick| tick.done)?;
        latest = Some(latest.map_or(tick.at, |at| at.max(tick.at)));
    }
    latest
}

/// How far the participant got with the questions `prompts` of the Thing stored under `thing`.
pub fn thing_state(
    progress: &Progress,
    thing: &str,
    prompts: &[Prompt],
) -> (usize, usize, ThingState) {
    let counted = counted_prompts(prompts);
    let total = counted.len();
    let answered = progress.done_count(thing, counted.iter().copied());
    let state = match finished_at(progress, thing, &counted) {
        Some(at) => ThingState::Finished { at },
        None if answered == 0 => ThingState::NotStarted,
        None => ThingState::Answered { answered, total },
    };
    (answered, total, state)
}

/// The record of every Thing of `programme`, in the programme's order.
pub fn course_record<'a>(progress: &Progress, programme: &'a Programme) -> Vec<ThingRecord<'a>> {
    programme
        .things
        .iter()
        .map(|thing| {
            let key = thing.number.to_string();
            let (answered, total, state) = thing_state(progress, &key, &thing.prompts);
            ThingRecord {
                number: thing.number,
                title: &thing.title,
                answered,
                total,
                state,
                link: progress.link(&key),
            }
        })
        .collect()
}

/// One row of the record's files: a Thing with its finish date as a calendar date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRow {
    pub number: u32,
    pub title: String,
    pub answered: usize,
    pub total: usize,
    /// The day it was finished, where the participant is.
    pub finished: Option<CivilDate>,
    pub link: Option<PostLink>,
}

/// The record's rows; `date_of` turns a stamp into the participant's calendar date (the view
/// knows their time zone: see [`CivilDate::at_instant`]).
pub fn rows(record: &[ThingRecord<'_>], date_of: impl Fn(u64) -> CivilDate) -> Vec<RecordRow> {
    record
        .iter()
        .map(|thing| RecordRow {
            number: thing.number,
            title: thing.title.to_owned(),
            answered: thing.answered,
            total: thing.total,
            finished: match thing.state {
                ThingState::Finished { at } => Some(date_of(at)),
                _ => None,
            },
            link: thing.link.clone(),
        })
        .collect()
}
