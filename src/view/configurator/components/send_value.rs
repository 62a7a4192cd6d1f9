//! The callback a form control fires with its value, turned into the change it makes.

use crate::view::configurator::form::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A callback for an input's, select's or textarea's event that sends `action` of its value
/// up. All three have `value`, and web-sys calls it by name, so one element type reads them.
pub fn send_value<E: AsRef<Event> + 'static>(
    onchange: &Callback<Action>,
    action: fn(String) -> Action,
) -> Callback<E> {
    onchange.reform(move |event: E| {
        action(
            event
                .as_ref()
                .target_unchecked_into::<HtmlInputElement>()
                .value(),
        )
    })
}
