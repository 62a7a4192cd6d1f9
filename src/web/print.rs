//! Printing one widget alone: the course record prints as a page of its own, without the blog
//! around it. The widget's own print styles live in its shadow root; the page around it can only
//! be hidden by a rule in the page itself, so while the record is printed the host and each of
//! its ancestors carry `data-thing-prompts-print` (the host `host`, the others `path`), and a
//! small stylesheet of the page hides every other element of the body. Without the attribute
//! the rule matches nothing: printing the blog post is left as it is.

use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element};

const ATTRIBUTE: &str = "data-thing-prompts-print";

/// Only the marked host prints: every element of the body that is neither the host nor one of
/// its ancestors is hidden; the ancestors keep their boxes but lose what would push the widget
/// about (their margins, widths, floats, columns) and paint nothing (`visibility`), the host
/// paints again.
const PAGE_CSS: &str = "@media print{\
html[data-thing-prompts-print] body *:not([data-thing-prompts-print]){display:none!important}\
html[data-thing-prompts-print],html[data-thing-prompts-print] [data-thing-prompts-print]{visibility:hidden!important;display:block!important;position:static!important;float:none!important;margin:0!important;padding:0!important;border:0!important;width:auto!important;max-width:none!important;min-width:0!important;height:auto!important;min-height:0!important;columns:auto!important;transform:none!important;box-shadow:none!important;background:none!important;overflow:visible!important}\
html[data-thing-prompts-print] [data-thing-prompts-print=host]{visibility:visible!important}\
}";

thread_local! {
    static RULE_ADDED: Cell<bool> = const { Cell::new(false) };
}

/// Adds the page's print rule to the document, once: a constructed sheet beside the page's own
/// (allowed under a strict style-src), or a `<style>` in the head where the browser cannot
/// construct sheets.
fn add_page_rule() {
    if RULE_ADDED.with(|added| added.replace(true)) {
        return;
    }
    let Some(document) = super::page::document() else {
        return;
    };
    if let Some(sheet) = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(PAGE_CSS).is_ok())
    {
        let sheets = document.adopted_style_sheets();
        sheets.push(&sheet);
        document.set_adopted_style_sheets(&sheets);
        return;
    }
    let style = document.create_element("style").ok();
    let head = document.query_selector("head").ok().flatten();
    if let (Some(style), Some(head)) = (style, head) {
        style.set_text_content(Some(PAGE_CSS));
        let _ = head.append_child(&style);
    }
}

/// Marks `host` and its ancestors so that only `host` prints, until [`unmark`].
pub fn mark(host: &Element) {
    add_page_rule();
    unmark();
    let _ = host.set_attribute(ATTRIBUTE, "host");
    let mut node = host.parent_element();
    while let Some(element) = node {
        let _ = element.set_attribute(ATTRIBUTE, "path");
        node = element.parent_element();
    }
}

/// Takes the marks away: the page prints as itself again.
pub fn unmark() {
    let Some(document) = super::page::document() else {
        return;
    };
    let Ok(marked) = document.query_selector_all(&format!("[{ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..marked.length() {
        if let Some(element) = marked
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            let _ = element.remove_attribute(ATTRIBUTE);
        }
    }
}

/// Opens the browser's print dialog (it prints what is marked); false when the browser refused.
pub fn print() -> bool {
    web_sys::window().is_some_and(|window| window.print().is_ok())
}
