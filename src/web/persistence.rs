//! Keeping the reader's ticks: asking the browser once a visit to keep this site's storage
//! (`navigator.storage.persist()`), and the reminder for browsers that delete script-written
//! storage after a week without a visit.
//!
//! `navigator.storage` is imported with `catch` rather than through web-sys's `StorageManager`:
//! an old browser has none, and nothing may throw into the page.

use super::{now_ms, storage};
use crate::core::progress::{Progress, STORAGE_PREFIX};
use js_sys::{Promise, Reflect};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

/// The page's mark (shared by the lite and the full module) that the first tick was seen.
const FIRST_TICK_SEEN: &str = "mark first tick seen";

thread_local! {
    /// Whether a widget of this module shows the reminder already: one line per page is enough.
    static REMINDER_CLAIMED: Cell<bool> = const { Cell::new(false) };
}

/// The key that remembers, for good, that the reader dismissed the reminder.
fn reminder_key() -> String {
    format!("{STORAGE_PREFIX}~reminder-dismissed")
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.storage.persisted()`; an error when there is no `navigator.storage`.
    #[wasm_bindgen(js_namespace = ["navigator", "storage"], js_name = persisted, catch)]
    fn storage_persisted() -> Result<Promise, JsValue>;

    /// `navigator.storage.persist()`: asks the browser to keep this site's storage.
    #[wasm_bindgen(js_namespace = ["navigator", "storage"], js_name = persist, catch)]
    fn storage_persist() -> Result<Promise, JsValue>;
}

/// When this visit began (`performance.timeOrigin`), in milliseconds since 1970.
fn visit_start() -> Option<f64> {
    Some(web_sys::window()?.performance()?.time_origin())
}

/// After a tick, with the course's progress it made: on the first tick of a visit, a reader
/// who had ticked in this browser before this visit, and whose storage the browser may
/// clear, gets the browser asked once to keep it. Never when storage is refused, and never
/// more than once a page.
pub fn after_tick(progress: &Progress) {
    if !storage::mark_page(FIRST_TICK_SEEN) || !storage::is_persistent() {
        return;
    }
    let returning = match (progress.oldest_change(), visit_start()) {
        (Some(oldest), Some(start)) => (oldest as f64) < start,
        _ => false,
    };
    if !returning {
        return;
    }
    // No `navigator.storage` (an old browser), or it threw: nothing to ask.
    let Ok(persisted) = storage_persisted() else {
        return;
    };
    // One handler for the answer and for a refusal (which is no `false`): it runs once a page
    // at most, so leaking it (`forget`) costs nothing. `persist()` resolves whatever the
    // browser decides; its answer changes nothing here.
    let on_answer = Closure::<dyn FnMut(JsValue)>::new(|kept: JsValue| {
        if kept.as_bool() == Some(false) {
            // A refusal is the browser's to make: caught, so it never reaches the console.
            if let Ok(asked) = storage_persist() {
                let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
                let _ = asked.catch(&ignore);
                ignore.forget();
            }
        }
    });
    let _ = persisted.then2(&on_answer, &on_answer);
    on_answer.forget();
}

/// Whether the browser is Safari-like (`navigator.vendor` names Apple), where storage written
/// by scripts is deleted after seven days without a visit.
fn is_safari_like() -> bool {
    // Safari's is "Apple Computer, Inc."; `starts_with` keeps the standard library's
    // substring search out of the first download.
    // (web-sys has no `Navigator::vendor`.)
    web_sys::window()
        .and_then(|window| Reflect::get(&window.navigator(), &JsValue::from_str("vendor")).ok())
        .and_then(|vendor| vendor.as_string())
        .is_some_and(|vendor| vendor.starts_with("Apple"))
}

/// Whether a widget showing `progress` should carry the reminder to take a backup: a
/// Safari-like browser, storage that works, ticks older than five days, a reader who has not
/// dismissed it, and no other widget of this page showing it already (this one claims it).
pub fn wants_reminder(progress: &Progress) -> bool {
    let due = is_safari_like()
        && storage::is_persistent()
        && progress.has_ticks_older_than_reminder(now_ms())
        && storage::read(&reminder_key()).is_none();
    due && !REMINDER_CLAIMED.with(|claimed| claimed.replace(true))
}

/// Remembers for good that the reader dismissed the reminder.
pub fn dismiss_reminder() {
    storage::write(&reminder_key(), &now_ms().to_string());
}
