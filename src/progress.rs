//! What a reader has ticked, in the versioned form kept in browser storage, and how copies merge.

use crate::json::{self, Value};
use crate::prompt_id::PromptId;
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// The longest note kept, in characters (Unicode scalar values); longer text is cut there.
pub const NOTE_MAX_CHARS: usize = 4000;

/// A reader's private note on one prompt and when it last changed (milliseconds since 1970).
/// A cleared note is kept as empty text with its time, so that clearing reaches other copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub at: u64,
}

impl Note {
    /// The newer of two notes; on equal times the greater text wins, so merging never
    /// depends on order.
    fn newer(self, other: Self) -> Self {
        if (other.at, &other.text) > (self.at, &self.text) {
            other
        } else {
            self
        }
    }
}

/// `text` cut to [`NOTE_MAX_CHARS`] characters.
fn capped(text: &str) -> &str {
    match text.char_indices().nth(NOTE_MAX_CHARS) {
        Some((end, _)) => text.get(..end).unwrap_or(text),
        None => text,
    }
}

/// What is kept for one prompt: its tick and, once one was ever written, its note.
/// A prompt with a note but never ticked has the tick `{done: false, at: 0}`, which
/// every real change outranks.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    tick: Tick,
    note: Option<Note>,
}

impl Entry {
    fn merged(&mut self, other: &Self) {
        self.tick = self.tick.newer(other.tick);
        self.note = match (self.note.take(), &other.note) {
            (Some(mine), Some(theirs)) => Some(mine.newer(theirs.clone())),
            (mine, theirs) => mine.or_else(|| theirs.clone()),
        };
    }
}

/// One Thing's entries, sorted by prompt id, each id once.
type Ticks = Vec<(PromptId, Entry)>;

/// Every tick of one programme, by Thing key (`"12"`, or `""` for an inline list without a Thing) and prompt id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Sorted by Thing key, each key once: sorted lists rather than maps, whose code is
    /// a large part of the WebAssembly for the few dozen entries a course has.
    things: Vec<(String, Ticks)>,
}

