//! localStorage with a fallback: when the browser blocks or fills it, the page keeps a copy in memory.

use crate::formats::Pairs;
#[cfg(feature = "extras")]
use crate::formats::{Flag, List, Object, Parsed, Text};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::cell::{Cell, RefCell};
use web_sys::Storage;

thread_local! {
    static LOCAL: RefCell<Option<Option<Storage>>> = const { RefCell::new(None) };
    // Plain lists rather than maps (whose code is large): a page has a few keys.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    static FAILED: Cell<bool> = const { Cell::new(false) };
    static MEMORY_ONLY: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The page's localStorage, or None when the browser refuses it (reading it may throw).
fn local() -> Option<Storage> {
    LOCAL.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
            .clone()
    })
}

/// Whether what the reader ticks is kept after this page closes.
pub fn is_persistent() -> bool {
    local().is_some() && !FAILED.with(Cell::get)
}

/// The text stored under `key`: the in-memory copy once writing has failed, else localStorage.
pub fn read(key: &str) -> Option<String> {
    let kept = MEMORY.with(|memory| {
        memory
            .borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    });
    if kept.is_some() {
        return kept;
    }
    local().and_then(|storage| storage.get_item(key).ok().flatten())
}

/// Stores `value`; when localStorage refuses (blocked, full), the page keeps it in memory instead.
pub fn write(key: &str, value: &str) {
    let memory_only = MEMORY_ONLY.with(|keys| keys.borrow().iter().any(|k| k == key));
    let saved = !memory_only && local().is_some_and(|storage| storage.set_item(key, value).is_ok());
    if saved {
        MEMORY.with(|memory| memory.borrow_mut().retain(|(k, _)| k != key));
    } else {
        FAILED.with(|failed| failed.set(true));
        keep(key.to_owned(), value.to_owned());
    }
}

/// Puts `value` under `key` in the in-memory copy, replacing what it had.
fn keep(key: String, value: String) {
    MEMORY.with(|memory| {
        let mut memory = memory.borrow_mut();
        match memory.iter_mut().find(|(k, _)| *k == key) {
            Some((_, kept)) => *kept = value,
            None => memory.push((key, value)),
        }
    });
}

/// Stores `value` under a key that must not be overwritten; false when it could not be kept.
pub fn write_if_absent(key: &str, value: &str) -> bool {
    match read(key) {
        Some(existing) => existing == value,
        None => {
            write(key, value);
            local().is_some_and(|storage| {
                storage.get_item(key).ok().flatten().as_deref() == Some(value)
            })
        }
    }
}

/// From now on this page never writes `key` to localStorage (its text there must be kept).
pub fn keep_in_memory(key: &str) {
    FAILED.with(|failed| failed.set(true));
    remember_memory_only(key.to_owned());
}

fn remember_memory_only(key: String) {
    MEMORY_ONLY.with(|keys| {
        let mut keys = keys.borrow_mut();
        if !keys.contains(&key) {
            keys.push(key);
        }
    });
}

/// What this page keeps in memory instead of localStorage, so that another build of the
/// widget taking over the page (the full module after the lite one) starts from it.
pub struct Snapshot {
    pub entries: Vec<(String, String)>,
    pub memory_only: Vec<String>,
    pub failed: bool,
}

/// A snapshot as the modules hand it over: `{"entries": {key: text}, "memoryOnly": [key],
/// "failed": bool}`, a map rather than a struct (see `progress::Stored`).
impl Serialize for Snapshot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let entries = Pairs(self.entries.clone());
        let mut out = serializer.serialize_map(Some(3))?;
        out.serialize_entry("entries", &entries)?;
        out.serialize_entry("memoryOnly", &self.memory_only)?;
        out.serialize_entry("failed", &self.failed)?;
        out.end()
    }
}

#[cfg(feature = "extras")]
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct SnapshotIn {
    entries: Pairs<Text>,
    memory_only: List<Text>,
    failed: Flag,
}

#[cfg(feature = "extras")]
impl Snapshot {
    /// Reads what [`unmount_all`](super::unmount_all) of another module handed over.
    pub fn from_parsed(parsed: &impl Parsed) -> Option<Self> {
        let Object(kept) = parsed.read::<Object<SnapshotIn>>().ok()?;
        Some(Self {
            entries: kept
                .entries
                .0
                .into_iter()
                .map(|(key, Text(value))| (key, value))
                .collect(),
            memory_only: kept.memory_only.0.into_iter().map(|Text(key)| key).collect(),
            failed: kept.failed.0,
        })
    }
}

/// This page's in-memory storage, for [`Snapshot`].
pub fn snapshot() -> Snapshot {
    Snapshot {
        entries: MEMORY.with(|m| m.borrow().clone()),
        memory_only: MEMORY_ONLY.with(|keys| keys.borrow().clone()),
        failed: FAILED.with(Cell::get),
    }
}

/// Takes over another module's in-memory storage (see [`snapshot`]).
#[cfg(feature = "extras")]
pub fn adopt(snapshot: Snapshot) {
    if snapshot.failed {
        FAILED.with(|failed| failed.set(true));
    }
    for (key, value) in snapshot.entries {
        keep(key, value);
    }
    for key in snapshot.memory_only {
        remember_memory_only(key);
    }
}
