//! What the loader calls (every `#[wasm_bindgen]` export), and the one place that joins the
//! browser services to the view: a placeholder is read (`web`), resolved (`core`), and
//! rendered (`view`).

use crate::core::colour::Scheme;
use crate::core::embed::{resolve_at, Theme};
use crate::view::checklist_state::Part;
use crate::view::i18n::Labels;
use crate::view::root::{self, Root};
use crate::view::stylesheet::CSS;
use crate::view::widget::Widget;
use crate::web::{clock, page, style, upgrade, warn};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// A widget this module runs: its shadow root, its app, and for a `data-theme="auto"` widget
/// its placeholder and the element holding the app, whose light or dark [`rescheme`] decides
/// again.
type Mounted = (ShadowRoot, AppHandle<Root>, Option<(Element, Element)>);

thread_local! {
    /// Every widget this module runs, so that [`unmount_all`] can hand the page over.
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Stops every widget this module runs and empties their shadow roots, for another build
/// to mount in. What the page kept in memory instead of localStorage stays where it is, in
/// the page's memory map (see `web::storage`), for that build to read.
#[wasm_bindgen]
pub fn unmount_all() {
    for (shadow, app, _) in MOUNTED.with(|m| std::mem::take(&mut *m.borrow_mut())) {
        stop(&shadow, app);
    }
}

/// Decides again, from the page as it is now, whether each `data-theme="auto"` widget this
/// module runs is light or dark. The loader watches the page (a blog's dark-mode switch, a
/// stylesheet, the reader's preference) and calls this at most once a frame. Only an attribute
/// of the element holding each app changes: nothing is rendered again, so ticks, open panels
/// and the focus stay.
#[wasm_bindgen]
pub fn rescheme() {
    MOUNTED.with(|m| {
        for (_, _, auto) in m.borrow().iter() {
            if let Some((host, holder)) = auto {
                show_scheme(holder, page::scheme_around(host, holder));
            }
        }
    });
}

/// Stops the widget mounted in `host`, if any, and empties its shadow root (the configurator's
/// preview mounts a new one on each change).
#[cfg(feature = "configurator")]
pub fn unmount(host: &Element) {
    let found = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let at = mounted
            .iter()
            .position(|(shadow, _, _)| shadow.host() == *host)?;
        Some(mounted.remove(at))
    });
    if let Some((shadow, app, _)) = found {
        stop(&shadow, app);
    }
}

fn stop(shadow: &ShadowRoot, app: AppHandle<Root>) {
    app.destroy();
    while let Some(child) = shadow.first_child() {
        if shadow.remove_child(&child).is_err() {
            break;
        }
    }
}

/// Turns one placeholder into a widget. Returns false, and leaves the element as it was,
/// when it is already mounted or cannot host a shadow root; never throws into the page.
/// For a placeholder with `data-programme-src` or a bundled programme, the loader passes the
/// programme file's text, or why fetching failed (a message for the page author). `open`
/// ("backup", "overview", "outline") opens that part at once and focuses its button: the
/// full module taking over from a click.
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
    let raw = page::read_embed(&host, fetched);
    let resolved = resolve_at(raw, &clock::today_in, &|_| None).map(|model| {
        let (labels, label_warnings) = Labels::for_wording(&model.wording);
        (Widget::new(model, labels), label_warnings)
    });
    if root::hands_over(&resolved) {
        // The lite module cannot show this: the loader mounts the placeholder with the full one.
        upgrade(&host, "");
        return false;
    }
    let Some(shadow) = reused.or_else(|| {
        host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()
    }) else {
        // A message for the page author, which the full module says.
        match root::cannot_hold(&host) {
            Some(message) => warn(&message),
            None => upgrade(&host, ""),
        }
        return false;
    };
    let outcome = resolved.map(|(widget, label_warnings)| {
        root::tell_author(&widget, &label_warnings);
        Rc::new(widget)
    });
    // A message for the page's author has no palette of its own to choose.
    let theme = outcome.as_ref().ok().map(|widget| widget.model.theme);
    let Some(props) = root::root_props(outcome, Part::named(open.as_deref()), &host) else {
        return false;
    };
    style::adopt(&shadow, CSS);
    let Some(inside) = page::document().and_then(|d| d.create_element("div").ok()) else {
        return false;
    };
    if shadow.append_child(&inside).is_err() {
        return false;
    }
    // Light or dark belongs to the page, not to the app: it is written on the element holding
    // the app (where the stylesheet reads it), and an auto widget's is decided again there.
    let mut auto = None;
    if let Some(theme) = theme {
        let scheme = match theme {
            Theme::Auto => page::scheme_around(&host, &inside),
            Theme::Light => Scheme::Light,
            Theme::Dark => Scheme::Dark,
        };
        show_scheme(&inside, scheme);
        if theme == Theme::Auto {
            auto = Some((host, inside.clone()));
        }
    }
    let app = yew::Renderer::<Root>::with_root_and_props(inside, props).render();
    MOUNTED.with(|m| m.borrow_mut().push((shadow, app, auto)));
    true
}

/// Writes `scheme` on the element holding a widget's app, where the stylesheet reads it.
fn show_scheme(holder: &Element, scheme: Scheme) {
    let _ = holder.set_attribute("data-scheme", scheme.name());
}

fn install_panic_hook() {
    // Yew would install console_error_panic_hook; a one-line message is enough and much smaller.
    yew::set_custom_panic_hook(Box::new(|_| {
        web_sys::console::error_1(&JsValue::from_str(
            "[thing-prompts] internal error: the widgets on this page stopped. Please report it.",
        ));
    }));
}

/// The configurator page's entry point (www/configure.html), in a module of its own
/// (feature `configurator`) that no blog page fetches.
#[cfg(feature = "configurator")]
mod configure {
    use crate::view::configurator::{Configurator, ConfiguratorProps, FetchProgramme};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use web_sys::Element;
    use yew::{AppHandle, Callback};

    thread_local! {
        /// The running configurator (at most one a page).
        static PAGE: RefCell<Option<AppHandle<Configurator>>> = const { RefCell::new(None) };
    }

    /// Renders the configurator into `root`. `loader_url` is the address of this release's
    /// `thing-prompts.js`: the snippet names it, and the bundled programmes are fetched from
    /// beside it. `fetch_programme(url)` resolves as the loader's own fetching does (same time
    /// limit, size limit and messages). Returns false when a configurator already runs.
    #[wasm_bindgen]
    pub fn configure(root: Element, loader_url: String, fetch_programme: js_sys::Function) -> bool {
        if PAGE.with(|p| p.borrow().is_some()) {
            return false;
        }
        let props = ConfiguratorProps {
            loader_url: loader_url.into(),
            fetch: FetchProgramme::new(fetch_programme),
            // The preview is the widget itself, mounted from the snippet's placeholder.
            preview: Callback::from(
                |(host, text, error): (Element, Option<String>, Option<String>)| {
                    super::mount(host, text, error, None);
                },
            ),
            clear: Callback::from(|host: Element| super::unmount(&host)),
        };
        let app = yew::Renderer::<Configurator>::with_root_and_props(root, props).render();
        PAGE.with(|p| *p.borrow_mut() = Some(app));
        true
    }
}
