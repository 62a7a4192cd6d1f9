//! What a reader has ticked, in the versioned form kept in browser storage, and how copies merge.

use crate::prompt_id::PromptId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The stored-data schema this release writes.
pub const STORAGE_VERSION: u32 = 1;

/// The prefix of every key the widget writes; nothing else in storage is touched.
pub const STORAGE_PREFIX: &str = "thing-prompts:v1:";

/// The storage key holding every tick of one programme (or of inline lists with no programme).
pub fn storage_key(programme_key: &str) -> String {
    if programme_key.is_empty() {
        format!("{STORAGE_PREFIX}~inline")
    } else {
        format!("{STORAGE_PREFIX}{programme_key}")
    }
}

/// Where unreadable data found under `key` is kept aside instead of being overwritten.
pub fn backup_key(key: &str) -> String {
    format!("{key}:unreadable")
}

/// The state of one prompt and when it last changed, in milliseconds since 1970.
///
/// Keeping the time of un-ticking too lets two copies merge per prompt:
/// the later change wins, whichever copy it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tick {
    pub done: bool,
    pub at: u64,
}

impl Tick {
    /// The newer of two changes; on a tie, ticked wins, so merging never depends on order.
    fn newer(self, other: Self) -> Self {
        if (other.at, other.done) > (self.at, self.done) {
            other
        } else {
            self
        }
    }
}

/// Every tick of one programme, by Thing key (`"12"`, or `""` for an inline list without a Thing) and prompt id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    things: BTreeMap<String, BTreeMap<PromptId, Tick>>,
}

#[derive(Serialize, Deserialize)]
struct StoredV1 {
    version: u32,
    things: BTreeMap<String, BTreeMap<PromptId, Tick>>,
}

#[derive(Deserialize)]
struct StoredVersion {
    version: u32,
}

/// Why stored text could not be read as progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredDataError {
    /// Not JSON, or JSON of another shape: not ours, or damaged.
    Unreadable(String),
    /// Written by a later release; kept as it is for that release to read.
    NewerVersion(u32),
}

impl fmt::Display for StoredDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(why) => write!(f, "the saved progress could not be read ({why})"),
            Self::NewerVersion(v) => write!(
                f,
                "the saved progress was written by a newer release (format {v}; this one reads {STORAGE_VERSION})"
            ),
        }
    }
}

impl Progress {
    /// Reads stored text; never panics, whatever the text.
    pub fn parse(text: &str) -> Result<Self, StoredDataError> {
        let unreadable = |e: serde_json::Error| StoredDataError::Unreadable(e.to_string());
        let StoredVersion { version } = serde_json::from_str(text).map_err(unreadable)?;
        if version > STORAGE_VERSION {
            return Err(StoredDataError::NewerVersion(version));
        }
        if version != STORAGE_VERSION {
            return Err(StoredDataError::Unreadable(format!(
                "unknown format {version}"
            )));
        }
        let stored: StoredV1 = serde_json::from_str(text).map_err(unreadable)?;
        Ok(Self {
            things: stored.things,
        })
    }

    /// The text to store; `parse` reads it back to an equal value.
    pub fn to_json(&self) -> String {
        let stored = StoredV1 {
            version: STORAGE_VERSION,
            things: self.things.clone(),
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Whether the prompt is ticked.
    pub fn is_done(&self, thing: &str, prompt: &PromptId) -> bool {
        self.tick(thing, prompt).is_some_and(|tick| tick.done)
    }

    /// The stored state of a prompt, if it was ever changed.
    pub fn tick(&self, thing: &str, prompt: &PromptId) -> Option<Tick> {
        self.things
            .get(thing)
            .and_then(|ticks| ticks.get(prompt))
            .copied()
    }

    /// How many of `prompts` are ticked.
    pub fn done_count<'a>(
        &self,
        thing: &str,
        prompts: impl IntoIterator<Item = &'a PromptId>,
    ) -> usize {
        prompts
            .into_iter()
            .filter(|p| self.is_done(thing, p))
            .count()
    }

    /// Records a reader's change made at `now`. The change always wins over what is
    /// stored, even when the clock went backwards since the last one.
    pub fn set(&mut self, thing: &str, prompt: &PromptId, done: bool, now: u64) {
        let ticks = self.things.entry(thing.to_owned()).or_default();
        let at = match ticks.get(prompt) {
            Some(previous) if previous.at >= now => previous.at.saturating_add(1),
            _ => now,
        };
        ticks.insert(prompt.clone(), Tick { done, at });
    }

    /// Every recorded change: Thing key, prompt id and its state.
    pub fn ticks(&self) -> impl Iterator<Item = (&str, &PromptId, Tick)> + '_ {
        self.things.iter().flat_map(|(thing, ticks)| {
            ticks
                .iter()
                .map(move |(id, tick)| (thing.as_str(), id, *tick))
        })
    }

    /// Takes in another copy's changes, prompt by prompt: the later change wins.
    /// Commutative, associative and idempotent, so copies may meet in any order.
    pub fn merge(&mut self, other: &Self) {
        for (thing, theirs) in &other.things {
            let ours = self.things.entry(thing.clone()).or_default();
            for (prompt, tick) in theirs {
                let merged = ours.get(prompt).map_or(*tick, |mine| mine.newer(*tick));
                ours.insert(prompt.clone(), merged);
            }
        }
    }
}
