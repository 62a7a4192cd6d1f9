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

use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};

#[wasm_bindgen]
extern "C" {
    /// The loader's `ThingPrompts.upgrade(host, open)`: loads the full module, which takes
    /// over every widget and opens `open` ("backup", "overview") in `host`.
    #[wasm_bindgen(js_namespace = ThingPrompts, js_name = upgrade, catch)]
    fn loader_upgrade(host: &Element, open: &str) -> Result<(), JsValue>;
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
