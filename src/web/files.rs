//! Files and the clipboard, for backups: what the reader takes away and brings back.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

/// Offers `text` as a download named `name`; false when the browser refused.
pub fn download(name: &str, text: &str) -> bool {
    let offer = || -> Result<(), JsValue> {
        let options = BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = Blob::new_with_str_sequence_and_options(
            &js_sys::Array::of1(&JsValue::from_str(text)),
            &options,
        )?;
        let url = Url::create_object_url_with_blob(&blob)?;
        let anchor: HtmlAnchorElement = super::page::document()
            .ok_or(JsValue::NULL)?
            .create_element("a")?
            .dyn_into()?;
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
        Url::revoke_object_url(&url)
    };
    offer().is_ok()
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
    JsFuture::from(file.text()).await.ok()?.as_string()
}
