//! The reworded labels, each with a button that removes it.

use crate::view::configurator::form::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LabelOverridesProps {
    /// Every reworded label as (key, text).
    pub labels: Vec<(String, String)>,
    pub onchange: Callback<Action>,
}

#[function_component(LabelOverrides)]
pub fn label_overrides(props: &LabelOverridesProps) -> Html {
    html! {
        <ul class="overrides" aria-label="Replaced wording">
            { for props.labels.iter().map(|(key, text)| {
                let remove = {
                    let key = key.clone();
                    props.onchange.reform(move |_: MouseEvent| Action::RemoveLabel(key.clone()))
                };
                html! {
                    <li>
                        <code>{ format!("data-label-{key}") }</code>{ " " }{ text.clone() }{ " " }
                        <button type="button" class="small" onclick={remove}
                            aria-label={format!("Remove the wording for {key}")}>{ "Remove" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
