//! What a reader has ticked, in the versioned form kept in browser storage, and how copies merge.

use crate::formats::{Flag, Loose, Mismatch, Object, Pairs, Parsed, Time, Whole};
use crate::post_link::PostLink;
use crate::prompt_id::{collapse_whitespace, PromptId};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// The stored-data schema this release writes.
pub const STORAGE_VERSION: u32 = 1;

/// How old the reader's oldest tick must be (five days, in milliseconds) before a browser
/// that deletes storage after seven days without a visit gets the reminder to take a backup.
pub const REMINDER_AFTER_MS: u64 = 5 * 24 * 60 * 60 * 1000;

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

/// The key, among the Thing keys of stored progress, under which the course record is kept: the
/// link to the participant's post for each Thing (entry `link:<thing key>`) and their name
/// (entry `name`). Each is kept as a note on an entry that is never ticked, so that the release
/// before the record, which keeps and merges every note it reads, carries them through
/// unchanged (docs/storage.md). Thing keys are numbers or empty, so this one is never a Thing.
pub const RECORD_THING: &str = "~record";

/// The record entry of the participant's name.
pub fn name_entry() -> PromptId {
    PromptId::named("name")
}

/// The record entry of a Thing's post link.
pub fn link_entry(thing: &str) -> PromptId {
    PromptId::named(&format!("link:{thing}"))
}

/// The longest participant name kept, in characters; longer text is cut there.
pub const NAME_MAX_CHARS: usize = 100;

/// A participant's name as kept: white space collapsed, control characters dropped, cut to
/// [`NAME_MAX_CHARS`] characters.
pub fn tidy_name(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    collapse_whitespace(&visible)
        .chars()
        .take(NAME_MAX_CHARS)
        .collect()
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

/// Stored progress is `{"version":1,"things":{thing:{id:{"done":…,"at":…}}}}`, read field
/// by field: the version first (a later release may change everything else), then the
/// things. Fields this release does not know are ignored, as they always were.
type StoredThings = Pairs<Pairs<Object<StoredEntry>>>;

/// One prompt's stored entry.
#[derive(Deserialize)]
struct StoredEntry {
    done: Flag,
    at: Time,
    /// Read when both note fields have their types; anything else under those names is
    /// ignored, like any field this release does not know.
    #[serde(default)]
    note: Loose,
    #[serde(default, rename = "noteAt")]
    note_at: Loose,
}

/// One prompt as stored: the tick, then the note only for a prompt that ever had one, so
/// that tick-only data keeps the bytes the first release wrote.
struct EntryOut<'a> {
    entry: &'a Entry,
    sorted_keys: bool,
}

impl Serialize for EntryOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Entry { tick, note } = self.entry;
        // Maps rather than structs throughout: serde-wasm-bindgen caches struct field names
        // in a hash map, whose code a map of string keys does without.
        let mut out = serializer.serialize_map(Some(if note.is_some() { 4 } else { 2 }))?;
        if self.sorted_keys {
            out.serialize_entry("at", &tick.at)?;
            out.serialize_entry("done", &tick.done)?;
        } else {
            out.serialize_entry("done", &tick.done)?;
            out.serialize_entry("at", &tick.at)?;
        }
        if let Some(note) = note {
            out.serialize_entry("note", &note.text)?;
            out.serialize_entry("noteAt", &note.at)?;
        }
        out.end()
    }
}

/// Progress in its stored form, for serde to write (see [`Progress::stored`]).
pub struct Stored<'a> {
    progress: &'a Progress,
    /// Every object's keys in alphabetical order (`things` before `version`, `at` before
    /// `done`), as backup files have them.
    sorted_keys: bool,
}

/// One Thing's entries, written as an object keyed by prompt id.
struct ThingOut<'a> {
    ticks: &'a Ticks,
    sorted_keys: bool,
}

/// Every Thing, written as an object keyed by Thing.
struct ThingsOut<'a> {
    things: &'a [(String, Ticks)],
    sorted_keys: bool,
}

impl Serialize for ThingOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.ticks.iter().map(|(id, entry)| {
            let entry = EntryOut {
                entry,
                sorted_keys: self.sorted_keys,
            };
            (id.as_str(), entry)
        }))
    }
}

impl Serialize for ThingsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.things.iter().map(|(thing, ticks)| {
            (
                thing.as_str(),
                ThingOut {
                    ticks,
                    sorted_keys: self.sorted_keys,
                },
            )
        }))
    }
}

impl Serialize for Stored<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let things = ThingsOut {
            things: &self.progress.things,
            sorted_keys: self.sorted_keys,
        };
        let mut stored = serializer.serialize_map(Some(2))?;
        if self.sorted_keys {
            stored.serialize_entry("things", &things)?;
            stored.serialize_entry("version", &STORAGE_VERSION)?;
        } else {
            stored.serialize_entry("version", &STORAGE_VERSION)?;
            stored.serialize_entry("things", &things)?;
        }
        stored.end()
    }
}

fn unreadable(mismatch: Mismatch) -> StoredDataError {
    StoredDataError::Unreadable(mismatch.to_string())
}

