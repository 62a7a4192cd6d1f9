//! One radio button of a group (the programme's source, the view), with its label.

use crate::view::configurator::form::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The group's `name`.
    pub name: AttrValue,
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    /// What picking it does.
    pub pick: Action,
    pub onchange: Callback<Action>,
}

#[function_component(Choice)]
pub fn choice(props: &ChoiceProps) -> Html {
    let pick = props.pick.clone();
    let onchange = props.onchange.reform(move |_: Event| pick.clone());
    html! {
        <div class="choice">
            <input type="radio" name={props.name.clone()} id={props.id.clone()} checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
        </div>
    }
}
