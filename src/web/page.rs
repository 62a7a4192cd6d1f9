//! Reads a placeholder's configuration and the reader's date from the page, as plain text.

use crate::date::CivilDate;
use crate::embed::RawEmbed;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

pub fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Today by the reader's own calendar.
pub fn today() -> CivilDate {
    let now = js_sys::Date::new_0();
    let fallback = CivilDate::from_day_number(0);
    let year = i32::try_from(now.get_full_year()).unwrap_or(1970);
    CivilDate::new(year, now.get_month() + 1, now.get_date()).unwrap_or(fallback)
}

fn text_of(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// A list item's own text: a list nested in it is not part of its question.
fn item_text(item: &Element) -> String {
    let nodes = item.child_nodes();
    let mut text = String::new();
    for i in 0..nodes.length() {
        let Some(node) = nodes.item(i) else { continue };
        let nested_list = node
            .dyn_ref::<Element>()
            .is_some_and(|e| matches!(e.tag_name().to_ascii_lowercase().as_str(), "ol" | "ul"));
        if !nested_list {
            text.push_str(&node.text_content().unwrap_or_default());
        }
    }
    text
}

/// What the placeholder says: its data attributes, its heading line and its list, if any.
pub fn read_embed(host: &Element) -> RawEmbed {
    let list = host.query_selector("ol, ul").ok().flatten();
    let items = list.as_ref().map(|list| {
        let mut items = Vec::new();
        let children = list.children();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                if child.tag_name().eq_ignore_ascii_case("li") {
                    items.push(item_text(&child));
                }
            }
        }
        items
    });
    let heading = host
        .query_selector_all("h1, h2, h3, h4, h5, h6, p")
        .ok()
        .and_then(|nodes| {
            (0..nodes.length())
                .filter_map(|i| nodes.item(i))
                .filter_map(|node| node.dyn_into::<Element>().ok())
                .filter(|element| {
                    list.as_ref()
                        .is_none_or(|list| !list.contains(Some(element)))
                })
                .map(|element| text_of(&element))
                .find(|text| !text.trim().is_empty())
        });
    RawEmbed {
        programme: host.get_attribute("data-programme"),
        thing: host.get_attribute("data-thing"),
        heading,
        list: items,
    }
}
