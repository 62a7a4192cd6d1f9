//! The widget's stylesheet, shared by every shadow root on the page (one sheet, made from the
//! first text given: a module has one stylesheet).

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, ShadowRoot};

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Gives a shadow root the widget's styles: one constructed sheet for every widget
/// (no `<style>` per widget, and allowed under a strict style-src), or a `<style>`
/// element where the browser cannot construct sheets.
pub fn adopt(shadow: &ShadowRoot, css: &str) {
    let sheet = SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = CssStyleSheet::new()
                .ok()
                .filter(|sheet| sheet.replace_sync(css).is_ok());
        }
        cell.clone()
    });
    if let Some(sheet) = sheet {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        return;
    }
    let style = super::page::document()
        .and_then(|d| d.create_element("style").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlStyleElement>().ok());
    if let Some(style) = style {
        style.set_text_content(Some(css));
        let _ = shadow.append_child(&style);
    }
}
