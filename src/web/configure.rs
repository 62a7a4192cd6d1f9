//! The configurator page's entry point (www/configure.html): the form that writes the snippet,
//! built into a module of its own (feature `configurator`) that no blog page ever fetches.

use crate::components::configurator::{Configurator, ConfiguratorProps, FetchProgramme};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

thread_local! {
    /// The running configurator (at most one a page).
    static PAGE: RefCell<Option<AppHandle<Configurator>>> = const { RefCell::new(None) };
}

/// Renders the configurator into `root`. `loader_url` is the address of this release's
/// `thing-prompts.js`: the snippet names it, and the bundled programmes are fetched from
/// beside it. `fetch_programme(url)` resolves to `[text, undefined]` or `[undefined, message]`,
/// as the loader's own fetching does (same time limit, size limit and messages).
/// Returns false when a configurator already runs on the page.
#[wasm_bindgen]
pub fn configure(root: Element, loader_url: String, fetch_programme: js_sys::Function) -> bool {
    if PAGE.with(|p| p.borrow().is_some()) {
        return false;
    }
    let props = ConfiguratorProps {
        loader_url: loader_url.into(),
        fetch: FetchProgramme::new(fetch_programme),
    };
    let app = yew::Renderer::<Configurator>::with_root_and_props(root, props).render();
    PAGE.with(|p| *p.borrow_mut() = Some(app));
    true
}
