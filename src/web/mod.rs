//! The browser edge: the one entry point the loader calls, and everything that touches the page.

mod clock;
pub mod files;
pub mod page;
pub mod progress_store;
mod storage;
mod style;

use crate::colour::Scheme;
use crate::components::app::{App, AppProps, Outcome};
use crate::embed::{bundled_programme, resolve_at, EmbedError, Theme};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

/// Logs one warning, prefixed so a page author can tell whose it is.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("[thing-prompts] {message}")));
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

/// The release of this build, for the loader and for bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Turns one placeholder into a widget. Returns false, and leaves the element as it was,
/// when it is already mounted or cannot host a shadow root; never throws into the page.
/// For a placeholder with `data-programme-src` the loader passes the fetched text, or why
/// fetching failed (a message for the page author).
#[wasm_bindgen]
pub fn mount(
    host: Element,
    programme_text: Option<String>,
    programme_error: Option<String>,
) -> bool {
    if host.shadow_root().is_some() {
        return false;
    }
    install_panic_hook();
    // Read the page first: the shadow root hides the static copy, so attach it only once
    // there is something to show instead.
    let fetched = match (programme_text, programme_error) {
        (Some(text), _) => Some(Ok(text)),
        (None, Some(error)) => Some(Err(error)),
        (None, None) => None,
    };
    let raw = page::read_embed(&host, fetched);
    let resolved = resolve_at(&raw, &clock::today_in, &bundled_programme);
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let Ok(shadow) = host.attach_shadow(&init) else {
        warn(&format!(
            "a <{}> cannot hold the widget: use a <div class=\"thing-prompts\">. The questions stay as plain text.",
            host.tag_name().to_lowercase()
        ));
        return false;
    };
    let outcome = match resolved {
        Ok(model) => {
            for warning in &model.warnings {
                warn(warning);
            }
            let scheme = match model.theme {
                Theme::Auto => page::scheme_around(&host),
                Theme::Light => Scheme::Light,
                Theme::Dark => Scheme::Dark,
            };
            Outcome::Ready(Rc::new(model), scheme)
        }
        Err(error) => {
            warn(&error.to_string());
            // Several problems in a programme read better as a list than as one long line.
            let (message, details) = match &error {
                EmbedError::BrokenProgramme(origin, errors) if errors.0.len() > 1 => (
                    format!("The programme \"{origin}\" cannot be used:"),
                    errors.0.iter().map(ToString::to_string).collect(),
                ),
                _ => (error.to_string(), Vec::new()),
            };
            Outcome::Failed(message.into(), Rc::new(details))
        }
    };
    style::adopt(&shadow);
    let Some(root) = page::document().and_then(|d| d.create_element("div").ok()) else {
        return false;
    };
    if shadow.append_child(&root).is_err() {
        return false;
    }
    // The app lives as long as the page; its handle is not needed to keep it.
    let _app = yew::Renderer::<App>::with_root_and_props(root, AppProps { outcome }).render();
    true
}

fn install_panic_hook() {
    // Yew would install console_error_panic_hook; a one-line message is enough and much smaller.
    yew::set_custom_panic_hook(Box::new(|_| {
        web_sys::console::error_1(&JsValue::from_str(
            "[thing-prompts] internal error: the widgets on this page stopped. Please report it.",
        ));
    }));
}

pub use storage::is_persistent as storage_is_persistent;

/// The reader's own date today.
pub fn today() -> crate::date::CivilDate {
    match clock::today_in(None) {
        Ok(day) | Err(day) => day,
    }
}