/// Sorts `entries` by key (stably) and keeps the last of equal keys, as inserting each
/// into a map in turn would.
fn sorted_entries<K: Ord, V>(entries: Vec<(K, V)>) -> Vec<(K, V)> {
    let mut entries = crate::order::sort_by(entries, |a, b| a.0 < b.0);
    entries.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            std::mem::swap(&mut later.1, &mut earlier.1);
        }
        same
    });
    entries
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
        let value = json::parse(text).map_err(|e| StoredDataError::Unreadable(e.to_string()))?;
        Self::from_value(&value)
    }

    /// Reads stored progress already parsed as JSON (as inside a backup file).
    ///
    /// The version is read first: a newer release may have changed everything else.
    /// Fields this release does not know are ignored, as they always were.
    pub(crate) fn from_value(value: &Value) -> Result<Self, StoredDataError> {
        let unreadable = |why: &str| StoredDataError::Unreadable(why.to_owned());
        let version = value
            .get("version")
            .and_then(Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| unreadable("no \"version\" with a whole number"))?;
        if version > STORAGE_VERSION {
            return Err(StoredDataError::NewerVersion(version));
        }
        if version != STORAGE_VERSION {
            return Err(StoredDataError::Unreadable(format!(
                "unknown format {version}"
            )));
        }
        let stored = value
            .get("things")
            .and_then(Value::as_object)
            .ok_or_else(|| unreadable("no \"things\" object"))?;
        let mut things = Vec::with_capacity(stored.len());
        for (thing, ticks) in stored {
            let ticks = ticks.as_object().ok_or_else(|| {
                StoredDataError::Unreadable(format!("Thing \"{thing}\" is not an object"))
            })?;
            let mut read = Vec::with_capacity(ticks.len());
            for (id, tick) in ticks {
                let done = tick.get("done").and_then(Value::as_bool);
                let at = tick.get("at").and_then(Value::as_u64);
                let (Some(done), Some(at)) = (done, at) else {
                    return Err(StoredDataError::Unreadable(format!(
                        "prompt \"{id}\" of Thing \"{thing}\" is not {{\"done\": true or false, \"at\": a time}}"
                    )));
                };
                // A note is read when both its fields have their types; anything else under
                // those names is ignored, like any field this release does not know.
                let note = match (
                    tick.get("note").and_then(Value::as_str),
                    tick.get("noteAt").and_then(Value::as_u64),
                ) {
                    (Some(text), Some(at)) => Some(Note {
                        text: capped(text).to_owned(),
                        at,
                    }),
                    _ => None,
                };
                read.push((
                    PromptId::named(id),
                    Entry {
                        tick: Tick { done, at },
                        note,
                    },
                ));
            }
            things.push((thing.clone(), sorted_entries(read)));
        }
        Ok(Self {
            things: sorted_entries(things),
        })
    }

    /// The text to store; `parse` reads it back to an equal value.
    pub fn to_json(&self) -> String {
        self.to_value(false).to_json()
    }

    /// The stored form as JSON: `{"version":1,"things":{thing:{id:{"done":…,"at":…}}}}`,
    /// with `"note"` and `"noteAt"` after them only for a prompt that ever had a note.
    /// `sorted_keys` puts every object's keys in alphabetical order instead
    /// (`things` before `version`, `at` before `done`), as backup files have them.
    pub(crate) fn to_value(&self, sorted_keys: bool) -> Value {
        let things = self
            .things
            .iter()
            .map(|(thing, ticks)| {
                let ticks = ticks
                    .iter()
                    .map(|(id, entry)| {
                        let mut fields = vec![
                            ("done".to_owned(), Value::Bool(entry.tick.done)),
                            ("at".to_owned(), Value::Int(entry.tick.at)),
                        ];
                        if sorted_keys {
                            fields.reverse();
                        }
                        // Written only once a note was set: tick-only data keeps its bytes.
                        if let Some(note) = &entry.note {
                            fields.push(("note".to_owned(), Value::String(note.text.clone())));
                            fields.push(("noteAt".to_owned(), Value::Int(note.at)));
                        }
                        (id.as_str().to_owned(), Value::Object(fields))
                    })
                    .collect();
                (thing.clone(), Value::Object(ticks))
            })
            .collect();
        let mut fields = vec![
            ("version".to_owned(), Value::Int(u64::from(STORAGE_VERSION))),
            ("things".to_owned(), Value::Object(things)),
        ];
        if sorted_keys {
            fields.reverse();
        }
        Value::Object(fields)
    }

    /// Whether the prompt is ticked.
    pub fn is_done(&self, thing: &str, prompt: &PromptId) -> bool {
        self.tick(thing, prompt).is_some_and(|tick| tick.done)
    }

    /// The stored state of a prompt, if it was ever changed.
    /// A prompt that has a note but was never ticked reads `{done: false, at: 0}`.
    pub fn tick(&self, thing: &str, prompt: &PromptId) -> Option<Tick> {
        self.entry(thing, prompt).map(|entry| entry.tick)
    }

    fn entry(&self, thing: &str, prompt: &PromptId) -> Option<&Entry> {
        let at = self.thing_at(thing).ok()?;
        let (_, ticks) = self.things.get(at)?;
        let at = prompt_at(ticks, prompt).ok()?;
        ticks.get(at).map(|(_, entry)| entry)
    }

    /// The reader's note on a prompt; `None` when there is none or it was cleared.
    pub fn note(&self, thing: &str, prompt: &PromptId) -> Option<&str> {
        self.note_entry(thing, prompt)
            .map(|note| note.text.as_str())
            .filter(|text| !text.is_empty())
    }

    /// The stored note of a prompt with its time, cleared ones (empty text) included.
    pub fn note_entry(&self, thing: &str, prompt: &PromptId) -> Option<&Note> {
        self.entry(thing, prompt)
            .and_then(|entry| entry.note.as_ref())
    }

    /// Records a reader's note made at `now`, cut to [`NOTE_MAX_CHARS`] characters; empty
    /// text clears it. Like [`Self::set`], the change wins even if the clock went backwards;
    /// text equal to the stored note changes nothing.
    pub fn set_note(&mut self, thing: &str, prompt: &PromptId, text: &str, now: u64) {
        let text = capped(text);
        let previous = self.note_entry(thing, prompt);
        let at = match previous {
            Some(previous) if previous.text == text => return,
            None if text.is_empty() => return,
            Some(previous) if previous.at >= now => previous.at.saturating_add(1),
            _ => now,
        };
        if let Some(ticks) = self.ticks_mut(thing) {
            put(
                ticks,
                prompt,
                Entry {
                    tick: Tick { done: false, at: 0 },
                    note: Some(Note {
                        text: text.to_owned(),
                        at,
                    }),
                },
            );
        }
    }

    /// Every stored note, cleared ones included: Thing key, prompt id and the note.
    pub fn notes(&self) -> impl Iterator<Item = (&str, &PromptId, &Note)> + '_ {
        self.things.iter().flat_map(|(thing, ticks)| {
            ticks.iter().filter_map(move |(id, entry)| {
                entry.note.as_ref().map(|note| (thing.as_str(), id, note))
            })
        })
    }

    /// Takes in one note from elsewhere (a restored backup): kept only if it is newer than
    /// the one here. Returns whether the note here changed.
    pub fn merge_note(&mut self, thing: &str, prompt: &PromptId, note: &Note) -> bool {
        let before = self.note_entry(thing, prompt).cloned();
        if let Some(ticks) = self.ticks_mut(thing) {
            put(
                ticks,
                prompt,
                Entry {
                    tick: Tick { done: false, at: 0 },
                    note: Some(note.clone()),
                },
            );
        }
        self.note_entry(thing, prompt) != before.as_ref()
    }

    /// Where the Thing is in `things`, or where it would go.
    fn thing_at(&self, thing: &str) -> Result<usize, usize> {
        self.things
            .binary_search_by(|(key, _)| key.as_str().cmp(thing))
    }

    /// The Thing's ticks, added (empty) when it has none yet.
    fn ticks_mut(&mut self, thing: &str) -> Option<&mut Ticks> {
        let at = self.thing_at(thing).unwrap_or_else(|at| {
            self.things.insert(at, (thing.to_owned(), Vec::new()));
            at
        });
        self.things.get_mut(at).map(|(_, ticks)| ticks)
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
        let previous = self.tick(thing, prompt);
        let at = match previous {
            Some(previous) if previous.at >= now => previous.at.saturating_add(1),
            _ => now,
        };
        if let Some(ticks) = self.ticks_mut(thing) {
            put(
                ticks,
                prompt,
                Entry {
                    tick: Tick { done, at },
                    note: None,
                },
            );
        }
    }

    /// Every recorded change: Thing key, prompt id and its state.
    pub fn ticks(&self) -> impl Iterator<Item = (&str, &PromptId, Tick)> + '_ {
        self.things.iter().flat_map(|(thing, ticks)| {
            ticks
                .iter()
                .map(move |(id, entry)| (thing.as_str(), id, entry.tick))
        })
    }

    /// Takes in another copy's changes, prompt by prompt: the later change wins, for the
    /// tick and the note each on its own. Commutative, associative and idempotent, so copies may meet in any order.
    pub fn merge(&mut self, other: &Self) {
        for (thing, theirs) in &other.things {
            let Some(ours) = self.ticks_mut(thing) else {
                continue;
            };
            for (prompt, entry) in theirs {
                put(ours, prompt, entry.clone());
            }
        }
    }
}

/// Where the prompt is in `ticks`, or where it would go.
fn prompt_at(ticks: &Ticks, prompt: &PromptId) -> Result<usize, usize> {
    ticks.binary_search_by(|(id, _)| id.cmp(prompt))
}

/// Records `entry` for `prompt`, merged with the one there (see [`Tick::newer`], [`Note::newer`]).
fn put(ticks: &mut Ticks, prompt: &PromptId, entry: Entry) {
    match prompt_at(ticks, prompt) {
        Ok(at) => {
            if let Some((_, mine)) = ticks.get_mut(at) {
                mine.merged(&entry);
            }
        }
        Err(at) => ticks.insert(at, (prompt.clone(), entry)),
    }
}
