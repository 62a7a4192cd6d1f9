//! Browser services: storage with its fallback, reading a placeholder, the clock, files,
//! styles, JSON, another tab's changes, keeping storage (persistence), printing one widget
//! alone, and the loader's calls. They never use the view.

pub mod address;
pub mod clock;
pub mod files;
pub mod json;
pub mod page;
pub mod persistence;
pub mod print;
pub mod progress_store;
mod storage;
pub mod style;

use crate::core::embed::WidgetModel;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};

#[wasm_bindgen]
extern "C" {
    /// The loader's `ThingPrompts.upgrade(host, open)`: loads the full module, which takes
    /// over every widget and opens `open` ("backup", "overview") in `host`.
    #[wasm_bindgen(js_namespace = ThingPrompts, js_name = upgrade, catch)]
    fn loader_upgrade(host: &Element, open: &str) -> Result<(), JsValue>;

    /// The loader's `ThingPrompts.tell(host, programme, thing, answered, total)`: dispatches
    /// the page's events on `host` (`thing-prompts:ready` the first time, then
    /// `thing-prompts:change` when `answered` differs from what it last told).
    #[wasm_bindgen(js_namespace = ThingPrompts, js_name = tell, catch)]
    fn loader_tell(
        host: &Element,
        programme: &str,
        thing: &str,
        answered: usize,
        total: usize,
    ) -> Result<(), JsValue>;
}

/// Tells the page that the widget in `host`, showing `model`, counts `answered` of `total`
/// questions: the loader turns it into the events of docs/hosting.md. Ids and counts only;
/// a loader without events (a page of the configurator's own) is left alone.
pub fn tell(host: &Element, model: &WidgetModel, answered: usize, total: usize) {
    let _ = loader_tell(
        host,
        model.programme_id(),
        &model.thing_key,
        answered,
        total,
    );
}

/// Asks the loader for the full module (the lite build has no backup panel or overview);
/// the widget `host` opens `open` once the full module has taken over.
pub fn upgrade(host: &Element, open: &str) {
    if loader_upgrade(host, open).is_err() {
        warn("this page's loader cannot load the rest of the widget (backup, overview)");
    }
}

/// The placeholder element around the shadow root that `node` is in.
pub fn host_of(node: &web_sys::Node) -> Option<Element> {
    node.get_root_node()
        .dyn_into::<ShadowRoot>()
        .ok()
        .map(|s| s.host())
}

/// Logs one warning, prefixed so a page author can tell whose it is.
pub fn warn(message: &str) {
    gloo_console::warn!(format!("[thing-prompts] {message}"));
}

/// Milliseconds since 1970 by the reader's clock, for ordering changes.
pub fn now_ms() -> u64 {
    // f64 milliseconds are exact integers well past the year 200000.
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

pub use storage::is_persistent as storage_is_persistent;

/// The reader's own date today.
pub fn today() -> crate::core::date::CivilDate {
    match clock::today_in(None) {
        Ok(day) | Err(day) => day,
    }
}
