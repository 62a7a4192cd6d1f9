//! The preview: the real widget, mounted from the snippet's placeholder and remounted whenever
//! the placeholder or the programme changes.

use crate::core::snippet::{Placeholder, PROGRAMME_BLOCK_CLASS};
use crate::view::configurator::form::PreviewMount;
use crate::web::page;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub mount: PreviewMount,
    /// Why there is nothing to show yet, instead of the widget.
    pub waiting: Option<&'static str>,
    /// Mounts the widget in a placeholder with the programme text or why there is none.
    pub onmount: Callback<(Element, Option<String>, Option<String>)>,
    /// Stops the widget mounted in a placeholder.
    pub onclear: Callback<Element>,
}

#[function_component(Preview)]
pub fn preview(props: &PreviewProps) -> Html {
    let container = use_node_ref();
    {
        let container = container.clone();
        let (onmount, onclear) = (props.onmount.clone(), props.onclear.clone());
        use_effect_with(
            (props.mount.clone(), props.waiting),
            move |(mount, waiting)| {
                let host = match (container.cast::<Element>(), waiting) {
                    (Some(container), None) => mount_in(&container, mount, &onmount),
                    (Some(container), Some(_)) => {
                        container.set_text_content(None);
                        None
                    }
                    (None, _) => None,
                };
                move || {
                    if let Some(host) = host {
                        onclear.emit(host.clone());
                        host.remove();
                    }
                }
            },
        );
    }
    html! {
        <section aria-labelledby="preview-title">
            <h2 id="preview-title">{ "Preview" }</h2>
            <p class="hint">{ "The real widget, as readers will see it. Ticks you make here stay in this browser." }</p>
            if let Some(waiting) = props.waiting {
                <p class="waiting">{ waiting }</p>
            }
            <div class="preview" id="preview" ref={container}></div>
        </section>
    }
}

/// Mounts the real widget in `container` for `mount`; returns the placeholder to unmount.
fn mount_in(
    container: &Element,
    mount: &PreviewMount,
    onmount: &Callback<(Element, Option<String>, Option<String>)>,
) -> Option<Element> {
    container.set_text_content(None);
    let host = placeholder_element(&mount.placeholder)?;
    container.append_child(&host).ok()?;
    let (text, error) = mount.loader_passes();
    onmount.emit((host.clone(), text, error));
    Some(host)
}

/// Creates the preview's placeholder from the snippet's, with its static copy, as the post will have it.
fn placeholder_element(placeholder: &Placeholder) -> Option<Element> {
    let document = page::document()?;
    let host = document.create_element("div").ok()?;
    for (name, value) in &placeholder.attributes {
        host.set_attribute(name, value).ok()?;
    }
    let add = |parent: &Element, tag: &str, text: Option<&str>| -> Option<Element> {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(text);
        parent.append_child(&element).ok()?;
        Some(element)
    };
    let heading = add(&host, "p", None)?;
    add(&heading, "strong", Some(&placeholder.heading))?;
    if !placeholder.list.is_empty() {
        let list = add(&host, "ul", None)?;
        for item in &placeholder.list {
            add(&list, "li", Some(item))?;
        }
    }
    for line in &placeholder.lines {
        add(&host, "p", Some(line))?;
    }
    if let Some(block) = &placeholder.block {
        let script = add(&host, "script", None)?;
        script.set_attribute("type", "application/json").ok()?;
        script.set_attribute("class", PROGRAMME_BLOCK_CLASS).ok()?;
        script.set_text_content(Some(block));
    }
    Some(host)
}