impl Progress {
    /// Reads stored text; never panics, whatever the text. `parse_json` turns text into
    /// values (`JSON.parse` in the browser), `None` when it is not JSON.
    pub fn read<P: Parsed>(
        text: &str,
        parse_json: impl FnOnce(&str) -> Option<P>,
    ) -> Result<Self, StoredDataError> {
        let parsed = parse_json(text)
            .ok_or_else(|| StoredDataError::Unreadable("it is not JSON".to_owned()))?;
        Self::from_parsed(&parsed)
    }

    /// Reads stored text on the host (tests, tools), as [`Self::read`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Self, StoredDataError> {
        Self::read(text, crate::formats::host_json)
    }

    /// Reads stored progress already parsed as JSON (by `JSON.parse`, or inside a backup
    /// file). The version is read first: a newer release may have changed everything else.
    pub fn from_parsed(parsed: &impl Parsed) -> Result<Self, StoredDataError> {
        let Whole(version) = parsed
            .field("version")
            .and_then(|version| version.read().ok())
            .ok_or_else(|| {
                StoredDataError::Unreadable("no \"version\" with a whole number".to_owned())
            })?;
        if version > STORAGE_VERSION {
            return Err(StoredDataError::NewerVersion(version));
        }
        if version != STORAGE_VERSION {
            return Err(StoredDataError::Unreadable(format!(
                "unknown format {version}"
            )));
        }
        let stored: StoredThings = match parsed.field("things") {
            Some(things) => things
                .read()
                .map_err(|mismatch| unreadable(mismatch.within("things")))?,
            None => {
                return Err(StoredDataError::Unreadable(
                    "no \"things\" object".to_owned(),
                ))
            }
        };
        let mut things = Vec::with_capacity(stored.0.len());
        for (thing, Pairs(ticks)) in stored.0 {
            let read = ticks
                .into_iter()
                .map(|(id, Object(entry))| {
                    let note = match (entry.note, entry.note_at) {
                        (Loose::Text(text), Loose::Number(at)) => Some(Note {
                            text: capped(&text).to_owned(),
                            at,
                        }),
                        _ => None,
                    };
                    let tick = Tick {
                        done: entry.done.0,
                        at: entry.at.0,
                    };
                    (PromptId::named(&id), Entry { tick, note })
                })
                .collect();
            things.push((thing, sorted_entries(read)));
        }
        Ok(Self {
            things: sorted_entries(things),
        })
    }

    /// The text to store, on the host (tests, tools); `parse` reads it back to an equal value.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.stored()).unwrap_or_default()
    }

    /// The stored form, for serde: `{"version":1,"things":{thing:{id:{"done":…,"at":…}}}}`,
    /// with `"note"` and `"noteAt"` after them only for a prompt that ever had a note.
    pub fn stored(&self) -> Stored<'_> {
        Stored {
            progress: self,
            sorted_keys: false,
        }
    }

    /// The stored form with every object's keys in alphabetical order, as backup files have it.
    pub(crate) fn stored_sorted(&self) -> Stored<'_> {
        Stored {
            progress: self,
            sorted_keys: true,
        }
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
    /// text clears it. Like [`Self::set`], the change is stamped by [`Self::stamp`], so it wins
    /// over everything this copy has seen; text equal to the stored note changes nothing.
    pub fn set_note(&mut self, thing: &str, prompt: &PromptId, text: &str, now: u64) {
        let text = capped(text);
        let previous = self.note_entry(thing, prompt);
        match previous {
            Some(previous) if previous.text == text => return,
            None if text.is_empty() => return,
            _ => {}
        }
        let at = self.stamp(now);
        self.put(
            thing,
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

    /// Every stored note on a question, cleared ones included: Thing key, prompt id and the
    /// note (the course record's entries are not notes: see [`Self::record_entries`]).
    pub fn notes(&self) -> impl Iterator<Item = (&str, &PromptId, &Note)> + '_ {
        self.things
            .iter()
            .filter(|(thing, _)| thing != RECORD_THING)
            .flat_map(|(thing, ticks)| {
                ticks.iter().filter_map(move |(id, entry)| {
                    entry.note.as_ref().map(|note| (thing.as_str(), id, note))
                })
            })
    }

    /// Takes in one note from elsewhere (a restored backup): kept only if it is newer than
    /// the one here. Returns whether the note here changed.
    pub fn merge_note(&mut self, thing: &str, prompt: &PromptId, note: &Note) -> bool {
        let before = self.note_entry(thing, prompt).cloned();
        self.put(
            thing,
            prompt,
            Entry {
                tick: Tick { done: false, at: 0 },
                note: Some(note.clone()),
            },
        );
        self.note_entry(thing, prompt) != before.as_ref()
    }

    /// The link to the participant's post on a Thing, if one is kept and still passes the
    /// checks (stored text may have been edited by hand).
    pub fn link(&self, thing: &str) -> Option<PostLink> {
        self.note(RECORD_THING, &link_entry(thing))
            .and_then(|text| PostLink::parse(text).ok())
    }

    /// Sets (`Some`) or removes (`None`) the link to the participant's post on a Thing, as a
    /// change made at `now`: stamped like a tick ([`Self::stamp`]) and merged like one, the
    /// later change winning. A removal is kept as an empty entry with its time, so that it
    /// reaches other copies. Setting the link it already has changes nothing.
    pub fn set_link(&mut self, thing: &str, link: Option<&PostLink>, now: u64) {
        let text = link.map_or("", PostLink::as_str);
        self.set_note(RECORD_THING, &link_entry(thing), text, now);
    }

    /// Every Thing with a link: Thing key and link, by Thing key.
    pub fn links(&self) -> impl Iterator<Item = (&str, PostLink)> + '_ {
        self.record_entries().filter_map(|(entry, note)| {
            let thing = entry.as_str().strip_prefix("link:")?;
            Some((thing, PostLink::parse(&note.text).ok()?))
        })
    }

    /// The participant's name, if they gave one.
    pub fn name(&self) -> Option<&str> {
        self.note(RECORD_THING, &name_entry())
    }

    /// Sets the participant's name as a change made at `now` (tidied by [`tidy_name`]); empty
    /// text removes it. Stamped and merged like [`Self::set_link`].
    pub fn set_name(&mut self, text: &str, now: u64) {
        self.set_note(RECORD_THING, &name_entry(), &tidy_name(text), now);
    }

    /// The course record's stored entries with their times, removals (empty text) included:
    /// `link:<thing key>` or `name`, and the note that holds it.
    pub fn record_entries(&self) -> impl Iterator<Item = (&PromptId, &Note)> + '_ {
        self.things
            .iter()
            .filter(|(thing, _)| thing == RECORD_THING)
            .flat_map(|(_, entries)| entries.iter())
            .filter_map(|(id, entry)| entry.note.as_ref().map(|note| (id, note)))
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

    /// Merges `entry` into the prompt's, the Thing added first when it has none (see [`put`]).
    fn put(&mut self, thing: &str, prompt: &PromptId, entry: Entry) {
        if let Some(ticks) = self.ticks_mut(thing) {
            put(ticks, prompt, entry);
        }
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

    /// Records a reader's change made at `now` (by the reader's clock), stamped by
    /// [`Self::stamp`]: it wins over everything this copy holds, whatever the clocks said.
    pub fn set(&mut self, thing: &str, prompt: &PromptId, done: bool, now: u64) {
        let at = self.stamp(now);
        self.put_tick(thing, prompt, Tick { done, at });
    }

    /// Takes in one tick with its own time (a restored backup's, or an undated code's
    /// `at: 0`), merged with the prompt's as [`Self::merge`] does.
    pub fn put_tick(&mut self, thing: &str, prompt: &PromptId, tick: Tick) {
        self.put(thing, prompt, Entry { tick, note: None });
    }

    /// The oldest dated (time above 0) and the newest time stamp of every tick and note of
    /// every Thing; `(u64::MAX, 0)` when there is none. Plain loops: iterator chains over the
    /// nested lists cost the first download several hundred bytes each.
    fn stamp_range(&self, ticked_only: bool) -> (u64, u64) {
        let (mut oldest, mut newest) = (u64::MAX, 0);
        for (_, ticks) in &self.things {
            for (_, entry) in ticks {
                let note = match &entry.note {
                    Some(note) if !ticked_only => note.at,
                    _ => 0,
                };
                let tick = if entry.tick.done || !ticked_only {
                    entry.tick.at
                } else {
                    0
                };
                for at in [tick, note] {
                    if at > 0 && at < oldest {
                        oldest = at;
                    }
                    newest = newest.max(at);
                }
            }
        }
        (oldest, newest)
    }

    /// The newest time stamp in this copy: every tick and note of every Thing, including
    /// those merged in from other tabs and backups; 0 when there is none.
    pub fn newest(&self) -> u64 {
        self.stamp_range(false).1
    }

    /// The time of the oldest change still recorded (a tick, an untick or a note), undated
    /// ones (time 0) aside: whether the reader had used this browser before a given moment.
    pub fn oldest_change(&self) -> Option<u64> {
        Some(self.stamp_range(false).0).filter(|&at| at < u64::MAX)
    }

    /// Whether a question ticked now was ticked more than [`REMINDER_AFTER_MS`] before `now`:
    /// ticks a browser that forgets storage after a week without a visit may soon drop.
    pub fn has_ticks_older_than_reminder(&self, now: u64) -> bool {
        self.stamp_range(true).0 < now.saturating_sub(REMINDER_AFTER_MS)
    }

    /// The time a change made at `now` is recorded at, as a hybrid logical clock: the later
    /// of the wall clock and one millisecond past [`Self::newest`]. A change made after this
    /// copy saw a stamp is stamped later, so it wins in every merge, even over a device whose
    /// clock ran hours ahead; with correct clocks it is simply the time of the change.
    pub fn stamp(&self, now: u64) -> u64 {
        now.max(self.newest().saturating_add(1))
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
