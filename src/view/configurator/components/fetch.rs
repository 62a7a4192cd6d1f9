//! Fetching programme files through the page's `fetch_programme(url)`: every bundled one at
//! the start, and the address the organiser asks for.

use crate::core::programme::BUNDLED_IDS;
use crate::view::configurator::form::{Action, Fetched};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The page's `fetch_programme(url)` (see `entry::configure`).
#[derive(Clone)]
pub struct FetchProgramme(Rc<js_sys::Function>);

impl FetchProgramme {
    pub fn new(function: js_sys::Function) -> Self {
        Self(Rc::new(function))
    }

    /// The programme's text, or why it could not be had.
    async fn get(&self, url: &str) -> Fetched {
        let failed = || format!("could not load the programme from {url}");
        let promise = self
            .0
            .call1(&JsValue::NULL, &JsValue::from_str(url))
            .map_err(|_| failed())?;
        let result = JsFuture::from(js_sys::Promise::resolve(&promise))
            .await
            .map_err(|_| failed())?;
        let pair = js_sys::Array::from(&result);
        match (pair.get(0).as_string(), pair.get(1).as_string()) {
            (Some(text), _) => Ok(text),
            (None, Some(error)) => Err(error),
            (None, None) => Err(failed()),
        }
    }

    /// Fetches `url` in the background and files the answer under `key`.
    fn file_under(&self, key: String, url: String, onchange: Callback<Action>) {
        let fetch = self.clone();
        yew::platform::spawn_local(async move {
            let file = fetch.get(&url).await;
            onchange.emit(Action::FileArrived { key, file });
        });
    }
}

impl PartialEq for FetchProgramme {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Fetches every bundled programme once, at the start (the page then works offline), and
/// `url_to_fetch` whenever it changes to an address not fetched yet.
#[hook]
pub fn use_programme_files(
    fetch: &FetchProgramme,
    loader_url: &AttrValue,
    url_to_fetch: Option<String>,
    onchange: &Callback<Action>,
) {
    {
        let (fetch, loader, onchange) = (fetch.clone(), loader_url.clone(), onchange.clone());
        use_effect_with((), move |_| {
            for id in BUNDLED_IDS {
                let url = web_sys::Url::new_with_base(&format!("programmes/{id}.json"), &loader)
                    .map(|u| u.href())
                    .unwrap_or_default();
                fetch.file_under(id.to_owned(), url, onchange.clone());
            }
        });
    }
    let (fetch, onchange) = (fetch.clone(), onchange.clone());
    use_effect_with(url_to_fetch, move |url| {
        if let Some(url) = url {
            fetch.file_under(url.clone(), url.clone(), onchange);
        }
    });
}
