//! Backups a reader takes away and brings back: a small JSON file, or a short text code.
//!
//! A restore only ever adds ticks: what the browser already has is never removed.

use crate::formats::{Parsed, Text, Whole};
use crate::percent;
use crate::post_link::PostLink;
use crate::progress::{
    link_entry, name_entry, tidy_name, Note, Progress, Stored, StoredDataError, Tick, RECORD_THING,
    STORAGE_PREFIX,
};
use crate::prompt_id::PromptId;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::fmt;

/// The backup file format this release writes.
pub const BACKUP_FORMAT: u32 = 1;

/// The first word of a backup code.
const CODE_MAGIC: &str = "TP1";

/// The course part of storage keys for inline lists without a programme.
pub const INLINE_COURSE: &str = "~inline";

/// One course's progress, as exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The programme id, or `~inline`: which storage key the ticks belong under.
    pub course: String,
    pub progress: Progress,
    /// Read from a code (or a device link), not a file. A code carries ticks but never an
    /// untick, so it cannot tell which of this browser's unticks it already knew of: restoring
    /// it puts every one of its ticks back, as codes always did. A file, a whole copy with its
    /// unticks, merges by time instead (see [`Self::restore_into`]).
    pub from_code: bool,
}

/// What a restore did (the view says it in the reader's language).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// Ticks that were not in this browser and now are.
    pub restored: usize,
    /// Ticks in the backup that this browser already had.
    pub already: usize,
    /// The Things (or lists) the restored ticks belong to.
    pub things: usize,
    /// Notes the backup brought that were newer than this browser's (a file only: codes carry none).
    pub notes: usize,
    /// Ticks in a backup file that this browser unticked after the file's tick was made: the
    /// later untick stands (a code's ticks are always put back).
    pub unticked_since: usize,
    /// Links to the participant's posts that the backup brought or changed.
    pub links: usize,
    /// Whether the backup brought or changed the participant's name.
    pub name: bool,
}

/// Why a backup could not be read; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    Empty,
    NotABackup,
    NewerFormat(u32),
    BadCourse(String),
    DamagedCode(String),
    DamagedProgress(StoredDataError),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("The backup is empty: paste the whole code, or choose the file you saved."),
            Self::NotABackup => f.write_str(
                "This is not a Thing Prompts backup: choose the .json file the widget saved, or paste a code that starts with TP1.",
            ),
            Self::NewerFormat(v) => write!(
                f,
                "This backup comes from a newer version of the widget (format {v}): it cannot be read here yet."
            ),
            Self::BadCourse(course) => write!(f, "The backup names no usable course (\"{course}\"): it may have been edited."),
            Self::DamagedCode(near) => write!(
                f,
                "The backup code is damaged near \"{near}\": copy it again in full."
            ),
            Self::DamagedProgress(_) => f.write_str(
                "The backup file is damaged: its ticks cannot be read. Try another copy, or the backup code.",
            ),
        }
    }
}

/// A backup file as written: `{"thingPromptsBackup": 1, "course": …, "progress": {…}}`.
struct FileOut<'a> {
    course: &'a str,
    progress: Stored<'a>,
}

impl Serialize for FileOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut file = serializer.serialize_map(Some(3))?;
        file.serialize_entry("thingPromptsBackup", &BACKUP_FORMAT)?;
        file.serialize_entry("course", self.course)?;
        file.serialize_entry("progress", &self.progress)?;
        file.end()
    }
}

fn is_valid_course(course: &str) -> bool {
    course == INLINE_COURSE || crate::programme::is_valid_programme_id(course)
}

/// The course a storage key belongs to (`thing-prompts:v1:cpd23-2012` → `cpd23-2012`).
pub fn course_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(STORAGE_PREFIX)
        .filter(|course| is_valid_course(course))
}

impl Backup {
    /// The storage key its ticks go back under.
    pub fn storage_key(&self) -> String {
        format!("{STORAGE_PREFIX}{}", self.course)
    }

