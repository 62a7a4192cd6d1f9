//! Keeping the reader's ticks: asking the browser once a visit to keep this site's storage
//! (`navigator.storage.persist()`), and the reminder for browsers that delete script-written
//! storage after a week without a visit.
//!
//! Everything here goes through `Reflect` rather than web-sys's `StorageManager`: an old
//! browser may have no `navigator.storage` at all, and nothing may throw into the page.

use super::{now_ms, storage};
use crate::core::progress::{Progress, STORAGE_PREFIX};
use js_sys::{Function, Promise, Reflect};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page's mark (shared by the lite and the full module) that the first tick was seen.
const FIRST_TICK_SEEN: &str = "first tick seen";

thread_local! {
    /// Whether a widget of this module shows the reminder already: one line per page is enough.
    static REMINDER_CLAIMED: Cell<bool> = const { Cell::new(false) };
}

/// The key that remembers, for good, that the reader dismissed the reminder.
fn reminder_key() -> String {
    format!("{STORAGE_PREFIX}~reminder-dismissed")
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// `navigator`, or `None` outside a window.
fn navigator() -> Option<JsValue> {
    web_sys::window().and_then(|window| get(&window, "navigator"))
}

/// When this visit began (`performance.timeOrigin`), in milliseconds since 1970.
fn visit_start() -> Option<f64> {
    let window = web_sys::window()?;
    get(&get(&window, "performance")?, "timeOrigin")?.as_f64()
}

/// Calls `manager[name]()` and returns its promise; `None` if it is missing or throws.
fn call(manager: &JsValue, name: &str) -> Option<Promise> {
    let method = get(manager, name)?.dyn_into::<Function>().ok()?;
    method.call0(manager).ok()?.dyn_into::<Promise>().ok()
}

/// After a tick: on the first tick of a visit, a reader who had ticked in this browser
/// before this visit, and whose storage the browser may clear, gets the browser asked once
/// to keep it. Never when storage is refused, and never more than once a page.
pub fn after_tick(progress: &Progress) {
    if !storage::mark_page(FIRST_TICK_SEEN) || !storage::is_persistent() {
        return;
    }
    let returning = match (progress.oldest_change(), visit_start()) {
        (Some(oldest), Some(start)) => (oldest as f64) < start,
        _ => false,
    };
    let Some(manager) = navigator().and_then(|navigator| get(&navigator, "storage")) else {
        return;
    };
    if !returning {
        return;
    }
    let Some(persisted) = call(&manager, "persisted") else {
        return;
    };
    // Each closure runs at most once a page, so leaking them (`forget`) costs nothing.
    let on_answer = Closure::<dyn FnMut(JsValue)>::new(move |kept: JsValue| {
        if kept.as_bool() == Some(false) {
            if let Some(asked) = call(&manager, "persist") {
                // The browser's answer changes nothing here; a refusal must not reach the page.
                let ignore = ignored();
                let _ = asked.catch(&ignore);
                ignore.forget();
            }
        }
    });
    let ignore = ignored();
    let _ = persisted.then2(&on_answer, &ignore);
    on_answer.forget();
    ignore.forget();
}

/// A rejection handler that does nothing (its caller keeps it for the page's life).
fn ignored() -> Closure<dyn FnMut(JsValue)> {
    Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {})
}

/// Whether the browser is Safari-like (`navigator.vendor` names Apple), where storage written
/// by scripts is deleted after seven days without a visit.
fn is_safari_like() -> bool {
    navigator()
        .and_then(|navigator| get(&navigator, "vendor"))
        .and_then(|vendor| vendor.as_string())
        .is_some_and(|vendor| vendor.contains("Apple"))
}

/// Whether a widget showing `progress` should carry the reminder to take a backup: a
/// Safari-like browser, storage that works, ticks older than five days, a reader who has not
/// dismissed it, and no other widget of this page showing it already (this one claims it).
pub fn wants_reminder(progress: &Progress) -> bool {
    let due = storage::is_persistent()
        && progress.has_ticks_older_than_reminder(now_ms())
        && is_safari_like()
        && storage::read(&reminder_key()).is_none();
    due && !REMINDER_CLAIMED.with(|claimed| claimed.replace(true))
}

/// Remembers for good that the reader dismissed the reminder.
pub fn dismiss_reminder() {
    storage::write(&reminder_key(), &now_ms().to_string());
}
