//! The "Wording (optional)" fieldset: pick an interface string and type its new wording.

use super::label_overrides::LabelOverrides;
use super::send_value::send_value;
use crate::view::configurator::form::Action;
use crate::view::i18n::{Lang, LABELS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LabelsFieldProps {
    /// The picked label's key.
    pub label_key: String,
    /// The wording typed for it (empty: the widget's own).
    pub text: String,
    /// Its own text, shown while nothing is typed.
    pub default_text: AttrValue,
    /// Every reworded label as (key, text).
    pub labels: Vec<(String, String)>,
    pub onchange: Callback<Action>,
}

#[function_component(LabelsField)]
pub fn labels_field(props: &LabelsFieldProps) -> Html {
    html! {
        <fieldset>
            <legend>{ "Wording (optional)" }</legend>
            <div class="field">
                <label for="label-key">{ "Text to replace" }</label>
                <select id="label-key" onchange={send_value(&props.onchange, Action::PickLabel)}>
                    { for LABELS.iter().map(|l| html! {
                        <option value={l.key()} selected={props.label_key == l.key()}>
                            { format!("{}: {}", l.key(), l.text(Lang::En)) }
                        </option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="label-text">{ "Your wording" }</label>
                <input id="label-text" type="text" value={props.text.clone()} placeholder={props.default_text.clone()}
                    aria-describedby="label-help" oninput={send_value(&props.onchange, Action::TypeLabel)} />
                <p id="label-help" class="hint">
                    { "{name} inserts a value, {n|one|other} picks the singular or plural. Leave it empty for the widget's own text." }
                </p>
            </div>
            if !props.labels.is_empty() {
                <LabelOverrides labels={props.labels.clone()} onchange={props.onchange.clone()} />
            }
        </fieldset>
    }
}