    /// The file a reader downloads, for serde: every change, with its time, laid out as the
    /// first release wrote it (indented by two spaces, the progress's keys sorted).
    pub fn file(&self) -> impl Serialize + '_ {
        FileOut {
            course: &self.course,
            progress: self.progress.stored_sorted(),
        }
    }

    /// The file's text on the host (tests, tools): [`Self::file`], indented by two spaces.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(&self.file()).unwrap_or_default()
    }

    /// A short text to copy: `TP1 <course>`, then a word for each Thing with ticks, each
    /// link to a post and the participant's name:
    ///
    /// - `<thing>:<id>,<id>:<time>` lists the ticked prompts of a Thing (`_` for an inline
    ///   list). Derived ids (`t` and 16 hex digits) are written as the hex digits; ids a
    ///   programme named as `~` and the id, percent-encoded. `<time>` is the latest stamp of
    ///   those ticks in base 36: the finish date of a finished Thing. Codes of the release
    ///   before the record have no time; neither has a Thing whose ticks carry none.
    /// - `<thing>=<address>` is the link to the post on that Thing, `https://` left out. When
    ///   it starts as the link before it does (a participant's posts share their blog's
    ///   address), that start is written as `~<bytes>~`:
    ///   `1=jane.example/2012/07/thing-1.html 2=~27~2.html`.
    /// - `@<name>` is the participant's name, percent-encoded.
    ///
    /// Unticks, removed links and notes are not carried, nor anything stored under a Thing key
    /// a code cannot name (storage edited by hand), which would make the whole code unreadable.
    pub fn to_code(&self) -> String {
        let mut code = format!("{CODE_MAGIC} {}", self.course);
        let mut group: Option<(&str, u64)> = None;
        for (thing, id, tick) in self.progress.ticks() {
            if !tick.done || !is_code_thing(thing) {
                continue;
            }
            match group {
                Some((current, latest)) if current == thing => {
                    code.push(',');
                    group = Some((current, latest.max(tick.at)));
                }
                _ => {
                    end_group(&mut code, group);
                    code.push(' ');
                    code.push_str(thing_word(thing));
                    code.push(':');
                    group = Some((thing, tick.at));
                }
            }
            code.push_str(&encode_id(id));
        }
        end_group(&mut code, group);
        let mut previous = String::new();
        for (thing, link) in self.progress.links() {
            if !is_code_thing(thing) {
                continue;
            }
            code.push(' ');
            code.push_str(thing_word(thing));
            code.push('=');
            let form = link.code_form();
            let shared = shared_start(&previous, form);
            match form.get(shared..) {
                Some(rest) if shared >= MIN_SHARED => {
                    code.push_str(&format!("~{shared}~{rest}"));
                }
                _ => code.push_str(form),
            }
            previous = form.to_owned();
        }
        if let Some(name) = self.progress.name() {
            code.push_str(" @");
            percent::encode(name, b"-_.", &mut code);
        }
        code
    }

    /// Reads a backup file or a backup code, whichever `text` is. `parse_json` turns a
    /// file's text into values (`JSON.parse` in the browser), `None` when it is not JSON.
    pub fn read<P: Parsed>(
        text: &str,
        parse_json: impl FnOnce(&str) -> Option<P>,
    ) -> Result<Self, BackupError> {
        let text = text.trim_start_matches('\u{feff}').trim();
        if text.is_empty() {
            return Err(BackupError::Empty);
        }
        if text.starts_with('{') {
            let file = parse_json(text).ok_or(BackupError::NotABackup)?;
            Self::from_file(&file)
        } else {
            Self::parse_code(text)
        }
    }

    /// Reads a backup file or code on the host (tests, tools), as [`Self::read`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Self, BackupError> {
        Self::read(text, crate::formats::host_json)
    }

    /// Reads a backup file already parsed as JSON.
    pub fn from_file(file: &impl Parsed) -> Result<Self, BackupError> {
        // A backup file is `{"thingPromptsBackup": 1, "course": …, "progress": {…}}`, read
        // field by field, the format first: a newer file may have another shape altogether.
        let Whole(format) = file
            .field("thingPromptsBackup")
            .and_then(|format| format.read().ok())
            .ok_or(BackupError::NotABackup)?;
        if format > BACKUP_FORMAT {
            return Err(BackupError::NewerFormat(format));
        }
        if format != BACKUP_FORMAT {
            return Err(BackupError::NotABackup);
        }
        let Text(course) = file
            .field("course")
            .and_then(|course| course.read().ok())
            .ok_or(BackupError::NotABackup)?;
        let progress = file.field("progress").ok_or(BackupError::NotABackup)?;
        if !is_valid_course(&course) {
            return Err(BackupError::BadCourse(course));
        }
        let progress = Progress::from_parsed(&progress).map_err(BackupError::DamagedProgress)?;
        Ok(Self {
            course,
            progress,
            from_code: false,
        })
    }

    /// Reads a backup code only (the device link's fragment carries one, never a file).
    pub fn from_code(text: &str) -> Result<Self, BackupError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(BackupError::Empty);
        }
        Self::parse_code(text)
    }

    fn parse_code(text: &str) -> Result<Self, BackupError> {
        let mut words = text.split_whitespace();
        if words.next() != Some(CODE_MAGIC) {
            return Err(BackupError::NotABackup);
        }
        let course = words.next().ok_or(BackupError::Empty)?;
        if !is_valid_course(course) {
            return Err(BackupError::BadCourse(course.to_owned()));
        }
        let damaged = |word: &str| BackupError::DamagedCode(word.chars().take(24).collect());
        let mut progress = Progress::default();
        let mut previous_link = String::new();
        for word in words {
            // The record's entries carry no time here (`at: 0`): restoring takes them in only
            // where this browser has none (see `restore_into`).
            let undated = |text: String| Note { text, at: 0 };
            if let Some(name) = word.strip_prefix('@') {
                let name = percent::decode(name)
                    .map(|name| tidy_name(&name))
                    .filter(|name| !name.is_empty())
                    .ok_or_else(|| damaged(word))?;
                progress.merge_note(RECORD_THING, &name_entry(), &undated(name));
                continue;
            }
            let split = word.find([':', '=']).ok_or_else(|| damaged(word))?;
            let (thing, rest) = word.split_at(split);
            let thing = match thing {
                "_" => "",
                number if !number.is_empty() && is_code_thing(number) => number,
                _ => return Err(damaged(word)),
            };
            if let Some(address) = rest.strip_prefix('=') {
                let address =
                    with_shared_start(address, &previous_link).ok_or_else(|| damaged(word))?;
                let link = PostLink::from_code_form(&address).map_err(|_| damaged(word))?;
                previous_link = link.code_form().to_owned();
                progress.merge_note(
                    RECORD_THING,
                    &link_entry(thing),
                    &undated(link.as_str().to_owned()),
                );
                continue;
            }
            let rest = rest.get(1..).unwrap_or_default();
            let (ids, at) = match rest.split_once(':') {
                Some((ids, time)) => (ids, decode_time(time).ok_or_else(|| damaged(word))?),
                // A code of the release before the record: `at: 0` marks an undated tick,
                // stamped when restored.
                None => (rest, 0),
            };
            for id in ids.split(',') {
                let id = decode_id(id).ok_or_else(|| damaged(word))?;
                progress.put_tick(thing, &id, Tick { done: true, at });
            }
        }
        Ok(Self {
            course: course.to_owned(),
            progress,
            from_code: true,
        })
    }

    /// Adds the backup's ticks to `progress` (never removes one). A file's ticks keep their
    /// own times and merge as another copy's would: a tick this browser unticked later stays
    /// unticked, so restoring the same file twice cannot undo an untick made in between. A
    /// code's ticks keep their Thing's latest stamp (so a finished Thing keeps its date) where
    /// this browser has nothing newer, and are put back as changes made at `now` where it
    /// unticked them since: pasting a code after *Clear ticks* brings the ticks back. Those of
    /// a code written before the course record carry no time (`at: 0`) and are changes made at
    /// `now` too. Notes keep their own times: one replaces this browser's only if it is newer.
    ///
    /// The course record (links, the name) merges by time from a file, a later removal
    /// included; a code's, which has no time, is taken in only where this browser shows none,
    /// stamped at `now`. A link that fails the checks is left out.
    pub fn restore_into(&self, progress: &mut Progress, now: u64) -> RestoreReport {
        let mut report = RestoreReport::default();
        for (thing, id, note) in self.progress.notes() {
            if progress.merge_note(thing, id, note) {
                report.notes += 1;
            }
        }
        for (entry, note) in self.progress.record_entries() {
            let is_link = entry.as_str().starts_with("link:");
            if is_link && !note.text.is_empty() && PostLink::parse(&note.text).is_err() {
                continue;
            }
            let changed = if note.at == 0 {
                let here = progress.note(RECORD_THING, entry).is_some();
                if here || note.text.is_empty() {
                    false
                } else {
                    progress.set_note(RECORD_THING, entry, &note.text, now);
                    true
                }
            } else {
                progress.merge_note(RECORD_THING, entry, note)
            };
            if changed && is_link {
                report.links += 1;
            } else if changed {
                report.name = true;
            }
        }
        // `ticks` comes Thing by Thing, so counting changes of Thing counts the Things.
        let mut last_thing = None;
        for (thing, id, tick) in self.progress.ticks() {
            if !tick.done {
                // An untick never removes a tick here, but where there is none its time is
                // taken in, so that this browser's next change is stamped after it.
                if tick.at != 0 && !progress.is_done(thing, id) {
                    progress.put_tick(thing, id, tick);
                }
                continue;
            }
            if progress.is_done(thing, id) {
                report.already += 1;
                // Still merged: a later time of the same tick is news to this browser's clock.
                progress.put_tick(thing, id, tick);
            } else {
                if tick.at == 0 {
                    progress.set(thing, id, true, now);
                } else {
                    progress.put_tick(thing, id, tick);
                    if !progress.is_done(thing, id) {
                        if !self.from_code {
                            report.unticked_since += 1;
                            continue;
                        }
                        // Unticked here since the code's time: put back as a change made now.
                        progress.set(thing, id, true, now);
                    }
                }
                report.restored += 1;
                if last_thing != Some(thing) {
                    last_thing = Some(thing);
                    report.things += 1;
                }
            }
        }
        report
    }

    /// The file name offered for the download.
    pub fn file_name(&self, today: crate::date::CivilDate) -> String {
        let course = self.course.trim_start_matches('~');
        format!("thing-prompts-{course}-{today}.json")
    }
}

