//! Reads a placeholder's configuration and the reader's date from the page, as plain text.

use super::json;
use crate::core::colour::{Rgba, Scheme};
use crate::core::embed::{RawEmbed, Supplied, Unavailable};
use crate::core::programme::is_bundled;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The page's document. (web-sys rather than gloo-utils' `document()`, which throws where
/// there is none: the widget must never throw into the page.)
pub fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
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

/// Where a placeholder's programme comes from, decided here and only here: the file of
/// `data-programme-src` (fetched by the loader, which passes its text or why fetching failed),
/// a block named by `data-programme="#id"`, a bundled programme named by `data-programme`
/// (its file beside the loader, fetched likewise), or, without a name, a programme block
/// inside or beside the placeholder. `None` when the placeholder supplies none (a programme
/// id that is not bundled, or its own list of questions).
fn supplied_programme(host: &Element, fetched: Option<Result<String, String>>) -> Option<Supplied> {
    if let Some(url) = host.get_attribute("data-programme-src") {
        let text = match fetched {
            Some(text) => text.map_err(Unavailable::Fetch),
            None => Err(Unavailable::NotLoaded(url.clone())),
        };
        return Some(Supplied::read(url, text, json::parse));
    }
    let named = host
        .get_attribute("data-programme")
        .map(|p| p.trim().to_owned());
    if let Some(id) = named.as_deref().and_then(|p| p.strip_prefix('#')) {
        let block = document().and_then(|d| d.get_element_by_id(id));
        let text = match block {
            None => Err(Unavailable::NoElement(id.to_owned())),
            Some(block) if !is_json_block(&block) => Err(Unavailable::NotABlock(id.to_owned())),
            Some(block) => Ok(text_of(&block)),
        };
        return Some(Supplied::read(format!("#{id}"), text, json::parse));
    }
    if let Some(id) = named {
        // A bundled programme's file, when the loader fetched it; else the name alone.
        let id = id.to_ascii_lowercase();
        let text = fetched.filter(|_| is_bundled(&id))?;
        return Some(Supplied::read(
            id,
            text.map_err(Unavailable::Fetch),
            json::parse,
        ));
    }
    // Without a name, a programme block inside the placeholder or beside it (same parent) is its own.
    let inside = host
        .query_selector("script.thing-prompts-programme")
        .ok()
        .flatten();
    let beside = || {
        let siblings = host.parent_element()?.children();
        (0..siblings.length())
            .filter_map(|i| siblings.item(i))
            .find(|e| e.class_list().contains("thing-prompts-programme") && is_json_block(e))
    };
    let block = inside.filter(is_json_block).or_else(beside)?;
    let origin = block.get_attribute("id").map_or_else(
        || "the programme block beside this element".to_owned(),
        |id| format!("#{id}"),
    );
    Some(Supplied::read(origin, Ok(text_of(&block)), json::parse))
}

fn is_json_block(element: &Element) -> bool {
    element.tag_name().eq_ignore_ascii_case("script")
        && element
            .get_attribute("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
}

/// What the placeholder says: its data attributes, its heading line and its list, if any.
/// `fetched` is what the loader fetched for it, if anything: the text of its programme's file
/// (of `data-programme-src`, or of the bundled programme it names), or why fetching failed.
pub fn read_embed(host: &Element, fetched: Option<Result<String, String>>) -> RawEmbed {
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
        lang: host.get_attribute("data-lang"),
        page_lang: host
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|element| element.get_attribute("lang")),
        theme: host.get_attribute("data-theme"),
        labels: label_overrides(host),
        view: host.get_attribute("data-view"),
        notes: host.get_attribute("data-notes"),
        supplied: supplied_programme(host, fetched),
    }
}

/// Every `data-label-<key>` attribute of the placeholder.
fn label_overrides(host: &Element) -> Vec<(String, String)> {
    host.get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| {
            let key = name.strip_prefix("data-label-")?.to_owned();
            host.get_attribute(&name).map(|text| (key, text))
        })
        .collect()
}

/// Light or dark, from the first painted background around the placeholder `host`, else from
/// the canvas the page shows where it paints none. That canvas is white unless the page declares
/// a `color-scheme` that allows dark (in CSS or in `<meta name="color-scheme">`); where it allows
/// both, it follows the reader's preference. A reader who prefers dark still sees a white page
/// where nothing is declared. Rather than reading those declarations and repeating the browser's
/// rules, the colour is asked of the browser itself: `probe` is an element inside the widget that
/// inherits the page's `color-scheme` and whose `outline-color` the stylesheet sets to the system
/// colour `Canvas`.
pub fn scheme_around(host: &Element, probe: &Element) -> Scheme {
    let Some(window) = web_sys::window() else {
        return Scheme::Light;
    };
    let colour = |element: &Element, property: &str| {
        window
            .get_computed_style(element)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value(property).ok())
            .and_then(|colour| Rgba::parse(&colour))
    };
    let mut element = Some(host.clone());
    while let Some(current) = element {
        if let Some(background) = colour(&current, "background-color").filter(|b| b.is_painted()) {
            return background.scheme_on();
        }
        element = current.parent_element();
    }
    colour(probe, "outline-color").map_or(Scheme::Light, Rgba::scheme_on)
}
