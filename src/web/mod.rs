//! The browser edge: the one entry point the loader calls, and everything that touches the page.

mod clock;
#[cfg(feature = "configurator")]
mod configure;
#[cfg(feature = "extras")]
pub mod files;
pub mod json;
pub mod page;
pub mod progress_store;
mod storage;
mod style;

use crate::colour::Scheme;
#[cfg(feature = "extras")]
use crate::components::app::{App as Root, AppProps};
use crate::components::app::{Opening, Outcome};
#[cfg(not(feature = "extras"))]
use crate::components::checklist::{Checklist as Root, ChecklistProps};
#[cfg(feature = "extras")]
use crate::embed::EmbedError;
use crate::embed::{resolve_at, Supplied, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

thread_local! {
    /// Every widget this module runs, so that [`unmount_all`] can hand the page over.
    static MOUNTED: RefCell<Vec<(ShadowRoot, AppHandle<Root>)>> = const { RefCell::new(Vec::new()) };
}

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

/// Whether this build has the rarely used parts (backup panel, course overview).
const fn full() -> bool {
    cfg!(feature = "extras")
}

/// Stops every widget this module runs and empties their shadow roots, for another build
/// to mount in. What the page kept in memory instead of localStorage stays where it is, in
/// the page's memory map (see `storage`), for that build to read.
#[wasm_bindgen]
pub fn unmount_all() {
    for (shadow, app) in MOUNTED.with(|m| std::mem::take(&mut *m.borrow_mut())) {
        app.destroy();
        while let Some(child) = shadow.first_child() {
            if shadow.remove_child(&child).is_err() {
                break;
            }
        }
    }
}

/// Stops the widget mounted in `host`, if any, and empties its shadow root (the configurator's
/// preview mounts a new one on each change).
#[cfg(feature = "configurator")]
pub fn unmount(host: &Element) {
    let found = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let at = mounted
            .iter()
            .position(|(shadow, _)| shadow.host() == *host)?;
        Some(mounted.remove(at))
    });
    if let Some((shadow, app)) = found {
        app.destroy();
        while let Some(child) = shadow.first_child() {
            if shadow.remove_child(&child).is_err() {
                break;
            }
        }
    }
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

/// Turns one placeholder into a widget. Returns false, and leaves the element as it was,
/// when it is already mounted or cannot host a shadow root; never throws into the page.
/// For a placeholder with `data-programme-src` the loader passes the fetched text, or why
/// fetching failed (a message for the page author). `open` ("backup", "overview") opens
/// that part at once and focuses its button: the full module taking over from a click.
#[wasm_bindgen]
pub fn mount(
    host: Element,
    programme_text: Option<String>,
    programme_error: Option<String>,
    open: Option<String>,
) -> bool {
    // A shadow root emptied by another build's `unmount_all` is taken over, never a live one.
    let reused = host.shadow_root();
    if reused.as_ref().is_some_and(|s| s.first_child().is_some()) {
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
    // What the loader fetched is the file of data-programme-src or, for a placeholder naming
    // a bundled programme, that programme's file (programmes/<id>.json beside the loader).
    let from_src = host.get_attribute("data-programme-src").is_some();
    let mut raw = page::read_embed(&host, if from_src { fetched.clone() } else { None });
    if !from_src && raw.supplied.is_none() {
        let bundled = raw
            .programme
            .as_deref()
            .map(|id| id.trim().to_ascii_lowercase())
            .filter(|id| crate::programme::is_bundled(id));
        if let (Some(origin), Some(text)) = (bundled, fetched) {
            raw.supplied = Some(Supplied::read(origin, text, json::parse));
        }
    }
    let resolved = resolve_at(&raw, &clock::today_in, &|_| None);
    let lite_can_show = match &resolved {
        Ok(model) => {
            model.view != crate::embed::View::Overview && !model.notes && model.warnings.is_empty()
        }
        Err(_) => false,
    };
    if !full() && !lite_can_show {
        // The overview, the notes and the messages for page authors (a problem, or a setting
        // that was not understood) are in the full module: the loader mounts this
        // placeholder with it.
        upgrade(&host, "");
        return false;
    }
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let Some(shadow) = reused.or_else(|| host.attach_shadow(&init).ok()) else {
        // A message for the page author: the full module says it (see above).
        if full() {
            warn(&says!(
                "a <{}> cannot hold the widget: use a <div class=\"thing-prompts\">. The questions stay as plain text.",
                host.tag_name().to_ascii_lowercase()
            ));
        } else {
            upgrade(&host, "");
        }
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
        #[cfg(not(feature = "extras"))]
        Err(_) => return false,
        #[cfg(feature = "extras")]
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
    let open = match open.as_deref() {
        Some("backup") => Opening::Backup,
        Some("overview") => Opening::Overview,
        Some("outline") => Opening::Outline,
        _ => Opening::Nothing,
    };
    #[cfg(feature = "extras")]
    let props = AppProps { outcome, open };
    // The lite module mounts the checklist itself: it shows nothing else (one component
    // type fewer in the first download).
    #[cfg(not(feature = "extras"))]
    let props = {
        let Outcome::Ready(model, scheme) = outcome;
        ChecklistProps {
            model,
            scheme,
            open,
        }
    };
    let app = yew::Renderer::<Root>::with_root_and_props(root, props).render();
    MOUNTED.with(|m| m.borrow_mut().push((shadow, app)));
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
#[cfg(feature = "extras")]
pub fn today() -> crate::date::CivilDate {
    match clock::today_in(None) {
        Ok(day) | Err(day) => day,
    }
}
