//! The Thing to show: this week's, or one from the programme's list.

use super::send_value::send_value;
use crate::core::embed::ThingChoice;
use crate::core::programme::Programme;
use crate::view::configurator::form::{thing_named, Action};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThingFieldProps {
    /// The Thing the snippet names (see `Form::thing_in`).
    pub thing: ThingChoice,
    /// The programme, when it could be read.
    pub programme: Option<Rc<Programme>>,
    /// The overview shows every Thing, so there is none to pick.
    pub overview: bool,
    pub onchange: Callback<Action>,
}

#[function_component(ThingField)]
pub fn thing_field(props: &ThingFieldProps) -> Html {
    let onchange = send_value(&props.onchange, |value| {
        Action::PickThing(thing_named(&value))
    });
    let thing = props.thing;
    html! {
        <div class="field">
            <label for="thing">{ "Thing" }</label>
            <select id="thing" disabled={props.overview} aria-describedby="thing-help" {onchange}>
                <option value="current" selected={thing == ThingChoice::Current}>
                    { "This week's Thing (follows the course's schedule)" }
                </option>
                // Without a readable programme, the Thing chosen before stays chosen.
                if let (ThingChoice::Number(n), None) = (thing, props.programme.as_ref()) {
                    <option value={n.to_string()} selected=true>{ format!("Thing {n}") }</option>
                }
                { for props.programme.iter().flat_map(|p| p.things.iter()).map(|t| html! {
                    <option value={t.number.to_string()} selected={thing == ThingChoice::Number(t.number)}>
                        { format!("Thing {}: {}", t.number, t.title) }
                    </option>
                }) }
            </select>
            <p id="thing-help" class="hint">
                { if props.overview {
                    "The overview shows every Thing."
                } else {
                    "A pinned Thing puts its questions into the post as plain text too; this week's Thing changes by itself."
                } }
            </p>
        </div>
    }
}
