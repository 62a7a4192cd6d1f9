//! localStorage with a fallback: when the browser blocks or fills it, the page keeps a copy in memory.
//!
//! That copy belongs to the page, not to a module: it is a `Map` on the loader's global
//! (`ThingPrompts.memory`), so the full module taking over from the lite one reads what the
//! lite one kept, and nothing has to be handed over between them.

use js_sys::{Map, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

thread_local! {
    static LOCAL: RefCell<Option<Option<Storage>>> = const { RefCell::new(None) };
    static MEMORY: Map = page_memory();
}

/// The loader's map of what the page keeps in memory, or a map of this module's own when
/// the loader has none (an older loader): storage key → text, plus the marks below.
fn page_memory() -> Map {
    let shared = web_sys::window()
        .and_then(|window| Reflect::get(&window, &JsValue::from_str("ThingPrompts")).ok())
        .and_then(|api| Reflect::get(&api, &JsValue::from_str("memory")).ok())
        .and_then(|memory| memory.dyn_into::<Map>().ok());
    shared.unwrap_or_default()
}

/// The mark, in the memory map, of a key this page never writes to localStorage.
fn memory_only(key: &str) -> JsValue {
    JsValue::from_str(&format!("only {key}"))
}

/// The mark, in the memory map, that a write was refused on this page.
const FAILED: &str = "failed";

fn memory_has(key: &JsValue) -> bool {
    MEMORY.with(|memory| memory.has(key))
}

/// The page's localStorage, or None when the browser refuses it (reading it may throw).
/// (web-sys rather than gloo-storage, whose `local_storage()` throws when storage is blocked,
/// the very case this fallback is for.)
fn local() -> Option<Storage> {
    LOCAL.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| web_sys::window().and_then(|w| w.local_storage().ok().flatten()))
            .clone()
    })
}

/// Whether what the reader ticks is kept after this page closes.
pub fn is_persistent() -> bool {
    local().is_some() && !memory_has(&JsValue::from_str(FAILED))
}

/// The text stored under `key`: the in-memory copy once writing has failed, else localStorage.
pub fn read(key: &str) -> Option<String> {
    let kept = MEMORY.with(|memory| memory.get(&JsValue::from_str(key)).as_string());
    if kept.is_some() {
        return kept;
    }
    local().and_then(|storage| storage.get_item(key).ok().flatten())
}

/// Stores `value`; when localStorage refuses (blocked, full), the page keeps it in memory instead.
pub fn write(key: &str, value: &str) {
    let saved = !memory_has(&memory_only(key))
        && local().is_some_and(|storage| storage.set_item(key, value).is_ok());
    MEMORY.with(|memory| {
        if saved {
            memory.delete(&JsValue::from_str(key));
        } else {
            memory.set(&JsValue::from_str(FAILED), &JsValue::TRUE);
            memory.set(&JsValue::from_str(key), &JsValue::from_str(value));
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
    MEMORY.with(|memory| {
        memory.set(&JsValue::from_str(FAILED), &JsValue::TRUE);
        memory.set(&memory_only(key), &JsValue::TRUE);
    });
}

/// Sets the page's mark `name` (shared by the lite and the full module, for the page's life;
/// a name that is no storage key and no mark above) and says whether this was the first time.
pub fn mark_page(name: &str) -> bool {
    let mark = JsValue::from_str(name);
    MEMORY.with(|memory| {
        let first = !memory.has(&mark);
        memory.set(&mark, &JsValue::TRUE);
        first
    })
}