/// The shortest start of a link that a code writes as `~<bytes>~` rather than in full.
const MIN_SHARED: usize = 5;

/// How many bytes `a` and `b` share at their start, cut back to a character boundary.
fn shared_start(a: &str, b: &str) -> usize {
    let mut shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(shared) {
        shared -= 1;
    }
    shared
}

/// A link word's address with a `~<bytes>~` start put back from the link before it; `None`
/// when the start is not a plain number, or longer than that link.
fn with_shared_start(address: &str, previous: &str) -> Option<String> {
    let Some(marked) = address.strip_prefix('~') else {
        return Some(address.to_owned());
    };
    let (bytes, rest) = marked.split_once('~')?;
    let canonical = !bytes.is_empty()
        && bytes.len() <= 4
        && !bytes.starts_with('0')
        && bytes.bytes().all(|b| b.is_ascii_digit());
    let shared = bytes.parse::<usize>().ok().filter(|_| canonical)?;
    let start = previous.get(..shared)?;
    Some(format!("{start}{rest}"))
}

/// Whether a code can name the Thing key: empty (an inline list, written `_`), or a Thing
/// number without leading zeros.
fn is_code_thing(thing: &str) -> bool {
    thing.is_empty()
        || thing
            .parse::<u32>()
            .is_ok_and(|n| n > 0 && n.to_string() == thing)
}

