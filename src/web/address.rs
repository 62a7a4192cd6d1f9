//! The page's address, for the device link: the post's URL to put in one, and the fragment a
//! link brought, which one widget on the page takes and which is then cleared.

use crate::core::backup::{Backup, BackupError};
use crate::core::device_link;
use std::cell::Cell;
use wasm_bindgen::JsValue;

thread_local! {
    /// Whether a widget on this page has taken the link's fragment: the page asks once.
    static TAKEN: Cell<bool> = const { Cell::new(false) };
}

/// This page's address (`location.href`), if it can be read.
pub fn page_url() -> Option<String> {
    web_sys::window().and_then(|w| w.location().href().ok())
}

fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The ticks a link brought, for the widget of `course` when it is the one to speak of them
/// (`core::device_link::speaks_for`); `None` for every other widget, and once one has them.
pub fn take_link(course: &str) -> Option<Result<Backup, BackupError>> {
    if TAKEN.with(Cell::get) {
        return None;
    }
    let link = device_link::read(&fragment())?;
    if !device_link::speaks_for(&link, course, named_on_page) {
        return None;
    }
    TAKEN.with(|taken| taken.set(true));
    Some(link)
}

/// Whether a placeholder on the page may show `course`: one naming it, or one whose course is
/// not known before it mounts (its programme comes from `data-programme-src`).
fn named_on_page(course: &str) -> bool {
    let Some(nodes) =
        super::page::document().and_then(|d| d.query_selector_all(".thing-prompts").ok())
    else {
        return false;
    };
    (0..nodes.length())
        .filter_map(|i| nodes.get(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .any(|element| {
            let named = element.get_attribute("data-programme");
            element.has_attribute("data-programme-src")
                || named.map_or(course == crate::core::backup::INLINE_COURSE, |id| {
                    id.trim().eq_ignore_ascii_case(course)
                })
        })
}

/// Removes the fragment from the address bar (keeping the path and the query), so that a
/// reload or a bookmark of the page does not bring the link back.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(query)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        // The page's own history state is kept as it is.
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{query}")));
    }
}
