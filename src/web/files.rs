//! Files and the clipboard, for backups and calendars: what the reader takes away and brings back.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlAnchorElement, HtmlInputElement};

/// Offers `text` (JSON) as a download named `name`; false when the browser refused.
pub fn download(name: &str, text: &str) -> bool {
    download_as(name, text, "application/json")
}

/// Offers `text` of media type `mime` as a download named `name`; false when the browser refused.
pub fn download_as(name: &str, text: &str, mime: &str) -> bool {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime));
    // Revoked when dropped, once the click has started the download.
    let url = gloo_file::ObjectUrl::from(blob);
    let anchor = super::page::document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    true
}

/// Puts `text` on the clipboard; false when the browser refused (no permission, not https).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // Older browsers have no clipboard object: calling into undefined would throw.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// The text of the first file chosen in `input`, if it can be read.
pub async fn read_chosen_file(input: &HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    // A backup is a few kilobytes; anything far larger is not one.
    if file.size() > 1_000_000.0 {
        return None;
    }
    gloo_file::futures::read_as_text(&gloo_file::File::from(file))
        .await
        .ok()
}