/// A Thing key as a code's word writes it: `_` for an inline list without a Thing.
fn thing_word(thing: &str) -> &str {
    if thing.is_empty() {
        "_"
    } else {
        thing
    }
}

/// Closes a Thing's word of ticks with `:<time>`, the latest of their stamps in base 36, when
/// they have one.
fn end_group(code: &mut String, group: Option<(&str, u64)>) {
    if let Some((_, latest)) = group.filter(|(_, latest)| *latest > 0) {
        code.push(':');
        code.push_str(&base36(latest));
    }
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    while n > 0 {
        let digit = u32::try_from(n % 36).unwrap_or(0);
        digits.push(char::from_digit(digit, 36).unwrap_or('0'));
        n /= 36;
    }
    digits.iter().rev().collect()
}

/// A time written by [`base36`]: lower-case digits and letters, from 1 up.
fn decode_time(text: &str) -> Option<u64> {
    let canonical = !text.is_empty()
        && !text.starts_with('0')
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase());
    canonical
        .then(|| u64::from_str_radix(text, 36).ok())
        .flatten()
}

fn is_derived(id: &str) -> Option<&str> {
    id.strip_prefix('t').filter(|hex| {
        hex.len() == 16
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

fn encode_id(id: &PromptId) -> String {
    if let Some(hex) = is_derived(id.as_str()) {
        return hex.to_owned();
    }
    let mut out = String::from("~");
    percent::encode(id.as_str(), b"-_.", &mut out);
    out
}

fn decode_id(word: &str) -> Option<PromptId> {
    if let Some(named) = word.strip_prefix('~') {
        let id = percent::decode(named)?;
        return (!id.trim().is_empty()).then(|| PromptId::named(&id));
    }
    let hex = format!("t{word}");
    is_derived(&hex)?;
    Some(PromptId::named(&hex))
}
